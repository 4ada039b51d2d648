#ifndef TNC_ENGINE_LOOP_H
#define TNC_ENGINE_LOOP_H

#include <stddef.h>
#include <stdint.h>

/*
 * The engine's event loop: one epoll descriptor for every socket of a run
 * (libcurl's, the ICMP sockets, the resolver's completion descriptor) and
 * one min-heap of timers (attempt timeouts, echo timeouts, run deadlines,
 * libcurl's own timer).  Single-threaded: everything here runs in the
 * thread that calls loop_run_once().
 *
 * Watches are kept in a table indexed by descriptor, not by pointer, so a
 * descriptor closed and reused within one batch of events at worst gets a
 * spurious wake-up (every handler reads without blocking).
 */

#define LOOP_IN		0x1u
#define LOOP_OUT	0x2u
#define LOOP_ERR	0x4u		/* error or hang-up: reported, never asked for */

typedef void (*loop_fd_fn)(void *arg, int fd, unsigned events);
typedef void (*loop_timer_fn)(void *arg);

/* A timer, embedded in whoever owns it; zero it (or loop_timer_init) before use. */
struct loop_timer {
	int64_t	due_ms;			/* loop_now_ms() time it fires */
	size_t	slot;			/* index in the heap + 1; 0: not armed */
	loop_timer_fn fn;
	void	*arg;
};

struct loop;

/*
 * loop_new()
 * Returns a loop, or NULL with errno set (EMFILE when no descriptor is left
 * for epoll, ENOMEM).
 */
struct loop *loop_new(void);
void	loop_free(struct loop *l);	/* closes only its epoll descriptor */

/* Monotonic milliseconds. */
int64_t	loop_now_ms(void);

/*
 * loop_watch()
 * Calls fn(arg, fd, events) when fd is ready for what events (LOOP_IN,
 * LOOP_OUT) asks; a second call for the same fd replaces the first.
 * Returns 0, or -1 with errno set.
 */
int	loop_watch(struct loop *l, int fd, unsigned events, loop_fd_fn fn,
	    void *arg);

/* Stops watching fd (before or after it was closed). */
void	loop_unwatch(struct loop *l, int fd);

void	loop_timer_init(struct loop_timer *t, loop_timer_fn fn, void *arg);

/*
 * loop_timer_start()
 * Arms t to fire once, ms milliseconds from now (0: in this pass or the
 * next), replacing any earlier arming.  Returns 0, or -1 when out of
 * memory (the heap could not grow).
 */
int	loop_timer_start(struct loop *l, struct loop_timer *t, int64_t ms);

void	loop_timer_stop(struct loop *l, struct loop_timer *t);

/* Whether t is armed. */
int	loop_timer_armed(const struct loop_timer *t);

/*
 * loop_run_once()
 * Waits at most timeout_ms (-1: no bound but the next timer) for events,
 * calls the handlers of ready descriptors, then the timers that are due.
 * Returns 0, or -1 with a sentence in err when epoll itself failed.
 */
int	loop_run_once(struct loop *l, long timeout_ms, char *err,
	    size_t errlen);

#endif /* TNC_ENGINE_LOOP_H */
