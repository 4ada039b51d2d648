/*
 * measure: runs a command and prints what it cost, for the bench:
 *
 *   measure [-o FILE] CMD ARGS...
 *
 * prints "wall_ms cpu_ms maxrss_kb status" on stderr (wall clock,
 * user + system CPU of the command and its children, their largest
 * resident set).  -o sends the command's stdout to FILE (default
 * /dev/null) so a million lines of output cost the command, not a pipe;
 * its stderr goes to /dev/null.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
ms(const struct timeval *tv)
{
	return tv->tv_sec * 1000.0 + tv->tv_usec / 1000.0;
}

int
main(int argc, char **argv)
{
	const char *outfile = "/dev/null";
	struct timespec t0, t1;
	struct rusage ru;
	int status, first = 1, fd;
	pid_t pid;

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		outfile = argv[2];
		first = 3;
	}
	if (first >= argc) {
		fprintf(stderr, "usage: measure [-o FILE] CMD ARGS...\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) < 0 ||
		    (fd = open("/dev/null", O_WRONLY)) < 0 || dup2(fd, 2) < 0) {
			perror("measure: output");
			_exit(127);
		}
		execvp(argv[first], argv + first);
		perror("measure: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("measure: wait4");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "%.1f %.1f %ld %d\n",
	    (t1.tv_sec - t0.tv_sec) * 1000.0 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
	    ms(&ru.ru_utime) + ms(&ru.ru_stime), ru.ru_maxrss,
	    WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
