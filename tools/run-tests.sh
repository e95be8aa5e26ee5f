#!/bin/sh
# Run test executables (cmocka binaries or shell scripts) and add up their results.
# Each test's stdout and stderr are shown. cmocka's "[  PASSED  ] N test(s)." /
# "[  FAILED  ] N test(s)" lines and plain "N passed, N failed" lines are counted;
# a test that exits non-zero without reporting a failure counts as one failure.
# Prints "N passed, N failed" last; exits 1 when anything failed.
# Environment: RUN_PREFIX (e.g. "valgrind ...") is put before binaries, not scripts.
#
# Skips: a check that cannot run must say so, and a skip passes only when it is
# listed in tests/expected-skips.txt with its reason; any other skip counts as one
# failure, so a fresh machine never passes by running less. A skip is named
#   TEST:CASE  for a cmocka test case that called skip() ("[  SKIPPED ] CASE"),
#   TEST:WHAT  for a line "SKIP: WHAT: reason" printed by a test or script,
#   TEST       for a "N passed, N failed, K skipped" count no SKIP line explains,
# where TEST is the binary's or script's name without directory and .sh.
#   sh tools/run-tests.sh --judge-skips NAME LOG   judges the skips reported in LOG
#                                                  under NAME (tools/check-all.sh)
# EXPECTED_SKIPS overrides the list's path.
here=$(dirname "$0")
skips_file=${EXPECTED_SKIPS:-$here/../tests/expected-skips.txt}

# The reason the list gives for skip id $1 (first matching glob), or nothing.
# A line without a reason excuses nothing.
expected_reason() {
    [ -f "$skips_file" ] || return 0
    while IFS= read -r line; do
        case "$line" in '' | '#'*) continue ;; esac
        pat=${line%%[ 	]*}
        reason=$(printf '%s\n' "${line#"$pat"}" | sed 's/^[ 	]*//')
        [ -n "$reason" ] || continue
        # shellcheck disable=SC2254
        case "$1" in $pat) printf '%s\n' "$reason"; return 0 ;; esac
    done <"$skips_file"
    return 0
}

# One id per line for every skip log $2 of test $1 reports.
skip_ids() {
    cm=$(sed -n 's/^\[  SKIPPED \] \([^ ][^ ]*\)$/\1/p' "$2" | sort -u)
    named=$(sed -n 's/^SKIP: \([^:][^:]*\):.*/\1/p' "$2")
    for c in $cm $named; do echo "$1:$c"; done
    k=$(sed -n 's/^\([A-Za-z-]*: \)\{0,1\}[0-9][0-9]* passed, [0-9][0-9]* failed, \([0-9][0-9]*\) skipped.*/\2/p' \
        "$2" | tail -n 1)
    n=$(printf '%s\n' $cm $named | grep -c .)
    if [ "${k:-0}" -gt "$n" ]; then echo "$1"; fi
}

# Judge the skips of test $1 in log $2: prints each one with its verdict and sets
# skip_ok (listed) and skip_bad (not listed).
judge_skips() {
    skip_ok=0
    skip_bad=0
    for id in $(skip_ids "$1" "$2"); do
        reason=$(expected_reason "$id")
        if [ -n "$reason" ]; then
            echo "expected skip: $id ($reason)"
            skip_ok=$((skip_ok + 1))
        else
            said=$(sed -n "s/^SKIP: ${id#*:}: //p" "$2" | head -n 1)
            echo "!!! unexpected skip: $id${said:+ ($said)}: a check that cannot run fails" \
                "unless tests/expected-skips.txt lists it with its reason"
            skip_bad=$((skip_bad + 1))
        fi
    done
}

if [ "${1:-}" = "--judge-skips" ]; then
    judge_skips "$2" "$3"
    echo "skips: $skip_ok expected, $skip_bad unexpected"
    [ "$skip_bad" -eq 0 ]
    exit
fi

passed=0
failed=0
skipped=0
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
    name=$(basename "$t" .sh)
    judge_skips "$name" "$tmp"
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$skip_ok" -eq 0 ] && [ "$skip_bad" -eq 0 ]; then
        echo "!!! $t reported no result"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f + skip_bad))
    skipped=$((skipped + skip_ok))
done
if [ "$skipped" -gt 0 ]; then
    echo "$skipped expected skip(s), each listed with its reason in tests/expected-skips.txt"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
