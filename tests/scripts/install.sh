#!/bin/sh
# `make install` gives a usable SDK: headers (core and ports), the archives, one
# pkg-config file per archive that links with plain `--libs`, programs under
# names that cannot collide; the core installs without mbedTLS; `make uninstall`
# removes everything again.
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
make_tmp
mk() { make -C "$root" --no-print-directory BUILD="$BUILD" "$@"; }
prefix=$tmp/prefix

if mk install PREFIX="$prefix" >"$tmp/log" 2>&1; then
    ok "make install PREFIX=... succeeds"
else
    bad "make install failed"; cat "$tmp/log"
fi
for f in include/camp/camp.h include/camp/camp_inbox.h include/camp/camp_version.h \
         include/camp/port/posix/camp_posix.h include/camp/port/mbedtls/camp_mbedtls_tls.h \
         lib/libcamp.a lib/libcamp_posix.a lib/libcamp_mbedtls.a lib/pkgconfig/camp.pc \
         lib/pkgconfig/camp-posix.pc lib/pkgconfig/camp-mbedtls.pc bin/campctl bin/camp-reporter \
         bin/camp-minimal; do
    if [ -f "$prefix/$f" ]; then ok "installed $f"; else bad "missing $f"; fi
done
for f in bin/minimal bin/reporter; do
    if [ -e "$prefix/$f" ]; then bad "installed under a generic name: $f"; else ok "no generic name $f"; fi
done
# Written by another part of the project; installed when present.
[ -f "$root/docs/man/campctl.1" ] && { [ -f "$prefix/share/man/man1/campctl.1" ] &&
    ok "installed share/man/man1/campctl.1" || bad "missing share/man/man1/campctl.1"; }
[ -f "$root/tools/completion/campctl.bash" ] && {
    [ -f "$prefix/share/bash-completion/completions/campctl" ] &&
    ok "installed share/bash-completion/completions/campctl" || bad "missing bash completion"; }

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# Under the sanitizer variant of `make check` the archives are instrumented:
# link the programs with the same flags (empty otherwise).
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)

cat >"$tmp/core.c" <<'EOC'
#include <stdio.h>
#include <string.h>
#include <camp/camp.h>
int main(void)
{
    char doc[] = "{\"success\":true}";
    camp_json_token_t tok[4];
    camp_inbox_success_t s;
    camp_diag_t d;
    camp_status_t st = camp_inbox_parse(CAMP_INBOX_SUCCESS, doc, strlen(doc), tok, 4, &s,
                                        sizeof s, &d);
    printf("%s %s\n", camp_status_str(st), camp_version());
    return st == CAMP_OK ? 0 : 1;
}
EOC
cat >"$tmp/tls.c" <<'EOC'
#include <stdio.h>
#include <camp/camp.h>
#include "posix/camp_posix.h"
#include "mbedtls/camp_mbedtls_tls.h"
int main(void)
{
    /* Taking the port's entry points is enough to need mbedTLS at link time. */
    void (*volatile init)(void) = (void (*)(void))camp_mbedtls_tls_init;
    void (*volatile fr)(void) = (void (*)(void))camp_mbedtls_tls_free;
    printf("%s\n", camp_version());
    return init != 0 && fr != 0 ? 0 : 1;
}
EOC
# link NAME PACKAGE: build NAME.c with `pkg-config --cflags --libs PACKAGE`, no --static.
link() {
    # shellcheck disable=SC2046,SC2086
    cc -std=c99 $san -o "$tmp/$1" "$tmp/$1.c" $(pkg-config --cflags --libs "$2") 2>"$tmp/$1.log"
}
if link core camp; then
    ok "a program builds with pkg-config --cflags --libs camp"
    if [ "$("$tmp/core")" = "ok $(mk -s print-VERSION)" ]; then ok "and decodes a document"
    else bad "installed library misbehaves"; fi
else
    bad "cannot build against the installed core"; cat "$tmp/core.log"
fi
if grep -q 'camp_mbedtls_tls_init' "$root/port/mbedtls/camp_mbedtls_tls.h" &&
   grep -q 'camp_mbedtls_tls_free' "$root/port/mbedtls/camp_mbedtls_tls.h"; then
    if link tls camp-mbedtls && "$tmp/tls" >/dev/null; then
        ok "a TLS program links with plain pkg-config --libs camp-mbedtls (no --static)"
    else
        bad "cannot link the mbedTLS port with pkg-config --libs camp-mbedtls"; cat "$tmp/tls.log"
    fi
else
    bad "port/mbedtls/camp_mbedtls_tls.h has no camp_mbedtls_tls_init/free any more: update this test"
fi

if mk uninstall PREFIX="$prefix" >"$tmp/unlog" 2>&1; then
    left=$(cd "$prefix" && find . -type f | sort | tr '\n' ' ')
    if [ -z "$left" ]; then ok "make uninstall removes every installed file"
    else bad "make uninstall left: $left"; fi
else
    bad "make uninstall failed"; cat "$tmp/unlog"
fi

