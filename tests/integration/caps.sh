# The file capability the packages set (issue 12): cap_net_raw+p puts
# CAP_NET_RAW in the permitted set only; tnc must raise it itself for its
# raw ICMP socket (shim/base/raw_socket.c), as iputils' ping does.

t_cap_net_raw_permitted_is_enough() {
	local nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	# the precondition that makes this test mean something: no ping
	# sockets for anyone here (the runner's fresh namespace)
	[ "$(sysctl -n net.ipv4.ping_group_range | tr -s ' \t' ' ')" = "1 0" ] ||
		{ fail "ping sockets are open here: the capability would not be tested"; return; }
	cp "$TNC" "$WORK/tnc-cap" && chmod 755 "$WORK/tnc-cap"
	setcap cap_net_raw+p "$WORK/tnc-cap" || { fail "setcap failed"; return; }
	$nobody "$WORK/tnc-cap" 127.0.0.1 >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
	$nobody "$WORK/tnc-cap" ::1 -InformationLevel Quiet >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_stdout 'True\n'
	# and without the capability, the same user has no echo at all
	$nobody "$TNC" 127.0.0.1 -InformationLevel Quiet >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 1
	expect_stdout 'False\n'
	rm -f "$WORK/tnc-cap"
}
