/*
 * tz_strings.c: the tokens that carry text, scanned once to find where
 * they end and again, from their extent, to decode them (tokenizer.h):
 * quoted strings, here-strings, bare words and variables, with
 * PowerShell's rules (tokenizer.cs):
 *
 *   'it''s'          doubled quote is one quote; no escapes
 *   "a `t $x $($y)"  `0 `a `b `f `n `r `t `v; other `c is c; "" is ";
 *                    $name and ${name} and $( ) expand; "$x.Name" expands
 *                    $x only
 *   @" ... "@        the lines between the header and the footer line;
 *                    the footer starts its line
 *   a$b'c'"d"`e      a bare word: quotes join, $ expands (not in a
 *                    command name), ` escapes
 *
 * Errors (ParserStrings, 5.1's texts):
 *   TerminatorExpectedAtEndOfString        The string is missing the
 *                                          terminator: '.  (", '@, "@)
 *   UnexpectedCharactersAfterHereStringHeader  No characters are allowed
 *                                          after a here-string header but
 *                                          before the end of the line.
 *   WhitespaceBeforeHereStringFooter       White space is not allowed
 *                                          before the string terminator.
 *   IncompleteDollarSubexpressionReference $(subexpression) is missing the
 *                                          closing ')'.
 *   IncompleteDollarVariableReference      ${variable} reference starting
 *                                          is missing the closing '}'.
 *   EmptyVariableReference                 An empty ${} variable reference
 *                                          was found. A name is required
 *                                          inside the braces.
 *   OpenBraceNeedsToBeBackTickedInVariableName  Use `{ instead of { in
 *                                          variable names.
 *   InvalidBracedVariableReference         Variable reference is not valid.
 *                                          The variable name is missing.
 *   InvalidVariableReferenceWithDrive      Variable reference is not valid.
 *                                          ':' was not followed by a valid
 *                                          variable name character.
 *                                          Consider using ${} to delimit
 *                                          the name.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/tz_internal.h"

/* ---------------------------------------------------------------------- */
/* The sink */

void
tz_sink_put(struct tz_sink *k, const char *s, size_t n)
{
	if (k != NULL)
		strbuf_add(&k->b, s, n);
}

void
tz_sink_putc(struct tz_sink *k, char c)
{
	tz_sink_put(k, &c, 1);
}

/* Room for one more part */
static struct tz_part *
new_part(struct tz_sink *k)
{
	struct tz_parts *p = k->parts;
	struct tz_part *grown;

	if ((p->n & (p->n - 1)) == 0) {	/* 0, 1, 2, 4 ...: double */
		grown = realloc(p->v, (p->n == 0 ? 1 : 2 * p->n) * sizeof(*grown));
		if (grown == NULL) {
			k->b.oom = true;
			return NULL;
		}
		p->v = grown;
	}
	memset(&p->v[p->n], 0, sizeof(p->v[p->n]));
	return &p->v[p->n++];
}

/* The text so far as a part of its own (none when empty) */
static void
flush_text(struct tz_sink *k)
{
	struct tz_part *part;

	if (k->b.n == 0 || k->b.oom || (part = new_part(k)) == NULL)
		return;
	part->kind = TZ_PART_TEXT;
	part->text = strbuf_take(&k->b);
}

void
tz_sink_nested(struct tz_sink *k, const struct tokenizer *tz,
    enum tz_part_kind kind, size_t start, size_t end, bool collapse,
    bool braced)
{
	struct tz_part *part;

	if (k == NULL || k->b.oom)
		return;
	if (k->parts == NULL) {		/* flat: as written */
		tz_sink_put(k, tz->s + start, end - start);
		return;
	}
	flush_text(k);
	if (k->b.oom || (part = new_part(k)) == NULL)
		return;
	part->kind = kind;
	part->start = start;
	part->end = end;
	part->collapse = collapse;
	part->braced = braced;
}

char
tz_backtick(char c)
{
	static const char from[] = "0abfnrtv", to[] = "\0\a\b\f\n\r\t\v";
	const char *p = c != '\0' ? strchr(from, c) : NULL;

	return p != NULL ? to[p - from] : c;
}

/* A backtick and the character it escapes, at tz->pos */
static void
put_escape(struct tokenizer *tz, struct tz_sink *k)
{
	size_t n = tz_char_len(tz, tz->pos + 1);

	if (n == 1)
		tz_sink_putc(k, tz_backtick(tz->s[tz->pos + 1]));
	else
		tz_sink_put(k, tz->s + tz->pos + 1, n);
	tz->pos += 1 + n;
}

