#!/bin/sh
# dist/debian-changelog.sh VERSION: debian/changelog for a package built
# from this tree at VERSION (dated by the last commit, so rebuilds match).
set -eu
date=$(git log -1 --format=%cD 2>/dev/null) || date=$(date -R)
[ -n "$date" ] || date=$(date -R)
cat <<END
tnc ($1) unstable; urgency=medium

  * Built from the tnc source tree at version $1.

 -- tnc maintainers <tnc@example.org>  $date
END
