/*
 * ps_convert.c: LanguagePrimitives' conversions: what "$v" gives
 * (ps_to_string, invariant culture), what `if ($v)` sees (ps_is_true), the
 * casts scripts use ([int] [long] [double] [decimal] [string] [bool] ...),
 * and LanguagePrimitives.Equals, which -contains and -in compare with.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

#define FORMAT_ERROR	"Input string was not in a correct format."

/* ---- to string and truth ---------------------------------------------- */

int
ps_put_item_text(FILE *m, const struct psobj_value *it)
{
	char *s;

	if (it->kind == PSOBJ_ARRAY) {		/* no recursion: the type name */
		fputs(ps_type_name(it), m);
		return 0;
	}
	if ((s = ps_to_string(it)) == NULL)
		return -1;
	fputs(s, m);
	free(s);
	return 0;
}

/* An array as "$a" shows it: its items joined by $OFS (" "). */
static char *
array_text(const struct psobj_value *v)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *m = open_memstream(&buf, &len);
	int rc = 0;

	if (m == NULL)
		return NULL;
	for (i = 0; i < v->nitems && rc == 0; i++) {
		if (i > 0)
			fputc(' ', m);
		rc = ps_put_item_text(m, &v->items[i]);
	}
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		errno = ENOMEM;
		return NULL;
	}
	return buf;
}

char *
ps_to_string(const struct psobj_value *v)
{
	switch (v->kind) {
	case PSOBJ_ARRAY:
		return array_text(v);
	case PSOBJ_DATETIME:
		return ps_datetime_invariant(v->i);
	case PSOBJ_DOUBLE:
		if (v->s != NULL)	/* a Decimal's own digits */
			return strdup(v->s);
		return psobj_double_text(v->d, v->type);
	case PSOBJ_OBJECT:
		if (ps_is_custom_object(v))
			return ps_custom_object_text(v->obj);
		return psobj_value_to_string(v);
	default:
		return psobj_value_to_string(v);
	}
}

char *
ps_dotnet_to_string(const struct psobj_value *v)
{
	switch (v->kind) {
	case PSOBJ_ARRAY:
		return strdup(ps_type_name(v));
	case PSOBJ_DATETIME:
		return ps_datetime_text(v->i, ps_dt_kind(v), "G");
	case PSOBJ_OBJECT:
		if (ps_is_custom_object(v))	/* 5.1's PSCustomObject.ToString() */
			return strdup("");
		return psobj_value_to_string(v);
	default:
		return ps_to_string(v);
	}
}

bool
ps_is_true(const struct psobj_value *v)
{
	const struct psobj_value *it;

	switch (v->kind) {
	case PSOBJ_NULL:
		return false;
	case PSOBJ_BOOL:
		return v->b;
	case PSOBJ_STRING:
		return v->s != NULL && v->s[0] != '\0';
	case PSOBJ_INT:
		return v->i != 0;
	case PSOBJ_DOUBLE:
		return v->d != 0;	/* NaN too: NaN != 0 */
	case PSOBJ_ARRAY:
		if (v->nitems != 1)
			return v->nitems > 1;
		it = &v->items[0];
		return it->kind == PSOBJ_ARRAY ? it->nitems >= 1 : ps_is_true(it);
	default:
		return true;
	}
}

bool
ps_is_enumerable(const struct psobj_value *v)
{
	return v->kind == PSOBJ_ARRAY;
}

/* ---- strings to numbers ----------------------------------------------- */

