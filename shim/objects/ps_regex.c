/*
 * ps_regex.c: -like (PowerShell wildcards), and -match -replace -split
 * (.NET regular expressions, through pcre2 where the two syntaxes agree).
 * Groups are numbered as .NET numbers them: unnamed groups first, named
 * groups after them, so $Matches and "$1" mean what they mean in 5.1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "objects/ps_ops_impl.h"
#include "objects/wildcard.h"

/* PowerShell's SplitOptions, and what each is to pcre2 */
static const struct {
	const char *name;
	unsigned bit;
	uint32_t pcre;
} split_options[] = {
	{ "SimpleMatch", 1, 0 },
	{ "RegexMatch", 2, 0 },
	{ "CultureInvariant", 4, 0 },
	{ "IgnorePatternWhitespace", 8, PCRE2_EXTENDED },
	{ "Multiline", 16, PCRE2_MULTILINE },
	{ "Singleline", 32, PCRE2_DOTALL },
	{ "IgnoreCase", 64, PCRE2_CASELESS },
	{ "ExplicitCapture", 128, PCRE2_NO_AUTO_CAPTURE },
};

struct regex {
	pcre2_code *re;
	pcre2_match_data *md;
	uint32_t ngroups;	/* pcre2's capture groups */
	int	*net_of;	/* pcre2 group -> .NET number */
	int	*pcre_of;	/* .NET number -> pcre2 group */
	char	**name;		/* pcre2 group -> its name, or NULL */
};

static void
regex_free(struct regex *rx)
{
	uint32_t i;

	for (i = 0; rx->name != NULL && i <= rx->ngroups; i++)
		free(rx->name[i]);
	free(rx->name);
	free(rx->net_of);
	free(rx->pcre_of);
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->re);
	memset(rx, 0, sizeof(*rx));
}

/* .NET's RegexParser words for the errors scripts make most. */
static const char *
net_reason(int code, const char *pcre_msg)
{
	switch (code) {
	case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS: return "Not enough )'s.";
	case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS: return "Too many )'s.";
	case PCRE2_ERROR_MISSING_SQUARE_BRACKET: return "Unterminated [] set.";
	case PCRE2_ERROR_QUANTIFIER_INVALID:
		return "Quantifier {x,y} following nothing.";
	case PCRE2_ERROR_END_BACKSLASH: return "Illegal \\ at end of pattern.";
	case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER:
		return "Illegal {x,y} with x > y.";
	case PCRE2_ERROR_CLASS_RANGE_ORDER:
		return "[x-y] range in reverse order.";
	default: return pcre_msg;
	}
}

