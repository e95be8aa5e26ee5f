#!/bin/sh
# The reporter against a scripted plain-HTTP server started here on 127.0.0.1:
# exact percentages, rounded half up, for counts up to 2^53-1 (the expected
# values are computed with Python's exact fractions); reply rates rounded the
# same way; server text (error messages and codes, request ids, zone names)
# escaped; --help on stdout with exit 0; --version; exit 1 when a campaign of
# the last round failed.
#
#   BUILD=build SHARED=../shared sh tests/scripts/reporter.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
REPORTER=$BUILD/bin/reporter
FIX=$SHARED/fixtures
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

if [ ! -x "$REPORTER" ] || ! command -v python3 >/dev/null 2>&1 || [ ! -f "$FIX/inboxapp-campaign-get-response.json" ]; then
    echo "FAIL - needs $REPORTER, python3 and $FIX"
    echo "0 passed, 1 failed"
    exit 1
fi

# The scenarios: campaign ID -> (contacted, targets, replyRate). IDs are [0-9a-z].
cat >"$tmp/cases.py" <<'EOF'
MAX = 2**53 - 1
CASES = {
    "maxall": (MAX, MAX, 1),
    "maxminusone": (MAX - 1, MAX, 0.99995),
    "third": (MAX // 3, MAX, 0.0005),
    "twothirds": (2, 3, 0.12345),
    "halfup": (1, 2000, 0.00049),
    "under": (1, 2001, 0.0004),
    "notargets": (0, 0, 0),
    "morethanall": (MAX, 1, 0.5),
}
EOF

cat >"$tmp/server.py" <<'EOF'
import json, os, socketserver, sys
sys.path.insert(0, sys.argv[1])
from cases import CASES
DIR, FIX = sys.argv[1], sys.argv[2]
camp = json.load(open(os.path.join(FIX, "inboxapp-campaign-get-response.json")))
# always open: every day 00:00-24:00 in UTC
camp["scheduleTimezone"] = "UTC"
camp["scheduleHours"] = {str(d): {"start": 0, "end": 1440} for d in range(7)}

def answer(key):
    if key in CASES:
        c = dict(camp)
        c["id"] = key
        c["contactedCount"], c["targetsCount"], c["replyRate"] = CASES[key]
        return 200, [], json.dumps(c).encode()
    if key == "badzone":
        c = dict(camp)
        c["id"] = key
        c["scheduleTimezone"] = "Evil\x1b[2J\u009b/Zone"
        return 200, [], json.dumps(c).encode()
    msgs = {"refused": (422, "VALIDATION\x07", "no \x1b]0;owned\x07 leads\nforged line"),
            "broken": (500, "INTERNAL", "db \u009b5m down \u202e")}
    status, code, message = msgs.get(key, (404, "NOT_FOUND", "no route"))
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    return status, [b"X-Request-Id: req\xc2\x9b\xff"], body

class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        raw = b""
        while b"\r\n\r\n" not in raw and len(raw) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            raw += chunk
        key = raw.split(b" ", 2)[1].decode().rstrip("/").split("/")[-1]
        status, extra, body = answer(key)
        head = [b"HTTP/1.1 %d X" % status, b"Content-Type: application/json",
                b"Content-Length: %d" % len(body), b"Connection: close"] + extra
        self.request.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)

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
URL="http://127.0.0.1:$(cat "$tmp/port")/api/v1"
export CAMP_TOKEN=good-token

# --- percentages -----------------------------------------------------------------------------
ids=$(python3 -c "import sys; sys.path.insert(0, '$tmp'); from cases import CASES; print(' '.join(CASES))")
# shellcheck disable=SC2086
"$REPORTER" --base-url "$URL" --count 1 --interval 1 $ids >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ]; then ok "eight campaigns: exit 0"; else bad "eight campaigns: exit $rc ($(cat "$tmp/err"))"; fi
python3 - "$tmp" "$tmp/out" <<'EOF' >"$tmp/verdicts"
import sys
from fractions import Fraction
sys.path.insert(0, sys.argv[1])
from cases import CASES

