#ifndef TNC_OBJECTS_WILDCARD_H
#define TNC_OBJECTS_WILDCARD_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * PowerShell wildcard patterns (WildcardPattern, options IgnoreCase) as
 * pcre2 regular expressions: "*" any run of characters, "?" exactly one,
 * "[abc]" one of a set, "[a-z]" a range, "`x" the character x itself.
 * The whole string must match.  Compiled once, matched many times.
 */
struct wildcard {
	pcre2_code *re;
	pcre2_match_data *md;
};

/*
 * wildcard_has_meta()
 * Whether pattern holds an unescaped "*", "?", "[" or "]"
 * (WildcardPattern.ContainsWildcardCharacters): a name without one is a
 * plain name, and Select-Object treats the two differently.
 */
bool	wildcard_has_meta(const char *pattern);

/*
 * wildcard_compile()
 * Compiles pattern.  Returns 0, or -1 with a sentence in err: an unclosed
 * "[" gives PowerShell's "The specified wildcard character pattern is not
 * valid: <pattern>", a pcre2 failure its message and offset.
 */
int	wildcard_compile(struct wildcard *w, const char *pattern, char *err,
	    size_t errlen);
/* The same, case-sensitive unless ignore_case (-clike). */
int	wildcard_compile_case(struct wildcard *w, const char *pattern,
	    bool ignore_case, char *err, size_t errlen);

/*
 * wildcard_valid()
 * Whether pattern is a valid PowerShell wildcard pattern (what
 * WildcardPattern would not throw WildcardPatternException for): 1 yes,
 * 0 no, -1 on ENOMEM. Lets a command refuse a pattern before it runs.
 */
int	wildcard_valid(const char *pattern);

/* 1 if s matches, 0 if not, -1 on a pcre2 error (its code in err). */
int	wildcard_match(const struct wildcard *w, const char *s, char *err,
	    size_t errlen);

void	wildcard_free(struct wildcard *w);

#endif /* TNC_OBJECTS_WILDCARD_H */
