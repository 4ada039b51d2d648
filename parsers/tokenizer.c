/*
 * tokenizer.c: PowerShell's tokens (tokenizer.cs, Windows PowerShell 5.1's
 * rules), one at a time in the parser's mode.  Strings, bare words and
 * variables are tz_strings.c's.
 *
 * 5.1, not 7: no `e or `u{} escapes, no 0b binary or u/s/y/n number
 * suffixes, no ?? ?. ?: && || operators ('&&' and '||' are tokens the
 * parser refuses as 5.1 does).
 *
 * Errors (ParserStrings, 5.1's texts):
 *   BadNumericConstant                 The numeric constant 1e999 is not valid.
 *   UnrecognizedToken                  Unrecognized token in source text.
 *   IncompleteString                   Incomplete string token.
 *   MissingTerminatorMultiLineComment  The terminator '#>' is missing from
 *                                      the multiline comment.
 * and tz_strings.c's.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/tz_internal.h"

/* The operators, indexed by enum tz_op (token.cs: TokenTraits) */
static const struct tz_operator operators[TZ_OP_COUNT] = {
	[TZ_OP_AND] = { "-and", PS_OP_AND, PS_OP_NONE, TZ_PREC_LOGICAL, false, false },
	[TZ_OP_OR] = { "-or", PS_OP_OR, PS_OP_NONE, TZ_PREC_LOGICAL, false, false },
	[TZ_OP_XOR] = { "-xor", PS_OP_XOR, PS_OP_NONE, TZ_PREC_LOGICAL, false, false },
	[TZ_OP_BAND] = { "-band", PS_OP_NONE, PS_OP_NONE, TZ_PREC_BITWISE, false, false },
	[TZ_OP_BOR] = { "-bor", PS_OP_NONE, PS_OP_NONE, TZ_PREC_BITWISE, false, false },
	[TZ_OP_BXOR] = { "-bxor", PS_OP_NONE, PS_OP_NONE, TZ_PREC_BITWISE, false, false },
	[TZ_OP_EQ] = { "-eq", PS_OP_EQ, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_NE] = { "-ne", PS_OP_NE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_GE] = { "-ge", PS_OP_GE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_GT] = { "-gt", PS_OP_GT, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_LT] = { "-lt", PS_OP_LT, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_LE] = { "-le", PS_OP_LE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_LIKE] = { "-like", PS_OP_LIKE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_NOTLIKE] = { "-notlike", PS_OP_NOTLIKE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_MATCH] = { "-match", PS_OP_MATCH, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_NOTMATCH] = { "-notmatch", PS_OP_NOTMATCH, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_REPLACE] = { "-replace", PS_OP_REPLACE, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_CONTAINS] = { "-contains", PS_OP_CONTAINS, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_NOTCONTAINS] = { "-notcontains", PS_OP_NOTCONTAINS, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_IN] = { "-in", PS_OP_IN, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_NOTIN] = { "-notin", PS_OP_NOTIN, PS_OP_NONE, TZ_PREC_COMPARISON, false, true },
	[TZ_OP_SPLIT] = { "-split", PS_OP_SPLIT, PS_OP_SPLIT, TZ_PREC_COMPARISON, true, true },
	[TZ_OP_JOIN] = { "-join", PS_OP_JOIN, PS_OP_JOIN, TZ_PREC_COMPARISON, true, false },
	[TZ_OP_IS] = { "-is", PS_OP_IS, PS_OP_NONE, TZ_PREC_COMPARISON, false, false },
	[TZ_OP_ISNOT] = { "-isnot", PS_OP_ISNOT, PS_OP_NONE, TZ_PREC_COMPARISON, false, false },
	[TZ_OP_AS] = { "-as", PS_OP_AS, PS_OP_NONE, TZ_PREC_COMPARISON, false, false },
	[TZ_OP_SHL] = { "-shl", PS_OP_NONE, PS_OP_NONE, TZ_PREC_COMPARISON, false, false },
	[TZ_OP_SHR] = { "-shr", PS_OP_NONE, PS_OP_NONE, TZ_PREC_COMPARISON, false, false },
	[TZ_OP_FORMAT] = { "-f", PS_OP_FORMAT, PS_OP_NONE, TZ_PREC_FORMAT, false, false },
	[TZ_OP_NOT] = { "-not", PS_OP_NONE, PS_OP_NOT, TZ_PREC_NONE, true, false },
	[TZ_OP_BNOT] = { "-bnot", PS_OP_NONE, PS_OP_NONE, TZ_PREC_NONE, true, false },
	[TZ_OP_PLUS] = { "+", PS_OP_ADD, PS_OP_PLUS, TZ_PREC_ADD, true, false },
	[TZ_OP_MINUS] = { "-", PS_OP_SUB, PS_OP_NEGATE, TZ_PREC_ADD, true, false },
	[TZ_OP_MULTIPLY] = { "*", PS_OP_MUL, PS_OP_NONE, TZ_PREC_MULTIPLY, false, false },
	[TZ_OP_DIVIDE] = { "/", PS_OP_DIV, PS_OP_NONE, TZ_PREC_MULTIPLY, false, false },
	[TZ_OP_REM] = { "%", PS_OP_MOD, PS_OP_NONE, TZ_PREC_MULTIPLY, false, false },
	[TZ_OP_EXCLAIM] = { "!", PS_OP_NONE, PS_OP_NOT, TZ_PREC_NONE, true, false },
	[TZ_OP_DOTDOT] = { "..", PS_OP_RANGE, PS_OP_NONE, TZ_PREC_RANGE, false, false },
};

