/* POSIX TZ rule evaluation and UTC <-> local conversion.
 *
 * A rule contributes, for each year Y, the change to DST ("start", a local
 * standard time) and back ("end", a local DST time), computed like tzcode's
 * transtime(): 1 January 00:00 UTC of Y + the day of the rule date + the
 * rule's time of day - the offset in force before the change. As in tzcode,
 * a year whose DST period would span a whole year or more adds no transitions,
 * and a rule where no year adds any is perpetual DST (`EST5EDT,0/0,J365/25`).
 * The state at t is that of the latest transition at or before t, which for
 * ordinary rules lies in t's UTC year or the one before, but can be years
 * back when some years add none (see TZ_RULE_YEARS). `n` counts days after
 * 1 January as in tzcode, so day 365 of a common year is 1 January of the
 * next. tools/tzgen.py evaluates rules the same way and checks
 * them against the TZif transitions; tests compare this code with glibc.
 */
#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"
#include "schedule/tz_internal.h"
#include "status/status_internal.h"
#include "schedule/tzdb_internal.h"

#define SECS_PER_DAY INT64_C(86400)

/* Years here are 1969..2131: rule years reach TZ_RULE_YEARS + 1 around the
 * UTC years of the range, 2000..2099, and local dates are 1999..2100. In
 * 1901..2199 every fourth year is leap but 2100, which tz_is_leap() and
 * tz_jan1() use: moving CAMP_TZ_END_UTC past 2100 needs the full rules (a
 * negative array size stops the build then). */
typedef char tz_range_ends_by_2100[(CAMP_TZ_END_UTC <= INT64_C(4102444800)) ? 1 : -1];

static bool tz_is_leap(int32_t y)
{
    return ((uint32_t)y & 3u) == 0u && y != 2100;
}

/* The bias that makes the schedule's instants non-negative: 2^21 days, more
 * than |t| < 2^37 s. Then (t + bias) / 128 fits 32 bits. */
#define TZ_DAY_BIAS (INT64_C(1) << 21)

int32_t camp_tz_days_of(int64_t t, uint32_t *sec)
{
    uint64_t y = (uint64_t)(t + TZ_DAY_BIAS * SECS_PER_DAY);
    uint32_t q = (uint32_t)(y >> 7); /* 86400 = 128 * 675 */
    *sec = (uint32_t)(y & 127u) + 128u * (q % 675u);
    return (int32_t)(q / 675u) - (int32_t)TZ_DAY_BIAS;
}

uint32_t camp_tz_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (4); 7 times the bias (2^21 days), a multiple of
     * 7, keeps the sum positive, so its unsigned value is exact */
    return ((uint32_t)days + (4u + (7u * 2097152u))) % 7u;
}

/* Days from 1 January to the first of month 1..13 (13: the year's length).
 * (367 m - 362) / 12 gives the month lengths of a year whose February has
 * 30 days; from March on, subtract the 2 or 1 days February lacks. Smaller
 * than a table of month lengths and the loop that summed them. */
static int32_t tz_month_start(unsigned month, bool leap)
{
    uint32_t d = (367u * month - 362u) / 12u;
    if (month > 2u) {
        d -= leap ? 1u : 2u;
    }
    return (int32_t)d;
}

/* Day number (since 1970-01-01) of 1 January of year 1969..2199: 365 a year
 * plus a leap day every fourth year from 1972 on, but for 2100. Equal to
 * camp_days_from_civil() there (checked for every year) and much smaller: the
 * decisions need only this date. */
static int32_t tz_jan1(int32_t year)
{
    return 365 * (year - 1970) + (int32_t)((uint32_t)(year - 1969) / 4u) - ((year > 2100) ? 1 : 0);
}

/* The UTC year of t, for t in [CAMP_TZ_MIN_UTC, CAMP_TZ_END_UTC) (the contract
 * of camp_tz_segment()): there, days / 365 overshoots the years since 1970 by at
 * most one (130 years hold fewer than 365 leap days), so one test of 1 January
 * corrects it, without linking camp_civil_from_days(). */
static int32_t tz_utc_year(int64_t t)
{
    uint32_t sec;
    int32_t days = camp_tz_days_of(t, &sec);
    int32_t y = 1970 + (int32_t)((uint32_t)days / 365u);

    if (tz_jan1(y) > days) {
        y--;
    }
    return y;
}

/* Days from 1 January to the rule date (tzcode semantics), in the year whose
 * 1 January is day number jan1 (since 1970) and which is leap or not. Counted
 * from 1 January in 32 bits: the result is below 400 days. */
