/*
 * pipeline_run.c: the executor of tnc's PowerShell subset (issue 3).
 *
 * A statement is a pipeline: an input (none, a value list, or a
 * parenthesized pipeline with an optional .Member), then commands. Every
 * command of every statement is looked up and bound before anything runs
 * (PowerShell binds a whole pipeline before it starts; binding the later
 * statements early too is ours: a usage error means nothing ran).
 *
 * The tests of Test-NetConnection run in parallel threads, one per input,
 * at most PIPELINE_MAX_PARALLEL at once; each is bounded by its own
 * deadline (test_run.h), so the statement is too. Printing is in input
 * order. The downstream cmdlets (shim/select_object.h, object_format.h,
 * out_string.h, convert_json.h, convert_csv.h) take whole streams, so the
 * streaming of a real pipeline is reproduced by evaluating it on every
 * prefix of the input: what the pipeline prints for inputs 0..k-1 and
 * that stays a prefix of the final output was on the console before test
 * k started, so test k's warnings go right after it (spec 2.2(g)). A
 * command that waits for all its input (Select-Object -Last,
 * ConvertTo-Json, Out-String without -Stream) prints nothing before the
 * end, so every warning comes first, as on Windows.
 *
 * Choices (documented in README):
 *  - Select-Object -First N stops the tests after the Nth input, as
 *    PowerShell's StopUpstreamCommandsException does: later tests ran (in
 *    parallel) but their warnings and outcomes are dropped.
 *  - A downstream non-terminating error (select -ExpandProperty Nope) is
 *    shown in NormalView and makes the exit status at least 1.
 *  - -WarningAction Stop: the objects before the stopping test are
 *    printed with their envelope, then the stop error; the statement ends
 *    (exit status at least 1) and the next statement runs.
 *  - Pipeline input with -ComputerName also given: each input object gets
 *    5.1's InputObjectNotBound error and no test (exit status 3).
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <curl/curl.h>

#include "base/exit_codes.h"
#include "base/text_out.h"
#include "objects/convert_csv.h"
#include "objects/convert_json.h"
#include "objects/object_format.h"
#include "objects/out_string.h"
#include "objects/psobj.h"
#include "objects/result_object.h"
#include "objects/route_diag_object.h"
#include "objects/select_object.h"
#include "objects/wildcard.h"
#include "parsers/binder.h"
#include "parsers/commands.h"
#include "parsers/parser.h"
#include "parsers/ps_error.h"
#include "parsers/tnc_command.h"
#include "runtime/pipeline_run.h"
#include "runtime/report.h"

/* The type of a string value that holds formatter output (Format-List,
   Format-Table, Out-Host): Out-Default writes it as it is. */
static const char format_text_type[] = "tnc.FormatText";

struct stage {
	enum pipe_cmd cmd;
	const struct ps_command *pc;
	const struct ps_command_meta *meta;
	struct ps_binding b;
	struct tnc_options o;		/* PIPE_CMD_TNC */
	bool	o_init;
	bool	computer_bound;		/* tnc: -ComputerName given */
	char	**props;		/* -Property as text */
	size_t	nprops;
	struct select_spec sel;
	struct format_spec fmt;
	bool	stream;			/* Out-String -Stream */
	size_t	width;			/* Out-String -Width; 0: default */
	int	depth;			/* ConvertTo-Json -Depth */
	bool	compress;
	bool	no_type_info;		/* ConvertTo-Csv -NoTypeInformation */
	bool	quiet_errors;		/* -ErrorAction SilentlyContinue/Ignore */
};

struct plan {
	const struct ps_pipeline *p;
	struct plan *inner;		/* PS_HEAD_PAREN */
	struct stage *st;
	size_t	n;
};

struct exec {
	const char *script;
	FILE	*out, *err;
	const struct pipeline_runners *run;
	enum tnc_newline nl;
	enum ps_edition ed;
	bool	style_set;		/* nl and ed come from the first tnc */
	int	status;
	int	out_errno;		/* the first failed write to out, or 0 */
};

/* One Test-NetConnection run for one input. */
struct run {
	struct tnc_options o;
	bool	bind_failed;		/* input could not be bound: no test */
	struct tnc_result r;
	struct route_diag rd;		/* -DiagnoseRouting: rd, not r */
	struct tnc_diag d;
	int	rc;
	char	*events;		/* its stderr text, rendered */
	struct psobj_value value;
	bool	has_value;
};

/* Non-terminating errors of the downstream commands of one evaluation */
struct derr {
	size_t	count;
	const struct stage *st;
	char	*msg;			/* malloc'd */
	char	*target;
};

static void
worst(int *status, int s)
{
	if (s > *status)
		*status = s;
}

static const char *
nl_text(const struct exec *ex)
{
	return ex->nl == TNC_NEWLINE_CRLF ? "\r\n" : "\n";
}

/* ---------------------------------------------------------------------- */
/* Pure helpers */

size_t
pipeline_common_prefix(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] != '\0' && a[i] == b[i])
		i++;
	return i;
}

void
pipeline_split_points(const char *const *texts, size_t n, size_t *at)
{
	const char *final = texts[n] != NULL ? texts[n] : "";
	size_t k, j, m, p;

	for (k = 0; k < n; k++) {
		m = strlen(final);
		for (j = k; j <= n; j++) {
			p = pipeline_common_prefix(final,
			    texts[j] != NULL ? texts[j] : "");
			if (p < m)
				m = p;
		}
		at[k] = m;
	}
}

