/*
 * check_engine.c: the engine (engine.h): many tests on one loop, results
 * in any order, cancellation, the fake, the in-flight limit and running
 * short of descriptors; and the loop itself (timers, watches).  Real sockets on loopback only (127.0.0.0/8,
 * ::1); every listener is made here.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/engine.h"
#include "engine/loop.h"
#include "engine/netconnection.h"
#include "tests/check_net.h"
#include "tests/check_support.h"

#define MANY	30

/* What the done callback saw, per test (arg is the test's index). */
struct seen {
	struct engine_result *res[MANY * 8];
	size_t	order[MANY * 8];	/* delivery order: indexes */
	size_t	ndone;
};

struct done_arg {
	struct seen *seen;
	size_t	index;
};

static void
on_done(void *arg, struct engine_result *res)
{
	struct done_arg *a = arg;

	ck_assert_ptr_null(a->seen->res[a->index]);	/* once per test */
	a->seen->res[a->index] = res;
	a->seen->order[a->seen->ndone++] = a->index;
}

/* Steps e until nothing is pending; bounded by limit_s. */
static void
run_all(struct engine *e, double limit_s)
{
	char err[256];
	double t0 = now_s();

	while (engine_pending(e) > 0) {
		ck_assert_msg(engine_step(e, 1000, err, sizeof(err)) >= 0, "%s",
		    err);
		ck_assert_msg(now_s() - t0 < limit_s, "still %zu pending after "
		    "%.0f s", engine_pending(e), limit_s);
	}
	ck_assert_int_eq(engine_step(e, -1, err, sizeof(err)), 0);	/* returns at once */
}

static void
seen_free(struct seen *s)
{
	for (size_t i = 0; i < sizeof(s->res) / sizeof(s->res[0]); i++) {
		engine_result_free(s->res[i]);
		free(s->res[i]);
	}
}

/* ---- real network: many tests at once ---- */

/*
 * Open, closed and filtered ports, interleaved, all submitted at once:
 * each result belongs to its own test, whatever the order they finish
 * in, and the filtered ones cost one timeout together, not one each.
 */
START_TEST(test_many_mixed)
{
	int clients[FILTER_CLIENTS_MAX], nclients;
	unsigned open_port, closed, filtered;
	int lopen = loopback_socket(AF_INET, 64, &open_port);
	int lfilt = filtered_listener(AF_INET, &filtered, clients, &nclients);
	struct engine *e;
	struct tnc_options o[MANY];
	struct done_arg args[MANY];
	struct seen seen;
	char err[256];
	double t0;

	closed = closed_port(AF_INET);
	memset(&seen, 0, sizeof(seen));
	e = engine_new(NULL, err, sizeof(err));
	ck_assert_msg(e != NULL, "%s", err);
	ck_assert_uint_eq(engine_max_in_flight(e), ENGINE_DEFAULT_CEILING);
	t0 = now_s();
	for (size_t i = 0; i < MANY; i++) {
		unsigned port = i % 3 == 0 ? filtered : i % 3 == 1 ? open_port :
		    closed;

		options(&o[i], "127.0.0.1", (int)port);
		o[i].information_level = TNC_INFO_QUIET;
		o[i].timeout_seconds = 0.5;
		args[i] = (struct done_arg){ &seen, i };
		ck_assert_ptr_nonnull(engine_submit(e, &o[i], on_done, &args[i]));
	}
	ck_assert_uint_eq(engine_pending(e), MANY);
	run_all(e, 10);
	ck_assert_msg(now_s() - t0 < 0.9, "%d tests took %.3f s: not at once",
	    MANY, now_s() - t0);
	ck_assert_uint_eq(seen.ndone, MANY);
	/* the quick ones came back before the filtered ones */
	ck_assert_uint_ne(seen.order[0] % 3, 0);
	ck_assert_uint_eq(seen.order[MANY - 1] % 3, 0);
	for (size_t i = 0; i < MANY; i++) {
		struct engine_result *r = seen.res[i];
		char want[64];

		ck_assert_int_eq(r->rc, 0);
		ck_assert(!r->is_route_diag);
		ck_assert_uint_eq(r->r.remote_port, o[i].port);
		ck_assert(r->r.tcp_test_succeeded == (i % 3 == 1));
		snprintf(want, sizeof(want), "TCP connect to (127.0.0.1 : %d) failed",
		    o[i].port);
		/* Quiet returns the bool: no route lookup is made for it */
		ck_assert_str_eq(r->r.interface_alias, "");
		if (i % 3 == 1) {
			ck_assert_uint_eq(r->d.nwarnings, 0);
		} else {
			ck_assert_uint_eq(r->d.nwarnings, 1);
			ck_assert_str_eq(diag_nth(&r->d, DIAG_WARNING, 0), want);
			ck_assert_ptr_nonnull(strstr(diag_nth(&r->d, DIAG_NOTE, 0),
			    i % 3 == 0 ? "no answer within 0.5 s" :
			    "connection refused"));
		}
	}
	engine_free(e);
	seen_free(&seen);
	for (size_t i = 0; i < MANY; i++)
		options_release(&o[i]);
	close_all(clients, nclients);
	close(lfilt);
	close(lopen);
}
END_TEST

