/*
 * ps_number.c: numbers as .NET keeps them: which TypeCode a value has,
 * System.Decimal (a 96-bit coefficient and a scale, exact, keeping its
 * trailing zeros as .NET does: 1.50d stays "1.50"), and PowerShell's
 * number literals scanned out of strings (Parser.ScanNumber).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

#define DEC_LIMIT	((__int128)1 << 96)
#define DEC_MAX_SCALE	28

static const struct {
	const char *type;
	enum ps_tc tc;
} type_codes[] = {
	{ "System.Boolean", PS_TC_BOOL },
	{ "System.Char", PS_TC_CHAR },
	{ "System.SByte", PS_TC_SBYTE },
	{ "System.Byte", PS_TC_BYTE },
	{ "System.Int16", PS_TC_INT16 },
	{ "System.UInt16", PS_TC_UINT16 },
	{ "System.Int32", PS_TC_INT32 },
	{ "System.UInt32", PS_TC_UINT32 },
	{ "System.Int64", PS_TC_INT64 },
	{ "System.UInt64", PS_TC_UINT64 },
	{ "System.Single", PS_TC_SINGLE },
	{ "System.Double", PS_TC_DOUBLE },
	{ "System.Decimal", PS_TC_DECIMAL },
};

const char *
ps_tc_type(enum ps_tc tc)
{
	size_t i;

	for (i = 0; i < sizeof(type_codes) / sizeof(type_codes[0]); i++)
		if (type_codes[i].tc == tc)
			return type_codes[i].type;
	return "System.Object";
}

static enum ps_tc
tc_of_type(const char *type, enum ps_tc dflt)
{
	size_t i;

	for (i = 0; type != NULL && i < sizeof(type_codes) / sizeof(type_codes[0]); i++)
		if (strcmp(type_codes[i].type, type) == 0)
			return type_codes[i].tc;
	return dflt;
}

enum ps_tc
ps_typecode(const struct psobj_value *v)
{
	switch (v->kind) {
	case PSOBJ_BOOL:
		return PS_TC_BOOL;
	case PSOBJ_INT:		/* an enum: its underlying Int32 */
		return tc_of_type(v->type, PS_TC_INT32);
	case PSOBJ_DOUBLE:
		return tc_of_type(v->type, PS_TC_DOUBLE);
	default:
		return PS_TC_NONE;
	}
}

bool
ps_is_number(const struct psobj_value *v)
{
	return v->kind == PSOBJ_INT || v->kind == PSOBJ_DOUBLE;
}

bool
ps_tc_is_integer(enum ps_tc tc)
{
	return tc >= PS_TC_SBYTE && tc <= PS_TC_UINT64;
}

bool
ps_tc_signed(enum ps_tc tc)
{
	return tc == PS_TC_SBYTE || tc == PS_TC_INT16 || tc == PS_TC_INT32 ||
	    tc == PS_TC_INT64;
}

int
ps_num_of(const struct psobj_value *v, struct ps_num *n)
{
	const char *p;

	memset(n, 0, sizeof(*n));
	if (ps_is_char(v)) {		/* a primitive: its code, as IntOps sees it */
		p = v->s;
		n->tc = PS_TC_CHAR;
		n->i = ps_utf8_next(&p);
		return 0;
	}
	n->tc = ps_typecode(v);
	switch (n->tc) {
	case PS_TC_NONE:
		return -1;
	case PS_TC_SINGLE:
	case PS_TC_DOUBLE:
		n->d = v->d;
		return 0;
	case PS_TC_DECIMAL:
		if (v->s != NULL && ps_dec_parse(v->s, &n->dec) == 0)
			return 0;
		return ps_dec_from_double(v->d, &n->dec) == 0 ? 0 : -1;
	case PS_TC_BOOL:
		n->i = v->b;
		return 0;
	default:
		n->i = v->i;
		return 0;
	}
}

int
ps_num_value(const struct ps_num *n, struct psobj_value *out)
{
	switch (n->tc) {
	case PS_TC_BOOL:
		*out = psobj_bool(n->i != 0);
		return 0;
	case PS_TC_SINGLE:
	case PS_TC_DOUBLE:
		*out = psobj_double(n->d, ps_tc_type(n->tc));
		return 0;
	case PS_TC_DECIMAL:
		return ps_decimal_value(&n->dec, out);
	default:
		*out = psobj_int(n->i, ps_tc_type(n->tc));
		return 0;
	}
}

