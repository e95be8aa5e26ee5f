#!/bin/sh
# The core archive may not call into the heap, stdio, string-to-number
# conversions, time functions or errno, may only use a few libc functions,
# and may hold no mutable static state (0 bytes of .data/.bss).
#
#   BUILD=build sh tests/scripts/lib_symbols.sh
#
# One check per rule; prints "ok - RULE" or "FAIL - RULE: offenders", then
# "N passed, N failed". Exits 1 when a check failed.
BUILD=${BUILD:-build}
LIB=$BUILD/lib/libcamp.a
. "$(dirname "$0")/../support/harness.sh"

bad() { echo "FAIL - $1: $2"; failed=$((failed + 1)); }

if [ ! -f "$LIB" ]; then
    echo "FAIL - $LIB not found (build it first: make BUILD=$BUILD lib)"
    echo "0 passed, 1 failed"
    exit 1
fi

make_tmp

# Undefined symbols of every member, and the symbols the archive defines itself.
nm -u "$LIB" 2>/dev/null | awk '$1 == "U" { print $2 }' | sort -u >"$tmp/undef"
nm --defined-only "$LIB" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/defined"
# External references: undefined here and not provided by another member.
comm -23 "$tmp/undef" "$tmp/defined" >"$tmp/external"
# "object symbol" for every undefined reference, to name the offender.
nm -A -u "$LIB" 2>/dev/null | awk '{ n = split($1, p, ":"); print p[n - 1], $NF }' >"$tmp/users"

# with_users SYMBOLS...: "sym(obj.o,...)" for each symbol.
with_users() {
    for s in "$@"; do
        objs=$(awk -v s="$s" '$2 == s { print $1 }' "$tmp/users" | sort -u | tr '\n' ',' | sed 's/,$//')
        printf '%s(%s) ' "$s" "$objs"
    done
}

# check RULE REGEX: no external symbol may match the extended regex.
check() {
    hits=$(grep -E "$2" "$tmp/external" | tr '\n' ' ')
    # shellcheck disable=SC2086 # word splitting of the symbol list is intended
    if [ -n "$hits" ]; then bad "$1" "$(with_users $hits)"; else ok "$1"; fi
}

check "no heap (malloc, calloc, realloc, free)" \
    '^(malloc|calloc|realloc|reallocarray|free|aligned_alloc|posix_memalign|memalign|valloc|strdup|strndup)$'
check "no stdio (printf family, puts, fopen, fwrite, ...)" \
    '^(_IO_.*|__.*printf_chk|v?[sfd]?n?printf|puts|fputs|putchar|putc|fputc|fopen|fopen64|fdopen|freopen|fclose|fwrite|fread|fflush|fgets|fgetc|getc|getchar|gets|perror|fseek|ftell|setvbuf|stdin|stdout|stderr|v?[sf]?scanf|__isoc(99|23)_.*scanf)$'
check "no string-to-number conversions (strto*, ato*)" \
    '^(__isoc(99|23)_)?(strto[a-z0-9_]*|ato[a-z]+|__strto[a-z0-9_]*_internal)$'
check "no time functions (time, localtime, gmtime, mktime, clock_gettime, ...)" \
    '^(time|localtime|localtime_r|gmtime|gmtime_r|mktime|timegm|timelocal|clock_gettime|__clock_gettime64|gettimeofday|clock|strftime|strptime|difftime|ctime|ctime_r|asctime|asctime_r|tzset)$'
check "no errno (__errno_location, errno)" \
    '^(__errno_location|errno|__errno|___errno)$'

# Everything external must be one of the allowed libc functions or a compiler
# helper (stack protector, fortify variants, 64/128-bit division, ARM EABI,
# sanitizer and coverage runtimes of instrumented builds). libcamp's own
# names are checked separately below.
allowed='^(memcpy|memmove|memset|memcmp|strlen|memchr|strcmp|strncmp|strchr|__(memcpy|memmove|memset)_chk|__stack_chk_fail|__stack_chk_guard|__stack_chk_fail_local|__(u)?(div|mod)[dt]i3|__aeabi_.*|__(asan|ubsan|sanitizer|tsan|msan)_.*|__gcov_.*|__llvm_.*|_GLOBAL_OFFSET_TABLE_)$'
extra=$(grep -vE "$allowed" "$tmp/external" | grep -v '^camp_' | tr '\n' ' ')
if [ -n "$extra" ]; then
    # shellcheck disable=SC2086
    bad "only memcpy/memmove/memset/memcmp/strlen/memchr/strcmp/strncmp/strchr from libc (pure string functions)" "$(with_users $extra)"
else
    ok "only memcpy/memmove/memset/memcmp/strlen/memchr/strcmp/strncmp/strchr from libc (pure string functions)"
fi

# A camp_ function used inside the archive but defined nowhere in it would
# only show up when a user links: report it here.
missing=$(grep '^camp_' "$tmp/external" | tr '\n' ' ')
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    bad "every camp_ symbol used in the archive is defined in it" "$(with_users $missing)"
else
    ok "every camp_ symbol used in the archive is defined in it"
fi

# Sanitizer and coverage instrumentation adds its own writable data (shadow
# metadata, counters) to every object: the section rules are proven on the
# plain build and skipped, visibly, on instrumented ones.
if nm "$LIB" 2>/dev/null | grep -qE ' (__asan_|__ubsan_|__gcov_|__sanitizer_cov)'; then
    echo "skip - section checks: $LIB is instrumented (sanitizers/coverage); proven on the plain build"
    echo "$passed passed, $failed failed, 2 skipped"
    [ "$failed" -eq 0 ]
    exit
fi

# 0 bytes of writable static data in every object: sections .data, .bss,
# .sdata, .sbss, .tdata, .tbss (and their -fdata-sections variants;
# .data.rel.ro is read-only after relocation and allowed).
size -A "$LIB" 2>/dev/null | awk '
    /^[^ ].*\(ex / { obj = $1; next }
    ($1 == ".data" || $1 == ".bss" || $1 == ".sdata" || $1 == ".sbss" ||
     $1 == ".tdata" || $1 == ".tbss" ||
     ($1 ~ /^\.(data|bss|sdata|sbss)\./ && $1 !~ /^\.data\.rel\.ro/)) && $2 + 0 > 0 {
        print obj " " $1 "=" $2
    }' >"$tmp/data"
if [ -n "$(size -A "$LIB" 2>/dev/null | head -n 1)" ] && [ ! -s "$tmp/data" ]; then
    ok "0 bytes in .data/.bss/.sdata/.sbss of every object"
else
    bad "0 bytes in .data/.bss/.sdata/.sbss of every object" "$(tr '\n' ' ' <"$tmp/data")"
fi

# The same from the symbol side: no symbol in a zero-initialised section and
# no common symbol (an uninitialised global under -fcommon lands in no section,
# so the sizes above would miss it). D/d are not used here: nm also gives
# const tables of pointers in .data.rel.ro a `d`; .data itself is sized above.
nm --defined-only "$LIB" 2>/dev/null | awk 'NF == 3 && $2 ~ /^[BbCGgSs]$/ { print $3 "(" $2 ")" }' \
    >"$tmp/datasyms"
if [ -s "$tmp/datasyms" ]; then
    bad "no .bss or common symbols" "$(tr '\n' ' ' <"$tmp/datasyms")"
else
    ok "no .bss or common symbols"
fi

finish
