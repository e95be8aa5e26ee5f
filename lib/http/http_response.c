/* Strict, incremental HTTP/1.x response parser working in one caller buffer.
 *
 * Buffer layout: [status line + headers][decoded body][raw bytes not parsed
 * yet][free]. Header lines stay where they arrived (their CRs become NULs, so
 * values are C strings). Body bytes are decoded in place right after the
 * header block: Content-Length bodies are already there; chunk data is moved
 * down over the chunk framing. Raw framing bytes that were parsed are dropped
 * by compacting the unparsed tail down to the end of the body before every
 * receive; that tail is at most one partial line, so compaction is cheap.
 *
 * Every state consumes at least one byte or asks for more, so the parse loop
 * is bounded by the bytes held in the buffer. No recursion. */
#include "camp/camp_http.h"

#include <stddef.h>
#include <string.h>

#include "http/http_internal.h"
#include "status/status_internal.h"

/* step() results besides an error status */
#define STEP_MORE 0 /* need more bytes */
#define STEP_PROGRESS 1
#define STEP_DONE 2

/* The hints set to -1 by one memset sit back to back (a negative array size
 * stops the build if the struct ever changes that). */
typedef char
    camp_http_hints_in_a_row[(offsetof(camp_http_response_t, location) -
                              offsetof(camp_http_response_t, retry_after_s)) == 5u * sizeof(int64_t)
                                 ? 1
                                 : -1];

static void reset_results(camp_http_response_t *rs)
{
    /* the results lead the struct: zero, NULL and false by one memset */
    (void)memset(rs, 0, offsetof(camp_http_response_t, buf_));
    rs->reason = "";
    rs->body = "";
    rs->content_length = -1;
    rs->date = -1;
    rs->ka_ = false; /* saw_te_ is not used: chunked says the same */
    /* retry_after_s..ratelimit_reset: five int64_t in a row, all -1 (last,
     * so the call ends the function and needs no frame of its own) */
    (void)memset(&((uint8_t *)rs)[offsetof(camp_http_response_t, retry_after_s)], 0xff,
                 offsetof(camp_http_response_t, location) -
                     offsetof(camp_http_response_t, retry_after_s));
}

void camp_http_response_init(camp_http_response_t *rs, uint8_t *buf, size_t cap, bool head_request)
{
    if (rs == NULL) {
        return;
    }
    memset(rs, 0, sizeof *rs);
    rs->buf_ = buf;
    rs->cap_ = (buf != NULL) ? cap : 0;
    rs->head_request_ = head_request;
    rs->state_ = CAMP_HTTP_ST_STATUS;
    reset_results(rs); /* last: a tail call, the frames do not add up */
}

/* Every way a response fails: name, rule id, status, diag path and rule text. P_LINE
 * is the path of the line being read (status line, header, chunk size or
 * trailer line). Call sites pass the name alone, one byte instead of three
 * arguments; the rule texts sit back to back in one string. F_CLOSED_STATUS
 * and F_CLOSED_HEADERS follow each other as their states do (see eof). */