double
ps_num_double(const struct ps_num *n)
{
	switch (n->tc) {
	case PS_TC_SINGLE:
	case PS_TC_DOUBLE:
		return n->d;
	case PS_TC_DECIMAL:
		return ps_dec_double(&n->dec);
	case PS_TC_UINT64:
		return (double)(unsigned long long)n->i;
	default:
		return (double)n->i;
	}
}

int
ps_num_decimal(const struct ps_num *n, struct ps_dec *d)
{
	switch (n->tc) {
	case PS_TC_SINGLE:
	case PS_TC_DOUBLE:
		return ps_dec_from_double(n->d, d);
	case PS_TC_DECIMAL:
		*d = n->dec;
		return 0;
	case PS_TC_UINT64:
		d->coef = (__int128)(unsigned long long)n->i;
		d->scale = 0;
		return 0;
	default:
		d->coef = n->i;
		d->scale = 0;
		return 0;
	}
}

/* ---- System.Decimal --------------------------------------------------- */

static __int128
pow10_128(int n)
{
	__int128 p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* q = c / 10^n rounded (half to even, or half away from zero). */
static __int128
div_round(__int128 c, int n, bool even)
{
	__int128 p, q, r, twice;

	if (n > 38)		/* 10^39 is past any coefficient: nothing left */
		return 0;
	p = pow10_128(n);
	q = c / p;
	r = c % p;
	twice = (r < 0 ? -r : r) * 2;

	if (twice > p || (twice == p && (!even || (q & 1) != 0)))
		q += c < 0 ? -1 : 1;
	return q;
}

void
ps_dec_round(struct ps_dec *d, int scale, bool even)
{
	if (scale < 0 || d->scale <= scale)
		return;
	d->coef = div_round(d->coef, d->scale - scale, even);
	d->scale = scale;
}

/* Brings |coef| under 2^96 by giving up decimals; -1 when it cannot. */
static int
dec_fit(struct ps_dec *d)
{
	if (d->scale > DEC_MAX_SCALE)
		ps_dec_round(d, DEC_MAX_SCALE, true);
	while ((d->coef >= DEC_LIMIT || d->coef <= -DEC_LIMIT) && d->scale > 0)
		ps_dec_round(d, d->scale - 1, true);
	return d->coef >= DEC_LIMIT || d->coef <= -DEC_LIMIT ? -1 : 0;
}

int
ps_dec_parse(const char *s, struct ps_dec *d)
{
	bool neg = false, point = false, digits = false, round_up = false;
	int dropped = 0;

	d->coef = 0;
	d->scale = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s != '\0'; s++) {
		if (*s == '.' && !point) {
			point = true;
		} else if (*s == ',' && !point && digits) {
			continue;		/* AllowThousands */
		} else if (isdigit((unsigned char)*s)) {
			digits = true;
			if (d->coef * 10 + (*s - '0') < DEC_LIMIT && (!point ||
			    d->scale < DEC_MAX_SCALE)) {
				d->coef = d->coef * 10 + (*s - '0');
				d->scale += point;
			} else if (!point) {
				return -1;	/* too large */
			} else if (dropped++ == 0) {
				round_up = *s >= '5';
			}
		} else {
			break;
		}
	}
	while (isspace((unsigned char)*s))
		s++;
	if (!digits || *s != '\0')
		return -1;
	if (round_up)
		d->coef++;
	if (neg)
		d->coef = -d->coef;
	return dec_fit(d);
}

char *
ps_dec_text(const struct ps_dec *d)
{
	char digits[64], *out;
	unsigned __int128 c = d->coef < 0 ? -(unsigned __int128)d->coef :
	    (unsigned __int128)d->coef;
	int n = 0, i;
	size_t len = 0;

	do {			/* least significant first */
		digits[n++] = (char)('0' + (int)(c % 10));
		c /= 10;
	} while (c != 0);
	out = malloc((size_t)(n > d->scale ? n : d->scale + 1) + 3);
	if (out == NULL)
		return NULL;
	if (d->coef < 0)
		out[len++] = '-';
	if (d->scale >= n) {			/* 0.00ddd */
		out[len++] = '0';
		out[len++] = '.';
		for (i = d->scale; i > n; i--)
			out[len++] = '0';
	}
	for (i = n - 1; i >= 0; i--) {
		out[len++] = digits[i];
		if (i == d->scale && i > 0 && d->scale < n)
			out[len++] = '.';
	}
	out[len] = '\0';
	return out;
}

