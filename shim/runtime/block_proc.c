/* block_proc.c: a block's output and flow inside a pipeline (block_proc.h). */
#include "runtime/block_proc.h"

static enum proc_rc
relay_process(struct proc *p, struct psobj_value *v)
{
	struct relay *r = (struct relay *)p;

	if (v == NULL)
		return PROC_OK;
	return proc_emit(r->owner, v);
}

static enum proc_rc
relay_end(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

static void
relay_free(struct proc *p)
{
	(void)p;		/* it lives inside its owner */
}

static const struct proc_ops relay_ops = {
	.process = relay_process,
	.end = relay_end,
	.free = relay_free,
};

void
relay_init(struct relay *r, struct proc *owner)
{
	r->base.ops = &relay_ops;
	r->owner = owner;
}

enum proc_rc
block_outcome(struct interp *in, struct proc *p, enum flow f)
{
	switch (f) {
	case FLOW_NEXT:
	case FLOW_RETURN:
		return PROC_OK;
	case FLOW_STOPPED:
		return PROC_STOP;	/* downstream asked; it said where */
	case FLOW_FAIL:
		return PROC_FAIL;	/* said already */
	default:
		in->pending = f;
		return proc_leave(p);
	}
}
