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
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "parsers/ps_chars.h"

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

static locale_t c_loc;
static pthread_once_t c_loc_once = PTHREAD_ONCE_INIT;

static void
c_locale_make(void)
{
	c_loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* strtod must read '.' whatever LC_NUMERIC main may have set; made once,
   as -Parallel's workers read numbers too */
static locale_t
c_locale(void)
{
	pthread_once(&c_loc_once, c_locale_make);
	return c_loc;
}

/* kb mb gb tb pb, any case; returns 2 and the power of 1024, or 0 */
static size_t
multiplier(const char *p, int *power)
{
	static const char units[] = "kmgtp";
	const char *u;

	if (p[0] == '\0' || tolower((unsigned char)p[1]) != 'b')
		return 0;
	u = strchr(units, tolower((unsigned char)p[0]));
	if (u == NULL)
		return 0;
	*power = (int)(u - units) + 1;
	return 2;
}

/* The parts of a number literal as written; no value yet. */
struct num_parts {
	bool	neg, hex, real, suffix_l, suffix_d;
	const char *ints;	/* integer digits (hex digits for hex) */
	size_t	nints;
	const char *frac;	/* digits after '.' */
	size_t	nfrac;
	const char *mantissa;	/* digits, '.', exponent: what strtod reads */
	size_t	nmantissa;
	long	exp;		/* the exponent, clamped to +-100000 */
	int	power;		/* multiplier: 1024^power */
	size_t	len;		/* characters used */
};

/*
 * Scans the syntax of an unsigned number literal at s (the sign is the
 * caller's): 0x hex digits or digits [. digits] [e[+-]digits], then l or
 * d, then kb..pb. Returns 0, or -1 if s does not start with a number.
 */
static int
scan_parts(const char *s, bool neg, struct num_parts *np)
{
	const char *p = s;

	memset(np, 0, sizeof(*np));
	np->neg = neg;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		np->hex = true;
		np->ints = p += 2;
		while (isxdigit((unsigned char)*p))
			p++;
		np->nints = (size_t)(p - np->ints);
	} else {
		np->mantissa = np->ints = p;
		while (isdigit((unsigned char)*p))
			p++;
		np->nints = (size_t)(p - s);
		if (*p == '.' && isdigit((unsigned char)p[1])) {
			np->real = true;
			np->frac = ++p;
			while (isdigit((unsigned char)*p))
				p++;
			np->nfrac = (size_t)(p - np->frac);
		}
		if (np->nints + np->nfrac == 0)
			return -1;
		if ((*p == 'e' || *p == 'E') && (isdigit((unsigned char)p[1]) ||
		    ((p[1] == '+' || p[1] == '-') &&
		    isdigit((unsigned char)p[2])))) {
			bool eneg = p[1] == '-';

			np->real = true;
			p += isdigit((unsigned char)p[1]) ? 1 : 2;
			for (; isdigit((unsigned char)*p); p++)
				if (np->exp < 100000)
					np->exp = np->exp * 10 + (*p - '0');
			if (eneg)
				np->exp = -np->exp;
		}
		np->nmantissa = (size_t)(p - s);
	}
	if (*p == 'l' || *p == 'L') {
		np->suffix_l = true;
		p++;
	} else if (!np->hex && (*p == 'd' || *p == 'D')) {
		np->suffix_d = true;
		p++;
	}
	p += multiplier(p, &np->power);
	np->len = (size_t)(p - s);
	return 0;
}

/* The largest System.Decimal: 2^96 - 1 */
static const char decimal_max[] = "79228162514264337593543950335";

/* digits[0..*n) * 1024, in place; digits has room for 4 more. */
static void
digits_times_1024(char *digits, size_t *n)
{
	unsigned carry = 0, d;
	size_t i;

	for (i = *n; i-- > 0;) {
		d = (unsigned)(digits[i] - '0') * 1024 + carry;
		digits[i] = (char)('0' + d % 10);
		carry = d / 10;
	}
	while (carry > 0) {
		memmove(digits + 1, digits, *n);
		digits[0] = (char)('0' + carry % 10);
		carry /= 10;
		(*n)++;
	}
}

/*
 * Drops the last k digits of digits[0..*n) in one step, rounding half to
 * even as .NET's Decimal does (one step: rounding digit by digit would
 * round 1.46 up to 2). Dropping more digits than there are leaves 0.
 */
