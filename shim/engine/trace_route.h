#ifndef TNC_ENGINE_TRACE_ROUTE_H
#define TNC_ENGINE_TRACE_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/icmp_echo.h"
#include "engine/tnc_result.h"

/*
 * -TraceRoute (spec 1.4 step 5): for TTL 1..hops, one echo to the remote
 * address with that TTL (Ping.SendPingAsync(addr, 4000, buffer,
 * PingOptions{Ttl})), one after the other, until one comes back Success.
 * The hops are sent by the test's state machine (netconnection.c) on the
 * engine's shared ICMP sockets, the hop limit set right before each send;
 * on a ping socket the Time Exceeded errors arrive on its error queue
 * (IP_RECVERR) with the router's address, as tracepath reads them.  Here:
 * what each hop shows, and whether the trace got there.
 */

#define TRACE_HOP_TIMEOUT_MS	4000	/* Windows' per-hop timeout (S1 l.225) */

/*
 * trace_entry()
 * The TraceRoute entry for one hop's echo, as Windows shows it: the
 * address that answered; "0.0.0.0" ("::" for IPv6, family) when no one
 * did in time; "..." when the echo could not be sent (the call threw).
 */
void	trace_entry(const struct icmp_echo_result *res, int family, char *buf,
	    size_t len);

/* Whether a trace did not reach dst: its last entry is not dst's text. */
bool	trace_incomplete(char *const *entries, size_t n,
	    const struct tnc_address *dst);

#endif /* TNC_ENGINE_TRACE_ROUTE_H */
