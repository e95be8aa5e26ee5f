#!/bin/sh
# AFL++ builds of the fuzz targets: replay each target's seed corpus and saved
# crashes once (proves the AFL build runs the same harness), then, when SECONDS
# is above 0, run afl-fuzz for that long per target, one at a time.
# Usage: sh fuzz/run-afl.sh BUILD_DIR SECONDS TARGET...
# Prints "N passed, N failed" last.
set -u
dir=$1; secs=$2; shift 2
passed=0; failed=0
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
for t in "$@"; do
    n=0; bad=0
    for d in "fuzz/corpus/$t" "fuzz/regressions/$t"; do
        [ -d "$d" ] || continue
        for f in "$d"/*; do
            [ -f "$f" ] || continue
            n=$((n + 1))
            "$dir/$t" "$f" >/dev/null 2>"$dir/$t.replay.log" || { bad=$((bad + 1)); echo "FAIL $t: $f"; }
        done
    done
    if [ "$secs" -gt 0 ]; then
        mkdir -p "$dir/in/$t" "$dir/out"
        cp fuzz/corpus/"$t"/* "$dir/in/$t/" 2>/dev/null || printf '{}' >"$dir/in/$t/empty"
        dict=$(sed -n 's/.*FUZZ_DICT: *\([A-Za-z0-9_-]*\).*/\1/p' "fuzz/$t.c" | head -n 1)
        dopt=""
        [ -n "$dict" ] && [ -f "fuzz/dict/$dict.dict" ] && dopt="-x fuzz/dict/$dict.dict"
        # shellcheck disable=SC2086
        afl-fuzz -V "$secs" -i "$dir/in/$t" -o "$dir/out/$t" $dopt -- "$dir/$t" \
            >"$dir/$t.afl.log" 2>&1
        crashes=$(find "$dir/out/$t" -path '*crashes/id*' 2>/dev/null | wc -l)
        if [ "$crashes" -gt 0 ]; then
            bad=$((bad + 1)); echo "FAIL $t: afl-fuzz found $crashes crash(es) in $dir/out/$t"
        fi
    fi
    if [ "$bad" -eq 0 ]; then
        passed=$((passed + 1)); echo "ok   $t: $n inputs replayed (AFL++ build)"
    else
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
