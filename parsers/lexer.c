/*
 * lexer.c: the tokenizer for tnc's PowerShell subset. Nothing here is
 * evaluated or handed to a shell; text outside the subset is refused.
 *
 * Supported (PowerShell's argument-mode rules):
 *   bare words        10.0.0.4  sqlmi.example.net  Format-List  Remote*
 *   parameters        -Name  -Name:  (the colon ends the token; the next
 *                     token is the argument). En/em dashes count as '-'.
 *   numbers           5022  -5  0x1F  1.5  1e3  1kb..1pb  10l  2.5d; a
 *                     number glued to other text is a bare word (10.0.0.4)
 *   strings           'single' ('' is a quote)  "double" ("" is a quote);
 *                     typographic quotes count as quotes
 *   constants         $true $false $null
 *   punctuation       ,  |  ;  newline  (  )  and '.' right after ')'
 *                     for member access: (tnc host -port 5022).TcpTestSucceeded
 *   comments          # to the end of the line, at the start of a token;
 *                     <# ... #> where a token starts
 *   '<' and '>'       inside a word they are the word's own (host<x>)
 *
 * Refused, each naming the token (category ParserError):
 *   id                               message
 *   TerminatorExpectedAtEndOfString  The string is missing the terminator: '.
 *                                    (or ".) -- PowerShell's own text
 *   VariableNotSupported             Variable references are not supported
 *                                    by tnc: '$env:X'. tnc never evaluates
 *                                    variables.  (also inside "...")
 *   SubexpressionNotSupported        Subexpressions are not supported by
 *                                    tnc: '$('. tnc never evaluates
 *                                    expressions.
 *   EscapeNotSupported               The escape character is not supported
 *                                    by tnc: '`n'. Write the character
 *                                    itself, inside quotes if needed.
 *   CallOperatorNotSupported         The '&' operator is not supported by
 *                                    tnc. tnc never runs other commands.
 *   RedirectionNotSupported          Redirection is not supported by tnc:
 *                                    '>'. Redirect tnc's output in the
 *                                    calling shell instead.  (also 2>, *>)
 *                                    For '<', 5.1's own text: The '<'
 *                                    operator is reserved for future use.
 *   MissingFileSpecification         Missing file specification after
 *                                    redirection operator.  (5.1's, for a
 *                                    '<' with nothing after it)
 *   MissingTerminatorMultiLineComment  The terminator '#>' is missing from
 *                                    the multiline comment.  (5.1's)
 *   ScriptBlockNotSupported          Script blocks are not supported by
 *                                    tnc: '{'. tnc never evaluates script
 *                                    blocks.
 *   ArrayOrSplatNotSupported         The '@' operator is not supported by
 *                                    tnc: '@('. Write lists with commas,
 *                                    e.g. 'sql1','sql2'.
 *   TypeLiteralNotSupported          Type literals are not supported by
 *                                    tnc: '[int]'. tnc never evaluates
 *                                    expressions.
 *   DotSourceNotSupported            Dot-sourcing is not supported by tnc:
 *                                    '.'. tnc never runs scripts.
 *   QuoteInWordNotSupported          A quote inside a bare word is not
 *                                    supported by tnc: 'a"b'. Quote the
 *                                    whole argument instead.
 */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

/* A UTF-8 character PowerShell treats as a dash: - U+2013 U+2014 U+2015 */
static size_t
dash_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '-')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x93 && u[2] <= 0x95)
		return 3;
	return 0;
}

/* Single quotes: ' U+2018 U+2019 U+201A U+201B; returns the length. */
static size_t
squote_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '\'')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9B)
		return 3;
	return 0;
}

/* Double quotes: " U+201C U+201D U+201E */
static size_t
dquote_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '"')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x9C && u[2] <= 0x9E)
		return 3;
	return 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/*
 * Characters that end a bare word, a parameter or a number: PowerShell's
 * ForceStartNewToken set.  '<' and '>' are not in it: inside a word they
 * are the word's own (host<x> is one argument); they start a token of
 * their own only where a token starts.
 */
