/*
 * cmd_write_error.c: Write-Error: a non-terminating error record on
 * stderr, for its -Message or for each input; the exit status becomes at
 * least 1.
 *
 * 5.1 gives the record the InvocationInfo of the script that called
 * Write-Error (WriteOrThrowErrorCommand: "set InvocationInfo to the script
 * not the command").  At the top of a -Command script that is the script
 * block itself, so NormalView shows the script's text, " : " and the
 * message, no "At line" block (it has no position), and a bare
 * FullyQualifiedErrorId, as captures of 5.1 show:
 *   Write-Error "x" : x
 *       + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException
 *       + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException
 * Inside a function the script that called it is the function, so the
 * record shows the function's name, the position of its call, and the id
 * suffixed with the function's name:
 *   Check-Port : port closed
 *   At line:3 char:1
 *   + Check-Port
 *   + ~~~~~~~~~~
 *       + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException
 *       + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Check-Port
 * CategoryInfo: -Category (NotSpecified), the target -TargetObject's text
 * and type (or -CategoryTargetName / -CategoryTargetType), activity
 * "Write-Error" (5.1 overwrites -CategoryActivity: PowerShell#846),
 * reason -CategoryReason or WriteErrorException; the id -ErrorId or
 * Microsoft.PowerShell.Commands.WriteErrorException.
 *
 * -ErrorAction SilentlyContinue / Ignore: not shown (the status still
 * says an error was written).  Stop: the record ends the script, now with
 * Write-Error's own InvocationInfo, as 5.1 shows an uncaught one: "
 * Write-Error : <message>", the position of the command, and the id
 * suffixed ",Write-Error" (README: choices).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "parsers/commands.h"
#include "runtime/cmd_input.h"
#include "runtime/command_build.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"

#define WRITE_ERROR_EXCEPTION	"WriteErrorException"
#define WRITE_ERROR_ID		"Microsoft.PowerShell.Commands.WriteErrorException"

/* Write-Error's settings, the record's fixed parts */
struct write_error_cfg {
	const char *category;
	const char *error_id;		/* NULL: WRITE_ERROR_ID */
	const char *reason;		/* NULL: WriteErrorException */
	const char *target_name;	/* NULL: from -TargetObject */
	const char *target_type;
};

struct write_error_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct write_error_cfg *cfg;
	struct cmd_param_input in;	/* -Message */
	struct psobj_value target;	/* -TargetObject, or null */
	char	*target_name;		/* its text */
	char	type_buf[128];		/* its type's short name */
};

/* A .NET type's short name: "System.String" is String. */
static void
short_type(const struct psobj_value *v, char *buf, size_t size)
{
	const char *t = "";

	if (v->kind == PSOBJ_OBJECT && v->obj != NULL)
		t = strncmp(v->obj->type_name, "Selected.", 9) == 0 ?
		    "PSCustomObject" : v->obj->type_name;
	else if (v->type != NULL)
		t = v->type;
	if (strrchr(t, '.') != NULL)
		t = strrchr(t, '.') + 1;
	snprintf(buf, size, "%s", t);
}

/* The record for message msg, in e. */
static void
error_record(struct write_error_proc *wp, const char *msg, struct ps_error *e)
{
	const struct write_error_cfg *cfg = wp->cfg;
	const struct ps_command *pc = wp->st->pc;
	struct interp *in = wp->rt->interp;
	const struct ast *call = in != NULL ? in->call : NULL, *fn;

	ps_error_bind(e, "Write-Error", NULL, cfg->category,
	    cfg->reason != NULL ? cfg->reason : WRITE_ERROR_EXCEPTION,
	    cfg->error_id != NULL ? cfg->error_id : WRITE_ERROR_ID,
	    pc->offset, pc->length, "%s", msg);
	ps_error_set_target(e, cfg->target_name != NULL ? cfg->target_name :
	    wp->target_name, cfg->target_type != NULL ? cfg->target_type :
	    wp->type_buf);
	if (wp->st->stop_errors) {
		e->command_type = "Write-Error";	/* its own invocation */
	} else if (call != NULL && (fn = function_find(in, command_name(call)))
	    != NULL) {
		/* in a function: the function's call is the invocation */
		e->invoked = fn->text;
		e->offset = call->offset;
		e->length = call->length;
	} else {
		e->script_level = true;
	}
}

/* One error for message v (its string): shown, or the end of the script. */
static enum proc_rc
write_error(struct write_error_proc *wp, const struct psobj_value *v)
{
	struct ps_error e = { 0 };
	char *msg = pipeline_error_target(v);

	if (msg == NULL)
		return cmd_nomem(&wp->base, wp->rt);
	error_record(wp, msg, &e);
	free(msg);
	return cmd_error(&wp->base, wp->rt, wp->st, &e);
}

static enum proc_rc
write_error_process(struct proc *p, struct psobj_value *v)
{
	struct write_error_proc *wp = (struct write_error_proc *)p;
	const struct psobj_value *in;
	enum proc_rc rc = PROC_OK;

	in = cmd_param_input_value(&wp->in, &wp->rt->host, v);
	if (in != NULL)
		rc = write_error(wp, in);
	if (v != NULL)
		psobj_value_free(v);
	return rc;
}

static void
write_error_free(struct proc *p)
{
	struct write_error_proc *wp = (struct write_error_proc *)p;

	cmd_param_input_free(&wp->in);
	psobj_value_free(&wp->target);
	free(wp->target_name);
	free(wp);
}

static const struct proc_ops write_error_ops = {
	.process = write_error_process,
	.end = cmd_end_nothing,
	.free = write_error_free,
};

static struct proc *
write_error_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct write_error_proc *wp = calloc(1, sizeof(*wp));
	int got;

	(void)err;
	(void)errlen;
	if (wp == NULL)
		return NULL;
	wp->base.ops = &write_error_ops;
	wp->rt = rt;
	wp->st = st;
	wp->cfg = st->cfg;
	got = cmd_arg_value(st, "TargetObject", &wp->target);
	if (got > 0 && wp->target.kind != PSOBJ_NULL) {
		wp->target_name = pipeline_error_target(&wp->target);
		short_type(&wp->target, wp->type_buf, sizeof(wp->type_buf));
		if (wp->target_name == NULL)
			got = -1;
	}
	if (got < 0 || cmd_param_input_init(&wp->in, st, "Message") != 0) {
		write_error_free(&wp->base);
		return NULL;
	}
	return &wp->base;
}

/* A string parameter's value when given and not empty (5.1 skips ""). */
static const char *
given(const struct stage *st, const char *name)
{
	const struct ps_bound *v = ps_binding_get(&st->b, name);

	return v->present && v->s != NULL && v->s[0] != '\0' ? v->s : NULL;
}

static int
write_error_configure(struct stage *st, struct ps_error *e)
{
	struct write_error_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	v = ps_binding_get(&st->b, "Category");
	cfg->category = error_category_enum.names[v->present ? v->i : 0];
	cfg->error_id = given(st, "ErrorId");
	cfg->reason = given(st, "CategoryReason");
	cfg->target_name = given(st, "CategoryTargetName");
	cfg->target_type = given(st, "CategoryTargetType");
	return 0;
}

static const char *const write_error_runs[] = { "Message", "Category",
	"ErrorId", "TargetObject", "RecommendedAction", "CategoryActivity",
	"CategoryReason", "CategoryTargetName", "CategoryTargetType", NULL };

const struct command_def write_error_def = {
	.cmd = PIPE_CMD_WRITE_ERROR,
	.runs = write_error_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.error_stop = true,
	.configure = write_error_configure,
	.make = write_error_make,
};
