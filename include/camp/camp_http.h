/**
 * @file camp_http.h
 * @brief HTTP/1.1 request writer and strict, incremental response parser.
 *
 * Everything works in buffers the caller owns; nothing is allocated.
 *
 * - camp_http_path_*(): build a request target (path + query) from literal
 *   pieces and untrusted segments (IDs), percent-encoding what needs it and
 *   refusing control bytes (CAMP_ERR_HTTP_HEADER).
 * - camp_http_write_request(): the request head (request line and headers,
 *   ending with the empty line) into a caller buffer. The body is sent from
 *   its own buffer, so a caller can encode the body first and write the head
 *   right after it in the same work buffer.
 * - camp_http_response_*(): a state machine fed with whatever the transport
 *   returned (any split, one byte at a time included). It parses the status
 *   line and headers in place and decodes the body (Content-Length, chunked,
 *   or close-delimited) in place, right after the header block, in the same
 *   buffer. No recursion; every loop is bounded by the bytes fed.
 * - camp_http_exchange(): send head and body over a camp_transport_t and read
 *   the response, under one overall deadline taken from the transport's
 *   now_ms(), so a stalled peer cannot hang the call.
 *
 * Lifetime: every pointer in a camp_http_response_t (reason, body, header
 * values) points into the response buffer and stays valid until that buffer
 * is reused.
 *
 * Redirects (3xx) are reported (camp_http_status_map() gives
 * CAMP_ERR_HTTP_REDIRECT, Location is exposed), never followed.
 *
 * Example:
 * @code
 *   uint8_t work[4096];
 *   camp_http_request_t rq;
 *   camp_http_request_init(&rq, CAMP_HTTP_GET, "inboxapp.com", "/api/v1/campaigns/abc");
 *   rq.auth = CAMP_HTTP_AUTH_BEARER;
 *   rq.token = token;
 *   size_t head_len;
 *   camp_http_response_t rs;
 *   if (camp_http_write_request(&rq, (char *)work, sizeof work, &head_len, &diag) == CAMP_OK &&
 *       camp_http_exchange(&transport, work, head_len, NULL, 0, false, work, sizeof work,
 *                          CAMP_HTTP_TIMEOUT_MS, &rs, &diag) == CAMP_OK) {
 *       // rs.status, rs.body / rs.body_len (NUL-terminated), rs.retry_after_s, ...
 *   }
 * @endcode
 */
#ifndef CAMP_HTTP_H
#define CAMP_HTTP_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_status.h"
#include "camp_transport.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most interim (1xx) responses skipped before the final one. */
#ifndef CAMP_HTTP_MAX_INTERIM
#define CAMP_HTTP_MAX_INTERIM 4
#endif

/**
 * Consecutive transport calls that moved nothing while now_ms() did not
 * advance, before the exchange gives up with CAMP_ERR_TIMEOUT. A guard
 * against a broken clock port only; a working clock ends the call at its
 * deadline long before.
 */
#ifndef CAMP_HTTP_MAX_FROZEN_POLLS
#define CAMP_HTTP_MAX_FROZEN_POLLS 100000u
#endif

/** Fixed part of every request head (User-Agent, Accept, Connection, ...), for sizing. */
#define CAMP_HTTP_REQUEST_OVERHEAD 192u

/**
 * @brief Upper bound of the head camp_http_write_request() writes.
 * @param path_len  length of the request target.
 * @param host_len  length of the Host value.
 * @param token_len length of the token (0 without auth).
 * @param extra_len sum of name + value lengths of extra headers (+ 4 per header).
 */
#define CAMP_HTTP_REQUEST_HEAD_MAX(path_len, host_len, token_len, extra_len)                       \
    (CAMP_HTTP_REQUEST_OVERHEAD + (path_len) + (host_len) + (token_len) + (extra_len))

/** Request methods. */
typedef enum camp_http_method {
    CAMP_HTTP_GET = 0,
    CAMP_HTTP_POST,
    CAMP_HTTP_PUT,
    CAMP_HTTP_PATCH,
    CAMP_HTTP_DELETE,
    CAMP_HTTP_HEAD
} camp_http_method_t;

/** @brief Method name.
 *  @param[in] method the method.
 *  @return "GET", "POST", ...; "?" for an unknown value. */
const char *camp_http_method_name(camp_http_method_t method);

/**
 * How the token goes into the Authorization header.
 *
 * InboxApp documents `Bearer <token>`. Outbox's pages disagree (spec/outbox.md
 * D1): its introduction says the raw key, its email pages `Bearer`; so the
 * scheme is chosen per request.
 */
