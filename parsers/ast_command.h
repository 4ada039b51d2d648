#ifndef TNC_PARSERS_AST_COMMAND_H
#define TNC_PARSERS_AST_COMMAND_H

#include <stdbool.h>

#include "parsers/ast.h"
#include "parsers/command_line.h"

/*
 * A command of the syntax tree (AST_COMMAND) as the binder's input
 * (command_line.h), so that a command binds exactly as the same command
 * line always has: a literal argument is the value its text makes -- a
 * number keeps its text as written, a quoted string is quoted, a bare word
 * is not, $true $false $null are themselves, a comma list is an array of
 * them.  Anything else is an expression the runtime must evaluate first
 * (shim/runtime/command_build.c); these functions hand it back instead.
 */

/* Whether a is a literal: a constant, a string, or a comma list of them. */
bool	ast_is_literal(const struct ast *a);

/* The command's name as written (a word or a quoted string), or "". */
const char *ast_command_name(const struct ast *cmd);

/*
 * ast_command_start()
 * pc for cmd: its name and extents, and room for every element, none
 * filled yet (nelems 0).  Returns 0, or -1 on ENOMEM.  pc is to be
 * freed with ps_command_free() either way.
 */
int	ast_command_start(const struct ast *cmd, struct ps_command *pc);

/*
 * ast_command_element()
 * Appends arg, the next element of the AST_COMMAND pc was started for
 * (an AST_PARAMETER or an argument; each once, in order), to pc: a
 * parameter's name, colon and extent, and the value when it is a
 * literal.  When the value is not one, *rest is set to it (the element's
 * has_value is then true and its value still empty, for the caller to
 * fill), else to NULL.  Returns 0, or -1 on ENOMEM.
 */
int	ast_command_element(struct ps_command *pc, const struct ast *arg,
	    const struct ast **rest);

/*
 * ast_command()
 * The whole of cmd as *pc.  Returns 0; -1 on ENOMEM; -2 when an argument
 * is not a literal (the runtime's to evaluate).  pc is to be freed with
 * ps_command_free() whatever the result.
 */
int	ast_command(const struct ast *cmd, struct ps_command *pc);

#endif /* TNC_PARSERS_AST_COMMAND_H */
