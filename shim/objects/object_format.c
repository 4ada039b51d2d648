/* object_format.c: Out-Default, Format-List and Format-Table of values. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object_format.h"
#include "objects/property_names.h"
#include "objects/result_object.h"
#include "objects/route_diag_object.h"
#include "objects/table_writer.h"

/* PropertyCountForTable: up to this many properties make a table */
#define FORMAT_TABLE_MAX_PROPS	4
/*
 * ColumnWidthManager's minimum column width: a column that would be
 * narrower is hidden instead (UNCONFIRMED value; see the fixtures README).
 */
#define FORMAT_MIN_COLUMN	5

/* TableView for TestNetConnectionResult (spec 2.3, Tcpip.Format.ps1xml) */
static const struct {
	const char *label;
	size_t	width;
} table_view[] = {
	{ "ComputerName", 15 },
	{ "RemotePort", 10 },
	{ "RemoteAddress", 30 },
	{ "PingSucceeded", 20 },
	{ "PingReplyDetails (RTT)", 25 },
	{ "TcpTestSucceeded", 35 },
};
#define TABLE_VIEW_COLS	(sizeof(table_view) / sizeof(table_view[0]))

static void
nomem(struct text_out *out, char *err, size_t errlen)
{
	if (out->error == 0)
		out->error = ENOMEM;
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", strerror(ENOMEM));
	errno = ENOMEM;
}

/* The stream with top-level arrays unrolled; NULL on ENOMEM. */
static const struct psobj_value **
flatten(const struct psobj_value *vals, size_t n, size_t *nflat)
{
	const struct psobj_value **f;
	size_t i, k, total = 0;

	for (i = 0; i < n; i++)
		total += vals[i].kind == PSOBJ_ARRAY ? vals[i].nitems : 1;
	f = calloc(total + 1, sizeof(*f));
	if (f == NULL)
		return NULL;
	*nflat = 0;
	for (i = 0; i < n; i++) {
		if (vals[i].kind != PSOBJ_ARRAY) {
			f[(*nflat)++] = &vals[i];
			continue;
		}
		for (k = 0; k < vals[i].nitems; k++)
			f[(*nflat)++] = &vals[i].items[k];
	}
	return f;
}

/* Whether o's type has a list view of its own (Tcpip.Format.ps1xml) */
static bool
has_list_view(const struct psobj *o)
{
	return strcmp(o->type_name, RESULT_OBJECT_TYPE) == 0 ||
	    strcmp(o->type_name, ROUTE_DIAG_OBJECT_TYPE) == 0;
}

static bool
is_result(const struct psobj_value *v)
{
	return v->kind == PSOBJ_OBJECT &&
	    strcmp(v->obj->type_name, RESULT_OBJECT_TYPE) == 0;
}

