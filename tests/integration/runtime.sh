# The streaming runtime (issue 8): targets from files (Get-Content), tnc
# anywhere in a pipeline, -DiagnoseRouting in a pipeline, many targets in
# one run, and -First cancelling the tests it no longer needs. Loopback
# only: the runner's private namespace.

# gc_file NAME CONTENT: a file under $WORK, written with printf's escapes
gc_file() {
	printf "$2" >"$WORK/$1"
	GC_FILE=$WORK/$1
}

# Lines end at CRLF, LF or the end of the file; each line is a target
t_rt_get_content_feeds_tnc() {
	start_listener open
	gc_file hosts.txt '127.0.0.1\r\n::1\n127.0.0.1'
	run_tnc -Command "Get-Content $GC_FILE | tnc -Port $PORT -InformationLevel Quiet"
	expect_rc 1
	expect_stdout 'True\nFalse\nTrue\n'
	expect_stderr 'WARNING: TCP connect to (::1 : %s) failed\ntnc: [::1]:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
	# the aliases, and the objects Out-Default prints in one table
	run_tnc -Command "cat $GC_FILE -TotalCount 1 | tnc -Port $PORT | select ComputerName, TcpTestSucceeded"
	expect_rc 0
	expect_stdout '\nComputerName TcpTestSucceeded\n------------ ----------------\n127.0.0.1                True\n\n\n'
}

t_rt_get_content_counts_and_encodings() {
	gc_file lines.txt 'a\nb\r\nc\rd\n'
	run_tnc -Command "Get-Content $GC_FILE"
	expect_rc 0
	expect_stdout 'a\nb\nc\nd\n'
	run_tnc -Command "gc $GC_FILE -Head 2; gc $GC_FILE -Tail 1; gc $GC_FILE -Last 0"
	expect_stdout 'a\nb\nd\n'
	# UTF-16LE with its byte-order mark, and -Encoding for one without
	gc_file utf16.txt '\377\376h\000\351\000\n\000'
	run_tnc -Command "Get-Content $GC_FILE"
	expect_stdout 'h\303\251\n'
	gc_file be.txt '\000x\000y'
	run_tnc -Command "Get-Content $GC_FILE -Encoding BigEndianUnicode"
	expect_stdout 'xy\n'
	gc_file bytes.bin 'A\n'
	run_tnc -Command "Get-Content $GC_FILE -Encoding Byte"
	expect_stdout '65\n10\n'
}

# A missing file: 5.1's ItemNotFoundException with the full path, exit 1
t_rt_get_content_missing_file() {
	run_tnc -Command "Get-Content nosuch.txt"
	expect_rc 1
	expect_stdout ''
	printf "Get-Content : Cannot find path '%s/nosuch.txt' because it does not exist.\nAt line:1 char:1\n+ Get-Content nosuch.txt\n+ ~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (%s/nosuch.txt:String) [Get-Content], ItemNotFoundException\n    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\n \n" "$PWD" "$PWD" >"$EXP"
	expect_file "$ERR"
	run_tnc -Command "Get-Content nosuch.txt -ErrorAction SilentlyContinue"
	expect_rc 1
	expect_stderr_empty
	run_tnc -Command "Get-Content $WORK/x -Encoding UTF7"
	expect_rc 3
}

# Test-NetConnection takes a result's ComputerName by property name
t_rt_tnc_after_tnc() {
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | tnc -Port $PORT -InformationLevel Quiet"
	expect_rc 0
	expect_stdout 'True\n'
	expect_stderr_empty
}

# -DiagnoseRouting means the same in a pipeline as on its own
t_rt_diagnose_routing_in_pipeline() {
	local plain
	plain=$("$TNC" 127.0.0.1 -DiagnoseRouting; printf x)
	run_tnc -Command "tnc 127.0.0.1 -DiagnoseRouting | Format-List"
	expect_rc 0
	printf '%s' "${plain%x}" >"$EXP"
	expect_file "$OUT"
	run_tnc -Command "tnc 127.0.0.1 -DiagnoseRouting | select -ExpandProperty OutgoingInterfaceIndex"
	expect_stdout '1\n'
}

