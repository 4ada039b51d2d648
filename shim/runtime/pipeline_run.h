#ifndef TNC_RUNTIME_PIPELINE_RUN_H
#define TNC_RUNTIME_PIPELINE_RUN_H

#include <stddef.h>
#include <stdio.h>

#include "engine/diag.h"
#include "engine/route_diagnostics.h"
#include "engine/tnc_result.h"
#include "parsers/tnc_options.h"

/*
 * The executor of tnc's PowerShell subset (issue 3): runs a parsed script
 * statement by statement, each a pipeline of Test-NetConnection and the
 * cmdlets of parsers/commands.h, and prints what Windows PowerShell 5.1's
 * host prints for it (or 7.4's, with tnc -OutputStyle PowerShell7).
 */

/* What runs one test; tnc_run() (netconnection.h), or a fake in unit tests. */
typedef int (*pipeline_runner)(const struct tnc_options *o,
	    struct tnc_result *r, struct tnc_diag *d);

/* What runs one -DiagnoseRouting; route_diagnose(), or a fake. */
typedef int (*pipeline_route_runner)(const struct tnc_options *o,
	    struct route_diag *rd, struct tnc_diag *d);

struct pipeline_runners {
	pipeline_runner test;
	pipeline_route_runner route;
};

/* Test-NetConnection runs of one pipeline going on at once, at most */
#define PIPELINE_MAX_PARALLEL	32

/*
 * pipeline_run_script()
 * Parses script; binds every command of every statement before running
 * anything (a usage error means nothing ran); then runs each statement:
 * the tests of its Test-NetConnection (one per pipeline input, in
 * parallel), the downstream cmdlets, Out-Default. Objects go to out in
 * input order; each test's warnings and each non-terminating error go to
 * err right before the output they precede on a Windows console (out is
 * flushed first, so 2>&1 interleaves as spec 2.2(g) shows).
 * Returns the exit status (shim/exit_codes.h): 3 for a parse or binding
 * error, 4 for a system failure, else the worst of the statements' tests
 * (2 a name did not resolve, 1 a test failed), and at least 1 when a
 * downstream cmdlet wrote a non-terminating error.
 */
int	pipeline_run_script(const char *script, FILE *out, FILE *err,
	    const struct pipeline_runners *run);

/*
 * pipeline_common_prefix()
 * Length of the common prefix of a and b (bytes).
 */
size_t	pipeline_common_prefix(const char *a, const char *b);

/*
 * pipeline_split_points()
 * Where the warnings and errors of input k (0-based) go in the final
 * output text final: texts[j] is what the pipeline prints when the stream
 * ends after j inputs (texts[0] for none; final is texts[n]); text that
 * is in every later texts[j] as a prefix was already on the console when
 * input k's test started.  Sets at[k] = min over j in [k, n] of
 * common_prefix(final, texts[j]), for k in [0, n).  NULL texts[j] (a
 * command that waits for all its input) counts as "".
 */
void	pipeline_split_points(const char *const *texts, size_t n,
	    size_t *at);

/*
 * pipeline_error_target()
 * ErrorCategoryInfo's TargetName for an input object of a cmdlet: a bool
 * "True", a string itself, a Selected.* object "@{Name=value; ...}",
 * another object its ToString().  malloc'd; NULL on ENOMEM.
 */
struct psobj_value;
char	*pipeline_error_target(const struct psobj_value *v);

#endif /* TNC_RUNTIME_PIPELINE_RUN_H */
