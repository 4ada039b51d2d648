# tests/lib.sh: helpers for tnc's integration tests (sourced; bash).
#
# A test is a function named t_<name>. It runs ./tnc against real loopback
# listeners and compares exact bytes. Expectations record failures; the
# runner counts a test as failed if any expectation failed.

TNC=${TNC:-$PWD/tnc}
LISTENER=${LISTENER:-$PWD/tests/tools/listener}
WORK=$(mktemp -d /tmp/tnc-it.XXXXXX)
chmod 755 "$WORK"
OUT=$WORK/stdout ERR=$WORK/stderr EXP=$WORK/expected
LISTENER_PIDS=""
CURRENT_FAILED=0

cleanup_listeners() {
	for p in $LISTENER_PIDS; do kill "$p" 2>/dev/null; done
	for p in $LISTENER_PIDS; do wait "$p" 2>/dev/null; done
	LISTENER_PIDS=""
}

# start_listener MODE [ARGS...]: sets PORT. MODE is open, full or closed.
start_listener() {
	local fifo=$WORK/port.$$.$RANDOM
	if [ "$1" = closed ]; then
		PORT=$("$LISTENER" "$@")
		return
	fi
	mkfifo "$fifo"
	"$LISTENER" "$@" -t 60 >"$fifo" &
	LISTENER_PIDS="$LISTENER_PIDS $!"
	read -r PORT <"$fifo"
	rm -f "$fifo"
}

fail() {
	echo "    FAIL: $*"
	CURRENT_FAILED=1
}

# run_tnc ARGS...: runs tnc with stdout, stderr, status and time captured.
run_tnc() {
	local t0 t1
	t0=$(date +%s%N)
	"$TNC" "$@" >"$OUT" 2>"$ERR"
	RC=$?
	t1=$(date +%s%N)
	ELAPSED_MS=$(( (t1 - t0) / 1000000 ))
}

expect_rc() {
	[ "$RC" -eq "$1" ] || fail "exit status $RC, expected $1"
}

# expect_file ACTUAL: compares ACTUAL with $EXP byte for byte.
expect_file() {
	if ! cmp -s "$1" "$EXP"; then
		fail "$(basename "$1") differs from expected:"
		diff <(od -c "$EXP") <(od -c "$1") | head -20 | sed 's/^/      /'
	fi
}

# expect_stdout FORMAT [ARGS...]: printf FORMAT into $EXP, compare with stdout.
expect_stdout() {
	# shellcheck disable=SC2059
	printf "$@" >"$EXP"
	expect_file "$OUT"
}

expect_stderr() {
	# shellcheck disable=SC2059
	printf "$@" >"$EXP"
	expect_file "$ERR"
}

expect_stderr_empty() {
	[ -s "$ERR" ] && fail "stderr not empty: $(head -c 300 "$ERR")"
	return 0
}

expect_faster_than_ms() {
	[ "$ELAPSED_MS" -lt "$1" ] || fail "took ${ELAPSED_MS} ms, bound ${1} ms"
}

# The loopback echo's RTT is real and may read 0 or 1 ms: normalise only
# that number before an exact comparison of everything else.
normalise_rtt() {
	sed -i 's/^\(PingReplyDetails (RTT) *: \)[0-9][0-9]* ms/\1N ms/' "$1"
}
