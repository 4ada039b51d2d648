#ifndef TNC_RUNTIME_EXEC_H
#define TNC_RUNTIME_EXEC_H

#include <stddef.h>

#include "objects/psobj.h"
#include "runtime/context.h"
#include "runtime/pipeline.h"
#include "runtime/plan.h"

/*
 * exec_statement()
 * Runs one bound statement as a pipeline ending in sink (taken over).
 * When vals is not NULL the sink is a collector and its values are handed
 * over in *vals / *nvals.  Returns 0 (the statement ran; errors and
 * statuses are the host's); 1 when a terminating error ends the script,
 * its rendered text in *error (malloc'd) for the caller to print once the
 * script's output is closed; or -1 when a machine failure ended it (said).
 */
int	exec_statement(struct runtime *rt, const struct plan *plan,
	    struct proc *sink, struct psobj_value **vals, size_t *nvals,
	    char **error);

#endif /* TNC_RUNTIME_EXEC_H */
