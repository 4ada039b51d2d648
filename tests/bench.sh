#!/usr/bin/env bash
# make bench: tnc against its peers (OpenBSD nc, nmap -sT, bash /dev/tcp) in
# one run, on loopback only: an open port, a closed port (RST) and a filtered
# port (full accept queue), 1 s timeout everywhere. Prints the median wall
# time of each and its ratio to tnc. Needs netcat-openbsd and nmap
# (installed when missing, as root).
set -u
cd "$(dirname "$0")/.."
./tests/tools/deps.sh netcat-openbsd nmap || exit 1
RUNS=${RUNS:-21}
FILTERED_RUNS=${FILTERED_RUNS:-5}

fifo=$(mktemp -u /tmp/tnc-bench.XXXXXX)
pids=""
trap 'kill $pids 2>/dev/null; rm -f "$fifo"' EXIT
# listen MODE: starts a listener in this shell (so the trap can end it)
# and sets port. Not in $(...): a subshell would keep its pid from us.
listen() {
	mkfifo "$fifo"
	tests/tools/listener "$1" -t 600 >"$fifo" &
	pids="$pids $!"
	read -r port <"$fifo"
	rm -f "$fifo"
}
listen open; open=$port
listen full; full=$port
closed=$(tests/tools/listener closed)

# median_ms RUNS CMD...: median wall-clock milliseconds of RUNS runs
median_ms() {
	local n=$1 t0 t1
	shift
	for _ in $(seq "$n"); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 ))
	done | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

tool_cmd() {	# tool port -> command words
	case $1 in
	tnc)	echo "./tnc 127.0.0.1 -Port $2 -InformationLevel Quiet -TimeoutSeconds 1 -WarningAction SilentlyContinue" ;;
	nc)	echo "nc -z -w 1 127.0.0.1 $2" ;;
	nmap)	echo "nmap -sT -Pn -n -p $2 127.0.0.1" ;;
	bash)	echo "timeout 1 bash -c :</dev/tcp/127.0.0.1/$2" ;;
	esac
}

printf '%-6s %-9s %10s %8s\n' tool case median_ms ratio
for case in open closed filtered; do
	case $case in
	open) port=$open n=$RUNS ;;
	closed) port=$closed n=$RUNS ;;
	filtered) port=$full n=$FILTERED_RUNS ;;
	esac
	base=""
	for tool in tnc nc nmap bash; do
		# shellcheck disable=SC2046
		ms=$(median_ms "$n" $(tool_cmd $tool "$port"))
		[ -z "$base" ] && base=$ms
		printf '%-6s %-9s %10s %8s\n' "$tool" "$case" "$ms" \
		    "$(awk -v a="$ms" -v b="$base" 'BEGIN {printf "%.2f", a/b}')"
	done
done
