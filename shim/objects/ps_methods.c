/*
 * ps_methods.c: v.Method(args) for the short list of .NET methods scripts
 * around tnc use (issue 11): ToString, GetType, Equals on anything; the
 * String methods (ps_string_methods.c); DateTime's Add* and conversions;
 * an array's Contains and IndexOf, and any other method on each item (as
 * PowerShell 3 enumerates methods); a hashtable's ContainsKey, Add,
 * Remove.  Everything else is an error: PowerShell's MethodNotFound, or
 * "not supported by tnc" for a .NET method outside the list.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

/* .NET methods of these types that exist but tnc does not offer */
static const char *const known_methods[] = {
	"Clone", "CompareTo", "CopyTo", "GetEnumerator", "GetHashCode",
	"GetTypeCode", "IndexOfAny", "IsNormalized", "LastIndexOfAny",
	"Normalize", "ToBoolean", "ToByte", "ToChar", "ToDateTime", "ToDecimal",
	"ToDouble", "ToInt16", "ToInt32", "ToInt64", "ToSingle", "ToType",
	"Add", "ToFileTime", "ToFileTimeUtc", "ToOADate", "ToBinary",
	"IsDaylightSavingTime", "GetDateTimeFormats", "Where", "ForEach",
	"Invoke", "InvokeReturnAsIs", "GetNewClosure", "Set", "Get", "Address",
	"Initialize", "Reverse", "Sort", "Clear", "Remove", "Insert",
	"GetValue", "SetValue", "GetLength", "Keys",
};

/* ---- call helpers ----------------------------------------------------- */

int
ps_call_fail_count(struct ps_call *c)
{
	return ps_fail(c->e, "MethodCountCouldNotFindBest", "NotSpecified",
	    "MethodException", "Cannot find an overload for \"%s\" and the "
	    "argument count: \"%zu\".", c->method, c->nargs);
}

int
ps_call_fail(struct ps_call *c, const char *exception, const char *fmt, ...)
{
	static const char *const ids[] = {	/* error_id needs static storage */
		"ArgumentOutOfRangeException", "ArgumentNullException",
		"ArgumentException", "FormatException", "OverflowException",
	};
	char *inner = NULL;
	const char *id = "MethodInvocationException";
	va_list ap;
	size_t i;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&inner, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return ps_fail_nomem(c->e);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (strcmp(ids[i], exception) == 0)
			id = ids[i];
	rc = ps_fail(c->e, id, "NotSpecified", "MethodInvocationException",
	    "Exception calling \"%s\" with \"%zu\" argument(s): \"%s\"",
	    c->method, c->nargs, inner);
	free(inner);
	return rc;
}

/* Argument i as tc, or MethodArgumentConversionInvalidCastArgument. */
static int
call_convert(struct ps_call *c, size_t i, const char *param, enum ps_tc tc,
    struct psobj_value *out)
{
	struct ps_op_error ce = { 0 };
	char *val;
	int rc;

	if (ps_convert_tc(&c->args[i], tc, out, &ce) == 0)
		return 0;
	if (ce.nomem)
		return ps_fail_nomem(c->e);
	if ((val = ps_to_string(&c->args[i])) == NULL) {
		ps_op_error_free(&ce);
		return ps_fail_nomem(c->e);
	}
	rc = ps_fail(c->e, "MethodArgumentConversionInvalidCastArgument",
	    "NotSpecified", "MethodException", "Cannot convert argument \"%s\", "
	    "with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"", param, val,
	    c->method, ps_tc_type(tc), ce.message);
	free(val);
	ps_op_error_free(&ce);
	return rc;
}

int
ps_call_int(struct ps_call *c, size_t i, const char *param, long long *v)
{
	struct psobj_value out;

	if (call_convert(c, i, param, PS_TC_INT32, &out) != 0)
		return -1;
	*v = out.i;
	return 0;
}

int
ps_call_double(struct ps_call *c, size_t i, const char *param, double *v)
{
	struct psobj_value out;

	if (call_convert(c, i, param, PS_TC_DOUBLE, &out) != 0)
		return -1;
	*v = out.d;
	return 0;
}

