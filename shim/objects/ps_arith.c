/*
 * ps_arith.c: + - * / % as 5.1 applies them.  Numbers widen to the larger
 * operand's type and then to Double on overflow (IntOps, LongOps,
 * DecimalOps of NumericOps.cs); / of integers stays an integer only when
 * exact.  "a" + 1 is "a1", 1 + "2" is 3, @(1) + 2 is 1,2, "ab" * 2 is
 * "abab", DateTime - DateTime is a TimeSpan.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

static const char *
op_method(enum ps_op op)
{
	switch (op) {
	case PS_OP_ADD: return "op_Addition";
	case PS_OP_SUB: return "op_Subtraction";
	case PS_OP_MUL: return "op_Multiply";
	case PS_OP_DIV: return "op_Division";
	default: return "op_Modulus";
	}
}

static const char *
op_text(enum ps_op op)
{
	switch (op) {
	case PS_OP_ADD: return "+";
	case PS_OP_SUB: return "-";
	case PS_OP_MUL: return "*";
	case PS_OP_DIV: return "/";
	default: return "%";
	}
}

static int
fail_divide_by_zero(struct ps_op_error *e)
{
	return ps_fail(e, "RuntimeException", "NotSpecified", "RuntimeException",
	    "Attempted to divide by zero.");
}

/* A primitive .NET type: operators are not looked up on it. */
static bool
is_primitive(const struct psobj_value *v)
{
	enum ps_tc tc = ps_typecode(v);

	return (tc != PS_TC_NONE && tc != PS_TC_DECIMAL) || ps_is_char(v);
}

/* ParserOps.ImplicitOp: the op_X method neither operand's type has. */
static int
fail_implicit_op(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct ps_op_error *e)
{
	const struct psobj_value *t = l;

	if (l->kind == PSOBJ_NULL || is_primitive(l)) {
		if (r->kind == PSOBJ_NULL || is_primitive(r))
			return ps_fail(e, "NotADefinedOperationForType",
			    "InvalidOperation", "RuntimeException",
			    "The operation '[%s] %s [%s]' is not defined.",
			    l->kind == PSOBJ_NULL ? "$null" : ps_type_name(l),
			    op_text(op), r->kind == PSOBJ_NULL ? "$null" :
			    ps_type_name(r));
		t = r;
	}
	return ps_fail(e, "MethodNotFound", "InvalidOperation",
	    "RuntimeException", "Method invocation failed because [%s] does "
	    "not contain a method named '%s'.", ps_type_name(t), op_method(op));
}

/* ---- numbers ---------------------------------------------------------- */

static void
result_int(struct psobj_value *out, __int128 r, long long min,
    long long max, const char *type)
{
	if (r >= min && r <= max)
		*out = psobj_int((long long)r, type);
	else
		*out = psobj_double((double)r, NULL);
}

/* IntOps, UIntOps, LongOps, ULongOps: exact in 128 bits, Double beyond. */
static int
integer_op(enum ps_op op, __int128 a, __int128 b, enum ps_tc tc,
    struct psobj_value *out, struct ps_op_error *e)
{
	long long min = tc == PS_TC_INT32 ? -2147483648LL :
	    tc == PS_TC_INT64 ? -9223372036854775807LL - 1 : 0;
	long long max = tc == PS_TC_INT32 ? 2147483647LL : tc == PS_TC_UINT32 ?
	    4294967295LL : 9223372036854775807LL;
	const char *type = ps_tc_type(tc);
	__int128 p;

	if ((op == PS_OP_DIV || op == PS_OP_MOD) && b == 0)
		return fail_divide_by_zero(e);
	switch (op) {
	case PS_OP_ADD: a += b; break;
	case PS_OP_SUB: a -= b; break;
	case PS_OP_MUL:
		if (__builtin_mul_overflow(a, b, &p)) {	/* UInt64 squared */
			*out = psobj_double((double)a * (double)b, NULL);
			return 0;
		}
		a = p;
		break;
	case PS_OP_DIV:
		if (a % b != 0) {
			*out = psobj_double((double)a / (double)b, NULL);
			return 0;
		}
		a /= b;
		break;
	default:
		a %= b;		/* MinValue % -1 is 0, as 5.1 hard-codes */
		break;
	}
	if (tc == PS_TC_UINT64) {
		if (a >= 0 && a <= (__int128)~0ULL)
			*out = psobj_int((long long)(unsigned long long)a, type);
		else
			*out = psobj_double((double)a, NULL);
		return 0;
	}
	result_int(out, a, min, max, type);
	return 0;
}

