/*
 * cmd_out.c: where pipelines end.  Out-Default (and Out-Host) prints
 * objects through the streaming formatter and format text as it is;
 * Out-Null drops everything; a collector keeps the values for a
 * parenthesized pipeline; Out-String turns the formatted text into
 * strings (one at the end, or one per line with -Stream).
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
#include "runtime/values.h"

/* ---------------------------------------------------------------------- */
/* Out-Default */

struct out_default_proc {
	struct proc base;
	struct runtime *rt;
	struct text_out *to;		/* the host's stdout, or Out-String's buffer */
	size_t	columns;
	struct formatter *f;		/* NULL until an object comes */
};

static enum proc_rc
out_nomem(struct proc *p, struct runtime *rt)
{
	host_note(&rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	return proc_fail(p, NULL);
}

/*
 * A formatter failed: out of memory, or a write to stdout failed, which
 * host_finish() tells once at the end with its errno (exit status 4).
 */
static enum proc_rc
out_failed(struct proc *p, struct out_default_proc *od)
{
	if (od->to->error != 0 && od->to->error != ENOMEM)
		return PROC_OK;
	return out_nomem(p, od->rt);
}

/* Closes the open group (before format text, and at the end). */
static int
out_default_close(struct out_default_proc *od)
{
	int rc = 0;

	if (od->f != NULL) {
		rc = formatter_end(od->f);
		formatter_free(od->f);
		od->f = NULL;
	}
	return rc;
}

/* Prints (or, in Out-String, buffers) one value: its shape's lines. */
static int
out_default_value(struct out_default_proc *od, const struct psobj_value *v)
{
	struct format_spec spec = { .columns = od->columns,
		.now_ms = od->rt->host.now_ms };
	char err[256];

	if (is_format_text(v)) {
		if (out_default_close(od) != 0)
			return -1;
		text_out_raw(od->to, v->s, strlen(v->s));
		return od->to->error == ENOMEM ? -1 : 0;
	}
	if (od->f == NULL) {
		od->f = formatter_new(FORMATTER_OUT_DEFAULT, &spec,
		    od->rt->host.ed, od->to, err, sizeof(err));
		if (od->f == NULL)
			return -1;
	}
	return formatter_add(od->f, v, err, sizeof(err));
}

static enum proc_rc
out_default_process(struct proc *p, struct psobj_value *v)
{
	struct out_default_proc *od = (struct out_default_proc *)p;
	int rc;

	if (v == NULL)
		return PROC_OK;
	rc = out_default_value(od, v);
	psobj_value_free(v);
	return rc == 0 ? PROC_OK : out_failed(p, od);
}

static enum proc_rc
out_default_end(struct proc *p)
{
	struct out_default_proc *od = (struct out_default_proc *)p;

	return out_default_close(od) == 0 ? PROC_OK : out_failed(p, od);
}

static void
out_default_free(struct proc *p)
{
	struct out_default_proc *od = (struct out_default_proc *)p;

	formatter_free(od->f);
	free(od);
}

static const struct proc_ops out_default_ops = {
	.process = out_default_process,
	.end = out_default_end,
	.free = out_default_free,
};

static struct out_default_proc *
out_default_alloc(struct runtime *rt, struct text_out *to, size_t columns)
{
	struct out_default_proc *od = calloc(1, sizeof(*od));

	if (od == NULL)
		return NULL;
	od->base.ops = &out_default_ops;
	od->rt = rt;
	od->to = to;
	od->columns = columns;
	return od;
}

struct proc *
out_default_into(struct runtime *rt, struct text_out *to, size_t columns)
{
	struct out_default_proc *od = out_default_alloc(rt, to, columns);

	return od != NULL ? &od->base : NULL;
}

int
out_default_format(struct proc *p, const struct psobj_value *v)
{
	return out_default_value((struct out_default_proc *)p, v);
}

int
out_default_close_group(struct proc *p)
{
	return out_default_close((struct out_default_proc *)p);
}

struct proc *
cmd_out_default_new(struct runtime *rt)
{
	struct out_default_proc *od = out_default_alloc(rt, &rt->host.out, 0);

	return od != NULL ? &od->base : NULL;
}

/* ---------------------------------------------------------------------- */
/* Out-Null and the collector */

struct collector {
	struct proc base;
	bool	keep;			/* false: Out-Null */
	struct value_list kept;
};

static enum proc_rc
collector_process(struct proc *p, struct psobj_value *v)
{
	struct collector *c = (struct collector *)p;

	if (v == NULL)
		return PROC_OK;
	if (!c->keep) {
		psobj_value_free(v);
		return PROC_OK;
	}
	if (value_list_push(&c->kept, v) != 0)
		return out_nomem(p, p->pl->rt);
	return PROC_OK;
}

static enum proc_rc
collector_end(struct proc *p)
{
	(void)p;
	return PROC_OK;
}

static void
collector_free(struct proc *p)
{
	struct collector *c = (struct collector *)p;

	value_list_free(&c->kept);
	free(c);
}

static const struct proc_ops collector_ops = {
	.process = collector_process,
	.end = collector_end,
	.free = collector_free,
};

static struct proc *
collector_alloc(bool keep)
{
	struct collector *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->base.ops = &collector_ops;
	c->keep = keep;
	return &c->base;
}

struct proc *
collector_new(void)
{
	return collector_alloc(true);
}

static struct proc *
out_null_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	(void)rt;
	(void)st;
	(void)err;
	(void)errlen;
	return collector_alloc(false);
}

void
collector_take(struct proc *p, struct psobj_value **vals, size_t *n)
{
	struct collector *c = (struct collector *)p;

	*vals = c->kept.v;
	*n = c->kept.n;
	memset(&c->kept, 0, sizeof(c->kept));
}

