/*
 * datetime.c - RFC 3339 date-times without libc time functions.
 *
 * Calendar arithmetic uses Howard Hinnant's days_from_civil / civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html): exact for the whole
 * proleptic Gregorian calendar, integer-only, no tables, no loops.
 */

#include "camp/camp_validate.h"

#include "status/status_internal.h"

/* Domain limits that keep every intermediate of the algorithms inside int64_t.
 * Arguments outside them are clamped (documented in the header as unsupported);
 * the clamp exists only so that no input can cause signed overflow. */
#define CIVIL_YEAR_LIMIT INT64_C(1099511627776)   /* 2^40 years */
#define CIVIL_DAYS_LIMIT INT64_C(281474976710656) /* 2^48 days */

/* Seconds of 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
#define UNIX_YEAR0 INT64_C(-62167219200)
#define UNIX_YEAR9999_END INT64_C(253402300799)

/* Days from the era's 1 March of year 0 to day 1 of month @p m (1..12) of the
 * March-based year @p yoe (0..399) of a 400-year era: all in 32 bits. */
static uint32_t day_of_era(uint32_t yoe, uint32_t m)
{
    uint32_t first_of_month = (153u * (m > 2u ? m - 3u : m + 9u) + 2u) / 5u;
    return yoe * 365u + yoe / 4u - yoe / 100u + first_of_month;
}

int64_t camp_days_from_civil(int64_t year, unsigned month, unsigned day)
{
    int64_t y = year;
    int64_t era;
    uint32_t m, yoe;

    if (y > CIVIL_YEAR_LIMIT) {
        y = CIVIL_YEAR_LIMIT;
    } else if (y < -CIVIL_YEAR_LIMIT) {
        y = -CIVIL_YEAR_LIMIT;
    }
    m = (month < 1u) ? 1u : (month > 12u ? 12u : month);
    y -= (m <= 2u) ? 1 : 0;
    /* One floor division finds the 400-year era (in 32-bit steps: no libgcc
     * 64-bit division); everything inside an era fits in 32 bits. */
    era = camp_floor_div16(y, 400u, &yoe); /* yoe in [0, 399] */
    /* the day is added in 64 bits: any unsigned day count stays exact */
    return era * 146097 + (int64_t)day_of_era(yoe, m) + (int64_t)day - 1 - 719468;
}

/* camp_days_from_civil() for the dates RFC 3339 writes (years 0..9999, a valid
 * month and day): 32-bit arithmetic only, so parsing calls no division helper. The
 * March-based year (-1..9999) is taken one era (400 years, 146097 days) later, so
 * that it is never negative and one unsigned division finds its era. */
static int32_t days_of_date(uint32_t year, uint32_t m, uint32_t day)
{
    uint32_t y = year + 400u - ((m <= 2u) ? 1u : 0u); /* 399..10399 */
    uint32_t era = y / 400u;
    uint32_t days = era * 146097u + day_of_era(y - era * 400u, m) + day;
    return (int32_t)days - (146097 + 719468 + 1);
}

void camp_civil_from_days(int64_t days, int64_t *year, unsigned *month, unsigned *day)
{
    int64_t z = days;
    int64_t era;
    int64_t y;
    uint32_t doe, yoe, doy, mp, d, m;

    if (z > CIVIL_DAYS_LIMIT) {
        z = CIVIL_DAYS_LIMIT;
    } else if (z < -CIVIL_DAYS_LIMIT) {
        z = -CIVIL_DAYS_LIMIT;
    }
    z += 719468;
    era = camp_floor_div2(z, 27u, 5411u, &doe); /* 146097 days per era; doe in [0, 146096] */
    yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u; /* [0, 399] */
    y = (int64_t)yoe + era * 400;
    doy = doe - (365u * yoe + yoe / 4u - yoe / 100u); /* [0, 365] */
    mp = (5u * doy + 2u) / 153u;                      /* [0, 11] */
    d = doy - (153u * mp + 2u) / 5u + 1u;             /* [1, 31] */
    m = mp < 10u ? mp + 3u : mp - 9u;                 /* [1, 12] */
    if (year != NULL) {
        *year = y + (m <= 2u ? 1 : 0);
    }
    if (month != NULL) {
        *month = m;
    }
    if (day != NULL) {
        *day = (unsigned)d;
    }
}

