/* netconnection.c: Test-NetConnection's algorithm (spec 1.4, "Current"). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/constraint.h"
#include "engine/host.h"
#include "engine/icmp_echo.h"
#include "engine/interface_info.h"
#include "engine/netconnection.h"
#include "engine/resolve.h"
#include "engine/route_lookup.h"
#include "engine/tcp_probe.h"
#include "engine/trace_route.h"

#define RUN_DEADLINE_FACTOR	10	/* whole run: 10 x -TimeoutSeconds */
#define RUN_MAX_SLEEP_MS	1000	/* wake up at least this often */
#define RUN_TIMEOUT_MAX_MS	(24L * 3600 * 1000)

struct run {
	const struct tnc_options *o;
	struct tnc_result *r;
	struct tnc_diag *d;
	struct timespec t0;
	long	timeout_ms;		/* each attempt, each echo */
	long	deadline_ms;		/* the whole run, from t0 */
	bool	icmp_noted;		/* the "how to allow ICMP" note was given */
	struct tnc_constraint con;	/* -Constrain*: binds every probe (ours) */
};

static long
run_elapsed_ms(const struct run *run)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - run->t0.tv_sec) * 1000 +
	    (now.tv_nsec - run->t0.tv_nsec) / 1000000;
}

/*
 * Records a warning.  With -WarningAction Stop the first warning ends the
 * run (main turns it into an error): returns true when that happened.
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

/* InterfaceAlias, InterfaceIndex, NextHop, SourceAddress for RemoteAddress. */
static void
run_interface(struct run *run, const char *connected_src)
{
	struct tnc_result *r = run->r;
	const struct tnc_address *remote = &r->resolved[r->remote_index];
	struct route_info ri;

	if (route_lookup(remote, &ri) == 0) {
		snprintf(r->interface_alias, sizeof(r->interface_alias), "%s",
		    ri.ifname);
		r->interface_index = ri.oif;
		snprintf(r->next_hop, sizeof(r->next_hop), "%s", ri.gateway);
		if (connected_src == NULL || connected_src[0] == '\0')
			connected_src = ri.prefsrc;
	}
	if (connected_src != NULL && connected_src[0] != '\0')
		snprintf(r->source_address, sizeof(r->source_address), "%s",
		    connected_src);
	else if (r->interface_alias[0] != '\0')
		route_source_address(remote, r->source_address,
		    sizeof(r->source_address));
	r->network_isolation_context = route_isolation_context(remote);
	r->is_admin = tnc_is_admin();
	interface_info_fill(r);
}

static long
run_clamp_timeout(double seconds)
{
	double ms = seconds * 1000.0;

	if (!(ms >= 1.0))		/* also NaN */
		return 1;
	if (ms > (double)RUN_TIMEOUT_MAX_MS)
		return RUN_TIMEOUT_MAX_MS;
	return (long)ms;
}

/*
 * The probes.  The echoes (when the rules may need them) are sent at the
 * start, beside the first connect, and everything is waited for in one
 * loop; the cmdlet's sequential rules then decide what is reported: TCP
 * warnings as each address fails, then, only if no address connected, the
 * ping results in address order up to the first success.  So a failed test
 * costs max(connect, echo) instead of their sum.
 * Returns 0 (stopped or not), or -1 with d->error set.
 */
