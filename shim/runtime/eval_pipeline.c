/*
 * eval_pipeline.c: a pipeline statement of a script run on the streaming
 * runtime.  Each command's arguments are evaluated when the pipeline is
 * about to start and handed to the binder as a ps_command
 * (command_build.h), so a command means the same in a script as on its
 * own; its processor joins the pipeline.  An expression first in the
 * pipeline is its input, enumerated.  The statement's output goes to the
 * sink it is given (Out-Default, a collector, a block's downstream).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/command_build.h"
#include "runtime/command_defs.h"
#include "runtime/interp.h"
#include "runtime/preference.h"
#include "runtime/processors.h"

/* One command of the statement: what its processor borrows. */
struct built {
	struct command_build cb;
	struct stage st;
};

static void
built_free(struct built *b)
{
	stage_free(&b->st);
	command_build_free(&b->cb);
}

/*
 * Where the statement's output goes: the sink it was given, watched, so
 * that a sink that stops (Select-Object -First) stops the producers too.
 */
struct port {
	struct proc base;
	struct proc *to;
	enum proc_rc said;		/* the sink's last answer */
};

static enum proc_rc
port_process(struct proc *p, struct psobj_value *v)
{
	struct port *pt = (struct port *)p;

	if (v == NULL)
		return PROC_OK;
	pt->said = pt->to->ops->process(pt->to, v);
	return pt->said;
}

