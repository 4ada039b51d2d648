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

# One check, start-up included (issue 12): what a job step pays per call.
# hyperfine -N runs each command directly (no shell in between) and reports
# the median of many runs. tnc in its three builds: lean (make: its own
# lean libcurl, static, and glibc), static (make static: musl, no library
# at all) and system (Debian's shared libcurl and its dependency tree).
# The open-port check is compared with nc -z and bash's /dev/tcp; the echo
# (no port: tnc sends one ICMP echo) with ping -c1 and fping.
STARTUP_RUNS=${STARTUP_RUNS:-300}
./tests/tools/deps.sh hyperfine iputils-ping fping || exit 1
hf=$(mktemp /tmp/tnc-bench-hf.XXXXXX)
startup() {	# CASE BASE-LABEL LABEL=COMMAND...
	local case=$1 baselabel=$2 lc
	shift 2
	local args=()
	for lc in "$@"; do
		args+=(-n "${lc%%=*}" "${lc#*=}")
	done
	hyperfine -N --style none --warmup 20 --runs "$STARTUP_RUNS" --export-csv "$hf" "${args[@]}" \
	    >/dev/null 2>&1 || { echo "bench: hyperfine failed for $case" >&2; return 1; }
	# command,mean,stddev,median,user,system,min,max
	awk -F, -v c="$case" -v b="$baselabel" 'NR > 1 { n[NR] = $1; m[NR] = $4 * 1000; if ($1 == b) base = $4 * 1000 }
	    END { for (i = 2; i <= NR; i++) printf "%-7s %-22s %10.3f %8.2f\n", c, n[i], m[i], m[i] / base }' "$hf"
}
echo
echo "one check, start-up included: median ms of $STARTUP_RUNS runs (hyperfine -N); ratio to nc -z / ping -c1"
printf '%-7s %-22s %10s %8s\n' case tool median_ms ratio
startup open "nc -z" \
    "tnc (lean)=./tnc 127.0.0.1 -Port $open -InformationLevel Quiet" \
    "tnc (static)=./tnc-static 127.0.0.1 -Port $open -InformationLevel Quiet" \
    "tnc (system libcurl)=build/system/tnc 127.0.0.1 -Port $open -InformationLevel Quiet" \
    "nc -z=nc -z -w 1 127.0.0.1 $open" \
    "bash /dev/tcp=bash -c ':</dev/tcp/127.0.0.1/$open'"
startup echo "ping -c1" \
    "tnc (lean)=./tnc 127.0.0.1 -InformationLevel Quiet" \
    "tnc (static)=./tnc-static 127.0.0.1 -InformationLevel Quiet" \
    "tnc (system libcurl)=build/system/tnc 127.0.0.1 -InformationLevel Quiet" \
    "ping -c1=ping -c1 -W1 -n -q 127.0.0.1" \
    "fping=fping -q -t 1000 127.0.0.1"
rm -f "$hf"
