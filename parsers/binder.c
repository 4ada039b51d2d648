/*
 * binder.c: PowerShell's parameter binding (spec 4; S6
 * MergedCommandParameterMetadata.GetMatchingParameter and
 * ParameterBinderController), for any command described by a
 * struct ps_command_meta.
 *
 * Order of work, as PowerShell's: (1) pair every -Name with its argument,
 * resolving names (NotFound, Ambiguous, MissingArgument); (2) bind the
 * named ones in order (AlreadyBound, conversion, validation); (3) bind
 * positional arguments within the parameter sets still possible; (4)
 * resolve the parameter set and check mandatory parameters.
 *
 * Errors (category, exception, id; extent):
 *   A parameter cannot be found that matches parameter name 'foo'.
 *     InvalidArgument ParameterBindingException NamedParameterNotFound; -foo
 *   Parameter cannot be processed because the parameter name 'c' is
 *   ambiguous. Possible matches include: -ComputerName -CommonTCPPort ...
 *     InvalidArgument ParameterBindingException AmbiguousParameter; -c
 *   Missing an argument for parameter 'Port'. Specify a parameter of type
 *   'System.Int32' and try again.
 *     InvalidArgument ParameterBindingException MissingArgument; -Port
 *   Cannot bind parameter because parameter 'Port' is specified more than
 *   once. To provide multiple values to parameters that can accept
 *   multiple values, use the array syntax. For example, "-parameter
 *   value1,value2,value3".
 *     InvalidArgument ParameterBindingException ParameterAlreadyBound; the
 *     second -Port. The name is the one typed (PowerShell's
 *     argument.ParameterName).
 *   A positional parameter cannot be found that accepts argument 'x'.
 *     InvalidArgument ParameterBindingException PositionalParameterNotFound;
 *     the command
 *   Parameter set cannot be resolved using the specified named parameters.
 *     InvalidArgument ParameterBindingException AmbiguousParameterSet; the
 *     command (5.1's text, without the suffix v6 added)
 *   Cannot process command because of one or more missing mandatory
 *   parameters: Port.
 *     InvalidArgument ParameterBindingException MissingMandatoryParameter;
 *     the command
 *   Cannot validate argument on parameter 'X'. The argument "foo" does not
 *   belong to the set "Quiet,Detailed" specified by the ValidateSet
 *   attribute. Supply an argument that is in the set and then try the
 *   command again.
 *   Cannot validate argument on parameter 'X'. The 0 argument is less than
 *   the minimum allowed range of 1. Supply an argument that is greater
 *   than or equal to 1 and then try the command again.  (and "greater
 *   than the maximum allowed range of N ... less than or equal to N")
 *   ours, for an exclusive minimum and for NaN:
 *   ... The 0 argument is less than or equal to the minimum allowed range
 *   of 0. Supply an argument that is greater than 0 and then try the
 *   command again.
 *   ... The NaN argument is not a finite number. Supply a finite argument
 *   and then try the command again.
 *     InvalidData ParameterBindingValidationException
 *     ParameterArgumentValidationError; the argument
 *   Cannot process argument transformation on parameter 'Port'. <inner>
 *     (a script function's typed parameter)
 *     InvalidData ParameterBindingArgumentTransformationException
 *     ParameterArgumentTransformationError; the argument
 *   Cannot bind parameter 'WarningAction'. <inner>
 *     (a cmdlet's or a common parameter)
 *     InvalidArgument ParameterBindingException
 *     CannotConvertArgumentNoMessage; the argument
 * where <inner> is one of
 *   Cannot convert value "abc" to type "System.Int32". Error: "Input
 *   string was not in a correct format."
 *   Cannot convert value "99999999999" to type "System.Int32". Error:
 *   "Value was either too large or too small for an Int32."  (UInt32:
 *   "for a UInt32.")
 *   Cannot convert the "System.Object[]" value of type "System.Object[]"
 *   to type "System.Int32".
 *   Cannot convert value "System.String" to type
 *   "System.Management.Automation.SwitchParameter". Boolean parameters
 *   accept only Boolean values and numbers, such as $True, $False, 1 or 0.
 *   Cannot convert value "foo" to type
 *   "System.Management.Automation.ActionPreference". Error: "Unable to
 *   match the identifier name foo to a valid enumerator name. Specify one
 *   of the following enumerator names and try again:<newline>
 *   SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend"
 *   Cannot convert value "9" to type "System.Management.Automation.
 *   ActionPreference" due to enumeration values that are not valid.
 *   Specify one of the following enumeration values and try again. The
 *   possible enumeration values are "SilentlyContinue,Stop,Continue,
 *   Inquire,Ignore,Suspend".  (UNCONFIRMED for a number out of range)
 *
 * A number written as an argument keeps its text when bound to a String
 * (tnc 0x10 is host "0x10"): PowerShell wraps such numbers with their
 * token text for exactly this (PowerShell/PowerShell#9157, #13380).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "binder.h"

#define ACTION_TYPE	"System.Management.Automation.ActionPreference"

static const char *const action_names[] = { "SilentlyContinue", "Stop",
	"Continue", "Inquire", "Ignore", "Suspend", NULL };

/* Windows PowerShell 5.1's common parameters, in declaration order */
const struct ps_param_meta ps_common_params[] = {
	{ .name = "Verbose", .aliases = { "vb" }, .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "Debug", .aliases = { "db" }, .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "ErrorAction", .aliases = { "ea" },
	  .type = PS_TYPE_ACTION_PREF, .position = PS_NAMED,
	  .tier = PS_TIER_COMMON },
	{ .name = "WarningAction", .aliases = { "wa" },
	  .type = PS_TYPE_ACTION_PREF, .position = PS_NAMED,
	  .tier = PS_TIER_COMMON },
	{ .name = "InformationAction", .aliases = { "infa" },
	  .type = PS_TYPE_ACTION_PREF, .position = PS_NAMED,
	  .tier = PS_TIER_COMMON },
	{ .name = "ErrorVariable", .aliases = { "ev" }, .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "WarningVariable", .aliases = { "wv" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "InformationVariable", .aliases = { "iv" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "OutVariable", .aliases = { "ov" }, .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .tier = PS_TIER_COMMON },
	{ .name = "OutBuffer", .aliases = { "ob" }, .type = PS_TYPE_INT32,
	  .position = PS_NAMED, .has_range = true, .range_min = 0,
	  .range_max = INT32_MAX, .tier = PS_TIER_COMMON },
	{ .name = "PipelineVariable", .aliases = { "pv" },
	  .type = PS_TYPE_STRING, .position = PS_NAMED, .tier = PS_TIER_COMMON },
};
const size_t ps_ncommon_params = sizeof(ps_common_params) /
    sizeof(ps_common_params[0]);

#define MAX_MATCHES	32

static const char *
type_name(enum ps_param_type t)
{
	switch (t) {
	case PS_TYPE_STRING:		return "System.String";
	case PS_TYPE_INT32:		return "System.Int32";
	case PS_TYPE_UINT32:		return "System.UInt32";
	case PS_TYPE_DOUBLE:		return "System.Double";
	case PS_TYPE_SWITCH:
		return "System.Management.Automation.SwitchParameter";
	case PS_TYPE_ACTION_PREF:	return ACTION_TYPE;
	case PS_TYPE_ENUM:		return "System.Enum";
	case PS_TYPE_OBJECT:		return "System.Object[]";
	}
	return "System.Object";
}

/* The parameter list of a binding: declared and ours, then common */
struct plist {
	const struct ps_param_meta *v[64];
	size_t	n;
};

static void
plist_fill(const struct ps_command_meta *m, struct plist *l)
{
	size_t i;

	l->n = 0;
	for (i = 0; i < m->nparams && l->n < 64; i++)
		l->v[l->n++] = &m->params[i];
	if (m->common_parameters)
		for (i = 0; i < ps_ncommon_params && l->n < 64; i++)
			l->v[l->n++] = &ps_common_params[i];
}

static bool
is_prefix(const char *typed, const char *name)
{
	return strncasecmp(typed, name, strlen(typed)) == 0;
}

/* Whether typed is pm's name or one of its aliases, in full (any case). */
static bool
names(const struct ps_param_meta *pm, const char *typed)
{
	size_t j;

	if (strcasecmp(typed, pm->name) == 0)
		return true;
	for (j = 0; j < 3 && pm->aliases[j] != NULL; j++)
		if (strcasecmp(typed, pm->aliases[j]) == 0)
			return true;
	return false;
}

/*
 * Collects the real command's parameters (declared and common, not ours)
 * matching typed: names first, then parameters matched through an alias
 * and not yet listed (the order PowerShell lists them in).  Returns the
 * index of an exact match, or -1 with the prefix matches in out.
 */
static int
collect(const struct plist *l, const char *typed, size_t *out, size_t *nout)
{
	size_t i, j, k;
	bool seen;

	*nout = 0;
	for (i = 0; i < l->n; i++)
		if (l->v[i]->tier != PS_TIER_EXTENSION &&
		    names(l->v[i], typed))
			return (int)i;
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->tier == PS_TIER_EXTENSION)
			continue;
		if (is_prefix(typed, l->v[i]->name) && *nout < MAX_MATCHES)
			out[(*nout)++] = i;
	}
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->tier == PS_TIER_EXTENSION)
			continue;
		for (j = 0; j < 3 && l->v[i]->aliases[j]; j++) {
			if (!is_prefix(typed, l->v[i]->aliases[j]))
				continue;
			for (seen = false, k = 0; k < *nout; k++)
				seen = seen || out[k] == i;
			if (!seen && *nout < MAX_MATCHES)
				out[(*nout)++] = i;
		}
	}
	return -1;
}