/* Group names and the .NET numbering: unnamed groups, then named ones. */
static int
regex_number(struct regex *rx)
{
	PCRE2_SPTR table;
	uint32_t count = 0, size = 0, i, k;
	int next = 1;

	pcre2_pattern_info(rx->re, PCRE2_INFO_CAPTURECOUNT, &rx->ngroups);
	pcre2_pattern_info(rx->re, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(rx->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
	pcre2_pattern_info(rx->re, PCRE2_INFO_NAMETABLE, &table);
	rx->net_of = calloc(rx->ngroups + 1, sizeof(int));
	rx->pcre_of = calloc(rx->ngroups + 1, sizeof(int));
	rx->name = calloc(rx->ngroups + 1, sizeof(char *));
	if (rx->net_of == NULL || rx->pcre_of == NULL || rx->name == NULL)
		return -1;
	for (i = 0; i < count; i++) {
		const unsigned char *ent = table + i * size;

		k = (uint32_t)(ent[0] << 8 | ent[1]);
		if (k <= rx->ngroups && rx->name[k] == NULL &&
		    (rx->name[k] = strdup((const char *)ent + 2)) == NULL)
			return -1;
	}
	for (k = 1; k <= rx->ngroups; k++)
		if (rx->name[k] == NULL)
			rx->net_of[k] = next++;
	for (k = 1; k <= rx->ngroups; k++)
		if (rx->name[k] != NULL)
			rx->net_of[k] = next++;
	for (k = 1; k <= rx->ngroups; k++)
		rx->pcre_of[rx->net_of[k]] = (int)k;
	return 0;
}

/*
 * The pattern as pcre2 reads .NET's: a '-' right after a class escape in
 * a set ([\w-.], about_Comparison_Operators' own example) is a literal
 * hyphen to .NET, an error to pcre2 unless escaped.
 */
static char *
net_pattern(const char *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	bool in_set = false, class_escape;

	if (m == NULL)
		return NULL;
	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			class_escape = strchr("dDsSwW", p[1]) != NULL;
			fputc(*p++, m);
			fputc(*p, m);
			if ((*p == 'p' || *p == 'P') && p[1] == '{')
				for (class_escape = true; *p != '}' && p[1] != '\0'; )
					fputc(*++p, m);
			if (in_set && class_escape && p[1] == '-' && p[2] != ']' &&
			    p[2] != '\0') {
				fputs("\\-", m);
				p++;
			}
			continue;
		}
		if (*p == '[' && !in_set) {
			in_set = true;
			fputc(*p, m);
			if (p[1] == '^')
				fputc(*++p, m);
			if (p[1] == ']')	/* a leading ']' is a member */
				fputc(*++p, m);
			continue;
		}
		if (*p == ']')
			in_set = false;
		fputc(*p, m);
	}
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/*
 * Compiles pattern.  A bad pattern is .NET's ArgumentException ("parsing
 * ..."), or for -replace PowerShell's InvalidRegularExpression.
 */
static int
regex_compile(struct regex *rx, const char *pattern, uint32_t opts,
    bool for_replace, struct ps_op_error *e)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;

	char *pcre = net_pattern(pattern);

	memset(rx, 0, sizeof(*rx));
	if (pcre == NULL)
		return ps_fail_nomem(e);
	rx->re = pcre2_compile((PCRE2_SPTR)pcre, PCRE2_ZERO_TERMINATED,
	    opts | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &code, &off,
	    NULL);
	free(pcre);
	if (rx->re == NULL) {
		if (code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_NOMEMORY)
			return ps_fail_nomem(e);
		if (for_replace)
			return ps_fail(e, "InvalidRegularExpression",
			    "InvalidOperation", "RuntimeException",
			    "The regular expression pattern %s is not valid.",
			    pattern);
		pcre2_get_error_message(code, msg, sizeof(msg));
		return ps_fail_dotnet(e, "ArgumentException",
		    "parsing \"%s\" - %s", pattern,
		    net_reason(code, (const char *)msg));
	}
	rx->md = pcre2_match_data_create_from_pattern(rx->re, NULL);
	if (rx->md == NULL || regex_number(rx) != 0) {
		regex_free(rx);
		return ps_fail_nomem(e);
	}
	return 0;
}

/* 1 a match at or after start, 0 none, -1 an error (e filled). */
static int
regex_exec(struct regex *rx, const char *s, size_t len, size_t start,
    struct ps_op_error *e)
{
	int rc = pcre2_match(rx->re, (PCRE2_SPTR)s, len, start, 0, rx->md, NULL);

	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc == PCRE2_ERROR_NOMEMORY || rc == PCRE2_ERROR_HEAPLIMIT)
		return ps_fail_nomem(e);
	return ps_fail(e, "RegexMatchError", "InvalidOperation",
	    "RuntimeException", "The regular expression could not be matched "
	    "(pcre2 error %d).", rc);
}

/* pcre2 group k of the last match; false when it did not take part. */
static bool
group_span(const struct regex *rx, uint32_t k, size_t *from, size_t *to)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);

	if (k > rx->ngroups || ov[2 * k] == PCRE2_UNSET)
		return false;
	*from = ov[2 * k];
	*to = ov[2 * k + 1];
	return true;
}

/* ---- -like ------------------------------------------------------------ */

/* The text an item is matched as: "" for null, else "$item". */
static char *
item_text(const struct psobj_value *v)
{
	return v->kind == PSOBJ_NULL ? strdup("") : ps_to_string(v);
}

/* Each item whose text matches (or not): 5.1 keeps the texts, not the items. */
static int
like_array(struct wildcard *w, bool not, const struct psobj_value *l,
    struct psobj_value *out, char *err, size_t errlen)
{
	struct psobj_value v;
	size_t i;
	int m;

	if (psobj_array(out, 0, NULL) != 0)
		return -1;
	for (i = 0; i < l->nitems; i++) {
		if (ps_string_take(&v, item_text(&l->items[i])) != 0)
			return -1;
		if ((m = wildcard_match(w, v.s, err, errlen)) < 0) {
			psobj_value_free(&v);
			return -2;
		}
		if ((m == 1) == not)
			psobj_value_free(&v);
		else if (ps_array_push(out, v) != 0)
			return -1;
	}
	return 0;
}

