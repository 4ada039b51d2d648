/*
 * eval_stmt.c: statements and blocks: if, the loops, break and continue,
 * exit, throw, return, try/catch/finally, function definitions, and what
 * a block does with an error its statement could not finish (5.1: a
 * statement-terminating error is said and the next statement runs).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "runtime/interp.h"
#include "runtime/preference.h"
#include "runtime/processors.h"
#include "runtime/values.h"

enum flow
eval_emit(struct interp *in, struct proc *out, struct psobj_value *v)
{
	enum proc_rc rc = PROC_OK;
	size_t i;

	(void)in;
	if (v->kind == PSOBJ_ARRAY) {	/* statement output is enumerated */
		for (i = 0; i < v->nitems; i++) {
			if (rc == PROC_OK)
				rc = out->ops->process(out, &v->items[i]);
			else
				psobj_value_free(&v->items[i]);
		}
		free(v->items);
		*v = psobj_null();
	} else if (v->kind != PSOBJ_NULL) {
		rc = out->ops->process(out, v);
	}
	*v = psobj_null();
	return rc == PROC_OK ? FLOW_NEXT : rc == PROC_STOP ? FLOW_STOPPED :
	    FLOW_FAIL;
}

enum flow
eval_collect(struct interp *in, const struct ast_list *stmts,
    const struct ast *stmt, bool as_array, struct psobj_value *v)
{
	struct pipeline pl;
	struct proc *c = collector_new();
	struct psobj_value *vals;
	struct value_list list;
	size_t n;
	enum flow f;

	*v = psobj_null();
	pipeline_init(&pl, in->rt);
	if (c == NULL || pipeline_add(&pl, c) != 0)
		return eval_nomem(in);
	f = stmt != NULL ? eval_statement(in, stmt, c) :
	    eval_block(in, stmts, c);
	collector_take(c, &vals, &n);
	pipeline_free(&pl);
	list = (struct value_list){ vals, n, n };
	if (f == FLOW_STOPPED)
		f = FLOW_NEXT;
	if (f != FLOW_NEXT && f != FLOW_RETURN) {
		value_list_free(&list);
		return f;
	}
	if (n <= 1 && !as_array) {
		if (n == 1)
			*v = vals[0];
		free(vals);
		return f;
	}
	if (values_as_array(&list, v) != 0) {
		value_list_free(&list);
		return eval_nomem(in);
	}
	return f;
}

/*
 * An error its statement could not finish: outside any try, a
 * statement-terminating one is said now and the block goes on, as 5.1
 * goes on with the next statement; $? is then False.  As
 * $ErrorActionPreference says: Stop ends the script with it instead,
 * SilentlyContinue does not show it (the exit status still counts it).
 */
static enum flow
statement_error(struct interp *in)
{
	enum tnc_action_pref pref;

	/* a value tnc does not take is refused where a command reads it */
	preference_value(in, PREF_ERROR_ACTION, &pref);
	if (pref == TNC_ACTION_STOP) {
		in->thrown.script_terminating = true;
		return FLOW_THROW;
	}
	if (pref == TNC_ACTION_SILENTLY_CONTINUE)
		host_error_silenced(&in->rt->host);
	else
		host_err_text(&in->rt->host, in->thrown.text);
	host_worst(&in->rt->host, in->thrown.status);
	thrown_clear(&in->thrown);
	in->last_ok = false;
	return FLOW_NEXT;
}

enum flow
eval_block(struct interp *in, const struct ast_list *stmts, struct proc *out)
{
	enum flow f = FLOW_NEXT;
	size_t i;

	if (stmts->n == 0)
		return FLOW_NEXT;
	if (++in->depth > EVAL_MAX_DEPTH) {
		in->depth--;
		return eval_runtime_error(in, stmts->v[0], "CallDepthOverflow",
		    "InvalidOperation", "The script failed due to call depth "
		    "overflow.");
	}
	for (i = 0; i < stmts->n && f == FLOW_NEXT; i++) {
		if ((f = interp_step(in)) != FLOW_NEXT)
			break;
		f = eval_statement(in, stmts->v[i], out);
		if (f == FLOW_THROW && !in->thrown.script_terminating &&
		    in->try_depth == 0)
			f = statement_error(in);
	}
	in->depth--;
	return f;
}

/* A condition: a pipeline whose output is true as PowerShell sees it. */
static enum flow
eval_condition(struct interp *in, const struct ast *cond, bool *yes)
{
	struct psobj_value v;
	enum flow f = eval_collect(in, NULL, cond, false, &v);

	*yes = f == FLOW_NEXT && ps_is_true(&v);
	psobj_value_free(&v);
	return f == FLOW_RETURN ? FLOW_NEXT : f;
}

static enum flow
eval_if(struct interp *in, const struct ast *st, struct proc *out)
{
	size_t i;
	bool yes;
	enum flow f;

	for (i = 0; i < st->nclauses; i++) {
		f = eval_condition(in, st->clauses[i].cond, &yes);
		if (f != FLOW_NEXT)
			return f;
		if (yes)
			return eval_block(in, &st->clauses[i].body, out);
	}
	return st->has_else ? eval_block(in, &st->else_body, out) : FLOW_NEXT;
}

