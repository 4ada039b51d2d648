/*
 * tests/check_lexer.c: the tokenizer and parser of tnc's PowerShell
 * subset: tokens, extents, numbers, strings, and every rejection.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/lexer.h"
#include "parsers/parser.h"
#include "tests/check_support.h"

START_TEST(test_tokens_and_offsets)
{
	const char *s = "tnc 10.0.0.4 -port:5022 -Port: 'a''b' | fl; x";
	static const struct {
		enum ps_tok kind;
		size_t	off, len;
		const char *text;
	} want[] = {
		{ PS_TOK_WORD, 0, 3, "tnc" },
		{ PS_TOK_WORD, 4, 8, "10.0.0.4" },
		{ PS_TOK_PARAM, 13, 6, "port" },
		{ PS_TOK_NUMBER, 19, 4, "5022" },
		{ PS_TOK_PARAM, 24, 6, "Port" },
		{ PS_TOK_STRING, 31, 6, "a'b" },
		{ PS_TOK_PIPE, 38, 1, NULL },
		{ PS_TOK_WORD, 40, 2, "fl" },
		{ PS_TOK_SEMI, 42, 1, NULL },
		{ PS_TOK_WORD, 44, 1, "x" },
		{ PS_TOK_END, 45, 0, NULL },
	};
	struct ps_token_list l;
	struct ps_error e = { 0 };
	size_t i;

	ck_assert_int_eq(ps_lex(s, &l, &e), 0);
	ck_assert_uint_eq(l.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < l.n; i++) {
		ck_assert_int_eq(l.v[i].kind, want[i].kind);
		ck_assert_uint_eq(l.v[i].offset, want[i].off);
		ck_assert_uint_eq(l.v[i].length, want[i].len);
		if (want[i].text != NULL)
			ck_assert_str_eq(l.v[i].text, want[i].text);
	}
	ck_assert(l.v[2].colon);
	ck_assert(l.v[4].colon);
	ps_token_list_free(&l);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_words)
{
	static const char *const words[] = { "sqlmi.example.net",
		"Format-List", "Remote*", "*", "10.0.0.4", "::1", "fe80::1%12",
		"80x", "a=b", "C:\\x", "user@host", "--help", "-", "a#b",
		"1.2.3", "[x]",
		/* issue 10.3: '<' and '>' inside a word are the word's own */
		"host<x>", "a>b", "5022<x", "db.<region>.net" };
	struct ps_token_list l;
	struct ps_error e = { 0 };
	char s[64];
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		snprintf(s, sizeof(s), "tnc %s", words[i]);
		ck_assert_msg(ps_lex(s, &l, &e) == 0, "%s: %s", s, e.message);
		ck_assert_int_eq(l.v[1].kind, PS_TOK_WORD);
		ck_assert_str_eq(l.v[1].text, words[i]);
		ck_assert_int_eq(l.v[2].kind, PS_TOK_END);
		ps_token_list_free(&l);
	}
	ps_error_free(&e);
}
END_TEST

