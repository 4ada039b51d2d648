#ifndef TNC_ENGINE_ERRQUEUE_H
#define TNC_ENGINE_ERRQUEUE_H

#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>		/* before linux/errqueue.h: musl's headers do not bring it */
#include <linux/errqueue.h>

/*
 * A socket's error queue (IP_RECVERR / IPV6_RECVERR): where Linux leaves
 * the ICMP errors that came back for what the socket sent, so an
 * unprivileged program learns who rejected it and why.
 */
struct errqueue_entry {
	uint8_t	data[1500];		/* the start of the packet we sent */
	ssize_t	len;
	struct sockaddr_storage to;	/* where that packet was going */
	uint8_t	ctl[512];
	struct sock_extended_err *ee;	/* into ctl; NULL: not an ICMP error */
};

/*
 * errqueue_next()
 * Takes one entry off fd's error queue without blocking. Returns 0 (e->ee
 * is the ICMP or ICMPv6 error, or NULL for another kind of entry), or -1
 * when the queue is empty. SO_EE_OFFENDER(e->ee) is who sent the error.
 */
int	errqueue_next(int fd, struct errqueue_entry *e);

#endif /* TNC_ENGINE_ERRQUEUE_H */
