#ifndef TNC_OBJECTS_LIST_WRITER_H
#define TNC_OBJECTS_LIST_WRITER_H

#include <stddef.h>
#include "base/text_out.h"
#include "base/types.h"		/* enum ps_edition */

/*
 * PowerShell's list formatting (spec 3.1-3.3; S6 ListWriter.cs and
 * BaseOutputtingCommand.cs ListOutputContext), one line at a time through
 * text_out.
 *
 * Each entry (one object) gets its own label width: the longest label of
 * that entry, in display cells.  A line is the label padded to the width,
 * " : ", then the value; an empty or NULL value leaves the line ending in
 * ": " (trailing space kept).  '\r' in a value is dropped and '\n' splits
 * it; the following lines are indented by width + 3 spaces.
 *
 * tnc never wraps values.  That is what Out-String does (its width is
 * int.MaxValue); a 5.1 console would wrap list values at BufferWidth - 1
 * (119), but tnc's output goes to pipes and files far more often than to
 * a 120-column Windows console, and wrapping there would cut addresses.
 */

struct list_item {
	char	*label;
	char	*value;		/* may hold '\n'; NULL or "" = empty */
};

struct list_writer {
	struct text_out *out;
	enum ps_edition edition;
	size_t	entries;	/* entries written so far */
};

/*
 * The envelope (spec 3.1):
 *   5.1: 2 blank lines (FormatStart, GroupStart) before the first entry,
 *        each entry's lines then 1 blank line, 2 blank lines (GroupEnd,
 *        FormatEnd) at the end: one object has 2 blank lines before it
 *        and 3 after.
 *   7.4: 1 blank line before the first entry, each entry's lines then 1
 *        blank line, nothing at the end.
 * The opening blank lines go out with the first entry, not in begin, so
 * that warnings the caller prints just before list_writer_entry() for the
 * first object come before them, as in spec 2.2(c) and (g).  If no entry
 * was written, end writes nothing: PowerShell prints no envelope for an
 * empty pipeline.
 */
void	list_writer_begin(struct list_writer *lw, struct text_out *out,
	    enum ps_edition ed);

/*
 * Writes one object of n items.  An entry of 0 items writes only its
 * trailing blank line, as PowerShell's ListWriter does when it has no
 * property to show.
 */
void	list_writer_entry(struct list_writer *lw, const struct list_item *items,
	    size_t n);

void	list_writer_end(struct list_writer *lw);

/*
 * ps_display_cells()
 * Display length of the first len bytes of UTF-8 text s in console cells,
 * as the console host counts them (BufferCellLength): one cell per code
 * point, two for East Asian wide and fullwidth characters.  Shared with
 * the table writer.
 */
size_t	ps_display_cells(const char *s, size_t len);

#endif /* TNC_OBJECTS_LIST_WRITER_H */
