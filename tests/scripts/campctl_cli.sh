#!/bin/sh
# campctl as a tool people script, offline: help and --version on stdout with
# exit 0, global options before or after the command, "did you mean", --json
# for every offline command (success and failure), exit codes 1 / 2, secrets
# never from the command line, token files read whole and refused when too long,
# hostile document text escaped, the manual page and the bash completion.
#
#   BUILD=build SHARED=../shared sh tests/scripts/campctl_cli.sh
# Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
SHARED=${SHARED:-$root/../shared}
CAMPCTL=$BUILD/bin/campctl
FIX=$SHARED/fixtures
make_tmp
trap 'exit 1' INT TERM
unset CAMP_TOKEN CAMP_WEBHOOK_SECRET

if [ ! -x "$CAMPCTL" ] || ! command -v python3 >/dev/null 2>&1; then
    echo "FAIL - needs $CAMPCTL and python3"
    echo "0 passed, 1 failed"
    exit 1
fi

# run ARGS...: $tmp/out, $tmp/err, $rc
run() {
    "$CAMPCTL" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}
check_rc() {
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, want $1 ($(head -c 300 "$tmp/err"))"; fi
}
has() {
    if grep -qF -- "$1" "$tmp/$2"; then ok "$3: $2 has \"$1\""; else bad "$3: $2 lacks \"$1\""; head -5 "$tmp/$2"; fi
}
empty() {
    if [ ! -s "$tmp/$1" ]; then ok "$2: $1 empty"; else bad "$2: $1 not empty: $(head -c 200 "$tmp/$1")"; fi
}
# json_ok EXPR NAME: stdout is exactly one line of JSON d (e = d["error"]) and EXPR holds
json_ok() {
    if python3 -c '
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
if len(lines) != 1:
    print("want one line of JSON, got %d" % len(lines)); sys.exit(1)
d = json.loads(lines[0])
e = d.get("error", {}) if isinstance(d, dict) else {}
sys.exit(0 if eval(sys.argv[2]) else 1)' "$tmp/out" "$1"; then
        ok "$2"
    else
        bad "$2: $(head -c 400 "$tmp/out")"
    fi
}

commands="json-check validate webhook-verify tz schedule sizes get enable pause create sequence-set rules-set leads-add outbox-create"

# --- help --------------------------------------------------------------------------------------
run --help
check_rc 0 "--help"
empty err "--help"
for c in $commands; do
    if grep -q "^  $c " "$tmp/out"; then ok "--help lists $c"; else bad "--help does not list $c"; fi
done
for code in 0 1 2 3 4 5 6 7 8; do
    if grep -qE "^  $code [a-zA-Z]" "$tmp/out"; then ok "--help documents exit $code"; else bad "--help lacks exit $code"; fi
done
run -h
check_rc 0 "-h"
run help
check_rc 0 "help"
for c in $commands; do
    run "$c" --help
    if [ "$rc" -eq 0 ] && head -n 1 "$tmp/out" | grep -q "^usage: campctl .*$c" && [ ! -s "$tmp/err" ]; then
        ok "$c --help: usage on stdout, exit 0"
    else
        bad "$c --help: exit $rc: $(head -n 1 "$tmp/out")$(head -n 1 "$tmp/err")"
    fi
done
run help get
check_rc 0 "help get"
has "usage: campctl [GLOBAL OPTIONS] get ID" out "help get"
run get -h
check_rc 0 "get -h"
has "usage: campctl [GLOBAL OPTIONS] get ID" out "get -h"
run outbox-create --help
has "outbox-create FILE" out "outbox-create --help (not a file name)"
run help nosuch
check_rc 2 "help for an unknown command"

# --- version -------------------------------------------------------------------------------------
want=$(awk '/^#define CAMP_VERSION_STRING/ { gsub(/"/, "", $3); print $3 }' include/camp/camp_version.h)
run --version
check_rc 0 "--version"
if [ "$(cat "$tmp/out")" = "campctl (libcamp) $want" ]; then ok "--version: campctl (libcamp) $want"; else bad "--version: $(cat "$tmp/out")"; fi
run --version --json
json_ok "d == {\"version\": \"$want\"}" "--version --json"

