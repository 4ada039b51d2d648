/*
 * ps_error.c: the error record and its Windows PowerShell 5.1 NormalView
 * rendering (spec 4, S11 captures).
 *
 * Choices where the spec is open:
 *  - The message is never word-wrapped. 5.1 wraps it at the console width,
 *    but tnc writes to pipes and logs, where there is no width; one line
 *    per message line keeps the text greppable.
 *  - Columns (char:N) and the cut of the echoed line count characters
 *    (UTF-8 sequences), not bytes: PowerShell counts UTF-16 units, which
 *    for the text people type are the same; a cut never splits one.
 *
 * The echoed line is cut to 69 characters exactly as 5.1's
 * PositionUtilities.VerboseMessage (Position.cs) cuts it, whatever the
 * console: the width is fixed in its source, and real 5.1 captures show it.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"
#include "ps_error.h"

void
ps_error_clear(struct ps_error *e)
{
	memset(e, 0, sizeof(*e));
}

void
ps_error_free(struct ps_error *e)
{
	free(e->message);
	free(e->target_name);
	ps_error_clear(e);
}

int
ps_error_no_memory(struct ps_error *e)
{
	ps_error_free(e);
	e->error_id = "OutOfMemory";
	e->out_of_memory = true;
	return -1;
}

/* Sets e's message from fmt; e was freed. -1 (out of memory) or 0. */
static int
set_message(struct ps_error *e, const char *fmt, va_list ap)
{
	if (vasprintf(&e->message, fmt, ap) < 0) {
		e->message = NULL;
		return ps_error_no_memory(e);
	}
	return 0;
}

int
ps_error_parse(struct ps_error *e, const char *id, size_t offset,
    size_t length, const char *fmt, ...)
{
	va_list ap;
	int rc;

	ps_error_free(e);
	va_start(ap, fmt);
	rc = set_message(e, fmt, ap);
	va_end(ap);
	if (rc != 0)
		return -1;
	e->category = "ParserError";
	e->exception = "ParentContainsErrorRecordException";
	e->error_id = id;
	e->offset = offset;
	e->length = length;
	e->parse_error = true;
	return -1;
}

int
ps_error_bind(struct ps_error *e, const char *command,
    const char *command_type, const char *category, const char *exception,
    const char *id, size_t offset, size_t length, const char *fmt, ...)
{
	va_list ap;
	int rc;

	ps_error_free(e);
	va_start(ap, fmt);
	rc = set_message(e, fmt, ap);
	va_end(ap);
	if (rc != 0)
		return -1;
	e->command = command;
	e->command_type = command_type;
	e->category = category;
	e->exception = exception;
	e->error_id = id;
	e->offset = offset;
	e->length = length;
	return -1;
}

int
ps_error_set_target(struct ps_error *e, const char *name, const char *type)
{
	char *copy = strdup(name != NULL ? name : "");

	if (copy == NULL)
		return ps_error_no_memory(e);
	free(e->target_name);
	e->target_name = copy;
	e->target_type = type;
	return 0;
}

