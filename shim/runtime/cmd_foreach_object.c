/*
 * cmd_foreach_object.c: ForEach-Object (alias foreach, %): its -Begin,
 * -Process and -End blocks run in the caller's scope (PowerShell
 * dot-sources them) with $_ the current object, and what they write goes
 * straight on down the pipeline; or -MemberName, each object's member.
 * Blocks given in a row (`% { begin } { process } { end }`, -Process's and
 * -RemainingScripts') are shared out as 5.1's ForEachObjectCommand does:
 * -Begin (if given) and the list are one list; with two or more the first
 * is the begin block, with three or more the last is the end block (unless
 * -End is given), the ones between run in turn for each object.
 *
 * What leaves a block early: `return` ends that one call; `break` and
 * `continue` leave the enclosing loop, or the script when there is none
 * (as in PowerShell); `exit` and an error no catch takes end the
 * pipeline, the statement carrying the reason on (block_proc.h).
 * -Parallel is cmd_foreach_parallel.c's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/block_proc.h"
#include "runtime/cmd_foreach.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/processors.h"

struct foreach_proc {
	struct proc base;
	struct runtime *rt;
	const struct foreach_cfg *cfg;
	struct relay relay;
	bool	begun;
};

static enum proc_rc
foreach_begin(struct proc *p)
{
	struct foreach_proc *fp = (struct foreach_proc *)p;
	struct interp *in = fp->rt->interp;

	fp->begun = true;
	if (fp->cfg->begin == NULL)
		return PROC_OK;
	return block_outcome(in, p, eval_scriptblock(in, fp->cfg->begin, NULL,
	    &fp->relay.base));
}

/* -MemberName: each object's member, as $_.Name would give it. */
static enum proc_rc
foreach_member(struct foreach_proc *fp, const struct psobj_value *v)
{
	struct interp *in = fp->rt->interp;
	struct psobj_value m;
	struct ps_op_error err;
	bool found;

	if (ps_member(v, fp->cfg->member, &m, &found, &err) != 0) {
		if (err.nomem) {
			ps_op_error_free(&err);
			return cmd_nomem(&fp->base, fp->rt);
		}
		ps_op_error_free(&err);
		return PROC_OK;
	}
	return block_outcome(in, &fp->base, eval_emit(in, &fp->relay.base,
	    &m));
}

static enum proc_rc
foreach_process(struct proc *p, struct psobj_value *v)
{
	struct foreach_proc *fp = (struct foreach_proc *)p;
	struct interp *in = fp->rt->interp;
	struct psobj_value none = psobj_null();
	enum proc_rc rc = PROC_OK;
	size_t i;

	if (fp->cfg->member != NULL)
		rc = foreach_member(fp, v != NULL ? v : &none);
	for (i = 0; i < fp->cfg->nprocess && rc == PROC_OK; i++)
		rc = block_outcome(in, p, eval_scriptblock(in,
		    fp->cfg->process[i], v != NULL ? v : &none,
		    &fp->relay.base));
	if (v != NULL)
		psobj_value_free(v);
	return rc;
}

static enum proc_rc
foreach_end(struct proc *p)
{
	struct foreach_proc *fp = (struct foreach_proc *)p;
	struct interp *in = fp->rt->interp;

	if (fp->cfg->end == NULL)
		return PROC_OK;
	return block_outcome(in, p, eval_scriptblock(in, fp->cfg->end, NULL,
	    &fp->relay.base));
}

static void
foreach_free(struct proc *p)
{
	free(p);
}

static const struct proc_ops foreach_ops = {
	.begin = foreach_begin,
	.process = foreach_process,
	.end = foreach_end,
	.free = foreach_free,
};

static struct proc *
foreach_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	const struct foreach_cfg *cfg = st->cfg;
	struct foreach_proc *fp;

	if (cfg->parallel != NULL)
		return foreach_parallel_new(rt, st, err, errlen);
	if ((fp = calloc(1, sizeof(*fp))) == NULL)
		return NULL;
	fp->base.ops = &foreach_ops;
	fp->rt = rt;
	fp->cfg = cfg;
	relay_init(&fp->relay, &fp->base);
	return &fp->base;
}

/* A bound script block argument, or NULL. */
const struct psobj_value *
foreach_block_arg(const struct stage *st, const char *param)
{
	const struct ps_bound *b = ps_binding_get(&st->b, param);
	const struct psobj_value *v;

	if (b == NULL || !b->present || b->value == NULL)
		return NULL;
	v = b->value->object;
	return v != NULL && v->kind == PSOBJ_SCRIPTBLOCK ? v : NULL;
}

