/* sort_compare.c: the sorting commands' comparison (sort_compare.h). */
#include <stdlib.h>

#include "objects/ps_ops.h"
#include "objects/sort_compare.h"

/*
 * l -lt r (or -clt) through the operators: 1 true, 0 false, -1 when the
 * comparison fails (the script's error: not comparable), -2 on ENOMEM.
 */
static int
less(const struct psobj_value *l, const struct psobj_value *r,
    bool ignore_case)
{
	struct psobj_value out = { .kind = PSOBJ_NULL };
	struct ps_op_error e;
	int rc;

	if (ps_op_binary(PS_OP_LT, ignore_case ? PS_CASE_DEFAULT :
	    PS_CASE_SENSITIVE, l, r, &out, NULL, &e) != 0) {
		rc = e.nomem ? -2 : -1;
		ps_op_error_free(&e);
		return rc;
	}
	ps_op_error_free(&e);
	rc = out.kind == PSOBJ_BOOL && out.b;
	psobj_value_free(&out);
	return rc;
}

/* Three ways through -lt both ways; -1 / -2 as less() says. */
static int
three_way(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, int *cmp)
{
	int ab = less(a, b, ignore_case), ba;

	if (ab < 0)
		return ab;
	if (ab == 1) {
		*cmp = -1;
		return 0;
	}
	if ((ba = less(b, a, ignore_case)) < 0)
		return ba;
	*cmp = ba;
	return 0;
}

/* The comparer's fallback: both values' texts. */
static int
as_text(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, bool *nomem)
{
	char *x = ps_to_string(a), *y = ps_to_string(b);
	struct psobj_value sx, sy;
	int cmp = 0, rc = -2;

	if (x != NULL && y != NULL && psobj_string(&sx, x) == 0) {
		if (psobj_string(&sy, y) == 0) {
			rc = three_way(&sx, &sy, ignore_case, &cmp);
			psobj_value_free(&sy);
		}
		psobj_value_free(&sx);
	}
	free(x);
	free(y);
	*nomem = *nomem || rc == -2;
	return rc == 0 ? cmp : 0;
}

int
sort_compare(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, bool *nomem)
{
	int cmp = 0, rc;

	if (a->kind == PSOBJ_NULL && b->kind == PSOBJ_NULL)
		return 0;
	/* an array on the left would filter, not compare: text, as .NET */
	if (a->kind == PSOBJ_ARRAY || b->kind == PSOBJ_ARRAY)
		return as_text(a, b, ignore_case, nomem);
	rc = three_way(a, b, ignore_case, &cmp);
	if (rc == -2) {
		*nomem = true;
		return 0;
	}
	return rc == 0 ? cmp : as_text(a, b, ignore_case, nomem);
}

bool
sort_to_double(const struct psobj_value *v, double *d, bool *nomem)
{
	struct psobj_value out = { .kind = PSOBJ_NULL };
	struct ps_op_error e;
	bool ok;

	if (ps_convert(v, "double", &out, &e) != 0) {
		*nomem = *nomem || e.nomem;
		ps_op_error_free(&e);
		return false;
	}
	ps_op_error_free(&e);
	ok = out.kind == PSOBJ_DOUBLE;
	*d = out.d;
	psobj_value_free(&out);
	return ok;
}
