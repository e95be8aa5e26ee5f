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
  GET    /team                                         auth smoke test {id,name,slug,image,createdAt,updatedAt}
  GET    /events?afterSeq=&limit=                      event replay feed {events, hasMore, lastSeq} (§8.5)
Outbox (root paths; "Authorization: KEY" or "Bearer KEY"):
  POST /email/campaigns/   POST /email/senders/   GET /contacts/list
Test controls (no auth):
  POST /__mock/advance {"seconds": N}      move the virtual clock forward
  POST /__mock/rate-limit {"count": N, "retryAfter": S}   next N API calls get 429
  GET  /__mock/requests                    every request seen (method, path, status, body)
  GET  /__mock/state                       campaigns with their live counters
  POST /__mock/error-format {"format": "v1"|"v2"}   error body of every later InboxApp error
  POST /__mock/events {"type": T, "data": {...}}     record an event of any type (e.g. thread.created)
  POST /__mock/events/skip {"count": N}    consume N sequence numbers without an event (a gap)
  GET  /__mock/events                      every stored event with its virtual age
  POST /__mock/webhooks {"url", "secret", "format": "v1"|"v2"}  deliver each new event there, signed
  GET  /__mock/webhooks                    subscribers and every delivery (seq, mode, HTTP status)
  DELETE /__mock/webhooks                  forget every subscriber
  POST /__mock/webhooks/flush              wait until every queued delivery was attempted
  POST /__mock/webhooks/replay {"seq": N}  re-send event N's first delivery byte for byte
  POST /__mock/webhooks/deliver {"seq": N, "age": S, "badSignature": B}
                                           deliver event N now, signed with t = now - S (or a
                                           wrong signature); answers the receiver's status
  Header "X-Mock-Error-Format: v2" switches one request to the v2 error body.
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

Events (§8.1/§8.2, v1.0 envelopes, seq increasing per team): campaign.created
(create), campaign.started (enable; with campaign.resumed after a pause),
campaign.paused, campaign.completed, target.contacted, target.followUpSent (once a
lead's delays have passed, when the sequence has a second message) and target.replied as the
virtual clock contacts leads (at most EVENTS_PER_TICK of each kind per campaign
per clock step: a long advance records the first ones and counts the rest in
/__mock/state "eventsNotRecorded", so it cannot flood). Events are kept for 7
virtual days and at most 25,000. Webhook deliveries run on a worker thread with
X-Inbox-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}"> (§8.3) in the v1
envelope or the v2 one (§8.4); t is real wall-clock time, as a receiver checks it.
Every response carries X-Request-Id; v2 error bodies repeat it as requestId.