/* <# ... #> where a token starts is a comment; inside a word it is text */
START_TEST(test_block_comment)
{
	struct ps_token_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ps_lex("tnc a <# the MI\n#> -port 1", &l, &e), 0);
	ck_assert_uint_eq(l.n, 5);
	ck_assert_str_eq(l.v[1].text, "a");
	ck_assert_int_eq(l.v[2].kind, PS_TOK_PARAM);
	ck_assert_uint_eq(l.v[2].offset, 19);
	ps_token_list_free(&l);
	ck_assert_int_eq(ps_lex("tnc a<#b#>", &l, &e), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.v[1].text, "a<#b#>");
	ps_token_list_free(&l);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_numbers)
{
	static const struct {
		const char *text;
		enum ps_num_type type;
		long long ival;
		double	dval;
	} c[] = {
		{ "5022", PS_NUM_INT32, 5022, 5022 },
		{ "-5", PS_NUM_INT32, -5, -5 },
		{ "0x1F", PS_NUM_INT32, 31, 31 },
		{ "0xFFFFFFFF", PS_NUM_INT32, -1, -1 },
		{ "0x100000000", PS_NUM_INT64, 4294967296LL, 4294967296.0 },
		{ "1kb", PS_NUM_INT32, 1024, 1024 },
		{ "2GB", PS_NUM_INT64, 2147483648LL, 2147483648.0 },
		{ "1pb", PS_NUM_INT64, 1125899906842624LL, 1125899906842624.0 },
		{ "1.5", PS_NUM_DOUBLE, 0, 1.5 },
		{ "1.5kb", PS_NUM_DOUBLE, 0, 1536 },
		{ "1e3", PS_NUM_DOUBLE, 0, 1000 },
		{ "2.5e-1", PS_NUM_DOUBLE, 0, 0.25 },
		{ ".5", PS_NUM_DOUBLE, 0, 0.5 },
		{ "-.5", PS_NUM_DOUBLE, 0, -0.5 },
		{ "10l", PS_NUM_INT64, 10, 10 },
		{ "2.5d", PS_NUM_DECIMAL, 0, 2.5 },
		{ "3000000000", PS_NUM_INT64, 3000000000LL, 3000000000.0 },
		{ "\xe2\x80\x93" "7", PS_NUM_INT32, -7, -7 },	/* en dash */
	};
	struct ps_token_list l;
	struct ps_error e = { 0 };
	char s[64];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(s, sizeof(s), "tnc %s", c[i].text);
		ck_assert_msg(ps_lex(s, &l, &e) == 0, "%s", s);
		ck_assert_msg(l.v[1].kind == PS_TOK_NUMBER, "%s", s);
		ck_assert_str_eq(l.v[1].text, c[i].text);
		ck_assert_msg(l.v[1].num.type == c[i].type, "%s type", s);
		if (c[i].type == PS_NUM_INT32 || c[i].type == PS_NUM_INT64)
			ck_assert_msg(l.v[1].num.ival == c[i].ival, "%s: %lld",
			    s, l.v[1].num.ival);
		ck_assert_msg(l.v[1].num.dval == c[i].dval, "%s: %g", s,
		    l.v[1].num.dval);
		ps_token_list_free(&l);
	}
	ps_error_free(&e);
}
END_TEST

/*
 * Issue 9.5: integer literals went through double (9007199254740993 read
 * as ...992) and 2^63 reached an undefined cast (9223372036854775807 read
 * as -9223372036854775808). PowerShell's literal typing: Int32, Int64,
 * Decimal, Double; and the text .NET's ToString() gives the value.
 */
