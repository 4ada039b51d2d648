# Scripts as real job steps wrap them around tnc (issue 11): the five
# scripts of the issue and the examples of fixtures/scripts/ run unchanged
# but for the host and port (a netlab DNS name, or a loopback listener),
# and the language they use, each case with the exact bytes of stdout and
# stderr that Windows PowerShell 5.1 writes and the exit status tnc
# documents (exit N wins; an error that ended the script is 1; otherwise
# the worst of the run).
#
# The fixtures are read from stdin (tnc -Command - < file.ps1), as a job
# step that keeps its script in a file runs them; the inline cases go
# through -Command '<script>', as a job step's own text does, so that an
# error's "At line:N char:M" counts lines as 5.1's -Command does.
#
# Where 5.1's behaviour could not be confirmed the case says so.

# fixture NAME SED-SCRIPT: fixtures/scripts/NAME.ps1 with the test's host
# and port put in by sed, as $SCRIPT
fixture() {
	sed "$2" "fixtures/scripts/$1.ps1" >"$WORK/$1.ps1" || fail "no fixture $1"
	SCRIPT=$WORK/$1.ps1
}

# run_file FILE [VAR=value...]: tnc -Command - < FILE with VARs set
run_file() {
	local f=$1
	shift
	env "$@" "$TNC" -Command - <"$f" >"$OUT" 2>"$ERR"
	RC=$?
}

# run_file_in_lab FILE [VAR=value...]: the same in the lab's client namespace
run_file_in_lab() {
	local f=$1
	shift
	ip netns exec "$LAB_CLIENT" env "$@" "$TNC" -Command - <"$f" >"$OUT" 2>"$ERR"
	RC=$?
}

# run_both SCRIPT: -Command SCRIPT with stdout and stderr in one file ($OUT)
run_both() {
	"$TNC" -Command "$1" >"$OUT" 2>&1
	RC=$?
}

# refused HOST PORT: what tnc writes on stderr for a port that resets
refused() {
	printf 'WARNING: TCP connect to (%s : %s) failed\ntnc: %s:%s: connection refused (TCP reset)\n' "$1" "$2" "$1" "$2"
}

# ---- the five scripts of issue 11 ----------------------------------------

# 1: $r = tnc ...; if ($r.TcpTestSucceeded) {...} else {...; exit 1}, with
# the lab's DNS name for the open branch and a host that resets for the other
t_netlab_scripts_issue_if_else() {
	lab_need || return
	fixture issue11-if-else 's/sqlmi\.contoso\.net/server.lab.test/'
	run_file_in_lab "$SCRIPT"
	expect_rc 0
	expect_stdout '5022 open on 198.18.2.10\n'
	expect_stderr_empty
	fixture issue11-if-else 's/sqlmi\.contoso\.net/198.18.2.11/'
	run_file_in_lab "$SCRIPT"
	expect_rc 1
	expect_stdout '5022 closed\n'
	expect_stderr_empty
}

# 2: foreach over two hosts, each result through Select-Object: one table
# (one Out-Default for the whole script), the warning of the closed one on
# stderr
t_netlab_scripts_issue_foreach_select() {
	lab_need || return
	fixture issue11-foreach-select "s/'sql1'/'server.lab.test'/; s/'sql2'/'198.18.2.11'/; s/1433/$LAB_PORT/"
	run_file_in_lab "$SCRIPT"
	expect_rc 1
	expect_stdout '\nComputerName    TcpTestSucceeded\n------------    ----------------\nserver.lab.test             True\n198.18.2.11                False\n\n\n'
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.11 : 5022) failed\n'
}

# 3: a range of ports through ForEach-Object, kept small: 11000..11005 on
# loopback with listeners on 11001 and 11004
t_scripts_issue_port_range() {
	start_listener open -p 11001
	start_listener open -p 11004
	fixture issue11-port-range 's/sqlmi\.contoso\.net/127.0.0.1/; s/11999/11005/'
	run_file "$SCRIPT"
	expect_rc 1
	expect_stdout 'False\nTrue\nFalse\nFalse\nTrue\nFalse\n'
	{ refused 127.0.0.1 11000; refused 127.0.0.1 11002
	  refused 127.0.0.1 11003; refused 127.0.0.1 11005; } >"$EXP"
	expect_file "$ERR"
}

# 4: the verdict is the exit status alone (127.0.0.1:5730, as written)
t_scripts_issue_exit_status() {
	fixture issue11-exit-status ''
	run_file "$SCRIPT"
	expect_rc 1
	expect_stdout ''
	expect_stderr_empty
	start_listener open -p 5730
	run_file "$SCRIPT"
	expect_rc 0
	expect_stdout ''
	expect_stderr_empty
}

