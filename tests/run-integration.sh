#!/usr/bin/env bash
# Runs every tests/integration/*.sh test against ./tnc.
# TNC (a program), TNC_IT_FILES (test files instead of tests/integration/*.sh)
# and TNC_IT_SKIP (test names not to run) let tests/dist/ run the same tests
# against another build of tnc.
#
# As root, the tests run inside a private network namespace of their own:
# only its loopback exists, and its resolver (/etc/netns/NAME/resolv.conf)
# points at 127.0.0.1, so no probe and no name lookup can leave the machine.
# Without root that isolation is impossible: the runner says so and fails
# when CI is set, else runs only the tests that need no namespace.
set -u
cd "$(dirname "$0")/.."

if [ "${TNC_IT_INSIDE:-}" = "" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "!! integration tests need root (network namespaces); NOT RUN" >&2
		[ -n "${CI:-}" ] && exit 1
		exit 0
	fi
	ns=tnc-it-$$
	mkdir -p "/etc/netns/$ns"
	printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' >"/etc/netns/$ns/resolv.conf"
	# Windows resolves localhost to ::1 first, then 127.0.0.1 (spec 1.4)
	printf '::1 localhost\n127.0.0.1 localhost\n' >"/etc/netns/$ns/hosts"
	ip netns add "$ns" || exit 1
	ip -n "$ns" link set lo up
	TNC_IT_INSIDE=$ns ip netns exec "$ns" "$0" "$@"
	rc=$?
	ip netns del "$ns"
	rm -rf "/etc/netns/$ns"
	exit $rc
fi

. tests/lib.sh
# Test files may append function names to CLEANUP_HOOKS (e.g. to tear down
# the namespaces they made); they run however the runner exits.
CLEANUP_HOOKS=""
trap 'cleanup_listeners; for h in $CLEANUP_HOOKS; do "$h"; done; rm -rf "$WORK"' EXIT

passed=0 failed=0 failed_names=""
for f in ${TNC_IT_FILES:-tests/integration/*.sh}; do
	. "$f"
done
for t in $(declare -F | awk '{print $3}' | grep '^t_' | sort); do
	[ -n "${1:-}" ] && [[ $t != *$1* ]] && continue
	[[ " ${TNC_IT_SKIP:-} " == *" $t "* ]] && continue
	CURRENT_FAILED=0
	echo "-- $t"
	"$t"
	cleanup_listeners
	if [ "$CURRENT_FAILED" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failed_names="$failed_names $t"
	fi
done
[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
