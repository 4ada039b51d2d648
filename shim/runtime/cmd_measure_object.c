/*
 * cmd_measure_object.c: Measure-Object (measure): counts its input (or,
 * with -Property, the objects that have each property) and, as asked, the
 * values' -Sum, -Average, -Maximum and -Minimum; waits for all input, then
 * writes one Microsoft.PowerShell.Commands.GenericMeasureInfo per measured
 * name (Count, Average, Sum, Maximum, Minimum, Property: six properties,
 * so Out-Default shows it as a list), as 5.1's MeasureObjectCommand:
 *   - null inputs are not counted;
 *   - a value that is no number with -Sum or -Average is 5.1's
 *     NonNumericInputObject error, and Sum and Average stay empty;
 *   - Maximum and Minimum compare numbers as numbers and anything else as
 *     text (sort_compare.h); when one is no number the object is a
 *     GenericObjectMeasureInfo holding the values themselves;
 *   - a -Property name that no object has is
 *     GenericMeasurePropertyNotFound, and writes no object for it.
 * (... | Measure-Object).Count reads the Count of the one object.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/exit_codes.h"
#include "objects/property_names.h"
#include "objects/ps_ops.h"
#include "objects/sort_compare.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"

#define GENERIC_INFO	"Microsoft.PowerShell.Commands.GenericMeasureInfo"
#define OBJECT_INFO	"Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"

/* Measure-Object's settings */
struct measure_cfg {
	bool	sum, average, maximum, minimum;
};

/* What is known of one measured name */
struct stat {
	char	*name;			/* "$_" without -Property */
	long long count;
	double	sum;
	struct psobj_value min, max;	/* PSOBJ_NULL until set */
};

struct measure_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct measure_cfg *cfg;
	struct property_names names;	/* -Property */
	struct stat *stats;		/* in the order they were met */
	size_t	nstats;
	bool	non_numeric;		/* Sum and Average are then empty */
	bool	nomem;			/* a conversion ran out of memory */
	struct cmd_param_input in;	/* -InputObject */
};

/* The statistics of name (any case), made when new; NULL on ENOMEM. */
static struct stat *
stat_entry(struct measure_proc *mp, const char *name)
{
	struct stat *grown;
	size_t i;

	for (i = 0; i < mp->nstats; i++)
		if (strcasecmp(mp->stats[i].name, name) == 0)
			return &mp->stats[i];
	grown = realloc(mp->stats, (mp->nstats + 1) * sizeof(*grown));
	if (grown == NULL)
		return NULL;
	mp->stats = grown;
	memset(&grown[mp->nstats], 0, sizeof(*grown));
	if ((grown[mp->nstats].name = strdup(name)) == NULL)
		return NULL;
	return &mp->stats[mp->nstats++];
}

/* NonNumericInputObject for value v. */
static void
non_numeric(struct measure_proc *mp, const struct psobj_value *v)
{
	const struct ps_command *pc = mp->st->pc;
	struct ps_error e = { 0 };
	char *text = pipeline_error_target(v), type[64];
	const char *t = v->type != NULL ? v->type : "Object";

	mp->non_numeric = true;
	host_worst(&mp->rt->host, TNC_EXIT_FAILED);
	if (mp->st->quiet_errors) {
		host_error_silenced(&mp->rt->host);
		goto out;
	}
	ps_error_bind(&e, mp->st->meta->name, mp->st->meta->type_name,
	    "InvalidType", "PSInvalidOperationException",
	    "NonNumericInputObject", pc->offset, pc->length,
	    "Input object \"%s\" is not numeric.", text != NULL ? text : "");
	snprintf(type, sizeof(type), "%s", strrchr(t, '.') != NULL ?
	    strrchr(t, '.') + 1 : t);
	ps_error_set_target(&e, text, type);
	host_error(&mp->rt->host, &e);
	ps_error_free(&e);
out:
	free(text);
}

/*
 * Compare() of 5.1: v replaces the kept minimum (or maximum) unless the
 * kept one is already at most (at least) v.  Each side is compared as a
 * Double when it is one; two sides of different kinds by their texts.
 */
