#ifndef TNC_PARSERS_CATALOGUE_H
#define TNC_PARSERS_CATALOGUE_H

#include <stddef.h>

/*
 * The commands and aliases of Windows PowerShell 5.1's built-in modules
 * (Microsoft.PowerShell.Core, .Utility, .Management, .Security, NetTCPIP,
 * DnsClient, NetAdapter) and of its engine; see catalogue.c for sources.
 */
struct catalogue_entry {
	const char *name;	/* as 5.1 spells it */
	const char *alias_of;	/* the command an alias stands for; NULL for
				   a command */
};

/* Sorted by name without case (strcasecmp order); names are unique. */
extern const struct catalogue_entry catalogue[];
extern const size_t catalogue_size;

/*
 * catalogue_find()
 * The entry for name (any case), or NULL if Windows PowerShell 5.1 has
 * no such command or alias out of the box.
 */
const struct catalogue_entry *catalogue_find(const char *name);

#endif /* TNC_PARSERS_CATALOGUE_H */
