#!/bin/sh
# CMake integration, as a user outside the tree would do it:
#  1. build and install libcamp with CMake; a consumer project finds it with
#     find_package(camp CONFIG) and links camp::camp and camp::mbedtls;
#  2. a consumer pulls the source tree in with add_subdirectory() and FetchContent;
#  3. CAMP_CONFIG_FILE travels with camp::camp to the consumer (guard satisfied);
#  4. the core cross-builds with cmake/arm-none-eabi.cmake;
#  5. the CMake archives hold the same objects as the Makefile's.
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
make_tmp
if ! command -v cmake >/dev/null 2>&1; then
    echo "FAIL - cmake missing (sh tools/deps.sh)"; echo "0 passed, 1 failed"; exit 1
fi
jobs=${CMAKE_JOBS:-2}
# Instrumented variants of `make check` compile everything with the same flags.
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
# run LOG CMD...: run quietly, show the log on failure.
run() { log=$1; shift; "$@" >"$tmp/$log" 2>&1 || { tail -n 30 "$tmp/$log"; return 1; }; }

mkdir -p "$tmp/app"
cat >"$tmp/app/app.c" <<'EOC'
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
    printf("%s %s steps=%d\n", camp_status_str(st), camp_version(), (int)CAMP_MAX_STEPS);
    return st == CAMP_OK && camp_config_matches(CAMP_CONFIG_ID) ? 0 : 1;
}
EOC
cat >"$tmp/app/tls.c" <<'EOC'
#include <stdio.h>
#include <camp/camp.h>
#include "posix/camp_posix.h"
#include "mbedtls/camp_mbedtls_tls.h"
int main(void)
{
    void (*volatile init)(void) = (void (*)(void))camp_mbedtls_tls_init;
    printf("%s\n", camp_version());
    return init != 0 ? 0 : 1;
}
EOC
cat >"$tmp/app/CMakeLists.txt" <<'EOC'
cmake_minimum_required(VERSION 3.15)
project(camp_consumer C)
if(CAMP_SOURCE_DIR)
    add_subdirectory(${CAMP_SOURCE_DIR} camp)
elseif(CAMP_FETCH_DIR)
    include(FetchContent)
    FetchContent_Declare(camp SOURCE_DIR ${CAMP_FETCH_DIR})
    FetchContent_MakeAvailable(camp)
else()
    find_package(camp 0.1 CONFIG REQUIRED COMPONENTS posix mbedtls)
endif()
add_executable(app app.c)
target_link_libraries(app PRIVATE camp::camp)
if(TARGET camp::mbedtls)
    add_executable(tls tls.c)
    target_link_libraries(tls PRIVATE camp::mbedtls)
endif()
EOC
want="ok $(make -C "$root" -s --no-print-directory print-VERSION) steps=10"

# 1. Installed package.
if run lib-configure cmake -S "$root" -B "$tmp/lib" -DCMAKE_C_FLAGS="$san" &&
   run lib-build cmake --build "$tmp/lib" -j "$jobs" &&
   run lib-install cmake --install "$tmp/lib" --prefix "$tmp/prefix"; then
    ok "libcamp builds and installs with CMake"
    for f in lib/cmake/camp/campConfig.cmake lib/cmake/camp/campTargets.cmake include/camp/camp.h \
             include/camp/port/posix/camp_posix.h lib/libcamp.a lib/libcamp_posix.a lib/libcamp_mbedtls.a \
             lib/pkgconfig/camp-mbedtls.pc; do
        [ -f "$tmp/prefix/$f" ] || bad "CMake install misses $f"
    done
    if run pkg-configure cmake -S "$tmp/app" -B "$tmp/pkg" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
           -DCMAKE_C_FLAGS="$san" &&
       run pkg-build cmake --build "$tmp/pkg" -j "$jobs"; then
        if [ "$("$tmp/pkg/app")" = "$want" ] && "$tmp/pkg/tls" >/dev/null; then
            ok "find_package(camp CONFIG): camp::camp and camp::mbedtls link and run"
        else
            bad "find_package consumer misbehaves: '$("$tmp/pkg/app")'"
        fi
    else
        bad "a consumer cannot use the installed package"
    fi
else
    bad "libcamp does not build or install with CMake"
fi

