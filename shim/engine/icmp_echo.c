/* icmp_echo.c: echoes on shared ping (or raw) sockets, matched by sequence number. */
#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/raw_socket.h"
#include "engine/budget.h"
#include "engine/icmp_echo.h"
#include "engine/icmp_packet.h"
#include "engine/resolve.h"

/* <linux/icmp.h> clashes with <netinet/ip_icmp.h>; its raw-socket filter: */
#ifndef ICMP_FILTER
#define ICMP_FILTER	1
#endif
struct icmp4_filter {
	uint32_t data;			/* bit t set: drop ICMP type t */
};

#define ICMP_PKT_MAX	1500
#define ICMP_READS_MAX	256		/* datagrams read per wake-up */
#define ICMP_SEQS	65536
#define ICMP_RETRY_MS	1		/* a send short of buffers is retried this soon */

/* A socket for one family and one constraint, shared by every echo that fits. */
struct icmp_sock {
	struct icmp_sock *next;
	struct icmp_hub *hub;
	int	family;
	bool	constrained;
	struct tnc_constraint con;	/* the key, with family */
	int	fd;			/* -1: not open */
	bool	raw;
	uint16_t ident;			/* raw: ours; ping sockets get the kernel's */
	int	ttl;			/* hop limit in force; 0: the default */
	int	fail_errno;		/* != 0: cannot be used, for good */
	bool	denied;			/* ... because ICMP is not permitted */
	uint16_t next_seq;
	unsigned nbusy;			/* echoes in flight on it */
	struct icmp_echo **slots;	/* by sequence number; ICMP_SEQS entries */
};

struct icmp_hub {
	struct loop *loop;
	struct icmp_sock *socks;
};

static void icmp_on_readable(void *arg, int fd, unsigned events);
static void icmp_on_timer(void *arg);

struct icmp_hub *
icmp_hub_new(struct loop *l)
{
	struct icmp_hub *h = calloc(1, sizeof(*h));

	if (h != NULL)
		h->loop = l;
	return h;
}

void
icmp_hub_free(struct icmp_hub *h)
{
	struct icmp_sock *s, *next;

	if (h == NULL)
		return;
	for (s = h->socks; s != NULL; s = next) {
		next = s->next;
		if (s->fd >= 0) {
			loop_unwatch(h->loop, s->fd);
			close(s->fd);
		}
		free(s->slots);
		free(s);
	}
	free(h);
}

unsigned
icmp_hub_reclaim(struct icmp_hub *h)
{
	unsigned n = 0;

	for (struct icmp_sock *s = h->socks; s != NULL; s = s->next) {
		if (s->fd < 0 || s->nbusy > 0)
			continue;
		loop_unwatch(h->loop, s->fd);
		close(s->fd);
		s->fd = -1;		/* opened again by the next echo */
		n++;
	}
	return n;
}

static bool
same_constraint(const struct icmp_sock *s, const struct tnc_constraint *c)
{
	if (!constraint_active(c))
		return !s->constrained;
	return s->constrained && s->con.ifindex == c->ifindex &&
	    s->con.has_source == c->has_source &&
	    (!c->has_source || address_equal(&s->con.source, &c->source));
}

/* Keeps only replies and errors on a raw socket, which sees all ICMP. */
static void
icmp_raw_filter(int fd, int family)
{
	if (family == AF_INET) {
		struct icmp4_filter filt;

		filt.data = ~((1U << ICMP_ECHOREPLY) | (1U << ICMP_DEST_UNREACH) |
		    (1U << ICMP_TIME_EXCEEDED) | (1U << ICMP_PARAMETERPROB));
		setsockopt(fd, SOL_RAW, ICMP_FILTER, &filt, sizeof(filt));
	} else {
		struct icmp6_filter filt;

		ICMP6_FILTER_SETBLOCKALL(&filt);
		ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_DST_UNREACH, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_TIME_EXCEEDED, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_PARAM_PROB, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_PACKET_TOO_BIG, &filt);
		setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filt, sizeof(filt));
	}
}

/*
 * Opens s's socket, as iputils' create_socket() does:
 *  - SOCK_DGRAM + IPPROTO_ICMP(V6), the "ping socket", needs no privilege
 *    but fails with EACCES when our gid is outside net.ipv4.ping_group_range
 *    ("1 0", i.e. nobody, on Debian by default: then even root gets EACCES
 *    here); EAFNOSUPPORT when the family is disabled; EPROTONOSUPPORT on
 *    kernels without ping sockets; EPERM under some security modules;
 *  - only then SOCK_RAW, which needs CAP_NET_RAW (EPERM without it).
 * Any other errno (EMFILE, ENFILE, ENOBUFS, ENOMEM) is the machine running
 * short: returns -1 with errno set and s left closed, to be tried again.
 * A socket that cannot be had or bound for good gets s->fail_errno (and
 * s->denied when ICMP is not permitted); returns 0 then too.
 */
