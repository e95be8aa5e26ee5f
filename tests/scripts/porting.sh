#!/bin/sh
# docs/porting.md's transport is real code: every block after a
# "<!-- compile: NAME -->" marker is extracted and compiled with the project's
# warnings against a fake lwIP (tests/scripts/porting/), then driven through
# libcamp's HTTP layer (tests/scripts/porting/driver.c).
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
make_tmp
lib=$root/$BUILD/lib/libcamp.a
if [ ! -f "$lib" ]; then
    echo "FAIL - $lib not found (make BUILD=$BUILD lib)"; echo "0 passed, 1 failed"; exit 1
fi
# Extract: the fenced block right after each marker goes to $tmp/NAME.
awk -v dir="$tmp" '
    /^<!-- compile: [A-Za-z0-9_.]+ -->$/ { name = $3; want = 1; next }
    want && /^```c$/ { out = dir "/" name; inside = 1; want = 0; next }
    inside && /^```$/ { inside = 0; close(out); next }
    inside { print > out }
' "$root/docs/porting.md"
if [ ! -s "$tmp/lwip_transport.c" ]; then
    echo "FAIL - docs/porting.md has no <!-- compile: lwip_transport.c --> block"
    echo "0 passed, 1 failed"; exit 1
fi
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
# shellcheck disable=SC2086
if ! cc -std=c99 -pedantic -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion $san \
        -I"$root/include" -I"$root/tests/scripts/porting" -I"$tmp" -o "$tmp/driver" \
        "$root/tests/scripts/porting/driver.c" "$root/tests/scripts/porting/fake_lwip.c" "$lib" \
        >"$tmp/cc.log" 2>&1; then
    cat "$tmp/cc.log"
    echo "FAIL - the transport of docs/porting.md does not compile against the fake lwIP"
    echo "0 passed, 1 failed"; exit 1
fi
echo "ok - docs/porting.md's lwip_transport.c compiles with -std=c99 -pedantic -Wall -Wextra -Wconversion -Werror"
"$tmp/driver" >"$tmp/out" 2>&1
rc=$?
p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$tmp/out")
f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$tmp/out")
grep -v ' passed, ' "$tmp/out"
if [ -z "$p" ]; then p=0; f=1; echo "FAIL - the driver printed no result (exit $rc)"; fi
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo "$((p + 1)) passed, $f failed"
[ "$f" -eq 0 ]
