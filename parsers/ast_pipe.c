/*
 * ast_pipe.c: pipelines, assignments, commands and their arguments
 * (Parser.cs's PipelineRule, CommandRule, GetCommandArgument), and
 * redirections, which tnc refuses.
 *
 * A command is read in command (argument) mode: -Name and -Name:value
 * are parameters, bare words are strings (expandable when they hold $x
 * or $( ), except a command's name), 'a','b' and a, b are lists, and
 * $x.Prop, (expr), $(...), @(...), @{...} and { } are expressions.
 *
 * PowerShell's errors here (ParserStrings, 5.1's texts):
 *   EmptyPipeElement                 An empty pipe element is not allowed.
 *   ExpressionsMustBeFirstInPipeline Expressions are only allowed as the
 *                                    first element of a pipeline.
 *   UnexpectedToken                  Unexpected token 'x' in expression or
 *                                    statement.
 *   InvalidEndOfLine                 The token '&&' is not a valid statement
 *                                    separator in this version.
 *   ExpectedValueExpression          You must provide a value expression
 *                                    following the '=' operator.
 *   MissingArgument                  Missing argument in parameter list.
 *   MissingExpression                Missing expression after ',' in
 *                                    pipeline element.  (also '&', '.')
 *   ParameterRequiresArgument        Parameter -Port: requires an argument.
 *   AmpersandNotAllowed              The ampersand (&) character is not
 *                                    allowed. ...
 *   MissingFileSpecification         Missing file specification after
 *                                    redirection operator.
 *   RedirectionNotSupported          The '<' operator is reserved for
 *                                    future use.  (also 1>&2)
 * and the check after the parse: InvalidLeftHandSide.
 *
 * tnc's refusals:
 *   RedirectionNotSupported   Redirection is not supported by tnc: '>'.
 *                             Redirect tnc's output in the calling shell
 *                             instead.
 *   CallOperatorNotSupported  The '&' operator is not supported by tnc.
 *                             tnc never runs other commands.
 *   DotSourceNotSupported     Dot-sourcing is not supported by tnc: '.'.
 *                             tnc never runs scripts.
 *   StopParsingNotSupported   The stop-parsing symbol '--%' is not
 *                             supported by tnc.
 *   EndOfParametersNotSupported  The '--' end-of-parameters marker is not
 *                             supported by tnc.
 *   AssignmentNotSupported    Assigning to '[int]$x' is not supported by
 *                             tnc.  (typed and multiple assignment)
 */
#include <string.h>
#include <strings.h>

#include "parsers/ast_parser.h"

/* ---------------------------------------------------------------------- */
/* Arguments */

/* A bare word (or any other token read as one): AST_CONSTANT word */
RULE struct ast *
word_node(struct parser *p, const struct tz_token *t, bool expand)
{
	struct ast *n;

	if (expand && t->kind == TK_GENERIC && t->nested)
		return string_node(p, t);
	if ((n = node_new(p, AST_CONSTANT, t->start, t->end)) == NULL)
		return NULL;
	n->constant = AST_CONST_WORD;
	n->text = t->kind == TK_GENERIC ? tz_decode_text(p->tz, t) :
	    dup_range(p, t->start, t->end);
	if (n->text == NULL)
		return nomem(p);
	if (t->kind == TK_GENERIC && strcasecmp(n->text, "--%") == 0)
		return refuse(p, "StopParsingNotSupported", tok_off(p, t),
		    tok_len(p, t), "The stop-parsing symbol '--%%' is not "
		    "supported by tnc.");
	return n;
}

/* One argument, no list: a primary expression or a word; NULL at an end */
RULE struct ast *
one_argument(struct parser *p, int context, struct tz_token *t)
{
	switch (t->kind) {
	case TK_PIPE: case TK_RCURLY: case TK_RPAREN: case TK_EOF:
	case TK_NEWLINE: case TK_SEMI: case TK_REDIRECTION:
	case TK_REDIRECT_IN: case TK_ANDAND: case TK_OROR: case TK_AMPERSAND:
	case TK_MINUSMINUS: case TK_COMMA:
		unget(p, t);
		return NULL;
	case TK_VARIABLE: case TK_SPLATTED: case TK_NUMBER: case TK_STRING:
	case TK_EXPANDABLE: case TK_HERE_STRING: case TK_HERE_EXPANDABLE:
	case TK_LPAREN: case TK_DOLLARPAREN: case TK_ATPAREN: case TK_ATCURLY:
	case TK_LCURLY:
		unget(p, t);
		return primary_rule(p, true);
	default:
		return word_node(p, t, !(context & ARG_COMMAND_NAME));
	}
}

