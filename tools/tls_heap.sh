#!/bin/sh
# Measure the heap one HTTPS request needs with the mbedTLS port (docs/tls.md).
# Starts the mock API over TLS (test CA, EC P-256 server key), runs
# $BUILD/tools/tls_heap (interposed counting allocator) without and with a
# max-fragment-length request, then the same request under valgrind massif as
# an independent check. Everything it starts is stopped on exit.
BUILD=${BUILD:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
bin=$BUILD/tools/tls_heap
certs=$BUILD/tls-certs
work=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

sh tests/mockapi/make_certs.sh "$certs" >/dev/null || exit 1
python3 tests/mockapi/server.py --certs "$certs" --port-file "$work/port" --token heap-token \
    --quiet --exit-after 120 &
pid=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$work/port") || exit 1
path=/api/v1/campaigns/usdjpdql3f90seqk13rwuo7z

echo "one GET of a campaign (legacy object) from the mock API over TLS, EC P-256 chain"
echo "--- counting allocator (bytes, usable sizes)"
"$bin" "$certs/ca.crt" 127.0.0.1 "$port" "$path" heap-token || exit 1
echo "--- same, asking the server for max_fragment_length 1024 (code 2)"
"$bin" "$certs/ca.crt" 127.0.0.1 "$port" "$path" heap-token 2 | grep -E '^(mbedTLS|full|resumed)' || exit 1
if command -v valgrind >/dev/null 2>&1 && command -v ms_print >/dev/null 2>&1; then
    echo "--- valgrind massif (whole process, includes libc and getaddrinfo)"
    valgrind --tool=massif --peak-inaccuracy=0.0 --massif-out-file="$work/massif.out" \
        "$bin" "$certs/ca.crt" 127.0.0.1 "$port" "$path" heap-token >/dev/null 2>&1
    peak=$(sed -n 's/^mem_heap_B=//p' "$work/massif.out" | sort -n | tail -n 1)
    extra=$(sed -n 's/^mem_heap_extra_B=//p' "$work/massif.out" | sort -n | tail -n 1)
    echo "massif peak heap: $peak bytes requested (+ up to $extra bytes allocator overhead)"
fi
