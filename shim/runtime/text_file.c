/*
 * text_file.c: text files as 5.1's Out-File and Export-Csv write them
 * (text_file.h).  The encodings go through iconv(3) (glibc's converters:
 * no dependency beyond libc); a character the encoding cannot hold is
 * written as '?', as .NET's replacement fallback writes it for ASCII (for
 * Default and Oem, .NET Framework first tries a best-fit character; tnc
 * does not: README, choices).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/text_file.h"

#define HEAD_MAX	65536

static const struct {
	const char *name;		/* 5.1's -Encoding name */
	int	enc;			/* enum text_encoding_out; -1: UTF7 */
} encoding_names[] = {
	{ "Unknown", TEXT_OUT_UTF16LE }, { "String", TEXT_OUT_UTF16LE },
	{ "Unicode", TEXT_OUT_UTF16LE },
	{ "BigEndianUnicode", TEXT_OUT_UTF16BE }, { "UTF8", TEXT_OUT_UTF8 },
	{ "UTF7", -1 }, { "UTF32", TEXT_OUT_UTF32LE },
	{ "Ascii", TEXT_OUT_ASCII }, { "Default", TEXT_OUT_ANSI },
	{ "Oem", TEXT_OUT_OEM },
};

/* iconv's name for each encoding, and its preamble */
static const struct {
	const char *iconv_name;		/* NULL: UTF-8 as it is */
	const char *bom;
	size_t	bom_len;
} encodings[] = {
	[TEXT_OUT_UTF16LE] = { "UTF-16LE", "\xff\xfe", 2 },
	[TEXT_OUT_UTF16BE] = { "UTF-16BE", "\xfe\xff", 2 },
	[TEXT_OUT_UTF8] = { NULL, "\xef\xbb\xbf", 3 },
	[TEXT_OUT_UTF8_NO_BOM] = { NULL, "", 0 },
	[TEXT_OUT_UTF32LE] = { "UTF-32LE", "\xff\xfe\0\0", 4 },
	[TEXT_OUT_ASCII] = { "ASCII", "", 0 },
	[TEXT_OUT_ANSI] = { "CP1252", "", 0 },
	[TEXT_OUT_OEM] = { "IBM437", "", 0 },
};

int
text_encoding_named(const char *name, enum text_encoding_out *enc)
{
	size_t i;

	for (i = 0; i < sizeof(encoding_names) / sizeof(encoding_names[0]); i++)
		if (strcasecmp(name, encoding_names[i].name) == 0) {
			if (encoding_names[i].enc < 0)
				return -1;
			*enc = (enum text_encoding_out)encoding_names[i].enc;
			return 0;
		}
	return -1;
}

/* Appends component c (of n bytes) to the path in buf, folding . and .. */
static void
path_push(char *buf, const char *c, size_t n)
{
	char *slash;

	if (n == 0 || (n == 1 && c[0] == '.'))
		return;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		slash = strrchr(buf, '/');
		if (slash != NULL)
			*(slash == buf ? slash + 1 : slash) = '\0';
		return;
	}
	if (strlen(buf) + n + 2 > PATH_MAX)
		return;
	if (strcmp(buf, "/") != 0)
		strcat(buf, "/");
	strncat(buf, c, n);
}

char *
text_file_resolve(const char *path)
{
	char base[PATH_MAX], *out;
	const char *home = getenv("HOME"), *p, *e;

	out = calloc(1, PATH_MAX + 1);
	if (out == NULL)
		return NULL;
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') &&
	    home != NULL) {
		snprintf(base, sizeof(base), "%s", home);
		path++;
	} else if (path[0] == '/' || getcwd(base, sizeof(base)) == NULL) {
		snprintf(base, sizeof(base), "/");
	}
	strcpy(out, "/");
	for (p = base; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = strchrnul(p, '/');
		path_push(out, p, (size_t)(e - p));
	}
	for (p = path; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = strchrnul(p, '/');
		path_push(out, p, (size_t)(e - p));
	}
	return out;
}

/* Writes all of buf to fd.  0, or -1 (errno). */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Bytes in the UTF-8 sequence that starts with c (an invalid lead: 1). */
static size_t
utf8_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/*
 * Converts len bytes of in through cd into *out (malloc'd, *outlen); what
 * cd cannot convert becomes rep (already in the target encoding), a whole
 * UTF-8 character of in when from_utf8, else one byte.  0, or -1 (errno).
 */
