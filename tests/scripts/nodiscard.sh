#!/bin/sh
# CAMP_NODISCARD: a program that drops a camp_status_t is warned about (an error
# with -Werror) by gcc and clang, a program that looks at it is not, and a user
# can define the macro empty to opt out. Every public declaration returning
# camp_status_t carries the mark, except the helpers that hand back the status
# they were given (camp_diag_set, camp_json_diag, camp_json_diag_member).
. "$(dirname "$0")/../support/harness.sh"
make_tmp

cat >"$tmp/dropped.c" <<'EOC'
#include <camp/camp.h>
int main(void)
{
    static char text[] = "{}";
    camp_json_token_t tokens[4];
    camp_json_doc_t doc;
    camp_json_parse(&doc, text, sizeof text - 1, tokens, 4, NULL);
    return 0;
}
EOC
cat >"$tmp/checked.c" <<'EOC'
#include <camp/camp.h>
int main(void)
{
    static char text[] = "{}";
    camp_json_token_t tokens[4];
    camp_json_doc_t doc;
    return camp_json_parse(&doc, text, sizeof text - 1, tokens, 4, NULL) == CAMP_OK ? 0 : 1;
}
EOC

for cc in gcc clang; do
    if ! command -v "$cc" >/dev/null 2>&1; then
        bad "$cc not installed (sh tools/deps.sh)"
        continue
    fi
    flags="-std=c99 -Wall -Werror -c -o $tmp/out.o -I$root/include"
    if "$cc" $flags "$tmp/dropped.c" >"$tmp/out" 2>&1; then
        bad "$cc: a dropped camp_json_parse() status compiles without a warning"
    elif grep -q 'camp_json_parse' "$tmp/out" && grep -q 'unused' "$tmp/out"; then
        ok "$cc: a dropped status is an unused-result error naming the call"
    else
        bad "$cc: dropped status fails for another reason: $(head -n 3 "$tmp/out")"
    fi
    if "$cc" $flags "$tmp/checked.c" >"$tmp/out" 2>&1; then
        ok "$cc: a checked status compiles cleanly"
    else
        bad "$cc: the checked program does not compile: $(head -n 3 "$tmp/out")"
    fi
    if "$cc" $flags -DCAMP_NODISCARD= "$tmp/dropped.c" >"$tmp/out" 2>&1; then
        ok "$cc: -DCAMP_NODISCARD= opts out"
    else
        bad "$cc: -DCAMP_NODISCARD= does not opt out: $(head -n 3 "$tmp/out")"
    fi
done

# Every public declaration that returns camp_status_t is marked (the return type
# starts the line in the house style; continuation lines never start with it).
unmarked=$(grep -n '^camp_status_t camp_' "$root"/include/camp/*.h "$root"/port/*/*.h |
    grep -v -E ':camp_status_t (camp_diag_set|camp_json_diag|camp_json_diag_member)\(')
marked=$(grep -c '^CAMP_NODISCARD camp_status_t camp_' "$root"/include/camp/*.h "$root"/port/*/*.h |
    awk -F: '{ n += $NF } END { print n + 0 }')
if [ -z "$unmarked" ] && [ "$marked" -gt 50 ]; then
    ok "all $marked public calls returning camp_status_t carry CAMP_NODISCARD"
else
    bad "public calls returning camp_status_t without CAMP_NODISCARD ($marked marked): $unmarked"
fi

finish
