/*
 * ps_numfmt.c: a number's ToString(format) as .NET Framework gives it with
 * the en-US culture: the standard formats C D E F G N P R X and custom
 * patterns ("0.00", "#,##0", "0.0%", sections with ';').  A Double is
 * first cut to 15 significant digits, as .NET Framework does, so
 * (2.675).ToString("F2") is 2.68 and 0.1+0.2 is 0.3.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

#define BAD_SPECIFIER	"Format specifier was invalid."

/* .NET's NUMBER: value = 0.digits * 10^scale */
struct fnum {
	bool	neg;
	char	digits[72];
	int	nd;
	int	scale;
	const struct ps_num *n;
};

static void
fnum_strip(struct fnum *f)
{
	while (f->nd > 0 && f->digits[f->nd - 1] == '0')
		f->nd--;
	f->digits[f->nd] = '\0';
	if (f->nd == 0)
		f->scale = 0;
}

static void
fnum_from_digits(struct fnum *f, const char *digits, int scale)
{
	while (*digits == '0') {	/* leading zeros are not significant */
		digits++;
		scale--;
	}
	snprintf(f->digits, sizeof(f->digits), "%s", digits);
	f->nd = (int)strlen(f->digits);
	f->scale = scale;
	fnum_strip(f);
}

/* The digits of a Double to precision significant digits. */
static void
fnum_double(struct fnum *f, double x, int precision)
{
	char buf[64], digits[40];
	int exp, i, k = 0;

	f->neg = x < 0;
	if (x == 0) {
		fnum_from_digits(f, "", 0);
		return;
	}
	snprintf(buf, sizeof(buf), "%.*e", precision - 1, fabs(x));
	for (i = 0; buf[i] != 'e'; i++)
		if (buf[i] != '.')
			digits[k++] = buf[i];
	digits[k] = '\0';
	exp = atoi(buf + i + 1);
	fnum_from_digits(f, digits, exp + 1);
}

static void
fnum_init(struct fnum *f, const struct ps_num *n, int dbl_precision)
{
	char buf[48];
	unsigned __int128 c;
	int k;

	memset(f, 0, sizeof(*f));
	f->n = n;
	if (n->tc == PS_TC_SINGLE || n->tc == PS_TC_DOUBLE) {
		fnum_double(f, n->d, dbl_precision);
		return;
	}
	if (n->tc == PS_TC_DECIMAL) {
		f->neg = n->dec.coef < 0;
		c = f->neg ? -(unsigned __int128)n->dec.coef :
		    (unsigned __int128)n->dec.coef;
		k = (int)sizeof(buf) - 1;
		buf[k] = '\0';
		do {
			buf[--k] = (char)('0' + (int)(c % 10));
			c /= 10;
		} while (c != 0);
		fnum_from_digits(f, buf + k, (int)strlen(buf + k) -
		    n->dec.scale);
		return;
	}
	if (n->tc == PS_TC_UINT64)
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)n->i);
	else
		snprintf(buf, sizeof(buf), "%llu", n->i < 0 ?
		    0ULL - (unsigned long long)n->i : (unsigned long long)n->i);
	f->neg = n->tc != PS_TC_UINT64 && n->i < 0;
	fnum_from_digits(f, buf, (int)strlen(buf));
}

/* .NET's RoundNumber: keeps pos digits, half away from zero. */
static void
fnum_round(struct fnum *f, int pos)
{
	int i;

	if (pos < 0) {
		f->nd = 0;
	} else if (pos < f->nd) {
		bool up = f->digits[pos] >= '5';

		f->nd = pos;
		for (i = pos - 1; up && i >= 0; i--) {
			if (f->digits[i] == '9') {
				f->digits[i] = '0';
			} else {
				f->digits[i]++;
				up = false;
			}
		}
		if (up) {		/* 999 -> 1000 */
			memmove(f->digits + 1, f->digits, (size_t)f->nd);
			f->digits[0] = '1';
			f->nd++;
			f->scale++;
		}
	}
	fnum_strip(f);
	if (f->nd == 0)
		f->neg = false;	/* .NET Framework: (-0.001).ToString("F2") is 0.00 */
}

/* The integer part (grouped with ',' or not) and decimals of f. */
static void
put_fixed(FILE *m, const struct fnum *f, int decimals, bool group)
{
	int i, intdigits = f->scale > 0 ? f->scale : 0;

	if (intdigits == 0)
		fputc('0', m);
	for (i = 0; i < intdigits; i++) {
		fputc(i < f->nd ? f->digits[i] : '0', m);
		if (group && (intdigits - i - 1) % 3 == 0 && i < intdigits - 1)
			fputc(',', m);
	}
	if (decimals > 0)
		fputc('.', m);
	for (i = 0; i < decimals; i++) {
		int k = f->scale + i;

		fputc(k >= 0 && k < f->nd ? f->digits[k] : '0', m);
	}
}

