#ifndef TNC_BASE_OPERATORS_H
#define TNC_BASE_OPERATORS_H

/*
 * PowerShell's operators, as the parser reads them and the objects layer
 * applies them (objects/ps_ops.h): each spelling without its case prefix,
 * and the case mode the prefix gives (-eq, -ieq, -ceq).
 */
enum ps_op {
	PS_OP_NONE,
	/* logical */
	PS_OP_AND, PS_OP_OR, PS_OP_XOR, PS_OP_NOT,
	/* comparison */
	PS_OP_EQ, PS_OP_NE, PS_OP_GT, PS_OP_GE, PS_OP_LT, PS_OP_LE,
	PS_OP_LIKE, PS_OP_NOTLIKE, PS_OP_MATCH, PS_OP_NOTMATCH,
	PS_OP_CONTAINS, PS_OP_NOTCONTAINS, PS_OP_IN, PS_OP_NOTIN,
	PS_OP_REPLACE, PS_OP_SPLIT, PS_OP_JOIN,
	PS_OP_IS, PS_OP_ISNOT, PS_OP_AS,
	/* arithmetic and the rest */
	PS_OP_ADD, PS_OP_SUB, PS_OP_MUL, PS_OP_DIV, PS_OP_MOD,
	PS_OP_NEGATE, PS_OP_PLUS,	/* unary - and + */
	PS_OP_FORMAT,			/* -f */
	PS_OP_RANGE,			/* .. */
	/* assignment */
	PS_OP_ASSIGN, PS_OP_ADD_ASSIGN, PS_OP_SUB_ASSIGN,
	PS_OP_MUL_ASSIGN, PS_OP_DIV_ASSIGN, PS_OP_MOD_ASSIGN,
	/* ++ and --, before and after: the evaluator's (they change a
	   variable), never objects/ps_ops.h's */
	PS_OP_PRE_INC, PS_OP_PRE_DEC, PS_OP_POST_INC, PS_OP_POST_DEC
};

enum ps_op_case {
	PS_CASE_DEFAULT,		/* -eq: PowerShell's default, ignore case */
	PS_CASE_INSENSITIVE,		/* -ieq */
	PS_CASE_SENSITIVE		/* -ceq */
};

#endif /* TNC_BASE_OPERATORS_H */
