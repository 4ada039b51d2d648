/*
 * plan.c: a statement's commands looked up and bound before anything runs
 * (plan.h).
 *
 * Ours, for valid PowerShell that tnc does not run (ParserError layout):
 *   CommandNotSupported           a real 5.1 command tnc does not run
 *   ParameterNotSupported         a parameter (or value) tnc does not run
 *   PipelinePositionNotSupported  a command where tnc cannot run it
 *   PipelineStartNotSupported     a pipeline that starts with a cmdlet
 *                                 that needs input
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/convert_json.h"
#include "objects/property_names.h"
#include "objects/wildcard.h"
#include "parsers/tnc_command.h"
#include "runtime/plan.h"
#include "runtime/report.h"

static int
not_supported(struct ps_error *e, const char *id, size_t off, size_t len,
    const char *what)
{
	return ps_error_parse(e, id, off, len, "%s", what);
}

/* Appends the text of a value (flattening arrays) to a list of strings */
static int
strings_add(char ***list, size_t *n, const struct ps_value *v)
{
	char **grown;
	const char *t;
	size_t i;

	if (v->kind == PS_VAL_ARRAY) {
		for (i = 0; i < v->nitems; i++)
			if (strings_add(list, n, &v->items[i]) != 0)
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
	grown = realloc(*list, (*n + 1) * sizeof(*grown));
	if (grown == NULL)
		return -1;
	*list = grown;
	(*list)[*n] = strdup(t);
	if ((*list)[*n] == NULL)
		return -1;
	(*n)++;
	return 0;
}

static void
strings_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
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
static const char *const get_content_ok[] = { "Path", "LiteralPath",
	"TotalCount", "Tail", "Encoding", NULL };
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
	case PIPE_CMD_GET_CONTENT:	return get_content_ok;
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
check_wildcards(const struct stage *st, struct ps_error *e)
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

static int
configure_csv(struct stage *st, struct ps_error *e)
{
	const struct ps_bound *v;

	st->no_type_info = ps_binding_get(&st->b, "NoTypeInformation")->sw;
	v = ps_binding_get(&st->b, "Delimiter");
	if (v->present && strlen(v->s) != 1)
		return ps_error_bind(e, st->meta->name, st->meta->type_name,
		    "InvalidArgument", "ParameterBindingException",
		    "CannotConvertArgumentNoMessage", v->value->offset,
		    v->value->length, "Cannot bind parameter 'Delimiter'. "
		    "Cannot convert value \"%s\" to type \"System.Char\". "
		    "Error: \"String must be exactly one character long.\"",
		    v->s);
	/* ',' is also UseCulture's list separator on en-US */
	if (v->present && strcmp(v->s, ",") != 0)
		return not_supported(e, "ParameterNotSupported",
		    v->value->offset, v->value->length, "The parameter "
		    "'Delimiter' of ConvertTo-Csv is not supported by tnc with "
		    "a value other than ','.");
	return 0;
}

/* FileSystemCmdletProviderEncoding's names, as Enum.Parse takes them */
static const struct {
	const char *name;
	int	enc;			/* enum text_encoding; -1: not read by tnc */
} encodings[] = {
	{ "Unknown", TEXT_ENC_DEFAULT }, { "String", TEXT_ENC_DEFAULT },
	{ "Unicode", TEXT_ENC_UTF16LE }, { "Byte", TEXT_ENC_BYTE },
	{ "BigEndianUnicode", TEXT_ENC_UTF16BE }, { "UTF8", TEXT_ENC_UTF8 },
	{ "UTF7", -1 }, { "UTF32", TEXT_ENC_UTF32LE },
	{ "Ascii", TEXT_ENC_ASCII }, { "Default", TEXT_ENC_DEFAULT },
	{ "Oem", TEXT_ENC_DEFAULT }, { "BigEndianUTF32", TEXT_ENC_UTF32BE },
};
#define NENCODINGS	(sizeof(encodings) / sizeof(encodings[0]))

static int
configure_encoding(struct stage *st, const struct ps_bound *v,
    struct ps_error *e)
{
	size_t i;

	for (i = 0; i < NENCODINGS; i++)
		if (strcasecmp(v->s, encodings[i].name) == 0)
			break;
	if (i == NENCODINGS)
		return ps_error_bind(e, st->meta->name, st->meta->type_name,
		    "InvalidArgument", "ParameterBindingException",
		    "CannotConvertArgumentNoMessage", v->value->offset,
		    v->value->length, "Cannot bind parameter 'Encoding'. Cannot "
		    "convert value \"%s\" to type \"Microsoft.PowerShell."
		    "Commands.FileSystemCmdletProviderEncoding\". Error: "
		    "\"Unable to match the identifier name %s to a valid "
		    "enumerator name. Specify one of the following enumerator "
		    "names and try again:\nUnknown, String, Unicode, Byte, "
		    "BigEndianUnicode, UTF8, UTF7, UTF32, Ascii, Default, Oem, "
		    "BigEndianUTF32\"", v->s, v->s);
	if (encodings[i].enc < 0)
		return not_supported(e, "ParameterNotSupported",
		    v->value->offset, v->value->length, "The encoding 'UTF7' "
		    "of Get-Content is not supported by tnc.");
	st->encoding = (enum text_encoding)encodings[i].enc;
	return 0;
}

static int
configure_get_content(struct stage *st, struct ps_error *e)
{
	const struct ps_bound *v;

	v = ps_binding_get(&st->b, "LiteralPath");
	st->literal_path = v->present;
	if (!v->present)
		v = ps_binding_get(&st->b, "Path");
	if (v->present && v->value != NULL &&
	    strings_add(&st->paths, &st->npaths, v->value) != 0)
		return ps_error_no_memory(e);
	if ((v = ps_binding_get(&st->b, "TotalCount"))->present) {
		st->has_total = true;
		st->total_count = (long long)v->d;
	}
	if ((v = ps_binding_get(&st->b, "Tail"))->present && v->i >= 0) {
		st->has_tail = true;	/* a negative -Tail means all lines */
		st->tail = v->i;
	}
	if ((v = ps_binding_get(&st->b, "Encoding"))->present &&
	    configure_encoding(st, v, e) != 0)
		return -1;
	return 0;
}

/* Reads the binding of a command other than tnc into st. */
static int
configure(struct stage *st, struct ps_error *e)
{
	const struct ps_bound *v;

	if (check_params(st, e) != 0)
		return -1;
	v = ps_binding_get(&st->b, "Property");
	if (v != NULL && v->present && v->value != NULL &&
	    strings_add(&st->props, &st->nprops, v->value) != 0)
		return ps_error_no_memory(e);
	if (check_wildcards(st, e) != 0)
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
		return 0;
	case PIPE_CMD_FORMAT_TABLE:
		st->fmt.autosize = ps_binding_get(&st->b, "AutoSize")->sw;
		/* FALLTHROUGH */
	case PIPE_CMD_FORMAT_LIST:
		st->fmt.props = (const char *const *)st->props;
		st->fmt.nprops = st->nprops;
		return 0;
	case PIPE_CMD_OUT_STRING:
		st->stream = ps_binding_get(&st->b, "Stream")->sw;
		if ((v = ps_binding_get(&st->b, "Width"))->present)
			st->width = (size_t)v->i;
		return 0;
	case PIPE_CMD_CONVERTTO_JSON:
		st->depth = JSON_DEFAULT_DEPTH;
		if ((v = ps_binding_get(&st->b, "Depth"))->present)
			st->depth = (int)v->i;
		st->compress = ps_binding_get(&st->b, "Compress")->sw;
		return 0;
	case PIPE_CMD_CONVERTTO_CSV:
		return configure_csv(st, e);
	case PIPE_CMD_GET_CONTENT:
		return configure_get_content(st, e);
	default:
		return 0;
	}
}

void
plan_free(struct plan *pl)
{
	size_t i;

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
		strings_free(pl->st[i].props, pl->st[i].nprops);
		strings_free(pl->st[i].paths, pl->st[i].npaths);
	}
	free(pl->st);
	memset(pl, 0, sizeof(*pl));
}

/* Test-NetConnection: its options, and the run's style from the first. */
static int
bind_tnc(struct stage *st, struct plan_style *style, struct ps_error *e)
{
	struct ps_binding b;

	tnc_options_init(&st->o);
	st->o_init = true;
	if (tnc_bind(st->pc, &st->o, e) != 0)
		return -1;
	if (ps_bind(&tnc_command_meta, st->pc, &b, e) != 0) {
		ps_binding_free(&b);
		return -1;
	}
	st->computer_bound = ps_binding_get(&b, "ComputerName")->present;
	ps_binding_free(&b);
	if (!style->set) {
		style->set = true;
		style->nl = st->o.newline;
		style->ed = report_edition(&st->o);
		style->throttle = st->o.throttle_limit;
	}
	return 0;
}

/* Where each command may stand in a tnc pipeline. */
static int
check_position(const struct ps_pipeline *p, size_t i, const struct stage *st,
    const struct stage *prev, struct ps_error *e)
{
	const struct ps_command *pc = st->pc;

	if (st->cmd == PIPE_CMD_GET_CONTENT && (i > 0 ||
	    p->head != PS_HEAD_COMMAND))
		return not_supported(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length, "tnc runs Get-Content "
		    "only as the first command of a pipeline.");
	if (st->cmd == PIPE_CMD_TNC || st->cmd == PIPE_CMD_GET_CONTENT)
		return 0;
	if (i == 0 && p->head == PS_HEAD_COMMAND)
		return not_supported(e, "PipelineStartNotSupported",
		    pc->name_offset, pc->name_length,
		    "A tnc pipeline starts with Test-NetConnection (or tnc), "
		    "Get-Content, a list of names, or a parenthesized "
		    "pipeline.");
	if (prev != NULL && (prev->cmd == PIPE_CMD_OUT_DEFAULT ||
	    prev->cmd == PIPE_CMD_OUT_NULL))
		return not_supported(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length,
		    "tnc runs Out-Default, Out-Host and Out-Null only as the "
		    "last command of a pipeline.");
	if (prev != NULL && (prev->cmd == PIPE_CMD_FORMAT_LIST ||
	    prev->cmd == PIPE_CMD_FORMAT_TABLE) &&
	    st->cmd != PIPE_CMD_OUT_STRING && st->cmd != PIPE_CMD_OUT_DEFAULT &&
	    st->cmd != PIPE_CMD_OUT_NULL)
		return not_supported(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length,
		    "tnc passes the output of Format-List and Format-Table "
		    "only to Out-String, Out-Default, Out-Host or Out-Null.");
	return 0;
}

