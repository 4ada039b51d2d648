#ifndef TNC_RUNTIME_PREFERENCE_H
#define TNC_RUNTIME_PREFERENCE_H

#include <stdbool.h>

#include "parsers/tnc_options.h"
#include "runtime/command_build.h"
#include "runtime/interp.h"
#include "runtime/stage.h"

/*
 * The preference variables a script sets, as 5.1 reads them
 * (ExecutionContext.GetEnumPreference, from the current scope outward):
 *
 *   $ErrorActionPreference  the -ErrorAction of every command not given
 *                           one, and what a statement-terminating error
 *                           does outside a try: Stop ends the script,
 *                           SilentlyContinue does not show it ($? False)
 *   $WarningPreference      the -WarningAction of Test-NetConnection and
 *                           Write-Warning when not given one
 *
 * Continue, or the variable not set, changes nothing.  Ignore (which 5.1
 * refuses in a preference variable), Inquire and Suspend (a console's
 * question, a workflow's) are not supported by tnc.
 */

/* The names, as scripts write them (any case) */
#define PREF_ERROR_ACTION	"ErrorActionPreference"
#define PREF_WARNING		"WarningPreference"

/*
 * preference_value()
 * The preference variable name holds, into *pref: true, or false for a
 * value tnc does not take (*pref is then Continue).
 */
bool	preference_value(const struct interp *in, const char *name,
	    enum tnc_action_pref *pref);

/*
 * preference_add_params()
 * The preferences as parameters of command cmd, built in b and looked up
 * in st (an error about them points at cmd): an
 * -ErrorAction and a -WarningAction where the command takes them, is not
 * given them, and the preference is not Continue.  FLOW_NEXT; FLOW_THROW
 * for a preference tnc does not take; FLOW_FAIL on ENOMEM.
 */
enum flow preference_add_params(struct interp *in, const struct ast *cmd,
	    struct command_build *b, const struct stage *st);

/*
 * preference_text_ok()
 * Whether text (a literal assigned to a preference variable) is a value
 * tnc takes: interp_vet() refuses the others before anything runs.
 */
bool	preference_text_ok(const char *text);

#endif /* TNC_RUNTIME_PREFERENCE_H */
