#ifndef TNC_RUNTIME_INTERP_H
#define TNC_RUNTIME_INTERP_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/ps_ops.h"
#include "objects/psobj.h"
#include "parsers/ast.h"
#include "runtime/context.h"
#include "runtime/pipeline.h"

/*
 * The evaluator of tnc's PowerShell subset (issue 11): statements, scopes,
 * expressions and pipelines over the streaming runtime.  Every statement
 * writes its output to a sink processor (the script's Out-Default, a
 * collector for `$x = ...` and `$( )`, a ForEach-Object's downstream), so
 * objects stream through scripts as through pipelines.
 *
 * How control leaves a statement (enum flow):
 *   FLOW_NEXT      normally
 *   FLOW_BREAK / FLOW_CONTINUE   the innermost loop's business
 *   FLOW_RETURN    the function or script block ends (value already written)
 *   FLOW_EXIT      `exit N`: the script ends with status in->exit_code
 *   FLOW_THROW     a terminating error (in->error): try/catch may take it,
 *                  else the script ends with it, status 1
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
};

struct function_def {
	char	*name;
	const struct ast *def;		/* AST_FUNCTION */
	struct function_def *next;
};

struct interp {
	struct runtime *rt;
	const char *script;
	struct scope *scope;		/* the current one */
	struct scope *global;		/* the script's */
	struct function_def *functions;
	int	depth;			/* nesting of calls, bounded */
	bool	last_ok;		/* $? */
	int	exit_code;		/* FLOW_EXIT's status */
	struct thrown thrown;		/* FLOW_THROW's error */
	/*
	 * How a block run inside a processor (ForEach-Object, Where-Object)
	 * left: a processor can only fail its pipeline, so it leaves the
	 * flow (break, exit, an error) here for the statement to act on.
	 */
	enum flow pending;
};

/* ---- scopes (scope.c) ---- */

struct scope *scope_new(struct scope *parent);
void	scope_free(struct scope *s);

/*
 * scope_get()
 * The variable name (any case) from s outward, or NULL when it is not
 * set.  The value stays the scope's.
 */
const struct psobj_value *scope_get(const struct scope *s, const char *name);

/* The variable's value itself, to change in place (a member, an item). */
struct psobj_value *scope_get_mut(struct scope *s, const char *name);

/* Sets name in s (v taken over).  0, or -1 (ENOMEM, v freed). */
int	scope_set(struct scope *s, const char *name, struct psobj_value *v);

/*
 * scope_assign()
 * Assignment as PowerShell does it: in s, the current scope (a child
 * scope's assignment makes its own variable), or the script's scope for
 * $script: and $global:.  0, or -1 (ENOMEM, v freed).
 */
int	scope_assign(struct scope *s, struct scope *global, const char *name,
	    const char *qualifier, struct psobj_value *v);

/* ---- evaluation (eval_*.c) ---- */

/* Runs statements, their output into out. */
enum flow eval_block(struct interp *in, const struct ast_list *stmts,
	    struct proc *out);

/* Runs one statement, its output into out. */
enum flow eval_statement(struct interp *in, const struct ast *st,
	    struct proc *out);

/* Evaluates an expression into *v (PSOBJ_NULL on anything but FLOW_NEXT). */
enum flow eval_expr(struct interp *in, const struct ast *e,
	    struct psobj_value *v);

/*
 * eval_collect()
 * Runs statements (or one pipeline, when stmt is given) and gathers their
 * output as PowerShell's $( ) does: nothing is $null, one object is
 * itself, several an Object[]; as_array (@( )) always gives an array.
 */
enum flow eval_collect(struct interp *in, const struct ast_list *stmts,
	    const struct ast *stmt, bool as_array, struct psobj_value *v);

/* Runs a pipeline statement, its output into out. */
enum flow eval_pipeline(struct interp *in, const struct ast *pl,
	    struct proc *out);

/*
 * eval_scriptblock()
 * Runs a script block value's statements in the current scope with $_ set
 * to dollar_under (NULL: unchanged), output into out.  FLOW_RETURN ends
 * the block quietly (it is FLOW_NEXT for the caller).
 */
enum flow eval_scriptblock(struct interp *in, const struct psobj_value *block,
	    const struct psobj_value *dollar_under, struct proc *out);

/*
 * eval_scriptblock_value()
 * A script block's output, run with $_ set to dollar_under, gathered as
 * $( ) gathers it (Where-Object's test).
 */
enum flow eval_scriptblock_value(struct interp *in,
	    const struct psobj_value *block,
	    const struct psobj_value *dollar_under, struct psobj_value *v);

/* Writes v to out, arrays unrolled as statement output is. */
enum flow eval_emit(struct interp *in, struct proc *out,
	    struct psobj_value *v);

/*
 * eval_store_member()
 * $x.Member = v and $x[i] = v (v taken over): the variable's value is
 * changed in place; a hashtable gains the key.
 */
enum flow eval_store_member(struct interp *in, const struct ast *target,
	    struct psobj_value *v);

/* ---- errors (eval_errors.c) ---- */

/*
 * The runtime error e (a ps_ops failure) at extent a of the script as a
 * terminating error (FLOW_THROW), or FLOW_FAIL for ENOMEM (said).
 */
enum flow eval_error(struct interp *in, const struct ast *a,
	    struct ps_op_error *e);

/* A runtime error of ours at extent a: message, error id, category. */
enum flow eval_runtime_error(struct interp *in, const struct ast *a,
	    const char *id, const char *category, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/* A ps_error (a binding or parse-like error at run time) as FLOW_THROW. */
enum flow eval_ps_error(struct interp *in, const struct ps_error *pe,
	    const char *exception);

/* `throw v` at extent a as FLOW_THROW. */
enum flow eval_throw(struct interp *in, const struct ast *a,
	    const struct psobj_value *v);

/* Out of memory: said on stderr, exit 4; returns FLOW_FAIL. */
enum flow eval_nomem(struct interp *in);

void	thrown_clear(struct thrown *t);

#endif /* TNC_RUNTIME_INTERP_H */
