#ifndef TNC_ENGINE_ICMP_PACKET_H
#define TNC_ENGINE_ICMP_PACKET_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/errqueue.h"
#include "engine/tnc_result.h"

/*
 * ICMP and ICMPv6 echo packets: the request we send, and what a datagram
 * (or an error-queue entry) that comes back says about one of our echoes.
 * Pure functions on bytes: nothing here touches a socket.
 */

#define ICMP_HDR_LEN		8
#define ICMP_ECHO_PKT_LEN	(ICMP_HDR_LEN + 32)	/* Windows' 32-byte buffer */

/* What came back, for one echo: its sequence, where it went, the verdict. */
struct icmp_answer {
	uint16_t seq;
	bool	has_ident;		/* raw sockets: ident must be ours */
	uint16_t ident;
	int	family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} dst;				/* where our echo went */
	enum tnc_ping_status status;	/* Success for a reply */
};

/* Writes an echo request (type, ident, seq, payload; IPv4 checksum) into pkt[ICMP_ECHO_PKT_LEN]. */
void	icmp_echo_build(uint8_t *pkt, int family, uint16_t ident, uint16_t seq);

/*
 * icmp4_parse(), icmp6_parse()
 * Reads one datagram from an ICMP socket: an echo reply from `from', or
 * (raw sockets only: ping sockets get errors through the error queue) an
 * ICMP error quoting one of our echo requests.  raw IPv4 datagrams start
 * with the IP header.  Returns true with *a filled, or false for anything
 * else.
 */
bool	icmp4_parse(const uint8_t *buf, size_t len, bool raw,
	    const struct sockaddr_in *from, struct icmp_answer *a);
bool	icmp6_parse(const uint8_t *buf, size_t len, bool raw,
	    const struct sockaddr_in6 *from, struct icmp_answer *a);

/*
 * icmp_errqueue_parse()
 * An error-queue entry of a ping socket of family (IP_RECVERR): the data
 * is our echo's ICMP header, q->to where it went, q->ee the error.
 * Returns true with *a filled.
 */
bool	icmp_errqueue_parse(const struct errqueue_entry *q, int family,
	    struct icmp_answer *a);

/* ICMP / ICMPv6 error (type, code) -> IPStatus, as Windows' ping reports them. */
enum tnc_ping_status icmp4_status(int type, int code);
enum tnc_ping_status icmp6_status(int type, int code);

#endif /* TNC_ENGINE_ICMP_PACKET_H */
