/*
 * tests/check_ops.c: PowerShell 5.1's operators, conversions, members,
 * methods and -f (objects/ps_ops.h), case by case.  The cases come from
 * the 5.1 documentation (about_Comparison_Operators, about_Arithmetic_
 * Operators, about_Split, about_Join, .NET's format string pages) and from
 * the 5.1 sources of LanguagePrimitives, the binder and ParserOps, each
 * with the value it must give: its type and its text, or the error's id
 * and exact message.
 *
 * Values are written in a small notation close to PowerShell's:
 *   $null $true $false  5  5L  2.5  1.50D  0x10  5Y (Byte)  5U (UInt32)
 *   'text' ('' for a quote)  c'x' (a Char)  @(a, b)  @{k=v; k2=v2}
 *   [type]value (through ps_convert: [datetime]'2026-12-01', [ordered]@{})
 *   {script}
 * Results are described as type:text (int:5, string:abc, @(int:1),
 * [pscustomobject]@{a=int:1}), or as error:<FullyQualifiedErrorId>:<message>.
 * The local zone is fixed to US Eastern for the DateTime cases.
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "objects/ps_ops.h"
#include "objects/ps_ops_impl.h"
#include "tests/check_support.h"

/* ---- the notation ----------------------------------------------------- */

struct reader {
	const char *p;
	const char *text;	/* for messages */
};

static struct psobj_value read_value(struct reader *r);

static void
skip_ws(struct reader *r)
{
	while (isspace((unsigned char)*r->p))
		r->p++;
}

/* 'text' with '' for a quote; *r->p is the opening quote. */
static char *
read_quoted(struct reader *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(m);
	for (r->p++;; r->p++) {
		ck_assert_msg(*r->p != '\0', "unclosed quote in %s", r->text);
		if (*r->p == '\'' && r->p[1] == '\'')
			fputc(*r->p++, m);
		else if (*r->p == '\'')
			break;
		else
			fputc(*r->p, m);
	}
	r->p++;
	fclose(m);
	return buf;
}

static struct psobj_value
read_number(struct reader *r)
{
	const char *start = r->p;
	struct psobj_value v;
	char *tok;
	const char *type = NULL;

	while (*r->p != '\0' && !strchr(",;)} ", *r->p))
		r->p++;
	tok = strndup(start, (size_t)(r->p - start));
	if (tok[strlen(tok) - 1] == 'Y')
		type = "System.Byte";
	else if (tok[strlen(tok) - 1] == 'U')
		type = "System.UInt32";
	if (type != NULL) {
		tok[strlen(tok) - 1] = '\0';
		v = psobj_int(strtoll(tok, NULL, 0), type);
	} else {
		ck_assert_msg(ps_scan_number(tok, &v) == 1, "bad number %s in %s",
		    tok, r->text);
	}
	free(tok);
	return v;
}

static struct psobj_value
read_array(struct reader *r)
{
	struct psobj_value a;

	ck_assert_int_eq(psobj_array(&a, 0, NULL), 0);
	r->p += 2;
	skip_ws(r);
	while (*r->p != ')') {
		ck_assert_int_eq(ps_array_push(&a, read_value(r)), 0);
		skip_ws(r);
		if (*r->p == ',')
			r->p++;
		skip_ws(r);
		ck_assert_msg(*r->p != '\0', "unclosed @( in %s", r->text);
	}
	r->p++;
	return a;
}

static struct psobj_value
read_hashtable(struct reader *r)
{
	struct psobj_value h;
	const char *start;
	char *key;

	ck_assert_int_eq(psobj_hashtable(&h, false), 0);
	r->p += 2;
	skip_ws(r);
	while (*r->p != '}') {
		if (*r->p == '\'') {
			key = read_quoted(r);
		} else {
			for (start = r->p; *r->p != '=' && *r->p != ' '; r->p++)
				ck_assert(*r->p != '\0');
			key = strndup(start, (size_t)(r->p - start));
		}
		skip_ws(r);
		ck_assert_msg(*r->p == '=', "no = in %s", r->text);
		r->p++;
		skip_ws(r);
		ck_assert_int_eq(psobj_add(h.obj, key, read_value(r)), 0);
		free(key);
		skip_ws(r);
		if (*r->p == ';')
			r->p++;
		skip_ws(r);
	}
	r->p++;
	return h;
}

/* [type]value: the cast, which must succeed */
static struct psobj_value
read_cast(struct reader *r)
{
	const char *end = strchr(r->p, ']');
	struct psobj_value v, out;
	struct ps_op_error e = { 0 };
	char *type;

	ck_assert_ptr_nonnull(end);
	type = strndup(r->p + 1, (size_t)(end - r->p - 1));
	r->p = end + 1;
	v = read_value(r);
	ck_assert_msg(ps_convert(&v, type, &out, &e) == 0, "cast [%s] in %s: %s",
	    type, r->text, e.message);
	psobj_value_free(&v);
	free(type);
	return out;
}

static struct psobj_value
read_value(struct reader *r)
{
	struct psobj_value v = psobj_null();
	const char *start;
	char *s;

	skip_ws(r);
	if (strncmp(r->p, "$null", 5) == 0) {
		r->p += 5;
	} else if (strncmp(r->p, "$true", 5) == 0 ||
	    strncmp(r->p, "$false", 6) == 0) {
		v = psobj_bool(r->p[1] == 't');
		r->p += v.b ? 5 : 6;
	} else if (*r->p == '\'' || (r->p[0] == 'c' && r->p[1] == '\'')) {
		bool ch = *r->p == 'c';

		r->p += ch;
		s = read_quoted(r);
		ck_assert_int_eq(psobj_string(&v, s), 0);
		if (ch)
			v.type = PS_CHAR;
		free(s);
	} else if (strncmp(r->p, "@(", 2) == 0) {
		v = read_array(r);
	} else if (strncmp(r->p, "@{", 2) == 0) {
		v = read_hashtable(r);
	} else if (*r->p == '[') {
		v = read_cast(r);
	} else if (*r->p == '{') {
		for (start = ++r->p; *r->p != '}'; r->p++)
			ck_assert(*r->p != '\0');
		s = strndup(start, (size_t)(r->p++ - start));
		ck_assert_int_eq(psobj_scriptblock(&v, NULL, s), 0);
		free(s);
	} else {
		v = read_number(r);
	}
	return v;
}

static struct psobj_value
V(const char *text)
{
	struct reader r = { text, text };
	struct psobj_value v = read_value(&r);

	skip_ws(&r);
	ck_assert_msg(*r.p == '\0', "trailing text in %s: %s", text, r.p);
	return v;
}

/* ---- describing results ----------------------------------------------- */

static const struct {
	const char *type, *shortname;
} short_types[] = {
	{ "System.Int32", "int" }, { "System.Int64", "long" },
	{ "System.Double", "double" }, { "System.Decimal", "decimal" },
	{ "System.String", "string" }, { "System.Char", "char" },
	{ "System.Boolean", "bool" }, { "System.DateTime", "datetime" },
	{ "System.Byte", "byte" }, { "System.UInt32", "uint32" },
	{ "System.UInt64", "uint64" }, { "System.Int16", "int16" },
	{ "System.SByte", "sbyte" }, { "System.UInt16", "uint16" },
	{ "System.Single", "single" },
};

static const char *
short_type(const char *t)
{
	size_t i;

	for (i = 0; i < sizeof(short_types) / sizeof(short_types[0]); i++)
		if (strcmp(short_types[i].type, t) == 0)
			return short_types[i].shortname;
	return t;
}

static void describe_into(FILE *m, const struct psobj_value *v);

static void
describe_props(FILE *m, const struct psobj *o)
{
	size_t i;

	fputs("@{", m);
	for (i = 0; o != NULL && i < o->nprops; i++) {
		fprintf(m, "%s%s=", i > 0 ? "; " : "", o->props[i].name);
		describe_into(m, &o->props[i].value);
	}
	fputc('}', m);
}

static void
describe_into(FILE *m, const struct psobj_value *v)
{
	size_t i;
	char *s;

	switch (v->kind) {
	case PSOBJ_NULL:
		fputs("$null", m);
		return;
	case PSOBJ_ARRAY:
		if (strcmp(ps_type_name(v), "System.Object[]") != 0)
			fputs(ps_type_name(v) + 7, m);
		fputs("@(", m);
		for (i = 0; i < v->nitems; i++) {
			if (i > 0)
				fputs(", ", m);
			describe_into(m, &v->items[i]);
		}
		fputc(')', m);
		return;
	case PSOBJ_HASHTABLE:
		if (strcmp(v->type, "System.Collections.Hashtable") != 0)
			fputs("[ordered]", m);
		describe_props(m, v->obj);
		return;
	case PSOBJ_OBJECT:
		if (ps_is_custom_object(v)) {
			fputs("[pscustomobject]", m);
			describe_props(m, v->obj);
			return;
		}
		break;
	case PSOBJ_SCRIPTBLOCK:
		fprintf(m, "{%s}", v->s);
		return;
	default:
		break;
	}
	s = v->kind == PSOBJ_OBJECT ? strdup(v->to_string != NULL ?
	    v->to_string : "") : ps_to_string(v);
	ck_assert_ptr_nonnull(s);
	fprintf(m, "%s:%s", short_type(ps_type_name(v)), s);
	free(s);
}

/* The description of a result, or of the error; malloc'd. */
static char *
describe(int rc, const struct psobj_value *v, const struct ps_op_error *e)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(m);
	if (rc != 0) {
		ck_assert_msg(!e->nomem, "unexpected ENOMEM");
		ck_assert_ptr_nonnull(e->message);
		ck_assert_ptr_nonnull(e->error_id);
		ck_assert_ptr_nonnull(e->category);
		fprintf(m, "error:%s:%s", e->error_id, e->message);
	} else {
		describe_into(m, v);
	}
	fclose(m);
	return buf;
}

static void
expect(const char *what, int rc, struct psobj_value *out,
    struct ps_op_error *e, const char *want)
{
	char *got = describe(rc, out, e);

	ck_assert_msg(strcmp(got, want) == 0, "%s\n  want: %s\n  got:  %s",
	    what, want, got);
	if (rc != 0)
		ck_assert_int_eq(out->kind, PSOBJ_NULL);
	free(got);
	psobj_value_free(out);
	ps_op_error_free(e);
}

/* ---- binary operators ------------------------------------------------- */

#define D	PS_CASE_DEFAULT
#define I	PS_CASE_INSENSITIVE
#define C	PS_CASE_SENSITIVE

struct bin_case {
	const char *l;
	enum ps_op op;
	enum ps_op_case c;
	const char *r;
	const char *want;
};

#define CAST_ABC	"error:InvalidCastFromStringToInteger:Cannot convert " \
	"value \"abc\" to type \"System.Int32\". Error: \"Input string was " \
	"not in a correct format.\""
#define DIV_ZERO	"error:RuntimeException:Attempted to divide by zero."

