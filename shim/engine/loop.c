/* loop.c: epoll and a timer min-heap, the engine's one event loop. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "engine/loop.h"

#define LOOP_EVENTS_MAX	256		/* events taken per epoll_wait */

struct loop_watch {
	loop_fd_fn fn;			/* NULL: not watched */
	void	*arg;
	bool	registered;		/* in the epoll set (as far as we know) */
};

struct loop {
	int	epfd;
	struct loop_watch *watch;	/* indexed by descriptor */
	size_t	nwatch;
	struct loop_timer **heap;	/* min-heap on (due_ms, seq) */
	uint64_t *seq;			/* seq[i]: arming order of heap[i] */
	size_t	nheap, capheap;
	uint64_t next_seq;
};

int64_t
loop_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct loop *
loop_new(void)
{
	struct loop *l = calloc(1, sizeof(*l));

	if (l == NULL)
		return NULL;
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0) {
		free(l);
		return NULL;
	}
	return l;
}

void
loop_free(struct loop *l)
{
	if (l == NULL)
		return;
	close(l->epfd);
	free(l->watch);
	free(l->heap);
	free(l->seq);
	free(l);
}

/* ---- descriptors ---- */

static uint32_t
loop_epoll_events(unsigned events)
{
	return ((events & LOOP_IN) ? EPOLLIN : 0) |
	    ((events & LOOP_OUT) ? EPOLLOUT : 0);
}

int
loop_watch(struct loop *l, int fd, unsigned events, loop_fd_fn fn, void *arg)
{
	struct epoll_event ev;
	struct loop_watch *w;
	int op;

	if (fd < 0) {
		errno = EBADF;
		return -1;
	}
	if ((size_t)fd >= l->nwatch) {
		size_t n = (size_t)fd + 64;
		struct loop_watch *grown = realloc(l->watch, n * sizeof(*grown));

		if (grown == NULL)
			return -1;
		memset(grown + l->nwatch, 0, (n - l->nwatch) * sizeof(*grown));
		l->watch = grown;
		l->nwatch = n;
	}
	w = &l->watch[fd];
	memset(&ev, 0, sizeof(ev));
	ev.events = loop_epoll_events(events);
	ev.data.fd = fd;
	/*
	 * A descriptor closed without loop_unwatch() left the epoll set by
	 * itself: our idea of "registered" may be stale either way.
	 */
	op = w->registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
	if (epoll_ctl(l->epfd, op, fd, &ev) != 0) {
		if (errno == ENOENT)
			op = EPOLL_CTL_ADD;
		else if (errno == EEXIST)
			op = EPOLL_CTL_MOD;
		else
			return -1;
		if (epoll_ctl(l->epfd, op, fd, &ev) != 0)
			return -1;
	}
	w->registered = true;
	w->fn = fn;
	w->arg = arg;
	return 0;
}

void
loop_unwatch(struct loop *l, int fd)
{
	struct loop_watch *w;

	if (fd < 0 || (size_t)fd >= l->nwatch)
		return;
	w = &l->watch[fd];
	if (w->registered)
		epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL);	/* EBADF: closed already */
	memset(w, 0, sizeof(*w));
}

/* ---- timers ---- */

void
loop_timer_init(struct loop_timer *t, loop_timer_fn fn, void *arg)
{
	memset(t, 0, sizeof(*t));
	t->fn = fn;
	t->arg = arg;
}

int
loop_timer_armed(const struct loop_timer *t)
{
	return t->slot != 0;
}

static bool
heap_less(const struct loop *l, size_t a, size_t b)
{
	if (l->heap[a]->due_ms != l->heap[b]->due_ms)
		return l->heap[a]->due_ms < l->heap[b]->due_ms;
	return l->seq[a] < l->seq[b];
}

static void
heap_swap(struct loop *l, size_t a, size_t b)
{
	struct loop_timer *t = l->heap[a];
	uint64_t s = l->seq[a];

	l->heap[a] = l->heap[b];
	l->seq[a] = l->seq[b];
	l->heap[b] = t;
	l->seq[b] = s;
	l->heap[a]->slot = a + 1;
	l->heap[b]->slot = b + 1;
}