/* The echo beside the connect, for many tests on one shared socket. */
START_TEST(test_many_echoes)
{
	struct engine *e;
	struct tnc_options o[MANY];
	struct done_arg args[MANY];
	struct seen seen;
	char err[256], name[32];

	memset(&seen, 0, sizeof(seen));
	e = engine_new(NULL, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	for (size_t i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), "127.0.0.%zu", i + 1);
		options(&o[i], name, 0);
		args[i] = (struct done_arg){ &seen, i };
		ck_assert_ptr_nonnull(engine_submit(e, &o[i], on_done, &args[i]));
	}
	run_all(e, 10);
	for (size_t i = 0; i < MANY; i++) {
		const struct tnc_result *r = &seen.res[i]->r;

		snprintf(name, sizeof(name), "127.0.0.%zu", i + 1);
		ck_assert_str_eq(r->computer_name, name);
		ck_assert_str_eq(r->resolved[0].text, name);
		if (icmp_permitted(AF_INET)) {
			ck_assert(r->ping_succeeded);
			ck_assert_int_eq(r->ping_status, TNC_PING_SUCCESS);
			ck_assert_uint_eq(seen.res[i]->d.nwarnings, 0);
		} else {
			ck_assert(!r->ping_reply_present);
		}
	}
	engine_free(e);
	seen_free(&seen);
	for (size_t i = 0; i < MANY; i++)
		options_release(&o[i]);
}
END_TEST

