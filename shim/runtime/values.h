#ifndef TNC_RUNTIME_VALUES_H
#define TNC_RUNTIME_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/psobj.h"
#include "parsers/command_line.h"

/*
 * value_from_syntax()
 * A value written in the script (a pipeline's input list, a parameter's
 * argument) as an object: strings, Int32/Int64, Double and Decimal
 * numbers, $true/$false, $null, arrays (System.Object[]); an argument the
 * evaluator computed (pv->object, a struct psobj_value) is copied as it
 * is.  Returns 0, or
 * -1 (ENOMEM) leaving *v null.
 */
int	value_from_syntax(const struct ps_value *pv, struct psobj_value *v);

/* Values a processor keeps (a collector, ConvertTo-Json): a growing array. */
struct value_list {
	struct psobj_value *v;
	size_t	n, cap;
};

/* Keeps v (taken over).  0, or -1 (ENOMEM, v freed). */
int	value_list_push(struct value_list *l, struct psobj_value *v);

/* Frees every value and the array; l is left empty. */
void	value_list_free(struct value_list *l);

/*
 * The values as one Object[] in *v (taken over: l is left empty).
 * 0, or -1 (ENOMEM, l unchanged).
 */
int	values_as_array(struct value_list *l, struct psobj_value *v);

/*
 * The last N values of a stream (Select-Object -Last, Get-Content -Tail):
 * the array grows as values come, up to N, and is a ring from then on, so
 * a large N costs nothing until the values are there.
 */
struct value_ring {
	struct psobj_value *v;
	size_t	head, n, cap;
	size_t	max;			/* N */
};

void	value_ring_init(struct value_ring *r, size_t max);

/* Keeps v (taken over), dropping the oldest when N are kept.  0, or -1 (ENOMEM, v freed). */
int	value_ring_push(struct value_ring *r, struct psobj_value *v);

/* Takes the oldest into *v (once the pushing is over); false when empty. */
bool	value_ring_pop(struct value_ring *r, struct psobj_value *v);

void	value_ring_free(struct value_ring *r);

#endif /* TNC_RUNTIME_VALUES_H */
