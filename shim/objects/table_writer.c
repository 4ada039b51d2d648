/* table_writer.c: Format-Table output (spec 3.1, 3.4; S6 TableWriter.cs). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/table_writer.h"

#define TABLE_SEPARATOR	" "		/* ScreenInfo.separatorCharacterCount = 1 */

static const char *
table_ellipsis(enum ps_edition ed)
{
	/* "..." until 6.2 (#8326), then U+2026 */
	return ed == PS_EDITION_51 ? "..." : "\xe2\x80\xa6";
}

static size_t
width_of(const char *s, size_t len)
{
	return ps_display_cells(s, len);
}

/* Bytes of the UTF-8 sequence at s (1 for an invalid byte). */
static size_t
cp_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	size_t n, k;

	if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else
		return 1;
	for (k = 1; k < n; k++)
		if (k >= len || ((unsigned char)s[k] & 0xc0) != 0x80)
			return 1;
	return n;
}

/* GetHeadSplitLength(): bytes of the longest prefix of at most n cells. */
static size_t
head_bytes(const char *s, size_t len, size_t n)
{
	size_t i = 0, used = 0;

	while (i < len) {
		size_t l = cp_len(s + i, len - i), c = width_of(s + i, l);

		if (used + c > n)
			break;
		used += c;
		i += l;
	}
	return i;
}

/* GetTailSplitLength(): offset of the longest suffix of at most n cells. */
static size_t
tail_start(const char *s, size_t len, size_t n)
{
	size_t i = 0, total = width_of(s, len);

	while (i < len && total > n) {
		size_t l = cp_len(s + i, len - i);

		total -= width_of(s + i, l);
		i += l;
	}
	return i;
}

static void
put_spaces(FILE *m, size_t n)
{
	while (n-- > 0)
		fputc(' ', m);
}

/*
 * GenerateRowField(): s[0..len) fitted to width cells.  pad: whether a
 * left-aligned value is padded on the right (always in 5.1; in 7.4 for
 * every column but the last).
 */
static void
table_field(FILE *m, const char *s, size_t len, size_t width,
    enum table_align al, bool pad, enum ps_edition ed)
{
	const char *ell = table_ellipsis(ed);
	size_t ellcells = width_of(ell, strlen(ell));
	size_t have = width_of(s, len), got, keep, off;

	if (have < width) {
		if (al == TABLE_ALIGN_RIGHT)
			put_spaces(m, width - have);
		fwrite(s, 1, len, m);
		if (al != TABLE_ALIGN_RIGHT && pad)
			put_spaces(m, width - have);
		return;
	}
	if (have == width) {
		fwrite(s, 1, len, m);
		return;
	}
	/* too wide: keep width - ellipsis cells and add the ellipsis */
	keep = width > ellcells ? width - ellcells : width;
	if (al == TABLE_ALIGN_RIGHT) {
		off = tail_start(s, len, keep);
		got = width_of(s + off, len - off);
		if (width > ellcells)
			got += ellcells;
		if (got < width)	/* a wide character did not fit */
			fputc(' ', m);
		if (width > ellcells)
			fputs(ell, m);
		fwrite(s + off, 1, len - off, m);
	} else {
		off = head_bytes(s, len, keep);
		got = width_of(s, off);
		fwrite(s, 1, off, m);
		if (width > ellcells) {
			fputs(ell, m);
			got += ellcells;
		}
		if (got < width && pad)
			fputc(' ', m);
	}
}

/*
 * TruncateAtNewLine(): the value up to its first '\r' or '\n', followed
 * by the ellipsis if it had one.  NULL on ENOMEM.
 */
static char *
table_one_line(const char *v, enum ps_edition ed)
{
	size_t cut;
	char *s;

	if (v == NULL)
		v = "";
	cut = strcspn(v, "\r\n");
	if (v[cut] == '\0')
		return strdup(v);
	if (asprintf(&s, "%.*s%s", (int)cut, v, table_ellipsis(ed)) < 0)
		return NULL;
	return s;
}

static void
table_nomem(struct table_writer *tw)
{
	if (tw->out->error == 0)
		tw->out->error = ENOMEM;
}

/* Writes the line built in m (closing it), or records ENOMEM. */
static void
table_emit(struct table_writer *tw, FILE *m, char **buf)
{
	if (fclose(m) != 0 || *buf == NULL)
		table_nomem(tw);
	else
		text_out_line(tw->out, *buf);
	free(*buf);
	*buf = NULL;
}

