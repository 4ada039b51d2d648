/*
 * interp_vet.c: what a script is checked for before anything of it runs
 * (interp_vet() in interp.h).  The tree is walked once: every command is
 * looked up and checked for its place in its pipeline, a command whose
 * arguments are all literals is bound (so `tnc h -Port x` is refused with
 * 5.1's binding error before anything is sent, as on its own), and the
 * types, casts and static members are checked against what tnc offers.
 *
 * Ours (ParserError layout, as the parser's other refusals):
 *   TypeNotSupported          The type [x] is not supported by tnc.
 *   StaticMemberNotSupported  The static member [x]::Y is not supported
 *                             by tnc.
 *   CommandNameNotSupported   A command name tnc cannot know before it
 *                             runs ("tnc$x") is not supported by tnc.
 *   PreferenceNotSupported    The value 'Inquire' of
 *                             $ErrorActionPreference is not supported by
 *                             tnc.  (a literal assigned to
 *                             $ErrorActionPreference or $WarningPreference;
 *                             preference.h)
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops.h"
#include "runtime/command_build.h"
#include "runtime/command_defs.h"
#include "runtime/interp.h"
#include "runtime/preference.h"
#include "runtime/static_members.h"

struct vet {
	struct interp *in;
	struct ps_error *e;
};

static int vet_node(struct vet *v, const struct ast *a);

static int
vet_list(struct vet *v, const struct ast_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (vet_node(v, l->v[i]) != 0)
			return -1;
	return 0;
}

/* Whether the script defines a function of this name, anywhere. */
static bool
user_function(const struct interp *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->nfunctions; i++)
		if (strcasecmp(in->functions[i].def->text, name) == 0)
			return true;
	return false;
}

static int
vet_type(struct vet *v, const struct ast *a, const char *type)
{
	if (type == NULL || ps_type_known(type))
		return 0;
	return ps_error_parse(v->e, "TypeNotSupported", a->offset, a->length,
	    "The type [%s] is not supported by tnc.", type);
}

/* A hashtable or script block in a (an array literal's items too) */
static const struct ast *
calculated_arg(const struct ast *a)
{
	const struct ast *c;
	size_t i;

	if (a == NULL)
		return NULL;
	if (a->kind == AST_HASHTABLE || a->kind == AST_SCRIPTBLOCK)
		return a;
	for (i = 0; a->kind == AST_ARRAY_LITERAL && i < a->items.n; i++)
		if ((c = calculated_arg(a->items.v[i])) != NULL)
			return c;
	return NULL;
}

/*
 * Calculated properties are Select-Object's only: in the -Property of the
 * other commands that take one (any argument but -InputObject's), a
 * hashtable or a script block is refused before the run, as stage.c
 * refuses one that came in a variable.
 */
static int
vet_calculated(struct vet *v, const struct ast *cmd, const struct stage *st)
{
	const struct ast *a, *c;
	size_t i;

	if (st->cmd != PIPE_CMD_FORMAT_TABLE && st->cmd !=
	    PIPE_CMD_FORMAT_LIST && st->cmd != PIPE_CMD_SORT_OBJECT &&
	    st->cmd != PIPE_CMD_MEASURE_OBJECT)
		return 0;
	for (i = 0; i < cmd->args.n; i++) {
		a = cmd->args.v[i];
		if (a->kind == AST_PARAMETER) {
			if (a->param != NULL && a->param[0] != '\0' &&
			    strncasecmp(a->param, "InputObject",
			    strlen(a->param)) == 0)
				continue;
			a = a->value;
		}
		if ((c = calculated_arg(a)) != NULL)
			return ps_error_parse(v->e, "CalculatedProperty"
			    "NotSupported", c->offset, c->length, "tnc takes "
			    "calculated properties in Select-Object only, not "
			    "in %s.", st->meta->name);
	}
	return 0;
}

/*
 * A command of a pipeline (i-th, after input when the pipeline starts
 * with a value): looked up and placed; bound when its arguments are
 * literals.  st is kept for the next command's placing.
 */
