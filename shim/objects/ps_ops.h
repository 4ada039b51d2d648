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
 *   - arithmetic is done in the larger operand's type and becomes a Double
 *     on overflow (5.1's IntOps: [int]::MaxValue + 1 is a Double); / of
 *     integers gives an integer when exact, else a Double;
 *   - "a" + 1 is "a1", 1 + "2" is 3, @(1) + 2 is 1,2, "ab" * 2 is "abab";
 *   - -like uses PowerShell wildcards, -match / -replace / -split regular
 *     expressions (.NET syntax as far as pcre2 shares it), -match fills
 *     $Matches;
 *   - -f is .NET composite formatting ({0}, {0,-10}, {0:N2}, {1:D3}, ...).
 * No .NET method or type beyond the short list below is reachable: scripts
 * cannot call anything else (issue 11, "safety stays absolute").
 *
 * Ownership: the operands are borrowed and never changed (but for the
 * ps_set_* and ps_method_update functions, which change *v); every *out
 * is a new value the caller frees with psobj_value_free(), PSOBJ_NULL
 * when a call fails.  Culture: en-US wherever .NET uses the current
 * culture (-f, ToString(), ToString(fmt)), the invariant culture where
 * PowerShell uses it ("$x", casts, comparisons); see README, "Script
 * semantics: choices".
 *
 * Errors: -1 with e filled (e need not be initialized: every call
 * starts it empty).  e->nomem means the machine failed (ENOMEM):
 * report it as such, never as the script's error.  Otherwise e is the
 * script's runtime error, as 5.1 words it: a terminating error of the
 * statement (the evaluator decides whether try/catch sees it).  The
 * caller frees e with ps_op_error_free() either way.  Messages keep
 * .NET's "\n" inside (ArgumentException's "Parameter name: x" line):
 * the renderer writes its own line ends.
 *
 * Values the model stores in a particular way (objects/psobj.h): a
 * Decimal is PSOBJ_DOUBLE of type System.Decimal with its digits in s
 * (ps_convert() of "1.50" to "decimal" makes one: literals like 1.50d
 * are their digits cast); a Char is a PSOBJ_STRING of type System.Char;
 * a TimeSpan a PSOBJ_OBJECT of type System.TimeSpan; a DateTime from a
 * string cast has Kind Unspecified (d = 1).
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
 * l op r (op_case: -eq / -ieq / -ceq) into *out: every binary operator
 * of base/operators.h but the assignments (+= is ADD, then the
 * assignment).  -and and -or here evaluate both sides: short-circuiting
 * is the evaluator's.  For -is / -isnot / -as, r is the type's name as
 * written ("int", "System.Int32", "string[]").  For -match and -notmatch
 * with a scalar left operand that matched, *matches (when not NULL) is
 * set to the $Matches hashtable: key "0" the whole match, "1".. the
 * groups (numbered as .NET numbers them), named groups by name (keys are
 * strings; see README); otherwise *matches is PSOBJ_NULL and $Matches
 * keeps its value, as in 5.1.  Returns 0, or -1 with e filled (a runtime
 * error, or e->nomem).
 */
int	ps_op_binary(enum ps_op op, enum ps_op_case op_case,
	    const struct psobj_value *l, const struct psobj_value *r,
	    struct psobj_value *out, struct psobj_value *matches,
	    struct ps_op_error *e);

/*
 * -not / ! (PS_OP_NOT), unary - and + (PS_OP_NEGATE, PS_OP_PLUS), unary
 * -join and -split.  0, or -1 with e.
 */
int	ps_op_unary(enum ps_op op, const struct psobj_value *v,
	    struct psobj_value *out, struct ps_op_error *e);

/*
 * ps_compare_values()
 * LanguagePrimitives.Compare(a, b, ignore_case): *cmp < 0, 0 or > 0, what
 * Sort-Object and Measure-Object order by.  $null sorts before anything
 * but a negative number; strings compare in the invariant culture's
 * order; numbers by value across types; otherwise b is converted to a's
 * type.  Values that cannot be ordered: -1 with e (5.1's text).
 */
int	ps_compare_values(const struct psobj_value *a,
	    const struct psobj_value *b, bool ignore_case, int *cmp,
	    struct ps_op_error *e);

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
 * ps_set_member()
 * v.name = value (a copy is stored): a hashtable's entry (added when
 * new), an object's existing property.  Anything else is 5.1's "The
 * property 'x' cannot be found on this object..." (or "... is a ReadOnly
 * property.").  Returns 0, or -1 with e.
 */
int	ps_set_member(struct psobj_value *v, const char *name,
	    const struct psobj_value *value, struct ps_op_error *e);

/*
 * ps_set_index()
 * v[index] = value (a copy): an array's item (negative from the end;
 * outside it "Index was outside the bounds of the array."), a
 * hashtable's entry.  Returns 0, or -1 with e.
 */
int	ps_set_index(struct psobj_value *v, const struct psobj_value *index,
	    const struct psobj_value *value, struct ps_op_error *e);

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
 * Substring IndexOf LastIndexOf PadLeft PadRight Insert Remove
 * ToCharArray on strings; ToString() and ToString(fmt), GetType(),
 * Equals() on anything; the DateTime methods AddDays .. AddMilliseconds
 * AddTicks AddMonths AddYears ToUniversalTime ToLocalTime Subtract
 * To{Short,Long}{Date,Time}String; an array's Contains and IndexOf, and
 * any other method called on each item (member enumeration); a
 * hashtable's ContainsKey, Contains, ContainsValue.  A .NET method
 * outside the list is a "not supported by tnc" error, a name .NET does
 * not have 5.1's MethodNotFound.  Returns 0, or -1 with e.
 */
int	ps_method(const struct psobj_value *v, const char *name,
	    const struct psobj_value *args, size_t nargs,
	    struct psobj_value *out, struct ps_op_error *e);

/*
 * ps_method_update()
 * ps_method() for a target the call may change: a hashtable's Add(key,
 * value), Remove(key) and Clear() change *v; every other method is
 * ps_method()'s.  The evaluator calls this one when the target is a
 * variable or a member it can write back.
 */
int	ps_method_update(struct psobj_value *v, const char *name,
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

/* DateTime.Now (Kind Local, the machine's zone) and UtcNow. */
struct psobj_value ps_datetime_now(bool utc);

/*
 * ps_datetime_format()
 * A DateTime (ticks) in a .NET format: a standard one ("d", "G", "o",
 * "s", "u", ...) or a custom pattern ("yyyy-MM-dd HH:mm:ss.fff").
 * malloc'd; NULL on ENOMEM or a bad format (errno EINVAL).
 */
char	*ps_datetime_format(long long ticks, bool utc, const char *fmt);

#endif /* TNC_OBJECTS_PS_OPS_H */
