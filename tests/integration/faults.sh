# The fault matrix (issue 9): what the machine and the caller can do to tnc
# (full disks, closed streams, readers gone, little memory, signals) and
# what they can hand it (oversized and binary input, odd names and
# addresses, every edge of the numeric parameters). Each case asserts the
# exit status and the exact first line of the error or of the output.
# Everything runs on loopback inside the runner's own network namespace;
# the descriptor limits (ulimit -n) are the engine's cases, elsewhere.

# first_line FILE: its first line into $WORK/first
first_line() {
	head -n 1 "$1" >"$WORK/first"
}

# expect_first FILE TEXT: FILE's first line is exactly TEXT
expect_first() {
	first_line "$1"
	printf '%s\n' "$2" >"$EXP"
	expect_file "$WORK/first"
}

# fault_case RC OUT_FIRST ERR_FIRST ARGS...: tnc ARGS exits RC, with these
# first lines ("-" leaves that stream unchecked, "" means empty)
fault_case() {
	local rc=$1 out=$2 err=$3
	shift 3
	run_tnc "$@"
	[ "$RC" -eq "$rc" ] || fail "tnc $*: exit status $RC, expected $rc"
	if [ "$out" = "" ]; then expect_stdout ''; elif [ "$out" != - ]; then expect_first "$OUT" "$out"; fi
	if [ "$err" = "" ]; then expect_stderr_empty; elif [ "$err" != - ]; then expect_first "$ERR" "$err"; fi
}

# drop_port PORT: a filtered port (SYNs dropped) in this namespace; the
# table goes with fault_cleanup
drop_port() {
	nft add table ip tncfault &&
	nft add chain ip tncfault out '{ type filter hook output priority 0; }' &&
	nft add rule ip tncfault out tcp dport "$1" drop ||
		fail "cannot add the nftables drop rule"
	CLEANUP_HOOKS="$CLEANUP_HOOKS fault_cleanup"
}

fault_cleanup() {
	nft delete table ip tncfault 2>/dev/null
	return 0
}

# --- where the output goes ----------------------------------------------

t_fault_stdout_full() {
	start_listener open
	"$TNC" 127.0.0.1 -Port "$PORT" >/dev/full 2>"$ERR"
	RC=$?
	expect_rc 4
	expect_stderr 'tnc: cannot write output: No space left on device\n'
	"$TNC" -Command "tnc 127.0.0.1 -Port $PORT | select ComputerName" >/dev/full 2>"$ERR"
	RC=$?
	expect_rc 4
	expect_stderr 'tnc: cannot write output: No space left on device\n'
}

t_fault_stdout_closed() {
	start_listener open
	"$TNC" 127.0.0.1 -Port "$PORT" >&- 2>"$ERR"
	RC=$?
	expect_rc 4
	expect_stderr 'tnc: cannot write output: Bad file descriptor\n'
	"$TNC" -Command "'127.0.0.1','127.0.0.1' | tnc -Port $PORT" >&- 2>"$ERR"
	RC=$?
	expect_rc 4
	expect_stderr 'tnc: cannot write output: Bad file descriptor\n'
}

# A reader that is gone before tnc writes: EPIPE (SIGPIPE is ignored), 4
t_fault_reader_gone() {
	local pid
	start_listener open
	for script in "tnc 127.0.0.1 -Port $PORT" "tnc 127.0.0.1 -Port $PORT | fl"; do
		exec 5> >(exec true)
		pid=$!
		while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
		"$TNC" -Command "$script" >&5 2>"$ERR"
		RC=$?
		exec 5>&-
		expect_rc 4
		expect_stderr 'tnc: cannot write output: Broken pipe\n'
	done
}

