/*
 * interp.c: one run of a script's statements: the evaluator's state, the
 * functions the script defines, and how the run ends.
 */
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/interp.h"

/* Every function the script defines, at any depth, in script order. */
static int
collect_functions(struct interp *in, const struct ast_list *l);

static int
collect_node(struct interp *in, const struct ast *a)
{
	struct function_entry *grown;
	size_t i;

	if (a == NULL)
		return 0;
	if (a->kind == AST_FUNCTION) {
		grown = realloc(in->functions, (in->nfunctions + 1) *
		    sizeof(*grown));
		if (grown == NULL)
			return -1;
		in->functions = grown;
		in->functions[in->nfunctions].def = a;
		in->functions[in->nfunctions++].defined = false;
	}
	for (i = 0; i < a->nclauses; i++)
		if (collect_functions(in, &a->clauses[i].body) != 0)
			return -1;
	for (i = 0; i < a->ncatches; i++)
		if (collect_functions(in, &a->catches[i].body) != 0)
			return -1;
	return collect_functions(in, &a->body) != 0 ||
	    collect_functions(in, &a->else_body) != 0 ||
	    collect_functions(in, &a->finally_body) != 0 ? -1 : 0;
}

static int
collect_functions(struct interp *in, const struct ast_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (collect_node(in, l->v[i]) != 0)
			return -1;
	return 0;
}

int
interp_init(struct interp *in, struct runtime *rt, const char *script,
    const struct ast_list *stmts)
{
	memset(in, 0, sizeof(*in));
	in->rt = rt;
	in->script = script;
	in->stmts = stmts;
	in->last_ok = true;
	in->thrown.record = psobj_null();
	in->global = in->scope = scope_new(NULL);
	rt->interp = in;
	if (in->global == NULL || collect_functions(in, stmts) != 0) {
		interp_free(in);
		return -1;
	}
	return 0;
}

void
interp_free(struct interp *in)
{
	scope_free(in->global);
	free(in->functions);
	thrown_clear(&in->thrown);
	if (in->rt != NULL)
		in->rt->interp = NULL;
	memset(in, 0, sizeof(*in));
}

enum flow
interp_step(struct interp *in)
{
	if (in->rt->max_steps == 0 || ++in->steps <= in->rt->max_steps)
		return FLOW_NEXT;
	host_note(&in->rt->host, TNC_EXIT_SYSTEM, "the script ran more than "
	    "%lu statements", in->rt->max_steps);
	return FLOW_FAIL;
}

void
interp_apply_style(struct interp *in)
{
	struct runtime *rt = in->rt;

	if (!in->style.set || rt->style_set)
		return;
	rt->style_set = true;
	host_style(&rt->host, in->style.nl, in->style.ed);
	if (rt->ecfg.max_in_flight == 0)
		rt->ecfg.max_in_flight = in->style.throttle;
}

enum flow
interp_run(struct interp *in, struct proc *out)
{
	enum flow f = eval_block(in, in->stmts, out);

	switch (f) {
	case FLOW_EXIT:
	case FLOW_THROW:
	case FLOW_FAIL:
		return f;
	default:
		/* break or continue outside a loop, return: the script ends */
		return FLOW_NEXT;
	}
}