/* Double.Parse(Float | AllowThousands, invariant); false when s is none. */
static bool
parse_double(const char *s, double *d)
{
	char buf[128];
	size_t n = 0;
	bool digits = false, point = false;
	const char *p = s;

	while (isspace((unsigned char)*p))
		p++;
	if (strcmp(p, "NaN") == 0 || strcmp(p, "Infinity") == 0 ||
	    strcmp(p, "-Infinity") == 0) {
		*d = p[0] == 'N' ? NAN : p[0] == '-' ? -INFINITY : INFINITY;
		return true;
	}
	if (*p == '+' || *p == '-')
		buf[n++] = *p++;
	for (; *p != '\0' && n < sizeof(buf) - 8; p++) {
		if (isdigit((unsigned char)*p)) {
			digits = true;
			buf[n++] = *p;
		} else if (*p == ',' && !point && digits) {
			continue;
		} else if (*p == '.' && !point) {
			point = true;
			buf[n++] = *p;
		} else {
			break;
		}
	}
	if (digits && (*p == 'e' || *p == 'E')) {
		size_t mark = n;

		buf[n++] = *p++;
		if (*p == '+' || *p == '-')
			buf[n++] = *p++;
		if (!isdigit((unsigned char)*p))
			n = mark;
		while (isdigit((unsigned char)*p) && n < sizeof(buf) - 1)
			buf[n++] = *p++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (!digits || *p != '\0')
		return false;
	buf[n] = '\0';
	*d = strtod(buf, NULL);
	return true;
}

struct int_range {
	enum ps_tc tc;
	long long min;
	unsigned long long max;
	const char *overflow;
};

static const struct int_range int_ranges[] = {
	{ PS_TC_SBYTE, -128, 127, "a signed byte" },
	{ PS_TC_BYTE, 0, 255, "an unsigned byte" },
	{ PS_TC_INT16, -32768, 32767, "an Int16" },
	{ PS_TC_UINT16, 0, 65535, "a UInt16" },
	{ PS_TC_INT32, -2147483648LL, 2147483647ULL, "an Int32" },
	{ PS_TC_UINT32, 0, 4294967295ULL, "a UInt32" },
	{ PS_TC_INT64, -9223372036854775807LL - 1, 9223372036854775807ULL,
	    "an Int64" },
	{ PS_TC_UINT64, 0, ~0ULL, "a UInt64" },
};

static const struct int_range *
range_of(enum ps_tc tc)
{
	size_t i;

	for (i = 0; i < sizeof(int_ranges) / sizeof(int_ranges[0]); i++)
		if (int_ranges[i].tc == tc)
			return &int_ranges[i];
	return &int_ranges[4];
}

static char *
overflow_text(enum ps_tc tc)
{
	char *s;

	if (tc == PS_TC_DECIMAL)
		return strdup("Value was either too large or too small for a "
		    "Decimal.");
	if (asprintf(&s, "Value was either too large or too small for %s.",
	    range_of(tc)->overflow) < 0)
		return NULL;
	return s;
}

/* Whether the signed (neg) magnitude mag fits tc; the value in *out. */
static bool
fits(enum ps_tc tc, bool neg, unsigned long long mag, long long *out)
{
	const struct int_range *r = range_of(tc);

	if (neg) {
		if (mag > (unsigned long long)-(r->min + 1) + 1)
			return false;
		*out = (long long)(0ULL - mag);
		return true;
	}
	if (mag > r->max)
		return false;
	*out = (long long)mag;
	return true;
}

/* Digits of a hex string (0x.., &h.., #..) in tc's width; 1 done, 0 not hex, -1 overflow. */
static int
parse_hex(const char *t, enum ps_tc tc, long long *out)
{
	const struct int_range *r = range_of(tc);
	unsigned long long v = 0, width_max = r->min < 0 ? r->max * 2 + 1 :
	    r->max;
	const char *p = t;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	else if (p[0] == '&' && (p[1] == 'h' || p[1] == 'H'))
		p += 2;
	else if (p[0] == '#')
		p += 1;
	else
		return 0;
	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++) {
		int d = isdigit((unsigned char)*p) ? *p - '0' :
		    isxdigit((unsigned char)*p) ? tolower((unsigned char)*p) -
		    'a' + 10 : -1;

		if (d < 0)
			return 0;
		if (v > width_max >> 4)
			return -1;
		v = v << 4 | (unsigned)d;
	}
	if (v > width_max)
		return -1;
	/* a bit pattern: 0xFFFFFFFF is -1 for an Int32 */
	*out = r->min < 0 && v > r->max ? (long long)(v - width_max - 1) :
	    (long long)v;
	return 1;
}

