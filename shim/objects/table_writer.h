#ifndef TNC_OBJECTS_TABLE_WRITER_H
#define TNC_OBJECTS_TABLE_WRITER_H

#include <stddef.h>
#include "base/text_out.h"
#include "objects/list_writer.h"		/* enum ps_edition, ps_display_cells() */

/*
 * PowerShell's table formatting (spec 3.1, 3.4; S6 TableWriter.cs, the
 * Windows PowerShell 5.1 and 7.4 variants), one line at a time through
 * text_out.
 *
 *   (blank line)
 *   header    labels aligned like their column, joined by one space
 *   dashes    "-" x min(width, label cells) per column (width if the label
 *             is empty), aligned like their column
 *   rows      one line per row (no -Wrap)
 *   (2 blank lines in 5.1, 1 in 7.4)
 *
 * 5.1 pads every column, the last one too, so a left-aligned last column
 * leaves trailing spaces; 7.4 pads the last column only when it is
 * right-aligned (#5568).  A value is cut at its first '\r' or '\n', which
 * becomes an ellipsis; a value wider than its column keeps width - 3
 * (5.1, "...") or width - 1 (7.4, U+2026) cells and the ellipsis: the head
 * for left alignment, the tail for right.  Widths are in display cells
 * (ps_display_cells()).  A header label wider than its column is split
 * over several lines at width cells (PowerShell's character split; the
 * word wrap that 5.1 uses for en/fr/de/it/pt/es cultures is not done).
 * A column of width 0 is hidden, as in PowerShell.
 */

enum table_align {
	TABLE_ALIGN_LEFT,		/* strings, IPAddress, anything else */
	TABLE_ALIGN_RIGHT		/* Boolean, numbers, Char, enums (spec 3.4) */
};

struct table_column {
	const char *label;
	enum table_align align;
	size_t	width;			/* display cells */
};

struct table_writer {
	struct text_out *out;
	enum ps_edition edition;
	const struct table_column *cols;	/* the caller's, kept alive until end */
	size_t	ncols;
	size_t	rows;			/* rows written so far */
};

/*
 * table_columns_fit()
 * Sets each column's width to the largest of its current width, its label
 * and its cells among the nrows rows of cells (row-major, ncols per row,
 * NULL = empty): PowerShell's auto width over the objects it has cached.
 * Start from width 0 for a pure auto width.
 */
void	table_columns_fit(struct table_column *cols, size_t ncols,
	    const char *const *cells, size_t nrows);

/*
 * Starts a table of ncols columns with fixed widths.  Writes nothing: the
 * blank line, header and dash line go out with the first row (so that the
 * first object's warnings come before them, spec 3.4), and a table without
 * rows prints nothing at all.
 */
void	table_writer_begin(struct table_writer *tw, struct text_out *out,
	    enum ps_edition ed, const struct table_column *cols, size_t ncols);

/* Writes one row of ncols cells (NULL = empty). */
void	table_writer_row(struct table_writer *tw, const char *const *cells);

/* Writes the closing blank lines if any row was written. */
void	table_writer_end(struct table_writer *tw);

/*
 * table_write()
 * The whole table at once: table_columns_fit() over all rows, then begin,
 * every row, end.
 */
void	table_write(struct text_out *out, enum ps_edition ed,
	    struct table_column *cols, size_t ncols, const char *const *cells,
	    size_t nrows);

#endif /* TNC_OBJECTS_TABLE_WRITER_H */
