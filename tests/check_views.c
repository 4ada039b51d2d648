/*
 * tests/check_views.c: the list writer, the default view of a
 * TestNetConnectionResult and the table writer, byte for byte against
 * fixtures/views/ (see fixtures/views/README.md) and spec 3.1-3.5.
 * No network: every result is built by hand.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"
#include "objects/list_writer.h"
#include "objects/result_view.h"
#include "objects/table_writer.h"
#include "tests/check_support.h"

/* Compares with fixtures/views/<name>. */
static void
assert_fixture(const char *got, const char *name)
{
	char *want = fixture_read("fixtures/views/", name);

	assert_same_as_fixture(got, want, name);
	free(want);
}

/* ---------------------------------------------------------------------- */
/* Results built by hand, one per case of spec 2.2 */

#define MAX_ADDRS	4

struct case_result {
	struct tnc_result r;
	struct tnc_address addrs[MAX_ADDRS];
	/*
	 * The Windows captures have interface aliases longer than Linux's
	 * IF_NAMESIZE - 1 (15) characters ("Loopback Pseudo-Interface 1"),
	 * which struct tnc_result cannot hold: such an alias is put into the
	 * view's InterfaceAlias row instead, after result_view_default().
	 */
	const char *long_alias;
};

static void
cr_init(struct case_result *c, const char *name, const char *const *addrs,
    size_t naddrs)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->r.computer_name = (char *)name;
	c->r.resolved = c->addrs;
	c->r.nresolved = naddrs;
	c->r.name_resolution_succeeded = naddrs > 0;
	c->r.remote_index = naddrs > 0 ? 0 : -1;
	c->r.is_admin = true;
	for (i = 0; i < naddrs && i < MAX_ADDRS; i++)
		snprintf(c->addrs[i].text, sizeof(c->addrs[i].text), "%s",
		    addrs[i]);
}

static void
cr_where(struct case_result *c, const char *alias, const char *source)
{
	if (strlen(alias) < sizeof(c->r.interface_alias))
		snprintf(c->r.interface_alias, sizeof(c->r.interface_alias),
		    "%s", alias);
	else
		c->long_alias = alias;
	snprintf(c->r.source_address, sizeof(c->r.source_address), "%s",
	    source);
}

static void
cr_ping(struct case_result *c, bool ok, bool reply, long rtt)
{
	c->r.ping_succeeded = ok;
	c->r.ping_reply_present = reply;
	c->r.ping_rtt_ms = rtt;
	c->r.ping_status = ok ? TNC_PING_SUCCESS : TNC_PING_TIMED_OUT;
}

/* (a) ping only */
static void
case_a(struct case_result *c)
{
	static const char *const a[] = { "1.1.1.1" };

	cr_init(c, "1.1.1.1", a, 1);
	cr_where(c, "Wi-Fi", "192.168.9.252");
	cr_ping(c, true, true, 32);
}

/* (b) TCP success */
static void
case_b(struct case_result *c)
{
	static const char *const a[] = { "127.0.0.1" };

	cr_init(c, "localhost", a, 1);
	cr_where(c, "Loopback Pseudo-Interface 1", "127.0.0.1");
	c->r.remote_port = 4566;
	c->r.tcp_test_succeeded = true;
}

/* (c) TCP failure, ping times out (reply object present, 0 ms) */
static void
case_c_ping_fail(struct case_result *c)
{
	static const char *const a[] = { "192.168.0.103" };

	cr_init(c, "192.168.0.103", a, 1);
	cr_where(c, "Ethernet", "192.168.0.100");
	c->r.remote_port = 5985;
	cr_ping(c, false, true, 0);
}

/* (c) TCP failure on both localhost addresses, ping ok on the first */
static void
case_c_ping_ok(struct case_result *c)
{
	static const char *const a[] = { "::1", "127.0.0.1" };

	cr_init(c, "localhost", a, 2);
	cr_where(c, "Loopback Pseudo-Interface 1", "::1");
	c->r.remote_port = 6000;
	cr_ping(c, true, true, 0);
}

/* (d) Detailed with a port, administrator */
static void
case_d_admin(struct case_result *c)
{
	static const char *const a[] = { "10.137.183.133" };

	cr_init(c, "QTTNWLERC00036", a, 1);
	cr_where(c, "Ethernet0 2", "10.156.125.136");
	snprintf(c->r.next_hop, sizeof(c->r.next_hop), "10.156.125.129");
	c->r.detailed = true;
	c->r.remote_port = 50601;
	c->r.network_isolation_context = "Private Network";
	cr_ping(c, true, true, 45);
}