/* Our parameter whose full name or alias is typed (any case), or -1. */
static int
extension_named(const struct plist *l, const char *typed)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i]->tier == PS_TIER_EXTENSION &&
		    names(l->v[i], typed))
			return (int)i;
	return -1;
}

/*
 * Resolves typed as the real command would (spec 4); only where that
 * finds nothing at all, and extensions is set, does one of ours bind, and
 * only by its full name: a prefix of ours (-Timeout, -O) means what it
 * means in Windows PowerShell, NamedParameterNotFound or an ambiguity
 * among the common parameters.  Returns the index, -1 if nothing matches,
 * -2 if ambiguous (the candidates are in amb/namb).
 */
static int
resolve(const struct plist *l, const char *typed, bool extensions,
    size_t *amb, size_t *namb)
{
	size_t m[MAX_MATCHES], n, i, declared = 0, which = 0;
	int r;

	*namb = 0;
	r = collect(l, typed, m, &n);
	if (r >= 0)
		return r;
	if (n == 1)
		return (int)m[0];
	for (i = 0; i < n; i++) {
		if (l->v[m[i]]->tier == PS_TIER_DECLARED) {
			declared++;
			which = m[i];
		}
	}
	/* several matches: one declared by the command beats common ones */
	if (n > 1 && declared == 1)
		return (int)which;
	if (n > 1) {
		memcpy(amb, m, n * sizeof(m[0]));
		*namb = n;
		return -2;
	}
	return extensions ? extension_named(l, typed) : -1;
}

