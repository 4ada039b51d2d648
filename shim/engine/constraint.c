/* constraint.c: -ConstrainSourceAddress / -ConstrainInterface on sockets. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "engine/constraint.h"
#include "engine/resolve.h"

int
constraint_from_options(const struct tnc_options *o, struct tnc_constraint *c,
    char *err, size_t errlen)
{
	const char *src = o->constrain_source_address;

	memset(c, 0, sizeof(*c));
	if (src != NULL && src[0] != '\0') {
		if (resolve_literal(src, &c->source) != 0) {
			snprintf(err, errlen, "-ConstrainSourceAddress %s: "
			    "not an IP address", src);
			errno = EINVAL;
			return -1;
		}
		c->has_source = true;
	}
	if (o->constrain_interface != 0) {
		c->ifindex = o->constrain_interface;
		if (if_indextoname(c->ifindex, c->ifname) == NULL) {
			int e = errno;	/* EMFILE & co.: the caller tells them apart */

			snprintf(err, errlen, "-ConstrainInterface %u: %s",
			    c->ifindex, strerror(e));
			errno = e;
			return -1;
		}
	}
	return 0;
}

bool
constraint_active(const struct tnc_constraint *c)
{
	return c != NULL && (c->has_source || c->ifindex != 0);
}

int
constraint_apply(const struct tnc_constraint *c, int fd, int family)
{
	if (c == NULL)
		return 0;
	if (c->ifindex != 0 && setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE,
	    c->ifname, (socklen_t)strlen(c->ifname) + 1) != 0)
		return -1;
	if (!c->has_source)
		return 0;
	if (c->source.sa.ss_family != family) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	return bind(fd, (const struct sockaddr *)&c->source.sa,
	    c->source.sa_len);
}
