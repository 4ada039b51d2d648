#ifndef TNC_PARSERS_LEXER_H
#define TNC_PARSERS_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "ps_error.h"

/*
 * The tokenizer for tnc's PowerShell subset (see the table at the top of
 * lexer.c). Every token remembers where it stands in the script, so
 * errors can underline it as PowerShell does.
 */

enum ps_tok {
	PS_TOK_WORD,		/* bare word: 10.0.0.4, Format-List, Remote* */
	PS_TOK_PARAM,		/* -Name or -Name: */
	PS_TOK_NUMBER,		/* 5022, 0x10, 1kb, 2.5, -5 */
	PS_TOK_STRING,		/* 'single' or "double", quotes removed */
	PS_TOK_TRUE,		/* $true */
	PS_TOK_FALSE,		/* $false */
	PS_TOK_NULL,		/* $null */
	PS_TOK_COMMA,
	PS_TOK_PIPE,
	PS_TOK_SEMI,
	PS_TOK_NEWLINE,		/* ends a statement, as ';' does */
	PS_TOK_LPAREN,
	PS_TOK_RPAREN,
	PS_TOK_DOT,		/* member access: only right after ')' */
	PS_TOK_END		/* always the last token */
};

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

struct ps_token {
	enum ps_tok kind;
	size_t	offset, length;	/* bytes in the script */
	char	*text;		/* malloc'd: WORD and NUMBER as written,
				   STRING's value, PARAM's name without '-'
				   and ':'; NULL for punctuation */
	bool	colon;		/* PARAM: ended by ':' (-Port:5022) */
	struct ps_number num;	/* NUMBER */
};

struct ps_token_list {
	struct ps_token *v;
	size_t	n, cap;
};

/*
 * ps_lex()
 * Splits script into tokens; the list always ends with PS_TOK_END.
 * Returns 0, or -1 with e filled (a PowerShell parse error, or a
 * construct outside the subset, naming it). out is empty on -1.
 */
int	ps_lex(const char *script, struct ps_token_list *out,
	    struct ps_error *e);
void	ps_token_list_free(struct ps_token_list *l);

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

#endif /* TNC_PARSERS_LEXER_H */
