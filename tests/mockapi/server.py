#!/usr/bin/env python3
"""Mock InboxApp + Outbox API for libcamp's tests and demo (Python 3 stdlib only).

InboxApp (base /api/v1, bearer token required):
  GET    /campaigns/{id}                               legacy campaign object
  POST   /campaigns/v2                                 create -> draft, v2 object
  POST   /campaigns/v2/{id}/enable                     draft|paused -> active, v2 object
  POST   /campaigns/{id}/pause  (also /campaigns/v2/{id}/pause)  active -> paused, legacy object
  PUT    /campaigns/v2/{id}/sequence                   new sequence version
  PATCH  /campaigns/v2/{id}/rules                      {"success": true}
  POST   /campaigns/v2/{id}/leads                      {"added","skipped","failed"}
  PATCH  /campaigns/v2/{id}/leads/{identifier}         {"prospect": {...}}
  POST   /campaigns/v2/{id}/leads/{identifier}/cancel  {"success": true}
  PATCH  /campaigns/v2/{id}/columns/{columnId}         column object
  GET    /team                                         auth smoke test
Outbox (root paths; "Authorization: KEY" or "Bearer KEY"):
  POST /email/campaigns/   POST /email/senders/   GET /contacts/list
Test controls (no auth):
  POST /__mock/advance {"seconds": N}      move the virtual clock forward
  POST /__mock/rate-limit {"count": N, "retryAfter": S}   next N API calls get 429
  GET  /__mock/requests                    every request seen (method, path, status, body)
  GET  /__mock/state                       campaigns with their live counters
  Header "X-Mock-Rate-Limit: 1" makes that one request a 429; "X-Mock-Fail: 500"
  makes it fail with that status.

Behaviour follows ../shared/spec/inboxapp.md and outbox.md: documented response
shapes (v2 object for create/enable, legacy object for get/pause), documented
nested error body {"error":{"code","message","status"}}, request bodies checked
against the documented rules (400 for malformed JSON, 422 for valid JSON that
breaks a rule), enable refused with 422 until the campaign has a lead, a linked
account and a valid sequence. Counters advance with the virtual clock: an active
campaign contacts hourlyMessageRate x accounts leads per virtual hour, 12 % of
the contacted reply. --speed sets virtual seconds per real second;
--frozen-clock stops real time (only /__mock/advance moves it) for
deterministic tests.

Every request is logged as "METHOD PATH STATUS" to --log (and stderr unless
--quiet). The port is written to --port-file once listening. SIGTERM/SIGINT stop
the server cleanly; --exit-after N stops it after N seconds whatever happens.
"""

import argparse
import datetime
import hashlib
import json
import math
import os
import re
import signal
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

try:
    import zoneinfo
except ImportError:  # Python < 3.9
    zoneinfo = None

ID_RE = re.compile(r"^[0-9a-z]+$")
COLUMN_RE = re.compile(r"^custom_[0-9a-z]+$")
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
MAX_SAFE = 9007199254740991
MAX_LEAD_ITEMS = 2000
REPLY_NUM, REPLY_DEN = 3, 25  # 12 % of contacted leads reply
INBOX_PREFIX = "/api/v1"


class ApiError(Exception):
    """An error answer: HTTP status, API code, message (and extra headers)."""

    def __init__(self, status, code, message, headers=None, body=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.body = body


def unprocessable(path, rule):
    return ApiError(422, "VALIDATION_ERROR", "%s: %s" % (path, rule))


def iso(ts=None):
    dt = datetime.datetime.fromtimestamp(time.time() if ts is None else ts, datetime.timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)


def make_id(*parts):
    """24 characters of [0-9a-z], starting with a letter, derived from parts."""
    digest = int(hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest(), 16)
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = [alphabet[10 + digest % 26]]
    digest //= 26
    while len(out) < 24:
        out.append(alphabet[digest % 36])
        digest //= 36
    return "".join(out)


def make_uuid(*parts):
    h = hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()
    return "%s-%s-4%s-8%s-%s" % (h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])


# ---- validation helpers ------------------------------------------------------


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def need_object(v, path):
    if not isinstance(v, dict):
        raise unprocessable(path, "must be an object")
    return v


def opt_string(obj, key, path, lo=0, hi=None, nullable=False):
    if key not in obj:
        return None
    v = obj[key]
    if v is None and nullable:
        return None
    if not isinstance(v, str):
        raise unprocessable("%s.%s" % (path, key), "must be a string" + (" or null" if nullable else ""))
    if len(v) < lo or (hi is not None and len(v) > hi):
        rng = "%d..%d" % (lo, hi) if hi is not None else "at least %d" % lo
        raise unprocessable("%s.%s" % (path, key), "length must be %s characters" % rng)
    return v


def req_string(obj, key, path, lo=1, hi=None):
    if key not in obj:
        raise unprocessable("%s.%s" % (path, key), "required field missing")
    return opt_string(obj, key, path, lo, hi)


def opt_bool(obj, key, path):
    if key in obj and not isinstance(obj[key], bool):
        raise unprocessable("%s.%s" % (path, key), "must be a boolean")
    return obj.get(key)


def id_array(obj, key, path, lo=0, hi=None, pattern=ID_RE, rule="must match ^[0-9a-z]+$"):
    if key not in obj:
        return None
    v = obj[key]
    if not isinstance(v, list):
        raise unprocessable("%s.%s" % (path, key), "must be an array")
    if len(v) < lo or (hi is not None and len(v) > hi):
        rng = "%d..%d" % (lo, hi) if hi is not None else "at least %d" % lo
        raise unprocessable("%s.%s" % (path, key), "must have %s elements" % rng)
    for i, item in enumerate(v):
        if not isinstance(item, str) or not pattern.match(item):
            raise unprocessable("%s.%s[%d]" % (path, key, i), rule)
    return v


def valid_timezone(name):
    if not isinstance(name, str) or not name or len(name) > 64 or ".." in name or name.startswith("/"):
        return False
    if name == "UTC":
        return True
    if zoneinfo is None:
        return re.match(r"^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+$", name) is not None
    try:
        zoneinfo.ZoneInfo(name)
        return True
    except Exception:  # noqa: BLE001 - any lookup failure means "unknown zone"
        return False


