/*
 * parser.c: statements, pipelines, commands and values from the tokens of
 * lexer.c (grammar in parser.h).
 *
 * Errors, with PowerShell's own text and id where it has one:
 *   EmptyPipeElement                      An empty pipe element is not allowed.
 *   MissingEndParenthesisInExpression     Missing closing ')' in expression.
 *   ExpectedExpression                    An expression was expected after '('.
 *   UnexpectedToken                       Unexpected token 'x' in expression or
 *                                         statement.
 *   MissingArgument                       Missing argument in parameter list.
 *                                         (a trailing ',' among arguments)
 *   MissingExpressionAfterToken           Missing expression after ','.
 *                                         (a trailing ',' in 'a','b' | ...)
 *   MissingPropertyName                   Missing property name after
 *                                         reference operator.
 *   ExpressionsMustBeFirstElementOfPipeline  Expressions are only allowed as
 *                                         the first element of a pipeline.
 * and ours, for valid PowerShell outside the subset:
 *   ParenthesizedArgumentNotSupported     Parenthesized arguments are not
 *                                         supported by tnc: '('. tnc never
 *                                         evaluates expressions.
 *   UnaryCommaNotSupported                A list must start with a value, not
 *                                         ','. Write lists as a,b.
 *   MemberChainNotSupported               Only one member access is supported
 *                                         by tnc: '.X'.
 *   NestingTooDeep                        Parentheses are nested too deeply
 *                                         for tnc.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

#define PS_MAX_DEPTH	16

struct parser {
	const char *script;
	struct ps_token_list toks;
	size_t	pos;
	struct ps_error *e;
	int	depth;
};

/*
 * Room for element n of the array *v (elements of size bytes, n in use):
 * the array doubles whenever n reaches a power of two, so growing it one
 * by one costs linear time whatever realloc does. Returns 0 or -1.
 */
static int
grow(void *v, size_t n, size_t size)
{
	void **pv = v, *g;

	if (n != 0 && (n & (n - 1)) != 0)
		return 0;		/* room left from the last doubling */
	if (n > SIZE_MAX / 2 / size)
		return -1;
	g = realloc(*pv, (n == 0 ? 1 : 2 * n) * size);
	if (g == NULL)
		return -1;
	*pv = g;
	return 0;
}

static struct ps_token *
cur(struct parser *p)
{
	return &p->toks.v[p->pos];
}

static void
advance(struct parser *p)
{
	if (p->toks.v[p->pos].kind != PS_TOK_END)
		p->pos++;
}

static size_t
prev_end(struct parser *p)
{
	struct ps_token *t;

	if (p->pos == 0)
		return 0;
	t = &p->toks.v[p->pos - 1];
	return t->offset + t->length;
}

static void
skip_newlines(struct parser *p)
{
	while (cur(p)->kind == PS_TOK_NEWLINE)
		advance(p);
}

static int
no_memory(struct parser *p)
{
	return ps_error_no_memory(p->e);
}

static int
unexpected(struct parser *p, struct ps_token *t)
{
	size_t len = t->length;

	if (t->kind == PS_TOK_END)	/* nothing to name: say what is next */
		len = 0;
	return ps_error_parse(p->e, "UnexpectedToken", t->offset, len,
	    "Unexpected token '%.*s' in expression or statement.", (int)len,
	    p->script + t->offset);
}

static bool
ends_element(enum ps_tok k)
{
	return k == PS_TOK_PIPE || k == PS_TOK_SEMI || k == PS_TOK_NEWLINE ||
	    k == PS_TOK_END || k == PS_TOK_RPAREN;
}

/* Values that may be arguments (command mode) or list items */
static bool
starts_value(enum ps_tok k, bool command_mode)
{
	return k == PS_TOK_STRING || k == PS_TOK_NUMBER || k == PS_TOK_TRUE ||
	    k == PS_TOK_FALSE || k == PS_TOK_NULL ||
	    (command_mode && k == PS_TOK_WORD);
}

