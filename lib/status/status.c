/* Status texts and diagnostics. No stdio: formatting is done by hand. */
#include "camp/camp_status.h"

#include <string.h>

#include "status_internal.h"

const char *camp_status_str(camp_status_t status)
{
    switch (status) {
    case CAMP_OK: return "ok";
    case CAMP_ERR_ARG: return "invalid argument";
    case CAMP_ERR_BUFFER_TOO_SMALL: return "buffer too small";
    case CAMP_ERR_CAPACITY: return "more elements than the configured capacity";
    case CAMP_ERR_INTERNAL: return "internal error";
    case CAMP_ERR_UNSUPPORTED: return "not supported";
    case CAMP_ERR_STATE: return "invalid state";
    case CAMP_ERR_JSON_SYNTAX: return "json: syntax error";
    case CAMP_ERR_JSON_DEPTH: return "json: nesting too deep";
    case CAMP_ERR_JSON_UTF8: return "json: invalid UTF-8";
    case CAMP_ERR_JSON_TOKENS: return "json: too few tokens";
    case CAMP_ERR_JSON_TYPE: return "json: wrong type";
    case CAMP_ERR_JSON_RANGE: return "json: number out of range";
    case CAMP_ERR_JSON_NOT_FOUND: return "json: member not found";
    case CAMP_ERR_JSON_NUL: return "json: string contains \\u0000";
    case CAMP_ERR_JSON_TOO_LARGE: return "json: document too large";
    case CAMP_ERR_REQUIRED: return "required field missing";
    case CAMP_ERR_TYPE: return "wrong type";
    case CAMP_ERR_RANGE: return "out of range";
    case CAMP_ERR_PATTERN: return "does not match pattern";
    case CAMP_ERR_LENGTH: return "length out of limits";
    case CAMP_ERR_ENUM: return "unknown enum value";
    case CAMP_ERR_DATE: return "invalid date-time";
    case CAMP_ERR_TIMEZONE: return "unknown time zone";
    case CAMP_ERR_REFERENCE: return "undefined reference";
    case CAMP_ERR_SCHEDULE: return "invalid sending window";
    case CAMP_ERR_INVALID: return "invalid value";
    case CAMP_ERR_TZ_UNKNOWN: return "schedule: unknown zone";
    case CAMP_ERR_TZ_RULE: return "schedule: malformed zone rule";
    case CAMP_ERR_TIME_RANGE: return "schedule: instant out of range";
    case CAMP_ERR_SIG_MISSING: return "webhook: signature missing";
    case CAMP_ERR_SIG_TIMESTAMP: return "webhook: missing or bad timestamp";
    case CAMP_ERR_SIG_FORMAT: return "webhook: malformed signature";
    case CAMP_ERR_SIG_STALE: return "webhook: timestamp outside tolerance";
    case CAMP_ERR_SIG_MISMATCH: return "webhook: signature mismatch";
    case CAMP_ERR_CRYPTO: return "crypto port failed";
    case CAMP_ERR_NET: return "network error";
    case CAMP_ERR_NET_CLOSED: return "connection closed by peer";
    case CAMP_ERR_TIMEOUT: return "timed out";
    case CAMP_ERR_TLS: return "TLS error";
    case CAMP_ERR_TLS_VERIFY: return "TLS peer verification failed";
    case CAMP_ERR_DNS: return "host name not resolved";
    case CAMP_ERR_NET_TRUNCATED: return "connection cut without TLS close_notify (body may be truncated)";
    case CAMP_ERR_PROXY: return "proxy refused the tunnel";
    case CAMP_ERR_HTTP_PROTOCOL: return "http: malformed response";
    case CAMP_ERR_HTTP_TOO_LARGE: return "http: response larger than buffer";
    case CAMP_ERR_HTTP_HEADER: return "http: control character in header value or path";
    case CAMP_ERR_HTTP_ENCODING: return "http: unsupported content encoding";
    case CAMP_ERR_HTTP_REDIRECT: return "http: redirect (not followed)";
    case CAMP_ERR_API_BAD_REQUEST: return "api: 400 bad request";
    case CAMP_ERR_API_UNAUTHORIZED: return "api: 401 unauthorized";
    case CAMP_ERR_API_FORBIDDEN: return "api: 403 forbidden";
    case CAMP_ERR_API_NOT_FOUND: return "api: 404 not found";
    case CAMP_ERR_API_CONFLICT: return "api: 409 conflict";
    case CAMP_ERR_API_UNPROCESSABLE: return "api: 422 unprocessable";
    case CAMP_ERR_API_RATE_LIMITED: return "api: 429 rate limited";
    case CAMP_ERR_API_SERVER: return "api: server error";
    case CAMP_ERR_API_OTHER: return "api: unexpected status";
    }
    return "unknown status";
}

