#!/bin/sh
# The whole suite: host unit tests (ASan/UBSan), then every Lua end-to-end
# test (which boot real VMs, and run the kselftests inside the guest).
# Ends with one line "N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/.."
jobs=${PROVIUM_JOBS:-2}
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM

echo "== unit tests"
build/unit | tee "$out"
unit_rc=$?
u=$(sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$out")
up=${u% *}; uf=${u#* }
[ -n "$u" ] || { up=0; uf=1; }
[ $unit_rc -eq 0 ] || [ "$uf" -gt 0 ] || uf=1

echo "== end-to-end tests (provium test -p $jobs tests/e2e tests/compat)"
build/provium test -p "$jobs" tests/e2e tests/compat | tee "$out"
e2e_rc=$?
e=$(tail -n 1 "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
set -- $e
ep=${1:-0}; ef=${2:-1}; es=${3:-0}
[ $e2e_rc -eq 0 ] || [ "$ef" -gt 0 ] || ef=1

echo "$((up + ep)) passed, $((uf + ef)) failed, $es skipped"
[ $((uf + ef)) -eq 0 ]
