#ifndef TNC_ENGINE_NETCONNECTION_H
#define TNC_ENGINE_NETCONNECTION_H

#include "engine/diag.h"
#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * tnc_run()
 * Runs Test-NetConnection's algorithm (spec 1.4, "Current" column) for
 * o->computer_name: resolve, TCP test (if a port was given), ICMP echo
 * (when the rules call for it), interface and source address.
 * Fills r and appends warnings/notes to d in the order they happened.
 * Returns 0 when the test ran (whatever its outcome), TNC_RUN_FAILURE on
 * a system failure, or TNC_RUN_BAD_OPTION when an option value can't be
 * used (e.g. -ConstrainSourceAddress is not an IP address): nothing was
 * sent, and the reason is in d->error.
 */
#define TNC_RUN_FAILURE		(-1)
#define TNC_RUN_BAD_OPTION	(-2)

int	tnc_run(const struct tnc_options *o, struct tnc_result *r,
	    struct tnc_diag *d);

#endif /* TNC_ENGINE_NETCONNECTION_H */