static void
put_exponent(FILE *m, char e, int exp, int min_digits, bool plus)
{
	fputc(e, m);
	if (exp < 0)
		fputc('-', m);
	else if (plus)
		fputc('+', m);
	fprintf(m, "%0*d", min_digits, exp < 0 ? -exp : exp);
}

/* G (and R): fixed when the exponent is in [-5, precision), else d.dddE+xx */
static void
put_general(FILE *m, struct fnum *f, int precision, char e)
{
	int exp, i;

	fnum_round(f, precision);
	exp = f->nd == 0 ? 0 : f->scale - 1;
	if (f->neg)
		fputc('-', m);
	if (exp > -5 && exp < precision) {
		put_fixed(m, f, f->nd > f->scale ? f->nd - f->scale : 0, false);
		return;
	}
	fputc(f->digits[0], m);
	if (f->nd > 1)
		fputc('.', m);
	for (i = 1; i < f->nd; i++)
		fputc(f->digits[i], m);
	put_exponent(m, e, exp, 2, true);
}

/* X: the two's complement of the value in its type's width */
static int
put_hex(FILE *m, const struct ps_num *n, int digits, bool upper)
{
	unsigned long long v = (unsigned long long)n->i;

	switch (n->tc) {
	case PS_TC_SBYTE: case PS_TC_BYTE: v &= 0xff; break;
	case PS_TC_INT16: case PS_TC_UINT16: v &= 0xffff; break;
	case PS_TC_INT32: case PS_TC_UINT32: v &= 0xffffffffULL; break;
	case PS_TC_INT64: case PS_TC_UINT64: break;
	default: return -1;
	}
	fprintf(m, upper ? "%0*llX" : "%0*llx", digits, v);
	return 0;
}

/* The shortest of 15 and 17 digits that reads back as the same Double. */
static int
roundtrip_precision(double x)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.15g", x);
	return strtod(buf, NULL) == x ? 15 : 17;
}

static int
put_standard(FILE *m, const struct ps_num *n, char spec, int prec)
{
	bool real = !ps_tc_is_integer(n->tc), dbl = n->tc == PS_TC_DOUBLE ||
	    n->tc == PS_TC_SINGLE;
	char up = (char)(spec & ~0x20);
	struct fnum f;
	int i;

	if ((up == 'D' || up == 'X') && real)
		return -1;
	if (up == 'X')
		return put_hex(m, n, prec < 0 ? 0 : prec, spec == 'X');
	if (up == 'R' && !dbl)
		return -1;
	fnum_init(&f, n, up == 'R' ? roundtrip_precision(n->d) :
	    (up == 'G' && prec > 15) ? prec : 15);
	switch (up) {
	case 'D':
		if (f.neg)
			fputc('-', m);
		for (i = f.nd; i < prec; i++)
			fputc('0', m);
		fputs(f.nd > 0 ? f.digits : (prec > 0 ? "" : "0"), m);
		return 0;
	case 'E':
		prec = prec < 0 ? 6 : prec;
		fnum_round(&f, prec + 1);
		if (f.neg)
			fputc('-', m);
		fputc(f.nd > 0 ? f.digits[0] : '0', m);
		if (prec > 0)
			fputc('.', m);
		for (i = 1; i <= prec; i++)
			fputc(i < f.nd ? f.digits[i] : '0', m);
		put_exponent(m, spec, f.nd == 0 ? 0 : f.scale - 1, 3, true);
		return 0;
	case 'G':
	case 'R':
		if (prec <= 0)
			prec = up == 'R' ? roundtrip_precision(n->d) : dbl ? 15 :
			    n->tc == PS_TC_DECIMAL ? 29 : f.nd > 0 ? f.nd : 1;
		put_general(m, &f, prec, spec == 'g' ? 'e' : 'E');
		return 0;
	case 'C': case 'F': case 'N': case 'P':
		prec = prec < 0 ? 2 : prec;
		if (up == 'P' && f.nd > 0)
			f.scale += 2;
		fnum_round(&f, f.scale + prec);
		fputs(f.neg ? (up == 'C' ? "(" : "-") : "", m);
		fputs(up == 'C' ? "$" : "", m);
		put_fixed(m, &f, prec, up != 'F');
		fputs(up == 'P' ? " %" : f.neg && up == 'C' ? ")" : "", m);
		return 0;
	default:
		return -1;
	}
}

/* ---- custom patterns ("0.00", "#,##0", "0.0%;(0.0%);zero") ------------ */

struct section {
	const char *p;
	size_t	len;
};

