/* HTTP-date parsing (for Retry-After), Retry-After arithmetic and the mapping
 * of HTTP status codes to libcamp statuses. */
#include "camp/camp_http.h"

#include <string.h>

#include "http/http_internal.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * algorithm). Private copy so the http module does not depend on validate. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era;
    unsigned yoe;
    unsigned doy;
    unsigned doe;
    y -= (m <= 2u) ? 1 : 0;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153u * (m > 2u ? m - 3u : m + 9u) + 2u) / 5u + d - 1u;
    doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
    static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return (m == 2u && leap) ? 29u : dim[m - 1u];
}

static bool digits(const char *s, size_t n, int64_t *out)
{
    size_t i;
    int64_t v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

static unsigned month_index(const char *s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    unsigned i;
    for (i = 0; i < 12u; i++) {
        if (memcmp(s, months + i * 3u, 3) == 0) {
            return i + 1u;
        }
    }
    return 0;
}

static bool day_name(const char *s, size_t len, bool long_form)
{
    static const char *const longs[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};
    unsigned i;
    for (i = 0; i < 7u; i++) {
        if (long_form ? (strlen(longs[i]) == len && memcmp(s, longs[i], len) == 0)
                      : (len == 3 && memcmp(s, longs[i], 3) == 0)) {
            return true;
        }
    }
    return false;
}

/* "HH:MM:SS" */
static bool clock_time(const char *s, int64_t *secs)
{
    int64_t h;
    int64_t m;
    int64_t sec;
    if (s[2] != ':' || s[5] != ':' || !digits(s, 2, &h) || !digits(s + 3, 2, &m) ||
        !digits(s + 6, 2, &sec) || h > 23 || m > 59 || sec > 60) {
        return false;
    }
    *secs = h * 3600 + m * 60 + sec;
    return true;
}

static bool assemble(int64_t y, unsigned mon, int64_t d, int64_t secs, int64_t *out)
{
    if (mon == 0 || y < 1970 || y > 9999 || d < 1 || d > (int64_t)days_in_month(y, mon)) {
        return false;
    }
    *out = days_from_civil(y, mon, (unsigned)d) * 86400 + secs;
    return true;
}

/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
static bool imf_fixdate(const char *s, int64_t *d, int64_t *y, int64_t *secs, unsigned *mon)
{
    if (!day_name(s, 3, false) || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
        s[25] != ' ' || memcmp(s + 26, "GMT", 3) != 0 || !digits(s + 5, 2, d) ||
        !digits(s + 12, 4, y) || !clock_time(s + 17, secs)) {
        return false;
    }
    *mon = month_index(s + 8);
    return true;
}

/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; @p comma is the one after the day name. */
static bool rfc850_date(const char *s, size_t len, const char *comma, int64_t *d, int64_t *y,
                        int64_t *secs, unsigned *mon)
{
    size_t n = (size_t)(comma - s);
    const char *p = comma + 1;
    if (len != n + 24 || !day_name(s, n, true) || p[0] != ' ' || p[3] != '-' || p[7] != '-' ||
        p[10] != ' ' || p[19] != ' ' || memcmp(p + 20, "GMT", 3) != 0 || !digits(p + 1, 2, d) ||
        !digits(p + 8, 2, y) || !clock_time(p + 11, secs)) {
        return false;
    }
    /* two-digit year: no clock here to apply RFC 9110's "50 years" rule */
    *y += (*y >= 70) ? 1900 : 2000;
    *mon = month_index(p + 4);
    return true;
}

/* asctime: "Sun Nov  6 08:49:37 1994" */
static bool asctime_date(const char *s, size_t len, int64_t *d, int64_t *y, int64_t *secs,
                         unsigned *mon)
{
    if (len != 24 || !day_name(s, 3, false) || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' ||
        s[19] != ' ' || !clock_time(s + 11, secs) || !digits(s + 20, 4, y)) {
        return false;
    }
    if (s[8] == ' ' ? !digits(s + 9, 1, d) : !digits(s + 8, 2, d)) {
        return false;
    }
    *mon = month_index(s + 4);
    return true;
}

bool camp_http_parse_date(const char *s, size_t len, int64_t *unix_seconds)
{
    int64_t d;
    int64_t y;
    int64_t secs;
    unsigned mon;
    const char *comma;
    bool ok;
    if (s == NULL || unix_seconds == NULL) {
        return false;
    }
    comma = memchr(s, ',', len);
    if (len == 29 && comma == s + 3) {
        ok = imf_fixdate(s, &d, &y, &secs, &mon);
    } else if (comma != NULL) {
        ok = rfc850_date(s, len, comma, &d, &y, &secs, &mon);
    } else {
        ok = asctime_date(s, len, &d, &y, &secs, &mon);
    }
    return ok && assemble(y, mon, d, secs, unix_seconds);
}

int64_t camp_http_retry_after_ms(const camp_http_response_t *rs, int64_t now_unix)
{
    /* cap at ~31 years so the product cannot overflow */
    const int64_t cap_s = INT64_C(1000000000);
    if (rs == NULL) {
        return -1;
    }
    if (rs->retry_after_s >= 0) {
        return (rs->retry_after_s > cap_s ? cap_s : rs->retry_after_s) * 1000;
    }
    if (rs->retry_after_date >= 0 && now_unix >= 0) {
        int64_t delta = rs->retry_after_date - now_unix;
        if (delta < 0) {
            delta = 0;
        }
        return (delta > cap_s ? cap_s : delta) * 1000;
    }
    return -1;
}

camp_status_t camp_http_status_map(int status)
{
    if (status >= 200 && status <= 299) {
        return CAMP_OK;
    }
    if (status >= 300 && status <= 399) {
        return CAMP_ERR_HTTP_REDIRECT;
    }
    switch (status) {
    case 400: return CAMP_ERR_API_BAD_REQUEST;
    case 401: return CAMP_ERR_API_UNAUTHORIZED;
    case 403: return CAMP_ERR_API_FORBIDDEN;
    case 404: return CAMP_ERR_API_NOT_FOUND;
    case 409: return CAMP_ERR_API_CONFLICT;
    case 422: return CAMP_ERR_API_UNPROCESSABLE;
    case 429: return CAMP_ERR_API_RATE_LIMITED;
    default: break;
    }
    if (status >= 500 && status <= 599) {
        return CAMP_ERR_API_SERVER;
    }
    return CAMP_ERR_API_OTHER;
}
