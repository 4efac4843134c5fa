#!/bin/sh
# Wall time of the tests/suite files (one VM each) at -p 1 against -p 2:
# each run N times (default 3), prints the medians and the speed-up.
#   bench/suite_parallel.sh [N]
# Exits non-zero if a run fails. Never asserts a time.
set -u
cd "$(dirname "$0")/.."
n=${1:-3}
case $n in
''|*[!0-9]*|0) echo "usage: $0 [runs >= 1]" >&2; exit 2 ;;
esac
suite=tests/suite
bin=build/provium
[ -x "$bin" ] || { echo "$0: $bin missing: run make" >&2; exit 2; }
files=$(find "$suite" -name '*.lua' | wc -l)
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

median() { sort -n | awk '{ v[NR] = $1 } END {
	if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_runs P: N runs at -p P, one wall time in seconds per line
time_runs() {
	i=0
	while [ "$i" -lt "$n" ]; do
		t0=$(date +%s.%N)
		if ! "$bin" test -p "$1" "$suite" >"$log" 2>&1; then
			echo "$0: provium test -p $1 $suite failed:" >&2
			tail -n 30 "$log" >&2
			return 1
		fi
		t1=$(date +%s.%N)
		echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }'
		echo "  -p $1 run $((i + 1)): $(tail -n 1 "$log")" >&2
		i=$((i + 1))
	done
}

p1=$(time_runs 1) || exit 1
p2=$(time_runs 2) || exit 1
m1=$(echo "$p1" | median)
m2=$(echo "$p2" | median)
echo "$files $m1 $m2 $n" | awk '{ printf "suite (%d files): -p 1 median %.1f s, -p 2 median %.1f s, speed-up %.2fx (%d run%s each)\n", $1, $2, $3, $2 / $3, $4, $4 == 1 ? "" : "s" }'
