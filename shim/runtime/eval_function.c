/*
 * eval_function.c: functions a script defines (`function Test-Port($h,
 * $p) { ... }`, or with param() inside) and their calls as commands of a
 * pipeline.  A call binds its arguments as PowerShell binds a simple
 * function's: -Name value (any unambiguous prefix) to the parameter of
 * that name, the rest in order to the parameters left, what is still
 * left over in $args; a parameter's [type] converts its value, an unbound
 * one takes its default.  The body runs in a scope of its own whose
 * parent is the caller's (PowerShell's dynamic scoping), once, after the
 * pipeline's input is in: $input holds it (a function without a process
 * block, as 5.1 runs one).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "runtime/block_proc.h"
#include "runtime/cmd_input.h"
#include "runtime/interp.h"
#include "runtime/values.h"

const struct ast *
function_find(const struct interp *in, const char *name)
{
	size_t i = in->nfunctions;

	while (i-- > 0)			/* the latest definition wins */
		if (in->functions[i].defined &&
		    strcasecmp(in->functions[i].def->text, name) == 0)
			return in->functions[i].def;
	return NULL;
}

enum flow
function_define(struct interp *in, const struct ast *def)
{
	size_t i;

	for (i = 0; i < in->nfunctions; i++)
		if (in->functions[i].def == def)
			in->functions[i].defined = true;
	return FLOW_NEXT;
}

struct function_proc {
	struct proc base;
	struct interp *in;
	const struct ast *fn;
	const struct ast *call;		/* the command that called it */
	struct psobj_value *args;	/* the call's arguments (copies) */
	char	**names;		/* each one's -Name, or NULL */
	size_t	nargs;
	bool	has_input;
	struct value_list input;	/* $input */
	bool	ran;
	struct relay relay;
};

/* The parameter -name (a prefix of one) stands for: its index, or -1. */
static int
param_index(const struct ast *fn, const char *name)
{
	size_t i, len = strlen(name);
	int found = -1;

	for (i = 0; i < fn->params.n; i++) {
		const char *p = fn->params.v[i]->text;

		if (strcasecmp(p, name) == 0)
			return (int)i;
		if (len > 0 && strncasecmp(p, name, len) == 0)
			found = found == -1 ? (int)i : -2;
	}
	return found;
}

/*
 * 5.1's binding error for argument arg (its AST) that parameter param of
 * fn's could not take: "Cannot process argument transformation on
 * parameter 'Port'. Cannot convert value ...", at the argument.
 */
static enum flow
transformation_error(struct interp *in, const struct ast *fn,
    const struct ast *param, const struct ast *arg, struct ps_op_error *err)
{
	struct ps_error e = { 0 };
	enum flow f;

	if (arg->kind == AST_PARAMETER && arg->value != NULL)
		arg = arg->value;		/* -Port:x */
	ps_error_bind(&e, fn->text, NULL, "InvalidData",
	    "ParameterBindingArgumentTransformationException",
	    "ParameterArgumentTransformationError", arg->offset, arg->length,
	    "Cannot process argument transformation on parameter '%s'. %s",
	    param->text, err->message != NULL ? err->message : "");
	ps_op_error_free(err);
	f = eval_ps_error(in, &e, TNC_EXIT_USAGE);
	ps_error_free(&e);
	return f;
}

/*
 * Converts v to the parameter's [type] if it has one, then sets it; arg
 * is the call's argument it came from (NULL for a default value).
 */
static enum flow
set_param(struct function_proc *fp, const struct ast *param,
    struct psobj_value *v, const struct ast *arg)
{
	struct interp *in = fp->in;
	struct psobj_value c;
	struct ps_op_error err;

	if (param->param_type != NULL &&
	    strcasecmp(param->param_type, "switch") != 0) {
		if (ps_convert(v, param->param_type, &c, &err) != 0) {
			psobj_value_free(v);
			if (arg != NULL && !err.nomem)
				return transformation_error(in, fp->fn, param,
				    arg, &err);
			return eval_error(in, param, &err);
		}
		psobj_value_free(v);
		*v = c;
	}
	return scope_set(in->scope, param->text, v) == 0 ? FLOW_NEXT :
	    eval_nomem(in);
}

