#ifndef TNC_OBJECTS_PS_COMPARE_H
#define TNC_OBJECTS_PS_COMPARE_H

#include <stdbool.h>

#include "objects/psobj.h"

/*
 * How Sort-Object and Measure-Object compare values (5.1's
 * ObjectCommandComparer over LanguagePrimitives.Compare, en-US culture):
 *   - null (or a missing property) before anything else;
 *   - numbers (Int32, Int64, Double, Decimal, Byte ...) numerically;
 *   - a number and a string: the right converted to the left's kind
 *     (a string that is no number makes both compare as text);
 *   - booleans False before True;
 *   - DateTimes by their ticks;
 *   - anything else by its text (ToString), as the comparer falls back.
 * Text compares as the en-US culture's CompareInfo does for the text
 * scripts sort (host names, addresses): punctuation before digits before
 * letters, letters without regard to case, '-' and '\'' set aside until
 * the rest is equal (NLS word sort: "sql-b" after "sqla"); unless
 * ignore_case, lower case before upper case as the last difference.
 * Characters past ASCII compare by code point (README: choices).
 *
 * The operators' -lt / -gt (objects/ps_ops.h) are the same comparison on
 * the invariant culture; this module is the one place the sorting
 * commands take it from until those land.
 */

/* <0, 0 or >0 as a sorts before, with or after b. */
int	ps_compare_values(const struct psobj_value *a,
	    const struct psobj_value *b, bool ignore_case);

/* The same for two texts (UTF-8). */
int	ps_compare_text(const char *a, const char *b, bool ignore_case);

/* a and b by their ToString() texts (the comparer's fallback). */
int	ps_compare_as_text(const struct psobj_value *a,
	    const struct psobj_value *b, bool ignore_case);

/*
 * ps_value_to_double()
 * LanguagePrimitives.TryConvertTo<double>: numbers, booleans (1/0), null
 * and "" (0), and strings holding a PowerShell number ("0x10", " 5 ",
 * "1e3").  false for anything else (an object, a DateTime, "abc").
 */
bool	ps_value_to_double(const struct psobj_value *v, double *d);

#endif /* TNC_OBJECTS_PS_COMPARE_H */
