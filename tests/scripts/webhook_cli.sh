#!/bin/sh
# campctl webhook-verify over every case of
# $SHARED/fixtures/inboxapp-webhook-signature-vectors.json (python3 extracts the
# cases; campctl verifies): exit 0 for expectValid, 1 with exactly one line
# otherwise, and the secret never appears in any output. Plus usage errors (exit 2),
# --secret-file, CAMP_WEBHOOK_SECRET, --secret refused, --json, and --print.
# Closing line: "N passed, N failed".
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
BUILD=${BUILD:-build}
SHARED=${SHARED:-$root/../shared}
campctl=$BUILD/bin/campctl
vectors=$SHARED/fixtures/inboxapp-webhook-signature-vectors.json

if [ ! -f "$vectors" ]; then
    bad "$vectors not found (SHARED=$SHARED)"
    finish
fi
if ! command -v python3 >/dev/null 2>&1; then
    bad "python3 not found (sh tools/deps.sh)"
    finish
fi
if [ ! -x "$campctl" ]; then
    make --no-print-directory BUILD="$BUILD" "$campctl" >/dev/null 2>&1
fi
if [ ! -x "$campctl" ]; then
    echo "FAIL cannot build $campctl"
    echo "0 passed, 1 failed"
    exit 1
fi

unset CAMP_WEBHOOK_SECRET
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One directory per case: body (raw bytes), header, now, expect (1/0), name; plus the secret.
python3 - "$vectors" "$work" <<'EOF' || { echo "FAIL cannot extract vectors"; echo "0 passed, 1 failed"; exit 1; }
import json, os, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
open(os.path.join(out, "secret"), "w", encoding="utf-8").write(doc["secret"])
open(os.path.join(out, "tolerance"), "w").write(str(doc.get("toleranceSeconds", 300)))
for i, case in enumerate(doc["cases"]):
    d = os.path.join(out, "case%03d" % i)
    os.mkdir(d)
    open(os.path.join(d, "body"), "wb").write(case["rawBody"].encode("utf-8"))
    open(os.path.join(d, "header"), "w", encoding="utf-8").write(case["header"])
    open(os.path.join(d, "now"), "w").write(str(case["now"]))
    open(os.path.join(d, "expect"), "w").write("1" if case["expectValid"] else "0")
    open(os.path.join(d, "name"), "w", encoding="utf-8").write(case["name"])
EOF

secret=$(cat "$work/secret")
tolerance=$(cat "$work/tolerance")
ncases=0
first_valid=""

# Output must not contain the secret.
leaks() { grep -F -q -e "$secret" "$1"; }

for d in "$work"/case*; do
    [ -d "$d" ] || continue
    ncases=$((ncases + 1))
    name=$(cat "$d/name")
    expect=$(cat "$d/expect")
    "$campctl" webhook-verify --secret-file "$work/secret" --header "$(cat "$d/header")" \
        --now "$(cat "$d/now")" --tolerance "$tolerance" "$d/body" >"$d/out" 2>&1
    rc=$?
    lines=$(wc -l <"$d/out")
    if leaks "$d/out"; then
        bad "$name: the secret appears in the output"
    elif [ "$expect" = 1 ] && [ "$rc" -eq 0 ]; then
        ok "$name: valid"
        [ -n "$first_valid" ] || first_valid=$d
    elif [ "$expect" = 0 ] && [ "$rc" -eq 1 ] && [ "$lines" -eq 1 ]; then
        ok "$name: $(cat "$d/out")"
    else
        bad "$name: exit $rc, expectValid=$expect, $lines line(s): $(head -n 1 "$d/out")"
    fi
done
if [ "$ncases" -lt 1 ]; then
    bad "no cases in $vectors"
fi

if [ -n "$first_valid" ]; then
    d=$first_valid
    hdr=$(cat "$d/header")
    now=$(cat "$d/now")
    # the secret from a file gives the same verdict
    printf '%s\n' "$secret" >"$work/secret.txt"
    if "$campctl" webhook-verify --secret-file "$work/secret.txt" --header "$hdr" --now "$now" \
        "$d/body" >"$work/out" 2>&1; then
        ok "--secret-file"
    else
        bad "--secret-file: $(head -n 1 "$work/out")"
    fi
    # the body from stdin
    if "$campctl" webhook-verify --secret-file "$work/secret" --header "$hdr" --now "$now" - \
        <"$d/body" >"$work/out" 2>&1; then
        ok "body from stdin"
    else
        bad "body from stdin: $(head -n 1 "$work/out")"
    fi
    # one extra byte in the body: a mismatch
    cp "$d/body" "$work/body2" && printf ' ' >>"$work/body2"
    "$campctl" webhook-verify --secret-file "$work/secret" --header "$hdr" --now "$now" "$work/body2" \
        >"$work/out" 2>&1
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q mismatch "$work/out"; then ok "trailing byte: mismatch"; else bad "trailing byte: exit $rc"; fi
    # --print: decoded exactly like validate --type inbox-webhook --print
    "$campctl" webhook-verify --secret-file "$work/secret" --header "$hdr" --now "$now" --print "$d/body" \
        >"$work/out" 2>&1
    rc=$?
    "$campctl" validate --type inbox-webhook --print "$d/body" >"$work/want" 2>&1
    if [ "$rc" -eq 0 ] && cmp -s "$work/out" "$work/want" && ! leaks "$work/out"; then
        ok "--print matches validate --type inbox-webhook --print"
    else
        bad "--print: exit $rc, differs from validate --print"
    fi
