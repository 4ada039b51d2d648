#ifndef TNC_PARSERS_PS_CHARS_H
#define TNC_PARSERS_PS_CHARS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * PowerShell's character classes (CharTraits.cs) over UTF-8 text: the
 * special dashes, quotes and spaces it accepts beside the ASCII ones.
 * Each *_len() returns the byte length of the character at p when it is
 * one of its class, else 0; p must be NUL-terminated (or readable for
 * three bytes).
 */

/* - U+2013 U+2014 U+2015 */
size_t	ps_dash_len(const char *p);

/* ' U+2018 U+2019 U+201A U+201B */
size_t	ps_squote_len(const char *p);

/* " U+201C U+201D U+201E */
size_t	ps_dquote_len(const char *p);

/*
 * White space that is not a line end: space, tab, form feed, vertical
 * tab, NBSP, NEL and the Unicode separators (char.IsSeparator).
 */
size_t	ps_space_len(const char *p);

/* The length of the UTF-8 sequence starting with byte c (1 for ASCII or a stray byte). */
size_t	ps_utf8_len(unsigned char c);

#endif /* TNC_PARSERS_PS_CHARS_H */
