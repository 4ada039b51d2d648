/*
 * fuzz_ops.c: libFuzzer harness (d), the operators, casts, members,
 * methods and format strings of objects/ps_ops.h on fuzzed values.  The
 * input is read as a small program: it builds up to eight values (nulls,
 * booleans, numbers of each type, Decimals, strings, Chars, arrays,
 * hashtables, PSCustomObjects, DateTimes of each Kind), then applies
 * operations to them, taking operator, type, member and method names from
 * short lists or from the input itself.  Invariants: no crash, no leak;
 * a call that fails leaves $null and a complete error record (id,
 * category, exception and text, or nomem); operands stay as they were;
 * no NUL in any text; UTF-8 strings in give UTF-8 out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops.h"
#include "tests/fuzz/byte_source.h"
#include "tests/fuzz/invariants.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NVALUES	8

static long long
number(struct src *s, int bytes)
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < bytes; i++)
		v = v << 8 | byte(s);
	return (long long)v;
}

/* strings of up to 47 bytes */
#define STR_MOD	48

static const char *const int_types[] = { "System.Int32", "System.Int64",
	"System.UInt32", "System.Byte", "System.Int16", "System.UInt64",
	"System.SByte", "System.UInt16" };

static int value(struct src *s, struct psobj_value *v, int depth);

static int
table(struct src *s, struct psobj_value *v, int depth, bool custom)
{
	struct psobj_value it;
	struct ps_op_error e = { 0 };
	unsigned n = byte(s) % 5, i;
	char key[48];

	if (psobj_hashtable(v, byte(s) & 1) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		str_upto(s, key, STR_MOD);
		if (value(s, &it, depth + 1) != 0 || psobj_add(v->obj, key, it) != 0)
			return -1;
	}
	if (custom && ps_convert(v, "pscustomobject", &it, &e) == 0) {
		psobj_value_free(v);
		*v = it;
	}
	ps_op_error_free(&e);
	return 0;
}

static int
value(struct src *s, struct psobj_value *v, int depth)
{
	struct psobj_value it, tmp;
	struct ps_op_error e;
	unsigned kind = byte(s) % (depth < 3 ? 14 : 10), n, i;
	char buf[48];
	double d;

	*v = psobj_null();
	switch (kind) {
	case 0: return 0;
	case 1: *v = psobj_bool(byte(s) & 1); return 0;
	case 2: *v = psobj_int((int)number(s, 4), NULL); return 0;
	case 3:
		*v = psobj_int(number(s, 8), int_types[byte(s) % 8]);
		return 0;
	case 4:
		memcpy(&d, &(long long){ number(s, 8) }, sizeof(d));
		*v = psobj_double(d, NULL);
		return 0;
	case 5:
		*v = psobj_double((double)(int)number(s, 4) / 64, NULL);
		return 0;
	case 6:			/* a Decimal, as a cast makes one */
		if (psobj_string(&tmp, str_upto(s, buf, STR_MOD)) != 0)
			return -1;
		ps_convert(&tmp, "decimal", v, &e);	/* $null when no number */
		psobj_value_free(&tmp);
		n = e.nomem;
		ps_op_error_free(&e);
		return n ? -1 : 0;
	case 7:
	case 8:
		return psobj_string(v, str_upto(s, buf, STR_MOD));
	case 9:			/* a DateTime, or a Char */
		if (byte(s) & 1) {
			*v = psobj_datetime((long long)((unsigned long long)
			    number(s, 8) % 3155378976000000000ULL), byte(s) & 1);
			v->d = byte(s) & 1;
			return 0;
		}
		if (psobj_string(v, str_upto(s, buf, STR_MOD)) != 0)
			return -1;
		v->type = "System.Char";
		return 0;
	case 10:
	case 11:
		n = byte(s) % 5;
		if (psobj_array(v, 0, NULL) != 0)
			return -1;
		for (i = 0; i < n; i++) {
			struct psobj_value *grown;

			if (value(s, &it, depth + 1) != 0)
				return -1;
			grown = realloc(v->items, (v->nitems + 2) * sizeof(*grown));
			if (grown == NULL) {
				psobj_value_free(&it);
				return -1;
			}
			v->items = grown;
			v->items[v->nitems++] = it;
			v->items[v->nitems] = psobj_null();
		}
		return 0;
	case 12:
		return table(s, v, depth, false);
	default:
		return table(s, v, depth, true);
	}
}

/* The checks on one call's outcome. */
static void
check_outcome(int rc, struct psobj_value *out, struct ps_op_error *e,
    bool utf8)
{
	char *t;

	if (rc != 0) {
		if (out->kind != PSOBJ_NULL)
			fuzz_fail("a failed call left a value", NULL, 0);
		if (!e->nomem && (e->message == NULL || e->error_id == NULL ||
		    e->category == NULL || e->exception == NULL))
			fuzz_fail("an incomplete error record", e->message,
			    e->message != NULL ? strlen(e->message) : 0);
		if (e->message != NULL && utf8 &&
		    !utf8_valid(e->message, strlen(e->message)))
			fuzz_fail("UTF-8 in, not UTF-8 in the error", e->message,
			    strlen(e->message));
	} else if ((t = ps_to_string(out)) != NULL) {
		if (utf8 && !utf8_valid(t, strlen(t)))
			fuzz_fail("UTF-8 in, not UTF-8 out", t, strlen(t));
		free(t);
	}
	psobj_value_free(out);
	ps_op_error_free(e);
}

