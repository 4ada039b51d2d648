/*
 * ast_string.c: the nodes of strings and variables.  A string with $x or
 * $( ) in it (or a bare word argument with them) is an AST_EXPANDABLE of
 * its parts; each $( ) is parsed where it stands, by a nested tokenizer
 * over its text (inside "...", "" and `" read as ", as PowerShell's
 * ScanSubExpression reads them).  "$x.Name" expands $x alone, and
 * "$($x.Name)" the subexpression: the tokenizer found the parts.
 *
 * Variables: $name, ${any name}, $script:x $global:x $local:x
 * $private:x (scope), $env:NAME (the environment), $using:x (the caller's
 * value in a ForEach-Object -Parallel block; elsewhere a runtime error, as
 * in 5.1), $_ $? $$ $^; $true $false $null are constants.  Refused by
 * tnc: provider drives (${C:\file} reads a file, $function:x a
 * function), and splatting (@args):
 *   VariableNotSupported   The variable '$function:x' is not supported by
 *                          tnc.
 *   SplattingNotSupported  Splatting is not supported by tnc: '@args'.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers/ast_parser.h"

/* The scopes and the one drive a variable name may start with */
static const char *const scopes[] = { "global", "local", "private", "script",
	"env", "using" };

/* $true, $false, $null: constants */
RULE bool
constant_variable(struct ast *n)
{
	static const char *const names[] = { "true", "false", "null" };
	static const int kinds[] = { AST_CONST_TRUE, AST_CONST_FALSE,
		AST_CONST_NULL };
	size_t i;

	for (i = 0; i < 3; i++)
		if (strcasecmp(n->text, names[i]) == 0) {
			n->kind = AST_CONSTANT;
			n->constant = kinds[i];
			free(n->text);
			n->text = NULL;
			return true;
		}
	return false;
}

/* scope:name: the scope split off, lower case; false when it is not one */
RULE bool
split_scope(struct parser *p, struct ast *n, char *colon)
{
	size_t k, len = (size_t)(colon - n->text);
	char *name;

	for (k = 0; k < sizeof(scopes) / sizeof(scopes[0]); k++)
		if (strlen(scopes[k]) == len &&
		    strncasecmp(n->text, scopes[k], len) == 0)
			break;
	if (k == sizeof(scopes) / sizeof(scopes[0]))
		return false;
	if ((n->scope = dup_str(p, scopes[k])) == NULL ||
	    (name = dup_str(p, colon + 1)) == NULL)
		return true;
	free(n->text);
	n->text = name;
	return true;
}

struct ast *
variable_node(struct parser *p, size_t start, size_t end, bool in_string,
    bool splatted)
{
	struct ast *n = node_new(p, AST_VARIABLE, start, end);
	char *colon;

	if (n == NULL || (n->text = tz_decode_variable(p->tz, start, end,
	    in_string)) == NULL)
		return failed(p) ? NULL : nomem(p);
	if (splatted)
		unsupported(p, "SplattingNotSupported", n->offset, n->length,
		    "Splatting is not supported by tnc: '%.*s'.",
		    (int)n->length, p->script + n->offset);
	if ((colon = strchr(n->text, ':')) != NULL) {
		if (!split_scope(p, n, colon))
			unsupported(p, "VariableNotSupported", n->offset,
			    n->length, "The variable '%.*s' is not supported "
			    "by tnc.", (int)n->length, p->script + n->offset);
	} else if (!splatted) {
		constant_variable(n);
	}
	return failed(p) ? NULL : n;
}

/* A $( ) inside a string or bare word, parsed by a nested tokenizer */
RULE struct ast *
nested_subexpr(struct parser *p, const struct tz_part *part)
{
	struct tokenizer nt, *outer = p->tz;
	struct tz_token look = p->look;
	bool had_look = p->has_look;
	char *copy = NULL;
	size_t *map = NULL, len;
	struct ast *expr;

	if (part->collapse) {
		if (tz_collapse(outer, part->start, part->end, &copy, &map,
		    &len) != 0)
			return nomem(p);
		tz_init(&nt, copy, 0, len, map, p->e);
	} else {
		tz_init(&nt, outer->s, part->start, part->end, outer->map, p->e);
	}
	nt.mode = TZ_EXPRESSION;
	p->tz = &nt;
	p->has_look = false;
	expr = primary_rule(p, true);
	if (nt.failed)
		p->failed = true;
	p->tz = outer;
	p->look = look;
	p->has_look = had_look;
	free(copy);
	free(map);
	return failed(p) ? NULL : expr;
}

/* The node of one part; a text part's extent reaches its neighbours */
RULE struct ast *
part_node(struct parser *p, struct tz_parts *parts, size_t i, size_t from,
    size_t to)
{
	struct tz_part *part = &parts->v[i];
	struct ast *n;

	switch (part->kind) {
	case TZ_PART_TEXT:
		if ((n = node_new(p, AST_STRING, from, to)) != NULL) {
			n->text = part->text;
			part->text = NULL;
		}
		return n;
	case TZ_PART_VARIABLE:
		return variable_node(p, part->start, part->end, true, false);
	default:
		return nested_subexpr(p, part);
	}
}

/* "... $x $(y) ...", @"..."@, or a bare word with them */
RULE struct ast *
expandable_node(struct parser *p, const struct tz_token *t)
{
	struct tz_parts parts;
	struct ast *n, *part;
	size_t i, from = t->start, to;

	if (tz_decode_parts(p->tz, t, &parts) != 0)
		return NULL;
	if ((n = node_new(p, AST_EXPANDABLE, t->start, t->end)) == NULL) {
		tz_parts_free(&parts);
		return NULL;
	}
	for (i = 0; i < parts.n; i++) {
		to = i + 1 < parts.n ? parts.v[i + 1].start : t->end;
		if (parts.v[i].kind != TZ_PART_TEXT)
			to = parts.v[i].end;
		if ((part = part_node(p, &parts, i, from, to)) == NULL ||
		    list_push(p, &n->parts, part) != 0)
			break;
		from = to;
	}
	tz_parts_free(&parts);
	return failed(p) ? NULL : n;
}

struct ast *
string_node(struct parser *p, const struct tz_token *t)
{
	struct ast *n;

	if (t->nested)
		return expandable_node(p, t);
	if ((n = node_new(p, AST_STRING, t->start, t->end)) == NULL ||
	    (n->text = tz_decode_text(p->tz, t)) == NULL)
		return failed(p) ? NULL : nomem(p);
	return n;
}