/* Int32.Parse(Integer): 1 done, 0 not an integer, -1 overflow. */
static int
parse_int(const char *t, enum ps_tc tc, long long *out)
{
	unsigned long long mag = 0;
	bool neg = false, over = false;
	const char *p = t;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return 0;
	for (; isdigit((unsigned char)*p); p++) {
		if (mag > (~0ULL - (unsigned)(*p - '0')) / 10)
			over = true;
		else
			mag = mag * 10 + (unsigned)(*p - '0');
	}
	if (*p != '\0')
		return 0;
	return over || !fits(tc, neg, mag, out) ? -1 : 1;
}

static int
fail_string_cast(struct ps_op_error *e, const char *id, const char *s,
    enum ps_tc tc, bool overflow)
{
	char *inner = overflow ? overflow_text(tc) : strdup(FORMAT_ERROR);
	int rc;

	if (inner == NULL)
		return ps_fail_nomem(e);
	rc = ps_fail_cast(e, id, s, ps_tc_type(tc), inner);
	free(inner);
	return rc;
}

/* ConvertStringToInteger: the type's converter, then through Double. */
static int
string_to_integer(const char *s, enum ps_tc tc, struct ps_num *n,
    struct ps_op_error *e)
{
	char *t = strdup(s), *end;
	int rc;
	double d;
	long long v;

	if (t == NULL)
		return ps_fail_nomem(e);
	for (end = t + strlen(t); end > t && isspace((unsigned char)end[-1]); )
		*--end = '\0';
	for (end = t; isspace((unsigned char)*end); end++)
		;
	n->tc = tc;
	if (*s == '\0') {
		n->i = 0;
		rc = 1;
	} else if ((rc = parse_hex(end, tc, &n->i)) == 0) {
		rc = parse_int(end, tc, &n->i);
	}
	if (rc == 0 && parse_double(end, &d) && ps_round_even(d, &v) &&
	    fits(tc, v < 0, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v, &n->i))
		rc = 1;
	free(t);
	if (rc == 1)
		return 0;
	return fail_string_cast(e, "InvalidCastFromStringToInteger", s, tc,
	    rc < 0);
}

static int
string_to_number(const char *s, enum ps_tc tc, struct ps_num *n,
    struct ps_op_error *e)
{
	double d;

	memset(n, 0, sizeof(*n));
	if (ps_tc_is_integer(tc))
		return string_to_integer(s, tc, n, e);
	n->tc = tc;
	if (*s == '\0')
		return 0;
	if (tc == PS_TC_DECIMAL) {
		if (ps_dec_parse(s, &n->dec) == 0 || (parse_double(s, &d) &&
		    ps_dec_from_double(d, &n->dec) == 0))
			return 0;
		return fail_string_cast(e, "InvalidCastFromStringToDecimal", s,
		    tc, false);
	}
	if (!parse_double(s, &n->d))
		return fail_string_cast(e,
		    "InvalidCastFromStringToDoubleOrSingle", s, tc, false);
	return 0;
}

/* ---- numbers to numbers ----------------------------------------------- */

static int
fail_numeric_cast(struct ps_op_error *e, const struct psobj_value *v,
    enum ps_tc tc)
{
	char *val = ps_to_string(v), *inner = overflow_text(tc);
	int rc;

	if (val == NULL || inner == NULL)
		rc = ps_fail_nomem(e);
	else
		rc = ps_fail_cast(e, "InvalidCastIConvertible", val,
		    ps_tc_type(tc), inner);
	free(val);
	free(inner);
	return rc;
}

/* Convert.ChangeType between numbers: integers round half to even. */
static int
number_to_number(const struct psobj_value *v, const struct ps_num *src,
    enum ps_tc tc, struct ps_num *n, struct ps_op_error *e)
{
	long long r;
	double d;