static int
convert(iconv_t cd, const char *in, size_t len, bool from_utf8,
    const char *rep, size_t replen, char **out, size_t *outlen)
{
	size_t cap = len * 4 + 16, left_in = len, left_out, skip, used;
	char *buf = malloc(cap), *src = (char *)in, *dst, *grown;

	if (buf == NULL)
		return -1;
	dst = buf;
	left_out = cap;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (left_in > 0) {
		if (iconv(cd, &src, &left_in, &dst, &left_out) != (size_t)-1)
			break;
		if (errno == E2BIG || left_out < replen) {
			used = (size_t)(dst - buf);
			grown = realloc(buf, cap * 2);
			if (grown == NULL) {
				free(buf);
				return -1;
			}
			dst = grown + used;
			left_out += cap;
			cap *= 2;
			buf = grown;
			continue;
		}
		/* EILSEQ, EINVAL: one character the target cannot hold */
		skip = from_utf8 ? utf8_len((unsigned char)*src) : 1;
		if (skip > left_in)
			skip = left_in;
		src += skip;
		left_in -= skip;
		memcpy(dst, rep, replen);
		dst += replen;
		left_out -= replen;
	}
	*out = buf;
	*outlen = (size_t)(dst - buf);
	return 0;
}

int
text_file_write(struct text_file *f, const char *utf8, size_t len)
{
	static const char rep_wide[][4] = {
		[TEXT_OUT_UTF16LE] = "?\0", [TEXT_OUT_UTF16BE] = "\0?",
		[TEXT_OUT_UTF32LE] = "?\0\0\0",
	};
	size_t replen = f->enc == TEXT_OUT_UTF16LE ||
	    f->enc == TEXT_OUT_UTF16BE ? 2 : f->enc == TEXT_OUT_UTF32LE ? 4 : 1;
	const char *rep = replen > 1 ? rep_wide[f->enc] : "?";
	char *out;
	size_t outlen;
	int rc;

	if (text_file_flush(f) != 0)
		return -1;
	if (f->cd == (iconv_t)-1)
		return write_all(f->fd, utf8, len);
	if (convert(f->cd, utf8, len, true, rep, replen, &out, &outlen) != 0)
		return -1;
	rc = write_all(f->fd, out, outlen);
	free(out);
	return rc;
}

int
text_file_flush(struct text_file *f)
{
	if (!f->preamble_due)
		return 0;
	f->preamble_due = false;
	return write_all(f->fd, encodings[f->enc].bom,
	    encodings[f->enc].bom_len);
}

/* The record of a failed open that is the script's; -1 with errno if not. */
static int
open_error(const struct text_file_open *o, const char *resolved, int err,
    struct ps_error *e)
{
	const char *type = o->meta->type_name;

	if (err == EEXIST && o->no_clobber && !o->append) {
		ps_error_bind(e, o->meta->name, type, "ResourceExists",
		    "IOException", "NoClobber", o->pc->offset, o->pc->length,
		    "File %s already exists and NoClobber was specified.",
		    o->path);
		ps_error_set_target(e, resolved, "String");
		return -1;
	}
	if (err == ENOENT || err == ENOTDIR)
		return ps_error_bind(e, o->meta->name, type, "OpenError",
		    "DirectoryNotFoundException", "FileOpenFailure",
		    o->pc->offset, o->pc->length, "Could not find a part of "
		    "the path '%s'.", resolved);
	if (err == EACCES || err == EPERM || err == EISDIR || err == EROFS)
		return ps_error_bind(e, o->meta->name, type, "OpenError",
		    "UnauthorizedAccessException", "FileOpenFailure",
		    o->pc->offset, o->pc->length, "Access to the path '%s' is "
		    "denied.", resolved);
	ps_error_free(e);
	errno = err;
	return -1;
}

