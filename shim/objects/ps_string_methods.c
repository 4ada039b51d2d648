/*
 * ps_string_methods.c: the System.String methods scripts around tnc call,
 * with .NET Framework 4's semantics: lengths and indexes in UTF-16 units,
 * Split(params char[]) (so "a, b".Split(", ") splits on ',' and on ' '),
 * and the ArgumentException texts 5.1 wraps in "Exception calling ...".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"

#define NULL_VALUE	"Value cannot be null.\nParameter name: %s"
#define START_NEGATIVE	"StartIndex cannot be less than zero.\nParameter name: startIndex"
#define OUT_OF_RANGE	"Index was out of range. Must be non-negative and less " \
			"than the size of the collection.\nParameter name: startIndex"

/* ---- Trim, TrimStart, TrimEnd ----------------------------------------- */

static int
add_chars(const char *s, uint32_t **set, size_t *n)
{
	const char *p = s;
	uint32_t *grown;

	while (p != NULL && *p != '\0') {
		if ((grown = realloc(*set, (*n + 1) * sizeof(**set))) == NULL)
			return -1;
		*set = grown;
		(*set)[(*n)++] = ps_utf8_next(&p);
	}
	return 0;
}

/* The code points of the trim set: the arguments' (or their items') characters. */
static int
trim_set(struct ps_call *c, uint32_t **set, size_t *n)
{
	const struct psobj_value *a;
	size_t i, k;
	char *s;
	int rc = 0;

	*set = NULL;
	*n = 0;
	for (i = 0; i < c->nargs && rc == 0; i++) {
		a = &c->args[i];
		for (k = 0; a->kind == PSOBJ_ARRAY && k < a->nitems && rc == 0; k++) {
			if ((s = ps_to_string(&a->items[k])) == NULL)
				rc = -1;
			else
				rc = add_chars(s, set, n);
			free(s);
		}
		if (a->kind == PSOBJ_ARRAY)
			continue;
		if (ps_call_string(c, i, &s) != 0)
			return -1;
		rc = add_chars(s, set, n);
		free(s);
	}
	return rc == 0 ? 0 : ps_fail_nomem(c->e);
}

static bool
in_set(uint32_t ch, const uint32_t *set, size_t n)
{
	size_t i;

	if (n == 0)
		return ps_is_space(ch);
	for (i = 0; i < n; i++)
		if (set[i] == ch)
			return true;
	return false;
}

/* which: 1 start, 2 end, 3 both */
static int
trim(const char *s, struct ps_call *c, int which, struct psobj_value *out)
{
	const char *start = s, *end, *p, *q;
	uint32_t *set;
	size_t n;

	if (trim_set(c, &set, &n) != 0)
		return -1;
	while ((which & 1) && *start != '\0') {
		q = start;
		if (!in_set(ps_utf8_next(&q), set, n))
			break;
		start = q;
	}
	end = (which & 2) ? start : start + strlen(start);
	for (p = start; (which & 2) && *p != '\0'; p = q) {
		q = p;
		if (!in_set(ps_utf8_next(&q), set, n))
			end = q;	/* just past the last character kept */
	}
	free(set);
	return ps_string_n(out, start, (size_t)(end - start)) == 0 ? 0 :
	    ps_fail_nomem(c->e);
}

/* ---- Split ------------------------------------------------------------ */

struct splitter {
	uint32_t *chars;	/* Split(char[]): any of these */
	size_t	nchars;
	char	**strs;		/* Split(string[], options): any of these */
	size_t	nstrs;
	long long count;	/* at most this many pieces */
	bool	remove_empty;
};

/* The separator that starts at p: its length in bytes, 0 when none. */
static size_t
separator_at(const struct splitter *sp, const char *p)
{
	const char *q = p;
	uint32_t ch;
	size_t i, best = 0;

	if (sp->strs != NULL) {
		for (i = 0; i < sp->nstrs; i++)
			if (sp->strs[i][0] != '\0' && strlen(sp->strs[i]) > best &&
			    strncmp(p, sp->strs[i], strlen(sp->strs[i])) == 0)
				best = strlen(sp->strs[i]);
		return best;
	}
	ch = ps_utf8_next(&q);
	return in_set(ch, sp->chars, sp->nchars) ? (size_t)(q - p) : 0;
}

