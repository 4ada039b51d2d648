#ifndef TNC_RUNTIME_RUNTIME_H
#define TNC_RUNTIME_RUNTIME_H

#include <stdio.h>

#include "engine/engine.h"

/*
 * The runtime of tnc's PowerShell subset: parses a whole script, vets it
 * (a command whose arguments are literals is bound, anything outside the
 * subset is refused: an error there means nothing was sent), then
 * evaluates it (runtime/interp.h), each pipeline streaming
 * (runtime/pipeline.h) into one Out-Default, with all tests of the run on
 * one engine.  It prints what Windows PowerShell 5.1's host prints (or
 * 7.4's, with -OutputStyle PowerShell7).
 */

struct runtime_options {
	/* the engine's settings; NULL: the real network, limits from the machine */
	const struct engine_config *engine;
	/* the formatters' clock; NULL: the monotonic clock */
	long long (*now_ms)(void);
	/*
	 * Bounds for fuzzing, where a script is arbitrary: at most
	 * max_steps statements, loop rounds and objects a pipeline's value
	 * feeds it (then exit 4, said), no
	 * Start-Sleep longer than max_sleep_ms.  0: no bound (a script's
	 * own loop is its author's).
	 */
	unsigned long max_steps;
	long long max_sleep_ms;
	/*
	 * Fuzzing too: Out-File and Export-Csv write only plain names in
	 * the working directory (tests/fuzz/run.sh runs each harness in a
	 * scratch one), never a path a fuzzed script made up.
	 */
	bool	files_here_only;
};

/*
 * runtime_run_script()
 * Runs script, writing objects to out and warnings, errors and notes to
 * err.  Returns the exit status (base/exit_codes.h): `exit N`'s N; 3 for
 * a parse or binding error, 4 for a system failure, else the worst of
 * the run (2 a name did not resolve, 1 a test failed, a command wrote an
 * error or an error ended a statement or the script).
 */
int	runtime_run_script(const char *script, FILE *out, FILE *err,
	    const struct runtime_options *ro);

#endif /* TNC_RUNTIME_RUNTIME_H */