/* Appends v to list when it is a script block.  -1 on ENOMEM. */
static int
push_block(const struct psobj_value ***list, size_t *n,
    const struct psobj_value *v)
{
	const struct psobj_value **grown;

	if (v == NULL || v->kind != PSOBJ_SCRIPTBLOCK)
		return 0;
	if ((grown = realloc(*list, (*n + 1) * sizeof(*grown))) == NULL)
		return -1;
	*list = grown;
	grown[(*n)++] = v;
	return 0;
}

/* The script blocks among pv's values (an array's items too), appended */
static int
blocks_of(const struct ps_value *pv, const struct psobj_value ***list,
    size_t *n)
{
	const struct psobj_value *v = pv->object;
	size_t i;

	if (pv->kind == PS_VAL_ARRAY && (v == NULL || v->kind != PSOBJ_ARRAY)) {
		/* a list of arguments */
		for (i = 0; i < pv->nitems; i++)
			if (blocks_of(&pv->items[i], list, n) != 0)
				return -1;
		return 0;
	}
	if (v != NULL && v->kind == PSOBJ_ARRAY) {	/* -Process {a},{b} */
		for (i = 0; i < v->nitems; i++)
			if (push_block(list, n, &v->items[i]) != 0)
				return -1;
		return 0;
	}
	return push_block(list, n, v);
}

/*
 * -Begin, -Process and -RemainingScripts as one list, shared out as
 * ForEachObjectCommand's InitScriptBlockParameterSet does (see above).
 */
static int
share_blocks(struct foreach_cfg *cfg, const struct stage *st)
{
	const struct psobj_value **all = NULL;
	const struct ps_bound *v;
	size_t n = 0, start, end;

	if (push_block(&all, &n, cfg->begin) != 0)
		return -1;
	if ((v = ps_binding_get(&st->b, "Process"))->present &&
	    v->value != NULL && blocks_of(v->value, &all, &n) != 0)
		goto fail;
	if ((v = ps_binding_get(&st->b, "RemainingScripts"))->present &&
	    v->value != NULL && blocks_of(v->value, &all, &n) != 0)
		goto fail;
	if (n == 0)
		return 0;
	start = n > 1 ? 1 : 0;
	end = n > 2 ? n - 1 : n;
	cfg->begin = end >= 2 ? all[0] : NULL;
	if (cfg->end == NULL && n > 2)
		cfg->end = all[n - 1];
	memmove(all, all + start, (end - start) * sizeof(*all));
	cfg->process = all;
	cfg->nprocess = end - start;
	return 0;
fail:
	free(all);
	return -1;
}

static void
foreach_cfg_free(void *p)
{
	struct foreach_cfg *cfg = p;

	if (cfg != NULL) {
		free(cfg->member);
		free(cfg->process);
	}
	free(cfg);
}

static int
foreach_configure(struct stage *st, struct ps_error *e)
{
	struct foreach_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = foreach_cfg_free;
	cfg->begin = foreach_block_arg(st, "Begin");
	cfg->end = foreach_block_arg(st, "End");
	cfg->parallel = foreach_block_arg(st, "Parallel");
	if (share_blocks(cfg, st) != 0)
		return ps_error_no_memory(e);
	v = ps_binding_get(&st->b, "ThrottleLimit");
	cfg->throttle = v->present ? (unsigned)v->i : FOREACH_THROTTLE_DEFAULT;
	if (cfg->parallel != NULL)
		return 0;
	v = ps_binding_get(&st->b, "MemberName");
	if (!v->present)
		v = ps_binding_get(&st->b, "Process");
	/* a name in -Process's place: 5.1 binds it to -MemberName */
	if (cfg->nprocess == 0 && v->present && v->value != NULL) {
		cfg->member = v->s != NULL ? strdup(v->s) :
		    v->value->text != NULL ? strdup(v->value->text) : NULL;
		if (cfg->member == NULL)
			return ps_error_no_memory(e);
	}
	return 0;
}

static const char *const foreach_runs[] = { "Begin", "Process", "End",
	"RemainingScripts", "MemberName", "Parallel", "ThrottleLimit", NULL };

const struct command_def foreach_object_def = {
	.cmd = PIPE_CMD_FOREACH_OBJECT,
	.runs = foreach_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.configure = foreach_configure,
	.make = foreach_make,
};
