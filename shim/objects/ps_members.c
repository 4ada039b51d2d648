/*
 * ps_members.c: v.Name and v[index] as 5.1 reads and assigns them: object
 * properties, hashtable entries before the table's own members, .Count and
 * .Length on anything (PowerShell 3's intrinsic members), member
 * enumeration over arrays, DateTime parts, negative and several indexes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

static const char *const day_names[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};
static const char *const kind_names[] = { "Unspecified", "Utc", "Local" };

struct psobj_prop *
ps_prop_find(const struct psobj_value *v, const char *name)
{
	size_t i;

	if ((v->kind != PSOBJ_OBJECT && v->kind != PSOBJ_HASHTABLE) ||
	    v->obj == NULL)
		return NULL;
	for (i = 0; i < v->obj->nprops; i++)
		if (ps_str_eq(v->obj->props[i].name, name, true))
			return &v->obj->props[i];
	return NULL;
}

static bool
is(const char *name, const char *member)
{
	return strcasecmp(name, member) == 0;
}

/* A DateTime's members (and PowerShell's DateTime script property). */
static int
datetime_member(const struct psobj_value *v, const char *name,
    struct psobj_value *out, bool *found)
{
	struct ps_civil c;
	enum ps_dt_kind k = ps_dt_kind(v);

	ps_civil_of(v->i, &c);
	*found = true;
	if (is(name, "Year")) *out = psobj_int(c.year, NULL);
	else if (is(name, "Month")) *out = psobj_int(c.month, NULL);
	else if (is(name, "Day")) *out = psobj_int(c.day, NULL);
	else if (is(name, "Hour")) *out = psobj_int(c.hour, NULL);
	else if (is(name, "Minute")) *out = psobj_int(c.minute, NULL);
	else if (is(name, "Second")) *out = psobj_int(c.second, NULL);
	else if (is(name, "Millisecond")) *out = psobj_int(c.frac / 10000, NULL);
	else if (is(name, "DayOfYear")) *out = psobj_int(c.yday, NULL);
	else if (is(name, "Ticks")) *out = psobj_int(v->i, "System.Int64");
	else if (is(name, "Date"))
		*out = ps_dt_value(v->i - v->i % PS_TICKS_PER_DAY, k);
	else if (is(name, "TimeOfDay"))
		return ps_timespan(out, v->i % PS_TICKS_PER_DAY);
	else if (is(name, "DayOfWeek"))
		return psobj_enum(out, c.wday, "System.DayOfWeek",
		    day_names[c.wday]);
	else if (is(name, "Kind"))
		return psobj_enum(out, k, "System.DateTimeKind", kind_names[k]);
	else if (is(name, "DateTime"))
		return ps_string_take(out, ps_datetime_text(v->i, k,
		    "dddd, MMMM d, yyyy h:mm:ss tt"));
	else
		*found = false;
	return 0;
}

static int
hashtable_member(const struct psobj_value *v, const char *name,
    struct psobj_value *out, bool *found)
{
	const struct psobj *o = v->obj;
	size_t i;
	bool keys;

	*found = true;
	if (is(name, "Count")) {
		*out = psobj_int(o != NULL ? (long long)o->nprops : 0, NULL);
		return 0;
	}
	if (is(name, "IsReadOnly") || is(name, "IsFixedSize") ||
	    is(name, "IsSynchronized")) {
		*out = psobj_bool(false);
		return 0;
	}
	if (!is(name, "Keys") && !is(name, "Values")) {
		*found = false;
		return 0;
	}
	keys = is(name, "Keys");
	if (psobj_array(out, 0, NULL) != 0)
		return -1;
	for (i = 0; o != NULL && i < o->nprops; i++) {
		struct psobj_value it;

		if ((keys ? psobj_string(&it, o->props[i].name) :
		    psobj_value_copy(&it, &o->props[i].value)) != 0 ||
		    ps_array_push(out, it) != 0)
			return -1;
	}
	return 0;
}

/* Appends v's items (an array) or v to a; nulls are dropped. */
static int
flatten_into(struct psobj_value *a, struct psobj_value v)
{
	size_t i;
	int rc = 0;

	if (v.kind == PSOBJ_NULL)
		return 0;
	if (v.kind != PSOBJ_ARRAY)
		return ps_array_push(a, v);
	for (i = 0; i < v.nitems && rc == 0; i++)
		if (v.items[i].kind != PSOBJ_NULL)
			rc = ps_array_push_copy(a, &v.items[i]);
	psobj_value_free(&v);
	return rc;
}

/* Member enumeration: each item's member, one level flattened. */
static int
enumerate_member(const struct psobj_value *v, const char *name,
    struct psobj_value *out, bool *found, struct ps_op_error *e)
{
	struct psobj_value all, it;
	size_t i;
	bool f;

