/* engine.c: one event loop for every test of a run; slots, parking, delivery. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/budget.h"
#include "engine/engine_impl.h"
#include "engine/host.h"
#include "engine/netconnection.h"

#define ENGINE_TIMEOUT_MAX_MS	(24L * 3600 * 1000)
#define ENGINE_RECLAIMS_MAX	4	/* idle sockets given back while no test gets on */

/* ---- lists ---- */

static void
list_push(struct test_list *l, struct engine_test *t)
{
	t->next = NULL;
	t->prev = l->tail;
	if (l->tail != NULL)
		l->tail->next = t;
	else
		l->head = t;
	l->tail = t;
	l->n++;
}

static void
list_remove(struct test_list *l, struct engine_test *t)
{
	if (t->prev != NULL)
		t->prev->next = t->next;
	else
		l->head = t->next;
	if (t->next != NULL)
		t->next->prev = t->prev;
	else
		l->tail = t->prev;
	t->prev = t->next = NULL;
	l->n--;
}

static void
park_push(struct test_list *l, struct engine_test *t)
{
	t->pnext = NULL;
	t->pprev = l->tail;
	if (l->tail != NULL)
		l->tail->pnext = t;
	else
		l->head = t;
	l->tail = t;
	l->n++;
	t->parked = true;
}

static void
park_remove(struct test_list *l, struct engine_test *t)
{
	if (!t->parked)
		return;
	if (t->pprev != NULL)
		t->pprev->pnext = t->pnext;
	else
		l->head = t->pnext;
	if (t->pnext != NULL)
		t->pnext->pprev = t->pprev;
	else
		l->tail = t->pprev;
	t->pprev = t->pnext = NULL;
	t->parked = false;
	l->n--;
}

/* ---- results ---- */

void
engine_result_free(struct engine_result *res)
{
	if (res == NULL)
		return;
	tnc_result_free(&res->r);
	route_diag_free(&res->rd);
	diag_free(&res->d);
}

static void
engine_result_init(struct engine_result *res)
{
	memset(res, 0, sizeof(*res));
	res->r.remote_index = -1;
}

/* ---- a test's life ---- */

/* Frees what the test owns (not its result once delivered). */
static void
test_destroy(struct engine_test *t)
{
	struct engine *e = t->e;

	loop_timer_stop(e->loop, &t->fake_timer);
	if (t->kind != NULL && t->ks != NULL) {
		t->kind->stop(t);
		t->kind->destroy(t);
	}
	if (t->res != NULL) {
		engine_result_free(t->res);
		free(t->res);
	}
	tnc_options_free(&t->o);
	free(t);
}

static void
fake_fire(void *arg)
{
	engine_test_finish(arg);
}

/* Starts t in a free slot. */
static void
test_start(struct engine_test *t)
{
	struct engine *e = t->e;
	long delay = 0;

	t->state = TEST_RUNNING;
	list_push(&e->running, t);
	t->res = malloc(sizeof(*t->res));
	if (t->res == NULL) {
		/* no result to report into: the test still ends, as a failure */
		t->res = NULL;
		engine_test_finish(t);
		return;
	}
	engine_result_init(t->res);
	if (e->fake != NULL) {
		loop_timer_init(&t->fake_timer, fake_fire, t);
		if (e->fake(e->fake_ctx, &t->o, t->res, &delay) != 0) {
			engine_test_fail(t, "out of memory");
			return;
		}
		if (loop_timer_start(e->loop, &t->fake_timer, delay) != 0)
			engine_test_fail(t, "out of memory");
		return;
	}
	t->kind = t->o.diagnose_routing ? &route_diag_kind :
	    &netconnection_kind;
	t->res->is_route_diag = t->o.diagnose_routing;
	t->kind->start(t);
}

/* Starts queued tests while slots are free. */
static void
engine_admit(struct engine *e)
{
	while (e->queued.head != NULL && e->running.n < e->max_in_flight) {
		struct engine_test *t = e->queued.head;

		list_remove(&e->queued, t);
		test_start(t);
	}
}

static void
admit_fire(void *arg)
{
	engine_admit(arg);
}

/*
 * Whether something in flight could free a descriptor: an open TCP socket,
 * or another running test that is not itself parked (it ends by its
 * deadline at the latest, freeing what it and the resolver hold for it).
 */
static bool
engine_may_free(const struct engine *e, const struct engine_test *self)
{
	size_t others = e->running.n - e->parked.n;

	if (self != NULL && self->state == TEST_RUNNING && !self->parked)
		others--;
	return (e->tcp != NULL && tcp_pool_sockets(e->tcp) > 0) || others > 0;
}

