/* route_diag_command.c: Test-NetConnection -DiagnoseRouting, run and shown. */
#include <stdio.h>
#include <string.h>

#include "base/exit_codes.h"
#include "engine/route_diagnostics.h"
#include "objects/list_writer.h"
#include "objects/route_diag_view.h"
#include "runtime/report.h"
#include "runtime/route_diag_command.h"

int
route_diag_command(const struct tnc_options *o, const char *script,
    struct text_out *out, struct text_out *err)
{
	struct route_diag rd;
	struct tnc_diag d;
	struct list_writer lw;
	struct view_rows rows;
	int status;

	memset(&d, 0, sizeof(d));
	if (route_diagnose(o, &rd, &d) < 0) {
		text_out_linef(err, "tnc: %s", d.error);
		status = TNC_EXIT_SYSTEM;
		goto out;
	}
	if (d.stopped) {
		report_stop_error(&d, script, err);
		status = TNC_EXIT_FAILED;
		goto out;
	}
	report_diag(&d, o, err);
	text_out_finish(err);		/* warnings come before the object */
	if (!rd.resolved) {
		status = TNC_EXIT_NO_NAME;
		goto out;
	}
	status = rd.succeeded && rd.has_route ? TNC_EXIT_OK : TNC_EXIT_FAILED;
	if (route_diag_view(&rd, &rows) < 0) {
		text_out_line(err, "tnc: out of memory");
		status = TNC_EXIT_SYSTEM;
		goto out;
	}
	list_writer_begin(&lw, out, report_edition(o));
	list_writer_entry(&lw, rows.items, rows.n);
	list_writer_end(&lw);
	view_rows_free(&rows);
out:
	route_diag_free(&rd);
	diag_free(&d);
	return status;
}
