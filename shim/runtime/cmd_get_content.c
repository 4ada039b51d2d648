/*
 * cmd_get_content.c: Get-Content as the first command of a pipeline: the
 * lines of each file, one string each, passed on as they are read, so
 * `Get-Content hosts.txt | tnc -Port 5022` starts the first test before
 * the file is read to its end (and /dev/stdin works as a path).
 *
 * Lines end at "\r\n", "\n" or "\r", as StreamReader.ReadLine() ends
 * them; a last line without an end counts, an empty one after the last
 * end does not.  -TotalCount N: the first N lines (negative: all);
 * -Tail N: the last N.  -Encoding: Unicode / BigEndianUnicode / UTF32 /
 * BigEndianUTF32 are converted to UTF-8; Byte gives each byte as a
 * System.Byte; Default, String, Unknown, Oem, UTF8 and Ascii read UTF-8
 * (tnc's choice for Default: Linux has no ANSI code page), and a byte-order
 * mark at the start is honoured and dropped as .NET's reader does.
 * -Path takes wildcards (glob(3)); -LiteralPath does not.
 */
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/exit_codes.h"
#include "objects/wildcard.h"
#include "runtime/cmd_input.h"
#include "runtime/command_defs.h"
#include "runtime/context.h"
#include "runtime/processors.h"
#include "runtime/values.h"

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

/* Get-Content's settings */
struct gc_cfg {
	char	**paths;
	size_t	npaths;
	bool	literal_path;
	bool	has_total;		/* -TotalCount (negative: all) */
	long long total_count;
	bool	has_tail;
	long long tail;
	enum text_encoding encoding;
};

struct gc_proc {
	struct proc base;
	struct runtime *rt;
	const struct stage *st;
	const struct gc_cfg *cfg;	/* st->cfg */
	struct value_ring tail;		/* -Tail: the last N lines */
	long long taken;		/* lines passed on (-TotalCount) */
};

struct reader {
	FILE	*fp;
	enum text_encoding enc;
	char	*line;			/* the current line, UTF-8 */
	size_t	len, cap;
	int	pending;		/* a byte read ahead (after '\r'), or EOF */
};

static enum proc_rc
gc_nomem(struct gc_proc *gp)
{
	host_note(&gp->rt->host, TNC_EXIT_SYSTEM, "%s", strerror(ENOMEM));
	return proc_fail(&gp->base, NULL);
}

static int
put_byte(struct reader *r, unsigned char c)
{
	char *grown;

	if (r->len + 2 > r->cap) {
		r->cap = r->cap != 0 ? r->cap * 2 : 128;
		grown = realloc(r->line, r->cap);
		if (grown == NULL)
			return -1;
		r->line = grown;
	}
	r->line[r->len++] = (char)c;
	r->line[r->len] = '\0';
	return 0;
}

/* Appends code point cp as UTF-8 (an invalid one as U+FFFD). */
static int
put_cp(struct reader *r, unsigned long cp)
{
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80)
		return put_byte(r, (unsigned char)cp);
	if (cp < 0x800)
		return put_byte(r, (unsigned char)(0xc0 | (cp >> 6))) |
		    put_byte(r, (unsigned char)(0x80 | (cp & 0x3f)));
	if (cp < 0x10000)
		return put_byte(r, (unsigned char)(0xe0 | (cp >> 12))) |
		    put_byte(r, (unsigned char)(0x80 | ((cp >> 6) & 0x3f))) |
		    put_byte(r, (unsigned char)(0x80 | (cp & 0x3f)));
	return put_byte(r, (unsigned char)(0xf0 | (cp >> 18))) |
	    put_byte(r, (unsigned char)(0x80 | ((cp >> 12) & 0x3f))) |
	    put_byte(r, (unsigned char)(0x80 | ((cp >> 6) & 0x3f))) |
	    put_byte(r, (unsigned char)(0x80 | (cp & 0x3f)));
}

/* One unit of the encoding: a byte, or a UTF-16/32 unit; EOF at the end. */
static long
read_unit(struct reader *r)
{
	unsigned char b[4];
	size_t n = 1;

	switch (r->enc) {
	case TEXT_ENC_UTF16LE:
	case TEXT_ENC_UTF16BE:
		n = 2;
		break;
	case TEXT_ENC_UTF32LE:
	case TEXT_ENC_UTF32BE:
		n = 4;
		break;
	default:
		return getc(r->fp);
	}
	if (fread(b, 1, n, r->fp) != n)
		return EOF;
	switch (r->enc) {
	case TEXT_ENC_UTF16LE:
		return b[0] | (long)b[1] << 8;
	case TEXT_ENC_UTF16BE:
		return b[1] | (long)b[0] << 8;
	case TEXT_ENC_UTF32LE:
		return (long)(b[0] | (unsigned long)b[1] << 8 |
		    (unsigned long)b[2] << 16 | (unsigned long)b[3] << 24);
	default:
		return (long)(b[3] | (unsigned long)b[2] << 8 |
		    (unsigned long)b[1] << 16 | (unsigned long)b[0] << 24);
	}
}