# 5: $env:MI_HOST from the environment; the assignment prints nothing, the
# status is the test's; "$ok" appended shows what it holds
t_netlab_scripts_issue_env_quiet() {
	lab_need || return
	fixture issue11-env-quiet ''
	run_file_in_lab "$SCRIPT" MI_HOST=server.lab.test
	expect_rc 0
	expect_stdout ''
	expect_stderr_empty
	run_file_in_lab "$SCRIPT" MI_HOST=198.18.2.11
	expect_rc 1
	expect_stdout ''
	expect_lab_warnings 'WARNING: TCP connect to (198.18.2.11 : 5022) failed\n'
	printf '"ok=$ok"\n' >>"$SCRIPT"
	run_file_in_lab "$SCRIPT" MI_HOST=dual.lab.test
	expect_rc 0
	expect_stdout 'ok=True\n'
	run_file_in_lab "$SCRIPT" MI_HOST=198.18.2.11
	expect_rc 1
	expect_stdout 'ok=False\n'
}

# ---- the other fixtures ---------------------------------------------------

# The link check: one line per port, a time-stamped summary, exit 1 when a
# port is closed (the lab's server answers 5022 and resets 5023)
t_netlab_scripts_fixture_mi_link_check() {
	lab_need || return
	fixture mi-link-check ''
	run_file_in_lab "$SCRIPT" MI_HOST=server.lab.test MI_PORTS=5022,5023
	expect_rc 1
	sed -i 's/^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] /STAMP /' "$OUT"
	expect_stdout 'server.lab.test:5022 open (198.18.2.10)\nserver.lab.test:5023 CLOSED\nSTAMP link check FAILED: 1 of 2 ports closed\n'
	expect_stderr_empty
	run_file_in_lab "$SCRIPT" MI_HOST=server.lab.test MI_PORTS=5022
	expect_rc 0
	sed -i 's/^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] /STAMP /' "$OUT"
	expect_stdout 'server.lab.test:5022 open (198.18.2.10)\nSTAMP link check passed\n'
}

# The sweep: "a-b" ranges through -match and $Matches, [pscustomobject]
# rows in a Format-Table -AutoSize, a -f summary, its own exit status
t_scripts_fixture_port_sweep() {
	start_listener open -p 11001
	start_listener open -p 11003
	fixture port-sweep ''
	run_file "$SCRIPT" SWEEP_HOST=127.0.0.1 SWEEP_PORTS=11003,11000-11002
	expect_rc 0
	expect_stdout '\n Port  Open\n ----  ----\n11003  True\n11000 False\n11001  True\n11002 False\n\n\n2 of 4 ports open on 127.0.0.1: 11003, 11001\n'
	expect_stderr_empty
	run_file "$SCRIPT" SWEEP_HOST=127.0.0.1 SWEEP_PORTS=11000
	expect_rc 1
	expect_stdout '\n Port  Open\n ----  ----\n11000 False\n\n\n0 of 1 ports open on 127.0.0.1: \n'
}

# The retry loop: a closed port is tried three times with Start-Sleep
# between, a warning each; an open one answers at once
t_scripts_fixture_retry() {
	local closed
	fixture retry ''
	closed=$("$LISTENER" closed)
	run_file "$SCRIPT" MI_HOST=127.0.0.1 MI_PORT="$closed" RETRY_PAUSE_MS=100
	expect_rc 1
	expect_stdout '127.0.0.1:%s unreachable after 3 attempts\n' "$closed"
	expect_stderr 'WARNING: attempt 1: 127.0.0.1:%s not reachable\nWARNING: attempt 2: 127.0.0.1:%s not reachable\nWARNING: attempt 3: 127.0.0.1:%s not reachable\n' "$closed" "$closed" "$closed"
	start_listener open
	run_file "$SCRIPT" MI_HOST=127.0.0.1 MI_PORT="$PORT" RETRY_PAUSE_MS=100
	expect_rc 0
	expect_stdout 'attempt 1: 127.0.0.1:%s reachable\n' "$PORT"
	expect_stderr_empty
}

# Hosts in parallel with $using:; -ThrottleLimit 1 makes the completion
# order the input order (t_scripts_parallel_completion_order shows the
# other order)
t_scripts_fixture_parallel_hosts() {
	start_listener open
	fixture parallel-hosts ''
	run_file "$SCRIPT" CHECK_HOSTS=127.0.0.1,127.0.0.2,127.0.0.1 CHECK_PORT="$PORT" CHECK_THROTTLE=1
	expect_rc 1
	expect_stdout '127.0.0.1        open\n127.0.0.2        CLOSED\n127.0.0.1        open\n'
	expect_stderr_empty
}

