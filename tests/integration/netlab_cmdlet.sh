# The rest of the cmdlet on the test network (issue 5, items 2-6):
# failure-kind notes, -InformationLevel Detailed, -TraceRoute, -DiagnoseRouting.
#
# Uses the lab of tests/integration/netlab.sh (sourced before this file:
# lab_need, run_tnc_in_client, LAB_* names). What this file adds to the
# lab, in the client namespace only, by lab_cmdlet_setup:
#   198.18.3.0/24  "throw" route: no route in any table -> ENETUNREACH
#   198.18.4.0/24  "unreachable" route -> EHOSTUNREACH from the local host
# Every address used is in 198.18.0.0/15 or fd00:198:18::/48.

LABC_SETUP=""

lab_cmdlet_setup() {
	lab_need || return 1
	[ -n "$LABC_SETUP" ] && return 0
	ip -n "$LAB_CLIENT" route add throw 198.18.3.0/24 &&
	    ip -n "$LAB_CLIENT" route add unreachable 198.18.4.0/24 &&
	    ip -n "$LAB_CLIENT" -6 route add throw fd00:198:18:3::/64 &&
	    ip -n "$LAB_CLIENT" -6 route add unreachable fd00:198:18:4::/64 ||
		{ fail "cannot add the test routes in $LAB_CLIENT"; return 1; }
	LABC_SETUP=1
}

# labc_notes_clean: no note may carry result property names or "Process Exit"
labc_notes_clean() {
	if grep '^tnc: ' "$ERR" | grep -q 'TcpTestSucceeded\|RemoteAddress\|Process Exit'; then
		fail "a note names a property: $(grep '^tnc: ' "$ERR")"
	fi
}

# labc_quiet_case ADDR TIMEOUT BOUND_MS STDERR-FORMAT: tnc ADDR -Port 5022
# -InformationLevel Quiet fails with exactly that stderr, within the bound.
labc_quiet_case() {
	run_tnc_in_client "$1" -Port "$LAB_PORT" -TimeoutSeconds "$2" -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
	expect_stderr "$4"
	labc_notes_clean
	expect_faster_than_ms "$3"
}

t_netlab_cmdlet_note_refused() {
	lab_cmdlet_setup || return
	labc_quiet_case 198.18.2.11 5 2000 \
	    'WARNING: TCP connect to (198.18.2.11 : 5022) failed\ntnc: 198.18.2.11:5022: connection refused (TCP reset)\n'
	labc_quiet_case fd00:198:18:2::11 5 2000 \
	    'WARNING: TCP connect to (fd00:198:18:2::11 : 5022) failed\ntnc: [fd00:198:18:2::11]:5022: connection refused (TCP reset)\n'
	# the full view stays byte-exact; the note sits right after its warning
	run_tnc_in_client 198.18.2.11 -Port "$LAB_PORT"
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (198.18.2.11 : 5022) failed\ntnc: 198.18.2.11:5022: connection refused (TCP reset)\n'
	lab_tcp_failed 198.18.2.11 198.18.2.11 "$LAB_SRC4" True N
}

t_netlab_cmdlet_note_filtered() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.2.12 -Port "$LAB_PORT" -TimeoutSeconds 1
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (198.18.2.12 : 5022) failed\ntnc: 198.18.2.12:5022: no answer within 1 s (filtered?)\nWARNING: Ping to 198.18.2.12 failed with status: TimedOut\n'
	lab_tcp_failed 198.18.2.12 198.18.2.12 "$LAB_SRC4" False 0
	expect_faster_than_ms 2500
	labc_quiet_case fd00:198:18:2::12 1 2500 \
	    'WARNING: TCP connect to (fd00:198:18:2::12 : 5022) failed\ntnc: [fd00:198:18:2::12]:5022: no answer within 1 s (filtered?)\n'
}

