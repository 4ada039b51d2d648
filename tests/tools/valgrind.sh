#!/usr/bin/env bash
# valgrind.sh: valgrind memcheck over a representative set of tnc commands
# (make valgrind). Loopback only: it runs inside a network namespace of
# its own (root; only lo, where a listener waits), so not even a name
# lookup can leave the machine. Clean means: no invalid access, no use of uninitialised memory,
# no definite leak; "possibly lost" blocks of libraries are not counted.
set -u
cd "$(dirname "$0")/../.."
TNC=$PWD/tnc
LISTENER=$PWD/tests/tools/listener

if [ "${TNC_VG_INSIDE:-}" = "" ]; then
	# a name lookup outside a namespace would reach the machine's resolver
	[ "$(id -u)" -eq 0 ] || { echo "valgrind: needs root (a network namespace of its own)" >&2; exit 1; }
	exec unshare -n env TNC_VG_INSIDE=1 "$0" "$@"
fi
ip link set lo up
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 1; }

W=$(mktemp -d /tmp/tnc-vg.XXXXXX)
"$LISTENER" open -t 300 >"$W/port" &
lpid=$!
trap 'kill $lpid 2>/dev/null; rm -rf "$W"' EXIT
while [ ! -s "$W/port" ]; do sleep 0.05; done
P=$(cat "$W/port")
C=$("$LISTENER" closed)

failed=0 n=0
# vg NAME ARGS...: one command under memcheck (stdin from $W/stdin if set)
vg() {
	local name=$1 rc
	shift
	n=$((n + 1))
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --suppressions="$PWD/tests/tools/valgrind.supp" \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --log-file="$W/vg.log" "$TNC" "$@" <"${STDIN:-/dev/null}" \
	    >/dev/null 2>"$W/err"
	rc=$?
	if [ "$rc" -eq 99 ] || [ -s "$W/vg.log" ]; then
		echo "valgrind: $name: errors (exit $rc):"
		sed 's/^/    /' "$W/vg.log" | head -40
		failed=$((failed + 1))
	else
		echo "valgrind: $name: clean (exit $rc)"
	fi
}

vg "open port" 127.0.0.1 -Port "$P"
vg "closed port, echo" 127.0.0.1 -Port "$C"
vg "quiet" 127.0.0.1 -Port "$P" -InformationLevel Quiet
vg "detailed" 127.0.0.1 -Port "$P" -InformationLevel Detailed
vg "echo only" 127.0.0.1
vg "trace route" 127.0.0.1 -TraceRoute -Hops 2 -TimeoutSeconds 1
vg "diagnose routing" 127.0.0.1 -DiagnoseRouting
vg "name that does not resolve" nosuch.invalid -Port 1 -TimeoutSeconds 1
vg "usage error" 127.0.0.1 -Port 0
vg "parse error, long line cut" -Command "'a','b','c','d','e','f','g','h','i','j','k','l','m' | tnc -Port 1 | select ComputerName |"
vg "seed job step" 127.0.0.1 -port "$P" '|' select ComputerName, RemoteAddress, TcpTestSucceeded '|' Format-List
vg "list of names" -Command "'127.0.0.1','localhost','127.0.0.2','nosuch.invalid' | tnc -Port $P -TimeoutSeconds 1 | select ComputerName, TcpTestSucceeded"
vg "member access" -Command "(tnc 127.0.0.1 -Port $P).TcpTestSucceeded"
vg "json and csv" -Command "tnc 127.0.0.1 -Port $P | ConvertTo-Json; tnc 127.0.0.1 -Port $P | ConvertTo-Csv"
vg "format table, out-string" -Command "tnc 127.0.0.1 -Port $P | ft -AutoSize | Out-String -Stream"
vg "select -First, wildcard" -Command "'127.0.0.1','127.0.0.1' | tnc -Port $P | select -First 1 -Property Remote*"
vg "diagnose routing in a pipeline" -Command "tnc 127.0.0.1 -DiagnoseRouting | fl"
vg "warning action stop" 127.0.0.1 -Port "$C" -WarningAction Stop
vg "bad wildcard" -Command "tnc 127.0.0.1 -Port $P | select '[]'"
printf "\357\273\277tnc 127.0.0.1 -Port %s | fl -Property *\n" "$P" >"$W/stdin"
STDIN=$W/stdin vg "-Command - with a BOM" -Command -
vg "script: variables, if, exit" -Command "\$r = tnc 127.0.0.1 -Port $P -WarningAction SilentlyContinue; if (\$r.TcpTestSucceeded) { \"open on \$(\$r.RemoteAddress)\" } else { exit 1 }"
vg "script: loops, functions, ++" -Command "function f(\$p, [int]\$n = 2) { \$p * \$n }; for (\$i = 0; \$i -lt 3; \$i++) { f \$i }; foreach (\$h in 'a','b') { \$h.ToUpper() }; \$x = 0; while (\$x -lt 2) { \$x += 1 }; do { \$x-- } until (\$x -le 0)"
vg "script: ForEach-Object, Where-Object" -Command "$P..$((P + 2)) | ForEach-Object { tnc 127.0.0.1 -Port \$_ -InformationLevel Quiet } | Where-Object { \$_ }; 1..5 | ? { \$_ % 2 } | % { \"n\$_\" }"
vg "script: try, catch, throw, runtime error" -Command "try { throw 'boom' } catch { \"caught \$_\" } finally { 'done' }; [int]'abc'; @{a=1; b=@(1,2)} | ConvertTo-Json; throw 'end'"
vg "script: -Parallel" -Command "\$p = $P; 1..4 | ForEach-Object -Parallel { tnc 127.0.0.1 -Port \$using:p -InformationLevel Quiet } -ThrottleLimit 2"
vg "help" --help
echo "valgrind: $n commands, $failed with errors"
[ "$failed" -eq 0 ]