static int
split_pieces(const char *s, const struct splitter *sp, struct psobj_value *out)
{
	const char *p = s, *start = s, *q;
	struct psobj_value v;
	size_t sep;

	if (psobj_array(out, 0, "System.String[]") != 0)
		return -1;
	while (sp->count > 0 && *p != '\0') {
		if ((long long)out->nitems == sp->count - 1)
			break;		/* the last piece keeps the rest */
		if ((sep = separator_at(sp, p)) == 0) {
			q = p;
			ps_utf8_next(&q);
			p = q;
			continue;
		}
		if ((p > start || !sp->remove_empty) &&
		    (ps_string_n(&v, start, (size_t)(p - start)) != 0 ||
		    ps_array_push(out, v) != 0))
			return -1;
		p += sep;
		start = p;
	}
	if (sp->count > 0 && (*start != '\0' || !sp->remove_empty) &&
	    (ps_string_n(&v, start, strlen(start)) != 0 ||
	    ps_array_push(out, v) != 0))
		return -1;
	return 0;
}

/* An argument naming StringSplitOptions: 1 it does (*remove set), 0 not. */
static int
split_option(const struct psobj_value *a, bool *remove)
{
	if (a->kind == PSOBJ_STRING && strcasecmp(a->s, "RemoveEmptyEntries") == 0)
		*remove = true;
	else if (a->kind == PSOBJ_STRING && strcasecmp(a->s, "None") == 0)
		*remove = false;
	else
		return 0;
	return 1;
}

/*
 * Which Split overload the arguments pick: (params char[]), (char[], int),
 * (char[], options), (char[], int, options) or (string[], options).
 */
static int
split_args(struct ps_call *c, struct splitter *sp)
{
	const struct psobj_value *a = c->args;
	size_t i, nsep = c->nargs;
	bool options = false;

	memset(sp, 0, sizeof(*sp));
	sp->count = 0x7fffffff;
	if (c->nargs >= 2 && split_option(&a[c->nargs - 1], &sp->remove_empty)) {
		options = true;
		nsep--;
	}
	if (nsep == 2 && (ps_is_number(&a[1]) || options)) {
		if (ps_call_int(c, 1, "count", &sp->count) != 0)
			return -1;
		if (sp->count < 0)
			return ps_call_fail(c, "ArgumentOutOfRangeException",
			    "Count cannot be less than zero.\nParameter name: count");
		nsep = 1;
	}
	if (nsep == 1 && options && a[0].kind == PSOBJ_ARRAY) {
		sp->strs = calloc(a[0].nitems + 1, sizeof(char *));
		if (sp->strs == NULL)
			return ps_fail_nomem(c->e);
		for (i = 0; i < a[0].nitems; i++)
			if ((sp->strs[sp->nstrs++] =
			    ps_to_string(&a[0].items[i])) == NULL)
				return ps_fail_nomem(c->e);
		return 0;
	}
	c->nargs = nsep;		/* params char[]: every argument's chars */
	return trim_set(c, &sp->chars, &sp->nchars);
}

static int
split(const char *s, struct ps_call *c, struct psobj_value *out)
{
	struct splitter sp;
	size_t nargs = c->nargs, i;
	int rc;

	rc = split_args(c, &sp);
	c->nargs = nargs;
	if (rc == 0 && split_pieces(s, &sp, out) != 0)
		rc = ps_fail_nomem(c->e);
	for (i = 0; i < sp.nstrs; i++)
		free(sp.strs[i]);
	free(sp.strs);
	free(sp.chars);
	return rc;
}

/* ---- searching -------------------------------------------------------- */

static bool
prefix_eq(const char *s, const char *p, size_t n, bool ic)
{
	const char *a = s, *b = p;

	if (!ic)
		return strncmp(s, p, n) == 0;
	while ((size_t)(b - p) < n && *a != '\0')
		if (ps_upper(ps_utf8_next(&a)) != ps_upper(ps_utf8_next(&b)))
			return false;
	return (size_t)(b - p) >= n;
}

/* StartsWith/EndsWith's second argument: a bool or a StringComparison. */
static int
ignore_case_arg(struct ps_call *c, bool *ic)
{
	char *s;

	*ic = false;
	if (c->nargs < 2)
		return 0;
	if (c->args[1].kind == PSOBJ_BOOL) {
		*ic = c->args[1].b;
		return 0;
	}
	if (ps_call_string(c, 1, &s) != 0)
		return -1;
	*ic = s != NULL && strcasestr(s, "IgnoreCase") != NULL;
	free(s);
	return 0;
}