static int32_t tz_rule_day(int32_t jan1, bool leap, const camp_tz_date_t *d)
{
    int32_t mstart;
    int32_t dd;
    int32_t mdays;
    unsigned month;

    if (d->kind == (uint8_t)CAMP_TZ_DATE_JULIAN1) {
        /* Jn never counts 29 February: from March on, skip it in leap years. */
        return (int32_t)d->day - 1 + ((leap && d->day >= 60u) ? 1 : 0);
    }
    if (d->kind == (uint8_t)CAMP_TZ_DATE_JULIAN0) {
        return (int32_t)d->day;
    }
    month = (d->month >= 1u && d->month <= 12u) ? d->month : 1u;
    mstart = tz_month_start(month, leap);
    /* Days from the month's first to its first weekday d: (d - weekday of
     * the first) mod 7 in one remainder, with the weekday of day n being
     * (n + 4) mod 7 (see camp_tz_weekday()). Rule years are 1969..2131, so
     * the first is below day 60000 and the bias 7 * 65536 keeps it positive. */
    dd = (int32_t)(((uint32_t)d->wday + 3u + 7u * 65536u - (uint32_t)(jan1 + mstart)) % 7u) +
         7 * ((int32_t)d->week - 1);
    mdays = tz_month_start(month + 1u, leap) - mstart;
    /* Week 5 means "last": step back into the month (at most twice: dd <= 34). */
    if (dd >= mdays) {
        dd -= 7;
    }
    if (dd >= mdays) {
        dd -= 7;
    }
    return mstart + dd;
}

/* The year's change to DST (tr[0]) and back (tr[1]). Returns whether the
 * year adds them: not when they coincide, nor when the DST period would last
 * a whole year or more (a DST end before the start, as in the southern
 * hemisphere, is a shorter standard-time period and always counts). The two
 * never coincide when added, so their order within the year needs no tie rule. */
static bool tz_year_transitions(const camp_tz_rule_t *r, int32_t year, int64_t tr[2])
{
    int32_t jan1_day = tz_jan1(year);
    bool leap = tz_is_leap(year);
    unsigned i;
    int64_t dst_len;

    for (i = 0; i < 2u; i++) {
        const camp_tz_date_t *d = (i == 0u) ? &r->start : &r->end;
        /* the start is in standard time, the end in DST */
        int32_t off = (i == 0u) ? r->std_offset : r->dst_offset;
        tr[i] = (int64_t)(jan1_day + tz_rule_day(jan1_day, leap, d)) * SECS_PER_DAY +
                ((int64_t)d->time - off);
    }
    dst_len = tr[1] - tr[0];
    return dst_len != 0 && dst_len < tz_month_start(13u, leap) * SECS_PER_DAY;
}

/* How far tz_rule_state() looks back and ahead, in years. A year's
 * transitions depend only on whether it is a leap year and on the weekday of
 * its 1 January: 14 kinds, which all occur in any 28 consecutive years from
 * 1901 to 2099. A rule can add transitions in some kinds of year only (e.g.
 * `n` day 365 exists only in leap years: `YOK5BRB,0,365/7` changes on
 * 1 January and 31 December of leap years and adds nothing in common years,
 * where the DST period would exceed a year, so the state then holds for up to
 * three years). Looking back 30 years from an instant in 2000..2099 therefore
 * sees a transition of every kind of year that has any; finding none means
 * the rule has none: perpetual DST (tzcode). Ahead, 30 years also reaches the
 * next transition or passes CAMP_TZ_END_UTC. */
#define TZ_RULE_YEARS 30

/* A year's transitions lie less than TZ_SPILL outside that year: rule time
 * of day < 168 h, offsets < 26 h. */
#define TZ_SPILL (9 * SECS_PER_DAY)

/* What tz_rule_state() has found so far. */
typedef struct tz_state {
    int64_t t;
    int64_t best;      /* latest transition at or before t, once best_year != 0 */
    int64_t next;      /* first transition after t, or CAMP_TZ_END_UTC */
    int32_t best_year; /* best's year, 0 while none is found (years are >= 1969) */
    bool dst;          /* the state best changed to */
} tz_state_t;

/* Folds the transitions of one year into *st; returns the day number of that
 * year's 1 January. Both walks below use it: an earlier transition after t or
 * a later one at or before t is the same answer whichever walk meets it. Of
 * equal times, the one met first wins: the walk back meets years from the
 * latest, and a year's two transitions never tie (tzcode's sequence order). */
static int32_t tz_fold_year(const camp_tz_rule_t *r, int32_t year, tz_state_t *st)
{
    int64_t tr[2];

    if (tz_year_transitions(r, year, tr)) {
        unsigned i;
        for (i = 0; i < 2u; i++) {
            if (tr[i] > st->t) {
                if (tr[i] < st->next) {
                    st->next = tr[i];
                }
            } else if (st->best_year == 0 || tr[i] > st->best) {
                st->best = tr[i];
                st->best_year = year;
                st->dst = (i == 0u);
            }
        }
    }
    return tz_jan1(year);
}