START_TEST(t_reg_integer_literals)
{
	static const struct {
		const char *text;
		enum ps_num_type type;
		const char *value;
	} c[] = {
		{ "9223372036854775807", PS_NUM_INT64, "9223372036854775807" },
		{ "-9223372036854775808", PS_NUM_INT64, "-9223372036854775808" },
		{ "9007199254740993", PS_NUM_INT64, "9007199254740993" },
		{ "2147483647", PS_NUM_INT32, "2147483647" },
		{ "-2147483648", PS_NUM_INT32, "-2147483648" },
		{ "2147483648", PS_NUM_INT64, "2147483648" },
		{ "9223372036854775808", PS_NUM_DECIMAL, "9223372036854775808" },
		{ "-9223372036854775809", PS_NUM_DECIMAL, "-9223372036854775809" },
		{ "00012", PS_NUM_INT32, "12" },
		{ "79228162514264337593543950335", PS_NUM_DECIMAL,
		  "79228162514264337593543950335" },
		{ "79228162514264337593543950336", PS_NUM_DOUBLE,
		  "7.92281625142643E+28" },
		{ "0x7fffffffffffffff", PS_NUM_INT64, "9223372036854775807" },
		{ "0x8000000000000000", PS_NUM_INT64, "-9223372036854775808" },
		{ "-0x8000000000000000", PS_NUM_DOUBLE, "9.22337203685478E+18" },
		{ "0x80000000", PS_NUM_INT32, "-2147483648" },
		{ "8388607tb", PS_NUM_INT64, "9223370937343148032" },
		{ "8388608tb", PS_NUM_DECIMAL, "9223372036854775808" },
		{ "2gb", PS_NUM_INT64, "2147483648" },
		{ "1kb", PS_NUM_INT32, "1024" },
		{ "9223372036854775807l", PS_NUM_INT64, "9223372036854775807" },
		{ "1e3", PS_NUM_DOUBLE, "1000" },
		{ "1.5", PS_NUM_DOUBLE, "1.5" },
		{ "1e20", PS_NUM_DOUBLE, "1E+20" },
		{ "0.00001", PS_NUM_DOUBLE, "1E-05" },
		{ "1.50d", PS_NUM_DECIMAL, "1.50" },
		{ "1.5e3d", PS_NUM_DECIMAL, "1500" },
		{ "2.5dkb", PS_NUM_DECIMAL, "2560.0" },
		{ "-0.5d", PS_NUM_DECIMAL, "-0.5" },
	};
	static const char *const not_numbers[] = { "9223372036854775808l",
		"0x10000000000000000", "1e400", "79228162514264337593543950336d",
		"1.5l" };
	struct ps_number n;
	char buf[PS_LITERAL_TEXT_MAX];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(ps_number_parse(c[i].text, &n) == 0, "%s",
		    c[i].text);
		ck_assert_msg(n.type == c[i].type, "%s: type %d", c[i].text,
		    n.type);
		ck_assert_int_eq(ps_literal_text(c[i].text, buf, sizeof(buf)),
		    0);
		ck_assert_str_eq(buf, c[i].value);
		if (n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64) {
			snprintf(buf, sizeof(buf), "%lld", n.ival);
			ck_assert_str_eq(buf, c[i].value);
		}
	}
	for (i = 0; i < sizeof(not_numbers) / sizeof(not_numbers[0]); i++)
		ck_assert_msg(ps_number_parse(not_numbers[i], &n) == -1, "%s",
		    not_numbers[i]);
}
END_TEST

/*
 * Decimal literals past 28 places round once, half to even (fuzz_script
 * found "052e-53d" writing past its buffer when all digits rounded away)
 */
START_TEST(test_decimal_rounding)
{
	static const struct { const char *text, *value; } c[] = {
		{ "052e-53d", "0" },
		{ "1e-99999d", "0" },
		{ "5e-29d", "0" },
		{ "1.5e-28d", "0.0000000000000000000000000002" },
		{ "2.5e-28d", "0.0000000000000000000000000002" },
		{ "1.4999e-28d", "0.0000000000000000000000000001" },
		{ "0.000d", "0.000" },
		{ "79228162514264337593543950335.4d",
		  "79228162514264337593543950335" },
	};
	char buf[PS_LITERAL_TEXT_MAX];

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(ps_literal_text(c[i].text, buf, sizeof(buf)) == 0,
		    "%s", c[i].text);
		ck_assert_str_eq(buf, c[i].value);
	}
}
END_TEST

/*
 * Found by fuzz_main: a member chain whose second name is not glued to
 * its dot ("(2).4. \xc8\x83") named the dot, the blank and half of the
 * next character; only a name right after the dot is part of it
 */
START_TEST(test_member_chain_extent)
{
	struct ps_script s;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ps_parse("(2).4. \xc8\x83", &s, &e), -1);
	ck_assert_str_eq(e.error_id, "MemberChainNotSupported");
	ck_assert_uint_eq(e.offset, 5);
	ck_assert_uint_eq(e.length, 1);
	ck_assert_str_eq(e.message, "Only one member access is supported by "
	    "tnc: '.'.");
	ck_assert_int_eq(ps_parse("(2).a.bc", &s, &e), -1);
	ck_assert_uint_eq(e.length, 3);
	ck_assert_str_eq(e.message, "Only one member access is supported by "
	    "tnc: '.bc'.");
	ps_error_free(&e);
}
END_TEST

