/* result_object.c: a tnc_result as the TestNetConnectionResult object. */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/result_object.h"

/*
 * What each property holds (spec 1.3 order; S1 TestNetConnectionResult and
 * Test-NetConnection.psm1).  Where Windows has a .NET or CIM object that
 * Linux cannot have, the choice and its ToString() are ours:
 *
 * ComputerName             String, verbatim.
 * RemoteAddress            IPAddress (ToString = its text); null if none.
 * ResolvedAddresses        IPAddress[]; null after a failed resolution
 *                          (the psm1 returns before assigning it).
 * PingSucceeded            Boolean.
 * PingReplyDetails         PingReply {Status, Address, RoundtripTime,
 *                          Options, Buffer} (.NET's member order and
 *                          casing: "RoundtripTime"); null when the ping
 *                          threw or was not run.  ToString is the type
 *                          name, as PingReply does not override it.
 *                          Options is a PingOptions {Ttl, DontFragment}:
 *                          Ttl 128 and DontFragment False on success
 *                          (ours: Linux does not report the reply's TTL
 *                          here), null otherwise; Buffer is the 32-byte
 *                          .NET default payload ('a' + i % 23) on
 *                          success, empty otherwise.
 * TcpClientSocket          always null: the psm1 never assigns it (it
 *                          disposes its TcpClient).
 * TcpTestSucceeded         Boolean.
 * RemotePort               UInt32.
 * TraceRoute               String[] or null.
 * Detailed                 Boolean.
 * InterfaceAlias           String; null when unknown (Find-NetRoute failed).
 * InterfaceIndex           UInt32; 0 when unknown.
 * InterfaceDescription     String: the adapter's driver (veth,
 *                          virtio_net; engine/interface_info.c); null
 *                          without an adapter (loopback, as on Windows)
 *                          or when unknown.
 * NetAdapter               CimInstance MSFT_NetAdapter {Name,
 *                          CreationClassName, DeviceID,
 *                          SystemCreationClassName, SystemName,
 *                          InterfaceDescription, InterfaceIndex}; ToString
 *                          is CIM's, class and keys (spec 7.7):
 *                          `MSFT_NetAdapter (CreationClassName =
 *                          "MSFT_NetAdapter", DeviceID = "{GUID}",
 *                          SystemCreationClassName = "CIM_NetworkPort",
 *                          SystemName = "host")`, the DeviceID hashed from
 *                          the interface name (ours).  Null without an
 *                          adapter (loopback) or when unknown.
 * NetRoute                 CimInstance MSFT_NetRoute {InstanceID,
 *                          DestinationPrefix, InterfaceAlias,
 *                          InterfaceIndex, NextHop}; ToString
 *                          `MSFT_NetRoute (InstanceID = "0.0.0.0/0;
 *                          10.0.0.1;2")`: Windows' InstanceID is opaque;
 *                          ours is the route's prefix, next hop and
 *                          interface index.  Null when unknown.
 * SourceAddress            CimInstance MSFT_NetIPAddress {IPAddress,
 *                          InterfaceIndex, InterfaceAlias, AddressFamily
 *                          ("IPv4"/"IPv6")}; ToString = the bare IP, as
 *                          Tcpip.Types.ps1xml makes it.  Null when unknown.
 * NameResolutionSucceeded  Boolean.
 * BasicNameResolution,
 * LLMNRNetbiosRecords,
 * DNSOnlyRecords           Object[] of Resolve-DnsName's records (the psm1
 *                          stores @(Resolve-DnsName ...)), null after a
 *                          failed resolution (the psm1 returned before).
 *                          For a name: a DnsRecord_A or DnsRecord_AAAA per
 *                          address the resolver gave, {Address, IPAddress,
 *                          QueryType, IP4Address|IP6Address, Name, Type,
 *                          Section, DataLength} (ours: no TTL or
 *                          CharacterSet), in Basic and DNSOnly alike.  For
 *                          an address literal: Basic holds its
 *                          DnsRecord_PTR {QueryType, NameHost, Name, Type,
 *                          Section} when it has a reverse name, DNSOnly
 *                          (an A_AAAA query) nothing.  LLMNR/NetBIOS:
 *                          always empty on Linux.  ToString of a record is
 *                          its type name.
 * AllNameResolutionResults The three | Sort-Object -Unique -Property
 *                          Address: a name's records, one per address in
 *                          the order Sort-Object gives address texts; a
 *                          PTR (no Address) alone.  One record bare,
 *                          several an Object[], none null.
 * IsAdmin                  Boolean.
 * NetworkIsolationContext  String or null.
 * MatchingIPsecRules       null: no IPsec rule lookup on Linux.
 */