char *
pipeline_error_target(const struct psobj_value *v)
{
	char *buf = NULL, *s;
	size_t len = 0, i;
	FILE *m;

	if (v->kind != PSOBJ_OBJECT || v->obj == NULL ||
	    strncmp(v->obj->type_name, "Selected.", 9) != 0)
		return psobj_value_to_string(v);
	/* a PSCustomObject's ToString(): @{Name=value; Name=value} */
	m = open_memstream(&buf, &len);
	if (m == NULL)
		return NULL;
	fputs("@{", m);
	for (i = 0; i < v->obj->nprops; i++) {
		s = psobj_value_to_string(&v->obj->props[i].value);
		fprintf(m, "%s%s=%s", i ? "; " : "", v->obj->props[i].name,
		    s != NULL ? s : "");
		free(s);
	}
	fputs("}", m);
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* ---------------------------------------------------------------------- */
/* Binding (pre-flight) */

static int
not_supported(struct ps_error *e, const char *id, size_t off, size_t len,
    const char *what)
{
	return ps_error_parse(e, id, off, len, "%s", what);
}

/* Appends the text of a value (flattening arrays) to st->props */
static int
props_add(struct stage *st, const struct ps_value *v)
{
	char **grown;
	const char *t;
	size_t i;

	if (v->kind == PS_VAL_ARRAY) {
		for (i = 0; i < v->nitems; i++)
			if (props_add(st, &v->items[i]) != 0)
				return -1;
		return 0;
	}
	switch (v->kind) {
	case PS_VAL_BOOL:
		t = v->bval ? "True" : "False";
		break;
	case PS_VAL_NULL:
		t = "";
		break;
	default:
		t = v->text;
		break;
	}
	grown = realloc(st->props, (st->nprops + 1) * sizeof(*grown));
	if (grown == NULL)
		return -1;
	st->props = grown;
	st->props[st->nprops] = strdup(t);
	if (st->props[st->nprops] == NULL)
		return -1;
	st->nprops++;
	return 0;
}

/* The names of the parameters each command runs with in tnc */
static const char *const select_ok[] = { "Property", "ExpandProperty",
	"First", "Last", NULL };
static const char *const format_list_ok[] = { "Property", NULL };
static const char *const format_table_ok[] = { "Property", "AutoSize",
	NULL };
static const char *const out_string_ok[] = { "Stream", "Width", NULL };
static const char *const json_ok[] = { "Depth", "Compress", NULL };
static const char *const csv_ok[] = { "NoTypeInformation", "Delimiter",
	"UseCulture", NULL };
static const char *const none_ok[] = { NULL };

static const char *const *
allowed_params(enum pipe_cmd c)
{
	switch (c) {
	case PIPE_CMD_SELECT_OBJECT:	return select_ok;
	case PIPE_CMD_FORMAT_LIST:	return format_list_ok;
	case PIPE_CMD_FORMAT_TABLE:	return format_table_ok;
	case PIPE_CMD_OUT_STRING:	return out_string_ok;
	case PIPE_CMD_CONVERTTO_JSON:	return json_ok;
	case PIPE_CMD_CONVERTTO_CSV:	return csv_ok;
	default:			return none_ok;
	}
}

/* Rejects the parameters tnc does not run; reads -ErrorAction. */
static int
check_params(struct stage *st, struct ps_error *e)
{
	const char *const *ok = allowed_params(st->cmd);
	const struct ps_param_meta *pm;
	const struct ps_bound *bd;
	char msg[512];
	size_t i, k;

	for (i = 0; i < st->b.n; i++) {
		pm = st->b.params[i];
		bd = &st->b.bound[i];
		if (!bd->present)
			continue;
		if (pm->tier == PS_TIER_COMMON) {
			if (strcmp(pm->name, "ErrorAction") != 0)
				continue;	/* nothing to do for these */
			if (bd->i == TNC_ACTION_SILENTLY_CONTINUE ||
			    bd->i == TNC_ACTION_IGNORE) {
				st->quiet_errors = true;
				continue;
			}
			if (bd->i == TNC_ACTION_CONTINUE)
				continue;
		} else {
			for (k = 0; ok[k] != NULL; k++)
				if (strcmp(ok[k], pm->name) == 0)
					break;
			if (ok[k] != NULL)
				continue;
		}
		snprintf(msg, sizeof(msg), "The parameter '%s' of %s is not "
		    "supported by tnc%s.", pm->name, st->meta->name,
		    pm->tier == PS_TIER_COMMON ? " with this value" : "");
		return not_supported(e, "ParameterNotSupported", bd->offset,
		    bd->length, msg);
	}
	return 0;
}

/*
 * Refuses a bad wildcard in -Property or -ExpandProperty before anything
 * runs. PowerShell finds it on the first object (a WildcardPatternException
 * whose ErrorRecord says NotSpecified and RuntimeException, as its
 * RuntimeException base builds one); tnc finds it while binding.
 */
static int
check_patterns(const struct stage *st, struct ps_error *e)
{
	const struct ps_bound *x = ps_binding_get(&st->b, "ExpandProperty");
	size_t i;
	int ok = 1;

	for (i = 0; i <= st->nprops && ok == 1; i++) {
		const char *p = i < st->nprops ? st->props[i] :
		    x != NULL && x->present ? x->s : NULL;

		if (p != NULL && (ok = wildcard_valid(p)) == 0)
			return ps_error_bind(e, st->meta->name,
			    st->meta->type_name, "NotSpecified",
			    "WildcardPatternException", "RuntimeException",
			    st->pc->offset, st->pc->length, "The specified "
			    "wildcard character pattern is not valid: %s", p);
	}
	return ok == 1 ? 0 : ps_error_no_memory(e);
}

/* Reads the binding of a downstream command into st. */
static int
configure(struct stage *st, struct ps_error *e)
{
	const struct ps_bound *v;

	if (check_params(st, e) != 0)
		return -1;
	v = ps_binding_get(&st->b, "Property");
	if (v != NULL && v->present && v->value != NULL &&
	    props_add(st, v->value) != 0)
		return ps_error_no_memory(e);
	if (check_patterns(st, e) != 0)
		return -1;
	switch (st->cmd) {
	case PIPE_CMD_SELECT_OBJECT:
		st->sel.props = (const char *const *)st->props;
		st->sel.nprops = st->nprops;
		if ((v = ps_binding_get(&st->b, "ExpandProperty"))->present)
			st->sel.expand = v->s;
		if ((v = ps_binding_get(&st->b, "First"))->present) {
			st->sel.has_first = true;
			st->sel.first = (size_t)v->i;
		}
		if ((v = ps_binding_get(&st->b, "Last"))->present) {
			st->sel.has_last = true;
			st->sel.last = (size_t)v->i;
		}
		break;
	case PIPE_CMD_FORMAT_TABLE:
		st->fmt.autosize = ps_binding_get(&st->b, "AutoSize")->sw;
		/* FALLTHROUGH */
	case PIPE_CMD_FORMAT_LIST:
		st->fmt.props = (const char *const *)st->props;
		st->fmt.nprops = st->nprops;
		break;
	case PIPE_CMD_OUT_STRING:
		st->stream = ps_binding_get(&st->b, "Stream")->sw;
		if ((v = ps_binding_get(&st->b, "Width"))->present)
			st->width = (size_t)v->i;
		break;
	case PIPE_CMD_CONVERTTO_JSON:
		st->depth = JSON_DEFAULT_DEPTH;
		if ((v = ps_binding_get(&st->b, "Depth"))->present)
			st->depth = (int)v->i;
		st->compress = ps_binding_get(&st->b, "Compress")->sw;
		break;
	case PIPE_CMD_CONVERTTO_CSV:
		st->no_type_info =
		    ps_binding_get(&st->b, "NoTypeInformation")->sw;
		v = ps_binding_get(&st->b, "Delimiter");
		if (v->present && strlen(v->s) != 1) {
			return ps_error_bind(e, st->meta->name,
			    st->meta->type_name, "InvalidArgument",
			    "ParameterBindingException",
			    "CannotConvertArgumentNoMessage", v->value->offset,
			    v->value->length, "Cannot bind parameter 'Delimiter'. "
			    "Cannot convert value \"%s\" to type \"System.Char"
			    "\". Error: \"String must be exactly one character "
			    "long.\"", v->s);
		}
		/* ',' is also UseCulture's list separator on en-US */
		if (v->present && strcmp(v->s, ",") != 0)
			return not_supported(e, "ParameterNotSupported",
			    v->value->offset, v->value->length, "The parameter 'Delimiter' "
			    "of ConvertTo-Csv is not supported by tnc with a "
			    "value other than ','.");
		break;
	default:
		break;
	}
	return 0;
}

static void
plan_free(struct plan *pl)
{
	size_t i, k;

	if (pl == NULL)
		return;
	if (pl->inner != NULL) {
		plan_free(pl->inner);
		free(pl->inner);
	}
	for (i = 0; i < pl->n; i++) {
		ps_binding_free(&pl->st[i].b);
		if (pl->st[i].o_init)
			tnc_options_free(&pl->st[i].o);
		for (k = 0; k < pl->st[i].nprops; k++)
			free(pl->st[i].props[k]);
		free(pl->st[i].props);
	}
	free(pl->st);
	memset(pl, 0, sizeof(*pl));
}

static int
plan_build(struct exec *ex, const struct ps_pipeline *p, struct plan *pl,
    struct ps_error *e)
{
	struct stage *st, *prev;
	size_t i;

	memset(pl, 0, sizeof(*pl));
	pl->p = p;
	if (p->head == PS_HEAD_PAREN) {
		pl->inner = calloc(1, sizeof(*pl->inner));
		if (pl->inner == NULL)
			return ps_error_no_memory(e);
		if (plan_build(ex, p->inner, pl->inner, e) != 0)
			return -1;
	}
	pl->st = calloc(p->ncmds + 1, sizeof(*pl->st));
	if (pl->st == NULL)
		return ps_error_no_memory(e);
	for (i = 0; i < p->ncmds; i++) {
		const struct ps_command *pc = &p->cmds[i];

		st = &pl->st[i];
		prev = i > 0 ? &pl->st[i - 1] : NULL;
		pl->n = i + 1;
		st->pc = pc;
		st->cmd = commands_lookup(pc->name, &st->meta);
		if (st->cmd == PIPE_CMD_NONE) {
			if (commands_is_known_unsupported(pc->name))
				return ps_error_parse(e, "CommandNotSupported",
				    pc->name_offset, pc->name_length, "The "
				    "command '%s' is not supported by tnc. A "
				    "tnc pipeline runs Test-NetConnection, then "
				    "Select-Object, Format-List, Format-Table, "
				    "Out-String, ConvertTo-Json, ConvertTo-Csv, "
				    "Out-Default, Out-Host or Out-Null.",
				    pc->name);
			return commands_not_found(pc, e);
		}
		if (st->cmd == PIPE_CMD_TNC) {
			struct ps_binding b;

			if (i > 0)
				return not_supported(e,
				    "PipelinePositionNotSupported",
				    pc->name_offset, pc->name_length,
				    "tnc runs Test-NetConnection only as the "
				    "first command of a pipeline.");
			tnc_options_init(&st->o);
			st->o_init = true;
			if (tnc_bind(pc, &st->o, e) != 0)
				return -1;
			if (ps_bind(&tnc_command_meta, pc, &b, e) != 0) {
				ps_binding_free(&b);
				return -1;
			}
			st->computer_bound =
			    ps_binding_get(&b, "ComputerName")->present;
			ps_binding_free(&b);
			if (!ex->style_set) {
				ex->style_set = true;
				ex->nl = st->o.newline;
				ex->ed = report_edition(&st->o);
			}
			continue;
		}
		if (i == 0 && p->head == PS_HEAD_COMMAND)
			return not_supported(e, "PipelineStartNotSupported",
			    pc->name_offset, pc->name_length,
			    "A tnc pipeline starts with Test-NetConnection "
			    "(or tnc), a list of names, or a parenthesized "
			    "pipeline.");
		if (prev != NULL && (prev->cmd == PIPE_CMD_OUT_DEFAULT ||
		    prev->cmd == PIPE_CMD_OUT_NULL))
			return not_supported(e, "PipelinePositionNotSupported",
			    pc->name_offset, pc->name_length,
			    "tnc runs Out-Default, Out-Host and Out-Null only "
			    "as the last command of a pipeline.");
		if (prev != NULL && (prev->cmd == PIPE_CMD_FORMAT_LIST ||
		    prev->cmd == PIPE_CMD_FORMAT_TABLE) &&
		    st->cmd != PIPE_CMD_OUT_STRING &&
		    st->cmd != PIPE_CMD_OUT_DEFAULT &&
		    st->cmd != PIPE_CMD_OUT_NULL)
			return not_supported(e, "PipelinePositionNotSupported",
			    pc->name_offset, pc->name_length,
			    "tnc passes the output of Format-List and "
			    "Format-Table only to Out-String, Out-Default, "
			    "Out-Host or Out-Null.");
		if (ps_bind(st->meta, pc, &st->b, e) != 0)
			return -1;
		if (configure(st, e) != 0)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Rendering */

/* Opens a text_out on a memory stream. */
static int
mem_open(struct exec *ex, FILE **m, char **buf, size_t *len,
    struct text_out *t)
{
	*buf = NULL;
	*len = 0;
	*m = open_memstream(buf, len);
	if (*m == NULL)
		return -1;
	text_out_init(t, *m, ex->nl);
	return 0;
}

/* Closes it; returns the text (malloc'd) or NULL on failure. */
static char *
mem_close(FILE *m, char **buf, struct text_out *t)
{
	int bad = text_out_finish(t) != 0;

	/* open_memstream() sets *buf at fclose(), so read it only after */
	if (fclose(m) != 0 || bad) {
		free(*buf);
		return NULL;
	}
	return *buf;
}

static bool
is_format_text(const struct psobj_value *v)
{
	return v->kind == PSOBJ_STRING && v->type == format_text_type;
}

static int
format_text_value(struct psobj_value *v, char *text)
{
	if (psobj_string(v, text) != 0)
		return -1;
	v->type = format_text_type;
	return 0;
}

/* What Out-Default prints for vals; malloc'd, NULL on ENOMEM. */
static char *
render_out_default(struct exec *ex, const struct psobj_value *vals, size_t n)
{
	struct text_out t;
	FILE *m;
	char *buf;
	size_t len, i, j;

	if (mem_open(ex, &m, &buf, &len, &t) != 0)
		return NULL;
	for (i = 0; i < n; i = j) {
		if (is_format_text(&vals[i])) {
			fputs(vals[i].s, m);
			j = i + 1;
			continue;
		}
		for (j = i; j < n && !is_format_text(&vals[j]); j++)
			;
		object_format_out_default(vals + i, j - i, ex->ed, 0, &t);
	}
	return mem_close(m, &buf, &t);
}

/* Renders e into a malloc'd text (NULL on ENOMEM). */
static char *
render_error(struct exec *ex, const struct ps_error *e)
{
	struct text_out t;
	FILE *m;
	char *buf;
	size_t len;

	if (mem_open(ex, &m, &buf, &len, &t) != 0)
		return NULL;
	ps_error_render(e, ex->script, &t);
	return mem_close(m, &buf, &t);
}

/*
 * Records a failed write to out: exit status 4, and its errno for the
 * one message at the end. A failed write to err changes nothing: the
 * result on out and the exit status stay what they are.
 */
static void
out_failed(struct exec *ex)
{
	if (ex->out_errno == 0)
		ex->out_errno = errno != 0 ? errno : EIO;
	worst(&ex->status, TNC_EXIT_SYSTEM);
}

static void
put(struct exec *ex, FILE *fp, const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, fp) != n && fp == ex->out)
		out_failed(ex);
}

static void
put_err(struct exec *ex, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (fflush(ex->out) != 0)	/* stdout first: 2>&1 keeps the order */
		out_failed(ex);
	put(ex, ex->err, s, strlen(s));
	fflush(ex->err);
}

/* ---------------------------------------------------------------------- */
/* Downstream commands */

static void
values_free(struct psobj_value *v, size_t n)
{
	select_values_free(v, n);
}

static int
copy_values(const struct psobj_value *in, size_t n, struct psobj_value **out,
    size_t *nout)
{
	size_t i;

	*out = calloc(n + 1, sizeof(**out));
	*nout = 0;
	if (*out == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (psobj_value_copy(&(*out)[i], &in[i]) != 0) {
			values_free(*out, i);
			*out = NULL;
			return -1;
		}
	}
	*nout = n;
	return 0;
}

/* A single value as an output stream. */
static int
one_value(struct psobj_value *v, struct psobj_value **out, size_t *nout)
{
	*out = calloc(1, sizeof(**out));
	if (*out == NULL) {
		psobj_value_free(v);
		return -1;
	}
	(*out)[0] = *v;
	*nout = 1;
	return 0;
}

/*
 * The output stream of one string value holding text (taken over; NULL
 * means ENOMEM). A formatter's text is a format_text_type value, and when
 * empty gives no value at all. Returns 0 or -1.
 */
static int
text_output(char *text, bool formatted, struct psobj_value **out,
    size_t *nout)
{
	struct psobj_value v;
	int rc;

	if (text == NULL)
		return -1;
	if (formatted && *text == '\0') {
		free(text);
		return 0;
	}
	rc = formatted ? format_text_value(&v, text) : psobj_string(&v, text);
	free(text);
	if (rc != 0)
		return -1;
	return one_value(&v, out, nout);
}

/*
 * Runs one downstream command over in. Sets *out and *nout. Returns 0, or -1
 * with a message in msg (ENOMEM, a bad wildcard).
 */
static int
stage_apply(struct exec *ex, const struct stage *st,
    const struct psobj_value *in, size_t n, struct psobj_value **out,
    size_t *nout, struct derr *de, bool *stopped, char *msg, size_t msglen)
{
	struct text_out t;
	FILE *m;
	char *buf, *text;
	size_t len, nerr = 0, i;
	int rc;

	*out = NULL;
	*nout = 0;
	switch (st->cmd) {
	case PIPE_CMD_SELECT_OBJECT:
		if (st->sel.has_first && !st->sel.has_last &&
		    n >= st->sel.first)
			*stopped = true;
		rc = select_object(in, n, &st->sel, out, nout, &nerr, &text);
		if (rc < 0 || (rc == 1 && text == NULL)) {
			snprintf(msg, msglen, "%s", text != NULL ? text :
			    strerror(ENOMEM));
			free(text);
			select_values_free(*out, *nout);
			*out = NULL;
			*nout = 0;
			return -1;
		}
		if (rc == 0 || st->quiet_errors) {
			free(text);
		} else {
			free(de->msg);
			de->msg = text;
			de->count += nerr;
			de->st = st;
			free(de->target);
			de->target = n > 0 ? pipeline_error_target(&in[n - 1]) :
			    NULL;
		}
		return 0;
	case PIPE_CMD_FORMAT_LIST:
	case PIPE_CMD_FORMAT_TABLE:
		if (mem_open(ex, &m, &buf, &len, &t) != 0)
			goto nomem;
		if (st->cmd == PIPE_CMD_FORMAT_LIST)
			rc = object_format_list(in, n, &st->fmt, ex->ed, &t,
			    msg, msglen);
		else
			rc = object_format_table(in, n, &st->fmt, ex->ed, &t,
			    msg, msglen);
		text = mem_close(m, &buf, &t);
		if (rc != 0) {
			free(text);
			return -1;
		}
		if (text_output(text, true, out, nout) != 0)
			goto nomem;
		return 0;
	case PIPE_CMD_OUT_STRING:
		if (n > 0 && is_format_text(&in[0])) {
			if (mem_open(ex, &m, &buf, &len, &t) != 0)
				goto nomem;
			for (i = 0; i < n; i++)
				if (in[i].kind == PSOBJ_STRING)
					fputs(in[i].s, m);
			text = mem_close(m, &buf, &t);
			if (text == NULL)
				goto nomem;
			rc = out_string_split(text, nl_text(ex), st->stream,
			    out, nout);
			free(text);
		} else {
			rc = out_string(in, n, ex->ed, st->width, ex->nl,
			    st->stream, out, nout);
		}
		if (rc != 0)
			goto nomem;
		return 0;
	case PIPE_CMD_CONVERTTO_JSON:
		if (convert_to_json(in, n, st->depth, st->compress,
		    nl_text(ex), &text) != 0)
			goto nomem;
		if (text != NULL && text_output(text, false, out, nout) != 0)
			goto nomem;
		return 0;
	case PIPE_CMD_CONVERTTO_CSV:
		if (convert_to_csv(in, n, st->no_type_info, out, nout) != 0)
			goto nomem;
		return 0;
	case PIPE_CMD_OUT_DEFAULT:
		if (text_output(render_out_default(ex, in, n), true, out,
		    nout) != 0)
			goto nomem;
		return 0;
	case PIPE_CMD_OUT_NULL:
		return 0;
	default:
		return copy_values(in, n, out, nout) == 0 ? 0 : -1;
	}
nomem:
	snprintf(msg, msglen, "%s", strerror(ENOMEM));
	return -1;
}

/* Whether a command prints nothing until its input ends */
static bool
stage_blocking(const struct stage *st)
{
	return (st->cmd == PIPE_CMD_SELECT_OBJECT && st->sel.has_last) ||
	    st->cmd == PIPE_CMD_CONVERTTO_JSON ||
	    (st->cmd == PIPE_CMD_OUT_STRING && !st->stream);
}

/* Runs the downstream stages from first over in. */
static int
stages_apply(struct exec *ex, const struct plan *pl, size_t first,
    const struct psobj_value *in, size_t n, struct psobj_value **out,
    size_t *nout, struct derr *de, bool *stopped, char *msg, size_t msglen)
{
	struct psobj_value *cur = NULL, *next;
	size_t ncur = 0, nnext, i;

	if (copy_values(in, n, &cur, &ncur) != 0) {
		snprintf(msg, msglen, "%s", strerror(ENOMEM));
		return -1;
	}
	for (i = first; i < pl->n; i++) {
		if (stage_apply(ex, &pl->st[i], cur, ncur, &next, &nnext, de,
		    stopped, msg, msglen) != 0) {
			values_free(cur, ncur);
			return -1;
		}
		values_free(cur, ncur);
		cur = next;
		ncur = nnext;
	}
	*out = cur;
	*nout = ncur;
	return 0;
}

static char *
render_derr(struct exec *ex, const struct derr *de)
{
	struct ps_error e = { 0 };
	const struct ps_command *pc = de->st->pc;
	bool expand = strncmp(de->msg, "Property \"", 10) == 0;
	char *text;

	ps_error_bind(&e, de->st->meta->name, de->st->meta->type_name,
	    expand ? "InvalidArgument" : "InvalidOperation",
	    "PSArgumentException", expand ? "ExpandPropertyNotFound" :
	    "AlreadyExistingUserSpecifiedPropertyNoExpand", pc->offset,
	    pc->length, "%s", de->msg);
	ps_error_set_target(&e, de->target, "PSObject");
	text = render_error(ex, &e);
	ps_error_free(&e);
	return text;
}

/* Prints count copies of de's error; the exit status becomes at least 1. */
static void
put_derr(struct exec *ex, const struct derr *de, size_t count, int *status)
{
	char *t;
	size_t i;

	if (count == 0 || de->st == NULL)
		return;
	t = render_derr(ex, de);
	for (i = 0; i < count; i++)
		put_err(ex, t);
	free(t);
	worst(status, TNC_EXIT_FAILED);
}

/* ---------------------------------------------------------------------- */
/* Test-NetConnection runs */

struct pool {
	struct run *runs;
	size_t	n, next;
	pthread_mutex_t mu;
	const struct pipeline_runners *fn;
};

static void *
pool_worker(void *arg)
{
	struct pool *p = arg;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		if (i >= p->n)
			return NULL;
		if (p->runs[i].bind_failed)
			continue;
		if (p->runs[i].o.diagnose_routing)
			p->runs[i].rc = p->fn->route(&p->runs[i].o,
			    &p->runs[i].rd, &p->runs[i].d);
		else
			p->runs[i].rc = p->fn->test(&p->runs[i].o,
			    &p->runs[i].r, &p->runs[i].d);
	}
}