double
ps_dec_double(const struct ps_dec *d)
{
	char *s = ps_dec_text(d);
	double x;

	if (s == NULL)		/* ENOMEM: the nearest we can do without text */
		return (double)d->coef / pow(10, d->scale);
	x = strtod(s, NULL);
	free(s);
	return x;
}

int
ps_dec_from_double(double x, struct ps_dec *d)
{
	char buf[40];
	int exp, i;

	d->coef = 0;
	d->scale = 0;
	if (isnan(x) || isinf(x) || fabs(x) >= 7.9228162514264338e28)
		return -1;
	if (fabs(x) < 5e-29)	/* rounds to 0 at 28 decimals */
		return 0;
	/* .NET keeps 15 significant digits of a Double */
	snprintf(buf, sizeof(buf), "%.14e", fabs(x));
	exp = atoi(strchr(buf, 'e') + 1);
	for (i = 0; buf[i] != 'e'; i++)
		if (isdigit((unsigned char)buf[i]))
			d->coef = d->coef * 10 + (buf[i] - '0');
	d->scale = 14 - exp;
	if (d->scale < 0) {
		d->coef *= pow10_128(-d->scale);
		d->scale = 0;
	}
	if (d->scale > DEC_MAX_SCALE)
		ps_dec_round(d, DEC_MAX_SCALE, true);
	while (d->scale > 0 && d->coef % 10 == 0) {
		d->coef /= 10;
		d->scale--;
	}
	if (x < 0)
		d->coef = -d->coef;
	return dec_fit(d);
}

/* a's coefficient at scale s (>= a's), or false when it overflows */
static bool
dec_at_scale(const struct ps_dec *a, int s, __int128 *c)
{
	*c = a->coef;
	if (s - a->scale > 38)
		return false;
	return !__builtin_mul_overflow(a->coef, pow10_128(s - a->scale), c);
}

int
ps_dec_cmp(const struct ps_dec *a, const struct ps_dec *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	__int128 ca, cb;
	bool oka = dec_at_scale(a, s, &ca), okb = dec_at_scale(b, s, &cb);

	/* one that overflows at the common scale is the larger in magnitude */
	if (!oka)
		return a->coef < 0 ? -1 : 1;
	if (!okb)
		return b->coef < 0 ? 1 : -1;
	return ca < cb ? -1 : ca > cb;
}

/* Aligned coefficients of a and b at the larger scale, rounding if need be. */
static int
dec_align(const struct ps_dec *a, const struct ps_dec *b, __int128 *ca,
    __int128 *cb)
{
	struct ps_dec x = *a, y = *b;
	int s = x.scale > y.scale ? x.scale : y.scale;

	while (!dec_at_scale(&x, s, ca) || !dec_at_scale(&y, s, cb)) {
		s--;
		ps_dec_round(x.scale > s ? &x : &y, s, true);
		if (s < 0)
			return -1;
	}
	return s;
}

static int
dec_div(const struct ps_dec *a, const struct ps_dec *b, struct ps_dec *r)
{
	__int128 num = a->coef, den = b->coef < 0 ? -b->coef : b->coef, q, rem;
	int s = a->scale - b->scale;
	bool neg = (a->coef < 0) != (b->coef < 0);

	if (num < 0)
		num = -num;
	for (; s < 0; s++)
		if (__builtin_mul_overflow(num, 10, &num))
			return -1;
	q = num / den;
	rem = num % den;
	while (rem != 0 && s < DEC_MAX_SCALE && q < DEC_LIMIT / 10) {
		rem *= 10;
		q = q * 10 + rem / den;
		rem %= den;
		s++;
	}
	if (rem * 2 > den || (rem * 2 == den && (q & 1) != 0))
		q++;
	r->coef = neg ? -q : q;
	r->scale = s;
	return dec_fit(r);
}

int
ps_dec_arith(int op, const struct ps_dec *a, const struct ps_dec *b,
    struct ps_dec *r)
{
	__int128 ca, cb;
	struct ps_dec x = *a, y = *b;

