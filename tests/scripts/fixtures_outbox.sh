#!/bin/sh
# Every outbox row of $SHARED/fixtures/TYPES.md through `campctl validate --type T FILE`:
# valid fixtures must exit 0; invalid ones (fixtures/invalid/) must exit 1 with a
# first output line starting with the path the MANIFEST names for that file, plus ':'.
# Closing line: "N passed, N failed" (or a skip line when the fixtures are missing).
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
BUILD=${BUILD:-build}
SHARED=${SHARED:-$root/../shared}
campctl=$BUILD/bin/campctl
types=$SHARED/fixtures/TYPES.md
manifest=$SHARED/fixtures/invalid/MANIFEST.md

if [ ! -f "$types" ] || [ ! -f "$manifest" ]; then
    echo "fixtures-outbox: $SHARED/fixtures not found"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
if [ ! -x "$campctl" ]; then
    make --no-print-directory BUILD="$BUILD" "$campctl" >/dev/null 2>&1
fi
if [ ! -x "$campctl" ]; then
    echo "FAIL cannot build $campctl"
    echo "0 passed, 1 failed"
    exit 1
fi

out=$(mktemp)
rows=$(mktemp)
trap 'rm -f "$out" "$rows"' EXIT

# "| `FILE` | `TYPE` |" rows whose type starts with outbox-
sed -n 's/^| `\([^`]*\)` | `\(outbox-[^`]*\)` |.*/\1 \2/p' "$types" >"$rows"
if [ ! -s "$rows" ]; then
    echo "FAIL no outbox rows in $types"
    echo "0 passed, 1 failed"
    exit 1
fi

while read -r file type; do
    path=$SHARED/fixtures/$file
    if [ ! -f "$path" ]; then
        echo "FAIL $file: missing"
        failed=$((failed + 1))
        continue
    fi
    "$campctl" validate --type "$type" "$path" >"$out" 2>&1
    rc=$?
    case "$file" in
    invalid/*)
        base=${file#invalid/}
        base_re=$(printf '%s' "$base" | sed 's/[].[*^$\\/]/\\&/g')
        # "| `BASE` | `PATH` | rule |"
        want=$(sed -n "s/^| \`$base_re\` | \`\\([^\`]*\\)\` |.*/\\1/p" "$manifest" | head -n 1)
        first=$(head -n 1 "$out")
        if [ -z "$want" ]; then
            echo "FAIL $file: no MANIFEST row"
            failed=$((failed + 1))
        elif [ "$rc" -ne 1 ]; then
            echo "FAIL $file: exit $rc, want 1 ($first)"
            failed=$((failed + 1))
        else
            case "$first" in
            "$want:"*)
                echo "ok   $file -> $first"
                passed=$((passed + 1))
                ;;
            *)
                echo "FAIL $file: got '$first', want a line starting with '$want:'"
                failed=$((failed + 1))
                ;;
            esac
        fi
        ;;
    *)
        if [ "$rc" -eq 0 ]; then
            echo "ok   $file ($type)"
            passed=$((passed + 1))
        else
            echo "FAIL $file ($type): exit $rc: $(head -n 1 "$out")"
            failed=$((failed + 1))
        fi
        ;;
    esac
done <"$rows"

finish
