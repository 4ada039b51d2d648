# Usage, help and parameter errors of ./tnc (issue 2 items 2 and 6).

t_help_and_version() {
	run_tnc --help
	expect_rc 0
	expect_stderr_empty
	grep -q '^Usage: tnc ' "$OUT" || fail "--help prints no usage"
	grep -q '^  3  usage or parameter error' "$OUT" || fail "--help lacks exit codes"
	run_tnc -?
	expect_rc 0
	grep -q '^Usage: tnc ' "$OUT" || fail "-? prints no usage"
	run_tnc --version
	expect_rc 0
	grep -q '^tnc [0-9]' "$OUT" || fail "--version"
}

t_unknown_parameter_error() {
	run_tnc -foo
	expect_rc 3
	expect_stdout ''
	expect_stderr "Test-NetConnection : A parameter cannot be found that matches parameter name 'foo'.\nAt line:1 char:5\n+ tnc -foo\n+     ~~~~\n    + CategoryInfo          : InvalidArgument: (:) [Test-NetConnection], ParameterBindingException\n    + FullyQualifiedErrorId : NamedParameterNotFound,Test-NetConnection\n \n"
}

t_port_range_error() {
	run_tnc 127.0.0.1 -Port 0
	expect_rc 3
	expect_stdout ''
	expect_stderr "Test-NetConnection : Cannot validate argument on parameter 'Port'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.\nAt line:1 char:21\n+ tnc 127.0.0.1 -Port 0\n+                     ~\n    + CategoryInfo          : InvalidData: (:) [Test-NetConnection], ParameterBindingValidationException\n    + FullyQualifiedErrorId : ParameterArgumentValidationError,Test-NetConnection\n \n"
}

t_ambiguous_parameter_error() {
	run_tnc -c x
	expect_rc 3
	expect_stderr "Test-NetConnection : Parameter cannot be processed because the parameter name 'c' is ambiguous. Possible matches include: -ComputerName -CommonTCPPort -ConstrainSourceAddress -ConstrainInterface.\nAt line:1 char:5\n+ tnc -c x\n+     ~~\n    + CategoryInfo          : InvalidArgument: (:) [Test-NetConnection], ParameterBindingException\n    + FullyQualifiedErrorId : AmbiguousParameter,Test-NetConnection\n \n"
}

t_invoked_as_test_netconnection() {
	ln -sf "$TNC" "$WORK/Test-NetConnection"
	"$WORK/Test-NetConnection" -foo >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 3
	sed -n '3p' "$ERR" >"$WORK/line3"
	printf '+ Test-NetConnection -foo\n' >"$EXP"
	expect_file "$WORK/line3"
}

t_bad_input_never_crashes() {
	local args
	for args in "-Port" "-Port -1" "-Port 99999999999" "x -Port abc" "'unterminated" \
	    '$(1' "-InformationLevel" "-TimeoutSeconds 0" "-TimeoutSeconds nan" \
	    "a b c" "-Port 80 -TraceRoute" "-Hops 121" "-wa foo"; do
		# shellcheck disable=SC2086
		run_tnc $args
		[ "$RC" -eq 3 ] || fail "'tnc $args' exited $RC, expected 3"
		[ -s "$OUT" ] && fail "'tnc $args' wrote to stdout"
		[ -s "$ERR" ] || fail "'tnc $args' wrote no error"
	done
}

# Issue 10.2: only the full names of our parameters are ours; a prefix of
# them means what it means in Windows PowerShell (argv and -Command alike)
t_extension_prefix_is_powershells() {
	local way
	for way in argv command; do
		if [ $way = argv ]; then
			run_tnc host -Timeout 1000
		else
			run_tnc -Command 'tnc host -Timeout 1000'
		fi
		expect_rc 3
		expect_stdout ''
		expect_stderr "Test-NetConnection : A parameter cannot be found that matches parameter name 'Timeout'.\nAt line:1 char:10\n+ tnc host -Timeout 1000\n+          ~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [Test-NetConnection], ParameterBindingException\n    + FullyQualifiedErrorId : NamedParameterNotFound,Test-NetConnection\n \n"
	done
	run_tnc host -O PowerShell7
	expect_rc 3
	expect_stderr "Test-NetConnection : Parameter cannot be processed because the parameter name 'O' is ambiguous. Possible matches include: -OutVariable -OutBuffer.\nAt line:1 char:10\n+ tnc host -O PowerShell7\n+          ~~\n    + CategoryInfo          : InvalidArgument: (:) [Test-NetConnection], ParameterBindingException\n    + FullyQualifiedErrorId : AmbiguousParameter,Test-NetConnection\n \n"
	# the full names, in any case, are ours; -comma... is still -Command
	start_listener open
	run_tnc -comma "tnc 127.0.0.1 -port $PORT -TIMEOUTSECONDS 2 -newline crlf -outputstyle PowerShell7 -i quiet"
	expect_rc 0
	expect_stdout 'True\r\n'
}

# Issue 10.3: a placeholder copied from documentation is 5.1's parse error,
# the '<' underlined, through argv (as a CmdExec step splits it) and -Command
t_less_than_placeholder() {
	local expected="At line:1 char:5\n+ tnc <SQL_SERVER_IP_ADDRESS> -port 5022\n+     ~\nThe '<' operator is reserved for future use.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : RedirectionNotSupported\n \n"
	run_tnc '<SQL_SERVER_IP_ADDRESS>' -port 5022
	expect_rc 3
	expect_stdout ''
	expect_stderr "$expected"
	run_tnc -Command 'tnc <SQL_SERVER_IP_ADDRESS> -port 5022'
	expect_rc 3
	expect_stdout ''
	expect_stderr "$expected"
	# inside a word '<' and '>' are text: a name that does not resolve
	run_tnc 'sql.<region>.example' -port 5022 -InformationLevel Quiet
	expect_rc 2
	expect_stdout 'False\n'
	expect_stderr 'WARNING: Name resolution of sql.<region>.example failed\n'
}

# Issue 10.8: the seed's job step with a typo, as CmdExec hands it over:
# the echoed line is cut to 69 characters as Windows PowerShell 5.1 cuts it
# (Position.cs), so the history shows what it shows on Windows
t_error_position_cut_seed_typo() {
	run_tnc 127.0.0.1 -port 5022 '|' select ComputerName, RemoteAddress, TcpTestSucceeded '|' Format-Lis
	expect_rc 3
	expect_stdout ''
	expect_stderr "Format-Lis : The term 'Format-Lis' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\nAt line:1 char:83\n+ ... 2 | select ComputerName, RemoteAddress, TcpTestSucceeded | Format-Lis\n+                                                                ~~~~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (Format-Lis:String) [], CommandNotFoundException\n    + FullyQualifiedErrorId : CommandNotFoundException\n \n"
}