# the server rejects with ICMP admin-prohibited from its own address
t_netlab_cmdlet_note_admin_prohibited() {
	lab_cmdlet_setup || return
	labc_quiet_case 198.18.2.13 5 2000 \
	    'WARNING: TCP connect to (198.18.2.13 : 5022) failed\ntnc: 198.18.2.13:5022: ICMP administratively prohibited from 198.18.2.13\n'
	labc_quiet_case fd00:198:18:2::13 5 2000 \
	    'WARNING: TCP connect to (fd00:198:18:2::13 : 5022) failed\ntnc: [fd00:198:18:2::13]:5022: ICMPv6 administratively prohibited from fd00:198:18:2::13\n'
}

# host unreachable: from the server's rule (.14), from the router (.99: no host)
t_netlab_cmdlet_note_host_unreachable() {
	lab_cmdlet_setup || return
	labc_quiet_case 198.18.2.14 5 2000 \
	    'WARNING: TCP connect to (198.18.2.14 : 5022) failed\ntnc: 198.18.2.14:5022: host unreachable (ICMP from 198.18.2.14)\n'
	labc_quiet_case fd00:198:18:2::14 5 2000 \
	    'WARNING: TCP connect to (fd00:198:18:2::14 : 5022) failed\ntnc: [fd00:198:18:2::14]:5022: address unreachable (ICMPv6 from fd00:198:18:2::14)\n'
	labc_quiet_case 198.18.2.99 5 2000 \
	    'WARNING: TCP connect to (198.18.2.99 : 5022) failed\ntnc: 198.18.2.99:5022: host unreachable (ICMP from 198.18.1.1)\n'
	labc_quiet_case fd00:198:18:2::99 5 2000 \
	    'WARNING: TCP connect to (fd00:198:18:2::99 : 5022) failed\ntnc: [fd00:198:18:2::99]:5022: address unreachable (ICMPv6 from fd00:198:18:1::1)\n'
	# the ping's ICMP error names its sender too
	run_tnc_in_client 198.18.2.99 -Port "$LAB_PORT" -TimeoutSeconds 5
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (198.18.2.99 : 5022) failed\ntnc: 198.18.2.99:5022: host unreachable (ICMP from 198.18.1.1)\nWARNING: Ping to 198.18.2.99 failed with status: DestinationHostUnreachable\ntnc: 198.18.2.99: DestinationHostUnreachable, reported by 198.18.1.1\n'
	lab_tcp_failed 198.18.2.99 198.18.2.99 "$LAB_SRC4" False 0
	run_tnc_in_client fd00:198:18:2::99 -TimeoutSeconds 5 -InformationLevel Quiet
	expect_rc 1
	expect_stderr 'WARNING: Ping to fd00:198:18:2::99 failed with status: DestinationHostUnreachable\ntnc: fd00:198:18:2::99: DestinationHostUnreachable, reported by fd00:198:18:1::1\n'
	expect_stdout 'False\n'
}

# no route in the client's tables, and an "unreachable" route
t_netlab_cmdlet_note_no_route() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.3.1 -Port "$LAB_PORT" -TimeoutSeconds 5
	expect_rc 1
	# the echo cannot be sent either: Ping threw, no reply object (spec 7.2)
	expect_stderr 'WARNING: TCP connect to (198.18.3.1 : 5022) failed\ntnc: 198.18.3.1:5022: no route to it in the local routing table\nWARNING: Ping to 198.18.3.1 failed\ntnc: 198.18.3.1: the echo could not be sent: Network is unreachable\n'
	# no route: InterfaceAlias and SourceAddress stay empty (spec 1.4 step 6)
	expect_stdout '\n\nComputerName     : 198.18.3.1\nRemoteAddress    : 198.18.3.1\nRemotePort       : 5022\nInterfaceAlias   : \nSourceAddress    : \nPingSucceeded    : False\nTcpTestSucceeded : False\n\n\n\n'
	expect_faster_than_ms 1000
	labc_quiet_case 198.18.4.1 5 1000 \
	    'WARNING: TCP connect to (198.18.4.1 : 5022) failed\ntnc: 198.18.4.1:5022: host unreachable (said by the local host: no neighbour answer or an unreachable route)\n'
}