/* Characters (UTF-8 sequences) in s[0..n). */
static size_t
char_count(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/*
 * Writes each '\n'-separated line of msg (a '\r' before the '\n'
 * dropped); the first one after command and " : " when command is not
 * NULL.
 */
static void
render_message(struct text_out *out, const char *command, const char *msg)
{
	const char *nl;
	bool first = true;
	int len;

	for (;;) {
		nl = strchr(msg, '\n');
		if (nl == NULL)
			nl = msg + strlen(msg);
		len = (int)(nl - msg);
		if (*nl == '\n' && len > 0 && msg[len - 1] == '\r')
			len--;
		if (first && command != NULL)
			text_out_linef(out, "%s : %.*s", command, len, msg);
		else
			text_out_linef(out, "%.*s", len, msg);
		if (*nl == '\0')
			return;
		msg = nl + 1;
		first = false;
	}
}

/* A script-level record's first lines: the script's text, " : ", the message. */
static void
render_script_level(struct text_out *out, const char *script,
    const char *msg)
{
	char *text;

	if (asprintf(&text, "%s : %s", script, msg) < 0) {
		render_message(out, NULL, msg);	/* ENOMEM: the message still */
		return;
	}
	render_message(out, NULL, text);
	free(text);
}

/* The byte offset of the character after the first n characters of s */
static size_t
char_offset(const char *s, size_t n)
{
	size_t i = 0;

	while (s[i] != '\0' && n > 0) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/*
 * ErrorCategoryInfo.Ellipsize of 5.1, as a printf argument pair: past 40
 * characters, the first 15, "..." and the last 15. Characters, not
 * bytes, so no character is cut in two. Returns s itself when it is
 * short, else NULL with the byte count of the head in *nhead and the
 * start of the tail in *tail.
 */
static const char *
ellipsize(const char *s, int *nhead, const char **tail)
{
	size_t n = char_count(s, strlen(s));

	if (n <= 40)
		return s;
	*nhead = (int)char_offset(s, 15);
	*tail = s + char_offset(s, n - 15);
	return NULL;
}

/* "Name:Type" of CategoryInfo, each shortened past 40 characters */
static void
category_line(struct text_out *out, const struct ps_error *e)
{
	const char *name = e->target_name != NULL ? e->target_name : "";
	const char *type = e->target_type != NULL ? e->target_type : "";
	const char *nt = NULL, *tt = NULL;
	int nh = 0, th = 0;
	bool nshort = ellipsize(name, &nh, &nt) == NULL;
	bool tshort = ellipsize(type, &th, &tt) == NULL;

	text_out_linef(out, "    + CategoryInfo          : %s: (%.*s%s%s:"
	    "%.*s%s%s) [%s], %s", e->category ? e->category : "",
	    nshort ? nh : (int)strlen(name), name, nshort ? "..." : "",
	    nshort ? nt : "",
	    tshort ? th : (int)strlen(type), type, tshort ? "..." : "",
	    tshort ? tt : "",
	    e->parse_error || e->engine_error || e->runtime_error ? "" :
	    (e->command ? e->command : ""),
	    e->exception ? e->exception : "");
}

/* The widest echoed line (Position.cs: 80 columns less "+ ", "... ",
   " ..." and one so the console does not wrap) */
#define POSITION_MAX_LINE	69

/*
 * A line as VerboseMessage sees it: trailing white space trimmed, each
 * tab four spaces. x holds the text, at[k] the byte offset of its
 * character k (at[n] = the end); before and errlen are the error's
 * start and length in those characters.
 */
struct echo_line {
	char	*x;
	size_t	*at;
	size_t	n;
	long	before, errlen;
};

/*
 * Expands line[0..len), trimmed, into el; the error covers bytes
 * [from, to) of the line (from <= to <= len), to = (size_t)-1 for "to the
 * end of the line" (an extent over several lines). Returns 0 or -1
 * (ENOMEM).
 */
static int
echo_line_make(struct echo_line *el, const char *line, size_t len,
    size_t from, size_t to)
{
	size_t i, k, xn = 0, n = 0, tlen = len;

	while (tlen > 0 && strchr(" \t\v\f\r", line[tlen - 1]) != NULL)
		tlen--;
	el->x = malloc(4 * tlen + 1);
	el->at = malloc((4 * tlen + 1) * sizeof(*el->at));	/* a tab: 4 */
	if (el->x == NULL || el->at == NULL)
		return -1;
	el->before = el->errlen = -1;
	for (i = 0;; i += k) {
		/* a cut inside a character (stray bytes) moves to its end */
		if (el->before < 0 && i >= from)
			el->before = (long)n;
		if (el->before >= 0 && el->errlen < 0 && to != (size_t)-1 &&
		    i >= to)
			el->errlen = (long)n - el->before;
		if (i >= tlen)
			break;
		k = 1;
		while (i + k < tlen &&
		    ((unsigned char)line[i + k] & 0xC0) == 0x80)
			k++;
		if (line[i] == '\t') {
			for (int t = 0; t < 4; t++) {
				el->at[n++] = xn;
				el->x[xn++] = ' ';
			}
			continue;
		}
		el->at[n++] = xn;
		memcpy(el->x + xn, line + i, k);
		xn += k;
	}
	el->at[n] = xn;
	el->x[xn] = '\0';
	el->n = n;
	/* an extent in the trimmed white space counts its characters as is */
	if (el->before < 0)
		el->before = (long)(n + char_count(line + tlen, from - tlen));
	if (el->errlen < 0 && to == (size_t)-1)
		el->errlen = (long)n - el->before;
	else if (el->errlen < 0)
		el->errlen = from >= tlen ? (long)char_count(line + from,
		    to - from) : (long)n - el->before +
		    (long)char_count(line + tlen, to - tlen);
	return 0;
}

/*
 * The echoed line and the underline below it, as Windows PowerShell's
 * PositionUtilities.VerboseMessage (Position.cs) writes them: past 69
 * characters a window of 69 that keeps as much of the error as fits,
 * with context before it (up to 12 characters, then widened to fill the
 * window) and after it (up to 8), "... " and " ..." where it was cut,
 * the underline shifted to match. Cuts fall between characters.
 */
static void
echo_lines(struct text_out *out, const struct echo_line *el)
{
	long n = (long)el->n, spaces = el->before, err = el->errlen;
	long prefix, suffix, total_prefix, total_suffix, cand, start = 0;
	long width = n;
	bool pdots = false, sdots = false;
	char *under;

	if (n == 0) {			/* an empty line: no echo to point into */
		text_out_line(out, "+ ");
		return;
	}
	if (n > POSITION_MAX_LINE) {
		total_prefix = spaces;
		prefix = total_prefix < 12 ? total_prefix : 12;
		total_suffix = n - err - spaces;
		suffix = total_suffix < 8 ? total_suffix : 8;
		cand = prefix + err + suffix;
		if (cand >= POSITION_MAX_LINE) {
			if (prefix + err >= POSITION_MAX_LINE)
				err = POSITION_MAX_LINE - prefix;
			sdots = true;
		} else {
			if (total_prefix - prefix > 0) {
				prefix += total_prefix - prefix <
				    POSITION_MAX_LINE - cand ? total_prefix -
				    prefix : POSITION_MAX_LINE - cand;
				cand = prefix + err + suffix;
			}
			/* Position.cs adds up to all of the suffix here */
			if (cand < POSITION_MAX_LINE && total_suffix > 0)
				suffix += total_suffix < POSITION_MAX_LINE - cand ?
				    total_suffix : POSITION_MAX_LINE - cand;
			sdots = suffix < total_suffix;
		}
		pdots = prefix < total_prefix;
		start = spaces - prefix > 0 ? spaces - prefix : 0;
		if (start > n)		/* an error in the trimmed white space */
			start = n;
		width = n - start < POSITION_MAX_LINE ? n - start :
		    POSITION_MAX_LINE;
		spaces = spaces < prefix ? spaces : prefix;
		if (err > POSITION_MAX_LINE - spaces)
			err = POSITION_MAX_LINE - spaces;
	}
	text_out_linef(out, "+ %s%.*s%s", pdots ? "... " : "",
	    (int)(el->at[start + width] - el->at[start]), el->x + el->at[start],
	    sdots ? " ..." : "");
	spaces += pdots ? 4 : 0;
	if (err <= 0)
		err = 1;		/* an empty extent, e.g. at end of input */
	under = malloc((size_t)(spaces + err) + 1);
	if (under == NULL) {
		text_out_line(out, "+ ~");
		return;
	}
	memset(under, ' ', (size_t)spaces);
	memset(under + spaces, '~', (size_t)err);
	under[spaces + err] = '\0';
	text_out_linef(out, "+ %s", under);
	free(under);
}

void
ps_error_render(const struct ps_error *e, const char *script,
    struct text_out *out)
{
	size_t len = strlen(script);
	size_t off = e->offset > len ? len : e->offset;
	size_t line_no = 1, line_start = 0, line_end, i, col, end;
	const char *msg = e->message != NULL ? e->message : "";
	struct echo_line el = { NULL, NULL, 0, 0, 0 };

	for (i = 0; i < off; i++) {
		if (script[i] == '\n') {
			line_no++;
			line_start = i + 1;
		}
	}
	line_end = line_start;
	while (line_end < len && script[line_end] != '\n' &&
	    script[line_end] != '\r')
		line_end++;
	col = char_count(script + line_start, off - line_start) + 1;
	end = off + e->length;
	/* an extent over lines: underline this one to its end */
	end = end > line_end ? (size_t)-1 : end - line_start;

	/*
	 * The prefix is the command's own name even when it was invoked as
	 * "tnc": 5.1 names the command in MyInvocation.MyCommand, which is
	 * the function an alias resolved to. UNCONFIRMED in the spec (4).
	 */
	if (e->script_level)
		render_script_level(out, script, msg);
	else if (e->runtime_error)
		render_message(out, NULL, msg);
	else if (!e->parse_error)
		render_message(out, e->invoked != NULL ? e->invoked :
		    e->command != NULL ? e->command : "", msg);
	if (!e->script_level) {
		text_out_linef(out, "At line:%zu char:%zu", line_no, col);
		if (echo_line_make(&el, script + line_start,
		    line_end - line_start, off - line_start, end) == 0)
			echo_lines(out, &el);
		else		/* no memory to cut it */
			text_out_linef(out, "+ %.*s",
			    (int)(line_end - line_start), script + line_start);
		free(el.x);
		free(el.at);
	}
	if (e->parse_error)
		render_message(out, NULL, msg);
	category_line(out, e);
	if (e->parse_error || e->engine_error || e->runtime_error ||
	    e->script_level || e->command == NULL)
		text_out_linef(out, "    + FullyQualifiedErrorId : %s",
		    e->error_id ? e->error_id : "");
	else
		text_out_linef(out, "    + FullyQualifiedErrorId : %s,%s",
		    e->error_id ? e->error_id : "", e->invoked != NULL ?
		    e->invoked : e->command_type ? e->command_type :
		    e->command);
	text_out_line(out, " ");
}