static void
digits_round(char *digits, size_t *n, size_t k)
{
	size_t keep, i;
	bool rest = false, up;

	if (k == 0)
		return;
	if (k > *n) {
		*n = 0;
		return;
	}
	keep = *n - k;
	for (i = keep + 1; i < *n; i++)
		rest = rest || digits[i] != '0';
	up = digits[keep] > '5' || (digits[keep] == '5' && (rest ||
	    (keep > 0 && (digits[keep - 1] - '0') % 2 == 1)));
	*n = keep;
	if (!up)
		return;
	for (i = keep; i-- > 0;) {
		if (digits[i] != '9') {
			digits[i]++;
			return;
		}
		digits[i] = '0';
	}
	memmove(digits + 1, digits, keep);
	digits[0] = '1';
	(*n)++;
}

/* Whether the digit string (no leading zeros) is above decimal_max */
static bool
above_decimal(const char *digits, size_t n)
{
	size_t m = sizeof(decimal_max) - 1;

	return n > m || (n == m && memcmp(digits, decimal_max, m) > 0);
}

/*
 * The value of np as a System.Decimal, written as .NET writes it
 * (digits, the scale kept: 1.50d is "1.50"): what Decimal.Parse and a
 * multiplier give. Returns 0, or -1 if it does not fit a Decimal (or
 * on ENOMEM).
 */
static int
decimal_text(const struct num_parts *np, char *out, size_t size)
{
	size_t n = 0, lead, i, cap;
	long scale = (long)np->nfrac - np->exp;
	char *d;
	int rc = -1, k;

	/* the digits, then zeros for a positive exponent, room to grow */
	cap = np->nints + np->nfrac + 40;
	if (scale < 0 && (size_t)-scale < 64)
		cap += (size_t)-scale;
	d = malloc(cap);
	if (d == NULL)
		return -1;
	for (i = 0; i < np->nints; i++)
		if (n > 0 || np->ints[i] != '0')
			d[n++] = np->ints[i];
	for (i = 0; i < np->nfrac; i++)
		if (n > 0 || np->frac[i] != '0')
			d[n++] = np->frac[i];
	/* n is now the count of significant digits written */
	if (n == 0) {
		scale = scale < 0 ? 0 : scale > 28 ? 28 : scale;
	} else if (scale < 0) {
		if (n + (size_t)-scale > sizeof(decimal_max) - 1)
			goto out;		/* too large */
		memset(d + n, '0', (size_t)-scale);
		n += (size_t)-scale;
		scale = 0;
	}
	if (scale > 28) {		/* a Decimal keeps 28 places at most */
		digits_round(d, &n, (size_t)(scale - 28));
		scale = n > 0 ? 28 : 0;
	}
	for (k = 0; k < np->power; k++) {
		if (n > sizeof(decimal_max))
			goto out;
		digits_times_1024(d, &n);
	}
	if (n > 0 && above_decimal(d, n) && scale > 0) {
		/* too many digits: fewer places, as few fewer as fit */
		size_t drop = n > sizeof(decimal_max) - 1 ?
		    n - (sizeof(decimal_max) - 1) : 1, m;

		if ((long)drop > scale)
			drop = (size_t)scale;
		m = n;
		digits_round(d, &m, drop);
		if (above_decimal(d, m) && (long)drop < scale) {
			digits_round(d, &m, 1);	/* the rounding carried over */
			drop++;
		}
		n = m;
		scale -= (long)drop;
	}
	if (above_decimal(d, n))
		goto out;
	/* at least one digit before the point */
	lead = n <= (size_t)scale ? (size_t)scale + 1 - n : 0;
	if (n + lead + 3 > size)
		goto out;
	memmove(d + lead, d, n);
	memset(d, '0', lead);
	n += lead;
	i = 0;
	if (np->neg && strspn(d, "0") < n)
		out[i++] = '-';
	memcpy(out + i, d, n - (size_t)scale);
	i += n - (size_t)scale;
	if (scale > 0) {
		out[i++] = '.';
		memcpy(out + i, d + n - (size_t)scale, (size_t)scale);
		i += (size_t)scale;
	}
	out[i] = '\0';
	rc = 0;
out:
	free(d);
	return rc;
}

/* The value of a real literal (or one too large for Int64) as a double */
static double
real_value(const struct num_parts *np)
{
	char *buf = strndup(np->mantissa, np->nmantissa);
	double d;
	int k;

	if (buf == NULL)
		return NAN;
	d = strtod_l(buf, NULL, c_locale());
	free(buf);
	for (k = 0; k < np->power; k++)
		d *= 1024.0;
	return np->neg ? -d : d;
}

