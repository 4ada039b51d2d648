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

# show CMD...: prints the command as one would type it in a shell, runs it
show() {
	local a line="\$"
	for a in "$@"; do
		case $a in
		*[\ \|]*) line="$line '$a'" ;;
		*) line="$line $a" ;;
		esac
	done
	echo "$line"
	"$@"
	echo "[exit status $?]"
	echo
}

echo "== A listener on 127.0.0.1:$open stands in for the Managed Instance endpoint."
echo "== Job step 'Test Port 5022' of TestMILinkConnection, its command string split"
echo "== into arguments as a CmdExec step does (no shell):"
echo
show ./tnc 127.0.0.1 -port "$open" '|' select ComputerName, RemoteAddress, TcpTestSucceeded '|' Format-List
echo "== The same string handed over whole, as pwsh -Command takes it:"
echo
show ./tnc -Command "tnc 127.0.0.1 -port $open | select ComputerName, RemoteAddress, TcpTestSucceeded | Format-List"
echo "== The NetHelper job's step:"
echo
show ./tnc 127.0.0.1 -port "$open" -InformationLevel Quiet
echo "== The same checks against a closed port ($closed):"
echo
show ./tnc 127.0.0.1 -port "$closed" '|' select ComputerName, RemoteAddress, TcpTestSucceeded '|' Format-List
show ./tnc 127.0.0.1 -port "$closed" -InformationLevel Quiet
echo "== A job step that is a script (issue 11), both ways it can go:"
echo
for port in "$open" "$closed"; do
	show ./tnc -Command "\$r = Test-NetConnection -ComputerName 127.0.0.1 -Port $port -WarningAction SilentlyContinue
if (\$r.TcpTestSucceeded) { Write-Output \"$port open on \$(\$r.RemoteAddress)\" } else { Write-Output \"$port closed\"; exit 1 }"
done
