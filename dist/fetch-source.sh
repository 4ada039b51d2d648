#!/bin/sh
# dist/fetch-source.sh DIR PACKAGE: unpacks the Debian source package
# PACKAGE (the version the machine's Debian archive has now, with Debian's
# patches, security fixes included) into DIR/PACKAGE-VERSION and prints that
# directory's path.
#
# apt-get source needs deb-src entries, which a fresh Debian 12 does not
# have. Rather than editing the machine's apt configuration, it derives
# them from the machine's own deb entries (the same mirrors, suites,
# components and keys; deb822 *.sources and one-line *.list alike) into a
# private apt state under DIR/apt, so it works without root and leaves the
# system untouched. apt checks the source files against the signed indexes
# as for any package. Needs apt and dpkg-dev (dpkg-source).
set -eu
dir=$1 pkg=$2
apt=$dir/apt
mkdir -p "$apt/sources.list.d" "$apt/lists/partial" "$apt/cache/archives/partial" "$dir/$pkg"
apt=$(cd "$apt" && pwd) dir=$(cd "$dir" && pwd)

# deb822: a stanza whose Types has "deb" becomes a deb-src stanza
for f in /etc/apt/sources.list.d/*.sources; do
	[ -r "$f" ] || continue
	awk 'function flush() { if (keep) printf "%s\n", s; s = ""; keep = 0 }
	    /^[ \t]*$/ { flush(); next }
	    /^#/ { next }
	    /^Types:/ { if ($0 ~ /[ \t]deb([ \t]|$)/) keep = 1; s = s "Types: deb-src\n"; next }
	    { s = s $0 "\n" }
	    END { flush() }' "$f" >"$apt/sources.list.d/$(basename "$f")"
done
# one-line style: "deb [opts] uri suite comp..." -> "deb-src ..."
: >"$apt/sources.list.d/oneline.list"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
	[ -r "$f" ] || continue
	sed -n 's/^[ \t]*deb[ \t]/deb-src /p' "$f" >>"$apt/sources.list.d/oneline.list"
done

set -- -o Dir::Etc::sourcelist=/dev/null \
    -o Dir::Etc::sourceparts="$apt/sources.list.d" \
    -o Dir::State::lists="$apt/lists" \
    -o Dir::Cache="$apt/cache" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
    -o Debug::NoLocking=1
# as root apt downloads as the _apt user, who cannot write into a private
# directory under /root: download as ourselves there
[ "$(id -u)" -eq 0 ] && set -- "$@" -o APT::Sandbox::User=root
log=$dir/$pkg.log
cd "$dir/$pkg"
rm -rf ./*
# A third-party repository (Microsoft's, say) may have no source indexes:
# its error is not ours, so go on with the indexes that did come.
apt-get "$@" -q update >"$log" 2>&1 ||
	echo "fetch-source: apt-get update reported errors; going on (log: $log)" >&2
# Newest version first. A mirror may list a version whose files it does not
# hold (seen: a security update's source missing): then the next one, said.
versions=$(apt-cache "$@" showsrc "$pkg" 2>>"$log" | sed -n 's/^Version: //p' | sort -u)
[ -n "$versions" ] || { tail -20 "$log" >&2; echo "fetch-source: no source of $pkg in the machine's Debian archive (log: $log)" >&2; exit 1; }
sorted=""
for v in $versions; do	# insertion sort, newest first, by dpkg's order
	out="" placed=0
	for w in $sorted; do
		if [ $placed -eq 0 ] && dpkg --compare-versions "$v" gt "$w"; then
			out="$out $v" placed=1
		fi
		out="$out $w"
	done
	[ $placed -eq 0 ] && out="$out $v"
	sorted=$out
done
newest=""
for v in $sorted; do
	[ -z "$newest" ] && newest=$v
	if apt-get "$@" -q source "$pkg=$v" >>"$log" 2>&1; then
		[ "$v" = "$newest" ] ||
			echo "fetch-source: $pkg $newest could not be downloaded; using $v" >&2
		for d in ./"$pkg"-*/; do
			[ -d "$d" ] && { cd "$d" && pwd; exit 0; }
		done
	fi
	rm -rf ./*
done
tail -20 "$log" >&2
echo "fetch-source: apt-get source $pkg failed (log: $log)" >&2
exit 1