static int
vet_command(struct vet *v, const struct ast *cmd, size_t i, bool input,
    struct stage *sts)
{
	struct interp *in = v->in;
	struct command_build cb;
	struct ps_command pc = { 0 };
	struct stage *st = &sts[i];
	const struct ps_command_meta *meta;
	enum pipe_cmd kind;
	enum flow f;
	int rc;

	if (cmd->name == NULL || cmd->name->text == NULL ||
	    cmd->name->kind == AST_EXPANDABLE)
		return ps_error_parse(v->e, "CommandNameNotSupported",
		    cmd->offset, cmd->length, "A command name tnc cannot know "
		    "before it runs is not supported by tnc.");
	if (user_function(in, command_name(cmd)))
		return 0;
	pc.name = (char *)command_name(cmd);
	pc.name_offset = cmd->name->offset;
	pc.name_length = cmd->name->length;
	pc.offset = cmd->offset;
	pc.length = cmd->length;
	if (stage_lookup(st, &pc, v->e) != 0 ||
	    stage_check_position(st, i, input, i > 0 && sts[i - 1].meta !=
	    NULL ? &sts[i - 1] : NULL, v->e) != 0 ||
	    vet_calculated(v, cmd, st) != 0)
		return -1;
	if (!command_is_literal(cmd))
		return 0;
	f = command_build(in, cmd, &cb);
	if (f != FLOW_NEXT) {
		command_build_free(&cb);
		return f == FLOW_FAIL ? ps_error_no_memory(v->e) : 0;
	}
	st->pc = &cb.pc;
	st->has_input = input || i > 0;
	rc = stage_bind(st, &in->style, v->e);
	interp_apply_style(in);
	/* the stage borrowed cb's command: keep what the next one's place
	   is checked against */
	kind = st->cmd;
	meta = st->meta;
	stage_free(st);
	st->cmd = kind;
	st->meta = meta;
	command_build_free(&cb);
	return rc;
}

/* $ErrorActionPreference = 'Inquire': a value tnc does not take */
static int
vet_preference(struct vet *v, const struct ast *pl)
{
	const struct ast *t = pl->assign_target, *val;

	if (t->kind != AST_VARIABLE || pl->elems.n != 1 ||
	    (strcasecmp(t->text, PREF_ERROR_ACTION) != 0 &&
	    strcasecmp(t->text, PREF_WARNING) != 0))
		return 0;
	val = pl->elems.v[0];
	if (val->kind != AST_STRING && (val->kind != AST_CONSTANT ||
	    val->constant != AST_CONST_WORD))
		return 0;
	if (preference_text_ok(val->text))
		return 0;
	return ps_error_parse(v->e, "PreferenceNotSupported", val->offset,
	    val->length, "The value '%s' of $%s is not supported by tnc.",
	    val->text, t->text);
}

static int
vet_pipeline(struct vet *v, const struct ast *pl)
{
	const struct ast *head;
	struct stage *sts;
	size_t i, first;
	int rc = 0;

	if (pl->assign_target != NULL && (vet_node(v, pl->assign_target) != 0 ||
	    vet_preference(v, pl) != 0))
		return -1;
	if (pl->elems.n == 0)
		return 0;
	head = pl->elems.v[0];
	first = head->kind == AST_COMMAND ? 0 : 1;
	sts = calloc(pl->elems.n + 1, sizeof(*sts));
	if (sts == NULL)
		return ps_error_no_memory(v->e);
	for (i = 0; i < pl->elems.n && rc == 0; i++) {
		if (pl->elems.v[i]->kind == AST_COMMAND)
			rc = vet_command(v, pl->elems.v[i], i - first,
			    first == 1, sts);
		if (rc == 0)
			rc = vet_node(v, pl->elems.v[i]);
	}
	for (i = 0; i < pl->elems.n; i++)
		stage_free(&sts[i]);
	free(sts);
	return rc;
}

