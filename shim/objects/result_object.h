#ifndef TNC_OBJECTS_RESULT_OBJECT_H
#define TNC_OBJECTS_RESULT_OBJECT_H

#include "engine/tnc_result.h"
#include "objects/list_writer.h"		/* enum ps_edition */
#include "objects/psobj.h"
#include "objects/result_view.h"

/*
 * A struct tnc_result as the pipeline object Windows would hand to the
 * next command: a TestNetConnectionResult with every property of spec 1.3
 * in declaration order, and the .NET objects inside it (IPAddress,
 * PingReply, CimInstance) as far as Linux can fill them.  See the table
 * at the top of result_object.c for what each property holds.
 */

#define RESULT_OBJECT_TYPE	"TestNetConnectionResult"
#define IPADDRESS_TYPE		"System.Net.IPAddress"

/*
 * result_object_new()
 * Sets v to a PSOBJ_OBJECT of type TestNetConnectionResult built from r.
 * ed picks the property order of the IPAddress objects inside (spec 3.6).
 * Returns 0, or -1 (errno ENOMEM) leaving v PSOBJ_NULL.
 */
int	result_object_new(struct psobj_value *v, const struct tnc_result *r,
	    enum ps_edition ed);

/*
 * result_object_ip_address()
 * Sets v to a System.Net.IPAddress for text (IPAddress.ToString() form,
 * e.g. "10.0.0.4", "fe80::1%12") with the properties of spec 3.6 in the
 * order of edition ed; its ToString() is text.  Returns 0, -1 (EINVAL)
 * when text is no address, or -1 (ENOMEM); v is left PSOBJ_NULL on error.
 */
int	result_object_ip_address(struct psobj_value *v, const char *text,
	    enum ps_edition ed);

/*
 * result_object_default_view()
 * The rows of DefaultView (spec 2.1) for a TestNetConnectionResult object,
 * computed from its properties as the view's script blocks do, through
 * result_view_default().  Returns 0, or -1 (ENOMEM, or EINVAL when o is
 * not a TestNetConnectionResult).
 */
int	result_object_default_view(const struct psobj *o, struct view_rows *rows);

#endif /* TNC_OBJECTS_RESULT_OBJECT_H */
