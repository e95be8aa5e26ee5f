#!/bin/sh
# The mock API's event replay feed, GET /api/v1/events (spec/inboxapp.md §8.5):
# paging by afterSeq / hasMore / lastSeq, limit and afterSeq bounds (400 for a
# non-integer, 422 out of range), envelopes and payloads per §8.1 / §8.2 / §3.3,
# other event types present, seq gaps, the per-step cap, 7-day retention, request
# ids and the v2 error body. The mock runs over plain HTTP with a frozen clock.
# Closing line: "N passed, N failed".
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
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

python3 tests/mockapi/server.py --plain --port-file "$work/port" --token feed-token --frozen-clock \
    --quiet --exit-after 170 &
pid=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if [ ! -s "$work/port" ]; then
    echo "FAIL - mock API did not start"
    echo "0 passed, 1 failed"
    exit 1
fi

python3 - "http://127.0.0.1:$(cat "$work/port")" "$SHARED" "$work/counts" <<'EOF'
import json
import sys
import urllib.error
import urllib.request

base, shared = sys.argv[1], sys.argv[2]
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via $http_proxy
passed = failed = 0
MAX_SAFE = 9007199254740991


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def call(method, path, body=None, token="Bearer feed-token", headers=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    if token:
        req.add_header("Authorization", token)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with DIRECT.open(req, timeout=30) as r:
            return r.status, json.loads(r.read()), r.headers
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read()), e.headers


def feed(query=""):
    return call("GET", "/api/v1/events" + query)


def read_all(after=None, limit=None):
    """Follow lastSeq as afterSeq while hasMore, like a client must."""
    out, pages, cursor = [], 0, after
    while True:
        q = []
        if cursor is not None:
            q.append("afterSeq=%d" % cursor)
        if limit is not None:
            q.append("limit=%d" % limit)
        st, page, _ = feed("?" + "&".join(q) if q else "")
        assert st == 200, (st, page)
        pages += 1
        out += page["events"]
        if page["events"]:
            cursor = page["lastSeq"]
        if not page["hasMore"] or pages > 1000:
            return out, pages


def fixture(name):
    with open("%s/fixtures/%s" % (shared, name), encoding="utf-8") as f:
        return json.load(f)


ENVELOPE = {"id", "seq", "teamId", "type", "timestamp", "version", "data"}
SUMMARY = set(fixture("inboxapp-webhook-campaign-created.json")["data"]["campaign"])
TARGET = fixture("inboxapp-webhook-target-contacted.json")["data"]

# --- auth and an empty feed -------------------------------------------------------------------
st, body, _ = call("GET", "/api/v1/events", token=None)
check(st == 401, "GET /events without a token: 401")
st, page, hdrs = feed()
check(st == 200 and page == {"events": [], "hasMore": False, "lastSeq": None},
      "a new team's feed: no events, hasMore false, lastSeq null")
check(bool(hdrs.get("X-Request-Id")), "X-Request-Id on a 200 answer")
st, team, _ = call("GET", "/api/v1/team")
check(st == 200 and set(team) == {"id", "name", "slug", "image", "createdAt", "updatedAt"},
      "GET /team: exactly the documented members (%s)" % ",".join(sorted(team)))