static void
runs_execute(struct exec *ex, struct run *runs, size_t n)
{
	struct pool p = { .runs = runs, .n = n, .fn = ex->run };
	pthread_t tids[PIPELINE_MAX_PARALLEL];
	size_t nt = n < PIPELINE_MAX_PARALLEL ? n : PIPELINE_MAX_PARALLEL, i,
	    started = 0;

	if (nt <= 1) {
		pool_worker(&p);
		return;
	}
	/* libcurl's global state once, before any thread needs it */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	pthread_mutex_init(&p.mu, NULL);
	for (i = 0; i < nt; i++)
		if (pthread_create(&tids[i], NULL, pool_worker, &p) == 0)
			started++;
	if (started == 0)
		pool_worker(&p);	/* no threads: one by one */
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&p.mu);
	curl_global_cleanup();
}

static int
options_copy(struct tnc_options *dst, const struct tnc_options *src,
    const char *computer_name)
{
	*dst = *src;
	dst->computer_name = strdup(computer_name != NULL ? computer_name :
	    (src->computer_name != NULL ? src->computer_name : ""));
	dst->constrain_source_address = strdup(
	    src->constrain_source_address != NULL ?
	    src->constrain_source_address : "");
	return dst->computer_name != NULL &&
	    dst->constrain_source_address != NULL ? 0 : -1;
}

