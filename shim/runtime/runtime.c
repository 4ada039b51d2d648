/*
 * runtime.c: a script's run: parse it whole, vet it (nothing outside the
 * subset runs, a command of literals is bound), then evaluate it, every
 * statement's output into one Out-Default; one engine for all the tests
 * of the run.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "parsers/ast.h"
#include "runtime/context.h"
#include "runtime/interp.h"
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

/* A parse or vetting error: nothing ran.  Out of memory is the machine's. */
static int
usage_error(struct runtime *rt, const struct ps_error *e)
{
	host_error(&rt->host, e);
	return e->out_of_memory ? TNC_EXIT_SYSTEM : TNC_EXIT_USAGE;
}

/*
 * How the script ended, into the exit status: `exit N` wins (but a lost
 * stdout stays exit 4: host_finish()); an error that ended the script is
 * said after its output closed, status at least 1.
 */
static int
finish(struct runtime *rt, struct interp *in, enum flow f)
{
	int status;

	if (f == FLOW_THROW) {
		host_err_text(&rt->host, in->thrown.text);
		host_worst(&rt->host, in->thrown.status);
	}
	status = host_finish(&rt->host);
	if (f == FLOW_EXIT && status != TNC_EXIT_SYSTEM)
		status = in->exit_code;
	return status;
}

int
runtime_run_script(const char *script, FILE *out, FILE *err,
    const struct runtime_options *ro)
{
	struct runtime rt;
	struct interp in;
	struct ast_list stmts = { 0 };
	struct ps_error e = { 0 };
	struct pipeline host_pl;	/* the script's one Out-Default */
	struct proc *out_default;
	enum flow f = FLOW_FAIL;
	int status;

	memset(&rt, 0, sizeof(rt));
	host_init(&rt.host, out, err, script);
	if (ro != NULL && ro->engine != NULL)
		rt.ecfg = *ro->engine;
	if (ro != NULL && ro->now_ms != NULL)
		rt.host.now_ms = ro->now_ms;
	if (ro != NULL) {
		rt.max_steps = ro->max_steps;
		rt.max_sleep_ms = ro->max_sleep_ms;
		rt.files_here_only = ro->files_here_only;
	}
	if (ast_parse(script, &stmts, &e) != 0) {
		host_worst(&rt.host, usage_error(&rt, &e));
		ps_error_free(&e);
		return host_finish(&rt.host);
	}
	if (interp_init(&in, &rt, script, &stmts) != 0) {
		host_note(&rt.host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		ast_list_free(&stmts);
		return host_finish(&rt.host);
	}
	if (interp_vet(&in, &e) != 0) {
		host_worst(&rt.host, usage_error(&rt, &e));
		ps_error_free(&e);
		goto out;
	}
	pipeline_init(&host_pl, &rt);
	out_default = cmd_out_default_new(&rt);
	if (out_default == NULL || pipeline_add(&host_pl, out_default) != 0)
		host_note(&rt.host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	else
		f = interp_run(&in, out_default);
	/* the output closes first; an error that ended the script after it */
	pipeline_finish(&host_pl, f == FLOW_FAIL ? PROC_FAIL : PROC_OK);
	pipeline_free(&host_pl);
out:
	status = finish(&rt, &in, f);
	interp_free(&in);
	ast_list_free(&stmts);
	engine_free(rt.engine);
	return status;
}
