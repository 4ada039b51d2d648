/*
 * check_cmdlets: the pieces under the scripts' cmdlets (issue 11) that read
 * better as unit cases than through a command line: the binder's remaining
 * arguments, .NET enums and mandatory pipeline parameters; the sorting
 * commands' comparison; CSV headers read back; where a file path leads and
 * which encoding a name means; Write-Error's script-level record.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_support.h"
#include "objects/convert_csv.h"
#include "objects/sort_compare.h"
#include "parsers/binder.h"
#include "parsers/commands.h"
#include "parsers/ps_error.h"
#include "runtime/text_file.h"
#include "tests/parse_command.h"

/* Parses script and binds its first command to m; the caller frees. */
static int
bind_first(const char *script, const struct ps_command_meta *m,
    bool has_input, struct ps_command *pc, struct ps_binding *b,
    struct ps_error *e)
{
	parse_command(script, pc);
	return ps_bind_input(m, pc, has_input, b, e);
}

/* ValueFromRemainingArguments: every positional argument, as one list */
START_TEST(test_remaining_arguments)
{
	struct ps_command pc;
	struct ps_binding b;
	struct ps_error e = { 0 };
	const struct ps_bound *v;

	ck_assert_int_eq(bind_first("Write-Host Port 5022 open -NoNewline",
	    &write_host_meta, false, &pc, &b, &e), 0);
	v = ps_binding_get(&b, "Object");
	ck_assert(v->present && v->positional);
	ck_assert_int_eq(v->value->kind, PS_VAL_ARRAY);
	ck_assert_uint_eq(v->value->nitems, 3);
	ck_assert_str_eq(v->value->items[2].text, "open");
	ck_assert(ps_binding_get(&b, "NoNewline")->sw);
	ps_binding_free(&b);
	ps_command_free(&pc);
	/* one argument is still a list: 1,2 stays one array inside it */
	ck_assert_int_eq(bind_first("Write-Output 1,2 -NoEnumerate",
	    &write_output_meta, false, &pc, &b, &e), 0);
	v = ps_binding_get(&b, "InputObject");
	ck_assert_uint_eq(v->value->nitems, 1);
	ck_assert_int_eq(v->value->items[0].kind, PS_VAL_ARRAY);
	ps_binding_free(&b);
	ps_command_free(&pc);
	/* by name it is the value itself, and a second argument has no home */
	ck_assert_int_eq(bind_first("Write-Output -InputObject 1,2",
	    &write_output_meta, false, &pc, &b, &e), 0);
	v = ps_binding_get(&b, "InputObject");
	ck_assert(!v->positional);
	ck_assert_uint_eq(v->value->nitems, 2);
	ps_binding_free(&b);
	ps_command_free(&pc);
	ck_assert_int_eq(bind_first("Write-Host -Object a b", &write_host_meta,
	    false, &pc, &b, &e), -1);
	ck_assert_str_eq(e.error_id, "PositionalParameterNotFound");
	ck_assert_str_eq(e.message, "A positional parameter cannot be found "
	    "that accepts argument 'b'.");
	ps_binding_free(&b);
	ps_command_free(&pc);
	ps_error_free(&e);
}
END_TEST

/* A .NET enum binds by name (any case) or by value */
START_TEST(test_enum_parameters)
{
	static const struct {
		const char *script;
		long long value;		/* -1: an error */
		const char *message;
	} cases[] = {
		{ "Write-Host a -ForegroundColor darkred", 4, NULL },
		{ "Write-Host a -ForegroundColor 15", 15, NULL },
		{ "Write-Host a -ForegroundColor '9'", 9, NULL },
		{ "Write-Host a -ForegroundColor 16", -1, "Cannot bind parameter "
		  "'ForegroundColor'. Cannot convert value \"16\" to type "
		  "\"System.ConsoleColor\" due to enumeration values that are "
		  "not valid. Specify one of the following enumeration values "
		  "and try again. The possible enumeration values are \"Black,"
		  "DarkBlue,DarkGreen,DarkCyan,DarkRed,DarkMagenta,DarkYellow,"
		  "Gray,DarkGray,Blue,Green,Cyan,Red,Magenta,Yellow,White\"." },
		{ "Write-Host a -ForegroundColor Pink", -1, "Cannot bind "
		  "parameter 'ForegroundColor'. Cannot convert value \"Pink\" "
		  "to type \"System.ConsoleColor\". Error: \"Unable to match "
		  "the identifier name Pink to a valid enumerator name. Specify "
		  "one of the following enumerator names and try again:\nBlack, "
		  "DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, "
		  "DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, "
		  "Yellow, White\"" },
	};
	struct ps_command pc;
	struct ps_binding b;
	struct ps_error e = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rc = bind_first(cases[i].script, &write_host_meta, false, &pc,
		    &b, &e);
		if (cases[i].value >= 0) {
			ck_assert_msg(rc == 0, "%s", cases[i].script);
			ck_assert_int_eq(ps_binding_get(&b,
			    "ForegroundColor")->i, cases[i].value);
		} else {
			ck_assert_msg(rc == -1, "%s", cases[i].script);
			ck_assert_str_eq(e.message, cases[i].message);
			ck_assert_str_eq(e.error_id,
			    "CannotConvertArgumentNoMessage");
		}
		ps_binding_free(&b);
		ps_command_free(&pc);
	}
	/* the missing argument names the enum's type */
	ck_assert_int_eq(bind_first("Write-Error x -Category",
	    &write_error_meta, false, &pc, &b, &e), -1);
	ck_assert_str_eq(e.message, "Missing an argument for parameter "
	    "'Category'. Specify a parameter of type "
	    "'System.Management.Automation.ErrorCategory' and try again.");
	ps_binding_free(&b);
	ps_command_free(&pc);
	ps_error_free(&e);
}
END_TEST

