/*
 * ast.c: ast_parse() and ast_free(), and what the parser's files share:
 * its nodes, its errors and its view of the tokens (ast_parser.h).
 *
 * Errors have three ranks.  A syntax error (PowerShell's parse error) ends
 * the parse at once.  PowerShell's semantic checks (InvalidLeftHandSide,
 * OrderedAttributeOnlyOnHashLiteralNode, ...) run after its parse, so
 * they are kept and reported only if the whole script parses.  Valid
 * PowerShell that tnc will not run is kept too, and reported last, so a
 * script PowerShell itself refuses gets PowerShell's words; a construct
 * tnc cannot even parse past (switch, class, ...) is refused at once.
 *
 * tnc's own refusals (category ParserError):
 *   NestingTooDeep       The script nests more deeply than tnc supports
 *                        (200 levels).
 * (the others: ast_stmt.c, ast_pipe.c, ast_expr.c, ast_type.c)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/ast_parser.h"

/* ---------------------------------------------------------------------- */
/* Nodes */

/* Room for one more in an array of n of size bytes (doubling: linear) */
static int
grow(void *v, size_t n, size_t size)
{
	void **pv = v, *g;

	if (n != 0 && (n & (n - 1)) != 0)
		return 0;
	if (n > (size_t)-1 / 2 / size)
		return -1;
	g = realloc(*pv, (n == 0 ? 1 : 2 * n) * size);
	if (g == NULL)
		return -1;
	*pv = g;
	return 0;
}

struct ast *
node_new(struct parser *p, enum ast_kind kind, size_t start, size_t end)
{
	struct ast *n;

	if (grow(&p->nodes, p->nnodes, sizeof(*p->nodes)) != 0 ||
	    (n = calloc(1, sizeof(*n))) == NULL)
		return nomem(p);
	p->nodes[p->nnodes++] = n;
	n->kind = kind;
	n->offset = off(p, start);
	n->length = off(p, end) > n->offset ? off(p, end) - n->offset : 0;
	return n;
}

void
node_discard(struct parser *p, struct ast *n)
{
	if (n == NULL)
		return;
	if (grow(&p->discards, p->ndiscards, sizeof(*p->discards)) != 0) {
		nomem(p);
		return;
	}
	p->discards[p->ndiscards++] = n;
}

void
node_end(struct ast *n, size_t end)
{
	if (end > n->offset)
		n->length = end - n->offset;
}

size_t
node_stop(const struct ast *n)
{
	return n->offset + n->length;
}

int
grow_array(struct parser *p, void *v, size_t n, size_t size)
{
	if (grow(v, n, size) != 0) {
		nomem(p);
		return -1;
	}
	return 0;
}

int
list_push(struct parser *p, struct ast_list *l, struct ast *n)
{
	if (grow(&l->v, l->n, sizeof(*l->v)) != 0) {
		nomem(p);
		return -1;
	}
	l->v[l->n++] = n;
	return 0;
}

char *
dup_range(struct parser *p, size_t start, size_t end)
{
	char *s = strndup(p->tz->s + start, end - start);

	if (s == NULL)
		nomem(p);
	return s;
}

char *
dup_str(struct parser *p, const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		nomem(p);
	return d;
}

void
ast_shallow_free(struct ast *n)
{
	size_t i;

	if (n == NULL)
		return;
	free(n->elems.v);
	for (i = 0; i < n->nclauses; i++)
		free(n->clauses[i].body.v);
	free(n->clauses);
	free(n->else_body.v);
	free(n->body.v);
	free(n->label);
	for (i = 0; i < n->ncatches; i++) {
		for (size_t k = 0; k < n->catches[i].ntypes; k++)
			free(n->catches[i].types[k]);
		free(n->catches[i].types);
		free(n->catches[i].body.v);
	}
	free(n->catches);
	free(n->finally_body.v);
	free(n->params.v);
	free(n->param_type);
	free(n->args.v);
	free(n->param);
	free(n->text);
	free(n->scope);
	free(n->parts.v);
	free(n->items.v);
	free(n->keys.v);
	free(n->values.v);
	free(n);
}