#define HTTP_FAILURES(X)                                                                           \
    X(F_LINE_LONG, H01, S_PROTOCOL, P_LINE, "line longer than CAMP_HTTP_MAX_LINE")                 \
    X(F_BARE_LF, H02, S_PROTOCOL, P_LINE, "bare LF: lines must end with CRLF")                     \
    X(F_BARE_CR, H03, S_PROTOCOL, P_LINE, "bare CR inside a line")                                 \
    X(F_CONTROL_BYTE, H04, S_PROTOCOL, P_LINE, "control byte inside a line")                       \
    X(F_STATUS_START, H05, S_PROTOCOL, P_STATUS_LINE,                                              \
      "must start with \"HTTP/1.0 \" or \"HTTP/1.1 \" and a 3-digit code")                         \
    X(F_STATUS_CODE, H06, S_PROTOCOL, P_STATUS_LINE,                                               \
      "status code must be three digits in 100..599")                                              \
    X(F_STATUS_SPACE, H07, S_PROTOCOL, P_STATUS_LINE,                                              \
      "status code must be followed by a space and the reason")                                    \
    X(F_FOLDING, H08, S_PROTOCOL, P_LINE, "obsolete line folding is not accepted")                 \
    X(F_NO_COLON, H09, S_PROTOCOL, P_LINE, "header line must be \"name: value\"")                  \
    X(F_NAME_TOKEN, H10, S_PROTOCOL, P_LINE, "header name must be a token (no spaces before ':')") \
    X(F_LENGTH_DIGITS, H11, S_PROTOCOL, P_CONTENT_LENGTH, "must be 1..18 decimal digits")          \
    X(F_LENGTH_CONFLICT, H12, S_PROTOCOL, P_CONTENT_LENGTH, "conflicting Content-Length values")   \
    X(F_TE_IN_10, H13, S_PROTOCOL, P_TRANSFER_ENCODING,                                            \
      "Transfer-Encoding is not allowed in HTTP/1.0")                                              \
    X(F_TE_NOT_CHUNKED, H14, S_ENCODING, P_TRANSFER_ENCODING,                                      \
      "only a single \"chunked\" transfer coding is supported")                                    \
    X(F_CONTENT_ENCODING, H15, S_ENCODING, P_CONTENT_ENCODING,                                     \
      "only identity is accepted (we never send Accept-Encoding)")                                 \
    X(F_BODY_TOO_LARGE, H16, S_TOO_LARGE, P_BODY, "response body does not fit in the buffer")      \
    X(F_SWITCHING, H17, S_PROTOCOL, P_STATUS_LINE, "101 Switching Protocols was not asked for")    \
    X(F_INTERIM, H18, S_PROTOCOL, P_STATUS_LINE, "too many interim (1xx) responses")               \
    X(F_LENGTH_AND_TE, H19, S_PROTOCOL, P_CONTENT_LENGTH,                                          \
      "Content-Length together with Transfer-Encoding")                                            \
    X(F_LENGTH_TOO_LARGE, H20, S_TOO_LARGE, P_BODY,                                                \
      "Content-Length larger than the buffer can hold")                                            \
    X(F_CHUNK_LONG, H21, S_PROTOCOL, P_CHUNK, "chunk size longer than 15 hex digits")              \
    X(F_CHUNK_HEX, H22, S_PROTOCOL, P_CHUNK, "chunk size must be hex digits")                      \
    X(F_CHUNK_EXTENSION, H23, S_PROTOCOL, P_CHUNK,                                                 \
      "chunk size followed by something other than an extension")                                  \
    X(F_HEADERS, H24, S_PROTOCOL, P_HEADER, "more than CAMP_HTTP_MAX_HEADERS header lines")        \
    X(F_CHUNK_CRLF, H25, S_PROTOCOL, P_CHUNK, "chunk data must be followed by CRLF")               \
    X(F_TRAILERS, H26, S_PROTOCOL, P_TRAILER, "more than CAMP_HTTP_MAX_HEADERS trailer lines")     \
    X(F_CLOSED_EMPTY, H27, S_CLOSED, P_STATUS_LINE, "connection closed before any response byte")  \
    X(F_CLOSED_STATUS, H28, S_CLOSED, P_STATUS_LINE, "connection closed inside the status line")   \
    X(F_CLOSED_HEADERS, H29, S_CLOSED, P_HEADER, "connection closed inside the headers")           \
    X(F_CLOSED_BODY, H30, S_CLOSED, P_BODY, "connection closed inside the body")

/* Paths, in the order of path_names[]; P_LINE is resolved by the state. */
#define P_STATUS_LINE 0u
#define P_HEADER 1u
#define P_CHUNK 2u
#define P_TRAILER 3u
#define P_BODY 4u
#define P_CONTENT_LENGTH 5u
#define P_TRANSFER_ENCODING 6u
#define P_CONTENT_ENCODING 7u
#define P_LINE 8u

/* Statuses, in the order of failure_statuses[]. */
#define S_PROTOCOL 0u
#define S_ENCODING 1u
#define S_TOO_LARGE 2u
#define S_CLOSED 3u

#define FAILURE_NAME(name, id, st, path, text) name,
#define FAILURE_WHERE(name, id, st, path, text) (uint8_t)(((st) << 4) | (path)),
/* the rule texts, or their ids for small targets (see CAMP_RULE) */
#if CAMP_DIAG_TEXT
#define FAILURE_TEXT(name, id, st, path, text) text "\0"
#define RULE_OF(texts, f) nth_string((texts), (f))
#else
#define FAILURE_TEXT(name, id, st, path, text) #id "\0"
/* every id is three bytes and its NUL (checked below): failure f's is at 4 * f */
#define RULE_OF(texts, f) (&(texts)[(f)*4u])
#endif

/* The diag paths in the order of the P_ numbers, then the names of the
 * headers libcamp reads in the order of the HDR_ numbers: CAMP_HTTP_PATHS
 * (http_internal.h, as the exchange reports two of the paths too). */
const char camp_http_paths[sizeof(CAMP_HTTP_PATHS)] = CAMP_HTTP_PATHS;
#define NAME_OF_PATH 5u /* strlen("http."): a header path without its prefix */

/* The @p n-th (from 0) of the NUL-separated strings that start at @p s. */
static const char *nth_string(const char *s, unsigned n)
{
    const char *at = s;
    unsigned skip = n;
    while (skip > 0u) { /* past n NULs */
        if (*at == '\0') {
            skip--;
        }
        at++;
    }
    return at;
}

enum {
    HTTP_FAILURES(FAILURE_NAME) F_COUNT
};

#if !CAMP_DIAG_TEXT
/* the ids' layout RULE_OF() counts on (a negative array size stops the build) */
typedef char camp_http_ids_four_bytes_each
    [(sizeof(HTTP_FAILURES(FAILURE_TEXT)) == ((4u * (size_t)F_COUNT) + 1u)) ? 1 : -1];
#endif

