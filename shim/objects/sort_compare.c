/* sort_compare.c: the sorting commands' comparison (sort_compare.h). */
#include <stdlib.h>

#include "objects/ps_ops.h"
#include "objects/sort_compare.h"

/*
 * LanguagePrimitives.Compare(a, b) (objects/ps_ops.h): 0 with *cmp, -1
 * when the two cannot be ordered (the comparer then compares texts), -2
 * on ENOMEM.
 */
static int
three_way(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case, int *cmp)
{
	struct ps_op_error e;
	int rc = 0;

	if (ps_compare_values(a, b, ignore_case, cmp, &e) != 0)
		rc = e.nomem ? -2 : -1;
	ps_op_error_free(&e);
	return rc;
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
