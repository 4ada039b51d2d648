#ifndef TNC_RUNTIME_INTERP_H
#define TNC_RUNTIME_INTERP_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/ps_ops.h"
#include "objects/psobj.h"
#include "parsers/ast.h"
#include "runtime/context.h"
#include "runtime/pipeline.h"
#include "runtime/stage.h"

/*
 * The evaluator of tnc's PowerShell subset (issue 11): statements, scopes,
 * expressions and pipelines over the streaming runtime.  Every statement
 * writes its output to a sink processor (the script's Out-Default, a
 * collector for `$x = ...` and `$( )`, a ForEach-Object's downstream), so
 * objects stream through scripts as through pipelines.
 *
 * How control leaves a statement (enum flow):
 *   FLOW_NEXT      normally
 *   FLOW_BREAK / FLOW_CONTINUE   the innermost loop's business (outside
 *                  any loop: the script ends, as in PowerShell)
 *   FLOW_RETURN    the function or script block ends (value already written)
 *   FLOW_EXIT      `exit N`: the script ends with status in->exit_code
 *   FLOW_THROW     a terminating error (in->thrown): try/catch may take
 *                  it; outside a try a statement-terminating one is said
 *                  and the next statement runs, a script-terminating one
 *                  (throw, a Stop preference) ends the script, status 1
 *   FLOW_STOPPED   the sink stopped taking objects (Select-Object -First
 *                  downstream): the producer ends quietly
 *   FLOW_FAIL      a machine failure, already said (status 4)
 */
enum flow {
	FLOW_NEXT,
	FLOW_BREAK,
	FLOW_CONTINUE,
	FLOW_RETURN,
	FLOW_EXIT,
	FLOW_THROW,
	FLOW_STOPPED,
	FLOW_FAIL
};

struct scope;

/* A terminating error on its way up: rendered text and the $_ of a catch. */
struct thrown {
	char	*text;			/* NormalView, ready to print (malloc'd) */
	struct psobj_value record;	/* the ErrorRecord a catch block sees */
	char	*exception;		/* its exception type, for catch [Type] */
	bool	script_terminating;	/* throw, -ErrorAction/-WarningAction
					   Stop: else only its statement ends */
	int	status;			/* the exit status it earns when said */
};

struct interp {
	struct runtime *rt;
	const char *script;
	const struct ast_list *stmts;	/* the whole script (functions) */
	struct scope *scope;		/* the current one */
	struct scope *global;		/* the script's */
	struct scope *usings;		/* a -Parallel block's $using: values
					   (borrowed); NULL elsewhere */
	int	depth;			/* nesting of blocks and calls, bounded */
	unsigned long steps;		/* statements and loop rounds run */
	int	try_depth;		/* try blocks the evaluation is inside */
	bool	last_ok;		/* $? */
	int	exit_code;		/* FLOW_EXIT's status */
	struct thrown thrown;		/* FLOW_THROW's error */
	const struct ast *call;		/* the command that called the
					   function running now (Write-Error's
					   InvocationInfo); NULL at the
					   script's own level */
	struct thrown *caught;		/* the error the innermost running
					   catch block took (a bare throw
					   throws it again); NULL outside */
	struct plan_style style;	/* the first tnc command's -NewLine... */
	struct function_entry {
		const struct ast *def;	/* AST_FUNCTION, anywhere in the script */
		bool	defined;	/* its definition ran: callable */
	} *functions;
	size_t	nfunctions;
	/*
	 * How a block run inside a processor (ForEach-Object, Where-Object,
	 * a function) left: a processor can only end its pipeline, so it
	 * leaves the flow (break, exit, an error) here for the statement.
	 */
	enum flow pending;
};

/* Nesting of blocks and calls before a script is refused as too deep. */
#define EVAL_MAX_DEPTH	100

/* ---- the run (interp.c) ---- */

int	interp_init(struct interp *in, struct runtime *rt, const char *script,
	    const struct ast_list *stmts);
void	interp_free(struct interp *in);

/*
 * interp_vet()
 * What can be known before anything runs, checked before anything runs
 * (issue 11: nothing outside the subset sends a packet): every command
 * looked up, every command whose arguments are all literals bound (a
 * binding error means nothing was sent, as for a single command line),
 * types, static members and loop jumps checked.  Also takes the run's
 * style from the first Test-NetConnection command.  Returns 0, or -1
 * with e filled (PowerShell's error, or a "not supported by tnc" one).
 */
int	interp_vet(struct interp *in, struct ps_error *e);

/*
 * interp_step()
 * One more statement or loop round: FLOW_NEXT, or FLOW_FAIL (said) past
 * the run's max_steps (fuzzing's bound; none otherwise).
 */
enum flow interp_step(struct interp *in);

/*
 * interp_apply_style()
 * Once the first Test-NetConnection command is bound (in->style set), its
 * -NewLine and -OutputStyle hold for the run's output from then on, and
 * its -ThrottleLimit for the engine (made later).
 */
void	interp_apply_style(struct interp *in);

/*
 * interp_run()
 * Runs the script, its output into out.  Returns how it ended (FLOW_NEXT,
 * FLOW_EXIT, FLOW_THROW with in->thrown not yet said, FLOW_FAIL).
 */
enum flow interp_run(struct interp *in, struct proc *out);

/* ---- scopes (scope.c) ---- */

struct scope *scope_new(struct scope *parent);
void	scope_free(struct scope *s);