/* ---------------------------------------------------------------------- */
/* Strings */

static void
unterminated(struct tokenizer *tz, size_t start, const char *quote)
{
	tz_error(tz, "TerminatorExpectedAtEndOfString", start, tz->len,
	    "The string is missing the terminator: %s.", quote);
}

/*
 * After "$(" (in a string or a bare word): to the matching ')', counting
 * parentheses only, as ScanSubExpression does.
 */
static void
scan_subexpr(struct tokenizer *tz, size_t start, bool here)
{
	size_t depth = 1, q;
	char c;

	while (depth > 0) {
		if (tz_eof(tz)) {
			tz_error(tz, "IncompleteDollarSubexpressionReference",
			    start, tz->len, "$(subexpression) is missing the "
			    "closing ')'.");
			return;
		}
		c = tz_peek(tz);
		if (c == '(')
			depth++;
		else if (c == ')')
			depth--;
		q = c == '`' ? 1 : tz_dquote(tz, tz->pos);
		if (q != 0 && !here && tz_dquote(tz, tz->pos + q) != 0)
			tz->pos += q;	/* "" and `" are one quote */
		tz->pos += q != 0 ? q : 1;
	}
}

/*
 * A '$' in a string or bare word (ScanDollarInStringExpandable): $( ),
 * a variable, or false for a plain '$'.
 */
static bool
scan_dollar(struct tokenizer *tz, struct tz_sink *k, bool here, bool *nested)
{
	size_t start = tz->pos;
	enum tz_mode mode = tz->mode;
	struct tz_token v;

	if (tz_at(tz, start + 1) == '(') {
		tz->pos += 2;
		scan_subexpr(tz, start, here);
		tz_sink_nested(k, tz, TZ_PART_SUBEXPR, start, tz->pos, !here,
		    false);
	} else if (tz_is_variable_start(tz, start + 1) ||
	    tz_at(tz, start + 1) == '{') {
		memset(&v, 0, sizeof(v));
		v.start = start;
		tz->pos++;
		tz->mode = TZ_EXPRESSION;
		tz_scan_variable(tz, &v, false, true);
		tz->mode = mode;
		tz_sink_nested(k, tz, TZ_PART_VARIABLE, start, tz->pos, false,
		    v.braced);
	} else {
		return false;
	}
	*nested = true;
	return true;
}

/* One character of a string's text: in "...", $x and $( ) and `c too */
static void
scan_char(struct tokenizer *tz, bool expandable, bool here, struct tz_sink *k,
    bool *nested)
{
	if (expandable && tz_peek(tz) == '$' && scan_dollar(tz, k, here, nested))
		return;
	if (expandable && tz_peek(tz) == '`' && tz->pos + 1 < tz->len)
		put_escape(tz, k);
	else
		tz_sink_putc(k, tz->s[tz->pos++]);
}

/* The quote of this kind of string at i: its length, or 0 */
static size_t
quote_at(const struct tokenizer *tz, size_t i, bool expandable)
{
	return expandable ? tz_dquote(tz, i) : tz_squote(tz, i);
}

void
tz_scan_quoted(struct tokenizer *tz, size_t quote, bool expandable,
    struct tz_sink *k, bool *nested)
{
	size_t q, q2;

	tz->pos = quote + quote_at(tz, quote, expandable);
	while (!tz->failed) {
		if (tz_eof(tz)) {
			unterminated(tz, quote, expandable ? "\"" : "'");
			return;
		}
		if ((q = quote_at(tz, tz->pos, expandable)) != 0) {
			if ((q2 = quote_at(tz, tz->pos + q, expandable)) == 0) {
				tz->pos += q;
				return;
			}
			tz_sink_put(k, tz->s + tz->pos + q, q2);
			tz->pos += q + q2;	/* a doubled quote is one */
		} else {
			scan_char(tz, expandable, false, k, nested);
		}
	}
}

/*
 * At a line's start: the footer ('@ or "@ right there), or false.  White
 * space then a footer is remembered for WhitespaceBeforeHereStringFooter.
 */
static bool
here_footer(struct tokenizer *tz, bool expandable, struct tz_sink *k,
    size_t *false_footer)
{
	size_t q = quote_at(tz, tz->pos, expandable), start = tz->pos;

	if (q != 0 && tz_at(tz, tz->pos + q) == '@') {
		tz->pos += q + 1;
		return true;
	}
	tz_skip_space(tz);
	tz_sink_put(k, tz->s + start, tz->pos - start);
	q = quote_at(tz, tz->pos, expandable);
	if (q != 0 && tz_at(tz, tz->pos + q) == '@') {
		if (*false_footer == (size_t)-1)
			*false_footer = tz->pos;
		tz_sink_put(k, tz->s + tz->pos, q + 1);
		tz->pos += q + 1;
	}
	return false;
}