struct ast *
command_argument(struct parser *p, int context, struct tz_token *t)
{
	struct ast *arg, *list = NULL;
	struct tz_token comma;

	for (;;) {
		if ((arg = one_argument(p, context, t)) == NULL) {
			if (failed(p) || list == NULL)
				return NULL;
			return syntax_error(p, "MissingExpression",
			    tok_stop(p, &comma), 0, "Missing expression after "
			    "',' in pipeline element.");
		}
		if (context != ARG_COMMAND_ARGUMENT || peek(p)->kind !=
		    TK_COMMA)
			break;
		next(p, &comma);
		if (list == NULL && (list = node_new(p, AST_ARRAY_LITERAL,
		    0, 0)) != NULL) {
			list->offset = arg->offset;
			list->length = arg->length;
		}
		if (list == NULL || list_push(p, &list->items, arg) != 0)
			return NULL;
		skip_newlines(p);
		next(p, t);
	}
	if (list == NULL)
		return arg;
	if (list_push(p, &list->items, arg) != 0)
		return NULL;
	node_end(list, node_stop(arg));
	return list;
}

struct ast *
single_command_argument(struct parser *p, int context)
{
	struct tz_token t;
	enum tz_mode mode;
	struct ast *arg;

	if (peek(p)->kind == TK_COMMA || peek(p)->kind == TK_EOF)
		return NULL;
	mode = set_mode(p, TZ_COMMAND);
	next(p, &t);
	arg = command_argument(p, context, &t);
	set_mode(p, mode);
	return arg;
}

/* ---------------------------------------------------------------------- */
/* Redirections: PowerShell's errors, or tnc's refusal */

RULE void
redirection_rule(struct parser *p, const struct tz_token *t)
{
	const char *text = tok_text(p, t);
	int n = tok_text_len(t);
	const char *gt = memchr(text, '>', (size_t)n);
	bool merge = memchr(text, '&', (size_t)n) != NULL;
	size_t at;

	if (!merge && single_command_argument(p, ARG_FILE_NAME) == NULL) {
		if (!failed(p))
			syntax_error(p, "MissingFileSpecification",
			    tok_stop(p, t), 0, "Missing file specification "
			    "after redirection operator.");
		return;
	}
	if (t->kind == TK_REDIRECT_IN || (merge && (text[n - 1] != '1' ||
	    text[0] == '1'))) {
		syntax_error(p, "RedirectionNotSupported", tok_off(p, t),
		    tok_len(p, t), "The '%.*s' operator is reserved for future "
		    "use.", n, text);
		return;
	}
	at = t->start + (size_t)(gt - text);
	unsupported(p, "RedirectionNotSupported", off(p, at),
	    gt[1] == '>' ? 2 : 1, "Redirection is not supported by tnc: "
	    "'%.*s'. Redirect tnc's output in the calling shell instead.",
	    gt[1] == '>' ? 2 : 1, gt);
}

/* ---------------------------------------------------------------------- */
/* Commands */

/* -Name, or -Name:value */
RULE struct ast *
parameter_element(struct parser *p, const struct tz_token *t)
{
	struct ast *n = node_new(p, AST_PARAMETER, t->start, t->end);
	struct tz_token arg;

	if (n == NULL || (n->param = tz_decode_name(p->tz, t)) == NULL)
		return failed(p) ? NULL : nomem(p);
	n->colon = t->colon;
	if (!t->colon || peek(p)->kind == TK_COMMA)
		return n;
	next(p, &arg);
	if ((n->value = command_argument(p, ARG_COMMAND_ARGUMENT, &arg)) ==
	    NULL)
		return failed(p) ? NULL : syntax_error(p,
		    "ParameterRequiresArgument", tok_stop(p, t), 0,
		    "Parameter %.*s requires an argument.", tok_text_len(t),
		    tok_text(p, t));
	node_end(n, node_stop(n->value));
	return n;
}

/* One element of a command; NULL with nothing to add (or on failure) */
RULE struct ast *
command_element(struct parser *p, int context, struct tz_token *t)
{
	switch (t->kind) {
	case TK_AMPERSAND:
		return syntax_error(p, "AmpersandNotAllowed", tok_off(p, t),
		    tok_len(p, t), "The ampersand (&) character is not allowed. "
		    "The & operator is reserved for future use; wrap an "
		    "ampersand in double quotation marks (\"&\") to pass it as "
		    "part of a string.");
	case TK_MINUSMINUS:
		unsupported(p, "EndOfParametersNotSupported", tok_off(p, t),
		    tok_len(p, t), "The '--' end-of-parameters marker is not "
		    "supported by tnc.");
		return NULL;
	case TK_COMMA:
		syntax_error(p, "MissingArgument", tok_off(p, t), tok_len(p, t),
		    "Missing argument in parameter list.");
		return NULL;
	case TK_PARAMETER:
		if (context & ARG_COMMAND_NAME)
			return word_node(p, t, false);
		return parameter_element(p, t);
	case TK_REDIRECTION:
	case TK_REDIRECT_IN:
		if (context & ARG_COMMAND_NAME)
			return word_node(p, t, false);
		redirection_rule(p, t);
		return NULL;
	default:
		return command_argument(p, context, t);
	}
}