const char *
ps_resolve_parameter(const struct ps_command_meta *m, const char *typed,
    bool with_extensions)
{
	struct plist l;
	size_t amb[MAX_MATCHES], namb;
	int r;

	plist_fill(m, &l);
	r = resolve(&l, typed, with_extensions, amb, &namb);
	return r >= 0 ? l.v[r]->name : NULL;
}

bool
ps_name_is_taken(const struct ps_command_meta *m, const char *typed)
{
	struct plist l;
	size_t match[MAX_MATCHES], n;

	plist_fill(m, &l);
	return collect(&l, typed, match, &n) >= 0 || n > 0 ||
	    extension_named(&l, typed) >= 0;
}

/* Error helpers: each returns -1 */

static int
bind_error(struct ps_error *e, const struct ps_command_meta *m,
    const char *id, size_t off, size_t len, const char *msg)
{
	return ps_error_bind(e, m->name, m->type_name, "InvalidArgument",
	    "ParameterBindingException", id, off, len, "%s", msg);
}

/* bind_error() with a message made from fmt */
static int __attribute__((format(printf, 6, 7)))
bind_errorf(struct ps_error *e, const struct ps_command_meta *m,
    const char *id, size_t off, size_t len, const char *fmt, ...)
{
	char *msg;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return ps_error_no_memory(e);
	bind_error(e, m, id, off, len, msg);
	free(msg);
	return -1;
}

/* " -A -B -C": the names of the parameters amb[0..n) of l (malloc'd) */
static char *
name_list(const struct plist *l, const size_t *amb, size_t n)
{
	size_t i, len = 1;
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(l->v[amb[i]]->name) + 2;
	s = p = malloc(len);
	if (s == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		p += sprintf(p, " -%s", l->v[amb[i]]->name);
	*p = '\0';
	return s;
}

/*
 * Sets *out to a malloc'd text from fmt (NULL when memory ran out).
 * Returns -1: the inner error of a failed conversion is made this way.
 */
static int __attribute__((format(printf, 2, 3)))
inner_error(char **out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(out, fmt, ap) < 0)
		*out = NULL;
	va_end(ap);
	return -1;
}

/* A double as .NET prints it for the values people type */
static void
double_text(double d, char *buf, size_t size)
{
	int prec;

	if (isnan(d)) {
		snprintf(buf, size, "NaN");
		return;
	}
	if (isinf(d)) {
		snprintf(buf, size, d > 0 ? "Infinity" : "-Infinity");
		return;
	}
	/* .NET writes plain digits in this range: 120, 2.5, 0.001 */
	if (fabs(d) < 1e15 && (d == 0 || fabs(d) >= 1e-5)) {
		for (prec = 0; prec <= 17; prec++) {
			snprintf(buf, size, "%.*f", prec, d);
			if (strtod(buf, NULL) == d)
				return;
		}
	}
	/* the shortest text that reads back as the same double */
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*G", prec, d);
		if (strtod(buf, NULL) == d)
			return;
	}
}

/* What a value looks like as text: strings as they are, numbers as
   written, booleans True/False, arrays as PowerShell names their type */
static const char *
value_text(const struct ps_value *v)
{
	switch (v->kind) {
	case PS_VAL_STRING:
	case PS_VAL_NUMBER:
		return v->text;
	case PS_VAL_BOOL:
		return v->bval ? "True" : "False";
	case PS_VAL_ARRAY:
		return "System.Object[]";	/* an array inside an array */
	default:
		return "";
	}
}

/*
 * String conversion: arrays join with $OFS (one space). Measured first,
 * then written once, so a list of any length costs its length.
 */
