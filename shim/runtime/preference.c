/*
 * preference.c: $ErrorActionPreference and $WarningPreference as the
 * commands after them read them (preference.h).  A command not given
 * -ErrorAction or -WarningAction gets the preference as that parameter,
 * added to its arguments before it is bound, so it means exactly what the
 * parameter means (Write-Error -ErrorAction Stop, tnc -WarningAction
 * SilentlyContinue, ...).
 *
 * Ours (a runtime error where the preference is read):
 *   PreferenceNotSupported  The value 'Inquire' of $ErrorActionPreference
 *                           is not supported by tnc.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/command_defs.h"
#include "runtime/preference.h"

/* The values tnc takes, by their ActionPreference names */
static const struct {
	const char *name;
	enum tnc_action_pref pref;
} takes[] = {
	{ "SilentlyContinue", TNC_ACTION_SILENTLY_CONTINUE },
	{ "Stop", TNC_ACTION_STOP },
	{ "Continue", TNC_ACTION_CONTINUE },
};

static bool
by_name(const char *text, enum tnc_action_pref *pref)
{
	size_t i;

	for (i = 0; i < sizeof(takes) / sizeof(takes[0]); i++)
		if (strcasecmp(text, takes[i].name) == 0) {
			*pref = takes[i].pref;
			return true;
		}
	return false;
}

bool
preference_text_ok(const char *text)
{
	enum tnc_action_pref pref;

	return by_name(text, &pref);
}

bool
preference_value(const struct interp *in, const char *name,
    enum tnc_action_pref *pref)
{
	const struct psobj_value *v = scope_get(in->scope, name);
	char *text;
	bool ok;
	size_t i;

	*pref = TNC_ACTION_CONTINUE;
	if (v == NULL || v->kind == PSOBJ_NULL)
		return true;
	if (v->kind == PSOBJ_INT && v->to_string == NULL) {
		/* the enum's number, as [ActionPreference]1 is Stop */
		for (i = 0; i < sizeof(takes) / sizeof(takes[0]); i++)
			if (v->i == (long long)takes[i].pref) {
				*pref = takes[i].pref;
				return true;
			}
		return false;
	}
	if ((text = ps_to_string(v)) == NULL)
		return false;
	ok = by_name(text, pref);
	free(text);
	if (!ok)
		*pref = TNC_ACTION_CONTINUE;
	return ok;
}

/* Whether cmd's elements give parameter full (or alias, or a prefix). */
static bool
given(const struct ps_command *pc, const char *full, const char *alias)
{
	const struct ps_element *el;
	size_t i, n;

	for (i = 0; i < pc->nelems; i++) {
		el = &pc->elems[i];
		if (!el->is_param || el->name == NULL)
			continue;
		n = strlen(el->name);
		if (strcasecmp(el->name, alias) == 0 ||
		    (n > 0 && strncasecmp(el->name, full, n) == 0))
			return true;
	}
	return false;
}

/*
 * Appends -name:value to b, at the command's extent (b->vals, which the
 * arguments' values point into, stays where it is).  -1 on ENOMEM.
 */
static int
add_param(struct command_build *b, const char *name, const char *value)
{
	struct ps_element *elems, *el;
	size_t k = b->pc.nelems;

	elems = realloc(b->pc.elems, (k + 2) * sizeof(*elems));
	if (elems == NULL)
		return -1;
	b->pc.elems = elems;
	el = &elems[k];
	memset(el, 0, sizeof(*el));
	b->pc.nelems = k + 1;
	el->is_param = true;
	el->colon = true;
	el->has_value = true;
	el->offset = el->value.offset = b->pc.offset;
	el->length = el->value.length = b->pc.length;
	el->value.kind = PS_VAL_STRING;
	if ((el->name = strdup(name)) == NULL ||
	    (el->value.text = strdup(value)) == NULL)
		return -1;
	return 0;
}

static const char *
pref_name(enum tnc_action_pref pref)
{
	size_t i;

	for (i = 0; i < sizeof(takes) / sizeof(takes[0]); i++)
		if (takes[i].pref == pref)
			return takes[i].name;
	return "Continue";
}

/* The preference in var as parameter param of b, when it applies. */
static enum flow
add_one(struct interp *in, const struct ast *cmd, struct command_build *b,
    const char *var, const char *param, const char *alias, bool stop_ok)
{
	enum tnc_action_pref pref;
	char *text;
	enum flow f;

	if (!preference_value(in, var, &pref)) {
		text = ps_to_string(scope_get(in->scope, var));
		f = eval_runtime_error(in, cmd, "Preference"
		    "NotSupported", "NotImplemented", "The value '%s' of $%s "
		    "is not supported by tnc.", text != NULL ? text : "", var);
		free(text);
		return f;
	}
	if (pref == TNC_ACTION_CONTINUE || (pref == TNC_ACTION_STOP &&
	    !stop_ok) || given(&b->pc, param, alias))
		return FLOW_NEXT;
	return add_param(b, param, pref_name(pref)) == 0 ? FLOW_NEXT :
	    eval_nomem(in);
}

enum flow
preference_add_params(struct interp *in, const struct ast *cmd,
    struct command_build *b, const struct stage *st)
{
	enum flow f;

	/* Test-NetConnection (no meta here: tnc_bind() binds it) takes both */
	if (st->cmd != PIPE_CMD_TNC &&
	    (st->meta == NULL || !st->meta->common_parameters))
		return FLOW_NEXT;
	/* Stop only where tnc can stop on the command's errors */
	if (st->cmd != PIPE_CMD_TNC) {
		f = add_one(in, cmd, b, PREF_ERROR_ACTION, "ErrorAction", "ea",
		    command_def(st->cmd)->error_stop);
		if (f != FLOW_NEXT)
			return f;
	}
	if (st->cmd == PIPE_CMD_TNC || st->cmd == PIPE_CMD_WRITE_WARNING)
		return add_one(in, cmd, b, PREF_WARNING, "WarningAction", "wa",
		    true);
	return FLOW_NEXT;
}
