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
#   make check-dist          their tests: the static binary alone in an empty
#                            root, the .deb installed and purged, the .rpm
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
PKG_DEB_PKGS    = debhelper lintian rpm libcap2-bin mandoc
TEST_DEB_PKGS  += libcap2-bin

DEB_PKGS_ALL   := $(DEB_PKGS)

.PHONY: static deb rpm install-dist uninstall-dist check-dist clean-dist distclean \
	deps-lean FORCE

ifeq ($(SYSTEM_LIBCURL),)
# The lean link. libcurl comes from build/deps; its headers replace the
# system's, so every object waits for it (order-only: built once).
LINK_FLAVOUR = lean
DEB_PKGS    := $(filter-out libcurl4-openssl-dev,$(DEB_PKGS_ALL))
PKG_CFLAGS   = -I$(DEPS_GLIBC)/include $(shell pkg-config --cflags libpcre2-8 2>/dev/null)
PKG_LIBS     = $(DEPS_GLIBC)/lib/libcurl.a \
	       $(shell pkg-config --variable=libdir libpcre2-8 2>/dev/null)/libpcre2-8.a -lpthread -lm
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
$(BUILD)/deps-ok.lean: Makefile dist/dist.mk
	@./tests/tools/deps.sh $(filter-out libcurl4-openssl-dev,$(DEB_PKGS_ALL))
	@mkdir -p $(@D) && touch $@
$(BUILD)/deps-ok.system: Makefile dist/dist.mk
	@./tests/tools/deps.sh $(DEB_PKGS_ALL)
	@mkdir -p $(@D) && touch $@

$(DEPS_GLIBC)/VERSIONS: dist/build-deps.sh | $(BUILD)/deps-ok.lean
	@dist/build-deps.sh glibc $(BUILD)

$(DEPS_MUSL)/VERSIONS: dist/build-deps.sh | $(BUILD)/deps-ok.static
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
	strip --strip-all --remove-section=.comment $@

# ---- what the packages install (PREFIX=/usr), from one binary
DIST_BIN   ?= tnc-static
MANDIR     ?= $(PREFIX)/share/man
DOCDIR     ?= $(PREFIX)/share/doc/tnc
LIBEXECDIR ?= $(PREFIX)/libexec
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
UNITDIR    ?= $(PREFIX)/lib/systemd/system

