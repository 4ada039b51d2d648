#ifndef TNC_OBJECTS_PS_OPS_IMPL_H
#define TNC_OBJECTS_PS_OPS_IMPL_H

/*
 * What the ps_*.c files that implement objects/ps_ops.h share: errors in
 * PowerShell's shape, numbers as .NET keeps them (type codes, Decimal),
 * UTF-8 text measured in UTF-16 units, culture comparison, DateTime
 * arithmetic.  Private to those files: callers include objects/ps_ops.h.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "objects/ps_ops.h"

/* The largest string or array a script may build: beyond it an error of
   the script's ("not supported by tnc"), never an attempt and ENOMEM. */
#define PS_RESULT_LIMIT	(64UL * 1024 * 1024)

/* ---- errors (ps_op_error.c) ------------------------------------------- */

/* Fills e with a message made from fmt; returns -1. */
int	ps_fail(struct ps_op_error *e, const char *id, const char *category,
	    const char *exception, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* e says ENOMEM (not the script's fault); returns -1. */
int	ps_fail_nomem(struct ps_op_error *e);
/* "<what> is not supported by tnc." (NotSupported); returns -1. */
int	ps_fail_unsupported(struct ps_op_error *e, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A result over PS_RESULT_LIMIT: "not supported by tnc"; returns -1. */
int	ps_fail_too_large(struct ps_op_error *e);
/*
 * PSInvalidCastException with an inner message: Cannot convert value
 * "<value>" to type "<type>". Error: "<inner>".  Returns -1.
 */
int	ps_fail_cast(struct ps_op_error *e, const char *id, const char *value,
	    const char *type, const char *inner);
/*
 * Cannot convert the "<v>" value of type "<v's type>" to type "<type>".
 * (ConvertToFinalInvalidCastException).  Returns -1.
 */
int	ps_fail_cast_value(struct ps_op_error *e, const struct psobj_value *v,
	    const char *type);
/* A .NET exception escaping an expression: OperationStopped, System.<exc>. */
int	ps_fail_dotnet(struct ps_op_error *e, const char *exception,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Moves src's contents into dst (dst's old contents freed). */
void	ps_op_error_move(struct ps_op_error *dst, struct ps_op_error *src);

/* ---- values ----------------------------------------------------------- */

#define PS_PSCUSTOMOBJECT	"System.Management.Automation.PSCustomObject"
#define PS_TIMESPAN		"System.TimeSpan"
#define PS_CHAR			"System.Char"

/* The .NET type name of v ("System.Int32", an object's type name); "" for null. */
const char *ps_type_name(const struct psobj_value *v);
bool	ps_is_char(const struct psobj_value *v);
bool	ps_is_custom_object(const struct psobj_value *v);
bool	ps_is_timespan(const struct psobj_value *v);
/* Appends a copy of v to the array a (kind ARRAY). */
int	ps_array_push_copy(struct psobj_value *a, const struct psobj_value *v);
/* Appends v (taken over) to a. */
int	ps_array_push(struct psobj_value *a, struct psobj_value v);
/* A string value taking over s (NULL s: ENOMEM, -1). */
int	ps_string_take(struct psobj_value *out, char *s);
/*
 * An item inside "$array" or "$o": PSObject.ToString without recursion,
 * so a nested array is its type name.  0, or -1 on ENOMEM.
 */
int	ps_put_item_text(FILE *m, const struct psobj_value *it);
/* A PSCustomObject's text as "$o" shows it: @{a=1; b=x}. */
char	*ps_custom_object_text(const struct psobj *o);
/* A TimeSpan object of ticks. */
int	ps_timespan(struct psobj_value *out, long long ticks);
long long ps_timespan_ticks(const struct psobj_value *v);

/* ---- numbers (ps_number.c) -------------------------------------------- */

/* .NET TypeCode values: their order decides an operation's type. */
enum ps_tc {
	PS_TC_NONE = 0,
	PS_TC_BOOL = 3, PS_TC_CHAR, PS_TC_SBYTE, PS_TC_BYTE, PS_TC_INT16,
	PS_TC_UINT16, PS_TC_INT32, PS_TC_UINT32, PS_TC_INT64, PS_TC_UINT64,
	PS_TC_SINGLE, PS_TC_DOUBLE, PS_TC_DECIMAL
};

/* A System.Decimal: coef / 10^scale, |coef| < 2^96, scale 0..28. */
struct ps_dec {
	__int128 coef;
	int	scale;
};

struct ps_num {
	enum ps_tc tc;
	long long i;		/* BOOL, CHAR and the integer kinds (UInt64: bits) */
	double	d;		/* SINGLE, DOUBLE */
	struct ps_dec dec;	/* DECIMAL */
};

/* v's TypeCode: numbers (enums: their underlying Int32), Boolean, else NONE. */
enum ps_tc ps_typecode(const struct psobj_value *v);
/* A number (an INT, enum or not, or a DOUBLE), not a bool. */
bool	ps_is_number(const struct psobj_value *v);
/* v (a number, bool or Char: its code) as a ps_num; -1 when it is none. */
int	ps_num_of(const struct psobj_value *v, struct ps_num *n);
/* n as a pipeline value. */
int	ps_num_value(const struct ps_num *n, struct psobj_value *out);
const char *ps_tc_type(enum ps_tc tc);
bool	ps_tc_is_integer(enum ps_tc tc);
bool	ps_tc_signed(enum ps_tc tc);
double	ps_num_double(const struct ps_num *n);
/* The numeric value of n widened to a Decimal (Double: 15 digits); -1 overflow. */
int	ps_num_decimal(const struct ps_num *n, struct ps_dec *d);

int	ps_dec_parse(const char *s, struct ps_dec *d);	/* Decimal.Parse, Number style */
char	*ps_dec_text(const struct ps_dec *d);
double	ps_dec_double(const struct ps_dec *d);
int	ps_dec_from_double(double x, struct ps_dec *d);
int	ps_dec_cmp(const struct ps_dec *a, const struct ps_dec *b);
/* + - * / %: 0, -1 overflow, -2 division by zero. */
int	ps_dec_arith(int op, const struct ps_dec *a, const struct ps_dec *b,
	    struct ps_dec *r);
/* Rounds to scale digits (half to even when even, else away from zero). */
void	ps_dec_round(struct ps_dec *d, int scale, bool even);
int	ps_decimal_value(const struct ps_dec *d, struct psobj_value *out);

/*
 * ps_scan_number()
 * Parser.ScanNumber: s as a PowerShell number literal (hex, exponent, a
 * d/l suffix, kb..pb), white space around it allowed; "" is 0.  Returns 1
 * with *out, 0 when s is no literal, -1 on ENOMEM.
 */
int	ps_scan_number(const char *s, struct psobj_value *out);
/*
 * ps_string_number()
 * A string operand of arithmetic or of a comparison with a number on the
 * left: Parser.ScanNumber, else ConvertTo(s, tc) (tc not a number: Int32).
 * Returns 0, or -1 with e (the cast's error).
 */
int	ps_string_number(const char *s, enum ps_tc tc, struct ps_num *n,
	    struct ps_op_error *e);
/* Banker's rounding of x into a long long; false when it does not fit. */
bool	ps_round_even(double x, long long *r);

/* ---- text (ps_text.c) ------------------------------------------------- */

/* The next code point of UTF-8 text (a bad byte is itself); *p advances. */
uint32_t ps_utf8_next(const char **p);
void	ps_utf8_put(FILE *m, uint32_t c);
/* c's UTF-8 bytes, NUL-terminated; their count. */
size_t	ps_utf8_encode(uint32_t c, char out[5]);
/* Length in UTF-16 code units (what .NET's Length counts). */
size_t	ps_utf16_len(const char *s);
/* The byte offset of UTF-16 unit n of s (n may be the length). */
size_t	ps_utf16_offset(const char *s, size_t n);
/* The UTF-16 unit index of byte offset off. */
size_t	ps_utf16_index(const char *s, size_t off);
uint32_t ps_lower(uint32_t c);
uint32_t ps_upper(uint32_t c);
bool	ps_is_space(uint32_t c);	/* Char.IsWhiteSpace */
/* Copies of s in lower / upper case; NULL on ENOMEM. */
char	*ps_str_lower(const char *s);
char	*ps_str_upper(const char *s);
/* String.Equals (culture, ordinal for our purposes) with or without case. */
bool	ps_str_eq(const char *a, const char *b, bool ignore_case);
/* String.Compare with InvariantCulture[IgnoreCase]: <0, 0, >0. */
int	ps_str_compare(const char *a, const char *b, bool ignore_case);
/* n bytes of s as a string value. */
int	ps_string_n(struct psobj_value *out, const char *s, size_t n);

/* ---- conversions (ps_convert.c) --------------------------------------- */

/* LanguagePrimitives.ConvertTo for the type codes above. */
int	ps_convert_tc(const struct psobj_value *v, enum ps_tc tc,
	    struct psobj_value *out, struct ps_op_error *e);
/* String -> DateTime as casts parse it (invariant culture). */
int	ps_convert_datetime(const struct psobj_value *v, struct psobj_value *out,
	    struct ps_op_error *e);
/* Object.Equals: the same .NET type and value (or the same object). */
bool	ps_dotnet_equals(const struct psobj_value *a,
	    const struct psobj_value *b);
/* LanguagePrimitives.Equals (what -contains and -in use). */
int	ps_lp_equals(const struct psobj_value *a, const struct psobj_value *b,
	    bool ignore_case, bool *eq, struct ps_op_error *e);
/* Whether v is a list PowerShell enumerates (our arrays). */
bool	ps_is_enumerable(const struct psobj_value *v);

/* -is / -isnot: whether v is of the type written (ps_cast.c). */
int	ps_type_test(const struct psobj_value *v, const char *type, bool *is,
	    struct ps_op_error *e);

/* ---- comparisons and arithmetic (ps_compare.c, ps_arith.c) ------------ */

/* The binder's -eq on scalars (left decides). */
int	ps_equal(const struct psobj_value *l, const struct psobj_value *r,
	    bool ignore_case, bool *eq, struct ps_op_error *e);
/* -lt/-gt on non-null scalars: *cmp <0, 0, >0. */
int	ps_compare(const struct psobj_value *l, const struct psobj_value *r,
	    bool ignore_case, int *cmp, struct ps_op_error *e);
/* Comparison operators, array filtering included. */
int	ps_op_compare(enum ps_op op, bool ignore_case,
	    const struct psobj_value *l, const struct psobj_value *r,
	    struct psobj_value *out, struct ps_op_error *e);
/* + - * / % */
int	ps_op_arith(enum ps_op op, const struct psobj_value *l,
	    const struct psobj_value *r, struct psobj_value *out,
	    struct ps_op_error *e);
/* Numeric +-*%/ of two ps_nums, with PowerShell's promotion. */
int	ps_num_arith(enum ps_op op, const struct ps_num *a,
	    const struct ps_num *b, struct psobj_value *out,
	    struct ps_op_error *e);
/* Compares two numbers: <0, 0, >0 (NaN: unordered, *cmp 2). */
int	ps_num_cmp(const struct ps_num *a, const struct ps_num *b);

/* ---- regular expressions (ps_regex.c) --------------------------------- */

int	ps_op_like(bool not, bool ignore_case, const struct psobj_value *l,
	    const struct psobj_value *r, struct psobj_value *out,
	    struct ps_op_error *e);
int	ps_op_match(bool not, bool ignore_case, const struct psobj_value *l,
	    const struct psobj_value *r, struct psobj_value *out,
	    struct psobj_value *matches, struct ps_op_error *e);
int	ps_op_replace(bool ignore_case, const struct psobj_value *l,
	    const struct psobj_value *r, struct psobj_value *out,
	    struct ps_op_error *e);
int	ps_op_split(bool ignore_case, const struct psobj_value *l,
	    const struct psobj_value *r, struct psobj_value *out,
	    struct ps_op_error *e);
/* Regex.Split of s by pattern (what String -split and unary -split use). */
int	ps_regex_split(const char *s, const char *pattern, uint32_t options,
	    int limit, struct psobj_value *out, struct ps_op_error *e);
/* .NET's Regex.Escape. */
char	*ps_regex_escape(const char *s);

/* ---- DateTime (ps_datetime.c) ----------------------------------------- */

#define PS_TICKS_PER_SECOND	10000000LL
#define PS_TICKS_PER_DAY	864000000000LL
#define PS_TICKS_MAX		3155378975999999999LL	/* 9999-12-31 23:59:59.9999999 */

enum ps_dt_kind { PS_DT_UNSPECIFIED, PS_DT_UTC, PS_DT_LOCAL };

struct ps_civil {
	int	year, month, day, hour, minute, second;
	long	frac;		/* ticks within the second, 0..9999999 */
	int	wday;		/* 0 Sunday */
	int	yday;		/* 1.. */
};

enum ps_dt_kind ps_dt_kind(const struct psobj_value *v);
struct psobj_value ps_dt_value(long long ticks, enum ps_dt_kind kind);
void	ps_civil_of(long long ticks, struct ps_civil *c);
/* ticks of a civil date and time; -1 when it is no valid date. */
long long ps_ticks_of(int year, int month, int day, int hour, int minute,
	    int second, long frac);
/* The local zone's offset from UTC, in seconds, at local (utc_based: UTC) ticks. */
long	ps_local_offset(long long ticks, bool utc_based);
/* DateTime.Parse with InvariantCulture: 0, or -1 when s is no date. */
int	ps_datetime_parse(const char *s, long long *ticks, enum ps_dt_kind *kind);
/* ToString(fmt) with en-US; NULL with errno EINVAL on a bad format. */
char	*ps_datetime_text(long long ticks, enum ps_dt_kind kind,
	    const char *fmt);
/* InvariantCulture's "G": MM/dd/yyyy HH:mm:ss (what "$date" shows). */
char	*ps_datetime_invariant(long long ticks);

/* ---- numeric formats (ps_numfmt.c) ------------------------------------ */

/*
 * ps_number_text()
 * n.ToString(fmt) with en-US (fmt NULL or "": ToString()).  NULL with
 * *bad set on a bad format (FormatException's text in bad_msg), or on
 * ENOMEM (*bad false).
 */
char	*ps_number_text(const struct ps_num *n, const char *fmt, bool *bad,
	    const char **bad_msg);

/* ---- -f (ps_format.c) ------------------------------------------------ */

/*
 * ps_format_value()
 * One value as String.Format shows it (and ToString(fmt)): numbers, dates
 * and enums through fmt with en-US, the rest by ToString().  NULL with
 * *bad and *msg (FormatException's text) on a bad format, or on ENOMEM.
 */
char	*ps_format_value(const struct psobj_value *v, const char *fmt,
	    bool *bad, const char **msg);

/* ---- members and methods (ps_members.c, ps_methods.c) ---------------- */

/* A method call in progress: its name as .NET spells it, its arguments. */
struct ps_call {
	const char *method;
	const struct psobj_value *args;
	size_t	nargs;
	struct ps_op_error *e;
};

/* Cannot find an overload for "M" and the argument count: "n". */
int	ps_call_fail_count(struct ps_call *c);
/* Exception calling "M" with "n" argument(s): "<fmt>" (MethodInvocationException). */
int	ps_call_fail(struct ps_call *c, const char *exception, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
/* Argument i converted for parameter param; -1 with the 5.1 error. */
int	ps_call_int(struct ps_call *c, size_t i, const char *param,
	    long long *v);
int	ps_call_double(struct ps_call *c, size_t i, const char *param,
	    double *v);
/* Argument i as a string; *s NULL when the argument is $null. */
int	ps_call_string(struct ps_call *c, size_t i, char **s);
/* String methods (ps_string_methods.c): 1 when the name is none of them. */
int	ps_string_method(const struct psobj_value *v, const char *name,
	    struct ps_call *c, struct psobj_value *out);

/* The hashtable entry or object property named name, or NULL. */
struct psobj_prop *ps_prop_find(const struct psobj_value *v, const char *name);
/* v.ToString(): .NET's, en-US (not PowerShell's invariant "$v"). */
char	*ps_dotnet_to_string(const struct psobj_value *v);

#endif /* TNC_OBJECTS_PS_OPS_IMPL_H */