/* -DiagnoseRouting is a test kind of the engine too. */
START_TEST(test_route_diag_kind)
{
	struct engine *e;
	struct tnc_options o;
	struct done_arg arg;
	struct seen seen;
	char err[256];

	memset(&seen, 0, sizeof(seen));
	e = engine_new(NULL, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	options(&o, "127.0.0.1", 0);
	o.diagnose_routing = true;
	o.set = TNC_SET_NET_ROUTE_DIAGNOSTICS;
	arg = (struct done_arg){ &seen, 0 };
	ck_assert_ptr_nonnull(engine_submit(e, &o, on_done, &arg));
	run_all(e, 5);
	ck_assert(seen.res[0]->is_route_diag);
	ck_assert(seen.res[0]->rd.resolved);
	ck_assert_str_eq(seen.res[0]->rd.remote_address, "127.0.0.1");
	ck_assert_str_eq(seen.res[0]->rd.prefix, "127.0.0.1/32");
	ck_assert_str_eq(seen.res[0]->rd.out_ifalias, "lo");
	ck_assert(seen.res[0]->rd.succeeded);
	engine_free(e);
	seen_free(&seen);
	options_release(&o);
}
END_TEST

/* ---- cancellation ---- */

/*
 * Cancelled tests, queued or running, are never reported; the rest are.
 * A filtered port keeps the running ones busy while they are cancelled.
 */
START_TEST(test_cancel)
{
	int clients[FILTER_CLIENTS_MAX], nclients;
	unsigned filtered, open_port;
	int lfilt = filtered_listener(AF_INET, &filtered, clients, &nclients);
	int lopen = loopback_socket(AF_INET, 8, &open_port);
	struct engine_config cfg = { .max_in_flight = 2 };
	struct engine_test *t[6];
	struct tnc_options o[6];
	struct done_arg args[6];
	struct seen seen;
	struct engine *e;
	char err[256];

	memset(&seen, 0, sizeof(seen));
	e = engine_new(&cfg, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(engine_max_in_flight(e), 2);
	for (size_t i = 0; i < 6; i++) {
		options(&o[i], "127.0.0.1", (int)(i < 2 ? filtered : open_port));
		o[i].information_level = TNC_INFO_QUIET;
		o[i].timeout_seconds = 5;
		args[i] = (struct done_arg){ &seen, i };
		t[i] = engine_submit(e, &o[i], on_done, &args[i]);
		ck_assert_ptr_nonnull(t[i]);
	}
	/* 0 and 1 run (filtered: 5 s), 2..5 wait */
	ck_assert_int_eq(engine_step(e, 100, err, sizeof(err)), 0);
	engine_cancel(e, t[0]);		/* running */
	engine_cancel(e, t[3]);		/* queued */
	engine_cancel(e, t[1]);		/* running: now 2 and 4 may start */
	ck_assert_uint_eq(engine_pending(e), 3);
	run_all(e, 3);			/* far less than the filtered 5 s */
	ck_assert_uint_eq(seen.ndone, 3);
	ck_assert_ptr_null(seen.res[0]);
	ck_assert_ptr_null(seen.res[1]);
	ck_assert_ptr_null(seen.res[3]);
	for (size_t i = 2; i < 6; i++)
		if (i != 3)
			ck_assert(seen.res[i]->r.tcp_test_succeeded);
	engine_free(e);
	seen_free(&seen);
	for (size_t i = 0; i < 6; i++)
		options_release(&o[i]);
	close_all(clients, nclients);
	close(lfilt);
	close(lopen);
}
END_TEST

/* Freeing an engine with tests running, queued and done-not-delivered. */
START_TEST(test_free_busy)
{
	int clients[FILTER_CLIENTS_MAX], nclients;
	unsigned filtered;
	int lfilt = filtered_listener(AF_INET, &filtered, clients, &nclients);
	struct engine_config cfg = { .max_in_flight = 1 };
	struct tnc_options o[3];
	struct done_arg args[3];
	struct seen seen;
	struct engine *e;
	char err[256];

	memset(&seen, 0, sizeof(seen));
	e = engine_new(&cfg, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	options(&o[0], "127.0.0.1", (int)filtered);	/* running */
	options(&o[1], "localhost", (int)filtered);	/* queued */
	options(&o[2], "", 1);			/* queued */
	for (size_t i = 0; i < 3; i++) {
		args[i] = (struct done_arg){ &seen, i };
		ck_assert_ptr_nonnull(engine_submit(e, &o[i], on_done, &args[i]));
	}
	engine_free(e);
	ck_assert_uint_eq(seen.ndone, 0);
	for (size_t i = 0; i < 3; i++)
		options_release(&o[i]);
	close_all(clients, nclients);
	close(lfilt);
}
END_TEST

/* ---- the fake ---- */

struct fake_ctx {
	unsigned running, most;		/* started and not yet reported */
	unsigned calls;
};

/* A test of o, done after (10 - i) x 20 ms for target "t<i>": out of order. */
static int
fake_test(void *ctx, const struct tnc_options *o, struct engine_result *res,
    long *delay_ms)
{
	struct fake_ctx *f = ctx;
	int i = atoi(o->computer_name + 1);

	f->calls++;
	if (++f->running > f->most)
		f->most = f->running;
	res->r.computer_name = strdup(o->computer_name);
	if (res->r.computer_name == NULL)
		return -1;
	res->r.tcp_test_succeeded = i % 2 == 0;
	*delay_ms = (10 - i) * 20L;
	return 0;
}

struct fake_done {
	struct fake_ctx *f;
	struct seen *seen;
	size_t	index;
};

static void
on_fake_done(void *arg, struct engine_result *res)
{
	struct fake_done *a = arg;
	struct done_arg d = { a->seen, a->index };

	a->f->running--;
	on_done(&d, res);
}

static void
fake_run(unsigned limit, struct seen *seen, struct fake_ctx *f)
{
	struct engine_config cfg = { .max_in_flight = limit, .fake = fake_test,
	    .fake_ctx = f };
	struct tnc_options o;
	struct fake_done args[10];
	struct engine *e;
	char err[256], name[8];

	memset(seen, 0, sizeof(*seen));
	memset(f, 0, sizeof(*f));
	e = engine_new(&cfg, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	for (size_t i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "t%zu", i);
		options(&o, name, 5022);
		args[i] = (struct fake_done){ f, seen, i };
		ck_assert_ptr_nonnull(engine_submit(e, &o, on_fake_done, &args[i]));
		options_release(&o);		/* copied by the engine */
	}
	run_all(e, 10);
	engine_free(e);
	ck_assert_uint_eq(f->calls, 10);
	ck_assert_uint_eq(seen->ndone, 10);
	for (size_t i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "t%zu", i);
		ck_assert_str_eq(seen->res[i]->r.computer_name, name);
		ck_assert(seen->res[i]->r.tcp_test_succeeded == (i % 2 == 0));
	}
}

/* All at once: they finish in the order of their delays, the reverse of submission. */
START_TEST(test_fake_out_of_order)
{
	struct seen seen;
	struct fake_ctx f;

	fake_run(0, &seen, &f);
	ck_assert_uint_eq(f.most, 10);
	for (size_t k = 0; k < 10; k++)
		ck_assert_uint_eq(seen.order[k], 9 - k);
	seen_free(&seen);
}
END_TEST

/* With 3 in flight, never more than 3 run at once; the queue keeps submission order. */
START_TEST(test_fake_in_flight_limit)
{
	struct seen seen;
	struct fake_ctx f;

	fake_run(3, &seen, &f);
	ck_assert_uint_eq(f.most, 3);
	/* 0, 1, 2 start first; 2 has the shortest delay of them */
	ck_assert_uint_eq(seen.order[0], 2);
	seen_free(&seen);
}
END_TEST

static int
fake_fails(void *ctx, const struct tnc_options *o, struct engine_result *res,
    long *delay_ms)
{
	(void)ctx;
	(void)o;
	(void)res;
	*delay_ms = 0;
	return -1;
}

/* A fake that cannot allocate: the test ends as a machine failure. */
START_TEST(test_fake_failure)
{
	struct engine_config cfg = { .fake = fake_fails };
	struct tnc_options o;
	struct done_arg arg;
	struct seen seen;
	struct engine *e;
	char err[256];

	memset(&seen, 0, sizeof(seen));
	e = engine_new(&cfg, err, sizeof(err));
	ck_assert_ptr_nonnull(e);
	options(&o, "t1", 1);
	arg = (struct done_arg){ &seen, 0 };
	ck_assert_ptr_nonnull(engine_submit(e, &o, on_done, &arg));
	run_all(e, 5);
	ck_assert_int_eq(seen.res[0]->rc, TNC_RUN_FAILURE);
	ck_assert_str_eq(seen.res[0]->d.error, "out of memory");
	engine_free(e);
	seen_free(&seen);
	options_release(&o);
}
END_TEST

/* ---- descriptors as a budget ---- */

/*
 * A case run in a forked child with only stdin, stdout, stderr and the
 * report pipe open (descriptors 0-3), whose RLIMIT_NOFILE (soft and hard)
 * leaves `extra' descriptors beyond those: n tests of port (Quiet unless
 * verbose) on 127.0.0.<1..n>, or on `name'.  The child writes a
 * budget_report to the pipe; it exits with 0, or 200 and more when it
 * could not run at all.
 */
struct budget_case {
	unsigned port;
	int	n;
	int	extra;			/* descriptors beyond 0-3 */
	bool	verbose;		/* the default view: an echo beside each connect */
	int	leave;			/* >= 0: then a neighbour leaves only this many */
	const char *name;		/* NULL: 127.0.0.<i> */
	bool	no_threads;		/* then no thread can be started */
};

struct budget_report {
	unsigned max_in_flight;
	int	failures, wrong;
	int	name_failed;		/* "Name resolution of ... failed" warnings */
	char	first_error[256];
};

/* on_done() without Check's assertions: the child must not talk to Check */
static void
budget_done(void *arg, struct engine_result *res)
{
	struct done_arg *a = arg;

	if (a->seen->res[a->index] != NULL)
		_exit(208);		/* reported twice */
	a->seen->res[a->index] = res;
	a->seen->ndone++;
}

/* Takes descriptors until only `leave' can still be opened (a hungry neighbour). */
static void
budget_hog(int leave)
{
	int fds[4096], n = 0;

	while (n < 4096 && (fds[n] = dup(0)) >= 0)
		n++;
	while (leave-- > 0 && n > 0)
		close(fds[--n]);
}

/* No thread can start: the address space is capped below a thread's stack. */
static int
budget_no_threads(void)
{
	struct rlimit rl;
	long kb = 0;
	char line[128];
	FILE *fp = fopen("/proc/self/status", "r");

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "VmSize:", 7) == 0)
			kb = strtol(line + 7, NULL, 10);
	fclose(fp);
	rl.rlim_cur = rl.rlim_max = (rlim_t)(kb + 256) * 1024;
	return kb > 0 ? setrlimit(RLIMIT_AS, &rl) : -1;
}