install-dist: $(DIST_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DOCDIR)/sql $(DESTDIR)$(LIBEXECDIR)/tnc \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(UNITDIR)
	install -m 755 $(DIST_BIN) $(DESTDIR)$(BINDIR)/tnc
	ln -sf tnc $(DESTDIR)$(BINDIR)/Test-NetConnection
	install -m 644 dist/tnc.1 $(DESTDIR)$(MANDIR)/man1/tnc.1
	ln -sf tnc.1 $(DESTDIR)$(MANDIR)/man1/Test-NetConnection.1
	install -m 644 dist/tnc.bash-completion $(DESTDIR)$(BASHCOMPDIR)/tnc
	ln -sf tnc $(DESTDIR)$(BASHCOMPDIR)/Test-NetConnection
	install -m 644 fixtures/sql/*.sql $(DESTDIR)$(DOCDIR)/sql/
	install -m 755 fixtures/sql/tnc-milink-standalone.sh $(DESTDIR)$(LIBEXECDIR)/tnc/
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' \
	    dist/tnc-milink.service.in >$(DESTDIR)$(UNITDIR)/tnc-milink.service
	chmod 644 $(DESTDIR)$(UNITDIR)/tnc-milink.service
	install -m 644 dist/tnc-milink.timer $(DESTDIR)$(UNITDIR)/

uninstall-dist:
	rm -f $(DESTDIR)$(BINDIR)/tnc $(DESTDIR)$(BINDIR)/Test-NetConnection \
	    $(DESTDIR)$(MANDIR)/man1/tnc.1 $(DESTDIR)$(MANDIR)/man1/Test-NetConnection.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/tnc $(DESTDIR)$(BASHCOMPDIR)/Test-NetConnection \
	    $(DESTDIR)$(UNITDIR)/tnc-milink.service $(DESTDIR)$(UNITDIR)/tnc-milink.timer
	rm -rf $(DESTDIR)$(DOCDIR) $(DESTDIR)$(LIBEXECDIR)/tnc

# ---- packages of tnc-static. dist/debian is copied into a staging tree
# whose rules call back into this tree (TNC_SRC), so the binary, its cached
# libraries and the install list are this tree's.
PKG_DIR = $(BUILD)/pkg

DEB_STAGE = $(PKG_DIR)/deb/tnc-$(VERSION)

deb: tnc-static | $(BUILD)/deps-ok.pkg
	rm -rf $(PKG_DIR)/deb && mkdir -p $(DEB_STAGE)
	cp -r dist/debian $(DEB_STAGE)/debian
	cp dist/copyright $(DEB_STAGE)/debian/copyright
	sed -e '/@SETCAP@/{r dist/setcap.sh' -e 'd;}' dist/debian/postinst.in \
	    >$(DEB_STAGE)/debian/tnc.postinst
	rm $(DEB_STAGE)/debian/postinst.in
	dist/debian-changelog.sh $(VERSION) >$(DEB_STAGE)/debian/changelog
	cd $(DEB_STAGE) && TNC_SRC=$(CURDIR) TNC_DEPS=$(CURDIR)/$(DEPS_MUSL) \
	    dpkg-buildpackage -b -us -uc >../build.log 2>&1 || \
	    { tail -30 ../build.log; exit 1; }
	lintian --allow-root --fail-on error,warning $(PKG_DIR)/deb/*.changes
	@ls $(PKG_DIR)/deb/*.deb

rpm: tnc-static | $(BUILD)/deps-ok.pkg
	rm -rf $(PKG_DIR)/rpm && mkdir -p $(PKG_DIR)/rpm
	rpmbuild -bb --quiet --define "_topdir $(CURDIR)/$(PKG_DIR)/rpm" \
	    --define "tnc_src $(CURDIR)" --define "tnc_version $(VERSION)" \
	    dist/tnc.spec >$(PKG_DIR)/rpm/build.log 2>&1 || \
	    { tail -30 $(PKG_DIR)/rpm/build.log; exit 1; }
	@ls $(PKG_DIR)/rpm/RPMS/*/*.rpm

$(BUILD)/deps-ok.pkg: Makefile dist/dist.mk
	@./tests/tools/deps.sh $(PKG_DEB_PKGS)
	@mkdir -p $(@D) && touch $@

# ---- their tests (root: namespaces, chroot, the package installed and purged)
check-dist: tnc-static $(TEST_TOOLS) deb rpm
	@./tests/tools/deps.sh $(TEST_DEB_PKGS)
	@echo "== man page (mandoc -Tlint)" && mandoc -Tlint -Wwarning dist/tnc.1
	@echo "== bash completion" && tests/dist/completion.sh
	@tests/dist/static-root.sh
	@tests/dist/packages.sh

clean: clean-dist
clean-dist:
	rm -rf tnc-static $(BUILD)/musl $(BUILD)/system $(BUILD)/pkg $(BUILD)/link-flavour

# ---- the system-libcurl build beside the others, for make bench
SYSTEM_OBJS = $(patsubst %.c,$(BUILD)/system/%.o,$(LIB_SRCS) shim/main.c)

$(BUILD)/system/%.o: %.c | $(BUILD)/deps-ok.system
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $$(pkg-config --cflags libcurl libpcre2-8) -c -o $@ $<

-include $(SYSTEM_OBJS:.o=.d)

$(BUILD)/system/tnc: $(SYSTEM_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $$(pkg-config --libs libcurl libpcre2-8) -lpthread -lm

bench: tnc-static $(BUILD)/system/tnc

distclean: clean
	rm -rf $(BUILD)

FORCE:
