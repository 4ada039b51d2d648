/* fake_net.c: outcomes from names, for the fuzz harnesses (no sockets). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_impl.h"
#include "engine/host.h"
#include "engine/netconnection.h"
#include "tests/fuzz/fake_net.h"

/* A small hash of the name: the outcome, stable from run to run */
static unsigned
name_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* A warning, as the engine gives it; false when -WarningAction Stop ended it */
static bool
warn(const struct tnc_options *o, struct tnc_diag *d, const char *text)
{
	diag_warn(d, "%s", text);
	if (o->warning_action == TNC_ACTION_STOP) {
		d->stopped = true;
		return false;
	}
	return true;
}

static void
fake_address(struct tnc_address *a, unsigned h)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&a->sa;

	memset(a, 0, sizeof(*a));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(0xC6120000u | (h & 0xFFFF));	/* 198.18/16 */
	a->sa_len = sizeof(*sin);
	inet_ntop(AF_INET, &sin->sin_addr, a->text, sizeof(a->text));
}

int
fake_tnc_run(const struct tnc_options *o, struct tnc_result *r,
    struct tnc_diag *d)
{
	const char *name = o->computer_name != NULL ? o->computer_name : "";
	unsigned h = name_hash(name), kind = h % 7;
	char text[512];

	memset(r, 0, sizeof(*r));
	r->remote_index = -1;
	r->detailed = o->information_level == TNC_INFO_DETAILED;
	if (kind == 5) {
		snprintf(d->error, sizeof(d->error), "fake machine failure");
		return TNC_RUN_FAILURE;
	}
	if (kind == 6 && (h & 0x100)) {
		snprintf(d->error, sizeof(d->error), "fake bad option");
		return TNC_RUN_BAD_OPTION;
	}
	if ((r->computer_name = strdup(name)) == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		return TNC_RUN_FAILURE;
	}
	if (kind == 4) {
		snprintf(text, sizeof(text), "Name resolution of %.400s failed",
		    name);
		warn(o, d, text);
		return 0;
	}
	r->name_resolution_succeeded = true;
	r->nresolved = 1 + h % 3;
	r->resolved = calloc(r->nresolved, sizeof(*r->resolved));
	if (r->resolved == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		return TNC_RUN_FAILURE;
	}
	for (size_t i = 0; i < r->nresolved; i++)
		fake_address(&r->resolved[i], h + (unsigned)i);
	r->remote_index = 0;
	snprintf(r->interface_alias, sizeof(r->interface_alias), "eth%u", h % 3);
	r->interface_index = 2 + h % 3;
	snprintf(r->source_address, sizeof(r->source_address), "198.18.1.2");
	snprintf(r->next_hop, sizeof(r->next_hop), "198.18.1.1");
	r->is_admin = (h & 0x200) != 0;
	r->network_isolation_context = "Private Network";
	r->remote_port = (unsigned)o->port;
	if (o->port != 0 && kind <= 1) {
		r->tcp_test_succeeded = true;
		return 0;
	}
	if (o->port != 0) {
		snprintf(text, sizeof(text), "TCP connect to (%s : %d) failed",
		    r->resolved[0].text, o->port);
		if (!warn(o, d, text))
			return 0;
		diag_note(d, "%s:%d: connection refused (TCP reset)",
		    r->resolved[0].text, o->port);
	}
	r->ping_reply_present = kind != 3;
	r->ping_succeeded = kind == 2;
	r->ping_status = kind == 2 ? TNC_PING_SUCCESS : TNC_PING_TIMED_OUT;
	if (!r->ping_succeeded) {
		snprintf(text, sizeof(text), "Ping to %s failed with status: "
		    "TimedOut", r->resolved[0].text);
		if (!warn(o, d, text))
			return 0;
	}
	if (o->trace_route && o->port == 0) {
		r->ntrace = (size_t)(1 + h % (o->hops > 0 ? (unsigned)o->hops : 1) % 4);
		r->trace_route = calloc(r->ntrace, sizeof(*r->trace_route));
		if (r->trace_route == NULL) {
			r->ntrace = 0;
			snprintf(d->error, sizeof(d->error), "out of memory");
			return TNC_RUN_FAILURE;
		}
		for (size_t i = 0; i < r->ntrace; i++)
			r->trace_route[i] = strdup(i + 1 == r->ntrace ?
			    r->resolved[0].text : "0.0.0.0");
	}
	return 0;
}

int
fake_route_diagnose(const struct tnc_options *o, struct route_diag *rd,
    struct tnc_diag *d)
{
	const char *name = o->computer_name != NULL ? o->computer_name : "";
	unsigned h = name_hash(name);
	char text[512];
	struct tnc_address a;

