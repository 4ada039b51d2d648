/*
 * command_build.c: a command of the syntax tree as the binder's
 * ps_command (command_build.h).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/command_build.h"
#include "runtime/values.h"

static bool
literal(const struct ast *a)
{
	size_t i;

	switch (a->kind) {
	case AST_CONSTANT:
	case AST_STRING:
	case AST_SCRIPTBLOCK:		/* a block is made, not run */
		return true;
	case AST_ARRAY_LITERAL:
		/* a block in a list is made as the list is evaluated */
		for (i = 0; i < a->items.n; i++)
			if (!literal(a->items.v[i]) ||
			    a->items.v[i]->kind == AST_SCRIPTBLOCK)
				return false;
		return true;
	default:
		return false;
	}
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
		if (a != NULL && !literal(a))
			return false;
	}
	return true;
}

const char *
command_name(const struct ast *cmd)
{
	return cmd->name != NULL && cmd->name->text != NULL ?
	    cmd->name->text : "";
}

static void
ps_value_clear(struct ps_value *pv)
{
	size_t i;

	free(pv->text);
	for (i = 0; i < pv->nitems; i++)
		ps_value_clear(&pv->items[i]);
	free(pv->items);
	memset(pv, 0, sizeof(*pv));
}

void
command_build_free(struct command_build *b)
{
	size_t i;

	for (i = 0; i < b->pc.nelems; i++) {
		free(b->pc.elems[i].name);
		ps_value_clear(&b->pc.elems[i].value);
	}
	for (i = 0; b->vals != NULL && i < b->nvals; i++)
		psobj_value_free(&b->vals[i]);
	free(b->pc.name);
	free(b->pc.elems);
	free(b->vals);
	memset(b, 0, sizeof(*b));
}

/*
 * A literal as lexer.c's parser makes its value: a number keeps the text
 * it was written with, a string is quoted, a bare word is not.  -1 on
 * ENOMEM.
 */
static int
literal_value(const struct ast *a, struct ps_value *pv)
{
	size_t i;

	memset(pv, 0, sizeof(*pv));
	pv->offset = a->offset;
	pv->length = a->length;
	if (a->kind == AST_ARRAY_LITERAL) {
		pv->kind = PS_VAL_ARRAY;
		pv->items = calloc(a->items.n + 1, sizeof(*pv->items));
		if (pv->items == NULL)
			return -1;
		for (i = 0; i < a->items.n; i++, pv->nitems++)
			if (literal_value(a->items.v[i], &pv->items[i]) != 0)
				return -1;
		return 0;
	}
	if (a->kind == AST_STRING) {
		pv->kind = PS_VAL_STRING;
		pv->quoted = true;
		return (pv->text = strdup(a->text)) != NULL ? 0 : -1;
	}
	switch (a->constant) {
	case AST_CONST_NUMBER:
		pv->kind = PS_VAL_NUMBER;
		pv->num = a->num;
		return (pv->text = strdup(a->text)) != NULL ? 0 : -1;
	case AST_CONST_WORD:
		pv->kind = PS_VAL_STRING;
		return (pv->text = strdup(a->text)) != NULL ? 0 : -1;
	case AST_CONST_TRUE:
	case AST_CONST_FALSE:
		pv->kind = PS_VAL_BOOL;
		pv->bval = a->constant == AST_CONST_TRUE;
		return 0;
	case AST_CONST_NULL:
		pv->kind = PS_VAL_NULL;
		return 0;
	}
	return 0;
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

/* One argument or parameter into element k of b. */
static enum flow
build_element(struct interp *in, struct command_build *b, size_t k,
    const struct ast *arg)
{
	const struct ast *val = arg->kind == AST_PARAMETER ? arg->value : arg;
	struct ps_element *el = &b->pc.elems[k];
	struct psobj_value *v = &b->vals[k];
	enum flow f;

	el->offset = arg->offset;
	el->length = arg->length;
	if (arg->kind == AST_PARAMETER) {
		el->is_param = true;
		el->colon = arg->colon;
		if ((el->name = strdup(arg->param)) == NULL)
			return eval_nomem(in);
		if (val == NULL)
			return FLOW_NEXT;
	}
	el->has_value = true;
	if (literal(val) && val->kind != AST_SCRIPTBLOCK) {
		if (literal_value(val, &el->value) != 0 ||
		    value_from_syntax(&el->value, v) != 0)
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
	b->pc.elems = calloc(cmd->args.n + 1, sizeof(*b->pc.elems));
	b->vals = calloc(cmd->args.n + 1, sizeof(*b->vals));
	if (b->pc.elems == NULL || b->vals == NULL ||
	    (b->pc.name = strdup(command_name(cmd))) == NULL)
		return eval_nomem(in);
	b->pc.name_offset = cmd->name->offset;
	b->pc.name_length = cmd->name->length;
	b->pc.offset = cmd->offset;
	b->pc.length = cmd->length;
	for (i = 0; i < cmd->args.n; i++) {
		b->vals[i] = psobj_null();
		b->pc.nelems = b->nvals = i + 1;
		f = build_element(in, b, i, cmd->args.v[i]);
		if (f != FLOW_NEXT)
			return f;
	}
	return FLOW_NEXT;
}
