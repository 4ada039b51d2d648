/* ast_dump.c: a syntax tree as one S-expression per statement (ast_dump.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "parsers/ast_dump.h"

struct out {
	struct strbuf b;
};

static void
put(struct out *o, const char *s, size_t n)
{
	strbuf_add(&o->b, s, n);
}

static void
putf(struct out *o, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(o, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* " text " with C escapes; NULL is - */
static void
quote(struct out *o, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (s == NULL) {
		put(o, " -", 2);
		return;
	}
	put(o, " \"", 2);
	for (; *u != '\0'; u++) {
		if (*u == '"' || *u == '\\')
			putf(o, "\\%c", *u);
		else if (*u == '\n')
			put(o, "\\n", 2);
		else if (*u == '\r')
			put(o, "\\r", 2);
		else if (*u == '\t')
			put(o, "\\t", 2);
		else if (*u < 0x20 || *u == 0x7F)
			putf(o, "\\x%02x", *u);
		else
			put(o, (const char *)u, 1);
	}
	put(o, "\"", 1);
}

static const char *
op_name(enum ps_op op)
{
	static const char *const names[] = {
		[PS_OP_NONE] = "?", [PS_OP_AND] = "-and", [PS_OP_OR] = "-or",
		[PS_OP_XOR] = "-xor", [PS_OP_NOT] = "-not", [PS_OP_EQ] = "-eq",
		[PS_OP_NE] = "-ne", [PS_OP_GT] = "-gt", [PS_OP_GE] = "-ge",
		[PS_OP_LT] = "-lt", [PS_OP_LE] = "-le", [PS_OP_LIKE] = "-like",
		[PS_OP_NOTLIKE] = "-notlike", [PS_OP_MATCH] = "-match",
		[PS_OP_NOTMATCH] = "-notmatch", [PS_OP_CONTAINS] = "-contains",
		[PS_OP_NOTCONTAINS] = "-notcontains", [PS_OP_IN] = "-in",
		[PS_OP_NOTIN] = "-notin", [PS_OP_REPLACE] = "-replace",
		[PS_OP_SPLIT] = "-split", [PS_OP_JOIN] = "-join",
		[PS_OP_IS] = "-is", [PS_OP_ISNOT] = "-isnot", [PS_OP_AS] = "-as",
		[PS_OP_ADD] = "+", [PS_OP_SUB] = "-", [PS_OP_MUL] = "*",
		[PS_OP_DIV] = "/", [PS_OP_MOD] = "%", [PS_OP_NEGATE] = "-",
		[PS_OP_PLUS] = "+", [PS_OP_FORMAT] = "-f", [PS_OP_RANGE] = "..",
		[PS_OP_ASSIGN] = "=", [PS_OP_ADD_ASSIGN] = "+=",
		[PS_OP_SUB_ASSIGN] = "-=", [PS_OP_MUL_ASSIGN] = "*=",
		[PS_OP_DIV_ASSIGN] = "/=", [PS_OP_MOD_ASSIGN] = "%=",
		[PS_OP_PRE_INC] = "++x", [PS_OP_PRE_DEC] = "--x",
		[PS_OP_POST_INC] = "x++", [PS_OP_POST_DEC] = "x--",
	};

	return op < sizeof(names) / sizeof(names[0]) && names[op] != NULL ?
	    names[op] : "?";
}

/* " -ieq": the operator with its case prefix */
static void
op(struct out *o, enum ps_op op, enum ps_op_case c)
{
	const char *name = op_name(op);

	put(o, " ", 1);
	if (c != PS_CASE_DEFAULT && name[0] == '-') {
		putf(o, "-%c", c == PS_CASE_SENSITIVE ? 'c' : 'i');
		put(o, name + 1, strlen(name + 1));
	} else {
		put(o, name, strlen(name));
	}
}

static void node(struct out *o, const struct ast *a);

