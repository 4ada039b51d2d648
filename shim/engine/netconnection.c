/*
 * netconnection.c: Test-NetConnection's algorithm (spec 1.4, "Current"),
 * as a state machine on the engine's loop:
 *
 *   resolve -> probes: TCP attempts one address after the other, the
 *   echoes sent beside them once a connect has failed or has not answered
 *   within RUN_ECHO_AFTER_MS -> the cmdlet's rules decide what is
 *   reported -> route (interface, source) -> trace -> the reverse name
 *   (Detailed, IP literal) -> done
 *
 * The whole test is bounded by its run deadline (10 x -TimeoutSeconds).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/budget.h"
#include "engine/constraint.h"
#include "engine/engine_impl.h"
#include "engine/interface_info.h"
#include "engine/netconnection.h"
#include "engine/resolve.h"
#include "engine/route_lookup.h"
#include "engine/trace_route.h"

#define RUN_DEADLINE_FACTOR	10	/* whole run: 10 x -TimeoutSeconds */
/*
 * The cmdlet pings only after the TCP test failed; tnc sends the echoes
 * beside a connect that has not answered within this long, so a failed
 * test costs about max(connect, echo) and not their sum, while a port
 * that answers at once (a LAN, loopback) costs no echo at all.
 */
#define RUN_ECHO_AFTER_MS	100

enum run_phase {
	RUN_RESOLVE,
	RUN_PROBE,
	RUN_INTERFACE,
	RUN_TRACE,
	RUN_PTR,			/* waiting for the reverse name only */
	RUN_OVER
};

struct run {
	struct engine_test *t;
	struct engine *e;
	const struct tnc_options *o;
	struct tnc_result *r;
	struct tnc_diag *d;
	int64_t	t0_ms;
	long	timeout_ms;		/* each attempt, each echo, each lookup */
	long	deadline_ms;		/* the whole run, from t0 */
	enum run_phase phase;
	struct loop_timer deadline;
	bool	deadline_noted;
	bool	icmp_noted;		/* the "how to allow ICMP" note was given */
	struct tnc_constraint con;	/* -Constrain*: binds every probe (ours) */
	struct resolve_req rq;		/* the name */
	struct resolve_req ptr;		/* the reverse name (Detailed, IP literal) */
	bool	want_ptr, ptr_pending;
	/* probes */
	size_t	n;			/* addresses */
	size_t	ti;			/* TCP: the address being tried */
	size_t	pi;			/* ping: the next result to report */
	size_t	ei;			/* ping: the next echo to send */
	bool	do_tcp, do_ping, tcp_over, ping_over, tcp_ok;
	bool	echo_due;		/* the echoes may be sent now */
	struct loop_timer echo_wait;	/* RUN_ECHO_AFTER_MS into the probes */
	struct tcp_attempt *att;
	struct tcp_conn conn;
	struct icmp_echo *echo;
	/* trace */
	char	**trace;
	int	ntrace, hops;
	long	hop_ms;
	struct icmp_echo hop;
};

static void run_pump(struct run *run);
static void run_after_probes(struct run *run);
static void run_trace_next(struct run *run);
static void run_after_trace(struct run *run);

static long
run_elapsed_ms(const struct run *run)
{
	return (long)(loop_now_ms() - run->t0_ms);
}

static long
run_left_ms(const struct run *run)
{
	return run->deadline_ms - run_elapsed_ms(run);
}

static const char *
run_name(const struct run *run)
{
	return run->o->computer_name != NULL ? run->o->computer_name : "";
}

/* The test is over (whatever its outcome: rc 0). */
static void
run_finish(struct run *run)
{
	run->phase = RUN_OVER;
	engine_test_finish(run->t);
}

/*
 * Records a warning.  With -WarningAction Stop the first warning ends the
 * run (the runtime turns it into an error): returns true when that
 * happened, and the caller must return at once.
 */
