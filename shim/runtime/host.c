/* host.c: the console of a run: stdout, stderr in order, the exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/exit_codes.h"
#include "runtime/host.h"

void
host_init(struct host *h, FILE *out, FILE *err, const char *script)
{
	memset(h, 0, sizeof(*h));
	h->outfp = out;
	h->errfp = err;
	h->script = script;
	h->now_ms = clock_mono_ms;
	host_style(h, TNC_NEWLINE_LF, PS_EDITION_51);
}

void
host_style(struct host *h, enum tnc_newline nl, enum ps_edition ed)
{
	int oe = h->out.error, ee = h->err.error;

	h->nl = nl;
	h->ed = ed;
	text_out_init(&h->out, h->outfp, nl);
	text_out_init(&h->err, h->errfp, nl);
	h->out.error = oe;		/* a write error stays sticky */
	h->err.error = ee;
}

void
host_worst(struct host *h, int status)
{
	if (status > h->status)
		h->status = status;
}

struct text_out *
host_err(struct host *h)
{
	/* stdout first: 2>&1 keeps the order */
	if (h->out.error == 0 && fflush(h->outfp) == EOF)
		h->out.error = errno ? errno : EIO;
	return &h->err;
}

void
host_err_done(struct host *h)
{
	/* a lost warning cannot be an exit status of its own: best effort */
	fflush(h->errfp);
}

void
host_err_text(struct host *h, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	h->nerrors++;
	text_out_raw(host_err(h), text, strlen(text));
	host_err_done(h);
}

void
host_error(struct host *h, const struct ps_error *e)
{
	if (e->out_of_memory) {
		/* the machine failed, not the script */
		host_note(h, TNC_EXIT_SYSTEM, "out of memory");
		return;
	}
	h->nerrors++;
	ps_error_render(e, h->script, host_err(h));
	host_err_done(h);
}

void
host_error_silenced(struct host *h)
{
	h->nerrors++;
}

char *
host_error_text(struct host *h, const struct ps_error *e)
{
	struct text_out t;
	size_t len;
	char *text;

	if (e->out_of_memory)
		return NULL;	/* the callers' "out of memory" */
	text_out_init_buffer(&t, h->nl);
	ps_error_render(e, h->script, &t);
	text = text_out_take(&t, &len);
	text_out_free(&t);		/* what a failed take left */
	return text;
}

void
host_note(struct host *h, int status, const char *fmt, ...)
{
	struct text_out *t = host_err(h);
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	text_out_linef(t, "tnc: %s", s != NULL ? s : strerror(ENOMEM));
	free(s);
	host_err_done(h);
	host_worst(h, status);
}

int
host_finish(struct host *h)
{
	if (text_out_finish(&h->out) != 0) {
		/* e.g. a closed pipe: SIGPIPE is ignored, so we get EPIPE */
		fprintf(h->errfp, "tnc: cannot write output: %s\n",
		    strerror(h->out.error));
		host_worst(h, TNC_EXIT_SYSTEM);
	}
	fflush(h->errfp);
	return h->status;
}
