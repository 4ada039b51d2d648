/*
 * tests/check_tsql.c: the T-SQL evaluator of tests/tools/tsql_eval.c over
 * every row of agent-spec.md 4.3's case table, with the Managed Instance
 * link check's two SELECT column expressions exactly as the documentation
 * writes them (and as fixtures/sql/test-milink-connection-cmdexec.sql
 * keeps them), plus the CHARINDEX and SUBSTRING rules of section 5.
 *
 * The evaluator is one self-contained tool file; it is compiled into this
 * test by inclusion, without its main().
 */
#define TSQL_EVAL_NO_MAIN
#include "tests/check_support.h"
#include "tests/tools/tsql_eval.c"

#include <check.h>

/* Copied verbatim from the seed's result query (two lines of the SELECT). */
static const char tcp_test_result[] =
    "SUBSTRING([message], CHARINDEX('TcpTestSucceeded', [message]), CHARINDEX('Process Exit', [message]) - CHARINDEX('TcpTestSucceeded', [message])) AS    TcpTestResult,";
static const char remote_address_result[] =
    "SUBSTRING([message], CHARINDEX('RemoteAddress', [message]), CHARINDEX('TcpTestSucceeded', [message]) - CHARINDEX('RemoteAddress', [message])) AS    RemoteAddressResult,";

#define MSG537 NULL	/* expected: Msg 537 raised */

/*
 * Evaluates expr over message (UTF-8). Returns the UTF-8 result in a
 * static buffer, or NULL when Msg 537 was raised; any other error fails.
 */
static const char *
eval(const char *expr, const char *message)
{
	static char buf[8192];
	struct tsql_value v;
	struct tsql_error err;
	uint16_t *m;
	size_t n;
	FILE *f;

	ck_assert_int_eq(tsql_utf8_to_utf16(message, strlen(message), &m, &n), 0);
	if (tsql_eval(expr, m, n, &v, &err) < 0) {
		free(m);
		ck_assert_msg(err.msg == 537, "unexpected error %d: %s", err.msg, err.text);
		ck_assert_str_eq(err.text,
		    "Invalid length parameter passed to the LEFT or SUBSTRING function.");
		return NULL;
	}
	free(m);
	f = fmemopen(buf, sizeof(buf), "w");
	ck_assert_ptr_nonnull(f);
	if (v.type == TSQL_INT)
		fprintf(f, "%lld", v.i);
	else
		tsql_write_utf16(f, v.s, v.n);
	fputc('\0', f);
	fclose(f);
	tsql_value_free(&v);
	return buf;
}

#define ck_assert_result(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (w_ == MSG537) \
		ck_assert_msg(g_ == NULL, "expected Msg 537, got \"%s\"", g_); \
	else { \
		ck_assert_msg(g_ != NULL, "Msg 537 raised, expected \"%s\"", w_); \
		ck_assert_str_eq(g_, w_); \
	} \
} while (0)

