#ifndef TNC_OBJECTS_PS_OPS_H
#define TNC_OBJECTS_PS_OPS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/operators.h"
#include "objects/psobj.h"

/*
 * PowerShell's operators, conversions and the few .NET members scripts
 * around tnc use, on pipeline values, with Windows PowerShell 5.1's
 * semantics (LanguagePrimitives, the binder's operator rules):
 *   - the left operand decides the conversion of the right (1 -eq "01" is
 *     True, "01" -eq 1 is False);
 *   - string comparison ignores case unless the -c form is used;
 *   - a comparison with an array on the left filters it (1,2,3 -gt 1 is
 *     2,3); -contains / -in look for an element;
 *   - Int32 arithmetic widens to Int64 and then Double on overflow; / of
 *     integers gives an integer when exact, else a Double;
 *   - "a" + 1 is "a1", 1 + "2" is 3, @(1) + 2 is 1,2, "ab" * 2 is "abab";
 *   - -like uses PowerShell wildcards, -match / -replace / -split regular
 *     expressions (.NET syntax as far as pcre2 shares it), -match fills
 *     $Matches;
 *   - -f is .NET composite formatting ({0}, {0,-10}, {0:N2}, {1:D3}, ...).
 * No .NET method or type beyond the short list below is reachable: scripts
 * cannot call anything else (issue 11, "safety stays absolute").
 */

/*
 * A runtime error, as PowerShell's RuntimeException / PSInvalidCastException
 * / MethodInvocationException records say it (5.1 texts), e.g.
 *   message  Cannot convert value "abc" to type "System.Int32". Error:
 *            "Input string was not in a correct format."
 *   error_id InvalidCastFromStringToInteger   category InvalidArgument
 */
struct ps_op_error {
	char	*message;		/* malloc'd; NULL when none */
	const char *error_id;		/* FullyQualifiedErrorId */
	const char *category;		/* ErrorCategory, e.g. "InvalidArgument" */
	const char *exception;		/* e.g. "RuntimeException" */
	bool	nomem;			/* the failure was ENOMEM, not the script's */
};

void	ps_op_error_free(struct ps_op_error *e);

/*
 * ps_op_binary()
 * l op r (op_case: -eq / -ieq / -ceq) into *out.  For -match and -notmatch
 * with a scalar left operand that matched, *matches (when not NULL) is set
 * to the $Matches hashtable: key "0" the whole match, "1".. the groups,
 * named groups by name (keys are strings; see README).  Returns 0, or -1
 * with e filled (a runtime error, or e->nomem).
 */
int	ps_op_binary(enum ps_op op, enum ps_op_case op_case,
	    const struct psobj_value *l, const struct psobj_value *r,
	    struct psobj_value *out, struct psobj_value *matches,
	    struct ps_op_error *e);

/* -not / ! , unary - and +, unary -join and -split.  0, or -1 with e. */
int	ps_op_unary(enum ps_op op, const struct psobj_value *v,
	    struct psobj_value *out, struct ps_op_error *e);

/* LanguagePrimitives.IsTrue: what `if ($x)` sees. */
bool	ps_is_true(const struct psobj_value *v);

/*
 * ps_to_string()
 * PowerShell's conversion of v to a string (what "$v" and a [string]
 * cast give): null "", True/False, invariant numbers (Double by 5.1's
 * "R"-less ToString), an array's items joined by a space ($OFS), an
 * object's ToString().  malloc'd; NULL on ENOMEM.
 */
char	*ps_to_string(const struct psobj_value *v);

/*
 * ps_convert()
 * [type] v, for the casts scripts use: int, long, double, decimal, string,
 * bool, datetime, array / object[], pscustomobject (from a hashtable: an
 * object with its entries as properties, in order), hashtable,
 * ordered.  type as written, any case, with or without "System.".
 * Returns 0, or -1 with e (PSInvalidCastException texts; an unknown or
 * unsupported type: a "not supported by tnc" message).
 */
int	ps_convert(const struct psobj_value *v, const char *type,
	    struct psobj_value *out, struct ps_op_error *e);

/* Whether type (as written) is one ps_convert() knows. */
bool	ps_type_known(const char *type);

/*
 * ps_member()
 * v.name for the members scripts read: an object's property, a
 * hashtable's entry (and .Count .Keys .Values), a string's .Length, an
 * array's .Count / .Length (and member enumeration: each item's member,
 * null results dropped), a DateTime's parts (.Year .Month .Day .Hour
 * .Minute .Second .DayOfWeek ...).  A member that does not exist gives
 * $null (*found false), as PowerShell does outside strict mode.  Returns
 * 0, or -1 with e.
 */
int	ps_member(const struct psobj_value *v, const char *name,
	    struct psobj_value *out, bool *found, struct ps_op_error *e);

/*
 * ps_index()
 * v[index]: an array's item (negative counts from the end; out of range
 * gives $null), several indexes give several items, a string's character,
 * a hashtable's entry.  Returns 0, or -1 with e.
 */
int	ps_index(const struct psobj_value *v, const struct psobj_value *index,
	    struct psobj_value *out, struct ps_op_error *e);

/*
 * ps_method()
 * v.name(args) for the short list scripts around tnc use: Trim TrimStart
 * TrimEnd Split ToLower ToUpper Replace Contains StartsWith EndsWith
 * Substring IndexOf ToString on strings (ToString(fmt) on numbers and
 * DateTimes), and the DateTime methods AddSeconds AddMinutes AddHours
 * AddDays ToString.  Anything else is a "not supported by tnc" error
 * (MethodNotFound's shape).  Returns 0, or -1 with e.
 */
int	ps_method(const struct psobj_value *v, const char *name,
	    const struct psobj_value *args, size_t nargs,
	    struct psobj_value *out, struct ps_op_error *e);

/*
 * ps_format()
 * fmt -f args: .NET composite formatting, with the en-US culture.
 * args is a scalar or an array (its items are the arguments).
 * Returns 0 with a string value, or -1 with e (FormatException text).
 */
int	ps_format(const struct psobj_value *fmt, const struct psobj_value *args,
	    struct psobj_value *out, struct ps_op_error *e);

/* DateTime.Now (Local) and UtcNow. */
struct psobj_value ps_datetime_now(bool utc);

/*
 * ps_datetime_format()
 * A DateTime (ticks) in a .NET format: a standard one ("d", "G", "o",
 * "s", "u", ...) or a custom pattern ("yyyy-MM-dd HH:mm:ss.fff").
 * malloc'd; NULL on ENOMEM or a bad format (errno EINVAL).
 */
char	*ps_datetime_format(long long ticks, bool utc, const char *fmt);

#endif /* TNC_OBJECTS_PS_OPS_H */
