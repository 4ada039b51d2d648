/*
 * tests/tools/tsql_eval.c: evaluates one T-SQL scalar expression over a
 * message, for exactly the expressions of the Managed Instance link check
 * (agent-spec.md 4.2): the SELECT column
 *
 *   SUBSTRING([message], CHARINDEX('TcpTestSucceeded', [message]),
 *       CHARINDEX('Process Exit', [message]) - CHARINDEX(...)) AS TcpTestResult,
 *
 * and its RemoteAddress twin, taken verbatim (an "AS alias" and a trailing
 * comma are accepted and ignored).
 *
 *   tsql_eval EXPRESSION MESSAGE_FILE
 *
 * MESSAGE_FILE holds the value of [message] as UTF-8 (what the CmdExec
 * emulator writes). The result is written to stdout exactly, with no
 * newline added; an integer result is written in decimal. Exit codes:
 * 0 evaluated; 1 the statement raised an error (Msg 537 on stderr, as SQL
 * Server prints it); 2 usage, unreadable file, bad UTF-8 or an expression
 * outside the subset (a sentence on stderr).
 *
 * The subset (agent-spec.md section 5):
 *   expr := term { ("+" | "-") term }
 *   term := integer | 'string' | N'string' | [message] | message
 *         | CHARINDEX(expr, expr [, expr]) | SUBSTRING(expr, expr, expr)
 *         | "(" expr ")" | "-" term
 * Names are case-insensitive. Strings are nvarchar: positions and lengths
 * count UTF-16 code units, as nvarchar(4000) does under a non-SC
 * collation. CHARINDEX compares case-insensitively, like the default
 * SQL_Latin1_General_CP1_CI_AS collation (folding: towlower() of each BMP
 * code unit in C.UTF-8; accents stay significant, the "AS" part). No NULLs
 * occur in the seed's query and none are modelled. "+" of two strings
 * concatenates; mixing a string and an integer is rejected rather than
 * guessed (SQL Server would try to convert the string).
 * Integer arithmetic is int: overflow raises Msg 8115.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

enum tsql_type { TSQL_INT, TSQL_STR };

struct tsql_value {
	enum tsql_type type;
	long long i;			/* TSQL_INT */
	uint16_t *s;			/* TSQL_STR: UTF-16 code units, owned */
	size_t n;			/* ... and how many */
};

struct tsql_error {
	int msg;			/* 0: none; 537, 8115: raised by SQL Server; -1: ours */
	char text[256];			/* the sentence */
};

struct tsql_parser {
	const char *p;			/* next input character */
	const uint16_t *message;	/* [message] */
	size_t message_n;
	struct tsql_error *err;
};

/*
 * Decodes UTF-8 into freshly allocated UTF-16 code units. Returns 0 and
 * sets *out and *n, or -1 on invalid UTF-8 or no memory.
 */
