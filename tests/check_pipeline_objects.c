/*
 * tests/check_pipeline_objects.c: the pipeline's object layer (issue 3):
 * the result object, wildcards, Select-Object, Out-Default, Format-List,
 * Format-Table, Out-String, ConvertTo-Json and ConvertTo-Csv, byte for
 * byte against fixtures/pipeline/ (see its README.md).  No network: every
 * result is built by hand.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/interface_info.h"
#include "objects/convert_csv.h"
#include "objects/convert_json.h"
#include "objects/object_format.h"
#include "objects/out_string.h"
#include "objects/psobj.h"
#include "objects/result_object.h"
#include "objects/select_object.h"
#include "objects/wildcard.h"
#include "tests/check_support.h"

#define ERRLEN	256

/* Compares with fixtures/pipeline/<name>, or fixtures/views/<name>. */
static void
assert_fixture(const char *got, const char *name)
{
	char *want = fixture_try_read("fixtures/pipeline/", name);

	if (want == NULL)
		want = fixture_read("fixtures/views/", name);
	assert_same_as_fixture(got, want, name);
	free(want);
}

/* ---------------------------------------------------------------------- */
/* results built by hand */

struct case_result {
	struct tnc_result r;
	struct tnc_address addrs[2];
};

/* name -> addr, port tested and refused, ping timed out (reply, 0 ms) */
static void
cr_tcp_fail(struct case_result *c, const char *name, const char *addr,
    const char *addr2)
{
	memset(c, 0, sizeof(*c));
	c->r.computer_name = (char *)name;
	c->r.resolved = c->addrs;
	c->r.nresolved = addr2 != NULL ? 2 : 1;
	snprintf(c->addrs[0].text, sizeof(c->addrs[0].text), "%s", addr);
	if (addr2 != NULL)
		snprintf(c->addrs[1].text, sizeof(c->addrs[1].text), "%s",
		    addr2);
	c->r.name_resolution_succeeded = true;
	c->r.remote_index = 0;
	c->r.remote_port = 5022;
	c->r.ping_reply_present = true;
	c->r.ping_status = TNC_PING_TIMED_OUT;
	c->r.is_admin = true;
	snprintf(c->r.interface_alias, sizeof(c->r.interface_alias), "eth0");
	c->r.interface_index = 2;
	snprintf(c->r.source_address, sizeof(c->r.source_address),
	    "10.0.0.10");
	/* what interface_info_fill() finds for a virtio NIC (spec 7.7) */
	c->r.has_adapter = true;
	snprintf(c->r.interface_description,
	    sizeof(c->r.interface_description), "virtio_net");
	interface_device_id("eth0", c->r.adapter_device_id,
	    sizeof(c->r.adapter_device_id));
	snprintf(c->r.system_name, sizeof(c->r.system_name), "sqlhost");
	snprintf(c->r.route_prefix, sizeof(c->r.route_prefix), "0.0.0.0/0");
	snprintf(c->r.next_hop, sizeof(c->r.next_hop), "10.0.0.1");
}

static struct psobj_value
result_value(const struct tnc_result *r, enum ps_edition ed)
{
	struct psobj_value v;

	ck_assert_int_eq(result_object_new(&v, r, ed), 0);
	ck_assert_int_eq(v.kind, PSOBJ_OBJECT);
	return v;
}

/* The host/10.0.0.5 result of spec 3.5 as an object. */
static struct psobj_value
host_value(enum ps_edition ed)
{
	struct case_result c;

	cr_tcp_fail(&c, "host", "10.0.0.5", NULL);
	return result_value(&c.r, ed);
}

/* select -Property names over one value; exactly one output. */
static struct psobj_value *
select_props(const struct psobj_value *in, size_t n,
    const char *const *names, size_t nnames, size_t *nout)
{
	struct select_spec spec = { names, nnames, NULL, false, 0, false, 0 };
	struct psobj_value *out;
	char *err;

	ck_assert_int_eq(select_object(in, n, &spec, &out, nout, NULL, &err),
	    0);
	free(err);
	return out;
}

static char *
out_default(const struct psobj_value *v, size_t n, enum ps_edition ed)
{
	struct capture c;

	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_out_default(v, n, ed, 0, &c.out), 0);
	return capture_take(&c);
}

static const char *const three[] = { "ComputerName", "RemoteAddress",
    "TcpTestSucceeded" };

/* ---------------------------------------------------------------------- */
/* psobj */

