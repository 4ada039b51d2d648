#ifndef TNC_PARSERS_PARSER_H
#define TNC_PARSERS_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer.h"
#include "ps_error.h"

/*
 * The syntax tree of a script in tnc's PowerShell subset:
 *   script    := statement { (';' | newline) statement }
 *   statement := head { '|' command }
 *   head      := command
 *              | value { ',' value }                 'sql1','sql2' | tnc
 *              | '(' statement ')' [ '.' Member ]    (tnc h -p 1).TcpTestSucceeded
 *   command   := name { -Param[:] | value { ',' value } }
 * Every node keeps its extent (byte offset and length in the script).
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
	size_t	offset, length;	/* the parameter token, or the argument */
};

struct ps_command {
	char	*name;		/* as typed: tnc, select, Format-List */
	size_t	name_offset, name_length;
	struct ps_element *elems;
	size_t	nelems;
	size_t	offset, length;	/* from the name to the last element */
};

enum ps_head {
	PS_HEAD_COMMAND,	/* cmds[0] starts the pipeline */
	PS_HEAD_VALUES,		/* values are the pipeline's input */
	PS_HEAD_PAREN		/* (inner) or (inner).Member */
};

struct ps_pipeline {
	enum ps_head head;
	struct ps_value values;		/* PS_HEAD_VALUES */
	struct ps_pipeline *inner;	/* PS_HEAD_PAREN */
	char	*member;		/* PS_HEAD_PAREN: NULL or the member */
	size_t	member_offset, member_length;
	struct ps_command *cmds;	/* the commands, in order */
	size_t	ncmds;
	size_t	offset, length;
};

struct ps_script {
	struct ps_pipeline *v;		/* statements, empty ones left out */
	size_t	n;
};

/*
 * ps_parse()
 * Tokenizes and parses script. Returns 0, or -1 with e filled: a
 * PowerShell parser error (its real text and id where PowerShell has one)
 * or a construct outside the subset. out is empty on -1.
 */
int	ps_parse(const char *script, struct ps_script *out, struct ps_error *e);
void	ps_script_free(struct ps_script *s);

#endif /* TNC_PARSERS_PARSER_H */
