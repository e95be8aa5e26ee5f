#!/bin/sh
# campctl online commands against a plain-HTTP server started here on
# 127.0.0.1 (random free port, killed on exit). Checks the exact request bytes
# the server received and campctl's exit codes and one-line errors.
#
#   BUILD=build SHARED=../shared sh tests/scripts/campctl_http.sh
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
CAMPCTL=$BUILD/bin/campctl
FIX=$SHARED/fixtures
ID=usdjpdql3f90seqk13rwuo7z
. "$(dirname "$0")/../support/harness.sh"
pid=

tmp=$(mktemp -d)
cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -x "$CAMPCTL" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL - needs $CAMPCTL and python3"
    echo "0 passed, 1 failed"
    exit 1
fi

cat >"$tmp/server.py" <<'EOF'
# Minimal HTTP/1.1 server: saves every raw request to DIR/req-N and answers
# from the fixtures by method and path. One request per connection.
import os, socketserver, sys

DIR, FIX = sys.argv[1], sys.argv[2]
ID = "usdjpdql3f90seqk13rwuo7z"
count = [0]

def fixture(name):
    with open(os.path.join(FIX, name), "rb") as f:
        return f.read()

def route(method, path, auth, outbox):
    if auth != "Bearer good-token":
        return 401, [], fixture("inboxapp-error-unauthorized.json"), False
    base = "/api/v1/campaigns"
    table = {
        ("GET", base + "/" + ID): (200, "inboxapp-campaign-get-response.json", False),
        ("POST", base + "/v2/" + ID + "/enable"): (200, "inboxapp-campaign-enable-response.json", True),
        ("POST", base + "/" + ID + "/pause"): (200, "inboxapp-campaign-pause-response.json", False),
        ("POST", base + "/v2"): (200, "inboxapp-campaign-create-response.json", False),
        ("PUT", base + "/v2/" + ID + "/sequence"): (200, "inboxapp-sequence-update-response.json", False),
        ("PATCH", base + "/v2/" + ID + "/rules"): (200, "inboxapp-success-response.json", False),
        ("POST", base + "/v2/" + ID + "/leads"): (200, "inboxapp-add-leads-response.json", False),
        ("POST", "/email/campaigns/"): (201, "outbox-email-campaign-create-response.json", False),
    }
    if (method, path) in table:
        status, name, chunked = table[(method, path)]
        return status, [], fixture(name), chunked
    if path == base + "/unprocessable0":
        return 422, [], b'{"error":{"code":"VALIDATION_FAILED","message":"name is too long","status":422}}', False
    if path == base + "/ratelimited0":
        return 429, [b"Retry-After: 60", b"X-RateLimit-Remaining: 0"], fixture("inboxapp-error-rate-limited.json"), False
    return 404, [], b'{"error":{"code":"NOT_FOUND","message":"no such route","status":404}}', False

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        raw = b""
        while b"\r\n\r\n" not in raw and len(raw) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            raw += chunk
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        method, path, _ = lines[0].decode().split(" ", 2)
        headers = {}
        for line in lines[1:]:
            k, _, v = line.decode().partition(":")
            headers[k.strip().lower()] = v.strip()
        need = int(headers.get("content-length", "0"))
        while len(body) < need:
            chunk = self.request.recv(4096)
            if not chunk:
                break
            body += chunk
        count[0] += 1
        with open(os.path.join(DIR, "req-%d" % count[0]), "wb") as f:
            f.write(head + b"\r\n\r\n" + body)
        status, extra, payload, chunked = route(method, path, headers.get("authorization", ""),
                                                 path.startswith("/email/"))
        out = [b"HTTP/1.1 %d X" % status, b"Content-Type: application/json"] + extra
        if chunked:
            out.append(b"Transfer-Encoding: chunked")
            parts = [payload[i:i + 100] for i in range(0, len(payload), 100)]
            payload = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
        else:
            out.append(b"Content-Length: %d" % len(payload))
        out.append(b"Connection: close")
        self.request.sendall(b"\r\n".join(out) + b"\r\n\r\n" + payload)

socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("127.0.0.1", 0), Handler) as srv:
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
CRLF=$(printf '\r\n')
nreq=0