/* Rule state at t and the first rule transition after t, or CAMP_TZ_END_UTC
 * when none comes before it (the segment's end is clamped there anyway).
 * The state is that of the latest transition at or before t, as in tzcode's
 * transition list (ties: the later one in the sequence wins). */
static bool tz_rule_state(const camp_tz_rule_t *r, int64_t t, int64_t *next)
{
    int32_t y;
    int32_t yy;
    tz_state_t st;

    *next = CAMP_TZ_END_UTC;
    if (!r->has_dst) {
        return false;
    }
    st.t = t;
    st.next = CAMP_TZ_END_UTC;
    st.best_year = 0;
    st.dst = true; /* no transition at all: perpetual DST */
    y = tz_utc_year(t);
    /* Backward: years after y + 1 only change after t; once the
     * latest year with one at or before t is found, the year before it may
     * still hold a later one (rule times spill over New Year), older ones not. */
    for (yy = y + 1; yy >= y - TZ_RULE_YEARS && yy >= st.best_year - 1; yy--) {
        (void)tz_fold_year(r, yy, &st);
    }
    /* Forward: years before y - 1 only change before t; a year starting more
     * than TZ_SPILL after st.next, and the later ones, change only after it. */
    for (yy = y - 1; yy <= y + TZ_RULE_YEARS; yy++) {
        if ((int64_t)tz_fold_year(r, yy, &st) * SECS_PER_DAY - TZ_SPILL > st.next) {
            break;
        }
    }
    *next = st.next;
    return st.dst;
}

/* Carried transitions: when t falls inside them, they set *off and *dst;
 * *next is lowered to the first carried transition after t, if any. */
static void tz_carried(const camp_tz_t *tz, int64_t t, int32_t *off, bool *dst, int64_t *next)
{
    const uint32_t *times = &camp_tzdb_trans_time[tz->trans_first];
    size_t n = tz->trans_count;
    size_t lo = 0;

    /* The first index with times[lo] > t, or n: the times ascend, and a zone
     * carries at most 255 of them (tzgen.py checks), so a scan is short. t is
     * in range, before 2100, so it fits the table's 32-bit times. */
    while (lo < n && times[lo] <= (uint32_t)t) {
        lo++;
    }
    if (lo < n && (int64_t)times[lo] < *next) {
        *next = (int64_t)times[lo];
    }
    /* Before the first carried transition, and from the last one on, the
     * rule is exact (checked by tzgen.py). */
    if (lo > 0u && lo < n) {
        uint8_t type = camp_tzdb_trans_type[tz->trans_first + lo - 1u];
        *off = camp_tzdb_offsets[type & 0x7Fu];
        *dst = (type & CAMP_TZDB_TYPE_DST) != 0u;
    }
}

void camp_tz_segment(const camp_tz_t *tz, int64_t t, int32_t *offset, bool *is_dst, int64_t *next)
{
    bool dst = tz_rule_state(&tz->rule, t, next);
    int32_t off = dst ? tz->rule.dst_offset : tz->rule.std_offset;

    /* inside the carried transitions, they override the rule */
    tz_carried(tz, t, &off, &dst, next);
    *offset = off;
    *is_dst = dst;
}

camp_status_t camp_tz_offset_at(const camp_tz_t *tz, int64_t utc, int32_t *offset, bool *is_dst)
{
    int64_t next;
    bool dst;

    if (tz == NULL || offset == NULL) {
        return CAMP_ERR_ARG;
    }
    if (utc < CAMP_TZ_MIN_UTC || utc >= CAMP_TZ_END_UTC) {
        return CAMP_ERR_TIME_RANGE;
    }
    camp_tz_segment(tz, utc, offset, &dst, &next);
    if (is_dst != NULL) {
        *is_dst = dst;
    }
    return CAMP_OK;
}

camp_status_t camp_tz_to_local(const camp_tz_t *tz, int64_t utc, camp_tz_local_t *out)
{
    int32_t off;
    bool dst;
    camp_status_t st;
    int64_t local;
    int32_t days;
    uint32_t secs, wday;
    int64_t year;
    unsigned month;
    unsigned day;

    if (out == NULL) {
        return CAMP_ERR_ARG;
    }
    st = camp_tz_offset_at(tz, utc, &off, &dst);
    if (st != CAMP_OK) {
        return st;
    }
    local = utc + off;
    days = camp_tz_days_of(local, &secs);
    wday = camp_tz_weekday(days);
    camp_civil_from_days(days, &year, &month, &day);
    out->year = (int32_t)year;
    out->month = (uint8_t)month;
    out->day = (uint8_t)day;
    out->hour = (uint8_t)(secs / 3600u);
    out->minute = (uint8_t)((secs / 60u) % 60u);
    out->second = (uint8_t)(secs % 60u);
    out->wday = (uint8_t)wday;
    out->yday = (uint16_t)(days - tz_jan1((int32_t)year));
    out->offset = off;
    out->is_dst = dst;
    return CAMP_OK;
}

