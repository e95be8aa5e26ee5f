#!/bin/sh
# The reporter against the mock API (tests/mockapi/server.py, plain HTTP, frozen
# clock): through tinyproxy on loopback (--proxy, http_proxy, no_proxy, a proxy
# that wants credentials, bad proxy URLs); --events with a state file (resume
# after a restart, nothing shown twice, a corrupt or cut file means "from the
# beginning" with a warning, replaced by rename, mode 600, seq gaps reported);
# the device clock against the server's Date (warning, --server-time for the
# window decision); and --timeout-ms as one deadline for the whole request.
#
#   BUILD=build SHARED=../shared sh tests/scripts/reporter_mock.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
FIX=$SHARED/fixtures
REPORTER=$BUILD/bin/reporter
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
    sed 's/^/    | /' "$tmp/out" 2>/dev/null | head -n 12
}
for tool in python3 tinyproxy; do
    command -v "$tool" >/dev/null 2>&1 || { bad "needs $tool (tools/deps.sh)"; finish; }
done
[ -x "$REPORTER" ] && [ -x "$CAMPCTL" ] || { bad "needs $REPORTER and $CAMPCTL"; finish; }
[ -f "$FIX/inboxapp-campaign-get-response.json" ] || { bad "needs the fixtures in $FIX"; finish; }
unset https_proxy HTTPS_PROXY http_proxy HTTP_PROXY no_proxy NO_PROXY all_proxy ALL_PROXY

python3 tests/mockapi/server.py --plain --port-file "$tmp/port" --log "$tmp/requests.log" \
    --token rep-token --frozen-clock --quiet --exit-after 150 &
pids="$pids $!"
wait_file "$tmp/port"
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
# https through the proxy: the TLS handshake runs through the tunnel
sh tests/mockapi/make_certs.sh "$tmp/certs" >/dev/null 2>&1 || bad "make_certs.sh"
python3 tests/mockapi/server.py --certs "$tmp/certs" --port-file "$tmp/tport" --token rep-token \
    --frozen-clock --quiet --exit-after 120 &
pids="$pids $!"
wait_file "$tmp/tport"
TAPI="https://127.0.0.1:$(cat "$tmp/tport")/api/v1"
before=$(connects open)
https_proxy="http://127.0.0.1:$pport" run --base-url "$TAPI" --ca-file "$tmp/certs/ca.crt" --count 2 --interval 1 --verbose $SEED
check_rc 0 "reporter over https through tinyproxy (https_proxy), two polls"
has "#2   $SEED  active" "https through the proxy: the second poll"
has "tls: session resumed" "https through the proxy: the TLS session is resumed through the tunnel"
[ "$(connects open)" -ge $((before + 2)) ] && ok "https_proxy: one tunnel per poll" || bad "https_proxy: $(($(connects open) - before)) tunnels"

run --base-url "$API" --count 1 --proxy "socks5://127.0.0.1:1080" $SEED
check_rc 2 "--proxy socks5://: usage error"
has "only http:// proxies" "--proxy socks5://: says why"
http_proxy="http://:0" run --base-url "$API" --count 1 $SEED
check_rc 2 "a malformed http_proxy: usage error"
has "http_proxy" "the error names the variable"

# --- --events: the feed, a state file, restarts ---------------------------------------------
mockctl() { python3 tests/mockapi/mockctl.py "$BASE" - "$@" >/dev/null; }
ctl() { "$CAMPCTL" --base-url "$API" "$@" >"$tmp/ctl.out" 2>&1 || { bad "campctl $1 (setup)"; cat "$tmp/ctl.out"; }; }
"$CAMPCTL" --base-url "$API" --json create --name "Events test" --account r4t9vw15jm6bn3yxcf2dq8ek >"$tmp/created.json"
ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/created.json" 2>/dev/null)
[ -n "$ID" ] || { bad "create (setup)"; finish; }
python3 -c 'import json,sys; json.dump({"platform":"twitter","usernames":["ev%02d"%i for i in range(40)]}, open(sys.argv[1],"w"))' "$tmp/leads.json"
ctl leads-add "$ID" "$tmp/leads.json"
printf '%s' '{"steps":[{"type":"message","data":{"segments":[{"type":"static","text":"Hi"}]}}]}' >"$tmp/seq.json"
ctl sequence-set "$ID" "$tmp/seq.json"
ctl enable "$ID"
mockctl POST /__mock/advance '{"seconds": 5400}'
ctl pause "$ID"
state=$tmp/dev/reporter.state
mkdir -p "$tmp/dev"
last_seq() { "$CAMPCTL" --base-url "$API" events --after 0 2>&1 >/dev/null | sed -n 's/.*read to seq \([0-9]*\) .*/\1/p'; }
L1=$(last_seq)