/* Record failure @p f at buffer index @p at (stream offset = consumed_ + at). */
static camp_status_t fail(camp_http_response_t *rs, camp_diag_t *diag, unsigned f, size_t at)
{
    static const uint8_t where[F_COUNT] = {HTTP_FAILURES(FAILURE_WHERE)};
    static const char texts[] = HTTP_FAILURES(FAILURE_TEXT);
    static const camp_status_t failure_statuses[] = {CAMP_ERR_HTTP_PROTOCOL, CAMP_ERR_HTTP_ENCODING,
                                                     CAMP_ERR_HTTP_TOO_LARGE, CAMP_ERR_NET_CLOSED};
    /* the path of the line being read, by state (only line states read lines; the
     * last two, which read none, keep the index in range for any state) */
    static const uint8_t line_path[CAMP_HTTP_ST_FAILED + 1] = {
        P_STATUS_LINE, P_HEADER, P_BODY,    P_BODY, P_CHUNK,
        P_CHUNK,       P_CHUNK,  P_TRAILER, P_BODY, P_BODY};
    unsigned path = where[f] & 15u;
    camp_status_t st;
    st = failure_statuses[where[f] >> 4];
    if (path == P_LINE) {
        path = line_path[rs->state_];
    }
    rs->state_ = CAMP_HTTP_ST_FAILED;
    rs->must_close = true;
    st = camp_diag_set(diag, st, nth_string(camp_http_paths, path), RULE_OF(texts, f));
    if (diag != NULL) {
        diag->offset = (size_t)(rs->consumed_ + at);
        diag->needed = (int64_t)rs->needed;
    }
    return st;
}

static camp_status_t too_large(camp_http_response_t *rs, camp_diag_t *diag, uint64_t needed,
                               unsigned f)
{
    rs->needed = (size_t)needed;
    if ((uint64_t)rs->needed != needed) {
        rs->needed = (size_t)-1;
    }
    return fail(rs, diag, f, rs->raw_end_);
}

/* Find the next complete line in [line_start_, raw_end_). On success ls and le
 * bound its content (CR excluded) and the line is consumed. Returns STEP_MORE,
 * STEP_PROGRESS, or an error status. */
static int get_line(camp_http_response_t *rs, size_t *ls, size_t *le, camp_diag_t *diag)
{
    uint8_t *buf = rs->buf_;
    const uint8_t *lf;
    size_t i;
    size_t k;
    if (rs->scan_ < rs->raw_end_) {
        lf = camp_find_byte(buf + rs->scan_, '\n', rs->raw_end_ - rs->scan_);
    } else {
        lf = NULL;
    }
    if (lf == NULL) {
        rs->scan_ = rs->raw_end_;
        i = rs->raw_end_;
    } else {
        i = (size_t)(lf - buf);
        if (i == rs->line_start_ || buf[i - 1] != '\r') {
            return (int)fail(rs, diag, F_BARE_LF, i);
        }
    }
    /* one test for both: a line longer than CAMP_HTTP_MAX_LINE before its CR, or
     * without its LF yet more bytes than such a line and its CR (i is the LF's
     * index, or the end of what is held); rs->needed is still 0 here (only a
     * failure sets it): unknown */
    if (i - rs->line_start_ > (size_t)CAMP_HTTP_MAX_LINE + 1u) {
        return (int)fail(rs, diag, F_LINE_LONG, rs->line_start_);
    }
    if (lf == NULL) {
        return STEP_MORE;
    }
    for (k = rs->line_start_; k < i - 1; k++) {
        uint8_t c = buf[k];
        if (c == '\r') {
            return (int)fail(rs, diag, F_BARE_CR, k);
        }
        if (camp_http_is_ctl(c) && c != '\t') {
            return (int)fail(rs, diag, F_CONTROL_BYTE, k);
        }
    }
    *ls = rs->line_start_;
    *le = i - 1;
    rs->line_start_ = i + 1;
    rs->scan_ = i + 1;
    return STEP_PROGRESS;
}

static int parse_status_line(camp_http_response_t *rs, size_t ls, size_t le, camp_diag_t *diag)
{
    char *line = (char *)rs->buf_ + ls;
    size_t len = le - ls;
    size_t reason;
    int64_t code;
    if (len < 12 || memcmp(line, "HTTP/1.", 7) != 0 || (line[7] != '0' && line[7] != '1') ||
        line[8] != ' ') {
        return (int)fail(rs, diag, F_STATUS_START, ls);
    }
    /* three digits: the code fits 32 bits, where the range test is cheaper */
    if (!camp_http_parse_u63(line + 9, 3, &code) || (((uint32_t)code - 100u) > 499u)) {
        return (int)fail(rs, diag, F_STATUS_CODE, ls + 9);
    }
    /* the reason starts after the space that follows the code, if any */
    reason = 12;
    if (len > 12) {
        if (line[12] != ' ') {
            return (int)fail(rs, diag, F_STATUS_SPACE, ls + 12);
        }
        reason = 13;
    }
    rs->status = (int)code;
    rs->version_minor = line[7] - '0';
    rs->buf_[le] = '\0';
    rs->reason = line + reason;
    rs->state_ = CAMP_HTTP_ST_HEADERS;
    return STEP_PROGRESS;
}

