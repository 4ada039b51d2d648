#ifndef TNC_PARSERS_BINDER_H
#define TNC_PARSERS_BINDER_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/command_line.h"
#include "ps_error.h"

/*
 * A generic PowerShell parameter binder (spec 4), driven by the metadata
 * of each command: names, aliases, types, positions, parameter sets,
 * ValidateSet and ValidateRange. One binder for every command.
 */

enum ps_param_type {
	PS_TYPE_STRING,		/* System.String: arrays are joined with ' ' */
	PS_TYPE_INT32,
	PS_TYPE_UINT32,
	PS_TYPE_DOUBLE,
	PS_TYPE_SWITCH,
	PS_TYPE_ACTION_PREF,	/* System.Management.Automation.ActionPreference */
	PS_TYPE_ENUM,		/* another enum: ps_param_meta.enum_type */
	PS_TYPE_OBJECT		/* Object[]: the value is kept as parsed */
};

/*
 * A .NET enum whose values are 0, 1, 2, ... in the order of names
 * (ConsoleColor, ErrorCategory): bound by name (any case) or by value, as
 * Enum.Parse and LanguagePrimitives convert them.
 */
struct ps_enum {
	const char *type;		/* "System.ConsoleColor" */
	const char *const *names;	/* NULL-terminated */
};

/*
 * Who declares a parameter. Our extensions rank below the real cmdlet:
 * a name is first resolved as the real command would (declared + common,
 * prefixes and ambiguities included); only where that finds nothing is an
 * extension tried, and only by its full name (any case). So a command
 * line means exactly what it means in Windows PowerShell (-Timeout is
 * NamedParameterNotFound, -O ambiguous among the common parameters), and
 * only the full names of ours are extensions (issue 10.2).
 */
enum ps_param_tier {
	PS_TIER_DECLARED,
	PS_TIER_COMMON,
	PS_TIER_EXTENSION
};

#define PS_ALL_SETS	0u	/* ps_param_meta.sets: in every set */
#define PS_NAMED	(-1)	/* ps_param_meta.position: never positional */

struct ps_param_meta {
	const char *name;
	const char *aliases[3];		/* NULL-terminated */
	enum ps_param_type type;
	int	position;		/* 0, 1, ... or PS_NAMED */
	unsigned sets;			/* bit i: in parameter set i */
	unsigned mandatory_sets;	/* bit i: mandatory in set i */
	const char *const *validate_set;	/* NULL or NULL-terminated */
	const struct ps_enum *enum_type;	/* PS_TYPE_ENUM */
	bool	has_range;		/* ValidateRange(min, max) */
	bool	min_exclusive;		/* ours: the value must be > min */
	double	range_min, range_max;
	enum ps_param_tier tier;	/* DECLARED or EXTENSION */
	bool	from_pipeline;		/* ValueFromPipeline: a mandatory one
					   may wait for pipeline input */
	bool	remaining;		/* ValueFromRemainingArguments (Object
					   types only): the positional arguments
					   no other parameter took, as a list */
};

struct ps_command_meta {
	const char *name;		/* "Test-NetConnection", "Select-Object" */
	const char *type_name;		/* FullyQualifiedErrorId suffix; NULL
					   means name (as for functions) */
	bool	is_function;		/* typed parameters of a script function
					   fail with "argument transformation"
					   errors, a cmdlet's with "cannot
					   convert" ones */
	bool	common_parameters;	/* [CmdletBinding()] */
	const char *const *set_names;	/* index = bit in sets */
	size_t	nsets;
	int	default_set;		/* DefaultParameterSetName, or -1 */
	const struct ps_param_meta *params;	/* declared, then extensions */
	size_t	nparams;
};

/* What one parameter received. */
struct ps_bound {
	bool	present;
	bool	positional;
	char	*s;			/* STRING (malloc'd) */
	long long i;			/* INT32, UINT32, ACTION_PREF, ENUM */
	double	d;			/* DOUBLE */
	bool	sw;			/* SWITCH */
	const struct ps_value *value;	/* as parsed; NULL for a bare switch */
	size_t	offset, length;		/* parameter token or argument */
	struct ps_value *list;		/* remaining: the array value points
					   at (items copied shallowly) */
};

struct ps_binding {
	const struct ps_command_meta *meta;
	size_t	n;
	const struct ps_param_meta **params;	/* meta's, then common ones */
	struct ps_bound *bound;			/* parallel to params */
	int	set;		/* chosen parameter set, -1 if none declared */
};

/*
 * ps_bind()
 * Binds the elements of cmd to m's parameters as PowerShell does: named
 * (prefixes, aliases, -Name:value), then positional within the parameter
 * sets still possible, then parameter-set resolution and mandatory
 * checks. Returns 0, or -1 with e filled with PowerShell's error. b must
 * be freed with ps_binding_free() either way; it points into cmd.
 */
int	ps_bind(const struct ps_command_meta *m, const struct ps_command *cmd,
	    struct ps_binding *b, struct ps_error *e);

/*
 * ps_bind_input()
 * ps_bind() for a command that will have pipeline input (it is not the
 * first of its pipeline, or the pipeline starts with values): a mandatory
 * parameter that takes pipeline input is then left for the input, as
 * PowerShell defers it to pipeline binding.
 */
int	ps_bind_input(const struct ps_command_meta *m,
	    const struct ps_command *cmd, bool has_input, struct ps_binding *b,
	    struct ps_error *e);
void	ps_binding_free(struct ps_binding *b);

/* The bound value of the parameter called name (exact, any case), or NULL
   if the command has no such parameter. */
const struct ps_bound *ps_binding_get(const struct ps_binding *b,
	    const char *name);

/*
 * ps_name_is_taken()
 * Whether the command takes typed as a parameter name: a name, alias or
 * prefix of one or more of the real command's parameters (an ambiguous
 * prefix is taken too), or the full name of one of ours.
 */
bool	ps_name_is_taken(const struct ps_command_meta *m, const char *typed);

/*
 * ps_resolve_parameter()
 * The parameter name typed resolves to, by spec 4's rules, for tests and
 * for callers that only need the name: returns its canonical name, or
 * NULL if none is found or the name is ambiguous. with_extensions false
 * resolves as the real command would.
 */
const char *ps_resolve_parameter(const struct ps_command_meta *m,
	    const char *typed, bool with_extensions);

/* The common parameters of Windows PowerShell 5.1, in its order. */
extern const struct ps_param_meta ps_common_params[];
extern const size_t ps_ncommon_params;

#endif /* TNC_PARSERS_BINDER_H */
