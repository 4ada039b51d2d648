/*
 * ast_stmt.c: statements (Parser.cs's statement rules): script blocks and
 * statement lists, if/elseif/else, foreach, for, while, do while/until,
 * try/catch/finally, function, break, continue, exit, throw, return.
 *
 * PowerShell's errors here (ParserStrings, 5.1's texts; {0} is the
 * keyword, as typed where PowerShell says token.Text):
 *   MissingEndCurlyBrace                  Missing closing '}' in statement
 *                                         block or type definition.
 *   MissingOpenParenthesisInIfStatement   Missing '(' after 'if' in if
 *                                         statement.
 *   IfStatementMissingCondition           Missing condition in if statement
 *                                         after 'if ('.
 *   MissingEndParenthesisAfterStatement   Missing closing ')' after
 *                                         expression in 'if' statement.
 *   MissingStatementBlock                 Missing statement block after if
 *                                         ( condition ).
 *   MissingStatementBlockAfterElse        Missing statement block after
 *                                         'else' keyword.
 *   MissingOpenParenthesisAfterKeyword    Missing opening '(' after keyword
 *                                         'foreach'.
 *   MissingVariableNameAfterForeach, MissingInInForeach,
 *   MissingForeachExpression, MissingEndParenthesisAfterForeach,
 *   MissingForeachStatement               Missing ... in foreach loop.
 *                                         + "The correct form is: foreach
 *                                         ($a in $b) {...}"
 *   InvalidForeachFlag                    The parameter x is not valid for
 *                                         the foreach statement.
 *   MissingExpressionAfterKeyword         Missing expression after 'while'
 *                                         in loop.
 *   MissingLoopStatement                  Missing statement body in while
 *                                         loop.
 *   MissingWhileOrUntilInDoWhile          Missing while or until keyword in
 *                                         do loop.
 *   MissingTryStatementBlock, MissingCatchOrFinally,
 *   MissingCatchHandlerBlock, MissingFinallyStatementBlock,
 *   MissingTypeLiteralToken               (try/catch/finally)
 *   MissingNameAfterKeyword               Missing name after function
 *                                         keyword.
 *   MissingFunctionBody                   Missing function body in function
 *                                         declaration.
 *   MissingEndParenthesisInFunctionParameterList  Missing ')' in function
 *                                         parameter list.
 *   InvalidFunctionParameter, TypeNotAllowedBeforeParam,
 *   MissingNamedStatementBlock, ReservedKeywordNotAllowed,
 *   UnexpectedToken                       (as PowerShell)
 * and its checks after the parse: OnlyOneParameterListAllowed,
 * EmptyCatchNotLast.
 *
 * tnc's refusals:
 *   KeywordNotSupported    The 'switch' keyword is not supported by tnc.
 *                          (class, enum, using, workflow, configuration,
 *                          switch, trap, data, filter, parallel, sequence)
 *   NamedBlockNotSupported The 'begin' block is not supported by tnc.
 *   ParamBlockNotSupported The script's param() block is not supported by
 *                          tnc: a -Command script takes no arguments.
 *   LabelNotSupported      Loop labels are not supported by tnc: ':outer'.
 *   ForeachFlagNotSupported  The foreach statement's -Parallel is not
 *                          supported by tnc.
 *   AttributeNotSupported  Attributes are not supported by tnc:
 *                          '[CmdletBinding()]'.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/ast_parser.h"

static const char correct_foreach[] =
	"\nThe correct form is: foreach ($a in $b) {...}";

/* ---------------------------------------------------------------------- */
/* Script blocks and statement lists */

/* The attributes of a param block or parameter: refused, or an error */
RULE void
check_attributes(struct parser *p, struct ast *attrs, bool before_param)
{
	size_t i;
	struct ast *a;

	for (i = 0; attrs != NULL && i < attrs->items.n; i++) {
		a = attrs->items.v[i];
		if (is_attribute(a))
			unsupported(p, "AttributeNotSupported", a->offset,
			    a->length, "Attributes are not supported by tnc: "
			    "'%.*s'.", (int)a->length, p->script + a->offset);
		else if (before_param)
			syntax_error(p, "TypeNotAllowedBeforeParam", a->offset,
			    a->length, "Unexpected type [%s] was found in the "
			    "parameter statement.", a->text);
	}
}

