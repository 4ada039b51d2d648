# tnc: Test-NetConnection for Linux.  See README.md.
#
#   make            build ./tnc
#   make demo       the Managed Instance link check against a throwaway listener
#   make check      unit tests (Check) and integration tests (real sockets)
#   make fuzz       the libFuzzer harnesses (tests/fuzz/); make fuzz-smoke runs
#                   each for FUZZ_SECONDS (CI); make valgrind: memcheck
#   make install    PREFIX=/usr/local DESTDIR=  (tnc + Test-NetConnection link)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
PKGS     = libcurl libpcre2-8
# Debian packages behind PKGS, check and the test tools, in deps order
DEB_PKGS = build-essential pkg-config libcurl4-openssl-dev libpcre2-dev check
# ... and what the integration tests drive: namespaces, nftables, a DNS server
# (dnsmasq-base: the binary without a system service), peers
TEST_DEB_PKGS = iproute2 nftables dnsmasq-base netcat-openbsd ethtool util-linux mount procps iputils-ping
VERSION  = 0.1.0

CC      ?= cc
CPPFLAGS += -D_GNU_SOURCE -DTNC_VERSION='"$(VERSION)"' -I. -Ishim -MMD -MP
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Wformat=2 -Wmissing-prototypes -Wpointer-arith \
           -Wshadow $(SANITIZE)
PKG_CFLAGS   = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

