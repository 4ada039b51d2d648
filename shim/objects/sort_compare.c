/* sort_compare.c: the sorting commands' comparison (sort_compare.h). */
#include <stdlib.h>

#include "objects/ps_ops.h"
#include "objects/sort_compare.h"

/*
 * l <op> r through the operators (-lt / -gt, or -clt / -cgt): 1 true,
 * 0 false, -1 when the comparison fails (the script's error: not
 * comparable), -2 on ENOMEM.
 */
static int
holds(enum ps_op op, const struct psobj_value *l, const struct psobj_value *r,
    bool ignore_case)
{
	struct psobj_value out = { .kind = PSOBJ_NULL };
	struct ps_op_error e;
	int rc;

	if (ps_op_binary(op, ignore_case ? PS_CASE_DEFAULT : PS_CASE_SENSITIVE,
	    l, r, &out, NULL, &e) != 0) {
		rc = e.nomem ? -2 : -1;
		ps_op_error_free(&e);
		return rc;
	}
	ps_op_error_free(&e);
	rc = out.kind == PSOBJ_BOOL && out.b;
	psobj_value_free(&out);
	return rc;
}

/*
 * LanguagePrimitives.Compare(a, b): a on the left both times (the left
 * decides the conversion, so b -lt a would ask another question).
 * 0 with *cmp, or -1 / -2 as holds() says.
 */
static int
three_way(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, int *cmp)
{
	int lt = holds(PS_OP_LT, a, b, ignore_case), gt;

	if (lt < 0)
		return lt;
	if (lt == 1) {
		*cmp = -1;
		return 0;
	}
	if ((gt = holds(PS_OP_GT, a, b, ignore_case)) < 0)
		return gt;
	*cmp = gt;
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
