#ifndef TNC_RUNTIME_STATIC_MEMBERS_H
#define TNC_RUNTIME_STATIC_MEMBERS_H

#include <stdbool.h>

#include "runtime/interp.h"

/*
 * The static members of .NET types a script may use ([type]::Member),
 * the short list scripts around tnc need and nothing more:
 *   [datetime]::Now, ::UtcNow, ::Today
 *   [int]::MaxValue, ::MinValue (and [long]'s)
 *   [string]::Empty, ::IsNullOrEmpty(x), ::IsNullOrWhiteSpace(x)
 */

/* Whether [type]::name (a method when invoke) is one of them. */
bool	static_member_known(const char *type, const char *name, bool invoke);

/* The value of an AST_MEMBER or AST_INVOKE with static_member set. */
enum flow static_member_eval(struct interp *in, const struct ast *e,
	    struct psobj_value *v);

#endif /* TNC_RUNTIME_STATIC_MEMBERS_H */