/* Offsets are below 26 h, so an instant showing local time L lies within
 * L -/+ 26 h; walk the constant-offset segments of that window (a handful:
 * transitions are weeks apart) and keep the instants that really show L. */
#define TZ_LOCAL_WINDOW (26 * 3600)
#define TZ_MAX_SEGMENTS 16

/* Seconds from 1970 to the local time as if it were UTC, or -1 when it is no
 * valid date and time of 1999..2100. tz_jan1() plus the month start is
 * camp_days_from_civil() for these years, with the leap flag computed once. */
static int64_t tz_local_seconds(const camp_tz_local_t *local)
{
    bool leap;
    int32_t mstart;
    uint32_t sec_of_day;

    if (local->year < 1999 || local->year > 2100 || local->month < 1u || local->month > 12u) {
        return -1;
    }
    leap = tz_is_leap(local->year);
    mstart = tz_month_start(local->month, leap);
    /* day 0 wraps to the largest value */
    if ((uint32_t)local->day - 1u >= (uint32_t)(tz_month_start(local->month + 1u, leap) - mstart) ||
        local->hour > 23u || local->minute > 59u || local->second > 59u) {
        return -1;
    }
    sec_of_day = (uint32_t)local->hour * 3600u + (uint32_t)local->minute * 60u + local->second;
    return (int64_t)(tz_jan1(local->year) + mstart + (int32_t)local->day - 1) * SECS_PER_DAY +
           (int64_t)sec_of_day;
}

/* Walks the window around L and returns how many instants show it. *earlier
 * and *later receive the first and the second of them (both the first when
 * only one does); when none does and L was skipped, both receive where it
 * would have been. *hit tells whether either happened. */
static unsigned tz_scan_local(const camp_tz_t *tz, int64_t l, int64_t *earlier, int64_t *later,
                              bool *hit)
{
    int64_t lo = l - TZ_LOCAL_WINDOW;
    int64_t hi = l + TZ_LOCAL_WINDOW;
    int64_t u;
    unsigned n = 0;
    bool prev_after = false;
    int32_t prev_off = 0;
    unsigned i;

    *hit = false;
    if (lo < CAMP_TZ_MIN_UTC) {
        lo = CAMP_TZ_MIN_UTC;
    }
    if (hi > CAMP_TZ_END_UTC) {
        hi = CAMP_TZ_END_UTC;
    }
    u = lo;
    for (i = 0; i < TZ_MAX_SEGMENTS && u < hi; i++) {
        int32_t off;
        bool dst;
        int64_t next;
        int64_t cand;
        camp_tz_segment(tz, u, &off, &dst, &next);
        cand = l - off;
        if (cand >= u && cand < next) {
            /* an instant showing L replaces a gap found before it */
            if (n == 0u) {
                *earlier = cand;
            }
            if (n < 2u) {
                *later = cand;
            }
            n++;
            *hit = true;
        } else if (prev_after && cand < u && !*hit) {
            /* L fell between the previous segment's end and this start
             * (prev_after is false on the first segment). */
            *earlier = l - prev_off;
            *later = *earlier;
            *hit = true;
        }
        prev_after = cand >= next;
        prev_off = off;
        u = next;
    }
    return n;
}

camp_status_t camp_tz_to_utc(const camp_tz_t *tz, const camp_tz_local_t *local, int64_t *earlier,
                             int64_t *later, unsigned *count)
{
    int64_t first = 0;
    int64_t second = 0;
    bool hit;
    unsigned n;
    int64_t l;

    if (tz == NULL || local == NULL || earlier == NULL) {
        return CAMP_ERR_ARG;
    }
    l = tz_local_seconds(local);
    if (l < 0) {
        return CAMP_ERR_ARG;
    }
    n = tz_scan_local(tz, l, &first, &second, &hit);
    /* !hit: L is outside the supported range */
    if (!hit || first < CAMP_TZ_MIN_UTC || second >= CAMP_TZ_END_UTC) {
        return CAMP_ERR_TIME_RANGE;
    }
    *earlier = first;
    if (later != NULL) {
        *later = second;
    }
    if (count != NULL) {
        *count = n > 2u ? 2u : n;
    }
    return CAMP_OK;
}