/* The call's i-th argument as written (NULL when there is no call) */
static const struct ast *
arg_at(const struct function_proc *fp, size_t i)
{
	return fp->call != NULL && i < fp->call->args.n ?
	    fp->call->args.v[i] : NULL;
}

/* -name matches none of fn's parameters (p -1), or several (-2) */
static enum flow
name_error(struct function_proc *fp, size_t i, int p)
{
	const struct ast *arg = arg_at(fp, i);
	struct ps_error e = { 0 };
	enum flow f;

	if (arg == NULL)
		return eval_runtime_error(fp->in, fp->fn, "NamedParameterNotFound",
		    "InvalidArgument", "A parameter cannot be found that "
		    "matches parameter name '%s'.", fp->names[i]);
	if (p == -1)
		ps_error_bind(&e, fp->fn->text, NULL, "InvalidArgument",
		    "ParameterBindingException", "NamedParameterNotFound",
		    arg->offset, arg->length, "A parameter cannot be found "
		    "that matches parameter name '%s'.", fp->names[i]);
	else
		ps_error_bind(&e, fp->fn->text, NULL, "InvalidArgument",
		    "ParameterBindingException", "AmbiguousParameter",
		    arg->offset, arg->length, "Parameter cannot be processed "
		    "because the parameter name '%s' is ambiguous.",
		    fp->names[i]);
	f = eval_ps_error(fp->in, &e, TNC_EXIT_USAGE);
	ps_error_free(&e);
	return f;
}

/* The call's arguments into the function's scope; the rest in $args. */
static enum flow
bind_call(struct function_proc *fp)
{
	struct interp *in = fp->in;
	const struct ast *fn = fp->fn;
	bool *bound = calloc(fn->params.n + 1, sizeof(*bound));
	struct value_list left = { 0 };
	struct psobj_value v, rest;
	size_t i, k = 0;
	enum flow f = FLOW_NEXT;
	int p;

	if (bound == NULL)
		return eval_nomem(in);
	for (i = 0; i < fp->nargs && f == FLOW_NEXT; i++) {
		if (fp->names[i] == NULL)
			continue;
		p = param_index(fn, fp->names[i]);
		if (p < 0) {
			f = name_error(fp, i, p);
			break;
		}
		bound[p] = true;
		if (fn->params.v[p]->param_type != NULL &&
		    strcasecmp(fn->params.v[p]->param_type, "switch") == 0 &&
		    fp->args[i].kind == PSOBJ_NULL)
			v = psobj_bool(true);	/* -Force alone */
		else if (fp->args[i].kind == PSOBJ_NULL && i + 1 < fp->nargs &&
		    fp->names[i + 1] == NULL) {
			i++;	/* -Name value */
			if (psobj_value_copy(&v, &fp->args[i]) != 0)
				f = eval_nomem(in);
			fp->names[i] = (char *)"";	/* taken */
		} else if (psobj_value_copy(&v, &fp->args[i]) != 0)
			f = eval_nomem(in);
		if (f == FLOW_NEXT)
			f = set_param(fp, fn->params.v[p], &v, arg_at(fp, i));
	}
	for (i = 0; i < fp->nargs && f == FLOW_NEXT; i++) {
		if (fp->names[i] != NULL)
			continue;
		while (k < fn->params.n && bound[k])
			k++;
		if (psobj_value_copy(&v, &fp->args[i]) != 0) {
			f = eval_nomem(in);
			break;
		}
		if (k < fn->params.n) {
			bound[k] = true;
			f = set_param(fp, fn->params.v[k], &v, arg_at(fp, i));
		} else if (value_list_push(&left, &v) != 0) {
			f = eval_nomem(in);
		}
	}
	/* the unbound ones: their defaults, else $null (a switch: False) */
	for (k = 0; k < fn->params.n && f == FLOW_NEXT; k++) {
		if (bound[k])
			continue;
		v = psobj_null();
		if (fn->params.v[k]->operand != NULL)
			f = eval_expr(in, fn->params.v[k]->operand, &v);
		else if (fn->params.v[k]->param_type != NULL &&
		    strcasecmp(fn->params.v[k]->param_type, "switch") == 0)
			v = psobj_bool(false);
		if (f == FLOW_NEXT)
			f = set_param(fp, fn->params.v[k], &v, NULL);
	}
	free(bound);
	if (f != FLOW_NEXT || values_as_array(&left, &rest) != 0 ||
	    scope_set(in->scope, "args", &rest) != 0) {
		value_list_free(&left);
		return f != FLOW_NEXT ? f : eval_nomem(in);
	}
	return FLOW_NEXT;
}

