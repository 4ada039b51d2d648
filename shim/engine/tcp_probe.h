#ifndef TNC_ENGINE_TCP_PROBE_H
#define TNC_ENGINE_TCP_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "engine/constraint.h"
#include "engine/loop.h"
#include "engine/tnc_result.h"

/*
 * The TCP test, through libcurl: one multi handle for all attempts of a
 * run, one easy handle per attempt, "telnet://" (a plain scheme: https
 * would add a TLS handshake) with CURLOPT_CONNECT_ONLY, the address
 * literal in the URL so libcurl never resolves anything itself (and no
 * CURLOPT_RESOLVE entry piles up in the multi handle's shared DNS cache),
 * and CURLOPT_PROXY "" so proxy variables in the environment cannot fake
 * a success (style.md 8).
 */

enum tcp_outcome {
	TCP_NOT_TRIED,			/* run deadline reached before it started */
	TCP_CONNECTED,
	TCP_REFUSED,			/* ECONNREFUSED: RST, or nothing listening */
	TCP_TIMED_OUT,			/* no answer within the timeout */
	TCP_UNREACHABLE,		/* EHOSTUNREACH/ENETUNREACH/ICMP error */
	TCP_FAILED			/* anything else: see curl_code/os_errno */
};

/* What one connect attempt gave, with what the failure details need. */
struct tcp_attempt {
	enum tcp_outcome outcome;
	int	curl_code;		/* CURLcode; 0 on success */
	int	os_errno;		/* CURLINFO_OS_ERRNO; 0 on success */
	char	local_ip[TNC_ADDR_TEXT_LEN];	/* CURLINFO_LOCAL_IP, copied; "" on failure */
	long	local_port;
	long	elapsed_ms;		/* from start to the end of the attempt */
	long	timeout_ms;		/* the bound this attempt was given */
	/* the ICMP error that ended it, from the socket's error queue */
	bool	icmp;			/* one was queued */
	int	icmp_family;		/* AF_INET: ICMP, AF_INET6: ICMPv6 */
	int	icmp_type, icmp_code;
	char	icmp_from[TNC_ADDR_TEXT_LEN];	/* who sent it; "" if unknown */
	int	bind_errno;		/* the constraint could not be applied */
	int	short_errno;		/* EMFILE, ENFILE, ENOBUFS, ENOMEM, or
					   EADDRNOTAVAIL with no local port left:
					   the machine's failure, not the target's */
};

/*
 * tcp_attempt_describe()
 * A short sentence on why a failed attempt failed, for the "tnc: " note
 * after the cmdlet's warning: "connection refused (TCP reset)",
 * "no answer within 1 s (filtered?)", "ICMP administratively prohibited
 * from 198.18.1.1", "host unreachable (ICMP from 198.18.1.1)", ...
 * Never names a result property.  Returns buf.
 */
char	*tcp_attempt_describe(const struct tcp_attempt *a, char *buf,
	    size_t len);

struct tcp_pool;
struct tcp_conn;

typedef void (*tcp_done_fn)(void *arg, struct tcp_conn *c);

/* One attempt, embedded in its owner; zeroed before its first start. */
struct tcp_conn {
	struct tcp_attempt at;		/* the outcome, when done is called */
	/* private */
	struct tcp_pool *pool;
	void	*easy;			/* CURL *; NULL: not in flight */
	struct tcp_attempt why;		/* icmp*, bind_errno, gathered by callbacks */
	int	open_errno;		/* socket() failed with this */
	unsigned nsockets;		/* open, from the open callback's count */
	int	family;			/* of the socket libcurl asked for */
	bool	constrained;
	struct tnc_constraint con;
	struct tnc_address to;		/* the target, port 0 */
	struct timespec started;
	long	timeout_ms;
	tcp_done_fn done;
	void	*arg;
};

/*
 * tcp_pool_new()
 * One libcurl multi handle for every attempt of a run, driven through
 * curl_multi_socket_action() by l: its sockets are watched there and its
 * timer is one of l's.  released(ctx) is called (from inside libcurl: it
 * must not start attempts) each time an attempt's socket is closed.
 * Initialises libcurl once per process.  Returns NULL with a sentence in
 * err on failure.
 */
struct tcp_pool *tcp_pool_new(struct loop *l, void (*released)(void *ctx),
	    void *ctx, char *err, size_t errlen);

/* Every attempt must have finished or been cancelled. */
void	tcp_pool_free(struct tcp_pool *p);

/* Sockets the pool's attempts hold open right now. */
unsigned tcp_pool_sockets(const struct tcp_pool *p);

/*
 * tcp_conn_start()
 * Starts a connect to a:port bounded by timeout_ms, its socket bound as
 * con says (NULL: not), and has libcurl open that socket at once.
 * done(arg, c) is called once, from the loop, with c->at filled; when
 * c->at.short_errno is set, the attempt never ran for lack of a descriptor
 * or memory (not the target's failure: try it again later).  Returns 0,
 * or -1 with a sentence in err (libcurl could not take it).
 */
int	tcp_conn_start(struct tcp_pool *p, struct tcp_conn *c,
	    const struct tnc_address *a, unsigned port, long timeout_ms,
	    const struct tnc_constraint *con, tcp_done_fn done, void *arg,
	    char *err, size_t errlen);

/* Whether c is in flight. */
bool	tcp_conn_busy(const struct tcp_conn *c);

/* Abandons c (the run's deadline), filling *out as timed out; done is not called. */
void	tcp_conn_cancel(struct tcp_conn *c, struct tcp_attempt *out);

#endif /* TNC_ENGINE_TCP_PROBE_H */