run --base-url "$API" --events --state "$state" --count 1 "$ID"
check_rc 0 "--events: the feed read"
has "does not exist yet: reading the feed from its beginning" "--events: no state file yet: from the beginning, said"
has "$ID  campaign created" "--events: campaign.created"
has "$ID  campaign started (now active" "--events: campaign.started"
has "$ID  reply from @ev" "--events: the reply, with the prospect"
has "$ID  campaign paused (now paused, contacted 12/40" "--events: the pause, with the counts"
if grep -q "contacted @" "$tmp/out"; then bad "--events: contacted events shown without --verbose"; else ok "--events: contacted events only with --verbose"; fi
if grep -q "usdjpdql3f90seqk13rwuo7z" "$tmp/out"; then bad "--events ID: another campaign's events shown"; else ok "--events ID: only that campaign's events"; fi
if [ "$(cat "$state")" = "lastSeq $L1" ]; then ok "state file: lastSeq $L1"; else bad "state file: '$(cat "$state")', want 'lastSeq $L1'"; fi
[ "$(stat -c %a "$state")" = 600 ] && ok "state file mode 600" || bad "state file mode $(stat -c %a "$state")"
[ -z "$(ls "$tmp/dev" | grep -v '^reporter.state$')" ] && ok "no temporary file left beside it" || bad "left: $(ls "$tmp/dev")"
ino1=$(stat -c %i "$state")

run --base-url "$API" --events --state "$state" --count 1 "$ID"
check_rc 0 "--events again"
has "after seq $L1" "--events resumes after the stored lastSeq"
if grep -q "  campaign \|reply from" "$tmp/out"; then bad "--events again: old events shown twice"; else ok "--events again: nothing shown twice"; fi

ctl enable "$ID"
mockctl POST /__mock/events/skip '{"count": 2}'
ctl pause "$ID"
run --base-url "$API" --events --state "$state" --count 1 --verbose "$ID"
check_rc 0 "--events after a resume and a pause"
has "$ID  campaign resumed" "only the new events: campaign.resumed"
has "$ID  campaign paused" "... and the new pause"
[ "$(grep -c "  campaign " "$tmp/out")" -le 3 ] && ok "... and nothing older" || bad "older events shown again"
has "gap in the feed: 2 event(s) missing" "a seq gap is reported"
L2=$(last_seq)
[ "$(cat "$state")" = "lastSeq $L2" ] && ok "state file moved on to $L2" || bad "state file: $(cat "$state"), want $L2"
[ "$(stat -c %i "$state")" != "$ino1" ] && ok "the state file is replaced (rename), not rewritten in place" || bad "same inode: rewritten in place"

printf 'lastSeq 9\xff\n' >"$state"
run --base-url "$API" --events --state "$state" --count 1 "$ID"
check_rc 0 "--events with a corrupt state file"
has "is unreadable or not a state file (ignored): reading the feed from its beginning" "a corrupt state file: warned, from the beginning"
has "$ID  campaign created" "a corrupt state file: the whole feed again"
[ "$(cat "$state")" = "lastSeq $L2" ] && ok "a corrupt state file is replaced by a good one" || bad "state after corrupt: $(cat "$state")"
printf 'lastSeq 5' >"$state"
run --base-url "$API" --events --state "$state" --count 1 "$ID"
has "not a state file" "a cut state file (no line end) is not trusted"

# hostile text in a reply arriving through the feed
python3 tests/mockapi/mockctl.py "$BASE" - GET /__mock/events >"$tmp/mock_events.json"
cat >"$tmp/hostile.py" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
evs = d["events"] if isinstance(d, dict) else d
ev = [e.get("event", e) for e in evs if e.get("event", e)["type"] == "target.replied"][0]
data = ev["data"]
data["message"]["content"] = "ok\x1b[2J\n#9   forged  campaign completed\u202e"
print(json.dumps({"type": "target.replied", "data": data}))
PYEOF
python3 tests/mockapi/mockctl.py "$BASE" - POST /__mock/events "$(python3 "$tmp/hostile.py" "$tmp/mock_events.json")" >/dev/null
run --base-url "$API" --events --state "$state" --count 1
check_rc 0 "--events with hostile text in a reply"
has 'ok\x1b[2J\n#9   forged  campaign completed\u202e"' "--events: the reply's text escaped"
if grep -q "^#9" "$tmp/out"; then bad "--events: a forged line"; else ok "--events: no forged line"; fi

