/*
 * fuzz_format.c: libFuzzer harness (c), the formatters and converters on
 * fuzzed objects. The input is read as a small program: it builds a list
 * of values (nulls, booleans, numbers, strings, arrays, objects with
 * fuzzed property names and type names, TestNetConnectionResult and
 * NetRouteDiagnostics objects from fuzzed results), then runs one of
 * Out-Default, Format-List, Format-Table, Out-String, ConvertTo-Json,
 * ConvertTo-Csv or Select-Object over it. Invariants: no crash, no NUL,
 * UTF-8 strings in give UTF-8 out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text_out.h"
#include "objects/convert_csv.h"
#include "objects/convert_json.h"
#include "objects/object_format.h"
#include "objects/out_string.h"
#include "objects/result_object.h"
#include "objects/route_diag_object.h"
#include "objects/select_object.h"
#include "tests/fuzz/byte_source.h"
#include "tests/fuzz/invariants.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* strings of up to 31 bytes */
#define STR_MOD	32

/*
 * A string into a fixed field of a result (an interface name has 16
 * bytes): a cut inside a character is the harness's doing, not tnc's,
 * so the run then no longer counts as UTF-8 in.
 */
static void
field(struct src *s, char *dst, size_t size)
{
	char buf[64];

	snprintf(dst, size, "%s", str_upto(s, buf, STR_MOD));
	if (!utf8_valid(dst, strlen(dst)))
		s->utf8 = false;
}

static const char *const type_names[] = { "TestNetConnectionResult",
	"NetRouteDiagnostics", "Selected.TestNetConnectionResult",
	"System.Net.IPAddress", "PSCustomObject" };
static const char *const int_types[] = { "System.Int32", "System.UInt32",
	"System.Int64" };

static int value(struct src *s, struct psobj_value *v, int depth);

/* A TestNetConnectionResult (or NetRouteDiagnostics) from fuzzed facts */
static int
result_value(struct src *s, struct psobj_value *v, bool route)
{
	struct tnc_result r;
	struct route_diag rd;
	struct tnc_address a[2];
	char name[64], src[] = "198.18.1.2", none[] = "";
	unsigned f = byte(s);
	int rc;

	memset(&r, 0, sizeof(r));
	memset(a, 0, sizeof(a));
	str_upto(s, name, STR_MOD);
	if (route) {
		memset(&rd, 0, sizeof(rd));
		rd.computer_name = name;
		rd.resolved = true;
		field(s, rd.remote_address, sizeof(rd.remote_address));
		rd.constrain_source = f & 1 ? src : none;
		rd.constrain_ifindex = f & 2 ? byte(s) : 0;
		field(s, rd.selected_source, sizeof(rd.selected_source));
		rd.out_ifindex = byte(s);
		rd.has_route = f & 4;
		field(s, rd.prefix, sizeof(rd.prefix));
		field(s, rd.next_hop, sizeof(rd.next_hop));
		rd.detailed = f & 8;
		rd.succeeded = f & 16;
		return route_diag_object_new(v, &rd, f & 32 ? PS_EDITION_74 :
		    PS_EDITION_51);
	}
	r.computer_name = name;
	r.detailed = f & 1;
	r.name_resolution_succeeded = f & 2;
	r.nresolved = byte(s) % 3;
	r.resolved = a;
	for (size_t i = 0; i < r.nresolved; i++)
		field(s, a[i].text, sizeof(a[i].text));
	r.remote_index = r.nresolved > 0 ? 0 : -1;
	r.remote_port = byte(s) | byte(s) << 8;
	r.tcp_test_succeeded = f & 4;
	r.ping_succeeded = f & 8;
	r.ping_reply_present = f & 16;
	r.ping_rtt_ms = byte(s);
	r.ping_status = byte(s) % (TNC_PING_UNKNOWN + 1);
	field(s, r.interface_alias, sizeof(r.interface_alias));
	field(s, r.source_address, sizeof(r.source_address));
	r.is_admin = f & 32;
	r.network_isolation_context = f & 64 ? "Internet" : NULL;
	rc = result_object_new(v, &r, f & 128 ? PS_EDITION_74 : PS_EDITION_51);
	return rc;
}

static int
object_value(struct src *s, struct psobj_value *v, int depth)
{
	char tbuf[64], nbuf[64];
	unsigned t = byte(s), n = byte(s) % 7, i;
	struct psobj *o = psobj_new(t % 8 < 5 ? type_names[t % 8] :
	    str_upto(s, tbuf, STR_MOD));
	struct psobj_value x;

	if (o == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		str_upto(s, nbuf, STR_MOD);
		if (value(s, &x, depth + 1) != 0) {
			psobj_value_free(&x);	/* what was built of it */
			psobj_free(o);
			return -1;
		}
		if (psobj_add(o, nbuf, x) != 0) {
			psobj_free(o);
			return -1;
		}
	}
	return psobj_object(v, o,
	    byte(s) & 1 ? str_upto(s, tbuf, STR_MOD) : NULL);
}

