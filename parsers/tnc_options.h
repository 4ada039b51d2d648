#ifndef TNC_PARSERS_TNC_OPTIONS_H
#define TNC_PARSERS_TNC_OPTIONS_H

#include <stdbool.h>

#include "base/types.h"		/* enum tnc_newline */

/*
 * What Test-NetConnection was asked to do, after parameter binding.
 * Filled by tnc_bind() (parsers/tnc_command.c); read by shim/.
 */

enum tnc_param_set {			/* the cmdlet's parameter sets, spec 1.2 */
	TNC_SET_ICMP,
	TNC_SET_COMMON_TCP_PORT,
	TNC_SET_REMOTE_PORT,
	TNC_SET_NET_ROUTE_DIAGNOSTICS
};

enum tnc_info_level {
	TNC_INFO_STANDARD,		/* the default; not accepted on the command line */
	TNC_INFO_QUIET,
	TNC_INFO_DETAILED
};

/* System.Management.Automation.ActionPreference, with its numeric values */
enum tnc_action_pref {
	TNC_ACTION_SILENTLY_CONTINUE = 0,
	TNC_ACTION_STOP = 1,
	TNC_ACTION_CONTINUE = 2,
	TNC_ACTION_INQUIRE = 3,
	TNC_ACTION_IGNORE = 4,
	TNC_ACTION_SUSPEND = 5
};

/* ours: whose formatting envelope the output follows (-OutputStyle) */
enum tnc_output_style {
	TNC_STYLE_WINDOWS_POWERSHELL,	/* Windows PowerShell 5.1: the default */
	TNC_STYLE_POWERSHELL7		/* PowerShell 7.4+ */
};

#define TNC_DEFAULT_COMPUTER_NAME	"internetbeacon.msedge.net"
#define TNC_DEFAULT_HOPS		30
#define TNC_DEFAULT_TIMEOUT_SECONDS	5.0	/* as PowerShell 7 Test-Connection */

struct tnc_options {
	char	*computer_name;		/* malloc'd; the default if not given */
	enum tnc_param_set set;
	int	port;			/* 0 unless -Port or -CommonTCPPort */
	bool	trace_route;
	int	hops;			/* 1..120 */
	bool	diagnose_routing;
	char	*constrain_source_address;	/* malloc'd, "" if not given */
	unsigned constrain_interface;	/* 0 if not given */
	enum tnc_info_level information_level;
	enum tnc_action_pref warning_action;	/* default Continue */
	enum tnc_action_pref error_action;	/* default Continue */
	/* ours, not the cmdlet's */
	double	timeout_seconds;	/* each connect attempt, each echo */
	enum tnc_newline newline;
	enum tnc_output_style output_style;
	unsigned throttle_limit;	/* tests in flight at most; 0: from the machine */
};

void	tnc_options_init(struct tnc_options *o);	/* all defaults */
void	tnc_options_free(struct tnc_options *o);

/*
 * tnc_options_copy()
 * dst = src with its own strings (a NULL string stays NULL: the default);
 * computer_name replaces src's when not NULL.  Returns 0, or -1 (ENOMEM)
 * with dst holding nothing to free.
 */
int	tnc_options_copy(struct tnc_options *dst, const struct tnc_options *src,
	    const char *computer_name);

#endif /* TNC_PARSERS_TNC_OPTIONS_H */
