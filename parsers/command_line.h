#ifndef TNC_PARSERS_COMMAND_LINE_H
#define TNC_PARSERS_COMMAND_LINE_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/number_literal.h"	/* struct ps_number */

/*
 * The binder's input (binder.h): one command as its command line wrote
 * it, its name, then its parameters and arguments in order, each with its
 * extent (byte offset and length in the script) for error positions.
 * Made from the syntax tree of ast.h: by ast_command.c when every
 * argument is a literal, by the runtime (shim/runtime/command_build.c)
 * when some must be evaluated first.
 */

enum ps_value_kind {
	PS_VAL_STRING,		/* a bare word or a quoted string */
	PS_VAL_NUMBER,
	PS_VAL_BOOL,		/* $true, $false */
	PS_VAL_NULL,		/* $null */
	PS_VAL_ARRAY		/* a comma list */
};

struct ps_value {
	enum ps_value_kind kind;
	char	*text;		/* STRING: the value; NUMBER: as written */
	bool	quoted;		/* STRING: written in quotes */
	struct ps_number num;	/* NUMBER */
	bool	bval;		/* BOOL */
	struct ps_value *items;	/* ARRAY */
	size_t	nitems;
	size_t	offset, length;
	/*
	 * The runtime value a script's argument evaluated to, when it is
	 * more than a literal (a hashtable, a script block, an object): the
	 * evaluator's, borrowed; kind is then STRING with its text, so the
	 * binder converts it as PowerShell converts an object to a string.
	 */
	const void *object;
};

struct ps_element {
	bool	is_param;	/* -Name, else an argument */
	char	*name;		/* parameter name as typed, without '-' ':' */
	bool	colon;		/* -Name: (the value, if any, is attached) */
	bool	has_value;	/* arguments always; -Name: with a value */
	struct ps_value value;
	size_t	offset, length;	/* the parameter (-Name:value with its
				   value), or the argument */
};

struct ps_command {
	char	*name;		/* as typed: tnc, select, Format-List */
	size_t	name_offset, name_length;
	struct ps_element *elems;
	size_t	nelems;
	size_t	offset, length;	/* from the name to the last element */
};

/*
 * ps_command_free()
 * Frees what the command owns (names, texts, items; never a value's
 * object, which is borrowed) and zeroes it; a zeroed one is left as it
 * is.
 */
void	ps_command_free(struct ps_command *pc);

#endif /* TNC_PARSERS_COMMAND_LINE_H */
