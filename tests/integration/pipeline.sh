# The PowerShell pipeline (issue 3): spec 2.2, 3.4-3.6 and the seed's job
# steps, through the three ways in:
#   argv    tnc 127.0.0.1 -port P '|' select ... '|' Format-List
#   command tnc -Command '<script>'
#   stdin   echo '<script>' | tnc -Command -
# Expected bytes are spec 3's, with Linux's interface name "lo". stderr is
# compared with what the plain command prints for the same test (its own
# texts are core.sh's business), so notes of ours never break these.

# run_way WAY SCRIPT: runs SCRIPT one way; argv needs a script starting
# with "tnc" and without quoted spaces (it is split on spaces, as a job
# step's CmdExec would hand it over).
run_way() {
	local way=$1 script=$2 w
	case $way in
	argv)
		read -ra w <<<"$script"
		run_tnc "${w[@]:1}" ;;
	command)
		run_tnc -Command "$script" ;;
	stdin)
		local t0 t1
		t0=$(date +%s%N)
		printf '%s\n' "$script" | "$TNC" -Command - >"$OUT" 2>"$ERR"
		RC=$?
		t1=$(date +%s%N)
		ELAPSED_MS=$(( (t1 - t0) / 1000000 )) ;;
	esac
}

# check_ways "WAYS" SCRIPT RC STDOUT STDERR: each way must give exactly
# these bytes (RTTs normalised) and this exit status.
check_ways() {
	local ways=$1 script=$2 rc=$3 out=$4 err=$5 way
	for way in $ways; do
		run_way "$way" "$script"
		normalise_rtt "$OUT"
		[ "$RC" -eq "$rc" ] || fail "$way: exit status $RC, expected $rc"
		printf '%s' "$out" >"$EXP"
		cmp -s "$OUT" "$EXP" || fail "$way: stdout differs:$(diff <(od -c "$EXP") <(od -c "$OUT") | head -10)"
		printf '%s' "$err" >"$EXP"
		cmp -s "$ERR" "$EXP" || fail "$way: stderr differs:$(diff <(od -c "$EXP") <(od -c "$ERR") | head -10)"
	done
}

ALL_WAYS="argv command stdin"

# plain_stderr ARGS...: the stderr of the plain command, into PLAIN_ERR
plain_stderr() {
	"$TNC" "$@" >/dev/null 2>"$WORK/plain_err"
	PLAIN_ERR=$(cat "$WORK/plain_err"; printf x)
	PLAIN_ERR=${PLAIN_ERR%x}
}

SEL="select ComputerName, RemoteAddress, TcpTestSucceeded"

# The seed's first job step, verbatim, the port open: spec 3.5 on success
t_pl_seed_job_step_open() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | $SEL | Format-List" 0 \
	    $'\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' ''
}

# ... the port closed: spec 3.5 (2 blank lines before, 3 after), rc 1
t_pl_seed_job_step_closed() {
	start_listener closed
	plain_stderr 127.0.0.1 -port "$PORT"
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | $SEL | Format-List" 1 \
	    $'\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nTcpTestSucceeded : False\n\n\n\n' "$PLAIN_ERR"
}

# The seed's second job step (NetHelper): Quiet
t_pl_seed_quiet() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT -InformationLevel Quiet" 0 $'True\n' ''
	start_listener closed
	plain_stderr 127.0.0.1 -port "$PORT"
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT -InformationLevel Quiet" 1 $'False\n' "$PLAIN_ERR"
}

# Spec 3.4: a selection of 3 properties is a table; localhost, both refused
t_pl_select_table() {
	start_listener closed
	plain_stderr localhost -port "$PORT"
	check_ways "$ALL_WAYS" "tnc localhost -port $PORT | $SEL" 1 \
	    $'\nComputerName RemoteAddress TcpTestSucceeded\n------------ ------------- ----------------\nlocalhost    ::1                      False\n\n\n' "$PLAIN_ERR"
}

