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
 * month and day): 32-bit arithmetic only, so parsing calls no division helper. */
static int32_t days_of_date(const unsigned ymd[3])
{
    uint32_t m = ymd[1];
    int32_t y = (int32_t)ymd[0] - ((m <= 2u) ? 1 : 0); /* -1..9999 */
    int32_t era = (y >= 0) ? y / 400 : -1;
    uint32_t yoe = (uint32_t)(y - era * 400);
    return era * 146097 + (int32_t)day_of_era(yoe, m) + (int32_t)ymd[2] - 1 - 719468;
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

static bool is_leap(unsigned year)
{
    return (year % 4u == 0u && year % 100u != 0u) || year % 400u == 0u;
}

static unsigned days_in_month(unsigned year, unsigned month)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (month == 2u && is_leap(year)) {
        return 29u;
    }
    return dim[month - 1u];
}

/* Read exactly @p n ASCII digits at s[*pos]; false when any is not a digit. */
static bool read_digits(const char *s, size_t len, size_t *pos, unsigned n, unsigned *value)
{
    unsigned v = 0;
    unsigned i;

    if (len - *pos < n) {
        return false;
    }
    for (i = 0; i < n; i++) {
        char c = s[*pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10u + (unsigned)(c - '0');
    }
    *pos += n;
    *value = v;
    return true;
}

static bool expect(const char *s, size_t len, size_t *pos, char c1, char c2)
{
    if (*pos >= len || (s[*pos] != c1 && s[*pos] != c2)) {
        return false;
    }
    (*pos)++;
    return true;
}

/* full-date "YYYY-MM-DD", a real day of the proleptic Gregorian calendar */
static bool parse_date(const char *s, size_t len, size_t *pos, unsigned ymd[3])
{
    if (!read_digits(s, len, pos, 4u, &ymd[0]) || !expect(s, len, pos, '-', '-') ||
        !read_digits(s, len, pos, 2u, &ymd[1]) || !expect(s, len, pos, '-', '-') ||
        !read_digits(s, len, pos, 2u, &ymd[2])) {
        return false;
    }
    return ymd[1] >= 1u && ymd[1] <= 12u && ymd[2] >= 1u && ymd[2] <= days_in_month(ymd[0], ymd[1]);
}

/* partial-time "HH:MM:SS" (second 60: a leap second, checked against the offset later) */
static bool parse_time(const char *s, size_t len, size_t *pos, unsigned hms[3])
{
    if (!read_digits(s, len, pos, 2u, &hms[0]) || !expect(s, len, pos, ':', ':') ||
        !read_digits(s, len, pos, 2u, &hms[1]) || !expect(s, len, pos, ':', ':') ||
        !read_digits(s, len, pos, 2u, &hms[2])) {
        return false;
    }
    return hms[0] <= 23u && hms[1] <= 59u && hms[2] <= 60u;
}

/* Optional ".frac": any number of digits (at least one); beyond nanoseconds they are
 * truncated. */
static bool parse_fraction(const char *s, size_t len, size_t *pos, uint32_t *nanos)
{
    unsigned ndigits = 0;
    *nanos = 0;
    if (*pos >= len || s[*pos] != '.') {
        return true;
    }
    (*pos)++;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (ndigits < 9u) {
            *nanos = *nanos * 10u + (uint32_t)(s[*pos] - '0');
        }
        ndigits++;
        (*pos)++;
    }
    while (ndigits > 0u && ndigits < 9u) {
        *nanos *= 10u;
        ndigits++;
    }
    return ndigits > 0u;
}

/* time-offset "Z" / "+HH:MM" / "-HH:MM", in minutes east of UTC */
static bool parse_offset(const char *s, size_t len, size_t *pos, int *offset)
{
    unsigned oh, om;
    bool neg;
    *offset = 0;
    if (*pos >= len) {
        return false;
    }
    if (s[*pos] == 'Z' || s[*pos] == 'z') {
        (*pos)++;
        return true;
    }
    if (s[*pos] != '+' && s[*pos] != '-') {
        return false;
    }
    neg = s[*pos] == '-';
    (*pos)++;
    if (!read_digits(s, len, pos, 2u, &oh) || !expect(s, len, pos, ':', ':') ||
        !read_digits(s, len, pos, 2u, &om) || oh > 23u || om > 59u) {
        return false;
    }
    *offset = neg ? -(int)(oh * 60u + om) : (int)(oh * 60u + om);
    return true;
}

/* A leap second is only ever inserted at 23:59:60 UTC (RFC 3339 §5.7). */
static bool leap_second_ok(const unsigned hms[3], int offset)
{
    long utc_minute_of_day;
    if (hms[2] != 60u) {
        return true;
    }
    utc_minute_of_day = ((long)hms[0] * 60L + (long)hms[1] - (long)offset) % 1440L;
    if (utc_minute_of_day < 0) {
        utc_minute_of_day += 1440L;
    }
    return utc_minute_of_day == 23L * 60L + 59L;
}

camp_status_t camp_datetime_parse(const char *s, size_t len, camp_datetime_t *out)
{
    size_t pos = 0;
    unsigned ymd[3], hms[3];
    uint32_t nanos = 0;
    int offset = 0;
    int64_t unix_s;

    /* "T" between date and time (RFC 3339 §5.6 allows lowercase; a space separator is
     * not accepted: the APIs document the `T` form only) */
    if (s == NULL || !parse_date(s, len, &pos, ymd) || !expect(s, len, &pos, 'T', 't') ||
        !parse_time(s, len, &pos, hms) || !parse_fraction(s, len, &pos, &nanos) ||
        !parse_offset(s, len, &pos, &offset) || pos != len || !leap_second_ok(hms, offset)) {
        return CAMP_ERR_DATE;
    }
    /* A leap second maps to the same POSIX instant as the following second. */
    unix_s = (int64_t)days_of_date(ymd) * 86400 + (int64_t)hms[0] * 3600 + (int64_t)hms[1] * 60 +
             (int64_t)hms[2] - (int64_t)offset * 60;
    if (out != NULL) {
        out->year = (int16_t)ymd[0];
        out->month = (uint8_t)ymd[1];
        out->day = (uint8_t)ymd[2];
        out->hour = (uint8_t)hms[0];
        out->minute = (uint8_t)hms[1];
        out->second = (uint8_t)hms[2];
        out->nanosecond = nanos;
        out->offset_minutes = (int16_t)offset;
        out->unix_seconds = unix_s;
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