# An echo the local stack cannot send (issue 10 item 6, spec 7.2): the bare
# warning and no PingReplyDetails row, IPv4 and IPv6, no route ("throw")
# and an unreachable route; an ICMP error from a router keeps its status
# (t_netlab_host_unreachable).
t_netlab_cmdlet_echo_not_sent() {
	lab_cmdlet_setup || return
	local a why
	for a in "198.18.3.1 Network is unreachable" "198.18.4.1 No route to host" \
	    "fd00:198:18:3::1 Network is unreachable" "fd00:198:18:4::1 No route to host"; do
		why=${a#* } a=${a%% *}
		run_tnc_in_client "$a" -TimeoutSeconds 5
		expect_rc 1
		expect_stderr 'WARNING: Ping to %s failed\ntnc: %s: the echo could not be sent: %s\n' "$a" "$a" "$why"
		expect_stdout '\n\nComputerName   : %s\nRemoteAddress  : %s\nInterfaceAlias : \nSourceAddress  : \nPingSucceeded  : False\n\n\n\n' "$a" "$a"
		expect_faster_than_ms 1000
	done
	run_tnc_in_client fd00:198:18:3::1 -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
}

# several addresses: each failure's note follows its own warning
t_netlab_cmdlet_note_order() {
	lab_cmdlet_setup || return
	run_tnc_in_client multi.lab.test -Port "$LAB_PORT" -TimeoutSeconds 5
	expect_rc 0
	expect_stderr 'WARNING: TCP connect to (198.18.2.20 : 5022) failed\ntnc: 198.18.2.20:5022: host unreachable (ICMP from 198.18.1.1)\n'
	lab_tcp_ok multi.lab.test 198.18.2.10 "$LAB_SRC4"
	run_tnc_in_client multidrop.lab.test -Port "$LAB_PORT" -TimeoutSeconds 1
	expect_rc 0
	expect_stderr 'WARNING: TCP connect to (198.18.2.12 : 5022) failed\ntnc: 198.18.2.12:5022: no answer within 1 s (filtered?)\n'
}

# -WarningAction SilentlyContinue silences the notes with the warnings
t_netlab_cmdlet_note_silenced() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.2.13 -Port "$LAB_PORT" -WarningAction SilentlyContinue -InformationLevel Quiet
	expect_rc 1
	expect_stderr_empty
	expect_stdout 'False\n'
}

# --- -TraceRoute ---

# labc_trace_view NAME ADDR SOURCE PING RTT HOP...: the ping-only view plus TraceRoute
labc_trace_view() {
	local name=$1 addr=$2 src=$3 ping=$4 rtt=$5 hops="" h first=1
	shift 5
	for h in "$@"; do
		if [ $first = 1 ]; then hops="TraceRoute             : $h\n"; first=0
		else hops="$hops                         $h\n"; fi
	done
	[ "$rtt" = N ] && normalise_rtt "$OUT"
	expect_stdout "\n\nComputerName           : %s\nRemoteAddress          : %s\nInterfaceAlias         : %s\nSourceAddress          : %s\nPingSucceeded          : %s\nPingReplyDetails (RTT) : %s ms\n$hops\n\n\n" \
	    "$name" "$addr" "$LAB_IF" "$src" "$ping" "$rtt"
}

# client -> router -> server: two hops, IPv4 and IPv6
t_netlab_cmdlet_trace_two_hops() {
	lab_cmdlet_setup || return
	run_tnc_in_client server.lab.test -TraceRoute
	expect_rc 0
	expect_stderr_empty
	labc_trace_view server.lab.test 198.18.2.10 "$LAB_SRC4" True N 198.18.1.1 198.18.2.10
	run_tnc_in_client fd00:198:18:2::10 -TraceRoute -Hops 5
	expect_rc 0
	expect_stderr_empty
	labc_trace_view fd00:198:18:2::10 fd00:198:18:2::10 "$LAB_SRC6" True N fd00:198:18:1::1 fd00:198:18:2::10
	# -Hops 1 stops at the router: incomplete
	run_tnc_in_client 198.18.2.10 -TraceRoute -Hops 1
	expect_rc 0
	expect_stderr 'WARNING: Trace route to destination 198.18.2.10 did not complete. Trace terminated :: 198.18.1.1\n'
	labc_trace_view 198.18.2.10 198.18.2.10 "$LAB_SRC4" True N 198.18.1.1
}

