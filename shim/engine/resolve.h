#ifndef TNC_ENGINE_RESOLVE_H
#define TNC_ENGINE_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "engine/tnc_result.h"

/*
 * Addresses as .NET shows them, and the names that are addresses: an IP
 * literal (also "[::1]") is itself and never reaches a resolver.  Lookups
 * of real names go through engine/resolver.h.
 */

/*
 * address_list()
 * The distinct addresses of res (a getaddrinfo() answer), in its order,
 * as [System.Net.Dns]::GetHostAddresses() lists them.  Returns how many
 * (>= 1) with a malloc'd array in *out, 0 when res holds no IPv4 or IPv6
 * address, or -1 when out of memory; *out is NULL unless > 0.
 */
struct addrinfo;
int	address_list(const struct addrinfo *res, struct tnc_address **out);

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