	memset(n, 0, sizeof(*n));
	n->tc = tc;
	if (tc == PS_TC_DOUBLE || tc == PS_TC_SINGLE) {
		n->d = ps_num_double(src);
		if (tc == PS_TC_SINGLE)
			n->d = (float)n->d;
		return 0;
	}
	if (tc == PS_TC_DECIMAL)
		return ps_num_decimal(src, &n->dec) == 0 ? 0 :
		    fail_numeric_cast(e, v, tc);
	if (tc == PS_TC_BOOL) {
		n->i = ps_num_double(src) != 0 || (src->tc == PS_TC_DECIMAL &&
		    src->dec.coef != 0);
		return 0;
	}
	if (ps_tc_is_integer(src->tc) || src->tc == PS_TC_BOOL) {
		if (src->tc == PS_TC_UINT64 && src->i < 0)
			return fits(tc, false, (unsigned long long)src->i,
			    &n->i) ? 0 : fail_numeric_cast(e, v, tc);
		r = src->i;
	} else {
		if (src->tc == PS_TC_DECIMAL) {
			struct ps_dec x = src->dec;

			ps_dec_round(&x, 0, true);
			d = (double)x.coef;
		} else {
			d = src->d;
		}
		if (tc == PS_TC_UINT64 && d >= 9223372036854775808.0 &&
		    d < 18446744073709551616.0) {
			n->i = (long long)(unsigned long long)rint(d);
			return 0;
		}
		if (!ps_round_even(d, &r))
			return fail_numeric_cast(e, v, tc);
	}
	if (!fits(tc, r < 0, r < 0 ? 0ULL - (unsigned long long)r :
	    (unsigned long long)r, &n->i))
		return fail_numeric_cast(e, v, tc);
	return 0;
}

int
ps_convert_tc(const struct psobj_value *v, enum ps_tc tc,
    struct psobj_value *out, struct ps_op_error *e)
{
	struct ps_num src, n;
	char *s;

	*out = psobj_null();
	memset(&n, 0, sizeof(n));
	n.tc = tc;
	if (tc == PS_TC_BOOL) {
		*out = psobj_bool(ps_is_true(v));
		return 0;
	}
	if (v->kind == PSOBJ_NULL)
		return ps_num_value(&n, out) == 0 ? 0 : ps_fail_nomem(e);
	if (ps_is_char(v)) {		/* the code, as Convert.ToInt32(char) */
		const char *p = v->s;

		src.tc = PS_TC_INT32;
		src.i = ps_utf8_next(&p);
		if (number_to_number(v, &src, tc, &n, e) != 0)
			return -1;
	} else if (v->kind == PSOBJ_STRING) {
		if (string_to_number(v->s, tc, &n, e) != 0)
			return -1;
	} else if (ps_num_of(v, &src) == 0) {
		if (number_to_number(v, &src, tc, &n, e) != 0)
			return -1;
	} else if (v->kind == PSOBJ_DATETIME) {
		if ((s = ps_to_string(v)) == NULL)
			return ps_fail_nomem(e);
		ps_fail(e, "InvalidCastIConvertible", "InvalidArgument",
		    "RuntimeException", "Cannot convert value \"%s\" to type "
		    "\"%s\". Error: \"Invalid cast from 'DateTime' to '%s'.\"",
		    s, ps_tc_type(tc), ps_tc_type(tc) + 7);
		free(s);
		return -1;
	} else {
		return ps_fail_cast_value(e, v, ps_tc_type(tc));
	}
	return ps_num_value(&n, out) == 0 ? 0 : ps_fail_nomem(e);
}

int
ps_convert_datetime(const struct psobj_value *v, struct psobj_value *out,
    struct ps_op_error *e)
{
	enum ps_dt_kind kind;
	long long ticks;

