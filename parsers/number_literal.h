#ifndef TNC_PARSERS_NUMBER_LITERAL_H
#define TNC_PARSERS_NUMBER_LITERAL_H

#include <stddef.h>

/*
 * PowerShell's number literals (number_literal.c): what a number written
 * in a script, or converted from a string, is and how .NET writes it.
 */

/* The .NET type a PowerShell number literal has. */
enum ps_num_type {
	PS_NUM_INT32,
	PS_NUM_INT64,
	PS_NUM_DECIMAL,
	PS_NUM_DOUBLE
};

struct ps_number {
	enum ps_num_type type;
	long long ival;		/* INT32, INT64: the exact value */
	double	dval;		/* every type, so comparisons are simple
				   (DECIMAL: the nearest double) */
};

/*
 * ps_number_parse()
 * Reads a whole PowerShell number literal (what [int]"0x10" or [double]
 * "1e3" accept: sign, hex, decimals, exponent, type suffix l/d,
 * multiplier kb..pb). Surrounding white space is allowed. Returns 0, or
 * -1 if s is not exactly one number.
 */
int	ps_number_parse(const char *s, struct ps_number *n);

/* Room for any text ps_literal_text() writes */
#define PS_LITERAL_TEXT_MAX	64

/*
 * ps_literal_text()
 * The text .NET's ToString() gives the value of the number literal
 * literal (as ps_number_parse() reads it): Int32 and Int64 their digits,
 * a Decimal its digits with the scale kept (1.50d is "1.50"), a Double
 * .NET Framework's "G" (15 significant digits: 1e20 is "1E+20"). Returns
 * 0, or -1 if literal is not a number or the text does not fit size.
 */
int	ps_literal_text(const char *literal, char *buf, size_t size);

#endif /* TNC_PARSERS_NUMBER_LITERAL_H */