int
ps_op_like(bool not, bool ignore_case, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	struct wildcard w;
	char err[512], *pat = ps_to_string(r), *s;
	int rc;

	if (pat == NULL)
		return ps_fail_nomem(e);
	if (wildcard_compile_case(&w, pat, ignore_case, err, sizeof(err)) != 0) {
		free(pat);
		return ps_fail(e, "WildcardPattern_Invalid", "InvalidArgument",
		    "WildcardPatternException", "%s", err);
	}
	free(pat);
	if (l->kind == PSOBJ_ARRAY) {
		rc = like_array(&w, not, l, out, err, sizeof(err));
	} else if ((s = item_text(l)) == NULL) {
		rc = -1;
	} else {
		rc = wildcard_match(&w, s, err, sizeof(err));
		*out = psobj_bool((rc == 1) != not);
		rc = rc < 0 ? -2 : 0;
		free(s);
	}
	wildcard_free(&w);
	if (rc == 0)
		return 0;
	psobj_value_free(out);
	return rc == -1 ? ps_fail_nomem(e) : ps_fail(e, "WildcardMatchError",
	    "InvalidOperation", "RuntimeException", "%s", err);
}

/* ---- -match and $Matches ---------------------------------------------- */

/*
 * $Matches: named groups in their order, then the numbered ones from the
 * highest down (the order 5.1's Hashtable happens to list them in).
 */
static int
fill_matches(const struct regex *rx, const char *s, struct psobj_value *m)
{
	struct psobj_value v;
	size_t from, to;
	char key[16];
	int k, n;

	if (psobj_hashtable(m, false) != 0)
		return -1;
	for (k = 1; k <= (int)rx->ngroups; k++) {
		if (rx->name[k] == NULL || !group_span(rx, (uint32_t)k, &from, &to))
			continue;
		if (ps_string_n(&v, s + from, to - from) != 0 ||
		    psobj_add(m->obj, rx->name[k], v) != 0)
			return -1;
	}
	for (n = (int)rx->ngroups; n >= 0; n--) {
		k = n == 0 ? 0 : rx->pcre_of[n];
		if (k < 0 || (k > 0 && rx->name[k] != NULL) ||
		    !group_span(rx, (uint32_t)k, &from, &to))
			continue;
		snprintf(key, sizeof(key), "%d", n);
		if (ps_string_n(&v, s + from, to - from) != 0 ||
		    psobj_add(m->obj, key, v) != 0)
			return -1;
	}
	return 0;
}

static int
match_array(struct regex *rx, bool not, const struct psobj_value *l,
    struct psobj_value *out, struct ps_op_error *e)
{
	size_t i;
	char *s;
	int m;

	if (psobj_array(out, 0, NULL) != 0)
		return ps_fail_nomem(e);
	for (i = 0; i < l->nitems; i++) {
		if ((s = item_text(&l->items[i])) == NULL) {
			psobj_value_free(out);
			return ps_fail_nomem(e);
		}
		m = regex_exec(rx, s, strlen(s), 0, e);
		free(s);
		if (m < 0 || ((m == 1) != not &&
		    ps_array_push_copy(out, &l->items[i]) != 0)) {
			psobj_value_free(out);
			return m < 0 ? -1 : ps_fail_nomem(e);
		}
	}
	return 0;
}

int
ps_op_match(bool not, bool ignore_case, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct psobj_value *matches, struct ps_op_error *e)
{
	struct regex rx;
	char *pat = ps_to_string(r), *s = NULL;
	int m, rc = 0;

	if (pat == NULL)
		return ps_fail_nomem(e);
	rc = regex_compile(&rx, pat, ignore_case ? PCRE2_CASELESS : 0, false, e);
	free(pat);
	if (rc != 0)
		return -1;
	if (l->kind == PSOBJ_ARRAY) {
		rc = match_array(&rx, not, l, out, e);
	} else if ((s = item_text(l)) == NULL) {
		rc = ps_fail_nomem(e);
	} else if ((m = regex_exec(&rx, s, strlen(s), 0, e)) < 0) {
		rc = -1;
	} else {
		*out = psobj_bool((m == 1) != not);
		if (m == 1 && matches != NULL &&
		    fill_matches(&rx, s, matches) != 0) {
			psobj_value_free(matches);
			rc = ps_fail_nomem(e);
		}
	}
	free(s);
	regex_free(&rx);
	return rc;
}

