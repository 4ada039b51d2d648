/* icmp_echo.c: ICMP/ICMPv6 echo with ping sockets or raw sockets. */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/errqueue.h>
#include <netinet/icmp6.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/raw_socket.h"
#include "engine/errqueue.h"
#include "engine/icmp_echo.h"
#include "engine/resolve.h"

/* <linux/icmp.h> clashes with <netinet/ip_icmp.h>; its raw-socket filter: */
#ifndef ICMP_FILTER
#define ICMP_FILTER	1
#endif
struct icmp4_filter {
	uint32_t data;			/* bit t set: drop ICMP type t */
};

#define ICMP_HDR_LEN	8
#define ICMP_PKT_MAX	1500
#define ICMP_READS_MAX	64		/* datagrams read per socket per call */

/* Windows' default echo data: the alphabet up to 'w', then again */
static const char icmp_payload[ICMP_PAYLOAD_LEN + 1] =
    "abcdefghijklmnopqrstuvwabcdefghi";

struct icmp_sock {
	int	fd;			/* -1: not opened (or not permitted) */
	bool	raw;			/* SOCK_RAW: sees every ICMP packet */
	int	family;
	int	open_errno;		/* why no socket could be opened */
	bool	fresh;			/* just opened: the constraint is not applied yet */
};

struct icmp_pinger {
	struct icmp_sock s4, s6;
	uint16_t ident;			/* raw sockets; ping sockets get theirs from the kernel */
	uint16_t seq_base;		/* echo i carries sequence seq_base + i */
	long	timeout_ms;
	size_t	n;
	struct tnc_address *addrs;	/* copies */
	struct timespec *sent;
	struct icmp_echo_result *res;	/* the caller's */
	struct icmp_opts opts;		/* opts.con is the caller's */
};

static long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_nsec - a->tv_nsec) / 1000000;
}

/*
 * Opens an ICMP socket for family, as iputils' create_socket() does:
 *  - SOCK_DGRAM + IPPROTO_ICMP(V6), the "ping socket", needs no privilege
 *    but fails with EACCES when our gid is outside net.ipv4.ping_group_range
 *    (it is "1 0", i.e. nobody, on Debian by default, and on this machine:
 *    then even root gets EACCES here); EAFNOSUPPORT when the family is
 *    disabled (IPv6 off); EPROTONOSUPPORT on kernels without ping sockets.
 *  - SOCK_RAW needs CAP_NET_RAW (root or setcap cap_net_raw+p); EPERM
 *    without it.
 * Returns the descriptor, or -1 with the raw socket's errno in s->open_errno.
 */
static int
icmp_open(struct icmp_sock *s, int family)
{
	int proto = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
	int on = 1;

	s->family = family;
	s->raw = false;
	s->fresh = true;
	s->fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
	if (s->fd >= 0) {
		/* ICMP errors about our echoes come through the error queue */
		if (family == AF_INET)
			setsockopt(s->fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
		else
			setsockopt(s->fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
		return s->fd;
	}
	/* EACCES, EAFNOSUPPORT, EPROTONOSUPPORT, EPERM: try raw */
	s->fd = raw_socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
	if (s->fd < 0) {
		s->open_errno = errno;	/* EPERM: no CAP_NET_RAW */
		return -1;
	}
	s->raw = true;
	/* a raw socket sees all ICMP: keep only replies and errors */
	if (family == AF_INET) {
		struct icmp4_filter filt;

		filt.data = ~((1U << ICMP_ECHOREPLY) | (1U << ICMP_DEST_UNREACH) |
		    (1U << ICMP_TIME_EXCEEDED) | (1U << ICMP_PARAMETERPROB));
		setsockopt(s->fd, SOL_RAW, ICMP_FILTER, &filt, sizeof(filt));
	} else {
		struct icmp6_filter filt;

		ICMP6_FILTER_SETBLOCKALL(&filt);
		ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_DST_UNREACH, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_TIME_EXCEEDED, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_PARAM_PROB, &filt);
		ICMP6_FILTER_SETPASS(ICMP6_PACKET_TOO_BIG, &filt);
		setsockopt(s->fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filt,
		    sizeof(filt));
	}
	return s->fd;
}

static uint16_t
icmp_checksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)(p[0] << 8 | p[1]);
	if (len == 1)
		sum += (uint32_t)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/* ICMP error (type, code) -> IPStatus, as Windows' ping reports them */
