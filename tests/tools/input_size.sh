#!/usr/bin/env bash
# input_size.sh: how tnc's lexer, parser and binder scale with the size of
# a script (issue 8 item 4, issue 9 item 7). Each shape is generated at N,
# 2N, 4N and 8N and ends in a binding error, so the whole script is lexed,
# parsed and bound and nothing is ever sent (every run also sits in its own
# network namespace when run as root). Prints wall time, max RSS and the
# time ratio to the previous size: linear work doubles, quadratic work
# quadruples. A measurement, never a test: nothing here asserts a time.
#
#   tests/tools/input_size.sh [TNC]      (default ./tnc)
set -u
TNC=${1:-./tnc}
W=$(mktemp -d /tmp/tnc-size.XXXXXX)
trap 'rm -rf "$W"' EXIT
NS=""
[ "$(id -u)" -eq 0 ] && NS="unshare -n"

gen() {		# gen SHAPE N: the script on stdout
	local n=$2
	case $1 in
	quoted)	printf 'tnc h -Port '; yes "'a'," | head -n $((n - 1)) | tr '\n' ' '; printf "'a'\n" ;;
	list)	seq -f "'h%g'," 1 $((n - 1)) | tr -d '\n'; printf "'h0' | tnc -Port 5022 -NoSuch\n" ;;
	names)	printf 'tnc -ComputerName '; seq -f 'h%g,' 1 $((n - 1)) | tr -d '\n'; printf 'h0 -Port x\n' ;;
	stmts)	yes 'tnc 127.0.0.1 -Port 1 | select ComputerName | fl;' | head -n "$n" | tr -d '\n'; printf ' tnc -NoSuch\n' ;;
	esac
}

printf '%-7s %9s %10s %8s %9s %6s\n' shape N bytes ms maxRSS_KB ratio
for shape in quoted list names stmts; do
	base=100000
	[ "$shape" = stmts ] && base=10000
	prev=""
	for k in 1 2 4 8; do
		n=$((base * k))
		gen "$shape" "$n" >"$W/s"
		t0=$(date +%s%N)
		$NS /usr/bin/time -f '%M' -o "$W/t" "$TNC" -Command - <"$W/s" >/dev/null 2>&1
		rc=$?
		ms=$(( ($(date +%s%N) - t0) / 1000000 ))
		[ "$rc" -eq 3 ] || { echo "$shape $n: exit status $rc, expected 3" >&2; exit 1; }
		rss=$(tail -1 "$W/t")
		ratio=-
		[ -n "$prev" ] && ratio=$(awk -v a="$ms" -v b="$prev" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')
		printf '%-7s %9d %10d %8d %9s %6s\n' "$shape" "$n" "$(stat -c %s "$W/s")" "$ms" "$rss" "$ratio"
		prev=$ms
	done
done
