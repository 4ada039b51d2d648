/*
 * eval_assign.c: assignment statements: $x = ..., $x += ..., $env:X = ...,
 * $null = ... (the output dropped), and into a member or an item of a
 * variable's value ($r.Note = 'x', $h['k'] = 1, $a[0].Port = 1), changed
 * in place.  The right side is a value as PowerShell takes it: an
 * expression's value as it is (an empty array stays one), a pipeline's
 * output gathered as $( ) gathers it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/interp.h"

/* The variable's name as the scopes keep it ($PSItem is $_). */
static const char *
var_name(const struct ast *v)
{
	return strcasecmp(v->text, "PSItem") == 0 ? "_" : v->text;
}

static struct scope *
var_scope(struct interp *in, const struct ast *v)
{
	return v->scope != NULL && (strcmp(v->scope, "script") == 0 ||
	    strcmp(v->scope, "global") == 0) ? in->global : in->scope;
}

static bool
is_statement(const struct ast *a)
{
	switch (a->kind) {
	case AST_PIPELINE:	/* $a = $b = 1 */
	case AST_IF:
	case AST_FOREACH:
	case AST_FOR:
	case AST_WHILE:
	case AST_DO_WHILE:
	case AST_DO_UNTIL:
	case AST_TRY:
		return true;
	default:
		return false;
	}
}

/* The value of an assignment's right side. */
static enum flow
assigned_value(struct interp *in, const struct ast *pl, struct psobj_value *v)
{
	const struct ast *only = pl->elems.n == 1 ? pl->elems.v[0] : NULL;
	struct ast bare = *pl;
	enum flow f;

	if (only != NULL && only->kind == AST_PIPELINE &&
	    only->assign_target != NULL) {
		/* $a = $b = v: $b is assigned, its value is $a's too */
		f = eval_assignment(in, only);
		if (f != FLOW_NEXT)
			return f;
		return only->assign_target->kind == AST_CONSTANT ? FLOW_NEXT :
		    eval_expr(in, only->assign_target, v);
	}
	if (only != NULL && is_statement(only))
		return eval_collect(in, NULL, only, false, v);
	if (only != NULL && only->kind != AST_COMMAND)
		return eval_expr(in, only, v);
	bare.assign_target = NULL;
	return eval_collect(in, NULL, &bare, false, v);
}

/*
 * The value an lvalue names, to change in place: a variable, a member of
 * one, an item of one.  NULL after an error (*f says which).
 */
static struct psobj_value *
lvalue(struct interp *in, const struct ast *a, enum flow *f)
{
	struct psobj_value *base, idx, *slot = NULL;
	struct psobj_prop *pr;
	struct ps_op_error err;
	char *name;

	*f = FLOW_NEXT;
	if (a->kind == AST_VARIABLE) {
		base = scope_get_mut(var_scope(in, a), var_name(a));
		if (base == NULL)
			*f = eval_runtime_error(in, a, "NullArray",
			    "InvalidOperation", "Cannot index into a null "
			    "array.");
		return base;
	}
	if (a->kind != AST_MEMBER && a->kind != AST_INDEX) {
		*f = eval_runtime_error(in, a, "InvalidLeftHandSide",
		    "ParserError", "The assignment expression is not valid.");
		return NULL;
	}
	if ((base = lvalue(in, a->target, f)) == NULL)
		return NULL;
	if (a->kind == AST_MEMBER) {
		if ((*f = eval_member_name(in, a, &name)) != FLOW_NEXT)
			return NULL;
		pr = base->kind == PSOBJ_OBJECT || base->kind ==
		    PSOBJ_HASHTABLE ? (struct psobj_prop *)psobj_find(base->obj,
		    name) : NULL;
		if (pr == NULL)
			*f = eval_runtime_error(in, a, "PropertyNotFound",
			    "InvalidOperation", "The property '%s' cannot be "
			    "found on this object. Verify that the property "
			    "exists.", name);
		free(name);
		return pr != NULL ? &pr->value : NULL;
	}
	if ((*f = eval_expr(in, a->index, &idx)) != FLOW_NEXT)
		return NULL;
	if (base->kind == PSOBJ_ARRAY && idx.kind == PSOBJ_INT) {
		long long i = idx.i < 0 ? idx.i + (long long)base->nitems :
		    idx.i;

		if (i >= 0 && (size_t)i < base->nitems)
			slot = &base->items[i];
	} else if (base->kind == PSOBJ_HASHTABLE) {
		/* $h['k'].x = 1: the entry, made when new */
		if (ps_set_index(base, &idx, &(struct psobj_value){ 0 },
		    &err) == 0) {
			name = ps_to_string(&idx);
			pr = name != NULL ? (struct psobj_prop *)psobj_find(
			    base->obj, name) : NULL;
			free(name);
			slot = pr != NULL ? &pr->value : NULL;
		} else {
			psobj_value_free(&idx);
			*f = eval_error(in, a, &err);
			return NULL;
		}
	}
	psobj_value_free(&idx);
	if (slot == NULL)
		*f = eval_runtime_error(in, a, "IndexOutOfRange",
		    "InvalidOperation", "Index was outside the bounds of the "
		    "array.");
	return slot;
}

