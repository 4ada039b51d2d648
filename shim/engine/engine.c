/*
 * engine.c: STAND-IN for the one-event-loop engine (engine.h), so that the
 * streaming runtime can be built and tested against the contract before
 * the real engine lands: each test runs to completion, blocking, inside
 * engine_step(), one after the other.  The fake completes tests by their
 * delays, so ordering code is exercised as the real engine would.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "engine/engine.h"
#include "engine/netconnection.h"

struct engine_test {
	struct tnc_options o;
	engine_done_fn done;
	void	*arg;
	struct engine_result *res;	/* fake: computed at submission */
	long long due;			/* fake: when it is reported */
	struct engine_test *next;
};

struct engine {
	struct engine_config cfg;
	struct engine_test *head, *tail;	/* submission order */
	size_t	pending;
};

void
engine_result_free(struct engine_result *res)
{
	if (res == NULL)
		return;
	tnc_result_free(&res->r);
	if (res->is_route_diag)
		route_diag_free(&res->rd);
	diag_free(&res->d);
}

struct engine *
engine_new(const struct engine_config *cfg, char *err, size_t errlen)
{
	struct engine *e = calloc(1, sizeof(*e));

	if (e == NULL) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return NULL;
	}
	if (cfg != NULL)
		e->cfg = *cfg;
	if (e->cfg.max_in_flight == 0)
		e->cfg.max_in_flight = ENGINE_DEFAULT_CEILING;
	return e;
}

struct engine_test *
engine_submit(struct engine *e, const struct tnc_options *o,
    engine_done_fn done, void *arg)
{
	struct engine_test *t = calloc(1, sizeof(*t));
	long delay = 0;

	if (t == NULL)
		return NULL;
	if (tnc_options_copy(&t->o, o, NULL) != 0) {
		free(t);
		return NULL;
	}
	t->done = done;
	t->arg = arg;
	if (e->cfg.fake != NULL) {
		t->res = calloc(1, sizeof(*t->res));
		if (t->res != NULL && e->cfg.fake(e->cfg.fake_ctx, o, t->res,
		    &delay) != 0)
			t->res->rc = TNC_RUN_FAILURE;
		t->due = clock_mono_ms() + (delay > 0 ? delay : 0);
	}
	if (e->tail != NULL)
		e->tail->next = t;
	else
		e->head = t;
	e->tail = t;
	e->pending++;
	return t;
}

static void
unlink_test(struct engine *e, struct engine_test *t)
{
	struct engine_test **pp, *prev = NULL;

	for (pp = &e->head; *pp != NULL; prev = *pp, pp = &(*pp)->next) {
		if (*pp != t)
			continue;
		*pp = t->next;
		if (e->tail == t)
			e->tail = prev;
		e->pending--;
		return;
	}
}

static void
test_free(struct engine_test *t)
{
	if (t->res != NULL) {
		engine_result_free(t->res);
		free(t->res);
	}
	tnc_options_free(&t->o);
	free(t);
}

void
engine_cancel(struct engine *e, struct engine_test *t)
{
	unlink_test(e, t);
	test_free(t);
}

/* Runs t for real, blocking. */
static struct engine_result *
run_now(struct engine_test *t)
{
	struct engine_result *res = calloc(1, sizeof(*res));

	if (res == NULL)
		return NULL;
	if (t->o.diagnose_routing) {
		res->is_route_diag = true;
		res->rc = route_diagnose(&t->o, &res->rd, &res->d) < 0 ?
		    TNC_RUN_FAILURE : 0;
	} else {
		res->rc = tnc_run(&t->o, &res->r, &res->d);
	}
	return res;
}

/* The fake test due first (submission order among equals), or NULL. */
static struct engine_test *
next_due(struct engine *e)
{
	struct engine_test *t, *best = NULL;

	for (t = e->head; t != NULL; t = t->next)
		if (best == NULL || t->due < best->due)
			best = t;
	return best;
}

int
engine_step(struct engine *e, long timeout_ms, char *err, size_t errlen)
{
	struct engine_test *t;
	struct engine_result *res;
	long long now;
	int n = 0;

	if (e->head == NULL)
		return 0;
	if (e->cfg.fake == NULL) {
		t = e->head;
		unlink_test(e, t);
		res = run_now(t);
		if (res == NULL) {
			test_free(t);
			snprintf(err, errlen, "%s", strerror(ENOMEM));
			return -1;
		}
		t->done(t->arg, res);
		test_free(t);
		return 1;
	}
	t = next_due(e);
	now = clock_mono_ms();
	if (t->due > now) {
		long long wait = t->due - now;
		struct timespec ts;

		if (timeout_ms >= 0 && wait > timeout_ms)
			wait = timeout_ms;
		ts.tv_sec = wait / 1000;
		ts.tv_nsec = (wait % 1000) * 1000000;
		nanosleep(&ts, NULL);
		now = clock_mono_ms();
	}
	while ((t = next_due(e)) != NULL && t->due <= now) {
		unlink_test(e, t);
		res = t->res;
		t->res = NULL;
		if (res == NULL) {
			test_free(t);
			snprintf(err, errlen, "%s", strerror(ENOMEM));
			return -1;
		}
		t->done(t->arg, res);
		test_free(t);
		n++;
	}
	return n;
}

size_t
engine_pending(const struct engine *e)
{
	return e->pending;
}

unsigned
engine_max_in_flight(const struct engine *e)
{
	return e->cfg.max_in_flight;
}

void
engine_free(struct engine *e)
{
	struct engine_test *t, *next;

	if (e == NULL)
		return;
	for (t = e->head; t != NULL; t = next) {
		next = t->next;
		test_free(t);
	}
	free(e);
}