/*
 * The exit status of a run that ran: a test's by its result; a route
 * diagnosis 0 with a route, 1 without, 2 when the name did not resolve.
 */
static int
run_outcome(const struct run *rn)
{
	if (!rn->o.diagnose_routing)
		return report_exit_status(&rn->r);
	if (!rn->rd.resolved)
		return TNC_EXIT_NO_NAME;
	return rn->rd.succeeded && rn->rd.has_route ? TNC_EXIT_OK :
	    TNC_EXIT_FAILED;
}

/* The stderr text of run k, and its exit status contribution */
static void
run_finish(struct exec *ex, const struct stage *st, struct run *rn,
    const struct psobj_value *input, int *status)
{
	struct text_out t;
	struct ps_error e = { 0 };
	FILE *m;
	char *buf, *target;
	size_t len;

	if (rn->bind_failed) {
		const struct ps_command *pc = st->pc;

		ps_error_bind(&e, tnc_command_meta.name, NULL,
		    "InvalidArgument", "ParameterBindingException",
		    "InputObjectNotBound", pc->offset, pc->length,
		    "The input object cannot be bound to any parameters for "
		    "the command either because the command does not take "
		    "pipeline input or the input and its properties do not "
		    "match any of the parameters that take pipeline input.");
		target = input != NULL ? pipeline_error_target(input) : NULL;
		ps_error_set_target(&e, target, input != NULL &&
		    input->kind == PSOBJ_STRING ? "String" : "PSObject");
		free(target);
		rn->events = render_error(ex, &e);
		ps_error_free(&e);
		worst(status, TNC_EXIT_USAGE);
		return;
	}
	if (rn->rc < 0) {
		if (mem_open(ex, &m, &buf, &len, &t) == 0) {
			text_out_linef(&t, "tnc: %s", rn->d.error);
			rn->events = mem_close(m, &buf, &t);
		}
		worst(status, report_run_failure_status(rn->rc));
		return;
	}
	if (mem_open(ex, &m, &buf, &len, &t) == 0) {
		if (rn->d.stopped)
			report_stop_error(&rn->d, ex->script, &t);
		else
			report_diag(&rn->d, &rn->o, &t);
		rn->events = mem_close(m, &buf, &t);
	}
	if (rn->d.stopped) {
		worst(status, TNC_EXIT_FAILED);
		return;
	}
	worst(status, run_outcome(rn));
	if (rn->o.diagnose_routing) {
		/* no object after a failed lookup: the module returns $null;
		   Quiet does not apply to this parameter set */
		if (!rn->rd.resolved)
			return;
		if (route_diag_object_new(&rn->value, &rn->rd, ex->ed) == 0)
			rn->has_value = true;
		else
			worst(status, TNC_EXIT_SYSTEM);
	} else if (rn->o.information_level == TNC_INFO_QUIET) {
		rn->value = psobj_bool(report_quiet_value(&rn->r));
		rn->has_value = true;
	} else if (result_object_new(&rn->value, &rn->r, ex->ed) == 0) {
		rn->has_value = true;
	} else {
		worst(status, TNC_EXIT_SYSTEM);
	}
}

/* ---------------------------------------------------------------------- */
/* Statements */

/* A value written in the script as a pipeline input object */
static int
input_value(const struct ps_value *pv, struct psobj_value *v)
{
	size_t i;

	switch (pv->kind) {
	case PS_VAL_BOOL:
		*v = psobj_bool(pv->bval);
		return 0;
	case PS_VAL_NULL:
		*v = psobj_null();
		return 0;
	case PS_VAL_NUMBER:
		if (pv->num.type == PS_NUM_INT32 ||
		    pv->num.type == PS_NUM_INT64) {
			*v = psobj_int(pv->num.ival,
			    pv->num.type == PS_NUM_INT32 ? "System.Int32" :
			    "System.Int64");
			return 0;
		} else {
			/* a Decimal or Double shows as .NET's ToString() */
			char text[PS_NUMBER_TEXT_MAX];

			if (ps_number_text(pv->text, text, sizeof(text)) != 0 ||
			    psobj_string(v, text) != 0)
				return -1;
			v->type = pv->num.type == PS_NUM_DECIMAL ?
			    "System.Decimal" : "System.Double";
			return 0;
		}
	case PS_VAL_STRING:
		return psobj_string(v, pv->text);
	case PS_VAL_ARRAY:
		if (psobj_array(v, pv->nitems, "System.Object[]") != 0)
			return -1;
		for (i = 0; i < pv->nitems; i++)
			if (input_value(&pv->items[i], &v->items[i]) != 0)
				return -1;
		return 0;
	}
	return -1;
}

