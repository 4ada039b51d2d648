#ifndef TNC_OBJECTS_CONVERT_CSV_H
#define TNC_OBJECTS_CONVERT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include "objects/psobj.h"

/*
 * convert_to_csv()
 * ConvertTo-Csv as Windows PowerShell 5.1 writes it (ExportCsvHelper), one
 * string value per line:
 *   #TYPE <type name of the first object>     (unless no_type_info)
 *   "Name1","Name2",...                       (the first object's properties)
 *   "value1","value2",...                     (one line per object)
 * Every value is its ToString() (arrays: "System.Object[]" and the like)
 * in double quotes with '"' doubled; a null value or a property the object
 * lacks is an empty field without quotes; an empty string is "".  A string
 * input has the one property Length; other scalars have none.
 * Sets *out (free with select_values_free()) and *nout; returns 0, or -1
 * (ENOMEM).
 */
int	convert_to_csv(const struct psobj_value *in, size_t n, bool no_type_info,
	    struct psobj_value **out, size_t *nout);

/*
 * The lines one at a time, for a streaming ConvertTo-Csv: the "#TYPE"
 * line of the first (non-null) object, and the header (v NULL) or the row
 * of v under the first object's property names.  malloc'd; NULL on ENOMEM.
 */
char	*convert_csv_type_line(const struct psobj_value *first);
char	*convert_csv_line(const struct psobj_value *first,
	    const struct psobj_value *v);

#endif /* TNC_OBJECTS_CONVERT_CSV_H */
