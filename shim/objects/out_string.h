#ifndef TNC_OBJECTS_OUT_STRING_H
#define TNC_OBJECTS_OUT_STRING_H

#include <stdbool.h>
#include <stddef.h>
#include "objects/psobj.h"

/*
 * Out-String (spec 3.6): the text the formatters would print, as string
 * values instead of lines on the host.
 */

/*
 * out_string_split()
 * text is what a formatter wrote, every line ended by nl.  Without
 * stream: one string, text itself (each line followed by a newline, the
 * envelope lines included).  With -Stream: one string per line, without
 * its newline.  Sets *out (free with select_values_free()) and *nout;
 * returns 0, or -1 (ENOMEM).
 */
int	out_string_split(const char *text, const char *nl, bool stream,
	    struct psobj_value **out, size_t *nout);

/*
 * out_string()
 * Out-String of unformatted values: Out-Default's shapes
 * (object_format_out_default()) rendered with tables width columns wide
 * (-Width; 0: 120), then out_string_split().  Lists never wrap (Out-String's
 * default width is int.MaxValue; a -Width narrower than a list line is not
 * applied: tnc never wraps list values).  Returns 0, or -1 (ENOMEM).
 */
int	out_string(const struct psobj_value *in, size_t n, enum ps_edition ed,
	    size_t width, enum tnc_newline nl, bool stream,
	    struct psobj_value **out, size_t *nout);

#endif /* TNC_OBJECTS_OUT_STRING_H */
