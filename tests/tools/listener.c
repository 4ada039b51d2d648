/*
 * listener: loopback TCP endpoints for tnc's tests and demo.
 *
 *   listener open   [-6] [-a ADDR] [-p PORT] [-t LIFETIME]  accepts and closes connections
 *   listener full   [-6] [-t LIFETIME]            accept queue full: SYNs are dropped
 *   listener closed [-6]                          prints a port nobody listens on
 *
 * Prints the port on stdout (one line), then serves until LIFETIME seconds
 * have passed (default 120) or SIGTERM. Binds 127.0.0.1, or ::1 with -6:
 * nothing here ever leaves loopback.  -a binds another IPv4 address: the
 * bench's namespace, which holds only loopback, uses 0.0.0.0 to answer for
 * all of 127.0.0.0/8.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static int
bind_loopback(int v6, const char *addr, int port, struct sockaddr_storage *ss,
    socklen_t *len)
{
	int fd, one = 1;

	memset(ss, 0, sizeof(*ss));
	if (v6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
		s6->sin6_family = AF_INET6;
		s6->sin6_addr = in6addr_loopback;
		s6->sin6_port = htons(port);
		*len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
		s4->sin_family = AF_INET;
		s4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		if (addr != NULL && inet_pton(AF_INET, addr, &s4->sin_addr) != 1)
			return -1;
		s4->sin_port = htons(port);
		*len = sizeof(*s4);
	}
	fd = socket(ss->ss_family, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)ss, *len) < 0 ||
	    getsockname(fd, (struct sockaddr *)ss, len) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int
port_of(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
	return ntohs(((const struct sockaddr_in *)ss)->sin_port);
}

/* Connects to ourselves until a connect stays pending: the queue is then full. */
static int
fill_accept_queue(const struct sockaddr_storage *ss, socklen_t len)
{
	for (int i = 0; i < 64; i++) {
		int c = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
		struct pollfd p = { .fd = c, .events = POLLOUT };

		if (c < 0)
			return -1;
		if (connect(c, (const struct sockaddr *)ss, len) == 0)
			continue;		/* kept open on purpose: it occupies the queue */
		if (errno != EINPROGRESS)
			return -1;
		if (poll(&p, 1, 300) == 0)
			return 0;		/* this SYN was dropped: the queue is full */
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int v6 = 0, port = 0, lifetime = 120, fd, opt;
	const char *mode, *addr = NULL;
	time_t end;
	unsigned long drained = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: listener open|full|closed [-6] [-a ADDR] [-p PORT] [-t SECONDS]\n");
		return 2;
	}
	mode = argv[1];
	optind = 2;
	while ((opt = getopt(argc, argv, "6a:p:t:")) != -1) {
		switch (opt) {
		case '6': v6 = 1; break;
		case 'a': addr = optarg; break;
		case 'p': port = atoi(optarg); break;
		case 't': lifetime = atoi(optarg); break;
		default: return 2;
		}
	}
	fd = bind_loopback(v6, addr, port, &ss, &len);
	if (fd < 0) {
		perror("listener: bind");
		return 1;
	}
	if (strcmp(mode, "closed") == 0) {
		close(fd);			/* the port is free again, and nobody listens */
		printf("%d\n", port_of(&ss));
		return 0;
	}
	/* open: room for many connects at once (the bench runs hundreds) */
	if (listen(fd, strcmp(mode, "full") == 0 ? 0 : SOMAXCONN) < 0) {
		perror("listener: listen");
		return 1;
	}
	if (strcmp(mode, "full") == 0 && fill_accept_queue(&ss, len) < 0) {
		fprintf(stderr, "listener: could not fill the accept queue\n");
		return 1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	printf("%d\n", port_of(&ss));
	fflush(stdout);
	end = time(NULL) + lifetime;
	while (!stop && time(NULL) < end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (strcmp(mode, "open") == 0 && poll(&p, 1, 200) == 1) {
			int c;

			/* drain what is queued before polling again */
			while ((c = accept4(fd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
				close(c);
				if (++drained % 256 == 0)
					break;
			}
		} else if (strcmp(mode, "full") == 0) {
			poll(NULL, 0, 200);	/* never accept */
		}
	}
	return 0;
}
