/*
 * cmd_select.c: Select-Object as a processor.  -Property and
 * -ExpandProperty work on each object as it comes; -First N passes the
 * first N and then stops the commands upstream (so later tests never run
 * or are abandoned); -Last N keeps the last N and passes them at the end.
 * With both, the first N pass at once and the last N of the rest at the
 * end, as SelectObjectQueue does.  A calculated property among -Property's
 * names (calc_property.h) is worked out for each object as it comes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "objects/select_object.h"
#include "runtime/block_proc.h"
#include "runtime/calc_property.h"
#include "runtime/command_defs.h"
#include "runtime/cmd_input.h"
#include "runtime/context.h"
#include "runtime/error_target.h"
#include "runtime/processors.h"
#include "runtime/values.h"

/* Select-Object's settings (st->cfg) */
struct select_cfg {
	struct select_spec sel;		/* the objects layer's */
	struct calc_properties calc;	/* and the calculated properties */
};

struct select_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct select_spec *sel;
	struct calc_properties *calc;
	struct property_names names;
	size_t	seen;			/* inputs so far */
	struct value_ring tail;		/* -Last: the last N */
};

/*
 * A non-terminating error of one input: shown (exit status at least 1),
 * or the end of the script under a Stop preference; silenced, it costs
 * nothing but $?.
 */
static enum proc_rc
select_error(struct select_proc *sp, const struct psobj_value *in,
    const char *msg)
{
	const struct ps_command *pc = sp->st->pc;
	bool expand = strncmp(msg, "Property \"", 10) == 0;
	struct ps_error e = { 0 };
	char *target;

	ps_error_bind(&e, sp->st->meta->name, sp->st->meta->type_name,
	    expand ? "InvalidArgument" : "InvalidOperation",
	    "PSArgumentException", expand ? "ExpandPropertyNotFound" :
	    "AlreadyExistingUserSpecifiedPropertyNoExpand", pc->offset,
	    pc->length, "%s", msg);
	target = pipeline_error_target(in);
	ps_error_set_target(&e, target, "PSObject");
	free(target);
	if (!sp->st->quiet_errors || e.out_of_memory)
		return cmd_error(&sp->base, sp->rt, sp->st, &e);
	host_error_silenced(&sp->rt->host);
	ps_error_free(&e);
	return PROC_OK;
}

/* -Property / -ExpandProperty on one input (taken over), output passed on. */
static enum proc_rc
select_emit(struct select_proc *sp, struct psobj_value *in)
{
	struct psobj_value *out;
	char **errors, err[512];
	size_t nout, nerrors, i;
	enum proc_rc rc = PROC_OK;
	enum flow f;

	if (sp->calc->n > 0 && (f = calc_properties_eval(sp->calc,
	    sp->rt->interp, in, &sp->names)) != FLOW_NEXT) {
		psobj_value_free(in);
		return block_outcome(sp->rt->interp, &sp->base, f);
	}
	if (select_value(in, sp->sel, &sp->names, &out, &nout, &errors,
	    &nerrors, err, sizeof(err)) != 0) {
		psobj_value_free(in);
		host_note(&sp->rt->host, TNC_EXIT_SYSTEM, "%s", err);
		return proc_fail(&sp->base, NULL);
	}
	for (i = 0; i < nerrors && rc == PROC_OK; i++)
		rc = select_error(sp, in, errors[i]);
	select_errors_free(errors, nerrors);
	psobj_value_free(in);
	for (i = 0; i < nout; i++) {
		if (rc == PROC_OK)
			rc = proc_emit(&sp->base, &out[i]);
		else
			psobj_value_free(&out[i]);
	}
	free(out);
	return rc;
}