static bool
run_warn(struct run *run, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool
run_warn(struct run *run, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s != NULL) {
		diag_warn(run->d, "%s", s);
		free(s);
	}
	if (run->o->warning_action == TNC_ACTION_STOP) {
		run->d->stopped = true;
		run_finish(run);
		return true;
	}
	return false;
}

/* Once per run: why there was no ping, and how to allow it. */
static void
run_note_icmp(struct run *run)
{
	char exe[512];
	ssize_t len;

	if (run->icmp_noted)
		return;
	run->icmp_noted = true;
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len <= 0)
		snprintf(exe, sizeof(exe), "tnc");
	else
		exe[len] = '\0';
	diag_note(run->d, "ICMP echo is not permitted for this user; allow it "
	    "with: sysctl -w net.ipv4.ping_group_range=\"0 2147483647\" or "
	    "setcap cap_net_raw+p %s", exe);
}

/*
 * Why the TCP test of address i failed, as a "tnc: " note right after the
 * cmdlet's warning for it: "198.18.2.10:5022: connection refused (TCP
 * reset)", "[fd00:198:18:2::13]:5022: ICMPv6 administratively prohibited
 * from fd00:198:18:1::1".
 */
static void
run_note_tcp(struct run *run, size_t i, const struct tcp_attempt *at)
{
	const struct tnc_address *a = &run->r->resolved[i];
	bool v6 = a->sa.ss_family == AF_INET6;
	char why[256];

	diag_note(run->d, "%s%s%s:%u: %s", v6 ? "[" : "", a->text,
	    v6 ? "]" : "", run->r->remote_port,
	    tcp_attempt_describe(at, why, sizeof(why)));
}

/* ---- resolve ---- */

static void run_resolve(struct run *run);
static void run_ptr_start(struct run *run);

static void
run_retry_resolve(struct engine_test *t)
{
	run_resolve(t->ks);
}

static void
run_retry_ptr(struct engine_test *t)
{
	run_ptr_start(t->ks);
}

/* A lookup that could not be done: the machine's failure, never the name's. */
static void
run_lookup_trouble(struct run *run, const struct resolve_req *rq,
    void (*retry)(struct engine_test *))
{
	if (rq->status == RESOLVE_SHORT)
		engine_test_park(run->t, rq->sys_errno, "cannot resolve a name",
		    retry);
	else
		engine_test_fail(run->t, "name resolution of %s: %s",
		    run_name(run), rq->why);
}

static void
run_on_ptr(void *arg, struct resolve_req *rq)
{
	struct run *run = arg;

	run->ptr_pending = false;
	if (rq->status == RESOLVE_OK) {
		run->r->reverse_name = rq->name;
		rq->name = NULL;
	} else if (rq->status == RESOLVE_SHORT || rq->status == RESOLVE_SYSTEM) {
		run_lookup_trouble(run, rq, run_retry_ptr);
		return;
	}
	if (run->phase == RUN_PTR)
		run_finish(run);
}

/* Probe state for the n resolved addresses; then the probes begin. */
static void
run_probes_start(struct run *run)
{
	const struct tnc_options *o = run->o;

	run->n = run->r->nresolved;
	run->att = calloc(run->n, sizeof(*run->att));
	run->echo = calloc(run->n, sizeof(*run->echo));
	if (run->att == NULL || run->echo == NULL) {
		engine_test_fail(run->t, "out of memory");
		return;
	}
	run->do_tcp = o->port != 0;
	run->do_ping = !(run->do_tcp && o->information_level == TNC_INFO_QUIET);
	run->tcp_over = !run->do_tcp;
	run->ping_over = !run->do_ping;
	run->echo_due = !run->do_tcp;
	if (run->do_tcp)
		run->r->remote_port = (unsigned)o->port;
	run->phase = RUN_PROBE;
	if (run->do_tcp && run->do_ping &&
	    loop_timer_start(run->e->loop, &run->echo_wait,
	    RUN_ECHO_AFTER_MS) != 0)
		run->echo_due = true;	/* no timer: send them at once */
	run_pump(run);
}