/* which: 0 Contains, 1 StartsWith, 2 EndsWith */
static int
contains(const char *s, struct ps_call *c, int which, struct psobj_value *out)
{
	size_t n, len = strlen(s);
	char *v;
	bool ic, r;

	if (ps_call_string(c, 0, &v) != 0 || ignore_case_arg(c, &ic) != 0)
		return -1;
	if (v == NULL)
		return ps_call_fail(c, "ArgumentNullException", NULL_VALUE, "value");
	n = strlen(v);
	if (which == 0)
		r = strstr(s, v) != NULL;
	else if (which == 1)
		r = prefix_eq(s, v, n, ic);
	else
		r = n <= len && prefix_eq(s + len - n, v, n, ic);
	free(v);
	*out = psobj_bool(r);
	return 0;
}

/* IndexOf(value[, startIndex]) and LastIndexOf(value) in UTF-16 units. */
static int
index_of(const char *s, struct ps_call *c, bool last, struct psobj_value *out)
{
	long long start = 0, len = (long long)ps_utf16_len(s);
	const char *hit = NULL, *p;
	char *v;

	if (ps_call_string(c, 0, &v) != 0)
		return -1;
	if (v == NULL)
		return ps_call_fail(c, "ArgumentNullException", NULL_VALUE, "value");
	if (c->nargs > 1 && ps_call_int(c, 1, "startIndex", &start) != 0) {
		free(v);
		return -1;
	}
	if (start < 0 || start > len) {
		free(v);
		return ps_call_fail(c, "ArgumentOutOfRangeException", OUT_OF_RANGE);
	}
	p = s + ps_utf16_offset(s, (size_t)start);
	if (!last) {
		hit = strstr(p, v);
	} else if (*v == '\0') {	/* .NET Framework: Length - 1 */
		free(v);
		*out = psobj_int(len > 0 ? len - 1 : 0, NULL);
		return 0;
	} else {
		for (; (p = strstr(p, v)) != NULL; p++)
			hit = p;
	}
	free(v);
	*out = psobj_int(hit == NULL ? -1 :
	    (long long)ps_utf16_index(s, (size_t)(hit - s)), NULL);
	return 0;
}

/* ---- cutting and padding ---------------------------------------------- */

static int
substring(const char *s, struct ps_call *c, struct psobj_value *out)
{
	long long start, n, len = (long long)ps_utf16_len(s);
	size_t from, to;

	if (ps_call_int(c, 0, "startIndex", &start) != 0 ||
	    (c->nargs > 1 && ps_call_int(c, 1, "length", &n) != 0))
		return -1;
	if (start < 0)
		return ps_call_fail(c, "ArgumentOutOfRangeException",
		    START_NEGATIVE);
	if (start > len)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "startIndex "
		    "cannot be larger than length of string.\nParameter name: "
		    "startIndex");
	if (c->nargs == 1)
		n = len - start;
	if (n < 0)
		return ps_call_fail(c, "ArgumentOutOfRangeException",
		    "Length cannot be less than zero.\nParameter name: length");
	if (start > len - n)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Index and "
		    "length must refer to a location within the string.\n"
		    "Parameter name: length");
	from = ps_utf16_offset(s, (size_t)start);
	to = ps_utf16_offset(s, (size_t)(start + n));
	return ps_string_n(out, s + from, to - from) == 0 ? 0 :
	    ps_fail_nomem(c->e);
}

static int
pad(const char *s, struct ps_call *c, bool left, struct psobj_value *out)
{
	long long width, n;
	char *p = NULL, *res = NULL;
	size_t plen = 1;

	if (ps_call_int(c, 0, "totalWidth", &width) != 0 ||
	    (c->nargs > 1 && ps_call_string(c, 1, &p) != 0))
		return -1;
	if (width < 0) {
		free(p);
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Non-"
		    "negative number required.\nParameter name: totalWidth");
	}
	if ((unsigned long long)width > PS_RESULT_LIMIT / 4) {
		free(p);
		return ps_fail_too_large(c->e);
	}
	if (p != NULL && *p != '\0') {
		const char *q = p;

		ps_utf8_next(&q);
		plen = (size_t)(q - p);
	}
	n = width - (long long)ps_utf16_len(s);
	if (n > 0 && (res = malloc(strlen(s) + (size_t)n * plen + 1)) != NULL) {
		char *w = res;
		long long k;

		if (!left)
			w = stpcpy(w, s);
		for (k = 0; k < n; k++, w += plen)
			memcpy(w, p != NULL && *p != '\0' ? p : " ", plen);
		*w = '\0';
		if (left)
			strcpy(w, s);
	} else if (n <= 0) {
		res = strdup(s);
	}
	free(p);
	return ps_string_take(out, res) == 0 ? 0 : ps_fail_nomem(c->e);
}

