/*
 * fuzz_script.c: libFuzzer harness (a), the script path: a fuzzed
 * PowerShell script is parsed, bound and run with the network replaced by
 * fake_net.c, and the run's invariants (invariants.h) are checked.
 *
 * The call into the runtime is run_script() alone: the streaming runtime
 * with the engine's fake (engine_config.fake) answering from fake_net.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "runtime/runtime.h"
#include "tests/fuzz/fake_net.h"
#include "tests/fuzz/invariants.h"

/* The engine's fake: fake_net.c's outcome for o, reported at once. */
static int
fake_test(void *ctx, const struct tnc_options *o, struct engine_result *res,
    long *delay_ms)
{
	(void)ctx;
	*delay_ms = 0;
	res->is_route_diag = o->diagnose_routing;
	res->rc = o->diagnose_routing ? fake_route_diagnose(o, &res->rd,
	    &res->d) : fake_tnc_run(o, &res->r, &res->d);
	return 0;
}

/* Runs script with the fake network; returns its exit status. */
static int
run_script(const char *script, FILE *out, FILE *err)
{
	static const struct engine_config fake = { .fake = fake_test };
	/* a fuzzed `for (;;) {}` or `sleep 99` must end: bounded; and
	 * `Out-File /etc/x` must not write there */
	static const struct runtime_options ro = { .engine = &fake,
	    .max_steps = 2000, .max_sleep_ms = 10, .files_here_only = true };

	return runtime_run_script(script, out, err, &ro);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *script, *out = NULL, *err = NULL;
	size_t nout = 0, nerr = 0;
	FILE *o, *e;
	int status;

	/* a script is text: it ends at a NUL, as argv and -Command - do */
	script = strndup((const char *)data, size);
	if (script == NULL)
		return 0;
	o = open_memstream(&out, &nout);
	e = open_memstream(&err, &nerr);
	if (o == NULL || e == NULL)
		abort();
	status = run_script(script, o, e);
	fclose(o);
	fclose(e);
	fuzz_check_run(status, out, nout, err, nerr,
	    utf8_valid(script, strlen(script)), script, strlen(script));
	free(out);
	free(err);
	free(script);
	return 0;
}
