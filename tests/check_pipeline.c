/*
 * check_pipeline.c: the runtime (shim/runtime/) with the engine's fake in
 * place of the network, so no packet is sent: spec 2.2(g) and 3.5 bytes,
 * stream order, exit statuses, and the helpers.
 *
 * The fake (tests/check_fake_run.h): "10.0.0.1" connects; any other IPv4
 * literal is filtered (TCP and ping time out, as spec 3.5's host); "bad"
 * does not resolve.
 */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "objects/psobj.h"
#include "parsers/catalogue.h"
#include "parsers/commands.h"
#include "runtime/error_target.h"
#include "runtime/runtime.h"
#include "tests/check_fake_run.h"
#include "tests/check_support.h"
#include "tests/parse_command.h"

/* Spec 3.5, byte for byte: 2 blank lines before, 3 after */
START_TEST(test_job_step_filtered)
{
	struct run_out r;

	run_script("tnc 10.0.0.5 -port 5022 | select ComputerName, "
	    "RemoteAddress, TcpTestSucceeded | Format-List", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	ck_assert_str_eq(r.out, "\n\nComputerName     : 10.0.0.5\n"
	    "RemoteAddress    : 10.0.0.5\nTcpTestSucceeded : False\n\n\n\n");
	ck_assert_str_eq(r.err, "WARNING: TCP connect to (10.0.0.5 : 5022) "
	    "failed\nWARNING: Ping to 10.0.0.5 failed with status: TimedOut\n");
	ck_assert_str_eq(r.both, "WARNING: TCP connect to (10.0.0.5 : 5022) "
	    "failed\nWARNING: Ping to 10.0.0.5 failed with status: TimedOut\n"
	    "\n\nComputerName     : 10.0.0.5\nRemoteAddress    : 10.0.0.5\n"
	    "TcpTestSucceeded : False\n\n\n\n");
	run_free(&r);
}
END_TEST

/* Spec 3.5, name resolution failed: empty RemoteAddress, exit 2 */
START_TEST(test_job_step_unresolved)
{
	struct run_out r;

	run_script("tnc bad -port 5022 | select ComputerName, RemoteAddress, "
	    "TcpTestSucceeded | Format-List", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_NO_NAME);
	ck_assert_str_eq(r.out, "\n\nComputerName     : bad\n"
	    "RemoteAddress    : \nTcpTestSucceeded : False\n\n\n\n");
	run_free(&r);
}
END_TEST

/* Spec 2.2(g): one envelope, warnings above the object they belong to */
START_TEST(test_input_list_order)
{
	struct run_out r;

	fake_calls = 0;
	run_script("'10.0.0.2','10.0.0.1','10.0.0.3' | tnc -Port 53 | "
	    "select ComputerName, TcpTestSucceeded | fl", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	/* one test per input, and run_script() runs the script twice */
	ck_assert_int_eq(fake_calls, 6);
	ck_assert_str_eq(r.both,
	    "WARNING: TCP connect to (10.0.0.2 : 53) failed\n"
	    "WARNING: Ping to 10.0.0.2 failed with status: TimedOut\n"
	    "\n\nComputerName     : 10.0.0.2\nTcpTestSucceeded : False\n\n"
	    "ComputerName     : 10.0.0.1\nTcpTestSucceeded : True\n\n"
	    "WARNING: TCP connect to (10.0.0.3 : 53) failed\n"
	    "WARNING: Ping to 10.0.0.3 failed with status: TimedOut\n"
	    "ComputerName     : 10.0.0.3\nTcpTestSucceeded : False\n\n\n\n");
	run_free(&r);
}
END_TEST

/* Many inputs in parallel still print in input order */
START_TEST(test_many_in_order)
{
	char script[8192], expect[8192];
	size_t n = 0, m = 0;
	struct run_out r;
	int i;

	for (i = 1; i <= 100; i++) {
		n += (size_t)snprintf(script + n, sizeof(script) - n, "%s'10.0.1.%d'",
		    i > 1 ? "," : "", i);
		m += (size_t)snprintf(expect + m, sizeof(expect) - m,
		    "10.0.1.%d\n", i);
	}
	snprintf(script + n, sizeof(script) - n,
	    " | tnc | select -ExpandProperty ComputerName");
	run_script(script, &r);
	ck_assert_str_eq(r.out, expect);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
}
END_TEST

/* A blocking command (ConvertTo-Json) prints after every warning */
START_TEST(test_blocking_after_warnings)
{
	struct run_out r;

	run_script("'10.0.0.2','10.0.0.1' | tnc -Port 53 | "
	    "select ComputerName | ConvertTo-Json -Compress", &r);
	ck_assert_str_eq(r.both,
	    "WARNING: TCP connect to (10.0.0.2 : 53) failed\n"
	    "WARNING: Ping to 10.0.0.2 failed with status: TimedOut\n"
	    "[{\"ComputerName\":\"10.0.0.2\"},{\"ComputerName\":\"10.0.0.1\"}]\n");
	run_free(&r);
}
END_TEST

/* -First stops the tests upstream: the third one's warnings never show */
START_TEST(test_first_stops_upstream)
{
	struct run_out r;

	run_script("'10.0.0.1','10.0.0.2' | tnc -Port 53 | select -First 1 "
	    "-ExpandProperty TcpTestSucceeded", &r);
	ck_assert_str_eq(r.out, "True\n");
	ck_assert_str_eq(r.err, "");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
}
END_TEST

START_TEST(test_quiet_and_member)
{
	struct run_out r;

	run_script("tnc 10.0.0.1 -Port 1 -InformationLevel Quiet", &r);
	ck_assert_str_eq(r.out, "True\n");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
	run_script("(tnc 10.0.0.1 -Port 1).RemotePort", &r);
	ck_assert_str_eq(r.out, "1\n");
	run_free(&r);
	run_script("(tnc 10.0.0.7 -Port 1).TcpTestSucceeded", &r);
	ck_assert_str_eq(r.out, "False\n");
	ck_assert_str_eq(r.both, "WARNING: TCP connect to (10.0.0.7 : 1) "
	    "failed\nWARNING: Ping to 10.0.0.7 failed with status: TimedOut\n"
	    "False\n");
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
}
END_TEST

/* A usage error anywhere: nothing runs, exit 3 */
START_TEST(test_usage_error_runs_nothing)
{
	struct run_out r;

	fake_calls = 0;
	run_script("tnc 10.0.0.1 -Port 1; tnc 10.0.0.1 -Port 1 | nosuch", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_int_eq(fake_calls, 0);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err, "nosuch : The term 'nosuch' is not recognized "
	    "as the name of a cmdlet, function, script file, or operable "
	    "program. Check the spelling of the name, or if a path was "
	    "included, verify that the path is correct and try again.\n"
	    "At line:1 char:46\n"
	    "+ tnc 10.0.0.1 -Port 1; tnc 10.0.0.1 -Port 1 | nosuch\n"
	    "+                                              ~~~~~~\n"
	    "    + CategoryInfo          : ObjectNotFound: (nosuch:String) [], "
	    "CommandNotFoundException\n"
	    "    + FullyQualifiedErrorId : CommandNotFoundException\n \n");
	run_free(&r);
}
END_TEST

/* -ExpandProperty of a missing property: the error, the rest goes on */
START_TEST(test_expand_missing)
{
	struct run_out r;

	run_script("tnc 10.0.0.1 -Port 1 | select -ExpandProperty Nope -ea "
	    "SilentlyContinue", &r);
	ck_assert_str_eq(r.err, "");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
	run_script("tnc 10.0.0.1 -Port 1 | select -ExpandProperty Nope", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	ck_assert_str_eq(r.out, "");
	ck_assert_ptr_nonnull(strstr(r.err, "(TestNetConnectionResult:"
	    "PSObject) [Select-Object], PSArgumentException\n"));
	run_free(&r);
}
END_TEST

/* Issue 9.1: a parenthesized pipeline yielding 2+ objects crashed (SIGSEGV) */
START_TEST(t_reg_paren_two_objects)
{
	struct run_out r;

	run_script("('a','b')", &r);
	ck_assert_str_eq(r.out, "a\nb\n");
	ck_assert_str_eq(r.err, "");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
	run_script("('a')", &r);
	ck_assert_str_eq(r.out, "a\n");
	run_free(&r);
	fake_calls = 0;
	run_script("('10.0.0.1','10.0.0.5' | tnc -port 5022).TcpTestSucceeded",
	    &r);
	ck_assert_int_eq(fake_calls, 4);	/* two tests, run_script runs twice */
	ck_assert_str_eq(r.out, "True\nFalse\n");
	ck_assert_str_eq(r.both, "WARNING: TCP connect to (10.0.0.5 : 5022) "
	    "failed\nWARNING: Ping to 10.0.0.5 failed with status: TimedOut\n"
	    "True\nFalse\n");
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
}
END_TEST

/* Issue 9.3: a bad wildcard was found only after the test ran (exit 4) */
START_TEST(t_reg_wildcard_checked_before_run)
{
	struct run_out r;

	fake_calls = 0;
	run_script("tnc 10.0.0.1 -p 5022 | select '[]'", &r);
	ck_assert_int_eq(fake_calls, 0);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err, "Select-Object : The specified wildcard "
	    "character pattern is not valid: []\n"
	    "At line:1 char:24\n"
	    "+ tnc 10.0.0.1 -p 5022 | select '[]'\n"
	    "+                        ~~~~~~~~~~~\n"
	    "    + CategoryInfo          : NotSpecified: (:) [Select-Object], "
	    "WildcardPatternException\n"
	    "    + FullyQualifiedErrorId : RuntimeException,"
	    "Microsoft.PowerShell.Commands.SelectObjectCommand\n \n");
	run_free(&r);
	run_script("tnc 10.0.0.1 -p 5022 | fl -Property Remote*, '[z-a]*'",
	    &r);
	ck_assert_int_eq(fake_calls, 0);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(r.err, "Format-List : The specified "
	    "wildcard character pattern is not valid: [z-a]*\n"));
	ck_assert_ptr_nonnull(strstr(r.err, "    + FullyQualifiedErrorId : "
	    "RuntimeException,Microsoft.PowerShell.Commands."
	    "FormatListCommand\n"));
	run_free(&r);
	run_script("tnc 10.0.0.1 -p 5022 | select -ExpandProperty 'Tcp[' | "
	    "ft", &r);
	ck_assert_int_eq(fake_calls, 0);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(r.err, "pattern is not valid: Tcp[\n"));
	run_free(&r);
}
END_TEST