void camp_diag_clear(camp_diag_t *diag)
{
    if (diag == NULL) {
        return;
    }
    diag->status = CAMP_OK;
    diag->path[0] = '$';
    diag->path[1] = '\0';
    diag->offset = CAMP_DIAG_NO_OFFSET;
    diag->rule = "";
    diag->has_limit = false;
    diag->limit_min = 0;
    diag->limit_max = 0;
    diag->needed = 0;
}

camp_status_t camp_diag_set(camp_diag_t *diag, camp_status_t status, const char *path,
                            const char *rule)
{
    if (diag == NULL) {
        return status;
    }
    camp_diag_clear(diag);
    diag->status = status;
    diag->rule = (rule != NULL) ? rule : "";
    if (path != NULL) {
        camp_text_t t;
        camp_text_init(&t, diag->path, sizeof diag->path);
        camp_text_put(&t, path, strlen(path));
        camp_text_finish(&t);
    }
    return status;
}

void camp_diag_set_limits(camp_diag_t *diag, int64_t min, int64_t max)
{
    if (diag == NULL) {
        return;
    }
    diag->has_limit = true;
    diag->limit_min = min;
    diag->limit_max = max;
}

size_t camp_diag_format(const camp_diag_t *diag, char *out, size_t cap)
{
    camp_text_t t;
    camp_text_init(&t, out, cap);
    if (diag == NULL) {
        camp_text_finish(&t);
        return 0;
    }
    camp_text_put(&t, diag->path, strlen(diag->path));
    camp_text_put(&t, ": ", 2);
#if CAMP_DIAG_TEXT
    if (diag->rule != NULL && diag->rule[0] != '\0') {
        camp_text_put(&t, diag->rule, strlen(diag->rule));
    } else {
        const char *s = camp_status_str(diag->status);
        camp_text_put(&t, s, strlen(s));
    }
    if (diag->needed > 0) {
        camp_text_put(&t, " (needs ", 8);
        camp_text_put_int(&t, diag->needed);
        camp_text_put(&t, ")", 1);
    }
#else
    /* Rule ids only: everything a reader needs to look the rule up, as numbers
     * (camp_status_str()'s table is not linked). */
    if (diag->rule != NULL && diag->rule[0] != '\0') {
        camp_text_put(&t, "rule ", 5);
        camp_text_put(&t, diag->rule, strlen(diag->rule));
        camp_text_put(&t, ", ", 2);
    }
    camp_text_put(&t, "status ", 7);
    camp_text_put_int(&t, (int64_t)diag->status);
    if (diag->has_limit) {
        camp_text_put(&t, ", limits ", 9);
        camp_text_put_int(&t, diag->limit_min);
        camp_text_put(&t, "..", 2);
        camp_text_put_int(&t, diag->limit_max);
    }
    if (diag->needed > 0) {
        camp_text_put(&t, ", needs ", 8);
        camp_text_put_int(&t, diag->needed);
    }
#endif
    return camp_text_finish(&t);
}

/* ---- bounded text builder (shared with other modules via status_internal.h) ---- */

void camp_text_init(camp_text_t *t, char *buf, size_t cap)
{
    t->buf = buf;
    t->cap = cap;
    t->len = 0;
    t->needed = 0;
}

void camp_text_put(camp_text_t *t, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        /* keep one byte for the NUL */
        if (t->buf != NULL && t->len + 1 < t->cap) {
            t->buf[t->len++] = s[i];
        }
    }
    t->needed += n;
}

void camp_text_put_int(camp_text_t *t, int64_t v)
{
    char digits[21];
    size_t n = 0;
    /* work on the negative side so INT64_MIN needs no special case */
    int64_t x = (v < 0) ? v : -v;
    do {
        digits[n++] = (char)('0' - (x % 10));
        x /= 10;
    } while (x != 0);
    if (v < 0) {
        camp_text_put(t, "-", 1);
    }
    while (n > 0) {
        n--;
        camp_text_put(t, &digits[n], 1);
    }
}

size_t camp_text_finish(camp_text_t *t)
{
    if (t->buf != NULL && t->cap > 0) {
        if (t->needed >= t->cap && t->cap > 4) {
            /* cut visibly: end with "..." */
            t->len = t->cap - 4;
            t->buf[t->len++] = '.';
            t->buf[t->len++] = '.';
            t->buf[t->len++] = '.';
        }
        t->buf[t->len] = '\0';
    }
    return t->needed;
}
