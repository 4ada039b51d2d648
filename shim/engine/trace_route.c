/* trace_route.c: Test-NetConnection -TraceRoute with TTL-limited echoes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/icmp_echo.h"
#include "engine/trace_route.h"

static long
trace_ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* PingReply -> the TraceRoute entry (spec 1.4 step 5). */
static void
trace_entry(const struct icmp_echo_result *res, int family, char *buf,
    size_t len)
{
	if (!res->reply_present) {
		snprintf(buf, len, "...");	/* SendPingAsync threw */
	} else if (res->status == TNC_PING_TIMED_OUT || res->from[0] == '\0') {
		/*
		 * Windows' reply Address is the zero address when no one
		 * answered (S5 25308305191 shows "0.0.0.0"); for IPv6 that is
		 * "::" (inferred: the same zero field, printed by IPAddress).
		 */
		snprintf(buf, len, "%s", family == AF_INET ? "0.0.0.0" : "::");
	} else {
		snprintf(buf, len, "%s", res->from);
	}
}

int
trace_route(const struct tnc_address *dst, int hops, long hop_timeout_ms,
    long budget_ms, const struct tnc_constraint *c, char ***out)
{
	struct icmp_echo_result res;
	struct timespec t0;
	char **v, entry[TNC_ADDR_TEXT_LEN];
	long left, to;
	int n = 0;

	*out = NULL;
	if (hops < 1)
		hops = 1;
	v = calloc((size_t)hops, sizeof(*v));
	if (v == NULL)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int ttl = 1; ttl <= hops; ttl++) {
		left = budget_ms - trace_ms_since(&t0);
		if (left <= 0)
			break;		/* the run's deadline: what is traced stays */
		to = hop_timeout_ms < left ? hop_timeout_ms : left;
		struct icmp_opts opts = { .con = c, .ttl = ttl };

		if (icmp_echo_opts(dst, to, &res, &opts) != 0)
			goto nomem;
		trace_entry(&res, dst->sa.ss_family, entry, sizeof(entry));
		v[n] = strdup(entry);
		if (v[n] == NULL)
			goto nomem;
		n++;
		if (res.reply_present && res.status == TNC_PING_SUCCESS)
			break;
	}
	*out = v;
	return n;
nomem:
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return -1;
}

bool
trace_incomplete(char *const *entries, size_t n, const struct tnc_address *dst)
{
	return n == 0 || strcmp(entries[n - 1], dst->text) != 0;
}
