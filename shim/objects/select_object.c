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
	char	*first;			/* the first non-terminating error
					   (malloc'd; NULL: none, or ENOMEM),
					   when all is NULL */
	char	***all;			/* NULL, or every error's text */
	bool	nomem;			/* keeping an error's text failed */
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

/* A non-terminating error: counted, the first one kept (all, if asked). */
static void
out_error(struct out_list *l, const char *before, const char *name,
    const char *after)
{
	char **grown, *s;

	if (asprintf(&s, "%s%s%s", before, name, after) < 0)
		s = NULL;
	if (l->all == NULL) {
		/* counted even when its text could not be kept */
		if (l->errors++ == 0)
			l->first = s;
		else
			free(s);
		return;
	}
	grown = s == NULL ? NULL :
	    realloc(*l->all, (l->errors + 1) * sizeof(*grown));
	if (grown == NULL) {
		free(s);
		l->nomem = true;
		return;
	}
	*l->all = grown;
	grown[l->errors++] = s;
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
    const struct select_spec *spec, const struct property_names *names,
    char *err, size_t errlen)
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
	if (property_names_match(names, o, &refs, err, errlen) != 0)
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
	struct out_list l = { NULL, 0, 0, NULL, NULL, false };
	char fatal[256] = "";		/* ENOMEM, or a bad wildcard */
	struct property_names names;
	size_t i, head = n, tail_from = n;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	*err = NULL;
	if (property_names_compile(spec->props, spec->nprops, &names, fatal,
	    sizeof(fatal)) != 0) {
		*err = strdup(fatal[0] != '\0' ? fatal : strerror(ENOMEM));
		return -1;
	}
	if (spec->has_first || spec->has_last)
		head = !spec->has_first ? 0 : spec->first < n ? spec->first : n;
	if (spec->has_last)	/* the last N of what -First did not take */
		tail_from = n - (spec->last < n - head ? spec->last : n - head);
	for (i = 0; i < n && rc == 0; i++)
		if (i < head || i >= tail_from)
			rc = select_one(&l, &in[i], spec, &names, fatal,
			    sizeof(fatal));
	property_names_free(&names);
	if (nerrors != NULL)
		*nerrors = l.errors;
	if (rc != 0) {
		select_values_free(l.v, l.n);
		free(l.first);
		*err = strdup(fatal[0] != '\0' ? fatal : strerror(ENOMEM));
		return -1;
	}
	*out = l.v;
	*nout = l.n;
	*err = l.first;
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

int
select_value(const struct psobj_value *in, const struct select_spec *spec,
    const struct property_names *names, struct psobj_value **out,
    size_t *nout, char ***errors, size_t *nerrors, char *err, size_t errlen)
{
	struct out_list l = { NULL, 0, 0, NULL, errors, false };
	int rc;

	*out = NULL;
	*nout = 0;
	*errors = NULL;
	*nerrors = 0;
	if (errlen > 0)
		err[0] = '\0';
	rc = select_one(&l, in, spec, names, err, errlen);
	*nerrors = l.errors;
	if (rc != 0 || l.nomem) {
		select_values_free(l.v, l.n);
		select_errors_free(*errors, *nerrors);
		*errors = NULL;
		*nerrors = 0;
		if (err[0] == '\0')
			snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	*out = l.v;
	*nout = l.n;
	return 0;
}

void
select_errors_free(char **errors, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(errors[i]);
	free(errors);
}