fi

# usage errors: exit 2, never echoing the secret
check_usage() {
    label=$1
    shift
    "$campctl" webhook-verify "$@" >"$work/out" 2>&1
    rc=$?
    if [ "$rc" -eq 2 ] && ! leaks "$work/out"; then ok "usage: $label"; else bad "usage: $label: exit $rc"; fi
}
body=$work/case000/body
check_usage "no secret" --header "t=1,v1=a" "$body"
check_usage "no header" --secret-file "$work/secret" "$body"
check_usage "no file" --secret-file "$work/secret" --header "t=1,v1=a"
check_usage "bad --now" --secret-file "$work/secret" --header "t=1,v1=a" --now 12x "$body"
check_usage "stray argument" --secret-file "$work/secret" --header "t=1,v1=a" "$body" --bogus "$secret"
check_usage "missing file" --secret-file "$work/secret" --header "t=1,v1=a" "$work/nonexistent"
check_usage "missing secret file" --secret-file "$work/nonexistent" --header "t=1,v1=a" "$body"
# a secret on the command line (visible in ps) is refused before anything else
check_usage "--secret on the command line" --secret "$secret" --header "t=1,v1=a" "$body"
check_usage "--secret=S on the command line" "--secret=$secret" --header "t=1,v1=a" "$body"
if grep -q "secret-file" "$work/out"; then ok "--secret refusal names --secret-file"; else bad "--secret refusal: $(cat "$work/out")"; fi
# a secret file longer than 4095 bytes is refused whole, never cut
python3 -c 'import sys; sys.stdout.write("s" * 4096)' >"$work/long-secret"
check_usage "secret file of 4096 bytes" --secret-file "$work/long-secret" --header "t=1,v1=a" "$body"
if grep -q "longer than 4095 bytes" "$work/out"; then ok "too long: says the limit"; else bad "too long: $(cat "$work/out")"; fi
python3 -c 'import sys; sys.stdout.write("s" * 4095 + "\r\n")' >"$work/max-secret"
"$campctl" webhook-verify --secret-file "$work/max-secret" --header "t=1,v1=a" --now 1 "$body" >"$work/out" 2>&1
rc=$?
if [ "$rc" -eq 1 ]; then ok "secret file of 4095 bytes + CRLF: accepted (then the signature is checked)"; else bad "4095-byte secret: exit $rc"; fi

# the secret from CAMP_WEBHOOK_SECRET gives the same verdicts
if [ -n "$first_valid" ]; then
    d=$first_valid
    if CAMP_WEBHOOK_SECRET=$secret "$campctl" webhook-verify --header "$(cat "$d/header")" \
        --now "$(cat "$d/now")" "$d/body" >"$work/out" 2>&1 && ! leaks "$work/out"; then
        ok "CAMP_WEBHOOK_SECRET: valid"
    else
        bad "CAMP_WEBHOOK_SECRET: $(head -n 1 "$work/out")"
    fi
    CAMP_WEBHOOK_SECRET=wrong-$secret "$campctl" webhook-verify --header "$(cat "$d/header")" \
        --now "$(cat "$d/now")" "$d/body" >"$work/out" 2>&1
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q mismatch "$work/out" && ! leaks "$work/out"; then
        ok "CAMP_WEBHOOK_SECRET wrong: mismatch, exit 1"
    else
        bad "CAMP_WEBHOOK_SECRET wrong: exit $rc"
    fi
    # --json: one object, valid or the error with the status name
    "$campctl" --json webhook-verify --secret-file "$work/secret" --header "$(cat "$d/header")" \
        --now "$(cat "$d/now")" "$d/body" >"$work/out" 2>/dev/null
    if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d=={"valid":True} else 1)' "$work/out"; then
        ok "--json: {\"valid\": true}"
    else
        bad "--json valid: $(cat "$work/out")"
    fi
    "$campctl" webhook-verify --json --secret-file "$work/secret" --header "$(cat "$d/header")" \
        --now "$(cat "$d/now")" "$work/body2" >"$work/out" 2>/dev/null
    rc=$?
    if [ "$rc" -eq 1 ] && python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; sys.exit(0 if e["status"]=="CAMP_ERR_SIG_MISMATCH" and e["exit"]==1 and "mismatch" in e["message"] else 1)' "$work/out"; then
        ok "--json after the command: mismatch as {\"error\": ...}"
    else
        bad "--json mismatch: exit $rc: $(cat "$work/out")"
    fi
fi

finish