static int
decimal_op(enum ps_op op, const struct ps_num *a, const struct ps_num *b,
    struct psobj_value *out, struct ps_op_error *e)
{
	struct ps_dec x, y, r;
	int rc;

	if (ps_num_decimal(a, &x) != 0 || ps_num_decimal(b, &y) != 0 ||
	    (rc = ps_dec_arith(op, &x, &y, &r)) == -1)
		return ps_fail(e, "RuntimeException", "NotSpecified",
		    "RuntimeException",
		    "Value was either too large or too small for a Decimal.");
	if (rc == -2)
		return fail_divide_by_zero(e);
	return ps_decimal_value(&r, out) == 0 ? 0 : ps_fail_nomem(e);
}

static __int128
as_int(const struct ps_num *n)
{
	return n->tc == PS_TC_UINT64 ? (__int128)(unsigned long long)n->i :
	    (__int128)n->i;
}

static void
double_op(enum ps_op op, double x, double y, struct psobj_value *out)
{
	switch (op) {
	case PS_OP_ADD: x += y; break;
	case PS_OP_SUB: x -= y; break;
	case PS_OP_MUL: x *= y; break;
	case PS_OP_DIV: x /= y; break;
	default: x = fmod(x, y); break;
	}
	*out = psobj_double(x, NULL);
}

int
ps_num_arith(enum ps_op op, const struct ps_num *a, const struct ps_num *b,
    struct psobj_value *out, struct ps_op_error *e)
{
	enum ps_tc tc = a->tc > b->tc ? a->tc : b->tc;
	bool negative = (ps_tc_signed(a->tc) && a->i < 0) ||
	    (ps_tc_signed(b->tc) && b->i < 0);
	struct ps_op_error de = { 0 };

	if (tc == PS_TC_DECIMAL)
		return decimal_op(op, a, b, out, e);
	if (tc <= PS_TC_INT32)
		return integer_op(op, as_int(a), as_int(b), PS_TC_INT32, out, e);
	/*
	 * An unsigned type with a negative signed operand
	 * (FigureSignedUnsignedInt): UInt32 goes to Int64, UInt64 to Decimal
	 * and on to Double when that overflows.
	 */
	if (tc == PS_TC_UINT32 && negative)
		tc = PS_TC_INT64;
	if (tc == PS_TC_UINT64 && negative) {
		if (decimal_op(op, a, b, out, &de) == 0)
			return 0;
		if (de.nomem || strcmp(de.message, "Attempted to divide by "
		    "zero.") == 0) {
			ps_op_error_move(e, &de);
			return -1;
		}
		ps_op_error_free(&de);
		double_op(op, ps_num_double(a), ps_num_double(b), out);
		return 0;
	}
	if (ps_tc_is_integer(tc))
		return integer_op(op, as_int(a), as_int(b), tc, out, e);
	double_op(op, ps_num_double(a), ps_num_double(b), out);
	return 0;
}

/* r as the right operand of a number (GetArgAsNumericOrPrimitive). */
static int
right_number(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, enum ps_tc ltc, struct ps_num *n,
    struct ps_op_error *e)
{
	if (r->kind == PSOBJ_NULL) {
		memset(n, 0, sizeof(*n));
		n->tc = PS_TC_INT32;
		return 0;
	}
	if (ps_num_of(r, n) == 0)
		return 0;
	if (r->kind == PSOBJ_STRING)
		return ps_string_number(r->s, ltc, n, e);
	return fail_implicit_op(op, l, r, e);
}

static int
numeric_op(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_num a, b;

	if (ps_num_of(l, &a) != 0)
		return ps_fail_nomem(e);
	if (right_number(op, l, r, a.tc, &b, e) != 0)
		return -1;
	return ps_num_arith(op, &a, &b, out, e);
}

