/*
 * static_members.c: [type]::Member for the few static members scripts
 * around tnc use (static_members.h); interp_vet() refuses the rest.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/static_members.h"

enum static_id {
	ST_NOW, ST_UTCNOW, ST_TODAY, ST_INT_MAX, ST_INT_MIN, ST_LONG_MAX,
	ST_LONG_MIN, ST_EMPTY, ST_IS_NULL_OR_EMPTY, ST_IS_NULL_OR_WHITE_SPACE
};

static const struct {
	const char *type;		/* without "System." */
	const char *name;
	bool	invoke;
	enum static_id id;
} statics[] = {
	{ "datetime", "Now", false, ST_NOW },
	{ "datetime", "UtcNow", false, ST_UTCNOW },
	{ "datetime", "Today", false, ST_TODAY },
	{ "int", "MaxValue", false, ST_INT_MAX },
	{ "int32", "MaxValue", false, ST_INT_MAX },
	{ "int", "MinValue", false, ST_INT_MIN },
	{ "int32", "MinValue", false, ST_INT_MIN },
	{ "long", "MaxValue", false, ST_LONG_MAX },
	{ "int64", "MaxValue", false, ST_LONG_MAX },
	{ "long", "MinValue", false, ST_LONG_MIN },
	{ "int64", "MinValue", false, ST_LONG_MIN },
	{ "string", "Empty", false, ST_EMPTY },
	{ "string", "IsNullOrEmpty", true, ST_IS_NULL_OR_EMPTY },
	{ "string", "IsNullOrWhiteSpace", true, ST_IS_NULL_OR_WHITE_SPACE },
};
#define NSTATICS	(sizeof(statics) / sizeof(statics[0]))

static int
find(const char *type, const char *name, bool invoke)
{
	size_t i;

	if (strncasecmp(type, "System.", 7) == 0)
		type += 7;
	for (i = 0; i < NSTATICS; i++)
		if (strcasecmp(type, statics[i].type) == 0 &&
		    strcasecmp(name, statics[i].name) == 0 &&
		    statics[i].invoke == invoke)
			return (int)i;
	return -1;
}

bool
static_member_known(const char *type, const char *name, bool invoke)
{
	return find(type, name, invoke) >= 0;
}

/* [string]::IsNullOrEmpty(x) and IsNullOrWhiteSpace(x), x as a string */
static enum flow
string_test(struct interp *in, const struct ast *e, bool white,
    struct psobj_value *v)
{
	struct psobj_value x;
	const char *p;
	char *s;
	enum flow f;

	if (e->args.n != 1)
		return eval_runtime_error(in, e, "MethodCountCouldNotFindBest",
		    "NotSpecified", "Cannot find an overload for \"%s\" and "
		    "the argument count: \"%zu\".", e->text, e->args.n);
	f = eval_expr(in, e->args.v[0], &x);
	if (f != FLOW_NEXT)
		return f;
	s = x.kind == PSOBJ_NULL ? strdup("") : ps_to_string(&x);
	psobj_value_free(&x);
	if (s == NULL)
		return eval_nomem(in);
	for (p = s; white && (*p == ' ' || (*p >= '\t' && *p <= '\r')); p++)
		;
	*v = psobj_bool(*p == '\0');
	free(s);
	return FLOW_NEXT;
}

enum flow
static_member_eval(struct interp *in, const struct ast *e,
    struct psobj_value *v)
{
	struct psobj_value now;
	struct ps_op_error err;
	bool found;
	int i = find(e->target->text, e->text != NULL ? e->text : "",
	    e->kind == AST_INVOKE);

	if (i < 0)		/* interp_vet() let none through */
		return eval_runtime_error(in, e, "StaticMemberNotSupported",
		    "NotImplemented", "The static member [%s]::%s is not "
		    "supported by tnc.", e->target->text,
		    e->text != NULL ? e->text : "");
	switch (statics[i].id) {
	case ST_NOW:
	case ST_UTCNOW:
		*v = ps_datetime_now(statics[i].id == ST_UTCNOW);
		return FLOW_NEXT;
	case ST_TODAY:
		now = ps_datetime_now(false);
		if (ps_member(&now, "Date", v, &found, &err) != 0)
			return eval_error(in, e, &err);
		return FLOW_NEXT;
	case ST_INT_MAX:
		*v = psobj_int(INT32_MAX, "System.Int32");
		return FLOW_NEXT;
	case ST_INT_MIN:
		*v = psobj_int(INT32_MIN, "System.Int32");
		return FLOW_NEXT;
	case ST_LONG_MAX:
		*v = psobj_int(INT64_MAX, "System.Int64");
		return FLOW_NEXT;
	case ST_LONG_MIN:
		*v = psobj_int(INT64_MIN, "System.Int64");
		return FLOW_NEXT;
	case ST_EMPTY:
		return psobj_string(v, "") == 0 ? FLOW_NEXT : eval_nomem(in);
	case ST_IS_NULL_OR_EMPTY:
	case ST_IS_NULL_OR_WHITE_SPACE:
		return string_test(in, e, statics[i].id ==
		    ST_IS_NULL_OR_WHITE_SPACE, v);
	}
	return FLOW_NEXT;
}
