#!/bin/sh
# Warm start against cold boots, side by side in one run (medians, never
# asserts a time):
#   1. `provium run bench/uname.lua` (boot, uname -r, shut down), whole
#      process, N times each way (default 9);
#   2. the tests/suite files at -p 2, restored against --cold, M times each
#      way (default 3).
#   bench/warm_start.sh [N] [M]
set -u
cd "$(dirname "$0")/.."
n=${1:-9}
m=${2:-3}
for v in "$n" "$m"; do
	case $v in ''|*[!0-9]*|0) echo "usage: $0 [runs >= 1] [suite runs >= 1]" >&2; exit 2 ;; esac
done
bin=build/provium
[ -x "$bin" ] || { echo "$0: $bin missing: run make" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

median() { sort -n | awk '{ v[NR] = $1 } END {
	if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wall COUNT CMD...: COUNT runs of CMD, one wall time in seconds per line
wall() {
	count=$1
	shift
	i=0
	while [ "$i" -lt "$count" ]; do
		t0=$(date +%s.%N)
		if ! "$@" >"$log" 2>&1; then
			echo "$0: $* failed:" >&2
			tail -n 30 "$log" >&2
			return 1
		fi
		t1=$(date +%s.%N)
		echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }'
		i=$((i + 1))
	done
}

# the snapshot of the default configuration, built if it is not there yet
"$bin" run bench/uname.lua >/dev/null 2>&1 || { echo "$0: provium run bench/uname.lua failed" >&2; exit 1; }
# interleaved so both see the same machine load
w=""; c=""
i=0
while [ "$i" -lt "$n" ]; do
	w="$w$(wall 1 "$bin" run bench/uname.lua) " || exit 1
	c="$c$(wall 1 env PROVIUM_COLD=1 "$bin" run bench/uname.lua) " || exit 1
	i=$((i + 1))
done
mw=$(echo "$w" | tr ' ' '\n' | grep . | median)
mc=$(echo "$c" | tr ' ' '\n' | grep . | median)
echo "$mw $mc $n" | awk '{ printf "provium run (boot, uname -r, shutdown): warm median %.3f s, cold median %.3f s, %.1fx faster (%d runs each; target warm <= 0.35 s)\n", $1, $2, $2 / $1, $3 }'

files=$(find tests/suite -name '*.lua' | wc -l)
sw=""; sc=""
i=0
while [ "$i" -lt "$m" ]; do
	sw="$sw$(wall 1 "$bin" test -p 2 tests/suite) " || exit 1
	echo "  warm run $((i + 1)): $(grep '^VMs: ' "$log")" >&2
	sc="$sc$(wall 1 "$bin" test -p 2 --cold tests/suite) " || exit 1
	echo "  cold run $((i + 1)): $(grep '^VMs: ' "$log")" >&2
	i=$((i + 1))
done
msw=$(echo "$sw" | tr ' ' '\n' | grep . | median)
msc=$(echo "$sc" | tr ' ' '\n' | grep . | median)
echo "$files $msw $msc $m" | awk '{ printf "suite (%d files, -p 2): warm median %.1f s, cold median %.1f s, warm = %.2f x cold (%d runs each; target <= 0.35)\n", $1, $2, $3, $2 / $3, $4 }'