/* about_Comparison_Operators (5.1), and the binder's conversion rules */
static const struct bin_case comparison_cases[] = {
	/* -eq and -ne, the documented examples */
	{ "2", PS_OP_EQ, D, "2", "bool:True" },
	{ "2", PS_OP_EQ, D, "3", "bool:False" },
	{ "'abc'", PS_OP_EQ, D, "'abc'", "bool:True" },
	{ "'abc'", PS_OP_EQ, D, "@('abc', 'def')", "bool:False" },
	{ "'abc'", PS_OP_NE, D, "'def'", "bool:True" },
	{ "'abc'", PS_OP_NE, D, "'abc'", "bool:False" },
	{ "'abc'", PS_OP_NE, D, "@('abc', 'def')", "bool:True" },
	{ "@(1, 2, 3)", PS_OP_EQ, D, "2", "@(int:2)" },
	{ "@('abc', 'def')", PS_OP_EQ, D, "'abc'", "@(string:abc)" },
	{ "@('abc', 'def')", PS_OP_NE, D, "'abc'", "@(string:def)" },
	{ "@('zzz', 'def', 'zzz')", PS_OP_EQ, D, "'zzz'",
	    "@(string:zzz, string:zzz)" },
	{ "@(1, 2)", PS_OP_EQ, D, "3", "@()" },
	{ "$null", PS_OP_NE, D, "@(1, 2, $null, 4, $null, 6)", "bool:True" },
	{ "@(1, 2, $null, 4, $null, 6)", PS_OP_NE, D, "$null",
	    "@(int:1, int:2, int:4, int:6)" },
	{ "@(1, $null)", PS_OP_EQ, D, "$null", "@($null)" },
	/* -gt -ge -lt -le */
	{ "8", PS_OP_GT, D, "6", "bool:True" },
	{ "8", PS_OP_GE, D, "8", "bool:True" },
	{ "6", PS_OP_LT, D, "8", "bool:True" },
	{ "8", PS_OP_LE, D, "8", "bool:True" },
	{ "8", PS_OP_LT, D, "8", "bool:False" },
	{ "@(5, 6, 7, 8, 9)", PS_OP_GT, D, "7", "@(int:8, int:9)" },
	{ "@(5, 6, 7, 8, 9)", PS_OP_GE, D, "7", "@(int:7, int:8, int:9)" },
	{ "@(5, 6, 7, 8, 9)", PS_OP_LT, D, "7", "@(int:5, int:6)" },
	{ "@(5, 6, 7, 8, 9)", PS_OP_LE, D, "7", "@(int:5, int:6, int:7)" },
	{ "[datetime]'2001-11-12'", PS_OP_LT, D, "[datetime]'2020-08-01'",
	    "bool:True" },
	{ "[datetime]'2001-11-12'", PS_OP_LT, D, "'2020-08-01'", "bool:True" },
	{ "[datetime]'2001-11-12'", PS_OP_EQ, D, "'11/12/2001'", "bool:True" },
	{ "[datetime]'2001-11-12'", PS_OP_EQ, D, "'junk'", "bool:False" },
	{ "[datetime]'2001-11-12'", PS_OP_GT, D, "'junk'",
	    "error:ComparisonFailure:Could not compare \"11/12/2001 00:00:00\" "
	    "to \"junk\". Error: \"Cannot convert value \"junk\" to type "
	    "\"System.DateTime\". Error: \"String was not recognized as a "
	    "valid DateTime.\"\"" },
	{ "'a'", PS_OP_LT, D, "'z'", "bool:True" },
	{ "'macOS'", PS_OP_LT, I, "'MacOS'", "bool:False" },
	{ "'MacOS'", PS_OP_LT, I, "'macOS'", "bool:False" },
	{ "'macOS'", PS_OP_LT, C, "'MacOS'", "bool:True" },
	{ "'MacOS'", PS_OP_GT, C, "'macOS'", "bool:True" },
	{ "@(' ', '`', '~', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', "
	    "'_', '+', '-', '=', '{', '}', '[', ']', ':', ';', '\"', '''', "
	    "'\\', '|', '/', '?', '.', '>', ',', '<')", PS_OP_GT, D, "'a'",
	    "@()" },
	{ "'a1'", PS_OP_LT, D, "'a2'", "bool:True" },
	{ "'a10'", PS_OP_LT, D, "'a9'", "bool:True" },
	{ "'1'", PS_OP_LT, D, "'a'", "bool:True" },
	{ "'abc'", PS_OP_LT, D, "'abcd'", "bool:True" },
	{ "'B'", PS_OP_GT, D, "'a'", "bool:True" },
	/* case */
	{ "'ABC'", PS_OP_EQ, D, "'abc'", "bool:True" },
	{ "'ABC'", PS_OP_EQ, I, "'abc'", "bool:True" },
	{ "'ABC'", PS_OP_EQ, C, "'abc'", "bool:False" },
	{ "'ABC'", PS_OP_NE, C, "'abc'", "bool:True" },
	{ "'\xc3\x89T\xc3\x89'", PS_OP_EQ, D, "'\xc3\xa9t\xc3\xa9'",
	    "bool:True" },
	{ "@('A', 'a', 'b')", PS_OP_EQ, C, "'a'", "@(string:a)" },
	{ "@('A', 'a', 'b')", PS_OP_EQ, D, "'a'", "@(string:A, string:a)" },
	/* the left operand decides the conversion */
	{ "1", PS_OP_EQ, D, "'1'", "bool:True" },
	{ "'1'", PS_OP_EQ, D, "1", "bool:True" },
	{ "1", PS_OP_EQ, D, "'01'", "bool:True" },
	{ "'01'", PS_OP_EQ, D, "1", "bool:False" },
	{ "1", PS_OP_EQ, D, "'1.0'", "bool:True" },
	{ "'1.0'", PS_OP_EQ, D, "1", "bool:False" },
	{ "1", PS_OP_EQ, D, "' 1 '", "bool:True" },
	{ "16", PS_OP_EQ, D, "'0x10'", "bool:True" },
	{ "1024", PS_OP_EQ, D, "'1kb'", "bool:True" },
	{ "0", PS_OP_EQ, D, "''", "bool:True" },
	{ "1", PS_OP_EQ, D, "'abc'", "bool:False" },
	{ "1", PS_OP_NE, D, "'abc'", "bool:True" },
	{ "1", PS_OP_GT, D, "'abc'", CAST_ABC },
	{ "10", PS_OP_GT, D, "'9'", "bool:True" },
	{ "'10'", PS_OP_GT, D, "'9'", "bool:False" },
	{ "'10'", PS_OP_GT, D, "9", "bool:False" },
	{ "10", PS_OP_GT, D, "9.5", "bool:True" },
	{ "1", PS_OP_EQ, D, "1.0", "bool:True" },
	{ "1.5", PS_OP_EQ, D, "'1.5'", "bool:True" },
	{ "5L", PS_OP_EQ, D, "5", "bool:True" },
	{ "1.50D", PS_OP_EQ, D, "1.5", "bool:True" },
	{ "0D", PS_OP_EQ, D, "1e-300", "bool:True" },
	{ "0.1D", PS_OP_LT, D, "0.2", "bool:True" },
	{ "1", PS_OP_EQ, D, "@(1)", "bool:False" },
	{ "1", PS_OP_GT, D, "@(1)", "error:ComparisonFailure:Could not compare "
	    "\"1\" to \"1\". Error: \"Cannot convert the \"System.Object[]\" "
	    "value of type \"System.Object[]\" to type \"System.Int32\".\"" },
	{ "5U", PS_OP_GT, D, "-1", "bool:True" },
	{ "97", PS_OP_EQ, D, "c'a'", "bool:True" },
	{ "c'a'", PS_OP_EQ, D, "'A'", "bool:True" },
	{ "c'a'", PS_OP_EQ, C, "'A'", "bool:False" },
	/* Booleans on the left convert the right to Boolean */
	{ "$true", PS_OP_EQ, D, "'false'", "bool:True" },
	{ "$true", PS_OP_EQ, D, "1", "bool:True" },
	{ "$true", PS_OP_EQ, D, "2", "bool:True" },
	{ "$false", PS_OP_EQ, D, "0", "bool:True" },
	{ "$false", PS_OP_EQ, D, "''", "bool:True" },
	{ "$false", PS_OP_EQ, D, "'0'", "bool:False" },
	{ "$false", PS_OP_EQ, D, "@()", "bool:True" },
	{ "$true", PS_OP_GT, D, "$false", "bool:True" },
	{ "1", PS_OP_EQ, D, "$true", "bool:True" },
	{ "2", PS_OP_EQ, D, "$true", "bool:False" },
	{ "0", PS_OP_EQ, D, "$false", "bool:True" },
	{ "'True'", PS_OP_EQ, D, "$true", "bool:True" },
	{ "'true'", PS_OP_EQ, D, "$true", "bool:True" },
	{ "'true'", PS_OP_EQ, C, "$true", "bool:False" },
	/* $null on either side */
	{ "$null", PS_OP_EQ, D, "$null", "bool:True" },
	{ "$null", PS_OP_EQ, D, "0", "bool:False" },
	{ "0", PS_OP_EQ, D, "$null", "bool:False" },
	{ "''", PS_OP_EQ, D, "$null", "bool:False" },
	{ "$null", PS_OP_NE, D, "$null", "bool:False" },
	{ "$null", PS_OP_EQ, D, "''", "bool:False" },
	{ "$null", PS_OP_LT, D, "1", "bool:True" },
	{ "$null", PS_OP_GT, D, "1", "bool:False" },
	{ "$null", PS_OP_GT, D, "-1", "bool:True" },
	{ "1", PS_OP_GT, D, "$null", "bool:True" },
	{ "-1", PS_OP_GT, D, "$null", "bool:False" },
	{ "-1", PS_OP_LT, D, "$null", "bool:True" },
	{ "0", PS_OP_GE, D, "$null", "bool:True" },
	{ "0", PS_OP_LE, D, "$null", "bool:False" },
	{ "$null", PS_OP_GE, D, "0", "bool:False" },
	{ "$null", PS_OP_LE, D, "0", "bool:True" },
	{ "'a'", PS_OP_GT, D, "$null", "bool:True" },
	{ "$null", PS_OP_GT, D, "'a'", "bool:False" },
	{ "$null", PS_OP_LT, D, "'a'", "bool:True" },
	{ "'a'", PS_OP_LT, D, "$null", "bool:False" },
	{ "$null", PS_OP_GE, D, "$null", "bool:True" },
	{ "$null", PS_OP_LE, D, "$null", "bool:True" },
	{ "$null", PS_OP_GT, D, "$null", "bool:False" },
	{ "$null", PS_OP_LT, D, "$null", "bool:False" },
	/* objects: the same instance, or an IPAddress and its text */
	{ "@{a=1}", PS_OP_EQ, D, "@{a=1}", "bool:False" },
	{ "[pscustomobject]@{a=1}", PS_OP_LT, D, "1",
	    "error:NotIcomparable:Cannot compare \"@{a=1}\" because it is not "
	    "IComparable." },
	/* -like and -notlike */
	{ "'PowerShell'", PS_OP_LIKE, D, "'*shell'", "bool:True" },
	{ "'PowerShell'", PS_OP_NOTLIKE, D, "'*shell'", "bool:False" },
	{ "'PowerShell'", PS_OP_LIKE, D, "'Power?hell'", "bool:True" },
	{ "'PowerShell'", PS_OP_NOTLIKE, D, "'Power?hell'", "bool:False" },
	{ "'PowerShell'", PS_OP_LIKE, D, "'Power[p-w]hell'", "bool:True" },
	{ "'PowerShell'", PS_OP_NOTLIKE, D, "'Power[p-w]hell'", "bool:False" },
	{ "@('PowerShell', 'Server')", PS_OP_LIKE, D, "'*shell'",
	    "@(string:PowerShell)" },
	{ "@('PowerShell', 'Server')", PS_OP_NOTLIKE, D, "'*shell'",
	    "@(string:Server)" },
	{ "'PowerShell'", PS_OP_LIKE, C, "'*shell'", "bool:False" },
	{ "'PowerShell'", PS_OP_LIKE, C, "'*Shell'", "bool:True" },
	{ "'PowerShell'", PS_OP_LIKE, D, "'shell'", "bool:False" },
	{ "@(1, 2, 3)", PS_OP_LIKE, D, "'1'", "@(string:1)" },
	{ "'a*b'", PS_OP_LIKE, D, "'a`*b'", "bool:True" },
	{ "'axb'", PS_OP_LIKE, D, "'a`*b'", "bool:False" },
	{ "$null", PS_OP_LIKE, D, "''", "bool:True" },
	{ "'a'", PS_OP_LIKE, D, "'[a'",
	    "error:WildcardPattern_Invalid:The specified wildcard character "
	    "pattern is not valid: [a" },
	{ "'10.0.0.4'", PS_OP_LIKE, D, "'10.*'", "bool:True" },
	/* -match and -notmatch (the $Matches cases are below) */
	{ "'PowerShell'", PS_OP_MATCH, D, "'shell'", "bool:True" },
	{ "'PowerShell'", PS_OP_MATCH, D, "'^Power\\w+'", "bool:True" },
	{ "'bag'", PS_OP_NOTMATCH, D, "'b[iou]g'", "bool:True" },
	{ "@('PowerShell', 'Super PowerShell', 'Power''s hell')", PS_OP_MATCH,
	    D, "'^Power\\w+'", "@(string:PowerShell)" },
	{ "@('Rhell', 'Chell', 'Mel', 'Smell', 'Shell')", PS_OP_MATCH, D,
	    "'hell'", "@(string:Rhell, string:Chell, string:Shell)" },
	{ "@('Bag', 'Beg', 'Big', 'Bog', 'Bug')", PS_OP_MATCH, D, "'b[iou]g'",
	    "@(string:Big, string:Bog, string:Bug)" },
	{ "@('Bag', 'Beg', 'Big', 'Bog', 'Bug')", PS_OP_NOTMATCH, D,
	    "'b[iou]g'", "@(string:Bag, string:Beg)" },
	{ "'PowerShell'", PS_OP_MATCH, C, "'shell'", "bool:False" },
	{ "@(1, 2, 3)", PS_OP_MATCH, D, "2", "@(int:2)" },
	{ "'TcpTestSucceeded : True'", PS_OP_MATCH, D,
	    "'TcpTestSucceeded\\s*:\\s*(True|False)'", "bool:True" },
	{ "'a'", PS_OP_MATCH, D, "'('",
	    "error:System.ArgumentException:parsing \"(\" - Not enough )'s." },
	{ "'a'", PS_OP_MATCH, D, "')'",
	    "error:System.ArgumentException:parsing \")\" - Too many )'s." },
	{ "'a'", PS_OP_MATCH, D, "'[a'",
	    "error:System.ArgumentException:parsing \"[a\" - Unterminated [] "
	    "set." },
	{ "'a'", PS_OP_MATCH, D, "'*'",
	    "error:System.ArgumentException:parsing \"*\" - Quantifier {x,y} "
	    "following nothing." },
	/* -contains -notcontains -in -notin */
	{ "@('abc', 'def')", PS_OP_CONTAINS, D, "'def'", "bool:True" },
	{ "@('abc', 'def')", PS_OP_NOTCONTAINS, D, "'def'", "bool:False" },
	{ "@('Windows', 'PowerShell')", PS_OP_CONTAINS, D, "'Shell'",
	    "bool:False" },
	{ "@('Windows', 'PowerShell')", PS_OP_NOTCONTAINS, D, "'Shell'",
	    "bool:True" },
	{ "@('abc', 'def', 'ghi')", PS_OP_CONTAINS, D, "@('abc', 'def')",
	    "bool:False" },
	{ "@('abc', 'def', 'ghi')", PS_OP_NOTCONTAINS, D, "@('abc', 'def')",
	    "bool:True" },
	{ "@(@('abc', 'def'), 'ghi')", PS_OP_CONTAINS, D, "@('abc', 'def')",
	    "bool:True" },
	{ "'def'", PS_OP_IN, D, "@('abc', 'def')", "bool:True" },
	{ "'def'", PS_OP_NOTIN, D, "@('abc', 'def')", "bool:False" },
	{ "'Shell'", PS_OP_IN, D, "@('Windows', 'PowerShell')", "bool:False" },
	{ "'Shell'", PS_OP_NOTIN, D, "@('Windows', 'PowerShell')", "bool:True" },
	{ "@('abc', 'def')", PS_OP_IN, D, "@('abc', 'def', 'ghi')",
	    "bool:False" },
	{ "@('abc', 'def')", PS_OP_NOTIN, D, "@('abc', 'def', 'ghi')",
	    "bool:True" },
	{ "@('abc', 'def')", PS_OP_IN, D, "@(@('abc', 'def'), 'ghi')",
	    "bool:True" },
	{ "@('abc', 'def')", PS_OP_CONTAINS, D, "'ABC'", "bool:True" },
	{ "@('abc', 'def')", PS_OP_CONTAINS, C, "'ABC'", "bool:False" },
	{ "@(1, 2, 3)", PS_OP_CONTAINS, D, "'2'", "bool:True" },
	{ "@('1', '2')", PS_OP_CONTAINS, D, "2", "bool:True" },
	{ "@(1, 2)", PS_OP_CONTAINS, D, "'abc'", "bool:False" },
	{ "$null", PS_OP_IN, D, "@(1, $null)", "bool:True" },
	{ "5", PS_OP_CONTAINS, D, "5", "bool:True" },
	{ "5", PS_OP_IN, D, "5", "bool:True" },
	{ "1433", PS_OP_IN, D, "@(1433, 5022)", "bool:True" },
	{ "'1433'", PS_OP_IN, D, "@(1433, 5022)", "bool:True" },
	/* -and -or -xor */
	{ "$true", PS_OP_AND, D, "$false", "bool:False" },
	{ "1", PS_OP_AND, D, "'a'", "bool:True" },
	{ "0", PS_OP_OR, D, "''", "bool:False" },
	{ "@(0)", PS_OP_OR, D, "$null", "bool:False" },
	{ "$true", PS_OP_XOR, D, "$true", "bool:False" },
	{ "$true", PS_OP_XOR, D, "0", "bool:True" },
	/* -is -isnot -as */
	{ "1", PS_OP_IS, D, "'int'", "bool:True" },
	{ "1", PS_OP_IS, D, "'System.Int32'", "bool:True" },
	{ "'1'", PS_OP_IS, D, "'int'", "bool:False" },
	{ "'1'", PS_OP_ISNOT, D, "'int'", "bool:True" },
	{ "1", PS_OP_ISNOT, D, "'string'", "bool:True" },
	{ "@(1)", PS_OP_IS, D, "'array'", "bool:True" },
	{ "@(1)", PS_OP_IS, D, "'object[]'", "bool:True" },
	{ "@{a=1}", PS_OP_IS, D, "'hashtable'", "bool:True" },
	{ "[pscustomobject]@{a=1}", PS_OP_IS, D, "'pscustomobject'",
	    "bool:True" },
	{ "$null", PS_OP_IS, D, "'object'", "bool:False" },
	{ "1.5", PS_OP_IS, D, "'double'", "bool:True" },
	{ "5L", PS_OP_IS, D, "'long'", "bool:True" },
	{ "5L", PS_OP_IS, D, "'int'", "bool:False" },
	{ "[datetime]'2026-01-01'", PS_OP_IS, D, "'datetime'", "bool:True" },
	{ "1", PS_OP_IS, D, "'Foo'",
	    "error:NotSupportedByTnc:The type [Foo] is not supported by tnc." },
	{ "'5'", PS_OP_AS, D, "'int'", "int:5" },
	{ "'abc'", PS_OP_AS, D, "'int'", "$null" },
	{ "2.5", PS_OP_AS, D, "'int'", "int:2" },
	{ "'2026-12-01'", PS_OP_AS, D, "'datetime'",
	    "datetime:12/01/2026 00:00:00" },
	/* -join */
	{ "@(1, 2, 3)", PS_OP_JOIN, D, "','", "string:1,2,3" },
	{ "@('a', 'b', 'c')", PS_OP_JOIN, D, "''", "string:abc" },
	{ "'a'", PS_OP_JOIN, D, "','", "string:a" },
	{ "@(1, $null, 2)", PS_OP_JOIN, D, "'-'", "string:1--2" },
	{ "@(1.5, $true)", PS_OP_JOIN, D, "$null", "string:1.5True" },
	{ "@('SQL1', 'SQL2')", PS_OP_JOIN, D, "', '", "string:SQL1, SQL2" },
	/* about_Join */
	{ "@('Windows', 'PowerShell', '2.0')", PS_OP_JOIN, D, "' '",
	    "string:Windows PowerShell 2.0" },
	{ "@('WIND', 'S P', 'ERSHELL')", PS_OP_JOIN, D, "'OW'",
	    "string:WINDOWS POWERSHELL" },
	/* the range operator */
	{ "1", PS_OP_RANGE, D, "3", "@(int:1, int:2, int:3)" },
	{ "3", PS_OP_RANGE, D, "1", "@(int:3, int:2, int:1)" },
	{ "'1'", PS_OP_RANGE, D, "'3'", "@(int:1, int:2, int:3)" },
	{ "1.5", PS_OP_RANGE, D, "3", "@(int:2, int:3)" },
	{ "-1", PS_OP_RANGE, D, "1", "@(int:-1, int:0, int:1)" },
	{ "'a'", PS_OP_RANGE, D, "'c'",
	    "error:InvalidCastFromStringToInteger:Cannot convert value \"a\" to "
	    "type \"System.Int32\". Error: \"Input string was not in a correct "
	    "format.\"" },
};

