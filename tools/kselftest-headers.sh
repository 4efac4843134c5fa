#!/bin/sh
# Extract the kselftest harness headers, the kselftest runner and checkpatch
# from Debian's linux-source-6.1 tarball into the cache (never into the
# repository):
#   <cache>/kselftest/kselftest_harness.h, kselftest.h
#   <cache>/kselftest/run_kselftest.sh, runner.sh, prefix.pl
#   <cache>/kselftest/checkpatch.pl, spelling.txt, const_structs.checkpatch
# <cache> is $PROVIUM_CACHE, else $XDG_CACHE_HOME/provium, else
# ~/.cache/provium. Does nothing when everything is already there.
# Prints the directory on stdout.
set -eu
SRC=${LINUX_SOURCE_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
CACHE=${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}
DIR=$CACHE/kselftest
FILES="kselftest_harness.h kselftest.h run_kselftest.sh runner.sh prefix.pl checkpatch.pl
spelling.txt const_structs.checkpatch"

have_all() {
	for f in $FILES; do
		[ -s "$DIR/$f" ] || return 1
	done
}

if have_all; then
	echo "$DIR"
	exit 0
fi
if [ ! -r "$SRC" ]; then
	echo "kselftest-headers: $SRC not found: run 'make deps' (package linux-source-6.1)" >&2
	exit 1
fi

mkdir -p "$DIR"
tmp=$(mktemp -d "$DIR/.extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "kselftest-headers: extracting from $SRC (about a minute, once)" >&2
# linux-source-6.1/<path>: one component to strip, whatever the top dir is
tar -xJf "$SRC" -C "$tmp" --strip-components=1 --wildcards \
	'*/tools/testing/selftests/kselftest_harness.h' \
	'*/tools/testing/selftests/kselftest.h' \
	'*/tools/testing/selftests/run_kselftest.sh' \
	'*/tools/testing/selftests/kselftest/runner.sh' \
	'*/tools/testing/selftests/kselftest/prefix.pl' \
	'*/scripts/checkpatch.pl' \
	'*/scripts/spelling.txt' \
	'*/scripts/const_structs.checkpatch'
for f in kselftest_harness.h kselftest.h run_kselftest.sh; do
	mv -f "$tmp/tools/testing/selftests/$f" "$DIR/$f"
done
for f in runner.sh prefix.pl; do
	mv -f "$tmp/tools/testing/selftests/kselftest/$f" "$DIR/$f"
done
for f in checkpatch.pl spelling.txt const_structs.checkpatch; do
	mv -f "$tmp/scripts/$f" "$DIR/$f"
done
chmod +x "$DIR/checkpatch.pl"
have_all || { echo "kselftest-headers: extraction incomplete in $DIR" >&2; exit 1; }
echo "$DIR"
