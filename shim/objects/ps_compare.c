/*
 * ps_compare.c: -eq -ne -gt -ge -lt -le as the 5.1 binder applies them:
 * the left operand decides the conversion of the right, strings compare
 * without case unless -c, $null has its own rules, and an array on the
 * left is filtered (1,2,3 -gt 1 is 2,3).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

/* Compares two numbers in the type the binder would pick. */
int
ps_num_cmp(const struct ps_num *a, const struct ps_num *b)
{
	struct ps_dec da, db;
	enum ps_tc tc = a->tc > b->tc ? a->tc : b->tc;
	double x, y;
	__int128 p, q;

	if (tc == PS_TC_DECIMAL && ps_num_decimal(a, &da) == 0 &&
	    ps_num_decimal(b, &db) == 0)
		return ps_dec_cmp(&da, &db);
	if (tc == PS_TC_DECIMAL || tc == PS_TC_DOUBLE || tc == PS_TC_SINGLE) {
		x = ps_num_double(a);
		y = ps_num_double(b);
		if (x != x || y != y)
			return 2;	/* NaN: unordered */
		return x < y ? -1 : x > y;
	}
	p = a->tc == PS_TC_UINT64 ? (__int128)(unsigned long long)a->i : a->i;
	q = b->tc == PS_TC_UINT64 ? (__int128)(unsigned long long)b->i : b->i;
	return p < q ? -1 : p > q;
}

static bool
ip_equal(const char *a, const char *b)
{
	unsigned char x[16], y[16];

	if (inet_pton(AF_INET, a, x) == 1)
		return inet_pton(AF_INET, b, y) == 1 && memcmp(x, y, 4) == 0;
	return inet_pton(AF_INET6, a, x) == 1 &&
	    inet_pton(AF_INET6, b, y) == 1 && memcmp(x, y, 16) == 0;
}

/* An enum on the left: the right operand names a value, or is a number. */
static int
enum_equal(const struct psobj_value *l, const char *r, bool *eq,
    struct ps_op_error *e)
{
	struct ps_num a, b;
	struct ps_op_error ce = { 0 };

	if (ps_str_eq(l->to_string, r, true)) {
		*eq = true;
		return 0;
	}
	*eq = false;
	if (ps_string_number(r, PS_TC_INT32, &b, &ce) == 0) {
		ps_num_of(l, &a);
		*eq = ps_num_cmp(&a, &b) == 0;
	}
	if (ce.nomem)
		return ps_fail_nomem(e);
	ps_op_error_free(&ce);
	return 0;
}

/* A number on the left, a non-null right: -eq, or a cast failure's false. */
static int
number_equal(const struct psobj_value *l, const struct psobj_value *r,
    bool *eq, struct ps_op_error *e)
{
	struct ps_num a, b;
	struct ps_op_error ce = { 0 };

	*eq = false;
	if (l->kind == PSOBJ_INT && l->to_string != NULL &&
	    r->kind == PSOBJ_STRING)
		return enum_equal(l, r->s, eq, e);
	if (ps_num_of(l, &a) != 0)
		return ps_fail_nomem(e);
	if (ps_num_of(r, &b) == 0) {
		*eq = ps_num_cmp(&a, &b) == 0;
		return 0;
	}
	if (r->kind != PSOBJ_STRING)
		return 0;
	if (ps_string_number(r->s, a.tc, &b, &ce) == 0)
		*eq = ps_num_cmp(&a, &b) == 0;
	if (ce.nomem)
		return ps_fail_nomem(e);
	ps_op_error_free(&ce);
	return 0;
}

