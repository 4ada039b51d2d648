/* convert_json.c: ConvertTo-Json in Windows PowerShell 5.1's layout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/convert_json.h"

/* 5.1's pretty printer indents by this much per level */
#define JSON_INDENT	4

struct json_out {
	FILE	*m;
	int	max_depth;
	bool	compress;
	const char *nl;
	int	rc;
};

/* The two-character escape of c in JavaScriptSerializer, or NULL. */
static const char *
json_short_escape(unsigned char c)
{
	static const char from[] = "\"\\\b\f\n\r\t";
	static const char *const to[] = { "\\\"", "\\\\", "\\b", "\\f",
	    "\\n", "\\r", "\\t" };
	const char *p = c != '\0' ? strchr(from, c) : NULL;

	return p != NULL ? to[p - from] : NULL;
}

/* JavaScriptSerializer.SerializeString(); returns the columns written. */
static size_t
json_string(struct json_out *j, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *esc;
	size_t cols = 2;

	fputc('"', j->m);
	for (; *p != '\0'; p++) {
		esc = json_short_escape(*p);
		if (esc != NULL) {
			fputs(esc, j->m);
			cols += 2;
		} else if (*p < 0x20 || *p == '<' || *p == '>' ||
		    *p == '\'' || *p == '&') {
			/* other control characters, and the HTML-unsafe ones */
			fprintf(j->m, "\\u%04x", *p);
			cols += 6;
		} else {
			fputc(*p, j->m);
			if ((*p & 0xc0) != 0x80)	/* a column per character */
				cols++;
		}
	}
	fputc('"', j->m);
	return cols;
}

/* LanguagePrimitives.ConvertTo(value, String): arrays join with $OFS. */
static char *
json_as_string(const struct psobj_value *v)
{
	char *buf = NULL, *s;
	size_t len = 0, i;
	FILE *m;

	if (v->kind != PSOBJ_ARRAY)
		return psobj_value_to_string(v);
	m = open_memstream(&buf, &len);
	if (m == NULL)
		return NULL;
	for (i = 0; i < v->nitems; i++) {
		s = json_as_string(&v->items[i]);
		if (s == NULL)
			break;
		fprintf(m, "%s%s", i > 0 ? " " : "", s);
		free(s);
	}
	if (fclose(m) != 0 || i < v->nitems) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void
json_newline(struct json_out *j, size_t col)
{
	fputs(j->nl, j->m);
	fprintf(j->m, "%*s", (int)col, "");
}

static void json_value(struct json_out *j, const struct psobj_value *v,
    int depth, size_t col);

/* An object's members or an array's items between their brackets. */
static void
json_members(struct json_out *j, const struct psobj_value *v, int depth,
    size_t col)
{
	bool array = v->kind == PSOBJ_ARRAY;
	size_t n = array ? v->nitems : v->obj->nprops, i, inner;

	fputc(array ? '[' : '{', j->m);
	if (!j->compress)
		fputs(j->nl, j->m);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			fputc(',', j->m);
			if (!j->compress)
				fputs(j->nl, j->m);
		}
		inner = col + JSON_INDENT;
		if (!j->compress)
			fprintf(j->m, "%*s", (int)inner, "");
		if (array) {
			json_value(j, &v->items[i], depth + 1, inner);
			continue;
		}
		inner += json_string(j, v->obj->props[i].name);
		fputc(':', j->m);
		inner++;
		if (!j->compress) {
			fputs("  ", j->m);
			inner += 2;
		}
		json_value(j, &v->obj->props[i].value, depth + 1, inner);
	}
	if (!j->compress)
		json_newline(j, col);
	fputc(array ? ']' : '}', j->m);
}

/* ConvertToJsonCommand.ProcessValue(); col: the column v starts at. */
static void
json_value(struct json_out *j, const struct psobj_value *v, int depth,
    size_t col)
{
	char *s;

	switch (v->kind) {
	case PSOBJ_NULL:
		fputs("null", j->m);
		return;
	case PSOBJ_BOOL:
		fputs(v->b ? "true" : "false", j->m);
		return;
	case PSOBJ_INT:		/* enums too: their numeric value */
		fprintf(j->m, "%lld", v->i);
		return;
	case PSOBJ_STRING:
	case PSOBJ_SCRIPTBLOCK:
		json_string(j, v->s != NULL ? v->s : "");
		return;
	case PSOBJ_DOUBLE:
		s = v->s != NULL ? strdup(v->s) : psobj_double_text(v->d, v->type);
		if (s == NULL) {
			j->rc = -1;
			return;
		}
		fputs(s, j->m);
		free(s);
		return;
	case PSOBJ_DATETIME:
		/* JavaScriptSerializer: "\/Date(<ms since 1970>)\/" */
		fprintf(j->m, "\"\\/Date(%lld)\\/\"",
		    (v->i - 621355968000000000LL) / 10000);
		return;
	case PSOBJ_ARRAY:
	case PSOBJ_OBJECT:
	case PSOBJ_HASHTABLE:
		break;
	}
	if (depth > j->max_depth) {
		s = json_as_string(v);
		if (s == NULL) {
			j->rc = -1;
			return;
		}
		json_string(j, s);
		free(s);
		return;
	}
	json_members(j, v, depth, col);
}

int
convert_to_json(const struct psobj_value *in, size_t n, int depth,
    bool compress, const char *nl, char **out)
{
	struct json_out j = { NULL, depth, compress, nl, 0 };
	struct psobj_value all;
	size_t len = 0;
	char *buf = NULL;

	*out = NULL;
	if (n == 0)
		return 0;
	j.m = open_memstream(&buf, &len);
	if (j.m == NULL)
		return -1;
	if (n == 1) {
		json_value(&j, &in[0], 0, 0);
	} else {
		/* several inputs: one array of them (shallow, not owned) */
		all = psobj_null();
		all.kind = PSOBJ_ARRAY;
		all.items = (struct psobj_value *)in;
		all.nitems = n;
		json_value(&j, &all, 0, 0);
	}
	if (fclose(j.m) != 0 || j.rc != 0) {
		free(buf);
		errno = ENOMEM;
		return -1;
	}
	*out = buf;
	return 0;
}
