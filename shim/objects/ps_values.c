/* ps_values.c: small helpers on pipeline values the operator files share. */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

const char *
ps_type_name(const struct psobj_value *v)
{
	switch (v->kind) {
	case PSOBJ_NULL:
		return "";
	case PSOBJ_OBJECT:
		return v->obj != NULL ? v->obj->type_name : "System.Object";
	case PSOBJ_ARRAY:
		return v->type != NULL ? v->type : "System.Object[]";
	case PSOBJ_INT:
		return v->type != NULL ? v->type : "System.Int32";
	default:
		return v->type != NULL ? v->type : "System.Object";
	}
}

bool
ps_is_char(const struct psobj_value *v)
{
	return v->kind == PSOBJ_STRING && v->type != NULL &&
	    strcmp(v->type, PS_CHAR) == 0;
}

bool
ps_is_custom_object(const struct psobj_value *v)
{
	return v->kind == PSOBJ_OBJECT && v->obj != NULL &&
	    strcmp(v->obj->type_name, PS_PSCUSTOMOBJECT) == 0;
}

bool
ps_is_timespan(const struct psobj_value *v)
{
	return v->kind == PSOBJ_OBJECT && v->obj != NULL &&
	    strcmp(v->obj->type_name, PS_TIMESPAN) == 0;
}

int
ps_array_push(struct psobj_value *a, struct psobj_value v)
{
	struct psobj_value *p = a->items;
	size_t want = (a->nitems + 2) * sizeof(*p);	/* and a spare slot,
							   as psobj_array() */

	/* the allocation's own size is the capacity: growth doubles it */
	if (p == NULL || malloc_usable_size(p) < want) {
		p = realloc(p, want * 2);
		if (p == NULL) {
			psobj_value_free(&v);
			errno = ENOMEM;
			return -1;
		}
		a->items = p;
	}
	a->items[a->nitems++] = v;
	a->items[a->nitems] = psobj_null();
	return 0;
}

int
ps_array_push_copy(struct psobj_value *a, const struct psobj_value *v)
{
	struct psobj_value c;

	if (psobj_value_copy(&c, v) != 0)
		return -1;
	return ps_array_push(a, c);
}

int
ps_string_take(struct psobj_value *out, char *s)
{
	*out = psobj_null();
	if (s == NULL)
		return -1;
	out->kind = PSOBJ_STRING;
	out->type = "System.String";
	out->s = s;
	return 0;
}

char *
ps_custom_object_text(const struct psobj *o)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *m = open_memstream(&buf, &len);
	int rc = 0;

	if (m == NULL)
		return NULL;
	fputs("@{", m);
	for (i = 0; i < o->nprops && rc == 0; i++) {
		fprintf(m, "%s%s=", i > 0 ? "; " : "", o->props[i].name);
		rc = ps_put_item_text(m, &o->props[i].value);
	}
	fputc('}', m);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		errno = ENOMEM;
		return NULL;
	}
	return buf;
}

/* TimeSpan's "c" format: [-][d.]hh:mm:ss[.fffffff] */
static char *
timespan_text(long long ticks)
{
	unsigned long long t = ticks < 0 ? 0ULL - (unsigned long long)ticks :
	    (unsigned long long)ticks;
	unsigned long long secs = t / PS_TICKS_PER_SECOND, days = secs / 86400;
	unsigned long long frac = t % PS_TICKS_PER_SECOND;
	char day[32] = "", fr[16] = "", *s;

	if (days > 0)
		snprintf(day, sizeof(day), "%llu.", days);
	if (frac > 0)
		snprintf(fr, sizeof(fr), ".%07llu", frac);
	if (asprintf(&s, "%s%s%02llu:%02llu:%02llu%s", ticks < 0 ? "-" : "",
	    day, secs / 3600 % 24, secs / 60 % 60, secs % 60, fr) < 0)
		return NULL;
	return s;
}

int
ps_timespan(struct psobj_value *out, long long ticks)
{
	/* the order of TimeSpan's list view (DotNetTypes.format.ps1xml) */
	struct psobj *o = psobj_new(PS_TIMESPAN);
	long long whole = ticks / PS_TICKS_PER_SECOND;
	double t = (double)ticks;
	char *text = timespan_text(ticks);
	int rc;

	*out = psobj_null();
	if (o == NULL || text == NULL ||
	    psobj_add(o, "Days", psobj_int(whole / 86400, NULL)) != 0 ||
	    psobj_add(o, "Hours", psobj_int(whole / 3600 % 24, NULL)) != 0 ||
	    psobj_add(o, "Minutes", psobj_int(whole / 60 % 60, NULL)) != 0 ||
	    psobj_add(o, "Seconds", psobj_int(whole % 60, NULL)) != 0 ||
	    psobj_add(o, "Milliseconds", psobj_int(ticks / 10000 % 1000,
	    NULL)) != 0 ||
	    psobj_add(o, "Ticks", psobj_int(ticks, "System.Int64")) != 0 ||
	    psobj_add(o, "TotalDays", psobj_double(t / 864e9, NULL)) != 0 ||
	    psobj_add(o, "TotalHours", psobj_double(t / 36e9, NULL)) != 0 ||
	    psobj_add(o, "TotalMinutes", psobj_double(t / 6e8, NULL)) != 0 ||
	    psobj_add(o, "TotalSeconds", psobj_double(t / 1e7, NULL)) != 0 ||
	    psobj_add(o, "TotalMilliseconds", psobj_double(t / 1e4,
	    NULL)) != 0) {
		psobj_free(o);
		free(text);
		errno = ENOMEM;
		return -1;
	}
	rc = psobj_object(out, o, text);
	free(text);
	return rc;
}

long long
ps_timespan_ticks(const struct psobj_value *v)
{
	const struct psobj_prop *p = psobj_find(v->obj, "Ticks");

	return p != NULL && p->value.kind == PSOBJ_INT ? p->value.i : 0;
}
