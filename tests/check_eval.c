/*
 * check_eval.c: the evaluator's semantics (shim/runtime/eval_*.c), whole
 * scripts through runtime_run_script() with the engine's fake
 * (tests/check_fake_run.h), so no packet is sent: scopes, $_ across
 * nested blocks, break/continue/return crossing ForEach-Object, $args and
 * $input, finally, rethrow, $?, $using:, and the exit status rules
 * (exit N wins; an error that ended the script is 1; otherwise the worst
 * of the run).  Expected values are Windows PowerShell 5.1's
 * (about_Scopes, about_Break, about_Continue, about_Return,
 * about_Try_Catch_Finally, about_Automatic_Variables).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/exit_codes.h"
#include "tests/check_fake_run.h"
#include "tests/check_support.h"

/* Runs script; its stdout, stderr and status must be these. */
static void
expect_run(const char *script, const char *out, const char *err, int status)
{
	struct run_out r;

	run_script(script, &r);
	ck_assert_msg(strcmp(r.out, out) == 0, "%s\nstdout: [%s]\nwanted: [%s]",
	    script, r.out, out);
	ck_assert_msg(strcmp(r.err, err) == 0, "%s\nstderr: [%s]\nwanted: [%s]",
	    script, r.err, err);
	ck_assert_msg(r.status == status, "%s\nstatus %d, wanted %d", script,
	    r.status, status);
	run_free(&r);
}

/*
 * about_Scopes: a function's body runs in a scope of its own whose parent
 * is the caller's (it reads the caller's variables, its assignments stay
 * its own), $script: names the script's scope; a ForEach-Object block
 * runs in the caller's scope (its assignments stay).
 */
START_TEST(t_scopes)
{
	expect_run("$c = 0; function inc { $script:c += 1 }; inc; inc; $c\n"
	    "function inc2 { $c += 1; $c }; inc2; $c\n"
	    "function setl { $z = 5 }; setl; \"z=[$z]\"\n"
	    "1..2 | ForEach-Object { $w = $_ }; \"w=$w\"\n"
	    "function outer { $o = 'outer'; inner }\n"
	    "function inner { \"sees $o\" }; outer; \"o=[$o]\"\n"
	    "function setg { $global:g = 'g' }; setg; $g",
	    "2\n3\n2\nz=[]\nw=2\nsees outer\no=[]\ng\n", "", 0);
}
END_TEST

/* $_ is the innermost block's, and a nested block gives the outer one's back */
START_TEST(t_dollar_under_nested)
{
	expect_run("1..2 | ForEach-Object { $o = $_; 'a', 'b' | ForEach-Object "
	    "{ \"$o$_\" }; \"back $_\" }",
	    "1a\n1b\nback 1\n2a\n2b\nback 2\n", "", 0);
	expect_run("1..3 | ForEach-Object { $n = $_; \"${n}:$(@(1..3 | "
	    "Where-Object { $_ -le $n }).Count):$_\" }",
	    "1:1:1\n2:2:2\n3:3:3\n", "", 0);
	/* $PSItem is $_ */
	expect_run("5, 6 | ForEach-Object { $PSItem * 2 } | Where-Object { "
	    "$PSItem -gt 10 }", "12\n", "", 0);
}
END_TEST

/*
 * about_Break: break (and continue) in a ForEach-Object block is not the
 * block's: it leaves (or goes on with) the innermost enclosing loop,
 * abandoning the pipeline; with no loop around it the script ends.
 */
START_TEST(t_break_crosses_foreach_object)
{
	expect_run("foreach ($i in 1..3) { 1..3 | ForEach-Object { if ($_ -eq 2)"
	    " { break }; \"$i $_\" } }; \"after\"", "1 1\nafter\n", "", 0);
	expect_run("foreach ($i in 1..2) { 1..3 | ForEach-Object { if ($_ -eq 2)"
	    " { continue }; \"$i$_\" } }; \"after\"", "11\n21\nafter\n", "", 0);
	expect_run("$i = 0; while ($i -lt 2) { $i += 1; 1..3 | Where-Object { "
	    "if ($_ -eq 2) { break }; $true } }; \"i=$i\"", "1\ni=1\n", "", 0);
	/* no loop: the script ends, quietly, status 0 */
	expect_run("1..3 | ForEach-Object { if ($_ -eq 2) { break }; $_ }; "
	    "\"not reached\"", "1\n", "", 0);
	/* a loop inside the block keeps its own break */
	expect_run("1..2 | ForEach-Object { foreach ($k in 1..3) { if ($k -eq 2)"
	    " { break }; \"$_$k\" } }", "11\n21\n", "", 0);
}
END_TEST

