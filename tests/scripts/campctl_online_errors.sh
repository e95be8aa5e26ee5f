#!/bin/sh
# campctl against a hostile plain-HTTP server started here on 127.0.0.1: server
# text (campaign names, error messages and codes, request ids, Location) full of
# terminal controls, DEL, C1, bidi overrides and invalid UTF-8 must reach the
# terminal escaped; every kind of failure gets its documented exit code
# (1 refused, 3 auth, 4 not found, 5 rate limited, 6 network, 7 TLS, 8 server or
# malformed); --json gives one object per result, {"error": {...}} on failure,
# before or after the command.
#
#   BUILD=build SHARED=../shared sh tests/scripts/campctl_online_errors.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
CAMPCTL=$BUILD/bin/campctl
FIX=$SHARED/fixtures
pid=
spid=

tmp=$(mktemp -d)
cleanup() {
    for p in $pid $spid; do
        kill "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -x "$CAMPCTL" ] || ! command -v python3 >/dev/null 2>&1 || [ ! -f "$FIX/inboxapp-campaign-get-response.json" ]; then
    echo "FAIL - needs $CAMPCTL, python3 and $FIX"
    echo "0 passed, 1 failed"
    exit 1
fi

cat >"$tmp/server.py" <<'EOF'
# One scripted answer per campaign ID (the last path segment); raw bytes, so
# headers can carry anything. One request per connection.
import json, os, socketserver, sys, time

DIR, FIX = sys.argv[1], sys.argv[2]
camp = json.load(open(os.path.join(FIX, "inboxapp-campaign-get-response.json")))
EVIL = "Evil\x1b]0;owned\x07\x1b[2J\nstatus: completed\r\x7f\u009b31m\u202egnp.exe"

def campaign(**kw):
    c = dict(camp)
    c.update(kw)
    return json.dumps(c).encode()

def err(status, code, message, extra=b""):
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    # header values may carry obs-text (bytes >= 0x80), never C0 controls (libcamp refuses those)
    return status, [b"X-Request-Id: req\xc2\x9b31m\xff\xfe\xe2\x80\xae" + extra], body

SCEN = {
    "hostile": lambda: (200, [], campaign(id="hostile", name=EVIL, description="d\x1b")),
    "unauth": lambda: err(401, "UNAUTHORIZED", "token\x1b[2J revoked\nstatus: ok"),
    "forbidden": lambda: err(403, "FORBIDDEN", "not your team"),
    "missing": lambda: err(404, "NOT_FOUND", "no campaign \u009b2J here"),
    "conflict": lambda: err(409, "CONFLICT", "busy"),
    "teapot": lambda: err(418, "TEAPOT\x07", "short and stout"),
    "unproc": lambda: err(422, "VALIDATION_FAILED", "name\u202e too long"),
    "limited": lambda: (429, [b"Retry-After: 7"], json.dumps({"error": {"code": "RATE_LIMITED", "message": "slow down", "status": 429}}).encode()),
    "boom": lambda: err(500, "INTERNAL", "db \x1b[5mdown"),
    "unavail": lambda: err(503, "UNAVAILABLE", "maintenance"),
    "moved": lambda: (302, [b"Location: http://evil.example/\xc2\x9b2J\xff"], b""),
    "garbage": lambda: (200, [], b"{\"id\": 12, nope"),
    "wrongshape": lambda: (200, [], campaign(id="wrongshape", targetsCount=-5)),
    # another campaign than the one asked for: refused, never shown as the one asked for
    "notme": lambda: (200, [], campaign()),
}

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        raw = b""
        while b"\r\n\r\n" not in raw and len(raw) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            raw += chunk
            if raw[:1] == b"\x16":  # a TLS ClientHello: answer plain HTTP, the handshake fails
                self.request.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                return
        path = raw.split(b" ", 2)[1].decode()
        key = path.rstrip("/").split("/")[-1]
        if key == "slowpoke":
            time.sleep(5)
            return
        status, extra, body = SCEN.get(key, lambda: err(404, "NOT_FOUND", "no route"))()
        head = [b"HTTP/1.1 %d X" % status, b"Content-Type: application/json",
                b"Content-Length: %d" % len(body), b"Connection: close"] + extra
        self.request.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)

socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer.daemon_threads = True
with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler) as srv:
    with open(os.path.join(DIR, "port.tmp"), "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
    srv.serve_forever()
EOF

python3 "$tmp/server.py" "$tmp" "$FIX" &
pid=$!
i=0
while [ ! -f "$tmp/port" ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
if [ ! -f "$tmp/port" ]; then
    echo "FAIL - the test server did not start"
    echo "0 passed, 1 failed"
    exit 1
fi
PORT=$(cat "$tmp/port")
URL="http://127.0.0.1:$PORT/api/v1"
export CAMP_TOKEN=good-token

# run ARGS...: campctl against the server; $tmp/out, $tmp/err, $rc
run() {
    "$CAMPCTL" --base-url "$URL" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}

check_rc() {
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, want $1 ($(head -c 300 "$tmp/err"))"; fi
}

# safe FILE NAME: no byte that acts on a terminal: C0 other than \n, DEL, C1,
# invalid UTF-8, bidi overrides or line separators.
safe() {
    if python3 - "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("invalid UTF-8 at byte", e.start); sys.exit(1)
m = re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", text)
if m:
    print("unsafe character U+%04X at %d" % (ord(m.group()), m.start())); sys.exit(1)
EOF
    then ok "$2: no raw control, C1, bidi or invalid UTF-8 byte"; else bad "$2: unsafe bytes reach the terminal"; fi
}

has() {
    if grep -qF -- "$1" "$tmp/$2"; then ok "$3: $2 shows $1"; else bad "$3: $2 lacks $1"; cat "$tmp/$2"; fi
}

# jq_py EXPR NAME: python expression over d = the JSON of stdout must be true
json_ok() {
    if python3 -c '
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
if len(lines) != 1:
    print("want one line of JSON, got %d" % len(lines)); sys.exit(1)
d = json.loads(lines[0])
e = d.get("error", {}) if isinstance(d, dict) else {}
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$1"; then
        ok "$2"
    else
        bad "$2: $(head -c 400 "$tmp/out")"
    fi
}

# --- hostile text on success ---------------------------------------------------------------
run get hostile
check_rc 0 "hostile name"
safe "$tmp/out" "hostile name (stdout)"
has 'name: Evil\x1b]0;owned\x07\x1b[2J\nstatus: completed\r\x7f\u009b31m\u202egnp.exe' out "hostile name"
if [ "$(grep -c '^status:' "$tmp/out")" -eq 1 ]; then ok "hostile name: no forged status line"; else bad "hostile name: forged line"; fi

run --json get hostile
check_rc 0 "hostile name --json"
json_ok 'd["name"] == "Evil\x1b]0;owned\x07\x1b[2J\nstatus: completed\r\x7f\u009b31m\u202egnp.exe"' \
    "hostile name --json: the exact name after JSON decoding"
safe "$tmp/out" "hostile name --json"

# --- every global option after the command ---------------------------------------------------------
"$CAMPCTL" get hostile --timeout-ms 3000 --retries 0 --json --base-url "$URL" >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 0 "global options after the command"
json_ok 'd["id"] == "hostile"' "global options after the command: --json and --base-url taken"

# --- a response about another campaign ----------------------------------------------------------
run get notme
check_rc 8 "a response for another campaign: exit 8"
has '$.id: not the campaign that was asked for' err "another campaign: the refusal names \$.id"
if grep -q "^name:" "$tmp/out"; then bad "another campaign: shown"; else ok "another campaign: nothing shown"; fi

# --- API failures: exit codes, escaped one-liners, JSON errors ---------------------------------
for spec in "unauth 3 401" "forbidden 3 403" "missing 4 404" "conflict 1 409" "teapot 1 418" \
    "unproc 1 422" "limited 5 429" "boom 8 500" "unavail 8 503"; do
    set -- $spec
    run get "$1"
    check_rc "$2" "HTTP $3"
    safe "$tmp/err" "HTTP $3 (stderr)"
    if [ "$(wc -l <"$tmp/err")" -eq 1 ] && [ ! -s "$tmp/out" ]; then ok "HTTP $3: one line on stderr"; else bad "HTTP $3: not one line"; fi
    run get "$1" --json
    check_rc "$2" "HTTP $3 --json after the command"
    json_ok "e[\"http_status\"] == $3 and e[\"exit\"] == $2 and e[\"status\"].startswith(\"CAMP_ERR_API_\") and e[\"code\"] >= 600 and \"path\" not in e" \
        "HTTP $3 --json: status name, HTTP status, exit"
    safe "$tmp/out" "HTTP $3 --json"
done

run get unauth
has 'campctl: HTTP 401: token\x1b[2J revoked\nstatus: ok (UNAUTHORIZED) [request id req\u009b31m\xff\xfe\u202e]' err "401 text"
run --json get unauth
json_ok 'e["status"] == "CAMP_ERR_API_UNAUTHORIZED" and e["api_code"] == "UNAUTHORIZED" and e["api_message"] == "token\x1b[2J revoked\nstatus: ok" and e["request_id"] == "req\u009b31m\ufffd\ufffd\u202e"' \
    "401 --json: API code, message and request id (invalid UTF-8 as U+FFFD)"
run get missing
has 'no campaign \u009b2J here' err "404 C1 in message"
run get teapot
has '(TEAPOT\x07)' err "418 control character in the code"
run get unproc
has 'name\u202e too long' err "422 bidi override in message"
run --json get limited
json_ok 'e["status"] == "CAMP_ERR_API_RATE_LIMITED" and e["retry_after_s"] == 7 and e["api_message"] == "slow down"' \
    "429 --json: retry_after_s"

# --- malformed responses: 8 -----------------------------------------------------------------
run get moved
check_rc 8 "302 redirect (not followed)"
has 'redirect to http://evil.example/\u009b2J\xff' err "302 Location escaped"
safe "$tmp/err" "302 (stderr)"
run --json get moved
json_ok 'e["status"] == "CAMP_ERR_HTTP_REDIRECT" and e["http_status"] == 302 and e["location"] == "http://evil.example/\u009b2J\ufffd"' \
    "302 --json: location"
run get garbage
check_rc 8 "200 with a malformed body"
run --json get wrongshape
check_rc 8 "200 with a campaign that breaks a rule"
json_ok 'e["http_status"] == 200 and e["path"] == "$.targetsCount" and "rule" in e' \
    "broken response --json: path and rule"

# --- refused before sending, and refused documents: 1 -----------------------------------------
run get BAD_ID
check_rc 1 "invalid campaign ID (refused before sending)"
run --json get BAD_ID
json_ok 'e["status"] == "CAMP_ERR_PATTERN" and e["path"] == "path.campaignId" and "http_status" not in e' \
    "invalid ID --json: path and rule, no HTTP status"
printf '{"steps": [{"type": "message", "data": {"segments": [{"type": "static", "value": 5}]}}]}' >"$tmp/seq.json"
run --json sequence-set hostile "$tmp/seq.json"
check_rc 1 "invalid request body"
json_ok 'e["file"].endswith("seq.json") and e["path"].startswith("$.") and e["rule"]' \
    "invalid request body --json: file, path and rule"

# --- network: 6 ----------------------------------------------------------------------------------
run --timeout-ms 400 get slowpoke
check_rc 6 "timeout"
run --json --timeout-ms 400 get slowpoke
json_ok 'e["status"] == "CAMP_ERR_TIMEOUT" and e["exit"] == 6' "timeout --json"
"$CAMPCTL" --base-url "http://nonexistent.invalid/api/v1" --timeout-ms 3000 get hostile >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 6 "DNS failure"

# --- TLS: 7 (a TLS handshake with a plain-HTTP server fails) ---------------------------------------
"$CAMPCTL" --base-url "https://127.0.0.1:$PORT/api/v1" --timeout-ms 3000 get hostile >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 7 "TLS handshake failure"
"$CAMPCTL" --json --base-url "https://127.0.0.1:$PORT/api/v1" --timeout-ms 3000 get hostile >"$tmp/out" 2>"$tmp/err"
json_ok 'e["status"] == "CAMP_ERR_TLS" and e["exit"] == 7' "TLS failure --json"

# --- TLS verification: 7, against the mock API with the test PKI --------------------------------
if sh tests/mockapi/make_certs.sh "$tmp/certs" >/dev/null 2>&1; then
    python3 tests/mockapi/server.py --certs "$tmp/certs" --port-file "$tmp/tls-port" --token good-token \
        --quiet --exit-after 60 &
    spid=$!
    wait_file "$tmp/tls-port"
    TLS_URL="https://127.0.0.1:$(cat "$tmp/tls-port")/api/v1"
    "$CAMPCTL" --base-url "$TLS_URL" --ca-file "$tmp/certs/other-ca.crt" get usdjpdql3f90seqk13rwuo7z >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check_rc 7 "certificate signed by another CA"
    "$CAMPCTL" --base-url "$TLS_URL" --ca-file "$tmp/certs/other-ca.crt" get usdjpdql3f90seqk13rwuo7z --json >"$tmp/out" 2>"$tmp/err"
    json_ok 'e["status"] == "CAMP_ERR_TLS_VERIFY" and e["exit"] == 7 and "detail" in e' "TLS verification --json"
    # the mock answers every request with X-Request-Id: a 404 carries it into the JSON error
    "$CAMPCTL" --base-url "$TLS_URL" --ca-file "$tmp/certs/ca.crt" --json get zzzzzzzzzzzzzzzzzzzzzzzz >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check_rc 4 "mock: unknown campaign"
    json_ok 'e["http_status"] == 404 and e["request_id"].startswith("req_") and e["api_code"] and e["api_message"]' \
        "mock 404 --json: request id, API code and message"
    "$CAMPCTL" --base-url "$TLS_URL" --ca-file "$tmp/certs/ca.crt" get usdjpdql3f90seqk13rwuo7z --json >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check_rc 0 "mock: get over TLS"
    json_ok 'd["id"] == "usdjpdql3f90seqk13rwuo7z"' "mock get --json: the campaign"
    CAMP_TOKEN=wrong "$CAMPCTL" --base-url "$TLS_URL" --ca-file "$tmp/certs/ca.crt" get usdjpdql3f90seqk13rwuo7z >"$tmp/out" 2>"$tmp/err"
    rc=$?
    check_rc 3 "mock: wrong token"
else
    bad "make_certs.sh failed (openssl missing?): TLS verification not tested"
fi

# --- connection refused: 6 (server stopped) ------------------------------------------------------
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=
run get hostile
check_rc 6 "connection refused"
run get hostile --json
json_ok 'e["status"] == "CAMP_ERR_NET" and e["exit"] == 6 and "detail" in e' "connection refused --json: detail"

finish
