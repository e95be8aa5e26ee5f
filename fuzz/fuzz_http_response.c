/*
 * Fuzz target: the HTTP/1.1 response parser, fed through camp_http_exchange()
 * over the scripted fake transport (fuzz_transport.h) with fuzzer-chosen chunk
 * sizes, "nothing yet" returns, injected errors and end of stream.
 * FUZZ_DICT: http
 *
 * Input: FUZZ_NET_SCRIPT_LEN script bytes (byte 1 = response buffer size / 32,
 * flag bit 3 of byte 0 = HEAD request), then the peer's bytes.
 * Invariants:
 * - the status is one of those documented for camp_http_exchange();
 * - on success every result lies inside the response buffer and is
 *   NUL-terminated there: reason, body (body_len + 1 bytes), Location,
 *   Content-Type, X-Request-Id, any header looked up by name; status 100..599,
 *   HTTP/1.0 or 1.1, header_len <= buffer; a HEAD, 204 or 304 response has no
 *   body; a Content-Length body has exactly that length; the body is never
 *   longer than the bytes the peer sent;
 * - the buffer is never written past its size (exact-size heap block);
 * - the chunking does not matter: when the script ends in an orderly close
 *   with no injected error, the result (status, body bytes, framing, hints)
 *   equals the one for the same bytes delivered whole; a timeout is the only
 *   other outcome allowed (slow delivery).
 */
#include "fuzz_common.h"
#include "fuzz_transport.h"

#include "camp/camp_http.h"

static bool exchange_status_ok(camp_status_t st)
{
    switch (st) {
    case CAMP_OK:
    case CAMP_ERR_TIMEOUT:
    case CAMP_ERR_NET:
    case CAMP_ERR_TLS:
    case CAMP_ERR_NET_CLOSED:
    case CAMP_ERR_HTTP_PROTOCOL:
    case CAMP_ERR_HTTP_ENCODING:
    case CAMP_ERR_HTTP_TOO_LARGE: return true;
    default: return false;
    }
}

static void check_cstr(const uint8_t *buf, size_t cap, const char *s, const char *what)
{
    if (s == NULL) {
        return;
    }
    FUZZ_CHECK(fuzz_inside(buf, cap, s, 1), what);
    size_t room = cap - (size_t)((const uint8_t *)s - buf);
    FUZZ_CHECK(memchr(s, '\0', room) != NULL, what);
}

static void check_response(const camp_http_response_t *rs, const uint8_t *buf, size_t cap,
                           bool head, size_t peer_len)
{
    FUZZ_CHECK(rs->status >= 100 && rs->status <= 599, "status 100..599");
    FUZZ_CHECK(rs->version_minor == 0 || rs->version_minor == 1, "HTTP/1.0 or 1.1");
    FUZZ_CHECK(rs->header_len <= cap, "header block inside the buffer");
    check_cstr(buf, cap, rs->reason, "reason inside the buffer, NUL-terminated");
    FUZZ_CHECK(rs->reason != NULL, "reason is never NULL");
    FUZZ_CHECK(rs->body != NULL, "body is never NULL");
    if (rs->body_len > 0) {
        FUZZ_CHECK(fuzz_inside(buf, cap, rs->body, rs->body_len + 1),
                   "body + NUL inside the buffer");
    }
    FUZZ_CHECK(rs->body[rs->body_len] == '\0', "body NUL-terminated");
    FUZZ_CHECK(rs->body_len <= peer_len, "body not longer than what the peer sent");
    check_cstr(buf, cap, rs->location, "Location inside the buffer");
    check_cstr(buf, cap, rs->content_type, "Content-Type inside the buffer");
    check_cstr(buf, cap, rs->request_id, "X-Request-Id inside the buffer");
    FUZZ_CHECK(rs->header_count <= CAMP_HTTP_MAX_HEADERS, "header count within the limit");
    if (head || rs->status == 204 || rs->status == 304) {
        FUZZ_CHECK(rs->body_len == 0, "no body for HEAD, 204, 304");
    } else if (rs->content_length >= 0 && !rs->chunked) {
        FUZZ_CHECK(rs->body_len == (size_t)rs->content_length, "Content-Length body length");
    }
    FUZZ_CHECK(rs->content_length >= -1 && rs->retry_after_s >= -1 && rs->ratelimit_limit >= -1 &&
                   rs->ratelimit_remaining >= -1 && rs->ratelimit_reset >= -1,
               "integer hints are -1 or non-negative");
    static const char *const names[] = {"content-length",    "Transfer-Encoding", "retry-after",
                                        "X-RATELIMIT-RESET", "Connection",        "x"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        check_cstr(buf, cap, camp_http_response_header(rs, names[i]), "header value inside");
    }
    FUZZ_CHECK(camp_http_retry_after_ms(rs, 1737018900) >= -1, "retry_after_ms >= -1");
    FUZZ_CHECK(camp_http_retry_after_ms(rs, -1) >= -1, "retry_after_ms >= -1");
    camp_status_t m = camp_http_status_map(rs->status);
    FUZZ_CHECK((rs->status / 100 == 2) == (m == CAMP_OK), "2xx maps to OK, nothing else does");
}