	if ((op == PS_OP_DIV || op == PS_OP_MOD) && b->coef == 0)
		return -2;
	if (op == PS_OP_DIV)
		return dec_div(a, b, r);
	if (op == PS_OP_MUL) {
		while (__builtin_mul_overflow(x.coef, y.coef, &r->coef)) {
			if (x.scale == 0 && y.scale == 0)
				return -1;
			ps_dec_round(x.scale >= y.scale ? &x : &y,
			    (x.scale >= y.scale ? x.scale : y.scale) - 1, true);
		}
		r->scale = x.scale + y.scale;
		return dec_fit(r);
	}
	if ((r->scale = dec_align(a, b, &ca, &cb)) < 0)
		return -1;
	/*
	 * b so small beside a that it rounded away: .NET's Remainder divides
	 * first, and that quotient overflows Decimal
	 */
	if (op == PS_OP_MOD && cb == 0)
		return -1;
	if (op == PS_OP_ADD)
		r->coef = ca + cb;
	else if (op == PS_OP_SUB)
		r->coef = ca - cb;
	else
		r->coef = ca % cb;
	return dec_fit(r);
}

int
ps_decimal_value(const struct ps_dec *d, struct psobj_value *out)
{
	char *s = ps_dec_text(d);

	*out = psobj_null();
	if (s == NULL)
		return -1;
	*out = psobj_double(strtod(s, NULL), "System.Decimal");
	out->s = s;
	return 0;
}

bool
ps_round_even(double x, long long *r)
{
	double y;

	if (isnan(x))
		return false;
	y = rint(x);		/* the default rounding mode: half to even */
	if (y < -9223372036854775808.0 || y >= 9223372036854775808.0)
		return false;
	*r = (long long)y;
	return true;
}

/* ---- Parser.ScanNumber ------------------------------------------------ */

/* kb mb gb tb pb: the factor, and the length eaten (0: none) */
static size_t
multiplier(const char *p, long long *factor)
{
	static const char units[] = "kmgtp";
	const char *u;

	*factor = 1;
	if (p[0] == '\0' || (p[1] != 'b' && p[1] != 'B') ||
	    (u = strchr(units, tolower((unsigned char)p[0]))) == NULL)
		return 0;
	*factor = 1LL << (10 * (u - units + 1));
	return 2;
}

struct scanned {
	bool	neg, hex, real, suffix_l, suffix_d;
	const char *digits;	/* the literal without sign, suffix, unit */
	size_t	ndigits;
	long long factor;
};

/* Splits s into its parts; -1 when it is no literal. */
static int
scan_parts(const char *s, struct scanned *sc)
{
	const char *p = s, *start;

	memset(sc, 0, sizeof(*sc));
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		sc->neg = *p++ == '-';
	start = p;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		sc->hex = true;
		start = p += 2;
		while (isxdigit((unsigned char)*p))
			p++;
	} else {
		while (isdigit((unsigned char)*p))
			p++;
		if (*p == '.' && isdigit((unsigned char)p[1])) {
			sc->real = true;
			for (p++; isdigit((unsigned char)*p); p++)
				;
		} else if (*p == '.' && p > start) {
			sc->real = true;
			p++;
		}
		if ((*p == 'e' || *p == 'E') && p > start &&
		    (isdigit((unsigned char)p[1]) || ((p[1] == '+' ||
		    p[1] == '-') && isdigit((unsigned char)p[2])))) {
			sc->real = true;
			for (p += 2; isdigit((unsigned char)*p); p++)
				;
		}
	}
	if (p == start)
		return -1;
	sc->digits = start;
	sc->ndigits = (size_t)(p - start);
	if (*p == 'l' || *p == 'L')
		sc->suffix_l = *p++ != '\0';
	else if ((*p == 'd' || *p == 'D') && !sc->hex)
		sc->suffix_d = *p++ != '\0';
	p += multiplier(p, &sc->factor);
	while (isspace((unsigned char)*p))
		p++;
	return *p == '\0' ? 0 : -1;
}

