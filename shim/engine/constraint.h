#ifndef TNC_ENGINE_CONSTRAINT_H
#define TNC_ENGINE_CONSTRAINT_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * -ConstrainSourceAddress and -ConstrainInterface.  The cmdlet uses them
 * only in the NetRouteDiagnostics set (Find-NetRoute's -SourceAddress and
 * -InterfaceIndex).  Our extension: when given, they also bind every probe
 * socket of the run (the TCP test, the ping, the trace) to that source
 * address (bind) and that interface (SO_BINDTODEVICE), in any set, so the
 * test shows what a client pinned to that address or interface would see.
 */
struct tnc_constraint {
	bool	has_source;
	struct tnc_address source;	/* port 0 */
	unsigned ifindex;		/* 0: no interface constraint */
	char	ifname[IF_NAMESIZE];	/* if_indextoname(ifindex) */
};

/*
 * constraint_from_options()
 * Parses o's constraints into *c (cleared first).  Returns 0, or -1 with a
 * sentence in err and errno set: the source is not an IP address (EINVAL),
 * no interface has that index (ENXIO), or no socket could be had to ask
 * (EMFILE & co.: the machine's failure, not the option's).
 */
int	constraint_from_options(const struct tnc_options *o,
	    struct tnc_constraint *c, char *err, size_t errlen);

/* Whether c constrains anything. */
bool	constraint_active(const struct tnc_constraint *c);

/*
 * constraint_apply()
 * Binds fd (a socket of family, not yet connected or sent on) to the
 * interface (SO_BINDTODEVICE; unprivileged since Linux 5.7) and to the
 * source address.  A source of the other family cannot be used for this
 * socket: -1 with errno EAFNOSUPPORT.  Returns 0, or -1 with errno set.
 */
int	constraint_apply(const struct tnc_constraint *c, int fd, int family);

#endif /* TNC_ENGINE_CONSTRAINT_H */