# run NAME ARGS...: campctl with the good token; output in $tmp/out, $tmp/err, status in $rc
run() {
    CAMP_TOKEN=good-token "$CAMPCTL" --base-url "$URL" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}

# expect_request FILE: the next saved request must equal FILE byte for byte
expect_request() {
    nreq=$((nreq + 1))
    if [ ! -f "$tmp/req-$nreq" ]; then
        bad "$2: server got no request"
    elif cmp -s "$tmp/req-$nreq" "$1"; then
        ok "$2: exact request bytes"
    else
        bad "$2: request bytes differ"
        od -c "$tmp/req-$nreq" | head -20
    fi
}

# expect_json_body N FILE NAME: request N's body is the same JSON value as FILE
expect_body_json() {
    if python3 - "$tmp/req-$nreq" "$1" <<'EOF'
import json, sys
raw = open(sys.argv[1], "rb").read()
body = raw.split(b"\r\n\r\n", 1)[1]
sys.exit(0 if json.loads(body) == json.load(open(sys.argv[2])) else 1)
EOF
    then ok "$2: body is the file's JSON"; else bad "$2: body differs from the file's JSON"; fi
}

# head METHOD PATH BODYLEN: the expected head (BODYLEN - for none)
head_of() {
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nAuthorization: Bearer good-token\r\n' "$1" "$2" "$PORT"
    printf 'User-Agent: libcamp/0.1.0\r\nAccept: application/json\r\n'
    if [ "$3" != "-" ]; then
        printf 'Content-Type: application/json\r\nContent-Length: %s\r\n' "$3"
    fi
    printf 'Connection: close\r\n\r\n'
}

check_rc() {
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, want $1 ($(cat "$tmp/err"))"; fi
}

check_out() {
    if grep -qF -- "$1" "$tmp/$2"; then ok "$3: $2 has \"$1\""; else bad "$3: $2 lacks \"$1\""; cat "$tmp/$2"; fi
}

# --- get ---------------------------------------------------------------------------
run get $ID
check_rc 0 get
head_of GET /api/v1/campaigns/$ID - >"$tmp/want"
expect_request "$tmp/want" get
check_out "name: Q1 SaaS founders outreach" out get
check_out "status: active" out get
check_out "counts: targets 4723, contacted 2361, replies 118" out get
check_out "rates: completion 50.0%, reply 5.0%" out get
check_out "window: America/New_York, Mon 09:00-21:00" out get
# open/closed depends on the wall clock; either way it is one of these two forms
if grep -qE '^window now: (open|closed, next opens [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:00Z)$' "$tmp/out"; then
    ok "get: says whether the sending window is open now, or when it next opens"
else
    bad "get: no 'window now:' line"; cat "$tmp/out"
fi

run --json get $ID
nreq=$((nreq + 1))
check_rc 0 "get --json"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["id"]=="'$ID'" and d["targetsCount"]==4723 else 1)' "$tmp/out"; then
    ok "get --json: re-encoded object"
else
    bad "get --json: not the campaign as JSON"
fi

# --- enable (chunked response) / pause ------------------------------------------------
run enable $ID
check_rc 0 enable
{ head_of POST /api/v1/campaigns/v2/$ID/enable 2; printf '{}'; } >"$tmp/want"
expect_request "$tmp/want" enable
check_out "enabled: yes" out enable

run pause $ID
check_rc 0 pause
{ head_of POST /api/v1/campaigns/$ID/pause 2; printf '{}'; } >"$tmp/want"
expect_request "$tmp/want" pause
check_out "status: paused" out pause

