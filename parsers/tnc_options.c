/* tnc_options.c: Test-NetConnection's defaults (spec 1.2). */
#include <stdlib.h>
#include <string.h>

#include "tnc_options.h"

void
tnc_options_init(struct tnc_options *o)
{
	memset(o, 0, sizeof(*o));
	/* strdup failing leaves NULL, which callers treat as the default */
	o->computer_name = strdup(TNC_DEFAULT_COMPUTER_NAME);
	o->set = TNC_SET_ICMP;
	o->hops = TNC_DEFAULT_HOPS;
	o->constrain_source_address = strdup("");
	o->information_level = TNC_INFO_STANDARD;
	o->warning_action = TNC_ACTION_CONTINUE;
	o->error_action = TNC_ACTION_CONTINUE;
	o->timeout_seconds = TNC_DEFAULT_TIMEOUT_SECONDS;
	o->newline = TNC_NEWLINE_LF;
}

void
tnc_options_free(struct tnc_options *o)
{
	free(o->computer_name);
	free(o->constrain_source_address);
	o->computer_name = NULL;
	o->constrain_source_address = NULL;
}

int
tnc_options_copy(struct tnc_options *dst, const struct tnc_options *src,
    const char *computer_name)
{
	const char *name = computer_name != NULL ? computer_name :
	    src->computer_name;

	*dst = *src;
	dst->computer_name = NULL;
	dst->constrain_source_address = NULL;
	if ((name != NULL && (dst->computer_name = strdup(name)) == NULL) ||
	    (src->constrain_source_address != NULL &&
	    (dst->constrain_source_address =
	    strdup(src->constrain_source_address)) == NULL)) {
		tnc_options_free(dst);
		return -1;
	}
	return 0;
}
