#!/bin/sh
# `make install` gives a usable SDK: headers (core and ports), the three
# archives and camp.pc, enough to build a program with pkg-config alone.
BUILD=${BUILD:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
bad() { echo "FAIL - $1"; failed=$((failed + 1)); }

if make -C "$root" --no-print-directory BUILD="$BUILD" install PREFIX="$tmp/prefix" >"$tmp/log" 2>&1; then
    ok "make install PREFIX=... succeeds"
else
    bad "make install failed"; cat "$tmp/log"
fi
for f in include/camp/camp.h include/camp/camp_inbox.h include/camp/port/posix/camp_posix.h \
         include/camp/port/mbedtls/camp_mbedtls_tls.h lib/libcamp.a lib/libcamp_posix.a \
         lib/libcamp_mbedtls.a lib/pkgconfig/camp.pc bin/campctl; do
    if [ -f "$tmp/prefix/$f" ]; then ok "installed $f"; else bad "missing $f"; fi
done

cat >"$tmp/app.c" <<'EOC'
#include <stdio.h>
#include <string.h>
#include <camp/camp.h>
#include "posix/camp_posix.h"
#include "mbedtls/camp_mbedtls_tls.h"
int main(void)
{
    char doc[] = "{\"success\":true}";
    camp_json_token_t tok[4];
    camp_inbox_success_t s;
    camp_diag_t d;
    camp_status_t st = camp_inbox_parse(CAMP_INBOX_SUCCESS, doc, strlen(doc), tok, 4, &s,
                                        sizeof s, &d);
    printf("%s\n", camp_status_str(st));
    return st == CAMP_OK ? 0 : 1;
}
EOC
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
# Under the sanitizer variant of `make check` the archives are instrumented:
# link the program with the same flags (empty otherwise).
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
# shellcheck disable=SC2046,SC2086
if cc -std=c99 $san -o "$tmp/app" "$tmp/app.c" $(pkg-config --cflags --libs --static camp) 2>"$tmp/cc.log"; then
    ok "a program builds with pkg-config --cflags --libs --static camp"
    if [ "$("$tmp/app")" = "ok" ]; then ok "and decodes a document"; else bad "installed library misbehaves"; fi
else
    bad "cannot build against the installed SDK"; cat "$tmp/cc.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
