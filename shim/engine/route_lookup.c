/* route_lookup.c: rtnetlink route lookup, source address, address ranges. */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "engine/constraint.h"
#include "engine/resolve.h"
#include "engine/route_lookup.h"

#define ROUTE_BUF	16384		/* an RTM_NEWLINK answer is a few KiB */

struct route_req {
	struct nlmsghdr nh;
	union {
		struct rtmsg rt;
		struct ifinfomsg ifi;
	} u;
	char	attrs[128];		/* RTA_DST, RTA_SRC, RTA_OIF */
};

void
route_nl_init(struct route_nl *nl)
{
	memset(nl, 0, sizeof(*nl));
	nl->fd = -1;
}

void
route_nl_close(struct route_nl *nl)
{
	if (nl->fd >= 0)
		close(nl->fd);
	nl->fd = -1;
}

static void
add_attr(struct route_req *req, unsigned short type, const void *data,
    size_t len)
{
	struct rtattr *rta;

	rta = (struct rtattr *)((char *)req + NLMSG_ALIGN(req->nh.nlmsg_len));
	rta->rta_type = type;
	rta->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	req->nh.nlmsg_len = NLMSG_ALIGN(req->nh.nlmsg_len) +
	    RTA_ALIGN(rta->rta_len);
}

/* The route message's attributes -> *ri (all but the interface name) */
static void
route_parse(struct rtmsg *rt, int len, struct route_info *ri)
{
	int family = rt->rtm_family;
	unsigned alen = family == AF_INET ? 4 : 16;
	char dst[TNC_ADDR_TEXT_LEN] = "";

	for (struct rtattr *a = RTM_RTA(rt); RTA_OK(a, len);
	    a = RTA_NEXT(a, len)) {
		switch (a->rta_type) {
		case RTA_DST:
			if (RTA_PAYLOAD(a) >= alen)
				inet_ntop(family, RTA_DATA(a), dst, sizeof(dst));
			break;
		case RTA_OIF:
			if (RTA_PAYLOAD(a) >= sizeof(uint32_t))
				memcpy(&ri->oif, RTA_DATA(a), sizeof(uint32_t));
			break;
		case RTA_GATEWAY:
			if (RTA_PAYLOAD(a) >= alen)
				inet_ntop(family, RTA_DATA(a), ri->gateway,
				    sizeof(ri->gateway));
			break;
		case RTA_PREFSRC:
			if (RTA_PAYLOAD(a) >= alen)
				inet_ntop(family, RTA_DATA(a), ri->prefsrc,
				    sizeof(ri->prefsrc));
			break;
		default:
			break;
		}
	}
	if (dst[0] == '\0')		/* no RTA_DST: the default route */
		snprintf(dst, sizeof(dst), "%s", family == AF_INET ?
		    "0.0.0.0" : "::");
	snprintf(ri->prefix, sizeof(ri->prefix), "%s/%u", dst,
	    (unsigned)rt->rtm_dst_len);
	if (ri->gateway[0] == '\0')	/* on-link, as Windows shows it */
		snprintf(ri->gateway, sizeof(ri->gateway), "%s",
		    family == AF_INET ? "0.0.0.0" : "::");
}

void
route_parse_reply(const void *rtm, size_t len, struct route_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	if (len < NLMSG_ALIGN(sizeof(struct rtmsg)))
		return;
	route_parse((struct rtmsg *)rtm,
	    (int)(len - NLMSG_ALIGN(sizeof(struct rtmsg))), ri);
}

/*
 * Sends req on nl's socket (opened on first use) and waits for the answer
 * to its sequence number.  Returns the answer's header (inside buf), or
 * NULL with errno set (the kernel's error, ETIMEDOUT, or the socket's).
 */
