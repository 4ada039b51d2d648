#!/usr/bin/env bash
# tests/netlab.sh: the test network for tnc's integration tests (issue 5).
#
#   tests/netlab.sh up        build it (runs 'down' first, so it is idempotent)
#   tests/netlab.sh down      remove every namespace, process and file it made
#   tests/netlab.sh status    show namespaces, addresses, processes, counters
#   tests/netlab.sh exec CMD...          run CMD in the client namespace
#   tests/netlab.sh exec-deaddns CMD...  the same, resolver = a server that never answers
#
# Needs root and the Debian packages dnsmasq, nftables, netcat-openbsd,
# iproute2 and ethtool (tests/tools/deps.sh installs them). Set TNCLAB to
# use another name prefix (default "tnclab"), so two labs can coexist: the
# integration tests use tnclab<runner pid>; after a run killed half-way,
# "TNCLAB=tnclab<pid> tests/netlab.sh down" removes what it left.
# By hand:  tests/netlab.sh up && tests/netlab.sh exec ./tnc multi.lab.test -Port 5022
# Nothing here reaches outside the lab: the namespaces are fresh, joined only
# to each other by veth pairs, and hold only 198.18.0.0/15, fd00:198:18::/48
# and loopback.
#
# Topology (interface names live inside each namespace):
#
#   $P-client             $P-router                       $P-server
#   lab0 198.18.1.2/24 -- rt-client 198.18.1.1/24
#   fd00:198:18:1::2/64   fd00:198:18:1::1/64
#                         rt-server 198.18.2.1/24 ------- srv0 198.18.2.2/24
#                         fd00:198:18:2::1/64             fd00:198:18:2::2/64
#
# Default routes point at the router, which forwards: one real next hop.
# Server addresses, one case each (IPv6: the same last group under
# fd00:198:18:2::, e.g. fd00:198:18:2::10); a listener accepts TCP on port
# 5022 (LAB_PORT) on every server address; nftables on the server decide:
#   .10  open                  (listener answers; port 5023 closed: kernel RST)
#   .11  refused               nft: tcp -> reject with tcp reset
#   .12  filtered              nft: drop everything (TCP and ping time out)
#   .13  admin-prohibited      nft: tcp -> reject with icmp admin-prohibited
#                              (icmpv6 admin-prohibited); ping answers
#   .14  host-unreachable      nft: tcp -> reject with icmp host-unreachable
#                              (icmpv6 addr-unreachable); ping answers
#   .20  no host (ARP/ND at the router fails in ~0.2 s -> host unreachable)
#   .99  no host, likewise
#   .53  dnsmasq (UDP/TCP 53), authoritative for lab.test, NXDOMAIN otherwise
#   .54  "DNS server that never answers": nft drops UDP/TCP 53 to it
# Names served (zone lab.test):
#   server.lab.test     A 198.18.2.10
#   dual.lab.test       AAAA fd00:198:18:2::10, A 198.18.2.10
#   v6only.lab.test     AAAA fd00:198:18:2::10
#   multi.lab.test      A 198.18.2.20 (no host), then A 198.18.2.10
#   multi6.lab.test     AAAA fd00:198:18:2::20 (no host), then AAAA ::10
#   multidrop.lab.test  A 198.18.2.12 (filtered), then A 198.18.2.10
#   anything else       NXDOMAIN
# Reverse (PTR) names come from the same hosts file, the first name listed
# for an address: 198.18.2.10 is server.lab.test, fd00:198:18:2::10 is
# dual.lab.test, 198.18.2.20 multi.lab.test, 198.18.2.12 multidrop.lab.test
# (Detailed's second NameResolutionResults line, issue 10 item 5); the
# router's and the client's addresses have none.
# The client's resolver (/etc/netns/$P-client/resolv.conf) is the lab dnsmasq
# with "options timeout:1 attempts:1"; exec-deaddns bind-mounts a resolv.conf
# naming 198.18.2.54 over it for one command.
# The client's output chain counts (and drops) any packet to an address
# outside the lab and loopback: counter "escaped" in table inet tnclab_guard.
set -u

P=${TNCLAB:-tnclab}
CLIENT=$P-client ROUTER=$P-router SERVER=$P-server
STATE=/run/$P
LAB_PORT=5022
ALL_NS="$CLIENT $ROUTER $SERVER"