/* A mandatory parameter that takes pipeline input waits for it */
START_TEST(test_mandatory_pipeline_parameter)
{
	struct ps_command pc;
	struct ps_binding b;
	struct ps_error e = { 0 };

	ck_assert_int_eq(bind_first("Write-Warning", &write_warning_meta,
	    false, &pc, &b, &e), -1);
	ck_assert_str_eq(e.error_id, "MissingMandatoryParameter");
	ck_assert_str_eq(e.message, "Cannot process command because of one "
	    "or more missing mandatory parameters: Message.");
	ps_binding_free(&b);
	ps_command_free(&pc);
	ck_assert_int_eq(bind_first("Write-Warning", &write_warning_meta,
	    true, &pc, &b, &e), 0);
	ps_binding_free(&b);
	ps_command_free(&pc);
	/* one that takes no pipeline input does not wait (Out-File's path) */
	ck_assert_int_eq(bind_first("Out-File", &out_file_meta, true, &pc, &b,
	    &e), -1);
	ck_assert_str_eq(e.message, "Cannot process command because of one "
	    "or more missing mandatory parameters: FilePath.");
	ps_binding_free(&b);
	ps_command_free(&pc);
	/* and a set is chosen as before: Start-Sleep -m is Milliseconds */
	ck_assert_int_eq(bind_first("Start-Sleep -m 5", &start_sleep_meta,
	    false, &pc, &b, &e), 0);
	ck_assert_int_eq(b.set, 1);
	ps_binding_free(&b);
	ps_command_free(&pc);
	ps_error_free(&e);
}
END_TEST

/* a, b: strings; helpers for the comparison cases */
static int
cmp_values(struct psobj_value a, struct psobj_value b, bool ignore_case)
{
	bool nomem = false;
	int r = sort_compare(&a, &b, ignore_case, &nomem);

	ck_assert(!nomem);
	psobj_value_free(&a);
	psobj_value_free(&b);
	return r < 0 ? -1 : r > 0;
}

static struct psobj_value
str(const char *s)
{
	struct psobj_value v;

	ck_assert_int_eq(psobj_string(&v, s), 0);
	return v;
}

START_TEST(test_sort_compare)
{
	/* numbers as numbers, the left deciding: 10 after 9, "10" before "9" */
	ck_assert_int_eq(cmp_values(psobj_int(10, "System.Int32"),
	    psobj_int(9, "System.Int32"), true), 1);
	ck_assert_int_eq(cmp_values(str("10"), str("9"), true), -1);
	ck_assert_int_eq(cmp_values(psobj_int(10, "System.Int32"), str("9"),
	    true), 1);
	ck_assert_int_eq(cmp_values(psobj_double(1.5, "System.Double"),
	    psobj_int(2, "System.Int32"), true), -1);
	/* text: case only when asked, lower before upper */
	ck_assert_int_eq(cmp_values(str("a"), str("A"), true), 0);
	ck_assert_int_eq(cmp_values(str("a"), str("A"), false), -1);
	ck_assert_int_eq(cmp_values(str("b"), str("A"), false), 1);
	/* the culture's order: punctuation, digits, letters; '-' set aside */
	ck_assert_int_eq(cmp_values(str("_x"), str("10"), true), -1);
	ck_assert_int_eq(cmp_values(str("sql-b"), str("sqla"), true), 1);
	/* $null below everything but negative numbers (CompareObjectToNull) */
	ck_assert_int_eq(cmp_values(psobj_null(), str("a"), true), -1);
	ck_assert_int_eq(cmp_values(psobj_null(), psobj_int(0,
	    "System.Int32"), true), -1);
	ck_assert_int_eq(cmp_values(psobj_int(-1, "System.Int32"),
	    psobj_null(), true), -1);
	ck_assert_int_eq(cmp_values(psobj_null(), psobj_null(), true), 0);
	/* False before True; a number that is no text's compares as text */
	ck_assert_int_eq(cmp_values(psobj_bool(false), psobj_bool(true),
	    true), -1);
	ck_assert_int_eq(cmp_values(psobj_int(5, "System.Int32"), str("abc"),
	    true), -1);
}
END_TEST