static const char *const keywords[KW_COUNT] = {
	[KW_BEGIN] = "begin", [KW_BREAK] = "break", [KW_CATCH] = "catch",
	[KW_CLASS] = "class", [KW_CONFIGURATION] = "configuration",
	[KW_CONTINUE] = "continue", [KW_DATA] = "data", [KW_DEFINE] = "define",
	[KW_DO] = "do", [KW_DYNAMICPARAM] = "dynamicparam", [KW_ELSE] = "else",
	[KW_ELSEIF] = "elseif", [KW_END] = "end", [KW_ENUM] = "enum",
	[KW_EXIT] = "exit", [KW_FILTER] = "filter", [KW_FINALLY] = "finally",
	[KW_FOR] = "for", [KW_FOREACH] = "foreach", [KW_FROM] = "from",
	[KW_FUNCTION] = "function", [KW_IF] = "if", [KW_IN] = "in",
	[KW_INLINESCRIPT] = "inlinescript", [KW_PARALLEL] = "parallel",
	[KW_PARAM] = "param", [KW_PROCESS] = "process", [KW_RETURN] = "return",
	[KW_SEQUENCE] = "sequence", [KW_SWITCH] = "switch", [KW_THROW] = "throw",
	[KW_TRAP] = "trap", [KW_TRY] = "try", [KW_UNTIL] = "until",
	[KW_USING] = "using", [KW_VAR] = "var", [KW_WHILE] = "while",
	[KW_WORKFLOW] = "workflow",
};

const struct tz_operator *
tz_operator(enum tz_op op)
{
	return &operators[op];
}

const char *
tz_keyword_name(enum tz_keyword kw)
{
	return keywords[kw];
}

void
tz_init(struct tokenizer *tz, const char *s, size_t start, size_t end,
    const size_t *map, struct ps_error *e)
{
	memset(tz, 0, sizeof(*tz));
	tz->s = s;
	tz->len = end;
	tz->pos = start;
	tz->map = map;
	tz->mode = TZ_COMMAND;
	tz->e = e;
}

size_t
tz_offset(const struct tokenizer *tz, size_t i)
{
	if (tz->map == NULL)
		return i;
	return tz->map[i < tz->len ? i : tz->len];
}

void
tz_error(struct tokenizer *tz, const char *id, size_t start, size_t end,
    const char *fmt, ...)
{
	size_t off, stop;
	va_list ap;
	char *msg;

	if (tz->failed)
		return;
	/* a character "after" the end of the text is none: the extent stops there */
	off = tz_offset(tz, start < tz->len ? start : tz->len);
	stop = tz_offset(tz, end < tz->len ? end : tz->len);
	tz->failed = true;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0) {
		va_end(ap);
		ps_error_no_memory(tz->e);
		return;
	}
	va_end(ap);
	ps_error_parse(tz->e, id, off, stop > off ? stop - off : 0, "%s", msg);
	free(msg);
}

void
tz_nomem(struct tokenizer *tz)
{
	if (!tz->failed || !tz->e->out_of_memory)
		ps_error_no_memory(tz->e);
	tz->failed = true;
}

/* ---------------------------------------------------------------------- */
/* Character classes (CharTraits.cs) */

bool
tz_force_start(const struct tokenizer *tz, size_t i)
{
	char c = tz_at(tz, i);

	if (i >= tz->len)
		return true;
	if ((unsigned char)c >= 0x80)
		return tz_space(tz, i) != 0;
	return c == '\0' || strchr("{}();,|& \t\v\f\r\n", c) != NULL;
}

bool
tz_force_start_after_number(const struct tokenizer *tz, size_t i)
{
	char c = tz_at(tz, i);

	if ((unsigned char)c >= 0x80)
		return tz_dash(tz, i) != 0;
	return c != '\0' && strchr("!#%*+-./<=>]", c) != NULL;
}

bool
tz_is_letter(const struct tokenizer *tz, size_t i)
{
	unsigned char c = (unsigned char)tz_at(tz, i);

	if (c < 0x80)
		return isalpha(c);
	return tz_space(tz, i) == 0 && tz_dash(tz, i) == 0 &&
	    tz_squote(tz, i) == 0 && tz_dquote(tz, i) == 0;
}