static void
budget_tally(const struct budget_case *c, struct seen *seen,
    struct budget_report *rep)
{
	for (int i = 0; i < c->n; i++) {
		struct engine_result *r = seen->res[i];

		for (size_t k = 0; k < r->d.nwarnings; k++)
			if (strncmp(diag_nth(&r->d, DIAG_WARNING, k),
			    "Name resolution of", 18) == 0)
				rep->name_failed++;
		if (r->rc != 0) {
			if (rep->failures++ == 0)
				snprintf(rep->first_error,
				    sizeof(rep->first_error), "%s", r->d.error);
		} else if (!r->r.tcp_test_succeeded || (c->verbose &&
		    strcmp(r->r.interface_alias, "lo") != 0)) {
			rep->wrong++;	/* a wrong verdict: the worst bug */
		}
	}
}

static int
budget_child(const struct budget_case *c, int out)
{
	struct budget_report rep;
	struct tnc_options *o = calloc((size_t)c->n, sizeof(*o));
	struct done_arg *args = calloc((size_t)c->n, sizeof(*args));
	struct seen *seen = calloc(1, sizeof(*seen));
	struct rlimit rl;
	struct engine *e;
	char err[256], name[32];
	int fd;

	memset(&rep, 0, sizeof(rep));
	if (o == NULL || args == NULL || seen == NULL || c->n > MANY * 8)
		return 200;
	/* nothing of the test harness stays open: 0-2, and the pipe as 3 */
	if (dup2(out, 3) != 3)
		return 200;
	out = 3;
	for (fd = 4; fd < 1024; fd++)
		close(fd);
	rl.rlim_cur = rl.rlim_max = (rlim_t)(4 + c->extra);
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 201;
	e = engine_new(NULL, err, sizeof(err));
	if (e == NULL) {
		snprintf(rep.first_error, sizeof(rep.first_error), "%s", err);
		rep.failures = c->n;
		return write(out, &rep, sizeof(rep)) == sizeof(rep) ? 0 : 202;
	}
	rep.max_in_flight = engine_max_in_flight(e);
	if (rep.max_in_flight == 0)
		return 207;
	if (c->leave >= 0)
		budget_hog(c->leave);
	if (c->no_threads && budget_no_threads() != 0)
		return 209;
	for (int i = 0; i < c->n; i++) {
		snprintf(name, sizeof(name), "127.0.0.%d", i % 250 + 1);
		options(&o[i], c->name != NULL ? c->name : name, (int)c->port);
		if (!c->verbose)
			o[i].information_level = TNC_INFO_QUIET;
		args[i] = (struct done_arg){ seen, (size_t)i };
		if (engine_submit(e, &o[i], budget_done, &args[i]) == NULL)
			return 203;
	}
	while (engine_pending(e) > 0)
		if (engine_step(e, 1000, err, sizeof(err)) < 0)
			return 204;
	if (seen->ndone != (size_t)c->n)
		return 205;
	budget_tally(c, seen, &rep);
	engine_free(e);
	return write(out, &rep, sizeof(rep)) == sizeof(rep) ? 0 : 206;
}