/* about_Arithmetic_Operators (5.1) and NumericOps.cs */
static const struct bin_case arithmetic_cases[] = {
	{ "6", PS_OP_ADD, D, "2", "int:8" },
	{ "6", PS_OP_SUB, D, "2", "int:4" },
	{ "6", PS_OP_MUL, D, "2", "int:12" },
	{ "6", PS_OP_DIV, D, "2", "int:3" },
	{ "7", PS_OP_MOD, D, "2", "int:1" },
	{ "'file'", PS_OP_ADD, D, "'name'", "string:filename" },
	{ "@(1, 'one')", PS_OP_ADD, D, "@(2.0, 'two')",
	    "@(int:1, string:one, double:2, string:two)" },
	{ "@{'one'=1}", PS_OP_ADD, D, "@{'two'=2}", "@{one=int:1; two=int:2}" },
	{ "@('!')", PS_OP_MUL, D, "4",
	    "@(string:!, string:!, string:!, string:!)" },
	{ "'!'", PS_OP_MUL, D, "3", "string:!!!" },
	{ "6", PS_OP_DIV, D, "12", "double:0.5" },
	{ "3", PS_OP_ADD, D, "0.5", "double:3.5" },
	{ "5", PS_OP_DIV, D, "2", "double:2.5" },
	{ "7", PS_OP_DIV, D, "2", "double:3.5" },
	{ "'file'", PS_OP_ADD, D, "16", "string:file16" },
	{ "@(1, 2, 3)", PS_OP_ADD, D, "16", "@(int:1, int:2, int:3, int:16)" },
	{ "@(1, 2, 3)", PS_OP_ADD, D, "'file'",
	    "@(int:1, int:2, int:3, string:file)" },
	{ "@(1, 2, 3)", PS_OP_MUL, D, "2",
	    "@(int:1, int:2, int:3, int:1, int:2, int:3)" },
	{ "'file'", PS_OP_MUL, D, "3", "string:filefilefile" },
	{ "16", PS_OP_ADD, D, "'file'",
	    "error:InvalidCastFromStringToInteger:Cannot convert value \"file\" "
	    "to type \"System.Int32\". Error: \"Input string was not in a "
	    "correct format.\"" },
	{ "@{a=1; b=2; c=3}", PS_OP_ADD, D, "@{c1='Server01'; c='Server02'}",
	    "error:System.ArgumentException:Item has already been added. Key in "
	    "dictionary: 'c'  Key being added: 'c'" },
	{ "@{a=1; b=2}", PS_OP_ADD, D, "2",
	    "error:AddHashTableToNonHashTable:A hash table can only be added "
	    "to another hash table." },
	{ "@(0, 'Hello World')", PS_OP_ADD, D, "@{a=1; b=2}",
	    "@(int:0, string:Hello World, @{a=int:1; b=int:2})" },
	{ "2", PS_OP_ADD, D, "3.1", "double:5.1" },
	{ "512mb", PS_OP_MUL, D, "512mb", "double:2.88230376151712E+17" },
	{ "[int]-2147483648", PS_OP_ADD, D, "[uint32]4294967295",
	    "long:2147483647" },
	{ "[decimal]'79228162514264337593543950335'", PS_OP_ADD, D, "1",
	    "error:RuntimeException:Value was either too large or too small "
	    "for a Decimal." },
	/* widening: an Int32 overflows into a Double (IntOps), Int64 too */
	{ "2147483647", PS_OP_ADD, D, "1", "double:2147483648" },
	{ "2147483647L", PS_OP_ADD, D, "1", "long:2147483648" },
	{ "9223372036854775807L", PS_OP_ADD, D, "1",
	    "double:9.22337203685478E+18" },
	{ "[int]-2147483648", PS_OP_DIV, D, "-1", "double:2147483648" },
	{ "[int]-2147483648", PS_OP_MOD, D, "-1", "int:0" },
	{ "65536", PS_OP_MUL, D, "65536", "double:4294967296" },
	{ "[byte]200", PS_OP_ADD, D, "[byte]100", "int:300" },
	{ "5", PS_OP_ADD, D, "5L", "long:10" },
	{ "5U", PS_OP_SUB, D, "6U", "double:-1" },
	{ "5U", PS_OP_ADD, D, "1", "uint32:6" },
	{ "[uint64]'18446744073709551615'", PS_OP_MUL, D,
	    "[uint64]'18446744073709551615'", "double:3.40282366920938E+38" },
	{ "[uint64]'18446744073709551615'", PS_OP_ADD, D, "1",
	    "double:1.84467440737096E+19" },
	{ "1", PS_OP_DIV, D, "0", DIV_ZERO },
	{ "1", PS_OP_MOD, D, "0", DIV_ZERO },
	{ "1L", PS_OP_DIV, D, "0", DIV_ZERO },
	{ "1.5D", PS_OP_DIV, D, "0", DIV_ZERO },
	{ "1.0", PS_OP_DIV, D, "0", "double:Infinity" },
	{ "-1.0", PS_OP_DIV, D, "0", "double:-Infinity" },
	{ "0.1", PS_OP_ADD, D, "0.2", "double:0.3" },
	{ "1", PS_OP_DIV, D, "3", "double:0.333333333333333" },
	{ "2", PS_OP_DIV, D, "3", "double:0.666666666666667" },
	{ "10", PS_OP_DIV, D, "4", "double:2.5" },
	{ "10", PS_OP_DIV, D, "5", "int:2" },
	{ "7.5", PS_OP_MOD, D, "2", "double:1.5" },
	{ "-7", PS_OP_MOD, D, "3", "int:-1" },
	{ "1e300", PS_OP_MUL, D, "1e300", "double:Infinity" },
	/* strings on the right of a number: Parser.ScanNumber, then a cast */
	{ "1", PS_OP_ADD, D, "'2'", "int:3" },
	{ "'1'", PS_OP_ADD, D, "2", "string:12" },
	{ "1", PS_OP_ADD, D, "'2.5'", "double:3.5" },
	{ "1", PS_OP_ADD, D, "'0x10'", "int:17" },
	{ "1", PS_OP_ADD, D, "'1kb'", "int:1025" },
	{ "1", PS_OP_ADD, D, "''", "int:1" },
	{ "1", PS_OP_ADD, D, "' 2 '", "int:3" },
	{ "1", PS_OP_ADD, D, "'1,000'", "int:1001" },
	{ "1", PS_OP_ADD, D, "'5L'", "long:6" },
	{ "1", PS_OP_ADD, D, "'2.5d'", "decimal:3.5" },
	{ "1.5", PS_OP_ADD, D, "'1'", "double:2.5" },
	{ "'10'", PS_OP_SUB, D, "'3'", "int:7" },
	{ "'10'", PS_OP_SUB, D, "3", "int:7" },
	{ "'10'", PS_OP_MUL, D, "2", "string:1010" },
	{ "'10'", PS_OP_DIV, D, "'4'", "double:2.5" },
	{ "'10'", PS_OP_MOD, D, "'4'", "int:2" },
	{ "'abc'", PS_OP_SUB, D, "1", CAST_ABC },
	{ "''", PS_OP_SUB, D, "''", "int:0" },
	/* $null, Booleans */
	{ "$null", PS_OP_ADD, D, "1", "int:1" },
	{ "$null", PS_OP_ADD, D, "'a'", "string:a" },
	{ "$null", PS_OP_ADD, D, "@(1, 2)", "@(int:1, int:2)" },
	{ "$null", PS_OP_SUB, D, "1", "int:-1" },
	{ "$null", PS_OP_MUL, D, "5", "$null" },
	{ "$null", PS_OP_DIV, D, "5", "int:0" },
	{ "1", PS_OP_ADD, D, "$null", "int:1" },
	{ "1", PS_OP_MUL, D, "$null", "int:0" },
	{ "$true", PS_OP_ADD, D, "$true", "int:2" },
	{ "$true", PS_OP_ADD, D, "1", "int:2" },
	{ "1", PS_OP_ADD, D, "$true", "int:2" },
	/* operands without the operator */
	{ "5", PS_OP_ADD, D, "@(1)",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Object[]] does not contain a method named 'op_Addition'." },
	{ "@(1, 2)", PS_OP_SUB, D, "1",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Object[]] does not contain a method named "
	    "'op_Subtraction'." },
	{ "@(1, 2)", PS_OP_DIV, D, "1",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Object[]] does not contain a method named 'op_Division'." },
	{ "[pscustomobject]@{a=1}", PS_OP_ADD, D, "1",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Management.Automation.PSCustomObject] does not contain a "
	    "method named 'op_Addition'." },
	{ "@{a=1}", PS_OP_MUL, D, "2",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Collections.Hashtable] does not contain a method named "
	    "'op_Multiply'." },
	/* Decimal keeps its scale */
	{ "1.5D", PS_OP_ADD, D, "1", "decimal:2.5" },
	{ "1.50D", PS_OP_ADD, D, "1", "decimal:2.50" },
	{ "0.1D", PS_OP_ADD, D, "0.2D", "decimal:0.3" },
	{ "1D", PS_OP_DIV, D, "3D", "decimal:0.3333333333333333333333333333" },
	{ "2D", PS_OP_DIV, D, "3D", "decimal:0.6666666666666666666666666667" },
	{ "1.5", PS_OP_ADD, D, "1D", "decimal:2.5" },
	{ "10D", PS_OP_DIV, D, "4", "decimal:2.5" },
	{ "2.5D", PS_OP_MUL, D, "2", "decimal:5.0" },
	{ "1.1D", PS_OP_MUL, D, "1.1D", "decimal:1.21" },
	{ "7D", PS_OP_MOD, D, "2.5D", "decimal:2.0" },
	/* a divisor that rounds away at the dividend's scale: .NET's
	 * Remainder divides first and overflows (fuzz_main found % by 0) */
	{ "-666000660000000000000000004D", PS_OP_MOD, D,
	    "0.0000000000000000000000000004D",
	    "error:RuntimeException:Value was either too large or too small "
	    "for a Decimal." },
	{ "1D", PS_OP_SUB, D, "0.001D", "decimal:0.999" },
	/* strings and arrays */
	{ "'a'", PS_OP_ADD, D, "$null", "string:a" },
	{ "'a'", PS_OP_ADD, D, "@(1, 2)", "string:a1 2" },
	{ "'a'", PS_OP_ADD, D, "1.5", "string:a1.5" },
	{ "'a'", PS_OP_ADD, D, "$true", "string:aTrue" },
	{ "'a'", PS_OP_ADD, D, "[datetime]'2026-12-01 10:00:00'",
	    "string:a12/01/2026 10:00:00" },
	{ "c'a'", PS_OP_ADD, D, "1", "string:a1" },
	{ "1", PS_OP_ADD, D, "c'a'", "int:98" },
	{ "'ab'", PS_OP_MUL, D, "0", "string:" },
	{ "'ab'", PS_OP_MUL, D, "'2'", "string:abab" },
	{ "'ab'", PS_OP_MUL, D, "2.5", "string:abab" },
	{ "'-'", PS_OP_MUL, D, "-1",
	    "error:System.ArgumentOutOfRangeException:Specified argument was "
	    "out of the range of valid values.\nParameter name: times" },
	{ "@(1, 2)", PS_OP_MUL, D, "0", "@()" },
	{ "''", PS_OP_MUL, D, "2147483647", "string:" },
	{ "@()", PS_OP_MUL, D, "2147483647", "@()" },
	{ "@(1, 2)", PS_OP_ADD, D, "@()", "@(int:1, int:2)" },
	{ "@()", PS_OP_ADD, D, "@(@(1))", "@(@(int:1))" },
	/* DateTime and TimeSpan */
	{ "[datetime]'2026-12-01 10:00:05'", PS_OP_SUB, D,
	    "[datetime]'2026-12-01 10:00:00'", "System.TimeSpan:00:00:05" },
	{ "[datetime]'2026-12-01 10:00:00'", PS_OP_SUB, D,
	    "[datetime]'2026-12-03 11:00:00.5'", "System.TimeSpan:-2.01:00:00.5000000" },
	{ "[datetime]'2026-12-01 10:00:00'", PS_OP_ADD, D, "1",
	    "error:NotSupportedByTnc:'[System.DateTime] + [System.Int32]' is "
	    "not supported by tnc." },
};

static const char *const op_names[] = {
	[PS_OP_AND] = "-and", [PS_OP_OR] = "-or", [PS_OP_XOR] = "-xor",
	[PS_OP_EQ] = "-eq", [PS_OP_NE] = "-ne", [PS_OP_GT] = "-gt",
	[PS_OP_GE] = "-ge", [PS_OP_LT] = "-lt", [PS_OP_LE] = "-le",
	[PS_OP_LIKE] = "-like", [PS_OP_NOTLIKE] = "-notlike",
	[PS_OP_MATCH] = "-match", [PS_OP_NOTMATCH] = "-notmatch",
	[PS_OP_CONTAINS] = "-contains", [PS_OP_NOTCONTAINS] = "-notcontains",
	[PS_OP_IN] = "-in", [PS_OP_NOTIN] = "-notin",
	[PS_OP_REPLACE] = "-replace", [PS_OP_SPLIT] = "-split",
	[PS_OP_JOIN] = "-join", [PS_OP_IS] = "-is", [PS_OP_ISNOT] = "-isnot",
	[PS_OP_AS] = "-as", [PS_OP_ADD] = "+", [PS_OP_SUB] = "-",
	[PS_OP_MUL] = "*", [PS_OP_DIV] = "/", [PS_OP_MOD] = "%",
	[PS_OP_FORMAT] = "-f", [PS_OP_RANGE] = "..",
	[PS_OP_NOT] = "-not", [PS_OP_NEGATE] = "-", [PS_OP_PLUS] = "+",
};

static void
run_binary(const struct bin_case *t)
{
	struct psobj_value l = V(t->l), r = V(t->r), out;
	struct ps_op_error e;
	char what[1024];
	int rc;

	snprintf(what, sizeof(what), "%s %s%s %s", t->l, t->c == C ? "c" :
	    t->c == I ? "i" : "", op_names[t->op], t->r);
	rc = ps_op_binary(t->op, t->c, &l, &r, &out, NULL, &e);
	expect(what, rc, &out, &e, t->want);
	psobj_value_free(&l);
	psobj_value_free(&r);
}

START_TEST(test_comparison)
{
	run_binary(&comparison_cases[_i]);
}
END_TEST

START_TEST(test_arithmetic)
{
	run_binary(&arithmetic_cases[_i]);
}
END_TEST

#define PLANETS	"'Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune'"