static bool is_ows(uint8_t c)
{
    return c == ' ' || c == '\t';
}

/* Narrow [*s, *e) of @p b to its part without leading or trailing OWS. Out of
 * line: the header value and each Connection token share one copy (inlined
 * twice into the feed it cost more code than the calls). */
static CAMP_NOINLINE void trim_ows(const uint8_t *b, size_t *s, size_t *e)
{
    /* in locals: the byte loads could alias *s and *e */
    size_t first = *s;
    size_t end = *e;
    while (first < end && is_ows(b[first])) {
        first++;
    }
    while (end > first && is_ows(b[end - 1u])) {
        end--;
    }
    *s = first;
    *e = end;
}

/* Split @p line into a validated name and an OWS-trimmed, NUL-terminated value. */
static int split_header(camp_http_response_t *rs, size_t ls, size_t le, size_t *name_len,
                        size_t *vs, size_t *ve, camp_diag_t *diag)
{
    uint8_t *buf = rs->buf_;
    const uint8_t *colon;
    size_t name_end;
    size_t k;
    if (is_ows(buf[ls])) {
        return (int)fail(rs, diag, F_FOLDING, ls);
    }
    colon = camp_find_byte(buf + ls, ':', le - ls);
    if (colon == NULL || colon == buf + ls) {
        return (int)fail(rs, diag, F_NO_COLON, ls);
    }
    /* the name: the bytes before the colon, walked up to its index (no
     * length read back through name_len on each pass) */
    name_end = (size_t)(colon - buf);
    for (k = ls; k < name_end; k++) {
        if (!camp_http_is_tchar(buf[k])) {
            return (int)fail(rs, diag, F_NAME_TOKEN, k);
        }
    }
    *name_len = name_end - ls;
    *vs = name_end + 1u;
    *ve = le;
    trim_ows(buf, vs, ve);
    buf[le] = '\0';
    buf[*ve] = '\0';
    return STEP_PROGRESS;
}

/* Connection: a comma-separated token list. */
static void parse_connection(camp_http_response_t *rs, const char *v, size_t len)
{
    size_t from = 0;
    /* ends: each pass moves from past a comma, or stops at the value's end */
    while (from <= len) {
        size_t s = from;
        size_t e = from;
        while (e < len && v[e] != ',') {
            e++;
        }
        from = e + 1u;
        trim_ows((const uint8_t *)v, &s, &e);
        if (camp_http_ieq(&v[s], e - s, CAMP_HTTP_TOKEN_CLOSE)) {
            rs->must_close = true;
        } else if (camp_http_ieq(&v[s], e - s, CAMP_HTTP_TOKEN_KEEP_ALIVE)) {
            rs->ka_ = true;
        } else {
            /* other tokens name hop-by-hop headers: nothing to do */
        }
    }
}

/* The response headers libcamp reads, in the order of the names in header_index(). */
#define HDR_CONTENT_LENGTH 0u
#define HDR_TRANSFER_ENCODING 1u
#define HDR_CONTENT_ENCODING 2u
#define HDR_CONNECTION 3u
#define HDR_RETRY_AFTER 4u
#define HDR_RATELIMIT_LIMIT 5u
#define HDR_RATELIMIT_REMAINING 6u
#define HDR_RATELIMIT_RESET 7u
#define HDR_LOCATION 8u
#define HDR_CONTENT_TYPE 9u
#define HDR_REQUEST_ID 10u
#define HDR_DATE 11u
#define HDR_OTHER 12u

/* Inlined in field_line(), its one caller: less code than the call. */
static CAMP_ALWAYS_INLINE unsigned header_index(const char *name, size_t name_len)
{
    /* the path of Content-Length, found at build time */
    const char *known = &camp_http_paths[sizeof(CAMP_HTTP_PATHS_BEFORE_HEADERS) - 1u];
    unsigned i;
    for (i = 0; i < HDR_OTHER; i++) {
        /* the first three are paths: their names follow "http." */
        const char *known_name = (i <= HDR_CONTENT_ENCODING) ? (known + NAME_OF_PATH) : known;
        if (camp_http_ieq(name, name_len, known_name)) {
            break;
        }
        while (*known != '\0') { /* past the name and its NUL */
            known++;
        }
        known++;
    }
    return i;
}

static int content_length(camp_http_response_t *rs, const char *v, size_t vlen, size_t vs,
                          camp_diag_t *diag)
{
    int64_t n;
    int r = STEP_PROGRESS;
    /* strict: 1..18 digits only; a list like "5, 5" is refused too */
    if (!camp_http_parse_u63(v, vlen, &n)) {
        r = (int)fail(rs, diag, F_LENGTH_DIGITS, vs);
    } else if (rs->content_length >= 0 && rs->content_length != n) {
        r = (int)fail(rs, diag, F_LENGTH_CONFLICT, vs);
    } else {
        rs->content_length = n;
    }
    return r;
}

