/*
 * ast_type.c: [type names] and [Attributes(...)] (Parser.cs's
 * AttributeRule, TypeNameRule, CompleteArrayTypeName,
 * GenericTypeArgumentsRule).  A type's name is kept as PowerShell's
 * FullName writes it: int, int[], string[,],
 * System.Collections.Generic.Dictionary[string,int].
 *
 * PowerShell's errors here (ParserStrings, 5.1's texts):
 *   MissingTypename                         Missing type name after '['.
 *   EndSquareBracketExpectedAtEndOfAttribute  Missing ] at end of attribute
 *                                           or type literal.
 *   EndSquareBracketExpectedAtEndOfType     Missing ] at end of type token.
 *   UnexpectedToken                         (inside [ ])
 *   MissingEndParenthesisInExpression       (an attribute's arguments)
 *   MissingExpressionInNamedArgument        Missing statement after '=' in
 *                                           named argument.
 *   MissingExpressionAfterToken             Missing expression after ','.
 *
 * tnc's refusal:
 *   TypeNameNotSupported   Assembly-qualified type names are not supported
 *                          by tnc: '[int, mscorlib]'.
 */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "parsers/ast_parser.h"

/* Adds to a type's name; -1 (out of memory) when it cannot */
static int
name_add(struct parser *p, struct strbuf *b, const char *s, size_t n)
{
	strbuf_add(b, s, n);
	if (b->oom) {
		nomem(p);
		return -1;
	}
	return 0;
}

static int finish_type_name(struct parser *p, struct strbuf *b,
	    bool unbracketed);

/* [] [,] [][] after a type name; first: the token after the '[' */
RULE int
array_suffix(struct parser *p, struct strbuf *b, struct tz_token first)
{
	struct tz_token t = first, last;

	for (;;) {
		if (name_add(p, b, "[", 1) != 0)
			return -1;
		while (t.kind == TK_COMMA) {
			last = t;
			if (name_add(p, b, ",", 1) != 0)
				return -1;
			next(p, &t);
			if (t.kind != TK_COMMA && t.kind != TK_RBRACKET) {
				unget(p, &t);
				syntax_error(p, "EndSquareBracketExpectedAtEnd"
				    "OfAttribute", tok_stop(p, &last), 0,
				    "Missing ] at end of attribute or type "
				    "literal.");
				return -1;
			}
		}
		if (t.kind != TK_RBRACKET) {
			unget(p, &t);
			syntax_error(p, "EndSquareBracketExpectedAtEndOfAttribute",
			    tok_before(p, &t), 0,
			    "Missing ] at end of attribute or type literal.");
			return -1;
		}
		if (name_add(p, b, "]", 1) != 0)
			return -1;
		if (peek(p)->kind != TK_LBRACKET)
			return 0;
		skip(p);
		next(p, &t);
	}
}

/* One generic argument: Name, or [Name] (GetSingleGenericArgument) */
RULE int
generic_argument(struct parser *p, struct strbuf *b, const struct tz_token *t)
{
	struct tz_token id, rb;

	if (t->kind == TK_IDENTIFIER)
		return name_add(p, b, tok_text(p, t), (size_t)tok_text_len(t)) ||
		    finish_type_name(p, b, true);
	if (!expect(p, TK_IDENTIFIER, &id)) {
		syntax_error(p, "MissingTypename", tok_stop(p, &id), 0,
		    "Missing type name after '['.");
		return -1;
	}
	if (name_add(p, b, tok_text(p, &id), (size_t)tok_text_len(&id)) ||
	    finish_type_name(p, b, false))
		return -1;
	if (!expect(p, TK_RBRACKET, &rb)) {
		syntax_error(p, "EndSquareBracketExpectedAtEndOfType",
		    tok_before(p, &rb), 0,
		    "Missing ] at end of type token.");
		return -1;
	}
	return 0;
}