static int
run_probes(struct run *run)
{
	const struct tnc_options *o = run->o;
	struct tnc_result *r = run->r;
	struct tnc_diag *d = run->d;
	size_t n = r->nresolved, ti = 0, pi = 0;
	bool do_tcp = o->port != 0;
	bool do_ping = !(do_tcp && o->information_level == TNC_INFO_QUIET);
	bool tcp_over = !do_tcp, ping_over = !do_ping, tcp_ok = false;
	bool deadline_noted = false;
	struct tcp_attempt *att = NULL, at;
	struct icmp_echo_result *echo = NULL;
	struct icmp_pinger *pinger = NULL;
	struct tcp_probe *tp = NULL;
	struct pollfd fds[2];
	unsigned nfds = 0;
	long left, wait, next;
	int rc = -1;

	att = calloc(n, sizeof(*att));
	echo = calloc(n, sizeof(*echo));
	if (att == NULL || echo == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		goto out;
	}
	if (do_tcp) {
		r->remote_port = (unsigned)o->port;
		tp = tcp_probe_new(d->error, sizeof(d->error));
		if (tp == NULL)
			goto out;
		tcp_probe_constrain(tp, &run->con);
	}
	if (do_ping) {
		struct icmp_opts io = { .con = &run->con };

		pinger = icmp_pinger_new(r->resolved, n, run->timeout_ms,
		    echo, &io);
		if (pinger == NULL) {
			snprintf(d->error, sizeof(d->error), "out of memory");
			goto out;
		}
		nfds = icmp_pinger_fds(pinger, fds);
	}
	if (do_tcp && tcp_probe_start(tp, &r->resolved[0], r->remote_port,
	    run->timeout_ms, d->error, sizeof(d->error)) != 0)
		goto out;

	for (;;) {
		/* TCP: one address after the other, a warning for each failure */
		while (!tcp_over && tcp_probe_result(tp, &at)) {
			att[ti] = at;
			if (at.outcome == TCP_CONNECTED) {
				tcp_ok = true;
				tcp_over = true;
				break;
			}
			if (run_warn(run, "TCP connect to (%s : %u) failed",
			    r->resolved[ti].text, r->remote_port))
				goto stopped;
			run_note_tcp(run, ti, &at);
			if (++ti == n) {
				tcp_over = true;
				break;
			}
			left = run->deadline_ms - run_elapsed_ms(run);
			if (left <= 0)
				break;	/* the deadline code below reports it */
			if (tcp_probe_start(tp, &r->resolved[ti], r->remote_port,
			    left < run->timeout_ms ? left : run->timeout_ms,
			    d->error, sizeof(d->error)) != 0)
				goto out;
		}
		if (tcp_ok)
			break;		/* the ping results are not reported */

		/* Ping, once TCP has failed (or was not asked for) */
		while (tcp_over && !ping_over && pi < n && echo[pi].done) {
			const struct icmp_echo_result *e = &echo[pi];

			r->ping_reply_present = e->reply_present;
			r->ping_status = e->status;
			r->ping_rtt_ms = 0;
			if (e->reply_present && e->status == TNC_PING_SUCCESS) {
				r->ping_succeeded = true;
				r->ping_rtt_ms = e->rtt_ms;
				r->remote_index = (int)pi;
				ping_over = true;
				break;
			}
			if (!e->reply_present) {
				if (run_warn(run, "Ping to %s failed",
				    r->resolved[pi].text))
					goto stopped;
				if (e->denied)	/* after the warning it explains */
					run_note_icmp(run);
				if (!e->denied && e->os_errno != 0)
					diag_note(d, "%s: the echo could not be "
					    "sent: %s", r->resolved[pi].text,
					    strerror(e->os_errno));
			} else if (run_warn(run, "Ping to %s failed with status: %s",
			    r->resolved[pi].text,
			    tnc_ping_status_name(e->status))) {
				goto stopped;
			} else if (e->status != TNC_PING_TIMED_OUT &&
			    e->from[0] != '\0') {
				/* who said so: the router, or the host itself */
				diag_note(d, "%s: %s, reported by %s",
				    r->resolved[pi].text,
				    tnc_ping_status_name(e->status), e->from);
			}
			if (++pi == n)
				ping_over = true;
		}
		if (tcp_over && ping_over)
			break;

		left = run->deadline_ms - run_elapsed_ms(run);
		if (left <= 0) {
			/* the run's deadline: what has not finished has failed */
			if (!deadline_noted) {
				deadline_noted = true;
				diag_note(d, "the run deadline of %.3g s (%d x "
				    "-TimeoutSeconds) was reached; addresses not "
				    "tried count as failed",
				    (double)run->deadline_ms / 1000.0,
				    RUN_DEADLINE_FACTOR);
			}
			if (pinger != NULL)
				icmp_pinger_process(pinger, true);
			if (!tcp_over) {
				if (tcp_probe_busy(tp))
					tcp_probe_cancel(tp, &att[ti]);
				else
					att[ti].outcome = TCP_NOT_TRIED;
				for (; ti < n; ti++) {
					if (run_warn(run,
					    "TCP connect to (%s : %u) failed",
					    r->resolved[ti].text, r->remote_port))
						goto stopped;
					if (ti + 1 < n)
						att[ti + 1].outcome = TCP_NOT_TRIED;
				}
				tcp_over = true;
			}
			continue;
		}

		wait = left < RUN_MAX_SLEEP_MS ? left : RUN_MAX_SLEEP_MS;
		if (pinger != NULL && !ping_over) {
			next = icmp_pinger_next_ms(pinger);
			if (next >= 0 && next < wait)
				wait = next;
		}
		if (tcp_probe_wait(tp, fds, nfds, (int)wait, d->error,
		    sizeof(d->error)) != 0)
			goto out;
		if (pinger != NULL)
			icmp_pinger_process(pinger, false);
	}

	r->tcp_test_succeeded = tcp_ok;
	if (tcp_ok)
		r->remote_index = (int)ti;
	icmp_pinger_free(pinger);
	pinger = NULL;
	run_interface(run, tcp_ok ? att[ti].local_ip : NULL);
stopped:
	rc = 0;
out:
	icmp_pinger_free(pinger);
	tcp_probe_free(tp);
	free(att);
	free(echo);
	return rc;
}

