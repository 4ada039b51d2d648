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

#include "tests/utf8.h"

static inline void
fuzz_fail(const char *what, const char *out, size_t n)
{
	fprintf(stderr, "INVARIANT BROKEN: %s\n--- output (%zu bytes) ---\n%.*s\n",
	    what, n, (int)(n > 4000 ? 4000 : n), out != NULL ? out : "");
	abort();
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
	if (input_utf8 && !utf8_valid(out, nout))
		fuzz_fail("UTF-8 in, not UTF-8 on stdout", out, nout);
	if (input_utf8 && !utf8_valid(err, nerr))
		fuzz_fail("UTF-8 in, not UTF-8 on stderr", err, nerr);
}

#endif /* TNC_TESTS_FUZZ_INVARIANTS_H */