static void
budget_run(const struct budget_case *c, struct budget_report *rep)
{
	int pfd[2], status;
	pid_t pid;

	ck_assert_int_eq(pipe(pfd), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(pfd[0]);
		_exit(budget_child(c, pfd[1]));
	}
	close(pfd[1]);
	ck_assert_int_eq(read(pfd[0], rep, sizeof(*rep)), (ssize_t)sizeof(*rep));
	close(pfd[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child status 0x%x", status);
}

/* One listener for all of 127.0.0.0/8. */
static int
any_listener(unsigned *port)
{
	struct sockaddr_in any = { .sin_family = AF_INET };
	socklen_t len = sizeof(any);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), on = 1;

	ck_assert_int_ge(fd, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	any.sin_addr.s_addr = htonl(INADDR_ANY);	/* reached on 127.x only */
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&any, sizeof(any)), 0);
	ck_assert_int_eq(listen(fd, 4096), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&any, &len), 0);
	*port = ntohs(any.sin_port);
	return fd;
}

/* Few descriptors: the in-flight limit comes from RLIMIT_NOFILE. */
START_TEST(test_budget_derived_limit)
{
	struct budget_report rep;
	unsigned port;
	int lfd = any_listener(&port);

	budget_run(&(struct budget_case){ .port = port, .n = 1, .extra = 64,
	    .verbose = false, .leave = -1 }, &rep);
	ck_assert_uint_lt(rep.max_in_flight, ENGINE_DEFAULT_CEILING);
	ck_assert_uint_ge(rep.max_in_flight, 1);
	budget_run(&(struct budget_case){ .port = port, .n = 1, .extra = 8,
	    .verbose = false, .leave = -1 }, &rep);
	ck_assert_uint_eq(rep.max_in_flight, 1);
	close(lfd);
}
END_TEST

