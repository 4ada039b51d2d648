/* route_diag_object.c: a NetRouteDiagnostics as a pipeline object. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/route_diag_object.h"
#include "objects/route_diag_view.h"

static int
add_string(struct psobj *o, const char *name, const char *s)
{
	struct psobj_value v = psobj_null();

	if (s != NULL && psobj_string(&v, s) != 0)
		return -1;
	return psobj_add(o, name, v);
}

static int
add_uint(struct psobj *o, const char *name, unsigned u)
{
	return psobj_add(o, name, psobj_int(u, "System.UInt32"));
}

/* SelectedNetRoute: null, or an MSFT_NetRoute showing "prefix". */
static int
add_route(struct psobj *o, const struct route_diag *rd)
{
	struct psobj *r;
	struct psobj_value v = psobj_null();

	if (rd->has_route) {
		r = psobj_new("Microsoft.Management.Infrastructure.CimInstance"
		    "#ROOT/StandardCimv2/MSFT_NetRoute");
		if (r == NULL || add_string(r, "DestinationPrefix",
		    rd->prefix) != 0 || add_string(r, "NextHop",
		    rd->next_hop) != 0) {
			psobj_free(r);
			return -1;
		}
		if (psobj_object(&v, r, NULL) != 0)	/* frees r */
			return -1;
	}
	return psobj_add(o, "SelectedNetRoute", v);
}

int
route_diag_object_new(struct psobj_value *v, const struct route_diag *rd)
{
	struct psobj *o = psobj_new(ROUTE_DIAG_OBJECT_TYPE);
	int rc = 0;

	*v = psobj_null();
	if (o == NULL)
		return -1;
	rc |= add_string(o, "ComputerName", rd->computer_name);
	rc |= add_string(o, "RemoteAddress", rd->remote_address);
	rc |= add_string(o, "ConstrainSourceAddress", rd->constrain_source);
	rc |= add_uint(o, "ConstrainInterfaceIndex", rd->constrain_ifindex);
	rc |= add_string(o, "SelectedSourceAddress", rd->selected_source);
	rc |= add_string(o, "OutgoingInterfaceAlias", rd->out_ifalias);
	rc |= add_uint(o, "OutgoingInterfaceIndex", rd->out_ifindex);
	rc |= rc == 0 ? add_route(o, rd) : 0;
	rc |= psobj_add(o, "Detailed", psobj_bool(rd->detailed));
	rc |= psobj_add(o, "RouteDiagnosticsSucceeded",
	    psobj_bool(rd->succeeded));
	if (rc != 0) {
		psobj_free(o);
		errno = ENOMEM;
		return -1;
	}
	if (psobj_object(v, o, NULL) != 0) {	/* frees o */
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

static const char *
prop_text(const struct psobj *o, const char *name)
{
	const struct psobj_prop *p = psobj_find(o, name);

	return p != NULL && p->value.kind == PSOBJ_STRING ? p->value.s : "";
}

static long long
prop_int(const struct psobj *o, const char *name)
{
	const struct psobj_prop *p = psobj_find(o, name);

	return p != NULL && p->value.kind == PSOBJ_INT ? p->value.i : 0;
}

static bool
prop_bool(const struct psobj *o, const char *name)
{
	const struct psobj_prop *p = psobj_find(o, name);

	return p != NULL && p->value.kind == PSOBJ_BOOL && p->value.b;
}

int
route_diag_object_view(const struct psobj *o, struct view_rows *rows)
{
	const struct psobj_prop *route = psobj_find(o, "SelectedNetRoute");
	struct route_diag rd;

	if (strcmp(o->type_name, ROUTE_DIAG_OBJECT_TYPE) != 0) {
		errno = EINVAL;
		return -1;
	}
	memset(&rd, 0, sizeof(rd));
	/* borrowed for the view only; rd is never freed */
	rd.computer_name = (char *)prop_text(o, "ComputerName");
	snprintf(rd.remote_address, sizeof(rd.remote_address), "%s",
	    prop_text(o, "RemoteAddress"));
	rd.constrain_source = (char *)prop_text(o, "ConstrainSourceAddress");
	rd.constrain_ifindex = (unsigned)prop_int(o, "ConstrainInterfaceIndex");
	snprintf(rd.selected_source, sizeof(rd.selected_source), "%s",
	    prop_text(o, "SelectedSourceAddress"));
	rd.out_ifindex = (unsigned)prop_int(o, "OutgoingInterfaceIndex");
	if (route != NULL && route->value.kind == PSOBJ_OBJECT) {
		rd.has_route = true;
		snprintf(rd.prefix, sizeof(rd.prefix), "%s",
		    prop_text(route->value.obj, "DestinationPrefix"));
		snprintf(rd.next_hop, sizeof(rd.next_hop), "%s",
		    prop_text(route->value.obj, "NextHop"));
	}
	rd.detailed = prop_bool(o, "Detailed");
	rd.succeeded = prop_bool(o, "RouteDiagnosticsSucceeded");
	return route_diag_view(&rd, rows);
}
