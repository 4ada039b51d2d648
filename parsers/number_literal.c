/*
 * number_literal.c: PowerShell's number literals (number_literal.h): the
 * syntax the tokenizer (tokenizer.c) and [int]"0x10" read, the .NET type
 * each literal has, and the text .NET's ToString() gives its value.
 *
 *   5022  -5  0x1F  1.5  1e3  .5  10l  2.5d  1kb..1pb (any case)
 *
 * Integers are Int32 if they fit, else Int64, else Decimal, else Double;
 * with the l suffix Int64 or nothing; hex is two's complement (0xFFFFFFFF
 * is -1).  A d suffix is a Decimal, kept with its scale; anything with a
 * fraction or an exponent is a Double.  En and em dashes count as '-'.
 */
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/number_literal.h"
#include "parsers/ps_chars.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
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

/* The sign of a literal, as ps_number_parse() reads it */
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
