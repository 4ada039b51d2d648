/*
 * ps_format.c: the -f operator: .NET Framework's composite formatting
 * (String.Format with the en-US culture): {index[,alignment][:format]},
 * {{ and }} for braces, numbers and dates through their format strings.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/ps_ops_impl.h"

#define FORMAT_ERROR	"Input string was not in a correct format."
#define INDEX_ERROR	"Index (zero based) must be greater than or equal to " \
			"zero and less than the size of the argument list."
#define LIMIT		1000000		/* .NET's bound on index and width */

/* An enum's ToString(fmt): G/F its name, D its number, X eight hex digits. */
static char *
enum_text(const struct psobj_value *v, const char *fmt, bool *bad)
{
	char *s;

	if (fmt == NULL || fmt[0] == '\0' || ((fmt[0] == 'G' || fmt[0] == 'g' ||
	    fmt[0] == 'F' || fmt[0] == 'f') && fmt[1] == '\0'))
		return strdup(v->to_string);
	if ((fmt[0] == 'D' || fmt[0] == 'd') && fmt[1] == '\0')
		return asprintf(&s, "%lld", v->i) < 0 ? NULL : s;
	if ((fmt[0] == 'X' || fmt[0] == 'x') && fmt[1] == '\0')
		return asprintf(&s, "%08llX", v->i & 0xffffffffLL) < 0 ? NULL : s;
	*bad = true;
	return NULL;
}

/*
 * ps_format_value()
 * One argument as String.Format shows it: IFormattable.ToString(fmt,
 * en-US) for numbers and dates, ToString() for the rest.  NULL with *bad
 * and *msg on a bad format, or on ENOMEM.
 */
char *
ps_format_value(const struct psobj_value *v, const char *fmt, bool *bad,
    const char **msg)
{
	struct ps_num n;
	char *s;

	*bad = false;
	*msg = FORMAT_ERROR;
	switch (v->kind) {
	case PSOBJ_NULL:
		return strdup("");
	case PSOBJ_INT:
		if (v->to_string != NULL)
			return enum_text(v, fmt, bad);
		/* FALLTHROUGH */
	case PSOBJ_DOUBLE:
		if (ps_num_of(v, &n) != 0)
			return NULL;
		return ps_number_text(&n, fmt, bad, msg);
	case PSOBJ_DATETIME:
		s = ps_datetime_text(v->i, ps_dt_kind(v), fmt);
		*bad = s == NULL && errno == EINVAL;
		return s;
	case PSOBJ_OBJECT:
		if (ps_is_custom_object(v))	/* a PSObject: "@{...}" */
			return ps_to_string(v);
		return ps_dotnet_to_string(v);
	default:
		return ps_dotnet_to_string(v);
	}
}

struct item {
	long	index, width;
	bool	left;
	char	*fmt;		/* NULL: none */
};

/* Reads one {index[,width][:fmt]} from after its '{'; -1 bad, -2 index, -3 ENOMEM. */
static int
parse_item(const char **pp, size_t nargs, struct item *it)
{
	const char *p = *pp;
	FILE *m;
	size_t len = 0;

	memset(it, 0, sizeof(*it));
	if (*p < '0' || *p > '9')
		return -1;
	do
		it->index = it->index * 10 + (*p++ - '0');
	while (*p >= '0' && *p <= '9' && it->index < LIMIT);
	if (*p == '\0')
		return -1;
	if ((size_t)it->index >= nargs)
		return -2;
	while (*p == ' ')
		p++;
	if (*p == ',') {
		for (p++; *p == ' '; p++)
			;
		if (*p == '-') {
			it->left = true;
			p++;
		}
		if (*p < '0' || *p > '9')
			return -1;
		do
			it->width = it->width * 10 + (*p++ - '0');
		while (*p >= '0' && *p <= '9' && it->width < LIMIT);
		while (*p == ' ')
			p++;
	}
	if (*p == ':') {
		if ((m = open_memstream(&it->fmt, &len)) == NULL)
			return -3;
		for (p++;; p++) {
			if (*p == '\0' || (*p == '{' && p[1] != '{')) {
				fclose(m);
				return -1;
			}
			if (*p == '}' && p[1] != '}')
				break;
			if (*p == '{' || *p == '}')
				p++;		/* {{ and }} inside a format */
			fputc(*p, m);
		}
		if (fclose(m) != 0)
			return -3;
	}
	if (*p != '}')
		return -1;
	*pp = p + 1;
	return 0;
}

static void
put_aligned(FILE *m, const char *s, const struct item *it)
{
	long pad = it->width - (long)ps_utf16_len(s);

	if (!it->left)
		for (; pad > 0; pad--)
			fputc(' ', m);
	fputs(s, m);
	if (it->left)
		for (; pad > 0; pad--)
			fputc(' ', m);
}

static int
fail_format(struct ps_op_error *e, const char *msg)
{
	return ps_fail(e, "FormatError", "InvalidOperation", "RuntimeException",
	    "Error formatting a string: %s.", msg);
}

/* Formats the items of fmt into m; 0, or -1 with e. */
static int
compose(FILE *m, const char *p, const struct psobj_value *args, size_t nargs,
    struct ps_op_error *e)
{
	struct item it;
	const char *msg;
	char *s;
	bool bad;
	int rc;

	while (*p != '\0') {
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			fputc(*p, m);
			p += 2;
			continue;
		}
		if (*p == '}')
			return fail_format(e, FORMAT_ERROR);
		if (*p != '{') {
			fputc(*p++, m);
			continue;
		}
		p++;
		if ((rc = parse_item(&p, nargs, &it)) != 0) {
			free(it.fmt);
			return rc == -3 ? ps_fail_nomem(e) :
			    fail_format(e, rc == -2 ? INDEX_ERROR : FORMAT_ERROR);
		}
		s = ps_format_value(&args[it.index], it.fmt, &bad, &msg);
		free(it.fmt);
		if (s == NULL)
			return bad ? fail_format(e, msg) : ps_fail_nomem(e);
		put_aligned(m, s, &it);
		free(s);
	}
	return 0;
}

int
ps_format(const struct psobj_value *fmt, const struct psobj_value *args,
    struct psobj_value *out, struct ps_op_error *e)
{
	char *f = ps_to_string(fmt), *buf = NULL;
	size_t len = 0, nargs = args->kind == PSOBJ_ARRAY ? args->nitems : 1;
	FILE *m;
	int rc;

	memset(e, 0, sizeof(*e));
	*out = psobj_null();
	if (f == NULL || (m = open_memstream(&buf, &len)) == NULL) {
		free(f);
		return ps_fail_nomem(e);
	}
	rc = compose(m, f, args->kind == PSOBJ_ARRAY ? args->items : args,
	    nargs, e);
	free(f);
	if (fclose(m) != 0 && rc == 0)
		rc = ps_fail_nomem(e);
	if (rc != 0) {
		free(buf);
		return -1;
	}
	return ps_string_take(out, buf) == 0 ? 0 : ps_fail_nomem(e);
}
