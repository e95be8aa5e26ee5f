#!/bin/sh
# Make sure the Debian packages libcamp builds and tests with are installed.
# As root it installs what is missing with apt-get; otherwise it prints the
# exact command to run and exits 1.
#   sh tools/deps.sh            everything `make check` uses (CI)
#   sh tools/deps.sh --demo     only what `make demo` needs (build + TLS + mock API)
# For `make check` it also brings tzdata to the newest release the package source
# offers (root only) and says what it did: the zone table's comparison with glibc
# runs only when the host's tzdata is the release the table was generated from.
DEMO_PACKAGES="gcc make binutils libc6-dev libjsmn-dev libmbedtls-dev openssl python3 tzdata"
CHECK_PACKAGES="$DEMO_PACKAGES libcmocka-dev clang valgrind libcjson-dev gcc-arm-none-eabi \
picolibc-arm-none-eabi qemu-system-arm gcovr cppcheck clang-tools libclang-rt-14-dev pkgconf \
cmake doxygen tinyproxy clang-format pmccabe"
if [ "${1:-}" = "--demo" ]; then
    PACKAGES=$DEMO_PACKAGES
else
    PACKAGES=$CHECK_PACKAGES
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
is_root=0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    is_root=1
    export DEBIAN_FRONTEND=noninteractive
fi
updated=0

if [ -n "$missing" ]; then
    echo "deps: missing Debian packages:$missing"
    if [ "$is_root" -eq 0 ]; then
        echo "deps: run this as root, then try again:"
        echo "  apt-get update && apt-get install -y$missing"
        exit 1
    fi
    apt-get update -q -o DPkg::Lock::Timeout=300 >/dev/null || { echo "deps: apt-get update failed"; exit 1; }
    updated=1
    # shellcheck disable=SC2086
    apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends $missing >/dev/null ||
        { echo "deps: apt-get install failed for:$missing"; exit 1; }
    echo "deps: installed:$missing"
fi
[ "$PACKAGES" = "$CHECK_PACKAGES" ] || exit 0

# tzdata: the newest release the package source offers, so that the glibc
# comparison of the zone table (tests/unit/test_schedule_glibc.c) runs.
zi_version() { sed -n 's/^# version //p' /usr/share/zoneinfo/tzdata.zi 2>/dev/null | head -n 1; }
before=$(dpkg-query -W -f='${Version}' tzdata 2>/dev/null)
if [ "$is_root" -eq 1 ]; then
    if [ "$updated" -eq 0 ]; then
        apt-get update -q -o DPkg::Lock::Timeout=300 >/dev/null || { echo "deps: apt-get update failed (tzdata not upgraded)"; exit 1; }
    fi
    apt-get install -y -q -o DPkg::Lock::Timeout=300 --only-upgrade --no-install-recommends tzdata >/dev/null ||
        { echo "deps: apt-get install --only-upgrade tzdata failed"; exit 1; }
    after=$(dpkg-query -W -f='${Version}' tzdata 2>/dev/null)
    if [ "$before" = "$after" ]; then
        echo "deps: tzdata $after is the newest the package source offers"
    else
        echo "deps: tzdata upgraded from $before to $after"
    fi
else
    echo "deps: tzdata $before, not upgraded (not root); as root:" \
        "apt-get update && apt-get install -y --only-upgrade tzdata"
fi
table=$(sed -n 's/^const char camp_tzdb_version\[\] = "\(.*\)";/\1/p' \
    "$(dirname "$0")/../lib/schedule/tzdb_table.c" 2>/dev/null)
host=$(zi_version)
if [ -n "$table" ] && [ "$host" != "$table" ]; then
    echo "deps: host tzdata is ${host:-unknown}, the zone table is from $table: the glibc" \
        "comparison cannot run (make tz regenerates the table from the host's tzdata)"
fi
exit 0
