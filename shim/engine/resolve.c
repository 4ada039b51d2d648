/* resolve.c: .NET-style address text, IP literals, de-duplicated address lists. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/resolve.h"

int
address_set(struct tnc_address *a, const struct sockaddr *sa, socklen_t len)
{
	memset(a, 0, sizeof(*a));
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&a->sa;

		memcpy(sin, sa, sizeof(*sin));
		sin->sin_port = 0;
		a->sa_len = sizeof(*sin);
		inet_ntop(AF_INET, &sin->sin_addr, a->text, sizeof(a->text));
		return 0;
	}
	if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&a->sa;
		size_t used;

		memcpy(sin6, sa, sizeof(*sin6));
		sin6->sin6_port = 0;
		sin6->sin6_flowinfo = 0;
		a->sa_len = sizeof(*sin6);
		inet_ntop(AF_INET6, &sin6->sin6_addr, a->text, sizeof(a->text));
		/* .NET prints the numeric scope id: "fe80::1%2" */
		used = strlen(a->text);
		if (sin6->sin6_scope_id != 0)
			snprintf(a->text + used, sizeof(a->text) - used, "%%%u",
			    (unsigned)sin6->sin6_scope_id);
		return 0;
	}
	return -1;
}

bool
address_equal(const struct tnc_address *a, const struct tnc_address *b)
{
	const struct sockaddr_in *a4, *b4;
	const struct sockaddr_in6 *a6, *b6;

	if (a->sa.ss_family != b->sa.ss_family)
		return false;
	if (a->sa.ss_family == AF_INET) {
		a4 = (const struct sockaddr_in *)&a->sa;
		b4 = (const struct sockaddr_in *)&b->sa;
		return a4->sin_addr.s_addr == b4->sin_addr.s_addr;
	}
	if (a->sa.ss_family == AF_INET6) {
		a6 = (const struct sockaddr_in6 *)&a->sa;
		b6 = (const struct sockaddr_in6 *)&b->sa;
		return memcmp(&a6->sin6_addr, &b6->sin6_addr,
		    sizeof(a6->sin6_addr)) == 0 &&
		    a6->sin6_scope_id == b6->sin6_scope_id;
	}
	return false;
}

int
address_list(const struct addrinfo *res, struct tnc_address **out)
{
	struct tnc_address *v = NULL, *grown, a;
	int n = 0;

	*out = NULL;
	for (const struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		bool dup = false;

		if (address_set(&a, ai->ai_addr, ai->ai_addrlen) != 0)
			continue;
		for (int i = 0; i < n && !dup; i++)
			dup = address_equal(&v[i], &a);
		if (dup)
			continue;
		grown = realloc(v, (size_t)(n + 1) * sizeof(*v));
		if (grown == NULL) {
			free(v);
			return -1;
		}
		v = grown;
		v[n++] = a;
	}
	*out = v;
	return n;
}

int
resolve_literal(const char *name, struct tnc_address *a)
{
	struct addrinfo hints, *res = NULL;
	char buf[TNC_ADDR_TEXT_LEN + 2];
	size_t len = strlen(name);
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST;
	if (len >= 2 && name[0] == '[' && name[len - 1] == ']') {
		/* "[::1]": .NET parses the bracketed form as IPv6 only */
		if (len - 2 >= sizeof(buf))
			return -1;
		memcpy(buf, name + 1, len - 2);
		buf[len - 2] = '\0';
		name = buf;
		hints.ai_family = AF_INET6;
	}
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return -1;
	rc = address_set(a, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return rc;
}
