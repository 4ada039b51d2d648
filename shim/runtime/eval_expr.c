/*
 * eval_expr.c: expressions.  Operators and conversions are the objects
 * layer's (objects/ps_ops.h); this file walks the tree, reads variables,
 * builds strings, arrays and hashtables, and turns ps_ops failures into
 * terminating errors.  Members, methods, indexes and casts are
 * eval_member.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"
#include "runtime/interp.h"
#include "runtime/values.h"

/* A number literal as the value of its .NET type (1.50d keeps its scale). */
static enum flow
number_value(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct ps_value pv = { .kind = PS_VAL_NUMBER, .num = e->num,
	    .text = e->text };

	return value_from_syntax(&pv, v) == 0 ? FLOW_NEXT : eval_nomem(in);
}

static enum flow
eval_constant(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	switch (e->constant) {
	case AST_CONST_NUMBER:
		return number_value(in, e, v);
	case AST_CONST_WORD:
		return psobj_string(v, e->text) == 0 ? FLOW_NEXT :
		    eval_nomem(in);
	case AST_CONST_TRUE:
	case AST_CONST_FALSE:
		*v = psobj_bool(e->constant == AST_CONST_TRUE);
		return FLOW_NEXT;
	case AST_CONST_NULL:
		break;
	}
	return FLOW_NEXT;
}

/*
 * $name: $env:NAME from the process environment, $? from the last
 * statement, $PSItem as $_, else the scopes ($script: and $global: the
 * script's); a variable never set is $null, as outside strict mode.
 */
static enum flow
eval_variable(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	const struct psobj_value *found;
	const char *env, *name = e->text;

	if (e->scope != NULL && strcmp(e->scope, "env") == 0) {
		env = getenv(name);
		if (env != NULL && psobj_string(v, env) != 0)
			return eval_nomem(in);
		return FLOW_NEXT;
	}
	if (e->scope != NULL && strcmp(e->scope, "using") == 0) {
		if (in->usings == NULL)
			return eval_runtime_error(in, e, "UsingWithoutInvoke"
			    "Command", "InvalidOperation", "A Using variable "
			    "cannot be retrieved. A Using variable can be used "
			    "only with Invoke-Command, Start-Job, or "
			    "InlineScript in the script workflow. When it is "
			    "used with Invoke-Command, the Using variable is "
			    "valid only if the script block is invoked on a "
			    "remote computer.");
		found = scope_get(in->usings, name);
		if (found != NULL && psobj_value_copy(v, found) != 0)
			return eval_nomem(in);
		return FLOW_NEXT;
	}
	if (strcmp(name, "?") == 0) {
		*v = psobj_bool(in->last_ok);
		return FLOW_NEXT;
	}
	if (strcasecmp(name, "PSItem") == 0)
		name = "_";
	found = scope_get(e->scope != NULL && (strcmp(e->scope, "script") ==
	    0 || strcmp(e->scope, "global") == 0) ? in->global : in->scope,
	    name);
	if (found != NULL && psobj_value_copy(v, found) != 0)
		return eval_nomem(in);
	return FLOW_NEXT;
}

/* "text $x $(...)": each part as a string (PowerShell's), joined. */
static enum flow
eval_expandable(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value part;
	struct strbuf b = { 0 };
	size_t i;
	char *s;
	enum flow f;

	for (i = 0; i < e->parts.n; i++) {
		f = eval_expr(in, e->parts.v[i], &part);
		if (f != FLOW_NEXT) {
			free(b.s);
			return f;
		}
		s = ps_to_string(&part);
		psobj_value_free(&part);
		if (s == NULL) {
			free(b.s);
			return eval_nomem(in);
		}
		strbuf_add(&b, s, strlen(s));
		free(s);
	}
	s = strbuf_take(&b);
	if (s == NULL || psobj_string(v, s) != 0) {
		free(s);
		return eval_nomem(in);
	}
	free(s);
	return FLOW_NEXT;
}

