/*
 * cmd_sort_object.c: Sort-Object (sort): waits for all its input, then
 * passes it on in order, as 5.1's SortObjectCommand orders it:
 *   - by each -Property name (wildcards: every member they match), or by
 *     the objects themselves without -Property;
 *   - values compared as sort_compare.h compares them (the comparison
 *     operators' rules: numbers as numbers, text in the culture's order
 *     without regard to case unless -CaseSensitive, $null low);
 *   - an object without the property before every object that has it,
 *     -Descending or not (ObjectCommandComparer: "regardless of order");
 *   - -Unique drops an object equal to the one before it.
 * Objects that compare equal keep their input order (a stable sort, as
 * PowerShell 7's; 5.1's List.Sort is not stable: README, choices).
 */
#include <stdlib.h>
#include <string.h>

#include "objects/property_names.h"
#include "objects/sort_compare.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/values.h"

/* One sort key of an object: a property's value, or none */
struct sort_key {
	const struct psobj_value *value;	/* into the object; NULL: missing */
};

/* One input and its keys */
struct sort_entry {
	struct psobj_value v;
	struct sort_key *keys;		/* none without -Property */
	size_t	nkeys;
	struct psobj *members;		/* a string's (Length), kept for keys */
	bool	duplicate;		/* -Unique: equal to the one before */
};

struct sort_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	bool	descending, unique, ignore_case;
	bool	nomem;			/* a comparison ran out of memory */
	struct property_names names;	/* -Property */
	struct sort_entry *entries;
	size_t	n, cap;
	struct cmd_param_input in;	/* -InputObject */
};

/* The keys of e: each -Property name's values, or the object itself. */
static int
entry_keys(struct sort_proc *sp, struct sort_entry *e)
{
	struct property_refs refs;
	char err[256];
	size_t i;

	if (sp->st->nprops == 0)
		return 0;		/* the object is its own key */
	if (e->v.kind == PSOBJ_STRING &&
	    (e->members = psobj_string_members(&e->v)) == NULL)
		return -1;
	if (property_names_match(&sp->names, e->v.kind == PSOBJ_OBJECT ?
	    e->v.obj : e->members, &refs, err, sizeof(err)) != 0)
		return -1;
	e->keys = calloc(refs.n + 1, sizeof(*e->keys));
	if (e->keys == NULL) {
		property_refs_free(&refs);
		return -1;
	}
	for (i = 0; i < refs.n; i++)	/* values point into e->v */
		e->keys[i].value = refs.refs[i].value;
	e->nkeys = refs.n;
	property_refs_free(&refs);
	return 0;
}

/* OrderByPropertyComparer: key by key, a missing one first. */
static int
entry_compare(struct sort_proc *sp, const struct sort_entry *a,
    const struct sort_entry *b)
{
	const struct psobj_value *x, *y;
	size_t i, n = a->nkeys > b->nkeys ? a->nkeys : b->nkeys;
	int r;

	if (sp->st->nprops == 0) {
		r = sort_compare(&a->v, &b->v, sp->ignore_case, &sp->nomem);
		return sp->descending ? -r : r;
	}
	for (i = 0; i < n; i++) {
		x = i < a->nkeys ? a->keys[i].value : NULL;
		y = i < b->nkeys ? b->keys[i].value : NULL;
		if (x == NULL || y == NULL) {
			r = (x != NULL) - (y != NULL);
			if (r != 0)
				return r;	/* regardless of -Descending */
			continue;
		}
		r = sort_compare(x, y, sp->ignore_case, &sp->nomem);
		if (r != 0)
			return sp->descending ? -r : r;
	}
	return 0;
}

/* A stable merge sort of entries[lo, hi) through tmp. */
static void
merge_sort(struct sort_proc *sp, struct sort_entry *v,
    struct sort_entry *tmp, size_t lo, size_t hi)
{
	size_t mid, i, j, k;

	if (hi - lo < 2)
		return;
	mid = lo + (hi - lo) / 2;
	merge_sort(sp, v, tmp, lo, mid);
	merge_sort(sp, v, tmp, mid, hi);
	for (i = lo, j = mid, k = lo; k < hi; k++) {
		if (i < mid && (j >= hi ||
		    entry_compare(sp, &v[i], &v[j]) <= 0))
			tmp[k] = v[i++];
		else
			tmp[k] = v[j++];
	}
	memcpy(v + lo, tmp + lo, (hi - lo) * sizeof(*v));
}