static int
value(struct src *s, struct psobj_value *v, int depth)
{
	char buf[64];
	unsigned k = byte(s) % (depth > 4 ? 4 : 9), i, n;
	unsigned long long x = 0;

	*v = psobj_null();
	switch (k) {
	case 0:
		return 0;
	case 1:
		*v = psobj_bool(byte(s) & 1);
		return 0;
	case 2:
		for (i = 0; i < 8; i++)
			x = x << 8 | byte(s);
		*v = psobj_int((long long)x, int_types[byte(s) % 3]);
		return 0;
	case 3:
		return psobj_string(v, str_upto(s, buf, STR_MOD));
	case 4:
		return psobj_enum(v, byte(s), "System.Net.Sockets.AddressFamily",
		    str_upto(s, buf, STR_MOD));
	case 5:
		n = byte(s) % 5;
		if (psobj_array(v, n, "System.Object[]") != 0)
			return -1;
		for (i = 0; i < n; i++)
			if (value(s, &v->items[i], depth + 1) != 0)
				return -1;
		return 0;
	case 6:
		return object_value(s, v, depth);
	case 7:
		return result_value(s, v, false);
	default:
		return result_value(s, v, true);
	}
}

/* The names a -Property gets, some of them wildcards */
static size_t
names(struct src *s, char bufs[][64], const char **v)
{
	static const char *const known[] = { "*", "Remote*", "ComputerName",
		"TcpTestSucceeded", "?cp*", "[a-z]*", "Nope" };
	size_t n = byte(s) % 4, i;

	for (i = 0; i < n; i++) {
		unsigned c = byte(s);

		v[i] = c % 2 ? known[c / 2 % 7] : str_upto(s, bufs[i], STR_MOD);
	}
	return n;
}

/* Checks the text of string values and frees them */
static void
check_values(struct psobj_value *v, size_t n, bool utf8)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == PSOBJ_STRING && utf8 &&
		    !utf8_valid(v[i].s, strlen(v[i].s)))
			fuzz_fail("UTF-8 in, not UTF-8 out", v[i].s,
			    strlen(v[i].s));
	select_values_free(v, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s = { data, size, true };
	struct psobj_value vals[8], *res;
	char bufs[4][64], err[256], *text = NULL, *e2 = NULL;
	const char *props[4];
	size_t n = 0, nres = 0, ntext = 0;
	unsigned op = byte(&s), f = byte(&s);
	enum ps_edition ed = f & 1 ? PS_EDITION_74 : PS_EDITION_51;
	struct format_spec fs;
	struct select_spec ss;
	struct text_out t;
	FILE *m;

	memset(&fs, 0, sizeof(fs));
	memset(&ss, 0, sizeof(ss));
	fs.props = ss.props = props;
	fs.nprops = ss.nprops = names(&s, bufs, props);
	fs.autosize = f & 2;
	fs.columns = byte(&s);
	while (n < 8 && s.n > 0)
		if (value(&s, &vals[n++], 0) != 0)
			break;
	m = open_memstream(&text, &ntext);
	if (m == NULL)
		abort();
	text_out_init(&t, m, f & 4 ? TNC_NEWLINE_CRLF : TNC_NEWLINE_LF);
	switch (op % 7) {
	case 0:
		object_format_out_default(vals, n, ed, fs.columns, &t);
		break;
	case 1:
		object_format_list(vals, n, &fs, ed, &t, err, sizeof(err));
		break;
	case 2:
		object_format_table(vals, n, &fs, ed, &t, err, sizeof(err));
		break;
	case 3:
		if (out_string(vals, n, ed, fs.columns, f & 4 ?
		    TNC_NEWLINE_CRLF : TNC_NEWLINE_LF, f & 8, &res, &nres) == 0)
			check_values(res, nres, s.utf8);
		break;
	case 4:
		if (convert_to_json(vals, n, (int)(f >> 4), f & 8, "\n",
		    &e2) == 0 && e2 != NULL && s.utf8 &&
		    !utf8_valid(e2, strlen(e2)))
			fuzz_fail("UTF-8 in, not UTF-8 out (JSON)", e2,
			    strlen(e2));
		free(e2);
		break;
	case 5:
		if (convert_to_csv(vals, n, f & 8, &res, &nres) == 0)
			check_values(res, nres, s.utf8);
		break;
	default:
		ss.expand = f & 8 ? "RemoteAddress" : NULL;
		ss.has_first = f & 16;
		ss.first = byte(&s);
		ss.has_last = f & 32;
		ss.last = byte(&s);
		if (select_object(vals, n, &ss, &res, &nres, NULL, &e2) >= 0)
			check_values(res, nres, s.utf8);
		free(e2);
		break;
	}
	text_out_finish(&t);
	fclose(m);
	if (memchr(text, '\0', ntext) != NULL)
		fuzz_fail("NUL byte in output", text, ntext);
	if (s.utf8 && !utf8_valid(text, ntext))
		fuzz_fail("UTF-8 in, not UTF-8 out", text, ntext);
	free(text);
	for (size_t i = 0; i < n; i++)
		psobj_value_free(&vals[i]);
	return 0;
}
