#ifndef TNC_TESTS_CHECK_NET_H
#define TNC_TESTS_CHECK_NET_H

/*
 * Shared by the Check suites that use real sockets (check_probe,
 * check_engine): loopback listeners (open, closed, "filtered" by a full
 * accept queue), whether ICMP may be used, and test options.  Loopback
 * only: every listener is made here on 127.0.0.0/8 or ::1.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "parsers/tnc_options.h"

#define FILTER_CLIENTS_MAX	8

static inline double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static inline socklen_t
loopback_sa(int family, unsigned port, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		sin->sin_port = htons((uint16_t)port);
		return sizeof(*sin);
	}
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	sin6->sin6_family = AF_INET6;
	sin6->sin6_addr = in6addr_loopback;
	sin6->sin6_port = htons((uint16_t)port);
	return sizeof(*sin6);
}

/* A listener on loopback port 0; *port gets the port.  backlog < 0: bound only. */
static inline int
loopback_socket(int family, int backlog, unsigned *port)
{
	struct sockaddr_storage ss;
	socklen_t len = loopback_sa(family, 0, &ss);
	int fd, on = 1;

	fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	ck_assert_int_ge(fd, 0);
	if (family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&ss, len), 0);
	if (backlog >= 0)
		ck_assert_int_eq(listen(fd, backlog), 0);
	len = sizeof(ss);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&ss, &len), 0);
	*port = family == AF_INET ?
	    ntohs(((struct sockaddr_in *)&ss)->sin_port) :
	    ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return fd;
}

/* A port nothing listens on: bound, then closed. */
static inline unsigned
closed_port(int family)
{
	unsigned port;

	close(loopback_socket(family, -1, &port));
	return port;
}

/* Fills the accept queue of lfd (listen(lfd, 0) on *port) through loopback. */
static inline int
filtered_fill(int lfd, int family, unsigned *port, int *clients, int *nclients)
{
	*nclients = 0;
	for (int k = 0; k < FILTER_CLIENTS_MAX; k++) {
		struct sockaddr_storage ss;
		socklen_t len = loopback_sa(family, *port, &ss);
		struct pollfd pfd;
		int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

		ck_assert_int_ge(fd, 0);
		clients[(*nclients)++] = fd;
		if (connect(fd, (struct sockaddr *)&ss, len) == 0)
			continue;
		ck_assert_int_eq(errno, EINPROGRESS);
		pfd.fd = fd;
		pfd.events = POLLOUT;
		if (poll(&pfd, 1, 200) == 0)
			return lfd;	/* this SYN was dropped: queue full */
	}
	ck_abort_msg("could not fill the accept queue of a listen(fd, 0) socket");
	return -1;
}

/*
 * A "filtered" port: listen(fd, 0) and fill its accept queue with
 * connections that are never accepted; further SYNs are then dropped by
 * the kernel, as a firewall DROP rule would.  clients[] keeps them open.
 */
static inline int
filtered_listener(int family, unsigned *port, int *clients, int *nclients)
{
	return filtered_fill(loopback_socket(family, 0, port), family, port,
	    clients, nclients);
}

static inline void
close_all(int *fds, int n)
{
	for (int i = 0; i < n; i++)
		close(fds[i]);
}

/* Whether this process may open an ICMP socket (ping socket or raw). */
static inline bool
icmp_permitted(int family)
{
	int proto = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
	int fd = socket(family, SOCK_DGRAM, proto);

	if (fd < 0)
		fd = socket(family, SOCK_RAW, proto);
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static inline void
options(struct tnc_options *o, const char *name, int port)
{
	memset(o, 0, sizeof(*o));
	o->computer_name = strdup(name);
	o->constrain_source_address = strdup("");
	o->set = port != 0 ? TNC_SET_REMOTE_PORT : TNC_SET_ICMP;
	o->port = port;
	o->hops = 30;
	o->information_level = TNC_INFO_STANDARD;
	o->warning_action = TNC_ACTION_CONTINUE;
	o->error_action = TNC_ACTION_CONTINUE;
	o->timeout_seconds = 2.0;
}

static inline void
options_release(struct tnc_options *o)
{
	free(o->computer_name);
	free(o->constrain_source_address);
}

#endif /* TNC_TESTS_CHECK_NET_H */
