#!/bin/sh
# TLS transport against real servers on 127.0.0.1: generates a test CA
# (tests/mockapi/make_certs.sh), starts `openssl s_server` with a good, an
# expired, a wrong-host and a client-certificate-requiring configuration plus
# a Python socket that accepts and never answers, then runs
# $BUILD/tests/test_tls with their ports in the environment.
# and a Python TLS server (ssl module) that ends close-delimited answers with
# or without close_notify and finishes a handshake late.
# Checks: success, wrong CA refused, wrong host refused, expired refused,
# stalled handshake times out, session resumed on the second connect (both the
# client and s_server's own "Reused" report, TLS 1.2 or 1.3), mutual TLS,
# max fragment length, truncation detected, one deadline per request, and
# HTTP proxy tunnels: through tinyproxy (Basic auth) started on loopback, a
# proxy that never answers, and a proxy that answers 200 and then plays
# man-in-the-middle with a certificate the client must refuse.
# Closing line: "N passed, N failed". Every server is stopped on exit.
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
bin=$BUILD/tests/test_tls
certs=$BUILD/tls-certs
work=$(mktemp -d)
pids=""

cleanup() {
    for p in $pids; do
        kill "$p" 2>/dev/null
    done
    for p in $pids; do
        wait "$p" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM


for tool in openssl python3 tinyproxy; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        bad "$tool is not installed (sh tools/deps.sh)"
        finish
    fi
done
if [ ! -x "$bin" ]; then
    bad "$bin not built (make BUILD=$BUILD tests)"
    finish
fi
if sh tests/mockapi/make_certs.sh "$certs" >/dev/null; then
    ok "test PKI generated in $certs"
else
    bad "make_certs.sh failed"
    finish
fi

# start_server NAME CERT [extra s_server options]: sets $port_NAME.
start_server() {
    name=$1 cert=$2
    shift 2
    : >"$work/$name.log"
    openssl s_server -accept 127.0.0.1:0 -cert "$certs/$cert" -key "$certs/server.key" -www "$@" \
        </dev/null >"$work/$name.log" 2>&1 &
    pids="$pids $!"
    i=0
    port=""
    while [ $i -lt 50 ]; do
        port=$(sed -n 's/^ACCEPT .*:\([0-9][0-9]*\)$/\1/p' "$work/$name.log")
        [ -n "$port" ] && break
        sleep 0.1
        i=$((i + 1))
    done
    if [ -z "$port" ]; then
        bad "s_server $name did not start: $(cat "$work/$name.log")"
        finish
    fi
    eval "port_$name=$port"
}

start_server good server.crt
start_server expired expired.crt
start_server wronghost wronghost.crt
start_server mtls server.crt -Verify 1 -CAfile "$certs/ca.crt"

# Accepts TCP connections and never sends a byte (handshake stall).
python3 - "$work/stall.port" <<'EOF' &
import socket, sys, time, signal
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
held = []
s.settimeout(0.5)
deadline = time.time() + 120
while time.time() < deadline:
    try:
        c, _ = s.accept()
        held.append(c)
    except socket.timeout:
        pass
EOF
pids="$pids $!"
wait_file "$work/stall.port"
port_stall=$(cat "$work/stall.port" 2>/dev/null)
[ -n "$port_stall" ] || { bad "stalling server did not start"; finish; }
# TLS server in Python: one port per behaviour, one thread per connection.
python3 - "$work/py.ports" "$certs" <<'EOF' &
import os, signal, socket, ssl, sys, threading, time
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[2] + "/server.crt", sys.argv[2] + "/server.key")
PROXY_CTX = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
PROXY_CTX.load_cert_chain(sys.argv[2] + "/expired.crt", sys.argv[2] + "/server.key")
BODY = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nclose-delimited body\n"
CLEN = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
held = []
def read_request(c):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = c.recv(4096)
        if not chunk:
            break
        data += chunk
