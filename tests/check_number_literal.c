/*
 * tests/check_number_literal.c: PowerShell's number literals
 * (parsers/number_literal.c): the type and value each literal has, and
 * the text .NET writes for it.  How the tokenizer cuts numbers out of a
 * script is check_ast's.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/number_literal.h"
#include "tests/check_support.h"

START_TEST(test_numbers)
{
	static const struct {
		const char *text;
		enum ps_num_type type;
		long long ival;
		double	dval;
	} c[] = {
		{ "5022", PS_NUM_INT32, 5022, 5022 },
		{ "-5", PS_NUM_INT32, -5, -5 },
		{ "0x1F", PS_NUM_INT32, 31, 31 },
		{ "0xFFFFFFFF", PS_NUM_INT32, -1, -1 },
		{ "0x100000000", PS_NUM_INT64, 4294967296LL, 4294967296.0 },
		{ "1kb", PS_NUM_INT32, 1024, 1024 },
		{ "2GB", PS_NUM_INT64, 2147483648LL, 2147483648.0 },
		{ "1pb", PS_NUM_INT64, 1125899906842624LL, 1125899906842624.0 },
		{ "1.5", PS_NUM_DOUBLE, 0, 1.5 },
		{ "1.5kb", PS_NUM_DOUBLE, 0, 1536 },
		{ "1e3", PS_NUM_DOUBLE, 0, 1000 },
		{ "2.5e-1", PS_NUM_DOUBLE, 0, 0.25 },
		{ ".5", PS_NUM_DOUBLE, 0, 0.5 },
		{ "-.5", PS_NUM_DOUBLE, 0, -0.5 },
		{ "10l", PS_NUM_INT64, 10, 10 },
		{ "2.5d", PS_NUM_DECIMAL, 0, 2.5 },
		{ "3000000000", PS_NUM_INT64, 3000000000LL, 3000000000.0 },
		{ "\xe2\x80\x93" "7", PS_NUM_INT32, -7, -7 },	/* en dash */
	};
	struct ps_number n;
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(ps_number_parse(c[i].text, &n) == 0, "%s",
		    c[i].text);
		ck_assert_msg(n.type == c[i].type, "%s type", c[i].text);
		if (c[i].type == PS_NUM_INT32 || c[i].type == PS_NUM_INT64)
			ck_assert_msg(n.ival == c[i].ival, "%s: %lld",
			    c[i].text, n.ival);
		ck_assert_msg(n.dval == c[i].dval, "%s: %g", c[i].text,
		    n.dval);
	}
}
END_TEST

/*
 * Issue 9.5: integer literals went through double (9007199254740993 read
 * as ...992) and 2^63 reached an undefined cast (9223372036854775807 read
 * as -9223372036854775808). PowerShell's literal typing: Int32, Int64,
 * Decimal, Double; and the text .NET's ToString() gives the value.
 */
