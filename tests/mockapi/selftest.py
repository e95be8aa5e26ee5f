#!/usr/bin/env python3
"""Self-test of the mock API (tests/mockapi/server.py): starts it over HTTPS
with the test CA (or plain HTTP with --plain), drives the campaign state
machine, checks the documented response shapes against the fixtures in
$SHARED/fixtures and every refusal, then stops it. Prints "N passed, N failed".

usage: selftest.py CERT_DIR [--plain]
"""
import hashlib
import hmac
import json
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("SHARED") or os.path.join(ROOT, "..", "shared")
TOKEN = "selftest-token"

passed = 0
failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def fixture(name):
    with open(os.path.join(SHARED, "fixtures", name), encoding="utf-8") as f:
        return json.load(f)


class Client:
    def __init__(self, base, ctx):
        self.base = base
        self.ctx = ctx

    def call(self, method, path, body=None, token=TOKEN, headers=None, raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if token is not None:
            req.add_header("Authorization", token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, context=self.ctx, timeout=10) as r:
                return r.status, json.loads(r.read() or b"null"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null"), dict(e.headers)


def main():
    certs = sys.argv[1]
    plain = "--plain" in sys.argv
    tmp = tempfile.mkdtemp()
    port_file = os.path.join(tmp, "port")
    log = os.path.join(tmp, "log")
    cmd = [sys.executable, os.path.join(HERE, "server.py"), "--port-file", port_file, "--log", log,
           "--token", TOKEN, "--frozen-clock", "--quiet", "--exit-after", "120"]
    cmd += ["--plain"] if plain else ["--certs", certs]
    proc = subprocess.Popen(cmd)
    try:
        for _ in range(100):
            if os.path.exists(port_file) or proc.poll() is not None:
                break
            time.sleep(0.05)
        check(os.path.exists(port_file), "server wrote its port file")
        if not os.path.exists(port_file):
            return
        port = int(open(port_file).read())
        ctx = None
        scheme = "http"
        if not plain:
            ctx = ssl.create_default_context(cafile=os.path.join(certs, "ca.crt"))
            scheme = "https"
        c = Client("%s://127.0.0.1:%d" % (scheme, port), ctx)
        run(c, port, certs, plain)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = -1
        check(rc == 0, "server exited cleanly on SIGTERM (rc %s)" % rc)
        lines = open(log).read().splitlines() if os.path.exists(log) else []
        check(any(line.startswith("GET /api/v1/campaigns/") for line in lines) and
              all(len(line.split(" ")) == 3 for line in lines), "every request logged as METHOD PATH STATUS")
    print("%d passed, %d failed" % (passed, failed))


def run(c, port, certs, plain):
    bearer = "Bearer " + TOKEN
    v2_keys = set(fixture("inboxapp-campaign-enable-response.json"))
    legacy_keys = set(fixture("inboxapp-campaign-get-response.json"))

    st, body, _ = c.call("GET", "/api/v1/campaigns/usdjpdql3f90seqk13rwuo7z", token=None)
    check(st == 401 and body == fixture("inboxapp-error-unauthorized.json"), "401 with the documented body without a token")
    st, body, _ = c.call("GET", "/api/v1/campaigns/usdjpdql3f90seqk13rwuo7z", token="Bearer wrong")
    check(st == 401, "401 with a wrong token")
    st, body, _ = c.call("GET", "/api/v1/campaigns/usdjpdql3f90seqk13rwuo7z", token=TOKEN)
    check(st == 401, "401 without the Bearer prefix (InboxApp)")
    st, body, hdrs = c.call("GET", "/api/v1/campaigns/usdjpdql3f90seqk13rwuo7z", token=bearer)
    check(st == 200 and set(body) == legacy_keys, "GET seeded campaign: legacy shape")
    check("X-RateLimit-Remaining" in hdrs, "rate-limit headers present")
    st, body, _ = c.call("GET", "/api/v1/campaigns/nope", token=bearer)
    check(st == 404 and body["error"]["code"] == "CAMPAIGN_NOT_FOUND", "404 for an unknown campaign")
    st, body, _ = c.call("GET", "/api/v1/campaigns/BAD-ID", token=bearer)
    check(st == 400, "400 for an ID outside ^[0-9a-z]+$")

    bad_creates = [
        ({"accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]}, "$.name"),
        ({"name": "", "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]}, "$.name"),
        ({"name": "x" * 256, "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"]}, "$.name"),
        ({"name": "ok", "accountLinkIds": []}, "$.accountLinkIds"),
        ({"name": "ok", "accountLinkIds": ["UPPER"]}, "$.accountLinkIds[0]"),
        ({"name": "ok", "accountLinkIds": ["abc"], "scheduleTimezone": "Mars/Olympus"}, "$.scheduleTimezone"),
    ]
    for req, path in bad_creates:
        st, body, _ = c.call("POST", "/api/v1/campaigns/v2", req, token=bearer)
        check(st == 422 and body["error"]["message"].startswith(path + ":"), "create refused at %s" % path)
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2", raw=b'{"name":', token=bearer)
    check(st == 400 and body["error"]["status"] == 400, "malformed JSON: 400")

    st, camp, _ = c.call("POST", "/api/v1/campaigns/v2",
                         {"name": "Self test", "accountLinkIds": ["r4t9vw15jm6bn3yxcf2dq8ek"],
                          "scheduleTimezone": "Europe/Berlin"}, token=bearer)
    check(st == 200 and set(camp) == v2_keys and camp["status"] == "draft", "create: v2 shape, draft")
    cid = camp["id"]
    check(camp["scheduleTimezone"] == "Europe/Berlin", "create keeps the time zone")

    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {}, token=bearer)
    check(st == 422 and body["error"]["code"] == "CAMPAIGN_NOT_READY" and "no leads" in body["error"]["message"],
          "enable too early: 422 with the reasons")
    st, body, _ = c.call("POST", "/api/v1/campaigns/%s/pause" % cid, {}, token=bearer)
    check(st == 409, "pause a draft: 409")

    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads" % cid, {"platformIds": []}, token=bearer)
    check(st == 422, "add leads: empty array refused")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads" % cid,
                         {"platformIds": [str(i) for i in range(2001)]}, token=bearer)
    check(st == 422, "add leads: 2001 IDs refused")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads" % cid,
                         {"platform": "instagram", "usernames": ["jack"]}, token=bearer)
    check(st == 422, "add leads: platform other than twitter refused")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads" % cid,
                         fixture("inboxapp-add-leads-request-mixed.json"), token=bearer)
    check(st == 200 and body == {"added": 3, "skipped": 0, "failed": 0}, "add leads (mixed fixture)")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads" % cid,
                         {"platform": "twitter", "usernames": ["JACK", "not a user!", "ada"]}, token=bearer)
    check(st == 200 and body == {"added": 1, "skipped": 1, "failed": 1}, "add leads: added/skipped/failed counted")

    bad_seq = {"steps": [{"type": "carrier-pigeon", "data": {}}]}
    st, body, _ = c.call("PUT", "/api/v1/campaigns/v2/%s/sequence" % cid, bad_seq, token=bearer)
    check(st == 422 and "$.steps[0].type" in body["error"]["message"], "sequence: unknown step type refused")
    undefined = {"steps": [{"type": "message", "data": {"segments": [{"type": "variable", "name": "custom_nope"}]}}]}
    st, body, _ = c.call("PUT", "/api/v1/campaigns/v2/%s/sequence" % cid, undefined, token=bearer)
    check(st == 200 and body["version"] == 1, "sequence v1 stored")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {}, token=bearer)
    check(st == 422 and "custom_nope" in body["error"]["message"], "enable refused: undefined variable")
    st, body, _ = c.call("PUT", "/api/v1/campaigns/v2/%s/sequence" % cid,
                         fixture("inboxapp-sequence-update-request.json"), token=bearer)
    check(st == 200 and body["version"] == 2 and [s["rank"] for s in body["steps"]] == [0, 1, 2],
          "sequence (fixture) stored as version 2 with ranks")
    check(set(body) == set(fixture("inboxapp-sequence-update-response.json")), "sequence response shape")

    st, body, _ = c.call("PATCH", "/api/v1/campaigns/v2/%s/rules" % cid,
                         fixture("inboxapp-lead-rules-update-request.json"), token=bearer)
    check(st == 200 and body == {"success": True}, "rules updated")
    st, body, _ = c.call("PATCH", "/api/v1/campaigns/v2/%s/columns/custom_q5cktl47a6pqa74eu06fz89v" % cid,
                         fixture("inboxapp-column-update-request.json"), token=bearer)
    check(st == 200 and set(body) == set(fixture("inboxapp-column-update-response.json")), "column updated")
    st, body, _ = c.call("PATCH", "/api/v1/campaigns/v2/%s/columns/custom_q5cktl47a6pqa74eu06fz89v" % cid,
                         {"description": "d" * 1001}, token=bearer)
    check(st == 422, "column description > 1000 refused")

    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/enable" % cid, {}, token=bearer)
    check(st == 200 and body["status"] == "active" and body["enabled"] is True and set(body) == v2_keys,
          "enable: active, v2 shape")
    st, before, _ = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer)
    c.call("POST", "/__mock/advance", {"seconds": 3600})
    st, after, _ = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer)
    # 1 account x 8 messages per hour, capped by the 4 targets.
    check(before["contactedCount"] == 0 and after["contactedCount"] == 4 and after["targetsCount"] == 4,
          "counts advance with the virtual clock (0 -> 4 of 4)")

    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads/jack/cancel" % cid,
                         {"by": "username", "platform": "twitter"}, token=bearer)
    check(st == 200 and body == {"success": True}, "cancel lead by username")
    st, body, _ = c.call("POST", "/api/v1/campaigns/v2/%s/leads/jack/cancel" % cid, {"by": "email"}, token=bearer)
    check(st == 422, "cancel lead: by=email refused")
    st, body, _ = c.call("PATCH", "/api/v1/campaigns/v2/%s/leads/ada" % cid,
                         fixture("inboxapp-update-lead-request.json"), token=bearer)
    check(st == 200 and "prospect" in body, "update lead")

    st, body, _ = c.call("POST", "/api/v1/campaigns/%s/pause" % cid, {}, token=bearer)
    check(st == 200 and body["status"] == "paused" and set(body) == legacy_keys and body["pausedAt"],
          "pause: paused, legacy shape")
    frozen = body["contactedCount"]
    c.call("POST", "/__mock/advance", {"seconds": 7200})
    st, body, _ = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer)
    check(body["contactedCount"] == frozen, "a paused campaign does not advance")

    c.call("POST", "/__mock/rate-limit", {"count": 1, "retryAfter": 7})
    st, body, hdrs = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer)
    check(st == 429 and hdrs.get("Retry-After") == "7" and body["error"]["code"] == "RATE_LIMITED",
          "429 with Retry-After on request")
    st, body, _ = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer)
    check(st == 200, "next request passes again")
    st, body, _ = c.call("GET", "/api/v1/campaigns/%s" % cid, token=bearer, headers={"X-Mock-Rate-Limit": "1"})
    check(st == 429, "429 forced by header")

    st, body, _ = c.call("POST", "/email/campaigns/", fixture("outbox-email-campaign-create-request.json"), token=TOKEN)
    check(st == 201 and set(body) == set(fixture("outbox-email-campaign-create-response.json")),
          "Outbox create campaign: 201, documented shape (raw key)")
    st, body, _ = c.call("POST", "/email/campaigns/", {"company": "not-a-uuid"}, token=bearer)
    check(st == 400 and "name" in body and "company" in body, "Outbox create: field errors (Bearer key)")
    st, body, _ = c.call("POST", "/email/senders/", fixture("outbox-email-sender-create-request.json"), token=TOKEN)
    check(st == 201 and set(body) == set(fixture("outbox-email-sender-create-response.json")), "Outbox create sender")
    st, body, _ = c.call("GET", "/contacts/list?page=3", token=TOKEN)
    check(st == 200 and body["total"] == 45 and len(body["results"]) == 5, "contacts page 3 of 45 (page size 20)")
    st, body, _ = c.call("GET", "/contacts/list", token=None)
    check(st == 401, "Outbox without a key: 401")
    run_events(c, bearer)


