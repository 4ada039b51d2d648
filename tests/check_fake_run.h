#ifndef TNC_TESTS_CHECK_FAKE_RUN_H
#define TNC_TESTS_CHECK_FAKE_RUN_H

/*
 * Shared by the Check suites that run whole scripts (runtime_run_script())
 * with the engine's fake in place of the network, so no packet is sent.
 *
 * The fake: "10.0.0.1" connects; any other IPv4 literal is filtered (TCP
 * and ping time out, as spec 3.5's host); "bad" does not resolve; with
 * -DiagnoseRouting "bad" does not resolve and 10.0.0.9 has no route.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "runtime/runtime.h"

/* tests the fake ran (a test may reset it) */
static int fake_calls __attribute__((unused));

/*
 * What a test can ask of the fake: a name whose test finishes late (so
 * results come back out of input order), a delay for every test, and a
 * watch on how far submission runs ahead of the output.
 */
struct fake_ctx {
	const char *slow;		/* this name finishes after slow_ms */
	long	slow_ms;
	long	all_ms;			/* every other test after this */
	FILE	*out;			/* stdout of the run, to count lines */
	char	**outbuf;
	size_t	*outlen;
	size_t	submitted, max_ahead;	/* tests started; started minus printed */
};

static inline size_t
lines_in(const char *s, size_t len)
{
	size_t n = 0, i;

	for (i = 0; s != NULL && i < len; i++)
		n += s[i] == '\n';
	return n;
}

/* -DiagnoseRouting: "bad" does not resolve; 10.0.0.9 has no route */
static inline int
fake_route(const struct tnc_options *o, struct route_diag *rd,
    struct tnc_diag *d)
{
	const char *name = o->computer_name;

	fake_calls++;
	memset(rd, 0, sizeof(*rd));
	rd->computer_name = strdup(name);
	rd->constrain_source = strdup("");
	if (strcmp(name, "bad") == 0) {
		diag_warn(d, "Name resolution of %s failed", name);
		return 0;
	}
	rd->resolved = true;
	snprintf(rd->remote_address, sizeof(rd->remote_address), "%s", name);
	if (strcmp(name, "10.0.0.9") == 0)
		return 0;
	snprintf(rd->selected_source, sizeof(rd->selected_source),
	    "10.0.0.100");
	rd->out_ifindex = 2;
	snprintf(rd->out_ifalias, sizeof(rd->out_ifalias), "eth0");
	rd->has_route = true;
	snprintf(rd->prefix, sizeof(rd->prefix), "0.0.0.0/0");
	snprintf(rd->next_hop, sizeof(rd->next_hop), "10.0.0.254");
	rd->succeeded = true;
	return 0;
}

static inline int
fake_run(void *ctx, const struct tnc_options *o, struct engine_result *res,
    long *delay_ms)
{
	struct fake_ctx *fc = ctx;
	struct tnc_result *r = &res->r;
	struct tnc_diag *d = &res->d;
	struct sockaddr_in *sin;
	const char *name = o->computer_name;
	size_t printed;

	*delay_ms = 0;
	if (fc != NULL) {
		*delay_ms = fc->slow != NULL && strcmp(name, fc->slow) == 0 ?
		    fc->slow_ms : fc->all_ms;
		if (fc->out != NULL) {
			fflush(fc->out);
			printed = lines_in(*fc->outbuf, *fc->outlen);
			if (++fc->submitted - printed > fc->max_ahead)
				fc->max_ahead = fc->submitted - printed;
		}
	}
	if (o->diagnose_routing) {
		res->is_route_diag = true;
		return fake_route(o, &res->rd, d);
	}
	fake_calls++;
	memset(r, 0, sizeof(*r));
	r->computer_name = strdup(name);
	r->remote_index = -1;
	if (strcmp(name, "bad") == 0) {
		diag_warn(d, "Name resolution of %s failed", name);
		return 0;
	}
	r->name_resolution_succeeded = true;
	r->resolved = calloc(1, sizeof(*r->resolved));
	r->nresolved = 1;
	r->remote_index = 0;
	sin = (struct sockaddr_in *)&r->resolved[0].sa;
	sin->sin_family = AF_INET;
	if (inet_pton(AF_INET, name, &sin->sin_addr) != 1)
		inet_pton(AF_INET, "10.9.9.9", &sin->sin_addr);	/* a name */
	r->resolved[0].sa_len = sizeof(*sin);
	inet_ntop(AF_INET, &sin->sin_addr, r->resolved[0].text,
	    sizeof(r->resolved[0].text));
	snprintf(r->interface_alias, sizeof(r->interface_alias), "eth0");
	snprintf(r->source_address, sizeof(r->source_address), "10.0.0.100");
	r->remote_port = (unsigned)o->port;
	if (o->port != 0 && strcmp(name, "10.0.0.1") == 0) {
		r->tcp_test_succeeded = true;
		return 0;
	}
	if (o->port != 0)
		diag_warn(d, "TCP connect to (%s : %d) failed", name, o->port);
	diag_warn(d, "Ping to %s failed with status: TimedOut", name);
	r->ping_reply_present = true;
	r->ping_status = TNC_PING_TIMED_OUT;
	return 0;
}

static const struct engine_config fake_engine __attribute__((unused)) = {
	.fake = fake_run
};
static const struct runtime_options fake_options __attribute__((unused)) = {
	.engine = &fake_engine
};

struct run_out {
	char	*out, *err, *both;	/* both: stdout and stderr as 2>&1 */
	int	status;
};

static inline void
run_script(const char *script, struct run_out *r)
{
	size_t lo, le, lb;
	FILE *o, *e, *b;

	memset(r, 0, sizeof(*r));
	o = open_memstream(&r->out, &lo);
	e = open_memstream(&r->err, &le);
	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_nonnull(e);
	r->status = runtime_run_script(script, o, e, &fake_options);
	fclose(o);
	fclose(e);
	b = open_memstream(&r->both, &lb);
	ck_assert_ptr_nonnull(b);
	runtime_run_script(script, b, b, &fake_options);
	fclose(b);
}

/*
 * One run with options ro (stdout and stderr apart); fc, if not NULL,
 * is the fake's context, watching stdout.
 */
static inline void
run_script_with(const char *script, const struct runtime_options *ro,
    struct fake_ctx *fc, struct run_out *r)
{
	size_t lo, le;
	FILE *o, *e;

	memset(r, 0, sizeof(*r));
	o = open_memstream(&r->out, &lo);
	e = open_memstream(&r->err, &le);
	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_nonnull(e);
	if (fc != NULL) {
		fc->out = o;
		fc->outbuf = &r->out;
		fc->outlen = &lo;
	}
	r->status = runtime_run_script(script, o, e, ro);
	if (fc != NULL)
		fc->out = NULL;
	fclose(o);
	fclose(e);
}

/* One run with fc as the fake's context (stdout only, watched). */
static inline void
run_script_ctx(const char *script, struct fake_ctx *fc, struct run_out *r)
{
	struct engine_config ec = { .fake = fake_run, .fake_ctx = fc };
	struct runtime_options ro = { .engine = &ec };

	run_script_with(script, &ro, fc, r);
}

static inline void
run_free(struct run_out *r)
{
	free(r->out);
	free(r->err);
	free(r->both);
}

#endif /* TNC_TESTS_CHECK_FAKE_RUN_H */
