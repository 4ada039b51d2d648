#ifndef TNC_TESTS_PARSE_COMMAND_H
#define TNC_TESTS_PARSE_COMMAND_H

/*
 * For the Check suites that feed the binder: a command line as the
 * binder's input, through the front end the program uses (ast_parse(),
 * then ast_command()).
 */
#include <check.h>

#include "parsers/ast.h"
#include "parsers/ast_command.h"

/*
 * parse_command()
 * The first command of script's first statement (after an expression
 * that starts the pipeline: 'a' | tnc -foo gives tnc -foo) into *pc.
 * The script must parse and the command's arguments be literals. Free
 * pc with ps_command_free().
 */
static inline void
parse_command(const char *script, struct ps_command *pc)
{
	struct ast_list l;
	struct ps_error e = { 0 };
	const struct ast *pl, *cmd = NULL;
	size_t i;

	ck_assert_msg(ast_parse(script, &l, &e) == 0, "%s: %s", script,
	    e.message);
	ck_assert_uint_ge(l.n, 1);
	pl = l.v[0];
	ck_assert_int_eq(pl->kind, AST_PIPELINE);
	for (i = 0; i < pl->elems.n && cmd == NULL; i++)
		if (pl->elems.v[i]->kind == AST_COMMAND)
			cmd = pl->elems.v[i];
	ck_assert_msg(cmd != NULL, "%s: no command", script);
	ck_assert_msg(ast_command(cmd, pc) == 0, "%s: not literal", script);
	ast_list_free(&l);
	ps_error_free(&e);
}

#endif /* TNC_TESTS_PARSE_COMMAND_H */