/*
 * 200 targets, few descriptors, the default view (the echo beside each
 * connect wants an ICMP socket too): every open port reads True, none
 * False, none a machine failure.
 */
START_TEST(test_budget_200_targets)
{
	struct budget_report rep;
	unsigned port;
	int lfd = any_listener(&port);

	for (int extra = 6; extra <= 16; extra += 5) {
		budget_run(&(struct budget_case){ .port = port, .n = 200,
		    .extra = extra, .verbose = true, .leave = -1 }, &rep);
		ck_assert_msg(rep.wrong == 0, "%d open ports reported False with "
		    "%d descriptors to spare", rep.wrong, extra);
		ck_assert_msg(rep.failures == 0, "%d machine failures with %d "
		    "descriptors to spare: %s", rep.failures, extra,
		    rep.first_error);
	}
	budget_run(&(struct budget_case){ .port = port, .n = 200, .extra = 6,
	    .verbose = false, .leave = -1 }, &rep);
	ck_assert_int_eq(rep.wrong, 0);
	ck_assert_int_eq(rep.failures, 0);
	close(lfd);
}
END_TEST

/*
 * Many tests in flight (64 spare descriptors: the limit is 18), then a
 * neighbour takes all but a few: the tests wait for each other's sockets
 * (parked, retried when one is freed), the engine gives back its own idle
 * sockets (netlink, an ICMP socket no echo uses) when nothing else could
 * free one, and every open port still reads True, even with a single
 * descriptor left.  With none left, each test ends as a machine failure,
 * never as False.
 */
START_TEST(test_budget_shortage_parks)
{
	struct budget_report rep;
	unsigned port;
	int lfd = any_listener(&port);

	budget_run(&(struct budget_case){ .port = port, .n = 200, .extra = 64,
	    .verbose = true, .leave = 2 }, &rep);
	ck_assert_uint_gt(rep.max_in_flight, 8);
	ck_assert_msg(rep.wrong == 0, "%d open ports reported False", rep.wrong);
	ck_assert_msg(rep.failures == 0, "%d machine failures: %s",
	    rep.failures, rep.first_error);
	budget_run(&(struct budget_case){ .port = port, .n = 200, .extra = 64,
	    .verbose = false, .leave = 1 }, &rep);
	ck_assert_msg(rep.wrong == 0, "%d open ports reported False", rep.wrong);
	ck_assert_msg(rep.failures == 0, "%d machine failures: %s",
	    rep.failures, rep.first_error);
	budget_run(&(struct budget_case){ .port = port, .n = 20, .extra = 64,
	    .verbose = false, .leave = 0 }, &rep);
	ck_assert_int_eq(rep.wrong, 0);
	ck_assert_int_eq(rep.failures, 20);
	ck_assert_str_eq(rep.first_error, "cannot open a socket: Too many open "
	    "files (ulimit -n 68)");
	close(lfd);
}
END_TEST

/*
 * Room for the event loop and nothing else: no test can get a socket
 * and none is in flight to free one, so each ends as a machine failure
 * with a clear message: never False.
 */