die() { echo "netlab: $*" >&2; exit 1; }

need_root() {
	[ "$(id -u)" -eq 0 ] || die "needs root (network namespaces); not run"
}

ns_exists() { [ -e "/run/netns/$1" ]; }

in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

lab_down() {
	local ns p f _ pids=""
	# the processes we started, by the ids we recorded, even when their
	# namespace is no longer reachable by name (a run killed half-way)
	for f in "$STATE"/dnsmasq.pid "$STATE"/listen4.pid "$STATE"/listen6.pid; do
		[ -r "$f" ] || continue
		p=$(cat "$f")
		case $(cat "/proc/$p/comm" 2>/dev/null) in
		dnsmasq | nc) kill "$p" 2>/dev/null && pids="$pids $p" ;;
		esac
	done
	for p in $pids; do
		for _ in 1 2 3 4 5 6 7 8 9 10; do [ -e "/proc/$p" ] || break; sleep 0.1; done
	done
	for ns in $ALL_NS; do
		ns_exists "$ns" || continue
		# only the processes inside our own namespaces (dnsmasq, listeners)
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			[ -z "$(ip netns pids "$ns" 2>/dev/null)" ] && break
			sleep 0.1
		done
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
		ip netns del "$ns" 2>/dev/null
	done
	rm -rf "/etc/netns/$CLIENT" "$STATE"
	return 0
}

sysctls() {
	local ns=$1; shift
	local kv
	for kv in "$@"; do
		in_ns "$ns" sysctl -q -w "$kv" >/dev/null || die "sysctl $kv in $ns failed"
	done
}

# addr NS DEV ADDR...: IPv6 addresses without duplicate address detection
addrs() {
	local ns=$1 dev=$2 a; shift 2
	for a in "$@"; do
		case $a in
		*:*) ip -n "$ns" addr add "$a" dev "$dev" nodad || die "addr $a on $ns/$dev" ;;
		*) ip -n "$ns" addr add "$a" dev "$dev" || die "addr $a on $ns/$dev" ;;
		esac
	done
}

server_rules() {
	cat <<'EOF'
table inet tnclab {
	chain input {
		type filter hook input priority 0; policy accept;
		# neighbour discovery must work even for the addresses that drop
		icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept
		ip daddr 198.18.2.11 meta l4proto tcp reject with tcp reset
		ip6 daddr fd00:198:18:2::11 meta l4proto tcp reject with tcp reset
		ip daddr 198.18.2.12 drop
		ip6 daddr fd00:198:18:2::12 drop
		ip daddr 198.18.2.13 meta l4proto tcp reject with icmp type admin-prohibited
		ip6 daddr fd00:198:18:2::13 meta l4proto tcp reject with icmpv6 type admin-prohibited
		ip daddr 198.18.2.14 meta l4proto tcp reject with icmp type host-unreachable
		ip6 daddr fd00:198:18:2::14 meta l4proto tcp reject with icmpv6 type addr-unreachable
		ip daddr 198.18.2.54 meta l4proto { tcp, udp } th dport 53 drop
		ip6 daddr fd00:198:18:2::54 meta l4proto { tcp, udp } th dport 53 drop
	}
}
EOF
}

client_guard() {
	cat <<EOF
table inet tnclab_guard {
	counter lab {}
	counter escaped {}
	chain output {
		type filter hook output priority 0; policy accept;
		oif "lo" accept
		ip daddr 198.18.0.0/15 counter name "lab" accept
		ip6 daddr fd00:198:18::/48 counter name "lab" accept
		ip6 daddr { fe80::/10, ff02::/16 } accept
		counter name "escaped" drop
	}
}
EOF
}

dns_hosts() {
	# in the order the answers must come back
	cat <<'EOF'
198.18.2.10 server.lab.test
198.18.2.10 dual.lab.test
fd00:198:18:2::10 dual.lab.test
fd00:198:18:2::10 v6only.lab.test
198.18.2.20 multi.lab.test
198.18.2.10 multi.lab.test
fd00:198:18:2::20 multi6.lab.test
fd00:198:18:2::10 multi6.lab.test
198.18.2.12 multidrop.lab.test
198.18.2.10 multidrop.lab.test
EOF
}

