#!/bin/sh
# The reporter against the mock API (tests/mockapi/server.py, plain HTTP, frozen
# clock): through tinyproxy on loopback (--proxy, http_proxy, no_proxy, a proxy
# that wants credentials, bad proxy URLs), and --timeout-ms as one deadline for
# the whole request.
#
#   BUILD=build sh tests/scripts/reporter_mock.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
REPORTER=$BUILD/bin/reporter
CAMPCTL=$BUILD/bin/campctl
passed=0
failed=0
pids=
tmp=$(mktemp -d)
cleanup() {
    for p in $pids; do
        kill "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { printf 'ok - %s\n' "$1"; passed=$((passed + 1)); }
bad() {
    printf 'FAIL - %s\n' "$1"
    failed=$((failed + 1))
    sed 's/^/    | /' "$tmp/out" 2>/dev/null | head -n 12
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}
for tool in python3 tinyproxy; do
    command -v "$tool" >/dev/null 2>&1 || { bad "needs $tool (tools/deps.sh)"; finish; }
done
[ -x "$REPORTER" ] && [ -x "$CAMPCTL" ] || { bad "needs $REPORTER and $CAMPCTL"; finish; }
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY no_proxy NO_PROXY all_proxy ALL_PROXY

python3 tests/mockapi/server.py --plain --port-file "$tmp/port" --log "$tmp/requests.log" \
    --token rep-token --frozen-clock --quiet --exit-after 150 &
pids="$pids $!"
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$tmp/port" ] || { bad "the mock API did not start"; finish; }
BASE="http://127.0.0.1:$(cat "$tmp/port")"
API="$BASE/api/v1"
export CAMP_TOKEN=rep-token
SEED=usdjpdql3f90seqk13rwuo7z

# run ARGS...: the reporter, all output in $tmp/out, status in $rc
run() {
    "$REPORTER" "$@" >"$tmp/out" 2>&1
    rc=$?
}
check_rc() {
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, want $1"; fi
}
has() {
    if grep -qF -- "$1" "$tmp/out"; then ok "$2"; else bad "$2: no \"$1\""; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- proxies -------------------------------------------------------------------------------
pport=$(free_port)
aport=$(free_port)
dead=$(free_port)
for pair in "$pport open" "$aport auth"; do
    set -- $pair
    {
        printf 'Port %s\nListen 127.0.0.1\nTimeout 30\nMaxClients 16\nAllow 127.0.0.1\nLogLevel Connect\n' "$1"
        [ "$2" = auth ] && printf 'BasicAuth camp s3cret\n'
    } >"$tmp/tinyproxy-$2.conf"
    tinyproxy -d -c "$tmp/tinyproxy-$2.conf" >"$tmp/tinyproxy-$2.log" 2>&1 &
    pids="$pids $!"
done
for p in "$pport" "$aport"; do
    i=0
    until python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$p" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 50 ] || { bad "tinyproxy did not start"; finish; }
        sleep 0.1
    done
done
connects() { grep -c "CONNECT" "$tmp/tinyproxy-$1.log"; }

before=$(connects open)
run --base-url "$API" --count 1 --interval 1 --proxy "http://127.0.0.1:$pport" $SEED
check_rc 0 "reporter through tinyproxy (--proxy)"
has "$SEED  active" "through the proxy: the campaign line"
[ "$(connects open)" -gt "$before" ] && ok "tinyproxy tunnelled the poll" || bad "tinyproxy saw no CONNECT"
before=$(connects open)
http_proxy="http://127.0.0.1:$pport" run --base-url "$API" --count 1 --interval 1 $SEED
check_rc 0 "reporter through http_proxy"
[ "$(connects open)" -gt "$before" ] && ok "http_proxy honoured" || bad "http_proxy ignored"
http_proxy="http://127.0.0.1:$dead" no_proxy=127.0.0.1 run --base-url "$API" --count 1 --interval 1 $SEED
check_rc 0 "no_proxy: direct, the dead proxy unused"
http_proxy="http://127.0.0.1:$dead" run --base-url "$API" --count 1 --interval 1 --proxy '' $SEED
check_rc 0 "--proxy '' ignores http_proxy"
run --base-url "$API" --count 1 --interval 1 --proxy "http://127.0.0.1:$aport" $SEED
check_rc 1 "a proxy that wants credentials: the poll fails"
has "the proxy answered HTTP 407 to CONNECT" "the line names the proxy's 407"
has "network trouble (1 in a row)" "a refusing proxy counts as network trouble (backoff)"
run --base-url "$API" --count 1 --interval 1 --proxy "http://camp:s3cret@127.0.0.1:$aport" $SEED
check_rc 0 "through tinyproxy with Basic authentication"
if grep -q s3cret "$tmp/out"; then bad "the proxy password was printed"; else ok "the proxy password is never printed"; fi
run --base-url "$API" --count 1 --proxy "socks5://127.0.0.1:1080" $SEED
check_rc 2 "--proxy socks5://: usage error"
has "only http:// proxies" "--proxy socks5://: says why"
http_proxy="http://:0" run --base-url "$API" --count 1 $SEED
check_rc 2 "a malformed http_proxy: usage error"
has "http_proxy" "the error names the variable"

# --- one deadline per request ------------------------------------------------------------------
cat >"$tmp/trickle.py" <<'EOF'
import os, socket, sys, threading, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(4)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
def serve(c):
    try:
        c.recv(65536)
        for b in b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b" " * 100000:
            c.sendall(bytes([b]))
            time.sleep(0.2)
    except OSError:
        pass
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
EOF
python3 "$tmp/trickle.py" "$tmp/trickle.port" &
pids="$pids $!"
i=0
while [ ! -s "$tmp/trickle.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
t0=$(date +%s%N)
run --base-url "http://127.0.0.1:$(cat "$tmp/trickle.port")/api/v1" --count 1 --timeout-ms 1500 $SEED
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check_rc 1 "a trickling server: the poll fails"
has "error: timed out" "... with the timeout status"
if [ "$ms" -ge 1400 ] && [ "$ms" -lt 4000 ]; then ok "--timeout-ms 1500 ends the request in ${ms} ms"; else bad "--timeout-ms 1500 took ${ms} ms"; fi

finish