class Sink(BaseHTTPRequestHandler):
    """A webhook receiver for the self-test: keeps every delivery, answers 200."""
    got = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Sink.got.append((self.headers.get("X-Inbox-Signature", ""), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, fmt, *args):
        pass


def signature_ok(header, body, secret, tolerance=300):
    parts = dict(p.strip().split("=", 1) for p in header.split(","))
    t = parts.get("t", "")
    mac = hmac.new(secret.encode(), (t + ".").encode() + body, hashlib.sha256).hexdigest()
    return t.isdigit() and abs(time.time() - int(t)) <= tolerance and hmac.compare_digest(mac, parts.get("v1", ""))


def run_events(c, bearer):
    sys.path.insert(0, HERE)
    import server  # the signing code itself, checked against the shared vectors
    vectors = fixture("inboxapp-webhook-signature-vectors.json")
    good = [v for v in vectors["cases"] if v.get("expectedSignature")]
    check(good and all(server.State.sign(vectors["secret"], v["t"], v["rawBody"].encode())
                       == "t=%d,v1=%s" % (v["t"], v["expectedSignature"]) for v in good),
          "mock signs like the shared signature vectors (%d cases)" % len(good))

    st, team, hdrs = c.call("GET", "/api/v1/team", token=bearer)
    check(st == 200 and set(team) == {"id", "name", "slug", "image", "createdAt", "updatedAt"},
          "GET /team: the documented object")
    check(hdrs.get("X-Request-Id", "").startswith("req_"), "X-Request-Id on every answer")
    st, body, hdrs = c.call("GET", "/api/v1/campaigns/nope", token=bearer, headers={"X-Mock-Error-Format": "v2"})
    check(st == 404 and body == {"code": "campaignNotFound", "message": body.get("message"),
                                 "details": {"status": 404}, "requestId": hdrs.get("X-Request-Id")},
          "v2 error body with requestId = X-Request-Id")

    st, page, _ = c.call("GET", "/api/v1/events?limit=1000", token=bearer)
    types = [e["type"] for e in page["events"]]
    check(st == 200 and set(page) == {"events", "hasMore", "lastSeq"} and "campaign.created" in types
          and "campaign.started" in types and "campaign.paused" in types and "target.contacted" in types,
          "GET /events: the campaign driven above left created, started, contacted, paused")
    check(page["lastSeq"] == page["events"][-1]["seq"], "lastSeq is the last event's seq")
    st, body, _ = c.call("GET", "/api/v1/events?limit=1001", token=bearer)
    check(st == 422, "GET /events?limit=1001: 422")
    st, body, _ = c.call("GET", "/api/v1/events?afterSeq=abc", token=bearer)
    check(st == 400, "GET /events?afterSeq=abc: 400")

    sink = HTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/hook" % sink.server_address[1]
    try:
        st, body, _ = c.call("POST", "/__mock/webhooks", {"url": url, "secret": "s3cret", "format": "v1"})
        check(st == 200, "webhook registered (v1)")
        st, body, _ = c.call("POST", "/__mock/webhooks", {"url": url, "secret": "s3cret", "format": "v3"})
        check(st == 400, "webhook format v3 refused")
        st, ev, _ = c.call("POST", "/__mock/events", {"type": "thread.created", "data": {"x": 1}})
        c.call("POST", "/__mock/webhooks/flush")
        sig, raw = Sink.got[-1] if Sink.got else ("", b"{}")
        check(json.loads(raw) == ev and signature_ok(sig, raw, "s3cret"),
              "a new event is delivered once, v1 envelope, signed t=,v1= over \"{t}.{body}\"")
        n = len(Sink.got)
        st, body, _ = c.call("POST", "/__mock/webhooks/replay", {"seq": ev["seq"]})
        check(st == 200 and body["status"] == 200 and Sink.got[-1] == Sink.got[n - 1] and len(Sink.got) == n + 1,
              "replay re-sends the same bytes and signature")
        st, body, _ = c.call("POST", "/__mock/webhooks/deliver", {"seq": ev["seq"], "age": 900})
        t = int(Sink.got[-1][0].split(",")[0][2:])
        check(abs(time.time() - 900 - t) < 5 and signature_ok(Sink.got[-1][0], Sink.got[-1][1], "s3cret", 1000),
              "deliver with age 900: t is 900 s old, signature still right")
        c.call("POST", "/__mock/webhooks/deliver", {"seq": ev["seq"], "badSignature": True})
        check(not signature_ok(Sink.got[-1][0], Sink.got[-1][1], "s3cret"), "deliver with a bad signature")
        c.call("DELETE", "/__mock/webhooks")
        c.call("POST", "/__mock/webhooks", {"url": url, "secret": "s3cret", "format": "v2"})
        st, camp, _ = c.call("POST", "/api/v1/campaigns/v2", {"name": "v2 hook", "accountLinkIds": ["abc"]},
                             token=bearer)
        c.call("POST", "/__mock/webhooks/flush")
        v2 = json.loads(Sink.got[-1][1])
        check(set(v2) == {"id", "seq", "type", "apiVersion", "createdAt", "object", "data"}
              and v2["apiVersion"] == "2" and v2["object"]["type"] == "campaign" and v2["object"]["id"] == camp["id"],
              "v2 delivery: {id, seq, type, apiVersion \"2\", createdAt, object, data}")
        c.call("DELETE", "/__mock/webhooks")
    finally:
        sink.shutdown()


if __name__ == "__main__":
    main()
    sys.exit(1 if failed else 0)