static int
vet_static(struct vet *v, const struct ast *a)
{
	const char *type = a->target != NULL ? a->target->text : NULL;

	if (type != NULL && a->text != NULL &&
	    static_member_known(type, a->text, a->kind == AST_INVOKE))
		return 0;
	return ps_error_parse(v->e, "StaticMemberNotSupported", a->offset,
	    a->length, "The static member [%s]::%s is not supported by tnc.",
	    type != NULL ? type : "", a->text != NULL ? a->text : "");
}

/* The checks of node a itself; its children are vet_node()'s. */
static int
vet_self(struct vet *v, const struct ast *a)
{
	switch (a->kind) {
	case AST_PIPELINE:
		return 1;		/* vet_pipeline() walks it */
	case AST_CAST:
		return vet_type(v, a, a->text);
	case AST_TYPE:
		/* on its own a type is a value tnc does not have */
		return ps_error_parse(v->e, "TypeNotSupported", a->offset,
		    a->length, "The type [%s] as a value is not supported by "
		    "tnc.", a->text);
	case AST_MEMBER:
	case AST_INVOKE:
		return a->static_member ? vet_static(v, a) : 0;
	case AST_BINARY:
		if (a->right != NULL && a->right->kind == AST_TYPE &&
		    (a->op == PS_OP_IS || a->op == PS_OP_ISNOT ||
		    a->op == PS_OP_AS))
			return vet_type(v, a->right, a->right->text) != 0 ? -1 :
			    vet_node(v, a->left) != 0 ? -1 : 1;
		return 0;
	case AST_VARIABLE:
		/* a parameter's [switch] is a flag eval_function.c binds */
		if (a->param_type != NULL &&
		    strcasecmp(a->param_type, "switch") == 0)
			return 0;
		return vet_type(v, a, a->param_type);
	default:
		return 0;
	}
}

static int
vet_node(struct vet *v, const struct ast *a)
{
	size_t i;
	int rc;

	if (a == NULL)
		return 0;
	rc = vet_self(v, a);
	if (rc < 0)
		return -1;
	if (rc > 0)			/* walked already */
		return a->kind == AST_PIPELINE ? vet_pipeline(v, a) : 0;
	for (i = 0; i < a->nclauses; i++)
		if (vet_node(v, a->clauses[i].cond) != 0 ||
		    vet_list(v, &a->clauses[i].body) != 0)
			return -1;
	for (i = 0; i < a->ncatches; i++)
		if (vet_list(v, &a->catches[i].body) != 0)
			return -1;
	if (vet_list(v, &a->else_body) != 0 || vet_list(v, &a->body) != 0 ||
	    vet_list(v, &a->finally_body) != 0 ||
	    vet_list(v, &a->params) != 0 || vet_list(v, &a->args) != 0 ||
	    vet_list(v, &a->parts) != 0 || vet_list(v, &a->items) != 0 ||
	    vet_list(v, &a->keys) != 0 || vet_list(v, &a->values) != 0)
		return -1;
	if (a->kind == AST_COMMAND)	/* its name is a word, not a value */
		return 0;
	if (a->kind == AST_MEMBER || a->kind == AST_INVOKE) {
		if (a->static_member)	/* [type]::: checked above */
			return vet_list(v, &a->args);
		if (vet_node(v, a->member) != 0)
			return -1;
	}
	return vet_node(v, a->cond) != 0 || vet_node(v, a->init) != 0 ||
	    vet_node(v, a->step) != 0 || vet_node(v, a->operand) != 0 ||
	    vet_node(v, a->value) != 0 || vet_node(v, a->target) != 0 ||
	    vet_node(v, a->index) != 0 || vet_node(v, a->left) != 0 ||
	    vet_node(v, a->right) != 0 ? -1 : 0;
}

int
interp_vet(struct interp *in, struct ps_error *e)
{
	struct vet v = { in, e };

	return vet_list(&v, in->stmts);
}