# --- unknown commands and options ------------------------------------------------------------------
run valdate x
check_rc 2 "typo of validate"
has "did you mean 'validate'" err "typo of validate"
run enabel ID
has "did you mean 'enable'" err "typo of enable"
run outbox-craete F
has "did you mean 'outbox-create'" err "typo of outbox-create"
run frobnicate
check_rc 2 "unknown command"
has "unknown command 'frobnicate'" err "unknown command"
run --json frobnicate
json_ok 'e["status"] == "usage" and e["exit"] == 2 and "frobnicate" in e["message"]' "unknown command --json"
run --bogus get x
check_rc 2 "unknown global option"
has "unknown option '--bogus'" err "unknown global option"
run
check_rc 2 "no command"

# --- global options after the command, --json everywhere ------------------------------------------
camp=$FIX/inboxapp-campaign-get-response.json
run --json validate --type inbox-campaign "$camp"
check_rc 0 "--json before validate"
json_ok 'd == {"valid": True, "type": "inbox-campaign"}' "--json validate: valid"
run validate --type inbox-campaign "$camp" --json
check_rc 0 "--json after validate"
json_ok 'd["valid"] is True' "--json after the command"
run validate --type inbox-campaign --print --json "$camp"
json_ok 'd["fields"]["$.name"] == "Q1 SaaS founders outreach" and d["fields"]["$.targetsCount"] == 4723' \
    "validate --print --json: decoded fields as JSON values"
run validate --type inbox-campaign "$camp"
check_rc 0 "validate"
empty out "validate (quiet on success)"

printf '{"name": "x", "accountLinkIds": ["NOT-AN-ID"]}' >"$tmp/create.json"
run validate --type inbox-campaign-create "$tmp/create.json"
check_rc 1 "validate: refused document"
has '$.accountLinkIds[0]: ' out "validate: PATH: RULE"
run --json validate --type inbox-campaign-create "$tmp/create.json"
check_rc 1 "validate --json: refused document"
json_ok 'e["path"] == "$.accountLinkIds[0]" and e["rule"] and e["status"] == "CAMP_ERR_PATTERN" and e["file"].endswith("create.json") and e["exit"] == 1' \
    "validate --json: status, path, rule, file"
run --json validate --type inbox-campaign "$tmp/nonexistent.json"
check_rc 2 "validate: missing file"
json_ok 'e["status"] == "io" and e["exit"] == 2' "missing file --json: io error"
run --json validate --type nosuch "$camp"
check_rc 2 "validate: unknown type"
json_ok 'e["status"] == "usage"' "unknown type --json"
run validate --type list
check_rc 0 "validate --type list"
has "inbox-campaign" out "validate --type list"

printf '{"a": [1, 2,]}' >"$tmp/broken.json"
run json-check "$tmp/broken.json"
check_rc 1 "json-check: malformed"
run --json json-check "$tmp/broken.json"
json_ok 'e["status"] == "CAMP_ERR_JSON_SYNTAX" and e["offset"] == 12 and e["rule"]' "json-check --json: offset and rule"
run json-check "$camp" --json
json_ok 'd == {"valid": True}' "json-check --json: valid"

run tz America/New_York 2026-03-08T07:30:00Z --json
json_ok 'd == {"zone": "America/New_York", "utc": "2026-03-08T07:30:00Z", "local": "2026-03-08T03:30:00-04:00", "offset_s": -14400}' \
    "tz --json"
run --json tz Mars/Olympus 2026-03-08T07:30:00Z
check_rc 1 "tz: unknown zone"
json_ok 'e["status"] == "CAMP_ERR_TZ_UNKNOWN" and "Mars/Olympus" in e["message"]' "tz unknown zone --json"
run --json tz UTC
check_rc 2 "tz: usage"
json_ok 'e["status"] == "usage"' "tz usage --json"
run --json tz --list
json_ok '"Europe/Berlin" in d["zones"] and d["tzdata"]' "tz --list --json"
run --json schedule --tz UTC --hours '{"1": {"start": 540, "end": 1020}}' --at 2026-03-08T12:00:00Z
json_ok 'd == {"open": False, "next_open": "2026-03-09T09:00:00Z"}' "schedule --json"
run --json schedule --tz UTC --hours '{"9": {"start": 540, "end": 1020}}' --at 2026-03-08T12:00:00Z
check_rc 1 "schedule: bad day key"
json_ok 'e["path"] == "$[\"9\"]" and e["status"] == "CAMP_ERR_SCHEDULE"' "schedule bad day --json: path"
run --json sizes --fixtures "$FIX"
json_ok 'd["capacities"]["steps"] > 0 and d["structs"]["camp_diag_t"] > 0 and any(f["name"] == "inboxapp-campaign-get-response.json" and f["tokens"] > 0 for f in d["fixtures"])' \
    "sizes --json"
