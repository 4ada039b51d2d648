/* host.c: facts about this machine and user. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/host.h"

/* Effective uid 0, or CAP_NET_ADMIN (bit 12) in CapEff. */
bool
tnc_is_admin(void)
{
	char line[256];
	unsigned long long caps;
	bool admin = false;
	FILE *fp;

	if (geteuid() == 0)
		return true;
	fp = fopen("/proc/self/status", "r");
	if (fp == NULL)
		return false;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "CapEff:", 7) == 0) {
			caps = strtoull(line + 7, NULL, 16);
			admin = (caps >> 12) & 1;	/* CAP_NET_ADMIN */
			break;
		}
	}
	fclose(fp);
	return admin;
}
