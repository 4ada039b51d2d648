#ifndef TNC_TESTS_FUZZ_INVARIANTS_H
#define TNC_TESTS_FUZZ_INVARIANTS_H

/*
 * What every fuzz harness checks besides "no crash": a broken invariant
 * aborts, which libFuzzer reports and keeps as a crash input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void
fuzz_fail(const char *what, const char *out, size_t n)
{
	fprintf(stderr, "INVARIANT BROKEN: %s\n--- output (%zu bytes) ---\n%.*s\n",
	    what, n, (int)(n > 4000 ? 4000 : n), out != NULL ? out : "");
	abort();
}

/* Well-formed UTF-8 (RFC 3629) */
static inline bool
fuzz_utf8(const char *s, size_t n)
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
		if (n - i <= need)
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

/*
 * The invariants of one run: an exit status in 0..4, an error written
 * whenever it is 3, no NUL byte anywhere, and UTF-8 out when the input
 * was UTF-8.
 */
static inline void
fuzz_check_run(int status, const char *out, size_t nout, const char *err,
    size_t nerr, bool input_utf8)
{
	if (status < 0 || status > 4)
		fuzz_fail("exit status outside 0..4", err, nerr);
	if (status == 3 && nerr == 0)
		fuzz_fail("exit status 3 without an error", out, nout);
	if (memchr(out, '\0', nout) != NULL)
		fuzz_fail("NUL byte in stdout", out, nout);
	if (memchr(err, '\0', nerr) != NULL)
		fuzz_fail("NUL byte in stderr", err, nerr);
	if (input_utf8 && !fuzz_utf8(out, nout))
		fuzz_fail("UTF-8 in, not UTF-8 on stdout", out, nout);
	if (input_utf8 && !fuzz_utf8(err, nerr))
		fuzz_fail("UTF-8 in, not UTF-8 on stderr", err, nerr);
}

#endif /* TNC_TESTS_FUZZ_INVARIANTS_H */
