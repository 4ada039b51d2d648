#ifndef TNC_ENGINE_ICMP_ECHO_H
#define TNC_ENGINE_ICMP_ECHO_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/constraint.h"
#include "engine/tnc_result.h"

/*
 * ICMP echo, as Ping.SendPingAsync(addr, timeout, 32 bytes): the
 * unprivileged ping socket (SOCK_DGRAM) first, a raw socket otherwise.
 * A pinger sends one echo to each of its addresses at once and collects
 * the answers, so the caller can run it beside the TCP test in one poll
 * loop and apply the cmdlet's one-after-another rules afterwards.
 */

#define ICMP_PAYLOAD_LEN	32	/* Windows' default buffer */

struct icmp_echo_result {
	bool	done;			/* decided: reply, error, timeout, or not sent */
	bool	reply_present;		/* false: no PingReply (the call "threw") */
	bool	denied;			/* no ICMP socket was permitted for this family */
	enum tnc_ping_status status;
	long	rtt_ms;			/* whole ms, truncated; 0 unless Success */
	int	os_errno;		/* why no reply object (socket or send error) */
	char	from[TNC_ADDR_TEXT_LEN];	/* who answered (reply or ICMP error); "" */
};

/* How a pinger's sockets are set up; all zero: as Ping.SendPingAsync. */
struct icmp_opts {
	const struct tnc_constraint *con;	/* bind every socket; NULL: none */
	int	ttl;			/* IP_TTL / IPV6_UNICAST_HOPS; 0: the default */
};

struct icmp_pinger;

/*
 * icmp_pinger_new()
 * Opens what sockets the address families need, set up as opts says
 * (NULL: defaults), and sends an echo to each of the n addresses; res (n
 * entries, owned by the caller) is filled as answers come in. Entries
 * that could not be sent (or whose socket could not be bound or given its
 * TTL) are done at once with reply_present false. Returns NULL only when
 * out of memory.
 */
struct icmp_pinger *icmp_pinger_new(const struct tnc_address *addrs,
	    size_t n, long timeout_ms, struct icmp_echo_result *res,
	    const struct icmp_opts *opts);

/* Puts the pinger's sockets (at most 2) into fds; returns how many. */
unsigned icmp_pinger_fds(const struct icmp_pinger *p, struct pollfd *fds);

/*
 * icmp_pinger_process()
 * Reads whatever is waiting on the sockets (replies, ICMP errors, the
 * error queue) without blocking, then marks echoes older than the timeout
 * TimedOut.  With force, every echo still open is marked TimedOut.
 */
void	icmp_pinger_process(struct icmp_pinger *p, bool force);

/* Milliseconds until the next echo times out (0 if one is due, -1 if none is open). */
long	icmp_pinger_next_ms(const struct icmp_pinger *p);

void	icmp_pinger_free(struct icmp_pinger *p);

/*
 * icmp_echo()
 * One echo to a, waiting at most timeout_ms.  Returns 0 with *res filled,
 * or -1 when out of memory.
 */
int	icmp_echo(const struct tnc_address *a, long timeout_ms,
	    struct icmp_echo_result *res);

/* icmp_echo() with the sockets set up as opts says (NULL: defaults). */
int	icmp_echo_opts(const struct tnc_address *a, long timeout_ms,
	    struct icmp_echo_result *res, const struct icmp_opts *opts);

#endif /* TNC_ENGINE_ICMP_ECHO_H */
