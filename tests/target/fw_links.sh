#!/bin/sh
# Pay for what you call: the firmware programs link only the code of the calls they
# make. For each ELF given (DIR/<cpu>/<program>.elf), lists the libcamp functions that
# must not be in it and fails when one is:
#   every program   no Outbox, no webhook code, no request encoder, and none of the
#                   by-type entry points (camp_inbox_decode/parse/encode/validate/equal),
#                   which reach every InboxApp type
#   decode-only     also no client and no HTTP
# Prints one line per program and "N passed, N failed" last.
NM=${TARGET_NM:-arm-none-eabi-nm}
passed=0
failed=0
for elf in "$@"; do
    name=$(basename "$elf" .elf)
    cpu=$(basename "$(dirname "$elf")")
    deny='^camp_outbox_|^camp_webhook_|^camp_inbox_[a-z_]*_encode$|^camp_inbox_(decode|parse|encode|validate|equal)$'
    if [ "$name" = decode-only ]; then
        deny="$deny|^camp_client_|^camp_http_"
    fi
    if ! syms=$("$NM" --defined-only "$elf" 2>/dev/null | awk '{ print $3 }'); then
        echo "FAIL - $cpu/$name: cannot list its symbols with $NM"
        failed=$((failed + 1))
        continue
    fi
    bad=$(printf '%s\n' "$syms" | grep -E "$deny" | tr '\n' ' ')
    if [ -n "$bad" ]; then
        echo "FAIL - $cpu/$name links code it never calls: $bad"
        failed=$((failed + 1))
    else
        echo "ok - $cpu/$name links only what it calls"
        passed=$((passed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
