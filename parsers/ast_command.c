/*
 * ast_command.c: a command of the syntax tree as the binder's input
 * (ast_command.h).
 */
#include <stdlib.h>
#include <string.h>

#include "parsers/ast_command.h"

bool
ast_is_literal(const struct ast *a)
{
	size_t i;

	switch (a->kind) {
	case AST_CONSTANT:
	case AST_STRING:
		return true;
	case AST_ARRAY_LITERAL:
		for (i = 0; i < a->items.n; i++)
			if (!ast_is_literal(a->items.v[i]))
				return false;
		return true;
	default:
		return false;
	}
}

const char *
ast_command_name(const struct ast *cmd)
{
	return cmd->name != NULL && cmd->name->text != NULL ?
	    cmd->name->text : "";
}

/*
 * A literal (ast_is_literal()) as its value: a number keeps the text it
 * was written with, a string is quoted, a bare word is not.  -1 on ENOMEM,
 * with what was made so far in pv for ps_command_free().
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
		for (i = 0; i < a->items.n; i++) {
			pv->nitems = i + 1;
			if (literal_value(a->items.v[i], &pv->items[i]) != 0)
				return -1;
		}
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

int
ast_command_start(const struct ast *cmd, struct ps_command *pc)
{
	memset(pc, 0, sizeof(*pc));
	pc->elems = calloc(cmd->args.n + 1, sizeof(*pc->elems));
	if (pc->elems == NULL ||
	    (pc->name = strdup(ast_command_name(cmd))) == NULL)
		return -1;
	if (cmd->name != NULL) {
		pc->name_offset = cmd->name->offset;
		pc->name_length = cmd->name->length;
	}
	pc->offset = cmd->offset;
	pc->length = cmd->length;
	return 0;
}

int
ast_command_element(struct ps_command *pc, const struct ast *arg,
    const struct ast **rest)
{
	const struct ast *val = arg->kind == AST_PARAMETER ? arg->value : arg;
	struct ps_element *el = &pc->elems[pc->nelems++];

	*rest = NULL;
	el->offset = arg->offset;
	el->length = arg->length;
	if (arg->kind == AST_PARAMETER) {
		el->is_param = true;
		el->colon = arg->colon;
		if ((el->name = strdup(arg->param)) == NULL)
			return -1;
		if (val == NULL)
			return 0;
	}
	el->has_value = true;
	if (!ast_is_literal(val)) {
		*rest = val;
		return 0;
	}
	return literal_value(val, &el->value);
}

int
ast_command(const struct ast *cmd, struct ps_command *pc)
{
	const struct ast *rest;
	size_t i;

	if (ast_command_start(cmd, pc) != 0)
		return -1;
	for (i = 0; i < cmd->args.n; i++) {
		if (ast_command_element(pc, cmd->args.v[i], &rest) != 0)
			return -1;
		if (rest != NULL)
			return -2;
	}
	return 0;
}
