/*
 * ast_expr.c: expressions (Parser.cs's ExpressionRule and below), in
 * PowerShell's precedence, lowest first: -and -or -xor; -band -bor -bxor;
 * comparison (-eq ... -replace -split -join -is -as); + -; * / %; -f;
 * ..; then the unary operators (-not ! - + -join -split , casts), and
 * postfix member access, method calls and indexes.  Binary operators of
 * one precedence group to the left.
 *
 * PowerShell's errors here (ParserStrings, 5.1's texts):
 *   ExpectedValueExpression           You must provide a value expression
 *                                     following the '-eq' operator.
 *   MissingExpressionAfterOperator    Missing expression after unary
 *                                     operator '-not'.
 *   MissingExpressionAfterToken       Missing expression after ','.
 *   UnexpectedToken                   Unexpected token '-foo' in expression
 *                                     or statement.
 *   UnexpectedAttribute               Unexpected attribute 'x'.
 *   MissingPropertyName               Missing property name after
 *                                     reference operator.
 *   MissingEndParenthesisInMethodCall Missing ')' in method call.
 *   MissingArrayIndexExpression       Array index expression is missing or
 *                                     not valid.
 *   MissingEndSquareBracket           Missing ']' after array index
 *                                     expression.
 *   ExpectedExpression                An expression was expected after '('.
 *   MissingEndParenthesisInExpression Missing closing ')' in expression.
 *   MissingEndParenthesisInSubexpression  Missing closing ')' in
 *                                     subexpression.
 *   MissingEqualsInHashLiteral        Missing '=' operator after key in
 *                                     hash literal.
 *   MissingStatementInHashLiteral     Missing statement after '=' in hash
 *                                     literal.
 *   MissingEndCurlyBrace              (an unclosed @{ or { })
 * and the check after the parse: OrderedAttributeOnlyOnHashLiteralNode.
 *
 * tnc's refusals:
 *   OperatorNotSupported     The '-band' operator is not supported by tnc.
 *                            (-band -bor -bxor -bnot -shl -shr)
 *   SplattingNotSupported    Splatting is not supported by tnc: '@args'.
 *   VariableNotSupported     The variable '$function:f' is not supported
 *                            by tnc.  (provider drives)
 *   AttributeNotSupported    Attributes are not supported by tnc: '[x()]'.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/ast_parser.h"

static struct ast *postfix_rule(struct parser *p, struct ast *expr,
    const struct tz_token *first);

/* ---------------------------------------------------------------------- */
/* Binary operators */

RULE struct ast *
binary_node(struct parser *p, struct ast *left, const struct tz_token *op,
    struct ast *right)
{
	const struct tz_operator *o = tz_operator(op->id);
	struct ast *n = node_new(p, AST_BINARY, 0, 0);

	if (n == NULL)
		return NULL;
	n->offset = left->offset;
	node_end(n, node_stop(right));
	n->left = left;
	n->right = right;
	n->op = o->binary;
	n->op_case = op->op_case;
	return n;
}

/* The operator token that continues an expression, or false */
RULE bool
binary_op(const struct tz_token *t)
{
	return t->kind == TK_OPERATOR && tz_operator(t->id)->prec != TZ_PREC_NONE;
}

/* A parameter where an operator was wanted (-foo): PowerShell's error */
RULE struct ast *
parameter_in_expression(struct parser *p, const struct tz_token *t)
{
	return syntax_error(p, "UnexpectedToken", tok_off(p, t), tok_len(p, t),
	    "Unexpected token '%.*s' in expression or statement.",
	    tok_text_len(t), tok_text(p, t));
}

/*
 * The stacks of ExpressionRule: an operator is pushed only above one of
 * lower precedence, so they hold one entry per precedence level at most.
 */
#define PREC_LEVELS	8

struct opstack {
	struct ast *operands[PREC_LEVELS + 1];
	struct tz_token ops[PREC_LEVELS];
	size_t	nopd, nops;
};