def check_rules_body(body, path):
    """Lead rules (PATCH .../rules body; also `rules` on create)."""
    need_object(body, path)
    id_array(body, "syncedListIds", path)
    id_array(body, "excludedListIds", path)
    opt_bool(body, "excludeContacted", path)
    opt_bool(body, "excludeMutuals", path)
    if "columnMappings" in body:
        cm = need_object(body["columnMappings"], path + ".columnMappings")
        for list_id, mapping in cm.items():
            p = "%s.columnMappings.%s" % (path, list_id)
            if not ID_RE.match(list_id):
                raise unprocessable(p, "key must be a list ID matching ^[0-9a-z]+$")
            need_object(mapping, p)
            for src, dst in mapping.items():
                if not isinstance(dst, str) or not dst:
                    raise unprocessable("%s.%s" % (p, src), "must be a non-empty column ID string")
    # The full detachBehavior enum is not documented; any non-empty string is taken.
    opt_string(body, "detachBehavior", path, lo=1)


def check_steps(body, path="$"):
    need_object(body, path)
    if "steps" not in body:
        raise unprocessable(path + ".steps", "required field missing")
    steps = body["steps"]
    if not isinstance(steps, list):
        raise unprocessable(path + ".steps", "must be an array")
    if len(steps) > 50:
        raise unprocessable(path + ".steps", "must have at most 50 elements")
    for i, step in enumerate(steps):
        sp = "%s.steps[%d]" % (path, i)
        need_object(step, sp)
        for forbidden in ("id", "rank"):
            if forbidden in step:
                raise unprocessable("%s.%s" % (sp, forbidden), "assigned by the server; do not send it")
        if "type" not in step:
            raise unprocessable(sp + ".type", "required field missing")
        if step["type"] not in ("message", "delay"):
            raise unprocessable(sp + ".type", 'must be one of "message", "delay"')
        if "data" not in step:
            raise unprocessable(sp + ".data", "required field missing")
        data = need_object(step["data"], sp + ".data")
        if step["type"] == "delay":
            d = data.get("delaySeconds")
            if not is_int(d) or d < 1 or d > 31536000:
                raise unprocessable(sp + ".data.delaySeconds", "must be an integer in 1..31536000")
            opt_string(data, "unit", sp + ".data", lo=1, hi=32)
            continue
        segs = data.get("segments")
        if not isinstance(segs, list) or not segs:
            raise unprocessable(sp + ".data.segments", "must be a non-empty array")
        for j, seg in enumerate(segs):
            gp = "%s.data.segments[%d]" % (sp, j)
            need_object(seg, gp)
            kind = seg.get("type")
            if kind == "static":
                req_string(seg, "text", gp, lo=0, hi=10000)
            elif kind == "variable":
                req_string(seg, "name", gp, lo=1, hi=255)
                opt_string(seg, "fallback", gp, lo=0, hi=1000)
            elif kind == "variation":
                opts = seg.get("options")
                if not isinstance(opts, list) or not opts:
                    raise unprocessable(gp + ".options", "must be a non-empty array")
                for k, o in enumerate(opts):
                    if not isinstance(o, str):
                        raise unprocessable("%s.options[%d]" % (gp, k), "must be a string")
            else:
                raise unprocessable(gp + ".type", 'must be one of "static", "variable", "variation"')
    return steps


# ---- the model ---------------------------------------------------------------


class Clock:
    """Virtual seconds: real elapsed time x speed (unless frozen) + manual advances."""

    def __init__(self, speed, frozen):
        self.start = time.monotonic()
        self.speed = speed
        self.frozen = frozen
        self.offset = 0.0

    def now(self):
        real = 0.0 if self.frozen else (time.monotonic() - self.start) * self.speed
        return real + self.offset


DEFAULT_COLUMNS = [
    ("custom_q5cktl47a6pqa74eu06fz89v", "Company", "The lead's company"),
    ("custom_m8r2xj93hd5bk0atcw7oe4fp", "Role", "The lead's job title or role"),
]