static char *
to_string(const struct ps_value *v)
{
	size_t i, len = 0, n;
	char *s, *p;

	if (v->kind != PS_VAL_ARRAY)
		return strdup(value_text(v));
	for (i = 0; i < v->nitems; i++)
		len += strlen(value_text(&v->items[i])) + 1;
	s = p = malloc(len + 1);
	if (s == NULL)
		return NULL;
	for (i = 0; i < v->nitems; i++) {
		if (i > 0)
			*p++ = ' ';
		n = strlen(value_text(&v->items[i]));
		memcpy(p, value_text(&v->items[i]), n);
		p += n;
	}
	*p = '\0';
	return s;
}

/*
 * The number a value stands for when PowerShell converts it to the numeric
 * type tn: $null, "" and blanks are 0, $true is 1, a string is read as a
 * number literal. Returns 0, or -1 with the inner error in *inner
 * (malloc'd; NULL if memory ran out).
 */
static int
to_number(const struct ps_value *v, const char *tn, struct ps_number *n,
    char **inner)
{
	const char *p;

	memset(n, 0, sizeof(*n));
	n->type = PS_NUM_INT32;
	switch (v->kind) {
	case PS_VAL_ARRAY:
		return inner_error(inner, "Cannot convert the \"System.Object[]\" "
		    "value of type \"System.Object[]\" to type \"%s\".", tn);
	case PS_VAL_NULL:
		return 0;
	case PS_VAL_BOOL:
		n->ival = v->bval;
		n->dval = v->bval;
		return 0;
	case PS_VAL_NUMBER:
		*n = v->num;
		return 0;
	case PS_VAL_STRING:
		break;
	}
	for (p = v->text; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\0')		/* [int]"" is 0 in PowerShell */
		return 0;
	if (ps_number_parse(v->text, n) != 0)
		return inner_error(inner, "Cannot convert value \"%s\" to type "
		    "\"%s\". Error: \"Input string was not in a correct "
		    "format.\"", value_text(v), tn);
	return 0;
}

/*
 * A number for an integer parameter: Double values round half to even as
 * .NET's Convert does. Returns 0, or -1 with the inner error in *inner.
 */
static int
to_integer(const struct ps_value *v, enum ps_param_type t, long long *out,
    char **inner)
{
	struct ps_number n;
	const char *tn = type_name(t);
	double d;

	if (to_number(v, tn, &n, inner) != 0)
		return -1;
	if (n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64)
		d = (double)n.ival;
	else
		d = rint(n.dval);	/* round half to even */
	if ((t == PS_TYPE_INT32 && (d < INT32_MIN || d > INT32_MAX)) ||
	    (t == PS_TYPE_UINT32 && (d < 0 || d > UINT32_MAX)) ||
	    isnan(d))
		return inner_error(inner, "Cannot convert value \"%s\" to type "
		    "\"%s\". Error: \"Value was either too large or too small "
		    "for %s.\"", value_text(v), tn, t == PS_TYPE_INT32 ?
		    "an Int32" : "a UInt32");
	*out = n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64 ? n.ival :
	    (long long)d;
	return 0;
}

/* A number for a Double parameter; .NET also reads NaN and Infinity. */
static int
to_double(const struct ps_value *v, double *out, char **inner)
{
	struct ps_number n;
	const char *p = v->kind == PS_VAL_STRING ? v->text : "";

	while (*p == ' ' || *p == '\t')
		p++;
	if (strcasecmp(p, "NaN") == 0) {
		*out = NAN;
		return 0;
	}
	if (strcasecmp(p, "Infinity") == 0 || strcasecmp(p, "-Infinity") == 0) {
		*out = *p == '-' ? -INFINITY : INFINITY;
		return 0;
	}
	if (to_number(v, "System.Double", &n, inner) != 0)
		return -1;
	*out = n.dval;
	return 0;
}

static const struct ps_enum action_enum = { ACTION_TYPE, action_names };

/* The names of e joined by sep, into buf. */
static void
enum_list(const struct ps_enum *e, const char *sep, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; e->names[i] != NULL && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? sep : "", e->names[i]);
}

static int
to_enum(const struct ps_enum *e, const struct ps_value *v, long long *out,
    char **inner)
{
	const char *text = value_text(v);
	char list[600], *ignored = NULL;
	size_t i, n;
	long long k;
	int rc;

	for (n = 0; e->names[n] != NULL; n++)
		;
	if (v->kind == PS_VAL_STRING) {
		for (i = 0; i < n; i++) {
			if (strcasecmp(v->text, e->names[i]) == 0) {
				*out = (long long)i;
				return 0;
			}
		}
	}
	/* numbers, and strings holding numbers, name the enum by value */
	if (v->kind == PS_VAL_NUMBER || (v->kind == PS_VAL_STRING &&
	    ps_number_parse(v->text, &(struct ps_number){ 0 }) == 0)) {
		rc = to_integer(v, PS_TYPE_INT32, &k, &ignored);
		free(ignored);
		if (rc == 0 && k >= 0 && k < (long long)n) {
			*out = k;
			return 0;
		}
		enum_list(e, ",", list, sizeof(list));
		return inner_error(inner, "Cannot convert value \"%s\" to type "
		    "\"%s\" due to enumeration values that are not valid. "
		    "Specify one of the following enumeration values and try "
		    "again. The possible enumeration values are \"%s\".", text,
		    e->type, list);
	}
	enum_list(e, ", ", list, sizeof(list));
	return inner_error(inner, "Cannot convert value \"%s\" to type \"%s\". "
	    "Error: \"Unable to match the identifier name %s to a valid "
	    "enumerator name. Specify one of the following enumerator names "
	    "and try again:\n%s\"", text, e->type, text, list);
}

