/* report.c: warnings, the Stop error and exit status of one run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/exit_codes.h"
#include "engine/netconnection.h"
#include "parsers/ps_error.h"
#include "runtime/report.h"

void
report_diag(const struct tnc_diag *d, const struct tnc_options *o,
    struct text_out *err)
{
	if (o->warning_action == TNC_ACTION_SILENTLY_CONTINUE ||
	    o->warning_action == TNC_ACTION_IGNORE)
		return;
	for (size_t i = 0; i < d->nentries; i++)
		text_out_linef(err, "%s%s", d->entries[i].kind == DIAG_WARNING ?
		    "WARNING: " : "tnc: ", d->entries[i].text);
}

/*
 * -WarningAction Stop (spec 7.3): MshCommandRuntime.WriteWarning writes
 * the record to the host first (report_diag(), when the warning is said),
 * then throws ActionPreferenceStopException, whose error record is that of
 * Write-Warning inside the module.  Shown in NormalView; the position line
 * is our choice (README): 5.1 points at the module's Write-Warning call,
 * whose line differs between Windows builds, so tnc points at the command
 * line that was run, underlined whole.
 */
void
report_stop_error(const struct tnc_diag *d, const char *script,
    struct text_out *err)
{
	report_warning_stop(d->nwarnings > 0 ? diag_nth(d, DIAG_WARNING, 0) :
	    "", script, 0, strlen(script), err);
}

char *
report_warning_stop_message(const char *warning)
{
	char *msg;

	if (asprintf(&msg, "The running command stopped because the "
	    "preference variable \"WarningPreference\" or common parameter "
	    "is set to Stop: %s", warning) < 0)
		return NULL;
	return msg;
}

void
report_warning_stop(const char *warning, const char *script, size_t offset,
    size_t length, struct text_out *err)
{
	struct ps_error e = { 0 };
	char *msg = report_warning_stop_message(warning);

	if (msg != NULL)
		ps_error_bind(&e, "Write-Warning",
		    "Microsoft.PowerShell.Commands.WriteWarningCommand",
		    "OperationStopped", "ParentContainsErrorRecordException",
		    "ActionPreferenceStop", offset, length, "%s", msg);
	else
		ps_error_no_memory(&e);
	free(msg);
	if (e.out_of_memory)
		text_out_line(err, "tnc: out of memory");
	else
		ps_error_render(&e, script, err);
	ps_error_free(&e);
}

bool
report_quiet_value(const struct tnc_result *r)
{
	if (!r->name_resolution_succeeded)
		return false;
	return r->remote_port != 0 ? r->tcp_test_succeeded : r->ping_succeeded;
}

int
report_exit_status(const struct tnc_result *r)
{
	if (!r->name_resolution_succeeded)
		return TNC_EXIT_NO_NAME;
	return report_quiet_value(r) ? TNC_EXIT_OK : TNC_EXIT_FAILED;
}

int
report_run_failure_status(int run_rc)
{
	return run_rc == TNC_RUN_BAD_OPTION ? TNC_EXIT_USAGE : TNC_EXIT_SYSTEM;
}

enum ps_edition
report_edition(const struct tnc_options *o)
{
	return o->output_style == TNC_STYLE_POWERSHELL7 ? PS_EDITION_74 :
	    PS_EDITION_51;
}