START_TEST(test_number_parse)
{
	struct ps_number n;

	ck_assert_int_eq(ps_number_parse(" 80 ", &n), 0);
	ck_assert_int_eq(n.ival, 80);
	ck_assert_int_eq(ps_number_parse("+0x10", &n), 0);
	ck_assert_int_eq(n.ival, 16);
	ck_assert_int_eq(ps_number_parse("-1e2", &n), 0);
	ck_assert(n.dval == -100);
	ck_assert_int_eq(ps_number_parse("abc", &n), -1);
	ck_assert_int_eq(ps_number_parse("5x", &n), -1);
	ck_assert_int_eq(ps_number_parse("", &n), -1);
	ck_assert_int_eq(ps_number_parse("1 2", &n), -1);
}
END_TEST

START_TEST(test_parameters_and_constants)
{
	struct ps_token_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ps_lex("tnc -TraceRoute:$FALSE -x:$true $Null "
	    "\xe2\x80\x94Port 1 -?", &l, &e), 0);
	ck_assert_int_eq(l.v[1].kind, PS_TOK_PARAM);
	ck_assert_str_eq(l.v[1].text, "TraceRoute");
	ck_assert(l.v[1].colon);
	ck_assert_int_eq(l.v[2].kind, PS_TOK_FALSE);
	ck_assert_uint_eq(l.v[2].offset, 16);
	ck_assert_uint_eq(l.v[2].length, 6);
	ck_assert_int_eq(l.v[3].kind, PS_TOK_PARAM);
	ck_assert_int_eq(l.v[4].kind, PS_TOK_TRUE);
	ck_assert_int_eq(l.v[5].kind, PS_TOK_NULL);
	ck_assert_int_eq(l.v[6].kind, PS_TOK_PARAM);	/* em dash */
	ck_assert_str_eq(l.v[6].text, "Port");
	ck_assert_uint_eq(l.v[6].length, 7);
	ck_assert_int_eq(l.v[8].kind, PS_TOK_PARAM);
	ck_assert_str_eq(l.v[8].text, "?");
	ps_token_list_free(&l);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_strings)
{
	struct ps_token_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ps_lex("tnc \"a \"\"b\"\" c\" '' \"\" "
	    "\xe2\x80\x98q\xe2\x80\x99 # comment $x `\n'x'", &l, &e), 0);
	ck_assert_int_eq(l.v[1].kind, PS_TOK_STRING);
	ck_assert_str_eq(l.v[1].text, "a \"b\" c");
	ck_assert_str_eq(l.v[2].text, "");
	ck_assert_str_eq(l.v[3].text, "");
	ck_assert_str_eq(l.v[4].text, "q");		/* typographic quotes */
	ck_assert_int_eq(l.v[5].kind, PS_TOK_NEWLINE);
	ck_assert_str_eq(l.v[6].text, "x");
	ps_token_list_free(&l);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_member_access)
{
	struct ps_token_list l;
	struct ps_error e = { 0 };

	ck_assert_int_eq(ps_lex("(tnc h -port 5022).TcpTestSucceeded", &l,
	    &e), 0);
	ck_assert_int_eq(l.v[5].kind, PS_TOK_RPAREN);
	ck_assert_int_eq(l.v[6].kind, PS_TOK_DOT);
	ck_assert_int_eq(l.v[7].kind, PS_TOK_WORD);
	ck_assert_str_eq(l.v[7].text, "TcpTestSucceeded");
	ps_token_list_free(&l);
	ps_error_free(&e);
}
END_TEST

struct reject {
	const char *script;
	const char *id;
	const char *message;
	size_t	offset, length;
};