typedef struct outcome {
    camp_status_t st;
    camp_http_response_t rs;
    uint8_t *buf;
} outcome_t;

static void run(outcome_t *o, fuzz_net_t *net, size_t cap, bool head, size_t peer_len)
{
    static const uint8_t req[] = "GET /api/v1/campaigns/x HTTP/1.1\r\nHost: h\r\n\r\n";
    camp_transport_t t = fuzz_net_transport(net);
    camp_diag_t d;
    o->buf = (uint8_t *)malloc(cap);
    FUZZ_CHECK(o->buf != NULL, "harness malloc");
    o->st = camp_http_exchange(&t, req, sizeof req - 1, (const uint8_t *)"{}", 2, head, o->buf, cap,
                               60000, &o->rs, &d);
    FUZZ_CHECK(exchange_status_ok(o->st), "exchange returns a documented status");
    FUZZ_CHECK(net->sent >= sizeof req - 1 + 2 || o->st != CAMP_OK, "the request was sent whole");
    if (o->st == CAMP_OK) {
        check_response(&o->rs, o->buf, cap, head, peer_len);
    } else {
        fuzz_check_diag_any(&d, o->st, (size_t)-2);
        if (o->st == CAMP_ERR_HTTP_TOO_LARGE) {
            FUZZ_CHECK(o->rs.needed == 0 || o->rs.needed > cap, "needed exceeds the buffer");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < FUZZ_NET_SCRIPT_LEN || size > 65536) {
        return 0;
    }
    const uint8_t *script = data;
    size_t peer_len = size - FUZZ_NET_SCRIPT_LEN;
    uint8_t *peer = (uint8_t *)fuzz_dup(data + FUZZ_NET_SCRIPT_LEN, peer_len);
    size_t cap = 32u + (size_t)script[1] * 32u;
    bool head = (script[0] & 8) != 0;

    fuzz_net_t n1;
    outcome_t a;
    fuzz_net_init(&n1, script, peer, peer_len);
    run(&a, &n1, cap, head, peer_len);

    fuzz_net_t n2;
    outcome_t b;
    fuzz_net_init_whole(&n2, peer, peer_len);
    run(&b, &n2, cap, head, peer_len);

    if (fuzz_net_clean(&n1) && a.st != CAMP_ERR_TIMEOUT) {
        FUZZ_CHECK(a.st == b.st, "chunking does not change the outcome");
        if (a.st == CAMP_OK) {
            FUZZ_CHECK(a.rs.status == b.rs.status && a.rs.version_minor == b.rs.version_minor,
                       "same status line");
            FUZZ_CHECK(strcmp(a.rs.reason, b.rs.reason) == 0, "same reason");
            FUZZ_CHECK(a.rs.body_len == b.rs.body_len &&
                           memcmp(a.rs.body, b.rs.body, a.rs.body_len) == 0,
                       "same body bytes");
            FUZZ_CHECK(a.rs.content_length == b.rs.content_length && a.rs.chunked == b.rs.chunked,
                       "same framing");
            FUZZ_CHECK(a.rs.retry_after_s == b.rs.retry_after_s &&
                           a.rs.retry_after_date == b.rs.retry_after_date &&
                           a.rs.ratelimit_limit == b.rs.ratelimit_limit &&
                           a.rs.ratelimit_remaining == b.rs.ratelimit_remaining &&
                           a.rs.ratelimit_reset == b.rs.ratelimit_reset,
                       "same hints");
            FUZZ_CHECK(a.rs.header_count == b.rs.header_count, "same header count");
        }
    }
    free(a.buf);
    free(b.buf);
    free(peer);
    return 0;
}
