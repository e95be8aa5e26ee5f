#!/bin/sh
# campctl's commands for the rest of the client calls against the mock API
# (tests/mockapi/server.py) over plain HTTP: lead-update, lead-cancel,
# column-update, sender-create and contacts (paging, sorting, tags), whoami and
# events (the feed read to its end, paging, --after, --follow, seq gaps, hostile
# text), text and --json, the requests the mock saw, exit codes; then proxies
# through tinyproxy on loopback (--proxy, https_proxy/http_proxy, no_proxy,
# --proxy '', a proxy that asks for credentials, bad proxy URLs, https through
# the tunnel with the certificate still checked), a TLS close without
# close_notify on a close-delimited body (exit 6), and --timeout-ms as one
# deadline for the whole request against a server that trickles its answer.
#
#   BUILD=build sh tests/scripts/campctl_mock.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
CAMPCTL=$BUILD/bin/campctl
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

bad() {
    printf 'FAIL - %s\n' "$1"
    failed=$((failed + 1))
    sed 's/^/    | /' "$tmp/out" "$tmp/err" 2>/dev/null | head -n 10
}

for tool in python3 tinyproxy; do
    command -v "$tool" >/dev/null 2>&1 || { bad "needs $tool (tools/deps.sh)"; finish; }
done
[ -x "$CAMPCTL" ] || { bad "needs $CAMPCTL (make BUILD=$BUILD all)"; finish; }

# Nothing from the caller's environment may route these requests elsewhere.
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY no_proxy NO_PROXY all_proxy ALL_PROXY

python3 tests/mockapi/server.py --plain --port-file "$tmp/port" --log "$tmp/requests.log" \
    --token mock-token --frozen-clock --quiet --exit-after 120 &
pids="$pids $!"
wait_file "$tmp/port"
[ -s "$tmp/port" ] || { bad "the mock API did not start"; finish; }
PORT=$(cat "$tmp/port")
BASE="http://127.0.0.1:$PORT"
API="$BASE/api/v1"
export CAMP_TOKEN=mock-token

# run ARGS...: campctl; stdout in $tmp/out, stderr in $tmp/err, status in $rc
run() {
    "$CAMPCTL" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}
check_rc() {
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, want $1"; fi
}
has() { # TEXT FILE WHAT
    if grep -qF -- "$1" "$tmp/$2"; then ok "$3"; else bad "$3: no \"$1\" in $2"; fi
}
saw() { # EXACT LOG LINE
    # The mock logs a request after its response is sent, so the client may have
    # exited before the line is written: give the mock's thread a moment.
    i=0
    while ! grep -qxF -- "$1" "$tmp/requests.log" && [ $i -lt 50 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if grep -qxF -- "$1" "$tmp/requests.log"; then ok "mock saw: $1"; else bad "mock never saw: $1"; fi
}
json_check() { # PYTHON-EXPR-ON-d WHAT   (every stdout line must be one JSON object)
    if python3 - "$tmp/out" "$1" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
objs = [json.loads(l) for l in lines]
d = objs[0] if len(objs) == 1 else objs
sys.exit(0 if eval(sys.argv[2]) else 1)
EOF
    then ok "$2"; else bad "$2"; fi
}

# --- a campaign with two leads ------------------------------------------------------
run --base-url "$API" --json create --name "CLI test" --account r4t9vw15jm6bn3yxcf2dq8ek
ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)
[ -n "$ID" ] || { bad "create: no campaign id"; finish; }
printf '{"platform":"twitter","usernames":["alice","bob","carol"]}' >"$tmp/leads.json"
run --base-url "$API" leads-add "$ID" "$tmp/leads.json"
check_rc 0 "leads-add (setup)"

