/* tcp_probe.c: TCP connect attempts on one libcurl multi handle, driven by the loop. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "engine/budget.h"
#include "engine/errqueue.h"
#include "engine/resolve.h"
#include "engine/route_lookup.h"
#include "engine/tcp_probe.h"

struct tcp_pool {
	CURLM	*multi;
	struct loop *loop;
	struct loop_timer timer;	/* libcurl's (CURLMOPT_TIMERFUNCTION) */
	struct loop_timer drain;	/* reads finished attempts after a kick */
	unsigned nsockets;		/* open right now */
	void	(*released)(void *ctx);
	void	*ctx;
};

static pthread_once_t tcp_curl_once = PTHREAD_ONCE_INIT;
static CURLcode tcp_curl_init_rc;	/* written once, under tcp_curl_once */

/* curl_global_init() once per process: it is not thread-safe in 7.88. */
static void
tcp_curl_init(void)
{
	tcp_curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static void tcp_drain(struct tcp_pool *p);
static void tcp_on_fd(void *arg, int fd, unsigned events);

/* CURLMOPT_SOCKETFUNCTION: the loop watches what libcurl asks for. */
static int
tcp_socket_cb(CURL *easy, curl_socket_t fd, int what, void *userp,
    void *socketp)
{
	struct tcp_pool *p = userp;
	struct tcp_conn *c = NULL;

	(void)socketp;
	if (what == CURL_POLL_REMOVE) {
		loop_unwatch(p->loop, fd);
		return 0;
	}
	/* each attempt has its own socket: the handler gets the attempt */
	curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&c);
	if (c == NULL)
		return -1;
	return loop_watch(p->loop, fd, (what & CURL_POLL_IN ? LOOP_IN : 0) |
	    (what & CURL_POLL_OUT ? LOOP_OUT : 0), tcp_on_fd, c) == 0 ? 0 : -1;
}

/* CURLMOPT_TIMERFUNCTION: libcurl's one timer is one of the loop's. */
static int
tcp_timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
	struct tcp_pool *p = userp;

	(void)multi;
	if (timeout_ms < 0) {
		loop_timer_stop(p->loop, &p->timer);
		return 0;
	}
	return loop_timer_start(p->loop, &p->timer, timeout_ms) == 0 ? 0 : -1;
}

static void tcp_read_errqueue(struct tcp_attempt *why, int fd);

static void
tcp_on_fd(void *arg, int fd, unsigned events)
{
	struct tcp_conn *c = arg;
	struct tcp_pool *p = c->pool;
	int running, mask = 0;

	/*
	 * An ICMP error for our SYN is on the error queue now, while the
	 * socket is open: libcurl may close a socket that never connected
	 * without the close callback (7.88 to 8.1, curl PR #11439).
	 */
	if (events & LOOP_ERR)
		tcp_read_errqueue(&c->why, fd);
	if (events & LOOP_IN)
		mask |= CURL_CSELECT_IN;
	if (events & LOOP_OUT)
		mask |= CURL_CSELECT_OUT;
	if (events & LOOP_ERR)
		mask |= CURL_CSELECT_ERR;
	curl_multi_socket_action(p->multi, fd, mask, &running);
	tcp_drain(p);
}