static enum tnc_ping_status
icmp4_status(int type, int code)
{
	if (type == ICMP_TIME_EXCEEDED)
		return TNC_PING_TTL_EXPIRED;
	if (type == ICMP_PARAMETERPROB)
		return TNC_PING_PARAMETER_PROBLEM;
	if (type != ICMP_DEST_UNREACH)
		return TNC_PING_UNKNOWN;
	switch (code) {
	case ICMP_NET_UNREACH:
	case ICMP_NET_UNKNOWN:
	case ICMP_NET_UNR_TOS:
		return TNC_PING_DEST_NET_UNREACHABLE;
	case ICMP_PROT_UNREACH:
		return TNC_PING_DEST_PROTOCOL_UNREACHABLE;
	case ICMP_PORT_UNREACH:
		return TNC_PING_DEST_PORT_UNREACHABLE;
	case ICMP_NET_ANO:
	case ICMP_HOST_ANO:
	case ICMP_PKT_FILTERED:		/* "administratively prohibited" */
		return TNC_PING_DEST_PROHIBITED;
	case ICMP_FRAG_NEEDED:		/* PacketTooBig: not one of ours */
		return TNC_PING_UNKNOWN;
	default:
		return TNC_PING_DEST_HOST_UNREACHABLE;
	}
}

static enum tnc_ping_status
icmp6_status(int type, int code)
{
	if (type == ICMP6_TIME_EXCEEDED)
		return TNC_PING_TTL_EXPIRED;
	if (type == ICMP6_PARAM_PROB)
		return TNC_PING_PARAMETER_PROBLEM;
	if (type != ICMP6_DST_UNREACH)
		return TNC_PING_UNKNOWN;
	switch (code) {
	case ICMP6_DST_UNREACH_NOROUTE:
		return TNC_PING_DEST_NET_UNREACHABLE;
	case ICMP6_DST_UNREACH_ADMIN:
	case 5:				/* source address failed ingress/egress policy */
	case 6:				/* reject route to destination */
		return TNC_PING_DEST_PROHIBITED;
	case ICMP6_DST_UNREACH_NOPORT:
		return TNC_PING_DEST_PORT_UNREACHABLE;
	default:			/* address unreachable, beyond scope */
		return TNC_PING_DEST_HOST_UNREACHABLE;
	}
}

static bool
same_host(const struct tnc_address *a, int family, const void *addr)
{
	if (a->sa.ss_family != family)
		return false;
	if (family == AF_INET)
		return memcmp(&((const struct sockaddr_in *)&a->sa)->sin_addr,
		    addr, sizeof(struct in_addr)) == 0;
	return memcmp(&((const struct sockaddr_in6 *)&a->sa)->sin6_addr, addr,
	    sizeof(struct in6_addr)) == 0;
}

/*
 * Finds the open echo that carries seq and went to addr (an in_addr or
 * in6_addr of family).  Returns its index, or -1.
 */
static long
icmp_match(struct icmp_pinger *p, int family, uint16_t seq, const void *addr)
{
	size_t i = (uint16_t)(seq - p->seq_base);

	if (i >= p->n || p->res[i].done || !same_host(&p->addrs[i], family, addr))
		return -1;
	return (long)i;
}

/*
 * Echo i is decided: st, answered by from (a sockaddr_in/in6; NULL when
 * unknown).
 */
static void
icmp_finish(struct icmp_pinger *p, long i, enum tnc_ping_status st,
    const struct sockaddr *from)
{
	struct timespec now;
	struct tnc_address a;

	if (i < 0)
		return;
	if (from != NULL && address_set(&a, from, from->sa_family == AF_INET ?
	    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6)) == 0)
		memcpy(p->res[i].from, a.text, sizeof(a.text));
	clock_gettime(CLOCK_MONOTONIC, &now);
	p->res[i].done = true;
	p->res[i].reply_present = true;
	p->res[i].status = st;
	p->res[i].rtt_ms = st == TNC_PING_SUCCESS ?
	    ms_between(&p->sent[i], &now) : 0;
}

/* An echo request quoted inside an ICMP error: our ident (raw), its sequence. */
static bool
quoted_echo(const uint8_t *q, size_t len, int type, bool raw, uint16_t ident,
    uint16_t *seq)
{
	uint16_t id;

	if (len < ICMP_HDR_LEN || q[0] != type)
		return false;
	memcpy(&id, q + 4, 2);
	memcpy(seq, q + 6, 2);
	*seq = ntohs(*seq);
	return !raw || ntohs(id) == ident;
}