# the server drops everything: hops after the router never answer
t_netlab_cmdlet_trace_dropped() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.2.12 -TraceRoute -Hops 3 -TimeoutSeconds 1
	expect_rc 1
	expect_stderr 'WARNING: Ping to 198.18.2.12 failed with status: TimedOut\nWARNING: Trace route to destination 198.18.2.12 did not complete. Trace terminated :: 0.0.0.0\n'
	labc_trace_view 198.18.2.12 198.18.2.12 "$LAB_SRC4" False 0 198.18.1.1 0.0.0.0 0.0.0.0
	# ping 1 s + router hop + 2 silent hops of 1 s
	expect_faster_than_ms 3800
	run_tnc_in_client fd00:198:18:2::12 -TraceRoute -Hops 2 -TimeoutSeconds 1
	expect_rc 1
	expect_stderr 'WARNING: Ping to fd00:198:18:2::12 failed with status: TimedOut\nWARNING: Trace route to destination fd00:198:18:2::12 did not complete. Trace terminated :: ::\n'
	labc_trace_view fd00:198:18:2::12 fd00:198:18:2::12 "$LAB_SRC6" False 0 fd00:198:18:1::1 ::
	expect_faster_than_ms 2800
}

# no host behind the router: every hop from 2 on is the router's unreachable
t_netlab_cmdlet_trace_unreachable() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.2.99 -TraceRoute -Hops 3 -TimeoutSeconds 1
	expect_rc 1
	expect_stderr 'WARNING: Ping to 198.18.2.99 failed with status: DestinationHostUnreachable\ntnc: 198.18.2.99: DestinationHostUnreachable, reported by 198.18.1.1\nWARNING: Trace route to destination 198.18.2.99 did not complete. Trace terminated :: 198.18.1.1\n'
	labc_trace_view 198.18.2.99 198.18.2.99 "$LAB_SRC4" False 0 198.18.1.1 198.18.1.1 198.18.1.1
	expect_faster_than_ms 2000
}

# the run's deadline (10 x -TimeoutSeconds) bounds a long trace
t_netlab_cmdlet_trace_deadline() {
	lab_cmdlet_setup || return
	run_tnc_in_client 198.18.2.12 -TraceRoute -Hops 30 -TimeoutSeconds 0.2
	expect_rc 1
	expect_faster_than_ms 3000
	grep -q '^WARNING: Trace route to destination 198.18.2.12 did not complete. Trace terminated :: 0.0.0.0$' "$ERR" ||
		fail "no incomplete-trace warning: $(cat "$ERR")"
	local n
	n=$(grep -c '0\.0\.0\.0$' "$OUT")
	# 2 s of run: 0.2 s ping, the router hop, then about 9 silent hops
	[ "$n" -ge 5 ] && [ "$n" -le 10 ] || fail "$n silent hops within the deadline"
}

# unprivileged: ping sockets (the client namespace's ping_group_range opened
# for this test only), Time Exceeded read from the error queue
t_netlab_cmdlet_trace_unprivileged() {
	lab_cmdlet_setup || return
	ip netns exec "$LAB_CLIENT" sysctl -q -w net.ipv4.ping_group_range="0 2147483647" ||
		{ fail "cannot open ping_group_range in the client"; return; }
	_lab_run ip netns exec "$LAB_CLIENT" setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$TNC" server.lab.test -TraceRoute
	expect_rc 0
	expect_stderr_empty
	labc_trace_view server.lab.test 198.18.2.10 "$LAB_SRC4" True N 198.18.1.1 198.18.2.10
	_lab_run ip netns exec "$LAB_CLIENT" setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$TNC" fd00:198:18:2::12 -TraceRoute -Hops 2 -TimeoutSeconds 1
	expect_rc 1
	labc_trace_view fd00:198:18:2::12 fd00:198:18:2::12 "$LAB_SRC6" False 0 fd00:198:18:1::1 ::
	ip netns exec "$LAB_CLIENT" sysctl -q -w net.ipv4.ping_group_range="1 0"
}