static int
to_switch(const struct ps_value *v, bool *out, char **inner)
{
	switch (v->kind) {
	case PS_VAL_BOOL:
		*out = v->bval;
		return 0;
	case PS_VAL_NUMBER:
		*out = v->num.dval != 0;
		return 0;
	case PS_VAL_NULL:
		*out = false;
		return 0;
	default:
		break;
	}
	return inner_error(inner, "Cannot convert value \"%s\" to type "
	    "\"System.Management.Automation.SwitchParameter\". Boolean "
	    "parameters accept only Boolean values and numbers, such as $True, "
	    "$False, 1 or 0.", v->kind == PS_VAL_ARRAY ? "System.Object[]" :
	    "System.String");
}

/* Converts v for pm into bd. Returns 0, or -1 with e filled. */
static int
convert(const struct ps_command_meta *m, const struct ps_param_meta *pm,
    const struct ps_value *v, struct ps_bound *bd, struct ps_error *e)
{
	char *inner = NULL;
	int rc = 0;

	switch (pm->type) {
	case PS_TYPE_STRING:
		bd->s = to_string(v);
		return bd->s != NULL ? 0 : ps_error_no_memory(e);
	case PS_TYPE_INT32:
	case PS_TYPE_UINT32:
		rc = to_integer(v, pm->type, &bd->i, &inner);
		break;
	case PS_TYPE_DOUBLE:
		rc = to_double(v, &bd->d, &inner);
		break;
	case PS_TYPE_ACTION_PREF:
		rc = to_enum(&action_enum, v, &bd->i, &inner);
		break;
	case PS_TYPE_ENUM:
		rc = to_enum(pm->enum_type, v, &bd->i, &inner);
		break;
	case PS_TYPE_SWITCH:
		rc = to_switch(v, &bd->sw, &inner);
		break;
	case PS_TYPE_OBJECT:
		return 0;
	}
	if (rc == 0)
		return 0;
	if (inner == NULL)
		return ps_error_no_memory(e);
	if (m->is_function && pm->tier != PS_TIER_COMMON)
		ps_error_bind(e, m->name, m->type_name, "InvalidData",
		    "ParameterBindingArgumentTransformationException",
		    "ParameterArgumentTransformationError", v->offset,
		    v->length, "Cannot process argument transformation on "
		    "parameter '%s'. %s", pm->name, inner);
	else
		ps_error_bind(e, m->name, m->type_name, "InvalidArgument",
		    "ParameterBindingException",
		    "CannotConvertArgumentNoMessage", v->offset, v->length,
		    "Cannot bind parameter '%s'. %s", pm->name, inner);
	free(inner);
	return -1;
}

static int
validation_error(struct ps_error *e, const struct ps_command_meta *m,
    const struct ps_param_meta *pm, const struct ps_value *v,
    const char *detail)
{
	return ps_error_bind(e, m->name, m->type_name, "InvalidData",
	    "ParameterBindingValidationException",
	    "ParameterArgumentValidationError", v->offset, v->length,
	    "Cannot validate argument on parameter '%s'. %s", pm->name, detail);
}

/* ValidateSet and ValidateRange, after conversion */
static int
validate(const struct ps_command_meta *m, const struct ps_param_meta *pm,
    const struct ps_value *v, const struct ps_bound *bd, struct ps_error *e)
{
	char detail[1024], set[512], val[64], lo[64], hi[64];
	size_t i, len = 0;
	double x;

	if (pm->validate_set != NULL && pm->type == PS_TYPE_STRING) {
		for (i = 0; pm->validate_set[i] != NULL; i++)
			if (strcasecmp(bd->s, pm->validate_set[i]) == 0)
				return 0;
		set[0] = '\0';
		for (i = 0; pm->validate_set[i] != NULL; i++)
			len += (size_t)snprintf(set + len, sizeof(set) - len,
			    "%s%s", i ? "," : "", pm->validate_set[i]);
		/* the argument is the user's text, of any length */
		return ps_error_bind(e, m->name, m->type_name, "InvalidData",
		    "ParameterBindingValidationException",
		    "ParameterArgumentValidationError", v->offset, v->length,
		    "Cannot validate argument on parameter '%s'. The argument "
		    "\"%s\" does not belong to the set \"%s\" specified by the "
		    "ValidateSet attribute. Supply an argument that is in the "
		    "set and then try the command again.", pm->name, bd->s,
		    set);
	}
	if (!pm->has_range)
		return 0;
	x = pm->type == PS_TYPE_DOUBLE ? bd->d : (double)bd->i;
	if (pm->type == PS_TYPE_DOUBLE)
		double_text(x, val, sizeof(val));
	else
		snprintf(val, sizeof(val), "%lld", bd->i);
	double_text(pm->range_min, lo, sizeof(lo));
	double_text(pm->range_max, hi, sizeof(hi));
	if (isnan(x)) {
		snprintf(detail, sizeof(detail), "The %s argument is not a "
		    "finite number. Supply a finite argument and then try the "
		    "command again.", val);
		return validation_error(e, m, pm, v, detail);
	}
	if (pm->min_exclusive && x <= pm->range_min) {
		snprintf(detail, sizeof(detail), "The %s argument is less than "
		    "or equal to the minimum allowed range of %s. Supply an "
		    "argument that is greater than %s and then try the command "
		    "again.", val, lo, lo);
		return validation_error(e, m, pm, v, detail);
	}
	if (x < pm->range_min) {
		snprintf(detail, sizeof(detail), "The %s argument is less than "
		    "the minimum allowed range of %s. Supply an argument that "
		    "is greater than or equal to %s and then try the command "
		    "again.", val, lo, lo);
		return validation_error(e, m, pm, v, detail);
	}
	if (x > pm->range_max) {
		snprintf(detail, sizeof(detail), "The %s argument is greater "
		    "than the maximum allowed range of %s. Supply an argument "
		    "that is less than or equal to %s and then try the command "
		    "again.", val, hi, hi);
		return validation_error(e, m, pm, v, detail);
	}
	return 0;
}

