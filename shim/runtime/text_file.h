#ifndef TNC_RUNTIME_TEXT_FILE_H
#define TNC_RUNTIME_TEXT_FILE_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "parsers/binder.h"
#include "parsers/command_line.h"
#include "parsers/ps_error.h"

/*
 * A text file written as Windows PowerShell 5.1 writes one (Out-File,
 * Export-Csv: PathUtils.MasterStreamOpen and a .NET StreamWriter), where
 * the script says, as the user running tnc:
 *   - the open: FileMode.Create (truncate), Append, or CreateNew for
 *     -NoClobber; -Force makes a read-only file (no owner write bit)
 *     writable for the run and read-only again at the close;
 *   - the failures as 5.1 reports them: an existing file with -NoClobber
 *     ("File <path> already exists and NoClobber was specified."), a
 *     missing directory (DirectoryNotFoundException, "Could not find a
 *     part of the path '<full path>'."), no permission, a directory or a
 *     read-only file system (UnauthorizedAccessException, "Access to the
 *     path '<full path>' is denied."); any other errno is the machine's;
 *   - the text, given as UTF-8, encoded as the encoding says, its
 *     byte-order mark (the StreamWriter's preamble) written at the first
 *     flush when the file was empty at the open.
 * And the start of an existing file read back as a StreamReader would
 * (Export-Csv -Append reads the header it appends under).
 */

enum text_encoding_out {
	TEXT_OUT_UTF16LE,		/* Unicode (and Unknown, String): FF FE */
	TEXT_OUT_UTF16BE,		/* BigEndianUnicode: FE FF */
	TEXT_OUT_UTF8,			/* UTF8: EF BB BF */
	TEXT_OUT_UTF8_NO_BOM,		/* StreamReader's default, for appending */
	TEXT_OUT_UTF32LE,		/* UTF32: FF FE 00 00 */
	TEXT_OUT_ASCII,			/* Ascii: others are '?' */
	TEXT_OUT_ANSI,			/* Default: Windows-1252 (en-US) */
	TEXT_OUT_OEM			/* Oem: code page 437 (en-US) */
};

/*
 * text_encoding_named()
 * The encoding an -Encoding name (any case) stands for.  0, or -1 for
 * UTF7 (tnc does not write it) and any name not in 5.1's list.
 */
int	text_encoding_named(const char *name, enum text_encoding_out *enc);

/* How to open, and what to call the command in its error records. */
struct text_file_open {
	const char *path;		/* as the script wrote it */
	bool	append, force, no_clobber;
	enum text_encoding_out enc;
	const struct ps_command_meta *meta;
	const struct ps_command *pc;	/* the error's position */
	bool	here_only;		/* runtime's files_here_only (fuzzing) */
};

struct text_file {
	int	fd;
	char	*path;			/* resolved (absolute) */
	enum text_encoding_out enc;
	iconv_t	cd;			/* UTF-8 to enc; (iconv_t)-1 for UTF-8 */
	bool	preamble_due;		/* the file was empty at the open */
	bool	restore_mode;		/* -Force lifted a read-only mode */
	mode_t	mode;
};

/*
 * text_file_resolve()
 * The path as PowerShell resolves it for the file system: "~" is $HOME, a
 * relative path is made absolute from the working directory ("./" and
 * "../" parts folded).  malloc'd; NULL on ENOMEM.
 */
char	*text_file_resolve(const char *path);

/*
 * text_file_here()
 * Whether a resolved path names a plain file of the working directory:
 * all that Out-File and Export-Csv may write when the run is fuzzed
 * (text_file_open.here_only).
 */
bool	text_file_here(const char *resolved);

/*
 * text_file_open()
 * Opens o->path into f.  Returns 0; or -1 with e filled with 5.1's error
 * record (the script's failure: a terminating error of the command); or
 * -1 with e->message empty and errno set (the machine's).
 */
int	text_file_open(struct text_file *f, const struct text_file_open *o,
	    struct ps_error *e);

/* The preamble, if it is due (StreamWriter.Flush).  0, or -1 (errno). */
int	text_file_flush(struct text_file *f);

/* Writes len bytes of UTF-8 text, encoded.  0, or -1 (errno). */
int	text_file_write(struct text_file *f, const char *utf8, size_t len);

/* Closes f (restoring a read-only mode).  0, or -1 (errno). */
int	text_file_close(struct text_file *f);

/*
 * text_file_head()
 * The first lines of the file at path (up to 64 KiB, as UTF-8), read as a
 * StreamReader with byte-order-mark detection would: a mark decides the
 * encoding, else fallback.  *enc is the encoding found (fallback without
 * a mark).  Returns 1 with *text (malloc'd; "" for an empty file), 0 when
 * the file does not exist, -1 with errno.
 */
int	text_file_head(const char *path, enum text_encoding_out fallback,
	    enum text_encoding_out *enc, char **text);

#endif /* TNC_RUNTIME_TEXT_FILE_H */
