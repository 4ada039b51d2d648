/* route_diagnostics.c: Test-NetConnection -DiagnoseRouting. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/constraint.h"
#include "engine/host.h"
#include "engine/resolve.h"
#include "engine/route_diagnostics.h"
#include "engine/route_lookup.h"

/* A warning; true when -WarningAction Stop makes it end the run. */
static bool
rd_warn(const struct tnc_options *o, struct tnc_diag *d, const char *text)
{
	diag_warn(d, "%s", text);
	if (o->warning_action == TNC_ACTION_STOP) {
		d->stopped = true;
		return true;
	}
	return false;
}

int
route_diagnose(const struct tnc_options *o, struct route_diag *rd,
    struct tnc_diag *d)
{
	const char *name = o->computer_name != NULL ? o->computer_name : "";
	struct tnc_address *addrs = NULL, *dst;
	struct tnc_constraint con;
	struct route_query q;
	struct route_info ri, fib;
	char msg[512], err[256];
	int n;

	memset(rd, 0, sizeof(*rd));
	rd->computer_name = strdup(name);
	if (rd->computer_name == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		return -1;
	}
	n = resolve_name(name, o->timeout_seconds, &addrs);
	if (n < 0) {
		/* the module returns $null: no object at all */
		snprintf(msg, sizeof(msg), "Name resolution of %s failed", name);
		rd_warn(o, d, msg);
		return 0;
	}
	rd->resolved = true;
	dst = &addrs[0];
	snprintf(rd->remote_address, sizeof(rd->remote_address), "%s",
	    dst->text);
	rd->constrain_source = strdup(o->constrain_source_address != NULL ?
	    o->constrain_source_address : "");
	if (rd->constrain_source == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		free(addrs);
		return -1;
	}
	rd->constrain_ifindex = o->constrain_interface;
	rd->detailed = o->information_level == TNC_INFO_DETAILED;
	if (rd->detailed && !tnc_is_admin()) {
		rd->detailed = false;
		if (rd_warn(o, d, "'-InformationLevel Detailed' requires "
		    "elevation (Run as administrator)."))
			goto out;
	}

	/*
	 * Find-NetRoute -LocalIPAddress <text> fails to convert a text that
	 * is not an address: the module's catch turns it into this warning.
	 */
	if (constraint_from_options(o, &con, err, sizeof(err)) != 0) {
		snprintf(msg, sizeof(msg), "Error occured while finding route "
		    "information. Exception: %s", err);
		rd_warn(o, d, msg);
		goto out;
	}
	memset(&q, 0, sizeof(q));
	q.dst = dst;
	q.src = con.has_source ? &con.source : NULL;
	q.oif = con.ifindex;
	/*
	 * Two questions: the route as a packet would take it (interface,
	 * source), then the table entry it matched (prefix).  A lookup the
	 * FIB cannot match (e.g. forced out of lo) is no route either.
	 */
	if (route_query(&q, &ri) == 0 &&
	    (q.fib_match = true, route_query(&q, &fib) == 0)) {
		rd->has_route = true;
		snprintf(rd->prefix, sizeof(rd->prefix), "%s", fib.prefix);
		/* the FIB entry's gateway: "0.0.0.0" / "::" on-link */
		snprintf(rd->next_hop, sizeof(rd->next_hop), "%s", fib.gateway);
		rd->out_ifindex = ri.oif;
		snprintf(rd->out_ifalias, sizeof(rd->out_ifalias), "%s",
		    ri.ifname);
		if (con.has_source)
			snprintf(rd->selected_source,
			    sizeof(rd->selected_source), "%s", con.source.text);
		else if (ri.prefsrc[0] != '\0')
			snprintf(rd->selected_source,
			    sizeof(rd->selected_source), "%s", ri.prefsrc);
		else
			route_source_address_bound(dst, &con,
			    rd->selected_source, sizeof(rd->selected_source));
	} else {
		/*
		 * Find-NetRoute runs with -ErrorAction SilentlyContinue: no
		 * route leaves the fields empty and is no failure to the
		 * module.  Say why on stderr.
		 */
		diag_note(d, "%s: no route%s%s%s: %s", dst->text,
		    con.has_source ? " from " : "",
		    con.has_source ? con.source.text : "",
		    con.ifindex != 0 ? " through the constrained interface" : "",
		    strerror(errno));
	}
	rd->succeeded = true;
out:
	free(addrs);
	return 0;
}

void
route_diag_free(struct route_diag *rd)
{
	free(rd->computer_name);
	free(rd->constrain_source);
	rd->computer_name = NULL;
	rd->constrain_source = NULL;
}