/* One datagram from an IPv4 socket: a reply, or (raw) an error quoting our echo. */
static void
icmp4_input(struct icmp_pinger *p, const uint8_t *buf, size_t len,
    const struct sockaddr_in *from)
{
	const struct icmp_sock *s = &p->s4;
	const uint8_t *icmp = buf;
	uint16_t id, seq;
	size_t hl;

	if (s->raw) {			/* raw IPv4 sockets get the IP header */
		if (len < sizeof(struct iphdr))
			return;
		hl = (size_t)(buf[0] & 0x0f) * 4;
		if (hl < sizeof(struct iphdr) || len < hl + ICMP_HDR_LEN)
			return;
		icmp = buf + hl;
		len -= hl;
	}
	if (len < ICMP_HDR_LEN)
		return;
	memcpy(&id, icmp + 4, 2);
	memcpy(&seq, icmp + 6, 2);
	if (icmp[0] == ICMP_ECHOREPLY) {
		if (s->raw && ntohs(id) != p->ident)
			return;
		icmp_finish(p, icmp_match(p, AF_INET, ntohs(seq),
		    &from->sin_addr), TNC_PING_SUCCESS,
		    (const struct sockaddr *)from);
		return;
	}
	if (!s->raw)
		return;			/* ping sockets get errors via the error queue */
	/* error: 8-byte header, then the IP header and 8 bytes of our echo */
	{
		const uint8_t *inner = icmp + ICMP_HDR_LEN;
		size_t ilen = len - ICMP_HDR_LEN, ihl;
		struct in_addr dst;
		uint16_t qseq;

		if (ilen < sizeof(struct iphdr))
			return;
		ihl = (size_t)(inner[0] & 0x0f) * 4;
		if (ihl < sizeof(struct iphdr) || ilen < ihl + ICMP_HDR_LEN ||
		    inner[9] != IPPROTO_ICMP)
			return;
		memcpy(&dst, inner + 16, sizeof(dst));
		if (!quoted_echo(inner + ihl, ilen - ihl, ICMP_ECHO, true,
		    p->ident, &qseq))
			return;
		icmp_finish(p, icmp_match(p, AF_INET, qseq, &dst),
		    icmp4_status(icmp[0], icmp[1]),
		    (const struct sockaddr *)from);
	}
}

static void
icmp6_input(struct icmp_pinger *p, const uint8_t *icmp, size_t len,
    const struct sockaddr_in6 *from)
{
	const struct icmp_sock *s = &p->s6;
	uint16_t id, seq;

	if (len < ICMP_HDR_LEN)
		return;
	memcpy(&id, icmp + 4, 2);
	memcpy(&seq, icmp + 6, 2);
	if (icmp[0] == ICMP6_ECHO_REPLY) {
		if (s->raw && ntohs(id) != p->ident)
			return;
		icmp_finish(p, icmp_match(p, AF_INET6, ntohs(seq),
		    &from->sin6_addr), TNC_PING_SUCCESS,
		    (const struct sockaddr *)from);
		return;
	}
	if (!s->raw || icmp[0] >= 128)
		return;
	/* error: 8-byte header, the IPv6 header, then our echo (no ext. headers) */
	{
		const uint8_t *inner = icmp + ICMP_HDR_LEN;
		size_t ilen = len - ICMP_HDR_LEN;
		struct ip6_hdr ip6;
		uint16_t qseq;

		if (ilen < sizeof(ip6) + ICMP_HDR_LEN)
			return;
		memcpy(&ip6, inner, sizeof(ip6));
		if (ip6.ip6_nxt != IPPROTO_ICMPV6 ||
		    !quoted_echo(inner + sizeof(ip6), ilen - sizeof(ip6),
		    ICMP6_ECHO_REQUEST, true, p->ident, &qseq))
			return;
		icmp_finish(p, icmp_match(p, AF_INET6, qseq, &ip6.ip6_dst),
		    icmp6_status(icmp[0], icmp[1]),
		    (const struct sockaddr *)from);
	}
}

/*
 * The error queue of a ping socket (IP_RECVERR): msg_name is the address
 * our echo went to, the data is our echo's ICMP header, and the control
 * message says what came back.
 */
static void
icmp_errqueue(struct icmp_pinger *p, struct icmp_sock *s)
{
	for (int k = 0; k < ICMP_READS_MAX; k++) {
		struct errqueue_entry q;
		struct sock_extended_err *ee;
		uint16_t seq;

		if (errqueue_next(s->fd, &q) < 0)
			return;
		ee = q.ee;
		if (ee == NULL)
			continue;
		if (!quoted_echo(q.data, (size_t)q.len, s->family == AF_INET ?
		    ICMP_ECHO : ICMP6_ECHO_REQUEST, false, 0, &seq))
			continue;
		if (s->family == AF_INET && q.to.ss_family == AF_INET)
			icmp_finish(p, icmp_match(p, AF_INET, seq,
			    &((struct sockaddr_in *)&q.to)->sin_addr),
			    icmp4_status(ee->ee_type, ee->ee_code),
			    SO_EE_OFFENDER(ee));
		else if (s->family == AF_INET6 && q.to.ss_family == AF_INET6)
			icmp_finish(p, icmp_match(p, AF_INET6, seq,
			    &((struct sockaddr_in6 *)&q.to)->sin6_addr),
			    icmp6_status(ee->ee_type, ee->ee_code),
			    SO_EE_OFFENDER(ee));
	}
}