# --- events recorded for what the mock does ---------------------------------------------------
st, camp, _ = call("POST", "/api/v1/campaigns/v2", {"name": "Feed", "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]})
cid = camp["id"]
st, page, _ = feed()
ev = page["events"][0] if page["events"] else {}
check(st == 200 and len(page["events"]) == 1 and ev.get("type") == "campaign.created" and ev.get("seq") == 1,
      "create records campaign.created with seq 1")
check(set(ev) == ENVELOPE and ev.get("version") == "1.0" and ev.get("teamId") == team["id"],
      "v1.0 envelope {id, seq, teamId, type, timestamp, version, data}, teamId of GET /team")
check(set(ev.get("data", {})) == {"campaign"} and set(ev["data"]["campaign"]) == SUMMARY
      and ev["data"]["campaign"]["id"] == cid, "campaign.* data: {campaign} in the §3.3 summary shape")
check(page["lastSeq"] == 1 and page["hasMore"] is False, "lastSeq is the page's last seq")

call("POST", "/api/v1/campaigns/v2/%s/leads" % cid, {"usernames": ["feed%03d" % i for i in range(300)]})
call("PUT", "/api/v1/campaigns/v2/%s/sequence" % cid,
     {"steps": [{"type": "message", "data": {"segments": [{"type": "static", "text": "Hi"}]}}]})
call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {})
call("POST", "/__mock/advance", {"seconds": 36000})  # 10 h: 80 contacted here, 80 for the seeded one
call("POST", "/api/v1/campaigns/%s/pause" % cid, {})
call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {})
st, injected, _ = call("POST", "/__mock/events", {"type": "thread.created", "data": {"thread": {"id": "t1"}}})
check(st == 200 and injected["type"] == "thread.created", "test control records a thread.created event")

all_events, pages = read_all()
seqs = [e["seq"] for e in all_events]
mine = [e for e in all_events if e["data"].get("campaign", {}).get("id") == cid]
kinds = [e["type"] for e in mine]
check(len(all_events) > 100, "more than one default page of events (%d)" % len(all_events))
check(seqs == sorted(set(seqs)) and seqs == list(range(1, len(seqs) + 1)),
      "following lastSeq while hasMore: every seq once, in order, no gap")
