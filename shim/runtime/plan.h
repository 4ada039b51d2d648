#ifndef TNC_RUNTIME_PLAN_H
#define TNC_RUNTIME_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "objects/object_format.h"
#include "objects/select_object.h"
#include "parsers/binder.h"
#include "parsers/commands.h"
#include "parsers/parser.h"
#include "parsers/tnc_options.h"

/*
 * A statement bound before anything runs: every command looked up, its
 * parameters bound and checked (the ones tnc does not run are refused,
 * wildcards are compiled), so that a usage error anywhere in a script
 * means nothing was sent (PowerShell binds a pipeline before it starts;
 * binding the later statements early too is ours).
 */

/* Get-Content -Encoding (FileSystemCmdletProviderEncoding), as tnc reads them */
enum text_encoding {
	TEXT_ENC_DEFAULT,		/* Default, String, Unknown, Oem: UTF-8 unless a BOM says */
	TEXT_ENC_UTF8,
	TEXT_ENC_ASCII,
	TEXT_ENC_UTF16LE,		/* Unicode */
	TEXT_ENC_UTF16BE,		/* BigEndianUnicode */
	TEXT_ENC_UTF32LE,		/* UTF32 */
	TEXT_ENC_UTF32BE,		/* BigEndianUTF32 */
	TEXT_ENC_BYTE			/* Byte: each byte a System.Byte */
};

/* One command of a pipeline, with what its processor needs. */
struct stage {
	enum pipe_cmd cmd;
	const struct ps_command *pc;
	const struct ps_command_meta *meta;
	struct ps_binding b;
	struct tnc_options o;		/* PIPE_CMD_TNC */
	bool	o_init;
	bool	computer_bound;		/* tnc: -ComputerName given */
	char	**props;		/* -Property as text */
	size_t	nprops;
	struct select_spec sel;
	struct format_spec fmt;
	bool	stream;			/* Out-String -Stream */
	size_t	width;			/* Out-String -Width; 0: default */
	int	depth;			/* ConvertTo-Json -Depth */
	bool	compress;
	bool	no_type_info;		/* ConvertTo-Csv -NoTypeInformation */
	bool	quiet_errors;		/* -ErrorAction SilentlyContinue/Ignore */
	/* Get-Content */
	char	**paths;
	size_t	npaths;
	bool	literal_path;
	bool	has_total;		/* -TotalCount (negative: all) */
	long long total_count;
	bool	has_tail;
	long long tail;
	enum text_encoding encoding;
};

struct plan {
	const struct ps_pipeline *p;
	struct plan *inner;		/* PS_HEAD_PAREN */
	struct stage *st;
	size_t	n;
};

/* How the first tnc command of a script sets the run's style. */
struct plan_style {
	bool	set;
	enum tnc_newline nl;
	enum ps_edition ed;
	unsigned throttle;
};

/*
 * plan_build()
 * Binds statement p into pl.  Returns 0, or -1 with e filled (PowerShell's
 * error, or ours for what tnc does not run).  pl must be freed with
 * plan_free() either way.
 */
int	plan_build(const struct ps_pipeline *p, struct plan *pl,
	    struct plan_style *style, struct ps_error *e);
void	plan_free(struct plan *pl);

#endif /* TNC_RUNTIME_PLAN_H */