# --- create ---------------------------------------------------------------------------
run create --name "Q1 outreach" --account r4t9vw15jm6bn3yxcf2dq8ek
check_rc 0 create
body='{"name":"Q1 outreach","accountLinkIds":["r4t9vw15jm6bn3yxcf2dq8ek"]}'
{ head_of POST /api/v1/campaigns/v2 ${#body}; printf '%s' "$body"; } >"$tmp/want"
expect_request "$tmp/want" create
check_out "status: draft" out create

# --- bodies from files ------------------------------------------------------------------
run sequence-set $ID "$FIX/inboxapp-sequence-update-request.json"
check_rc 0 sequence-set
nreq=$((nreq + 1))
if head -n 1 "$tmp/req-$nreq" | grep -q "^PUT /api/v1/campaigns/v2/$ID/sequence HTTP/1.1$CRLF\$"; then
    ok "sequence-set: request line"
else
    bad "sequence-set: request line"
fi
expect_body_json "$FIX/inboxapp-sequence-update-request.json" sequence-set
check_out "sequence version:" out sequence-set

run rules-set $ID "$FIX/inboxapp-lead-rules-update-request.json"
check_rc 0 rules-set
nreq=$((nreq + 1))
if head -n 1 "$tmp/req-$nreq" | grep -q "^PATCH /api/v1/campaigns/v2/$ID/rules HTTP/1.1"; then
    ok "rules-set: request line"
else
    bad "rules-set: request line"
fi
expect_body_json "$FIX/inboxapp-lead-rules-update-request.json" rules-set

run leads-add $ID "$FIX/inboxapp-add-leads-request.json"
check_rc 0 leads-add
nreq=$((nreq + 1))
expect_body_json "$FIX/inboxapp-add-leads-request.json" leads-add
check_out "added: 2" out leads-add

CAMP_TOKEN=good-token "$CAMPCTL" --base-url "http://127.0.0.1:$PORT" outbox-create \
    "$FIX/outbox-email-campaign-create-request.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 0 outbox-create
nreq=$((nreq + 1))
if head -n 2 "$tmp/req-$nreq" | tr -d '\r' | grep -q '^POST /email/campaigns/ HTTP/1.1$' &&
    grep -q "^Authorization: Bearer good-token$CRLF\$" "$tmp/req-$nreq"; then
    ok "outbox-create: request line and Bearer auth"
else
    bad "outbox-create: request line or auth"
fi
expect_body_json "$FIX/outbox-email-campaign-create-request.json" outbox-create

# --- API errors ----------------------------------------------------------------------------
CAMP_TOKEN=wrong-secret-123 "$CAMPCTL" --base-url "$URL" get $ID >"$tmp/out" 2>"$tmp/err"
rc=$?
nreq=$((nreq + 1))
check_rc 3 "401"
check_out "campctl: HTTP 401: Invalid or missing authentication token (UNAUTHORIZED)" err 401
if [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "401: one line"; else bad "401: one line"; fi
if grep -q "wrong-secret-123" "$tmp/out" "$tmp/err"; then bad "401: token printed"; else ok "401: token never printed"; fi

run get unprocessable0
nreq=$((nreq + 1))
check_rc 1 "422"
check_out "campctl: HTTP 422: name is too long (VALIDATION_FAILED)" err 422

run get ratelimited0
nreq=$((nreq + 1))
check_rc 5 "429"
check_out "campctl: HTTP 429: Rate limit exceeded. Try again in 60 seconds. (RATE_LIMITED) [retry after 60 s]" err 429

# --- refused before sending, usage, token sources ---------------------------------------------
run get USDJPDQL
check_rc 1 "bad ID"
check_out "path.campaignId: must match ^[0-9a-z]+\$" err "bad ID"
if [ -f "$tmp/req-$((nreq + 1))" ]; then bad "bad ID: a request was sent"; else ok "bad ID: nothing sent"; fi

run get
check_rc 2 "get without ID"
run --token good-token get $ID
check_rc 2 "token on the command line"
run frobnicate
check_rc 2 "unknown command"
run --base-url ftp://x get $ID
check_rc 2 "bad base URL"
env -u CAMP_TOKEN "$CAMPCTL" --base-url "$URL" get $ID >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 2 "no token"

printf 'good-token\n' >"$tmp/token"
env -u CAMP_TOKEN "$CAMPCTL" --base-url "$URL" --token-file "$tmp/token" get $ID >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 0 "--token-file"
nreq=$((nreq + 1))
head_of GET /api/v1/campaigns/$ID - >"$tmp/want"
if cmp -s "$tmp/req-$nreq" "$tmp/want"; then ok "--token-file: exact request bytes"; else bad "--token-file: request bytes"; fi

# --- network errors ------------------------------------------------------------------------------
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=
run --timeout-ms 2000 get $ID
check_rc 6 "server gone"
check_out "campctl: network error" err "server gone"

finish
