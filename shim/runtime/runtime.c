/*
 * runtime.c: a script's run: parse, bind every statement, then run them
 * one after the other, each ending in Out-Default; one engine for all the
 * tests of the run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "parsers/parser.h"
#include "runtime/context.h"
#include "runtime/exec.h"
#include "runtime/plan.h"
#include "runtime/processors.h"
#include "runtime/runtime.h"

struct engine *
runtime_engine(struct runtime *rt, unsigned throttle)
{
	char err[256];

	if (rt->engine != NULL)
		return rt->engine;
	if (rt->ecfg.max_in_flight == 0)
		rt->ecfg.max_in_flight = throttle;
	rt->engine = engine_new(&rt->ecfg, err, sizeof(err));
	if (rt->engine == NULL)
		host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", err);
	return rt->engine;
}

int
runtime_pump(struct runtime *rt, long timeout_ms)
{
	char err[256];

	if (engine_step(rt->engine, timeout_ms, err, sizeof(err)) >= 0)
		return 0;
	host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", err);
	return -1;
}

/* A parse or binding error: nothing ran.  Out of memory is the machine's. */
static int
usage_error(struct runtime *rt, const struct ps_error *e)
{
	host_error(&rt->host, e);
	return e->error_id != NULL && strcmp(e->error_id, "OutOfMemory") == 0 ?
	    TNC_EXIT_SYSTEM : TNC_EXIT_USAGE;
}

/* Binds every statement before anything runs. */
static int
plans_build(struct runtime *rt, const struct ps_script *s, struct plan *plans,
    size_t *nbuilt)
{
	struct plan_style style = { .set = false };
	struct ps_error e;
	size_t i;
	int rc;

	ps_error_clear(&e);
	for (i = 0; i < s->n; i++) {
		*nbuilt = i + 1;
		rc = plan_build(&s->v[i], &plans[i], &style, &e);
		/* the first tnc command's -NewLine holds from where it stands */
		if (style.set && !rt->style_set) {
			rt->style_set = true;
			host_style(&rt->host, style.nl, style.ed);
			if (rt->ecfg.max_in_flight == 0)
				rt->ecfg.max_in_flight = style.throttle;
		}
		if (rc != 0) {
			rc = usage_error(rt, &e);
			ps_error_free(&e);
			return rc;
		}
	}
	return TNC_EXIT_OK;
}

int
runtime_run_script(const char *script, FILE *out, FILE *err,
    const struct runtime_options *ro)
{
	struct runtime rt;
	struct ps_script s;
	struct ps_error e;
	struct plan *plans = NULL;
	struct pipeline host_pl;	/* the script's one Out-Default */
	struct proc *out_default, *sink;
	size_t i, nbuilt = 0;
	char *error = NULL;
	int status, st = 0;

	memset(&rt, 0, sizeof(rt));
	host_init(&rt.host, out, err, script);
	if (ro != NULL && ro->engine != NULL)
		rt.ecfg = *ro->engine;
	if (ro != NULL && ro->now_ms != NULL)
		rt.host.now_ms = ro->now_ms;
	ps_error_clear(&e);
	if (ps_parse(script, &s, &e) != 0) {
		host_worst(&rt.host, usage_error(&rt, &e));
		ps_error_free(&e);
		return host_finish(&rt.host);
	}
	plans = calloc(s.n + 1, sizeof(*plans));
	if (plans == NULL) {
		host_note(&rt.host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		goto out;
	}
	status = plans_build(&rt, &s, plans, &nbuilt);
	if (status != TNC_EXIT_OK) {
		host_worst(&rt.host, status);
		goto out;
	}
	pipeline_init(&host_pl, &rt);
	out_default = cmd_out_default_new(&rt);
	if (out_default == NULL || pipeline_add(&host_pl, out_default) != 0) {
		host_note(&rt.host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		goto out_host;
	}
	for (i = 0; i < s.n && st == 0; i++) {
		sink = forward_new(out_default);
		if (sink == NULL) {
			host_note(&rt.host, TNC_EXIT_SYSTEM, "%s",
			    strerror(ENOMEM));
			st = -1;
			break;
		}
		st = exec_statement(&rt, &plans[i], sink, NULL, NULL, &error);
	}
	/* the output closes first; a terminating error is said after it */
	pipeline_finish(&host_pl, st < 0 ? PROC_FAIL : PROC_OK);
	if (error != NULL) {
		host_err_text(&rt.host, error);
		free(error);
	}
out_host:
	pipeline_free(&host_pl);
out:
	for (i = 0; i < nbuilt; i++)
		plan_free(&plans[i]);
	free(plans);
	ps_script_free(&s);
	engine_free(rt.engine);
	return host_finish(&rt.host);
}