# Spec 3.7: the member's own casing in labels, wildcards in member order
t_pl_select_casing_and_wildcard() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select computername, Remote* | fl" 0 \
	    $'\n\nComputerName  : 127.0.0.1\nRemoteAddress : 127.0.0.1\nRemotePort    : '"$PORT"$'\n\n\n\n' ''
}

# Spec 2.2 (a), (b), (c), (f), (h) through -Command and stdin (argv is core.sh's)
t_pl_spec_2_2_examples() {
	local ok=$'ComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : %s\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	start_listener open
	# shellcheck disable=SC2059
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -Port $PORT" 0 $'\n\n'"$(printf "$ok" "$PORT")"$'\n\n\n\n' ''
	check_ways "$ALL_WAYS" "Test-NetConnection 127.0.0.1 -Port $PORT | Out-Default" 0 $'\n\n'"$(printf "$ok" "$PORT")"$'\n\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1" 0 \
	    $'\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n' ''
	start_listener closed
	plain_stderr 127.0.0.1 -Port "$PORT"
	check_ways "$ALL_WAYS" "TNC 127.0.0.1 -Port $PORT" 1 \
	    $'\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nRemotePort             : '"$PORT"$'\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTcpTestSucceeded       : False\n\n\n\n' "$PLAIN_ERR"
	plain_stderr asas
	check_ways "$ALL_WAYS" "tnc asas" 2 \
	    $'\n\nComputerName   : asas\nRemoteAddress  : \nInterfaceAlias : \nSourceAddress  : \nPingSucceeded  : False\n\n\n\n' "$PLAIN_ERR"
	plain_stderr asas -port 1
	check_ways "$ALL_WAYS" "tnc asas -port 1 | $SEL | Format-List" 2 \
	    $'\n\nComputerName     : asas\nRemoteAddress    : \nTcpTestSucceeded : False\n\n\n\n' "$PLAIN_ERR"
}

# Spec 2.2(d) Detailed (as root, so IsAdmin is hidden) and (e) TraceRoute,
# on loopback (localhost is ::1 then 127.0.0.1 here, as on Windows)
t_pl_spec_2_2_detailed_and_traceroute() {
	[ "$(id -u)" -eq 0 ] || { fail "needs root: IsAdmin would show"; return; }
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -Port $PORT -InformationLevel Detailed" 0 \
	    $'\n\nComputerName            : 127.0.0.1\nRemoteAddress           : 127.0.0.1\nRemotePort              : '"$PORT"$'\nNameResolutionResults   : 127.0.0.1\nMatchingIPsecRules      : \nNetworkIsolationContext : Loopback\nInterfaceAlias          : lo\nSourceAddress           : 127.0.0.1\nNetRoute (NextHop)      : 0.0.0.0\nTcpTestSucceeded        : True\n\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc localhost -InformationLevel Detailed" 0 \
	    $'\n\nComputerName           : localhost\nRemoteAddress          : ::1\nNameResolutionResults  : ::1\n                         127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : ::1\nNetRoute (NextHop)     : ::\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\n\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -TraceRoute" 0 \
	    $'\n\nComputerName           : 127.0.0.1\nRemoteAddress          : 127.0.0.1\nInterfaceAlias         : lo\nSourceAddress          : 127.0.0.1\nPingSucceeded          : True\nPingReplyDetails (RTT) : N ms\nTraceRoute             : 127.0.0.1\n\n\n\n' ''
}

# Spec 2.2(g): one object per name, in input order, under one envelope;
# with 2>&1 the warning for localhost sits right above its first line
t_pl_input_list_interleaved() {
	local obj1 obj2
	start_listener open
	obj1=$'ComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	obj2=$'ComputerName     : localhost\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	plain_stderr localhost -port "$PORT"
	check_ways "command stdin" "'127.0.0.1','localhost' | tnc -port $PORT" 0 \
	    $'\n\n'"$obj1"$'\n'"$obj2"$'\n\n\n' "$PLAIN_ERR"
	"$TNC" -Command "'127.0.0.1','localhost' | tnc -port $PORT" >"$OUT" 2>&1
	printf '\n\n%s\n%s%s\n\n\n' "$obj1" "$PLAIN_ERR" "$obj2" >"$EXP"
	expect_file "$OUT"
}