static bool
ends_word(char c)
{
	return c == '\0' || is_space(c) || c == '\r' || c == '\n' ||
	    strchr(",|;(){}&", c) != NULL;
}

/* Characters that end a token that ends by itself (a string, a type). */
static bool
is_delim(char c)
{
	return ends_word(c) || c == '<' || c == '>';
}

/* Characters of a variable name after '$' ($env:X, $x, $?) */
static bool
is_var_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '?';
}

static locale_t
c_locale(void)
{
	static locale_t loc;

	/* strtod must read '.' whatever LC_NUMERIC main may have set */
	if (loc == (locale_t)0)
		loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return loc;
}

/* kb mb gb tb pb, any case; returns 2 and the factor, or 0 */
static size_t
multiplier(const char *p, double *factor)
{
	static const char units[] = "kmgtp";
	const char *u;

	if (p[0] == '\0' || tolower((unsigned char)p[1]) != 'b')
		return 0;
	u = strchr(units, tolower((unsigned char)p[0]));
	if (u == NULL)
		return 0;
	*factor = 1024.0;
	for (; u > units; u--)
		*factor *= 1024.0;
	return 2;
}

/*
 * Scans an unsigned PowerShell number literal at s (the sign is the
 * caller's). Sets *len to the characters used. Returns 0, or -1 if s does
 * not start with a number.
 */
static int
scan_number(const char *s, bool neg, size_t *len, struct ps_number *n)
{
	const char *p = s;
	char buf[128];
	size_t digits = 0, k;
	bool real = false, suffix_l = false, suffix_d = false;
	double factor = 1.0;
	unsigned long long v = 0;

	memset(n, 0, sizeof(*n));
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		for (p += 2; isxdigit((unsigned char)*p); p++) {
			if (++digits > 16)
				return -1;
			v = v * 16 + (unsigned long long)(isdigit(
			    (unsigned char)*p) ? *p - '0' :
			    tolower((unsigned char)*p) - 'a' + 10);
		}
		if (*p == 'l' || *p == 'L') {
			suffix_l = true;
			p++;
		}
		p += multiplier(p, &factor);
		/* hex is two's complement: 0xFFFFFFFF is -1 (an Int32) */
		if (!suffix_l && v <= 0xFFFFFFFFull) {
			n->type = PS_NUM_INT32;
			n->ival = (int32_t)(uint32_t)v;
		} else {
			n->type = PS_NUM_INT64;
			n->ival = (long long)v;
		}
		goto scale;
	}

	while (isdigit((unsigned char)*p)) {
		p++;
		digits++;
	}
	if (*p == '.' && isdigit((unsigned char)p[1])) {
		real = true;
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	}
	if (digits == 0)
		return -1;
	if ((*p == 'e' || *p == 'E') && (isdigit((unsigned char)p[1]) ||
	    ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2])))) {
		real = true;
		p += 2;
		while (isdigit((unsigned char)*p))
			p++;
	}
	k = (size_t)(p - s);
	if (k >= sizeof(buf))
		return -1;
	memcpy(buf, s, k);
	buf[k] = '\0';
	if (*p == 'l' || *p == 'L') {
		suffix_l = true;
		p++;
	} else if (*p == 'd' || *p == 'D') {
		suffix_d = true;
		p++;
	}
	p += multiplier(p, &factor);

	n->dval = strtod_l(buf, NULL, c_locale());
	if (suffix_d) {
		n->type = PS_NUM_DECIMAL;
	} else if (real) {
		if (suffix_l)
			return -1;
		n->type = PS_NUM_DOUBLE;
	} else {
		errno = 0;
		v = strtoull(buf, NULL, 10);
		if (errno == ERANGE || v > INT64_MAX) {
			if (suffix_l)
				return -1;
			/* too big for Int64: Decimal (or Double) in PowerShell */
			n->type = PS_NUM_DECIMAL;
		} else if (!suffix_l && v <= INT32_MAX) {
			n->type = PS_NUM_INT32;
			n->ival = (long long)v;
		} else {
			n->type = PS_NUM_INT64;
			n->ival = (long long)v;
		}
	}

