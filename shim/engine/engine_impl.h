#ifndef TNC_ENGINE_ENGINE_IMPL_H
#define TNC_ENGINE_ENGINE_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"
#include "engine/icmp_echo.h"
#include "engine/interface_info.h"
#include "engine/loop.h"
#include "engine/resolver.h"
#include "engine/route_lookup.h"
#include "engine/tcp_probe.h"

/*
 * Inside the engine: what engine.c shares with the test kinds it runs
 * (netconnection.c: the cmdlet's test; route_diagnostics.c:
 * -DiagnoseRouting).  Not for the runtime: it sees engine.h only.
 *
 * A kind's functions run in the engine's thread, from the loop's
 * handlers; none of them blocks (the netlink requests answer inside the
 * send).  A test's memory lives until the engine frees it after
 * delivery or cancellation, never in the middle of a handler, so a
 * handler may finish a test and still touch it afterwards.
 */

struct engine_test;

struct test_kind {
	/* begins the test; it ends later by engine_test_finish() */
	void	(*start)(struct engine_test *t);
	/* stops all it has in flight (timers, attempts, echoes, lookups); idempotent */
	void	(*stop)(struct engine_test *t);
	/* frees its state (after stop) */
	void	(*destroy)(struct engine_test *t);
};

struct test_list {
	struct engine_test *head, *tail;
	size_t	n;
};

struct engine {
	struct loop *loop;
	struct tcp_pool *tcp;		/* NULL with the fake */
	struct icmp_hub *icmp;
	struct resolver *resolver;
	struct route_nl nl;
	struct interface_cache ifcache;	/* host name, interfaces' facts */
	engine_fake_fn fake;
	void	*fake_ctx;
	unsigned max_in_flight;
	bool	is_admin;		/* tnc_is_admin(), once */
	struct test_list queued;	/* submitted, waiting for a slot */
	struct test_list running;	/* holding a slot */
	struct test_list done;		/* finished, not yet delivered */
	struct test_list parked;	/* running, waiting for a descriptor */
	struct loop_timer admit;	/* a slot was freed: start queued tests */
	struct loop_timer wake;		/* a descriptor was freed: retry the parked */
	unsigned fruitless;		/* idle sockets reclaimed since a test last got on */
};

enum test_state {
	TEST_QUEUED,
	TEST_RUNNING,
	TEST_DONE
};

struct engine_test {
	struct engine *e;
	struct engine_test *prev, *next;	/* in queued, running or done */
	struct engine_test *pprev, *pnext;	/* in parked */
	enum test_state state;
	bool	parked;
	bool	finished;		/* engine_test_finish() ran */
	struct tnc_options o;		/* the caller's, copied */
	engine_done_fn done;
	void	*done_arg;
	struct engine_result *res;	/* allocated when the test starts */
	const struct test_kind *kind;
	void	*ks;			/* the kind's state */
	/* parked: what to try again, and why it could not go on */
	void	(*retry)(struct engine_test *t);
	int	short_errno;
	const char *short_what;		/* "cannot open a socket", ... */
	struct loop_timer fake_timer;
};

extern const struct test_kind netconnection_kind;
extern const struct test_kind route_diag_kind;

/*
 * engine_test_finish()
 * The test is over: its kind's stop() runs, it leaves the running (and
 * parked) list and waits for delivery.  Idempotent.
 */
void	engine_test_finish(struct engine_test *t);

/* Ends the test as a machine failure: rc TNC_RUN_FAILURE, the sentence in d.error. */
void	engine_test_fail(struct engine_test *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * engine_test_park()
 * The test cannot go on for lack of a descriptor or memory (errno e,
 * while doing what): it waits until one is freed, then retry(t) runs.
 * When nothing in flight could free one (no TCP socket open, no other
 * test running that is not itself waiting), the engine first closes its
 * own idle sockets (netlink, ICMP sockets no echo uses) and the test
 * tries again; when there are none (or it has had its few turns), the
 * test ends at once as a machine failure ("cannot open a socket: Too
 * many open files (ulimit -n 4)").
 */
void	engine_test_park(struct engine_test *t, int e, const char *what,
	    void (*retry)(struct engine_test *t));

/* The test no longer needs what it was parked for (it went on another way). */
void	engine_test_unpark(struct engine_test *t);

/* A parked test reached its deadline: the machine failure it waited on. */
void	engine_test_fail_parked(struct engine_test *t);

/* -TimeoutSeconds in milliseconds: at least 1, at most a day (NaN: 1). */
long	engine_timeout_ms(double seconds);

/*
 * engine_run_one()
 * One engine, one test of o, stepped until done: the blocking form that
 * tnc_run() and route_diagnose() are.  Returns 0 with *out (malloc'd: the
 * caller frees it with engine_result_free() and free()), or -1 with a
 * sentence in err when the engine itself could not run.
 */
int	engine_run_one(const struct tnc_options *o, struct engine_result **out,
	    char *err, size_t errlen);

#endif /* TNC_ENGINE_ENGINE_IMPL_H */
