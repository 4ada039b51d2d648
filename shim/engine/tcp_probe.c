/* tcp_probe.c: TCP connect tests through libcurl's multi interface. */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/errqueue.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "engine/errqueue.h"
#include "engine/resolve.h"
#include "engine/tcp_probe.h"

#define TCP_PROBE_HOST	"tnc-probe"	/* the name CURLOPT_RESOLVE pins */
#define TCP_MAX_EXTRA	16		/* extra descriptors per wait */

struct tcp_probe {
	CURLM	*multi;
	CURL	*easy;			/* the attempt in flight, or NULL */
	struct curl_slist *resolve;	/* its CURLOPT_RESOLVE list */
	bool	finished;		/* CURLMSG_DONE seen for easy */
	CURLcode code;
	struct timespec started;
	long	timeout_ms;		/* of the attempt in flight */
	struct tnc_constraint con;	/* binds every attempt's socket */
	bool	constrained;
	struct tcp_attempt why;		/* icmp* and bind_errno of the attempt */
};

static long
ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

struct tcp_probe *
tcp_probe_new(char *err, size_t errlen)
{
	struct tcp_probe *p;
	CURLcode rc;

	/* refcounted by libcurl; paired with curl_global_cleanup() in tcp_probe_free() */
	rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "curl_global_init: %s",
		    curl_easy_strerror(rc));
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (p == NULL || (p->multi = curl_multi_init()) == NULL) {
		snprintf(err, errlen, "curl_multi_init failed");
		free(p);
		curl_global_cleanup();
		return NULL;
	}
	return p;
}

static void
tcp_probe_release(struct tcp_probe *p)
{
	if (p->easy != NULL) {
		curl_multi_remove_handle(p->multi, p->easy);
		curl_easy_cleanup(p->easy);
		p->easy = NULL;
	}
	curl_slist_free_all(p->resolve);
	p->resolve = NULL;
	p->finished = false;
}

void
tcp_probe_constrain(struct tcp_probe *p, const struct tnc_constraint *c)
{
	p->constrained = constraint_active(c);
	if (p->constrained)
		p->con = *c;
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
	struct tcp_probe *p = clientp;
	socklen_t len = sizeof(int);
	int on = 1, family = AF_UNSPEC;

	if (purpose != CURLSOCKTYPE_IPCXN)
		return CURL_SOCKOPT_OK;
	getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &len);
	if (family == AF_INET)
		setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
	else if (family == AF_INET6)
		setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
	if (p->constrained && constraint_apply(&p->con, fd, family) != 0) {
		p->why.bind_errno = errno;
		return CURL_SOCKOPT_ERROR;
	}
	return CURL_SOCKOPT_OK;
}

/* The error queue of a closing socket: the last ICMP error, if any. */
static void
tcp_read_errqueue(struct tcp_probe *p, int fd)
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
		p->why.icmp = true;
		p->why.icmp_family = ee->ee_origin == SO_EE_ORIGIN_ICMP ?
		    AF_INET : AF_INET6;
		p->why.icmp_type = ee->ee_type;
		p->why.icmp_code = ee->ee_code;
		p->why.icmp_from[0] = '\0';
		off = SO_EE_OFFENDER(ee);
		if (off->sa_family == AF_INET || off->sa_family == AF_INET6) {
			if (address_set(&a, off, off->sa_family == AF_INET ?
			    sizeof(struct sockaddr_in) :
			    sizeof(struct sockaddr_in6)) == 0)
				snprintf(p->why.icmp_from,
				    sizeof(p->why.icmp_from), "%s", a.text);
		}
	}
}

/* CURLOPT_CLOSESOCKETFUNCTION: read the error queue, then close. */
static int
tcp_closesocket_cb(void *clientp, curl_socket_t fd)
{
	struct tcp_probe *p = clientp;
	int saved = errno;

	tcp_read_errqueue(p, fd);
	errno = saved;
	return close(fd);
}