	memset(rd, 0, sizeof(*rd));
	rd->constrain_source = strdup(o->constrain_source_address != NULL ?
	    o->constrain_source_address : "");
	rd->constrain_ifindex = o->constrain_interface;
	rd->detailed = o->information_level == TNC_INFO_DETAILED;
	if (h % 5 == 4) {
		snprintf(d->error, sizeof(d->error), "fake machine failure");
		return TNC_RUN_FAILURE;
	}
	if ((rd->computer_name = strdup(name)) == NULL ||
	    rd->constrain_source == NULL) {
		snprintf(d->error, sizeof(d->error), "out of memory");
		return TNC_RUN_FAILURE;
	}
	if (h % 5 == 3) {
		snprintf(text, sizeof(text), "Name resolution of %.400s failed",
		    name);
		warn(o, d, text);
		return 0;
	}
	rd->resolved = true;
	fake_address(&a, h);
	snprintf(rd->remote_address, sizeof(rd->remote_address), "%s", a.text);
	if (h % 5 == 2)
		return 0;		/* no route */
	snprintf(rd->selected_source, sizeof(rd->selected_source),
	    "198.18.1.2");
	rd->out_ifindex = 2;
	snprintf(rd->out_ifalias, sizeof(rd->out_ifalias), "lab0");
	rd->has_route = true;
	snprintf(rd->prefix, sizeof(rd->prefix), "0.0.0.0/0");
	snprintf(rd->next_hop, sizeof(rd->next_hop), "198.18.1.1");
	rd->succeeded = true;
	return 0;
}

/*
 * The engine's entry points, which a fuzz binary links here instead of
 * from netconnection.c and route_diagnostics.c: whatever calls them gets
 * the fake.
 */
int
tnc_run(const struct tnc_options *o, struct tnc_result *r, struct tnc_diag *d)
{
	return fake_tnc_run(o, r, d);
}

int
route_diagnose(const struct tnc_options *o, struct route_diag *rd,
    struct tnc_diag *d)
{
	return fake_route_diagnose(o, rd, d);
}

void
route_diag_free(struct route_diag *rd)
{
	free(rd->computer_name);
	free(rd->constrain_source);
	rd->computer_name = NULL;
	rd->constrain_source = NULL;
}

/*
 * The engine's network parts, for main() run whole (fuzz_main: no fake in
 * its engine_config): both test kinds answer from the fake above at once,
 * and the socket pools, the resolver and netlink are never opened.  With
 * engine_config.fake set (fuzz_script) none of this is reached.
 */
static void
fake_kind_start(struct engine_test *t)
{
	t->res->rc = t->o.diagnose_routing ?
	    fake_route_diagnose(&t->o, &t->res->rd, &t->res->d) :
	    fake_tnc_run(&t->o, &t->res->r, &t->res->d);
	engine_test_finish(t);
}

static void
fake_kind_nothing(struct engine_test *t)
{
	(void)t;
}

const struct test_kind netconnection_kind = { fake_kind_start,
	fake_kind_nothing, fake_kind_nothing };
const struct test_kind route_diag_kind = { fake_kind_start,
	fake_kind_nothing, fake_kind_nothing };

/* Opaque handles that are never opened: their address alone is used */
static char no_pool, no_hub, no_resolver;

void
route_nl_init(struct route_nl *nl)
{
	memset(nl, 0, sizeof(*nl));
	nl->fd = -1;
}

void
route_nl_close(struct route_nl *nl)
{
	nl->fd = -1;
}

bool
tnc_is_admin(void)
{
	return false;
}

struct tcp_pool *
tcp_pool_new(struct loop *l, void (*released)(void *ctx), void *ctx,
    char *err, size_t errlen)
{
	(void)l, (void)released, (void)ctx, (void)err, (void)errlen;
	return (struct tcp_pool *)(void *)&no_pool;
}

void
tcp_pool_free(struct tcp_pool *p)
{
	(void)p;
}

unsigned
tcp_pool_sockets(const struct tcp_pool *p)
{
	(void)p;
	return 0;
}

struct icmp_hub *
icmp_hub_new(struct loop *l)
{
	(void)l;
	return (struct icmp_hub *)(void *)&no_hub;
}

void
icmp_hub_free(struct icmp_hub *h)
{
	(void)h;
}

unsigned
icmp_hub_reclaim(struct icmp_hub *h)
{
	(void)h;
	return 0;
}

struct resolver *
resolver_new(struct loop *l)
{
	(void)l;
	return (struct resolver *)(void *)&no_resolver;
}

void
resolver_free(struct resolver *r)
{
	(void)r;
}
