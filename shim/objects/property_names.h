#ifndef TNC_OBJECTS_PROPERTY_NAMES_H
#define TNC_OBJECTS_PROPERTY_NAMES_H

#include <stddef.h>
#include "objects/psobj.h"

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
 * property_names_resolve()
 * Resolves names[0..n) against o (NULL: an object without members, such
 * as a bool).  Duplicates are kept; the caller decides.  Returns 0, or -1
 * with a sentence in err (a bad wildcard, or ENOMEM).
 */
int	property_names_resolve(const struct psobj *o, const char *const *names,
	    size_t n, struct property_refs *out, char *err, size_t errlen);

void	property_refs_free(struct property_refs *refs);

#endif /* TNC_OBJECTS_PROPERTY_NAMES_H */
