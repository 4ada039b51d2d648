/* check_route.c: route replies, FIB-match prefixes, trace and route diagnostics. */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <net/if.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>

#include "engine/netconnection.h"
#include "engine/resolve.h"
#include "engine/route_lookup.h"
#include "engine/trace_route.h"
#include "objects/route_diag_view.h"
#include "tests/check_support.h"

/* An RTM_NEWROUTE body: rtmsg, then RTA_DST (if dst) and RTA_GATEWAY (if gw). */
struct fake_route {
	struct rtmsg rt;
	char	attrs[64];
};

static size_t
fake_attr(struct fake_route *m, size_t off, unsigned short type,
    const void *data, size_t len)
{
	struct rtattr *a = (struct rtattr *)(m->attrs + off);

	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	return off + RTA_ALIGN(a->rta_len);
}

static size_t
fake_v4(struct fake_route *m, const char *dst, unsigned dst_len,
    const char *gw, unsigned oif)
{
	struct in_addr a;
	size_t off = 0;

	memset(m, 0, sizeof(*m));
	m->rt.rtm_family = AF_INET;
	m->rt.rtm_dst_len = (unsigned char)dst_len;
	if (dst != NULL) {
		inet_pton(AF_INET, dst, &a);
		off = fake_attr(m, off, RTA_DST, &a, 4);
	}
	if (gw != NULL) {
		inet_pton(AF_INET, gw, &a);
		off = fake_attr(m, off, RTA_GATEWAY, &a, 4);
	}
	off = fake_attr(m, off, RTA_OIF, &oif, 4);
	return NLMSG_ALIGN(sizeof(m->rt)) + off;
}

START_TEST(test_parse_default_route)
{
	struct fake_route m;
	struct route_info ri;
	size_t len = fake_v4(&m, NULL, 0, "198.18.1.1", 1);

	route_parse_reply(&m, len, &ri);
	ck_assert_str_eq(ri.prefix, "0.0.0.0/0");
	ck_assert_str_eq(ri.gateway, "198.18.1.1");
	ck_assert_uint_eq(ri.oif, 1);
	/* the name is route_query()'s to ask for (RTM_GETLINK): not here */
	ck_assert_str_eq(ri.ifname, "");
}
END_TEST

/* An interface's name from netlink, on the engine's socket (no extra descriptor). */
START_TEST(test_ifname)
{
	struct route_nl nl;
	char name[IF_NAMESIZE];

	route_nl_init(&nl);
	ck_assert_int_eq(route_ifname(&nl, if_nametoindex("lo"), name), 0);
	ck_assert_str_eq(name, "lo");
	ck_assert_int_eq(route_ifname(&nl, 0x7ffffff0, name), -1);
	ck_assert_int_eq(errno, ENODEV);
	route_nl_close(&nl);
	ck_assert_int_eq(nl.fd, -1);
}
END_TEST

START_TEST(test_parse_on_link)
{
	struct fake_route m;
	struct route_info ri;
	size_t len = fake_v4(&m, "198.18.1.0", 24, NULL, 1);

	route_parse_reply(&m, len, &ri);
	ck_assert_str_eq(ri.prefix, "198.18.1.0/24");
	ck_assert_str_eq(ri.gateway, "0.0.0.0");	/* on-link, as Windows */
}
END_TEST

START_TEST(test_parse_v6_default)
{
	struct fake_route m;
	struct route_info ri;
	struct in6_addr gw;
	unsigned oif = 1;
	size_t off = 0;

	memset(&m, 0, sizeof(m));
	m.rt.rtm_family = AF_INET6;
	inet_pton(AF_INET6, "fd00:198:18:1::1", &gw);
	off = fake_attr(&m, off, RTA_GATEWAY, &gw, 16);
	off = fake_attr(&m, off, RTA_OIF, &oif, 4);
	route_parse_reply(&m, NLMSG_ALIGN(sizeof(m.rt)) + off, &ri);
	ck_assert_str_eq(ri.prefix, "::/0");
	ck_assert_str_eq(ri.gateway, "fd00:198:18:1::1");
}
END_TEST

