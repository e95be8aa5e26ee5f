#!/bin/sh
# `make check`: the unit suite, then every extra step registered by mk/*.mk in
# CHECK_EXTRA. Each step prints its own "N passed, N failed" closing line; this
# script adds them up and prints the grand total last.
# Skips: the unit runner judges its own (tools/run-tests.sh); a step whose result
# line reports ", K skipped" has its skips judged here the same way, against
# tests/expected-skips.txt, and each skip the list does not give a reason for
# counts as a failure.
total_p=0
total_f=0
total_s=0
here=$(dirname "$0")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run_step() {
    name=$1; shift
    echo "##### $name"
    "$@" 2>&1 | tee "$log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
    f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    if [ -z "$line" ]; then
        echo "!!! step $name printed no result line"
        p=0; f=1
    fi
    if [ "$name" != unit ] && echo "$line" | grep -q ' [0-9][0-9]* skipped'; then
        verdict=$(sh "$here/run-tests.sh" --judge-skips "$name" "$log")
        echo "$verdict"
        s=$(echo "$verdict" | sed -n 's/^skips: \([0-9]*\) expected, \([0-9]*\) unexpected$/\1/p')
        bad=$(echo "$verdict" | sed -n 's/^skips: \([0-9]*\) expected, \([0-9]*\) unexpected$/\2/p')
        total_s=$((total_s + ${s:-0}))
        f=$((f + ${bad:-1}))
    fi
    total_p=$((total_p + p))
    total_f=$((total_f + f))
}
run_step unit make --no-print-directory BUILD="$BUILD" check-unit
for target in $CHECK_EXTRA; do
    run_step "$target" make --no-print-directory BUILD="$BUILD" "$target"
done
echo "##### total"
[ "$total_s" -eq 0 ] || echo "$total_s expected skip(s) outside the unit step (tests/expected-skips.txt)"
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
