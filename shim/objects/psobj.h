#ifndef TNC_OBJECTS_PSOBJ_H
#define TNC_OBJECTS_PSOBJ_H

#include <stdbool.h>
#include <stddef.h>

#include "base/types.h"		/* enum ps_edition */
#include "engine/tnc_result.h"

/*
 * The objects that flow through a tnc pipeline (issue 3): just enough of
 * .NET's object model to reproduce what Select-Object, Format-List,
 * Format-Table, Out-String, ConvertTo-Json and ConvertTo-Csv do with a
 * TestNetConnectionResult. Not to be confused with parsers/command_line.h's
 * ps_value, which is syntax.
 */

enum psobj_kind {
	PSOBJ_NULL,
	PSOBJ_BOOL,		/* System.Boolean */
	PSOBJ_INT,		/* System.Int32 / UInt32 / Int64 / Byte: see type */
	PSOBJ_STRING,		/* System.String */
	PSOBJ_ARRAY,		/* an IEnumerable: items */
	PSOBJ_OBJECT,		/* properties, e.g. IPAddress, PingReply */
	PSOBJ_DOUBLE,		/* System.Double, or System.Decimal (type): d;
				   a Decimal's exact digits in s ("1.50") */
	PSOBJ_HASHTABLE,	/* @{}: obj's properties are the entries, in
				   insertion order; keys ignore case */
	PSOBJ_SCRIPTBLOCK,	/* { ... }: block (the runtime's, borrowed), s its text */
	PSOBJ_DATETIME		/* System.DateTime: i = ticks (100 ns since
				   0001-01-01), b = Kind is Utc (else Local,
				   or Unspecified when d != 0) */
};

struct psobj;

struct psobj_value {
	enum psobj_kind kind;
	bool	b;
	long long i;
	char	*s;			/* STRING (type System.Char: one character),
					   SCRIPTBLOCK's text, a Decimal's digits */
	struct psobj_value *items;	/* ARRAY */
	size_t	nitems;
	struct psobj *obj;		/* OBJECT */
	const char *type;		/* .NET type name, e.g. "System.Net.IPAddress";
					   static storage, never freed */
	char	*to_string;		/* OBJECT: its ToString(), e.g. "10.0.0.4";
					   INT: an enum's name ("InterNetwork"),
					   or NULL for a plain number */
	double	d;			/* DOUBLE */
	const void *block;		/* SCRIPTBLOCK: what the runtime runs */
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
	size_t	cap;			/* props allocated */
};

/*
 * Values own what they point to (s, items, obj, to_string); type is a
 * static string.  The constructors below return 0, or -1 (errno ENOMEM)
 * leaving the value PSOBJ_NULL.
 */
struct psobj_value psobj_null(void);
struct psobj_value psobj_bool(bool b);
/* A number of .NET type type ("System.Int32", "System.UInt32", ...). */
struct psobj_value psobj_int(long long i, const char *type);
int	psobj_string(struct psobj_value *v, const char *s);
/* An enum: its numeric value and its name (ToString()). */
int	psobj_enum(struct psobj_value *v, long long i, const char *type,
	    const char *name);
/* A System.Double, or another floating type ("System.Decimal"). */
struct psobj_value psobj_double(double d, const char *type);
/* A System.DateTime of ticks (100 ns since 0001-01-01), Utc or Local. */
struct psobj_value psobj_datetime(long long ticks, bool utc);
/* An empty hashtable; ordered: [ordered]@{} (an OrderedDictionary). */
int	psobj_hashtable(struct psobj_value *v, bool ordered);
/* A script block: block is the runtime's and must outlive the value. */
int	psobj_scriptblock(struct psobj_value *v, const void *block,
	    const char *text);
/* An array of n PSOBJ_NULL items; type e.g. "System.String[]". */
int	psobj_array(struct psobj_value *v, size_t n, const char *type);
/*
 * Wraps o (taken over, freed on failure) with its ToString() text; a NULL
 * to_string means Object.ToString(), which is the type name.
 */
int	psobj_object(struct psobj_value *v, struct psobj *o,
	    const char *to_string);

void	psobj_value_free(struct psobj_value *v);
/* Deep copy of src into dst; -1 (ENOMEM) leaves dst PSOBJ_NULL. */
int	psobj_value_copy(struct psobj_value *dst, const struct psobj_value *src);

/* An object with no properties yet; NULL on ENOMEM. */
struct psobj *psobj_new(const char *type_name);
void	psobj_free(struct psobj *o);
struct psobj *psobj_copy(const struct psobj *o);
/*
 * Appends a property; v is taken over (freed on failure).  Returns 0 or -1
 * (ENOMEM).  Does not check for duplicates.
 */
int	psobj_add(struct psobj *o, const char *name, struct psobj_value v);
/*
 * psobj_string_members()
 * A string's members as the commands that read properties see them
 * (Measure-Object -Property Length, Sort-Object Length): an object of type
 * System.String with its Length.  The caller frees it; NULL on ENOMEM.
 */
struct psobj *psobj_string_members(const struct psobj_value *v);

/* The property named name (case-insensitive, as PowerShell), or NULL. */
const struct psobj_prop *psobj_find(const struct psobj *o, const char *name);

/*
 * psobj_value_to_string()
 * The value's ToString() as PowerShell's LanguagePrimitives would give it
 * for a CSV field or a string conversion: True/False, invariant numbers,
 * an enum's name, an object's ToString(), an array's type name
 * ("System.Object[]").  Null gives "".  malloc'd; NULL on ENOMEM.
 */
char	*psobj_value_to_string(const struct psobj_value *v);

/* A Double's and a DateTime's ToString() (see psobj.c); malloc'd. */
char	*psobj_double_text(double d, const char *type);
char	*psobj_datetime_text(long long ticks);

/*
 * psobj_value_to_display()
 * PowerShell's SmartToString for property-based views (spec 3.3): as
 * psobj_value_to_string(), except that an array shows as "{a, b}" with at
 * most $FormatEnumerationLimit (4) items followed by "..." (5.1) or U+2026
 * (7.4) when there are more.  malloc'd; NULL on ENOMEM.
 */
char	*psobj_value_to_display(const struct psobj_value *v,
	    enum ps_edition ed);

#endif /* TNC_OBJECTS_PSOBJ_H */
