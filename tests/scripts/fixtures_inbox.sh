#!/bin/sh
# InboxApp fixtures through `campctl validate`, driven by the spec's own tables:
# every inbox row of fixtures/TYPES.md is run with its --type;
#  - a valid fixture must exit 0 (and, for inbox-campaign / inbox-webhook,
#    `--print` must print `path = value` lines);
#  - an invalid one (invalid/...) must exit 1 with a first output line that
#    starts with the path its row of invalid/MANIFEST.md names, then ':'
#    (the MALFORMED row, path "(document)", must fail at `$`).
# Every inboxapp-*.json file on disk must have a TYPES.md row.
# Environment: SHARED (spec folder; default /work/shared or ../shared), BUILD.
# Closing line: "N passed, N failed" (or "0 passed, 0 failed, 1 skipped").

if [ -z "$SHARED" ]; then
    for d in /work/shared ../shared; do
        if [ -d "$d/fixtures" ]; then SHARED=$d; break; fi
    done
fi
if [ -z "$SHARED" ] || [ ! -f "$SHARED/fixtures/TYPES.md" ]; then
    echo "fixtures_inbox: no spec folder (set SHARED)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
FIX=$SHARED/fixtures
CAMPCTL=${CAMPCTL:-${BUILD:-build}/bin/campctl}
if [ ! -x "$CAMPCTL" ]; then
    echo "fixtures_inbox: $CAMPCTL not built"
    echo "0 passed, 1 failed"
    exit 1
fi

. "$(dirname "$0")/../support/harness.sh"
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
# "| `file` | `inbox-type` |" rows only (the signature-vector row has no type)
sed -n 's/^| `\(\(invalid\/\)\{0,1\}inboxapp-[^`]*\)` | `\(inbox-[a-z-]*\)` |.*/\1 \3/p' \
    "$FIX/TYPES.md" >"$rows"

while read -r file type; do
    case "$file" in
    invalid/*)
        name=${file#invalid/}
        want=$(sed -n "s/^| \`$name\` | \`\([^\`]*\)\` |.*/\1/p" "$FIX/invalid/MANIFEST.md")
        if [ -z "$want" ]; then
            # the malformed row: "| `file` | `(document)` | DELIBERATELY MALFORMED ..."
            want=$(sed -n "s/^| \`$name\` | \`\(([a-z]*)\)\` |.*/\1/p" "$FIX/invalid/MANIFEST.md")
        fi
        [ "$want" = "(document)" ] && want='$'
        if [ -z "$want" ]; then
            bad "$file: no MANIFEST row"
            continue
        fi
        out=$("$CAMPCTL" validate --type "$type" "$FIX/$file" 2>&1)
        rc=$?
        first=$(printf '%s\n' "$out" | head -n 1)
        if [ "$rc" -ne 1 ]; then
            bad "$file ($type): exit $rc, want 1: $first"
            continue
        fi
        case "$first" in
        "$want: "*) ok ;;
        *) bad "$file ($type): got '$first', want path '$want'" ;;
        esac
        ;;
    *)
        out=$("$CAMPCTL" validate --type "$type" "$FIX/$file" 2>&1)
        rc=$?
        if [ "$rc" -ne 0 ]; then
            bad "$file ($type): exit $rc: $(printf '%s\n' "$out" | head -n 1)"
            continue
        fi
        ok
        if [ "$type" = inbox-campaign ] || [ "$type" = inbox-webhook ]; then
            out=$("$CAMPCTL" validate --type "$type" --print "$FIX/$file" 2>&1)
            rc=$?
            if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q '^\$\.[A-Za-z]* = '; then
                ok
            else
                bad "$file ($type) --print: exit $rc or no 'path = value' lines"
            fi
        fi
        ;;
    esac
done <"$rows"

# coverage: every inboxapp fixture on disk has a TYPES.md row
for f in "$FIX"/inboxapp-*.json "$FIX"/invalid/inboxapp-*.json; do
    [ -f "$f" ] || continue
    rel=${f#"$FIX"/}
    if grep -q "^| \`$rel\` |" "$FIX/TYPES.md"; then
        ok
    else
        bad "$rel has no TYPES.md row"
    fi
done

echo "fixtures_inbox: $passed passed, $failed failed"
finish