typedef enum camp_http_auth {
    CAMP_HTTP_AUTH_NONE = 0, /**< no Authorization header */
    CAMP_HTTP_AUTH_BEARER,   /**< `Authorization: Bearer <token>` */
    CAMP_HTTP_AUTH_RAW       /**< `Authorization: <token>` */
} camp_http_auth_t;

/** One extra request header (name and value checked like every other). */
typedef struct camp_http_header {
    const char *name;  /**< token characters only, e.g. "X-User-Timezone" */
    const char *value; /**< no control bytes */
} camp_http_header_t;

/** A request head to write. Fill with camp_http_request_init(), then adjust. */
typedef struct camp_http_request {
    camp_http_method_t method; /**< request method */
    const char *host;          /**< Host value: `host` or `host:port` (required) */
    const char *target;        /**< request target: path + optional query, starts with '/' */
    camp_http_auth_t auth;     /**< scheme; ignored when token is NULL */
    const char *token;         /**< secret; checked for control bytes, never echoed in diag */
    const char *content_type;  /**< used when a body is sent; NULL = application/json */
    size_t body_len;           /**< Content-Length; see has_body */
    bool has_body;             /**< send Content-Type + Content-Length (set for POST/PUT/PATCH) */
    bool keep_alive;           /**< `Connection: keep-alive` (true) or `close` */
    const camp_http_header_t *extra; /**< extra headers, may be NULL */
    size_t extra_count;              /**< entries in extra */
    bool host_brackets;              /**< write the Host value as `[host]` (IPv6 literal) */
    bool host_with_port;             /**< append `:host_port` to the Host value */
    uint16_t host_port;              /**< the port for host_with_port */
} camp_http_request_t;

/**
 * @brief Fill @p rq with defaults: no auth, keep-alive, has_body true for
 * POST/PUT/PATCH (with body_len 0 until set), no extra headers.
 * @param[out] rq     the request.
 * @param[in]  method its method.
 * @param[in]  host   Host value, kept by pointer.
 * @param[in]  target request target, kept by pointer.
 */
void camp_http_request_init(camp_http_request_t *rq, camp_http_method_t method, const char *host,
                            const char *target);

/**
 * @brief Write the request head into @p buf.
 *
 * Layout, in this order: request line; `Host`; `Authorization` (if a token);
 * `User-Agent: libcamp/<version>`; `Accept: application/json`; extra headers;
 * `Content-Type` and `Content-Length` (when has_body); `Connection`; empty line.
 *
 * @param[in]  rq      the request.
 * @param[out] buf     destination (not NUL-terminated).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written; on CAMP_ERR_BUFFER_TOO_SMALL the size needed. May be NULL.
 * @param[out] diag    on failure: which part (`request.target`, `request.Host`,
 *                     `request.Authorization`, `request.header`), the rule, and for
 *                     a small buffer diag->needed. May be NULL.
 * @return CAMP_OK; CAMP_ERR_HTTP_HEADER (CR, LF or another control byte, or a
 *         byte that cannot appear there, in the target, a header name or value);
 *         CAMP_ERR_BUFFER_TOO_SMALL; CAMP_ERR_ARG (NULL host or target).
 */
CAMP_NODISCARD camp_status_t camp_http_write_request(const camp_http_request_t *rq, char *buf,
                                                     size_t cap, size_t *out_len,
                                                     camp_diag_t *diag);

/* ---- request target builder ------------------------------------------------ */

/** Builds a request target in a caller buffer; always NUL-terminated when cap > 0. */
typedef struct camp_http_path {
    char *buf;            /**< destination */
    size_t cap;           /**< its size, including the NUL */
    size_t len;           /**< bytes written */
    size_t needed;        /**< bytes the full target needs (without NUL) */
    camp_status_t status; /**< first error, CAMP_OK so far */
    bool in_query;        /**< a '?' was written */
} camp_http_path_t;

/** @brief Start an empty target in @p buf of @p cap bytes.
 *  @param[out] p   the builder.
 *  @param[out] buf destination, kept by pointer.
 *  @param[in]  cap its size, including the NUL. */
void camp_http_path_init(camp_http_path_t *p, char *buf, size_t cap);

/**
 * @brief Append trusted literal text (e.g. "/api/v1/campaigns/"). Control
 * bytes, spaces, '#' and non-ASCII bytes still fail with CAMP_ERR_HTTP_HEADER.
 * @param[in,out] p   the builder (p->status keeps the first error).
 * @param[in]     s   the text.
 * @param[in]     len its length.
 */
void camp_http_path_literal(camp_http_path_t *p, const char *s, size_t len);