static void
icmp_read(struct icmp_pinger *p, struct icmp_sock *s)
{
	if (s->fd < 0)
		return;
	for (int k = 0; k < ICMP_READS_MAX; k++) {
		uint8_t buf[ICMP_PKT_MAX];
		struct sockaddr_storage from;
		socklen_t flen = sizeof(from);
		ssize_t len;

		len = recvfrom(s->fd, buf, sizeof(buf), MSG_DONTWAIT,
		    (struct sockaddr *)&from, &flen);
		if (len < 0)
			break;		/* EAGAIN, or a pending error: see below */
		if (s->family == AF_INET && from.ss_family == AF_INET)
			icmp4_input(p, buf, (size_t)len,
			    (struct sockaddr_in *)&from);
		else if (s->family == AF_INET6 && from.ss_family == AF_INET6)
			icmp6_input(p, buf, (size_t)len,
			    (struct sockaddr_in6 *)&from);
	}
	if (!s->raw)
		icmp_errqueue(p, s);
}

/* Hop limit for every echo of s (traceroute); ttl 0 leaves the default. */
static int
icmp_set_ttl(const struct icmp_sock *s, int ttl)
{
	if (ttl <= 0)
		return 0;
	if (s->family == AF_INET)
		return setsockopt(s->fd, SOL_IP, IP_TTL, &ttl, sizeof(ttl));
	return setsockopt(s->fd, SOL_IPV6, IPV6_UNICAST_HOPS, &ttl,
	    sizeof(ttl));
}

static void
icmp_send(struct icmp_pinger *p, size_t i)
{
	uint8_t pkt[ICMP_HDR_LEN + ICMP_PAYLOAD_LEN];
	const struct tnc_address *a = &p->addrs[i];
	struct icmp_sock *s = a->sa.ss_family == AF_INET ? &p->s4 : &p->s6;
	struct icmp_echo_result *r = &p->res[i];
	uint16_t id = htons(p->ident), seq = htons((uint16_t)(p->seq_base + i));

	clock_gettime(CLOCK_MONOTONIC, &p->sent[i]);
	if (s->fd < 0 && s->open_errno == 0 && icmp_open(s, a->sa.ss_family) < 0 &&
	    s->open_errno == 0)
		s->open_errno = EPERM;
	if (s->fd >= 0 && s->fresh) {
		s->fresh = false;
		if (constraint_apply(p->opts.con, s->fd, s->family) != 0 ||
		    icmp_set_ttl(s, p->opts.ttl) != 0) {
			s->open_errno = errno;
			close(s->fd);
			s->fd = -1;
		}
	}
	if (s->fd < 0 && s->open_errno != EPERM && s->open_errno != EACCES &&
	    s->open_errno != 0) {
		/* the constraint could not be applied: no reply object */
		r->done = true;
		r->os_errno = s->open_errno;
		return;
	}
	if (s->fd < 0) {
		/* no reply object: "Ping to <addr> failed" */
		r->done = true;
		r->denied = true;
		r->os_errno = s->open_errno;
		return;
	}
	memset(pkt, 0, sizeof(pkt));
	pkt[0] = a->sa.ss_family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
	memcpy(pkt + 4, &id, 2);
	memcpy(pkt + 6, &seq, 2);
	memcpy(pkt + ICMP_HDR_LEN, icmp_payload, ICMP_PAYLOAD_LEN);
	if (a->sa.ss_family == AF_INET) {
		uint16_t sum = icmp_checksum(pkt, sizeof(pkt));

		memcpy(pkt + 2, &sum, 2);
	}				/* the kernel sums ICMPv6 */
	if (sendto(s->fd, pkt, sizeof(pkt), 0, (const struct sockaddr *)&a->sa,
	    a->sa_len) >= 0)
		return;
	r->done = true;
	r->os_errno = errno;
	switch (errno) {		/* no route: Windows answers with a status */
	case ENETUNREACH:
		r->reply_present = true;
		r->status = TNC_PING_DEST_NET_UNREACHABLE;
		break;
	case EHOSTUNREACH:
		r->reply_present = true;
		r->status = TNC_PING_DEST_HOST_UNREACHABLE;
		break;
	default:			/* the call "threw": no reply object */
		break;
	}
}

