/*
 * ps_datetime.c: System.DateTime: ticks and civil dates, the local zone,
 * DateTime.Now, DateTime.Parse as casts use it (InvariantCulture), and
 * ToString(format) with the en-US culture's names and patterns.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "objects/ps_ops_impl.h"

#define EPOCH_TICKS	621355968000000000LL	/* 1970-01-01 */
#define EPOCH_DAYS	719162LL

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const day_names[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

enum ps_dt_kind
ps_dt_kind(const struct psobj_value *v)
{
	if (v->b)
		return PS_DT_UTC;
	return v->d != 0 ? PS_DT_UNSPECIFIED : PS_DT_LOCAL;
}

struct psobj_value
ps_dt_value(long long ticks, enum ps_dt_kind kind)
{
	struct psobj_value v = psobj_datetime(ticks, kind == PS_DT_UTC);

	if (kind == PS_DT_UNSPECIFIED)
		v.d = 1;
	return v;
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

void
ps_civil_of(long long ticks, struct ps_civil *c)
{
	long long days = ticks / PS_TICKS_PER_DAY, z = days - EPOCH_DAYS + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097, doe, yoe, doy, mp;
	long long secs = ticks / PS_TICKS_PER_SECOND % 86400;

	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	c->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	c->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	c->year = (int)(yoe + era * 400 + (c->month <= 2));
	c->hour = (int)(secs / 3600);
	c->minute = (int)(secs / 60 % 60);
	c->second = (int)(secs % 60);
	c->frac = (long)(ticks % PS_TICKS_PER_SECOND);
	c->wday = (int)((days + 1) % 7);		/* 0001-01-01: a Monday */
	c->yday = (int)(days - (days_from_civil(c->year, 1, 1) + EPOCH_DAYS)) + 1;
}

long long
ps_ticks_of(int year, int month, int day, int hour, int minute, int second,
    long frac)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
	    day > month_days(year, month) || hour < 0 || hour > 23 ||
	    minute < 0 || minute > 59 || second < 0 || second > 59 ||
	    frac < 0 || frac >= PS_TICKS_PER_SECOND)
		return -1;
	return (days_from_civil(year, month, day) + EPOCH_DAYS) *
	    PS_TICKS_PER_DAY + ((long long)hour * 3600 + minute * 60 + second) *
	    PS_TICKS_PER_SECOND + frac;
}

long
ps_local_offset(long long ticks, bool utc_based)
{
	long long secs = (ticks - EPOCH_TICKS) / PS_TICKS_PER_SECOND;
	time_t t = (time_t)secs;
	struct tm tm;
	struct ps_civil c;

	if (utc_based)
		return localtime_r(&t, &tm) != NULL ? tm.tm_gmtoff : 0;
	/* a local clock reading: which UTC instant shows it */
	ps_civil_of(ticks, &c);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = c.year - 1900;
	tm.tm_mon = c.month - 1;
	tm.tm_mday = c.day;
	tm.tm_hour = c.hour;
	tm.tm_min = c.minute;
	tm.tm_sec = c.second;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return t == (time_t)-1 ? 0 : (long)(secs - (long long)t);
}

struct psobj_value
ps_datetime_now(bool utc)
{
	struct timespec ts;
	long long ticks;

	clock_gettime(CLOCK_REALTIME, &ts);
	ticks = EPOCH_TICKS + (long long)ts.tv_sec * PS_TICKS_PER_SECOND +
	    ts.tv_nsec / 100;
	if (utc)
		return ps_dt_value(ticks, PS_DT_UTC);
	return ps_dt_value(ticks + ps_local_offset(ticks, true) *
	    PS_TICKS_PER_SECOND, PS_DT_LOCAL);
}

/* ---- DateTime.Parse (InvariantCulture) -------------------------------- */

struct dt_scan {
	const char *p;
	int	year, month, day, hour, minute, second;
	long	frac;
	bool	have_date, have_time, have_zone;
	long	zone;		/* seconds east of UTC */
};

static void
skip_space(struct dt_scan *s)
{
	while (isspace((unsigned char)*s->p))
		s->p++;
}

/* A number of up to max digits; -1 when none.  *nd: how many digits. */
static long
scan_num(struct dt_scan *s, int max, int *nd)
{
	long v = 0;
	int n = 0;

	while (isdigit((unsigned char)*s->p) && n < max) {
		v = v * 10 + (*s->p++ - '0');
		n++;
	}
	if (nd != NULL)
		*nd = n;
	return n > 0 ? v : -1;
}

/* A month or day name (full or three letters); its index, or -1. */
static int
scan_name(struct dt_scan *s, const char *const *names, int n)
{
	size_t len = 0;
	int i;

	while (isalpha((unsigned char)s->p[len]))
		len++;
	for (i = 0; i < n && len >= 3; i++)
		if ((len == 3 || len == strlen(names[i])) &&
		    strncasecmp(s->p, names[i], len) == 0) {
			s->p += len;
			return i;
		}
	return -1;
}