/* -replace, -split (about_Split), -f through the operator */
static const struct bin_case text_cases[] = {
	{ "'book'", PS_OP_REPLACE, I, "@('B', 'C')", "string:Cook" },
	{ "'book'", PS_OP_REPLACE, C, "@('B', 'C')", "string:book" },
	{ "'book'", PS_OP_REPLACE, D, "@('B', 'C')", "string:Cook" },
	{ "'Contoso.local\\John.Doe'", PS_OP_REPLACE, D,
	    "@('^(?<DomainName>[\\w-.]+)\\\\(?<Username>[\\w-.]+)$', "
	    "'${Username}@${DomainName}')", "string:John.Doe@Contoso.local" },
	{ "'Hello World'", PS_OP_REPLACE, D, "@('(\\w+) \\w+', '$1 Universe')",
	    "string:Hello Universe" },
	{ "'5.72'", PS_OP_REPLACE, D, "@('(.+)', '$ $1')", "string:$ 5.72" },
	{ "'5.72'", PS_OP_REPLACE, D, "@('(.+)', '$$$1')", "string:$5.72" },
	{ "'5.72'", PS_OP_REPLACE, D, "@('(.+)', '$$1')", "string:$1" },
	{ "@('B1', 'B2', 'B3', 'B4', 'B5')", PS_OP_REPLACE, D, "@('B', 'a')",
	    "@(string:a1, string:a2, string:a3, string:a4, string:a5)" },
	{ "'abc'", PS_OP_REPLACE, D, "'b'", "string:ac" },
	{ "'abc'", PS_OP_REPLACE, D, "@('b')", "string:ac" },
	{ "'aaa'", PS_OP_REPLACE, D, "@('a*', '-')", "string:--" },
	{ "'abc'", PS_OP_REPLACE, D, "@('', '-')", "string:-a-b-c-" },
	{ "'abc'", PS_OP_REPLACE, D, "@('(b)', '[$&|$`|$''|$+|$_|$2|${x}]')",
	    "string:a[b|a|c|b|abc|$2|${x}]c" },
	{ "'a1b22'", PS_OP_REPLACE, D, "@('(?<n>\\d+)', '<${n}>')",
	    "string:a<1>b<22>" },
	{ "'1.5'", PS_OP_REPLACE, D, "@('\\.', ',')", "string:1,5" },
	{ "1.5", PS_OP_REPLACE, D, "@('\\.', ',')", "string:1,5" },
	{ "$null", PS_OP_REPLACE, D, "@('^', 'x')", "string:x" },
	{ "[datetime]'2026-12-01 10:00:00'", PS_OP_REPLACE, D, "@('/', '-')",
	    "string:12-1-2026 10:00:00 AM" },
	{ "'abc'", PS_OP_REPLACE, D, "@('b', 'x', 'y')",
	    "error:BadReplaceArgument:The -ireplace operator allows only two "
	    "elements to follow it, not 3." },
	{ "'abc'", PS_OP_REPLACE, C, "@('b', 'x', 'y')",
	    "error:BadReplaceArgument:The -replace operator allows only two "
	    "elements to follow it, not 3." },
	{ "'abc'", PS_OP_REPLACE, D, "@('(', 'x')",
	    "error:InvalidRegularExpression:The regular expression pattern ( is "
	    "not valid." },
	{ "'sqlmi.contoso.net:5022'", PS_OP_REPLACE, D, "@(':\\d+$', '')",
	    "string:sqlmi.contoso.net" },
	/* -split */
	{ "'a,b,c'", PS_OP_SPLIT, D, "','",
	    "String[]@(string:a, string:b, string:c)" },
	{ "'a1b2c'", PS_OP_SPLIT, D, "'\\d'",
	    "String[]@(string:a, string:b, string:c)" },
	{ "'a1b'", PS_OP_SPLIT, D, "'(\\d)'",
	    "String[]@(string:a, string:1, string:b)" },
	{ "'a,b,c'", PS_OP_SPLIT, D, "@(',', 2)",
	    "String[]@(string:a, string:b,c)" },
	{ "'a,b,c'", PS_OP_SPLIT, D, "@(',', 1)", "String[]@(string:a,b,c)" },
	{ "'a,b,c'", PS_OP_SPLIT, D, "@(',', 0)",
	    "String[]@(string:a, string:b, string:c)" },
	{ "'a.b'", PS_OP_SPLIT, D, "@('.', 0, 'SimpleMatch')",
	    "String[]@(string:a, string:b)" },
	{ "'a.b'", PS_OP_SPLIT, D, "'.'",
	    "String[]@(string:, string:, string:, string:)" },
	{ "'aXb'", PS_OP_SPLIT, D, "'x'", "String[]@(string:a, string:b)" },
	{ "'aXb'", PS_OP_SPLIT, C, "'x'", "String[]@(string:aXb)" },
	{ "'aXb'", PS_OP_SPLIT, C, "@('x', 0, 'IgnoreCase')",
	    "String[]@(string:a, string:b)" },
	{ "@('a b', 'c d')", PS_OP_SPLIT, D, "' '",
	    "String[]@(string:a, string:b, string:c, string:d)" },
	{ "'abc'", PS_OP_SPLIT, D, "''",
	    "String[]@(string:, string:a, string:b, string:c, string:)" },
	{ "''", PS_OP_SPLIT, D, "','", "String[]@(string:)" },
	{ "'Mercury,Venus,Earth'", PS_OP_SPLIT, D, "@(',', 2)",
	    "String[]@(string:Mercury, string:Venus,Earth)" },
	{ "'1 2  3'", PS_OP_SPLIT, D, "' '",
	    "String[]@(string:1, string:2, string:, string:3)" },
	{ "'a b'", PS_OP_SPLIT, D, "@(' ', 0, 'Foo')",
	    "error:RuntimeException:Cannot convert value \"Foo\" to type "
	    "\"System.Management.Automation.SplitOptions\". Error: \"Unable to "
	    "match the identifier name Foo to a valid enumerator name. Specify "
	    "one of the following enumerator names and try again: SimpleMatch, "
	    "RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, "
	    "Singleline, IgnoreCase, ExplicitCapture\"" },
	{ "'a'", PS_OP_SPLIT, D, "'('",
	    "error:System.ArgumentException:parsing \"(\" - Not enough )'s." },
	{ "'a'", PS_OP_SPLIT, D, "@()",
	    "error:BadOperatorArgument:The argument to operator '-split' is "
	    "not valid: System.Object[]." },
	{ "'a'", PS_OP_SPLIT, D, "{$_ -eq 'x'}",
	    "error:NotSupportedByTnc:-split with a script block is not "
	    "supported by tnc." },
	/* about_Split (5.1) */
	{ "'Lastname:FirstName:Address'", PS_OP_SPLIT, D, "':'",
	    "String[]@(string:Lastname, string:FirstName, string:Address)" },
	{ "'Lastname:FirstName:Address'", PS_OP_SPLIT, D, "'(:)'",
	    "String[]@(string:Lastname, string::, string:FirstName, string::, "
	    "string:Address)" },
	{ "'Lastname/:/FirstName/:/Address'", PS_OP_SPLIT, D, "'/(:)/'",
	    "String[]@(string:Lastname, string::, string:FirstName, string::, "
	    "string:Address)" },
	{ PLANETS, PS_OP_SPLIT, D, "@(',', 5)",
	    "String[]@(string:Mercury, string:Venus, string:Earth, string:Mars, "
	    "string:Jupiter,Saturn,Uranus,Neptune)" },
	{ "@('a,b,c', '1,2,3,4,5')", PS_OP_SPLIT, D, "@(',', 3)",
	    "String[]@(string:a, string:b, string:c, string:1, string:2, "
	    "string:3,4,5)" },
	{ "'Chocolate-Vanilla-Strawberry-Blueberry'", PS_OP_SPLIT, D,
	    "@('(-)', 3)", "String[]@(string:Chocolate, string:-, "
	    "string:Vanilla, string:-, string:Strawberry-Blueberry)" },
	{ PLANETS, PS_OP_SPLIT, D, "'er'", "String[]@(string:M, "
	    "string:cury,Venus,Earth,Mars,Jupit, string:,Saturn,Uranus,Neptune)" },
	{ PLANETS, PS_OP_SPLIT, C, "'N'", "String[]@("
	    "string:Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,, "
	    "string:eptune)" },
	{ PLANETS, PS_OP_SPLIT, D, "'[et]'", "String[]@(string:M, "
	    "string:rcury,V, string:nus,, string:ar, string:h,Mars,Jupi, "
	    "string:, string:r,Sa, string:urn,Uranus,N, string:p, string:un, "
	    "string:)" },	/* Regex.Split keeps the empty last piece */
	{ PLANETS, PS_OP_SPLIT, D, "@('[er]', 6)", "String[]@(string:M, "
	    "string:, string:cu, string:y,V, string:nus,, "
	    "string:arth,Mars,Jupiter,Saturn,Uranus,Neptune)" },
	{ "'a,b,c,d,e,f,g,h'", PS_OP_SPLIT, D, "@(',', 3)",
	    "String[]@(string:a, string:b, string:c,d,e,f,g,h)" },
	{ "'a,b,c,d,e,f,g,h'", PS_OP_SPLIT, D, "@(',', -3)",
	    "String[]@(string:a, string:b, string:c, string:d, string:e, "
	    "string:f, string:g, string:h)" },
	{ "@('a,b,c,d', 'e,f,g,h')", PS_OP_SPLIT, D, "@(',', 3)",
	    "String[]@(string:a, string:b, string:c,d, string:e, string:f, "
	    "string:g,h)" },
	{ "'1The first line.\n2The second line.\n3The third of three lines.'",
	    PS_OP_SPLIT, D, "@('^\\d', 0, 'Multiline')",
	    "String[]@(string:, string:The first line.\n, "
	    "string:The second line.\n, string:The third of three lines.)" },
	{ "'This.is.a.test'", PS_OP_SPLIT, D, "'\\.'",
	    "String[]@(string:This, string:is, string:a, string:test)" },
	{ "'This.is.a.test'", PS_OP_SPLIT, D, "@('.', 0, 'SimpleMatch')",
	    "String[]@(string:This, string:is, string:a, string:test)" },
	{ "'LastName, FirstName; Address, City, State, Zip'", PS_OP_SPLIT, D,
	    "';'", "String[]@(string:LastName, FirstName, "
	    "string: Address, City, State, Zip)" },
	{ "@('1 2', 'a b')", PS_OP_SPLIT, D, "' '",
	    "String[]@(string:1, string:2, string:a, string:b)" },
	/* -f as an operator */
	{ "'{0}'", PS_OP_FORMAT, D, "5", "string:5" },
	{ "'{0} {1}'", PS_OP_FORMAT, D, "@('a', 'b')", "string:a b" },
	{ "'{0}:{1}'", PS_OP_FORMAT, D, "@('sqlmi.contoso.net', 5022)",
	    "string:sqlmi.contoso.net:5022" },
};

START_TEST(test_text_ops)
{
	run_binary(&text_cases[_i]);
}
END_TEST

/* ---- unary operators -------------------------------------------------- */

struct un_case {
	enum ps_op op;
	const char *v;
	const char *want;
};

static const struct un_case unary_cases[] = {
	{ PS_OP_NOT, "$true", "bool:False" },
	{ PS_OP_NOT, "''", "bool:True" },
	{ PS_OP_NOT, "'False'", "bool:False" },
	{ PS_OP_NOT, "@()", "bool:True" },
	{ PS_OP_NOT, "@(0)", "bool:True" },
	{ PS_OP_NOT, "@(0, 0)", "bool:False" },
	{ PS_OP_NOT, "$null", "bool:True" },
	{ PS_OP_NEGATE, "5", "int:-5" },
	{ PS_OP_NEGATE, "'5'", "int:-5" },
	{ PS_OP_NEGATE, "'2.5'", "double:-2.5" },
	{ PS_OP_NEGATE, "$null", "int:0" },
	{ PS_OP_NEGATE, "[int]-2147483648", "double:2147483648" },
	{ PS_OP_NEGATE, "5L", "long:-5" },
	{ PS_OP_NEGATE, "1.5D", "decimal:-1.5" },
	{ PS_OP_NEGATE, "$true", "int:-1" },
	{ PS_OP_NEGATE, "'abc'", CAST_ABC },
	{ PS_OP_NEGATE, "@(1)",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Object[]] does not contain a method named "
	    "'op_UnaryNegation'." },
	{ PS_OP_PLUS, "'5'", "int:5" },
	{ PS_OP_PLUS, "5L", "long:5" },
	{ PS_OP_PLUS, "$null", "int:0" },
	{ PS_OP_JOIN, "@('a', 'b')", "string:ab" },
	{ PS_OP_JOIN, "@(1, 2, 3)", "string:123" },
	{ PS_OP_JOIN, "'abc'", "string:abc" },
	{ PS_OP_JOIN, "@('a', 'b', 'c')", "string:abc" },
	{ PS_OP_SPLIT, "' a  b '", "String[]@(string:a, string:b)" },
	{ PS_OP_SPLIT, "'red yellow blue green'",
	    "String[]@(string:red, string:yellow, string:blue, string:green)" },
	{ PS_OP_SPLIT, "'Windows PowerShell 2.0\nWindows PowerShell with "
	    "remoting'", "String[]@(string:Windows, string:PowerShell, "
	    "string:2.0, string:Windows, string:PowerShell, string:with, "
	    "string:remoting)" },
	{ PS_OP_SPLIT, "@('1 2', 'a b')",
	    "String[]@(string:1, string:2, string:a, string:b)" },
	{ PS_OP_SPLIT, "@('a b', 'c')",
	    "String[]@(string:a, string:b, string:c)" },
	{ PS_OP_SPLIT, "''", "String[]@(string:)" },
	{ PS_OP_SPLIT, "'a\tb'", "String[]@(string:a, string:b)" },
};

START_TEST(test_unary)
{
	const struct un_case *t = &unary_cases[_i];
	struct psobj_value v = V(t->v), out;
	struct ps_op_error e;
	char what[256];

	snprintf(what, sizeof(what), "%s %s", op_names[t->op], t->v);
	expect(what, ps_op_unary(t->op, &v, &out, &e), &out, &e, t->want);
	psobj_value_free(&v);
}
END_TEST

/* ---- truth and strings ------------------------------------------------ */

struct truth_case {
	const char *v;
	bool want;
};

/* LanguagePrimitives.IsTrue, about_Booleans */
static const struct truth_case truth_cases[] = {
	{ "$null", false }, { "$true", true }, { "$false", false },
	{ "''", false }, { "'False'", true }, { "'0'", true }, { "' '", true },
	{ "0", false }, { "1", true }, { "-1", true }, { "0L", false },
	{ "0.0", false }, { "0.1", true }, { "0D", false }, { "0.00D", false },
	{ "1D", true }, { "@()", false }, { "@(0)", false }, { "@(1)", true },
	{ "@('')", false }, { "@('a')", true }, { "@($null)", false },
	{ "@(@())", false }, { "@(@(0))", true }, { "@(0, 0)", true },
	{ "@($false, $false)", true }, { "@{}", true },
	{ "[pscustomobject]@{}", true }, { "[datetime]'2026-12-01'", true },
	{ "c'a'", true }, { "{}", true }, { "0Y", false }, { "5U", true },
};

START_TEST(test_is_true)
{
	struct psobj_value v = V(truth_cases[_i].v);

	ck_assert_msg(ps_is_true(&v) == truth_cases[_i].want, "IsTrue(%s)",
	    truth_cases[_i].v);
	psobj_value_free(&v);
}
END_TEST

struct string_case {
	const char *v;
	const char *want;
};

/* "$v": the invariant culture, .NET Framework's Double.ToString() */
static const struct string_case string_cases[] = {
	{ "$null", "" }, { "$true", "True" }, { "$false", "False" },
	{ "5", "5" }, { "-5", "-5" }, { "5L", "5" }, { "0.1", "0.1" },
	{ "1e20", "1E+20" }, { "1e-5", "1E-05" }, { "0.0001", "0.0001" },
	{ "1e15", "1E+15" }, { "123456789012345.0", "123456789012345" },
	{ "1234567890123456.0", "1.23456789012346E+15" },
	{ "1.0", "1" }, { "-0.0", "0" }, { "2.5", "2.5" },
	{ "1.23456789012345678", "1.23456789012346" },
	{ "123456789.123", "123456789.123" },
	{ "1.5D", "1.5" }, { "1.50D", "1.50" }, { "0.000D", "0.000" },
	{ "'abc'", "abc" }, { "c'x'", "x" },
	{ "@(1, 2, 3)", "1 2 3" }, { "@(1, @(2, 3))", "1 System.Object[]" },
	{ "@(1, $null, 2)", "1  2" }, { "@()", "" },
	{ "@{}", "System.Collections.Hashtable" },
	{ "[ordered]@{}", "System.Collections.Specialized.OrderedDictionary" },
	{ "[pscustomobject]@{a=1; b='x'}", "@{a=1; b=x}" },
	{ "[pscustomobject]@{a=@(1, 2); b=$null}", "@{a=System.Object[]; b=}" },
	{ "[pscustomobject]@{}", "@{}" },
	{ "[datetime]'2026-12-01 10:00:00'", "12/01/2026 10:00:00" },
	{ "[datetime]'2026-12-01 14:05:09.5'", "12/01/2026 14:05:09" },
	{ "{ $x + 1 }", " $x + 1 " },
	{ "[byte]255", "255" }, { "[uint64]'18446744073709551615'",
	    "18446744073709551615" },
};

START_TEST(test_to_string)
{
	struct psobj_value v = V(string_cases[_i].v);
	char *s = ps_to_string(&v);

	ck_assert_ptr_nonnull(s);
	ck_assert_msg(strcmp(s, string_cases[_i].want) == 0,
	    "\"$(%s)\": want [%s] got [%s]", string_cases[_i].v,
	    string_cases[_i].want, s);
	free(s);
	psobj_value_free(&v);
}
END_TEST

/* ---- casts ------------------------------------------------------------ */

struct cast_case {
	const char *type;
	const char *v;
	const char *want;
};

#define INT32_FORMAT(v)	"error:InvalidCastFromStringToInteger:Cannot convert " \
	"value \"" v "\" to type \"System.Int32\". Error: \"Input string was " \
	"not in a correct format.\""