/* $x.Member = v, $x[i] = v (v freed). */
static enum flow
store_into(struct interp *in, const struct ast *target, struct psobj_value *v)
{
	struct psobj_value *base, idx;
	struct ps_op_error err;
	char *name;
	enum flow f;
	int rc = 0;

	base = lvalue(in, target->target, &f);
	if (base == NULL) {
		psobj_value_free(v);
		return f;
	}
	if (target->kind == AST_MEMBER) {
		f = eval_member_name(in, target, &name);
		if (f == FLOW_NEXT) {
			rc = ps_set_member(base, name, v, &err);
			free(name);
		}
	} else {
		f = eval_expr(in, target->index, &idx);
		if (f == FLOW_NEXT) {
			rc = ps_set_index(base, &idx, v, &err);
			psobj_value_free(&idx);
		}
	}
	psobj_value_free(v);
	if (f != FLOW_NEXT)
		return f;
	return rc == 0 ? FLOW_NEXT : eval_error(in, target, &err);
}

enum flow
eval_store(struct interp *in, const struct ast *target, struct psobj_value *v)
{
	char *s;
	int rc;

	if (target->kind == AST_CONSTANT) {	/* $null = ...: dropped */
		psobj_value_free(v);
		if (target->constant == AST_CONST_NULL)
			return FLOW_NEXT;
		return eval_runtime_error(in, target, "VariableNotWritable",
		    "WriteError", "Cannot overwrite variable %s because it is "
		    "read-only or constant.", target->constant ==
		    AST_CONST_TRUE ? "true" : "false");
	}
	if (target->kind != AST_VARIABLE)
		return store_into(in, target, v);
	if (target->scope != NULL && strcmp(target->scope, "env") == 0) {
		if (in->usings != NULL) {	/* a -Parallel worker thread */
			psobj_value_free(v);
			return eval_runtime_error(in, target,
			    "EnvironmentInParallelNotSupported",
			    "NotImplemented", "Setting $env:%s inside a "
			    "ForEach-Object -Parallel block is not supported "
			    "by tnc.", target->text);
		}
		s = ps_to_string(v);
		psobj_value_free(v);
		if (s == NULL)
			return eval_nomem(in);
		/* $env:X = '' removes it, as in PowerShell */
		rc = *s != '\0' ? setenv(target->text, s, 1) :
		    unsetenv(target->text);
		free(s);
		return rc == 0 ? FLOW_NEXT : eval_nomem(in);
	}
	return scope_set(var_scope(in, target), var_name(target), v) == 0 ?
	    FLOW_NEXT : eval_nomem(in);
}

/*
 * ++x, --x, x++, x--: x becomes x + 1 (or - 1) by the operators' rules
 * (an Int32 past its maximum becomes a Double); the value is the new one
 * before, the old one after.
 */
enum flow
eval_increment(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	bool up = e->op == PS_OP_PRE_INC || e->op == PS_OP_POST_INC;
	bool before = e->op == PS_OP_PRE_INC || e->op == PS_OP_PRE_DEC;
	struct psobj_value old, one = psobj_int(1, "System.Int32"), next, copy;
	struct ps_op_error err;
	enum flow f;

	f = eval_expr(in, e->operand, &old);
	if (f != FLOW_NEXT)
		return f;
	if (ps_op_binary(up ? PS_OP_ADD : PS_OP_SUB, PS_CASE_DEFAULT,
	    old.kind == PSOBJ_NULL ? &(struct psobj_value){ .kind = PSOBJ_INT,
	    .type = "System.Int32" } : &old, &one, &next, NULL, &err) != 0) {
		psobj_value_free(&old);
		return eval_error(in, e, &err);
	}
	if (psobj_value_copy(&copy, before ? &next : &old) != 0) {
		psobj_value_free(&old);
		psobj_value_free(&next);
		return eval_nomem(in);
	}
	psobj_value_free(&old);
	f = eval_store(in, e->operand, &next);
	if (f != FLOW_NEXT) {
		psobj_value_free(&copy);
		return f;
	}
	*v = copy;
	return FLOW_NEXT;
}

/* x op= y: the old value and the new one through the operator. */
static enum flow
compound(struct interp *in, const struct ast *pl, struct psobj_value *v)
{
	enum ps_op op;
	struct psobj_value old, sum;
	struct ps_op_error err;
	enum flow f;
	int rc;

	switch (pl->assign_op) {
	case PS_OP_ADD_ASSIGN: op = PS_OP_ADD; break;
	case PS_OP_SUB_ASSIGN: op = PS_OP_SUB; break;
	case PS_OP_MUL_ASSIGN: op = PS_OP_MUL; break;
	case PS_OP_DIV_ASSIGN: op = PS_OP_DIV; break;
	default: op = PS_OP_MOD; break;
	}
	f = eval_expr(in, pl->assign_target, &old);
	if (f != FLOW_NEXT) {
		psobj_value_free(v);
		return f;
	}
	rc = ps_op_binary(op, PS_CASE_DEFAULT, &old, v, &sum, NULL, &err);
	psobj_value_free(&old);
	psobj_value_free(v);
	if (rc != 0)
		return eval_error(in, pl, &err);
	*v = sum;
	return FLOW_NEXT;
}

enum flow
eval_assignment(struct interp *in, const struct ast *pl)
{
	struct psobj_value v;
	enum flow f;

	f = assigned_value(in, pl, &v);
	if (f != FLOW_NEXT)
		return f;
	if (pl->assign_op != PS_OP_ASSIGN &&
	    (f = compound(in, pl, &v)) != FLOW_NEXT)
		return f;
	return eval_store(in, pl->assign_target, &v);
}
