/*
 * cmd_get_date.c: Get-Date: now (Local, the machine's zone), or -Date (a
 * DateTime, or a text the [datetime] cast reads), with -Year ...
 * -Millisecond set one after the other as 5.1's GetDateCommand sets them
 * (AddYears(Year - date.Year), AddMonths(...): the day stays in its
 * month); then a System.DateTime, which Out-Default shows as its long
 * date and time (object_format.c), or a string:
 *   -Format   .NET's DateTime.ToString(format) in en-US (objects/ps_ops.h),
 *             FileDate, FileDateUniversal, FileDateTime and
 *             FileDateTimeUniversal as 5.0 added them;
 *   -UFormat  5.1's own strftime table (UFormatDateString), its quirks
 *             kept: %s counts local seconds since 1970 with a fraction,
 *             %u is the day of the week from Sunday 0, %U %V %W are
 *             DayOfYear / 7.
 * A format .NET refuses ends the statement with 5.1's FormatException.
 * Each input (a DateTime, a text, or an object's Date / LastWriteTime) is
 * a -Date of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "objects/ps_ops.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"

#define EPOCH_TICKS	621355968000000000LL	/* 1970-01-01 */
#define TICKS_PER_MS	10000LL

/* The parts -Year ... -Millisecond set, in the order 5.1 sets them */
static const struct {
	const char *param;		/* and the DateTime's member */
	const char *add;		/* the method that moves it */
} parts[] = {
	{ "Year", "AddYears" }, { "Month", "AddMonths" },
	{ "Day", "AddDays" }, { "Hour", "AddHours" },
	{ "Minute", "AddMinutes" }, { "Second", "AddSeconds" },
	{ "Millisecond", "AddMilliseconds" },
};
#define NPARTS	(sizeof(parts) / sizeof(parts[0]))

/* Get-Date's settings */
struct get_date_cfg {
	bool	has_date;
	struct psobj_value date;	/* -Date, as a DateTime */
	bool	set[NPARTS];
	long long want[NPARTS];
	const char *format;		/* -Format, or NULL */
	const char *uformat;		/* -UFormat, or NULL */
};

struct get_date_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct get_date_cfg *cfg;
};

/*
 * The exception's own message: a method call's error wraps it as
 * 'Exception calling "ToString" with "1" argument(s): "<message>"', but
 * Get-Date calls .NET itself, so 5.1 shows the FormatException's text.
 */
static const char *
inner_message(char *msg)
{
	static const char fallback[] = "Input string was not in a correct format.";
	char *p;
	size_t n;

	if (msg == NULL)
		return fallback;
	if (strncmp(msg, "Exception calling ", 18) != 0 ||
	    (p = strstr(msg, "): \"")) == NULL)
		return msg;
	p += 4;
	n = strlen(p);
	if (n > 0 && p[n - 1] == '"')
		p[n - 1] = '\0';
	return p;
}

/* A failure of the operators: the machine's (ENOMEM) or the script's. */
static enum proc_rc
op_failed(struct get_date_proc *gp, struct ps_op_error *e)
{
	const struct ps_command *pc = gp->st->pc;
	struct ps_error err = { 0 };

	if (e->nomem) {
		ps_op_error_free(e);
		return cmd_nomem(&gp->base, gp->rt);
	}
	ps_error_bind(&err, gp->st->meta->name, gp->st->meta->type_name,
	    "NotSpecified", "FormatException", "System.FormatException",
	    pc->offset, pc->length, "%s", inner_message(e->message));
	ps_op_error_free(e);
	return cmd_fail_error(&gp->base, gp->rt, &err, true);
}

/* dt = dt.<method>(n).  0, or -1 with e. */
static int
call_add(struct psobj_value *dt, const char *method, long long n,
    struct ps_op_error *e)
{
	struct psobj_value arg = psobj_int(n, "System.Int32"), out;