/* .NET System.Net.Sockets.AddressFamily values */
#define AF_DOTNET_INET		2
#define AF_DOTNET_INET6		23

#define PINGREPLY_TYPE	"System.Net.NetworkInformation.PingReply"
#define CIM_TYPE	"Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/"

/* .NET's Ping.DefaultSendBuffer: 32 bytes of 'a' + i % 23 */
#define PING_BUFFER_LEN	32

/* Builder state: the first failure sticks, later adds are skipped. */
struct builder {
	struct psobj *o;
	int	rc;
};

static void
b_add(struct builder *b, const char *name, struct psobj_value v)
{
	if (b->rc != 0) {
		psobj_value_free(&v);
		return;
	}
	b->rc = psobj_add(b->o, name, v);
}

/* Adds a value whose constructor returned rc. */
static void
b_add_rc(struct builder *b, const char *name, int rc, struct psobj_value v)
{
	if (rc != 0 && b->rc == 0)
		b->rc = -1;
	b_add(b, name, v);
}

static void
b_string(struct builder *b, const char *name, const char *s)
{
	struct psobj_value v = psobj_null();
	int rc = 0;

	if (s != NULL)
		rc = psobj_string(&v, s);
	b_add_rc(b, name, rc, v);
}

/* A string property that is null when s is empty (an unset .NET field). */
static void
b_string_or_null(struct builder *b, const char *name, const char *s)
{
	b_string(b, name, s != NULL && *s != '\0' ? s : NULL);
}

/* Sets v to a finished object (b->o) with ToString text, or fails. */
static int
b_finish(struct builder *b, struct psobj_value *v, const char *to_string)
{
	*v = psobj_null();
	if (b->rc != 0) {
		psobj_free(b->o);
		errno = ENOMEM;
		return -1;
	}
	return psobj_object(v, b->o, to_string);
}

/* ---------------------------------------------------------------------- */
/* System.Net.IPAddress */

struct ip_facts {
	bool	v6;
	unsigned char bytes[16];
	unsigned long scope;
};

static int
ip_parse(const char *text, struct ip_facts *f)
{
	char buf[TNC_ADDR_TEXT_LEN];
	char *pct, *end;

	memset(f, 0, sizeof(*f));
	if (strlen(text) >= sizeof(buf))
		return -1;
	strcpy(buf, text);
	pct = strchr(buf, '%');
	if (pct != NULL) {
		*pct++ = '\0';
		errno = 0;
		f->scope = strtoul(pct, &end, 10);
		if (errno != 0 || end == pct || *end != '\0')
			f->scope = 0;	/* a named scope: .NET would not print one */
	}
	if (inet_pton(AF_INET, buf, f->bytes) == 1)
		return 0;
	if (inet_pton(AF_INET6, buf, f->bytes) == 1) {
		f->v6 = true;
		return 0;
	}
	return -1;
}

/*
 * IPAddress.Address (5.1): the four bytes in network order read as a
 * little-endian UInt32, as .NET keeps them (127.0.0.1 -> 16777343).  For
 * IPv6 the getter throws, which PowerShell shows as an empty value: null.
 */
static struct psobj_value
ip_address_value(const struct ip_facts *f)
{
	unsigned long long a;

	if (f->v6)
		return psobj_null();
	a = (unsigned long long)f->bytes[0] |
	    (unsigned long long)f->bytes[1] << 8 |
	    (unsigned long long)f->bytes[2] << 16 |
	    (unsigned long long)f->bytes[3] << 24;
	return psobj_int((long long)a, "System.Int64");
}

static void
ip_add_family(struct builder *b, const struct ip_facts *f)
{
	struct psobj_value v;
	int rc;

	rc = f->v6 ? psobj_enum(&v, AF_DOTNET_INET6,
	    "System.Net.Sockets.AddressFamily", "InterNetworkV6") :
	    psobj_enum(&v, AF_DOTNET_INET, "System.Net.Sockets.AddressFamily",
	    "InterNetwork");
	b_add_rc(b, "AddressFamily", rc, v);
}

/* ScopeId throws for IPv4 (shown empty, so null); an Int64 for IPv6. */
static void
ip_add_scope(struct builder *b, const struct ip_facts *f)
{
	b_add(b, "ScopeId", f->v6 ?
	    psobj_int((long long)f->scope, "System.Int64") : psobj_null());
}