int
ps_call_string(struct ps_call *c, size_t i, char **s)
{
	*s = NULL;
	if (i >= c->nargs || c->args[i].kind == PSOBJ_NULL)
		return 0;
	if ((*s = ps_to_string(&c->args[i])) == NULL)
		return ps_fail_nomem(c->e);
	return 0;
}

/* ---- every value: ToString, GetType, Equals --------------------------- */

/* A System.Type as scripts read it: .Name, .FullName, "$t". */
static int
type_object(const struct psobj_value *v, struct psobj_value *out)
{
	const char *full = ps_type_name(v), *dot = strrchr(full, '.');
	struct psobj *o = psobj_new("System.RuntimeType");
	struct psobj_value name, fullname;

	if (o == NULL || psobj_string(&name, dot != NULL ? dot + 1 : full) != 0 ||
	    psobj_add(o, "Name", name) != 0 ||
	    psobj_string(&fullname, full) != 0 ||
	    psobj_add(o, "FullName", fullname) != 0) {
		psobj_free(o);
		return -1;
	}
	return psobj_object(out, o, full);
}

/* 1 when name is none of the three. */
static int
common_method(const struct psobj_value *v, const char *name, struct ps_call *c,
    struct psobj_value *out)
{
	const char *msg;
	char *fmt, *s;
	bool bad;

	if (strcasecmp(name, "ToString") == 0) {
		c->method = "ToString";
		if (c->nargs > 1)
			return ps_call_fail_count(c);
		if (c->nargs == 0 || v->kind == PSOBJ_STRING)
			return ps_string_take(out, ps_dotnet_to_string(v)) == 0 ?
			    0 : ps_fail_nomem(c->e);
		if (ps_call_string(c, 0, &fmt) != 0)
			return -1;
		s = ps_format_value(v, fmt, &bad, &msg);
		free(fmt);
		if (s == NULL)
			return bad ? ps_call_fail(c, "FormatException", "%s", msg) :
			    ps_fail_nomem(c->e);
		return ps_string_take(out, s) == 0 ? 0 : ps_fail_nomem(c->e);
	}
	if (strcasecmp(name, "GetType") == 0) {
		c->method = "GetType";
		if (c->nargs != 0)
			return ps_call_fail_count(c);
		return type_object(v, out) == 0 ? 0 : ps_fail_nomem(c->e);
	}
	if (strcasecmp(name, "Equals") == 0) {
		c->method = "Equals";
		if (c->nargs != 1)
			return ps_call_fail_count(c);
		*out = psobj_bool(ps_dotnet_equals(v, &c->args[0]));
		return 0;
	}
	return 1;
}

/* ---- DateTime --------------------------------------------------------- */

static int
fail_unrepresentable(struct ps_call *c)
{
	return ps_call_fail(c, "ArgumentOutOfRangeException", "The added or "
	    "subtracted value results in an un-representable DateTime.\n"
	    "Parameter name: value");
}

/* AddMonths / AddYears: the day kept, or the month's last day. */
static int
add_months(const struct psobj_value *v, struct ps_call *c, long long months,
    struct psobj_value *out)
{
	struct ps_civil cv;
	long long m, t;
	int y, mo, d;

	ps_civil_of(v->i, &cv);
	m = (long long)cv.year * 12 + (cv.month - 1) + months;
	if (m < 12 || m >= 120000)
		return fail_unrepresentable(c);
	y = (int)(m / 12);
	mo = (int)(m % 12) + 1;
	for (d = cv.day; (t = ps_ticks_of(y, mo, d, 0, 0, 0, 0)) < 0; d--)
		;
	*out = ps_dt_value(t + v->i % PS_TICKS_PER_DAY, ps_dt_kind(v));
	return 0;
}

/* AddDays .. AddMilliseconds: .NET rounds the amount to milliseconds. */
static int
add_scaled(const struct psobj_value *v, struct ps_call *c, double ms_per_unit,
    struct psobj_value *out)
{
	double x, ms;
	long long t;

	if (ps_call_double(c, 0, "value", &x) != 0)
		return -1;
	ms = x * ms_per_unit + (x >= 0 ? 0.5 : -0.5);
	if (isnan(ms) || ms <= -315537897600000.0 || ms >= 315537897600000.0)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Value to add "
		    "was out of range.\nParameter name: value");
	t = v->i + (long long)ms * 10000;
	if (t < 0 || t > PS_TICKS_MAX)
		return fail_unrepresentable(c);
	*out = ps_dt_value(t, ps_dt_kind(v));
	return 0;
}

/* ToUniversalTime / ToLocalTime */
static void
to_zone(const struct psobj_value *v, bool utc, struct psobj_value *out)
{
	enum ps_dt_kind k = ps_dt_kind(v);

	if (utc && k != PS_DT_UTC)
		*out = ps_dt_value(v->i - ps_local_offset(v->i, false) *
		    PS_TICKS_PER_SECOND, PS_DT_UTC);
	else if (!utc && k != PS_DT_LOCAL)
		*out = ps_dt_value(v->i + ps_local_offset(v->i, true) *
		    PS_TICKS_PER_SECOND, PS_DT_LOCAL);
	else
		*out = *v;
}

static const struct {
	const char *name;
	size_t	nargs;
	double	ms;		/* Add*: milliseconds a unit */
	const char *fmt;	/* To*String: the format */
} date_methods[] = {
	{ "AddDays", 1, 86400000.0, NULL },
	{ "AddHours", 1, 3600000.0, NULL },
	{ "AddMinutes", 1, 60000.0, NULL },
	{ "AddSeconds", 1, 1000.0, NULL },
	{ "AddMilliseconds", 1, 1.0, NULL },
	{ "AddTicks", 1, 0, NULL },
	{ "AddMonths", 1, 0, NULL },
	{ "AddYears", 1, 0, NULL },
	{ "ToUniversalTime", 0, 0, NULL },
	{ "ToLocalTime", 0, 0, NULL },
	{ "Subtract", 1, 0, NULL },
	{ "ToShortDateString", 0, 0, "d" },
	{ "ToShortTimeString", 0, 0, "t" },
	{ "ToLongDateString", 0, 0, "D" },
	{ "ToLongTimeString", 0, 0, "T" },
};

static int
datetime_method(const struct psobj_value *v, const char *name,
    struct ps_call *c, struct psobj_value *out)
{
	struct psobj_value n;
	size_t i;

	for (i = 0; i < sizeof(date_methods) / sizeof(date_methods[0]); i++)
		if (strcasecmp(name, date_methods[i].name) == 0)
			break;
	if (i == sizeof(date_methods) / sizeof(date_methods[0]))
		return 1;
	c->method = date_methods[i].name;
	if (c->nargs != date_methods[i].nargs)
		return ps_call_fail_count(c);
	if (date_methods[i].ms > 0)
		return add_scaled(v, c, date_methods[i].ms, out);
	if (date_methods[i].fmt != NULL)
		return ps_string_take(out, ps_datetime_text(v->i, ps_dt_kind(v),
		    date_methods[i].fmt)) == 0 ? 0 : ps_fail_nomem(c->e);
	if (strcmp(c->method, "ToUniversalTime") == 0 ||
	    strcmp(c->method, "ToLocalTime") == 0) {
		to_zone(v, c->method[2] == 'U', out);
		return 0;
	}
	if (strcmp(c->method, "Subtract") == 0)
		return ps_op_arith(PS_OP_SUB, v, &c->args[0], out, c->e);
	if (call_convert(c, 0, c->method[3] == 'T' ? "value" : c->method[3] ==
	    'M' ? "months" : "value", strcmp(c->method, "AddTicks") == 0 ?
	    PS_TC_INT64 : PS_TC_INT32, &n) != 0)
		return -1;
	if (strcmp(c->method, "AddTicks") == 0) {
		if (v->i + n.i < 0 || v->i + n.i > PS_TICKS_MAX)
			return fail_unrepresentable(c);
		*out = ps_dt_value(v->i + n.i, ps_dt_kind(v));
		return 0;
	}
	return add_months(v, c, c->method[3] == 'Y' ? n.i * 12 : n.i, out);
}

