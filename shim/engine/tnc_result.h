#ifndef TNC_ENGINE_TNC_RESULT_H
#define TNC_ENGINE_TNC_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>
#include <net/if.h>
#include <sys/socket.h>

/*
 * The TestNetConnectionResult object (spec 1.3), as far as Linux can fill it.
 * Filled by the engine (engine/netconnection.c); rendered by
 * objects/result_view.c.
 */

/* IPAddress.ToString(): inet_ntop text plus "%<scope id>" for scoped IPv6 */
#define TNC_ADDR_TEXT_LEN	(INET6_ADDRSTRLEN + 12)

struct tnc_address {
	struct sockaddr_storage sa;	/* port 0 */
	socklen_t sa_len;
	char	text[TNC_ADDR_TEXT_LEN];
};

/* "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" and its NUL */
#define TNC_DEVICE_ID_LEN	39

/* System.Net.NetworkInformation.IPStatus names that tnc can report */
enum tnc_ping_status {
	TNC_PING_SUCCESS,
	TNC_PING_TIMED_OUT,
	TNC_PING_DEST_HOST_UNREACHABLE,
	TNC_PING_DEST_NET_UNREACHABLE,
	TNC_PING_DEST_PROTOCOL_UNREACHABLE,
	TNC_PING_DEST_PORT_UNREACHABLE,
	TNC_PING_DEST_PROHIBITED,
	TNC_PING_TTL_EXPIRED,
	TNC_PING_PARAMETER_PROBLEM,
	TNC_PING_UNKNOWN
};

const char *tnc_ping_status_name(enum tnc_ping_status s);	/* "TimedOut", ... */

struct tnc_result {
	char	*computer_name;		/* verbatim, case kept */
	bool	detailed;
	bool	name_resolution_succeeded;
	struct tnc_address *resolved;	/* ResolvedAddresses, resolver order */
	size_t	nresolved;
	int	remote_index;		/* RemoteAddress = resolved[remote_index]; -1: null */

	unsigned remote_port;		/* 0: no TCP test (row hidden) */
	bool	tcp_test_succeeded;

	bool	ping_succeeded;
	bool	ping_reply_present;	/* PingReplyDetails != null */
	long	ping_rtt_ms;		/* RoundTripTime; 0 unless Success */
	enum tnc_ping_status ping_status;

	char	interface_alias[IF_NAMESIZE];	/* "" when unknown */
	unsigned interface_index;
	char	source_address[TNC_ADDR_TEXT_LEN];	/* "" when unknown */
	char	next_hop[TNC_ADDR_TEXT_LEN];	/* NetRoute.NextHop, Detailed */

	/* NetAdapter, InterfaceDescription, NetRoute (spec 7.7; interface_info.c) */
	bool	has_adapter;		/* false: loopback, or the interface is unknown */
	char	interface_description[64];	/* the driver; "" without an adapter */
	char	adapter_device_id[TNC_DEVICE_ID_LEN];	/* "{GUID}"; "" without */
	char	system_name[256];	/* the host name; "" if unknown */
	char	route_prefix[TNC_ADDR_TEXT_LEN + 4];	/* the route's DestinationPrefix */

	/* an IP-literal target's reverse (PTR) name, looked up for Detailed;
	   NULL if none (issue 10.5) */
	char	*reverse_name;

	bool	is_admin;
	const char *network_isolation_context;	/* static string or NULL */

	char	**trace_route;		/* NULL: not traced; else ntrace entries */
	size_t	ntrace;
};

void	tnc_result_free(struct tnc_result *r);

#endif /* TNC_ENGINE_TNC_RESULT_H */