/* BinaryNumericStringOp with a string on the left: both sides as numbers. */
static int
string_numeric_op(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_num a, b;
	enum ps_tc rtc = ps_is_number(r) ? ps_typecode(r) : PS_TC_INT32;

	if (ps_string_number(l->s, rtc, &a, e) != 0)
		return -1;
	if (right_number(op, l, r, PS_TC_INT32, &b, e) != 0)
		return -1;
	return ps_num_arith(op, &a, &b, out, e);
}

/* ---- strings, arrays, hashtables, dates ------------------------------- */

static int
concat(const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct ps_op_error *e)
{
	char *b = ps_to_string(r), *s = NULL;

	if (b == NULL || asprintf(&s, "%s%s", l->s, b) < 0) {
		free(b);
		return ps_fail_nomem(e);
	}
	free(b);
	return ps_string_take(out, s) == 0 ? 0 : ps_fail_nomem(e);
}

static int
array_add(const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct ps_op_error *e)
{
	size_t i;
	int rc = psobj_value_copy(out, l);

	out->type = "System.Object[]";
	if (rc == 0 && r->kind == PSOBJ_ARRAY)
		for (i = 0; i < r->nitems && rc == 0; i++)
			rc = ps_array_push_copy(out, &r->items[i]);
	else if (rc == 0)
		rc = ps_array_push_copy(out, r);
	if (rc != 0) {
		psobj_value_free(out);
		return ps_fail_nomem(e);
	}
	return 0;
}

static int
fail_duplicate_key(struct ps_op_error *e, const char *key)
{
	return ps_fail_dotnet(e, "ArgumentException", "Item has already been "
	    "added. Key in dictionary: '%s'  Key being added: '%s'", key, key);
}

/* HashtableOps.Add: a new table with both tables' entries. */
static int
hashtable_add(const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct ps_op_error *e)
{
	const struct psobj *ro = r->obj;
	struct psobj_value v;
	size_t i;

	if (r->kind != PSOBJ_HASHTABLE)
		return ps_fail(e, "AddHashTableToNonHashTable",
		    "InvalidOperation", "RuntimeException",
		    "A hash table can only be added to another hash table.");
	if (psobj_value_copy(out, l) != 0)
		return ps_fail_nomem(e);
	for (i = 0; ro != NULL && i < ro->nprops; i++) {
		if (psobj_find(out->obj, ro->props[i].name) != NULL) {
			psobj_value_free(out);
			return fail_duplicate_key(e, ro->props[i].name);
		}
		if (psobj_value_copy(&v, &ro->props[i].value) != 0 ||
		    psobj_add(out->obj, ro->props[i].name, v) != 0) {
			psobj_value_free(out);
			return ps_fail_nomem(e);
		}
	}
	return 0;
}

/* The count of string or array repetition: r as an Int32. */
static int
repeat_count(const struct psobj_value *r, long long *n, struct ps_op_error *e)
{
	struct psobj_value c, i32;
	struct ps_num num;

	if (r->kind == PSOBJ_STRING) {
		if (ps_string_number(r->s, PS_TC_INT32, &num, e) != 0)
			return -1;
		if (ps_num_value(&num, &c) != 0)
			return ps_fail_nomem(e);
	} else if (psobj_value_copy(&c, r) != 0) {
		return ps_fail_nomem(e);
	}
	if (ps_convert_tc(&c, PS_TC_INT32, &i32, e) != 0) {
		psobj_value_free(&c);
		return -1;
	}
	psobj_value_free(&c);
	if (i32.i < 0)		/* StringOps.Multiply, ArrayOps.Multiply */
		return ps_fail_dotnet(e, "ArgumentOutOfRangeException",
		    "Specified argument was out of the range of valid values.\n"
		    "Parameter name: times");
	*n = i32.i;
	return 0;
}