/* Binds v (NULL: a bare switch) to parameter i */
static int
bind_one(struct ps_binding *b, size_t i, const struct ps_value *v,
    size_t off, size_t len, bool positional, struct ps_error *e)
{
	struct ps_bound *bd = &b->bound[i];
	struct ps_bound tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.value = v;
	tmp.offset = off;
	tmp.length = len;
	tmp.positional = positional;
	if (v == NULL) {
		tmp.sw = true;
	} else if (convert(b->meta, b->params[i], v, &tmp, e) != 0 ||
	    validate(b->meta, b->params[i], v, &tmp, e) != 0) {
		free(tmp.s);
		return -1;
	}
	tmp.present = true;
	*bd = tmp;
	return 0;
}

/*
 * Bits of every set the command declares.  A command that declares none
 * has PowerShell's one implicit set, __AllParameterSets: bit 0, so its
 * parameters take part in positional binding like any other.
 */
static unsigned
all_sets(const struct ps_command_meta *m)
{
	if (m->nsets == 0)
		return 1u;
	return m->nsets >= 32 ? ~0u : (1u << m->nsets) - 1;
}

static unsigned
param_sets(const struct ps_command_meta *m, const struct ps_param_meta *pm)
{
	return pm->sets == PS_ALL_SETS ? all_sets(m) : pm->sets;
}

/* The sets every bound parameter belongs to */
static unsigned
valid_sets(const struct ps_binding *b)
{
	unsigned v = all_sets(b->meta);
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->bound[i].present)
			v &= param_sets(b->meta, b->params[i]);
	return v;
}

struct named {
	size_t	param;
	const struct ps_element *el;
	const struct ps_value *arg;	/* NULL: a switch without value */
};

static int
whole_command_error(const struct ps_binding *b, const struct ps_command *cmd,
    const char *id, const char *msg, struct ps_error *e)
{
	return bind_error(e, b->meta, id, cmd->offset, cmd->length, msg);
}

/*
 * The parameter that takes the remaining arguments (unbound, in a set
 * still possible), or -1.
 */
static int
remaining_param(const struct ps_binding *b)
{
	unsigned valid = valid_sets(b);
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->params[i]->remaining && !b->bound[i].present &&
		    (param_sets(b->meta, b->params[i]) & valid) != 0)
			return (int)i;
	return -1;
}

/*
 * HandleRemainingArguments: the positional arguments no parameter took
 * (n of them, in order) become one list bound to parameter i, even a
 * single one (Write-Output 1,2 -NoEnumerate writes the array as one).
 * Returns 0, or -1 (ENOMEM) with e filled.
 */
static int
bind_remaining(struct ps_binding *b, size_t i, const struct ps_element **args,
    size_t n, struct ps_error *e)
{
	struct ps_bound *bd = &b->bound[i];
	struct ps_value *list = calloc(1, sizeof(*list));
	size_t k;

	if (list == NULL || (list->items = calloc(n, sizeof(*list->items))) ==
	    NULL) {
		free(list);
		return ps_error_no_memory(e);
	}
	list->kind = PS_VAL_ARRAY;
	list->nitems = n;
	for (k = 0; k < n; k++)
		list->items[k] = args[k]->value;	/* shallow: the parse owns them */
	list->offset = args[0]->offset;
	list->length = args[n - 1]->offset + args[n - 1]->length -
	    args[0]->offset;
	memset(bd, 0, sizeof(*bd));
	bd->present = true;
	bd->positional = true;
	bd->value = list;
	bd->list = list;
	bd->offset = list->offset;
	bd->length = list->length;
	return 0;
}