scale:
	if (n->type == PS_NUM_INT32 || n->type == PS_NUM_INT64) {
		double d = (double)n->ival * factor;

		if (d > (double)INT64_MAX || d < (double)INT64_MIN) {
			n->type = PS_NUM_DOUBLE;
			n->dval = d;
		} else {
			n->ival = (long long)((double)n->ival * factor);
			if (n->type == PS_NUM_INT32 &&
			    (n->ival > INT32_MAX || n->ival < INT32_MIN))
				n->type = PS_NUM_INT64;	/* 2gb is an Int64 */
			n->dval = (double)n->ival;
		}
	} else {
		n->dval *= factor;
	}
	if (neg) {
		n->ival = -n->ival;
		n->dval = -n->dval;
	}
	*len = (size_t)(p - s);
	return 0;
}

int
ps_number_parse(const char *s, struct ps_number *n)
{
	size_t len = 0, d;
	bool neg = false;

	while (is_space(*s) || *s == '\r' || *s == '\n')
		s++;
	if (*s == '+') {
		s++;
	} else if ((d = dash_len(s)) != 0) {
		neg = true;
		s += d;
	}
	if (scan_number(s, neg, &len, n) != 0)
		return -1;
	for (s += len; *s != '\0'; s++)
		if (!is_space(*s) && *s != '\r' && *s != '\n')
			return -1;
	return 0;
}