# A closed stderr loses the warnings, never the result or its status
t_fault_stderr_closed() {
	start_listener closed
	"$TNC" 127.0.0.1 -Port "$PORT" >"$WORK/with" 2>/dev/null
	"$TNC" 127.0.0.1 -Port "$PORT" >"$OUT" 2>&-
	RC=$?
	expect_rc 1
	cp "$WORK/with" "$EXP"
	normalise_rtt "$EXP"
	normalise_rtt "$OUT"
	expect_file "$OUT"
	"$TNC" -Command "'127.0.0.1','bad.invalid' | tnc -Port $PORT -InformationLevel Quiet" >"$OUT" 2>&-
	RC=$?
	expect_rc 2
	expect_stdout 'False\nFalse\n'
}

# --- memory and signals --------------------------------------------------

# Little address space: the answer is right or the failure is tnc's (4),
# never a wrong False. (Below about 20 MB the dynamic loader itself cannot
# map the libraries and says so, exit 127: nothing of tnc ran.)
t_fault_ulimit_v_low() {
	if tnc_has_asan; then
		echo "    (skipped under AddressSanitizer: ulimit -v)"
		return 0
	fi
	start_listener open
	(ulimit -v 40000; "$TNC" 127.0.0.1 -Port "$PORT" -InformationLevel Quiet >"$OUT" 2>"$ERR")
	RC=$?
	expect_rc 0
	expect_stdout 'True\n'
	(ulimit -v 40000; "$TNC" -Command "$(printf "'127.0.0.1',%.0s" $(seq 40))'127.0.0.1' | tnc -Port $PORT -InformationLevel Quiet" >"$OUT" 2>"$ERR")
	RC=$?
	expect_rc 0
	expect_stdout "$(printf 'True\\n%.0s' $(seq 41))"
	quoted_list 3000000 >"$WORK/script"
	(ulimit -v 150000; "$TNC" -Command - <"$WORK/script" >"$OUT" 2>"$ERR")
	RC=$?
	expect_rc 4
	expect_stderr 'tnc: out of memory\n'
}

# SIGTERM or SIGINT mid-test ends tnc at once by that signal (a shell
# reports 128 + the signal: 143, 130), with no result printed
t_fault_signal_mid_run() {
	local sig pid t0 ms
	"$TNC" --help | grep -q '^SIGINT or SIGTERM ends tnc at once, by that signal' ||
		fail "--help does not document the signals"
	start_listener open
	drop_port "$PORT"
	for sig in TERM INT; do
		t0=$(date +%s%N)
		env --default-signal=INT "$TNC" 127.0.0.1 -Port "$PORT" -TimeoutSeconds 20 >"$OUT" 2>"$ERR" &
		pid=$!
		sleep 0.5
		kill -"$sig" "$pid"
		wait "$pid"
		RC=$?
		ms=$(( ($(date +%s%N) - t0) / 1000000 ))
		[ "$sig" = TERM ] && expect_rc 143
		[ "$sig" = INT ] && expect_rc 130
		expect_stdout ''
		expect_stderr_empty
		[ "$ms" -lt 3000 ] || fail "SIG$sig: tnc took ${ms} ms to end"
	done
}

# --- what the caller hands over -------------------------------------------

t_fault_stdin_at_limit() {
	# 16 MiB exactly: white space, then the script
	{ head -c $((16 * 1024 * 1024 - 4)) /dev/zero | tr '\0' ' '; printf "'a'\n"; } >"$WORK/script"
	[ "$(stat -c %s "$WORK/script")" -eq 16777216 ] || fail "the script is not 16 MiB"
	"$TNC" -Command - <"$WORK/script" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_stdout 'a\n'
	printf ' ' >>"$WORK/script"
	"$TNC" -Command - <"$WORK/script" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 3
	expect_stdout ''
	expect_stderr 'tnc: the script on stdin is longer than 16777216 bytes (16 MiB)\n'
}

t_fault_binary_garbage() {
	printf '\001\002\376\377' >"$WORK/script"
	"$TNC" -Command - <"$WORK/script" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 3
	expect_stdout ''
	expect_first "$ERR" "$(printf '\001\002\376\377') : The term '$(printf '\001\002\376\377')' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
}

t_fault_nul_bytes() {
	printf "tnc 127.0.0.1\0 -Port 1" >"$WORK/script"
	"$TNC" -Command - <"$WORK/script" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 3
	expect_stdout ''
	expect_stderr 'tnc: the script on stdin holds a NUL byte\n'
}

