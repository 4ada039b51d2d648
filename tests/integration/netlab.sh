# tnc inside the test network of tests/netlab.sh (issue 5, items 1, 5, 6).
#
# The lab is built once, by the first test that needs it, under a name
# prefix of this run's own (so two runs never share namespaces), and torn
# down by a cleanup hook. tnc runs in the client namespace: interface lab0,
# 198.18.1.2 / fd00:198:18:1::2, one router hop away from the server
# addresses (see tests/netlab.sh for which address is which case).
# Expected bytes follow tnc-spec.md 2.2 with InterfaceAlias "lab0".
#
# Failure kinds may add detail lines of ours after the cmdlet's warnings
# (issue 5 item 5: "tnc: ..."); expect_lab_warnings compares the WARNING
# lines byte for byte and allows only such "tnc: " lines besides.

NETLAB=${NETLAB:-$PWD/tests/netlab.sh}
LAB_PREFIX=tnclab$$
LAB_CLIENT=$LAB_PREFIX-client
LAB_STATUS=""			# "", up or broken
LAB_IF=lab0 LAB_SRC4=198.18.1.2 LAB_SRC6=fd00:198:18:1::2 LAB_PORT=5022

netlab() { TNCLAB=$LAB_PREFIX "$NETLAB" "$@"; }

lab_teardown() {
	[ -n "$LAB_STATUS" ] && netlab down
	LAB_STATUS=""
}

# lab_need: brings the lab up once; returns non-zero when a test cannot run.
lab_need() {
	case $LAB_STATUS in
	up) return 0 ;;
	broken) fail "the test network is not up (see above)"; return 1 ;;
	esac
	if [ "$(id -u)" -ne 0 ]; then
		echo "    !! NOT RUN: the lab needs root (network namespaces, nftables, dnsmasq)"
		if [ -n "${CI:-}" ]; then fail "CI is set: a lab test that cannot run fails"; fi
		return 1
	fi
	LAB_STATUS=broken
	CLEANUP_HOOKS="$CLEANUP_HOOKS lab_teardown"
	if ! ./tests/tools/deps.sh dnsmasq-base nftables netcat-openbsd iproute2 ethtool; then
		fail "cannot install the lab's packages"
		return 1
	fi
	if ! netlab up >"$WORK/netlab-up.log" 2>&1; then
		fail "tests/netlab.sh up failed:"
		sed 's/^/      /' "$WORK/netlab-up.log"
		return 1
	fi
	LAB_STATUS=up
}

_lab_run() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >"$OUT" 2>"$ERR"
	RC=$?
	t1=$(date +%s%N)
	ELAPSED_MS=$(( (t1 - t0) / 1000000 ))
}

# run_tnc_in_client ARGS...: tnc in the client namespace, captured as run_tnc does
run_tnc_in_client() { _lab_run ip netns exec "$LAB_CLIENT" "$TNC" "$@"; }

# run_tnc_dead_dns ARGS...: the same, with a resolver that never answers
run_tnc_dead_dns() { _lab_run netlab exec-deaddns "$TNC" "$@"; }

# expect_lab_warnings FORMAT [ARGS...]: the WARNING lines of stderr are
# exactly FORMAT, the first line is one of them, any other line is "tnc: ".
expect_lab_warnings() {
	# shellcheck disable=SC2059
	printf "$@" >"$EXP"
	grep '^WARNING: ' "$ERR" >"$WORK/warnings"
	expect_file "$WORK/warnings"
	if [ -s "$ERR" ] && ! head -n 1 "$ERR" | grep -q '^WARNING: '; then
		fail "stderr does not start with the cmdlet's warning: $(head -n 1 "$ERR")"
	fi
	if grep -v '^WARNING: ' "$ERR" | grep -qv '^tnc: '; then
		fail "stderr line neither a warning nor a tnc: note: $(grep -v '^WARNING: ' "$ERR" | grep -v '^tnc: ' | head -n 1)"
	fi
}

# The list views that recur below (width 16: TCP success; width 22: TCP failed).
lab_tcp_ok() {		# NAME ADDR SOURCE
	expect_stdout '\n\nComputerName     : %s\nRemoteAddress    : %s\nRemotePort       : %s\nInterfaceAlias   : %s\nSourceAddress    : %s\nTcpTestSucceeded : True\n\n\n\n' \
	    "$1" "$2" "$LAB_PORT" "$LAB_IF" "$3"
}

