#!/bin/sh
# Run libFuzzer targets for a fixed time each, JOBS at a time, and fail on any crash.
# Usage: sh fuzz/run.sh BUILD_DIR SECONDS JOBS TARGET...
#   BUILD_DIR/TARGET           the libFuzzer binary (make fuzz-build)
#   BUILD_DIR/corpus/TARGET/   working corpus (new inputs are written here)
#   fuzz/corpus/TARGET/        seed corpus (read only), fuzz/regressions/TARGET/ too
#   fuzz/dict/NAME.dict        dictionary named by a "FUZZ_DICT: NAME" line in the source
#   BUILD_DIR/artifacts/       crashing inputs; BUILD_DIR/logs/TARGET.log the full log
# Prints one line per target and "N passed, N failed" last.
set -u
dir=$1; secs=$2; jobs=$3; shift 3
[ "$#" -gt 0 ] || { echo "fuzz: no targets"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$dir/logs" "$dir/artifacts" "$dir/results"

run_one() {
    t=$1
    mkdir -p "$dir/corpus/$t"
    set -- "$dir/corpus/$t"
    [ -d "fuzz/corpus/$t" ] && set -- "$@" "fuzz/corpus/$t"
    [ -d "fuzz/regressions/$t" ] && set -- "$@" "fuzz/regressions/$t"
    dict=$(sed -n 's/.*FUZZ_DICT: *\([A-Za-z0-9_-]*\).*/\1/p' "fuzz/$t.c" | head -n 1)
    dopt=""
    [ -n "$dict" ] && [ -f "fuzz/dict/$dict.dict" ] && dopt="-dict=fuzz/dict/$dict.dict"
    # -timeout: one input taking over 10 s is a failure (bounded time is an invariant).
    # shellcheck disable=SC2086
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    "$dir/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t-" $dopt "$@" \
        >"$dir/logs/$t.log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/logs/$t.log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$dir/logs/$t.log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        echo "ok   $t: ${runs:-?} runs in ${secs}s, ${cov:-cov: ?}" >"$dir/results/$t"
    else
        art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$dir/logs/$t.log" | tail -n 1)
        {
            echo "FAIL $t (exit $rc): ${art:-no artifact}; log $dir/logs/$t.log"
            grep -E 'ERROR|invariant violated|runtime error|SUMMARY' "$dir/logs/$t.log" | head -n 5
            [ -n "$art" ] && echo "     keep it: cp $art fuzz/regressions/$t/"
        } >"$dir/results/$t"
    fi
}

if [ "${FUZZ_RUN_ONE:-}" != "" ]; then
    run_one "$FUZZ_RUN_ONE"
    exit 0
fi

start=$(date +%s)
rm -f "$dir/results/"*
for t in "$@"; do echo "$t"; done |
    xargs -P "$jobs" -I{} env FUZZ_RUN_ONE={} sh "$0" "$dir" "$secs" "$jobs" {}

passed=0; failed=0
for t in "$@"; do
    if [ -f "$dir/results/$t" ]; then
        cat "$dir/results/$t"
        if grep -q '^ok ' "$dir/results/$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    else
        echo "FAIL $t: no result"; failed=$((failed + 1))
    fi
done
echo "fuzz: $# targets, ${secs}s each, $jobs at a time, $(( $(date +%s) - start ))s wall"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