/* Splits fmt at unquoted ';' into at most three sections. */
static int
split_sections(const char *fmt, struct section *s)
{
	const char *p = fmt, *start = fmt;
	int n = 0;

	for (;; p++) {
		if (*p == '\'' || *p == '"') {
			char q = *p;

			while (p[1] != '\0' && *++p != q)
				;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
		} else if (*p == ';' || *p == '\0') {
			if (n < 3) {
				s[n].p = start;
				s[n].len = (size_t)(p - start);
				n++;
			}
			if (*p == '\0')
				return n;
			start = p + 1;
		}
	}
}

struct pattern {
	int	digit_count, decimal_pos, first_digit, last_digit;
	int	scale_adjust, exp_digits;
	bool	thousands, scientific, exp_plus;
};

static void
scan_pattern(const struct section *s, struct pattern *pt)
{
	const char *p = s->p, *end = s->p + s->len;
	int thousand_pos = -1, thousand_count = 0;

	memset(pt, 0, sizeof(*pt));
	pt->decimal_pos = -1;
	pt->first_digit = 0x7fffffff;
	for (; p < end; p++) {
		switch (*p) {
		case '#':
			pt->digit_count++;
			break;
		case '0':
			if (pt->first_digit == 0x7fffffff)
				pt->first_digit = pt->digit_count;
			pt->digit_count++;
			pt->last_digit = pt->digit_count;
			break;
		case '.':
			if (pt->decimal_pos < 0)
				pt->decimal_pos = pt->digit_count;
			break;
		case ',':
			if (pt->digit_count > 0 && pt->decimal_pos < 0) {
				if (thousand_pos >= 0) {
					if (thousand_pos == pt->digit_count) {
						thousand_count++;
						break;
					}
					pt->thousands = true;
				}
				thousand_pos = pt->digit_count;
				thousand_count = 1;
			}
			break;
		case '%':
			pt->scale_adjust += 2;
			break;
		case '\'': case '"': {
			char q = *p;

			while (p + 1 < end && *++p != q)
				;
			break;
		}
		case '\\':
			if (p + 1 < end)
				p++;
			break;
		case 'E': case 'e':
			if (p + 1 < end && (p[1] == '0' || ((p[1] == '+' ||
			    p[1] == '-') && p + 2 < end && p[2] == '0'))) {
				pt->scientific = true;
				pt->exp_plus = p[1] == '+';
				if (p[1] != '0')
					p++;
				while (p + 1 < end && p[1] == '0') {
					p++;
					pt->exp_digits++;
				}
			}
			break;
		default:
			if ((unsigned char)p[0] == 0xe2 && p + 2 < end &&
			    (unsigned char)p[1] == 0x80 &&
			    (unsigned char)p[2] == 0xb0)	/* per mille */
				pt->scale_adjust += 3;
			break;
		}
	}
	if (pt->decimal_pos < 0)
		pt->decimal_pos = pt->digit_count;
	if (thousand_pos >= 0) {
		if (thousand_pos == pt->decimal_pos)
			pt->scale_adjust -= 3 * thousand_count;
		else
			pt->thousands = true;
	}
}

struct emit {
	FILE	*m;
	const struct fnum *f;
	const struct pattern *pt;
	int	dig, dig_pos, adjust, first, last;
	bool	decimal_written;
};

static void
emit_digit(struct emit *e, char c)
{
	fputc(c, e->m);
	if (e->pt->thousands && e->dig_pos > 1 && (e->dig_pos - 1) % 3 == 0)
		fputc(',', e->m);
}

/* The digits the pattern has no room for go before its first placeholder. */
static void
emit_overflow(struct emit *e)
{
	while (e->adjust > 0) {
		emit_digit(e, e->dig < e->f->nd ? e->f->digits[e->dig++] : '0');
		e->dig_pos--;
		e->adjust--;
	}
}

static void
emit_placeholder(struct emit *e)
{
	char c;

	if (e->adjust < 0) {
		e->adjust++;
		c = e->dig_pos <= e->first ? '0' : '\0';
	} else {
		c = e->dig < e->f->nd ? e->f->digits[e->dig++] :
		    e->dig_pos > e->last ? '0' : '\0';
	}
	if (c != '\0')
		emit_digit(e, c);
	e->dig_pos--;
}

