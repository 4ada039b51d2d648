/*
 * cmd_export_csv.c: Export-Csv (epcsv): ConvertTo-Csv's lines
 * (convert_csv.h), one object at a time, into a file (text_file.h).
 *
 * As 5.1's ExportCsvCommand: the file is opened before any input, in
 * ASCII unless -Encoding says otherwise; the first object sets the
 * columns, writes "#TYPE <type>" (unless -NoTypeInformation) and the
 * header; null inputs are skipped.  -Append to a file that has content
 * writes no header: the file's header sets the columns, each of them must
 * be a property of the first object (else 5.1's
 * CannotAppendCsvWithMismatchedPropertyNames, unless -Force), and the
 * file's own encoding (its byte-order mark; without one -Encoding, else
 * UTF-8) is kept.  The mark of a new file is written even without input
 * (5.1 flushes at the end).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "objects/convert_csv.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/processors.h"
#include "runtime/text_file.h"

/* Export-Csv's settings */
struct export_csv_cfg {
	const char *path;		/* -Path or -LiteralPath */
	bool	both_paths;		/* neither or both given */
	bool	append, force, no_clobber, no_type_info;
	bool	has_enc;		/* -Encoding given */
	enum text_encoding_out enc;
	char	delim;
};

struct export_csv_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct export_csv_cfg *cfg;
	struct text_file file;
	bool	opened;
	bool	appending;		/* -Append to a file with content */
	struct csv_columns file_cols;	/* appending: the file's header */
	enum text_encoding_out file_enc;	/* appending: the file's */
	bool	started;		/* the columns are set */
	struct csv_columns cols;
	struct cmd_param_input in;	/* -InputObject */
};

/* A failure of the machine's (a full disk, EMFILE), said; exit 4. */
static enum proc_rc
export_failed(struct export_csv_proc *xp, const char *what)
{
	host_note(&xp->rt->host, TNC_EXIT_SYSTEM, "Export-Csv: cannot %s %s: %s",
	    what, xp->cfg->path, strerror(errno));
	return proc_fail(&xp->base, NULL);
}

/* A terminating error of the command: its statement ends. */
static enum proc_rc
export_terminate(struct export_csv_proc *xp, struct ps_error *e)
{
	return cmd_fail_error(&xp->base, xp->rt, e, true);
}

/* One line (taken over; NULL: ENOMEM) and its end into the file. */
static enum proc_rc
export_line(struct export_csv_proc *xp, char *line)
{
	const char *nl = xp->rt->host.nl == TNC_NEWLINE_CRLF ? "\r\n" : "\n";
	int rc;

	if (line == NULL)
		return cmd_nomem(&xp->base, xp->rt);
	rc = text_file_write(&xp->file, line, strlen(line));
	free(line);
	if (rc == 0)
		rc = text_file_write(&xp->file, nl, strlen(nl));
	return rc == 0 ? PROC_OK : export_failed(xp, "write");
}

/*
 * -Append to a file with content: its header line (after a "#TYPE"
 * line), and the encoding it is in.  0, or -1 (errno).
 */
static int
read_file_header(struct export_csv_proc *xp, const char *resolved)
{
	const struct export_csv_cfg *cfg = xp->cfg;
	enum text_encoding_out enc;
	char *text, *line, *end;
	int got;

	got = text_file_head(resolved, cfg->has_enc ? cfg->enc :
	    TEXT_OUT_UTF8_NO_BOM, &enc, &text);
	if (got <= 0)
		return got;		/* no file: a plain export */
	line = text;
	if (strncasecmp(line, "#TYPE", 5) == 0 && (end = strchr(line, '\n')))
		line = end + 1;
	line[strcspn(line, "\r\n")] = '\0';
	if (text[0] != '\0') {		/* StreamReader.Peek() found text */
		xp->appending = true;
		xp->file_enc = enc;
		got = csv_columns_parse(line, cfg->delim, &xp->file_cols);
	}
	free(text);
	return got < 0 ? -1 : 0;
}

