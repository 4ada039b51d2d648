/*
 * check_probe.c: the engine's modules one operation at a time (resolve
 * and the resolver's pool, tcp_probe, icmp_echo, route_lookup) and
 * tnc_run() (one engine, one test), against real sockets on loopback
 * only.  Every listener is made here on 127.0.0.1 or ::1, port 0.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/icmp_echo.h"
#include "engine/loop.h"
#include "engine/netconnection.h"
#include "engine/resolve.h"
#include "engine/resolver.h"
#include "engine/route_lookup.h"
#include "engine/tcp_probe.h"
#include "tests/check_net.h"
#include "tests/check_support.h"

/*
 * The engine's modules driven one operation at a time: a loop of their
 * own, stepped until the operation reports.  Bounded: each step waits for
 * the operation's own timer at most.
 */
struct once {
	bool	done;
};

static void
loop_until(struct loop *l, const bool *done)
{
	char err[128];
	double t0 = now_s();

	while (!*done) {
		ck_assert_int_eq(loop_run_once(l, 1000, err, sizeof(err)), 0);
		ck_assert_msg(now_s() - t0 < 30, "an operation never reported");
	}
}

static void
on_lookup(void *arg, struct resolve_req *rq)
{
	(void)rq;
	((struct once *)arg)->done = true;
}

/* A forward (name) or reverse (addr) lookup through the resolver's pool. */
static void
lookup(const char *name, const struct tnc_address *addr, long timeout_ms,
    struct resolve_req *rq)
{
	struct loop *l = loop_new();
	struct resolver *r;
	struct once o = { false };

	ck_assert_ptr_nonnull(l);
	r = resolver_new(l);
	ck_assert_ptr_nonnull(r);
	if (name != NULL)
		ck_assert_int_eq(resolver_forward(r, rq, name, timeout_ms,
		    on_lookup, &o), 0);
	else
		ck_assert_int_eq(resolver_reverse(r, rq, addr, timeout_ms,
		    on_lookup, &o), 0);
	loop_until(l, &o.done);
	resolver_free(r);
	loop_free(l);
}

static void
on_tcp(void *arg, struct tcp_conn *c)
{
	(void)c;
	((struct once *)arg)->done = true;
}

/*
 * One TCP attempt on a pool of its own; with starve, RLIMIT_NOFILE is
 * first lowered to the lowest free descriptor, so none can be opened.
 */
static void
tcp_once(const struct tnc_address *a, unsigned port, long timeout_ms,
    bool starve, struct tcp_attempt *out)
{
	struct loop *l = loop_new();
	struct tcp_pool *p;
	struct tcp_conn c;
	struct once o = { false };
	struct rlimit rl, was;
	char err[256];
	int fd;

	ck_assert_ptr_nonnull(l);
	p = tcp_pool_new(l, NULL, NULL, err, sizeof(err));
	ck_assert_msg(p != NULL, "%s", err);
	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &was), 0);
	if (starve) {
		fd = dup(0);
		ck_assert_int_ge(fd, 0);
		close(fd);
		rl = was;
		rl.rlim_cur = (rlim_t)fd;
		ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
	}
	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(tcp_conn_start(p, &c, a, port, timeout_ms, NULL, on_tcp,
	    &o, err, sizeof(err)), 0);
	loop_until(l, &o.done);
	setrlimit(RLIMIT_NOFILE, &was);
	ck_assert(!tcp_conn_busy(&c));
	ck_assert_uint_eq(tcp_pool_sockets(p), 0);	/* closed when it ended */
	*out = c.at;
	tcp_pool_free(p);
	loop_free(l);
}

static void
on_echo(void *arg, struct icmp_echo *e)
{
	(void)e;
	((struct once *)arg)->done = true;
}

/* One echo on a hub of its own. */
static void
echo_once(const struct tnc_address *a, long timeout_ms,
    struct icmp_echo_result *res)
{
	struct loop *l = loop_new();
	struct icmp_hub *h;
	struct icmp_echo e;
	struct once o = { false };
	int rc;

	ck_assert_ptr_nonnull(l);
	h = icmp_hub_new(l);
	ck_assert_ptr_nonnull(h);
	memset(&e, 0, sizeof(e));
	rc = icmp_echo_start(h, &e, a, timeout_ms, NULL, 0, on_echo, &o);
	ck_assert_int_ge(rc, 0);
	if (rc == 0)
		loop_until(l, &o.done);
	*res = e.res;
	icmp_hub_free(h);
	loop_free(l);
}

/* ---- resolve ---- */

START_TEST(test_resolve_literals)
{
	struct tnc_address a;

	/* an IP literal is itself and never reaches the resolver's pool */
	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	ck_assert_str_eq(a.text, "127.0.0.1");
	ck_assert_int_eq(a.sa.ss_family, AF_INET);
	ck_assert_int_eq(resolve_literal("::1", &a), 0);
	ck_assert_str_eq(a.text, "::1");
	ck_assert_int_eq(a.sa.ss_family, AF_INET6);
	ck_assert_int_eq(resolve_literal("[::1]", &a), 0);
	ck_assert_str_eq(a.text, "::1");
	/* IPAddress.ToString() prints the numeric scope id */
	ck_assert_int_eq(resolve_literal("fe80::1%lo", &a), 0);
	ck_assert_str_eq(a.text, "fe80::1%1");
	ck_assert_int_eq(resolve_literal("0:0::FFFF:7F00:1", &a), 0);
	ck_assert_str_eq(a.text, "::ffff:127.0.0.1");
}
END_TEST

