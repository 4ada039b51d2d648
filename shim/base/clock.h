#ifndef TNC_BASE_CLOCK_H
#define TNC_BASE_CLOCK_H

#include <time.h>

/* The one monotonic clock of the program: milliseconds since some start. */
long long clock_mono_ms(void);

/* Milliseconds from t0 (a CLOCK_MONOTONIC reading) to now. */
long	clock_ms_since(const struct timespec *t0);

#endif /* TNC_BASE_CLOCK_H */
