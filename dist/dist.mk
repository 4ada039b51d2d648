# dist/dist.mk: how tnc is linked, and how it is shipped (issue 12).
# Included at the end of the Makefile.
#
#   make                     ./tnc, linked with a lean libcurl of our own
#                            build (static) and Debian's libpcre2-8.a; only
#                            glibc is shared (README "Install")
#   make SYSTEM_LIBCURL=1    ./tnc, linked with Debian's shared libcurl and
#                            libpcre2-8 instead
#   make static              ./tnc-static: one fully static file (musl),
#                            no run-time dependency at all
#   make deb, make rpm       packages of tnc-static, in build/pkg/
#   make install-dist        what the packages install, into DESTDIR
#   make distclean           clean, and the cached libraries in build/ too
#
# The libraries are built once from Debian's source packages
# (dist/build-deps.sh) and cached under build/deps/; make clean keeps them.

BUILD      ?= build
DEPS_GLIBC  = $(BUILD)/deps/glibc
DEPS_MUSL   = $(BUILD)/deps/musl
MUSL_CC     = $(BUILD)/musl/cc
# what each build needs besides DEB_PKGS (tests/tools/deps.sh installs it)
STATIC_DEB_PKGS = musl-tools linux-libc-dev
PKG_DEB_PKGS    = debhelper lintian rpm libcap2-bin
TEST_DEB_PKGS  += libcap2-bin

.PHONY: static deb rpm install-dist uninstall-dist clean-dist distclean deps-lean FORCE

ifeq ($(SYSTEM_LIBCURL),)
# The lean link. libcurl comes from build/deps; its headers replace the
# system's, so every object waits for it (order-only: built once).
LINK_FLAVOUR = lean
DEB_PKGS    := $(filter-out libcurl4-openssl-dev,$(DEB_PKGS))
PKG_CFLAGS   = -I$(DEPS_GLIBC)/include $(shell pkg-config --cflags libpcre2-8 2>/dev/null)
PKG_LIBS     = $(DEPS_GLIBC)/lib/libcurl.a \
	       $(shell pkg-config --variable=libdir libpcre2-8 2>/dev/null)/libpcre2-8.a -lpthread
$(LIB_OBJS) shim/main.o $(UNIT_BINS): | $(DEPS_GLIBC)/VERSIONS
else
LINK_FLAVOUR = system
endif

# Switching flavours recompiles: the objects saw the other flavour's headers.
$(LIB_OBJS) shim/main.o: $(BUILD)/link-flavour
$(BUILD)/link-flavour: FORCE
	@mkdir -p $(@D)
	@echo $(LINK_FLAVOUR) | cmp -s - $@ || echo $(LINK_FLAVOUR) >$@

# A fresh machine: the exact apt-get line (or, as root, the install) before
# any compiler runs, never a missing header. Checked once per flavour.
$(LIB_OBJS) shim/main.o $(UNIT_BINS) $(TEST_TOOLS): | $(BUILD)/deps-ok.$(LINK_FLAVOUR)
$(BUILD)/deps-ok.%: Makefile dist/dist.mk
	@./tests/tools/deps.sh $(DEB_PKGS)
	@mkdir -p $(@D) && touch $@

$(BUILD)/src/%.path:
	@mkdir -p $(@D)
	@echo "build-deps: fetching Debian's source package $*" >&2
	@dist/fetch-source.sh $(BUILD)/src $* >$@.new && mv $@.new $@

$(DEPS_GLIBC)/VERSIONS: dist/build-deps.sh | $(BUILD)/src/curl.path $(BUILD)/deps-ok.lean
	@dist/build-deps.sh glibc $(BUILD)

$(DEPS_MUSL)/VERSIONS: dist/build-deps.sh | $(BUILD)/src/curl.path $(BUILD)/src/pcre2.path $(BUILD)/deps-ok.static
	@dist/build-deps.sh musl $(BUILD)

deps-lean: $(DEPS_GLIBC)/VERSIONS

$(BUILD)/deps-ok.static: Makefile dist/dist.mk
	@./tests/tools/deps.sh $(filter-out libcurl4-openssl-dev check,$(DEB_PKGS)) $(STATIC_DEB_PKGS)
	@mkdir -p $(@D) && touch $@

# ---- the fully static binary: the same sources, compiled for musl
STATIC_OBJS   = $(patsubst %.c,$(BUILD)/musl/%.o,$(LIB_SRCS) shim/main.c)
STATIC_CFLAGS = $(filter-out -fsanitize=% -fno-omit-frame-pointer,$(CFLAGS)) \
		-fstack-protector-strong -ffunction-sections -fdata-sections
STATIC_LDFLAGS = -static-pie -Wl,--gc-sections -Wl,-z,relro,-z,now

static: tnc-static

$(MUSL_CC): dist/musl-cc.sh | $(BUILD)/deps-ok.static
	@dist/musl-cc.sh $(@D)

$(BUILD)/musl/%.o: %.c | $(MUSL_CC) $(DEPS_MUSL)/VERSIONS
	@mkdir -p $(@D)
	$(MUSL_CC) $(CPPFLAGS) -I$(DEPS_MUSL)/include $(STATIC_CFLAGS) -c -o $@ $<

-include $(STATIC_OBJS:.o=.d)

# stripped: it is the file a DBA copies, and the one both packages ship
tnc-static: $(STATIC_OBJS) $(DEPS_MUSL)/VERSIONS
	$(MUSL_CC) $(STATIC_CFLAGS) $(STATIC_LDFLAGS) -o $@ $(STATIC_OBJS) \
	    $(DEPS_MUSL)/lib/libcurl.a $(DEPS_MUSL)/lib/libpcre2-8.a
	strip --strip-all $@

clean: clean-dist
clean-dist:
	rm -rf tnc-static $(BUILD)/musl $(BUILD)/pkg $(BUILD)/link-flavour

distclean: clean
	rm -rf $(BUILD)

FORCE:
