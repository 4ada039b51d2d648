/*
 * ps_cast.c: [type] casts and -is / -as for the types scripts around tnc
 * use: the numbers, [string] [char] [bool] [datetime], [array] and T[],
 * [object], [pscustomobject] (from a hashtable: its entries as
 * properties, in order), [hashtable] and [ordered].
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

enum cast_kind {
	CAST_NUMBER,		/* a TypeCode, bool included */
	CAST_CHAR, CAST_STRING, CAST_DATETIME, CAST_ARRAY, CAST_OBJECT,
	CAST_PSCUSTOM, CAST_HASHTABLE, CAST_ORDERED
};

struct cast_type {
	const char *name;	/* lower case, without "System." */
	enum cast_kind kind;
	enum ps_tc tc;
	const char *full;	/* the .NET name */
};

static const struct cast_type cast_types[] = {
	{ "int", CAST_NUMBER, PS_TC_INT32, "System.Int32" },
	{ "int32", CAST_NUMBER, PS_TC_INT32, "System.Int32" },
	{ "long", CAST_NUMBER, PS_TC_INT64, "System.Int64" },
	{ "int64", CAST_NUMBER, PS_TC_INT64, "System.Int64" },
	{ "byte", CAST_NUMBER, PS_TC_BYTE, "System.Byte" },
	{ "sbyte", CAST_NUMBER, PS_TC_SBYTE, "System.SByte" },
	{ "int16", CAST_NUMBER, PS_TC_INT16, "System.Int16" },
	{ "short", CAST_NUMBER, PS_TC_INT16, "System.Int16" },
	{ "uint16", CAST_NUMBER, PS_TC_UINT16, "System.UInt16" },
	{ "ushort", CAST_NUMBER, PS_TC_UINT16, "System.UInt16" },
	{ "uint32", CAST_NUMBER, PS_TC_UINT32, "System.UInt32" },
	{ "uint", CAST_NUMBER, PS_TC_UINT32, "System.UInt32" },
	{ "uint64", CAST_NUMBER, PS_TC_UINT64, "System.UInt64" },
	{ "ulong", CAST_NUMBER, PS_TC_UINT64, "System.UInt64" },
	{ "double", CAST_NUMBER, PS_TC_DOUBLE, "System.Double" },
	{ "single", CAST_NUMBER, PS_TC_SINGLE, "System.Single" },
	{ "float", CAST_NUMBER, PS_TC_SINGLE, "System.Single" },
	{ "decimal", CAST_NUMBER, PS_TC_DECIMAL, "System.Decimal" },
	{ "bool", CAST_NUMBER, PS_TC_BOOL, "System.Boolean" },
	{ "boolean", CAST_NUMBER, PS_TC_BOOL, "System.Boolean" },
	{ "char", CAST_CHAR, PS_TC_CHAR, "System.Char" },
	{ "string", CAST_STRING, PS_TC_NONE, "System.String" },
	{ "datetime", CAST_DATETIME, PS_TC_NONE, "System.DateTime" },
	{ "array", CAST_ARRAY, PS_TC_NONE, "System.Array" },
	{ "object", CAST_OBJECT, PS_TC_NONE, "System.Object" },
	{ "psobject", CAST_OBJECT, PS_TC_NONE,
	    "System.Management.Automation.PSObject" },
	{ "management.automation.psobject", CAST_OBJECT, PS_TC_NONE,
	    "System.Management.Automation.PSObject" },
	{ "pscustomobject", CAST_PSCUSTOM, PS_TC_NONE, PS_PSCUSTOMOBJECT },
	{ "management.automation.pscustomobject", CAST_PSCUSTOM, PS_TC_NONE,
	    PS_PSCUSTOMOBJECT },
	{ "hashtable", CAST_HASHTABLE, PS_TC_NONE,
	    "System.Collections.Hashtable" },
	{ "collections.hashtable", CAST_HASHTABLE, PS_TC_NONE,
	    "System.Collections.Hashtable" },
	{ "ordered", CAST_ORDERED, PS_TC_NONE,
	    "System.Collections.Specialized.OrderedDictionary" },
};

/* The array types T[] a cast can name: their .NET names */
static const struct {
	const char *elem, *full;
} array_names[] = {
	{ "System.Object", "System.Object[]" },
	{ "System.Int32", "System.Int32[]" },
	{ "System.Int64", "System.Int64[]" },
	{ "System.String", "System.String[]" },
	{ "System.Double", "System.Double[]" },
	{ "System.Boolean", "System.Boolean[]" },
	{ "System.Byte", "System.Byte[]" },
	{ "System.Char", "System.Char[]" },
	{ "System.DateTime", "System.DateTime[]" },
	{ "System.Decimal", "System.Decimal[]" },
};

/* type as written, without brackets, "System." and case; *array for T[]. */
static const struct cast_type *
lookup(const char *type, bool *array)
{
	char name[128];
	size_t i, n;

	while (isspace((unsigned char)*type) || *type == '[')
		type++;
	if (strncasecmp(type, "System.", 7) == 0)
		type += 7;
	snprintf(name, sizeof(name), "%s", type);
	for (n = strlen(name); n > 0 && (isspace((unsigned char)name[n - 1]) ||
	    name[n - 1] == ']'); )
		name[--n] = '\0';
	*array = n >= 1 && name[n - 1] == '[';
	if (*array)		/* "int[" once the last ']' went */
		name[--n] = '\0';
	for (i = 0; i < sizeof(cast_types) / sizeof(cast_types[0]); i++)
		if (strcasecmp(name, cast_types[i].name) == 0)
			return &cast_types[i];
	return NULL;
}

static const char *
array_type_name(const struct cast_type *t)
{
	size_t i;

	for (i = 0; i < sizeof(array_names) / sizeof(array_names[0]); i++)
		if (strcmp(array_names[i].elem, t->full) == 0)
			return array_names[i].full;
	return NULL;
}

bool
ps_type_known(const char *type)
{
	bool array;
	const struct cast_type *t = lookup(type, &array);

	return t != NULL && (!array || array_type_name(t) != NULL);
}

static int
to_char(const struct psobj_value *v, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct psobj_value n;
	char buf[5];
	const char *p;

	if (v->kind == PSOBJ_STRING) {
		p = v->s;
		ps_utf8_next(&p);
		if (*v->s == '\0' || *p != '\0')
			return ps_fail_cast(e, "InvalidCastIConvertible", v->s,
			    "System.Char",
			    "String must be exactly one character long.");
		snprintf(buf, sizeof(buf), "%s", v->s);
	} else {
		if (ps_convert_tc(v, PS_TC_UINT16, &n, e) != 0)
			return -1;
		ps_utf8_encode((uint32_t)n.i, buf);
	}
	if (psobj_string(out, buf) != 0)
		return ps_fail_nomem(e);
	out->type = PS_CHAR;
	return 0;
}

/* [pscustomobject]@{...}: the entries as properties, in their order. */
static int
to_custom_object(const struct psobj_value *v, struct psobj_value *out)
{
	struct psobj *o = psobj_new(PS_PSCUSTOMOBJECT);
	struct psobj_value c;
	char *text;
	size_t i;
	int rc;

	for (i = 0; o != NULL && v->obj != NULL && i < v->obj->nprops; i++) {
		/* PSTypeName names the type for views: not a property */
		if (strcasecmp(v->obj->props[i].name, "PSTypeName") == 0 &&
		    v->obj->props[i].value.kind == PSOBJ_STRING)
			continue;
		if (psobj_value_copy(&c, &v->obj->props[i].value) != 0 ||
		    psobj_add(o, v->obj->props[i].name, c) != 0) {
			psobj_free(o);
			return -1;
		}
	}
	if (o == NULL || (text = ps_custom_object_text(o)) == NULL) {
		psobj_free(o);
		return -1;
	}
	rc = psobj_object(out, o, text);
	free(text);
	return rc;
}

static int
to_table(const struct psobj_value *v, bool ordered, struct psobj_value *out)
{
	const char *type = ordered ?
	    "System.Collections.Specialized.OrderedDictionary" :
	    "System.Collections.Hashtable";
	char *name;

	if (psobj_value_copy(out, v) != 0)
		return -1;
	if ((name = strdup(type)) == NULL) {
		psobj_value_free(out);
		return -1;
	}
	free(out->obj->type_name);
	out->obj->type_name = name;
	out->type = type;
	return 0;
}

static int convert_to(const struct psobj_value *, const struct cast_type *,
    struct psobj_value *, struct ps_op_error *);

/* [array] and T[]: null stays null, a scalar becomes one item. */
static int
to_array(const struct psobj_value *v, const struct cast_type *elem,
    const char *type, struct psobj_value *out, struct ps_op_error *e)
{
	const struct psobj_value *it = v->kind == PSOBJ_ARRAY ? v->items : v;
	size_t n = v->kind == PSOBJ_ARRAY ? v->nitems : 1, i;
	struct psobj_value c;

	if (v->kind == PSOBJ_NULL)
		return 0;
	if (psobj_array(out, 0, type) != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < n; i++) {
		if (elem != NULL ? convert_to(&it[i], elem, &c, e) != 0 :
		    psobj_value_copy(&c, &it[i]) != 0) {
			psobj_value_free(out);
			return elem != NULL ? -1 : ps_fail_nomem(e);
		}
		if (ps_array_push(out, c) != 0) {
			psobj_value_free(out);
			return ps_fail_nomem(e);
		}
	}
	return 0;
}

