/* Zone names: exact, case-sensitive binary search over the generated table. */
#include <string.h>

#include "camp/camp_schedule.h"
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

/* One packed transition date of the table (see camp_tzdb_dst_t), in the
 * fields camp_tz_parse() sets for its form; *d is zeroed. */
static void tz_date_unpack(uint16_t packed, int16_t minutes, camp_tz_date_t *d)
{
    uint32_t kind = ((uint32_t)packed >> CAMP_TZDB_DATE_KIND_SHIFT) & 3u;

    d->kind = (uint8_t)kind;
    d->time = (int32_t)minutes * 60;
    if (kind == (uint32_t)CAMP_TZ_DATE_MWD) {
        d->month = (uint8_t)((packed >> 6) & 15u);
        d->week = (uint8_t)((packed >> 3) & 7u);
        d->wday = (uint8_t)(packed & 7u);
    } else {
        d->day = (uint16_t)(packed & 0x1FFu);
    }
}

camp_status_t camp_tz_find(const char *name, size_t len, camp_tz_t *out)
{
    long idx;
    const camp_tzdb_zone_t *z;
    const camp_tzdb_rule_t *r;

    if (name == NULL || out == NULL) {
        return CAMP_ERR_ARG;
    }
    idx = tz_index(name, len);
    if (idx < 0) {
        return CAMP_ERR_TZ_UNKNOWN;
    }
    z = &camp_tzdb_zones[camp_tzdb_zone_of[idx]];
    r = &camp_tzdb_rule_set[z->rule];
    /* what camp_tz_parse() fills for the rule's text, read by the generator */
    memset(out, 0, sizeof *out);
    out->rule.std_offset = (int32_t)r->std_min * 60;
    out->rule.dst_offset = out->rule.std_offset;
    if (r->dst != 0u) {
        const camp_tzdb_dst_t *d = &camp_tzdb_dst_set[r->dst - 1u];
        out->rule.has_dst = true;
        out->rule.dst_offset += (int32_t)d->save_min * 60;
        tz_date_unpack(d->start, d->start_min, &out->rule.start);
        tz_date_unpack(d->end, d->end_min, &out->rule.end);
    }
    out->rule_text = camp_tzdb_rules + r->text_off;
    out->rule_len = strlen(out->rule_text);
    out->name = camp_tzdb_names + camp_tzdb_name_off[idx];
    out->trans_first = z->trans_first;
    out->trans_count = z->trans_count;
    return CAMP_OK;
}