# ---- the language, case by case -------------------------------------------

# $r = tnc ...; if/else on a member, both branches: the else branch's
# exit 1 ends the script before "after"
t_scripts_result_in_variable_both_branches() {
	local s closed
	s=$'$r = tnc 127.0.0.1 -Port PORT -WarningAction SilentlyContinue\nif ($r.TcpTestSucceeded) { "open: $($r.RemoteAddress):$($r.RemotePort)" } else { "closed: $($r.ComputerName) $($r.RemotePort)"; exit 1 }\n"after"'
	start_listener open
	run_tnc -Command "${s//PORT/$PORT}"
	expect_rc 0
	expect_stdout 'open: 127.0.0.1:%s\nafter\n' "$PORT"
	expect_stderr_empty
	closed=$("$LISTENER" closed)
	run_tnc -Command "${s//PORT/$closed}"
	expect_rc 1
	expect_stdout 'closed: 127.0.0.1 %s\n' "$closed"
	expect_stderr_empty
}

# foreach over hosts, each test piped to Select-Object: the rows of both
# share one table; the closed one's warning on stderr
t_scripts_foreach_hosts_select() {
	start_listener open
	run_tnc -Command "foreach (\$h in '127.0.0.1', '127.0.0.2') { tnc \$h -Port $PORT | Select-Object ComputerName, RemotePort, TcpTestSucceeded }"
	expect_rc 1
	expect_stdout '\nComputerName RemotePort TcpTestSucceeded\n------------ ---------- ----------------\n127.0.0.1         %5s             True\n127.0.0.2         %5s            False\n\n\n' "$PORT" "$PORT"
	refused 127.0.0.2 "$PORT" >"$EXP"
	expect_file "$ERR"
}

