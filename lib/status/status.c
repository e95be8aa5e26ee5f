/* Status texts and diagnostics. No stdio: formatting is done by hand. */
#include "camp/camp_status.h"

#include <string.h>

#include "status_internal.h"

/* camp_diag_format() writes through the library's JSON path writer (camp_path_t,
 * status_internal.h), which is a bounded text builder: it never overruns, counts
 * what the whole text needs, NUL-terminates after every byte and, by
 * camp_path_finish(), cuts visibly with "...". No second builder. */
typedef camp_path_t camp_text_t;

/* The NUL-terminated @p s. */
static void text_puts(camp_text_t *t, const char *s)
{
    camp_path_put(t, s, strlen(s));
}

/* The decimal text of @p v. */
static void text_put_int(camp_text_t *t, int64_t v);

/* Every status and its text, in one list: a table of codes and one pool of
 * NUL-separated texts in the same order (about a third of the flash a switch
 * takes on Cortex-M). A new status gets its line here and in the list of
 * tests/unit/test_status.c, which checks that each has its own text. */
#define CAMP_STATUS_TEXTS(X)                                                                       \
    X(CAMP_OK, "ok")                                                                               \
    X(CAMP_ERR_ARG, "invalid argument")                                                            \
    X(CAMP_ERR_BUFFER_TOO_SMALL, "buffer too small")                                               \
    X(CAMP_ERR_CAPACITY, "more elements than the configured capacity")                             \
    X(CAMP_ERR_INTERNAL, "internal error")                                                         \
    X(CAMP_ERR_UNSUPPORTED, "not supported")                                                       \
    X(CAMP_ERR_STATE, "invalid state")                                                             \
    X(CAMP_ERR_JSON_SYNTAX, "json: syntax error")                                                  \
    X(CAMP_ERR_JSON_DEPTH, "json: nesting too deep")                                               \
    X(CAMP_ERR_JSON_UTF8, "json: invalid UTF-8")                                                   \
    X(CAMP_ERR_JSON_TOKENS, "json: too few tokens")                                                \
    X(CAMP_ERR_JSON_TYPE, "json: wrong type")                                                      \
    X(CAMP_ERR_JSON_RANGE, "json: number out of range")                                            \
    X(CAMP_ERR_JSON_NOT_FOUND, "json: member not found")                                           \
    X(CAMP_ERR_JSON_NUL, "json: string contains \\u0000")                                          \
    X(CAMP_ERR_JSON_TOO_LARGE, "json: document too large")                                         \
    X(CAMP_ERR_REQUIRED, "required field missing")                                                 \
    X(CAMP_ERR_TYPE, "wrong type")                                                                 \
    X(CAMP_ERR_RANGE, "out of range")                                                              \
    X(CAMP_ERR_PATTERN, "does not match pattern")                                                  \
    X(CAMP_ERR_LENGTH, "length out of limits")                                                     \
    X(CAMP_ERR_ENUM, "unknown enum value")                                                         \
    X(CAMP_ERR_DATE, "invalid date-time")                                                          \
    X(CAMP_ERR_TIMEZONE, "unknown time zone")                                                      \
    X(CAMP_ERR_REFERENCE, "undefined reference")                                                   \
    X(CAMP_ERR_SCHEDULE, "invalid sending window")                                                 \
    X(CAMP_ERR_INVALID, "invalid value")                                                           \
    X(CAMP_ERR_TZ_UNKNOWN, "schedule: unknown zone")                                               \
    X(CAMP_ERR_TZ_RULE, "schedule: malformed zone rule")                                           \
    X(CAMP_ERR_TIME_RANGE, "schedule: instant out of range")                                       \
    X(CAMP_ERR_SIG_MISSING, "webhook: signature missing")                                          \
    X(CAMP_ERR_SIG_TIMESTAMP, "webhook: missing or bad timestamp")                                 \
    X(CAMP_ERR_SIG_FORMAT, "webhook: malformed signature")                                         \
    X(CAMP_ERR_SIG_STALE, "webhook: timestamp outside tolerance")                                  \
    X(CAMP_ERR_SIG_MISMATCH, "webhook: signature mismatch")                                        \
    X(CAMP_ERR_CRYPTO, "crypto port failed")                                                       \
    X(CAMP_ERR_NET, "network error")                                                               \
    X(CAMP_ERR_NET_CLOSED, "connection closed by peer")                                            \
    X(CAMP_ERR_TIMEOUT, "timed out")                                                               \
    X(CAMP_ERR_TLS, "TLS error")                                                                   \
    X(CAMP_ERR_TLS_VERIFY, "TLS peer verification failed")                                         \
    X(CAMP_ERR_DNS, "host name not resolved")                                                      \
    X(CAMP_ERR_NET_TRUNCATED, "connection cut without TLS close_notify (body may be truncated)")   \
    X(CAMP_ERR_PROXY, "proxy refused the tunnel")                                                  \
    X(CAMP_ERR_HTTP_PROTOCOL, "http: malformed response")                                          \
    X(CAMP_ERR_HTTP_TOO_LARGE, "http: response larger than buffer")                                \
    X(CAMP_ERR_HTTP_HEADER, "http: control character in header value or path")                     \
    X(CAMP_ERR_HTTP_ENCODING, "http: unsupported content encoding")                                \
    X(CAMP_ERR_HTTP_REDIRECT, "http: redirect (not followed)")                                     \
    X(CAMP_ERR_API_BAD_REQUEST, "api: 400 bad request")                                            \
    X(CAMP_ERR_API_UNAUTHORIZED, "api: 401 unauthorized")                                          \
    X(CAMP_ERR_API_FORBIDDEN, "api: 403 forbidden")                                                \
    X(CAMP_ERR_API_NOT_FOUND, "api: 404 not found")                                                \
    X(CAMP_ERR_API_CONFLICT, "api: 409 conflict")                                                  \
    X(CAMP_ERR_API_UNPROCESSABLE, "api: 422 unprocessable")                                        \
    X(CAMP_ERR_API_RATE_LIMITED, "api: 429 rate limited")                                          \
    X(CAMP_ERR_API_SERVER, "api: server error")                                                    \
    X(CAMP_ERR_API_OTHER, "api: unexpected status")

