#ifndef TNC_BASE_TEXT_OUT_H
#define TNC_BASE_TEXT_OUT_H

#include <stdio.h>
#include "base/types.h"

/*
 * A line writer: every line PowerShell's host would write, ended by "\n"
 * or "\r\n". Remembers the first write error, so callers write freely and
 * check once at the end (a closed pipe must give exit code 4, not a crash).
 */
struct text_out {
	FILE	*fp;
	const char *nl;
	int	error;			/* errno of the first failed write, or 0 */
};

void	text_out_init(struct text_out *t, FILE *fp, enum tnc_newline nl);
void	text_out_line(struct text_out *t, const char *s);	/* s + newline */
void	text_out_linef(struct text_out *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	text_out_blank(struct text_out *t);			/* an empty line */
/* Flushes; returns 0, or -1 if any write failed (errno set). */
int	text_out_finish(struct text_out *t);

#endif /* TNC_BASE_TEXT_OUT_H */
