#ifndef TNC_RUNTIME_CMD_FOREACH_H
#define TNC_RUNTIME_CMD_FOREACH_H

#include <stddef.h>

#include "runtime/interp.h"
#include "runtime/stage.h"

/* ForEach-Object's settings, read from its binding (cmd_foreach_object.c). */
struct foreach_cfg {
	const struct psobj_value *begin, *end;
	const struct psobj_value **process;	/* run in turn for each object */
	size_t	nprocess;
	const struct psobj_value *parallel;	/* -Parallel's block, or NULL */
	unsigned throttle;			/* -ThrottleLimit */
	char	*member;		/* -MemberName, or a name given positionally */
};

/* PowerShell 7's default -ThrottleLimit for -Parallel */
#define FOREACH_THROTTLE_DEFAULT	5

/* A script block bound to param (its value), or NULL. */
const struct psobj_value *foreach_block_arg(const struct stage *st,
	    const char *param);

/*
 * foreach_parallel_new()
 * ForEach-Object -Parallel (cmd_foreach_parallel.c): up to -ThrottleLimit
 * inputs run their block at once, output in completion order.
 */
struct proc *foreach_parallel_new(struct runtime *rt, const struct stage *st,
	    char *err, size_t errlen);

#endif /* TNC_RUNTIME_CMD_FOREACH_H */
