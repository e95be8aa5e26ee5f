#!/bin/sh
# The configuration guard: a program compiled with capacities other than the
# library's is refused at link time with a message that names its configuration
# (also with --gc-sections, also for a bare-metal Cortex-M link); the same
# configuration links and runs; without the link-time guard, the init-time check
# camp_config_matches() tells the two apart. Also checks the version macros.
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
lib=$root/$BUILD/lib/libcamp.a
make_tmp

if [ ! -f "$lib" ]; then
    echo "FAIL - $lib not found (make BUILD=$BUILD lib)"; echo "0 passed, 1 failed"; exit 1
fi
# Instrumented variants of `make check` link the program with the same flags.
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
cc=${CC:-cc}

cat >"$tmp/small_config.h" <<'EOC'
/* A program that wants smaller campaign structs than the library was built with. */
#define CAMP_MAX_STEPS 2
#define CAMP_MAX_SEGMENTS 4
EOC
cat >"$tmp/app.c" <<'EOC'
#include <stdio.h>
#include <camp/camp.h>
int main(void)
{
    printf("%s %s %d %d\n", camp_version(), camp_status_str(CAMP_OK),
           camp_config_matches(CAMP_CONFIG_ID) ? 1 : 0, (int)CAMP_MAX_STEPS);
    return 0;
}
EOC
# build NAME EXTRA-FLAGS...: compile and link app.c against the default archive.
build() {
    name=$1; shift
    # shellcheck disable=SC2086
    $cc -std=c99 -Wall -Wextra -Werror $san -I"$root/include" "$@" -o "$tmp/$name" "$tmp/app.c" \
        "$lib" >"$tmp/$name.log" 2>&1
}

# 1. Same configuration: links and runs; the init-time check agrees.
if build same; then
    out=$("$tmp/same")
    if [ "$out" = "$(printf '%s ok 1 10' "$(sed -n 's/^#define CAMP_VERSION_STRING "\(.*\)"/\1/p' "$root/include/camp/camp_version.h")")" ]; then
        ok "a program with the library's configuration links and runs ($out)"
    else
        bad "same configuration: unexpected output '$out'"
    fi
else
    bad "a program with the library's configuration does not link"; cat "$tmp/same.log"
fi

# 2. Other capacities: the link fails and the message names the program's configuration.
expect_refused() {
    what=$1; shift
    if build other "$@"; then
        bad "$what: a program with CAMP_MAX_STEPS 2 linked against the default archive"
    elif grep -q "undefined reference to .camp_config_must_match_library__json32_writer16_path96_steps2_segments4_options32" "$tmp/other.log"; then
        ok "$what: link refused, naming the configuration ($(grep -o 'camp_config_must_match_library__[a-z0-9_]*' "$tmp/other.log" | head -n 1 | cut -c1-90)...)"
    else
        bad "$what: link failed for another reason"; cat "$tmp/other.log"
    fi
}
expect_refused "CAMP_CONFIG_FILE with other capacities" -I"$tmp" -DCAMP_CONFIG_FILE='"small_config.h"'
expect_refused "the same with -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections" \
    -I"$tmp" -DCAMP_CONFIG_FILE='"small_config.h"' -O2 -ffunction-sections -fdata-sections -Wl,--gc-sections
expect_refused "a capacity given with -D" -DCAMP_MAX_STEPS=2 -DCAMP_MAX_SEGMENTS=4

# 3. Link-time guard switched off: the init-time check reports the mismatch.
if build noguard -I"$tmp" -DCAMP_CONFIG_FILE='"small_config.h"' -DCAMP_CONFIG_GUARD=0; then
    out=$("$tmp/noguard")
    case $out in
        *" ok 0 2") ok "CAMP_CONFIG_GUARD=0: camp_config_matches(CAMP_CONFIG_ID) is false for other capacities" ;;
        *) bad "CAMP_CONFIG_GUARD=0: camp_config_matches() did not report the mismatch ('$out')" ;;
    esac
else
    bad "CAMP_CONFIG_GUARD=0 does not link"; cat "$tmp/noguard.log"
fi

