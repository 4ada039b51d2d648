#ifndef TNC_ENGINE_TCP_PROBE_H
#define TNC_ENGINE_TCP_PROBE_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/constraint.h"
#include "engine/tnc_result.h"

/*
 * The TCP test, through libcurl: one multi handle per probe, one easy
 * handle per attempt, "telnet://" (a plain scheme: https would add a TLS
 * handshake) with CURLOPT_CONNECT_ONLY, the address pinned so libcurl never
 * resolves anything itself, and CURLOPT_PROXY "" so proxy variables in the
 * environment cannot fake a success (style.md 8).
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

struct tcp_probe;

/*
 * tcp_probe_new()
 * Initialises libcurl (curl_global_init, paired with the cleanup in
 * tcp_probe_free()) and a multi handle.  Returns NULL with a sentence in
 * err on failure.
 */
struct tcp_probe *tcp_probe_new(char *err, size_t errlen);

/*
 * tcp_probe_constrain()
 * Binds the sockets of later attempts as c says (copied; NULL: none).
 */
void	tcp_probe_constrain(struct tcp_probe *p, const struct tnc_constraint *c);

/*
 * tcp_probe_start()
 * Starts a connect to a:port bounded by timeout_ms; at most one attempt is
 * in flight per probe.  Returns 0, or -1 with a sentence in err.
 */
int	tcp_probe_start(struct tcp_probe *p, const struct tnc_address *a,
	    unsigned port, long timeout_ms, char *err, size_t errlen);

/*
 * tcp_probe_wait()
 * Waits up to timeout_ms for the attempt in flight or for one of the extra
 * descriptors (their revents are filled in), then lets libcurl progress.
 * Works with no attempt in flight too (plain poll).  Returns 0, or -1 with
 * a sentence in err.
 */
int	tcp_probe_wait(struct tcp_probe *p, struct pollfd *extra,
	    unsigned nextra, int timeout_ms, char *err, size_t errlen);

/* Whether an attempt is in flight. */
bool	tcp_probe_busy(const struct tcp_probe *p);

/*
 * tcp_probe_result()
 * When the attempt in flight has finished, fills *out, releases its handle
 * and returns true; otherwise returns false.
 */
bool	tcp_probe_result(struct tcp_probe *p, struct tcp_attempt *out);

/* Abandons the attempt in flight (run deadline), reporting it as timed out. */
void	tcp_probe_cancel(struct tcp_probe *p, struct tcp_attempt *out);

void	tcp_probe_free(struct tcp_probe *p);

/*
 * tcp_connect()
 * One blocking attempt: tcp_probe_new + start + wait until it ends.
 * Returns 0 with *out filled (whatever the outcome), or -1 with a sentence
 * in err if libcurl could not be set up.
 */
int	tcp_connect(const struct tnc_address *a, unsigned port, long timeout_ms,
	    struct tcp_attempt *out, char *err, size_t errlen);

#endif /* TNC_ENGINE_TCP_PROBE_H */
