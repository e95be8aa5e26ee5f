#!/bin/sh
# Integration test of the whole demo flow over TLS: campctl and the reporter
# against the mock API (tests/mockapi/server.py) with a test CA. The mock runs
# with a frozen clock moved by /__mock/advance, so every count is exact.
# Asserts exit codes, outputs and the requests the server saw; checks that the
# server is gone afterwards. Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
certs=$BUILD/tls-certs
work=$(mktemp -d)
pid=""
rx_pid=""

cleanup() {
    if [ -n "$rx_pid" ]; then
        kill "$rx_pid" 2>/dev/null
        wait "$rx_pid" 2>/dev/null
    fi
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

bad() {
    failed=$((failed + 1))
    echo "FAIL - $1"
    [ -s "$work/out" ] && sed 's/^/    | /' "$work/out"
}
# expect RC DESCRIPTION -- COMMAND...: run, keep output in $work/out, check the exit status.
expect() {
    want=$1 what=$2
    shift 3
    "$@" >"$work/out" 2>&1
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$what (exit $got)"; else bad "$what: exit $got, wanted $want"; fi
}
# contains TEXT DESCRIPTION: the last output contains TEXT.
contains() {
    if grep -F -q -- "$1" "$work/out"; then ok "$2"; else bad "$2: no \"$1\" in the output"; fi
}

campctl=$BUILD/bin/campctl
reporter=$BUILD/bin/reporter
for b in "$campctl" "$reporter"; do
    [ -x "$b" ] || { bad "$b not built (make BUILD=$BUILD all)"; finish; }
done
sh tests/mockapi/make_certs.sh "$certs" >/dev/null || { bad "make_certs.sh"; finish; }

python3 tests/mockapi/server.py --certs "$certs" --port-file "$work/port" --log "$work/requests.log" \
    --token flow-token --frozen-clock --quiet --exit-after 120 &
pid=$!
wait_file "$work/port"
[ -s "$work/port" ] || { bad "mock API did not start"; finish; }
port=$(cat "$work/port")
base="https://127.0.0.1:$port"
api="$base/api/v1"
ca="$certs/ca.crt"
export CAMP_TOKEN=flow-token
mock() { python3 tests/mockapi/mockctl.py "$base" "$ca" "$@" >/dev/null; }
ctl() { "$campctl" --base-url "$api" --ca-file "$ca" "$@"; }
rep() { "$reporter" --base-url "$api" --ca-file "$ca" "$@"; }

# --- TLS and auth refusals ---------------------------------------------------
expect 0 "campctl get the seeded campaign over TLS" -- ctl get usdjpdql3f90seqk13rwuo7z
contains "Q1 SaaS founders outreach" "get shows the campaign name"
expect 7 "campctl refuses a server signed by another CA (exit 7: TLS)" -- \
    "$campctl" --base-url "$api" --ca-file "$certs/other-ca.crt" get usdjpdql3f90seqk13rwuo7z
contains "certificate" "the refusal names the certificate"
expect 3 "a wrong token is refused (exit 3: authentication)" -- env CAMP_TOKEN=wrong-token \
    "$campctl" --base-url "$api" --ca-file "$ca" get usdjpdql3f90seqk13rwuo7z
contains "401" "the refusal shows HTTP 401"

expect 0 "campctl whoami (GET /team) over TLS" -- ctl whoami
contains "team: libcamp mock team" "whoami names the token's team"
contains "server time: " "whoami shows the server's clock"

# --- create, refused enable, leads, sequence, enable ---------------------------
expect 0 "campctl create" -- ctl --json create --name "Flow test" --account r4t9vw15jm6bn3yxcf2dq8ek \
    --timezone Europe/Berlin
id=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["id"] if d.get("status")=="draft" else "")' \
    "$work/out" 2>/dev/null)
if [ -n "$id" ]; then ok "create returned a draft campaign ($id)"; else bad "create: no draft campaign in --json output"; id=missing; fi

expect 1 "enable too early is refused" -- ctl enable "$id"
contains "422" "the refusal shows HTTP 422"
contains "no leads" "the refusal carries the API's reason"

python3 -c 'import json,sys; json.dump({"platform":"twitter","usernames":["lead%02d"%i for i in range(40)]}, open(sys.argv[1],"w"))' \
    "$work/leads.json"
expect 0 "campctl leads-add (40 usernames)" -- ctl leads-add "$id" "$work/leads.json"
contains "40" "leads-add reports 40 added"
expect 0 "campctl sequence-set" -- ctl sequence-set "$id" "$SHARED/fixtures/inboxapp-sequence-update-request.json"
expect 0 "campctl enable" -- ctl enable "$id"
contains "active" "enable shows the campaign active"