static int transfer_encoding(camp_http_response_t *rs, const char *v, size_t vlen, size_t vs,
                             camp_diag_t *diag)
{
    int r = STEP_PROGRESS;
    if (rs->version_minor == 0) {
        r = (int)fail(rs, diag, F_TE_IN_10, vs);
    } else if (rs->chunked || !camp_http_ieq(v, vlen, "chunked")) {
        /* only a single "chunked" is understood (chunked already set: a second
         * Transfer-Encoding line); gzip etc. would need a decoder */
        r = (int)fail(rs, diag, F_TE_NOT_CHUNKED, vs);
    } else {
        rs->chunked = true;
    }
    return r;
}

/* Hints (Retry-After, rate limits, Date) are parsed into their field only when
 * well-formed: a malformed value is ignored rather than failing the response. */
static int handle_header(camp_http_response_t *rs, size_t ls, size_t name_len, size_t vs, size_t ve,
                         camp_diag_t *diag)
{
    const char *v = (const char *)rs->buf_ + vs;
    size_t vlen = ve - vs;
    switch (header_index((const char *)rs->buf_ + ls, name_len)) {
    case HDR_CONTENT_LENGTH: return content_length(rs, v, vlen, vs, diag);
    case HDR_TRANSFER_ENCODING: return transfer_encoding(rs, v, vlen, vs, diag);
    case HDR_CONTENT_ENCODING:
        if (!camp_http_ieq(v, vlen, "identity")) {
            return (int)fail(rs, diag, F_CONTENT_ENCODING, vs);
        }
        break;
    case HDR_CONNECTION: parse_connection(rs, v, vlen); break;
    case HDR_RETRY_AFTER:
        if (!camp_http_parse_u63(v, vlen, &rs->retry_after_s)) {
            (void)camp_http_parse_date(v, vlen, &rs->retry_after_date);
        }
        break;
    case HDR_RATELIMIT_LIMIT: (void)camp_http_parse_u63(v, vlen, &rs->ratelimit_limit); break;
    case HDR_RATELIMIT_REMAINING:
        (void)camp_http_parse_u63(v, vlen, &rs->ratelimit_remaining);
        break;
    case HDR_RATELIMIT_RESET: (void)camp_http_parse_u63(v, vlen, &rs->ratelimit_reset); break;
    case HDR_LOCATION: rs->location = v; break;
    case HDR_CONTENT_TYPE: rs->content_type = v; break;
    case HDR_REQUEST_ID: rs->request_id = v; break;
    case HDR_DATE:
        /* the server's clock, for devices without one */
        (void)camp_http_parse_date(v, vlen, &rs->date);
        break;
    default: break;
    }
    return STEP_PROGRESS;
}

static int finish(camp_http_response_t *rs, camp_diag_t *diag)
{
    if (rs->overflow_) {
        /* the body and its NUL, or more where a chunk framing line had to fit
         * behind the body decoded so far: the smallest buffer that works. It
         * is above cap_: a chunk that overflowed is counted whole by now, and
         * a buffer that filled held either the whole body so far or the start
         * of a framing line that note_frame() measured */
        uint64_t need = (uint64_t)rs->body_start_ + rs->total_body_ + 1u;
        if (rs->frame_need_ > need) {
            need = rs->frame_need_;
        }
        return (int)too_large(rs, diag, need, F_BODY_TOO_LARGE);
    }
    rs->body_len = rs->body_end_ - rs->body_start_;
    /* else body stays "" (reset_results()): only when the body is empty and
     * the headers filled the buffer */
    if (rs->body_end_ < rs->cap_) {
        rs->buf_[rs->body_end_] = '\0';
        rs->body = (const char *)rs->buf_ + rs->body_start_;
    }
    if (rs->line_start_ < rs->raw_end_) {
        rs->must_close = true; /* bytes after the response: never reuse this connection */
    }
    rs->state_ = CAMP_HTTP_ST_DONE;
    return STEP_DONE;
}

/* Drop parsed framing: move the unparsed tail down to the body's end. */
static void drop_framing(camp_http_response_t *rs)
{
    size_t shift = rs->line_start_ - rs->body_end_;
    memmove(rs->buf_ + rs->body_end_, rs->buf_ + rs->line_start_, rs->raw_end_ - rs->line_start_);
    rs->consumed_ += shift;
    rs->line_start_ = rs->body_end_;
    rs->scan_ -= shift;
    rs->raw_end_ -= shift;
}

