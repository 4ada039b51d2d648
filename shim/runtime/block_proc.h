#ifndef TNC_RUNTIME_BLOCK_PROC_H
#define TNC_RUNTIME_BLOCK_PROC_H

#include "runtime/interp.h"
#include "runtime/pipeline.h"

/*
 * What the processors that run a script's blocks share (ForEach-Object,
 * Where-Object, a user function): a relay that passes what a block
 * writes on down the pipeline as the processor's own output, and what a
 * block's flow means for the pipeline it runs in.
 */

struct relay {
	struct proc base;
	struct proc *owner;		/* the processor whose output it is */
};

/* Makes r pass what reaches it to owner's downstream. */
void	relay_init(struct relay *r, struct proc *owner);

/*
 * block_outcome()
 * The answer p gives its pipeline after one of its blocks ended with f:
 * go on, stop upstream (the sink had enough), a machine failure (said),
 * or, for break, continue, exit, return from a function, and terminating
 * errors, leave the pipeline with the flow left in in->pending for the
 * statement to act on.
 */
enum proc_rc block_outcome(struct interp *in, struct proc *p, enum flow f);

#endif /* TNC_RUNTIME_BLOCK_PROC_H */