run --json sizes --fixtures "$tmp/nonexistent"
check_rc 2 "sizes: missing directory"

# --- secrets never on the command line --------------------------------------------------------------
run --token sekrit-123 get usdjpdql3f90seqk13rwuo7z
check_rc 2 "--token refused"
has "--token-file" err "--token refusal names --token-file"
if grep -q sekrit-123 "$tmp/out" "$tmp/err"; then bad "--token: value echoed"; else ok "--token: value never echoed"; fi
run get usdjpdql3f90seqk13rwuo7z --token=sekrit-123
check_rc 2 "--token=T after the command refused"
run webhook-verify --secret sekrit-123 --header t=1,v1=00 "$camp"
check_rc 2 "--secret refused"
if grep -q sekrit-123 "$tmp/out" "$tmp/err"; then bad "--secret: value echoed"; else ok "--secret: value never echoed"; fi
run create --name --token --account r4t9vw15jm6bn3yxcf2dq8ek --base-url http://127.0.0.1:1
# "--token" here is the value of --name, not an option: the run gets as far as the token check
check_rc 2 "create --name --token: no token"
has "no token" err "an option's value is never taken for an option"

# --- token files: read whole, refused when too long or multi-line -------------------------------------
# (a closed port: a token that passes the checks gets as far as the network, exit 6)
URL=http://127.0.0.1:1/api/v1
python3 -c 'import sys; sys.stdout.write("t" * 4095 + "\n")' >"$tmp/tok-max"
run --base-url $URL --timeout-ms 2000 --token-file "$tmp/tok-max" get usdjpdql3f90seqk13rwuo7z
check_rc 6 "token file of 4095 bytes + newline: accepted"
python3 -c 'import sys; sys.stdout.write("t" * 4096)' >"$tmp/tok-long"
run --base-url $URL --token-file "$tmp/tok-long" get usdjpdql3f90seqk13rwuo7z
check_rc 2 "token file of 4096 bytes: refused"
has "longer than 4095 bytes" err "token file too long: says the limit"
python3 -c 'import sys; sys.stdout.write("t" * 100000)' >"$tmp/tok-huge"
run --base-url $URL --token-file "$tmp/tok-huge" get usdjpdql3f90seqk13rwuo7z --json
check_rc 2 "token file of 100000 bytes: refused"
json_ok 'e["status"] == "io" and "longer than 4095" in e["message"] and "tttt" not in e["message"]' "token file too long --json"
printf 'first\nsecond\n' >"$tmp/tok-2lines"
run --base-url $URL --token-file "$tmp/tok-2lines" get usdjpdql3f90seqk13rwuo7z
check_rc 2 "token file of two lines: refused"
run --base-url $URL --token-file "$tmp/nonexistent" get usdjpdql3f90seqk13rwuo7z
check_rc 2 "missing token file"
CAMP_TOKEN=$(python3 -c 'print("t" * 4096)') "$CAMPCTL" --base-url $URL get usdjpdql3f90seqk13rwuo7z >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 2 "CAMP_TOKEN of 4096 bytes: refused"

# a CA bundle that cannot be read is a local problem: 2, before any connection
CAMP_TOKEN=t "$CAMPCTL" --base-url https://127.0.0.1:1 --ca-file "$tmp/nonexistent.pem" get usdjpdql3f90seqk13rwuo7z --json >"$tmp/out" 2>"$tmp/err"
rc=$?
check_rc 2 "unreadable --ca-file"
json_ok 'e["status"] == "io" and "TLS setup failed" in e["message"]' "unreadable --ca-file --json"

