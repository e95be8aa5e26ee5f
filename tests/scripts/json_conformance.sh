#!/bin/sh
# JSONTestSuite conformance of `campctl json-check`:
#   y_*  must be accepted (exit 0)
#   n_*  must be rejected (exit 1)
#   i_*  must behave as documented in docs/json-decisions.md (accept/reject)
# Anything else (a crash, exit 2) is a failure. Prints failures by name and a
# closing "N passed, N failed" line; skips (with a message) when the corpus
# is not there.
#
#   BUILD=build SHARED=../shared sh tests/scripts/json_conformance.sh
here=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
SHARED=${SHARED:-$here/../shared}
case "$BUILD" in /*) ;; *) BUILD=$here/$BUILD ;; esac
campctl=$BUILD/bin/campctl
corpus=$SHARED/conformance/JSONTestSuite/test_parsing
table=$here/docs/json-decisions.md

if [ ! -d "$corpus" ]; then
    echo "json_conformance: corpus not found at $corpus (set SHARED); skipped"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
if [ ! -x "$campctl" ]; then
    echo "FAIL: $campctl not built (make BUILD=... examples)"
    echo "0 passed, 1 failed"
    exit 1
fi

. "$(dirname "$0")/../support/harness.sh"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
accepted_i=0
rejected_i=0

# decision NAME: "accept" / "reject" from the table, or "" when undocumented.
decision() {
    sed -n "s/^| *\`\{0,1\}$1\`\{0,1\} *| *\(accept\|reject\) *|.*/\1/p" "$table" 2>/dev/null | head -n 1
}

for f in "$corpus"/y_*.json "$corpus"/n_*.json "$corpus"/i_*.json; do
    [ -e "$f" ] || continue
    name=$(basename "$f")
    out=$("$campctl" json-check "$f" 2>&1)
    rc=$?
    case "$rc" in
        0) got=accept ;;
        1) got=reject ;;
        *) echo "FAIL $name: exit $rc: $out"; failed=$((failed + 1)); continue ;;
    esac
    case "$name" in
        y_*) want=accept ;;
        n_*) want=reject ;;
        i_*)
            want=$(decision "$name")
            if [ "$got" = accept ]; then accepted_i=$((accepted_i + 1)); else rejected_i=$((rejected_i + 1)); fi
            if [ -z "$want" ]; then
                echo "FAIL $name: ${got}ed, but not in the i_ table of docs/json-decisions.md"
                failed=$((failed + 1))
                continue
            fi
            ;;
    esac
    if [ "$got" = "$want" ]; then
        passed=$((passed + 1))
    else
        echo "FAIL $name: ${got}ed, want ${want}: $out"
        failed=$((failed + 1))
    fi
done

# Table rows naming files that do not exist point at a stale table.
# (file names have no spaces; the backticks in the pattern are literal)
# shellcheck disable=SC2016
sed -n 's/^| *`\{0,1\}\(i_[^ `|]*\.json\)`\{0,1\} *|.*/\1/p' "$table" 2>/dev/null >"$tmp"
while read -r row; do
    if [ ! -e "$corpus/$row" ]; then
        echo "FAIL $row: listed in docs/json-decisions.md but not in the corpus"
        failed=$((failed + 1))
    fi
done <"$tmp"

echo "i_ cases: $accepted_i accepted, $rejected_i rejected (as documented unless listed above)"
finish