/* A scalar out of band: its ToString() on its own line (null: nothing). */
static int
write_scalar(const struct psobj_value *v, struct text_out *out)
{
	char *s;

	if (v->kind == PSOBJ_NULL)
		return 0;
	s = psobj_value_to_string(v);
	if (s == NULL)
		return -1;
	text_out_line(out, s);
	free(s);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* list entries */

static void
items_free(struct list_item *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(items[i].value);
	free(items);
}

/*
 * One list entry of o: refs when given (members only), else every
 * property; values by SmartToString (spec 3.3).  Labels point into o/refs.
 */
static int
list_entry_props(struct list_writer *lw, const struct psobj *o,
    const struct property_refs *refs, enum ps_edition ed)
{
	size_t n = refs != NULL ? refs->n : o->nprops, i, k = 0;
	struct list_item *items = calloc(n + 1, sizeof(*items));

	if (items == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const struct psobj_value *v;
		const char *label;

		if (refs != NULL) {
			v = refs->refs[i].value;
			label = refs->refs[i].label;
			if (v == NULL)
				continue;	/* Format-List shows no such name */
		} else {
			v = &o->props[i].value;
			label = o->props[i].name;
		}
		items[k].label = (char *)label;
		items[k].value = psobj_value_to_display(v, ed);
		if (items[k].value == NULL) {
			items_free(items, k);
			return -1;
		}
		k++;
	}
	list_writer_entry(lw, items, k);
	items_free(items, k);
	return 0;
}

static int
list_entry_default_view(struct list_writer *lw, const struct psobj *o)
{
	struct view_rows rows;

	if ((strcmp(o->type_name, RESULT_OBJECT_TYPE) == 0 ?
	    result_object_default_view(o, &rows) :
	    route_diag_object_view(o, &rows)) != 0)
		return -1;
	list_writer_entry(lw, rows.items, rows.n);
	view_rows_free(&rows);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* tables */

struct table_acc {
	struct table_column *cols;
	char	**labels;		/* owned copies behind cols[].label */
	size_t	ncols;
	bool	fixed;			/* widths given (TableView) */
	char	**cells;		/* row-major */
	size_t	nrows;
};

static void
table_acc_free(struct table_acc *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	for (i = 0; i < t->ncols; i++)
		free(t->labels[i]);
	free(t->cells);
	free(t->labels);
	free(t->cols);
	memset(t, 0, sizeof(*t));
}

static int
table_acc_init(struct table_acc *t, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->cols = calloc(ncols + 1, sizeof(*t->cols));
	t->labels = calloc(ncols + 1, sizeof(*t->labels));
	if (t->cols == NULL || t->labels == NULL) {
		table_acc_free(t);
		return -1;
	}
	t->ncols = ncols;
	return 0;
}

static int
table_acc_column(struct table_acc *t, size_t k, const char *label,
    enum table_align al, size_t width)
{
	t->labels[k] = strdup(label);
	if (t->labels[k] == NULL)
		return -1;
	t->cols[k].label = t->labels[k];
	t->cols[k].align = al;
	t->cols[k].width = width;
	return 0;
}

/* A new row of empty cells; its first cell's address, NULL on ENOMEM. */
static char **
table_acc_row(struct table_acc *t)
{
	char **c = realloc(t->cells,
	    (t->nrows + 1) * t->ncols * sizeof(*c) + sizeof(*c));

	if (c == NULL)
		return NULL;
	t->cells = c;
	memset(c + t->nrows * t->ncols, 0, t->ncols * sizeof(*c));
	return c + t->nrows++ * t->ncols;
}

/* spec 3.4: Boolean, numbers and enums right, anything else left */
static enum table_align
align_of(const struct psobj_value *v)
{
	if (v != NULL && (v->kind == PSOBJ_BOOL || v->kind == PSOBJ_INT))
		return TABLE_ALIGN_RIGHT;
	return TABLE_ALIGN_LEFT;
}

/*
 * ColumnWidthManager.TrimToFit(): while the table is wider than columns,
 * the last visible column shrinks to fit or, below the minimum, is hidden.
 */
static void
table_trim(struct table_column *cols, size_t ncols, size_t columns)
{
	for (;;) {
		size_t total = 0, visible = 0, k, last = ncols, excess;

		for (k = 0; k < ncols; k++) {
			if (cols[k].width == 0)
				continue;
			total += cols[k].width;
			visible++;
			last = k;
		}
		if (visible == 0)
			return;
		total += visible - 1;	/* one separator between columns */
		if (total <= columns)
			return;
		excess = total - columns;
		if (cols[last].width >= excess + FORMAT_MIN_COLUMN) {
			cols[last].width -= excess;
			return;
		}
		cols[last].width = 0;
	}
}

static void
table_acc_write(struct table_acc *t, enum ps_edition ed, size_t columns,
    struct text_out *out)
{
	struct table_writer tw;
	size_t r;

	if (t->nrows == 0)
		return;
	if (!t->fixed)
		table_columns_fit(t->cols, t->ncols,
		    (const char *const *)t->cells, t->nrows);
	table_trim(t->cols, t->ncols, columns);
	table_writer_begin(&tw, out, ed, t->cols, t->ncols);
	for (r = 0; r < t->nrows; r++)
		table_writer_row(&tw,
		    (const char *const *)t->cells + r * t->ncols);
	table_writer_end(&tw);
}

/* Columns named by labels (a property each), aligned by the first object. */
static int
table_acc_props(struct table_acc *t, const struct property_refs *refs)
{
	size_t k;

	if (table_acc_init(t, refs->n) != 0)
		return -1;
	for (k = 0; k < refs->n; k++)
		if (table_acc_column(t, k, refs->refs[k].label,
		    align_of(refs->refs[k].value), 0) != 0)
			return -1;
	return 0;
}

/* A row of o: each column's property by name (spec 3.3 values). */
static int
table_acc_add_props(struct table_acc *t, const struct psobj *o,
    enum ps_edition ed)
{
	char **row = table_acc_row(t);
	size_t k;

	if (row == NULL)
		return -1;
	for (k = 0; k < t->ncols; k++) {
		const struct psobj_prop *p = psobj_find(o, t->labels[k]);

		row[k] = p != NULL ? psobj_value_to_display(&p->value, ed) :
		    strdup("");
		if (row[k] == NULL)
			return -1;
	}
	return 0;
}

static int
table_acc_view(struct table_acc *t, bool autosize)
{
	size_t k;

	if (table_acc_init(t, TABLE_VIEW_COLS) != 0)
		return -1;
	t->fixed = !autosize;
	for (k = 0; k < TABLE_VIEW_COLS; k++)
		if (table_acc_column(t, k, table_view[k].label,
		    TABLE_ALIGN_LEFT, autosize ? 0 : table_view[k].width) != 0)
			return -1;
	return 0;
}

static char *
prop_string(const struct psobj *o, const char *name)
{
	const struct psobj_prop *p = psobj_find(o, name);

	return p != NULL ? psobj_value_to_string(&p->value) : strdup("");
}

/* TableView's row: properties, and RoundTripTime + " ms" for the RTT. */
static int
table_acc_add_view(struct table_acc *t, const struct psobj *o)
{
	const struct psobj_prop *pr = psobj_find(o, "PingReplyDetails");
	char **row = table_acc_row(t);
	size_t k;

	if (row == NULL)
		return -1;
	for (k = 0; k < TABLE_VIEW_COLS; k++) {
		if (k != 4) {
			row[k] = prop_string(o, table_view[k].label);
		} else if (pr != NULL && pr->value.kind == PSOBJ_OBJECT) {
			char *rtt = prop_string(pr->value.obj, "RoundtripTime");

			if (rtt != NULL && asprintf(&row[k], "%s ms", rtt) < 0)
				row[k] = NULL;
			free(rtt);
		} else {
			/* the script calls a method on null: an empty cell */
			row[k] = strdup("");
		}
		if (row[k] == NULL)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Out-Default */

enum shape {
	SHAPE_NONE,
	SHAPE_LIST,
	SHAPE_TABLE
};

struct group {
	enum shape shape;
	const struct psobj *first;	/* the object that opened the group */
	struct list_writer lw;
	struct table_acc table;
};

/* Whether o has the same type name and property names as the first. */
static bool
same_shape(const struct psobj *a, const struct psobj *b)
{
	size_t i;

	if (strcmp(a->type_name, b->type_name) != 0 || a->nprops != b->nprops)
		return false;
	for (i = 0; i < a->nprops; i++)
		if (strcmp(a->props[i].name, b->props[i].name) != 0)
			return false;
	return true;
}

static void
group_end(struct group *g, enum ps_edition ed, size_t columns,
    struct text_out *out)
{
	if (g->shape == SHAPE_LIST)
		list_writer_end(&g->lw);
	else if (g->shape == SHAPE_TABLE) {
		table_acc_write(&g->table, ed, columns, out);
		table_acc_free(&g->table);
	}
	g->shape = SHAPE_NONE;
	g->first = NULL;
}

/* Opens the group o's shape calls for, ending any other. */
static int
group_for(struct group *g, const struct psobj *o, enum ps_edition ed,
    size_t columns, struct text_out *out)
{
	bool list = has_list_view(o) || o->nprops > FORMAT_TABLE_MAX_PROPS;
	struct property_refs refs;
	size_t i;
	int rc;

	if (g->shape != SHAPE_NONE && same_shape(g->first, o))
		return 0;
	group_end(g, ed, columns, out);
	g->first = o;
	if (list) {
		g->shape = SHAPE_LIST;
		list_writer_begin(&g->lw, out, ed);
		return 0;
	}
	/* the object's own properties, in order, as column references */
	refs.n = o->nprops;
	refs.refs = calloc(o->nprops + 1, sizeof(*refs.refs));
	if (refs.refs == NULL)
		return -1;
	for (i = 0; i < o->nprops; i++) {
		refs.refs[i].label = o->props[i].name;
		refs.refs[i].value = &o->props[i].value;
	}
	rc = table_acc_props(&g->table, &refs);
	free(refs.refs);
	if (rc != 0) {
		table_acc_free(&g->table);
		return -1;
	}
	g->shape = SHAPE_TABLE;
	return 0;
}

int
object_format_out_default(const struct psobj_value *vals, size_t n,
    enum ps_edition ed, size_t columns, struct text_out *out)
{
	struct group g;
	const struct psobj_value **f;
	size_t nf = 0, i;
	int rc = 0;

	if (columns == 0)
		columns = FORMAT_DEFAULT_COLUMNS;
	memset(&g, 0, sizeof(g));
	f = flatten(vals, n, &nf);
	if (f == NULL) {
		nomem(out, NULL, 0);
		return -1;
	}
	for (i = 0; i < nf && rc == 0; i++) {
		const struct psobj_value *v = f[i];

		if (v->kind != PSOBJ_OBJECT) {
			if (v->kind != PSOBJ_NULL)
				group_end(&g, ed, columns, out);
			rc = write_scalar(v, out);
			continue;
		}
		rc = group_for(&g, v->obj, ed, columns, out);
		if (rc != 0)
			break;
		if (g.shape == SHAPE_TABLE)
			rc = table_acc_add_props(&g.table, v->obj, ed);
		else if (has_list_view(v->obj))
			rc = list_entry_default_view(&g.lw, v->obj);
		else
			rc = list_entry_props(&g.lw, v->obj, NULL, ed);
	}
	if (rc == 0)
		group_end(&g, ed, columns, out);
	else
		table_acc_free(&g.table);
	free(f);
	if (rc != 0)
		nomem(out, NULL, 0);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Format-List and Format-Table */

int
object_format_list(const struct psobj_value *vals, size_t n,
    const struct format_spec *spec, enum ps_edition ed,
    struct text_out *out, char *err, size_t errlen)
{
	struct list_writer lw;
	const struct psobj_value **f;
	size_t nf = 0, i;
	int rc = 0;

	if (errlen > 0)
		err[0] = '\0';
	f = flatten(vals, n, &nf);
	if (f == NULL) {
		nomem(out, err, errlen);
		return -1;
	}
	list_writer_begin(&lw, out, ed);
	for (i = 0; i < nf && rc == 0; i++) {
		const struct psobj_value *v = f[i];
		struct property_refs refs;

		if (v->kind != PSOBJ_OBJECT) {
			rc = write_scalar(v, out);
		} else if (spec->nprops > 0) {
			rc = property_names_resolve(v->obj, spec->props,
			    spec->nprops, &refs, err, errlen);
			if (rc == 0) {
				rc = list_entry_props(&lw, v->obj, &refs, ed);
				property_refs_free(&refs);
			}
		} else if (has_list_view(v->obj)) {
			rc = list_entry_default_view(&lw, v->obj);
		} else {
			rc = list_entry_props(&lw, v->obj, NULL, ed);
		}
	}
	if (rc == 0)
		list_writer_end(&lw);
	free(f);
	if (rc != 0 && (errlen == 0 || err[0] == '\0'))
		nomem(out, err, errlen);
	return rc;
}

/* The table's columns, from the first object of the stream. */
static int
table_columns_for(struct table_acc *t, const struct psobj *o,
    const struct format_spec *spec, char *err, size_t errlen)
{
	struct property_refs refs;
	const char *star = "*";
	int rc;

	if (spec->nprops == 0 && strcmp(o->type_name, RESULT_OBJECT_TYPE) == 0)
		return table_acc_view(t, spec->autosize);
	if (spec->nprops > 0)
		rc = property_names_resolve(o, spec->props, spec->nprops,
		    &refs, err, errlen);
	else
		rc = property_names_resolve(o, &star, 1, &refs, err, errlen);
	if (rc != 0)
		return -1;
	rc = table_acc_props(t, &refs);
	property_refs_free(&refs);
	return rc;
}

int
object_format_table(const struct psobj_value *vals, size_t n,
    const struct format_spec *spec, enum ps_edition ed,
    struct text_out *out, char *err, size_t errlen)
{
	struct table_acc t;
	const struct psobj_value **f;
	size_t nf = 0, i, columns = spec->columns;
	bool started = false, view = false;
	int rc = 0;

	if (columns == 0)
		columns = FORMAT_DEFAULT_COLUMNS;
	if (errlen > 0)
		err[0] = '\0';
	memset(&t, 0, sizeof(t));
	f = flatten(vals, n, &nf);
	if (f == NULL) {
		nomem(out, err, errlen);
		return -1;
	}
	for (i = 0; i < nf && rc == 0; i++) {
		const struct psobj_value *v = f[i];

		if (v->kind != PSOBJ_OBJECT) {
			rc = write_scalar(v, out);
			continue;
		}
		if (!started) {
			rc = table_columns_for(&t, v->obj, spec, err, errlen);
			view = t.fixed || (spec->nprops == 0 && is_result(v));
			started = rc == 0;
			if (rc != 0)
				break;
		}
		rc = view ? table_acc_add_view(&t, v->obj) :
		    table_acc_add_props(&t, v->obj, ed);
	}
	if (rc == 0)
		table_acc_write(&t, ed, columns, out);
	table_acc_free(&t);
	free(f);
	if (rc != 0 && (errlen == 0 || err[0] == '\0'))
		nomem(out, err, errlen);
	return rc;
}