# The core alone, as on a machine without mbedTLS: nothing of the TLS port is
# built or installed, and the core still works through pkg-config.
if mk install PREFIX="$tmp/core-only" WITH_MBEDTLS=0 >"$tmp/log2" 2>&1; then
    if [ ! -e "$tmp/core-only/lib/libcamp_mbedtls.a" ] && [ ! -e "$tmp/core-only/lib/pkgconfig/camp-mbedtls.pc" ] &&
       [ ! -e "$tmp/core-only/include/camp/port/mbedtls" ] && [ -f "$tmp/core-only/lib/libcamp.a" ]; then
        ok "make install WITH_MBEDTLS=0 installs the core and the POSIX port without mbedTLS"
    else
        bad "make install WITH_MBEDTLS=0 installed TLS files or no core"
    fi
    if grep -qE 'port/mbedtls|libcamp_mbedtls|-lmbedtls -o' "$tmp/log2"; then
        bad "install WITH_MBEDTLS=0 touched mbedTLS:"; grep -E 'port/mbedtls|libcamp_mbedtls' "$tmp/log2" | head -n 3
    else ok "install WITH_MBEDTLS=0 neither compiles nor links anything of mbedTLS"; fi
else
    bad "make install WITH_MBEDTLS=0 failed"; cat "$tmp/log2"
fi
# Cross build with the Makefile: jsmn.h comes from the build folder (never
# -I/usr/include), the archiver follows the compiler, and install takes the core only.
if command -v arm-none-eabi-gcc >/dev/null 2>&1; then
    # Host-only flags of an instrumented `make check` variant do not apply to the target.
    cross="CC=arm-none-eabi-gcc SAN_FLAGS= EXTRA_CFLAGS= OPT=-O2"
    # shellcheck disable=SC2086
    if mk -j2 lib $cross BUILD="$tmp/arm" >"$tmp/arm.log" 2>&1; then
        machine=$(arm-none-eabi-readelf -h "$tmp/arm/lib/libcamp.a" 2>/dev/null | sed -n 's/ *Machine: *//p' | sort -u)
        if [ "$machine" = "ARM" ] && [ -f "$tmp/arm/include/jsmn.h" ] && ! grep -q -- '-I/usr/include' "$tmp/arm.log"; then
            ok "make lib CC=arm-none-eabi-gcc builds an ARM archive, jsmn.h from the build folder"
        else
            bad "cross build: machine '$machine', or jsmn.h not copied, or -I/usr/include used"
        fi
        # shellcheck disable=SC2086
        if mk install $cross BUILD="$tmp/arm" PREFIX="$tmp/arm-prefix" >"$tmp/arm-inst.log" 2>&1 &&
           [ -f "$tmp/arm-prefix/lib/libcamp.a" ] && [ ! -e "$tmp/arm-prefix/lib/libcamp_posix.a" ] &&
           [ ! -e "$tmp/arm-prefix/bin" ]; then
            ok "make install CC=arm-none-eabi-gcc installs the core alone (no sockets, no mbedTLS)"
        else
            bad "cross install failed or installed host-only parts"; tail -n 5 "$tmp/arm-inst.log"
        fi
    else
        bad "make lib CC=arm-none-eabi-gcc fails"; tail -n 20 "$tmp/arm.log"
    fi
else
    bad "arm-none-eabi-gcc missing (sh tools/deps.sh)"
fi
# Warnings are errors by default, and WERROR=0 turns that off for users' compilers.
if mk -s print-CFLAGS | grep -q -- '-Werror' && ! mk -s print-CFLAGS WERROR=0 | grep -q -- '-Werror' &&
   ! mk -s print-HOST_CFLAGS WERROR=0 | grep -q -- '-Werror'; then
    ok "-Werror by default, off with WERROR=0"
else
    bad "the WERROR switch does not work"
fi
# A configuration file given to make reaches the installed camp.pc: a program built
# with plain pkg-config gets the library's capacities (else the guard refuses the link).
printf '#define CAMP_MAX_STEPS 3\n#define CAMP_MAX_SEGMENTS 6\n' >"$tmp/my_config.h"
cat >"$tmp/cfg.c" <<'EOC'
#include <stdio.h>
#include <camp/camp.h>
int main(void)
{
    printf("%d %d\n", (int)CAMP_MAX_STEPS, camp_config_matches(CAMP_CONFIG_ID) ? 1 : 0);
    return 0;
}
EOC
if mk -j2 install BUILD="$tmp/cfgbuild" CAMP_CONFIG_FILE="$tmp/my_config.h" WITH_POSIX=0 WITH_MBEDTLS=0 \
       PREFIX="$tmp/cfg-prefix" >"$tmp/cfg-inst.log" 2>&1; then
    # shellcheck disable=SC2046,SC2086
    if PKG_CONFIG_PATH="$tmp/cfg-prefix/lib/pkgconfig" cc -std=c99 $san -o "$tmp/cfg" "$tmp/cfg.c" \
           $(PKG_CONFIG_PATH="$tmp/cfg-prefix/lib/pkgconfig" pkg-config --cflags --libs camp) 2>"$tmp/cfg.log" &&
       [ "$("$tmp/cfg")" = "3 1" ]; then
        ok "make install CAMP_CONFIG_FILE=...: pkg-config --cflags camp carries the configuration"
    else
        bad "a pkg-config program does not get the installed configuration"; cat "$tmp/cfg.log"
    fi
else
    bad "make install CAMP_CONFIG_FILE=... failed"; tail -n 20 "$tmp/cfg-inst.log"
fi
finish