/* What a loop does with its body's flow: true to leave the loop. */
static bool
loop_leaves(enum flow *f)
{
	if (*f == FLOW_CONTINUE) {
		*f = FLOW_NEXT;
		return false;
	}
	if (*f == FLOW_BREAK) {
		*f = FLOW_NEXT;
		return true;
	}
	return *f != FLOW_NEXT;
}

/* foreach ($x in collection) { }: the collection's items, in order */
static enum flow
eval_foreach(struct interp *in, const struct ast *st, struct proc *out)
{
	struct psobj_value coll, item;
	size_t i, n;
	enum flow f;

	f = eval_collect(in, NULL, st->cond, false, &coll);
	if (f != FLOW_NEXT)
		return f;
	n = coll.kind == PSOBJ_ARRAY ? coll.nitems :
	    coll.kind == PSOBJ_NULL ? 0 : 1;
	for (i = 0; i < n; i++) {
		if (psobj_value_copy(&item, coll.kind == PSOBJ_ARRAY ?
		    &coll.items[i] : &coll) != 0 ||
		    scope_set(in->scope, st->var->text, &item) != 0) {
			f = eval_nomem(in);
			break;
		}
		f = eval_block(in, &st->body, out);
		if (loop_leaves(&f))
			break;
	}
	psobj_value_free(&coll);
	return f;
}

/* A for loop's initializer or step: run for its effect. */
static enum flow
eval_discard(struct interp *in, const struct ast *st)
{
	struct psobj_value ignored;
	enum flow f = eval_collect(in, NULL, st, false, &ignored);

	psobj_value_free(&ignored);
	return f;
}

/* while (c) { }, do { } while (c), do { } until (c), for (i; c; s) { } */
static enum flow
eval_loop(struct interp *in, const struct ast *st, struct proc *out)
{
	bool test_first = st->kind == AST_WHILE || st->kind == AST_FOR;
	bool yes = true, until = st->kind == AST_DO_UNTIL;
	enum flow f = FLOW_NEXT;

	if (st->kind == AST_FOR && st->init != NULL &&
	    (f = eval_discard(in, st->init)) != FLOW_NEXT)
		return f;
	for (;;) {
		if ((f = interp_step(in)) != FLOW_NEXT)
			return f;
		if (test_first && st->cond != NULL) {
			f = eval_condition(in, st->cond, &yes);
			if (f != FLOW_NEXT || !yes)
				return f;
		}
		f = eval_block(in, &st->body, out);
		if (loop_leaves(&f))
			return f;
		if (st->kind == AST_FOR && st->step != NULL &&
		    (f = eval_discard(in, st->step)) != FLOW_NEXT)
			return f;
		if (!test_first) {
			f = eval_condition(in, st->cond, &yes);
			if (f != FLOW_NEXT || yes == until)
				return f;
		}
	}
}

/*
 * exit N as 5.1's -Command takes it: a number (or a string holding one)
 * is the status, anything else is 0; the process keeps its low 8 bits.
 */
static int
exit_status(const struct psobj_value *v)
{
	struct psobj_value n;
	struct ps_op_error err;
	int status = 0;

	if (v->kind == PSOBJ_NULL)
		return 0;
	if (ps_convert(v, "int", &n, &err) != 0) {
		ps_op_error_free(&err);
		return 0;
	}
	status = (int)(n.i & 0xff);
	psobj_value_free(&n);
	return status;
}

/* exit [n], return [x], throw [x] */
static enum flow
eval_jump(struct interp *in, const struct ast *st, struct proc *out)
{
	struct psobj_value v = psobj_null();
	enum flow f = FLOW_NEXT;

	if (st->operand != NULL) {
		f = eval_collect(in, NULL, st->operand, false, &v);
		if (f != FLOW_NEXT)
			return f;
	}
	switch (st->kind) {
	case AST_EXIT:
		in->exit_code = exit_status(&v);
		psobj_value_free(&v);
		return FLOW_EXIT;
	case AST_RETURN:
		f = eval_emit(in, out, &v);
		return f == FLOW_NEXT ? FLOW_RETURN : f;
	default:	/* AST_THROW */
		if (st->operand == NULL && in->caught != NULL) {
			/* throw alone in a catch block: the caught error again */
			if (thrown_copy(&in->thrown, in->caught) != 0)
				return eval_nomem(in);
			return FLOW_THROW;
		}
		f = eval_throw(in, st, &v);
		psobj_value_free(&v);
		return f;
	}
}

/*
 * Whether catch clause c takes the error in flight: every error derives
 * from [Exception] and [System.Management.Automation.RuntimeException];
 * else the exception's own name, with or without its namespace.
 */