/* agent-spec.md 4.3, one row per case (t, p, r = positions of the tokens). */
static const struct {
	const char *name;
	const char *message;
	const char *tcp;	/* TcpTestResult, or MSG537 */
	const char *remote;	/* RemoteAddressResult, or MSG537 */
} cases[] = {
	{ "t>0, p>t, r>0, r<t (normal)",
	  "Executed as user: mssql. \n\nComputerName     : x\nRemoteAddress    : 10.0.0.4\nTcpTestSucceeded : True\n\n\n\n  Process Exit Code 0.  The step succeeded.",
	  "TcpTestSucceeded : True\n\n\n\n  ",
	  "RemoteAddress    : 10.0.0.4\n" },
	{ "t>0, p=0 (suffix truncated, or a T-SQL step)",
	  "Executed as user: mssql. \n\nComputerName     : x\nRemoteAddress    : 10.0.0.4\nTcpTestSucceeded : True\n",
	  MSG537,
	  "RemoteAddress    : 10.0.0.4\n" },
	{ "t>0, 0<p<t (\"Process Exit\" before the token)",
	  "Executed as user: mssql. Process Exit RemoteAddress    : 10.0.0.4\nTcpTestSucceeded : True  Process Exit Code 0.  The step succeeded.",
	  MSG537,
	  "RemoteAddress    : 10.0.0.4\n" },
	{ "t=0, p>0, r>0",
	  "Executed as user: mssql. RemoteAddress?  Process Exit Code 1.  The step failed.",
	  "Executed as user: mssql. RemoteAddress?  ",
	  MSG537 },
	{ "t=0, p>0, r=0 (step printed nothing relevant)",
	  "Executed as user: mssql. The step did not generate any output.  Process Exit Code 0.  The step succeeded.",
	  "Executed as user: mssql. The step did not generate any output.  ",
	  "" },
	{ "t=0, p=0 (subsystem failed to load)",
	  "Unable to start execution of step 1 (reason: The CmdExec subsystem failed to load [see the /var/opt/mssql/log/sqlagent.out file for details]; The job has been suspended). The step failed.",
	  "",
	  "" },
	{ "r>0, t>0, t<r (token order swapped)",
	  "Executed as user: mssql. TcpTestSucceeded : True\nRemoteAddress    : 10.0.0.4\n  Process Exit Code 0.  The step succeeded.",
	  "TcpTestSucceeded : True\nRemoteAddress    : 10.0.0.4\n  ",
	  MSG537 },
	{ "r=0, t>0",
	  "Executed as user: mssql. TcpTestSucceeded : False\n  Process Exit Code 1.  The step failed.",
	  "TcpTestSucceeded : False\n  ",
	  "Executed as user: mssql. " },
	{ "case-insensitive match (CI collation)",
	  "Executed as user: mssql. remoteaddress : ::1\ntcptestsucceeded : true\nPROCESS EXIT",
	  "tcptestsucceeded : true\n",
	  "remoteaddress : ::1\n" },
};

START_TEST(test_case_table)
{
	ck_assert_result(eval(tcp_test_result, cases[_i].message), cases[_i].tcp);
	ck_assert_result(eval(remote_address_result, cases[_i].message), cases[_i].remote);
}
END_TEST

START_TEST(test_charindex)
{
	ck_assert_str_eq(eval("CHARINDEX('b', 'abc')", ""), "2");
	ck_assert_str_eq(eval("CHARINDEX('a', 'abc')", ""), "1");
	ck_assert_str_eq(eval("CHARINDEX('x', 'abc')", ""), "0");
	ck_assert_str_eq(eval("CHARINDEX('', 'abc')", ""), "0");
	ck_assert_str_eq(eval("CHARINDEX('ABC', 'xabc')", ""), "2");
	ck_assert_str_eq(eval("CHARINDEX('a', 'abca', 2)", ""), "4");
	ck_assert_str_eq(eval("CHARINDEX('a', 'abca', 0)", ""), "1");
	ck_assert_str_eq(eval("CHARINDEX('a', 'abca', -3)", ""), "1");
	ck_assert_str_eq(eval("charindex(N'É', 'xé')", ""), "2");
	/* accents stay significant (the AS in CI_AS) */
	ck_assert_str_eq(eval("CHARINDEX('e', 'é')", ""), "0");
	/* positions count UTF-16 code units: U+1F600 takes two */
	ck_assert_str_eq(eval("CHARINDEX('x', [message])", "\xf0\x9f\x98\x80x"), "3");
	ck_assert_str_eq(eval("CHARINDEX('it''s', 'x it''s')", ""), "3");
}
END_TEST

