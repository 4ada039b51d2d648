/* diag.c: the ordered warnings and notes of a run. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

/* Appends a formatted copy to *list; on allocation failure the line is dropped. */
static void
diag_append(char ***list, size_t *n, const char *fmt, va_list ap)
{
	char *s, **grown;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	grown = realloc(*list, (*n + 1) * sizeof(**list));
	if (grown == NULL) {
		free(s);
		return;
	}
	grown[(*n)++] = s;
	*list = grown;
}

void
diag_warn(struct tnc_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_append(&d->warnings, &d->nwarnings, fmt, ap);
	va_end(ap);
}

void
diag_note(struct tnc_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_append(&d->notes, &d->nnotes, fmt, ap);
	va_end(ap);
}

void
diag_free(struct tnc_diag *d)
{
	for (size_t i = 0; i < d->nwarnings; i++)
		free(d->warnings[i]);
	for (size_t i = 0; i < d->nnotes; i++)
		free(d->notes[i]);
	free(d->warnings);
	free(d->notes);
	d->warnings = d->notes = NULL;
	d->nwarnings = d->nnotes = 0;
}