/* Whether @p year is a leap year: a multiple of 4 but not of 100, or of 400. Of
 * the multiples of 4, those of 100 are those of 25, and of these, those of 400 are
 * those of 16: one division. */
static bool is_leap(uint32_t year)
{
    return (year & ((year % 25u != 0u) ? 3u : 15u)) == 0u;
}

/* The value of the two ASCII digits at p[0..1] (the caller checked they are in the
 * text); -1 when one of them is not a digit. */
static int32_t two_digits(const char *p)
{
    uint32_t hi = (uint32_t)(unsigned char)p[0] - (uint32_t)'0';
    uint32_t lo = (uint32_t)(unsigned char)p[1] - (uint32_t)'0';
    return (hi > 9u || lo > 9u) ? -1 : (int32_t)(hi * 10u + lo);
}

/* A real day of the proleptic Gregorian calendar: a year, a month of 0..12 (0 has
 * no day) and a day of that month (any value: 0 and -1 fail too). */
static bool date_ok(uint32_t year, uint32_t month, uint32_t day)
{
#if defined(__OPTIMIZE_SIZE__)
    /* no table where code is built for size: months but February have 31 days
     * when the month's bit 0 differs from its bit 3 (1, 3, 5, 7, 8, 10, 12), else
     * 30 (month 0 has none); the table's load is faster where speed is wanted */
    uint32_t last = (month == 2u) ? (28u + (is_leap(year) ? 1u : 0u))
                                  : ((month == 0u) ? 0u : 30u + ((month ^ (month >> 3)) & 1u));
#else
    static const unsigned char dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    uint32_t last = dim[month] + ((month == 2u && is_leap(year)) ? 1u : 0u);
#endif

    return day - 1u < last; /* day 0 wraps to the largest value */
}

/* The separators of "YYYY-MM-DDTHH:MM:SS" (RFC 3339 §5.6 allows a lowercase "t";
 * a space separator is not accepted: the APIs document the `T` form only). */
static bool separators_ok(const char *s)
{
    return s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == 't') && s[13] == ':' &&
           s[16] == ':';
}

/* No offset: what offset_at() returns for a malformed one. */
#define OFFSET_BAD INT32_MIN

/* time-offset s[pos..len): exactly "Z" / "+HH:MM" / "-HH:MM" up to the end of the
 * text, in minutes east of UTC; OFFSET_BAD when it is anything else. */
static int32_t offset_at(const char *s, size_t pos, size_t len)
{
    int32_t oh, om;
    if (len - pos == 1u && (s[pos] == 'Z' || s[pos] == 'z')) {
        return 0;
    }
    if (len - pos != 6u || (s[pos] != '+' && s[pos] != '-') || s[pos + 3u] != ':') {
        return OFFSET_BAD;
    }
    oh = two_digits(&s[pos + 1u]);
    om = two_digits(&s[pos + 4u]);
    if ((uint32_t)oh > 23u || (uint32_t)om > 59u) { /* -1 (not read) too */
        return OFFSET_BAD;
    }
    om += oh * 60;
    return (s[pos] == '-') ? -om : om;
}

/* Where the optional ".frac" after the seconds ends (any number of digits, at least
 * one), its value in *nanos; 0 when a "." has no digit. Each digit is worth a tenth
 * of the one before; from the tenth on that is 0: beyond nanoseconds they are
 * truncated, with no count of digits and no padding of short fractions. */
static size_t fraction_end(const char *s, size_t pos, size_t len, uint32_t *nanos)
{
    uint32_t place = 100000000u; /* nanoseconds of a 1 in the next digit */
    uint32_t v = 0;
    size_t first = pos + 1u;
    if (pos >= len || s[pos] != '.') {
        *nanos = 0;
        return pos;
    }
    for (pos = first; pos < len && s[pos] >= '0' && s[pos] <= '9'; pos++) {
        v += (uint32_t)(s[pos] - '0') * place;
        place /= 10u;
    }
    *nanos = v;
    return (pos == first) ? 0u : pos;
}

/* A leap second is only ever inserted at 23:59:60 UTC (RFC 3339 §5.7): whether
 * @p utc_minute, the local minute of the day less the offset (-1439..2878), is
 * 23:59 UTC: -1 (the day before) or 1439. */
static bool leap_minute(int32_t utc_minute)
{
    return utc_minute == 23 * 60 + 59 || utc_minute == -1;
}

