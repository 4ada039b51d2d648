# The cmdlets scripts wrap around tnc (issue 11): Write-Output, Write-Host,
# Write-Warning, Write-Error, Start-Sleep, Out-File, Export-Csv,
# Measure-Object, Sort-Object, each through -Command with the exact bytes
# Windows PowerShell 5.1 writes, files included (byte-order marks and
# all, in $WORK). Loopback only.

# tilde LEN: LEN '~' characters (an error's underline)
tilde() {
	printf '%*s' "$1" '' | tr ' ' '~'
}

# ellipsize TEXT: ErrorCategoryInfo's shortening past 40 characters
ellipsize() {
	if [ ${#1} -le 40 ]; then
		printf '%s' "$1"
	else
		printf '%s...%s' "${1:0:15}" "${1: -15}"
	fi
}

# echo_lines TEXT COL LEN: the echoed line and its underline, cut past 69
# characters as Position.cs (VerboseMessage) cuts them (ASCII text; the
# unit tests of ps_error.c hold the cut's own cases)
echo_lines() {
	local text=$1 spaces=$(($2 - 1)) err=$3 n=${#1} max=69
	local prefix suffix tp ts cand start pd='' sd=''
	if [ "$n" -gt $max ]; then
		tp=$spaces; prefix=$((tp < 12 ? tp : 12))
		ts=$((n - err - spaces)); suffix=$((ts < 8 ? ts : 8))
		cand=$((prefix + err + suffix))
		if [ $cand -ge $max ]; then
			[ $((prefix + err)) -ge $max ] && err=$((max - prefix))
			sd=' ...'
		else
			if [ $((tp - prefix)) -gt 0 ]; then
				prefix=$((prefix + (tp - prefix < max - cand ? tp - prefix : max - cand)))
				cand=$((prefix + err + suffix))
			fi
			[ $cand -lt $max ] && [ $ts -gt 0 ] &&
			    suffix=$((suffix + (ts < max - cand ? ts : max - cand)))
			[ $suffix -lt $ts ] && sd=' ...'
		fi
		[ $prefix -lt $tp ] && pd='... '
		start=$((spaces - prefix)); text="${text:$start:$max}"
		spaces=$((spaces < prefix ? spaces : prefix))
		[ $err -gt $((max - spaces)) ] && err=$((max - spaces))
		[ -n "$pd" ] && spaces=$((spaces + 4))
	fi
	printf '+ %s%s%s\n+ %*s%s\n' "$pd" "$text" "$sd" "$spaces" '' "$(tilde "$err")"
}

# A 5.1 error record: error_block CMD MSG COL TEXT EXTENT_LEN CATEGORY ID
error_block() {
	printf '%s : %s\nAt line:1 char:%s\n%s    + CategoryInfo          : %s\n    + FullyQualifiedErrorId : %s\n \n' \
	    "$1" "$2" "$3" "$(echo_lines "$4" "$3" "$5")
" "$6" "$7"
}

t_cmd_write_output() {
	run_tnc -Command 'Write-Output "a"; Write-Output a b,c 5; echo x; write y'
	expect_rc 0
	expect_stdout 'a\na\nb\nc\n5\nx\ny\n'
	expect_stderr_empty
	# input passes through one object at a time
	run_tnc -Command "'p','q' | Write-Output | Write-Output"
	expect_stdout 'p\nq\n'
	# -NoEnumerate keeps an argument's array one object; given by name,
	# -InputObject is the list itself (5.1's documented quirk)
	run_tnc -Command "(Write-Output 1,2,3 -NoEnumerate | Measure-Object).Count; (Write-Output -InputObject 1,2,3 -NoEnumerate | Measure-Object).Count; (Write-Output 1,2,3 | Measure-Object).Count"
	expect_stdout '1\n3\n3\n'
}

t_cmd_write_output_binding_errors() {
	local s="'x' | Write-Output 'b'"
	run_tnc -Command "$s"
	expect_rc 3
	expect_stdout ''
	error_block "Write-Output" "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input." 7 "$s" 16 \
	    "InvalidArgument: (x:String) [Write-Output], ParameterBindingException" \
	    "InputObjectNotBound,Microsoft.PowerShell.Commands.WriteOutputCommand" >"$EXP"
	expect_file "$ERR"
	# a first command without its mandatory argument: nothing runs
	run_tnc -Command "Write-Output; Write-Output after"
	expect_rc 3
	expect_stdout ''
	error_block "Write-Output" "Cannot process command because of one or more missing mandatory parameters: InputObject." 1 "Write-Output; Write-Output after" 12 \
	    "InvalidArgument: (:) [Write-Output], ParameterBindingException" \
	    "MissingMandatoryParameter,Microsoft.PowerShell.Commands.WriteOutputCommand" >"$EXP"
	expect_file "$ERR"
}

t_cmd_write_host() {
	run_tnc -Command 'Write-Host Port 5022 open; Write-Host 2,4,6 -Separator ", +2= "; Write-Host a -NoNewline; Write-Host b -ForegroundColor Red -BackgroundColor White; Write-Host'
	expect_rc 0
	expect_stdout 'Port 5022 open\n2, +2= 4, +2= 6\nab\n\n'
	expect_stderr_empty
	run_tnc -Command "'x','y' | Write-Host -NoNewline -Separator '-'; 'z' | Write-Host"
	expect_stdout 'xyz\n'
	# colours only on a terminal: ANSI SGR around the text (script(1) is the tty)
	script -qec "$TNC -Command 'Write-Host a -ForegroundColor Red -BackgroundColor White; Write-Host b -BackgroundColor DarkBlue; Write-Host c -ForegroundColor 10; Write-Host d'" /dev/null >"$OUT"
	expect_stdout '\033[91;107ma\033[0m\r\n\033[44mb\033[0m\r\n\033[92mc\033[0m\r\nd\r\n'
}

t_cmd_write_host_bad_colour() {
	local s='Write-Host a -ForegroundColor Purple'
	run_tnc -Command "$s"
	expect_rc 3
	expect_stdout ''
	printf 'Write-Host : Cannot bind parameter '\''ForegroundColor'\''. Cannot convert value "Purple" to type "System.ConsoleColor". Error: "Unable to match the identifier name Purple to a valid enumerator name. Specify one of the following enumerator names and try again:\nBlack, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray, DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White"\nAt line:1 char:31\n+ %s\n+                               ~~~~~~\n    + CategoryInfo          : InvalidArgument: (:) [Write-Host], ParameterBindingException\n    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.WriteHostCommand\n \n' "$s" >"$EXP"
	expect_file "$ERR"
}

# Write-Host writes at once, not through Out-Default: a table Out-Default is
# still caching comes after it (PowerShell/PowerShell#4594)
t_cmd_write_host_before_cached_table() {
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | select ComputerName, TcpTestSucceeded; Write-Host done"
	expect_rc 0
	expect_stdout 'done\n\nComputerName TcpTestSucceeded\n------------ ----------------\n127.0.0.1                True\n\n\n'
}

t_cmd_write_warning() {
	run_tnc -Command "Write-Output a; Write-Warning 'disk low'; 'w1','w2' | Write-Warning; Write-Warning x -WarningAction SilentlyContinue; Write-Output b"
	expect_rc 0
	expect_stdout 'a\nb\n'
	expect_stderr 'WARNING: disk low\nWARNING: w1\nWARNING: w2\n'
}

# -WarningAction Stop: the warning, then Write-Warning's stop record at
# this command, and nothing after it runs
t_cmd_write_warning_stop() {
	local cmd="Write-Warning 'stop here' -WarningAction Stop"
	local s="Write-Output before; $cmd; Write-Output after"
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	{ printf 'before\nWARNING: stop here\n'
	  error_block "Write-Warning" 'The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: stop here' 22 "$s" ${#cmd} \
	    "OperationStopped: (:) [Write-Warning], ParentContainsErrorRecordException" \
	    "ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteWarningCommand"; } >"$EXP"
	expect_file "$OUT"
}

# At the top of a -Command script, 5.1 shows Write-Error's record with the
# script's text and no position
t_cmd_write_error() {
	run_tnc -Command 'Write-Error "x"'
	expect_rc 1
	expect_stdout ''
	expect_stderr 'Write-Error "x" : x\n    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException\n \n'
	local s="Write-Output a; Write-Error 'no route to sql1' -Category ConnectionError -TargetObject sql1 -ErrorId NoRoute; Write-Output b"
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	printf 'a\n%s : no route to sql1\n    + CategoryInfo          : ConnectionError: (sql1:String) [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : NoRoute\nb\n' "$s" >"$EXP"
	sed -i 's/^    + FullyQualifiedErrorId : NoRoute$/&\n /' "$EXP"
	expect_file "$OUT"
	# each input a record; -ErrorAction SilentlyContinue shows none, the
	# status still says an error was written
	run_tnc -Command "'m1' | Write-Error -Category InvalidData -CategoryReason Bad -CategoryTargetName T -CategoryTargetType Tt"
	expect_rc 1
	expect_stderr "'m1' | Write-Error -Category InvalidData -CategoryReason Bad -CategoryTargetName T -CategoryTargetType Tt : m1\n    + CategoryInfo          : InvalidData: (T:Tt) [Write-Error], Bad\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException\n \n"
	run_tnc -Command "Write-Error x -ErrorAction SilentlyContinue; Write-Output after"
	expect_rc 1
	expect_stdout 'after\n'
	expect_stderr_empty
}

# -ErrorAction Stop ends the script with Write-Error's own record
t_cmd_write_error_stop() {
	local cmd="Write-Error 'stop' -ErrorAction Stop"
	local s="Write-Output a; $cmd; Write-Output b"
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	{ printf 'a\n'
	  error_block "Write-Error" "stop" 17 "$s" ${#cmd} \
	    "NotSpecified: (:) [Write-Error], WriteErrorException" \
	    "Microsoft.PowerShell.Commands.WriteErrorException,Write-Error"; } >"$EXP"
	expect_file "$OUT"
}

t_cmd_start_sleep() {
	run_tnc -Command 'Start-Sleep -Milliseconds 300; sleep -m 200; Write-Output done'
	expect_rc 0
	expect_stdout 'done\n'
	[ "$ELAPSED_MS" -ge 500 ] || fail "slept ${ELAPSED_MS} ms, expected at least 500"
	run_tnc -Command 'Start-Sleep -s 2147484'
	expect_rc 3
	run_tnc -Command "'x' | Start-Sleep"
	expect_rc 3
}

# While Start-Sleep waits, the tests upstream go on.  With one test in
# flight at a time (-ThrottleLimit 1): localhost answers on its second
# address after 0.5 s, its $true sleeps one second (Seconds 1), and the
# two 127.0.0.2 tests queued behind it time out after 0.5 s each, one
# after the other, inside that second when the engine keeps working: 1.5 s
# in all.  A sleep that stopped the engine would start the second of them
# only after it: 2 s.
t_cmd_start_sleep_keeps_tests_running() {
	local port
	start_listener full -6
	port=$PORT
	start_listener open -p "$port"
	start_listener full -a 127.0.0.2 -p "$port"
	run_tnc -Command "'localhost','127.0.0.2','127.0.0.2' | tnc -Port $port -TimeoutSeconds 0.5 -ThrottleLimit 1 -InformationLevel Quiet | Start-Sleep"
	expect_rc 1
	expect_stdout ''
	[ "$ELAPSED_MS" -ge 1500 ] || fail "slept ${ELAPSED_MS} ms, expected at least 1500"
	expect_faster_than_ms 1900
}

# Out-File: 5.1's default encoding is Unicode (UTF-16LE with its mark);
# the run's line ends (LF); nothing on stdout
t_cmd_out_file_encodings() {
	local f=$WORK/of e
	run_tnc -Command "'a','b' | Out-File $f.txt; 'c' | Out-File $f.txt -Append"
	expect_rc 0
	expect_stdout ''
	expect_stderr_empty
	printf '\377\376a\0\n\0b\0\n\0c\0\n\0' >"$EXP"
	expect_file "$f.txt"
	# h, e acute, euro, an emoji: each encoding as 5.1 writes it
	for e in utf8 unicode bigendianunicode utf32 ascii default oem; do
		run_tnc -Command "'h$(printf '\303\251\342\202\254\360\237\230\200')' | Out-File $f.$e -Encoding $e"
		expect_rc 0
	done
	printf '\357\273\277h\303\251\342\202\254\360\237\230\200\n' >"$EXP"
	expect_file "$f.utf8"
	printf '\377\376h\0\351\0\254\040\075\330\000\336\n\0' >"$EXP"
	expect_file "$f.unicode"
	printf '\376\377\0h\0\351\040\254\330\075\336\000\0\n' >"$EXP"
	expect_file "$f.bigendianunicode"
	printf '\377\376\0\0h\0\0\0\351\0\0\0\254\040\0\0\000\366\001\0\n\0\0\0' >"$EXP"
	expect_file "$f.utf32"
	printf 'h???\n' >"$EXP"
	expect_file "$f.ascii"
	printf 'h\351\200?\n' >"$EXP"
	expect_file "$f.default"
	printf 'h\202??\n' >"$EXP"
	expect_file "$f.oem"
	# no input at all: an empty file (5.1 writes the mark with the first record)
	run_tnc -Command "Get-Content $WORK/nothing.txt -ErrorAction SilentlyContinue | Out-File $f.empty"
	: >"$EXP"
	expect_file "$f.empty"
	# -NoNewline joins the lines; -InputObject on a first command
	run_tnc -Command "'x','y' | Out-File $f.nn -NoNewline -Encoding ascii; Out-File -FilePath $f.io ascii -InputObject 5"
	printf 'xy' >"$EXP"
	expect_file "$f.nn"
	printf '5\n' >"$EXP"
	expect_file "$f.io"
	run_tnc -Command "'a' | Out-File $f.u7 -Encoding UTF7"
	expect_rc 3
	# -ErrorAction Stop is taken (its errors are terminating anyway)
	run_tnc -Command "'a' | Out-File $f.stop -Encoding ascii -ErrorAction Stop; 'b' | Export-Csv $f.csv -ea Stop -NTI"
	expect_rc 0
	printf 'a\n' >"$EXP"
	expect_file "$f.stop"
}

# What Out-Default would print, in the file: the same streaming formatter
t_cmd_out_file_formats_objects() {
	local f=$WORK/result.txt sel="select ComputerName, RemotePort, TcpTestSucceeded"
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | Out-File $f -Encoding ascii"
	expect_rc 0
	expect_stdout ''
	"$TNC" 127.0.0.1 -Port "$PORT" >"$EXP"
	expect_file "$f"
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | $sel | Format-Table | Out-File $f -Encoding ascii"
	"$TNC" -Command "tnc 127.0.0.1 -Port $PORT | $sel | Format-Table" >"$EXP"
	expect_file "$f"
	# -Width is the formatter's width, as Out-String's: the string printed
	# by the host ends with one line end more
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | $sel | Out-File $f -Encoding ascii -Width 30"
	"$TNC" -Command "tnc 127.0.0.1 -Port $PORT | $sel | Out-String -Width 30" >"$OUT"
	printf '\n' >>"$f"
	cp "$OUT" "$EXP"
	expect_file "$f"
	! grep -q TcpTestSucceeded "$f" || fail "not narrowed to 30 columns: $(cat "$f")"
}

# Out-File's errors end the statement (the script goes on) before any
# input is read: 5.1's texts, the full path where 5.1 shows it
t_cmd_out_file_errors() {
	local f=$WORK/exists.txt s cmd
	: >"$f"
	cmd="Out-File $f -NoClobber"
	s="'a' | $cmd; Write-Output after"
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	error_block "Out-File" "File $f already exists and NoClobber was specified." 7 "$s" ${#cmd} \
	    "ResourceExists: ($(ellipsize "$f"):String) [Out-File], IOException" \
	    "NoClobber,Microsoft.PowerShell.Commands.OutFileCommand" >"$EXP"
	printf 'after\n' >>"$EXP"
	expect_file "$OUT"
	: >"$EXP"
	expect_file "$f"
	start_listener open
	cmd="Out-File $WORK/no/such/dir.txt"
	s="tnc 127.0.0.1 -Port $PORT | $cmd"
	run_tnc -Command "$s"
	expect_rc 1
	expect_stdout ''
	error_block "Out-File" "Could not find a part of the path '$WORK/no/such/dir.txt'." $((${#s} - ${#cmd} + 1)) "$s" ${#cmd} \
	    "OpenError: (:) [Out-File], DirectoryNotFoundException" \
	    "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand" >"$EXP"
	expect_file "$ERR"
	# a directory, a relative path made absolute from the working directory
	cmd="Out-File ./"
	s="'a' | $cmd"
	(cd "$WORK" && "$TNC" -Command "$s" >"$OUT" 2>"$ERR")
	error_block "Out-File" "Access to the path '$WORK' is denied." 7 "$s" ${#cmd} \
	    "OpenError: (:) [Out-File], UnauthorizedAccessException" \
	    "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand" >"$EXP"
	expect_file "$ERR"
}

# The file is written as the user running tnc; -Force writes a read-only
# file and leaves it read-only
t_cmd_out_file_as_the_user() {
	local d=$WORK/shared nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	mkdir -m 1777 "$d"
	$nobody "$TNC" -Command "'a' | Out-File $d/mine.txt -Encoding ascii"
	[ "$(stat -c %u "$d/mine.txt")" = 65534 ] || fail "not written as nobody"
	chmod 444 "$d/mine.txt"
	$nobody "$TNC" -Command "'b' | Out-File $d/mine.txt -Encoding ascii" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 1
	grep -q "Access to the path '$d/mine.txt' is denied." "$ERR" || fail "no access error: $(cat "$ERR")"
	$nobody "$TNC" -Command "'c' | Out-File $d/mine.txt -Encoding ascii -Force -Append"
	printf 'a\nc\n' >"$EXP"
	expect_file "$d/mine.txt"
	[ "$(stat -c %a "$d/mine.txt")" = 444 ] || fail "mode $(stat -c %a "$d/mine.txt"), not 444 again"
	$nobody "$TNC" -Command "'d' | Out-File $WORK/theirs.txt" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 1
	grep -q "Access to the path '$WORK/theirs.txt' is denied." "$ERR" || fail "no access error: $(cat "$ERR")"
}

# Export-Csv: ASCII by default, #TYPE and the header from the first
# object, a row per object; -Append under the file's own header
t_cmd_export_csv() {
	local f=$WORK/hosts.csv sel="select ComputerName, RemotePort, TcpTestSucceeded"
	start_listener open
	run_tnc -Command "'127.0.0.1' | tnc -Port $PORT | $sel | Export-Csv $f"
	expect_rc 0
	expect_stdout ''
	expect_stderr_empty
	printf '#TYPE Selected.TestNetConnectionResult\n"ComputerName","RemotePort","TcpTestSucceeded"\n"127.0.0.1","%s","True"\n' "$PORT" >"$EXP"
	expect_file "$f"
	# appended rows follow the file's column order, with no header
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | select TcpTestSucceeded, RemotePort, ComputerName | Export-Csv $f -Append"
	expect_rc 0
	printf '"127.0.0.1","%s","True"\n' "$PORT" >>"$EXP"
	expect_file "$f"
	# -NoTypeInformation, -Delimiter, -Encoding UTF8 (with its mark); a
	# string's one property is its Length; -InputObject on a first command
	run_tnc -Command "'x','yy' | Export-Csv $f.semi -NoTypeInformation -Delimiter ';' -Encoding UTF8; Export-Csv -LiteralPath $f.one -InputObject abc -NTI"
	expect_rc 0
	printf '\357\273\277"Length"\n"1"\n"2"\n' >"$EXP"
	expect_file "$f.semi"
	printf '"Length"\n"3"\n' >"$EXP"
	expect_file "$f.one"
	# a Unicode file stays Unicode when appended to (its mark decides)
	run_tnc -Command "'q' | Export-Csv $f.u16 -Encoding Unicode -NTI; 'rr' | Export-Csv $f.u16 -Append"
	printf '\377\376"\0L\0e\0n\0g\0t\0h\0"\0\n\0"\0001\0"\0\n\0"\0002\0"\0\n\0' >"$EXP"
	expect_file "$f.u16"
	# no input: only the mark (5.1 flushes the writer at the end)
	run_tnc -Command "Get-Content $WORK/none -ea SilentlyContinue | Export-Csv $f.none -Encoding UTF8"
	printf '\357\273\277' >"$EXP"
	expect_file "$f.none"
}

t_cmd_export_csv_errors() {
	local f=$WORK/two.csv s cmd
	start_listener open
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | select ComputerName, RemotePort | Export-Csv $f -NTI"
	cp "$f" "$WORK/before"
	cmd="Export-Csv $f -Append"
	s="tnc 127.0.0.1 -Port $PORT | select RemotePort | $cmd"
	run_tnc -Command "$s"
	expect_rc 1
	expect_stdout ''
	error_block "Export-Csv" "Cannot append CSV content to the following file: $f. The appended object does not have a property that corresponds to the following column: ComputerName. To continue with mismatched properties, add the -Force parameter, and then retry the command." $((${#s} - ${#cmd} + 1)) "$s" ${#cmd} \
	    "InvalidData: (ComputerName:String) [Export-Csv], InvalidOperationException" \
	    "CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand" >"$EXP"
	expect_file "$ERR"
	cp "$WORK/before" "$EXP"
	expect_file "$f"
	# -Force: the file's columns, the missing one empty
	run_tnc -Command "tnc 127.0.0.1 -Port $PORT | select RemotePort | $cmd -Force"
	expect_rc 0
	printf ',"%s"\n' "$PORT" >>"$EXP"
	expect_file "$f"
	cmd="Export-Csv -Path a.csv -LiteralPath b.csv"
	s="'x' | $cmd"
	run_tnc -Command "$s"
	expect_rc 1
	error_block "Export-Csv" "You must specify either the -Path or -LiteralPath parameters, but not both." 7 "$s" ${#cmd} \
	    "InvalidData: (:) [Export-Csv], InvalidOperationException" \
	    "CannotSpecifyPathAndLiteralPath,Microsoft.PowerShell.Commands.ExportCsvCommand" >"$EXP"
	expect_file "$ERR"
}

# Measure-Object's GenericMeasureInfo: six properties, so a list
t_cmd_measure_object() {
	run_tnc -Command "1,2,3 | Measure-Object"
	expect_rc 0
	expect_stdout '\n\nCount    : 3\nAverage  : \nSum      : \nMaximum  : \nMinimum  : \nProperty : \n\n\n\n'
	run_tnc -Command "1,5,3.5 | measure -Sum -Average -Maximum -Minimum"
	expect_stdout '\n\nCount    : 3\nAverage  : 3.16666666666667\nSum      : 9.5\nMaximum  : 5\nMinimum  : 1\nProperty : \n\n\n\n'
	run_tnc -Command "(1,2,3 | Measure-Object).Count; ('abc','de' | Measure-Object -Property Length -Sum).Sum"
	expect_stdout '3\n5\n'
	# text extremes: a GenericObjectMeasureInfo, compared in the culture's order
	run_tnc -Command "'b','a','C' | Measure-Object -Maximum -Minimum | Format-List Maximum, Minimum"
	expect_stdout '\n\nMaximum : C\nMinimum : a\n\n\n\n'
	# no input at all still counts
	run_tnc -Command "Get-Content $WORK/none -ea SilentlyContinue | Measure-Object | Select-Object -ExpandProperty Count"
	expect_stdout '0\n'
}

t_cmd_measure_object_errors() {
	local s="'a', 2 | Measure-Object -Sum"
	run_tnc -Command "$s"
	expect_rc 1
	expect_stdout '\n\nCount    : 2\nAverage  : \nSum      : \nMaximum  : \nMinimum  : \nProperty : \n\n\n\n'
	error_block "Measure-Object" 'Input object "a" is not numeric.' 10 "$s" 19 \
	    "InvalidType: (a:String) [Measure-Object], PSInvalidOperationException" \
	    "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand" >"$EXP"
	expect_file "$ERR"
	# a name no object has: its error, no object for it
	start_listener open
	local cmd="Measure-Object -Property RemotePort, Nope -Sum"
	s="tnc 127.0.0.1 -Port $PORT | $cmd"
	"$TNC" -Command "$s" >"$OUT" 2>&1
	RC=$?
	expect_rc 1
	{ printf '\n\nCount    : 1\nAverage  : \nSum      : %s\nMaximum  : \nMinimum  : \nProperty : RemotePort\n\n' "$PORT"
	  error_block "Measure-Object" 'The property "Nope" cannot be found in the input for any objects.' $((${#s} - ${#cmd} + 1)) "$s" ${#cmd} \
	    "InvalidArgument: (:) [Measure-Object], PSArgumentException" \
	    "GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands.MeasureObjectCommand"
	  printf '\n\n'; } >"$EXP"
	expect_file "$OUT"
}

t_cmd_sort_object() {
	run_tnc -Command "'b','a','C','c','A' | Sort-Object"
	expect_rc 0
	expect_stdout 'a\nA\nb\nC\nc\n'
	run_tnc -Command "'b','a','C','c','A' | sort -Unique; 'b','a','C','c','A' | sort -CaseSensitive"
	expect_stdout 'a\nb\nC\na\nA\nb\nc\nC\n'
	# numbers as numbers; the culture's text order (punctuation, digits,
	# letters; '-' set aside until the rest is equal)
	run_tnc -Command "10,9,100,1.5 | Sort-Object -Descending; 'sql-b','sqla','sql1','_x','10' | Sort-Object"
	expect_stdout '100\n10\n9\n1.5\n_x\n10\nsql1\nsqla\nsql-b\n'
	# by property, a string's Length included
	run_tnc -Command "'ccc','a','bb' | Sort-Object Length; 'ccc','a','bb' | Sort-Object -Property Length -Descending"
	expect_stdout 'a\nbb\nccc\nccc\nbb\na\n'
}

# Objects that compare equal keep their input order (a stable sort), also
# when none has the property, -Descending or not
t_cmd_sort_object_ties() {
	run_tnc -Command "'b','a','c' | Sort-Object Nope; 'b','a','c' | Sort-Object Nope -Descending; 'bb','a','cc','d' | Sort-Object Length"
	expect_rc 0
	expect_stdout 'b\na\nc\nb\na\nc\na\nd\nbb\ncc\n'
}

# Get-Date: a DateTime Out-Default shows as its long date and time (a
# blank line before, two after: 5.1's envelope of a custom view); with
# -Format / -UFormat a string
t_cmd_get_date() {
	TZ=UTC run_tnc -Command "Get-Date -Date '2026-12-01 01:30:12'; Get-Date -Date 2026-12-02 -Hour 13 -Minute 5"
	expect_rc 0
	expect_stdout '\nTuesday, December 1, 2026 1:30:12 AM\nWednesday, December 2, 2026 1:05:00 PM\n\n\n'
	expect_stderr_empty
	# the parts are set one after the other: the day stays in its month
	TZ=UTC run_tnc -Command "Get-Date -Date 2026-01-31 -Month 2 -Format 'yyyy-MM-dd'; Get-Date -Date 2024-02-29 -Year 2023 -Format d; Get-Date -Date '2026-12-01 13:05:09.1234567' -Millisecond 5 -Format o"
	expect_stdout '2026-02-28\n2/28/2023\n2026-12-01T13:05:09.0050000\n'
	TZ=UTC run_tnc -Command "Get-Date -Date 2026-12-01 -Format FileDate; Get-Date -Date '2026-12-01 13:05:09.1234567' -Format FileDateTime; '2026-12-01','2026-12-02' | Get-Date -Format 'dddd d MMM'"
	expect_stdout '20261201\n20261201T1305091234\nTuesday 1 Dec\nWednesday 2 Dec\n'
	# -UFormat: 5.1's table (%s local seconds with a fraction, %u from Sunday 0)
	TZ=UTC run_tnc -Command "Get-Date -Date '2026-12-06 13:05:09.5' -UFormat '%A %m/%d/%Y %R %Z|%s|%j %u %U|%e|%c|%C %%'"
	expect_stdout 'Sunday 12/06/2026 13:05 +00|1796562309.5|340 0 48| 6|Sun Dec  6 13:05:09 2026|20 %%\n'
	# now: this year, in the long shape
	run_tnc -Command "Get-Date -Format yyyy; Get-Date"
	expect_rc 0
	head -1 "$OUT" | grep -qx "$(date +%Y)" || fail "not this year: $(head -1 "$OUT")"
	sed -n 3p "$OUT" | grep -Eq '^[A-Z][a-z]+day, [A-Z][a-z]+ [0-9]{1,2}, [0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2} [AP]M$' || fail "not a long date: $(sed -n 3p "$OUT")"
}

t_cmd_get_date_errors() {
	run_tnc -Command "Get-Date -Date abc"
	expect_rc 3
	error_block "Get-Date" 'Cannot bind parameter '\''Date'\''. Cannot convert value "abc" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."' 16 "Get-Date -Date abc" 3 \
	    "InvalidArgument: (:) [Get-Date], ParameterBindingException" \
	    "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetDateCommand" >"$EXP"
	expect_file "$ERR"
	# a format .NET refuses ends the statement
	run_tnc -Command "Get-Date -Format '{'; Write-Output after"
	expect_rc 1
	expect_stdout 'after\n'
	error_block "Get-Date" "Input string was not in a correct format." 1 "Get-Date -Format '{'; Write-Output after" 20 \
	    "NotSpecified: (:) [Get-Date], FormatException" \
	    "System.FormatException,Microsoft.PowerShell.Commands.GetDateCommand" >"$EXP"
	expect_file "$ERR"
}