static int
convert_to(const struct psobj_value *v, const struct cast_type *t,
    struct psobj_value *out, struct ps_op_error *e)
{
	int rc = 0;

	*out = psobj_null();
	switch (t->kind) {
	case CAST_NUMBER:
		return ps_convert_tc(v, t->tc, out, e);
	case CAST_CHAR:
		return to_char(v, out, e);
	case CAST_STRING:
		return ps_string_take(out, ps_to_string(v)) == 0 ? 0 :
		    ps_fail_nomem(e);
	case CAST_DATETIME:
		return ps_convert_datetime(v, out, e);
	case CAST_ARRAY:
		return to_array(v, NULL, "System.Object[]", out, e);
	case CAST_PSCUSTOM:
		if (v->kind == PSOBJ_HASHTABLE)
			rc = to_custom_object(v, out);
		else
			rc = psobj_value_copy(out, v);
		break;
	case CAST_HASHTABLE:
	case CAST_ORDERED:
		if (v->kind == PSOBJ_NULL && t->kind == CAST_HASHTABLE)
			return 0;
		if (v->kind == PSOBJ_HASHTABLE)
			rc = to_table(v, t->kind == CAST_ORDERED, out);
		else if (t->kind == CAST_ORDERED)
			return ps_fail(e, "OrderedAttributeOnlyOnHashLiteralNode",
			    "ParserError", "ParseException", "The ordered "
			    "attribute can be specified only on a hash literal "
			    "node.");
		else
			return ps_fail_cast_value(e, v, t->full);
		break;
	default:
		rc = psobj_value_copy(out, v);
		break;
	}
	return rc == 0 ? 0 : ps_fail_nomem(e);
}

int
ps_convert(const struct psobj_value *v, const char *type,
    struct psobj_value *out, struct ps_op_error *e)
{
	bool array;
	const struct cast_type *t = lookup(type, &array);
	const char *aname;

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	if (t == NULL || (array && (aname = array_type_name(t)) == NULL))
		return ps_fail_unsupported(e, "The type [%s]", type);
	if (!array)
		return convert_to(v, t, out, e);
	return to_array(v, t->kind == CAST_OBJECT ? NULL : t, aname, out, e);
}

/* ---- -is, -isnot, -as ------------------------------------------------- */

int
ps_type_test(const struct psobj_value *v, const char *type, bool *is,
    struct ps_op_error *e)
{
	bool array;
	const struct cast_type *t = lookup(type, &array);

	*is = false;
	if (t == NULL || (array && array_type_name(t) == NULL))
		return ps_fail_unsupported(e, "The type [%s]", type);
	if (v->kind == PSOBJ_NULL)
		return 0;
	if (array) {
		*is = v->kind == PSOBJ_ARRAY && (t->kind == CAST_OBJECT ?
		    strcmp(ps_type_name(v), "System.Object[]") == 0 :
		    strcmp(ps_type_name(v), array_type_name(t)) == 0);
		return 0;
	}
	switch (t->kind) {
	case CAST_NUMBER:
		*is = (v->kind == PSOBJ_INT || v->kind == PSOBJ_DOUBLE ||
		    v->kind == PSOBJ_BOOL) && v->to_string == NULL &&
		    strcmp(ps_type_name(v), t->full) == 0;
		break;
	case CAST_CHAR: *is = ps_is_char(v); break;
	case CAST_STRING: *is = v->kind == PSOBJ_STRING && !ps_is_char(v); break;
	case CAST_DATETIME: *is = v->kind == PSOBJ_DATETIME; break;
	case CAST_ARRAY: *is = v->kind == PSOBJ_ARRAY; break;
	case CAST_PSCUSTOM: *is = ps_is_custom_object(v); break;
	case CAST_HASHTABLE:
		*is = v->kind == PSOBJ_HASHTABLE &&
		    strcmp(ps_type_name(v), t->full) == 0;
		break;
	case CAST_ORDERED:
		return ps_fail_unsupported(e, "-is [ordered]");
	default:
		*is = true;		/* [object], [psobject] */
		break;
	}
	return 0;
}