/* Hex: two's complement, Int32 up to 8 digits' worth (0xFFFFFFFF is -1) */
static int
hex_value(const struct num_parts *np, struct ps_number *n)
{
	unsigned long long v = 0;
	long long x;
	size_t i;
	int k;

	if (np->nints > 16)
		return -1;
	for (i = 0; i < np->nints; i++) {
		char c = np->ints[i];

		v = v * 16 + (unsigned)(isdigit((unsigned char)c) ? c - '0' :
		    tolower((unsigned char)c) - 'a' + 10);
	}
	if (!np->suffix_l && v <= 0xFFFFFFFFull) {
		n->type = PS_NUM_INT32;
		x = (int32_t)(uint32_t)v;
	} else {
		n->type = PS_NUM_INT64;
		x = (long long)v;
	}
	for (k = 0; k < np->power; k++) {
		if (__builtin_mul_overflow(x, 1024, &x)) {
			/* PowerShell arithmetic goes on in Double */
			n->type = PS_NUM_DOUBLE;
			n->dval = (double)(long long)v;
			for (k = 0; k < np->power; k++)
				n->dval *= 1024.0;
			n->dval = np->neg ? -n->dval : n->dval;
			return 0;
		}
	}
	if (np->neg) {
		if (x == LLONG_MIN) {
			n->type = PS_NUM_DOUBLE;
			n->dval = 9223372036854775808.0;
			return 0;
		}
		x = -x;
	}
	if (x < INT32_MIN || x > INT32_MAX)
		n->type = PS_NUM_INT64;
	n->ival = x;
	n->dval = (double)x;
	return 0;
}

/*
 * An integer literal without a fraction or exponent, as PowerShell types
 * it: Int32 if it fits, else Int64, else Decimal, else Double; with the
 * l suffix Int64 or nothing. The sign is part of the value, so
 * -2147483648 is an Int32.
 */
static int
integer_value(const struct num_parts *np, struct ps_number *n)
{
	unsigned long long m = 0;
	bool over = false;
	char text[PS_LITERAL_TEXT_MAX];
	size_t i;
	int k;

	for (i = 0; i < np->nints && !over; i++)
		over = __builtin_mul_overflow(m, 10, &m) ||
		    __builtin_add_overflow(m, (unsigned)(np->ints[i] - '0'),
		    &m);
	for (k = 0; k < np->power && !over; k++)
		over = __builtin_mul_overflow(m, 1024, &m);
	if (!over && m <= (np->neg ? 1ull << 63 : (unsigned long long)
	    INT64_MAX)) {
		n->ival = !np->neg ? (long long)m : m == 1ull << 63 ?
		    LLONG_MIN : -(long long)m;
		n->dval = (double)n->ival;
		n->type = !np->suffix_l && n->ival >= INT32_MIN &&
		    n->ival <= INT32_MAX ? PS_NUM_INT32 : PS_NUM_INT64;
		return 0;
	}
	if (np->suffix_l)
		return -1;
	n->type = decimal_text(np, text, sizeof(text)) == 0 ?
	    PS_NUM_DECIMAL : PS_NUM_DOUBLE;
	n->dval = real_value(np);
	return 0;
}

/*
 * Reads the number literal at s (unsigned; neg: a sign came before).
 * Sets *len to the characters used. Returns 0, or -1 if s does not start
 * with a number PowerShell accepts.
 */
static int
scan_number(const char *s, bool neg, size_t *len, struct ps_number *n)
{
	struct num_parts np;
	char text[PS_LITERAL_TEXT_MAX];
	int rc;

	memset(n, 0, sizeof(*n));
	if (scan_parts(s, neg, &np) != 0)
		return -1;
	if (np.hex) {
		rc = hex_value(&np, n);
	} else if (np.suffix_d) {
		n->type = PS_NUM_DECIMAL;
		n->dval = real_value(&np);
		rc = decimal_text(&np, text, sizeof(text));
	} else if (np.real) {
		n->type = PS_NUM_DOUBLE;
		n->dval = real_value(&np);
		rc = np.suffix_l ? -1 : 0;
	} else {
		rc = integer_value(&np, n);
	}
	/* .NET cannot read what overflows a Double */
	if (rc != 0 || !isfinite(n->dval))
		return -1;
	*len = np.len;
	return 0;
}

