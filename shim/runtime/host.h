#ifndef TNC_RUNTIME_HOST_H
#define TNC_RUNTIME_HOST_H

#include <stdarg.h>
#include <stdio.h>

#include "base/text_out.h"
#include "base/types.h"
#include "parsers/ps_error.h"

/*
 * The host: the console that Windows PowerShell writes a script's output
 * to, here stdout (objects) and stderr (warnings, errors, tnc's notes),
 * and the exit status the run has earned so far.
 *
 * Before anything goes to stderr, stdout is flushed: when both are the
 * same file (2>&1, a job step's log), lines keep the order in which the
 * console would have shown them (spec 2.2(g)).
 */
struct host {
	struct text_out out, err;
	FILE	*outfp, *errfp;
	enum tnc_newline nl;
	enum ps_edition ed;
	const char *script;		/* errors point into it */
	int	status;			/* the worst exit status so far */
	unsigned nerrors;		/* error records written ($?) */
	long long (*now_ms)(void);	/* the formatters' clock */
};

void	host_init(struct host *h, FILE *out, FILE *err, const char *script);

/* Line ends and envelopes (-NewLine, -OutputStyle) from here on. */
void	host_style(struct host *h, enum tnc_newline nl, enum ps_edition ed);

/* The exit status becomes at least status. */
void	host_worst(struct host *h, int status);

/*
 * host_err()
 * The stderr writer, after stdout was flushed.  Call host_err_done()
 * after the lines.
 */
struct text_out *host_err(struct host *h);
void	host_err_done(struct host *h);

/* Writes a rendered text (several lines) to stderr as it is. */
void	host_err_text(struct host *h, const char *text);

/* A PowerShell error record in 5.1's NormalView; out of memory: a note, exit 4. */
void	host_error(struct host *h, const struct ps_error *e);

/*
 * host_error_silenced()
 * An error record written under -ErrorAction SilentlyContinue or Ignore:
 * not shown, but $? is False after it all the same (5.1's
 * MshCommandRuntime marks the pipeline failed before it reads the
 * preference).
 */
void	host_error_silenced(struct host *h);

/*
 * host_error_text()
 * The text host_error() would print for e, for an error printed later
 * (proc_fail(), proc_fail_statement()).  malloc'd; NULL on ENOMEM.
 */
char	*host_error_text(struct host *h, const struct ps_error *e);

/* "tnc: <text>" on stderr; the status becomes at least status. */
void	host_note(struct host *h, int status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * host_finish()
 * Flushes both streams; a failed stdout write (a closed pipe, a full
 * disk) is said on stderr and makes the status 4.  Returns the status.
 */
int	host_finish(struct host *h);

#endif /* TNC_RUNTIME_HOST_H */