START_TEST(test_display_rules)
{
	struct psobj_value a, b = psobj_bool(true), i = psobj_int(5022,
	    "System.UInt32"), n = psobj_null();
	const char *items[] = { "a", "b", "c", "d", "e" };
	char *s;
	size_t k;

	ck_assert_int_eq(psobj_array(&a, 5, NULL), 0);
	for (k = 0; k < 5; k++)
		ck_assert_int_eq(psobj_string(&a.items[k], items[k]), 0);
	s = psobj_value_to_display(&a, PS_EDITION_51);
	ck_assert_str_eq(s, "{a, b, c, d...}");
	free(s);
	s = psobj_value_to_display(&a, PS_EDITION_74);
	ck_assert_str_eq(s, "{a, b, c, d\xe2\x80\xa6}");
	free(s);
	s = psobj_value_to_string(&a);
	ck_assert_str_eq(s, "System.Object[]");
	free(s);
	s = psobj_value_to_display(&b, PS_EDITION_51);
	ck_assert_str_eq(s, "True");
	free(s);
	s = psobj_value_to_display(&i, PS_EDITION_51);
	ck_assert_str_eq(s, "5022");
	free(s);
	s = psobj_value_to_display(&n, PS_EDITION_51);
	ck_assert_str_eq(s, "");
	free(s);
	psobj_value_free(&a);
}
END_TEST

START_TEST(test_copy_is_deep)
{
	struct psobj_value v = host_value(PS_EDITION_51), c;
	char *a, *b;

	ck_assert_int_eq(psobj_value_copy(&c, &v), 0);
	psobj_value_free(&v);
	a = out_default(&c, 1, PS_EDITION_51);
	v = host_value(PS_EDITION_51);
	b = out_default(&v, 1, PS_EDITION_51);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	psobj_value_free(&c);
	psobj_value_free(&v);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* the result object */

START_TEST(test_result_property_order)
{
	static const char *const want[] = { "ComputerName", "RemoteAddress",
	    "ResolvedAddresses", "PingSucceeded", "PingReplyDetails",
	    "TcpClientSocket", "TcpTestSucceeded", "RemotePort", "TraceRoute",
	    "Detailed", "InterfaceAlias", "InterfaceIndex",
	    "InterfaceDescription", "NetAdapter", "NetRoute", "SourceAddress",
	    "NameResolutionSucceeded", "BasicNameResolution",
	    "LLMNRNetbiosRecords", "DNSOnlyRecords", "AllNameResolutionResults",
	    "IsAdmin", "NetworkIsolationContext", "MatchingIPsecRules" };
	struct psobj_value v = host_value(PS_EDITION_51);
	size_t k;

	ck_assert_str_eq(v.obj->type_name, "TestNetConnectionResult");
	ck_assert_uint_eq(v.obj->nprops, sizeof(want) / sizeof(want[0]));
	for (k = 0; k < v.obj->nprops; k++)
		ck_assert_str_eq(v.obj->props[k].name, want[k]);
	psobj_value_free(&v);
}
END_TEST

/* The object's DefaultView equals the struct's (fixtures/views). */
START_TEST(test_result_default_view)
{
	struct case_result c;
	struct psobj_value v;
	char *got;

	cr_tcp_fail(&c, "192.168.0.103", "192.168.0.103", NULL);
	c.r.remote_port = 5985;
	snprintf(c.r.interface_alias, sizeof(c.r.interface_alias), "Ethernet");
	snprintf(c.r.source_address, sizeof(c.r.source_address),
	    "192.168.0.100");
	v = result_value(&c.r, PS_EDITION_51);
	got = out_default(&v, 1, PS_EDITION_51);
	assert_fixture(got, "c_tcp_fail_ping_fail.txt");
	free(got);
	psobj_value_free(&v);
}
END_TEST

START_TEST(test_result_null_remote)
{
	struct case_result c;
	struct psobj_value v;
	const struct psobj_prop *p;

	cr_tcp_fail(&c, "asas", "10.0.0.5", NULL);
	c.r.nresolved = 0;
	c.r.remote_index = -1;
	c.r.name_resolution_succeeded = false;
	v = result_value(&c.r, PS_EDITION_51);
	p = psobj_find(v.obj, "remoteaddress");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->value.kind, PSOBJ_NULL);
	p = psobj_find(v.obj, "ResolvedAddresses");
	ck_assert_int_eq(p->value.kind, PSOBJ_NULL);
	psobj_value_free(&v);
}
END_TEST