static void
tcp_on_timer(void *arg)
{
	struct tcp_pool *p = arg;
	int running;

	curl_multi_socket_action(p->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	tcp_drain(p);
}

static void
tcp_on_drain(void *arg)
{
	tcp_drain(arg);
}

struct tcp_pool *
tcp_pool_new(struct loop *l, void (*released)(void *ctx), void *ctx,
    char *err, size_t errlen)
{
	struct tcp_pool *p;

	pthread_once(&tcp_curl_once, tcp_curl_init);
	if (tcp_curl_init_rc != CURLE_OK) {
		snprintf(err, errlen, "curl_global_init: %s",
		    curl_easy_strerror(tcp_curl_init_rc));
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (p == NULL || (p->multi = curl_multi_init()) == NULL) {
		snprintf(err, errlen, "curl_multi_init failed");
		free(p);
		return NULL;
	}
	p->loop = l;
	p->released = released;
	p->ctx = ctx;
	loop_timer_init(&p->timer, tcp_on_timer, p);
	loop_timer_init(&p->drain, tcp_on_drain, p);
	curl_multi_setopt(p->multi, CURLMOPT_SOCKETFUNCTION, tcp_socket_cb);
	curl_multi_setopt(p->multi, CURLMOPT_SOCKETDATA, p);
	curl_multi_setopt(p->multi, CURLMOPT_TIMERFUNCTION, tcp_timer_cb);
	curl_multi_setopt(p->multi, CURLMOPT_TIMERDATA, p);
	return p;
}

void
tcp_pool_free(struct tcp_pool *p)
{
	if (p == NULL)
		return;
	curl_multi_cleanup(p->multi);
	loop_timer_stop(p->loop, &p->timer);
	loop_timer_stop(p->loop, &p->drain);
	free(p);
}

unsigned
tcp_pool_sockets(const struct tcp_pool *p)
{
	return p->nsockets;
}

/*
 * CURLOPT_OPENSOCKETFUNCTION: the socket is ours to open, so running out
 * of descriptors (EMFILE...) is seen as what it is, not as a failed
 * connect.
 */
static curl_socket_t
tcp_opensocket_cb(void *clientp, curlsocktype purpose,
    struct curl_sockaddr *addr)
{
	struct tcp_conn *c = clientp;
	int fd;

	(void)purpose;
	fd = socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
	if (fd < 0) {
		c->open_errno = errno;
		return CURL_SOCKET_BAD;
	}
	c->pool->nsockets++;
	c->nsockets++;
	c->family = addr->family;
	return fd;
}

/*
 * CURLOPT_SOCKOPTFUNCTION: runs on the fresh socket before libcurl
 * connects it.  IP_RECVERR / IPV6_RECVERR make the kernel queue the ICMP
 * error that fails a SYN (ip_icmp_error() in tcp_v4_err(), SYN_SENT), with
 * the address of the router or host that sent it (SO_EE_OFFENDER); the
 * close callback below reads it.  Then the run's constraint, if any: the
 * same constraint_apply() as the ping and the trace (CURLOPT_INTERFACE
 * cannot take an interface and an address at once in libcurl 7.88).
 */
static int
tcp_sockopt_cb(void *clientp, curl_socket_t fd, curlsocktype purpose)
{
	struct tcp_conn *c = clientp;
	int on = 1, family = c->family;	/* from the open callback */

	if (purpose != CURLSOCKTYPE_IPCXN)
		return CURL_SOCKOPT_OK;
	if (family == AF_INET)
		setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
	else if (family == AF_INET6)
		setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
	if (c->constrained && constraint_apply(&c->con, fd, family) != 0) {
		c->why.bind_errno = errno;
		return CURL_SOCKOPT_ERROR;
	}
	return CURL_SOCKOPT_OK;
}

/* The error queue of a closing socket: the last ICMP error, if any. */
static void
tcp_read_errqueue(struct tcp_attempt *why, int fd)
{
	for (int k = 0; k < 8; k++) {
		struct errqueue_entry q;
		struct sock_extended_err *ee;
		struct sockaddr *off;
		struct tnc_address a;

		if (errqueue_next(fd, &q) < 0)
			return;
		ee = q.ee;
		if (ee == NULL)
			continue;
		why->icmp = true;
		why->icmp_family = ee->ee_origin == SO_EE_ORIGIN_ICMP ?
		    AF_INET : AF_INET6;
		why->icmp_type = ee->ee_type;
		why->icmp_code = ee->ee_code;
		why->icmp_from[0] = '\0';
		off = SO_EE_OFFENDER(ee);
		if (off->sa_family == AF_INET || off->sa_family == AF_INET6) {
			if (address_set(&a, off, off->sa_family == AF_INET ?
			    sizeof(struct sockaddr_in) :
			    sizeof(struct sockaddr_in6)) == 0)
				snprintf(why->icmp_from, sizeof(why->icmp_from),
				    "%s", a.text);
		}
	}
}

/* CURLOPT_CLOSESOCKETFUNCTION: read the error queue, then close. */
static int
tcp_closesocket_cb(void *clientp, curl_socket_t fd)
{
	struct tcp_conn *c = clientp;
	struct tcp_pool *p = c->pool;
	int saved = errno, rc;

	tcp_read_errqueue(&c->why, fd);
	errno = saved;
	rc = close(fd);
	if (c->nsockets > 0) {
		c->nsockets--;
		p->nsockets--;
		if (p->released != NULL)
			p->released(p->ctx);
	}
	return rc;
}

/* The URL of a:port: the literal itself, IPv6 in brackets, a zone as "%25<id>". */
static void
tcp_url(char *url, size_t len, const struct tnc_address *a, unsigned port)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&a->sa;
	char bare[INET6_ADDRSTRLEN];

	if (a->sa.ss_family != AF_INET6) {
		snprintf(url, len, "telnet://%s:%u", a->text, port);
		return;
	}
	inet_ntop(AF_INET6, &sin6->sin6_addr, bare, sizeof(bare));
	if (sin6->sin6_scope_id != 0)
		snprintf(url, len, "telnet://[%s%%25%u]:%u", bare,
		    (unsigned)sin6->sin6_scope_id, port);
	else
		snprintf(url, len, "telnet://[%s]:%u", bare, port);
}

/* Has libcurl act on what is due now (the new attempt's socket); reads results later. */
static void
tcp_kick(struct tcp_pool *p)
{
	int running;

	curl_multi_socket_action(p->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	loop_timer_start(p->loop, &p->drain, 0);
}

int
tcp_conn_start(struct tcp_pool *p, struct tcp_conn *c,
    const struct tnc_address *a, unsigned port, long timeout_ms,
    const struct tnc_constraint *con, tcp_done_fn done, void *arg,
    char *err, size_t errlen)
{
	char url[TNC_ADDR_TEXT_LEN + 64];
	CURLMcode mc;
	CURL *e;

	tcp_conn_cancel(c, &c->at);
	memset(c, 0, sizeof(*c));
	c->pool = p;
	c->timeout_ms = timeout_ms < 1 ? 1 : timeout_ms;
	c->done = done;
	c->arg = arg;
	c->constrained = constraint_active(con);
	if (c->constrained)
		c->con = *con;
	c->to = *a;
	tcp_url(url, sizeof(url), a, port);
	e = curl_easy_init();
	if (e == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		return -1;
	}
	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, c);
	curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(e, CURLOPT_PROXY, "");	/* never via http_proxy & co. */
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, c->timeout_ms);
	curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
	curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, 0L);
	curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 0L);	/* nothing is sent: one syscall less */
	/* nothing is received either: libcurl's smallest buffer, not 16 KB */
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 1024L);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, tcp_opensocket_cb);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, c);
	curl_easy_setopt(e, CURLOPT_SOCKOPTFUNCTION, tcp_sockopt_cb);
	curl_easy_setopt(e, CURLOPT_SOCKOPTDATA, c);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, tcp_closesocket_cb);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, c);
