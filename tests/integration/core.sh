# Core behaviour of ./tnc against real loopback sockets (issue 2).
# Expected bytes follow tnc-spec.md 2.2 with Linux's interface name "lo".

t_open_port_ipv4() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT"
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' "$PORT"
}

t_open_port_lowercase_prefix_and_colon() {
	start_listener open
	run_tnc 127.0.0.1 -port:"$PORT"
	expect_rc 0
	expect_stdout '\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' "$PORT"
	run_tnc -cn 127.0.0.1 -p "$PORT"
	expect_rc 0
}

t_closed_port_ipv4_pings() {
	start_listener closed
	run_tnc 127.0.0.1 -Port "$PORT"
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nRemotePort             : %s\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTcpTestSucceeded       : False\n\n\n\n' "$PORT"
}

t_open_port_ipv6_literal() {
	start_listener open -6
	run_tnc ::1 -Port "$PORT"
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName     : ::1\nRemoteAddress    : ::1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : ::1\nTcpTestSucceeded : True\n\n\n\n' "$PORT"
}

# localhost is ::1 then 127.0.0.1; a v4-only listener: ::1 fails, 127.0.0.1 connects
t_localhost_tries_each_address() {
	start_listener open
	run_tnc localhost -Port "$PORT"
	expect_rc 0
	expect_stderr 'WARNING: TCP connect to (::1 : %s) failed\ntnc: [::1]:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
	expect_stdout '\n\nComputerName     : localhost\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' "$PORT"
}

# spec 2.2(c), second example: both refused, the ping answers on ::1
t_localhost_both_refused() {
	start_listener closed
	run_tnc localhost -Port "$PORT"
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (::1 : %s) failed\ntnc: [::1]:%s: connection refused (TCP reset)\nWARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: connection refused (TCP reset)\n' "$PORT" "$PORT" "$PORT" "$PORT"
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : localhost\nRemoteAddress          : ::1\nRemotePort             : %s\nInterfaceAlias         : lo\nSourceAddress          : ::1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTcpTestSucceeded       : False\n\n\n\n' "$PORT"
}

t_ping_only() {
	run_tnc 127.0.0.1
	expect_rc 0
	expect_stderr_empty
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n'
}

t_quiet_open_and_closed() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	expect_rc 0
	expect_stderr_empty
	expect_stdout 'True\n'
	run_tnc 127.0.0.1 -p "$PORT" -i quiet
	expect_stdout 'True\n'
	start_listener closed
	run_tnc 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
	expect_stdout 'False\n'
}

t_common_tcp_port_rdp() {
	start_listener open -6 -p 3389
	run_tnc localhost -CommonTCPPort RDP
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName     : localhost\nRemoteAddress    : ::1\nRemotePort       : 3389\nInterfaceAlias   : lo\nSourceAddress    : ::1\nTcpTestSucceeded : True\n\n\n\n'
	run_tnc localhost rdp -InformationLevel Quiet	# position 1, any case
	expect_rc 0
	expect_stdout 'True\n'
}

t_common_tcp_port_http_closed() {
	start_listener open -p 80
	cleanup_listeners			# port 80 now closed for sure
	run_tnc 127.0.0.1 HTTP -i Quiet
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : 80) failed\ntnc: 127.0.0.1:80: connection refused (TCP reset)\n'
	expect_stdout 'False\n'
}

t_name_does_not_resolve() {
	run_tnc nosuch.invalid -Port 5022
	expect_rc 2
	expect_stderr 'WARNING: Name resolution of nosuch.invalid failed\n'
	expect_stdout '\n\nComputerName   : nosuch.invalid\nRemoteAddress  : \nInterfaceAlias : \nSourceAddress  : \nPingSucceeded  : False\n\n\n\n'
	run_tnc nosuch.invalid -Port 5022 -InformationLevel Quiet
	expect_rc 2
	expect_stdout 'False\n'
}

# A full accept queue drops SYNs: the connect must time out on our bound
t_filtered_port_times_out() {
	start_listener full
	run_tnc 127.0.0.1 -Port "$PORT" -TimeoutSeconds 1
	expect_rc 1
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: no answer within 1 s (filtered?)\n' "$PORT" "$PORT"
	expect_faster_than_ms 2500
	normalise_rtt "$OUT"
	expect_stdout '\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nRemotePort             : %s\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTcpTestSucceeded       : False\n\n\n\n' "$PORT"
}

t_fractional_timeout() {
	start_listener full
	run_tnc 127.0.0.1 -Port "$PORT" -TimeoutSeconds 0.3 -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
	expect_faster_than_ms 1500
}