# --- hostile document text ----------------------------------------------------------------------------
printf '{"name":"\\u001b]0;x\\u0007\\u009b\\u202e\177","accountLinkIds":["r4t9vw15jm6bn3yxcf2dq8ek"]}' >"$tmp/evil.json"
run validate --type inbox-campaign-create --print "$tmp/evil.json"
check_rc 0 "hostile name: valid document"
has '$.name = "\u001b]0;x\u0007\u009b\u202e\u007f"' out "validate --print: controls as JSON escapes"
run schedule --tz UTC --hours '{"\u001b[2J\u007f\u009b": {"start": 1, "end": 2}}' --at 2026-01-01T00:00:00Z
check_rc 1 "hostile key in a refused document"
has '$["\u001b[2J\x7f\u009b"]: day key must be' out "diagnostic path: DEL and C1 escaped"
# a hostile custom-variable name (a key: part of the printed path), long enough to be cut visibly
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["customVariables"]["x\x1b[2J\u009b" + "y" * 120] = {"displayName": "D\x07", "description": None}
json.dump(d, open(sys.argv[2], "w"))' "$camp" "$tmp/cv.json"
run validate --type inbox-campaign --print "$tmp/cv.json"
check_rc 0 "hostile variable name: valid document"
has '$.customVariables["x\x1b[2J\u009byyyy' out "variable name in the path escaped"
has 'yyy..."].displayName = "D\u0007"' out "long variable name cut visibly with ..."
printf '{}' >"$tmp/$(printf 'evil\033[2Jname.json')"
run --json sizes --fixtures "$tmp"
json_ok 'any(f["name"] == "evil\x1b[2Jname.json" for f in d["fixtures"])' "sizes --json: hostile file name as a JSON string"
run sizes --fixtures "$tmp"
has 'evil\x1b[2Jname.json' out "sizes: hostile file name escaped"
if python3 -c '
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(1 if re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", t) else 0)' "$tmp/out"; then
    ok "sizes: no raw control character"
else
    bad "sizes: raw control character in the output"
fi

# --- manual page and bash completion -------------------------------------------------------------------
man=docs/man/campctl.1
comp=tools/completion/campctl.bash
if [ -f "$man" ] && grep -q '^\.TH CAMPCTL 1' "$man"; then ok "manual page present"; else bad "manual page missing"; fi
for c in $commands; do
    if sed 's/\\-/-/g' "$man" | grep -q -- "$c"; then ok "manual page names $c"; else bad "manual page lacks $c"; fi
done
for code in 0 1 2 3 4 5 6 7 8; do
    if grep -A0 -x "\.B $code" "$man" >/dev/null; then ok "manual page documents exit $code"; else bad "manual page lacks exit $code"; fi
done
if bash -n "$comp" 2>"$tmp/err"; then ok "completion: valid bash"; else bad "completion: $(cat "$tmp/err")"; fi
listed=$(sed -n 's/^ *local commands="\(.*\)"$/\1/p' "$comp")
for c in $commands help; do
    case " $listed " in
        *" $c "*) ok "completion lists $c" ;;
        *) bad "completion lacks $c" ;;
    esac
done
got=$(bash -c '. "$1"; COMP_WORDS=(campctl val); COMP_CWORD=1; _campctl; echo "${COMPREPLY[*]}"' _ "$comp" 2>/dev/null)
if [ "$got" = "validate" ]; then ok "completion: val -> validate"; else bad "completion: val -> '$got'"; fi
got=$(bash -c '. "$1"; COMP_WORDS=(campctl --json get --ti); COMP_CWORD=3; _campctl; echo "${COMPREPLY[*]}"' _ "$comp" 2>/dev/null)
if [ "$got" = "--timeout-ms" ]; then ok "completion: global option after the command"; else bad "completion: --ti -> '$got'"; fi
types_built=$("$CAMPCTL" validate --type list | sed 's/^types://')
for t in $types_built; do
    if grep -qE -- "[\" ]$t[\" ]" "$comp"; then ok "completion knows type $t"; else bad "completion lacks type $t"; fi
done

finish
