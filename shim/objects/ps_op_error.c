/* ps_op_error.c: runtime errors of operators, casts and methods, as 5.1 words them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

void
ps_op_error_free(struct ps_op_error *e)
{
	if (e == NULL)
		return;
	free(e->message);
	memset(e, 0, sizeof(*e));
}

void
ps_op_error_move(struct ps_op_error *dst, struct ps_op_error *src)
{
	ps_op_error_free(dst);
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

static int
fail_v(struct ps_op_error *e, const char *id, const char *category,
    const char *exception, const char *fmt, va_list ap)
{
	char *m = NULL;

	free(e->message);
	memset(e, 0, sizeof(*e));
	if (vasprintf(&m, fmt, ap) < 0)
		return ps_fail_nomem(e);
	e->message = m;
	e->error_id = id;
	e->category = category;
	e->exception = exception;
	return -1;
}

int
ps_fail(struct ps_op_error *e, const char *id, const char *category,
    const char *exception, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = fail_v(e, id, category, exception, fmt, ap);
	va_end(ap);
	return rc;
}

int
ps_fail_nomem(struct ps_op_error *e)
{
	free(e->message);
	memset(e, 0, sizeof(*e));
	e->nomem = true;
	e->error_id = "OutOfMemory";
	e->category = "ResourceUnavailable";
	e->exception = "OutOfMemoryException";
	errno = ENOMEM;
	return -1;
}

int
ps_fail_unsupported(struct ps_op_error *e, const char *fmt, ...)
{
	char *what = NULL;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&what, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return ps_fail_nomem(e);
	rc = ps_fail(e, "NotSupportedByTnc", "NotImplemented",
	    "RuntimeException", "%s is not supported by tnc.", what);
	free(what);
	return rc;
}

int
ps_fail_too_large(struct ps_op_error *e)
{
	return ps_fail_unsupported(e, "A result larger than %lu MB",
	    PS_RESULT_LIMIT >> 20);
}

int
ps_fail_cast(struct ps_op_error *e, const char *id, const char *value,
    const char *type, const char *inner)
{
	return ps_fail(e, id, "InvalidArgument", "RuntimeException",
	    "Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"",
	    value, type, inner);
}

int
ps_fail_cast_value(struct ps_op_error *e, const struct psobj_value *v,
    const char *type)
{
	/* the value's ToString(): an array's is its type name */
	char *s = v->kind == PSOBJ_ARRAY ? strdup(ps_type_name(v)) :
	    ps_to_string(v);
	int rc;

	if (s == NULL)
		return ps_fail_nomem(e);
	rc = ps_fail(e, "ConvertToFinalInvalidCastException", "InvalidArgument",
	    "RuntimeException",
	    "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
	    s, ps_type_name(v), type);
	free(s);
	return rc;
}

int
ps_fail_dotnet(struct ps_op_error *e, const char *exception,
    const char *fmt, ...)
{
	/* the error_id is the exception's full name: static storage needed */
	static const struct {
		const char *name, *id;
	} ids[] = {
		{ "ArgumentException", "System.ArgumentException" },
		{ "OverflowException", "System.OverflowException" },
		{ "FormatException", "System.FormatException" },
		{ "IndexOutOfRangeException", "System.IndexOutOfRangeException" },
		{ "ArgumentOutOfRangeException",
		    "System.ArgumentOutOfRangeException" },
	};
	const char *id = "RuntimeException";
	va_list ap;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		if (strcmp(ids[i].name, exception) == 0)
			id = ids[i].id;
	va_start(ap, fmt);
	rc = fail_v(e, id, "OperationStopped", exception, fmt, ap);
	va_end(ap);
	return rc;
}