static int
push(struct ps_token_list *l, enum ps_tok kind, size_t off, size_t len,
    char *text)
{
	struct ps_token *t;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct ps_token *v = realloc(l->v, cap * sizeof(*v));

		if (v == NULL) {
			free(text);
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->offset = off;
	t->length = len;
	t->text = text;
	return 0;
}

void
ps_token_list_free(struct ps_token_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int
no_memory(struct ps_error *e, size_t off)
{
	return ps_error_parse(e, "OutOfMemory", off, 0, "Out of memory.");
}

/* The extent of "$name", "${...}" or "$(" starting at s[off] */
static size_t
variable_len(const char *s, size_t off)
{
	size_t i = off + 1;

	if (s[i] == '(')
		return 2;
	if (s[i] == '{') {
		while (s[i] != '\0' && s[i] != '}')
			i++;
		return i - off + (s[i] == '}');
	}
	while (is_var_char(s[i]))
		i++;
	return i - off;
}

static int
variable_error(const char *s, size_t off, struct ps_error *e)
{
	size_t len = variable_len(s, off);

	if (s[off + 1] == '(')
		return ps_error_parse(e, "SubexpressionNotSupported", off, len,
		    "Subexpressions are not supported by tnc: '$('. "
		    "tnc never evaluates expressions.");
	return ps_error_parse(e, "VariableNotSupported", off, len,
	    "Variable references are not supported by tnc: '%.*s'. "
	    "tnc never evaluates variables.", (int)len, s + off);
}

static int
escape_error(const char *s, size_t off, struct ps_error *e)
{
	/* name the backtick and the character it would escape */
	size_t len = 1;

	if (s[off + 1] != '\0' && s[off + 1] != '\r' && s[off + 1] != '\n') {
		len++;
		while (((unsigned char)s[off + len] & 0xC0) == 0x80)
			len++;
	}
	return ps_error_parse(e, "EscapeNotSupported", off, len,
	    "The escape character is not supported by tnc: '%.*s'. "
	    "Write the character itself, inside quotes if needed.",
	    (int)len, s + off);
}

/*
 * Checks shared by bare words and parameter names: '$', '`' and quotes
 * cannot appear inside them (PowerShell would expand or join them).
 */
static int
word_char_error(const char *s, size_t start, size_t i, struct ps_error *e)
{
	size_t end;

	if (s[i] == '$')
		return variable_error(s, i, e);
	if (s[i] == '`')
		return escape_error(s, i, e);
	if (squote_len(s + i) || dquote_len(s + i)) {
		end = i;
		while (!ends_word(s[end]))
			end++;
		return ps_error_parse(e, "QuoteInWordNotSupported", start,
		    end - start, "A quote inside a bare word is not supported "
		    "by tnc: '%.*s'. Quote the whole argument instead.",
		    (int)(end - start), s + start);
	}
	return 0;
}

/* Scans a bare word from s[start]; sets *end. Returns 0 or -1. */
static int
scan_word(const char *s, size_t start, size_t *end, struct ps_error *e)
{
	size_t i = start;

	while (!ends_word(s[i])) {
		if (word_char_error(s, start, i, e) != 0)
			return -1;
		i++;
	}
	*end = i;
	return 0;
}

/* Scans a quoted string at s[start]; the value goes to *text. */
static int
scan_string(const char *s, size_t start, bool dbl, size_t *end, char **text,
    struct ps_error *e)
{
	size_t i = start + (dbl ? dquote_len(s + start) : squote_len(s + start));
	size_t n = 0, q;
	char *v = malloc(strlen(s + start) + 1);

	if (v == NULL)
		return no_memory(e, start);
	for (;;) {
		if (s[i] == '\0') {
			free(v);
			/* PowerShell underlines from the quote to the end */
			return ps_error_parse(e,
			    "TerminatorExpectedAtEndOfString", start,
			    i - start, "The string is missing the terminator: "
			    "%c.", dbl ? '"' : '\'');
		}
		q = dbl ? dquote_len(s + i) : squote_len(s + i);
		if (q != 0) {
			size_t q2 = dbl ? dquote_len(s + i + q) :
			    squote_len(s + i + q);

			if (q2 == 0) {		/* the closing quote */
				i += q;
				break;
			}
			/* a doubled quote is one quote character */
			memcpy(v + n, s + i, q);
			n += q;
			i += q + q2;
			continue;
		}
		if (dbl && (s[i] == '$' || s[i] == '`')) {
			free(v);
			return s[i] == '$' ? variable_error(s, i, e) :
			    escape_error(s, i, e);
		}
		v[n++] = s[i++];
	}
	v[n] = '\0';
	*text = v;
	*end = i;
	return 0;
}

static int
is_keyword(const char *s, const char *kw)
{
	size_t n = strlen(kw);

	return strncasecmp(s, kw, n) == 0 && !is_var_char(s[n]);
}

static char *
dup_range(const char *s, size_t off, size_t len)
{
	return strndup(s + off, len);
}

/* Pushes a token whose text is the script range; -1 on ENOMEM */
static int
push_range(struct ps_token_list *l, enum ps_tok kind, const char *s,
    size_t off, size_t len, struct ps_error *e)
{
	char *t = dup_range(s, off, len);

	if (t == NULL || push(l, kind, off, len, t) != 0)
		return no_memory(e, off);
	return 0;
}

/*
 * Whether no file name follows a redirection operator at p (PowerShell's
 * GetSingleCommandArgument finding no argument): the end, a line end, a
 * comment, or a token that cannot be an argument.
 */
static bool
no_file_name(const char *p)
{
	size_t d, d2;

	while (is_space(*p))
		p++;
	if (*p == '\0' || strchr("\r\n#|;)},&>", *p) != NULL)
		return true;
	if (*p == '<')
		return p[1] != '#';	/* a block comment, then perhaps a name */
	if (((*p >= '1' && *p <= '6') || *p == '*') && p[1] == '>')
		return true;		/* 2>, *>: another redirection */
	d = dash_len(p);
	return d != 0 && (d2 = dash_len(p + d)) != 0 && ends_word(p[d + d2]);
}

/*
 * '<' where a token starts: "<#" opens a block comment, which is skipped;
 * any other '<' is the input redirection PowerShell reserves, refused in
 * 5.1's own words (RedirectionNotSupported, underlining the '<'), or, with
 * no file name after it, MissingFileSpecification, the error 5.1 reports
 * first then.  Inside a word '<' is the word's own (ends_word()).
 */
static int
lex_less_than(const char *s, size_t *ip, struct ps_error *e)
{
	size_t i = *ip;
	const char *end;

	if (s[i + 1] == '#') {
		end = strstr(s + i + 2, "#>");
		if (end == NULL)
			return ps_error_parse(e,
			    "MissingTerminatorMultiLineComment", i, 0,
			    "The terminator '#>' is missing from the multiline "
			    "comment.");
		*ip = (size_t)(end - s) + 2;
		return 0;
	}
	if (no_file_name(s + i + 1))
		return ps_error_parse(e, "MissingFileSpecification", i + 1, 0,
		    "Missing file specification after redirection operator.");
	return ps_error_parse(e, "RedirectionNotSupported", i, 1,
	    "The '<' operator is reserved for future use.");
}

static int
lex_one(const char *s, size_t *ip, struct ps_token_list *out,
    struct ps_error *e)
{
	size_t i = *ip, end = 0, d, q;
	enum ps_tok prev = out->n ? out->v[out->n - 1].kind : PS_TOK_NEWLINE;
	size_t prev_end = out->n ? out->v[out->n - 1].offset +
	    out->v[out->n - 1].length : 0;
	bool after_member = out->n >= 2 && prev == PS_TOK_WORD &&
	    out->v[out->n - 2].kind == PS_TOK_DOT;
	struct ps_number num;
	char *text = NULL;
	char c = s[i];

	switch (c) {
	case ',':
	case '|':
	case ';':
	case '(':
	case ')': {
		static const enum ps_tok kinds[] = { PS_TOK_COMMA, PS_TOK_PIPE,
		    PS_TOK_SEMI, PS_TOK_LPAREN, PS_TOK_RPAREN };

		if (push(out, kinds[strchr(",|;()", c) - ",|;()"], i, 1,
		    NULL) != 0)
			return no_memory(e, i);
		*ip = i + 1;
		return 0;
	}
	case '\n':
	case '\r':
		d = (c == '\r' && s[i + 1] == '\n') ? 2 : 1;
		if (push(out, PS_TOK_NEWLINE, i, d, NULL) != 0)
			return no_memory(e, i);
		*ip = i + d;
		return 0;
	case '#':			/* a comment, to the end of the line */
		while (s[i] != '\0' && s[i] != '\n' && s[i] != '\r')
			i++;
		*ip = i;
		return 0;
	case '$':
		if (is_keyword(s + i + 1, "true") ||
		    is_keyword(s + i + 1, "false") ||
		    is_keyword(s + i + 1, "null")) {
			enum ps_tok k = tolower((unsigned char)s[i + 1]) == 't' ?
			    PS_TOK_TRUE : tolower((unsigned char)s[i + 1]) ==
			    'f' ? PS_TOK_FALSE : PS_TOK_NULL;
			size_t n = k == PS_TOK_FALSE ? 6 : 5;

			if (push_range(out, k, s, i, n, e) != 0)
				return -1;
			*ip = i + n;
			return 0;
		}
		return variable_error(s, i, e);
	case '`':
		return escape_error(s, i, e);
	case '&':
		d = s[i + 1] == '&' ? 2 : 1;
		return ps_error_parse(e, "CallOperatorNotSupported", i, d,
		    "The '%.*s' operator is not supported by tnc. "
		    "tnc never runs other commands.", (int)d, s + i);
	case '<':
		return lex_less_than(s, ip, e);
	case '*':
	case '1': case '2': case '3': case '4': case '5': case '6':
		if (s[i + 1] != '>')	/* 2>, *>: a stream's redirection */
			break;
		i++;
		/* FALLTHROUGH */
	case '>':
		d = s[i + 1] == '>' ? 2 : 1;
		return ps_error_parse(e, "RedirectionNotSupported", i, d,
		    "Redirection is not supported by tnc: '%.*s'. "
		    "Redirect tnc's output in the calling shell instead.",
		    (int)d, s + i);
	case '{':
	case '}':
		return ps_error_parse(e, "ScriptBlockNotSupported", i, 1,
		    "Script blocks are not supported by tnc: '%c'. "
		    "tnc never evaluates script blocks.", c);
	case '@':
		d = 1;
		if (s[i + 1] != '\0' && strchr("({'\"", s[i + 1]) != NULL)
			d = 2;
		else
			while (is_var_char(s[i + d]))
				d++;
		return ps_error_parse(e, "ArrayOrSplatNotSupported", i, d,
		    "The '@' operator is not supported by tnc: '%.*s'. "
		    "Write lists with commas, e.g. 'sql1','sql2'.",
		    (int)d, s + i);
	case '[':
		/* a type literal where an expression may start */
		if (prev == PS_TOK_NEWLINE || prev == PS_TOK_SEMI ||
		    prev == PS_TOK_LPAREN || prev == PS_TOK_PIPE) {
			d = 1;
			while (!is_delim(s[i + d]) && s[i + d - 1] != ']')
				d++;
			return ps_error_parse(e, "TypeLiteralNotSupported", i, d,
			    "Type literals are not supported by tnc: '%.*s'. "
			    "tnc never evaluates expressions.", (int)d, s + i);
		}
		break;
	case '.':
		if ((prev == PS_TOK_RPAREN || after_member) && prev_end == i) {
			if (push(out, PS_TOK_DOT, i, 1, NULL) != 0)
				return no_memory(e, i);
			/* the member name: letters, digits, '_' */
			for (end = i + 1; isalnum((unsigned char)s[end]) ||
			    s[end] == '_'; end++)
				;
			if (end > i + 1 && push_range(out, PS_TOK_WORD, s,
			    i + 1, end - i - 1, e) != 0)
				return -1;
			*ip = end;
			return 0;
		}
		if (ends_word(s[i + 1]))
			return ps_error_parse(e, "DotSourceNotSupported", i, 1,
			    "Dot-sourcing is not supported by tnc: '.'. "
			    "tnc never runs scripts.");
		break;
	default:
		break;
	}

	if ((q = squote_len(s + i)) != 0 || dquote_len(s + i) != 0) {
		if (scan_string(s, i, q == 0, &end, &text, e) != 0)
			return -1;
		if (push(out, PS_TOK_STRING, i, end - i, text) != 0)
			return no_memory(e, i);
		/* 'a'b would be one argument in PowerShell: refuse it */
		if (!is_delim(s[end])) {
			size_t w = end;

			while (!is_delim(s[w]))
				w++;
			return ps_error_parse(e, "QuoteInWordNotSupported", i,
			    w - i, "A quote inside a bare word is not "
			    "supported by tnc: '%.*s'. Quote the whole "
			    "argument instead.", (int)(w - i), s + i);
		}
		*ip = end;
		return 0;
	}

	/* a number: digit, .digit, -digit, -.digit, glued to nothing else */
	d = dash_len(s + i);
	if (scan_number(s + i + d, d != 0, &end, &num) == 0 &&
	    ends_word(s[i + d + end])) {
		if (push_range(out, PS_TOK_NUMBER, s, i, d + end, e) != 0)
			return -1;
		out->v[out->n - 1].num = num;
		*ip = i + d + end;
		return 0;
	}

	/* a parameter: a dash, then a name that is not a number */
	if (d != 0 && !ends_word(s[i + d]) && s[i + d] != ':' &&
	    dash_len(s + i + d) == 0) {
		size_t name = i + d;

		end = name;
		while (!ends_word(s[end]) && s[end] != ':') {
			if (word_char_error(s, i, end, e) != 0)
				return -1;
			end++;
		}
		if (push_range(out, PS_TOK_PARAM, s, name, end - name, e) != 0)
			return -1;
		out->v[out->n - 1].offset = i;
		if (s[end] == ':') {
			out->v[out->n - 1].colon = true;
			end++;
		}
		out->v[out->n - 1].length = end - i;
		*ip = end;
		return 0;
	}

	if (scan_word(s, i, &end, e) != 0)
		return -1;
	if (push_range(out, PS_TOK_WORD, s, i, end - i, e) != 0)
		return -1;
	*ip = end;
	return 0;
}

int
ps_lex(const char *script, struct ps_token_list *out, struct ps_error *e)
{
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	ps_error_clear(e);
	for (;;) {
		while (is_space(script[i]))
			i++;
		if (script[i] == '\0')
			break;
		if (lex_one(script, &i, out, e) != 0) {
			ps_token_list_free(out);
			return -1;
		}
	}
	if (push(out, PS_TOK_END, i, 0, NULL) != 0) {
		ps_token_list_free(out);
		return no_memory(e, i);
	}
	return 0;
}
