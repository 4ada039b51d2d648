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
