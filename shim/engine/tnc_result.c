/* tnc_result.c: releasing a result, and the IPStatus names it reports. */
#include <stdlib.h>

#include "engine/tnc_result.h"

/*
 * System.Net.NetworkInformation.IPStatus.ToString().  .NET gives
 * DestinationProhibited and DestinationProtocolUnreachable the same value
 * (11004); which name Enum.ToString() picks for it is not documented, so we
 * keep the two apart: Prohibited for "administratively prohibited" errors.
 */
const char *
tnc_ping_status_name(enum tnc_ping_status s)
{
	switch (s) {
	case TNC_PING_SUCCESS:
		return "Success";
	case TNC_PING_TIMED_OUT:
		return "TimedOut";
	case TNC_PING_DEST_HOST_UNREACHABLE:
		return "DestinationHostUnreachable";
	case TNC_PING_DEST_NET_UNREACHABLE:
		return "DestinationNetworkUnreachable";
	case TNC_PING_DEST_PROTOCOL_UNREACHABLE:
		return "DestinationProtocolUnreachable";
	case TNC_PING_DEST_PORT_UNREACHABLE:
		return "DestinationPortUnreachable";
	case TNC_PING_DEST_PROHIBITED:
		return "DestinationProhibited";
	case TNC_PING_TTL_EXPIRED:
		return "TtlExpired";
	case TNC_PING_PARAMETER_PROBLEM:
		return "ParameterProblem";
	case TNC_PING_UNKNOWN:
		break;
	}
	return "Unknown";
}

void
tnc_result_free(struct tnc_result *r)
{
	if (r == NULL)
		return;
	free(r->computer_name);
	free(r->resolved);
	free(r->reverse_name);
	for (size_t i = 0; r->trace_route != NULL && i < r->ntrace; i++)
		free(r->trace_route[i]);
	free(r->trace_route);
	r->computer_name = NULL;
	r->resolved = NULL;
	r->reverse_name = NULL;
	r->nresolved = 0;
	r->trace_route = NULL;
	r->ntrace = 0;
}