/* ---- -replace ----------------------------------------------------------- */

/* A .NET group reference ($1, ${name}) as a pcre2 group; -1 if none. */
static int
group_ref(const struct regex *rx, const char *name, size_t len)
{
	uint32_t k;
	size_t i;
	long n = 0;

	for (i = 0; i < len && i < 9 && name[i] >= '0' && name[i] <= '9'; i++)
		n = n * 10 + (name[i] - '0');
	if (i == len && len > 0)
		return n == 0 ? 0 : n <= (long)rx->ngroups ? rx->pcre_of[n] : -1;
	for (k = 1; k <= rx->ngroups; k++)
		if (rx->name[k] != NULL && strlen(rx->name[k]) == len &&
		    strncmp(rx->name[k], name, len) == 0)
			return (int)k;
	return -1;
}

static void
put_group(FILE *m, const struct regex *rx, const char *s, int k)
{
	size_t from, to;

	if (k >= 0 && group_span(rx, (uint32_t)k, &from, &to))
		fwrite(s + from, 1, to - from, m);
}

/* The substitution at *pp ("$..."); false when it is a literal '$'. */
static bool
put_substitution(FILE *m, const struct regex *rx, const char *s,
    const char **pp)
{
	const char *p = *pp + 1, *end;
	size_t from = 0, to = 0, len = strlen(s), n;
	int k;

	group_span(rx, 0, &from, &to);
	switch (*p) {
	case '$': fputc('$', m); break;
	case '&': fwrite(s + from, 1, to - from, m); break;
	case '`': fwrite(s, 1, from, m); break;
	case '\'': fwrite(s + to, 1, len - to, m); break;
	case '_': fputs(s, m); break;
	case '+': put_group(m, rx, s, rx->ngroups > 0 ?
	    rx->pcre_of[rx->ngroups] : 0); break;
	case '{':
		if ((end = strchr(p, '}')) == NULL ||
		    (k = group_ref(rx, p + 1, (size_t)(end - p - 1))) < 0)
			return false;
		put_group(m, rx, s, k);
		p = end;
		break;
	default:
		for (n = 0; p[n] >= '0' && p[n] <= '9'; n++)
			;
		if (n == 0 || (k = group_ref(rx, p, n)) < 0)
			return false;
		put_group(m, rx, s, k);
		p += n - 1;
		break;
	}
	*pp = p;
	return true;
}

/* Regex.Replace(s, replacement): every match, left to right. */
static int
replace_all(struct regex *rx, const char *s, const char *repl,
    struct psobj_value *out, struct ps_op_error *e)
{
	char *buf = NULL;
	size_t len = 0, slen = strlen(s), at = 0, prev = 0, from = 0, to = 0;
	const char *p;
	FILE *m = open_memstream(&buf, &len);
	int rc = 0;

	if (m == NULL)
		return ps_fail_nomem(e);
	while (at <= slen && (rc = regex_exec(rx, s, slen, at, e)) == 1) {
		group_span(rx, 0, &from, &to);
		fwrite(s + prev, 1, from - prev, m);
		for (p = repl; *p != '\0'; p++)
			if (*p != '$' || !put_substitution(m, rx, s, &p))
				fputc(*p, m);
		prev = to;
		at = to > from ? to : to + 1;	/* past an empty match */
		while (at < slen && ((unsigned char)s[at] & 0xc0) == 0x80)
			at++;
	}
	if (rc >= 0)
		fwrite(s + prev, 1, slen - prev, m);
	if (fclose(m) != 0 || rc < 0) {
		free(buf);
		return rc < 0 ? -1 : ps_fail_nomem(e);
	}
	return ps_string_take(out, buf) == 0 ? 0 : ps_fail_nomem(e);
}

