/*
 * values.c: values a processor keeps (all of them, or the last N), and
 * values written in the script as objects.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops.h"
#include "runtime/values.h"

/*
 * A Decimal literal (1.50d) as the operators keep one: its digits cast,
 * scale and all (objects/ps_ops.h).
 */
static int
decimal_literal(const struct ps_value *pv, struct psobj_value *v)
{
	struct psobj_value digits;
	struct ps_op_error e;
	size_t n = strlen(pv->text);
	int rc;

	if (n > 0 && (pv->text[n - 1] == 'd' || pv->text[n - 1] == 'D'))
		n--;
	digits = psobj_null();
	digits.kind = PSOBJ_STRING;
	digits.type = "System.String";
	if ((digits.s = strndup(pv->text, n)) == NULL)
		return -1;
	rc = ps_convert(&digits, "decimal", v, &e);
	if (rc != 0 && !e.nomem) {	/* 1dkb and the like: as a Double */
		*v = psobj_double(pv->num.dval, "System.Decimal");
		rc = 0;
	}
	ps_op_error_free(&e);
	psobj_value_free(&digits);
	return rc;
}

int
value_from_syntax(const struct ps_value *pv, struct psobj_value *v)
{
	size_t i;

	*v = psobj_null();
	if (pv->object != NULL)		/* the evaluator's value, as it is */
		return psobj_value_copy(v, pv->object);
	switch (pv->kind) {
	case PS_VAL_BOOL:
		*v = psobj_bool(pv->bval);
		return 0;
	case PS_VAL_NULL:
		return 0;
	case PS_VAL_NUMBER:
		switch (pv->num.type) {
		case PS_NUM_INT32:
			*v = psobj_int(pv->num.ival, "System.Int32");
			return 0;
		case PS_NUM_INT64:
			*v = psobj_int(pv->num.ival, "System.Int64");
			return 0;
		case PS_NUM_DECIMAL:
			return decimal_literal(pv, v);
		case PS_NUM_DOUBLE:
			*v = psobj_double(pv->num.dval, "System.Double");
			return 0;
		}
		return psobj_string(v, pv->text);
	case PS_VAL_STRING:
		return psobj_string(v, pv->text);
	case PS_VAL_ARRAY:
		if (psobj_array(v, pv->nitems, "System.Object[]") != 0)
			return -1;
		for (i = 0; i < pv->nitems; i++)
			if (value_from_syntax(&pv->items[i], &v->items[i]) != 0) {
				psobj_value_free(v);
				return -1;
			}
		return 0;
	}
	return -1;
}

int
value_list_push(struct value_list *l, struct psobj_value *v)
{
	struct psobj_value *grown;
	size_t cap;

	if (l->n == l->cap) {
		cap = l->cap != 0 ? l->cap * 2 : 16;
		grown = realloc(l->v, cap * sizeof(*grown));
		if (grown == NULL) {
			psobj_value_free(v);
			return -1;
		}
		l->v = grown;
		l->cap = cap;
	}
	l->v[l->n++] = *v;
	return 0;
}

int
values_as_array(struct value_list *l, struct psobj_value *v)
{
	if (psobj_array(v, 0, "System.Object[]") != 0)
		return -1;
	if (l->n > 0) {
		free(v->items);
		v->items = l->v;
		v->nitems = l->n;
	} else {
		free(l->v);
	}
	memset(l, 0, sizeof(*l));
	return 0;
}

void
value_list_free(struct value_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		psobj_value_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
value_ring_init(struct value_ring *r, size_t max)
{
	memset(r, 0, sizeof(*r));
	r->max = max;
}

int
value_ring_push(struct value_ring *r, struct psobj_value *v)
{
	struct psobj_value *grown;
	size_t cap;

	if (r->max == 0) {
		psobj_value_free(v);
		return 0;
	}
	if (r->n == r->max) {		/* full: the oldest drops out */
		psobj_value_free(&r->v[r->head]);
		r->v[r->head] = *v;
		r->head = (r->head + 1) % r->max;
		return 0;
	}
	if (r->n == r->cap) {		/* not full yet: head is 0, no wrap */
		cap = r->cap != 0 ? r->cap * 2 : 16;
		if (cap > r->max)
			cap = r->max;
		grown = realloc(r->v, cap * sizeof(*grown));
		if (grown == NULL) {
			psobj_value_free(v);
			return -1;
		}
		r->v = grown;
		r->cap = cap;
	}
	r->v[r->n++] = *v;
	return 0;
}

bool
value_ring_pop(struct value_ring *r, struct psobj_value *v)
{
	if (r->n == 0)
		return false;
	*v = r->v[r->head];
	r->head = (r->head + 1) % r->cap;
	r->n--;
	return true;
}

void
value_ring_free(struct value_ring *r)
{
	struct psobj_value v;

	while (value_ring_pop(r, &v))
		psobj_value_free(&v);
	free(r->v);
	memset(r, 0, sizeof(*r));
}
