/* Zone names: exact, case-sensitive binary search over the generated table. */
#include <string.h>

#include "camp/camp_schedule.h"
#include "schedule/tzdb_internal.h"

/* The order of @p name[0..len) against the NUL-terminated table name @p cand:
 * bytewise, as tzgen.py sorts, a name before every longer name it begins (a
 * table name holds no NUL, so a NUL in @p name only compares above its end). */
static int tz_cmp(const char *name, size_t len, const char *cand)
{
    size_t i = 0;

    while ((i < len) && (cand[i] != '\0') && (name[i] == cand[i])) {
        i++;
    }
    if (i == len) {
        return (cand[i] == '\0') ? 0 : -1;
    }
    return ((unsigned char)name[i] < (unsigned char)cand[i]) ? -1 : 1;
}

/* Index of the name (not NULL: its callers check) in the table, or -1. */
static long tz_index(const char *name, size_t len)
{
    size_t lo = 0;
    size_t hi = camp_tzdb_count;

    /* at most log2(count)+1 steps; an empty name, or one longer than any in the
     * table (tzgen.py refuses one of more than 64 bytes), is found in none */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2u;
        int c = tz_cmp(name, len, camp_tzdb_names + camp_tzdb_name_off[mid]);
        if (c == 0) {
            return (long)mid;
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
    return (name != NULL) && (tz_index(name, len) >= 0);
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
    uint32_t rule;
    const camp_tzdb_rule_t *r;

    if (name == NULL || out == NULL) {
        return CAMP_ERR_ARG;
    }
    idx = tz_index(name, len);
    if (idx < 0) {
        return CAMP_ERR_TZ_UNKNOWN;
    }
    rule = camp_tzdb_zone_of[idx];
    /* what camp_tz_parse() fills for the rule's text, read by the generator */
    memset(out, 0, sizeof *out);
    if ((rule & CAMP_TZDB_CARRIED) != 0u) {
        const camp_tzdb_zone_t *z = &camp_tzdb_zones[rule & ~CAMP_TZDB_CARRIED];
        rule = z->rule;
        out->trans_first = z->trans_first;
        out->trans_count = z->trans_count;
    }
    r = &camp_tzdb_rule_set[rule];
    out->rule.std_offset = (int32_t)r->std_min * 60;
    out->rule.dst_offset = out->rule.std_offset;
    if (r->dst != 0u) {
        const camp_tzdb_dst_t *d = &camp_tzdb_dst_set[r->dst - 1u];
        out->rule.has_dst = true;
        out->rule.dst_offset += d->save;
        out->rule.start = d->start;
        out->rule.end = d->end;
    }
    out->rule_text = camp_tzdb_rules + r->text_off;
    out->rule_len = strlen(out->rule_text);
    out->name = camp_tzdb_names + camp_tzdb_name_off[idx];
    return CAMP_OK;
}