/* The header's rest: white space, then the line end */
static bool
here_header(struct tokenizer *tz, size_t at, bool expandable)
{
	tz_skip_space(tz);
	if (tz_eof(tz)) {
		unterminated(tz, at, expandable ? "\"@" : "'@");
		return false;
	}
	if (!tz_is_newline(tz_peek(tz))) {
		tz_error(tz, "UnexpectedCharactersAfterHereStringHeader",
		    tz->pos, tz->pos + 1, "No characters are allowed after a "
		    "here-string header but before the end of the line.");
		return false;
	}
	tz->pos += tz_peek(tz) == '\r' && tz_at(tz, tz->pos + 1) == '\n' ? 2 : 1;
	return true;
}

/* A line end inside a here-string: kept, unless the footer follows */
static bool
here_line_end(struct tokenizer *tz, bool expandable, struct tz_sink *k,
    size_t *false_footer)
{
	size_t before = k != NULL ? k->b.n : 0;
	size_t n = tz_peek(tz) == '\r' && tz_at(tz, tz->pos + 1) == '\n' ? 2 : 1;

	tz_sink_put(k, tz->s + tz->pos, n);
	tz->pos += n;
	if (!here_footer(tz, expandable, k, false_footer))
		return false;
	if (k != NULL && !k->b.oom && k->b.n >= before) {
		k->b.n = before;	/* the last line end is not the text's */
		if (k->b.s != NULL)
			k->b.s[k->b.n] = '\0';
	}
	return true;
}

void
tz_scan_here(struct tokenizer *tz, size_t at, bool expandable,
    struct tz_sink *k, bool *nested)
{
	size_t false_footer = (size_t)-1;

	tz->pos = at + 1 + quote_at(tz, at + 1, expandable);
	if (!here_header(tz, at, expandable) ||
	    here_footer(tz, expandable, k, &false_footer))
		return;
	for (;;) {
		if (tz_eof(tz)) {
			if (false_footer != (size_t)-1)
				tz_error(tz, "WhitespaceBeforeHereStringFooter",
				    false_footer, tz->len, "White space is not "
				    "allowed before the string terminator.");
			else
				unterminated(tz, at, expandable ? "\"@" : "'@");
			return;
		}
		if (tz_is_newline(tz_peek(tz))) {
			if (here_line_end(tz, expandable, k, &false_footer))
				return;
		} else {
			scan_char(tz, expandable, true, k, nested);
		}
		if (tz->failed)
			return;
	}
}

/* ---------------------------------------------------------------------- */
/* Bare words */

void
tz_scan_generic(struct tokenizer *tz, struct tz_sink *k, bool *nested)
{
	size_t n;

	while (!tz_force_start(tz, tz->pos) && !tz->failed) {
		if (tz_peek(tz) == '`') {
			if (tz->pos + 1 < tz->len)
				put_escape(tz, k);
			else
				tz_sink_putc(k, tz->s[tz->pos++]);
		} else if (tz_squote(tz, tz->pos) || tz_dquote(tz, tz->pos)) {
			tz_scan_quoted(tz, tz->pos, tz_dquote(tz, tz->pos) != 0,
			    k, nested);
		} else if (tz_peek(tz) == '$' && scan_dollar(tz, k, false,
		    nested)) {
			continue;
		} else {
			n = tz_char_len(tz, tz->pos);
			tz_sink_put(k, tz->s + tz->pos, n);
			tz->pos += n;
		}
	}
}

/* ---------------------------------------------------------------------- */
/* Variables */

/* After "${": to the '}' (ScanVariable's braced form) */
static bool
scan_braced(struct tokenizer *tz, bool in_string)
{
	size_t q;

	for (;;) {
		if (tz_eof(tz))
			return false;
		if (tz_peek(tz) == '}') {
			tz->pos++;
			return true;
		}
		if (tz_peek(tz) == '`') {
			tz->pos++;
			if (tz_eof(tz))
				return false;
			tz->pos += tz_char_len(tz, tz->pos);
		} else if (in_string && (q = tz_dquote(tz, tz->pos)) != 0) {
			tz->pos += q + tz_dquote(tz, tz->pos + q);
		} else if (tz_peek(tz) == '{') {
			tz_error(tz, "OpenBraceNeedsToBeBackTickedInVariableName",
			    tz->pos, tz->pos + 1, "Use `{ instead of { in "
			    "variable names.");
			return false;
		} else {
			tz->pos += tz_char_len(tz, tz->pos);
		}
	}
}