/* The sign of a literal, as ps_number_parse() and the lexer read it */
static const char *
skip_sign(const char *s, bool *neg)
{
	size_t d;

	*neg = false;
	if (*s == '+')
		return s + 1;
	if ((d = ps_dash_len(s)) != 0) {
		*neg = true;
		return s + d;
	}
	return s;
}

int
ps_literal_text(const char *literal, char *buf, size_t size)
{
	struct ps_number n;
	struct num_parts np;
	bool neg;
	const char *s;

	if (ps_number_parse(literal, &n) != 0)
		return -1;
	while (is_space(*literal) || *literal == '\r' || *literal == '\n')
		literal++;
	s = skip_sign(literal, &neg);
	switch (n.type) {
	case PS_NUM_INT32:
	case PS_NUM_INT64:
		snprintf(buf, size, "%lld", n.ival);
		return 0;
	case PS_NUM_DECIMAL:
		scan_parts(s, neg, &np);
		return decimal_text(&np, buf, size);
	case PS_NUM_DOUBLE:
		/* .NET Framework's Double.ToString(): "G", 15 digits */
		snprintf(buf, size, "%.15G", n.dval == 0 ? 0.0 : n.dval);
		return 0;
	}
	return -1;
}

int
ps_number_parse(const char *s, struct ps_number *n)
{
	size_t len = 0;
	bool neg;

	while (is_space(*s) || *s == '\r' || *s == '\n')
		s++;
	s = skip_sign(s, &neg);
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
	if (ps_squote_len(s + i) || ps_dquote_len(s + i)) {
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

/*
 * How far the quoted string at s[start] reaches: past its closing quote,
 * or to the NUL that ends the script. Its value is never longer.
 */
static size_t
string_extent(const char *s, size_t start, bool dbl)
{
	size_t i = start + (dbl ? ps_dquote_len(s + start) : ps_squote_len(s + start));
	size_t q, q2;

	while (s[i] != '\0') {
		q = dbl ? ps_dquote_len(s + i) : ps_squote_len(s + i);
		if (q == 0) {
			i++;
			continue;
		}
		q2 = dbl ? ps_dquote_len(s + i + q) : ps_squote_len(s + i + q);
		if (q2 == 0)
			return i + q;	/* the closing quote */
		i += q + q2;		/* a doubled quote */
	}
	return i;
}

/*
 * Scans a quoted string at s[start]; the value goes to *text. Linear in
 * the string's length: it is measured first, then copied once.
 */
static int
scan_string(const char *s, size_t start, bool dbl, size_t *end, char **text,
    struct ps_error *e)
{
	size_t i = start + (dbl ? ps_dquote_len(s + start) : ps_squote_len(s + start));
	size_t n = 0, q;
	char *v = malloc(string_extent(s, start, dbl) - start + 1);

	if (v == NULL)
		return ps_error_no_memory(e);
	for (;;) {
		if (s[i] == '\0') {
			free(v);
			/* PowerShell underlines from the quote to the end */
			return ps_error_parse(e,
			    "TerminatorExpectedAtEndOfString", start,
			    i - start, "The string is missing the terminator: "
			    "%c.", dbl ? '"' : '\'');
		}
		q = dbl ? ps_dquote_len(s + i) : ps_squote_len(s + i);
		if (q != 0) {
			size_t q2 = dbl ? ps_dquote_len(s + i + q) :
			    ps_squote_len(s + i + q);

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
		return ps_error_no_memory(e);
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
	d = ps_dash_len(p);
	return d != 0 && (d2 = ps_dash_len(p + d)) != 0 && ends_word(p[d + d2]);
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
			return ps_error_no_memory(e);
		*ip = i + 1;
		return 0;
	}
	case '\n':
	case '\r':
		d = (c == '\r' && s[i + 1] == '\n') ? 2 : 1;
		if (push(out, PS_TOK_NEWLINE, i, d, NULL) != 0)
			return ps_error_no_memory(e);
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
				return ps_error_no_memory(e);
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

	if ((q = ps_squote_len(s + i)) != 0 || ps_dquote_len(s + i) != 0) {
		if (scan_string(s, i, q == 0, &end, &text, e) != 0)
			return -1;
		if (push(out, PS_TOK_STRING, i, end - i, text) != 0)
			return ps_error_no_memory(e);
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
	d = ps_dash_len(s + i);
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
	    ps_dash_len(s + i + d) == 0) {
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
	ps_error_free(e);
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
		return ps_error_no_memory(e);
	}
	return 0;
}
