#ifndef TNC_RUNTIME_CMD_INPUT_H
#define TNC_RUNTIME_CMD_INPUT_H

#include <stdbool.h>

#include "objects/psobj.h"
#include "runtime/context.h"
#include "runtime/pipeline.h"
#include "runtime/stage.h"

/*
 * What the commands share about their input: a parameter that takes the
 * pipeline's objects or, on a first command, its argument; the error for
 * an input that has nowhere to bind; and the processors' ENOMEM.
 */

/*
 * A parameter that takes the pipeline's input, or on a first command its
 * argument (Write-Output's InputObject, Write-Warning's Message).
 */
struct cmd_param_input {
	const struct stage *st;
	bool	has_arg;		/* bound by the arguments */
	bool	used;			/* the first command's one call ran */
	struct psobj_value arg;
};

/* Reads param's argument from st.  0, or -1 (ENOMEM). */
int	cmd_param_input_init(struct cmd_param_input *pi, const struct stage *st,
	    const char *param);
void	cmd_param_input_free(struct cmd_param_input *pi);

/*
 * cmd_param_input_value()
 * What one call of process() binds: the input v, or for a first command's
 * call (v NULL) the argument, once.  NULL when there is nothing: no
 * argument, or an input for a parameter the arguments already bound
 * (5.1's InputObjectNotBound, said on h).  v stays the caller's.
 */
const struct psobj_value *cmd_param_input_value(struct cmd_param_input *pi,
	    struct host *h, const struct psobj_value *v);

/*
 * cmd_fail_error()
 * e (freed) as p's terminating error: statement_only, 5.1's
 * ThrowTerminatingError (the statement ends, the script goes on); else a
 * Stop preference (the script ends).  Rendered now, printed once the
 * processors after p have ended; its message is kept for a catch block's
 * $_.  Returns PROC_FAIL (out of memory: said, exit 4).
 */
enum proc_rc cmd_fail_error(struct proc *p, struct runtime *rt,
	    struct ps_error *e, bool statement_only);

/*
 * cmd_error()
 * A non-terminating error of p's command (e freed), as its error action
 * (-ErrorAction, or $ErrorActionPreference) says: shown; silenced
 * (SilentlyContinue, Ignore: $? still sees it); or, for Stop, p's
 * terminating error that ends the script (cmd_fail_error()).  The exit
 * status becomes at least 1 (for Stop: when no catch takes the error).
 * Returns PROC_OK, or PROC_FAIL for Stop.
 */
enum proc_rc cmd_error(struct proc *p, struct runtime *rt,
	    const struct stage *st, struct ps_error *e);

/* An end with nothing kept back. */
enum proc_rc cmd_end_nothing(struct proc *p);

/*
 * cmd_arg_value()
 * The argument bound to param (e.g. Write-Output's InputObject), as an
 * object in *v: a String parameter's as the binder converted it (a list
 * joined by spaces), another's as written.  Returns 1 when bound, 0 when
 * not (*v null), -1 on ENOMEM.
 */
int	cmd_arg_value(const struct stage *st, const char *param,
	    struct psobj_value *v);

/*
 * cmd_input_not_bound()
 * 5.1's InputObjectNotBound: pipeline input for a command whose pipeline
 * parameter its arguments already bound (`'a' | Write-Output 'b'`), or
 * which takes none.  target is the input's text (error_target.h), shown
 * as a String or a PSObject.  Exit status at least 3, as a binding error.
 */
void	cmd_input_not_bound(struct host *h, const struct ps_command_meta *m,
	    const struct ps_command *pc, const char *target, bool is_string);

/*
 * cmd_refuse_prompts()
 * -WhatIf and -Confirm (SupportsShouldProcess) as tnc takes them: given
 * as $false they mean nothing; as $true they would print "What if:" or
 * ask on a console, which tnc does not: ParameterNotSupported.  0 or -1.
 */
int	cmd_refuse_prompts(const struct stage *st, struct ps_error *e);

/* Said on stderr ("tnc: Cannot allocate memory", exit 4); PROC_FAIL. */
enum proc_rc cmd_nomem(struct proc *p, struct runtime *rt);

#endif /* TNC_RUNTIME_CMD_INPUT_H */