/* The name's ':' with nothing after it ($x:, ${x:}) */
static bool
empty_after_drive(const struct tokenizer *tz, size_t start, size_t end)
{
	const char *colon = memchr(tz->s + start, ':', end - start);

	return colon != NULL && colon == tz->s + end - 1;
}

/* ${...} from t->start ('$'); tz->pos at '{' */
static void
scan_variable_braced(struct tokenizer *tz, struct tz_token *t, bool in_string)
{
	size_t brace = tz->pos;
	bool closed;

	tz->pos++;
	t->name_start = tz->pos;
	closed = scan_braced(tz, in_string);
	if (tz->failed)
		return;
	t->name_end = closed ? tz->pos - 1 : tz->pos;
	if (!closed) {
		tz_error(tz, "IncompleteDollarVariableReference", brace,
		    tz->len, "${variable} reference starting is missing the "
		    "closing '}'.");
		return;
	}
	if (t->name_end == t->name_start) {
		tz_error(tz, "EmptyVariableReference", tz->pos - 1, tz->pos,
		    "An empty ${} variable reference was found. A name is "
		    "required inside the braces.");
		return;
	}
	if (tz->mode == TZ_COMMAND && !tz_force_start(tz, tz->pos) &&
	    tz_peek(tz) != '.' && tz_peek(tz) != '[') {
		tz->pos = t->start;
		tz_scan_generic(tz, NULL, &t->nested);
		t->kind = TK_GENERIC;
		t->end = tz->pos;
		return;
	}
	if (empty_after_drive(tz, t->name_start, t->name_end))
		tz_error(tz, "InvalidBracedVariableReference", t->start,
		    tz->pos, "Variable reference is not valid. The variable "
		    "name is missing.");
	t->braced = true;
	t->kind = TK_VARIABLE;
	t->end = tz->pos;
}

/*
 * Scans an unbraced name's characters (its first one is a variable start);
 * false if command mode turns the token into a bare word ($x-y).
 */
static bool
scan_name(struct tokenizer *tz)
{
	char c = tz_peek(tz);

	tz->pos += tz_char_len(tz, tz->pos);
	if (c == '$' || c == '?' || c == '^')
		return tz->mode != TZ_COMMAND || tz_force_start(tz, tz->pos);
	for (;;) {
		c = tz_peek(tz);
		if (isalnum((unsigned char)c) || c == '_' || c == '?' ||
		    (c == ':' && tz_at(tz, tz->pos + 1) != ':')) {
			tz->pos++;
		} else if (c == ':' || tz_eof(tz) ||
		    strchr("\t\r\n &(),;{}|.[=", c) != NULL) {
			return true;
		} else if ((unsigned char)c >= 0x80 &&
		    tz_is_letter(tz, tz->pos)) {
			tz->pos += tz_char_len(tz, tz->pos);
		} else {
			return tz->mode != TZ_COMMAND ||
			    tz_force_start(tz, tz->pos);
		}
	}
}

void
tz_scan_variable(struct tokenizer *tz, struct tz_token *t, bool splatted,
    bool in_string)
{
	if (!splatted && tz_peek(tz) == '{') {
		scan_variable_braced(tz, t, in_string);
		return;
	}
	t->name_start = tz->pos;
	if (!tz_is_variable_start(tz, tz->pos) || !scan_name(tz)) {
		tz->pos = t->start;	/* "$" alone, or $x-y: a bare word */
		tz_scan_generic(tz, NULL, &t->nested);
		t->kind = TK_GENERIC;
		t->end = tz->pos;
		return;
	}
	t->name_end = tz->pos;
	if (empty_after_drive(tz, t->name_start, t->name_end))
		tz_error(tz, "InvalidVariableReferenceWithDrive", t->start,
		    tz->pos, "Variable reference is not valid. ':' was not "
		    "followed by a valid variable name character. Consider "
		    "using ${} to delimit the name.");
	t->kind = splatted ? TK_SPLATTED : TK_VARIABLE;
	t->end = tz->pos;
}

/* ---------------------------------------------------------------------- */
/* Decoding */

/* A decoding scan: from start, state restored after */
struct rescan {
	size_t	pos;
	enum tz_mode mode;
};