static void
child(struct out *o, const struct ast *a)
{
	if (a == NULL) {
		put(o, " -", 2);
		return;
	}
	put(o, " ", 1);
	node(o, a);
}

static void
items(struct out *o, const struct ast_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		child(o, l->v[i]);
}

/* " (word items...)" */
static void
group(struct out *o, const char *word, const struct ast_list *l)
{
	putf(o, " (%s", word);
	items(o, l);
	put(o, ")", 1);
}

static const char *const kind_names[] = {
	[AST_PIPELINE] = "pipeline", [AST_IF] = "if", [AST_FOREACH] = "foreach",
	[AST_FOR] = "for", [AST_WHILE] = "while", [AST_DO_WHILE] = "do-while",
	[AST_DO_UNTIL] = "do-until", [AST_BREAK] = "break",
	[AST_CONTINUE] = "continue", [AST_EXIT] = "exit", [AST_THROW] = "throw",
	[AST_RETURN] = "return", [AST_TRY] = "try", [AST_FUNCTION] = "function",
	[AST_COMMAND] = "command", [AST_PARAMETER] = "param",
	[AST_CONSTANT] = "constant", [AST_STRING] = "string",
	[AST_EXPANDABLE] = "expandable", [AST_VARIABLE] = "var",
	[AST_MEMBER] = "member", [AST_INVOKE] = "invoke", [AST_INDEX] = "index",
	[AST_ARRAY_LITERAL] = "array", [AST_ARRAY_EXPR] = "array-expr",
	[AST_SUBEXPR] = "subexpr", [AST_PAREN] = "paren",
	[AST_HASHTABLE] = "hashtable", [AST_SCRIPTBLOCK] = "scriptblock",
	[AST_TYPE] = "type", [AST_CAST] = "cast", [AST_UNARY] = "unary",
	[AST_BINARY] = "binary",
};

static const char *
kind_name(const struct ast *a)
{
	static const char *const constants[] = { "number", "word", "true",
		"false", "null" };

	if (a->kind == AST_CONSTANT)
		return constants[a->constant];
	if (a->static_member && a->kind == AST_MEMBER)
		return "static-member";
	if (a->static_member && a->kind == AST_INVOKE)
		return "static-invoke";
	return kind_names[a->kind];
}

static void
statement_parts(struct out *o, const struct ast *a)
{
	size_t i;

	switch (a->kind) {
	case AST_IF:
		for (i = 0; i < a->nclauses; i++) {
			put(o, " (clause", 8);
			child(o, a->clauses[i].cond);
			group(o, "body", &a->clauses[i].body);
			put(o, ")", 1);
		}
		if (a->has_else)
			group(o, "else", &a->else_body);
		break;
	case AST_FOREACH:
		child(o, a->var);
		child(o, a->cond);
		group(o, "body", &a->body);
		break;
	case AST_FOR:
		child(o, a->init);
		child(o, a->cond);
		child(o, a->step);
		group(o, "body", &a->body);
		break;
	case AST_WHILE:
		child(o, a->cond);
		group(o, "body", &a->body);
		break;
	case AST_DO_WHILE: case AST_DO_UNTIL:
		group(o, "body", &a->body);
		child(o, a->cond);
		break;
	case AST_TRY:
		group(o, "body", &a->body);
		for (i = 0; i < a->ncatches; i++) {
			put(o, " (catch", 7);
			for (size_t k = 0; k < a->catches[i].ntypes; k++)
				quote(o, a->catches[i].types[k]);
			group(o, "body", &a->catches[i].body);
			put(o, ")", 1);
		}
		if (a->has_finally)
			group(o, "finally", &a->finally_body);
		break;
	default:
		break;
	}
}