static int end_of_headers(camp_http_response_t *rs, camp_diag_t *diag)
{
    if (rs->status < 200) {
        if (rs->status == 101) {
            return (int)fail(rs, diag, F_SWITCHING, 0);
        }
        if (++rs->interim_ > CAMP_HTTP_MAX_INTERIM) {
            return (int)fail(rs, diag, F_INTERIM, 0);
        }
        /* drop the interim response; the final one starts at buf[0] (no body
         * has been decoded yet: body_end_ is still 0) */
        drop_framing(rs);
        reset_results(rs);
        rs->state_ = CAMP_HTTP_ST_STATUS;
        return STEP_PROGRESS;
    }
    if (rs->chunked && rs->content_length >= 0) {
        return (int)fail(rs, diag, F_LENGTH_AND_TE, rs->line_start_);
    }
    if (rs->version_minor == 0 && !rs->ka_) {
        rs->must_close = true;
    }
    rs->header_len = rs->line_start_;
    rs->body_start_ = rs->line_start_;
    rs->body_end_ = rs->line_start_;
    if (rs->head_request_ || rs->status == 204 || rs->status == 304) {
        return finish(rs, diag);
    }
    if (rs->chunked) {
        rs->state_ = CAMP_HTTP_ST_CHUNK_SIZE;
        return STEP_PROGRESS;
    }
    /* the bytes the body has left: Content-Length, or for a close-delimited
     * body (content_length -1) UINT64_MAX, which never runs out */
    rs->remaining_ = (uint64_t)rs->content_length;
    if (rs->content_length >= 0) {
        uint64_t need = (uint64_t)rs->body_start_ + (uint64_t)rs->content_length + 1u;
        if (need > rs->cap_) {
            /* fail() sets must_close: the unread body stays on the connection */
            return (int)too_large(rs, diag, need, F_LENGTH_TOO_LARGE);
        }
        if (rs->content_length == 0) {
            return finish(rs, diag);
        }
        rs->state_ = CAMP_HTTP_ST_BODY_LENGTH;
        return STEP_PROGRESS;
    }
    rs->must_close = true; /* close-delimited: the end of the body is the end of the connection */
    rs->state_ = CAMP_HTTP_ST_BODY_CLOSE;
    return STEP_PROGRESS;
}

static int hex_value(uint8_t c)
{
    /* unsigned wrap-around: bytes below '0' (or 'a') land far above the range */
    unsigned d = (unsigned)c - (unsigned)'0';
    if (d > 9u) {
        /* 'A'..'F' to 'a'..'f'; no other byte lands there */
        d = (unsigned)(uint8_t)(c | 0x20u) - (unsigned)'a';
        if (d > 5u) {
            return -1;
        }
        d += 10u;
    }
    return (int)d;
}

static int parse_chunk_size(camp_http_response_t *rs, size_t ls, size_t le, camp_diag_t *diag)
{
    uint64_t size = 0;
    size_t k = ls;
    while (k < le) {
        int h = hex_value(rs->buf_[k]);
        if (h < 0) {
            break;
        }
        if (k - ls >= 15) {
            return (int)fail(rs, diag, F_CHUNK_LONG, ls);
        }
        size = size * 16u + (uint64_t)h;
        k++;
    }
    if (k == ls) {
        return (int)fail(rs, diag, F_CHUNK_HEX, ls);
    }
    while (k < le && is_ows(rs->buf_[k])) {
        k++;
    }
    /* chunk extensions (";name=value") are allowed and ignored */
    if (k < le && rs->buf_[k] != ';') {
        return (int)fail(rs, diag, F_CHUNK_EXTENSION, k);
    }
    if (size == 0) {
        /* no chunk is left: remaining_ counts the trailer lines now (their own
         * count, same limit), and header_count keeps the headers'. It is 0
         * already: a chunk size line is read only before the first chunk or
         * after a chunk's data ran out. */
        rs->state_ = CAMP_HTTP_ST_TRAILERS;
        return STEP_PROGRESS;
    }
    if (!rs->overflow_ && (uint64_t)rs->body_end_ + size + 1u > rs->cap_) {
        /* keep parsing to learn the full size, but stop storing */
        rs->overflow_ = true;
        rs->body_end_ = rs->body_start_;
    }
    rs->remaining_ = size;
    rs->state_ = CAMP_HTTP_ST_CHUNK_DATA;
    return STEP_PROGRESS;
}

static void note_frame(camp_http_response_t *rs, size_t ls, size_t le)
{
    /* the line sat right behind the body decoded so far, CRLF included */
    uint64_t n = (uint64_t)rs->body_start_ + rs->total_body_ + (le - ls) + 2u;
    if (n > rs->frame_need_) {
        rs->frame_need_ = n;
    }
}

/* A header line, or in a trailer state a trailer line. Trailers are checked
 * for syntax and dropped: nothing we use may come late. */
static int field_line(camp_http_response_t *rs, size_t ls, size_t le, camp_diag_t *diag)
{
    bool trailer = rs->state_ == CAMP_HTTP_ST_TRAILERS;
    size_t name_len = 0;
    size_t vs = 0;
    size_t ve = 0;
    size_t count;
    int r;
    if (ls == le) {
        return trailer ? finish(rs, diag) : end_of_headers(rs, diag);
    }
    /* in the trailer state remaining_ counts at most CAMP_HTTP_MAX_HEADERS lines */
    count = trailer ? (size_t)rs->remaining_ : rs->header_count;
    if (count >= (size_t)CAMP_HTTP_MAX_HEADERS) {
        return (int)fail(rs, diag, trailer ? F_TRAILERS : F_HEADERS, ls);
    }
    count++;
    if (trailer) {
        rs->remaining_ = count;
    } else {
        rs->header_count = count;
    }
    r = split_header(rs, ls, le, &name_len, &vs, &ve, diag);
    return (r == STEP_PROGRESS && !trailer) ? handle_header(rs, ls, name_len, vs, ve, diag) : r;
}