/**
 * @brief Append one untrusted path segment (an ID): unreserved characters
 * (`A-Z a-z 0-9 - . _ ~`) are copied, every other printable or non-ASCII byte
 * is percent-encoded (so '/', '?' and '%' cannot change the path). An empty
 * segment, or one with a control byte (CR, LF, NUL, ...), fails with
 * CAMP_ERR_HTTP_HEADER.
 * @param[in,out] p   the builder (p->status keeps the first error).
 * @param[in]     s   the segment.
 * @param[in]     len its length.
 */
void camp_http_path_segment(camp_http_path_t *p, const char *s, size_t len);

/**
 * @brief Append `?key=value` or `&key=value`; the value is percent-encoded like
 * a segment (may be empty); control bytes fail with CAMP_ERR_HTTP_HEADER.
 * @param[in,out] p     the builder (p->status keeps the first error).
 * @param[in]     key   trusted parameter name.
 * @param[in]     value the value.
 * @param[in]     len   its length.
 */
void camp_http_path_query(camp_http_path_t *p, const char *key, const char *value, size_t len);

/**
 * @brief Finish the target.
 * @param[in]  p       the builder.
 * @param[out] out_len bytes (without NUL); may be NULL.
 * @param[out] diag    on failure, path `request.target`. May be NULL.
 * @return CAMP_OK, CAMP_ERR_HTTP_HEADER, or CAMP_ERR_BUFFER_TOO_SMALL (p->needed + 1 bytes needed).
 */
CAMP_NODISCARD camp_status_t camp_http_path_finish(camp_http_path_t *p, size_t *out_len,
                                                   camp_diag_t *diag);

/* ---- response parser ------------------------------------------------------- */

/** Parser states (internal; exposed only so the struct can live on the caller's stack). */
typedef enum camp_http_parse_state {
    CAMP_HTTP_ST_STATUS = 0,
    CAMP_HTTP_ST_HEADERS,
    CAMP_HTTP_ST_BODY_LENGTH,
    CAMP_HTTP_ST_BODY_CLOSE,
    CAMP_HTTP_ST_CHUNK_SIZE,
    CAMP_HTTP_ST_CHUNK_DATA,
    CAMP_HTTP_ST_CHUNK_CRLF,
    CAMP_HTTP_ST_TRAILERS,
    CAMP_HTTP_ST_DONE,
    CAMP_HTTP_ST_FAILED
} camp_http_parse_state_t;

/**
 * @brief A response being parsed, and its result.
 *
 * Results (valid once camp_http_response_feed() reported done):
 * status, version, reason, body, headers of interest. Integer header values
 * are -1 when absent or not a well-formed number (tolerant on hints, strict on
 * framing). Text header values are NUL-terminated, NULL when absent.
 *
 * Buffer layout while parsing: `[status line + headers][decoded body][raw bytes
 * not yet parsed][free]`. The body is always NUL-terminated, so a body of
 * N bytes needs header_len + N + 1 bytes of buffer.
 */
typedef struct camp_http_response {
    /* --- results --- */
    int status;                  /**< 100..599 */
    int version_minor;           /**< 0 or 1 (HTTP/1.0, HTTP/1.1) */
    const char *reason;          /**< reason phrase, NUL-terminated (may be "") */
    const char *body;            /**< decoded body, NUL-terminated; "" when none */
    size_t body_len;             /**< its length */
    int64_t content_length;      /**< Content-Length, -1 when absent */
    bool chunked;                /**< Transfer-Encoding: chunked */
    bool must_close;             /**< connection cannot be reused (Connection: close,
                                     HTTP/1.0, close-delimited body, unread bytes) */
    int64_t retry_after_s;       /**< Retry-After as delta seconds, -1 when absent/not delta */
    int64_t retry_after_date;    /**< Retry-After as an HTTP-date (Unix seconds), -1 otherwise */
    int64_t ratelimit_limit;     /**< X-RateLimit-Limit, -1 when absent */
    int64_t ratelimit_remaining; /**< X-RateLimit-Remaining, -1 when absent */
    int64_t ratelimit_reset;     /**< X-RateLimit-Reset (Unix seconds), -1 when absent */
    const char *location;        /**< Location (3xx), NULL when absent */
    const char *content_type;    /**< Content-Type, NULL when absent */
    const char *request_id;      /**< X-Request-Id, NULL when absent */
    int64_t date;                /**< Date (Unix seconds), -1 when absent or not an HTTP-date */
    size_t header_count;         /**< header lines of the final response */
    size_t header_len;           /**< bytes of status line + headers (+ final CRLF) */
    size_t needed; /**< on CAMP_ERR_HTTP_TOO_LARGE: buffer size needed (0 = unknown) */

    /** @cond CAMP_PRIVATE */
    /* --- parser state: private --- */
    uint8_t *buf_;
    size_t cap_;
    size_t line_start_; /* start of the line being assembled */
    size_t scan_;       /* scanned for LF up to here */
    size_t raw_end_;    /* bytes held in buf_ */
    size_t body_start_;
    size_t body_end_;     /* decoded body ends here */
    uint64_t remaining_;  /* bytes left in the body or chunk */
    uint64_t total_body_; /* body bytes seen, stored or not */
    uint64_t consumed_;   /* stream bytes dropped before buf_[0] (for diag offsets) */
    uint64_t frame_need_; /* buffer a chunk framing / trailer line needed where it arrived */
    camp_http_parse_state_t state_;
    unsigned interim_;
    bool head_request_;
    bool overflow_; /* body does not fit: counting, not storing */
    bool saw_te_;
    bool ka_; /* Connection: keep-alive seen (HTTP/1.0) */
    /** @endcond */
} camp_http_response_t;

