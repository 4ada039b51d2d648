#ifndef TNC_RUNTIME_PROCESSORS_H
#define TNC_RUNTIME_PROCESSORS_H

#include <stdbool.h>

#include "objects/psobj.h"
#include "runtime/pipeline.h"
#include "runtime/stage.h"

/*
 * What the runtime's processors share beyond command_defs.h: the sinks a
 * pipeline ends in, and format text.
 */

struct runtime;

/* Out-Default (and Out-Host): the host prints what reaches it. */
struct proc *cmd_out_default_new(struct runtime *rt);

/*
 * Out-Default's formatting into another writer (a buffer), for commands
 * that take the text: Out-File.  columns 0 is the default width (120).
 * out_default_format() formats one value (format text as it is);
 * out_default_close_group() writes what the open group still holds and
 * its closing envelope.  Both return 0, or -1 (ENOMEM).  Free with
 * p->ops->free(p).
 */
struct proc *out_default_into(struct runtime *rt, struct text_out *to,
	    size_t columns);
int	out_default_format(struct proc *p, const struct psobj_value *v);
int	out_default_close_group(struct proc *p);

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
 * csv_delimiter()
 * ConvertTo-Csv's and Export-Csv's -Delimiter (a System.Char: one
 * character, 5.1's conversion error otherwise); ',' when not given or
 * with -UseCulture (en-US's list separator).  0, or -1 with e.
 */
int	csv_delimiter(const struct stage *st, char *delim, struct ps_error *e);

/*
 * Format-List and Format-Table pass their output on as text: a string
 * value of this type, which Out-Default prints and Out-String joins as it
 * is (PowerShell passes format records; text is what tnc does with them).
 */
bool	is_format_text(const struct psobj_value *v);
int	format_text_value(struct psobj_value *v, char *text);	/* text taken over */

#endif /* TNC_RUNTIME_PROCESSORS_H */
