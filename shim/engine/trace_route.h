#ifndef TNC_ENGINE_TRACE_ROUTE_H
#define TNC_ENGINE_TRACE_ROUTE_H

#include <stddef.h>

#include "engine/constraint.h"
#include "engine/tnc_result.h"

/*
 * -TraceRoute (spec 1.4 step 5): for TTL 1..hops, one echo to the remote
 * address with that TTL (Ping.SendPingAsync(addr, 4000, buffer,
 * PingOptions{Ttl})), one after the other, until one comes back Success.
 * The echoes go through icmp_echo's pinger: the unprivileged ping socket,
 * whose ICMP errors (Time Exceeded from each router) arrive on its error
 * queue (IP_RECVERR) with the router's address, as tracepath reads them;
 * a raw socket when ping sockets are not permitted.
 */

#define TRACE_HOP_TIMEOUT_MS	4000	/* Windows' per-hop timeout (S1 l.225) */

struct trace_hop {
	char	entry[TNC_ADDR_TEXT_LEN];	/* what TraceRoute shows for the hop */
	enum tnc_ping_status status;
	bool	reply_present;
};

/*
 * trace_route()
 * Traces to dst, hop_timeout_ms per hop, at most hops hops, and stops
 * when budget_ms (the run's remaining time) is spent; each entry is the
 * address that answered, "0.0.0.0" ("::" for IPv6) when no one did in
 * time, "..." when the echo could not be sent (the call threw), as
 * Windows shows them.  c (NULL: none) binds the sockets.  Returns the
 * number of entries (>= 1 unless budget_ms <= 0) with a malloc'd array of
 * malloc'd strings in *out, or -1 when out of memory.
 */
int	trace_route(const struct tnc_address *dst, int hops, long hop_timeout_ms,
	    long budget_ms, const struct tnc_constraint *c, char ***out);

/* Whether a trace did not reach dst: its last entry is not dst's text. */
bool	trace_incomplete(char *const *entries, size_t n,
	    const struct tnc_address *dst);

#endif /* TNC_ENGINE_TRACE_ROUTE_H */