# loopback (the runner's own namespace, no lab): one hop, the address itself
t_cmdlet_trace_loopback() {
	run_tnc 127.0.0.1 -TraceRoute
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTraceRoute             : 127.0.0.1\n\n\n\n'
	run_tnc ::1 -TraceRoute -Hops 1
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : ::1\nRemoteAddress          : ::1\nInterfaceAlias         : lo\nSourceAddress          : ::1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTraceRoute             : ::1\n\n\n\n'
}

# --- -DiagnoseRouting ---

t_netlab_cmdlet_diagnose_plain() {
	lab_cmdlet_setup || return
	run_tnc_in_client server.lab.test -DiagnoseRouting
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName              : server.lab.test\nRemoteAddress             : 198.18.2.10\nSelectedSourceAddress     : 198.18.1.2\nOutgoingInterfaceIndex    : 2\nSelectedNetRoute          : DestinationPrefix: 0.0.0.0/0\n                            NextHop: 198.18.1.1\nRouteDiagnosticsSucceeded : True\n\n\n\n'
	# on-link: the connected prefix, next hop 0.0.0.0
	run_tnc_in_client 198.18.1.1 -DiagnoseRouting
	expect_rc 0
	expect_stdout '\n\nComputerName              : 198.18.1.1\nRemoteAddress             : 198.18.1.1\nSelectedSourceAddress     : 198.18.1.2\nOutgoingInterfaceIndex    : 2\nSelectedNetRoute          : DestinationPrefix: 198.18.1.0/24\n                            NextHop: 0.0.0.0\nRouteDiagnosticsSucceeded : True\n\n\n\n'
	run_tnc_in_client v6only.lab.test -DiagnoseRouting
	expect_rc 0
	expect_stdout '\n\nComputerName              : v6only.lab.test\nRemoteAddress             : fd00:198:18:2::10\nSelectedSourceAddress     : fd00:198:18:1::2\nOutgoingInterfaceIndex    : 2\nSelectedNetRoute          : DestinationPrefix: ::/0\n                            NextHop: fd00:198:18:1::1\nRouteDiagnosticsSucceeded : True\n\n\n\n'
}

t_netlab_cmdlet_diagnose_constrained() {
	lab_cmdlet_setup || return
	run_tnc_in_client fd00:198:18:2::10 -DiagnoseRouting -ConstrainSourceAddress fd00:198:18:1::2 -ConstrainInterface 2
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName              : fd00:198:18:2::10\nRemoteAddress             : fd00:198:18:2::10\nConstrainSourceAddress    : fd00:198:18:1::2\nConstrainInterfaceIndex   : 2\nSelectedSourceAddress     : fd00:198:18:1::2\nOutgoingInterfaceIndex    : 2\nSelectedNetRoute          : DestinationPrefix: ::/0\n                            NextHop: fd00:198:18:1::1\nRouteDiagnosticsSucceeded : True\n\n\n\n'
	# a source the client does not have: no route, fields empty (the
	# module's Find-NetRoute runs with -ErrorAction SilentlyContinue)
	run_tnc_in_client 198.18.2.10 -DiagnoseRouting -ConstrainSourceAddress 198.18.9.9
	expect_rc 1
	expect_stderr 'tnc: 198.18.2.10: no route from 198.18.9.9: Network is unreachable\n'
	expect_stdout '\n\nComputerName              : 198.18.2.10\nRemoteAddress             : 198.18.2.10\nConstrainSourceAddress    : 198.18.9.9\nSelectedSourceAddress     : \nOutgoingInterfaceIndex    : 0\nSelectedNetRoute          : DestinationPrefix: \n                            NextHop: \nRouteDiagnosticsSucceeded : True\n\n\n\n'
	# the loopback interface cannot reach the server
	run_tnc_in_client 198.18.2.10 -DiagnoseRouting -ConstrainInterface 1
	expect_rc 1
	grep -q '^tnc: 198.18.2.10: no route through the constrained interface: ' "$ERR" ||
		fail "no no-route note: $(cat "$ERR")"
}

