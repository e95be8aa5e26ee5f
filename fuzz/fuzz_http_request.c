/*
 * Fuzz target: the request side that carries untrusted text: IDs taken from
 * responses become path segments and query values, and any caller-supplied
 * header value is checked. Also the HTTP-date parser (Retry-After).
 * FUZZ_DICT: http
 *
 * Input: byte 0 = buffer size for the target builder, then up to four fields
 * separated by 0xFF bytes: a path segment, a query value, an extra header
 * value, the token; the rest of the input is also tried as an HTTP-date.
 * Invariants:
 * - a path segment or query value with a control byte (or an empty segment)
 *   is refused with CAMP_ERR_HTTP_HEADER; otherwise the target is printable
 *   ASCII without space or '#', starts with the literal prefix, and
 *   percent-decoding the segment part gives back exactly the segment bytes
 *   ('/', '?' and '%' cannot change the path);
 * - a short buffer reports the size needed and never writes past its cap; the
 *   same pieces in needed + 1 bytes succeed;
 * - the request head never lets a field inject a line: on success it has
 *   exactly the expected number of CRLF-terminated lines and no other CR or
 *   LF; a header value or token with CR, LF or NUL is refused;
 * - camp_http_parse_date: an accepted date is an instant of years 0000..9999.
 */
#include "fuzz_common.h"

#include "camp/camp_http.h"
#include "camp/camp_validate.h"

#define PREFIX "/api/v1/campaigns/"

static bool has_ctl(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) {
            return true;
        }
    }
    return false;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

static camp_status_t build(char *buf, size_t cap, const char *seg, size_t sl, const char *q,
                           size_t ql, size_t *len, camp_http_path_t *p)
{
    camp_http_path_init(p, buf, cap);
    camp_http_path_literal(p, PREFIX, sizeof PREFIX - 1);
    camp_http_path_segment(p, seg, sl);
    camp_http_path_literal(p, "/leads", 6);
    camp_http_path_query(p, "q", q, ql);
    return camp_http_path_finish(p, len, NULL);
}

static void check_path(size_t cap, const char *seg, size_t sl, const char *q, size_t ql)
{
    char *buf = (char *)malloc(cap ? cap : 1);
    FUZZ_CHECK(buf != NULL, "harness malloc");
    memset(buf, 'Z', cap ? cap : 1);
    camp_http_path_t p;
    size_t len = 0;
    camp_status_t st = build(cap ? buf : NULL, cap, seg, sl, q, ql, &len, &p);
    bool bad = sl == 0 || has_ctl(seg, sl) || has_ctl(q, ql);
    if (bad) {
        FUZZ_CHECK(st == CAMP_ERR_HTTP_HEADER, "control bytes or an empty segment are refused");
        free(buf);
        return;
    }
    FUZZ_CHECK(st == CAMP_OK || st == CAMP_ERR_BUFFER_TOO_SMALL, "path status");
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        size_t need = p.needed;
        FUZZ_CHECK(need + 1 > cap, "needed exceeds the cap");
        free(buf);
        buf = (char *)malloc(need + 1);
        FUZZ_CHECK(buf != NULL, "harness malloc");
        st = build(buf, need + 1, seg, sl, q, ql, &len, &p);
        FUZZ_CHECK(st == CAMP_OK && len == need, "needed + 1 bytes are enough");
    }
    FUZZ_CHECK(buf[len] == '\0' && strlen(buf) == len, "target NUL-terminated");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        FUZZ_CHECK(c > 0x20 && c < 0x7f && c != '#', "target is printable ASCII, no space or #");
    }
    FUZZ_CHECK(memcmp(buf, PREFIX, sizeof PREFIX - 1) == 0, "prefix kept");
    /* Decode the segment: up to the next literal "/leads". */
    const char *s = buf + sizeof PREFIX - 1;
    const char *end = strstr(s, "/leads?q=");
    FUZZ_CHECK(end != NULL, "segment followed by the next literal");
    size_t k = 0;
    for (const char *c = s; c < end; c++) {
        char v = *c;
        FUZZ_CHECK(v != '/' && v != '?', "segment cannot add path or query separators");
        if (v == '%') {
            FUZZ_CHECK(end - c >= 3 && hexval(c[1]) >= 0 && hexval(c[2]) >= 0, "%XX escapes");
            v = (char)(hexval(c[1]) * 16 + hexval(c[2]));
            c += 2;
        }
        FUZZ_CHECK(k < sl && seg[k] == v, "segment decodes back to its bytes");
        k++;
    }
    FUZZ_CHECK(k == sl, "whole segment present");
    free(buf);
}

