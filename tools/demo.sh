#!/bin/sh
# `make demo`: libcamp end to end, against the bundled mock InboxApp API over
# HTTPS, in well under a minute once built. Every step prints a heading and the
# commands it runs; the mock server is stopped on exit, whatever happens.
#
#   sh tools/demo.sh            (BUILD=dir to build elsewhere; default build)
set -u
BUILD=${BUILD:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
demo=$BUILD/demo
certs=$BUILD/tls-certs
server_pid=""
receiver_pid=""

cleanup() {
    for p in $receiver_pid $server_pid; do
        if kill -0 "$p" 2>/dev/null; then
            kill "$p" 2>/dev/null
            wait "$p" 2>/dev/null
        fi
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

n=0
if [ -t 1 ]; then bold=$(printf '\033[1m'); plain=$(printf '\033[0m'); else bold=""; plain=""; fi
step() {
    n=$((n + 1))
    printf '\n%s== %d. %s%s\n' "$bold" "$n" "$*" "$plain"
}
say() { printf '   %s\n' "$*"; }
# Show a command (shortened; the token is never on a command line, it lives in
# $CAMP_TOKEN), run it with its output indented as it comes, return its status.
run() {
    printf '   $ %s\n' "$*" | sed "s|$BUILD/bin/||; s|https://127.0.0.1:[0-9]*/api/v1|\$API|g; s|--ca-file [^ ]*|--ca-file \$CA|g; s|$demo/||g"
    { "$@" 2>&1; echo $? >"$demo/rc"; } | sed 's/^/     /'
    return "$(cat "$demo/rc")"
}
die() {
    printf '\n   demo failed: %s\n' "$*"
    [ -s "$demo/mockapi.log" ] && { echo "   last requests seen by the mock API:"; tail -n 5 "$demo/mockapi.log" | sed 's/^/     /'; }
    exit 1
}

step "Dependencies (Debian packages: compiler, jsmn, mbedTLS, openssl, python3, tzdata)"
sh tools/deps.sh --demo || die "install the packages listed above, then run make demo again"
say "all present"

step "Build libcamp, the TLS port and the examples"
mkdir -p "$demo"
if make --no-print-directory BUILD="$BUILD" -j2 all >"$demo/build.log" 2>&1; then
    say "built into $BUILD/ (campctl, reporter, receiver, libcamp*.a)"
else
    tail -n 20 "$demo/build.log" | sed 's/^/     /'
    die "the build failed (full log: $demo/build.log)"
fi
campctl_bin=$BUILD/bin/campctl
reporter_bin=$BUILD/bin/reporter
[ -x "$campctl_bin" ] && [ -x "$reporter_bin" ] || die "campctl or reporter missing after the build"

step "A test certificate authority for the local HTTPS server"
sh tests/mockapi/make_certs.sh "$certs" >/dev/null || die "make_certs.sh failed"
say "CA and server certificate for 127.0.0.1 in $certs/ (generated with openssl)"

step "Start the mock InboxApp API over HTTPS"
rm -f "$demo/port" "$demo/mockapi.log"
# --speed 1800: one real second is 30 simulated minutes, so counts move while we watch.
python3 tests/mockapi/server.py --certs "$certs" --port-file "$demo/port" --log "$demo/mockapi.log" \
    --token demo-token --speed 1800 --quiet --exit-after 120 &
server_pid=$!
i=0
while [ ! -s "$demo/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$demo/port" ] || die "the mock API did not start"
port=$(cat "$demo/port")
api="https://127.0.0.1:$port/api/v1"
export CAMP_TOKEN=demo-token
say "listening on $api (pid $server_pid); requests are logged to $demo/mockapi.log"
say "campctl and the reporter verify its certificate against the test CA (--ca-file)"
ctl() { run "$campctl_bin" --base-url "$api" --ca-file "$certs/ca.crt" "$@" || die "campctl $1 failed"; }

step "Check the token: whoami (GET /team, the documented token check)"
say "it also compares the server's clock (its Date header) with this machine's"
ctl whoami

step "Create a campaign (it starts as a draft)"
"$campctl_bin" --base-url "$api" --ca-file "$certs/ca.crt" --json create --name "Demo: Q1 founders" \
    --account r4t9vw15jm6bn3yxcf2dq8ek --timezone Europe/Berlin >"$demo/created.json" 2>&1 ||
    { cat "$demo/created.json"; die "create failed"; }
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$demo/created.json" 2>/dev/null) ||
    die "no campaign id in: $(cat "$demo/created.json")"
say "\$ campctl create --name \"Demo: Q1 founders\" --account r4t9vw15jm6bn3yxcf2dq8ek --timezone Europe/Berlin"
say "created campaign $id"
ctl get "$id"

step "Try to enable it now: too early, the API refuses"
say "(no leads and no sequence yet; campctl exits 1 and prints the API's reason)"
"$campctl_bin" --base-url "$api" --ca-file "$certs/ca.crt" enable "$id" >"$demo/enable1.out" 2>&1
rc=$?
printf '   $ campctl enable %s\n' "$id"
sed 's/^/     /' "$demo/enable1.out"
[ $rc -eq 1 ] || die "enable should have been refused (exit $rc)"
say "exit status $rc: refused, as expected"

step "Add 60 leads (X usernames)"
python3 - "$demo/leads.json" <<'EOF'
import json, sys
names = ["founder%02d" % i for i in range(1, 61)]
json.dump({"platform": "twitter", "usernames": names}, open(sys.argv[1], "w"))
EOF
ctl leads-add "$id" "$demo/leads.json"

step "Set the message sequence: opener, wait a day, follow-up"
cat >"$demo/sequence.json" <<'EOF'
{"steps": [
  {"type": "message", "data": {"segments": [
    {"type": "variation", "options": ["Hey", "Hi"]},
    {"type": "static", "text": " "},
    {"type": "variable", "name": "first-name", "fallback": "there"},
    {"type": "static", "text": ", saw your work at "},
    {"type": "variable", "name": "custom_q5cktl47a6pqa74eu06fz89v", "fallback": "your company"},
    {"type": "static", "text": ". Open to a quick chat?"}]}},
  {"type": "delay", "data": {"delaySeconds": 86400, "unit": "days"}},
  {"type": "message", "data": {"segments": [
    {"type": "static", "text": "Just following up on my note above!"}]}}
]}
EOF
ctl sequence-set "$id" "$demo/sequence.json"

step "Enable it: draft -> active"
ctl enable "$id"

step "Watch it as a device would: the reporter polls every 2 s (3 polls)"
say "one line per campaign: status, contacted/targets, reply rate, sending window now;"
say "usdjpdql3f90seqk13rwuo7z is the API docs' example campaign (New York office hours);"
say "--verbose shows the TLS session being resumed: only the first poll pays a full handshake"
run "$reporter_bin" --base-url "$api" --ca-file "$certs/ca.crt" --interval 2 --count 3 --verbose \
    "$id" usdjpdql3f90seqk13rwuo7z ||
    die "the reporter failed"

step "Follow it through the event feed, as a device behind NAT would (no webhook endpoint)"
say "reporter --events reads GET /events from its stored position: campaign state changes"
say "and replies as they arrive; the position (lastSeq) is kept in a state file that is"
say "replaced atomically (temp file, fsync, rename), so a power cut cannot corrupt it"
rm -f "$demo/reporter.state"
run "$reporter_bin" --base-url "$api" --ca-file "$certs/ca.crt" --events --state "$demo/reporter.state" \
    --count 1 "$id" || die "the reporter could not read the feed"
say "state file: $(cat "$demo/reporter.state")"

step "Pause it: active -> paused"
ctl pause "$id"

step "The pause arrives through the feed"
run "$reporter_bin" --base-url "$api" --ca-file "$certs/ca.crt" --events --state "$demo/reporter.state" \
    --count 1 "$id" >"$demo/events2.out"
cat "$demo/events2.out"
grep -q "$id  campaign paused" "$demo/events2.out" || die "the pause did not arrive as an event"
say "only what happened since the stored position; state file now: $(cat "$demo/reporter.state")"

step "Report again: paused, the counts no longer move"
run "$reporter_bin" --base-url "$api" --ca-file "$certs/ca.crt" --interval 1 --count 2 "$id" ||
    die "the reporter failed"

step "A gateway's webhook receiver: start it and subscribe it to the mock's events"
receiver_bin=$BUILD/bin/receiver
[ -x "$receiver_bin" ] || die "receiver missing after the build"
say "it listens on 127.0.0.1, checks each delivery's X-Inbox-Signature (HMAC-SHA256) before"
say "reading the JSON, and drops an event id or seq it has already accepted"
say "the signing secret comes from \$CAMP_WEBHOOK_SECRET, never from the command line"
rm -f "$demo/receiver.port"
CAMP_WEBHOOK_SECRET=ibt_wh_demo_secret "$receiver_bin" --port-file "$demo/receiver.port" \
    >"$demo/receiver.out" 2>"$demo/receiver.err" &
receiver_pid=$!
i=0
while [ ! -s "$demo/receiver.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
[ -s "$demo/receiver.port" ] || die "the receiver did not start: $(cat "$demo/receiver.err")"
hook_url="http://127.0.0.1:$(cat "$demo/receiver.port")/hook"
say "\$ CAMP_WEBHOOK_SECRET=... receiver --port-file receiver.port   (listening on $hook_url)"
mockctl() { python3 tests/mockapi/mockctl.py "https://127.0.0.1:$port" "$certs/ca.crt" "$@"; }
mockctl POST /__mock/webhooks "{\"url\": \"$hook_url\", \"secret\": \"ibt_wh_demo_secret\", \"format\": \"v1\"}" \
    >/dev/null || die "the mock refused the webhook subscription"
say "the mock now POSTs every new event there, signed with the same secret"

step "Resume the campaign: the receiver accepts the signed deliveries"
ctl enable "$id"
mockctl POST /__mock/webhooks/flush >/dev/null
say "receiver output for $id (one line per accepted event):"
grep -F "campaign=$id " "$demo/receiver.out" | head -n 6 | sed 's/^/     /'
resumed=$(sed -n "s/^accepted seq=\([0-9]*\) type=campaign.resumed campaign=$id .*/\1/p" "$demo/receiver.out")
[ -n "$resumed" ] || die "the receiver did not accept campaign.resumed (stderr: $(tail -n 3 "$demo/receiver.err"))"
say "campaign.resumed arrived as seq $resumed, signature checked"

step "Replay that delivery byte for byte, then once with a 10-minute-old signature"
mockctl POST /__mock/webhooks/replay "{\"seq\": $resumed}" >"$demo/replay.json" || die "replay control failed"
mockctl POST /__mock/webhooks/deliver "{\"seq\": $resumed, \"age\": 600}" >"$demo/stale.json" ||
    die "deliver control failed"
replay=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["body"].strip())' "$demo/replay.json")
stale=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["body"].strip())' "$demo/stale.json")
say "replay:         HTTP $replay"
say "old signature:  HTTP $stale"
say "receiver stderr:"
grep -E '^(ignored|refused)' "$demo/receiver.err" | sed 's/^/     /'
case $replay in 200*ignored*) ;; *) die "the replay was not dropped as a duplicate" ;; esac
case $stale in 401*) ;; *) die "the stale signature was not refused with 401" ;; esac
[ "$(grep -c "^accepted seq=$resumed " "$demo/receiver.out")" -eq 1 ] || die "the replayed event was accepted twice"
say "the replay was dropped (200 so a sender stops retrying; never processed twice), the old one refused"
kill "$receiver_pid" 2>/dev/null
wait "$receiver_pid" 2>/dev/null
receiver_pid=""

