/* result_view.c: the default list view of a TestNetConnectionResult. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/result_view.h"

#define VIEW_MAX_ITEMS	14		/* the rows of spec 2.1 */

static const char *
view_bool(bool b)
{
	return b ? "True" : "False";	/* Boolean.ToString() */
}

int
view_rows_add(struct view_rows *rows, const char *label, const char *value)
{
	struct list_item *it = &rows->items[rows->n];

	it->label = strdup(label);
	it->value = strdup(value != NULL ? value : "");
	if (it->label == NULL || it->value == NULL) {
		free(it->label);
		free(it->value);
		errno = ENOMEM;
		return -1;
	}
	rows->n++;
	return 0;
}

/* Appends an item whose value is already malloc'd (taken over, even on error). */
static int
view_add_owned(struct view_rows *rows, const char *label, char *value)
{
	struct list_item *it = &rows->items[rows->n];

	if (value == NULL) {
		errno = ENOMEM;
		return -1;
	}
	it->label = strdup(label);
	if (it->label == NULL) {
		free(value);
		errno = ENOMEM;
		return -1;
	}
	it->value = value;
	rows->n++;
	return 0;
}

/* The n strings joined by '\n' ("" for n == 0 or NULL entries); NULL on ENOMEM. */
static char *
view_join_lines(const char *const *s, size_t n)
{
	size_t len = 1, i, o = 0;
	char *j;

	for (i = 0; i < n; i++)
		len += (s[i] != NULL ? strlen(s[i]) : 0) + 1;
	j = malloc(len);
	if (j == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t l = s[i] != NULL ? strlen(s[i]) : 0;

		if (i > 0)
			j[o++] = '\n';
		memcpy(j + o, s[i] != NULL ? s[i] : "", l);
		o += l;
	}
	j[o] = '\0';
	return j;
}

/*
 * NameResolutionResults: the IPAddressToString of each resolved address,
 * then, for an IP-literal target, its PTR name (spec 7.1), joined by "`n"
 * and trimmed of '\n' by the view's script block.
 */
static char *
view_resolution_results(const struct tnc_result *r)
{
	const char **texts;
	size_t i, n = r->nresolved;
	char *j;

	if (n == 0)
		return strdup("");
	texts = calloc(n + 1, sizeof(*texts));
	if (texts == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		texts[i] = r->resolved[i].text;
	if (r->reverse_name != NULL)
		texts[n++] = r->reverse_name;
	j = view_join_lines(texts, n);
	free(texts);
	return j;
}

static char *
view_uint(unsigned v)
{
	char *s;

	if (asprintf(&s, "%u", v) < 0)
		return NULL;
	return s;
}

int
result_view_default(const struct tnc_result *r, struct view_rows *rows)
{
	bool port = r->remote_port != 0;
	const char *remote = "";
	char *rtt;
	int rc = 0;

	rows->n = 0;
	rows->items = calloc(VIEW_MAX_ITEMS, sizeof(*rows->items));
	if (rows->items == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (r->remote_index >= 0 && (size_t)r->remote_index < r->nresolved)
		remote = r->resolved[r->remote_index].text;

	rc |= view_rows_add(rows, "ComputerName", r->computer_name);
	rc |= view_rows_add(rows, "RemoteAddress", remote);
	if (rc == 0 && port)
		rc |= view_add_owned(rows, "RemotePort",
		    view_uint(r->remote_port));
	if (rc == 0 && r->detailed)
		rc |= view_add_owned(rows, "NameResolutionResults",
		    view_resolution_results(r));
	if (rc == 0 && port && r->detailed) {
		/* no IPsec rule lookup on Linux: the usual empty value */
		rc |= view_rows_add(rows, "MatchingIPsecRules", "");
		if (rc == 0)
			rc |= view_rows_add(rows, "NetworkIsolationContext",
			    r->network_isolation_context);
		if (rc == 0 && !r->is_admin)
			rc |= view_rows_add(rows, "IsAdmin", view_bool(r->is_admin));
	}
	if (rc == 0)
		rc |= view_rows_add(rows, "InterfaceAlias", r->interface_alias);
	if (rc == 0)
		rc |= view_rows_add(rows, "SourceAddress", r->source_address);
	if (rc == 0 && r->detailed)
		rc |= view_rows_add(rows, "NetRoute (NextHop)", r->next_hop);
	if (rc == 0 && (!port || !r->tcp_test_succeeded))
		rc |= view_rows_add(rows, "PingSucceeded",
		    view_bool(r->ping_succeeded));
	if (rc == 0 && r->ping_reply_present) {
		/* RoundTripTime is an Int64: print it as such */
		if (asprintf(&rtt, "%ld ms", r->ping_rtt_ms) < 0)
			rtt = NULL;
		rc |= view_add_owned(rows, "PingReplyDetails (RTT)", rtt);
	}
	if (rc == 0 && port)
		rc |= view_rows_add(rows, "TcpTestSucceeded",
		    view_bool(r->tcp_test_succeeded));
	if (rc == 0 && r->trace_route != NULL)
		rc |= view_add_owned(rows, "TraceRoute",
		    view_join_lines((const char *const *)r->trace_route,
		    r->ntrace));
	if (rc != 0) {
		view_rows_free(rows);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void
view_rows_free(struct view_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->n; i++) {
		free(rows->items[i].label);
		free(rows->items[i].value);
	}
	free(rows->items);
	rows->items = NULL;
	rows->n = 0;
}