static enum proc_rc
select_process(struct proc *p, struct psobj_value *v)
{
	struct select_proc *sp = (struct select_proc *)p;
	const struct select_spec *sel = sp->sel;
	enum proc_rc rc;

	if (v == NULL)
		return PROC_OK;
	sp->seen++;
	if (sel->has_first && sp->seen > sel->first && !sel->has_last) {
		psobj_value_free(v);
		return proc_stop_upstream(p);
	}
	if (sel->has_last && (!sel->has_first || sp->seen > sel->first)) {
		if (value_ring_push(&sp->tail, v) == 0)
			return PROC_OK;
		host_note(&sp->rt->host, TNC_EXIT_SYSTEM, "%s",
		    strerror(ENOMEM));
		return proc_fail(p, NULL);
	}
	rc = select_emit(sp, v);
	if (rc == PROC_OK && sel->has_first && !sel->has_last &&
	    sp->seen == sel->first)
		return proc_stop_upstream(p);
	return rc;
}

static enum proc_rc
select_end(struct proc *p)
{
	struct select_proc *sp = (struct select_proc *)p;
	enum proc_rc rc = PROC_OK;
	struct psobj_value v;

	while (rc == PROC_OK && value_ring_pop(&sp->tail, &v))
		rc = select_emit(sp, &v);
	return rc;
}

static void
select_free(struct proc *p)
{
	struct select_proc *sp = (struct select_proc *)p;

	value_ring_free(&sp->tail);
	property_names_free(&sp->names);
	free(sp);
}

static const struct proc_ops select_ops = {
	.process = select_process,
	.end = select_end,
	.free = select_free,
};

static struct proc *
select_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct select_proc *sp = calloc(1, sizeof(*sp));
	struct select_cfg *cfg = st->cfg;
	size_t i;

	if (sp == NULL)
		return NULL;
	sp->base.ops = &select_ops;
	sp->rt = rt;
	sp->st = st;
	sp->sel = &cfg->sel;
	sp->calc = &cfg->calc;
	value_ring_init(&sp->tail, sp->sel->last);
	if (property_names_compile(sp->sel->props, sp->sel->nprops, &sp->names,
	    err, errlen) != 0) {
		free(sp);
		return NULL;
	}
	for (i = 0; i < sp->calc->n; i++)
		property_names_set_calculated(&sp->names, sp->calc->v[i].at);
	return &sp->base;
}

static void
select_cfg_free(void *p)
{
	struct select_cfg *cfg = p;

	if (cfg != NULL)
		calc_properties_free(&cfg->calc);
	free(cfg);
}

/*
 * -Property (already in st->props; its calculated properties read here,
 * each one's label in its place), -ExpandProperty, -First, -Last
 */
static int
select_configure(struct stage *st, struct ps_error *e)
{
	struct select_cfg *cfg = calloc(1, sizeof(*cfg));
	struct select_spec *sel;
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = select_cfg_free;
	sel = &cfg->sel;
	v = ps_binding_get(&st->b, "Property");
	if (calc_properties_read(&cfg->calc, v->present ? v->value : NULL,
	    st->props, st->nprops, e) != 0)
		return -1;
	sel->props = cfg->calc.names != NULL ? cfg->calc.names :
	    (const char *const *)st->props;
	sel->nprops = st->nprops;
	if ((v = ps_binding_get(&st->b, "ExpandProperty"))->present)
		sel->expand = v->s;
	if ((v = ps_binding_get(&st->b, "First"))->present) {
		sel->has_first = true;
		sel->first = (size_t)v->i;
	}
	if ((v = ps_binding_get(&st->b, "Last"))->present) {
		sel->has_last = true;
		sel->last = (size_t)v->i;
	}
	return 0;
}

static const char *const select_runs[] = { "Property", "ExpandProperty",
	"First", "Last", NULL };

const struct command_def select_object_def = {
	.cmd = PIPE_CMD_SELECT_OBJECT,
	.runs = select_runs,
	.position = CMD_ANYWHERE,
	.error_stop = true,
	.configure = select_configure,
	.make = select_make,
};
