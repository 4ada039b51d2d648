#ifndef TNC_PARSERS_AST_PARSER_H
#define TNC_PARSERS_AST_PARSER_H

/*
 * The parser behind ast_parse(), shared by its files: ast.c (nodes,
 * tokens, errors, the entry point), ast_stmt.c (statements), ast_pipe.c
 * (pipelines and commands), ast_expr.c (expressions), ast_type.c (type
 * names and attributes).  Each rule follows the one of the same name in
 * PowerShell's Parser.cs, with its errors and extents; the first error
 * ends the parse.
 *
 * Nodes are made by node_new() and recorded, so a failed parse frees
 * them all whatever state they are in; a node that a successful parse
 * leaves out of the tree is given to node_discard().  Positions passed
 * around are offsets in the current tokenizer's text (p->tz); nodes keep
 * script offsets (tz_offset()).
 */
#include <stdbool.h>
#include <stddef.h>

#include "parsers/ast.h"
#include "parsers/tokenizer.h"

/* Deeper nesting is refused: the evaluator and ast_free() recurse */
#define AST_MAX_DEPTH	200

/*
 * The rules recurse once per nesting level; kept out of line, each level
 * costs the stack only the frames on its own path (about 1 KiB).
 */
#define RULE	static __attribute__((noinline))

struct parser {
	const char *script;
	struct tokenizer top;
	struct tokenizer *tz;		/* top, or a nested scan's */
	struct tz_token look;		/* the token read ahead ("ungot") */
	bool	has_look;
	bool	disable_comma;		/* ',' separates (method arguments) */
	int	depth;
	struct ps_error *e;		/* the caller's: the first error */
	bool	failed;
	struct ps_error semantic;	/* PowerShell's checks after parsing */
	struct ps_error unsupported;	/* valid PowerShell tnc will not run */
	struct ast **nodes;		/* every node made */
	size_t	nnodes;
	struct ast **discards;		/* made, then left out of the tree */
	size_t	ndiscards;
};

/* ast.c: nodes.  Positions: [start, end) in p->tz's text. */
struct ast *node_new(struct parser *p, enum ast_kind kind, size_t start,
	    size_t end);
void	node_discard(struct parser *p, struct ast *n);
void	node_discard_tree(struct parser *p, struct ast *n);	/* and below */
/* n's extent grows to end at the script offset end */
void	node_end(struct ast *n, size_t end);
size_t	node_stop(const struct ast *n);		/* offset + length */
int	list_push(struct parser *p, struct ast_list *l, struct ast *n);
/* Room for element n of the array *v of elements of size bytes (doubling) */
int	grow_array(struct parser *p, void *v, size_t n, size_t size);
char	*dup_range(struct parser *p, size_t start, size_t end);
char	*dup_str(struct parser *p, const char *s);
void	ast_shallow_free(struct ast *n);

/* ast.c: errors.  Offsets here are script offsets. */
bool	failed(const struct parser *p);
struct ast *syntax_error(struct parser *p, const char *id, size_t off,
	    size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	semantic_error(struct parser *p, const char *id, size_t off,
	    size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
void	unsupported(struct parser *p, const char *id, size_t off, size_t len,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
struct ast *refuse(struct parser *p, const char *id, size_t off, size_t len,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
struct ast *nomem(struct parser *p);
bool	enter(struct parser *p, size_t at);
void	leave(struct parser *p);

/* ast.c: tokens */
size_t	off(const struct parser *p, size_t i);	/* script offset */
size_t	tok_off(const struct parser *p, const struct tz_token *t);
size_t	tok_len(const struct parser *p, const struct tz_token *t);
size_t	tok_stop(const struct parser *p, const struct tz_token *t);
/* PowerShell's Before(token): where a missing ']' is reported */
size_t	tok_before(const struct parser *p, const struct tz_token *t);
int	tok_text_len(const struct tz_token *t);	/* for "%.*s" */
const char *tok_text(const struct parser *p, const struct tz_token *t);
void	next(struct parser *p, struct tz_token *t);
struct tz_token *peek(struct parser *p);
void	skip(struct parser *p);
void	unget(struct parser *p, const struct tz_token *t);
/* The next token into *t if it is of kind; else false, the token kept */
bool	expect(struct parser *p, enum tz_kind kind, struct tz_token *t);
enum tz_mode set_mode(struct parser *p, enum tz_mode mode);
void	resync(struct parser *p, size_t pos);
void	skip_newlines(struct parser *p);
void	skip_newlines_semis(struct parser *p);
bool	next_member_access(struct parser *p, bool allow_lbracket,
	    struct tz_token *t);
bool	next_invoke_paren(struct parser *p, struct tz_token *t);
bool	next_lbracket(struct parser *p, struct tz_token *t);
bool	is_keyword(const struct tz_token *t, enum tz_keyword kw);
bool	is_op(const struct tz_token *t, enum tz_op op);
bool	is_assign(const struct tz_token *t, enum ps_op op);

/* ast_stmt.c */
int	script_block_rule(struct parser *p, struct ast *owner,
	    const struct tz_token *lcurly);
int	statement_block_rule(struct parser *p, struct ast_list *body,
	    size_t *end);
struct ast *statement_rule(struct parser *p);
int	statement_list_rule(struct parser *p, struct ast_list *body);
int	parameter_list_rule(struct parser *p, struct ast_list *params,
	    size_t *last_end);

/* ast_pipe.c */
struct ast *pipeline_rule(struct parser *p);
struct ast *command_argument(struct parser *p, int context,
	    struct tz_token *t);
struct ast *single_command_argument(struct parser *p, int context);
#define ARG_COMMAND_NAME	0x01
#define ARG_AFTER_INVOCATION	(0x02 | ARG_COMMAND_NAME)
#define ARG_FILE_NAME		0x04
#define ARG_COMMAND_ARGUMENT	0x08

/* ast_expr.c */
struct ast *expression_rule(struct parser *p);
struct ast *unary_rule(struct parser *p);
struct ast *primary_rule(struct parser *p, bool member_access);
struct ast *label_or_key_rule(struct parser *p);
struct ast *variable_node(struct parser *p, size_t start, size_t end,
	    bool in_string, bool splatted);
struct ast *string_node(struct parser *p, const struct tz_token *t);
struct ast *scriptblock_rule(struct parser *p, const struct tz_token *lcurly);

/*
 * ast_type.c: type names and attributes, as nodes: AST_TYPE for [type],
 * AST_INVOKE (text: the name, args) for an attribute [Name(...)].  A list
 * of them is a container node (items) the caller discards after use;
 * NULL when there is none (or on failure: see failed()).
 */
struct ast *attribute_rule(struct parser *p);
struct ast *attribute_list_rule(struct parser *p, bool in_expression);
bool	is_attribute(const struct ast *a);

#endif /* TNC_PARSERS_AST_PARSER_H */