static void
case_d_nonadmin(struct case_result *c)
{
	case_d_admin(c);
	c->r.is_admin = false;
}

/* (d) Detailed, ping only, two resolved addresses (IsAdmin never shown) */
static void
case_d_ping_only(struct case_result *c)
{
	static const char *const a[] = { "2a01:111:2003::52", "13.107.4.52" };

	cr_init(c, "internetbeacon.msedge.net", a, 2);
	cr_where(c, "Ethernet", "2001:4898:d8:33:81e8:7b49:8bf5:8710");
	snprintf(c->r.next_hop, sizeof(c->r.next_hop),
	    "fe80::200:5eff:fe00:203");
	c->r.detailed = true;
	c->r.is_admin = false;
	cr_ping(c, true, true, 6);
}

/* (e) TraceRoute */
static void
case_e(struct case_result *c)
{
	static const char *const a[] = { "8.8.8.8" };
	static char *hops[] = { "172.16.30.1", "192.168.200.1", "8.8.8.8" };

	cr_init(c, "8.8.8.8", a, 1);
	cr_where(c, "vEthernet (vmnet)", "172.16.30.7");
	cr_ping(c, true, true, 44);
	c->r.trace_route = hops;
	c->r.ntrace = 3;
}

/* (f) name resolution failure: nothing resolved, no reply object */
static void
case_f(struct case_result *c)
{
	cr_init(c, "asas", NULL, 0);
	cr_ping(c, false, false, 0);
}

/* (f) with -Port 27017: RemotePort stays 0 after the failure (spec 2.1) */
static void
case_f_port(struct case_result *c)
{
	case_f(c);
	c->r.is_admin = false;		/* does not matter: no port, not detailed */
}

/* width 14: ping only, the ping threw (PingReplyDetails null) */
static void
case_w14(struct case_result *c)
{
	static const char *const a[] = { "10.0.0.9" };

	cr_init(c, "10.0.0.9", a, 1);
	cr_where(c, "eth0", "10.0.0.10");
	cr_ping(c, false, false, 0);
}

/* width 21: Detailed, name resolution failed */
static void
case_w21(struct case_result *c)
{
	case_f(c);
	c->r.detailed = true;
}

struct fixture_case {
	const char *fixture;
	void	(*build)(struct case_result *);
	enum ps_edition edition;
};

static const struct fixture_case fixture_cases[] = {
	{ "a_ping_only.txt", case_a, PS_EDITION_51 },
	{ "b_tcp_success.txt", case_b, PS_EDITION_51 },
	{ "b_tcp_success_74.txt", case_b, PS_EDITION_74 },
	{ "c_tcp_fail_ping_fail.txt", case_c_ping_fail, PS_EDITION_51 },
	{ "c_tcp_fail_ping_ok.txt", case_c_ping_ok, PS_EDITION_51 },
	{ "d_detailed_port_admin.txt", case_d_admin, PS_EDITION_51 },
	{ "d_detailed_port_nonadmin.txt", case_d_nonadmin, PS_EDITION_51 },
	{ "d_detailed_ping_only.txt", case_d_ping_only, PS_EDITION_51 },
	{ "e_traceroute.txt", case_e, PS_EDITION_51 },
	{ "f_name_resolution_failure.txt", case_f, PS_EDITION_51 },
	{ "f_name_resolution_failure.txt", case_f_port, PS_EDITION_51 },
	{ "width14_ping_no_reply.txt", case_w14, PS_EDITION_51 },
	{ "width21_detailed_name_failure.txt", case_w21, PS_EDITION_51 },
};
#define NFIXTURE_CASES	(sizeof(fixture_cases) / sizeof(fixture_cases[0]))

/* Replaces the value of the row labelled label, which must exist. */
static void
rows_set(struct view_rows *rows, const char *label, const char *value)
{
	size_t i;

	for (i = 0; i < rows->n; i++) {
		if (strcmp(rows->items[i].label, label) == 0) {
			ck_assert_str_eq(rows->items[i].value, "");
			free(rows->items[i].value);
			rows->items[i].value = strdup(value);
			ck_assert_ptr_nonnull(rows->items[i].value);
			return;
		}
	}
	ck_abort_msg("no row %s", label);
}