START_TEST(test_resolve_not_literals)
{
	struct tnc_address a;
	struct resolve_req rq;

	ck_assert_int_eq(resolve_literal("[127.0.0.1]", &a), -1);	/* brackets: IPv6 only */
	ck_assert_int_eq(resolve_literal("localhost", &a), -1);
	ck_assert_int_eq(resolve_literal("[::1", &a), -1);
	ck_assert_int_eq(resolve_literal("", &a), -1);
	/* "" is no name: the pool says so (no server is asked for it) */
	lookup("", NULL, 1000, &rq);
	ck_assert_int_eq(rq.status, RESOLVE_FAILED);
	ck_assert_ptr_null(rq.addrs);
	ck_assert_uint_eq(rq.naddrs, 0);
	resolve_req_clear(&rq);
}
END_TEST

START_TEST(test_resolve_localhost)
{
	struct resolve_req rq;
	bool loop = false;

	lookup("localhost", NULL, 2000, &rq);
	ck_assert_int_eq(rq.status, RESOLVE_OK);
	ck_assert_uint_ge(rq.naddrs, 1);
	for (size_t i = 0; i < rq.naddrs; i++) {
		loop |= strcmp(rq.addrs[i].text, "127.0.0.1") == 0 ||
		    strcmp(rq.addrs[i].text, "::1") == 0;
		for (size_t j = 0; j < i; j++)	/* no duplicates */
			ck_assert(!address_equal(&rq.addrs[i], &rq.addrs[j]));
	}
	ck_assert(loop);
	resolve_req_clear(&rq);
}
END_TEST

/* The reverse name (Detailed's second NameResolutionResults line): the hosts file's. */
START_TEST(test_resolve_reverse)
{
	struct tnc_address a;
	struct resolve_req rq;

	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	lookup(NULL, &a, 2000, &rq);
	ck_assert_int_eq(rq.status, RESOLVE_OK);
	ck_assert_ptr_nonnull(rq.name);
	ck_assert_msg(strncmp(rq.name, "localhost", 9) == 0, "PTR %s", rq.name);
	resolve_req_clear(&rq);
	ck_assert_ptr_null(rq.name);
}
END_TEST

/* Lookups abandoned in flight, and a pool freed while its threads work: no answer, no crash. */
START_TEST(test_resolve_abandoned)
{
	struct loop *l = loop_new();
	struct resolver *r = resolver_new(l);
	struct resolve_req rq[RESOLVER_THREADS + 4];
	struct once o = { false };

	for (size_t i = 0; i < sizeof(rq) / sizeof(rq[0]); i++)
		ck_assert_int_eq(resolver_forward(r, &rq[i], "localhost", 2000,
		    on_lookup, &o), 0);
	resolver_cancel(&rq[0]);
	resolver_cancel(&rq[RESOLVER_THREADS + 1]);
	for (size_t i = 1; i < sizeof(rq) / sizeof(rq[0]); i++)
		if (i != RESOLVER_THREADS + 1)
			resolver_cancel(&rq[i]);
	resolver_free(r);
	loop_free(l);
	ck_assert(!o.done);
}
END_TEST

/* ---- tcp_probe ---- */

static void
tcp_open(int family, const char *ip)
{
	struct tnc_address a;
	struct tcp_attempt at;
	unsigned port;
	int lfd = loopback_socket(family, 8, &port);

	ck_assert_int_eq(resolve_literal(ip, &a), 0);
	tcp_once(&a, port, 2000, false, &at);
	ck_assert_int_eq(at.outcome, TCP_CONNECTED);
	ck_assert_int_eq(at.curl_code, 0);
	ck_assert_int_eq(at.os_errno, 0);
	ck_assert_int_eq(at.short_errno, 0);
	ck_assert_str_eq(at.local_ip, ip);
	ck_assert_int_gt(at.local_port, 0);
	ck_assert_int_ne(at.local_port, (long)port);
	close(lfd);
}

START_TEST(test_tcp_open_v4)
{
	tcp_open(AF_INET, "127.0.0.1");
}
END_TEST

START_TEST(test_tcp_open_v6)
{
	tcp_open(AF_INET6, "::1");
}
END_TEST

START_TEST(test_tcp_closed_refused)
{
	struct tnc_address a;
	struct tcp_attempt at;

	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	tcp_once(&a, closed_port(AF_INET), 2000, false, &at);
	ck_assert_int_eq(at.outcome, TCP_REFUSED);
	ck_assert_int_eq(at.os_errno, ECONNREFUSED);
	ck_assert_int_eq(at.curl_code, 7);	/* CURLE_COULDNT_CONNECT */
	ck_assert_int_eq(at.short_errno, 0);
	ck_assert_str_eq(at.local_ip, "");
}
END_TEST

