/* calc_property.c: Select-Object's calculated properties (calc_property.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/calc_property.h"

/* pv's leaves, in stage_strings()'s order (arrays flattened) */
static int
leaves(const struct ps_value *pv, const struct ps_value ***out, size_t *n)
{
	const struct ps_value **grown;
	size_t i;

	if (pv->kind == PS_VAL_ARRAY) {
		for (i = 0; i < pv->nitems; i++)
			if (leaves(&pv->items[i], out, n) != 0)
				return -1;
		return 0;
	}
	grown = realloc(*out, (*n + 1) * sizeof(*grown));
	if (grown == NULL)
		return -1;
	*out = grown;
	grown[(*n)++] = pv;
	return 0;
}

/* Whether key is a prefix (any case, one character at least) of a or b */
static bool
key_is(const char *key, const char *a, const char *b)
{
	size_t n = strlen(key);

	return n > 0 && (strncasecmp(key, a, n) == 0 ||
	    (b != NULL && strncasecmp(key, b, n) == 0));
}

static int
refuse(struct ps_error *e, const struct ps_value *pv)
{
	return ps_error_parse(e, "CalculatedPropertyNotSupported", pv->offset,
	    pv->length, "This calculated property is not supported by tnc: "
	    "tnc takes a Name (or Label) and an Expression, a script block or "
	    "a property name.");
}

/* One hashtable (or script block) into c.  0, or -1 with e. */
static int
read_one(struct calc_property *c, const struct psobj_value *h,
    const struct ps_value *pv, struct ps_error *e)
{
	const struct psobj_value *name = NULL, *expr = NULL;
	const struct psobj_prop *p;
	size_t i;

	if (h->kind == PSOBJ_SCRIPTBLOCK) {
		expr = h;	/* select { $_.Port }: its text the label */
	} else {
		for (i = 0; i < h->obj->nprops; i++) {
			p = &h->obj->props[i];
			if (key_is(p->name, "Name", "Label") && name == NULL)
				name = &p->value;
			else if (key_is(p->name, "Expression", NULL) &&
			    expr == NULL)
				expr = &p->value;
			else
				return refuse(e, pv);
		}
	}
	if (expr == NULL || (expr->kind != PSOBJ_SCRIPTBLOCK &&
	    expr->kind != PSOBJ_STRING))
		return refuse(e, pv);
	c->expr = expr;
	c->value = psobj_null();
	c->label = name != NULL ? ps_to_string(name) : strdup(expr->s != NULL ?
	    expr->s : "");
	return c->label != NULL ? 0 : ps_error_no_memory(e);
}

/* A new entry for the calculated property at place at, zeroed. */
static struct calc_property *
add_entry(struct calc_properties *cp, size_t at, size_t nprops)
{
	struct calc_property *grown;

	if (cp->names == NULL &&
	    (cp->names = calloc(nprops + 1, sizeof(*cp->names))) == NULL)
		return NULL;
	grown = realloc(cp->v, (cp->n + 1) * sizeof(*grown));
	if (grown == NULL)
		return NULL;
	cp->v = grown;
	memset(&grown[cp->n], 0, sizeof(*grown));
	grown[cp->n].at = at;
	grown[cp->n].value = psobj_null();
	return &grown[cp->n++];
}

int
calc_properties_read(struct calc_properties *cp, const struct ps_value *pv,
    char *const *props, size_t nprops, struct ps_error *e)
{
	const struct ps_value **lv = NULL;
	const struct psobj_value *o;
	struct calc_property *c;
	size_t n = 0, i;
	int rc = 0;

	memset(cp, 0, sizeof(*cp));
	if (pv == NULL)
		return 0;
	if (leaves(pv, &lv, &n) != 0) {
		free(lv);
		return ps_error_no_memory(e);
	}
	for (i = 0; i < n && n == nprops && rc == 0; i++) {
		o = lv[i]->object;
		if (o == NULL || (o->kind != PSOBJ_HASHTABLE &&
		    o->kind != PSOBJ_SCRIPTBLOCK))
			continue;
		if ((c = add_entry(cp, i, n)) == NULL)
			rc = ps_error_no_memory(e);
		else
			rc = read_one(c, o, lv[i], e);
	}
	for (i = 0; rc == 0 && cp->names != NULL && i < n; i++)
		cp->names[i] = props[i];
	for (i = 0; rc == 0 && i < cp->n; i++)
		cp->names[cp->v[i].at] = cp->v[i].label;
	free(lv);
	if (rc != 0)
		calc_properties_free(cp);
	return rc;
}

void
calc_properties_free(struct calc_properties *cp)
{
	size_t i;

	for (i = 0; i < cp->n; i++) {
		free(cp->v[i].label);
		psobj_value_free(&cp->v[i].value);
	}
	free(cp->v);
	free(cp->names);
	memset(cp, 0, sizeof(*cp));
}

enum flow
calc_properties_eval(struct calc_properties *cp, struct interp *in,
    const struct psobj_value *v, struct property_names *names)
{
	struct calc_property *c;
	struct ps_op_error err;
	bool found;
	size_t i;
	enum flow f;

	for (i = 0; i < cp->n; i++) {
		c = &cp->v[i];
		psobj_value_free(&c->value);
		if (c->expr->kind == PSOBJ_SCRIPTBLOCK) {
			f = eval_scriptblock_value(in, c->expr, v, &c->value);
			if (f != FLOW_NEXT)
				return f;
		} else if (ps_member(v, c->expr->s, &c->value, &found,
		    &err) != 0) {
			/* no such member: $null, as 5.1 gives */
			c->value = psobj_null();
			if (err.nomem) {
				ps_op_error_free(&err);
				return eval_nomem(in);
			}
			ps_op_error_free(&err);
		}
		names->v[c->at].fixed = &c->value;
	}
	return FLOW_NEXT;
}