/* Member access on a stream: each object's property; arrays unrolled */
static int
member_values(const struct psobj_value *in, size_t n, const char *member,
    struct psobj_value **out, size_t *nout)
{
	const struct psobj_prop *pr;
	size_t i;

	*out = calloc(n + 1, sizeof(**out));
	*nout = 0;
	if (*out == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (in[i].kind == PSOBJ_ARRAY) {
			struct psobj_value *sub;
			size_t nsub, k;
			struct psobj_value *grown;

			if (member_values(in[i].items, in[i].nitems, member,
			    &sub, &nsub) != 0)
				return -1;
			grown = realloc(*out, (*nout + nsub + n + 1) *
			    sizeof(**out));
			if (grown == NULL) {
				values_free(sub, nsub);
				return -1;
			}
			*out = grown;
			for (k = 0; k < nsub; k++)
				(*out)[(*nout)++] = sub[k];
			free(sub);
			continue;
		}
		if (in[i].kind != PSOBJ_OBJECT || in[i].obj == NULL)
			continue;	/* no such member: $null, nothing */
		pr = psobj_find(in[i].obj, member);
		if (pr == NULL || pr->value.kind == PSOBJ_NULL)
			continue;
		if (psobj_value_copy(&(*out)[*nout], &pr->value) != 0)
			return -1;
		(*nout)++;
	}
	return 0;
}

