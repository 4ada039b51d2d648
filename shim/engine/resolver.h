#ifndef TNC_ENGINE_RESOLVER_H
#define TNC_ENGINE_RESOLVER_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/loop.h"
#include "engine/tnc_result.h"

/*
 * Asynchronous, bounded name lookups for the engine's loop: a small fixed
 * pool of threads runs getaddrinfo() (forward, AF_UNSPEC, SOCK_STREAM: one
 * entry per address, in the resolver's order) and getnameinfo()
 * (reverse, NI_NAMEREQD); answers come back through one eventfd that the
 * loop watches.  Each lookup is bounded by its own timeout: one stuck on a
 * dead DNS server is abandoned, and its thread finishes on its own.
 *
 * Why threads and not getaddrinfo_a() or c-ares: getaddrinfo_a() is
 * glibc-only (the static musl build has none) and runs one thread per
 * request anyway; c-ares reads resolv.conf and /etc/hosts itself and
 * skips NSS, so names from nsswitch sources (e.g. LDAP, systemd-resolved,
 * mdns) would resolve differently from getent and from every other
 * program on the machine.  getaddrinfo() on a few threads gives the
 * system's own answers, in its order, with glibc NSS and with musl.
 */

#define RESOLVER_THREADS	8	/* lookups running at once, at most */

enum resolve_status {
	RESOLVE_OK,			/* addrs (forward) or name (reverse) filled */
	RESOLVE_FAILED,			/* no such name, no address, no PTR name */
	RESOLVE_TIMED_OUT,		/* no answer within the bound: abandoned */
	RESOLVE_SHORT,			/* the machine ran short (EMFILE, ENOMEM...): sys_errno */
	RESOLVE_SYSTEM			/* another machine failure: why */
};

struct resolve_req;
typedef void (*resolve_done_fn)(void *arg, struct resolve_req *rq);

/* One lookup, embedded in its owner.  Results are the owner's to free (resolve_req_clear). */
struct resolve_req {
	enum resolve_status status;
	int	sys_errno;		/* RESOLVE_SHORT, RESOLVE_SYSTEM */
	char	why[160];		/* RESOLVE_SYSTEM: a sentence */
	struct tnc_address *addrs;	/* forward: malloc'd, naddrs entries */
	size_t	naddrs;
	char	*name;			/* reverse: malloc'd */
	/* private */
	struct resolver *res;
	struct resolver_job *job;	/* NULL: not in flight */
	struct loop_timer timer;
	resolve_done_fn done;
	void	*arg;
};

struct resolver;

/* Uses no descriptor and starts no thread until the first lookup. NULL: out of memory. */
struct resolver *resolver_new(struct loop *l);

/*
 * resolver_free()
 * Cancels what is in flight.  Threads stuck in a lookup finish on their
 * own and then let go of the pool.
 */
void	resolver_free(struct resolver *r);

/*
 * resolver_forward(), resolver_reverse()
 * Start a lookup of name (not an IP literal: the caller handles those) or
 * of a's PTR name, bounded by timeout_ms.  Return 0: done(arg, rq) will be
 * called once, from the loop, never from inside this call.  Return -1:
 * nothing started, and rq->status says why (RESOLVE_SHORT: no descriptor
 * or memory; RESOLVE_SYSTEM: no resolver thread could be started).
 */
int	resolver_forward(struct resolver *r, struct resolve_req *rq,
	    const char *name, long timeout_ms, resolve_done_fn done, void *arg);
int	resolver_reverse(struct resolver *r, struct resolve_req *rq,
	    const struct tnc_address *a, long timeout_ms, resolve_done_fn done,
	    void *arg);

/* Abandons a lookup in flight: done is not called. */
void	resolver_cancel(struct resolve_req *rq);

/* Cancels rq if in flight and frees its results. */
void	resolve_req_clear(struct resolve_req *rq);

#endif /* TNC_ENGINE_RESOLVER_H */
