# Regression tests of issue 9 (reliability): one per defect an outside
# reliability test found, named after the defect, each through ./tnc so it
# holds whatever executes the script behind main().

# 9.1: a parenthesized pipeline yielding two or more objects died (SIGSEGV)
t_reg_paren_two_objects() {
	run_tnc -Command "('a','b')"
	expect_rc 0
	expect_stdout 'a\nb\n'
	expect_stderr_empty
	start_listener open
	run_tnc -Command "('127.0.0.1','localhost' | tnc -port $PORT).TcpTestSucceeded"
	expect_rc 0
	expect_stdout 'True\nTrue\n'
	head -1 "$ERR" >"$WORK/first"
	printf 'WARNING: TCP connect to (::1 : %s) failed\n' "$PORT" >"$EXP"
	expect_file "$WORK/first"
}

# 9.3: a bad wildcard was found only after the test ran, with a PCRE2
# message and exit 4; now it is refused before anything is sent (exit 3)
t_reg_wildcard_checked_before_run() {
	start_listener closed
	run_tnc 127.0.0.1 -p "$PORT" '|' select '[]'
	expect_rc 3
	expect_stdout ''
	head -1 "$ERR" >"$WORK/first"
	printf 'Select-Object : The specified wildcard character pattern is not valid: []\n' >"$EXP"
	expect_file "$WORK/first"
	grep -q WARNING "$ERR" && fail "the test ran"
	return 0
}

# 9.4: a pattern ending in '[' read one byte past its end
t_reg_wildcard_trailing_bracket() {
	run_tnc -Command "'a' | select 'a['"
	expect_rc 3
	expect_stdout ''
	head -1 "$ERR" >"$WORK/first"
	printf 'Select-Object : The specified wildcard character pattern is not valid: a[\n' >"$EXP"
	expect_file "$WORK/first"
}

# 9.5: integers near the Int64 limits printed wrong values
t_reg_int64_literal_values() {
	run_tnc -Command 9223372036854775807
	expect_rc 0
	expect_stdout '9223372036854775807\n'
	run_tnc -Command 9007199254740993
	expect_stdout '9007199254740993\n'
	run_tnc -Command '9223372036854775808,-9223372036854775808'
	expect_stdout '9223372036854775808\n-9223372036854775808\n'
}
