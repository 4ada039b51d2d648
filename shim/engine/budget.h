#ifndef TNC_ENGINE_BUDGET_H
#define TNC_ENGINE_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/resource.h>

/*
 * Descriptors (and memory) as a budget (issue 8 item 3, issue 9 item 2):
 * running short of them is the machine's failure, never the target's.
 */

#define BUDGET_RESERVE_FDS	32	/* stdio, epoll, libcurl's wakeup pair, netlink,
					   ICMP sockets, the resolver's eventfd and what
					   its threads open (hosts file, DNS sockets) */
#define BUDGET_FDS_PER_TEST	2	/* a TCP socket and a transient one (UDP
					   source lookup, a constrained ICMP socket) */

/*
 * budget_raise_nofile()
 * Raises RLIMIT_NOFILE's soft limit to the hard limit when allowed and
 * returns the soft limit in force afterwards.
 */
rlim_t	budget_raise_nofile(void);

/*
 * budget_in_flight()
 * How many tests may hold descriptors at once with a soft limit of
 * nofile: what is left after the reserve, BUDGET_FDS_PER_TEST each, at
 * least 1, at most ceiling, and at most wanted when wanted is not 0.
 */
unsigned budget_in_flight(rlim_t nofile, unsigned ceiling, unsigned wanted);

/* Whether errno e means the machine ran short: EMFILE, ENFILE, ENOBUFS, ENOMEM. */
bool	budget_short(int e);

/*
 * budget_explain()
 * The sentence for a test that could not get what it needed with nothing
 * else in flight: "cannot open a socket: Too many open files (ulimit -n
 * 4)", "cannot open a socket: Cannot allocate memory".
 */
void	budget_explain(char *buf, size_t len, const char *what, int e);

#endif /* TNC_ENGINE_BUDGET_H */
