#!/bin/sh
# dist/build-deps.sh LIBC BUILD: builds the libraries tnc links statically,
# from Debian's source packages, into BUILD/deps/LIBC/{include,lib}.
#
#   LIBC glibc   libcurl.a (lean, see below); pcre2 comes from Debian's
#                libpcre2-dev (libpcre2-8.a), which is built for glibc already
#   LIBC musl    libcurl.a and libpcre2-8.a, compiled with musl-gcc, for the
#                fully static binary (make static)
#
# The sources are fetched once into BUILD/src (dist/fetch-source.sh) and
# built out of tree, so one source tree serves both flavours. A finished
# flavour writes BUILD/deps/LIBC/VERSIONS last; make treats that file as the
# flavour's stamp, so an interrupted build is redone and a finished one is
# never recompiled (make clean keeps BUILD/deps; make distclean removes it).
#
# The lean libcurl has only what tnc uses: tnc hands libcurl numeric
# addresses only (CURLOPT_RESOLVE pins every name; a scoped IPv6 address is
# a numeric URL), asks for CONNECT_ONLY on a telnet:// URL, and reads the
# connected socket's addresses. So: the telnet protocol alone; no TLS,
# HTTP/2, HTTP/3, compression, IDN, PSL, SSH, LDAP, RTMP, GSSAPI, SASL,
# cookies, auth, DoH or proxies (so no proxy variable is ever read); no
# threaded resolver, since libcurl never resolves a name here: a numeric
# host is converted by inet_pton before any resolver runs; no socketpair,
# which only curl_multi_wakeup() needs and tnc never calls (it cost every
# multi handle two descriptors and seven system calls). Kept: IPv6 and the
# verbose error strings (curl_easy_strerror text appears in tnc's notes).
set -eu
libc=$1 build=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/src"
build=$(cd "$build" && pwd)
out=$build/deps/$libc
jobs=$(nproc 2>/dev/null || echo 2)

case $libc in
glibc) cc=cc ;;
musl) cc="musl-gcc" ;;
*) echo "build-deps: LIBC is glibc or musl, not $libc" >&2; exit 3 ;;
esac
command -v "${cc%% *}" >/dev/null ||
	{ echo "build-deps: $cc not found (Debian package musl-tools)" >&2; exit 1; }

# source_of PKG: the unpacked tree of Debian's source package PKG, fetched
# and prepared once; a lock keeps two builds (make -j all static) from
# doing that at once
source_of() {
	(
		flock 9
		if [ ! -s "$build/src/$1.path" ] || [ ! -d "$(cat "$build/src/$1.path")" ]; then
			echo "build-deps: fetching Debian's source package $1" >&2
			tree=$("$here/fetch-source.sh" "$build/src" "$1") || exit 1
			[ "$1" = curl ] && curl_unflavour "$tree"
			echo "$tree" >"$build/src/$1.path"
		fi
	) 9>"$build/src/.lock" || exit 1
	cat "$build/src/$1.path"
}

# debian_version TREE: "7.88.1-10+deb12u15", from debian/changelog's first line
debian_version() {
	sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$1/debian/changelog"
}

# Debian's own libcurl4 (OpenSSL flavour) is built with every patch of the
# series but the last two, which only rename the library for the GnuTLS
# and NSS flavours (debian/rules pops them): do as it does.
curl_unflavour() {
	for p in 99_nss 90_gnutls; do
		f=$1/debian/patches/$p.patch
		[ -f "$f" ] || continue
		if patch -d "$1" -p1 -R -s -f --dry-run <"$f" >/dev/null 2>&1; then
			patch -d "$1" -p1 -R -s -f <"$f" >/dev/null
		fi
	done
}

