#ifndef TNC_ENGINE_INTERFACE_INFO_H
#define TNC_ENGINE_INTERFACE_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/route_lookup.h"
#include "engine/tnc_result.h"

/*
 * What Windows reads from Get-NetAdapter and Find-NetRoute for the
 * all-properties view (fl *, select *, ConvertTo-Json; spec 7.7), as far
 * as Linux can give it: whether the outgoing interface is an adapter at
 * all (loopback is not), its driver, a stable DeviceID, the host name,
 * and the routing-table entry the kernel uses.
 */

/* What an interface is, asked once per run (an engine) and kept. */
#define INTERFACE_CACHED	16

struct interface_cache {
	bool	have_host;
	char	system_name[256];
	struct {
		unsigned index;
		bool	has_adapter;
		char	description[64];
		char	device_id[TNC_DEVICE_ID_LEN];
	} v[INTERFACE_CACHED];
	unsigned n;
};

/*
 * interface_info_fill()
 * Fills r->has_adapter, interface_description, adapter_device_id,
 * system_name and route_prefix for r->interface_alias/interface_index
 * and the route to RemoteAddress (asked on nl, the engine's netlink
 * socket; none when have_prefix says route_prefix is set already).  The
 * host name and each interface's facts are asked once and kept in cache
 * (the engine's), so a test costs at most one route query here.
 * Leaves them empty where the interface is unknown or a lookup fails.
 * Returns 0, or -1 with errno set when the machine ran short (no
 * descriptor for a socket): nothing is wrong with the test, try again.
 */
int	interface_info_fill(struct route_nl *nl, struct interface_cache *cache,
	    struct tnc_result *r, bool have_prefix);

/*
 * interface_device_id()
 * The DeviceID of the interface called name: a GUID-shaped hash of the
 * name (FNV-1a, 64 bits, over the name, then over it once more for the
 * second half; RFC 9562 version 8, variant 10), written as Windows writes
 * an adapter's GUID: "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}".  out must
 * hold TNC_DEVICE_ID_LEN bytes.
 */
void	interface_device_id(const char *name, char *out, size_t outlen);

#endif /* TNC_ENGINE_INTERFACE_INFO_H */