static int
bind_positional(struct ps_binding *b, const struct ps_command *cmd,
    const struct ps_element **pos, size_t npos, struct ps_error *e)
{
	struct ps_error first = { 0 };
	bool failed = false;
	size_t a = 0, i, left = npos, nunbound = 0;
	const struct ps_element *rest = NULL, **unbound;
	int position, next, r;

	if (npos == 0)
		return 0;
	unbound = calloc(npos, sizeof(*unbound));
	if (unbound == NULL)
		return ps_error_no_memory(e);
	for (position = 0; a < npos; position = next + 1) {
		unsigned valid = valid_sets(b);
		bool bound = false, any = false;

		/* the lowest position still open at or after this one */
		next = INT32_MAX;
		for (i = 0; i < b->n; i++) {
			const struct ps_param_meta *pm = b->params[i];

			if (pm->position >= position && pm->position < next &&
			    !b->bound[i].present && !pm->remaining &&
			    (param_sets(b->meta, pm) & valid) != 0)
				next = pm->position;
		}
		if (next == INT32_MAX)
			break;
		for (i = 0; i < b->n && !bound; i++) {
			const struct ps_param_meta *pm = b->params[i];
			struct ps_error err = { 0 };

			if (pm->position != next || b->bound[i].present ||
			    pm->remaining ||
			    (param_sets(b->meta, pm) & valid) == 0)
				continue;
			any = true;
			if (bind_one(b, i, &pos[a]->value, pos[a]->offset,
			    pos[a]->length, true, &err) == 0) {
				bound = true;
			} else if (err.out_of_memory) {
				ps_error_free(&first);
				free(unbound);
				*e = err;	/* the machine's failure ends it */
				return -1;
			} else if (!failed) {
				/* reported if the argument finds no home */
				first = err;
				failed = true;
			} else {
				ps_error_free(&err);
			}
		}
		if (any) {
			if (bound)
				left--;
			else {
				if (rest == NULL)
					rest = pos[a];
				unbound[nunbound++] = pos[a];
			}
			a++;
		}
	}
	while (a < npos && nunbound < npos)
		unbound[nunbound++] = pos[a++];
	if (left > 0 && (r = remaining_param(b)) >= 0) {
		ps_error_free(&first);
		r = bind_remaining(b, (size_t)r, unbound, nunbound, e);
		free(unbound);
		return r;
	}
	if (rest == NULL && nunbound > 0)
		rest = unbound[0];	/* the first argument without a home */
	free(unbound);
	if (left == 0) {
		ps_error_free(&first);
		return 0;
	}
	if (failed) {
		*e = first;
		return -1;
	}
	return bind_errorf(e, b->meta, "PositionalParameterNotFound",
	    cmd->offset, cmd->length, "A positional parameter cannot be found "
	    "that accepts argument '%s'.", value_text(&rest->value));
}

/*
 * Whether parameter i is mandatory in the set of bit and still missing:
 * one that takes pipeline input waits for it when there will be input.
 */
static bool
missing(const struct ps_binding *b, size_t i, unsigned bit, bool has_input)
{
	const struct ps_param_meta *pm = b->params[i];

	return (pm->mandatory_sets & bit) && !b->bound[i].present &&
	    !(has_input && pm->from_pipeline);
}

/*
 * Picks the parameter set and checks its mandatory parameters.  A command
 * without sets has one implicit set: bit 0 of mandatory_sets.
 */
static int
resolve_set(struct ps_binding *b, const struct ps_command *cmd,
    bool has_input, struct ps_error *e)
{
	const struct ps_command_meta *m = b->meta;
	unsigned valid = valid_sets(b), satisfied = 0, bit;
	size_t s, i, count = 0, nsat = 0, len;
	char msg[1024];
	int chosen = -1;

	b->set = -1;
	if (m->nsets == 0)
		valid = 1u;
	for (s = 0; s < (m->nsets == 0 ? 1 : m->nsets); s++) {
		bit = 1u << s;
		if ((valid & bit) == 0)
			continue;
		count++;
		chosen = (int)s;
		for (i = 0; i < b->n; i++)
			if (missing(b, i, bit, has_input))
				break;
		if (i == b->n) {
			satisfied |= bit;
			nsat++;
		}
	}
	if (count > 1) {
		chosen = -1;
		if (nsat == 1) {
			for (s = 0; s < m->nsets; s++)
				if (satisfied & (1u << s))
					chosen = (int)s;
		} else if (m->default_set >= 0 &&
		    (valid & (1u << m->default_set))) {
			chosen = m->default_set;
		}
	}
	if (chosen < 0)
		return whole_command_error(b, cmd, "AmbiguousParameterSet",
		    "Parameter set cannot be resolved using the specified "
		    "named parameters.", e);
	if (m->nsets > 0)
		b->set = chosen;
	len = (size_t)snprintf(msg, sizeof(msg), "Cannot process command "
	    "because of one or more missing mandatory parameters:");
	count = 0;
	for (i = 0; i < b->n; i++) {
		if (missing(b, i, 1u << chosen, has_input) &&
		    len < sizeof(msg)) {
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
			    " %s", b->params[i]->name);
			count++;
		}
	}
	if (count == 0)
		return 0;
	if (len < sizeof(msg) - 1)
		snprintf(msg + len, sizeof(msg) - len, ".");
	return whole_command_error(b, cmd, "MissingMandatoryParameter", msg, e);
}

