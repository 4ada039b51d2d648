#ifndef TNC_SHIM_DIAG_H
#define TNC_SHIM_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/*
 * What a run has to say besides its result, kept in order so that main can
 * print it right before the object it belongs to (spec 2.2(g)).
 *   warnings: the cmdlet's own texts, printed as "WARNING: <text>"
 *   notes:    ours (e.g. how to allow ICMP), printed as "tnc: <text>"
 */
struct tnc_diag {
	char	**warnings;
	size_t	nwarnings;
	char	**notes;
	size_t	nnotes;
	bool	stopped;		/* -WarningAction Stop turned a warning into an error */
	char	error[256];		/* system failure text when tnc_run() returns -1 */
};

void	diag_warn(struct tnc_diag *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	diag_note(struct tnc_diag *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	diag_free(struct tnc_diag *d);

#endif /* TNC_SHIM_DIAG_H */
