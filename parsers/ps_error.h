#ifndef TNC_PARSERS_PS_ERROR_H
#define TNC_PARSERS_PS_ERROR_H

#include <stdbool.h>
#include <stddef.h>

struct text_out;			/* shim/text_out.h */

/*
 * One PowerShell error record: what the tokenizer, the parser or the binder
 * reports, and what ps_error_render() turns into Windows PowerShell 5.1's
 * NormalView block (spec 4).
 *
 * The texts are malloc'd, so a user's text is never cut: a struct
 * ps_error starts zeroed ("= { 0 }" or ps_error_clear()), the functions
 * below replace what it holds, and its owner ends it with
 * ps_error_free(). A copy by assignment moves the texts with it.
 */
struct ps_error {
	char	*message;		/* may hold '\n': one output line each;
					   NULL only when out_of_memory */
	const char *command;		/* "Test-NetConnection"; NULL for parse errors */
	const char *command_type;	/* FullyQualifiedErrorId suffix if it is
					   not command (a cmdlet's .NET type); NULL */
	const char *category;		/* "InvalidArgument" */
	const char *exception;		/* "ParameterBindingException" */
	const char *error_id;		/* "NamedParameterNotFound" */
	size_t	offset, length;		/* extent in the script to underline with ~ */
	bool	parse_error;
	/* CategoryInfo "(TargetName:TargetType)"; both empty give "(:)".
	   Each is shortened past 40 characters as 5.1's Ellipsize does. */
	char	*target_name;		/* NULL = "" */
	const char *target_type;	/* "String", "PSObject"; NULL = "" */
	bool	engine_error;		/* raised by the engine, not by command
					   (CommandNotFoundException): activity
					   "[]" and a bare FullyQualifiedErrorId;
					   command still names the prefix */
	bool	out_of_memory;		/* not the script's fault but the
					   machine's: tell it as tnc's own
					   failure (exit 4), never render it */
	bool	script_level;		/* Write-Error at the top of a script:
					   its InvocationInfo is the script's,
					   so the first line is the script's
					   text, " : " and the message, with no
					   position block, and the
					   FullyQualifiedErrorId is bare;
					   command is still the activity */
	bool	runtime_error;		/* the script's own (throw, a failed
					   conversion): the message alone first,
					   then the position, activity "[]" and
					   a bare FullyQualifiedErrorId */
	const char *invoked;		/* a script function whose call the
					   record's InvocationInfo is (Write-Error
					   in a function): its name first and as
					   the FullyQualifiedErrorId's suffix,
					   the call's position; command is still
					   the activity; NULL otherwise */
};

/* Makes e empty (zeroed) without freeing: for a fresh e. */
void	ps_error_clear(struct ps_error *e);

/* Frees what e holds and leaves it empty. */
void	ps_error_free(struct ps_error *e);

/*
 * ps_error_parse()
 * Fills e as a parse error (category ParserError, exception
 * ParentContainsErrorRecordException) at the given extent. Returns -1, so
 * callers can write "return ps_error_parse(...);".
 */
int	ps_error_parse(struct ps_error *e, const char *id, size_t offset,
	    size_t length, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/*
 * ps_error_bind()
 * Fills e as an error of command (parameter binding and the like).
 * Returns -1.
 */
int	ps_error_bind(struct ps_error *e, const char *command,
	    const char *command_type, const char *category,
	    const char *exception, const char *id, size_t offset, size_t length,
	    const char *fmt, ...)
	    __attribute__((format(printf, 9, 10)));

/*
 * ps_error_no_memory()
 * Fills e as the machine's failure: memory ran out while reading the
 * script. Returns -1.
 */
int	ps_error_no_memory(struct ps_error *e);

/*
 * ps_error_set_target()
 * Sets CategoryInfo's target name (a copy) and type. Returns 0, or -1
 * with e turned into ps_error_no_memory()'s.
 */
int	ps_error_set_target(struct ps_error *e, const char *name,
	    const char *type);

/*
 * ps_error_render()
 * Writes e as Windows PowerShell 5.1 shows it with ErrorView=NormalView,
 * one text_out line per line, then the line holding a single space.
 * script is the whole text e's extent points into.
 */
void	ps_error_render(const struct ps_error *e, const char *script,
	    struct text_out *out);

#endif /* TNC_PARSERS_PS_ERROR_H */