int
ps_equal(const struct psobj_value *l, const struct psobj_value *r,
    bool ignore_case, bool *eq, struct ps_op_error *e)
{
	struct psobj_value d;
	struct ps_op_error ce = { 0 };
	char *s;

	*eq = false;
	switch (l->kind) {
	case PSOBJ_INT:
	case PSOBJ_DOUBLE:
		return number_equal(l, r, eq, e);
	case PSOBJ_STRING:
		if ((s = ps_to_string(r)) == NULL)
			return ps_fail_nomem(e);
		*eq = ps_str_eq(l->s, s, ignore_case);
		free(s);
		return 0;
	case PSOBJ_BOOL:
		*eq = l->b == ps_is_true(r);
		return 0;
	case PSOBJ_DATETIME:
		if (r->kind == PSOBJ_DATETIME || r->kind == PSOBJ_STRING) {
			if (ps_convert_datetime(r, &d, &ce) == 0)
				*eq = d.i == l->i;
			ps_op_error_free(&ce);
		}
		return 0;
	case PSOBJ_OBJECT:
		if (r->kind == PSOBJ_STRING && l->obj != NULL &&
		    strcmp(l->obj->type_name, "System.Net.IPAddress") == 0 &&
		    l->to_string != NULL) {	/* ConvertTo(IPAddress) */
			*eq = ip_equal(l->to_string, r->s);
			return 0;
		}
		/* FALLTHROUGH */
	default:
		*eq = l->kind == r->kind && ((l->obj != NULL && l->obj == r->obj) ||
		    (l->block != NULL && l->block == r->block));
		return 0;
	}
}

static int
fail_comparison(struct ps_op_error *e, const struct psobj_value *l,
    const struct psobj_value *r, const char *inner)
{
	char *a = ps_to_string(l), *b = ps_to_string(r);
	int rc;

	if (a == NULL || b == NULL)
		rc = ps_fail_nomem(e);
	else
		rc = ps_fail(e, "ComparisonFailure", "InvalidOperation",
		    "RuntimeException",
		    "Could not compare \"%s\" to \"%s\". Error: \"%s\"", a, b,
		    inner);
	free(a);
	free(b);
	return rc;
}

/* A failed conversion of r to the left's type, as ComparisonFailure. */
static int
fail_converting(struct ps_op_error *e, const struct psobj_value *l,
    const struct psobj_value *r, struct ps_op_error *ce)
{
	int rc;

	if (ce->nomem)
		return ps_fail_nomem(e);
	rc = fail_comparison(e, l, r, ce->message);
	ps_op_error_free(ce);
	return rc;
}

static int
number_compare(const struct psobj_value *l, const struct psobj_value *r,
    int *cmp, struct ps_op_error *e)
{
	struct ps_num a, b;
	struct psobj_value c;
	struct ps_op_error ce = { 0 };

	if (ps_num_of(l, &a) != 0)
		return ps_fail_nomem(e);
	if (ps_num_of(r, &b) == 0) {
		*cmp = ps_num_cmp(&a, &b);
		return 0;
	}
	if (r->kind == PSOBJ_STRING) {	/* the cast's own error, unwrapped */
		if (ps_string_number(r->s, a.tc, &b, e) != 0)
			return -1;
		*cmp = ps_num_cmp(&a, &b);
		return 0;
	}
	if (ps_convert_tc(r, a.tc, &c, &ce) != 0)
		return fail_converting(e, l, r, &ce);
	ps_num_of(&c, &b);
	psobj_value_free(&c);
	*cmp = ps_num_cmp(&a, &b);
	return 0;
}

int
ps_compare(const struct psobj_value *l, const struct psobj_value *r,
    bool ignore_case, int *cmp, struct ps_op_error *e)
{
	struct psobj_value d;
	struct ps_op_error ce = { 0 };
	bool eq;
	char *s;

	switch (l->kind) {
	case PSOBJ_INT:
	case PSOBJ_DOUBLE:
		return number_compare(l, r, cmp, e);
	case PSOBJ_STRING:
		if ((s = ps_to_string(r)) == NULL)
			return ps_fail_nomem(e);
		*cmp = ps_str_compare(l->s, s, ignore_case);
		free(s);
		return 0;
	case PSOBJ_BOOL:
		*cmp = (int)l->b - (int)ps_is_true(r);
		return 0;
	case PSOBJ_DATETIME:
		if (ps_convert_datetime(r, &d, &ce) != 0)
			return fail_converting(e, l, r, &ce);
		*cmp = l->i < d.i ? -1 : l->i > d.i;
		return 0;
	default:
		if (ps_equal(l, r, ignore_case, &eq, e) != 0)
			return -1;
		if (eq) {
			*cmp = 0;
			return 0;
		}
		if ((s = ps_to_string(l)) == NULL)
			return ps_fail_nomem(e);
		ps_fail(e, "NotIcomparable", "InvalidOperation",
		    "RuntimeException",
		    "Cannot compare \"%s\" because it is not IComparable.",
		    l->kind == PSOBJ_ARRAY ? ps_type_name(l) : s);
		free(s);
		return -1;
	}
}