static struct nlmsghdr *
nl_exchange(struct route_nl *nl, struct route_req *req, char *buf,
    size_t buflen)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_sec = 1 };
	ssize_t len;

	if (nl->fd < 0) {
		nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
		    NETLINK_ROUTE);
		if (nl->fd < 0)
			return NULL;
		setsockopt(nl->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	}
	req->nh.nlmsg_flags = NLM_F_REQUEST;
	req->nh.nlmsg_seq = ++nl->seq;
	if (sendto(nl->fd, req, req->nh.nlmsg_len, 0, (struct sockaddr *)&sa,
	    sizeof(sa)) < 0)
		return NULL;
	/* bounded: a few datagrams (late answers to old requests), each waited for at most a second */
	for (int k = 0; k < 8; k++) {
		len = recv(nl->fd, buf, buflen, 0);
		if (len < 0)
			return NULL;
		for (struct nlmsghdr *nh = (struct nlmsghdr *)buf;
		    NLMSG_OK(nh, (size_t)len); nh = NLMSG_NEXT(nh, len)) {
			if (nh->nlmsg_seq != req->nh.nlmsg_seq)
				continue;
			if (nh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(nh);

				errno = e->error ? -e->error : ENOENT;
				return NULL;
			}
			return nh;
		}
	}
	errno = ETIMEDOUT;
	return NULL;
}

int
route_ifname(struct route_nl *nl, unsigned index, char *name)
{
	struct route_req req;
	char buf[ROUTE_BUF];
	struct nlmsghdr *nh;
	struct rtattr *a;
	int len;

	for (unsigned i = 0; i < nl->nnames; i++) {
		if (nl->names[i].index == index) {
			memcpy(name, nl->names[i].name, IF_NAMESIZE);
			return 0;
		}
	}
	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	req.nh.nlmsg_type = RTM_GETLINK;
	req.u.ifi.ifi_family = AF_UNSPEC;
	req.u.ifi.ifi_index = (int)index;
	nh = nl_exchange(nl, &req, buf, sizeof(buf));
	if (nh == NULL)
		return -1;
	if (nh->nlmsg_type != RTM_NEWLINK) {
		errno = EPROTO;
		return -1;
	}
	len = (int)IFLA_PAYLOAD(nh);
	for (a = IFLA_RTA(NLMSG_DATA(nh)); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type == IFLA_IFNAME && RTA_PAYLOAD(a) > 0) {
			snprintf(name, IF_NAMESIZE, "%.*s",
			    (int)RTA_PAYLOAD(a), (const char *)RTA_DATA(a));
			if (nl->nnames < ROUTE_NAMES_CACHED) {
				nl->names[nl->nnames].index = index;
				memcpy(nl->names[nl->nnames++].name, name,
				    IF_NAMESIZE);
			}
			return 0;
		}
	}
	errno = ENODEV;
	return -1;
}

int
route_lookup(struct route_nl *nl, const struct tnc_address *dst,
    struct route_info *ri)
{
	struct route_query q = { .dst = dst };

	return route_query(nl, &q, ri);
}

/* The RTM_GETROUTE request for q.  Returns 0, or -1 with errno set. */
static int
route_request(const struct route_query *q, struct route_req *req)
{
	const struct tnc_address *dst = q->dst;
	int family = dst->sa.ss_family;

	if (family != AF_INET && family != AF_INET6) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	memset(req, 0, sizeof(*req));
	req->nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
	req->nh.nlmsg_type = RTM_GETROUTE;
	req->u.rt.rtm_family = (unsigned char)family;
	if (family == AF_INET) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)&dst->sa;

		req->u.rt.rtm_dst_len = 32;
		add_attr(req, RTA_DST, &sin->sin_addr, 4);
	} else {
		const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&dst->sa;
		uint32_t oif = sin6->sin6_scope_id;

		req->u.rt.rtm_dst_len = 128;
		add_attr(req, RTA_DST, &sin6->sin6_addr, 16);
		if (oif != 0 && q->oif == 0)	/* fe80::1%2: that interface */
			add_attr(req, RTA_OIF, &oif, sizeof(oif));
	}
	if (q->oif != 0) {
		uint32_t oif = q->oif;

		add_attr(req, RTA_OIF, &oif, sizeof(oif));
	}
	if (q->src != NULL) {
		if (q->src->sa.ss_family != family) {
			errno = EAFNOSUPPORT;
			return -1;
		}
		req->u.rt.rtm_src_len = family == AF_INET ? 32 : 128;
		if (family == AF_INET)
			add_attr(req, RTA_SRC, &((const struct sockaddr_in *)
			    &q->src->sa)->sin_addr, 4);
		else
			add_attr(req, RTA_SRC, &((const struct sockaddr_in6 *)
			    &q->src->sa)->sin6_addr, 16);
	}
	if (q->fib_match)
		req->u.rt.rtm_flags |= RTM_F_FIB_MATCH;
	return 0;
}