bool
tz_is_variable_start(const struct tokenizer *tz, size_t i)
{
	char c = tz_at(tz, i);

	if ((unsigned char)c >= 0x80)
		return tz_is_letter(tz, i);
	return isalnum((unsigned char)c) || (c != '\0' && strchr("_$:?^", c));
}

/* IsIdentifierFollow: letters, digits, '_' */
static bool
is_identifier_follow(const struct tokenizer *tz, size_t i)
{
	char c = tz_at(tz, i);

	return c == '_' || isdigit((unsigned char)c) || tz_is_letter(tz, i);
}

size_t
tz_char_len(const struct tokenizer *tz, size_t i)
{
	size_t n = ps_utf8_len((unsigned char)tz_at(tz, i));

	return i + n <= tz->len ? n : 1;
}

void
tz_skip_space(struct tokenizer *tz)
{
	size_t n;

	while ((n = tz_space(tz, tz->pos)) != 0)
		tz->pos += n;
}

bool
tz_mode_invariant(enum tz_kind k)
{
	switch (k) {
	case TK_EOF: case TK_NEWLINE: case TK_SEMI: case TK_COMMA:
	case TK_PIPE: case TK_AMPERSAND: case TK_ANDAND: case TK_OROR:
	case TK_LPAREN: case TK_RPAREN: case TK_LCURLY: case TK_RCURLY:
	case TK_RBRACKET: case TK_ATPAREN: case TK_ATCURLY:
	case TK_DOLLARPAREN: case TK_REDIRECT_IN: case TK_STRING:
	case TK_EXPANDABLE: case TK_HERE_STRING: case TK_HERE_EXPANDABLE:
		return true;
	default:
		return false;
	}
}

/* ---------------------------------------------------------------------- */
/* Comments */

static void
skip_line_comment(struct tokenizer *tz)
{
	while (!tz_eof(tz) && !tz_is_newline(tz_peek(tz)))
		tz->pos++;
}

/* After "<#": to the "#>", or MissingTerminatorMultiLineComment. */
static void
skip_block_comment(struct tokenizer *tz, size_t start)
{
	while (!tz_eof(tz)) {
		if (tz_peek(tz) == '#' && tz_at(tz, tz->pos + 1) == '>') {
			tz->pos += 2;
			return;
		}
		tz->pos++;
	}
	tz_error(tz, "MissingTerminatorMultiLineComment", start, tz->pos,
	    "The terminator '#>' is missing from the multiline comment.");
}

/* ---------------------------------------------------------------------- */
/* Tokens */

static void
token(struct tokenizer *tz, struct tz_token *t, enum tz_kind kind, int id)
{
	t->kind = kind;
	t->id = id;
	t->end = tz->pos;
}

/* A bare word from t->start (the characters so far were its own) */
static void
generic(struct tokenizer *tz, struct tz_token *t)
{
	tz->pos = t->start;
	tz_scan_generic(tz, NULL, &t->nested);
	token(tz, t, TK_GENERIC, 0);
}

/* An operator, unless command mode glues it to what follows (a=b, 1+2) */
static void
operator_or_word(struct tokenizer *tz, struct tz_token *t, enum tz_kind kind,
    int id)
{
	if (tz->mode == TZ_COMMAND && !tz_force_start(tz, tz->pos))
		generic(tz, t);
	else
		token(tz, t, kind, id);
}

/* The normalized text of a number literal, for ps_number_parse() */
struct numtext {
	char	*buf;
	size_t	n;
	bool	not_number;
};

static size_t
scan_digits(struct tokenizer *tz, struct numtext *nt)
{
	size_t count = 0;

	while (isdigit((unsigned char)tz_peek(tz))) {
		nt->buf[nt->n++] = tz->s[tz->pos++];
		count++;
	}
	return count;
}

/* [+-]digits after an 'e' */
static void
scan_exponent(struct tokenizer *tz, struct numtext *nt)
{
	size_t d = tz_dash(tz, tz->pos);

	if (d != 0 || tz_peek(tz) == '+') {
		nt->buf[nt->n++] = d != 0 ? '-' : '+';
		tz->pos += d != 0 ? d : 1;
	}
	if (scan_digits(tz, nt) == 0)
		nt->not_number = true;
}

/* Digits after '.', then an exponent ("1." reads as 1.0) */
static void
scan_after_dot(struct tokenizer *tz, struct numtext *nt)
{
	if (scan_digits(tz, nt) == 0)
		nt->buf[nt->n++] = '0';
	if (tz_peek(tz) == 'e' || tz_peek(tz) == 'E') {
		nt->buf[nt->n++] = tz->s[tz->pos++];
		scan_exponent(tz, nt);
	}
}