# Many targets at once: tests run in parallel, output stays in input order
t_pl_many_targets_bounded() {
	local names="" i expected=""
	start_listener closed
	for i in $(seq 1 40); do names="$names,'127.0.0.1'"; done
	run_tnc -Command "${names#,} | tnc -port $PORT -TimeoutSeconds 1 -InformationLevel Quiet"
	expect_rc 1
	for i in $(seq 1 40); do expected="${expected}False"$'\n'; done
	printf '%s' "$expected" >"$EXP"
	expect_file "$OUT"
	expect_faster_than_ms 15000
}

# Spec 3.6: -ExpandProperty gives bare scalars; RemoteAddress an IPAddress
t_pl_expand_property() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select -ExpandProperty TcpTestSucceeded" 0 $'True\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select -ExpandProperty RemotePort" 0 "$PORT"$'\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select -exp ComputerName" 0 $'127.0.0.1\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select -ExpandProperty RemoteAddress" 0 \
	    $'\n\nAddress            : 16777343\nAddressFamily      : InterNetwork\nScopeId            : \nIsIPv6Multicast    : False\nIsIPv6LinkLocal    : False\nIsIPv6SiteLocal    : False\nIsIPv6Teredo       : False\nIsIPv4MappedToIPv6 : False\nIPAddressToString  : 127.0.0.1\n\n\n\n' ''
}