/* ---- arrays and hashtables -------------------------------------------- */

/* An array's Contains / IndexOf (Object.Equals), or each item's method. */
static int
array_method(const struct psobj_value *v, const char *name, struct ps_call *c,
    struct psobj_value *out)
{
	struct psobj_value all, r;
	bool idx = strcasecmp(name, "IndexOf") == 0;
	size_t i, k;

	if (idx || strcasecmp(name, "Contains") == 0) {
		c->method = idx ? "IndexOf" : "Contains";
		if (c->nargs != 1)
			return ps_call_fail_count(c);
		for (i = 0; i < v->nitems; i++)
			if (ps_dotnet_equals(&v->items[i], &c->args[0]) ||
			    (v->items[i].kind == PSOBJ_NULL &&
			    c->args[0].kind == PSOBJ_NULL))
				break;
		*out = idx ? psobj_int(i < v->nitems ? (long long)i : -1, NULL) :
		    psobj_bool(i < v->nitems);
		return 0;
	}
	if (strcasecmp(name, "ForEach") == 0 || strcasecmp(name, "Where") == 0)
		return 1;		/* the magic methods need the runtime */
	if (psobj_array(&all, 0, NULL) != 0)
		return ps_fail_nomem(c->e);
	for (i = 0; i < v->nitems; i++) {
		if (ps_method(&v->items[i], name, c->args, c->nargs, &r,
		    c->e) != 0) {
			psobj_value_free(&all);
			return -1;
		}
		for (k = 0; r.kind == PSOBJ_ARRAY && k < r.nitems; k++)
			if (ps_array_push_copy(&all, &r.items[k]) != 0)
				goto nomem;
		if (r.kind != PSOBJ_ARRAY && r.kind != PSOBJ_NULL &&
		    ps_array_push_copy(&all, &r) != 0)
			goto nomem;
		psobj_value_free(&r);
	}
	if (all.nitems == 1) {
		*out = all.items[0];
		all.nitems = 0;
		psobj_value_free(&all);
	} else {
		*out = all;
	}
	return 0;
nomem:
	psobj_value_free(&r);
	psobj_value_free(&all);
	return ps_fail_nomem(c->e);
}

static int
hashtable_method(const struct psobj_value *v, const char *name,
    struct ps_call *c, struct psobj_value *out)
{
	size_t i;
	bool found = false;
	char *key;

	if (strcasecmp(name, "ContainsValue") == 0) {
		c->method = "ContainsValue";
		if (c->nargs != 1)
			return ps_call_fail_count(c);
		for (i = 0; v->obj != NULL && i < v->obj->nprops; i++)
			found = found || ps_dotnet_equals(&v->obj->props[i].value,
			    &c->args[0]);
		*out = psobj_bool(found);
		return 0;
	}
	if (strcasecmp(name, "ContainsKey") != 0 &&
	    strcasecmp(name, "Contains") != 0)
		return 1;
	c->method = strcasecmp(name, "Contains") == 0 ? "Contains" :
	    "ContainsKey";
	if (c->nargs != 1)
		return ps_call_fail_count(c);
	if (ps_call_string(c, 0, &key) != 0)
		return -1;
	if (key == NULL)
		return ps_call_fail(c, "ArgumentNullException",
		    "Key cannot be null.\nParameter name: key");
	*out = psobj_bool(ps_prop_find(v, key) != NULL);
	free(key);
	return 0;
}

static int
fail_no_method(const struct psobj_value *v, const char *name,
    struct ps_op_error *e)
{
	size_t i;