static const char *const types[] = { "int", "long", "double", "decimal",
	"string", "bool", "datetime", "array", "int[]", "string[]",
	"pscustomobject", "hashtable", "ordered", "char", "byte", "uint64",
	"object", "xml" };
static const char *const names[] = { "Count", "Length", "Year", "Trim",
	"Split", "Substring", "ToString", "Replace", "AddDays", "IndexOf",
	"PadLeft", "Keys", "ContainsKey", "GetType", "ToUpper", "Contains",
	"Insert", "Remove", "StartsWith", "DayOfWeek", "TrimEnd", "Add",
	"AddMonths", "ToUniversalTime", "Equals", "LastIndexOf", "Values" };
static const char *const formats[] = { "{0}", "{0,-10}|{1,5}", "{0:N2}",
	"{0:D3}", "{0:X}", "{0:P}", "{{{0}}}", "{0:yyyy-MM-dd HH:mm:ss.fff}",
	"{0:0.00;(0.00);zero}", "{0:#,##0.0e+0}", "{1:o}", "{0:G17}" };

/* One operation on the values; the operands are left as they were. */
static void
operate(struct src *s, struct psobj_value *vals)
{
	struct psobj_value *l = &vals[byte(s) % NVALUES];
	struct psobj_value *r = &vals[byte(s) % NVALUES], out, m, fmt;
	struct ps_op_error e;
	unsigned what = byte(s) % 11;
	char buf[48], *name;
	bool found;
	int rc, cmp;

	name = (byte(s) & 7) == 0 ? str_upto(s, buf, STR_MOD) :
	    (char *)names[byte(s) % (sizeof(names) / sizeof(names[0]))];
	switch (what) {
	case 0: case 1: case 2:
		rc = ps_op_binary((enum ps_op)(byte(s) % (PS_OP_RANGE + 1)),
		    (enum ps_op_case)(byte(s) % 3), l, r, &out, &m, &e);
		psobj_value_free(&m);
		break;
	case 3:
		rc = ps_op_unary((enum ps_op)(byte(s) % (PS_OP_PLUS + 1)), l, &out,
		    &e);
		break;
	case 4:
		rc = ps_convert(l, (byte(s) & 7) == 0 ?
		    str_upto(s, buf, STR_MOD) :
		    types[byte(s) % (sizeof(types) / sizeof(types[0]))], &out, &e);
		break;
	case 5:
		rc = ps_member(l, name, &out, &found, &e);
		break;
	case 6:
		rc = ps_index(l, r, &out, &e);
		break;
	case 7:
		rc = ps_method(l, name, r->kind == PSOBJ_ARRAY ? r->items : r,
		    r->kind == PSOBJ_ARRAY ? r->nitems : 1, &out, &e);
		break;
	case 8:
		if (psobj_string(&fmt, (byte(s) & 3) == 0 ?
		    str_upto(s, buf, STR_MOD) :
		    formats[byte(s) % (sizeof(formats) / sizeof(formats[0]))]) != 0)
			return;
		rc = ps_format(&fmt, r, &out, &e);
		psobj_value_free(&fmt);
		break;
	case 9:
		out = psobj_null();
		rc = ps_compare_values(l, r, byte(s) & 1, &cmp, &e);
		(void)ps_is_true(l);
		break;
	default:		/* the calls that change their target */
		if (psobj_value_copy(&m, l) != 0)
			return;
		out = psobj_null();
		rc = (byte(s) & 1) ? ps_set_member(&m, name, r, &e) :
		    ps_set_index(&m, r, r, &e);
		ps_op_error_free(&e);
		if (ps_method_update(&m, name, r, 1, &out, &e) == 0)
			psobj_value_free(&out);
		ps_op_error_free(&e);
		psobj_value_free(&m);
		return;
	}
	check_outcome(rc, &out, &e, s->utf8);	/* the strings read so far */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s = { data, size, true };
	struct psobj_value vals[NVALUES];
	char *before[NVALUES], *after;
	size_t i, ops;

	for (i = 0; i < NVALUES; i++)
		if (value(&s, &vals[i], 0) != 0)
			vals[i] = psobj_null();
	for (i = 0; i < NVALUES; i++)
		before[i] = ps_to_string(&vals[i]);
	for (ops = 0; ops < 16 && s.n > 0; ops++)
		operate(&s, vals);
	for (i = 0; i < NVALUES; i++) {
		after = ps_to_string(&vals[i]);
		if (before[i] != NULL && after != NULL &&
		    strcmp(before[i], after) != 0)
			fuzz_fail("an operand changed", after, strlen(after));
		free(before[i]);
		free(after);
		psobj_value_free(&vals[i]);
	}
	return 0;
}
