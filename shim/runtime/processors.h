#ifndef TNC_RUNTIME_PROCESSORS_H
#define TNC_RUNTIME_PROCESSORS_H

#include <stdbool.h>

#include "objects/psobj.h"
#include "runtime/pipeline.h"
#include "runtime/plan.h"

/*
 * What the runtime's processors share beyond command_defs.h: the sinks a
 * pipeline ends in, and format text.
 */

struct runtime;

/* Out-Default (and Out-Host): the host prints what reaches it. */
struct proc *cmd_out_default_new(struct runtime *rt);

/*
 * A forwarder: passes what reaches it to another processor and never ends
 * it.  A script's statements each end in one, so that all of them share
 * the script's one Out-Default (PowerShell formats a script's output as
 * one stream: the first object's shape holds for the ones after it).
 */
struct proc *forward_new(struct proc *to);

/*
 * A collector: keeps what reaches it, for a parenthesized pipeline used as
 * the input of another.  collector_take() hands the values over.
 */
struct proc *collector_new(void);
void	collector_take(struct proc *p, struct psobj_value **vals, size_t *n);

/*
 * Format-List and Format-Table pass their output on as text: a string
 * value of this type, which Out-Default prints and Out-String joins as it
 * is (PowerShell passes format records; text is what tnc does with them).
 */
bool	is_format_text(const struct psobj_value *v);
int	format_text_value(struct psobj_value *v, char *text);	/* text taken over */

#endif /* TNC_RUNTIME_PROCESSORS_H */