	if (ps_method(dt, method, &arg, 1, &out, e) != 0)
		return -1;
	psobj_value_free(dt);
	*dt = out;
	return 0;
}

/* The -Year ... -Millisecond parts set on dt, in order.  0, or -1 with e. */
static int
set_parts(const struct get_date_cfg *cfg, struct psobj_value *dt,
    struct ps_op_error *e)
{
	struct psobj_value cur;
	bool found;
	size_t i;

	for (i = 0; i < NPARTS; i++) {
		if (!cfg->set[i])
			continue;
		if (ps_member(dt, parts[i].param, &cur, &found, e) != 0)
			return -1;
		if (call_add(dt, parts[i].add, cfg->want[i] - cur.i, e) != 0) {
			psobj_value_free(&cur);
			return -1;
		}
		psobj_value_free(&cur);
	}
	/* -Millisecond drops the ticks below it */
	if (cfg->set[NPARTS - 1])
		dt->i -= dt->i % TICKS_PER_MS;
	return 0;
}

/* Appends the UFormat text for specifier c of dt to m. */
static void
uformat_spec(FILE *m, char c, const struct psobj_value *dt, int year,
    int day, int yday, int wday)
{
	char *s;

	switch (c) {
	case 'A': fputs("{0:dddd}", m); break;
	case 'a': fputs("{0:ddd}", m); break;
	case 'B': fputs("{0:MMMM}", m); break;
	case 'b': case 'h': fputs("{0:MMM}", m); break;
	case 'C': fprintf(m, "%d", year / 100); break;
	case 'c': fprintf(m, "{0:ddd} {0:MMM} %2d {0:HH}:{0:mm}:{0:ss} "
	    "{0:yyyy}", day); break;
	case 'D': case 'x': fputs("{0:MM/dd/yy}", m); break;
	case 'd': fputs("{0:dd}", m); break;
	case 'e': fprintf(m, "%2d", day); break;
	case 'H': case 'k': fputs("{0:HH}", m); break;
	case 'I': case 'l': fputs("{0:hh}", m); break;
	case 'j': fprintf(m, "%d", yday); break;
	case 'M': fputs("{0:mm}", m); break;
	case 'm': fputs("{0:MM}", m); break;
	case 'n': fputc('\n', m); break;
	case 'p': fputs("{0:tt}", m); break;
	case 'R': fputs("{0:HH:mm}", m); break;
	case 'r': fputs("{0:hh:mm:ss tt}", m); break;
	case 'S': fputs("{0:ss}", m); break;
	case 's':			/* local seconds, with a fraction */
		s = psobj_double_text((double)(dt->i - EPOCH_TICKS) / 1e7,
		    "System.Double");
		fputs(s != NULL ? s : "", m);
		free(s);
		break;
	case 'T': case 'X': fputs("{0:HH:mm:ss}", m); break;
	case 't': fputc('\t', m); break;
	case 'u': case 'w': fprintf(m, "%d", wday); break;
	case 'U': case 'W': fprintf(m, "%d", yday / 7); break;
	case 'V': fprintf(m, "%d", yday / 7 + 1); break;
	case 'G': case 'Y': fputs("{0:yyyy}", m); break;
	case 'g': case 'y': fputs("{0:yy}", m); break;
	case 'Z': fputs("{0:zz}", m); break;
	default: fputc(c, m); break;
	}
}

/* An integer member of dt (Year, Day, DayOfYear, DayOfWeek). */
static int
member_int(const struct psobj_value *dt, const char *name)
{
	struct psobj_value v = { .kind = PSOBJ_NULL };
	struct ps_op_error e = { 0 };
	bool found;
	int n = 0;

	if (ps_member(dt, name, &v, &found, &e) == 0)
		n = (int)v.i;
	ps_op_error_free(&e);
	psobj_value_free(&v);
	return n;
}

