/* out_string.c: Out-String, whole or -Stream. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object_format.h"
#include "objects/out_string.h"
#include "objects/select_object.h"

/* Appends a string value of s[0..len). */
static int
push_string(struct psobj_value **v, size_t *n, const char *s, size_t len)
{
	struct psobj_value *p = realloc(*v, (*n + 1) * sizeof(*p));
	char *c = strndup(s, len);

	if (p != NULL)
		*v = p;
	if (p == NULL || c == NULL) {
		free(c);
		return -1;
	}
	p[*n] = psobj_null();
	p[*n].kind = PSOBJ_STRING;
	p[*n].type = "System.String";
	p[*n].s = c;
	(*n)++;
	return 0;
}

int
out_string_split(const char *text, const char *nl, bool stream,
    struct psobj_value **out, size_t *nout)
{
	size_t nll = strlen(nl);
	const char *p = text, *e;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	if (!stream)
		rc = push_string(out, nout, text, strlen(text));
	while (stream && rc == 0 && *p != '\0') {
		e = strstr(p, nl);
		if (e == NULL)		/* a last line without its newline */
			e = p + strlen(p);
		rc = push_string(out, nout, p, (size_t)(e - p));
		p = *e != '\0' ? e + nll : e;
	}
	if (rc != 0) {
		select_values_free(*out, *nout);
		*out = NULL;
		*nout = 0;
		errno = ENOMEM;
	}
	return rc;
}

int
out_string(const struct psobj_value *in, size_t n, enum ps_edition ed,
    size_t width, enum tnc_newline nl, bool stream,
    struct psobj_value **out, size_t *nout)
{
	struct text_out t;
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	*out = NULL;
	*nout = 0;
	if (m == NULL)
		return -1;
	text_out_init(&t, m, nl);
	rc = object_format_out_default(in, n, ed, width, &t);
	if (text_out_finish(&t) != 0)
		rc = -1;
	if (fclose(m) != 0 || buf == NULL)
		rc = -1;
	if (rc == 0)
		rc = out_string_split(buf, t.nl, stream, out, nout);
	free(buf);
	return rc;
}
