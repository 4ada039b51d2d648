/* ps_compare.c: Sort-Object's and Measure-Object's comparison (ps_compare.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_compare.h"
#include "parsers/lexer.h"

/* Characters the culture's word sort sets aside until all else is equal */
static bool
ignorable(unsigned char c)
{
	return c == '-' || c == '\'';
}

/* Punctuation and symbols, then digits, then letters (and past ASCII). */
static int
rank(unsigned char c)
{
	if (isdigit(c))
		return 1;
	if (isalpha(c))
		return 2;
	return c >= 0x80 ? 3 : 0;
}

/* The next character that counts, or '\0'; *p moves past it. */
static unsigned char
next_char(const char **p)
{
	while (**p != '\0' && ignorable((unsigned char)**p))
		(*p)++;
	return **p != '\0' ? (unsigned char)*(*p)++ : '\0';
}

static size_t
count_ignorable(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ignorable((unsigned char)*s);
	return n;
}

int
ps_compare_text(const char *a, const char *b, bool ignore_case)
{
	const char *x = a, *y = b;
	unsigned char cx, cy;
	int case_diff = 0;
	size_t ix, iy;

	for (;;) {
		cx = next_char(&x);
		cy = next_char(&y);
		if (cx == '\0' || cy == '\0')
			break;
		if (rank(cx) != rank(cy))
			return rank(cx) - rank(cy);
		if (tolower(cx) != tolower(cy))
			return tolower(cx) - tolower(cy);
		if (cx != cy && case_diff == 0)	/* lower case first */
			case_diff = islower(cx) ? -1 : 1;
	}
	if (cx != cy)			/* one ended: the shorter first */
		return cx == '\0' ? -1 : 1;
	if (!ignore_case && case_diff != 0)
		return case_diff;
	ix = count_ignorable(a);
	iy = count_ignorable(b);
	return ix < iy ? -1 : ix > iy ? 1 : 0;
}

static bool
is_number(const struct psobj_value *v)
{
	return v->kind == PSOBJ_INT || v->kind == PSOBJ_DOUBLE;
}

bool
ps_value_to_double(const struct psobj_value *v, double *d)
{
	struct ps_number n;
	const char *p;

	switch (v->kind) {
	case PSOBJ_NULL:
		*d = 0;
		return true;
	case PSOBJ_BOOL:
		*d = v->b ? 1 : 0;
		return true;
	case PSOBJ_INT:
		*d = (double)v->i;
		return true;
	case PSOBJ_DOUBLE:
		*d = v->d;
		return true;
	case PSOBJ_STRING:
		for (p = v->s; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0') {	/* [double]"" is 0 */
			*d = 0;
			return true;
		}
		if (ps_number_parse(v->s, &n) != 0)
			return false;
		*d = n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64 ?
		    (double)n.ival : n.dval;
		return true;
	default:
		return false;
	}
}

/* What [bool] makes of v: LanguagePrimitives.IsTrue for the kinds here. */
static bool
truth(const struct psobj_value *v)
{
	switch (v->kind) {
	case PSOBJ_NULL:
		return false;
	case PSOBJ_BOOL:
		return v->b;
	case PSOBJ_INT:
		return v->i != 0;
	case PSOBJ_DOUBLE:
		return v->d != 0;
	case PSOBJ_STRING:
		return v->s[0] != '\0';
	case PSOBJ_ARRAY:
		return v->nitems > 0;
	default:
		return true;
	}
}

int
ps_compare_as_text(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case)
{
	char *x = psobj_value_to_string(a), *y = psobj_value_to_string(b);
	int r = ps_compare_text(x != NULL ? x : "", y != NULL ? y : "",
	    ignore_case);

	free(x);
	free(y);
	return r;
}

int
ps_compare_values(const struct psobj_value *a, const struct psobj_value *b,
    bool ignore_case)
{
	double x, y;

	if (a->kind == PSOBJ_NULL || b->kind == PSOBJ_NULL)
		return (a->kind != PSOBJ_NULL) - (b->kind != PSOBJ_NULL);
	if (is_number(a) && ps_value_to_double(b, &y)) {
		x = a->kind == PSOBJ_INT ? (double)a->i : a->d;
		if (a->kind == PSOBJ_INT && b->kind == PSOBJ_INT)
			return (a->i > b->i) - (a->i < b->i);
		return (x > y) - (x < y);
	}
	if (a->kind == PSOBJ_BOOL)
		return (int)a->b - (int)truth(b);
	if (a->kind == PSOBJ_DATETIME && b->kind == PSOBJ_DATETIME)
		return (a->i > b->i) - (a->i < b->i);
	return ps_compare_as_text(a, b, ignore_case);
}