static const struct reject rejects[] = {
	{ "tnc 'abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: '.", 4, 4 },
	{ "tnc \"abc", "TerminatorExpectedAtEndOfString",
	  "The string is missing the terminator: \".", 4, 4 },
	{ "tnc $env:X", "VariableNotSupported", "Variable references are not "
	  "supported by tnc: '$env:X'. tnc never evaluates variables.", 4, 6 },
	{ "tnc $x", "VariableNotSupported", "Variable references are not "
	  "supported by tnc: '$x'. tnc never evaluates variables.", 4, 2 },
	{ "tnc \"h$x\"", "VariableNotSupported", "Variable references are not "
	  "supported by tnc: '$x'. tnc never evaluates variables.", 6, 2 },
	{ "tnc a$b", "VariableNotSupported", "Variable references are not "
	  "supported by tnc: '$b'. tnc never evaluates variables.", 5, 2 },
	{ "tnc ${x y}", "VariableNotSupported", "Variable references are not "
	  "supported by tnc: '${x y}'. tnc never evaluates variables.", 4, 6 },
	{ "tnc $(hostname)", "SubexpressionNotSupported", "Subexpressions are "
	  "not supported by tnc: '$('. tnc never evaluates expressions.",
	  4, 2 },
	{ "tnc \"a`tb\"", "EscapeNotSupported", "The escape character is not "
	  "supported by tnc: '`t'. Write the character itself, inside quotes "
	  "if needed.", 6, 2 },
	{ "tnc a `\n-port 1", "EscapeNotSupported", "The escape character is "
	  "not supported by tnc: '`'. Write the character itself, inside "
	  "quotes if needed.", 6, 1 },
	{ "& tnc", "CallOperatorNotSupported", "The '&' operator is not "
	  "supported by tnc. tnc never runs other commands.", 0, 1 },
	{ "tnc a && tnc b", "CallOperatorNotSupported", "The '&&' operator is "
	  "not supported by tnc. tnc never runs other commands.", 6, 2 },
	{ "tnc a > out.txt", "RedirectionNotSupported", "Redirection is not "
	  "supported by tnc: '>'. Redirect tnc's output in the calling shell "
	  "instead.", 6, 1 },
	{ "tnc a 2>> err", "RedirectionNotSupported", "Redirection is not "
	  "supported by tnc: '>>'. Redirect tnc's output in the calling "
	  "shell instead.", 7, 2 },
	/*
	 * issue 10.3: '<' where a token starts is 5.1's reserved operator,
	 * underlined alone; with no file name after it, 5.1's first error is
	 * the missing file name, right after the '<'
	 */
	{ "tnc a < in", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 6, 1 },
	{ "tnc <SQL_SERVER_IP_ADDRESS> -port 5022", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 4, 1 },
	{ "tnc 'a'<b", "RedirectionNotSupported",
	  "The '<' operator is reserved for future use.", 7, 1 },
	{ "tnc a <", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a < | fl", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a <  -- ", "MissingFileSpecification",
	  "Missing file specification after redirection operator.", 7, 0 },
	{ "tnc a <# note", "MissingTerminatorMultiLineComment",
	  "The terminator '#>' is missing from the multiline comment.", 6, 0 },
	{ "tnc a 2>err", "RedirectionNotSupported", "Redirection is not "
	  "supported by tnc: '>'. Redirect tnc's output in the calling shell "
	  "instead.", 7, 1 },
	{ "tnc a *> err", "RedirectionNotSupported", "Redirection is not "
	  "supported by tnc: '>'. Redirect tnc's output in the calling shell "
	  "instead.", 7, 1 },
	{ "tnc a | % { $_ }", "ScriptBlockNotSupported", "Script blocks are "
	  "not supported by tnc: '{'. tnc never evaluates script blocks.",
	  10, 1 },
	{ "tnc @('a')", "ArrayOrSplatNotSupported", "The '@' operator is not "
	  "supported by tnc: '@('. Write lists with commas, e.g. "
	  "'sql1','sql2'.", 4, 2 },
	{ "tnc @args", "ArrayOrSplatNotSupported", "The '@' operator is not "
	  "supported by tnc: '@args'. Write lists with commas, e.g. "
	  "'sql1','sql2'.", 4, 5 },
	{ "[int]'5' | tnc", "TypeLiteralNotSupported", "Type literals are not "
	  "supported by tnc: '[int]'. tnc never evaluates expressions.", 0, 5 },
	{ ". ./x.ps1", "DotSourceNotSupported", "Dot-sourcing is not supported "
	  "by tnc: '.'. tnc never runs scripts.", 0, 1 },
	{ "tnc a'b'", "QuoteInWordNotSupported", "A quote inside a bare word is "
	  "not supported by tnc: 'a'b''. Quote the whole argument instead.",
	  4, 4 },
	{ "tnc 'a'b", "QuoteInWordNotSupported", "A quote inside a bare word is "
	  "not supported by tnc: ''a'b'. Quote the whole argument instead.",
	  4, 4 },
	/* the parser's */
	{ "tnc host |", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 9, 1 },
	{ "| fl", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 0, 1 },
	{ "tnc a | | fl", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 6, 1 },
	{ "tnc a |; fl", "EmptyPipeElement",
	  "An empty pipe element is not allowed.", 6, 1 },
	{ "(tnc host", "MissingEndParenthesisInExpression",
	  "Missing closing ')' in expression.", 9, 0 },
	{ "()", "ExpectedExpression",
	  "An expression was expected after '('.", 1, 0 },
	{ "tnc a)", "UnexpectedToken",
	  "Unexpected token ')' in expression or statement.", 5, 1 },
	{ "'a' b", "UnexpectedToken",
	  "Unexpected token 'b' in expression or statement.", 4, 1 },
	{ "-port 5", "UnexpectedToken",
	  "Unexpected token '-port' in expression or statement.", 0, 5 },
	{ "(tnc a) b", "UnexpectedToken",
	  "Unexpected token 'b' in expression or statement.", 8, 1 },
	{ "tnc a,", "MissingArgument",
	  "Missing argument in parameter list.", 6, 0 },
	{ "tnc -p:1,", "MissingArgument",
	  "Missing argument in parameter list.", 9, 0 },
	{ "'a', | tnc", "MissingExpressionAfterToken",
	  "Missing expression after ','.", 4, 0 },
	{ "(tnc a).", "MissingPropertyName",
	  "Missing property name after reference operator.", 8, 0 },
	{ "(tnc a).A.B", "MemberChainNotSupported",
	  "Only one member access is supported by tnc: '.B'.", 9, 2 },
	{ "tnc a | 'b'", "ExpressionsMustBeFirstElementOfPipeline",
	  "Expressions are only allowed as the first element of a pipeline.",
	  8, 3 },
	{ "tnc (hostname)", "ParenthesizedArgumentNotSupported",
	  "Parenthesized arguments are not supported by tnc: '('. tnc never "
	  "evaluates expressions.", 4, 1 },
	{ "tnc -Port:(1)", "ParenthesizedArgumentNotSupported",
	  "Parenthesized arguments are not supported by tnc: '('. tnc never "
	  "evaluates expressions.", 10, 1 },
	{ "tnc ,a", "UnaryCommaNotSupported",
	  "A list must start with a value, not ','. Write lists as a,b.", 4, 1 },
	{ "((((((((((((((((((tnc))))))))))))))))))", "NestingTooDeep",
	  "Parentheses are nested too deeply for tnc.", 16, 1 },
};
#define NREJECTS (sizeof(rejects) / sizeof(rejects[0]))

