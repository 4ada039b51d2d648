#!/usr/bin/env bash
# tests/dist/packages.sh: the packages of make deb and make rpm, installed
# (issue 12, item 3). Needs root; installs and purges the .deb on this
# machine (CI's), so it refuses to run where tnc is installed already.
#   1. the .deb installs the files it should, with cap_net_raw+p on tnc;
#   2. an unprivileged user's check works, TCP and the ICMP echo, in a
#      namespace where ping sockets are closed to every group, so the echo
#      works through the capability and nothing else;
#   3. the systemd units are valid and not enabled;
#   4. purge leaves nothing behind;
#   5. the .rpm holds the same files (unpacked into a scratch root with
#      rpm itself) and its tnc is the .deb's.
set -u
cd "$(dirname "$0")/../.."
[ "$(id -u)" -eq 0 ] || { echo "packages: needs root" >&2; exit 1; }
deb=$(ls build/pkg/deb/tnc_*.deb 2>/dev/null | head -n 1)
rpmf=$(ls build/pkg/rpm/RPMS/*/tnc-*.rpm 2>/dev/null | head -n 1)
[ -n "$deb" ] && [ -n "$rpmf" ] || { echo "packages: make deb rpm first" >&2; exit 1; }
if dpkg-query -W -f='${Status}' tnc 2>/dev/null | grep -q installed; then
	echo "packages: a tnc package is installed on this machine already; not touching it" >&2
	exit 1
fi
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok; else fail "$what"; fi; }
work=$(mktemp -d /tmp/tnc-pkg.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"; dpkg --purge tnc >/dev/null 2>&1' EXIT

# Everything on the system that could be ours, by name, before and after:
# other work on this machine (other packages, test namespaces' files under
# /etc/netns) may come and go meanwhile, so only such names are compared.
snapshot() {
	find /usr /lib /etc /opt /var/lib -xdev \( -path /etc/netns -o -path /var/lib/apt \) -prune -o \
	    \( -iname '*tnc*' -o -iname '*Test-NetConnection*' -o -iname '*milink*' \) -print 2>/dev/null | sort
}
snapshot >"$work/before"

echo "== install $deb"
dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dpkg -i"; }
dpkg -L tnc >"$work/files"
for f in /usr/bin/tnc /usr/share/man/man1/tnc.1.gz /usr/share/man/man1/Test-NetConnection.1.gz \
    /usr/share/bash-completion/completions/tnc /usr/share/bash-completion/completions/Test-NetConnection \
    /usr/share/doc/tnc/sql/test-milink-connection-cmdexec.sql.gz \
    /usr/share/doc/tnc/sql/nethelper-cmdexec.sql.gz /usr/share/doc/tnc/copyright \
    /usr/libexec/tnc/tnc-milink-standalone.sh \
    /lib/systemd/system/tnc-milink.service /lib/systemd/system/tnc-milink.timer; do
	check "$f installed" test -e "$f"
done
check "Test-NetConnection is a link to tnc" test "$(readlink /usr/bin/Test-NetConnection)" = tnc
check "cap_net_raw+p on /usr/bin/tnc (getcap: $(getcap /usr/bin/tnc))" \
    test "$(getcap /usr/bin/tnc | sed 's/.* //')" = "cap_net_raw=p"
check "the binary needs no library" sh -c '! readelf -d /usr/bin/tnc | grep -q NEEDED'
check "the man page renders" sh -c 'man -l /usr/share/man/man1/tnc.1.gz 2>/dev/null | grep -q "EXIT STATUS" ||
    zcat /usr/share/man/man1/tnc.1.gz | grep -q "^.Sh EXIT STATUS"'
check "the service names the installed paths" grep -q '^ExecStart=/usr/libexec/tnc/tnc-milink-standalone.sh ' /lib/systemd/system/tnc-milink.service
check "the service runs /usr/bin/tnc" grep -q '^Environment=TNC=/usr/bin/tnc$' /lib/systemd/system/tnc-milink.service
if command -v systemd-analyze >/dev/null; then
	check "systemd-analyze verify accepts the units" \
	    systemd-analyze verify /lib/systemd/system/tnc-milink.service /lib/systemd/system/tnc-milink.timer
else
	echo "!! systemd-analyze not found (no systemd here): the units were not verified"
fi
check "the timer is not enabled" sh -c '! ls /etc/systemd/system/timers.target.wants/tnc-milink.timer 2>/dev/null'

echo "== an unprivileged user's checks (ping sockets closed: the echo needs the capability)"
make -s tests/tools/listener >/dev/null
cp tests/tools/listener "$work/listener"
unshare -n bash -c '
	ip link set lo up
	sysctl -q -w net.ipv4.ping_group_range="1 0"
	"$0/listener" open -t 30 >"$0/port" &
	for _ in $(seq 50); do [ -s "$0/port" ] && break; sleep 0.1; done
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	$as_nobody /usr/bin/tnc 127.0.0.1 -Port "$(cat "$0/port")" -InformationLevel Quiet >"$0/tcp.out" 2>&1
	echo $? >"$0/tcp.rc"
	$as_nobody /usr/bin/tnc 127.0.0.1 >"$0/ping.out" 2>&1
	echo $? >"$0/ping.rc"
	$as_nobody /usr/bin/Test-NetConnection ::1 -InformationLevel Quiet >"$0/ping6.out" 2>&1
	echo $? >"$0/ping6.rc"
	kill %1' "$work"
check "nobody's TCP check: $(cat "$work/tcp.out")" test "$(cat "$work/tcp.rc") $(cat "$work/tcp.out")" = "0 True"
check "nobody's echo to 127.0.0.1: $(cat "$work/ping.out")" grep -q '^PingSucceeded          : True$' "$work/ping.out"
check "nobody's echo exits 0" test "$(cat "$work/ping.rc")" = 0
check "nobody's echo to ::1 through Test-NetConnection: $(cat "$work/ping6.out")" \
    test "$(cat "$work/ping6.rc") $(cat "$work/ping6.out")" = "0 True"

echo "== purge"
dpkg --purge tnc >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
snapshot >"$work/after"
check "purge left nothing named tnc: $(diff "$work/before" "$work/after" | head -5 | tr '\n' ' ')" \
    cmp -s "$work/before" "$work/after"
# and nothing the package listed, but directories other packages share
left=$(while read -r f; do
	[ "$f" = /. ] && continue
	dpkg -S "$f" >/dev/null 2>&1 && continue	# still another package's
	[ -e "$f" ] || [ -L "$f" ] && echo "$f"
done <"$work/files")
check "purge removed every file of the package: $left" test -z "$left"
check "purge left no dpkg state" sh -c '! ls /var/lib/dpkg/info/tnc.* 2>/dev/null'

echo "== the RPM"
dpkg-deb -x "$deb" "$work/deb-root"
mkdir -p "$work/rpm-root"
# (Debian's rpm says on stderr that apt is the way to install: noise here)
rpm --root "$work/rpm-root" --dbpath /var/lib/rpm --initdb 2>"$work/rpm.log" &&
	rpm --root "$work/rpm-root" --dbpath /var/lib/rpm -i --nodeps --noscripts \
	    --notriggers "$rpmf" 2>>"$work/rpm.log" ||
	{ cat "$work/rpm.log"; fail "rpm -i into a scratch root"; }
# the same files, but for the unit directory (/lib on Debian) and the
# licence (/usr/share/licenses on RPM systems), and gzip on Debian's docs
list() { (cd "$1" && find . \( -type f -o -type l \) | sed -e 's|^\./lib/systemd|./usr/lib/systemd|' \
    -e 's|\.gz$||' -e 's|^\./usr/share/licenses/tnc/copyright$|./usr/share/doc/tnc/copyright|' |
    grep -v -e '^\./usr/share/lintian/' -e '^\./usr/share/doc/tnc/changelog$' -e '^\./var/lib/rpm' | sort); }
check "the .rpm and the .deb hold the same files: $(diff <(list "$work/deb-root") <(list "$work/rpm-root") | tr '\n' ' ')" \
    cmp -s <(list "$work/deb-root") <(list "$work/rpm-root")
check "the .rpm's tnc is the .deb's" cmp -s "$work/deb-root/usr/bin/tnc" "$work/rpm-root/usr/bin/tnc"
check "the .rpm's post-install step sets the capability" sh -c \
    "rpm -qp --qf '%{POSTIN}' '$rpmf' | grep -q 'setcap cap_net_raw+p /usr/bin/tnc'"
check "the .rpm needs nothing but /bin/sh for its scripts: $(rpm -qpR "$rpmf" | grep -v '^rpmlib(' | sort -u | tr '\n' ' ')" \
    test "$(rpm -qpR "$rpmf" | grep -v '^rpmlib(' | sort -u | tr '\n' ' ')" = "/bin/sh "

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
