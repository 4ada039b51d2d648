#ifndef TNC_TESTS_UTF8_H
#define TNC_TESTS_UTF8_H

/* Shared by the Check suites and the fuzz harnesses. */
#include <stdbool.h>
#include <stddef.h>

/* Whether s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms, no
   surrogates, nothing past U+10FFFF) */
static inline bool
utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, need;
	unsigned c;

	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			need = 1, c = u[i] & 0x1f;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			need = 2, c = u[i] & 0x0f;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			need = 3, c = u[i] & 0x07;
		else
			return false;
		if (n - i <= need)		/* the sequence is cut short */
			return false;
		for (k = 1; k <= need; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (u[i + k] & 0x3f);
		}
		if ((need == 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
		    (need == 3 && (c < 0x10000 || c > 0x10ffff)))
			return false;
		i += need + 1;
	}
	return true;
}

#endif /* TNC_TESTS_UTF8_H */
