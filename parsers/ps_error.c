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

int
ps_error_parse(struct ps_error *e, const char *id, size_t offset,
    size_t length, const char *fmt, ...)
{
	va_list ap;

	ps_error_clear(e);
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
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

	ps_error_clear(e);
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
	e->command = command;
	e->command_type = command_type;
	e->category = category;
	e->exception = exception;
	e->error_id = id;
	e->offset = offset;
	e->length = length;
	return -1;
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
 * dropped); the first one after prefix.
 */
static void
render_message(struct text_out *out, const char *prefix, const char *msg)
{
	const char *nl;
	int first = 1, len;

	for (;;) {
		nl = strchr(msg, '\n');
		if (nl == NULL) {
			text_out_linef(out, "%s%s", first ? prefix : "", msg);
			return;
		}
		len = (int)(nl - msg);
		if (len > 0 && msg[len - 1] == '\r')
			len--;
		text_out_linef(out, "%s%.*s", first ? prefix : "", len, msg);
		msg = nl + 1;
		first = 0;
	}
}

/* A script-level record's first lines: the script's text, " : ", the message. */
static void
render_script_level(struct text_out *out, const char *script,
    const char *msg)
{
	char *text;

	if (asprintf(&text, "%s : %s", script, msg) < 0) {
		render_message(out, "", msg);	/* ENOMEM: the message still */
		return;
	}
	render_message(out, "", text);
	free(text);
}

/* "+ ", spaces to the column, then one '~' per character of the extent */
static void
underline(struct text_out *out, size_t spaces, size_t tildes)
{
	char buf[4096];		/* longer lines are cut, not overrun */
	size_t n = 0;

	buf[n++] = '+';
	buf[n++] = ' ';
	while (spaces-- > 0 && n < sizeof(buf) - 1)
		buf[n++] = ' ';
	while (tildes-- > 0 && n < sizeof(buf) - 1)
		buf[n++] = '~';
	buf[n] = '\0';
	text_out_line(out, buf);
}

/*
 * ErrorCategoryInfo.Ellipsize of 5.1: past 40 characters, the first 15,
 * "..." and the last 15 (counted in bytes; the texts are ASCII).
 */
static void
ellipsize(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);

	if (n <= 40)
		snprintf(buf, size, "%s", s);
	else
		snprintf(buf, size, "%.15s...%s", s, s + n - 15);
}

void
ps_error_render(const struct ps_error *e, const char *script,
    struct text_out *out)
{
	size_t len = strlen(script);
	size_t off = e->offset > len ? len : e->offset;
	size_t line_no = 1, line_start = 0, line_end, i, col, tildes, end;
	char prefix[256], tname[64], ttype[64];

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
	if (e->script_level) {
		render_script_level(out, script, e->message);
	} else if (!e->parse_error) {
		snprintf(prefix, sizeof(prefix), "%s : ",
		    e->command ? e->command : "");
		render_message(out, prefix, e->message);
	}
	if (!e->script_level) {
		text_out_linef(out, "At line:%zu char:%zu", line_no, col);
		text_out_linef(out, "+ %.*s", (int)(line_end - line_start),
		    script + line_start);
		underline(out, col - 1, tildes);
	}
	if (e->parse_error)
		render_message(out, "", e->message);
	ellipsize(e->target_name, tname, sizeof(tname));
	ellipsize(e->target_type ? e->target_type : "", ttype, sizeof(ttype));
	text_out_linef(out, "    + CategoryInfo          : %s: (%s:%s) [%s], %s",
	    e->category ? e->category : "", tname, ttype,
	    e->parse_error || e->engine_error ? "" :
	    (e->command ? e->command : ""),
	    e->exception ? e->exception : "");
	if (e->parse_error || e->engine_error || e->script_level ||
	    e->command == NULL)
		text_out_linef(out, "    + FullyQualifiedErrorId : %s",
		    e->error_id ? e->error_id : "");
	else
		text_out_linef(out, "    + FullyQualifiedErrorId : %s,%s",
		    e->error_id ? e->error_id : "",
		    e->command_type ? e->command_type : e->command);
	text_out_line(out, " ");
}