# Invalid UTF-8 is carried as bytes: a name that does not resolve
t_fault_invalid_utf8() {
	fault_case 2 - "WARNING: Name resolution of $(printf '\377\376') failed" "$(printf '\377\376')" -Port 1
	fault_case 3 "" "$(printf '\303') : The term '$(printf '\303')' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again." -Command "$(printf '\303')"
}

# A byte-order mark: dropped before a script on stdin (regressions.sh),
# part of the name in an argument (PowerShell keeps it there too)
t_fault_bom() {
	start_listener open
	printf '\357\273\277tnc 127.0.0.1 -Port %s -InformationLevel Quiet' "$PORT" |
	    "$TNC" -Command - >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 0
	expect_stdout 'True\n'
	fault_case 2 - "WARNING: Name resolution of $(printf '\357\273\277')127.0.0.1 failed" "$(printf '\357\273\277')127.0.0.1" -Port "$PORT"
}

t_fault_long_names() {
	local n254 l64
	n254=$(printf 'a%.0s' $(seq 254))
	l64=$(printf 'b%.0s' $(seq 64)).example
	fault_case 2 - "WARNING: Name resolution of $n254 failed" "$n254" -Port 1
	fault_case 2 - "WARNING: Name resolution of $l64 failed" "$l64" -Port 1
	fault_case 2 "False" "WARNING: Name resolution of $n254.$n254 failed" "$n254.$n254" -Port 1 -InformationLevel Quiet
}

# What inet_aton and getaddrinfo read as an address is one; the verdict
# comes from the address they read
t_fault_odd_ip_spellings() {
	start_listener open
	fault_case 0 "True" "" 127.1 -Port "$PORT" -InformationLevel Quiet
	fault_case 0 "True" "" 0x7f.1 -Port "$PORT" -InformationLevel Quiet
	fault_case 0 "True" "" 0177.0.0.1 -Port "$PORT" -InformationLevel Quiet
	fault_case 0 "True" "" 2130706433 -Port "$PORT" -InformationLevel Quiet
	fault_case 0 "True" "" ::ffff:127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	# the listener is on 127.0.0.1 only: ::1 refuses, an honest False
	fault_case 1 "False" "WARNING: TCP connect to (::1 : $PORT) failed" '[::1]' -Port "$PORT" -InformationLevel Quiet
	run_tnc 127.1 -Port "$PORT"
	expect_rc 0
	sed -n 3,4p "$OUT" >"$WORK/first"
	printf 'ComputerName     : 127.1\nRemoteAddress    : 127.0.0.1\n' >"$EXP"
	expect_file "$WORK/first"
}