# --- lead-update -----------------------------------------------------------------------------
printf '{"by":"username","data":{"custom_q5cktl47a6pqa74eu06fz89v":"Acme \\u001b[2J"}}' >"$tmp/lu.json"
run --base-url "$API" lead-update "$ID" alice "$tmp/lu.json"
check_rc 0 "lead-update"
has "updated: lead alice of campaign $ID" out "lead-update says which lead"
saw "PATCH /api/v1/campaigns/v2/$ID/leads/alice 200"
run --base-url "$API" --json lead-update "$ID" alice "$tmp/lu.json"
check_rc 0 "lead-update --json"
json_check 'd == {"updated": True, "campaignId": "'"$ID"'", "identifier": "alice"}' \
    "lead-update --json: one object naming the lead"
run --base-url "$API" lead-update "$ID" nobody "$tmp/lu.json"
check_rc 4 "lead-update of an unknown lead (404)"
has "PROSPECT_NOT_FOUND" err "lead-update 404: the API's code"
printf '{"by":"nickname","data":{}}' >"$tmp/bad.json"
run --base-url "$API" lead-update "$ID" alice "$tmp/bad.json"
check_rc 1 "lead-update with a body breaking the rules"
has '$.by' err "lead-update: the refusal names the field"
n=$(grep -c "leads/alice" "$tmp/requests.log")
[ "$n" -eq 2 ] && ok "a refused body is never sent" || bad "a refused body was sent ($n requests)"
run --base-url "$API" lead-update "$ID" alice
check_rc 2 "lead-update without FILE"

# --- lead-cancel -----------------------------------------------------------------------------
run --base-url "$API" lead-cancel "$ID" bob --by username --platform twitter
check_rc 0 "lead-cancel"
has "cancelled: lead bob of campaign $ID (success: true)" out "lead-cancel output"
saw "POST /api/v1/campaigns/v2/$ID/leads/bob/cancel 200"
run --base-url "$API" --json lead-cancel "$ID" bob --by username
check_rc 4 "lead-cancel of a cancelled lead (404)"
json_check 'd["error"]["http_status"] == 404 and d["error"]["exit"] == 4 and d["error"]["request_id"].startswith("req_")' \
    "lead-cancel 404 --json: error object with HTTP status and request id"
run --base-url "$API" --json lead-cancel "$ID" carol --by username
check_rc 0 "lead-cancel --json"
json_check 'd == {"success": True}' "lead-cancel --json: the API's object"
run --base-url "$API" lead-cancel "$ID" bob --by nickname
check_rc 2 "lead-cancel --by nickname (usage)"
has "--by must be platformId, username or externalId" err "lead-cancel: names the allowed values"

# --- column-update ---------------------------------------------------------------------------
COL=custom_q5cktl47a6pqa74eu06fz89v
run --base-url "$API" column-update "$ID" $COL --name "Firm" --description "Where they work"
check_rc 0 "column-update"
has "name: Firm" out "column-update shows the new name"
has "description: Where they work" out "column-update shows the new description"
saw "PATCH /api/v1/campaigns/v2/$ID/columns/$COL 200"
run --base-url "$API" --json column-update "$ID" $COL --name "Employer"
check_rc 0 "column-update --json"
json_check 'd["id"] == "'$COL'" and d["name"] == "Employer" and "createdAt" in d' "column-update --json: the column object"
run --base-url "$API" column-update "$ID" custom_nosuchcolumn0 --name X
check_rc 4 "column-update of an unknown column (404)"
run --base-url "$API" column-update "$ID" $COL
check_rc 2 "column-update with nothing to change"
run --base-url "$API" --json column-update "$ID" $COL --no-description
check_rc 0 "column-update with only --no-description (a PATCH sends only what is set)"
json_check 'd["name"] == "Employer" and d.get("description") is None' "column-update --no-description: name kept, description cleared"