/* UFormatDateString: the composite format, then -f with dt.  0 or -1. */
static int
uformat(const char *uf, const struct psobj_value *dt, struct psobj_value *out,
    struct ps_op_error *e)
{
	int year = member_int(dt, "Year"), day = member_int(dt, "Day"),
	    yday = member_int(dt, "DayOfYear"), wday = member_int(dt,
	    "DayOfWeek");
	struct psobj_value fmt = psobj_null();
	char *text = NULL;
	size_t len = 0, i;
	FILE *m = open_memstream(&text, &len);
	int rc;

	if (m == NULL)
		goto nomem;
	for (i = uf[0] == '+'; uf[i] != '\0'; i++) {
		if (uf[i] == '%' && uf[i + 1] != '\0')
			uformat_spec(m, uf[++i], dt, year, day, yday, wday);
		else
			fputc(uf[i], m);
	}
	if (fclose(m) != 0 || psobj_string(&fmt, text) != 0) {
		free(text);
		goto nomem;
	}
	free(text);
	rc = ps_format(&fmt, dt, out, e);
	psobj_value_free(&fmt);
	return rc;
nomem:
	memset(e, 0, sizeof(*e));
	e->nomem = true;
	return -1;
}

/* -Format: FileDate and its kin, else .NET's ToString(format). */
static int
format(const char *f, struct psobj_value *dt, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct psobj_value arg, utc;
	const char *pattern = f;
	bool universal = false;
	int rc;

	if (strcasecmp(f, "FileDate") == 0) {
		pattern = "yyyyMMdd";
	} else if (strcasecmp(f, "FileDateUniversal") == 0) {
		pattern = "yyyyMMddZ";
		universal = true;
	} else if (strcasecmp(f, "FileDateTime") == 0) {
		pattern = "yyyyMMddTHHmmssffff";
	} else if (strcasecmp(f, "FileDateTimeUniversal") == 0) {
		pattern = "yyyyMMddTHHmmssffffZ";
		universal = true;
	}
	if (universal) {
		if (ps_method(dt, "ToUniversalTime", NULL, 0, &utc, e) != 0)
			return -1;
		psobj_value_free(dt);
		*dt = utc;
	}
	if (psobj_string(&arg, pattern) != 0) {
		memset(e, 0, sizeof(*e));
		e->nomem = true;
		return -1;
	}
	rc = ps_method(dt, "ToString", &arg, 1, out, e);
	psobj_value_free(&arg);
	return rc;
}

/* One Get-Date of date (taken over): the DateTime or its text downstream. */
static enum proc_rc
get_date(struct get_date_proc *gp, struct psobj_value *date)
{
	const struct get_date_cfg *cfg = gp->cfg;
	struct psobj_value out;
	struct ps_op_error e = { 0 };
	int rc;

	rc = set_parts(cfg, date, &e);
	if (rc == 0 && cfg->uformat != NULL)
		rc = uformat(cfg->uformat, date, &out, &e);
	else if (rc == 0 && cfg->format != NULL)
		rc = format(cfg->format, date, &out, &e);
	else if (rc == 0) {
		out = *date;		/* the DateTime itself */
		*date = psobj_null();
	}
	psobj_value_free(date);
	if (rc != 0)
		return op_failed(gp, &e);
	ps_op_error_free(&e);
	return proc_emit(&gp->base, &out);
}

/*
 * The DateTime an input binds as -Date: itself (converted), else its
 * Date or LastWriteTime property.  0, or -1 when it binds nothing.
 */
static int
input_date(const struct psobj_value *v, struct psobj_value *out)
{
	static const char *const names[] = { "Date", "LastWriteTime" };
	const struct psobj_prop *pr;
	struct ps_op_error e = { 0 };
	size_t i;
	int rc;

	if (v->kind == PSOBJ_OBJECT && v->obj != NULL) {
		for (i = 0; i < 2; i++)
			if ((pr = psobj_find(v->obj, names[i])) != NULL)
				return input_date(&pr->value, out);
		return -1;
	}
	rc = ps_convert(v, "datetime", out, &e);
	ps_op_error_free(&e);
	return rc;
}

