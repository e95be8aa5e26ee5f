#!/bin/sh
# Run bare-metal test images under qemu-system-arm with semihosting and add up
# their cmocka-style results. The machine comes from the image's directory name:
# .../cortex-m3*/... -> mps2-an385, .../cortex-m4*/... -> mps2-an386,
# .../cortex-m0plus*/... -> microbit (a Cortex-M0 with 16 KiB of RAM: the same
# ARMv6-M code; only the small firmware programs fit). Each image's output is
# also kept next to it as NAME.log (the size report reads the firmware's).
# Every group's "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)" lines are
# summed; an image that exits non-zero (or times out, QEMU_TIMEOUT seconds,
# default 120) without reporting a failure counts as one failure.
# Environment: SHARED (absolute path of the spec folder, handed to the tests);
# EXTRA_PASSED / EXTRA_FAILED: results of checks run before (the stack gate of
# make check-target), added to the totals.
# Prints "N passed, N failed[, N skipped]" last; exits 1 when anything failed.
passed=${EXTRA_PASSED:-0}
failed=${EXTRA_FAILED:-0}
skipped=0
timeout_s=${QEMU_TIMEOUT:-120}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for img in "$@"; do
    case "$img" in
        *cortex-m3*) machine=mps2-an385 ;;
        *cortex-m4*) machine=mps2-an386 ;;
        *cortex-m0plus*) machine=microbit ;;
        *) echo "!!! $img: no qemu machine for this CPU"; failed=$((failed + 1)); continue ;;
    esac
    echo "=== $img ($machine)"
    timeout "$timeout_s" qemu-system-arm -M "$machine" -nographic -monitor none -serial none \
        -semihosting-config enable=on,target=native \
        -kernel "$img" -append "SHARED=${SHARED:-../shared}" </dev/null >"$tmp" 2>&1
    rc=$?
    cat "$tmp"
    cp "$tmp" "${img%.elf}.log" 2>/dev/null
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$tmp" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$tmp" | awk '{s+=$1} END {print s+0}')
    s=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test(s).*/\1/p' "$tmp" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -eq 124 ]; then
        echo "!!! $img timed out after ${timeout_s}s"
        [ "$f" -eq 0 ] && f=1
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "!!! $img exited with status $rc without reporting a failure"
        f=1
    fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
        echo "!!! $img reported no result"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
done
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
