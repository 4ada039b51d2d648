/*
 * tnc: Test-NetConnection for Linux.
 *
 * main() finds the script (the command line itself, or -Command's) and
 * hands it to the runtime, which runs every form the same way: a plain
 * `tnc host -port N` is a pipeline of one command.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/exit_codes.h"
#include "parsers/tnc_command.h"
#include "runtime/runtime.h"

#ifdef TNC_FUZZ_BOUNDS
/* fuzz_main's build: a fuzzed script's loops and sleeps must end */
static const struct runtime_options fuzz_bounds = { .max_steps = 2000,
	.max_sleep_ms = 10, .files_here_only = true };
#define RUN_BOUNDS	(&fuzz_bounds)
#else
#define RUN_BOUNDS	NULL
#endif

static const char usage_text[] =
"Usage: tnc [[-ComputerName] <host>] [-Port <1-65535> | [-CommonTCPPort] HTTP|RDP|SMB|WINRM]\n"
"           [-InformationLevel Quiet|Detailed] [-TimeoutSeconds <seconds>]\n"
"           [-ConstrainSourceAddress <ip>] [-ConstrainInterface <index>]\n"
"           [-NewLine LF|CRLF] [-OutputStyle WindowsPowerShell|PowerShell7]\n"
"           [-WarningAction <preference>] [-ErrorAction <preference>]\n"
"       tnc [[-ComputerName] <host>] -TraceRoute [-Hops <1-120>] [...]\n"
"       tnc [[-ComputerName] <host>] -DiagnoseRouting [-ConstrainSourceAddress <ip>]\n"
"           [-ConstrainInterface <index>] [-InformationLevel Detailed] [...]\n"
"       tnc -Command '<script>' | -Command -   a PowerShell pipeline or script, e.g.\n"
"           'tnc host -port 5022 | select ComputerName, TcpTestSucceeded | Format-List'\n"
"           '$r = tnc host -port 5022; if (-not $r.TcpTestSucceeded) { exit 1 }'\n"
"           (- reads it from stdin); argv with '|' tokens works the same\n"
"       tnc --help | -?        this text\n"
"       tnc --version\n"
"\n"
"Tests a TCP connection (and, when it fails or no port is given, an ICMP echo)\n"
"and prints what Windows PowerShell 5.1's Test-NetConnection prints.\n"
"Parameter names are case-insensitive and may be shortened to a unique prefix\n"
"(-p is -Port, -i is -InformationLevel); -Name:value works. tnc's own\n"
"-TimeoutSeconds, -NewLine and -OutputStyle take only their full name.\n"
"\n"
"  -ComputerName, -cn, -RemoteAddress  host name or IP address (position 0)\n"
"  -Port, -RemotePort                  TCP port to test\n"
"  -CommonTCPPort                      HTTP (80), RDP (3389), SMB (445), WINRM (5985)\n"
"  -InformationLevel                   Quiet: print only True or False; Detailed\n"
"  -TraceRoute, -Hops                  trace the route (default 30 hops at most)\n"
"  -DiagnoseRouting                    show the route and source address chosen\n"
"  -ConstrainSourceAddress, -ConstrainInterface\n"
"                                      with -DiagnoseRouting as in Windows; tnc also\n"
"                                      binds the TCP test and the echo to them\n"
"  -TimeoutSeconds                     bound for each connect attempt and each echo\n"
"                                      (default 5); the whole run stops after 10 times it\n"
"  -NewLine CRLF                       end lines with CR LF, as Windows does\n"
"  -OutputStyle PowerShell7            PowerShell 7.4's envelopes (default\n"
"                                      WindowsPowerShell, i.e. 5.1)\n"
"  -WarningAction SilentlyContinue     do not print warnings or notes (also Ignore);\n"
"                                      Stop: the first warning ends the run as an error\n"
"\n"
"Warnings (WARNING: ...) and tnc's own notes (tnc: ...) go to stderr; the\n"
"result goes to stdout.\n"
"\n"
"Exit status:\n"
"  0  the test succeeded\n"
"  1  it ran and failed (refused, timed out, unreachable)\n"
"  2  the name did not resolve\n"
"  3  usage or parameter error\n"
"  4  system failure (for example, stdout could not be written)\n"
"SIGINT or SIGTERM ends tnc at once, by that signal and with no result\n"
"printed (a shell reports 130 or 143).\n"
"\n"
"Examples:\n"
"  tnc 10.0.0.4 -port 5022\n"
"  tnc sqlmi.example.net -Port 5022 -InformationLevel Quiet\n"
"  tnc localhost -CommonTCPPort RDP\n"
"  tnc 10.0.0.4 -port 5022 '|' select ComputerName, RemoteAddress, TcpTestSucceeded '|' Format-List\n";

/* "tnc", or "Test-NetConnection" when invoked through that link. */
static const char *
invocation_name(const char *argv0)
{
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	return strcasecmp(base, "Test-NetConnection") == 0 ? "Test-NetConnection" : "tnc";
}

/*
 * The command line as PowerShell sees it: the invocation name and the
 * arguments joined with single spaces, as `pwsh -Command` joins its
 * remaining arguments. Error messages point into this text.
 */
static char *
join_command_line(const char *name, int argc, char **argv)
{
	size_t len = strlen(name) + 1, n, at;
	char *s;

	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = malloc(len);
	if (s == NULL)
		return NULL;
	at = strlen(name);
	memcpy(s, name, at);
	for (int i = 1; i < argc; i++) {
		n = strlen(argv[i]);
		s[at++] = ' ';
		memcpy(s + at, argv[i], n);
		at += n;
	}
	s[at] = '\0';
	return s;
}