static void
value_free(struct ps_value *v)
{
	size_t i;

	free(v->text);
	for (i = 0; i < v->nitems; i++)
		value_free(&v->items[i]);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

/* One value from the current token, which starts_value() accepted. */
static void
take_value(struct parser *p, struct ps_value *v)
{
	struct ps_token *t = cur(p);

	memset(v, 0, sizeof(*v));
	v->offset = t->offset;
	v->length = t->length;
	switch (t->kind) {
	case PS_TOK_WORD:
	case PS_TOK_STRING:
		v->kind = PS_VAL_STRING;
		v->quoted = t->kind == PS_TOK_STRING;
		break;
	case PS_TOK_NUMBER:
		v->kind = PS_VAL_NUMBER;
		v->num = t->num;
		break;
	case PS_TOK_TRUE:
	case PS_TOK_FALSE:
		v->kind = PS_VAL_BOOL;
		v->bval = t->kind == PS_TOK_TRUE;
		break;
	default:
		v->kind = PS_VAL_NULL;
		break;
	}
	if (v->kind == PS_VAL_STRING || v->kind == PS_VAL_NUMBER) {
		v->text = t->text;	/* the token gives its text away */
		t->text = NULL;
	}
	advance(p);
}

/* value { ',' value }: a comma list becomes an ARRAY value */
static int
parse_value_list(struct parser *p, struct ps_value *out, bool command_mode)
{
	struct ps_value first, *items = NULL;
	size_t n = 0, comma_end;

	take_value(p, &first);
	if (cur(p)->kind != PS_TOK_COMMA) {
		*out = first;
		return 0;
	}
	items = malloc(sizeof(*items));
	if (items == NULL) {
		value_free(&first);
		return no_memory(p);
	}
	items[n++] = first;
	while (cur(p)->kind == PS_TOK_COMMA) {
		comma_end = cur(p)->offset + 1;
		advance(p);
		skip_newlines(p);	/* a list may go on after ',' + newline */
		if (!starts_value(cur(p)->kind, command_mode)) {
			struct ps_value arr = { .kind = PS_VAL_ARRAY,
			    .items = items, .nitems = n };

			value_free(&arr);
			if (command_mode)
				return ps_error_parse(p->e, "MissingArgument",
				    comma_end, 0,
				    "Missing argument in parameter list.");
			return ps_error_parse(p->e,
			    "MissingExpressionAfterToken", comma_end, 0,
			    "Missing expression after ','.");
		}
		if (grow(&items, n, sizeof(*items)) != 0) {
			struct ps_value arr = { .kind = PS_VAL_ARRAY,
			    .items = items, .nitems = n };

			value_free(&arr);
			return no_memory(p);
		}
		take_value(p, &items[n++]);
	}
	memset(out, 0, sizeof(*out));
	out->kind = PS_VAL_ARRAY;
	out->items = items;
	out->nitems = n;
	out->offset = items[0].offset;
	out->length = items[n - 1].offset + items[n - 1].length -
	    items[0].offset;
	return 0;
}

static void
command_free(struct ps_command *c)
{
	size_t i;

	free(c->name);
	for (i = 0; i < c->nelems; i++) {
		free(c->elems[i].name);
		value_free(&c->elems[i].value);
	}
	free(c->elems);
	memset(c, 0, sizeof(*c));
}

static struct ps_element *
new_element(struct parser *p, struct ps_command *c)
{
	struct ps_element *el;

	if (grow(&c->elems, c->nelems, sizeof(*c->elems)) != 0) {
		no_memory(p);
		return NULL;
	}
	el = &c->elems[c->nelems++];
	memset(el, 0, sizeof(*el));
	return el;
}

static int
paren_argument(struct parser *p)
{
	return ps_error_parse(p->e, "ParenthesizedArgumentNotSupported",
	    cur(p)->offset, 1, "Parenthesized arguments are not supported by "
	    "tnc: '('. tnc never evaluates expressions.");
}

/* name { element }; the current token is the WORD naming the command */
static int
parse_command(struct parser *p, struct ps_command *c)
{
	struct ps_token *t = cur(p);
	struct ps_element *el;

	memset(c, 0, sizeof(*c));
	c->name = t->text;
	t->text = NULL;
	c->name_offset = c->offset = t->offset;
	c->name_length = t->length;
	advance(p);
	for (;;) {
		t = cur(p);
		if (ends_element(t->kind))
			break;
		if (t->kind == PS_TOK_LPAREN)
			return paren_argument(p);
		if (t->kind == PS_TOK_COMMA)
			return ps_error_parse(p->e, "UnaryCommaNotSupported",
			    t->offset, 1, "A list must start with a value, "
			    "not ','. Write lists as a,b.");
		el = new_element(p, c);
		if (el == NULL)
			return -1;
		if (t->kind == PS_TOK_PARAM) {
			el->is_param = true;
			el->name = t->text;
			t->text = NULL;
			el->colon = t->colon;
			el->offset = t->offset;
			el->length = t->length;
			advance(p);
			/* -Name:value and -Name: value take the next token */
			if (el->colon && cur(p)->kind == PS_TOK_LPAREN)
				return paren_argument(p);
			if (el->colon && starts_value(cur(p)->kind, true)) {
				if (parse_value_list(p, &el->value, true) != 0)
					return -1;
				el->has_value = true;
			}
		} else if (starts_value(t->kind, true)) {
			if (parse_value_list(p, &el->value, true) != 0)
				return -1;
			el->has_value = true;
			el->offset = el->value.offset;
			el->length = el->value.length;
		} else {
			return unexpected(p, t);
		}
	}
	c->length = prev_end(p) - c->offset;
	return 0;
}

static void pipeline_free(struct ps_pipeline *pl);

static int
append_command(struct parser *p, struct ps_pipeline *pl)
{
	if (grow(&pl->cmds, pl->ncmds, sizeof(*pl->cmds)) != 0)
		return no_memory(p);
	memset(&pl->cmds[pl->ncmds], 0, sizeof(pl->cmds[0]));
	pl->ncmds++;
	return parse_command(p, &pl->cmds[pl->ncmds - 1]);
}

static int parse_pipeline(struct parser *p, struct ps_pipeline *pl);

/* '(' pipeline ')' [ '.' Member ] */
static int
parse_paren(struct parser *p, struct ps_pipeline *pl)
{
	size_t open = cur(p)->offset;

	if (++p->depth > PS_MAX_DEPTH)
		return ps_error_parse(p->e, "NestingTooDeep", open, 1,
		    "Parentheses are nested too deeply for tnc.");
	advance(p);
	skip_newlines(p);
	if (cur(p)->kind == PS_TOK_RPAREN)
		return ps_error_parse(p->e, "ExpectedExpression", open + 1, 0,
		    "An expression was expected after '('.");
	pl->head = PS_HEAD_PAREN;
	pl->inner = calloc(1, sizeof(*pl->inner));
	if (pl->inner == NULL)
		return no_memory(p);
	if (parse_pipeline(p, pl->inner) != 0)
		return -1;
	skip_newlines(p);
	if (cur(p)->kind != PS_TOK_RPAREN) {
		if (cur(p)->kind != PS_TOK_END && cur(p)->kind != PS_TOK_SEMI)
			return unexpected(p, cur(p));
		return ps_error_parse(p->e, "MissingEndParenthesisInExpression",
		    prev_end(p), 0, "Missing closing ')' in expression.");
	}
	advance(p);
	p->depth--;
	if (cur(p)->kind != PS_TOK_DOT)
		return 0;
	advance(p);
	if (cur(p)->kind != PS_TOK_WORD)
		return ps_error_parse(p->e, "MissingPropertyName", prev_end(p),
		    0, "Missing property name after reference operator.");
	pl->member = cur(p)->text;
	cur(p)->text = NULL;
	pl->member_offset = cur(p)->offset;
	pl->member_length = cur(p)->length;
	advance(p);
	if (cur(p)->kind == PS_TOK_DOT) {
		size_t off = cur(p)->offset, len = 1;
		const struct ps_token *name = &p->toks.v[p->pos + 1];

		/* the name only when glued to the dot, as the lexer read it */
		if (name->kind == PS_TOK_WORD && name->offset == off + 1)
			len += name->length;
		return ps_error_parse(p->e, "MemberChainNotSupported", off, len,
		    "Only one member access is supported by tnc: '%.*s'.",
		    (int)len, p->script + off);
	}
	return 0;
}

static int
parse_pipeline(struct parser *p, struct ps_pipeline *pl)
{
	struct ps_token *t = cur(p);
	size_t pipe;

	memset(pl, 0, sizeof(*pl));
	pl->offset = t->offset;
	if (t->kind == PS_TOK_PIPE)
		return ps_error_parse(p->e, "EmptyPipeElement", t->offset, 1,
		    "An empty pipe element is not allowed.");
	if (t->kind == PS_TOK_WORD) {
		pl->head = PS_HEAD_COMMAND;
		if (append_command(p, pl) != 0)
			return -1;
	} else if (starts_value(t->kind, false)) {
		pl->head = PS_HEAD_VALUES;
		if (parse_value_list(p, &pl->values, false) != 0)
			return -1;
	} else if (t->kind == PS_TOK_LPAREN) {
		if (parse_paren(p, pl) != 0)
			return -1;
	} else {
		return unexpected(p, t);
	}
	if (pl->head != PS_HEAD_COMMAND && !ends_element(cur(p)->kind))
		return unexpected(p, cur(p));

	while (cur(p)->kind == PS_TOK_PIPE) {
		pipe = cur(p)->offset;
		advance(p);
		skip_newlines(p);	/* a pipeline may go on after '|' */
		t = cur(p);
		if (ends_element(t->kind))
			return ps_error_parse(p->e, "EmptyPipeElement", pipe,
			    1, "An empty pipe element is not allowed.");
		if (t->kind == PS_TOK_WORD) {
			if (append_command(p, pl) != 0)
				return -1;
		} else if (starts_value(t->kind, false) ||
		    t->kind == PS_TOK_LPAREN) {
			return ps_error_parse(p->e,
			    "ExpressionsMustBeFirstElementOfPipeline",
			    t->offset, t->length, "Expressions are only "
			    "allowed as the first element of a pipeline.");
		} else {
			return unexpected(p, t);
		}
	}
	pl->length = prev_end(p) - pl->offset;
	return 0;
}

static void
pipeline_free(struct ps_pipeline *pl)
{
	size_t i;

	value_free(&pl->values);
	if (pl->inner != NULL) {
		pipeline_free(pl->inner);
		free(pl->inner);
	}
	free(pl->member);
	for (i = 0; i < pl->ncmds; i++)
		command_free(&pl->cmds[i]);
	free(pl->cmds);
	memset(pl, 0, sizeof(*pl));
}

void
ps_script_free(struct ps_script *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		pipeline_free(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

int
ps_parse(const char *script, struct ps_script *out, struct ps_error *e)
{
	struct parser p = { .script = script, .e = e };
	enum ps_tok k;

	memset(out, 0, sizeof(*out));
	if (ps_lex(script, &p.toks, e) != 0)
		return -1;
	for (;;) {
		while (cur(&p)->kind == PS_TOK_SEMI ||
		    cur(&p)->kind == PS_TOK_NEWLINE)
			advance(&p);
		if (cur(&p)->kind == PS_TOK_END)
			break;
		if (grow(&out->v, out->n, sizeof(*out->v)) != 0) {
			no_memory(&p);
			goto fail;
		}
		out->n++;
		if (parse_pipeline(&p, &out->v[out->n - 1]) != 0)
			goto fail;
		k = cur(&p)->kind;
		if (k != PS_TOK_SEMI && k != PS_TOK_NEWLINE && k != PS_TOK_END) {
			unexpected(&p, cur(&p));
			goto fail;
		}
	}
	ps_token_list_free(&p.toks);
	return 0;
fail:
	ps_token_list_free(&p.toks);
	ps_script_free(out);
	return -1;
}
