#ifndef TNC_OBJECTS_RESULT_VIEW_H
#define TNC_OBJECTS_RESULT_VIEW_H

#include <stddef.h>
#include "engine/tnc_result.h"
#include "objects/list_writer.h"

/*
 * The rows of view DefaultView for TestNetConnectionResult (spec 2.1,
 * Tcpip.Format.ps1xml), ready for list_writer_entry().
 */
struct view_rows {
	struct list_item *items;	/* labels and values malloc'd */
	size_t	n;
};

/*
 * result_view_default()
 * Fills rows with the items the default view shows for r, in the view's
 * order and under its display conditions:
 *   ComputerName, RemoteAddress         always
 *   RemotePort                          remote_port != 0
 *   NameResolutionResults               detailed (one address per line)
 *   MatchingIPsecRules (always empty),
 *   NetworkIsolationContext             remote_port != 0 and detailed
 *   IsAdmin (so only ever "False")      remote_port != 0, detailed, !is_admin
 *   InterfaceAlias, SourceAddress       always
 *   NetRoute (NextHop)                  detailed
 *   PingSucceeded                       remote_port == 0 or !tcp_test_succeeded
 *   PingReplyDetails (RTT)              ping_reply_present ("<rtt> ms")
 *   TcpTestSucceeded                    remote_port != 0
 *   TraceRoute                          trace_route != NULL (one hop per line)
 * RemoteAddress is resolved[remote_index].text, empty if remote_index < 0.
 * Returns 0, or -1 (errno ENOMEM) with rows left empty.
 */
int	result_view_default(const struct tnc_result *r, struct view_rows *rows);

/*
 * view_rows_add()
 * Appends label/value (both copied; value NULL means empty) to rows, whose
 * items array the caller made large enough. Returns 0, or -1 (ENOMEM).
 */
int	view_rows_add(struct view_rows *rows, const char *label, const char *value);

/* Frees what result_view_default() allocated; rows is left empty. */
void	view_rows_free(struct view_rows *rows);

#endif /* TNC_OBJECTS_RESULT_VIEW_H */