void
ast_list_free(struct ast_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		ast_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Calls fn on each child of n: lists' items and single nodes */
static void
each_child(struct ast *n, void (*fn)(struct ast *, void *), void *arg)
{
	struct ast_list *lists[] = { &n->elems, &n->else_body, &n->body,
		&n->finally_body, &n->params, &n->args, &n->parts, &n->items,
		&n->keys, &n->values };
	struct ast *nodes[] = { n->assign_target, n->cond, n->init, n->step,
		n->var, n->operand, n->name, n->value, n->target, n->member,
		n->index, n->left, n->right };
	size_t i, k;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (k = 0; k < lists[i]->n; k++)
			fn(lists[i]->v[k], arg);
	for (i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		if (nodes[i] != NULL)
			fn(nodes[i], arg);
	for (i = 0; i < n->nclauses; i++) {
		if (n->clauses[i].cond != NULL)
			fn(n->clauses[i].cond, arg);
		for (k = 0; k < n->clauses[i].body.n; k++)
			fn(n->clauses[i].body.v[k], arg);
	}
	for (i = 0; i < n->ncatches; i++)
		for (k = 0; k < n->catches[i].body.n; k++)
			fn(n->catches[i].body.v[k], arg);
}

static void
free_one(struct ast *n, void *arg)
{
	(void)arg;
	ast_free(n);
}

void
ast_free(struct ast *a)
{
	if (a == NULL)
		return;
	each_child(a, free_one, NULL);
	ast_shallow_free(a);
}

static void
discard_one(struct ast *n, void *arg)
{
	node_discard_tree(arg, n);
}

void
node_discard_tree(struct parser *p, struct ast *n)
{
	if (n == NULL)
		return;
	each_child(n, discard_one, p);
	node_discard(p, n);
}

/* ---------------------------------------------------------------------- */
/* Errors */

bool
failed(const struct parser *p)
{
	return p->failed || p->tz->failed;
}

/* Fills e as a parse error; the message from fmt and ap */
static void
fill(struct parser *p, struct ps_error *e, const char *id, size_t o,
    size_t len, const char *fmt, va_list ap)
{
	size_t stop = p->top.len;
	char *msg;

	/* the character "after" the end of the script is none: stop there */
	if (o > stop)
		o = stop;
	if (len > stop - o)
		len = stop - o;
	if (vasprintf(&msg, fmt, ap) < 0) {
		ps_error_no_memory(p->e);
		p->failed = true;
		return;
	}
	if (ps_error_parse(e, id, o, len, "%s", msg) == -1 && e->out_of_memory &&
	    e != p->e) {
		ps_error_no_memory(p->e);
		p->failed = true;
	}
	free(msg);
}

struct ast *
syntax_error(struct parser *p, const char *id, size_t o, size_t len,
    const char *fmt, ...)
{
	va_list ap;

	if (failed(p))
		return NULL;
	va_start(ap, fmt);
	fill(p, p->e, id, o, len, fmt, ap);
	va_end(ap);
	p->failed = true;
	return NULL;
}

/* A deferred error: the first one of its rank is kept */
static void
defer(struct parser *p, struct ps_error *slot, const char *id, size_t o,
    size_t len, const char *fmt, va_list ap)
{
	if (!failed(p) && slot->error_id == NULL)
		fill(p, slot, id, o, len, fmt, ap);
}

void
semantic_error(struct parser *p, const char *id, size_t o, size_t len,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	defer(p, &p->semantic, id, o, len, fmt, ap);
	va_end(ap);
}

void
unsupported(struct parser *p, const char *id, size_t o, size_t len,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	defer(p, &p->unsupported, id, o, len, fmt, ap);
	va_end(ap);
}

struct ast *
refuse(struct parser *p, const char *id, size_t o, size_t len,
    const char *fmt, ...)
{
	va_list ap;

	if (failed(p))
		return NULL;
	if (p->semantic.error_id != NULL) {	/* PowerShell's refusal first */
		ps_error_free(p->e);
		*p->e = p->semantic;
		ps_error_clear(&p->semantic);
	} else {
		va_start(ap, fmt);
		fill(p, p->e, id, o, len, fmt, ap);
		va_end(ap);
	}
	p->failed = true;
	return NULL;
}

struct ast *
nomem(struct parser *p)
{
	if (!p->e->out_of_memory)
		ps_error_no_memory(p->e);
	p->failed = true;
	return NULL;
}

bool
enter(struct parser *p, size_t at)
{
	if (++p->depth <= AST_MAX_DEPTH)
		return true;
	refuse(p, "NestingTooDeep", at, 1, "The script nests more deeply "
	    "than tnc supports (%d levels).", AST_MAX_DEPTH);
	return false;
}

void
leave(struct parser *p)
{
	p->depth--;
}

/* ---------------------------------------------------------------------- */
/* Tokens */

size_t
off(const struct parser *p, size_t i)
{
	return tz_offset(p->tz, i);
}

size_t
tok_off(const struct parser *p, const struct tz_token *t)
{
	return off(p, t->start);
}

size_t
tok_stop(const struct parser *p, const struct tz_token *t)
{
	return off(p, t->end);
}

size_t
tok_len(const struct parser *p, const struct tz_token *t)
{
	return tok_stop(p, t) - tok_off(p, t);
}

size_t
tok_before(const struct parser *p, const struct tz_token *t)
{
	size_t o = tok_off(p, t);

	return t->kind == TK_EOF || o == 0 ? o : o - 1;
}

int
tok_text_len(const struct tz_token *t)
{
	return (int)(t->end - t->start);
}

const char *
tok_text(const struct parser *p, const struct tz_token *t)
{
	return p->tz->s + t->start;
}

void
next(struct parser *p, struct tz_token *t)
{
	if (p->has_look) {
		*t = p->look;
		p->has_look = false;
		return;
	}
	tz_next(p->tz, t);
}

struct tz_token *
peek(struct parser *p)
{
	if (!p->has_look) {
		tz_next(p->tz, &p->look);
		p->has_look = true;
	}
	return &p->look;
}

void
skip(struct parser *p)
{
	p->has_look = false;
}

bool
expect(struct parser *p, enum tz_kind kind, struct tz_token *t)
{
	next(p, t);
	if (t->kind == kind)
		return true;
	unget(p, t);
	return false;
}

void
unget(struct parser *p, const struct tz_token *t)
{
	p->look = *t;
	p->has_look = true;
}

enum tz_mode
set_mode(struct parser *p, enum tz_mode mode)
{
	enum tz_mode old = p->tz->mode;

	if (mode != old && p->has_look && !tz_mode_invariant(p->look.kind))
		resync(p, p->look.start);
	p->tz->mode = mode;
	return old;
}

void
resync(struct parser *p, size_t pos)
{
	p->has_look = false;
	p->tz->pos = pos;
}

void
skip_newlines(struct parser *p)
{
	if (!p->has_look || p->look.kind == TK_NEWLINE) {
		p->has_look = false;
		tz_skip_newlines(p->tz, false);
	}
}

void
skip_newlines_semis(struct parser *p)
{
	if (!p->has_look || p->look.kind == TK_NEWLINE ||
	    p->look.kind == TK_SEMI) {
		p->has_look = false;
		tz_skip_newlines(p->tz, true);
	}
}

bool
next_member_access(struct parser *p, bool allow_lbracket, struct tz_token *t)
{
	return !p->has_look && !failed(p) &&
	    tz_member_access(p->tz, allow_lbracket, t);
}

bool
next_invoke_paren(struct parser *p, struct tz_token *t)
{
	return !p->has_look && tz_invoke_paren(p->tz, t);
}

bool
next_lbracket(struct parser *p, struct tz_token *t)
{
	if (p->has_look) {
		if (p->look.kind != TK_LBRACKET)
			return false;
		*t = p->look;
		p->has_look = false;
		return true;
	}
	return tz_lbracket(p->tz, t);
}

bool
is_keyword(const struct tz_token *t, enum tz_keyword kw)
{
	return t->kind == TK_KEYWORD && t->id == (int)kw;
}

bool
is_op(const struct tz_token *t, enum tz_op op)
{
	return t->kind == TK_OPERATOR && t->id == (int)op;
}

bool
is_assign(const struct tz_token *t, enum ps_op op)
{
	return t->kind == TK_ASSIGN && t->id == (int)op;
}

/* ---------------------------------------------------------------------- */
/* The entry point */

/* The deferred errors, in rank order, once the parse is through */
static void
finish(struct parser *p)
{
	struct ps_error *keep = NULL;

	if (!failed(p) && p->semantic.error_id != NULL)
		keep = &p->semantic;
	else if (!failed(p) && p->unsupported.error_id != NULL)
		keep = &p->unsupported;
	if (keep != NULL) {
		ps_error_free(p->e);
		*p->e = *keep;
		ps_error_clear(keep);
		p->failed = true;
	}
	ps_error_free(&p->semantic);
	ps_error_free(&p->unsupported);
}

int
ast_parse(const char *script, struct ast_list *out, struct ps_error *e)
{
	struct parser p;
	struct ast *top;
	size_t i, len = strlen(script);

	out->v = NULL;
	out->n = 0;
	ps_error_free(e);
	memset(&p, 0, sizeof(p));
	p.script = script;
	p.e = e;
	tz_init(&p.top, script, 0, len, NULL, e);
	p.tz = &p.top;
	top = node_new(&p, AST_SCRIPTBLOCK, 0, len);
	if (top != NULL)
		script_block_rule(&p, top, NULL);
	finish(&p);
	if (failed(&p)) {
		for (i = 0; i < p.nnodes; i++)
			ast_shallow_free(p.nodes[i]);
	} else {
		*out = top->body;
		memset(&top->body, 0, sizeof(top->body));
		ast_shallow_free(top);
		for (i = 0; i < p.ndiscards; i++)
			ast_shallow_free(p.discards[i]);
	}
	free(p.nodes);
	free(p.discards);
	if (failed(&p)) {
		out->v = NULL;
		out->n = 0;
		return -1;
	}
	return 0;
}