/* Mark @p n raw bytes as parsed. */
static void consume(camp_http_response_t *rs, size_t n)
{
    rs->line_start_ += n;
    rs->scan_ = rs->line_start_;
}

/* Body bytes of a Content-Length, close-delimited or chunk-data state: stored
 * at the body's end (chunk data moves down over its framing; a Content-Length
 * body is already there), or only counted once the body overflowed. A
 * close-delimited body has UINT64_MAX bytes remaining: it never runs out. */
static int body_bytes(camp_http_response_t *rs, size_t avail, camp_diag_t *diag)
{
    size_t take = (avail < rs->remaining_) ? avail : (size_t)rs->remaining_;
    if (take == 0) {
        return STEP_MORE;
    }
    if (!rs->overflow_) {
        if (rs->body_end_ != rs->line_start_) {
            memmove(rs->buf_ + rs->body_end_, rs->buf_ + rs->line_start_, take);
        }
        rs->body_end_ += take;
    }
    rs->total_body_ += take;
    consume(rs, take);
    rs->remaining_ -= take;
    if (rs->remaining_ != 0) {
        return STEP_PROGRESS;
    }
    if (rs->state_ == CAMP_HTTP_ST_BODY_LENGTH) {
        return finish(rs, diag);
    }
    rs->state_ = CAMP_HTTP_ST_CHUNK_CRLF;
    return STEP_PROGRESS;
}

static int chunk_crlf(camp_http_response_t *rs, size_t avail, camp_diag_t *diag)
{
    size_t at = rs->line_start_;
    /* each byte is checked as soon as it is there; a wrong one fails at its
     * own offset */
    if (avail == 0) {
        return STEP_MORE;
    }
    if (rs->buf_[at] == '\r') {
        if (avail == 1) {
            return STEP_MORE;
        }
        at++;
        if (rs->buf_[at] == '\n') {
            consume(rs, 2);
            rs->state_ = CAMP_HTTP_ST_CHUNK_SIZE;
            return STEP_PROGRESS;
        }
    }
    return (int)fail(rs, diag, F_CHUNK_CRLF, at);
}

static int step(camp_http_response_t *rs, camp_diag_t *diag)
{
    size_t ls = 0;
    size_t le = 0;
    int r;
    switch (rs->state_) {
    case CAMP_HTTP_ST_BODY_LENGTH:
    case CAMP_HTTP_ST_BODY_CLOSE:
    case CAMP_HTTP_ST_CHUNK_DATA: return body_bytes(rs, rs->raw_end_ - rs->line_start_, diag);
    case CAMP_HTTP_ST_CHUNK_CRLF: return chunk_crlf(rs, rs->raw_end_ - rs->line_start_, diag);
    /* never done or failed here: the feed stops at the step that ends the parse */
    default: break; /* a line state */
    }
    r = get_line(rs, &ls, &le, diag);
    if (r != STEP_PROGRESS) {
        return r;
    }
    if (rs->state_ == CAMP_HTTP_ST_STATUS) {
        return parse_status_line(rs, ls, le, diag);
    }
    if (rs->state_ != CAMP_HTTP_ST_HEADERS) {
        /* chunk size and trailer lines sat behind the body decoded so far */
        note_frame(rs, ls, le);
        if (rs->state_ == CAMP_HTTP_ST_CHUNK_SIZE) {
            return parse_chunk_size(rs, ls, le, diag);
        }
    }
    return field_line(rs, ls, le, diag);
}

/* A full buffer with no framing left to drop: the body (plus its NUL) cannot
 * fit. Only a close-delimited or chunked body can be counted without being
 * stored. */
static bool must_overflow(const camp_http_response_t *rs)
{
    return rs->raw_end_ == rs->cap_ && rs->line_start_ == rs->body_end_ &&
           ((rs->state_ == CAMP_HTTP_ST_BODY_CLOSE) || (rs->state_ >= CAMP_HTTP_ST_CHUNK_SIZE)) &&
           !rs->overflow_;
}

/* A full buffer that cannot be emptied ends the parse: a head, or a chunk-size or
 * trailer line, longer than the whole buffer. The rest of the response stays on the
 * connection, so it must not be reused. */
static camp_status_t no_space(camp_http_response_t *rs)
{
    rs->state_ = CAMP_HTTP_ST_FAILED;
    rs->must_close = true;
    rs->needed = 0; /* unknown: the line has not ended */
    return CAMP_ERR_HTTP_TOO_LARGE;
}

