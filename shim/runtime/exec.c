/*
 * exec.c: one bound statement run as a streaming pipeline: its input (none,
 * a list of values, or a parenthesized pipeline with an optional .Member),
 * its commands as processors, and a sink (Out-Default for a statement of
 * the script, a collector for a parenthesized one).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/command_defs.h"
#include "runtime/exec.h"
#include "runtime/processors.h"
#include "runtime/values.h"

/* The processor of one bound command; NULL with the failure said. */
static struct proc *
proc_for(struct runtime *rt, const struct stage *st)
{
	char err[512] = "";
	struct proc *p = command_def(st->cmd)->make(rt, st, err, sizeof(err));

	if (p == NULL)
		host_note(&rt->host, TNC_EXIT_SYSTEM, "%s",
		    err[0] != '\0' ? err : strerror(ENOMEM));
	return p;
}

/* Feeds the values of a list, one at a time. */
static enum proc_rc
feed_values(struct runtime *rt, struct pipeline *pl, const struct ps_value *pv)
{
	size_t n = pv->kind == PS_VAL_ARRAY ? pv->nitems : 1, i;
	enum proc_rc rc = PROC_OK;
	struct psobj_value v;

	for (i = 0; i < n && rc == PROC_OK; i++) {
		if (value_from_syntax(pv->kind == PS_VAL_ARRAY ? &pv->items[i] : pv,
		    &v) != 0) {
			host_note(&rt->host, TNC_EXIT_SYSTEM, "%s",
			    strerror(ENOMEM));
			return PROC_FAIL;
		}
		rc = pipeline_feed(pl, &v);
	}
	return rc;
}

/*
 * Member access on a stream: each object's member (a missing member or a
 * null value gives nothing), arrays unrolled, fed one at a time.
 */
static enum proc_rc
feed_member(struct runtime *rt, struct pipeline *pl,
    const struct psobj_value *v, const char *member)
{
	const struct psobj_prop *pr;
	struct psobj_value copy;
	enum proc_rc rc = PROC_OK;
	size_t i;

	if (v->kind == PSOBJ_ARRAY) {
		for (i = 0; i < v->nitems && rc == PROC_OK; i++)
			rc = feed_member(rt, pl, &v->items[i], member);
		return rc;
	}
	if (v->kind != PSOBJ_OBJECT || v->obj == NULL)
		return PROC_OK;
	pr = psobj_find(v->obj, member);
	if (pr == NULL || pr->value.kind == PSOBJ_NULL)
		return PROC_OK;
	if (psobj_value_copy(&copy, &pr->value) != 0) {
		host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		return PROC_FAIL;
	}
	return pipeline_feed(pl, &copy);
}

/*
 * (inner) or (inner).Member: inner runs to its end first, as in
 * PowerShell.  A terminating error in inner ends this pipeline too, its
 * text deferred in pl (the first processor stands for the failure).
 */
static enum proc_rc
feed_paren(struct runtime *rt, struct pipeline *pl, const struct plan *plan)
{
	struct proc *sink = collector_new();
	struct psobj_value *vals;
	enum proc_rc rc = PROC_OK;
	char *error = NULL;
	size_t n, i;
	int st;

	if (sink == NULL) {
		host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
		return PROC_FAIL;
	}
	st = exec_statement(rt, plan->inner, sink, &vals, &n, &error);
	if (st < 0)
		return PROC_FAIL;
	if (st > 0) {
		for (i = 0; i < n; i++)
			psobj_value_free(&vals[i]);
		free(vals);
		free(pl->deferred);
		pl->deferred = error;
		pl->fail_at = (size_t)-1;	/* every processor ends */
		return PROC_FAIL;
	}
	for (i = 0; i < n; i++) {
		if (rc != PROC_OK)
			psobj_value_free(&vals[i]);
		else if (plan->p->member != NULL) {
			rc = feed_member(rt, pl, &vals[i], plan->p->member);
			psobj_value_free(&vals[i]);
		} else {
			rc = pipeline_feed(pl, &vals[i]);
		}
	}
	free(vals);
	return rc;
}

/* The statement's input: none, a list of values, or a parenthesized one. */
static enum proc_rc
feed_input(struct runtime *rt, struct pipeline *pl, const struct plan *plan)
{
	switch (plan->p->head) {
	case PS_HEAD_VALUES:
		return feed_values(rt, pl, &plan->p->values);
	case PS_HEAD_PAREN:
		return feed_paren(rt, pl, plan);
	default:
		return pipeline_feed(pl, NULL);
	}
}

int
exec_statement(struct runtime *rt, const struct plan *plan, struct proc *sink,
    struct psobj_value **vals, size_t *nvals, char **error)
{
	struct pipeline pl;
	struct proc *p;
	enum proc_rc rc;
	size_t i;
	int status = 0;

	pipeline_init(&pl, rt);
	for (i = 0; i < plan->n; i++) {
		p = proc_for(rt, &plan->st[i]);
		if (p == NULL || pipeline_add(&pl, p) != 0) {
			sink->ops->free(sink);
			pipeline_free(&pl);
			return -1;
		}
	}
	if (pipeline_add(&pl, sink) != 0) {
		pipeline_free(&pl);
		return -1;
	}
	rc = pipeline_begin(&pl);
	if (rc == PROC_OK)
		rc = feed_input(rt, &pl, plan);
	*error = NULL;
	pipeline_finish(&pl, rc);
	if (rc == PROC_FAIL && pl.deferred == NULL)
		status = -1;
	if (pl.deferred != NULL && pl.statement_only) {
		/* the statement ends, the script goes on */
		host_err_text(&rt->host, pl.deferred);
		host_worst(&rt->host, TNC_EXIT_FAILED);
	} else if (pl.deferred != NULL) {
		*error = pl.deferred;
		pl.deferred = NULL;
		status = 1;
	}
	if (vals != NULL)
		collector_take(sink, vals, nvals);
	pipeline_free(&pl);
	return status;
}