static void
ip_add_v6_flags(struct builder *b, const struct ip_facts *f, bool unique)
{
	const unsigned char *a = f->bytes;
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0, 0xff, 0xff };

	b_add(b, "IsIPv6Multicast", psobj_bool(f->v6 && a[0] == 0xff));
	b_add(b, "IsIPv6LinkLocal",
	    psobj_bool(f->v6 && a[0] == 0xfe && (a[1] & 0xc0) == 0x80));
	b_add(b, "IsIPv6SiteLocal",
	    psobj_bool(f->v6 && a[0] == 0xfe && (a[1] & 0xc0) == 0xc0));
	b_add(b, "IsIPv6Teredo", psobj_bool(f->v6 && a[0] == 0x20 &&
	    a[1] == 0x01 && a[2] == 0 && a[3] == 0));
	if (unique)		/* added in .NET 5: pwsh 7.1+ only */
		b_add(b, "IsIPv6UniqueLocal",
		    psobj_bool(f->v6 && (a[0] & 0xfe) == 0xfc));
	b_add(b, "IsIPv4MappedToIPv6",
	    psobj_bool(f->v6 && memcmp(a, mapped, sizeof(mapped)) == 0));
}

int
result_object_ip_address(struct psobj_value *v, const char *text,
    enum ps_edition ed)
{
	struct builder b = { psobj_new(IPADDRESS_TYPE), 0 };
	struct ip_facts f;

	*v = psobj_null();
	if (b.o == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (ip_parse(text, &f) != 0) {
		psobj_free(b.o);
		errno = EINVAL;
		return -1;
	}
	/* spec 3.6: the member order of each edition's IPAddress */
	if (ed == PS_EDITION_51)
		b_add(&b, "Address", ip_address_value(&f));
	ip_add_family(&b, &f);
	ip_add_scope(&b, &f);
	ip_add_v6_flags(&b, &f, ed != PS_EDITION_51);
	if (ed != PS_EDITION_51)
		b_add(&b, "Address", ip_address_value(&f));
	b_string(&b, "IPAddressToString", text);
	return b_finish(&b, v, text);
}

/* ---------------------------------------------------------------------- */
/* TestNetConnectionResult */

static void
b_ip(struct builder *b, const char *name, const char *text,
    enum ps_edition ed)
{
	struct psobj_value v;
	int rc = result_object_ip_address(&v, text, ed);

	b_add_rc(b, name, rc, v);
}

static void
b_resolved(struct builder *b, const struct tnc_result *r, enum ps_edition ed)
{
	struct psobj_value v = psobj_null();
	size_t i;
	int rc = 0;

	if (r->name_resolution_succeeded || r->nresolved > 0) {
		rc = psobj_array(&v, r->nresolved, IPADDRESS_TYPE "[]");
		for (i = 0; rc == 0 && i < r->nresolved; i++)
			rc = result_object_ip_address(&v.items[i],
			    r->resolved[i].text, ed);
	}
	b_add_rc(b, "ResolvedAddresses", rc, v);
}

static void
b_ping_options(struct builder *pb, const struct tnc_result *r)
{
	struct builder b = { NULL, 0 };
	struct psobj_value v = psobj_null();
	int rc = 0;

	if (r->ping_succeeded) {
		b.o = psobj_new("System.Net.NetworkInformation.PingOptions");
		if (b.o == NULL)
			b.rc = -1;
		b_add(&b, "Ttl", psobj_int(128, "System.Int32"));
		b_add(&b, "DontFragment", psobj_bool(false));
		rc = b_finish(&b, &v, NULL);
	}
	b_add_rc(pb, "Options", rc, v);
}

static void
b_ping_buffer(struct builder *pb, const struct tnc_result *r)
{
	struct psobj_value v;
	size_t n = r->ping_succeeded ? PING_BUFFER_LEN : 0, i;
	int rc = psobj_array(&v, n, "System.Byte[]");

	for (i = 0; rc == 0 && i < n; i++)
		v.items[i] = psobj_int('a' + (long long)(i % 23), "System.Byte");
	b_add_rc(pb, "Buffer", rc, v);
}

/* System.Net.NetworkInformation.IPStatus values, for ConvertTo-Json */
static long long
ping_status_value(enum tnc_ping_status s)
{
	switch (s) {
	case TNC_PING_SUCCESS:
		return 0;
	case TNC_PING_TIMED_OUT:
		return 11010;
	case TNC_PING_DEST_HOST_UNREACHABLE:
		return 11003;
	case TNC_PING_DEST_NET_UNREACHABLE:
		return 11002;
	case TNC_PING_DEST_PROTOCOL_UNREACHABLE:
	case TNC_PING_DEST_PROHIBITED:		/* the same value in .NET */
		return 11004;
	case TNC_PING_DEST_PORT_UNREACHABLE:
		return 11005;
	case TNC_PING_TTL_EXPIRED:
		return 11013;
	case TNC_PING_PARAMETER_PROBLEM:
		return 11015;
	case TNC_PING_UNKNOWN:
		break;
	}
	return -1;
}

static void
b_ping_reply(struct builder *rb, const struct tnc_result *r,
    enum ps_edition ed)
{
	struct builder b = { NULL, 0 };
	struct psobj_value v = psobj_null(), st;
	const char *addr = NULL;
	int rc = 0;

