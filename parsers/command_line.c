/*
 * command_line.c: freeing the binder's input (command_line.h).
 */
#include <stdlib.h>
#include <string.h>

#include "parsers/command_line.h"

static void
value_free(struct ps_value *pv)
{
	size_t i;

	free(pv->text);
	for (i = 0; i < pv->nitems; i++)
		value_free(&pv->items[i]);
	free(pv->items);
	memset(pv, 0, sizeof(*pv));
}

void
ps_command_free(struct ps_command *pc)
{
	size_t i;

	free(pc->name);
	for (i = 0; i < pc->nelems; i++) {
		free(pc->elems[i].name);
		value_free(&pc->elems[i].value);
	}
	free(pc->elems);
	memset(pc, 0, sizeof(*pc));
}