/*
 * The reverse name of an IP-literal target, for Detailed's
 * NameResolutionResults (spec 7.1): looked up beside the probes, bounded
 * by the timeout.  Not for loopback addresses: every hosts file names
 * them "localhost", which Windows does not show (our choice, README).
 */
static void
run_ptr_start(struct run *run)
{
	if (run->want_ptr && !run->ptr_pending && run->r->reverse_name == NULL) {
		if (resolver_reverse(run->e->resolver, &run->ptr,
		    &run->r->resolved[0], run->timeout_ms, run_on_ptr, run) != 0) {
			run_lookup_trouble(run, &run->ptr, run_retry_ptr);
			return;
		}
		run->ptr_pending = true;
	}
	if (run->phase == RUN_RESOLVE)
		run_probes_start(run);
}

static void
run_resolved(struct run *run, struct tnc_address *addrs, size_t n,
    bool literal)
{
	struct tnc_result *r = run->r;

	r->resolved = addrs;
	r->nresolved = n;
	r->name_resolution_succeeded = true;
	r->remote_index = 0;
	run->want_ptr = literal && r->detailed &&
	    strcmp(route_isolation_context(&addrs[0]), "Loopback") != 0;
	run_ptr_start(run);
}

static void
run_name_failed(struct run *run)
{
	if (!run_warn(run, "Name resolution of %s failed", run_name(run)))
		run_finish(run);
}

static void
run_on_resolved(void *arg, struct resolve_req *rq)
{
	struct run *run = arg;

	switch (rq->status) {
	case RESOLVE_OK:
		run_resolved(run, rq->addrs, rq->naddrs, false);
		rq->addrs = NULL;	/* the result's now */
		break;
	case RESOLVE_FAILED:
	case RESOLVE_TIMED_OUT:
		run_name_failed(run);
		break;
	default:
		run_lookup_trouble(run, rq, run_retry_resolve);
		break;
	}
}

static void
run_resolve(struct run *run)
{
	const char *name = run_name(run);
	struct tnc_address lit, *a;

	if (resolve_literal(name, &lit) == 0) {
		a = malloc(sizeof(*a));
		if (a == NULL) {
			engine_test_fail(run->t, "out of memory");
			return;
		}
		*a = lit;
		run_resolved(run, a, 1, true);
		return;
	}
	if (*name == '\0') {
		run_name_failed(run);
		return;
	}
	if (resolver_forward(run->e->resolver, &run->rq, name, run->timeout_ms,
	    run_on_resolved, run) != 0)
		run_lookup_trouble(run, &run->rq, run_retry_resolve);
}

/* ---- probes ---- */

/* Reports the echoes, in address order, once TCP has failed (or was not asked for). */
static void
run_report_pings(struct run *run)
{
	struct tnc_result *r = run->r;

	if (run->phase != RUN_PROBE)
		return;
	while (run->tcp_over && !run->ping_over && run->pi < run->n &&
	    run->echo[run->pi].res.done) {
		const struct icmp_echo_result *e = &run->echo[run->pi].res;
		const char *addr = r->resolved[run->pi].text;

		r->ping_reply_present = e->reply_present;
		r->ping_status = e->status;
		r->ping_rtt_ms = 0;
		if (e->reply_present && e->status == TNC_PING_SUCCESS) {
			r->ping_succeeded = true;
			r->ping_rtt_ms = e->rtt_ms;
			r->remote_index = (int)run->pi;
			run->ping_over = true;
			break;
		}
		if (!e->reply_present) {
			/* the local stack could not send it: Ping threw */
			if (run_warn(run, "Ping to %s failed", addr))
				return;
			if (e->denied)	/* after the warning it explains */
				run_note_icmp(run);
			if (!e->denied && e->os_errno != 0)
				diag_note(run->d, "%s: the echo could not be "
				    "sent: %s", addr, strerror(e->os_errno));
		} else if (run_warn(run, "Ping to %s failed with status: %s",
		    addr, tnc_ping_status_name(e->status))) {
			return;
		} else if (e->status != TNC_PING_TIMED_OUT && e->from[0] != '\0') {
			/* who said so: the router, or the host itself */
			diag_note(run->d, "%s: %s, reported by %s", addr,
			    tnc_ping_status_name(e->status), e->from);
		}
		if (++run->pi == run->n)
			run->ping_over = true;
	}
	if (run->tcp_over && run->ping_over)
		run_after_probes(run);
}