/* The mantissa: .5, 0x1F, 12, 1.5e3 (ScanNumberHelper) */
static void
scan_mantissa(struct tokenizer *tz, struct numtext *nt)
{
	if (tz_peek(tz) == '.') {
		nt->buf[nt->n++] = tz->s[tz->pos++];
		scan_after_dot(tz, nt);
	} else if (tz_peek(tz) == '0' && (tz_at(tz, tz->pos + 1) == 'x' ||
	    tz_at(tz, tz->pos + 1) == 'X')) {
		memcpy(nt->buf + nt->n, "0x", 2);
		nt->n += 2;
		tz->pos += 2;
		if (!isxdigit((unsigned char)tz_peek(tz)))
			nt->not_number = true;
		while (isxdigit((unsigned char)tz_peek(tz)))
			nt->buf[nt->n++] = tz->s[tz->pos++];
	} else {
		scan_digits(tz, nt);
		if (tz_peek(tz) == '.' && tz_at(tz, tz->pos + 1) != '.') {
			nt->buf[nt->n++] = tz->s[tz->pos++];
			scan_after_dot(tz, nt);
		} else if (tz_peek(tz) == 'e' || tz_peek(tz) == 'E') {
			nt->buf[nt->n++] = tz->s[tz->pos++];
			scan_exponent(tz, nt);
		}
	}
}

/* A type suffix (l, d) and a multiplier (kb .. pb) */
static void
scan_number_tail(struct tokenizer *tz, struct numtext *nt)
{
	char c = (char)tolower((unsigned char)tz_peek(tz));

	if (c == 'l' || c == 'd') {
		nt->buf[nt->n++] = tz->s[tz->pos++];
		c = (char)tolower((unsigned char)tz_peek(tz));
	}
	if (c != '\0' && strchr("kmgtp", c) != NULL) {
		nt->buf[nt->n++] = tz->s[tz->pos++];
		if (tz_peek(tz) == 'b' || tz_peek(tz) == 'B')
			nt->buf[nt->n++] = tz->s[tz->pos++];
		else
			nt->not_number = true;
	}
	if (!tz_force_start(tz, tz->pos) && (tz->mode != TZ_EXPRESSION ||
	    !tz_force_start_after_number(tz, tz->pos)))
		nt->not_number = true;
}

/*
 * A number from t->start (a sign first only in a unary context).  Not a
 * number after all (77z, 10.0.0.4 in command mode): a bare word.  A
 * number .NET cannot hold: BadNumericConstant in expression mode, a bare
 * word in command mode.
 */
static void
scan_number(struct tokenizer *tz, struct tz_token *t)
{
	struct numtext nt = { NULL, 0, false };
	size_t d;
	bool bad;

	nt.buf = malloc(tz->len - t->start + 4);
	if (nt.buf == NULL) {
		tz_nomem(tz);
		token(tz, t, TK_EOF, 0);
		return;
	}
	tz->pos = t->start;
	if ((d = tz_dash(tz, tz->pos)) != 0 || tz_peek(tz) == '+') {
		nt.buf[nt.n++] = d != 0 ? '-' : '+';
		tz->pos += d != 0 ? d : 1;
	}
	scan_mantissa(tz, &nt);
	scan_number_tail(tz, &nt);
	nt.buf[nt.n] = '\0';
	bad = nt.not_number || ps_number_parse(nt.buf, &t->num) != 0;
	if (bad && (nt.not_number || tz->mode != TZ_EXPRESSION)) {
		free(nt.buf);
		generic(tz, t);
		return;
	}
	if (bad)
		tz_error(tz, "BadNumericConstant", tz->pos, tz->pos + 1,
		    "The numeric constant %.*s is not valid.",
		    (int)(tz->pos - t->start), tz->s + t->start);
	free(nt.buf);
	token(tz, t, TK_NUMBER, 0);
}

/* The operator named by s[0..n) (no dash), with its case prefix */
static int
find_operator(const char *s, size_t n, enum ps_op_case *c)
{
	size_t k;

	*c = PS_CASE_DEFAULT;
	for (k = 0; k < TZ_OP_COUNT; k++)
		if (operators[k].name[0] == '-' && strlen(operators[k].name + 1) ==
		    n && strncasecmp(operators[k].name + 1, s, n) == 0)
			return (int)k;
	if (n < 2 || (tolower((unsigned char)s[0]) != 'i' &&
	    tolower((unsigned char)s[0]) != 'c'))
		return -1;
	for (k = 0; k < TZ_OP_COUNT; k++)
		if (operators[k].has_case && strlen(operators[k].name + 1) ==
		    n - 1 && strncasecmp(operators[k].name + 1, s + 1,
		    n - 1) == 0) {
			*c = tolower((unsigned char)s[0]) == 'i' ?
			    PS_CASE_INSENSITIVE : PS_CASE_SENSITIVE;
			return (int)k;
		}
	return -1;
}