static enum proc_rc
export_csv_begin(struct proc *p)
{
	struct export_csv_proc *xp = (struct export_csv_proc *)p;
	const struct export_csv_cfg *cfg = xp->cfg;
	const struct ps_command *pc = xp->st->pc;
	struct text_file_open o = { .path = cfg->path, .append = cfg->append,
		.force = cfg->force, .no_clobber = cfg->no_clobber,
		.enc = cfg->enc, .meta = xp->st->meta, .pc = pc,
		.here_only = xp->rt->files_here_only };
	struct ps_error e = { 0 };
	char *resolved;
	int rc = 0;

	if (cfg->both_paths) {
		ps_error_bind(&e, xp->st->meta->name, xp->st->meta->type_name,
		    "InvalidData", "InvalidOperationException",
		    "CannotSpecifyPathAndLiteralPath", pc->offset, pc->length,
		    "You must specify either the -Path or -LiteralPath "
		    "parameters, but not both.");
		return export_terminate(xp, &e);
	}
	if (cfg->append) {
		if ((resolved = text_file_resolve(cfg->path)) == NULL)
			return cmd_nomem(p, xp->rt);
		/* (fuzzing: elsewhere, the open below refuses it unread) */
		if (o.here_only && !text_file_here(resolved))
			rc = -1, errno = EACCES;
		else
			rc = read_file_header(xp, resolved);
		free(resolved);
		/* a file it cannot read: the open below says why, as 5.1 */
		if (rc != 0 && errno != EACCES && errno != EISDIR &&
		    errno != ENOTDIR)
			return export_failed(xp, "read");
		if (xp->appending)
			o.enc = xp->file_enc;
	}
	if (text_file_open(&xp->file, &o, &e) != 0)
		return e.message != NULL || e.out_of_memory ?
		    export_terminate(xp, &e) : export_failed(xp, "open");
	xp->opened = true;
	return PROC_OK;
}

/*
 * The columns an append writes under: the file's, each of which the
 * object must have (5.1's ReconcilePreexistingPropertyNames) unless -Force.
 */
static enum proc_rc
reconcile_columns(struct export_csv_proc *xp)
{
	const struct ps_command *pc = xp->st->pc;
	struct ps_error e = { 0 };
	size_t i;

	for (i = 0; i < xp->file_cols.n && !xp->cfg->force; i++) {
		if (csv_column_find(&xp->cols, xp->file_cols.names[i]) >= 0)
			continue;
		ps_error_bind(&e, xp->st->meta->name, xp->st->meta->type_name,
		    "InvalidData", "InvalidOperationException",
		    "CannotAppendCsvWithMismatchedPropertyNames", pc->offset,
		    pc->length, "Cannot append CSV content to the following "
		    "file: %s. The appended object does not have a property "
		    "that corresponds to the following column: %s. To continue "
		    "with mismatched properties, add the -Force parameter, and "
		    "then retry the command.", xp->cfg->path,
		    xp->file_cols.names[i]);
		ps_error_set_target(&e, xp->file_cols.names[i], "String");
		return export_terminate(xp, &e);
	}
	csv_columns_free(&xp->cols);
	xp->cols = xp->file_cols;
	memset(&xp->file_cols, 0, sizeof(xp->file_cols));
	return PROC_OK;
}

/* The first object: the columns, and the lines above the rows. */
static enum proc_rc
export_start(struct export_csv_proc *xp, const struct psobj_value *first)
{
	enum proc_rc rc = PROC_OK;

	xp->started = true;
	if (csv_columns_of(first, &xp->cols) != 0)
		return cmd_nomem(&xp->base, xp->rt);
	if (xp->appending)
		return reconcile_columns(xp);
	if (!xp->cfg->no_type_info)
		rc = export_line(xp, convert_csv_type_line(first));
	if (rc == PROC_OK)
		rc = export_line(xp, csv_header_line(&xp->cols,
		    xp->cfg->delim));
	return rc;
}