/* One parameter: [type] $name [= default] (ParameterRule) */
RULE struct ast *
parameter_rule(struct parser *p)
{
	bool comma = p->disable_comma;
	enum tz_mode mode = set_mode(p, TZ_EXPRESSION);
	struct ast *attrs, *var = NULL, *def;
	struct tz_token t, eq;
	size_t i;

	p->disable_comma = true;
	skip_newlines(p);
	attrs = attribute_list_rule(p, false);
	skip_newlines(p);
	next(p, &t);
	if (failed(p)) {
		goto out;
	} else if (t.kind != TK_VARIABLE && t.kind != TK_SPLATTED) {
		unget(p, &t);
		if (attrs != NULL)
			syntax_error(p, "InvalidFunctionParameter",
			    node_stop(attrs), 0, "Parameter declarations are a "
			    "comma-separated list of variable names with "
			    "optional initializer expressions.");
		goto out;
	}
	var = variable_node(p, t.start, t.end, false, t.kind == TK_SPLATTED);
	skip_newlines(p);
	eq = *peek(p);
	if (var != NULL && is_assign(&eq, PS_OP_ASSIGN)) {
		skip(p);
		skip_newlines(p);
		if ((def = expression_rule(p)) == NULL && !failed(p))
			syntax_error(p, "MissingExpressionAfterToken",
			    tok_stop(p, &eq), 0, "Missing expression after "
			    "'='.");
		var->operand = def;
		if (def != NULL)
			node_end(var, node_stop(def));
	}
	check_attributes(p, attrs, false);
	for (i = 0; var != NULL && attrs != NULL && i < attrs->items.n; i++)
		if (!is_attribute(attrs->items.v[i]) && var->param_type == NULL)
			var->param_type = dup_str(p, attrs->items.v[i]->text);
	if (var != NULL && attrs != NULL) {
		var->length = node_stop(var) - attrs->offset;
		var->offset = attrs->offset;
	}
out:
	node_discard_tree(p, attrs);
	p->disable_comma = comma;
	set_mode(p, mode);
	return failed(p) ? NULL : var;
}

int
parameter_list_rule(struct parser *p, struct ast_list *params,
    size_t *last_end)
{
	struct tz_token comma;
	struct ast *param;
	bool have_comma = false;

	for (;;) {
		if ((param = parameter_rule(p)) == NULL) {
			if (failed(p))
				return -1;
			if (have_comma)
				syntax_error(p, "MissingExpressionAfterToken",
				    tok_stop(p, &comma), 0, "Missing expression "
				    "after ','.");
			break;
		}
		if (list_push(p, params, param) != 0)
			return -1;
		*last_end = node_stop(param);
		skip_newlines(p);
		comma = *peek(p);
		if (comma.kind != TK_COMMA)
			break;
		have_comma = true;
		skip(p);
	}
	return failed(p) ? -1 : 0;
}

/*
 * param( ... ), with attributes before it (ParamBlockRule).  Returns 1
 * with its extent, 0 when there is none (the caller rescans what was
 * read), -1 on failure.
 */
RULE int
param_block_rule(struct parser *p, struct ast *owner, size_t *pstart,
    size_t *pend)
{
	struct ast *attrs;
	struct tz_token kw, lparen, rparen;
	size_t last;

	skip_newlines(p);
	attrs = attribute_list_rule(p, false);
	skip_newlines(p);
	kw = *peek(p);
	if (failed(p) || !is_keyword(&kw, KW_PARAM)) {
		node_discard_tree(p, attrs);
		return failed(p) ? -1 : 0;
	}
	skip(p);
	skip_newlines(p);
	if (!expect(p, TK_LPAREN, &lparen)) {
		node_discard_tree(p, attrs);
		return 0;
	}
	last = tok_stop(p, &lparen);
	if (parameter_list_rule(p, &owner->params, &last) != 0)
		return -1;
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		syntax_error(p, "MissingEndParenthesisInFunctionParameterList",
		    last, 0, "Missing ')' in function parameter list.");
		return -1;
	}
	check_attributes(p, attrs, true);
	node_discard_tree(p, attrs);
	*pstart = tok_off(p, &kw);
	*pend = tok_stop(p, &rparen);
	return failed(p) ? -1 : 1;
}

/* begin { } process { } end { }: parsed, refused */
RULE int
named_blocks(struct parser *p, struct ast *owner)
{
	struct tz_token t;
	size_t end;
	int rc;

	for (;;) {
		next(p, &t);
		if (!is_keyword(&t, KW_BEGIN) && !is_keyword(&t, KW_PROCESS) &&
		    !is_keyword(&t, KW_END) && !is_keyword(&t, KW_DYNAMICPARAM)) {
			unget(p, &t);
			return 0;
		}
		unsupported(p, "NamedBlockNotSupported", tok_off(p, &t),
		    tok_len(p, &t), "The '%s' block is not supported by tnc.",
		    tz_keyword_name(t.id));
		if ((rc = statement_block_rule(p, &owner->body, &end)) < 0)
			return -1;
		if (rc == 0) {
			syntax_error(p, "MissingNamedStatementBlock",
			    tok_stop(p, &t), 0, "Missing statement block after "
			    "'%s'.", tz_keyword_name(t.id));
			return -1;
		}
		skip_newlines_semis(p);
	}
}