/*
 * about_Return: what came before return is output too; return in a
 * ForEach-Object block ends that block's run for this object only; return
 * at the script's level ends the script.
 */
START_TEST(t_return)
{
	expect_run("function f { 1; return 2; 3 }; f; $v = f; $v.Count",
	    "1\n2\n2\n", "", 0);
	expect_run("function g { 1..3 | ForEach-Object { if ($_ -eq 2) { "
	    "return }; $_ }; \"end g\" }; g", "1\n3\nend g\n", "", 0);
	expect_run("function h { foreach ($x in 1..3) { if ($x -eq 2) { "
	    "return \"r$x\" }; $x }; \"not reached\" }; h", "1\nr2\n", "", 0);
	expect_run("\"a\"; return; \"b\"", "a\n", "", 0);
}
END_TEST

/*
 * ForEach-Object's blocks in a row (ForEachObjectCommand): with two the
 * first is the begin block, with three or more the last is the end
 * block, the ones between run in turn for each object; -Process {a},{b}
 * is such a row too.
 */
START_TEST(t_foreach_object_blocks)
{
	expect_run("1..2 | % { 'b' } { \"p$_\" } { 'e' }", "b\np1\np2\ne\n", "",
	    0);
	expect_run("1..2 | ForEach-Object { 'b' } { \"p$_\" }", "b\np1\np2\n",
	    "", 0);
	expect_run("1, 2 | % { 'b' } { \"p$_\" } { \"q$_\" } { 'e' }",
	    "b\np1\nq1\np2\nq2\ne\n", "", 0);
	expect_run("1..2 | % -Process { \"x$_\" }, { \"y$_\" }", "x\ny1\ny2\n",
	    "", 0);
}
END_TEST

/* A script block in a list of arguments (it crashed the vet: issue 11) */
START_TEST(t_block_in_argument_list)
{
	expect_run("Write-Output {1}, {2}", "1\n2\n", "", 0);
}
END_TEST

/* $args: the arguments no parameter took; $input: the pipeline's objects */
START_TEST(t_args_and_input)
{
	expect_run("function g { \"n=$($args.Count) first=$($args[0]) "
	    "last=$($args[-1])\" }; g a b c\n"
	    "function h { \"input=$($input -join ',')\" }; 1..3 | h\n"
	    "function k($p) { \"p=$p args=$($args -join ',')\" }; k 1 2 3\n"
	    "function m { \"[$input]\" }; m",
	    "n=3 first=a last=c\ninput=1,2,3\np=1 args=2,3\n[]\n", "", 0);
}
END_TEST

/* finally runs however its try block was left */
START_TEST(t_finally)
{
	expect_run("try { \"t\"; throw \"x\" } catch { \"c $_\" } finally { "
	    "\"f\" }", "t\nc x\nf\n", "", 0);
	expect_run("foreach ($i in 1..3) { try { if ($i -eq 2) { break }; "
	    "\"body $i\" } finally { \"f$i\" } }",
	    "body 1\nf1\nf2\n", "", 0);
	expect_run("function f { try { return \"r\" } finally { \"f\" } }; f",
	    "r\nf\n", "", 0);
	expect_run("try { exit 3 } finally { \"f\" }", "f\n", "", 3);
	expect_run("try { throw \"up\" } finally { \"f\" }; \"not reached\"",
	    "f\n", "up\nAt line:1 char:7\n+ try { throw \"up\" } finally { "
	    "\"f\" }; \"not reached\"\n+       ~~~~~~~~~~\n"
	    "    + CategoryInfo          : OperationStopped: (up:String) [], "
	    "RuntimeException\n    + FullyQualifiedErrorId : up\n \n", 1);
	/* a statement-terminating error leaves try { } finally { } too */
	expect_run("try { [int]'x'; \"not reached\" } finally { \"f\" }; \"next\"",
	    "f\nnext\n", "Cannot convert value \"x\" to type \"System.Int32\". "
	    "Error: \"Input string was not in a correct format.\"\n"
	    "At line:1 char:7\n+ try { [int]'x'; \"not reached\" } finally "
	    "{ \"f\" }; \"next\"\n+       ~~~~~~~~\n"
	    "    + CategoryInfo          : InvalidArgument: (:) [], "
	    "RuntimeException\n"
	    "    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \n",
	    1);
}
END_TEST

