/*
 * engine_bench: many Test-NetConnection tests on one engine, for the
 * benchmark and by hand (loopback only).
 *
 *   engine_bench -n N -p PORT [-f FIRST] [-t SECONDS] [-j IN_FLIGHT] [-v] [-l]
 *
 * Tests N targets on 127.0.0.0/8 from FIRST (default 127.0.0.1) upwards,
 * each address once, port PORT, -InformationLevel Quiet (-v: the default
 * view, with the echo beside each connect), -TimeoutSeconds SECONDS
 * (default 1), at most IN_FLIGHT at once (default: the engine's own).
 * Keeps no more than the in-flight limit plus a window of tests
 * submitted, as a streaming runtime would.  Prints one line:
 *
 *   n=N ok=A failed=B machine=C in_flight=L wall_s=W cpu_s=U+S maxrss_kb=R
 *
 * -l adds, every 10,000 tests, the RSS so far (growth over many attempts).
 * Exit status: 0 when every test ran (whatever its outcome), 4 otherwise.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "engine/engine.h"

struct tally {
	size_t	ok, failed, machine, done;
	char	first_error[256];
	bool	rss_log;
};

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long
rss_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *fp = fopen("/proc/self/status", "r");

	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(fp);
	return kb;
}

static void
on_done(void *arg, struct engine_result *res)
{
	struct tally *t = arg;

	if (res->rc != 0) {
		if (t->machine++ == 0)
			snprintf(t->first_error, sizeof(t->first_error), "%s",
			    res->d.error);
	} else if (res->r.remote_port != 0 ? res->r.tcp_test_succeeded :
	    res->r.ping_succeeded) {
		t->ok++;
	} else {
		t->failed++;
	}
	if (t->rss_log && ++t->done % 10000 == 0)
		fprintf(stderr, "after %zu tests: rss_kb=%ld\n", t->done, rss_kb());
	engine_result_free(res);
	free(res);
}

/* The i-th target after first, as dotted text (127.x.y.z, never leaving 127/8). */
static void
target(uint32_t first, size_t i, char *buf, size_t len)
{
	struct in_addr a = { htonl(first + (uint32_t)i) };

	inet_ntop(AF_INET, &a, buf, (socklen_t)len);
}

int
main(int argc, char **argv)
{
	struct engine_config cfg = { 0 };
	struct tnc_options o;
	struct tally tally = { 0 };
	struct in_addr first = { htonl(0x7f000001) };
	struct rusage ru;
	struct engine *e;
	size_t n = 0, next = 0, window;
	unsigned port = 0;
	double timeout = 1, t0;
	bool verbose = false;
	char err[256], name[INET_ADDRSTRLEN];
	int c;

	while ((c = getopt(argc, argv, "n:p:f:t:j:vl")) != -1) {
		switch (c) {
		case 'n': n = strtoul(optarg, NULL, 10); break;
		case 'p': port = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'f': inet_pton(AF_INET, optarg, &first); break;
		case 't': timeout = strtod(optarg, NULL); break;
		case 'j': cfg.max_in_flight = (unsigned)strtoul(optarg, NULL, 10); break;
		case 'v': verbose = true; break;
		case 'l': tally.rss_log = true; break;
		default:
			fprintf(stderr, "usage: engine_bench -n N -p PORT [-f FIRST] "
			    "[-t SECONDS] [-j IN_FLIGHT] [-v] [-l]\n");
			return 3;
		}
	}
	if ((ntohl(first.s_addr) >> 24) != 127 ||
	    (ntohl(first.s_addr) & 0xffffff) + n > 0xffffff) {
		fprintf(stderr, "engine_bench: the targets must stay in 127.0.0.0/8\n");
		return 3;
	}
	e = engine_new(&cfg, err, sizeof(err));
	if (e == NULL) {
		fprintf(stderr, "engine_bench: %s\n", err);
		return 4;
	}
	window = 2 * (size_t)engine_max_in_flight(e);
	tnc_options_init(&o);
	o.port = (int)port;
	o.timeout_seconds = timeout;
	o.information_level = verbose ? TNC_INFO_STANDARD : TNC_INFO_QUIET;
	t0 = now_s();
	while (next < n || engine_pending(e) > 0) {
		/* keep the in-flight limit busy and a window queued, no more */
		while (next < n && engine_pending(e) < window) {
			free(o.computer_name);
			target(ntohl(first.s_addr), next++, name, sizeof(name));
			o.computer_name = strdup(name);
			if (o.computer_name == NULL ||
			    engine_submit(e, &o, on_done, &tally) == NULL) {
				fprintf(stderr, "engine_bench: out of memory\n");
				return 4;
			}
		}
		if (engine_step(e, -1, err, sizeof(err)) < 0) {
			fprintf(stderr, "engine_bench: %s\n", err);
			return 4;
		}
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("n=%zu ok=%zu failed=%zu machine=%zu in_flight=%u wall_s=%.3f "
	    "cpu_s=%.3f+%.3f maxrss_kb=%ld\n", n, tally.ok, tally.failed,
	    tally.machine, engine_max_in_flight(e), now_s() - t0,
	    (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6,
	    ru.ru_maxrss);
	if (tally.machine > 0)
		fprintf(stderr, "engine_bench: %zu machine failures, the first: "
		    "%s\n", tally.machine, tally.first_error);
	engine_free(e);
	tnc_options_free(&o);
	return tally.machine > 0 ? 4 : 0;
}
