#ifndef TNC_RUNTIME_COMMAND_DEFS_H
#define TNC_RUNTIME_COMMAND_DEFS_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/commands.h"
#include "runtime/pipeline.h"
#include "runtime/stage.h"

/*
 * What the runtime knows of each command it runs, one entry per command,
 * defined in the command's own file (cmd_*.c): the parameters it runs,
 * where it may stand in a pipeline, how its binding is read into the
 * stage, and how its processor is made.  Adding a command is a metadata
 * entry in parsers/commands.c, a cmd_*.c file and a line in
 * command_defs.c.
 */

struct runtime;

enum cmd_position {
	CMD_ANYWHERE,			/* takes input, passes output on; first
					   too when it can start a pipeline */
	CMD_FIRST,			/* makes its own output from no input */
	CMD_LAST			/* ends a pipeline: Out-Default, Out-Null */
};

struct command_def {
	enum pipe_cmd cmd;
	const char *const *runs;	/* the parameters tnc runs, NULL-ended;
					   the others are ParameterNotSupported */
	enum cmd_position position;
	bool	takes_format_text;	/* may follow Format-List / Format-Table */
	bool	can_start;		/* runs first too, on its arguments
					   (Write-Output "x", Test-NetConnection) */
	bool	error_stop;		/* takes -ErrorAction Stop (and a Stop
					   $ErrorActionPreference): its errors
					   (cmd_error()) then end the script;
					   Out-File's and Export-Csv's are
					   terminating anyway */
	/* reads st->b into st->cfg (NULL: nothing to read); 0 or -1 with e */
	int	(*configure)(struct stage *st, struct ps_error *e);
	/* the processor; NULL when out of memory or with a sentence in err */
	struct proc *(*make)(struct runtime *rt, const struct stage *st,
		    char *err, size_t errlen);
};

/* The entry of cmd; NULL for PIPE_CMD_NONE. */
const struct command_def *command_def(enum pipe_cmd cmd);

/* The defs, each in its command's file */
extern const struct command_def tnc_def, get_content_def, select_object_def,
	format_list_def, format_table_def, out_string_def, convertto_json_def,
	convertto_csv_def, out_default_def, out_null_def, write_output_def,
	write_host_def, write_warning_def, write_error_def,
	start_sleep_def, out_file_def, export_csv_def, measure_object_def,
	sort_object_def, get_date_def, foreach_object_def, where_object_def;

#endif /* TNC_RUNTIME_COMMAND_DEFS_H */
