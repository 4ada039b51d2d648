/* icmp_packet.c: echo requests out, replies and quoted errors in. */
#include <arpa/inet.h>
#include <netinet/icmp6.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <string.h>
#include <sys/socket.h>

#include "engine/icmp_packet.h"

/* Windows' default echo data: the alphabet up to 'w', then again */
static const char icmp_payload[ICMP_ECHO_PKT_LEN - ICMP_HDR_LEN + 1] =
    "abcdefghijklmnopqrstuvwabcdefghi";

static uint16_t
icmp_checksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)(p[0] << 8 | p[1]);
	if (len == 1)
		sum += (uint32_t)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

void
icmp_echo_build(uint8_t *pkt, int family, uint16_t ident, uint16_t seq)
{
	uint16_t id = htons(ident), sq = htons(seq);

	memset(pkt, 0, ICMP_ECHO_PKT_LEN);
	pkt[0] = family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
	memcpy(pkt + 4, &id, 2);
	memcpy(pkt + 6, &sq, 2);
	memcpy(pkt + ICMP_HDR_LEN, icmp_payload, ICMP_ECHO_PKT_LEN - ICMP_HDR_LEN);
	if (family == AF_INET) {
		uint16_t sum = icmp_checksum(pkt, ICMP_ECHO_PKT_LEN);

		memcpy(pkt + 2, &sum, 2);
	}				/* the kernel sums ICMPv6 */
}

enum tnc_ping_status
icmp4_status(int type, int code)
{
	if (type == ICMP_TIME_EXCEEDED)
		return TNC_PING_TTL_EXPIRED;
	if (type == ICMP_PARAMETERPROB)
		return TNC_PING_PARAMETER_PROBLEM;
	if (type != ICMP_DEST_UNREACH)
		return TNC_PING_UNKNOWN;
	switch (code) {
	case ICMP_NET_UNREACH:
	case ICMP_NET_UNKNOWN:
	case ICMP_NET_UNR_TOS:
		return TNC_PING_DEST_NET_UNREACHABLE;
	case ICMP_PROT_UNREACH:
		return TNC_PING_DEST_PROTOCOL_UNREACHABLE;
	case ICMP_PORT_UNREACH:
		return TNC_PING_DEST_PORT_UNREACHABLE;
	case ICMP_NET_ANO:
	case ICMP_HOST_ANO:
	case ICMP_PKT_FILTERED:		/* "administratively prohibited" */
		return TNC_PING_DEST_PROHIBITED;
	case ICMP_FRAG_NEEDED:		/* PacketTooBig: not one of ours */
		return TNC_PING_UNKNOWN;
	default:
		return TNC_PING_DEST_HOST_UNREACHABLE;
	}
}

enum tnc_ping_status
icmp6_status(int type, int code)
{
	if (type == ICMP6_TIME_EXCEEDED)
		return TNC_PING_TTL_EXPIRED;
	if (type == ICMP6_PARAM_PROB)
		return TNC_PING_PARAMETER_PROBLEM;
	if (type != ICMP6_DST_UNREACH)
		return TNC_PING_UNKNOWN;
	switch (code) {
	case ICMP6_DST_UNREACH_NOROUTE:
		return TNC_PING_DEST_NET_UNREACHABLE;
	case ICMP6_DST_UNREACH_ADMIN:
	case 5:				/* source address failed ingress/egress policy */
	case 6:				/* reject route to destination */
		return TNC_PING_DEST_PROHIBITED;
	case ICMP6_DST_UNREACH_NOPORT:
		return TNC_PING_DEST_PORT_UNREACHABLE;
	default:			/* address unreachable, beyond scope */
		return TNC_PING_DEST_HOST_UNREACHABLE;
	}
}

/* An echo request quoted inside an ICMP error: its ident and sequence. */
static bool
quoted_echo(const uint8_t *q, size_t len, int type, struct icmp_answer *a)
{
	uint16_t id, seq;

	if (len < ICMP_HDR_LEN || q[0] != type)
		return false;
	memcpy(&id, q + 4, 2);
	memcpy(&seq, q + 6, 2);
	a->ident = ntohs(id);
	a->seq = ntohs(seq);
	return true;
}

