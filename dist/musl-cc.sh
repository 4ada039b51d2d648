#!/bin/sh
# dist/musl-cc.sh DIR: writes DIR/cc, a C compiler for fully static,
# position-independent (static-pie) executables on musl, and checks it.
#
# Debian's musl-gcc wraps gcc with a specs file that knows dynamic and
# plain static links only; DIR/static-pie.specs is that file taught
# -static-pie (musl's rcrt1.o, no dynamic linker), so the static binary
# keeps address-space randomisation of its own code: it may carry
# cap_net_raw. musl's headers have no <linux/...>: DIR/kinclude points at
# the kernel's uapi headers (Debian's linux-libc-dev), searched after
# musl's own, as musl's documentation suggests.
set -eu
dir=$1
mkdir -p "$dir/kinclude"
dir=$(cd "$dir" && pwd)
command -v musl-gcc >/dev/null ||
	{ echo "musl-cc: musl-gcc not found (Debian package musl-tools)" >&2; exit 1; }
specs=$(sed -n 's/.*-specs "\([^"]*\)".*/\1/p' "$(command -v musl-gcc)")
realgcc=$(sed -n 's/.*exec "${REALGCC:-\([^}]*\)}".*/\1/p' "$(command -v musl-gcc)")
[ -r "$specs" ] && [ -n "$realgcc" ] ||
	{ echo "musl-cc: cannot read musl-gcc's specs file" >&2; exit 1; }
libdir=$(dirname "$specs")

sed -e "s|%{!shared: $libdir/Scrt1.o}|%{static-pie: $libdir/rcrt1.o} %{!static-pie:%{!shared: $libdir/Scrt1.o}}|" \
    -e "s|^-dynamic-linker \([^ ]*\) -nostdlib|%{!static-pie:-dynamic-linker \1} -nostdlib %{static-pie:-static -pie --no-dynamic-linker -z text}|" \
    "$specs" >"$dir/static-pie.specs"
grep -q rcrt1.o "$dir/static-pie.specs" && grep -q no-dynamic-linker "$dir/static-pie.specs" ||
	{ echo "musl-cc: $specs has an unknown layout; cannot add -static-pie" >&2; exit 1; }

multiarch=$("$realgcc" -print-multiarch)
for d in /usr/include/linux /usr/include/asm-generic "/usr/include/$multiarch/asm"; do
	[ -d "$d" ] || { echo "musl-cc: $d missing (Debian package linux-libc-dev)" >&2; exit 1; }
done
ln -sfn /usr/include/asm-generic "$dir/kinclude/asm-generic"
ln -sfn "/usr/include/$multiarch/asm" "$dir/kinclude/asm"
# <linux/errqueue.h> uses struct timespec without including its header,
# which glibc's socket headers happen to bring and musl's do not: a
# wrapper brings it. Every other <linux/...> header is the kernel's own.
rm -rf "$dir/kinclude/linux"
mkdir "$dir/kinclude/linux"
for f in /usr/include/linux/*; do
	ln -s "$f" "$dir/kinclude/linux/"
done
rm "$dir/kinclude/linux/errqueue.h"
printf '#include <time.h>\n#include "/usr/include/linux/errqueue.h"\n' >"$dir/kinclude/linux/errqueue.h"

cat >"$dir/cc" <<EOF
#!/bin/sh
exec "$realgcc" "\$@" -specs "$dir/static-pie.specs" -idirafter "$dir/kinclude"
EOF
chmod +x "$dir/cc"

# the proof: a static-pie program that resolves a numeric name and runs
printf '#include <netdb.h>\n#include <linux/errqueue.h>\nint main(void) { struct addrinfo *r; return getaddrinfo("127.0.0.1", 0, 0, &r); }\n' >"$dir/probe.c"
"$dir/cc" -static-pie -o "$dir/probe" "$dir/probe.c" && "$dir/probe" &&
	! readelf -l "$dir/probe" | grep -q INTERP ||
	{ echo "musl-cc: the static-pie test program did not build or run" >&2; exit 1; }
rm -f "$dir/probe" "$dir/probe.c"