/* Reduces the top two operands with the top operator */
RULE bool
reduce(struct parser *p, struct opstack *st)
{
	struct ast *right = st->operands[--st->nopd];
	struct ast *left = st->operands[--st->nopd];
	struct ast *n = binary_node(p, left, &st->ops[--st->nops], right);

	st->operands[st->nopd++] = n;
	return n != NULL;
}

/* A refused operator: its node is built, the script will not run */
RULE void
check_binary(struct parser *p, const struct tz_token *op)
{
	if (tz_operator(op->id)->binary == PS_OP_NONE)
		unsupported(p, "OperatorNotSupported", tok_off(p, op),
		    tok_len(p, op), "The '%.*s' operator is not supported by "
		    "tnc.", tok_text_len(op), tok_text(p, op));
}

static struct ast *array_literal_rule(struct parser *p);

/* Pushes the operator t, reducing what binds at least as tightly */
RULE bool
push_operator(struct parser *p, struct opstack *st, const struct tz_token *t)
{
	enum tz_prec prec = tz_operator(t->id)->prec;

	while (st->nops > 0 &&
	    prec <= tz_operator(st->ops[st->nops - 1].id)->prec)
		if (!reduce(p, st))
			return false;
	check_binary(p, t);
	st->ops[st->nops++] = *t;
	return true;
}

/*
 * After the first operand and operator (ExpressionRule's loop).  The tree
 * of n operators can be n deep (1+1+1...): they count toward the limit.
 */
RULE struct ast *
binary_rest(struct parser *p, struct ast *first, struct tz_token *t)
{
	struct opstack stack, *st = &stack;
	struct ast *expr;
	int count = 1;

	st->nopd = st->nops = 0;
	st->operands[st->nopd++] = first;
	check_binary(p, t);
	st->ops[st->nops++] = *t;
	for (;;) {
		skip_newlines(p);
		if ((expr = array_literal_rule(p)) == NULL)
			return failed(p) ? NULL : syntax_error(p,
			    "ExpectedValueExpression", tok_stop(p, t), 0, "You "
			    "must provide a value expression following the "
			    "'%.*s' operator.", tok_text_len(t), tok_text(p, t));
		st->operands[st->nopd++] = expr;
		next(p, t);
		if (!binary_op(t)) {
			unget(p, t);
			break;
		}
		if (p->depth + ++count > AST_MAX_DEPTH)
			return refuse(p, "NestingTooDeep", tok_off(p, t), 1,
			    "The script nests more deeply than tnc supports "
			    "(%d levels).", AST_MAX_DEPTH);
		if (!push_operator(p, st, t))
			return NULL;
	}
	while (st->nops > 0)
		if (!reduce(p, st))
			return NULL;
	return t->kind == TK_PARAMETER ? parameter_in_expression(p, t) :
	    st->operands[0];
}

/* ExpressionRule: operands and operators on two stacks, as Parser.cs */
struct ast *
expression_rule(struct parser *p)
{
	enum tz_mode mode = set_mode(p, TZ_EXPRESSION);
	struct ast *expr;
	struct tz_token t;

	if ((expr = array_literal_rule(p)) != NULL) {
		t = *peek(p);
		if (binary_op(&t)) {
			skip(p);
			expr = binary_rest(p, expr, &t);
		} else if (t.kind == TK_PARAMETER) {
			expr = parameter_in_expression(p, &t);
		}
	}
	set_mode(p, mode);
	return failed(p) ? NULL : expr;
}

/* unary, unary, ... (ArrayLiteralRule) */
RULE struct ast *
array_literal_rule(struct parser *p)
{
	struct ast *first = unary_rule(p), *last = first, *n;
	struct tz_token comma;

	if (first == NULL || peek(p)->kind != TK_COMMA || p->disable_comma)
		return first;
	if ((n = node_new(p, AST_ARRAY_LITERAL, 0, 0)) == NULL ||
	    list_push(p, &n->items, first) != 0)
		return NULL;
	n->offset = first->offset;
	while (peek(p)->kind == TK_COMMA) {
		next(p, &comma);
		skip_newlines(p);
		if ((last = unary_rule(p)) == NULL)
			return failed(p) ? NULL : syntax_error(p,
			    "MissingExpressionAfterToken", tok_stop(p, &comma),
			    0, "Missing expression after ','.");
		if (list_push(p, &n->items, last) != 0)
			return NULL;
	}
	node_end(n, node_stop(last));
	return n;
}