lab_tcp_failed() {	# NAME ADDR SOURCE PING RTT PORT
	# a real RTT varies: normalise it; a failed ping must read exactly 0 ms
	[ "$5" = N ] && normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : %s\nRemoteAddress          : %s\nRemotePort             : %s\nInterfaceAlias         : %s\nSourceAddress          : %s\nPingSucceeded          : %s\nPingReplyDetails (RTT) : %s ms\nTcpTestSucceeded       : False\n\n\n\n' \
	    "$1" "$2" "${6:-$LAB_PORT}" "$LAB_IF" "$3" "$4" "$5"
}

# lab_fail_case ADDR SOURCE TIMEOUT BOUND_MS [PING_STATUS]: tnc ADDR -Port 5022
# fails within BOUND_MS; without PING_STATUS the ping answers, with it the
# ping fails with that status (and the view shows 0 ms, as Windows does).
lab_fail_case() {
	local addr=$1 src=$2 warn
	run_tnc_in_client "$addr" -Port "$LAB_PORT" -TimeoutSeconds "$3"
	expect_rc 1
	warn="WARNING: TCP connect to ($addr : $LAB_PORT) failed\n"
	if [ -n "${5:-}" ]; then
		expect_lab_warnings "${warn}WARNING: Ping to $addr failed with status: $5\n"
		lab_tcp_failed "$addr" "$addr" "$src" False 0
	else
		expect_lab_warnings "$warn"
		lab_tcp_failed "$addr" "$addr" "$src" True N
	fi
	expect_faster_than_ms "$4"
}

lab_name_failed() {	# NAME
	expect_stdout '\n\nComputerName   : %s\nRemoteAddress  : \nInterfaceAlias : \nSourceAddress  : \nPingSucceeded  : False\n\n\n\n' "$1"
}

# --- the lab itself (these need no tnc) ---

t_netlab_lab_topology() {
	lab_need || return
	local out
	# one router hop: TTL 1 expires at the router's client-side address
	out=$(ip netns exec "$LAB_CLIENT" ping -n -c 1 -W 1 -t 1 198.18.2.10 2>&1)
	case $out in *"From 198.18.1.1 "*"Time to live exceeded"*) ;; *) fail "TTL 1 did not expire at 198.18.1.1: $out" ;; esac
	ip netns exec "$LAB_CLIENT" ping -n -c 1 -W 1 -t 2 -q 198.18.2.10 >/dev/null || fail "198.18.2.10 not reachable in 2 hops"
	out=$(ip netns exec "$LAB_CLIENT" ping -6 -n -c 1 -W 1 -t 1 fd00:198:18:2::10 2>&1)
	case $out in *"From fd00:198:18:1::1 "*"Time exceeded"*) ;; *) fail "hop limit 1 did not expire at fd00:198:18:1::1: $out" ;; esac
	out=$(ip -n "$LAB_CLIENT" route get 198.18.2.10)
	case $out in "198.18.2.10 via 198.18.1.1 dev lab0 src 198.18.1.2 "*) ;; *) fail "route: $out" ;; esac
	out=$(ip -n "$LAB_CLIENT" -6 route get fd00:198:18:2::10)
	case $out in "fd00:198:18:2::10 from :: via fd00:198:18:1::1 dev lab0 "*"src fd00:198:18:1::2 "*) ;; *) fail "route6: $out" ;; esac
}

t_netlab_lab_dns() {
	lab_need || return
	local n want got
	for n in "server.lab.test 198.18.2.10" \
	    "dual.lab.test fd00:198:18:2::10 198.18.2.10" \
	    "v6only.lab.test fd00:198:18:2::10" \
	    "multi.lab.test 198.18.2.20 198.18.2.10" \
	    "multi6.lab.test fd00:198:18:2::20 fd00:198:18:2::10" \
	    "multidrop.lab.test 198.18.2.12 198.18.2.10"; do
		want=${n#* }
		got=$(ip netns exec "$LAB_CLIENT" getent ahosts "${n%% *}" | awk '$2 == "STREAM" { printf "%s%s", s, $1; s = " " }')
		[ "$got" = "$want" ] || fail "${n%% *} resolves to '$got', expected '$want'"
	done
	ip netns exec "$LAB_CLIENT" getent ahosts nosuch.lab.test >/dev/null
	[ $? -eq 2 ] || fail "nosuch.lab.test is not NXDOMAIN"
	local t0
	t0=$(date +%s%N)
	netlab exec-deaddns getent ahosts server.lab.test >/dev/null && fail "the dead DNS server answered"
	ELAPSED_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
	expect_faster_than_ms 2500
}

# the nftables cases, seen by the kernel's own connect (nc) before tnc's
t_netlab_lab_failure_kinds() {
	lab_need || return
	local a want got
	for a in "198.18.2.10 succeeded" "198.18.2.11 refused" "198.18.2.12 timed out" \
	    "198.18.2.13 No route to host" "198.18.2.14 No route to host" "198.18.2.99 No route to host" \
	    "fd00:198:18:2::10 succeeded" "fd00:198:18:2::11 refused" "fd00:198:18:2::12 timed out" \
	    "fd00:198:18:2::13 Permission denied" "fd00:198:18:2::14 No route to host" \
	    "fd00:198:18:2::99 No route to host"; do
		want=${a#* }
		got=$(ip netns exec "$LAB_CLIENT" nc -v -z -w 1 "${a%% *}" "$LAB_PORT" 2>&1)
		case $got in *"$want"*) ;; *) fail "nc ${a%% *}: '$got', expected '$want'" ;; esac
	done
}