/* Name[arg, arg] (GenericTypeArgumentsRule); first: the first argument's token */
RULE int
generic_arguments(struct parser *p, struct strbuf *b, struct tz_token first)
{
	struct tz_token t = first, sep;
	int rc = -1;

	if (!enter(p, tok_off(p, &first)))
		return -1;
	if (name_add(p, b, "[", 1) != 0 || generic_argument(p, b, &t) != 0)
		goto out;
	for (;;) {
		skip_newlines(p);
		next(p, &sep);
		if (sep.kind != TK_COMMA)
			break;
		skip_newlines(p);
		next(p, &t);
		if (t.kind != TK_IDENTIFIER && t.kind != TK_LBRACKET) {
			unget(p, &t);
			syntax_error(p, "MissingTypename", tok_stop(p, &sep), 0,
			    "Missing type name after '['.");
			goto out;
		}
		if (name_add(p, b, ",", 1) != 0 ||
		    generic_argument(p, b, &t) != 0)
			goto out;
	}
	if (sep.kind != TK_RBRACKET) {
		unget(p, &sep);
		syntax_error(p, "EndSquareBracketExpectedAtEndOfAttribute",
		    tok_before(p, &sep), 0,
		    "Missing ] at end of attribute or type literal.");
		goto out;
	}
	if (name_add(p, b, "]", 1) != 0)
		goto out;
	if (peek(p)->kind == TK_LBRACKET) {
		skip(p);
		next(p, &t);
		if (array_suffix(p, b, t) != 0)
			goto out;
	}
	rc = 0;
out:
	leave(p);
	return rc;
}

/* After a type's name: an array or generic suffix (FinishTypeNameRule) */
RULE int
finish_type_name(struct parser *p, struct strbuf *b, bool unbracketed)
{
	struct tz_token t = *peek(p), lb;

	if (t.kind == TK_COMMA && !unbracketed)
		return refuse(p, "TypeNameNotSupported", tok_off(p, &t), 1,
		    "Assembly-qualified type names are not supported by tnc."),
		    -1;
	if (t.kind != TK_LBRACKET)
		return 0;
	lb = t;
	skip(p);
	skip_newlines(p);
	next(p, &t);
	switch (t.kind) {
	case TK_RBRACKET: case TK_COMMA:
		return array_suffix(p, b, t);
	case TK_LBRACKET: case TK_IDENTIFIER:
		return generic_arguments(p, b, t);
	case TK_EOF:
		unget(p, &t);
		syntax_error(p, "MissingTypename", tok_stop(p, &lb), 0,
		    "Missing type name after '['.");
		return -1;
	default:
		syntax_error(p, "UnexpectedToken", tok_off(p, &t),
		    tok_len(p, &t), "Unexpected token '%.*s' in expression or "
		    "statement.", tok_text_len(&t), tok_text(p, &t));
		return -1;
	}
}

/* A type's name, in the type-name mode; 0 when none starts here */
RULE int
type_name_rule(struct parser *p, char **out)
{
	enum tz_mode mode = set_mode(p, TZ_TYPENAME);
	struct strbuf b = { NULL, 0, 0, false };
	struct tz_token t;
	int rc = 0;

	if (!expect(p, TK_IDENTIFIER, &t)) {
	} else if (name_add(p, &b, tok_text(p, &t), (size_t)tok_text_len(&t))
	    != 0 || finish_type_name(p, &b, false) != 0) {
		rc = -1;
	} else {
		rc = 1;
	}
	set_mode(p, mode);
	if (rc != 1)
		free(b.s);
	else
		*out = b.s;
	return rc;
}