/*
 * -TraceRoute (spec 1.4 step 5), after the ping, to RemoteAddress: hops
 * of min(4 s, -TimeoutSeconds) each, within what is left of the run.
 * Returns 0, or -1 with d->error set.
 */
static int
run_trace(struct run *run)
{
	struct tnc_result *r = run->r;
	const struct tnc_address *dst = &r->resolved[r->remote_index];
	long hop_ms = run->timeout_ms < TRACE_HOP_TIMEOUT_MS ?
	    run->timeout_ms : TRACE_HOP_TIMEOUT_MS;
	char **v;
	int n;

	n = trace_route(dst, run->o->hops, hop_ms,
	    run->deadline_ms - run_elapsed_ms(run), &run->con, &v);
	if (n < 0) {
		snprintf(run->d->error, sizeof(run->d->error), "out of memory");
		return -1;
	}
	r->trace_route = v;
	r->ntrace = (size_t)n;
	if (n > 0 && trace_incomplete(v, (size_t)n, dst))
		run_warn(run, "Trace route to destination %s did not complete. "
		    "Trace terminated :: %s", dst->text, v[n - 1]);
	return 0;
}

int
tnc_run(const struct tnc_options *o, struct tnc_result *r,
    struct tnc_diag *d)
{
	struct run run;
	const char *name = o->computer_name != NULL ? o->computer_name : "";
	int n;

	memset(r, 0, sizeof(*r));
	r->remote_index = -1;
	memset(&run, 0, sizeof(run));
	run.o = o;
	run.r = r;
	run.d = d;
	clock_gettime(CLOCK_MONOTONIC, &run.t0);
	run.timeout_ms = run_clamp_timeout(o->timeout_seconds);
	run.deadline_ms = RUN_DEADLINE_FACTOR * run.timeout_ms;

	r->computer_name = strdup(name);
	if (r->computer_name == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		return -1;
	}
	r->detailed = o->information_level == TNC_INFO_DETAILED;
	r->trace_route = NULL;
	if (constraint_from_options(o, &run.con, d->error,
	    sizeof(d->error)) != 0)
		return TNC_RUN_BAD_OPTION;

	n = resolve_name(name, (double)run.timeout_ms / 1000.0, &r->resolved);
	if (n < 0) {
		r->resolved = NULL;
		run_warn(&run, "Name resolution of %s failed", name);
		return 0;
	}
	r->nresolved = (size_t)n;
	r->name_resolution_succeeded = true;
	r->remote_index = 0;
	if (run_probes(&run) != 0)
		return -1;
	/* TraceRoute is in the ICMP set; Quiet has returned at the ping */
	if (o->trace_route && o->port == 0 && !d->stopped &&
	    o->information_level != TNC_INFO_QUIET)
		return run_trace(&run);
	return 0;
}
