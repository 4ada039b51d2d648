/* convert_csv.c: ConvertTo-Csv in Windows PowerShell 5.1's form. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/convert_csv.h"
#include "objects/select_object.h"

struct csv_lines {
	struct psobj_value *v;
	size_t	n;
};

/* Appends the line in buf (taken over). */
static int
csv_push(struct csv_lines *l, char *buf)
{
	struct psobj_value *p;

	if (buf == NULL)
		return -1;
	p = realloc(l->v, (l->n + 1) * sizeof(*p));
	if (p == NULL) {
		free(buf);
		return -1;
	}
	l->v = p;
	l->v[l->n] = psobj_null();
	l->v[l->n].kind = PSOBJ_STRING;
	l->v[l->n].type = "System.String";
	l->v[l->n].s = buf;
	l->n++;
	return 0;
}

/* EscapeAndAppendString(): nothing for null, else quoted, '"' doubled. */
static void
csv_field(FILE *m, const char *s)
{
	if (s == NULL)
		return;
	fputc('"', m);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', m);
		fputc(*s, m);
	}
	fputc('"', m);
}

/* The CSV properties of a value: an object's, or a string's Length. */
static size_t
csv_nprops(const struct psobj_value *v)
{
	if (v->kind == PSOBJ_OBJECT)
		return v->obj->nprops;
	return v->kind == PSOBJ_STRING ? 1 : 0;
}

static const char *
csv_prop_name(const struct psobj_value *v, size_t i)
{
	return v->kind == PSOBJ_OBJECT ? v->obj->props[i].name : "Length";
}

/* The field of property name in v: its ToString(), NULL when null/absent. */
static char *
csv_value(const struct psobj_value *v, const char *name, bool *fail)
{
	const struct psobj_prop *p;
	char *s;

	*fail = false;
	if (v->kind == PSOBJ_STRING && strcasecmp(name, "Length") == 0) {
		if (asprintf(&s, "%zu", strlen(v->s)) < 0)
			*fail = true;
		return *fail ? NULL : s;
	}
	if (v->kind != PSOBJ_OBJECT)
		return NULL;
	p = psobj_find(v->obj, name);
	if (p == NULL || p->value.kind == PSOBJ_NULL)
		return NULL;
	s = psobj_value_to_string(&p->value);
	*fail = s == NULL;
	return s;
}

void
csv_columns_free(struct csv_columns *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->names);
	c->names = NULL;
	c->n = 0;
}

/* Appends name (taken over; NULL: ENOMEM).  0, or -1. */
static int
columns_push(struct csv_columns *c, char *name)
{
	char **grown;

	if (name == NULL)
		return -1;
	grown = realloc(c->names, (c->n + 1) * sizeof(*grown));
	if (grown == NULL) {
		free(name);
		return -1;
	}
	c->names = grown;
	c->names[c->n++] = name;
	return 0;
}

int
csv_columns_of(const struct psobj_value *first, struct csv_columns *c)
{
	size_t i, n = csv_nprops(first);

	memset(c, 0, sizeof(*c));
	for (i = 0; i < n; i++)
		if (columns_push(c, strdup(csv_prop_name(first, i))) != 0) {
			csv_columns_free(c);
			return -1;
		}
	return 0;
}

int
csv_columns_parse(const char *line, char delim, struct csv_columns *c)
{
	const char *p = line;
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	memset(c, 0, sizeof(*c));
	for (;;) {
		if ((m = open_memstream(&buf, &len)) == NULL)
			goto fail;
		if (*p == '"') {	/* quoted: "" is a quote */
			for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				fputc(*p, m);
			}
			if (*p == '"')
				p++;
		}
		for (; *p != '\0' && *p != delim; p++)
			fputc(*p, m);
		if (fclose(m) != 0 || columns_push(c, buf) != 0)
			goto fail;
		buf = NULL;
		if (*p == '\0')
			return 0;
		p++;
	}
fail:
	free(buf);
	csv_columns_free(c);
	return -1;
}

int
csv_column_find(const struct csv_columns *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcasecmp(c->names[i], name) == 0)
			return (int)i;
	return -1;
}

/* The header (v NULL) or v's row under c. */
static char *
csv_line(const struct csv_columns *c, const struct psobj_value *v, char delim)
{
	size_t i, len = 0;
	char *buf = NULL, *s;
	FILE *m = open_memstream(&buf, &len);
	bool fail = false;

	if (m == NULL)
		return NULL;
	for (i = 0; i < c->n && !fail; i++) {
		if (i > 0)
			fputc(delim, m);
		if (v == NULL) {
			csv_field(m, c->names[i]);
			continue;
		}
		s = csv_value(v, c->names[i], &fail);
		csv_field(m, s);
		free(s);
	}
	if (fclose(m) != 0 || fail) {
		free(buf);
		return NULL;
	}
	return buf;
}

char *
csv_header_line(const struct csv_columns *c, char delim)
{
	return csv_line(c, NULL, delim);
}

char *
csv_row_line(const struct csv_columns *c, const struct psobj_value *v,
    char delim)
{
	return csv_line(c, v, delim);
}

char *
convert_csv_type_line(const struct psobj_value *first)
{
	const char *type = first->kind == PSOBJ_OBJECT ? first->obj->type_name :
	    first->type != NULL ? first->type : "System.Object";
	char *s;

	return asprintf(&s, "#TYPE %s", type) < 0 ? NULL : s;
}

int
convert_to_csv(const struct psobj_value *in, size_t n, bool no_type_info,
    struct psobj_value **out, size_t *nout)
{
	struct csv_lines l = { NULL, 0 };
	struct csv_columns cols;
	size_t i, k = 0;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	/* null inputs are skipped; the first other one sets the columns */
	while (k < n && in[k].kind == PSOBJ_NULL)
		k++;
	if (k == n)
		return 0;
	if (csv_columns_of(&in[k], &cols) != 0) {
		errno = ENOMEM;
		return -1;
	}
	if (!no_type_info)
		rc = csv_push(&l, convert_csv_type_line(&in[k]));
	if (rc == 0)
		rc = csv_push(&l, csv_header_line(&cols, ','));
	for (i = k; i < n && rc == 0; i++)
		if (in[i].kind != PSOBJ_NULL)
			rc = csv_push(&l, csv_row_line(&cols, &in[i], ','));
	csv_columns_free(&cols);
	if (rc != 0) {
		select_values_free(l.v, l.n);
		errno = ENOMEM;
		return -1;
	}
	*out = l.v;
	*nout = l.n;
	return 0;
}