/*
 * After a dash and a letter: a parameter, or in expression mode an
 * operator (ScanParameter).  Command mode takes any character up to a
 * delimiter, and a quote makes the whole token a bare word.
 */
static void
scan_parameter(struct tokenizer *tz, struct tz_token *t)
{
	size_t name = tz->pos;
	char c;
	int op;

	for (;; tz->pos++) {
		c = tz_peek(tz);
		if (tz_eof(tz) || tz_space(tz, tz->pos) ||
		    strchr("{}();,|&.[\r\n", c) != NULL)
			break;
		if (c == ':') {
			t->colon = tz->mode == TZ_COMMAND;
			break;
		}
		if (isalpha((unsigned char)c))
			continue;
		if (tz_squote(tz, tz->pos) || tz_dquote(tz, tz->pos)) {
			if (tz->mode == TZ_COMMAND) {
				generic(tz, t);
				return;
			}
			break;
		}
		if (tz->mode != TZ_COMMAND)
			break;
	}
	t->name_start = name;
	t->name_end = tz->pos;
	tz->pos += t->colon;
	if (tz->mode == TZ_EXPRESSION && (op = find_operator(tz->s + name,
	    t->name_end - name, &t->op_case)) >= 0) {
		token(tz, t, TK_OPERATOR, op);
		return;
	}
	if (t->name_end == name) {
		token(tz, t, TK_OPERATOR, TZ_OP_MINUS);
		return;
	}
	token(tz, t, TK_PARAMETER, 0);
}

/* '-' and the other dashes */
static void
scan_dash(struct tokenizer *tz, struct tz_token *t)
{
	size_t d = tz_dash(tz, tz->pos);
	char c1;

	tz->pos += d;
	c1 = tz_peek(tz);
	if ((d = tz_dash(tz, tz->pos)) != 0) {
		tz->pos += d;
		operator_or_word(tz, t, TK_MINUSMINUS, 0);
	} else if (c1 == '=') {
		tz->pos++;
		operator_or_word(tz, t, TK_ASSIGN, PS_OP_SUB_ASSIGN);
	} else if (tz_is_letter(tz, tz->pos) || c1 == '_' || c1 == '?') {
		scan_parameter(tz, t);
	} else if (tz->allow_signed && (isdigit((unsigned char)c1) ||
	    c1 == '.')) {
		scan_number(tz, t);
	} else {
		operator_or_word(tz, t, TK_OPERATOR, TZ_OP_MINUS);
	}
}

static void
scan_plus(struct tokenizer *tz, struct tz_token *t)
{
	char c1 = tz_at(tz, ++tz->pos);

	if (c1 == '+') {
		tz->pos++;
		operator_or_word(tz, t, TK_PLUSPLUS, 0);
	} else if (c1 == '=') {
		tz->pos++;
		operator_or_word(tz, t, TK_ASSIGN, PS_OP_ADD_ASSIGN);
	} else if (tz->allow_signed && (isdigit((unsigned char)c1) ||
	    c1 == '.')) {
		scan_number(tz, t);
	} else {
		operator_or_word(tz, t, TK_OPERATOR, TZ_OP_PLUS);
	}
}

/* * / %, alone or with '=' (and *> redirections) */
static void
scan_arith(struct tokenizer *tz, struct tz_token *t, char c)
{
	static const int ops[] = { TZ_OP_MULTIPLY, TZ_OP_DIVIDE, TZ_OP_REM };
	static const int assigns[] = { PS_OP_MUL_ASSIGN, PS_OP_DIV_ASSIGN,
		PS_OP_MOD_ASSIGN };
	size_t k = (size_t)(strchr("*/%", c) - "*/%");

	tz->pos++;
	if (tz_peek(tz) == '=') {
		tz->pos++;
		operator_or_word(tz, t, TK_ASSIGN, assigns[k]);
	} else if (c == '*' && tz_peek(tz) == '>') {
		tz->pos++;
		if (tz_peek(tz) == '>')
			tz->pos++;
		else if (tz_peek(tz) == '&' && tz_at(tz, tz->pos + 1) == '1')
			tz->pos += 2;
		token(tz, t, TK_REDIRECTION, 0);
	} else {
		operator_or_word(tz, t, TK_OPERATOR, ops[k]);
	}
}

/*
 * A digit: 1> .. 6> redirections (n>, n>>, n>&1, n>&2; in expression mode
 * n> is the number n, then '>'), else a number.
 */