	*out = psobj_null();
	switch (v->kind) {
	case PSOBJ_DATETIME:
		*out = *v;
		return 0;
	case PSOBJ_NULL:
		return ps_fail(e, "InvalidCastFromNull", "InvalidArgument",
		    "RuntimeException",
		    "Cannot convert null to type \"System.DateTime\".");
	case PSOBJ_STRING:
		if (ps_datetime_parse(v->s, &ticks, &kind) != 0)
			return ps_fail_cast(e,
			    "InvalidCastParseTargetInvocationWithFormatProvider",
			    v->s, "System.DateTime",
			    "String was not recognized as a valid DateTime.");
		*out = ps_dt_value(ticks, kind);
		return 0;
	case PSOBJ_INT:
		if (ps_typecode(v) == PS_TC_INT64 && v->i >= 0 &&
		    v->i <= PS_TICKS_MAX) {	/* new DateTime(ticks) */
			*out = ps_dt_value(v->i, PS_DT_UNSPECIFIED);
			return 0;
		}
		return ps_fail(e, "InvalidCastIConvertible", "InvalidArgument",
		    "RuntimeException", "Cannot convert value \"%lld\" to type "
		    "\"System.DateTime\". Error: \"Invalid cast from '%s' to "
		    "'DateTime'.\"", v->i, ps_type_name(v) + 7);
	default:
		return ps_fail_cast_value(e, v, "System.DateTime");
	}
}

/* ---- LanguagePrimitives.Equals ---------------------------------------- */

bool
ps_dotnet_equals(const struct psobj_value *a, const struct psobj_value *b)
{
	size_t i;

	if (a->kind != b->kind || strcmp(ps_type_name(a), ps_type_name(b)) != 0)
		return false;
	switch (a->kind) {
	case PSOBJ_BOOL:
		return a->b == b->b;
	case PSOBJ_INT:
	case PSOBJ_DATETIME:
		return a->i == b->i;
	case PSOBJ_DOUBLE:
		return a->d == b->d;
	case PSOBJ_STRING:
		return strcmp(a->s, b->s) == 0;
	case PSOBJ_ARRAY:	/* tnc copies arrays: the same items stand in
				   for the same instance */
		if (a->nitems != b->nitems)
			return false;
		for (i = 0; i < a->nitems; i++)
			if (!ps_dotnet_equals(&a->items[i], &b->items[i]) &&
			    !(a->items[i].kind == PSOBJ_NULL &&
			    b->items[i].kind == PSOBJ_NULL))
				return false;
		return true;
	default:
		return a->obj != NULL ? a->obj == b->obj : a->block == b->block;
	}
}

int
ps_lp_equals(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, bool *eq, struct ps_op_error *e)
{
	struct ps_num na, nb;
	struct psobj_value c;
	struct ps_op_error ce = { 0 };
	char *s;

	*eq = false;
	if (a->kind == PSOBJ_NULL || b->kind == PSOBJ_NULL) {
		*eq = a->kind == b->kind;
		return 0;
	}
	if (a->kind == PSOBJ_STRING) {
		if ((s = ps_to_string(b)) == NULL)
			return ps_fail_nomem(e);
		*eq = ps_str_eq(a->s, s, ignore_case);
		free(s);
		return 0;
	}
	if (ps_dotnet_equals(a, b)) {
		*eq = true;
		return 0;
	}
	if (ps_is_number(a) && ps_is_number(b) && ps_num_of(a, &na) == 0 &&
	    ps_num_of(b, &nb) == 0) {
		*eq = ps_num_cmp(&na, &nb) == 0;
		return 0;
	}
	/* ConvertTo(second, first's type), a failed cast is "not equal" */
	if (a->kind == PSOBJ_DATETIME) {
		if (ps_convert_datetime(b, &c, &ce) == 0)
			*eq = c.i == a->i;
	} else if (ps_typecode(a) != PS_TC_NONE) {
		if (ps_convert_tc(b, ps_typecode(a), &c, &ce) == 0 &&
		    ps_num_of(a, &na) == 0 && ps_num_of(&c, &nb) == 0)
			*eq = ps_num_cmp(&na, &nb) == 0;
		psobj_value_free(&c);
	}
	if (ce.nomem)
		return ps_fail_nomem(e);
	ps_op_error_free(&ce);
	return 0;
}