/*
 * about_Throw: throw with no value in a catch block throws the caught
 * error again; elsewhere it is "ScriptHalted".  An error thrown in a
 * function reaches the caller's catch.
 */
START_TEST(t_throw)
{
	expect_run("try { try { throw \"a\" } catch { \"inner $_\"; throw } } "
	    "catch { \"outer $_\" }", "inner a\nouter a\n", "", 0);
	expect_run("function f { throw \"deep\" }; try { f; \"no\" } catch { "
	    "\"caught $_\" }", "caught deep\n", "", 0);
	expect_run("throw", "", "ScriptHalted\nAt line:1 char:1\n+ throw\n"
	    "+ ~~~~~\n    + CategoryInfo          : OperationStopped: (:) [], "
	    "RuntimeException\n    + FullyQualifiedErrorId : ScriptHalted\n \n",
	    1);
}
END_TEST

/*
 * A statement-terminating error inside a function is said and the
 * function goes on with its next statement, as a script's would.
 */
START_TEST(t_statement_error_in_function)
{
	expect_run("function f { [int]'x'; \"after in f\" }; f; \"after f\"",
	    "after in f\nafter f\n", "Cannot convert value \"x\" to type "
	    "\"System.Int32\". Error: \"Input string was not in a correct "
	    "format.\"\nAt line:1 char:14\n+ function f { [int]'x'; \"after in "
	    "f\" }; f; \"after f\"\n+              ~~~~~~~~\n"
	    "    + CategoryInfo          : InvalidArgument: (:) [], "
	    "RuntimeException\n"
	    "    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \n",
	    1);
}
END_TEST

/*
 * $?: False after a statement with an error, shown or silenced; a
 * warning is no error; True again after the next good statement.
 */
START_TEST(t_dollar_question)
{
	expect_run("$null = [int]'x'; $?; $?", "False\nTrue\n",
	    "Cannot convert value \"x\" to type \"System.Int32\". Error: "
	    "\"Input string was not in a correct format.\"\nAt line:1 char:9\n"
	    "+ $null = [int]'x'; $?; $?\n+         ~~~~~~~~\n"
	    "    + CategoryInfo          : InvalidArgument: (:) [], "
	    "RuntimeException\n"
	    "    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \n",
	    1);
	expect_run("Write-Error 'e' -ErrorAction SilentlyContinue; $?; "
	    "Write-Output 'x' | Select-Object -ExpandProperty Nope "
	    "-ErrorAction SilentlyContinue; $?; $?", "False\nFalse\nTrue\n", "",
	    1);
	expect_run("tnc 10.0.0.5 -Port 1 -InformationLevel Quiet "
	    "-WarningAction SilentlyContinue; $?", "False\nTrue\n", "", 1);
}
END_TEST

/* $using:x: the caller's value in a -Parallel block; elsewhere 5.1's error */
START_TEST(t_using)
{
	expect_run("$p = 5; 1, 2 | ForEach-Object -Parallel { \"$_ p=$using:p\" "
	    "} -ThrottleLimit 1", "1 p=5\n2 p=5\n", "", 0);
	expect_run("$p = 5; $using:p; \"next\"", "next\n", "A Using variable "
	    "cannot be retrieved. A Using variable can be used only with "
	    "Invoke-Command, Start-Job, or InlineScript in the script "
	    "workflow. When it is used with Invoke-Command, the Using variable "
	    "is valid only if the script block is invoked on a remote "
	    "computer.\nAt line:1 char:9\n+ $p = 5; $using:p; \"next\"\n"
	    "+         ~~~~~~~~\n    + CategoryInfo          : InvalidOperation: "
	    "(:) [], RuntimeException\n"
	    "    + FullyQualifiedErrorId : UsingWithoutInvokeCommand\n \n", 1);
}
END_TEST

