/*
 * cmd_where_object.c: Where-Object (alias where, ?): an object passes
 * when its -FilterScript block, run with $_ set, gives a true value; or,
 * in the simplified syntax (`Where-Object TcpTestSucceeded -eq $true`),
 * when its property compares as the operator switch says (no switch: the
 * property is true).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/block_proc.h"
#include "runtime/cmd_foreach.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/processors.h"
#include "runtime/values.h"

/* The operator switches, and the operators they are. */
static const struct {
	const char *name;
	enum ps_op op;
	enum ps_op_case op_case;
} where_ops[] = {
	{ "EQ", PS_OP_EQ, PS_CASE_DEFAULT },
	{ "CEQ", PS_OP_EQ, PS_CASE_SENSITIVE },
	{ "NE", PS_OP_NE, PS_CASE_DEFAULT },
	{ "CNE", PS_OP_NE, PS_CASE_SENSITIVE },
	{ "GT", PS_OP_GT, PS_CASE_DEFAULT },
	{ "CGT", PS_OP_GT, PS_CASE_SENSITIVE },
	{ "LT", PS_OP_LT, PS_CASE_DEFAULT },
	{ "CLT", PS_OP_LT, PS_CASE_SENSITIVE },
	{ "GE", PS_OP_GE, PS_CASE_DEFAULT },
	{ "CGE", PS_OP_GE, PS_CASE_SENSITIVE },
	{ "LE", PS_OP_LE, PS_CASE_DEFAULT },
	{ "CLE", PS_OP_LE, PS_CASE_SENSITIVE },
	{ "Like", PS_OP_LIKE, PS_CASE_DEFAULT },
	{ "CLike", PS_OP_LIKE, PS_CASE_SENSITIVE },
	{ "NotLike", PS_OP_NOTLIKE, PS_CASE_DEFAULT },
	{ "CNotLike", PS_OP_NOTLIKE, PS_CASE_SENSITIVE },
	{ "Match", PS_OP_MATCH, PS_CASE_DEFAULT },
	{ "CMatch", PS_OP_MATCH, PS_CASE_SENSITIVE },
	{ "NotMatch", PS_OP_NOTMATCH, PS_CASE_DEFAULT },
	{ "CNotMatch", PS_OP_NOTMATCH, PS_CASE_SENSITIVE },
	{ "Contains", PS_OP_CONTAINS, PS_CASE_DEFAULT },
	{ "CContains", PS_OP_CONTAINS, PS_CASE_SENSITIVE },
	{ "NotContains", PS_OP_NOTCONTAINS, PS_CASE_DEFAULT },
	{ "CNotContains", PS_OP_NOTCONTAINS, PS_CASE_SENSITIVE },
	{ "In", PS_OP_IN, PS_CASE_DEFAULT },
	{ "CIn", PS_OP_IN, PS_CASE_SENSITIVE },
	{ "NotIn", PS_OP_NOTIN, PS_CASE_DEFAULT },
	{ "CNotIn", PS_OP_NOTIN, PS_CASE_SENSITIVE },
	{ "Is", PS_OP_IS, PS_CASE_DEFAULT },
	{ "IsNot", PS_OP_ISNOT, PS_CASE_DEFAULT },
};
#define NWHERE_OPS	(sizeof(where_ops) / sizeof(where_ops[0]))

struct where_cfg {
	const struct psobj_value *filter;	/* -FilterScript */
	char	*property;			/* the simplified syntax */
	struct psobj_value value;		/* -Value (a copy); null without */
	enum ps_op op;				/* PS_OP_NONE: the member is true */
	enum ps_op_case op_case;
};

struct where_proc {
	struct proc base;
	struct runtime *rt;
	const struct where_cfg *cfg;
};

/*
 * Whether v passes the simplified syntax's test: -1 on ENOMEM.  A value
 * that does not compare leaves the object out, as 5.1 does.
 */
