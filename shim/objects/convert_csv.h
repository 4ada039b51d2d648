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
 * The lines one at a time, for the streaming ConvertTo-Csv and Export-Csv
 * (ExportCsvHelper): the "#TYPE" line of the first (non-null) object; the
 * columns, which the first object's property names set (or an existing
 * file's header, for Export-Csv -Append); the header line and one row per
 * object under those columns, fields separated by delim.  Lines are
 * malloc'd; NULL on ENOMEM.
 */
struct csv_columns {
	char	**names;
	size_t	n;
};

char	*convert_csv_type_line(const struct psobj_value *first);

/* The columns of first: an object's properties, a string's Length.  0 or -1. */
int	csv_columns_of(const struct psobj_value *first, struct csv_columns *c);

/*
 * The columns a header line names (a CSV record: fields separated by
 * delim, quoted ones with '"' doubled inside).  0, or -1 (ENOMEM).
 */
int	csv_columns_parse(const char *line, char delim, struct csv_columns *c);

/* The index of name among c's columns (any case), or -1. */
int	csv_column_find(const struct csv_columns *c, const char *name);

void	csv_columns_free(struct csv_columns *c);

char	*csv_header_line(const struct csv_columns *c, char delim);
char	*csv_row_line(const struct csv_columns *c, const struct psobj_value *v,
	    char delim);

#endif /* TNC_OBJECTS_CONVERT_CSV_H */