# --- sender-create, then an email campaign that uses it (Outbox) ----------------------------
COMPANY=3f8e2a9c-1b7d-4c6e-9a5f-2d4b8e7c1a3f
printf '{"from_email":"sales@example.com","company":"%s","from_name":"Sales \\u202e team"}' $COMPANY >"$tmp/sender.json"
run --base-url "$BASE" sender-create "$tmp/sender.json"
check_rc 0 "sender-create"
has "from_email: sales@example.com" out "sender-create shows the address"
has 'from_name: Sales \u202e team' out "sender-create: server text escaped (bidi override)"
saw "POST /email/senders/ 201"
run --base-url "$BASE" --json sender-create "$tmp/sender.json"
check_rc 0 "sender-create --json"
SENDER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)
json_check 'd["from_email"] == "sales@example.com" and len(d["id"]) == 36' "sender-create --json: the sender object"
printf '{"name":"Email test","company":"%s","sender_identity_ids":["%s"]}' $COMPANY "$SENDER" >"$tmp/email.json"
run --base-url "$BASE" --json outbox-create "$tmp/email.json"
check_rc 0 "outbox-create with the new sender"
json_check 'd["sender_identity_ids"] == ["'"$SENDER"'"]' "the email campaign uses the sender"
printf '{"from_email":"not-an-address","company":"%s"}' $COMPANY >"$tmp/bad.json"
run --base-url "$BASE" sender-create "$tmp/bad.json"
check_rc 1 "sender-create with a bad address: refused locally"
has '$.from_email' err "sender-create: the refusal names the field"

# --- contacts ------------------------------------------------------------------------------------
run --base-url "$BASE" contacts
check_rc 0 "contacts"
[ "$(wc -l <"$tmp/out")" -eq 20 ] && ok "contacts: one page of 20 lines" || bad "contacts: $(wc -l <"$tmp/out") lines"
has "page 1: 20 of 45" err "contacts: page summary on stderr"
run --base-url "$BASE" contacts --all --sort-by created_at --sort-direction asc
check_rc 0 "contacts --all"
[ "$(wc -l <"$tmp/out")" -eq 45 ] && ok "contacts --all: 45 lines over 3 pages" || bad "contacts --all: $(wc -l <"$tmp/out") lines"
if [ "$(head -n 1 "$tmp/out" | cut -d' ' -f3-5)" = "Ada Example 1" ] && [ "$(grep -c '^page ' "$tmp/err")" -eq 3 ]; then
    ok "contacts --all: oldest first, pages 1..3"
else
    bad "contacts --all: order or paging"
fi
saw "GET /contacts/list?page=3&sort_by=created_at&sort_direction=asc 200"
run --base-url "$BASE" --json contacts --page 2 --tag vip --tag beta
check_rc 0 "contacts --json --page 2 --tag"
json_check 'd["page"] == 2 and isinstance(d["results"], list) and d["total"] >= len(d["results"]) and all("beta" in c["tags"] or "vip" in c["tags"] for c in d["results"])' \
    "contacts --json: the page object with its number, tags filtered"
run --base-url "$BASE" contacts --page 0
check_rc 2 "contacts --page 0"
run --base-url "$BASE" contacts --page 2 --all
check_rc 2 "contacts --page with --all"
run --base-url "$BASE" contacts --sort-by name
check_rc 2 "contacts --sort-by name"

# --- whoami (GET /team) -----------------------------------------------------------------
run --base-url "$API" whoami
check_rc 0 "whoami"
has "team: libcamp mock team" out "whoami: the team's name"
has "id: hzcai5t59nn9vsck3rbuepyg" out "whoami: the team's id"
if grep -qE '^server time: [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z \(this device.s clock [+-][0-9]+ s\)$' "$tmp/out"; then
    ok "whoami: the server's clock and the device's offset"
else
    bad "whoami: no server time line"
fi
saw "GET /api/v1/team 200"
run --base-url "$API" --json whoami
json_check 'd["id"] == "hzcai5t59nn9vsck3rbuepyg" and d["slug"] == "libcamp-mock"' "whoami --json: the team object"
CAMP_TOKEN=revoked-token run --base-url "$API" whoami
check_rc 3 "whoami with a bad token: exit 3"