#if LIBCURL_VERSION_NUM >= 0x075700	/* 7.87.0 */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
#endif
	clock_gettime(CLOCK_MONOTONIC, &c->started);
	mc = curl_multi_add_handle(p->multi, e);
	if (mc != CURLM_OK) {
		snprintf(err, errlen, "curl_multi_add_handle: %s",
		    curl_multi_strerror(mc));
		curl_easy_cleanup(e);
		return -1;
	}
	c->easy = e;
	tcp_kick(p);
	return 0;
}

bool
tcp_conn_busy(const struct tcp_conn *c)
{
	return c->easy != NULL;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Closes c's handle, and with it the socket (the close callback reads the
 * error queue).  A socket libcurl closed without the callback (one that
 * never connected, in 7.88 to 8.1) is gone too by now: counted here.
 */
static void
tcp_conn_release(struct tcp_conn *c)
{
	struct tcp_pool *p = c->pool;

	if (c->easy == NULL)
		return;
	curl_multi_remove_handle(p->multi, c->easy);
	curl_easy_cleanup(c->easy);
	c->easy = NULL;
	if (c->nsockets > 0) {
		p->nsockets -= c->nsockets;
		c->nsockets = 0;
		if (p->released != NULL)
			p->released(p->ctx);
	}
}

/* errno of a failed connect -> what kind of failure it was */
static enum tcp_outcome
tcp_classify(CURLcode code, long os_errno)
{
	if (code == CURLE_OK)
		return TCP_CONNECTED;
	switch (os_errno) {
	case ECONNREFUSED:
		return TCP_REFUSED;
	case ETIMEDOUT:
		return TCP_TIMED_OUT;
	case EHOSTUNREACH:
	case ENETUNREACH:
	case EACCES:			/* e.g. ICMP admin prohibited */
	case EPERM:			/* local firewall */
	case EADDRNOTAVAIL:
		return TCP_UNREACHABLE;
	default:
		break;
	}
	if (code == CURLE_OPERATION_TIMEDOUT)
		return TCP_TIMED_OUT;
	return TCP_FAILED;
}