/* Retries the parked tests once each; arms itself again while some must. */
static void
wake_fire(void *arg)
{
	struct engine *e = arg;
	size_t n = e->parked.n;

	/* in order, once each: a retry that fails again parks at the end */
	for (size_t i = 0; i < n && e->parked.head != NULL; i++) {
		struct engine_test *t = e->parked.head;

		park_remove(&e->parked, t);
		t->retry(t);
		if (!t->parked)
			e->fruitless = 0;	/* it got what it waited for */
	}
	/* nothing left to free one: each must now go on or fail for good */
	if (e->parked.n > 0 && !engine_may_free(e, NULL))
		loop_timer_start(e->loop, &e->wake, 0);
}

/* A descriptor (or a slot) was freed: the parked may go on. */
static void
engine_released(void *ctx)
{
	struct engine *e = ctx;

	if (e->parked.n > 0)
		loop_timer_start(e->loop, &e->wake, 0);
}

void
engine_test_finish(struct engine_test *t)
{
	struct engine *e = t->e;

	if (t->finished)
		return;
	t->finished = true;
	if (t->kind != NULL && t->ks != NULL)
		t->kind->stop(t);
	loop_timer_stop(e->loop, &t->fake_timer);
	park_remove(&e->parked, t);
	if (t->state == TEST_RUNNING)
		list_remove(&e->running, t);
	t->state = TEST_DONE;
	list_push(&e->done, t);
	e->fruitless = 0;
	loop_timer_start(e->loop, &e->admit, 0);
	engine_released(e);
}

void
engine_test_fail(struct engine_test *t, const char *fmt, ...)
{
	va_list ap;

	if (t->res != NULL) {
		t->res->rc = TNC_RUN_FAILURE;
		va_start(ap, fmt);
		vsnprintf(t->res->d.error, sizeof(t->res->d.error), fmt, ap);
		va_end(ap);
	}
	engine_test_finish(t);
}

void
engine_test_fail_parked(struct engine_test *t)
{
	char why[sizeof(t->res->d.error)];

	budget_explain(why, sizeof(why), t->short_what, t->short_errno);
	engine_test_fail(t, "%s", why);
}

/* Closes the engine's idle sockets.  Returns how many. */
static unsigned
engine_reclaim(struct engine *e)
{
	unsigned n = 0;

	if (e->nl.fd >= 0) {
		route_nl_close(&e->nl);	/* opened again by the next lookup */
		n++;
	}
	if (e->icmp != NULL)
		n += icmp_hub_reclaim(e->icmp);
	return n;
}

void
engine_test_park(struct engine_test *t, int e_no, const char *what,
    void (*retry)(struct engine_test *t))
{
	struct engine *e = t->e;

	t->short_errno = e_no;
	t->short_what = what;
	t->retry = retry;
	if (t->parked)
		return;			/* already waiting: now for this too */
	if (!engine_may_free(e, t)) {
		/*
		 * Nothing in flight will free one: the engine's own idle
		 * sockets (netlink, ICMP with no echo) are given back, and
		 * the parked try again at once; a few times at most while no
		 * test gets anywhere (one that needs two descriptors at once
		 * could take them back and forth).
		 */
		if (e->fruitless >= ENGINE_RECLAIMS_MAX || engine_reclaim(e) == 0) {
			engine_test_fail_parked(t);
			return;
		}
		e->fruitless++;
		loop_timer_start(e->loop, &e->wake, 0);
	}
	park_push(&e->parked, t);
}

void
engine_test_unpark(struct engine_test *t)
{
	park_remove(&t->e->parked, t);
}

/* ---- the interface (engine.h) ---- */