# Many targets: every one tested, printed in input order
t_rt_many_targets_in_order() {
	local names="" expected="" i
	start_listener open
	for i in $(seq 1 300); do
		names="$names,'127.0.0.1'"
		expected="${expected}True"$'\n'
	done
	run_tnc -Command "${names#,} | tnc -Port $PORT -InformationLevel Quiet"
	expect_rc 0
	printf '%s' "$expected" >"$EXP"
	expect_file "$OUT"
	expect_stderr_empty
}

# -First has what it needs: the filtered test still in flight is abandoned
t_rt_first_cancels_the_rest() {
	start_listener full
	run_tnc -Command "'::1','127.0.0.1' | tnc -Port $PORT -TimeoutSeconds 20 -InformationLevel Quiet | select -First 1"
	expect_rc 1
	expect_stdout 'False\n'
	expect_stderr 'WARNING: TCP connect to (::1 : %s) failed\ntnc: [::1]:%s: connection refused (TCP reset)\n' "$PORT" "$PORT"
	expect_faster_than_ms 10000
}

# -WarningAction Stop is script-terminating, as PowerShell's Stop preference
# makes it: the warning when it is said, the output closed, then the error
# record; the statements after it do not run
t_rt_stop_ends_the_script() {
	local s obj
	start_listener open
	s="'127.0.0.1','127.0.0.2' | tnc -Port $PORT -wa stop; tnc 127.0.0.1 -Port $PORT -i quiet"
	obj=$'ComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	# the echoed line, longer than 69 characters, is cut as Position.cs cuts it
	printf '\n\n%s\nWARNING: TCP connect to (127.0.0.2 : %s) failed\n\n\nWrite-Warning : The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: TCP connect to (127.0.0.2 : %s) failed\nAt line:1 char:1\n+ %s ...\n+ %s\n    + CategoryInfo          : OperationStopped: (:) [Write-Warning], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand\n \n' \
	    "$obj" "$PORT" "$PORT" "${s:0:69}" "$(printf '%*s' 69 '' | tr ' ' '~')" >"$EXP"
	expect_file "$OUT"
}

# One Out-Default for the whole script: two statements' objects share one
# list envelope, as in PowerShell (the first object's shape holds)
t_rt_statements_share_out_default() {
	local obj
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT; tnc 127.0.0.1 -Port $PORT"
	expect_rc 0
	obj=$'ComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	printf '\n\n%s\n%s\n\n\n' "$obj" "$obj" >"$EXP"
	expect_file "$OUT"
}

# The echo goes beside a connect only once it failed or has not answered
# within 100 ms: a port that answers at once costs no ICMP at all, a
# filtered one still gets its echo (counted by nftables on loopback)
t_rt_echo_only_when_the_connect_lags() {
	local n
	nft add table inet tncecho && nft add chain inet tncecho out \
	    '{ type filter hook output priority 0; }' &&
	    nft add rule inet tncecho out icmp type echo-request counter ||
	    { fail "nft: cannot count echoes"; return; }
	start_listener open
	run_tnc 127.0.0.1 -Port "$PORT"
	expect_rc 0
	n=$(nft list table inet tncecho | sed -n 's/.*counter packets \([0-9]*\).*/\1/p')
	[ "$n" = 0 ] || fail "$n echoes for an open port, expected none"
	start_listener full
	run_tnc 127.0.0.1 -Port "$PORT" -TimeoutSeconds 1
	expect_rc 1
	n=$(nft list table inet tncecho | sed -n 's/.*counter packets \([0-9]*\).*/\1/p')
	[ "$n" = 1 ] || fail "$n echoes for a filtered port, expected 1"
	nft delete table inet tncecho
}