# --- events (GET /events) ------------------------------------------------------------------
# the campaign runs 90 virtual minutes (12 of 40 contacted, a reply), then pauses; three
# sequence numbers are consumed without events (a gap)
python3 -c 'import json,sys; json.dump({"platform":"twitter","usernames":["ev%02d"%i for i in range(40)]}, open(sys.argv[1],"w"))' "$tmp/leads2.json"
run --base-url "$API" leads-add "$ID" "$tmp/leads2.json"
printf '%s' '{"steps":[{"type":"message","data":{"segments":[{"type":"static","text":"Hi"}]}}]}' >"$tmp/seq.json"
run --base-url "$API" sequence-set "$ID" "$tmp/seq.json"
check_rc 0 "sequence-set (setup)"
run --base-url "$API" enable "$ID"
check_rc 0 "enable (setup)"
python3 tests/mockapi/mockctl.py "$BASE" - POST /__mock/advance '{"seconds": 5400}' >/dev/null
python3 tests/mockapi/mockctl.py "$BASE" - POST /__mock/events/skip '{"count": 3}' >/dev/null
run --base-url "$API" pause "$ID"
check_rc 0 "pause (setup)"
python3 tests/mockapi/mockctl.py "$BASE" - GET /__mock/events >"$tmp/mock_events.json"
# what the feed must give: every campaign.* / target.* event the mock recorded, in seq order
cat >"$tmp/want.py" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
evs = d["events"] if isinstance(d, dict) else d
for e in evs:
    e = e.get("event", e)
    if e["type"].split(".")[0] in ("campaign", "target"):
        print(e["seq"], e["type"])
PYEOF
python3 "$tmp/want.py" "$tmp/mock_events.json" >"$tmp/want_events"
last=$(tail -n 1 "$tmp/want_events" | cut -d' ' -f1)

run --base-url "$API" events
check_rc 0 "events: the feed read to its end"
sed -n 's/^seq=\([0-9]*\) type=\([^ ]*\) .*/\1 \2/p' "$tmp/out" >"$tmp/got_events"
if [ -s "$tmp/want_events" ] && cmp -s "$tmp/got_events" "$tmp/want_events"; then
    ok "events: every campaign/target event of the mock, in order ($(wc -l <"$tmp/want_events") events)"
else
    bad "events: not the mock's events"; diff "$tmp/want_events" "$tmp/got_events" | head -5
fi
has "type=campaign.paused campaign=$ID status=paused" out "events: the pause arrives as an event"
has "type=target.replied campaign=$ID" out "events: the reply"
has "gap in the feed: 3 event(s) missing" err "events: the seq gap on stderr"
has "read to seq $last" err "events: the position reached on stderr"

run --base-url "$API" --json events --limit 5
check_rc 0 "events --json --limit 5"
json_check 'all(set(["id","seq","type","campaignId"]) <= set(e) for e in (d if isinstance(d, list) else [d])) and [e["seq"] for e in (d if isinstance(d, list) else [d])] == sorted(e["seq"] for e in (d if isinstance(d, list) else [d]))' \
    "events --json: one object per line with id, seq, type and campaignId, in seq order"
n=$(grep -c "^GET /api/v1/events?afterSeq=[0-9]*&limit=5 200$" "$tmp/requests.log")
[ "$n" -ge 2 ] && ok "events --limit 5: follows the pages with afterSeq ($n more requests)" || bad "events --limit 5: $n paged requests"

mid=$(sed -n '3p' "$tmp/want_events" | cut -d' ' -f1)
run --base-url "$API" events --after "$mid"
first=$(sed -n '1s/^seq=\([0-9]*\) .*/\1/p' "$tmp/out")
[ -n "$first" ] && [ "$first" -gt "$mid" ] && ok "events --after $mid: starts after it (seq $first)" || bad "events --after: first seq ${first:-none}"
run --base-url "$API" events --after "$last"
check_rc 0 "events --after the last seq"
[ ! -s "$tmp/out" ] && ok "events --after the last seq: nothing new" || bad "events --after the last seq printed events"
run --base-url "$API" events --limit 0
check_rc 2 "events --limit 0"
run --base-url "$API" events --after 9007199254740992
check_rc 2 "events --after above 2^53-1"
CAMP_TOKEN=revoked-token run --base-url "$API" --json events
check_rc 3 "events with a bad token: exit 3"