static const struct cast_case cast_cases[] = {
	/* [int]: banker's rounding from Double, the type's converter for strings */
	{ "int", "2.5", "int:2" },
	{ "int", "3.5", "int:4" },
	{ "int", "-2.5", "int:-2" },
	{ "int", "-3.5", "int:-4" },
	{ "int", "2.4999", "int:2" },
	{ "int", "'0x10'", "int:16" },
	{ "int", "' 42 '", "int:42" },
	{ "int", "''", "int:0" },
	{ "int", "$null", "int:0" },
	{ "int", "'abc'", INT32_FORMAT("abc") },
	{ "int", "' '", INT32_FORMAT(" ") },
	{ "int", "'2.5'", "int:2" },
	{ "int", "'3.5'", "int:4" },
	{ "int", "'1e3'", "int:1000" },
	{ "int", "'1,000'", "int:1000" },
	{ "int", "'-5'", "int:-5" },
	{ "int", "'+5'", "int:5" },
	{ "int", "'0xFFFFFFFF'", "int:-1" },
	{ "int", "'1kb'", INT32_FORMAT("1kb") },
	{ "int", "'99999999999'",
	    "error:InvalidCastFromStringToInteger:Cannot convert value "
	    "\"99999999999\" to type \"System.Int32\". Error: \"Value was either "
	    "too large or too small for an Int32.\"" },
	{ "int", "1e10",
	    "error:InvalidCastIConvertible:Cannot convert value \"10000000000\" "
	    "to type \"System.Int32\". Error: \"Value was either too large or "
	    "too small for an Int32.\"" },
	{ "int", "$true", "int:1" },
	{ "int", "$false", "int:0" },
	{ "int", "5L", "int:5" },
	{ "int", "2.5D", "int:2" },
	{ "int", "c'A'", "int:65" },
	{ "double", "c'A'", "double:65" },
	{ "int", "@(1)",
	    "error:ConvertToFinalInvalidCastException:Cannot convert the "
	    "\"System.Object[]\" value of type \"System.Object[]\" to type "
	    "\"System.Int32\"." },
	{ "int", "@{a=1}",
	    "error:ConvertToFinalInvalidCastException:Cannot convert the "
	    "\"System.Collections.Hashtable\" value of type "
	    "\"System.Collections.Hashtable\" to type \"System.Int32\"." },
	{ "int", "[datetime]'2026-12-01'",
	    "error:InvalidCastIConvertible:Cannot convert value \"12/01/2026 "
	    "00:00:00\" to type \"System.Int32\". Error: \"Invalid cast from "
	    "'DateTime' to 'Int32'.\"" },
	{ "System.Int32", "'5'", "int:5" },
	{ "Int32", "'5'", "int:5" },
	{ "INT", "'5'", "int:5" },
	/* the other integers */
	{ "long", "'5'", "long:5" },
	{ "long", "2.5", "long:2" },
	{ "long", "'9223372036854775807'", "long:9223372036854775807" },
	{ "long", "1e19",
	    "error:InvalidCastIConvertible:Cannot convert value \"1E+19\" to "
	    "type \"System.Int64\". Error: \"Value was either too large or too "
	    "small for an Int64.\"" },
	{ "byte", "255", "byte:255" },
	{ "byte", "300",
	    "error:InvalidCastIConvertible:Cannot convert value \"300\" to type "
	    "\"System.Byte\". Error: \"Value was either too large or too small "
	    "for an unsigned byte.\"" },
	{ "byte", "'0xFF'", "byte:255" },
	{ "uint32", "-1",
	    "error:InvalidCastIConvertible:Cannot convert value \"-1\" to type "
	    "\"System.UInt32\". Error: \"Value was either too large or too "
	    "small for a UInt32.\"" },
	{ "uint32", "'4294967295'", "uint32:4294967295" },
	{ "int16", "'-32768'", "int16:-32768" },
	/* [double] [decimal] */
	{ "double", "'1.5'", "double:1.5" },
	{ "double", "'abc'",
	    "error:InvalidCastFromStringToDoubleOrSingle:Cannot convert value "
	    "\"abc\" to type \"System.Double\". Error: \"Input string was not "
	    "in a correct format.\"" },
	{ "double", "''", "double:0" },
	{ "double", "5", "double:5" },
	{ "double", "'1,000.5'", "double:1000.5" },
	{ "double", "'1e3'", "double:1000" },
	{ "double", "' -2.5 '", "double:-2.5" },
	{ "double", "$null", "double:0" },
	{ "double", "$true", "double:1" },
	{ "double", "1.5D", "double:1.5" },
	{ "decimal", "'1.50'", "decimal:1.50" },
	{ "decimal", "1.5", "decimal:1.5" },
	{ "decimal", "0.1", "decimal:0.1" },
	{ "decimal", "0.30000000000000004", "decimal:0.3" },
	{ "decimal", "1e-300", "decimal:0" },
	{ "decimal", "1.5e-28", "decimal:0.0000000000000000000000000002" },
	{ "decimal", "5", "decimal:5" },
	{ "decimal", "'1e3'", "decimal:1000" },
	{ "decimal", "'1,234.5'", "decimal:1234.5" },
	/* under Decimal's last place: 0 (fuzz_script found 10^39 overflowing) */
	{ "decimal", "9e-53", "decimal:0" },
	{ "decimal", "'abc'",
	    "error:InvalidCastFromStringToDecimal:Cannot convert value \"abc\" "
	    "to type \"System.Decimal\". Error: \"Input string was not in a "
	    "correct format.\"" },
	{ "decimal", "1e30",
	    "error:InvalidCastIConvertible:Cannot convert value \"1E+30\" to "
	    "type \"System.Decimal\". Error: \"Value was either too large or too "
	    "small for a Decimal.\"" },
	/* [string] [char] [bool] */
	{ "string", "5", "string:5" },
	{ "string", "$null", "string:" },
	{ "string", "@(1, 2)", "string:1 2" },
	{ "string", "1.5", "string:1.5" },
	{ "string", "$true", "string:True" },
	{ "string", "[datetime]'2026-12-01 10:00:00'",
	    "string:12/01/2026 10:00:00" },
	{ "char", "'a'", "char:a" },
	{ "char", "65", "char:A" },
	{ "char", "'ab'",
	    "error:InvalidCastIConvertible:Cannot convert value \"ab\" to type "
	    "\"System.Char\". Error: \"String must be exactly one character "
	    "long.\"" },
	{ "bool", "'False'", "bool:True" },
	{ "bool", "'false'", "bool:True" },
	{ "bool", "0", "bool:False" },
	{ "bool", "1", "bool:True" },
	{ "bool", "-1", "bool:True" },
	{ "bool", "''", "bool:False" },
	{ "bool", "$null", "bool:False" },
	{ "bool", "@()", "bool:False" },
	{ "bool", "@(0)", "bool:False" },
	{ "bool", "'0'", "bool:True" },
	{ "bool", "0.0", "bool:False" },
	{ "boolean", "'x'", "bool:True" },
	/* [datetime]: invariant-culture parsing, as casts do */
	{ "datetime", "'2026-12-01 10:00:00'", "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'12/1/2026 10:00 AM'", "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'12/1/2026 10:00 PM'", "datetime:12/01/2026 22:00:00" },
	{ "datetime", "'12/1/2026 12:30 AM'", "datetime:12/01/2026 00:30:00" },
	{ "datetime", "'12/01/2026'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'2026-12-01'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'2026/12/01'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'December 1, 2026'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'Dec 1 2026 10:00'", "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'1 December 2026'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'Tuesday, December 1, 2026 10:00:00 AM'",
	    "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'2026-12-01T10:00:00'", "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'2026-12-01T10:00:00.1234567'",
	    "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'2026-12-01T15:00:00Z'", "datetime:12/01/2026 10:00:00" },
	{ "datetime", "'2026-12-01T10:00:00+01:00'",
	    "datetime:12/01/2026 04:00:00" },
	{ "datetime", "'2026-07-01T12:00:00Z'", "datetime:07/01/2026 08:00:00" },
	{ "datetime", "'12/1/26'", "datetime:12/01/2026 00:00:00" },
	{ "datetime", "'12/1/30'", "datetime:12/01/1930 00:00:00" },
	{ "datetime", "'2024-02-29'", "datetime:02/29/2024 00:00:00" },
	{ "datetime", "'garbage'",
	    "error:InvalidCastParseTargetInvocationWithFormatProvider:Cannot "
	    "convert value \"garbage\" to type \"System.DateTime\". Error: "
	    "\"String was not recognized as a valid DateTime.\"" },
	{ "datetime", "'2026-02-30'",
	    "error:InvalidCastParseTargetInvocationWithFormatProvider:Cannot "
	    "convert value \"2026-02-30\" to type \"System.DateTime\". Error: "
	    "\"String was not recognized as a valid DateTime.\"" },
	{ "datetime", "'13/01/2026'",
	    "error:InvalidCastParseTargetInvocationWithFormatProvider:Cannot "
	    "convert value \"13/01/2026\" to type \"System.DateTime\". Error: "
	    "\"String was not recognized as a valid DateTime.\"" },
	{ "datetime", "'25:00'",
	    "error:InvalidCastParseTargetInvocationWithFormatProvider:Cannot "
	    "convert value \"25:00\" to type \"System.DateTime\". Error: "
	    "\"String was not recognized as a valid DateTime.\"" },
	{ "datetime", "$null",
	    "error:InvalidCastFromNull:Cannot convert null to type "
	    "\"System.DateTime\"." },
	{ "datetime", "5",
	    "error:InvalidCastIConvertible:Cannot convert value \"5\" to type "
	    "\"System.DateTime\". Error: \"Invalid cast from 'Int32' to "
	    "'DateTime'.\"" },
	{ "datetime", "0L", "datetime:01/01/0001 00:00:00" },
	/* arrays */
	{ "array", "5", "@(int:5)" },
	{ "array", "$null", "$null" },
	{ "array", "@(1, 2)", "@(int:1, int:2)" },
	{ "object[]", "'a'", "@(string:a)" },
	{ "array", "@{a=1}", "@(@{a=int:1})" },
	{ "string[]", "@(1, 2)", "String[]@(string:1, string:2)" },
	{ "int[]", "@('1', '2')", "Int32[]@(int:1, int:2)" },
	{ "int[]", "'5'", "Int32[]@(int:5)" },
	{ "System.String[]", "'a'", "String[]@(string:a)" },
	{ "int[]", "@('1', 'a')", INT32_FORMAT("a") },
	/* [pscustomobject] [hashtable] [ordered] */
	{ "pscustomobject", "@{a=1; b='x'}", "[pscustomobject]@{a=int:1; b=string:x}" },
	{ "pscustomobject", "@{z=1; a=2; m=3}",
	    "[pscustomobject]@{z=int:1; a=int:2; m=int:3}" },
	{ "pscustomobject", "@{PSTypeName='Tnc.Check'; a=1}",
	    "[pscustomobject]@{a=int:1}" },
	{ "PSCustomObject", "@{}", "[pscustomobject]@{}" },
	{ "pscustomobject", "5", "int:5" },
	{ "System.Management.Automation.PSCustomObject", "@{a=1}",
	    "[pscustomobject]@{a=int:1}" },
	{ "hashtable", "@{a=1}", "@{a=int:1}" },
	{ "hashtable", "[ordered]@{b=1; a=2}", "@{b=int:1; a=int:2}" },
	{ "hashtable", "$null", "$null" },
	{ "hashtable", "5",
	    "error:ConvertToFinalInvalidCastException:Cannot convert the \"5\" "
	    "value of type \"System.Int32\" to type "
	    "\"System.Collections.Hashtable\"." },
	{ "ordered", "@{b=1; a=2}", "[ordered]@{b=int:1; a=int:2}" },
	{ "ordered", "5",
	    "error:OrderedAttributeOnlyOnHashLiteralNode:The ordered attribute "
	    "can be specified only on a hash literal node." },
	{ "object", "5", "int:5" },
	{ "psobject", "'a'", "string:a" },
	/* outside the list */
	{ "foo", "1", "error:NotSupportedByTnc:The type [foo] is not supported "
	    "by tnc." },
	{ "System.IO.File", "1", "error:NotSupportedByTnc:The type "
	    "[System.IO.File] is not supported by tnc." },
	{ "xml", "'<a/>'", "error:NotSupportedByTnc:The type [xml] is not "
	    "supported by tnc." },
};

START_TEST(test_cast)
{
	const struct cast_case *t = &cast_cases[_i];
	struct psobj_value v = V(t->v), out;
	struct ps_op_error e = { 0 };
	char what[256];

	snprintf(what, sizeof(what), "[%s]%s", t->type, t->v);
	expect(what, ps_convert(&v, t->type, &out, &e), &out, &e, t->want);
	psobj_value_free(&v);
}
END_TEST

/* ---- members and indexes ---------------------------------------------- */

struct member_case {
	const char *v;
	const char *name;
	const char *want;
	bool found;
};

#define DEC1	"[datetime]'2026-12-01 10:20:30.25'"

static const struct member_case member_cases[] = {
	{ "'abc'", "Length", "int:3", true },
	{ "'abc'", "length", "int:3", true },
	{ "'h\xc3\xa9llo'", "Length", "int:5", true },
	{ "'\xf0\x9f\x98\x80'", "Length", "int:2", true },
	{ "'abc'", "Count", "int:1", true },
	{ "@(1, 2, 3)", "Count", "int:3", true },
	{ "@(1, 2, 3)", "Length", "int:3", true },
	{ "@()", "Count", "int:0", true },
	{ "$null", "Count", "int:0", true },
	{ "$null", "Length", "int:0", true },
	{ "$null", "Name", "$null", false },
	{ "5", "Count", "int:1", true },
	{ "5", "Foo", "$null", false },
	{ "@{a=1; b=2}", "Count", "int:2", true },
	{ "@{a=1}", "a", "int:1", true },
	{ "@{a=1}", "A", "int:1", true },
	{ "@{a=1}", "b", "$null", false },
	{ "@{a=1; b=2}", "Keys", "@(string:a, string:b)", true },
	{ "@{a=1; b=2}", "Values", "@(int:1, int:2)", true },
	{ "@{Count=5}", "Count", "int:5", true },
	{ "@{a=$null}", "a", "$null", true },
	{ "[pscustomobject]@{a=1}", "a", "int:1", true },
	{ "[pscustomobject]@{a=1}", "b", "$null", false },
	{ "[pscustomobject]@{TcpTestSucceeded=$true}", "tcptestsucceeded",
	    "bool:True", true },
	{ "[pscustomobject]@{a=1}", "Count", "int:1", true },
	/* member enumeration */
	{ "@([pscustomobject]@{a=1}, [pscustomobject]@{a=2})", "a",
	    "@(int:1, int:2)", true },
	{ "@([pscustomobject]@{a=1})", "a", "int:1", true },
	{ "@(@{a=@(1, 2)}, @{a=3})", "a", "@(int:1, int:2, int:3)", true },
	{ "@([pscustomobject]@{a=$null}, [pscustomobject]@{a=1})", "a",
	    "int:1", true },
	{ "@([pscustomobject]@{a=1}, 5)", "b", "$null", false },
	{ "@('ab', 'c')", "Length", "int:2", true },
	{ "@(@{RemoteAddress='10.0.0.4'}, $null, @{RemoteAddress='10.0.0.5'})",
	    "RemoteAddress", "@(string:10.0.0.4, string:10.0.0.5)", true },
	/* DateTime */
	{ DEC1, "Year", "int:2026", true },
	{ DEC1, "Month", "int:12", true },
	{ DEC1, "Day", "int:1", true },
	{ DEC1, "Hour", "int:10", true },
	{ DEC1, "Minute", "int:20", true },
	{ DEC1, "Second", "int:30", true },
	{ DEC1, "Millisecond", "int:250", true },
	{ DEC1, "DayOfWeek", "System.DayOfWeek:Tuesday", true },
	{ DEC1, "DayOfYear", "int:335", true },
	{ DEC1, "Date", "datetime:12/01/2026 00:00:00", true },
	{ DEC1, "Kind", "System.DateTimeKind:Unspecified", true },
	{ DEC1, "Ticks", "long:639317172302500000", true },
	{ DEC1, "TimeOfDay", "System.TimeSpan:10:20:30.2500000", true },
	{ DEC1, "DateTime", "string:Tuesday, December 1, 2026 10:20:30 AM",
	    true },
	{ "[datetime]'2026-12-01T10:00:00Z'", "Kind",
	    "System.DateTimeKind:Local", true },
	{ "[datetime]'2024-12-31'", "DayOfYear", "int:366", true },
	{ "[datetime]'0001-01-01'", "DayOfWeek", "System.DayOfWeek:Monday", true },
};

START_TEST(test_member)
{
	const struct member_case *t = &member_cases[_i];
	struct psobj_value v = V(t->v), out;
	struct ps_op_error e = { 0 };
	char what[512];
	bool found;

	snprintf(what, sizeof(what), "(%s).%s", t->v, t->name);
	expect(what, ps_member(&v, t->name, &out, &found, &e), &out, &e,
	    t->want);
	ck_assert_msg(found == t->found, "%s: found %d", what, found);
	psobj_value_free(&v);
}
END_TEST

struct index_case {
	const char *v;
	const char *index;
	const char *want;
};

static const struct index_case index_cases[] = {
	{ "@(1, 2, 3)", "0", "int:1" },
	{ "@(1, 2, 3)", "-1", "int:3" },
	{ "@(1, 2, 3)", "-3", "int:1" },
	{ "@(1, 2, 3)", "5", "$null" },
	{ "@(1, 2, 3)", "-4", "$null" },
	{ "@(1, 2, 3)", "@(0, 2)", "@(int:1, int:3)" },
	{ "@(1, 2, 3)", "@(0, 5)", "@(int:1)" },
	{ "@(1, 2, 3)", "@(-1, -2)", "@(int:3, int:2)" },
	{ "@(1, 2, 3)", "'1'", "int:2" },
	{ "@(1, 2, 3)", "1.5", "int:3" },
	{ "@(1, 2, 3)", "'abc'", CAST_ABC },
	{ "@(1, 2, 3)", "$null",
	    "error:NullArrayIndex:Index operation failed; the array index "
	    "evaluated to null." },
	{ "@()", "0", "$null" },
	{ "'abc'", "0", "char:a" },
	{ "'abc'", "-1", "char:c" },
	{ "'abc'", "5", "$null" },
	{ "'abc'", "@(0, 1)", "@(char:a, char:b)" },
	{ "'h\xc3\xa9'", "1", "char:\xc3\xa9" },
	{ "@{a=1}", "'a'", "int:1" },
	{ "@{a=1}", "'A'", "int:1" },
	{ "@{a=1}", "'b'", "$null" },
	{ "@{a=1; b=2}", "@('a', 'b')", "@(int:1, int:2)" },
	{ "@{'1'=1}", "1", "int:1" },
	{ "$null", "0",
	    "error:NullArray:Cannot index into a null array." },
	{ "5", "0", "int:5" },
	{ "5", "-1", "int:5" },
	{ "5", "1", "$null" },
	{ "5", "'x'",
	    "error:CannotIndex:Unable to index into an object of type "
	    "\"System.Int32\"." },
	{ "[pscustomobject]@{a=1}", "0", "[pscustomobject]@{a=int:1}" },
};

START_TEST(test_index)
{
	const struct index_case *t = &index_cases[_i];
	struct psobj_value v = V(t->v), i = V(t->index), out;
	struct ps_op_error e = { 0 };
	char what[512];

	snprintf(what, sizeof(what), "(%s)[%s]", t->v, t->index);
	expect(what, ps_index(&v, &i, &out, &e), &out, &e, t->want);
	psobj_value_free(&v);
	psobj_value_free(&i);
}
END_TEST

/* ---- methods ---------------------------------------------------------- */

struct method_case {
	const char *v;
	const char *name;
	const char *args;	/* an @(...) of the arguments */
	const char *want;
};

#define AOOR	"error:ArgumentOutOfRangeException:Exception calling "
#define DT	"[datetime]'2026-12-01 10:00:00'"

