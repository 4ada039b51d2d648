/* resolver.c: getaddrinfo/getnameinfo on a small thread pool, answers via an eventfd. */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "engine/budget.h"
#include "engine/resolve.h"
#include "engine/resolver.h"

#define RESOLVER_STACK	(512 * 1024)	/* NSS modules need some; 8 MiB is waste */

/*
 * A lookup.  The engine's thread owns req; the pool's mutex guards the
 * rest while the job is queued or running.
 */
struct resolver_job {
	struct resolver_job *next;
	struct resolve_req *req;	/* engine thread only; NULL: abandoned */
	bool	cancelled;		/* under mu: skip it if not started */
	bool	reverse;
	struct tnc_address addr;	/* reverse: whose name */
	/* the answer, written by the worker */
	enum resolve_status status;
	int	sys_errno;
	struct tnc_address *addrs;
	size_t	naddrs;
	char	*rname;
	char	name[];			/* forward: the name */
};

/*
 * What the engine and the workers share.  Freed by whoever lets go last:
 * the engine (resolver_free) or the last worker to finish, so a worker
 * stuck in a lookup can outlive the engine.
 */
struct resolver_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct resolver_job *qhead, *qtail;	/* waiting for a worker */
	struct resolver_job *dhead, *dtail;	/* answered, for the engine */
	unsigned nthreads, idle, nqueued;
	int	refs;			/* 1 (the engine) + nthreads */
	int	efd;			/* written under mu unless closed */
	bool	closed;			/* the engine let go */
};

struct resolver {
	struct loop *loop;
	struct resolver_pool *pool;
};

static void
job_free(struct resolver_job *job)
{
	free(job->addrs);
	free(job->rname);
	free(job);
}