static int
pick(struct measure_proc *mp, struct psobj_value *kept,
    const struct psobj_value *v, bool is_min)
{
	struct psobj_value x = *v, y = *kept, tx, ty;
	double d;
	int cmp;
	char *a, *b;

	if (v->kind == PSOBJ_NULL || kept->kind == PSOBJ_NULL)
		goto replace;		/* a null value resets it, as in 5.1 */
	if (sort_to_double(v, &d, &mp->nomem))
		x = psobj_double(d, "System.Double");
	if (sort_to_double(kept, &d, &mp->nomem))
		y = psobj_double(d, "System.Double");
	if (x.kind == y.kind) {
		cmp = sort_compare(&y, &x, false, &mp->nomem);
	} else {
		a = ps_to_string(&y);
		b = ps_to_string(&x);
		tx = psobj_null();
		ty = psobj_null();
		if (a == NULL || b == NULL || psobj_string(&ty, a) != 0 ||
		    psobj_string(&tx, b) != 0)
			mp->nomem = true;
		cmp = sort_compare(&ty, &tx, false, &mp->nomem);
		psobj_value_free(&tx);
		psobj_value_free(&ty);
		free(a);
		free(b);
	}
	if (mp->nomem)
		return -1;
	if (cmp * (is_min ? 1 : -1) <= 0)
		return 0;
replace:
	if (kept->kind == PSOBJ_NULL && v->kind == PSOBJ_NULL)
		return 0;
	psobj_value_free(kept);
	return psobj_value_copy(kept, v);
}

/* AnalyzeValue: one value of name.  0, or -1 (ENOMEM). */
static int
analyze(struct measure_proc *mp, const char *name, const struct psobj_value *v)
{
	struct stat *s = stat_entry(mp, name);
	double d;

	if (s == NULL)
		return -1;
	s->count++;
	if (mp->cfg->sum || mp->cfg->average) {
		if (!sort_to_double(v, &d, &mp->nomem)) {
			if (mp->nomem)
				return -1;
			non_numeric(mp, v);
			return 0;
		}
		s->sum += d;
	}
	if (mp->cfg->minimum && pick(mp, &s->min, v, true) != 0)
		return -1;
	if (mp->cfg->maximum && pick(mp, &s->max, v, false) != 0)
		return -1;
	return 0;
}

/* AnalyzeObjectProperties: each -Property name of one input.  0 or -1. */
static int
analyze_properties(struct measure_proc *mp, const struct psobj_value *v)
{
	struct psobj *members = NULL;
	struct property_refs refs;
	char err[256];
	size_t i, k;
	int rc = 0;

	if (v->kind == PSOBJ_STRING && (members = psobj_string_members(v)) == NULL)
		return -1;
	if (property_names_match(&mp->names, v->kind == PSOBJ_OBJECT ?
	    v->obj : members, &refs, err, sizeof(err)) != 0) {
		psobj_free(members);
		return -1;
	}
	for (i = 0; i < refs.n && rc == 0; i++) {
		for (k = 0; k < i; k++)	/* a name once per object */
			if (strcasecmp(refs.refs[k].label,
			    refs.refs[i].label) == 0)
				break;
		if (k < i)
			continue;
		if (refs.refs[i].value == NULL)	/* a plain name it lacks */
			rc = stat_entry(mp, refs.refs[i].label) != NULL ? 0 : -1;
		else
			rc = analyze(mp, refs.refs[i].label,
			    refs.refs[i].value);
	}
	property_refs_free(&refs);
	psobj_free(members);
	return rc;
}

static enum proc_rc
measure_process(struct proc *p, struct psobj_value *v)
{
	struct measure_proc *mp = (struct measure_proc *)p;
	const struct psobj_value *in;
	int rc = 0;

	in = cmd_param_input_value(&mp->in, &mp->rt->host, v);
	if (in != NULL && in->kind != PSOBJ_NULL)
		rc = mp->st->nprops > 0 ? analyze_properties(mp, in) :
		    analyze(mp, "$_", in);
	if (v != NULL)
		psobj_value_free(v);
	return rc == 0 ? PROC_OK : cmd_nomem(p, mp->rt);
}

/* 5.1's PropertyNotFound for a name no input had. */
static void
property_not_found(struct measure_proc *mp, const char *name)
{
	const struct ps_command *pc = mp->st->pc;
	struct ps_error e = { 0 };

	host_worst(&mp->rt->host, TNC_EXIT_FAILED);
	if (mp->st->quiet_errors) {
		host_error_silenced(&mp->rt->host);
		return;
	}
	ps_error_bind(&e, mp->st->meta->name, mp->st->meta->type_name,
	    "InvalidArgument", "PSArgumentException",
	    "GenericMeasurePropertyNotFound", pc->offset, pc->length,
	    "The property \"%s\" cannot be found in the input for any "
	    "objects.", name);
	host_error(&mp->rt->host, &e);
	ps_error_free(&e);
}

/* A kept Maximum or Minimum: as a Double (Generic), else as it is. */
static int
extreme_value(struct measure_proc *mp, const struct psobj_value *kept,
    bool as_double, struct psobj_value *out)
{
	double d;

	*out = psobj_null();
	if (kept->kind == PSOBJ_NULL)
		return 0;
	if (as_double && sort_to_double(kept, &d, &mp->nomem)) {
		*out = psobj_double(d, "System.Double");
		return 0;
	}
	return psobj_value_copy(out, kept);
}