t_netlab_cmdlet_diagnose_detailed() {
	lab_cmdlet_setup || return
	# as root: elevated, the (empty on Linux) event lists are shown
	run_tnc_in_client 198.18.2.10 -DiagnoseRouting -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName                 : 198.18.2.10\nRemoteAddress                : 198.18.2.10\nSelectedSourceAddress        : 198.18.1.2\nOutgoingInterfaceIndex       : 2\nSelectedNetRoute             : DestinationPrefix: 0.0.0.0/0\n                               NextHop: 198.18.1.1\nRouteSelectionEvents         : \nSourceAddressSelectionEvents : \nRouteDiagnosticsSucceeded    : True\n\n\n\n'
	# not elevated: the module's warning, and Detailed is dropped
	_lab_run ip netns exec "$LAB_CLIENT" setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$TNC" 198.18.2.10 -DiagnoseRouting -InformationLevel Detailed
	expect_rc 0
	expect_stderr "WARNING: '-InformationLevel Detailed' requires elevation (Run as administrator).\n"
	expect_stdout '\n\nComputerName              : 198.18.2.10\nRemoteAddress             : 198.18.2.10\nSelectedSourceAddress     : 198.18.1.2\nOutgoingInterfaceIndex    : 2\nSelectedNetRoute          : DestinationPrefix: 0.0.0.0/0\n                            NextHop: 198.18.1.1\nRouteDiagnosticsSucceeded : True\n\n\n\n'
}

t_netlab_cmdlet_diagnose_failures() {
	lab_cmdlet_setup || return
	# name resolution failed: the module returns $null, nothing is printed
	run_tnc_in_client nosuch.lab.test -DiagnoseRouting
	expect_rc 2
	expect_stderr 'WARNING: Name resolution of nosuch.lab.test failed\n'
	expect_stdout ''
	run_tnc_in_client 198.18.3.1 -DiagnoseRouting
	expect_rc 1
	expect_stderr 'tnc: 198.18.3.1: no route: Network is unreachable\n'
	run_tnc_in_client 198.18.2.10 -DiagnoseRouting -ConstrainSourceAddress bogus
	expect_rc 1
	expect_stderr 'WARNING: Error occured while finding route information. Exception: -ConstrainSourceAddress bogus: not an IP address\n'
	expect_stdout '\n\nComputerName              : 198.18.2.10\nRemoteAddress             : 198.18.2.10\nConstrainSourceAddress    : bogus\nSelectedSourceAddress     : \nOutgoingInterfaceIndex    : 0\nSelectedNetRoute          : DestinationPrefix: \n                            NextHop: \nRouteDiagnosticsSucceeded : False\n\n\n\n'
}

# --- -InformationLevel Detailed across the router ---