# Where-Object with a script block and with the simplified syntax (and
# their aliases), on the results of tests kept in a variable.  Warnings
# are not silenced: one CI run saw the open port as closed, and the
# attempt's tnc: note on stderr would have said why
t_scripts_where_object_both_syntaxes() {
	start_listener open
	run_tnc -Command "\$rs = '127.0.0.1', '127.0.0.2' | ForEach-Object { tnc \$_ -Port $PORT }
\$rs | Where-Object TcpTestSucceeded | ForEach-Object { \"open: \$(\$_.ComputerName)\" }
\$rs | Where-Object { -not \$_.TcpTestSucceeded } | ForEach-Object { \"closed: \$(\$_.ComputerName)\" }
\$rs | ? TcpTestSucceeded -eq \$false | % ComputerName
(\$rs | where { \$_.RemotePort -eq $PORT }).Count
\$rs | Where-Object RemoteAddress -like '*.2' | Select-Object -ExpandProperty ComputerName"
	expect_rc 1
	expect_stdout 'open: 127.0.0.1\nclosed: 127.0.0.2\n127.0.0.2\n2\n127.0.0.2\n'
	expect_stderr "$(refused 127.0.0.2 "$PORT")\n"
}

# try/catch/finally: the statement-terminating error of [int]'abc' leaves
# the try block; $_ in the catch is its ErrorRecord ("$_" its message);
# the finally runs; the script goes on, status 0 (the error was caught)
t_scripts_try_catch_finally() {
	run_tnc -Command $'try {\n    "before"\n    [int]\'abc\'\n    "not reached"\n} catch {\n    "caught: $_"\n    "message: $($_.Exception.Message)"\n    "id: $($_.FullyQualifiedErrorId)"\n} finally {\n    "finally"\n}\ntry { throw "boom" } catch { "caught: $_ / $($_.Exception.Message) / $($_.FullyQualifiedErrorId)" }\n"after"'
	expect_rc 0
	expect_stdout 'before\ncaught: Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."\nmessage: Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."\nid: InvalidCastFromStringToInteger\nfinally\ncaught: boom / boom / boom\nafter\n'
	expect_stderr_empty
}

# A throw with no catch: the finally still runs, then the error is said
# and the script ends with status 1
t_scripts_finally_runs_on_uncaught_throw() {
	run_tnc -Command $'try { "in try"; throw "fatal" } finally { "cleanup" }\n"not reached"'
	expect_rc 1
	expect_stdout 'in try\ncleanup\n'
	expect_stderr 'fatal\nAt line:1 char:17\n+ try { "in try"; throw "fatal" } finally { "cleanup" }\n+                 ~~~~~~~~~~~~~\n    + CategoryInfo          : OperationStopped: (fatal:String) [], RuntimeException\n    + FullyQualifiedErrorId : fatal\n \n'
}

# throw uncaught: 5.1's text for a thrown string, at its line; exit 1
t_scripts_throw_uncaught() {
	run_tnc -Command $'"start"\nthrow "MI link check failed"\n"not reached"'
	expect_rc 1
	expect_stdout 'start\n'
	expect_stderr 'MI link check failed\nAt line:2 char:1\n+ throw "MI link check failed"\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : OperationStopped: (MI link check failed:String) [], RuntimeException\n    + FullyQualifiedErrorId : MI link check failed\n \n'
}

# A statement-terminating runtime error ([int]'abc') is said and the next
# statement runs ($? is then False); the run's status is at least 1
t_scripts_statement_error_goes_on() {
	run_tnc -Command $'[int]\'abc\'\n$?\n$n = [int]\'x1\'\n"n is [$n]"\n$?'
	expect_rc 1
	expect_stdout 'False\nn is []\nTrue\n'
	expect_stderr 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."\nAt line:1 char:1\n+ [int]'"'abc'"$'\n+ ~~~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException\n    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \nCannot convert value "x1" to type "System.Int32". Error: "Input string was not in a correct format."\nAt line:3 char:6\n+ $n = [int]'"'x1'"$'\n+      ~~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException\n    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \n'
}

# exit N wins over everything else; the process keeps its low 8 bits
t_scripts_exit_status_rules() {
	local closed
	closed=$("$LISTENER" closed)
	run_tnc -Command 'exit 3'
	expect_rc 3
	# a failed test, then exit 0: 0
	run_tnc -Command "tnc 127.0.0.1 -Port $closed -InformationLevel Quiet -WarningAction SilentlyContinue; exit 0"
	expect_rc 0
	expect_stdout 'False\n'
	# a failed test, no exit: its 1
	run_tnc -Command "tnc 127.0.0.1 -Port $closed -InformationLevel Quiet -WarningAction SilentlyContinue; 'done'"
	expect_rc 1
	expect_stdout 'False\ndone\n'
	# exit in a function and in a ForEach-Object block ends the script
	run_tnc -Command 'function Stop-Check { "stopping"; exit 4 }; Stop-Check; "not reached"'
	expect_rc 4
	expect_stdout 'stopping\n'
	run_tnc -Command '1..5 | ForEach-Object { if ($_ -eq 3) { exit 5 }; $_ }; "not reached"'
	expect_rc 5
	expect_stdout '1\n2\n'
	# finally runs on exit too
	run_tnc -Command 'try { exit 6 } finally { "finally" }'
	expect_rc 6
	expect_stdout 'finally\n'
	run_tnc -Command 'exit 300'
	expect_rc 44
	run_tnc -Command '"x"; exit "7"'
	expect_rc 7
	expect_stdout 'x\n'
	expect_stderr_empty
}

# Functions: param() with types and defaults, a switch, named and
# positional arguments, return, $args for what no parameter took
t_scripts_functions() {
	local closed
	closed=$("$LISTENER" closed)
	start_listener open
	run_tnc -Command "function Test-Port {
    param([string]\$Target, [int]\$Port = 5022, [switch]\$Quiet)
    \$ok = Test-NetConnection \$Target -Port \$Port -InformationLevel Quiet -WarningAction SilentlyContinue
    if (\$Quiet) { return \$ok }
    '{0}:{1} {2}' -f \$Target, \$Port, \$(if (\$ok) { 'open' } else { 'closed' })
}
Test-Port 127.0.0.1 $PORT
Test-Port -Target 127.0.0.1 -Port '$closed'
Test-Port 127.0.0.1 -Quiet -Port $PORT
function Get-Pair(\$a, \$b = 'default') { \"a=\$a b=\$b rest=\$(\$args -join '+')\" }
Get-Pair 1
Get-Pair 1 2 3 4
Get-Pair -b x y"
	expect_rc 1
	expect_stdout '127.0.0.1:%s open\n127.0.0.1:%s closed\nTrue\na=1 b=default rest=\na=1 b=2 rest=3+4\na=y b=x rest=\n' "$PORT" "$closed"
	expect_stderr_empty
}

# $x += and the other compound assignments, on numbers, strings, arrays
t_scripts_compound_assignment() {
	run_tnc -Command '$x = 1; $x += 1; $x += 10; $x
$s = "a"; $s += "b"; $s += 1; $s
$list = @(); $list += "x"; $list += "y"; $list.Count; $list -join ","
$n = 10; $n -= 3; $n *= 2; $n /= 7; $n %= 3; $n'
	expect_rc 0
	expect_stdout '12\nab1\n2\nx,y\n2\n'
	expect_stderr_empty
}

# for, while, do-while, do-until, foreach; break and continue in each
t_scripts_loops_break_continue() {
	run_tnc -Command 'for ($i = 0; $i -lt 10; $i += 1) { if ($i % 2) { continue }; if ($i -gt 6) { break }; "for $i" }
$j = 0
while ($true) { $j += 1; if ($j -eq 2) { continue }; if ($j -ge 4) { break }; "while $j" }
$k = 0
do { $k += 1; "do-while $k" } while ($k -lt 2)
do { $k -= 1; "do-until $k" } until ($k -le 0)
foreach ($p in 1..5) { if ($p -eq 2) { continue }; if ($p -eq 4) { break }; "foreach $p" }
"i=$i j=$j k=$k p=$p"'
	expect_rc 0
	expect_stdout 'for 0\nfor 2\nfor 4\nfor 6\nwhile 1\nwhile 3\ndo-while 1\ndo-while 2\ndo-until 1\ndo-until 0\nforeach 1\nforeach 3\ni=8 j=4 k=0 p=4\n'
	expect_stderr_empty
}

# [pscustomobject]@{...} rows through Format-Table and Format-List, and an
# [ordered] hashtable made an object (a hashtable itself is not shown as
# 5.1's Name/Value table yet: not tested here)
t_scripts_objects_table_and_list() {
	local closed
	closed=$("$LISTENER" closed)
	start_listener open
	run_tnc -Command "\$rows = foreach (\$port in $PORT, $closed) {
    \$r = tnc 127.0.0.1 -Port \$port -WarningAction SilentlyContinue
    [pscustomobject]@{ Host = \$r.ComputerName; Port = \$r.RemotePort; Open = \$r.TcpTestSucceeded }
}
\$rows | Format-Table
\$rows | Format-List"
	expect_rc 1
	expect_stdout '\nHost       Port  Open\n----       ----  ----\n127.0.0.1 %5s  True\n127.0.0.1 %5s False\n\n\n\n\nHost : 127.0.0.1\nPort : %s\nOpen : True\n\nHost : 127.0.0.1\nPort : %s\nOpen : False\n\n\n\n' "$PORT" "$closed" "$PORT" "$closed"
	expect_stderr_empty
	run_tnc -Command '$summary = [ordered]@{ Checked = 2; Open = 1; Target = "sql1" }; [pscustomobject]$summary; $summary.Checked + $summary["Open"]'
	expect_rc 0
	expect_stdout '\nChecked Open Target\n------- ---- ------\n      2    1 sql1  \n\n\n3\n'
	expect_stderr_empty
}

# Expandable strings: $x, $($r.Member), "$x.Name" (only $x), backtick
# escapes, single quotes that expand nothing; here-strings of both kinds
t_scripts_strings() {
	start_listener open
	run_tnc -Command "\$r = tnc 127.0.0.1 -Port $PORT
\$name = 'sql1'
\"Remote \$(\$r.RemoteAddress):\$(\$r.RemotePort) ok=\$(\$r.TcpTestSucceeded)\"
\"\$name.contoso.net\"
\"tab[\`t] quote[\`\"] dollar[\`\$name] \`\"\$name\`\"\"
'single \$name \`t'
\"two\`nlines\"
@\"
Host: \$name
Port: \$(\$r.RemotePort)
  \"quotes\" and 'apostrophes' stay
\"@
@'
No \$expansion: \$name
'@"
	expect_rc 0
	expect_stdout 'Remote 127.0.0.1:%s ok=True\nsql1.contoso.net\ntab[\t] quote["] dollar[$name] "sql1"\nsingle $name `t\ntwo\nlines\nHost: sql1\nPort: %s\n  "quotes" and '"'apostrophes'"' stay\nNo $expansion: $name\n' "$PORT" "$PORT"
	expect_stderr_empty
}

# -f with alignment and formats (en-US), escaped braces
t_scripts_format_operator() {
	start_listener open
	run_tnc -Command "\$r = tnc 127.0.0.1 -Port $PORT
'{0}:{1} is {2}' -f \$r.ComputerName, \$r.RemotePort, \$(if (\$r.TcpTestSucceeded) { 'open' } else { 'closed' })
'[{0,-8}|{1,6}]' -f 'left', 42
'{0:N1} ms, {1:D5}, {2:P0}' -f 1234.56, 42, 0.5
'{{literal}} {0}' -f 'x'"
	expect_rc 0
	expect_stdout '127.0.0.1:%s is open\n[left    |    42]\n1,234.6 ms, 00042, 50 %%\n{literal} x\n' "$PORT"
	expect_stderr_empty
}

# -match fills $Matches (named and numbered groups); a failed match leaves
# it as it was; on an array -match filters, case-insensitively (-cmatch not)
t_scripts_match_and_matches() {
	run_tnc -Command 'if ("sqlmi.contoso.net:5022" -match "^(?<host>[^:]+):(\d+)$") { $Matches.host; $Matches[1]; $Matches[0] }
"abc" -match "x"
$Matches.host
"SQL1", "web1", "sql2" -match "^sql"
"SQL1", "sql2" -cmatch "^sql"
"5022 open" -notmatch "closed"'
	expect_rc 0
	expect_stdout 'sqlmi.contoso.net\n5022\nsqlmi.contoso.net:5022\nFalse\nsqlmi.contoso.net\nSQL1\nsql2\nsql2\nTrue\n'
	expect_stderr_empty
}

# $? after each kind of statement; $null = discards a test's object but
# not its warning; the test still counts for the status
t_scripts_dollar_question_and_null() {
	local closed
	closed=$("$LISTENER" closed)
	start_listener open
	run_tnc -Command "\$null = tnc 127.0.0.1 -Port $PORT
\"open: \$?\"
\$null = tnc 127.0.0.1 -Port $closed
\"closed (a warning is no error): \$?\"
\$null = [int]'x'
\"after an error: \$?\"
Write-Error 'silenced' -ErrorAction SilentlyContinue
\"after a silenced error: \$?\""
	expect_rc 1
	expect_stdout 'open: True\nclosed (a warning is no error): True\nafter an error: False\nafter a silenced error: False\n'
	{ refused 127.0.0.1 "$closed"
	  printf '%s\n' 'Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."' 'At line:5 char:9' "+ \$null = [int]'x'" '+         ~~~~~~~~' '    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException' '    + FullyQualifiedErrorId : InvalidCastFromStringToInteger' ' '
	} >"$EXP"
	expect_file "$ERR"
}

# ForEach-Object -Parallel -ThrottleLimit: output in the order the blocks
# finish.  Made certain by design, not by timing: the port of a "full"
# listener drops the SYN, so its test cannot end before its one-second
# timeout, while the open port's ends at once.  With -ThrottleLimit 1 the
# blocks run one at a time: input order.
t_scripts_parallel_completion_order() {
	local open
	start_listener open
	open=$PORT
	start_listener full
	run_tnc -Command "$PORT, $open | ForEach-Object -Parallel { \$ok = tnc 127.0.0.1 -Port \$_ -TimeoutSeconds 1 -InformationLevel Quiet -WarningAction SilentlyContinue; \"port \$_ open=\$ok\" } -ThrottleLimit 2"
	expect_rc 1
	expect_stdout 'port %s open=True\nport %s open=False\n' "$open" "$PORT"
	expect_stderr_empty
	run_tnc -Command "$PORT, $open | ForEach-Object -Parallel { \$ok = tnc 127.0.0.1 -Port \$_ -TimeoutSeconds 1 -InformationLevel Quiet -WarningAction SilentlyContinue; \"port \$_ open=\$ok\" } -ThrottleLimit 1"
	expect_rc 1
	expect_stdout 'port %s open=False\nport %s open=True\n' "$PORT" "$open"
}

# Write-Host, Write-Output and Write-Warning inside blocks (ForEach-Object,
# if, a function, a -Parallel block): each where 5.1 sends it, in order
# when both streams go to one file
t_scripts_write_streams_in_blocks() {
	run_tnc -Command '1..2 | ForEach-Object { Write-Host "host $_"; Write-Output "output $_"; Write-Warning "warning $_" }'
	expect_rc 0
	expect_stdout 'host 1\noutput 1\nhost 2\noutput 2\n'
	expect_stderr 'WARNING: warning 1\nWARNING: warning 2\n'
	run_both 'function Report($n) { Write-Host "checking $n" -ForegroundColor Cyan; if ($n -gt 1) { Write-Warning "$n is high" } else { "$n ok" } }
Report 1; Report 2
Write-Host "done" -NoNewline; Write-Host "."'
	expect_rc 0
	expect_stdout 'checking 1\n1 ok\nchecking 2\nWARNING: 2 is high\ndone.\n'
	# a -Parallel block's host lines go to stdout, its warnings to stderr
	# (PowerShell 7's streams; 5.1 has no -Parallel)
	run_tnc -Command '"a", "b" | ForEach-Object -Parallel { Write-Host "host $_"; Write-Warning "warning $_"; "output $_" } -ThrottleLimit 1'
	expect_rc 0
	expect_stdout 'host a\noutput a\nhost b\noutput b\n'
	expect_stderr 'WARNING: warning a\nWARNING: warning b\n'
	run_both '"a", "b" | ForEach-Object -Parallel { Write-Host "host $_"; Write-Warning "warning $_"; "output $_" } -ThrottleLimit 1'
	expect_stdout 'host a\nWARNING: warning a\noutput a\nhost b\nWARNING: warning b\noutput b\n'
}

# A Stop preference inside try/catch: tnc's warning becomes a terminating
# error the catch takes (the warning itself is still said first); so do
# Write-Error's and Get-Content's errors with -ErrorAction Stop.
# Uncaught, the same ends the script.
t_scripts_stop_preference_in_try() {
	local closed msg
	closed=$("$LISTENER" closed)
	msg="The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: TCP connect to (127.0.0.1 : $closed) failed"
	run_tnc -Command "try {
    \$r = tnc 127.0.0.1 -Port $closed -WarningAction Stop
    'not reached'
} catch {
    \"caught: \$(\$_.Exception.Message)\"
}
try { Write-Error 'no route to sql2' -ErrorAction Stop; 'not reached' } catch { \"caught: \$_\" }
try { Get-Content $WORK/no-such-hosts.txt -ErrorAction Stop } catch { \"caught: \$(\$_.Exception.Message)\" }
'after'"
	expect_rc 1
	expect_stdout "caught: %s\ncaught: no route to sql2\ncaught: Cannot find path '%s/no-such-hosts.txt' because it does not exist.\nafter\n" "$msg" "$WORK"
	expect_stderr 'WARNING: TCP connect to (127.0.0.1 : %s) failed\n' "$closed"
	run_tnc -Command "Get-Content nosuch.txt -ErrorAction Stop; 'not reached'"
	expect_rc 1
	expect_stdout ''
	printf "Get-Content : Cannot find path '%s/nosuch.txt' because it does not exist.\nAt line:1 char:1\n+ Get-Content nosuch.txt -ErrorAction Stop; 'not reached'\n+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : ObjectNotFound: (%s/nosuch.txt:String) [Get-Content], ItemNotFoundException\n    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand\n \n" "$PWD" "$PWD" >"$EXP"
	expect_file "$ERR"
}

# $ErrorActionPreference: Stop makes a command's error (Get-Content's
# missing file) terminating, for the catch to take, and a runtime error
# outside try the end of the script; a failed test is no error.
# SilentlyContinue shows neither kind ($? is False after each).
t_scripts_error_action_preference() {
	local closed
	closed=$("$LISTENER" closed)
	run_tnc -Command "\$ErrorActionPreference = 'Stop'
try {
    Get-Content $WORK/missing.txt
    'not reached'
} catch {
    \"caught: \$(\$_.Exception.Message)\"
}
\$r = tnc 127.0.0.1 -Port $closed -WarningAction SilentlyContinue
\"closed: \$(\$r.TcpTestSucceeded)\"
[int]'abc'
'not reached'"
	expect_rc 1
	expect_stdout "caught: Cannot find path '%s/missing.txt' because it does not exist.\nclosed: False\n" "$WORK"
	expect_stderr 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."\nAt line:10 char:1\n+ [int]'"'abc'"'\n+ ~~~~~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException\n    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n \n'
	run_tnc -Command "\$ErrorActionPreference = 'SilentlyContinue'
Get-Content $WORK/missing.txt
\"after a command's error: \$?\"
[int]'abc'
\"after a runtime error: \$?\""
	expect_rc 1
	expect_stdout "after a command's error: False\nafter a runtime error: False\n"
	expect_stderr_empty
	# an -ErrorAction given wins over the preference
	run_tnc -Command "\$ErrorActionPreference = 'Stop'; Get-Content $WORK/missing.txt -ErrorAction SilentlyContinue; 'goes on'"
	expect_rc 1
	expect_stdout 'goes on\n'
	expect_stderr_empty
	# a value tnc does not take is refused before anything runs (tnc's own
	# refusal: 5.1 would prompt for Inquire)
	run_tnc -Command "'not run'; \$ErrorActionPreference = 'Inquire'"
	expect_rc 3
	expect_stdout ''
	expect_stderr "At line:1 char:37\n+ 'not run'; \$ErrorActionPreference = 'Inquire'\n+                                     ~~~~~~~~~\nThe value 'Inquire' of \$ErrorActionPreference is not supported by tnc.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : PreferenceNotSupported\n \n"
}

# $WarningPreference: SilentlyContinue hides the cmdlet's warnings and
# Write-Warning's; Stop makes the warning an error the catch takes
t_scripts_warning_preference() {
	local closed
	closed=$("$LISTENER" closed)
	run_tnc -Command "\$WarningPreference = 'SilentlyContinue'
tnc 127.0.0.1 -Port $closed -InformationLevel Quiet
Write-Warning 'not shown'
Write-Warning 'shown' -WarningAction Continue
\$WarningPreference = 'Stop'
try { tnc 127.0.0.1 -Port $closed -InformationLevel Quiet; 'not reached' } catch { \"caught: \$_\" }"
	expect_rc 1
	expect_stdout 'False\ncaught: The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: TCP connect to (127.0.0.1 : %s) failed\n' "$closed"
	expect_stderr 'WARNING: shown\nWARNING: TCP connect to (127.0.0.1 : %s) failed\n' "$closed"
}

# Select-Object's calculated properties: Name/Label and Expression, any
# prefix, a script block run with $_ or a property's name, one kept in a
# variable; in the other commands' -Property they are refused before the
# run (tnc's own refusal: 5.1 takes them there too)
t_scripts_select_calculated() {
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | Select-Object ComputerName, @{Name='Port'; Expression={ \$_.RemotePort }}, @{n='Open'; e={ if (\$_.TcpTestSucceeded) { 'yes' } else { 'no' } }}, @{l='Address'; e='RemoteAddress'} | Format-List"
	expect_rc 0
	expect_stdout '\n\nComputerName : 127.0.0.1\nPort         : %s\nOpen         : yes\nAddress      : 127.0.0.1\n\n\n\n' "$PORT"
	expect_stderr_empty
	run_tnc -Command "\$next = @{ Label = 'Next'; Expression = { \$_.Port + 1 } }
[pscustomobject]@{ Host = 'sql1'; Port = 1433 }, [pscustomobject]@{ Host = 'sql2'; Port = 5022 } | Select-Object Host, \$next"
	expect_rc 0
	expect_stdout '\nHost Next\n---- ----\nsql1 1434\nsql2 5023\n\n\n'
	expect_stderr_empty
	run_tnc -Command "'not run'; 'a' | sort @{ e = { \$_.Length }; Descending = \$true }"
	expect_rc 3
	expect_stdout ''
	expect_stderr "At line:1 char:23\n+ 'not run'; 'a' | sort @{ e = { \$_.Length }; Descending = \$true }\n+                       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\ntnc takes calculated properties in Select-Object only, not in Sort-Object.\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : CalculatedPropertyNotSupported\n \n"
}

# Write-Error inside a function: the record's InvocationInfo is the
# function's call (its name, the call's position, the id suffixed with the
# name), not the script's text as at the top level
t_scripts_write_error_in_function() {
	run_tnc -Command $'function Test-Link($port) { if ($port -ne 5022) { Write-Error "port $port is not the link\'s" } }\nTest-Link 5022\nTest-Link 1433\n"after"'
	expect_rc 1
	expect_stdout 'after\n'
	expect_stderr "Test-Link : port 1433 is not the link's\nAt line:3 char:1\n+ Test-Link 1433\n+ ~~~~~~~~~~~~~~\n    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Test-Link\n \n"
}

# A function's parameters bind as 5.1 binds a script function's: a typed
# one that cannot take its argument, and a name none of them has, are
# binding errors at the argument (the statement ends, the script goes on,
# exit status 3 as for a command's binding error)
t_scripts_function_binding_errors() {
	run_tnc -Command $'function Test-Port([string]$Target, [int]$Port = 5022) { "${Target}:$Port" }\nTest-Port sql1 -Port 5o22\nTest-Port sql1 -Prot 5022\n"after"'
	expect_rc 3
	expect_stdout 'after\n'
	expect_stderr 'Test-Port : Cannot process argument transformation on parameter '"'Port'"'. Cannot convert value "5o22" to type "System.Int32". Error: "Input string was not in a correct format."\nAt line:2 char:22\n+ Test-Port sql1 -Port 5o22\n+                      ~~~~\n    + CategoryInfo          : InvalidData: (:) [Test-Port], ParameterBindingArgumentTransformationException\n    + FullyQualifiedErrorId : ParameterArgumentTransformationError,Test-Port\n \nTest-Port : A parameter cannot be found that matches parameter name '"'Prot'"'.\nAt line:3 char:16\n+ Test-Port sql1 -Prot 5022\n+                ~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [Test-Port], ParameterBindingException\n    + FullyQualifiedErrorId : NamedParameterNotFound,Test-Port\n \n'
}