static int
where_test(const struct where_cfg *cfg, const struct psobj_value *v,
    bool *pass)
{
	struct psobj_value m, r;
	struct ps_op_error err;
	bool found;
	int rc;

	*pass = false;
	if (ps_member(v, cfg->property, &m, &found, &err) != 0) {
		rc = err.nomem ? -1 : 0;
		ps_op_error_free(&err);
		return rc;
	}
	if (cfg->op == PS_OP_NONE) {
		*pass = ps_is_true(&m);
		psobj_value_free(&m);
		return 0;
	}
	rc = ps_op_binary(cfg->op, cfg->op_case, &m, &cfg->value, &r, NULL,
	    &err);
	psobj_value_free(&m);
	if (rc != 0) {
		rc = err.nomem ? -1 : 0;
		ps_op_error_free(&err);
		return rc;
	}
	*pass = ps_is_true(&r);
	psobj_value_free(&r);
	return 0;
}

static enum proc_rc
where_process(struct proc *p, struct psobj_value *v)
{
	struct where_proc *wp = (struct where_proc *)p;
	struct interp *in = wp->rt->interp;
	struct psobj_value result;
	bool pass = false;
	enum flow f;

	if (v == NULL)
		return PROC_OK;		/* no input, nothing to filter */
	if (wp->cfg->filter != NULL) {
		f = eval_scriptblock_value(in, wp->cfg->filter, v, &result);
		if (f != FLOW_NEXT) {
			psobj_value_free(v);
			return block_outcome(in, p, f);
		}
		pass = ps_is_true(&result);
		psobj_value_free(&result);
	} else if (where_test(wp->cfg, v, &pass) != 0) {
		psobj_value_free(v);
		return cmd_nomem(p, wp->rt);
	}
	if (!pass) {
		psobj_value_free(v);
		return PROC_OK;
	}
	return proc_emit(p, v);
}

static void
where_free(struct proc *p)
{
	free(p);
}

static const struct proc_ops where_proc_ops = {
	.process = where_process,
	.end = cmd_end_nothing,
	.free = where_free,
};

static struct proc *
where_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct where_proc *wp;

	(void)err;
	(void)errlen;
	if ((wp = calloc(1, sizeof(*wp))) == NULL)
		return NULL;
	wp->base.ops = &where_proc_ops;
	wp->rt = rt;
	wp->cfg = st->cfg;
	return &wp->base;
}

static void
where_cfg_free(void *p)
{
	struct where_cfg *cfg = p;

	if (cfg != NULL) {
		free(cfg->property);
		psobj_value_free(&cfg->value);
	}
	free(cfg);
}

static int
where_configure(struct stage *st, struct ps_error *e)
{
	struct where_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;
	size_t i;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = where_cfg_free;
	cfg->value = psobj_null();
	cfg->filter = foreach_block_arg(st, "FilterScript");
	if (cfg->filter != NULL)
		return 0;
	v = ps_binding_get(&st->b, "Property");
	if (!v->present)		/* a name in -FilterScript's place */
		v = ps_binding_get(&st->b, "FilterScript");
	if (v->present && v->value != NULL) {
		cfg->property = v->s != NULL ? strdup(v->s) :
		    v->value->text != NULL ? strdup(v->value->text) :
		    strdup("");
		if (cfg->property == NULL)
			return ps_error_no_memory(e);
	}
	for (i = 0; i < NWHERE_OPS; i++) {
		if (ps_binding_get(&st->b, where_ops[i].name)->present) {
			cfg->op = where_ops[i].op;
			cfg->op_case = where_ops[i].op_case;
		}
	}
	v = ps_binding_get(&st->b, "Value");
	if (v->present && v->value != NULL &&
	    value_from_syntax(v->value, &cfg->value) != 0)
		return ps_error_no_memory(e);
	return 0;
}

static const char *const where_runs[] = { "FilterScript", "Property",
	"Value", "EQ", "CEQ", "NE", "CNE", "GT", "CGT", "LT", "CLT", "GE",
	"CGE", "LE", "CLE", "Like", "CLike", "NotLike", "CNotLike", "Match",
	"CMatch", "NotMatch", "CNotMatch", "Contains", "CContains",
	"NotContains", "CNotContains", "In", "CIn", "NotIn", "CNotIn", "Is",
	"IsNot", NULL };

const struct command_def where_object_def = {
	.cmd = PIPE_CMD_WHERE_OBJECT,
	.runs = where_runs,
	.position = CMD_ANYWHERE,
	.configure = where_configure,
	.make = where_make,
};