static void
scan_digit(struct tokenizer *tz, struct tz_token *t, char c)
{
	if (c >= '1' && c <= '6' && tz_at(tz, tz->pos + 1) == '>') {
		size_t gt = tz->pos + 1;

		tz->pos = gt + 1;
		if (tz_peek(tz) == '&' && (tz_at(tz, tz->pos + 1) == '1' ||
		    tz_at(tz, tz->pos + 1) == '2')) {
			tz->pos += 2;
			token(tz, t, TK_REDIRECTION, 0);
			return;
		}
		if (tz->mode != TZ_EXPRESSION) {
			tz->pos += tz_peek(tz) == '>';
			token(tz, t, TK_REDIRECTION, 0);
			return;
		}
		tz->pos = gt;
		t->num.type = PS_NUM_INT32;
		t->num.ival = c - '0';
		t->num.dval = c - '0';
		token(tz, t, TK_NUMBER, 0);
		return;
	}
	scan_number(tz, t);
}

/* '.': a range, a number (.5), a bare word (.\x), or the dot itself */
static void
scan_dot(struct tokenizer *tz, struct tz_token *t)
{
	char c = tz_at(tz, ++tz->pos);

	if (c == '.') {
		tz->pos++;
		if (tz->mode == TZ_COMMAND && !tz_force_start(tz, tz->pos))
			generic(tz, t);
		else
			token(tz, t, TK_OPERATOR, TZ_OP_DOTDOT);
	} else if (isdigit((unsigned char)c)) {
		scan_number(tz, t);
	} else if (tz->mode == TZ_COMMAND && !tz_force_start(tz, tz->pos) &&
	    c != '$' && c != '"' && c != '\'') {
		generic(tz, t);
	} else {
		token(tz, t, TK_DOT, 0);
	}
}

/* ':': '::', a loop label (command mode), or ':' */
static void
scan_colon(struct tokenizer *tz, struct tz_token *t)
{
	tz->pos++;
	if (tz_peek(tz) == ':') {
		tz->pos++;
		if (tz->mode == TZ_COMMAND && !tz->want_simple_name &&
		    !tz_force_start(tz, tz->pos))
			generic(tz, t);
		else
			token(tz, t, TK_COLONCOLON, 0);
		return;
	}
	if (tz->mode != TZ_COMMAND) {
		token(tz, t, TK_COLON, 0);
		return;
	}
	if (!tz_is_letter(tz, tz->pos) && tz_peek(tz) != '_') {
		generic(tz, t);
		return;
	}
	t->name_start = tz->pos;
	while (is_identifier_follow(tz, tz->pos))
		tz->pos += tz_char_len(tz, tz->pos);
	t->name_end = tz->pos;
	if (!tz_force_start(tz, tz->pos))
		generic(tz, t);
	else
		token(tz, t, TK_LABEL, 0);
}

/* A letter or '_': an identifier, a keyword (command mode) or a bare word */
static void
scan_identifier(struct tokenizer *tz, struct tz_token *t)
{
	size_t n, k;

	while (is_identifier_follow(tz, tz->pos))
		tz->pos += tz_char_len(tz, tz->pos);
	if (tz->mode == TZ_TYPENAME) {
		while (is_identifier_follow(tz, tz->pos) ||
		    (tz_peek(tz) != '\0' && strchr(".`_+#\\", tz_peek(tz))))
			tz->pos += tz_char_len(tz, tz->pos);
		token(tz, t, TK_IDENTIFIER, 0);
		return;
	}
	if (tz->mode == TZ_COMMAND && !tz->want_simple_name) {
		if (!tz_force_start(tz, tz->pos)) {
			generic(tz, t);
			return;
		}
		n = tz->pos - t->start;
		for (k = 0; k < KW_COUNT; k++)
			if (k != KW_INLINESCRIPT && strlen(keywords[k]) == n &&
			    strncasecmp(keywords[k], tz->s + t->start, n) == 0) {
				token(tz, t, TK_KEYWORD, (int)k);
				return;
			}
	}
	token(tz, t, TK_IDENTIFIER, 0);
}

/* '@': @( @{ @' @" or a splatted variable */
static void
scan_at(struct tokenizer *tz, struct tz_token *t)
{
	char c1 = tz_at(tz, ++tz->pos);
	size_t q;

	if (c1 == '(' || c1 == '{') {
		tz->pos++;
		token(tz, t, c1 == '(' ? TK_ATPAREN : TK_ATCURLY, 0);
	} else if ((q = tz_squote(tz, tz->pos)) != 0 ||
	    tz_dquote(tz, tz->pos) != 0) {
		tz_scan_here(tz, t->start, q == 0, NULL, &t->nested);
		token(tz, t, q != 0 ? TK_HERE_STRING : TK_HERE_EXPANDABLE, 0);
	} else if (tz_is_variable_start(tz, tz->pos)) {
		tz_scan_variable(tz, t, true, false);
	} else {
		tz_error(tz, "UnrecognizedToken", t->start, t->start + 1,
		    "Unrecognized token in source text.");
		token(tz, t, TK_UNKNOWN, 0);
	}
}