static int
repeat(const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct ps_op_error *e)
{
	long long n, k;
	size_t len, i;
	char *s;

	if (repeat_count(r, &n, e) != 0)
		return -1;
	if ((l->kind == PSOBJ_STRING ? l->s[0] == '\0' : l->nitems == 0))
		n = 0;			/* nothing to repeat: no 2^31 empty rounds */
	if (l->kind == PSOBJ_STRING) {
		len = strlen(l->s);
		if (len > 0 && (unsigned long long)n > PS_RESULT_LIMIT / len)
			return ps_fail_too_large(e);
		if ((s = malloc(len * (size_t)n + 1)) == NULL)
			return ps_fail_nomem(e);
		for (k = 0; k < n; k++)
			memcpy(s + len * (size_t)k, l->s, len);
		s[len * (size_t)n] = '\0';
		return ps_string_take(out, s) == 0 ? 0 : ps_fail_nomem(e);
	}
	if (l->nitems > 0 &&
	    (unsigned long long)n > PS_RESULT_LIMIT / 64 / l->nitems)
		return ps_fail_too_large(e);
	/* made at its size: pushing one by one copies it over and over */
	if (psobj_array(out, l->nitems * (size_t)n, l->type) != 0)
		return ps_fail_nomem(e);
	for (k = 0; k < n; k++)
		for (i = 0; i < l->nitems; i++)
			if (psobj_value_copy(&out->items[k * l->nitems + i],
			    &l->items[i]) != 0) {
				psobj_value_free(out);
				return ps_fail_nomem(e);
			}
	return 0;
}

/* DateTime - DateTime, DateTime +- TimeSpan, TimeSpan +- TimeSpan */
static int
date_op(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	long long t;

	if (op == PS_OP_SUB && l->kind == PSOBJ_DATETIME &&
	    r->kind == PSOBJ_DATETIME)
		return ps_timespan(out, l->i - r->i) == 0 ? 0 : ps_fail_nomem(e);
	if ((op != PS_OP_ADD && op != PS_OP_SUB) || !ps_is_timespan(r))
		return 1;
	t = ps_timespan_ticks(r) * (op == PS_OP_SUB ? -1 : 1);
	if (l->kind == PSOBJ_DATETIME) {
		if (l->i + t < 0 || l->i + t > PS_TICKS_MAX)
			return ps_fail(e, "RuntimeException", "NotSpecified",
			    "RuntimeException", "The added or subtracted value "
			    "results in an un-representable DateTime.");
		*out = ps_dt_value(l->i + t, ps_dt_kind(l));
		return 0;
	}
	return ps_timespan(out, ps_timespan_ticks(l) + t) == 0 ? 0 :
	    ps_fail_nomem(e);
}

int
ps_op_arith(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct psobj_value zero = psobj_int(0, NULL);
	int rc;

	*out = psobj_null();
	if (l->kind == PSOBJ_NULL) {
		if (op == PS_OP_ADD)
			return psobj_value_copy(out, r) == 0 ? 0 :
			    ps_fail_nomem(e);
		if (op == PS_OP_MUL)
			return 0;
		l = &zero;
	}
	if (ps_typecode(l) != PS_TC_NONE)
		return numeric_op(op, l, r, out, e);
	if (l->kind == PSOBJ_STRING) {
		if (op == PS_OP_ADD)
			return concat(l, r, out, e);
		if (op == PS_OP_MUL)
			return repeat(l, r, out, e);
		return string_numeric_op(op, l, r, out, e);
	}
	if (l->kind == PSOBJ_ARRAY && op == PS_OP_ADD)
		return array_add(l, r, out, e);
	if (l->kind == PSOBJ_ARRAY && op == PS_OP_MUL)
		return repeat(l, r, out, e);
	if (l->kind == PSOBJ_HASHTABLE && op == PS_OP_ADD)
		return hashtable_add(l, r, out, e);
	if (l->kind == PSOBJ_DATETIME || ps_is_timespan(l)) {
		if ((rc = date_op(op, l, r, out, e)) <= 0)
			return rc;
		if (op == PS_OP_ADD || op == PS_OP_SUB)
			return ps_fail_unsupported(e, "'[%s] %s [%s]'",
			    ps_type_name(l), op_text(op), r->kind == PSOBJ_NULL ?
			    "$null" : ps_type_name(r));
	}
	return fail_implicit_op(op, l, r, e);
}