static enum proc_rc
sort_process(struct proc *p, struct psobj_value *v)
{
	struct sort_proc *sp = (struct sort_proc *)p;
	const struct psobj_value *in;
	struct sort_entry *grown;
	size_t cap;

	in = cmd_param_input_value(&sp->in, &sp->rt->host, v);
	if (in == NULL) {
		if (v != NULL)
			psobj_value_free(v);
		return PROC_OK;
	}
	if (sp->n == sp->cap) {
		cap = sp->cap != 0 ? sp->cap * 2 : 64;
		grown = realloc(sp->entries, cap * sizeof(*grown));
		if (grown == NULL)
			goto nomem;
		sp->entries = grown;
		sp->cap = cap;
	}
	memset(&sp->entries[sp->n], 0, sizeof(sp->entries[sp->n]));
	if (in == v)
		sp->entries[sp->n].v = *v;	/* taken over */
	else if (psobj_value_copy(&sp->entries[sp->n].v, in) != 0)
		goto nomem;
	v = NULL;
	if (entry_keys(sp, &sp->entries[sp->n]) != 0) {
		psobj_value_free(&sp->entries[sp->n].v);
		free(sp->entries[sp->n].keys);
		psobj_free(sp->entries[sp->n].members);
		goto nomem;
	}
	sp->n++;
	return PROC_OK;
nomem:
	if (v != NULL)
		psobj_value_free(v);
	return cmd_nomem(p, sp->rt);
}

static enum proc_rc
sort_end(struct proc *p)
{
	struct sort_proc *sp = (struct sort_proc *)p;
	struct sort_entry *tmp = calloc(sp->n + 1, sizeof(*tmp));
	enum proc_rc rc = PROC_OK;
	size_t i, last = 0;

	if (tmp == NULL)
		return cmd_nomem(p, sp->rt);
	merge_sort(sp, sp->entries, tmp, 0, sp->n);
	free(tmp);
	if (sp->nomem)
		return cmd_nomem(p, sp->rt);
	for (i = 1; sp->unique && i < sp->n; i++) {
		if (entry_compare(sp, &sp->entries[last], &sp->entries[i]) != 0)
			last = i;
		else
			sp->entries[i].duplicate = true;
	}
	if (sp->nomem)
		return cmd_nomem(p, sp->rt);
	for (i = 0; i < sp->n && rc == PROC_OK; i++) {
		if (sp->entries[i].duplicate)
			continue;
		rc = proc_emit(p, &sp->entries[i].v);
		sp->entries[i].v = psobj_null();	/* passed on */
	}
	return rc;
}

static void
sort_free(struct proc *p)
{
	struct sort_proc *sp = (struct sort_proc *)p;
	size_t i;

	for (i = 0; i < sp->n; i++) {
		psobj_value_free(&sp->entries[i].v);
		free(sp->entries[i].keys);
		psobj_free(sp->entries[i].members);
	}
	free(sp->entries);
	property_names_free(&sp->names);
	cmd_param_input_free(&sp->in);
	free(sp);
}

static const struct proc_ops sort_ops = {
	.process = sort_process,
	.end = sort_end,
	.free = sort_free,
};

static struct proc *
sort_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct sort_proc *sp = calloc(1, sizeof(*sp));

	if (sp == NULL)
		return NULL;
	sp->base.ops = &sort_ops;
	sp->rt = rt;
	sp->st = st;
	sp->descending = ps_binding_get(&st->b, "Descending")->sw;
	sp->unique = ps_binding_get(&st->b, "Unique")->sw;
	sp->ignore_case = !ps_binding_get(&st->b, "CaseSensitive")->sw;
	if (property_names_compile((const char *const *)st->props, st->nprops,
	    &sp->names, err, errlen) != 0 ||
	    cmd_param_input_init(&sp->in, st, "InputObject") != 0) {
		sort_free(&sp->base);
		return NULL;
	}
	return &sp->base;
}

static const char *const sort_runs[] = { "Descending", "Unique",
	"InputObject", "Property", "CaseSensitive", NULL };

const struct command_def sort_object_def = {
	.cmd = PIPE_CMD_SORT_OBJECT,
	.runs = sort_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.make = sort_make,
};
