/* diag.c: the ordered warnings and notes of a run. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/diag.h"

/* Appends a formatted entry; on allocation failure the line is dropped. */
static void
diag_append(struct tnc_diag *d, enum diag_kind kind, const char *fmt,
    va_list ap)
{
	struct diag_entry *grown;
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	grown = realloc(d->entries, (d->nentries + 1) * sizeof(*grown));
	if (grown == NULL) {
		free(s);
		return;
	}
	grown[d->nentries].kind = kind;
	grown[d->nentries].text = s;
	d->entries = grown;
	d->nentries++;
	if (kind == DIAG_WARNING)
		d->nwarnings++;
	else
		d->nnotes++;
}

void
diag_warn(struct tnc_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_append(d, DIAG_WARNING, fmt, ap);
	va_end(ap);
}

void
diag_note(struct tnc_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_append(d, DIAG_NOTE, fmt, ap);
	va_end(ap);
}

const char *
diag_nth(const struct tnc_diag *d, enum diag_kind kind, size_t i)
{
	for (size_t k = 0; k < d->nentries; k++) {
		if (d->entries[k].kind != kind)
			continue;
		if (i-- == 0)
			return d->entries[k].text;
	}
	return NULL;
}

void
diag_free(struct tnc_diag *d)
{
	for (size_t i = 0; i < d->nentries; i++)
		free(d->entries[i].text);
	free(d->entries);
	d->entries = NULL;
	d->nentries = d->nwarnings = d->nnotes = 0;
}
