#ifndef TNC_PARSERS_AST_DUMP_H
#define TNC_PARSERS_AST_DUMP_H

#include "parsers/ast.h"

/*
 * A tree as a deterministic S-expression, for tests and debugging: each
 * node is (kind@offset:length ...), texts are "quoted" with C escapes,
 * operators are spelled as in PowerShell (-ieq, +, ..), an absent part is
 * -.  For example, `$x = 1 + 2` is
 *
 *   (pipeline@0:10 (= (var@0:2 "x")) (binary@5:5 + (number@5:1 "1" Int32)
 *   (number@9:1 "2" Int32)))
 *
 * on one line.  ast_dump() writes one line per statement of the script.
 * Both return a malloc'd string, or NULL on ENOMEM.
 */
char	*ast_dump(const struct ast_list *script);
char	*ast_dump_node(const struct ast *a);

#endif /* TNC_PARSERS_AST_DUMP_H */