/*
 * GenerateRow(values, ..., multiLine: false): one line.  The separator
 * goes before every shown column but the first by index (a hidden column
 * 0 leaves a leading space, as in PowerShell); 7.4 leaves the column with
 * the last index unpadded.
 */
static void
table_line(struct table_writer *tw, const char *const *values)
{
	char *buf = NULL;
	size_t len = 0, k;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL) {
		table_nomem(tw);
		return;
	}
	for (k = 0; k < tw->ncols; k++) {
		const struct table_column *c = &tw->cols[k];
		bool pad = tw->edition == PS_EDITION_51 || k + 1 < tw->ncols;
		char *v;

		if (c->width == 0)
			continue;
		if (k > 0)
			fputs(TABLE_SEPARATOR, m);
		v = table_one_line(values[k], tw->edition);
		if (v == NULL) {
			table_nomem(tw);
			fclose(m);
			free(buf);
			return;
		}
		table_field(m, v, strlen(v), c->width, c->align, pad,
		    tw->edition);
		free(v);
	}
	table_emit(tw, m, &buf);
}

/*
 * GenerateLinesWithoutWordWrap() for a header label: the label whole if it
 * fits, else pieces of at most width cells ("?" for a character wider
 * than the column).  Fills piece/plen when not NULL; returns the count.
 */
static size_t
label_pieces(const char *s, size_t width, const char **piece, size_t *plen)
{
	size_t len = strlen(s), n = 0, i = 0;

	if (width_of(s, len) <= width) {
		if (piece != NULL) {
			piece[0] = s;
			plen[0] = len;
		}
		return 1;
	}
	while (i < len) {
		size_t h = head_bytes(s + i, len - i, width);

		if (piece != NULL) {
			piece[n] = h == 0 ? "?" : s + i;
			plen[n] = h == 0 ? 1 : h;
		}
		n++;
		i += h == 0 ? cp_len(s + i, len - i) : h;
	}
	return n;
}

struct header_col {
	size_t	k;			/* column index */
	const char **piece;
	size_t	*plen;
	size_t	n;
};

static void
header_cols_free(struct header_col *hc, size_t nv)
{
	size_t v;

	for (v = 0; v < nv; v++) {
		free(hc[v].piece);
		free(hc[v].plen);
	}
	free(hc);
}

/* The shown columns with their label pieces; NULL on ENOMEM. */
static struct header_col *
header_cols(const struct table_writer *tw, size_t *nv)
{
	struct header_col *hc = calloc(tw->ncols + 1, sizeof(*hc));
	size_t k;

	*nv = 0;
	if (hc == NULL)
		return NULL;
	for (k = 0; k < tw->ncols; k++) {
		const struct table_column *c = &tw->cols[k];
		const char *label = c->label != NULL ? c->label : "";
		struct header_col *h = &hc[*nv];

		if (c->width == 0)
			continue;
		h->k = k;
		h->n = label_pieces(label, c->width, NULL, NULL);
		h->piece = calloc(h->n, sizeof(*h->piece));
		h->plen = calloc(h->n, sizeof(*h->plen));
		++*nv;
		if (h->piece == NULL || h->plen == NULL) {
			header_cols_free(hc, *nv);
			return NULL;
		}
		label_pieces(label, c->width, h->piece, h->plen);
	}
	return hc;
}

/*
 * One header cell of GenerateTableRow(): the separator (not before the
 * first shown column), then the label piece of this line fitted to the
 * column, or blanks when the label has fewer lines.
 */
static void
header_cell(FILE *cm, const struct table_writer *tw, const struct header_col *h,
    size_t v, size_t nv, size_t row, size_t lastc)
{
	const struct table_column *c = &tw->cols[h->k];
	bool last = v + 1 == nv;

	if (row < h->n) {
		if (v > 0)
			fputs(TABLE_SEPARATOR, cm);
		/* 7.4 pads every shown column but the last */
		table_field(cm, h->piece[row], h->plen[row], c->width, c->align,
		    tw->edition == PS_EDITION_51 || !last, tw->edition);
	} else if (tw->edition == PS_EDITION_51) {
		put_spaces(cm, c->width + (v > 0 ? 1 : 0));
	} else if (v <= lastc && !last) {
		put_spaces(cm, c->width + (v > 0 ? 1 : 0));
	}
	/* 7.4: nothing past the last column with content, nor for the last */
}

/*
 * The header labels.  Normally one line; a label wider than its column
 * takes several, and in 7.4 the last column with content on each of those
 * lines is trimmed of trailing blanks.
 */
