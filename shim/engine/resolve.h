#ifndef TNC_ENGINE_RESOLVE_H
#define TNC_ENGINE_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "engine/tnc_result.h"

/*
 * Name resolution, as [System.Net.Dns]::GetHostAddresses(): every address,
 * in resolver order, without duplicates; an IP literal (also "[::1]") is
 * itself.
 */

/*
 * resolve_name()
 * Resolves name with getaddrinfo(AF_UNSPEC, SOCK_STREAM) in a helper thread
 * and waits at most timeout_seconds for it (a dead DNS server can stall
 * getaddrinfo for much longer; on timeout the thread is left to finish on
 * its own and its answer is dropped).  Returns the number of addresses (>= 1)
 * with a malloc'd array in *out, or -1 when the name did not resolve
 * (error, no address, timeout, out of memory); *out is then NULL.
 */
int	resolve_name(const char *name, double timeout_seconds,
	    struct tnc_address **out);

/*
 * resolve_literal()
 * Fills *a if name is an IPv4 or IPv6 literal (with an optional "%scope"
 * and optional brackets).  Returns 0, or -1 if name is not a literal.
 * Never blocks.
 */
int	resolve_literal(const char *name, struct tnc_address *a);

/*
 * address_set()
 * Fills *a from a socket address (the port is cleared) and sets its text
 * to IPAddress.ToString(): inet_ntop, plus "%<scope id>" for scoped IPv6.
 * Returns 0, or -1 for a family other than AF_INET/AF_INET6.
 */
int	address_set(struct tnc_address *a, const struct sockaddr *sa,
	    socklen_t len);

/* Whether two addresses are the same (family, address and scope). */
bool	address_equal(const struct tnc_address *a, const struct tnc_address *b);

#endif /* TNC_ENGINE_RESOLVE_H */
