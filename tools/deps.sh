#!/bin/sh
# Make sure the Debian packages libcamp builds and tests with are installed.
# As root it installs what is missing with apt-get; otherwise it prints the
# exact command to run and exits 1.
#   sh tools/deps.sh            everything `make check` uses (CI)
#   sh tools/deps.sh --demo     only what `make demo` needs (build + TLS + mock API)
DEMO_PACKAGES="gcc make binutils libc6-dev libjsmn-dev libmbedtls-dev openssl python3 tzdata"
CHECK_PACKAGES="$DEMO_PACKAGES libcmocka-dev clang valgrind libcjson-dev gcc-arm-none-eabi \
picolibc-arm-none-eabi qemu-system-arm gcovr cppcheck clang-tools libclang-rt-14-dev pkgconf \
cmake doxygen tinyproxy"
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
[ -z "$missing" ] && exit 0

echo "deps: missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || { echo "deps: apt-get update failed"; exit 1; }
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing >/dev/null ||
        { echo "deps: apt-get install failed for:$missing"; exit 1; }
    echo "deps: installed:$missing"
    exit 0
fi
echo "deps: run this as root, then try again:"
echo "  apt-get update && apt-get install -y$missing"
exit 1