static enum proc_rc
export_csv_process(struct proc *p, struct psobj_value *v)
{
	struct export_csv_proc *xp = (struct export_csv_proc *)p;
	const struct psobj_value *in;
	enum proc_rc rc = PROC_OK;

	in = cmd_param_input_value(&xp->in, &xp->rt->host, v);
	if (in != NULL && in->kind != PSOBJ_NULL) {
		if (!xp->started)
			rc = export_start(xp, in);
		if (rc == PROC_OK)
			rc = export_line(xp, csv_row_line(&xp->cols, in,
			    xp->cfg->delim));
	}
	if (v != NULL)
		psobj_value_free(v);
	return rc;
}

static enum proc_rc
export_csv_end(struct proc *p)
{
	struct export_csv_proc *xp = (struct export_csv_proc *)p;
	int rc;

	rc = text_file_flush(&xp->file);	/* CleanUp: Flush(), the mark */
	xp->opened = false;
	if (text_file_close(&xp->file) != 0)
		rc = -1;
	return rc == 0 ? PROC_OK : export_failed(xp, "write");
}

static void
export_csv_free(struct proc *p)
{
	struct export_csv_proc *xp = (struct export_csv_proc *)p;

	if (xp->opened)
		text_file_close(&xp->file);
	csv_columns_free(&xp->cols);
	csv_columns_free(&xp->file_cols);
	cmd_param_input_free(&xp->in);
	free(xp);
}

static const struct proc_ops export_csv_ops = {
	.begin = export_csv_begin,
	.process = export_csv_process,
	.end = export_csv_end,
	.free = export_csv_free,
};

static struct proc *
export_csv_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct export_csv_proc *xp = calloc(1, sizeof(*xp));

	(void)err;
	(void)errlen;
	if (xp == NULL)
		return NULL;
	xp->base.ops = &export_csv_ops;
	xp->rt = rt;
	xp->st = st;
	xp->cfg = st->cfg;
	xp->file.fd = -1;
	if (cmd_param_input_init(&xp->in, st, "InputObject") != 0) {
		export_csv_free(&xp->base);
		return NULL;
	}
	return &xp->base;
}

static int
export_csv_configure(struct stage *st, struct ps_error *e)
{
	struct export_csv_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *path, *literal, *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	if (cmd_refuse_prompts(st, e) != 0 ||
	    csv_delimiter(st, &cfg->delim, e) != 0)
		return -1;
	path = ps_binding_get(&st->b, "Path");
	literal = ps_binding_get(&st->b, "LiteralPath");
	cfg->both_paths = path->present == literal->present;
	cfg->path = literal->present ? literal->s : path->present ? path->s : "";
	cfg->append = ps_binding_get(&st->b, "Append")->sw;
	cfg->force = ps_binding_get(&st->b, "Force")->sw;
	cfg->no_clobber = ps_binding_get(&st->b, "NoClobber")->sw;
	cfg->no_type_info = ps_binding_get(&st->b, "NoTypeInformation")->sw;
	cfg->enc = TEXT_OUT_ASCII;
	v = ps_binding_get(&st->b, "Encoding");
	cfg->has_enc = v->present;
	if (v->present && text_encoding_named(v->s, &cfg->enc) != 0)
		return ps_error_parse(e, "ParameterNotSupported",
		    v->value->offset, v->value->length, "The encoding '%s' of "
		    "Export-Csv is not supported by tnc.", v->s);
	return 0;
}

static const char *const export_csv_runs[] = { "InputObject", "Path",
	"LiteralPath", "Force", "NoClobber", "Encoding", "Append", "Delimiter",
	"UseCulture", "NoTypeInformation", NULL };

const struct command_def export_csv_def = {
	.cmd = PIPE_CMD_EXPORT_CSV,
	.runs = export_csv_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.error_stop = true,		/* its errors are terminating anyway */
	.configure = export_csv_configure,
	.make = export_csv_make,
};