struct engine *
engine_new(const struct engine_config *cfg, char *err, size_t errlen)
{
	struct engine_config none = { 0 };
	struct engine *e;

	if (cfg == NULL)
		cfg = &none;
	e = calloc(1, sizeof(*e));
	if (e == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	route_nl_init(&e->nl);
	e->fake = cfg->fake;
	e->fake_ctx = cfg->fake_ctx;
	e->max_in_flight = budget_in_flight(budget_raise_nofile(),
	    ENGINE_DEFAULT_CEILING, cfg->max_in_flight);
	e->loop = loop_new();
	if (e->loop == NULL) {
		budget_explain(err, errlen, "cannot create the event loop",
		    errno);
		free(e);
		return NULL;
	}
	loop_timer_init(&e->admit, admit_fire, e);
	loop_timer_init(&e->wake, wake_fire, e);
	if (e->fake != NULL)
		return e;
	e->is_admin = tnc_is_admin();
	e->tcp = tcp_pool_new(e->loop, engine_released, e, err, errlen);
	e->icmp = icmp_hub_new(e->loop);
	e->resolver = resolver_new(e->loop);
	if (e->tcp == NULL || e->icmp == NULL || e->resolver == NULL) {
		if (e->tcp != NULL)
			snprintf(err, errlen, "out of memory");
		engine_free(e);
		return NULL;
	}
	return e;
}

struct engine_test *
engine_submit(struct engine *e, const struct tnc_options *o,
    engine_done_fn done, void *arg)
{
	struct engine_test *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	if (tnc_options_copy(&t->o, o, NULL) != 0) {
		free(t);
		return NULL;
	}
	t->e = e;
	t->done = done;
	t->done_arg = arg;
	t->state = TEST_QUEUED;
	list_push(&e->queued, t);
	engine_admit(e);
	return t;
}

void
engine_cancel(struct engine *e, struct engine_test *t)
{
	if (t == NULL)
		return;
	switch (t->state) {
	case TEST_QUEUED:
		list_remove(&e->queued, t);
		break;
	case TEST_RUNNING:
		park_remove(&e->parked, t);
		list_remove(&e->running, t);
		loop_timer_start(e->loop, &e->admit, 0);
		engine_released(e);
		break;
	case TEST_DONE:
		list_remove(&e->done, t);
		break;
	}
	test_destroy(t);
}

/* Hands the finished tests to their owners, in the order they finished. */
static int
engine_deliver(struct engine *e)
{
	int n = 0;

	while (e->done.head != NULL) {
		struct engine_test *t = e->done.head;
		struct engine_result *res = t->res;
		engine_done_fn done = t->done;
		void *arg = t->done_arg;

		list_remove(&e->done, t);
		t->res = NULL;
		test_destroy(t);
		if (res == NULL) {
			/* the result itself could not be allocated */
			res = calloc(1, sizeof(*res));
			if (res == NULL)
				continue;	/* nothing can be said: dropped */
			res->rc = TNC_RUN_FAILURE;
			snprintf(res->d.error, sizeof(res->d.error),
			    "out of memory");
		}
		done(arg, res);
		n++;
	}
	return n;
}

int
engine_step(struct engine *e, long timeout_ms, char *err, size_t errlen)
{
	if (e->done.head == NULL) {
		if (engine_pending(e) == 0)
			return 0;
		if (loop_run_once(e->loop, timeout_ms, err, errlen) != 0)
			return -1;
	}
	return engine_deliver(e);
}

size_t
engine_pending(const struct engine *e)
{
	/* a test that ended inside engine_submit() is pending until delivered */
	return e->queued.n + e->running.n + e->done.n;
}

unsigned
engine_max_in_flight(const struct engine *e)
{
	return e->max_in_flight;
}

void
engine_free(struct engine *e)
{
	struct test_list *lists[3];

	if (e == NULL)
		return;
	lists[0] = &e->queued;
	lists[1] = &e->running;
	lists[2] = &e->done;
	for (int i = 0; i < 3; i++)
		while (lists[i]->head != NULL)
			engine_cancel(e, lists[i]->head);
	resolver_free(e->resolver);
	icmp_hub_free(e->icmp);
	tcp_pool_free(e->tcp);
	route_nl_close(&e->nl);
	if (e->loop != NULL) {
		loop_timer_stop(e->loop, &e->admit);
		loop_timer_stop(e->loop, &e->wake);
	}
	loop_free(e->loop);
	free(e);
}

long
engine_timeout_ms(double seconds)
{
	double ms = seconds * 1000.0;

	if (!(ms >= 1.0))		/* also NaN */
		return 1;
	if (ms > ENGINE_TIMEOUT_MAX_MS)
		return ENGINE_TIMEOUT_MAX_MS;
	return (long)ms;
}

static void
run_one_done(void *arg, struct engine_result *res)
{
	*(struct engine_result **)arg = res;
}

int
engine_run_one(const struct tnc_options *o, struct engine_result **out,
    char *err, size_t errlen)
{
	struct engine *e;
	int rc = 0;

	*out = NULL;
	e = engine_new(NULL, err, errlen);
	if (e == NULL)
		return -1;
	if (engine_submit(e, o, run_one_done, out) == NULL) {
		snprintf(err, errlen, "out of memory");
		rc = -1;
	}
	while (rc == 0 && *out == NULL) {
		if (engine_step(e, -1, err, errlen) < 0) {
			rc = -1;
		} else if (*out == NULL && engine_pending(e) == 0) {
			snprintf(err, errlen, "out of memory");	/* its result was lost */
			rc = -1;
		}
	}
	engine_free(e);
	if (rc != 0 && *out != NULL) {
		engine_result_free(*out);
		free(*out);
		*out = NULL;
	}
	return rc;
}
