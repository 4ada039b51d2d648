#ifndef TNC_ENGINE_ICMP_ECHO_H
#define TNC_ENGINE_ICMP_ECHO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "engine/constraint.h"
#include "engine/loop.h"
#include "engine/tnc_result.h"

/*
 * ICMP echo, as Ping.SendPingAsync(addr, timeout, 32 bytes), for every
 * test of a run on shared sockets: one per address family (and per
 * constraint, when -ConstrainSourceAddress/-ConstrainInterface bind
 * them), opened on first use, watched by the engine's loop.  Echoes are
 * told apart by sequence number (and, on a raw socket, by our ident), and
 * each reply must come from the address its echo went to.  The trace sets
 * the hop limit right before its send: the loop is single-threaded.
 *
 * The unprivileged ping socket (SOCK_DGRAM) is tried first, a raw socket
 * only when the ping socket is not permitted or not available (EACCES,
 * EPERM, EAFNOSUPPORT, EPROTONOSUPPORT), as iputils does; any other errno
 * (EMFILE, ENFILE, ENOBUFS, ENOMEM) is the machine running short.
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

struct icmp_hub;
struct icmp_sock;
struct icmp_echo;

typedef void (*icmp_done_fn)(void *arg, struct icmp_echo *echo);

/* One echo, embedded in its owner; zeroed before its first start. */
struct icmp_echo {
	struct icmp_echo_result res;
	/* private */
	struct icmp_hub *hub;
	struct icmp_sock *sock;
	unsigned gen;			/* starts so far: tells a restarted echo apart */
	bool	in_flight;		/* holds a sequence number or a retry */
	bool	sent;			/* on the wire (else: waiting to retry the send) */
	uint16_t seq;
	int	ttl;
	long	timeout_ms;
	struct tnc_address dst;
	struct timespec t_sent;		/* RTT starts here */
	int64_t	t_start_ms;		/* the send retries stop timeout_ms after this */
	struct loop_timer timer;
	icmp_done_fn done;
	void	*arg;
};

/* NULL: out of memory.  Opens nothing until the first echo. */
struct icmp_hub *icmp_hub_new(struct loop *l);

/* Closes the hub's sockets; every echo must have been finished or cancelled. */
void	icmp_hub_free(struct icmp_hub *h);

/*
 * icmp_hub_reclaim()
 * Closes the sockets no echo is using (the next echo opens them again),
 * for a test that finds no descriptor left.  Returns how many.
 */
unsigned icmp_hub_reclaim(struct icmp_hub *h);

/*
 * icmp_echo_start()
 * Sends one echo to dst through the socket for dst's family and con (NULL:
 * none), with hop limit ttl (0: the system's default), to be answered
 * within timeout_ms.  Returns
 *    0  in flight: done(arg, echo) is called once, from the loop, with
 *       echo->res decided (reply, ICMP error, timeout, or a send that
 *       kept failing for lack of buffers);
 *    1  decided at once, done is not called: echo->res says the echo
 *       could not be sent (no socket permitted, the constraint or the hop
 *       limit could not be applied, sendto failed: no route, EACCES...);
 *   -1  the machine is short (errno EMFILE, ENFILE, ENOBUFS, ENOMEM):
 *       nothing was sent; try again once a descriptor is freed.
 */
int	icmp_echo_start(struct icmp_hub *h, struct icmp_echo *echo,
	    const struct tnc_address *dst, long timeout_ms,
	    const struct tnc_constraint *con, int ttl, icmp_done_fn done,
	    void *arg);

/* Forgets an echo in flight (a late reply is ignored); done is not called. */
void	icmp_echo_cancel(struct icmp_echo *echo);

/* Forces an echo in flight to be TimedOut now (the run's deadline); done is not called. */
void	icmp_echo_expire(struct icmp_echo *echo);

#endif /* TNC_ENGINE_ICMP_ECHO_H */
