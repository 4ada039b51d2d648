#ifndef TNC_PARSERS_COMMANDS_H
#define TNC_PARSERS_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include "binder.h"
#include "parsers/command_line.h"
#include "ps_error.h"

/*
 * The commands a tnc pipeline may hold after Test-NetConnection, with
 * Windows PowerShell 5.1's parameter metadata (every declared parameter,
 * in declaration order, so that prefixes resolve and ambiguities read as
 * they do on Windows), for the generic binder (binder.h).
 */

enum pipe_cmd {
	PIPE_CMD_NONE = -1,
	PIPE_CMD_TNC,			/* Test-NetConnection, tnc */
	PIPE_CMD_SELECT_OBJECT,		/* select */
	PIPE_CMD_FORMAT_LIST,		/* fl */
	PIPE_CMD_FORMAT_TABLE,		/* ft */
	PIPE_CMD_OUT_STRING,
	PIPE_CMD_CONVERTTO_JSON,
	PIPE_CMD_CONVERTTO_CSV,
	PIPE_CMD_OUT_DEFAULT,		/* Out-Default, Out-Host (oh) */
	PIPE_CMD_OUT_NULL,
	PIPE_CMD_GET_CONTENT,		/* gc, cat, type */
	PIPE_CMD_FOREACH_OBJECT,	/* foreach, % */
	PIPE_CMD_WHERE_OBJECT,		/* where, ? */
	PIPE_CMD_WRITE_OUTPUT,		/* echo, write */
	PIPE_CMD_WRITE_HOST,
	PIPE_CMD_WRITE_WARNING,
	PIPE_CMD_WRITE_ERROR,
	PIPE_CMD_START_SLEEP,		/* sleep */
	PIPE_CMD_OUT_FILE,
	PIPE_CMD_EXPORT_CSV,		/* epcsv */
	PIPE_CMD_MEASURE_OBJECT,	/* measure */
	PIPE_CMD_SORT_OBJECT,		/* sort */
	PIPE_CMD_GET_DATE
};

extern const struct ps_command_meta select_object_meta;
extern const struct ps_command_meta format_list_meta;
extern const struct ps_command_meta format_table_meta;
extern const struct ps_command_meta out_string_meta;
extern const struct ps_command_meta convertto_json_meta;
extern const struct ps_command_meta convertto_csv_meta;
extern const struct ps_command_meta out_default_meta;
extern const struct ps_command_meta out_host_meta;
extern const struct ps_command_meta out_null_meta;
extern const struct ps_command_meta get_content_meta;
extern const struct ps_command_meta foreach_object_meta;
extern const struct ps_command_meta where_object_meta;
extern const struct ps_command_meta write_output_meta;
extern const struct ps_command_meta write_host_meta;
extern const struct ps_command_meta write_warning_meta;
extern const struct ps_command_meta write_error_meta;
extern const struct ps_command_meta start_sleep_meta;
extern const struct ps_command_meta out_file_meta;
extern const struct ps_command_meta export_csv_meta;
extern const struct ps_command_meta measure_object_meta;
extern const struct ps_command_meta sort_object_meta;
extern const struct ps_command_meta get_date_meta;

/* The .NET enums these commands take (values in declaration order). */
extern const struct ps_enum console_color_enum;	/* System.ConsoleColor */
extern const struct ps_enum error_category_enum;	/* ...ErrorCategory */
extern const struct ps_enum display_hint_enum;	/* ...DisplayHintType */

/*
 * commands_lookup()
 * The command name (as typed, any case; aliases: select, fl, ft, oh, gc,
 * cat, type, echo, write, sleep, epcsv, measure, sort, tnc)
 * stands for. Sets *meta to its metadata (NULL for tnc, whose metadata is
 * tnc_command.h's). Returns PIPE_CMD_NONE for any other name.
 */
enum pipe_cmd	commands_lookup(const char *name,
	    const struct ps_command_meta **meta);

/*
 * commands_names()
 * "Test-NetConnection, Select-Object, ... and Get-Date": every command tnc
 * runs, by its own name (no aliases), into buf.  Returns the length the
 * whole text needs, as snprintf does.
 */
size_t	commands_names(char *buf, size_t size);

/*
 * commands_is_known_unsupported()
 * True for every command and alias of Windows PowerShell 5.1's built-in
 * modules (catalogue.h): asked for the names commands_lookup() does not
 * run (Where-Object, Get-Content, gc, Resolve-DnsName, ...), these get a
 * "not supported" error rather than the CommandNotFoundException that
 * only a name 5.1 does not know gets.
 */
bool	commands_is_known_unsupported(const char *name);

/*
 * commands_not_found()
 * Fills e with Windows PowerShell 5.1's CommandNotFoundException for cmd:
 * "X : The term 'X' is not recognized as the name of a cmdlet, ...".
 * Returns -1.
 */
int	commands_not_found(const struct ps_command *cmd, struct ps_error *e);

#endif /* TNC_PARSERS_COMMANDS_H */