step "Outbox (the email API): a sender identity, an email campaign that uses it, the contacts"
outbox="https://127.0.0.1:$port"
printf '%s\n' '{"from_email": "founders@example.com", "company": "3f8e2a9c-1b7d-4c6e-9a5f-2d4b8e7c1a3f",' \
    ' "from_name": "Demo founders team"}' >"$demo/sender.json"
"$campctl_bin" --base-url "$outbox" --ca-file "$certs/ca.crt" --json sender-create "$demo/sender.json" \
    >"$demo/sender.out" 2>&1 || { cat "$demo/sender.out"; die "sender-create failed"; }
sender=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$demo/sender.out" 2>/dev/null) ||
    die "no sender id in: $(cat "$demo/sender.out")"
say "\$ campctl sender-create sender.json"
say "sender identity $sender (founders@example.com)"
printf '{"name": "Demo: Q1 founders (email)", "company": "3f8e2a9c-1b7d-4c6e-9a5f-2d4b8e7c1a3f",\n "sender_identity_ids": ["%s"], "timezone": "Europe/Berlin"}\n' \
    "$sender" >"$demo/email.json"
run "$campctl_bin" --base-url "$outbox" --ca-file "$certs/ca.crt" --json outbox-create "$demo/email.json" \
    >"$demo/email.out" || { cat "$demo/email.out"; die "outbox-create failed"; }
