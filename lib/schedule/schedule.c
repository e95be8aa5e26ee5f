/* Sending-window decisions over a week of local day windows. */
#include "camp/camp_schedule.h"

#include <string.h>

#include "status/status_internal.h"
#include "schedule/tz_internal.h"

#define SECS_PER_DAY INT64_C(86400)

/* Constant-offset segments visited by one search: 8 days hold at most a few
 * transitions. The local days of a segment need no count of their own: the
 * last one looked at is at most the horizon plus a day after the first, so
 * day <= last stops the walk after 9 days at most. */
#define SCHED_MAX_SEGMENTS 16

/* The first day whose window breaks the rules (end in 1..1440, start < end), or
 * 7 when none does. The decisions need only this verdict, so they do not link
 * camp_week_windows_check() and its diagnostics. */
static unsigned first_bad_day(const camp_week_windows_t *w)
{
    unsigned d;

    for (d = 0; d < 7u; d++) {
        const camp_day_window_t *dw = &w->day[d];
        /* end 0 fails start < end too */
        if (dw->has_window && (dw->end > CAMP_MINUTES_PER_DAY || dw->start >= dw->end)) {
            break;
        }
    }
    return d;
}

camp_status_t camp_week_windows_check(const camp_week_windows_t *w, camp_diag_t *diag)
{
    /* "$.day[D].start" / "$.day[D].end", built on failure only (camp_diag_set
     * copies it): cheaper in flash than a table of the 14 paths. */
    char path[16] = "$.day[0].start";
    const camp_day_window_t *dw;
    unsigned d;
    bool bad_end;
    int32_t lo;
    int32_t hi;

    if (w == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(S01, "windows must not be NULL"));
    }
    d = first_bad_day(w);
    if (d == 7u) {
        return CAMP_OK;
    }
    dw = &w->day[d];
    path[6] = (char)('0' + d);
    /* one failure report for both rules: the end's range, or start < end */
    bad_end = dw->end > CAMP_MINUTES_PER_DAY || dw->end < 1u;
    if (bad_end) {
        memcpy(path + 9, "end", 4);
        lo = 1;
        hi = (int32_t)CAMP_MINUTES_PER_DAY;
    } else {
        lo = 0;
        hi = (int32_t)dw->end - 1;
    }
    camp_diag_set(diag, CAMP_ERR_SCHEDULE, path,
                  bad_end ? CAMP_RULE(S02, "end must be an integer in 1..1440")
                          : CAMP_RULE(S03, "start must be less than end"));
    camp_diag_set_limits(diag, lo, hi);
    return CAMP_ERR_SCHEDULE;
}

/* The checks of the decisions' arguments other than their outputs. */
static camp_status_t sched_args(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t utc)
{
    if (tz == NULL || w == NULL) {
        return CAMP_ERR_ARG;
    }
    if (first_bad_day(w) != 7u) {
        return CAMP_ERR_SCHEDULE; /* what camp_week_windows_check() says */
    }
    if (utc < CAMP_TZ_MIN_UTC || utc >= CAMP_TZ_END_UTC) {
        return CAMP_ERR_TIME_RANGE;
    }
    return CAMP_OK;
}

/* camp_schedule_next_open(), shared with camp_schedule_is_open() (a public
 * function calling another of its file would need external linkage for one
 * file only: MISRA C 8.7). */
static camp_status_t sched_next_open(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t utc,
                                     bool *found, int64_t *next)
{
    int32_t limit;
    int32_t u;
    unsigned seg;
    camp_status_t st;

    if (found == NULL || next == NULL) {
        return CAMP_ERR_ARG;
    }
    st = sched_args(tz, w, utc);
    if (st != CAMP_OK) {
        return st;
    }
    *found = false;
    /* Instants are counted in seconds after utc, in 32 bits: the search looks
     * no further than the horizon (limit: the last one that may be returned). */
    limit = (utc + CAMP_SCHEDULE_HORIZON_S > CAMP_TZ_END_UTC - 1)
                ? (int32_t)(CAMP_TZ_END_UTC - 1 - utc)
                : (int32_t)CAMP_SCHEDULE_HORIZON_S;
    /* On each segment of constant offset, local time is utc + u + off: look
     * for the first local window start (or u itself) inside it, day by day. */
    u = 0;
    for (seg = 0; seg < SCHED_MAX_SEGMENTS && u <= limit; seg++) {
        int32_t off;
        bool dst;
        int64_t seg_end;
        int32_t end;
        int32_t at;
        int32_t last;
        int32_t day;
        uint32_t sec, wday;

        camp_tz_segment(tz, utc + u, &off, &dst, &seg_end);
        /* the segment's end, at most one past the limit */
        end = (seg_end - utc > (int64_t)limit) ? limit + 1 : (int32_t)(seg_end - utc);
        wday = camp_tz_weekday(camp_tz_days_of(utc + u + off, &sec));
        /* Local times counted from the local midnight before u fit 32 bits: u
         * is at `at`, and the last one looked at is at most the horizon plus a
         * day after that midnight. */
        at = (int32_t)sec;
        last = end - 1 - u + at;
        for (day = 0; day <= last; day += (int32_t)SECS_PER_DAY) {
            const camp_day_window_t *dw = &w->day[wday];
            if (dw->has_window) {
                int32_t open_at = day + (int32_t)dw->start * 60;
                int32_t cand = at > open_at ? at : open_at;
                if (cand < day + (int32_t)dw->end * 60 && cand <= last) {
                    int32_t after = u + (cand - at); /* seconds after utc */
                    *found = true;
                    *next = utc + after;
                    return CAMP_OK;
                }
            }
            wday = (wday == 6u) ? 0u : wday + 1u;
        }
        u = end;
    }
    return CAMP_OK;
}

camp_status_t camp_schedule_next_open(const camp_tz_t *tz, const camp_week_windows_t *w,
                                      int64_t utc, bool *found, int64_t *next)
{
    return sched_next_open(tz, w, utc, found, next);
}

/* Open at utc exactly when the next opening at or after utc is utc itself
 * (sched_next_open() checks utc's own local minute first and returns
 * utc when it is open), so the decision is not written twice. */
camp_status_t camp_schedule_is_open(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t utc,
                                    bool *open)
{
    bool found;
    int64_t next;
    camp_status_t st;

    if (open == NULL) {
        return CAMP_ERR_ARG;
    }
    st = sched_next_open(tz, w, utc, &found, &next);
    if (st == CAMP_OK) {
        *open = found && next == utc;
    }
    return st;
}
