/*
 * tnc_command.c: Test-NetConnection's parameter metadata (spec 1.2, S1
 * psm1 l.98-132) and its binding into struct tnc_options.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tnc_command.h"

#define SET_ICMP	(1u << TNC_SET_ICMP)
#define SET_TCP		(1u << TNC_SET_COMMON_TCP_PORT)
#define SET_PORT	(1u << TNC_SET_REMOTE_PORT)
#define SET_NRD		(1u << TNC_SET_NET_ROUTE_DIAGNOSTICS)

static const char *const set_names[] = { "ICMP", "CommonTCPPort",
	"RemotePort", "NetRouteDiagnostics" };

static const char *const common_tcp_ports[] = { "HTTP", "RDP", "SMB",
	"WINRM", NULL };
static const int common_tcp_port_numbers[] = { 80, 3389, 445, 5985 };
static const char *const information_levels[] = { "Quiet", "Detailed",
	NULL };
static const char *const newlines[] = { "LF", "CRLF", NULL };
static const char *const output_styles[] = { "WindowsPowerShell",
	"PowerShell7", NULL };

/*
 * Declaration order matters: it is the order of "Possible matches" in
 * ambiguity errors (-c: -ComputerName -CommonTCPPort ...).
 */
static const struct ps_param_meta tnc_params[] = {
	{ .name = "ComputerName", .aliases = { "RemoteAddress", "cn" },
	  .type = PS_TYPE_STRING, .position = 0, .sets = PS_ALL_SETS },
	{ .name = "TraceRoute", .type = PS_TYPE_SWITCH, .position = PS_NAMED,
	  .sets = SET_ICMP },
	{ .name = "Hops", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = SET_ICMP, .has_range = true, .range_min = 1,
	  .range_max = 120 },
	{ .name = "CommonTCPPort", .type = PS_TYPE_STRING, .position = 1,
	  .sets = SET_TCP, .mandatory_sets = SET_TCP,
	  .validate_set = common_tcp_ports },
	{ .name = "Port", .aliases = { "RemotePort" }, .type = PS_TYPE_INT32,
	  .position = PS_NAMED, .sets = SET_PORT, .mandatory_sets = SET_PORT,
	  .has_range = true, .range_min = 1, .range_max = 65535 },
	{ .name = "DiagnoseRouting", .type = PS_TYPE_SWITCH,
	  .position = PS_NAMED, .sets = SET_NRD, .mandatory_sets = SET_NRD },
	/*
	 * The cmdlet has these two in the NetRouteDiagnostics set only. Ours
	 * are in every set, so that they also bind the TCP test and the echo
	 * to a source address or interface (issue 5). No command line that
	 * works in the real cmdlet changes meaning; only its error for, say,
	 * `tnc host -Port 80 -ConstrainSourceAddress a` becomes a test.
	 */
	{ .name = "ConstrainSourceAddress", .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "ConstrainInterface", .type = PS_TYPE_UINT32,
	  .position = PS_NAMED, .sets = PS_ALL_SETS },
	{ .name = "InformationLevel", .type = PS_TYPE_STRING,
	  .position = PS_NAMED, .sets = PS_ALL_SETS,
	  .validate_set = information_levels },
	/* ours: rank below everything above (binder.h) */
	{ .name = "TimeoutSeconds", .type = PS_TYPE_DOUBLE,
	  .position = PS_NAMED, .sets = PS_ALL_SETS, .has_range = true,
	  .min_exclusive = true, .range_min = 0, .range_max = 3600,
	  .tier = PS_TIER_EXTENSION },
	{ .name = "NewLine", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .validate_set = newlines,
	  .tier = PS_TIER_EXTENSION },
	{ .name = "OutputStyle", .type = PS_TYPE_STRING, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .validate_set = output_styles,
	  .tier = PS_TIER_EXTENSION },
	/* PowerShell 7's name for "at most this many at once" */
	{ .name = "ThrottleLimit", .type = PS_TYPE_INT32, .position = PS_NAMED,
	  .sets = PS_ALL_SETS, .has_range = true, .range_min = 1,
	  .range_max = 2147483647.0, .tier = PS_TIER_EXTENSION },
};