/*
 * A connect that failed with EADDRNOTAVAIL: no local port was left for
 * it, or the target has no source address here (IPv6 without a global
 * address).  route_source_address() picks a source address the same way
 * on a UDP socket, whose ports come from another table: if it finds one,
 * the machine ran out of TCP ports, which is not the target's failure.
 * A UDP socket the machine cannot give is the machine's too.
 */
static bool
tcp_no_local_port(const struct tcp_conn *c)
{
	char src[TNC_ADDR_TEXT_LEN];

	return route_source_address(&c->to, src, sizeof(src)) == 0 ||
	    budget_short(errno);
}

/* The attempt ended with code: *out from its handle, then the handle goes. */
static void
tcp_conn_finish(struct tcp_conn *c, CURLcode code, struct tcp_attempt *out)
{
	char *ip = NULL;
	long os_errno = 0, lport = 0;

	memset(out, 0, sizeof(*out));
	out->curl_code = (int)code;
	if (code == CURLE_OK) {
		/* copy before the handle goes: the string is libcurl's */
		if (curl_easy_getinfo(c->easy, CURLINFO_LOCAL_IP, &ip) ==
		    CURLE_OK && ip != NULL)
			snprintf(out->local_ip, sizeof(out->local_ip), "%s", ip);
		if (curl_easy_getinfo(c->easy, CURLINFO_LOCAL_PORT, &lport) ==
		    CURLE_OK)
			out->local_port = lport;
	} else if (curl_easy_getinfo(c->easy, CURLINFO_OS_ERRNO, &os_errno) !=
	    CURLE_OK) {
		/* only read when the result is non-zero (style.md 8, item 4) */
		os_errno = 0;
	}
	out->os_errno = (int)os_errno;
	out->elapsed_ms = ms_since(&c->started);
	out->timeout_ms = c->timeout_ms;
	tcp_conn_release(c);		/* closes the socket: reads the error queue */
	if (code != CURLE_OK) {
		out->icmp = c->why.icmp;
		out->icmp_family = c->why.icmp_family;
		out->icmp_type = c->why.icmp_type;
		out->icmp_code = c->why.icmp_code;
		memcpy(out->icmp_from, c->why.icmp_from, sizeof(out->icmp_from));
		out->bind_errno = c->why.bind_errno;
	}
	out->outcome = tcp_classify(code, os_errno);
	/* the machine, not the target: no descriptor, no memory */
	if (code == CURLE_OUT_OF_MEMORY)
		out->short_errno = ENOMEM;
	else if (budget_short(c->open_errno))
		out->short_errno = c->open_errno;
	else if (code == CURLE_COULDNT_CONNECT && budget_short((int)os_errno))
		out->short_errno = (int)os_errno;
	else if (code == CURLE_COULDNT_CONNECT && os_errno == EADDRNOTAVAIL &&
	    !c->constrained && tcp_no_local_port(c))
		out->short_errno = EADDRNOTAVAIL;
}

/* Reads libcurl's finished attempts and reports each to its owner. */
static void
tcp_drain(struct tcp_pool *p)
{
	CURLMsg *m;
	int left;

	loop_timer_stop(p->loop, &p->drain);
	while ((m = curl_multi_info_read(p->multi, &left)) != NULL) {
		struct tcp_conn *c = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&c);
		if (c == NULL || c->easy != m->easy_handle)
			continue;
		tcp_conn_finish(c, m->data.result, &c->at);
		c->done(c->arg, c);
	}
}

void
tcp_conn_cancel(struct tcp_conn *c, struct tcp_attempt *out)
{
	if (c->easy == NULL)
		return;
	memset(out, 0, sizeof(*out));
	out->outcome = TCP_TIMED_OUT;
	out->curl_code = CURLE_OPERATION_TIMEDOUT;
	out->os_errno = ETIMEDOUT;
	out->timeout_ms = c->timeout_ms;
	out->elapsed_ms = ms_since(&c->started);
	tcp_conn_release(c);
}

