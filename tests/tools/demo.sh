#!/usr/bin/env bash
# make demo: the Managed Instance link check, run for real against a
# throwaway listener on a free loopback port, then against a closed port.
set -u
cd "$(dirname "$0")/../.."
fifo=$(mktemp -u /tmp/tnc-demo.XXXXXX)
mkfifo "$fifo"
tests/tools/listener open -t 30 >"$fifo" &
listener=$!
trap 'kill $listener 2>/dev/null; rm -f "$fifo"' EXIT
read -r open <"$fifo"
closed=$(tests/tools/listener closed)

show() {
	echo "\$ $*"
	"$@"
	echo "[exit status $?]"
	echo
}

echo "== A listener on 127.0.0.1:$open stands in for the Managed Instance endpoint."
echo "== The job-step check, as SQL Agent's step would run it:"
echo
show ./tnc 127.0.0.1 -port "$open"
show ./tnc 127.0.0.1 -port "$open" -InformationLevel Quiet
echo "== The same checks against a closed port ($closed):"
echo
show ./tnc 127.0.0.1 -port "$closed"
show ./tnc 127.0.0.1 -port "$closed" -InformationLevel Quiet
