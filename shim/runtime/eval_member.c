/*
 * eval_member.c: what follows a value: .Member, .Method(args), [index],
 * a [type] cast before it, and the few static members scripts around tnc
 * use ([datetime]::Now, [int]::MaxValue, [string]::IsNullOrEmpty($x)).
 * The members themselves are the objects layer's (ps_member, ps_method,
 * ps_index, ps_convert): nothing else of .NET is reachable.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/interp.h"
#include "runtime/static_members.h"

enum flow
eval_member_name(struct interp *in, const struct ast *e, char **name)
{
	struct psobj_value v;
	enum flow f;

	if (e->member == NULL) {
		*name = strdup(e->text);
		return *name != NULL ? FLOW_NEXT : eval_nomem(in);
	}
	f = eval_expr(in, e->member, &v);
	if (f != FLOW_NEXT)
		return f;
	*name = ps_to_string(&v);
	psobj_value_free(&v);
	return *name != NULL ? FLOW_NEXT : eval_nomem(in);
}

/* The arguments of a method call, evaluated in order; *n of them. */
static enum flow
eval_args(struct interp *in, const struct ast *e, struct psobj_value **args,
    size_t *n)
{
	enum flow f = FLOW_NEXT;

	*n = 0;
	*args = calloc(e->args.n + 1, sizeof(**args));
	if (*args == NULL)
		return eval_nomem(in);
	for (; *n < e->args.n && f == FLOW_NEXT; (*n)++)
		f = eval_expr(in, e->args.v[*n], &(*args)[*n]);
	return f;
}

static void
args_free(struct psobj_value *args, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		psobj_value_free(&args[i]);
	free(args);
}

/*
 * The variable a method may change in place ($h.Add('k', 1)), or NULL
 * when the target is not a plain variable of the script.
 */
static struct psobj_value *
writable_target(struct interp *in, const struct ast *target)
{
	if (target->kind != AST_VARIABLE || (target->scope != NULL &&
	    strcmp(target->scope, "env") == 0))
		return NULL;
	return scope_get_mut(in->scope, strcasecmp(target->text, "PSItem") ==
	    0 ? "_" : target->text);
}

/* target.Method(args) */
static enum flow
eval_invoke(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value target, *args, *w;
	struct ps_op_error err;
	size_t n;
	char *name;
	enum flow f;
	int rc = 0;

	if (e->static_member)
		return static_member_eval(in, e, v);
	f = eval_member_name(in, e, &name);
	if (f != FLOW_NEXT)
		return f;
	f = eval_args(in, e, &args, &n);
	if (f == FLOW_NEXT && (w = writable_target(in, e->target)) != NULL) {
		rc = ps_method_update(w, name, args, n, v, &err);
	} else if (f == FLOW_NEXT &&
	    (f = eval_expr(in, e->target, &target)) == FLOW_NEXT) {
		rc = ps_method(&target, name, args, n, v, &err);
		psobj_value_free(&target);
	}
	args_free(args, n);
	free(name);
	if (f != FLOW_NEXT)
		return f;
	return rc == 0 ? FLOW_NEXT : eval_error(in, e, &err);
}

enum flow
eval_access(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value target, arg;
	struct ps_op_error err;
	char *name = NULL;
	bool found;
	enum flow f;
	int rc = 0;

	if (e->kind == AST_INVOKE)
		return eval_invoke(in, e, v);
	if (e->kind == AST_MEMBER && e->static_member)
		return static_member_eval(in, e, v);
	f = eval_expr(in, e->kind == AST_CAST ? e->operand : e->target,
	    &target);
	if (f != FLOW_NEXT)
		return f;
	switch (e->kind) {
	case AST_MEMBER:
		f = eval_member_name(in, e, &name);
		if (f == FLOW_NEXT)
			rc = ps_member(&target, name, v, &found, &err);
		free(name);
		break;
	case AST_INDEX:
		f = eval_expr(in, e->index, &arg);
		if (f == FLOW_NEXT) {
			rc = ps_index(&target, &arg, v, &err);
			psobj_value_free(&arg);
		}
		break;
	default:	/* AST_CAST */
		rc = ps_convert(&target, e->text, v, &err);
		break;
	}
	psobj_value_free(&target);
	if (f != FLOW_NEXT)
		return f;
	return rc == 0 ? FLOW_NEXT : eval_error(in, e, &err);
}