# 2. add_subdirectory (what FetchContent does too).
if run sub-configure cmake -S "$tmp/app" -B "$tmp/sub" -DCAMP_SOURCE_DIR="$root" -DCMAKE_C_FLAGS="$san" &&
   run sub-build cmake --build "$tmp/sub" -j "$jobs"; then
    if [ "$("$tmp/sub/app")" = "$want" ] && "$tmp/sub/tls" >/dev/null; then
        ok "add_subdirectory: camp::camp and camp::mbedtls link and run"
    else
        bad "add_subdirectory consumer misbehaves"
    fi
else
    bad "a consumer cannot use libcamp through add_subdirectory"
fi

# 2b. FetchContent (here over the source tree, as after a download).
if run fetch-configure cmake -S "$tmp/app" -B "$tmp/fetch" -DCAMP_FETCH_DIR="$root" -DCAMP_WITH_MBEDTLS=OFF \
       -DCMAKE_C_FLAGS="$san" &&
   run fetch-build cmake --build "$tmp/fetch" -j "$jobs" --target app; then
    if [ "$("$tmp/fetch/app")" = "$want" ]; then ok "FetchContent: camp::camp links and runs"
    else bad "FetchContent consumer misbehaves"; fi
else
    bad "a consumer cannot use libcamp through FetchContent"
fi

# 3. A configuration file given to libcamp reaches the consumer through camp::camp.
printf '#define CAMP_MAX_STEPS 3\n' >"$tmp/my_config.h"
if run cfg-configure cmake -S "$tmp/app" -B "$tmp/cfg" -DCAMP_SOURCE_DIR="$root" \
       -DCAMP_CONFIG_FILE="$tmp/my_config.h" -DCAMP_WITH_MBEDTLS=OFF -DCMAKE_C_FLAGS="$san" &&
   run cfg-build cmake --build "$tmp/cfg" -j "$jobs" --target app; then
    out=$("$tmp/cfg/app")
    case $out in
        *" steps=3") ok "CAMP_CONFIG_FILE reaches both the library and the consumer ($out)" ;;
        *) bad "CAMP_CONFIG_FILE: unexpected output '$out'" ;;
    esac
else
    bad "CAMP_CONFIG_FILE build fails"
fi

# 4. Cross build of the core.
if command -v arm-none-eabi-gcc >/dev/null 2>&1; then
    if run arm-configure cmake -S "$root" -B "$tmp/arm" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
           -DCMAKE_BUILD_TYPE=MinSizeRel &&
       run arm-build cmake --build "$tmp/arm" -j "$jobs"; then
        machine=$(arm-none-eabi-readelf -h "$tmp/arm/libcamp.a" 2>/dev/null | sed -n 's/ *Machine: *//p' | sort -u)
        sizes=$(arm-none-eabi-size -t "$tmp/arm/libcamp.a" | tail -n 1 | awk '{print $2 + $3}')
        if [ "$machine" = "ARM" ] && [ "$sizes" = "0" ] && ! grep -q -- '-I/usr/include' "$tmp/arm/CMakeFiles/camp.dir/flags.make"; then
            ok "cmake/arm-none-eabi.cmake cross-builds the core (ARM objects, 0 B data+bss, no -I/usr/include)"
        else
            bad "cross build: machine '$machine', data+bss '$sizes'"
        fi
    else
        bad "the core does not cross-build with cmake/arm-none-eabi.cmake"
    fi
else
    bad "arm-none-eabi-gcc missing (sh tools/deps.sh)"
fi

# 5. Same archives as the Makefile (object names without .c.o / .o).
if [ -f "$root/$BUILD/lib/libcamp.a" ] && [ -f "$tmp/lib/libcamp.a" ]; then
    for a in camp camp_posix camp_mbedtls; do
        m=$(ar t "$root/$BUILD/lib/lib$a.a" 2>/dev/null | sed 's/\.o$//' | sort | tr '\n' ' ')
        c=$(ar t "$tmp/lib/lib$a.a" 2>/dev/null | sed 's/\.c\.o$//' | sort | tr '\n' ' ')
        if [ -n "$m" ] && [ "$m" = "$c" ]; then ok "lib$a.a: same members from CMake and make"
        else bad "lib$a.a differs: make [$m] cmake [$c]"; fi
    done
else
    bad "no archives to compare (make BUILD=$BUILD all)"
fi
finish
