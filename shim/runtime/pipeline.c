/* pipeline.c: a chain of command processors, and how it stops. */
#include <stdlib.h>
#include <string.h>

#include "runtime/pipeline.h"

enum proc_rc
proc_emit(struct proc *p, struct psobj_value *v)
{
	if (p->next == NULL) {
		psobj_value_free(v);
		return PROC_OK;
	}
	return p->next->ops->process(p->next, v);
}

enum proc_rc
proc_stop_upstream(struct proc *p)
{
	p->pl->stop_at = p->index;
	return PROC_STOP;
}

enum proc_rc
proc_fail(struct proc *p, char *deferred)
{
	free(p->pl->deferred);
	p->pl->fail_at = p->index;
	p->pl->deferred = deferred;
	return PROC_FAIL;
}

void
proc_fail_message(struct proc *p, char *message)
{
	free(p->pl->deferred_message);
	p->pl->deferred_message = message;
}

enum proc_rc
proc_leave(struct proc *p)
{
	p->pl->fail_at = p->index;
	p->pl->leaving = true;
	return PROC_FAIL;
}

enum proc_rc
proc_fail_statement(struct proc *p, char *text)
{
	proc_fail(p, text);
	p->pl->statement_only = true;
	return PROC_FAIL;
}

void
pipeline_init(struct pipeline *pl, struct runtime *rt)
{
	memset(pl, 0, sizeof(*pl));
	pl->rt = rt;
}

int
pipeline_add(struct pipeline *pl, struct proc *p)
{
	struct proc **grown = realloc(pl->procs, (pl->n + 1) * sizeof(*grown));

	if (grown == NULL) {
		p->ops->free(p);
		return -1;
	}
	pl->procs = grown;
	p->pl = pl;
	p->index = pl->n;
	p->next = NULL;
	if (pl->n > 0)
		pl->procs[pl->n - 1]->next = p;
	pl->procs[pl->n++] = p;
	return 0;
}

enum proc_rc
pipeline_begin(struct pipeline *pl)
{
	enum proc_rc rc;
	size_t i;

	for (i = 0; i < pl->n; i++) {
		if (pl->procs[i]->ops->begin == NULL)
			continue;
		rc = pl->procs[i]->ops->begin(pl->procs[i]);
		if (rc == PROC_FAIL) {
			pl->fail_at = pl->n;	/* nobody began: nobody ends */
			return PROC_FAIL;
		}
	}
	return PROC_OK;
}

enum proc_rc
pipeline_feed(struct pipeline *pl, struct psobj_value *v)
{
	if (pl->n == 0) {
		if (v != NULL)
			psobj_value_free(v);
		return PROC_OK;
	}
	return pl->procs[0]->ops->process(pl->procs[0], v);
}

void
pipeline_finish(struct pipeline *pl, enum proc_rc rc)
{
	size_t i;

	if (rc == PROC_FAIL && pl->deferred == NULL && !pl->leaving)
		return;			/* a machine failure: already said */
	i = rc == PROC_OK ? 0 : rc == PROC_STOP ? pl->stop_at :
	    pl->fail_at + 1;
	while (i < pl->n) {
		rc = pl->procs[i]->ops->end(pl->procs[i]);
		if (rc == PROC_STOP && pl->stop_at > i)
			i = pl->stop_at;	/* an end fed a -First */
		else if (rc == PROC_FAIL)
			break;
		else
			i++;
	}
}

void
pipeline_free(struct pipeline *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		pl->procs[i]->ops->free(pl->procs[i]);
	free(pl->procs);
	free(pl->deferred);
	free(pl->deferred_message);
	memset(pl, 0, sizeof(*pl));
}
