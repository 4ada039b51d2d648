# tnc: Test-NetConnection for Linux.  See README.md.
#
#   make            build ./tnc
#   make demo       the Managed Instance link check against a throwaway listener
#   make check      unit tests (Check) and integration tests (real sockets)
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

.PHONY: all deps demo check unit integration install uninstall clean bench

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

install: tnc
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 tnc $(DESTDIR)$(BINDIR)/tnc
	ln -sf tnc $(DESTDIR)$(BINDIR)/Test-NetConnection

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tnc $(DESTDIR)$(BINDIR)/Test-NetConnection

clean:
	rm -f tnc shim/*.[od] $(addsuffix /*.[od],$(LAYERS)) $(UNIT_BINS) \
	    $(UNIT_BINS:=.d) $(TEST_TOOLS) $(TEST_TOOLS:=.d)

# linking and shipping: the lean libcurl, make static, deb, rpm (issue 12)
include dist/dist.mk
