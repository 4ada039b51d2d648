/*
 * stage.c: a command looked up, placed and bound (stage.h).
 *
 * Ours, for valid PowerShell that tnc does not run (ParserError layout):
 *   CommandNotSupported           a real 5.1 command tnc does not run
 *   ParameterNotSupported         a parameter (or value) tnc does not run
 *   PipelinePositionNotSupported  a command where tnc cannot run it
 *   PipelineStartNotSupported     a pipeline that starts with a cmdlet
 *                                 that needs input
 *   CalculatedPropertyNotSupported  a hashtable or script block in the
 *                                 -Property of a command other than
 *                                 Select-Object (calc_property.h)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/property_names.h"
#include "objects/wildcard.h"
#include "parsers/tnc_command.h"
#include "runtime/command_defs.h"
#include "runtime/stage.h"
#include "runtime/report.h"

static int
not_supported(struct ps_error *e, const char *id, size_t off, size_t len,
    const char *what)
{
	return ps_error_parse(e, id, off, len, "%s", what);
}

int
stage_strings(char ***list, size_t *n, const struct ps_value *v)
{
	char **grown;
	const char *t;
	size_t i;

	if (v->kind == PS_VAL_ARRAY) {
		for (i = 0; i < v->nitems; i++)
			if (stage_strings(list, n, &v->items[i]) != 0)
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

void
stage_strings_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* Rejects the parameters tnc does not run; reads -ErrorAction. */
static int
check_params(struct stage *st, struct ps_error *e)
{
	const char *const *ok = command_def(st->cmd)->runs;
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
			if (bd->i == TNC_ACTION_STOP &&
			    command_def(st->cmd)->error_stop) {
				st->stop_errors = true;
				continue;
			}
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

/* A hashtable or a script block among pv's values: a calculated property */
static const struct ps_value *
calculated(const struct ps_value *pv)
{
	const struct psobj_value *o = pv->object;
	const struct ps_value *c;
	size_t i;

	for (i = 0; pv->kind == PS_VAL_ARRAY && i < pv->nitems; i++)
		if ((c = calculated(&pv->items[i])) != NULL)
			return c;
	return o != NULL && (o->kind == PSOBJ_HASHTABLE ||
	    o->kind == PSOBJ_SCRIPTBLOCK) ? pv : NULL;
}

/* Reads the binding of a command other than tnc into st. */
static int
configure(struct stage *st, struct ps_error *e)
{
	const struct ps_bound *v;
	const struct ps_value *c;

	if (check_params(st, e) != 0)
		return -1;
	v = ps_binding_get(&st->b, "Property");
	if (v != NULL && v->present && v->value != NULL &&
	    st->cmd != PIPE_CMD_SELECT_OBJECT &&
	    (c = calculated(v->value)) != NULL)
		return ps_error_parse(e, "CalculatedPropertyNotSupported",
		    c->offset, c->length, "tnc takes calculated properties "
		    "in Select-Object only, not in %s.", st->meta->name);
	if (v != NULL && v->present && v->value != NULL &&
	    stage_strings(&st->props, &st->nprops, v->value) != 0)
		return ps_error_no_memory(e);
	if (check_wildcards(st, e) != 0)
		return -1;
	if (command_def(st->cmd)->configure != NULL)
		return command_def(st->cmd)->configure(st, e);
	return 0;
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

int
stage_check_position(const struct stage *st, size_t i, bool input,
    const struct stage *prev, struct ps_error *e)
{
	const struct command_def *d = command_def(st->cmd);
	const struct ps_command *pc = st->pc;

	if (d->position == CMD_FIRST && (i > 0 || input))
		return ps_error_parse(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length, "tnc runs %s only as the "
		    "first command of a pipeline.", st->meta->name);
	if (d->position == CMD_FIRST || (i == 0 && d->can_start))
		return 0;
	if (i == 0 && !input)
		return not_supported(e, "PipelineStartNotSupported",
		    pc->name_offset, pc->name_length,
		    "A tnc pipeline starts with Test-NetConnection (or tnc), "
		    "Get-Content, Get-Date, a Write- command, Start-Sleep, a "
		    "list of values, or a parenthesized pipeline.");
	if (prev != NULL && command_def(prev->cmd)->position == CMD_LAST)
		return not_supported(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length,
		    "tnc runs Out-Default, Out-Host and Out-Null only as the "
		    "last command of a pipeline.");
	if (prev != NULL && (prev->cmd == PIPE_CMD_FORMAT_LIST ||
	    prev->cmd == PIPE_CMD_FORMAT_TABLE) && !d->takes_format_text)
		return not_supported(e, "PipelinePositionNotSupported",
		    pc->name_offset, pc->name_length,
		    "tnc passes the output of Format-List and Format-Table "
		    "only to Out-String, Out-Default, Out-Host or Out-Null.");
	return 0;
}

/* A name tnc does not run: a 5.1 command it does not support, or none. */
static int
command_unknown(const struct ps_command *pc, struct ps_error *e)
{
	char names[1024];

	if (!commands_is_known_unsupported(pc->name))
		return commands_not_found(pc, e);
	commands_names(names, sizeof(names));
	return ps_error_parse(e, "CommandNotSupported", pc->name_offset,
	    pc->name_length, "The command '%s' is not supported by tnc. A tnc "
	    "pipeline runs %s.", pc->name, names);
}

int
stage_lookup(struct stage *st, const struct ps_command *pc, struct ps_error *e)
{
	st->pc = pc;
	st->cmd = commands_lookup(pc->name, &st->meta);
	if (st->cmd != PIPE_CMD_NONE && command_def(st->cmd) != NULL)
		return 0;
	return command_unknown(pc, e);
}

int
stage_bind(struct stage *st, struct plan_style *style, struct ps_error *e)
{
	if (st->cmd == PIPE_CMD_TNC)
		return bind_tnc(st, style, e);
	if (ps_bind_input(st->meta, st->pc, st->has_input, &st->b, e) != 0)
		return -1;
	return configure(st, e);
}

void
stage_free(struct stage *st)
{
	ps_binding_free(&st->b);
	if (st->o_init)
		tnc_options_free(&st->o);
	stage_strings_free(st->props, st->nprops);
	if (st->cfg_free != NULL)
		st->cfg_free(st->cfg);
	memset(st, 0, sizeof(*st));
}
