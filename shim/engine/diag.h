#ifndef TNC_ENGINE_DIAG_H
#define TNC_ENGINE_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/*
 * What a run has to say besides its result, kept in ONE list in the order
 * it was said, so that main can print it right before the object it
 * belongs to (spec 2.2(g)) and a note follows the warning it explains:
 *   DIAG_WARNING: the cmdlet's own texts, printed as "WARNING: <text>"
 *   DIAG_NOTE:    ours (failure details, how to allow ICMP), "tnc: <text>"
 */
enum diag_kind {
	DIAG_WARNING,
	DIAG_NOTE
};

struct diag_entry {
	enum diag_kind kind;
	char	*text;			/* malloc'd, without the prefix */
};

struct tnc_diag {
	struct diag_entry *entries;	/* recording order */
	size_t	nentries;
	size_t	nwarnings;		/* entries of kind DIAG_WARNING */
	size_t	nnotes;			/* entries of kind DIAG_NOTE */
	bool	stopped;		/* -WarningAction Stop turned a warning into an error */
	char	error[256];		/* why, when tnc_run() returns < 0 */
};

void	diag_warn(struct tnc_diag *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	diag_note(struct tnc_diag *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * diag_nth()
 * The text of the i-th entry of that kind (0-based, recording order), or
 * NULL when there are not that many.
 */
const char *diag_nth(const struct tnc_diag *d, enum diag_kind kind, size_t i);

void	diag_free(struct tnc_diag *d);

#endif /* TNC_ENGINE_DIAG_H */