class Campaign:
    def __init__(self, cid, name, account_ids, tz="UTC", hours=None, description=None):
        now = iso()
        self.id = cid
        self.name = name
        self.description = description
        self.status = "draft"
        self.enabled = False
        self.account_ids = list(account_ids)
        self.tz = tz
        # Campaigns created through the API send on every day, all day (their
        # schedule cannot be set through any documented endpoint).
        self.hours = hours if hours is not None else {str(d): {"start": 0, "end": 1440} for d in range(7)}
        self.hourly_rate = 8
        self.leads = {}  # key -> {"kind","value","data","cancelled"}
        self.version = 0
        self.steps = []  # [{"id","rank","type","data","campaignVersion"}]
        self.rules = {"syncedLists": [], "excludedLists": [], "excludeContacted": False, "excludeMutuals": False}
        self.columns = {
            cid_: {"id": cid_, "name": n, "type": "text", "description": d, "createdAt": now, "updatedAt": None}
            for cid_, n, d in DEFAULT_COLUMNS
        }
        self.created_at = now
        self.updated_at = now
        self.paused_at = None
        self.completed_at = None
        self.last_started_at = None
        self.active_accum = 0.0  # virtual seconds spent active before active_since
        self.active_since = None
        self.base_targets = 0
        self.base_contacted = 0
        self.base_replies = 0
        self.is_syncing = False

    # -- live numbers --
    def active_seconds(self, clock):
        extra = clock.now() - self.active_since if self.active_since is not None else 0.0
        return self.active_accum + max(0.0, extra)

    def targets(self):
        return self.base_targets + sum(1 for lead in self.leads.values() if not lead["cancelled"])

    def contacted_after(self, seconds):
        per_second = self.hourly_rate * max(1, len(self.account_ids)) / 3600.0
        return min(self.targets(), self.base_contacted + int(math.floor(seconds * per_second + 1e-9)))

    def counters(self, clock):
        secs = self.active_seconds(clock)
        targets = self.targets()
        contacted = self.contacted_after(secs)
        new = contacted - self.base_contacted
        replies = min(contacted, self.base_replies + (max(0, new) * REPLY_NUM) // REPLY_DEN)
        delay = sum(s["data"].get("delaySeconds", 0) for s in self.steps if s["type"] == "delay")
        finished = self.contacted_after(max(0.0, secs - delay)) if secs > delay else 0
        return targets, contacted, replies, finished

    def refresh(self, clock):
        """Complete the campaign once every target has finished its sequence."""
        targets, _, _, finished = self.counters(clock)
        if self.status == "active" and targets > 0 and finished >= targets:
            self.stop_clock(clock)
            self.status = "completed"
            self.enabled = False
            self.completed_at = iso()

    def stop_clock(self, clock):
        if self.active_since is not None:
            self.active_accum += max(0.0, clock.now() - self.active_since)
            self.active_since = None

    # -- shapes --
    def _common(self, clock):
        targets, contacted, replies, _ = self.counters(clock)
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "status": self.status,
            "dryRun": False,
            "targetsCount": targets,
            "contactedCount": contacted,
            "repliesCount": replies,
        }

    def v2(self, clock):
        obj = self._common(clock)
        targets, contacted, replies, finished = self.counters(clock)
        obj.update(
            {
                "enabled": self.enabled,
                # v2: completionRate is the share of targets that finished their sequence.
                "completionRate": round(finished / targets, 4) if targets else 0,
                "replyRate": round(replies / contacted, 4) if contacted else 0,
                "hourlyMessageRate": self.hourly_rate,
                "scheduleTimezone": self.tz,
                "scheduleHours": self.hours,
                "isBuildingPlan": False,
                "isSyncing": self.is_syncing,
                "scopeAssessedCount": targets,
                "accountLinkIds": self.account_ids,
                "rules": self.rules,
                "sequence": {
                    "version": self.version,
                    "steps": [{"id": s["id"], "rank": s["rank"], "type": s["type"], "data": s["data"]} for s in self.steps],
                },
                "automations": [],
                "createdAt": self.created_at,
                "updatedAt": self.updated_at,
                "pausedAt": self.paused_at,
                "completedAt": self.completed_at,
                "lastStartedAt": self.last_started_at,
            }
        )
        obj["enabled"] = self.enabled
        return {k: obj[k] for k in V2_ORDER}

    def legacy(self, clock):
        obj = self._common(clock)
        targets, contacted, replies, _ = self.counters(clock)
        lists = [{"listId": x["listId"], "exclude": False} for x in self.rules["syncedLists"]]
        lists += [{"listId": x["listId"], "exclude": True} for x in self.rules["excludedLists"]]
        obj.update(
            {
                # legacy: completionRate is the share of targets contacted.
                "completionRate": round(contacted / targets, 4) if targets else 0,
                "replyRate": round(replies / contacted, 4) if contacted else 0,
                "createdAt": self.created_at,
                "updatedAt": self.updated_at,
                "pausedAt": self.paused_at,
                "completedAt": self.completed_at,
                "lastStartedAt": self.last_started_at,
                "type": "sequence",
                "hourlyMessageRate": self.hourly_rate,
                "scheduleTimezone": self.tz,
                "scheduleHours": self.hours,
                "estimatedTargets": targets,
                "isHydrating": False,
                "isBuildingPlan": False,
                "steps": self.steps,
                "lists": lists,
                "accountLinkIds": self.account_ids,
                "automations": [],
                # Campaign columns double as the legacy custom variables (D10).
                "customVariables": {
                    c["id"]: {"displayName": c["name"], "description": c["description"]} for c in self.columns.values()
                },
            }
        )
        return obj

    # -- rules of the state machine --
    def not_ready_reasons(self):
        reasons = []
        if self.targets() == 0:
            reasons.append("it has no leads (add at least one)")
        if not self.account_ids:
            reasons.append("it has no linked account")
        if not self.steps:
            reasons.append("it has no sequence (set one with at least one message step)")
        elif not any(s["type"] == "message" for s in self.steps):
            reasons.append("its sequence has no message step")
        else:
            for s in self.steps:
                if s["type"] != "message":
                    continue
                for seg in s["data"]["segments"]:
                    if seg.get("type") == "variable":
                        name = seg.get("name")
                        if name != "first-name" and name not in self.columns:
                            reasons.append(
                                "step %d uses the variable \"%s\", which is not a campaign column" % (s["rank"], name)
                            )
        return reasons


V2_ORDER = [
    "id", "name", "description", "status", "enabled", "dryRun", "targetsCount", "contactedCount",
    "repliesCount", "completionRate", "replyRate", "hourlyMessageRate", "scheduleTimezone",
    "scheduleHours", "isBuildingPlan", "isSyncing", "scopeAssessedCount", "accountLinkIds", "rules",
    "sequence", "automations", "createdAt", "updatedAt", "pausedAt", "completedAt", "lastStartedAt",
]


def seed_campaign(clock):
    """The documented example campaign, active, so `get` works out of the box."""
    c = Campaign("usdjpdql3f90seqk13rwuo7z", "Q1 SaaS founders outreach", ["r4t9vw15jm6bn3yxcf2dq8ek"],
                 tz="America/New_York",
                 hours={str(d): {"start": 540, "end": 1260} for d in range(1, 6)})
    c.created_at = "2025-04-02T13:44:10.000Z"
    c.last_started_at = "2025-04-02T13:45:00.000Z"
    c.status = "active"
    c.enabled = True
    c.base_targets, c.base_contacted, c.base_replies = 4723, 2361, 118
    c.version = 3
    c.columns = {
        "company-name": {"id": "company-name", "name": "Company name", "type": "text", "description": None,
                         "createdAt": c.created_at, "updatedAt": None}
    }
    c.steps = [
        {"id": "l2cecmj26reun2ybwrvgjl1u", "type": "message", "rank": 0, "campaignVersion": 3,
         "data": {"segments": [
             {"type": "variation", "options": ["Hey", "Hello", "How's it going"]},
             {"type": "static", "text": " "},
             {"type": "variable", "name": "first-name"},
             {"type": "static", "text": ", how are you? Saw that "},
             {"type": "variable", "name": "company-name", "fallback": "your team"},
             {"type": "static", "text": " is hiring \u2014 open to a quick chat?"}]}},
        {"id": "imra080h2jp8zf2mm62y6h0g", "type": "delay", "rank": 1, "campaignVersion": 3,
         "data": {"delaySeconds": 604800, "unit": "days"}},
        {"id": "sgauh7izipa7mbajc9qhv5h4", "type": "message", "rank": 2, "campaignVersion": 3,
         "data": {"segments": [{"type": "static", "text": "Get a chance to see my previous message?"}]}},
    ]
    c.rules = {
        "syncedLists": [{"listId": "k8f2mj26reun2ybwrvgjl1u", "listName": "SaaS founders import", "columnMapping": {}}],
        "excludedLists": [{"listId": "p3n7xq92hd4sk1atcw8oe5fr", "listName": "Existing customers"}],
        "excludeContacted": True,
        "excludeMutuals": False,
    }
    c.active_since = clock.now()
    return c


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.clock = Clock(args.speed, args.frozen_clock)
        self.args = args
        self.campaigns = {}
        self.counter = 0
        self.email_campaigns = {}
        self.senders = {}
        self.forced_429 = 0
        self.forced_retry_after = args.retry_after
        self.api_requests = 0
        self.requests = []
        self.window_start = time.time()
        self.window_count = 0
        c = seed_campaign(self.clock)
        self.campaigns[c.id] = c
        self.contacts = [self._contact(i) for i in range(45)]

    def _contact(self, i):
        first = ["Ada", "Grace", "Alan", "Linus", "Barbara", "Ken", "Dennis", "Margaret", "Edsger"][i % 9]
        ts = 1735689600 + i * 86400
        return {
            "id": make_uuid("contact", i),
            "name": "%s Example %d" % (first, i + 1),
            "email": "%s.%d@example.com" % (first.lower(), i + 1),
            "phone": "+1555%07d" % (i + 1),
            "tags": ["beta"] if i % 3 == 0 else (["vip", "beta"] if i % 5 == 0 else []),
            "last_activity": iso(ts + 3600),
            "created_at": iso(ts),
        }

    def new_id(self, kind):
        self.counter += 1
        return make_id(kind, self.counter, os.getpid())


