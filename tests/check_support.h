#ifndef TNC_TESTS_CHECK_SUPPORT_H
#define TNC_TESTS_CHECK_SUPPORT_H

/*
 * Shared by the Check suites: a text_out that writes into memory, and
 * fixture files read from the repository (tests run from its root; "../"
 * is tried too, for a run from tests/).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"
#include "tests/utf8.h"

/* A memory stream with a text_out on it; capture_take() closes it and returns the bytes. */
struct capture {
	char	*buf;
	size_t	len;
	FILE	*fp;
	struct text_out out;
};

static inline void
capture_open(struct capture *c, enum tnc_newline nl)
{
	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	ck_assert_ptr_nonnull(c->fp);
	text_out_init(&c->out, c->fp, nl);
}

static inline char *
capture_take(struct capture *c)
{
	ck_assert_int_eq(text_out_finish(&c->out), 0);
	ck_assert_int_eq(fclose(c->fp), 0);
	return c->buf;
}

/* The bytes of dir/name (malloc'd, NUL-terminated), or NULL if there is no such file. */
static inline char *
fixture_try_read(const char *dir, const char *name)
{
	static const char *const roots[] = { "", "../" };
	char path[512];

	for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		FILE *fp;
		char *data;
		long n;

		snprintf(path, sizeof(path), "%s%s%s", roots[i], dir, name);
		fp = fopen(path, "rb");
		if (fp == NULL)
			continue;
		ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
		n = ftell(fp);
		ck_assert_int_ge(n, 0);
		rewind(fp);
		data = malloc((size_t)n + 1);
		ck_assert_ptr_nonnull(data);
		ck_assert_uint_eq(fread(data, 1, (size_t)n, fp), (size_t)n);
		data[n] = '\0';
		fclose(fp);
		return data;
	}
	return NULL;
}

static inline char *
fixture_read(const char *dir, const char *name)
{
	char *data = fixture_try_read(dir, name);

	ck_assert_msg(data != NULL, "fixture %s%s not found (run from the "
	    "repository root)", dir, name);
	return data;
}

/* Compares got with the fixture's bytes; on a difference shows both. */
static inline void
assert_same_as_fixture(const char *got, const char *want, const char *name)
{
	ck_assert_msg(strcmp(got, want) == 0,
	    "%s differs:\n--- want ---\n%s--- got ---\n%s---", name, want, got);
}

/* s repeated n times (malloc'd) */
static inline char *
str_repeat(const char *s, size_t n)
{
	size_t len = strlen(s), i;
	char *r = malloc(len * n + 1);

	ck_assert_ptr_nonnull(r);
	for (i = 0; i < n; i++)
		memcpy(r + i * len, s, len);
	r[len * n] = '\0';
	return r;
}

/*
 * The main() of a suite program: runs s, returns the exit status. CK_ENV
 * lets CK_VERBOSITY, CK_RUN_CASE, CK_FORK and friends choose at run time.
 */
static inline int
check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* TNC_TESTS_CHECK_SUPPORT_H */