# --- the reporter as counts advance (8 messages / hour / account) --------------
mock POST /__mock/advance '{"seconds": 1800}'
expect 0 "reporter after 30 simulated minutes" -- rep --count 1 --interval 1 "$id"
contains "active" "reporter: status active"
contains "contacted 4/40" "reporter: 4 of 40 contacted"
contains "window open (Europe/Berlin)" "reporter: sending window open (all-day schedule)"
mock POST /__mock/advance '{"seconds": 3600}'
expect 0 "reporter after 90 simulated minutes" -- rep --count 1 --interval 1 "$id" usdjpdql3f90seqk13rwuo7z
contains "contacted 12/40" "reporter: 12 of 40 contacted"
contains "replies 1," "reporter: 1 reply"
contains "usdjpdql3f90seqk13rwuo7z" "reporter: one line for each campaign"
contains "(America/New_York)" "reporter: the window of the seeded campaign in its own zone"

# --- pause, followed through the event feed -----------------------------------------
state=$work/reporter.state
expect 0 "reporter --events reads the feed from its beginning" -- rep --events --state "$state" --count 1 "$id"
contains "$id  campaign started" "reporter --events: campaign.started"
contains "$id  reply from @lead" "reporter --events: the reply"
first_state=$(cat "$state" 2>/dev/null)
case $first_state in "lastSeq "[0-9]*) ok "the state file holds the position ($first_state)" ;; *) bad "state file: $first_state" ;; esac
expect 0 "campctl pause" -- ctl pause "$id"
contains "paused" "pause shows the campaign paused"
expect 0 "reporter --events after the pause" -- rep --events --state "$state" --count 1 "$id"
contains "$id  campaign paused (now paused, contacted 12/40" "the pause arrives as an event"
if grep -q "campaign started" "$work/out"; then bad "events before the stored position shown again"; else ok "only the events after the stored position"; fi
mock POST /__mock/advance '{"seconds": 7200}'
expect 0 "reporter after pausing" -- rep --count 1 --interval 1 "$id"
contains "paused" "reporter: status paused"
contains "contacted 12/40" "reporter: counts frozen while paused"

expect 0 "reporter, two polls, verbose" -- rep --count 2 --interval 1 --verbose "$id"
contains "tls: full handshake" "first poll: full TLS handshake"
contains "tls: session resumed" "second poll: TLS session resumed (Python/OpenSSL server)"

# --- backoff -----------------------------------------------------------------------
mock POST /__mock/rate-limit '{"count": 1, "retryAfter": 1}'
expect 0 "reporter recovers after a 429" -- rep --count 2 --interval 1 "$id"
contains "rate limited: next poll in 1 s" "reporter honours Retry-After"
contains "#2   $id  paused" "reporter: the next poll succeeds"
expect 1 "reporter against a closed port" -- \
    "$reporter" --base-url "https://127.0.0.1:1/api/v1" --ca-file "$ca" --count 1 --interval 1 "$id"
contains "network trouble (1 in a row)" "reporter backs off after a network error"

# --- what the server saw ---------------------------------------------------------------
log=$work/requests.log
for line in "POST /api/v1/campaigns/v2 200" "POST /api/v1/campaigns/v2/$id/enable 422" \
    "POST /api/v1/campaigns/v2/$id/leads 200" "PUT /api/v1/campaigns/v2/$id/sequence 200" \
    "POST /api/v1/campaigns/v2/$id/enable 200" "GET /api/v1/campaigns/$id 200" \
    "POST /api/v1/campaigns/$id/pause 200" "GET /api/v1/campaigns/$id 429" \
    "GET /api/v1/campaigns/usdjpdql3f90seqk13rwuo7z 401"; do
    if grep -F -x -q "$line" "$log"; then ok "server saw: $line"; else bad "server never saw: $line"; fi
done

# The mock's raw responses decode with libcamp's own validators (shape cross-check).
fetch() { # METHOD PATH BODY OUT
    python3 - "$api$2" "$ca" "$1" "$3" "$4" <<'EOF'
import ssl, sys, urllib.request
url, ca, method, body, out = sys.argv[1:6]
req = urllib.request.Request(url, method=method, data=body.encode() if body else None,
                             headers={"Authorization": "Bearer flow-token", "Content-Type": "application/json"})
open(out, "wb").write(urllib.request.urlopen(req, context=ssl.create_default_context(cafile=ca)).read())
EOF
}
fetch GET "/campaigns/$id" "" "$work/legacy.json"
expect 0 "the mock's legacy campaign (get) passes campctl validate" -- \
    "$campctl" validate --type inbox-campaign "$work/legacy.json"