static void
table_header_labels(struct table_writer *tw)
{
	struct header_col *hc;
	size_t nv, v, row, nlines = 1;

	hc = header_cols(tw, &nv);
	if (hc == NULL) {
		table_nomem(tw);
		return;
	}
	for (v = 0; v < nv; v++)
		if (hc[v].n > nlines)
			nlines = hc[v].n;
	for (row = 0; row < nlines && tw->out->error == 0; row++) {
		char *buf = NULL;
		size_t len = 0, lastc = 0;
		FILE *m = open_memstream(&buf, &len);

		if (m == NULL) {
			table_nomem(tw);
			break;
		}
		for (v = 0; v < nv; v++)	/* lastColWithContent[row] */
			if (hc[v].n > row)
				lastc = v;
		for (v = 0; v < nv; v++) {
			char *cell = NULL;
			size_t clen = 0;
			FILE *cm = open_memstream(&cell, &clen);

			if (cm == NULL) {
				table_nomem(tw);
				break;
			}
			header_cell(cm, tw, &hc[v], v, nv, row, lastc);
			if (fclose(cm) != 0 || cell == NULL) {
				table_nomem(tw);
				free(cell);
				break;
			}
			if (tw->edition == PS_EDITION_74 && nlines > 1 &&
			    v == lastc)
				while (clen > 0 && cell[clen - 1] == ' ')
					clen--;
			fwrite(cell, 1, clen, m);
			free(cell);
		}
		table_emit(tw, m, &buf);
	}
	header_cols_free(hc, nv);
}

/* The dash line: "-" x min(width, label cells), width for an empty label. */
static void
table_header_dashes(struct table_writer *tw)
{
	char **dashes = calloc(tw->ncols + 1, sizeof(*dashes));
	size_t k;

	if (dashes == NULL) {
		table_nomem(tw);
		return;
	}
	for (k = 0; k < tw->ncols; k++) {
		const char *label = tw->cols[k].label;
		size_t n = tw->cols[k].width;

		if (label != NULL && *label != '\0' &&
		    width_of(label, strlen(label)) < n)
			n = width_of(label, strlen(label));
		dashes[k] = malloc(n + 1);
		if (dashes[k] == NULL)
			break;
		memset(dashes[k], '-', n);
		dashes[k][n] = '\0';
	}
	if (k == tw->ncols)
		table_line(tw, (const char *const *)dashes);
	else
		table_nomem(tw);
	for (k = 0; k < tw->ncols; k++)
		free(dashes[k]);
	free(dashes);
}

void
table_columns_fit(struct table_column *cols, size_t ncols,
    const char *const *cells, size_t nrows)
{
	size_t k, r;

	for (k = 0; k < ncols; k++) {
		const char *label = cols[k].label != NULL ? cols[k].label : "";
		size_t w = width_of(label, strlen(label));

		if (w > cols[k].width)
			cols[k].width = w;
		for (r = 0; r < nrows; r++) {
			const char *v = cells[r * ncols + k];

			/*
			 * The whole string, as ProcessCachedGroupOnTable()
			 * measures it (line breaks included; tnc's table
			 * cells never hold one).
			 */
			if (v == NULL)
				continue;
			w = width_of(v, strlen(v));
			if (w > cols[k].width)
				cols[k].width = w;
		}
	}
}

void
table_writer_begin(struct table_writer *tw, struct text_out *out,
    enum ps_edition ed, const struct table_column *cols, size_t ncols)
{
	tw->out = out;
	tw->edition = ed;
	tw->cols = cols;
	tw->ncols = ncols;
	tw->rows = 0;
}

void
table_writer_row(struct table_writer *tw, const char *const *cells)
{
	if (tw->rows++ == 0) {
		text_out_blank(tw->out);	/* FormatStart */
		table_header_labels(tw);
		table_header_dashes(tw);
	}
	table_line(tw, cells);
}

void
table_writer_end(struct table_writer *tw)
{
	if (tw->rows == 0)
		return;
	text_out_blank(tw->out);
	if (tw->edition == PS_EDITION_51)
		text_out_blank(tw->out);	/* 6.2+ dropped one (#8247) */
}

void
table_write(struct text_out *out, enum ps_edition ed,
    struct table_column *cols, size_t ncols, const char *const *cells,
    size_t nrows)
{
	struct table_writer tw;
	size_t r;

	table_columns_fit(cols, ncols, cells, nrows);
	table_writer_begin(&tw, out, ed, cols, ncols);
	for (r = 0; r < nrows; r++)
		table_writer_row(&tw, cells + r * ncols);
	table_writer_end(&tw);
}