static const struct method_case method_cases[] = {
	/* Trim, TrimStart, TrimEnd */
	{ "' a '", "Trim", "@()", "string:a" },
	{ "'\t a \r\n'", "Trim", "@()", "string:a" },
	{ "'xxaxx'", "Trim", "@('x')", "string:a" },
	{ "'xyaxy'", "Trim", "@('xy')", "string:a" },
	{ "'xyaxy'", "Trim", "@('x', 'y')", "string:a" },
	{ "'  a'", "TrimStart", "@()", "string:a" },
	{ "'a  '", "TrimEnd", "@()", "string:a" },
	{ "'--a--'", "TrimStart", "@('-')", "string:a--" },
	{ "'--a--'", "TrimEnd", "@('-')", "string:--a" },
	{ "'   '", "Trim", "@()", "string:" },
	{ "'5022\r'", "TrimEnd", "@()", "string:5022" },
	/* Split: .NET Framework's Split(params char[]) */
	{ "'a,b,c'", "Split", "@(',')", "String[]@(string:a, string:b, string:c)" },
	{ "'a, b'", "Split", "@(', ')", "String[]@(string:a, string:, string:b)" },
	{ "'a,,b'", "Split", "@(',')", "String[]@(string:a, string:, string:b)" },
	{ "'a b  c'", "Split", "@()",
	    "String[]@(string:a, string:b, string:, string:c)" },
	{ "'a,b,c'", "Split", "@(',', 2)", "String[]@(string:a, string:b,c)" },
	{ "'a,b,c'", "Split", "@(',', 0)", "String[]@()" },
	{ "'a,,b'", "Split", "@(',', 'RemoveEmptyEntries')",
	    "String[]@(string:a, string:b)" },
	{ "'a;b,c'", "Split", "@(@(';', ','))",
	    "String[]@(string:a, string:b, string:c)" },
	{ "'a;b,c'", "Split", "@(';', ',')",
	    "String[]@(string:a, string:b, string:c)" },
	{ "'a::b'", "Split", "@(@('::'), 'None')", "String[]@(string:a, string:b)" },
	{ "'host:1433'", "Split", "@(':')", "String[]@(string:host, string:1433)" },
	{ "''", "Split", "@(',')", "String[]@(string:)" },
	{ "'a,b'", "Split", "@(',', -1)",
	    AOOR "\"Split\" with \"2\" argument(s): \"Count cannot be less than "
	    "zero.\nParameter name: count\"" },
	/* case */
	{ "'AbC'", "ToLower", "@()", "string:abc" },
	{ "'AbC'", "ToUpper", "@()", "string:ABC" },
	{ "'\xc3\x89t\xc3\xa9'", "ToUpper", "@()", "string:\xc3\x89T\xc3\x89" },
	{ "'AbC'", "ToLowerInvariant", "@()", "string:abc" },
	{ "'AbC'", "ToLower", "@(1)",
	    "error:MethodCountCouldNotFindBest:Cannot find an overload for "
	    "\"ToLower\" and the argument count: \"1\"." },
	/* Replace, Contains, StartsWith, EndsWith */
	{ "'abc'", "Replace", "@('b', 'x')", "string:axc" },
	{ "'aXa'", "Replace", "@('x', 'y')", "string:aXa" },
	{ "'a.b.c'", "Replace", "@('.', '')", "string:abc" },
	{ "'aaa'", "Replace", "@('a', $null)", "string:" },
	{ "'abc'", "Replace", "@('', 'x')",
	    "error:ArgumentException:Exception calling \"Replace\" with \"2\" "
	    "argument(s): \"String cannot be of zero length.\nParameter name: "
	    "oldValue\"" },
	{ "'abc'", "Replace", "@($null, 'x')",
	    "error:ArgumentNullException:Exception calling \"Replace\" with "
	    "\"2\" argument(s): \"Value cannot be null.\nParameter name: "
	    "oldValue\"" },
	{ "'abc'", "Contains", "@('b')", "bool:True" },
	{ "'abc'", "Contains", "@('B')", "bool:False" },
	{ "'abc'", "Contains", "@('')", "bool:True" },
	{ "'abc'", "Contains", "@($null)",
	    "error:ArgumentNullException:Exception calling \"Contains\" with "
	    "\"1\" argument(s): \"Value cannot be null.\nParameter name: "
	    "value\"" },
	{ "'abc'", "StartsWith", "@('ab')", "bool:True" },
	{ "'abc'", "StartsWith", "@('AB')", "bool:False" },
	{ "'abc'", "StartsWith", "@('AB', 'OrdinalIgnoreCase')", "bool:True" },
	{ "'abc'", "StartsWith", "@('AB', 'Ordinal')", "bool:False" },
	{ "'abc'", "EndsWith", "@('bc')", "bool:True" },
	{ "'abc'", "EndsWith", "@('abcd')", "bool:False" },
	{ "'abc'", "EndsWith", "@('BC', $true)", "bool:True" },
	{ "'abc'", "StartsWith", "@('')", "bool:True" },
	/* Substring and its errors */
	{ "'abcdef'", "Substring", "@(2)", "string:cdef" },
	{ "'abcdef'", "Substring", "@(1, 3)", "string:bcd" },
	{ "'abc'", "Substring", "@(3)", "string:" },
	{ "'abc'", "substring", "@(1)", "string:bc" },
	{ "'abc'", "Substring", "@('1')", "string:bc" },
	{ "'h\xc3\xa9llo'", "Substring", "@(1, 2)", "string:\xc3\xa9l" },
	{ "'abc'", "Substring", "@(4)",
	    AOOR "\"Substring\" with \"1\" argument(s): \"startIndex cannot be "
	    "larger than length of string.\nParameter name: startIndex\"" },
	{ "'abc'", "Substring", "@(-1)",
	    AOOR "\"Substring\" with \"1\" argument(s): \"StartIndex cannot be "
	    "less than zero.\nParameter name: startIndex\"" },
	{ "'abc'", "Substring", "@(1, 5)",
	    AOOR "\"Substring\" with \"2\" argument(s): \"Index and length must "
	    "refer to a location within the string.\nParameter name: length\"" },
	{ "'abc'", "Substring", "@(1, -1)",
	    AOOR "\"Substring\" with \"2\" argument(s): \"Length cannot be less "
	    "than zero.\nParameter name: length\"" },
	{ "'abc'", "Substring", "@(5, 1)",
	    AOOR "\"Substring\" with \"2\" argument(s): \"startIndex cannot be "
	    "larger than length of string.\nParameter name: startIndex\"" },
	{ "'abc'", "Substring", "@('x')",
	    "error:MethodArgumentConversionInvalidCastArgument:Cannot convert "
	    "argument \"startIndex\", with value: \"x\", for \"Substring\" to "
	    "type \"System.Int32\": \"Cannot convert value \"x\" to type "
	    "\"System.Int32\". Error: \"Input string was not in a correct "
	    "format.\"\"" },
	{ "'abc'", "Substring", "@(1, 2, 3)",
	    "error:MethodCountCouldNotFindBest:Cannot find an overload for "
	    "\"Substring\" and the argument count: \"3\"." },
	{ "'abc'", "Substring", "@()",
	    "error:MethodCountCouldNotFindBest:Cannot find an overload for "
	    "\"Substring\" and the argument count: \"0\"." },
	/* IndexOf, LastIndexOf, PadLeft, PadRight, Insert, Remove */
	{ "'abcabc'", "IndexOf", "@('c')", "int:2" },
	{ "'abcabc'", "IndexOf", "@('x')", "int:-1" },
	{ "'abcabc'", "IndexOf", "@('c', 3)", "int:5" },
	{ "'abcabc'", "IndexOf", "@('')", "int:0" },
	{ "'abc'", "IndexOf", "@('c', 4)",
	    AOOR "\"IndexOf\" with \"2\" argument(s): \"Index was out of range. "
	    "Must be non-negative and less than the size of the collection.\n"
	    "Parameter name: startIndex\"" },
	{ "'h\xc3\xa9llo'", "IndexOf", "@('l')", "int:2" },
	{ "'abcabc'", "LastIndexOf", "@('c')", "int:5" },
	{ "'a'", "PadLeft", "@(3)", "string:  a" },
	{ "'a'", "PadRight", "@(3, '.')", "string:a.." },
	{ "'abcd'", "PadLeft", "@(2)", "string:abcd" },
	{ "'a'", "PadLeft", "@(-1)",
	    AOOR "\"PadLeft\" with \"1\" argument(s): \"Non-negative number "
	    "required.\nParameter name: totalWidth\"" },
	{ "'abc'", "Insert", "@(1, 'x')", "string:axbc" },
	{ "'abc'", "Insert", "@(3, 'x')", "string:abcx" },
	{ "'abc'", "Remove", "@(1)", "string:a" },
	{ "'abc'", "Remove", "@(1, 1)", "string:ac" },
	{ "'abc'", "Remove", "@(3)",
	    AOOR "\"Remove\" with \"1\" argument(s): \"startIndex must be less "
	    "than length of string.\nParameter name: startIndex\"" },
	{ "'ab'", "ToCharArray", "@()", "Char[]@(char:a, char:b)" },
	/* ToString, GetType, Equals on anything */
	{ "5", "ToString", "@()", "string:5" },
	{ "5", "ToString", "@('D3')", "string:005" },
	{ "255", "ToString", "@('X')", "string:FF" },
	{ "255", "ToString", "@('x4')", "string:00ff" },
	{ "1234.5", "ToString", "@('N2')", "string:1,234.50" },
	{ "0.5", "ToString", "@('P')", "string:50.00 %" },
	{ "2.675", "ToString", "@('F2')", "string:2.68" },
	{ "1.5", "ToString", "@('0.00')", "string:1.50" },
	{ "5", "ToString", "@('Z')",
	    "error:FormatException:Exception calling \"ToString\" with \"1\" "
	    "argument(s): \"Format specifier was invalid.\"" },
	{ "1.5", "ToString", "@('D')",
	    "error:FormatException:Exception calling \"ToString\" with \"1\" "
	    "argument(s): \"Format specifier was invalid.\"" },
	{ "$true", "ToString", "@()", "string:True" },
	{ "@(1, 2)", "ToString", "@()", "string:System.Object[]" },
	{ "@{}", "ToString", "@()", "string:System.Collections.Hashtable" },
	{ "[pscustomobject]@{a=1}", "ToString", "@()", "string:" },
	{ "'x'", "ToString", "@()", "string:x" },
	{ DT, "ToString", "@()", "string:12/1/2026 10:00:00 AM" },
	{ DT, "ToString", "@('yyyy-MM-dd HH:mm:ss')",
	    "string:2026-12-01 10:00:00" },
	{ "'x'", "GetType", "@()", "System.RuntimeType:System.String" },
	{ "5", "GetType", "@()", "System.RuntimeType:System.Int32" },
	{ "@(1)", "GetType", "@()", "System.RuntimeType:System.Object[]" },
	{ "5", "Equals", "@(5)", "bool:True" },
	{ "5", "Equals", "@('5')", "bool:False" },
	{ "5", "Equals", "@(5L)", "bool:False" },
	{ "'a'", "Equals", "@('A')", "bool:False" },
	/* errors */
	{ "$null", "Trim", "@()",
	    "error:InvokeMethodOnNull:You cannot call a method on a "
	    "null-valued expression." },
	{ "'abc'", "Foo", "@()",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.String] does not contain a method named 'Foo'." },
	{ "5", "Trim", "@()",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Int32] does not contain a method named 'Trim'." },
	{ "'abc'", "Normalize", "@()",
	    "error:NotSupportedByTnc:The method [System.String].Normalize() is "
	    "not supported by tnc." },
	{ "@(1, 2)", "ForEach", "@({$_})",
	    "error:NotSupportedByTnc:The method [System.Object[]].ForEach() is "
	    "not supported by tnc." },
	/* arrays: Contains, IndexOf, and every item's method */
	{ "@('a', 'b')", "ToUpper", "@()", "@(string:A, string:B)" },
	{ "@(' a', 'b ')", "Trim", "@()", "@(string:a, string:b)" },
	{ "@('a')", "ToUpper", "@()", "string:A" },
	{ "@(1, 2)", "Contains", "@(2)", "bool:True" },
	{ "@(1, 2)", "Contains", "@('2')", "bool:False" },
	{ "@(1, 2)", "IndexOf", "@(2)", "int:1" },
	{ "@(1, 2)", "IndexOf", "@(3)", "int:-1" },
	{ "@('a', 1)", "ToUpper", "@()",
	    "error:MethodNotFound:Method invocation failed because "
	    "[System.Int32] does not contain a method named 'ToUpper'." },
	/* hashtables */
	{ "@{a=1}", "ContainsKey", "@('A')", "bool:True" },
	{ "@{a=1}", "ContainsKey", "@('b')", "bool:False" },
	{ "@{a=1}", "Contains", "@('a')", "bool:True" },
	{ "@{a=1}", "ContainsValue", "@(1)", "bool:True" },
	{ "@{a=1}", "ContainsKey", "@($null)",
	    "error:ArgumentNullException:Exception calling \"ContainsKey\" with "
	    "\"1\" argument(s): \"Key cannot be null.\nParameter name: key\"" },
	/* DateTime */
	{ DT, "AddDays", "@(1)", "datetime:12/02/2026 10:00:00" },
	{ DT, "AddDays", "@(-1.5)", "datetime:11/29/2026 22:00:00" },
	{ DT, "AddHours", "@(-1)", "datetime:12/01/2026 09:00:00" },
	{ DT, "AddMinutes", "@(90)", "datetime:12/01/2026 11:30:00" },
	{ DT, "AddSeconds", "@(59)", "datetime:12/01/2026 10:00:59" },
	{ DT, "AddSeconds", "@('30')", "datetime:12/01/2026 10:00:30" },
	{ DT, "AddMilliseconds", "@(1000)", "datetime:12/01/2026 10:00:01" },
	{ DT, "AddTicks", "@(10000000)", "datetime:12/01/2026 10:00:01" },
	{ DT, "AddMonths", "@(1)", "datetime:01/01/2027 10:00:00" },
	{ "[datetime]'2026-01-31'", "AddMonths", "@(1)",
	    "datetime:02/28/2026 00:00:00" },
	{ "[datetime]'2024-02-29'", "AddYears", "@(1)",
	    "datetime:02/28/2025 00:00:00" },
	{ DT, "AddDays", "@(3000000)",
	    AOOR "\"AddDays\" with \"1\" argument(s): \"The added or subtracted "
	    "value results in an un-representable DateTime.\nParameter name: "
	    "value\"" },
	{ DT, "AddDays", "@('x')",
	    "error:MethodArgumentConversionInvalidCastArgument:Cannot convert "
	    "argument \"value\", with value: \"x\", for \"AddDays\" to type "
	    "\"System.Double\": \"Cannot convert value \"x\" to type "
	    "\"System.Double\". Error: \"Input string was not in a correct "
	    "format.\"\"" },
	{ DT, "ToShortDateString", "@()", "string:12/1/2026" },
	{ DT, "ToLongDateString", "@()", "string:Tuesday, December 1, 2026" },
	{ DT, "ToShortTimeString", "@()", "string:10:00 AM" },
	{ DT, "ToLongTimeString", "@()", "string:10:00:00 AM" },
	{ DT, "ToUniversalTime", "@()", "datetime:12/01/2026 15:00:00" },
	{ "[datetime]'2026-07-01 10:00:00'", "ToUniversalTime", "@()",
	    "datetime:07/01/2026 14:00:00" },
	{ DT, "Subtract", "@([datetime]'2026-12-01 09:00:00')",
	    "System.TimeSpan:01:00:00" },
	{ DT, "ToFileTime", "@()",
	    "error:NotSupportedByTnc:The method [System.DateTime].ToFileTime() "
	    "is not supported by tnc." },
};

START_TEST(test_method)
{
	const struct method_case *t = &method_cases[_i];
	struct psobj_value v = V(t->v), a = V(t->args), out;
	struct ps_op_error e = { 0 };
	char what[512];

	snprintf(what, sizeof(what), "(%s).%s%s", t->v, t->name, t->args + 1);
	expect(what, ps_method(&v, t->name, a.items, a.nitems, &out, &e), &out,
	    &e, t->want);
	psobj_value_free(&v);
	psobj_value_free(&a);
}
END_TEST

/* ---- -f and format strings -------------------------------------------- */

struct format_case {
	const char *fmt;
	const char *args;
	const char *want;
};

#define FORMAT_BAD	"error:FormatError:Error formatting a string: Input " \
	"string was not in a correct format.."

