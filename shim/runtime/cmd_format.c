/*
 * cmd_format.c: Format-List and Format-Table as processors.  Each object
 * goes through the streaming formatter into a buffer, and whatever lines
 * became final pass on as one format-text value (Out-Default prints it,
 * Out-String joins it), so a list entry leaves as soon as its object came
 * in, and a table's rows as soon as its widths are fixed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "objects/object_format.h"
#include "runtime/command_defs.h"
#include "runtime/context.h"
#include "runtime/processors.h"

static const char format_text_type[] = "tnc.FormatText";

bool
is_format_text(const struct psobj_value *v)
{
	return v->kind == PSOBJ_STRING && v->type == format_text_type;
}

int
format_text_value(struct psobj_value *v, char *text)
{
	int rc = psobj_string(v, text);

	free(text);
	if (rc != 0)
		return -1;
	v->type = format_text_type;
	return 0;
}

struct format_proc {
	struct proc base;
	struct runtime *rt;
	struct text_out buf;
	struct formatter *f;
};

/* Passes on what the formatter wrote since the last time, if anything. */
static enum proc_rc
format_flush(struct format_proc *fp)
{
	struct psobj_value v;
	size_t len;
	char *text = text_out_take(&fp->buf, &len);

	if (text == NULL || (len > 0 && format_text_value(&v, text) != 0)) {
		host_note(&fp->rt->host, TNC_EXIT_SYSTEM, "%s",
		    strerror(ENOMEM));
		return proc_fail(&fp->base, NULL);
	}
	if (len == 0) {
		free(text);
		return PROC_OK;
	}
	return proc_emit(&fp->base, &v);
}

static enum proc_rc
format_process(struct proc *p, struct psobj_value *v)
{
	struct format_proc *fp = (struct format_proc *)p;
	char err[512];
	int rc;

	if (v == NULL)
		return PROC_OK;
	rc = formatter_add(fp->f, v, err, sizeof(err));
	psobj_value_free(v);
	if (rc != 0) {
		host_note(&fp->rt->host, TNC_EXIT_SYSTEM, "%s", err);
		return proc_fail(p, NULL);
	}
	return format_flush(fp);
}

static enum proc_rc
format_end(struct proc *p)
{
	struct format_proc *fp = (struct format_proc *)p;

	if (formatter_end(fp->f) != 0) {
		host_note(&fp->rt->host, TNC_EXIT_SYSTEM, "%s",
		    strerror(ENOMEM));
		return proc_fail(p, NULL);
	}
	return format_flush(fp);
}

static void
format_free(struct proc *p)
{
	struct format_proc *fp = (struct format_proc *)p;

	formatter_free(fp->f);
	text_out_free(&fp->buf);
	free(fp);
}

static const struct proc_ops format_ops = {
	.process = format_process,
	.end = format_end,
	.free = format_free,
};

static struct proc *
format_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct format_proc *fp = calloc(1, sizeof(*fp));
	struct format_spec spec = *(const struct format_spec *)st->cfg;

	if (fp == NULL)
		return NULL;
	fp->base.ops = &format_ops;
	fp->rt = rt;
	text_out_init_buffer(&fp->buf, rt->host.nl);
	spec.now_ms = rt->host.now_ms;
	fp->f = formatter_new(st->cmd == PIPE_CMD_FORMAT_LIST ?
	    FORMATTER_LIST : FORMATTER_TABLE, &spec, rt->host.ed, &fp->buf,
	    err, errlen);
	if (fp->f == NULL) {
		free(fp);
		return NULL;
	}
	return &fp->base;
}

/* -Property (already in st->props), and Format-Table's -AutoSize */
static int
format_configure(struct stage *st, struct ps_error *e)
{
	struct format_spec *fs = calloc(1, sizeof(*fs));

	if (fs == NULL)
		return ps_error_no_memory(e);
	st->cfg = fs;
	st->cfg_free = free;
	fs->props = (const char *const *)st->props;
	fs->nprops = st->nprops;
	if (st->cmd == PIPE_CMD_FORMAT_TABLE)
		fs->autosize = ps_binding_get(&st->b, "AutoSize")->sw;
	return 0;
}

static const char *const format_list_runs[] = { "Property", NULL };
static const char *const format_table_runs[] = { "Property", "AutoSize",
	NULL };

const struct command_def format_list_def = {
	.cmd = PIPE_CMD_FORMAT_LIST,
	.runs = format_list_runs,
	.position = CMD_ANYWHERE,
	.configure = format_configure,
	.make = format_make,
};

const struct command_def format_table_def = {
	.cmd = PIPE_CMD_FORMAT_TABLE,
	.runs = format_table_runs,
	.position = CMD_ANYWHERE,
	.configure = format_configure,
	.make = format_make,
};