/* A status is its module's hundred and a number below 16 in it (0..6 hundreds):
 * one byte each, the hundreds in the high nibble (half the table of int16_t). */
#define CAMP_STATUS_CODE(code, text) (uint8_t)((((code) / 100) << 4) | ((code) % 100)),
#define CAMP_STATUS_FITS(code, text) ((code) >= 0) && ((code) % 100 < 16) && ((code) / 100 < 16) &&
#define CAMP_STATUS_TEXT(code, text) text "\0"

typedef char camp_status_codes_fit_a_byte[(CAMP_STATUS_TEXTS(CAMP_STATUS_FITS) 1) ? 1 : -1];

static const uint8_t status_codes[] = {CAMP_STATUS_TEXTS(CAMP_STATUS_CODE)};
static const char status_texts[] = CAMP_STATUS_TEXTS(CAMP_STATUS_TEXT);

const char *camp_status_str(camp_status_t status)
{
    const char *t = status_texts;
    size_t i;
    for (i = 0; i < sizeof status_codes; i++) {
        uint32_t c = status_codes[i];
        if ((long)((c >> 4) * 100u + (c & 15u)) == (long)status) {
            return t;
        }
        t += strlen(t) + 1u;
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
    if (rule != NULL) {
        diag->rule = rule; /* else the "" that clearing stored */
    }
    if (path != NULL) {
        /* copied whole with its NUL, or as much as fits, then cut visibly ("...")
         * as camp_path_finish() cuts, with no text builder on the stack
         * (CAMP_DIAG_PATH_MAX is at least 16); one pass, with no strlen() before it */
        size_t i = 0;
        char c;
        do {
            c = path[i];
            diag->path[i] = c;
            i++;
        } while ((c != '\0') && (i < sizeof diag->path));
        if (c != '\0') {
            (void)memcpy(&diag->path[sizeof diag->path - 4u], "...", 4);
        }
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
    char none[1]; /* where a call that only counts (no buffer, or cap 0) ends */
    camp_text_t t;
    t.buf = out;
    t.cap = cap;
    t.len = 0;
    t.need = 0;
    if (out == NULL || cap == 0u) {
        t.buf = none;
        t.cap = 1;
    }
    t.buf[0] = '\0';
    if (diag == NULL) {
        return 0;
    }
    text_puts(&t, diag->path);
    camp_path_put(&t, ": ", 2);
#if CAMP_DIAG_TEXT
    {
        /* the rule, or without one the status text */
        const char *what = diag->rule;
        if ((what == NULL) || (what[0] == '\0')) {
            what = camp_status_str(diag->status);
        }
        text_puts(&t, what);
    }
    if (diag->needed > 0) {
        camp_path_put(&t, " (needs ", 8);
        text_put_int(&t, diag->needed);
        camp_path_put(&t, ")", 1);
    }
#else
    /* Rule ids only: everything a reader needs to look the rule up, as numbers
     * (camp_status_str()'s table is not linked). */
    if (diag->rule != NULL && diag->rule[0] != '\0') {
        camp_path_put(&t, "rule ", 5);
        text_puts(&t, diag->rule);
        camp_path_put(&t, ", ", 2);
    }
    camp_path_put(&t, "status ", 7);
    text_put_int(&t, (int64_t)diag->status);
    if (diag->has_limit) {
        camp_path_put(&t, ", limits ", 9);
        text_put_int(&t, diag->limit_min);
        camp_path_put(&t, "..", 2);
        text_put_int(&t, diag->limit_max);
    }
    if (diag->needed > 0) {
        camp_path_put(&t, ", needs ", 8);
        text_put_int(&t, diag->needed);
    }
#endif
    camp_path_finish(&t);
    return t.need;
}

/* ---- 64-bit division by small divisors (shared via status_internal.h) ---- */

/* Long division in base 2^16: r < d < 2^16, so r * 2^16 + the next digit fits 32
 * bits. Inline in both callers, so neither adds a frame under the other. */
static CAMP_ALWAYS_INLINE uint64_t udiv16(uint64_t n, uint32_t d, uint32_t *rem)
{
    uint32_t hi = (uint32_t)(n >> 32);
    uint32_t lo = (uint32_t)n;
    uint32_t q3 = (hi >> 16) / d;
    uint32_t r = (hi >> 16) - q3 * d;
    uint32_t cur = (r << 16) | (hi & 0xFFFFu);
    uint32_t q2 = cur / d;
    uint32_t q1, q0;
    r = cur - q2 * d;
    cur = (r << 16) | (lo >> 16);
    q1 = cur / d;
    r = cur - q1 * d;
    cur = (r << 16) | (lo & 0xFFFFu);
    q0 = cur / d;
    *rem = cur - q0 * d;
    return ((uint64_t)((q3 << 16) | q2) << 32) | ((q1 << 16) | q0);
}

const void *camp_find_byte(const void *p, int c, size_t n)
{
    const unsigned char *b = p;
    size_t i;
    for (i = 0; i < n; i++) {
        if (b[i] == (unsigned char)c) {
            return &b[i];
        }
    }
    return NULL;
}

/* defined in both rule settings: a test links objects of the two (an id build's
 * program never calls it, and the linker drops it) */
const char *camp_rule_nth(const char *list, unsigned n)
{
    const char *at = list;
    unsigned skip = n;
    while (skip > 0u) { /* past n NULs */
        if (*at == '\0') {
            skip--;
        }
        at++;
    }
    return at;
}

size_t camp_u64_decimal(char buf[CAMP_U64_DIGITS], uint64_t v)
{
    size_t at = CAMP_U64_DIGITS;
    uint64_t x = v;
    do {
        uint32_t digit;
        x = udiv16(x, 10u, &digit);
        at--;
        buf[at] = (char)('0' + digit);
    } while (x != 0u);
    return at;
}

int64_t camp_floor_div16(int64_t x, uint32_t d, uint32_t *rem)
{
    uint32_t r;
    /* one division of |x| for both signs: udiv16 is inlined once */
    uint64_t q = udiv16((x >= 0) ? (uint64_t)x : (0u - (uint64_t)x), d, &r);
    if (x >= 0) {
        *rem = r;
        return (int64_t)q;
    }
    /* |x| = q * d + r, so x = -(q + 1) * d + (d - r) when r > 0 */
    if (r != 0u) {
        q++;
        r = d - r;
    }
    *rem = r;
    /* 1 <= q <= 2^63 (x = INT64_MIN, d = 1): -(q - 1) - 1 cannot overflow */
    return -(int64_t)(q - 1u) - 1;
}

int64_t camp_floor_div2(int64_t x, uint32_t a, uint32_t b, uint32_t *rem)
{
    uint32_t r1, r2;
    int64_t q = camp_floor_div16(camp_floor_div16(x, a, &r1), b, &r2);
    *rem = r1 + a * r2; /* x = (q * b + r2) * a + r1 */
    return q;
}

/* ---- the diagnostic line's numbers (camp_diag_format()) ------------------------ */

static void text_put_int(camp_text_t *t, int64_t v)
{
    char digits[CAMP_U64_DIGITS];
    /* the magnitude in unsigned arithmetic: INT64_MIN needs no special case */
    size_t at = camp_u64_decimal(digits, (v < 0) ? 0u - (uint64_t)v : (uint64_t)v);
    if (v < 0) {
        camp_path_put(t, "-", 1);
    }
    camp_path_put(t, &digits[at], CAMP_U64_DIGITS - at);
}

/* ---- JSON paths of struct walks ---------------------------------------------------- */

/* One byte of a path: stored while everything so far fitted, always counted. The
 * one copy of the store (it was inlined in three writers): camp_path_put() calls it
 * per byte, and the key and index writers call it directly, not through
 * camp_path_put(), so that under the key writer, at the deepest frame of the struct
 * walks' stack paths, there is one small leaf frame, not two frames. */
CAMP_NOINLINE static void path_byte(camp_path_t *p, char c)
{
    size_t len = p->len;
    size_t need = p->need;
    p->need = need + 1u;
    if (len == need && len + 1u < p->cap) {
        p->buf[len] = c;
        len++;
        p->len = len;
    }
    p->buf[len] = '\0';
}

void camp_path_put(camp_path_t *p, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        path_byte(p, s[i]);
    }
}

void camp_path_init(camp_path_t *p, char *buf, size_t cap)
{
    p->buf = buf;
    p->cap = cap;
    buf[0] = '$'; /* through buf: no reload of p->buf after the store */
    buf[1] = '\0';
    p->len = 1;
    p->need = 1;
}

void camp_path_cut(camp_path_t *p, size_t need)
{
    if (need < p->need) {
        p->need = need;
        if (need < p->len) {
            p->len = need;
        }
        p->buf[p->len] = '\0';
    }
}

void camp_path_key_byte(camp_path_t *p, unsigned char b)
{
    /* the escapes' heads: below 0x20 the high digit is 0 or 1; the backslash of
     * \" and \\ is the first byte */
    static const char esc[] = "\\u000\\u001";
    const char *head = esc;
    size_t n = 0;
    size_t i;
    char c = (char)b;
    if (b == '"' || b == '\\') {
        n = 1;
    } else if (b < 0x20u) {
        head = &esc[(b >> 4) * 5u];
        n = 5;
        /* the low hex digit, computed: no digit table */
        c = (char)(((b & 0xFu) < 10u) ? ((unsigned)'0' + (b & 0xFu))
                                      : ((unsigned)'a' - 10u + (b & 0xFu)));
    } else {
        /* the byte itself */
    }
    /* byte by byte, not through camp_path_put(): one frame less under the key
     * writer at the deepest point of the struct walks */
    for (i = 0; i < n; i++) {
        path_byte(p, head[i]);
    }
    path_byte(p, c);
}

void camp_path_key(camp_path_t *p, const char *key, size_t len)
{
    bool ident = len > 0u;
    size_t i;
    for (i = 0; i < len && ident; i++) {
        ident = camp_path_ident_byte((unsigned char)key[i], i == 0u);
    }
    camp_path_put(p, ident ? "." : "[\"", ident ? 1u : 2u);
    for (i = 0; i < len; i++) {
        /* byte by byte, not through a local buffer: this runs at the deepest
         * frame of the encoders' stack paths (identifier bytes need no escape) */
        camp_path_key_byte(p, (unsigned char)key[i]);
    }
    if (!ident) {
        camp_path_put(p, "\"]", 2);
    }
}

/* `[i]`, written from the most significant digit on: no digit buffer (this runs
 * near the deepest frame of the struct walks' stack paths). */
void camp_path_index(camp_path_t *p, size_t i)
{
    size_t scale = 1; /* the place of the leading digit */
    size_t rest = i;  /* the digits not yet written */
    size_t tenth = i / 10u;
    while (scale <= tenth) {
        scale *= 10u;
    }
    path_byte(p, '[');
    do {
        size_t digit = rest / scale;
        rest -= digit * scale;
        path_byte(p, (char)('0' + digit));
        scale /= 10u;
    } while (scale != 0u);
    path_byte(p, ']');
}

camp_status_t camp_diag_at_path(camp_diag_t *diag, const camp_path_t *p, camp_status_t st,
                                const char *rule)
{
    char head[2];
    if (diag == NULL || p->buf != diag->path) {
        return st;
    }
    /* cleared as camp_diag_set() clears, but for the path: its first two bytes
     * are the only ones clearing writes */
    head[0] = diag->path[0];
    head[1] = diag->path[1];
    camp_diag_clear(diag);
    diag->path[0] = head[0];
    diag->path[1] = head[1];
    diag->status = st;
    if (rule != NULL) {
        diag->rule = rule; /* else the "" that clearing stored */
    }
    camp_path_finish(p);
    return st;
}

void camp_path_finish(const camp_path_t *p)
{
    if (p->need >= p->cap && p->cap > 4u) {
        /* cut visibly, as camp_diag_set() does with a path longer than its buffer */
        (void)memcpy(&p->buf[p->cap - 4u], "...", 4);
    }
}
