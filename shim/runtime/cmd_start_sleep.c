/*
 * cmd_start_sleep.c: Start-Sleep (sleep): -Seconds (Int32, 5.1 has no
 * fractions: 1.5 binds as 2) or -Milliseconds, from its arguments or from
 * each input (a number, or an object's Seconds / Milliseconds property).
 *
 * While it waits the run's engine keeps working: tests started upstream
 * go on (their sockets, timeouts and results), so the sleep is spent in
 * runtime_pump() until the deadline; only when no test is in flight is
 * there nothing to pump, and the wait is a plain nanosleep().
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "parsers/number_literal.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"

#define SECONDS_MAX	2147483LL	/* ValidateRange(0, int.MaxValue / 1000) */

struct start_sleep_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	bool	has_arg;		/* -Seconds or -Milliseconds given */
	long long arg_ms;
};

/* Waits ms milliseconds, the engine working meanwhile.  0, or -1 (said). */
static int
sleep_ms(struct runtime *rt, long long ms)
{
	long long deadline, left;

	if (rt->max_sleep_ms > 0 && ms > rt->max_sleep_ms)
		ms = rt->max_sleep_ms;		/* fuzzing */
	deadline = clock_mono_ms() + ms;
	struct timespec ts;

	while ((left = deadline - clock_mono_ms()) > 0) {
		if (rt->engine != NULL && engine_pending(rt->engine) > 0) {
			if (runtime_pump(rt, (long)left) != 0)
				return -1;
			continue;
		}
		ts.tv_sec = (time_t)(left / 1000);	/* nothing is running */
		ts.tv_nsec = (long)(left % 1000) * 1000000;
		if (nanosleep(&ts, NULL) != 0 && errno != EINTR)
			return -1;
	}
	return 0;
}

/* An Int32 from a number, a bool or a numeric string (Double rounds half to even). */
static bool
int_value(const struct psobj_value *v, long long *out)
{
	struct ps_number n;

	switch (v->kind) {
	case PSOBJ_BOOL:		/* [int]$true is 1 */
		*out = v->b;
		return true;
	case PSOBJ_INT:
		*out = v->i;
		return true;
	case PSOBJ_DOUBLE:
		*out = (long long)rint(v->d);
		return isfinite(v->d);
	case PSOBJ_STRING:
		if (ps_number_parse(v->s, &n) != 0)
			return false;
		*out = n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64 ?
		    n.ival : (long long)rint(n.dval);
		return true;
	default:
		return false;
	}
}

/*
 * The milliseconds an input binds: itself as Seconds (ByValue), else its
 * Seconds or Milliseconds property (ByPropertyName).  -1 when it binds
 * nothing in range.
 */
static long long
input_ms(const struct psobj_value *v)
{
	const struct psobj_prop *pr;
	long long n;

	if (v->kind == PSOBJ_OBJECT && v->obj != NULL) {
		if ((pr = psobj_find(v->obj, "Seconds")) != NULL &&
		    int_value(&pr->value, &n) && n >= 0 && n <= SECONDS_MAX)
			return n * 1000;
		if ((pr = psobj_find(v->obj, "Milliseconds")) != NULL &&
		    int_value(&pr->value, &n) && n >= 0 && n <= INT32_MAX)
			return n;
		return -1;
	}
	return int_value(v, &n) && n >= 0 && n <= SECONDS_MAX ? n * 1000 : -1;
}

static enum proc_rc
start_sleep_process(struct proc *p, struct psobj_value *v)
{
	struct start_sleep_proc *sp = (struct start_sleep_proc *)p;
	long long ms;
	char *target;

	if (v == NULL) {		/* a first command: its argument */
		if (sp->has_arg && sleep_ms(sp->rt, sp->arg_ms) != 0)
			return proc_fail(p, NULL);
		return PROC_OK;
	}
	ms = sp->has_arg ? -1 : input_ms(v);
	if (ms < 0) {
		target = pipeline_error_target(v);
		cmd_input_not_bound(&sp->rt->host, sp->st->meta, sp->st->pc,
		    target, v->kind == PSOBJ_STRING);
		free(target);
	}
	psobj_value_free(v);
	if (ms >= 0 && sleep_ms(sp->rt, ms) != 0)
		return proc_fail(p, NULL);
	return PROC_OK;
}

static enum proc_rc
start_sleep_end(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

static void
start_sleep_free(struct proc *p)
{
	free(p);
}

static const struct proc_ops start_sleep_ops = {
	.process = start_sleep_process,
	.end = start_sleep_end,
	.free = start_sleep_free,
};

static struct proc *
start_sleep_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct start_sleep_proc *sp = calloc(1, sizeof(*sp));
	const struct ps_bound *v;

	(void)err;
	(void)errlen;
	if (sp == NULL)
		return NULL;
	sp->base.ops = &start_sleep_ops;
	sp->rt = rt;
	sp->st = st;
	if ((v = ps_binding_get(&st->b, "Seconds"))->present) {
		sp->has_arg = true;
		sp->arg_ms = v->i * 1000;
	} else if ((v = ps_binding_get(&st->b, "Milliseconds"))->present) {
		sp->has_arg = true;
		sp->arg_ms = v->i;
	}
	return &sp->base;
}

static const char *const start_sleep_runs[] = { "Seconds", "Milliseconds",
	NULL };

const struct command_def start_sleep_def = {
	.cmd = PIPE_CMD_START_SLEEP,
	.runs = start_sleep_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.make = start_sleep_make,
};