# --follow: a pause made while it polls arrives as an event. The pause is made
# after the first poll from the position has been answered (the mock logs a
# request once its response is out), and --max-events 1 ends the run on the
# event, so nothing depends on timing; the timeout only guards against a hang.
run --base-url "$API" enable "$ID"
run --base-url "$API" events --after "$last"
mark=$(sed -n 's/.*read to seq \([0-9]*\) .*/\1/p' "$tmp/err")
timeout 120 "$CAMPCTL" --base-url "$API" events --after "${mark:-0}" --follow --interval 1 \
    --max-events 1 >"$tmp/follow.out" 2>"$tmp/follow.err" &
fpid=$!
i=0
while ! grep -q -E "afterSeq=${mark:-0}( |&)" "$tmp/requests.log" && [ $i -lt 1200 ]; do
    sleep 0.05
    i=$((i + 1))
done
"$CAMPCTL" --base-url "$API" pause "$ID" >/dev/null 2>&1
wait "$fpid"
rc=$?
cp "$tmp/follow.out" "$tmp/out"
check_rc 0 "events --follow --max-events 1"
has "type=campaign.paused campaign=$ID" out "events --follow: the pause made meanwhile arrives"
n=$(wc -l <"$tmp/out")
[ "$n" -eq 1 ] && ok "--max-events 1: exactly one event printed" || bad "--max-events 1: $n lines"
n=$(grep -c -E "afterSeq=${mark:-0}( |&)" "$tmp/requests.log")
[ "$n" -ge 2 ] && ok "events --follow: polled again from the position ($n polls)" || bad "events --follow: $n polls from ${mark:-0}"
run --base-url "$API" events --max-events 0
check_rc 2 "events --max-events 0: usage"

# --- hostile text inside an event: escaped in text, exact in --json -------------------------
cat >"$tmp/hostile.py" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
evs = d["events"] if isinstance(d, dict) else d
ev = [e.get("event", e) for e in evs if e.get("event", e)["type"] == "target.replied"][0]
data = ev["data"]
data["message"]["content"] = "hi\x1b]0;owned\x07\nseq=999 type=campaign.completed forged\u202e"
data["prospect"]["username"] = "evil\u009b2J"
print(json.dumps({"type": "target.replied", "data": data}))
PYEOF
python3 "$tmp/hostile.py" "$tmp/mock_events.json" >"$tmp/hostile.json"
end=$(sed -n 's/.*read to seq \([0-9]*\) .*/\1/p' "$tmp/follow.err")
python3 tests/mockapi/mockctl.py "$BASE" - POST /__mock/events "$(cat "$tmp/hostile.json")" >/dev/null
run --base-url "$API" events --after "${end:-0}"
check_rc 0 "events with hostile text"
has 'message="hi\x1b]0;owned\x07\nseq=999 type=campaign.completed forged\u202e"' out "events: the message escaped"
has 'prospect=@evil\u009b2J' out "events: the username escaped"
[ "$(grep -c '^seq=' "$tmp/out")" -eq 1 ] && ok "events: no forged line" || bad "events: $(grep -c '^seq=' "$tmp/out") lines"
if python3 -c 'import sys; t = open(sys.argv[1], "rb").read().decode("utf-8"); sys.exit(1 if any(0x7f <= ord(c) <= 0x9f or c in "\x1b\x07\u202e" for c in t) else 0)' "$tmp/out"; then
    ok "events: no raw control, C1 or bidi character on stdout"
else
    bad "events: raw control characters on stdout"
fi
run --base-url "$API" --json events --after "${end:-0}"
json_check 'd["message"] == "hi\x1b]0;owned\x07\nseq=999 type=campaign.completed forged\u202e" and d["username"] == "evil\u009b2J"' \
    "events --json: the exact text after JSON decoding"

