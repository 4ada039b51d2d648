#ifndef TNC_OBJECTS_ROUTE_DIAG_OBJECT_H
#define TNC_OBJECTS_ROUTE_DIAG_OBJECT_H

#include "engine/route_diagnostics.h"
#include "objects/psobj.h"
#include "objects/result_view.h"

/*
 * -DiagnoseRouting's result as the pipeline object Windows hands on: a
 * NetRouteDiagnostics (spec 1.3) with its properties in declaration order,
 * SelectedNetRoute an MSFT_NetRoute with DestinationPrefix and NextHop.
 */

#define ROUTE_DIAG_OBJECT_TYPE	"NetRouteDiagnostics"

/* Sets v to the object for rd.  Returns 0, or -1 (ENOMEM), v PSOBJ_NULL. */
int	route_diag_object_new(struct psobj_value *v, const struct route_diag *rd);

/*
 * route_diag_object_view()
 * The rows of its list view (route_diag_view()), from the object's
 * properties.  Returns 0, or -1 (ENOMEM, or EINVAL when o is not one).
 */
int	route_diag_object_view(const struct psobj *o, struct view_rows *rows);

#endif /* TNC_OBJECTS_ROUTE_DIAG_OBJECT_H */