/* The next character as a code point (bytes as themselves for UTF-8). */
static long
read_char(struct reader *r)
{
	long u, lo;

	if (r->pending != EOF - 1) {
		u = r->pending;
		r->pending = EOF - 1;
		return u;
	}
	u = read_unit(r);
	if ((r->enc == TEXT_ENC_UTF16LE || r->enc == TEXT_ENC_UTF16BE) &&
	    u >= 0xd800 && u <= 0xdbff) {
		lo = read_unit(r);
		if (lo >= 0xdc00 && lo <= 0xdfff)
			return 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
		r->pending = (int)lo;
		return 0xfffd;
	}
	return u;
}

/* Reads the next line into r->line.  1: a line, 0: the end, -1: ENOMEM. */
static int
read_line(struct reader *r)
{
	bool bytes = r->enc != TEXT_ENC_UTF16LE && r->enc != TEXT_ENC_UTF16BE &&
	    r->enc != TEXT_ENC_UTF32LE && r->enc != TEXT_ENC_UTF32BE;
	long c;
	int rc;

	r->len = 0;
	if (r->line != NULL)
		r->line[0] = '\0';
	while ((c = read_char(r)) != EOF) {
		if (c == '\n')
			return 1;
		if (c == '\r') {
			c = read_char(r);
			if (c != '\n' && c != EOF)
				r->pending = (int)c;
			return 1;
		}
		if (r->enc == TEXT_ENC_ASCII && c >= 0x80)
			c = '?';	/* ASCIIEncoding's replacement */
		rc = bytes ? put_byte(r, (unsigned char)c) :
		    put_cp(r, (unsigned long)c);
		if (rc != 0)
			return -1;
	}
	return r->len > 0 ? 1 : 0;
}

/* A byte-order mark decides the encoding, as StreamReader's detection. */
static void
read_bom(struct reader *r)
{
	unsigned char b[4] = { 0 };
	size_t n = fread(b, 1, 4, r->fp), skip = 0;

	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		skip = 3;
		if (r->enc == TEXT_ENC_DEFAULT)
			r->enc = TEXT_ENC_UTF8;
	} else if (n >= 4 && b[0] == 0xff && b[1] == 0xfe && b[2] == 0 &&
	    b[3] == 0) {
		skip = 4;
		r->enc = TEXT_ENC_UTF32LE;
	} else if (n >= 2 && b[0] == 0xff && b[1] == 0xfe) {
		skip = 2;
		r->enc = TEXT_ENC_UTF16LE;
	} else if (n >= 2 && b[0] == 0xfe && b[1] == 0xff) {
		skip = 2;
		r->enc = TEXT_ENC_UTF16BE;
	} else if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe &&
	    b[3] == 0xff) {
		skip = 4;
		r->enc = TEXT_ENC_UTF32BE;
	}
	/* put back what was not a mark: a pipe cannot seek, so keep it */
	if (fseek(r->fp, (long)skip, SEEK_SET) == 0)
		return;
	while (n > skip)
		ungetc(b[--n], r->fp);	/* glibc and musl take 4 back */
}

/* Passes one line (or byte) on, or keeps it for -Tail. */
static enum proc_rc
gc_take(struct gc_proc *gp, struct psobj_value *v)
{
	gp->taken++;
	if (!gp->cfg->has_tail)
		return proc_emit(&gp->base, v);
	return value_ring_push(&gp->tail, v) == 0 ? PROC_OK : gc_nomem(gp);
}

static bool
gc_enough(const struct gc_proc *gp)
{
	return gp->cfg->has_total && gp->cfg->total_count >= 0 &&
	    gp->taken >= gp->cfg->total_count;
}