	for (i = 0; i < sizeof(known_methods) / sizeof(known_methods[0]); i++)
		if (strcasecmp(name, known_methods[i]) == 0)
			return ps_fail_unsupported(e, "The method [%s].%s()",
			    ps_type_name(v), known_methods[i]);
	return ps_fail(e, "MethodNotFound", "InvalidOperation",
	    "RuntimeException", "Method invocation failed because [%s] does "
	    "not contain a method named '%s'.", ps_type_name(v), name);
}

int
ps_method(const struct psobj_value *v, const char *name,
    const struct psobj_value *args, size_t nargs, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_call c = { name, args, nargs, e };
	int rc;

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	if (v->kind == PSOBJ_NULL)
		return ps_fail(e, "InvokeMethodOnNull", "InvalidOperation",
		    "RuntimeException",
		    "You cannot call a method on a null-valued expression.");
	if ((rc = common_method(v, name, &c, out)) <= 0)
		return rc;
	rc = 1;
	if (v->kind == PSOBJ_STRING && !ps_is_char(v))
		rc = ps_string_method(v, name, &c, out);
	else if (v->kind == PSOBJ_DATETIME)
		rc = datetime_method(v, name, &c, out);
	else if (v->kind == PSOBJ_ARRAY)
		rc = array_method(v, name, &c, out);
	else if (v->kind == PSOBJ_HASHTABLE)
		rc = hashtable_method(v, name, &c, out);
	if (rc <= 0)
		return rc;
	return fail_no_method(v, name, e);
}

/* ---- methods that change their target --------------------------------- */

static int
hashtable_update(struct psobj_value *v, const char *name, struct ps_call *c,
    struct psobj_value *out)
{
	struct psobj_value val;
	char *key = NULL;
	size_t i;

	c->method = strcasecmp(name, "Add") == 0 ? "Add" :
	    strcasecmp(name, "Remove") == 0 ? "Remove" : "Clear";
	if (c->nargs != (size_t)(c->method[0] == 'A' ? 2 : c->method[0] == 'R'))
		return ps_call_fail_count(c);
	if (c->method[0] == 'C') {
		for (i = 0; i < v->obj->nprops; i++) {
			free(v->obj->props[i].name);
			psobj_value_free(&v->obj->props[i].value);
		}
		v->obj->nprops = 0;
		return 0;
	}
	if (ps_call_string(c, 0, &key) != 0)
		return -1;
	if (key == NULL)
		return ps_call_fail(c, "ArgumentNullException",
		    "Key cannot be null.\nParameter name: key");
	if (c->method[0] == 'A' && ps_prop_find(v, key) != NULL) {
		ps_call_fail(c, "ArgumentException", "Item has already been added. "
		    "Key in dictionary: '%s'  Key being added: '%s'", key, key);
		free(key);
		return -1;
	}
	if (c->method[0] == 'A') {
		if (psobj_value_copy(&val, &c->args[1]) != 0 ||
		    psobj_add(v->obj, key, val) != 0) {
			free(key);
			return ps_fail_nomem(c->e);
		}
	} else {
		for (i = 0; i < v->obj->nprops; i++)
			if (ps_str_eq(v->obj->props[i].name, key, true))
				break;
		if (i < v->obj->nprops) {
			free(v->obj->props[i].name);
			psobj_value_free(&v->obj->props[i].value);
			memmove(&v->obj->props[i], &v->obj->props[i + 1],
			    (v->obj->nprops - i - 1) * sizeof(v->obj->props[0]));
			v->obj->nprops--;
		}
	}
	free(key);
	*out = psobj_null();
	return 0;
}

int
ps_method_update(struct psobj_value *v, const char *name,
    const struct psobj_value *args, size_t nargs, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct ps_call c = { name, args, nargs, e };

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	if (v->kind == PSOBJ_HASHTABLE && v->obj != NULL &&
	    (strcasecmp(name, "Add") == 0 || strcasecmp(name, "Remove") == 0 ||
	    strcasecmp(name, "Clear") == 0))
		return hashtable_update(v, name, &c, out);
	return ps_method(v, name, args, nargs, out, e);
}