# A missing -ExpandProperty: 5.1's non-terminating error, exit status 1
t_pl_expand_property_missing() {
	local s
	start_listener open
	s="tnc 127.0.0.1 -port $PORT | select -ExpandProperty Nope"
	check_ways "$ALL_WAYS" "$s" 1 '' \
	    "Select-Object : Property \"Nope\" cannot be found.
At line:1 char:$(( ${#PORT} + 24 ))
+ $s
+ $(printf '%*s' $(( ${#PORT} + 23 )) '')~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidArgument: (TestNetConnectionResult:PSObject) [Select-Object], PSArgumentException
    + FullyQualifiedErrorId : ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand
 
"
}

# Member access prints the scalar
t_pl_member_access() {
	start_listener open
	check_ways "command stdin" "(tnc 127.0.0.1 -port $PORT).TcpTestSucceeded" 0 $'True\n' ''
	check_ways "command stdin" "(tnc 127.0.0.1 -port $PORT).RemotePort" 0 "$PORT"$'\n' ''
	check_ways "command stdin" "(tnc 127.0.0.1 -port $PORT).Nope" 0 '' ''
}

# Several statements, each in its own envelope
t_pl_statements() {
	start_listener open
	check_ways "command stdin" "tnc 127.0.0.1 -port $PORT -i quiet; tnc 127.0.0.1 -p $PORT | select -exp RemotePort" 0 "True"$'\n'"$PORT"$'\n' ''
}

# Out-String: the formatter's lines as one string, which the host ends
# with one more newline (ours where spec 3.6 is UNCONFIRMED); -Stream:
# one string per line, the same bytes as the list itself
t_pl_out_string() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | $SEL | Format-List | Out-String" 0 \
	    $'\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | $SEL | Format-List | Out-String -Stream" 0 \
	    $'\n\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n\n\n' ''
}

# -OutputStyle PowerShell7: 7.4's list envelope, 1 blank line before and after
t_pl_output_style_7() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT -OutputStyle PowerShell7 | $SEL | Format-List" 0 \
	    $'\nComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nTcpTestSucceeded : True\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT -OutputStyle PowerShell7 -NewLine CRLF | $SEL" 0 \
	    $'\r\nComputerName RemoteAddress TcpTestSucceeded\r\n------------ ------------- ----------------\r\n127.0.0.1    127.0.0.1                 True\r\n\r\n' ''
}

# ConvertTo-Csv: scripts read results without screen-scraping
t_pl_convert_csv() {
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | select ComputerName, TcpTestSucceeded | ConvertTo-Csv -NoTypeInformation" 0 \
	    $'"ComputerName","TcpTestSucceeded"\n"127.0.0.1","True"\n' ''
}

# Issue 10.1: real job steps write `ft a, b, c` and `fl Name`: Format-Table
# and Format-List take -Property at position 0; ConvertTo-Json takes
# -InputObject at 0 (bound, then refused as a parameter tnc does not run)
t_pl_downstream_positional() {
	local s
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | ft ComputerName, RemotePort, TcpTestSucceeded" 0 \
	    $'\nComputerName RemotePort TcpTestSucceeded\n------------ ---------- ----------------\n127.0.0.1    '"$(printf '%10s' "$PORT")"$'             True\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | Format-List ComputerName" 0 \
	    $'\n\nComputerName : 127.0.0.1\n\n\n\n' ''
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | fl Remote*, TcpTestSucceeded" 0 \
	    $'\n\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nTcpTestSucceeded : True\n\n\n\n' ''
	s="tnc 127.0.0.1 -port $PORT | ConvertTo-Json x"
	check_ways "$ALL_WAYS" "$s" 3 '' "At line:1 char:$(( ${#s} ))
+ $s
+ $(printf '%*s' $(( ${#s} - 1 )) '')~
The parameter 'InputObject' of ConvertTo-Json is not supported by tnc.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : ParameterNotSupported
 
"
}

# Issue 10.7: -WarningAction Stop in a pipeline: the objects before it,
# then the warning, then Write-Warning's stop error; exit status 1
t_pl_warning_action_stop() {
	local s obj
	start_listener open
	s="'127.0.0.1','127.0.0.2' | tnc -port $PORT -wa stop"
	obj=$'ComputerName     : 127.0.0.1\nRemoteAddress    : 127.0.0.1\nRemotePort       : '"$PORT"$'\nInterfaceAlias   : lo\nSourceAddress    : 127.0.0.1\nTcpTestSucceeded : True\n'
	check_ways "command stdin" "$s" 1 $'\n\n'"$obj"$'\n\n\n' "WARNING: TCP connect to (127.0.0.2 : $PORT) failed
Write-Warning : The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: TCP connect to (127.0.0.2 : $PORT) failed
At line:1 char:1
+ $s
+ $(printf '%*s' ${#s} '' | tr ' ' '~')
    + CategoryInfo          : OperationStopped: (:) [Write-Warning], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand
 
"
}

# Issue 10.9 (spec 7.7): all properties on loopback, which has no
# NetAdapter and no InterfaceDescription; the route's InstanceID; an
# address literal without a reverse name has no DNS records, a name has
# its A/AAAA records (as root, so IsAdmin is True)
t_pl_all_properties_loopback() {
	[ "$(id -u)" -eq 0 ] || { fail "needs root: IsAdmin would differ"; return; }
	start_listener open
	check_ways "$ALL_WAYS" "tnc 127.0.0.1 -port $PORT | fl *" 0 \
	    $'\n\nComputerName             : 127.0.0.1\nRemoteAddress            : 127.0.0.1\nResolvedAddresses        : {127.0.0.1}\nPingSucceeded            : False\nPingReplyDetails         : \nTcpClientSocket          : \nTcpTestSucceeded         : True\nRemotePort               : '"$PORT"$'\nTraceRoute               : \nDetailed                 : False\nInterfaceAlias           : lo\nInterfaceIndex           : 1\nInterfaceDescription     : \nNetAdapter               : \nNetRoute                 : MSFT_NetRoute (InstanceID = "127.0.0.1/32;0.0.0.0;1")\nSourceAddress            : 127.0.0.1\nNameResolutionSucceeded  : True\nBasicNameResolution      : {}\nLLMNRNetbiosRecords      : {}\nDNSOnlyRecords           : {}\nAllNameResolutionResults : \nIsAdmin                  : True\nNetworkIsolationContext  : Loopback\nMatchingIPsecRules       : \n\n\n\n' ''
	plain_stderr localhost -port "$PORT"
	check_ways "$ALL_WAYS" "tnc localhost -port $PORT | fl NetRoute, *Records, AllNameResolutionResults" 0 \
	    $'\n\nNetRoute                 : MSFT_NetRoute (InstanceID = "127.0.0.1/32;0.0.0.0;1")\nLLMNRNetbiosRecords      : {}\nDNSOnlyRecords           : {Microsoft.DnsClient.Commands.DnsRecord_AAAA, Microsoft.DnsClient.Commands.DnsRecord_A}\nAllNameResolutionResults : {Microsoft.DnsClient.Commands.DnsRecord_AAAA, Microsoft.DnsClient.Commands.DnsRecord_A}\n\n\n\n' "$PLAIN_ERR"
}

# pipe_error SCRIPT MESSAGE-LINES... : the NormalView block of a usage error
# at the extent the caller names; nothing runs, exit status 3
bad_line() {
	local ways=$1 script=$2 expected=$3
	check_ways "$ways" "$script" 3 '' "$expected"
}

t_pl_bad_command_lines() {
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | foo" "foo : The term 'foo' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.
At line:1 char:25
+ tnc 127.0.0.1 -port 5 | foo
+                         ~~~
    + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFoundException
    + FullyQualifiedErrorId : CommandNotFoundException
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | select -foo" "Select-Object : A parameter cannot be found that matches parameter name 'foo'.
At line:1 char:32
+ tnc 127.0.0.1 -port 5 | select -foo
+                                ~~~~
    + CategoryInfo          : InvalidArgument: (:) [Select-Object], ParameterBindingException
    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | Format-List -foo" "Format-List : A parameter cannot be found that matches parameter name 'foo'.
At line:1 char:37
+ tnc 127.0.0.1 -port 5 | Format-List -foo
+                                     ~~~~
    + CategoryInfo          : InvalidArgument: (:) [Format-List], ParameterBindingException
    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.PowerShell.Commands.FormatListCommand
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | select -s 1" "Select-Object : Parameter cannot be processed because the parameter name 's' is ambiguous. Possible matches include: -Skip -SkipLast.
At line:1 char:32
+ tnc 127.0.0.1 -port 5 | select -s 1
+                                ~~
    + CategoryInfo          : InvalidArgument: (:) [Select-Object], ParameterBindingException
    + FullyQualifiedErrorId : AmbiguousParameter,Microsoft.PowerShell.Commands.SelectObjectCommand
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | select -First abc" "Select-Object : Cannot bind parameter 'First'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"
At line:1 char:39
+ tnc 127.0.0.1 -port 5 | select -First abc
+                                       ~~~
    + CategoryInfo          : InvalidArgument: (:) [Select-Object], ParameterBindingException
    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SelectObjectCommand
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | select -First" "Select-Object : Missing an argument for parameter 'First'. Specify a parameter of type 'System.Int32' and try again.
At line:1 char:32
+ tnc 127.0.0.1 -port 5 | select -First
+                                ~~~~~~
    + CategoryInfo          : InvalidArgument: (:) [Select-Object], ParameterBindingException
    + FullyQualifiedErrorId : MissingArgument,Microsoft.PowerShell.Commands.SelectObjectCommand
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 |" "At line:1 char:24
+ tnc 127.0.0.1 -port 5 |
+                        ~
An empty pipe element is not allowed.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : EmptyPipeElement
 
"
	bad_line "command stdin" "tnc 'abc" "At line:1 char:5
+ tnc 'abc
+     ~~~~
The string is missing the terminator: '.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | fl > x.txt" "At line:1 char:28
+ tnc 127.0.0.1 -port 5 | fl > x.txt
+                            ~
Redirection is not supported by tnc: '>'. Redirect tnc's output in the calling shell instead.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : RedirectionNotSupported
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | Group-Object" "At line:1 char:25
+ tnc 127.0.0.1 -port 5 | Group-Object
+                         ~~~~~~~~~~~~
The command 'Group-Object' is not supported by tnc. A tnc pipeline runs Test-NetConnection, Select-Object, Format-List, Format-Table, Out-String, ConvertTo-Json, ConvertTo-Csv, Out-Default, Out-Host, Out-Null, Get-Content, ForEach-Object, Where-Object, Write-Output, Write-Host, Write-Warning, Write-Error, Start-Sleep, Out-File, Export-Csv, Measure-Object, Sort-Object and Get-Date.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : CommandNotSupported
 
"
	# issue 10.4: any command or alias of 5.1's built-in modules is known
	bad_line "command stdin" "Import-Csv hosts.csv | tnc -port 5022" "At line:1 char:1
+ Import-Csv hosts.csv | tnc -port 5022
+ ~~~~~~~~~~
The command 'Import-Csv' is not supported by tnc. A tnc pipeline runs Test-NetConnection, Select-Object, Format-List, Format-Table, Out-String, ConvertTo-Json, ConvertTo-Csv, Out-Default, Out-Host, Out-Null, Get-Content, ForEach-Object, Where-Object, Write-Output, Write-Host, Write-Warning, Write-Error, Start-Sleep, Out-File, Export-Csv, Measure-Object, Sort-Object and Get-Date.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : CommandNotSupported
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | Resolve-DnsName" "At line:1 char:25
+ tnc 127.0.0.1 -port 5 | Resolve-DnsName
+                         ~~~~~~~~~~~~~~~
The command 'Resolve-DnsName' is not supported by tnc. A tnc pipeline runs Test-NetConnection, Select-Object, Format-List, Format-Table, Out-String, ConvertTo-Json, ConvertTo-Csv, Out-Default, Out-Host, Out-Null, Get-Content, ForEach-Object, Where-Object, Write-Output, Write-Host, Write-Warning, Write-Error, Start-Sleep, Out-File, Export-Csv, Measure-Object, Sort-Object and Get-Date.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : CommandNotSupported
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | ft -Wrap" "At line:1 char:28
+ tnc 127.0.0.1 -port 5 | ft -Wrap
+                            ~~~~~
The parameter 'Wrap' of Format-Table is not supported by tnc.
    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
    + FullyQualifiedErrorId : ParameterNotSupported
 
"
	bad_line "$ALL_WAYS" "tnc 127.0.0.1 -port 5 | ConvertTo-Csv -Delimiter ab" "ConvertTo-Csv : Cannot bind parameter 'Delimiter'. Cannot convert value \"ab\" to type \"System.Char\". Error: \"String must be exactly one character long.\"
At line:1 char:50
+ tnc 127.0.0.1 -port 5 | ConvertTo-Csv -Delimiter ab
+                                                  ~~
    + CategoryInfo          : InvalidArgument: (:) [ConvertTo-Csv], ParameterBindingException
    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.ConvertToCsvCommand
 
"
	# a usage error in a later statement: nothing runs at all
	bad_line "command stdin" "tnc 127.0.0.1 -port 5; tnc -port 0" "Test-NetConnection : Cannot validate argument on parameter 'Port'. The 0 argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.
At line:1 char:34
+ tnc 127.0.0.1 -port 5; tnc -port 0
+                                  ~
    + CategoryInfo          : InvalidData: (:) [Test-NetConnection], ParameterBindingValidationException
    + FullyQualifiedErrorId : ParameterArgumentValidationError,Test-NetConnection
 
"
	# pipeline input and -ComputerName: no parameter left for the input
	bad_line "command stdin" "'a','b' | tnc c -port 5" "$(for n in a b; do printf '%s\n' "Test-NetConnection : The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.
At line:1 char:11
+ 'a','b' | tnc c -port 5
+           ~~~~~~~~~~~~~
    + CategoryInfo          : InvalidArgument: ($n:String) [Test-NetConnection], ParameterBindingException
    + FullyQualifiedErrorId : InputObjectNotBound,Test-NetConnection
 "; done)
"
}

t_pl_command_option_errors() {
	run_tnc -Command
	expect_rc 3
	expect_stderr 'tnc: -Command needs a script, or - to read it from stdin\n'
	head -c 16777217 /dev/zero | tr '\0' ' ' >"$WORK/big"
	"$TNC" -command - <"$WORK/big" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 3
	expect_stderr 'tnc: the script on stdin is longer than 16777216 bytes (16 MiB)\n'
}
