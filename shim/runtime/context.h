#ifndef TNC_RUNTIME_CONTEXT_H
#define TNC_RUNTIME_CONTEXT_H

#include <stdbool.h>

#include "engine/engine.h"
#include "runtime/host.h"

/*
 * What one run of a script shares: the host (output streams and exit
 * status) and the engine that runs every Test-NetConnection test of the
 * run, made when the first test is about to start.
 */
struct interp;

struct runtime {
	struct host host;
	struct interp *interp;		/* the script's evaluator (script blocks) */
	struct engine *engine;		/* NULL until the first test */
	struct engine_config ecfg;	/* from runtime_options, -ThrottleLimit */
	bool	style_set;		/* host style from the first tnc command */
	unsigned long max_steps;	/* runtime_options': fuzzing's bounds */
	long long max_sleep_ms;
	bool	files_here_only;
};

/*
 * runtime_engine()
 * The run's engine, made on first use with the in-flight limit throttle
 * (0: from the machine).  NULL with the failure said on stderr (exit 4).
 */
struct engine *runtime_engine(struct runtime *rt, unsigned throttle);

/*
 * runtime_pump()
 * Lets the engine work for at most timeout_ms (-1: until a test ends).
 * Returns 0, or -1 when the loop itself failed (said on stderr, exit 4).
 */
int	runtime_pump(struct runtime *rt, long timeout_ms);

#endif /* TNC_RUNTIME_CONTEXT_H */
