#!/usr/bin/env bash
# tests/dist/static-root.sh [BINARY]: the static binary (default ./tnc-static)
# alone in an empty root file system, through the integration suite's core
# and test-network cases (issue 12, item 2), twice:
#   1. as root;
#   2. as an unprivileged user (nobody), with the binary carrying
#      cap_net_raw+p as the packages set it, and the namespaces' ping
#      sockets closed to every group (net.ipv4.ping_group_range "1 0"), as
#      on a host without systemd's sysctl default.
# The root holds /usr/bin/tnc, /etc/hosts, /etc/resolv.conf and /dev/{null,
# zero,random,urandom}: no shared library, no NSS module, no /proc. Name
# lookups are musl's: /etc/hosts, then the DNS servers of resolv.conf (with
# its search domains, timeout and attempts), A and AAAA queried in parallel.
# Needs root.
set -u
cd "$(dirname "$0")/../.."
bin=${1:-./tnc-static}
[ "$(id -u)" -eq 0 ] || { echo "static-root: needs root (chroot, namespaces)" >&2; exit 1; }
[ -x "$bin" ] || { echo "static-root: $bin not built (make static)" >&2; exit 1; }

root=$(mktemp -d /tmp/tnc-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/bin" "$root/etc" "$root/dev"
install -m 755 "$bin" "$root/usr/bin/tnc"
: >"$root/etc/hosts"
: >"$root/etc/resolv.conf"
mknod -m 666 "$root/dev/null" c 1 3
mknod -m 666 "$root/dev/zero" c 1 5
mknod -m 666 "$root/dev/random" c 1 8
mknod -m 666 "$root/dev/urandom" c 1 9
chmod 755 "$root" "$root/usr" "$root/usr/bin" "$root/etc" "$root/dev"
# nothing else may be in it
extra=$(cd "$root" && find . -mindepth 1 | sort | tr '\n' ' ')
[ "$extra" = "./dev ./dev/null ./dev/random ./dev/urandom ./dev/zero ./etc ./etc/hosts ./etc/resolv.conf ./usr ./usr/bin ./usr/bin/tnc " ] ||
	{ echo "static-root: unexpected root contents: $extra" >&2; exit 1; }

export TNC_ROOT=$root TNC=$PWD/tests/dist/in-root.sh
export TNC_IT_FILES="tests/integration/core.sh tests/integration/netlab.sh tests/dist/static_cases.sh"
export LAB_ULA_AFTER_IPV4=1	# musl's address order (tests/dist/static_cases.sh)
rc=0
echo "== static binary in an empty root, as root"
# t_unprivileged_ping_has_no_reply_object runs $TNC as nobody, who cannot
# chroot: the second run is that case, with the capability.
TNC_IT_SKIP="t_unprivileged_ping_has_no_reply_object" ./tests/run-integration.sh || rc=1

echo "== static binary in an empty root, as nobody, with cap_net_raw+p"
setcap cap_net_raw+p "$root/usr/bin/tnc" || { echo "static-root: setcap failed" >&2; exit 1; }
# A binary with file capabilities runs in secure-exec mode, where the C
# library (musl and glibc alike) opens /dev/null on a closed descriptor 0-2
# before main(): a closed stdout is then not a write error, so that half of
# t_stdout_write_error_is_exit_4 cannot hold (run 1 covers it).
TNC_ROOT_USER=65534:65534 \
TNC_IT_SKIP="t_unprivileged_ping_has_no_reply_object t_stdout_write_error_is_exit_4" \
    ./tests/run-integration.sh || rc=1
exit $rc