static void check_head(const char *hv, size_t hl, const char *tok, size_t tl)
{
    char *value = (char *)malloc(hl + 1);
    char *token = (char *)malloc(tl + 1);
    FUZZ_CHECK(value != NULL && token != NULL, "harness malloc");
    memcpy(value, hv, hl);
    value[hl] = '\0';
    memcpy(token, tok, tl);
    token[tl] = '\0';
    camp_http_header_t extra = {"X-User-Timezone", value};
    camp_http_request_t rq;
    camp_http_request_init(&rq, CAMP_HTTP_POST, "inboxapp.com", "/api/v1/campaigns/x");
    rq.auth = CAMP_HTTP_AUTH_BEARER;
    rq.token = tl ? token : NULL;
    rq.body_len = 17;
    rq.extra = &extra;
    rq.extra_count = 1;
    size_t cap = CAMP_HTTP_REQUEST_HEAD_MAX(19u, 12u, tl, 15u + hl + 4u);
    char *buf = (char *)malloc(cap);
    FUZZ_CHECK(buf != NULL, "harness malloc");
    size_t len = 0;
    camp_diag_t d;
    camp_status_t st = camp_http_write_request(&rq, buf, cap, &len, &d);
    /* strlen: a NUL ends a C string, so bytes after it never reach the head. */
    bool inject = strpbrk(value, "\r\n") != NULL || strpbrk(token, "\r\n") != NULL;
    if (inject) {
        FUZZ_CHECK(st == CAMP_ERR_HTTP_HEADER, "CR or LF in a header value is refused");
    }
    if (st == CAMP_OK) {
        FUZZ_CHECK(len <= cap, "head within the documented bound");
        size_t lines = 0;
        for (size_t i = 0; i < len; i++) {
            if (buf[i] == '\n') {
                FUZZ_CHECK(i > 0 && buf[i - 1] == '\r', "LF only as CRLF");
                lines++;
            } else if (buf[i] == '\r') {
                FUZZ_CHECK(i + 1 < len && buf[i + 1] == '\n', "CR only as CRLF");
            }
        }
        /* request line, Host, [Authorization], User-Agent, Accept, extra, Content-Type,
         * Content-Length, Connection, empty line */
        size_t want = 9u + (tl ? 1u : 0u);
        FUZZ_CHECK(lines == want, "one line per header: nothing injected");
        FUZZ_CHECK(len >= 4 && memcmp(buf + len - 4, "\r\n\r\n", 4) == 0,
                   "ends with an empty line");
    } else {
        FUZZ_CHECK(st == CAMP_ERR_HTTP_HEADER, "only a bad value is refused");
        fuzz_check_diag_any(&d, st, (size_t)-2);
        FUZZ_CHECK(strlen(token) < 4 || strstr(d.path, token) == NULL,
                   "the token is never in the diagnostic");
    }
    free(buf);
    free(value);
    free(token);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096) {
        return 0;
    }
    size_t cap = data[0];
    const char *f[4] = {"", "", "", ""};
    size_t fl[4] = {0, 0, 0, 0};
    char *copy = fuzz_dup(data + 1, size - 1);
    size_t start = 0;
    int nf = 0;
    for (size_t i = 0; i <= size - 1 && nf < 4; i++) {
        if (i == size - 1 || (unsigned char)copy[i] == 0xFF) {
            f[nf] = copy + start;
            fl[nf] = i - start;
            nf++;
            start = i + 1;
        }
    }
    check_path(cap, f[0], fl[0], f[1], fl[1]);
    check_head(f[2], fl[2], f[3], fl[3]);

    int64_t t = 0;
    if (camp_http_parse_date(copy, size - 1, &t)) {
        int64_t y = 0;
        unsigned m = 0;
        unsigned d = 0;
        camp_civil_from_days(t >= 0 ? t / 86400 : -((-t + 86399) / 86400), &y, &m, &d);
        FUZZ_CHECK(y >= 0 && y <= 9999, "an accepted HTTP-date is a 4-digit-year instant");
    }
    free(copy);
    return 0;
}
