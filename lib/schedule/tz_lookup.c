/* Zone names: exact, case-sensitive binary search over the generated table. */
#include <string.h>

#include "camp/camp_schedule.h"
#include "schedule/tz_internal.h"
#include "schedule/tzdb_internal.h"

/* Longest name accepted before searching (IANA names are at most ~30 bytes;
 * the table's offsets are 16-bit, so nothing longer can be in it). */
#define TZ_NAME_LEN_MAX 64u

/* Index of the name in the table, or -1. */
static long tz_index(const char *name, size_t len)
{
    size_t lo = 0;
    size_t hi = camp_tzdb_count;

    if (name == NULL || len == 0u || len > TZ_NAME_LEN_MAX) {
        return -1;
    }
    /* Bytewise order, as tzgen.py sorts; at most log2(count)+1 steps. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2u;
        const char *cand = camp_tzdb_names + camp_tzdb_name_off[mid];
        size_t clen = (size_t)(camp_tzdb_name_off[mid + 1u] - camp_tzdb_name_off[mid]) - 1u;
        size_t n = len < clen ? len : clen;
        int c = memcmp(name, cand, n);
        if (c == 0) {
            if (len == clen) {
                return (long)mid;
            }
            c = len < clen ? -1 : 1;
        }
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1u;
        }
    }
    return -1;
}

bool camp_tz_valid_name(const char *name, size_t len)
{
    return tz_index(name, len) >= 0;
}

size_t camp_tz_count(void)
{
    return camp_tzdb_count;
}

const char *camp_tz_name(size_t index)
{
    if (index >= camp_tzdb_count) {
        return NULL;
    }
    return camp_tzdb_names + camp_tzdb_name_off[index];
}

const char *camp_tz_db_version(void)
{
    return camp_tzdb_version;
}

camp_status_t camp_tz_find(const char *name, size_t len, camp_tz_t *out)
{
    long idx;
    const camp_tzdb_zone_t *z;
    const char *rule;
    size_t rlen = 0;
    size_t err_pos;
    camp_tz_rule_t r;

    if (name == NULL || out == NULL) {
        return CAMP_ERR_ARG;
    }
    idx = tz_index(name, len);
    if (idx < 0) {
        return CAMP_ERR_TZ_UNKNOWN;
    }
    z = &camp_tzdb_zones[camp_tzdb_zone_of[idx]];
    rule = camp_tzdb_rules + z->rule_off;
    /* Stops at the rule's NUL, which the generator always writes. */
    while (rlen <= CAMP_TZ_RULE_MAX && rule[rlen] != '\0') {
        rlen++;
    }
    /* what camp_tz_parse() would fill, without linking its diagnostics; *out
     * is written once the rule has been read */
    if (rlen > CAMP_TZ_RULE_MAX || camp_tz_rule_read(rule, rlen, &r, &err_pos) != NULL) {
        return CAMP_ERR_INTERNAL;
    }
    memset(out, 0, sizeof *out);
    out->rule = r;
    out->rule_text = rule;
    out->rule_len = rlen;
    out->name = camp_tzdb_names + camp_tzdb_name_off[idx];
    out->trans_first = z->trans_first;
    out->trans_count = z->trans_count;
    return CAMP_OK;
}