/*
 * scope_get()
 * The variable name (any case) from s outward, or NULL when it is not
 * set.  The value stays the scope's; scope_get_mut()'s may be changed in
 * place (a member, an item).
 */
const struct psobj_value *scope_get(const struct scope *s, const char *name);
struct psobj_value *scope_get_mut(struct scope *s, const char *name);

/* Sets name in s (v taken over).  0, or -1 (ENOMEM, v freed). */
int	scope_set(struct scope *s, const char *name, struct psobj_value *v);

/*
 * Takes name out of s itself (not its parents) into *v: true when it was
 * there.  For what a block's $_ hides while it runs.
 */
bool	scope_take(struct scope *s, const char *name, struct psobj_value *v);

/* ---- evaluation (eval_*.c) ---- */

/* Runs statements, their output into out (eval_stmt.c). */
enum flow eval_block(struct interp *in, const struct ast_list *stmts,
	    struct proc *out);

/* Runs one statement, its output into out. */
enum flow eval_statement(struct interp *in, const struct ast *st,
	    struct proc *out);

/* Evaluates an expression into *v (PSOBJ_NULL on anything but FLOW_NEXT). */
enum flow eval_expr(struct interp *in, const struct ast *e,
	    struct psobj_value *v);

/*
 * eval_access()
 * target.Member, target.Method(args), target[index], [type]value and
 * [type]::Member (eval_member.c).
 */
enum flow eval_access(struct interp *in, const struct ast *e,
	    struct psobj_value *v);

/* A member's name: its text, or its computed expression's string. */
enum flow eval_member_name(struct interp *in, const struct ast *e,
	    char **name);

/*
 * eval_collect()
 * Runs statements (or one statement, when stmt is given) and gathers
 * their output as PowerShell's $( ) does: nothing is $null, one object is
 * itself, several an Object[]; as_array (@( )) always gives an array.
 */
enum flow eval_collect(struct interp *in, const struct ast_list *stmts,
	    const struct ast *stmt, bool as_array, struct psobj_value *v);

/* Runs a pipeline statement, assignments included (eval_pipeline.c). */
enum flow eval_pipeline(struct interp *in, const struct ast *pl,
	    struct proc *out);

/* The statement's output as an assignment takes it (eval_assign.c). */
enum flow eval_assignment(struct interp *in, const struct ast *pl);

/* $x = v, $env:X = v, $null = v, $x.Member = v, $x[i] = v (v taken over). */
enum flow eval_store(struct interp *in, const struct ast *target,
	    struct psobj_value *v);

/* ++x, x++, --x, x-- (an AST_UNARY of those operators). */
enum flow eval_increment(struct interp *in, const struct ast *e,
	    struct psobj_value *v);

/*
 * eval_scriptblock()
 * Runs a script block value's statements in the current scope with $_ set
 * to dollar_under (NULL: unchanged), output into out.  FLOW_RETURN ends
 * the block quietly (it is FLOW_NEXT for the caller).
 */
enum flow eval_scriptblock(struct interp *in, const struct psobj_value *block,
	    const struct psobj_value *dollar_under, struct proc *out);

/* A script block's output with $_ set, gathered as $( ) gathers it. */
enum flow eval_scriptblock_value(struct interp *in,
	    const struct psobj_value *block,
	    const struct psobj_value *dollar_under, struct psobj_value *v);

/* Writes v (taken over) to out, arrays unrolled as statement output is. */
enum flow eval_emit(struct interp *in, struct proc *out,
	    struct psobj_value *v);

/*
 * The processor of a user function in a pipeline (eval_function.c): its
 * arguments bound to its param() names, $args the rest, $input the
 * pipeline's objects, its body run in a scope of its own, with in->call
 * the command call that called it.
 */
const struct ast *function_find(const struct interp *in, const char *name);
enum flow function_define(struct interp *in, const struct ast *def);
struct proc *function_proc_new(struct interp *in, const struct ast *fn,
	    const struct ast *call, struct psobj_value *args, size_t nargs,
	    char **names, bool has_input);

/* ---- errors (eval_errors.c) ---- */

/*
 * The runtime error e (a ps_ops failure) at extent a of the script as a
 * statement-terminating error (FLOW_THROW), or FLOW_FAIL for ENOMEM
 * (said).  e is freed.
 */
enum flow eval_error(struct interp *in, const struct ast *a,
	    struct ps_op_error *e);

/* A runtime error of ours at extent a: error id, category, message. */
enum flow eval_runtime_error(struct interp *in, const struct ast *a,
	    const char *id, const char *category, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/*
 * A command's error (binding at run time) as a statement-terminating
 * FLOW_THROW that earns status; out of memory is FLOW_FAIL.
 */
enum flow eval_ps_error(struct interp *in, const struct ps_error *pe,
	    int status);

/*
 * A pipeline's deferred error (its text, taken over; message: for $_,
 * may be NULL) as FLOW_THROW.
 */
enum flow eval_deferred(struct interp *in, char *text, const char *message,
	    bool script_terminating);

/* `throw v` at extent a: a script-terminating FLOW_THROW. */
enum flow eval_throw(struct interp *in, const struct ast *a,
	    const struct psobj_value *v);

/* Out of memory: said on stderr, exit 4; returns FLOW_FAIL. */
enum flow eval_nomem(struct interp *in);

void	thrown_clear(struct thrown *t);

/* A copy of t into *to (cleared first): 0, or -1 (ENOMEM, *to cleared). */
int	thrown_copy(struct thrown *to, const struct thrown *t);

#endif /* TNC_RUNTIME_INTERP_H */
