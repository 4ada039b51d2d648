#!/bin/sh
# dist/built-using.sh VERSIONS: the Built-Using field of a package holding
# tnc-static, whose libraries came from the source packages that
# dist/build-deps.sh wrote into VERSIONS ("curl 7.88.1-10+deb12u15"), and
# whose C library and compiler run-time are musl's and gcc's static ones.
set -eu
src_of() {	# BINARY-PACKAGE -> "source (= version)"
	dpkg-query -W -f='${source:Package} (= ${source:Version})' "$1"
}
{
	while read -r pkg ver; do
		printf '%s (= %s)\n' "$pkg" "$ver"
	done <"$1"
	src_of musl-dev
	echo
	src_of "$(dpkg-query -S "$(gcc -print-libgcc-file-name)" | cut -d: -f1)"
	echo
} | sed '/^$/d' | paste -sd, - | sed 's/,/, /g'