/* The measure info of s (CreateGenericMeasureInfo).  0, or -1 (ENOMEM). */
static int
measure_info(struct measure_proc *mp, const struct stat *s,
    struct psobj_value *v)
{
	const struct measure_cfg *cfg = mp->cfg;
	double d;
	bool generic = (s->min.kind == PSOBJ_NULL ||
	    sort_to_double(&s->min, &d, &mp->nomem)) &&
	    (s->max.kind == PSOBJ_NULL || sort_to_double(&s->max, &d,
	    &mp->nomem));
	struct psobj *o = psobj_new(generic ? GENERIC_INFO : OBJECT_INFO);
	struct psobj_value max, min, prop = psobj_null();
	int rc;

	if (o == NULL)
		return -1;
	rc = psobj_add(o, "Count", psobj_int(s->count, "System.Int32"));
	rc |= psobj_add(o, "Average", cfg->average && !mp->non_numeric &&
	    s->count > 0 ? psobj_double(s->sum / (double)s->count,
	    "System.Double") : psobj_null());
	rc |= psobj_add(o, "Sum", cfg->sum && !mp->non_numeric ?
	    psobj_double(s->sum, "System.Double") : psobj_null());
	if (extreme_value(mp, &s->max, generic, &max) != 0 ||
	    extreme_value(mp, &s->min, generic, &min) != 0 || mp->nomem) {
		psobj_value_free(&max);
		psobj_free(o);
		return -1;
	}
	rc |= psobj_add(o, "Maximum", max);
	rc |= psobj_add(o, "Minimum", min);
	if (mp->st->nprops > 0 && psobj_string(&prop, s->name) != 0)
		rc = -1;
	rc |= psobj_add(o, "Property", prop);
	if (rc != 0) {
		psobj_free(o);
		return -1;
	}
	return psobj_object(v, o, NULL);
}

static enum proc_rc
measure_end(struct proc *p)
{
	struct measure_proc *mp = (struct measure_proc *)p;
	enum proc_rc rc = PROC_OK;
	struct psobj_value v;
	size_t i;

	/* no input without -Property still counts: Count 0 */
	if (mp->nstats == 0 && mp->st->nprops == 0 &&
	    stat_entry(mp, "$_") == NULL)
		return cmd_nomem(p, mp->rt);
	for (i = 0; i < mp->nstats && rc == PROC_OK; i++) {
		if (mp->stats[i].count == 0 && mp->st->nprops > 0) {
			property_not_found(mp, mp->stats[i].name);
			continue;
		}
		if (measure_info(mp, &mp->stats[i], &v) != 0)
			return cmd_nomem(p, mp->rt);
		rc = proc_emit(p, &v);
	}
	return rc;
}

static void
measure_free(struct proc *p)
{
	struct measure_proc *mp = (struct measure_proc *)p;
	size_t i;

	for (i = 0; i < mp->nstats; i++) {
		free(mp->stats[i].name);
		psobj_value_free(&mp->stats[i].min);
		psobj_value_free(&mp->stats[i].max);
	}
	free(mp->stats);
	property_names_free(&mp->names);
	cmd_param_input_free(&mp->in);
	free(mp);
}

static const struct proc_ops measure_ops = {
	.process = measure_process,
	.end = measure_end,
	.free = measure_free,
};

static struct proc *
measure_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct measure_proc *mp = calloc(1, sizeof(*mp));

	if (mp == NULL)
		return NULL;
	mp->base.ops = &measure_ops;
	mp->rt = rt;
	mp->st = st;
	mp->cfg = st->cfg;
	if (property_names_compile((const char *const *)st->props, st->nprops,
	    &mp->names, err, errlen) != 0 ||
	    cmd_param_input_init(&mp->in, st, "InputObject") != 0) {
		measure_free(&mp->base);
		return NULL;
	}
	return &mp->base;
}

static int
measure_configure(struct stage *st, struct ps_error *e)
{
	struct measure_cfg *cfg = calloc(1, sizeof(*cfg));

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	cfg->sum = ps_binding_get(&st->b, "Sum")->sw;
	cfg->average = ps_binding_get(&st->b, "Average")->sw;
	cfg->maximum = ps_binding_get(&st->b, "Maximum")->sw;
	cfg->minimum = ps_binding_get(&st->b, "Minimum")->sw;
	return 0;
}

static const char *const measure_runs[] = { "InputObject", "Property",
	"Sum", "Average", "Maximum", "Minimum", NULL };

const struct command_def measure_object_def = {
	.cmd = PIPE_CMD_MEASURE_OBJECT,
	.runs = measure_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.configure = measure_configure,
	.make = measure_make,
};
