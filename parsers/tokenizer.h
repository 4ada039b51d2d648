#ifndef TNC_PARSERS_TOKENIZER_H
#define TNC_PARSERS_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/operators.h"
#include "parsers/number_literal.h"	/* struct ps_number */
#include "parsers/ps_error.h"

/*
 * The tokenizer of ast.c's parser: PowerShell's (tokenizer.cs) for the
 * language tnc runs, one token at a time, in the mode the parser asks
 * for.  The same characters make different tokens in the two modes:
 *
 *   text        expression mode          command (argument) mode
 *   -eq         operator -eq             parameter -eq
 *   5022x       a bare word              a bare word
 *   1+2         1, +, 2                  the bare word 1+2
 *   host.name   identifier host, ...     the bare word host.name
 *   if          identifier if            keyword if
 *
 * Tokens hold no memory: their values (a string's text, a variable's
 * name, a bare word's parts) are decoded from their extent on demand
 * (tz_decode_*), so the parser may drop or rescan a token freely.  Every
 * character is scanned a bounded number of times: linear in the script.
 *
 * Errors are PowerShell's own (ParserStrings), written to the ps_error
 * the tokenizer was given, with failed set; the parser stops there.
 */

enum tz_mode {
	TZ_COMMAND,
	TZ_EXPRESSION,
	TZ_TYPENAME			/* inside [ ]: type names only */
};

enum tz_kind {
	TK_EOF, TK_NEWLINE, TK_SEMI, TK_COMMA, TK_PIPE,
	TK_AMPERSAND, TK_ANDAND, TK_OROR,
	TK_LPAREN, TK_RPAREN, TK_LCURLY, TK_RCURLY, TK_LBRACKET, TK_RBRACKET,
	TK_ATPAREN, TK_ATCURLY, TK_DOLLARPAREN,
	TK_DOT, TK_COLONCOLON, TK_COLON,
	TK_OPERATOR,			/* id: enum tz_op */
	TK_ASSIGN,			/* id: enum ps_op (= += -= *= /= %=) */
	TK_PLUSPLUS, TK_MINUSMINUS,
	TK_REDIRECTION,			/* > >> 2> 2>&1 *> ... */
	TK_REDIRECT_IN,			/* < */
	TK_NUMBER, TK_VARIABLE, TK_SPLATTED, TK_PARAMETER, TK_LABEL,
	TK_STRING,			/* 'literal' */
	TK_EXPANDABLE,			/* "expandable" */
	TK_HERE_STRING,			/* @' ... '@ */
	TK_HERE_EXPANDABLE,		/* @" ... "@ */
	TK_GENERIC,			/* a bare word (command mode) */
	TK_IDENTIFIER,
	TK_KEYWORD,			/* id: enum tz_keyword */
	TK_UNKNOWN
};

/* Operators the tokenizer knows (token.cs), whether tnc runs them or not. */
enum tz_op {
	TZ_OP_AND, TZ_OP_OR, TZ_OP_XOR,
	TZ_OP_BAND, TZ_OP_BOR, TZ_OP_BXOR,
	TZ_OP_EQ, TZ_OP_NE, TZ_OP_GE, TZ_OP_GT, TZ_OP_LT, TZ_OP_LE,
	TZ_OP_LIKE, TZ_OP_NOTLIKE, TZ_OP_MATCH, TZ_OP_NOTMATCH,
	TZ_OP_REPLACE, TZ_OP_CONTAINS, TZ_OP_NOTCONTAINS, TZ_OP_IN, TZ_OP_NOTIN,
	TZ_OP_SPLIT, TZ_OP_JOIN, TZ_OP_IS, TZ_OP_ISNOT, TZ_OP_AS,
	TZ_OP_SHL, TZ_OP_SHR,
	TZ_OP_FORMAT, TZ_OP_NOT, TZ_OP_BNOT,
	TZ_OP_PLUS, TZ_OP_MINUS, TZ_OP_MULTIPLY, TZ_OP_DIVIDE, TZ_OP_REM,
	TZ_OP_EXCLAIM, TZ_OP_DOTDOT,
	TZ_OP_COUNT
};

/* Binary precedence, lowest first (about_Operator_Precedence). */
enum tz_prec {
	TZ_PREC_NONE,
	TZ_PREC_LOGICAL, TZ_PREC_BITWISE, TZ_PREC_COMPARISON, TZ_PREC_ADD,
	TZ_PREC_MULTIPLY, TZ_PREC_FORMAT, TZ_PREC_RANGE
};

struct tz_operator {
	const char *name;		/* "-eq", "+", ".." (no case prefix) */
	enum ps_op binary;		/* PS_OP_NONE: not binary, or not tnc's */
	enum ps_op unary;		/* PS_OP_NONE: not unary, or not tnc's */
	enum tz_prec prec;		/* TZ_PREC_NONE: not binary */
	bool	is_unary;
	bool	has_case;		/* -ieq / -ceq forms exist */
};

const struct tz_operator *tz_operator(enum tz_op op);

enum tz_keyword {
	KW_BEGIN, KW_BREAK, KW_CATCH, KW_CLASS, KW_CONFIGURATION, KW_CONTINUE,
	KW_DATA, KW_DEFINE, KW_DO, KW_DYNAMICPARAM, KW_ELSE, KW_ELSEIF, KW_END,
	KW_ENUM, KW_EXIT, KW_FILTER, KW_FINALLY, KW_FOR, KW_FOREACH, KW_FROM,
	KW_FUNCTION, KW_IF, KW_IN, KW_INLINESCRIPT, KW_PARALLEL, KW_PARAM,
	KW_PROCESS, KW_RETURN, KW_SEQUENCE, KW_SWITCH, KW_THROW, KW_TRAP,
	KW_TRY, KW_UNTIL, KW_USING, KW_VAR, KW_WHILE, KW_WORKFLOW,
	KW_COUNT
};

