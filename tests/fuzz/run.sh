#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS [HARNESS...]: runs each libFuzzer harness
# (default: all five) for SECONDS on a scratch corpus seeded from
# tests/fuzz/seeds/<name>/, with the dictionary. A finding (a crash, a
# leak, a broken invariant, a timeout) is kept in tests/fuzz/findings/ and
# makes the run fail. Build first: make fuzz. Longer runs: see README
# "Reliability"; CORPUS=dir keeps the corpus between runs.
set -u
cd "$(dirname "$0")/../.."
root=$PWD
secs=${1:-20}
shift || true
harnesses=${*:-script main format ast ops}
mkdir -p tests/fuzz/findings
status=0
for h in $harnesses; do
	bin=tests/fuzz/fuzz_$h
	[ -x "$bin" ] || { echo "fuzz: $bin is not built (make fuzz)" >&2; exit 1; }
	corpus=${CORPUS:+$(realpath -m "$CORPUS")/$h}
	[ -n "$corpus" ] || corpus=$(mktemp -d /tmp/tnc-fuzz-$h.XXXXXX)
	mkdir -p "$corpus"
	log=$(mktemp /tmp/tnc-fuzz-$h-log.XXXXXX)
	# scripts up to 512 bytes: a longer one mostly repeats what short ones
	# cover, at a fraction of the runs per second; size itself is
	# tests/tools/input_size.sh's and the regression tests' job
	maxlen=2048
	[ "$h" = script ] && maxlen=512
	# in a scratch directory: what a fuzzed Out-File or Export-Csv writes
	# lands there (the harnesses write nowhere else: files_here_only)
	scratch=$(mktemp -d /tmp/tnc-fuzz-cwd-$h.XXXXXX)
	(cd "$scratch" && "$root/$bin" -max_total_time="$secs" -max_len=$maxlen \
	    -timeout=10 -rss_limit_mb=2048 -dict="$root/tests/fuzz/tnc.dict" \
	    -print_final_stats=1 -artifact_prefix="$root/tests/fuzz/findings/$h-" \
	    "$corpus" "$root/tests/fuzz/seeds/$h") >"$log" 2>&1
	rc=$?
	rm -rf "$scratch"
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	echo "fuzz_$h: ${runs:-?} runs in ${secs}s, $cov, exit $rc"
	if [ "$rc" -ne 0 ]; then
		status=1
		grep -E 'ERROR|INVARIANT|runtime error|Test unit written' "$log" | head -20
	fi
	rm -f "$log"
	[ -n "${CORPUS:-}" ] || rm -rf "$corpus"
done
exit $status
