/* trace_route.c: what Test-NetConnection -TraceRoute shows for each hop. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "engine/trace_route.h"

void
trace_entry(const struct icmp_echo_result *res, int family, char *buf,
    size_t len)
{
	if (!res->reply_present) {
		snprintf(buf, len, "...");	/* SendPingAsync threw */
	} else if (res->status == TNC_PING_TIMED_OUT || res->from[0] == '\0') {
		/*
		 * Windows' reply Address is the zero address when no one
		 * answered (S5 25308305191 shows "0.0.0.0"); for IPv6 that is
		 * "::" (the same zero field, printed by IPAddress; spec 7.9).
		 */
		snprintf(buf, len, "%s", family == AF_INET ? "0.0.0.0" : "::");
	} else {
		snprintf(buf, len, "%s", res->from);
	}
}

bool
trace_incomplete(char *const *entries, size_t n, const struct tnc_address *dst)
{
	return n == 0 || strcmp(entries[n - 1], dst->text) != 0;
}
