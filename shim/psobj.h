#ifndef TNC_SHIM_PSOBJ_H
#define TNC_SHIM_PSOBJ_H

#include <stdbool.h>
#include <stddef.h>

#include "tnc_result.h"

/*
 * The objects that flow through a tnc pipeline (issue 3): just enough of
 * .NET's object model to reproduce what Select-Object, Format-List,
 * Format-Table, Out-String, ConvertTo-Json and ConvertTo-Csv do with a
 * TestNetConnectionResult. Not to be confused with parsers/parser.h's
 * ps_value, which is syntax.
 */

enum psobj_kind {
	PSOBJ_NULL,
	PSOBJ_BOOL,		/* System.Boolean */
	PSOBJ_INT,		/* System.Int32 / UInt32 / Int64: see type */
	PSOBJ_STRING,		/* System.String */
	PSOBJ_ARRAY,		/* an IEnumerable: items */
	PSOBJ_OBJECT		/* properties, e.g. IPAddress, PingReply */
};

struct psobj;

struct psobj_value {
	enum psobj_kind kind;
	bool	b;
	long long i;
	char	*s;			/* STRING */
	struct psobj_value *items;	/* ARRAY */
	size_t	nitems;
	struct psobj *obj;		/* OBJECT */
	const char *type;		/* .NET type name, e.g. "System.Net.IPAddress" */
	char	*to_string;		/* OBJECT: its ToString(), e.g. "10.0.0.4" */
};

struct psobj_prop {
	char	*name;			/* the member's own casing */
	struct psobj_value value;
};

struct psobj {
	char	*type_name;		/* "TestNetConnectionResult",
					   "Selected.TestNetConnectionResult" */
	struct psobj_prop *props;	/* declaration order */
	size_t	nprops;
};

#endif /* TNC_SHIM_PSOBJ_H */
