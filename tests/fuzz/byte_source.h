#ifndef TNC_TESTS_FUZZ_BYTE_SOURCE_H
#define TNC_TESTS_FUZZ_BYTE_SOURCE_H

/*
 * The fuzzer's input read as a stream of choices, for the harnesses that
 * build values from it (fuzz_format, fuzz_ops): a byte at a time (0 once
 * it is used up), and short strings whose UTF-8 validity is remembered
 * for the output invariants.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tests/utf8.h"

struct src {
	const uint8_t *p;
	size_t	n;
	bool	utf8;		/* every string taken so far was UTF-8 */
};

static inline unsigned
byte(struct src *s)
{
	if (s->n == 0)
		return 0;
	s->n--;
	return *s->p++;
}

/*
 * A string of fewer than mod bytes into buf (which holds mod), ending
 * early at a NUL as C strings do.
 */
static inline char *
str_upto(struct src *s, char *buf, size_t mod)
{
	size_t n = byte(s) % mod, i;

	for (i = 0; i < n && s->n > 0; i++)
		buf[i] = (char)byte(s);
	buf[i] = '\0';
	if (!utf8_valid(buf, strlen(buf)))
		s->utf8 = false;
	return buf;
}

#endif /* TNC_TESTS_FUZZ_BYTE_SOURCE_H */
