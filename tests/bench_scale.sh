#!/usr/bin/env bash
# make bench, part 2: many targets in one run (issue 8), tnc against nmap -sT,
# xargs -P with nc -z, and (ICMP) fping, on the same targets with the same
# timeout, in the same run. Reports wall time, CPU time and max RSS (medians
# of RUNS runs) and each tnc view's ratio to nmap, then the issue's targets.
#
# Every run has a network namespace of its own that holds only loopback,
# made fresh for it: targets are distinct 127.0.0.0/8 addresses, one
# listener on 0.0.0.0:$OPEN answers for all of them, "closed" is a port
# nobody listens on, and nftables drops the 127.1.0.0/16 targets (the
# "filtered" 10 %).  Fresh, because on loopback both ends of every connect
# live in one TCP table: 100,000 connects leave as many TIME_WAIT sockets
# (most on the listener's side, which in real use is on the remote hosts),
# and in a shared namespace each run would pay for the ones before it, in
# whatever order the cases ran.
#
#   SIZES="10 100 1000 10000"  BIG=100000  RUNS=3  TIMEOUT=1  tests/bench_scale.sh
set -u
cd "$(dirname "$0")/.."

SIZES=${SIZES:-10 100 1000 10000}
BIG=${BIG:-100000}		# Quiet and the default view (and nmap), once
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-1}
XARGS_P=${XARGS_P:-64}
OPEN=5022 CLOSED=5023		# in a namespace of its own, any port is free

[ "$(id -u)" -eq 0 ] || { echo "bench_scale: needs root (network namespaces of its own); not run" >&2; exit 1; }
./tests/tools/deps.sh nmap netcat-openbsd fping nftables iproute2 || exit 1
# a long-running scanner's descriptor limit
ulimit -n "$(ulimit -Hn)" 2>/dev/null

WORK=$(mktemp -d /tmp/tnc-bench.XXXXXX)
NS="" NS_SEQ=0 LISTENER_PID=""
ns_down() {
	[ -n "$LISTENER_PID" ] && { kill "$LISTENER_PID" 2>/dev/null; wait "$LISTENER_PID" 2>/dev/null; }
	[ -n "$NS" ] && ip netns del "$NS"
	NS="" LISTENER_PID=""
}
trap 'ns_down; rm -rf "$WORK"' EXIT

# ns_up: a fresh namespace in $NS, its listener on $OPEN and its filter
ns_up() {
	local fifo=$WORK/port
	NS=tnc-bench-$$-$((NS_SEQ += 1))
	ip netns add "$NS" || exit 1
	ip -n "$NS" link set lo up
	ip netns exec "$NS" sysctl -qw net.ipv4.ping_group_range="0 2147483647" \
	    net.ipv4.ip_local_port_range="1024 65535" net.ipv4.tcp_tw_reuse=1 || exit 1
	ip netns exec "$NS" nft -f - <<EOF || exit 1
table inet tncbench {
	chain input {
		type filter hook input priority 0; policy accept;
		ip daddr 127.1.0.0/16 drop
	}
}
EOF
	mkfifo "$fifo"
	ip netns exec "$NS" tests/tools/listener open -a 0.0.0.0 -p "$OPEN" -t 3600 >"$fifo" &
	LISTENER_PID=$!
	read -r _ <"$fifo" || { echo "bench_scale: no listener" >&2; exit 1; }
	rm -f "$fifo"
}

# addr KIND I: the I-th target (200 per /24, no .0/.255)
addr() {
	local i=$2 net=2
	[ "$1" = filtered ] && net=1
	echo "127.$((net + i / 40000)).$(((i / 200) % 200 + 1)).$((i % 200 + 1))"
}

# targets KIND N: a file of N targets; "mixed": every 10th one filtered
targets() {
	local f=$WORK/$1-$2 i
	[ -s "$f" ] || for ((i = 0; i < $2; i++)); do
		if [ "$1" = mixed ] && [ $((i % 10)) -eq 9 ]; then addr filtered "$i"; else addr open "$i"; fi
	done >"$f"
	echo "$f"
}

# median RUNS CMD...: "wall_ms cpu_ms rss_kb" medians (by wall) of RUNS runs,
# each in a fresh namespace
median() {
	local n=$1 i
	shift
	trap ns_down EXIT	# callers run this in $(...), a subshell of its own
	: >"$WORK/runs"
	for ((i = 0; i < n; i++)); do
		ns_up
		ip netns exec "$NS" tests/tools/measure "$@" 2>&1 >/dev/null | tail -1 >>"$WORK/runs"
		ns_down
	done
	sort -n "$WORK/runs" | awk -v n="$n" 'NR == int((n + 1) / 2) { print $1, $2, $3 }'
}

# tnc_script VIEW PORT FILE [THROTTLE]: the -Command script of a view
# (PORT "icmp": no port, the ping view)
tnc_script() {
	local p="" thr=""
	[ "$2" != icmp ] && p=" -Port $2"
	[ -n "${4:-}" ] && thr=" -ThrottleLimit $4"
	case $1 in
	quiet) echo "Get-Content $3 | tnc$p -TimeoutSeconds $TIMEOUT$thr -InformationLevel Quiet" ;;
	list) echo "Get-Content $3 | tnc$p -TimeoutSeconds $TIMEOUT$thr" ;;
	select) echo "Get-Content $3 | tnc$p -TimeoutSeconds $TIMEOUT$thr | select ComputerName, TcpTestSucceeded" ;;
	esac
}

RESULTS=$WORK/results
# record CASE N TOOL MEDIANS
record() { echo "$1 $2 $3 $4" >>"$RESULTS"; }