/* The lines of one open file. */
static enum proc_rc
gc_read(struct gc_proc *gp, struct reader *r)
{
	struct psobj_value v;
	enum proc_rc rc = PROC_OK;
	int c, got;

	if (r->enc == TEXT_ENC_BYTE) {
		while (rc == PROC_OK && !gc_enough(gp) &&
		    (c = getc(r->fp)) != EOF) {
			v = psobj_int(c, "System.Byte");
			rc = gc_take(gp, &v);
		}
		return rc;
	}
	read_bom(r);
	while (rc == PROC_OK && !gc_enough(gp) &&
	    (got = read_line(r)) != 0) {
		if (got < 0 || psobj_string(&v, r->line != NULL ? r->line :
		    "") != 0)
			return gc_nomem(gp);
		rc = gc_take(gp, &v);
	}
	return rc;
}

/* 5.1's ItemNotFoundException, with the path made absolute. */
static enum proc_rc
gc_not_found(struct gc_proc *gp, const char *path)
{
	const struct ps_command *pc = gp->st->pc;
	char cwd[PATH_MAX], *full = NULL;
	struct ps_error e = { 0 };

	if (path[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL &&
	    asprintf(&full, "%s%s%s", cwd, strcmp(cwd, "/") == 0 ? "" : "/",
	    strncmp(path, "./", 2) == 0 ? path + 2 : path) < 0)
		full = NULL;
	ps_error_bind(&e, gp->st->meta->name, gp->st->meta->type_name,
	    "ObjectNotFound", "ItemNotFoundException", "PathNotFound",
	    pc->offset, pc->length, "Cannot find path '%s' because it does "
	    "not exist.", full != NULL ? full : path);
	ps_error_set_target(&e, full != NULL ? full : path, "String");
	free(full);
	return cmd_error(&gp->base, gp->rt, gp->st, &e);
}

static enum proc_rc
gc_file(struct gc_proc *gp, const char *path)
{
	struct reader r = { .enc = gp->cfg->encoding, .pending = EOF - 1 };
	enum proc_rc rc;

	r.fp = fopen(path, "rb");
	if (r.fp == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return gc_not_found(gp, path);
		host_note(&gp->rt->host, TNC_EXIT_SYSTEM, "Get-Content: "
		    "cannot read %s: %s", path, strerror(errno));
		return PROC_OK;
	}
	rc = gc_read(gp, &r);
	if (rc == PROC_OK && ferror(r.fp))
		host_note(&gp->rt->host, TNC_EXIT_SYSTEM, "Get-Content: "
		    "cannot read %s: %s", path, strerror(errno));
	fclose(r.fp);
	free(r.line);
	return rc;
}

/* One -Path: its wildcard's matches (none is no error), or the path. */
static enum proc_rc
gc_path(struct gc_proc *gp, const char *path)
{
	enum proc_rc rc = PROC_OK;
	glob_t g;
	size_t i;

	if (gp->cfg->literal_path || !wildcard_has_meta(path))
		return gc_file(gp, path);
	if (glob(path, 0, NULL, &g) != 0)
		return PROC_OK;
	for (i = 0; i < g.gl_pathc && rc == PROC_OK && !gc_enough(gp); i++)
		rc = gc_file(gp, g.gl_pathv[i]);
	globfree(&g);
	return rc;
}

static enum proc_rc
gc_process(struct proc *p, struct psobj_value *v)
{
	struct gc_proc *gp = (struct gc_proc *)p;
	enum proc_rc rc = PROC_OK;
	size_t i;

	if (v != NULL) {		/* plan.c keeps it first: no input */
		psobj_value_free(v);
		return PROC_OK;
	}
	for (i = 0; i < gp->cfg->npaths && rc == PROC_OK; i++)
		rc = gc_path(gp, gp->cfg->paths[i]);
	return rc;
}

static enum proc_rc
gc_end(struct proc *p)
{
	struct gc_proc *gp = (struct gc_proc *)p;
	enum proc_rc rc = PROC_OK;
	struct psobj_value v;

	while (rc == PROC_OK && value_ring_pop(&gp->tail, &v))
		rc = proc_emit(p, &v);
	return rc;
}

static void
gc_free(struct proc *p)
{
	struct gc_proc *gp = (struct gc_proc *)p;

	value_ring_free(&gp->tail);
	free(gp);
}

static const struct proc_ops gc_ops = {
	.process = gc_process,
	.end = gc_end,
	.free = gc_free,
};

static struct proc *
gc_make(struct runtime *rt, const struct stage *st, char *err, size_t errlen)
{
	struct gc_proc *gp = calloc(1, sizeof(*gp));

	(void)err;
	(void)errlen;
	if (gp == NULL)
		return NULL;
	gp->base.ops = &gc_ops;
	gp->rt = rt;
	gp->st = st;
	gp->cfg = st->cfg;
	value_ring_init(&gp->tail, gp->cfg->has_tail && gp->cfg->tail > 0 ?
	    (size_t)gp->cfg->tail : 0);
	return &gp->base;
}

/* FileSystemCmdletProviderEncoding's names, as Enum.Parse takes them */
static const struct {
	const char *name;
	int	enc;			/* enum text_encoding; -1: not read by tnc */
} encodings[] = {
	{ "Unknown", TEXT_ENC_DEFAULT }, { "String", TEXT_ENC_DEFAULT },
	{ "Unicode", TEXT_ENC_UTF16LE }, { "Byte", TEXT_ENC_BYTE },
	{ "BigEndianUnicode", TEXT_ENC_UTF16BE }, { "UTF8", TEXT_ENC_UTF8 },
	{ "UTF7", -1 }, { "UTF32", TEXT_ENC_UTF32LE },
	{ "Ascii", TEXT_ENC_ASCII }, { "Default", TEXT_ENC_DEFAULT },
	{ "Oem", TEXT_ENC_DEFAULT }, { "BigEndianUTF32", TEXT_ENC_UTF32BE },
};
#define NENCODINGS	(sizeof(encodings) / sizeof(encodings[0]))

static int
configure_encoding(const struct stage *st, struct gc_cfg *cfg,
    const struct ps_bound *v, struct ps_error *e)
{
	size_t i;

	for (i = 0; i < NENCODINGS; i++)
		if (strcasecmp(v->s, encodings[i].name) == 0)
			break;
	if (i == NENCODINGS)
		return ps_error_bind(e, st->meta->name, st->meta->type_name,
		    "InvalidArgument", "ParameterBindingException",
		    "CannotConvertArgumentNoMessage", v->value->offset,
		    v->value->length, "Cannot bind parameter 'Encoding'. Cannot "
		    "convert value \"%s\" to type \"Microsoft.PowerShell."
		    "Commands.FileSystemCmdletProviderEncoding\". Error: "
		    "\"Unable to match the identifier name %s to a valid "
		    "enumerator name. Specify one of the following enumerator "
		    "names and try again:\nUnknown, String, Unicode, Byte, "
		    "BigEndianUnicode, UTF8, UTF7, UTF32, Ascii, Default, Oem, "
		    "BigEndianUTF32\"", v->s, v->s);
	if (encodings[i].enc < 0)
		return ps_error_parse(e, "ParameterNotSupported",
		    v->value->offset, v->value->length, "The encoding 'UTF7' "
		    "of Get-Content is not supported by tnc.");
	cfg->encoding = (enum text_encoding)encodings[i].enc;
	return 0;
}

static void
gc_cfg_free(void *p)
{
	struct gc_cfg *cfg = p;

	if (cfg != NULL)
		stage_strings_free(cfg->paths, cfg->npaths);
	free(cfg);
}

static int
gc_configure(struct stage *st, struct ps_error *e)
{
	struct gc_cfg *cfg = calloc(1, sizeof(*cfg));
	const struct ps_bound *v;

	if (cfg == NULL)
		return ps_error_no_memory(e);
	st->cfg = cfg;
	st->cfg_free = gc_cfg_free;
	v = ps_binding_get(&st->b, "LiteralPath");
	cfg->literal_path = v->present;
	if (!v->present)
		v = ps_binding_get(&st->b, "Path");
	if (v->present && v->value != NULL &&
	    stage_strings(&cfg->paths, &cfg->npaths, v->value) != 0)
		return ps_error_no_memory(e);
	if ((v = ps_binding_get(&st->b, "TotalCount"))->present) {
		cfg->has_total = true;
		cfg->total_count = (long long)v->d;
	}
	if ((v = ps_binding_get(&st->b, "Tail"))->present && v->i >= 0) {
		cfg->has_tail = true;	/* a negative -Tail means all lines */
		cfg->tail = v->i;
	}
	if ((v = ps_binding_get(&st->b, "Encoding"))->present &&
	    configure_encoding(st, cfg, v, e) != 0)
		return -1;
	return 0;
}

static const char *const gc_runs[] = { "Path", "LiteralPath", "TotalCount",
	"Tail", "Encoding", NULL };

const struct command_def get_content_def = {
	.cmd = PIPE_CMD_GET_CONTENT,
	.runs = gc_runs,
	.position = CMD_FIRST,
	.error_stop = true,
	.configure = gc_configure,
	.make = gc_make,
};
