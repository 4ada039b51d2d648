/* psobj.c: the pipeline's values: construction, copy, release, ToString. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/psobj.h"

/* $FormatEnumerationLimit's default */
#define PSOBJ_ENUM_LIMIT	4

struct psobj_value
psobj_null(void)
{
	struct psobj_value v;

	memset(&v, 0, sizeof(v));
	v.kind = PSOBJ_NULL;
	return v;
}

struct psobj_value
psobj_bool(bool b)
{
	struct psobj_value v = psobj_null();

	v.kind = PSOBJ_BOOL;
	v.b = b;
	v.type = "System.Boolean";
	return v;
}

struct psobj_value
psobj_int(long long i, const char *type)
{
	struct psobj_value v = psobj_null();

	v.kind = PSOBJ_INT;
	v.i = i;
	v.type = type != NULL ? type : "System.Int32";
	return v;
}

struct psobj_value
psobj_double(double d, const char *type)
{
	struct psobj_value v = psobj_null();

	v.kind = PSOBJ_DOUBLE;
	v.d = d;
	v.type = type != NULL ? type : "System.Double";
	return v;
}

struct psobj_value
psobj_datetime(long long ticks, bool utc)
{
	struct psobj_value v = psobj_null();

	v.kind = PSOBJ_DATETIME;
	v.i = ticks;
	v.b = utc;
	v.type = "System.DateTime";
	return v;
}

int
psobj_hashtable(struct psobj_value *v, bool ordered)
{
	const char *type = ordered ?
	    "System.Collections.Specialized.OrderedDictionary" :
	    "System.Collections.Hashtable";

	*v = psobj_null();
	v->obj = psobj_new(type);
	if (v->obj == NULL)
		return -1;
	v->kind = PSOBJ_HASHTABLE;
	v->type = ordered ? "System.Collections.Specialized.OrderedDictionary" :
	    "System.Collections.Hashtable";
	return 0;
}

int
psobj_scriptblock(struct psobj_value *v, const void *block, const char *text)
{
	if (psobj_string(v, text) != 0)
		return -1;
	v->kind = PSOBJ_SCRIPTBLOCK;
	v->type = "System.Management.Automation.ScriptBlock";
	v->block = block;
	return 0;
}

int
psobj_string(struct psobj_value *v, const char *s)
{
	*v = psobj_null();
	v->s = strdup(s != NULL ? s : "");
	if (v->s == NULL)
		return -1;
	v->kind = PSOBJ_STRING;
	v->type = "System.String";
	return 0;
}

int
psobj_enum(struct psobj_value *v, long long i, const char *type,
    const char *name)
{
	*v = psobj_int(i, type);
	v->to_string = strdup(name);
	if (v->to_string == NULL) {
		*v = psobj_null();
		return -1;
	}
	return 0;
}

int
psobj_array(struct psobj_value *v, size_t n, const char *type)
{
	size_t i;

	*v = psobj_null();
	v->items = calloc(n + 1, sizeof(*v->items));	/* n may be 0 */
	if (v->items == NULL)
		return -1;
	for (i = 0; i < n; i++)
		v->items[i] = psobj_null();
	v->nitems = n;
	v->kind = PSOBJ_ARRAY;
	v->type = type != NULL ? type : "System.Object[]";
	return 0;
}

int
psobj_object(struct psobj_value *v, struct psobj *o, const char *to_string)
{
	*v = psobj_null();
	if (o == NULL)
		return -1;
	if (to_string != NULL) {
		v->to_string = strdup(to_string);
		if (v->to_string == NULL) {
			psobj_free(o);
			return -1;
		}
	}
	v->kind = PSOBJ_OBJECT;
	v->obj = o;
	v->type = NULL;		/* the object's type_name says it */
	return 0;
}

void
psobj_value_free(struct psobj_value *v)
{
	size_t i;

	if (v == NULL)
		return;
	free(v->s);
	for (i = 0; i < v->nitems; i++)
		psobj_value_free(&v->items[i]);
	free(v->items);
	psobj_free(v->obj);
	free(v->to_string);
	*v = psobj_null();
}

