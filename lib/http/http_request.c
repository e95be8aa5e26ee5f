/* Request head writer and request-target builder. Every byte that goes on the
 * wire from a caller string is checked here: a CR or LF in a token, an ID or
 * a header value would let it inject headers or a second request. */
#include "camp/camp_http.h"

#include <string.h>

#include "http/http_internal.h"
#include "status/status_internal.h"

/* Byte classes of ASCII as bitmaps: bit (c & 7) of map[c >> 3]. */
static bool in_class(const uint8_t map[16], uint8_t c)
{
    return c < 128u && ((unsigned)map[c >> 3] & (1u << (c & 7u))) != 0u;
}

/* RFC 9110 tchar: ALPHA, DIGIT and !#$%&'*+-.^_`|~ */
bool camp_http_is_tchar(uint8_t c)
{
    static const uint8_t tchar[16] = {0x00, 0x00, 0x00, 0x00, 0xfa, 0x6c, 0xff, 0x03,
                                      0xfe, 0xff, 0xff, 0xc7, 0xff, 0xff, 0xff, 0x57};
    return in_class(tchar, c);
}

/* ASCII lower case of @p c (unsigned wrap-around: one compare for 'A'..'Z'). */
static unsigned ascii_lower(uint8_t c)
{
    return ((unsigned)c - (unsigned)'A' < 26u) ? ((unsigned)c | 0x20u) : (unsigned)c;
}

bool camp_http_ieq(const char *s, size_t len, const char *lit)
{
    size_t i;
    /* no strlen(): lit has s's length when its NUL is at len and not before
     * (lit[len] is then within lit) */
    for (i = 0; i < len; i++) {
        if ((lit[i] == '\0') || (ascii_lower((uint8_t)s[i]) != ascii_lower((uint8_t)lit[i]))) {
            return false;
        }
    }
    return lit[len] == '\0';
}

