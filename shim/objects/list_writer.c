/* list_writer.c: Format-List output (spec 3.1-3.3). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "objects/list_writer.h"

#define LIST_SEPARATOR	" : "
#define LIST_SEP_LEN	3

/*
 * The 5.1 console host's LengthInBufferCells() for one UTF-16 unit: these
 * ranges take two cells.  Code points above U+FFFF are two UTF-16 units of
 * one cell each there, so they count 2 as well.
 */
static int
cp_is_wide(unsigned long c)
{
	return c >= 0x1100 &&
	    (c <= 0x115f || c == 0x2329 || c == 0x232a ||
	    (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
	    (c >= 0xac00 && c <= 0xd7a3) ||
	    (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe10 && c <= 0xfe19) ||
	    (c >= 0xfe30 && c <= 0xfe6f) ||
	    (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) ||
	    c > 0xffff);
}

size_t
ps_display_cells(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cells = 0;

	while (i < len) {
		unsigned long c = p[i];
		size_t n = 0, k;

		if (c >= 0xf0 && c <= 0xf4)
			n = 3, c &= 0x07;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, c &= 0x0f;
		else if (c >= 0xc2 && c <= 0xdf)
			n = 1, c &= 0x1f;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (p[i + k] & 0xc0) != 0x80)
				break;
			c = (c << 6) | (p[i + k] & 0x3f);
		}
		if (k <= n) {		/* truncated sequence: a byte is a cell */
			i++;
			cells++;
			continue;
		}
		i += n + 1;
		cells += n > 0 && cp_is_wide(c) ? 2 : 1;
	}
	return cells;
}

/* Opening blank lines: FormatStart (+ GroupStart in 5.1). */
static void
list_writer_open(struct list_writer *lw)
{
	text_out_blank(lw->out);
	if (lw->edition == PS_EDITION_51)
		text_out_blank(lw->out);
}

void
list_writer_begin(struct list_writer *lw, struct text_out *out,
    enum ps_edition ed)
{
	lw->out = out;
	lw->edition = ed;
	lw->entries = 0;
}

/*
 * A copy of v without '\r': StringManipulationHelper.SplitLines() drops
 * every '\r' and then splits on '\n'.  NULL on ENOMEM.
 */
static char *
list_writer_strip_cr(const char *v)
{
	size_t len = strlen(v), i, o = 0;
	char *s = malloc(len + 1);

	if (s == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		if (v[i] != '\r')
			s[o++] = v[i];
	s[o] = '\0';
	return s;
}

/* One item: the first line after the padded label, the rest indented. */
static void
list_writer_item(struct list_writer *lw, const struct list_item *it,
    size_t width)
{
	const char *label = it->label != NULL ? it->label : "";
	size_t pad = width - ps_display_cells(label, strlen(label));
	char *value, *seg, *nl;

	value = list_writer_strip_cr(it->value != NULL ? it->value : "");
	if (value == NULL) {
		if (lw->out->error == 0)
			lw->out->error = ENOMEM;
		return;
	}
	seg = value;
	nl = strchr(seg, '\n');
	text_out_linef(lw->out, "%s%*s" LIST_SEPARATOR "%.*s", label,
	    (int)pad, "", (int)(nl != NULL ? (size_t)(nl - seg) : strlen(seg)),
	    seg);
	while (nl != NULL) {
		seg = nl + 1;
		nl = strchr(seg, '\n');
		text_out_linef(lw->out, "%*s%.*s", (int)(width + LIST_SEP_LEN),
		    "", (int)(nl != NULL ? (size_t)(nl - seg) : strlen(seg)),
		    seg);
	}
	free(value);
}

void
list_writer_entry(struct list_writer *lw, const struct list_item *items,
    size_t n)
{
	size_t width = 0, i;

	if (lw->entries++ == 0)
		list_writer_open(lw);
	/* ListOutputContext.ProcessPayload() sizes the labels per object */
	for (i = 0; i < n; i++) {
		const char *label = items[i].label != NULL ? items[i].label : "";
		size_t cells = ps_display_cells(label, strlen(label));

		if (cells > width)
			width = cells;
	}
	for (i = 0; i < n; i++)
		list_writer_item(lw, &items[i], width);
	text_out_blank(lw->out);
}

void
list_writer_end(struct list_writer *lw)
{
	if (lw->entries == 0)
		return;
	if (lw->edition == PS_EDITION_51) {
		text_out_blank(lw->out);	/* GroupEnd */
		text_out_blank(lw->out);	/* FormatEnd */
	}
	/* 7.4 skips FormatEnd for list views (#18185) and has no GroupEnd */
}
