#!/bin/sh
# Run test executables (cmocka binaries or shell scripts) and add up their results.
# Each test's stdout and stderr are shown. cmocka's "[  PASSED  ] N test(s)." /
# "[  FAILED  ] N test(s)" lines and plain "N passed, N failed" lines are counted;
# a test that exits non-zero without reporting a failure counts as one failure.
# Prints "N passed, N failed" last; exits 1 when anything failed.
# Environment: RUN_PREFIX (e.g. "valgrind ...") is put before binaries, not scripts.
passed=0
failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for t in "$@"; do
    echo "=== $t"
    case "$t" in
        *.sh) sh "$t" >"$tmp" 2>&1; rc=$? ;;
        *)    $RUN_PREFIX "$t" >"$tmp" 2>&1; rc=$? ;;
    esac
    cat "$tmp"
    p=0; f=0
    p1=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$tmp" | tail -n 1)
    f1=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$tmp" | tail -n 1)
    p2=$(sed -n 's/^\([A-Za-z-]*: \)\{0,1\}\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p' "$tmp" | tail -n 1)
    f2=$(sed -n 's/^\([A-Za-z-]*: \)\{0,1\}\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\3/p' "$tmp" | tail -n 1)
    if [ -n "$p1" ] || [ -n "$f1" ]; then p=${p1:-0}; f=${f1:-0}
    elif [ -n "$p2" ]; then p=$p2; f=${f2:-0}
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "!!! $t exited with status $rc without reporting a failure"
        f=1
    fi
    skipped=$(sed -n 's/.* passed, [0-9]* failed, \([0-9][0-9]*\) skipped.*/\1/p' "$tmp" | tail -n 1)
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "${skipped:-0}" -eq 0 ]; then
        echo "!!! $t reported no result"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