	if (!r->ping_reply_present) {
		b_add(rb, "PingReplyDetails", v);
		return;
	}
	b.o = psobj_new(PINGREPLY_TYPE);
	if (b.o == NULL)
		b.rc = -1;
	rc = psobj_enum(&st, ping_status_value(r->ping_status),
	    "System.Net.NetworkInformation.IPStatus",
	    tnc_ping_status_name(r->ping_status));
	b_add_rc(&b, "Status", rc, st);
	if (r->remote_index >= 0 && (size_t)r->remote_index < r->nresolved)
		addr = r->resolved[r->remote_index].text;
	if (r->ping_succeeded && addr != NULL)
		b_ip(&b, "Address", addr, ed);
	else
		b_add(&b, "Address", psobj_null());
	b_add(&b, "RoundtripTime", psobj_int(r->ping_rtt_ms, "System.Int64"));
	b_ping_options(&b, r);
	b_ping_buffer(&b, r);
	rc = b_finish(&b, &v, NULL);
	b_add_rc(rb, "PingReplyDetails", rc, v);
}

static void
b_trace(struct builder *b, const struct tnc_result *r)
{
	struct psobj_value v = psobj_null();
	size_t i;
	int rc = 0;

	if (r->trace_route != NULL) {
		rc = psobj_array(&v, r->ntrace, "System.String[]");
		for (i = 0; rc == 0 && i < r->ntrace; i++)
			rc = psobj_string(&v.items[i], r->trace_route[i]);
	}
	b_add_rc(b, "TraceRoute", rc, v);
}

/* Sets *text by asprintf, or fails the builder. */
static void
b_text(struct builder *b, char **text, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
b_text(struct builder *b, char **text, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(text, fmt, ap) < 0) {
		*text = NULL;
		b->rc = -1;
	}
	va_end(ap);
}

/* Starts a CimInstance of class cls in b. */
static void
b_cim_begin(struct builder *b, const char *cls)
{
	char type[128];

	snprintf(type, sizeof(type), "%s%s", CIM_TYPE, cls);
	b->o = psobj_new(type);
	b->rc = b->o != NULL ? 0 : -1;
}

/* Adds name: the finished b with ToString text (freed here). */
static void
b_cim_end(struct builder *rb, const char *name, struct builder *b,
    char *text)
{
	struct psobj_value v;
	int rc = b_finish(b, &v, text);

	free(text);
	b_add_rc(rb, name, rc, v);
}

/*
 * NetAdapter: MSFT_NetAdapter, shown as CIM shows an instance, by its
 * class and keys (spec 7.7); null without an adapter (loopback).
 */
static void
b_net_adapter(struct builder *rb, const struct tnc_result *r)
{
	struct builder b;
	char *text = NULL;

	if (!r->has_adapter) {
		b_add(rb, "NetAdapter", psobj_null());
		return;
	}
	b_cim_begin(&b, "MSFT_NetAdapter");
	b_string(&b, "Name", r->interface_alias);
	b_string(&b, "CreationClassName", "MSFT_NetAdapter");
	b_string(&b, "DeviceID", r->adapter_device_id);
	b_string(&b, "SystemCreationClassName", "CIM_NetworkPort");
	b_string(&b, "SystemName", r->system_name);
	b_string(&b, "InterfaceDescription", r->interface_description);
	b_add(&b, "InterfaceIndex",
	    psobj_int(r->interface_index, "System.UInt32"));
	b_text(&b, &text, "MSFT_NetAdapter (CreationClassName = "
	    "\"MSFT_NetAdapter\", DeviceID = \"%s\", SystemCreationClassName "
	    "= \"CIM_NetworkPort\", SystemName = \"%s\")",
	    r->adapter_device_id, r->system_name);
	b_cim_end(rb, "NetAdapter", &b, text);
}

/*
 * NetRoute: MSFT_NetRoute, keyed by an InstanceID; ours is the route's
 * "DestinationPrefix;NextHop;InterfaceIndex".  Null when no route is known.
 */
static void
b_net_route(struct builder *rb, const struct tnc_result *r)
{
	struct builder b;
	char *id = NULL, *text = NULL;

	if (r->interface_alias[0] == '\0') {
		b_add(rb, "NetRoute", psobj_null());
		return;
	}
	b_cim_begin(&b, "MSFT_NetRoute");
	b_text(&b, &id, "%s;%s;%u", r->route_prefix, r->next_hop,
	    r->interface_index);
	b_string(&b, "InstanceID", id);
	b_string(&b, "DestinationPrefix", r->route_prefix);
	b_string(&b, "InterfaceAlias", r->interface_alias);
	b_add(&b, "InterfaceIndex",
	    psobj_int(r->interface_index, "System.UInt32"));
	b_string(&b, "NextHop", r->next_hop);
	b_text(&b, &text, "MSFT_NetRoute (InstanceID = \"%s\")",
	    id != NULL ? id : "");
	free(id);
	b_cim_end(rb, "NetRoute", &b, text);
}

static void
b_source(struct builder *rb, const struct tnc_result *r)
{
	struct builder b = { NULL, 0 };
	struct psobj_value v = psobj_null();
	int rc = 0;

	if (r->source_address[0] == '\0') {
		b_add(rb, "SourceAddress", v);
		return;
	}
	b.o = psobj_new(CIM_TYPE "MSFT_NetIPAddress");
	if (b.o == NULL)
		b.rc = -1;
	b_string(&b, "IPAddress", r->source_address);
	b_add(&b, "InterfaceIndex",
	    psobj_int(r->interface_index, "System.UInt32"));
	b_string_or_null(&b, "InterfaceAlias", r->interface_alias);
	b_string(&b, "AddressFamily",
	    strchr(r->source_address, ':') != NULL ? "IPv6" : "IPv4");
	/* Tcpip.Types.ps1xml: ToString() is the bare address */
	rc = b_finish(&b, &v, r->source_address);
	b_add_rc(rb, "SourceAddress", rc, v);
}

/* ---------------------------------------------------------------------- */
/* Resolve-DnsName's records (Microsoft.DnsClient.Commands.DnsRecord_*) */

#define DNSRECORD_TYPE	"Microsoft.DnsClient.Commands.DnsRecord_"
#define RECORDTYPE_TYPE	"Microsoft.DnsClient.Commands.RecordType"
#define SECTION_TYPE	"Microsoft.DnsClient.Commands.Section"

/* DNS RR type numbers (RFC 1035, 3596) */
#define RR_A		1
#define RR_PTR		12
#define RR_AAAA		28

static void
b_record_type(struct builder *b, const char *name, int rr, const char *text)
{
	struct psobj_value v;
	int rc = psobj_enum(&v, rr, RECORDTYPE_TYPE, text);

	b_add_rc(b, name, rc, v);
}

static void
b_answer_section(struct builder *b)
{
	struct psobj_value v;
	int rc = psobj_enum(&v, 1, SECTION_TYPE, "Answer");

	b_add_rc(b, "Section", rc, v);
}

/* DnsRecord_A or DnsRecord_AAAA: name resolved to addr */
static int
dns_address_record(struct psobj_value *v, const char *name, const char *addr)
{
	bool v6 = strchr(addr, ':') != NULL;
	const char *t = v6 ? "AAAA" : "A";
	struct builder b = { psobj_new(v6 ? DNSRECORD_TYPE "AAAA" :
	    DNSRECORD_TYPE "A"), 0 };

	if (b.o == NULL)
		b.rc = -1;
	b_string(&b, "Address", addr);
	b_string(&b, "IPAddress", addr);
	b_record_type(&b, "QueryType", v6 ? RR_AAAA : RR_A, t);
	b_string(&b, v6 ? "IP6Address" : "IP4Address", addr);
	b_string(&b, "Name", name);
	b_record_type(&b, "Type", v6 ? RR_AAAA : RR_A, t);
	b_answer_section(&b);
	b_add(&b, "DataLength", psobj_int(v6 ? 16 : 4, "System.UInt16"));
	return b_finish(&b, v, NULL);
}

/* The reverse-lookup name of an address: 4.3.2.1.in-addr.arpa, ... */
static void
arpa_name(const struct ip_facts *f, char *buf, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	int i;

	buf[0] = '\0';
	if (!f->v6) {
		snprintf(buf, len, "%u.%u.%u.%u.in-addr.arpa", f->bytes[3],
		    f->bytes[2], f->bytes[1], f->bytes[0]);
		return;
	}
	for (i = 15; i >= 0 && n + 4 < len; i--) {
		buf[n++] = hex[f->bytes[i] & 0xf];
		buf[n++] = '.';
		buf[n++] = hex[f->bytes[i] >> 4];
		buf[n++] = '.';
	}
	snprintf(buf + n, len - n, "ip6.arpa");
}

/* DnsRecord_PTR: the address literal f is called host */
static int
dns_ptr_record(struct psobj_value *v, const struct ip_facts *f,
    const char *host)
{
	struct builder b = { psobj_new(DNSRECORD_TYPE "PTR"), 0 };
	char arpa[80];

	if (b.o == NULL)
		b.rc = -1;
	arpa_name(f, arpa, sizeof(arpa));
	b_record_type(&b, "QueryType", RR_PTR, "PTR");
	b_string(&b, "NameHost", host);
	b_string(&b, "Name", arpa);
	b_record_type(&b, "Type", RR_PTR, "PTR");
	b_answer_section(&b);
	return b_finish(&b, v, NULL);
}

/*
 * Sort-Object's order for address texts (its culture comparison, ignoring
 * case): punctuation before digits, digits before letters.
 */
static int
char_rank(char c)
{
	if (c >= '0' && c <= '9')
		return 1;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 2;
	return 0;
}

static int
address_order(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	int rx, ry, cx, cy;

	for (; *x != '\0' && *y != '\0'; x++, y++) {
		rx = char_rank(*x);
		ry = char_rank(*y);
		if (rx != ry)
			return rx - ry;
		cx = tolower((unsigned char)*x);
		cy = tolower((unsigned char)*y);
		if (cx != cy)
			return cx - cy;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

/*
 * AllNameResolutionResults: the three lists | Sort-Object -Unique
 * -Property Address.  For a name, its A/AAAA records, one per address, in
 * address order; a PTR record has no Address, so all compare equal and
 * one is left.  One record is the record itself, several an Object[],
 * none null.
 */
static int
dns_all(struct psobj_value *v, const struct tnc_result *r,
    const struct ip_facts *literal)
{
	const char **addrs;
	size_t i, k, n = 0;
	int rc = 0;

	*v = psobj_null();
	if (literal != NULL)
		return r->reverse_name != NULL ?
		    dns_ptr_record(v, literal, r->reverse_name) : 0;
	addrs = calloc(r->nresolved + 1, sizeof(*addrs));
	if (addrs == NULL)
		return -1;
	for (i = 0; i < r->nresolved; i++) {
		for (k = 0; k < n && strcmp(addrs[k], r->resolved[i].text); k++)
			;
		if (k == n)
			addrs[n++] = r->resolved[i].text;
	}
	qsort(addrs, n, sizeof(*addrs), address_order);
	if (n == 1)
		rc = dns_address_record(v, r->computer_name, addrs[0]);
	else if (n > 1)
		rc = psobj_array(v, n, "System.Object[]");
	for (i = 0; n > 1 && rc == 0 && i < n; i++)
		rc = dns_address_record(&v->items[i], r->computer_name,
		    addrs[i]);
	free(addrs);
	return rc;
}

/*
 * One query's records as an Object[] (the psm1's @(Resolve-DnsName ...)):
 * for a name, an A/AAAA record per resolved address; for an address
 * literal, its PTR record when it has a reverse name and ptr is set.
 */
static int
dns_list(struct psobj_value *v, const struct tnc_result *r,
    const struct ip_facts *literal, bool ptr)
{
	size_t i, n;
	int rc;

	if (literal != NULL)
		n = ptr && r->reverse_name != NULL ? 1 : 0;
	else
		n = r->nresolved;
	rc = psobj_array(v, n, "System.Object[]");
	for (i = 0; rc == 0 && i < n; i++)
		rc = literal != NULL ?
		    dns_ptr_record(&v->items[i], literal, r->reverse_name) :
		    dns_address_record(&v->items[i], r->computer_name,
		    r->resolved[i].text);
	return rc;
}

/*
 * BasicNameResolution, LLMNRNetbiosRecords, DNSOnlyRecords and
 * AllNameResolutionResults (spec 7.7): null after a failed resolution
 * (the psm1 returned before); no LLMNR or NetBIOS on Linux; the DNS-only
 * query asks A_AAAA, which an address literal does not have.
 */
static void
b_dns(struct builder *b, const struct tnc_result *r)
{
	struct ip_facts f;
	const struct ip_facts *literal;
	struct psobj_value v = psobj_null();
	int rc;

	if (!r->name_resolution_succeeded) {
		b_add(b, "BasicNameResolution", psobj_null());
		b_add(b, "LLMNRNetbiosRecords", psobj_null());
		b_add(b, "DNSOnlyRecords", psobj_null());
		b_add(b, "AllNameResolutionResults", psobj_null());
		return;
	}
	literal = r->computer_name != NULL &&
	    ip_parse(r->computer_name, &f) == 0 ? &f : NULL;
	rc = dns_list(&v, r, literal, true);
	b_add_rc(b, "BasicNameResolution", rc, v);
	rc = psobj_array(&v, 0, "System.Object[]");
	b_add_rc(b, "LLMNRNetbiosRecords", rc, v);
	rc = dns_list(&v, r, literal, false);
	b_add_rc(b, "DNSOnlyRecords", rc, v);
	rc = dns_all(&v, r, literal);
	b_add_rc(b, "AllNameResolutionResults", rc, v);
}

int
result_object_new(struct psobj_value *v, const struct tnc_result *r,
    enum ps_edition ed)
{
	struct builder b = { psobj_new(RESULT_OBJECT_TYPE), 0 };

	if (b.o == NULL)
		b.rc = -1;
	b_string(&b, "ComputerName", r->computer_name);
	if (r->remote_index >= 0 && (size_t)r->remote_index < r->nresolved)
		b_ip(&b, "RemoteAddress", r->resolved[r->remote_index].text, ed);
	else
		b_add(&b, "RemoteAddress", psobj_null());
	b_resolved(&b, r, ed);
	b_add(&b, "PingSucceeded", psobj_bool(r->ping_succeeded));
	b_ping_reply(&b, r, ed);
	b_add(&b, "TcpClientSocket", psobj_null());
	b_add(&b, "TcpTestSucceeded", psobj_bool(r->tcp_test_succeeded));
	b_add(&b, "RemotePort", psobj_int(r->remote_port, "System.UInt32"));
	b_trace(&b, r);
	b_add(&b, "Detailed", psobj_bool(r->detailed));
	b_string_or_null(&b, "InterfaceAlias", r->interface_alias);
	b_add(&b, "InterfaceIndex",
	    psobj_int(r->interface_index, "System.UInt32"));
	b_string(&b, "InterfaceDescription",
	    r->has_adapter ? r->interface_description : NULL);
	b_net_adapter(&b, r);
	b_net_route(&b, r);
	b_source(&b, r);
	b_add(&b, "NameResolutionSucceeded",
	    psobj_bool(r->name_resolution_succeeded));
	b_dns(&b, r);
	b_add(&b, "IsAdmin", psobj_bool(r->is_admin));
	b_string(&b, "NetworkIsolationContext", r->network_isolation_context);
	b_add(&b, "MatchingIPsecRules", psobj_null());
	return b_finish(&b, v, NULL);
}

/* ---------------------------------------------------------------------- */
/* DefaultView from the object's properties */

static const struct psobj_value *
prop(const struct psobj *o, const char *name)
{
	const struct psobj_prop *p = psobj_find(o, name);

	return p != NULL ? &p->value : NULL;
}

static bool
prop_bool(const struct psobj *o, const char *name)
{
	const struct psobj_value *v = prop(o, name);

	return v != NULL && v->kind == PSOBJ_BOOL && v->b;
}

/* The property's display text copied into buf ("" for null). */
static void
prop_text(const struct psobj *o, const char *name, char *buf, size_t len)
{
	const struct psobj_value *v = prop(o, name);
	char *s = v != NULL ? psobj_value_to_string(v) : NULL;

	snprintf(buf, len, "%s", s != NULL ? s : "");
	free(s);
}

/* Replaces the value of the row labelled label (when shown) with text. */
static int
view_set(struct view_rows *rows, const char *label, const char *text)
{
	size_t i;

	for (i = 0; i < rows->n; i++) {
		char *s;

		if (strcmp(rows->items[i].label, label) != 0)
			continue;
		s = strdup(text);
		if (s == NULL)
			return -1;
		free(rows->items[i].value);
		rows->items[i].value = s;
	}
	return 0;
}

/* RemoteAddress, ResolvedAddresses (and the PTR name) and PingReplyDetails of o into r. */
static int
view_addresses(const struct psobj *o, struct tnc_result *r)
{
	const struct psobj_value *res = prop(o, "ResolvedAddresses");
	const struct psobj_value *pr = prop(o, "PingReplyDetails");
	const struct psobj_value *v, *host;
	size_t n = res != NULL && res->kind == PSOBJ_ARRAY ? res->nitems : 0, i;
	char *s;

	r->resolved = calloc(n + 1, sizeof(*r->resolved));
	if (r->resolved == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		s = psobj_value_to_string(&res->items[i]);
		if (s == NULL)
			return -1;
		snprintf(r->resolved[i].text, sizeof(r->resolved[i].text),
		    "%s", s);
		free(s);
	}
	r->nresolved = n;
	r->remote_index = -1;	/* the row is set from the property after */
	/* the PTR name of an IP-literal target: NameResolutionResults' last line */
	v = prop(o, "AllNameResolutionResults");
	if (v != NULL && v->kind == PSOBJ_OBJECT &&
	    strcmp(v->obj->type_name, DNSRECORD_TYPE "PTR") == 0 &&
	    (host = prop(v->obj, "NameHost")) != NULL &&
	    host->kind == PSOBJ_STRING)
		r->reverse_name = host->s;	/* borrowed: not freed with r */
	if (pr != NULL && pr->kind == PSOBJ_OBJECT) {
		const struct psobj_value *rtt = prop(pr->obj, "RoundtripTime");

		r->ping_reply_present = true;
		r->ping_rtt_ms = rtt != NULL && rtt->kind == PSOBJ_INT ?
		    (long)rtt->i : 0;
	}
	return 0;
}

int
result_object_default_view(const struct psobj *o, struct view_rows *rows)
{
	const struct psobj_value *v, *tr, *route;
	struct tnc_result r;
	char alias[256], ctx[256], remote[TNC_ADDR_TEXT_LEN];
	int rc = -1;

	rows->items = NULL;
	rows->n = 0;
	if (strcmp(o->type_name, RESULT_OBJECT_TYPE) != 0) {
		errno = EINVAL;
		return -1;
	}
	memset(&r, 0, sizeof(r));
	prop_text(o, "InterfaceAlias", alias, sizeof(alias));
	prop_text(o, "RemoteAddress", remote, sizeof(remote));
	prop_text(o, "NetworkIsolationContext", ctx, sizeof(ctx));
	v = prop(o, "ComputerName");
	r.computer_name = v != NULL && v->kind == PSOBJ_STRING ? v->s : "";
	r.detailed = prop_bool(o, "Detailed");
	r.tcp_test_succeeded = prop_bool(o, "TcpTestSucceeded");
	r.ping_succeeded = prop_bool(o, "PingSucceeded");
	r.is_admin = prop_bool(o, "IsAdmin");
	r.network_isolation_context = ctx;
	v = prop(o, "RemotePort");
	r.remote_port = v != NULL && v->kind == PSOBJ_INT ? (unsigned)v->i : 0;
	prop_text(o, "SourceAddress", r.source_address,
	    sizeof(r.source_address));
	route = prop(o, "NetRoute");
	if (route != NULL && route->kind == PSOBJ_OBJECT)
		prop_text(route->obj, "NextHop", r.next_hop, sizeof(r.next_hop));
	tr = prop(o, "TraceRoute");
	if (view_addresses(o, &r) != 0)
		goto out;
	if (tr != NULL && tr->kind == PSOBJ_ARRAY) {
		size_t i;

		r.trace_route = calloc(tr->nitems + 1, sizeof(*r.trace_route));
		if (r.trace_route == NULL)
			goto out;
		for (i = 0; i < tr->nitems; i++)
			r.trace_route[i] = tr->items[i].kind == PSOBJ_STRING ?
			    tr->items[i].s : "";
		r.ntrace = tr->nitems;
	}
	/*
	 * The alias can be longer than IF_NAMESIZE, and RemoteAddress need
	 * not be among ResolvedAddresses: both rows are set after.
	 */
	if (result_view_default(&r, rows) == 0)
		rc = view_set(rows, "InterfaceAlias", alias) |
		    view_set(rows, "RemoteAddress", remote);
	if (rc != 0)
		view_rows_free(rows);
out:
	free(r.resolved);
	free(r.trace_route);
	if (rc != 0)
		errno = ENOMEM;
	return rc;
}