static void
emit_section(struct emit *e, const struct section *s)
{
	const char *p = s->p, *end = s->p + s->len;
	const struct pattern *pt = e->pt;

	for (; p < end; p++) {
		if (e->adjust > 0 && (*p == '#' || *p == '0' || *p == '.'))
			emit_overflow(e);
		switch (*p) {
		case '#': case '0':
			emit_placeholder(e);
			break;
		case '.':
			if (e->dig_pos != 0 || e->decimal_written)
				break;
			if (e->last < 0 || (pt->decimal_pos < pt->digit_count &&
			    e->dig < e->f->nd)) {
				fputc('.', e->m);
				e->decimal_written = true;
			}
			break;
		case ',':
			break;
		case '\'': case '"': {
			char q = *p;

			while (p + 1 < end && *++p != q)
				fputc(*p, e->m);
			break;
		}
		case '\\':
			if (p + 1 < end)
				fputc(*++p, e->m);
			break;
		case 'E': case 'e':
			if (!pt->scientific) {
				fputc(*p, e->m);
				break;
			}
			put_exponent(e->m, *p, e->f->nd == 0 ? 0 :
			    e->f->scale - pt->decimal_pos, pt->exp_digits,
			    pt->exp_plus);
			if (p[1] == '+' || p[1] == '-')
				p++;
			while (p + 1 < end && p[1] == '0')
				p++;
			break;
		default:
			fputc(*p, e->m);
			break;
		}
	}
}

static int
put_custom(FILE *m, const struct ps_num *n, const char *fmt)
{
	struct section sec[3];
	struct pattern pt;
	struct fnum f;
	struct emit e;
	int nsec = split_sections(fmt, sec), pick = 0;
	bool sign;

	fnum_init(&f, n, 15);
	if (f.neg && nsec >= 2 && sec[1].len > 0)
		pick = 1;
	else if (f.nd == 0 && nsec >= 3 && sec[2].len > 0)
		pick = 2;
	scan_pattern(&sec[pick], &pt);
	if (f.nd > 0) {
		f.scale += pt.scale_adjust;
		fnum_round(&f, pt.scientific ? pt.digit_count :
		    f.scale + pt.digit_count - pt.decimal_pos);
		if (f.nd == 0 && nsec >= 3 && sec[2].len > 0 && pick != 2) {
			pick = 2;	/* rounded to zero: the zero section */
			scan_pattern(&sec[pick], &pt);
		}
	}
	sign = f.neg && pick == 0;
	memset(&e, 0, sizeof(e));
	e.m = m;
	e.f = &f;
	e.pt = &pt;
	e.first = pt.first_digit < pt.decimal_pos ?
	    pt.decimal_pos - pt.first_digit : 0;
	e.last = pt.last_digit > pt.decimal_pos ?
	    pt.decimal_pos - pt.last_digit : 0;
	if (pt.scientific) {
		e.dig_pos = pt.decimal_pos;
	} else {
		e.dig_pos = f.scale > pt.decimal_pos ? f.scale : pt.decimal_pos;
		e.adjust = f.scale - pt.decimal_pos;
	}
	if (sign)
		fputc('-', m);
	emit_section(&e, &sec[pick]);
	return 0;
}

/* A standard format: one letter and at most two digits. */
static bool
is_standard(const char *fmt, char *spec, int *prec)
{
	char c = fmt[0];

	if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
		return false;
	if (fmt[1] == '\0') {
		*spec = c;
		*prec = -1;
		return true;
	}
	if (fmt[1] >= '0' && fmt[1] <= '9' && (fmt[2] == '\0' ||
	    (fmt[2] >= '0' && fmt[2] <= '9' && fmt[3] == '\0'))) {
		*spec = c;
		*prec = atoi(fmt + 1);
		return true;
	}
	return false;
}

/* ToString() without a format: G, and a Decimal's own digits. */
static char *
plain_text(const struct ps_num *n)
{
	struct psobj_value v;
	char *s;

	if (n->tc == PS_TC_DECIMAL)
		return ps_dec_text(&n->dec);
	if (ps_num_value(n, &v) != 0)
		return NULL;
	s = psobj_value_to_string(&v);
	psobj_value_free(&v);
	return s;
}

char *
ps_number_text(const struct ps_num *n, const char *fmt, bool *bad,
    const char **bad_msg)
{
	char *buf = NULL, spec;
	size_t len = 0;
	FILE *m;
	int prec, rc;
	bool dbl = n->tc == PS_TC_DOUBLE || n->tc == PS_TC_SINGLE;

	*bad = false;
	*bad_msg = BAD_SPECIFIER;
	if (fmt == NULL || *fmt == '\0' || (strcmp(fmt, "G") == 0 &&
	    n->tc == PS_TC_DECIMAL))
		return plain_text(n);
	if (dbl && (isnan(n->d) || isinf(n->d)))
		return strdup(isnan(n->d) ? "NaN" : n->d > 0 ? "Infinity" :
		    "-Infinity");
	if ((m = open_memstream(&buf, &len)) == NULL)
		return NULL;
	if (is_standard(fmt, &spec, &prec))
		rc = put_standard(m, n, spec, prec);
	else
		rc = put_custom(m, n, fmt);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		*bad = rc != 0;
		errno = rc != 0 ? EINVAL : ENOMEM;
		return NULL;
	}
	return buf;
}