static void
run_retry_pump(struct engine_test *t)
{
	run_pump(t->ks);
}

static void
run_on_echo(void *arg, struct icmp_echo *echo)
{
	(void)echo;
	run_report_pings(arg);
}

/* The connect has not answered in RUN_ECHO_AFTER_MS: the echoes go now. */
static void
run_on_echo_wait(void *arg)
{
	struct run *run = arg;

	run->echo_due = true;
	run_pump(run);
}

static void
run_on_tcp(void *arg, struct tcp_conn *c)
{
	struct run *run = arg;
	const struct tcp_attempt *at = &c->at;
	struct tnc_result *r = run->r;

	if (at->short_errno != 0) {
		/* no descriptor or port: the attempt runs again later */
		engine_test_park(run->t, at->short_errno,
		    at->short_errno == EADDRNOTAVAIL ?
		    "no local port to connect from" : "cannot open a socket",
		    run_retry_pump);
		return;
	}
	run->att[run->ti] = *at;
	if (at->outcome == TCP_CONNECTED) {
		run->tcp_ok = true;
		run->tcp_over = true;
		run_after_probes(run);
		return;
	}
	/* a failed connect: the cmdlet pings now; so do we, if not yet */
	loop_timer_stop(run->e->loop, &run->echo_wait);
	run->echo_due = true;
	if (run_warn(run, "TCP connect to (%s : %u) failed",
	    r->resolved[run->ti].text, r->remote_port))
		return;
	run_note_tcp(run, run->ti, at);
	if (++run->ti == run->n)
		run->tcp_over = true;
	/* the next address, if the deadline allows; the echoes, now due */
	run_pump(run);
}

/*
 * Starts what should be running and is not: the TCP attempt for address
 * ti (first, so that it gets a descriptor before the echoes do), then the
 * echoes not sent yet.  Running short parks the test; this runs again.
 */
static void
run_pump(struct run *run)
{
	struct engine *e = run->e;
	char err[256];
	long left;
	int rc;

	if (run->phase != RUN_PROBE)
		return;
	if (!run->tcp_over && !tcp_conn_busy(&run->conn)) {
		left = run_left_ms(run);
		/* left <= 0: the deadline's handler reports the rest */
		if (left > 0 && tcp_conn_start(e->tcp, &run->conn,
		    &run->r->resolved[run->ti], run->r->remote_port,
		    left < run->timeout_ms ? left : run->timeout_ms, &run->con,
		    run_on_tcp, run, err, sizeof(err)) != 0) {
			engine_test_fail(run->t, "%s", err);
			return;
		}
	}
	while (run->do_ping && run->echo_due && run->ei < run->n) {
		rc = icmp_echo_start(e->icmp, &run->echo[run->ei],
		    &run->r->resolved[run->ei], run->timeout_ms, &run->con, 0,
		    run_on_echo, run);
		if (rc < 0) {
			engine_test_park(run->t, errno, "cannot open a socket", run_retry_pump);
			return;
		}
		run->ei++;
	}
	run_report_pings(run);
}