/* The end of a script block: its '}', or the end of the script */
RULE int
complete_script_block(struct parser *p, struct ast *owner,
    const struct tz_token *lcurly)
{
	struct tz_token t;

	next(p, &t);
	if (failed(p))
		return -1;
	if (lcurly == NULL && t.kind != TK_EOF) {
		syntax_error(p, "UnexpectedToken", tok_off(p, &t),
		    tok_len(p, &t), "Unexpected token '%.*s' in expression or "
		    "statement.", tok_text_len(&t), tok_text(p, &t));
		return -1;
	}
	if (lcurly != NULL && t.kind != TK_RCURLY) {
		unget(p, &t);
		syntax_error(p, "MissingEndCurlyBrace", tok_off(p, lcurly),
		    tok_len(p, lcurly), "Missing closing '}' in statement "
		    "block or type definition.");
		return -1;
	}
	if (lcurly != NULL)
		node_end(owner, tok_stop(p, &t));
	return 0;
}

/* 'using' where a script starts (UsingStatementsRule): refused */
RULE int
using_rule(struct parser *p)
{
	struct tz_token t = *peek(p);

	if (!is_keyword(&t, KW_USING)) {
		resync(p, t.start);
		return 0;
	}
	refuse(p, "KeywordNotSupported", tok_off(p, &t), tok_len(p, &t),
	    "The '%.*s' keyword is not supported by tnc.", tok_text_len(&t),
	    tok_text(p, &t));
	return -1;
}

/*
 * The statements of a script block (ScriptBlockRule): the whole script
 * (lcurly NULL) or { ... } (owner ends at its '}').  A param block goes
 * to owner->params.  Returns 0, or 2 when there was a param block; -1 on
 * failure.
 */
int
script_block_rule(struct parser *p, struct ast *owner,
    const struct tz_token *lcurly)
{
	size_t restore, pstart = 0, pend = 0;
	struct tz_token t;
	int rc;

	skip_newlines(p);
	if (lcurly == NULL && using_rule(p) != 0)
		return -1;
	restore = p->tz->pos;
	if ((rc = param_block_rule(p, owner, &pstart, &pend)) < 0)
		return -1;
	if (rc == 0)
		resync(p, restore);
	if (lcurly == NULL && rc == 1)
		unsupported(p, "ParamBlockNotSupported", pstart, pend - pstart,
		    "The script's param() block is not supported by tnc: a "
		    "-Command script takes no arguments.");
	skip_newlines_semis(p);
	t = *peek(p);
	if (is_keyword(&t, KW_BEGIN) || is_keyword(&t, KW_PROCESS) ||
	    is_keyword(&t, KW_END) || is_keyword(&t, KW_DYNAMICPARAM)) {
		if (named_blocks(p, owner) != 0)
			return -1;
	} else if (statement_list_rule(p, &owner->body) != 0) {
		return -1;
	}
	if (complete_script_block(p, owner, lcurly) != 0)
		return -1;
	return rc == 1 ? 2 : 0;
}

int
statement_block_rule(struct parser *p, struct ast_list *body, size_t *end)
{
	struct tz_token lcurly, rcurly;

	skip_newlines(p);
	if (!expect(p, TK_LCURLY, &lcurly)) {
		return failed(p) ? -1 : 0;
	}
	if (statement_list_rule(p, body) != 0)
		return -1;
	if (!expect(p, TK_RCURLY, &rcurly)) {
		syntax_error(p, "MissingEndCurlyBrace", tok_off(p, &lcurly),
		    tok_len(p, &lcurly), "Missing closing '}' in statement "
		    "block or type definition.");
		return -1;
	}
	*end = tok_stop(p, &rcurly);
	return 1;
}

int
statement_list_rule(struct parser *p, struct ast_list *body)
{
	struct ast *s;
	enum tz_kind k;

	skip_newlines_semis(p);
	for (;;) {
		if ((s = statement_rule(p)) == NULL)
			break;
		if (list_push(p, body, s) != 0)
			return -1;
		skip_newlines_semis(p);
		k = peek(p)->kind;
		if (k == TK_RPAREN || k == TK_RCURLY)
			break;
	}
	return failed(p) ? -1 : 0;
}

/* ---------------------------------------------------------------------- */
/* if */

