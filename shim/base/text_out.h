#ifndef TNC_BASE_TEXT_OUT_H
#define TNC_BASE_TEXT_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "base/types.h"

/*
 * A line writer: every line PowerShell's host would write, ended by "\n"
 * or "\r\n". Remembers the first write error, so callers write freely and
 * check once at the end (a closed pipe must give exit code 4, not a crash).
 *
 * It writes to a stream, or (text_out_init_buffer) into memory: the text a
 * formatter produces for one object, which the pipeline passes on as a
 * value (Format-List | Out-String) instead of printing it.
 */
struct text_out {
	FILE	*fp;			/* NULL: into buf */
	char	*buf;			/* malloc'd, NUL-terminated; NULL when empty */
	size_t	len, cap;
	const char *nl;
	int	error;			/* errno of the first failed write, or 0 */
};

void	text_out_init(struct text_out *t, FILE *fp, enum tnc_newline nl);
void	text_out_init_buffer(struct text_out *t, enum tnc_newline nl);
void	text_out_line(struct text_out *t, const char *s);	/* s + newline */
void	text_out_linef(struct text_out *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	text_out_blank(struct text_out *t);			/* an empty line */
/* Writes n bytes of s as they are (text another formatter already made). */
void	text_out_raw(struct text_out *t, const char *s, size_t n);
/* Flushes; returns 0, or -1 if any write failed (errno set). */
int	text_out_finish(struct text_out *t);

/*
 * text_out_take()
 * A buffer writer's text so far, handed over (malloc'd; "" as a fresh
 * allocation when nothing was written), and the writer emptied for more.
 * NULL when a write ran out of memory (t->error is ENOMEM).
 */
char	*text_out_take(struct text_out *t, size_t *len);

/* Frees a buffer writer's text; a stream writer has nothing to free. */
void	text_out_free(struct text_out *t);

#endif /* TNC_BASE_TEXT_OUT_H */