/* The echo header's ident and sequence. */
static void
echo_ids(const uint8_t *icmp, struct icmp_answer *a)
{
	uint16_t id, seq;

	memcpy(&id, icmp + 4, 2);
	memcpy(&seq, icmp + 6, 2);
	a->ident = ntohs(id);
	a->seq = ntohs(seq);
}

bool
icmp4_parse(const uint8_t *buf, size_t len, bool raw,
    const struct sockaddr_in *from, struct icmp_answer *a)
{
	const uint8_t *icmp = buf, *inner;
	size_t hl, ilen, ihl;

	memset(a, 0, sizeof(*a));
	a->family = AF_INET;
	a->has_ident = raw;
	if (raw) {			/* raw IPv4 sockets get the IP header */
		if (len < sizeof(struct iphdr))
			return false;
		hl = (size_t)(buf[0] & 0x0f) * 4;
		if (hl < sizeof(struct iphdr) || len < hl + ICMP_HDR_LEN)
			return false;
		icmp = buf + hl;
		len -= hl;
	}
	if (len < ICMP_HDR_LEN)
		return false;
	if (icmp[0] == ICMP_ECHOREPLY) {
		echo_ids(icmp, a);
		a->dst.v4 = from->sin_addr;
		a->status = TNC_PING_SUCCESS;
		return true;
	}
	if (!raw)
		return false;		/* ping sockets get errors via the error queue */
	/* error: 8-byte header, then the IP header and 8 bytes of our echo */
	inner = icmp + ICMP_HDR_LEN;
	ilen = len - ICMP_HDR_LEN;
	if (ilen < sizeof(struct iphdr))
		return false;
	ihl = (size_t)(inner[0] & 0x0f) * 4;
	if (ihl < sizeof(struct iphdr) || ilen < ihl + ICMP_HDR_LEN ||
	    inner[9] != IPPROTO_ICMP)
		return false;
	memcpy(&a->dst.v4, inner + 16, sizeof(a->dst.v4));
	if (!quoted_echo(inner + ihl, ilen - ihl, ICMP_ECHO, a))
		return false;
	a->status = icmp4_status(icmp[0], icmp[1]);
	return true;
}

bool
icmp6_parse(const uint8_t *icmp, size_t len, bool raw,
    const struct sockaddr_in6 *from, struct icmp_answer *a)
{
	const uint8_t *inner;
	struct ip6_hdr ip6;
	size_t ilen;

	memset(a, 0, sizeof(*a));
	a->family = AF_INET6;
	a->has_ident = raw;
	if (len < ICMP_HDR_LEN)
		return false;
	if (icmp[0] == ICMP6_ECHO_REPLY) {
		echo_ids(icmp, a);
		a->dst.v6 = from->sin6_addr;
		a->status = TNC_PING_SUCCESS;
		return true;
	}
	if (!raw || icmp[0] >= 128)
		return false;
	/* error: 8-byte header, the IPv6 header, then our echo (no ext. headers) */
	inner = icmp + ICMP_HDR_LEN;
	ilen = len - ICMP_HDR_LEN;
	if (ilen < sizeof(ip6) + ICMP_HDR_LEN)
		return false;
	memcpy(&ip6, inner, sizeof(ip6));
	if (ip6.ip6_nxt != IPPROTO_ICMPV6 || !quoted_echo(inner + sizeof(ip6),
	    ilen - sizeof(ip6), ICMP6_ECHO_REQUEST, a))
		return false;
	a->dst.v6 = ip6.ip6_dst;
	a->status = icmp6_status(icmp[0], icmp[1]);
	return true;
}

bool
icmp_errqueue_parse(const struct errqueue_entry *q, int family,
    struct icmp_answer *a)
{
	const struct sock_extended_err *ee = q->ee;

	memset(a, 0, sizeof(*a));
	a->family = family;
	if (ee == NULL || q->len < 0 || !quoted_echo(q->data, (size_t)q->len,
	    family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST, a))
		return false;
	if (family == AF_INET && q->to.ss_family == AF_INET) {
		a->dst.v4 = ((const struct sockaddr_in *)&q->to)->sin_addr;
		a->status = icmp4_status(ee->ee_type, ee->ee_code);
		return true;
	}
	if (family == AF_INET6 && q->to.ss_family == AF_INET6) {
		a->dst.v6 = ((const struct sockaddr_in6 *)&q->to)->sin6_addr;
		a->status = icmp6_status(ee->ee_type, ee->ee_code);
		return true;
	}
	return false;
}