# --- tnc across the router ---

t_netlab_open_ipv4() {
	lab_need || return
	run_tnc_in_client 198.18.2.10 -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	lab_tcp_ok 198.18.2.10 198.18.2.10 "$LAB_SRC4"
	run_tnc_in_client server.lab.test -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	lab_tcp_ok server.lab.test 198.18.2.10 "$LAB_SRC4"
	run_tnc_in_client server.lab.test -Port "$LAB_PORT" -InformationLevel Quiet
	expect_rc 0
	expect_stderr_empty
	expect_stdout 'True\n'
}

t_netlab_open_ipv6() {
	lab_need || return
	run_tnc_in_client fd00:198:18:2::10 -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	lab_tcp_ok fd00:198:18:2::10 fd00:198:18:2::10 "$LAB_SRC6"
	# a name with only an AAAA record
	run_tnc_in_client v6only.lab.test -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	lab_tcp_ok v6only.lab.test fd00:198:18:2::10 "$LAB_SRC6"
	# AAAA and A: the resolver puts the IPv6 address first. (glibc's
	# default policy table does; musl's, RFC 6724's as Windows', puts IPv4
	# before a ULA address like this one: tests/dist/static-root.sh sets
	# LAB_ULA_AFTER_IPV4.)
	run_tnc_in_client dual.lab.test -Port "$LAB_PORT"
	expect_rc 0
	expect_stderr_empty
	if [ -n "${LAB_ULA_AFTER_IPV4:-}" ]; then
		lab_tcp_ok dual.lab.test 198.18.2.10 "$LAB_SRC4"
	else
		lab_tcp_ok dual.lab.test fd00:198:18:2::10 "$LAB_SRC6"
	fi
	run_tnc_in_client v6only.lab.test -p "$LAB_PORT" -i quiet
	expect_rc 0
	expect_stdout 'True\n'
}

t_netlab_ping_only() {
	lab_need || return
	run_tnc_in_client server.lab.test
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : server.lab.test\nRemoteAddress          : 198.18.2.10\nInterfaceAlias         : lab0\nSourceAddress          : 198.18.1.2\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
	run_tnc_in_client fd00:198:18:2::10 -InformationLevel Quiet
	expect_rc 0
	expect_stdout 'True\n'
}

# nftables "reject with tcp reset" on 198.18.2.11; the ping answers
t_netlab_refused_by_reset() {
	lab_need || return
	lab_fail_case 198.18.2.11 "$LAB_SRC4" 5 2000
	lab_fail_case fd00:198:18:2::11 "$LAB_SRC6" 5 2000
	# a port nothing listens on: the server's kernel resets
	run_tnc_in_client 198.18.2.10 -Port 5023 -InformationLevel Quiet
	expect_rc 1
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.10 : 5023) failed\n'
	expect_stdout 'False\n'
}

# nftables drop on 198.18.2.12: TCP and ping both time out, within the bound
t_netlab_filtered_by_drop() {
	lab_need || return
	lab_fail_case 198.18.2.12 "$LAB_SRC4" 1 2500 TimedOut
	lab_fail_case fd00:198:18:2::12 "$LAB_SRC6" 1 2500 TimedOut
	run_tnc_in_client 198.18.2.12 -Port "$LAB_PORT" -TimeoutSeconds 1 -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
	expect_faster_than_ms 2500
}

# nftables "reject with icmp type admin-prohibited" (TCP only): the connect
# fails at once, not at the timeout; the ping answers
t_netlab_admin_prohibited() {
	lab_need || return
	lab_fail_case 198.18.2.13 "$LAB_SRC4" 5 2000
	lab_fail_case fd00:198:18:2::13 "$LAB_SRC6" 5 2000
}

