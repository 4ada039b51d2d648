# Descriptors as a budget (issue 8 item 3, issue 9 item 2): with few file
# descriptors an open port is True, or the run ends with exit 4 and a
# clear message; it is never False.  One target here; the 200-target
# cases need one engine per run (the streaming runtime): check_engine
# runs them against the engine itself.

# run_tnc_ulimit N ARGS...: tnc with RLIMIT_NOFILE (soft and hard) N
run_tnc_ulimit() {
	local n=$1
	shift
	run_tnc_sh "ulimit -n $n && exec \"\$0\" \"\$@\"" "$@"
}

# run_tnc_sh SCRIPT ARGS...: tnc started by SCRIPT in a fresh bash (as run_tnc)
run_tnc_sh() {
	local script=$1 t0 t1
	shift
	t0=$(date +%s%N)
	bash -c "$script" "$TNC" "$@" >"$OUT" 2>"$ERR"
	RC=$?
	t1=$(date +%s%N)
	ELAPSED_MS=$(( (t1 - t0) / 1000000 ))
}

budget_true_list() {	# PORT: the default view of an open 127.0.0.1 port
	expect_stdout '\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' "$1"
}

# 4: stdin, stdout, stderr and the event loop: no socket can be had at all
t_budget_ulimit_4() {
	start_listener open
	run_tnc_ulimit 4 127.0.0.1 -Port "$PORT"
	expect_rc 4
	expect_stdout ''
	expect_stderr 'tnc: cannot open a socket: Too many open files (ulimit -n 4)\n'
	run_tnc_ulimit 4 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	expect_rc 4
	expect_stdout ''
	expect_stderr 'tnc: cannot open a socket: Too many open files (ulimit -n 4)\n'
	# a name the machine cannot look up is not a name that did not resolve (exit 2)
	run_tnc_ulimit 4 localhost -Port "$PORT" -InformationLevel Quiet
	expect_rc 4
	expect_stdout ''
	expect_stderr 'tnc: cannot resolve a name: Too many open files (ulimit -n 4)\n'
}

# 8 and 16: enough, one after the other (the echo beside the connect too)
t_budget_ulimit_8_16() {
	local n
	start_listener open
	for n in 8 16; do
		run_tnc_ulimit "$n" 127.0.0.1 -Port "$PORT"
		expect_rc 0
		expect_stderr_empty
		budget_true_list "$PORT"
		run_tnc_ulimit "$n" 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
		expect_rc 0
		expect_stderr_empty
		expect_stdout 'True\n'
		# a name through the resolver's pool (eventfd, its thread's hosts file)
		run_tnc_ulimit "$n" localhost -Port "$PORT" -InformationLevel Quiet
		expect_rc 0
		expect_stdout 'True\n'
	done
}

# A closed port with few descriptors is still an honest False (exit 1).
t_budget_ulimit_8_closed() {
	start_listener closed
	run_tnc_ulimit 8 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\ntnc: 127.0.0.1:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
}

# No local port left to connect from (every port of the range holds a
# connection to the same address and port): the machine's failure, exit
# 4, never False.  In a network namespace of its own, whose local port
# range is two ports, both taken by connections bash keeps open.
t_budget_no_local_port() {
	run_tnc_sh 'exec unshare -n bash -c '\''
		ip link set lo up &&
		sysctl -qw net.ipv4.ip_local_port_range="40000 40001" || exit 99
		exec 5< <(exec "$1" open -p 5022 -t 30)
		read -r _ <&5 || exit 98
		exec 3<>/dev/tcp/127.0.0.1/5022 4<>/dev/tcp/127.0.0.1/5022 || exit 97
		shift
		"$0" "$@"'\'' "$0" "$1" "${@:2}"' "$LISTENER" 127.0.0.1 -Port 5022 -InformationLevel Quiet
	expect_rc 4
	expect_stdout ''
	expect_stderr 'tnc: no local port to connect from: Cannot assign requested address\n'
}
