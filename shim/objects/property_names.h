#ifndef TNC_OBJECTS_PROPERTY_NAMES_H
#define TNC_OBJECTS_PROPERTY_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include "objects/psobj.h"
#include "objects/wildcard.h"

/*
 * The -Property names of Select-Object, Format-List and Format-Table
 * resolved against one object's members (PSPropertyExpression.ResolveNames,
 * spec 3.7): matching ignores case, the label is the member's own casing,
 * a wildcard expands to every member it matches in member order and to
 * nothing when none does, a plain name that matches no member stays as
 * typed (backtick escapes removed) with no member behind it.
 */
struct property_ref {
	const char *label;		/* member's name, or the name as typed */
	const struct psobj_value *value;	/* NULL: no such member */
	char	*owned;			/* label storage when it is ours */
};

struct property_refs {
	struct property_ref *refs;
	size_t	n;
};

/*
 * The names compiled once (a pipeline resolves them against every object
 * that passes): each wildcard's pattern, each plain name unescaped.
 */
struct property_name {
	char	*text;			/* as typed; a calculated one's label */
	char	*plain;			/* unescaped; NULL for a wildcard */
	struct wildcard *w;		/* NULL for a plain name */
	bool	calculated;		/* Select-Object's @{n=...; e=...} */
	const struct psobj_value *fixed;	/* calculated: its value for the
					   object at hand (NULL: $null), set
					   by the caller before each match */
};

struct property_names {
	struct property_name *v;
	size_t	n;
};

/*
 * property_names_compile()
 * Compiles names[0..n).  Returns 0, or -1 with a sentence in err (a bad
 * wildcard: PowerShell's WildcardPatternException text; or ENOMEM).
 */
int	property_names_compile(const char *const *names, size_t n,
	    struct property_names *pn, char *err, size_t errlen);

/*
 * property_names_match()
 * Resolves compiled names against o (NULL: an object without members);
 * same result as property_names_resolve().  Returns 0, or -1 with a
 * sentence in err (a pcre2 match error, or ENOMEM).
 */
int	property_names_match(const struct property_names *pn,
	    const struct psobj *o, struct property_refs *out, char *err,
	    size_t errlen);

void	property_names_free(struct property_names *pn);

/*
 * property_names_set_calculated()
 * Makes name i a calculated property: its text is the label, and a match
 * gives that label with pn->v[i].fixed as the value, whatever the object.
 */
void	property_names_set_calculated(struct property_names *pn, size_t i);

/*
 * property_names_resolve()
 * Resolves names[0..n) against o (NULL: an object without members, such
 * as a bool).  Duplicates are kept; the caller decides.  Returns 0, or -1
 * with a sentence in err (a bad wildcard, or ENOMEM).
 */
int	property_names_resolve(const struct psobj *o, const char *const *names,
	    size_t n, struct property_refs *out, char *err, size_t errlen);

void	property_refs_free(struct property_refs *refs);

#endif /* TNC_OBJECTS_PROPERTY_NAMES_H */