/* ---------------------------------------------------------------------- */
/* A forwarder: a statement's output into the script's one Out-Default */

struct forward_proc {
	struct proc base;
	struct proc *to;
};

static enum proc_rc
forward_process(struct proc *p, struct psobj_value *v)
{
	struct forward_proc *fw = (struct forward_proc *)p;

	if (v == NULL)
		return PROC_OK;
	return fw->to->ops->process(fw->to, v);
}

static enum proc_rc
forward_end(struct proc *p)
{
	(void)p;		/* the target ends with the script, not here */
	return PROC_OK;
}

static void
forward_free(struct proc *p)
{
	free(p);
}

static const struct proc_ops forward_ops = {
	.process = forward_process,
	.end = forward_end,
	.free = forward_free,
};

struct proc *
forward_new(struct proc *to)
{
	struct forward_proc *fw = calloc(1, sizeof(*fw));

	if (fw == NULL)
		return NULL;
	fw->base.ops = &forward_ops;
	fw->to = to;
	return &fw->base;
}

/* ---------------------------------------------------------------------- */
/* Out-String */

struct out_string_proc {
	struct proc base;
	struct runtime *rt;
	bool	stream;
	struct text_out buf;
	struct out_default_proc *od;	/* formats into buf */
};

/* -Stream: each whole line in buf becomes a string of its own. */
static enum proc_rc
out_string_lines(struct out_string_proc *os)
{
	const char *nl = os->buf.nl;
	size_t nll = strlen(nl), len;
	char *text = text_out_take(&os->buf, &len), *p, *e, *line;
	struct psobj_value v;
	enum proc_rc rc = PROC_OK;

	if (text == NULL)
		return out_nomem(&os->base, os->rt);
	for (p = text; rc == PROC_OK && *p != '\0'; p = e + nll) {
		e = strstr(p, nl);
		if (e == NULL) {	/* a last line without its newline */
			e = p + strlen(p);
			nll = 0;
		}
		line = strndup(p, (size_t)(e - p));
		if (line == NULL || psobj_string(&v, line) != 0) {
			free(line);
			free(text);
			return out_nomem(&os->base, os->rt);
		}
		free(line);
		rc = proc_emit(&os->base, &v);
	}
	free(text);
	return rc;
}

static enum proc_rc
out_string_process(struct proc *p, struct psobj_value *v)
{
	struct out_string_proc *os = (struct out_string_proc *)p;
	int rc;

	if (v == NULL)
		return PROC_OK;
	rc = out_default_value(os->od, v);
	psobj_value_free(v);
	if (rc != 0)
		return out_nomem(p, os->rt);
	return os->stream ? out_string_lines(os) : PROC_OK;
}

static enum proc_rc
out_string_end(struct proc *p)
{
	struct out_string_proc *os = (struct out_string_proc *)p;
	struct psobj_value v;
	size_t len;
	char *text;

	if (out_default_close(os->od) != 0)
		return out_nomem(p, os->rt);
	if (os->stream)
		return out_string_lines(os);
	/* one string, every line with its newline, envelope and all */
	text = text_out_take(&os->buf, &len);
	if (text == NULL || psobj_string(&v, text) != 0) {
		free(text);
		return out_nomem(p, os->rt);
	}
	free(text);
	return proc_emit(p, &v);
}

static void
out_string_free(struct proc *p)
{
	struct out_string_proc *os = (struct out_string_proc *)p;

	if (os->od != NULL)
		out_default_free(&os->od->base);
	text_out_free(&os->buf);
	free(os);
}

static const struct proc_ops out_string_ops = {
	.process = out_string_process,
	.end = out_string_end,
	.free = out_string_free,
};

/* Out-String's settings */
struct out_string_cfg {
	bool	stream;			/* -Stream */
	size_t	width;			/* -Width; 0: the default */
};

static struct proc *
out_string_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	const struct out_string_cfg *cfg = st->cfg;
	struct out_string_proc *os = calloc(1, sizeof(*os));

	(void)err;
	(void)errlen;
	if (os == NULL)
		return NULL;
	os->base.ops = &out_string_ops;
	os->rt = rt;
	os->stream = cfg->stream;
	text_out_init_buffer(&os->buf, rt->host.nl);
	os->od = out_default_alloc(rt, &os->buf, cfg->width);
	if (os->od == NULL) {
		free(os);
		return NULL;
	}
	return &os->base;
}

static struct proc *
out_default_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	(void)st;
	(void)err;
	(void)errlen;
	return cmd_out_default_new(rt);
}

static int
out_string_configure(struct stage *st, struct ps_error *e)
{
	struct out_string_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	cfg->stream = ps_binding_get(&st->b, "Stream")->sw;
	if ((v = ps_binding_get(&st->b, "Width"))->present)
		cfg->width = (size_t)v->i;
	return 0;
}

static const char *const out_string_runs[] = { "Stream", "Width", NULL };
static const char *const none_runs[] = { NULL };

const struct command_def out_string_def = {
	.cmd = PIPE_CMD_OUT_STRING,
	.runs = out_string_runs,
	.position = CMD_ANYWHERE,
	.takes_format_text = true,
	.configure = out_string_configure,
	.make = out_string_make,
};

const struct command_def out_default_def = {
	.cmd = PIPE_CMD_OUT_DEFAULT,
	.runs = none_runs,
	.position = CMD_LAST,
	.takes_format_text = true,
	.make = out_default_make,
};

const struct command_def out_null_def = {
	.cmd = PIPE_CMD_OUT_NULL,
	.runs = none_runs,
	.position = CMD_LAST,
	.takes_format_text = true,
	.make = out_null_make,
};
