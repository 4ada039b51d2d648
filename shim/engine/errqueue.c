/* errqueue.c: one entry of a socket's error queue. */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "engine/errqueue.h"

int
errqueue_next(int fd, struct errqueue_entry *e)
{
	struct iovec iov = { e->data, sizeof(e->data) };
	struct msghdr msg;

	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &e->to;
	msg.msg_namelen = sizeof(e->to);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = e->ctl;
	msg.msg_controllen = sizeof(e->ctl);
	e->ee = NULL;
	e->len = recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
	if (e->len < 0)
		return -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL;
	    c = CMSG_NXTHDR(&msg, c)) {
		struct sock_extended_err *ee;

		if (!(c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) &&
		    !(c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR))
			continue;
		ee = (struct sock_extended_err *)CMSG_DATA(c);
		if (ee->ee_origin == SO_EE_ORIGIN_ICMP ||
		    ee->ee_origin == SO_EE_ORIGIN_ICMP6)
			e->ee = ee;
	}
	return 0;
}
