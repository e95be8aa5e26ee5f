# Extra seed generators, run by tools/fuzz_seed.sh (which provides add(), read(),
# fx, fixtures, invalid, by_type, json, struct, os, shared). Each seed follows the
# input layout documented at the top of its target's source file.

# --- fuzz_tz_rule: "RULE-OR-NAME\n" + 8-byte instant + 7 x 5-byte windows -------------
def windows(days):
    out = b""
    for d in range(7):
        if d in days:
            s, e = days[d]
            out += bytes([1]) + struct.pack(">HH", s, e)
        else:
            out += bytes([0, 0, 0, 0, 0])
    return out

workweek = {d: (540, 1020) for d in range(1, 6)}
full = {d: (0, 1440) for d in range(7)}
odd = {0: (1439, 1440), 3: (0, 1), 6: (150, 151)}
bad = {2: (600, 600)}
instants = [1772955000, 1772953200, 1793512800, 946684800, 4102444799, 1700000000]
zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
         "Asia/Kolkata", "Africa/Casablanca", "Asia/Gaza", "Pacific/Chatham", "UTC",
         "America/Sao_Paulo", "Antarctica/Troll", "Europe/Dublin", "America/Godthab"]
rules = ["EST5EDT,M3.2.0,M11.1.0", "<+0545>-5:45", "CET-1CEST,M3.5.0,M10.5.0/3",
         "IST-1GMT0,M10.5.0,M3.5.0/1", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
         "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "EST5EDT4,J60/25,300/-167:59:59",
         "AAA-24:59:59BBB,0/0,J365/167", "<+00>0<+02>-2,M3.5.0/1,M10.5.0/3", "UTC0",
         "NZST-12NZDT,M9.5.0,M4.1.0/3", "EST5EDT", "<A>5", "ABC+25"]
for z in zones:
    # Real footers from the host's tzdata, when present.
    p = os.path.join("/usr/share/zoneinfo", z)
    if os.path.exists(p):
        lines = read(p).rstrip(b"\n").split(b"\n")
        if lines and len(lines[-1]) < 120 and b"\x00" not in lines[-1]:
            rules.append(lines[-1].decode("latin-1"))
for i, text in enumerate(zones + rules):
    w = [workweek, full, odd, bad][i % 4]
    t = instants[i % len(instants)]
    add("fuzz_tz_rule", "tz-%02d" % i, text.encode("latin-1") + b"\n" + struct.pack(">Q", t) + windows(w))

# --- fuzz_http_response: 11-byte transport script + the peer's bytes -----------------
def script(flags=0, cap_units=127, plan=(0xFF,) * 8, err=0):
    return bytes([flags, cap_units]) + bytes(plan) + bytes([err])

def chunked(body, size):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x;ext=1\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\nX-Trailer: t\r\n\r\n"

bodies = [read(p) for p in fixtures[:6]] + [read(os.path.join(fx, "inboxapp-error-rate-limited.json"))]
plans = [(0xFF,) * 8, (1,) * 8, (7, 0, 3, 200, 1, 0xF0, 2, 5), (0, 1, 0, 2, 0, 3, 0, 4)]
i = 0
for body in bodies:
    heads = [
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body),
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nX-RateLimit-Limit: 60\r\n"
        b"X-RateLimit-Remaining: 0\r\nX-RateLimit-Reset: 1737018960\r\nContent-Length: %d\r\n\r\n" % len(body),
        b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n\r\n",
    ]
    for h in heads:
        add("fuzz_http_response", "resp-%03d" % i, script(plan=plans[i % 4]) + h + body)
        i += 1
    add("fuzz_http_response", "resp-%03d-chunked" % i,
        script(plan=plans[i % 4]) + b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body, 1 + i * 7 % 300))
    i += 1
