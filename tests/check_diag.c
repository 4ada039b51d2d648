/* check_diag.c: the run's warnings and notes keep their recording order. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diag.h"
#include "runtime/report.h"
#include "tests/check_support.h"

/* report_diag() of d into a string (caller frees). */
static char *
render(const struct tnc_diag *d, enum tnc_action_pref action)
{
	struct tnc_options o;
	struct text_out t;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	memset(&o, 0, sizeof(o));
	o.warning_action = action;
	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	text_out_init(&t, fp, TNC_NEWLINE_LF);
	report_diag(d, &o, &t);
	text_out_finish(&t);
	fclose(fp);
	return buf;
}

START_TEST(test_order)
{
	struct tnc_diag d = { 0 };
	char *s;

	diag_warn(&d, "TCP connect to (%s : %u) failed", "198.18.2.10", 5022u);
	diag_note(&d, "%s:%u: connection refused (TCP reset)", "198.18.2.10",
	    5022u);
	diag_warn(&d, "TCP connect to (%s : %u) failed", "198.18.2.11", 5022u);
	diag_note(&d, "second");
	ck_assert_uint_eq(d.nentries, 4);
	ck_assert_uint_eq(d.nwarnings, 2);
	ck_assert_uint_eq(d.nnotes, 2);
	ck_assert_str_eq(diag_nth(&d, DIAG_WARNING, 1),
	    "TCP connect to (198.18.2.11 : 5022) failed");
	ck_assert_str_eq(diag_nth(&d, DIAG_NOTE, 1), "second");
	ck_assert_ptr_null(diag_nth(&d, DIAG_NOTE, 2));
	s = render(&d, TNC_ACTION_CONTINUE);
	ck_assert_str_eq(s,
	    "WARNING: TCP connect to (198.18.2.10 : 5022) failed\n"
	    "tnc: 198.18.2.10:5022: connection refused (TCP reset)\n"
	    "WARNING: TCP connect to (198.18.2.11 : 5022) failed\n"
	    "tnc: second\n");
	free(s);
	diag_free(&d);
	ck_assert_uint_eq(d.nentries, 0);
}
END_TEST

START_TEST(test_silenced)
{
	struct tnc_diag d = { 0 };
	char *s;

	diag_warn(&d, "w");
	diag_note(&d, "n");
	s = render(&d, TNC_ACTION_SILENTLY_CONTINUE);
	ck_assert_str_eq(s, "");
	free(s);
	s = render(&d, TNC_ACTION_IGNORE);
	ck_assert_str_eq(s, "");
	free(s);
	diag_free(&d);
}
END_TEST

static Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("order");

	tcase_add_test(tc, test_order);
	tcase_add_test(tc, test_silenced);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(diag_suite());
}
