#ifndef TNC_OBJECTS_ROUTE_DIAG_VIEW_H
#define TNC_OBJECTS_ROUTE_DIAG_VIEW_H

#include "engine/route_diagnostics.h"
#include "objects/result_view.h"

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

#endif /* TNC_OBJECTS_ROUTE_DIAG_VIEW_H */