/* A proxy in the environment must not turn a closed port into a success. */
START_TEST(test_tcp_proxy_env_ignored)
{
	struct tnc_address a;
	struct tcp_attempt at;
	char proxy[64];
	unsigned pport;
	int pfd = loopback_socket(AF_INET, 8, &pport);

	snprintf(proxy, sizeof(proxy), "http://127.0.0.1:%u", pport);
	setenv("http_proxy", proxy, 1);
	setenv("HTTPS_PROXY", proxy, 1);
	setenv("ALL_PROXY", proxy, 1);
	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	tcp_once(&a, closed_port(AF_INET), 2000, false, &at);
	ck_assert_int_eq(at.outcome, TCP_REFUSED);
	unsetenv("http_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("ALL_PROXY");
	close(pfd);
}
END_TEST

START_TEST(test_tcp_filtered_times_out)
{
	struct tnc_address a;
	struct tcp_attempt at;
	int clients[FILTER_CLIENTS_MAX], nclients;
	unsigned port;
	int lfd = filtered_listener(AF_INET, &port, clients, &nclients);
	double t0, elapsed;

	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	t0 = now_s();
	tcp_once(&a, port, 500, false, &at);
	elapsed = now_s() - t0;
	ck_assert_int_eq(at.outcome, TCP_TIMED_OUT);
	ck_assert_int_eq(at.curl_code, 28);	/* CURLE_OPERATION_TIMEDOUT */
	ck_assert_msg(elapsed >= 0.45 && elapsed < 2.0, "took %.3f s", elapsed);
	close_all(clients, nclients);
	close(lfd);
}
END_TEST

/* No descriptor for the socket: the machine's failure, not a refused or failed connect. */
START_TEST(test_tcp_no_descriptor)
{
	struct tnc_address a;
	struct tcp_attempt at;
	unsigned port;
	int lfd = loopback_socket(AF_INET, 8, &port);

	ck_assert_int_eq(resolve_literal("127.0.0.1", &a), 0);
	tcp_once(&a, port, 2000, true, &at);
	ck_assert_int_eq(at.short_errno, EMFILE);
	ck_assert_int_ne(at.outcome, TCP_CONNECTED);
	close(lfd);
}
END_TEST

/* ---- icmp_echo ---- */

static void
echo_loopback(int family, const char *ip)
{
	struct tnc_address a;
	struct icmp_echo_result res;
	double t0 = now_s();

	ck_assert_int_eq(resolve_literal(ip, &a), 0);
	echo_once(&a, 2000, &res);
	ck_assert(res.done);
	if (icmp_permitted(family)) {
		ck_assert(res.reply_present);
		ck_assert_int_eq(res.status, TNC_PING_SUCCESS);
		ck_assert_int_ge(res.rtt_ms, 0);
		ck_assert_int_lt(res.rtt_ms, 1000);
		ck_assert_str_eq(res.from, ip);
		ck_assert(now_s() - t0 < 1.0);
	} else {		/* the spec's "no reply object" case */
		ck_assert(!res.reply_present);
		ck_assert(res.denied);
		ck_assert_int_ne(res.os_errno, 0);
	}
}

START_TEST(test_echo_v4)
{
	echo_loopback(AF_INET, "127.0.0.1");
}
END_TEST

START_TEST(test_echo_v6)
{
	echo_loopback(AF_INET6, "::1");
}
END_TEST

START_TEST(test_status_names)
{
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_SUCCESS), "Success");
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_TIMED_OUT), "TimedOut");
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_DEST_HOST_UNREACHABLE),
	    "DestinationHostUnreachable");
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_DEST_NET_UNREACHABLE),
	    "DestinationNetworkUnreachable");
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_DEST_PROHIBITED),
	    "DestinationProhibited");
	ck_assert_str_eq(tnc_ping_status_name(TNC_PING_TTL_EXPIRED), "TtlExpired");
}
END_TEST

/* ---- route_lookup ---- */

/* gateway "0.0.0.0"/"::" is on-link, as Windows shows it */
static void
route_loopback(const char *ip, const char *gateway)
{
	struct tnc_address a;
	struct route_info ri;
	struct route_nl nl;
	char src[TNC_ADDR_TEXT_LEN];

	route_nl_init(&nl);
	ck_assert_int_eq(resolve_literal(ip, &a), 0);
	ck_assert_int_eq(route_lookup(&nl, &a, &ri), 0);
	ck_assert_str_eq(ri.ifname, "lo");
	ck_assert_uint_eq(ri.oif, if_nametoindex("lo"));
	ck_assert_str_eq(ri.gateway, gateway);
	ck_assert_str_eq(ri.prefsrc, ip);
	/* one socket, a sequence number per request */
	ck_assert_int_ge(nl.fd, 0);
	ck_assert_uint_eq(nl.seq, 2);		/* the route, then its link's name */
	ck_assert_int_eq(route_lookup(&nl, &a, &ri), 0);
	ck_assert_uint_eq(nl.seq, 3);		/* the name is known by now */
	route_nl_close(&nl);
	ck_assert_int_eq(route_source_address(&a, src, sizeof(src)), 0);
	ck_assert_str_eq(src, ip);
}