int
tcp_probe_start(struct tcp_probe *p, const struct tnc_address *a,
    unsigned port, long timeout_ms, char *err, size_t errlen)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&a->sa;
	char url[TNC_ADDR_TEXT_LEN + 64], pin[TNC_ADDR_TEXT_LEN + 64];
	bool v6 = a->sa.ss_family == AF_INET6;
	CURLMcode mc;
	CURL *e;

	tcp_probe_release(p);
	if (timeout_ms < 1)
		timeout_ms = 1;
	memset(&p->why, 0, sizeof(p->why));
	p->timeout_ms = timeout_ms;
	if (v6 && sin6->sin6_scope_id != 0) {
		/*
		 * CURLOPT_RESOLVE parses its address with inet_pton, which has
		 * no scope: use a numeric URL with the zone ("%25" + id).
		 */
		char bare[INET6_ADDRSTRLEN];

		inet_ntop(AF_INET6, &sin6->sin6_addr, bare, sizeof(bare));
		snprintf(url, sizeof(url), "telnet://[%s%%25%u]:%u", bare,
		    (unsigned)sin6->sin6_scope_id, port);
	} else {
		snprintf(url, sizeof(url), "telnet://" TCP_PROBE_HOST ":%u", port);
		snprintf(pin, sizeof(pin), TCP_PROBE_HOST ":%u:%s%s%s", port,
		    v6 ? "[" : "", a->text, v6 ? "]" : "");
		p->resolve = curl_slist_append(NULL, pin);
		if (p->resolve == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	e = curl_easy_init();
	if (e == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		tcp_probe_release(p);
		return -1;
	}
	curl_easy_setopt(e, CURLOPT_URL, url);
	if (p->resolve != NULL)
		curl_easy_setopt(e, CURLOPT_RESOLVE, p->resolve);
	curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
	curl_easy_setopt(e, CURLOPT_PROXY, "");	/* never via http_proxy & co. */
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
	curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
	curl_easy_setopt(e, CURLOPT_SOCKOPTFUNCTION, tcp_sockopt_cb);
	curl_easy_setopt(e, CURLOPT_SOCKOPTDATA, p);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, tcp_closesocket_cb);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, p);
#if LIBCURL_VERSION_NUM >= 0x075700	/* 7.87.0 */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
#endif
	mc = curl_multi_add_handle(p->multi, e);
	if (mc != CURLM_OK) {
		snprintf(err, errlen, "curl_multi_add_handle: %s",
		    curl_multi_strerror(mc));
		curl_easy_cleanup(e);
		tcp_probe_release(p);
		return -1;
	}
	p->easy = e;
	p->finished = false;
	clock_gettime(CLOCK_MONOTONIC, &p->started);
	return 0;
}

bool
tcp_probe_busy(const struct tcp_probe *p)
{
	return p->easy != NULL;
}

/* Reads the multi handle's messages: marks the attempt in flight finished. */
static void
tcp_probe_drain(struct tcp_probe *p)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(p->multi, &left)) != NULL) {
		if (m->msg == CURLMSG_DONE && m->easy_handle == p->easy) {
			p->finished = true;
			p->code = m->data.result;
		}
	}
}