static void
expression_parts(struct out *o, const struct ast *a)
{
	size_t i;

	switch (a->kind) {
	case AST_MEMBER: case AST_INVOKE:
		child(o, a->target);
		if (a->member != NULL)
			child(o, a->member);
		else
			quote(o, a->text);
		if (a->kind == AST_INVOKE)
			group(o, "args", &a->args);
		break;
	case AST_INDEX:
		child(o, a->target);
		child(o, a->index);
		break;
	case AST_HASHTABLE:
		if (a->ordered)
			put(o, " ordered", 8);
		for (i = 0; i < a->keys.n; i++) {
			put(o, " (", 2);
			node(o, a->keys.v[i]);
			child(o, a->values.v[i]);
			put(o, ")", 1);
		}
		break;
	case AST_TYPE:
		quote(o, a->text);
		break;
	case AST_CAST:
		quote(o, a->text);
		child(o, a->operand);
		break;
	case AST_UNARY:
		op(o, a->op, a->op_case);
		child(o, a->operand);
		break;
	case AST_BINARY:
		op(o, a->op, a->op_case);
		child(o, a->left);
		child(o, a->right);
		break;
	default:
		break;
	}
}

/* AST_VARIABLE: [scope] "name" [[type]] [default] */
static void
variable_parts(struct out *o, const struct ast *a)
{
	if (a->scope != NULL)
		putf(o, " %s", a->scope);
	quote(o, a->text);
	if (a->param_type != NULL) {
		put(o, " [", 2);
		put(o, a->param_type, strlen(a->param_type));
		put(o, "]", 1);
	}
	if (a->operand != NULL)
		child(o, a->operand);
}

static void
node(struct out *o, const struct ast *a)
{
	static const char *const types[] = { "Int32", "Int64", "Decimal",
		"Double" };

	putf(o, "(%s@%zu:%zu", kind_name(a), a->offset, a->length);
	switch (a->kind) {
	case AST_PIPELINE:
		if (a->assign_target != NULL) {
			putf(o, " (%s", op_name(a->assign_op));
			child(o, a->assign_target);
			put(o, ")", 1);
		}
		items(o, &a->elems);
		break;
	case AST_EXIT: case AST_THROW: case AST_RETURN:
		if (a->operand != NULL)
			child(o, a->operand);
		break;
	case AST_FUNCTION:
		quote(o, a->text);
		/* FALLTHROUGH */
	case AST_SCRIPTBLOCK:
		if (a->params.n > 0)
			group(o, "params", &a->params);
		group(o, "body", &a->body);
		break;
	case AST_COMMAND:
		child(o, a->name);
		items(o, &a->args);
		break;
	case AST_PARAMETER:
		quote(o, a->param);
		if (a->colon)
			put(o, " :", 2);
		if (a->value != NULL)
			child(o, a->value);
		break;
	case AST_CONSTANT:
		if (a->constant == AST_CONST_NUMBER ||
		    a->constant == AST_CONST_WORD)
			quote(o, a->text);
		if (a->constant == AST_CONST_NUMBER)
			putf(o, " %s", types[a->num.type]);
		break;
	case AST_STRING:
		quote(o, a->text);
		break;
	case AST_EXPANDABLE:
		items(o, &a->parts);
		break;
	case AST_VARIABLE:
		variable_parts(o, a);
		break;
	case AST_ARRAY_LITERAL:
		items(o, &a->items);
		break;
	case AST_ARRAY_EXPR: case AST_SUBEXPR:
		items(o, &a->body);
		break;
	case AST_PAREN:
		child(o, a->operand);
		break;
	default:
		statement_parts(o, a);
		expression_parts(o, a);
		break;
	}
	put(o, ")", 1);
}

char *
ast_dump_node(const struct ast *a)
{
	struct out o = { { NULL, 0, 0, false } };

	node(&o, a);
	return strbuf_take(&o.b);
}

char *
ast_dump(const struct ast_list *script)
{
	struct out o = { { NULL, 0, 0, false } };
	size_t i;

	for (i = 0; i < script->n; i++) {
		node(&o, script->v[i]);
		put(&o, "\n", 1);
	}
	return strbuf_take(&o.b);
}