/* a, b, c: an Object[] of the items, each as it evaluates (no unrolling). */
static enum flow
eval_array_literal(struct interp *in, const struct ast *e,
    struct psobj_value *v)
{
	size_t i;
	enum flow f;

	if (psobj_array(v, e->items.n, "System.Object[]") != 0)
		return eval_nomem(in);
	for (i = 0; i < e->items.n; i++) {
		f = eval_expr(in, e->items.v[i], &v->items[i]);
		if (f != FLOW_NEXT) {
			psobj_value_free(v);
			return f;
		}
	}
	return FLOW_NEXT;
}

/* @{ key = value; ... }: keys as strings, values as their statements give. */
static enum flow
eval_hashtable(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value key, val;
	size_t i;
	char *name;
	enum flow f;

	if (psobj_hashtable(v, e->ordered) != 0)
		return eval_nomem(in);
	for (i = 0; i < e->keys.n; i++) {
		f = eval_expr(in, e->keys.v[i], &key);
		if (f != FLOW_NEXT)
			goto fail;
		name = ps_to_string(&key);
		psobj_value_free(&key);
		if (name == NULL)
			goto nomem;
		f = eval_collect(in, NULL, e->values.v[i], false, &val);
		if (f != FLOW_NEXT) {
			free(name);
			goto fail;
		}
		if (psobj_find(v->obj, name) != NULL) {
			/* 5.1 refuses a key twice in one literal */
			f = eval_runtime_error(in, e->keys.v[i],
			    "DuplicateKeyInHashLiteral", "InvalidOperation",
			    "Duplicate keys '%s' are not allowed in hash "
			    "literals.", name);
			free(name);
			psobj_value_free(&val);
			goto fail;
		}
		if (psobj_add(v->obj, name, val) != 0) {
			free(name);
			goto nomem;
		}
		free(name);
	}
	return FLOW_NEXT;
nomem:
	f = eval_nomem(in);
fail:
	psobj_value_free(v);
	return f;
}

/* { ... }: a value that runs later; its text is what is between braces. */
static enum flow
make_scriptblock(struct interp *in, const struct ast *e,
    struct psobj_value *v)
{
	char *text = strndup(in->script + e->offset + 1, e->length >= 2 ?
	    e->length - 2 : 0);
	int rc;

	if (text == NULL)
		return eval_nomem(in);
	rc = psobj_scriptblock(v, e, text);
	free(text);
	return rc == 0 ? FLOW_NEXT : eval_nomem(in);
}

/* -and, -or: the right side only when it decides; -xor both. */
static enum flow
eval_logical(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value side;
	bool l, r;
	enum flow f;

	f = eval_expr(in, e->left, &side);
	if (f != FLOW_NEXT)
		return f;
	l = ps_is_true(&side);
	psobj_value_free(&side);
	if ((e->op == PS_OP_AND && !l) || (e->op == PS_OP_OR && l)) {
		*v = psobj_bool(l);
		return FLOW_NEXT;
	}
	f = eval_expr(in, e->right, &side);
	if (f != FLOW_NEXT)
		return f;
	r = ps_is_true(&side);
	psobj_value_free(&side);
	*v = psobj_bool(e->op == PS_OP_XOR ? l != r : r);
	return FLOW_NEXT;
}

