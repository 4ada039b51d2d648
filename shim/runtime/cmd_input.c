/* cmd_input.c: arguments as input, unbindable input, and ENOMEM. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "runtime/error_target.h"
#include "runtime/cmd_input.h"
#include "runtime/values.h"

int
cmd_arg_value(const struct stage *st, const char *param,
    struct psobj_value *v)
{
	const struct ps_binding *b = &st->b;
	size_t i;

	*v = psobj_null();
	for (i = 0; i < b->n; i++)
		if (strcasecmp(b->params[i]->name, param) == 0)
			break;
	if (i == b->n || !b->bound[i].present || b->bound[i].value == NULL)
		return 0;
	if (b->params[i]->type == PS_TYPE_STRING)	/* as the binder made it */
		return psobj_string(v, b->bound[i].s) == 0 ? 1 : -1;
	return value_from_syntax(b->bound[i].value, v) == 0 ? 1 : -1;
}

int
cmd_param_input_init(struct cmd_param_input *pi, const struct stage *st,
    const char *param)
{
	int got;

	memset(pi, 0, sizeof(*pi));
	pi->st = st;
	got = cmd_arg_value(st, param, &pi->arg);
	pi->has_arg = got > 0;
	return got < 0 ? -1 : 0;
}

void
cmd_param_input_free(struct cmd_param_input *pi)
{
	psobj_value_free(&pi->arg);
}

const struct psobj_value *
cmd_param_input_value(struct cmd_param_input *pi, struct host *h,
    const struct psobj_value *v)
{
	char *target;

	if (v == NULL) {
		if (!pi->has_arg || pi->used)
			return NULL;
		pi->used = true;
		return &pi->arg;
	}
	if (!pi->has_arg)
		return v;
	target = pipeline_error_target(v);
	cmd_input_not_bound(h, pi->st->meta, pi->st->pc, target,
	    v->kind == PSOBJ_STRING);
	free(target);
	return NULL;
}

enum proc_rc
cmd_end_nothing(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

void
cmd_input_not_bound(struct host *h, const struct ps_command_meta *m,
    const struct ps_command *pc, const char *target, bool is_string)
{
	struct ps_error e = { 0 };

	ps_error_bind(&e, m->name, m->type_name, "InvalidArgument",
	    "ParameterBindingException", "InputObjectNotBound", pc->offset,
	    pc->length, "The input object cannot be bound to any parameters "
	    "for the command either because the command does not take "
	    "pipeline input or the input and its properties do not match any "
	    "of the parameters that take pipeline input.");
	ps_error_set_target(&e, target, is_string ? "String" : "PSObject");
	host_error(h, &e);
	ps_error_free(&e);
	host_worst(h, TNC_EXIT_USAGE);
}

enum proc_rc
cmd_nomem(struct proc *p, struct runtime *rt)
{
	host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	return proc_fail(p, NULL);
}

enum proc_rc
cmd_fail_error(struct proc *p, struct runtime *rt, struct ps_error *e,
    bool statement_only)
{
	char *text = host_error_text(&rt->host, e);
	char *message = e->message != NULL ? strdup(e->message) : NULL;

	ps_error_free(e);
	if (text == NULL || message == NULL) {
		free(text);
		free(message);
		return cmd_nomem(p, rt);
	}
	if (statement_only)
		proc_fail_statement(p, text);
	else
		proc_fail(p, text);
	proc_fail_message(p, message);
	return PROC_FAIL;
}

enum proc_rc
cmd_error(struct proc *p, struct runtime *rt, const struct stage *st,
    struct ps_error *e)
{
	/* stopping, the status is the error's if no catch takes it */
	if (st->stop_errors && !e->out_of_memory)
		return cmd_fail_error(p, rt, e, false);
	host_worst(&rt->host, TNC_EXIT_FAILED);
	if (!st->quiet_errors || e->out_of_memory)
		host_error(&rt->host, e);
	else
		host_error_silenced(&rt->host);
	ps_error_free(e);
	return PROC_OK;
}

int
cmd_refuse_prompts(const struct stage *st, struct ps_error *e)
{
	static const char *const names[] = { "WhatIf", "Confirm" };
	const struct ps_bound *v;
	size_t i;

	for (i = 0; i < 2; i++) {
		v = ps_binding_get(&st->b, names[i]);
		if (v != NULL && v->present && v->sw)
			return ps_error_parse(e, "ParameterNotSupported",
			    v->offset, v->length, "The parameter '%s' of %s is "
			    "not supported by tnc.", names[i], st->meta->name);
	}
	return 0;
}
