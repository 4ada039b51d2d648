#ifndef TNC_RUNTIME_PIPELINE_H
#define TNC_RUNTIME_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/psobj.h"

/*
 * A pipeline as PowerShell runs one: a chain of command processors, each
 * with process (one object in, any number out to the next) and end (what
 * it kept back, then done).  Objects flow one at a time; nothing waits for
 * the whole stream unless the command itself does (Select-Object -Last,
 * ConvertTo-Json, Out-String, Format-Table -AutoSize).
 *
 * A processor answers each call with:
 *   PROC_OK    go on;
 *   PROC_STOP  stop the commands upstream of the one that asked
 *              (Select-Object -First has what it needs: PowerShell's
 *              StopUpstreamCommandsException); the asker and everything
 *              after it still end normally;
 *   PROC_FAIL  a terminating error: the statement ends.  With a deferred
 *              error text, the processors after the failing one end first
 *              (their envelopes close) and then the text is printed: at
 *              once when the error ends only its statement
 *              (ThrowTerminatingError: Out-File cannot open its file, the
 *              script goes on), at the end of the script's output when it
 *              ends the script (a Stop preference).
 * Upstream processors return a non-OK answer at once, without ending.
 * A processor may also begin (BeginProcessing) before any input reaches
 * the pipeline; a failed begin runs nothing, not even the ends.
 */

struct runtime;
struct proc;

enum proc_rc {
	PROC_FAIL = -1,
	PROC_OK = 0,
	PROC_STOP = 1
};

struct proc_ops {
	/* before any input; NULL: nothing to do */
	enum proc_rc (*begin)(struct proc *p);
	/* v is taken over; NULL means "no input" (a first command, once) */
	enum proc_rc (*process)(struct proc *p, struct psobj_value *v);
	enum proc_rc (*end)(struct proc *p);
	void	(*free)(struct proc *p);	/* also when end never ran */
};

struct pipeline;

struct proc {
	const struct proc_ops *ops;
	struct proc *next;		/* downstream; NULL for the last */
	struct pipeline *pl;
	size_t	index;			/* position in the pipeline */
};

struct pipeline {
	struct runtime *rt;
	struct proc **procs;
	size_t	n;
	size_t	stop_at;		/* PROC_STOP: who asked */
	size_t	fail_at;		/* PROC_FAIL: who failed */
	char	*deferred;		/* PROC_FAIL: printed after the ends */
	char	*deferred_message;	/* its message alone (a catch's $_) */
	bool	statement_only;		/* deferred ends this statement only */
	bool	leaving;		/* PROC_FAIL: a script block left the
					   pipeline (exit, break, an error on
					   its way to a catch) */
};

/* Passes v (taken over) to the next processor; frees it if there is none. */
enum proc_rc proc_emit(struct proc *p, struct psobj_value *v);

/* p has what it needs: stop upstream.  Returns PROC_STOP. */
enum proc_rc proc_stop_upstream(struct proc *p);

/*
 * p failed.  deferred (taken over; NULL: none) is the error to print once
 * the processors after p have ended.  Returns PROC_FAIL.
 */
enum proc_rc proc_fail(struct proc *p, char *deferred);

/* The message of p's deferred error alone (taken over), for $_. */
void	proc_fail_message(struct proc *p, char *message);

/*
 * A script block run by p left the pipeline (exit, break, an error for a
 * try around the statement): the processors after p still end, nothing
 * is printed.  Returns PROC_FAIL.
 */
enum proc_rc proc_leave(struct proc *p);

/*
 * p failed with an error that ends its statement only (text taken over:
 * the rendered record, printed once the processors after p have ended;
 * the script goes on).  Returns PROC_FAIL.
 */
enum proc_rc proc_fail_statement(struct proc *p, char *text);

void	pipeline_init(struct pipeline *pl, struct runtime *rt);

/* Appends p (taken over; freed on failure).  Returns 0, or -1 (ENOMEM). */
int	pipeline_add(struct pipeline *pl, struct proc *p);

/*
 * Begins every processor, in order, before any input.  PROC_FAIL when one
 * failed: nothing else runs (pipeline_finish() ends nobody), its error
 * deferred as proc_fail() left it.
 */
enum proc_rc pipeline_begin(struct pipeline *pl);

/* One object (taken over; NULL: "no input") into the first processor. */
enum proc_rc pipeline_feed(struct pipeline *pl, struct psobj_value *v);

/*
 * pipeline_finish()
 * After the input (rc: what the last feed answered): ends the processors
 * that are still running, in order.  A deferred error is left in
 * pl->deferred for the caller: it ends the script (PowerShell's Stop
 * preference makes a script-terminating error), whose output must close
 * before the error is printed.
 */
void	pipeline_finish(struct pipeline *pl, enum proc_rc rc);

void	pipeline_free(struct pipeline *pl);

#endif /* TNC_RUNTIME_PIPELINE_H */