# 4. The guard costs no memory: its section is not allocated.
if [ -f "$tmp/same" ]; then
    flags=$(readelf -SW "$tmp/same" | sed -n 's/.*\.camp_config_guard *PROGBITS *[0-9a-f]* [0-9a-f]* [0-9a-f]* [0-9a-f]* *\([A-Za-z]*\).*/\1/p')
    case $flags in
        *A*) bad "the .camp_config_guard section is allocated (flags $flags)" ;;
        "") bad "no .camp_config_guard section in the program" ;;
        *) ok "the guard section is kept but not loaded (flags $flags): 0 bytes of flash or RAM" ;;
    esac
fi

# 5. Bare-metal Cortex-M link with --gc-sections (the usual firmware link).
if command -v arm-none-eabi-gcc >/dev/null 2>&1 && [ -n "$(arm-none-eabi-gcc -print-file-name=picolibc.specs | grep /)" ]; then
    cat >"$tmp/fw.c" <<'EOC'
#include <camp/camp_config.h>
int main(void) { return camp_version()[0] == '0' ? 0 : 1; }
EOC
    arm_cc() { arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb --specs=picolibc.specs -Os -ffunction-sections \
                   -fdata-sections -std=c99 -Wall -Wextra -Werror -I"$root/include" "$@"; }
    if arm_cc -DCAMP_LIBRARY_BUILD -c "$root/lib/status/version.c" -o "$tmp/version.o" &&
       arm-none-eabi-ar rcs "$tmp/libv.a" "$tmp/version.o"; then
        fw() { arm_cc "$@" -Wl,--gc-sections -T"$root/tests/target/mps2.ld" -o "$tmp/fw.elf" "$tmp/fw.c" \
                   "$tmp/libv.a" >"$tmp/fw.log" 2>&1; }
        if fw; then ok "Cortex-M4, --gc-sections: the same configuration links"
        else bad "Cortex-M4: the same configuration does not link"; cat "$tmp/fw.log"; fi
        if fw -DCAMP_MAX_STEPS=2; then bad "Cortex-M4, --gc-sections: other capacities linked"
        elif grep -q "undefined reference to .camp_config_must_match_library__.*_steps2_" "$tmp/fw.log"; then
            ok "Cortex-M4, --gc-sections: other capacities refused at link time"
        else bad "Cortex-M4: link failed for another reason"; cat "$tmp/fw.log"; fi
    else
        bad "cannot build lib/status/version.c for Cortex-M4"
    fi
else
    bad "arm-none-eabi-gcc with picolibc missing (sh tools/deps.sh)"
fi

# 6. Capacities that make an Outbox struct 64 KiB or more (the model engine's offsets
# are 16-bit) stop the library's build with a message naming what to lower; the
# default ones build.
obx() { $cc -std=c99 -Wall -Wextra -Werror -I"$root/include" -I"$root/lib" -DCAMP_LIBRARY_BUILD \
            "$@" -c "$root/lib/outbox/outbox_models.c" -o "$tmp/obx.o" >"$tmp/obx.log" 2>&1; }
if ! obx; then
    bad "lib/outbox/outbox_models.c does not build with the default capacities"; cat "$tmp/obx.log"
elif obx -DCAMP_MAX_CONTACTS=200; then
    bad "CAMP_MAX_CONTACTS 200 (a contacts page over 64 KiB) built"
elif grep -q "outbox_struct_over_64KiB_lower_CAMP_MAX_CONTACTS_or_CAMP_MAX_CONTACT_TAGS" "$tmp/obx.log"; then
    ok "CAMP_MAX_CONTACTS 200: the build stops, naming the capacities to lower"
else
    bad "CAMP_MAX_CONTACTS 200: the build failed for another reason"; cat "$tmp/obx.log"
fi

# 7. One version: the string spells the three numbers; the Makefile reads the same.
v=$(awk '/^#define CAMP_VERSION_(MAJOR|MINOR|PATCH) / { v = v (v == "" ? "" : ".") $3 } END { print v }' \
    "$root/include/camp/camp_version.h")
s=$(sed -n 's/^#define CAMP_VERSION_STRING "\(.*\)"/\1/p' "$root/include/camp/camp_version.h")
m=$(make -C "$root" -s --no-print-directory print-VERSION)
if [ -n "$v" ] && [ "$v" = "$s" ] && [ "$v" = "$m" ]; then
    ok "CAMP_VERSION_STRING, the MAJOR/MINOR/PATCH macros and the Makefile agree ($v)"
else
    bad "version mismatch: numbers '$v', CAMP_VERSION_STRING '$s', Makefile '$m'"
fi

finish
