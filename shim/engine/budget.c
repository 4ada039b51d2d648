/* budget.c: RLIMIT_NOFILE, the in-flight limit, and what counts as running short. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/budget.h"

rlim_t
budget_raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 1024;
	if (rl.rlim_cur < rl.rlim_max) {
		struct rlimit up = { rl.rlim_max, rl.rlim_max };

		if (setrlimit(RLIMIT_NOFILE, &up) == 0)
			rl.rlim_cur = rl.rlim_max;
	}
	return rl.rlim_cur;
}

unsigned
budget_in_flight(rlim_t nofile, unsigned ceiling, unsigned wanted)
{
	rlim_t n = 0;

	if (nofile == RLIM_INFINITY || nofile > (rlim_t)ceiling *
	    BUDGET_FDS_PER_TEST + BUDGET_RESERVE_FDS)
		n = ceiling;
	else if (nofile > BUDGET_RESERVE_FDS)
		n = (nofile - BUDGET_RESERVE_FDS) / BUDGET_FDS_PER_TEST;
	if (n > ceiling)
		n = ceiling;
	if (wanted != 0 && n > wanted)
		n = wanted;
	return n < 1 ? 1 : (unsigned)n;
}

bool
budget_short(int e)
{
	return e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM;
}

void
budget_explain(char *buf, size_t len, const char *what, int e)
{
	struct rlimit rl;

	if (e == EMFILE && getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY)
		snprintf(buf, len, "%s: %s (ulimit -n %llu)", what, strerror(e),
		    (unsigned long long)rl.rlim_cur);
	else
		snprintf(buf, len, "%s: %s", what, strerror(e));
}