int
psobj_value_copy(struct psobj_value *dst, const struct psobj_value *src)
{
	size_t i;

	*dst = *src;
	dst->s = NULL;
	dst->items = NULL;
	dst->nitems = 0;
	dst->obj = NULL;
	dst->to_string = NULL;
	if (src->s != NULL && (dst->s = strdup(src->s)) == NULL)
		goto fail;
	if (src->to_string != NULL &&
	    (dst->to_string = strdup(src->to_string)) == NULL)
		goto fail;
	if (src->obj != NULL && (dst->obj = psobj_copy(src->obj)) == NULL)
		goto fail;
	if (src->kind == PSOBJ_ARRAY) {
		dst->items = calloc(src->nitems + 1, sizeof(*dst->items));
		if (dst->items == NULL)
			goto fail;
		for (i = 0; i < src->nitems; i++) {
			if (psobj_value_copy(&dst->items[i], &src->items[i]) != 0)
				goto fail;
			dst->nitems = i + 1;
		}
	}
	return 0;
fail:
	psobj_value_free(dst);
	errno = ENOMEM;
	return -1;
}

struct psobj *
psobj_new(const char *type_name)
{
	struct psobj *o = calloc(1, sizeof(*o));

	if (o == NULL)
		return NULL;
	o->type_name = strdup(type_name != NULL ? type_name : "");
	if (o->type_name == NULL) {
		free(o);
		return NULL;
	}
	return o;
}

void
psobj_free(struct psobj *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->nprops; i++) {
		free(o->props[i].name);
		psobj_value_free(&o->props[i].value);
	}
	free(o->props);
	free(o->type_name);
	free(o);
}

struct psobj *
psobj_copy(const struct psobj *o)
{
	struct psobj *c = psobj_new(o->type_name);
	size_t i;

	for (i = 0; c != NULL && i < o->nprops; i++) {
		struct psobj_value v;

		if (psobj_value_copy(&v, &o->props[i].value) != 0 ||
		    psobj_add(c, o->props[i].name, v) != 0) {
			psobj_free(c);
			c = NULL;
		}
	}
	return c;
}

int
psobj_add(struct psobj *o, const char *name, struct psobj_value v)
{
	struct psobj_prop *p = o->props;
	char *n = strdup(name);
	size_t cap = o->cap;

	/*
	 * Doubling: one more slot per add copied the array every time, and
	 * a TestNetConnectionResult (30 properties) cost 26 KB of copying.
	 */
	if (n != NULL && o->nprops == cap) {
		cap = cap == 0 ? 8 : cap * 2;
		p = realloc(o->props, cap * sizeof(*p));
	}
	if (n == NULL || p == NULL) {
		free(n);
		psobj_value_free(&v);
		errno = ENOMEM;
		return -1;
	}
	o->props = p;
	o->cap = cap;
	o->props[o->nprops].name = n;
	o->props[o->nprops].value = v;
	o->nprops++;
	return 0;
}

const struct psobj_prop *
psobj_find(const struct psobj *o, const char *name)
{
	size_t i;

	/* member lookup is OrdinalIgnoreCase; ASCII names only here */
	for (i = 0; o != NULL && i < o->nprops; i++)
		if (strcasecmp(o->props[i].name, name) == 0)
			return &o->props[i];
	return NULL;
}

char *
psobj_value_to_string(const struct psobj_value *v)
{
	char *s;

	switch (v->kind) {
	case PSOBJ_NULL:
		return strdup("");
	case PSOBJ_BOOL:
		return strdup(v->b ? "True" : "False");
	case PSOBJ_INT:
		if (v->to_string != NULL)
			return strdup(v->to_string);
		if (asprintf(&s, v->type != NULL && strcmp(v->type,
		    "System.UInt64") == 0 ? "%llu" : "%lld", v->i) < 0)
			return NULL;
		return s;
	case PSOBJ_STRING:
		return strdup(v->s != NULL ? v->s : "");
	case PSOBJ_ARRAY:
		/* an array's ToString() is Object.ToString(): its type name */
		return strdup(v->type != NULL ? v->type : "System.Object[]");
	case PSOBJ_OBJECT:
		if (v->to_string != NULL)
			return strdup(v->to_string);
		return strdup(v->obj != NULL ? v->obj->type_name : "");
	case PSOBJ_DOUBLE:
		if (v->s != NULL)	/* a Decimal's own digits */
			return strdup(v->s);
		return psobj_double_text(v->d, v->type);
	case PSOBJ_HASHTABLE:
		return strdup(v->type);
	case PSOBJ_SCRIPTBLOCK:
		return strdup(v->s != NULL ? v->s : "");
	case PSOBJ_DATETIME:
		return psobj_datetime_text(v->i);
	}
	return strdup("");
}

