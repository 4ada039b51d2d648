/* strbuf.c: a string that grows by doubling (strbuf.h). */
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *g;

	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		cap = b->cap == 0 ? 64 : b->cap;
		while (cap < b->n + n + 1)
			cap *= 2;
		if ((g = realloc(b->s, cap)) == NULL) {
			b->oom = true;
			return;
		}
		b->s = g;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
strbuf_addc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

char *
strbuf_take(struct strbuf *b)
{
	char *s = b->s;

	if (b->oom) {
		free(b->s);
		s = NULL;
	} else if (s == NULL) {
		s = strdup("");
	}
	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}