static enum proc_rc
port_end(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

static void
port_free(struct proc *p)
{
	(void)p;			/* it lives on its statement's stack */
}

static const struct proc_ops port_ops = {
	.process = port_process,
	.end = port_end,
	.free = port_free,
};

/* A user function's processor for call, its arguments evaluated now. */
static enum flow
add_function(struct interp *in, const struct ast *fn, const struct ast *call,
    struct built *b, bool has_input, struct pipeline *p)
{
	struct proc *proc;
	char **names;
	size_t i;

	names = calloc(b->cb.pc.nelems + 1, sizeof(*names));
	if (names == NULL)
		return eval_nomem(in);
	for (i = 0; i < b->cb.pc.nelems; i++)
		names[i] = b->cb.pc.elems[i].is_param ?
		    b->cb.pc.elems[i].name : NULL;
	proc = function_proc_new(in, fn, call, b->cb.vals, b->cb.pc.nelems,
	    names, has_input);
	free(names);
	if (proc == NULL || pipeline_add(p, proc) != 0)
		return eval_nomem(in);
	return FLOW_NEXT;
}

/* Command k of the statement: bound, its processor added to p. */
static enum flow
add_command(struct interp *in, const struct ast *cmd, struct built *bs,
    size_t k, bool input, struct pipeline *p)
{
	const struct ast *fn = function_find(in, command_name(cmd));
	struct built *b = &bs[k];
	struct ps_error e = { 0 };
	struct proc *proc;
	char err[512] = "";
	enum flow f;

	f = command_build(in, cmd, &b->cb);
	if (f != FLOW_NEXT)
		return f;
	if (fn != NULL)
		return add_function(in, fn, cmd, b, input || k > 0, p);
	b->st.has_input = input || k > 0;
	if (stage_lookup(&b->st, &b->cb.pc, &e) != 0 ||
	    stage_check_position(&b->st, k, input, k > 0 &&
	    bs[k - 1].st.meta != NULL ? &bs[k - 1].st : NULL, &e) != 0)
		goto refused;
	/* $ErrorActionPreference, $WarningPreference as its parameters */
	if ((f = preference_add_params(in, cmd, &b->cb, &b->st)) != FLOW_NEXT)
		return f;
	if (stage_bind(&b->st, &in->style, &e) != 0)
		goto refused;
	interp_apply_style(in);
	proc = command_def(b->st.cmd)->make(in->rt, &b->st, err, sizeof(err));
	if (proc == NULL) {
		host_note(&in->rt->host, TNC_EXIT_SYSTEM, "%s",
		    err[0] != '\0' ? err : strerror(ENOMEM));
		return FLOW_FAIL;
	}
	return pipeline_add(p, proc) == 0 ? FLOW_NEXT : eval_nomem(in);
refused:
	f = eval_ps_error(in, &e, TNC_EXIT_USAGE);
	ps_error_free(&e);
	return f;
}

/* An expression first in the pipeline: its value, enumerated, as input. */
static enum flow
feed_expression(struct interp *in, struct pipeline *p, const struct ast *x,
    enum proc_rc *rc)
{
	struct psobj_value v;
	size_t i;
	enum flow f;

	*rc = PROC_OK;
	f = eval_expr(in, x, &v);
	if (f != FLOW_NEXT)
		return f;
	if (v.kind != PSOBJ_ARRAY) {
		*rc = pipeline_feed(p, &v);	/* $null | cmd gets $null */
		return FLOW_NEXT;
	}
	for (i = 0; i < v.nitems; i++) {
		if (*rc == PROC_OK && (f = interp_step(in)) != FLOW_NEXT)
			*rc = PROC_FAIL;	/* fuzzing's bound, said */
		if (*rc == PROC_OK)
			*rc = pipeline_feed(p, &v.items[i]);
		else
			psobj_value_free(&v.items[i]);
	}
	free(v.items);
	return FLOW_NEXT;
}

/* How the statement ended, from its pipeline's state. */
static enum flow
pipeline_outcome(struct interp *in, struct pipeline *p, enum proc_rc rc,
    const struct port *port)
{
	enum flow f;
	char *text;

	if (in->pending != FLOW_NEXT) {
		/* a block inside left with a flow of its own */
		f = in->pending;
		in->pending = FLOW_NEXT;
		return f;
	}
	if (p->deferred != NULL) {
		text = p->deferred;
		p->deferred = NULL;
		f = eval_deferred(in, text, p->deferred_message,
		    !p->statement_only);
		return f;
	}
	if (rc == PROC_FAIL || port->said == PROC_FAIL)
		return FLOW_FAIL;
	return port->said == PROC_STOP ? FLOW_STOPPED : FLOW_NEXT;
}

/* The statement's pipeline run, its output into out. */
static enum flow
run_pipeline(struct interp *in, const struct ast *pl, struct proc *out)
{
	const struct ast *head = pl->elems.v[0];
	size_t first = head->kind == AST_COMMAND ? 0 : 1, i;
	struct port port = { .base.ops = &port_ops, .to = out };
	struct built *bs;
	struct pipeline p;
	enum proc_rc rc = PROC_OK;
	struct psobj_value v;
	enum flow f = FLOW_NEXT;

	if (pl->elems.n == 1 && first == 1) {	/* a value on its own */
		f = eval_expr(in, head, &v);
		if (f == FLOW_NEXT && head->kind == AST_UNARY &&
		    head->op >= PS_OP_PRE_INC) {
			psobj_value_free(&v);	/* $i++ writes nothing */
			return FLOW_NEXT;
		}
		return f == FLOW_NEXT ? eval_emit(in, out, &v) : f;
	}
	bs = calloc(pl->elems.n + 1, sizeof(*bs));
	if (bs == NULL)
		return eval_nomem(in);
	pipeline_init(&p, in->rt);
	for (i = first; i < pl->elems.n && f == FLOW_NEXT; i++)
		f = add_command(in, pl->elems.v[i], bs, i - first, first == 1,
		    &p);
	if (f == FLOW_NEXT && pipeline_add(&p, &port.base) != 0)
		f = eval_nomem(in);
	if (f == FLOW_NEXT) {
		rc = pipeline_begin(&p);
		if (rc == PROC_OK && first == 1)
			f = feed_expression(in, &p, head, &rc);
		else if (rc == PROC_OK)
			rc = pipeline_feed(&p, NULL);
		if (f == FLOW_NEXT) {
			pipeline_finish(&p, rc);
			f = pipeline_outcome(in, &p, rc, &port);
		}
	}
	pipeline_free(&p);
	for (i = 0; i < pl->elems.n; i++)
		built_free(&bs[i]);
	free(bs);
	return f;
}

enum flow
eval_pipeline(struct interp *in, const struct ast *pl, struct proc *out)
{
	unsigned errors = in->rt->host.nerrors;
	enum flow f;

	if (pl->assign_target != NULL)
		f = eval_assignment(in, pl);
	else
		f = run_pipeline(in, pl, out);
	/* $?: the statement ran without an error */
	in->last_ok = (f == FLOW_NEXT || f == FLOW_STOPPED) &&
	    in->rt->host.nerrors == errors;
	return f;
}
