/* route_diag_object.c: a route_diag as the NetRouteDiagnostics object. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/result_object.h"
#include "objects/route_diag_object.h"
#include "objects/route_diag_view.h"

/*
 * What each property holds (spec 1.3 order). Where Windows has a CIM
 * object Linux cannot have, the choice is ours, as in result_object.c:
 *
 * ComputerName                  String, verbatim.
 * RemoteAddress                 IPAddress; ResolvedAddresses IPAddress[]
 *                               of that one address (route_diag keeps
 *                               only the first).
 * ConstrainSourceAddress        String as given; null when not given.
 * ConstrainInterfaceIndex       UInt32, 0 when not given.
 * SelectedSourceAddress         CimInstance MSFT_NetIPAddress {IPAddress,
 *                               InterfaceIndex, InterfaceAlias}; ToString
 *                               the bare IP; null when none was selected.
 * OutgoingInterfaceAlias,
 * OutgoingInterfaceIndex,
 * OutgoingInterfaceDescription  the interface name, its index (UInt32),
 *                               the name again (no adapter descriptions on
 *                               Linux); null/0 when there is no route.
 * OutgoingNetAdapter            null (ours).
 * SelectedNetRoute              CimInstance MSFT_NetRoute
 *                               {DestinationPrefix, NextHop}; ToString
 *                               `MSFT_NetRoute (DestinationPrefix = "p",
 *                               NextHop = "h")`; null when no route.
 * LogFile                       null: no ETW trace file on Linux.
 * RouteSelectionEvents,
 * SourceAddressSelectionEvents  empty arrays with Detailed, else null.
 * Detailed, RouteDiagnosticsSucceeded   Boolean.
 */

#define CIM_TYPE	"Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/"

/* The first failure sticks; later adds only free their value. */
static void
add(struct psobj *o, int *rc, const char *name, int made,
    struct psobj_value v)
{
	if (*rc == 0 && made != 0)
		*rc = -1;
	if (*rc != 0) {
		psobj_value_free(&v);
		return;
	}
	*rc = psobj_add(o, name, v);
}

/* A string property, null when s is NULL or empty */
static void
add_text(struct psobj *o, int *rc, const char *name, const char *s)
{
	struct psobj_value v = psobj_null();

	add(o, rc, name, s != NULL && *s != '\0' ? psobj_string(&v, s) : 0, v);
}

/* A CIM object of class cls with two string properties */
static int
cim2(struct psobj_value *v, const char *cls, const char *k1, const char *v1,
    const char *k2, const char *v2, const char *to_string)
{
	char type[128];
	struct psobj *o;
	int rc = 0;

	snprintf(type, sizeof(type), CIM_TYPE "%s", cls);
	*v = psobj_null();
	if ((o = psobj_new(type)) == NULL)
		return -1;
	add_text(o, &rc, k1, v1);
	add_text(o, &rc, k2, v2);
	if (rc != 0) {
		psobj_free(o);
		return -1;
	}
	return psobj_object(v, o, to_string);
}

static int
selected_source(struct psobj_value *v, const struct route_diag *rd)
{
	*v = psobj_null();
	if (rd->selected_source[0] == '\0')
		return 0;
	if (cim2(v, "MSFT_NetIPAddress", "IPAddress", rd->selected_source,
	    "InterfaceAlias", rd->out_ifalias, rd->selected_source) != 0)
		return -1;
	return psobj_add(v->obj, "InterfaceIndex", psobj_int(rd->out_ifindex,
	    "System.UInt32"));
}

static int
selected_route(struct psobj_value *v, const struct route_diag *rd)
{
	char *ts;
	int rc;

	*v = psobj_null();
	if (!rd->has_route)
		return 0;
	if (asprintf(&ts, "MSFT_NetRoute (DestinationPrefix = \"%s\", "
	    "NextHop = \"%s\")", rd->prefix, rd->next_hop) < 0)
		return -1;
	rc = cim2(v, "MSFT_NetRoute", "DestinationPrefix", rd->prefix,
	    "NextHop", rd->next_hop, ts);
	free(ts);
	return rc;
}

/* Empty event lists with Detailed (no ETW events on Linux), else null */
static int
events(struct psobj_value *v, const struct route_diag *rd)
{
	*v = psobj_null();
	return rd->detailed ? psobj_array(v, 0, "System.Object[]") : 0;
}

int
route_diag_object_new(struct psobj_value *v, const struct route_diag *rd,
    enum ps_edition ed)
{
	struct psobj *o = psobj_new(ROUTE_DIAG_OBJECT_TYPE);
	struct psobj_value x, y;
	int rc = 0, made;