/* One "(condition) { body }" of an if or elseif */
RULE int
if_clause(struct parser *p, struct ast *n, const struct tz_token *kw)
{
	struct ast_if_clause *c;
	struct tz_token lparen, rparen;
	size_t end;
	int rc;

	skip_newlines(p);
	if (!expect(p, TK_LPAREN, &lparen)) {
		syntax_error(p, "MissingOpenParenthesisInIfStatement",
		    tok_stop(p, kw), 0, "Missing '(' after '%.*s' in if "
		    "statement.", tok_text_len(kw), tok_text(p, kw));
		return -1;
	}
	if (grow_array(p, &n->clauses, n->nclauses, sizeof(*c)) != 0)
		return -1;
	c = &n->clauses[n->nclauses++];
	memset(c, 0, sizeof(*c));
	skip_newlines(p);
	if ((c->cond = pipeline_rule(p)) == NULL) {
		syntax_error(p, "IfStatementMissingCondition",
		    tok_stop(p, &lparen), 0, "Missing condition in if statement "
		    "after '%.*s ('.", tok_text_len(kw), tok_text(p, kw));
		return -1;
	}
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		syntax_error(p, "MissingEndParenthesisAfterStatement",
		    tok_off(p, &rparen), tok_len(p, &rparen), "Missing closing "
		    "')' after expression in '%.*s' statement.",
		    tok_text_len(kw), tok_text(p, kw));
		return -1;
	}
	skip_newlines(p);
	if ((rc = statement_block_rule(p, &c->body, &end)) <= 0) {
		if (rc == 0)
			syntax_error(p, "MissingStatementBlock",
			    tok_off(p, &rparen), tok_len(p, &rparen), "Missing "
			    "statement block after %.*s ( condition ).",
			    tok_text_len(kw), tok_text(p, kw));
		return -1;
	}
	node_end(n, end);
	return 0;
}

RULE struct ast *
if_rule(struct parser *p, const struct tz_token *if_token)
{
	struct ast *n = node_new(p, AST_IF, if_token->start, if_token->end);
	struct tz_token kw = *if_token;
	size_t end;
	int rc;

	while (n != NULL) {
		if (if_clause(p, n, &kw) != 0)
			return NULL;
		skip_newlines(p);
		kw = *peek(p);
		if (is_keyword(&kw, KW_ELSEIF)) {
			skip(p);
			continue;
		}
		if (!is_keyword(&kw, KW_ELSE))
			break;
		skip(p);
		skip_newlines(p);
		if ((rc = statement_block_rule(p, &n->else_body, &end)) <= 0) {
			if (rc == 0)
				syntax_error(p, "MissingStatementBlockAfterElse",
				    tok_stop(p, &kw), 0, "Missing statement "
				    "block after 'else' keyword.");
			return NULL;
		}
		n->has_else = true;
		node_end(n, end);
		break;
	}
	return failed(p) ? NULL : n;
}

/* ---------------------------------------------------------------------- */
/* Loops */

/* "{ body }" of a loop; MissingLoopStatement after 'after' */
RULE int
loop_body(struct parser *p, struct ast *n, size_t after, const char *kw)
{
	size_t end;
	int rc = statement_block_rule(p, &n->body, &end);

	if (rc == 0)
		syntax_error(p, "MissingLoopStatement", after, 0,
		    "Missing statement body in %s loop.", kw);
	if (rc <= 0)
		return -1;
	node_end(n, end);
	return 0;
}

/* foreach's -Parallel and -ThrottleLimit (workflows'): refused */
RULE int
foreach_flags(struct parser *p)
{
	struct tz_token t;
	size_t n;

	skip_newlines(p);
	while (peek(p)->kind == TK_PARAMETER) {
		next(p, &t);
		n = t.name_end - t.name_start;
		if (n <= 8 && strncasecmp(p->tz->s + t.name_start, "parallel",
		    n) == 0) {
			unsupported(p, "ForeachFlagNotSupported", tok_off(p, &t),
			    tok_len(p, &t), "The foreach statement's -Parallel "
			    "is not supported by tnc.");
		} else if (n <= 13 && strncasecmp(p->tz->s + t.name_start,
		    "throttlelimit", n) == 0) {
			unsupported(p, "ForeachFlagNotSupported", tok_off(p, &t),
			    tok_len(p, &t), "The foreach statement's "
			    "-ThrottleLimit is not supported by tnc.");
			skip_newlines(p);
			if (single_command_argument(p, ARG_COMMAND_ARGUMENT) ==
			    NULL && !failed(p))
				syntax_error(p, "MissingThrottleLimit",
				    tok_stop(p, &t), 0, "The ThrottleLimit "
				    "parameter of the foreach statement is "
				    "missing a value. Supply a throttle limit to "
				    "the parameter.");
		} else {
			syntax_error(p, "InvalidForeachFlag", tok_off(p, &t),
			    tok_len(p, &t), "The parameter %.*s is not valid for "
			    "the foreach statement.", (int)n,
			    p->tz->s + t.name_start);
		}
		if (failed(p))
			return -1;
		skip_newlines(p);
	}
	return 0;
}