fetch POST /campaigns/v2 '{"name":"Shape check","accountLinkIds":["r4t9vw15jm6bn3yxcf2dq8ek"]}' "$work/v2.json"
expect 0 "the mock's v2 campaign (create) passes campctl validate" -- \
    "$campctl" validate --type inbox-campaign "$work/v2.json"
expect 0 "campctl outbox-create against the mock's Outbox endpoints" -- \
    "$campctl" --base-url "$base" --ca-file "$ca" outbox-create "$SHARED/fixtures/outbox-email-campaign-create-request.json"
contains "status: draft" "outbox-create shows the new email campaign"
# the mock logs a request after sending its response: give its thread a moment
i=0
while ! grep -F -x -q "POST /email/campaigns/ 201" "$work/requests.log" && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
if grep -F -x -q "POST /email/campaigns/ 201" "$work/requests.log"; then
    ok "server saw: POST /email/campaigns/ 201"
else
    bad "server never saw: POST /email/campaigns/ 201"
fi

# --- Outbox: a sender identity, an email campaign that uses it, the contacts -----------------------
printf '{"from_email": "flow@example.com", "company": "3f8e2a9c-1b7d-4c6e-9a5f-2d4b8e7c1a3f"}' >"$work/sender.json"
expect 0 "campctl sender-create" -- "$campctl" --base-url "$base" --ca-file "$ca" --json sender-create "$work/sender.json"
sender=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/out" 2>/dev/null)
printf '{"name": "Flow email", "company": "3f8e2a9c-1b7d-4c6e-9a5f-2d4b8e7c1a3f", "sender_identity_ids": ["%s"]}' \
    "$sender" >"$work/email.json"
expect 0 "campctl outbox-create with the new sender" -- \
    "$campctl" --base-url "$base" --ca-file "$ca" --json outbox-create "$work/email.json"
if [ -n "$sender" ] && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["sender_identity_ids"] == [sys.argv[2]] else 1)' \
    "$work/out" "$sender" 2>/dev/null; then
    ok "the email campaign uses the sender identity"
else
    bad "the email campaign does not use the sender identity"
fi
expect 0 "campctl contacts --all" -- "$campctl" --base-url "$base" --ca-file "$ca" contacts --all
contains "page 3: 5 of 45" "contacts --all: three pages, 45 contacts"

# --- the demo's webhook receiver: HTTPS mock -> signed POSTs -> examples/receiver --------------
receiver=$BUILD/bin/receiver
if [ -x "$receiver" ]; then
    CAMP_WEBHOOK_SECRET=flow_wh_secret "$receiver" --port-file "$work/rx.port" >"$work/rx.out" 2>"$work/rx.err" &
    rx_pid=$!
    wait_file "$work/rx.port"
    hook="{\"url\": \"http://127.0.0.1:$(cat "$work/rx.port" 2>/dev/null)/hook\", \"secret\": \"flow_wh_secret\"}"
    expect 0 "subscribe the receiver to the mock's events" -- \
        python3 tests/mockapi/mockctl.py "$base" "$ca" POST /__mock/webhooks "$hook"
    expect 0 "campctl enable resumes the paused campaign" -- ctl enable "$id"
    mock POST /__mock/webhooks/flush
    cp "$work/rx.out" "$work/out"
    contains "type=campaign.resumed campaign=$id " "receiver accepted campaign.resumed"
    contains "type=campaign.started campaign=$id " "receiver accepted campaign.started"
    seq=$(sed -n "s/^accepted seq=\([0-9]*\) type=campaign.resumed .*/\1/p" "$work/rx.out")
    expect 0 "replay the campaign.resumed delivery" -- \
        python3 tests/mockapi/mockctl.py "$base" "$ca" POST /__mock/webhooks/replay "{\"seq\": ${seq:-0}}"
    contains '"status": 200' "the replay is answered 200"
    contains 'ignored' "... and ignored as a duplicate"
    if [ "$(grep -c "^accepted seq=${seq:-0} " "$work/rx.out")" -eq 1 ]; then
        ok "the replayed event was accepted once"
    else
        bad "the replayed event was accepted $(grep -c "^accepted seq=${seq:-0} " "$work/rx.out") times"
    fi
    kill "$rx_pid" 2>/dev/null
    wait "$rx_pid" 2>/dev/null
    rx_pid=""
else
    bad "$receiver not built (make BUILD=$BUILD all)"
fi

# --- nothing left running -----------------------------------------------------------------
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if kill -0 "$pid" 2>/dev/null; then bad "mock API still running"; else ok "mock API stopped"; fi
pid=""
finish