async_veth() {
	in_ns "$1" ethtool -K "$2" gro on tso off >/dev/null 2>&1 || die "ethtool -K $2 in $1 failed"
	in_ns "$1" sh -c "echo 1 >/sys/class/net/$2/threaded" || die "threaded NAPI on $2 in $1"
}

# start NAME NS CMD...: a lab process, detached, logging to $STATE/NAME.log
start() {
	local name=$1 ns=$2; shift 2
	setsid ip netns exec "$ns" "$@" </dev/null >"$STATE/$name.log" 2>&1 &
	echo $! >"$STATE/$name.pid"
}

# wait_listen NS PROTO ADDR PORT: bounded (5 s) wait for a socket to listen
wait_listen() {
	local ns=$1 proto=$2 addr=$3 port=$4 _
	case $addr in *:*) addr="[$addr]" ;; esac
	for _ in $(seq 50); do
		in_ns "$ns" ss -Hln "--$proto" | awk -v a="$addr:$port" '{ for (i = 1; i <= NF; i++) if ($i == a) f = 1 } END { exit !f }' && return 0
		sleep 0.1
	done
	die "nothing listening on $proto $addr:$port in $ns after 5 s (see $STATE/*.log)"
}

lab_up() {
	need_root
	command -v dnsmasq >/dev/null && command -v nft >/dev/null && command -v nc >/dev/null &&
	    command -v ethtool >/dev/null ||
		die "missing tools: run tests/tools/deps.sh dnsmasq-base nftables netcat-openbsd iproute2 ethtool"
	lab_down
	mkdir -p "$STATE" "/etc/netns/$CLIENT" || die "cannot create $STATE"
	local ns
	for ns in $ALL_NS; do
		ip netns add "$ns" || die "ip netns add $ns"
		ip -n "$ns" link set lo up
		sysctls "$ns" net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
		    net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0 \
		    net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0 net.ipv4.icmp_msgs_burst=10000
	done
	# veth pairs, created inside the namespaces: no name ever exists on the host
	ip -n "$CLIENT" link add lab0 type veth peer name rt-client netns "$ROUTER" || die "veth client"
	ip -n "$SERVER" link add srv0 type veth peer name rt-server netns "$ROUTER" || die "veth server"
	addrs "$CLIENT" lab0 198.18.1.2/24 fd00:198:18:1::2/64
	addrs "$ROUTER" rt-client 198.18.1.1/24 fd00:198:18:1::1/64
	addrs "$ROUTER" rt-server 198.18.2.1/24 fd00:198:18:2::1/64
	local h
	addrs "$SERVER" srv0 198.18.2.2/24 fd00:198:18:2::2/64
	for h in 10 11 12 13 14 53 54; do
		addrs "$SERVER" srv0 "198.18.2.$h/24" "fd00:198:18:2::$h/64"
	done
	ip -n "$CLIENT" link set lab0 up
	ip -n "$SERVER" link set srv0 up
	ip -n "$ROUTER" link set rt-client up
	ip -n "$ROUTER" link set rt-server up
	# Every veth end receives through a threaded NAPI (GRO on, TSO off at
	# the sender): packets cross each hop asynchronously, as on a real
	# network. Without it a whole round trip runs inside the sender's
	# connect(), and an ICMP error for a SYN finds the socket still locked:
	# the kernel drops it (TcpExtLockDroppedIcmps) and the connect waits for
	# the SYN retransmission instead of failing at once.
	async_veth "$CLIENT" lab0; async_veth "$SERVER" srv0
	async_veth "$ROUTER" rt-client; async_veth "$ROUTER" rt-server
	ip -n "$CLIENT" route add default via 198.18.1.1 || die "client route"
	ip -n "$CLIENT" -6 route add default via fd00:198:18:1::1 || die "client route6"
	ip -n "$SERVER" route add default via 198.18.2.1 || die "server route"
	ip -n "$SERVER" -6 route add default via fd00:198:18:2::1 || die "server route6"
	sysctls "$ROUTER" net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
	# an address with no host fails fast: one ARP/ND probe, 100 ms, then unreachable
	sysctls "$ROUTER" net.ipv4.neigh.rt-server.mcast_solicit=1 net.ipv4.neigh.rt-server.app_solicit=0 \
	    net.ipv4.neigh.rt-server.retrans_time_ms=100 \
	    net.ipv6.neigh.rt-server.mcast_solicit=1 net.ipv6.neigh.rt-server.app_solicit=0 \
	    net.ipv6.neigh.rt-server.retrans_time_ms=100

	server_rules | in_ns "$SERVER" nft -f - || die "server nftables rules"
	client_guard | in_ns "$CLIENT" nft -f - || die "client guard rules"

	# resolvers
	printf 'nameserver 198.18.2.53\noptions timeout:1 attempts:1\n' \
	    >"/etc/netns/$CLIENT/resolv.conf"
	printf '127.0.0.1 localhost\n::1 localhost\n' >"/etc/netns/$CLIENT/hosts"
	printf 'nameserver 198.18.2.54\noptions timeout:1 attempts:1\n' \
	    >"$STATE/resolv.deaddns"

	# dnsmasq: only on its lab addresses, no upstream, no /etc/hosts
	dns_hosts >"$STATE/hosts.lab"
	start dnsmasq "$SERVER" dnsmasq --keep-in-foreground --no-resolv --no-hosts \
	    --bind-interfaces --except-interface=lo \
	    --listen-address=198.18.2.53 --listen-address=fd00:198:18:2::53 \
	    --addn-hosts="$STATE/hosts.lab" --local=/#/ \
	    --cache-size=0 --no-negcache --user=root --group=root \
	    --log-queries --log-facility="$STATE/dnsmasq-queries.log" \
	    --pid-file="$STATE/dnsmasq.daemon.pid"
	# one listener on every server address, port $LAB_PORT, IPv4 and IPv6
	start listen4 "$SERVER" nc -4 -d -k -l 0.0.0.0 "$LAB_PORT"
	start listen6 "$SERVER" nc -6 -d -k -l :: "$LAB_PORT"

	wait_listen "$SERVER" udp 198.18.2.53 53
	wait_listen "$SERVER" udp fd00:198:18:2::53 53
	wait_listen "$SERVER" tcp 0.0.0.0 "$LAB_PORT"
	wait_listen "$SERVER" tcp '*' "$LAB_PORT"
	# first contact: client <-> router <-> server neighbours resolved, bounded
	in_ns "$CLIENT" ping -c 1 -W 2 -q 198.18.2.10 >/dev/null || die "client cannot ping 198.18.2.10"
	in_ns "$CLIENT" ping -6 -c 1 -W 2 -q fd00:198:18:2::10 >/dev/null ||
		die "client cannot ping fd00:198:18:2::10"
	return 0
}

