#ifndef TNC_PARSERS_TNC_COMMAND_H
#define TNC_PARSERS_TNC_COMMAND_H

#include <stdbool.h>

#include "binder.h"
#include "parsers/command_line.h"
#include "ps_error.h"
#include "tnc_options.h"

/*
 * Test-NetConnection's parameters (spec 1.2) and ours (-TimeoutSeconds,
 * -NewLine, -OutputStyle, -ThrottleLimit), for the generic binder.
 */

/* Its metadata; parameter set i is enum tnc_param_set's value i. */
extern const struct ps_command_meta tnc_command_meta;

/* True for the names the command answers to: tnc, Test-NetConnection
   (any case). */
bool	tnc_command_name_matches(const char *name);

/*
 * tnc_bind()
 * Binds cmd (a tnc command) into o, which tnc_options_init() prepared.
 * Returns 0, or -1 with e filled.
 */
int	tnc_bind(const struct ps_command *cmd, struct tnc_options *o,
	    struct ps_error *e);

#endif /* TNC_PARSERS_TNC_COMMAND_H */