def serve(kind, raw):
    try:
        raw.settimeout(10)
        if kind == "slow":
            time.sleep(0.5)
        if kind == "evilproxy":
            read_request(raw)  # the CONNECT head
            raw.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            c = PROXY_CTX.wrap_socket(raw, server_side=True)  # impersonation attempt
            read_request(c)
            c.close()
            return
        c = ctx.wrap_socket(raw, server_side=True)
        if kind == "slow":
            held.append(c)  # handshake done, then silence
            return
        read_request(c)
        c.sendall(CLEN if kind == "clen" else BODY)
        if kind == "clean":
            try:
                c.unwrap()  # close_notify
            except Exception:
                pass
        c.close()  # SSLSocket.close() sends no close_notify
    except Exception:
        pass
def listen(kind):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    def loop():
        while True:
            raw, _ = s.accept()
            threading.Thread(target=serve, args=(kind, raw), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
    return s.getsockname()[1]
ports = " ".join(str(listen(k)) for k in ("trunc", "clean", "clen", "slow", "evilproxy"))
open(sys.argv[1] + ".tmp", "w").write(ports)
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(300)
EOF
pids="$pids $!"
wait_file "$work/py.ports"
read -r port_trunc port_clean port_clen port_slow port_evilproxy <"$work/py.ports" 2>/dev/null
[ -n "$port_evilproxy" ] || { bad "Python TLS server did not start"; finish; }

# tinyproxy on loopback with Basic authentication (user camp, password s3cret).
port_proxy=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/tinyproxy.conf" <<EOF
Port $port_proxy
Listen 127.0.0.1
Timeout 30
MaxClients 16
Allow 127.0.0.1
BasicAuth camp s3cret
LogLevel Info
EOF
tinyproxy -d -c "$work/tinyproxy.conf" >"$work/tinyproxy.log" 2>&1 &
pids="$pids $!"
i=0
until python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
    "$port_proxy" 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 50 ] || { bad "tinyproxy did not start: $(tail -n 5 "$work/tinyproxy.log")"; finish; }
    sleep 0.1
done

ok "servers started (good $port_good, expired $port_expired, wrong host $port_wronghost, mtls $port_mtls, stall $port_stall, trunc $port_trunc, clean $port_clean, clen $port_clen, slow $port_slow, tinyproxy $port_proxy, evil proxy $port_evilproxy)"

CAMP_TLS_CERTS=$certs CAMP_TLS_PORT=$port_good CAMP_TLS_PORT_EXPIRED=$port_expired \
    CAMP_TLS_PORT_WRONGHOST=$port_wronghost CAMP_TLS_PORT_MTLS=$port_mtls CAMP_TLS_PORT_STALL=$port_stall \
    CAMP_TLS_PORT_TRUNC=$port_trunc CAMP_TLS_PORT_CLEAN=$port_clean CAMP_TLS_PORT_CLEN=$port_clen \
    CAMP_TLS_PORT_SLOW=$port_slow CAMP_TLS_PROXY=$port_proxy CAMP_TLS_PROXY_EVIL=$port_evilproxy \
    $RUN_PREFIX "$bin" >"$work/unit.log" 2>&1
rc=$?
# Indent cmocka's lines so the outer runner counts this script's total only.
sed 's/^/  | /' "$work/unit.log"
p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$work/unit.log" | tail -n 1)
f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$work/unit.log" | tail -n 1)
s=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test(s).*/\1/p' "$work/unit.log" | tail -n 1)
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))
if [ "${s:-0}" -ne 0 ]; then
    bad "$s TLS test(s) skipped although every server was given"
fi
if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
    bad "test_tls exited with status $rc"
fi
for name in "wrong CA" "wrong host" "expired" "stalled handshake" "resumption" "truncation" "one deadline" \
    "tinyproxy" "hostile proxies"; do
    case $name in
    tinyproxy) t=test_through_tinyproxy ;;
    "hostile proxies") t=test_hostile_proxies ;;
    truncation) t=test_close_without_close_notify_is_truncation ;;
    "one deadline") t=test_one_deadline_for_handshake_and_reads ;;
    "wrong CA") t=test_wrong_ca_refused ;;
    "wrong host") t=test_wrong_host_refused ;;
    expired) t=test_expired_refused ;;
    "stalled handshake") t=test_stalling_server_times_out ;;
    resumption) t=test_session_resumed_on_second_connect ;;
    esac
    grep -q "^\[       OK \] $t\$" "$work/unit.log" && ok "$name ($t)" || bad "$name ($t)"
done
finish