lab_status() {
	local ns
	for ns in $ALL_NS; do
		if ! ns_exists "$ns"; then echo "$ns: absent"; continue; fi
		echo "== $ns"
		ip -n "$ns" -br addr
		ip -n "$ns" route; ip -n "$ns" -6 route | grep -v '^fe80\|^multicast'
		echo "processes: $(ip netns pids "$ns" | tr '\n' ' ')"
	done
	ns_exists "$CLIENT" && in_ns "$CLIENT" nft list counters table inet tnclab_guard 2>/dev/null
	return 0
}

# exec-deaddns: a private mount namespace per command, so the swapped
# resolv.conf is seen by that command only
lab_exec() {
	local dead=$1; shift
	ns_exists "$CLIENT" || die "lab is not up (tests/netlab.sh up)"
	if [ "$dead" = 1 ]; then
		# shellcheck disable=SC2016
		ip netns exec "$CLIENT" sh -c 'mount --bind "$0" /etc/resolv.conf && shift && exec "$@"' \
		    "$STATE/resolv.deaddns" - "$@"
	else
		ip netns exec "$CLIENT" "$@"
	fi
}

case ${1:-} in
up) lab_up ;;
down) need_root; lab_down ;;
status) lab_status ;;
exec) shift; lab_exec 0 "$@" ;;
exec-deaddns) shift; lab_exec 1 "$@" ;;
*) echo "usage: $0 up|down|status|exec CMD...|exec-deaddns CMD..." >&2; exit 2 ;;
esac
