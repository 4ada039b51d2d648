#ifndef TNC_ENGINE_HOST_H
#define TNC_ENGINE_HOST_H

#include <stdbool.h>

/* Facts about the machine and the user that several probes report. */

/* IsAdmin: effective uid 0, or CAP_NET_ADMIN in the effective set. */
bool	tnc_is_admin(void);

#endif /* TNC_ENGINE_HOST_H */