run --base-url "$API" --events --count 1 --verbose
check_rc 0 "--events without --state or IDs"
has "usdjpdql3f90seqk13rwuo7z  contacted @" "--events --verbose: every campaign, contacted events too"
run --base-url "$API" --state "$state" --count 1 "$ID"
check_rc 2 "--state without --events: usage"
CAMP_TOKEN=wrong run --base-url "$API" --events --state "$state" --count 1
check_rc 1 "--events with a bad token: exit 1"
has "error: " "--events failure: one line"

# --- the clock -------------------------------------------------------------------------------
# A scripted server whose Date is a fixed instant years away, on a weekday that is
# not today's: its campaign's only sending day is that weekday (09:00-17:00 UTC).
cat >"$tmp/skew.py" <<'EOF'
import datetime, email.utils, json, os, socketserver, sys
DIR, FIX = sys.argv[1], sys.argv[2]
today = datetime.datetime.now(datetime.timezone.utc)
day = datetime.datetime(2031, 1, 6, 10, 0, tzinfo=datetime.timezone.utc)  # a Monday
while day.weekday() == today.weekday():
    day += datetime.timedelta(days=1)
js_day = (day.weekday() + 1) % 7  # scheduleHours: 0 = Sunday
camp = json.load(open(os.path.join(FIX, "inboxapp-campaign-get-response.json")))
camp["scheduleTimezone"] = "UTC"
camp["scheduleHours"] = {str(js_day): {"start": 540, "end": 1020}}
class H(socketserver.StreamRequestHandler):
    def handle(self):
        raw = b""
        while b"\r\n\r\n" not in raw:
            c = self.request.recv(4096)
            if not c:
                return
            raw += c
        path = raw.split(b" ", 2)[1].decode()
        when = day.timestamp() if "skewed" in path else datetime.datetime.now().timestamp()
        c = dict(camp)
        c["id"] = path.rstrip("/").split("/")[-1]
        body = json.dumps(c).encode()
        head = ["HTTP/1.1 200 OK", "Date: " + email.utils.formatdate(when, usegmt=True),
                "Content-Type: application/json", "Content-Length: %d" % len(body), "Connection: close"]
        self.request.sendall("\r\n".join(head).encode() + b"\r\n\r\n" + body)
socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("127.0.0.1", 0), H) as srv:
    open(os.path.join(DIR, "skew.port.tmp"), "w").write(str(srv.server_address[1]))
    os.rename(os.path.join(DIR, "skew.port.tmp"), os.path.join(DIR, "skew.port"))
    srv.serve_forever()
EOF
python3 "$tmp/skew.py" "$tmp" "$FIX" &
pids="$pids $!"
wait_file "$tmp/skew.port"
SKEW="http://127.0.0.1:$(cat "$tmp/skew.port")/api/v1"
run --base-url "$SKEW" --count 1 skewed
check_rc 0 "a server whose clock is years away"
has "warning: the device clock is" "the clock difference is reported"
has "behind the server's (tolerance 300 s)" "... with its direction and the tolerance"
has "skewed  active" "... and the campaign line still comes"
has "window closed" "device clock: the window (only on the server's weekday) is closed"
run --base-url "$SKEW" --count 1 --server-time skewed
has "window open (UTC)" "--server-time: the server's Date decides: open"
run --base-url "$SKEW" --count 1 insync
if grep -q "warning: the device clock" "$tmp/out"; then bad "a server in step: a clock warning"; else ok "a server in step: no clock warning"; fi

# --- one deadline per request ------------------------------------------------------------------
python3 "$root/tests/support/trickle_server.py" "$tmp/trickle.port" &
pids="$pids $!"
wait_file "$tmp/trickle.port"
t0=$(date +%s%N)
run --base-url "http://127.0.0.1:$(cat "$tmp/trickle.port")/api/v1" --count 1 --timeout-ms 1500 $SEED
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
check_rc 1 "a trickling server: the poll fails"
has "error: timed out" "... with the timeout status"
if [ "$ms" -ge 1400 ] && [ "$ms" -lt 4000 ]; then ok "--timeout-ms 1500 ends the request in ${ms} ms"; else bad "--timeout-ms 1500 took ${ms} ms"; fi

finish