START_TEST(t_reg_integer_literals)
{
	static const struct {
		const char *text;
		enum ps_num_type type;
		const char *value;
	} c[] = {
		{ "9223372036854775807", PS_NUM_INT64, "9223372036854775807" },
		{ "-9223372036854775808", PS_NUM_INT64, "-9223372036854775808" },
		{ "9007199254740993", PS_NUM_INT64, "9007199254740993" },
		{ "2147483647", PS_NUM_INT32, "2147483647" },
		{ "-2147483648", PS_NUM_INT32, "-2147483648" },
		{ "2147483648", PS_NUM_INT64, "2147483648" },
		{ "9223372036854775808", PS_NUM_DECIMAL, "9223372036854775808" },
		{ "-9223372036854775809", PS_NUM_DECIMAL, "-9223372036854775809" },
		{ "00012", PS_NUM_INT32, "12" },
		{ "79228162514264337593543950335", PS_NUM_DECIMAL,
		  "79228162514264337593543950335" },
		{ "79228162514264337593543950336", PS_NUM_DOUBLE,
		  "7.92281625142643E+28" },
		{ "0x7fffffffffffffff", PS_NUM_INT64, "9223372036854775807" },
		{ "0x8000000000000000", PS_NUM_INT64, "-9223372036854775808" },
		{ "-0x8000000000000000", PS_NUM_DOUBLE, "9.22337203685478E+18" },
		{ "0x80000000", PS_NUM_INT32, "-2147483648" },
		{ "8388607tb", PS_NUM_INT64, "9223370937343148032" },
		{ "8388608tb", PS_NUM_DECIMAL, "9223372036854775808" },
		{ "2gb", PS_NUM_INT64, "2147483648" },
		{ "1kb", PS_NUM_INT32, "1024" },
		{ "9223372036854775807l", PS_NUM_INT64, "9223372036854775807" },
		{ "1e3", PS_NUM_DOUBLE, "1000" },
		{ "1.5", PS_NUM_DOUBLE, "1.5" },
		{ "1e20", PS_NUM_DOUBLE, "1E+20" },
		{ "0.00001", PS_NUM_DOUBLE, "1E-05" },
		{ "1.50d", PS_NUM_DECIMAL, "1.50" },
		{ "1.5e3d", PS_NUM_DECIMAL, "1500" },
		{ "2.5dkb", PS_NUM_DECIMAL, "2560.0" },
		{ "-0.5d", PS_NUM_DECIMAL, "-0.5" },
	};
	static const char *const not_numbers[] = { "9223372036854775808l",
		"0x10000000000000000", "1e400", "79228162514264337593543950336d",
		"1.5l" };
	struct ps_number n;
	char buf[PS_LITERAL_TEXT_MAX];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(ps_number_parse(c[i].text, &n) == 0, "%s",
		    c[i].text);
		ck_assert_msg(n.type == c[i].type, "%s: type %d", c[i].text,
		    n.type);
		ck_assert_int_eq(ps_literal_text(c[i].text, buf, sizeof(buf)),
		    0);
		ck_assert_str_eq(buf, c[i].value);
		if (n.type == PS_NUM_INT32 || n.type == PS_NUM_INT64) {
			snprintf(buf, sizeof(buf), "%lld", n.ival);
			ck_assert_str_eq(buf, c[i].value);
		}
	}
	for (i = 0; i < sizeof(not_numbers) / sizeof(not_numbers[0]); i++)
		ck_assert_msg(ps_number_parse(not_numbers[i], &n) == -1, "%s",
		    not_numbers[i]);
}
END_TEST

/*
 * Decimal literals past 28 places round once, half to even (fuzz_script
 * found "052e-53d" writing past its buffer when all digits rounded away)
 */
START_TEST(test_decimal_rounding)
{
	static const struct { const char *text, *value; } c[] = {
		{ "052e-53d", "0" },
		{ "1e-99999d", "0" },
		{ "5e-29d", "0" },
		{ "1.5e-28d", "0.0000000000000000000000000002" },
		{ "2.5e-28d", "0.0000000000000000000000000002" },
		{ "1.4999e-28d", "0.0000000000000000000000000001" },
		{ "0.000d", "0.000" },
		{ "79228162514264337593543950335.4d",
		  "79228162514264337593543950335" },
	};
	char buf[PS_LITERAL_TEXT_MAX];

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ck_assert_msg(ps_literal_text(c[i].text, buf, sizeof(buf)) == 0,
		    "%s", c[i].text);
		ck_assert_str_eq(buf, c[i].value);
	}
}
END_TEST

START_TEST(test_number_parse)
{
	struct ps_number n;

	ck_assert_int_eq(ps_number_parse(" 80 ", &n), 0);
	ck_assert_int_eq(n.ival, 80);
	ck_assert_int_eq(ps_number_parse("+0x10", &n), 0);
	ck_assert_int_eq(n.ival, 16);
	ck_assert_int_eq(ps_number_parse("-1e2", &n), 0);
	ck_assert(n.dval == -100);
	ck_assert_int_eq(ps_number_parse("abc", &n), -1);
	ck_assert_int_eq(ps_number_parse("5x", &n), -1);
	ck_assert_int_eq(ps_number_parse("", &n), -1);
	ck_assert_int_eq(ps_number_parse("1 2", &n), -1);
}
END_TEST

static Suite *
number_literal_suite(void)
{
	Suite *s = suite_create("number_literal");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_numbers);
	tcase_add_test(tc, t_reg_integer_literals);
	tcase_add_test(tc, test_decimal_rounding);
	tcase_add_test(tc, test_number_parse);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return check_run(number_literal_suite());
}
