/*
 * cmd_convert.c: ConvertTo-Json (waits for all its input, as it does in
 * PowerShell: one input is one value, several an array) and ConvertTo-Csv
 * (streams: the type and header lines with the first object, then a line
 * per object).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "objects/convert_csv.h"
#include "objects/convert_json.h"
#include "runtime/command_defs.h"
#include "runtime/context.h"
#include "runtime/processors.h"
#include "runtime/values.h"

/* ConvertTo-Json's settings */
struct json_cfg {
	int	depth;
	bool	compress;
};

/* ConvertTo-Csv's settings */
struct csv_cfg {
	bool	no_type_info;
	char	delim;
};

struct convert_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	struct value_list kept;		/* JSON: everything */
	bool	started;		/* CSV: the columns are set */
	struct csv_columns cols;
};

static enum proc_rc
convert_nomem(struct convert_proc *cp)
{
	host_note(&cp->rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	return proc_fail(&cp->base, NULL);
}

/* A line of text (taken over; NULL: ENOMEM) as a string downstream. */
static enum proc_rc
convert_emit_text(struct convert_proc *cp, char *text)
{
	struct psobj_value v;

	if (text == NULL || psobj_string(&v, text) != 0) {
		free(text);
		return convert_nomem(cp);
	}
	free(text);
	return proc_emit(&cp->base, &v);
}

static enum proc_rc
json_process(struct proc *p, struct psobj_value *v)
{
	struct convert_proc *cp = (struct convert_proc *)p;

	if (v == NULL)
		return PROC_OK;
	return value_list_push(&cp->kept, v) == 0 ? PROC_OK :
	    convert_nomem(cp);
}

static enum proc_rc
json_end(struct proc *p)
{
	struct convert_proc *cp = (struct convert_proc *)p;
	const char *nl = cp->rt->host.nl == TNC_NEWLINE_CRLF ? "\r\n" : "\n";
	char *text;

	const struct json_cfg *cfg = cp->st->cfg;

	if (convert_to_json(cp->kept.v, cp->kept.n, cfg->depth, cfg->compress,
	    nl, &text) != 0)
		return convert_nomem(cp);
	if (text == NULL)		/* no input: no output */
		return PROC_OK;
	return convert_emit_text(cp, text);
}

static enum proc_rc
csv_process(struct proc *p, struct psobj_value *v)
{
	struct convert_proc *cp = (struct convert_proc *)p;
	const struct csv_cfg *cfg = cp->st->cfg;
	enum proc_rc rc = PROC_OK;
	char *line;

	if (v == NULL)
		return PROC_OK;
	if (v->kind == PSOBJ_NULL) {	/* null inputs are skipped */
		psobj_value_free(v);
		return PROC_OK;
	}
	if (!cp->started) {
		/* the first object sets the columns */
		cp->started = true;
		if (csv_columns_of(v, &cp->cols) != 0) {
			psobj_value_free(v);
			return convert_nomem(cp);
		}
		if (!cfg->no_type_info)
			rc = convert_emit_text(cp, convert_csv_type_line(v));
		if (rc == PROC_OK)
			rc = convert_emit_text(cp, csv_header_line(&cp->cols,
			    cfg->delim));
	}
	line = rc == PROC_OK ? csv_row_line(&cp->cols, v, cfg->delim) : NULL;
	psobj_value_free(v);
	return rc == PROC_OK ? convert_emit_text(cp, line) : rc;
}

static enum proc_rc
convert_end_nothing(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

static void
convert_free(struct proc *p)
{
	struct convert_proc *cp = (struct convert_proc *)p;

	value_list_free(&cp->kept);
	csv_columns_free(&cp->cols);
	free(cp);
}

static const struct proc_ops json_ops = {
	.process = json_process,
	.end = json_end,
	.free = convert_free,
};

static const struct proc_ops csv_ops = {
	.process = csv_process,
	.end = convert_end_nothing,
	.free = convert_free,
};

static struct proc *
convert_new(struct runtime *rt, const struct stage *st,
    const struct proc_ops *ops)
{
	struct convert_proc *cp = calloc(1, sizeof(*cp));

	if (cp == NULL)
		return NULL;
	cp->base.ops = ops;
	cp->rt = rt;
	cp->st = st;
	return &cp->base;
}

static struct proc *
json_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	(void)err;
	(void)errlen;
	return convert_new(rt, st, &json_ops);
}

static struct proc *
csv_make(struct runtime *rt, const struct stage *st, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	return convert_new(rt, st, &csv_ops);
}

static int
json_configure(struct stage *st, struct ps_error *e)
{
	struct json_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	cfg->depth = JSON_DEFAULT_DEPTH;
	if ((v = ps_binding_get(&st->b, "Depth"))->present)
		cfg->depth = (int)v->i;
	cfg->compress = ps_binding_get(&st->b, "Compress")->sw;
	return 0;
}

int
csv_delimiter(const struct stage *st, char *delim, struct ps_error *e)
{
	const struct ps_bound *v = ps_binding_get(&st->b, "Delimiter");

	*delim = ',';		/* also -UseCulture's: en-US's ListSeparator */
	if (!v->present)
		return 0;
	if (strlen(v->s) != 1)
		return ps_error_bind(e, st->meta->name, st->meta->type_name,
		    "InvalidArgument", "ParameterBindingException",
		    "CannotConvertArgumentNoMessage", v->value->offset,
		    v->value->length, "Cannot bind parameter 'Delimiter'. "
		    "Cannot convert value \"%s\" to type \"System.Char\". "
		    "Error: \"String must be exactly one character long.\"",
		    v->s);
	*delim = v->s[0];
	return 0;
}

/* -NoTypeInformation, -Delimiter, -UseCulture */
static int
csv_configure(struct stage *st, struct ps_error *e)
{
	struct csv_cfg *cfg = calloc(1, sizeof(*cfg));

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	cfg->no_type_info = ps_binding_get(&st->b, "NoTypeInformation")->sw;
	return csv_delimiter(st, &cfg->delim, e);
}

static const char *const json_runs[] = { "Depth", "Compress", NULL };
static const char *const csv_runs[] = { "NoTypeInformation", "Delimiter",
	"UseCulture", NULL };

const struct command_def convertto_json_def = {
	.cmd = PIPE_CMD_CONVERTTO_JSON,
	.runs = json_runs,
	.position = CMD_ANYWHERE,
	.configure = json_configure,
	.make = json_make,
};

const struct command_def convertto_csv_def = {
	.cmd = PIPE_CMD_CONVERTTO_CSV,
	.runs = csv_runs,
	.position = CMD_ANYWHERE,
	.configure = csv_configure,
	.make = csv_make,
};