# --- help lists every command ---------------------------------------------------------------
run --help
for c in whoami events lead-update lead-cancel column-update sender-create contacts; do
    if grep -q "^  $c " "$tmp/out"; then ok "--help lists $c"; else bad "--help lacks $c"; fi
done
run contacts --help
check_rc 0 "contacts --help"
has "usage: campctl [GLOBAL OPTIONS] contacts" out "contacts --help: its usage"

# --- proxies ------------------------------------------------------------------------------------
pport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
aport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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
dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

before=$(connects open)
run --base-url "$API" --proxy "http://127.0.0.1:$pport" get "$ID"
check_rc 0 "get through tinyproxy (--proxy)"
has "name: CLI test" out "through the proxy: the campaign"
[ "$(connects open)" -gt "$before" ] && ok "tinyproxy tunnelled it (CONNECT in its log)" || bad "tinyproxy saw no CONNECT"

before=$(connects open)
http_proxy="http://127.0.0.1:$pport" run --base-url "$API" get "$ID"
check_rc 0 "get through http_proxy from the environment"
[ "$(connects open)" -gt "$before" ] && ok "http_proxy is honoured for an http:// base URL" || bad "http_proxy ignored"

http_proxy="http://127.0.0.1:$dead" no_proxy="localhost,127.0.0.1" run --base-url "$API" get "$ID"
check_rc 0 "no_proxy lists the host: direct, the dead proxy is not used"
http_proxy="http://127.0.0.1:$dead" run --base-url "$API" --proxy '' get "$ID"
check_rc 0 "--proxy '' ignores http_proxy"
https_proxy="http://127.0.0.1:$dead" run --base-url "$API" get "$ID"
check_rc 0 "https_proxy does not apply to an http:// base URL"
run --base-url "$API" --proxy "http://127.0.0.1:$dead" --timeout-ms 3000 get "$ID"
check_rc 6 "a proxy that is not listening: network error"

run --base-url "$API" --proxy "http://127.0.0.1:$aport" get "$ID"
check_rc 6 "a proxy that wants credentials: exit 6"
has "407" err "the refusal names the proxy's 407"
run --base-url "$API" --json --proxy "http://camp:s3cret@127.0.0.1:$aport" get "$ID"
check_rc 0 "get through tinyproxy with Basic authentication"
if grep -q "s3cret" "$tmp/err"; then bad "the proxy password was printed"; else ok "the proxy password is never printed"; fi

run --base-url "$API" --proxy "https://camp:hunter2@proxy.example:3128" get "$ID"
check_rc 2 "--proxy https://...: usage error"
has "only http:// proxies" err "--proxy https://: says why"
has "https://***@proxy.example:3128" err "--proxy: names the URL without its credentials"
if grep -q hunter2 "$tmp/err"; then bad "a proxy password in an error"; else ok "no password in the error"; fi
run --base-url "$API" --proxy "socks5://127.0.0.1:1080" get "$ID"
check_rc 2 "--proxy socks5://: usage error"
run --base-url "$API" --proxy "http://127.0.0.1:99999" --json get "$ID"
check_rc 2 "--proxy with port 99999: usage error"
json_check 'd["error"]["status"] == "usage" and "--proxy" in d["error"]["message"]' "--proxy error as JSON"
http_proxy="ftp://x" run --base-url "$API" get "$ID"
check_rc 2 "a malformed http_proxy: usage error"
has "http_proxy" err "the error names the variable"

# --- https through the proxy: TLS and the certificate check still concern the API host ---------
sh tests/mockapi/make_certs.sh "$tmp/certs" >/dev/null 2>&1 || bad "make_certs.sh"
python3 tests/mockapi/server.py --certs "$tmp/certs" --port-file "$tmp/tport" --token mock-token \
    --frozen-clock --quiet --exit-after 120 &