/* & and . before a command: parsed, refused */
RULE int
invocation(struct parser *p, struct tz_token *t)
{
	if (t->kind == TK_DOT)
		unsupported(p, "DotSourceNotSupported", tok_off(p, t),
		    tok_len(p, t), "Dot-sourcing is not supported by tnc: '.'. "
		    "tnc never runs scripts.");
	else if (t->kind == TK_AMPERSAND)
		unsupported(p, "CallOperatorNotSupported", tok_off(p, t),
		    tok_len(p, t), "The '&' operator is not supported by tnc. "
		    "tnc never runs other commands.");
	else
		return ARG_COMMAND_NAME;
	next(p, t);
	return ARG_AFTER_INVOCATION;
}

RULE bool
ends_command(enum tz_kind k)
{
	return k == TK_PIPE || k == TK_RCURLY || k == TK_RPAREN ||
	    k == TK_EOF || k == TK_NEWLINE || k == TK_SEMI || k == TK_ANDAND ||
	    k == TK_OROR;
}

RULE struct ast *
command_rule(struct parser *p)
{
	enum tz_mode mode = set_mode(p, TZ_COMMAND);
	struct tz_token first, t;
	struct ast *cmd = NULL, *elem;
	int context;

	next(p, &t);
	first = t;
	context = invocation(p, &t);
	while (!failed(p) && !ends_command(t.kind)) {
		if ((elem = command_element(p, context, &t)) != NULL &&
		    cmd == NULL && (cmd = node_new(p, AST_COMMAND, first.start,
		    first.end)) != NULL)
			cmd->name = elem;
		else if (elem != NULL && cmd != NULL &&
		    list_push(p, &cmd->args, elem) != 0)
			break;
		if (elem != NULL && cmd != NULL)
			node_end(cmd, node_stop(elem));
		context = ARG_COMMAND_ARGUMENT;
		next(p, &t);
	}
	if (!failed(p))
		unget(p, &t);
	set_mode(p, mode);
	if (failed(p))
		return NULL;
	if (cmd == NULL && first.kind != t.kind)	/* & or . alone */
		return syntax_error(p, "MissingExpression", tok_off(p, &first),
		    tok_len(p, &first), "Missing expression after '%.*s' in "
		    "pipeline element.", tok_text_len(&first),
		    tok_text(p, &first));
	return cmd;
}

/* ---------------------------------------------------------------------- */
/* Pipelines and assignments */

/* Where PowerShell's assignment can go; others are refused or an error */
RULE void
check_target(struct parser *p, const struct ast *t)
{
	switch (t->kind) {
	case AST_VARIABLE: case AST_MEMBER: case AST_INDEX:
		return;
	case AST_CONSTANT:
		if (t->constant != AST_CONST_NUMBER &&
		    t->constant != AST_CONST_WORD)
			return;		/* $null, $true, $false */
		break;
	case AST_CAST: case AST_ARRAY_LITERAL: case AST_INVOKE:
		unsupported(p, "AssignmentNotSupported", t->offset, t->length,
		    "Assigning to '%.*s' is not supported by tnc.",
		    (int)t->length, p->script + t->offset);
		return;
	default:
		break;
	}
	semantic_error(p, "InvalidLeftHandSide", t->offset, t->length,
	    "The assignment expression is not valid. The input to an "
	    "assignment operator must be an object that is able to accept "
	    "assignments, such as a variable or a property.");
}

