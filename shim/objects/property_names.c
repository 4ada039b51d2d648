/* property_names.c: -Property names resolved against an object's members. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/property_names.h"
#include "objects/wildcard.h"

/* WildcardPattern.Unescape(): a backtick takes the next character as is. */
static char *
name_unescape(const char *s)
{
	char *u = malloc(strlen(s) + 1), *o = u;

	if (u == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == '`' && s[1] != '\0')
			s++;
		*o++ = *s;
	}
	*o = '\0';
	return u;
}

static int
refs_push(struct property_refs *out, const char *label,
    const struct psobj_value *value, char *owned)
{
	struct property_ref *r = realloc(out->refs,
	    (out->n + 1) * sizeof(*r));

	if (r == NULL) {
		free(owned);
		return -1;
	}
	out->refs = r;
	r[out->n].label = owned != NULL ? owned : label;
	r[out->n].value = value;
	r[out->n].owned = owned;
	out->n++;
	return 0;
}

/* One name: its matching members, or itself when plain and unmatched. */
static int
resolve_one(const struct psobj *o, const char *name,
    struct property_refs *out, char *err, size_t errlen)
{
	struct wildcard w;
	size_t i, found = 0;
	int rc = 0, m;

	if (wildcard_compile(&w, name, err, errlen) != 0)
		return -1;
	for (i = 0; o != NULL && i < o->nprops && rc == 0; i++) {
		m = wildcard_match(&w, o->props[i].name, err, errlen);
		if (m < 0)
			rc = -1;
		else if (m == 1) {
			found++;
			rc = refs_push(out, o->props[i].name,
			    &o->props[i].value, NULL);
		}
	}
	wildcard_free(&w);
	if (rc == 0 && found == 0 && !wildcard_has_meta(name)) {
		char *u = name_unescape(name);

		rc = u != NULL ? refs_push(out, NULL, NULL, u) : -1;
	}
	if (rc != 0 && err[0] == '\0')
		snprintf(err, errlen, "out of memory");
	return rc;
}

int
property_names_resolve(const struct psobj *o, const char *const *names,
    size_t n, struct property_refs *out, char *err, size_t errlen)
{
	size_t i;

	out->refs = NULL;
	out->n = 0;
	if (errlen > 0)
		err[0] = '\0';
	for (i = 0; i < n; i++) {
		if (resolve_one(o, names[i], out, err, errlen) != 0) {
			property_refs_free(out);
			errno = ENOMEM;
			return -1;
		}
	}
	return 0;
}

void
property_refs_free(struct property_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		free(refs->refs[i].owned);
	free(refs->refs);
	refs->refs = NULL;
	refs->n = 0;
}
