/*
 * cmd_write_warning.c: Write-Warning: "WARNING: <message>" on stderr at
 * once, for its argument or for each input (as a string).
 *
 * -WarningAction SilentlyContinue and Ignore drop it; Stop writes it and
 * then ends the script with Write-Warning's ActionPreferenceStop record
 * (the one Test-NetConnection's Stop shows, report.h), its position this
 * command; Inquire and Suspend act as Continue (README: no console to
 * ask).  A warning does not change the exit status; a Stop makes it 1.
 */
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "parsers/tnc_options.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"
#include "runtime/report.h"

struct write_warning_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	long long action;		/* -WarningAction; Continue if unset */
	struct cmd_param_input in;	/* -Message */
};

/* One warning: shown (or not), and a Stop that ends the script. */
static enum proc_rc
warn(struct write_warning_proc *wp, const struct psobj_value *v)
{
	struct host *h = &wp->rt->host;
	const struct ps_command *pc = wp->st->pc;
	struct text_out t;
	char *msg, *text;
	size_t len;

	if (wp->action == TNC_ACTION_SILENTLY_CONTINUE ||
	    wp->action == TNC_ACTION_IGNORE)
		return PROC_OK;
	msg = pipeline_error_target(v);		/* the String it binds */
	if (msg == NULL)
		return cmd_nomem(&wp->base, wp->rt);
	text_out_linef(host_err(h), "WARNING: %s", msg);
	host_err_done(h);
	if (wp->action != TNC_ACTION_STOP) {
		free(msg);
		return PROC_OK;
	}
	text_out_init_buffer(&t, h->nl);
	report_warning_stop(msg, h->script, pc->offset, pc->length, &t);
	text = text_out_take(&t, &len);
	text_out_free(&t);
	if (text == NULL) {
		free(msg);
		return cmd_nomem(&wp->base, wp->rt);
	}
	host_worst(h, TNC_EXIT_FAILED);
	proc_fail(&wp->base, text);
	proc_fail_message(&wp->base, report_warning_stop_message(msg));
	free(msg);
	return PROC_FAIL;
}

static enum proc_rc
write_warning_process(struct proc *p, struct psobj_value *v)
{
	struct write_warning_proc *wp = (struct write_warning_proc *)p;
	const struct psobj_value *in;
	enum proc_rc rc = PROC_OK;

	in = cmd_param_input_value(&wp->in, &wp->rt->host, v);
	if (in != NULL)
		rc = warn(wp, in);
	if (v != NULL)
		psobj_value_free(v);
	return rc;
}

static void
write_warning_free(struct proc *p)
{
	struct write_warning_proc *wp = (struct write_warning_proc *)p;

	cmd_param_input_free(&wp->in);
	free(wp);
}

static const struct proc_ops write_warning_ops = {
	.process = write_warning_process,
	.end = cmd_end_nothing,
	.free = write_warning_free,
};

static struct proc *
write_warning_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct write_warning_proc *wp = calloc(1, sizeof(*wp));
	const struct ps_bound *v;

	(void)err;
	(void)errlen;
	if (wp == NULL)
		return NULL;
	wp->base.ops = &write_warning_ops;
	wp->rt = rt;
	wp->st = st;
	v = ps_binding_get(&st->b, "WarningAction");
	wp->action = v->present ? v->i : TNC_ACTION_CONTINUE;
	if (cmd_param_input_init(&wp->in, st, "Message") != 0) {
		write_warning_free(&wp->base);
		return NULL;
	}
	return &wp->base;
}

static const char *const write_warning_runs[] = { "Message", NULL };

const struct command_def write_warning_def = {
	.cmd = PIPE_CMD_WRITE_WARNING,
	.runs = write_warning_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.make = write_warning_make,
};