START_TEST(test_budget_no_descriptor)
{
	struct budget_report rep;
	unsigned port;
	int lfd = any_listener(&port);
	static const char sock[] = "cannot open a socket: Too many open "
	    "files (ulimit -n ";
	static const char loop[] = "cannot create the event loop: Too many "
	    "open files (ulimit -n ";

	budget_run(&(struct budget_case){ .port = port, .n = 3, .extra = 1,
	    .verbose = false, .leave = -1 }, &rep);
	ck_assert_int_eq(rep.wrong, 0);
	ck_assert_int_eq(rep.failures, 3);
	ck_assert_msg(strncmp(rep.first_error, sock, strlen(sock)) == 0, "%s",
	    rep.first_error);
	/* and not even room for the loop: the engine says so */
	budget_run(&(struct budget_case){ .port = port, .n = 1, .extra = 0,
	    .verbose = false, .leave = -1 }, &rep);
	ck_assert_int_eq(rep.wrong, 0);
	ck_assert_int_eq(rep.failures, 1);
	ck_assert_msg(strncmp(rep.first_error, loop, strlen(loop)) == 0, "%s",
	    rep.first_error);
	close(lfd);
}
END_TEST

/* ---- the loop ---- */

struct fired {
	int	order[8];
	int	n;
};

struct tick {
	struct fired *f;
	int	id;
	struct loop *l;
	struct loop_timer t;
};

static void
tick_fire(void *arg)
{
	struct tick *k = arg;

	k->f->order[k->f->n++] = k->id;
}

/* Timers fire in due order; stopping one (from the middle of the heap) and re-arming work. */
START_TEST(test_loop_timers)
{
	struct loop *l = loop_new();
	struct fired f = { .n = 0 };
	struct tick k[5];
	static const int due[5] = { 60, 20, 40, 10, 50 };
	char err[128];
	double t0 = now_s();

	ck_assert_ptr_nonnull(l);
	for (int i = 0; i < 5; i++) {
		k[i] = (struct tick){ &f, i, l, { 0 } };
		loop_timer_init(&k[i].t, tick_fire, &k[i]);
		ck_assert_int_eq(loop_timer_start(l, &k[i].t, due[i]), 0);
	}
	loop_timer_stop(l, &k[2].t);			/* 40: gone */
	ck_assert(!loop_timer_armed(&k[2].t));
	ck_assert_int_eq(loop_timer_start(l, &k[4].t, 5), 0);	/* 50 -> 5 */
	while (f.n < 4 && now_s() - t0 < 2)
		ck_assert_int_eq(loop_run_once(l, -1, err, sizeof(err)), 0);
	ck_assert_int_eq(f.n, 4);
	ck_assert_int_eq(f.order[0], 4);
	ck_assert_int_eq(f.order[1], 3);
	ck_assert_int_eq(f.order[2], 1);
	ck_assert_int_eq(f.order[3], 0);
	ck_assert_msg(now_s() - t0 >= 0.055, "the 60 ms timer fired early");
	loop_free(l);
}
END_TEST

static void
rearm_fire(void *arg)
{
	struct tick *k = arg;

	k->f->n++;
	loop_timer_start(k->l, &k->t, 0);
}

/* A handler that re-arms itself at 0 ms runs once per pass: the loop cannot spin in it. */
START_TEST(test_loop_rearm_zero)
{
	struct loop *l = loop_new();
	struct fired f = { .n = 0 };
	struct tick k = { &f, 0, l, { 0 } };
	char err[128];

	loop_timer_init(&k.t, rearm_fire, &k);
	ck_assert_int_eq(loop_timer_start(l, &k.t, 0), 0);
	for (int pass = 1; pass <= 3; pass++) {
		ck_assert_int_eq(loop_run_once(l, 0, err, sizeof(err)), 0);
		ck_assert_int_eq(f.n, pass);
	}
	loop_timer_stop(l, &k.t);
	loop_free(l);
}
END_TEST

static void
pipe_ready(void *arg, int fd, unsigned events)
{
	char c;

	(void)fd;
	if ((events & LOOP_IN) && read(fd, &c, 1) == 1)
		(*(int *)arg)++;
}

