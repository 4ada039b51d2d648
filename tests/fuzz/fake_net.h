#ifndef TNC_TESTS_FUZZ_FAKE_NET_H
#define TNC_TESTS_FUZZ_FAKE_NET_H

#include "engine/diag.h"
#include "engine/route_diagnostics.h"
#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * The network's stand-in for the fuzz harnesses: a test of a name gives
 * an outcome chosen by the name's bytes alone (connects, refused,
 * filtered, unresolved, a machine failure, a bad option), with the
 * warnings, notes, trace and Detailed facts the real engine gives.
 * Nothing here opens a socket or resolves a name. fake_net.c also
 * defines tnc_run(), route_diagnose() and route_diag_free(): the fuzz
 * binaries link it in place of netconnection.c and route_diagnostics.c.
 */
int	fake_tnc_run(const struct tnc_options *o, struct tnc_result *r,
	    struct tnc_diag *d);
int	fake_route_diagnose(const struct tnc_options *o, struct route_diag *rd,
	    struct tnc_diag *d);

#endif /* TNC_TESTS_FUZZ_FAKE_NET_H */