START_TEST(test_reject)
{
	const struct reject *r = &rejects[_i];
	struct ps_script s;
	struct ps_error e = { 0 };

	ck_assert_msg(ps_parse(r->script, &s, &e) == -1, "%s", r->script);
	ck_assert_uint_eq(s.n, 0);
	ck_assert_str_eq(e.error_id, r->id);
	ck_assert_str_eq(e.message, r->message);
	ck_assert(e.parse_error);
	ck_assert_ptr_null(e.command);
	ck_assert_str_eq(e.category, "ParserError");
	ck_assert_str_eq(e.exception, "ParentContainsErrorRecordException");
	ck_assert_msg(e.offset == r->offset && e.length == r->length,
	    "%s: extent %zu+%zu", r->script, e.offset, e.length);
	ps_error_free(&e);
}
END_TEST

START_TEST(test_parse_shapes)
{
	struct ps_script s;
	struct ps_error e = { 0 };
	const struct ps_pipeline *pl;

	ck_assert_int_eq(ps_parse("tnc h -port 5022 | select ComputerName, "
	    "RemoteAddress, TcpTestSucceeded | Format-List", &s, &e), 0);
	ck_assert_uint_eq(s.n, 1);
	pl = &s.v[0];
	ck_assert_int_eq(pl->head, PS_HEAD_COMMAND);
	ck_assert_uint_eq(pl->ncmds, 3);
	ck_assert_str_eq(pl->cmds[1].name, "select");
	ck_assert_uint_eq(pl->cmds[1].nelems, 1);
	ck_assert_int_eq(pl->cmds[1].elems[0].value.kind, PS_VAL_ARRAY);
	ck_assert_uint_eq(pl->cmds[1].elems[0].value.nitems, 3);
	ck_assert_str_eq(pl->cmds[1].elems[0].value.items[2].text,
	    "TcpTestSucceeded");
	ck_assert_uint_eq(pl->cmds[0].offset, 0);
	ck_assert_uint_eq(pl->cmds[0].length, 16);
	ps_script_free(&s);

	ck_assert_int_eq(ps_parse("'sql1','sql2' | tnc -port 5022; "
	    "(tnc h -p 1).TcpTestSucceeded\n\ntnc -p:1 |\n fl", &s, &e), 0);
	ck_assert_uint_eq(s.n, 3);
	ck_assert_int_eq(s.v[0].head, PS_HEAD_VALUES);
	ck_assert_uint_eq(s.v[0].values.nitems, 2);
	ck_assert(s.v[0].values.items[0].quoted);
	ck_assert_uint_eq(s.v[0].ncmds, 1);
	ck_assert_int_eq(s.v[1].head, PS_HEAD_PAREN);
	ck_assert_str_eq(s.v[1].member, "TcpTestSucceeded");
	ck_assert_uint_eq(s.v[1].inner->ncmds, 1);
	ck_assert_uint_eq(s.v[2].ncmds, 2);
	ck_assert(s.v[2].cmds[0].elems[0].colon);
	ck_assert(s.v[2].cmds[0].elems[0].has_value);
	ps_script_free(&s);

	/* -Name: value: the colon takes the next token, even a list */
	ck_assert_int_eq(ps_parse("tnc -p: 1,2 x", &s, &e), 0);
	ck_assert_uint_eq(s.v[0].cmds[0].nelems, 2);
	ck_assert_uint_eq(s.v[0].cmds[0].elems[0].value.nitems, 2);
	ps_script_free(&s);

	ck_assert_int_eq(ps_parse(" ; \n ", &s, &e), 0);
	ck_assert_uint_eq(s.n, 0);
	ps_script_free(&s);
	ps_error_free(&e);
}
END_TEST

static Suite *
lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc_ok = tcase_create("valid");
	TCase *tc_bad = tcase_create("invalid");

	tcase_add_test(tc_ok, test_tokens_and_offsets);
	tcase_add_test(tc_ok, test_words);
	tcase_add_test(tc_ok, test_numbers);
	tcase_add_test(tc_ok, t_reg_integer_literals);
	tcase_add_test(tc_ok, test_decimal_rounding);
	tcase_add_test(tc_ok, test_member_chain_extent);
	tcase_add_test(tc_ok, test_block_comment);
	tcase_add_test(tc_ok, test_number_parse);
	tcase_add_test(tc_ok, test_parameters_and_constants);
	tcase_add_test(tc_ok, test_strings);
	tcase_add_test(tc_ok, test_member_access);
	tcase_add_test(tc_ok, test_parse_shapes);
	tcase_add_loop_test(tc_bad, test_reject, 0, NREJECTS);
	suite_add_tcase(s, tc_ok);
	suite_add_tcase(s, tc_bad);
	return s;
}

int
main(void)
{
	return check_run(lexer_suite());
}