# configure_in NAME SRC ARGS...: a fresh out-of-tree build directory for
# NAME, configured to install a static library under $out; make_in NAME
# ARGS... runs make there. Both log to $out/build-NAME.log.
configure_in() {
	name=$1 src=$2
	shift 2
	rm -rf "$out/build-$name"
	mkdir -p "$out/build-$name"
	(cd "$out/build-$name" && CC="$cc" CFLAGS="-O2 -g" "$src/configure" -q \
	    --prefix="$out" --disable-shared --enable-static \
	    --disable-dependency-tracking --disable-maintainer-mode "$@") \
	    >"$out/build-$name.log" 2>&1 || { tail -20 "$out/build-$name.log" >&2; exit 1; }
}

make_in() {
	name=$1
	shift
	make -s -C "$out/build-$name" "$@" >>"$out/build-$name.log" 2>&1 ||
	    { tail -20 "$out/build-$name.log" >&2; exit 1; }
}

build_curl() {
	src=$(source_of curl)
	echo "build-deps: configuring a lean libcurl $(debian_version "$src") for $libc" >&2
	configure_in curl "$src" --disable-debug --disable-curldebug \
	    --disable-warnings --disable-werror \
	    --without-ssl --without-hyper --without-zlib --without-brotli \
	    --without-zstd --without-nghttp2 --without-ngtcp2 --without-nghttp3 \
	    --without-quiche --without-msh3 --without-libidn2 --without-libpsl \
	    --without-libgsasl --without-libssh2 --without-libssh --without-wolfssh \
	    --without-librtmp --without-ca-bundle --without-ca-path \
	    --without-ca-fallback --without-zsh-functions-dir \
	    --without-fish-functions-dir \
	    --enable-telnet --disable-http --disable-ftp --disable-file \
	    --disable-ldap --disable-ldaps --disable-rtsp --disable-proxy \
	    --disable-dict --disable-tftp --disable-pop3 --disable-imap \
	    --disable-smb --disable-smtp --disable-gopher --disable-mqtt \
	    --disable-websockets --disable-manual --disable-libcurl-option \
	    --enable-ipv6 --disable-threaded-resolver --disable-ares \
	    --disable-sspi --disable-crypto-auth --disable-ntlm --disable-ntlm-wb \
	    --disable-tls-srp --disable-unix-sockets --disable-cookies \
	    --disable-http-auth --disable-doh --disable-mime --disable-dateparse \
	    --disable-netrc --disable-progress-meter --disable-dnsshuffle \
	    --disable-get-easy-options --disable-alt-svc --disable-headers-api \
	    --disable-hsts --disable-versioned-symbols \
	    --disable-openssl-auto-load-config --enable-verbose --disable-socketpair
	echo "build-deps: compiling libcurl for $libc" >&2
	make_in curl -j"$jobs" -C lib
	make_in curl -C lib install
	make_in curl -C include install
	echo "curl $(debian_version "$src")" >>"$out/VERSIONS.new"
}

build_pcre2() {
	src=$(source_of pcre2)
	echo "build-deps: building pcre2 $(debian_version "$src") for $libc" >&2
	configure_in pcre2 "$src" \
	    --enable-pcre2-8 --disable-pcre2-16 --disable-pcre2-32 --disable-jit \
	    --disable-pcre2grep-libz --disable-pcre2grep-libbz2 \
	    --disable-pcre2test-libreadline --disable-pcre2test-libedit
	make_in pcre2 -j"$jobs" libpcre2-8.la
	make_in pcre2 install-libLTLIBRARIES install-nodist_includeHEADERS
	echo "pcre2 $(debian_version "$src")" >>"$out/VERSIONS.new"
}

rm -f "$out/VERSIONS" "$out/VERSIONS.new"
mkdir -p "$out"
build_curl
[ "$libc" = musl ] && build_pcre2
rm -rf "$out/build-curl" "$out/build-pcre2" "$out/bin" "$out/share" "$out/lib/pkgconfig"
mv "$out/VERSIONS.new" "$out/VERSIONS"
echo "build-deps: $libc libraries ready in $out" >&2
