/*
 * Fuzz target: the zone rule parser (POSIX TZ strings), zone-name lookup, and
 * the window evaluation built on them. FUZZ_DICT: tz
 *
 * Input: the rule text (or a zone name) up to the first '\n'; after it,
 * 8 bytes of instant, then 7 x 5 bytes of weekly windows.
 * Invariants:
 * - camp_tz_parse(): OK, TZ_RULE or ARG; the diagnostic offset lies inside the
 *   text; a parsed rule has every field in its documented range and points at
 *   the caller's text;
 * - for any instant in [CAMP_TZ_MIN_UTC, CAMP_TZ_END_UTC): the offset is one of
 *   the rule's two offsets (is_dst says which), to_local() is utc + offset in
 *   civil time with a consistent weekday and day of year, and to_utc() of that
 *   local time gives the instant back among its (at most two) matches, each
 *   of which shows that same local time;
 *   instants outside the range are CAMP_ERR_TIME_RANGE;
 * - is_open() equals the rule "the local weekday has a window and start <=
 *   local minute < end"; a malformed week is CAMP_ERR_SCHEDULE everywhere;
 * - next_open(): the result is open, at or after the instant, within 8 days,
 *   the start of a local minute (or the instant of an offset change: rules
 *   with seconds in their offsets), and sampled instants before it are
 *   closed; "never" means sampled instants within 8 days are all closed.
 */
#include "fuzz_common.h"

#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"

#define MAX_OFFSET (24 * 3600 + 59 * 60 + 59)
#define MAX_TIME (167 * 3600 + 59 * 60 + 59)

static void check_date(const camp_tz_date_t *d)
{
    FUZZ_CHECK(d->time >= -MAX_TIME && d->time <= MAX_TIME, "transition time within 167 h");
    switch (d->kind) {
    case CAMP_TZ_DATE_JULIAN1: FUZZ_CHECK(d->day >= 1 && d->day <= 365, "Jn day 1..365"); break;
    case CAMP_TZ_DATE_JULIAN0: FUZZ_CHECK(d->day <= 365, "n day 0..365"); break;
    case CAMP_TZ_DATE_MWD:
        FUZZ_CHECK(d->month >= 1 && d->month <= 12 && d->week >= 1 && d->week <= 5 && d->wday <= 6,
                   "Mm.w.d fields in range");
        break;
    default: FUZZ_CHECK(false, "date kind is one of the three");
    }
}

static bool is_open_ref(const camp_tz_local_t *l, const camp_week_windows_t *w)
{
    const camp_day_window_t *d = &w->day[l->wday];
    unsigned minute = (unsigned)l->hour * 60u + l->minute;
    return d->has_window && d->start <= minute && minute < d->end;
}

static void check_instant(const camp_tz_t *tz, bool parsed, int64_t utc)
{
    int32_t off = 0;
    bool dst = false;
    camp_status_t st = camp_tz_offset_at(tz, utc, &off, &dst);
    if (utc < CAMP_TZ_MIN_UTC || utc >= CAMP_TZ_END_UTC) {
        FUZZ_CHECK(st == CAMP_ERR_TIME_RANGE, "instants outside 2000..2099 are TIME_RANGE");
        return;
    }
    FUZZ_CHECK(st == CAMP_OK, "offset_at OK in range");
    FUZZ_CHECK(off >= -26 * 3600 && off <= 26 * 3600, "offset within +-26 h");
    if (parsed) {
        FUZZ_CHECK(off == (dst ? tz->rule.dst_offset : tz->rule.std_offset),
                   "offset is the rule's std or dst offset");
        FUZZ_CHECK(!dst || tz->rule.has_dst, "DST only in a rule with DST");
    }
    camp_tz_local_t l;
    FUZZ_CHECK(camp_tz_to_local(tz, utc, &l) == CAMP_OK, "to_local OK in range");
    FUZZ_CHECK(l.offset == off && l.is_dst == dst, "to_local uses offset_at");
    int64_t lt = utc + off;
    int64_t days = lt >= 0 ? lt / 86400 : -((-lt + 86399) / 86400);
    int64_t sod = lt - days * 86400;
    int64_t y = 0;
    unsigned m = 0;
    unsigned d = 0;
    camp_civil_from_days(days, &y, &m, &d);
    FUZZ_CHECK(l.year == y && l.month == m && l.day == d, "local date is utc + offset");
    FUZZ_CHECK(l.hour == sod / 3600 && l.minute == (sod / 60) % 60 && l.second == sod % 60,
               "local time of day is utc + offset");
    FUZZ_CHECK(l.wday == (uint8_t)(((days % 7) + 11) % 7), "weekday (1970-01-01 was a Thursday)");
    FUZZ_CHECK(l.yday == days - camp_days_from_civil(y, 1, 1), "day of year");
    int64_t e = 0;
    int64_t la = 0;
    unsigned count = 9;
    st = camp_tz_to_utc(tz, &l, &e, &la, &count);
    if (st == CAMP_OK && e != utc && la != utc && getenv("FUZZ_DOC_DEBUG") != NULL) {
        fprintf(stderr,
                "utc %lld local %04d-%02u-%02u %02u:%02u:%02u off %d -> count %u %lld %lld\n",
                (long long)utc, (int)l.year, l.month, l.day, l.hour, l.minute, l.second,
                (int)l.offset, count, (long long)e, (long long)la);
    }
    if (st == CAMP_OK) {
        FUZZ_CHECK(count >= 1 && count <= 2, "an existing local time has 1 or 2 instants");
        FUZZ_CHECK(e == utc || la == utc, "to_utc(to_local(t)) contains t");
        FUZZ_CHECK(e <= la && (count == 2 || e == la), "earlier <= later");
        for (unsigned k = 0; k < count; k++) {
            camp_tz_local_t back;
            int64_t r = k == 0 ? e : la;
            if (camp_tz_to_local(tz, r, &back) == CAMP_OK) {
                FUZZ_CHECK(back.year == l.year && back.month == l.month && back.day == l.day &&
                               back.hour == l.hour && back.minute == l.minute &&
                               back.second == l.second,
                           "each instant to_utc() returns shows that local time");
            }
        }
    } else {
        FUZZ_CHECK(st == CAMP_ERR_TIME_RANGE, "to_utc fails only at the range edges");
    }
}