check(pages == (len(all_events) + 99) // 100, "default limit 100: %d pages" % pages)
check(kinds[:2] == ["campaign.created", "campaign.started"] and kinds.count("target.contacted") == 80,
      "campaign.created, campaign.started, then 80 target.contacted")
check(kinds.count("target.replied") == 9, "9 target.replied (12 %% of 80): %d" % kinds.count("target.replied"))
check(kinds[-3:] == ["campaign.paused", "campaign.started", "campaign.resumed"],
      "pause records campaign.paused; a resume records campaign.started and campaign.resumed")
target = next(e for e in mine if e["type"] == "target.contacted")
check(set(target["data"]) == {"campaign", "thread", "message", "prospect"}
      and set(target["data"]["thread"]) == set(TARGET["thread"])
      and set(target["data"]["message"]) == set(TARGET["message"])
      and set(target["data"]["prospect"]) == set(TARGET["prospect"]),
      "target.* data: {campaign, thread, message, prospect} with the fixture's members")
check(any(e["type"] == "thread.created" for e in all_events), "other types are in the feed")
stamps = [e["timestamp"] for e in all_events]
check(stamps == sorted(stamps), "timestamps follow the virtual clock")

st, page, _ = feed()
check(len(page["events"]) == 100 and page["hasMore"] is True and page["lastSeq"] == 100,
      "first page: 100 events, hasMore true, lastSeq 100")
st, page, _ = feed("?afterSeq=100&limit=5")
check([e["seq"] for e in page["events"]] == [101, 102, 103, 104, 105] and page["lastSeq"] == 105,
      "afterSeq=100&limit=5: seq 101..105")
st, page, _ = feed("?limit=1000")
check(len(page["events"]) == len(all_events) and page["hasMore"] is False, "limit=1000: all in one page")
st, page, _ = feed("?limit=1")
check(len(page["events"]) == 1 and page["hasMore"] is True, "limit=1: one event, hasMore")
last = seqs[-1]
st, page, _ = feed("?afterSeq=%d" % last)
check(page == {"events": [], "hasMore": False, "lastSeq": None}, "afterSeq = the last seq: empty page, lastSeq null")
st, page, _ = feed("?afterSeq=%d" % MAX_SAFE)
check(st == 200 and page["events"] == [], "afterSeq=2^53-1 accepted")
st, page, _ = feed("?afterSeq=0&limit=3")
check([e["seq"] for e in page["events"]] == [1, 2, 3], "afterSeq=0: from the beginning")

# --- refused parameters ----------------------------------------------------------------------
for query, status, name in [("?limit=0", 422, "limit"), ("?limit=1001", 422, "limit"),
                            ("?limit=abc", 400, "limit"), ("?limit=-1", 400, "limit"), ("?limit=", 400, "limit"),
                            ("?limit=1.5", 400, "limit"), ("?afterSeq=-1", 400, "afterSeq"),
                            ("?afterSeq=%d" % (MAX_SAFE + 1), 422, "afterSeq"), ("?afterSeq=x", 400, "afterSeq"),
                            ("?afterSeq=1&afterSeq=2", 400, "afterSeq")]:
    st, body, _ = feed(query)
    msg = body.get("error", {}).get("message", "") if isinstance(body.get("error"), dict) else ""
    check(st == status and msg.startswith(name + ":") and ("1..1000" in msg or "0..%d" % MAX_SAFE in msg
                                                           or "once" in msg),
          "%s: %d naming %s and its range (%s)" % (query, status, name, msg))
st, body, hdrs = call("GET", "/api/v1/events?limit=0", headers={"X-Mock-Error-Format": "v2"})
check(st == 422 and set(body) == {"code", "message", "details", "requestId"} and body["code"] == "validationError",
      "v2 error body {code, message, details, requestId} on request")
check(body.get("requestId") == hdrs.get("X-Request-Id"), "requestId equals the X-Request-Id header")
st, body, _ = call("POST", "/__mock/error-format", {"format": "v2"})
st, body, _ = call("GET", "/api/v1/campaigns/nope")
check(st == 404 and body.get("code") == "campaignNotFound", "error-format control switches every error to v2")
call("POST", "/__mock/error-format", {"format": "v1"})
st, body, _ = call("GET", "/api/v1/campaigns/nope")
check(st == 404 and body["error"]["code"] == "CAMPAIGN_NOT_FOUND", "and back to the v1 nested body")

# --- gaps --------------------------------------------------------------------------------------
st, body, _ = call("POST", "/__mock/events/skip", {"count": 3})
check(st == 200 and body["nextSeq"] == last + 4, "skip control consumes 3 seqs")
call("POST", "/__mock/events", {"type": "tag.created", "data": {}})
st, page, _ = feed("?afterSeq=%d" % last)
check([e["seq"] for e in page["events"]] == [last + 4], "the feed shows the gap (%d -> %d)" % (last, last + 4))
st, body, _ = call("POST", "/__mock/events", {"type": "nodot"})
check(st == 400, "inject control refuses a type that is not resource.action")

# --- the cap per clock step ----------------------------------------------------------------------
call("POST", "/api/v1/campaigns/%s/pause" % cid, {})
st, big, _ = call("POST", "/api/v1/campaigns/v2", {"name": "Wide", "accountLinkIds": ["a1", "a2", "a3", "a4"]})
call("POST", "/api/v1/campaigns/v2/%s/leads" % big["id"], {"usernames": ["wide%04d" % i for i in range(1000)]})
call("PUT", "/api/v1/campaigns/v2/%s/sequence" % big["id"],
     {"steps": [{"type": "message", "data": {"segments": [{"type": "static", "text": "Hi"}]}}]})
call("POST", "/api/v1/campaigns/v2/%s/enable" % big["id"], {})
_, before, _ = call("GET", "/__mock/state")
call("POST", "/__mock/advance", {"seconds": 3600})  # 4 accounts x 8 = 32 contacted in one step
_, after, _ = call("GET", "/__mock/state")
wide = [e for e in read_all(after=before["lastSeq"])[0] if e["data"].get("campaign", {}).get("id") == big["id"]]
check(sum(e["type"] == "target.contacted" for e in wide) == 20, "at most 20 target.contacted per campaign per step")
check(after["eventsNotRecorded"] - before["eventsNotRecorded"] == 12, "the 12 others are counted as not recorded")
call("POST", "/api/v1/campaigns/%s/pause" % big["id"], {})

# --- completion -----------------------------------------------------------------------------------
st, small, _ = call("POST", "/api/v1/campaigns/v2", {"name": "Small", "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]})
call("POST", "/api/v1/campaigns/v2/%s/leads" % small["id"], {"usernames": ["tiny1", "tiny2"]})
msg = {"type": "message", "data": {"segments": [{"type": "static", "text": "Hi"}]}}
call("PUT", "/api/v1/campaigns/v2/%s/sequence" % small["id"],
     {"steps": [msg, {"type": "delay", "data": {"delaySeconds": 3600}}, msg]})
call("POST", "/api/v1/campaigns/v2/%s/enable" % small["id"], {})
_, before, _ = call("GET", "/__mock/state")
call("POST", "/__mock/advance", {"seconds": 7200})
done = [e for e in read_all(after=before["lastSeq"])[0] if e["data"].get("campaign", {}).get("id") == small["id"]]
kinds = [e["type"] for e in done]
check(kinds == ["target.contacted", "target.contacted", "target.followUpSent", "target.followUpSent",
                "campaign.completed"],
      "both leads contacted, followed up after the delay, then campaign.completed once (%s)" % ",".join(kinds))
fu = [e for e in done if e["type"] == "target.followUpSent"]
check(fu and set(fu[0]["data"]) == {"campaign", "thread", "message", "prospect"}
      and fu[0]["data"]["prospect"]["username"] == "tiny1", "target.followUpSent data names the lead followed up")

# --- 7 days -----------------------------------------------------------------------------------------
_, before, _ = call("GET", "/__mock/state")
call("POST", "/__mock/advance", {"seconds": 8 * 86400})
events, _ = read_all(limit=1000)
check(events and events[0]["seq"] > last + 4, "after 8 virtual days the old events are gone (first seq %d)"
      % (events[0]["seq"] if events else -1))
check(events and events[-1]["seq"] > before["lastSeq"], "seq keeps counting up")
_, dump, _ = call("GET", "/__mock/events")
check(all(e["ageSeconds"] <= 7 * 86400 for e in dump["events"]), "no stored event older than 7 days")
open(sys.argv[3], "w").write("%d %d\n" % (passed, failed))
EOF
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
pid=""

# The per-team cap (25,000 by default): a server keeping 30 events drops the oldest.
python3 tests/mockapi/server.py --plain --port-file "$work/port2" --token feed-token --frozen-clock \
    --quiet --exit-after 60 --event-max 30 &
pid=$!
i=0
while [ ! -s "$work/port2" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
python3 - "http://127.0.0.1:$(cat "$work/port2" 2>/dev/null)" "$work/counts" <<'EOF'
import json
import sys
import urllib.request

base = sys.argv[1]
try:
    passed, failed = [int(x) for x in open(sys.argv[2]).read().split()]
except (OSError, ValueError):
    passed, failed = 0, 1  # the first part died before counting
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"Authorization": "Bearer feed-token", "Content-Type": "application/json"})
    with direct.open(req, timeout=10) as r:
        return json.loads(r.read())


try:
    for i in range(40):
        call("POST", "/__mock/events", {"type": "tag.created", "data": {"n": i}})
    page = call("GET", "/api/v1/events?limit=1000")
    seqs = [e["seq"] for e in page["events"]]
    ok = seqs == list(range(11, 41)) and page["lastSeq"] == 40
except (OSError, ValueError) as e:
    ok, seqs = False, str(e)
print("%s - --event-max 30: the 30 newest of 40 events kept (%s)"
      % ("ok" if ok else "FAIL", "seq 11..40" if ok else seqs))
passed, failed = passed + ok, failed + (not ok)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
