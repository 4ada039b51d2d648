#ifndef TNC_PARSERS_AST_H
#define TNC_PARSERS_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/operators.h"
#include "parsers/number_literal.h"	/* struct ps_number */
#include "parsers/ps_error.h"

/*
 * The syntax tree of a script in tnc's PowerShell subset (issue 11): the
 * statements, pipelines, commands and expressions that real job steps and
 * checks wrap around Test-NetConnection.  Every node keeps its extent
 * (byte offset and length in the script) for PowerShell's error positions.
 *
 * Grammar (PowerShell's, restricted; about_Operator_Precedence order):
 *
 *   script      := statements
 *   statements  := { statement (';' | newline) }
 *   statement   := if | foreach | for | while | do | try | function
 *                | 'break' | 'continue' | 'exit' [pipeline]
 *                | 'throw' [pipeline] | 'return' [pipeline]
 *                | [lvalue assign-op] pipeline          assign-op: = += -= *= /= %=
 *   pipeline    := (expression | command) { '|' command }
 *   command     := name { -Param[:] | argument }        argument mode
 *   expression  := binary ops, lowest first:
 *                  -and -or -xor
 *                  -eq -ne -gt -ge -lt -le -like -notlike -match -notmatch
 *                  -contains -notcontains -in -notin -replace -join -split
 *                  (and the -c / -i forms: -ceq, -ilike, ...)
 *                  + -     * / %     -f     ..     ! -not     ,     [cast]
 *                  postfix: .Member  .Method(args)  [index]
 *   primary     := number | 'string' | "expandable $x $($y)" | here-strings
 *                | $variable | $env:NAME | ${braced} | (pipeline)
 *                | $(statements) | @(statements) | @{ key = value; ... }
 *                | { scriptblock } | [type]
 *
 * Who consumes it: the runtime (shim/runtime/eval*.c) evaluates it; the
 * binder still binds commands, from arguments the runtime evaluates.
 */

enum ast_kind {
	/* statements */
	AST_PIPELINE,		/* elems[0..n): expression or command first,
				   commands after; assign: an assignment
				   (assign_target set), whose value is the
				   pipeline elems, or, when the right side is
				   another statement ($x = if ..., $a = $b =
				   1), that statement as the only element */
	AST_IF,			/* clauses: cond/body pairs; else_body */
	AST_FOREACH,		/* var, cond (the collection), body */
	AST_FOR,		/* init, cond, step, body (each may be NULL) */
	AST_WHILE,		/* cond, body */
	AST_DO_WHILE,		/* body, cond */
	AST_DO_UNTIL,		/* body, cond */
	AST_BREAK,		/* label: NULL */
	AST_CONTINUE,
	AST_EXIT,		/* operand: NULL or a pipeline */
	AST_THROW,		/* operand */
	AST_RETURN,		/* operand */
	AST_TRY,		/* body, catches (each: types, body), finally_body */
	AST_FUNCTION,		/* name, params, body */

	/* inside a pipeline */
	AST_COMMAND,		/* name (a word, or a string), args */
	AST_PARAMETER,		/* -Name or -Name: (colon); value when -Name:value */

	/* expressions */
	AST_CONSTANT,		/* number, bare word (argument mode), $true, $false, $null */
	AST_STRING,		/* 'literal' or a here-string @'...'@: text */
	AST_EXPANDABLE,		/* "..." or @"..."@, or a bare word holding $x
				   or $( ): parts (strings and expressions);
				   a string with nothing to expand is an
				   AST_STRING */
	AST_VARIABLE,		/* $name, $env:NAME, ${name}: name, scope;
				   $true $false $null are AST_CONSTANT */
	AST_MEMBER,		/* target.member (member: a name or an expression) */
	AST_INVOKE,		/* target.method(args) */
	AST_INDEX,		/* target[index] */
	AST_ARRAY_LITERAL,	/* a, b, c (items); unary ,x has one item */
	AST_ARRAY_EXPR,		/* @( statements ): body */
	AST_SUBEXPR,		/* $( statements ): body */
	AST_PAREN,		/* ( pipeline ) */
	AST_HASHTABLE,		/* @{ keys[i] = values[i] } */
	AST_SCRIPTBLOCK,	/* { param(...) statements } */
	AST_TYPE,		/* [typename] on its own */
	AST_CAST,		/* [typename] operand */
	AST_UNARY,		/* op operand: -not ! - + -join -split */
	AST_BINARY		/* left op right */
};

struct ast;

struct ast_list {
	struct ast **v;
	size_t	n;
};

struct ast_if_clause {
	struct ast *cond;		/* a pipeline */
	struct ast_list body;
};

