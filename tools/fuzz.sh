#!/bin/sh
# The fuzzers, each for a bounded time: the Lua API on the ASan/UBSan build
# of the host (tests/fuzz/api.lua), the agent through the real channel
# (build/fuzz-agent), and /dev/provium from inside the guest
# (tests/fuzz/module.lua). Each prints how much it ran; the last line is
# "fuzz: N passed, N failed".
#
#   tools/fuzz.sh [SECONDS] [-l]     SECONDS per fuzzer (default 10);
#                                    -l: the slow cases too (make fuzz)
# FUZZ_SEED fixes the seeds. A crash of the API fuzzer leaves the input that
# caused it in build/fuzz-findings/.
set -u
cd "$(dirname "$0")/.."
secs=${1:-10}
slow=${2:-}
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
passed=0; failed=0
seed=${FUZZ_SEED:-}

# run NAME COMMAND...: its output's "fuzz NAME:" lines; counts it
run() {
	name=$1; shift
	"$@" >"$out" 2>&1
	rc=$?
	grep "^fuzz $name:" "$out"
	if [ $rc -eq 0 ] && grep -q "^fuzz $name: .* 0 findings$" "$out"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "fuzz $name: FAILED (exit status $rc); its output:"
		grep -v "^fuzz $name:" "$out" | tail -n 40
	fi
}

rm -f build/fuzz-last-input.lua
FUZZ_SECONDS=$secs FUZZ_BOOTS=$([ -n "$slow" ] && echo 3 || echo 0) ${seed:+FUZZ_SEED=$seed} \
	run api build/provium-asan run tests/fuzz/api.lua
if [ -s build/fuzz-last-input.lua ]; then
	mkdir -p build/fuzz-findings
	keep=build/fuzz-findings/crash-$(date +%s).lua
	mv build/fuzz-last-input.lua "$keep"
	echo "fuzz api: the input it was running when it stopped: $keep"
fi
run agent build/fuzz-agent -s "$secs" ${slow:+-l} ${seed:+-r $seed}
FUZZ_SECONDS=$secs ${seed:+FUZZ_SEED=$seed} run module build/provium run tests/fuzz/module.lua
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