/* Renders the results as one pipeline: one envelope, one entry each. */
static char *
render_results(struct case_result *cases, size_t n, enum ps_edition ed,
    enum tnc_newline nl)
{
	struct capture cap;
	struct list_writer lw;
	size_t i;

	capture_open(&cap, nl);
	list_writer_begin(&lw, &cap.out, ed);
	for (i = 0; i < n; i++) {
		struct view_rows rows;

		ck_assert_int_eq(result_view_default(&cases[i].r, &rows), 0);
		if (cases[i].long_alias != NULL)
			rows_set(&rows, "InterfaceAlias", cases[i].long_alias);
		list_writer_entry(&lw, rows.items, rows.n);
		view_rows_free(&rows);
		ck_assert_ptr_null(rows.items);
	}
	list_writer_end(&lw);
	return capture_take(&cap);
}

START_TEST(test_fixture_default_view)
{
	const struct fixture_case *fc = &fixture_cases[_i];
	struct case_result c;
	char *got;

	fc->build(&c);
	got = render_results(&c, 1, fc->edition, TNC_NEWLINE_LF);
	assert_fixture(got, fc->fixture);
	free(got);
}
END_TEST

/* (b) with CRLF: the spec's C string, byte for byte */
START_TEST(test_b_crlf_is_spec_string)
{
	static const char spec_b[] =
	    "\r\n\r\nComputerName     : localhost\r\nRemoteAddress    : "
	    "127.0.0.1\r\nRemotePort       : 4566\r\nInterfaceAlias   : "
	    "Loopback Pseudo-Interface 1\r\nSourceAddress    : 127.0.0.1\r\n"
	    "TcpTestSucceeded : True\r\n\r\n\r\n\r\n";
	struct case_result c;
	char *got;

	case_b(&c);
	got = render_results(&c, 1, PS_EDITION_51, TNC_NEWLINE_CRLF);
	ck_assert_uint_eq(strlen(got), sizeof(spec_b) - 1);
	ck_assert_mem_eq(got, spec_b, sizeof(spec_b) - 1);
	free(got);
}
END_TEST

/* (g) three objects under one envelope, each with its own width */
START_TEST(test_g_three_objects)
{
	static const char *const a1[] = { "10.0.0.51" };
	static const char *const a2[] = { "10.0.0.52" };
	static const char *const a3[] = { "10.0.0.2" };
	struct case_result c[3];
	char *got;

	cr_init(&c[0], "server1", a1, 1);
	cr_init(&c[1], "server2", a2, 1);
	cr_init(&c[2], "dc1", a3, 1);
	for (size_t i = 0; i < 3; i++) {
		cr_where(&c[i], "Ethernet", "10.0.0.10");
		c[i].r.remote_port = 53;
	}
	cr_ping(&c[0], true, true, 1);
	cr_ping(&c[1], true, true, 2);
	c[2].r.tcp_test_succeeded = true;
	got = render_results(c, 3, PS_EDITION_51, TNC_NEWLINE_LF);
	assert_fixture(got, "g_three_objects.txt");
	free(got);
}
END_TEST

/* spec 3.5: select ComputerName, RemoteAddress, TcpTestSucceeded | Format-List */
static char *
render_select_list(enum ps_edition ed)
{
	struct list_item items[] = {
		{ "ComputerName", "host" },
		{ "RemoteAddress", "10.0.0.5" },
		{ "TcpTestSucceeded", "False" },
	};
	struct capture cap;
	struct list_writer lw;

	capture_open(&cap, TNC_NEWLINE_LF);
	list_writer_begin(&lw, &cap.out, ed);
	list_writer_entry(&lw, items, 3);
	list_writer_end(&lw);
	return capture_take(&cap);
}