/*
 * Whether a is pwsh's -Command: -Command or a prefix of it down to
 * -comma, any case. The shorter -c, -co, -com and -comm also start
 * parameters of Test-NetConnection (-c is ambiguous there, spec 4; -comm
 * is -CommonTCPPort), and an option of ours never changes what a real
 * command line means, so those stay tnc's.
 */
static bool
is_command_option(const char *a)
{
	size_t n;

	if (a[0] != '-' || a[1] == '\0')
		return false;
	n = strlen(a + 1);
	if (n > 7 || strncasecmp(a + 1, "command", n) != 0)
		return false;
	return !ps_name_is_taken(&tnc_command_meta, a + 1);
}

/*
 * Largest script -Command - reads from stdin: a list of 100,000 targets
 * fits many times over, and a runaway producer still meets an end.
 */
#define SCRIPT_STDIN_MAX	(16 * 1024 * 1024)

/*
 * The script on stdin, read to its end: at most SCRIPT_STDIN_MAX bytes,
 * no NUL byte, a UTF-8 byte-order mark at the start dropped (PowerShell
 * drops it from script text). NULL with a tnc: message on stderr and
 * *status set (3 for bad input, 4 when stdin or memory failed).
 */
static char *
read_script_stdin(int *status)
{
	char *s = NULL, *grown;
	size_t len = 0, cap = 0, n;

	*status = TNC_EXIT_SYSTEM;
	for (;;) {
		if (len == cap) {
			/* one byte past the limit tells "too long" from "full" */
			cap = cap == 0 ? 64 * 1024 : cap * 2;
			if (cap > SCRIPT_STDIN_MAX + 1)
				cap = SCRIPT_STDIN_MAX + 1;
			grown = realloc(s, cap + 1);
			if (grown == NULL) {
				fprintf(stderr, "tnc: out of memory\n");
				goto fail;
			}
			s = grown;
		}
		n = fread(s + len, 1, cap - len, stdin);
		len += n;
		if (n == 0 || len > SCRIPT_STDIN_MAX)
			break;
	}
	if (ferror(stdin)) {
		fprintf(stderr, "tnc: cannot read the script from stdin: %s\n",
		    strerror(errno));
		goto fail;
	}
	*status = TNC_EXIT_USAGE;
	if (len > SCRIPT_STDIN_MAX) {
		fprintf(stderr, "tnc: the script on stdin is longer than %d "
		    "bytes (16 MiB)\n", SCRIPT_STDIN_MAX);
		goto fail;
	}
	if (memchr(s, '\0', len) != NULL) {
		fprintf(stderr, "tnc: the script on stdin holds a NUL byte\n");
		goto fail;
	}
	s[len] = '\0';
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		memmove(s, s + 3, len - 2);
	return s;
fail:
	free(s);
	return NULL;
}

/* The script of -Command: the arguments after it, or stdin for "-". */
static char *
command_script(int argc, char **argv, int *status)
{
	char *s;

	*status = TNC_EXIT_USAGE;
	if (argc < 3) {
		fprintf(stderr, "tnc: %s needs a script, or - to read it from "
		    "stdin\n", argv[1]);
		return NULL;
	}
	if (argc > 3 || strcmp(argv[2], "-") != 0) {
		s = join_command_line(argv[2], argc - 2, argv + 2);
		if (s == NULL) {
			fprintf(stderr, "tnc: out of memory\n");
			*status = TNC_EXIT_SYSTEM;
		}
		return s;
	}
	return read_script_stdin(status);
}

/*
 * A standard descriptor closed at start is held by /dev/null opened the
 * wrong way round (stdin write-only, stdout and stderr read-only): it
 * still fails as a closed one does (EBADF), and no socket or epoll
 * descriptor the engine opens can take its number, so output never goes
 * to a connection under test.
 */
static void
hold_closed_std_fds(void)
{
	int fd, want;

	for (want = 0; want <= 2; want++) {
		if (fcntl(want, F_GETFD) != -1 || errno != EBADF)
			continue;
		fd = open("/dev/null", want == 0 ? O_WRONLY : O_RDONLY);
		if (fd >= 0 && fd != want) {
			/* a lower one was closed too and is held already */
			dup2(fd, want);
			close(fd);
		}
	}
}

int
main(int argc, char **argv)
{
	char *script;
	int status;

	/* A closed stdout must be an exit status (4), not a silent death. */
	signal(SIGPIPE, SIG_IGN);
	hold_closed_std_fds();
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-?") == 0) {
			fputs(usage_text, stdout);
			return fflush(stdout) == 0 ? TNC_EXIT_OK : TNC_EXIT_SYSTEM;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("tnc %s\n", TNC_VERSION);
			return fflush(stdout) == 0 ? TNC_EXIT_OK : TNC_EXIT_SYSTEM;
		}
	}

	if (argc >= 2 && is_command_option(argv[1])) {
		/* pwsh -Command: the script is its own text, e.g. a job step */
		script = command_script(argc, argv, &status);
		if (script == NULL)
			return status;
	} else {
		script = join_command_line(invocation_name(argv[0]), argc,
		    argv);
		if (script == NULL) {
			fprintf(stderr, "tnc: out of memory\n");
			return TNC_EXIT_SYSTEM;
		}
	}
	status = runtime_run_script(script, stdout, stderr, RUN_BOUNDS);
	free(script);
	return status;
}
