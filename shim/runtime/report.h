#ifndef TNC_RUNTIME_REPORT_H
#define TNC_RUNTIME_REPORT_H

#include "base/text_out.h"
#include "engine/diag.h"
#include "engine/tnc_result.h"
#include "objects/list_writer.h"
#include "parsers/tnc_options.h"

/*
 * How one Test-NetConnection run reaches the user, shared by the plain
 * command line (main.c) and the pipeline: warnings before the object, the
 * -WarningAction Stop error, and the exit status of an outcome.
 */

/* "WARNING: <text>" and "tnc: <note>" lines in recording order; none with SilentlyContinue/Ignore. */
void	report_diag(const struct tnc_diag *d, const struct tnc_options *o,
	    struct text_out *err);

/*
 * What -WarningAction Stop shows: the warnings (and notes) said so far,
 * then Write-Warning's ActionPreferenceStop error, underlining all of
 * script.
 */
void	report_stop_error(const struct tnc_diag *d, const char *script,
	    struct text_out *err);

/* The stop error's message alone (a catch block's $_); NULL on ENOMEM. */
char	*report_warning_stop_message(const char *warning);

/*
 * report_warning_stop()
 * Write-Warning's ActionPreferenceStop record for warning, its position
 * the extent [offset, offset + length) of script.
 */
void	report_warning_stop(const char *warning, const char *script,
	    size_t offset, size_t length, struct text_out *err);

/* 0 success, 1 failed, 2 name did not resolve (shim/exit_codes.h). */
int	report_exit_status(const struct tnc_result *r);

/* The exit status for a tnc_run() that could not run: 3 bad option, else 4. */
int	report_run_failure_status(int run_rc);

/* Whose envelopes the output follows: 5.1, or 7.4 with -OutputStyle PowerShell7. */
enum ps_edition report_edition(const struct tnc_options *o);

/* The bare bool that -InformationLevel Quiet returns. */
bool	report_quiet_value(const struct tnc_result *r);

#endif /* TNC_RUNTIME_REPORT_H */