/* left op right; -match and -notmatch set $Matches as PowerShell does. */
static enum flow
eval_binary(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value l, r, matches = psobj_null();
	struct ps_op_error err;
	enum flow f;
	int rc;

	if (e->op == PS_OP_AND || e->op == PS_OP_OR || e->op == PS_OP_XOR)
		return eval_logical(in, e, v);
	f = eval_expr(in, e->left, &l);
	if (f != FLOW_NEXT)
		return f;
	if (e->right->kind == AST_TYPE)	/* -is, -isnot, -as: a type's name */
		f = psobj_string(&r, e->right->text) == 0 ? FLOW_NEXT :
		    eval_nomem(in);
	else
		f = eval_expr(in, e->right, &r);
	if (f != FLOW_NEXT) {
		psobj_value_free(&l);
		return f;
	}
	rc = ps_op_binary(e->op, e->op_case, &l, &r, v, &matches, &err);
	psobj_value_free(&l);
	psobj_value_free(&r);
	if (rc != 0)
		return eval_error(in, e, &err);
	if (matches.kind != PSOBJ_NULL &&
	    scope_set(in->scope, "Matches", &matches) != 0) {
		psobj_value_free(v);
		return eval_nomem(in);
	}
	return FLOW_NEXT;
}

static enum flow
eval_unary(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	struct psobj_value x;
	struct ps_op_error err;
	enum flow f;
	int rc;

	if (e->op >= PS_OP_PRE_INC)
		return eval_increment(in, e, v);
	f = eval_expr(in, e->operand, &x);
	if (f != FLOW_NEXT)
		return f;
	if (e->op == PS_OP_NOT) {
		*v = psobj_bool(!ps_is_true(&x));
		psobj_value_free(&x);
		return FLOW_NEXT;
	}
	rc = ps_op_unary(e->op, &x, v, &err);
	psobj_value_free(&x);
	return rc == 0 ? FLOW_NEXT : eval_error(in, e, &err);
}

/*
 * ( pipeline ): a value on its own is that value (an array stays one,
 * `($i++)` and `($x = 5)` give theirs); a pipeline's output is gathered.
 */
static enum flow
eval_paren(struct interp *in, const struct ast *pl, struct psobj_value *v)
{
	const struct ast *only = pl->kind == AST_PIPELINE && pl->elems.n == 1 ?
	    pl->elems.v[0] : NULL;
	enum flow f;

	if (only == NULL || only->kind == AST_COMMAND)
		return eval_collect(in, NULL, pl, false, v);
	if (pl->assign_target == NULL)
		return eval_expr(in, only, v);
	f = eval_assignment(in, pl);
	if (f != FLOW_NEXT || pl->assign_target->kind == AST_CONSTANT)
		return f;		/* ($null = x) is nothing */
	return eval_expr(in, pl->assign_target, v);
}

enum flow
eval_expr(struct interp *in, const struct ast *e, struct psobj_value *v)
{
	*v = psobj_null();
	switch (e->kind) {
	case AST_CONSTANT:
		return eval_constant(in, e, v);
	case AST_STRING:
		return psobj_string(v, e->text) == 0 ? FLOW_NEXT :
		    eval_nomem(in);
	case AST_EXPANDABLE:
		return eval_expandable(in, e, v);
	case AST_VARIABLE:
		return eval_variable(in, e, v);
	case AST_MEMBER:
	case AST_INVOKE:
	case AST_INDEX:
	case AST_CAST:
		return eval_access(in, e, v);
	case AST_ARRAY_LITERAL:
		return eval_array_literal(in, e, v);
	case AST_ARRAY_EXPR:
		return eval_collect(in, &e->body, NULL, true, v);
	case AST_SUBEXPR:
		return eval_collect(in, &e->body, NULL, false, v);
	case AST_PAREN:
		return eval_paren(in, e->operand, v);
	case AST_HASHTABLE:
		return eval_hashtable(in, e, v);
	case AST_SCRIPTBLOCK:
		return make_scriptblock(in, e, v);
	case AST_UNARY:
		return eval_unary(in, e, v);
	case AST_BINARY:
		return eval_binary(in, e, v);
	case AST_PIPELINE:
		/* a pipeline where a value is wanted (a condition) */
		return eval_collect(in, NULL, e, false, v);
	default:
		break;
	}
	/* a type on its own, a statement: interp_vet() refused them */
	return eval_runtime_error(in, e, "ExpressionNotSupported",
	    "NotImplemented", "This expression is not supported by tnc.");
}
