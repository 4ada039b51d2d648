/*
 * interface_info.c: the adapter and route identity behind NetAdapter,
 * InterfaceDescription and NetRoute (spec 7.7).
 *
 * Windows takes them from Get-NetAdapter (MSFT_NetAdapter, whose keys are
 * CreationClassName, DeviceID, SystemCreationClassName and SystemName)
 * and Find-NetRoute (MSFT_NetRoute, keyed by an InstanceID).  Linux has
 * no adapter objects; what stands in, and why:
 *   - an adapter is any interface but loopback (Windows' loopback
 *     pseudo-interface has no NetAdapter either: both fields are empty);
 *   - InterfaceDescription is the driver, as "ethtool -i" reports it
 *     (veth, virtio_net, e1000e), else the device's driver in sysfs, else
 *     the interface name;
 *   - DeviceID is a GUID-shaped hash of the interface name: stable across
 *     reboots for the same name, and unique on the machine, which is all
 *     the CIM key asks for since SystemName is part of it;
 *   - SystemName is the host name;
 *   - the route is the routing-table entry itself (RTM_F_FIB_MATCH), whose
 *     prefix names it.
 */
#include <errno.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "engine/budget.h"
#include "engine/interface_info.h"
#include "engine/route_lookup.h"

#define FNV64_OFFSET	0xcbf29ce484222325ULL
#define FNV64_PRIME	0x100000001b3ULL

static uint64_t
fnv1a64(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= FNV64_PRIME;
	}
	return h;
}

void
interface_device_id(const char *name, char *out, size_t outlen)
{
	uint64_t hi = fnv1a64(FNV64_OFFSET, name);
	uint64_t lo = fnv1a64(hi, name);

	/* version 8 (custom) in the time_hi field, variant 10 in clock_seq */
	hi = (hi & ~0xf000ULL) | 0x8000ULL;
	lo = (lo & ~(3ULL << 62)) | (2ULL << 62);
	snprintf(out, outlen, "{%08X-%04X-%04X-%04X-%012llX}",
	    (unsigned)(hi >> 32), (unsigned)(hi >> 16) & 0xffff,
	    (unsigned)hi & 0xffff, (unsigned)(lo >> 48) & 0xffff,
	    (unsigned long long)(lo & 0xffffffffffffULL));
}

/* SIOCGIFFLAGS: 1 loopback, 0 not, -1 unknown */
static int
is_loopback(int fd, const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) != 0)
		return -1;
	return (ifr.ifr_flags & IFF_LOOPBACK) != 0;
}

/* The driver: ETHTOOL_GDRVINFO, else /sys/class/net/<name>/device/driver. */
static void
driver_name(int fd, const char *name, char *out, size_t outlen)
{
	struct ethtool_drvinfo info;
	struct ifreq ifr;
	char path[128], target[256];
	const char *base;
	ssize_t n;

	memset(&info, 0, sizeof(info));
	memset(&ifr, 0, sizeof(ifr));
	info.cmd = ETHTOOL_GDRVINFO;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	ifr.ifr_data = (void *)&info;
	if (ioctl(fd, SIOCETHTOOL, &ifr) == 0 &&
	    info.driver[0] != '\0') {
		snprintf(out, outlen, "%.*s", (int)sizeof(info.driver),
		    info.driver);
		return;
	}
	snprintf(path, sizeof(path), "/sys/class/net/%s/device/driver", name);
	n = readlink(path, target, sizeof(target) - 1);
	if (n > 0) {
		target[n] = '\0';
		base = strrchr(target, '/');
		base = base != NULL ? base + 1 : target;
		if (strlen(base) < outlen) {
			memcpy(out, base, strlen(base) + 1);
			return;
		}
	}
	snprintf(out, outlen, "%s", name);
}

/*
 * The facts of interface index/name into r, from the cache or asked now
 * (a socket for the ioctls; a full cache gives up its last entry).
 * Returns 0, or -1 with errno set when no socket could be had for lack of
 * descriptors.
 */
static int
interface_facts(struct interface_cache *cache, unsigned index,
    const char *name, struct tnc_result *r)
{
	unsigned i;
	int fd;

	for (i = 0; i < cache->n; i++)
		if (cache->v[i].index == index)
			break;
	if (i == cache->n) {
		/* the ioctls need a socket, any socket */
		fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			return budget_short(errno) ? -1 : 0;
		if (i == INTERFACE_CACHED)
			i = INTERFACE_CACHED - 1;	/* full: reuse the last */
		else
			cache->n++;
		memset(&cache->v[i], 0, sizeof(cache->v[i]));
		cache->v[i].index = index;
		if (is_loopback(fd, name) == 0) {
			cache->v[i].has_adapter = true;
			driver_name(fd, name, cache->v[i].description,
			    sizeof(cache->v[i].description));
			interface_device_id(name, cache->v[i].device_id,
			    sizeof(cache->v[i].device_id));
		}
		close(fd);
	}
	r->has_adapter = cache->v[i].has_adapter;
	memcpy(r->interface_description, cache->v[i].description,
	    sizeof(r->interface_description));
	memcpy(r->adapter_device_id, cache->v[i].device_id,
	    sizeof(r->adapter_device_id));
	return 0;
}

int
interface_info_fill(struct route_nl *nl, struct interface_cache *cache,
    struct tnc_result *r, bool have_prefix)
{
	struct route_query q;
	struct route_info ri;

	if (!cache->have_host) {
		if (gethostname(cache->system_name,
		    sizeof(cache->system_name)) != 0)
			cache->system_name[0] = '\0';
		cache->system_name[sizeof(cache->system_name) - 1] = '\0';
		cache->have_host = true;
	}
	memcpy(r->system_name, cache->system_name, sizeof(r->system_name));
	if (r->interface_alias[0] == '\0' || r->remote_index < 0 ||
	    (size_t)r->remote_index >= r->nresolved)
		return 0;

	memset(&q, 0, sizeof(q));
	q.dst = &r->resolved[r->remote_index];
	q.oif = r->interface_index;
	q.fib_match = true;
	if (!have_prefix) {		/* else the caller matched the entry */
		if (route_query(nl, &q, &ri) == 0)
			snprintf(r->route_prefix, sizeof(r->route_prefix),
			    "%s", ri.prefix);
		else if (budget_short(errno))
			return -1;
	}
	return interface_facts(cache, r->interface_index, r->interface_alias,
	    r);
}