/* ---------------------------------------------------------------------- */
/* Unary operators and casts */

RULE bool
unary_op(const struct tz_token *t)
{
	return (t->kind == TK_OPERATOR && tz_operator(t->id)->is_unary) ||
	    t->kind == TK_COMMA || t->kind == TK_PLUSPLUS ||
	    t->kind == TK_MINUSMINUS;
}

/*
 * ++ and -- before or after operand: a node of op (PS_OP_PRE_INC ...),
 * or NULL.  As in Parser.cs, the operand must be something assignable.
 */
RULE struct ast *
increment(struct parser *p, const struct tz_token *t, struct ast *operand,
    bool before)
{
	bool plus = t->kind == TK_PLUSPLUS;
	struct ast *n;

	if (t->kind != TK_PLUSPLUS && t->kind != TK_MINUSMINUS) {
		unsupported(p, "OperatorNotSupported", tok_off(p, t),
		    tok_len(p, t), "The '%.*s' operator is not supported by "
		    "tnc.", tok_text_len(t), tok_text(p, t));	/* -bnot */
		return NULL;
	}
	if (operand->kind != AST_VARIABLE && operand->kind != AST_MEMBER &&
	    operand->kind != AST_INDEX) {
		semantic_error(p, "OperatorRequiresVariableOrProperty",
		    operand->offset, operand->length, "The '%s' operator works "
		    "only on variables or on properties.", plus ? "++" : "--");
		return NULL;
	}
	n = node_new(p, AST_UNARY, before ? t->start : t->end, t->end);
	if (n == NULL)
		return NULL;
	n->op = before ? (plus ? PS_OP_PRE_INC : PS_OP_PRE_DEC) :
	    (plus ? PS_OP_POST_INC : PS_OP_POST_DEC);
	n->operand = operand;
	n->offset = before ? n->offset : operand->offset;
	node_end(n, before ? node_stop(operand) : tok_stop(p, t));
	return n;
}

/* op unary: -not, !, -, +, -join, -split, ',' (an array of one) */
RULE struct ast *
unary_operator(struct parser *p, const struct tz_token *t)
{
	struct ast *child, *n;
	enum ps_op op;

	if (p->disable_comma && t->kind == TK_COMMA)
		return NULL;
	skip(p);
	skip_newlines(p);
	if ((child = unary_rule(p)) == NULL)
		return failed(p) ? NULL : syntax_error(p,
		    "MissingExpressionAfterOperator", tok_stop(p, t), 0,
		    "Missing expression after unary operator '%.*s'.",
		    tok_text_len(t), tok_text(p, t));
	if (t->kind == TK_COMMA) {
		n = node_new(p, AST_ARRAY_LITERAL, t->start, t->end);
		if (n == NULL || list_push(p, &n->items, child) != 0)
			return NULL;
		node_end(n, node_stop(child));
		return n;
	}
	op = t->kind == TK_OPERATOR ? tz_operator(t->id)->unary : PS_OP_NONE;
	if (op == PS_OP_NONE) {		/* ++ -- -bnot */
		return increment(p, t, child, true);
	}
	if ((n = node_new(p, AST_UNARY, t->start, t->end)) == NULL)
		return NULL;
	n->op = op;
	n->op_case = t->op_case;
	n->operand = child;
	node_end(n, node_stop(child));
	return n;
}