/* An integer literal (decimal or hex) as Int32, Int64, Decimal or Double. */
static int
scan_integer(const struct scanned *sc, const char *text, struct ps_num *n)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(text, &end, sc->hex ? 16 : 10);
	if (errno == ERANGE) {
		if (sc->hex || sc->suffix_l)
			return -1;
		n->tc = PS_TC_DECIMAL;		/* beyond Int64: Decimal */
		return ps_dec_parse(text, &n->dec) == 0 ? 0 : -1;
	}
	if (sc->hex) {		/* hex is a bit pattern: 0xFFFFFFFF is -1 */
		n->tc = v <= 0xffffffffULL && !sc->suffix_l ? PS_TC_INT32 :
		    PS_TC_INT64;
		n->i = n->tc == PS_TC_INT32 ? (long long)(int)(unsigned)v :
		    (long long)v;
	} else if (v <= 0x7fffffffULL && !sc->suffix_l) {
		n->tc = PS_TC_INT32;
		n->i = (long long)v;
	} else if (v <= 0x7fffffffffffffffULL) {
		n->tc = PS_TC_INT64;
		n->i = (long long)v;
	} else {
		if (sc->suffix_l)
			return -1;
		n->tc = PS_TC_DECIMAL;
		n->dec.coef = (__int128)v;
		n->dec.scale = 0;
	}
	return 0;
}

/* Applies the sign and the kb..pb factor to n. */
static void
scan_scale(const struct scanned *sc, struct ps_num *n)
{
	struct ps_dec f = { sc->factor, 0 };

	if (n->tc == PS_TC_DOUBLE) {
		n->d *= (double)sc->factor;
		if (sc->neg)
			n->d = -n->d;
		return;
	}
	if (n->tc == PS_TC_DECIMAL) {
		if (sc->factor != 1)
			ps_dec_arith(PS_OP_MUL, &n->dec, &f, &n->dec);
		if (sc->neg)
			n->dec.coef = -n->dec.coef;
		return;
	}
	if (__builtin_mul_overflow(n->i, sc->factor, &n->i)) {
		n->tc = PS_TC_DOUBLE;
		n->d = (double)n->i * (double)sc->factor;
	} else if (n->tc == PS_TC_INT32 && (n->i > 0x7fffffffLL ||
	    n->i < -0x80000000LL)) {
		n->tc = PS_TC_INT64;
	}
	if (sc->neg) {
		n->i = -n->i;
		n->d = -n->d;
	}
}

int
ps_scan_number(const char *s, struct psobj_value *out)
{
	struct scanned sc;
	struct ps_num n;
	char *text;
	int rc;

	*out = psobj_null();
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*out = psobj_int(0, NULL);
		return 1;
	}
	if (scan_parts(s, &sc) != 0)
		return 0;
	if ((text = strndup(sc.digits, sc.ndigits)) == NULL)
		return -1;
	memset(&n, 0, sizeof(n));
	if (sc.suffix_d) {
		n.tc = PS_TC_DECIMAL;
		rc = ps_dec_parse(text, &n.dec);
		if (rc != 0 && sc.real)		/* 1e3d */
			rc = ps_dec_from_double(strtod(text, NULL), &n.dec);
	} else if (sc.real) {
		n.tc = PS_TC_DOUBLE;
		n.d = strtod(text, NULL);
		rc = sc.suffix_l ? -1 : 0;
	} else {
		rc = scan_integer(&sc, text, &n);
	}
	free(text);
	if (rc != 0)
		return 0;
	scan_scale(&sc, &n);
	return ps_num_value(&n, out) == 0 ? 1 : -1;
}

int
ps_string_number(const char *s, enum ps_tc tc, struct ps_num *n,
    struct ps_op_error *e)
{
	struct psobj_value v, str = psobj_null();
	int rc = ps_scan_number(s, &v);

	if (rc < 0)
		return ps_fail_nomem(e);
	if (rc == 0) {
		if (!ps_tc_is_integer(tc) && tc != PS_TC_DOUBLE &&
		    tc != PS_TC_SINGLE && tc != PS_TC_DECIMAL)
			tc = PS_TC_INT32;
		str.kind = PSOBJ_STRING;	/* borrows s: not freed */
		str.type = "System.String";
		str.s = (char *)s;
		if (ps_convert_tc(&str, tc, &v, e) != 0)
			return -1;
	}
	rc = ps_num_of(&v, n);
	psobj_value_free(&v);
	return rc == 0 ? 0 : ps_fail_nomem(e);
}