START_TEST(test_route_loopback_v4)
{
	route_loopback("127.0.0.1", "0.0.0.0");
}
END_TEST

START_TEST(test_route_loopback_v6)
{
	route_loopback("::1", "::");
}
END_TEST

static const struct {
	const char *ip;
	const char *context;
} isolation[] = {
	{ "127.0.0.1", "Loopback" }, { "127.255.0.9", "Loopback" },
	{ "::1", "Loopback" }, { "::ffff:127.0.0.1", "Loopback" },
	{ "10.1.2.3", "Private Network" }, { "172.16.0.1", "Private Network" },
	{ "172.31.255.255", "Private Network" }, { "172.32.0.1", "Internet" },
	{ "192.168.1.1", "Private Network" }, { "100.64.0.1", "Private Network" },
	{ "100.128.0.1", "Internet" }, { "169.254.1.1", "Private Network" },
	{ "198.18.0.1", "Private Network" }, { "198.19.255.1", "Private Network" },
	{ "198.20.0.1", "Internet" }, { "fd00::2", "Private Network" },
	{ "fc00::1", "Private Network" }, { "fe80::1", "Private Network" },
	{ "8.8.8.8", "Internet" }, { "2001:db8::1", "Internet" },
	{ "::ffff:10.0.0.1", "Private Network" },
};

/* pure computation on addresses: nothing is sent */
START_TEST(test_isolation_context)
{
	struct tnc_address a;

	ck_assert_int_eq(resolve_literal(isolation[_i].ip, &a), 0);
	ck_assert_str_eq(route_isolation_context(&a), isolation[_i].context);
}
END_TEST

/* ---- tnc_run ---- */

static void
check_interface_lo(const struct tnc_result *r, const char *src,
    const char *hop)
{
	ck_assert_str_eq(r->interface_alias, "lo");
	ck_assert_uint_eq(r->interface_index, if_nametoindex("lo"));
	ck_assert_str_eq(r->source_address, src);
	ck_assert_str_eq(r->next_hop, hop);
	ck_assert_str_eq(r->network_isolation_context, "Loopback");
	if (geteuid() == 0)
		ck_assert(r->is_admin);
	ck_assert_ptr_null(r->trace_route);
}

START_TEST(test_run_open_port)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	unsigned port;
	int lfd = loopback_socket(AF_INET, 8, &port);

	options(&o, "127.0.0.1", (int)port);
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert_str_eq(r.computer_name, "127.0.0.1");
	ck_assert(!r.detailed);
	ck_assert(r.name_resolution_succeeded);
	ck_assert_uint_eq(r.nresolved, 1);
	ck_assert_str_eq(r.resolved[0].text, "127.0.0.1");
	ck_assert_int_eq(r.remote_index, 0);
	ck_assert_uint_eq(r.remote_port, port);
	ck_assert(r.tcp_test_succeeded);
	ck_assert(!r.ping_succeeded);
	ck_assert(!r.ping_reply_present);
	ck_assert_int_eq(r.ping_rtt_ms, 0);
	check_interface_lo(&r, "127.0.0.1", "0.0.0.0");
	ck_assert_uint_eq(d.nwarnings, 0);
	ck_assert_uint_eq(d.nnotes, 0);
	ck_assert(!d.stopped);
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
	close(lfd);
}
END_TEST

/* The failure note tnc_run() adds after a TCP warning (issue 5 item 5). */
static void
tcp_note(char *buf, size_t len, const char *addr, unsigned port,
    const char *why)
{
	bool v6 = strchr(addr, ':') != NULL;

	snprintf(buf, len, "%s%s%s:%u: %s", v6 ? "[" : "", addr, v6 ? "]" : "",
	    port, why);
}

static void
run_closed(const char *name, const char *addr, int family)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	unsigned port = closed_port(family);
	char want[128];

	options(&o, name, (int)port);
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert_str_eq(r.computer_name, name);
	ck_assert(r.name_resolution_succeeded);
	ck_assert_uint_eq(r.nresolved, 1);
	ck_assert_int_eq(r.remote_index, 0);
	ck_assert_str_eq(r.resolved[0].text, addr);
	ck_assert_uint_eq(r.remote_port, port);
	ck_assert(!r.tcp_test_succeeded);
	snprintf(want, sizeof(want), "TCP connect to (%s : %u) failed", addr,
	    port);
	ck_assert_uint_ge(d.nwarnings, 1);
	ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 0), want);
	/* the note on why comes right after the warning */
	ck_assert_uint_ge(d.nentries, 2);
	ck_assert_int_eq(d.entries[1].kind, DIAG_NOTE);
	tcp_note(want, sizeof(want), addr, port, "connection refused (TCP reset)");
	ck_assert_str_eq(d.entries[1].text, want);
	if (icmp_permitted(family)) {
		ck_assert_uint_eq(d.nwarnings, 1);
		ck_assert_uint_eq(d.nnotes, 1);
		ck_assert(r.ping_succeeded);
		ck_assert(r.ping_reply_present);
		ck_assert_int_eq(r.ping_status, TNC_PING_SUCCESS);
		ck_assert_int_ge(r.ping_rtt_ms, 0);
		ck_assert_int_lt(r.ping_rtt_ms, 1000);
	} else {
		snprintf(want, sizeof(want), "Ping to %s failed", addr);
		ck_assert_uint_eq(d.nwarnings, 2);
		ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 1), want);
		ck_assert_uint_eq(d.nnotes, 2);
		ck_assert_ptr_nonnull(strstr(diag_nth(&d, DIAG_NOTE, 1),
		    "ping_group_range"));
		ck_assert(!r.ping_succeeded);
		ck_assert(!r.ping_reply_present);
	}
	check_interface_lo(&r, addr, family == AF_INET ? "0.0.0.0" : "::");
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
}

