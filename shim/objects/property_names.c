/* property_names.c: -Property names resolved against an object's members. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static int
compile_one(struct property_name *pn, const char *name, char *err,
    size_t errlen)
{
	pn->text = strdup(name);
	if (pn->text == NULL)
		goto nomem;
	if (!wildcard_has_meta(name)) {
		/* a plain name matches a member's name, ignoring case */
		pn->plain = name_unescape(name);
		return pn->plain != NULL ? 0 : -1;
	}
	pn->w = calloc(1, sizeof(*pn->w));
	if (pn->w == NULL)
		goto nomem;
	if (wildcard_compile(pn->w, name, err, errlen) != 0) {
		free(pn->w);
		pn->w = NULL;
		return -1;
	}
	return 0;
nomem:
	snprintf(err, errlen, "%s", strerror(ENOMEM));
	return -1;
}

int
property_names_compile(const char *const *names, size_t n,
    struct property_names *pn, char *err, size_t errlen)
{
	size_t i;

	if (errlen > 0)
		err[0] = '\0';
	pn->n = 0;
	pn->v = calloc(n + 1, sizeof(*pn->v));
	if (pn->v == NULL) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	for (i = 0; i < n; i++) {
		pn->n = i + 1;
		if (compile_one(&pn->v[i], names[i], err, errlen) != 0) {
			if (errlen > 0 && err[0] == '\0')
				snprintf(err, errlen, "%s", strerror(ENOMEM));
			property_names_free(pn);
			return -1;
		}
	}
	return 0;
}

/* One name: its matching members, or itself when plain and unmatched. */
static int
match_one(const struct property_name *pn, const struct psobj *o,
    struct property_refs *out, char *err, size_t errlen)
{
	size_t i, found = 0;
	int rc = 0, m;

	if (pn->calculated) {
		if (refs_push(out, pn->text, pn->fixed, NULL) == 0)
			return 0;
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	for (i = 0; o != NULL && i < o->nprops && rc == 0; i++) {
		if (pn->w == NULL)
			m = strcasecmp(pn->plain, o->props[i].name) == 0;
		else
			m = wildcard_match(pn->w, o->props[i].name, err, errlen);
		if (m < 0)
			return -1;
		if (m == 1) {
			found++;
			rc = refs_push(out, o->props[i].name,
			    &o->props[i].value, NULL);
		}
	}
	if (rc == 0 && found == 0 && pn->w == NULL) {
		char *u = strdup(pn->plain);

		rc = u != NULL ? refs_push(out, NULL, NULL, u) : -1;
	}
	if (rc != 0)
		snprintf(err, errlen, "%s", strerror(ENOMEM));
	return rc;
}

int
property_names_match(const struct property_names *pn, const struct psobj *o,
    struct property_refs *out, char *err, size_t errlen)
{
	size_t i;

	out->refs = NULL;
	out->n = 0;
	if (errlen > 0)
		err[0] = '\0';
	for (i = 0; i < pn->n; i++) {
		if (match_one(&pn->v[i], o, out, err, errlen) != 0) {
			property_refs_free(out);
			errno = ENOMEM;
			return -1;
		}
	}
	return 0;
}

void
property_names_free(struct property_names *pn)
{
	size_t i;

	for (i = 0; pn->v != NULL && i < pn->n; i++) {
		free(pn->v[i].text);
		free(pn->v[i].plain);
		if (pn->v[i].w != NULL) {
			wildcard_free(pn->v[i].w);
			free(pn->v[i].w);
		}
	}
	free(pn->v);
	pn->v = NULL;
	pn->n = 0;
}

void
property_names_set_calculated(struct property_names *pn, size_t i)
{
	struct property_name *n = &pn->v[i];

	free(n->plain);
	n->plain = NULL;
	if (n->w != NULL) {
		wildcard_free(n->w);
		free(n->w);
		n->w = NULL;
	}
	n->calculated = true;
	n->fixed = NULL;
}

int
property_names_resolve(const struct psobj *o, const char *const *names,
    size_t n, struct property_refs *out, char *err, size_t errlen)
{
	struct property_names pn;
	int rc;

	out->refs = NULL;
	out->n = 0;
	if (property_names_compile(names, n, &pn, err, errlen) != 0)
		return -1;
	rc = property_names_match(&pn, o, out, err, errlen);
	property_names_free(&pn);
	return rc;
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
