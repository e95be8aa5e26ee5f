#!/bin/sh
# Pay for what you call: the firmware programs link only the code of the calls they
# make. For each ELF given (DIR/<cpu>/<program>.elf), lists the libcamp functions that
# must not be in it and fails when one is:
#   every program   no Outbox, no webhook code, no request encoder, none of the
#                   by-type entry points (camp_inbox_decode/parse/encode/validate/equal),
#                   which reach every InboxApp type, no InboxApp family (nodes and hooks)
#                   but the campaign's and the error responses' as decoding runs them
#                   (no camp_ib_*_walk_family: the walks' hooks), none of the struct
#                   walks (validate, equal: camp_ib_walk; encode: camp_ib_encode and
#                   the client's camp_ib_*_encode_at), only decoding, no
#                   JSON writer and no libgcc 64-bit division (libcamp divides in
#                   32-bit steps: camp_floor_div16, camp_u64_decimal)
#   decode-only     also no client, no HTTP and no error-response family
# Prints one line per program and "N passed, N failed" last.
NM=${TARGET_NM:-arm-none-eabi-nm}
passed=0
failed=0
for elf in "$@"; do
    name=$(basename "$elf" .elf)
    cpu=$(basename "$(dirname "$elf")")
    deny='^camp_outbox_|^camp_webhook_|^camp_inbox_[a-z_]*_encode$|^camp_inbox_(decode|parse|encode|validate|equal)$'
    deny="$deny|^camp_ib_walk$|^camp_ib_encode$|^camp_ib_[a-z_]*_encode_at$"
    deny="$deny|^camp_ib_[a-z_]*_family$|^camp_json_write"
    deny="$deny|^__aeabi_u?ldivmod$|^__u?divmoddi4$"
    allow='^camp_ib_campaign_family$|^camp_ib_error_family$'
    if [ "$name" = decode-only ]; then
        deny="$deny|^camp_client_|^camp_http_"
        allow='^camp_ib_campaign_family$'
    fi
    if ! syms=$("$NM" --defined-only "$elf" 2>/dev/null | awk '{ print $3 }'); then
        echo "FAIL - $cpu/$name: cannot list its symbols with $NM"
        failed=$((failed + 1))
        continue
    fi
    bad=$(printf '%s\n' "$syms" | grep -E "$deny" | grep -vE "$allow" | tr '\n' ' ')
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
