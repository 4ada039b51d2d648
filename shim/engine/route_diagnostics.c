/* route_diagnostics.c: Test-NetConnection -DiagnoseRouting, a test kind of the engine. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/budget.h"
#include "engine/constraint.h"
#include "engine/engine_impl.h"
#include "engine/resolve.h"
#include "engine/route_diagnostics.h"
#include "engine/route_lookup.h"

#define RD_DEADLINE_FACTOR	10	/* as the test's: 10 x -TimeoutSeconds */

struct rdrun {
	struct engine_test *t;
	struct engine *e;
	const struct tnc_options *o;
	struct route_diag *rd;
	struct tnc_diag *d;
	long	timeout_ms;
	struct resolve_req rq;
	struct tnc_address dst;		/* ResolvedAddresses[0] */
	struct loop_timer deadline;
};

/* What the kernel said, gathered before anything is reported (so it can be retried). */
struct rd_answer {
	bool	con_ok;
	char	con_err[256];
	struct tnc_constraint con;
	bool	route_ok;
	int	route_errno;
	struct route_info ri, fib;
	char	source[TNC_ADDR_TEXT_LEN];	/* the UDP socket's, when needed */
};

static const char *
rd_name(const struct rdrun *x)
{
	return x->o->computer_name != NULL ? x->o->computer_name : "";
}