/* '>' and '>>' */
static void
scan_redirect_out(struct tokenizer *tz, struct tz_token *t)
{
	tz->pos++;
	if (tz_peek(tz) == '>')
		tz->pos++;
	token(tz, t, TK_REDIRECTION, 0);
}

/* Two-character tokens: && || */
static void
scan_pair(struct tokenizer *tz, struct tz_token *t, enum tz_kind one,
    enum tz_kind two)
{
	char c = tz->s[tz->pos++];

	if (tz_peek(tz) == c) {
		tz->pos++;
		token(tz, t, two, 0);
	} else {
		token(tz, t, one, 0);
	}
}

/* A backtick where a token starts: a line continuation, or a bare word */
static bool
scan_backtick(struct tokenizer *tz, struct tz_token *t)
{
	char c1 = tz_at(tz, tz->pos + 1);

	if (tz_is_newline(c1)) {
		tz->pos += 2;
		if (c1 == '\r' && tz_peek(tz) == '\n')
			tz->pos++;
		return false;
	}
	if (tz_space(tz, tz->pos + 1)) {
		tz->pos++;
		tz_skip_space(tz);
		return false;
	}
	if (tz->pos + 1 >= tz->len) {
		tz->pos++;
		tz_error(tz, "IncompleteString", tz->pos, tz->pos,
		    "Incomplete string token.");
		return false;
	}
	generic(tz, t);
	return true;
}

/* Punctuation that is always its own token; false if c is not one */
static bool
scan_punct(struct tokenizer *tz, struct tz_token *t, char c)
{
	static const char chars[] = "(){};,]";
	static const enum tz_kind kinds[] = { TK_LPAREN, TK_RPAREN, TK_LCURLY,
		TK_RCURLY, TK_SEMI, TK_COMMA, TK_RBRACKET };
	const char *p = strchr(chars, c);

	if (c == '\0' || p == NULL)
		return false;
	tz->pos++;
	token(tz, t, kinds[p - chars], 0);
	return true;
}

/* Characters that start a token of their own kind; false for the rest */
static bool
scan_symbol(struct tokenizer *tz, struct tz_token *t, char c)
{
	switch (c) {
	case '@':
		scan_at(tz, t);
		return true;
	case '=':
		tz->pos++;
		operator_or_word(tz, t, TK_ASSIGN, PS_OP_ASSIGN);
		return true;
	case '+':
		scan_plus(tz, t);
		return true;
	case '*': case '/': case '%':
		scan_arith(tz, t, c);
		return true;
	case '$':
		if (tz_at(tz, tz->pos + 1) == '(') {
			tz->pos += 2;
			token(tz, t, TK_DOLLARPAREN, 0);
		} else {
			tz->pos++;
			tz_scan_variable(tz, t, false, false);
		}
		return true;
	case '>':
		scan_redirect_out(tz, t);
		return true;
	case '&':
		scan_pair(tz, t, TK_AMPERSAND, TK_ANDAND);
		return true;
	case '|':
		scan_pair(tz, t, TK_PIPE, TK_OROR);
		return true;
	case '.':
		scan_dot(tz, t);
		return true;
	case ':':
		scan_colon(tz, t);
		return true;
	default:
		return scan_punct(tz, t, c);
	}
}

/* '[' and '!', which command mode glues to what follows */
static bool
scan_glued(struct tokenizer *tz, struct tz_token *t, char c)
{
	if (c != '[' && c != '!')
		return false;
	if (tz->mode == TZ_COMMAND && !tz_force_start(tz, tz->pos + 1)) {
		generic(tz, t);
		return true;
	}
	tz->pos++;
	if (c == '[')
		token(tz, t, TK_LBRACKET, 0);
	else
		token(tz, t, TK_OPERATOR, TZ_OP_EXCLAIM);
	return true;
}

/* Returns false when what was there is skipped (space, a comment) */
static bool
scan_one(struct tokenizer *tz, struct tz_token *t)
{
	size_t q;
	char c = tz_peek(tz);

	if (tz_space(tz, tz->pos)) {
		tz_skip_space(tz);
		return false;
	}
	if ((q = tz_squote(tz, tz->pos)) != 0 || tz_dquote(tz, tz->pos)) {
		tz_scan_quoted(tz, tz->pos, q == 0, NULL, &t->nested);
		token(tz, t, q != 0 ? TK_STRING : TK_EXPANDABLE, 0);
		return true;
	}
	if (tz_dash(tz, tz->pos)) {
		scan_dash(tz, t);
		return true;
	}
	if (c == '#' || (c == '<' && tz_at(tz, tz->pos + 1) == '#')) {
		tz->pos += c == '#' ? 1 : 2;
		if (c == '#')
			skip_line_comment(tz);
		else
			skip_block_comment(tz, t->start);
		return false;
	}
	if (tz_is_newline(c)) {
		tz->pos += c == '\r' && tz_at(tz, tz->pos + 1) == '\n' ? 2 : 1;
		token(tz, t, TK_NEWLINE, 0);
		return true;
	}
	if (c == '`')
		return scan_backtick(tz, t);
	if (c == '<') {
		tz->pos++;
		token(tz, t, TK_REDIRECT_IN, 0);
		return true;
	}
	if (scan_symbol(tz, t, c) || scan_glued(tz, t, c))
		return true;
	if (isdigit((unsigned char)c)) {
		scan_digit(tz, t, c);
		return true;
	}
	if (c == '_' || tz_is_letter(tz, tz->pos)) {
		tz->pos += tz_char_len(tz, tz->pos);
		scan_identifier(tz, t);
		return true;
	}
	generic(tz, t);
	return true;
}

