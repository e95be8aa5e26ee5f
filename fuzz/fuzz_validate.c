/*
 * Fuzz target: the pure validators of camp_validate.h, each against a small
 * reference written from its documentation. FUZZ_DICT: validate
 *
 * The whole input is the string under test. Invariants:
 * - inbox ID, column ID, UUID, UTF-8 character count, length-in-characters,
 *   e-mail syntax and time-zone name syntax agree exactly with the reference
 *   predicates below; every name of the zone table passes the syntax check;
 * - an accepted RFC 3339 date-time has every field in its documented range,
 *   a real calendar day, unix_seconds consistent with its fields and offset,
 *   and formats back (camp_datetime_format) to a string that parses to the
 *   same instant and offset; the format never writes past its cap;
 * - camp_civil_from_days() inverts camp_days_from_civil() for fuzzer dates.
 */
#include "fuzz_common.h"

#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"

static bool is_lower_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

static bool ref_inbox_id(const char *s, size_t n)
{
    if (n == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_lower_alnum(s[i])) {
            return false;
        }
    }
    return true;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool ref_uuid(const char *s, size_t n)
{
    if (n != 36) {
        return false;
    }
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex(s[i])) {
            return false;
        }
    }
    return true;
}

/* Strict UTF-8 (RFC 3629): code points, or -1. */
static long ref_utf8(const unsigned char *s, size_t n)
{
    long count = 0;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t cp;
        uint32_t min;
        if (c < 0x80) {
            i++;
            count++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (n - i < len) {
            return -1;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        i += len;
        count++;
    }
    return count;
}

static bool is_atext(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

static bool is_let_dig(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* From the header: local part 1..64 atext and single dots (dot-atom), '@', a
 * domain of 2+ labels (letters, digits, inner hyphens, 1..63 each, 253 total),
 * 1..255 bytes overall. */
static bool ref_email(const char *s, size_t n)
{
    if (n < 1 || n > 255) {
        return false;
    }
    const char *at = memchr(s, '@', n);
    if (at == NULL) {
        return false;
    }
    size_t ll = (size_t)(at - s);
    const char *dom = at + 1;
    size_t dl = n - ll - 1;
    if (ll < 1 || ll > 64 || s[0] == '.' || s[ll - 1] == '.') {
        return false;
    }
    for (size_t i = 0; i < ll; i++) {
        if (s[i] == '.') {
            if (s[i + 1] == '.') {
                return false;
            }
        } else if (!is_atext(s[i])) {
            return false;
        }
    }
    if (dl < 1 || dl > 253) {
        return false;
    }
    size_t labels = 0;
    size_t start = 0;
    for (size_t i = 0; i <= dl; i++) {
        if (i == dl || dom[i] == '.') {
            size_t len = i - start;
            if (len < 1 || len > 63 || !is_let_dig(dom[start]) || !is_let_dig(dom[i - 1])) {
                return false;
            }
            for (size_t k = start; k < i; k++) {
                if (!is_let_dig(dom[k]) && dom[k] != '-') {
                    return false;
                }
            }
            labels++;
            start = i + 1;
        }
    }
    return labels >= 2;
}

/* From the header: 1..64 bytes of '/'-separated components, each 1..14 bytes
 * of [A-Za-z0-9._+-], not starting with '-', never "." or "..". */
static bool ref_tz_name(const char *s, size_t n)
{
    if (n < 1 || n > 64) {
        return false;
    }
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '/') {
            if (!is_let_dig(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '+' && s[i] != '-') {
                return false;
            }
            continue;
        }
        size_t len = i - start;
        if (len < 1 || len > 14 || s[start] == '-' || (len == 1 && s[start] == '.') ||
            (len == 2 && s[start] == '.' && s[start + 1] == '.')) {
            return false;
        }
        start = i + 1;
    }
    return true;
}

static bool leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned mdays(int64_t y, unsigned m)
{
    static const unsigned d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29u : d[m - 1];
}

static void check_datetime(const char *s, size_t n)
{
    camp_datetime_t dt;
    camp_status_t st = camp_datetime_parse(s, n, &dt);
    FUZZ_CHECK(st == CAMP_OK || st == CAMP_ERR_DATE, "datetime status OK or DATE");
    FUZZ_CHECK(camp_datetime_parse(s, n, NULL) == st, "out may be NULL");
    if (st != CAMP_OK) {
        return;
    }
    FUZZ_CHECK(n >= 20, "an RFC 3339 date-time has at least 20 characters");
    FUZZ_CHECK(dt.year >= 0 && dt.year <= 9999, "year 0000..9999");
    FUZZ_CHECK(dt.month >= 1 && dt.month <= 12, "month 1..12");
    FUZZ_CHECK(dt.day >= 1 && dt.day <= mdays(dt.year, dt.month), "real calendar day");
    FUZZ_CHECK(dt.hour <= 23 && dt.minute <= 59 && dt.second <= 60, "time in range");
    FUZZ_CHECK(dt.nanosecond < 1000000000u, "nanoseconds below one second");
    FUZZ_CHECK(dt.offset_minutes >= -1439 && dt.offset_minutes <= 1439, "offset in range");
    int64_t days = camp_days_from_civil(dt.year, dt.month, dt.day);
    int64_t secs = dt.second == 60 ? 59 : dt.second;
    int64_t expect = days * 86400 + dt.hour * 3600 + dt.minute * 60 + secs - dt.offset_minutes * 60;
    FUZZ_CHECK(dt.unix_seconds == expect || (dt.second == 60 && dt.unix_seconds == expect + 1),
               "unix_seconds matches the fields and offset");
    if (dt.second == 60) {
        return; /* a leap second does not format back to itself */
    }
    char out[40];
    memset(out, 'X', sizeof out);
    size_t fl = camp_datetime_format(dt.unix_seconds, dt.offset_minutes, true, out, sizeof out);
    int64_t y = 0;
    unsigned m = 0;
    unsigned d = 0;
    camp_civil_from_days(days, &y, &m, &d);
    if (fl == 0) {
        /* Only a shifted year outside 0..9999 may fail (e.g. 0000-01-01T00:00Z at +01:00). */
        FUZZ_CHECK(dt.year == 0 || dt.year == 9999, "format fails only at the year edges");
        return;
    }
    FUZZ_CHECK(fl < sizeof out && out[fl] == '\0' && strlen(out) == fl, "format NUL-terminated");
    camp_datetime_t back;
    FUZZ_CHECK(camp_datetime_parse(out, fl, &back) == CAMP_OK, "formatted date-time parses");
    FUZZ_CHECK(back.unix_seconds == dt.unix_seconds, "format round trip keeps the instant");
    FUZZ_CHECK(back.offset_minutes == dt.offset_minutes, "format round trip keeps the offset");
    /* Every shorter cap: 0 returned, nothing written past the cap. */
    for (size_t cap = 0; cap <= fl; cap++) {
        char small[40];
        memset(small, 'X', sizeof small);
        size_t r = camp_datetime_format(dt.unix_seconds, dt.offset_minutes, true, small, cap);
        FUZZ_CHECK(r == 0, "too small a cap gives 0");
        for (size_t k = cap; k < sizeof small; k++) {
            FUZZ_CHECK(small[k] == 'X', "nothing written past the cap");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) {
        return 0;
    }
    char *s = fuzz_dup(data, size);

    FUZZ_CHECK(camp_valid_inbox_id(s, size) == ref_inbox_id(s, size), "inbox id");
    bool col = size > 7 && memcmp(s, "custom_", 7) == 0 && ref_inbox_id(s + 7, size - 7);
    FUZZ_CHECK(camp_valid_column_id(s, size) == col, "column id");
    FUZZ_CHECK(camp_valid_uuid(s, size) == ref_uuid(s, size), "uuid");
    long chars = ref_utf8((const unsigned char *)s, size);
    FUZZ_CHECK(camp_utf8_chars(s, size) == chars, "utf-8 character count");
    size_t lo = size > 0 ? (uint8_t)s[0] % 8u : 0;
    size_t hi = size > 1 ? lo + (uint8_t)s[1] % 300u : 255;
    FUZZ_CHECK(camp_valid_length_chars(s, size, lo, hi) ==
                   (chars >= 0 && (size_t)chars >= lo && (size_t)chars <= hi),
               "length in characters");
    FUZZ_CHECK(camp_valid_email(s, size) == ref_email(s, size), "e-mail syntax");
    FUZZ_CHECK(camp_valid_tz_name(s, size) == ref_tz_name(s, size), "time-zone name syntax");
    if (camp_tz_valid_name(s, size)) {
        FUZZ_CHECK(camp_valid_tz_name(s, size), "a zone of the table is a valid name");
    }
    check_datetime(s, size);

    /* Civil date round trip over the years the library handles (0..9999 and around). */
    if (size >= 6) {
        int64_t year = (int64_t)(((uint32_t)(uint8_t)s[0] << 8 | (uint8_t)s[1]) % 12000u) - 1000;
        unsigned month = (unsigned)((uint8_t)s[2] % 12u) + 1u;
        unsigned day = (unsigned)((uint8_t)s[3] % mdays(year, month)) + 1u;
        int64_t days = camp_days_from_civil(year, month, day);
        int64_t y2 = 0;
        unsigned m2 = 0;
        unsigned d2 = 0;
        camp_civil_from_days(days, &y2, &m2, &d2);
        FUZZ_CHECK(y2 == year && m2 == month && d2 == day,
                   "civil_from_days inverts days_from_civil");
        camp_civil_from_days(days + 1, &y2, &m2, &d2);
        FUZZ_CHECK(camp_days_from_civil(y2, m2, d2) == days + 1, "next day");
    }
    free(s);
    return 0;
}