/* A warning; true when -WarningAction Stop makes it end the run. */
static bool
rd_warn(struct rdrun *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static bool
rd_warn(struct rdrun *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_warn(x->d, "%s", msg);
	if (x->o->warning_action == TNC_ACTION_STOP) {
		x->d->stopped = true;
		return true;
	}
	return false;
}

/*
 * The constraint, then two questions: the route as a packet would take it
 * (interface, source), then the table entry it matched (prefix).  A
 * lookup the FIB cannot match (e.g. forced out of lo) is no route either.
 * Returns 0, or -1 with errno set when the machine ran short.
 */
static int
rd_lookup(struct rdrun *x, struct rd_answer *a)
{
	struct route_query q;

	memset(a, 0, sizeof(*a));
	a->con_ok = constraint_from_options(x->o, &a->con, a->con_err,
	    sizeof(a->con_err)) == 0;
	if (!a->con_ok)
		return budget_short(errno) ? -1 : 0;
	memset(&q, 0, sizeof(q));
	q.dst = &x->dst;
	q.src = a->con.has_source ? &a->con.source : NULL;
	q.oif = a->con.ifindex;
	a->route_ok = route_query(&x->e->nl, &q, &a->ri) == 0 &&
	    (q.fib_match = true, route_query(&x->e->nl, &q, &a->fib) == 0);
	if (!a->route_ok) {
		a->route_errno = errno;
		return budget_short(errno) ? -1 : 0;
	}
	if (!a->con.has_source && a->ri.prefsrc[0] == '\0' &&
	    route_source_address_bound(&x->dst, &a->con, a->source,
	    sizeof(a->source)) != 0 && budget_short(errno))
		return -1;
	return 0;
}

/* Fills the object from the answer, with the module's warnings in its order. */
static void
rd_report(struct rdrun *x, const struct rd_answer *a)
{
	struct route_diag *rd = x->rd;

	if (rd->detailed && !x->e->is_admin) {
		rd->detailed = false;
		if (rd_warn(x, "'-InformationLevel Detailed' requires "
		    "elevation (Run as administrator)."))
			return;
	}
	/*
	 * Find-NetRoute -LocalIPAddress <text> fails to convert a text that
	 * is not an address: the module's catch turns it into this warning.
	 */
	if (!a->con_ok) {
		rd_warn(x, "Error occured while finding route information. "
		    "Exception: %s", a->con_err);
		return;
	}
	if (a->route_ok) {
		rd->has_route = true;
		snprintf(rd->prefix, sizeof(rd->prefix), "%s", a->fib.prefix);
		/* the FIB entry's gateway: "0.0.0.0" / "::" on-link */
		snprintf(rd->next_hop, sizeof(rd->next_hop), "%s",
		    a->fib.gateway);
		rd->out_ifindex = a->ri.oif;
		snprintf(rd->out_ifalias, sizeof(rd->out_ifalias), "%s",
		    a->ri.ifname);
		snprintf(rd->selected_source, sizeof(rd->selected_source), "%s",
		    a->con.has_source ? a->con.source.text :
		    a->ri.prefsrc[0] != '\0' ? a->ri.prefsrc : a->source);
	} else {
		/*
		 * Find-NetRoute runs with -ErrorAction SilentlyContinue: no
		 * route leaves the fields empty and is no failure to the
		 * module.  Say why on stderr.
		 */
		diag_note(x->d, "%s: no route%s%s%s: %s", x->dst.text,
		    a->con.has_source ? " from " : "",
		    a->con.has_source ? a->con.source.text : "",
		    a->con.ifindex != 0 ? " through the constrained interface" :
		    "", strerror(a->route_errno));
	}
	rd->succeeded = true;
}

static void
rd_route(struct engine_test *t)
{
	struct rdrun *x = t->ks;
	struct rd_answer a;

	if (rd_lookup(x, &a) != 0) {
		engine_test_park(t, errno, "cannot open a socket", rd_route);
		return;
	}
	rd_report(x, &a);
	engine_test_finish(t);
}

static void
rd_resolved(struct rdrun *x, const struct tnc_address *dst)
{
	struct route_diag *rd = x->rd;
	const struct tnc_options *o = x->o;

	x->dst = *dst;
	rd->resolved = true;
	snprintf(rd->remote_address, sizeof(rd->remote_address), "%s",
	    dst->text);
	rd->constrain_source = strdup(o->constrain_source_address != NULL ?
	    o->constrain_source_address : "");
	if (rd->constrain_source == NULL) {
		engine_test_fail(x->t, "out of memory");
		return;
	}
	rd->constrain_ifindex = o->constrain_interface;
	rd->detailed = o->information_level == TNC_INFO_DETAILED;
	rd_route(x->t);
}

/* The module returns $null: no object at all. */
static void
rd_name_failed(struct rdrun *x)
{
	rd_warn(x, "Name resolution of %s failed", rd_name(x));
	engine_test_finish(x->t);
}

static void rd_resolve(struct engine_test *t);

static void
rd_lookup_trouble(struct rdrun *x, const struct resolve_req *rq)
{
	if (rq->status == RESOLVE_SHORT)
		engine_test_park(x->t, rq->sys_errno, "cannot resolve a name",
		    rd_resolve);
	else
		engine_test_fail(x->t, "name resolution of %s: %s", rd_name(x),
		    rq->why);
}

static void
rd_on_resolved(void *arg, struct resolve_req *rq)
{
	struct rdrun *x = arg;

	if (rq->status == RESOLVE_OK)
		rd_resolved(x, &rq->addrs[0]);
	else if (rq->status == RESOLVE_FAILED || rq->status == RESOLVE_TIMED_OUT)
		rd_name_failed(x);
	else
		rd_lookup_trouble(x, rq);
}

static void
rd_resolve(struct engine_test *t)
{
	struct rdrun *x = t->ks;
	const char *name = rd_name(x);
	struct tnc_address lit;

	if (resolve_literal(name, &lit) == 0)
		rd_resolved(x, &lit);
	else if (*name == '\0')
		rd_name_failed(x);
	else if (resolver_forward(x->e->resolver, &x->rq, name, x->timeout_ms,
	    rd_on_resolved, x) != 0)
		rd_lookup_trouble(x, &x->rq);
}

static void
rd_on_deadline(void *arg)
{
	struct rdrun *x = arg;

	if (x->t->parked)
		engine_test_fail_parked(x->t);
}

static void
rd_start(struct engine_test *t)
{
	struct rdrun *x = calloc(1, sizeof(*x));

	if (x == NULL) {
		engine_test_fail(t, "out of memory");
		return;
	}
	t->ks = x;
	x->t = t;
	x->e = t->e;
	x->o = &t->o;
	x->rd = &t->res->rd;
	x->d = &t->res->d;
	x->timeout_ms = engine_timeout_ms(t->o.timeout_seconds);
	loop_timer_init(&x->deadline, rd_on_deadline, x);
	x->rd->computer_name = strdup(rd_name(x));
	if (x->rd->computer_name == NULL || loop_timer_start(t->e->loop,
	    &x->deadline, RD_DEADLINE_FACTOR * x->timeout_ms) != 0) {
		engine_test_fail(t, "out of memory");
		return;
	}
	rd_resolve(t);
}

static void
rd_stop(struct engine_test *t)
{
	struct rdrun *x = t->ks;

	loop_timer_stop(t->e->loop, &x->deadline);
	resolver_cancel(&x->rq);
}

static void
rd_destroy(struct engine_test *t)
{
	struct rdrun *x = t->ks;

	resolve_req_clear(&x->rq);
	free(x);
	t->ks = NULL;
}

const struct test_kind route_diag_kind = {
	.start = rd_start,
	.stop = rd_stop,
	.destroy = rd_destroy,
};

int
route_diagnose(const struct tnc_options *o, struct route_diag *rd,
    struct tnc_diag *d)
{
	struct tnc_options one = *o;
	struct engine_result *res;
	int rc;

	memset(rd, 0, sizeof(*rd));
	one.diagnose_routing = true;
	if (engine_run_one(&one, &res, d->error, sizeof(d->error)) != 0)
		return -1;
	*rd = res->rd;
	*d = res->d;
	rc = res->rc == 0 ? 0 : -1;
	tnc_result_free(&res->r);
	free(res);
	return rc;
}

void
route_diag_free(struct route_diag *rd)
{
	free(rd->computer_name);
	free(rd->constrain_source);
	rd->computer_name = NULL;
	rd->constrain_source = NULL;
}
