/* ps_chars.c: PowerShell's special dashes, quotes and spaces in UTF-8. */
#include "parsers/ps_chars.h"

size_t
ps_dash_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '-')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x93 && u[2] <= 0x95)
		return 3;
	return 0;
}

size_t
ps_squote_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '\'')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9B)
		return 3;
	return 0;
}

size_t
ps_dquote_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == '"')
		return 1;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x9C && u[2] <= 0x9E)
		return 3;
	return 0;
}

size_t
ps_space_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v')
		return 1;
	if (u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0x85))
		return 2;			/* NBSP, NEL */
	if (u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80)
		return 3;			/* U+1680 */
	if (u[0] == 0xE2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8A) ||
	    u[2] == 0xA8 || u[2] == 0xA9 || u[2] == 0xAF))
		return 3;			/* U+2000..U+200A, U+2028/9, U+202F */
	if (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;			/* U+205F */
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;			/* U+3000 */
	return 0;
}

size_t
ps_utf8_len(unsigned char c)
{
	if (c >= 0xF0 && c < 0xF8)
		return 4;
	if (c >= 0xE0)
		return c < 0xF0 ? 3 : 1;
	if (c >= 0xC0)
		return 2;
	return 1;
}