	*v = psobj_null();
	if (o == NULL)
		return -1;
	add_text(o, &rc, "ComputerName", rd->computer_name);
	made = result_object_ip_address(&x, rd->remote_address, ed);
	if (made != 0 && errno == EINVAL)
		made = 0;	/* no address: null */
	if (made == 0 && x.kind != PSOBJ_NULL) {
		made = psobj_array(&y, 1, "System.Net.IPAddress[]");
		if (made == 0 && (made = psobj_value_copy(&y.items[0], &x)) != 0)
			psobj_value_free(&y);
	} else {
		y = psobj_null();
	}
	add(o, &rc, "RemoteAddress", made, x);
	add(o, &rc, "ResolvedAddresses", made, y);
	add_text(o, &rc, "ConstrainSourceAddress", rd->constrain_source);
	add(o, &rc, "ConstrainInterfaceIndex", 0,
	    psobj_int(rd->constrain_ifindex, "System.UInt32"));
	made = selected_source(&x, rd);
	add(o, &rc, "SelectedSourceAddress", made, x);
	add_text(o, &rc, "OutgoingInterfaceAlias", rd->out_ifalias);
	add(o, &rc, "OutgoingInterfaceIndex", 0,
	    psobj_int(rd->out_ifindex, "System.UInt32"));
	add_text(o, &rc, "OutgoingInterfaceDescription", rd->out_ifalias);
	add(o, &rc, "OutgoingNetAdapter", 0, psobj_null());
	made = selected_route(&x, rd);
	add(o, &rc, "SelectedNetRoute", made, x);
	add(o, &rc, "LogFile", 0, psobj_null());
	made = events(&x, rd);
	add(o, &rc, "RouteSelectionEvents", made, x);
	made = events(&x, rd);
	add(o, &rc, "SourceAddressSelectionEvents", made, x);
	add(o, &rc, "Detailed", 0, psobj_bool(rd->detailed));
	add(o, &rc, "RouteDiagnosticsSucceeded", 0, psobj_bool(rd->succeeded));
	if (rc != 0) {
		psobj_free(o);
		errno = ENOMEM;
		return -1;
	}
	return psobj_object(v, o, NULL);
}

/* The text of o's property name (ToString), into buf; "" if null */
static int
prop_text(const struct psobj *o, const char *name, char *buf, size_t size)
{
	const struct psobj_prop *p = psobj_find(o, name);
	char *s;

	buf[0] = '\0';
	if (p == NULL || p->value.kind == PSOBJ_NULL)
		return 0;
	if ((s = psobj_value_to_string(&p->value)) == NULL)
		return -1;
	snprintf(buf, size, "%s", s);
	free(s);
	return 0;
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
	const struct psobj_prop *cn = psobj_find(o, "ComputerName");
	static char none[] = "";
	char constrain[TNC_ADDR_TEXT_LEN];
	struct route_diag rd;
	int rc = 0;

	rows->items = NULL;
	rows->n = 0;
	if (strcmp(o->type_name, ROUTE_DIAG_OBJECT_TYPE) != 0) {
		errno = EINVAL;
		return -1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.computer_name = cn != NULL && cn->value.kind == PSOBJ_STRING ?
	    cn->value.s : none;
	rc |= prop_text(o, "RemoteAddress", rd.remote_address,
	    sizeof(rd.remote_address));
	rc |= prop_text(o, "ConstrainSourceAddress", constrain,
	    sizeof(constrain));
	rd.constrain_source = constrain;
	rd.constrain_ifindex = (unsigned)prop_int(o, "ConstrainInterfaceIndex");
	rc |= prop_text(o, "SelectedSourceAddress", rd.selected_source,
	    sizeof(rd.selected_source));
	rd.out_ifindex = (unsigned)prop_int(o, "OutgoingInterfaceIndex");
	rd.has_route = route != NULL && route->value.kind == PSOBJ_OBJECT;
	if (rd.has_route) {
		rc |= prop_text(route->value.obj, "DestinationPrefix",
		    rd.prefix, sizeof(rd.prefix));
		rc |= prop_text(route->value.obj, "NextHop", rd.next_hop,
		    sizeof(rd.next_hop));
	}
	rd.detailed = prop_bool(o, "Detailed");
	rd.succeeded = prop_bool(o, "RouteDiagnosticsSucceeded");
	if (rc != 0) {
		errno = ENOMEM;
		return -1;
	}
	return route_diag_view(&rd, rows);
}