/* [type] child: a cast, or [ordered] on a hash literal */
RULE struct ast *
cast_node(struct parser *p, struct ast *type, struct ast *child)
{
	struct ast *n;

	if (strcasecmp(type->text, "ordered") == 0) {
		if (child->kind != AST_HASHTABLE) {
			semantic_error(p, "OrderedAttributeOnlyOnHashLiteralNode",
			    type->offset, type->length, "The %s attribute can be "
			    "specified only on a hash literal node.", type->text);
		} else {
			child->ordered = true;
			child->length = node_stop(child) - type->offset;
			child->offset = type->offset;
			node_discard(p, type);
			return child;
		}
	}
	if ((n = node_new(p, AST_CAST, 0, 0)) == NULL)
		return NULL;
	n->offset = type->offset;
	node_end(n, node_stop(child));
	n->text = type->text;
	type->text = NULL;
	n->operand = child;
	node_discard(p, type);
	return n;
}

/* After the last attribute (a type): [type]::Member, [type] x, or [type] */
RULE struct ast *
after_type(struct parser *p, struct ast *type)
{
	struct tz_token t;
	struct ast *child;

	if (!p->has_look && next_member_access(p, false, &t))
		return postfix_rule(p, type, &t);
	t = *peek(p);
	if (t.kind != TK_NEWLINE && t.kind != TK_COMMA &&
	    (child = unary_rule(p)) != NULL)
		return cast_node(p, type, child);
	return failed(p) ? NULL : type;
}

/* '[' where an operand starts: casts and attributes, right to left */
RULE struct ast *
cast_rule(struct parser *p)
{
	struct ast *attrs = attribute_list_rule(p, true), *last, *expr, *a;
	size_t i;

	if (attrs == NULL)
		return NULL;
	last = attrs->items.v[attrs->items.n - 1];
	if (is_attribute(last)) {
		skip_newlines(p);
		if ((expr = unary_rule(p)) == NULL && !failed(p))
			syntax_error(p, "UnexpectedAttribute", last->offset,
			    last->length, "Unexpected attribute '%s'.",
			    last->text);
	} else {
		expr = after_type(p, last);
	}
	for (i = attrs->items.n; expr != NULL && i-- > 0;) {
		a = attrs->items.v[i];
		if (is_attribute(a)) {
			unsupported(p, "AttributeNotSupported", a->offset,
			    a->length, "Attributes are not supported by tnc: "
			    "'%.*s'.", (int)a->length, p->script + a->offset);
			node_discard_tree(p, a);
		} else if (a != last)
			expr = cast_node(p, a, expr);
	}
	node_discard(p, attrs);
	return failed(p) ? NULL : expr;
}

struct ast *
unary_rule(struct parser *p)
{
	bool signed_numbers = p->tz->allow_signed;
	struct ast *expr;
	struct tz_token t;

	if (!enter(p, off(p, p->has_look ? p->look.start : p->tz->pos)))
		return NULL;
	p->tz->allow_signed = true;
	if (p->has_look && is_op(&p->look, TZ_OP_MINUS))
		resync(p, p->look.start);
	t = *peek(p);
	p->tz->allow_signed = signed_numbers;
	if (unary_op(&t))
		expr = unary_operator(p, &t);
	else if (t.kind == TK_LBRACKET)
		expr = cast_rule(p);
	else
		expr = primary_rule(p, true);
	if (expr != NULL && (peek(p)->kind == TK_PLUSPLUS ||
	    peek(p)->kind == TK_MINUSMINUS)) {
		struct ast *n;

		next(p, &t);
		n = increment(p, &t, expr, false);
		expr = n;
	}
	leave(p);
	return failed(p) ? NULL : expr;
}

/* ---------------------------------------------------------------------- */
/* Member access, method calls, indexes */

/* A bare identifier (a member, a hash key, a label): AST_CONSTANT word */
RULE struct ast *
simple_name(struct parser *p)
{
	struct tz_token t;
	struct ast *n;

	p->tz->want_simple_name = true;
	t = *peek(p);
	p->tz->want_simple_name = false;
	if (t.kind != TK_IDENTIFIER)
		return NULL;
	skip(p);
	if ((n = node_new(p, AST_CONSTANT, t.start, t.end)) == NULL ||
	    (n->text = dup_range(p, t.start, t.end)) == NULL)
		return NULL;
	n->constant = AST_CONST_WORD;
	return n;
}

