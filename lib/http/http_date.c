/* HTTP-date parsing (for Retry-After), Retry-After arithmetic and the mapping
 * of HTTP status codes to libcamp statuses. */
#include "camp/camp_http.h"

#include <string.h>

#include "http/http_internal.h"

static uint32_t days_in_month(uint32_t y, uint32_t m)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /* a multiple of 4 is one of 100 when it is one of 25, and then one of 400
     * when it is one of 16: one division */
    bool leap = ((y & 3u) == 0u) && (((y % 25u) != 0u) || ((y & 15u) == 0u));
    return (m == 2u && leap) ? 29u : dim[m - 1u];
}

/* Days since 1970-01-01 of a valid Gregorian date of year 1970..9999: 365 for
 * each year since 1970, the leap days of years 1..year-1 less the 477 before
 * 1970, the months before m (days_in_month() knows February), then d - 1.
 * Unsigned: the year is known to be at least 1970 here. Private so the http
 * module does not depend on validate. */
static uint32_t days_from_civil(uint32_t year, uint32_t m, uint32_t d)
{
    uint32_t y = year - 1u;
    uint32_t days = (year - 1970u) * 365u + y / 4u - y / 100u + y / 400u - 477u + d - 1u;
    uint32_t i;
    for (i = 1u; i < m; i++) {
        days += days_in_month(year, i);
    }
    return days;
}

static uint32_t month_index(const char *s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    uint32_t i;
    for (i = 0; i < 12u; i++) {
        if (memcmp(s, months + i * 3u, 3) == 0) {
            return i + 1u;
        }
    }
    return 0;
}

/* The length of the day name that s[0..len) starts with: a full one, or the
 * first three letters of one (@p long_form false); 0 when there is none. No
 * full name is the start of another, so the first match is the only one. */
static size_t day_name(const char *s, size_t len, bool long_form)
{
    /* the list ends at the string's own NUL (end) */
    static const char names[] = "Monday\0"
                                "Tuesday\0"
                                "Wednesday\0"
                                "Thursday\0"
                                "Friday\0"
                                "Saturday\0"
                                "Sunday\0";
    const char *name = names;
    const char *const end = &names[sizeof(names) - 1u];
    while (name != end) {
        size_t n_len = strlen(name);
        size_t want = long_form ? n_len : 3u;
        if (want <= len && memcmp(s, name, want) == 0) {
            return want;
        }
        name = &name[n_len + 1u];
    }
    return 0;
}

/* Date fields as scanned: v[] in the order day, year, hour, minute, second
 * (their pattern bytes D..S below), then the month (0 when its name is unknown). */
typedef struct date_fields {
    uint32_t v[5];
    uint32_t mon;
} date_fields_t;

/* A digit of field v[n - 1] in a pattern: byte n (1..5). */
#define D "\001"
#define Y "\002"
#define H "\003"
#define N "\004"
#define S "\005"

static bool scan(const char *s, size_t len, const char *pat, date_fields_t *f)
{
    size_t i = 0;
    size_t j;
    for (j = 0; pat[j] != '\0'; j++) {
        /* a field's number (1..5), or a byte past them */
        unsigned field = (unsigned)(uint8_t)pat[j] - 1u;
        char c;
        if (i >= len) {
            return false;
        }
        c = s[i];
        if (pat[j] == 'a' || pat[j] == 'A') {
            size_t n = day_name(s + i, len - i, pat[j] == 'A');
            if (n == 0u) {
                return false;
            }
            i += n;
            continue;
        }
        if (pat[j] == 'b') {
            if (len - i < 3u) {
                return false;
            }
            f->mon = month_index(s + i);
            i += 3u;
            continue;
        }
        if (pat[j] == '_') {
            field = (c == ' ') ? 5u : 0u;
        } else if (field >= 5u && c != pat[j]) {
            return false;
        } else {
            /* a field, or a literal byte that is there */
        }
        if (field < 5u) {
            uint32_t *v = &f->v[field];
            if (c < '0' || c > '9') {
                return false;
            }
            *v = *v * 10u + ((uint32_t)(uint8_t)c - (uint32_t)'0');
        }
        i++;
    }
    return i == len;
}