Every request is logged as "METHOD PATH STATUS" to --log (and stderr unless
--quiet). The port is written to --port-file once listening. SIGTERM/SIGINT stop
the server cleanly; --exit-after N stops it after N seconds whatever happens.
"""

import argparse
import datetime
import hashlib
import hmac
import json
import math
import os
import queue
import re
import signal
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import urllib.error
import urllib.request
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
TEAM_ID = "hzcai5t59nn9vsck3rbuepyg"
# Deliveries go straight to the subscriber, whatever http_proxy says.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
EVENT_KEEP_SECONDS = 7 * 86400  # §8.5: events are kept 7 days
EVENT_MAX = 25000               # ... and at most 25,000 per team
EVENTS_PER_TICK = 20            # per kind and campaign in one clock step
EVENT_TYPE_RE = re.compile(r"^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$")


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
        self.ev_contacted = 0  # contacted / replied leads already recorded as events
        self.ev_replies = 0
        self.ev_followups = 0
        self.ev_completed = False

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

    def summary(self, clock):
        """The webhook payload shape (§3.3)."""
        obj = self._common(clock)
        targets, contacted, replies, _ = self.counters(clock)
        obj.update({
            "completionRate": round(contacted / targets, 4) if targets else 0,
            "replyRate": round(replies / contacted, 4) if contacted else 0,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "pausedAt": self.paused_at,
            "completedAt": self.completed_at,
            "lastStartedAt": self.last_started_at,
        })
        return obj

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
    c.ev_contacted, c.ev_replies, c.ev_followups = c.base_contacted, c.base_replies, c.base_contacted
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
        self.error_format = "v1"
        self.request_counter = 0
        # Events: [{"env": v1 envelope, "vt": virtual second recorded, "cid": campaign id,
        # "sent": {hook id: (body, signature header)}}], oldest first.
        self.wall0 = time.time()
        self.events = []
        self.seq = 0
        self.not_recorded = 0
        self.hooks = []
        self.hook_counter = 0
        self.deliveries = []
        self.delivery_q = queue.Queue()
        worker = threading.Thread(target=self._delivery_worker, daemon=True)
        worker.start()

    # -- events (call with self.lock held) --
    def event_time(self):
        return iso(self.wall0 + self.clock.now())

    def record_event(self, etype, data, cid=None):
        self.seq += 1
        env = {"id": make_id("event", self.seq, os.getpid(), self.wall0), "seq": self.seq, "teamId": TEAM_ID,
               "type": etype, "timestamp": self.event_time(), "version": "1.0", "data": data}
        entry = {"env": env, "vt": self.clock.now(), "cid": cid, "sent": {}}
        self.events.append(entry)
        keep = self.args.event_max
        if len(self.events) > keep:
            del self.events[:len(self.events) - keep]
        for hook in self.hooks:
            self.delivery_q.put((hook, entry))
        return env

    def campaign_event(self, etype, c):
        return self.record_event(etype, {"campaign": c.summary(self.clock)}, c.id)

    def target_event(self, etype, c, index):
        active = [lead for lead in c.leads.values() if not lead["cancelled"]]
        if index < len(active):
            kind, value = active[index]["kind"], active[index]["value"]
        else:  # seeded counters have no lead records behind them
            kind, value = "username", "lead%d" % index
        pid = value if kind == "platformId" else str(int(hashlib.sha256(value.encode()).hexdigest()[:12], 16))
        account = c.account_ids[index % len(c.account_ids)] if c.account_ids else make_id("account", c.id)
        ts = self.event_time()
        text = {"target.contacted": "Hi %s, quick question about your work." % value,
                "target.followUpSent": "Just following up on my note above!"}.get(etype, "Sure, tell me more.")
        data = {
            "campaign": c.summary(self.clock),
            "thread": {"id": make_id("thread", c.id, pid), "platform": "twitter",
                       "platformId": "44196397:%s" % pid, "accountLinkId": account},
            "message": {"id": make_id("message", c.id, pid, etype), "content": text, "createdAt": ts},
            "prospect": {"id": make_id("prospect", pid), "platformId": pid, "platform": "twitter",
                         "displayName": value.title(), "username": value if kind == "username" else "user" + pid[:8],
                         "image": "https://pbs.twimg.com/profile_images/%s/mock.jpg" % pid,
                         "context": {"tags": [], "status": None}},
        }
        return self.record_event(etype, data, c.id)

    def tick(self):
        """Record what the clock did since the last call; forget events older than 7 days."""
        for c in list(self.campaigns.values()):
            c.refresh(self.clock)
            _, contacted, replies, finished = c.counters(self.clock)
            # A lead whose delays have all passed got the later message steps: one
            # target.followUpSent when the sequence has a message after the first.
            messages = sum(1 for s in c.steps if s["type"] == "message")
            followups = finished if messages > 1 else 0
            for kind, done, attr in (("target.contacted", contacted, "ev_contacted"),
                                     ("target.followUpSent", followups, "ev_followups"),
                                     ("target.replied", replies, "ev_replies")):
                first = getattr(c, attr)
                if done <= first:
                    continue
                upto = min(done, first + EVENTS_PER_TICK)
                for i in range(first, upto):
                    # The k-th reply comes from roughly every 8th contacted lead (12 %).
                    self.target_event(kind, c, i if kind != "target.replied" else min(contacted - 1, i * 25 // 3))
                self.not_recorded += done - upto
                setattr(c, attr, done)
            if c.status == "completed" and not c.ev_completed:
                c.ev_completed = True
                self.campaign_event("campaign.completed", c)
        horizon = self.clock.now() - EVENT_KEEP_SECONDS
        drop = 0
        while drop < len(self.events) and self.events[drop]["vt"] < horizon:
            drop += 1
        if drop:
            del self.events[:drop]

    def find_event(self, seq):
        for entry in self.events:
            if entry["env"]["seq"] == seq:
                return entry
        return None

    # -- webhook deliveries (never with self.lock held: a receiver may be slow) --
    @staticmethod
    def v2_envelope(entry):
        env = entry["env"]
        data = env["data"]
        cid = entry["cid"]
        if env["type"].startswith("target.") and "thread" in data:
            data = {"threadId": data["thread"]["id"], "messageId": data["message"]["id"],
                    "contactId": data["prospect"]["id"], "stepNumber": 1}
        out = {"id": env["id"], "seq": env["seq"], "type": env["type"], "apiVersion": "2",
               "createdAt": env["timestamp"]}
        if cid is not None:
            out["object"] = {"type": "campaign", "id": cid, "url": "https://inboxapp.com/api/v1/campaigns/" + cid}
        out["data"] = data
        return out

    @staticmethod
    def sign(secret, t, body):
        mac = hmac.new(secret.encode("utf-8"), ("%d." % t).encode() + body, hashlib.sha256).hexdigest()
        return "t=%d,v1=%s" % (t, mac)

    def body_for(self, hook, entry):
        env = entry["env"] if hook["format"] == "v1" else self.v2_envelope(entry)
        return json.dumps(env, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def post(self, hook, entry, body, header, mode):
        req = urllib.request.Request(hook["url"], data=body, method="POST")
        req.add_header("Content-Type", "application/json")
        req.add_header("X-Inbox-Signature", header)
        req.add_header("User-Agent", "libcamp-mockapi/1")
        try:
            with DIRECT.open(req, timeout=5) as r:
                status, text = r.status, r.read(4096)
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read(4096)
        except (OSError, ValueError) as e:
            status, text = 0, str(e).encode()
        text = text.decode("utf-8", "replace")
        with self.lock:
            self.deliveries.append({"hook": hook["id"], "seq": entry["env"]["seq"], "id": entry["env"]["id"],
                                    "type": entry["env"]["type"], "mode": mode, "status": status, "body": text[:512]})
            if len(self.deliveries) > 10000:
                del self.deliveries[:1000]
        return status, text

    def _delivery_worker(self):
        while True:
            hook, entry = self.delivery_q.get()
            try:
                with self.lock:
                    gone = hook not in self.hooks
                if gone:
                    continue  # unsubscribed while queued (the finally still marks it done)
                body = self.body_for(hook, entry)
                header = self.sign(hook["secret"], int(time.time()), body)
                with self.lock:
                    entry["sent"][hook["id"]] = (body, header)
                self.post(hook, entry, body, header, "new")
            except Exception as e:  # noqa: BLE001 - one bad delivery must not stop the worker
                sys.stderr.write("mockapi: webhook delivery failed: %r\n" % e)
            finally:
                self.delivery_q.task_done()

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
        self.send_header("X-Request-Id", getattr(self, "request_id", "req_none"))
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
        st = self.server.state
        with st.lock:
            st.request_counter += 1
            self.request_id = "req_" + make_id("request", st.request_counter, st.wall0)
        self.query = query
        try:
            raw = self.read_body()
            if path.startswith("/__mock/"):
                status = self.send_json(*self.control(method, path, raw))
                return
            headers = self.rate_headers() if not outbox else {}
            self.check_auth(outbox)
            self.check_forced_failures()
            body = self.parse_body(raw)
            with st.lock:
                st.tick()
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
        elif (self.headers.get("X-Mock-Error-Format") or self.server.state.error_format) == "v2":
            # API v2 (§5): flat {code, message, details, requestId}, codes in lowerCamelCase.
            words = e.code.lower().split("_")
            code = words[0] + "".join(w.title() for w in words[1:])
            body = {"code": code, "message": e.message, "details": {"status": e.status},
                    "requestId": self.request_id}
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
        if not isinstance(body, dict):
            raise ApiError(400, "BAD_REQUEST", "control bodies are JSON objects")
        answer = self.webhook_control(method, path, body)
        if answer is not None:
            return answer
        with st.lock:
            answer = self.events_control(method, path, body)
            if answer is not None:
                return answer
            if method == "POST" and path == "/__mock/advance":
                secs = body.get("seconds", 0)
                if not isinstance(secs, (int, float)) or secs < 0:
                    raise ApiError(400, "BAD_REQUEST", "seconds must be a non-negative number")
                # Step by at most an hour, so events are recorded along the way
                # (and capped per step), not all at the end.
                while secs > 0:
                    step = min(secs, 3600)
                    st.clock.offset += step
                    secs -= step
                    st.tick()
                return 200, {"virtualSeconds": st.clock.now()}
            if method == "POST" and path == "/__mock/rate-limit":
                st.forced_429 = int(body.get("count", 1))
                st.forced_retry_after = int(body.get("retryAfter", self.server.state.args.retry_after))
                return 200, {"count": st.forced_429, "retryAfter": st.forced_retry_after}
            if method == "GET" and path == "/__mock/requests":
                return 200, {"requests": list(st.requests)}
            if method == "GET" and path == "/__mock/state":
                st.tick()
                out = []
                for c in st.campaigns.values():
                    c.refresh(st.clock)
                    t, ct, r, f = c.counters(st.clock)
                    out.append({"id": c.id, "name": c.name, "status": c.status, "targets": t, "contacted": ct,
                                "replies": r, "finished": f})
                return 200, {"virtualSeconds": st.clock.now(), "campaigns": out,
                             "lastSeq": st.seq, "eventsNotRecorded": st.not_recorded}
        raise ApiError(404, "NOT_FOUND", "no such test control")

    def need_seq(self, body):
        seq = body.get("seq")
        if not is_int(seq):
            raise ApiError(400, "BAD_REQUEST", "seq must be an integer")
        entry = self.server.state.find_event(seq)
        if entry is None:
            raise ApiError(404, "NOT_FOUND", "no stored event with seq %d" % seq)
        return entry

    def need_hook(self, body):
        hooks = self.server.state.hooks
        if not hooks:
            raise ApiError(409, "NO_WEBHOOK", "register a webhook first (POST /__mock/webhooks)")
        want = body.get("hook", hooks[0]["id"])
        for hook in hooks:
            if hook["id"] == want:
                return hook
        raise ApiError(404, "NOT_FOUND", "no webhook %r" % (want,))

    def webhook_control(self, method, path, body):
        """Webhook controls that deliver synchronously: they run without the state lock."""
        st = self.server.state
        if method == "POST" and path == "/__mock/webhooks/flush":
            deadline = time.time() + 15
            while st.delivery_q.unfinished_tasks and time.time() < deadline:
                time.sleep(0.02)
            return 200, {"pending": st.delivery_q.unfinished_tasks}
        if method == "POST" and path == "/__mock/webhooks/replay":
            with st.lock:
                entry = self.need_seq(body)
                hook = self.need_hook(body)
                sent = entry["sent"].get(hook["id"])
            if sent is None:
                raise ApiError(409, "NOT_DELIVERED", "event %d was never delivered to webhook %d"
                               % (entry["env"]["seq"], hook["id"]))
            status, text = st.post(hook, entry, sent[0], sent[1], "replay")
            return 200, {"status": status, "body": text}
        if method == "POST" and path == "/__mock/webhooks/deliver":
            age = body.get("age", 0)
            if not isinstance(age, (int, float)) or isinstance(age, bool):
                raise ApiError(400, "BAD_REQUEST", "age must be a number of seconds")
            with st.lock:
                entry = self.need_seq(body)
                hook = self.need_hook(body)
            payload = st.body_for(hook, entry)
            header = st.sign(hook["secret"], int(time.time() - age), payload)
            mode = "age %ss" % age
            if body.get("badSignature"):
                header = header[:-1] + ("0" if header[-1] != "0" else "1")
                mode = "bad signature"
            status, text = st.post(hook, entry, payload, header, mode)
            return 200, {"status": status, "body": text, "signature": header}
        return None

    def events_control(self, method, path, body):
        """Event and webhook controls that only touch the state (lock held)."""
        st = self.server.state
        if method == "POST" and path == "/__mock/error-format":
            if body.get("format") not in ("v1", "v2"):
                raise ApiError(400, "BAD_REQUEST", 'format must be "v1" or "v2"')
            st.error_format = body["format"]
            return 200, {"format": st.error_format}
        if method == "POST" and path == "/__mock/events":
            etype = body.get("type")
            if not isinstance(etype, str) or not EVENT_TYPE_RE.match(etype):
                raise ApiError(400, "BAD_REQUEST", "type must be resource.action, e.g. thread.created")
            data = body.get("data", {})
            if not isinstance(data, dict):
                raise ApiError(400, "BAD_REQUEST", "data must be an object")
            st.tick()
            return 200, st.record_event(etype, data, body.get("campaignId"))
        if method == "POST" and path == "/__mock/events/skip":
            count = body.get("count", 1)
            if not is_int(count) or not 1 <= count <= 1000:
                raise ApiError(400, "BAD_REQUEST", "count must be an integer in 1..1000")
            st.tick()
            st.seq += count
            return 200, {"nextSeq": st.seq + 1}
        if method == "GET" and path == "/__mock/events":
            st.tick()
            now = st.clock.now()
            return 200, {"events": [dict(e["env"], ageSeconds=now - e["vt"]) for e in st.events],
                         "notRecorded": st.not_recorded}
        if method == "POST" and path == "/__mock/webhooks":
            url, secret, fmt = body.get("url"), body.get("secret"), body.get("format", "v1")
            if not isinstance(url, str) or not re.match(r"^https?://[^\s]+$", url):
                raise ApiError(400, "BAD_REQUEST", "url must be an http:// or https:// URL")
            if not isinstance(secret, str) or not secret:
                raise ApiError(400, "BAD_REQUEST", "secret must be a non-empty string")
            if fmt not in ("v1", "v2"):
                raise ApiError(400, "BAD_REQUEST", 'format must be "v1" or "v2"')
            st.tick()  # only events recorded from now on are delivered
            st.hook_counter += 1
            hook = {"id": st.hook_counter, "url": url, "secret": secret, "format": fmt}
            st.hooks.append(hook)
            return 200, {"id": hook["id"], "url": url, "format": fmt}
        if method == "GET" and path == "/__mock/webhooks":
            st.tick()
            return 200, {"hooks": [{"id": h["id"], "url": h["url"], "format": h["format"]} for h in st.hooks],
                         "deliveries": list(st.deliveries), "pending": st.delivery_q.unfinished_tasks}
        if method == "DELETE" and path == "/__mock/webhooks":
            st.hooks = []
            return 200, {"hooks": []}
        return None

    # -- routing --
    def route(self, method, path, query, body, outbox):
        if outbox:
            return self.route_outbox(method, path, query, body)
        parts = [unquote(p) for p in path[len(INBOX_PREFIX):].split("/") if p != ""]
        st = self.server.state
        routes = [
            ("GET", ["team"], self.get_team),
            ("GET", ["events"], self.list_events),
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
        # The documented object (§4), every member present.
        return 200, {"id": TEAM_ID, "name": "libcamp mock team", "slug": "libcamp-mock", "image": None,
                     "createdAt": "2025-01-01T00:00:00.000Z", "updatedAt": "2025-01-02T00:00:00.000Z"}

    def query_int(self, name, lo, hi, default):
        values = self.query.get(name)
        if not values:
            return default
        if len(values) > 1:
            raise ApiError(400, "BAD_REQUEST", "%s: give it once" % name)
        text = values[0]
        if not text.isdigit() or not text.isascii():
            raise ApiError(400, "BAD_REQUEST", "%s: must be an integer in %d..%d" % (name, lo, hi))
        value = int(text)
        if not lo <= value <= hi:
            raise ApiError(422, "VALIDATION_ERROR", "%s: must be in %d..%d, got %s" % (name, lo, hi, text))
        return value

    def list_events(self, body):
        """§8.5: events after afterSeq, at most limit; lastSeq is the last one's seq (null if none)."""
        st = self.server.state
        after = self.query_int("afterSeq", 0, MAX_SAFE, 0)
        limit = self.query_int("limit", 1, 1000, 100)
        newer = [e["env"] for e in st.events if e["env"]["seq"] > after]
        page = newer[:limit]
        return 200, {"events": page, "hasMore": len(newer) > limit,
                     "lastSeq": page[-1]["seq"] if page else None}

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
        st.campaign_event("campaign.created", c)
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
        resumed = c.status == "paused"
        c.status = "active"
        c.enabled = True
        c.paused_at = None
        c.last_started_at = c.updated_at = iso()
        c.active_since = st.clock.now()
        # §8.2: campaign.started fires on the first start and on a resume, with campaign.resumed.
        st.campaign_event("campaign.started", c)
        if resumed:
            st.campaign_event("campaign.resumed", c)
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
            st.campaign_event("campaign.paused", c)
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
    ap.add_argument("--event-max", type=int, default=EVENT_MAX,
                    help="events kept per team, oldest dropped first (default 25000, §8.5)")
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
    if not args.frozen_clock:
        # A running clock contacts leads between requests too: record (and deliver) as it goes.
        def ticker():
            while True:
                time.sleep(0.5)
                with server.state.lock:
                    server.state.tick()
        threading.Thread(target=ticker, daemon=True).start()
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
