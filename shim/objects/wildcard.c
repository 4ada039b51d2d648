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

/* One literal character (all of its UTF-8 bytes) for pcre2. */
static void
put_literal(FILE *m, const char **pp)
{
	const unsigned char *p = (const unsigned char *)*pp;

	if (*p < 0x80 && !((*p >= '0' && *p <= '9') ||
	    (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		fputc('\\', m);		/* pcre2 takes "\x" as x for any x not alnum */
	fputc(*p, m);
	while ((p[1] & 0xc0) == 0x80)	/* continuation bytes */
		fputc(*++p, m);
	*pp = (const char *)p;
}

/*
 * The body of "[...]" starting after "["; *pp is left on the closing "]".
 * Returns -1 when there is none.  Ranges keep their "-".
 */
static int
put_set(FILE *m, const char **pp)
{
	const char *p = *pp;

	fputc('[', m);
	for (; *p != '\0' && *p != ']'; p++) {
		if (*p == '`' && p[1] != '\0')
			p++;
		else if (*p == '-') {
			fputc('-', m);
			continue;
		}
		put_literal(m, &p);
	}
	if (*p != ']')
		return -1;
	fputc(']', m);
	*pp = p;
	return 0;
}

/* pattern as a pcre2 expression; NULL with *bad set on a bad pattern. */
static char *
wildcard_to_regex(const char *pattern, bool *bad)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	const char *p;
	int rc = 0;

	*bad = false;
	if (m == NULL)
		return NULL;
	fputs("^(?:", m);
	for (p = pattern; *p != '\0' && rc == 0; p++) {
		if (*p == '*')
			fputs("(?s:.*)", m);
		else if (*p == '?')
			fputs("(?s:.)", m);
		else if (*p == '[') {
			p++;
			rc = put_set(m, &p);
		} else {
			if (*p == '`' && p[1] != '\0')
				p++;	/* the escaped character itself */
			put_literal(m, &p);
		}
	}
	fputs(")\\z", m);
	if (fclose(m) != 0 || rc != 0) {
		free(buf);
		*bad = rc != 0;
		return NULL;
	}
	return buf;
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
