/* raw_socket.c: a raw socket, with CAP_NET_RAW effective for one call. */
#include <errno.h>
#include <linux/capability.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/raw_socket.h"

/*
 * capget/capset by system call: glibc declares no wrapper and musl has no
 * header for its own, and libcap would be a dependency for two calls.
 */
static int
caps_get(struct __user_cap_header_struct *h, struct __user_cap_data_struct *d)
{
	h->version = _LINUX_CAPABILITY_VERSION_3;
	h->pid = 0;
	return (int)syscall(SYS_capget, h, d);
}

int
raw_socket(int family, int type, int proto)
{
	struct __user_cap_header_struct h;
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];
	const unsigned bit = 1U << CAP_NET_RAW;	/* CAP_NET_RAW < 32: d[0] */
	int fd, saved;

	fd = socket(family, type, proto);
	if (fd >= 0 || errno != EPERM)
		return fd;
	if (caps_get(&h, d) != 0 || (d[0].permitted & bit) == 0 ||
	    (d[0].effective & bit) != 0) {
		errno = EPERM;
		return -1;
	}
	d[0].effective |= bit;
	if (syscall(SYS_capset, &h, d) != 0) {
		errno = EPERM;
		return -1;
	}
	fd = socket(family, type, proto);
	saved = errno;
	d[0].effective &= ~bit;
	syscall(SYS_capset, &h, d);
	errno = saved;
	return fd;
}
