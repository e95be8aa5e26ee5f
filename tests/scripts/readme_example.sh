#!/bin/sh
# The README's decoding example is real code: extract it, build it against the
# archives, run it on a valid and an invalid fixture.
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
SHARED=${SHARED:-$root/../shared}
make_tmp

if [ ! -d "$SHARED/fixtures" ]; then
    echo "no fixtures at $SHARED: skipped"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
awk '/^## Decoding a campaign/ { on = 1 } on && /^```c$/ { code = 1; next }
     code && /^```$/ { exit } code { print }' "$root/README.md" >"$tmp/example.c"
if grep -q "show_campaign" "$tmp/example.c"; then ok "README has the example"; else bad "example not found in README"; fi
cat >>"$tmp/example.c" <<'EOC'

int main(int argc, char **argv)
{
    static char body[65536];
    FILE *f = fopen(argv[argc - 1], "rb");
    size_t n = f ? fread(body, 1, sizeof body - 1, f) : 0;
    if (f) fclose(f);
    return show_campaign(body, n) == 0 ? 0 : 1;
}
EOC
san=$(make -C "$root" -s --no-print-directory BUILD="$BUILD" print-SAN_FLAGS)
# shellcheck disable=SC2086
if cc -std=c99 -Wall -Wextra -Werror $san -I"$root/include" -o "$tmp/example" "$tmp/example.c" \
      "$root/$BUILD/lib/libcamp.a" 2>"$tmp/cc.log"; then
    ok "the example compiles warning-free"
else
    bad "the example does not compile"; cat "$tmp/cc.log"
fi
out=$("$tmp/example" "$SHARED/fixtures/inboxapp-campaign-enable-response.json")
case "$out" in
    *": "*"contacted") ok "decodes the v2 campaign fixture: $out" ;;
    *) bad "unexpected output on a valid campaign: $out" ;;
esac
out=$("$tmp/example" "$SHARED/fixtures/invalid/inboxapp-campaign-hourly-rate-zero.json")
case "$out" in
    "rejected: \$.hourlyMessageRate: "*) ok "rejects an invalid one with path and rule: $out" ;;
    *) bad "unexpected output on an invalid campaign: $out" ;;
esac
finish
