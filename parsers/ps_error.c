/*
 * ps_error.c: the error record and its Windows PowerShell 5.1 NormalView
 * rendering (spec 4, S11 captures).
 *
 * Choices where the spec is open:
 *  - The message is never word-wrapped. 5.1 wraps it at the console width,
 *    but tnc writes to pipes and logs, where there is no width; one line
 *    per message line keeps the text greppable.
 *  - The echo line is never shortened with "..." (5.1 does that for lines
 *    wider than the console), for the same reason.
 *  - Columns (char:N) count characters, not bytes: PowerShell counts
 *    UTF-16 units, which for the text people type are the same.
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
 * Writes each '\n'-separated line of msg; the first one after command
 * and " : " when command is not NULL.
 */
static void
render_message(struct text_out *out, const char *command, const char *msg)
{
	const char *nl;
	bool first = true;

	for (;;) {
		nl = strchr(msg, '\n');
		if (nl == NULL)
			nl = msg + strlen(msg);
		if (first && command != NULL)
			text_out_linef(out, "%s : %.*s", command, (int)(nl - msg),
			    msg);
		else
			text_out_linef(out, "%.*s", (int)(nl - msg), msg);
		if (*nl == '\0')
			return;
		msg = nl + 1;
		first = false;
	}
}

/* "+ ", spaces to the column, then one '~' per character of the extent */
static void
underline(struct text_out *out, size_t spaces, size_t tildes)
{
	char *buf = malloc(spaces + tildes + 3);

	if (buf == NULL) {
		text_out_line(out, "+");	/* nothing to point with */
		return;
	}
	memcpy(buf, "+ ", 2);
	memset(buf + 2, ' ', spaces);
	memset(buf + 2 + spaces, '~', tildes);
	buf[2 + spaces + tildes] = '\0';
	text_out_line(out, buf);
	free(buf);
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
	    e->parse_error || e->engine_error ? "" :
	    (e->command ? e->command : ""),
	    e->exception ? e->exception : "");
}

void
ps_error_render(const struct ps_error *e, const char *script,
    struct text_out *out)
{
	size_t len = strlen(script);
	size_t off = e->offset > len ? len : e->offset;
	size_t line_no = 1, line_start = 0, line_end, i, col, tildes, end;
	const char *msg = e->message != NULL ? e->message : "";

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
	if (end > line_end)		/* an extent over lines: underline this one */
		end = line_end;
	tildes = end > off ? char_count(script + off, end - off) : 0;
	if (tildes == 0)		/* an empty extent, e.g. at end of input */
		tildes = 1;

	/*
	 * The prefix is the command's own name even when it was invoked as
	 * "tnc": 5.1 names the command in MyInvocation.MyCommand, which is
	 * the function an alias resolved to. UNCONFIRMED in the spec (4).
	 */
	if (!e->parse_error)
		render_message(out, e->command ? e->command : "", msg);
	text_out_linef(out, "At line:%zu char:%zu", line_no, col);
	text_out_linef(out, "+ %.*s", (int)(line_end - line_start),
	    script + line_start);
	underline(out, col - 1, tildes);
	if (e->parse_error)
		render_message(out, NULL, msg);
	category_line(out, e);
	if (e->parse_error || e->engine_error || e->command == NULL)
		text_out_linef(out, "    + FullyQualifiedErrorId : %s",
		    e->error_id ? e->error_id : "");
	else
		text_out_linef(out, "    + FullyQualifiedErrorId : %s,%s",
		    e->error_id ? e->error_id : "",
		    e->command_type ? e->command_type : e->command);
	text_out_line(out, " ");
}