START_TEST(test_select_format_list)
{
	char *got = render_select_list(PS_EDITION_51);

	assert_fixture(got, "select_format_list.txt");
	free(got);
	got = render_select_list(PS_EDITION_74);
	assert_fixture(got, "select_format_list_74.txt");
	free(got);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* List writer rules (spec 3.1, 3.2) */

static char *
render_items(const struct list_item *items, size_t n, enum ps_edition ed)
{
	struct capture cap;
	struct list_writer lw;

	capture_open(&cap, TNC_NEWLINE_LF);
	list_writer_begin(&lw, &cap.out, ed);
	list_writer_entry(&lw, items, n);
	list_writer_end(&lw);
	return capture_take(&cap);
}

START_TEST(test_list_envelope_51)
{
	struct list_item it = { "testName", "testValue" };
	char *got = render_items(&it, 1, PS_EDITION_51);

	/* Format-List.Tests.ps1 at v6.0.0: "${nl}${nl}testName : testValue${nl}${nl}${nl}${nl}" */
	ck_assert_str_eq(got, "\n\ntestName : testValue\n\n\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_envelope_74)
{
	struct list_item it = { "testName", "testValue" };
	char *got = render_items(&it, 1, PS_EDITION_74);

	/* the same test after a7a49290a8: "${nl}testName : testValue${nl}${nl}" */
	ck_assert_str_eq(got, "\ntestName : testValue\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_two_entries_74)
{
	struct list_item a = { "A", "1" }, b = { "Longer", "2" };
	struct capture cap;
	struct list_writer lw;
	char *got;

	capture_open(&cap, TNC_NEWLINE_LF);
	list_writer_begin(&lw, &cap.out, PS_EDITION_74);
	list_writer_entry(&lw, &a, 1);
	list_writer_entry(&lw, &b, 1);
	list_writer_end(&lw);
	got = capture_take(&cap);
	ck_assert_str_eq(got, "\nA : 1\n\nLonger : 2\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_no_entries)
{
	struct capture cap;
	struct list_writer lw;
	char *got;

	capture_open(&cap, TNC_NEWLINE_LF);
	list_writer_begin(&lw, &cap.out, PS_EDITION_51);
	list_writer_end(&lw);
	got = capture_take(&cap);
	ck_assert_str_eq(got, "");
	free(got);
	ck_assert_uint_eq(lw.entries, 0);
}
END_TEST

START_TEST(test_list_entry_without_items)
{
	char *got = render_items(NULL, 0, PS_EDITION_51);

	/* ListWriter is disabled, ProcessPayload still writes its "" */
	ck_assert_str_eq(got, "\n\n\n\n\n");
	free(got);
	got = render_items(NULL, 0, PS_EDITION_74);
	ck_assert_str_eq(got, "\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_width_per_entry)
{
	struct list_item e1[] = { { "ab", "1" }, { "abcdef", "2" } };
	struct list_item e2[] = { { "x", "3" }, { "abc", "4" } };
	struct capture cap;
	struct list_writer lw;
	char *got;

	capture_open(&cap, TNC_NEWLINE_LF);
	list_writer_begin(&lw, &cap.out, PS_EDITION_51);
	list_writer_entry(&lw, e1, 2);
	list_writer_entry(&lw, e2, 2);
	list_writer_end(&lw);
	got = capture_take(&cap);
	ck_assert_str_eq(got, "\n\nab     : 1\nabcdef : 2\n\nx   : 3\nabc : 4\n\n\n\n");
	free(got);
	ck_assert_uint_eq(lw.entries, 2);
}
END_TEST

START_TEST(test_list_empty_values_keep_space)
{
	struct list_item items[] = { { "Name", NULL }, { "Other", "" },
	    { "Third", "v" } };
	char *got = render_items(items, 3, PS_EDITION_74);

	ck_assert_str_eq(got, "\nName  : \nOther : \nThird : v\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_multiline_indent)
{
	struct list_item items[] = { { "Hops", "a\nb\nc" },
	    { "NetworkIsolationContext", "x\r\ny" } };
	char *got = render_items(items, 2, PS_EDITION_74);

	/* width 23: continuation lines start after 26 spaces; '\r' dropped */
	ck_assert_str_eq(got,
	    "\n"
	    "Hops                    : a\n"
	    "                          b\n"
	    "                          c\n"
	    "NetworkIsolationContext : x\n"
	    "                          y\n"
	    "\n");
	free(got);
}
END_TEST

START_TEST(test_list_value_edge_lines)
{
	/* SplitLines: a trailing '\n' gives a last line of indent only, a lone '\r' vanishes */
	struct list_item items[] = { { "K", "a\n" }, { "L", "\nb" },
	    { "M", "c\rd" } };
	char *got = render_items(items, 3, PS_EDITION_74);

	ck_assert_str_eq(got, "\nK : a\n    \nL : \n    b\nM : cd\n\n");
	free(got);
}
END_TEST

START_TEST(test_list_no_wrap)
{
	char longv[301], want[400];
	struct list_item it = { "L", longv };
	char *got;

	memset(longv, 'x', 300);
	longv[300] = '\0';
	snprintf(want, sizeof(want), "\nL : %s\n\n", longv);
	got = render_items(&it, 1, PS_EDITION_74);
	/* one line however long: tnc never wraps (Out-String's width) */
	ck_assert_str_eq(got, want);
	free(got);
}
END_TEST

START_TEST(test_list_display_cells)
{
	struct list_item items[] = { { "\xe6\x97\xa5\xe6\x9c\xac", "wide" },
	    { "\xc3\xa9t\xc3\xa9", "narrow" }, { "abcde", "five" } };
	char *got;

	ck_assert_uint_eq(ps_display_cells("abc", 3), 3);
	ck_assert_uint_eq(ps_display_cells("\xc3\xa9t\xc3\xa9", 5), 3);	/* été */
	ck_assert_uint_eq(ps_display_cells("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);	/* 日本 */
	ck_assert_uint_eq(ps_display_cells("\xef\xbc\xa1", 3), 2);	/* fullwidth A */
	ck_assert_uint_eq(ps_display_cells("\xf0\x9f\x98\x80", 4), 2);	/* U+1F600: 2 UTF-16 units */
	ck_assert_uint_eq(ps_display_cells("\xff\xc3", 2), 2);	/* invalid bytes: 1 each */
	got = render_items(items, 3, PS_EDITION_74);
	ck_assert_str_eq(got, "\n\xe6\x97\xa5\xe6\x9c\xac  : wide\n"
	    "\xc3\xa9t\xc3\xa9   : narrow\nabcde : five\n\n");
	free(got);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Display conditions of the default view (spec 2.1) */

static void
assert_labels(const struct tnc_result *r, const char *const *want, size_t n)
{
	struct view_rows rows;
	size_t i;

	ck_assert_int_eq(result_view_default(r, &rows), 0);
	ck_assert_uint_eq(rows.n, n);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(rows.items[i].label, want[i]);
	view_rows_free(&rows);
}

START_TEST(test_view_tcp_success_hides_ping)
{
	static const char *const want[] = { "ComputerName", "RemoteAddress",
	    "RemotePort", "InterfaceAlias", "SourceAddress",
	    "TcpTestSucceeded" };
	struct case_result c;

	case_b(&c);			/* no ping ran: no reply object */
	assert_labels(&c.r, want, 6);
}
END_TEST

START_TEST(test_view_reply_row_independent_of_tcp)
{
	static const char *const want[] = { "ComputerName", "RemoteAddress",
	    "RemotePort", "InterfaceAlias", "SourceAddress",
	    "PingReplyDetails (RTT)", "TcpTestSucceeded" };
	struct case_result c;

	/* the condition is ($_.PingReplyDetails -ne $null) only */
	case_b(&c);
	cr_ping(&c, true, true, 3);
	assert_labels(&c.r, want, 7);
}
END_TEST

START_TEST(test_view_detailed_port_all_rows)
{
	static const char *const want[] = { "ComputerName", "RemoteAddress",
	    "RemotePort", "NameResolutionResults", "MatchingIPsecRules",
	    "NetworkIsolationContext", "IsAdmin", "InterfaceAlias",
	    "SourceAddress", "NetRoute (NextHop)", "PingSucceeded",
	    "PingReplyDetails (RTT)", "TcpTestSucceeded", "TraceRoute" };
	static char *hops[] = { "10.0.0.1" };
	struct case_result c;
	struct view_rows rows;

	case_d_nonadmin(&c);
	c.r.trace_route = hops;
	c.r.ntrace = 1;
	assert_labels(&c.r, want, 14);
	ck_assert_int_eq(result_view_default(&c.r, &rows), 0);
	ck_assert_str_eq(rows.items[4].value, "");
	ck_assert_str_eq(rows.items[6].value, "False");
	ck_assert_str_eq(rows.items[11].value, "45 ms");
	ck_assert_str_eq(rows.items[13].value, "10.0.0.1");
	view_rows_free(&rows);
}
END_TEST

START_TEST(test_view_values)
{
	static char *no_hops[] = { NULL };
	struct case_result c;
	struct view_rows rows;

	case_c_ping_ok(&c);
	c.r.remote_index = 1;		/* RemoteAddress follows remote_index */
	c.r.detailed = true;
	c.r.network_isolation_context = NULL;
	c.r.trace_route = no_hops;	/* traced, no hop: an empty value */
	c.r.ntrace = 0;
	ck_assert_int_eq(result_view_default(&c.r, &rows), 0);
	ck_assert_str_eq(rows.items[0].value, "localhost");
	ck_assert_str_eq(rows.items[1].value, "127.0.0.1");
	ck_assert_str_eq(rows.items[2].value, "6000");
	ck_assert_str_eq(rows.items[3].label, "NameResolutionResults");
	ck_assert_str_eq(rows.items[3].value, "::1\n127.0.0.1");
	ck_assert_str_eq(rows.items[5].label, "NetworkIsolationContext");
	ck_assert_str_eq(rows.items[5].value, "");
	ck_assert_str_eq(rows.items[rows.n - 1].label, "TraceRoute");
	ck_assert_str_eq(rows.items[rows.n - 1].value, "");
	view_rows_free(&rows);

	c.r.remote_index = -1;		/* RemoteAddress null */
	c.r.remote_port = 65535;
	c.r.ping_rtt_ms = 1234;
	ck_assert_int_eq(result_view_default(&c.r, &rows), 0);
	ck_assert_str_eq(rows.items[1].value, "");
	ck_assert_str_eq(rows.items[2].value, "65535");
	ck_assert_str_eq(rows.items[rows.n - 3].value, "1234 ms");
	view_rows_free(&rows);
}
END_TEST

START_TEST(test_view_computer_name_null)
{
	struct case_result c;
	struct view_rows rows;

	case_f(&c);
	c.r.computer_name = NULL;
	ck_assert_int_eq(result_view_default(&c.r, &rows), 0);
	ck_assert_str_eq(rows.items[0].value, "");
	view_rows_free(&rows);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Table writer (spec 3.4) */

static char *
render_table(struct table_column *cols, size_t ncols,
    const char *const *cells, size_t nrows, enum ps_edition ed)
{
	struct capture cap;

	capture_open(&cap, TNC_NEWLINE_LF);
	table_write(&cap.out, ed, cols, ncols, cells, nrows);
	return capture_take(&cap);
}

START_TEST(test_table_select3_fixture)
{
	static const char *const cells[] = { "localhost", "::1", "False" };
	struct table_column cols[] = {
		{ "ComputerName", TABLE_ALIGN_LEFT, 0 },
		{ "RemoteAddress", TABLE_ALIGN_LEFT, 0 },
		{ "TcpTestSucceeded", TABLE_ALIGN_RIGHT, 0 },
	};
	char *got;

	got = render_table(cols, 3, cells, 1, PS_EDITION_51);
	ck_assert_uint_eq(cols[0].width, 12);
	ck_assert_uint_eq(cols[1].width, 13);
	ck_assert_uint_eq(cols[2].width, 16);
	assert_fixture(got, "table_select3.txt");
	free(got);
	got = render_table(cols, 3, cells, 1, PS_EDITION_74);
	assert_fixture(got, "table_select3_74.txt");
	free(got);
}
END_TEST

START_TEST(test_table_trailing_spaces)
{
	static const char *const cells[] = { "x", "10.0.0.1", "host2", "::1" };
	struct table_column cols[] = {
		{ "Name", TABLE_ALIGN_LEFT, 0 },
		{ "Addr", TABLE_ALIGN_LEFT, 0 },
	};
	char *got;

	/* 5.1 pads the last column too */
	got = render_table(cols, 2, cells, 2, PS_EDITION_51);
	ck_assert_str_eq(got, "\nName  Addr    \n----  ----    \n"
	    "x     10.0.0.1\nhost2 ::1     \n\n\n");
	free(got);
	/* 7.4 does not (#5568), and ends with one blank line */
	got = render_table(cols, 2, cells, 2, PS_EDITION_74);
	ck_assert_str_eq(got, "\nName  Addr\n----  ----\n"
	    "x     10.0.0.1\nhost2 ::1\n\n");
	free(got);
}
END_TEST

START_TEST(test_table_right_align_dashes)
{
	static const char *const cells[] = { "123456", "True", "a" };
	struct table_column cols[] = {
		{ "Port", TABLE_ALIGN_RIGHT, 0 },
		{ "Ok", TABLE_ALIGN_RIGHT, 0 },
		{ "N", TABLE_ALIGN_LEFT, 0 },
	};
	static const char *const two[] = { "123456", "True" };
	char *got;

	/* dashes: min(width, label), aligned like the column */
	got = render_table(cols, 3, cells, 1, PS_EDITION_51);
	ck_assert_str_eq(got, "\n  Port   Ok N\n  ----   -- -\n"
	    "123456 True a\n\n\n");
	free(got);
	/* a right-aligned last column is padded in 7.4 as well */
	cols[0].width = cols[1].width = 0;
	got = render_table(cols, 2, two, 1, PS_EDITION_74);
	ck_assert_str_eq(got, "\n  Port   Ok\n  ----   --\n123456 True\n\n");
	free(got);
}
END_TEST

START_TEST(test_table_empty_label_and_values)
{
	static const char *const cells[] = { "abc", NULL };
	struct table_column cols[] = {
		{ "", TABLE_ALIGN_LEFT, 0 },
		{ "Missing", TABLE_ALIGN_LEFT, 0 },
	};
	char *got;

	/* an empty label gets width dashes; a NULL cell is empty */
	got = render_table(cols, 2, cells, 1, PS_EDITION_51);
	ck_assert_str_eq(got, "\n    Missing\n--- -------\nabc        \n\n\n");
	free(got);
}
END_TEST

static char *
render_fixed(const struct table_column *cols, size_t ncols,
    const char *const *row, enum ps_edition ed)
{
	struct capture cap;
	struct table_writer tw;

	capture_open(&cap, TNC_NEWLINE_LF);
	table_writer_begin(&tw, &cap.out, ed, cols, ncols);
	table_writer_row(&tw, row);
	table_writer_end(&tw);
	return capture_take(&cap);
}

START_TEST(test_table_truncation)
{
	static const char *const row[] = { "abcdefghij", "abcdefghij" };
	struct table_column cols[] = {
		{ "L", TABLE_ALIGN_LEFT, 6 },
		{ "R", TABLE_ALIGN_RIGHT, 6 },
	};
	char *got;

	got = render_fixed(cols, 2, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nL           R\n-           -\n"
	    "abc... ...hij\n\n\n");
	free(got);
	got = render_fixed(cols, 2, row, PS_EDITION_74);
	ck_assert_str_eq(got, "\nL           R\n-           -\n"
	    "abcde\xe2\x80\xa6 \xe2\x80\xa6" "fghij\n\n");
	free(got);
	/* no room for "...": a plain cut at the width */
	cols[0].width = cols[1].width = 3;
	got = render_fixed(cols, 2, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nL     R\n-     -\nabc hij\n\n\n");
	free(got);
}
END_TEST

START_TEST(test_table_newline_in_value)
{
	static const char *const row[] = { "a\r\nb", "c\nd" };
	struct table_column cols[] = {
		{ "First", TABLE_ALIGN_LEFT, 5 },
		{ "Second", TABLE_ALIGN_LEFT, 6 },
	};
	char *got;

	/* TruncateAtNewLine: the first line and an ellipsis */
	got = render_fixed(cols, 2, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nFirst Second\n----- ------\na...  c...  \n\n\n");
	free(got);
	got = render_fixed(cols, 2, row, PS_EDITION_74);
	ck_assert_str_eq(got, "\nFirst Second\n----- ------\n"
	    "a\xe2\x80\xa6    c\xe2\x80\xa6\n\n");
	free(got);
}
END_TEST

START_TEST(test_table_long_header)
{
	static const char *const row[] = { "x", "y" };
	struct table_column cols[] = {
		{ "LongHeader", TABLE_ALIGN_LEFT, 4 },
		{ "B", TABLE_ALIGN_LEFT, 1 },
	};
	char *got;

	/* a label wider than its fixed column takes several lines */
	got = render_fixed(cols, 2, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nLong B\nHead  \ner    \n---- -\nx    y\n\n\n");
	free(got);
	got = render_fixed(cols, 2, row, PS_EDITION_74);
	ck_assert_str_eq(got, "\nLong B\nHead\ner\n---- -\nx    y\n\n");
	free(got);
}
END_TEST

START_TEST(test_table_rows_and_none)
{
	struct table_column cols[] = { { "A", TABLE_ALIGN_LEFT, 1 } };
	static const char *const r1[] = { "1" }, *const r2[] = { "2" };
	struct capture cap;
	struct table_writer tw;
	char *got;

	/* no row: no envelope at all */
	capture_open(&cap, TNC_NEWLINE_LF);
	table_writer_begin(&tw, &cap.out, PS_EDITION_51, cols, 1);
	table_writer_end(&tw);
	got = capture_take(&cap);
	ck_assert_str_eq(got, "");
	free(got);
	/* rows written one by one share one header */
	capture_open(&cap, TNC_NEWLINE_CRLF);
	table_writer_begin(&tw, &cap.out, PS_EDITION_51, cols, 1);
	table_writer_row(&tw, r1);
	table_writer_row(&tw, r2);
	table_writer_end(&tw);
	got = capture_take(&cap);
	ck_assert_str_eq(got, "\r\nA\r\n-\r\n1\r\n2\r\n\r\n\r\n");
	free(got);
}
END_TEST

START_TEST(test_table_wide_chars)
{
	static const char *const row[] = { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" };
	struct table_column cols[] = { { "Name", TABLE_ALIGN_LEFT, 5 } };
	char *got;

	/* 日本語 is 6 cells: 5.1 keeps 2 cells (日) + "..." = 5 */
	got = render_fixed(cols, 1, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nName \n---- \n\xe6\x97\xa5...\n\n\n");
	free(got);
	/* 7.4 keeps 4 cells (日本) + U+2026 = 5 */
	got = render_fixed(cols, 1, row, PS_EDITION_74);
	ck_assert_str_eq(got, "\nName\n----\n\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6\n\n");
	free(got);
	/* width 4 in 5.1: 1 cell left, 日 does not fit: padded with a blank */
	cols[0].width = 4;
	got = render_fixed(cols, 1, row, PS_EDITION_51);
	ck_assert_str_eq(got, "\nName\n----\n... \n\n\n");
	free(got);
}
END_TEST

/* ---------------------------------------------------------------------- */

static Suite *
views_suite(void)
{
	Suite *s = suite_create("views");
	TCase *tc_fix = tcase_create("fixtures");
	TCase *tc_list = tcase_create("list_writer");
	TCase *tc_view = tcase_create("default_view");
	TCase *tc_table = tcase_create("table_writer");

	tcase_add_loop_test(tc_fix, test_fixture_default_view, 0,
	    (int)NFIXTURE_CASES);
	tcase_add_test(tc_fix, test_b_crlf_is_spec_string);
	tcase_add_test(tc_fix, test_g_three_objects);
	tcase_add_test(tc_fix, test_select_format_list);

	tcase_add_test(tc_list, test_list_envelope_51);
	tcase_add_test(tc_list, test_list_envelope_74);
	tcase_add_test(tc_list, test_list_two_entries_74);
	tcase_add_test(tc_list, test_list_no_entries);
	tcase_add_test(tc_list, test_list_entry_without_items);
	tcase_add_test(tc_list, test_list_width_per_entry);
	tcase_add_test(tc_list, test_list_empty_values_keep_space);
	tcase_add_test(tc_list, test_list_multiline_indent);
	tcase_add_test(tc_list, test_list_value_edge_lines);
	tcase_add_test(tc_list, test_list_no_wrap);
	tcase_add_test(tc_list, test_list_display_cells);

	tcase_add_test(tc_view, test_view_tcp_success_hides_ping);
	tcase_add_test(tc_view, test_view_reply_row_independent_of_tcp);
	tcase_add_test(tc_view, test_view_detailed_port_all_rows);
	tcase_add_test(tc_view, test_view_values);
	tcase_add_test(tc_view, test_view_computer_name_null);

	tcase_add_test(tc_table, test_table_select3_fixture);
	tcase_add_test(tc_table, test_table_trailing_spaces);
	tcase_add_test(tc_table, test_table_right_align_dashes);
	tcase_add_test(tc_table, test_table_empty_label_and_values);
	tcase_add_test(tc_table, test_table_truncation);
	tcase_add_test(tc_table, test_table_newline_in_value);
	tcase_add_test(tc_table, test_table_long_header);
	tcase_add_test(tc_table, test_table_rows_and_none);
	tcase_add_test(tc_table, test_table_wide_chars);

	suite_add_tcase(s, tc_fix);
	suite_add_tcase(s, tc_list);
	suite_add_tcase(s, tc_view);
	suite_add_tcase(s, tc_table);
	return s;
}

int
main(void)
{
	return check_run(views_suite());
}
