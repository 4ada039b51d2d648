#ifndef TNC_OBJECTS_OBJECT_FORMAT_H
#define TNC_OBJECTS_OBJECT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include "base/text_out.h"
#include "objects/list_writer.h"
#include "objects/psobj.h"

/*
 * What the host prints for a stream of pipeline values: Out-Default,
 * Format-List and Format-Table (spec 2, 3.1-3.5), written through
 * list_writer and table_writer.  Values are printed in stream order; an
 * array value stands for its items (the pipeline unrolls it).
 */

/* Out-String's table width fallback (spec 3.6), used when columns is 0 */
#define FORMAT_DEFAULT_COLUMNS	120

/* Format-Table's group caching window (OutCommandInner: 300 ms) */
#define FORMAT_GROUP_CACHE_MS	300

struct format_spec {
	const char *const *props;	/* -Property names/wildcards; NULL: none */
	size_t	nprops;
	bool	autosize;		/* Format-Table -AutoSize */
	size_t	columns;		/* table width in cells; 0: 120 */
	/*
	 * The clock of the table group cache: a table whose column widths
	 * the view does not fix takes them from the objects that arrive
	 * within FORMAT_GROUP_CACHE_MS of the first, and from the first one
	 * that arrives after (OutputGroupQueue); later rows keep those
	 * widths.  NULL: the whole stream is one cache (widths from all rows).
	 */
	long long (*now_ms)(void);
};

/*
 * The streaming formatter behind Out-Default, Format-List and
 * Format-Table: values go in one at a time and lines come out as soon as
 * they are final (a list entry at once, a table row once the widths are
 * fixed).  A formatter keeps the state PowerShell keeps between objects:
 * the group and its envelope, the table's columns.
 */
enum formatter_kind {
	FORMATTER_OUT_DEFAULT,		/* Out-Default's shapes */
	FORMATTER_LIST,			/* Format-List */
	FORMATTER_TABLE			/* Format-Table */
};

struct formatter;

/*
 * formatter_new()
 * A formatter writing to out (kept; the caller's), with spec copied and
 * its -Property names compiled (NULL spec: none).  Returns NULL with a
 * sentence in err: a bad wildcard (PowerShell's text), or ENOMEM.
 */
struct formatter *formatter_new(enum formatter_kind kind,
	    const struct format_spec *spec, enum ps_edition ed,
	    struct text_out *out, char *err, size_t errlen);

/*
 * formatter_add()
 * Formats one value (an array stands for its items).  Returns 0, or -1
 * with a sentence in err (ENOMEM, also recorded in out->error).
 */
int	formatter_add(struct formatter *f, const struct psobj_value *v,
	    char *err, size_t errlen);

/* Writes what is still cached and the closing envelope.  0, or -1 (ENOMEM). */
int	formatter_end(struct formatter *f);

void	formatter_free(struct formatter *f);

/*
 * object_format_out_default()
 * Out-Default's shapes: a TestNetConnectionResult in its DefaultView list;
 * another object as a table when it has at most 4 properties, as a list
 * of all its properties when it has 5 or more; a scalar (bool, number,
 * string) as its ToString() on a line of its own, with no envelope; null
 * prints nothing.  Consecutive objects of one type share one envelope and,
 * for a table, its columns (a later object of that type with other
 * properties fills the first one's columns, as in PowerShell); an object
 * of another type, or a scalar, ends the group before it.
 * The whole stream at once through a formatter (so the table widths come
 * from all rows).  Returns 0, or -1 (ENOMEM; also recorded in out->error).
 */
int	object_format_out_default(const struct psobj_value *vals, size_t n,
	    enum ps_edition ed, size_t columns, struct text_out *out);

/*
 * object_format_list()
 * Format-List: all objects under one list envelope.  With no -Property, a
 * TestNetConnectionResult shows its DefaultView and any other object all
 * its properties; with -Property (wildcards, "*"), the resolved properties
 * in order with values by spec 3.3; a name that resolves to no property
 * shows nothing.  Scalars print as their ToString() line.
 * Returns 0, or -1 with a sentence in err (bad wildcard, ENOMEM).
 */
int	object_format_list(const struct psobj_value *vals, size_t n,
	    const struct format_spec *spec, enum ps_edition ed,
	    struct text_out *out, char *err, size_t errlen);

/*
 * object_format_table()
 * Format-Table: one table.  The columns are those of the first object:
 * with -Property its resolved names (a plain name with no property is a
 * column of empty values); without, TableView for a TestNetConnectionResult
 * (spec 2.3: fixed widths 15, 10, 30, 20, 25, 35, all left-aligned) or
 * all its properties.  Widths: the fixed ones of TableView unless
 * -AutoSize, otherwise the widest of label and values; alignment by the
 * first object's value (bool and numbers right, the rest left).  Columns
 * that do not fit in spec->columns are shrunk or hidden from the right,
 * as ColumnWidthManager does.  Scalars print as their ToString() line.
 * Returns 0, or -1 with a sentence in err.
 */
int	object_format_table(const struct psobj_value *vals, size_t n,
	    const struct format_spec *spec, enum ps_edition ed,
	    struct text_out *out, char *err, size_t errlen);

#endif /* TNC_OBJECTS_OBJECT_FORMAT_H */
