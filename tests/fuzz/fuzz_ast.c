/*
 * fuzz_ast.c: libFuzzer harness (d), the language front end alone: a
 * fuzzed script through ast_parse() (tokenizer.c, ast*.c) and ast_dump().
 * Invariants: 0 with no error and a dump whose every extent lies in the
 * script, or -1 with an error (id, text, an extent in the script, UTF-8
 * when the script was) and no statements; the same answer twice (nothing
 * read that was not written); no leak, no crash, no stack overflow.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/ast.h"
#include "parsers/ast_dump.h"
#include "tests/fuzz/invariants.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Every "(kind@offset:length" of a dump, outside its quoted texts, lies
 * in a script of len bytes.
 */
static void
check_extents(const char *d, size_t len)
{
	const char *p;
	unsigned long long o, n;
	bool quoted = false;

	for (p = d; *p != '\0'; p++) {
		if (quoted) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				quoted = false;
			continue;
		}
		if (*p == '"') {
			quoted = true;
			continue;
		}
		if (*p != '@')
			continue;
		if (sscanf(p, "@%llu:%llu", &o, &n) != 2)
			fuzz_fail("a node without its extent", d, strlen(d));
		if (o > len || n > len - o)
			fuzz_fail("an extent outside the script", d, strlen(d));
	}
}

/* The outcome of one parse, as text: the dump, or the error */
static char *
parse(const char *script, int *rc)
{
	struct ast_list l;
	struct ps_error e = { 0 };
	size_t len = strlen(script);
	char *out;

	*rc = ast_parse(script, &l, &e);
	if (*rc == 0) {
		if (e.error_id != NULL || e.message != NULL)
			fuzz_fail("success with an error", script, len);
		if ((out = ast_dump(&l)) == NULL)
			abort();
		check_extents(out, len);
		ast_list_free(&l);
		return out;
	}
	if (*rc != -1)
		fuzz_fail("ast_parse() returned neither 0 nor -1", script, len);
	if (l.n != 0 || l.v != NULL)
		fuzz_fail("statements left after an error", script, len);
	if (e.error_id == NULL || (e.message == NULL && !e.out_of_memory))
		fuzz_fail("an error without its id or text", script, len);
	if (!e.out_of_memory && (!e.parse_error || e.offset > len ||
	    e.length > len - e.offset))
		fuzz_fail("an error outside the script", e.message, strlen(e.message));
	if (!e.out_of_memory && utf8_valid(script, len) &&
	    !utf8_valid(e.message, strlen(e.message)))
		fuzz_fail("UTF-8 in, an error text not UTF-8", e.message,
		    strlen(e.message));
	if (asprintf(&out, "%s %zu:%zu %s", e.error_id, e.offset, e.length,
	    e.message != NULL ? e.message : "") < 0)
		abort();
	ps_error_free(&e);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *script, *a, *b;
	int rc1, rc2;

	/* a script is text: it ends at a NUL, as argv and -Command - do */
	script = strndup((const char *)data, size);
	if (script == NULL)
		return 0;
	a = parse(script, &rc1);
	b = parse(script, &rc2);
	if (rc1 != rc2 || strcmp(a, b) != 0)
		fuzz_fail("two parses of one script differ", a, strlen(a));
	free(a);
	free(b);
	free(script);
	return 0;
}