/* The name after '.' or '::', or a computed one ($x.$y, $x.('a')) */
RULE struct ast *
member_name_rule(struct parser *p)
{
	struct ast *name = simple_name(p);
	struct tz_token *t;

	if (name != NULL || failed(p))
		return name;
	t = peek(p);
	if (unary_op(t) || t->kind == TK_LBRACKET)
		return unary_rule(p);
	return primary_rule(p, false);
}

/* ( arguments ) of a method call (InvokeParamParenListRule) */
RULE int
invoke_args(struct parser *p, struct ast *n, const struct tz_token *lparen)
{
	bool comma = p->disable_comma;
	struct tz_token sep, rparen;
	struct ast *arg;
	size_t last = tok_stop(p, lparen);
	bool have_comma = false;

	p->disable_comma = true;
	for (;;) {
		skip_newlines(p);
		if ((arg = expression_rule(p)) == NULL) {
			if (have_comma && !failed(p))
				syntax_error(p, "MissingExpressionAfterToken",
				    tok_stop(p, &sep), 0, "Missing expression "
				    "after ','.");
			break;
		}
		if (list_push(p, &n->args, arg) != 0)
			break;
		last = node_stop(arg);
		skip_newlines(p);
		if (!expect(p, TK_COMMA, &sep)) {
			break;
		}
		have_comma = true;
	}
	p->disable_comma = comma;
	if (failed(p))
		return -1;
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		syntax_error(p, "MissingEndParenthesisInMethodCall", last, 0,
		    "Missing ')' in method call.");
		return -1;
	}
	node_end(n, tok_stop(p, &rparen));
	return 0;
}

/* .Member, ::Member, .Method(args), .Method{ script block } */
RULE struct ast *
member_rule(struct parser *p, struct ast *target, const struct tz_token *op)
{
	struct ast *member = member_name_rule(p), *n, *sb;
	struct tz_token lp;
	bool call;

	if (member == NULL)
		return failed(p) ? NULL : syntax_error(p, "MissingPropertyName",
		    tok_stop(p, op), 0, "Missing property name after reference "
		    "operator.");
	call = next_invoke_paren(p, &lp);
	if ((n = node_new(p, call ? AST_INVOKE : AST_MEMBER, 0, 0)) == NULL)
		return NULL;
	n->offset = target->offset;
	node_end(n, node_stop(member));
	n->target = target;
	n->static_member = op->kind == TK_COLONCOLON;
	if (member->kind == AST_CONSTANT && member->constant == AST_CONST_WORD &&
	    member->text != NULL) {
		n->text = member->text;		/* a plain name */
		member->text = NULL;
		node_discard(p, member);
	} else {
		n->member = member;
	}
	if (!call)
		return n;
	if (lp.kind == TK_LPAREN)
		return invoke_args(p, n, &lp) == 0 ? n : NULL;
	skip_newlines(p);
	if ((sb = scriptblock_rule(p, &lp)) == NULL ||
	    list_push(p, &n->args, sb) != 0)
		return NULL;
	node_end(n, node_stop(sb));
	return n;
}

/* target[index] */
RULE struct ast *
element_rule(struct parser *p, struct ast *target, const struct tz_token *lb)
{
	struct tz_token rb;
	struct ast *index, *n;

	skip_newlines(p);
	if ((index = expression_rule(p)) == NULL)
		return failed(p) ? NULL : syntax_error(p,
		    "MissingArrayIndexExpression", tok_stop(p, lb), 0, "Array "
		    "index expression is missing or not valid.");
	skip_newlines(p);
	if (!expect(p, TK_RBRACKET, &rb)) {
		return syntax_error(p, "MissingEndSquareBracket",
		    node_stop(index), 0, "Missing ']' after array index "
		    "expression.");
	}
	if ((n = node_new(p, AST_INDEX, rb.start, rb.end)) == NULL)
		return NULL;
	n->offset = target->offset;
	node_end(n, tok_stop(p, &rb));
	n->target = target;
	n->index = index;
	return n;
}