static bool
catch_matches(const struct interp *in, const struct ast_catch *c)
{
	const char *ex = in->thrown.exception, *t, *dot;
	size_t i;

	if (c->ntypes == 0)
		return true;
	for (i = 0; i < c->ntypes; i++) {
		t = c->types[i];
		if (strncasecmp(t, "System.", 7) == 0)
			t += 7;
		if (strcasecmp(t, "Exception") == 0 ||
		    strcasecmp(t, "Management.Automation.RuntimeException") == 0)
			return true;
		dot = strrchr(t, '.');
		if (ex != NULL && strcasecmp(ex, dot != NULL ? dot + 1 : t) == 0)
			return true;
	}
	return false;
}

/*
 * The catch block c for the error in flight: $_ is its record, and a bare
 * throw inside throws it again (in->caught, while the block runs).
 */
static enum flow
eval_catch(struct interp *in, const struct ast_catch *c, struct proc *out)
{
	struct thrown caught = in->thrown, *outer = in->caught;
	struct psobj_value record;
	enum flow f;

	memset(&in->thrown, 0, sizeof(in->thrown));
	in->thrown.record = psobj_null();
	if (psobj_value_copy(&record, &caught.record) != 0 ||
	    scope_set(in->scope, "_", &record) != 0) {
		thrown_clear(&caught);
		return eval_nomem(in);
	}
	in->last_ok = false;
	in->caught = &caught;
	f = eval_block(in, &c->body, out);
	in->caught = outer;
	thrown_clear(&caught);
	return f;
}

static enum flow
eval_try(struct interp *in, const struct ast *st, struct proc *out)
{
	enum flow f, g;
	size_t i;

	in->try_depth++;
	f = eval_block(in, &st->body, out);
	in->try_depth--;
	for (i = 0; f == FLOW_THROW && i < st->ncatches; i++) {
		if (catch_matches(in, &st->catches[i])) {
			f = eval_catch(in, &st->catches[i], out);
			break;
		}
	}
	if (st->has_finally && f != FLOW_FAIL) {
		/* finally runs whatever happened; a jump of its own wins */
		struct thrown kept = in->thrown;

		memset(&in->thrown, 0, sizeof(in->thrown));
		in->thrown.record = psobj_null();
		g = eval_block(in, &st->finally_body, out);
		if (g != FLOW_NEXT) {
			thrown_clear(&kept);
			f = g;
		} else {
			thrown_clear(&in->thrown);
			in->thrown = kept;
		}
	}
	return f;
}

enum flow
eval_statement(struct interp *in, const struct ast *st, struct proc *out)
{
	switch (st->kind) {
	case AST_PIPELINE:
		return eval_pipeline(in, st, out);
	case AST_IF:
		return eval_if(in, st, out);
	case AST_FOREACH:
		return eval_foreach(in, st, out);
	case AST_FOR:
	case AST_WHILE:
	case AST_DO_WHILE:
	case AST_DO_UNTIL:
		return eval_loop(in, st, out);
	case AST_BREAK:
		return FLOW_BREAK;
	case AST_CONTINUE:
		return FLOW_CONTINUE;
	case AST_EXIT:
	case AST_RETURN:
	case AST_THROW:
		return eval_jump(in, st, out);
	case AST_TRY:
		return eval_try(in, st, out);
	case AST_FUNCTION:
		return function_define(in, st);
	default:
		return eval_runtime_error(in, st, "StatementNotSupported",
		    "NotImplemented", "This statement is not supported by "
		    "tnc.");
	}
}

/*
 * Runs a block with $_ set to under (NULL: as it is) and gives the $_ it
 * hid back after, so that a nested ForEach-Object leaves its caller's $_
 * as it found it.  Output into out, or gathered into *v.
 */
static enum flow
run_with_item(struct interp *in, const struct ast *sb,
    const struct psobj_value *under, struct proc *out, struct psobj_value *v)
{
	struct psobj_value saved, item;
	bool had = false;
	enum flow f;

	if (under != NULL) {
		had = scope_take(in->scope, "_", &saved);
		if (psobj_value_copy(&item, under) != 0 ||
		    scope_set(in->scope, "_", &item) != 0) {
			psobj_value_free(&saved);
			return eval_nomem(in);
		}
	}
	f = out != NULL ? eval_block(in, &sb->body, out) :
	    eval_collect(in, &sb->body, NULL, false, v);
	if (under != NULL) {
		scope_take(in->scope, "_", &item);
		psobj_value_free(&item);
		if (had && scope_set(in->scope, "_", &saved) != 0 &&
		    f != FLOW_FAIL)
			f = eval_nomem(in);
	}
	return f == FLOW_RETURN ? FLOW_NEXT : f;
}

enum flow
eval_scriptblock(struct interp *in, const struct psobj_value *block,
    const struct psobj_value *dollar_under, struct proc *out)
{
	return run_with_item(in, block->block, dollar_under, out, NULL);
}

enum flow
eval_scriptblock_value(struct interp *in, const struct psobj_value *block,
    const struct psobj_value *dollar_under, struct psobj_value *v)
{
	*v = psobj_null();
	return run_with_item(in, block->block, dollar_under, NULL, v);
}
