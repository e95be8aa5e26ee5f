#!/bin/sh
# Replay every fuzz target's seed corpus (fuzz/corpus/TARGET/) and every saved
# crash (fuzz/regressions/TARGET/) through the target's own invariant checks,
# with the plain replay driver built by the normal compiler ($BUILD/fuzz-replay/,
# `make fuzz-replay`): no libFuzzer needed. Honours RUN_PREFIX (valgrind).
# Each input counts as one test. Prints "N passed, N failed" last.
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

targets=""
for src in fuzz/fuzz_*.c; do
    [ -f "$src" ] || continue
    targets="$targets $(basename "$src" .c)"
done
if [ -z "$targets" ]; then
    echo "fuzz-regressions: no fuzz targets yet"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi

for t in $targets; do
    bin="$BUILD/fuzz-replay/$t"
    if [ ! -x "$bin" ]; then
        make --no-print-directory BUILD="$BUILD" "$bin" >"$log" 2>&1 || {
            cat "$log"; echo "FAIL $t: cannot build $bin"; failed=$((failed + 1)); continue; }
    fi
    for d in "fuzz/corpus/$t" "fuzz/regressions/$t"; do
        [ -d "$d" ] || continue
        n=$(find "$d" -maxdepth 1 -type f ! -name '.*' | wc -l)
        [ "$n" -gt 0 ] || continue
        # One process per directory; on failure, one per file to name the culprits.
        # shellcheck disable=SC2086
        if $RUN_PREFIX "$bin" "$d" >"$log" 2>&1; then
            passed=$((passed + n))
            echo "ok   $t: $n inputs from $d"
        else
            for f in "$d"/*; do
                [ -f "$f" ] || continue
                # shellcheck disable=SC2086
                if $RUN_PREFIX "$bin" "$f" >"$log" 2>&1; then
                    passed=$((passed + 1))
                else
                    failed=$((failed + 1))
                    echo "FAIL $t: $f"
                    tail -n 20 "$log"
                fi
            done
        fi
    done
done
finish