/* The run's deadline during the probes: what has not finished has failed. */
static void
run_probe_deadline(struct run *run)
{
	struct tnc_result *r = run->r;

	if (!run->deadline_noted) {
		run->deadline_noted = true;
		diag_note(run->d, "the run deadline of %.3g s (%d x "
		    "-TimeoutSeconds) was reached; addresses not tried count "
		    "as failed", (double)run->deadline_ms / 1000.0,
		    RUN_DEADLINE_FACTOR);
	}
	for (size_t i = 0; i < run->ei; i++)
		icmp_echo_expire(&run->echo[i]);
	if (!run->tcp_over) {
		if (tcp_conn_busy(&run->conn))
			tcp_conn_cancel(&run->conn, &run->att[run->ti]);
		else
			run->att[run->ti].outcome = TCP_NOT_TRIED;
		for (; run->ti < run->n; run->ti++) {
			if (run_warn(run, "TCP connect to (%s : %u) failed",
			    r->resolved[run->ti].text, r->remote_port))
				return;
			if (run->ti + 1 < run->n)
				run->att[run->ti + 1].outcome = TCP_NOT_TRIED;
		}
		run->tcp_over = true;
	}
	run_report_pings(run);
}

static void
run_on_deadline(void *arg)
{
	struct run *run = arg;

	if (run->t->parked) {
		/* it waited all this time for a descriptor: the machine's failure */
		engine_test_fail_parked(run->t);
		return;
	}
	if (run->phase == RUN_PROBE)
		run_probe_deadline(run);
	/* resolve, trace and the reverse name end by their own bounds */
}

/* ---- route, trace ---- */

/*
 * InterfaceAlias, InterfaceIndex, NextHop, SourceAddress for
 * RemoteAddress.  Returns 0, or -1 with errno set when the machine ran
 * short (no socket for the lookup): nothing was decided, try again.
 */
static int
run_interface(struct run *run, const char *connected_src)
{
	struct tnc_result *r = run->r;
	const struct tnc_address *remote = &r->resolved[r->remote_index];
	struct route_query q = { .dst = remote, .fib_match = true };
	struct route_info ri;
	bool matched = false;

	/*
	 * A connected test knows its source, so the routing-table entry
	 * alone (interface, next hop, and the prefix NetRoute shows) is all
	 * it needs: one query, not two.  A multipath entry names no single
	 * interface: then the route the kernel would take, as for the rest.
	 */
	if (connected_src != NULL && connected_src[0] != '\0' &&
	    route_query(&run->e->nl, &q, &ri) == 0 && ri.oif != 0) {
		matched = true;
		snprintf(r->route_prefix, sizeof(r->route_prefix), "%s",
		    ri.prefix);
	}
	if (matched || route_lookup(&run->e->nl, remote, &ri) == 0) {
		snprintf(r->interface_alias, sizeof(r->interface_alias), "%s",
		    ri.ifname);
		r->interface_index = ri.oif;
		snprintf(r->next_hop, sizeof(r->next_hop), "%s", ri.gateway);
		if (connected_src == NULL || connected_src[0] == '\0')
			connected_src = ri.prefsrc;
	} else if (budget_short(errno)) {
		return -1;
	}
	if (connected_src != NULL && connected_src[0] != '\0')
		snprintf(r->source_address, sizeof(r->source_address), "%s",
		    connected_src);
	else if (r->interface_alias[0] != '\0' &&
	    route_source_address(remote, r->source_address,
	    sizeof(r->source_address)) != 0 && budget_short(errno))
		return -1;
	r->network_isolation_context = route_isolation_context(remote);
	r->is_admin = run->e->is_admin;
	return interface_info_fill(&run->e->nl, &run->e->ifcache, r, matched);
}

static void run_retry_interface(struct engine_test *t);