START_TEST(test_run_closed_port_v4)
{
	run_closed("127.0.0.1", "127.0.0.1", AF_INET);
}
END_TEST

START_TEST(test_run_closed_port_v6)
{
	run_closed("[::1]", "::1", AF_INET6);
}
END_TEST

/* Quiet after a TCP test returns the TCP result: no ping at all */
START_TEST(test_run_quiet_no_ping)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	unsigned port = closed_port(AF_INET);

	options(&o, "127.0.0.1", (int)port);
	o.information_level = TNC_INFO_QUIET;
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert(!r.tcp_test_succeeded);
	ck_assert(!r.ping_succeeded);
	ck_assert(!r.ping_reply_present);
	ck_assert_uint_eq(d.nwarnings, 1);
	ck_assert_uint_eq(d.nnotes, 1);
	ck_assert_int_eq(d.entries[1].kind, DIAG_NOTE);
	ck_assert_ptr_nonnull(strstr(d.entries[1].text,
	    ": connection refused (TCP reset)"));
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
}
END_TEST

START_TEST(test_run_ping_only)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };

	options(&o, "127.0.0.1", 0);
	o.information_level = TNC_INFO_DETAILED;
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert(r.detailed);
	ck_assert_uint_eq(r.remote_port, 0);
	ck_assert(!r.tcp_test_succeeded);
	ck_assert_int_eq(r.remote_index, 0);
	if (icmp_permitted(AF_INET)) {
		ck_assert(r.ping_succeeded);
		ck_assert(r.ping_reply_present);
		ck_assert_uint_eq(d.nwarnings, 0);
	} else {
		ck_assert(!r.ping_reply_present);
		ck_assert_uint_eq(d.nwarnings, 1);
		ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 0), "Ping to 127.0.0.1 failed");
	}
	check_interface_lo(&r, "127.0.0.1", "0.0.0.0");
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
}
END_TEST

/* The name does not resolve: a warning, and nothing else filled in. */
START_TEST(test_run_name_resolution_failed)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };

	options(&o, "", 5022);		/* "" fails without asking any server */
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert(!r.name_resolution_succeeded);
	ck_assert_uint_eq(r.nresolved, 0);
	ck_assert_int_eq(r.remote_index, -1);
	ck_assert_uint_eq(r.remote_port, 0);
	ck_assert(!r.tcp_test_succeeded);
	ck_assert(!r.ping_succeeded);
	ck_assert(!r.ping_reply_present);
	ck_assert_str_eq(r.interface_alias, "");
	ck_assert_str_eq(r.source_address, "");
	ck_assert_ptr_null(r.network_isolation_context);
	ck_assert_uint_eq(d.nwarnings, 1);
	ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 0), "Name resolution of  failed");
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
}
END_TEST

/* -WarningAction Stop: the first warning ends the run */
START_TEST(test_run_warning_stop)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	unsigned port = closed_port(AF_INET);
	char want[64];

	options(&o, "127.0.0.1", (int)port);
	o.warning_action = TNC_ACTION_STOP;
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert(d.stopped);
	ck_assert_uint_eq(d.nwarnings, 1);
	snprintf(want, sizeof(want), "TCP connect to (127.0.0.1 : %u) failed",
	    port);
	ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 0), want);
	ck_assert(!r.tcp_test_succeeded);
	ck_assert(!r.ping_succeeded);
	ck_assert(!r.ping_reply_present);
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
}
END_TEST

/* Several addresses: each failed one warns, in resolver order ("localhost"). */
START_TEST(test_run_localhost_all_addresses)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	unsigned p4, port;
	int l4 = loopback_socket(AF_INET, 8, &p4);
	char want[128];

	/* find a port open on 127.0.0.1 but closed on ::1 */
	port = p4;
	options(&o, "localhost", (int)port);
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert(r.tcp_test_succeeded);
	ck_assert_str_eq(r.resolved[r.remote_index].text, "127.0.0.1");
	ck_assert_uint_eq(d.nwarnings, (size_t)r.remote_index);
	for (int i = 0; i < r.remote_index; i++) {
		snprintf(want, sizeof(want), "TCP connect to (%s : %u) failed",
		    r.resolved[i].text, port);
		ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, i), want);
	}
	check_interface_lo(&r, "127.0.0.1", "0.0.0.0");
	tnc_result_free(&r);
	diag_free(&d);
	options_release(&o);
	close(l4);
}
END_TEST

/*
 * Scenarios that loopback alone cannot give (an echo that times out, a
 * name with several addresses) run in a forked child inside private
 * network and mount namespaces: its own lo, with
 * net.ipv4.icmp_echo_ignore_all = 1 there, and its own /etc/hosts bound
 * over the real one.  Not root, the child first becomes root of a user
 * namespace of its own (where the kernel allows it), so the same cases
 * run, with what an unprivileged user may do there.  Nothing of the host
 * is changed, and with only lo in that namespace no packet can leave it.
 * The child reports the run through a pipe; the parent asserts.
 */
enum ns_case {
	NS_FILTERED_NO_ECHO,	/* filtered port, echo timed out */
	NS_MULTI_ADDRESS,	/* a name with three addresses, the last one open */
	NS_DEADLINE		/* twelve filtered addresses, 0.1 s each */
};

#define NS_HOSTS \
	"127.0.0.1 localhost\n" \
	"::1 multi.tnc.test\n127.0.0.2 multi.tnc.test\n127.0.0.1 multi.tnc.test\n"

struct ns_report {
	double	elapsed;
	int	tcp_ok, ping_ok, reply, status;
	long	rtt;
	unsigned port;
	char	remote[TNC_ADDR_TEXT_LEN], source[TNC_ADDR_TEXT_LEN];
	size_t	nresolved, nwarnings, nnotes;
	char	resolved[16][TNC_ADDR_TEXT_LEN];
	char	warnings[32][128];
	char	notes[16][512];
};

#define NS_NOT_POSSIBLE	9	/* the child's status: no namespace may be made */

static int
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		return -1;
	if (fputs(text, fp) == EOF) {
		fclose(fp);
		return -1;
	}
	return fclose(fp);
}

/* Not root: root of a new user namespace, mapped to who we are. */
static int
ns_become_root(void)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();

	if (unshare(CLONE_NEWUSER) != 0)
		return -1;
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	if (write_file("/proc/self/uid_map", map) != 0)
		return -1;
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	if (write_file("/proc/self/setgroups", "deny\n") != 0 ||
	    write_file("/proc/self/gid_map", map) != 0)
		return -1;
	return 0;
}

static int
ns_setup(void)
{
	char hosts[] = "/tmp/tnc-hosts-XXXXXX";
	struct ifreq ifr;
	FILE *fp;
	int fd;

	if (geteuid() != 0 && ns_become_root() != 0)
		return NS_NOT_POSSIBLE;
	if (unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
		return geteuid() == 0 ? 10 : NS_NOT_POSSIBLE;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return 11;
	fd = mkstemp(hosts);
	if (fd < 0)
		return 12;
	fp = fdopen(fd, "w");
	fputs(NS_HOSTS, fp);
	for (int i = 1; i <= 12; i++)
		fprintf(fp, "127.0.0.%d many.tnc.test\n", i);
	fclose(fp);
	if (mount(hosts, "/etc/hosts", NULL, MS_BIND, NULL) != 0)
		return 13;
	unlink(hosts);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) != 0)
		return 14;
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr) != 0)
		return 15;
	close(fd);
	if (write_file("/proc/sys/net/ipv4/icmp_echo_ignore_all", "1\n") != 0)
		return 16;
	return 0;
}

static int
ns_child(enum ns_case c, int out)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	int clients[FILTER_CLIENTS_MAX], nclients = 0, lfd, rc;
	unsigned port;
	double t0;
	struct ns_report rep;

	rc = ns_setup();
	if (rc != 0)
		return rc;
	if (c == NS_FILTERED_NO_ECHO) {
		lfd = filtered_listener(AF_INET, &port, clients, &nclients);
		options(&o, "127.0.0.1", (int)port);
		o.timeout_seconds = 0.5;
	} else if (c == NS_MULTI_ADDRESS) {
		lfd = loopback_socket(AF_INET, 8, &port);
		options(&o, "multi.tnc.test", (int)port);
	} else {
		/* one listener for all of 127.0.0.0/8, its queue full */
		struct sockaddr_in any = { .sin_family = AF_INET };
		socklen_t len = sizeof(any);

		lfd = socket(AF_INET, SOCK_STREAM, 0);
		if (bind(lfd, (struct sockaddr *)&any, sizeof(any)) != 0 ||
		    listen(lfd, 0) != 0 ||
		    getsockname(lfd, (struct sockaddr *)&any, &len) != 0)
			return 20;
		port = ntohs(any.sin_port);
		filtered_fill(lfd, AF_INET, &port, clients, &nclients);
		options(&o, "many.tnc.test", (int)port);
		o.timeout_seconds = 0.1;
	}
	t0 = now_s();
	if (tnc_run(&o, &r, &d) != 0)
		return 21;
	memset(&rep, 0, sizeof(rep));
	rep.elapsed = now_s() - t0;
	rep.tcp_ok = r.tcp_test_succeeded;
	rep.ping_ok = r.ping_succeeded;
	rep.reply = r.ping_reply_present;
	rep.status = (int)r.ping_status;
	rep.rtt = r.ping_rtt_ms;
	rep.port = port;
	if (r.remote_index >= 0)
		snprintf(rep.remote, sizeof(rep.remote), "%s",
		    r.resolved[r.remote_index].text);
	snprintf(rep.source, sizeof(rep.source), "%s", r.source_address);
	for (size_t i = 0; i < r.nresolved && i < 16; i++)
		snprintf(rep.resolved[rep.nresolved++], TNC_ADDR_TEXT_LEN,
		    "%s", r.resolved[i].text);
	for (size_t i = 0; i < d.nwarnings && i < 32; i++)
		snprintf(rep.warnings[rep.nwarnings++], 128, "%s",
		    diag_nth(&d, DIAG_WARNING, i));
	for (size_t i = 0; i < d.nnotes && i < 16; i++)
		snprintf(rep.notes[rep.nnotes++], 512, "%s",
		    diag_nth(&d, DIAG_NOTE, i));
	if (write(out, &rep, sizeof(rep)) != (ssize_t)sizeof(rep))
		return 22;
	close_all(clients, nclients);
	close(lfd);
	return 0;
}