/* target op= statement */
RULE struct ast *
assignment(struct parser *p, struct ast *target, const struct tz_token *op)
{
	struct ast *value, *n;

	skip_newlines(p);
	if ((value = statement_rule(p)) == NULL)
		return failed(p) ? NULL : syntax_error(p,
		    "ExpectedValueExpression", tok_stop(p, op), 0, "You must "
		    "provide a value expression following the '%.*s' operator.",
		    tok_text_len(op), tok_text(p, op));
	if ((n = node_new(p, AST_PIPELINE, 0, 0)) == NULL)
		return NULL;
	n->offset = target->offset;
	node_end(n, node_stop(value));
	check_target(p, target);
	n->assign_target = target;
	n->assign_op = (enum ps_op)op->id;
	if (value->kind == AST_PIPELINE && value->assign_target == NULL) {
		n->elems = value->elems;	/* $x = a | b */
		memset(&value->elems, 0, sizeof(value->elems));
		node_discard(p, value);
	} else if (list_push(p, &n->elems, value) != 0) {
		return NULL;
	}
	return failed(p) ? NULL : n;
}

/* The expression that may start an element, and an assignment after it */
RULE struct ast *
element_expression(struct parser *p, struct tz_token *assign)
{
	enum tz_mode mode = set_mode(p, TZ_EXPRESSION);
	struct ast *expr = expression_rule(p);

	assign->kind = TK_EOF;
	if (expr != NULL && peek(p)->kind == TK_ASSIGN) {
		*assign = p->look;
		skip(p);
	}
	set_mode(p, mode);
	return expr;
}

/* After an element: whether the pipeline goes on (after '|') */
RULE bool
pipe_continues(struct parser *p, struct tz_token *pipe)
{
	*pipe = *peek(p);
	switch (pipe->kind) {
	case TK_SEMI: case TK_NEWLINE: case TK_RPAREN: case TK_RCURLY:
	case TK_EOF:
		return false;
	case TK_PIPE:
		skip(p);
		skip_newlines(p);
		if (peek(p)->kind == TK_EOF)
			syntax_error(p, "EmptyPipeElement", tok_stop(p, pipe), 0,
			    "An empty pipe element is not allowed.");
		return !failed(p);
	case TK_ANDAND: case TK_OROR:
		syntax_error(p, "InvalidEndOfLine", tok_off(p, pipe),
		    tok_len(p, pipe), "The token '%.*s' is not a valid statement "
		    "separator in this version.", tok_text_len(pipe),
		    tok_text(p, pipe));
		return false;
	default:
		syntax_error(p, "UnexpectedToken", tok_off(p, pipe),
		    tok_len(p, pipe), "Unexpected token '%.*s' in expression or "
		    "statement.", tok_text_len(pipe), tok_text(p, pipe));
		return false;
	}
}

/* An empty element: before a '|', or after one */
RULE void
empty_element(struct parser *p, bool have_pipe, const struct tz_token *pipe)
{
	struct tz_token *t = peek(p);

	if (have_pipe)
		syntax_error(p, "EmptyPipeElement", tok_stop(p, pipe), 0,
		    "An empty pipe element is not allowed.");
	else
		syntax_error(p, "EmptyPipeElement", tok_off(p, t), tok_len(p, t),
		    "An empty pipe element is not allowed.");
}

/* The element after the first or after a '|' */
RULE struct ast *
pipeline_element(struct parser *p, struct ast *n, struct tz_token *assign)
{
	struct ast *expr = element_expression(p, assign);
	enum tz_kind k;

	if (failed(p))
		return NULL;
	if (expr == NULL)
		return command_rule(p);
	if (n != NULL)
		return syntax_error(p, "ExpressionsMustBeFirstInPipeline",
		    expr->offset, expr->length, "Expressions are only allowed "
		    "as the first element of a pipeline.");
	while (assign->kind != TK_ASSIGN && !failed(p) &&
	    ((k = peek(p)->kind) == TK_REDIRECTION || k == TK_REDIRECT_IN)) {
		struct tz_token r;

		next(p, &r);
		redirection_rule(p, &r);
	}
	return failed(p) ? NULL : expr;
}

struct ast *
pipeline_rule(struct parser *p)
{
	struct tz_token pipe, assign;
	struct ast *n = NULL, *elem;
	bool have_pipe = false;

	do {
		if ((elem = pipeline_element(p, n, &assign)) != NULL &&
		    assign.kind == TK_ASSIGN)
			return assignment(p, elem, &assign);
		if (failed(p))
			return NULL;
		if (elem == NULL) {
			if (n != NULL || peek(p)->kind == TK_PIPE)
				empty_element(p, have_pipe, &pipe);
		} else if (n == NULL) {
			if ((n = node_new(p, AST_PIPELINE, 0, 0)) == NULL)
				return NULL;
			n->offset = elem->offset;
		}
		if (elem != NULL && list_push(p, &n->elems, elem) == 0)
			node_end(n, node_stop(elem));
		if (failed(p))
			return NULL;
		have_pipe = true;
	} while (pipe_continues(p, &pipe));
	return failed(p) ? NULL : n;
}
