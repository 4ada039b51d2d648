#ifndef TNC_ENGINE_ENGINE_H
#define TNC_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/diag.h"
#include "engine/route_diagnostics.h"
#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * The engine: every Test-NetConnection test of a run, driven by ONE event
 * loop in the calling thread (design/runtime.md, issue 8):
 *   - name lookups on a small, bounded pool of resolver threads whose
 *     answers come back through one descriptor the loop watches;
 *   - every TCP attempt on one libcurl multi handle (CONNECT_ONLY, the
 *     address pinned, proxies off), its sockets watched by the loop;
 *   - ICMP echoes on shared sockets (one per family and constraint), told
 *     apart by sequence number;
 *   - route lookups on one netlink socket;
 *   - one timer heap for attempt timeouts and run deadlines.
 * A test is a state machine advanced by events (resolve -> attempts in
 * resolver order with the echo beside them -> route -> trace -> done); it
 * never blocks.  Tests complete in any order: ordering is the runtime's job.
 *
 * Descriptors are a budget: at most max_in_flight tests hold descriptors at
 * once, the rest wait in submission order.  Running short of descriptors
 * (EMFILE/ENFILE/ENOBUFS/ENOMEM on a socket) makes an attempt wait for one
 * to be freed; it never turns into a failed test.  Only when not even one
 * descriptor can be had with nothing in flight does the test end with
 * rc TNC_RUN_FAILURE (a machine failure: exit status 4).
 *
 * Nothing here prints or formats; the engine never calls into the runtime
 * except through the done callback, and only from inside engine_step().
 */

#define ENGINE_DEFAULT_CEILING	512	/* tests in flight, unless -ThrottleLimit says */

/* What one test produced.  Owned by whoever engine_step() handed it to. */
struct engine_result {
	int	rc;			/* 0: the test ran, whatever its outcome;
					   TNC_RUN_FAILURE: a machine failure (d.error);
					   TNC_RUN_BAD_OPTION: an option that cannot be
					   used, nothing was sent (d.error) */
	bool	is_route_diag;		/* -DiagnoseRouting: rd is filled, r is not */
	struct tnc_result r;
	struct route_diag rd;
	struct tnc_diag d;		/* warnings and notes, in the order they happened */
};

void	engine_result_free(struct engine_result *res);	/* its contents */

/*
 * A stand-in for the network, for unit tests and fuzzing: fills *res as a
 * test of o would, and sets *delay_ms (>= 0) to when, after submission, the
 * engine should report it done, so tests can complete out of order.
 * Returns 0, or -1 for an allocation failure (the test ends rc
 * TNC_RUN_FAILURE).
 */
typedef int (*engine_fake_fn)(void *ctx, const struct tnc_options *o,
	    struct engine_result *res, long *delay_ms);

struct engine_config {
	unsigned max_in_flight;		/* 0: derived from RLIMIT_NOFILE (whose soft
					   limit engine_new() raises to the hard
					   one), at most ENGINE_DEFAULT_CEILING */
	engine_fake_fn fake;		/* NULL: the real network */
	void	*fake_ctx;
};

struct engine;
struct engine_test;

/*
 * Called once per test from inside engine_step(), when it is done; res is
 * malloc'd and becomes the callee's (engine_result_free(), then free()).
 * The callback must not call engine_step(); it may call engine_submit()
 * and engine_cancel().
 */
typedef void (*engine_done_fn)(void *arg, struct engine_result *res);

/*
 * engine_new()
 * Sets up the loop (and, for the real network, libcurl).  Returns NULL
 * with a sentence in err on failure.
 */
struct engine *engine_new(const struct engine_config *cfg, char *err,
	    size_t errlen);

/*
 * engine_submit()
 * Starts a test of o (copied), or queues it until a slot is free.
 * Returns its handle (valid until done is called or it is cancelled), or
 * NULL when out of memory.
 */
struct engine_test *engine_submit(struct engine *e,
	    const struct tnc_options *o, engine_done_fn done, void *arg);

/* Abandons a test: its sockets close at once and done is never called. */
void	engine_cancel(struct engine *e, struct engine_test *t);

/*
 * engine_step()
 * Waits at most timeout_ms (-1: until something happens; 0: only what is
 * ready) for events, advances the tests, and calls done for each test that
 * finished.  Returns how many finished, or -1 with a sentence in err when
 * the loop itself failed (a machine failure).
 */
int	engine_step(struct engine *e, long timeout_ms, char *err,
	    size_t errlen);

/*
 * Tests submitted and not yet done or cancelled: queued, running, or
 * finished but not yet handed to their done callback (which can be the
 * case right after engine_submit(): a test may end at once, e.g. a bad
 * constraint).  Step while this is not 0.
 */
size_t	engine_pending(const struct engine *e);

/* The in-flight limit in force (after RLIMIT_NOFILE and the config). */
unsigned engine_max_in_flight(const struct engine *e);

void	engine_free(struct engine *e);	/* cancels what is left */

#endif /* TNC_ENGINE_ENGINE_H */
