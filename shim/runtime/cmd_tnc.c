/*
 * cmd_tnc.c: Test-NetConnection as a pipeline processor.
 *
 * Each input starts a test on the run's engine at once; the tests run
 * concurrently (up to the engine's in-flight limit) and finish in any
 * order, but their results are delivered strictly in input order through
 * a ring of slots, the reorder window.  Delivering result k means: its
 * warnings and notes to stderr, then its object down the pipeline, so that
 * whatever the formatters print for it follows its own warnings (spec
 * 2.2(g)).  When the window is full, the next input waits for the oldest
 * test: memory is bounded by the window, not by the input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "engine/netconnection.h"
#include "objects/result_object.h"
#include "objects/route_diag_object.h"
#include "parsers/tnc_command.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/processors.h"
#include "runtime/context.h"
#include "runtime/error_target.h"
#include "runtime/report.h"

/* The window is this many times the engine's in-flight limit. */
#define WINDOW_PER_SLOT_IN_FLIGHT	4
#define WINDOW_MIN			64

struct slot {
	struct engine_test *test;	/* in flight; NULL once done */
	struct engine_result *res;	/* when done */
	bool	done;
	bool	bind_failed;		/* the input could not be bound */
	char	*target;		/* bind_failed: the input's text */
	bool	target_is_string;
};

struct tnc_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	struct engine *engine;
	struct slot *ring;
	size_t	cap, head, count;
};

static void
slot_clear(struct slot *s)
{
	if (s->res != NULL) {
		engine_result_free(s->res);
		free(s->res);
	}
	free(s->target);
	memset(s, 0, sizeof(*s));
}

/* engine_done_fn: only marks the slot; delivery happens in input order. */
static void
slot_done(void *arg, struct engine_result *res)
{
	struct slot *s = arg;

	s->test = NULL;
	s->res = res;
	s->done = true;
}

/* 5.1's InputObjectNotBound: pipeline input and -ComputerName both. */
static void
deliver_not_bound(struct tnc_proc *tp, struct slot *s)
{
	cmd_input_not_bound(&tp->rt->host, &tnc_command_meta, tp->st->pc,
	    s->target, s->target_is_string);
}

/*
 * -WarningAction Stop: the warning now, as 5.1 writes it before it throws;
 * the error record ends the script, once its output is closed.
 */
static enum proc_rc
deliver_stopped(struct tnc_proc *tp, const struct engine_result *res)
{
	struct text_out t;
	size_t len;
	char *text;

	report_diag(&res->d, &tp->st->o, host_err(&tp->rt->host));
	host_err_done(&tp->rt->host);
	text_out_init_buffer(&t, tp->rt->host.nl);
	report_stop_error(&res->d, tp->rt->host.script, &t);
	text = text_out_take(&t, &len);
	text_out_free(&t);
	host_worst(&tp->rt->host, TNC_EXIT_FAILED);
	proc_fail(&tp->base, text);
	proc_fail_message(&tp->base, report_warning_stop_message(
	    res->d.nwarnings > 0 ? diag_nth(&res->d, DIAG_WARNING, 0) : ""));
	return PROC_FAIL;
}