# ---- HTTP layer ----------------------------------------------------------------


def lead_resolvable(kind, value):
    if kind == "platformId":
        return value.isdigit() and len(value) <= 20
    if kind == "username":
        return re.match(r"^[A-Za-z0-9_]{1,15}$", value) is not None
    return ID_RE.match(value) is not None  # externalId


def lead_key(kind, value):
    return (kind, value.lower() if kind == "username" else value)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "libcamp-mockapi/1"

    def version_string(self):
        return self.server_version

    # -- plumbing --
    def setup(self):
        self.request.settimeout(self.server.conn_timeout)
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()

    def log_message(self, fmt, *args):  # the default access log is replaced by log_request_line
        pass

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_PATCH(self):
        self.dispatch("PATCH")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise ApiError(400, "BAD_REQUEST", "chunked request bodies are not supported; send Content-Length")
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not length.isdigit() or int(length) > 4 * 1024 * 1024:
            raise ApiError(400, "BAD_REQUEST", "bad Content-Length")
        return self.rfile.read(int(length))

    def send_json(self, status, obj, headers=None):
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        if self.close_connection:
            # The client asked for it (or spoke HTTP/1.0): say so, as real servers do.
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return status

    def log_request_line(self, status, body_text):
        st = self.server.state
        line = "%s %s %d" % (self.command, self.path, status)
        with st.lock:
            st.requests.append({"method": self.command, "path": self.path, "status": status,
                                "body": body_text[:4096]})
            if len(st.requests) > 10000:
                del st.requests[:1000]
        if self.server.log_file is not None:
            with self.server.log_lock:
                self.server.log_file.write(line + "\n")
                self.server.log_file.flush()
        if not self.server.quiet:
            sys.stderr.write("mockapi: %s\n" % line)

    def rate_headers(self):
        st = self.server.state
        now = time.time()
        with st.lock:
            if now - st.window_start >= 60:
                st.window_start, st.window_count = now, 0
            st.window_count += 1
            remaining = max(0, 300 - st.window_count)
            reset = int(st.window_start + 60)
        return {"X-RateLimit-Limit": 300, "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": reset}

    def dispatch(self, method):
        raw = b""
        status = 500
        split = urlsplit(self.path)
        path = split.path
        query = parse_qs(split.query, keep_blank_values=True)
        outbox = not path.startswith(INBOX_PREFIX) and not path.startswith("/__mock/")
        try:
            raw = self.read_body()
            if path.startswith("/__mock/"):
                status = self.send_json(*self.control(method, path, raw))
                return
            headers = self.rate_headers() if not outbox else {}
            self.check_auth(outbox)
            self.check_forced_failures()
            body = self.parse_body(raw)
            result = self.route(method, path, query, body, outbox)
            status = self.send_json(result[0], result[1], headers)
        except ApiError as e:
            status = self.send_error_body(e, outbox)
        except (ConnectionError, socket.timeout, ssl.SSLError):
            status = 499
            self.close_connection = True
        except Exception as e:  # noqa: BLE001 - a mock bug must answer 500, not hang the client
            status = self.send_error_body(ApiError(500, "INTERNAL_ERROR", "mock server bug: %r" % e), outbox)
        finally:
            self.log_request_line(status, raw.decode("utf-8", "replace"))

    def send_error_body(self, e, outbox):
        headers = dict(e.headers)
        if e.body is not None:
            body = e.body
        elif outbox:
            body = {"detail": e.message}  # Django-REST-framework style (outbox.md §4)
        else:
            body = {"error": {"code": e.code, "message": e.message, "status": e.status}}
        if not outbox:
            headers.update(self.rate_headers())
        return self.send_json(e.status, body, headers)

    def check_auth(self, outbox):
        auth = self.headers.get("Authorization") or ""
        token = self.server.token
        if outbox:
            # Outbox's pages disagree (raw key vs Bearer, outbox.md D1): accept both.
            ok = auth in (token, "Bearer " + token)
            if not ok:
                raise ApiError(401, "UNAUTHORIZED", "Authentication credentials were not provided or are invalid.")
            return
        if auth != "Bearer " + token:
            if self.server.flat_401:
                raise ApiError(401, "UNAUTHORIZED", "", body={"error": "Unauthorized",
                                                             "message": "Invalid or missing authentication token"})
            raise ApiError(401, "UNAUTHORIZED", "Invalid or missing authentication token")

    def check_forced_failures(self):
        st = self.server.state
        fail = self.headers.get("X-Mock-Fail")
        if fail and fail.isdigit():
            raise ApiError(int(fail), "INTERNAL_ERROR" if fail.startswith("5") else "FORCED",
                           "failure forced by X-Mock-Fail")
        limited = self.headers.get("X-Mock-Rate-Limit") is not None
        with st.lock:
            st.api_requests += 1
            every = self.server.rate_limit_every
            if st.forced_429 > 0:
                st.forced_429 -= 1
                limited = True
            elif every and st.api_requests % every == 0:
                limited = True
            retry = st.forced_retry_after
        if limited:
            raise ApiError(429, "RATE_LIMITED", "Rate limit exceeded. Try again in %d seconds." % retry,
                           headers={"Retry-After": retry})

    def parse_body(self, raw):
        if not raw:
            return None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ApiError(400, "BAD_REQUEST", "request bodies must be sent as Content-Type: application/json")
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise ApiError(400, "BAD_REQUEST", "malformed JSON body: %s" % e)

    # -- test controls --
    def control(self, method, path, raw):
        st = self.server.state
        try:
            body = json.loads(raw.decode("utf-8")) if raw else {}
        except ValueError:
            raise ApiError(400, "BAD_REQUEST", "malformed JSON")
        with st.lock:
            if method == "POST" and path == "/__mock/advance":
                secs = body.get("seconds", 0)
                if not isinstance(secs, (int, float)) or secs < 0:
                    raise ApiError(400, "BAD_REQUEST", "seconds must be a non-negative number")
                st.clock.offset += secs
                return 200, {"virtualSeconds": st.clock.now()}
            if method == "POST" and path == "/__mock/rate-limit":
                st.forced_429 = int(body.get("count", 1))
                st.forced_retry_after = int(body.get("retryAfter", self.server.state.args.retry_after))
                return 200, {"count": st.forced_429, "retryAfter": st.forced_retry_after}
            if method == "GET" and path == "/__mock/requests":
                return 200, {"requests": list(st.requests)}
            if method == "GET" and path == "/__mock/state":
                out = []
                for c in st.campaigns.values():
                    c.refresh(st.clock)
                    t, ct, r, f = c.counters(st.clock)
                    out.append({"id": c.id, "name": c.name, "status": c.status, "targets": t, "contacted": ct,
                                "replies": r, "finished": f})
                return 200, {"virtualSeconds": st.clock.now(), "campaigns": out}
        raise ApiError(404, "NOT_FOUND", "no such test control")

    # -- routing --
    def route(self, method, path, query, body, outbox):
        if outbox:
            return self.route_outbox(method, path, query, body)
        parts = [unquote(p) for p in path[len(INBOX_PREFIX):].split("/") if p != ""]
        st = self.server.state
        routes = [
            ("GET", ["team"], self.get_team),
            ("POST", ["campaigns", "v2"], self.create_campaign),
            ("GET", ["campaigns", None], self.get_campaign),
            ("POST", ["campaigns", "v2", None, "enable"], self.enable_campaign),
            ("POST", ["campaigns", None, "pause"], self.pause_campaign),
            ("POST", ["campaigns", "v2", None, "pause"], self.pause_campaign),
            ("PUT", ["campaigns", "v2", None, "sequence"], self.put_sequence),
            ("PATCH", ["campaigns", "v2", None, "rules"], self.patch_rules),
            ("POST", ["campaigns", "v2", None, "leads"], self.add_leads),
            ("PATCH", ["campaigns", "v2", None, "leads", None], self.update_lead),
            ("POST", ["campaigns", "v2", None, "leads", None, "cancel"], self.cancel_lead),
            ("PATCH", ["campaigns", "v2", None, "columns", None], self.update_column),
        ]
        allowed = []
        for m, pattern, fn in routes:
            if len(pattern) != len(parts):
                continue
            if any(p is not None and p != q for p, q in zip(pattern, parts)):
                continue
            # "campaigns/v2" must not be read as a campaign ID by GET /campaigns/{id}.
            if pattern == ["campaigns", None] and parts[1] == "v2":
                continue
            if m != method:
                allowed.append(m)
                continue
            args = [q for p, q in zip(pattern, parts) if p is None]
            with st.lock:
                return fn(body, *args)
        if allowed:
            raise ApiError(405, "METHOD_NOT_ALLOWED", "use %s for this path" % ", ".join(sorted(set(allowed))),
                           headers={"Allow": ", ".join(sorted(set(allowed)))})
        raise ApiError(404, "NOT_FOUND", "no endpoint %s %s" % (method, path))

    def campaign(self, cid):
        if not ID_RE.match(cid):
            raise ApiError(400, "BAD_REQUEST", "campaignId must match ^[0-9a-z]+$")
        c = self.server.state.campaigns.get(cid)
        if c is None:
            raise ApiError(404, "CAMPAIGN_NOT_FOUND", "Campaign %s not found" % cid)
        c.refresh(self.server.state.clock)
        return c

    @staticmethod
    def empty_object_body(body):
        # The documented examples send {}; an absent body is tolerated.
        if body is not None and not isinstance(body, dict):
            raise unprocessable("$", "must be an object")

    def get_team(self, body):
        return 200, {"id": "hzcai5t59nn9vsck3rbuepyg", "name": "libcamp mock team", "slug": "libcamp-mock",
                     "createdAt": "2025-01-01T00:00:00.000Z", "updatedAt": "2025-01-01T00:00:00.000Z",
                     "currency": "usd", "allowSupportAccess": False}

    def get_campaign(self, body, cid):
        c = self.campaign(cid)
        return 200, c.legacy(self.server.state.clock)

    def create_campaign(self, body):
        st = self.server.state
        if body is None:
            raise unprocessable("$", "request body required")
        need_object(body, "$")
        name = req_string(body, "name", "$", 1, 255)
        if "accountLinkIds" not in body:
            raise unprocessable("$.accountLinkIds", "required field missing")
        accounts = id_array(body, "accountLinkIds", "$", lo=1, hi=50)
        if "rules" in body:
            check_rules_body(body["rules"], "$.rules")
        # The timezone field's name is not documented (inboxapp.md E4): both candidates accepted.
        tz = "UTC"
        for key in ("scheduleTimezone", "timezone"):
            if key in body:
                if not valid_timezone(body[key]):
                    raise unprocessable("$." + key, "must be an IANA time-zone name")
                tz = body[key]
        description = opt_string(body, "description", "$", 0, 1000, nullable=True)
        c = Campaign(st.new_id("campaign"), name, accounts, tz=tz, description=description)
        if "rules" in body:
            self.apply_rules(c, body["rules"])
        st.campaigns[c.id] = c
        return 200, c.v2(st.clock)

    def enable_campaign(self, body, cid):
        st = self.server.state
        self.empty_object_body(body)
        c = self.campaign(cid)
        if c.status == "completed":
            raise ApiError(409, "INVALID_STATE", "Campaign %s is completed and cannot be enabled" % cid)
        if c.status == "active":
            return 200, c.v2(st.clock)  # enabling an active campaign changes nothing
        reasons = c.not_ready_reasons()
        if reasons:
            raise ApiError(422, "CAMPAIGN_NOT_READY", "Campaign cannot be enabled: " + "; ".join(reasons))
        c.status = "active"
        c.enabled = True
        c.paused_at = None
        c.last_started_at = c.updated_at = iso()
        c.active_since = st.clock.now()
        return 200, c.v2(st.clock)

    def pause_campaign(self, body, cid):
        st = self.server.state
        self.empty_object_body(body)
        c = self.campaign(cid)
        if c.status in ("draft", "completed"):
            raise ApiError(409, "INVALID_STATE", "Only an active campaign can be paused (this one is %s)" % c.status)
        if c.status == "active":
            c.stop_clock(st.clock)
            c.status = "paused"
            c.enabled = False
            c.paused_at = c.updated_at = iso()
        return 200, c.legacy(st.clock)

    def put_sequence(self, body, cid):
        st = self.server.state
        c = self.campaign(cid)
        if body is None:
            raise unprocessable("$", "request body required")
        steps = check_steps(body)
        c.version += 1
        c.steps = [
            {"id": make_id("step", c.id, c.version, i), "type": s["type"], "rank": i, "data": s["data"],
             "campaignVersion": c.version}
            for i, s in enumerate(steps)
        ]
        c.updated_at = iso()
        return 200, {"version": c.version,
                     "steps": [{"id": s["id"], "rank": s["rank"], "type": s["type"], "data": s["data"]} for s in c.steps]}

    def apply_rules(self, c, body):
        if "syncedListIds" in body:
            mappings = body.get("columnMappings", {})
            c.rules["syncedLists"] = [
                {"listId": x, "listName": "List %s" % x[:6], "columnMapping": mappings.get(x, {})}
                for x in body["syncedListIds"]
            ]
        if "excludedListIds" in body:
            c.rules["excludedLists"] = [{"listId": x, "listName": "List %s" % x[:6]} for x in body["excludedListIds"]]
        for key in ("excludeContacted", "excludeMutuals"):
            if key in body:
                c.rules[key] = body[key]
        c.is_syncing = bool(c.rules["syncedLists"])

    def patch_rules(self, body, cid):
        c = self.campaign(cid)
        if body is None:
            raise unprocessable("$", "request body required")
        check_rules_body(body, "$")
        self.apply_rules(c, body)
        c.updated_at = iso()
        return 200, {"success": True}

    def add_leads(self, body, cid):
        c = self.campaign(cid)
        if body is None:
            raise unprocessable("$", "request body required")
        need_object(body, "$")
        if "platform" in body and body["platform"] != "twitter":
            raise unprocessable("$.platform", 'must be "twitter"')
        items = []
        present = False
        for key, kind in (("platformIds", "platformId"), ("usernames", "username"), ("externalIds", "externalId")):
            if key not in body:
                continue
            present = True
            arr = body[key]
            if not isinstance(arr, list):
                raise unprocessable("$." + key, "must be an array")
            if not 1 <= len(arr) <= MAX_LEAD_ITEMS:
                raise unprocessable("$." + key, "must have 1..2000 elements")
            for i, v in enumerate(arr):
                if not isinstance(v, str) or not v:
                    raise unprocessable("$.%s[%d]" % (key, i), "must be a string of at least 1 character")
                items.append((kind, v, None))
        if "leads" in body:
            present = True
            arr = body["leads"]
            if not isinstance(arr, list):
                raise unprocessable("$.leads", "must be an array")
            if not 1 <= len(arr) <= MAX_LEAD_ITEMS:
                raise unprocessable("$.leads", "must have 1..2000 elements")
            for i, lead in enumerate(arr):
                p = "$.leads[%d]" % i
                need_object(lead, p)
                ids = [k for k in ("platformId", "username", "externalId") if k in lead]
                if len(ids) != 1:
                    raise unprocessable(p, "must have exactly one of platformId, username, externalId")
                v = lead[ids[0]]
                if not isinstance(v, str) or not v:
                    raise unprocessable("%s.%s" % (p, ids[0]), "must be a string of at least 1 character")
                if "platform" in lead and lead["platform"] != "twitter":
                    raise unprocessable(p + ".platform", 'must be "twitter"')
                if "data" in lead:
                    need_object(lead["data"], p + ".data")
                items.append((ids[0], v, lead.get("data")))
        if not present:
            raise unprocessable("$", "one of platformIds, usernames, externalIds, leads is required")
        added = skipped = failed = 0
        for kind, value, data in items:
            if not lead_resolvable(kind, value):
                failed += 1
                continue
            key = lead_key(kind, value)
            existing = c.leads.get(key)
            if existing is not None and not existing["cancelled"]:
                skipped += 1
                continue
            c.leads[key] = {"kind": kind, "value": value, "data": dict(data or {}), "cancelled": False}
            added += 1
        c.updated_at = iso()
        return 200, {"added": added, "skipped": skipped, "failed": failed}

    def find_lead(self, c, identifier, body):
        by = "platformId"
        if body is not None:
            need_object(body, "$")
            if "by" in body:
                if body["by"] not in ("platformId", "username", "externalId"):
                    raise unprocessable("$.by", 'must be one of "platformId", "username", "externalId"')
                by = body["by"]
            if "platform" in body and body["platform"] != "twitter":
                raise unprocessable("$.platform", 'must be "twitter"')
        lead = c.leads.get(lead_key(by, identifier))
        if lead is None or lead["cancelled"]:
            raise ApiError(404, "PROSPECT_NOT_FOUND", "No lead %s=%s in campaign %s" % (by, identifier, c.id))
        return lead

    def update_lead(self, body, cid, identifier):
        c = self.campaign(cid)
        if body is None:
            raise unprocessable("$", "request body required")
        lead = self.find_lead(c, identifier, body)
        if "data" not in body:
            raise unprocessable("$.data", "required field missing")
        lead["data"].update(need_object(body["data"], "$.data"))
        v = lead["value"]
        return 200, {"prospect": {
            "platform": "twitter",
            "platformId": v if lead["kind"] == "platformId" else str(int(hashlib.sha256(v.encode()).hexdigest()[:8], 16)),
            "externalId": v if lead["kind"] == "externalId" else make_id("prospect", v),
            "displayName": v.title(),
            "username": v if lead["kind"] == "username" else "user%s" % v[:8],
            "followerCount": 1200,
            "followingCount": 300,
            "isProtected": False,
            "data": lead["data"],
        }}

    def cancel_lead(self, body, cid, identifier):
        c = self.campaign(cid)
        lead = self.find_lead(c, identifier, body)
        lead["cancelled"] = True
        c.updated_at = iso()
        return 200, {"success": True}

    def update_column(self, body, cid, column_id):
        c = self.campaign(cid)
        col = c.columns.get(column_id)
        if col is None:
            raise ApiError(404, "COLUMN_NOT_FOUND", "No column %s in campaign %s" % (column_id, cid))
        if body is None:
            raise unprocessable("$", "request body required")
        need_object(body, "$")
        if "name" not in body and "description" not in body:
            raise unprocessable("$", "name or description is required")
        name = opt_string(body, "name", "$", 1, 255)
        if "description" in body:
            col["description"] = opt_string(body, "description", "$", 0, 1000, nullable=True)
        if name is not None:
            col["name"] = name
        col["updatedAt"] = iso()
        return 200, col

    # -- Outbox --
    def route_outbox(self, method, path, query, body):
        st = self.server.state
        # The docs show both "/email/campaigns" and "/email/campaigns/" (outbox.md D2).
        norm = path.rstrip("/")
        table = {"/email/campaigns": ("POST", self.create_email_campaign),
                 "/email/senders": ("POST", self.create_sender),
                 "/contacts/list": ("GET", self.list_contacts)}
        if norm not in table:
            raise ApiError(404, "NOT_FOUND", "Not found.")
        m, fn = table[norm]
        if method != m:
            raise ApiError(405, "METHOD_NOT_ALLOWED", 'Method "%s" not allowed.' % method, headers={"Allow": m})
        with st.lock:
            return fn(body, query)

    @staticmethod
    def drf_errors(errors):
        return ApiError(400, "BAD_REQUEST", "invalid", body={k: [v] for k, v in errors})

    def create_email_campaign(self, body, query):
        st = self.server.state
        if not isinstance(body, dict):
            raise self.drf_errors([("non_field_errors", "Invalid data. Expected a dictionary.")])
        errs = []
        name = body.get("name")
        if "name" not in body:
            errs.append(("name", "This field is required."))
        elif not isinstance(name, str) or not 1 <= len(name) <= 255:
            errs.append(("name", "Ensure this field has 1 to 255 characters."))
        if "company" not in body:
            errs.append(("company", "This field is required."))
        elif not isinstance(body["company"], str) or not UUID_RE.match(body["company"]):
            errs.append(("company", "Must be a valid UUID."))
        sids = body.get("sender_identity_ids", [])
        if not isinstance(sids, list) or any(not isinstance(s, str) or not UUID_RE.match(s) for s in sids):
            errs.append(("sender_identity_ids", "Must be a list of valid UUIDs."))
        if "status" in body and body["status"] not in ("draft", "active", "paused", "completed", "cancelled"):
            errs.append(("status", '"%s" is not a valid choice.' % body["status"]))
        if "description" in body and not isinstance(body["description"], str):
            errs.append(("description", "Not a valid string."))
        if "timezone" in body and (not isinstance(body["timezone"], str) or len(body["timezone"]) > 64):
            errs.append(("timezone", "Ensure this field has no more than 64 characters."))
        for key in ("stop_on_reply", "is_deleted"):
            if key in body and not isinstance(body[key], bool):
                errs.append((key, "Must be a valid boolean."))
        if "created_at" in body and (not isinstance(body["created_at"], str) or not DATETIME_RE.match(body["created_at"])):
            errs.append(("created_at", "Datetime has wrong format."))
        for key in ("workflow", "created_by", "responder_agent"):
            v = body.get(key)
            if v is not None and (not isinstance(v, str) or not UUID_RE.match(v)):
                errs.append((key, "Must be a valid UUID."))
        if errs:
            raise self.drf_errors(errs)
        now = iso()
        cid = make_uuid("email-campaign", st.new_id("email"))
        obj = {
            "id": cid,
            "steps": [],
            "sender_identities": ",".join(sids),
            "sent_count": "0",
            "unique_opens": "0",
            "unique_clicks": "0",
            "replies": "0",
            "name": name,
            "updated_at": now,
            "company": body["company"],
            "sender_identity_ids": sids,
            "status": body.get("status", "draft"),
            "description": body.get("description", ""),
            "timezone": body.get("timezone", "UTC"),
            "allowed_windows": body.get("allowed_windows"),
            "stop_on_reply": body.get("stop_on_reply", True),
            "is_deleted": body.get("is_deleted", False),
            "created_at": body.get("created_at", now),
            "workflow": body.get("workflow"),
            "created_by": body.get("created_by"),
            "responder_agent": body.get("responder_agent"),
        }
        st.email_campaigns[cid] = obj
        return 201, obj

    def create_sender(self, body, query):
        st = self.server.state
        if not isinstance(body, dict):
            raise self.drf_errors([("non_field_errors", "Invalid data. Expected a dictionary.")])
        errs = []
        fe = body.get("from_email")
        if "from_email" not in body:
            errs.append(("from_email", "This field is required."))
        elif not isinstance(fe, str) or not 1 <= len(fe) <= 255 or not EMAIL_RE.match(fe):
            errs.append(("from_email", "Enter a valid email address."))
        if "company" not in body:
            errs.append(("company", "This field is required."))
        elif not isinstance(body["company"], str) or not UUID_RE.match(body["company"]):
            errs.append(("company", "Must be a valid UUID."))
        if "from_name" in body and (not isinstance(body["from_name"], str) or len(body["from_name"]) > 255):
            errs.append(("from_name", "Ensure this field has no more than 255 characters."))
        rt = body.get("reply_to_email")
        if rt is not None and (not isinstance(rt, str) or len(rt) > 255 or not EMAIL_RE.match(rt)):
            errs.append(("reply_to_email", "Enter a valid email address."))
        if "verification_mode" in body and body["verification_mode"] not in ("single_email", "domain"):
            errs.append(("verification_mode", '"%s" is not a valid choice.' % body["verification_mode"]))
        if "status" in body and body["status"] not in ("pending", "verified", "failed"):
            errs.append(("status", '"%s" is not a valid choice.' % body["status"]))
        for key in ("use_default_reply_to", "is_default", "is_deleted"):
            if key in body and not isinstance(body[key], bool):
                errs.append((key, "Must be a valid boolean."))
        for key in ("connection", "domain"):
            v = body.get(key)
            if v is not None and (not isinstance(v, str) or not UUID_RE.match(v)):
                errs.append((key, "Must be a valid UUID."))
        if errs:
            raise self.drf_errors(errs)
        now = iso()
        sid = make_uuid("sender", st.new_id("sender"))
        obj = {
            "id": sid, "from_email": fe, "updated_at": now, "company": body["company"],
            "from_name": body.get("from_name", ""), "reply_to_email": body.get("reply_to_email"),
            "use_default_reply_to": body.get("use_default_reply_to", True),
            "provider_sender_id": body.get("provider_sender_id"),
            "verification_details": body.get("verification_details"), "is_default": body.get("is_default", False),
            "is_deleted": body.get("is_deleted", False), "verified_at": body.get("verified_at"),
            "created_at": now, "connection": body.get("connection"), "domain": body.get("domain"),
        }
        st.senders[sid] = obj
        return 201, obj

    def list_contacts(self, body, query):
        st = self.server.state
        page = query.get("page", ["1"])[-1]
        if not page.isdigit() or int(page) < 1:
            raise ApiError(400, "BAD_REQUEST", "invalid", body={"page": ["A valid integer >= 1 is required."]})
        sort_by = query.get("sort_by", ["last_activity"])[-1]
        direction = query.get("sort_direction", ["desc"])[-1]
        if sort_by not in ("last_activity", "created_at"):
            raise ApiError(400, "BAD_REQUEST", "invalid", body={"sort_by": ['"%s" is not a valid choice.' % sort_by]})
        if direction not in ("asc", "desc"):
            raise ApiError(400, "BAD_REQUEST", "invalid",
                           body={"sort_direction": ['"%s" is not a valid choice.' % direction]})
        rows = st.contacts
        search = query.get("search", [""])[-1].lower()
        if search:
            rows = [r for r in rows if search in r["name"].lower() or search in r["email"] or search in r["phone"]]
        tags = query.get("tags", [])
        if tags:
            rows = [r for r in rows if any(t in r["tags"] for t in tags)]
        rows = sorted(rows, key=lambda r: r[sort_by], reverse=(direction == "desc"))
        start = (int(page) - 1) * 20  # fixed page size 20 (outbox.md O3)
        return 200, {"results": rows[start:start + 20], "total": len(rows)}