int
route_query(struct route_nl *nl, const struct route_query *q,
    struct route_info *ri)
{
	struct route_req req;
	char buf[ROUTE_BUF];
	struct nlmsghdr *nh;
	int saved;

	memset(ri, 0, sizeof(*ri));
	if (route_request(q, &req) != 0)
		return -1;
	nh = nl_exchange(nl, &req, buf, sizeof(buf));
	if (nh == NULL)
		return -1;
	if (nh->nlmsg_type != RTM_NEWROUTE) {
		errno = EPROTO;
		return -1;
	}
	route_parse(NLMSG_DATA(nh), (int)RTM_PAYLOAD(nh), ri);
	if (ri->oif != 0 && route_ifname(nl, ri->oif, ri->ifname) != 0) {
		saved = errno;
		memset(ri, 0, sizeof(*ri));
		errno = saved;
		return -1;
	}
	return 0;
}

int
route_source_address(const struct tnc_address *dst, char *out, size_t outlen)
{
	return route_source_address_bound(dst, NULL, out, outlen);
}

int
route_source_address_bound(const struct tnc_address *dst,
    const struct tnc_constraint *c, char *out, size_t outlen)
{
	struct sockaddr_storage ss = dst->sa, local;
	socklen_t llen = sizeof(local);
	struct tnc_address a;
	int fd, rc = -1;

	/* connect() on UDP only picks the route and source; no packet leaves */
	if (ss.ss_family == AF_INET)
		((struct sockaddr_in *)&ss)->sin_port = htons(9);
	else if (ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&ss)->sin6_port = htons(9);
	else
		return -1;
	fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (constraint_apply(c, fd, ss.ss_family) == 0 &&
	    connect(fd, (struct sockaddr *)&ss, dst->sa_len) == 0 &&
	    getsockname(fd, (struct sockaddr *)&local, &llen) == 0 &&
	    address_set(&a, (struct sockaddr *)&local, llen) == 0) {
		snprintf(out, outlen, "%s", a.text);
		rc = 0;
	}
	close(fd);
	return rc;
}

/*
 * NetworkIsolationContext ranges:
 *   Loopback:        127.0.0.0/8, ::1, and ::ffff:127.0.0.0/104
 *   Private Network: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918),
 *                    100.64.0.0/10 (CGNAT, RFC 6598), 169.254.0.0/16 and
 *                    fe80::/10 (link-local), 198.18.0.0/15 (benchmarking,
 *                    RFC 2544), fc00::/7 (ULA, RFC 4193)
 *   Internet:        everything else
 * IPv4-mapped IPv6 addresses are judged by their IPv4 part.
 */
static const char *
isolation4(uint32_t h)
{
	if ((h >> 24) == 127)
		return "Loopback";
	if ((h >> 24) == 10 || (h & 0xfff00000U) == 0xac100000U ||
	    (h & 0xffff0000U) == 0xc0a80000U || (h & 0xffc00000U) == 0x64400000U ||
	    (h & 0xffff0000U) == 0xa9fe0000U || (h & 0xfffe0000U) == 0xc6120000U)
		return "Private Network";
	return "Internet";
}

const char *
route_isolation_context(const struct tnc_address *a)
{
	if (a->sa.ss_family == AF_INET)
		return isolation4(ntohl(((const struct sockaddr_in *)&a->sa)->
		    sin_addr.s_addr));
	if (a->sa.ss_family == AF_INET6) {
		const struct in6_addr *in6 =
		    &((const struct sockaddr_in6 *)&a->sa)->sin6_addr;
		uint32_t v4;

		if (IN6_IS_ADDR_LOOPBACK(in6))
			return "Loopback";
		if (IN6_IS_ADDR_V4MAPPED(in6)) {
			memcpy(&v4, &in6->s6_addr[12], 4);
			return isolation4(ntohl(v4));
		}
		if (IN6_IS_ADDR_LINKLOCAL(in6) || (in6->s6_addr[0] & 0xfe) == 0xfc)
			return "Private Network";
		return "Internet";
	}
	return NULL;
}