/* The body, in a scope of its own, output on down the pipeline. */
static enum proc_rc
run_body(struct function_proc *fp)
{
	struct interp *in = fp->in;
	struct scope *caller = in->scope, *own = scope_new(caller);
	const struct ast *outer_call = in->call;
	struct psobj_value input;
	enum flow f;

	fp->ran = true;
	if (own == NULL)
		return block_outcome(in, &fp->base, eval_nomem(in));
	in->scope = own;
	in->call = fp->call;
	f = bind_call(fp);
	if (f == FLOW_NEXT && fp->has_input &&
	    (values_as_array(&fp->input, &input) != 0 ||
	    scope_set(own, "input", &input) != 0))
		f = eval_nomem(in);
	if (f == FLOW_NEXT)
		f = eval_block(in, &fp->fn->body, &fp->relay.base);
	in->scope = caller;
	in->call = outer_call;
	scope_free(own);
	return block_outcome(in, &fp->base, f == FLOW_RETURN ? FLOW_NEXT : f);
}

static enum proc_rc
function_process(struct proc *p, struct psobj_value *v)
{
	struct function_proc *fp = (struct function_proc *)p;

	if (v == NULL)			/* first in its pipeline: run now */
		return fp->ran ? PROC_OK : run_body(fp);
	return value_list_push(&fp->input, v) == 0 ? PROC_OK :
	    cmd_nomem(p, fp->in->rt);
}

static enum proc_rc
function_end(struct proc *p)
{
	struct function_proc *fp = (struct function_proc *)p;

	return fp->ran ? PROC_OK : run_body(fp);
}

static void
function_free(struct proc *p)
{
	struct function_proc *fp = (struct function_proc *)p;
	size_t i;

	for (i = 0; i < fp->nargs; i++) {
		psobj_value_free(&fp->args[i]);
		if (fp->names[i] != NULL && fp->names[i][0] != '\0')
			free(fp->names[i]);
	}
	free(fp->args);
	free(fp->names);
	value_list_free(&fp->input);
	free(fp);
}

static const struct proc_ops function_ops = {
	.process = function_process,
	.end = function_end,
	.free = function_free,
};

struct proc *
function_proc_new(struct interp *in, const struct ast *fn,
    const struct ast *call, struct psobj_value *args, size_t nargs,
    char **names, bool has_input)
{
	struct function_proc *fp = calloc(1, sizeof(*fp));
	size_t i;

	if (fp == NULL)
		return NULL;
	fp->base.ops = &function_ops;
	fp->in = in;
	fp->fn = fn;
	fp->call = call;
	fp->has_input = has_input;
	fp->nargs = nargs;
	fp->args = calloc(nargs + 1, sizeof(*fp->args));
	fp->names = calloc(nargs + 1, sizeof(*fp->names));
	if (fp->args == NULL || fp->names == NULL)
		goto fail;
	for (i = 0; i < nargs; i++) {
		if (psobj_value_copy(&fp->args[i], &args[i]) != 0 ||
		    (names[i] != NULL &&
		    (fp->names[i] = strdup(names[i])) == NULL))
			goto fail;
	}
	relay_init(&fp->relay, &fp->base);
	return &fp->base;
fail:
	function_free(&fp->base);
	return NULL;
}