/* After "foreach (": $var in pipeline ) { body } */
RULE struct ast *
foreach_rest(struct parser *p, struct ast *n, const struct tz_token *lparen)
{
	struct tz_token v, in, rparen;
	size_t end;

	skip_newlines(p);
	next(p, &v);
	if (v.kind != TK_VARIABLE && v.kind != TK_SPLATTED) {
		unget(p, &v);
		return syntax_error(p, "MissingVariableNameAfterForeach",
		    tok_stop(p, lparen), 0, "Missing variable name after "
		    "foreach.%s", correct_foreach);
	}
	if ((n->var = variable_node(p, v.start, v.end, false,
	    v.kind == TK_SPLATTED)) == NULL)
		return NULL;
	skip_newlines(p);
	next(p, &in);
	if (!is_keyword(&in, KW_IN)) {
		unget(p, &in);
		return syntax_error(p, "MissingInInForeach", node_stop(n->var),
		    0, "Missing 'in' after variable in foreach loop.%s",
		    correct_foreach);
	}
	skip_newlines(p);
	if ((n->cond = pipeline_rule(p)) == NULL)
		return syntax_error(p, "MissingForeachExpression",
		    tok_stop(p, &in), 0, "Missing expression in foreach loop.%s",
		    correct_foreach);
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		return syntax_error(p, "MissingEndParenthesisAfterForeach",
		    node_stop(n->cond), 0, "Missing closing ')' after expression "
		    "part of foreach loop.%s", correct_foreach);
	}
	if (statement_block_rule(p, &n->body, &end) <= 0)
		return failed(p) ? NULL : syntax_error(p,
		    "MissingForeachStatement", tok_stop(p, &rparen), 0,
		    "Missing statement body in foreach loop.%s",
		    correct_foreach);
	node_end(n, end);
	return n;
}

RULE struct ast *
foreach_rule(struct parser *p, const struct tz_token *kw)
{
	struct ast *n;
	struct tz_token lparen;

	if (foreach_flags(p) != 0)
		return NULL;
	if (!expect(p, TK_LPAREN, &lparen)) {
		return syntax_error(p, "MissingOpenParenthesisAfterKeyword",
		    tok_stop(p, kw), 0, "Missing opening '(' after keyword "
		    "'foreach'.");
	}
	n = node_new(p, AST_FOREACH, kw->start, kw->end);
	return n != NULL ? foreach_rest(p, n, &lparen) : NULL;
}

/* One part of for ( init ; cond ; step ), then its ';' */
RULE struct ast *
for_part(struct parser *p, size_t *last)
{
	struct ast *part;
	struct tz_token semi;

	skip_newlines(p);
	if ((part = pipeline_rule(p)) != NULL)
		*last = node_stop(part);
	if (peek(p)->kind == TK_SEMI) {
		next(p, &semi);
		*last = tok_stop(p, &semi);
	}
	return part;
}

RULE struct ast *
for_rule(struct parser *p, const struct tz_token *kw)
{
	struct tz_token lparen, rparen;
	struct ast *n;
	size_t last;

	skip_newlines(p);
	if (!expect(p, TK_LPAREN, &lparen)) {
		return syntax_error(p, "MissingOpenParenthesisAfterKeyword",
		    tok_stop(p, kw), 0, "Missing opening '(' after keyword "
		    "'for'.");
	}
	if ((n = node_new(p, AST_FOR, kw->start, kw->end)) == NULL)
		return NULL;
	last = tok_stop(p, &lparen);
	n->init = for_part(p, &last);
	n->cond = failed(p) ? NULL : for_part(p, &last);
	if (!failed(p)) {
		skip_newlines(p);
		if ((n->step = pipeline_rule(p)) != NULL)
			last = node_stop(n->step);
	}
	if (failed(p))
		return NULL;
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		return syntax_error(p, "MissingEndParenthesisAfterStatement",
		    last, 0, "Missing closing ')' after expression in 'for' "
		    "statement.");
	}
	return loop_body(p, n, tok_stop(p, &rparen), "for") == 0 ? n : NULL;
}

