/* text_out.c: line output with a chosen line end and one sticky error. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"

void
text_out_init(struct text_out *t, FILE *fp, enum tnc_newline nl)
{
	memset(t, 0, sizeof(*t));
	t->fp = fp;
	t->nl = nl == TNC_NEWLINE_CRLF ? "\r\n" : "\n";
}

void
text_out_init_buffer(struct text_out *t, enum tnc_newline nl)
{
	text_out_init(t, NULL, nl);
}

/* Appends n bytes to the buffer, doubling it as needed. */
static void
text_out_append(struct text_out *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap != 0 ? t->cap : 256;
		char *grown;

		while (cap < t->len + n + 1)
			cap *= 2;
		grown = realloc(t->buf, cap);
		if (grown == NULL) {
			t->error = ENOMEM;
			return;
		}
		t->buf = grown;
		t->cap = cap;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

void
text_out_raw(struct text_out *t, const char *s, size_t n)
{
	if (t->error != 0 || n == 0)
		return;
	if (t->fp == NULL)
		text_out_append(t, s, n);
	else if (fwrite(s, 1, n, t->fp) != n)
		t->error = errno ? errno : EIO;
}

static void
text_out_put(struct text_out *t, const char *s)
{
	text_out_raw(t, s, strlen(s));
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
	char *s;
	int n;

	va_start(ap, fmt);
	if (t->error == 0 && t->fp != NULL) {
		if (vfprintf(t->fp, fmt, ap) < 0)
			t->error = errno ? errno : EIO;
	} else if (t->error == 0) {
		n = vasprintf(&s, fmt, ap);
		if (n < 0) {
			t->error = ENOMEM;
		} else {
			text_out_append(t, s, (size_t)n);
			free(s);
		}
	}
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
	if (t->error == 0 && t->fp != NULL && fflush(t->fp) == EOF)
		t->error = errno ? errno : EIO;
	if (t->error != 0) {
		errno = t->error;
		return -1;
	}
	return 0;
}

char *
text_out_take(struct text_out *t, size_t *len)
{
	char *s = t->buf;

	if (t->error != 0)
		return NULL;
	if (s == NULL)
		s = strdup("");
	if (s == NULL) {
		t->error = ENOMEM;
		return NULL;
	}
	if (len != NULL)
		*len = t->len;
	t->buf = NULL;
	t->len = t->cap = 0;
	return s;
}

void
text_out_free(struct text_out *t)
{
	free(t->buf);
	t->buf = NULL;
	t->len = t->cap = 0;
}
