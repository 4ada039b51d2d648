#ifndef TNC_BASE_EXIT_CODES_H
#define TNC_BASE_EXIT_CODES_H

/* The process exit status is part of the interface: README, --help and tests. */
enum tnc_exit {
	TNC_EXIT_OK = 0,		/* the test succeeded */
	TNC_EXIT_FAILED = 1,		/* it ran and failed: refused, timed out, unreachable */
	TNC_EXIT_NO_NAME = 2,		/* the name did not resolve */
	TNC_EXIT_USAGE = 3,		/* usage or parameter error */
	TNC_EXIT_SYSTEM = 4		/* system failure (out of memory, stdout write error, ...) */
};

#endif /* TNC_BASE_EXIT_CODES_H */
