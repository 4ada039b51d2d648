/*
 * fuzz_main.c: libFuzzer harness (b), main() itself on a fuzzed command
 * line and standard input. The input is the arguments separated by NUL
 * bytes, then optionally the bytes "\xff\xfe" and what stdin holds:
 *   "127.0.0.1\0-Port\0" "5022"            tnc 127.0.0.1 -Port 5022
 *   "-Command\0-\xff\xfe" "'a' | select"   echo "'a' | select" | tnc -Command -
 * shim/main.c is compiled with -Dmain=tnc_main. This binary holds no
 * network code (the Makefile leaves the engine's socket, resolver and
 * netlink objects out and checks the symbols): tnc_run() and
 * route_diagnose() are fake_net.c's, so no fuzzed argument can reach a
 * real host.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/netconnection.h"
#include "engine/route_diagnostics.h"
#include "tests/fuzz/fake_net.h"
#include "tests/fuzz/invariants.h"

#define MAX_ARGS	64

int	tnc_main(int argc, char **argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *args, *argv[MAX_ARGS + 2], *out = NULL, *err = NULL, *p;
	const uint8_t *sep;
	size_t nargs_bytes = size, nout = 0, nerr = 0, nin = 0;
	const char *in = "";
	FILE *saved_in = stdin, *saved_out = stdout, *saved_err = stderr;
	bool utf8;
	int argc = 1, status;

	sep = memmem(data, size, "\xff\xfe", 2);
	if (sep != NULL) {
		nargs_bytes = (size_t)(sep - data);
		in = (const char *)sep + 2;
		nin = size - nargs_bytes - 2;
	}
	args = malloc(nargs_bytes + 1);
	if (args == NULL)
		return 0;
	memcpy(args, data, nargs_bytes);
	args[nargs_bytes] = '\0';
	utf8 = utf8_valid(args, nargs_bytes) && utf8_valid(in, nin);
	argv[0] = (char *)"tnc";
	for (p = args; nargs_bytes > 0 && argc <= MAX_ARGS;) {
		argv[argc++] = p;
		p += strlen(p) + 1;
		if ((size_t)(p - args) > nargs_bytes)
			break;
	}
	argv[argc] = NULL;

	stdin = nin > 0 ? fmemopen((void *)in, nin, "r") : fopen("/dev/null", "r");
	stdout = open_memstream(&out, &nout);
	stderr = open_memstream(&err, &nerr);
	if (stdin == NULL || stdout == NULL || stderr == NULL)
		abort();
	status = tnc_main(argc, argv);
	fclose(stdin);
	fclose(stdout);
	fclose(stderr);
	stdin = saved_in;
	stdout = saved_out;
	stderr = saved_err;
	fuzz_check_run(status, out, nout, err, nerr, utf8, (const char *)data,
	    size);
	free(out);
	free(err);
	free(args);
	return 0;
}