static void
rescan_begin(struct tokenizer *tz, struct rescan *r)
{
	r->pos = tz->pos;
	r->mode = tz->mode;
}

static char *
rescan_end(struct tokenizer *tz, struct rescan *r, struct tz_sink *k)
{
	char *s = strbuf_take(&k->b);

	tz->pos = r->pos;
	tz->mode = r->mode;
	if (s == NULL)
		tz_nomem(tz);
	return s;
}

/* Scans token t again into k */
static void
scan_into(struct tokenizer *tz, const struct tz_token *t, struct tz_sink *k)
{
	bool nested = false;

	tz->pos = t->start;
	switch (t->kind) {
	case TK_STRING:
	case TK_EXPANDABLE:
		tz_scan_quoted(tz, t->start, t->kind == TK_EXPANDABLE, k,
		    &nested);
		break;
	case TK_HERE_STRING:
	case TK_HERE_EXPANDABLE:
		tz_scan_here(tz, t->start, t->kind == TK_HERE_EXPANDABLE, k,
		    &nested);
		break;
	default:
		tz->mode = TZ_COMMAND;
		tz_scan_generic(tz, k, &nested);
		break;
	}
}

char *
tz_decode_text(struct tokenizer *tz, const struct tz_token *t)
{
	struct tz_sink k = { { NULL, 0, 0, false }, NULL };
	struct rescan r;

	rescan_begin(tz, &r);
	scan_into(tz, t, &k);
	return rescan_end(tz, &r, &k);
}

int
tz_decode_parts(struct tokenizer *tz, const struct tz_token *t,
    struct tz_parts *out)
{
	struct tz_sink k = { { NULL, 0, 0, false }, out };
	struct rescan r;

	out->v = NULL;
	out->n = 0;
	rescan_begin(tz, &r);
	scan_into(tz, t, &k);
	flush_text(&k);
	tz->pos = r.pos;
	tz->mode = r.mode;
	free(k.b.s);
	if (k.b.oom) {
		tz_parts_free(out);
		tz_nomem(tz);
		return -1;
	}
	return 0;
}

void
tz_parts_free(struct tz_parts *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/* The name in s[start..end): ${...} escapes applied (and "" in a string) */
static char *
decode_name(struct tokenizer *tz, size_t start, size_t end, bool braced,
    bool in_string)
{
	struct tz_sink k = { { NULL, 0, 0, false }, NULL };
	struct rescan r;
	size_t q;

	rescan_begin(tz, &r);
	tz->pos = start;
	while (tz->pos < end) {
		if (braced && tz_peek(tz) == '`') {
			put_escape(tz, &k);
		} else if (braced && in_string &&
		    (q = tz_dquote(tz, tz->pos)) != 0 &&
		    tz_dquote(tz, tz->pos + q) != 0) {
			tz_sink_put(&k, tz->s + tz->pos + q,
			    tz_dquote(tz, tz->pos + q));
			tz->pos += q + tz_dquote(tz, tz->pos + q);
		} else {
			tz_sink_putc(&k, tz->s[tz->pos++]);
		}
	}
	return rescan_end(tz, &r, &k);
}

char *
tz_decode_name(struct tokenizer *tz, const struct tz_token *t)
{
	return decode_name(tz, t->name_start, t->name_end, t->braced, false);
}

char *
tz_decode_variable(struct tokenizer *tz, size_t start, size_t end,
    bool in_string)
{
	if (tz_at(tz, start + 1) == '{')
		return decode_name(tz, start + 2, end - 1, true, in_string);
	return decode_name(tz, start + 1, end, false, in_string);
}

int
tz_collapse(const struct tokenizer *tz, size_t start, size_t end,
    char **text, size_t **map, size_t *len)
{
	char *t = malloc(end - start + 1);
	size_t *m = malloc((end - start + 1) * sizeof(*m));
	size_t i = start, n = 0, q, c;

	if (t == NULL || m == NULL) {
		free(t);
		free(m);
		return -1;
	}
	while (i < end) {
		q = tz_at(tz, i) == '`' ? 1 : tz_dquote(tz, i);
		if (q != 0 && i + q < end && tz_dquote(tz, i + q) != 0)
			i += q;		/* "" and `" read as " */
		c = tz_char_len(tz, i);
		while (c-- > 0 && i < end) {
			m[n] = tz_offset(tz, i);
			t[n++] = tz->s[i++];
		}
	}
	m[n] = tz_offset(tz, end);
	t[n] = '\0';
	*text = t;
	*map = m;
	*len = n;
	return 0;
}