void
tz_next(struct tokenizer *tz, struct tz_token *t)
{
	do {
		memset(t, 0, sizeof(*t));
		t->start = tz->pos;
		if (tz_eof(tz) || tz->failed) {
			t->kind = TK_EOF;
			t->end = tz->pos;
			return;
		}
	} while (!scan_one(tz, t));
}

void
tz_skip_newlines(struct tokenizer *tz, bool semis)
{
	size_t start;
	char c;

	while (!tz_eof(tz) && !tz->failed) {
		c = tz_peek(tz);
		start = tz->pos;
		if (tz_space(tz, tz->pos)) {
			tz_skip_space(tz);
		} else if (tz_is_newline(c) || (semis && c == ';')) {
			tz->pos++;
		} else if (c == '#') {
			skip_line_comment(tz);
		} else if (c == '<' && tz_at(tz, tz->pos + 1) == '#') {
			tz->pos += 2;
			skip_block_comment(tz, start);
		} else if (c == '`' && tz_is_newline(tz_at(tz, tz->pos + 1))) {
			tz->pos += 2;
		} else {
			return;
		}
	}
}

bool
tz_member_access(struct tokenizer *tz, bool allow_lbracket,
    struct tz_token *t)
{
	size_t start;
	char c;

	memset(t, 0, sizeof(*t));
	while (tz_peek(tz) == '<' && tz_at(tz, tz->pos + 1) == '#') {
		start = tz->pos;
		tz->pos += 2;
		skip_block_comment(tz, start);
	}
	t->start = tz->pos;
	c = tz_peek(tz);
	if (c == '.' && tz_at(tz, tz->pos + 1) != '.') {
		if (tz->mode == TZ_COMMAND && (tz->pos + 1 >= tz->len ||
		    tz_space(tz, tz->pos + 1) ||
		    tz_is_newline(tz_at(tz, tz->pos + 1))))
			return false;
		tz->pos++;
		token(tz, t, TK_DOT, 0);
		return true;
	}
	if (c == ':' && tz_at(tz, tz->pos + 1) == ':') {
		if (tz->mode == TZ_COMMAND && (tz->pos + 2 >= tz->len ||
		    tz_space(tz, tz->pos + 2) ||
		    tz_is_newline(tz_at(tz, tz->pos + 2))))
			return false;
		tz->pos += 2;
		token(tz, t, TK_COLONCOLON, 0);
		return true;
	}
	if (c == '[' && allow_lbracket) {
		tz->pos++;
		token(tz, t, TK_LBRACKET, 0);
		return true;
	}
	return false;
}

bool
tz_invoke_paren(struct tokenizer *tz, struct tz_token *t)
{
	char c = tz_peek(tz);

	memset(t, 0, sizeof(*t));
	if (c != '(' && c != '{')
		return false;
	t->start = tz->pos++;
	token(tz, t, c == '(' ? TK_LPAREN : TK_LCURLY, 0);
	return true;
}

bool
tz_lbracket(struct tokenizer *tz, struct tz_token *t)
{
	size_t restore = tz->pos, start;
	bool saw_space = false;

	for (;;) {
		start = tz->pos;
		if (tz_space(tz, tz->pos)) {
			saw_space = true;
			tz_skip_space(tz);
		} else if (tz_peek(tz) == '#') {
			saw_space = true;
			skip_line_comment(tz);
		} else if (tz_peek(tz) == '<' && tz_at(tz, tz->pos + 1) == '#') {
			saw_space = false;
			tz->pos += 2;
			skip_block_comment(tz, start);
		} else {
			break;
		}
	}
	memset(t, 0, sizeof(*t));
	if (tz_peek(tz) == '[' && !tz->failed) {
		t->start = tz->pos++;
		token(tz, t, TK_LBRACKET, 0);
		return true;
	}
	if (saw_space && (tz_peek(tz) == '.' || tz_peek(tz) == ':'))
		tz->pos = restore;
	return false;
}
