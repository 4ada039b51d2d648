/*
 * ps_text.c: UTF-8 text as .NET sees it: lengths and indexes in UTF-16
 * units, case mapping, white space, and string comparison that follows
 * the invariant culture's order (symbols, then digits, then letters; case
 * only breaks ties, lower before upper).
 */
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "objects/ps_ops_impl.h"

uint32_t
ps_utf8_next(const char **pp)
{
	const unsigned char *p = (const unsigned char *)*pp;
	uint32_t c = p[0];
	int n = 0, i;

	if (c >= 0xc0 && c < 0xe0) {
		n = 1;
		c &= 0x1f;
	} else if (c >= 0xe0 && c < 0xf0) {
		n = 2;
		c &= 0x0f;
	} else if (c >= 0xf0 && c < 0xf8) {
		n = 3;
		c &= 0x07;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {	/* broken sequence: the byte itself */
			*pp = (const char *)p + 1;
			return p[0];
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	*pp = (const char *)p + 1 + n;
	return c;
}

size_t
ps_utf8_encode(uint32_t c, char out[5])
{
	size_t n = 0;

	if (c < 0x80) {
		out[n++] = (char)c;
	} else if (c < 0x800) {
		out[n++] = (char)(0xc0 | (c >> 6));
		out[n++] = (char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		out[n++] = (char)(0xe0 | (c >> 12));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[n++] = (char)(0x80 | (c & 0x3f));
	} else {
		out[n++] = (char)(0xf0 | (c >> 18));
		out[n++] = (char)(0x80 | ((c >> 12) & 0x3f));
		out[n++] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[n++] = (char)(0x80 | (c & 0x3f));
	}
	out[n] = '\0';
	return n;
}

void
ps_utf8_put(FILE *m, uint32_t c)
{
	char buf[5];

	fwrite(buf, 1, ps_utf8_encode(c, buf), m);
}

size_t
ps_utf16_len(const char *s)
{
	size_t n = 0;

	while (*s != '\0')
		n += ps_utf8_next(&s) >= 0x10000 ? 2 : 1;
	return n;
}

size_t
ps_utf16_offset(const char *s, size_t n)
{
	const char *p = s;
	size_t u = 0;

	while (*p != '\0' && u < n) {
		const char *q = p;

		u += ps_utf8_next(&q) >= 0x10000 ? 2 : 1;
		if (u > n)	/* n falls inside a surrogate pair */
			break;
		p = q;
	}
	return (size_t)(p - s);
}

size_t
ps_utf16_index(const char *s, size_t off)
{
	const char *p = s;
	size_t u = 0;

	while (*p != '\0' && (size_t)(p - s) < off)
		u += ps_utf8_next(&p) >= 0x10000 ? 2 : 1;
	return u;
}

/* Unicode case tables: glibc's C.UTF-8, whatever the process locale is. */
static locale_t utf8_locale;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void
utf8_locale_init(void)
{
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

uint32_t
ps_lower(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	pthread_once(&utf8_once, utf8_locale_init);
	return utf8_locale != (locale_t)0 ?
	    (uint32_t)towlower_l((wint_t)c, utf8_locale) : c;
}

uint32_t
ps_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	pthread_once(&utf8_once, utf8_locale_init);
	return utf8_locale != (locale_t)0 ?
	    (uint32_t)towupper_l((wint_t)c, utf8_locale) : c;
}

bool
ps_is_space(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 ||
	    c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000;
}

static char *
str_map(const char *s, uint32_t (*f)(uint32_t))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL)
		return NULL;
	while (*s != '\0')
		ps_utf8_put(m, f(ps_utf8_next(&s)));
	if (fclose(m) != 0) {
		free(buf);
		errno = ENOMEM;
		return NULL;
	}
	return buf;
}

char *
ps_str_lower(const char *s)
{
	return str_map(s, ps_lower);
}

char *
ps_str_upper(const char *s)
{
	return str_map(s, ps_upper);
}

bool
ps_str_eq(const char *a, const char *b, bool ignore_case)
{
	if (!ignore_case)
		return strcmp(a, b) == 0;
	while (*a != '\0' && *b != '\0')
		if (ps_upper(ps_utf8_next(&a)) != ps_upper(ps_utf8_next(&b)))
			return false;
	return *a == '\0' && *b == '\0';
}

int
ps_string_n(struct psobj_value *out, const char *s, size_t n)
{
	return ps_string_take(out, strndup(s, n));
}

/*
 * Collation weights: [primary, accent, case].  Primary: 0 ignorable
 * (hyphen and apostrophe, as Windows' word sort), then white space,
 * symbols in NLS order, digits, letters by their base letter.
 */
struct weight {
	uint32_t primary;
	uint32_t accent;
	int	upper;
};

/* Latin-1 letters U+00C0..U+00FF: their base letter (0: none) */
static const char latin1_base[] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

static struct weight
weight_of(uint32_t c)
{
	static const char symbols[] =
	    " !\"#$%&()*,./:;?@[\\]^_`{|}~+<=>";
	struct weight w = { 0, 0, 0 };
	uint32_t lc = ps_lower(c);
	const char *p;

	w.upper = lc != c;
	if (c == '-' || c == '\'' || c == 0xad)
		return w;
	if (c < 0x80 && (p = strchr(symbols, (int)c)) != NULL && c != 0) {
		w.primary = 0x100 + (uint32_t)(p - symbols);
		return w;
	}
	if (c < 0x20 || ps_is_space(c)) {
		w.primary = 0x100;
		return w;
	}
	if (c >= '0' && c <= '9') {
		w.primary = 0x200 + (c - '0');
		return w;
	}
	if (lc >= 0xc0 && lc <= 0xff && latin1_base[lc - 0xc0] != '\0') {
		w.primary = 0x300 + (uint32_t)latin1_base[lc - 0xc0];
		w.accent = lc;
		return w;
	}
	w.primary = lc < 0x80 ? 0x300 + lc : 0x1000 + lc;
	return w;
}

/* Compares a and b at one level: 0 primary, 1 accents, 2 case. */
static int
compare_level(const char *a, const char *b, int level)
{
	for (;;) {
		struct weight wa = { 0, 0, 0 }, wb = { 0, 0, 0 };
		uint32_t ka = 0, kb = 0;

		while (*a != '\0' && (wa = weight_of(ps_utf8_next(&a))).primary == 0)
			;
		while (*b != '\0' && (wb = weight_of(ps_utf8_next(&b))).primary == 0)
			;
		if (wa.primary == 0 || wb.primary == 0)
			return (wa.primary != 0) - (wb.primary != 0);
		ka = level == 0 ? wa.primary : level == 1 ? wa.accent :
		    (uint32_t)wa.upper;
		kb = level == 0 ? wb.primary : level == 1 ? wb.accent :
		    (uint32_t)wb.upper;
		if (ka != kb)
			return ka < kb ? -1 : 1;
	}
}

int
ps_str_compare(const char *a, const char *b, bool ignore_case)
{
	int c, level;

	for (level = 0; level < 3; level++) {
		if (level == 2 && ignore_case)
			break;
		if ((c = compare_level(a, b, level)) != 0)
			return c;
	}
	/* equal but for ignorable characters (or case, when ignored) */
	if (ignore_case ? ps_str_eq(a, b, true) : strcmp(a, b) == 0)
		return 0;
	c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}