pids="$pids $!"
wait_file "$tmp/tport"
TAPI="https://127.0.0.1:$(cat "$tmp/tport")/api/v1"
before=$(connects open)
https_proxy="http://127.0.0.1:$pport" run --base-url "$TAPI" --ca-file "$tmp/certs/ca.crt" whoami
check_rc 0 "https through tinyproxy (https_proxy)"
has "team: libcamp mock team" out "https through the proxy: the answer"
[ "$(connects open)" -gt "$before" ] && ok "https_proxy: tinyproxy tunnelled the TLS connection" || bad "https_proxy: no CONNECT"
https_proxy="http://127.0.0.1:$pport" run --base-url "$TAPI" --ca-file "$tmp/certs/other-ca.crt" whoami
check_rc 7 "https through the proxy, server signed by another CA: exit 7"
https_proxy="http://127.0.0.1:$dead" NO_PROXY="example.com, 127.0.0.1" run --base-url "$TAPI" --ca-file "$tmp/certs/ca.crt" whoami
check_rc 0 "NO_PROXY lists the host: https direct"
run --base-url "$TAPI" --ca-file "$tmp/certs/ca.crt" --proxy "http://127.0.0.1:$aport" whoami
check_rc 6 "https through a proxy that wants credentials: exit 6"
has "407" err "https: the proxy's 407 named"

# --- a TLS close without close_notify cuts a close-delimited body: network error, not a body ---
run --base-url "$API" --json get "$ID"
cp "$tmp/out" "$tmp/campaign.json"
cat >"$tmp/trunc.py" <<'PYEOF'
import os, socket, ssl, sys, threading
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[2] + "/server.crt", sys.argv[2] + "/server.key")
body = open(sys.argv[3], "rb").read().strip()
def serve(kind, raw):
    try:
        raw.settimeout(10)
        c = ctx.wrap_socket(raw, server_side=True)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = c.recv(4096)
            if not chunk:
                break
            data += chunk
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + body)
        if kind == "clean":
            c.unwrap()  # close_notify: the body is complete
        c.close()       # without unwrap: a TCP close only, as a cut on the path looks
    except Exception:
        pass
def listen(kind):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    def loop():
        while True:
            raw, _ = s.accept()
            threading.Thread(target=serve, args=(kind, raw), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
    return s.getsockname()[1]
ports = "%d %d" % (listen("trunc"), listen("clean"))
open(sys.argv[1] + ".tmp", "w").write(ports)
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
threading.Event().wait(120)
PYEOF
python3 "$tmp/trunc.py" "$tmp/trunc.ports" "$tmp/certs" "$tmp/campaign.json" &
pids="$pids $!"
wait_file "$tmp/trunc.ports"
read -r tport_cut tport_clean <"$tmp/trunc.ports"
run --base-url "https://127.0.0.1:$tport_clean/api/v1" --ca-file "$tmp/certs/ca.crt" get "$ID"
check_rc 0 "a close-delimited body ended by close_notify"
has "name: CLI test" out "close_notify: the campaign"
run --base-url "https://127.0.0.1:$tport_cut/api/v1" --ca-file "$tmp/certs/ca.crt" --json get "$ID"
check_rc 6 "the same body ended by a bare TCP close: exit 6 (network), never a complete body"
json_check 'd["error"]["status"] == "CAMP_ERR_NET_TRUNCATED"' "the cut is CAMP_ERR_NET_TRUNCATED"

# --- --timeout-ms is the whole request ----------------------------------------------------------
# A server that answers one byte every 200 ms: each read succeeds in time, so only
# a deadline for the whole request stops it.
python3 "$root/tests/support/trickle_server.py" "$tmp/trickle.port" &
pids="$pids $!"
wait_file "$tmp/trickle.port"
t0=$(date +%s%N)
run --base-url "http://127.0.0.1:$(cat "$tmp/trickle.port")/api/v1" --timeout-ms 1500 get "$ID"
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
check_rc 6 "a trickling server: timeout"
if [ "$ms" -ge 1400 ] && [ "$ms" -lt 4000 ]; then
    ok "--timeout-ms 1500 ends the whole request in ${ms} ms"
else
    bad "--timeout-ms 1500 took ${ms} ms"
fi

finish