for name, raw in [
        ("100-continue", b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-Request-Id: r1\r\n\r\n"),
        ("301", b"HTTP/1.1 301 Moved\r\nLocation: https://inboxapp.com/x\r\nContent-Length: 0\r\n\r\n"),
        ("head", b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"),
        ("gzip", b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}"),
        ("cl-te", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
        ("dup-cl", b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
        ("304", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"),
        ("big-chunk", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n"),
        ("lf-only", b"HTTP/1.1 200 OK\nContent-Length: 2\n\n{}"),
        ("close", b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"a\":1}")]:
    flags = 8 if name == "head" else 0
    add("fuzz_http_response", "resp-" + name, script(flags=flags, plan=plans[i % 4]) + raw)
    add("fuzz_http_response", "resp-" + name + "-err", script(flags=1, cap_units=3, plan=plans[(i + 1) % 4], err=2) + raw)
    i += 1

# --- dictionaries of field names (fuzz/dict/inbox.dict, fuzz/dict/outbox.dict) -------
def collect(v, keys, vals):
    if isinstance(v, dict):
        for k, x in v.items():
            keys.add(k)
            collect(x, keys, vals)
    elif isinstance(v, list):
        for x in v:
            collect(x, keys, vals)
    elif isinstance(v, str) and len(v) <= 24 and v.replace(".", "").replace("_", "").replace("-", "").isalnum():
        vals.add(v)

for prefix, dname in (("inboxapp-", "inbox"), ("outbox-", "outbox")):
    keys, vals = set(), set()
    for p in fixtures + invalid:
        if os.path.basename(p).startswith(prefix):
            try:
                collect(json.loads(read(p)), keys, vals)
            except Exception:
                pass
    lines = ["# %s field names and short values from the fixtures (tools/fuzz_seed.sh)" % dname]
    for k in sorted(keys):
        lines.append('"\\"%s\\":"' % k.replace("\\", "\\\\").replace('"', '\\"'))
    for v in sorted(x for x in vals if not x.isdigit())[:300]:
        lines.append('"\\"%s\\""' % v.replace("\\", "\\\\").replace('"', '\\"'))
    lines += ['"null"', '"true"', '"false"', '"[]"', '"{}"', '"9007199254740992"', '"-1"', '"1440"']
    with open(os.path.join("fuzz", "dict", dname + ".dict"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

# --- fuzz_webhook_signature: skew byte + header + "\n" + raw body ----------------------
vec = os.path.join(fx, "inboxapp-webhook-signature-vectors.json")
if os.path.exists(vec):
    cases = json.loads(read(vec)).get("cases", [])
    for i, c in enumerate(cases):
        skew = max(-127, min(127, ((c.get("now") or 0) - (c.get("t") or 0)) // 5)) & 0xFF
        hdr = c.get("header", "") or ""
        add("fuzz_webhook_signature", "vec-%02d-%s" % (i, c.get("name", "")),
            bytes([skew]) + hdr.encode("utf-8") + b"\n" + (c.get("rawBody", "") or "").encode("utf-8"))
for i, h in enumerate(["t=1,v1=", "v1=ab,t=12", "t=9223372036854775807,v1=" + "0" * 64,
                       "t=9223372036854775808,v1=" + "a" * 64, " t=5 ,\tv0=zz, v1=" + "f" * 64 + " ,v1=x",
                       "t=1,t=2,v1=" + "0" * 64, "t=1," + ",".join(["v1=" + "1" * 64] * 5), "", "=,=,"]):
    add("fuzz_webhook_signature", "edge-%02d" % i, bytes([i * 40 & 0xFF]) + h.encode() + b"\n{}")

# --- fuzz_client_response: 11-byte script + 16 retry bytes + server bytes ------------
retry_bytes = [bytes([6, 10, 60, 90, 0x83, 2, 3, 7, 1, 2, 3, 4, 0, 0, 0, 0]),
               bytes([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]
cli = [("inbox-get", 0, os.path.join(fx, "inboxapp-campaign-get-response.json"), b"200 OK"),
       ("inbox-429", 0, os.path.join(fx, "inboxapp-error-rate-limited.json"), b"429 Too Many Requests"),
       ("inbox-401", 0, os.path.join(fx, "inboxapp-error-unauthorized-flat.json"), b"401 Unauthorized"),
       ("inbox-401n", 0, os.path.join(fx, "inboxapp-error-unauthorized.json"), b"401 Unauthorized"),
       ("outbox-contacts", 8, os.path.join(fx, "outbox-contacts-list-response.json"), b"200 OK"),
       ("outbox-500", 8, None, b"500 Internal Server Error")]
for i, (name, flags, path, status) in enumerate(cli):
    body = read(path) if path and os.path.exists(path) else b'{"detail":"boom"}'
    resp = (b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\nRetry-After: 2\r\n"
            b"X-Request-Id: req-1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    add("fuzz_client_response", "client-" + name,
        script(flags=flags, cap_units=255, plan=plans[i % 4]) + retry_bytes[i % 2] + resp)

# --- fuzz_http_request: cap byte + segment 0xFF query 0xFF header value 0xFF token ----
for i, (cap, parts) in enumerate([
        (200, [b"x9wq5p2bvnhfdteolyr3km7j", b"a b&c=d", b"America/New_York", b"tok_123"]),
        (20, [b"../%2e?#/", b"\xc3\xa9", b"Europe/Z\xc3\xbcrich", b""]),
        (255, [b"id\r\nX-Injected: 1", b"q", b"v\r\nSet-Cookie: a", b"t\nx"]),
        (0, [b"", b"", b"", b""]),
        (64, [b"a" * 60, b"\x00", b" lead", b"trail "])]):
    add("fuzz_http_request", "req-%02d" % i, bytes([cap]) + b"\xff".join(parts))
for i, d in enumerate([b"Wed, 21 Oct 2015 07:28:00 GMT", b"Sunday, 06-Nov-94 08:49:37 GMT",
                       b"Sun Nov  6 08:49:37 1994", b"Thu, 29 Feb 2024 23:59:59 GMT",
                       b"Fri, 29 Feb 2025 00:00:00 GMT", b"Mon, 01 Jan 0000 00:00:00 GMT"]):
    add("fuzz_http_request", "date-%02d" % i, bytes([32]) + d)