/* "( condition )" of while, and of do's while/until */
RULE int
loop_condition(struct parser *p, struct ast *n, const struct tz_token *kw,
    const char *name, bool text_as_typed, size_t *end)
{
	struct tz_token lparen, rparen;

	skip_newlines(p);
	if (!expect(p, TK_LPAREN, &lparen)) {
		syntax_error(p, "MissingOpenParenthesisAfterKeyword",
		    tok_stop(p, kw), 0, "Missing opening '(' after keyword "
		    "'%.*s'.", text_as_typed ? tok_text_len(kw) : (int)strlen(name),
		    text_as_typed ? tok_text(p, kw) : name);
		return -1;
	}
	skip_newlines(p);
	if ((n->cond = pipeline_rule(p)) == NULL) {
		syntax_error(p, "MissingExpressionAfterKeyword",
		    tok_stop(p, &lparen), 0, "Missing expression after '%s' in "
		    "loop.", name);
		return -1;
	}
	skip_newlines(p);
	if (!expect(p, TK_RPAREN, &rparen)) {
		syntax_error(p, "MissingEndParenthesisAfterStatement",
		    node_stop(n->cond), 0, "Missing closing ')' after "
		    "expression in '%s' statement.", name);
		return -1;
	}
	*end = tok_stop(p, &rparen);
	return 0;
}

RULE struct ast *
while_rule(struct parser *p, const struct tz_token *kw)
{
	struct ast *n = node_new(p, AST_WHILE, kw->start, kw->end);
	size_t end;

	if (n == NULL || loop_condition(p, n, kw, "while", true, &end) != 0)
		return NULL;
	skip_newlines(p);
	return loop_body(p, n, end, "while") == 0 ? n : NULL;
}

RULE struct ast *
do_rule(struct parser *p, const struct tz_token *kw)
{
	struct ast *n = node_new(p, AST_DO_WHILE, kw->start, kw->end);
	struct tz_token wu;
	size_t end;

	if (n == NULL || loop_body(p, n, tok_stop(p, kw), "do") != 0)
		return NULL;
	skip_newlines(p);
	next(p, &wu);
	if (!is_keyword(&wu, KW_WHILE) && !is_keyword(&wu, KW_UNTIL)) {
		unget(p, &wu);
		return syntax_error(p, "MissingWhileOrUntilInDoWhile",
		    node_stop(n), 0, "Missing while or until keyword in do "
		    "loop.");
	}
	if (is_keyword(&wu, KW_UNTIL))
		n->kind = AST_DO_UNTIL;
	if (loop_condition(p, n, &wu, tz_keyword_name(wu.id), false,
	    &end) != 0)
		return NULL;
	node_end(n, end);
	return n;
}

/* ---------------------------------------------------------------------- */
/* try / catch / finally */

/* The catch types: [A], [B] */
RULE int
catch_types(struct parser *p, struct ast_catch *c, size_t *last)
{
	struct tz_token comma;
	struct ast *type;
	bool have_comma = false;
	size_t restore;

	for (;;) {
		restore = p->has_look ? p->look.start : p->tz->pos;
		skip_newlines(p);
		if ((type = attribute_rule(p)) == NULL) {
			if (!failed(p) && have_comma)
				syntax_error(p, "MissingTypeLiteralToken",
				    tok_stop(p, &comma), 0, "Missing type "
				    "literal.");
			return failed(p) ? -1 : 0;
		}
		if (is_attribute(type)) {
			node_discard_tree(p, type);
			resync(p, restore);
			return 0;
		}
		if (grow_array(p, &c->types, c->ntypes, sizeof(*c->types)) != 0)
			return -1;
		c->types[c->ntypes++] = type->text;
		type->text = NULL;
		*last = node_stop(type);
		node_discard(p, type);
		skip_newlines(p);
		comma = *peek(p);
		if (comma.kind != TK_COMMA)
			return 0;
		have_comma = true;
		skip(p);
	}
}

/* One catch clause; 0 when there is none; its extent in *start, *end */
RULE int
catch_rule(struct parser *p, struct ast *n, size_t *start, size_t *end)
{
	struct tz_token kw;
	struct ast_catch *c;
	size_t last;
	int rc;

	skip_newlines(p);
	next(p, &kw);
	if (!is_keyword(&kw, KW_CATCH)) {
		unget(p, &kw);
		return failed(p) ? -1 : 0;
	}
	if (grow_array(p, &n->catches, n->ncatches, sizeof(*c)) != 0)
		return -1;
	c = &n->catches[n->ncatches++];
	memset(c, 0, sizeof(*c));
	last = tok_stop(p, &kw);
	if (catch_types(p, c, &last) != 0)
		return -1;
	if ((rc = statement_block_rule(p, &c->body, end)) == 0)
		syntax_error(p, "MissingCatchHandlerBlock", last, 0,
		    "The Catch block is missing its statement block.");
	*start = tok_off(p, &kw);
	return rc <= 0 ? -1 : 1;
}

