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
	    '$env:PATH' "-InformationLevel" "-TimeoutSeconds 0" "-TimeoutSeconds nan" \
	    "a b c" "-Port 80 -TraceRoute" "-Hops 121" "-wa foo"; do
		# shellcheck disable=SC2086
		run_tnc $args
		[ "$RC" -eq 3 ] || fail "'tnc $args' exited $RC, expected 3"
		[ -s "$OUT" ] && fail "'tnc $args' wrote to stdout"
		[ -s "$ERR" ] || fail "'tnc $args' wrote no error"
	done
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
