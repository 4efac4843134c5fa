#!/bin/sh
# The whole suite: host unit tests (ASan/UBSan), then every Lua end-to-end
# test (which boot real VMs, and run the kselftests inside the guest), then
# the end-to-end tests again on Debian's 6.12 kernel (--profile debian-6.12,
# unpacked into the cache by tools/debian-kernel.sh), then the fuzzers for a
# few seconds each (tools/fuzz.sh; each counts as one test).
# The end-to-end tests run warm (VMs restored from saved ready guests)
# unless PROVIUM_COLD=1. Ends with how their VMs started, then one line
# "N passed, N failed, N skipped" summing them all.
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

# "N passed, N failed, N skipped" of a provium test run (its last line) -> "p f s"
totals() {
	t=$(tail -n 1 "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1 \2 \3/p')
	set -- $t
	tp=${1:-0}; tf=${2:-1}; ts=${3:-0}
	[ "$1" = "" ] || [ "$rc" -eq 0 ] || [ "$tf" -gt 0 ] || tf=1
}

# warm start: how the e2e runs' VMs started ("VMs: ..." before their summary)
vw=0; vb=0; vf=0; vc=0
vms_add() {
	v=$(grep '^VMs: ' "$out" | tail -n 1 | sed -n 's/^VMs: \([0-9]*\) restored from snapshots (\([0-9]*\) snapshots\{0,1\} built), \([0-9]*\) from fixtures, \([0-9]*\) cold-booted$/\1 \2 \3 \4/p')
	set -- $v
	vw=$((vw + ${1:-0})); vb=$((vb + ${2:-0})); vf=$((vf + ${3:-0})); vc=$((vc + ${4:-0}))
}

echo "== end-to-end tests (provium test -p $jobs tests/e2e tests/compat)"
build/provium test -p "$jobs" tests/e2e tests/compat | tee "$out"
rc=$?
totals
vms_add
ep=$tp; ef=$tf; es=$ts

# Not again: kernels.lua boots Debian 6.12 and the default kernel itself;
# install.lua and deb.lua run the installed provium under env -i, which
# boots the default kernel whatever the profile; the floods and limits
# (floods, read_bounds, output_bounds) are the host's and the agent's, the
# same on any kernel, and slow
files=$(ls tests/e2e/*.lua tests/compat/*.lua |
	grep -v -e '^tests/e2e/kernels.lua$' -e '^tests/e2e/install.lua$' -e '^tests/e2e/deb.lua$' \
		-e '^tests/e2e/floods.lua$' -e '^tests/e2e/read_bounds.lua$' -e '^tests/e2e/output_bounds.lua$')
echo "== end-to-end tests on Debian 6.12 (provium test -p $jobs --profile debian-6.12)"
if tools/debian-kernel.sh >/dev/null; then
	build/provium test -p "$jobs" --profile debian-6.12 $files | tee "$out"
	rc=$?
	totals
	vms_add
else
	echo "no Debian 6.12 kernel: tools/debian-kernel.sh failed (see above)"
	tp=0; tf=1; ts=0
fi
echo "Debian 6.12: $tp passed, $tf failed, $ts skipped"

fuzz_secs=${PROVIUM_FUZZ_SECONDS:-8}
echo "== fuzzers (tools/fuzz.sh $fuzz_secs: the API on ASan, the agent's channel, the module)"
tools/fuzz.sh "$fuzz_secs" | tee "$out"
fuzz_rc=$?
z=$(tail -n 1 "$out" | sed -n 's/^fuzz: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
zp=${z% *}; zf=${z#* }
[ -n "$z" ] || { zp=0; zf=1; }
[ $fuzz_rc -eq 0 ] || [ "$zf" -gt 0 ] || zf=1

echo "VMs: $vw restored from snapshots ($vb snapshots built), $vf from fixtures, $vc cold-booted"
echo "$((up + ep + tp + zp)) passed, $((uf + ef + tf + zf)) failed, $((es + ts)) skipped"
[ $((uf + ef + tf + zf)) -eq 0 ]