static int
icmp_sock_open(struct icmp_sock *s)
{
	int proto = s->family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
	int on = 1, fd, e;

	s->raw = false;
	s->ttl = 0;
	fd = socket(s->family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
	if (fd >= 0) {
		/* ICMP errors about our echoes come through the error queue */
		if (s->family == AF_INET)
			setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
		else
			setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
	} else {
		e = errno;
		if (e != EACCES && e != EPERM && e != EAFNOSUPPORT &&
		    e != EPROTONOSUPPORT)
			return -1;
		fd = raw_socket(s->family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    proto);
		if (fd < 0) {
			if (budget_short(errno))
				return -1;
			s->fail_errno = errno;
			s->denied = errno == EPERM || errno == EACCES;
			return 0;
		}
		s->raw = true;
		icmp_raw_filter(fd, s->family);
	}
	if ((s->constrained && constraint_apply(&s->con, fd, s->family) != 0) ||
	    loop_watch(s->hub->loop, fd, LOOP_IN, icmp_on_readable, s) != 0) {
		e = errno;
		close(fd);
		if (budget_short(e)) {
			errno = e;
			return -1;
		}
		s->fail_errno = e;	/* the constraint cannot be applied */
		return 0;
	}
	s->fd = fd;
	return 0;
}

/* The socket for family and c: found, or made (not yet opened).  NULL: out of memory. */
static struct icmp_sock *
icmp_sock_get(struct icmp_hub *h, int family, const struct tnc_constraint *c)
{
	struct icmp_sock *s;

	for (s = h->socks; s != NULL; s = s->next)
		if (s->family == family && same_constraint(s, c))
			return s;
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->slots = calloc(ICMP_SEQS, sizeof(*s->slots));
	if (s->slots == NULL) {
		free(s);
		return NULL;
	}
	s->hub = h;
	s->family = family;
	s->fd = -1;
	s->constrained = constraint_active(c);
	if (s->constrained)
		s->con = *c;
	s->ident = (uint16_t)(getpid() ^ (uintptr_t)s ^ ((uintptr_t)s >> 16));
	s->next_seq = (uint16_t)((uintptr_t)h >> 4);
	s->next = h->socks;
	h->socks = s;
	return s;
}

/* A free sequence number on s, or -1 when all 65536 are in flight. */
static long
icmp_seq_take(struct icmp_sock *s, struct icmp_echo *echo)
{
	for (long k = 0; k < ICMP_SEQS; k++) {
		uint16_t seq = s->next_seq++;

		if (s->slots[seq] == NULL) {
			s->slots[seq] = echo;
			return seq;
		}
	}
	return -1;
}

/* Releases what an echo in flight holds; its result stays. */
static void
icmp_echo_release(struct icmp_echo *echo)
{
	if (!echo->in_flight)
		return;
	loop_timer_stop(echo->hub->loop, &echo->timer);
	if (echo->sent && echo->sock->slots[echo->seq] == echo)
		echo->sock->slots[echo->seq] = NULL;
	echo->sock->nbusy--;
	echo->in_flight = false;
	echo->sent = false;
}

/* The echo cannot be sent: no reply object ("Ping to <addr> failed"). */
static void
icmp_not_sent(struct icmp_echo *echo, int e, bool denied)
{
	icmp_echo_release(echo);
	echo->res.done = true;
	echo->res.reply_present = false;
	echo->res.denied = denied;
	echo->res.os_errno = e;
}

/* The hop limit for the next send on s; ttl 0 is the system's default. */
static int
icmp_set_ttl(struct icmp_sock *s, int ttl)
{
	int v = ttl > 0 ? ttl : -1;	/* -1: back to the route's default */

	if (s->ttl == ttl)
		return 0;
	if ((s->family == AF_INET ? setsockopt(s->fd, SOL_IP, IP_TTL, &v,
	    sizeof(v)) : setsockopt(s->fd, SOL_IPV6, IPV6_UNICAST_HOPS, &v,
	    sizeof(v))) != 0)
		return -1;
	s->ttl = ttl;
	return 0;
}

/*
 * sendto() on a shared ping socket: an ICMP error that came back for
 * another echo leaves a pending socket error that the next send would
 * return (sock_alloc_send_pskb), so it is cleared first (its details stay
 * on the error queue), and a send that fails with what could be such an
 * error is tried once more.  Returns 0, or -1 with errno set.
 */
static int
icmp_sendto(struct icmp_sock *s, const uint8_t *pkt,
    const struct tnc_address *dst)
{
	for (int k = 0; k < 2; k++) {
		int soerr;
		socklen_t len = sizeof(soerr);

		getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &len);
		if (sendto(s->fd, pkt, ICMP_ECHO_PKT_LEN, 0,
		    (const struct sockaddr *)&dst->sa, dst->sa_len) >= 0)
			return 0;
		if (errno != EHOSTUNREACH && errno != ENETUNREACH &&
		    errno != EACCES && errno != ECONNREFUSED &&
		    errno != EPROTO && errno != EMSGSIZE)
			break;
	}
	return -1;
}

