/*
 * scope.c: PowerShell's variable scopes: a chain from the current scope
 * (a function's) to the script's, names matched without regard to case.
 * A scope holds few variables in the scripts tnc runs, so a small array
 * searched in order does.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/interp.h"

struct var {
	char	*name;
	struct psobj_value value;
};

struct scope {
	struct scope *parent;
	struct var *v;
	size_t	n, cap;
};

struct scope *
scope_new(struct scope *parent)
{
	struct scope *s = calloc(1, sizeof(*s));

	if (s != NULL)
		s->parent = parent;
	return s;
}

void
scope_free(struct scope *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i].name);
		psobj_value_free(&s->v[i].value);
	}
	free(s->v);
	free(s);
}

static struct var *
find_here(const struct scope *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcasecmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

struct psobj_value *
scope_get_mut(struct scope *s, const char *name)
{
	struct var *v;

	for (; s != NULL; s = s->parent)
		if ((v = find_here(s, name)) != NULL)
			return &v->value;
	return NULL;
}

const struct psobj_value *
scope_get(const struct scope *s, const char *name)
{
	return scope_get_mut((struct scope *)s, name);
}

int
scope_set(struct scope *s, const char *name, struct psobj_value *val)
{
	struct var *v = find_here(s, name), *grown;

	if (v != NULL) {
		psobj_value_free(&v->value);
		v->value = *val;
		return 0;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap != 0 ? s->cap * 2 : 8;

		grown = realloc(s->v, cap * sizeof(*grown));
		if (grown == NULL) {
			psobj_value_free(val);
			return -1;
		}
		s->v = grown;
		s->cap = cap;
	}
	s->v[s->n].name = strdup(name);
	if (s->v[s->n].name == NULL) {
		psobj_value_free(val);
		return -1;
	}
	s->v[s->n++].value = *val;
	return 0;
}

bool
scope_take(struct scope *s, const char *name, struct psobj_value *v)
{
	struct var *found = find_here(s, name);

	*v = psobj_null();
	if (found == NULL)
		return false;
	*v = found->value;
	free(found->name);
	*found = s->v[--s->n];
	return true;
}