static int
two_digit_year(long y, int nd)
{
	if (nd > 2)
		return (int)y;
	return (int)(y <= 29 ? 2000 + y : 1900 + y);	/* TwoDigitYearMax 2029 */
}

/* yyyy-M-d, yyyy/M/d, M/d/yyyy, M/d, M-d-yyyy */
static int
scan_numeric_date(struct dt_scan *s)
{
	int nd1, nd3 = 0;
	long a = scan_num(s, 4, &nd1), b, c = -1;
	char sep = *s->p;

	if (a < 0 || (sep != '/' && sep != '-' && sep != '.'))
		return -1;
	s->p++;
	if ((b = scan_num(s, 2, NULL)) < 0)
		return -1;
	if (*s->p == sep) {
		s->p++;
		if ((c = scan_num(s, 4, &nd3)) < 0)
			return -1;
	}
	if (nd1 == 4) {				/* year first */
		if (c < 0)
			return -1;
		s->year = (int)a;
		s->month = (int)b;
		s->day = (int)c;
	} else {
		s->month = (int)a;
		s->day = (int)b;
		s->year = c < 0 ? -1 : two_digit_year(c, nd3);
	}
	s->have_date = true;
	return 0;
}

/* December 1, 2026 / Dec 1 2026 / 1 December 2026 */
static int
scan_named_date(struct dt_scan *s)
{
	const char *save = s->p;
	long day, year = -1;
	int m, nd = 0;

	if ((m = scan_name(s, month_names, 12)) >= 0) {
		skip_space(s);
		if ((day = scan_num(s, 2, NULL)) < 0)
			return -1;
	} else {
		if ((day = scan_num(s, 2, NULL)) < 0)
			return -1;
		skip_space(s);
		if ((m = scan_name(s, month_names, 12)) < 0) {
			s->p = save;
			return -1;
		}
	}
	if (*s->p == ',')
		s->p++;
	skip_space(s);
	for (nd = 0; isdigit((unsigned char)s->p[nd]); nd++)
		;
	if (nd > 0 && s->p[nd] != ':')		/* not the hour of a time */
		year = scan_num(s, 4, &nd);
	s->month = m + 1;
	s->day = (int)day;
	s->year = year < 0 ? -1 : two_digit_year(year, nd);
	s->have_date = true;
	return 0;
}

/* h:mm[:ss[.fffffff]] [AM|PM], or h AM */
static int
scan_time(struct dt_scan *s)
{
	long h = scan_num(s, 2, NULL), m = 0, sec = 0, f = 0;
	bool colon = false;
	int nd = 0;

	if (h < 0)
		return -1;
	if (*s->p == ':') {
		colon = true;
		s->p++;
		if ((m = scan_num(s, 2, NULL)) < 0)
			return -1;
		if (*s->p == ':') {
			s->p++;
			if ((sec = scan_num(s, 2, NULL)) < 0)
				return -1;
			if (*s->p == '.' && isdigit((unsigned char)s->p[1])) {
				s->p++;
				f = scan_num(s, 7, &nd);
				while (nd++ < 7)
					f *= 10;
				while (isdigit((unsigned char)*s->p))
					s->p++;
			}
		}
	}
	skip_space(s);
	if (strncasecmp(s->p, "AM", 2) == 0 || strncasecmp(s->p, "PM", 2) == 0) {
		if (h > 12 || h == 0)
			return -1;
		h = h % 12 + (toupper((unsigned char)*s->p) == 'P' ? 12 : 0);
		s->p += 2;
	} else if (!colon) {
		return -1;
	}
	s->hour = (int)h;
	s->minute = (int)m;
	s->second = (int)sec;
	s->frac = f;
	s->have_time = true;
	return 0;
}

/* Z, GMT, UTC, +hh:mm, -hhmm */
static int
scan_zone(struct dt_scan *s)
{
	long h, m = 0;
	int sign;

	if (*s->p == 'Z' || *s->p == 'z') {
		s->p++;
	} else if (strncasecmp(s->p, "GMT", 3) == 0 ||
	    strncasecmp(s->p, "UTC", 3) == 0) {
		s->p += 3;
	} else if (*s->p == '+' || *s->p == '-') {
		sign = *s->p++ == '-' ? -1 : 1;
		if ((h = scan_num(s, 2, NULL)) < 0 || h > 14)
			return -1;
		if (*s->p == ':')
			s->p++;
		if (isdigit((unsigned char)*s->p) && (m = scan_num(s, 2, NULL)) > 59)
			return -1;
		s->zone = sign * (h * 3600 + m * 60);
	} else {
		return 0;
	}
	s->have_zone = true;
	return 0;
}