run_case() {	# CASE PORT N
	local case=$1 port=$2 n=$3 file runs=$RUNS view m
	file=$(targets "$([ "$case" = filtered10 ] && echo mixed || echo open)" "$n")
	[ "$n" -ge "$BIG" ] && runs=1
	for view in quiet list select; do
		# at the largest size: the views the memory target names
		[ "$n" -ge "$BIG" ] && [ "$view" = select ] && continue
		m=$(median "$runs" ./tnc -Command "$(tnc_script "$view" "$port" "$file")")
		record "$case" "$n" "tnc-$view" "$m"
	done
	record "$case" "$n" nmap "$(median "$runs" nmap -sT -Pn -n -p "$port" -iL "$file" \
	    --max-retries 0 --max-rtt-timeout "${TIMEOUT}s" -oG -)"
	if [ "$n" -le 10000 ]; then
		record "$case" "$n" xargs-nc "$(median "$runs" xargs -a "$file" -P "$XARGS_P" -I{} \
		    nc -z -w "$TIMEOUT" {} "$port")"
	fi
}

: >"$RESULTS"
for n in $SIZES $BIG; do
	run_case open "$OPEN" "$n"
	[ "$n" -le 10000 ] && run_case closed "$CLOSED" "$n"
done
# 10 % filtered, -TimeoutSeconds 1, with the in-flight limit at least N
file=$(targets mixed 1000)
record filtered10 1000 tnc-quiet-throttle1000 "$(median "$RUNS" ./tnc -Command "$(tnc_script quiet "$OPEN" "$file" 1000)")"
record filtered10 1000 nmap "$(median "$RUNS" nmap -sT -Pn -n -p "$OPEN" -iL "$file" --max-retries 0 --max-rtt-timeout "${TIMEOUT}s" -oG -)"
# ICMP only: the ping view against fping
for n in 1000 10000; do
	file=$(targets open "$n")
	record icmp "$n" tnc-quiet "$(median "$RUNS" ./tnc -Command "$(tnc_script quiet icmp "$file")")"
	# -i 0: no pause between echoes (fping's default is 10 ms apiece)
	record icmp "$n" fping "$(median "$RUNS" fping -q -r 0 -i 0 -t $((TIMEOUT * 1000)) -f "$file")"
done

# the table: ratios to nmap (fping for ICMP) of the same case and size
awk '
	{ key = $1 " " $2; wall[key, $3] = $4; cpu[key, $3] = $5; rss[key, $3] = $6; order[++n] = key SUBSEP $3 }
	END {
		printf "%-10s %7s %-24s %10s %10s %9s %8s\n", "case", "targets", "tool", "wall_ms", "cpu_ms", "rss_MB", "vs_peer"
		for (i = 1; i <= n; i++) {
			split(order[i], k, SUBSEP); key = k[1]; tool = k[2]; split(key, kc, " ")
			peer = kc[1] == "icmp" ? "fping" : "nmap"
			r = (key, peer) in wall && wall[key, peer] > 0 ? sprintf("%.3f", wall[key, tool] / wall[key, peer]) : "-"
			printf "%-10s %7s %-24s %10.1f %10.1f %9.1f %8s\n", kc[1], kc[2], tool, wall[key, tool], cpu[key, tool], rss[key, tool] / 1024, r
		}
	}' "$RESULTS"

# the issue's targets
echo
awk -v big="$BIG" '
	{ wall[$1, $2, $3] = $4; rss[$1, $2, $3] = $6 }
	function check(what, ok) { printf "%-74s %s\n", what, ok ? "met" : "MISSED" }
	function have(a, b, c) { return (a, b, c) in wall }
	END {
		for (n = 1000; n <= 10000; n *= 10)
			for (v = 1; v <= 3; v++) {
				view = v == 1 ? "tnc-quiet" : v == 2 ? "tnc-list" : "tnc-select"
				if (have("open", n, view) && have("open", n, "nmap"))
					check(sprintf("%d open targets, %s within 1x nmap -sT (%.0f vs %.0f ms)", n, view, wall["open", n, view], wall["open", n, "nmap"]),
					    wall["open", n, view] <= wall["open", n, "nmap"])
			}
		for (v = 1; v <= 3; v++) {
			view = v == 1 ? "tnc-quiet" : v == 2 ? "tnc-list" : "tnc-select"
			if (!have("open", 1000, view) || !have("open", 10000, view))
				continue
			r = wall["open", 10000, view] / wall["open", 1000, view]
			check(sprintf("linear: %s 10,000 / 1,000 targets = %.1fx (at most 12x)", view, r), r <= 12)
		}
		if (big > 10000 && have("open", big, "tnc-quiet") && have("open", 10000, "tnc-quiet")) {
			r = wall["open", big, "tnc-quiet"] / wall["open", 10000, "tnc-quiet"]
			check(sprintf("linear: tnc-quiet %d / 10,000 targets = %.1fx (at most %dx)", big, r, big / 10000 * 1.2), r <= big / 10000 * 1.2)
			check(sprintf("max RSS at %d targets, Quiet: %.1f MB (at most 64)", big, rss["open", big, "tnc-quiet"] / 1024), rss["open", big, "tnc-quiet"] <= 65536)
			check(sprintf("max RSS at %d targets, default view: %.1f MB (at most 64)", big, rss["open", big, "tnc-list"] / 1024), rss["open", big, "tnc-list"] <= 65536)
		}
		check(sprintf("1,000 targets, 10%% filtered, -TimeoutSeconds 1, -ThrottleLimit 1000: %.0f ms (at most 1200)", wall["filtered10", 1000, "tnc-quiet-throttle1000"]),
		    wall["filtered10", 1000, "tnc-quiet-throttle1000"] <= 1200)
	}' "$RESULTS"