def pct(part, whole):
    if whole <= 0:
        return "n/a"
    tenths = Fraction(part * 1000, whole)
    r = int(tenths)  # floor (values are >= 0)
    if tenths - r >= Fraction(1, 2):
        r += 1
    return "%d.%d%%" % (r // 10, r % 10)

out = open(sys.argv[2], encoding="utf-8").read().splitlines()
for key, (contacted, targets, rate) in CASES.items():
    lines = [l for l in out if l.split()[1:2] == [key]]
    if len(lines) != 1:
        print("FAIL %s: %d lines" % (key, len(lines)))
        continue
    want = "contacted %d/%d (%s)" % (contacted, targets, pct(contacted, targets))
    print(("ok" if want in lines[0] else "FAIL") + " %s: %s" % (key, want))
    millionths = round(Fraction(str(rate)) * 1000000)
    want = "reply rate %s " % pct(millionths, 1000000)
    print(("ok" if want in lines[0] else "FAIL") + " %s: %s" % (key, want))
EOF
while IFS= read -r v; do
    case $v in
        ok\ *) ok "${v#ok }" ;;
        *) bad "${v#FAIL }"; grep -F "$(printf '%s' "$v" | cut -d' ' -f2 | tr -d :)" "$tmp/out" ;;
    esac
done <"$tmp/verdicts"
# the values the issue named, spelled out
if grep -qF "contacted 9007199254740991/9007199254740991 (100.0%)" "$tmp/out"; then ok "2^53-1 of 2^53-1 is 100.0%"; else bad "2^53-1 of 2^53-1"; fi
if grep -qF "contacted 2/3 (66.7%)" "$tmp/out"; then ok "2 of 3 is 66.7% (rounded, not 66.6)"; else bad "2 of 3"; fi
if grep -qF "contacted 1/2000 (0.1%)" "$tmp/out"; then ok "1 of 2000 is 0.1% (half up)"; else bad "1 of 2000"; fi

# --- escaping ----------------------------------------------------------------------------------
"$REPORTER" --base-url "$URL" --count 1 --interval 1 badzone refused broken >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ]; then ok "failures in the last round: exit 1"; else bad "failures: exit $rc"; fi
if python3 - "$tmp/out" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("invalid UTF-8 at", e.start); sys.exit(1)
m = re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", text)
if m:
    print("unsafe U+%04X" % ord(m.group())); sys.exit(1)
EOF
then ok "no raw control, C1, bidi or invalid UTF-8 byte on stdout"; else bad "unsafe bytes on stdout"; fi
for want in 'no \x1b]0;owned\x07 leads\nforged line' 'VALIDATION\x07' 'request id req\u009b\xff' \
    'db \u009b5m down \u202e'; do
    if grep -qF -- "$want" "$tmp/out"; then ok "escaped: $want"; else bad "not shown escaped: $want"; fi
done
if grep -q "^forged line" "$tmp/out"; then bad "a forged line"; else ok "no forged line"; fi
if grep -qF 'Evil\x1b[2J\u009b/Zone' "$tmp/out"; then
    ok "hostile zone name escaped"
elif grep -q "^#1 *badzone *error" "$tmp/out"; then
    ok "hostile zone name refused by the decoder (never printed)"
else
    bad "hostile zone name: $(grep badzone "$tmp/out")"
fi

# --- help and version ------------------------------------------------------------------------------
"$REPORTER" --help >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "^usage: " "$tmp/out" && [ ! -s "$tmp/err" ]; then ok "--help: stdout, exit 0"; else bad "--help: exit $rc"; fi
"$REPORTER" --version >"$tmp/out" 2>&1
want=$(awk '/^#define CAMP_VERSION_STRING/ { gsub(/"/, "", $3); print $3 }' include/camp/camp_version.h)
if [ "$(cat "$tmp/out")" = "reporter (libcamp) $want" ]; then ok "--version"; else bad "--version: $(cat "$tmp/out")"; fi
"$REPORTER" --interval 0 x >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 2 ]; then ok "bad --interval: exit 2"; else bad "bad --interval: exit $rc"; fi
"$REPORTER" --base-url "$(printf 'ftp://\033[2J')" x >"$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -qF 'ftp://\x1b[2J' "$tmp/out"; then ok "bad --base-url: escaped, exit 2"; else bad "bad --base-url: exit $rc"; fi

finish
