/*
 * tests/check_binder.c: parameter binding of Test-NetConnection (spec 4),
 * every error text byte for byte against the files in fixtures/errors/
 * (see the README there). Runs from the repository root.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"
#include "parsers/ast.h"
#include "parsers/ast_command.h"
#include "parsers/binder.h"
#include "parsers/tnc_command.h"
#include "tests/check_support.h"
#include "tests/parse_command.h"

struct error_case {
	const char *fixture;	/* fixtures/errors/<fixture>.txt */
	const char *script;
	const char *id;
	const char *message;
};

static const struct error_case error_cases[] = {
	{ "not_found", "tnc -foo", "NamedParameterNotFound",
	    "A parameter cannot be found that matches parameter name 'foo'." },
	{ "not_found_full_name", "Test-NetConnection -foo", "NamedParameterNotFound",
	    "A parameter cannot be found that matches parameter name 'foo'." },
	{ "ambiguous_c", "tnc -c x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'c' is ambiguous. Possible matches include: -ComputerName -CommonTCPPort -ConstrainSourceAddress -ConstrainInterface." },
	{ "ambiguous_co", "tnc -co x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'co' is ambiguous. Possible matches include: -ComputerName -CommonTCPPort -ConstrainSourceAddress -ConstrainInterface." },
	{ "ambiguous_con", "tnc -con x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'con' is ambiguous. Possible matches include: -ConstrainSourceAddress -ConstrainInterface." },
	{ "ambiguous_r", "tnc -r x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'r' is ambiguous. Possible matches include: -ComputerName -Port." },
	{ "ambiguous_remote", "tnc -remote x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'remote' is ambiguous. Possible matches include: -ComputerName -Port." },
	{ "ambiguous_w", "tnc -w x", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'w' is ambiguous. Possible matches include: -WarningAction -WarningVariable." },
	{ "missing_argument", "tnc host -Port", "MissingArgument",
	    "Missing an argument for parameter 'Port'. Specify a parameter of type 'System.Int32' and try again." },
	/* -Port: with nothing after the colon: a parse error (Parser.cs) */
	{ "missing_argument_colon", "tnc host -Port:", "ParameterRequiresArgument",
	    "Parameter -Port: requires an argument." },
	{ "positional_not_found", "tnc host http x", "PositionalParameterNotFound",
	    "A positional parameter cannot be found that accepts argument 'x'." },
	{ "commontcpport_80", "tnc host 80", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'CommonTCPPort'. The argument \"80\" does not belong to the set \"HTTP,RDP,SMB,WINRM\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again." },
	{ "commontcpport_80_x", "tnc host 80 x", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'CommonTCPPort'. The argument \"80\" does not belong to the set \"HTTP,RDP,SMB,WINRM\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again." },
	{ "port_0", "tnc host -Port 0", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'Port'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." },
	{ "port_70000", "tnc host -Port 70000", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'Port'. The 70000 argument is greater than the maximum allowed range of 65535. Supply an argument that is less than or equal to 65535 and then try the command again." },
	{ "hops_0", "tnc host -Hops 0", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'Hops'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." },
	{ "hops_121", "tnc host -Hops 121", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'Hops'. The 121 argument is greater than the maximum allowed range of 120. Supply an argument that is less than or equal to 120 and then try the command again." },
	{ "port_abc", "tnc host -Port abc", "ParameterArgumentTransformationError",
	    "Cannot process argument transformation on parameter 'Port'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"" },
	{ "set_port_traceroute", "tnc host -Port 80 -TraceRoute", "AmbiguousParameterSet",
	    "Parameter set cannot be resolved using the specified named parameters." },
	{ "set_port_commontcpport", "tnc host -Port 80 -CommonTCPPort HTTP", "AmbiguousParameterSet",
	    "Parameter set cannot be resolved using the specified named parameters." },
	{ "informationlevel_foo", "tnc host -InformationLevel foo", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'InformationLevel'. The argument \"foo\" does not belong to the set \"Quiet,Detailed\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again." },
	{ "informationlevel_standard", "tnc host -InformationLevel Standard", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'InformationLevel'. The argument \"Standard\" does not belong to the set \"Quiet,Detailed\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again." },
	{ "warningaction_foo", "tnc host -WarningAction foo", "CannotConvertArgumentNoMessage",
	    "Cannot bind parameter 'WarningAction'. Cannot convert value \"foo\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name foo to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend\"" },
	{ "erroraction_ea_foo", "tnc host -ea foo", "CannotConvertArgumentNoMessage",
	    "Cannot bind parameter 'ErrorAction'. Cannot convert value \"foo\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name foo to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend\"" },
	{ "duplicate_port", "tnc host -Port 1 -Port 2", "ParameterAlreadyBound",
	    "Cannot bind parameter because parameter 'Port' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\"." },
	{ "timeout_0", "tnc host -TimeoutSeconds 0", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'TimeoutSeconds'. The 0 argument is less than or equal to the minimum allowed range of 0. Supply an argument that is greater than 0 and then try the command again." },
	{ "timeout_minus_1", "tnc host -TimeoutSeconds -1", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'TimeoutSeconds'. The -1 argument is less than or equal to the minimum allowed range of 0. Supply an argument that is greater than 0 and then try the command again." },
	{ "timeout_3601", "tnc host -TimeoutSeconds 3601", "ParameterArgumentValidationError",
	    "Cannot validate argument on parameter 'TimeoutSeconds'. The 3601 argument is greater than the maximum allowed range of 3600. Supply an argument that is less than or equal to 3600 and then try the command again." },
	/* issue 10.2: ours bind only by their full name; 5.1's answer otherwise */
	{ "extension_prefix_timeout", "tnc host -Timeout 1000", "NamedParameterNotFound",
	    "A parameter cannot be found that matches parameter name 'Timeout'." },
	{ "extension_prefix_o", "tnc host -O PowerShell7", "AmbiguousParameter",
	    "Parameter cannot be processed because the parameter name 'O' is ambiguous. Possible matches include: -OutVariable -OutBuffer." },
	{ "parse_unterminated", "tnc 'abc", "TerminatorExpectedAtEndOfString",
	    "The string is missing the terminator: '." },
	/* issue 10.3: a placeholder left from documentation */
	{ "parse_less_than", "tnc <SQL_SERVER_IP_ADDRESS> -port 5022", "RedirectionNotSupported",
	    "The '<' operator is reserved for future use." },
	{ "parse_empty_pipe", "tnc host |", "EmptyPipeElement",
	    "An empty pipe element is not allowed." },
};
#define NERROR (sizeof(error_cases) / sizeof(error_cases[0]))

/*
 * parse_and_bind()
 * The plain form: script is the whole command line, e.g.
 * "tnc 10.0.0.4 -port 5022". Initializes o (free it with
 * tnc_options_free() whatever the result), parses with the program's
 * front end and binds. Returns 0; -1 with e filled (parse or binding
 * error); or -2, e empty and o at its defaults, when script is anything
 * but one tnc command of literals (a pipeline, several statements, an
 * expression, an argument to evaluate): the runtime's job.
 */
static int
parse_and_bind(const char *script, struct tnc_options *o, struct ps_error *e)
{
	struct ast_list l;
	struct ps_command pc = { 0 };
	const struct ast *pl;
	int rc = -2;

	tnc_options_init(o);
	if (ast_parse(script, &l, e) != 0)
		return -1;
	pl = l.n == 1 ? l.v[0] : NULL;
	if (pl != NULL && pl->kind == AST_PIPELINE &&
	    pl->assign_target == NULL && pl->elems.n == 1 &&
	    pl->elems.v[0]->kind == AST_COMMAND &&
	    tnc_command_name_matches(ast_command_name(pl->elems.v[0]))) {
		rc = ast_command(pl->elems.v[0], &pc);
		if (rc == 0)
			rc = tnc_bind(&pc, o, e);
		else if (rc == -1)
			ps_error_no_memory(e);
	}
	ps_command_free(&pc);
	ast_list_free(&l);
	return rc;
}

static char *
render(const struct ps_error *e, const char *script, enum tnc_newline nl)
{
	struct capture c;

	capture_open(&c, nl);
	ps_error_render(e, script, &c.out);
	return capture_take(&c);
}

START_TEST(test_error_case)
{
	const struct error_case *c = &error_cases[_i];
	struct tnc_options o;
	struct ps_error e = { 0 };
	char path[256];
	char *want, *got;

	ck_assert_int_eq(parse_and_bind(c->script, &o, &e), -1);
	tnc_options_free(&o);
	ck_assert_str_eq(e.error_id, c->id);
	ck_assert_str_eq(e.message, c->message);
	snprintf(path, sizeof(path), "fixtures/errors/%s.txt", c->fixture);
	want = fixture_read("", path);
	got = render(&e, c->script, TNC_NEWLINE_LF);
	ck_assert_str_eq(got, want);
	free(want);
	free(got);
	ps_error_free(&e);
}
END_TEST

/* CRLF output differs only in line ends, the message's own '\n' too */
START_TEST(test_error_crlf)
{
	struct tnc_options o;
	struct ps_error e = { 0 };
	char *got;

	ck_assert_int_eq(parse_and_bind("tnc -wa foo", &o, &e), -1);
	tnc_options_free(&o);
	got = render(&e, "tnc -wa foo", TNC_NEWLINE_CRLF);
	ck_assert_ptr_nonnull(strstr(got, "try again:\r\nSilentlyContinue, "
	    "Stop, Continue, Inquire, Ignore, Suspend\"\r\nAt line:1 char:9\r\n"));
	ck_assert_ptr_nonnull(strstr(got, ",Test-NetConnection\r\n \r\n"));
	free(got);
	ps_error_free(&e);
}
END_TEST

/*
 * Issue 9.6: user text in an error went through fixed buffers (the value
 * 256 bytes, the message 2048) and could be cut inside a character. Now
 * every message holds the whole text, and what is rendered is UTF-8.
 */
START_TEST(t_reg_long_user_text_in_errors)
{
	struct tnc_options o;
	struct ps_error e = { 0 };
	char *big = str_repeat("\xc3\xa9", 300), *script, *want, *got;

	ck_assert_int_gt(asprintf(&script, "tnc h -Port %s", big), 0);
	ck_assert_int_eq(parse_and_bind(script, &o, &e), -1);
	tnc_options_free(&o);
	ck_assert_int_gt(asprintf(&want, "Cannot process argument "
	    "transformation on parameter 'Port'. Cannot convert value \"%s\" "
	    "to type \"System.Int32\". Error: \"Input string was not in a "
	    "correct format.\"", big), 0);
	ck_assert_str_eq(e.message, want);
	got = render(&e, script, TNC_NEWLINE_LF);
	ck_assert(utf8_valid(got, strlen(got)));
	free(got);
	free(want);
	free(script);
	ps_error_free(&e);
	free(big);

	big = str_repeat("x", 3000);
	ck_assert_int_gt(asprintf(&script, "tnc -%s", big), 0);
	ck_assert_int_eq(parse_and_bind(script, &o, &e), -1);
	tnc_options_free(&o);
	ck_assert_int_gt(asprintf(&want, "A parameter cannot be found that "
	    "matches parameter name '%s'.", big), 0);
	ck_assert_str_eq(e.message, want);
	free(want);
	free(script);
	ps_error_free(&e);
	free(big);
	ps_error_free(&e);
}
END_TEST

/*
 * Issue 10.8: the echoed line is cut to 69 characters as PowerShell's
 * PositionUtilities.VerboseMessage (Position.cs) cuts it, "... " and
 * " ..." marking the cuts and the underline shifted; short, long (104)
 * and very long (361) lines, the error at the start, middle and end.
 */
#define LONG_LINE "tnc sqlmi-01.contoso.database.windows.net -Port 5022 " \
	"-InformationLevel Detailed -WarningAction Stop -foo"
#define HOSTS "'sql01.contoso.com','sql02.contoso.com','sql03.contoso.com'," \
	"'sql04.contoso.com','sql05.contoso.com','sql06.contoso.com'," \
	"'sql07.contoso.com','sql08.contoso.com','sql09.contoso.com'," \
	"'sql10.contoso.com','sql11.contoso.com','sql12.contoso.com'," \
	"'sql13.contoso.com','sql14.contoso.com','sql15.contoso.com'"
#define VLONG_LINE HOSTS " | tnc -Port 5022 -foo | select ComputerName, " \
	"TcpTestSucceeded"

static const struct {
	const char *script;
	size_t	off, len;
	const char *echo, *under;
} cut_cases[] = {
	{ "tnc 10.0.0.4 -Port 5022 -foo", 0, 3,
	  "+ tnc 10.0.0.4 -Port 5022 -foo",
	  "+ ~~~" },
	{ "tnc 10.0.0.4 -Port 5022 -foo", 13, 5,
	  "+ tnc 10.0.0.4 -Port 5022 -foo",
	  "+              ~~~~~" },
	{ "tnc 10.0.0.4 -Port 5022 -foo", 24, 4,
	  "+ tnc 10.0.0.4 -Port 5022 -foo",
	  "+                         ~~~~" },
	{ LONG_LINE, 0, 3,
	  "+ tnc sqlmi-01.contoso.database.windows.net -Port 5022 "
	  "-InformationLeve ...",
	  "+ ~~~" },
	{ LONG_LINE, 53, 17,
	  "+ ... -01.contoso.database.windows.net -Port 5022 -InformationLevel "
	  "Detaile ...",
	  "+                                                 ~~~~~~~~~~~~~~~~~" },
	{ LONG_LINE, 100, 4,
	  "+ ... ws.net -Port 5022 -InformationLevel Detailed -WarningAction "
	  "Stop -foo",
	  "+                                                                   "
	  "   ~~~~" },
	{ VLONG_LINE, 0, 19,
	  "+ 'sql01.contoso.com','sql02.contoso.com','sql03.contoso.com',"
	  "'sql04.co ...",
	  "+ ~~~~~~~~~~~~~~~~~~~" },
	{ VLONG_LINE, 306, 5,
	  "+ ... toso.com','sql14.contoso.com','sql15.contoso.com' | tnc -Port "
	  "5022 -f ...",
	  "+                                                             ~~~~~" },
	{ VLONG_LINE, 345, 16,
	  "+ ... so.com' | tnc -Port 5022 -foo | select ComputerName, "
	  "TcpTestSucceeded",
	  "+                                                          "
	  "~~~~~~~~~~~~~~~~" },
	/* an error wider than the window: cut to 69, dots after */
	{ VLONG_LINE, 0, 361,
	  "+ 'sql01.contoso.com','sql02.contoso.com','sql03.contoso.com',"
	  "'sql04.co ...",
	  "+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
	  "~~~" },
	/* trailing white space is trimmed; a tab is four spaces */
	{ "tnc\t-foo   ", 4, 4, "+ tnc    -foo", "+        ~~~~" },
	/* the cut counts characters: 'é' is one, and never cut in two */
	{ "tnc '"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "' -Port 5022 -InformationLevel Quiet -foo", 118, 4,
	  "+ ... "
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	  "' -Port 5022 -InformationLevel Quiet -foo",
	  "+                                                                   "
	  "   ~~~~" },
};

START_TEST(test_position_cut)
{
	struct ps_error e = { 0 };
	char *got, *want;

	ps_error_parse(&e, "X", cut_cases[_i].off, cut_cases[_i].len, "m");
	got = render(&e, cut_cases[_i].script, TNC_NEWLINE_LF);
	ck_assert_int_gt(asprintf(&want, "%s\n%s\nm\n", cut_cases[_i].echo,
	    cut_cases[_i].under), 0);
	ck_assert_msg(strstr(got, want) != NULL, "%s\n---\n%s", want, got);
	ck_assert(utf8_valid(got, strlen(got)));
	free(want);
	free(got);
	ps_error_free(&e);
}
END_TEST

/* The seed's job step with a typo, as 5.1 shows it (one line, cut) */
START_TEST(test_position_seed_typo)
{
	const char *script = "tnc 10.0.0.4 -port 5022 | select ComputerName, "
	    "RemoteAddress, TcpTestSucceeded | Format-Lis";
	struct ps_error e = { 0 };
	char *got;

	ps_error_bind(&e, "Format-Lis", NULL, "ObjectNotFound",
	    "CommandNotFoundException", "CommandNotFoundException", 81, 10,
	    "The term 'Format-Lis' is not recognized as the name of a cmdlet, "
	    "function, script file, or operable program. Check the spelling "
	    "of the name, or if a path was included, verify that the path is "
	    "correct and try again.");
	ps_error_set_target(&e, "Format-Lis", "String");
	e.engine_error = true;
	got = render(&e, script, TNC_NEWLINE_LF);
	ck_assert_str_eq(got, "Format-Lis : The term 'Format-Lis' is not "
	    "recognized as the name of a cmdlet, function, script file, or "
	    "operable program. Check the spelling of the name, or if a path "
	    "was included, verify that the path is correct and try again.\n"
	    "At line:1 char:82\n"
	    "+ ... 2 | select ComputerName, RemoteAddress, TcpTestSucceeded | "
	    "Format-Lis\n"
	    "+                                                                "
	    "~~~~~~~~~~\n"
	    "    + CategoryInfo          : ObjectNotFound: (Format-Lis:String) "
	    "[], CommandNotFoundException\n"
	    "    + FullyQualifiedErrorId : CommandNotFoundException\n \n");
	free(got);
	ps_error_free(&e);
}
END_TEST

/* Binds script, which must succeed */
static void
bind_ok(const char *script, struct tnc_options *o)
{
	struct ps_error e = { 0 };
	int rc = parse_and_bind(script, o, &e);

	ck_assert_msg(rc == 0, "%s: rc %d: %s", script, rc, e.message);
	ps_error_free(&e);
}

START_TEST(test_defaults)
{
	struct tnc_options o;

	bind_ok("tnc", &o);
	ck_assert_str_eq(o.computer_name, "internetbeacon.msedge.net");
	ck_assert_int_eq(o.set, TNC_SET_ICMP);
	ck_assert_int_eq(o.port, 0);
	ck_assert_int_eq(o.hops, 30);
	ck_assert(!o.trace_route);
	ck_assert_int_eq(o.information_level, TNC_INFO_STANDARD);
	ck_assert_int_eq(o.warning_action, TNC_ACTION_CONTINUE);
	ck_assert_int_eq(o.error_action, TNC_ACTION_CONTINUE);
	ck_assert(o.timeout_seconds == 5.0);
	ck_assert_int_eq(o.newline, TNC_NEWLINE_LF);
	ck_assert_str_eq(o.constrain_source_address, "");
	tnc_options_free(&o);

	bind_ok("tnc -InformationLevel Quiet", &o);
	ck_assert_str_eq(o.computer_name, "internetbeacon.msedge.net");
	ck_assert_int_eq(o.set, TNC_SET_ICMP);
	tnc_options_free(&o);
}
END_TEST

struct ok_case {
	const char *script;
	const char *computer_name;
	int	set;
	int	port;
};

static const struct ok_case ok_cases[] = {
	{ "tnc 10.0.0.4 -port 5022", "10.0.0.4", TNC_SET_REMOTE_PORT, 5022 },
	{ "TNC sqlmi.example.net -Port 5022 -InformationLevel Quiet",
	  "sqlmi.example.net", TNC_SET_REMOTE_PORT, 5022 },
	{ "Test-NetConnection h -p 5022", "h", TNC_SET_REMOTE_PORT, 5022 },
	{ "tnc h -RemotePort 5022", "h", TNC_SET_REMOTE_PORT, 5022 },
	{ "tnc h -Port:5022", "h", TNC_SET_REMOTE_PORT, 5022 },
	{ "tnc h -Port: 5022", "h", TNC_SET_REMOTE_PORT, 5022 },
	{ "tnc h -Port '5022'", "h", TNC_SET_REMOTE_PORT, 5022 },
	{ "tnc h -Port 0x50", "h", TNC_SET_REMOTE_PORT, 80 },
	{ "tnc -cn h", "h", TNC_SET_ICMP, 0 },
	{ "tnc -RemoteAddress h", "h", TNC_SET_ICMP, 0 },
	{ "tnc -ComputerName:h", "h", TNC_SET_ICMP, 0 },
	{ "tnc localhost -CommonTCPPort RDP", "localhost",
	  TNC_SET_COMMON_TCP_PORT, 3389 },
	{ "tnc h rdp", "h", TNC_SET_COMMON_TCP_PORT, 3389 },
	{ "tnc h HTTP", "h", TNC_SET_COMMON_TCP_PORT, 80 },
	{ "tnc h smb", "h", TNC_SET_COMMON_TCP_PORT, 445 },
	{ "tnc h WinRM", "h", TNC_SET_COMMON_TCP_PORT, 5985 },
	{ "tnc a,b", "a b", TNC_SET_ICMP, 0 },
	{ "tnc 'a', \"b\" ,c", "a b c", TNC_SET_ICMP, 0 },
	{ "tnc 80", "80", TNC_SET_ICMP, 0 },
	{ "tnc 1.5", "1.5", TNC_SET_ICMP, 0 },
	{ "tnc 0x10", "0x10", TNC_SET_ICMP, 0 },	/* token text kept */
	{ "tnc 1,2", "1 2", TNC_SET_ICMP, 0 },
	{ "tnc 'my host'", "my host", TNC_SET_ICMP, 0 },
	{ "tnc h -TraceRoute:$false", "h", TNC_SET_ICMP, 0 },
	{ "tnc h -d", "h", TNC_SET_NET_ROUTE_DIAGNOSTICS, 0 },
	{ "tnc h -Verbose -Debug -OutVariable x -wv y -OutBuffer 3", "h",
	  TNC_SET_ICMP, 0 },
};
#define NOK (sizeof(ok_cases) / sizeof(ok_cases[0]))

START_TEST(test_ok_case)
{
	const struct ok_case *c = &ok_cases[_i];
	struct tnc_options o;

	bind_ok(c->script, &o);
	ck_assert_str_eq(o.computer_name, c->computer_name);
	ck_assert_int_eq(o.set, c->set);
	ck_assert_int_eq(o.port, c->port);
	tnc_options_free(&o);
}
END_TEST

START_TEST(test_prefixes)
{
	struct tnc_options o;

	bind_ok("tnc h -i quiet", &o);		/* beats InformationAction */
	ck_assert_int_eq(o.information_level, TNC_INFO_QUIET);
	tnc_options_free(&o);
	bind_ok("tnc h -InformationLevel QUIET", &o);
	ck_assert_int_eq(o.information_level, TNC_INFO_QUIET);
	tnc_options_free(&o);
	bind_ok("tnc h -InformationLevel detailed", &o);
	ck_assert_int_eq(o.information_level, TNC_INFO_DETAILED);
	tnc_options_free(&o);
	bind_ok("tnc h -d", &o);		/* beats Debug */
	ck_assert(o.diagnose_routing);
	tnc_options_free(&o);
	bind_ok("tnc h -h 5", &o);
	ck_assert_int_eq(o.hops, 5);
	tnc_options_free(&o);
	bind_ok("tnc h -t", &o);		/* TraceRoute, not TimeoutSeconds */
	ck_assert(o.trace_route);
	ck_assert(o.timeout_seconds == 5.0);
	tnc_options_free(&o);
	bind_ok("tnc h -TraceRoute:$true -Hops 120", &o);
	ck_assert(o.trace_route);
	ck_assert_int_eq(o.hops, 120);
	tnc_options_free(&o);
	bind_ok("tnc h -TraceRoute:$false", &o);
	ck_assert(!o.trace_route);
	tnc_options_free(&o);
	bind_ok("tnc h -DiagnoseRouting -ConstrainSourceAddress 10.0.0.1 "
	    "-ConstrainInterface 7", &o);
	ck_assert_str_eq(o.constrain_source_address, "10.0.0.1");
	ck_assert_uint_eq(o.constrain_interface, 7);
	tnc_options_free(&o);
}
END_TEST

START_TEST(test_action_preference)
{
	static const struct {
		const char *script;
		int	warning, error;
	} c[] = {
		{ "tnc h -WarningAction SilentlyContinue", 0, 2 },
		{ "tnc h -WarningAction stop", 1, 2 },
		{ "tnc h -wa Continue", 2, 2 },
		{ "tnc h -wa INQUIRE", 3, 2 },
		{ "tnc h -wa ignore -ea Suspend", 4, 5 },
		{ "tnc h -wa 0 -ea 1", 0, 1 },
		{ "tnc h -wa '4' -ErrorAction:5", 4, 5 },
		{ "tnc h -ea SilentlyContinue", 2, 0 },
	};
	struct tnc_options o;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		bind_ok(c[i].script, &o);
		ck_assert_int_eq(o.warning_action, c[i].warning);
		ck_assert_int_eq(o.error_action, c[i].error);
		tnc_options_free(&o);
	}
}
END_TEST

START_TEST(test_action_preference_number_out_of_range)
{
	struct tnc_options o;
	struct ps_error e = { 0 };

	ck_assert_int_eq(parse_and_bind("tnc h -wa 9", &o, &e), -1);
	tnc_options_free(&o);
	ck_assert_str_eq(e.error_id, "CannotConvertArgumentNoMessage");
	ck_assert_str_eq(e.message, "Cannot bind parameter 'WarningAction'. "
	    "Cannot convert value \"9\" to type \"System.Management.Automation."
	    "ActionPreference\" due to enumeration values that are not valid. "
	    "Specify one of the following enumeration values and try again. "
	    "The possible enumeration values are \"SilentlyContinue,Stop,"
	    "Continue,Inquire,Ignore,Suspend\".");
	ps_error_free(&e);
}
END_TEST

START_TEST(test_extensions)
{
	struct tnc_options o;

	bind_ok("tnc h -TimeoutSeconds 2.5", &o);
	ck_assert(o.timeout_seconds == 2.5);
	tnc_options_free(&o);
	bind_ok("tnc h -timeoutseconds 1", &o);	/* full names, any case */
	ck_assert(o.timeout_seconds == 1.0);
	tnc_options_free(&o);
	bind_ok("tnc h -TimeoutSeconds:0.001 -Port 1", &o);
	ck_assert(o.timeout_seconds == 0.001);
	ck_assert_int_eq(o.port, 1);
	tnc_options_free(&o);
	bind_ok("tnc h -TimeoutSeconds 3600", &o);
	ck_assert(o.timeout_seconds == 3600.0);
	tnc_options_free(&o);
	bind_ok("tnc h -NewLine CRLF", &o);
	ck_assert_int_eq(o.newline, TNC_NEWLINE_CRLF);
	tnc_options_free(&o);
	bind_ok("tnc h -NEWLINE lf", &o);
	ck_assert_int_eq(o.newline, TNC_NEWLINE_LF);
	tnc_options_free(&o);
	bind_ok("tnc h -outputstyle powershell7", &o);
	ck_assert_int_eq(o.output_style, TNC_STYLE_POWERSHELL7);
	tnc_options_free(&o);
	/* the -Command detection asks the same question (issue 10.2) */
	ck_assert(ps_name_is_taken(&tnc_command_meta, "NewLine"));
	ck_assert(ps_name_is_taken(&tnc_command_meta, "c"));
	ck_assert(!ps_name_is_taken(&tnc_command_meta, "Command"));
	ck_assert(!ps_name_is_taken(&tnc_command_meta, "Time"));
}
END_TEST


/* A copy of the metadata without our parameters: the real cmdlet */
static struct ps_command_meta real_meta;
static struct ps_param_meta real_params[32];

static void
make_real_meta(void)
{
	size_t i, n = 0;

	real_meta = tnc_command_meta;
	for (i = 0; i < tnc_command_meta.nparams; i++)
		if (tnc_command_meta.params[i].tier != PS_TIER_EXTENSION)
			real_params[n++] = tnc_command_meta.params[i];
	real_meta.params = real_params;
	real_meta.nparams = n;
}

/* every prefix of s resolves the same with and without extensions */
static void
check_prefixes(const char *s)
{
	char typed[64];
	size_t len;
	const char *with, *real, *real_copy;

	for (len = 1; len <= strlen(s); len++) {
		snprintf(typed, sizeof(typed), "%.*s", (int)len, s);
		real = ps_resolve_parameter(&tnc_command_meta, typed, false);
		real_copy = ps_resolve_parameter(&real_meta, typed, true);
		with = ps_resolve_parameter(&tnc_command_meta, typed, true);
		/* ignoring ours is resolving as the real cmdlet */
		ck_assert_msg((real == NULL) == (real_copy == NULL) &&
		    (real == NULL || strcmp(real, real_copy) == 0),
		    "-%s: %s vs %s", typed, real, real_copy);
		if (real != NULL)
			ck_assert_msg(with != NULL && strcmp(real, with) == 0,
			    "-%s binds %s for real but %s with extensions",
			    typed, real, with);
	}
}

START_TEST(test_extensions_never_change_real_bindings)
{
	const struct ps_param_meta *p;
	size_t i, j;

	make_real_meta();
	for (i = 0; i < real_meta.nparams + ps_ncommon_params; i++) {
		p = i < real_meta.nparams ? &real_meta.params[i] :
		    &ps_common_params[i - real_meta.nparams];
		check_prefixes(p->name);
		for (j = 0; j < 3 && p->aliases[j] != NULL; j++)
			check_prefixes(p->aliases[j]);
	}
	/* and whole command lines: the same errors and results */
	{
		struct tnc_options o;
		struct ps_error e = { 0 };

		ck_assert_int_eq(parse_and_bind("tnc -t", &o, &e), 0);
		ck_assert(o.trace_route);
		tnc_options_free(&o);
		ck_assert_int_eq(parse_and_bind("tnc -NewLine LF -newline "
		    "crlf", &o, &e), -1);
		ck_assert_str_eq(e.error_id, "ParameterAlreadyBound");
		tnc_options_free(&o);
		ps_error_free(&e);
	}
}
END_TEST

START_TEST(test_not_plain)
{
	static const char *const scripts[] = {
		"tnc h -port 5022 | select ComputerName, RemoteAddress, "
		    "TcpTestSucceeded | Format-List",
		"tnc a; tnc b",
		"tnc a\ntnc b",
		"'sql1','sql2' | tnc -port 5022",
		"(tnc h -port 5022).TcpTestSucceeded",
		"select x",
		"$r = tnc h",
		"tnc $h -Port 5022",
	};
	struct tnc_options o;
	struct ps_error e = { 0 };
	size_t i;

	for (i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++) {
		ck_assert_int_eq(parse_and_bind(scripts[i], &o, &e), -2);
		ck_assert_ptr_null(e.error_id);
		ck_assert_str_eq(o.computer_name, TNC_DEFAULT_COMPUTER_NAME);
		tnc_options_free(&o);
	}
	/* a parse error is reported even in a pipeline */
	ck_assert_int_eq(parse_and_bind("tnc h | fl '", &o, &e), -1);
	tnc_options_free(&o);
	/* the generic binder works on any command of a pipeline */
	{
		struct ps_command pc;
		struct ps_binding b;

		parse_command("'a' | tnc -foo", &pc);
		ck_assert_int_eq(ps_bind(&tnc_command_meta, &pc, &b, &e), -1);
		ck_assert_str_eq(e.error_id, "NamedParameterNotFound");
		ck_assert_uint_eq(e.offset, 10);
		ps_binding_free(&b);
		ps_command_free(&pc);
	}
	ps_error_free(&e);
}
END_TEST

/*
 * Test-NetConnection no longer has a reachable mandatory-parameter error
 * (its Constrain* parameters are in every set, issue 5), so the binder's
 * rule is checked on a command of the same shape: -Flag is in set "A",
 * where -Name is mandatory.
 */
START_TEST(test_missing_mandatory)
{
	static const char *const set_names[] = { "A", "B" };
	static const struct ps_param_meta params[] = {
		{ .name = "Name", .type = PS_TYPE_STRING, .position = PS_NAMED,
		  .sets = 1u, .mandatory_sets = 1u },
		{ .name = "Flag", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
		  .sets = 1u },
		{ .name = "Other", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
		  .sets = 2u },
	};
	static const struct ps_command_meta meta = {
		.name = "Test-NetConnection", .is_function = true,
		.common_parameters = true, .set_names = set_names, .nsets = 2,
		.default_set = -1, .params = params, .nparams = 3,
	};
	const char *script = "tnc -Flag";
	struct ps_command pc;
	struct ps_binding b;
	struct ps_error e = { 0 };
	char *got, *want;

	parse_command(script, &pc);
	ck_assert_int_eq(ps_bind(&meta, &pc, &b, &e), -1);
	ck_assert_str_eq(e.error_id, "MissingMandatoryParameter");
	got = render(&e, script, TNC_NEWLINE_LF);
	want = fixture_read("", "fixtures/errors/missing_mandatory.txt");
	assert_same_as_fixture(got, want, "missing_mandatory.txt");
	free(got);
	free(want);
	ps_binding_free(&b);
	ps_command_free(&pc);
	ps_error_free(&e);
}
END_TEST

/* Our extension: the constraints bind in the default mode too. */
START_TEST(test_constraints_in_every_set)
{
	struct tnc_options o;
	struct ps_error e = { 0 };

	ck_assert_int_eq(parse_and_bind("tnc host -Port 80 "
	    "-ConstrainSourceAddress 127.0.0.2 -ConstrainInterface 1", &o, &e), 0);
	ck_assert_int_eq(o.set, TNC_SET_REMOTE_PORT);
	ck_assert_str_eq(o.constrain_source_address, "127.0.0.2");
	ck_assert_uint_eq(o.constrain_interface, 1);
	tnc_options_free(&o);
	ck_assert_int_eq(parse_and_bind("tnc host -ConstrainInterface 3",
	    &o, &e), 0);
	ck_assert_int_eq(o.set, TNC_SET_ICMP);
	tnc_options_free(&o);
	ck_assert_int_eq(parse_and_bind("tnc host -DiagnoseRouting "
	    "-ConstrainInterface 3", &o, &e), 0);
	ck_assert_int_eq(o.set, TNC_SET_NET_ROUTE_DIAGNOSTICS);
	tnc_options_free(&o);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_more_errors)
{
	static const struct {
		const char *script, *id, *message;
	} c[] = {
		{ "tnc -Port 80,81", "ParameterArgumentTransformationError",
		  "Cannot process argument transformation on parameter 'Port'. "
		  "Cannot convert the \"System.Object[]\" value of type "
		  "\"System.Object[]\" to type \"System.Int32\"." },
		{ "tnc -Port 99999999999", "ParameterArgumentTransformationError",
		  "Cannot process argument transformation on parameter 'Port'. "
		  "Cannot convert value \"99999999999\" to type \"System.Int32\". "
		  "Error: \"Value was either too large or too small for an "
		  "Int32.\"" },
		{ "tnc -DiagnoseRouting -ConstrainInterface -1",
		  "ParameterArgumentTransformationError",
		  "Cannot process argument transformation on parameter "
		  "'ConstrainInterface'. Cannot convert value \"-1\" to type "
		  "\"System.UInt32\". Error: \"Value was either too large or too "
		  "small for a UInt32.\"" },
		{ "tnc -TraceRoute:'yes'", "ParameterArgumentTransformationError",
		  "Cannot process argument transformation on parameter "
		  "'TraceRoute'. Cannot convert value \"System.String\" to type "
		  "\"System.Management.Automation.SwitchParameter\". Boolean "
		  "parameters accept only Boolean values and numbers, such as "
		  "$True, $False, 1 or 0." },
		{ "tnc -TimeoutSeconds abc", "ParameterArgumentTransformationError",
		  "Cannot process argument transformation on parameter "
		  "'TimeoutSeconds'. Cannot convert value \"abc\" to type "
		  "\"System.Double\". Error: \"Input string was not in a correct "
		  "format.\"" },
		{ "tnc -TimeoutSeconds NaN", "ParameterArgumentValidationError",
		  "Cannot validate argument on parameter 'TimeoutSeconds'. The "
		  "NaN argument is not a finite number. Supply a finite argument "
		  "and then try the command again." },
		{ "tnc -NewLine CR", "ParameterArgumentValidationError",
		  "Cannot validate argument on parameter 'NewLine'. The argument "
		  "\"CR\" does not belong to the set \"LF,CRLF\" specified by the "
		  "ValidateSet attribute. Supply an argument that is in the set "
		  "and then try the command again." },
		{ "tnc -e x", "AmbiguousParameter",
		  "Parameter cannot be processed because the parameter name 'e' "
		  "is ambiguous. Possible matches include: -ErrorAction "
		  "-ErrorVariable." },
		{ "tnc h -TraceRoute $false", "PositionalParameterNotFound",
		  "A positional parameter cannot be found that accepts argument "
		  "'False'." },
		{ "tnc h -TraceRoute http", "PositionalParameterNotFound",
		  "A positional parameter cannot be found that accepts argument "
		  "'http'." },
		{ "tnc -Port -TraceRoute", "MissingArgument",
		  "Missing an argument for parameter 'Port'. Specify a parameter "
		  "of type 'System.Int32' and try again." },
		{ "tnc -Port abc -foo", "NamedParameterNotFound",
		  "A parameter cannot be found that matches parameter name "
		  "'foo'." },
		{ "tnc -port 1 -RemotePort 2", "ParameterAlreadyBound",
		  "Cannot bind parameter because parameter 'RemotePort' is "
		  "specified more than once. To provide multiple values to "
		  "parameters that can accept multiple values, use the array "
		  "syntax. For example, \"-parameter value1,value2,value3\"." },
		/*
		 * issue 10.2: a prefix of ours is what it is in Windows
		 * PowerShell: not found, or ambiguous among the common
		 * parameters; never ours
		 */
		{ "tnc h -ti 1", "NamedParameterNotFound", "A parameter cannot "
		  "be found that matches parameter name 'ti'." },
		{ "tnc h -TimeoutSecond 1", "NamedParameterNotFound", "A "
		  "parameter cannot be found that matches parameter name "
		  "'TimeoutSecond'." },
		{ "tnc h -n lf", "NamedParameterNotFound", "A parameter cannot "
		  "be found that matches parameter name 'n'." },
		{ "tnc h -New CRLF", "NamedParameterNotFound", "A parameter "
		  "cannot be found that matches parameter name 'New'." },
		{ "tnc h -Output PowerShell7", "NamedParameterNotFound", "A "
		  "parameter cannot be found that matches parameter name "
		  "'Output'." },
		{ "tnc h -Out PowerShell7", "AmbiguousParameter", "Parameter "
		  "cannot be processed because the parameter name 'Out' is "
		  "ambiguous. Possible matches include: -OutVariable "
		  "-OutBuffer." },
		{ "tnc -Port ''", "ParameterArgumentValidationError",
		  "Cannot validate argument on parameter 'Port'. The 0 argument "
		  "is less than the minimum allowed range of 1. Supply an argument "
		  "that is greater than or equal to 1 and then try the command "
		  "again." },
	};
	struct tnc_options o;
	struct ps_error e = { 0 };
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(parse_and_bind(c[i].script, &o, &e) == -1,
		    "%s", c[i].script);
		tnc_options_free(&o);
		ck_assert_str_eq(e.error_id, c[i].id);
		ck_assert_str_eq(e.message, c[i].message);
		ck_assert_str_eq(e.command, "Test-NetConnection");
	}
	ps_error_free(&e);
}
END_TEST

static Suite *
binder_suite(void)
{
	Suite *s = suite_create("binder");
	TCase *tc_ok = tcase_create("valid");
	TCase *tc_bad = tcase_create("invalid");

	tcase_add_test(tc_ok, test_defaults);
	tcase_add_loop_test(tc_ok, test_ok_case, 0, NOK);
	tcase_add_test(tc_ok, test_prefixes);
	tcase_add_test(tc_ok, test_action_preference);
	tcase_add_test(tc_ok, test_extensions);
	tcase_add_test(tc_ok, test_extensions_never_change_real_bindings);
	tcase_add_test(tc_ok, test_not_plain);
	tcase_add_loop_test(tc_bad, test_error_case, 0, NERROR);
	tcase_add_test(tc_bad, test_error_crlf);
	tcase_add_test(tc_bad, t_reg_long_user_text_in_errors);
	tcase_add_loop_test(tc_bad, test_position_cut, 0,
	    sizeof(cut_cases) / sizeof(cut_cases[0]));
	tcase_add_test(tc_bad, test_position_seed_typo);
	tcase_add_test(tc_bad, test_action_preference_number_out_of_range);
	tcase_add_test(tc_bad, test_more_errors);
	tcase_add_test(tc_bad, test_missing_mandatory);
	tcase_add_test(tc_ok, test_constraints_in_every_set);
	suite_add_tcase(s, tc_ok);
	suite_add_tcase(s, tc_bad);
	return s;
}

int
main(void)
{
	return check_run(binder_suite());
}