/*
 * $ErrorActionPreference and $WarningPreference are variables: a
 * function's own assignment holds in its scope only; an -ErrorAction
 * given wins; Stop makes a runtime error end the script.
 */
START_TEST(t_preferences)
{
	const char *cast_y = "Cannot convert value \"y\" to type "
	    "\"System.Int32\". Error: \"Input string was not in a correct "
	    "format.\"\n";
	struct run_out r;

	run_script("function f { $ErrorActionPreference = 'SilentlyContinue'; "
	    "[int]'x'; 'f done' }; f; [int]'y'; 'end'", &r);
	ck_assert_str_eq(r.out, "f done\nend\n");
	ck_assert_int_eq(strncmp(r.err, cast_y, strlen(cast_y)), 0);
	ck_assert_ptr_null(strstr(r.err, "\"x\""));
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
	run_script("$ErrorActionPreference = 'Stop'; 'a'; [int]'y'; 'b'", &r);
	ck_assert_str_eq(r.out, "a\n");
	ck_assert_int_eq(strncmp(r.err, cast_y, strlen(cast_y)), 0);
	ck_assert_int_eq(r.status, TNC_EXIT_FAILED);
	run_free(&r);
	expect_run("$ErrorActionPreference = 'Stop'; Write-Error 'w' "
	    "-ErrorAction SilentlyContinue; \"c $?\"", "c False\n", "",
	    TNC_EXIT_FAILED);
	/* caught, the error costs nothing */
	expect_run("$ErrorActionPreference = 'Stop'; try { Write-Error 'w'; "
	    "'not reached' } catch { \"caught $_\" }", "caught w\n", "",
	    TNC_EXIT_OK);
	expect_run("$WarningPreference = 'SilentlyContinue'; tnc 10.0.0.5 "
	    "-Port 1 -InformationLevel Quiet; Write-Warning 'w'", "False\n", "",
	    TNC_EXIT_FAILED);
	/* computed arguments stay where the binder finds them */
	expect_run("$ErrorActionPreference = 'SilentlyContinue'; $p = "
	    "'/nonexistent/x'; Get-Content $p; \"after $?\"; 1..2 | "
	    "ForEach-Object { $_ * 2 } | Where-Object { $_ -gt 2 }",
	    "after False\n4\n", "", TNC_EXIT_FAILED);
}
END_TEST

/*
 * The exit status: exit N wins; an uncaught throw is 1; otherwise the
 * worst of the run (a failed test 1, a name that did not resolve 2, an
 * error said 1); a caught error costs nothing.
 */
START_TEST(t_exit_status)
{
	const char *quiet = " -InformationLevel Quiet -WarningAction "
	    "SilentlyContinue";
	char s[256];

	snprintf(s, sizeof(s), "tnc 10.0.0.5 -Port 1%s; exit 0", quiet);
	expect_run(s, "False\n", "", TNC_EXIT_OK);
	snprintf(s, sizeof(s), "tnc 10.0.0.1 -Port 1%s; exit 7", quiet);
	expect_run(s, "True\n", "", 7);
	snprintf(s, sizeof(s), "tnc 10.0.0.5 -Port 1%s", quiet);
	expect_run(s, "False\n", "", TNC_EXIT_FAILED);
	snprintf(s, sizeof(s), "tnc bad -Port 1%s; tnc 10.0.0.5 -Port 1%s",
	    quiet, quiet);
	expect_run(s, "False\nFalse\n", "", TNC_EXIT_NO_NAME);
	snprintf(s, sizeof(s), "tnc 10.0.0.1 -Port 1%s; try { throw 'x' } "
	    "catch { 'caught' }", quiet);
	expect_run(s, "True\ncaught\n", "", TNC_EXIT_OK);
	expect_run("function f { exit 9 }; 1..3 | ForEach-Object { f }; 'no'",
	    "", "", 9);
	expect_run("exit 256", "", "", 0);
}
END_TEST