static int exec_pipeline(struct exec *ex, const struct plan *pl, bool host,
    struct psobj_value **out, size_t *nout);

/*
 * Runs a pipeline. host: print its output (Out-Default) with the events
 * interleaved; else print only the events and hand back the values.
 */
static int
exec_pipeline(struct exec *ex, const struct plan *pl, bool host,
    struct psobj_value **out, size_t *nout)
{
	const struct ps_pipeline *p = pl->p;
	struct psobj_value *input = NULL, *vals = NULL, *res = NULL, *iv;
	size_t nin = 0, nruns = 0, nres = 0, neff, i, j, k, first = 0, pos;
	struct run *runs = NULL;
	bool has_input = p->head != PS_HEAD_COMMAND, blocking = false;
	bool stopped_at_stop = false, upstream = false;
	char **texts = NULL, msg[512];
	size_t *at = NULL, nvals;
	struct derr de, *des = NULL;
	int status = TNC_EXIT_OK, rc = -1;

	memset(&de, 0, sizeof(de));
	if (out != NULL) {
		*out = NULL;
		*nout = 0;
	}
	/* 1: the input */
	if (p->head == PS_HEAD_VALUES) {
		const struct ps_value *pv = &p->values;
		size_t cnt = pv->kind == PS_VAL_ARRAY ? pv->nitems : 1;

		input = calloc(cnt + 1, sizeof(*input));
		if (input == NULL)
			goto nomem;
		for (i = 0; i < cnt; i++, nin++)
			if (input_value(pv->kind == PS_VAL_ARRAY ?
			    &pv->items[i] : pv, &input[i]) != 0)
				goto nomem;
	} else if (p->head == PS_HEAD_PAREN) {
		struct psobj_value *iv2;
		size_t niv;

		if (exec_pipeline(ex, pl->inner, false, &iv2, &niv) != 0)
			goto out;
		if (p->member != NULL) {
			rc = member_values(iv2, niv, p->member, &input, &nin);
			values_free(iv2, niv);
			if (rc != 0)
				goto nomem;
			rc = -1;
		} else {
			input = iv2;
			nin = niv;
		}
	}

	/* 2: Test-NetConnection, once per input */
	if (pl->n > 0 && pl->st[0].cmd == PIPE_CMD_TNC) {
		const struct stage *st = &pl->st[0];

		first = 1;
		nruns = has_input ? nin : 1;
		runs = calloc(nruns + 1, sizeof(*runs));
		if (runs == NULL)
			goto nomem;
		for (i = 0; i < nruns; i++) {
			char *name = NULL;

			iv = has_input ? &input[i] : NULL;
			if (iv != NULL && (st->computer_bound ||
			    iv->kind == PSOBJ_NULL)) {
				runs[i].bind_failed = true;
				continue;
			}
			if (iv != NULL && (name = psobj_value_to_string(iv)) ==
			    NULL)
				goto nomem;
			rc = options_copy(&runs[i].o, &st->o, name);
			free(name);
			if (rc != 0)
				goto nomem;
			rc = -1;
		}
		runs_execute(ex, runs, nruns);
		vals = calloc(nruns + 1, sizeof(*vals));
		if (vals == NULL)
			goto nomem;
	} else {
		nruns = nin;
		runs = calloc(nruns + 1, sizeof(*runs));
		if (runs == NULL)
			goto nomem;
	}

	/* outcomes in input order; a Stop ends the stream there */
	neff = nruns;
	for (i = 0; i < nruns; i++) {
		int s = TNC_EXIT_OK;

		if (first == 1) {
			run_finish(ex, &pl->st[0], &runs[i],
			    has_input ? &input[i] : NULL, &s);
		} else {
			runs[i].value = input[i];
			input[i] = psobj_null();
			runs[i].has_value = true;
		}
		if (runs[i].d.stopped) {
			neff = i;
			stopped_at_stop = true;
			break;
		}
	}

	/* 3: the downstream commands on every prefix */
	for (i = first; i < pl->n; i++)
		blocking = blocking || stage_blocking(&pl->st[i]);
	texts = calloc(neff + 2, sizeof(*texts));
	at = calloc(neff + 2, sizeof(*at));
	des = calloc(neff + 2, sizeof(*des));
	if (vals == NULL)
		vals = calloc(neff + 1, sizeof(*vals));
	if (texts == NULL || at == NULL || des == NULL ||
	    vals == NULL)
		goto nomem;
	nvals = 0;
	for (j = 0; j <= neff; j++) {
		bool stop = false;

		if (j > 0 && runs[j - 1].has_value)
			vals[nvals++] = runs[j - 1].value;
		memset(&des[j], 0, sizeof(des[j]));
		if (stages_apply(ex, pl, first, vals, nvals, &res, &nres,
		    &des[j], &stop, msg, sizeof(msg)) != 0) {
			goto fail_msg;
		}
		if (host && (j == neff || !blocking)) {
			texts[j] = render_out_default(ex, res, nres);
			if (texts[j] == NULL) {
				values_free(res, nres);
				goto nomem;
			}
		}
		if (j == neff || stop) {
			if (stop && j < neff) {
				/* -First is satisfied: the rest never ran */
				neff = j;
				upstream = true;
				if (host && texts[j] == NULL)
					texts[j] = render_out_default(ex, res,
					    nres);
			}
			if (!host) {	/* the values are the caller's now */
				*out = res;
				*nout = nres;
				res = NULL;
				nres = 0;
			}
			values_free(res, nres);
			res = NULL;
			break;
		}
		values_free(res, nres);
		res = NULL;
	}
	/* the values belong to runs[]; vals only borrowed them */
	free(vals);
	vals = NULL;

	/* 4: outcomes of the runs that count, and printing */
	if (upstream)
		stopped_at_stop = false;
	{
		int s = TNC_EXIT_OK;

		for (i = 0; i < neff + (stopped_at_stop ? 1 : 0) &&
		    i < nruns; i++) {
			if (first == 1 && runs[i].bind_failed)
				worst(&s, TNC_EXIT_USAGE);
			else if (first == 1 && runs[i].rc < 0)
				worst(&s, report_run_failure_status(runs[i].rc));
			else if (first == 1 && runs[i].d.stopped)
				worst(&s, TNC_EXIT_FAILED);
			else if (first == 1)
				worst(&s, run_outcome(&runs[i]));
		}
		status = s;
	}
	{
		const char *final = host && texts[neff] != NULL ?
		    texts[neff] : "";
		size_t prev = 0, c;

		if (host)
			pipeline_split_points((const char *const *)texts,
			    neff, at);
		pos = 0;
		for (k = 0; k < neff; k++) {
			if (host) {
				put(ex, ex->out, final + pos, at[k] - pos);
				pos = at[k];
			}
			put_err(ex, runs[k].events);
			/* errors downstream of input k */
			c = host && blocking ? 0 : des[k + 1].count;
			if (c > prev) {
				put_derr(ex, &des[k + 1], c - prev, &status);
				prev = c;
			}
		}
		put(ex, ex->out, final + pos, strlen(final + pos));
		if (host && blocking)
			put_derr(ex, &des[neff], des[neff].count, &status);
		if (stopped_at_stop)
			put_err(ex, runs[neff].events);
	}
	if (fflush(ex->out) != 0)
		out_failed(ex);
	rc = 0;
	goto out;
fail_msg:
	{
		struct text_out t;

		text_out_init(&t, ex->err, ex->nl);
		fflush(ex->out);
		text_out_linef(&t, "tnc: %s", msg);
		text_out_finish(&t);
		worst(&status, TNC_EXIT_SYSTEM);
	}
	goto out;
nomem:
	snprintf(msg, sizeof(msg), "%s", strerror(ENOMEM));
	goto fail_msg;
out:
	worst(&ex->status, status);
	for (i = 0; texts != NULL && i <= neff; i++)
		free(texts[i]);
	free(texts);
	free(at);
	for (i = 0; des != NULL && i <= neff; i++) {
		free(des[i].target);
		free(des[i].msg);
	}
	free(des);
	free(vals);
	for (i = 0; runs != NULL && i < nruns; i++) {
		if (runs[i].has_value)
			psobj_value_free(&runs[i].value);
		if (first == 1) {
			tnc_result_free(&runs[i].r);
			route_diag_free(&runs[i].rd);
			diag_free(&runs[i].d);
			if (runs[i].o.computer_name != NULL ||
			    runs[i].o.constrain_source_address != NULL)
				tnc_options_free(&runs[i].o);
		}
		free(runs[i].events);
	}
	free(runs);
	if (input != NULL)
		values_free(input, nin);
	return rc;
}

/*
 * Tells e, an error of the script found before anything ran, and frees
 * it. Returns the exit status: 3, or 4 when the machine ran out of memory
 * (that is tnc's failure, not the script's).
 */
static int
script_error(struct exec *ex, struct ps_error *e)
{
	char *t = e->out_of_memory ? NULL : render_error(ex, e);
	int status = t != NULL ? TNC_EXIT_USAGE : TNC_EXIT_SYSTEM;

	put_err(ex, t != NULL ? t : "tnc: out of memory\n");
	free(t);
	ps_error_free(e);
	return status;
}

int
pipeline_run_script(const char *script, FILE *out, FILE *err,
    const struct pipeline_runners *run)
{
	struct exec ex = { .script = script, .out = out, .err = err,
		.run = run, .nl = TNC_NEWLINE_LF, .ed = PS_EDITION_51 };
	struct ps_script s;
	struct ps_error e;
	struct plan *plans = NULL;
	size_t i, nbuilt = 0;

	ps_error_clear(&e);
	if (ps_parse(script, &s, &e) != 0)
		return script_error(&ex, &e);
	plans = calloc(s.n + 1, sizeof(*plans));
	if (plans == NULL) {
		ps_script_free(&s);
		fputs("tnc: out of memory\n", err);
		return TNC_EXIT_SYSTEM;
	}
	for (i = 0; i < s.n; i++) {
		nbuilt = i + 1;
		if (plan_build(&ex, &s.v[i], &plans[i], &e) != 0) {
			ex.status = script_error(&ex, &e);
			goto out;
		}
	}
	for (i = 0; i < s.n; i++)
		exec_pipeline(&ex, &plans[i], true, NULL, NULL);
out:
	for (i = 0; i < nbuilt; i++)
		plan_free(&plans[i]);
	free(plans);
	ps_script_free(&s);
	if (fflush(out) != 0)
		out_failed(&ex);
	if (ex.out_errno != 0)	/* e.g. a closed pipe, a full disk */
		fprintf(err, "tnc: cannot write output: %s\n",
		    strerror(ex.out_errno));
	return ex.status;
}