const struct ps_command_meta tnc_command_meta = {
	.name = "Test-NetConnection",
	.type_name = NULL,		/* a function: ",Test-NetConnection" */
	.is_function = true,
	.common_parameters = true,	/* [CmdletBinding()] */
	.set_names = set_names,
	.nsets = 4,
	.default_set = -1,		/* none: spec 1.2 */
	.params = tnc_params,
	.nparams = sizeof(tnc_params) / sizeof(tnc_params[0]),
};

bool
tnc_command_name_matches(const char *name)
{
	return strcasecmp(name, "tnc") == 0 ||
	    strcasecmp(name, "Test-NetConnection") == 0;
}

static int
set_string(char **dst, const char *s, struct ps_error *e)
{
	char *copy = strdup(s);

	if (copy == NULL)
		return ps_error_no_memory(e);
	free(*dst);
	*dst = copy;
	return 0;
}

int
tnc_bind(const struct ps_command *cmd, struct tnc_options *o,
    struct ps_error *e)
{
	struct ps_binding b;
	const struct ps_bound *v;
	size_t i;
	int rc = -1;

	if (ps_bind(&tnc_command_meta, cmd, &b, e) != 0)
		goto out;
	o->set = (enum tnc_param_set)b.set;
	v = ps_binding_get(&b, "ComputerName");
	if (v->present && set_string(&o->computer_name, v->s, e) != 0)
		goto out;
	if ((v = ps_binding_get(&b, "TraceRoute"))->present)
		o->trace_route = v->sw;
	if ((v = ps_binding_get(&b, "Hops"))->present)
		o->hops = (int)v->i;
	if ((v = ps_binding_get(&b, "CommonTCPPort"))->present) {
		/* ValidateSet passed, so one of these matches (any case) */
		for (i = 0; common_tcp_ports[i] != NULL; i++)
			if (strcasecmp(v->s, common_tcp_ports[i]) == 0)
				o->port = common_tcp_port_numbers[i];
	}
	if ((v = ps_binding_get(&b, "Port"))->present)
		o->port = (int)v->i;
	if ((v = ps_binding_get(&b, "DiagnoseRouting"))->present)
		o->diagnose_routing = v->sw;
	v = ps_binding_get(&b, "ConstrainSourceAddress");
	if (v->present && set_string(&o->constrain_source_address, v->s,
	    e) != 0)
		goto out;
	if ((v = ps_binding_get(&b, "ConstrainInterface"))->present)
		o->constrain_interface = (unsigned)v->i;
	if ((v = ps_binding_get(&b, "InformationLevel"))->present)
		o->information_level = strcasecmp(v->s, "Quiet") == 0 ?
		    TNC_INFO_QUIET : TNC_INFO_DETAILED;
	if ((v = ps_binding_get(&b, "WarningAction"))->present)
		o->warning_action = (enum tnc_action_pref)v->i;
	if ((v = ps_binding_get(&b, "ErrorAction"))->present)
		o->error_action = (enum tnc_action_pref)v->i;
	if ((v = ps_binding_get(&b, "TimeoutSeconds"))->present)
		o->timeout_seconds = v->d;
	if ((v = ps_binding_get(&b, "NewLine"))->present)
		o->newline = strcasecmp(v->s, "CRLF") == 0 ? TNC_NEWLINE_CRLF :
		    TNC_NEWLINE_LF;
	if ((v = ps_binding_get(&b, "OutputStyle"))->present)
		o->output_style = strcasecmp(v->s, "PowerShell7") == 0 ?
		    TNC_STYLE_POWERSHELL7 : TNC_STYLE_WINDOWS_POWERSHELL;
	if ((v = ps_binding_get(&b, "ThrottleLimit"))->present)
		o->throttle_limit = (unsigned)v->i;
	rc = 0;
out:
	ps_binding_free(&b);
	return rc;
}
