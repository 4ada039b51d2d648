#ifndef TNC_OBJECTS_CONVERT_JSON_H
#define TNC_OBJECTS_CONVERT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include "objects/psobj.h"

/* ConvertTo-Json's default -Depth */
#define JSON_DEFAULT_DEPTH	2

/*
 * convert_to_json()
 * ConvertTo-Json as Windows PowerShell 5.1 prints it: one value for one
 * input, an array of all of them for several, none for none (*out NULL).
 *
 * Values: null, true/false, integers and enums as numbers, strings with
 * JavaScriptSerializer's escapes (\" \\ \b \f \n \r \t, other control
 * characters and < > ' & as \u00xx with lowercase hex).  An object or
 * array nested deeper than depth becomes its string conversion: an
 * object's ToString(), an array's items joined by spaces.
 *
 * Layout (5.1's own pretty printer over the serializer's output): each
 * member on its own line as `"Name":  value` (two spaces), the members of
 * an object or the items of an array indented 4 columns past the column of
 * its opening bracket, and the closing bracket on a line of its own at
 * that column; an empty object or array keeps an empty line between its
 * brackets.  compress gives the serializer's output as is:
 * {"Name":value,...}.  Lines are joined by nl (5.1 writes "\r\n").
 *
 * Returns 0 with *out malloc'd, or -1 (ENOMEM).
 */
int	convert_to_json(const struct psobj_value *in, size_t n, int depth,
	    bool compress, const char *nl, char **out);

#endif /* TNC_OBJECTS_CONVERT_JSON_H */
