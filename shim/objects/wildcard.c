/* wildcard.c: PowerShell wildcard patterns matched with pcre2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/wildcard.h"

bool
wildcard_has_meta(const char *pattern)
{
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		if (*p == '`') {
			if (p[1] == '\0')
				break;
			p++;
			continue;
		}
		if (strchr("*?[]", *p) != NULL)
			return true;
	}
	return false;
}

/*
 * The character at *pp, its length in *len: a UTF-8 sequence, or U+FFFD
 * for a byte that starts none (a .NET string would hold U+FFFD there).
 */
static unsigned
next_char(const char *p, size_t *len)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned c, need, i;

	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		c = u[0] & 0x07;
	} else {
		*len = 1;
		return 0xfffd;
	}
	for (i = 1; i <= need; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*len = 1;
			return 0xfffd;
		}
		c = c << 6 | (u[i] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not characters */
	if ((need == 2 && c < 0x800) || (need == 3 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
		*len = 1;
		return 0xfffd;
	}
	*len = need + 1;
	return c;
}

/* One literal character for pcre2 (in or out of a class). */
static void
put_literal(FILE *m, unsigned c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		fputc((int)c, m);
	else if (c < 0x80)
		fprintf(m, "\\%c", (int)c);	/* "\x" is x for any x not alnum */
	else
		fprintf(m, "\\x{%x}", c);
}

/*
 * A bracket expression as WildcardPatternParser.AppendBracketExpression
 * reads it: chars[0..n) literal, ops[i] '-' where an unescaped '-'
 * stood; "a-z" is a range (a lower bound above the upper one is an
 * invalid pattern). Returns 0 or -1.
 */
static int
put_set(FILE *m, const unsigned *chars, const char *ops, size_t n)
{
	size_t i = 0;

	fputc('[', m);
	while (i < n) {
		if (i + 2 < n && ops[i + 1] == '-') {
			if (chars[i] > chars[i + 2])
				return -1;
			put_literal(m, chars[i]);
			fputc('-', m);
			put_literal(m, chars[i + 2]);
			i += 3;
		} else {
			put_literal(m, chars[i++]);
		}
	}
	fputc(']', m);
	return 0;
}

/*
 * pattern as a pcre2 expression, parsed as PowerShell's
 * WildcardPatternParser.Parse does: '[' opens a set that the next
 * unescaped ']' closes (a ']' right after '[' is a member), '`' escapes
 * the next character, a trailing '`' is itself (the pattern "`" alone
 * is empty). NULL with *bad set on an invalid pattern (an unclosed set,
 * a reversed range); NULL alone on ENOMEM.
 */
static char *
wildcard_to_regex(const char *pattern, bool *bad)
{
	char *buf = NULL, *ops = NULL;
	unsigned *chars = NULL, c;
	size_t len = 0, n = 0, k, plen = strlen(pattern);
	FILE *m;
	const char *p;
	bool esc = false, in_set = false, set_start = false;
	int rc = 0;

	*bad = false;
	/* a set holds at most one entry per byte of the pattern */
	chars = malloc((plen + 1) * sizeof(*chars));
	ops = malloc(plen + 1);
	m = chars != NULL && ops != NULL ? open_memstream(&buf, &len) : NULL;
	if (m == NULL) {
		free(chars);
		free(ops);
		return NULL;
	}
	fputs("^(?:", m);
	for (p = pattern; *p != '\0' && rc == 0; p += k) {
		c = next_char(p, &k);
		if (in_set) {
			if (c == ']' && !set_start && !esc) {
				in_set = false;
				rc = put_set(m, chars, ops, n);
			} else if (c != '`' || esc) {
				chars[n] = c;
				ops[n++] = c == '-' && !esc ? '-' : ' ';
			}
			set_start = false;
		} else if (c == '*' && !esc) {
			fputs("(?s:.*)", m);
		} else if (c == '?' && !esc) {
			fputs("(?s:.)", m);
		} else if (c == '[' && !esc) {
			in_set = set_start = true;
			n = 0;
		} else if (c != '`' || esc) {
			put_literal(m, c);
		}
		esc = c == '`' && !esc;
	}
	if (in_set)
		rc = -1;
	if (rc == 0 && esc && strcmp(pattern, "`") != 0)
		put_literal(m, '`');
	fputs(")\\z", m);
	free(chars);
	free(ops);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		*bad = rc != 0;
		return NULL;
	}
	return buf;
}

int
wildcard_valid(const char *pattern)
{
	bool bad;
	char *re = wildcard_to_regex(pattern, &bad);

	free(re);
	return re != NULL ? 1 : bad ? 0 : -1;
}

int
wildcard_compile(struct wildcard *w, const char *pattern, char *err,
    size_t errlen)
{
	return wildcard_compile_case(w, pattern, true, err, errlen);
}

int
wildcard_compile_case(struct wildcard *w, const char *pattern,
    bool ignore_case, char *err, size_t errlen)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;
	bool bad;
	char *re = wildcard_to_regex(pattern, &bad);

	w->re = NULL;
	w->md = NULL;
	if (re == NULL) {
		if (bad)
			snprintf(err, errlen, "The specified wildcard character "
			    "pattern is not valid: %s", pattern);
		else
			snprintf(err, errlen, "out of memory");
		return -1;
	}
	w->re = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    (ignore_case ? PCRE2_CASELESS : 0) | PCRE2_UTF |
	    PCRE2_MATCH_INVALID_UTF, &code, &off,
	    NULL);
	free(re);
	if (w->re == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		snprintf(err, errlen, "wildcard %s: %s at offset %zu", pattern,
		    (const char *)msg, (size_t)off);
		return -1;
	}
	w->md = pcre2_match_data_create_from_pattern(w->re, NULL);
	if (w->md == NULL) {
		pcre2_code_free(w->re);
		w->re = NULL;
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

int
wildcard_match(const struct wildcard *w, const char *s, char *err,
    size_t errlen)
{
	PCRE2_UCHAR msg[256];
	int rc = pcre2_match(w->re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0,
	    w->md, NULL);

	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	pcre2_get_error_message(rc, msg, sizeof(msg));
	snprintf(err, errlen, "wildcard match error %d: %s", rc,
	    (const char *)msg);
	return -1;
}

void
wildcard_free(struct wildcard *w)
{
	pcre2_match_data_free(w->md);
	pcre2_code_free(w->re);
	w->md = NULL;
	w->re = NULL;
}