/* The ICMP error behind a failed attempt, in words. */
static void
tcp_describe_icmp(const struct tcp_attempt *a, char *buf, size_t len)
{
	const char *from = a->icmp_from[0] != '\0' ? a->icmp_from : "an unknown host";
	const char *proto = a->icmp_family == AF_INET ? "ICMP" : "ICMPv6";
	const char *what = NULL;
	bool prohibited = false;

	if (a->icmp_family == AF_INET && a->icmp_type == ICMP_DEST_UNREACH) {
		switch (a->icmp_code) {
		case ICMP_NET_UNREACH:
		case ICMP_NET_UNKNOWN:
			what = "network unreachable";
			break;
		case ICMP_HOST_UNREACH:
		case ICMP_HOST_UNKNOWN:
			what = "host unreachable";
			break;
		case ICMP_PROT_UNREACH:
			what = "protocol unreachable";
			break;
		case ICMP_PORT_UNREACH:
			what = "port unreachable";
			break;
		case ICMP_NET_ANO:
		case ICMP_HOST_ANO:
		case ICMP_PKT_FILTERED:
			prohibited = true;
			break;
		default:
			break;
		}
	} else if (a->icmp_family == AF_INET6 &&
	    a->icmp_type == ICMP6_DST_UNREACH) {
		switch (a->icmp_code) {
		case ICMP6_DST_UNREACH_NOROUTE:
			what = "no route";
			break;
		case ICMP6_DST_UNREACH_ADMIN:
		case 5:			/* source address failed policy */
		case 6:			/* reject route */
			prohibited = true;
			break;
		case ICMP6_DST_UNREACH_ADDR:
			what = "address unreachable";
			break;
		case ICMP6_DST_UNREACH_NOPORT:
			what = "port unreachable";
			break;
		default:
			break;
		}
	} else if ((a->icmp_family == AF_INET &&
	    a->icmp_type == ICMP_TIME_EXCEEDED) ||
	    (a->icmp_family == AF_INET6 &&
	    a->icmp_type == ICMP6_TIME_EXCEEDED)) {
		what = "time to live exceeded";
	}
	if (prohibited)
		snprintf(buf, len, "%s administratively prohibited from %s",
		    proto, from);
	else if (what != NULL)
		snprintf(buf, len, "%s (%s from %s)", what, proto, from);
	else
		snprintf(buf, len, "%s type %d code %d from %s", proto,
		    a->icmp_type, a->icmp_code, from);
}

char *
tcp_attempt_describe(const struct tcp_attempt *a, char *buf, size_t len)
{
	if (a->bind_errno != 0) {
		snprintf(buf, len, "cannot bind to the constrained source "
		    "address or interface: %s", strerror(a->bind_errno));
		return buf;
	}
	if (a->icmp) {
		tcp_describe_icmp(a, buf, len);
		return buf;
	}
	switch (a->outcome) {
	case TCP_NOT_TRIED:
		snprintf(buf, len, "not tried (the run's deadline came first)");
		return buf;
	case TCP_CONNECTED:
		snprintf(buf, len, "connected");
		return buf;
	case TCP_REFUSED:
		snprintf(buf, len, "connection refused (TCP reset)");
		return buf;
	case TCP_TIMED_OUT:
		snprintf(buf, len, "no answer within %g s (filtered?)",
		    (double)a->timeout_ms / 1000.0);
		return buf;
	default:
		break;
	}
	switch (a->os_errno) {
	case ENETUNREACH:
		snprintf(buf, len, "no route to it in the local routing table");
		break;
	case EHOSTUNREACH:
		snprintf(buf, len, "host unreachable (said by the local host: "
		    "no neighbour answer or an unreachable route)");
		break;
	case EACCES:
	case EPERM:
		snprintf(buf, len, "refused by the local host: a prohibit "
		    "route or a firewall rule (%s)", strerror(a->os_errno));
		break;
	default:
		if (a->os_errno != 0)
			snprintf(buf, len, "%s (%s)",
			    curl_easy_strerror((CURLcode)a->curl_code),
			    strerror(a->os_errno));
		else
			snprintf(buf, len, "%s",
			    curl_easy_strerror((CURLcode)a->curl_code));
		break;
	}
	return buf;
}
