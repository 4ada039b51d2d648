/*
 * ps_ops.c: the operators' entry points: ps_op_binary() hands each
 * operator to the file that implements it, and holds the small ones
 * itself: -and -or -xor, -contains -notcontains -in -notin, -join, -is
 * -isnot -as, the range operator, and the unary operators.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

/* A range longer than this is refused rather than built. */
#define RANGE_LIMIT	1000000LL

/* -contains: whether the collection (or scalar) c holds v. */
static int
contains(const struct psobj_value *c, const struct psobj_value *v, bool ic,
    bool *found, struct ps_op_error *e)
{
	size_t i;

	*found = false;
	if (c->kind != PSOBJ_ARRAY)
		return ps_lp_equals(c, v, ic, found, e);
	for (i = 0; i < c->nitems && !*found; i++)
		if (ps_lp_equals(&c->items[i], v, ic, found, e) != 0)
			return -1;
	return 0;
}

static int
join(const struct psobj_value *l, const char *sep, struct psobj_value *out,
    struct ps_op_error *e)
{
	char *buf = NULL, *s;
	size_t len = 0, i;
	FILE *m;

	if (l->kind != PSOBJ_ARRAY)
		return ps_string_take(out, ps_to_string(l)) == 0 ? 0 :
		    ps_fail_nomem(e);
	if ((m = open_memstream(&buf, &len)) == NULL)
		return ps_fail_nomem(e);
	for (i = 0; i < l->nitems; i++) {
		if ((s = ps_to_string(&l->items[i])) == NULL)
			break;
		fprintf(m, "%s%s", i > 0 ? sep : "", s);
		free(s);
	}
	if (fclose(m) != 0 || i < l->nitems) {
		free(buf);
		return ps_fail_nomem(e);
	}
	return ps_string_take(out, buf) == 0 ? 0 : ps_fail_nomem(e);
}

/* FixNum: an operand that must be an Int32. */
static int
fix_num(const struct psobj_value *v, long long *n, struct ps_op_error *e)
{
	struct psobj_value i32;

	if (ps_convert_tc(v, PS_TC_INT32, &i32, e) != 0)
		return -1;
	*n = i32.i;
	return 0;
}

/* lo..hi: Int32s, counting down when hi < lo */
static int
range(const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct ps_op_error *e)
{
	long long lo, hi, n, k;

	if (fix_num(l, &lo, e) != 0 || fix_num(r, &hi, e) != 0)
		return -1;
	n = (hi > lo ? hi - lo : lo - hi) + 1;
	if (n > RANGE_LIMIT)
		return ps_fail_unsupported(e, "A range of more than %lld numbers",
		    RANGE_LIMIT);
	if (psobj_array(out, (size_t)n, NULL) != 0)
		return ps_fail_nomem(e);
	for (k = 0; k < n; k++)
		out->items[k] = psobj_int(hi >= lo ? lo + k : lo - k, NULL);
	return 0;
}

static int
type_op(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_op_error ce = { 0 };
	char *type = ps_to_string(r);
	bool is;
	int rc;

	if (type == NULL)
		return ps_fail_nomem(e);
	if (op == PS_OP_AS) {
		if (!ps_type_known(type))
			rc = ps_fail_unsupported(e, "The type [%s]", type);
		else if ((rc = ps_convert(l, type, out, &ce)) != 0 && !ce.nomem)
			rc = 0;		/* a failed -as is $null */
		if (ce.nomem)
			rc = ps_fail_nomem(e);
		ps_op_error_free(&ce);
	} else if ((rc = ps_type_test(l, type, &is, e)) == 0) {
		*out = psobj_bool(is == (op == PS_OP_IS));
	}
	free(type);
	return rc;
}

/* -and -or -xor -contains -notcontains -in -notin -join */
static int
small_op(enum ps_op op, bool ic, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	bool found;
	char *sep;
	int rc;

	switch (op) {
	case PS_OP_AND:
		*out = psobj_bool(ps_is_true(l) && ps_is_true(r));
		return 0;
	case PS_OP_OR:
		*out = psobj_bool(ps_is_true(l) || ps_is_true(r));
		return 0;
	case PS_OP_XOR:
		*out = psobj_bool(ps_is_true(l) != ps_is_true(r));
		return 0;
	case PS_OP_CONTAINS:
	case PS_OP_NOTCONTAINS:
	case PS_OP_IN:
	case PS_OP_NOTIN:
		if ((op == PS_OP_IN || op == PS_OP_NOTIN ? contains(r, l, ic,
		    &found, e) : contains(l, r, ic, &found, e)) != 0)
			return -1;
		*out = psobj_bool(found == (op == PS_OP_CONTAINS ||
		    op == PS_OP_IN));
		return 0;
	default:		/* JOIN */
		if ((sep = ps_to_string(r)) == NULL)
			return ps_fail_nomem(e);
		rc = join(l, sep, out, e);
		free(sep);
		return rc;
	}
}