/* The kernel's own answer for loopback: the local table's /32 entry. */
START_TEST(test_query_fib_match_loopback)
{
	struct tnc_address dst, src;
	struct route_query q = { .dst = &dst, .fib_match = true };
	struct route_info ri;
	struct route_nl nl;

	route_nl_init(&nl);
	ck_assert_int_eq(resolve_literal("127.0.0.1", &dst), 0);
	ck_assert_int_eq(route_query(&nl, &q, &ri), 0);
	ck_assert_str_eq(ri.prefix, "127.0.0.1/32");
	ck_assert_str_eq(ri.gateway, "0.0.0.0");
	ck_assert_str_eq(ri.ifname, "lo");
	/* without the flag: the host prefix of the destination */
	q.fib_match = false;
	ck_assert_int_eq(route_query(&nl, &q, &ri), 0);
	ck_assert_str_eq(ri.prefix, "127.0.0.1/32");
	/* constrained to a source of the other family */
	ck_assert_int_eq(resolve_literal("::1", &src), 0);
	q.src = &src;
	ck_assert_int_eq(route_query(&nl, &q, &ri), -1);
	route_nl_close(&nl);
}
END_TEST

/* A trace to loopback: one hop, the destination itself, complete (through the engine). */
START_TEST(test_trace_loopback)
{
	struct tnc_options o;
	struct tnc_result r;
	struct tnc_diag d = { 0 };
	struct tnc_address dst;

	memset(&o, 0, sizeof(o));
	o.computer_name = "127.0.0.1";
	o.constrain_source_address = "";
	o.trace_route = true;
	o.hops = 30;
	o.timeout_seconds = 1.0;
	o.warning_action = TNC_ACTION_CONTINUE;
	ck_assert_int_eq(tnc_run(&o, &r, &d), 0);
	ck_assert_ptr_nonnull(r.trace_route);
	ck_assert_uint_eq(r.ntrace, 1);
	ck_assert_int_eq(resolve_literal("127.0.0.1", &dst), 0);
	/* "..." when this user may not send ICMP at all */
	if (strcmp(r.trace_route[0], "...") != 0) {
		ck_assert_str_eq(r.trace_route[0], "127.0.0.1");
		ck_assert(!trace_incomplete(r.trace_route, 1, &dst));
		ck_assert_uint_eq(d.nwarnings, 0);
	}
	tnc_result_free(&r);
	diag_free(&d);
}
END_TEST

/* What each hop shows: who answered, the zero address, or "..." (spec 1.4 step 5, 7.9). */
START_TEST(test_trace_entries)
{
	struct icmp_echo_result res;
	char buf[TNC_ADDR_TEXT_LEN];

	memset(&res, 0, sizeof(res));
	trace_entry(&res, AF_INET, buf, sizeof(buf));
	ck_assert_str_eq(buf, "...");		/* not sent: the call threw */
	res.reply_present = true;
	res.status = TNC_PING_TIMED_OUT;
	trace_entry(&res, AF_INET, buf, sizeof(buf));
	ck_assert_str_eq(buf, "0.0.0.0");
	trace_entry(&res, AF_INET6, buf, sizeof(buf));
	ck_assert_str_eq(buf, "::");
	res.status = TNC_PING_TTL_EXPIRED;
	snprintf(res.from, sizeof(res.from), "198.18.1.1");
	trace_entry(&res, AF_INET, buf, sizeof(buf));
	ck_assert_str_eq(buf, "198.18.1.1");
}
END_TEST

