/*
 * cmd_out_file.c: Out-File: its input formatted as Out-Default formats it
 * (the same streaming formatter, at -Width columns, 120 by default: the
 * width 5.1 takes when there is no console), written to a file where the
 * script says (text_file.h), each object as it comes.  Nothing on stdout.
 *
 * As 5.1's OutFileCommand: the file is opened before any input (a
 * missing directory ends the statement before a test is sent), -Encoding
 * defaults to Unicode (UTF-16LE with its mark, even when appending to a
 * file in another encoding), the mark is written with the first object
 * (no input at all leaves an empty file), -NoNewline joins every line,
 * envelope lines too.  Line ends are the run's (-NewLine; LF by default).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/processors.h"
#include "runtime/text_file.h"

/* Out-File's settings */
struct out_file_cfg {
	const char *path;		/* -FilePath or -LiteralPath */
	bool	append, force, no_clobber, no_newline;
	size_t	width;			/* 0: the formatter's default */
	enum text_encoding_out enc;
};

struct out_file_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct out_file_cfg *cfg;
	struct text_file file;
	bool	opened;
	bool	processed;		/* ProcessRecord ran: the mark is due */
	struct text_out buf;		/* what the formatter wrote */
	struct proc *od;		/* the formatter */
	struct cmd_param_input in;	/* -InputObject */
};

/* A write that failed: the machine's (a full disk), said; exit 4. */
static enum proc_rc
out_file_failed(struct out_file_proc *fp, const char *what)
{
	host_note(&fp->rt->host, TNC_EXIT_SYSTEM, "Out-File: cannot %s %s: %s",
	    what, fp->file.path != NULL ? fp->file.path : fp->cfg->path,
	    strerror(errno));
	return proc_fail(&fp->base, NULL);
}

/* The formatter's text so far into the file (the mark first). */
static enum proc_rc
out_file_drain(struct out_file_proc *fp)
{
	size_t len;
	char *text = text_out_take(&fp->buf, &len);

	if (text == NULL)
		return cmd_nomem(&fp->base, fp->rt);
	if (text_file_write(&fp->file, text, len) != 0) {
		free(text);
		return out_file_failed(fp, "write");
	}
	free(text);
	return PROC_OK;
}

static enum proc_rc
out_file_begin(struct proc *p)
{
	struct out_file_proc *fp = (struct out_file_proc *)p;
	const struct out_file_cfg *cfg = fp->cfg;
	struct text_file_open o = { .path = cfg->path, .append = cfg->append,
		.force = cfg->force, .no_clobber = cfg->no_clobber,
		.enc = cfg->enc, .meta = fp->st->meta, .pc = fp->st->pc,
		.here_only = fp->rt->files_here_only };
	struct ps_error e = { 0 };

	if (text_file_open(&fp->file, &o, &e) == 0) {
		fp->opened = true;
		return PROC_OK;
	}
	if (e.message == NULL && !e.out_of_memory)
		return out_file_failed(fp, "open");
	return cmd_fail_error(p, fp->rt, &e, true);	/* ThrowTerminatingError */
}

static enum proc_rc
out_file_process(struct proc *p, struct psobj_value *v)
{
	struct out_file_proc *fp = (struct out_file_proc *)p;
	const struct psobj_value *in;
	int rc = 0;

	fp->processed = true;
	in = cmd_param_input_value(&fp->in, &fp->rt->host, v);
	if (in != NULL)
		rc = out_default_format(fp->od, in);
	if (v != NULL)
		psobj_value_free(v);
	if (rc != 0)
		return cmd_nomem(p, fp->rt);
	return out_file_drain(fp);	/* StreamWriter.Flush() per record */
}

static enum proc_rc
out_file_end(struct proc *p)
{
	struct out_file_proc *fp = (struct out_file_proc *)p;
	enum proc_rc rc = PROC_OK;

	if (fp->processed) {		/* 5.1: no record, no envelope, no mark */
		if (out_default_close_group(fp->od) != 0)
			return cmd_nomem(p, fp->rt);
		rc = out_file_drain(fp);
	}
	fp->opened = false;
	if (text_file_close(&fp->file) != 0 && rc == PROC_OK)
		return out_file_failed(fp, "close");
	return rc;
}

static void
out_file_free(struct proc *p)
{
	struct out_file_proc *fp = (struct out_file_proc *)p;

	if (fp->opened)
		text_file_close(&fp->file);
	if (fp->od != NULL)
		fp->od->ops->free(fp->od);
	text_out_free(&fp->buf);
	cmd_param_input_free(&fp->in);
	free(fp);
}

static const struct proc_ops out_file_ops = {
	.begin = out_file_begin,
	.process = out_file_process,
	.end = out_file_end,
	.free = out_file_free,
};

static struct proc *
out_file_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct out_file_proc *fp = calloc(1, sizeof(*fp));

	(void)err;
	(void)errlen;
	if (fp == NULL)
		return NULL;
	fp->base.ops = &out_file_ops;
	fp->rt = rt;
	fp->st = st;
	fp->cfg = st->cfg;
	text_out_init_buffer(&fp->buf, rt->host.nl);
	if (fp->cfg->no_newline)
		fp->buf.nl = "";	/* TextWriterLineOutput: Write, not WriteLine */
	fp->od = out_default_into(rt, &fp->buf, fp->cfg->width);
	if (fp->od == NULL ||
	    cmd_param_input_init(&fp->in, st, "InputObject") != 0) {
		out_file_free(&fp->base);
		return NULL;
	}
	return &fp->base;
}

static int
out_file_configure(struct stage *st, struct ps_error *e)
{
	struct out_file_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	if (cmd_refuse_prompts(st, e) != 0)
		return -1;
	v = ps_binding_get(&st->b, "LiteralPath");
	if (!v->present)
		v = ps_binding_get(&st->b, "FilePath");
	cfg->path = v->s;
	cfg->append = ps_binding_get(&st->b, "Append")->sw;
	cfg->force = ps_binding_get(&st->b, "Force")->sw;
	cfg->no_clobber = ps_binding_get(&st->b, "NoClobber")->sw;
	cfg->no_newline = ps_binding_get(&st->b, "NoNewline")->sw;
	if ((v = ps_binding_get(&st->b, "Width"))->present)
		cfg->width = (size_t)v->i;
	cfg->enc = TEXT_OUT_UTF16LE;
	v = ps_binding_get(&st->b, "Encoding");
	if (v->present && text_encoding_named(v->s, &cfg->enc) != 0)
		return ps_error_parse(e, "ParameterNotSupported",
		    v->value->offset, v->value->length, "The encoding '%s' of "
		    "Out-File is not supported by tnc.", v->s);
	return 0;
}

static const char *const out_file_runs[] = { "FilePath", "LiteralPath",
	"Encoding", "Append", "Force", "NoClobber", "Width", "NoNewline",
	"InputObject", NULL };

const struct command_def out_file_def = {
	.cmd = PIPE_CMD_OUT_FILE,
	.runs = out_file_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.error_stop = true,		/* its errors are terminating anyway */
	.takes_format_text = true,
	.configure = out_file_configure,
	.make = out_file_make,
};