sed -n "1p" "$demo/email.out"
python3 - "$demo/email.out" "$sender" <<'PY' || die "the email campaign does not use the sender"
import json, sys
line = [l for l in open(sys.argv[1]) if l.strip().startswith("{")][0]
d = json.loads(line)
print("     id %s, status %s, sender_identity_ids %s" % (d["id"], d["status"], d["sender_identity_ids"]))
sys.exit(0 if d["sender_identity_ids"] == [sys.argv[2]] else 1)
PY
say "the email campaign sends from the new sender identity"
say "the first contacts (20 a page; --all follows every page):"
run "$campctl_bin" --base-url "$outbox" --ca-file "$certs/ca.crt" contacts --sort-by created_at \
    --sort-direction asc >"$demo/contacts.out" || die "contacts failed"
head -n 6 "$demo/contacts.out"
grep -q "page 1: 20 of" "$demo/contacts.out" || die "no contacts page"

step "Stop the mock API"
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null
server_pid=""
say "stopped; it answered $(wc -l <"$demo/mockapi.log" | tr -d ' ') requests:"
sed 's/^/     /' "$demo/mockapi.log" | tail -n 12
printf '\n%sDemo finished.%s Next: README.md, docs/tls.md, examples/reporter/reporter.c\n' "$bold" "$plain"
exit 0