START_TEST(test_sort_to_double)
{
	static const struct {
		const char *text;
		bool	ok;
		double	d;
	} cases[] = {
		{ "5", true, 5 }, { " 2.5 ", true, 2.5 }, { "1e3", true, 1000 },
		{ "", true, 0 }, { "abc", false, 0 },
		/* [double] reads no hex or multiplier suffix (the operators') */
		{ "0x10", false, 0 }, { "1kb", false, 0 },
	};
	struct psobj_value v;
	bool nomem = false;
	double d;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		v = str(cases[i].text);
		ck_assert_msg(sort_to_double(&v, &d, &nomem) == cases[i].ok,
		    "'%s'", cases[i].text);
		if (cases[i].ok)
			ck_assert(d == cases[i].d);
		psobj_value_free(&v);
	}
	v = psobj_bool(true);
	ck_assert(sort_to_double(&v, &d, &nomem) && d == 1);
	v = psobj_null();
	ck_assert(sort_to_double(&v, &d, &nomem) && d == 0);
	ck_assert(!nomem);
}
END_TEST

/* Export-Csv -Append reads the file's header back */
START_TEST(test_csv_header_parse)
{
	struct csv_columns c;

	ck_assert_int_eq(csv_columns_parse("\"Name\",\"Re\"\"mote\",Port,,\"a,b\"",
	    ',', &c), 0);
	ck_assert_uint_eq(c.n, 5);
	ck_assert_str_eq(c.names[0], "Name");
	ck_assert_str_eq(c.names[1], "Re\"mote");
	ck_assert_str_eq(c.names[2], "Port");
	ck_assert_str_eq(c.names[3], "");
	ck_assert_str_eq(c.names[4], "a,b");
	ck_assert_int_eq(csv_column_find(&c, "port"), 2);
	ck_assert_int_eq(csv_column_find(&c, "nope"), -1);
	csv_columns_free(&c);
	ck_assert_int_eq(csv_columns_parse("\"a\";\"b\"", ';', &c), 0);
	ck_assert_uint_eq(c.n, 2);
	ck_assert_str_eq(c.names[1], "b");
	csv_columns_free(&c);
}
END_TEST

START_TEST(test_file_paths_and_encodings)
{
	enum text_encoding_out enc;
	char *p, cwd[4096];

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	setenv("HOME", "/home/agent", 1);
	p = text_file_resolve("~/logs/./a.txt");
	ck_assert_str_eq(p, "/home/agent/logs/a.txt");
	free(p);
	p = text_file_resolve("/var/tmp/../log/x.csv");
	ck_assert_str_eq(p, "/var/log/x.csv");
	free(p);
	p = text_file_resolve("out.txt");
	ck_assert_str_eq(p + strlen(cwd), "/out.txt");
	ck_assert(strncmp(p, cwd, strlen(cwd)) == 0);
	free(p);
	ck_assert_int_eq(text_encoding_named("UNICODE", &enc), 0);
	ck_assert_int_eq(enc, TEXT_OUT_UTF16LE);
	ck_assert_int_eq(text_encoding_named("unknown", &enc), 0);
	ck_assert_int_eq(enc, TEXT_OUT_UTF16LE);
	ck_assert_int_eq(text_encoding_named("oem", &enc), 0);
	ck_assert_int_eq(enc, TEXT_OUT_OEM);
	ck_assert_int_eq(text_encoding_named("UTF7", &enc), -1);
	ck_assert_int_eq(text_encoding_named("latin1", &enc), -1);
}
END_TEST

/* Write-Error at the top of a script: the script's text, no position */
START_TEST(test_script_level_record)
{
	const char *script = "Write-Output a\r\nWrite-Error 'x'";
	struct capture c;
	struct ps_error e = { 0 };
	char *got;

	ps_error_bind(&e, "Write-Error", NULL, "NotSpecified",
	    "WriteErrorException",
	    "Microsoft.PowerShell.Commands.WriteErrorException", 16, 15,
	    "%s", "x");
	e.script_level = true;
	capture_open(&c, TNC_NEWLINE_CRLF);
	ps_error_render(&e, script, &c.out);
	got = capture_take(&c);
	ck_assert_str_eq(got, "Write-Output a\r\nWrite-Error 'x' : x\r\n"
	    "    + CategoryInfo          : NotSpecified: (:) [Write-Error], "
	    "WriteErrorException\r\n"
	    "    + FullyQualifiedErrorId : "
	    "Microsoft.PowerShell.Commands.WriteErrorException\r\n \r\n");
	free(got);
	ps_error_free(&e);
}
END_TEST

static Suite *
cmdlets_suite(void)
{
	Suite *s = suite_create("cmdlets");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_remaining_arguments);
	tcase_add_test(tc, test_enum_parameters);
	tcase_add_test(tc, test_mandatory_pipeline_parameter);
	tcase_add_test(tc, test_sort_compare);
	tcase_add_test(tc, test_sort_to_double);
	tcase_add_test(tc, test_csv_header_parse);
	tcase_add_test(tc, test_file_paths_and_encodings);
	tcase_add_test(tc, test_script_level_record);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(cmdlets_suite());
}