	if (psobj_array(&all, 0, NULL) != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < v->nitems; i++) {
		if (v->items[i].kind == PSOBJ_NULL)
			continue;
		if (ps_member(&v->items[i], name, &it, &f, e) != 0) {
			psobj_value_free(&all);
			return -1;
		}
		*found = *found || f;
		if (flatten_into(&all, it) != 0) {
			psobj_value_free(&all);
			return ps_fail_nomem(e);
		}
	}
	if (all.nitems == 1) {		/* one result is that result */
		*out = all.items[0];
		all.items[0] = psobj_null();
		all.nitems = 0;
		psobj_value_free(&all);
	} else if (all.nitems > 1) {
		*out = all;
	} else {
		psobj_value_free(&all);
	}
	return 0;
}

int
ps_member(const struct psobj_value *v, const char *name,
    struct psobj_value *out, bool *found, struct ps_op_error *e)
{
	const struct psobj_prop *p;
	bool count = is(name, "Count") || is(name, "Length");
	int rc = 0;

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	*found = false;
	if ((p = ps_prop_find(v, name)) != NULL) {
		*found = true;
		return psobj_value_copy(out, &p->value) == 0 ? 0 : ps_fail_nomem(e);
	}
	switch (v->kind) {
	case PSOBJ_NULL:		/* $null.Count is 0 */
		if (count)
			*out = psobj_int(0, NULL);
		*found = count;
		return 0;
	case PSOBJ_ARRAY:
		if (count || is(name, "LongLength")) {
			*found = true;
			*out = psobj_int((long long)v->nitems, is(name,
			    "LongLength") ? "System.Int64" : NULL);
			return 0;
		}
		return enumerate_member(v, name, out, found, e);
	case PSOBJ_HASHTABLE:
		rc = hashtable_member(v, name, out, found);
		break;
	case PSOBJ_STRING:
		if (is(name, "Length") && !ps_is_char(v)) {
			*found = true;
			*out = psobj_int((long long)ps_utf16_len(v->s), NULL);
			return 0;
		}
		break;
	case PSOBJ_DATETIME:
		rc = datetime_member(v, name, out, found);
		break;
	default:
		break;
	}
	if (rc != 0)
		return ps_fail_nomem(e);
	if (!*found && count) {		/* a scalar counts as one */
		*found = true;
		*out = psobj_int(1, NULL);
	}
	return 0;
}

/* ---- indexing --------------------------------------------------------- */

static int
fail_cannot_index(const struct psobj_value *v, struct ps_op_error *e)
{
	return ps_fail(e, "CannotIndex", "InvalidOperation", "RuntimeException",
	    "Unable to index into an object of type \"%s\".", ps_type_name(v));
}

/* index as a position in n items (negative from the end); false: outside. */
static int
position(const struct psobj_value *index, size_t n, size_t *pos, bool *inside,
    struct ps_op_error *e)
{
	struct psobj_value i32;

	if (ps_convert_tc(index, PS_TC_INT32, &i32, e) != 0)
		return -1;
	if (i32.i < 0)
		i32.i += (long long)n;
	*inside = i32.i >= 0 && (unsigned long long)i32.i < n;
	*pos = *inside ? (size_t)i32.i : 0;
	return 0;
}

/* v[index] for one index; *got false when nothing is there. */
static int
index_one(const struct psobj_value *v, const struct psobj_value *index,
    struct psobj_value *out, bool *got, struct ps_op_error *e)
{
	const struct psobj_prop *p;
	size_t pos, from, to;
	char *key;

	*out = psobj_null();
	*got = false;
	if (index->kind == PSOBJ_NULL)
		return ps_fail(e, "NullArrayIndex", "InvalidOperation",
		    "RuntimeException",
		    "Index operation failed; the array index evaluated to null.");
	if (v->kind == PSOBJ_HASHTABLE) {
		if ((key = ps_to_string(index)) == NULL)
			return ps_fail_nomem(e);
		p = ps_prop_find(v, key);
		free(key);
		*got = p != NULL;
		return p == NULL || psobj_value_copy(out, &p->value) == 0 ? 0 :
		    ps_fail_nomem(e);
	}
	if (v->kind == PSOBJ_ARRAY) {
		if (position(index, v->nitems, &pos, got, e) != 0)
			return -1;
		return !*got || psobj_value_copy(out, &v->items[pos]) == 0 ? 0 :
		    ps_fail_nomem(e);
	}
	if (v->kind == PSOBJ_STRING && !ps_is_char(v)) {
		if (position(index, ps_utf16_len(v->s), &pos, got, e) != 0)
			return -1;
		if (!*got)
			return 0;
		from = ps_utf16_offset(v->s, pos);
		to = ps_utf16_offset(v->s, pos + 1);
		if (to == from)		/* the low half of a surrogate pair */
			to = from + 4;
		if (ps_string_n(out, v->s + from, to - from) != 0)
			return ps_fail_nomem(e);
		out->type = PS_CHAR;
		return 0;
	}
	/* a scalar is a collection of one */
	if (position(index, 1, &pos, got, e) != 0) {
		ps_op_error_free(e);
		return fail_cannot_index(v, e);
	}
	return !*got || psobj_value_copy(out, v) == 0 ? 0 : ps_fail_nomem(e);
}