t_netlab_cmdlet_detailed() {
	lab_cmdlet_setup || return
	run_tnc_in_client server.lab.test -Port "$LAB_PORT" -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	# root: IsAdmin is True, so its row is hidden
	expect_stdout '\n\nComputerName            : server.lab.test\nRemoteAddress           : 198.18.2.10\nRemotePort              : 5022\nNameResolutionResults   : 198.18.2.10\nMatchingIPsecRules      : \nNetworkIsolationContext : Private Network\nInterfaceAlias          : lab0\nSourceAddress           : 198.18.1.2\nNetRoute (NextHop)      : 198.18.1.1\nTcpTestSucceeded        : True\n\n\n\n'
	_lab_run ip netns exec "$LAB_CLIENT" setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$TNC" dual.lab.test -Port 5023 -InformationLevel Detailed -TimeoutSeconds 2
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (fd00:198:18:2::10 : 5023) failed\ntnc: [fd00:198:18:2::10]:5023: connection refused (TCP reset)\nWARNING: TCP connect to (198.18.2.10 : 5023) failed\ntnc: 198.18.2.10:5023: connection refused (TCP reset)\nWARNING: Ping to fd00:198:18:2::10 failed\ntnc: ICMP echo is not permitted for this user; allow it with: sysctl -w net.ipv4.ping_group_range="0 2147483647" or setcap cap_net_raw+p %s\nWARNING: Ping to 198.18.2.10 failed\n' "$(readlink -f "$TNC")"
	# not admin: IsAdmin False shown; the ping is not permitted to nobody,
	# so there is no PingReplyDetails row
	cp "$OUT" "$WORK/out.detailed"
	printf '\n\nComputerName            : dual.lab.test\nRemoteAddress           : fd00:198:18:2::10\nRemotePort              : 5023\nNameResolutionResults   : fd00:198:18:2::10\n                          198.18.2.10\nMatchingIPsecRules      : \nNetworkIsolationContext : Private Network\nIsAdmin                 : False\nInterfaceAlias          : lab0\nSourceAddress           : fd00:198:18:1::2\nNetRoute (NextHop)      : fd00:198:18:1::1\nPingSucceeded           : False\nTcpTestSucceeded        : False\n\n\n\n' >"$EXP"
	expect_file "$WORK/out.detailed"
	# ping only, on-link: next hop 0.0.0.0
	run_tnc_in_client 198.18.1.1 -InformationLevel Detailed
	expect_rc 0
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 198.18.1.1\nRemoteAddress          : 198.18.1.1\nNameResolutionResults  : 198.18.1.1\nInterfaceAlias         : lab0\nSourceAddress          : 198.18.1.2\nNetRoute (NextHop)     : 0.0.0.0\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
	run_tnc_in_client fd00:198:18:1::1 -InformationLevel Detailed
	expect_rc 0
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : fd00:198:18:1::1\nRemoteAddress          : fd00:198:18:1::1\nNameResolutionResults  : fd00:198:18:1::1\nInterfaceAlias         : lab0\nSourceAddress          : fd00:198:18:1::2\nNetRoute (NextHop)     : ::\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
}

# The reverse name of an IP-literal target (issue 10 item 5, spec 7.1): the
# second NameResolutionResults line, aligned under the value. The lab's
# dnsmasq answers PTR queries from its hosts file (198.18.2.10 is
# server.lab.test); an address without a PTR name has no second line
# (t_netlab_cmdlet_detailed: 198.18.1.1); a DNS server that never answers
# costs at most the timeout, and the line is left out.
t_netlab_cmdlet_detailed_reverse_name() {
	lab_cmdlet_setup || return
	local want='\n\nComputerName            : 198.18.2.10\nRemoteAddress           : 198.18.2.10\nRemotePort              : 5022\nNameResolutionResults   : 198.18.2.10\n                          server.lab.test\nMatchingIPsecRules      : \nNetworkIsolationContext : Private Network\nInterfaceAlias          : lab0\nSourceAddress           : 198.18.1.2\nNetRoute (NextHop)      : 198.18.1.1\nTcpTestSucceeded        : True\n\n\n\n'
	run_tnc_in_client 198.18.2.10 -Port "$LAB_PORT" -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	expect_stdout "$want"
	# through a pipeline: the object carries the record (spec 7.7)
	run_tnc_in_client -Command "tnc 198.18.2.10 -Port $LAB_PORT -InformationLevel Detailed | Format-List"
	expect_rc 0
	expect_stdout "$want"
	run_tnc_in_client -Command "tnc 198.18.2.10 -Port $LAB_PORT -InformationLevel Detailed | select BasicNameResolution, AllNameResolutionResults | Format-List"
	expect_rc 0
	expect_stdout '\n\nBasicNameResolution      : {Microsoft.DnsClient.Commands.DnsRecord_PTR}\nAllNameResolutionResults : Microsoft.DnsClient.Commands.DnsRecord_PTR\n\n\n\n'
	run_tnc_in_client fd00:198:18:2::10 -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : fd00:198:18:2::10\nRemoteAddress          : fd00:198:18:2::10\nNameResolutionResults  : fd00:198:18:2::10\n                         dual.lab.test\nInterfaceAlias         : lab0\nSourceAddress          : fd00:198:18:1::2\nNetRoute (NextHop)     : fd00:198:18:1::1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
	# only Detailed shows it
	run_tnc_in_client 198.18.2.10 -Port "$LAB_PORT"
	expect_rc 0
	lab_tcp_ok 198.18.2.10 198.18.2.10 "$LAB_SRC4"
	run_tnc_dead_dns 198.18.2.10 -Port "$LAB_PORT" -InformationLevel Detailed -TimeoutSeconds 1
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName            : 198.18.2.10\nRemoteAddress           : 198.18.2.10\nRemotePort              : 5022\nNameResolutionResults   : 198.18.2.10\nMatchingIPsecRules      : \nNetworkIsolationContext : Private Network\nInterfaceAlias          : lab0\nSourceAddress           : 198.18.1.2\nNetRoute (NextHop)      : 198.18.1.1\nTcpTestSucceeded        : True\n\n\n\n'
	expect_faster_than_ms 2500
}