/* The NetRouteDiagnostics set's result (the module returns $null without a name). */
static enum proc_rc
deliver_route_diag(struct tnc_proc *tp, struct engine_result *res)
{
	struct host *h = &tp->rt->host;
	struct psobj_value v;

	if (!res->rd.resolved) {
		host_worst(h, TNC_EXIT_NO_NAME);
		return PROC_OK;
	}
	host_worst(h, res->rd.succeeded && res->rd.has_route ? TNC_EXIT_OK :
	    TNC_EXIT_FAILED);
	if (route_diag_object_new(&v, &res->rd, h->ed) != 0) {
		host_note(h, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		return proc_fail(&tp->base, NULL);
	}
	return proc_emit(&tp->base, &v);
}

/* One result, in input order: its warnings, then its object downstream. */
static enum proc_rc
deliver(struct tnc_proc *tp, struct slot *s)
{
	struct host *h = &tp->rt->host;
	struct engine_result *res = s->res;
	struct psobj_value v;

	if (s->bind_failed) {
		deliver_not_bound(tp, s);
		return PROC_OK;
	}
	if (res->rc < 0) {
		host_note(h, report_run_failure_status(res->rc), "%s",
		    res->d.error);
		return PROC_OK;
	}
	if (res->d.stopped)
		return deliver_stopped(tp, res);
	if (res->d.nentries > 0) {	/* no warning: stdout stays buffered */
		report_diag(&res->d, &tp->st->o, host_err(h));
		host_err_done(h);
	}
	if (res->is_route_diag)
		return deliver_route_diag(tp, res);
	host_worst(h, report_exit_status(&res->r));
	if (tp->st->o.information_level == TNC_INFO_QUIET) {
		v = psobj_bool(report_quiet_value(&res->r));
	} else if (result_object_new(&v, &res->r, h->ed) != 0) {
		host_note(h, TNC_EXIT_SYSTEM, "%s", strerror(errno));
		return proc_fail(&tp->base, NULL);
	}
	return proc_emit(&tp->base, &v);
}

/* Delivers the finished results at the head of the window. */
static enum proc_rc
deliver_ready(struct tnc_proc *tp)
{
	enum proc_rc rc = PROC_OK;

	while (rc == PROC_OK && tp->count > 0 &&
	    (tp->ring[tp->head].done || tp->ring[tp->head].bind_failed)) {
		struct slot *s = &tp->ring[tp->head];

		rc = deliver(tp, s);
		slot_clear(s);
		tp->head = (tp->head + 1) % tp->cap;
		tp->count--;
	}
	return rc;
}

/* Waits for the oldest test, then delivers what is ready. */
static enum proc_rc
wait_head(struct tnc_proc *tp)
{
	struct slot *s = &tp->ring[tp->head];

	while (!s->done && !s->bind_failed)
		if (runtime_pump(tp->rt, -1) != 0)
			return proc_fail(&tp->base, NULL);
	return deliver_ready(tp);
}

/* The window, sized from the engine's in-flight limit. */
static int
window_init(struct tnc_proc *tp)
{
	unsigned limit;

	tp->engine = runtime_engine(tp->rt, tp->st->o.throttle_limit);
	if (tp->engine == NULL)
		return -1;
	limit = engine_max_in_flight(tp->engine);
	tp->cap = (size_t)limit * WINDOW_PER_SLOT_IN_FLIGHT;
	if (tp->cap < WINDOW_MIN)
		tp->cap = WINDOW_MIN;
	tp->ring = calloc(tp->cap, sizeof(*tp->ring));
	if (tp->ring == NULL) {
		host_note(&tp->rt->host, TNC_EXIT_SYSTEM, "%s",
		    strerror(ENOMEM));
		return -1;
	}
	return 0;
}

/*
 * The ComputerName an input object binds: its ComputerName property (or
 * the aliases RemoteAddress, cn) by property name, else the object itself
 * converted to a string (ComputerName takes pipeline input both ways).
 * malloc'd; NULL on ENOMEM.
 */
static char *
input_computer_name(const struct psobj_value *v)
{
	static const char *const names[] = { "ComputerName",
		"RemoteAddress", "cn" };
	const struct psobj_prop *pr;
	size_t i;

	for (i = 0; v->kind == PSOBJ_OBJECT && i < 3; i++) {
		pr = psobj_find(v->obj, names[i]);
		if (pr != NULL && pr->value.kind != PSOBJ_NULL)
			return psobj_value_to_string(&pr->value);
	}
	return psobj_value_to_string(v);
}

/* Starts the test for input v (NULL: none) in slot s. */
static int
slot_start(struct tnc_proc *tp, struct slot *s, const struct psobj_value *v)
{
	struct tnc_options o;
	char *name = NULL;
	int rc;

	if (v != NULL && (tp->st->computer_bound || v->kind == PSOBJ_NULL)) {
		s->bind_failed = true;
		s->target = pipeline_error_target(v);
		s->target_is_string = v->kind == PSOBJ_STRING;
		return s->target != NULL ? 0 : -1;
	}
	if (v != NULL && (name = input_computer_name(v)) == NULL)
		return -1;
	rc = tnc_options_copy(&o, &tp->st->o, name);
	free(name);
	if (rc != 0)
		return -1;
	s->test = engine_submit(tp->engine, &o, slot_done, s);
	tnc_options_free(&o);
	return s->test != NULL ? 0 : -1;
}

static enum proc_rc
tnc_process(struct proc *p, struct psobj_value *v)
{
	struct tnc_proc *tp = (struct tnc_proc *)p;
	enum proc_rc rc;
	struct slot *s;
	int started;

	if (tp->ring == NULL && window_init(tp) != 0) {
		if (v != NULL)
			psobj_value_free(v);
		return proc_fail(p, NULL);
	}
	rc = deliver_ready(tp);
	while (rc == PROC_OK && tp->count == tp->cap)
		rc = wait_head(tp);
	if (rc != PROC_OK) {
		if (v != NULL)
			psobj_value_free(v);
		return rc;
	}
	s = &tp->ring[(tp->head + tp->count) % tp->cap];
	started = slot_start(tp, s, v);
	if (v != NULL)
		psobj_value_free(v);
	if (started != 0) {
		slot_clear(s);
		host_note(&tp->rt->host, TNC_EXIT_SYSTEM, "%s",
		    strerror(ENOMEM));
		return proc_fail(p, NULL);
	}
	tp->count++;
	/* let the engine start it and collect what finished meanwhile */
	if (runtime_pump(tp->rt, 0) != 0)
		return proc_fail(p, NULL);
	return deliver_ready(tp);
}

static enum proc_rc
tnc_end(struct proc *p)
{
	struct tnc_proc *tp = (struct tnc_proc *)p;
	enum proc_rc rc = PROC_OK;

	while (rc == PROC_OK && tp->count > 0)
		rc = wait_head(tp);
	return rc;
}

/* Tests still in flight are abandoned: -First had enough, or a Stop. */
static void
tnc_free(struct proc *p)
{
	struct tnc_proc *tp = (struct tnc_proc *)p;
	size_t i;

	for (i = 0; tp->ring != NULL && i < tp->count; i++) {
		struct slot *s = &tp->ring[(tp->head + i) % tp->cap];

		if (s->test != NULL)
			engine_cancel(tp->engine, s->test);
		slot_clear(s);
	}
	free(tp->ring);
	free(tp);
}

static const struct proc_ops tnc_ops = {
	.process = tnc_process,
	.end = tnc_end,
	.free = tnc_free,
};

static struct proc *
tnc_make(struct runtime *rt, const struct stage *st, char *err, size_t errlen)
{
	struct tnc_proc *tp = calloc(1, sizeof(*tp));

	(void)err;
	(void)errlen;
	if (tp == NULL)
		return NULL;
	tp->base.ops = &tnc_ops;
	tp->rt = rt;
	tp->st = st;
	return &tp->base;
}

/* Bound by plan.c itself (tnc_bind): every parameter of the cmdlet runs. */
const struct command_def tnc_def = {
	.cmd = PIPE_CMD_TNC,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.make = tnc_make,
};
