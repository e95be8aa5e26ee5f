#!/bin/sh
# Seed the fuzz corpora (fuzz/corpus/TARGET/) from the shared fixtures, the JSON
# conformance suite and a few hand-made edge cases. Re-runnable: the named seeds
# of each target are rewritten from scratch; the "min-*" files that `make
# fuzz-merge` keeps from fuzzing runs, and fuzz/regressions/, are left alone.
# Usage: sh tools/fuzz_seed.sh [SHARED_DIR]   (default: $SHARED or ../shared)
set -eu
cd "$(dirname "$0")/.."
SHARED=${1:-${SHARED:-../shared}}
[ -d "$SHARED/fixtures" ] || { echo "fuzz_seed: no fixtures under $SHARED"; exit 1; }
exec python3 - "$SHARED" <<'PY'
import glob, hashlib, json, os, re, shutil, struct, sys

shared = sys.argv[1]
fx = os.path.join(shared, "fixtures")
suite = os.path.join(shared, "conformance", "JSONTestSuite", "test_parsing")
MAX = 16384
corpora = {}

def add(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX:
        return
    name = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:80]
    corpora.setdefault(target, {})[name] = data

def read(p):
    with open(p, "rb") as f:
        return f.read()

fixtures = sorted(glob.glob(os.path.join(fx, "*.json")))
invalid = sorted(glob.glob(os.path.join(fx, "invalid", "*.json")))
suite_files = sorted(glob.glob(os.path.join(suite, "*.json"))) if os.path.isdir(suite) else []

# Which fixture decodes as which type (fixtures/TYPES.md).
types = {}
tm = os.path.join(fx, "TYPES.md")
if os.path.exists(tm):
    for line in open(tm, encoding="utf-8"):
        m = re.match(r"\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|", line)
        if m:
            types[m.group(1)] = m.group(2)

def by_type(t):
    return [os.path.join(fx, f) for f, ty in sorted(types.items()) if ty == t]

# --- JSON core --------------------------------------------------------------------
for p in fixtures + invalid:
    add("fuzz_json_check", os.path.basename(p), read(p))
    add("fuzz_json_tokens", os.path.basename(p), read(p))
    add("fuzz_json_roundtrip", os.path.basename(p), read(p))
for p in suite_files:
    b = os.path.basename(p)
    add("fuzz_json_check", b, read(p))
    if b.startswith(("y_", "i_")):
        add("fuzz_json_tokens", b, read(p))
    if b.startswith("y_"):
        add("fuzz_json_roundtrip", b, read(p))
for name, text in [("ints", "[0,-0,1,-1,9007199254740991,9007199254740992,9223372036854775807,"
                             "-9223372036854775808,9223372036854775808,1e3,5.0]"),
                   ("fractions", "[0,1,1.0,0.28,1.0000001,0.1234565,0.9999995,5e-7,1e-7,0.5e1,1E-0]"),
                   ("escapes", "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\u0000\",\"\\u20ac\"]"),
                   ("dupkeys", "{\"a\":1,\"a\":2,\"\\u0061\":3,\"b\":{\"a\":[true,false,null]}}")]:
    for t in ("fuzz_json_check", "fuzz_json_tokens", "fuzz_json_roundtrip"):
        add(t, name, text)

# --- JSON writer: op bytes (see fuzz/fuzz_json_writer.c) ----------------------------
OBEGIN, OEND, ABEGIN, AEND, KEY, STRING, CSTRING, INT, FRAC, BOOL, NULL, RAW = range(12)
def s(txt):
    b = txt.encode("latin-1")
    return bytes([len(b)]) + b
writer_seeds = {
    "object": bytes([OBEGIN, KEY]) + s("name") + bytes([STRING]) + s("Q1 \"x\"\n") +
              bytes([KEY]) + s("rate") + bytes([INT]) + struct.pack(">q", 25) +
              bytes([KEY]) + s("r") + bytes([FRAC]) + struct.pack(">I", 280000) + bytes([OEND]),
    "array": bytes([ABEGIN, BOOL, 1, NULL, RAW, 4, INT]) + struct.pack(">q", -2**63) + bytes([AEND]),
    "nested": bytes([ABEGIN] * 17 + [AEND] * 17),
    "misuse": bytes([OBEGIN, STRING]) + s("v") + bytes([AEND]),
    "utf8": bytes([ABEGIN, CSTRING]) + bytes([4, 0xC3, 0xE1, 0xF5, 0x01]) + bytes([AEND]),
}
for name, ops in writer_seeds.items():
    for cap in (0, 8, 64, 1000):
        add("fuzz_json_writer", "%s-cap%d" % (name, cap), struct.pack(">H", cap) + ops)

# --- validators: every string value of the fixtures, plus edges --------------------
strings = set()
def walk(v):
    if isinstance(v, str):
        strings.add(v)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, dict):
        for k, x in v.items(): walk(x)
for p in fixtures:
    try:
        walk(json.loads(read(p)))
    except Exception:
        pass
edges = ["2024-02-29T23:59:60Z", "2025-02-29T00:00:00Z", "0000-01-01T00:00:00+01:00",
         "9999-12-31T23:59:59-23:59", "2026-03-08T03:30:00.123456789123-04:00",
         "2025-06-01t12:00:00z", "custom_abc1", "custom_", "a@b.co", "a..b@x.org",
         "x@-a.com", "123e4567-e89b-12d3-A456-426614174000", "\xc3\xa9t\xc3\xa9"]
for v in sorted(strings | set(edges)):
    if len(v.encode("utf-8")) <= 300:
        add("fuzz_validate", hashlib.sha1(v.encode("utf-8")).hexdigest()[:12], v)

# --- targets of the model, webhook, http and schedule modules ----------------------
def seeds_for(target, type_names, selector=None):
    for i, t in enumerate(type_names):
        files = by_type(t)
        for p in files:
            data = read(p)
            if selector is not None:
                data = bytes([i if selector else 0]) + data
            add(target, t + "-" + os.path.basename(p), data)

SEED_PLAN = os.environ.get("FUZZ_SEED_PLAN", "fuzz/seed_plan.txt")
# fuzz/seed_plan.txt lines: TARGET TYPE[,TYPE...] [selector]
# Each TYPE's fixtures (valid and invalid) become seeds; with "selector", each
# seed starts with one byte: the index of its TYPE in the list.
if os.path.exists(SEED_PLAN):
    for line in open(SEED_PLAN, encoding="utf-8"):
        line = line.split("#", 1)[0].split()
        if len(line) >= 2:
            seeds_for(line[0], line[1].split(","), True if len(line) > 2 and line[2] == "selector" else None)

# Extra generators (HTTP responses, signature headers, zone rules) live in
# fuzz/seeds_extra.py when present; they call add(target, name, bytes).
extra = "fuzz/seeds_extra.py"
if os.path.exists(extra):
    exec(compile(open(extra, encoding="utf-8").read(), extra, "exec"),
         {"add": add, "read": read, "fx": fx, "fixtures": fixtures, "invalid": invalid,
          "by_type": by_type, "json": json, "struct": struct, "os": os, "shared": shared})

total = 0
for target, files in sorted(corpora.items()):
    d = os.path.join("fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        if not old.startswith("min-"):
            os.remove(os.path.join(d, old))
    for name, data in sorted(files.items()):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    total += len(files)
    print("fuzz_seed: %-28s %4d seeds" % (target, len(files)))
print("fuzz_seed: %d seeds in %d corpora" % (total, len(corpora)))
PY