/*
 * A Double as .NET Framework's ToString() ("G": 15 significant digits,
 * "E+XX" exponents, "NaN", "Infinity"); a Decimal's digits as they are.
 * malloc'd; NULL on ENOMEM.
 */
char *
psobj_double_text(double d, const char *type)
{
	char buf[64], *e, *s;
	int exp;

	if (d != d)
		return strdup("NaN");
	if (d == 0)		/* .NET Framework writes -0.0 as "0" */
		return strdup("0");
	if (d == 1.0 / 0.0 || d == -1.0 / 0.0)
		return strdup(d > 0 ? "Infinity" : "-Infinity");
	if (type != NULL && strcmp(type, "System.Decimal") == 0)
		snprintf(buf, sizeof(buf), "%.28g", d);
	else
		snprintf(buf, sizeof(buf), "%.15G", d);
	e = strchr(buf, 'E');
	if (e != NULL) {		/* C's 1E+20 / 1E-05: .NET writes E+20 / E-05 */
		exp = atoi(e + 1);
		snprintf(e, sizeof(buf) - (size_t)(e - buf), "E%c%02d",
		    exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	}
	s = strdup(buf);
	return s;
}

/*
 * A DateTime as its ToString() on en-US ("G"): M/d/yyyy h:mm:ss tt.
 * The civil date from a day count: H. Hinnant's days_from_civil, inverted.
 * malloc'd; NULL on ENOMEM.
 */
char *
psobj_datetime_text(long long ticks)
{
	long long z = ticks / 864000000000LL - 719162 + 719468, era, doe, yoe,
	    doy, mp, d, m, y, secs = (ticks / 10000000LL) % 86400;
	int h = (int)(secs / 3600);
	char *s;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	if (asprintf(&s, "%lld/%lld/%lld %d:%02lld:%02lld %s", m, d, y,
	    h % 12 == 0 ? 12 : h % 12, (secs / 60) % 60, secs % 60,
	    h < 12 ? "AM" : "PM") < 0)
		return NULL;
	return s;
}

/*
 * An item of an enumeration in SmartToString: PSObject.ToString() of the
 * item, which for a nested array joins its items with $OFS (" ").
 */
static int
display_item(FILE *m, const struct psobj_value *it)
{
	size_t k;
	char *s;

	if (it->kind == PSOBJ_ARRAY) {
		for (k = 0; k < it->nitems; k++) {
			if (k > 0)
				fputc(' ', m);
			if (display_item(m, &it->items[k]) != 0)
				return -1;
		}
		return 0;
	}
	s = psobj_value_to_string(it);
	if (s == NULL)
		return -1;
	fputs(s, m);
	free(s);
	return 0;
}

char *
psobj_value_to_display(const struct psobj_value *v, enum ps_edition ed)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *m;
	int rc = 0;

	if (v->kind != PSOBJ_ARRAY)
		return psobj_value_to_string(v);
	m = open_memstream(&buf, &len);
	if (m == NULL)
		return NULL;
	fputc('{', m);
	for (i = 0; i < v->nitems && rc == 0; i++) {
		if (i == PSOBJ_ENUM_LIMIT) {
			/* "..." until 6.2 (#8326), then U+2026 */
			fputs(ed == PS_EDITION_51 ? "..." : "\xe2\x80\xa6", m);
			break;
		}
		if (i > 0)
			fputs(", ", m);
		rc = display_item(m, &v->items[i]);
	}
	fputc('}', m);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		errno = ENOMEM;
		return NULL;
	}
	return buf;
}

struct psobj *
psobj_string_members(const struct psobj_value *v)
{
	struct psobj *o = psobj_new("System.String");

	if (o != NULL && psobj_add(o, "Length", psobj_int((long long)strlen(
	    v->s), "System.Int32")) != 0) {
		psobj_free(o);
		return NULL;
	}
	return o;
}