# ---- server -------------------------------------------------------------------------


class MockServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr, ssl_ctx, **kw):
        self.ssl_ctx = ssl_ctx
        super().__init__(addr, Handler, **kw)

    def get_request(self):
        sock, addr = self.socket.accept()
        if self.ssl_ctx is not None:
            # The handshake runs in the connection's thread (Handler.setup) so a
            # client that stalls cannot block the accept loop.
            sock = self.ssl_ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if not self.quiet:
            sys.stderr.write("mockapi: connection from %s:%d dropped: %s\n" % (client_address[0], client_address[1], exc))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Mock InboxApp + Outbox API (see the module docstring).")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port")
    ap.add_argument("--port-file", help="write the port here once listening")
    ap.add_argument("--certs", help="directory from make_certs.sh: serve HTTPS with server.crt/server.key")
    ap.add_argument("--cert", help="server certificate (PEM); with --key")
    ap.add_argument("--key", help="server key (PEM)")
    ap.add_argument("--plain", action="store_true", help="serve plain HTTP instead of HTTPS")
    ap.add_argument("--token", default=os.environ.get("MOCKAPI_TOKEN", "test-token"),
                    help="bearer token clients must send (default: $MOCKAPI_TOKEN or test-token)")
    ap.add_argument("--speed", type=float, default=1.0, help="virtual seconds per real second")
    ap.add_argument("--frozen-clock", action="store_true", help="only /__mock/advance moves time")
    ap.add_argument("--rate-limit-every", type=int, default=0, help="every Nth API request gets 429")
    ap.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds on 429")
    ap.add_argument("--flat-401", action="store_true", help="answer 401 with the flat error body (D12)")
    ap.add_argument("--log", help="append one line per request to this file")
    ap.add_argument("--quiet", action="store_true", help="do not log to stderr")
    ap.add_argument("--exit-after", type=float, default=0, help="stop after N seconds (safety net)")
    ap.add_argument("--conn-timeout", type=float, default=10.0, help="idle/handshake timeout per connection")
    args = ap.parse_args(argv)

    ctx = None
    if not args.plain:
        cert, key = args.cert, args.key
        if args.certs:
            cert, key = os.path.join(args.certs, "server.crt"), os.path.join(args.certs, "server.key")
        if not cert or not key:
            ap.error("give --certs DIR or --cert/--key for HTTPS, or --plain for HTTP")
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_cert_chain(cert, key)

    server = MockServer((args.host, args.port), ctx)
    server.state = State(args)
    server.token = args.token
    server.flat_401 = args.flat_401
    server.rate_limit_every = max(0, args.rate_limit_every)
    server.quiet = args.quiet
    server.conn_timeout = args.conn_timeout
    server.log_lock = threading.Lock()
    server.log_file = open(args.log, "a", encoding="utf-8") if args.log else None

    port = server.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)  # readers never see a half-written file
    if not args.quiet:
        sys.stderr.write("mockapi: listening on %s://%s:%d (token %s)\n"
                         % ("http" if ctx is None else "https", args.host, port, "set" if args.token else "none"))

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.exit_after > 0:
        timer = threading.Timer(args.exit_after, stop)
        timer.daemon = True
        timer.start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        if server.log_file is not None:
            server.log_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