/* An attribute's arguments: expressions and Name = expression */
RULE int
attribute_args(struct parser *p, struct ast *n, size_t *last)
{
	bool comma = p->disable_comma, have_comma = false;
	struct tz_token sep, eq;
	struct ast *name, *expr;

	p->disable_comma = true;
	for (;;) {
		skip_newlines(p);
		expr = NULL;
		if ((name = label_or_key_rule(p)) != NULL &&
		    name->kind == AST_CONSTANT && is_assign(peek(p),
		    PS_OP_ASSIGN)) {
			next(p, &eq);
			skip_newlines(p);
			if ((expr = expression_rule(p)) == NULL && !failed(p))
				syntax_error(p, "MissingExpressionInNamedArgument",
				    tok_stop(p, &eq), 0, "Missing statement after "
				    "'=' in named argument.");
		} else if (name == NULL && !failed(p) && have_comma) {
			syntax_error(p, "MissingExpressionAfterToken",
			    tok_stop(p, &sep), 0, "Missing expression after "
			    "','.");
		}
		if (failed(p) || (name != NULL && list_push(p, &n->args,
		    name) != 0) || (expr != NULL && list_push(p, &n->args,
		    expr) != 0))
			break;
		*last = expr != NULL ? node_stop(expr) : name != NULL ?
		    node_stop(name) : *last;
		skip_newlines(p);
		if (peek(p)->kind != TK_COMMA)
			break;
		next(p, &sep);
		*last = tok_stop(p, &sep);
		have_comma = true;
	}
	p->disable_comma = comma;
	return failed(p) ? -1 : 0;
}

/* [Name(args)]: an AST_INVOKE named Name */
RULE struct ast *
attribute_node(struct parser *p, const struct tz_token *lb, char *name,
    const struct tz_token *lp)
{
	struct ast *n = node_new(p, AST_INVOKE, lb->start, lp->end);
	struct tz_token rp, rb;
	enum tz_mode mode;
	size_t last = tok_stop(p, lp);

	if (n == NULL) {
		free(name);
		return NULL;
	}
	n->text = name;
	skip_newlines(p);
	mode = set_mode(p, TZ_EXPRESSION);
	attribute_args(p, n, &last);
	set_mode(p, mode);
	if (failed(p))
		return NULL;
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rp)) {
		return syntax_error(p, "MissingEndParenthesisInExpression", last,
		    0, "Missing closing ')' in expression.");
	}
	skip_newlines(p);
	if (!expect(p, TK_RBRACKET, &rb)) {
		return syntax_error(p, "EndSquareBracketExpectedAtEndOfAttribute",
		    tok_stop(p, &rp), 0, "Missing ] at end of attribute or type "
		    "literal.");
	}
	node_end(n, tok_stop(p, &rb));
	return n;
}

struct ast *
attribute_rule(struct parser *p)
{
	struct tz_token lb, t;
	struct ast *n;
	char *name;
	int rc;

	if (!next_lbracket(p, &lb))
		return NULL;
	skip_newlines(p);
	if ((rc = type_name_rule(p, &name)) <= 0) {
		if (rc == 0) {
			resync(p, lb.start);
			syntax_error(p, "MissingTypename", tok_stop(p, &lb), 0,
			    "Missing type name after '['.");
		}
		return NULL;
	}
	next(p, &t);
	if (t.kind == TK_LPAREN)
		return attribute_node(p, &lb, name, &t);
	if (t.kind != TK_RBRACKET) {
		unget(p, &t);
		free(name);
		return syntax_error(p, "EndSquareBracketExpectedAtEndOfAttribute",
		    tok_before(p, &t), 0,
		    "Missing ] at end of attribute or type literal.");
	}
	if ((n = node_new(p, AST_TYPE, lb.start, t.end)) == NULL) {
		free(name);
		return NULL;
	}
	n->text = name;
	return n;
}

struct ast *
attribute_list_rule(struct parser *p, bool in_expression)
{
	struct ast *list = NULL, *a;

	while ((a = attribute_rule(p)) != NULL) {
		if (list == NULL) {
			if ((list = node_new(p, AST_ARRAY_LITERAL, 0, 0)) == NULL)
				return NULL;
			list->offset = a->offset;
		}
		if (list_push(p, &list->items, a) != 0)
			return NULL;
		node_end(list, node_stop(a));
		if (!in_expression || is_attribute(a))
			skip_newlines(p);
	}
	return failed(p) ? NULL : list;
}

bool
is_attribute(const struct ast *a)
{
	return a->kind == AST_INVOKE;
}
