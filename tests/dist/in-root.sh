#!/bin/sh
# tests/dist/in-root.sh ARGS...: runs TNC_ROOT's /usr/bin/tnc with ARGS,
# chrooted into TNC_ROOT (a root file system that holds nothing but that
# binary, /etc/hosts, /etc/resolv.conf and /dev), with an empty environment,
# as TNC_ROOT_USER (uid:gid) when set. The integration tests use it as TNC.
#
# The tests give each namespace its own resolver files (ip netns exec
# mounts /etc/netns/NS/* over /etc/*): the root gets a copy of the ones
# this process sees, so a test reads the same names in and out of the root;
# TNC_ROOT_RESOLV names another resolv.conf to copy instead.
set -u
root=${TNC_ROOT:?TNC_ROOT is the empty root}
if [ "$(id -u)" -ne 0 ]; then
	echo "in-root.sh: chroot needs root" >&2
	exit 125
fi
cat "${TNC_ROOT_RESOLV:-/etc/resolv.conf}" >"$root/etc/resolv.conf" && cat /etc/hosts >"$root/etc/hosts" || exit 125
chroot=$(command -v chroot) || exit 125
exec env -i "$chroot" ${TNC_ROOT_USER:+--userspec="$TNC_ROOT_USER"} "$root" /usr/bin/tnc "$@"