static void
run_interface_step(struct run *run)
{
	const struct tnc_options *o = run->o;
	struct tnc_result *r = run->r;

	if (o->information_level == TNC_INFO_QUIET) {
		/* the cmdlet returns the bare bool here: nothing shows a route */
		run_after_trace(run);
		return;
	}
	if (run_interface(run, run->tcp_ok ?
	    run->att[r->remote_index].local_ip : NULL) != 0) {
		engine_test_park(run->t, errno, "cannot open a socket",
		    run_retry_interface);
		return;
	}
	/* TraceRoute is in the ICMP set; Quiet has returned at the ping */
	if (o->trace_route && o->port == 0 &&
	    o->information_level != TNC_INFO_QUIET) {
		run->hops = o->hops < 1 ? 1 : o->hops;
		run->hop_ms = run->timeout_ms < TRACE_HOP_TIMEOUT_MS ?
		    run->timeout_ms : TRACE_HOP_TIMEOUT_MS;
		run->trace = calloc((size_t)run->hops, sizeof(*run->trace));
		if (run->trace == NULL) {
			engine_test_fail(run->t, "out of memory");
			return;
		}
		run->phase = RUN_TRACE;
		run_trace_next(run);
		return;
	}
	run_after_trace(run);
}

static void
run_retry_interface(struct engine_test *t)
{
	run_interface_step(t->ks);
}

/* TCP and ping are decided: what the cmdlet reports of them is set. */
static void
run_after_probes(struct run *run)
{
	struct tnc_result *r = run->r;

	engine_test_unpark(run->t);	/* an echo that waited is not needed */
	loop_timer_stop(run->e->loop, &run->echo_wait);
	r->tcp_test_succeeded = run->tcp_ok;
	if (run->tcp_ok)
		r->remote_index = (int)run->ti;
	for (size_t i = 0; i < run->ei; i++)
		icmp_echo_cancel(&run->echo[i]);
	run->phase = RUN_INTERFACE;
	run_interface_step(run);
}

/*
 * Records the hop just answered.  Returns 1 when the trace is over (the
 * destination answered), 0 to go on, -1 when the test failed (memory).
 */
static int
run_trace_entry(struct run *run)
{
	const struct tnc_address *dst = &run->r->resolved[run->r->remote_index];
	char entry[TNC_ADDR_TEXT_LEN];

	trace_entry(&run->hop.res, dst->sa.ss_family, entry, sizeof(entry));
	run->trace[run->ntrace] = strdup(entry);
	if (run->trace[run->ntrace] == NULL) {
		engine_test_fail(run->t, "out of memory");
		return -1;
	}
	run->ntrace++;
	return run->hop.res.reply_present &&
	    run->hop.res.status == TNC_PING_SUCCESS;
}

static void
run_on_hop(void *arg, struct icmp_echo *echo)
{
	struct run *run = arg;
	int rc;

	(void)echo;
	rc = run_trace_entry(run);
	if (rc == 1)
		run_after_trace(run);
	else if (rc == 0)
		run_trace_next(run);
}

static void
run_retry_trace(struct engine_test *t)
{
	run_trace_next(t->ks);
}

/*
 * -TraceRoute (spec 1.4 step 5), after the ping, to RemoteAddress: TTL
 * 1..Hops one hop after the other, each of min(4 s, -TimeoutSeconds),
 * within what is left of the run (what is traced by then stays).
 */
static void
run_trace_next(struct run *run)
{
	const struct tnc_address *dst = &run->r->resolved[run->r->remote_index];
	long left, to;
	int rc;

	for (;;) {
		left = run_left_ms(run);
		if (run->ntrace >= run->hops || left <= 0) {
			run_after_trace(run);
			return;
		}
		to = run->hop_ms < left ? run->hop_ms : left;
		rc = icmp_echo_start(run->e->icmp, &run->hop, dst, to, &run->con,
		    run->ntrace + 1, run_on_hop, run);
		if (rc < 0) {
			engine_test_park(run->t, errno, "cannot open a socket", run_retry_trace);
			return;
		}
		if (rc == 0)
			return;		/* run_on_hop goes on */
		rc = run_trace_entry(run);	/* not sent: "..." */
		if (rc < 0)
			return;
		if (rc == 1) {
			run_after_trace(run);
			return;
		}
	}
}

/* After the trace (or without one): the reverse name, then done. */
static void
run_after_trace(struct run *run)
{
	struct tnc_result *r = run->r;

	if (run->phase == RUN_TRACE) {
		const struct tnc_address *dst = &r->resolved[r->remote_index];

		r->trace_route = run->trace;
		r->ntrace = (size_t)run->ntrace;
		run->trace = NULL;
		if (r->ntrace > 0 && trace_incomplete(r->trace_route, r->ntrace,
		    dst) && run_warn(run, "Trace route to destination %s did "
		    "not complete. Trace terminated :: %s", dst->text,
		    r->trace_route[r->ntrace - 1]))
			return;
	}
	if (run->ptr_pending) {
		run->phase = RUN_PTR;
		return;
	}
	run_finish(run);
}

/* ---- the kind ---- */

static void
run_start(struct engine_test *t)
{
	struct run *run = calloc(1, sizeof(*run));
	const struct tnc_options *o = &t->o;

	if (run == NULL) {
		engine_test_fail(t, "out of memory");
		return;
	}
	t->ks = run;
	run->t = t;
	run->e = t->e;
	run->o = o;
	run->r = &t->res->r;
	run->d = &t->res->d;
	run->t0_ms = loop_now_ms();
	run->timeout_ms = engine_timeout_ms(o->timeout_seconds);
	run->deadline_ms = RUN_DEADLINE_FACTOR * run->timeout_ms;
	loop_timer_init(&run->deadline, run_on_deadline, run);
	loop_timer_init(&run->echo_wait, run_on_echo_wait, run);
	run->r->computer_name = strdup(run_name(run));
	if (run->r->computer_name == NULL ||
	    loop_timer_start(t->e->loop, &run->deadline, run->deadline_ms) != 0) {
		engine_test_fail(t, "out of memory");
		return;
	}
	run->r->detailed = o->information_level == TNC_INFO_DETAILED;
	if (constraint_from_options(o, &run->con, run->d->error,
	    sizeof(run->d->error)) != 0) {
		if (budget_short(errno)) {
			engine_test_fail(t, "-ConstrainInterface %u: %s",
			    o->constrain_interface, strerror(errno));
			return;
		}
		t->res->rc = TNC_RUN_BAD_OPTION;
		run_finish(run);
		return;
	}
	run_resolve(run);
}

static void
run_stop(struct engine_test *t)
{
	struct run *run = t->ks;

	loop_timer_stop(t->e->loop, &run->deadline);
	loop_timer_stop(t->e->loop, &run->echo_wait);
	resolver_cancel(&run->rq);
	resolver_cancel(&run->ptr);
	if (tcp_conn_busy(&run->conn))
		tcp_conn_cancel(&run->conn, &run->conn.at);
	for (size_t i = 0; run->echo != NULL && i < run->n; i++)
		icmp_echo_cancel(&run->echo[i]);
	icmp_echo_cancel(&run->hop);
}

static void
run_destroy(struct engine_test *t)
{
	struct run *run = t->ks;

	resolve_req_clear(&run->rq);
	resolve_req_clear(&run->ptr);
	for (int i = 0; run->trace != NULL && i < run->ntrace; i++)
		free(run->trace[i]);
	free(run->trace);
	free(run->att);
	free(run->echo);
	free(run);
	t->ks = NULL;
}

const struct test_kind netconnection_kind = {
	.start = run_start,
	.stop = run_stop,
	.destroy = run_destroy,
};

int
tnc_run(const struct tnc_options *o, struct tnc_result *r,
    struct tnc_diag *d)
{
	struct tnc_options one = *o;
	struct engine_result *res;
	int rc;

	memset(r, 0, sizeof(*r));
	r->remote_index = -1;
	one.diagnose_routing = false;	/* the cmdlet's test, whatever the set */
	if (engine_run_one(&one, &res, d->error, sizeof(d->error)) != 0)
		return TNC_RUN_FAILURE;
	*r = res->r;
	*d = res->d;
	rc = res->rc;
	route_diag_free(&res->rd);
	free(res);
	return rc;
}