# Proxy variables must never turn a closed port into a success.
t_proxy_variables_ignored() {
	start_listener open
	local proxy=$PORT
	start_listener closed
	http_proxy=http://127.0.0.1:$proxy https_proxy=http://127.0.0.1:$proxy \
	    all_proxy=http://127.0.0.1:$proxy ALL_PROXY=http://127.0.0.1:$proxy \
	    run_tnc 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
}

t_crlf_option() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT" -NewLine CRLF
	expect_rc 0
	expect_stdout '\r\n\r\nComputerName     : 127.0.0.1\r\nRemoteAddress    : 127.0.0.1\r\nRemotePort       : %s\r\nInterfaceAlias   : lo\r\nSourceAddress    : 127.0.0.1\r\nTcpTestSucceeded : True\r\n\r\n\r\n\r\n' "$PORT"
}

t_warning_action_silently_continue() {
	start_listener closed
	run_tnc 127.0.0.1 -Port "$PORT" -WarningAction SilentlyContinue -i Quiet
	expect_rc 1
	expect_stderr_empty
	expect_stdout 'False\n'
	run_tnc 127.0.0.1 -Port "$PORT" -wa 0 -i Quiet
	expect_stderr_empty
}

t_warning_action_stop() {
	start_listener closed
	local cmd="tnc 127.0.0.1 -Port $PORT -WarningAction Stop"
	run_tnc 127.0.0.1 -Port "$PORT" -WarningAction Stop
	expect_rc 1
	expect_stdout ''
	# issue 10.7: the warning first, then Write-Warning's stop error; the
	# whole command is underlined (our choice, README)
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\nWrite-Warning : The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: TCP connect to (127.0.0.1 : %s) failed\nAt line:1 char:1\n+ %s\n+ %s\n    + CategoryInfo          : OperationStopped: (:) [Write-Warning], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand\n \n' \
	    "$PORT" "$PORT" "$cmd" "$(printf '%*s' ${#cmd} '' | tr ' ' '~')"
}

# Without root, no capability and ping_group_range "1 0": no ICMP at all.
t_unprivileged_ping_has_no_reply_object() {
	start_listener closed
	TNC_USER="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	local t0=$(date +%s%N)
	$TNC_USER "$TNC" 127.0.0.1 -Port "$PORT" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 1
	head -n 3 "$ERR" >"$WORK/err2"
	printf 'WARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: connection refused (TCP reset)\nWARNING: Ping to 127.0.0.1 failed\n' "$PORT" "$PORT" >"$EXP"
	expect_file "$WORK/err2"
	# the hint follows the ping warning it explains
	[ "$(sed -n '4p' "$ERR" | cut -c1-5)" = "tnc: " ] || fail "no hint on how to allow ICMP"
	[ "$(wc -l <"$ERR")" -eq 4 ] || fail "expected exactly 4 stderr lines"
	expect_stdout '\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nPingSucceeded    : False\nTcpTestSucceeded : False\n\n\n\n' "$PORT"
}

t_stdout_write_error_is_exit_4() {
	start_listener open
	"$TNC" 127.0.0.1 -Port "$PORT" >/dev/full 2>"$ERR"
	RC=$?
	expect_rc 4
	grep -q '^tnc: cannot write output' "$ERR" || fail "no write error message"
	"$TNC" 127.0.0.1 -Port "$PORT" 2>"$ERR" >&-
	RC=$?
	expect_rc 4
}

# Ours: -ConstrainSourceAddress / -ConstrainInterface bind the TCP test too.
t_constrained_source_address_binds_tcp() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT" -ConstrainSourceAddress 127.0.0.2
	expect_rc 0
	expect_stderr_empty
	expect_stdout '\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.2\nTcpTestSucceeded : True\n\n\n\n' "$PORT"
	run_tnc 127.0.0.1 -Port "$PORT" -ConstrainInterface 1 -InformationLevel Quiet
	expect_rc 0
	expect_stdout 'True\n'
}

t_constraint_that_cannot_be_used_is_usage_error() {
	run_tnc 127.0.0.1 -Port 1 -ConstrainSourceAddress bogus
	expect_rc 3
	expect_stdout ''
	expect_stderr 'tnc: -ConstrainSourceAddress bogus: not an IP address\n'
}

# Ours: PowerShell 7.4's envelope (one blank line before and after a list).
t_output_style_powershell7_plain_form() {
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT" -OutputStyle PowerShell7
	expect_rc 0
	expect_stdout '\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n' "$PORT"
}
