/*
 * fuzz_script.c: libFuzzer harness (a), the script path: a fuzzed
 * PowerShell script is parsed, bound and run with the network replaced by
 * fake_net.c, and the run's invariants (invariants.h) are checked.
 *
 * The call into the runtime is run_script() alone, so the harness follows
 * the runtime when it changes (the streaming runtime takes the engine's
 * fake, engine_config.fake, instead of the runners).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/pipeline_run.h"
#include "tests/fuzz/fake_net.h"
#include "tests/fuzz/invariants.h"

/* Runs script with the fake network; returns its exit status. */
static int
run_script(const char *script, FILE *out, FILE *err)
{
	static const struct pipeline_runners fake = { fake_tnc_run,
		fake_route_diagnose };

	return pipeline_run_script(script, out, err, &fake);
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
	    utf8_valid(script, strlen(script)));
	free(out);
	free(err);
	free(script);
	return 0;
}
