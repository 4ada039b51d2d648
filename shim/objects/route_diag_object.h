#ifndef TNC_OBJECTS_ROUTE_DIAG_OBJECT_H
#define TNC_OBJECTS_ROUTE_DIAG_OBJECT_H

#include "engine/route_diagnostics.h"
#include "objects/psobj.h"
#include "objects/result_view.h"

/*
 * A struct route_diag as the pipeline object of -DiagnoseRouting: a
 * NetRouteDiagnostics with the properties of spec 1.3 in declaration
 * order (see the table at the top of route_diag_object.c), so a pipeline
 * gives the same object and the same view as the plain form.
 */

#define ROUTE_DIAG_OBJECT_TYPE	"NetRouteDiagnostics"

/*
 * route_diag_object_new()
 * Sets v to a NetRouteDiagnostics object built from rd (which resolved).
 * Returns 0, or -1 (errno ENOMEM) leaving v PSOBJ_NULL.
 */
int	route_diag_object_new(struct psobj_value *v, const struct route_diag *rd,
	    enum ps_edition ed);

/*
 * route_diag_object_view()
 * The rows of its list view (route_diag_view.h), computed from o's
 * properties. Returns 0, or -1 (ENOMEM, or EINVAL when o is not a
 * NetRouteDiagnostics).
 */
int	route_diag_object_view(const struct psobj *o, struct view_rows *rows);

#endif /* TNC_OBJECTS_ROUTE_DIAG_OBJECT_H */