/* -Force: a read-only file (no owner write bit) made writable for now. */
static void
lift_read_only(struct text_file *f, const struct text_file_open *o)
{
	struct stat sb;

	if (!o->force || (o->no_clobber && !o->append) ||
	    stat(f->path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (sb.st_mode & S_IWUSR) != 0)
		return;
	if (chmod(f->path, (sb.st_mode & 07777) | S_IWUSR) == 0) {
		f->restore_mode = true;
		f->mode = sb.st_mode & 07777;
	}
}

bool
text_file_here(const char *resolved)
{
	char cwd[PATH_MAX];
	size_t n;
	const char *name;

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return false;
	n = strlen(cwd);
	if (strncmp(resolved, cwd, n) != 0 || resolved[n] != '/')
		return false;
	name = resolved + n + 1;
	return *name != '\0' && strchr(name, '/') == NULL &&
	    strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

int
text_file_open(struct text_file *f, const struct text_file_open *o,
    struct ps_error *e)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC, err, rc;
	struct stat sb;
	char *resolved;

	memset(f, 0, sizeof(*f));
	f->fd = -1;
	f->cd = (iconv_t)-1;
	f->enc = o->enc;
	ps_error_free(e);
	f->path = text_file_resolve(o->path);
	if (f->path == NULL)
		return -1;
	if (o->here_only && !text_file_here(f->path)) {
		errno = EACCES;
		goto fail;
	}
	if (encodings[o->enc].iconv_name != NULL) {
		f->cd = iconv_open(encodings[o->enc].iconv_name, "UTF-8");
		if (f->cd == (iconv_t)-1)
			goto fail;
	}
	flags |= o->append ? O_APPEND : o->no_clobber ? O_EXCL : O_TRUNC;
	lift_read_only(f, o);
	f->fd = open(f->path, flags, 0666);
	if (f->fd < 0 || fstat(f->fd, &sb) != 0)
		goto fail;
	f->preamble_due = sb.st_size == 0;
	return 0;
fail:
	err = errno;
	resolved = f->path;
	f->path = NULL;
	if (f->restore_mode)
		chmod(resolved, f->mode);
	f->restore_mode = false;
	text_file_close(f);
	rc = open_error(o, resolved, err, e);
	free(resolved);
	return rc;
}

int
text_file_close(struct text_file *f)
{
	int rc = 0;

	if (f->fd >= 0 && close(f->fd) != 0)
		rc = -1;
	f->fd = -1;
	if (f->restore_mode && f->path != NULL)
		chmod(f->path, f->mode);	/* best effort, as 5.1's */
	f->restore_mode = false;
	if (f->cd != (iconv_t)-1)
		iconv_close(f->cd);
	f->cd = (iconv_t)-1;
	free(f->path);
	f->path = NULL;
	return rc;
}

/* The encoding a byte-order mark at the start of b names; its length. */
static size_t
detect_bom(const unsigned char *b, size_t n, enum text_encoding_out *enc)
{
	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		*enc = TEXT_OUT_UTF8;
		return 3;
	}
	if (n >= 4 && b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0) {
		*enc = TEXT_OUT_UTF32LE;
		return 4;
	}
	if (n >= 2 && b[0] == 0xff && b[1] == 0xfe) {
		*enc = TEXT_OUT_UTF16LE;
		return 2;
	}
	if (n >= 2 && b[0] == 0xfe && b[1] == 0xff) {
		*enc = TEXT_OUT_UTF16BE;
		return 2;
	}
	return 0;
}

int
text_file_head(const char *path, enum text_encoding_out fallback,
    enum text_encoding_out *enc, char **text)
{
	char *buf = malloc(HEAD_MAX), *out;
	size_t n = 0, skip, outlen;
	ssize_t r;
	iconv_t cd;
	int fd, err;

	if (buf == NULL)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		free(buf);
		errno = err;
		return err == ENOENT ? 0 : -1;
	}
	while (n < HEAD_MAX && (r = read(fd, buf + n, HEAD_MAX - n)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			close(fd);
			free(buf);
			errno = err;
			return -1;
		}
		n += (size_t)r;
	}
	close(fd);
	*enc = fallback;
	skip = detect_bom((unsigned char *)buf, n, enc);
	if (encodings[*enc].iconv_name == NULL) {
		out = strndup(buf + skip, n - skip);
		free(buf);
		*text = out;
		return out != NULL ? 1 : -1;
	}
	cd = iconv_open("UTF-8", encodings[*enc].iconv_name);
	if (cd == (iconv_t)-1 || convert(cd, buf + skip, n - skip, false,
	    "?", 1, &out, &outlen) != 0) {
		err = errno;
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		free(buf);
		errno = err;
		return -1;
	}
	iconv_close(cd);
	free(buf);
	*text = strndup(out, outlen);
	free(out);
	return *text != NULL ? 1 : -1;
}