static int
tsql_utf8_to_utf16(const char *s, size_t len, uint16_t **out, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint16_t *v = malloc((len + 1) * sizeof(*v));
	size_t i = 0, k = 0;

	if (v == NULL)
		return -1;
	while (i < len) {
		uint32_t c;
		int more;

		if (u[i] < 0x80) {
			c = u[i];
			more = 0;
		} else if ((u[i] & 0xe0) == 0xc0) {
			c = u[i] & 0x1f;
			more = 1;
		} else if ((u[i] & 0xf0) == 0xe0) {
			c = u[i] & 0x0f;
			more = 2;
		} else if ((u[i] & 0xf8) == 0xf0) {
			c = u[i] & 0x07;
			more = 3;
		} else {
			goto bad;
		}
		if (more > 0 && i + (size_t)more >= len)
			goto bad;
		for (int j = 1; j <= more; j++) {
			if ((u[i + j] & 0xc0) != 0x80)
				goto bad;
			c = (c << 6) | (u[i + j] & 0x3f);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((more == 1 && c < 0x80) || (more == 2 && c < 0x800) ||
		    (more == 3 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			goto bad;
		if (c >= 0x10000) {
			c -= 0x10000;
			v[k++] = (uint16_t)(0xd800 | (c >> 10));
			v[k++] = (uint16_t)(0xdc00 | (c & 0x3ff));
		} else {
			v[k++] = (uint16_t)c;
		}
		i += (size_t)more + 1;
	}
	*out = v;
	*n = k;
	return 0;
bad:
	free(v);
	return -1;
}

/* Writes UTF-16 code units as UTF-8; a lone surrogate becomes U+FFFD. */
static void
tsql_write_utf16(FILE *f, const uint16_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t c = s[i];

		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n &&
		    s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff) {
			c = 0x10000 + ((c - 0xd800) << 10) + (s[i + 1] - 0xdc00);
			i++;
		} else if (c >= 0xd800 && c <= 0xdfff) {
			c = 0xfffd;
		}
		if (c < 0x80) {
			fputc((int)c, f);
		} else if (c < 0x800) {
			fputc((int)(0xc0 | (c >> 6)), f);
			fputc((int)(0x80 | (c & 0x3f)), f);
		} else if (c < 0x10000) {
			fputc((int)(0xe0 | (c >> 12)), f);
			fputc((int)(0x80 | ((c >> 6) & 0x3f)), f);
			fputc((int)(0x80 | (c & 0x3f)), f);
		} else {
			fputc((int)(0xf0 | (c >> 18)), f);
			fputc((int)(0x80 | ((c >> 12) & 0x3f)), f);
			fputc((int)(0x80 | ((c >> 6) & 0x3f)), f);
			fputc((int)(0x80 | (c & 0x3f)), f);
		}
	}
}

static uint16_t
tsql_fold(uint16_t c)
{
	if (c >= 0xd800 && c <= 0xdfff)
		return c;
	return (uint16_t)towlower((wint_t)c);
}

/*
 * CHARINDEX(find, in, start): the 1-based position of the first match at
 * or after start (start < 1 means 1), 0 when there is none. An empty
 * find returns 0, as SQL Server does.
 */
static long long
tsql_charindex(const uint16_t *find, size_t fn, const uint16_t *in, size_t n,
    long long start)
{
	size_t from = start < 1 ? 0 : (size_t)(start - 1);

	if (fn == 0 || fn > n)
		return 0;
	for (size_t i = from; i + fn <= n; i++) {
		size_t j = 0;

		while (j < fn && tsql_fold(in[i + j]) == tsql_fold(find[j]))
			j++;
		if (j == fn)
			return (long long)i + 1;
	}
	return 0;
}

/*
 * SUBSTRING(s, start, length) by the documented rule: the characters at
 * positions start .. start+length-1 that exist; a start below 1 still
 * counts toward the end. Returns 0 with *first and *count set, or -1
 * when length is negative (Msg 537).
 */
static int
tsql_substring(size_t n, long long start, long long length, size_t *first,
    size_t *count)
{
	long long lo, hi;

	if (length < 0)
		return -1;
	lo = start < 1 ? 1 : start;
	hi = start + length;		/* one past the last position */
	if (hi > (long long)n + 1)
		hi = (long long)n + 1;
	if (hi <= lo) {
		*first = 0;
		*count = 0;
		return 0;
	}
	*first = (size_t)(lo - 1);
	*count = (size_t)(hi - lo);
	return 0;
}

static void
tsql_value_free(struct tsql_value *v)
{
	free(v->s);
	v->s = NULL;
}

static int
tsql_fail(struct tsql_parser *ps, int msg, const char *text)
{
	if (ps->err->msg == 0) {
		ps->err->msg = msg;
		snprintf(ps->err->text, sizeof(ps->err->text), "%s", text);
	}
	return -1;
}

static void
tsql_skip_space(struct tsql_parser *ps)
{
	while (*ps->p != '\0' && isspace((unsigned char)*ps->p))
		ps->p++;
}

/* Consumes the keyword kw (case-insensitive, whole word); returns 1 if it did. */
static int
tsql_keyword(struct tsql_parser *ps, const char *kw)
{
	size_t len = strlen(kw);

	tsql_skip_space(ps);
	if (strncasecmp(ps->p, kw, len) != 0)
		return 0;
	if (isalnum((unsigned char)ps->p[len]) || ps->p[len] == '_')
		return 0;
	ps->p += len;
	return 1;
}

static int
tsql_punct(struct tsql_parser *ps, char c)
{
	tsql_skip_space(ps);
	if (*ps->p != c)
		return 0;
	ps->p++;
	return 1;
}

static int tsql_expr(struct tsql_parser *ps, struct tsql_value *v);

static int
tsql_expect(struct tsql_parser *ps, char c)
{
	char text[64];

	if (tsql_punct(ps, c))
		return 0;
	snprintf(text, sizeof(text), "expected '%c' at: %.20s", c, ps->p);
	return tsql_fail(ps, -1, text);
}

/* Parses an argument that must be of the given type; what names it in errors. */
static int
tsql_arg(struct tsql_parser *ps, struct tsql_value *v, enum tsql_type type,
    const char *what)
{
	char text[96];

	if (tsql_expr(ps, v) < 0)
		return -1;
	if (v->type == type)
		return 0;
	tsql_value_free(v);
	snprintf(text, sizeof(text), "%s must be %s expression", what,
	    type == TSQL_INT ? "an integer" : "a string");
	return tsql_fail(ps, -1, text);
}

static int
tsql_string_literal(struct tsql_parser *ps, struct tsql_value *v)
{
	const char *start = ++ps->p;	/* past the opening quote */
	char *buf = malloc(strlen(start) + 1);
	size_t k = 0;
	int rc;

	if (buf == NULL)
		return tsql_fail(ps, -1, "out of memory");
	for (;;) {
		if (*ps->p == '\0') {
			free(buf);
			return tsql_fail(ps, -1, "unterminated string literal");
		}
		if (*ps->p == '\'') {
			if (ps->p[1] != '\'')
				break;
			ps->p++;	/* '' is one quote */
		}
		buf[k++] = *ps->p++;
	}
	ps->p++;
	v->type = TSQL_STR;
	rc = tsql_utf8_to_utf16(buf, k, &v->s, &v->n);
	free(buf);
	if (rc < 0)
		return tsql_fail(ps, -1, "string literal is not valid UTF-8");
	return 0;
}

static int
tsql_message(struct tsql_parser *ps, struct tsql_value *v)
{
	v->type = TSQL_STR;
	v->n = ps->message_n;
	v->s = malloc((v->n + 1) * sizeof(*v->s));
	if (v->s == NULL)
		return tsql_fail(ps, -1, "out of memory");
	memcpy(v->s, ps->message, v->n * sizeof(*v->s));
	return 0;
}

static int
tsql_call_charindex(struct tsql_parser *ps, struct tsql_value *v)
{
	struct tsql_value find = { 0 }, in = { 0 }, start = { TSQL_INT, 1, NULL, 0 };
	int rc = -1;

	if (tsql_expect(ps, '(') < 0 || tsql_arg(ps, &find, TSQL_STR, "CHARINDEX's first argument") < 0 ||
	    tsql_expect(ps, ',') < 0 || tsql_arg(ps, &in, TSQL_STR, "CHARINDEX's second argument") < 0)
		goto out;
	if (tsql_punct(ps, ',') && tsql_arg(ps, &start, TSQL_INT, "CHARINDEX's start_location") < 0)
		goto out;
	if (tsql_expect(ps, ')') < 0)
		goto out;
	v->type = TSQL_INT;
	v->i = tsql_charindex(find.s, find.n, in.s, in.n, start.i);
	rc = 0;
out:
	tsql_value_free(&find);
	tsql_value_free(&in);
	return rc;
}

static int
tsql_call_substring(struct tsql_parser *ps, struct tsql_value *v)
{
	struct tsql_value s = { 0 }, start = { 0 }, len = { 0 };
	size_t first, count;

	if (tsql_expect(ps, '(') < 0 || tsql_arg(ps, &s, TSQL_STR, "SUBSTRING's expression") < 0 ||
	    tsql_expect(ps, ',') < 0 || tsql_arg(ps, &start, TSQL_INT, "SUBSTRING's start") < 0 ||
	    tsql_expect(ps, ',') < 0 || tsql_arg(ps, &len, TSQL_INT, "SUBSTRING's length") < 0 ||
	    tsql_expect(ps, ')') < 0) {
		tsql_value_free(&s);
		return -1;
	}
	if (tsql_substring(s.n, start.i, len.i, &first, &count) < 0) {
		tsql_value_free(&s);
		return tsql_fail(ps, 537,
		    "Invalid length parameter passed to the LEFT or SUBSTRING function.");
	}
	memmove(s.s, s.s + first, count * sizeof(*s.s));
	s.n = count;
	*v = s;
	return 0;
}

static int
tsql_term(struct tsql_parser *ps, struct tsql_value *v)
{
	char text[64];

	tsql_skip_space(ps);
	if (*ps->p == '(') {
		ps->p++;
		if (tsql_expr(ps, v) < 0)
			return -1;
		return tsql_expect(ps, ')');
	}
	if (*ps->p == '-') {
		ps->p++;
		if (tsql_term(ps, v) < 0)
			return -1;
		if (v->type != TSQL_INT) {
			tsql_value_free(v);
			return tsql_fail(ps, -1, "unary minus's operand must be an integer");
		}
		v->i = -v->i;
		return 0;
	}
	if (*ps->p == '\'')
		return tsql_string_literal(ps, v);
	if ((*ps->p == 'N' || *ps->p == 'n') && ps->p[1] == '\'') {
		ps->p++;
		return tsql_string_literal(ps, v);
	}
	if (isdigit((unsigned char)*ps->p)) {
		char *end;

		errno = 0;
		v->type = TSQL_INT;
		v->i = strtoll(ps->p, &end, 10);
		if (errno != 0 || v->i > INT_MAX)
			return tsql_fail(ps, -1, "integer literal out of int range");
		ps->p = end;
		return 0;
	}
	if (strncasecmp(ps->p, "[message]", 9) == 0) {
		ps->p += 9;
		return tsql_message(ps, v);
	}
	if (tsql_keyword(ps, "message"))
		return tsql_message(ps, v);
	if (tsql_keyword(ps, "CHARINDEX"))
		return tsql_call_charindex(ps, v);
	if (tsql_keyword(ps, "SUBSTRING"))
		return tsql_call_substring(ps, v);
	snprintf(text, sizeof(text), "unsupported expression at: %.20s", ps->p);
	return tsql_fail(ps, -1, text);
}

static int
tsql_expr(struct tsql_parser *ps, struct tsql_value *v)
{
	if (tsql_term(ps, v) < 0)
		return -1;
	for (;;) {
		struct tsql_value r = { 0 };
		int op;

		tsql_skip_space(ps);
		op = *ps->p;
		if (op != '+' && op != '-')
			return 0;
		ps->p++;
		if (tsql_term(ps, &r) < 0) {
			tsql_value_free(v);
			return -1;
		}
		if (v->type == TSQL_INT && r.type == TSQL_INT) {
			v->i = op == '+' ? v->i + r.i : v->i - r.i;
			if (v->i > INT_MAX || v->i < INT_MIN)
				return tsql_fail(ps, 8115,
				    "Arithmetic overflow error converting expression to data type int.");
		} else if (op == '+' && v->type == TSQL_STR && r.type == TSQL_STR) {
			uint16_t *s = realloc(v->s, (v->n + r.n + 1) * sizeof(*s));

			if (s == NULL) {
				tsql_value_free(&r);
				return tsql_fail(ps, -1, "out of memory");
			}
			memcpy(s + v->n, r.s, r.n * sizeof(*s));
			v->s = s;
			v->n += r.n;
			tsql_value_free(&r);
		} else {
			tsql_value_free(v);
			tsql_value_free(&r);
			return tsql_fail(ps, -1, "operands of different or unsupported types");
		}
	}
}

/*
 * Evaluates the column expression src (optionally "AS alias" and a
 * trailing comma) over message. Returns 0 with *v set, or -1 with err set.
 */
static int
tsql_eval(const char *src, const uint16_t *message, size_t message_n,
    struct tsql_value *v, struct tsql_error *err)
{
	struct tsql_parser ps = { src, message, message_n, err };

	memset(err, 0, sizeof(*err));
	memset(v, 0, sizeof(*v));
	if (tsql_expr(&ps, v) < 0)
		return -1;
	if (tsql_keyword(&ps, "AS")) {
		tsql_skip_space(&ps);
		while (isalnum((unsigned char)*ps.p) || *ps.p == '_')
			ps.p++;
	}
	tsql_punct(&ps, ',');
	tsql_skip_space(&ps);
	if (*ps.p != '\0') {
		char text[64];

		tsql_value_free(v);
		snprintf(text, sizeof(text), "unexpected text after the expression: %.20s", ps.p);
		return tsql_fail(&ps, -1, text);
	}
	return 0;
}

#ifndef TSQL_EVAL_NO_MAIN
/* Prints an error as SQL Server's client tools do (Msg N, Level 16, State ...). */
static void
tsql_print_error(FILE *f, const struct tsql_error *err)
{
	if (err->msg == 537)
		fprintf(f, "Msg 537, Level 16, State 3\n%s\n", err->text);
	else if (err->msg == 8115)
		fprintf(f, "Msg 8115, Level 16, State 2\n%s\n", err->text);
	else
		fprintf(f, "tsql_eval: %s\n", err->text);
}

static char *
tsql_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap) {
			char *b = realloc(buf, cap = cap ? cap * 2 : 4096);

			if (b == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	struct tsql_value v;
	struct tsql_error err;
	uint16_t *msg;
	size_t len, n;
	char *raw;

	setlocale(LC_CTYPE, "C.UTF-8");
	if (argc != 3) {
		fprintf(stderr, "usage: tsql_eval EXPRESSION MESSAGE_FILE\n");
		return 2;
	}
	raw = tsql_read_file(argv[2], &len);
	if (raw == NULL) {
		fprintf(stderr, "tsql_eval: %s: %s\n", argv[2], strerror(errno));
		return 2;
	}
	if (tsql_utf8_to_utf16(raw, len, &msg, &n) < 0) {
		fprintf(stderr, "tsql_eval: %s: not valid UTF-8\n", argv[2]);
		free(raw);
		return 2;
	}
	free(raw);
	if (tsql_eval(argv[1], msg, n, &v, &err) < 0) {
		tsql_print_error(stderr, &err);
		free(msg);
		return err.msg > 0 ? 1 : 2;
	}
	if (v.type == TSQL_INT)
		printf("%lld", v.i);
	else
		tsql_write_utf16(stdout, v.s, v.n);
	tsql_value_free(&v);
	free(msg);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "tsql_eval: write error: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}
#endif