/* The date, if the text starts with one (a time alone is today's). */
static void
scan_date_part(struct dt_scan *s)
{
	const char *save;

	skip_space(s);
	if (scan_name(s, day_names, 7) >= 0) {	/* Tuesday, ... */
		if (*s->p == ',')
			s->p++;
		skip_space(s);
	}
	save = s->p;
	if (scan_numeric_date(s) == 0)
		return;
	s->p = save;
	if (scan_named_date(s) != 0)
		s->p = save;
}

int
ps_datetime_parse(const char *str, long long *ticks, enum ps_dt_kind *kind)
{
	struct dt_scan s;
	struct ps_civil today;
	long long t;

	memset(&s, 0, sizeof(s));
	s.p = str;
	scan_date_part(&s);
	if (s.have_date && (*s.p == 'T' || *s.p == 't'))
		s.p++;
	skip_space(&s);
	if (isdigit((unsigned char)*s.p) && scan_time(&s) != 0)
		return -1;
	skip_space(&s);
	if (scan_zone(&s) != 0)
		return -1;
	skip_space(&s);
	if (*s.p != '\0' || (!s.have_date && !s.have_time))
		return -1;
	ps_civil_of(ps_datetime_now(false).i, &today);
	if (!s.have_date || s.year < 0) {
		s.year = today.year;
		if (!s.have_date) {
			s.month = today.month;
			s.day = today.day;
		}
	}
	t = ps_ticks_of(s.year, s.month, s.day, s.hour, s.minute, s.second,
	    s.frac);
	if (t < 0)
		return -1;
	*kind = PS_DT_UNSPECIFIED;
	if (s.have_zone) {	/* an instant: shown in local time */
		t -= s.zone * PS_TICKS_PER_SECOND;
		t += ps_local_offset(t, true) * PS_TICKS_PER_SECOND;
		*kind = PS_DT_LOCAL;
	}
	*ticks = t;
	return 0;
}

/* ---- ToString(format), en-US ------------------------------------------ */

/* The en-US pattern of a standard format letter; NULL when none. */
static const char *
standard_pattern(char f)
{
	switch (f) {
	case 'd': return "M/d/yyyy";
	case 'D': return "dddd, MMMM d, yyyy";
	case 'f': return "dddd, MMMM d, yyyy h:mm tt";
	case 'F': return "dddd, MMMM d, yyyy h:mm:ss tt";
	case 'g': return "M/d/yyyy h:mm tt";
	case 'G': return "M/d/yyyy h:mm:ss tt";
	case 'm': case 'M': return "MMMM d";
	case 'o': case 'O':
		return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
	case 'r': case 'R': return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
	case 's': return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
	case 't': return "h:mm tt";
	case 'T': return "h:mm:ss tt";
	case 'u': return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
	case 'U': return "dddd, MMMM d, yyyy h:mm:ss tt";
	case 'y': case 'Y': return "MMMM yyyy";
	default: return NULL;
	}
}

struct dt_fmt {
	FILE	*m;
	long long ticks;
	enum ps_dt_kind kind;
	struct ps_civil c;
};

static size_t
run_length(const char *p)
{
	size_t n = 1;

	while (p[n] == p[0])
		n++;
	return n;
}

/* z, zz, zzz and K */
static void
put_offset(struct dt_fmt *f, size_t n, bool k)
{
	long off;

	if (k && f->kind == PS_DT_UNSPECIFIED)
		return;
	if (k && f->kind == PS_DT_UTC) {
		fputc('Z', f->m);
		return;
	}
	/* zzz on a Utc value: the local offset, as .NET Framework does */
	off = ps_local_offset(f->ticks, false);
	fputc(off < 0 ? '-' : '+', f->m);
	if (off < 0)
		off = -off;
	if (n == 1 && !k)
		fprintf(f->m, "%ld", off / 3600);
	else if (n == 2 && !k)
		fprintf(f->m, "%02ld", off / 3600);
	else
		fprintf(f->m, "%02ld:%02ld", off / 3600, off / 60 % 60);
}

/*
 * Fractions of a second: f.. (all digits) or F.. (trailing zeros dropped;
 * none at all drops the '.' before them too, which *dot holds back).
 */
static int
put_fraction(struct dt_fmt *f, size_t n, bool upper, bool *dot)
{
	char digits[8];
	size_t len = n;

	if (n > 7)
		return -1;
	snprintf(digits, sizeof(digits), "%07ld", f->c.frac);
	if (upper)
		while (len > 0 && digits[len - 1] == '0')
			len--;
	if (*dot && len > 0)
		fputc('.', f->m);
	*dot = false;
	fwrite(digits, 1, len, f->m);
	return 0;
}

