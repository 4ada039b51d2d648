#!/usr/bin/env bash
# tests/dist/completion.sh: dist/tnc.bash-completion, word by word. Each case
# gives the words as bash hands them to a completion function (a ':' is a
# word of its own: it is in COMP_WORDBREAKS) and the replies expected.
set -u
cd "$(dirname "$0")/../.."
# shellcheck source=../../dist/tnc.bash-completion
. dist/tnc.bash-completion
passed=0 failed=0

# expect "WORD WORD ... CUR" "REPLY REPLY ...": the last word is completed
expect() {
	local got
	read -r -a COMP_WORDS <<<"$1"
	[[ $1 == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	_tnc
	got="${COMPREPLY[*]}"
	if [ "$got" = "$2" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: completing '$1': got '$got', expected '$2'"
	fi
}

# parameter names, PowerShell style: any case, any prefix
expect "tnc host -inf" "-InformationLevel"
expect "tnc host -INF" "-InformationLevel"
expect "tnc host -p" "-Port"
expect "tnc host -Con" "-ConstrainSourceAddress -ConstrainInterface"
expect "tnc host -w" "-WarningAction"
expect "tnc host -t" "-TimeoutSeconds -TraceRoute"
expect "tnc host -Remote" "-RemoteAddress -RemotePort"
expect "tnc -comm" "-CommonTCPPort -Command"
expect "Test-NetConnection host -O" "-OutputStyle"
expect "tnc host -nosuch" ""
# values of the parameters with a fixed set, after a name or a prefix of one
expect "tnc host -InformationLevel " "Quiet Detailed"
expect "tnc host -i q" "Quiet"
expect "tnc host -in D" "Detailed"
expect "tnc host -CommonTCPPort " "HTTP RDP SMB WINRM"
expect "tnc host -commontcpport w" "WINRM"
expect "tnc host -WarningAction " "SilentlyContinue Stop Continue Inquire Ignore Suspend"
expect "tnc host -wa si" "SilentlyContinue"
expect "tnc host -ea s" "SilentlyContinue Stop Suspend"
expect "tnc host -OutputStyle p" "PowerShell7"
expect "tnc host -outputstyle w" "WindowsPowerShell"
expect "tnc host -NewLine c" "CRLF"
# tnc's extensions bind by their whole name only: -o is ambiguous, -new nothing
expect "tnc host -o " ""
expect "tnc host -new " ""
# -Name:value (bash splits at the colon)
expect "tnc host -InformationLevel : " "Quiet Detailed"
expect "tnc host -InformationLevel :" "Quiet Detailed"
expect "tnc host -i : de" "Detailed"
# values that are not a set: nothing
expect "tnc host -Port " ""
expect "tnc host -TimeoutSeconds " ""
# -c is ambiguous in tnc: it names no parameter, so no values
expect "tnc host -c " ""
# position 1 is -CommonTCPPort; after a switch the next word is positional
expect "tnc host r" "RDP"
expect "tnc -TraceRoute host h" "HTTP"
expect "tnc -p 5022 host " "HTTP RDP SMB WINRM"
expect "tnc -i:quiet host s" "SMB"
# after a pipeline bar, the commands tnc runs downstream
expect "tnc host -p 5022 '|' select ComputerName '|' Format-" "Format-List Format-Table"
expect "tnc host -p 5022 | conv" "ConvertTo-Json ConvertTo-Csv"
expect "tnc host -p 5022 | select -" ""

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
