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