bool camp_http_parse_u63(const char *s, size_t len, int64_t *out)
{
    size_t i;
    int64_t v = 0;
    /* 18 digits always fit in int64_t: no overflow test needed */
    if (len == 0 || len > 18) {
        return false;
    }
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (int64_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

/* Out of line: inlined in camp_http_write_request() it costs more code. */
CAMP_NOINLINE const char *camp_http_method_name(camp_http_method_t method)
{
    /* the names back to back in the order of camp_http_method_t, then "?";
     * at[] is where each starts (no table of pointers) */
    static const char names[] = "GET\0"
                                "POST\0"
                                "PUT\0"
                                "PATCH\0"
                                "DELETE\0"
                                "HEAD\0"
                                "?";
    static const uint8_t at[] = {0u, 4u, 9u, 13u, 19u, 26u, 31u};
    unsigned m = (unsigned)method;
    return &names[at[(m < 6u) ? m : 6u]];
}

void camp_http_request_init(camp_http_request_t *rq, camp_http_method_t method, const char *host,
                            const char *target)
{
    if (rq == NULL) {
        return;
    }
    memset(rq, 0, sizeof *rq);
    rq->method = method;
    rq->host = host;
    rq->target = target;
    rq->auth = CAMP_HTTP_AUTH_NONE;
    rq->keep_alive = true;
    rq->has_body =
        (method == CAMP_HTTP_POST || method == CAMP_HTTP_PUT || method == CAMP_HTTP_PATCH);
}

/* A control byte (see camp_http_is_ctl) in s[0..len). Inlined: the loop costs
 * less code than the calls. */
static CAMP_ALWAYS_INLINE bool has_ctl(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (camp_http_is_ctl((uint8_t)s[i])) {
            return true;
        }
    }
    return false;
}

/* value_ok()'s also_bad when no byte is refused besides the control bytes
 * (DEL is one of them) */
#define NO_MORE '\x7f'

/* A header value: visible ASCII, spaces, and obs-text bytes (>= 0x80, e.g. a
 * UTF-8 time-zone name); never a control byte. Leading or trailing spaces
 * would be trimmed by the peer, so they are refused too (the value would not
 * arrive as given). @p also_bad is one more byte refused anywhere: ' ' for
 * Host (no strchr() then), else NO_MORE. One pass, no strlen(). */
static bool value_ok(const char *v, char also_bad)
{
    size_t i;
    for (i = 0; v[i] != '\0'; i++) {
        if (camp_http_is_ctl((uint8_t)v[i]) || (v[i] == also_bad)) {
            return false;
        }
    }
    return (i == 0u) || ((v[0] != ' ') && (v[i - 1u] != ' '));
}

/* A header name: a non-empty C string of token characters. */
static bool name_ok(const char *n)
{
    size_t i;
    if (n[0] == '\0') {
        return false;
    }
    for (i = 0; n[i] != '\0'; i++) {
        if (!camp_http_is_tchar((uint8_t)n[i])) {
            return false;
        }
    }
    return true;
}

/* A request target as sent: printable ASCII without space or '#'. */
static bool target_ok(const char *t)
{
    size_t i;
    if (t[0] != '/') {
        return false;
    }
    for (i = 0; t[i] != '\0'; i++) {
        uint8_t c = (uint8_t)t[i];
        if (c <= 0x20u || c >= 0x7fu || c == '#') {
            return false;
        }
    }
    return true;
}

/* Bounded writer without a NUL: the head is sent as bytes. Counts what it
 * would need so a small buffer reports the size. */
typedef struct head_writer {
    char *buf;
    size_t cap;
    size_t needed;
} head_writer_t;

/* At most @p n bytes of @p s, ending early at a NUL: the pieces with a length
 * hold none, and put_s() gives a C string no bound. One pass, no strlen(). */
static void put_n(head_writer_t *w, const char *s, size_t n)
{
    /* in locals: the byte stores could alias the writer's fields */
    char *buf = w->buf;
    size_t cap = w->cap;
    size_t at = w->needed;
    size_t i;
    for (i = 0; (i < n) && (s[i] != '\0'); i++) {
        if (at < cap) {
            buf[at] = s[i];
        }
        at++;
    }
    w->needed = at;
}

static void put_s(head_writer_t *w, const char *s)
{
    put_n(w, s, SIZE_MAX);
}

static void put_u(head_writer_t *w, size_t v)
{
    /* at most 3 digits a byte of size_t (2.41 would do), written from the
     * last: one put_n() for the number */
    char digits[3u * sizeof(size_t)];
    size_t n = sizeof(digits);
    do {
        n--;
        digits[n] = (char)('0' + (v % 10u));
        v /= 10u;
    } while (v != 0u);
    put_n(w, &digits[n], sizeof(digits) - n);
}

/* A header line after the line before it: each line's CRLF is written when
 * the next one starts, and put_fields() writes the last with the empty line. */
static void put_header(head_writer_t *w, const char *name, const char *value)
{
    put_n(w, "\r\n", 2);
    put_s(w, name);
    put_n(w, ": ", 2);
    put_s(w, value);
}

/* A caller string sent as a header value: NULL means "not sent". Inlined: the
 * two tests cost less code than the calls. */
static CAMP_ALWAYS_INLINE bool opt_value_ok(const char *v, char also_bad)
{
    return v == NULL || (v[0] != '\0' && value_ok(v, also_bad));
}

static camp_status_t check_extra(const camp_http_request_t *rq, camp_diag_t *diag)
{
    size_t i;
    if (rq->extra_count > 0 && rq->extra == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "request.header", CAMP_RULE(H44, "extra is NULL"));
    }
    for (i = 0; i < rq->extra_count; i++) {
        const camp_http_header_t *h = &rq->extra[i];
        if (h->name == NULL || h->value == NULL || !name_ok(h->name) ||
            !value_ok(h->value, NO_MORE)) {
            return camp_diag_set(
                diag, CAMP_ERR_HTTP_HEADER, "request.header",
                CAMP_RULE(H45, "name must be a token; value without control bytes"));
        }
    }
    return CAMP_OK;
}

/* The diag path of a bad Content-Type; its tail is the header's name. */
static const char k_path_content_type[] = "request.Content-Type";

/* Inlined into camp_http_write_request(), its one caller (the compiler kept it
 * apart): less code, and the writer's frame does not grow. */
