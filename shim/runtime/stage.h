#ifndef TNC_RUNTIME_STAGE_H
#define TNC_RUNTIME_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/binder.h"
#include "parsers/command_line.h"
#include "parsers/commands.h"
#include "parsers/tnc_options.h"

/*
 * A command of a pipeline as the runtime runs it: looked up, placed in
 * its pipeline, its parameters bound and checked (the ones tnc does not
 * run are refused, wildcards are compiled).  interp_vet() does this for
 * every command of literals before the script runs, so that a usage error
 * anywhere means nothing was sent; the evaluator does it again, with the
 * arguments' values, when the command is about to run.
 */

/* One command of a pipeline, with what its processor needs. */
struct stage {
	enum pipe_cmd cmd;
	const struct ps_command *pc;
	const struct ps_command_meta *meta;
	struct ps_binding b;
	struct tnc_options o;		/* PIPE_CMD_TNC */
	bool	o_init;
	bool	computer_bound;		/* tnc: -ComputerName given */
	char	**props;		/* -Property as text, wildcards checked */
	size_t	nprops;
	bool	has_input;		/* stage_bind(): the command will have
					   pipeline input (not first, or the
					   pipeline starts with values), so a
					   mandatory pipeline parameter waits
					   for it */
	bool	quiet_errors;		/* -ErrorAction SilentlyContinue/Ignore */
	bool	stop_errors;		/* -ErrorAction Stop (error_stop) */
	void	*cfg;			/* the command's own settings (cmd_*.c) */
	void	(*cfg_free)(void *cfg);
};

/*
 * stage_strings()
 * The texts of a bound value (an array flattened, $true as "True") added
 * to *list.  Returns 0, or -1 (ENOMEM).
 */
int	stage_strings(char ***list, size_t *n, const struct ps_value *v);
void	stage_strings_free(char **list, size_t n);

/* How the first tnc command of a script sets the run's style. */
struct plan_style {
	bool	set;
	enum tnc_newline nl;
	enum ps_edition ed;
	unsigned throttle;
};

/*
 * One command, in three steps: stage_lookup() finds what pc names (0, or
 * -1 with e: CommandNotFound, or one tnc does not run);
 * stage_check_position() checks it may stand i-th in its pipeline (input:
 * the pipeline has input before its first command); stage_bind() binds
 * and reads its parameters.  stage_free() releases what they made.
 */
int	stage_lookup(struct stage *st, const struct ps_command *pc,
	    struct ps_error *e);
int	stage_check_position(const struct stage *st, size_t i, bool input,
	    const struct stage *prev, struct ps_error *e);
int	stage_bind(struct stage *st, struct plan_style *style,
	    struct ps_error *e);
void	stage_free(struct stage *st);


#endif /* TNC_RUNTIME_STAGE_H */