/* Issue 9.4: a pattern ending in '[' read one byte past its end */
START_TEST(t_reg_wildcard_trailing_bracket)
{
	struct run_out r;

	run_script("'a' | select 'a['", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_str_eq(r.out, "");
	ck_assert_ptr_nonnull(strstr(r.err, "Select-Object : The specified "
	    "wildcard character pattern is not valid: a[\n"));
	run_free(&r);
	run_script("'a' | select '['", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	run_free(&r);
}
END_TEST

/* Issue 9.5: integers near the Int64 limits printed wrong values */
START_TEST(t_reg_int64_literal_values)
{
	struct run_out r;

	run_script("9223372036854775807; 9007199254740993; "
	    "9223372036854775808; -9223372036854775808; 1e3", &r);
	ck_assert_str_eq(r.out, "9223372036854775807\n9007199254740993\n"
	    "9223372036854775808\n-9223372036854775808\n1000\n");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
}
END_TEST

/*
 * A comma list holding a script block was taken for a literal list, and
 * its block read as a constant (a NULL text): a crash before anything
 * ran.  The list is evaluated; the block prints as its text.
 */
START_TEST(t_reg_script_block_in_argument_list)
{
	struct run_out r;

	run_script("Write-Output 1,{2}, 'a'", &r);
	ck_assert_str_eq(r.out, "1\n2\na\n");
	ck_assert_str_eq(r.err, "");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
}
END_TEST

/*
 * Issue 9.6: the target name (256 bytes), the command's name in the
 * prefix (256) and the downstream message (512) were fixed buffers, and
 * CategoryInfo's 40-character shortening counted bytes, cutting
 * characters in two.
 */
START_TEST(t_reg_long_user_text_in_pipeline_errors)
{
	struct run_out r;
	char *big, *script, *want;

	big = str_repeat("\xc3\xa4", 300);		/* a command of 300 'ä' */
	ck_assert_int_gt(asprintf(&script, "'a' | %s", big), 0);
	run_script(script, &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert(utf8_valid(r.err, strlen(r.err)));
	ck_assert_int_gt(asprintf(&want, "%s : The term '%s' is not "
	    "recognized", big, big), 0);
	ck_assert_msg(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
	free(want);
	want = str_repeat("\xc3\xa4", 15);
	ck_assert_ptr_nonnull(strstr(r.err, "ObjectNotFound: ("));
	ck_assert_ptr_nonnull(strstr(strstr(r.err, "ObjectNotFound: (") + 17,
	    want));
	free(want);
	run_free(&r);
	free(script);
	free(big);

	big = str_repeat("a", 280);
	ck_assert_int_gt(asprintf(&script, "'%sxyz' | tnc -ComputerName h",
	    big), 0);
	run_script(script, &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(r.err, "    + CategoryInfo          : "
	    "InvalidArgument: (aaaaaaaaaaaaaaa...aaaaaaaaaaaaxyz:String) "
	    "[Test-NetConnection], ParameterBindingException\n"));
	run_free(&r);
	free(script);
	free(big);

	big = str_repeat("n", 600);
	ck_assert_int_gt(asprintf(&script, "tnc 10.0.0.1 -Port 1 | select "
	    "-ExpandProperty %s", big), 0);
	run_script(script, &r);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	ck_assert_int_gt(asprintf(&want, "Select-Object : Property \"%s\" "
	    "cannot be found.\n", big), 0);
	ck_assert_msg(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
	free(want);
	run_free(&r);
	free(script);
	free(big);
}
END_TEST

/* Issue 9.8: -DiagnoseRouting was ignored in a pipeline (the ping view) */
START_TEST(t_reg_diagnose_routing_in_pipeline)
{
	static const char view[] = "\n\n"
	    "ComputerName              : 10.0.0.1\n"
	    "RemoteAddress             : 10.0.0.1\n"
	    "SelectedSourceAddress     : 10.0.0.100\n"
	    "OutgoingInterfaceIndex    : 2\n"
	    "SelectedNetRoute          : DestinationPrefix: 0.0.0.0/0\n"
	    "                            NextHop: 10.0.0.254\n"
	    "RouteDiagnosticsSucceeded : True\n\n\n\n";
	struct run_out r;

	run_script("tnc 10.0.0.1 -DiagnoseRouting | fl", &r);
	ck_assert_str_eq(r.out, view);
	ck_assert_str_eq(r.err, "");
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	run_free(&r);
	run_script("'10.0.0.1' | tnc -DiagnoseRouting", &r);
	ck_assert_str_eq(r.out, view);
	run_free(&r);
	run_script("(tnc 10.0.0.9 -DiagnoseRouting).RouteDiagnosticsSucceeded",
	    &r);
	ck_assert_str_eq(r.out, "False\n");
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
	run_script("tnc bad -DiagnoseRouting | fl", &r);
	ck_assert_str_eq(r.out, "");
	ck_assert_str_eq(r.err, "WARNING: Name resolution of bad failed\n");
	ck_assert_int_eq(r.status, TNC_EXIT_NO_NAME);
	run_free(&r);
	run_script("tnc 10.0.0.1 -DiagnoseRouting | select "
	    "-ExpandProperty SelectedNetRoute | select -ExpandProperty NextHop",
	    &r);
	ck_assert_str_eq(r.out, "10.0.0.254\n");
	run_free(&r);
}
END_TEST

/* A test that finishes last still prints first: input order, 2.2(g) intact */
START_TEST(test_out_of_order_completion)
{
	struct fake_ctx fc = { .slow = "10.0.0.2", .slow_ms = 80 };
	struct run_out r;

	run_script_ctx("'10.0.0.2','10.0.0.1','10.0.0.3' | tnc -Port 53 | "
	    "select ComputerName, TcpTestSucceeded | fl", &fc, &r);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	ck_assert_str_eq(r.out,
	    "\n\nComputerName     : 10.0.0.2\nTcpTestSucceeded : False\n\n"
	    "ComputerName     : 10.0.0.1\nTcpTestSucceeded : True\n\n"
	    "ComputerName     : 10.0.0.3\nTcpTestSucceeded : False\n\n\n\n");
	ck_assert_str_eq(r.err,
	    "WARNING: TCP connect to (10.0.0.2 : 53) failed\n"
	    "WARNING: Ping to 10.0.0.2 failed with status: TimedOut\n"
	    "WARNING: TCP connect to (10.0.0.3 : 53) failed\n"
	    "WARNING: Ping to 10.0.0.3 failed with status: TimedOut\n");
	run_free(&r);
}
END_TEST

/*
 * Memory is bounded by the window, not the input: while the first test
 * hangs, the others finish, but no more than the window (4 x the in-flight
 * limit of 64: 256) are started ahead of the printed results, and the
 * order holds.  The fake is called when a test starts.
 */
START_TEST(test_window_bounds_tests_ahead)
{
	struct fake_ctx fc = { .slow = "10.0.0.1", .slow_ms = 300 };
	char script[16384], expect[8192];
	size_t n = 0, m = 0;
	struct run_out r;
	int i;

	for (i = 1; i <= 400; i++) {
		n += (size_t)snprintf(script + n, sizeof(script) - n,
		    "%s'10.0.%d.%d'", i > 1 ? "," : "", i / 200, i % 200);
		m += (size_t)snprintf(expect + m, sizeof(expect) - m,
		    "10.0.%d.%d\n", i / 200, i % 200);
	}
	snprintf(script + n, sizeof(script) - n, " | tnc -ThrottleLimit 64 | "
	    "select -ExpandProperty ComputerName");
	run_script_ctx(script, &fc, &r);
	ck_assert_str_eq(r.out, expect);
	ck_assert_uint_eq(fc.submitted, 400);
	ck_assert_uint_eq(fc.max_ahead, 256);
	run_free(&r);
}
END_TEST

/* The 300 ms group cache of a table: the clock of the formatters */
static const long long *clock_seq;
static size_t clock_at;

static long long
seq_clock(void)
{
	return clock_seq[clock_at++];
}

/*
 * Widths come from the rows within 300 ms of the first and the first row
 * after (OutputGroupQueue); a later, wider row is cut to those widths.
 */
START_TEST(test_table_widths_from_group_cache)
{
	/* group open, then one reading per row while the cache is open */
	static const long long t[] = { 0, 0, 100, 400, 9999 };
	struct engine_config ec = { .fake = fake_run };
	struct runtime_options ro = { .engine = &ec, .now_ms = seq_clock };
	char *out = NULL, *err = NULL;
	size_t lo, le;
	FILE *o = open_memstream(&out, &lo), *e = open_memstream(&err, &le);
	int status;

	clock_seq = t;
	clock_at = 0;
	status = runtime_run_script("'10.0.0.1','10.0.0.2','host-a-bit-longer',"
	    "'host-much-much-longer-than-that' | tnc -Port 1 | "
	    "select ComputerName, TcpTestSucceeded", o, e, &ro);
	fclose(o);
	fclose(e);
	ck_assert_int_eq(status, TNC_EXIT_FAILED);
	ck_assert_uint_eq(clock_at, 4);
	ck_assert_str_eq(out,
	    "\nComputerName      TcpTestSucceeded\n"
	    "------------      ----------------\n"
	    "10.0.0.1                      True\n"
	    "10.0.0.2                     False\n"
	    "host-a-bit-longer            False\n"
	    "host-much-much...            False\n\n\n");
	free(out);
	free(err);
}
END_TEST

START_TEST(test_error_target)
{
	struct psobj_value v;
	struct psobj *o;
	char *s;

	o = psobj_new("Selected.TestNetConnectionResult");
	ck_assert_ptr_nonnull(o);
	psobj_add(o, "ComputerName", (psobj_string(&v, "h"), v));
	psobj_add(o, "TcpTestSucceeded", psobj_bool(false));
	ck_assert_int_eq(psobj_object(&v, o, NULL), 0);
	s = pipeline_error_target(&v);
	ck_assert_str_eq(s, "@{ComputerName=h; TcpTestSucceeded=False}");
	free(s);
	psobj_value_free(&v);
	v = psobj_bool(true);
	s = pipeline_error_target(&v);
	ck_assert_str_eq(s, "True");
	free(s);
}
END_TEST

START_TEST(test_lookup)
{
	const struct ps_command_meta *m;

	ck_assert_int_eq(commands_lookup("SELECT", &m), PIPE_CMD_SELECT_OBJECT);
	ck_assert_str_eq(m->name, "Select-Object");
	ck_assert_int_eq(commands_lookup("fl", &m), PIPE_CMD_FORMAT_LIST);
	ck_assert_int_eq(commands_lookup("FT", &m), PIPE_CMD_FORMAT_TABLE);
	ck_assert_int_eq(commands_lookup("test-netconnection", &m),
	    PIPE_CMD_TNC);
	ck_assert_int_eq(commands_lookup("Group-Object", &m), PIPE_CMD_NONE);
	ck_assert(commands_is_known_unsupported("where"));
	ck_assert(!commands_is_known_unsupported("frobnicate"));
	ck_assert_str_eq(ps_resolve_parameter(&select_object_meta, "exp",
	    false), "ExpandProperty");
	ck_assert_ptr_null(ps_resolve_parameter(&select_object_meta, "ex",
	    false));
	ck_assert_str_eq(ps_resolve_parameter(&select_object_meta, "p",
	    false), "Property");
	ck_assert_str_eq(ps_resolve_parameter(&convertto_csv_meta, "nti",
	    false), "NoTypeInformation");
	ck_assert_str_eq(ps_resolve_parameter(&format_table_meta, "a",
	    false), "AutoSize");
}
END_TEST

/* Issue 10.1, through the executor: ft a, b, c and fl Name as real scripts write them */
START_TEST(test_format_positional_property)
{
	struct run_out r;

	run_script("tnc 10.0.0.1 -port 5022 | ft ComputerName, RemotePort, "
	    "TcpTestSucceeded", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	ck_assert_str_eq(r.out, "\nComputerName RemotePort TcpTestSucceeded\n"
	    "------------ ---------- ----------------\n"
	    "10.0.0.1           5022             True\n\n\n");
	ck_assert_str_eq(r.err, "");
	run_free(&r);
	run_script("tnc 10.0.0.1 -port 5022 | Format-List ComputerName", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	ck_assert_str_eq(r.out, "\n\nComputerName : 10.0.0.1\n\n\n\n");
	run_free(&r);
	run_script("tnc 10.0.0.1 -port 5022 | fl Remote*", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_OK);
	ck_assert_str_eq(r.out, "\n\nRemoteAddress : 10.0.0.1\n"
	    "RemotePort    : 5022\n\n\n\n");
	run_free(&r);
}
END_TEST

/*
 * Issue 10.4: every command and alias of 5.1's built-in modules is known
 * (a "not supported" error); only other names are CommandNotFound.  The
 * table stays sorted and unique, and an alias's command is in it too.
 */
START_TEST(test_catalogue)
{
	static const char *const known[] = { "Get-Content", "gc", "cat",
		"TYPE", "Resolve-DnsName", "Get-NetAdapter", "gip", "tnc",
		"Get-NetIPConfiguration", "Find-NetRoute", "Get-Acl", "curl",
		"wget", "Test-Connection", "where", "?", "%", "A:", "cd..",
		"cd\\", "mkdir", "Clear-Host", "Get-Verb", "ogv", "sls",
		"Get-DnsClientServerAddress", "Set-NetAdapterRss", "gcb",
		"Invoke-WebRequest", "Write-Warning", "Get-ComputerInfo" };
	static const char *const runnable[] = { "Select-Object", "select",
		"Format-List", "fl", "Format-Table", "ft", "Out-String",
		"ConvertTo-Json", "ConvertTo-Csv", "Out-Default", "Out-Host",
		"oh", "Out-Null", "Test-NetConnection", "tnc" };
	static const char *const unknown[] = { "Format-Lis", "Get-Contents",
		"Test-Connections", "Invoke-Sqlcmd", "Get-Uptime", "Remove-Alias",
		"Join-String", "ConvertFrom-Markdown", "Test-Json", "nc",
		"Test-NetConnectio", "ping", "", "AA:" };
	const struct catalogue_entry *c;
	size_t i;

	for (i = 1; i < catalogue_size; i++)
		ck_assert_msg(strcasecmp(catalogue[i - 1].name,
		    catalogue[i].name) < 0, "%s, %s out of order",
		    catalogue[i - 1].name, catalogue[i].name);
	for (i = 0; i < catalogue_size; i++) {
		const char *to = catalogue[i].alias_of;

		if (to == NULL || strstr(to, ".exe") != NULL)
			continue;
		c = catalogue_find(to);
		ck_assert_msg(c != NULL && c->alias_of == NULL,
		    "%s stands for %s, which is not a command here",
		    catalogue[i].name, to);
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		ck_assert_msg(commands_is_known_unsupported(known[i]), "%s",
		    known[i]);
	for (i = 0; i < sizeof(runnable) / sizeof(runnable[0]); i++)
		ck_assert_msg(catalogue_find(runnable[i]) != NULL, "%s",
		    runnable[i]);
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		ck_assert_msg(!commands_is_known_unsupported(unknown[i]), "%s",
		    unknown[i]);
	c = catalogue_find("GC");
	ck_assert_str_eq(c->name, "gc");
	ck_assert_str_eq(c->alias_of, "Get-Content");
}
END_TEST

/*
 * Issue 10.1: the downstream cmdlets bind by position as 5.1's metadata
 * says (Get-Help syntax of each): Select-Object, Format-List and
 * Format-Table -Property at 0, ConvertTo-Json -InputObject at 0,
 * ConvertTo-Csv -InputObject at 0 and -Delimiter at 1; Out-String and
 * the Out-* commands take nothing by position.  Commands without
 * parameter sets used to bind nothing by position at all.
 */
START_TEST(test_downstream_positions)
{
	static const struct {
		const struct ps_command_meta *meta;
		const char *script;	/* the command's arguments */
		const char *param;	/* what the first argument binds, or NULL */
		const char *second;	/* what the second binds, or NULL */
	} c[] = {
		{ &select_object_meta, "select a, b", "Property", NULL },
		{ &format_list_meta, "fl *", "Property", NULL },
		{ &format_list_meta, "Format-List ComputerName", "Property",
		    NULL },
		{ &format_table_meta, "ft ComputerName, RemotePort, "
		    "TcpTestSucceeded", "Property", NULL },
		{ &format_table_meta, "ft a -AutoSize", "Property", NULL },
		{ &convertto_json_meta, "ConvertTo-Json x", "InputObject",
		    NULL },
		{ &convertto_csv_meta, "ConvertTo-Csv x ';'", "InputObject",
		    "Delimiter" },
		{ &out_string_meta, "Out-String x", NULL, NULL },
		{ &out_default_meta, "Out-Default x", NULL, NULL },
		{ &out_host_meta, "oh x", NULL, NULL },
		{ &out_null_meta, "Out-Null x", NULL, NULL },
	};
	struct ps_command pc;
	struct ps_binding b;
	struct ps_error e = { 0 };
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		parse_command(c[i].script, &pc);
		if (c[i].param == NULL) {
			ck_assert_msg(ps_bind(c[i].meta, &pc, &b,
			    &e) == -1, "%s", c[i].script);
			ck_assert_str_eq(e.error_id,
			    "PositionalParameterNotFound");
			ck_assert_str_eq(e.message, "A positional parameter "
			    "cannot be found that accepts argument 'x'.");
		} else {
			ck_assert_msg(ps_bind(c[i].meta, &pc, &b,
			    &e) == 0, "%s: %s", c[i].script, e.message);
			ck_assert(ps_binding_get(&b, c[i].param)->present);
			ck_assert(ps_binding_get(&b, c[i].param)->positional);
			if (c[i].second != NULL)
				ck_assert(ps_binding_get(&b,
				    c[i].second)->positional);
		}
		ps_binding_free(&b);
		ps_command_free(&pc);
	}
	ps_error_free(&e);
}
END_TEST

static Suite *
pipeline_suite(void)
{
	Suite *s = suite_create("pipeline");
	TCase *tc = tcase_create("run");
	TCase *tp = tcase_create("pure");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_job_step_filtered);
	tcase_add_test(tc, test_job_step_unresolved);
	tcase_add_test(tc, test_input_list_order);
	tcase_add_test(tc, test_many_in_order);
	tcase_add_test(tc, test_blocking_after_warnings);
	tcase_add_test(tc, test_first_stops_upstream);
	tcase_add_test(tc, test_quiet_and_member);
	tcase_add_test(tc, test_usage_error_runs_nothing);
	tcase_add_test(tc, test_expand_missing);
	tcase_add_test(tc, test_out_of_order_completion);
	tcase_add_test(tc, test_window_bounds_tests_ahead);
	tcase_add_test(tc, test_table_widths_from_group_cache);
	tcase_add_test(tc, test_format_positional_property);
	tcase_add_test(tc, t_reg_paren_two_objects);
	tcase_add_test(tc, t_reg_wildcard_checked_before_run);
	tcase_add_test(tc, t_reg_wildcard_trailing_bracket);
	tcase_add_test(tc, t_reg_int64_literal_values);
	tcase_add_test(tc, t_reg_long_user_text_in_pipeline_errors);
	tcase_add_test(tc, t_reg_script_block_in_argument_list);
	tcase_add_test(tc, t_reg_diagnose_routing_in_pipeline);
	tcase_add_test(tp, test_error_target);
	tcase_add_test(tp, test_lookup);
	tcase_add_test(tp, test_catalogue);
	tcase_add_test(tp, test_downstream_positions);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tp);
	return s;
}

int
main(void)
{
	return check_run(pipeline_suite());
}
