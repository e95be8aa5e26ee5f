#!/bin/sh
# Self-test of the mock API server (tests/mockapi/server.py) over HTTPS with the
# test CA and over plain HTTP. The self-test starts and stops its own server.
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
certs=$BUILD/tls-certs
if ! sh tests/mockapi/make_certs.sh "$certs" >/dev/null; then
    echo "0 passed, 1 failed"
    exit 1
fi
for mode in tls plain; do
    out=$(python3 tests/mockapi/selftest.py "$certs" $([ $mode = plain ] && echo --plain) 2>&1)
    echo "$out" | sed "s/^/[$mode] /" | grep -v '^\[[a-z]*\] [0-9]* passed'
    line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ -z "$line" ]; then
        failed=$((failed + 1))
        continue
    fi
    passed=$((passed + ${line%% passed*}))
    f=${line#*passed, }
    failed=$((failed + ${f%% failed*}))
done
finish