int
tcp_probe_wait(struct tcp_probe *p, struct pollfd *extra, unsigned nextra,
    int timeout_ms, char *err, size_t errlen)
{
	struct curl_waitfd wfd[TCP_MAX_EXTRA];
	CURLMcode mc;
	int running;

	if (timeout_ms < 0)
		timeout_ms = 0;
	if (p == NULL || p->easy == NULL || p->finished) {
		if (poll(extra, nextra, timeout_ms) < 0 && errno != EINTR) {
			snprintf(err, errlen, "poll: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (nextra > TCP_MAX_EXTRA)
		nextra = TCP_MAX_EXTRA;
	for (unsigned i = 0; i < nextra; i++) {
		wfd[i].fd = extra[i].fd;
		wfd[i].events = (short)(extra[i].events & (POLLIN | POLLPRI | POLLOUT));
		wfd[i].revents = 0;
	}
	/* let curl start the connect before sleeping on its socket */
	mc = curl_multi_perform(p->multi, &running);
	if (mc == CURLM_OK)
		tcp_probe_drain(p);
	if (mc == CURLM_OK && !p->finished)
		mc = curl_multi_wait(p->multi, wfd, nextra, timeout_ms, NULL);
	if (mc == CURLM_OK)
		mc = curl_multi_perform(p->multi, &running);
	if (mc != CURLM_OK) {
		snprintf(err, errlen, "libcurl: %s", curl_multi_strerror(mc));
		return -1;
	}
	tcp_probe_drain(p);
	for (unsigned i = 0; i < nextra; i++)
		extra[i].revents = (short)wfd[i].revents;
	return 0;
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

static void
tcp_attempt_copy_why(struct tcp_attempt *out, const struct tcp_attempt *why)
{
	out->icmp = why->icmp;
	out->icmp_family = why->icmp_family;
	out->icmp_type = why->icmp_type;
	out->icmp_code = why->icmp_code;
	memcpy(out->icmp_from, why->icmp_from, sizeof(out->icmp_from));
	out->bind_errno = why->bind_errno;
}

bool
tcp_probe_result(struct tcp_probe *p, struct tcp_attempt *out)
{
	char *ip = NULL;
	long os_errno = 0, lport = 0;

	if (p->easy == NULL || !p->finished)
		return false;
	memset(out, 0, sizeof(*out));
	out->curl_code = (int)p->code;
	if (p->code == CURLE_OK) {
		/* copy before the handle goes: the string is libcurl's */
		if (curl_easy_getinfo(p->easy, CURLINFO_LOCAL_IP, &ip) ==
		    CURLE_OK && ip != NULL)
			snprintf(out->local_ip, sizeof(out->local_ip), "%s", ip);
		if (curl_easy_getinfo(p->easy, CURLINFO_LOCAL_PORT, &lport) ==
		    CURLE_OK)
			out->local_port = lport;
	} else if (curl_easy_getinfo(p->easy, CURLINFO_OS_ERRNO, &os_errno) !=
	    CURLE_OK) {
		/* only read when the result is non-zero (style.md 8, item 4) */
		os_errno = 0;
	}
	out->os_errno = (int)os_errno;
	out->elapsed_ms = ms_since(&p->started);
	out->timeout_ms = p->timeout_ms;
	tcp_probe_release(p);		/* closes the socket: reads the error queue */
	if (p->code != CURLE_OK)
		tcp_attempt_copy_why(out, &p->why);
	out->outcome = tcp_classify(p->code, os_errno);
	return true;
}

void
tcp_probe_cancel(struct tcp_probe *p, struct tcp_attempt *out)
{
	memset(out, 0, sizeof(*out));
	out->outcome = TCP_TIMED_OUT;
	out->curl_code = CURLE_OPERATION_TIMEDOUT;
	out->os_errno = ETIMEDOUT;
	out->timeout_ms = p->timeout_ms;
	if (p->easy != NULL)
		out->elapsed_ms = ms_since(&p->started);
	tcp_probe_release(p);
}

void
tcp_probe_free(struct tcp_probe *p)
{
	if (p == NULL)
		return;
	tcp_probe_release(p);
	curl_multi_cleanup(p->multi);
	free(p);
	curl_global_cleanup();
}

int
tcp_connect(const struct tnc_address *a, unsigned port, long timeout_ms,
    struct tcp_attempt *out, char *err, size_t errlen)
{
	struct tcp_probe *p;
	struct timespec t0;

	p = tcp_probe_new(err, errlen);
	if (p == NULL)
		return -1;
	if (tcp_probe_start(p, a, port, timeout_ms, err, errlen) != 0) {
		tcp_probe_free(p);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!tcp_probe_result(p, out)) {
		/* libcurl enforces timeout_ms; this is only a backstop */
		if (ms_since(&t0) > timeout_ms + 2000) {
			tcp_probe_cancel(p, out);
			break;
		}
		if (tcp_probe_wait(p, NULL, 0, 100, err, errlen) != 0) {
			tcp_probe_free(p);
			return -1;
		}
	}
	tcp_probe_free(p);
	return 0;
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