/*
 * Runs case c in the namespaces.  When none may be made (not root, no
 * user namespaces): false and a loud line, and a failure when CI is set,
 * as the integration runner does.
 */
static bool
ns_run(enum ns_case c, struct ns_report *rep)
{
	int pfd[2], status;
	size_t got = 0;
	ssize_t len;
	pid_t pid;

	ck_assert_int_eq(pipe(pfd), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(pfd[0]);
		_exit(ns_child(c, pfd[1]));
	}
	close(pfd[1]);
	while (got < sizeof(*rep)) {
		len = read(pfd[0], (char *)rep + got, sizeof(*rep) - got);
		if (len <= 0)
			break;
		got += (size_t)len;
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	close(pfd[0]);
	if (WIFEXITED(status) && WEXITSTATUS(status) == NS_NOT_POSSIBLE) {
		fprintf(stderr, "check_probe: NOT RUN namespace case %d: not "
		    "root, and no user namespace may be made\n", (int)c);
		ck_assert_msg(getenv("CI") == NULL || *getenv("CI") == '\0',
		    "CI is set: a namespace case that cannot run fails");
		return false;
	}
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "namespace child failed: status 0x%x", status);
	ck_assert_uint_eq(got, sizeof(*rep));
	return true;
}

/* A filtered port whose echo also times out costs one timeout, not two. */
START_TEST(test_run_concurrent_ping)
{
	struct ns_report rep;
	char want[128];

	if (!ns_run(NS_FILTERED_NO_ECHO, &rep))
		return;
	ck_assert_uint_eq(rep.nwarnings, 2);
	snprintf(want, sizeof(want), "TCP connect to (127.0.0.1 : %u) failed",
	    rep.port);
	ck_assert_str_eq(rep.warnings[0], want);
	ck_assert_str_eq(rep.warnings[1],
	    "Ping to 127.0.0.1 failed with status: TimedOut");
	ck_assert_uint_eq(rep.nnotes, 1);
	tcp_note(want, sizeof(want), "127.0.0.1", rep.port,
	    "no answer within 0.5 s (filtered?)");
	ck_assert_str_eq(rep.notes[0], want);
	ck_assert_int_eq(rep.tcp_ok, 0);
	ck_assert_int_eq(rep.ping_ok, 0);
	ck_assert_int_eq(rep.reply, 1);		/* "PingReplyDetails (RTT) : 0 ms" */
	ck_assert_int_eq(rep.status, TNC_PING_TIMED_OUT);
	ck_assert_int_eq(rep.rtt, 0);
	ck_assert_str_eq(rep.remote, "127.0.0.1");
	ck_assert_str_eq(rep.source, "127.0.0.1");
	/* one after the other would be 0.5 + 0.5 s */
	ck_assert_msg(rep.elapsed >= 0.45 && rep.elapsed < 0.85,
	    "a failed test took %.3f s with a 0.5 s timeout", rep.elapsed);
}
END_TEST

/* Every address in resolver order, a warning for each that failed. */
START_TEST(test_run_multi_address)
{
	struct ns_report rep;
	char want[128];
	size_t open_at = 0;

	if (!ns_run(NS_MULTI_ADDRESS, &rep))
		return;
	ck_assert_uint_eq(rep.nresolved, 3);
	while (open_at < rep.nresolved &&
	    strcmp(rep.resolved[open_at], "127.0.0.1") != 0)
		open_at++;
	ck_assert_uint_lt(open_at, 3);
	ck_assert_int_eq(rep.tcp_ok, 1);
	ck_assert_str_eq(rep.remote, "127.0.0.1");
	ck_assert_str_eq(rep.source, "127.0.0.1");
	ck_assert_int_eq(rep.reply, 0);		/* ping results discarded */
	ck_assert_uint_eq(rep.nwarnings, open_at);
	for (size_t i = 0; i < open_at; i++) {
		snprintf(want, sizeof(want), "TCP connect to (%s : %u) failed",
		    rep.resolved[i], rep.port);
		ck_assert_str_eq(rep.warnings[i], want);
		tcp_note(want, sizeof(want), rep.resolved[i], rep.port,
		    "connection refused (TCP reset)");
		ck_assert_str_eq(rep.notes[i], want);
	}
	ck_assert_uint_eq(rep.nnotes, open_at);
}
END_TEST