struct ast_catch {
	char	**types;		/* [System.Exception] ... as written; none: catch all */
	size_t	ntypes;
	struct ast_list body;
};

struct ast {
	enum ast_kind kind;
	size_t	offset, length;		/* extent in the script */

	/* AST_PIPELINE */
	struct ast_list elems;
	struct ast *assign_target;	/* NULL, or the lvalue: a variable, member
					   or index, or the AST_CONSTANT of $null
					   ($null = ... discards), $true, $false */
	enum ps_op assign_op;

	/* AST_IF */
	struct ast_if_clause *clauses;	/* if, then each elseif */
	size_t	nclauses;
	struct ast_list else_body;
	bool	has_else;

	/* loops, try, function, script blocks: the statements */
	struct ast_list body;
	struct ast *cond;		/* while/do/for condition, foreach collection */
	struct ast *init, *step;	/* for */
	struct ast *var;		/* foreach: the loop variable (AST_VARIABLE) */
	char	*label;			/* break/continue label; NULL */

	/* AST_TRY */
	struct ast_catch *catches;
	size_t	ncatches;
	struct ast_list finally_body;
	bool	has_finally;

	/* AST_FUNCTION, AST_SCRIPTBLOCK: param(...) */
	struct ast_list params;		/* AST_VARIABLE each, default in operand */
	char	*param_type;		/* a parameter's [type], as in AST_CAST's
					   text; NULL: untyped */

	/* AST_EXIT, AST_THROW, AST_RETURN, AST_UNARY, AST_CAST, AST_PAREN,
	   parameter defaults */
	struct ast *operand;

	/* AST_COMMAND */
	struct ast *name;		/* AST_CONSTANT word or AST_STRING/EXPANDABLE */
	struct ast_list args;		/* AST_PARAMETER and argument expressions;
					   AST_INVOKE: the method's arguments */

	/* AST_PARAMETER */
	char	*param;			/* the name as typed, without '-' and ':' */
	bool	colon;			/* -Name: */
	struct ast *value;		/* -Name:value, or NULL */

	/* AST_CONSTANT */
	enum {
		AST_CONST_NUMBER,
		AST_CONST_WORD,		/* a bare word in argument mode */
		AST_CONST_TRUE,
		AST_CONST_FALSE,
		AST_CONST_NULL
	} constant;
	struct ps_number num;		/* AST_CONST_NUMBER */
	char	*text;			/* NUMBER as written, WORD, AST_STRING's
					   value, AST_VARIABLE's name, AST_TYPE's
					   and AST_CAST's type name (int, int[],
					   System.Collections.Generic.List[string]),
					   AST_FUNCTION's name, AST_MEMBER/AST_INVOKE's
					   member name */

	/* AST_VARIABLE */
	char	*scope;			/* "env", "script", "global", "local",
					   "private" (lower case), or NULL */

	/* AST_EXPANDABLE: the pieces in order; AST_STRING for literal text
	   (its extent: from the piece before to the piece after) */
	struct ast_list parts;

	/* AST_MEMBER, AST_INVOKE, AST_INDEX */
	struct ast *target;
	struct ast *member;		/* a computed member ($x.$name, $x.('a')),
					   text NULL; NULL: the name is text */
	struct ast *index;		/* AST_INDEX */
	bool	static_member;		/* [type]::Member */

	/* AST_ARRAY_LITERAL: items; AST_HASHTABLE: keys and values */
	struct ast_list items;
	struct ast_list keys;		/* AST_CONSTANT words or strings, or expressions */
	struct ast_list values;		/* statements (pipelines, mostly) */
	bool	ordered;		/* [ordered]@{} */

	/* AST_UNARY, AST_BINARY */
	enum ps_op op;
	enum ps_op_case op_case;
	struct ast *left, *right;
};

/*
 * ast_parse()
 * Tokenizes and parses the whole script.  Returns 0 with *out the list of
 * its statements, or -1 with e filled: PowerShell's parse error (its text
 * and id, e.g. MissingEndCurlyBrace, ExpectedValueExpression,
 * RedirectionNotSupported) or, for valid PowerShell outside the subset, a
 * ParserError naming the construct ("... is not supported by tnc"); an
 * allocation failure is ps_error_no_memory()'s record (out_of_memory).
 * Nothing is run: a script that does not parse sends nothing.  e starts
 * zeroed or holds an earlier error, which is freed.  Linear in the
 * script's length; nesting deeper than AST_MAX_DEPTH (ast_parser.h) is
 * refused (NestingTooDeep), so the tree is that shallow at most.
 */
int	ast_parse(const char *script, struct ast_list *out, struct ps_error *e);

void	ast_free(struct ast *a);
void	ast_list_free(struct ast_list *l);

#endif /* TNC_PARSERS_AST_H */
