#ifndef TNC_RUNTIME_ROUTE_DIAG_COMMAND_H
#define TNC_RUNTIME_ROUTE_DIAG_COMMAND_H

#include "base/text_out.h"
#include "parsers/tnc_options.h"

/*
 * route_diag_command()
 * The NetRouteDiagnostics set from the command line: runs it, writes the
 * warnings and notes to err (or the -WarningAction Stop error, pointing
 * at script), then the object in its list envelope to out (nothing after
 * a failed name resolution: the module returns $null; -InformationLevel
 * Quiet is ignored there too).  Returns the exit status: 0 a route was
 * selected, 1 none (or stopped), 2 the name did not resolve, 4 system
 * failure.
 */
int	route_diag_command(const struct tnc_options *o, const char *script,
	    struct text_out *out, struct text_out *err);

#endif /* TNC_RUNTIME_ROUTE_DIAG_COMMAND_H */