/*
 * Sends echo on its socket.  Returns 0 (on the wire, or a retry armed),
 * or 1 when it cannot be sent (echo->res says why).
 */
static int
icmp_send(struct icmp_echo *echo)
{
	struct icmp_sock *s = echo->sock;
	uint8_t pkt[ICMP_ECHO_PKT_LEN];
	long seq;
	int e;

	if (icmp_set_ttl(s, echo->ttl) != 0) {
		icmp_not_sent(echo, errno, false);
		return 1;
	}
	seq = icmp_seq_take(s, echo);
	if (seq >= 0) {
		echo->seq = (uint16_t)seq;
		echo->sent = true;
		icmp_echo_build(pkt, s->family, s->ident, echo->seq);
		clock_gettime(CLOCK_MONOTONIC, &echo->t_sent);
		if (icmp_sendto(s, pkt, &echo->dst) == 0)
			return loop_timer_start(s->hub->loop, &echo->timer,
			    echo->timeout_ms) == 0 ? 0 :
			    (icmp_not_sent(echo, ENOMEM, false), 1);
		e = errno;
		s->slots[echo->seq] = NULL;
		echo->sent = false;
	} else {
		e = EAGAIN;
	}
	/*
	 * Short of buffers (EAGAIN, ENOBUFS, ENOMEM): try again in a moment,
	 * until the echo's own timeout.  Anything else (no route, EACCES,
	 * EPERM, ...): the local stack cannot send, the no-reply case.
	 */
	if ((e == EAGAIN || e == EWOULDBLOCK || budget_short(e)) &&
	    loop_now_ms() - echo->t_start_ms < echo->timeout_ms &&
	    loop_timer_start(s->hub->loop, &echo->timer, ICMP_RETRY_MS) == 0)
		return 0;
	icmp_not_sent(echo, e, false);
	return 1;
}

int
icmp_echo_start(struct icmp_hub *h, struct icmp_echo *echo,
    const struct tnc_address *dst, long timeout_ms,
    const struct tnc_constraint *con, int ttl, icmp_done_fn done, void *arg)
{
	int family = dst->sa.ss_family;
	struct icmp_sock *s;

	unsigned gen = echo->gen + 1;

	icmp_echo_cancel(echo);
	memset(echo, 0, sizeof(*echo));
	echo->gen = gen;
	echo->hub = h;
	echo->res.status = TNC_PING_TIMED_OUT;
	if (family != AF_INET && family != AF_INET6) {
		echo->res.done = true;
		return 1;
	}
	s = icmp_sock_get(h, family, con);
	if (s == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (s->fd < 0 && s->fail_errno == 0 && icmp_sock_open(s) != 0)
		return -1;		/* short: errno set */
	if (s->fd < 0) {
		icmp_not_sent(echo, s->fail_errno, s->denied);
		return 1;
	}
	echo->sock = s;
	echo->dst = *dst;
	echo->ttl = ttl;
	echo->timeout_ms = timeout_ms < 1 ? 1 : timeout_ms;
	echo->t_start_ms = loop_now_ms();
	echo->done = done;
	echo->arg = arg;
	echo->in_flight = true;
	s->nbusy++;
	loop_timer_init(&echo->timer, icmp_on_timer, echo);
	return icmp_send(echo);
}

void
icmp_echo_cancel(struct icmp_echo *echo)
{
	icmp_echo_release(echo);
}

/* The echo is over: st, from whom (NULL: unknown). */
static void
icmp_finish(struct icmp_echo *echo, enum tnc_ping_status st,
    const struct sockaddr *from)
{
	struct timespec now;
	struct tnc_address a;

	icmp_echo_release(echo);
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (from != NULL && address_set(&a, from, from->sa_family == AF_INET ?
	    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6)) == 0)
		memcpy(echo->res.from, a.text, sizeof(a.text));
	echo->res.done = true;
	echo->res.reply_present = true;
	echo->res.status = st;
	echo->res.rtt_ms = st == TNC_PING_SUCCESS ?
	    (long)(now.tv_sec - echo->t_sent.tv_sec) * 1000 +
	    (now.tv_nsec - echo->t_sent.tv_nsec) / 1000000 : 0;
}

