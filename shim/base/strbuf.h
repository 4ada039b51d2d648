#ifndef TNC_BASE_STRBUF_H
#define TNC_BASE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A growing string: appends double the room when it runs out, so n bytes
 * cost O(n) whatever their pieces.  s is NUL-terminated once anything was
 * added; an allocation failure sets oom and drops what comes after.
 * Start with { 0 }; free(s) or strbuf_take() ends it.
 */
struct strbuf {
	char	*s;
	size_t	n, cap;
	bool	oom;
};

void	strbuf_add(struct strbuf *b, const char *s, size_t n);
void	strbuf_addc(struct strbuf *b, char c);
/* The string (never NULL: "" when empty), or NULL after oom (b freed) */
char	*strbuf_take(struct strbuf *b);

#endif /* TNC_BASE_STRBUF_H */
