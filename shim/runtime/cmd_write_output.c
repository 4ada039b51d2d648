/*
 * cmd_write_output.c: Write-Output (echo, write): its input, or its
 * arguments when it starts the pipeline, passed on one object at a time.
 *
 * 5.1's InputObject takes the remaining arguments, so `Write-Output a b`
 * writes a and b, and the arguments arrive as a list: each item of it is
 * written enumerated (an array's items one by one), unless -NoEnumerate
 * (then an array written as an argument stays one object).  Given by name,
 * -InputObject 1,2 is the list itself, so its items go one by one even
 * with -NoEnumerate: 5.1's documented quirk, kept.  An input object is
 * bound the same way: an array input is one level of items.
 */
#include <stdlib.h>

#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"

struct write_output_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	bool	no_enumerate;
	struct cmd_param_input in;	/* -InputObject */
};

/* WriteObject(item, enumerate): an array's items, one level, or item. */
static enum proc_rc
write_one(struct write_output_proc *wp, struct psobj_value *item)
{
	enum proc_rc rc = PROC_OK;
	size_t i;

	if (item->kind != PSOBJ_ARRAY || wp->no_enumerate)
		return proc_emit(&wp->base, item);
	for (i = 0; i < item->nitems; i++) {
		if (rc == PROC_OK)
			rc = proc_emit(&wp->base, &item->items[i]);
		else
			psobj_value_free(&item->items[i]);
	}
	free(item->items);
	*item = psobj_null();
	return rc;
}

/* foreach item of InputObject (taken over): an array's, or v itself. */
static enum proc_rc
write_items(struct write_output_proc *wp, struct psobj_value *v)
{
	enum proc_rc rc = PROC_OK;
	size_t i;

	if (v->kind != PSOBJ_ARRAY)
		return write_one(wp, v);
	for (i = 0; i < v->nitems; i++) {
		if (rc == PROC_OK)
			rc = write_one(wp, &v->items[i]);
		else
			psobj_value_free(&v->items[i]);
	}
	free(v->items);
	*v = psobj_null();
	return rc;
}

static enum proc_rc
write_output_process(struct proc *p, struct psobj_value *v)
{
	struct write_output_proc *wp = (struct write_output_proc *)p;
	const struct psobj_value *in;
	struct psobj_value copy;

	in = cmd_param_input_value(&wp->in, &wp->rt->host, v);
	if (in == v && v != NULL)
		return write_items(wp, v);
	if (v != NULL)
		psobj_value_free(v);
	if (in == NULL)
		return PROC_OK;
	if (psobj_value_copy(&copy, in) != 0)
		return cmd_nomem(p, wp->rt);
	return write_items(wp, &copy);
}

static void
write_output_free(struct proc *p)
{
	struct write_output_proc *wp = (struct write_output_proc *)p;

	cmd_param_input_free(&wp->in);
	free(wp);
}

static const struct proc_ops write_output_ops = {
	.process = write_output_process,
	.end = cmd_end_nothing,
	.free = write_output_free,
};

static struct proc *
write_output_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct write_output_proc *wp = calloc(1, sizeof(*wp));

	(void)err;
	(void)errlen;
	if (wp == NULL)
		return NULL;
	wp->base.ops = &write_output_ops;
	wp->rt = rt;
	wp->st = st;
	wp->no_enumerate = ps_binding_get(&st->b, "NoEnumerate")->sw;
	if (cmd_param_input_init(&wp->in, st, "InputObject") != 0) {
		write_output_free(&wp->base);
		return NULL;
	}
	return &wp->base;
}

static const char *const write_output_runs[] = { "InputObject",
	"NoEnumerate", NULL };

const struct command_def write_output_def = {
	.cmd = PIPE_CMD_WRITE_OUTPUT,
	.runs = write_output_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.make = write_output_make,
};