/* A watched descriptor calls its handler; unwatched (or closed), it does not. */
START_TEST(test_loop_watch)
{
	struct loop *l = loop_new();
	int p[2], calls = 0;
	char err[128];

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(loop_watch(l, p[0], LOOP_IN, pipe_ready, &calls), 0);
	ck_assert_int_eq(write(p[1], "x", 1), 1);
	ck_assert_int_eq(loop_run_once(l, 1000, err, sizeof(err)), 0);
	ck_assert_int_eq(calls, 1);
	loop_unwatch(l, p[0]);
	ck_assert_int_eq(write(p[1], "y", 1), 1);
	ck_assert_int_eq(loop_run_once(l, 50, err, sizeof(err)), 0);
	ck_assert_int_eq(calls, 1);
	/* watched again after a close behind the loop's back: the same number works */
	ck_assert_int_eq(loop_watch(l, p[0], LOOP_IN, pipe_ready, &calls), 0);
	close(p[0]);
	ck_assert_int_eq(pipe(p), 0);		/* likely the same number again */
	ck_assert_int_eq(loop_watch(l, p[0], LOOP_IN, pipe_ready, &calls), 0);
	ck_assert_int_eq(write(p[1], "z", 1), 1);
	ck_assert_int_eq(loop_run_once(l, 1000, err, sizeof(err)), 0);
	ck_assert_int_eq(calls, 2);
	close(p[0]);
	close(p[1]);
	loop_free(l);
}
END_TEST

/*
 * A name the machine cannot look up is the machine's failure (exit 4),
 * never "Name resolution of X failed" (issue 9 item 11): no descriptor
 * for the resolver's eventfd, and no thread that can start.
 */
START_TEST(test_budget_name_lookup)
{
	struct budget_report rep;
	unsigned port;
	int lfd = any_listener(&port);

	/* room for the loop only */
	budget_run(&(struct budget_case){ .port = port, .n = 2, .extra = 1,
	    .leave = -1, .name = "localhost" }, &rep);
	ck_assert_int_eq(rep.failures, 2);
	ck_assert_int_eq(rep.name_failed, 0);
	ck_assert_str_eq(rep.first_error, "cannot resolve a name: Too many open "
	    "files (ulimit -n 5)");
	/* and with room enough, the same name resolves */
	budget_run(&(struct budget_case){ .port = port, .n = 2, .extra = 8,
	    .leave = -1, .name = "localhost" }, &rep);
	ck_assert_int_eq(rep.failures, 0);
	ck_assert_int_eq(rep.wrong, 0);
#ifndef __SANITIZE_ADDRESS__	/* ASan's shadow memory needs the address space */
	budget_run(&(struct budget_case){ .port = port, .n = 1, .extra = 16,
	    .leave = -1, .name = "localhost", .no_threads = true }, &rep);
	ck_assert_int_eq(rep.failures, 1);
	ck_assert_int_eq(rep.name_failed, 0);
	ck_assert_msg(strncmp(rep.first_error, "name resolution of localhost: "
	    "cannot start a resolver thread: ", 62) == 0, "%s",
	    rep.first_error);
#endif
	close(lfd);
}
END_TEST

static Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc_real = tcase_create("real");
	TCase *tc_cancel = tcase_create("cancel");
	TCase *tc_fake = tcase_create("fake");
	TCase *tc_budget = tcase_create("budget");
	TCase *tc_loop = tcase_create("loop");

	tcase_add_test(tc_real, test_many_mixed);
	tcase_add_test(tc_real, test_many_echoes);
	tcase_add_test(tc_real, test_route_diag_kind);
	tcase_add_test(tc_cancel, test_cancel);
	tcase_add_test(tc_cancel, test_free_busy);
	tcase_add_test(tc_fake, test_fake_out_of_order);
	tcase_add_test(tc_fake, test_fake_in_flight_limit);
	tcase_add_test(tc_fake, test_fake_failure);
	tcase_add_test(tc_budget, test_budget_derived_limit);
	tcase_add_test(tc_budget, test_budget_200_targets);
	tcase_add_test(tc_budget, test_budget_shortage_parks);
	tcase_add_test(tc_budget, test_budget_name_lookup);
	tcase_add_test(tc_budget, test_budget_no_descriptor);
	tcase_add_test(tc_loop, test_loop_timers);
	tcase_add_test(tc_loop, test_loop_rearm_zero);
	tcase_add_test(tc_loop, test_loop_watch);
	tcase_set_timeout(tc_real, 20);
	tcase_set_timeout(tc_cancel, 20);
	tcase_set_timeout(tc_budget, 60);
	suite_add_tcase(s, tc_real);
	suite_add_tcase(s, tc_cancel);
	suite_add_tcase(s, tc_fake);
	suite_add_tcase(s, tc_budget);
	suite_add_tcase(s, tc_loop);
	return s;
}

int
main(void)
{
	return check_run(engine_suite());
}