void
icmp_echo_expire(struct icmp_echo *echo)
{
	if (echo->in_flight)
		icmp_finish(echo, TNC_PING_TIMED_OUT, NULL);
}

static bool
same_host(const struct tnc_address *a, const struct icmp_answer *an)
{
	if (a->sa.ss_family != an->family)
		return false;
	if (an->family == AF_INET)
		return memcmp(&((const struct sockaddr_in *)&a->sa)->sin_addr,
		    &an->dst.v4, sizeof(an->dst.v4)) == 0;
	return memcmp(&((const struct sockaddr_in6 *)&a->sa)->sin6_addr,
	    &an->dst.v6, sizeof(an->dst.v6)) == 0;
}

/* An answer read from s: finish the echo it belongs to, if any. */
static void
icmp_answer(struct icmp_sock *s, const struct icmp_answer *an,
    const struct sockaddr *from)
{
	struct icmp_echo *echo = s->slots[an->seq];

	if (echo == NULL || !same_host(&echo->dst, an) ||
	    (an->has_ident && an->ident != s->ident))
		return;
	icmp_finish(echo, an->status, from);
	echo->done(echo->arg, echo);
}

/* The error queue of a ping socket (IP_RECVERR). */
static void
icmp_read_errqueue(struct icmp_sock *s)
{
	for (int k = 0; k < ICMP_READS_MAX && s->fd >= 0; k++) {
		struct errqueue_entry q;
		struct icmp_answer an;

		if (errqueue_next(s->fd, &q) < 0)
			return;
		if (icmp_errqueue_parse(&q, s->family, &an))
			icmp_answer(s, &an, SO_EE_OFFENDER(q.ee));
	}
}

/* Reads what is waiting on s: replies, (raw) errors, the error queue. */
static void
icmp_read(struct icmp_sock *s)
{
	for (int k = 0; k < ICMP_READS_MAX && s->fd >= 0; k++) {
		uint8_t buf[ICMP_PKT_MAX];
		struct sockaddr_storage from;
		socklen_t flen = sizeof(from);
		struct icmp_answer an;
		ssize_t len;
		bool ok;

		len = recvfrom(s->fd, buf, sizeof(buf), MSG_DONTWAIT,
		    (struct sockaddr *)&from, &flen);
		if (len < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			continue;	/* a pending error, reported once: read on */
		}
		if (s->family == AF_INET && from.ss_family == AF_INET)
			ok = icmp4_parse(buf, (size_t)len, s->raw,
			    (struct sockaddr_in *)&from, &an);
		else if (s->family == AF_INET6 && from.ss_family == AF_INET6)
			ok = icmp6_parse(buf, (size_t)len, s->raw,
			    (struct sockaddr_in6 *)&from, &an);
		else
			ok = false;
		if (ok)
			icmp_answer(s, &an, (struct sockaddr *)&from);
	}
	if (!s->raw)
		icmp_read_errqueue(s);
}

static void
icmp_on_readable(void *arg, int fd, unsigned events)
{
	(void)fd;
	(void)events;
	icmp_read(arg);
}

/* An echo's timer: a send to retry, or its timeout. */
static void
icmp_on_timer(void *arg)
{
	struct icmp_echo *echo = arg;
	unsigned gen = echo->gen;

	if (!echo->sent) {
		if (icmp_send(echo) == 1)
			echo->done(echo->arg, echo);
		return;
	}
	/* whatever came in until now counts (it may finish this echo) */
	icmp_read(echo->sock);
	if (!echo->in_flight || echo->gen != gen)
		return;		/* answered (and maybe started again) meanwhile */
	/* the reply object exists on a timeout: "RTT 0 ms" */
	icmp_finish(echo, TNC_PING_TIMED_OUT, NULL);
	echo->done(echo->arg, echo);
}