/*
 * Member accesses and indexes right after an expression (no space
 * before them); first, if not NULL, is the first one's token, already
 * read.  A chain counts toward the nesting limit: it nests in the tree.
 */
RULE struct ast *
postfix_rule(struct parser *p, struct ast *expr, const struct tz_token *first)
{
	struct tz_token t;
	int chain = 0;

	if (first != NULL)
		t = *first;
	else if (!next_member_access(p, true, &t))
		return expr;
	do {
		if (p->depth + ++chain > AST_MAX_DEPTH)
			return refuse(p, "NestingTooDeep", tok_off(p, &t), 1,
			    "The script nests more deeply than tnc supports "
			    "(%d levels).", AST_MAX_DEPTH);
		skip_newlines(p);
		if (t.kind == TK_LBRACKET)
			expr = element_rule(p, expr, &t);
		else
			expr = member_rule(p, expr, &t);
	} while (expr != NULL && next_member_access(p, true, &t));
	return failed(p) ? NULL : expr;
}

/* ---------------------------------------------------------------------- */
/* Primary expressions */

/* key = statement; ... */
RULE int
hash_entry(struct parser *p, struct ast *n)
{
	enum tz_mode mode = set_mode(p, TZ_EXPRESSION);
	struct ast *key = label_or_key_rule(p), *value;
	struct tz_token eq;

	if (key == NULL) {
		set_mode(p, mode);
		return failed(p) ? -1 : 0;
	}
	next(p, &eq);
	set_mode(p, mode);
	if (!is_assign(&eq, PS_OP_ASSIGN)) {
		unget(p, &eq);
		syntax_error(p, "MissingEqualsInHashLiteral", node_stop(key), 0,
		    "Missing '=' operator after key in hash literal.");
		return -1;
	}
	mode = set_mode(p, TZ_COMMAND);
	skip_newlines(p);
	if ((value = statement_rule(p)) == NULL && !failed(p))
		syntax_error(p, "MissingStatementInHashLiteral",
		    tok_stop(p, &eq), 0, "Missing statement after '=' in hash "
		    "literal.");
	set_mode(p, mode);
	if (failed(p) || list_push(p, &n->keys, key) != 0 ||
	    list_push(p, &n->values, value) != 0)
		return -1;
	return 1;
}

/* @{ entries } */
RULE struct ast *
hash_rule(struct parser *p, const struct tz_token *at)
{
	struct ast *n = node_new(p, AST_HASHTABLE, at->start, at->end);
	struct tz_token rc;
	int r;

	if (n == NULL)
		return NULL;
	skip_newlines(p);
	while ((r = hash_entry(p, n)) == 1) {
		rc = *peek(p);
		if (rc.kind != TK_NEWLINE && rc.kind != TK_SEMI)
			break;
		skip_newlines_semis(p);
	}
	if (r < 0)
		return NULL;
	if (!expect(p, TK_RCURLY, &rc)) {
		return syntax_error(p, "MissingEndCurlyBrace", tok_stop(p, at),
		    0, "Missing closing '}' in statement block or type "
		    "definition.");
	}
	node_end(n, tok_stop(p, &rc));
	return n;
}

/* ( pipeline ) */
RULE struct ast *
paren_rule(struct parser *p, const struct tz_token *lp)
{
	enum tz_mode mode = set_mode(p, TZ_COMMAND);
	bool comma = p->disable_comma;
	struct ast *pipe, *n = NULL;
	struct tz_token rp;

	p->disable_comma = false;
	skip_newlines(p);
	if ((pipe = pipeline_rule(p)) == NULL) {
		if (!failed(p))
			syntax_error(p, "ExpectedExpression", tok_stop(p, lp), 0,
			    "An expression was expected after '('.");
		goto out;
	}
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rp)) {
		syntax_error(p, "MissingEndParenthesisInExpression",
		    node_stop(pipe), 0, "Missing closing ')' in expression.");
		goto out;
	}
	if ((n = node_new(p, AST_PAREN, lp->start, rp.end)) != NULL)
		n->operand = pipe;
