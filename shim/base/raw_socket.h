#ifndef TNC_BASE_RAW_SOCKET_H
#define TNC_BASE_RAW_SOCKET_H

/*
 * socket(family, type, proto) for a SOCK_RAW socket, using CAP_NET_RAW
 * from the permitted set when it is not effective: the file capability
 * cap_net_raw+p (as iputils' ping and the packages set it) puts it there
 * and nowhere else. It is made effective for this one call and dropped
 * from the effective set again before returning, so the rest of the run
 * holds no privilege. Returns the descriptor, or -1 with errno set (EPERM
 * when the capability is not permitted either).
 */
int	raw_socket(int family, int type, int proto);

#endif /* TNC_BASE_RAW_SOCKET_H */