/* Twelve filtered addresses at 0.1 s: the 1 s run deadline cuts it short. */
START_TEST(test_run_deadline)
{
	struct ns_report rep;
	char want[128];

	if (!ns_run(NS_DEADLINE, &rep))
		return;
	ck_assert_uint_eq(rep.nresolved, 12);
	ck_assert_int_eq(rep.tcp_ok, 0);
	ck_assert_uint_eq(rep.nwarnings, 24);
	for (size_t i = 0; i < 12; i++) {
		snprintf(want, sizeof(want), "TCP connect to (%s : %u) failed",
		    rep.resolved[i], rep.port);
		ck_assert_str_eq(rep.warnings[i], want);
		snprintf(want, sizeof(want),
		    "Ping to %s failed with status: TimedOut", rep.resolved[i]);
		ck_assert_str_eq(rep.warnings[12 + i], want);
	}
	/* a note for each attempt that timed out, then the deadline's */
	ck_assert_uint_ge(rep.nnotes, 2);
	for (size_t i = 0; i + 1 < rep.nnotes; i++) {
		tcp_note(want, sizeof(want), rep.resolved[i], rep.port,
		    "no answer within 0.1 s (filtered?)");
		if (i + 2 < rep.nnotes) {
			ck_assert_str_eq(rep.notes[i], want);
			continue;
		}
		/* the last attempt had only what was left of the run */
		tcp_note(want, sizeof(want), rep.resolved[i], rep.port,
		    "no answer within 0");
		ck_assert_msg(strncmp(rep.notes[i], want, strlen(want)) == 0 &&
		    strstr(rep.notes[i], " s (filtered?)") != NULL,
		    "note %s", rep.notes[i]);
	}
	ck_assert_ptr_nonnull(strstr(rep.notes[rep.nnotes - 1], "deadline"));
	ck_assert_msg(rep.elapsed >= 0.95 && rep.elapsed < 1.5,
	    "took %.3f s for a 1 s deadline", rep.elapsed);
}
END_TEST

static Suite *
probe_suite(void)
{
	Suite *s = suite_create("probe");
	TCase *tc_resolve = tcase_create("resolve");
	TCase *tc_tcp = tcase_create("tcp_probe");
	TCase *tc_icmp = tcase_create("icmp_echo");
	TCase *tc_route = tcase_create("route_lookup");
	TCase *tc_run = tcase_create("tnc_run");

	tcase_add_test(tc_resolve, test_resolve_literals);
	tcase_add_test(tc_resolve, test_resolve_not_literals);
	tcase_add_test(tc_resolve, test_resolve_localhost);
	tcase_add_test(tc_resolve, test_resolve_reverse);
	tcase_add_test(tc_resolve, test_resolve_abandoned);
	tcase_add_test(tc_tcp, test_tcp_open_v4);
	tcase_add_test(tc_tcp, test_tcp_open_v6);
	tcase_add_test(tc_tcp, test_tcp_closed_refused);
	tcase_add_test(tc_tcp, test_tcp_proxy_env_ignored);
	tcase_add_test(tc_tcp, test_tcp_filtered_times_out);
	tcase_add_test(tc_tcp, test_tcp_no_descriptor);
	tcase_add_test(tc_icmp, test_echo_v4);
	tcase_add_test(tc_icmp, test_echo_v6);
	tcase_add_test(tc_icmp, test_status_names);
	tcase_add_test(tc_route, test_route_loopback_v4);
	tcase_add_test(tc_route, test_route_loopback_v6);
	tcase_add_loop_test(tc_route, test_isolation_context, 0,
	    (int)(sizeof(isolation) / sizeof(isolation[0])));
	tcase_add_test(tc_run, test_run_open_port);
	tcase_add_test(tc_run, test_run_closed_port_v4);
	tcase_add_test(tc_run, test_run_closed_port_v6);
	tcase_add_test(tc_run, test_run_quiet_no_ping);
	tcase_add_test(tc_run, test_run_ping_only);
	tcase_add_test(tc_run, test_run_name_resolution_failed);
	tcase_add_test(tc_run, test_run_warning_stop);
	tcase_add_test(tc_run, test_run_localhost_all_addresses);
	tcase_add_test(tc_run, test_run_concurrent_ping);
	tcase_add_test(tc_run, test_run_multi_address);
	tcase_add_test(tc_run, test_run_deadline);
	tcase_set_timeout(tc_tcp, 10);
	tcase_set_timeout(tc_run, 20);
	suite_add_tcase(s, tc_resolve);
	suite_add_tcase(s, tc_tcp);
	suite_add_tcase(s, tc_icmp);
	suite_add_tcase(s, tc_route);
	suite_add_tcase(s, tc_run);
	return s;
}

int
main(void)
{
	return check_run(probe_suite());
}