static void
pool_destroy(struct resolver_pool *p)
{
	struct resolver_job *job;

	while ((job = p->qhead) != NULL) {
		p->qhead = job->next;
		job_free(job);
	}
	while ((job = p->dhead) != NULL) {
		p->dhead = job->next;
		job_free(job);
	}
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

/* Drops one reference (mu held); frees the pool when it was the last. */
static void
pool_release_locked(struct resolver_pool *p)
{
	bool last = --p->refs == 0;

	pthread_mutex_unlock(&p->mu);
	if (last)
		pool_destroy(p);
}

/* getaddrinfo's and getnameinfo's codes -> what they mean to a test */
static void
job_classify(struct resolver_job *job, int rc, int saved_errno)
{
	if (rc == EAI_MEMORY) {
		job->status = RESOLVE_SHORT;
		job->sys_errno = ENOMEM;
	} else if (rc == EAI_SYSTEM) {
		job->sys_errno = saved_errno;
		job->status = budget_short(saved_errno) ? RESOLVE_SHORT :
		    RESOLVE_SYSTEM;
	} else {
		job->status = RESOLVE_FAILED;	/* EAI_NONAME, EAI_AGAIN, ... */
	}
}

static void
job_run(struct resolver_job *job)
{
	struct addrinfo hints, *res = NULL;
	char host[NI_MAXHOST];
	int rc, n;

	if (job->reverse) {
		rc = getnameinfo((const struct sockaddr *)&job->addr.sa,
		    job->addr.sa_len, host, sizeof(host), NULL, 0, NI_NAMEREQD);
		if (rc != 0) {
			job_classify(job, rc, errno);
			return;
		}
		job->rname = strdup(host);
		job->status = job->rname != NULL ? RESOLVE_OK : RESOLVE_SHORT;
		job->sys_errno = job->rname != NULL ? 0 : ENOMEM;
		return;
	}
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;	/* one entry per address */
	rc = getaddrinfo(job->name, NULL, &hints, &res);
	if (rc != 0) {
		job_classify(job, rc, errno);
		return;
	}
	n = address_list(res, &job->addrs);
	freeaddrinfo(res);
	if (n < 0) {
		job->status = RESOLVE_SHORT;
		job->sys_errno = ENOMEM;
	} else {
		job->naddrs = (size_t)n;
		job->status = n > 0 ? RESOLVE_OK : RESOLVE_FAILED;
	}
}

static void *
resolver_worker(void *arg)
{
	struct resolver_pool *p = arg;
	struct resolver_job *job;
	uint64_t one = 1;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		p->idle++;
		while (!p->closed && p->qhead == NULL)
			pthread_cond_wait(&p->cv, &p->mu);
		p->idle--;
		if ((job = p->qhead) == NULL)
			break;		/* closed, nothing left */
		p->qhead = job->next;
		if (p->qhead == NULL)
			p->qtail = NULL;
		p->nqueued--;
		if (job->cancelled) {
			job_free(job);
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		job_run(job);
		pthread_mutex_lock(&p->mu);
		job->next = NULL;
		if (p->dtail != NULL)
			p->dtail->next = job;
		else
			p->dhead = job;
		p->dtail = job;
		/* under mu: the engine closes efd under mu too */
		if (!p->closed && write(p->efd, &one, sizeof(one)) < 0) {
			/* the counter is never near overflow: nothing to do */
		}
	}
	p->nthreads--;
	pool_release_locked(p);
	return NULL;
}

/* Delivers one answer to its request (if it still wants it). */
static void
resolver_deliver(struct resolver_job *job)
{
	struct resolve_req *rq = job->req;

	if (rq == NULL) {
		job_free(job);
		return;
	}
	loop_timer_stop(rq->res->loop, &rq->timer);
	rq->job = NULL;
	rq->status = job->status;
	rq->sys_errno = job->sys_errno;
	if (job->status == RESOLVE_SYSTEM)
		snprintf(rq->why, sizeof(rq->why), "%s", strerror(job->sys_errno));
	rq->addrs = job->addrs;
	rq->naddrs = job->naddrs;
	rq->name = job->rname;
	job->addrs = NULL;
	job->rname = NULL;
	job_free(job);
	rq->done(rq->arg, rq);
}

static void
resolver_on_efd(void *arg, int fd, unsigned events)
{
	struct resolver *r = arg;
	struct resolver_pool *p = r->pool;
	struct resolver_job *list, *next;
	uint64_t count;

	(void)events;
	if (read(fd, &count, sizeof(count)) < 0) {
		/* EAGAIN: a spurious wake-up; the list below is empty then */
	}
	pthread_mutex_lock(&p->mu);
	list = p->dhead;
	p->dhead = p->dtail = NULL;
	pthread_mutex_unlock(&p->mu);
	for (; list != NULL; list = next) {
		next = list->next;
		resolver_deliver(list);
	}
}

struct resolver *
resolver_new(struct loop *l)
{
	struct resolver *r = calloc(1, sizeof(*r));
	struct resolver_pool *p = calloc(1, sizeof(*p));

	if (r == NULL || p == NULL) {
		free(r);
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	p->refs = 1;
	p->efd = -1;
	r->loop = l;
	r->pool = p;
	return r;
}

void
resolver_free(struct resolver *r)
{
	struct resolver_pool *p;
	struct resolver_job *job, *next;

	if (r == NULL)
		return;
	p = r->pool;
	pthread_mutex_lock(&p->mu);
	p->closed = true;
	if (p->efd >= 0) {
		loop_unwatch(r->loop, p->efd);
		close(p->efd);
		p->efd = -1;
	}
	/* requests still in flight are abandoned; queued jobs go now */
	for (job = p->qhead; job != NULL; job = next) {
		next = job->next;
		if (job->req != NULL)
			job->req->job = NULL;
		job_free(job);
	}
	p->qhead = p->qtail = NULL;
	p->nqueued = 0;
	for (job = p->dhead; job != NULL; job = job->next)
		if (job->req != NULL)
			job->req->job = NULL;
	pthread_cond_broadcast(&p->cv);
	pool_release_locked(p);
	free(r);
}

/* The request's bound: the lookup is abandoned. */
static void
resolver_on_timeout(void *arg)
{
	struct resolve_req *rq = arg;

	resolver_cancel(rq);
	rq->status = RESOLVE_TIMED_OUT;
	rq->done(rq->arg, rq);
}

/* Creates the eventfd on first use.  Returns 0, or -1 with rq's status set. */
static int
resolver_open(struct resolver *r, struct resolve_req *rq)
{
	struct resolver_pool *p = r->pool;
	int fd;

	if (p->efd >= 0)
		return 0;
	fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (fd < 0 || loop_watch(r->loop, fd, LOOP_IN, resolver_on_efd, r) != 0) {
		rq->sys_errno = errno;
		rq->status = budget_short(errno) ? RESOLVE_SHORT : RESOLVE_SYSTEM;
		snprintf(rq->why, sizeof(rq->why), "cannot create the resolver's "
		    "descriptor: %s", strerror(rq->sys_errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	pthread_mutex_lock(&p->mu);
	p->efd = fd;
	pthread_mutex_unlock(&p->mu);
	return 0;
}

/*
 * Starts a worker when the queued jobs outnumber the idle ones (mu held).
 * Returns 0, or the pthread_create error when no worker exists at all.
 */
static int
resolver_spawn_locked(struct resolver_pool *p)
{
	pthread_attr_t ta;
	pthread_t tid;
	int rc;

	if (p->nqueued <= p->idle || p->nthreads >= RESOLVER_THREADS)
		return 0;
	pthread_attr_init(&ta);
	pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&ta, RESOLVER_STACK);
	p->nthreads++;
	p->refs++;
	rc = pthread_create(&tid, &ta, resolver_worker, p);
	pthread_attr_destroy(&ta);
	if (rc == 0)
		return 0;
	p->nthreads--;
	p->refs--;
	return p->nthreads == 0 ? rc : 0;	/* else a running worker takes it */
}

static int
resolver_submit(struct resolver *r, struct resolve_req *rq,
    struct resolver_job *job, long timeout_ms, resolve_done_fn done,
    void *arg)
{
	struct resolver_pool *p = r->pool;
	int rc;

	rq->res = r;
	rq->done = done;
	rq->arg = arg;
	if (resolver_open(r, rq) != 0) {
		job_free(job);
		return -1;
	}
	job->req = rq;
	pthread_mutex_lock(&p->mu);
	if (p->qtail != NULL)
		p->qtail->next = job;
	else
		p->qhead = job;
	p->qtail = job;
	p->nqueued++;
	rc = resolver_spawn_locked(p);
	if (rc != 0) {
		/* no thread at all: take the job back out (it is the only one) */
		p->qhead = p->qtail = NULL;
		p->nqueued = 0;
		pthread_mutex_unlock(&p->mu);
		job_free(job);
		rq->status = RESOLVE_SYSTEM;
		rq->sys_errno = rc;
		snprintf(rq->why, sizeof(rq->why), "cannot start a resolver "
		    "thread: %s", strerror(rc));
		return -1;
	}
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
	rq->job = job;
	loop_timer_init(&rq->timer, resolver_on_timeout, rq);
	if (loop_timer_start(r->loop, &rq->timer, timeout_ms) != 0) {
		resolver_cancel(rq);
		rq->status = RESOLVE_SHORT;
		rq->sys_errno = ENOMEM;
		return -1;
	}
	return 0;
}

static void
resolve_req_reset(struct resolve_req *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->status = RESOLVE_SHORT;
	rq->sys_errno = ENOMEM;
}

int
resolver_forward(struct resolver *r, struct resolve_req *rq, const char *name,
    long timeout_ms, resolve_done_fn done, void *arg)
{
	size_t len = strlen(name);
	struct resolver_job *job;

	resolve_req_reset(rq);
	job = calloc(1, sizeof(*job) + len + 1);
	if (job == NULL)
		return -1;
	memcpy(job->name, name, len + 1);
	return resolver_submit(r, rq, job, timeout_ms, done, arg);
}

int
resolver_reverse(struct resolver *r, struct resolve_req *rq,
    const struct tnc_address *a, long timeout_ms, resolve_done_fn done,
    void *arg)
{
	struct resolver_job *job;

	resolve_req_reset(rq);
	job = calloc(1, sizeof(*job) + 1);
	if (job == NULL)
		return -1;
	job->reverse = true;
	job->addr = *a;
	return resolver_submit(r, rq, job, timeout_ms, done, arg);
}

void
resolver_cancel(struct resolve_req *rq)
{
	struct resolver_job *job = rq->job;
	struct resolver_pool *p;

	if (job == NULL)
		return;
	p = rq->res->pool;
	loop_timer_stop(rq->res->loop, &rq->timer);
	pthread_mutex_lock(&p->mu);
	job->cancelled = true;		/* a worker that has not begun skips it */
	job->req = NULL;		/* one that has: the answer is dropped */
	pthread_mutex_unlock(&p->mu);
	rq->job = NULL;
}

void
resolve_req_clear(struct resolve_req *rq)
{
	resolver_cancel(rq);
	free(rq->addrs);
	free(rq->name);
	rq->addrs = NULL;
	rq->naddrs = 0;
	rq->name = NULL;
}
