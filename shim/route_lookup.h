#ifndef TNC_SHIM_ROUTE_LOOKUP_H
#define TNC_SHIM_ROUTE_LOOKUP_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include "tnc_result.h"

/*
 * The route the kernel would use for a destination (Find-NetRoute), asked
 * over rtnetlink (RTM_GETROUTE, as "ip route get" does), so that later
 * issues can take the next hop and route-selection details from the same
 * answer.
 */
struct route_info {
	unsigned oif;			/* outgoing interface index */
	char	ifname[IF_NAMESIZE];	/* if_indextoname(oif), "" if unknown */
	char	gateway[TNC_ADDR_TEXT_LEN];	/* next hop; "0.0.0.0" / "::" on-link */
	char	prefsrc[TNC_ADDR_TEXT_LEN];	/* the kernel's source choice, "" if none */
};

/*
 * route_lookup()
 * Looks up the route to dst (its scope id, if any, constrains the
 * interface).  Returns 0 with *ri filled, or -1 (no route, netlink error;
 * errno set) with *ri cleared.  Waits at most one second for the kernel.
 */
int	route_lookup(const struct tnc_address *dst, struct route_info *ri);

/*
 * route_source_address()
 * The local address the kernel picks for dst: connect() on a UDP socket,
 * then getsockname() (nothing is sent).  Returns 0 with the text in out,
 * or -1.
 */
int	route_source_address(const struct tnc_address *dst, char *out,
	    size_t outlen);

/*
 * route_isolation_context()
 * NetworkIsolationContext for an address: "Loopback", "Private Network"
 * or "Internet" (ranges in route_lookup.c).
 */
const char *route_isolation_context(const struct tnc_address *a);

#endif /* TNC_SHIM_ROUTE_LOOKUP_H */