/* One run of a pattern letter; -1 on a bad format. */
static int
put_field(struct dt_fmt *f, char ch, size_t n)
{
	const struct ps_civil *c = &f->c;
	int h12 = c->hour % 12 == 0 ? 12 : c->hour % 12;

	switch (ch) {
	case 'd':
		if (n <= 2)
			fprintf(f->m, n == 1 ? "%d" : "%02d", c->day);
		else
			fprintf(f->m, n == 3 ? "%.3s" : "%s", day_names[c->wday]);
		return 0;
	case 'M':
		if (n <= 2)
			fprintf(f->m, n == 1 ? "%d" : "%02d", c->month);
		else
			fprintf(f->m, n == 3 ? "%.3s" : "%s",
			    month_names[c->month - 1]);
		return 0;
	case 'y':
		if (n <= 2)
			fprintf(f->m, n == 1 ? "%d" : "%02d", c->year % 100);
		else
			fprintf(f->m, "%0*d", (int)n, c->year);
		return 0;
	case 'h':
		fprintf(f->m, n == 1 ? "%d" : "%02d", h12);
		return 0;
	case 'H':
		fprintf(f->m, n == 1 ? "%d" : "%02d", c->hour);
		return 0;
	case 'm':
		fprintf(f->m, n == 1 ? "%d" : "%02d", c->minute);
		return 0;
	case 's':
		fprintf(f->m, n == 1 ? "%d" : "%02d", c->second);
		return 0;
	case 't':
		fprintf(f->m, "%.*s", n == 1 ? 1 : 2, c->hour < 12 ? "AM" : "PM");
		return 0;
	case 'g':
		fputs("A.D.", f->m);
		return 0;
	case 'z':
	case 'K':
		put_offset(f, n, ch == 'K');
		return 0;
	default:
		return -1;
	}
}

/* A quoted literal 'x' or "x" starting at *pp; -1 when unclosed. */
static int
put_quoted(struct dt_fmt *f, const char **pp)
{
	const char *p = *pp;
	char q = *p++;

	for (; *p != q; p++) {
		if (*p == '\0')
			return -1;
		if (*p == '\\' && p[1] != '\0')
			p++;
		fputc(*p, f->m);
	}
	*pp = p;
	return 0;
}

static int
put_custom(struct dt_fmt *f, const char *p)
{
	bool dot = false;
	size_t n;

	for (; *p != '\0'; p++) {
		if (*p == '\'' || *p == '"') {
			if (put_quoted(f, &p) != 0)
				return -1;
		} else if (*p == '\\' || *p == '%') {
			if (p[1] == '\0')
				return -1;
			if (*p == '\\')
				fputc(*++p, f->m);
		} else if (*p == '.' && p[1] == 'F') {
			dot = true;
		} else if (*p == 'f' || *p == 'F') {
			n = run_length(p);
			if (put_fraction(f, n, *p == 'F', &dot) != 0)
				return -1;
			p += n - 1;
		} else if (strchr("dMyhHmstgzK", *p) != NULL) {
			n = *p == 'K' ? 1 : run_length(p);
			if (put_field(f, *p, n) != 0)
				return -1;
			p += n - 1;
		} else {
			fputc(*p, f->m);	/* ':' and '/' are en-US's own */
		}
	}
	return 0;
}

char *
ps_datetime_text(long long ticks, enum ps_dt_kind kind, const char *fmt)
{
	struct dt_fmt f;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if (fmt == NULL || *fmt == '\0')
		fmt = "G";
	if (fmt[1] == '\0') {
		if (*fmt == 'U' && kind != PS_DT_UTC) {
			ticks -= ps_local_offset(ticks, false) * PS_TICKS_PER_SECOND;
			kind = PS_DT_UTC;
		}
		if ((fmt = standard_pattern(*fmt)) == NULL) {
			errno = EINVAL;
			return NULL;
		}
	}
	f.ticks = ticks;
	f.kind = kind;
	ps_civil_of(ticks, &f.c);
	if ((f.m = open_memstream(&buf, &len)) == NULL)
		return NULL;
	rc = put_custom(&f, fmt);
	if (fclose(f.m) != 0 || rc != 0) {
		free(buf);
		errno = rc != 0 ? EINVAL : ENOMEM;
		return NULL;
	}
	return buf;
}

char *
ps_datetime_format(long long ticks, bool utc, const char *fmt)
{
	return ps_datetime_text(ticks, utc ? PS_DT_UTC : PS_DT_LOCAL, fmt);
}

char *
ps_datetime_invariant(long long ticks)
{
	return ps_datetime_text(ticks, PS_DT_UNSPECIFIED, "MM/dd/yyyy HH:mm:ss");
}