# nftables "reject with icmp type host-unreachable" (TCP only), then an
# address with no host: the router's ARP/ND fails and it answers TCP and
# ping alike with host unreachable
t_netlab_host_unreachable() {
	lab_need || return
	lab_fail_case 198.18.2.14 "$LAB_SRC4" 5 2000
	lab_fail_case fd00:198:18:2::14 "$LAB_SRC6" 5 2000
	lab_fail_case 198.18.2.99 "$LAB_SRC4" 5 2000 DestinationHostUnreachable
	lab_fail_case fd00:198:18:2::99 "$LAB_SRC6" 5 2000 DestinationHostUnreachable
	run_tnc_in_client 198.18.2.99 -InformationLevel Quiet -TimeoutSeconds 5
	expect_rc 1
	expect_lab_warnings 'WARNING: Ping to 198.18.2.99 failed with status: DestinationHostUnreachable\n'
	expect_stdout 'False\n'
}

# several addresses, the first dead: a warning for it, success on the next
t_netlab_first_address_dead() {
	lab_need || return
	run_tnc_in_client multi.lab.test -Port "$LAB_PORT" -TimeoutSeconds 5
	expect_rc 0
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.20 : %s) failed\n' "$LAB_PORT"
	lab_tcp_ok multi.lab.test 198.18.2.10 "$LAB_SRC4"
	expect_faster_than_ms 2000
	run_tnc_in_client multi6.lab.test -Port "$LAB_PORT" -TimeoutSeconds 5
	expect_rc 0
	expect_lab_warnings 'WARNING: TCP connect to (fd00:198:18:2::20 : %s) failed\n' "$LAB_PORT"
	lab_tcp_ok multi6.lab.test fd00:198:18:2::10 "$LAB_SRC6"
	expect_faster_than_ms 2000
	run_tnc_in_client multi.lab.test -Port "$LAB_PORT" -InformationLevel Quiet
	expect_rc 0
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.20 : %s) failed\n' "$LAB_PORT"
	expect_stdout 'True\n'
}

# the first address filtered: it costs one timeout, then the second connects
t_netlab_first_address_filtered() {
	lab_need || return
	run_tnc_in_client multidrop.lab.test -Port "$LAB_PORT" -TimeoutSeconds 1
	expect_rc 0
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.12 : %s) failed\n' "$LAB_PORT"
	lab_tcp_ok multidrop.lab.test 198.18.2.10 "$LAB_SRC4"
	expect_faster_than_ms 2500
}

t_netlab_nxdomain() {
	lab_need || return
	run_tnc_in_client nosuch.lab.test -Port "$LAB_PORT"
	expect_rc 2
	expect_stderr 'WARNING: Name resolution of nosuch.lab.test failed\n'
	lab_name_failed nosuch.lab.test
	expect_faster_than_ms 2000
	run_tnc_in_client nosuch.lab.test -InformationLevel Quiet
	expect_rc 2
	expect_stderr 'WARNING: Name resolution of nosuch.lab.test failed\n'
	expect_stdout 'False\n'
}

# resolv.conf names a server that drops every query (timeout:1 attempts:1)
t_netlab_dns_never_answers() {
	lab_need || return
	run_tnc_dead_dns server.lab.test -Port "$LAB_PORT" -TimeoutSeconds 1
	expect_rc 2
	expect_lab_warnings 'WARNING: Name resolution of server.lab.test failed\n'
	lab_name_failed server.lab.test
	expect_faster_than_ms 2500
	run_tnc_dead_dns server.lab.test -Port "$LAB_PORT" -TimeoutSeconds 1 -InformationLevel Quiet
	expect_rc 2
	expect_stdout 'False\n'
	expect_faster_than_ms 2500
}

# Runs last of the lab tests (sorted by name): nothing the client sent went
# anywhere but the lab and loopback.
t_netlab_zz_probes_stayed_in_lab() {
	lab_need || return
	local c lab escaped
	c=$(ip netns exec "$LAB_CLIENT" nft list counters table inet tnclab_guard) ||
		{ fail "no guard counters in the client"; return; }
	lab=$(printf '%s\n' "$c" | awk '/counter lab/ { f = 1 } f && /packets/ { print $2; exit }')
	escaped=$(printf '%s\n' "$c" | awk '/counter escaped/ { f = 1 } f && /packets/ { print $2; exit }')
	[ "${escaped:-x}" = 0 ] || fail "packets to addresses outside the lab: ${escaped:-none counted}"
	[ "${lab:-0}" -gt 0 ] || fail "the guard counted no lab traffic: is it in the path?"
}
