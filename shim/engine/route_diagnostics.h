#ifndef TNC_ENGINE_ROUTE_DIAGNOSTICS_H
#define TNC_ENGINE_ROUTE_DIAGNOSTICS_H

#include <net/if.h>
#include <stdbool.h>

#include "engine/diag.h"
#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * -DiagnoseRouting: the NetRouteDiagnostics object (spec 1.3), filled the
 * way the module's DiagnoseRouteSelection does (S1), with rtnetlink in
 * place of Find-NetRoute:
 *   SelectedNetRoute  RTM_GETROUTE with RTM_F_FIB_MATCH: the routing-table
 *                     entry that matched (its prefix and gateway);
 *   OutgoingInterface RTM_GETROUTE's RTA_OIF;
 *   SelectedSource    its RTA_PREFSRC, else the source a UDP socket gets
 *                     from connect() (bound as the constraints say);
 *   constraints       -ConstrainSourceAddress -> RTA_SRC,
 *                     -ConstrainInterface -> RTA_OIF.
 * Route and source-address selection events come from ETW tracing on
 * Windows; Linux has no such events, so with Detailed both lists are empty.
 */
struct route_diag {
	bool	resolved;		/* false: name resolution failed, no object */
	char	*computer_name;		/* verbatim */
	char	remote_address[TNC_ADDR_TEXT_LEN];	/* ResolvedAddresses[0] */
	char	*constrain_source;	/* malloc'd, as given; "" when not (Any / IPv6Any) */
	unsigned constrain_ifindex;	/* 0: none */
	bool	detailed;		/* Detailed and elevated */
	char	selected_source[TNC_ADDR_TEXT_LEN];	/* "" if none */
	unsigned out_ifindex;		/* 0 if no route */
	char	out_ifalias[IF_NAMESIZE];
	bool	has_route;		/* SelectedNetRoute != null */
	char	prefix[TNC_ADDR_TEXT_LEN + 4];	/* DestinationPrefix */
	char	next_hop[TNC_ADDR_TEXT_LEN];	/* "0.0.0.0" / "::" on-link */
	bool	succeeded;		/* RouteDiagnosticsSucceeded */
};

/*
 * route_diagnose()
 * Runs the NetRouteDiagnostics parameter set for o.  Warnings (name
 * resolution, Detailed without elevation, a failed route lookup) and our
 * notes go to d in order.  Returns 0 (rd->resolved says whether there is
 * an object), or -1 with d->error set (out of memory).
 */
int	route_diagnose(const struct tnc_options *o, struct route_diag *rd,
	    struct tnc_diag *d);

void	route_diag_free(struct route_diag *rd);

#endif /* TNC_ENGINE_ROUTE_DIAGNOSTICS_H */