# The program's layers (README "Layout"): shim/base, shim/engine, shim/objects,
# shim/runtime and parsers/. Every .c there is part of the program; main.c is
# left out of the test binaries. Includes name their layer: "engine/resolve.h".
LAYERS    = shim/base shim/engine shim/objects shim/runtime parsers
LIB_SRCS  = $(wildcard $(addsuffix /*.c,$(LAYERS)))
LIB_OBJS  = $(LIB_SRCS:.c=.o)
UNIT_SRCS = $(wildcard tests/check_*.c)
UNIT_BINS = $(UNIT_SRCS:.c=)
TEST_TOOLS = tests/tools/listener tests/tools/tsql_eval tests/tools/measure tests/tools/engine_bench

.PHONY: all deps demo check unit integration install uninstall clean bench \
	fuzz fuzz-deps fuzz-smoke valgrind

all: tnc

deps:
	@./tests/tools/deps.sh $(DEB_PKGS)

%.o: %.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# header dependencies, written by -MMD
-include $(LIB_OBJS:.o=.d) shim/main.d $(UNIT_BINS:=.d)

tnc: shim/main.o $(LIB_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

tests/check_%: tests/check_%.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(CHECK_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) $(CHECK_LIBS)

# check_tsql compiles the evaluator's source into its test binary
tests/check_tsql: tests/tools/tsql_eval.c

tests/tools/%: tests/tools/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $<

# the engine's driver for the benchmark links the program's layers
tests/tools/engine_bench: tests/tools/engine_bench.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS)

-include $(TEST_TOOLS:=.d)

demo: deps
	@$(MAKE) --no-print-directory tnc $(TEST_TOOLS)
	@./tests/tools/demo.sh

# 'check' fails when any test fails: no leading '-' anywhere below.
check: deps
	@./tests/tools/deps.sh $(TEST_DEB_PKGS)
	@$(MAKE) --no-print-directory unit integration

unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

integration: tnc $(TEST_TOOLS)
	@./tests/run-integration.sh

bench: tnc $(TEST_TOOLS)
	@./tests/bench.sh
	@./tests/bench_scale.sh

# --- Fuzzing (README "Reliability") ---------------------------------------
# clang's libFuzzer with AddressSanitizer and UBSan. The harnesses link no
# network code at all: the engine's sockets, resolver and netlink objects
# (and base's raw socket, which only the engine opens) are left out and
# tests/fuzz/fake_net.c answers instead, and fuzz-no-network proves it
# from the binaries' symbols.
FUZZ_DEB_PKGS = clang-14 libclang-rt-14-dev
FUZZ_CC      = clang-14
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  = -g -O1 -std=c11 -Wall -Wextra -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_OBJ     = tests/fuzz/obj
NET_SRCS     = $(filter-out shim/engine/diag.c shim/engine/tnc_result.c \
	       shim/engine/engine.c shim/engine/loop.c shim/engine/budget.c, \
	       $(wildcard shim/engine/*.c)) shim/base/raw_socket.c
FUZZ_LIB_OBJS = $(patsubst %.c,$(FUZZ_OBJ)/%.o,$(filter-out $(NET_SRCS),$(LIB_SRCS)))
FUZZERS      = tests/fuzz/fuzz_script tests/fuzz/fuzz_main tests/fuzz/fuzz_format \
	       tests/fuzz/fuzz_ast tests/fuzz/fuzz_ops
FUZZ_SECONDS ?= 20
# what no fuzz binary may call: sockets, name lookups, libcurl transfers
NET_SYMBOLS  = socket|connect|sendto|sendmsg|getaddrinfo|getaddrinfo_a|gethostbyname|curl_easy_init|curl_multi_init|curl_easy_perform

fuzz-deps:
	@./tests/tools/deps.sh $(DEB_PKGS) $(FUZZ_DEB_PKGS)

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZERS) fuzz-no-network

$(FUZZ_OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c -o $@ $<

# main() as a function the harness calls
$(FUZZ_OBJ)/tnc_main.o: shim/main.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Dmain=tnc_main -DTNC_FUZZ_BOUNDS $(PKG_CFLAGS) -c -o $@ $<

FUZZ_ALL_OBJS = $(FUZZ_LIB_OBJS) $(FUZZ_OBJ)/tnc_main.o \
	$(patsubst %,$(FUZZ_OBJ)/%.o,$(FUZZERS) tests/fuzz/fake_net)

tests/fuzz/fuzz_main: $(FUZZ_OBJ)/tnc_main.o
tests/fuzz/fuzz_%: $(FUZZ_OBJ)/tests/fuzz/fuzz_%.o \
    $(FUZZ_OBJ)/tests/fuzz/fake_net.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

-include $(FUZZ_ALL_OBJS:.o=.d)
.SECONDARY: $(FUZZ_ALL_OBJS)		# kept: make fuzz rebuilds only what changed

# Every object a harness is made of: none may call the network (the final
# binaries cannot tell: the sanitizers define some of these themselves).
fuzz-no-network: $(FUZZERS) $(FUZZ_ALL_OBJS)
	@for o in $(FUZZ_ALL_OBJS); do \
		syms=$$(nm -u $$o) || exit 1; \
		if echo "$$syms" | grep -Ew '$(NET_SYMBOLS)'; then \
			echo "$$o: can reach the network"; exit 1; fi; \
	done; echo "fuzz: no object of a harness calls a socket, resolver or transfer"

# Each harness for FUZZ_SECONDS on a scratch corpus seeded from
# tests/fuzz/seeds/, with the dictionary; a finding fails the target and
# leaves its input in tests/fuzz/findings/.
fuzz-smoke: fuzz
	@./tests/fuzz/run.sh $(FUZZ_SECONDS)

# memcheck over a representative set of commands, loopback only (optional)
valgrind: tnc $(TEST_TOOLS)
	@./tests/tools/deps.sh valgrind iproute2 util-linux
	@./tests/tools/valgrind.sh

install: tnc
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 tnc $(DESTDIR)$(BINDIR)/tnc
	ln -sf tnc $(DESTDIR)$(BINDIR)/Test-NetConnection

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tnc $(DESTDIR)$(BINDIR)/Test-NetConnection

clean:
	rm -f tnc shim/*.[od] $(addsuffix /*.[od],$(LAYERS)) $(UNIT_BINS) \
	    $(UNIT_BINS:=.d) $(TEST_TOOLS) $(TEST_TOOLS:=.d) $(FUZZERS)
	rm -rf $(FUZZ_OBJ)

# linking and shipping: the lean libcurl, make static, deb, rpm (issue 12)
include dist/dist.mk