# loopback, no lab: Detailed with a port, root (IsAdmin hidden)
t_cmdlet_detailed_loopback() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT" -InformationLevel Detailed
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName            : 127.0.0.1\nRemoteAddress           : 127.0.0.1\nRemotePort              : %s\nNameResolutionResults   : 127.0.0.1\nMatchingIPsecRules      : \nNetworkIsolationContext : Loopback\nInterfaceAlias          : lo\nSourceAddress           : 127.0.0.1\nNetRoute (NextHop)      : 0.0.0.0\nTcpTestSucceeded        : True\n\n\n\n' "$PORT"
}

# Issue 10.9 (spec 7.7): a real interface (the lab's veth) is an adapter:
# its driver as InterfaceDescription, MSFT_NetAdapter keyed by the
# DeviceID hashed from "lab0" and the host name, the default route as
# NetRoute; a name has its A record
t_netlab_cmdlet_all_properties_adapter() {
	local idx host
	lab_cmdlet_setup || return
	idx=$(ip -n "$LAB_CLIENT" -o link show lab0 | cut -d: -f1)
	host=$(cat /proc/sys/kernel/hostname)
	run_tnc_in_client server.lab.test -Port "$LAB_PORT" '|' select InterfaceIndex, InterfaceDescription, NetAdapter, NetRoute, BasicNameResolution, DNSOnlyRecords, AllNameResolutionResults
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nInterfaceIndex           : %s\nInterfaceDescription     : veth\nNetAdapter               : MSFT_NetAdapter (CreationClassName = "MSFT_NetAdapter", DeviceID = "{048990AD-9083-814C-A681-AE174C415549}", SystemCreationClassName = "CIM_NetworkPort", SystemName = "%s")\nNetRoute                 : MSFT_NetRoute (InstanceID = "0.0.0.0/0;198.18.1.1;%s")\nBasicNameResolution      : {Microsoft.DnsClient.Commands.DnsRecord_A}\nDNSOnlyRecords           : {Microsoft.DnsClient.Commands.DnsRecord_A}\nAllNameResolutionResults : Microsoft.DnsClient.Commands.DnsRecord_A\n\n\n\n' "$idx" "$host" "$idx"
	run_tnc_in_client server.lab.test -Port "$LAB_PORT" '|' select -ExpandProperty NetAdapter '|' ConvertTo-Json
	expect_rc 0
	expect_stdout '{\n    "Name":  "lab0",\n    "CreationClassName":  "MSFT_NetAdapter",\n    "DeviceID":  "{048990AD-9083-814C-A681-AE174C415549}",\n    "SystemCreationClassName":  "CIM_NetworkPort",\n    "SystemName":  "%s",\n    "InterfaceDescription":  "veth",\n    "InterfaceIndex":  %s\n}\n' "$host" "$idx"
}