static CAMP_ALWAYS_INLINE camp_status_t check_request(const camp_http_request_t *rq,
                                                      camp_diag_t *diag)
{
    if (!target_ok(rq->target)) {
        return camp_diag_set(
            diag, CAMP_ERR_HTTP_HEADER, "request.target",
            CAMP_RULE(H46,
                      "must start with '/' and hold only printable ASCII without space or '#'"));
    }
    /* host is not NULL here: opt_value_ok() is the non-empty value test */
    if (!opt_value_ok(rq->host, ' ')) {
        return camp_diag_set(diag, CAMP_ERR_HTTP_HEADER, "request.Host",
                             CAMP_RULE(H47, "must be non-empty, without spaces or control bytes"));
    }
    if (rq->auth != CAMP_HTTP_AUTH_NONE && !opt_value_ok(rq->token, NO_MORE)) {
        /* the token itself is never copied into diag */
        return camp_diag_set(
            diag, CAMP_ERR_HTTP_HEADER, "request.Authorization",
            CAMP_RULE(H48, "token must be non-empty, without control bytes or edge spaces"));
    }
    if (rq->has_body && !opt_value_ok(rq->content_type, NO_MORE)) {
        return camp_diag_set(diag, CAMP_ERR_HTTP_HEADER, k_path_content_type,
                             CAMP_RULE(H49, "must be non-empty, without control bytes"));
    }
    return check_extra(rq, diag);
}

/* Request line and Host: `[host]` and `:port` composed here, so callers need no
 * buffer for it. Host's CRLF starts the next line (see put_header()). */
/* What follows the request target up to the host (its first byte, the
 * space, also follows the method). */
#define BEFORE_HOST " HTTP/1.1\r\nHost: "
#define HOST_AT (sizeof(BEFORE_HOST) - 1u)

static void put_start(head_writer_t *w, const camp_http_request_t *rq)
{
    /* then "[" before a bracketed host, "]" after it and ":" before a port:
     * one literal for all */
    static const char k_around_host[] = BEFORE_HOST "[]:";
    size_t brackets = rq->host_brackets ? 1u : 0u;
    put_s(w, camp_http_method_name(rq->method));
    put_n(w, k_around_host, 1u);
    put_s(w, rq->target);
    put_n(w, k_around_host, HOST_AT + brackets);
    put_s(w, rq->host);
    /* "]:", "]", ":" or nothing */
    put_n(w, &k_around_host[(HOST_AT + 2u) - brackets], brackets + (rq->host_with_port ? 1u : 0u));
    if (rq->host_with_port) {
        put_u(w, rq->host_port);
    }
}

static void put_fields(head_writer_t *w, const camp_http_request_t *rq)
{
    /* the media type ends the fixed fields, so it is also Content-Type's
     * default */
    static const char k_fixed[] =
        "\r\nUser-Agent: libcamp/" CAMP_VERSION_STRING "\r\nAccept: application/json";
    const char *json = &k_fixed[sizeof(k_fixed) - sizeof("application/json")];
    size_t i;
    if (rq->token != NULL && rq->auth != CAMP_HTTP_AUTH_NONE) {
        /* "Authorization: " alone, or with "Bearer " */
        put_n(w, "\r\nAuthorization: Bearer ", (rq->auth == CAMP_HTTP_AUTH_BEARER) ? 24u : 17u);
        put_s(w, rq->token);
    }
    put_s(w, k_fixed);
    for (i = 0; i < rq->extra_count; i++) {
        put_header(w, rq->extra[i].name, rq->extra[i].value);
    }
    if (rq->has_body) {
        put_header(w, &k_path_content_type[sizeof "request." - 1u],
                   rq->content_type != NULL ? rq->content_type : json);
        put_s(w, "\r\nContent-Length: ");
        put_u(w, rq->body_len);
    }
    put_header(w, CAMP_HTTP_NAME_CONNECTION,
               rq->keep_alive ? CAMP_HTTP_TOKEN_KEEP_ALIVE : CAMP_HTTP_TOKEN_CLOSE);
    put_n(w, "\r\n\r\n", 4); /* the last line's CRLF, then the empty line */
}

camp_status_t camp_http_write_request(const camp_http_request_t *rq, char *buf, size_t cap,
                                      size_t *out_len, camp_diag_t *diag)
{
    head_writer_t w;
    camp_status_t st;
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (rq == NULL || rq->host == NULL || rq->target == NULL || (buf == NULL && cap > 0)) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "request",
                             CAMP_RULE(H50, "host and target are required"));
    }
    st = check_request(rq, diag);
    if (st != CAMP_OK) {
        return st;
    }
    w.buf = buf;
    w.cap = cap;
    w.needed = 0;
    put_start(&w, rq);
    put_fields(&w, rq);
    if (out_len != NULL) {
        *out_len = w.needed;
    }
    if (w.needed > cap) {
        camp_diag_set(diag, CAMP_ERR_BUFFER_TOO_SMALL, "request",
                      CAMP_RULE(H51, "request head does not fit in the buffer"));
        if (diag != NULL) {
            diag->needed = (int64_t)w.needed;
        }
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    return CAMP_OK;
}

