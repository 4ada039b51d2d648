#!/usr/bin/env bash
# tests/dist/fresh-debian.sh [DIR]: the README's commands on a really fresh
# Debian 12, to find install steps the README forgets. Not part of CI (it
# takes minutes and downloads a base system); run it by hand, as root,
# after changing what a build needs.
#
# debootstraps a minbase bookworm into DIR (default build/fresh-debian)
# from the machine's own Debian mirror, copies this tree's committed files
# (git archive HEAD) into it, and there runs:
#   as a user:  make         -> must stop with the exact apt-get line
#   as root:    apt-get install make; make; make static deb rpm;
#               make check; make check-dist
# The root of DIR is made a mount point of its own, with /proc, /sys, /dev
# and /run, as on a real machine (the tests' mount namespaces need that).
# KEEP=1 leaves it mounted afterwards, to look into a failure (then run
# this script again, or umount -R DIR/root, before removing it).
set -u
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian: needs root (debootstrap, chroot)" >&2; exit 1; }
./tests/tools/deps.sh debootstrap || exit 1
dir=${1:-build/fresh-debian}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
root=$dir/root
mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(http[^ ]*\) bookworm .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

teardown() {
	umount -R "$root" 2>/dev/null
	if findmnt -R "$root" >/dev/null 2>&1 || grep -q " $root" /proc/mounts; then
		echo "fresh-debian: $root is still mounted; not removing it" >&2
		return
	fi
	rm -rf "$root"
}
[ -n "${KEEP:-}" ] || trap teardown EXIT
teardown

echo "== debootstrap --variant=minbase bookworm ($mirror)"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
	{ tail -20 "$dir/debootstrap.log"; exit 1; }
mount --bind "$root" "$root" && mount -t proc proc "$root/proc" &&
	mount -t sysfs sys "$root/sys" && mount --rbind /dev "$root/dev" &&
	mount -t tmpfs tmpfs "$root/run" || { echo "fresh-debian: mounts failed" >&2; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/home/dba/tnc"
git archive HEAD | tar -x -C "$root/home/dba/tnc"
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin CI=${CI:-} sh -c "$1"; }
in_root 'useradd -d /home/dba dba && chown -R dba /home/dba' || exit 1

rc=0
step() {	# NAME COMMAND: a README step, its output in DIR/NAME.log
	echo "== $1"
	if in_root "$2" >"$dir/$1.log" 2>&1; then
		tail -n 3 "$dir/$1.log"
	else
		echo "FAILED (log: $dir/$1.log):"
		tail -n 20 "$dir/$1.log"
		rc=1
	fi
}
step apt-make 'apt-get update -qq && apt-get install -y -qq make >/dev/null'
echo "== make, as a user on a machine without the build packages"
in_root 'cd /home/dba/tnc && su dba -c make' >"$dir/user-make.log" 2>&1
if grep -q '^deps: run:  sudo apt-get update && sudo apt-get install -y ' "$dir/user-make.log" &&
    ! grep -q 'No such file\|fatal error' "$dir/user-make.log"; then
	grep '^deps: run' "$dir/user-make.log"
else
	echo "FAILED: no apt-get line:"; cat "$dir/user-make.log"; rc=1
fi
step make 'cd /home/dba/tnc && make && ./tnc --version'
step static-deb-rpm 'cd /home/dba/tnc && make static deb rpm'
step check 'cd /home/dba/tnc && make check'
step check-dist 'cd /home/dba/tnc && make check-dist'
[ $rc -eq 0 ] && echo "fresh-debian: every README step passed" || echo "fresh-debian: FAILED"
exit $rc