int
plan_build(const struct ps_pipeline *p, struct plan *pl,
    struct plan_style *style, struct ps_error *e)
{
	struct stage *st;
	size_t i;

	memset(pl, 0, sizeof(*pl));
	pl->p = p;
	if (p->head == PS_HEAD_PAREN) {
		pl->inner = calloc(1, sizeof(*pl->inner));
		if (pl->inner == NULL)
			return ps_error_no_memory(e);
		if (plan_build(p->inner, pl->inner, style, e) != 0)
			return -1;
	}
	pl->st = calloc(p->ncmds + 1, sizeof(*pl->st));
	if (pl->st == NULL)
		return ps_error_no_memory(e);
	for (i = 0; i < p->ncmds; i++) {
		const struct ps_command *pc = &p->cmds[i];

		st = &pl->st[i];
		pl->n = i + 1;
		st->pc = pc;
		st->cmd = commands_lookup(pc->name, &st->meta);
		if (st->cmd == PIPE_CMD_NONE) {
			if (commands_is_known_unsupported(pc->name))
				return ps_error_parse(e, "CommandNotSupported",
				    pc->name_offset, pc->name_length, "The "
				    "command '%s' is not supported by tnc. A "
				    "tnc pipeline runs Get-Content or "
				    "Test-NetConnection, then "
				    "Select-Object, Format-List, Format-Table, "
				    "Out-String, ConvertTo-Json, ConvertTo-Csv, "
				    "Out-Default, Out-Host or Out-Null.",
				    pc->name);
			return commands_not_found(pc, e);
		}
		if (check_position(p, i, st, i > 0 ? &pl->st[i - 1] : NULL,
		    e) != 0)
			return -1;
		if (st->cmd == PIPE_CMD_TNC) {
			if (bind_tnc(st, style, e) != 0)
				return -1;
			continue;
		}
		if (ps_bind(st->meta, pc, &st->b, e) != 0)
			return -1;
		if (configure(st, e) != 0)
			return -1;
	}
	return 0;
}
