#ifndef TNC_RUNTIME_CALC_PROPERTY_H
#define TNC_RUNTIME_CALC_PROPERTY_H

#include <stddef.h>

#include "objects/property_names.h"
#include "parsers/ps_error.h"
#include "parsers/command_line.h"
#include "runtime/interp.h"

/*
 * Select-Object's calculated properties (about_Calculated_Properties):
 * a hashtable among -Property's names, @{Name = 'Port'; Expression = {
 * $_.RemotePort }}, is a property of that label whose value, for each
 * object, is what the script block gives with $_ set to the object (or,
 * for a string Expression, the object's member of that name).  Keys are
 * Name or Label, and Expression, any case, any prefix (@{n=...; e=...});
 * without a Name the label is the Expression's text.
 *
 * Ours (ParserError layout, as stage.c's refusals):
 *   CalculatedPropertyNotSupported  a hashtable of other keys, two names,
 *                                   or no Expression
 */

struct calc_property {
	size_t	at;			/* its place among -Property's names */
	char	*label;
	const struct psobj_value *expr;	/* a script block, or a member's
					   name (the command's, borrowed) */
	struct psobj_value value;	/* for the object at hand */
};

struct calc_properties {
	struct calc_property *v;
	size_t	n;
	const char **names;		/* -Property's names, a calculated
					   one's label in its place; NULL when
					   there is none */
};

/*
 * calc_properties_read()
 * The calculated properties among -Property's values (pv, as bound; its
 * leaves in the order of props[0..nprops), stage_strings()'s) into cp.
 * Returns 0, or -1 with e (a hashtable tnc does not take, ENOMEM).
 */
int	calc_properties_read(struct calc_properties *cp, const struct ps_value *pv,
	    char *const *props, size_t nprops, struct ps_error *e);
void	calc_properties_free(struct calc_properties *cp);

/*
 * calc_properties_eval()
 * Each one's value for object v, set as its name's fixed value in names
 * (property_names_set_calculated()).  FLOW_NEXT, or how a block left.
 */
enum flow calc_properties_eval(struct calc_properties *cp, struct interp *in,
	    const struct psobj_value *v, struct property_names *names);

#endif /* TNC_RUNTIME_CALC_PROPERTY_H */