/* .NET's composite formatting and its standard and custom numeric formats */
static const struct format_case format_cases[] = {
	{ "'{0}'", "5", "string:5" },
	{ "'{0,-10}|'", "'abc'", "string:abc       |" },
	{ "'{0,10}|'", "'abc'", "string:       abc|" },
	{ "'{0, 5}|{1,-5}|'", "@(1, 2)", "string:    1|2    |" },
	{ "'{0,2}'", "'abcd'", "string:abcd" },
	{ "'{0:N2}'", "1234.567", "string:1,234.57" },
	{ "'{0:N2}'", "1234", "string:1,234.00" },
	{ "'{0:N0}'", "1234.5", "string:1,235" },
	{ "'{0:N0}'", "2.5", "string:3" },
	{ "'{0:N}'", "-1234.5", "string:-1,234.50" },
	{ "'{0:N2}'", "1.005", "string:1.01" },
	{ "'{0:N2}'", "1.005D", "string:1.01" },
	{ "'{0:N2}'", "-0.001", "string:0.00" },
	{ "'{0:N3}'", "1234567.891", "string:1,234,567.891" },
	{ "'{0:D3}'", "5", "string:005" },
	{ "'{0:D}'", "-42", "string:-42" },
	{ "'{0:D5}'", "-42", "string:-00042" },
	{ "'{0:D}'", "1.5",
	    "error:FormatError:Error formatting a string: Format specifier was "
	    "invalid.." },
	{ "'{0:X}'", "255", "string:FF" },
	{ "'{0:x4}'", "255", "string:00ff" },
	{ "'{0:X8}'", "-1", "string:FFFFFFFF" },
	{ "'{0:X}'", "-1L", "string:FFFFFFFFFFFFFFFF" },
	{ "'{0:X2}'", "[byte]10", "string:0A" },
	{ "'{0:P}'", "0.25", "string:25.00 %" },
	{ "'{0:P0}'", "0.255", "string:26 %" },
	{ "'{0:P1}'", "-0.5", "string:-50.0 %" },
	{ "'{0:F1}'", "0.05", "string:0.1" },
	{ "'{0:F}'", "5", "string:5.00" },
	{ "'{0:F0}'", "0.5", "string:1" },
	{ "'{0:F3}'", "1.0005", "string:1.001" },
	{ "'{0:F20}'", "0.1", "string:0.10000000000000000000" },
	{ "'{0:E2}'", "1234.5", "string:1.23E+003" },
	{ "'{0:e}'", "1234.5", "string:1.234500e+003" },
	{ "'{0:E}'", "0", "string:0.000000E+000" },
	{ "'{0:E1}'", "-0.00012", "string:-1.2E-004" },
	{ "'{0:G}'", "0.1", "string:0.1" },
	{ "'{0:G}'", "1e20", "string:1E+20" },
	{ "'{0:G3}'", "1234.5", "string:1.23E+03" },
	{ "'{0:g3}'", "0.00012345", "string:0.000123" },
	{ "'{0:G2}'", "12345", "string:1.2E+04" },
	{ "'{0:G}'", "12345", "string:12345" },
	{ "'{0:C}'", "1234.5", "string:$1,234.50" },
	{ "'{0:C}'", "-5", "string:($5.00)" },
	{ "'{0:C0}'", "1234.5", "string:$1,235" },
	{ "'{0:R}'", "0.1", "string:0.1" },
	{ "'{0:R}'", "0.30000000000000004", "string:0.30000000000000004" },
	{ "'{0:R}'", "5",
	    "error:FormatError:Error formatting a string: Format specifier was "
	    "invalid.." },
	{ "'{0:Q}'", "5",
	    "error:FormatError:Error formatting a string: Format specifier was "
	    "invalid.." },
	/* custom numeric formats */
	{ "'{0:0.00}'", "3.14159", "string:3.14" },
	{ "'{0:0.00}'", "2", "string:2.00" },
	{ "'{0:#,##0}'", "1234567", "string:1,234,567" },
	{ "'{0:#,##0.0}'", "-1234.56", "string:-1,234.6" },
	{ "'{0:00}'", "5", "string:05" },
	{ "'{0:000}'", "1234", "string:1234" },
	{ "'{0:0.0}'", "0.25", "string:0.3" },
	{ "'{0:0.0}'", "0.35", "string:0.4" },
	{ "'{0:0.##}'", "1.5", "string:1.5" },
	{ "'{0:0.##}'", "1", "string:1" },
	{ "'{0:0.##}'", "1.005", "string:1.01" },
	{ "'{0:#.##}'", "0.5", "string:.5" },
	{ "'{0:#}'", "0", "string:" },
	{ "'{0:0%}'", "0.5", "string:50%" },
	{ "'{0:0.0%}'", "0.1234", "string:12.3%" },
	{ "'{0:#,#}'", "1234567.8", "string:1,234,568" },
	{ "'{0:#,##0,,}'", "1234567890", "string:1,235" },
	{ "'{0:0.000E+00}'", "12345", "string:1.235E+04" },
	{ "'{0:0.0e0}'", "12345", "string:1.2e4" },
	{ "'{0:0;(0);zero}'", "-5", "string:(5)" },
	{ "'{0:0;(0);zero}'", "0", "string:zero" },
	{ "'{0:0;(0);zero}'", "5", "string:5" },
	{ "'{0:0.0;-0.0;zero}'", "0.01", "string:zero" },
	{ "'{0:''#''0}'", "5", "string:#5" },
	{ "'{0:\\#0}'", "5", "string:#5" },
	{ "'{0:0 ms}'", "12.6", "string:13 ms" },
	{ "'{0:00.00}'", "-1.5", "string:-01.50" },
	/* composite formatting itself */
	{ "'{{0}}'", "5", "string:{0}" },
	{ "'{{{0}}}'", "5", "string:{5}" },
	{ "'{0} {1}'", "@('a', 'b')", "string:a b" },
	{ "'{1}{0}'", "@('a', 'b')", "string:ba" },
	{ "'{0}{0}'", "'x'", "string:xx" },
	{ "'no items'", "@()", "string:no items" },
	{ "'{1}'", "5",
	    "error:FormatError:Error formatting a string: Index (zero based) "
	    "must be greater than or equal to zero and less than the size of "
	    "the argument list.." },
	{ "'{0}'", "@()",
	    "error:FormatError:Error formatting a string: Index (zero based) "
	    "must be greater than or equal to zero and less than the size of "
	    "the argument list.." },
	{ "'{'", "5", FORMAT_BAD },
	{ "'}'", "5", FORMAT_BAD },
	{ "'{0'", "5", FORMAT_BAD },
	{ "'{a}'", "5", FORMAT_BAD },
	{ "'{0,x}'", "5", FORMAT_BAD },
	{ "'{ 0}'", "5", FORMAT_BAD },
	{ "'{0 }'", "5", "string:5" },
	{ "'{0}'", "$null", "string:" },
	{ "'{0}|{1}'", "@($null, 1)", "string:|1" },
	{ "'{0}'", "$true", "string:True" },
	{ "'{0}'", "@(@(1, 2))", "string:System.Object[]" },
	{ "'{0}'", "@{a=1}", "string:System.Collections.Hashtable" },
	{ "'{0}'", "[pscustomobject]@{a=1}", "string:@{a=1}" },
	{ "'{0}'", "1.5D", "string:1.5" },
	{ "'{0}'", "0.1", "string:0.1" },
	{ "'{0,5:N1}'", "3.14159", "string:  3.1" },
	{ "'{0,-8:P0}|'", "0.5", "string:50 %    |" },
	{ "'{0:N2} ms'", "12.345", "string:12.35 ms" },
	{ "'{0:}'", "5", "string:5" },
	/* dates through -f: en-US */
	{ "'{0}'", DT, "string:12/1/2026 10:00:00 AM" },
	{ "'{0:yyyy-MM-dd}'", DT, "string:2026-12-01" },
	{ "'{0:hh:mm tt}'", "[datetime]'2026-12-01 14:05:00'",
	    "string:02:05 PM" },
	{ "'{0:d}'", DT, "string:12/1/2026" },
	{ "'{0:s}'", DT, "string:2026-12-01T10:00:00" },
	{ "'{0:yyyy-MM-dd HH:mm:ss}'", DT, "string:2026-12-01 10:00:00" },
	{ "'{0:x}'", DT,
	    "error:FormatError:Error formatting a string: Input string was not "
	    "in a correct format.." },
	{ "'{0:''abc}'", DT, FORMAT_BAD },
};

START_TEST(test_format)
{
	const struct format_case *t = &format_cases[_i];
	struct psobj_value f = V(t->fmt), a = V(t->args), out;
	struct ps_op_error e = { 0 };
	char what[512];

	snprintf(what, sizeof(what), "%s -f %s", t->fmt, t->args);
	expect(what, ps_format(&f, &a, &out, &e), &out, &e, t->want);
	psobj_value_free(&f);
	psobj_value_free(&a);
}
END_TEST

/* ---- DateTime formats (en-US) ----------------------------------------- */

struct date_case {
	enum ps_dt_kind kind;
	const char *when;	/* yyyy-MM-dd HH:mm:ss.fffffff */
	const char *fmt;
	const char *want;	/* NULL: a bad format */
};

#define W	"2026-12-01 14:05:09.1234567"
#define U	PS_DT_UNSPECIFIED
#define L	PS_DT_LOCAL
#define Z	PS_DT_UTC

static const struct date_case date_cases[] = {
	/* custom specifiers */
	{ U, W, "yyyy", "2026" }, { U, W, "yy", "26" }, { U, W, "%y", "26" },
	{ U, W, "yyyyy", "02026" }, { U, W, "MM", "12" }, { U, W, "%M", "12" },
	{ U, W, "MMM", "Dec" }, { U, W, "MMMM", "December" },
	{ U, W, "dd", "01" }, { U, W, "%d", "1" }, { U, W, "ddd", "Tue" },
	{ U, W, "dddd", "Tuesday" }, { U, W, "HH", "14" }, { U, W, "%H", "14" },
	{ U, W, "hh", "02" }, { U, W, "%h", "2" }, { U, W, "h:mm", "2:05" },
	{ U, W, "mm", "05" }, { U, W, "ss", "09" }, { U, W, "fff", "123" },
	{ U, W, "fffffff", "1234567" }, { U, W, "FFF", "123" },
	{ U, W, "%f", "1" }, { U, W, "tt", "PM" }, { U, W, "%t", "P" },
	{ U, W, "HH:mm:ss.fff", "14:05:09.123" },
	{ U, W, "yyyy-MM-ddTHH:mm:ss", "2026-12-01T14:05:09" },
	{ U, W, "dd/MM/yyyy", "01/12/2026" },
	{ U, W, "'Day' d", "Day 1" }, { U, W, "\"at\" HH", "at 14" },
	{ U, W, "yyyyMMdd", "20261201" }, { U, W, "MMM d, yyyy", "Dec 1, 2026" },
	{ U, W, "\\d\\d d", "dd 1" }, { U, W, "gg", "A.D." },
	{ U, "2026-12-01 14:05:09", "HH:mm:ss.FFF", "14:05:09" },
	{ U, "2026-12-01 14:05:09.5", "ss.FFFFFFF", "09.5" },
	{ U, "2026-12-01 00:05:00", "h tt", "12 AM" },
	{ U, "2026-12-01 12:05:00", "h tt", "12 PM" },
	{ U, "0009-01-05 00:00:00", "yyyy yy y", "0009 09 9" },
	/* zones: the machine's (US Eastern here) */
	{ U, W, "zzz", "-05:00" }, { U, W, "zz", "-05" }, { U, W, "%z", "-5" },
	{ U, W, "%K", "" }, { L, W, "%K", "-05:00" }, { Z, W, "%K", "Z" },
	{ Z, W, "zzz", "-05:00" },
	{ L, "2026-07-01 12:00:00", "zzz", "-04:00" },
	/* standard formats */
	{ U, W, "d", "12/1/2026" },
	{ U, W, "D", "Tuesday, December 1, 2026" },
	{ U, W, "f", "Tuesday, December 1, 2026 2:05 PM" },
	{ U, W, "F", "Tuesday, December 1, 2026 2:05:09 PM" },
	{ U, W, "g", "12/1/2026 2:05 PM" },
	{ U, W, "G", "12/1/2026 2:05:09 PM" },
	{ U, W, "", "12/1/2026 2:05:09 PM" },
	{ U, W, "M", "December 1" }, { U, W, "m", "December 1" },
	{ U, W, "o", "2026-12-01T14:05:09.1234567" },
	{ L, W, "o", "2026-12-01T14:05:09.1234567-05:00" },
	{ Z, W, "O", "2026-12-01T14:05:09.1234567Z" },
	{ U, W, "r", "Tue, 01 Dec 2026 14:05:09 GMT" },
	{ U, W, "s", "2026-12-01T14:05:09" },
	{ U, W, "t", "2:05 PM" }, { U, W, "T", "2:05:09 PM" },
	{ U, W, "u", "2026-12-01 14:05:09Z" },
	{ U, W, "U", "Tuesday, December 1, 2026 7:05:09 PM" },
	{ Z, W, "U", "Tuesday, December 1, 2026 2:05:09 PM" },
	{ U, W, "y", "December 2026" }, { U, W, "Y", "December 2026" },
	/* bad formats */
	{ U, W, "x", NULL }, { U, W, "'abc", NULL }, { U, W, "ffffffff", NULL },
	{ U, W, "\\", NULL },
};

START_TEST(test_datetime_format)
{
	const struct date_case *t = &date_cases[_i];
	int y, mo, d, h, mi, s;
	long frac = 0;
	char fr[16] = "", *got;

	ck_assert_int_ge(sscanf(t->when, "%d-%d-%d %d:%d:%d.%15s", &y, &mo, &d,
	    &h, &mi, &s, fr), 6);
	for (size_t k = 0; k < 7; k++)
		frac = frac * 10 + (fr[k] >= '0' && fr[k] <= '9' ? fr[k] - '0' : 0);
	got = ps_datetime_text(ps_ticks_of(y, mo, d, h, mi, s, frac), t->kind,
	    t->fmt);
	if (t->want == NULL) {
		ck_assert_msg(got == NULL, "%s: want a bad format, got %s",
		    t->fmt, got);
		return;
	}
	ck_assert_msg(got != NULL && strcmp(got, t->want) == 0,
	    "ToString('%s'): want [%s] got [%s]", t->fmt, t->want, got);
	free(got);
}
END_TEST

/* ---- $Matches ----------------------------------------------------------- */

struct matches_case {
	const char *l, *r;
	enum ps_op op;
	const char *want, *matches;
};

static const struct matches_case matches_cases[] = {
	/* about_Comparison_Operators: named groups, then 0 */
	{ "'The last logged on user was CONTOSO\\jsmith'",
	    "'was (?<domain>.+)\\\\(?<user>.+)'", PS_OP_MATCH, "bool:True",
	    "@{domain=string:CONTOSO; user=string:jsmith; "
	    "0=string:was CONTOSO\\jsmith}" },
	{ "'abc'", "'(a)(b)'", PS_OP_MATCH, "bool:True",
	    "@{2=string:b; 1=string:a; 0=string:ab}" },
	/* .NET numbers unnamed groups before named ones */
	{ "'ab'", "'(?<x>a)(b)'", PS_OP_MATCH, "bool:True",
	    "@{x=string:a; 1=string:b; 0=string:ab}" },
	{ "'a'", "'(a)|(b)'", PS_OP_MATCH, "bool:True",
	    "@{1=string:a; 0=string:a}" },
	{ "'ABC'", "'b'", PS_OP_MATCH, "bool:True", "@{0=string:B}" },
	{ "'abc'", "'x'", PS_OP_MATCH, "bool:False", "$null" },
	{ "'abc'", "'b'", PS_OP_NOTMATCH, "bool:False", "@{0=string:b}" },
	{ "@('abc')", "'b'", PS_OP_MATCH, "@(string:abc)", "$null" },
	{ "'TcpTestSucceeded : True'", "'TcpTestSucceeded\\s*:\\s*(\\w+)'",
	    PS_OP_MATCH, "bool:True",
	    "@{1=string:True; 0=string:TcpTestSucceeded : True}" },
	{ "5022", "'^50'", PS_OP_MATCH, "bool:True", "@{0=string:50}" },
};

START_TEST(test_matches)
{
	const struct matches_case *t = &matches_cases[_i];
	struct psobj_value l = V(t->l), r = V(t->r), out, m;
	struct ps_op_error e;
	char what[512], *got;

	snprintf(what, sizeof(what), "%s %s %s", t->l, op_names[t->op], t->r);
	ck_assert_int_eq(ps_op_binary(t->op, D, &l, &r, &out, &m, &e), 0);
	got = describe(0, &m, &e);
	ck_assert_msg(strcmp(got, t->matches) == 0, "%s: $Matches\n  want: %s\n"
	    "  got:  %s", what, t->matches, got);
	free(got);
	expect(what, 0, &out, &e, t->want);
	psobj_value_free(&m);
	psobj_value_free(&l);
	psobj_value_free(&r);
}
END_TEST

/* ---- assignment and methods that change their target ------------------ */

static void
expect_value(const char *what, const struct psobj_value *v, const char *want)
{
	struct ps_op_error e = { 0 };
	char *got = describe(0, v, &e);

	ck_assert_msg(strcmp(got, want) == 0, "%s\n  want: %s\n  got:  %s",
	    what, want, got);
	free(got);
}

