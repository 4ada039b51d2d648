/* select_object.c: Select-Object -Property/-ExpandProperty/-First/-Last. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/property_names.h"
#include "objects/select_object.h"
#include "objects/wildcard.h"

struct out_list {
	struct psobj_value *v;
	size_t	n;
	size_t	errors;
	char	*err;			/* the first non-terminating error
					   (malloc'd; NULL: none, or ENOMEM) */
};

/* Appends v (taken over). */
static int
out_push(struct out_list *l, struct psobj_value v)
{
	struct psobj_value *p = realloc(l->v, (l->n + 1) * sizeof(*p));

	if (p == NULL) {
		psobj_value_free(&v);
		return -1;
	}
	l->v = p;
	l->v[l->n++] = v;
	return 0;
}

/* A non-terminating error: counted, the first one kept. */
static void
out_error(struct out_list *l, const char *before, const char *name,
    const char *after)
{
	if (l->errors++ == 0 && asprintf(&l->err, "%s%s%s", before, name,
	    after) < 0)
		l->err = NULL;
}

/* The type name of v as Select-Object prefixes it with "Selected.". */
static const char *
value_type_name(const struct psobj_value *v)
{
	if (v->kind == PSOBJ_OBJECT && v->obj != NULL)
		return v->obj->type_name;
	return v->type != NULL ? v->type : "System.Object";
}

/*
 * Adds copies of refs to o, skipping (with an error) a name o already has.
 */
static int
add_selected(struct out_list *l, struct psobj *o,
    const struct property_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->n; i++) {
		const struct property_ref *r = &refs->refs[i];
		struct psobj_value v = psobj_null();

		if (psobj_find(o, r->label) != NULL) {
			out_error(l, "The property cannot be processed because "
			    "the property \"", r->label, "\" already exists.");
			continue;
		}
		if (r->value != NULL && psobj_value_copy(&v, r->value) != 0)
			return -1;
		if (psobj_add(o, r->label, v) != 0)
			return -1;
	}
	return 0;
}

/* -Property without -ExpandProperty: a Selected.<type> object. */
static int
select_properties(struct out_list *l, const struct psobj_value *in,
    const struct property_refs *refs)
{
	char *type;
	struct psobj *o;
	struct psobj_value v;

	if (asprintf(&type, "Selected.%s", value_type_name(in)) < 0)
		return -1;
	o = psobj_new(type);
	free(type);
	if (o == NULL)
		return -1;
	if (add_selected(l, o, refs) != 0) {
		psobj_free(o);
		return -1;
	}
	/* a PSCustomObject's ToString() is empty */
	if (psobj_object(&v, o, "") != 0)
		return -1;
	return out_push(l, v);
}

/* One expanded value: objects get the selected properties added. */
static int
expand_one(struct out_list *l, const struct psobj_value *item,
    const struct property_refs *refs)
{
	struct psobj_value v;

	if (item->kind == PSOBJ_NULL)
		return 0;	/* Select-Object skips null values */
	if (psobj_value_copy(&v, item) != 0)
		return -1;
	if (v.kind == PSOBJ_OBJECT && add_selected(l, v.obj, refs) != 0) {
		psobj_value_free(&v);
		return -1;
	}
	return out_push(l, v);
}

/*
 * The -ExpandProperty member of o: exact or wildcard name; with several
 * wildcard matches the first is taken (PowerShell reports an error there
 * whose text we do not know; see fixtures/pipeline/README.md).
 */
static const struct psobj_value *
expand_member(const struct psobj_value *in, const char *name, char *err,
    size_t errlen, int *rc)
{
	struct property_refs refs;
	const struct psobj_value *found = NULL;
	const char *const names[] = { name };
	const struct psobj *o = in->kind == PSOBJ_OBJECT ? in->obj : NULL;

	*rc = property_names_resolve(o, names, 1, &refs, err, errlen);
	if (*rc == 0 && refs.n > 0)
		found = refs.refs[0].value;
	if (*rc == 0)
		property_refs_free(&refs);
	return found;
}

static int
select_expand(struct out_list *l, const struct psobj_value *in,
    const char *name, const struct property_refs *refs, char *err,
    size_t errlen)
{
	const struct psobj_value *v;
	size_t i;
	int rc;

	v = expand_member(in, name, err, errlen, &rc);
	if (rc != 0)
		return -1;
	if (v == NULL) {
		out_error(l, "Property \"", name, "\" cannot be found.");
		return 0;
	}
	if (v->kind != PSOBJ_ARRAY)
		return expand_one(l, v, refs);
	for (i = 0; i < v->nitems; i++)
		if (expand_one(l, &v->items[i], refs) != 0)
			return -1;
	return 0;
}

static int
select_one(struct out_list *l, const struct psobj_value *in,
    const struct select_spec *spec, char *err, size_t errlen)
{
	struct property_refs refs = { NULL, 0 };
	const struct psobj *o = in->kind == PSOBJ_OBJECT ? in->obj : NULL;
	struct psobj_value v;
	int rc;

	if (spec->nprops == 0 && spec->expand == NULL) {
		if (psobj_value_copy(&v, in) != 0)
			return -1;
		return out_push(l, v);
	}
	if (property_names_resolve(o, spec->props, spec->nprops, &refs, err,
	    errlen) != 0)
		return -1;
	if (spec->expand != NULL)
		rc = select_expand(l, in, spec->expand, &refs, err, errlen);
	else
		rc = select_properties(l, in, &refs);
	property_refs_free(&refs);
	return rc;
}

int
select_object(const struct psobj_value *in, size_t n,
    const struct select_spec *spec, struct psobj_value **out, size_t *nout,
    size_t *nerrors, char **err)
{
	struct out_list l = { NULL, 0, 0, NULL };
	char fatal[256] = "";		/* ENOMEM, or a bad wildcard */
	size_t i, head = n, tail_from = n;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	*err = NULL;
	if (spec->has_first || spec->has_last)
		head = !spec->has_first ? 0 : spec->first < n ? spec->first : n;
	if (spec->has_last)	/* the last N of what -First did not take */
		tail_from = n - (spec->last < n - head ? spec->last : n - head);
	for (i = 0; i < n && rc == 0; i++)
		if (i < head || i >= tail_from)
			rc = select_one(&l, &in[i], spec, fatal,
			    sizeof(fatal));
	if (nerrors != NULL)
		*nerrors = l.errors;
	if (rc != 0) {
		select_values_free(l.v, l.n);
		free(l.err);
		*err = strdup(fatal[0] != '\0' ? fatal : strerror(ENOMEM));
		return -1;
	}
	*out = l.v;
	*nout = l.n;
	*err = l.err;
	return l.errors > 0 ? 1 : 0;
}

void
select_values_free(struct psobj_value *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		psobj_value_free(&v[i]);
	free(v);
}