out:
	p->disable_comma = comma;
	set_mode(p, mode);
	return failed(p) ? NULL : n;
}

/* $( statements ) and @( statements ) */
RULE struct ast *
subexpr_rule(struct parser *p, const struct tz_token *first)
{
	enum tz_mode mode = set_mode(p, TZ_COMMAND);
	bool comma = p->disable_comma;
	struct ast *n = node_new(p, first->kind == TK_DOLLARPAREN ?
	    AST_SUBEXPR : AST_ARRAY_EXPR, first->start, first->end);
	struct tz_token rp;

	p->disable_comma = false;
	skip_newlines(p);
	if (n == NULL || statement_list_rule(p, &n->body) != 0)
		goto out;
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rp)) {
		syntax_error(p, "MissingEndParenthesisInSubexpression",
		    tok_off(p, &rp), tok_len(p, &rp), "Missing closing ')' in "
		    "subexpression.");
		goto out;
	}
	node_end(n, tok_stop(p, &rp));
out:
	p->disable_comma = comma;
	set_mode(p, mode);
	return failed(p) ? NULL : n;
}

struct ast *
scriptblock_rule(struct parser *p, const struct tz_token *lcurly)
{
	enum tz_mode mode = set_mode(p, TZ_COMMAND);
	bool comma = p->disable_comma;
	struct ast *n = node_new(p, AST_SCRIPTBLOCK, lcurly->start,
	    lcurly->end);

	p->disable_comma = false;
	skip_newlines(p);
	if (n != NULL)
		script_block_rule(p, n, lcurly);
	p->disable_comma = comma;
	set_mode(p, mode);
	return failed(p) ? NULL : n;
}

RULE struct ast *
number_node(struct parser *p, const struct tz_token *t)
{
	struct ast *n = node_new(p, AST_CONSTANT, t->start, t->end);

	if (n == NULL || (n->text = dup_range(p, t->start, t->end)) == NULL)
		return NULL;
	n->constant = AST_CONST_NUMBER;
	n->num = t->num;
	return n;
}

struct ast *
primary_rule(struct parser *p, bool member_access)
{
	struct ast *expr;
	struct tz_token t;

	next(p, &t);
	switch (t.kind) {
	case TK_VARIABLE: case TK_SPLATTED:
		expr = variable_node(p, t.start, t.end, false,
		    t.kind == TK_SPLATTED);
		break;
	case TK_NUMBER:
		expr = number_node(p, &t);
		break;
	case TK_STRING: case TK_EXPANDABLE: case TK_HERE_STRING:
	case TK_HERE_EXPANDABLE:
		expr = string_node(p, &t);
		break;
	case TK_LPAREN:
		expr = paren_rule(p, &t);
		break;
	case TK_ATPAREN: case TK_DOLLARPAREN:
		expr = subexpr_rule(p, &t);
		break;
	case TK_ATCURLY:
		expr = hash_rule(p, &t);
		break;
	case TK_LCURLY:
		expr = scriptblock_rule(p, &t);
		break;
	default:
		unget(p, &t);
		return NULL;
	}
	if (expr == NULL || !member_access)
		return expr;
	return postfix_rule(p, expr, NULL);
}

struct ast *
label_or_key_rule(struct parser *p)
{
	struct ast *name = simple_name(p), *expr = NULL;
	enum tz_kind k;
	bool comma;

	if (name != NULL || failed(p))
		return name;
	k = peek(p)->kind;
	if (k != TK_NEWLINE && k != TK_SEMI) {
		comma = p->disable_comma;
		p->disable_comma = true;
		expr = unary_rule(p);
		p->disable_comma = comma;
	}
	return expr;
}