/* Nothing runs when any part of the script is refused before the run */
START_TEST(t_refused_before_running)
{
	struct run_out r;

	fake_calls = 0;
	run_script("tnc 10.0.0.1 -Port 1; 'ran'; [System.Net.Dns]::"
	    "GetHostAddresses('x')", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_USAGE);
	ck_assert_str_eq(r.out, "");
	ck_assert_int_eq(fake_calls, 0);
	ck_assert_ptr_nonnull(strstr(r.err, "StaticMemberNotSupported"));
	run_free(&r);
}
END_TEST

/* Runs script with fuzzing's bounds. */
static void
run_bounded(const char *script, struct run_out *r)
{
	static const struct runtime_options bounded = { .engine = &fake_engine,
	    .max_steps = 2000, .max_sleep_ms = 10, .files_here_only = true };

	run_script_with(script, &bounded, NULL, r);
}

/*
 * The fuzz harnesses' bounds (runtime_options): a fuzzed script writes
 * files only by plain name in the working directory (fuzz_main found
 * Out-File writing wherever it was run), and a -Parallel block is bounded
 * like the script (without max_steps in its worker it spun forever).
 */
START_TEST(t_fuzz_bounds)
{
	char here[] = "/tmp/tnc-check-here.XXXXXX";
	char away[] = "/tmp/tnc-check-away.XXXXXX";
	char old[4096], script[640], path[512], msg[600];
	struct run_out r;

	ck_assert_ptr_nonnull(getcwd(old, sizeof(old)));
	ck_assert_ptr_nonnull(mkdtemp(here));
	ck_assert_ptr_nonnull(mkdtemp(away));
	ck_assert_int_eq(chdir(here), 0);

	run_bounded("'x' | Out-File plain.txt; 'x' | Export-Csv plain.csv", &r);
	ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
	ck_assert_int_eq(access("plain.txt", F_OK), 0);
	ck_assert_int_eq(access("plain.csv", F_OK), 0);
	run_free(&r);

	snprintf(path, sizeof(path), "%s/abs.txt", away);
	snprintf(script, sizeof(script), "'x' | Out-File %s", path);
	run_bounded(script, &r);
	snprintf(msg, sizeof(msg), "Access to the path '%s' is denied.", path);
	ck_assert_msg(strstr(r.err, msg) != NULL, "%s", r.err);
	ck_assert_int_eq(access(path, F_OK), -1);
	run_free(&r);

	snprintf(path, sizeof(path), "%s/up.csv", away);
	snprintf(script, sizeof(script), "'x' | Export-Csv ../%s/up.csv "
	    "-Append", strrchr(away, '/') + 1);
	run_bounded(script, &r);
	snprintf(msg, sizeof(msg), "Access to the path '%s' is denied.", path);
	ck_assert_msg(strstr(r.err, msg) != NULL, "%s", r.err);
	ck_assert_int_eq(access(path, F_OK), -1);
	run_free(&r);

	run_bounded("1 | ForEach-Object -Parallel { for (;;) { } }", &r);
	ck_assert_int_eq(r.status, TNC_EXIT_SYSTEM);
	ck_assert_ptr_nonnull(strstr(r.err, "more than 2000 statements"));
	run_free(&r);

	unlink("plain.txt");
	unlink("plain.csv");
	ck_assert_int_eq(chdir(old), 0);
	ck_assert_int_eq(rmdir(here), 0);
	ck_assert_int_eq(rmdir(away), 0);
}
END_TEST

static Suite *
eval_suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc = tcase_create("semantics");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, t_scopes);
	tcase_add_test(tc, t_dollar_under_nested);
	tcase_add_test(tc, t_break_crosses_foreach_object);
	tcase_add_test(tc, t_return);
	tcase_add_test(tc, t_block_in_argument_list);
	tcase_add_test(tc, t_foreach_object_blocks);
	tcase_add_test(tc, t_args_and_input);
	tcase_add_test(tc, t_finally);
	tcase_add_test(tc, t_throw);
	tcase_add_test(tc, t_statement_error_in_function);
	tcase_add_test(tc, t_dollar_question);
	tcase_add_test(tc, t_using);
	tcase_add_test(tc, t_preferences);
	tcase_add_test(tc, t_exit_status);
	tcase_add_test(tc, t_refused_before_running);
	tcase_add_test(tc, t_fuzz_bounds);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(eval_suite());
}