RULE struct ast *
try_rule(struct parser *p, const struct tz_token *kw)
{
	struct ast *n = node_new(p, AST_TRY, kw->start, kw->end);
	size_t body_end, start, end, all_start = 0, all_end = 0;
	struct tz_token fin;
	int rc;

	skip_newlines(p);
	if (n == NULL || (rc = statement_block_rule(p, &n->body,
	    &body_end)) < 0)
		return NULL;
	if (rc == 0)
		return syntax_error(p, "MissingTryStatementBlock",
		    tok_stop(p, kw), 0, "The Try statement is missing its "
		    "statement block.");
	node_end(n, body_end);
	while ((rc = catch_rule(p, n, &start, &end)) == 1) {
		if (all_end != 0)	/* a catch after the catch-all */
			semantic_error(p, "EmptyCatchNotLast", all_start,
			    all_end - all_start, "Catch block must be the last "
			    "catch block.");
		if (n->catches[n->ncatches - 1].ntypes == 0 && all_end == 0) {
			all_start = start;
			all_end = end;
		}
		node_end(n, end);
	}
	if (rc < 0)
		return NULL;
	skip_newlines(p);
	fin = *peek(p);
	if (is_keyword(&fin, KW_FINALLY)) {
		skip(p);
		if ((rc = statement_block_rule(p, &n->finally_body, &end)) <= 0)
			return rc < 0 ? NULL : syntax_error(p,
			    "MissingFinallyStatementBlock", tok_stop(p, &fin),
			    0, "The Finally block is missing its statement "
			    "block.");
		n->has_finally = true;
		node_end(n, end);
	}
	if (n->ncatches == 0 && !n->has_finally)
		return syntax_error(p, "MissingCatchOrFinally", body_end, 0,
		    "The Try statement is missing its Catch or Finally block.");
	return failed(p) ? NULL : n;
}

/* ---------------------------------------------------------------------- */
/* function */

/* The name after 'function'; NULL (an error) where PowerShell wants one */
RULE char *
function_name(struct parser *p, const struct tz_token *kw,
    struct tz_token *name)
{
	skip_newlines(p);
	next(p, name);
	switch (name->kind) {
	case TK_PIPE: case TK_LPAREN: case TK_LCURLY: case TK_ATPAREN:
	case TK_ATCURLY: case TK_RCURLY: case TK_RPAREN: case TK_EOF:
	case TK_SEMI: case TK_REDIRECTION: case TK_REDIRECT_IN:
	case TK_ANDAND: case TK_OROR: case TK_AMPERSAND: case TK_VARIABLE:
	case TK_SPLATTED: case TK_HERE_EXPANDABLE: case TK_HERE_STRING:
	case TK_STRING: case TK_EXPANDABLE:
		unget(p, name);
		syntax_error(p, "MissingNameAfterKeyword", tok_stop(p, kw), 0,
		    "Missing name after %.*s keyword.", tok_text_len(kw),
		    tok_text(p, kw));
		return NULL;
	case TK_GENERIC:
		return tz_decode_text(p->tz, name);
	default:
		return dup_range(p, name->start, name->end);
	}
}

/* function Name [( params )] { [param( params )] statements } */
RULE struct ast *
function_rule(struct parser *p, const struct tz_token *kw)
{
	struct tz_token name, lparen, rparen, lcurly;
	struct ast *n = node_new(p, AST_FUNCTION, kw->start, kw->end);
	bool had_list = false;
	size_t last;
	int rc;

	if (n == NULL || (n->text = function_name(p, kw, &name)) == NULL)
		return failed(p) ? NULL : nomem(p);
	if (!is_keyword(kw, KW_FUNCTION))
		unsupported(p, "KeywordNotSupported", tok_off(p, kw),
		    tok_len(p, kw), "The '%.*s' keyword is not supported by "
		    "tnc.", tok_text_len(kw), tok_text(p, kw));
	last = tok_stop(p, &name);
	skip_newlines(p);
	if (peek(p)->kind == TK_LPAREN) {
		next(p, &lparen);
		had_list = true;
		last = tok_stop(p, &lparen);
		if (parameter_list_rule(p, &n->params, &last) != 0)
			return NULL;
		skip_newlines(p);
		if (!expect(p, TK_RPAREN, &rparen)) {
			return syntax_error(p, "MissingEndParenthesisInFunction"
			    "ParameterList", last, 0, "Missing ')' in function "
			    "parameter list.");
		}
		last = tok_stop(p, &rparen);
		skip_newlines(p);
	}
	if (!expect(p, TK_LCURLY, &lcurly)) {
		return syntax_error(p, "MissingFunctionBody", last, 0,
		    "Missing function body in function declaration.");
	}
	if ((rc = script_block_rule(p, n, &lcurly)) < 0)
		return NULL;
	if (rc == 2 && had_list)
		semantic_error(p, "OnlyOneParameterListAllowed", tok_off(p,
		    &lcurly), node_stop(n) - tok_off(p, &lcurly), "The param "
		    "statement cannot be used if arguments were specified in "
		    "the function declaration.");
	return n;
}

