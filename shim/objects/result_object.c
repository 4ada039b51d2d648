/* result_object.c: a tnc_result as the TestNetConnectionResult object. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/resolve.h"
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
 * InterfaceDescription     String: Linux has no adapter description, so the
 *                          interface name (ours); null when unknown.
 * NetAdapter               CimInstance MSFT_NetAdapter {Name,
 *                          InterfaceDescription, InterfaceIndex}; ToString
 *                          `MSFT_NetAdapter (Name = "eth0")` (ours: CIM's
 *                          ToString is class + key properties, and Windows'
 *                          keys, a device GUID and the system name, do not
 *                          exist here).  Null when unknown.
 * NetRoute                 CimInstance MSFT_NetRoute {InterfaceAlias,
 *                          InterfaceIndex, NextHop}; ToString
 *                          `MSFT_NetRoute (InterfaceAlias = "eth0",
 *                          NextHop = "10.0.0.1")` (ours).  NextHop is the
 *                          route's gateway, empty when tnc did not look it
 *                          up.  Null when unknown.
 * SourceAddress            CimInstance MSFT_NetIPAddress {IPAddress,
 *                          InterfaceIndex, InterfaceAlias, AddressFamily
 *                          ("IPv4"/"IPv6")}; ToString = the bare IP, as
 *                          Tcpip.Types.ps1xml makes it.  Null when unknown.
 * NameResolutionSucceeded  Boolean.
 * BasicNameResolution,
 * LLMNRNetbiosRecords,
 * DNSOnlyRecords           Object[]: the psm1 stores @(Resolve-DnsName ...);
 *                          tnc runs no Resolve-DnsName, so empty arrays
 *                          ("{}") after a successful resolution, null after
 *                          a failed one (the psm1 returned before); with
 *                          the PTR name of an IP-literal target (looked up
 *                          for Detailed), Basic and DNSOnly hold its
 *                          DnsRecord_PTR {Name, Type, NameHost} (spec 7.7).
 * AllNameResolutionResults that DnsRecord_PTR, else null: Sort-Object over
 *                          nothing gives nothing.
 * IsAdmin                  Boolean.
 * NetworkIsolationContext  String or null.
 * MatchingIPsecRules       null: no IPsec rule lookup on Linux.
 */

/* .NET System.Net.Sockets.AddressFamily values */
#define AF_DOTNET_INET		2
#define AF_DOTNET_INET6		23

#define PINGREPLY_TYPE	"System.Net.NetworkInformation.PingReply"
#define DNS_PTR_TYPE	"Microsoft.DnsClient.Commands.DnsRecord_PTR"
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

/* A CimInstance of class cls, or null when alias is empty. */
static void
b_cim(struct builder *rb, const char *name, const char *cls,
    const struct tnc_result *r)
{
	struct builder b = { NULL, 0 };
	struct psobj_value v = psobj_null();
	char type[128], *text = NULL;
	int rc = 0;

	if (r->interface_alias[0] == '\0') {
		b_add(rb, name, v);
		return;
	}
	snprintf(type, sizeof(type), "%s%s", CIM_TYPE, cls);
	b.o = psobj_new(type);
	if (b.o == NULL)
		b.rc = -1;
	if (strcmp(cls, "MSFT_NetAdapter") == 0) {
		b_string(&b, "Name", r->interface_alias);
		b_string(&b, "InterfaceDescription", r->interface_alias);
		b_add(&b, "InterfaceIndex",
		    psobj_int(r->interface_index, "System.UInt32"));
		if (asprintf(&text, "%s (Name = \"%s\")", cls,
		    r->interface_alias) < 0)
			text = NULL;
	} else {
		b_string(&b, "InterfaceAlias", r->interface_alias);
		b_add(&b, "InterfaceIndex",
		    psobj_int(r->interface_index, "System.UInt32"));
		b_string(&b, "NextHop", r->next_hop);
		if (asprintf(&text, "%s (InterfaceAlias = \"%s\", "
		    "NextHop = \"%s\")", cls, r->interface_alias,
		    r->next_hop) < 0)
			text = NULL;
	}
	if (text == NULL)
		b.rc = -1;
	rc = b_finish(&b, &v, text);
	free(text);
	b_add_rc(rb, name, rc, v);
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

/*
 * The PTR record of an IP-literal target (looked up for Detailed): a
 * DnsRecord_PTR with the record's name and NameHost, whose ToString() is
 * its type name (spec 7.7).
 */
static int
b_ptr_record(struct psobj_value *v, const struct tnc_result *r)
{
	struct builder b = { psobj_new(DNS_PTR_TYPE), 0 };
	char arpa[80];

	if (b.o == NULL)
		b.rc = -1;
	b_string(&b, "Name", address_arpa_name(&r->resolved[0], arpa,
	    sizeof(arpa)));
	b_string(&b, "Type", "PTR");
	b_string(&b, "NameHost", r->reverse_name);
	return b_finish(&b, v, NULL);
}

enum dns_shape {
	DNS_RECORDS,			/* Object[]: the PTR record, if any */
	DNS_NO_RECORDS,			/* Object[], always empty (LLMNR/NetBIOS) */
	DNS_RECORD			/* the record itself, or null */
};

/* Null before a resolution (see the table above); after it, as shape says. */
static void
b_dns_records(struct builder *b, const char *name, const struct tnc_result *r,
    enum dns_shape shape)
{
	struct psobj_value v = psobj_null();
	bool ptr = r->reverse_name != NULL && r->nresolved > 0;
	int rc = 0;

	if (shape == DNS_RECORD) {
		if (ptr)
			rc = b_ptr_record(&v, r);
	} else if (r->name_resolution_succeeded) {
		ptr = ptr && shape == DNS_RECORDS;
		rc = psobj_array(&v, ptr ? 1 : 0, "System.Object[]");
		if (rc == 0 && ptr)
			rc = b_ptr_record(&v.items[0], r);
	}
	b_add_rc(b, name, rc, v);
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
	b_string_or_null(&b, "InterfaceDescription", r->interface_alias);
	b_cim(&b, "NetAdapter", "MSFT_NetAdapter", r);
	b_cim(&b, "NetRoute", "MSFT_NetRoute", r);
	b_source(&b, r);
	b_add(&b, "NameResolutionSucceeded",
	    psobj_bool(r->name_resolution_succeeded));
	b_dns_records(&b, "BasicNameResolution", r, DNS_RECORDS);
	b_dns_records(&b, "LLMNRNetbiosRecords", r, DNS_NO_RECORDS);
	b_dns_records(&b, "DNSOnlyRecords", r, DNS_RECORDS);
	b_dns_records(&b, "AllNameResolutionResults", r, DNS_RECORD);
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
	    strcmp(v->obj->type_name, DNS_PTR_TYPE) == 0 &&
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
