/* route_diag_view.c: the list view of a NetRouteDiagnostics object. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/route_diag_view.h"

#define RD_VIEW_MAX_ITEMS	10

int
route_diag_view(const struct route_diag *rd, struct view_rows *rows)
{
	char num[16], route[2 * TNC_ADDR_TEXT_LEN + 40];
	int rc = 0;

	rows->n = 0;
	rows->items = calloc(RD_VIEW_MAX_ITEMS, sizeof(*rows->items));
	if (rows->items == NULL)
		return -1;
	rc |= view_rows_add(rows, "ComputerName", rd->computer_name);
	rc |= view_rows_add(rows, "RemoteAddress", rd->remote_address);
	if (rd->constrain_source[0] != '\0')
		rc |= view_rows_add(rows, "ConstrainSourceAddress", rd->constrain_source);
	if (rd->constrain_ifindex != 0) {
		snprintf(num, sizeof(num), "%u", rd->constrain_ifindex);
		rc |= view_rows_add(rows, "ConstrainInterfaceIndex", num);
	}
	rc |= view_rows_add(rows, "SelectedSourceAddress", rd->selected_source);
	snprintf(num, sizeof(num), "%u", rd->out_ifindex);
	rc |= view_rows_add(rows, "OutgoingInterfaceIndex", num);
	/* the format's script concatenates even for a null route */
	snprintf(route, sizeof(route), "DestinationPrefix: %s\nNextHop: %s",
	    rd->has_route ? rd->prefix : "", rd->has_route ? rd->next_hop : "");
	rc |= view_rows_add(rows, "SelectedNetRoute", route);
	if (rd->detailed) {
		/* no ETW route events on Linux: empty lists */
		rc |= view_rows_add(rows, "RouteSelectionEvents", "");
		rc |= view_rows_add(rows, "SourceAddressSelectionEvents", "");
	}
	rc |= view_rows_add(rows, "RouteDiagnosticsSucceeded",
	    rd->succeeded ? "True" : "False");
	if (rc != 0) {
		view_rows_free(rows);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}