static int
replace(const char *s, struct ps_call *c, struct psobj_value *out)
{
	char *old, *new = NULL, *buf = NULL;
	size_t len = 0, olen;
	const char *p, *hit;
	FILE *m;

	if (ps_call_string(c, 0, &old) != 0 || ps_call_string(c, 1, &new) != 0) {
		free(old);
		return -1;
	}
	if (old == NULL || *old == '\0') {
		free(old);
		free(new);
		return old == NULL ? ps_call_fail(c, "ArgumentNullException",
		    NULL_VALUE, "oldValue") : ps_call_fail(c, "ArgumentException",
		    "String cannot be of zero length.\nParameter name: oldValue");
	}
	olen = strlen(old);
	if ((m = open_memstream(&buf, &len)) != NULL) {
		for (p = s; (hit = strstr(p, old)) != NULL; p = hit + olen) {
			fwrite(p, 1, (size_t)(hit - p), m);
			fputs(new != NULL ? new : "", m);
		}
		fputs(p, m);
		if (fclose(m) != 0) {
			free(buf);
			buf = NULL;
		}
	}
	free(old);
	free(new);
	return ps_string_take(out, buf) == 0 ? 0 : ps_fail_nomem(c->e);
}

static int
insert_remove(const char *s, struct ps_call *c, bool insert,
    struct psobj_value *out)
{
	long long start, n = -1, len = (long long)ps_utf16_len(s);
	char *v = NULL, *res;
	size_t a, b;

	if (ps_call_int(c, 0, "startIndex", &start) != 0 || (insert ?
	    ps_call_string(c, 1, &v) : c->nargs > 1 ?
	    ps_call_int(c, 1, "count", &n) : 0) != 0)
		return -1;
	if (insert && v == NULL)
		return ps_call_fail(c, "ArgumentNullException", NULL_VALUE, "value");
	if (insert && (start < 0 || start > len)) {
		free(v);
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Specified "
		    "argument was out of the range of valid values.\nParameter "
		    "name: startIndex");
	}
	if (!insert && start < 0)
		return ps_call_fail(c, "ArgumentOutOfRangeException",
		    START_NEGATIVE);
	if (!insert && n < 0 && c->nargs == 1 && start >= len)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "startIndex "
		    "must be less than length of string.\nParameter name: "
		    "startIndex");
	if (!insert && c->nargs > 1 && n < 0)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Count "
		    "cannot be less than zero.\nParameter name: count");
	if (!insert && c->nargs > 1 && start > len - n)
		return ps_call_fail(c, "ArgumentOutOfRangeException", "Index and "
		    "count must refer to a location within the string.\n"
		    "Parameter name: count");
	a = ps_utf16_offset(s, (size_t)start);
	b = insert ? a : ps_utf16_offset(s, (size_t)(n < 0 ? len : start + n));
	if (asprintf(&res, "%.*s%s%s", (int)a, s, insert ? v : "", s + b) < 0)
		res = NULL;
	free(v);
	return ps_string_take(out, res) == 0 ? 0 : ps_fail_nomem(c->e);
}

static int
to_char_array(const char *s, struct ps_call *c, struct psobj_value *out)
{
	const char *p = s, *q;
	struct psobj_value ch;

	if (psobj_array(out, 0, "System.Char[]") != 0)
		return ps_fail_nomem(c->e);
	while (*p != '\0') {
		q = p;
		ps_utf8_next(&q);
		if (ps_string_n(&ch, p, (size_t)(q - p)) != 0 ||
		    ps_array_push(out, ch) != 0) {
			psobj_value_free(out);
			return ps_fail_nomem(c->e);
		}
		out->items[out->nitems - 1].type = PS_CHAR;
		p = q;
	}
	return 0;
}