START_TEST(test_trace_incomplete)
{
	struct tnc_address dst;
	char *hops[] = { "198.18.1.1", "0.0.0.0" };
	char *done[] = { "198.18.1.1", "198.18.2.10" };

	ck_assert_int_eq(resolve_literal("198.18.2.10", &dst), 0);
	ck_assert(trace_incomplete(hops, 2, &dst));
	ck_assert(!trace_incomplete(done, 2, &dst));
	ck_assert(trace_incomplete(done, 0, &dst));
}
END_TEST

/* The NetRouteDiagnostics rows and their display conditions (spec 2.3). */
START_TEST(test_diag_view_rows)
{
	struct route_diag rd;
	struct view_rows rows;
	static const char *plain[] = { "ComputerName", "RemoteAddress",
	    "SelectedSourceAddress", "OutgoingInterfaceIndex",
	    "SelectedNetRoute", "RouteDiagnosticsSucceeded" };
	static const char *full[] = { "ComputerName", "RemoteAddress",
	    "ConstrainSourceAddress", "ConstrainInterfaceIndex",
	    "SelectedSourceAddress", "OutgoingInterfaceIndex",
	    "SelectedNetRoute", "RouteSelectionEvents",
	    "SourceAddressSelectionEvents", "RouteDiagnosticsSucceeded" };

	memset(&rd, 0, sizeof(rd));
	rd.resolved = true;
	rd.computer_name = "server.lab.test";
	snprintf(rd.remote_address, sizeof(rd.remote_address), "198.18.2.10");
	rd.constrain_source = "";
	snprintf(rd.selected_source, sizeof(rd.selected_source), "198.18.1.2");
	rd.out_ifindex = 2;
	rd.has_route = true;
	snprintf(rd.prefix, sizeof(rd.prefix), "0.0.0.0/0");
	snprintf(rd.next_hop, sizeof(rd.next_hop), "198.18.1.1");
	rd.succeeded = true;
	ck_assert_int_eq(route_diag_view(&rd, &rows), 0);
	ck_assert_uint_eq(rows.n, 6);
	for (size_t i = 0; i < rows.n; i++)
		ck_assert_str_eq(rows.items[i].label, plain[i]);
	ck_assert_str_eq(rows.items[3].value, "2");
	ck_assert_str_eq(rows.items[4].value,
	    "DestinationPrefix: 0.0.0.0/0\nNextHop: 198.18.1.1");
	ck_assert_str_eq(rows.items[5].value, "True");
	view_rows_free(&rows);

	rd.constrain_source = "198.18.1.2";
	rd.constrain_ifindex = 2;
	rd.detailed = true;
	ck_assert_int_eq(route_diag_view(&rd, &rows), 0);
	ck_assert_uint_eq(rows.n, 10);
	for (size_t i = 0; i < rows.n; i++)
		ck_assert_str_eq(rows.items[i].label, full[i]);
	ck_assert_str_eq(rows.items[7].value, "");
	view_rows_free(&rows);
}
END_TEST

static Suite *
route_suite(void)
{
	Suite *s = suite_create("route");
	TCase *tc_parse = tcase_create("netlink");
	TCase *tc_trace = tcase_create("trace");
	TCase *tc_view = tcase_create("diag_view");

	tcase_add_test(tc_parse, test_parse_default_route);
	tcase_add_test(tc_parse, test_parse_on_link);
	tcase_add_test(tc_parse, test_parse_v6_default);
	tcase_add_test(tc_parse, test_query_fib_match_loopback);
	tcase_add_test(tc_parse, test_ifname);
	tcase_add_test(tc_trace, test_trace_loopback);
	tcase_add_test(tc_trace, test_trace_entries);
	tcase_add_test(tc_trace, test_trace_incomplete);
	tcase_add_test(tc_view, test_diag_view_rows);
	suite_add_tcase(s, tc_parse);
	suite_add_tcase(s, tc_trace);
	suite_add_tcase(s, tc_view);
	return s;
}

int
main(void)
{
	return check_run(route_suite());
}