static enum proc_rc
get_date_process(struct proc *p, struct psobj_value *v)
{
	struct get_date_proc *gp = (struct get_date_proc *)p;
	struct psobj_value date;
	char *target;

	if (v == NULL) {		/* a first command: -Date, or now */
		if (gp->cfg->has_date)
			return psobj_value_copy(&date, &gp->cfg->date) == 0 ?
			    get_date(gp, &date) : cmd_nomem(p, gp->rt);
		date = ps_datetime_now(false);
		return get_date(gp, &date);
	}
	if (gp->cfg->has_date || input_date(v, &date) != 0) {
		target = pipeline_error_target(v);
		cmd_input_not_bound(&gp->rt->host, gp->st->meta, gp->st->pc,
		    target, v->kind == PSOBJ_STRING);
		free(target);
		psobj_value_free(v);
		return PROC_OK;
	}
	psobj_value_free(v);
	return get_date(gp, &date);
}

static void
get_date_free(struct proc *p)
{
	free(p);
}

static const struct proc_ops get_date_ops = {
	.process = get_date_process,
	.end = cmd_end_nothing,
	.free = get_date_free,
};

static struct proc *
get_date_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct get_date_proc *gp = calloc(1, sizeof(*gp));

	(void)err;
	(void)errlen;
	if (gp == NULL)
		return NULL;
	gp->base.ops = &get_date_ops;
	gp->rt = rt;
	gp->st = st;
	gp->cfg = st->cfg;
	return &gp->base;
}

static void
get_date_cfg_free(void *p)
{
	struct get_date_cfg *cfg = p;

	if (cfg != NULL)
		psobj_value_free(&cfg->date);
	free(cfg);
}

/* -Date as a DateTime, as the binder converts it; 0, or -1 with e. */
static int
configure_date(struct stage *st, struct get_date_cfg *cfg, struct ps_error *e)
{
	const struct ps_bound *bd = ps_binding_get(&st->b, "Date");
	struct psobj_value v;
	struct ps_op_error oe = { 0 };
	int got = cmd_arg_value(st, "Date", &v);

	if (got <= 0)
		return got < 0 ? ps_error_no_memory(e) : 0;
	cfg->has_date = true;
	if (ps_convert(&v, "datetime", &cfg->date, &oe) == 0) {
		psobj_value_free(&v);
		ps_op_error_free(&oe);
		return 0;
	}
	psobj_value_free(&v);
	if (oe.nomem) {
		ps_op_error_free(&oe);
		return ps_error_no_memory(e);
	}
	ps_error_bind(e, st->meta->name, st->meta->type_name,
	    "InvalidArgument", "ParameterBindingException",
	    "CannotConvertArgumentNoMessage", bd->value->offset,
	    bd->value->length, "Cannot bind parameter 'Date'. %s",
	    oe.message != NULL ? oe.message : "");
	ps_op_error_free(&oe);
	return -1;
}

static int
get_date_configure(struct stage *st, struct ps_error *e)
{
	struct get_date_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;
	size_t i;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = get_date_cfg_free;
	for (i = 0; i < NPARTS; i++) {
		v = ps_binding_get(&st->b, parts[i].param);
		cfg->set[i] = v->present;
		cfg->want[i] = v->i;
	}
	if ((v = ps_binding_get(&st->b, "Format"))->present)
		cfg->format = v->s;
	if ((v = ps_binding_get(&st->b, "UFormat"))->present)
		cfg->uformat = v->s;
	return configure_date(st, cfg, e);
}

static const char *const get_date_runs[] = { "Date", "Year", "Month", "Day",
	"Hour", "Minute", "Second", "Millisecond", "Format", "UFormat", NULL };

const struct command_def get_date_def = {
	.cmd = PIPE_CMD_GET_DATE,
	.runs = get_date_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.configure = get_date_configure,
	.make = get_date_make,
};