static int
change_case(const char *s, struct ps_call *c, bool upper,
    struct psobj_value *out)
{
	return ps_string_take(out, upper ? ps_str_upper(s) : ps_str_lower(s)) ==
	    0 ? 0 : ps_fail_nomem(c->e);
}

enum smethod {
	SM_TRIM, SM_TRIMSTART, SM_TRIMEND, SM_SPLIT, SM_TOLOWER, SM_TOUPPER,
	SM_TOLOWERINV, SM_TOUPPERINV, SM_REPLACE, SM_CONTAINS, SM_STARTSWITH,
	SM_ENDSWITH, SM_SUBSTRING, SM_INDEXOF, SM_LASTINDEXOF, SM_PADLEFT,
	SM_PADRIGHT, SM_INSERT, SM_REMOVE, SM_TOCHARARRAY
};

static const struct {
	const char *name;
	enum smethod m;
	size_t	min, max;
} string_methods[] = {
	{ "Trim", SM_TRIM, 0, 64 },
	{ "TrimStart", SM_TRIMSTART, 0, 64 },
	{ "TrimEnd", SM_TRIMEND, 0, 64 },
	{ "Split", SM_SPLIT, 0, 64 },
	{ "ToLower", SM_TOLOWER, 0, 0 },
	{ "ToUpper", SM_TOUPPER, 0, 0 },
	{ "ToLowerInvariant", SM_TOLOWERINV, 0, 0 },
	{ "ToUpperInvariant", SM_TOUPPERINV, 0, 0 },
	{ "Replace", SM_REPLACE, 2, 2 },
	{ "Contains", SM_CONTAINS, 1, 1 },
	{ "StartsWith", SM_STARTSWITH, 1, 2 },
	{ "EndsWith", SM_ENDSWITH, 1, 2 },
	{ "Substring", SM_SUBSTRING, 1, 2 },
	{ "IndexOf", SM_INDEXOF, 1, 2 },
	{ "LastIndexOf", SM_LASTINDEXOF, 1, 1 },
	{ "PadLeft", SM_PADLEFT, 1, 2 },
	{ "PadRight", SM_PADRIGHT, 1, 2 },
	{ "Insert", SM_INSERT, 2, 2 },
	{ "Remove", SM_REMOVE, 1, 2 },
	{ "ToCharArray", SM_TOCHARARRAY, 0, 0 },
};

int
ps_string_method(const struct psobj_value *v, const char *name,
    struct ps_call *c, struct psobj_value *out)
{
	const char *s = v->s;
	size_t i;

	for (i = 0; i < sizeof(string_methods) / sizeof(string_methods[0]); i++)
		if (strcasecmp(name, string_methods[i].name) == 0)
			break;
	if (i == sizeof(string_methods) / sizeof(string_methods[0]))
		return 1;
	c->method = string_methods[i].name;
	if (c->nargs < string_methods[i].min || c->nargs > string_methods[i].max)
		return ps_call_fail_count(c);
	switch (string_methods[i].m) {
	case SM_TRIM: return trim(s, c, 3, out);
	case SM_TRIMSTART: return trim(s, c, 1, out);
	case SM_TRIMEND: return trim(s, c, 2, out);
	case SM_SPLIT: return split(s, c, out);
	case SM_TOLOWER: case SM_TOLOWERINV: return change_case(s, c, false, out);
	case SM_TOUPPER: case SM_TOUPPERINV: return change_case(s, c, true, out);
	case SM_REPLACE: return replace(s, c, out);
	case SM_CONTAINS: return contains(s, c, 0, out);
	case SM_STARTSWITH: return contains(s, c, 1, out);
	case SM_ENDSWITH: return contains(s, c, 2, out);
	case SM_SUBSTRING: return substring(s, c, out);
	case SM_INDEXOF: return index_of(s, c, false, out);
	case SM_LASTINDEXOF: return index_of(s, c, true, out);
	case SM_PADLEFT: return pad(s, c, true, out);
	case SM_PADRIGHT: return pad(s, c, false, out);
	case SM_INSERT: return insert_remove(s, c, true, out);
	case SM_REMOVE: return insert_remove(s, c, false, out);
	default: return to_char_array(s, c, out);
	}
}