camp_status_t camp_http_response_space(camp_http_response_t *rs, uint8_t **dst, size_t *room)
{
    size_t free_bytes;
    if (rs == NULL || dst == NULL || room == NULL) {
        return CAMP_ERR_ARG;
    }
    *dst = NULL;
    *room = 0;
    if (rs->state_ >= CAMP_HTTP_ST_DONE) {
        return CAMP_ERR_STATE;
    }
    if (rs->cap_ == 0) { /* also when buf_ is NULL: init() made cap_ 0 then */
        return CAMP_ERR_ARG;
    }
    if (rs->state_ >= CAMP_HTTP_ST_BODY_LENGTH) {
        if (must_overflow(rs)) {
            /* what was decoded is dropped too; the rest is only counted */
            rs->overflow_ = true;
            rs->body_end_ = rs->body_start_;
        }
        if (rs->line_start_ > rs->body_end_) {
            drop_framing(rs);
        }
    }
    free_bytes = rs->cap_ - rs->raw_end_;
    if (free_bytes == 0) {
        return no_space(rs);
    }
    if (rs->state_ == CAMP_HTTP_ST_BODY_LENGTH && free_bytes > rs->remaining_) {
        /* never read past the response: the connection may be reused */
        free_bytes = (size_t)rs->remaining_;
    }
    *dst = rs->buf_ + rs->raw_end_;
    *room = free_bytes;
    return CAMP_OK;
}

/* A call on a response that is complete or failed. */
static camp_status_t over(camp_diag_t *diag)
{
    return camp_diag_set(diag, CAMP_ERR_STATE, "http",
                         CAMP_RULE(H31, "response already complete or failed"));
}

camp_status_t camp_http_response_feed(camp_http_response_t *rs, size_t n, bool *done,
                                      camp_diag_t *diag)
{
    size_t guard;
    if (done != NULL) {
        *done = false;
    }
    if (rs == NULL || done == NULL) {
        return CAMP_ERR_ARG;
    }
    if (rs->state_ >= CAMP_HTTP_ST_DONE) {
        return over(diag);
    }
    if (n > rs->cap_ - rs->raw_end_) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "http",
                             CAMP_RULE(H32, "more bytes fed than space given"));
    }
    rs->raw_end_ += n;
    /* each step consumes at least one byte or stops: bytes held + a few
     * state changes bound the loop */
    for (guard = rs->raw_end_ - rs->line_start_ + 8u; guard > 0; guard--) {
        int r = step(rs, diag);
        if (r == STEP_DONE) {
            *done = true;
            return CAMP_OK;
        }
        if (r == STEP_MORE) {
            return CAMP_OK;
        }
        if (r != STEP_PROGRESS) {
            return (camp_status_t)r;
        }
    }
    return CAMP_OK;
}

camp_status_t camp_http_response_eof(camp_http_response_t *rs, camp_diag_t *diag)
{
    unsigned f = F_CLOSED_BODY;
    if (rs == NULL) {
        return CAMP_ERR_ARG;
    }
    if (rs->state_ == CAMP_HTTP_ST_BODY_CLOSE) {
        return (finish(rs, diag) == STEP_DONE) ? CAMP_OK : CAMP_ERR_HTTP_TOO_LARGE;
    }
    if (rs->state_ >= CAMP_HTTP_ST_DONE) {
        return over(diag);
    }
    if (rs->state_ <= CAMP_HTTP_ST_HEADERS) {
        /* F_CLOSED_STATUS and F_CLOSED_HEADERS follow each other in
         * HTTP_FAILURES as the two states do in camp_http_parse_state_t */
        f = F_CLOSED_STATUS + (unsigned)rs->state_;
        /* nothing held and no interim response: the peer sent nothing (in the
         * headers state the status line is still held) */
        if ((rs->raw_end_ == 0u) && (rs->interim_ == 0u)) {
            f = F_CLOSED_EMPTY;
        }
    }
    /* every other state is inside the body; raw_end_ is 0 for F_CLOSED_EMPTY */
    return fail(rs, diag, f, rs->raw_end_);
}

const char *camp_http_response_header(const camp_http_response_t *rs, const char *name)
{
    size_t pos = 0;
    size_t end;
    /* header_len is 0 until a header block ended in a buffer */
    if (rs == NULL || name == NULL || rs->header_len < 2) {
        return NULL;
    }
    end = rs->header_len - 2; /* the final empty line */
    while (pos < end) {
        const uint8_t *line = &rs->buf_[pos];
        const uint8_t *lf = camp_find_byte(line, '\n', end - pos);
        size_t line_len = (lf == NULL) ? (end - pos) : (size_t)(lf - line);
        /* the status line (at 0) is no header */
        const uint8_t *colon = (pos == 0u) ? NULL : camp_find_byte(line, ':', line_len);
        if ((colon != NULL) && camp_http_ieq((const char *)line, (size_t)(colon - line), name)) {
            const char *v = (const char *)&colon[1];
            while (*v == ' ' || *v == '\t') {
                v++;
            }
            return v;
        }
        pos += line_len + 1u;
    }
    return NULL;
}
