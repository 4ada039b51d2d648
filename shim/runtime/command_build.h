#ifndef TNC_RUNTIME_COMMAND_BUILD_H
#define TNC_RUNTIME_COMMAND_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/psobj.h"
#include "parsers/ast.h"
#include "parsers/command_line.h"
#include "runtime/interp.h"

/*
 * A command of the syntax tree as the binder reads one (struct
 * ps_command), so that a command in a script binds exactly as the same
 * command line on its own: a literal argument is the value its text
 * makes (parsers/ast_command.h: a number keeps its text as written, a
 * quoted string is quoted), an expression's argument is its value,
 * evaluated when the command is about to run, kept in pv->object for the
 * command to take as it is.
 */

struct command_build {
	struct ps_command pc;
	struct psobj_value *vals;	/* each argument's value (PSOBJ_NULL
					   for a parameter without one): what
					   pv->object points to; never moved */
	size_t	nvals;			/* the arguments'; elements added
					   after them (preference.c) have no
					   value here */
};

/* Whether every argument of cmd is known without running anything. */
bool	command_is_literal(const struct ast *cmd);

/* The command's name as written (a word or a quoted string). */
const char *command_name(const struct ast *cmd);

/*
 * command_build()
 * cmd's ps_command into b, its non-literal arguments evaluated by in in
 * the current scope.  Returns FLOW_NEXT, or what an argument's
 * evaluation gave.  b must be freed either way.
 */
enum flow command_build(struct interp *in, const struct ast *cmd,
	    struct command_build *b);
void	command_build_free(struct command_build *b);

#endif /* TNC_RUNTIME_COMMAND_BUILD_H */
