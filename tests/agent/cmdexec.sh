#!/usr/bin/env bash
# tests/agent/cmdexec.sh: an EMULATION of SQL Server Agent's CmdExec job
# step runner, for tests. It is not the Agent and does not talk to SQL
# Server. Microsoft documents CmdExec as unsupported on SQL Server on Linux,
# so everything it copies is what Windows Agent is documented or observed
# to do (../shared/reference/agent-spec.md sections 1.4, 2, 3); where the
# sources are silent, the choice made here is marked "(choice)".
#
#   cmdexec.sh [-m argv|sh] [-c CODE] [-f FLAGS] [-u USER] [-t SECONDS]
#              [-b BINDIR] OUTDIR COMMAND
#
#   -m argv   (default) COMMAND is split into arguments without a shell:
#             on runs of space, tab and newline, nothing else. No quote,
#             backslash, glob, variable or "|" processing: quotes stay in
#             the words, "|" is an argument like any other (choice: the
#             "make the executable need no shell" reading of section 2).
#             The first word is run as given (PATH=/usr/bin:/bin when it
#             has no "/"; use an absolute path, as the Agent wants).
#   -m sh     COMMAND is run by /bin/sh -c COMMAND (dash on Debian).
#   -c CODE   @cmdexec_success_code (default 0): the step succeeded iff
#             the exit code equals it.
#   -f FLAGS  @flags (default 0): with 8 (log to table, overwrite) the raw
#             output becomes OUTDIR/log (sysjobstepslogs.log); with 16
#             (append) it is appended to OUTDIR/log. 40 = 8 + 32.
#   -u USER   the OS account (default mssql, created if missing as a
#             system user without home directory or login shell).
#   -t SECONDS  a bound on the step's run time (default 60; emulator only,
#             the Agent has none): TERM, then KILL 2 s later; the exit
#             code is then timeout(1)'s 124.
#   -b BINDIR bind-mount BINDIR over /usr/local/bin, in a mount namespace
#             of this step only, so a command naming /usr/local/bin/tnc
#             runs the tnc under test without installing it on the host.
#
# The step runs as USER with setpriv: real and effective ids of USER, its
# groups, no capabilities (inheritable, ambient and bounding sets empty),
# no_new_privs; in the working directory OUTDIR/var/opt/mssql (owned by
# USER, mode 770); umask 007 (the mssql-server unit's UMask); environment
# exactly PATH=/usr/bin:/bin and HOME=<that directory> (choice: a
# systemd-like minimal environment; nothing of the caller's leaks in);
# stdin /dev/null.
#
# Output: stdout and stderr are one pipe (2>&1 onto the same pipe), so
# they are merged in the order the program wrote them, byte for byte, LF
# or CRLF kept (section 3.1: the emulator keeps the output as given).
#
# Files written into OUTDIR:
#   output      the raw captured bytes
#   exit_code   the process exit code (a signal N reads 128+N, as sh says)
#   run_status  1 succeeded, 0 failed (sysjobhistory.run_status)
#   message     sysjobhistory.message, no newline at the end:
#     Executed as user: USER. <output>  Process Exit Code <n>.  The step succeeded.
#     Executed as user: USER. <output>  Process Exit Code <n>.  The step failed.
#     Executed as user: USER. The step did not generate any output.  Process Exit Code <n>.  The step succeeded.
#               (one space after "USER.", two before "Process Exit Code"
#               and before "The step"), then cut to nvarchar(4000): the
#               first 4000 UTF-16 code units, so a long output loses the
#               "Process Exit Code" suffix (section 3.2; where Windows cuts
#               is UNCONFIRMED, this cuts the whole message). The cut is
#               T-SQL's own SUBSTRING([message], 1, 4000), by tsql_eval.
#   log         only with FLAGS 8 or 16: the raw output, no wrapper
#
# Exit status: 0 when the step ran (whatever its outcome), 2 on usage, 4
# when the emulation itself failed. Needs root (to switch user and mount).
set -u

usage() {
	echo "usage: cmdexec.sh [-m argv|sh] [-c CODE] [-f FLAGS] [-u USER] [-t SECONDS] [-b BINDIR] OUTDIR COMMAND" >&2
	exit 2
}

die() { echo "cmdexec: $*" >&2; exit 4; }

here=$(cd "$(dirname "$0")" && pwd)
TSQL_EVAL=${TSQL_EVAL:-$here/../tools/tsql_eval}
mode=argv code=0 flags=0 user=mssql limit=60 bindir=""
while getopts m:c:f:u:t:b: o; do
	case $o in
	m) mode=$OPTARG ;;
	c) code=$OPTARG ;;
	f) flags=$OPTARG ;;
	u) user=$OPTARG ;;
	t) limit=$OPTARG ;;
	b) bindir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
outdir=$1 cmd=$2
case $mode in argv | sh) ;; *) usage ;; esac
[[ $code =~ ^-?[0-9]+$ ]] || usage
[[ $flags =~ ^[0-9]+$ ]] || usage
[[ $limit =~ ^[0-9]+$ ]] || usage
[ "$(id -u)" -eq 0 ] || die "needs root (setpriv to $user, bind mounts)"
[ -x "$TSQL_EVAL" ] || die "$TSQL_EVAL missing: make tests/tools/tsql_eval"

if ! id -u "$user" >/dev/null 2>&1; then
	useradd --system --no-create-home --shell /usr/sbin/nologin --user-group "$user" ||
		die "cannot create user $user"
fi

mkdir -p "$outdir" || die "cannot create $outdir"
wd=$outdir/var/opt/mssql
mkdir -p "$wd" && chmod 755 "$outdir" "$outdir/var" "$outdir/var/opt" &&
	chown "$user:" "$wd" && chmod 770 "$wd" || die "cannot prepare $wd"

if [ "$mode" = argv ]; then
	# -d '': the whole string, newlines included; IFS: space, tab, newline
	IFS=$' \t\n' read -r -d '' -a words <<<"$cmd"
	[ "${#words[@]}" -gt 0 ] || die "empty command"
else
	words=(/bin/sh -c "$cmd")
fi

launch=(timeout -k 2 "$limit"
	setpriv --reuid="$user" --regid="$user" --init-groups
	--inh-caps=-all --ambient-caps=-all --bounding-set=-all --no-new-privs --
	env -i PATH=/usr/bin:/bin HOME="$wd" "${words[@]}")
if [ -n "$bindir" ]; then
	[ -d "$bindir" ] || die "$bindir is not a directory"
	# shellcheck disable=SC2016
	launch=(unshare --mount --propagation private --
		sh -c 'mount --bind "$0" /usr/local/bin && exec "$@"' "$bindir" "${launch[@]}")
fi

(
	umask 007
	cd "$wd" || exit 4
	"${launch[@]}" </dev/null 2>&1 | cat >"$outdir/output"
	exit "${PIPESTATUS[0]}"
)
rc=$?
printf '%s\n' "$rc" >"$outdir/exit_code"

if [ "$rc" -eq "$code" ]; then
	status=1 outcome="The step succeeded."
else
	status=0 outcome="The step failed."
fi
printf '%s\n' "$status" >"$outdir/run_status"

{
	printf 'Executed as user: %s. ' "$user"
	if [ -s "$outdir/output" ]; then
		cat "$outdir/output"
	else
		printf 'The step did not generate any output.'
	fi
	printf '  Process Exit Code %s.  %s' "$rc" "$outcome"
} >"$outdir/message.full"
"$TSQL_EVAL" 'SUBSTRING([message], 1, 4000)' "$outdir/message.full" >"$outdir/message" ||
	die "cannot cut the message to nvarchar(4000) (is the output UTF-8?)"
rm -f "$outdir/message.full"

if [ $((flags & 8)) -ne 0 ]; then
	cp "$outdir/output" "$outdir/log"
elif [ $((flags & 16)) -ne 0 ]; then
	cat "$outdir/output" >>"$outdir/log"
fi
exit 0