int
ps_op_replace(bool ignore_case, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	const struct psobj_value *pv = r, *rv = NULL;
	struct regex rx;
	struct psobj_value v;
	char *pat, *repl, *s;
	size_t i;
	int rc;

	if (r->kind == PSOBJ_ARRAY) {
		if (r->nitems > 2)	/* 5.1 names -ireplace for plain -replace */
			return ps_fail(e, "BadReplaceArgument", "InvalidOperation",
			    "RuntimeException", "The %s operator allows only two "
			    "elements to follow it, not %zu.", ignore_case ?
			    "-ireplace" : "-replace", r->nitems);
		pv = r->nitems > 0 ? &r->items[0] : NULL;
		rv = r->nitems > 1 ? &r->items[1] : NULL;
	}
	pat = pv != NULL ? ps_to_string(pv) : strdup("");
	repl = rv != NULL ? ps_to_string(rv) : strdup("");
	rc = pat == NULL || repl == NULL ? ps_fail_nomem(e) :
	    regex_compile(&rx, pat, ignore_case ? PCRE2_CASELESS : 0, true, e);
	free(pat);
	if (rc != 0) {
		free(repl);
		return -1;
	}
	if (l->kind != PSOBJ_ARRAY) {	/* a scalar's ToString(), not "$l" */
		s = l->kind == PSOBJ_NULL ? strdup("") : ps_dotnet_to_string(l);
		rc = s == NULL ? ps_fail_nomem(e) : replace_all(&rx, s, repl, out, e);
		free(s);
	} else if ((rc = psobj_array(out, 0, NULL)) != 0) {
		rc = ps_fail_nomem(e);
	}
	for (i = 0; l->kind == PSOBJ_ARRAY && rc == 0 && i < l->nitems; i++) {
		if ((s = ps_to_string(&l->items[i])) == NULL)
			rc = ps_fail_nomem(e);
		else if ((rc = replace_all(&rx, s, repl, &v, e)) == 0 &&
		    (rc = ps_array_push(out, v)) != 0)
			rc = ps_fail_nomem(e);
		free(s);
	}
	if (rc != 0)
		psobj_value_free(out);
	free(repl);
	regex_free(&rx);
	return rc;
}

/* ---- -split ----------------------------------------------------------- */

/* Regex.Split: the pieces between matches, and the groups they captured. */
static int
split_one(struct regex *rx, const char *s, int limit, struct psobj_value *out,
    struct ps_op_error *e)
{
	size_t slen = strlen(s), at = 0, prev = 0, from = 0, to = 0, k;
	struct psobj_value v;
	int rc = 0, splits = limit > 0 ? limit - 1 : -1;

	while (splits != 0 && at <= slen &&
	    (rc = regex_exec(rx, s, slen, at, e)) == 1) {
		group_span(rx, 0, &from, &to);
		if (ps_string_n(&v, s + prev, from - prev) != 0 ||
		    ps_array_push(out, v) != 0)
			return ps_fail_nomem(e);
		for (k = 1; k <= rx->ngroups; k++) {	/* .NET's order */
			size_t gf, gt;

			if (!group_span(rx, (uint32_t)rx->pcre_of[k], &gf, &gt))
				continue;
			if (ps_string_n(&v, s + gf, gt - gf) != 0 ||
			    ps_array_push(out, v) != 0)
				return ps_fail_nomem(e);
		}
		prev = to;
		at = to > from ? to : to + 1;
		while (at < slen && ((unsigned char)s[at] & 0xc0) == 0x80)
			at++;
		if (splits > 0)
			splits--;
	}
	if (rc < 0)
		return -1;
	if (ps_string_n(&v, s + prev, slen - prev) != 0 ||
	    ps_array_push(out, v) != 0)
		return ps_fail_nomem(e);
	return 0;
}

int
ps_regex_split(const char *s, const char *pattern, uint32_t options,
    int limit, struct psobj_value *out, struct ps_op_error *e)
{
	struct regex rx;
	int rc;

	if (regex_compile(&rx, pattern, options, false, e) != 0)
		return -1;
	rc = split_one(&rx, s, limit, out, e);
	regex_free(&rx);
	return rc;
}