/* ---------------------------------------------------------------------- */
/* Statements */

/* exit, throw, return [pipeline] */
RULE struct ast *
flow_rule(struct parser *p, const struct tz_token *kw, enum ast_kind kind)
{
	struct ast *n = node_new(p, kind, kw->start, kw->end);

	if (n == NULL)
		return NULL;
	if ((n->operand = pipeline_rule(p)) != NULL)
		node_end(n, node_stop(n->operand));
	return failed(p) ? NULL : n;
}

/* break, continue [label] */
RULE struct ast *
break_rule(struct parser *p, const struct tz_token *kw, enum ast_kind kind)
{
	struct ast *n = node_new(p, kind, kw->start, kw->end), *label;

	if (n == NULL)
		return NULL;
	if ((label = label_or_key_rule(p)) != NULL) {
		unsupported(p, "LabelNotSupported", label->offset,
		    label->length, "Loop labels are not supported by tnc: "
		    "'%.*s'.", (int)label->length, p->script + label->offset);
		node_end(n, node_stop(label));
		node_discard_tree(p, label);
	}
	return failed(p) ? NULL : n;
}

/* :label before a loop: refused; anything else after it is a command */
RULE struct ast *
labeled_rule(struct parser *p, const struct tz_token *label)
{
	struct tz_token t;

	skip_newlines(p);
	next(p, &t);
	if (t.kind == TK_KEYWORD && (t.id == KW_FOREACH || t.id == KW_FOR ||
	    t.id == KW_WHILE || t.id == KW_DO || t.id == KW_SWITCH)) {
		unsupported(p, "LabelNotSupported", tok_off(p, label),
		    tok_len(p, label), "Loop labels are not supported by tnc: "
		    "'%.*s'.", tok_text_len(label), tok_text(p, label));
		unget(p, &t);
		return statement_rule(p);
	}
	resync(p, label->start);
	return pipeline_rule(p);
}

/* The keywords that start a statement of their own; NULL for the rest */
RULE struct ast *
keyword_statement(struct parser *p, struct tz_token *t, bool *handled)
{
	*handled = true;
	switch (t->id) {
	case KW_IF: return if_rule(p, t);
	case KW_FOREACH: return foreach_rule(p, t);
	case KW_FOR: return for_rule(p, t);
	case KW_WHILE: return while_rule(p, t);
	case KW_DO: return do_rule(p, t);
	case KW_TRY: return try_rule(p, t);
	case KW_FUNCTION: case KW_FILTER: case KW_WORKFLOW:
		return function_rule(p, t);
	case KW_RETURN: return flow_rule(p, t, AST_RETURN);
	case KW_THROW: return flow_rule(p, t, AST_THROW);
	case KW_EXIT: return flow_rule(p, t, AST_EXIT);
	case KW_BREAK: return break_rule(p, t, AST_BREAK);
	case KW_CONTINUE: return break_rule(p, t, AST_CONTINUE);
	case KW_FROM: case KW_DEFINE: case KW_VAR:
		return syntax_error(p, "ReservedKeywordNotAllowed",
		    tok_off(p, t), tok_len(p, t), "The '%s' keyword is not "
		    "supported in this version of the language.",
		    tz_keyword_name(t->id));
	case KW_SWITCH: case KW_TRAP: case KW_DATA: case KW_PARALLEL:
	case KW_SEQUENCE: case KW_CONFIGURATION: case KW_CLASS: case KW_ENUM:
	case KW_USING:
		return refuse(p, "KeywordNotSupported", tok_off(p, t),
		    tok_len(p, t), "The '%.*s' keyword is not supported by tnc.",
		    tok_text_len(t), tok_text(p, t));
	default:
		*handled = false;
		return NULL;
	}
}

struct ast *
statement_rule(struct parser *p)
{
	struct ast *s = NULL;
	struct tz_token t;
	bool handled = false;

	if (!enter(p, off(p, p->has_look ? p->look.start : p->tz->pos)))
		return NULL;
	next(p, &t);
	if (t.kind == TK_KEYWORD)
		s = keyword_statement(p, &t, &handled);
	if (handled) {
		/* done */
	} else if (t.kind == TK_LABEL) {
		s = labeled_rule(p, &t);
	} else if (t.kind == TK_EOF || failed(p)) {
		unget(p, &t);
	} else {
		unget(p, &t);
		s = pipeline_rule(p);
	}
	leave(p);
	return failed(p) ? NULL : s;
}