/**
 * @brief Start parsing a response into @p buf.
 * @param[out] rs           the parser.
 * @param[in]  buf          response buffer (caller-owned; all results point into it).
 * @param[in]  cap          its size.
 * @param[in]  head_request the request was HEAD: no body whatever the headers say.
 */
void camp_http_response_init(camp_http_response_t *rs, uint8_t *buf, size_t cap, bool head_request);

/**
 * @brief Where the next received bytes go.
 * @param[in,out] rs the parser.
 * @param[out] dst  destination inside the response buffer.
 * @param[out] room bytes that may be written there (> 0 on CAMP_OK).
 * @return CAMP_OK; CAMP_ERR_HTTP_TOO_LARGE when the status line and headers, or
 *         a chunk-size or trailer line, fill the whole buffer (the parse has failed
 *         then, and must_close is set); CAMP_ERR_STATE when done or failed.
 */
CAMP_NODISCARD camp_status_t camp_http_response_space(camp_http_response_t *rs, uint8_t **dst,
                                                      size_t *room);

/**
 * @brief Parse @p n bytes just written at the place camp_http_response_space() gave.
 * @param[in,out] rs the parser.
 * @param[in]  n    bytes written there (at most the room given).
 * @param[out] done true once the whole response is parsed.
 * @param[out] diag on failure: `http.status_line`, `http.header`, `http.Content-Length`,
 *                  `http.chunk`, `http.body`, the stream offset and the rule. May be NULL.
 * @return CAMP_OK (see @p done); CAMP_ERR_HTTP_PROTOCOL (malformed status line or
 *         header, bare CR or LF, line longer than CAMP_HTTP_MAX_LINE, more than
 *         CAMP_HTTP_MAX_HEADERS headers, bad or conflicting Content-Length,
 *         Content-Length with Transfer-Encoding, bad chunk framing);
 *         CAMP_ERR_HTTP_ENCODING (Content-Encoding other than identity, a
 *         transfer coding other than chunked); CAMP_ERR_HTTP_TOO_LARGE (body or
 *         headers do not fit; rs->needed and diag->needed give the size needed
 *         when known); CAMP_ERR_STATE; CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_http_response_feed(camp_http_response_t *rs, size_t n, bool *done,
                                                     camp_diag_t *diag);

/**
 * @brief The peer closed the connection. Completes a close-delimited body.
 * (A TLS close without close_notify must not end up here for such a body:
 * camp_http_exchange() fails it with CAMP_ERR_NET_TRUNCATED instead.)
 * @param[in,out] rs   the parser.
 * @param[out]    diag on failure, what and where. May be NULL.
 * @return CAMP_OK (response complete), CAMP_ERR_NET_CLOSED (closed mid-header
 *         or mid-body), CAMP_ERR_HTTP_TOO_LARGE (close-delimited body that did
 *         not fit; needed reported), CAMP_ERR_STATE.
 */
CAMP_NODISCARD camp_status_t camp_http_response_eof(camp_http_response_t *rs, camp_diag_t *diag);

/**
 * @brief Value of any header of the parsed response (case-insensitive name).
 * Scans the header block; the first match wins.
 * @param[in] rs   a parsed response.
 * @param[in] name the header name.
 * @return the NUL-terminated value (OWS trimmed), or NULL.
 */
const char *camp_http_response_header(const camp_http_response_t *rs, const char *name);