START_TEST(test_set_member)
{
	struct psobj_value h = V("@{a=1}"), o = V("[pscustomobject]@{a=1}");
	struct psobj_value s = V("'abc'"), n = psobj_null(), two = V("2");
	struct ps_op_error e = { 0 };
	char *text;

	ck_assert_int_eq(ps_set_member(&h, "A", &two, &e), 0);
	ck_assert_int_eq(ps_set_member(&h, "b", &two, &e), 0);
	expect_value("$h.A = 2; $h.b = 2", &h, "@{a=int:2; b=int:2}");
	ck_assert_int_eq(ps_set_member(&o, "a", &two, &e), 0);
	expect_value("$o.a = 2", &o, "[pscustomobject]@{a=int:2}");
	text = ps_to_string(&o);
	ck_assert_str_eq(text, "@{a=2}");
	free(text);
	ck_assert_str_eq(o.to_string, "@{a=2}");
	ck_assert_int_eq(ps_set_member(&o, "b", &two, &e), -1);
	ck_assert_str_eq(e.error_id, "PropertyAssignmentException");
	ck_assert_str_eq(e.message, "The property 'b' cannot be found on this "
	    "object. Verify that the property exists and can be set.");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_set_member(&n, "x", &two, &e), -1);
	ck_assert_str_eq(e.message, "The property 'x' cannot be found on this "
	    "object. Verify that the property exists and can be set.");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_set_member(&s, "Length", &two, &e), -1);
	ck_assert_str_eq(e.message, "'Length' is a ReadOnly property.");
	ps_op_error_free(&e);
	psobj_value_free(&h);
	psobj_value_free(&o);
	psobj_value_free(&s);
}
END_TEST

START_TEST(test_set_index)
{
	struct psobj_value a = V("@(1, 2, 3)"), h = V("@{}"), x = V("'x'");
	struct psobj_value i0 = V("0"), im1 = V("-1"), i5 = V("5");
	struct psobj_value k = V("'Port'"), n = psobj_null(), s = V("'abc'");
	struct ps_op_error e = { 0 };

	ck_assert_int_eq(ps_set_index(&a, &i0, &x, &e), 0);
	ck_assert_int_eq(ps_set_index(&a, &im1, &x, &e), 0);
	expect_value("$a[0] = 'x'; $a[-1] = 'x'", &a,
	    "@(string:x, int:2, string:x)");
	ck_assert_int_eq(ps_set_index(&a, &i5, &x, &e), -1);
	ck_assert_str_eq(e.error_id, "System.IndexOutOfRangeException");
	ck_assert_str_eq(e.category, "OperationStopped");
	ck_assert_str_eq(e.message, "Index was outside the bounds of the array.");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_set_index(&h, &k, &i5, &e), 0);
	ck_assert_int_eq(ps_set_index(&h, &k, &i0, &e), 0);
	expect_value("$h['Port'] = 5; $h['Port'] = 0", &h, "@{Port=int:0}");
	ck_assert_int_eq(ps_set_index(&n, &i0, &x, &e), -1);
	ck_assert_str_eq(e.message, "Cannot index into a null array.");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_set_index(&s, &i0, &x, &e), -1);
	ck_assert_str_eq(e.message, "Unable to index into an object of type "
	    "\"System.String\".");
	ps_op_error_free(&e);
	psobj_value_free(&a);
	psobj_value_free(&h);
	psobj_value_free(&x);
	psobj_value_free(&s);
	psobj_value_free(&k);
	psobj_value_free(&i5);
}
END_TEST

START_TEST(test_method_update)
{
	struct psobj_value h = V("@{a=1}"), args = V("@('b', 2)");
	struct psobj_value dup = V("@('A', 3)"), key = V("@('a')"), out;
	struct ps_op_error e = { 0 };

	ck_assert_int_eq(ps_method_update(&h, "Add", args.items, 2, &out, &e), 0);
	ck_assert_int_eq(out.kind, PSOBJ_NULL);
	expect_value("$h.Add('b', 2)", &h, "@{a=int:1; b=int:2}");
	ck_assert_int_eq(ps_method_update(&h, "add", dup.items, 2, &out, &e), -1);
	ck_assert_str_eq(e.error_id, "ArgumentException");
	ck_assert_str_eq(e.exception, "MethodInvocationException");
	ck_assert_str_eq(e.message, "Exception calling \"Add\" with \"2\" "
	    "argument(s): \"Item has already been added. Key in dictionary: "
	    "'A'  Key being added: 'A'\"");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_method_update(&h, "Remove", key.items, 1, &out,
	    &e), 0);
	expect_value("$h.Remove('a')", &h, "@{b=int:2}");
	ck_assert_int_eq(ps_method_update(&h, "Clear", NULL, 0, &out, &e), 0);
	expect_value("$h.Clear()", &h, "@{}");
	/* anything else is ps_method's */
	ck_assert_int_eq(ps_method_update(&h, "ContainsKey", key.items, 1, &out,
	    &e), 0);
	expect_value("$h.ContainsKey('a')", &out, "bool:False");
	psobj_value_free(&h);
	psobj_value_free(&args);
	psobj_value_free(&dup);
	psobj_value_free(&key);
}
END_TEST

/* ---- DateTime, TimeSpan, types ---------------------------------------- */

START_TEST(test_datetime_now)
{
	struct psobj_value now = ps_datetime_now(false), utc = ps_datetime_now(true);
	long long epoch = 621355968000000000LL;
	time_t t = time(NULL);
	struct tm tm;
	struct psobj_value kind;
	struct ps_op_error e = { 0 };
	bool found;

	localtime_r(&t, &tm);
	/* UtcNow is the clock; Now is UtcNow moved by the zone's offset */
	ck_assert(llabs((utc.i - epoch) / PS_TICKS_PER_SECOND - (long long)t) <= 2);
	ck_assert(llabs(now.i - utc.i - tm.tm_gmtoff * PS_TICKS_PER_SECOND) <
	    3 * PS_TICKS_PER_SECOND);
	ck_assert_int_eq(ps_member(&now, "Kind", &kind, &found, &e), 0);
	ck_assert_str_eq(kind.to_string, "Local");
	psobj_value_free(&kind);
	ck_assert_int_eq(ps_member(&utc, "Kind", &kind, &found, &e), 0);
	ck_assert_str_eq(kind.to_string, "Utc");
	psobj_value_free(&kind);
	/* the contract's helper: Local and Utc as flags */
	char *s = ps_datetime_format(utc.i, true, "%K");
	ck_assert_str_eq(s, "Z");
	free(s);
	s = ps_datetime_format(ps_ticks_of(2026, 12, 1, 0, 0, 0, 0), false,
	    "%K");
	ck_assert_str_eq(s, "-05:00");
	free(s);
	ck_assert_ptr_null(ps_datetime_format(utc.i, true, "K"));
}
END_TEST

START_TEST(test_timespan)
{
	struct psobj_value a = V("[datetime]'2026-12-01 10:00:00'");
	struct psobj_value b = V("[datetime]'2026-12-01 10:01:30.5'");
	struct psobj_value span, sum, m;
	struct ps_op_error e;
	bool found;

	ck_assert_int_eq(ps_op_binary(PS_OP_SUB, D, &b, &a, &span, NULL, &e), 0);
	expect_value("$b - $a", &span, "System.TimeSpan:00:01:30.5000000");
	ck_assert_int_eq(ps_member(&span, "TotalSeconds", &m, &found, &e), 0);
	expect_value(".TotalSeconds", &m, "double:90.5");
	ck_assert_int_eq(ps_member(&span, "TotalMilliseconds", &m, &found, &e), 0);
	expect_value(".TotalMilliseconds", &m, "double:90500");
	ck_assert_int_eq(ps_member(&span, "Seconds", &m, &found, &e), 0);
	expect_value(".Seconds", &m, "int:30");
	ck_assert_int_eq(ps_member(&span, "Minutes", &m, &found, &e), 0);
	expect_value(".Minutes", &m, "int:1");
	ck_assert_int_eq(ps_op_binary(PS_OP_ADD, D, &a, &span, &sum, NULL, &e), 0);
	expect_value("$a + $span", &sum, "datetime:12/01/2026 10:01:30");
	ck_assert_int_eq(ps_op_binary(PS_OP_SUB, D, &b, &span, &sum, NULL, &e), 0);
	expect_value("$b - $span", &sum, "datetime:12/01/2026 10:00:00");
	ck_assert_int_eq(ps_op_binary(PS_OP_GT, D, &b, &a, &sum, NULL, &e), 0);
	expect_value("$b -gt $a", &sum, "bool:True");
	ck_assert_int_eq(ps_op_binary(PS_OP_EQ, D, &a, &a, &sum, NULL, &e), 0);
	expect_value("$a -eq $a", &sum, "bool:True");
	psobj_value_free(&span);
}
END_TEST

START_TEST(test_get_type)
{
	struct psobj_value v = V("@(1)"), t, name;
	struct ps_op_error e = { 0 };
	bool found;

	ck_assert_int_eq(ps_method(&v, "GetType", NULL, 0, &t, &e), 0);
	ck_assert_int_eq(ps_member(&t, "Name", &name, &found, &e), 0);
	expect_value("@(1).GetType().Name", &name, "string:Object[]");
	psobj_value_free(&name);
	ck_assert_int_eq(ps_member(&t, "FullName", &name, &found, &e), 0);
	expect_value("@(1).GetType().FullName", &name, "string:System.Object[]");
	psobj_value_free(&name);
	psobj_value_free(&t);
	psobj_value_free(&v);
	ck_assert(ps_type_known("int"));
	ck_assert(ps_type_known("[System.String]"));
	ck_assert(ps_type_known("string[]"));
	ck_assert(ps_type_known("PSCustomObject"));
	ck_assert(ps_type_known("ordered"));
	ck_assert(!ps_type_known("System.IO.File"));
	ck_assert(!ps_type_known("pscustomobject[]"));
	ck_assert(!ps_type_known("Diagnostics.Process"));
}
END_TEST

/* Operands are borrowed: an operator never changes them. */
START_TEST(test_operands_unchanged)
{
	struct psobj_value l = V("@(3, 1, 2)"), r = V("@(4)"), out;
	struct ps_op_error e;
	static const enum ps_op ops[] = { PS_OP_ADD, PS_OP_EQ, PS_OP_GT,
	    PS_OP_JOIN, PS_OP_MATCH, PS_OP_REPLACE, PS_OP_SPLIT, PS_OP_LIKE,
	    PS_OP_CONTAINS, PS_OP_MUL };

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (ps_op_binary(ops[i], D, &l, &r, &out, NULL, &e) == 0)
			psobj_value_free(&out);
		ps_op_error_free(&e);
		expect_value("left operand", &l, "@(int:3, int:1, int:2)");
		expect_value("right operand", &r, "@(int:4)");
	}
	psobj_value_free(&l);
	psobj_value_free(&r);
}
END_TEST

/* LanguagePrimitives.Compare: what Sort-Object orders by */
static const struct bin_case order_cases[] = {
	{ "$null", PS_OP_LT, D, "$null", "0" },
	{ "$null", PS_OP_LT, D, "1", "-1" },
	{ "$null", PS_OP_LT, D, "-1", "1" },
	{ "$null", PS_OP_LT, D, "0", "-1" },
	{ "$null", PS_OP_LT, D, "'a'", "-1" },
	{ "1", PS_OP_LT, D, "$null", "1" },
	{ "-1", PS_OP_LT, D, "$null", "-1" },
	{ "'a'", PS_OP_LT, D, "$null", "1" },
	{ "2", PS_OP_LT, D, "10", "-1" },
	{ "'2'", PS_OP_LT, D, "'10'", "1" },
	{ "2", PS_OP_LT, D, "'10'", "-1" },
	{ "1.5", PS_OP_LT, D, "2L", "-1" },
	{ "1.50D", PS_OP_LT, D, "1.5", "0" },
	{ "'b'", PS_OP_LT, D, "'A'", "1" },
	{ "'a'", PS_OP_LT, C, "'A'", "-1" },
	{ "'a'", PS_OP_LT, D, "'A'", "0" },
	{ "$false", PS_OP_LT, D, "$true", "-1" },
	{ "[datetime]'2026-01-01'", PS_OP_LT, D, "'2025-12-31'", "1" },
	{ "@{a=1}", PS_OP_LT, D, "@{a=1}",
	    "error:NotIcomparable:Cannot compare \"System.Collections.Hashtable\" "
	    "because it is not IComparable." },
};

START_TEST(test_compare_values)
{
	const struct bin_case *t = &order_cases[_i];
	struct psobj_value a = V(t->l), b = V(t->r);
	struct ps_op_error e;
	char got[512];
	int cmp;

	if (ps_compare_values(&a, &b, t->c != C, &cmp, &e) != 0)
		snprintf(got, sizeof(got), "error:%s:%s", e.error_id, e.message);
	else
		snprintf(got, sizeof(got), "%d", cmp < 0 ? -1 : cmp > 0);
	ck_assert_msg(strcmp(got, t->want) == 0, "Compare(%s, %s): want %s got %s",
	    t->l, t->r, t->want, got);
	ps_op_error_free(&e);
	psobj_value_free(&a);
	psobj_value_free(&b);
}
END_TEST

/* Results too large to be a script's are refused, not attempted. */
START_TEST(test_limits)
{
	struct psobj_value one = V("1"), lim = V("1000000"), over = V("1000001");
	struct psobj_value s = V("'ab'"), n = V("40000000"), out;
	struct ps_op_error e;

	ck_assert_int_eq(ps_op_binary(PS_OP_RANGE, D, &one, &lim, &out, NULL,
	    &e), 0);
	ck_assert_uint_eq(out.nitems, 1000000);
	ck_assert_int_eq(out.items[999999].i, 1000000);
	psobj_value_free(&out);
	ck_assert_int_eq(ps_op_binary(PS_OP_RANGE, D, &one, &over, &out, NULL,
	    &e), -1);
	ck_assert_str_eq(e.message, "A range of more than 1000000 numbers is "
	    "not supported by tnc.");
	ck_assert(!e.nomem);
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_op_binary(PS_OP_MUL, D, &s, &n, &out, NULL, &e), -1);
	ck_assert_str_eq(e.message, "A result larger than 64 MB is not "
	    "supported by tnc.");
	ps_op_error_free(&e);
	ck_assert_int_eq(ps_method(&s, "PadLeft", &n, 1, &out, &e), -1);
	ck_assert_str_eq(e.message, "A result larger than 64 MB is not "
	    "supported by tnc.");
	ps_op_error_free(&e);
	psobj_value_free(&s);
}
END_TEST

/* Every entry point starts e empty: the caller need not clear it. */
START_TEST(test_error_starts_empty)
{
	struct psobj_value n = psobj_null(), i = V("0"), out;
	struct ps_op_error e;
	bool found;

	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_index(&n, &i, &out, &e), -1);
	ck_assert_str_eq(e.message, "Cannot index into a null array.");
	ck_assert(!e.nomem);
	ps_op_error_free(&e);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_method(&n, "Trim", NULL, 0, &out, &e), -1);
	ps_op_error_free(&e);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_convert(&n, "datetime", &out, &e), -1);
	ps_op_error_free(&e);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_member(&n, "x", &out, &found, &e), 0);
	ck_assert_ptr_null(e.message);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_format(&i, &n, &out, &e), 0);
	ck_assert_ptr_null(e.message);
	psobj_value_free(&out);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_set_index(&n, &i, &i, &e), -1);
	ps_op_error_free(&e);
	memset(&e, 0x5a, sizeof(e));
	ck_assert_int_eq(ps_set_member(&n, "x", &i, &e), -1);
	ps_op_error_free(&e);
}
END_TEST

/* ---- the suite -------------------------------------------------------- */

#define TABLE(tc, test, cases) \
	tcase_add_loop_test(tc, test, 0, (int)(sizeof(cases) / sizeof(cases[0])))

static Suite *
ops_suite(void)
{
	Suite *s = suite_create("ps_ops");
	TCase *tc = tcase_create("operators");

	TABLE(tc, test_comparison, comparison_cases);
	TABLE(tc, test_arithmetic, arithmetic_cases);
	TABLE(tc, test_text_ops, text_cases);
	TABLE(tc, test_unary, unary_cases);
	TABLE(tc, test_matches, matches_cases);
	tcase_add_test(tc, test_operands_unchanged);
	tcase_add_test(tc, test_error_starts_empty);
	tcase_add_test(tc, test_limits);
	TABLE(tc, test_compare_values, order_cases);
	suite_add_tcase(s, tc);

	tc = tcase_create("conversions");
	TABLE(tc, test_is_true, truth_cases);
	TABLE(tc, test_to_string, string_cases);
	TABLE(tc, test_cast, cast_cases);
	suite_add_tcase(s, tc);

	tc = tcase_create("members");
	TABLE(tc, test_member, member_cases);
	TABLE(tc, test_index, index_cases);
	TABLE(tc, test_method, method_cases);
	tcase_add_test(tc, test_set_member);
	tcase_add_test(tc, test_set_index);
	tcase_add_test(tc, test_method_update);
	tcase_add_test(tc, test_get_type);
	suite_add_tcase(s, tc);

	tc = tcase_create("formats");
	TABLE(tc, test_format, format_cases);
	TABLE(tc, test_datetime_format, date_cases);
	tcase_add_test(tc, test_datetime_now);
	tcase_add_test(tc, test_timespan);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	/* US Eastern, without depending on the tz database being installed */
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	return check_run(ops_suite());
}