struct icmp_pinger *
icmp_pinger_new(const struct tnc_address *addrs, size_t n,
    long timeout_ms, struct icmp_echo_result *res,
    const struct icmp_opts *opts)
{
	struct icmp_pinger *p;
	struct timespec now;

	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return NULL;
	p->s4.fd = p->s6.fd = -1;
	p->n = n;
	p->timeout_ms = timeout_ms < 1 ? 1 : timeout_ms;
	p->res = res;
	if (opts != NULL)
		p->opts = *opts;
	p->addrs = calloc(n ? n : 1, sizeof(*p->addrs));
	p->sent = calloc(n ? n : 1, sizeof(*p->sent));
	if (p->addrs == NULL || p->sent == NULL) {
		icmp_pinger_free(p);
		return NULL;
	}
	memcpy(p->addrs, addrs, n * sizeof(*addrs));
	memset(res, 0, n * sizeof(*res));
	clock_gettime(CLOCK_MONOTONIC, &now);
	p->ident = (uint16_t)(getpid() ^ now.tv_nsec ^ (now.tv_nsec >> 16));
	p->seq_base = (uint16_t)(now.tv_nsec >> 8);
	for (size_t i = 0; i < n; i++) {
		res[i].status = TNC_PING_TIMED_OUT;
		if (addrs[i].sa.ss_family != AF_INET &&
		    addrs[i].sa.ss_family != AF_INET6) {
			res[i].done = true;
			continue;
		}
		icmp_send(p, i);
	}
	return p;
}

unsigned
icmp_pinger_fds(const struct icmp_pinger *p, struct pollfd *fds)
{
	unsigned k = 0;

	if (p->s4.fd >= 0)
		fds[k++] = (struct pollfd){ .fd = p->s4.fd, .events = POLLIN };
	if (p->s6.fd >= 0)
		fds[k++] = (struct pollfd){ .fd = p->s6.fd, .events = POLLIN };
	return k;
}

void
icmp_pinger_process(struct icmp_pinger *p, bool force)
{
	struct timespec now;

	icmp_read(p, &p->s4);
	icmp_read(p, &p->s6);
	clock_gettime(CLOCK_MONOTONIC, &now);
	for (size_t i = 0; i < p->n; i++) {
		if (p->res[i].done)
			continue;
		if (force || ms_between(&p->sent[i], &now) >= p->timeout_ms) {
			/* the reply object exists on a timeout: "RTT 0 ms" */
			p->res[i].done = true;
			p->res[i].reply_present = true;
			p->res[i].status = TNC_PING_TIMED_OUT;
			p->res[i].rtt_ms = 0;
		}
	}
}

long
icmp_pinger_next_ms(const struct icmp_pinger *p)
{
	struct timespec now;
	long best = -1, left;

	clock_gettime(CLOCK_MONOTONIC, &now);
	for (size_t i = 0; i < p->n; i++) {
		if (p->res[i].done)
			continue;
		left = p->timeout_ms - ms_between(&p->sent[i], &now);
		if (left < 0)
			left = 0;
		if (best < 0 || left < best)
			best = left;
	}
	return best;
}

void
icmp_pinger_free(struct icmp_pinger *p)
{
	if (p == NULL)
		return;
	if (p->s4.fd >= 0)
		close(p->s4.fd);
	if (p->s6.fd >= 0)
		close(p->s6.fd);
	free(p->addrs);
	free(p->sent);
	free(p);
}

int
icmp_echo(const struct tnc_address *a, long timeout_ms,
    struct icmp_echo_result *res)
{
	return icmp_echo_opts(a, timeout_ms, res, NULL);
}

int
icmp_echo_opts(const struct tnc_address *a, long timeout_ms,
    struct icmp_echo_result *res, const struct icmp_opts *opts)
{
	struct icmp_pinger *p;
	struct pollfd fds[2];
	unsigned nfds;
	long wait;

	p = icmp_pinger_new(a, 1, timeout_ms, res, opts);
	if (p == NULL)
		return -1;
	nfds = icmp_pinger_fds(p, fds);
	/* bounded: each pass either reads, or sleeps until the echo's timeout */
	while (!res->done) {
		wait = icmp_pinger_next_ms(p);
		if (poll(fds, nfds, wait < 0 ? 0 : (int)wait) < 0 &&
		    errno != EINTR)
			break;
		icmp_pinger_process(p, false);
	}
	icmp_pinger_process(p, true);
	icmp_pinger_free(p);
	return 0;
}