/* Every field is read at its fixed place of "YYYY-MM-DDTHH:MM:SS", each into a
 * register: no cursor passed by address, so the frame stays small (the date
 * check runs at the deepest point of the struct walks' stack paths). */
camp_status_t camp_datetime_parse(const char *s, size_t len, camp_datetime_t *out)
{
    int32_t century, year, month, day, hour, minute, second, offset;
    uint32_t nanos;
    size_t end;

    if (s == NULL || len < 20u || !separators_ok(s)) {
        return CAMP_ERR_DATE;
    }
    century = two_digits(s);
    year = two_digits(&s[2]); /* within the century */
    month = two_digits(&s[5]);
    day = two_digits(&s[8]);
    hour = two_digits(&s[11]);
    minute = two_digits(&s[14]);
    second = two_digits(&s[17]);
    /* each compared unsigned, so that -1 (not read) is out of range too; the day is
     * date_ok()'s; 60 is a leap second, checked with the offset below */
    if ((century | year) < 0 || (uint32_t)month > 12u || (uint32_t)hour > 23u ||
        (uint32_t)minute > 59u || (uint32_t)second > 60u) {
        return CAMP_ERR_DATE;
    }
    year += century * 100;
    if (!date_ok((uint32_t)year, (uint32_t)month, (uint32_t)day)) {
        return CAMP_ERR_DATE;
    }
    end = fraction_end(s, 19u, len, &nanos);
    offset = (end != 0u) ? offset_at(s, end, len) : OFFSET_BAD;
    if (offset == OFFSET_BAD || (second == 60 && !leap_minute(hour * 60 + minute - offset))) {
        return CAMP_ERR_DATE;
    }
    if (out != NULL) {
        out->year = (int16_t)year;
        out->month = (uint8_t)month;
        out->day = (uint8_t)day;
        out->hour = (uint8_t)hour;
        out->minute = (uint8_t)minute;
        out->second = (uint8_t)second;
        out->nanosecond = nanos;
        out->offset_minutes = (int16_t)offset;
        /* a leap second maps to the same POSIX instant as the following second */
        out->unix_seconds =
            (int64_t)days_of_date((uint32_t)year, (uint32_t)month, (uint32_t)day) * 86400 +
            (int64_t)((hour * 60 + minute - offset) * 60 + second);
    }
    return CAMP_OK;
}

static void put2(char *p, unsigned v)
{
    p[0] = (char)('0' + v / 10u);
    p[1] = (char)('0' + v % 10u);
}

size_t camp_datetime_format(int64_t unix_seconds, int offset_minutes, bool use_z, char *out,
                            size_t cap)
{
    int64_t local;
    int64_t days;
    uint32_t secs;
    int64_t year;
    unsigned month, day;
    size_t n;

    if (out == NULL || offset_minutes < -1439 || offset_minutes > 1439) {
        return 0;
    }
    /* Range-check before shifting so the addition cannot overflow. */
    if (unix_seconds < UNIX_YEAR0 - 86400 || unix_seconds > UNIX_YEAR9999_END + 86400) {
        return 0;
    }
    local = unix_seconds + (int64_t)offset_minutes * 60;
    if (local < UNIX_YEAR0 || local > UNIX_YEAR9999_END) {
        return 0;
    }
    n = (offset_minutes == 0 && use_z) ? 20u : 25u;
    if (cap < n + 1u) {
        return 0;
    }
    days = CAMP_DAYS_OF(local, &secs);
    camp_civil_from_days(days, &year, &month, &day);
    put2(out, (unsigned)year / 100u); /* 0..9999: checked above */
    put2(out + 2, (unsigned)year % 100u);
    out[4] = '-';
    put2(out + 5, month);
    out[7] = '-';
    put2(out + 8, day);
    out[10] = 'T';
    put2(out + 11, secs / 3600u);
    out[13] = ':';
    put2(out + 14, (secs / 60u) % 60u);
    out[16] = ':';
    put2(out + 17, secs % 60u);
    if (n == 20u) {
        out[19] = 'Z';
    } else {
        unsigned aoff = (unsigned)(offset_minutes < 0 ? -offset_minutes : offset_minutes);
        out[19] = offset_minutes < 0 ? '-' : '+';
        put2(out + 20, aoff / 60u);
        out[22] = ':';
        put2(out + 23, aoff % 60u);
    }
    out[n] = '\0';
    return n;
}