# Every edge of -Port, -Hops and -TimeoutSeconds
t_fault_parameter_edges() {
	local range="Test-NetConnection : Cannot validate argument on parameter"
	start_listener open
	fault_case 3 "" "$range 'Port'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." 127.0.0.1 -Port 0
	fault_case 1 "False" "WARNING: TCP connect to (127.0.0.1 : 1) failed" 127.0.0.1 -Port 1 -InformationLevel Quiet
	fault_case 0 "True" "" 127.0.0.1 -Port "$PORT" -InformationLevel Quiet
	fault_case 1 "False" "WARNING: TCP connect to (127.0.0.1 : 65535) failed" 127.0.0.1 -Port 65535 -InformationLevel Quiet
	fault_case 3 "" "$range 'Port'. The 65536 argument is greater than the maximum allowed range of 65535. Supply an argument that is less than or equal to 65535 and then try the command again." 127.0.0.1 -Port 65536
	fault_case 3 "" "$range 'Port'. The -1 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." 127.0.0.1 -Port -1
	fault_case 3 "" "$range 'Port'. The 2147483647 argument is greater than the maximum allowed range of 65535. Supply an argument that is less than or equal to 65535 and then try the command again." 127.0.0.1 -Port 2147483647
	fault_case 3 "" "Test-NetConnection : Cannot process argument transformation on parameter 'Port'. Cannot convert value \"2147483648\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"" 127.0.0.1 -Port 2147483648
	fault_case 3 "" "Test-NetConnection : Cannot process argument transformation on parameter 'Port'. Cannot convert value \"9223372036854775808\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"" 127.0.0.1 -Port 9223372036854775808
	fault_case 3 "" "$range 'Port'. The 65536 argument is greater than the maximum allowed range of 65535. Supply an argument that is less than or equal to 65535 and then try the command again." 127.0.0.1 -Port 0x10000
	fault_case 3 "" "$range 'Port'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." 127.0.0.1 -Port 0.5
	fault_case 1 "False" "WARNING: TCP connect to (127.0.0.1 : 2) failed" 127.0.0.1 -Port 1.5 -InformationLevel Quiet
	fault_case 3 "" "Test-NetConnection : Missing an argument for parameter 'Port'. Specify a parameter of type 'System.Int32' and try again." 127.0.0.1 -Port
	fault_case 3 "" "$range 'Hops'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again." 127.0.0.1 -TraceRoute -Hops 0
	fault_case 0 - "" 127.0.0.1 -TraceRoute -Hops 1 -TimeoutSeconds 1
	fault_case 0 - "" 127.0.0.1 -TraceRoute -Hops 120 -TimeoutSeconds 1
	fault_case 3 "" "$range 'Hops'. The 121 argument is greater than the maximum allowed range of 120. Supply an argument that is less than or equal to 120 and then try the command again." 127.0.0.1 -TraceRoute -Hops 121
	fault_case 3 "" "$range 'TimeoutSeconds'. The 0 argument is less than or equal to the minimum allowed range of 0. Supply an argument that is greater than 0 and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds 0
	fault_case 3 "" "$range 'TimeoutSeconds'. The -1 argument is less than or equal to the minimum allowed range of 0. Supply an argument that is greater than 0 and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds -1
	fault_case 0 "True" "" 127.0.0.1 -Port "$PORT" -TimeoutSeconds 0.001 -InformationLevel Quiet
	fault_case 0 "True" "" 127.0.0.1 -Port "$PORT" -TimeoutSeconds 1e-300 -InformationLevel Quiet
	fault_case 0 "True" "" 127.0.0.1 -Port "$PORT" -TimeoutSeconds 3600 -InformationLevel Quiet
	fault_case 3 "" "$range 'TimeoutSeconds'. The 3600.0001 argument is greater than the maximum allowed range of 3600. Supply an argument that is less than or equal to 3600 and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds 3600.0001
	fault_case 3 "" "$range 'TimeoutSeconds'. The NaN argument is not a finite number. Supply a finite argument and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds NaN
	fault_case 3 "" "$range 'TimeoutSeconds'. The Infinity argument is greater than the maximum allowed range of 3600. Supply an argument that is less than or equal to 3600 and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds Infinity
	fault_case 3 "" "$range 'TimeoutSeconds'. The 1E+308 argument is greater than the maximum allowed range of 3600. Supply an argument that is less than or equal to 3600 and then try the command again." 127.0.0.1 -Port "$PORT" -TimeoutSeconds 1e308
}

# A tiny timeout on a filtered port ends by the timeout, not libcurl's
# default (a zero-millisecond timeout means "none" to libcurl)
t_fault_tiny_timeout_filtered() {
	start_listener open
	drop_port "$PORT"
	run_tnc 127.0.0.1 -Port "$PORT" -TimeoutSeconds 0.0001 -InformationLevel Quiet
	expect_rc 1
	expect_stdout 'False\n'
	# the attempt's timeout or the run deadline (10 x) ends it, whichever
	# the scheduler lets come first: both say so on stderr
	grep -q -e "^WARNING: TCP connect to (127.0.0.1 : $PORT) failed$" \
	    -e '^tnc: the run deadline of ' "$ERR" || fail "stderr: $(head -c 300 "$ERR")"
	expect_faster_than_ms 3000
}