char *
ps_regex_escape(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (strchr("\\*+?|{[()^$.# \t\n\r\f", *s) != NULL)
			fputc('\\', m);
		fputc(*s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' :
		    *s == '\f' ? 'f' : *s, m);
	}
	if (fclose(m) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* A SplitOptions value from a number or names ("SimpleMatch, IgnoreCase"). */
static int
split_options_of(const struct psobj_value *v, unsigned *opts,
    struct ps_op_error *e)
{
	char *s = ps_to_string(v), *tok, *save = NULL;
	size_t i;

	*opts = 0;
	if (s == NULL)
		return ps_fail_nomem(e);
	if (v->kind == PSOBJ_INT) {
		*opts = (unsigned)v->i;
		free(s);
		return 0;
	}
	for (tok = strtok_r(s, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		for (i = 0; i < sizeof(split_options) / sizeof(split_options[0]); i++)
			if (strcasecmp(tok, split_options[i].name) == 0)
				break;
		if (i == sizeof(split_options) / sizeof(split_options[0])) {
			ps_fail(e, "RuntimeException", "NotSpecified",
			    "RuntimeException", "Cannot convert value \"%s\" to "
			    "type \"System.Management.Automation.SplitOptions\". "
			    "Error: \"Unable to match the identifier name %s to a "
			    "valid enumerator name. Specify one of the following "
			    "enumerator names and try again: SimpleMatch, "
			    "RegexMatch, CultureInvariant, IgnorePatternWhitespace, "
			    "Multiline, Singleline, IgnoreCase, ExplicitCapture\"",
			    tok, tok);
			free(s);
			return -1;
		}
		*opts |= split_options[i].bit;
	}
	free(s);
	return 0;
}

struct split_args {
	char	*pattern;
	int	limit;
	uint32_t pcre;
};

/* The right operand of -split: pattern [, limit [, options]]. */
static int
split_args_of(bool ignore_case, const struct psobj_value *r,
    struct split_args *a, struct ps_op_error *e)
{
	const struct psobj_value *it = r->kind == PSOBJ_ARRAY ? r->items : r;
	size_t n = r->kind == PSOBJ_ARRAY ? r->nitems : 1, i;
	struct psobj_value lim;
	unsigned opts = 0;
	char *esc;

	memset(a, 0, sizeof(*a));
	if (n == 0)
		return ps_fail(e, "BadOperatorArgument", "InvalidOperation",
		    "RuntimeException", "The argument to operator '-split' is "
		    "not valid: %s.", ps_type_name(r));
	if (it[0].kind == PSOBJ_SCRIPTBLOCK)
		return ps_fail_unsupported(e, "-split with a script block");
	if (n >= 2) {
		if (ps_convert_tc(&it[1], PS_TC_INT32, &lim, e) != 0)
			return -1;
		a->limit = lim.i < 0 ? 0 : (int)lim.i;
	}
	if (n >= 3 && it[2].kind != PSOBJ_NULL && !(it[2].kind == PSOBJ_STRING &&
	    it[2].s[0] == '\0') && split_options_of(&it[2], &opts, e) != 0)
		return -1;
	if (ignore_case)
		opts |= 64;
	for (i = 0; i < sizeof(split_options) / sizeof(split_options[0]); i++)
		if (opts & split_options[i].bit)
			a->pcre |= split_options[i].pcre;
	if ((a->pattern = ps_to_string(&it[0])) == NULL)
		return ps_fail_nomem(e);
	if (opts & 1) {				/* SimpleMatch */
		esc = ps_regex_escape(a->pattern);
		free(a->pattern);
		if ((a->pattern = esc) == NULL)
			return ps_fail_nomem(e);
	}
	return 0;
}

int
ps_op_split(bool ignore_case, const struct psobj_value *l,
    const struct psobj_value *r, struct psobj_value *out,
    struct ps_op_error *e)
{
	const struct psobj_value *it = l->kind == PSOBJ_ARRAY ? l->items : l;
	size_t n = l->kind == PSOBJ_ARRAY ? l->nitems : 1, i;
	struct split_args a;
	struct regex rx;
	char *s;
	int rc;

	if (split_args_of(ignore_case, r, &a, e) != 0)
		return -1;
	rc = regex_compile(&rx, a.pattern, a.pcre, false, e);
	free(a.pattern);
	if (rc != 0)
		return -1;
	if (psobj_array(out, 0, "System.String[]") != 0) {
		regex_free(&rx);
		return ps_fail_nomem(e);
	}
	for (i = 0; i < n && rc == 0; i++) {
		if ((s = ps_to_string(&it[i])) == NULL)
			rc = ps_fail_nomem(e);
		else
			rc = split_one(&rx, s, a.limit, out, e);
		free(s);
	}
	regex_free(&rx);
	if (rc != 0)
		psobj_value_free(out);
	return rc;
}
