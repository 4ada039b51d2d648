#ifndef TNC_ENGINE_ROUTE_LOOKUP_H
#define TNC_ENGINE_ROUTE_LOOKUP_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/constraint.h"
#include "engine/tnc_result.h"

/*
 * The route the kernel would use for a destination (Find-NetRoute), asked
 * over rtnetlink (RTM_GETROUTE, as "ip route get" does), so that later
 * issues can take the next hop and route-selection details from the same
 * answer.
 */
struct route_info {
	unsigned oif;			/* outgoing interface index */
	char	ifname[IF_NAMESIZE];	/* oif's name (RTM_GETLINK), "" if unknown */
	char	gateway[TNC_ADDR_TEXT_LEN];	/* next hop; "0.0.0.0" / "::" on-link */
	char	prefsrc[TNC_ADDR_TEXT_LEN];	/* the kernel's source choice, "" if none */
	char	prefix[TNC_ADDR_TEXT_LEN + 4];	/* "198.18.2.0/24", "0.0.0.0/0": RTA_DST/rtm_dst_len */
};

/* What to ask the kernel: as "ip route get DST [from SRC] [oif DEV] [fibmatch]". */
struct route_query {
	const struct tnc_address *dst;
	const struct tnc_address *src;	/* RTA_SRC: a source to route from; NULL: any */
	unsigned oif;			/* RTA_OIF: only through that interface; 0: any */
	bool	fib_match;		/* RTM_F_FIB_MATCH: the matching route's prefix */
};

/*
 * The engine's netlink socket: opened on first use, kept for the run, one
 * sequence number per request (per engine, so engines in several threads
 * share nothing).  The kernel answers RTM_GETROUTE and RTM_GETLINK inside
 * the send, so a request costs microseconds and is done synchronously.
 */
#define ROUTE_NAMES_CACHED	8

struct route_nl {
	int	fd;			/* -1: not open yet */
	unsigned seq;			/* of the last request */
	/* interface names asked for so far (a run does not outlive a rename) */
	struct {
		unsigned index;
		char	name[IF_NAMESIZE];
	} names[ROUTE_NAMES_CACHED];
	unsigned nnames;
};

void	route_nl_init(struct route_nl *nl);
void	route_nl_close(struct route_nl *nl);

/*
 * route_lookup()
 * Looks up the route to dst (its scope id, if any, constrains the
 * interface).  Returns 0 with *ri filled, or -1 (no route, netlink error;
 * errno set, EMFILE & co. when no socket could be had) with *ri cleared.
 * Waits at most one second for the kernel.
 */
int	route_lookup(struct route_nl *nl, const struct tnc_address *dst,
	    struct route_info *ri);

/*
 * route_query()
 * route_lookup() with a source, an interface and the FIB-match flag.  With
 * fib_match the answer is the routing-table entry itself, so prefix is the
 * matched route's destination prefix; without it, prefix is dst's own
 * host prefix ("/32", "/128").  The interface name comes from RTM_GETLINK
 * on the same socket.  Returns 0 with *ri filled, or -1 (errno set:
 * ENETUNREACH and EHOSTUNREACH for no route, EINVAL for a source the host
 * does not have, EMFILE & co. when no socket could be had, ...).
 */
int	route_query(struct route_nl *nl, const struct route_query *q,
	    struct route_info *ri);

/*
 * route_ifname()
 * The name of interface index (RTM_GETLINK, once per index for nl's
 * life).  Returns 0 with it in name[IF_NAMESIZE], or -1 with errno set.
 */
int	route_ifname(struct route_nl *nl, unsigned index, char *name);

/*
 * route_parse_reply()
 * Fills *ri from one RTM_NEWROUTE message (the struct rtmsg and its
 * attributes, len bytes), as route_query() does, but for the interface
 * name (route_query() asks for it).  For tests.
 */
void	route_parse_reply(const void *rtm, size_t len, struct route_info *ri);

/*
 * route_source_address()
 * The local address the kernel picks for dst: connect() on a UDP socket,
 * then getsockname() (nothing is sent).  Returns 0 with the text in out,
 * or -1 with errno set.
 */
int	route_source_address(const struct tnc_address *dst, char *out,
	    size_t outlen);

/* route_source_address() for a socket bound as c says (NULL: not bound). */
int	route_source_address_bound(const struct tnc_address *dst,
	    const struct tnc_constraint *c, char *out, size_t outlen);

/*
 * route_isolation_context()
 * NetworkIsolationContext for an address: "Loopback", "Private Network"
 * or "Internet" (ranges in route_lookup.c).
 */
const char *route_isolation_context(const struct tnc_address *a);

#endif /* TNC_ENGINE_ROUTE_LOOKUP_H */
