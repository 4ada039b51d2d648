#ifndef TNC_SHIM_ROUTE_DIAG_VIEW_H
#define TNC_SHIM_ROUTE_DIAG_VIEW_H

#include "../parsers/tnc_options.h"
#include "result_view.h"
#include "route_diagnostics.h"
#include "text_out.h"

/*
 * route_diag_view()
 * The list view of NetRouteDiagnostics (spec 2.3, Tcpip.Format.ps1xml):
 *   ComputerName, RemoteAddress                 always
 *   ConstrainSourceAddress                      given (not Any / IPv6Any)
 *   ConstrainInterfaceIndex                     != 0
 *   SelectedSourceAddress, OutgoingInterfaceIndex
 *   SelectedNetRoute    "DestinationPrefix: <prefix>\nNextHop: <next hop>"
 *   RouteSelectionEvents, SourceAddressSelectionEvents   Detailed only
 *   RouteDiagnosticsSucceeded
 * Returns 0, or -1 (ENOMEM) with rows left empty; free with view_rows_free().
 */
int	route_diag_view(const struct route_diag *rd, struct view_rows *rows);

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

#endif /* TNC_SHIM_ROUTE_DIAG_VIEW_H */