int
ps_index(const struct psobj_value *v, const struct psobj_value *index,
    struct psobj_value *out, struct ps_op_error *e)
{
	struct psobj_value it;
	size_t i;
	bool got;

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	if (v->kind == PSOBJ_NULL)
		return ps_fail(e, "NullArray", "InvalidOperation",
		    "RuntimeException", "Cannot index into a null array.");
	if (index->kind != PSOBJ_ARRAY)
		return index_one(v, index, out, &got, e);
	/* several indexes: the items found, those outside left out */
	if (psobj_array(out, 0, NULL) != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < index->nitems; i++) {
		if (index_one(v, &index->items[i], &it, &got, e) != 0) {
			psobj_value_free(out);
			return -1;
		}
		if (got && ps_array_push(out, it) != 0) {
			psobj_value_free(out);
			return ps_fail_nomem(e);
		}
	}
	return 0;
}

/* ---- assignment ------------------------------------------------------- */

/* A PSCustomObject's "$o" text follows its properties. */
static int
refresh_text(struct psobj_value *v)
{
	char *s;

	if (!ps_is_custom_object(v))
		return 0;
	if ((s = ps_custom_object_text(v->obj)) == NULL)
		return -1;
	free(v->to_string);
	v->to_string = s;
	return 0;
}

/* Sets key to a copy of value: the entry's value, or a new entry. */
static int
put_entry(struct psobj_value *v, const char *key,
    const struct psobj_value *value)
{
	struct psobj_prop *p = ps_prop_find(v, key);
	struct psobj_value c;

	if (psobj_value_copy(&c, value) != 0)
		return -1;
	if (p != NULL) {
		psobj_value_free(&p->value);
		p->value = c;
		return 0;
	}
	return psobj_add(v->obj, key, c);
}

int
ps_set_member(struct psobj_value *v, const char *name,
    const struct psobj_value *value, struct ps_op_error *e)
{
	bool found;
	struct psobj_value cur;
	struct ps_op_error ce = { 0 };

	memset(e, 0, sizeof(*e));
	if (v->kind == PSOBJ_HASHTABLE ||
	    (v->kind == PSOBJ_OBJECT && ps_prop_find(v, name) != NULL)) {
		if (put_entry(v, name, value) != 0 || refresh_text(v) != 0)
			return ps_fail_nomem(e);
		return 0;
	}
	if (ps_member(v, name, &cur, &found, &ce) == 0 && found &&
	    v->kind != PSOBJ_NULL && v->kind != PSOBJ_ARRAY) {
		psobj_value_free(&cur);
		return ps_fail(e, "PropertyAssignmentException",
		    "InvalidOperation", "RuntimeException",
		    "'%s' is a ReadOnly property.", name);
	}
	psobj_value_free(&cur);
	ps_op_error_free(&ce);
	return ps_fail(e, "PropertyAssignmentException", "InvalidOperation",
	    "RuntimeException", "The property '%s' cannot be found on this "
	    "object. Verify that the property exists and can be set.", name);
}

int
ps_set_index(struct psobj_value *v, const struct psobj_value *index,
    const struct psobj_value *value, struct ps_op_error *e)
{
	struct psobj_value c;
	size_t pos;
	bool inside;
	char *key;
	int rc;

	memset(e, 0, sizeof(*e));
	switch (v->kind) {
	case PSOBJ_NULL:
		return ps_fail(e, "NullArray", "InvalidOperation",
		    "RuntimeException", "Cannot index into a null array.");
	case PSOBJ_HASHTABLE:
		if (index->kind == PSOBJ_NULL)
			return ps_fail(e, "NullArrayIndex", "InvalidOperation",
			    "RuntimeException", "Index operation failed; the "
			    "array index evaluated to null.");
		if ((key = ps_to_string(index)) == NULL)
			return ps_fail_nomem(e);
		rc = put_entry(v, key, value);
		free(key);
		return rc == 0 ? 0 : ps_fail_nomem(e);
	case PSOBJ_ARRAY:
		if (position(index, v->nitems, &pos, &inside, e) != 0)
			return -1;
		if (!inside)
			return ps_fail_dotnet(e, "IndexOutOfRangeException",
			    "Index was outside the bounds of the array.");
		if (psobj_value_copy(&c, value) != 0)
			return ps_fail_nomem(e);
		psobj_value_free(&v->items[pos]);
		v->items[pos] = c;
		return 0;
	default:
		return fail_cannot_index(v, e);
	}
}
