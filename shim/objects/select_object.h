#ifndef TNC_OBJECTS_SELECT_OBJECT_H
#define TNC_OBJECTS_SELECT_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include "objects/property_names.h"
#include "objects/psobj.h"

/*
 * Select-Object over a stream of values (spec 3.6-3.7; S6 Select-Object.cs).
 * The executor binds the parameters into a select_spec and calls
 * select_object() once with the whole input stream.
 */
struct select_spec {
	const char *const *props;	/* -Property names/wildcards; NULL: none */
	size_t	nprops;
	const char *expand;		/* -ExpandProperty, or NULL */
	bool	has_first;		/* -First given */
	size_t	first;
	bool	has_last;		/* -Last given */
	size_t	last;
};

/*
 * select_object()
 * -First N keeps the first N input values, -Last N the last N (both: the
 * first N, then the last N of the rest, as SelectObjectQueue does), then
 * each kept value is processed:
 *  - neither -Property nor -ExpandProperty: it passes through unchanged;
 *  - -Property: a new object "Selected.<type>" with one property per
 *    resolved name (property_names.h); a second property of the same name
 *    is left out with the error `The property cannot be processed because
 *    the property "X" already exists.`;
 *  - -ExpandProperty: the property's value: a scalar or an object passes
 *    through (with the -Property properties added to an object), an array
 *    gives its items one by one, null gives nothing; no such property is
 *    the error `Property "X" cannot be found.`.
 * Such errors are non-terminating as in PowerShell: that input value gives
 * no output and the rest go on.
 * Sets *out (malloc'd, free with select_values_free()) and *nout.  Returns
 * 0; 1 when non-terminating errors happened (the first one's message in
 * *err, their count in *nerrors if not NULL); -1 on a bad wildcard or
 * ENOMEM (message in *err, nothing in *out). *err is malloc'd (the
 * caller frees it; NULL when memory ran out), or NULL with 0.
 */
int	select_object(const struct psobj_value *in, size_t n,
	    const struct select_spec *spec, struct psobj_value **out,
	    size_t *nout, size_t *nerrors, char **err);

/*
 * select_value()
 * What Select-Object's -Property and -ExpandProperty make of ONE input
 * value (-First and -Last are the caller's): its output values in *out
 * (free with select_values_free()) and the text of each non-terminating
 * error in *errors (free with select_errors_free()).  names are
 * spec->props compiled.  Returns 0, or -1 with a sentence in err (a pcre2
 * error, ENOMEM) and nothing in *out or *errors.
 */
int	select_value(const struct psobj_value *in,
	    const struct select_spec *spec, const struct property_names *names,
	    struct psobj_value **out, size_t *nout, char ***errors,
	    size_t *nerrors, char *err, size_t errlen);

void	select_errors_free(char **errors, size_t n);

/* Frees n values and the array. */
void	select_values_free(struct psobj_value *v, size_t n);

#endif /* TNC_OBJECTS_SELECT_OBJECT_H */
