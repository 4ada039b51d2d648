/*
 * eval_errors.c: terminating errors of a script: `throw`, runtime errors
 * (a conversion that fails, a method that does not exist), errors of
 * commands bound at run time, a Stop preference.  Each becomes the text
 * 5.1 prints (NormalView) and the ErrorRecord a catch block sees as $_
 * ($_.Exception.Message, $_.FullyQualifiedErrorId, "$_").
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "runtime/interp.h"

void
thrown_clear(struct thrown *t)
{
	free(t->text);
	free(t->exception);
	psobj_value_free(&t->record);
	memset(t, 0, sizeof(*t));
	t->record = psobj_null();
}

int
thrown_copy(struct thrown *to, const struct thrown *t)
{
	thrown_clear(to);
	to->script_terminating = t->script_terminating;
	to->status = t->status;
	if ((t->text != NULL && (to->text = strdup(t->text)) == NULL) ||
	    (t->exception != NULL &&
	    (to->exception = strdup(t->exception)) == NULL) ||
	    psobj_value_copy(&to->record, &t->record) != 0) {
		thrown_clear(to);
		return -1;
	}
	return 0;
}

enum flow
eval_nomem(struct interp *in)
{
	host_note(&in->rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	return FLOW_FAIL;
}

static int
add_string(struct psobj *o, const char *name, const char *s)
{
	struct psobj_value v = psobj_null();

	if (s != NULL && psobj_string(&v, s) != 0)
		return -1;
	return psobj_add(o, name, v);
}

/*
 * The ErrorRecord of a terminating error: Exception (with its Message),
 * TargetObject, CategoryInfo and FullyQualifiedErrorId; its ToString()
 * is the message, as "$_" shows it in a catch block.  -1 on ENOMEM.
 */
static int
error_record(struct psobj_value *rec, const char *message,
    const char *exception, const char *category, const char *id,
    const struct psobj_value *target)
{
	struct psobj *r = psobj_new("System.Management.Automation.ErrorRecord");
	struct psobj *x = NULL;
	struct psobj_value xv, tv = psobj_null();
	int rc = -1;

	*rec = psobj_null();
	if (r == NULL || (x = psobj_new(exception)) == NULL ||
	    add_string(x, "Message", message) != 0 ||
	    psobj_object(&xv, x, message) != 0)
		goto out;
	x = NULL;
	if (psobj_add(r, "Exception", xv) != 0 ||
	    (target != NULL && psobj_value_copy(&tv, target) != 0) ||
	    psobj_add(r, "TargetObject", tv) != 0 ||
	    add_string(r, "CategoryInfo", category) != 0 ||
	    add_string(r, "FullyQualifiedErrorId", id) != 0)
		goto out;
	rc = psobj_object(rec, r, message);
	r = NULL;
out:
	psobj_free(x);
	psobj_free(r);
	return rc;
}

/* Makes e the error in flight: its text as 5.1 prints it, its record. */
static enum flow
raise(struct interp *in, const struct ps_error *e,
    const struct psobj_value *target, bool script_terminating, int status)
{
	const char *exception = e->exception != NULL ? e->exception :
	    "RuntimeException";

	if (e->out_of_memory)
		return eval_nomem(in);
	thrown_clear(&in->thrown);
	in->thrown.text = host_error_text(&in->rt->host, e);
	in->thrown.exception = strdup(exception);
	in->thrown.script_terminating = script_terminating;
	in->thrown.status = status;
	if (in->thrown.text == NULL || in->thrown.exception == NULL ||
	    error_record(&in->thrown.record, e->message, exception,
	    e->category, e->error_id, target) != 0) {
		thrown_clear(&in->thrown);
		return eval_nomem(in);
	}
	return FLOW_THROW;
}

enum flow
eval_ps_error(struct interp *in, const struct ps_error *pe, int status)
{
	return raise(in, pe, NULL, false, status);
}

enum flow
eval_error(struct interp *in, const struct ast *a, struct ps_op_error *err)
{
	struct ps_error e = { 0 };
	enum flow f;

	if (err->nomem) {
		ps_op_error_free(err);
		return eval_nomem(in);
	}
	ps_error_bind(&e, NULL, NULL, err->category != NULL ? err->category :
	    "NotSpecified", err->exception != NULL ? err->exception :
	    "RuntimeException", err->error_id != NULL ? err->error_id :
	    "RuntimeException", a->offset, a->length, "%s",
	    err->message != NULL ? err->message : "");
	e.runtime_error = true;
	f = raise(in, &e, NULL, false, TNC_EXIT_FAILED);
	ps_error_free(&e);
	ps_op_error_free(err);
	return f;
}

enum flow
eval_runtime_error(struct interp *in, const struct ast *a, const char *id,
    const char *category, const char *fmt, ...)
{
	struct ps_op_error err = { 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&err.message, fmt, ap);
	va_end(ap);
	if (n < 0)
		return eval_nomem(in);
	err.error_id = id;
	err.category = category;
	err.exception = "RuntimeException";
	return eval_error(in, a, &err);
}

enum flow
eval_deferred(struct interp *in, char *text, const char *message,
    bool script_terminating)
{
	thrown_clear(&in->thrown);
	in->thrown.text = text;
	in->thrown.script_terminating = script_terminating;
	in->thrown.status = TNC_EXIT_FAILED;
	in->thrown.exception = strdup(script_terminating ?
	    "ActionPreferenceStopException" : "RuntimeException");
	if (in->thrown.exception == NULL ||
	    error_record(&in->thrown.record, message != NULL ? message : "",
	    in->thrown.exception, NULL, NULL, NULL) != 0) {
		thrown_clear(&in->thrown);
		return eval_nomem(in);
	}
	return FLOW_THROW;
}

/*
 * throw "text": 5.1's RuntimeException with the text as its message and
 * id, CategoryInfo OperationStopped: (text:String) [], RuntimeException;
 * a bare throw: "ScriptHalted".  Thrown again in a catch block, an error
 * record ($_) keeps its message.
 */
enum flow
eval_throw(struct interp *in, const struct ast *a, const struct psobj_value *v)
{
	struct ps_error e = { 0 };
	char *s = v->kind == PSOBJ_NULL ? strdup("ScriptHalted") :
	    ps_to_string(v);
	enum flow f;

	if (s == NULL)
		return eval_nomem(in);
	ps_error_bind(&e, NULL, NULL, "OperationStopped", "RuntimeException",
	    s, a->offset, a->length, "%s", s);
	if (v->kind != PSOBJ_NULL)
		ps_error_set_target(&e, s, v->kind == PSOBJ_STRING ? "String" :
		    NULL);
	e.runtime_error = true;
	f = raise(in, &e, v, true, TNC_EXIT_FAILED);
	ps_error_free(&e);
	free(s);
	return f;
}