static void
heap_up(struct loop *l, size_t i)
{
	while (i > 0 && heap_less(l, i, (i - 1) / 2)) {
		heap_swap(l, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
heap_down(struct loop *l, size_t i)
{
	for (;;) {
		size_t c = 2 * i + 1, m = i;

		if (c < l->nheap && heap_less(l, c, m))
			m = c;
		if (c + 1 < l->nheap && heap_less(l, c + 1, m))
			m = c + 1;
		if (m == i)
			return;
		heap_swap(l, i, m);
		i = m;
	}
}

void
loop_timer_stop(struct loop *l, struct loop_timer *t)
{
	struct loop_timer *moved;
	size_t i;

	if (t->slot == 0)
		return;
	i = t->slot - 1;
	t->slot = 0;
	l->nheap--;
	if (i == l->nheap)
		return;
	moved = l->heap[l->nheap];
	l->heap[i] = moved;
	l->seq[i] = l->seq[l->nheap];
	moved->slot = i + 1;
	heap_up(l, i);
	heap_down(l, moved->slot - 1);
}

int
loop_timer_start(struct loop *l, struct loop_timer *t, int64_t ms)
{
	loop_timer_stop(l, t);
	if (l->nheap == l->capheap) {
		size_t n = l->capheap ? l->capheap * 2 : 64;
		struct loop_timer **h = realloc(l->heap, n * sizeof(*h));
		uint64_t *s;

		if (h == NULL)
			return -1;
		l->heap = h;
		s = realloc(l->seq, n * sizeof(*s));
		if (s == NULL)
			return -1;
		l->seq = s;
		l->capheap = n;
	}
	t->due_ms = loop_now_ms() + (ms > 0 ? ms : 0);
	l->heap[l->nheap] = t;
	l->seq[l->nheap] = l->next_seq++;
	t->slot = ++l->nheap;
	heap_up(l, l->nheap - 1);
	return 0;
}

/*
 * Fires the timers that were due when this pass began, in (due, arming)
 * order.  One armed by a handler during the pass waits for the next pass,
 * so a handler that re-arms itself at 0 ms cannot spin here.
 */
static void
loop_fire_timers(struct loop *l)
{
	int64_t now = loop_now_ms();
	uint64_t seq_limit = l->next_seq;

	while (l->nheap > 0 && l->heap[0]->due_ms <= now &&
	    l->seq[0] < seq_limit) {
		struct loop_timer *t = l->heap[0];

		loop_timer_stop(l, t);
		t->fn(t->arg);
	}
}

int
loop_run_once(struct loop *l, long timeout_ms, char *err, size_t errlen)
{
	struct epoll_event ev[LOOP_EVENTS_MAX];
	int n, wait = timeout_ms < 0 ? -1 : (int)(timeout_ms > 86400000L ?
	    86400000L : timeout_ms);

	if (l->nheap > 0) {
		int64_t left = l->heap[0]->due_ms - loop_now_ms();

		if (left < 0)
			left = 0;
		if (wait < 0 || left < wait)
			wait = (int)left;
	}
	n = epoll_wait(l->epfd, ev, LOOP_EVENTS_MAX, wait);
	if (n < 0) {
		if (errno != EINTR) {
			snprintf(err, errlen, "epoll_wait: %s", strerror(errno));
			return -1;
		}
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		int fd = ev[i].data.fd;
		unsigned what = 0;
		struct loop_watch *w;

		if ((size_t)fd >= l->nwatch)
			continue;
		w = &l->watch[fd];
		if (w->fn == NULL)
			continue;	/* unwatched by an earlier handler */
		if (ev[i].events & EPOLLIN)
			what |= LOOP_IN;
		if (ev[i].events & EPOLLOUT)
			what |= LOOP_OUT;
		if (ev[i].events & (EPOLLERR | EPOLLHUP))
			what |= LOOP_ERR;
		w->fn(w->arg, fd, what);
	}
	loop_fire_timers(l);
	return 0;
}