/* Format-List of the named properties of one result, as text */
static char *
fl_props(const struct tnc_result *r, const char *const *props, size_t n)
{
	struct format_spec fs = { .props = props, .nprops = n };
	struct psobj_value v = result_value(r, PS_EDITION_51);
	struct capture c;
	char err[ERRLEN];

	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_list(&v, 1, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	psobj_value_free(&v);
	return capture_take(&c);
}

/*
 * Spec 7.7: loopback has no NetAdapter and no InterfaceDescription; the
 * route's key is its InstanceID.  An address literal's records are its
 * PTR (when it has a reverse name); a name's are A and AAAA, and
 * AllNameResolutionResults is one record bare, several as an array in
 * address order.
 */
START_TEST(test_all_properties_values)
{
	static const char *const adapter[] = { "InterfaceDescription",
	    "NetAdapter", "NetRoute" };
	static const char *const dns[] = { "*Records", "*Resolution*" };
	struct case_result c;
	char *got;

	cr_tcp_fail(&c, "127.0.0.1", "127.0.0.1", NULL);
	snprintf(c.r.interface_alias, sizeof(c.r.interface_alias), "lo");
	c.r.interface_index = 1;
	c.r.has_adapter = false;	/* as interface_info_fill() leaves lo */
	snprintf(c.r.route_prefix, sizeof(c.r.route_prefix), "127.0.0.1/32");
	snprintf(c.r.next_hop, sizeof(c.r.next_hop), "0.0.0.0");
	got = fl_props(&c.r, adapter, 3);
	ck_assert_str_eq(got, "\n\nInterfaceDescription : \nNetAdapter           : "
	    "\nNetRoute             : MSFT_NetRoute (InstanceID = "
	    "\"127.0.0.1/32;0.0.0.0;1\")\n\n\n\n");
	free(got);
	/* an address literal without a reverse name: Resolve-DnsName fails */
	got = fl_props(&c.r, dns, 2);
	ck_assert_str_eq(got, "\n\nLLMNRNetbiosRecords      : {}\n"
	    "DNSOnlyRecords           : {}\nNameResolutionSucceeded  : True\n"
	    "BasicNameResolution      : {}\nAllNameResolutionResults : "
	    "\n\n\n\n");
	free(got);
	c.r.reverse_name = "localhost";
	got = fl_props(&c.r, dns, 2);
	ck_assert_str_eq(got, "\n\nLLMNRNetbiosRecords      : {}\n"
	    "DNSOnlyRecords           : {}\nNameResolutionSucceeded  : True\n"
	    "BasicNameResolution      : {Microsoft.DnsClient.Commands."
	    "DnsRecord_PTR}\nAllNameResolutionResults : Microsoft.DnsClient."
	    "Commands.DnsRecord_PTR\n\n\n\n");
	free(got);
	/* a name with two addresses */
	cr_tcp_fail(&c, "localhost", "127.0.0.1", "::1");
	got = fl_props(&c.r, dns, 2);
	ck_assert_str_eq(got, "\n\nLLMNRNetbiosRecords      : {}\n"
	    "DNSOnlyRecords           : {Microsoft.DnsClient.Commands."
	    "DnsRecord_A, Microsoft.DnsClient.Commands.DnsRecord_AAAA}\n"
	    "NameResolutionSucceeded  : True\n"
	    "BasicNameResolution      : {Microsoft.DnsClient.Commands."
	    "DnsRecord_A, Microsoft.DnsClient.Commands.DnsRecord_AAAA}\n"
	    "AllNameResolutionResults : {Microsoft.DnsClient.Commands."
	    "DnsRecord_AAAA, Microsoft.DnsClient.Commands.DnsRecord_A}\n"
	    "\n\n\n");
	free(got);
}
END_TEST

/* The record objects inside: what ConvertTo-Json shows of them */
START_TEST(test_dns_record_objects)
{
	struct case_result c;
	struct psobj_value v;
	char *got;

	cr_tcp_fail(&c, "10.0.0.5", "10.0.0.5", NULL);
	c.r.reverse_name = "db.example";
	v = result_value(&c.r, PS_EDITION_51);
	ck_assert_int_eq(convert_to_json(&psobj_find(v.obj,
	    "AllNameResolutionResults")->value, 1, JSON_DEFAULT_DEPTH, true,
	    "\n", &got), 0);
	ck_assert_str_eq(got, "{\"QueryType\":12,\"NameHost\":\"db.example\","
	    "\"Name\":\"5.0.0.10.in-addr.arpa\",\"Type\":12,\"Section\":1}");
	free(got);
	psobj_value_free(&v);
	cr_tcp_fail(&c, "fe80::1%2", "fe80::1%2", NULL);
	c.r.reverse_name = "gw";
	v = result_value(&c.r, PS_EDITION_51);
	got = psobj_value_to_string(&psobj_find(psobj_find(v.obj,
	    "AllNameResolutionResults")->value.obj, "Name")->value);
	ck_assert_str_eq(got, "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0."
	    "0.0.0.0.0.0.8.e.f.ip6.arpa");
	free(got);
	psobj_value_free(&v);
	cr_tcp_fail(&c, "db", "fd00::5", NULL);
	v = result_value(&c.r, PS_EDITION_51);
	ck_assert_int_eq(convert_to_json(&psobj_find(v.obj,
	    "BasicNameResolution")->value, 1, JSON_DEFAULT_DEPTH, true,
	    "\n", &got), 0);
	ck_assert_str_eq(got, "[{\"Address\":\"fd00::5\",\"IPAddress\":"
	    "\"fd00::5\",\"QueryType\":28,\"IP6Address\":\"fd00::5\","
	    "\"Name\":\"db\",\"Type\":28,\"Section\":1,\"DataLength\":16}]");
	free(got);
	psobj_value_free(&v);
}
END_TEST

/* DeviceID: the GUID-shaped hash of the name, as the fixtures' model has it */
START_TEST(test_device_id)
{
	char id[TNC_DEVICE_ID_LEN];

	interface_device_id("lab0", id, sizeof(id));
	ck_assert_str_eq(id, "{048990AD-9083-814C-A681-AE174C415549}");
	interface_device_id("eth0", id, sizeof(id));
	ck_assert_str_eq(id, "{C41BF760-7A25-8404-A169-516399F8F425}");
	interface_device_id("x", id, sizeof(id));
	ck_assert_str_eq(id, "{AF63F54C-8602-8707-88F1-5007B58DECCD}");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* wildcards */

static int
wmatch(const char *pattern, const char *s)
{
	struct wildcard w;
	char err[ERRLEN];
	int m;

	ck_assert_msg(wildcard_compile(&w, pattern, err, sizeof(err)) == 0,
	    "%s: %s", pattern, err);
	m = wildcard_match(&w, s, err, sizeof(err));
	wildcard_free(&w);
	return m;
}

START_TEST(test_wildcard)
{
	struct wildcard w;
	char err[ERRLEN];

	ck_assert_int_eq(wmatch("Remote*", "RemoteAddress"), 1);
	ck_assert_int_eq(wmatch("remote*", "REMOTEPORT"), 1);
	ck_assert_int_eq(wmatch("Remote*", "ComputerRemote"), 0);
	ck_assert_int_eq(wmatch("*", ""), 1);
	ck_assert_int_eq(wmatch("?cp*", "TcpTestSucceeded"), 1);
	ck_assert_int_eq(wmatch("[pt]*Succeeded", "PingSucceeded"), 1);
	ck_assert_int_eq(wmatch("[a-c]*", "ComputerName"), 1);
	ck_assert_int_eq(wmatch("[d-z]*", "ComputerName"), 0);
	ck_assert_int_eq(wmatch("a`*b", "a*b"), 1);
	ck_assert_int_eq(wmatch("a`*b", "axb"), 0);
	ck_assert_int_eq(wmatch("a.b", "axb"), 0);
	ck_assert_int_eq(wmatch("(x)", "(x)"), 1);
	ck_assert(wildcard_has_meta("Remote*"));
	ck_assert(!wildcard_has_meta("Remote`*"));
	ck_assert(!wildcard_has_meta("ComputerName"));
	ck_assert_int_eq(wildcard_compile(&w, "[abc", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "The specified wildcard character pattern is "
	    "not valid: [abc");
	/* PowerShell's WildcardPatternParser: what is invalid, what is not */
	ck_assert_int_eq(wildcard_compile(&w, "a[", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "The specified wildcard character pattern is "
	    "not valid: a[");
	ck_assert_int_eq(wildcard_compile(&w, "[]", err, sizeof(err)), -1);
	ck_assert_int_eq(wildcard_compile(&w, "[z-a]", err, sizeof(err)), -1);
	ck_assert_int_eq(wmatch("[]]", "]"), 1);	/* ']' first is literal */
	ck_assert_int_eq(wmatch("[]a]x", "ax"), 1);
	ck_assert_int_eq(wmatch("[a-]", "-"), 1);	/* '-' last is literal */
	ck_assert_int_eq(wmatch("[a`-c]", "b"), 0);	/* escaped: no range */
	ck_assert_int_eq(wmatch("[a`-c]", "-"), 1);
	ck_assert_int_eq(wmatch("[\\]", "\\"), 1);
	ck_assert_int_eq(wmatch("[^a]", "^"), 1);	/* no negation */
	ck_assert_int_eq(wmatch("a`", "a`"), 1);	/* a trailing escape */
	ck_assert_int_eq(wmatch("`", ""), 1);
	ck_assert_int_eq(wmatch("a]", "a]"), 1);
	ck_assert_int_eq(wmatch("[\xc3\xa9-\xc3\xaa]", "\xc3\xaa"), 1);
	ck_assert_int_eq(wmatch("x\xff*", "x\xef\xbf\xbdy"), 1);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Select-Object and Out-Default */

/* spec 3.4: select of 3 properties -> table (5.1 and 7.4) */
START_TEST(test_select3_table)
{
	struct case_result c;
	struct psobj_value v, *sel;
	size_t n;
	char *got;

	cr_tcp_fail(&c, "localhost", "::1", "127.0.0.1");
	v = result_value(&c.r, PS_EDITION_51);
	sel = select_props(&v, 1, three, 3, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(sel[0].obj->type_name,
	    "Selected.TestNetConnectionResult");
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "table_select3.txt");
	free(got);
	got = out_default(sel, n, PS_EDITION_74);
	assert_fixture(got, "table_select3_74.txt");
	free(got);
	select_values_free(sel, n);
	psobj_value_free(&v);
}
END_TEST

/* spec 3.5: select of 3 | Format-List */
START_TEST(test_select3_format_list)
{
	struct format_spec fs = { .props = NULL };
	struct psobj_value v = host_value(PS_EDITION_51), *sel;
	struct capture c;
	char err[ERRLEN];
	size_t n;
	char *got;

	sel = select_props(&v, 1, three, 3, &n);
	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_list(sel, n, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "select_format_list.txt");
	free(got);
	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_list(sel, n, &fs, PS_EDITION_74, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "select_format_list_74.txt");
	free(got);
	/* fl with explicit properties on the object itself: the same bytes */
	capture_open(&c, TNC_NEWLINE_LF);
	fs.props = three;
	fs.nprops = 3;
	ck_assert_int_eq(object_format_list(&v, 1, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "select_format_list.txt");
	free(got);
	select_values_free(sel, n);
	psobj_value_free(&v);
}
END_TEST

static struct psobj_value *
expand(const struct psobj_value *in, size_t n, const char *name,
    size_t *nout, int want_rc, char *err)
{
	struct select_spec spec = { NULL, 0, name, false, 0, false, 0 };
	struct psobj_value *out;
	char *e;

	ck_assert_int_eq(select_object(in, n, &spec, &out, nout, NULL, &e),
	    want_rc);
	snprintf(err, ERRLEN, "%s", e != NULL ? e : "");
	free(e);
	return out;
}

/* spec 3.6: -ExpandProperty */
START_TEST(test_expand)
{
	struct case_result c;
	struct psobj_value v, *x;
	char err[ERRLEN], *got;
	size_t n;

	cr_tcp_fail(&c, "localhost", "127.0.0.1", NULL);
	c.r.tcp_test_succeeded = true;
	v = result_value(&c.r, PS_EDITION_51);
	x = expand(&v, 1, "TcpTestSucceeded", &n, 0, err);
	got = out_default(x, n, PS_EDITION_51);
	assert_fixture(got, "expand_tcp.txt");
	free(got);
	select_values_free(x, n);

	x = expand(&v, 1, "remoteaddress", &n, 0, err);
	ck_assert_uint_eq(n, 1);
	got = out_default(x, n, PS_EDITION_51);
	assert_fixture(got, "expand_remote_address_51.txt");
	free(got);
	select_values_free(x, n);
	psobj_value_free(&v);

	v = result_value(&c.r, PS_EDITION_74);
	x = expand(&v, 1, "RemoteAddress", &n, 0, err);
	got = out_default(x, n, PS_EDITION_74);
	assert_fixture(got, "expand_remote_address_74.txt");
	free(got);
	select_values_free(x, n);
	psobj_value_free(&v);

	x = expand(NULL, 0, "Nope", &n, 0, err);
	ck_assert_uint_eq(n, 0);
	free(x);
}
END_TEST

START_TEST(test_expand_v6)
{
	struct psobj_value v;
	char *got;

	ck_assert_int_eq(result_object_ip_address(&v, "fe80::1%12",
	    PS_EDITION_51), 0);
	got = out_default(&v, 1, PS_EDITION_51);
	assert_fixture(got, "expand_remote_address_v6_51.txt");
	free(got);
	psobj_value_free(&v);
	ck_assert_int_eq(result_object_ip_address(&v, "nope", PS_EDITION_51),
	    -1);
}
END_TEST

START_TEST(test_expand_missing_and_array)
{
	struct case_result c;
	struct psobj_value v, *x;
	char err[ERRLEN], *got;
	size_t n;

	cr_tcp_fail(&c, "localhost", "::1", "127.0.0.1");
	v = result_value(&c.r, PS_EDITION_51);
	x = expand(&v, 1, "Foo", &n, 1, err);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(err, "Property \"Foo\" cannot be found.");
	select_values_free(x, n);
	/* an array enumerates; null (TraceRoute) gives nothing */
	x = expand(&v, 1, "ResolvedAddresses", &n, 0, err);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(x[1].to_string, "127.0.0.1");
	select_values_free(x, n);
	x = expand(&v, 1, "TraceRoute", &n, 0, err);
	ck_assert_uint_eq(n, 0);
	free(x);
	x = expand(&v, 1, "ComputerName", &n, 0, err);
	got = out_default(x, n, PS_EDITION_51);
	ck_assert_str_eq(got, "localhost\n");
	free(got);
	select_values_free(x, n);
	psobj_value_free(&v);
}
END_TEST

/* spec 3.7: labels take the member's casing; missing names; wildcards */
START_TEST(test_select_names)
{
	static const char *const lower[] = { "computername" };
	static const char *const missing[] = { "ComputerName", "Foo" };
	static const char *const wild[] = { "Remote*" };
	static const char *const none[] = { "Zz*" };
	static const char *const dup[] = { "ComputerName", "computername" };
	static const char *const star[] = { "*" };
	struct select_spec spec = { dup, 2, NULL, false, 0, false, 0 };
	struct psobj_value v = host_value(PS_EDITION_51), *sel;
	char *got, *e;
	size_t n, nerr;

	sel = select_props(&v, 1, lower, 1, &n);
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "select_lowercase.txt");
	free(got);
	select_values_free(sel, n);

	sel = select_props(&v, 1, missing, 2, &n);
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "select_missing_name.txt");
	free(got);
	select_values_free(sel, n);

	sel = select_props(&v, 1, wild, 1, &n);
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "select_remote_wildcard.txt");
	free(got);
	select_values_free(sel, n);

	sel = select_props(&v, 1, none, 1, &n);
	ck_assert_uint_eq(sel[0].obj->nprops, 0);
	select_values_free(sel, n);

	sel = select_props(&v, 1, star, 1, &n);
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "select_star.txt");
	free(got);
	select_values_free(sel, n);

	ck_assert_int_eq(select_object(&v, 1, &spec, &sel, &n, &nerr, &e), 1);
	ck_assert_uint_eq(nerr, 1);
	ck_assert_str_eq(e, "The property cannot be processed because the "
	    "property \"ComputerName\" already exists.");
	free(e);
	ck_assert_uint_eq(sel[0].obj->nprops, 1);
	select_values_free(sel, n);
	psobj_value_free(&v);
}
END_TEST

/* 5 or more properties: a list; fl * on the raw object: every property */
START_TEST(test_five_is_list)
{
	static const char *const five[] = { "ComputerName", "RemoteAddress",
	    "RemotePort", "InterfaceAlias", "TcpTestSucceeded" };
	static const char *const star[] = { "*" };
	struct format_spec fs = { .props = star, .nprops = 1 };
	struct psobj_value v = host_value(PS_EDITION_51), *sel;
	struct capture c;
	char err[ERRLEN], *got;
	size_t n;

	sel = select_props(&v, 1, five, 5, &n);
	got = out_default(sel, n, PS_EDITION_51);
	assert_fixture(got, "select_five.txt");
	free(got);
	select_values_free(sel, n);
	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_list(&v, 1, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "select_star.txt");
	free(got);
	psobj_value_free(&v);
}
END_TEST

START_TEST(test_first_last)
{
	struct case_result c;
	struct psobj_value in[3], *x;
	struct select_spec spec = { NULL, 0, "ComputerName", true, 2, false, 0 };
	const char *names[] = { "a", "b", "c" };
	char *got, *e;
	size_t n, i;

	for (i = 0; i < 3; i++) {
		cr_tcp_fail(&c, names[i], "10.0.0.5", NULL);
		in[i] = result_value(&c.r, PS_EDITION_51);
	}
	ck_assert_int_eq(select_object(in, 3, &spec, &x, &n, NULL, &e), 0);
	free(e);
	got = out_default(x, n, PS_EDITION_51);
	assert_fixture(got, "first2.txt");
	free(got);
	select_values_free(x, n);
	spec.has_first = false;
	spec.has_last = true;
	spec.last = 1;
	ck_assert_int_eq(select_object(in, 3, &spec, &x, &n, NULL, &e), 0);
	free(e);
	got = out_default(x, n, PS_EDITION_51);
	assert_fixture(got, "last1.txt");
	free(got);
	select_values_free(x, n);
	/* -First 1 -Last 1: a and c; -Last 5 of 3: all */
	spec.has_first = true;
	spec.first = 1;
	ck_assert_int_eq(select_object(in, 3, &spec, &x, &n, NULL, &e), 0);
	free(e);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(x[0].s, "a");
	ck_assert_str_eq(x[1].s, "c");
	select_values_free(x, n);
	spec.has_first = false;
	spec.last = 5;
	ck_assert_int_eq(select_object(in, 3, &spec, &x, &n, NULL, &e), 0);
	free(e);
	ck_assert_uint_eq(n, 3);
	select_values_free(x, n);
	for (i = 0; i < 3; i++)
		psobj_value_free(&in[i]);
}
END_TEST

/* Format-Table of the result object with no properties: TableView */
START_TEST(test_table_view)
{
	struct format_spec fs = { .props = NULL };
	struct psobj_value v = host_value(PS_EDITION_51);
	struct capture c;
	char err[ERRLEN], *got;

	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_table(&v, 1, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "table_view_51.txt");
	free(got);
	psobj_value_free(&v);
}
END_TEST

/* Format-Table -Property of the raw object equals select | Out-Default */
START_TEST(test_table_props)
{
	struct format_spec fs = { .props = three, .nprops = 3, .autosize = true };
	struct case_result cr;
	struct psobj_value v;
	struct capture c;
	char err[ERRLEN], *got;

	cr_tcp_fail(&cr, "localhost", "::1", "127.0.0.1");
	v = result_value(&cr.r, PS_EDITION_51);
	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_table(&v, 1, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	got = capture_take(&c);
	assert_fixture(got, "table_select3.txt");
	free(got);
	psobj_value_free(&v);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* ConvertTo-Json, ConvertTo-Csv, Out-String */

static void
assert_json(const struct psobj_value *v, size_t n, bool compress,
    const char *fixture)
{
	char *got, *line;

	ck_assert_int_eq(convert_to_json(v, n, JSON_DEFAULT_DEPTH, compress,
	    "\n", &got), 0);
	ck_assert_int_ge(asprintf(&line, "%s\n", got), 0);
	assert_fixture(line, fixture);
	free(line);
	free(got);
}

START_TEST(test_json)
{
	struct psobj_value v = host_value(PS_EDITION_51), *sel, two[2], s;
	struct case_result c;
	size_t n;
	char *got;

	sel = select_props(&v, 1, three, 3, &n);
	assert_json(sel, n, false, "json_select3.txt");
	assert_json(sel, n, true, "json_select3_compress.txt");
	select_values_free(sel, n);
	assert_json(&v, 1, false, "json_whole.txt");
	psobj_value_free(&v);
	cr_tcp_fail(&c, "a", "10.0.0.5", NULL);
	two[0] = result_value(&c.r, PS_EDITION_51);
	cr_tcp_fail(&c, "b", "10.0.0.5", NULL);
	two[1] = result_value(&c.r, PS_EDITION_51);
	assert_json(two, 2, false, "json_two.txt");
	psobj_value_free(&two[0]);
	psobj_value_free(&two[1]);

	ck_assert_int_eq(psobj_string(&s, "it's <a&b> \"q\" \\ \t\n\x01"), 0);
	v.kind = PSOBJ_NULL;
	ck_assert_ptr_nonnull(v.obj = psobj_new("System.Management.Automation.PSCustomObject"));
	ck_assert_int_eq(psobj_add(v.obj, "s", s), 0);
	v.kind = PSOBJ_OBJECT;
	v.to_string = NULL;
	v.type = NULL;
	assert_json(&v, 1, true, "json_escapes.txt");
	psobj_value_free(&v);
	/* a bare scalar; no input at all gives nothing */
	s = psobj_bool(true);
	ck_assert_int_eq(convert_to_json(&s, 1, 2, false, "\n", &got), 0);
	ck_assert_str_eq(got, "true");
	free(got);
	ck_assert_int_eq(convert_to_json(NULL, 0, 2, false, "\n", &got), 0);
	ck_assert_ptr_null(got);
}
END_TEST

/* The lines of a CSV joined with "\n", each ended by it. */
static char *
csv_text(const struct psobj_value *v, size_t n, bool no_type)
{
	struct psobj_value *lines;
	size_t nl, i, len = 0;
	char *buf = NULL;
	FILE *m = open_memstream(&buf, &len);

	ck_assert_int_eq(convert_to_csv(v, n, no_type, &lines, &nl), 0);
	for (i = 0; i < nl; i++)
		fprintf(m, "%s\n", lines[i].s);
	fclose(m);
	select_values_free(lines, nl);
	return buf;
}

START_TEST(test_csv)
{
	struct psobj_value v = host_value(PS_EDITION_51), *sel;
	size_t n;
	char *got;

	sel = select_props(&v, 1, three, 3, &n);
	got = csv_text(sel, n, false);
	assert_fixture(got, "csv_select3.txt");
	free(got);
	select_values_free(sel, n);
	got = csv_text(&v, 1, true);
	assert_fixture(got, "csv_whole_notype.txt");
	free(got);
	psobj_value_free(&v);
}
END_TEST

/* spec 3.6: Out-String of a 5.1 list is "\n\n<lines>\n\n\n\n" */
START_TEST(test_out_string)
{
	struct format_spec fs = { .props = NULL };
	struct psobj_value v = host_value(PS_EDITION_51), *sel, *str;
	struct capture c;
	char err[ERRLEN], *text;
	size_t n, ns;

	sel = select_props(&v, 1, three, 3, &n);
	capture_open(&c, TNC_NEWLINE_LF);
	ck_assert_int_eq(object_format_list(sel, n, &fs, PS_EDITION_51, &c.out,
	    err, sizeof(err)), 0);
	text = capture_take(&c);
	ck_assert_int_eq(out_string_split(text, "\n", false, &str, &ns), 0);
	ck_assert_uint_eq(ns, 1);
	ck_assert_str_eq(str[0].s, "\n\nComputerName     : host\n"
	    "RemoteAddress    : 10.0.0.5\nTcpTestSucceeded : False\n\n\n\n");
	select_values_free(str, ns);
	ck_assert_int_eq(out_string_split(text, "\n", true, &str, &ns), 0);
	ck_assert_uint_eq(ns, 8);
	ck_assert_str_eq(str[0].s, "");
	ck_assert_str_eq(str[2].s, "ComputerName     : host");
	ck_assert_str_eq(str[7].s, "");
	select_values_free(str, ns);
	free(text);
	/* Out-String of the selection itself: Out-Default's table */
	ck_assert_int_eq(out_string(sel, n, PS_EDITION_51, 0, TNC_NEWLINE_CRLF,
	    false, &str, &ns), 0);
	ck_assert_str_eq(str[0].s, "\r\nComputerName RemoteAddress "
	    "TcpTestSucceeded\r\n------------ ------------- ----------------\r\n"
	    "host         10.0.0.5                 False\r\n\r\n\r\n");
	select_values_free(str, ns);
	/*
	 * -Width 20, ColumnWidthManager: TcpTestSucceeded (16) cannot shrink
	 * below 5 and is hidden, RemoteAddress shrinks 13 -> 7; its label is
	 * split over two header lines and the value cut with "...".
	 */
	ck_assert_int_eq(out_string(sel, n, PS_EDITION_51, 20, TNC_NEWLINE_LF,
	    true, &str, &ns), 0);
	ck_assert_uint_eq(ns, 7);
	ck_assert_str_eq(str[1].s, "ComputerName RemoteA");
	ck_assert_str_eq(str[2].s, "             ddress ");
	ck_assert_str_eq(str[3].s, "------------ -------");
	ck_assert_str_eq(str[4].s, "host         10.0...");
	select_values_free(str, ns);
	select_values_free(sel, n);
	psobj_value_free(&v);
}
END_TEST

static Suite *
pipeline_suite(void)
{
	Suite *s = suite_create("pipeline_objects");
	TCase *tc;

	tc = tcase_create("psobj");
	tcase_add_test(tc, test_display_rules);
	tcase_add_test(tc, test_copy_is_deep);
	suite_add_tcase(s, tc);
	tc = tcase_create("result_object");
	tcase_add_test(tc, test_result_property_order);
	tcase_add_test(tc, test_result_default_view);
	tcase_add_test(tc, test_result_null_remote);
	tcase_add_test(tc, test_all_properties_values);
	tcase_add_test(tc, test_dns_record_objects);
	tcase_add_test(tc, test_device_id);
	suite_add_tcase(s, tc);
	tc = tcase_create("wildcard");
	tcase_add_test(tc, test_wildcard);
	suite_add_tcase(s, tc);
	tc = tcase_create("select_object");
	tcase_add_test(tc, test_select3_table);
	tcase_add_test(tc, test_select3_format_list);
	tcase_add_test(tc, test_expand);
	tcase_add_test(tc, test_expand_v6);
	tcase_add_test(tc, test_expand_missing_and_array);
	tcase_add_test(tc, test_select_names);
	tcase_add_test(tc, test_five_is_list);
	tcase_add_test(tc, test_first_last);
	suite_add_tcase(s, tc);
	tc = tcase_create("format_table");
	tcase_add_test(tc, test_table_view);
	tcase_add_test(tc, test_table_props);
	suite_add_tcase(s, tc);
	tc = tcase_create("convert");
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_csv);
	tcase_add_test(tc, test_out_string);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(pipeline_suite());
}
