#ifndef TNC_PARSERS_TZ_INTERNAL_H
#define TNC_PARSERS_TZ_INTERNAL_H

/*
 * Shared by tokenizer.c (tokens) and tz_strings.c (strings, bare words,
 * variables): character access, PowerShell's character classes
 * (CharTraits.cs) and the sink that decoded values are written to.
 */
#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "parsers/ps_chars.h"
#include "parsers/tokenizer.h"

static inline char
tz_at(const struct tokenizer *tz, size_t i)
{
	return i < tz->len ? tz->s[i] : '\0';
}

static inline char
tz_peek(const struct tokenizer *tz)
{
	return tz_at(tz, tz->pos);
}

static inline bool
tz_eof(const struct tokenizer *tz)
{
	return tz->pos >= tz->len;
}

/* The length of a multi-byte class character at s[i], within the text */
static inline size_t
tz_fit(const struct tokenizer *tz, size_t i, size_t n)
{
	return n != 0 && i + n <= tz->len ? n : 0;
}

static inline size_t
tz_dash(const struct tokenizer *tz, size_t i)
{
	return i < tz->len ? tz_fit(tz, i, ps_dash_len(tz->s + i)) : 0;
}

static inline size_t
tz_squote(const struct tokenizer *tz, size_t i)
{
	return i < tz->len ? tz_fit(tz, i, ps_squote_len(tz->s + i)) : 0;
}

static inline size_t
tz_dquote(const struct tokenizer *tz, size_t i)
{
	return i < tz->len ? tz_fit(tz, i, ps_dquote_len(tz->s + i)) : 0;
}

static inline size_t
tz_space(const struct tokenizer *tz, size_t i)
{
	return i < tz->len ? tz_fit(tz, i, ps_space_len(tz->s + i)) : 0;
}

static inline bool
tz_is_newline(char c)
{
	return c == '\r' || c == '\n';
}

/* ForceStartNewToken: ends a bare word, a parameter, a number */
bool	tz_force_start(const struct tokenizer *tz, size_t i);
/* ForceStartNewTokenAfterNumber (expression mode) */
bool	tz_force_start_after_number(const struct tokenizer *tz, size_t i);
/* A letter (IsLetter; any non-ASCII character that is no space, dash or quote) */
bool	tz_is_letter(const struct tokenizer *tz, size_t i);
/* IsVariableStart: the first character of an unbraced variable name */
bool	tz_is_variable_start(const struct tokenizer *tz, size_t i);
/* The length of the character at i (1 for ASCII) */
size_t	tz_char_len(const struct tokenizer *tz, size_t i);

/* Skips white space (not line ends) from tz->pos. */
void	tz_skip_space(struct tokenizer *tz);

/* A PowerShell parse error at s[start..end) (offsets in tz->s). */
void	tz_error(struct tokenizer *tz, const char *id, size_t start, size_t end,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	tz_nomem(struct tokenizer *tz);

/* Where decoded text goes; a NULL sink only measures. */
struct tz_sink {
	struct strbuf b;		/* the text since the last part */
	struct tz_parts *parts;		/* NULL: one flat text */
};

void	tz_sink_put(struct tz_sink *k, const char *s, size_t n);
void	tz_sink_putc(struct tz_sink *k, char c);
/* A nested $x or $( ): a part of its own, or its text as written */
void	tz_sink_nested(struct tz_sink *k, const struct tokenizer *tz,
	    enum tz_part_kind kind, size_t start, size_t end, bool collapse,
	    bool braced);

/*
 * tz_strings.c: the scanners behind the tokens with text.  A quoted
 * string from its opening quote at quote: 'literal', or "expandable"
 * (nested set when it holds $x or $( )).
 */
void	tz_scan_quoted(struct tokenizer *tz, size_t quote, bool expandable,
	    struct tz_sink *k, bool *nested);
void	tz_scan_here(struct tokenizer *tz, size_t at, bool expandable,
	    struct tz_sink *k, bool *nested);
void	tz_scan_generic(struct tokenizer *tz, struct tz_sink *k, bool *nested);
void	tz_scan_variable(struct tokenizer *tz, struct tz_token *t,
	    bool splatted, bool in_string);

/* A backtick escape's character (5.1: `0 `a `b `f `n `r `t `v) */
char	tz_backtick(char c);

#endif /* TNC_PARSERS_TZ_INTERNAL_H */
