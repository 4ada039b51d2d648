/* resolve.c: getaddrinfo with a time limit, .NET-style address text. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/resolve.h"

int
address_set(struct tnc_address *a, const struct sockaddr *sa, socklen_t len)
{
	memset(a, 0, sizeof(*a));
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&a->sa;

		memcpy(sin, sa, sizeof(*sin));
		sin->sin_port = 0;
		a->sa_len = sizeof(*sin);
		inet_ntop(AF_INET, &sin->sin_addr, a->text, sizeof(a->text));
		return 0;
	}
	if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&a->sa;
		size_t used;

		memcpy(sin6, sa, sizeof(*sin6));
		sin6->sin6_port = 0;
		sin6->sin6_flowinfo = 0;
		a->sa_len = sizeof(*sin6);
		inet_ntop(AF_INET6, &sin6->sin6_addr, a->text, sizeof(a->text));
		/* .NET prints the numeric scope id: "fe80::1%2" */
		used = strlen(a->text);
		if (sin6->sin6_scope_id != 0)
			snprintf(a->text + used, sizeof(a->text) - used, "%%%u",
			    (unsigned)sin6->sin6_scope_id);
		return 0;
	}
	return -1;
}

bool
address_equal(const struct tnc_address *a, const struct tnc_address *b)
{
	const struct sockaddr_in *a4, *b4;
	const struct sockaddr_in6 *a6, *b6;

	if (a->sa.ss_family != b->sa.ss_family)
		return false;
	if (a->sa.ss_family == AF_INET) {
		a4 = (const struct sockaddr_in *)&a->sa;
		b4 = (const struct sockaddr_in *)&b->sa;
		return a4->sin_addr.s_addr == b4->sin_addr.s_addr;
	}
	if (a->sa.ss_family == AF_INET6) {
		a6 = (const struct sockaddr_in6 *)&a->sa;
		b6 = (const struct sockaddr_in6 *)&b->sa;
		return memcmp(&a6->sin6_addr, &b6->sin6_addr,
		    sizeof(a6->sin6_addr)) == 0 &&
		    a6->sin6_scope_id == b6->sin6_scope_id;
	}
	return false;
}

/* Appends the distinct addresses of res to *out (n entries so far). */
static int
collect(struct addrinfo *res, struct tnc_address **out)
{
	struct tnc_address *v = NULL, *grown, a;
	int n = 0;

	for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		bool dup = false;

		if (address_set(&a, ai->ai_addr, ai->ai_addrlen) != 0)
			continue;
		for (int i = 0; i < n && !dup; i++)
			dup = address_equal(&v[i], &a);
		if (dup)
			continue;
		grown = realloc(v, (size_t)(n + 1) * sizeof(*v));
		if (grown == NULL) {
			free(v);
			*out = NULL;
			return -1;
		}
		v = grown;
		v[n++] = a;
	}
	if (n == 0) {
		free(v);
		v = NULL;
		n = -1;
	}
	*out = v;
	return n;
}

int
resolve_literal(const char *name, struct tnc_address *a)
{
	struct addrinfo hints, *res = NULL;
	char buf[TNC_ADDR_TEXT_LEN + 2];
	size_t len = strlen(name);
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST;
	if (len >= 2 && name[0] == '[' && name[len - 1] == ']') {
		/* "[::1]": .NET parses the bracketed form as IPv6 only */
		if (len - 2 >= sizeof(buf))
			return -1;
		memcpy(buf, name + 1, len - 2);
		buf[len - 2] = '\0';
		name = buf;
		hints.ai_family = AF_INET6;
	}
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return -1;
	rc = address_set(a, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return rc;
}

/*
 * One getaddrinfo() call in its own thread.  The job is shared by the
 * caller and the thread and freed by whichever lets go of it last, so a
 * caller that gave up waiting can return at once.
 */
struct gai_job {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int	refs;			/* 2 while both hold it */
	bool	done;
	int	rc;			/* getaddrinfo() result */
	struct addrinfo *res;
	char	name[];
};

static void
gai_job_release(struct gai_job *job)
{
	bool last;

	pthread_mutex_lock(&job->mu);
	last = --job->refs == 0;
	pthread_mutex_unlock(&job->mu);
	if (!last)
		return;
	if (job->res != NULL)
		freeaddrinfo(job->res);
	pthread_cond_destroy(&job->cv);
	pthread_mutex_destroy(&job->mu);
	free(job);
}

static void *
gai_thread(void *arg)
{
	struct gai_job *job = arg;
	struct addrinfo hints, *res = NULL;
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;	/* one entry per address */
	rc = getaddrinfo(job->name, NULL, &hints, &res);
	pthread_mutex_lock(&job->mu);
	job->rc = rc;
	job->res = rc == 0 ? res : NULL;
	job->done = true;
	pthread_cond_signal(&job->cv);
	pthread_mutex_unlock(&job->mu);
	gai_job_release(job);
	return NULL;
}

int
resolve_name(const char *name, double timeout_seconds,
    struct tnc_address **out)
{
	struct tnc_address lit;
	struct gai_job *job;
	pthread_condattr_t ca;
	pthread_attr_t ta;
	pthread_t tid;
	struct timespec until;
	struct addrinfo *res = NULL;
	int n;

	*out = NULL;
	if (resolve_literal(name, &lit) == 0) {
		*out = malloc(sizeof(**out));
		if (*out == NULL)
			return -1;
		**out = lit;
		return 1;
	}
	if (*name == '\0')
		return -1;
	job = calloc(1, sizeof(*job) + strlen(name) + 1);
	if (job == NULL)
		return -1;
	strcpy(job->name, name);
	job->refs = 2;
	pthread_mutex_init(&job->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&job->cv, &ca);
	pthread_condattr_destroy(&ca);

	pthread_attr_init(&ta);
	pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&tid, &ta, gai_thread, job) != 0) {
		pthread_attr_destroy(&ta);
		job->refs = 1;
		gai_job_release(job);
		return -1;
	}
	pthread_attr_destroy(&ta);

	if (!(timeout_seconds > 0))
		timeout_seconds = 0.001;
	if (timeout_seconds > 86400)
		timeout_seconds = 86400;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += (time_t)timeout_seconds;
	until.tv_nsec += (long)((timeout_seconds - (double)(time_t)timeout_seconds)
	    * 1e9);
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&job->mu);
	while (!job->done) {
		if (pthread_cond_timedwait(&job->cv, &job->mu, &until) ==
		    ETIMEDOUT)
			break;
	}
	if (job->done && job->rc == 0) {
		res = job->res;		/* ours now */
		job->res = NULL;
	}
	pthread_mutex_unlock(&job->mu);
	gai_job_release(job);
	if (res == NULL)
		return -1;
	n = collect(res, out);
	freeaddrinfo(res);
	return n;
}
