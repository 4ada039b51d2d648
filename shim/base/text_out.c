/* text_out.c: line output with a chosen line end and one sticky error. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "base/text_out.h"

void
text_out_init(struct text_out *t, FILE *fp, enum tnc_newline nl)
{
	t->fp = fp;
	t->nl = nl == TNC_NEWLINE_CRLF ? "\r\n" : "\n";
	t->error = 0;
}

static void
text_out_put(struct text_out *t, const char *s)
{
	if (t->error == 0 && fputs(s, t->fp) == EOF)
		t->error = errno ? errno : EIO;
}

void
text_out_line(struct text_out *t, const char *s)
{
	text_out_put(t, s);
	text_out_put(t, t->nl);
}

void
text_out_linef(struct text_out *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (t->error == 0 && vfprintf(t->fp, fmt, ap) < 0)
		t->error = errno ? errno : EIO;
	va_end(ap);
	text_out_put(t, t->nl);
}

void
text_out_blank(struct text_out *t)
{
	text_out_put(t, t->nl);
}

int
text_out_finish(struct text_out *t)
{
	if (t->error == 0 && fflush(t->fp) == EOF)
		t->error = errno ? errno : EIO;
	if (t->error != 0) {
		errno = t->error;
		return -1;
	}
	return 0;
}