/**
 * @brief Parse an HTTP-date (IMF-fixdate, RFC 850 or asctime form, RFC 9110 §5.6.7).
 * @param[in]  s            the text.
 * @param[in]  len          its length.
 * @param[out] unix_seconds the instant. RFC 850 two-digit years: 70..99 -> 19xx, else 20xx.
 * @return true when @p s is a well-formed date that exists in the calendar.
 */
bool camp_http_parse_date(const char *s, size_t len, int64_t *unix_seconds);

/**
 * @brief How long Retry-After asks to wait, in milliseconds.
 * @param[in] rs       a parsed response.
 * @param[in] now_unix current wall-clock time (Unix seconds), used only for the
 *                     HTTP-date form; pass -1 when unknown (then the date form is ignored).
 * @return delay in ms (0 for a date in the past), or -1 when there is no usable Retry-After.
 */
int64_t camp_http_retry_after_ms(const camp_http_response_t *rs, int64_t now_unix);

/**
 * @brief Map an HTTP status to a libcamp status: 2xx CAMP_OK, 3xx
 * CAMP_ERR_HTTP_REDIRECT, 400/401/403/404/409/422/429 their CAMP_ERR_API_*,
 * 5xx CAMP_ERR_API_SERVER, anything else CAMP_ERR_API_OTHER.
 * @param[in] status the HTTP status code.
 * @return the libcamp status as listed.
 */
CAMP_NODISCARD camp_status_t camp_http_status_map(int status);

/**
 * @brief Send a request and read the whole response, under one deadline.
 *
 * The deadline is now_ms() + @p timeout_ms, read once at the start; every
 * transport call is followed by a deadline check. Head and body are sent
 * completely before the first byte is read, so they may live in @p buf.
 *
 * @param[in]  t            connected transport (send, recv, now_ms required).
 * @param[in]  head         request head (camp_http_write_request()).
 * @param[in]  head_len     its length.
 * @param[in]  body         request body, may be NULL when @p body_len is 0.
 * @param[in]  body_len     its length.
 * @param[in]  head_request the request is HEAD.
 * @param[in]  buf          response buffer (may be the buffer holding head and body).
 * @param[in]  cap          its size.
 * @param[in]  timeout_ms   overall deadline of the call.
 * @param[out] rs           the parsed response (any HTTP status is CAMP_OK here;
 *                          see camp_http_status_map()).
 * @param[out] diag         on failure, what and where. May be NULL.
 * @return CAMP_OK; CAMP_ERR_TIMEOUT; CAMP_ERR_NET (transport error);
 *         CAMP_ERR_TLS (CAMP_NET_TLS_ERROR from the port); CAMP_ERR_NET_CLOSED
 *         (peer closed before the response was complete);
 *         CAMP_ERR_NET_TRUNCATED (the body is delimited by the close and the
 *         port reported CAMP_NET_TRUNCATED: a TLS close without close_notify,
 *         so the body cannot be told apart from one cut on the path); every status of
 *         camp_http_response_feed(); CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_http_exchange(const camp_transport_t *t, const uint8_t *head,
                                                size_t head_len, const uint8_t *body,
                                                size_t body_len, bool head_request, uint8_t *buf,
                                                size_t cap, uint32_t timeout_ms,
                                                camp_http_response_t *rs, camp_diag_t *diag);

/**
 * @brief camp_http_exchange() with the deadline given as an instant of
 * t->now_ms() instead of a duration: lets a caller spend one deadline on
 * connecting and on the exchange (camp_client_t does).
 *
 * @param[in]  t            connected transport (send, recv, now_ms required).
 * @param[in]  head         request head.
 * @param[in]  head_len     its length.
 * @param[in]  body         request body, may be NULL when @p body_len is 0.
 * @param[in]  body_len     its length.
 * @param[in]  head_request the request is HEAD.
 * @param[in]  buf          response buffer (may hold head and body).
 * @param[in]  cap          its size.
 * @param[in]  deadline_ms  the call ends with CAMP_ERR_TIMEOUT at the first
 *                          deadline check at or after this instant.
 * @param[out] rs           the parsed response.
 * @param[out] diag         on failure, what and where. May be NULL.
 * @return as camp_http_exchange().
 */
CAMP_NODISCARD camp_status_t camp_http_exchange_until(const camp_transport_t *t,
                                                      const uint8_t *head, size_t head_len,
                                                      const uint8_t *body, size_t body_len,
                                                      bool head_request, uint8_t *buf, size_t cap,
                                                      uint64_t deadline_ms,
                                                      camp_http_response_t *rs, camp_diag_t *diag);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_HTTP_H */