static void check_windows(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t utc)
{
    camp_diag_t dg;
    camp_status_t wst = camp_week_windows_check(w, &dg);
    FUZZ_CHECK(wst == CAMP_OK || wst == CAMP_ERR_SCHEDULE, "window check status");
    bool open = false;
    camp_status_t st = camp_schedule_is_open(tz, w, utc, &open);
    bool in_range = utc >= CAMP_TZ_MIN_UTC && utc < CAMP_TZ_END_UTC;
    if (wst != CAMP_OK) {
        fuzz_check_diag(&dg, wst, (size_t)-2);
        FUZZ_CHECK(st == CAMP_ERR_SCHEDULE || (!in_range && st == CAMP_ERR_TIME_RANGE),
                   "a malformed week is refused");
        return;
    }
    if (!in_range) {
        FUZZ_CHECK(st == CAMP_ERR_TIME_RANGE, "is_open out of range");
        return;
    }
    FUZZ_CHECK(st == CAMP_OK, "is_open OK");
    camp_tz_local_t l;
    FUZZ_CHECK(camp_tz_to_local(tz, utc, &l) == CAMP_OK, "to_local");
    FUZZ_CHECK(open == is_open_ref(&l, w), "is_open follows the documented rule");

    bool found = false;
    int64_t next = INT64_MIN;
    st = camp_schedule_next_open(tz, w, utc, &found, &next);
    FUZZ_CHECK(st == CAMP_OK, "next_open OK in range");
    int64_t limit = found ? next : utc + CAMP_SCHEDULE_HORIZON_S;
    if (found) {
        FUZZ_CHECK(next >= utc && next - utc <= CAMP_SCHEDULE_HORIZON_S, "next within 8 days");
        bool o2 = false;
        FUZZ_CHECK(camp_schedule_is_open(tz, w, next, &o2) == CAMP_OK && o2, "next is open");
        FUZZ_CHECK(open == (next == utc), "next == utc exactly when open now");
        if (next > utc) {
            /* The start of a local minute, or (rules whose offsets have seconds,
             * e.g. "EST4:59:59EDT1,...") the instant of an offset change. */
            int32_t o_before = 0;
            int32_t o_at = 0;
            FUZZ_CHECK(camp_tz_to_local(tz, next, &l) == CAMP_OK, "to_local(next)");
            FUZZ_CHECK(camp_tz_offset_at(tz, next - 1, &o_before, NULL) == CAMP_OK &&
                           camp_tz_offset_at(tz, next, &o_at, NULL) == CAMP_OK,
                       "offsets around next");
            FUZZ_CHECK(l.second == 0 || o_before != o_at,
                       "next opening is the start of a local minute or an offset change");
            FUZZ_CHECK(camp_schedule_is_open(tz, w, next - 1, &o2) == CAMP_OK && !o2,
                       "closed just before the next opening");
        }
    } else {
        FUZZ_CHECK(!open, "never open although open now");
        FUZZ_CHECK(next == INT64_MIN, "next unchanged when not found");
    }
    /* Sample instants before the answer: all closed. */
    for (int k = 1; k < 24; k++) {
        int64_t t = utc + (limit - utc) * k / 24;
        if (t >= limit || t >= CAMP_TZ_END_UTC) {
            break;
        }
        bool o3 = true;
        FUZZ_CHECK(camp_schedule_is_open(tz, w, t, &o3) == CAMP_OK, "is_open sample");
        FUZZ_CHECK(!o3, "closed between the instant and the next opening");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t tlen = nl ? (size_t)(nl - data) : size;
    if (tlen > 200) {
        return 0;
    }
    char *text = fuzz_dup(data, tlen);
    fuzz_reader_t r = {nl ? nl + 1 : data + size, nl ? size - tlen - 1 : 0};

    camp_tz_t tz;
    camp_diag_t dg;
    bool parsed = false;
    bool have = false;
    if (camp_tz_find(text, tlen, &tz) == CAMP_OK) {
        FUZZ_CHECK(camp_tz_valid_name(text, tlen), "find() and valid_name() agree");
        FUZZ_CHECK(tz.name != NULL && strlen(tz.name) == tlen && memcmp(tz.name, text, tlen) == 0,
                   "found zone has the exact name");
        have = true;
    } else {
        FUZZ_CHECK(!camp_tz_valid_name(text, tlen), "find() and valid_name() agree");
    }
    {
        size_t n = camp_tz_count();
        FUZZ_CHECK(n > 0, "the zone table is not empty");
        const char *nm = camp_tz_name((size_t)tlen * 7919u % n);
        FUZZ_CHECK(nm != NULL && camp_tz_valid_name(nm, strlen(nm)), "table names are valid names");
        FUZZ_CHECK(camp_tz_name(n) == NULL, "name past the table is NULL");
    }
    if (!have) {
        camp_status_t st = camp_tz_parse(text, tlen, &tz, &dg);
        FUZZ_CHECK(st == CAMP_OK || st == CAMP_ERR_TZ_RULE || (st == CAMP_ERR_ARG && tlen > 128),
                   "parse status");
        if (st != CAMP_OK) {
            fuzz_check_diag(&dg, st, tlen);
        } else {
            parsed = have = true;
            FUZZ_CHECK(tz.name == NULL && tz.rule_text == text && tz.rule_len == tlen,
                       "parsed zone points at the caller's text");
            FUZZ_CHECK(tz.rule.std_offset >= -MAX_OFFSET && tz.rule.std_offset <= MAX_OFFSET,
                       "std offset within 24:59:59");
            if (tz.rule.has_dst) {
                FUZZ_CHECK(tz.rule.dst_offset >= -MAX_OFFSET - 3600 &&
                               tz.rule.dst_offset <= MAX_OFFSET + 3600,
                           "dst offset in range");
                check_date(&tz.rule.start);
                check_date(&tz.rule.end);
            } else {
                FUZZ_CHECK(tz.rule.dst_offset == tz.rule.std_offset, "no DST: dst == std");
            }
        }
    }
    if (have) {
        uint64_t raw = fuzz_u64(&r);
        int64_t span = CAMP_TZ_END_UTC - CAMP_TZ_MIN_UTC;
        /* Mostly in range; 1 in 16 anywhere near it to test the edges. */
        int64_t utc = (raw & 15u) == 0
                          ? CAMP_TZ_MIN_UTC - 86400 + (int64_t)(raw % (uint64_t)(span + 2 * 86400))
                          : CAMP_TZ_MIN_UTC + (int64_t)(raw % (uint64_t)span);
        check_instant(&tz, parsed, utc);
        check_instant(&tz, parsed, utc + 1800);
        camp_week_windows_t w;
        memset(&w, 0, sizeof w);
        for (int dd = 0; dd < 7; dd++) {
            uint8_t f = fuzz_u8(&r);
            uint16_t a = (uint16_t)((fuzz_u8(&r) << 8) | fuzz_u8(&r));
            uint16_t b = (uint16_t)((fuzz_u8(&r) << 8) | fuzz_u8(&r));
            w.day[dd].has_window = (f & 1) != 0;
            w.day[dd].start = (uint16_t)(a % 1442u);
            w.day[dd].end = (uint16_t)(b % 1442u);
        }
        check_windows(&tz, &w, utc);
    }
    free(text);
    return 0;
}