/* The keyword's canonical spelling ("foreach"), as PowerShell's messages name it. */
const char *tz_keyword_name(enum tz_keyword kw);

struct tz_token {
	enum tz_kind kind;
	size_t	start, end;		/* extent in the tokenizer's text */
	int	id;			/* TK_OPERATOR, TK_ASSIGN, TK_KEYWORD */
	enum ps_op_case op_case;	/* TK_OPERATOR: -ieq / -ceq */
	size_t	name_start, name_end;	/* TK_PARAMETER, TK_VARIABLE, TK_SPLATTED,
					   TK_LABEL: the name's characters */
	bool	colon;			/* TK_PARAMETER: -Name: */
	bool	nested;			/* TK_EXPANDABLE, TK_HERE_EXPANDABLE,
					   TK_GENERIC: holds $x or $( ) */
	bool	braced;			/* TK_VARIABLE: ${...} */
	struct ps_number num;		/* TK_NUMBER */
};

struct tokenizer {
	const char *s;			/* the text scanned */
	size_t	len;			/* s[0..len); s[len] need not be NUL */
	size_t	pos;			/* the next character */
	const size_t *map;		/* NULL, or each s[i]'s offset in the
					   script (a nested scan of a copy) */
	enum tz_mode mode;
	bool	allow_signed;		/* +5 and -5 are numbers (unary context) */
	bool	want_simple_name;	/* an identifier, never a keyword */
	struct ps_error *e;
	bool	failed;
};

/* Scans s[start..end) in command mode; errors go to e. */
void	tz_init(struct tokenizer *tz, const char *s, size_t start, size_t end,
	    const size_t *map, struct ps_error *e);

/* The script offset of tz->s[i]. */
size_t	tz_offset(const struct tokenizer *tz, size_t i);

/* The next token in tz->mode. */
void	tz_next(struct tokenizer *tz, struct tz_token *t);

/*
 * Skips white space, comments, line continuations and line ends (and ';'
 * when semis), as SkipNewlines does: nothing is tokenized.
 */
void	tz_skip_newlines(struct tokenizer *tz, bool semis);

/*
 * Tokens that exist only right after something, with nothing between:
 * a member access ('.' '::', and '[' when allow_lbracket) after an
 * expression, the '(' or '{' of a method call after its name, and a
 * '[' opening an attribute or type (white space and comments allowed
 * before it).  Each returns false, consuming nothing, when it is not
 * there.
 */
bool	tz_member_access(struct tokenizer *tz, bool allow_lbracket,
	    struct tz_token *t);
bool	tz_invoke_paren(struct tokenizer *tz, struct tz_token *t);
bool	tz_lbracket(struct tokenizer *tz, struct tz_token *t);

/* Whether a token of this kind reads the same in every mode (no rescan). */
bool	tz_mode_invariant(enum tz_kind k);

/*
 * Decoded values.  Each returns a malloc'd string, or NULL with
 * tz->failed set (out of memory).
 *   tz_decode_text      TK_STRING, TK_HERE_STRING, TK_EXPANDABLE and
 *                       TK_HERE_EXPANDABLE without nested parts, and
 *                       TK_GENERIC: the value, escapes applied ($x kept
 *                       as written in a bare word, as PowerShell keeps a
 *                       command name's)
 *   tz_decode_name      TK_VARIABLE, TK_SPLATTED, TK_PARAMETER, TK_LABEL:
 *                       the name (a variable's with its scope: env:PATH)
 */
char	*tz_decode_text(struct tokenizer *tz, const struct tz_token *t);
char	*tz_decode_name(struct tokenizer *tz, const struct tz_token *t);

/* The name of the variable $name or ${name} at s[start..end) (a part's) */
char	*tz_decode_variable(struct tokenizer *tz, size_t start, size_t end,
	    bool in_string);

/*
 * The parts of an expandable string or bare word, in order: literal
 * text, and the extents of the variables and $( ) subexpressions to
 * expand.  A subexpression inside "..." reads "" and `" as " (collapse).
 */
enum tz_part_kind { TZ_PART_TEXT, TZ_PART_VARIABLE, TZ_PART_SUBEXPR };

struct tz_part {
	enum tz_part_kind kind;
	char	*text;			/* TZ_PART_TEXT, malloc'd */
	size_t	start, end;		/* the nested token, in tz->s */
	bool	collapse;		/* TZ_PART_SUBEXPR */
	bool	braced;			/* TZ_PART_VARIABLE: ${...} */
};

struct tz_parts {
	struct tz_part *v;
	size_t	n;
};

/* Returns 0, or -1 with tz->failed set (out of memory). */
int	tz_decode_parts(struct tokenizer *tz, const struct tz_token *t,
	    struct tz_parts *out);
void	tz_parts_free(struct tz_parts *p);

/*
 * The copy of a subexpression's text with "" and `" read as " (and the
 * offsets of each byte in the script), for a nested tokenizer.  Returns
 * 0, or -1 on ENOMEM.
 */
int	tz_collapse(const struct tokenizer *tz, size_t start, size_t end,
	    char **text, size_t **map, size_t *len);

#endif /* TNC_PARSERS_TOKENIZER_H */