START_TEST(test_substring)
{
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 2, 3)", ""), "bcd");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 0, 3)", ""), "ab");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', -1, 3)", ""), "a");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', -5, 3)", ""), "");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 0, 0)", ""), "");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 5, 100)", ""), "ef");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 7, 1)", ""), "");
	ck_assert_str_eq(eval("SUBSTRING('abcdef', 2, 0)", ""), "");
	ck_assert_str_eq(eval("SUBSTRING([message], 1, 4000)", "x\ny"), "x\ny");
	ck_assert_ptr_null(eval("SUBSTRING('abcdef', 1, -1)", ""));
	ck_assert_ptr_null(eval("SUBSTRING('abcdef', 0, 0 - 1)", ""));
	ck_assert_ptr_null(eval("SUBSTRING('', 1, -1)", ""));
}
END_TEST

START_TEST(test_arithmetic_and_literals)
{
	ck_assert_str_eq(eval("1 + 2 - 4", ""), "-1");
	ck_assert_str_eq(eval("-(3) + 1", ""), "-2");
	ck_assert_str_eq(eval("'a' + N'b'", ""), "ab");
	ck_assert_str_eq(eval("[Message]", "M"), "M");
	ck_assert_str_eq(eval("message", "M"), "M");
	ck_assert_str_eq(eval("  2 AS   x , ", ""), "2");
}
END_TEST

START_TEST(test_rejected)
{
	static const char *const bad[] = { "SUBSTRING('a', 1)", "LEFT('a', 1)",
		"'a' + 1", "'abc", "CHARINDEX(1, 'a')", "SUBSTRING('a', 'b', 1)",
		"1 2", "", "[msg]", "2147483648" };
	struct tsql_value v;
	struct tsql_error err;
	uint16_t m = 'x';

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(tsql_eval(bad[i], &m, 1, &v, &err) < 0, "accepted: %s", bad[i]);
		ck_assert_int_eq(err.msg, -1);
	}
	ck_assert_int_lt(tsql_eval("2147483647 + 1", &m, 1, &v, &err), 0);
	ck_assert_int_eq(err.msg, 8115);
}
END_TEST

START_TEST(test_utf8)
{
	uint16_t *m;
	size_t n;

	ck_assert_int_eq(tsql_utf8_to_utf16("\xc3\xa9\xf0\x9f\x98\x80", 6, &m, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(m[0], 0xe9);
	ck_assert_uint_eq(m[1], 0xd83d);
	ck_assert_uint_eq(m[2], 0xde00);
	free(m);
	ck_assert_int_lt(tsql_utf8_to_utf16("\xc3", 1, &m, &n), 0);
	ck_assert_int_lt(tsql_utf8_to_utf16("\xc0\xaf", 2, &m, &n), 0);
	ck_assert_int_lt(tsql_utf8_to_utf16("\xed\xa0\x80", 3, &m, &n), 0);
	ck_assert_int_lt(tsql_utf8_to_utf16("\xff", 1, &m, &n), 0);
}
END_TEST

/* The fixture's result query still holds the documented expressions. */
START_TEST(test_fixture_keeps_the_expressions)
{
	FILE *f = fopen("fixtures/sql/test-milink-connection-cmdexec.sql", "r");
	char line[1024];
	int seen = 0;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s = line;

		while (*s == ' ')
			s++;
		s[strcspn(s, "\n")] = '\0';
		if (strcmp(s, tcp_test_result) == 0)
			seen |= 1;
		if (strcmp(s, remote_address_result) == 0)
			seen |= 2;
	}
	fclose(f);
	ck_assert_int_eq(seen, 3);
}
END_TEST

static Suite *
tsql_suite(void)
{
	Suite *s = suite_create("tsql_eval");
	TCase *tc = tcase_create("case table");

	tcase_add_loop_test(tc, test_case_table, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_fixture_keeps_the_expressions);
	suite_add_tcase(s, tc);
	tc = tcase_create("functions");
	tcase_add_test(tc, test_charindex);
	tcase_add_test(tc, test_substring);
	tcase_add_test(tc, test_arithmetic_and_literals);
	tcase_add_test(tc, test_utf8);
	suite_add_tcase(s, tc);
	tc = tcase_create("invalid");
	tcase_add_test(tc, test_rejected);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	return check_run(tsql_suite());
}
