/*
 * command_build.c: a command of the syntax tree as the binder's
 * ps_command (command_build.h).
 */
#include <stdlib.h>
#include <string.h>

#include "parsers/ast_command.h"
#include "runtime/command_build.h"
#include "runtime/values.h"

/*
 * Whether a is known without running anything: a literal, or a script
 * block (made, not run), or a comma list of them.
 */
static bool
known(const struct ast *a)
{
	size_t i;

	if (a->kind == AST_SCRIPTBLOCK)
		return true;
	if (a->kind != AST_ARRAY_LITERAL)
		return ast_is_literal(a);
	for (i = 0; i < a->items.n; i++)
		if (!known(a->items.v[i]))
			return false;
	return true;
}

bool
command_is_literal(const struct ast *cmd)
{
	const struct ast *a;
	size_t i;

	for (i = 0; i < cmd->args.n; i++) {
		a = cmd->args.v[i];
		if (a->kind == AST_PARAMETER)
			a = a->value;
		if (a != NULL && !known(a))
			return false;
	}
	return true;
}

const char *
command_name(const struct ast *cmd)
{
	return ast_command_name(cmd);
}

void
command_build_free(struct command_build *b)
{
	size_t i;

	for (i = 0; b->vals != NULL && i < b->nvals; i++)
		psobj_value_free(&b->vals[i]);
	ps_command_free(&b->pc);
	free(b->vals);
	memset(b, 0, sizeof(*b));
}

/*
 * A computed value as the binder reads one: scalars as their literals
 * would be, arrays item by item, anything else as its string; pv->object
 * is the value itself either way.  -1 on ENOMEM.
 */
static int
computed_value(const struct psobj_value *v, struct ps_value *pv, size_t off,
    size_t len)
{
	size_t i;

	memset(pv, 0, sizeof(*pv));
	pv->offset = off;
	pv->length = len;
	pv->object = v;
	switch (v->kind) {
	case PSOBJ_NULL:
		pv->kind = PS_VAL_NULL;
		return 0;
	case PSOBJ_BOOL:
		pv->kind = PS_VAL_BOOL;
		pv->bval = v->b;
		return 0;
	case PSOBJ_INT:
	case PSOBJ_DOUBLE:
		if (v->to_string != NULL)
			break;		/* an enum binds by its name */
		pv->text = ps_to_string(v);
		if (pv->text == NULL)
			return -1;
		if (ps_number_parse(pv->text, &pv->num) != 0)
			break;		/* NaN, Infinity: as a string */
		pv->kind = PS_VAL_NUMBER;
		return 0;
	case PSOBJ_ARRAY:
		pv->kind = PS_VAL_ARRAY;
		pv->items = calloc(v->nitems + 1, sizeof(*pv->items));
		if (pv->items == NULL)
			return -1;
		for (i = 0; i < v->nitems; i++, pv->nitems++)
			if (computed_value(&v->items[i], &pv->items[i], off,
			    len) != 0)
				return -1;
		return 0;
	default:
		break;
	}
	free(pv->text);
	pv->kind = PS_VAL_STRING;
	pv->quoted = true;
	pv->text = ps_to_string(v);
	return pv->text != NULL ? 0 : -1;
}

/*
 * One argument or parameter into element k of b: a literal as
 * ast_command.c makes it, anything else evaluated.
 */
static enum flow
build_element(struct interp *in, struct command_build *b, size_t k,
    const struct ast *arg)
{
	struct ps_element *el = &b->pc.elems[k];
	struct psobj_value *v = &b->vals[k];
	const struct ast *val;
	enum flow f;

	if (ast_command_element(&b->pc, arg, &val) != 0)
		return eval_nomem(in);
	if (val == NULL) {
		if (el->has_value && value_from_syntax(&el->value, v) != 0)
			return eval_nomem(in);
		return FLOW_NEXT;
	}
	f = eval_expr(in, val, v);
	if (f != FLOW_NEXT)
		return f;
	if (computed_value(v, &el->value, val->offset, val->length) != 0)
		return eval_nomem(in);
	return FLOW_NEXT;
}

enum flow
command_build(struct interp *in, const struct ast *cmd,
    struct command_build *b)
{
	size_t i;
	enum flow f;

	memset(b, 0, sizeof(*b));
	if (ast_command_start(cmd, &b->pc) != 0 ||
	    (b->vals = calloc(cmd->args.n + 1, sizeof(*b->vals))) == NULL)
		return eval_nomem(in);
	for (i = 0; i < cmd->args.n; i++) {
		b->vals[i] = psobj_null();
		b->nvals = i + 1;
		f = build_element(in, b, i, cmd->args.v[i]);
		if (f != FLOW_NEXT)
			return f;
	}
	return FLOW_NEXT;
}