/* Calendar and clock ranges; a leap second (:60) is allowed. */
static bool fields_ok(const date_fields_t *f)
{
    return f->mon != 0 && f->v[1] >= 1970u && f->v[1] <= 9999u && f->v[0] >= 1u &&
           f->v[0] <= days_in_month(f->v[1], f->mon) && f->v[2] <= 23u && f->v[3] <= 59u &&
           f->v[4] <= 60u;
}

bool camp_http_parse_date(const char *s, size_t len, int64_t *unix_seconds)
{
    /* The three date forms: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" (29
     * bytes), RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" (30..33: the full day
     * name) and asctime "Sun Nov  6 08:49:37 1994" (24). The length alone
     * says which form a date can be. Pattern bytes: a a three-letter day
     * name, A a full one, D day, Y year, H hour, N minute, S second (one
     * decimal digit each, accumulated), b a three-letter month, _ a space or
     * a digit of the day; any other byte must be there as written. The field
     * bytes are numbers, not letters: no lookup finds them. */
    static const char imf_pattern[] = "a, " D D " b " Y Y Y Y " " H H ":" N N ":" S S " GMT";
    static const char rfc850_pattern[] = "A, " D D "-b-" Y Y " " H H ":" N N ":" S S " GMT";
    static const char asctime_pattern[] = "a b _" D " " H H ":" N N ":" S S " " Y Y Y Y;
    date_fields_t f = {{0u, 0u, 0u, 0u, 0u}, 0u};
    const char *pat = rfc850_pattern;
    uint32_t secs;
    if (s == NULL || unix_seconds == NULL) {
        return false;
    }
    if (len == 29u) {
        pat = imf_pattern;
    } else if (len == 24u) {
        pat = asctime_pattern;
    } else {
        /* RFC 850, or no date */
    }
    if (!scan(s, len, pat, &f)) {
        return false;
    }
    if (pat == rfc850_pattern) {
        /* two-digit year: no clock here to apply RFC 9110's "50 years" rule */
        f.v[1] += (f.v[1] >= 70u) ? 1900u : 2000u;
    }
    if (!fields_ok(&f)) {
        return false;
    }
    secs = f.v[2] * 3600u + f.v[3] * 60u + f.v[4];
    *unix_seconds = (int64_t)days_from_civil(f.v[1], f.mon, f.v[0]) * 86400 + (int64_t)secs;
    return true;
}

int64_t camp_http_retry_after_ms(const camp_http_response_t *rs, int64_t now_unix)
{
    /* cap at ~31 years so the product cannot overflow */
    const int64_t cap_s = INT64_C(1000000000);
    int64_t s;
    if (rs == NULL) {
        return -1;
    }
    s = rs->retry_after_s;
    if (s < 0) {
        /* no delta: an HTTP-date, counted from now_unix */
        if (rs->retry_after_date < 0 || now_unix < 0) {
            return -1;
        }
        s = rs->retry_after_date - now_unix;
        if (s < 0) {
            s = 0;
        }
    }
    return (s > cap_s ? cap_s : s) * 1000;
}

/* CAMP_ERR_API_BAD_REQUEST..CAMP_ERR_API_RATE_LIMITED: stable, consecutive numbers */
#define API_STATUSES (((int)CAMP_ERR_API_RATE_LIMITED - (int)CAMP_ERR_API_BAD_REQUEST) + 1)

camp_status_t camp_http_status_map(int status)
{
    /* the statuses the APIs give a meaning to, less 400: 400 401 403 404 409
     * 422 429 map to the API statuses in order, so the status is the first
     * plus the index (more codes than statuses stop the build) */
    static const uint8_t codes[API_STATUSES] = {0u, 1u, 3u, 4u, 9u, 22u, 29u};
    size_t i;
    if (status >= 200 && status <= 299) {
        return CAMP_OK;
    }
    if (status >= 300 && status <= 399) {
        return CAMP_ERR_HTTP_REDIRECT;
    }
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (status == (400 + (int)codes[i])) {
            int mapped = (int)CAMP_ERR_API_BAD_REQUEST + (int)i;
            return (camp_status_t)mapped;
        }
    }
    if (status >= 500 && status <= 599) {
        return CAMP_ERR_API_SERVER;
    }
    return CAMP_ERR_API_OTHER;
}
