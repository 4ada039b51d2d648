/*
 * cmd_write_host.c: Write-Host: its object (or each input) as text on
 * stdout at once, not through Out-Default.  So a table Out-Default is
 * still caching (the group's first 300 ms) comes after a later Write-Host
 * line, as in PowerShell (PowerShell/PowerShell#4594).
 *
 * The text is 5.1's WriteHostCommand.ProcessObject: a string as it is, an
 * array's items (nested ones too) joined by -Separator (default " "), any
 * other object its ToString(); null and "" are nothing.  Object takes the
 * remaining arguments, so `Write-Host Port 5022 open` writes "Port 5022
 * open".  -NoNewline leaves the line open.
 *
 * Colours: only when stdout is a terminal, as ANSI SGR codes (the
 * ConsoleColor's VT equivalent: 30-37 / 90-97, backgrounds +10) around the
 * text, reset before the line end; a file or pipe gets the text alone.
 * -InformationAction Ignore drops the text (5.0+: Write-Host writes an
 * information record that the host shows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parsers/tnc_options.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/error_target.h"

/* ConsoleColor (Black = 0 ... White = 15) as an SGR foreground code */
static const int sgr_fg[16] = { 30, 34, 32, 36, 31, 35, 33, 37, 90, 94, 92,
	96, 91, 95, 93, 97 };

/* Write-Host's settings */
struct write_host_cfg {
	bool	no_newline;
	bool	ignore;			/* -InformationAction Ignore */
	int	fg, bg;			/* ConsoleColor, or -1 */
};

struct write_host_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct write_host_cfg *cfg;
	char	*separator;
	struct cmd_param_input in;	/* -Object */
};

/* ProcessObject(o) appended to m.  0, or -1 (ENOMEM). */
static int
host_text(FILE *m, const struct psobj_value *o, const char *sep)
{
	char *s;
	size_t i;

	if (o->kind == PSOBJ_NULL)
		return 0;
	if (o->kind == PSOBJ_ARRAY) {
		for (i = 0; i < o->nitems; i++) {
			if (i > 0)
				fputs(sep, m);
			if (host_text(m, &o->items[i], sep) != 0)
				return -1;
		}
		return 0;
	}
	s = pipeline_error_target(o);	/* a PSObject's ToString() */
	if (s == NULL)
		return -1;
	fputs(s, m);
	free(s);
	return 0;
}

/* The SGR sequence that sets fg and/or bg (ConsoleColor, -1: unset). */
static void
sgr_start(char *buf, size_t size, int fg, int bg)
{
	if (fg >= 0 && bg >= 0)
		snprintf(buf, size, "\033[%d;%dm", sgr_fg[fg], sgr_fg[bg] + 10);
	else if (fg >= 0)
		snprintf(buf, size, "\033[%dm", sgr_fg[fg]);
	else
		snprintf(buf, size, "\033[%dm", sgr_fg[bg] + 10);
}

/* Writes o's text, coloured on a terminal, and the line end. */
static int
host_write(struct write_host_proc *wp, const struct psobj_value *o)
{
	const struct write_host_cfg *cfg = wp->cfg;
	struct text_out *out = &wp->rt->host.out;
	bool colour = (cfg->fg >= 0 || cfg->bg >= 0) &&
	    isatty(fileno(wp->rt->host.outfp));
	char *text = NULL, sgr[32];
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	int rc;

	if (m == NULL)
		return -1;
	rc = host_text(m, o, wp->separator);
	if (fclose(m) != 0)
		rc = -1;
	if (rc != 0) {
		free(text);
		return -1;
	}
	if (colour) {
		sgr_start(sgr, sizeof(sgr), cfg->fg, cfg->bg);
		text_out_raw(out, sgr, strlen(sgr));
	}
	text_out_raw(out, text, len);
	if (colour)
		text_out_raw(out, "\033[0m", 4);
	if (!cfg->no_newline)
		text_out_raw(out, out->nl, strlen(out->nl));
	free(text);
	return 0;
}

static enum proc_rc
write_host_process(struct proc *p, struct psobj_value *v)
{
	struct write_host_proc *wp = (struct write_host_proc *)p;
	static const struct psobj_value none = { .kind = PSOBJ_NULL };
	const struct psobj_value *in;
	int rc = 0;

	in = cmd_param_input_value(&wp->in, &wp->rt->host, v);
	if (v == NULL && in == NULL)
		in = &none;		/* a first command without -Object: "" */
	if (in != NULL && !wp->cfg->ignore)
		rc = host_write(wp, in);
	if (v != NULL)
		psobj_value_free(v);
	return rc == 0 ? PROC_OK : cmd_nomem(p, wp->rt);
}

static void
write_host_free(struct proc *p)
{
	struct write_host_proc *wp = (struct write_host_proc *)p;

	cmd_param_input_free(&wp->in);
	free(wp->separator);
	free(wp);
}

static const struct proc_ops write_host_ops = {
	.process = write_host_process,
	.end = cmd_end_nothing,
	.free = write_host_free,
};

static struct proc *
write_host_make(struct runtime *rt, const struct stage *st, char *err,
    size_t errlen)
{
	struct write_host_proc *wp = calloc(1, sizeof(*wp));
	struct psobj_value sep;
	int got;

	(void)err;
	(void)errlen;
	if (wp == NULL)
		return NULL;
	wp->base.ops = &write_host_ops;
	wp->rt = rt;
	wp->st = st;
	wp->cfg = st->cfg;
	got = cmd_arg_value(st, "Separator", &sep);
	wp->separator = got > 0 ? psobj_value_to_string(&sep) : strdup(" ");
	psobj_value_free(&sep);
	if (got < 0 || wp->separator == NULL ||
	    cmd_param_input_init(&wp->in, st, "Object") != 0) {
		write_host_free(&wp->base);
		return NULL;
	}
	return &wp->base;
}

static int
write_host_configure(struct stage *st, struct ps_error *e)
{
	struct write_host_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = free;
	cfg->no_newline = ps_binding_get(&st->b, "NoNewline")->sw;
	v = ps_binding_get(&st->b, "InformationAction");
	cfg->ignore = v->present && v->i == TNC_ACTION_IGNORE;
	v = ps_binding_get(&st->b, "ForegroundColor");
	cfg->fg = v->present ? (int)v->i : -1;
	v = ps_binding_get(&st->b, "BackgroundColor");
	cfg->bg = v->present ? (int)v->i : -1;
	return 0;
}

static const char *const write_host_runs[] = { "Object", "NoNewline",
	"Separator", "ForegroundColor", "BackgroundColor", NULL };

const struct command_def write_host_def = {
	.cmd = PIPE_CMD_WRITE_HOST,
	.runs = write_host_runs,
	.position = CMD_ANYWHERE,
	.can_start = true,
	.configure = write_host_configure,
	.make = write_host_make,
};