/* ---- request target ---------------------------------------------------------- */

void camp_http_path_init(camp_http_path_t *p, char *buf, size_t cap)
{
    p->buf = buf;
    p->cap = cap;
    p->len = 0;
    p->needed = 0;
    p->status = CAMP_OK;
    p->in_query = false;
    if (cap > 0) {
        if (buf == NULL) {
            p->status = CAMP_ERR_ARG;
        } else {
            buf[0] = '\0';
        }
    }
}

static void path_put(camp_http_path_t *p, char c)
{
    /* buf and len in locals: the byte stores cannot change them */
    char *buf = p->buf;
    size_t len = p->len;
    if ((buf != NULL) && ((len + 1u) < p->cap) && (len == p->needed)) {
        buf[len] = c;
        buf[len + 1u] = '\0';
        p->len = len + 1u;
    }
    p->needed++;
}

/* RFC 3986 unreserved: ALPHA, DIGIT and -._~ */
static bool unreserved(uint8_t c)
{
    static const uint8_t unres[16] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x60, 0xff, 0x03,
                                      0xfe, 0xff, 0xff, 0x87, 0xfe, 0xff, 0xff, 0x47};
    return in_class(unres, c);
}

static void path_encoded(camp_http_path_t *p, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i;
    for (i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        if (unreserved(c)) {
            path_put(p, (char)c);
        } else {
            path_put(p, '%');
            path_put(p, hex[c >> 4]);
            path_put(p, hex[c & 15u]);
        }
    }
}

void camp_http_path_literal(camp_http_path_t *p, const char *s, size_t len)
{
    size_t i;
    if (p->status != CAMP_OK) {
        return;
    }
    if (s == NULL) {
        p->status = CAMP_ERR_ARG;
        return;
    }
    for (i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c <= 0x20u || c >= 0x7fu || c == '#') {
            p->status = CAMP_ERR_HTTP_HEADER;
            return;
        }
        if (c == '?') {
            p->in_query = true;
        }
    }
    for (i = 0; i < len; i++) {
        path_put(p, s[i]);
    }
}

void camp_http_path_segment(camp_http_path_t *p, const char *s, size_t len)
{
    if (p->status != CAMP_OK) {
        return;
    }
    if (s == NULL) {
        p->status = CAMP_ERR_ARG;
        return;
    }
    if (len == 0 || has_ctl(s, len)) {
        p->status = CAMP_ERR_HTTP_HEADER;
        return;
    }
    path_encoded(p, s, len);
}

void camp_http_path_query(camp_http_path_t *p, const char *key, const char *value, size_t len)
{
    size_t key_len;
    if (p->status != CAMP_OK) {
        return;
    }
    if (key == NULL || (value == NULL && len > 0)) {
        p->status = CAMP_ERR_ARG;
        return;
    }
    key_len = strlen(key);
    /* an empty value (value may be NULL then) reads no byte */
    if (key_len == 0u || has_ctl(key, key_len) || has_ctl(value, len)) {
        p->status = CAMP_ERR_HTTP_HEADER;
        return;
    }
    path_put(p, p->in_query ? '&' : '?');
    p->in_query = true;
    path_encoded(p, key, key_len);
    path_put(p, '=');
    path_encoded(p, value, len);
}

camp_status_t camp_http_path_finish(camp_http_path_t *p, size_t *out_len, camp_diag_t *diag)
{
    if (out_len != NULL) {
        *out_len = p->needed;
    }
    if (p->status == CAMP_ERR_HTTP_HEADER) {
        return camp_diag_set(
            diag, p->status, "request.target",
            CAMP_RULE(H52, "path piece empty or with a control byte (CR, LF, NUL, ...)"));
    }
    if (p->status != CAMP_OK) {
        return camp_diag_set(diag, p->status, "request.target", CAMP_RULE(H53, "invalid argument"));
    }
    if (p->needed + 1 > p->cap) {
        camp_diag_set(diag, CAMP_ERR_BUFFER_TOO_SMALL, "request.target",
                      CAMP_RULE(H54, "target does not fit in the buffer"));
        if (diag != NULL) {
            diag->needed = (int64_t)(p->needed + 1);
        }
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    return CAMP_OK;
}
