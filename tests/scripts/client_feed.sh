#!/bin/sh
# The client's feed reader end to end against the mock API (plain HTTP, frozen
# clock): a small C program, built here against $BUILD's libraries, reads
# GET /team and then the whole event feed with camp_client_feed_next() in small
# pages; its campaign.* / target.* events must be exactly the feed's, other types
# skipped, a skipped seq range reported as a gap, a resume from a stored lastSeq
# must start right after it, the request id and the server's Date must reach
# c->last. Closing line: "N passed, N failed".
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -f "$BUILD/lib/libcamp.a" ] || [ ! -f "$BUILD/lib/libcamp_posix.a" ]; then
    echo "FAIL - needs $BUILD/lib/libcamp.a and libcamp_posix.a (make BUILD=$BUILD all)"
    echo "0 passed, 1 failed"
    exit 1
fi

cat >"$work/feedprobe.c" <<'EOF'
/* Reads GET /team, then the feed after argv[4] (-1: the beginning) with pages of argv[5]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "camp/camp_client.h"
#include "posix/camp_posix.h"

static uint8_t g_work[65536];
static camp_json_token_t g_toks[8192];

int main(int argc, char **argv)
{
    camp_client_t c;
    camp_posix_t px;
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    camp_inbox_team_t team;
    camp_status_t st;
    unsigned i;
    if (argc != 6) {
        return 2;
    }
    camp_posix_init(&px, 5000);
    if (camp_client_init_inbox(&c, g_work, sizeof g_work, g_toks, 8192) != CAMP_OK) {
        return 2;
    }
    c.host = argv[1];
    c.port = (uint16_t)atoi(argv[2]);
    c.tls = false;
    c.token = argv[3];
    c.transport = camp_posix_transport(&px);
    c.conn.open_until = camp_posix_open_until;
    c.conn.set_deadline = camp_posix_set_deadline;
    c.conn.close = camp_posix_close_cb;
    c.conn.ctx = &px;
    st = camp_client_inbox_get_team(&c, &team);
    if (st != CAMP_OK) {
        printf("error team %d %s %s\n", (int)st, c.last.diag.path, c.last.diag.rule);
        return 1;
    }
    printf("team %.*s rid=%.*s date=%lld\n", (int)team.id.len, team.id.ptr,
           (int)c.last.request_id.len, c.last.request_id.ptr ? c.last.request_id.ptr : "",
           (long long)c.last.server_time);
    camp_client_feed_init(&f, &c, atoll(argv[4]), (unsigned)atoi(argv[5]));
    for (i = 0; i < 100000u; i++) {
        bool done = false;
        st = camp_client_feed_next(&f, &ev, &done);
        if (st != CAMP_OK) {
            printf("error feed %d %s %s\n", (int)st, c.last.diag.path, c.last.diag.rule);
            return 1;
        }
        if (f.gap) {
            printf("gap %lld %lld\n", (long long)f.gap_from, (long long)f.gap_to);
        }
        if (done) {
            if (f.more) {
                continue;
            }
            break;
        }
        printf("event %lld %.*s %.*s\n", (long long)ev.seq, (int)ev.type.len, ev.type.ptr,
               (int)(ev.has_campaign ? ev.campaign.id.len : 1),
               ev.has_campaign ? ev.campaign.id.ptr : "-");
    }
    printf("end %lld stalled=%d rid=%.*s\n", (long long)f.last_seq, (int)f.stalled,
           (int)c.last.request_id.len, c.last.request_id.ptr ? c.last.request_id.ptr : "");
    camp_client_disconnect(&c);
    return 0;
}
EOF
# the sanitizer builds of make check instrument the libraries: link the probe the same way
san=$(make -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
# shellcheck disable=SC2086
if ! $CC -std=c99 -Wall -Wextra -Werror $san -D_POSIX_C_SOURCE=200809L -Iinclude -Iport \
    -o "$work/feedprobe" "$work/feedprobe.c" "$BUILD/lib/libcamp_posix.a" "$BUILD/lib/libcamp.a" -pthread \
    2>"$work/cc.log"; then
    cat "$work/cc.log"
    echo "FAIL - the probe does not build"
    echo "0 passed, 1 failed"
    exit 1
fi

python3 tests/mockapi/server.py --plain --port-file "$work/port" --token feed-token --frozen-clock \
    --quiet --exit-after 120 &
pid=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if [ ! -s "$work/port" ]; then
    echo "FAIL - mock API did not start"
    echo "0 passed, 1 failed"
    exit 1
fi

python3 - "$(cat "$work/port")" "$work/feedprobe" <<'EOF'
import json
import subprocess
import sys
import time
import urllib.request

port, probe = sys.argv[1], sys.argv[2]
base = "http://127.0.0.1:" + port
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Authorization", "Bearer feed-token")
    req.add_header("Content-Type", "application/json")
    with DIRECT.open(req, timeout=30) as r:
        return json.loads(r.read())


def run(after, limit):
    p = subprocess.run([probe, "127.0.0.1", port, "feed-token", str(after), str(limit)],
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout.splitlines()


def feed_all():
    out, after = [], None
    for _ in range(1000):
        page = call("GET", "/api/v1/events" + ("?afterSeq=%d" % after if after is not None else ""))
        out += page["events"]
        if page["lastSeq"] is not None:
            after = page["lastSeq"]
        if not page["hasMore"]:
            break
    return out


# an empty feed first
rc, lines = run(-1, 5)
check(rc == 0 and lines[-1].startswith("end -1 stalled=0"), "empty feed: done at once, lastSeq stays -1")
team_line = lines[0] if lines else ""
check(team_line.startswith("team ") and " rid=req" in team_line,
      "GET /team decoded, X-Request-Id in c->last (%s)" % team_line)
try:
    date = int(team_line.rsplit("date=", 1)[1])
except (IndexError, ValueError):
    date = -1
check(abs(date - time.time()) < 300, "the server's Date in c->last.server_time (%d)" % date)

# campaign life with target events, another type, and a gap of 3 seqs
camp = call("POST", "/api/v1/campaigns/v2", {"name": "Feed", "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]})
cid = camp["id"]
call("POST", "/api/v1/campaigns/v2/%s/leads" % cid, {"usernames": ["feed%03d" % i for i in range(40)]})
call("PUT", "/api/v1/campaigns/v2/%s/sequence" % cid,
     {"steps": [{"type": "message", "data": {"segments": [{"type": "static", "text": "Hi"}]}}]})
call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {})
call("POST", "/__mock/advance", {"seconds": 7200})
call("POST", "/__mock/events", {"type": "thread.created", "data": {"thread": {"id": "t1"}}})
call("POST", "/__mock/events/skip", {"count": 3})
call("POST", "/api/v1/campaigns/%s/pause" % cid, {})

events = feed_all()
want = [(e["seq"], e["type"]) for e in events if e["type"].split(".")[0] in ("campaign", "target")]
others = [e for e in events if e["type"].split(".")[0] not in ("campaign", "target")]
paused = [e["seq"] for e in events if e["type"] == "campaign.paused"]
rc, lines = run(-1, 7)
got = [(int(l.split()[1]), l.split()[2]) for l in lines if l.startswith("event ")]
check(rc == 0, "the probe reads the whole feed (rc %d, last line %s)" % (rc, lines[-1] if lines else ""))
check(len(want) > 7 and got == want,
      "every campaign.*/target.* event in order across pages of 7 (%d of %d)" % (len(got), len(want)))
check(len(others) >= 1 and not any(l.split()[2].startswith("thread.") for l in lines if l.startswith("event ")),
      "thread.created skipped")
check(all(l.split()[3] == cid for l in lines if l.startswith("event campaign")),
      "campaign events carry the campaign id")
gaps = [l for l in lines if l.startswith("gap ")]
check(len(paused) == 1 and gaps == ["gap %d %d" % (paused[0] - 3, paused[0] - 1)],
      "the 3 skipped seqs reported once, before campaign.paused (%s)" % gaps)
check(lines[-1].startswith("end %d stalled=0" % events[-1]["seq"]), "lastSeq ends at the feed's last seq")

# resume from a stored lastSeq
rc, lines = run(paused[0] - 1, 0)
got = [(int(l.split()[1]), l.split()[2]) for l in lines if l.startswith("event ")]
check(rc == 0 and got == [(paused[0], "campaign.paused")], "resume after seq %d: only the pause" % (paused[0] - 1))
rc, lines = run(events[-1]["seq"], 0)
check(rc == 0 and not any(l.startswith("event ") for l in lines)
      and lines[-1].startswith("end %d stalled=0" % events[-1]["seq"]), "resume at the end: nothing new")

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
