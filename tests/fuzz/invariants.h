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

/* Whether the input holds word, in any case (what a script may do). */
static inline bool
fuzz_input_has(const char *in, size_t n, const char *word)
{
	size_t i, k, w = strlen(word);

	for (i = 0; i + w <= n; i++) {
		for (k = 0; k < w; k++) {
			char c = in[i + k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != word[k])
				break;
		}
		if (k == w)
			return true;
	}
	return false;
}

/*
 * The invariants of one run of input (a script, or main's arguments and
 * stdin): an exit status in 0..4, an error written whenever it is 3, no
 * NUL byte anywhere, and UTF-8 out when the input was UTF-8 -- but what
 * the script itself may ask for: `exit N` any status, a NUL or a lone
 * surrogate ("`0", [char]0, a file read back) its own bytes.
 */
static inline void
fuzz_check_run(int status, const char *out, size_t nout, const char *err,
    size_t nerr, bool input_utf8, const char *in, size_t nin)
{
	bool may_exit = fuzz_input_has(in, nin, "exit");
	bool may_write = fuzz_input_has(in, nin, "`0") ||
	    fuzz_input_has(in, nin, "char") || fuzz_input_has(in, nin, "gc") ||
	    fuzz_input_has(in, nin, "content") || fuzz_input_has(in, nin, "cat") ||
	    fuzz_input_has(in, nin, "type");

	if (status < 0 || status > (may_exit ? 255 : 4))
		fuzz_fail("exit status outside 0..4", err, nerr);
	if (status == 3 && nerr == 0 && !may_exit)
		fuzz_fail("exit status 3 without an error", out, nout);
	if (!may_write && memchr(out, '\0', nout) != NULL)
		fuzz_fail("NUL byte in stdout", out, nout);
	if (!may_write && memchr(err, '\0', nerr) != NULL)
		fuzz_fail("NUL byte in stderr", err, nerr);
	if (input_utf8 && !may_write && !utf8_valid(out, nout))
		fuzz_fail("UTF-8 in, not UTF-8 on stdout", out, nout);
	if (input_utf8 && !may_write && !utf8_valid(err, nerr))
		fuzz_fail("UTF-8 in, not UTF-8 on stderr", err, nerr);
}

#endif /* TNC_TESTS_FUZZ_INVARIANTS_H */