/* Sign of a number against zero (-1, 0, 1; 2 for NaN). */
static int
sign_of(const struct psobj_value *v)
{
	struct ps_num n, zero;

	memset(&zero, 0, sizeof(zero));
	zero.tc = PS_TC_INT32;
	if (ps_num_of(v, &n) != 0)
		return 0;
	return ps_num_cmp(&n, &zero);
}

int
ps_compare_values(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, int *cmp, struct ps_op_error *e)
{
	memset(e, 0, sizeof(*e));
	*cmp = 0;
	if (a->kind == PSOBJ_NULL && b->kind == PSOBJ_NULL)
		return 0;
	/* null against a number: as 0 would, but never equal */
	if (a->kind == PSOBJ_NULL) {
		*cmp = ps_is_number(b) && sign_of(b) < 0 ? 1 : -1;
		return 0;
	}
	if (b->kind == PSOBJ_NULL) {
		*cmp = ps_is_number(a) && sign_of(a) < 0 ? -1 : 1;
		return 0;
	}
	if (ps_compare(a, b, ignore_case, cmp, e) != 0)
		return -1;
	if (*cmp == 2) {	/* NaN: Double.CompareTo puts it first */
		bool an = a->kind == PSOBJ_DOUBLE && a->d != a->d;
		bool bn = b->kind == PSOBJ_DOUBLE && b->d != b->d;

		*cmp = an && bn ? 0 : an ? -1 : 1;
	}
	return 0;
}

/* -gt -ge -lt -le when either side is $null (the binder's own rules). */
static bool
null_order(enum ps_op op, const struct psobj_value *l,
    const struct psobj_value *r)
{
	bool lnum = ps_is_number(l), rnum = ps_is_number(r);
	int s = lnum ? sign_of(l) : rnum ? sign_of(r) : 0;

	switch (op) {
	case PS_OP_GT:
		return lnum ? s == 1 : rnum ? s == -1 : l->kind != PSOBJ_NULL;
	case PS_OP_GE:		/* [5.1] $null -ge 0 is False: 0 -lt 0 */
		return lnum ? s == 0 || s == 1 : rnum ? s == -1 :
		    r->kind == PSOBJ_NULL;
	case PS_OP_LT:
		return lnum ? s == -1 : rnum ? s == 0 || s == 1 :
		    r->kind != PSOBJ_NULL;
	default:		/* LE; [5.1] 0 -le $null is False */
		return lnum ? s == -1 : rnum ? s == 0 || s == 1 :
		    l->kind == PSOBJ_NULL;
	}
}

static int
scalar_compare(enum ps_op op, bool ic, const struct psobj_value *l,
    const struct psobj_value *r, bool *res, struct ps_op_error *e)
{
	int cmp;

	if (op == PS_OP_EQ || op == PS_OP_NE) {
		if (l->kind == PSOBJ_NULL || r->kind == PSOBJ_NULL)
			*res = l->kind == r->kind;
		else if (ps_equal(l, r, ic, res, e) != 0)
			return -1;
		if (op == PS_OP_NE)
			*res = !*res;
		return 0;
	}
	if (l->kind == PSOBJ_NULL || r->kind == PSOBJ_NULL) {
		*res = null_order(op, l, r);
		return 0;
	}
	if (ps_compare(l, r, ic, &cmp, e) != 0)
		return -1;
	if (cmp == 2)		/* NaN */
		*res = false;
	else
		*res = op == PS_OP_GT ? cmp > 0 : op == PS_OP_GE ? cmp >= 0 :
		    op == PS_OP_LT ? cmp < 0 : cmp <= 0;
	return 0;
}

int
ps_op_compare(enum ps_op op, bool ignore_case, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	size_t i;
	bool res;

	if (l->kind != PSOBJ_ARRAY) {
		if (scalar_compare(op, ignore_case, l, r, &res, e) != 0)
			return -1;
		*out = psobj_bool(res);
		return 0;
	}
	if (psobj_array(out, 0, NULL) != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < l->nitems; i++) {
		if (scalar_compare(op, ignore_case, &l->items[i], r, &res,
		    e) != 0) {
			psobj_value_free(out);
			return -1;
		}
		if (res && ps_array_push_copy(out, &l->items[i]) != 0) {
			psobj_value_free(out);
			return ps_fail_nomem(e);
		}
	}
	return 0;
}