int
ps_op_binary(enum ps_op op, enum ps_op_case op_case,
    const struct psobj_value *l, const struct psobj_value *r,
    struct psobj_value *out, struct psobj_value *matches,
    struct ps_op_error *e)
{
	bool ic = op_case != PS_CASE_SENSITIVE;

	*out = psobj_null();
	if (matches != NULL)
		*matches = psobj_null();
	memset(e, 0, sizeof(*e));
	switch (op) {
	case PS_OP_EQ: case PS_OP_NE: case PS_OP_GT: case PS_OP_GE:
	case PS_OP_LT: case PS_OP_LE:
		return ps_op_compare(op, ic, l, r, out, e);
	case PS_OP_LIKE: case PS_OP_NOTLIKE:
		return ps_op_like(op == PS_OP_NOTLIKE, ic, l, r, out, e);
	case PS_OP_MATCH: case PS_OP_NOTMATCH:
		return ps_op_match(op == PS_OP_NOTMATCH, ic, l, r, out, matches,
		    e);
	case PS_OP_REPLACE:
		return ps_op_replace(ic, l, r, out, e);
	case PS_OP_SPLIT:
		return ps_op_split(ic, l, r, out, e);
	case PS_OP_ADD: case PS_OP_SUB: case PS_OP_MUL: case PS_OP_DIV:
	case PS_OP_MOD:
		return ps_op_arith(op, l, r, out, e);
	case PS_OP_FORMAT:
		return ps_format(l, r, out, e);
	case PS_OP_RANGE:
		return range(l, r, out, e);
	case PS_OP_IS: case PS_OP_ISNOT: case PS_OP_AS:
		return type_op(op, l, r, out, e);
	case PS_OP_AND: case PS_OP_OR: case PS_OP_XOR: case PS_OP_CONTAINS:
	case PS_OP_NOTCONTAINS: case PS_OP_IN: case PS_OP_NOTIN:
	case PS_OP_JOIN:
		return small_op(op, ic, l, r, out, e);
	default:
		return ps_fail_unsupported(e, "This binary operator");
	}
}

/* Unary -split: each item trimmed, split at runs of white space. */
static int
unary_split(const struct psobj_value *v, struct psobj_value *out,
    struct ps_op_error *e)
{
	const struct psobj_value *it = v->kind == PSOBJ_ARRAY ? v->items : v;
	size_t n = v->kind == PSOBJ_ARRAY ? v->nitems : 1, i;
	struct ps_call none = { "Trim", NULL, 0, e };
	struct psobj_value s, t;
	int rc = 0;

	if (psobj_array(out, 0, "System.String[]") != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < n && rc == 0; i++) {
		if (ps_string_take(&s, ps_to_string(&it[i])) != 0) {
			rc = ps_fail_nomem(e);
			break;
		}
		if ((rc = ps_string_method(&s, "Trim", &none, &t)) == 0)
			rc = ps_regex_split(t.s, "\\s+", 0, 0, out, e);
		psobj_value_free(&s);
		psobj_value_free(&t);
	}
	if (rc != 0)
		psobj_value_free(out);
	return rc;
}

/* Unary minus: 0 - v for numbers and strings (so -"5" is -5). */
static int
negate(const struct psobj_value *v, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct psobj_value zero = psobj_int(0, NULL);
	struct ps_num n;

	if (v->kind == PSOBJ_NULL || v->kind == PSOBJ_STRING ||
	    ps_num_of(v, &n) == 0)
		return ps_op_arith(PS_OP_SUB, &zero, v, out, e);
	return ps_fail(e, "MethodNotFound", "InvalidOperation",
	    "RuntimeException", "Method invocation failed because [%s] does not "
	    "contain a method named 'op_UnaryNegation'.", ps_type_name(v));
}

/* Unary plus: a number stays, a string becomes one. */
static int
plus(const struct psobj_value *v, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_num n;

	if (v->kind == PSOBJ_NULL) {
		*out = psobj_int(0, NULL);
		return 0;
	}
	if (v->kind == PSOBJ_STRING) {
		if (ps_string_number(v->s, PS_TC_INT32, &n, e) != 0)
			return -1;
		return ps_num_value(&n, out) == 0 ? 0 : ps_fail_nomem(e);
	}
	if (v->kind == PSOBJ_BOOL) {
		*out = psobj_int(v->b, NULL);
		return 0;
	}
	return psobj_value_copy(out, v) == 0 ? 0 : ps_fail_nomem(e);
}

int
ps_op_unary(enum ps_op op, const struct psobj_value *v,
    struct psobj_value *out, struct ps_op_error *e)
{
	*out = psobj_null();
	memset(e, 0, sizeof(*e));
	switch (op) {
	case PS_OP_NOT:
		*out = psobj_bool(!ps_is_true(v));
		return 0;
	case PS_OP_NEGATE:
		return negate(v, out, e);
	case PS_OP_PLUS:
		return plus(v, out, e);
	case PS_OP_JOIN:
		return join(v, "", out, e);
	case PS_OP_SPLIT:
		return unary_split(v, out, e);
	default:
		return ps_fail_unsupported(e, "This unary operator");
	}
}
