/*
 * object_format.c: Out-Default, Format-List and Format-Table of values, as
 * one streaming state machine (the formatter): a value in, its lines out
 * as soon as they are final.
 *
 * The state PowerShell keeps between objects (OutCommandInner,
 * FormatViewManager): the current group (a list, or a table with its
 * columns) and its envelope.  Out-Default opens a group for the first
 * object's shape and a new one when the shape changes (type name or
 * property names); a table whose widths the view does not fix caches its
 * rows for FORMAT_GROUP_CACHE_MS from the first (OutputGroupQueue: the
 * row that arrives after the window is still part of the cache), fits the
 * widths to them, and writes later rows at those widths; -AutoSize caches
 * the whole group.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object_format.h"
#include "base/clock.h"
#include "objects/property_names.h"
#include "objects/ps_ops.h"
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

/* Whether o's type has a list view of its own (Tcpip.Format.ps1xml). */
static bool
has_list_view(const struct psobj *o)
{
	return strcmp(o->type_name, RESULT_OBJECT_TYPE) == 0 ||
	    strcmp(o->type_name, ROUTE_DIAG_OBJECT_TYPE) == 0;
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

/*
 * A table being built: its columns, and the rows cached while its widths
 * are not fixed yet.  Once fixed, rows go straight to the table writer.
 */
struct table_acc {
	struct table_column *cols;
	char	**labels;		/* owned copies behind cols[].label */
	size_t	ncols;
	bool	fixed;			/* widths given (TableView) */
	char	**cells;		/* cached rows, row-major */
	size_t	nrows;
	bool	started;		/* widths fixed, header written */
	struct table_writer tw;
};

static void
table_acc_drop_rows(struct table_acc *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}

static void
table_acc_free(struct table_acc *t)
{
	size_t i;

	table_acc_drop_rows(t);
	for (i = 0; i < t->ncols; i++)
		free(t->labels[i]);
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

/* Fixes the widths from the cached rows and writes header and rows. */
static void
table_acc_start(struct table_acc *t, enum ps_edition ed, size_t columns,
    struct text_out *out)
{
	size_t r;

	if (!t->fixed)
		table_columns_fit(t->cols, t->ncols,
		    (const char *const *)t->cells, t->nrows);
	table_trim(t->cols, t->ncols, columns);
	table_writer_begin(&t->tw, out, ed, t->cols, t->ncols);
	t->started = true;
	for (r = 0; r < t->nrows; r++)
		table_writer_row(&t->tw,
		    (const char *const *)t->cells + r * t->ncols);
	table_acc_drop_rows(t);
}

/* A row (cells taken over): cached, or written when the widths are fixed. */
static int
table_acc_add(struct table_acc *t, char **row)
{
	char **c;
	size_t k;

	if (t->started) {
		table_writer_row(&t->tw, (const char *const *)row);
		for (k = 0; k < t->ncols; k++)
			free(row[k]);
		return 0;
	}
	c = realloc(t->cells, (t->nrows + 1) * t->ncols * sizeof(*c) +
	    sizeof(*c));
	if (c == NULL) {
		for (k = 0; k < t->ncols; k++)
			free(row[k]);
		return -1;
	}
	t->cells = c;
	memcpy(c + t->nrows++ * t->ncols, row, t->ncols * sizeof(*c));
	return 0;
}

/* The end of the table: what is cached, then the closing blank lines. */
static void
table_acc_finish(struct table_acc *t, enum ps_edition ed, size_t columns,
    struct text_out *out)
{
	if (!t->started && t->nrows > 0)
		table_acc_start(t, ed, columns, out);
	if (t->started)
		table_writer_end(&t->tw);
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

static void
row_free(char **row, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(row[k]);
	free(row);
}

/* A row of o: each column's property by name (spec 3.3 values). */
static char **
table_row_props(const struct table_acc *t, const struct psobj *o,
    enum ps_edition ed)
{
	char **row = calloc(t->ncols + 1, sizeof(*row));
	size_t k;

	if (row == NULL)
		return NULL;
	for (k = 0; k < t->ncols; k++) {
		const struct psobj_prop *p = psobj_find(o, t->labels[k]);

		row[k] = p != NULL ? psobj_value_to_display(&p->value, ed) :
		    strdup("");
		if (row[k] == NULL) {
			row_free(row, k);
			return NULL;
		}
	}
	return row;
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
static char **
table_row_view(const struct psobj *o)
{
	const struct psobj_prop *pr = psobj_find(o, "PingReplyDetails");
	char **row = calloc(TABLE_VIEW_COLS + 1, sizeof(*row));
	size_t k;

	if (row == NULL)
		return NULL;
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
		if (row[k] == NULL) {
			row_free(row, k);
			return NULL;
		}
	}
	return row;
}

/* ---------------------------------------------------------------------- */
/* DateTime's custom view */

/*
 * DotNetTypes.format.ps1xml shows a DateTime through a custom control:
 * its DateTime property, the long date and the long time (en-US:
 * "Tuesday, December 1, 2026 1:30:12 AM", .NET's "F").  The envelope is
 * OutCommandInner's for a complex shape: FormatStart's blank line before
 * the first, the entries one line each, then GroupEnd's and FormatEnd's
 * blank lines (5.1); 7.x writes no GroupEnd line.
 */
static int
custom_entry(struct text_out *out, const struct psobj_value *v, bool first)
{
	char *s = ps_datetime_format(v->i, v->b, "F");

	if (s == NULL)
		return -1;
	if (first)
		text_out_blank(out);
	text_out_line(out, s);
	free(s);
	return 0;
}

static void
custom_end(struct text_out *out, enum ps_edition ed)
{
	if (ed == PS_EDITION_51)
		text_out_blank(out);	/* GroupEnd */
	text_out_blank(out);		/* FormatEnd */
}

/* ---------------------------------------------------------------------- */
/* the formatter */

enum shape {
	SHAPE_NONE,
	SHAPE_LIST,
	SHAPE_TABLE,
	SHAPE_CUSTOM			/* DateTime's custom view */
};

/*
 * What makes two objects one group in Out-Default: their type name.  As in
 * PowerShell (issue #4552, "by design"), a later object of the same type
 * but other properties is shown in the first one's table or list shape.
 */
struct shape_key {
	char	*type_name;
};

struct formatter {
	enum formatter_kind kind;
	struct format_spec spec;	/* props point into names */
	struct property_names names;	/* -Property, compiled once */
	enum ps_edition ed;
	size_t	columns;
	struct text_out *out;
	enum shape shape;		/* the open group */
	struct shape_key key;		/* Out-Default: its first object's */
	struct list_writer lw;
	struct table_acc table;
	bool	table_view;		/* Format-Table rows from TableView */
	bool	table_cache_all;	/* -AutoSize, or no clock */
	long long group_t0;		/* when the table's group opened */
	bool	list_open;		/* Format-List: its one group */
};

static void
shape_key_free(struct shape_key *k)
{
	free(k->type_name);
	k->type_name = NULL;
}

static int
shape_key_set(struct shape_key *k, const struct psobj *o)
{
	shape_key_free(k);
	k->type_name = strdup(o->type_name);
	return k->type_name != NULL ? 0 : -1;
}

/* Whether o has the type name of the group's first object. */
static bool
shape_key_matches(const struct shape_key *k, const struct psobj *o)
{
	return strcmp(k->type_name, o->type_name) == 0;
}

static void
group_end(struct formatter *f)
{
	if (f->shape == SHAPE_LIST)
		list_writer_end(&f->lw);
	else if (f->shape == SHAPE_TABLE)
		table_acc_finish(&f->table, f->ed, f->columns, f->out);
	else if (f->shape == SHAPE_CUSTOM)
		custom_end(f->out, f->ed);
	table_acc_free(&f->table);
	f->shape = SHAPE_NONE;
}

static void
group_open_table(struct formatter *f)
{
	f->shape = SHAPE_TABLE;
	f->table_cache_all = f->spec.autosize || f->spec.now_ms == NULL;
	f->group_t0 = f->spec.now_ms != NULL ? f->spec.now_ms() : 0;
}

/* Out-Default: opens the group o's shape calls for, ending any other. */
static int
out_default_group(struct formatter *f, const struct psobj *o)
{
	bool list = has_list_view(o) || o->nprops > FORMAT_TABLE_MAX_PROPS;
	struct property_refs refs;
	size_t i;
	int rc;

	if (f->shape != SHAPE_NONE && shape_key_matches(&f->key, o))
		return 0;
	group_end(f);
	if (shape_key_set(&f->key, o) != 0)
		return -1;
	if (list) {
		f->shape = SHAPE_LIST;
		list_writer_begin(&f->lw, f->out, f->ed);
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
	rc = table_acc_props(&f->table, &refs);
	free(refs.refs);
	if (rc != 0)
		return -1;
	group_open_table(f);
	return 0;
}

/* Format-Table: the columns, from the first object of the stream. */
static int
table_group(struct formatter *f, const struct psobj *o, char *err,
    size_t errlen)
{
	struct property_refs refs;
	const char *star = "*";
	struct property_names all;
	int rc;

	if (f->shape == SHAPE_TABLE)
		return 0;
	f->table_view = f->spec.nprops == 0 &&
	    strcmp(o->type_name, RESULT_OBJECT_TYPE) == 0;
	if (f->table_view) {
		if (table_acc_view(&f->table, f->spec.autosize) != 0)
			return -1;
	} else {
		if (f->spec.nprops > 0) {
			rc = property_names_match(&f->names, o, &refs, err,
			    errlen);
		} else {
			rc = property_names_compile(&star, 1, &all, err,
			    errlen);
			if (rc == 0) {
				rc = property_names_match(&all, o, &refs, err,
				    errlen);
				property_names_free(&all);
			}
		}
		if (rc != 0)
			return -1;
		rc = table_acc_props(&f->table, &refs);
		property_refs_free(&refs);
		if (rc != 0)
			return -1;
	}
	group_open_table(f);
	return 0;
}

/* A table row for o, then the cache rule: fix the widths when it is time. */
static int
table_row(struct formatter *f, const struct psobj *o)
{
	char **row = f->table_view ? table_row_view(o) :
	    table_row_props(&f->table, o, f->ed);
	int rc;

	if (row == NULL)
		return -1;
	rc = table_acc_add(&f->table, row);
	free(row);
	if (rc != 0 || f->table.started)
		return rc;
	if (f->table.fixed || (!f->table_cache_all &&
	    f->spec.now_ms() - f->group_t0 > FORMAT_GROUP_CACHE_MS))
		table_acc_start(&f->table, f->ed, f->columns, f->out);
	return 0;
}

/* Format-List: one entry, with -Property or the default shape. */
static int
list_entry(struct formatter *f, const struct psobj_value *v, char *err,
    size_t errlen)
{
	struct property_refs refs;
	int rc;

	if (!f->list_open) {
		f->list_open = true;
		f->shape = SHAPE_LIST;
		list_writer_begin(&f->lw, f->out, f->ed);
	}
	if (f->spec.nprops > 0) {
		rc = property_names_match(&f->names, v->obj, &refs, err, errlen);
		if (rc == 0) {
			rc = list_entry_props(&f->lw, v->obj, &refs, f->ed);
			property_refs_free(&refs);
		}
		return rc;
	}
	if (has_list_view(v->obj))
		return list_entry_default_view(&f->lw, v->obj);
	return list_entry_props(&f->lw, v->obj, NULL, f->ed);
}

static int
formatter_one(struct formatter *f, const struct psobj_value *v, char *err,
    size_t errlen)
{
	bool first;

	if (v->kind == PSOBJ_DATETIME && f->kind == FORMATTER_OUT_DEFAULT) {
		first = f->shape != SHAPE_CUSTOM;
		if (first) {
			group_end(f);
			f->shape = SHAPE_CUSTOM;
		}
		return custom_entry(f->out, v, first);
	}
	if (v->kind != PSOBJ_OBJECT) {
		/* out of band: Out-Default ends its group before a scalar */
		if (f->kind == FORMATTER_OUT_DEFAULT && v->kind != PSOBJ_NULL)
			group_end(f);
		return write_scalar(v, f->out);
	}
	switch (f->kind) {
	case FORMATTER_LIST:
		return list_entry(f, v, err, errlen);
	case FORMATTER_TABLE:
		if (table_group(f, v->obj, err, errlen) != 0)
			return -1;
		return table_row(f, v->obj);
	case FORMATTER_OUT_DEFAULT:
		break;
	}
	if (out_default_group(f, v->obj) != 0)
		return -1;
	if (f->shape == SHAPE_TABLE)
		return table_row(f, v->obj);
	if (has_list_view(v->obj))
		return list_entry_default_view(&f->lw, v->obj);
	return list_entry_props(&f->lw, v->obj, NULL, f->ed);
}

struct formatter *
formatter_new(enum formatter_kind kind, const struct format_spec *spec,
    enum ps_edition ed, struct text_out *out, char *err, size_t errlen)
{
	struct formatter *f = calloc(1, sizeof(*f));

	if (errlen > 0)
		err[0] = '\0';
	if (f == NULL) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return NULL;
	}
	f->kind = kind;
	if (spec != NULL)
		f->spec = *spec;
	f->ed = ed;
	f->out = out;
	f->columns = f->spec.columns != 0 ? f->spec.columns :
	    FORMAT_DEFAULT_COLUMNS;
	if (f->spec.nprops > 0 && property_names_compile(f->spec.props,
	    f->spec.nprops, &f->names, err, errlen) != 0) {
		free(f);
		return NULL;
	}
	f->spec.props = NULL;		/* the caller's; names holds them */
	return f;
}

int
formatter_add(struct formatter *f, const struct psobj_value *v, char *err,
    size_t errlen)
{
	size_t k;
	int rc = 0;

	if (errlen > 0)
		err[0] = '\0';
	if (v->kind == PSOBJ_ARRAY) {	/* the pipeline unrolls it */
		for (k = 0; k < v->nitems && rc == 0; k++)
			rc = formatter_one(f, &v->items[k], err, errlen);
	} else {
		rc = formatter_one(f, v, err, errlen);
	}
	if (rc != 0 && (errlen == 0 || err[0] == '\0'))
		nomem(f->out, err, errlen);
	return rc;
}

int
formatter_end(struct formatter *f)
{
	group_end(f);
	return f->out->error == 0 ? 0 : -1;
}

void
formatter_free(struct formatter *f)
{
	if (f == NULL)
		return;
	table_acc_free(&f->table);
	shape_key_free(&f->key);
	property_names_free(&f->names);
	free(f);
}

/* ---------------------------------------------------------------------- */
/* whole streams */

static int
format_all(enum formatter_kind kind, const struct psobj_value *vals,
    size_t n, const struct format_spec *spec, enum ps_edition ed,
    struct text_out *out, char *err, size_t errlen)
{
	struct formatter *f = formatter_new(kind, spec, ed, out, err, errlen);
	size_t i;
	int rc = 0;

	if (f == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = formatter_add(f, &vals[i], err, errlen);
	if (rc == 0)
		rc = formatter_end(f);
	formatter_free(f);
	return rc;
}

int
object_format_out_default(const struct psobj_value *vals, size_t n,
    enum ps_edition ed, size_t columns, struct text_out *out)
{
	struct format_spec spec = { .columns = columns };
	char err[256];

	return format_all(FORMATTER_OUT_DEFAULT, vals, n, &spec, ed, out, err,
	    sizeof(err));
}

int
object_format_list(const struct psobj_value *vals, size_t n,
    const struct format_spec *spec, enum ps_edition ed,
    struct text_out *out, char *err, size_t errlen)
{
	return format_all(FORMATTER_LIST, vals, n, spec, ed, out, err, errlen);
}

int
object_format_table(const struct psobj_value *vals, size_t n,
    const struct format_spec *spec, enum ps_edition ed,
    struct text_out *out, char *err, size_t errlen)
{
	return format_all(FORMATTER_TABLE, vals, n, spec, ed, out, err,
	    errlen);
}
