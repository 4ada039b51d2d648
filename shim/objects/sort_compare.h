#ifndef TNC_OBJECTS_SORT_COMPARE_H
#define TNC_OBJECTS_SORT_COMPARE_H

#include <stdbool.h>

#include "objects/psobj.h"

/*
 * How Sort-Object and Measure-Object compare two values: 5.1's
 * ObjectCommandComparer, which asks LanguagePrimitives.Compare (the
 * comparison operators' rules, objects/ps_ops.h: the left value decides
 * the conversion, numbers as numbers, text in the culture's order without
 * regard to case unless asked, $null below everything but negative
 * numbers) and, where that fails (an object that is not IComparable, a
 * text that is no number), compares the two values' texts instead.
 */

/*
 * sort_compare()
 * <0, 0 or >0 as a sorts before, with or after b.  *nomem is set when the
 * machine ran out of memory (the answer is then 0).
 */
int	sort_compare(const struct psobj_value *a, const struct psobj_value *b,
	    bool ignore_case, bool *nomem);

/*
 * sort_to_double()
 * LanguagePrimitives.TryConvertTo<double>: what [double] makes of v
 * (numbers, booleans, $null and "" as 0, number texts).  false when the
 * cast fails (an object, a DateTime, "abc"); *nomem on ENOMEM.
 */
bool	sort_to_double(const struct psobj_value *v, double *d, bool *nomem);

#endif /* TNC_OBJECTS_SORT_COMPARE_H */