int
ps_bind(const struct ps_command_meta *m, const struct ps_command *cmd,
    struct ps_binding *b, struct ps_error *e)
{
	return ps_bind_input(m, cmd, false, b, e);
}

int
ps_bind_input(const struct ps_command_meta *m, const struct ps_command *cmd,
    bool has_input, struct ps_binding *b, struct ps_error *e)
{
	struct plist l;
	struct named *named = NULL;
	const struct ps_element **pos = NULL;
	size_t nnamed = 0, npos = 0, i, amb[MAX_MATCHES], namb;
	char *list;
	int r, rc = -1;

	memset(b, 0, sizeof(*b));
	ps_error_free(e);
	plist_fill(m, &l);
	b->meta = m;
	b->set = -1;
	b->n = l.n;
	b->params = calloc(l.n ? l.n : 1, sizeof(*b->params));
	b->bound = calloc(l.n ? l.n : 1, sizeof(*b->bound));
	named = calloc(cmd->nelems + 1, sizeof(*named));
	pos = calloc(cmd->nelems + 1, sizeof(*pos));
	if (b->params == NULL || b->bound == NULL || named == NULL ||
	    pos == NULL) {
		ps_error_no_memory(e);
		goto out;
	}
	memcpy(b->params, l.v, l.n * sizeof(l.v[0]));

	/* 1: pair each -Name with its argument */
	for (i = 0; i < cmd->nelems; i++) {
		const struct ps_element *el = &cmd->elems[i];
		const struct ps_param_meta *pm;

		if (!el->is_param) {
			pos[npos++] = el;
			continue;
		}
		r = resolve(&l, el->name, true, amb, &namb);
		if (r == -1) {
			bind_errorf(e, m, "NamedParameterNotFound", el->offset,
			    el->length, "A parameter cannot be found that "
			    "matches parameter name '%s'.", el->name);
			goto out;
		}
		if (r == -2) {
			if ((list = name_list(&l, amb, namb)) == NULL) {
				ps_error_no_memory(e);
				goto out;
			}
			bind_errorf(e, m, "AmbiguousParameter", el->offset,
			    el->length, "Parameter cannot be processed because "
			    "the parameter name '%s' is ambiguous. Possible "
			    "matches include:%s.", el->name, list);
			free(list);
			goto out;
		}
		pm = l.v[r];
		named[nnamed].param = (size_t)r;
		named[nnamed].el = el;
		if (el->has_value) {
			named[nnamed].arg = &el->value;
		} else if (pm->type == PS_TYPE_SWITCH && !el->colon) {
			named[nnamed].arg = NULL;
		} else if (!el->colon && i + 1 < cmd->nelems &&
		    !cmd->elems[i + 1].is_param) {
			named[nnamed].arg = &cmd->elems[++i].value;
		} else {
			bind_errorf(e, m, "MissingArgument", el->offset,
			    el->length, "Missing an argument for parameter "
			    "'%s'. Specify a parameter of type '%s' and try "
			    "again.", pm->name, pm->type == PS_TYPE_ENUM ?
			    pm->enum_type->type : type_name(pm->type));
			goto out;
		}
		nnamed++;
	}

	/* 2: bind the named ones, in order */
	for (i = 0; i < nnamed; i++) {
		const struct ps_element *el = named[i].el;

		if (b->bound[named[i].param].present) {
			bind_errorf(e, m, "ParameterAlreadyBound", el->offset,
			    el->length, "Cannot bind parameter because "
			    "parameter '%s' is specified more than once. To "
			    "provide multiple values to parameters that can "
			    "accept multiple values, use the array syntax. For "
			    "example, \"-parameter value1,value2,value3\".",
			    el->name);
			goto out;
		}
		if (bind_one(b, named[i].param, named[i].arg, el->offset,
		    el->length, false, e) != 0)
			goto out;
	}
	if (m->nsets > 0 && valid_sets(b) == 0) {
		whole_command_error(b, cmd, "AmbiguousParameterSet",
		    "Parameter set cannot be resolved using the specified "
		    "named parameters.", e);
		goto out;
	}

	/* 3 and 4 */
	if (bind_positional(b, cmd, pos, npos, e) != 0 ||
	    resolve_set(b, cmd, has_input, e) != 0)
		goto out;
	rc = 0;
out:
	free(named);
	free(pos);
	return rc;
}

void
ps_binding_free(struct ps_binding *b)
{
	size_t i;

	for (i = 0; b->bound != NULL && i < b->n; i++) {
		free(b->bound[i].s);
		if (b->bound[i].list != NULL)
			free(b->bound[i].list->items);
		free(b->bound[i].list);
	}
	free(b->bound);
	free(b->params);
	memset(b, 0, sizeof(*b));
}

const struct ps_bound *
ps_binding_get(const struct ps_binding *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcasecmp(b->params[i]->name, name) == 0)
			return &b->bound[i];
	return NULL;
}
