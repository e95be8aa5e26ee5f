/* One request/response exchange over a camp_transport_t under a single
 * deadline (an instant of the transport's monotonic clock, or now + timeout);
 * every transport call is followed by a check, so a peer that stalls, trickles
 * or never answers ends the call with CAMP_ERR_TIMEOUT. */
#include "camp/camp_http.h"

#include <string.h>

#include "http/http_internal.h"
#include "status/status_internal.h"

static camp_status_t net_status(int32_t r)
{
    if (r == CAMP_NET_CLOSED || r == CAMP_NET_TRUNCATED) {
        return CAMP_ERR_NET_CLOSED;
    }
    return (r == CAMP_NET_TLS_ERROR) ? CAMP_ERR_TLS : CAMP_ERR_NET;
}

/* Clock bookkeeping shared by the send and receive loops. */
typedef struct deadline {
    uint64_t at;     /* now_ms() value at which the call is over */
    uint64_t last;   /* last now_ms() value seen */
    uint32_t frozen; /* consecutive calls during which the clock did not move */
} deadline_t;

/* After each transport call: CAMP_OK to go on, CAMP_ERR_TIMEOUT when over. */
static camp_status_t tick(const camp_transport_t *t, deadline_t *d, camp_diag_t *diag,
                          const char *what)
{
    uint64_t now = t->now_ms(t->ctx);
    if (now >= d->at) {
        return camp_diag_set(diag, CAMP_ERR_TIMEOUT, what, CAMP_RULE(H33, "deadline passed"));
    }
    if (now == d->last) {
        if (++d->frozen > CAMP_HTTP_MAX_FROZEN_POLLS) {
            return camp_diag_set(diag, CAMP_ERR_TIMEOUT, what,
                                 CAMP_RULE(H34, "now_ms() did not advance (broken clock port)"));
        }
    } else {
        d->frozen = 0;
        d->last = now;
    }
    return CAMP_OK;
}

/* One send of what is left of a piece of the request: CAMP_OK with *sent moved on
 * by what the transport took (nothing, some, or the rest), or why it failed. */
static camp_status_t send_some(const camp_transport_t *t, const uint8_t *data, size_t len,
                               size_t *sent, camp_diag_t *diag, const char *what)
{
    int32_t r = t->send(t->ctx, data + *sent, len - *sent);
    if (r > 0) {
        if ((size_t)r > len - *sent) {
            return camp_diag_set(diag, CAMP_ERR_NET, what,
                                 CAMP_RULE(H35, "transport reported more bytes sent than given"));
        }
        *sent += (size_t)r;
    } else if (r < 0) {
        return camp_diag_set(diag, net_status(r), what,
                             r == CAMP_NET_CLOSED ? CAMP_RULE(H36, "peer closed while sending")
                                                  : CAMP_RULE(H37, "transport send failed"));
    } else {
        /* nothing taken yet */
    }
    return CAMP_OK;
}

camp_status_t camp_http_exchange(const camp_transport_t *t, const uint8_t *head, size_t head_len,
                                 const uint8_t *body, size_t body_len, bool head_request,
                                 uint8_t *buf, size_t cap, uint32_t timeout_ms,
                                 camp_http_response_t *rs, camp_diag_t *diag)
{
    uint64_t now = (t != NULL && t->now_ms != NULL) ? t->now_ms(t->ctx) : 0;
    return camp_http_exchange_until(t, head, head_len, body, body_len, head_request, buf, cap,
                                    now + timeout_ms, rs, diag);
}

/* The close of the connection as the end of the response. */
static camp_status_t closed(camp_http_response_t *rs, int32_t r, camp_diag_t *diag)
{
    if (r == CAMP_NET_TRUNCATED) {
        /* Only a body that ends at the close depends on how the close
         * happened: Content-Length and chunked bodies carry their own end,
         * and a cut inside them is CAMP_ERR_NET_CLOSED as before. Either
         * way it fails, and the caller marks the connection. */
        if (rs->state_ == CAMP_HTTP_ST_BODY_CLOSE) {
            rs->state_ = CAMP_HTTP_ST_FAILED;
            return camp_diag_set(diag, CAMP_ERR_NET_TRUNCATED, CAMP_HTTP_PATH_BODY,
                                 CAMP_RULE(H38, "TLS connection closed without close_notify: the "
                                                "close-delimited body may have been cut"));
        }
    }
    return camp_http_response_eof(rs, diag);
}

/* Hand what one recv() returned (@p r) to the parser. CAMP_OK also when
 * nothing came yet or the response is not complete: the parser's state says
 * whether it is (CAMP_HTTP_ST_DONE). */
static camp_status_t received(camp_http_response_t *rs, int32_t r, size_t room, camp_diag_t *diag)
{
    if (r > 0) {
        bool done; /* the same as state_ == CAMP_HTTP_ST_DONE */
        if ((size_t)r > room) {
            return camp_diag_set(diag, CAMP_ERR_NET, "http.response",
                                 CAMP_RULE(H39, "transport reported more bytes than asked for"));
        }
        return camp_http_response_feed(rs, (size_t)r, &done, diag);
    }
    if ((r == CAMP_NET_CLOSED) || (r == CAMP_NET_TRUNCATED)) {
        return closed(rs, r, diag);
    }
    if (r < 0) {
        return camp_diag_set(diag, net_status(r), "http.response",
                             CAMP_RULE(H40, "transport receive failed"));
    }
    return CAMP_OK; /* nothing yet */
}

/* One receive into rs: CAMP_OK also when nothing came or the response is not
 * complete (the parser's state says whether it is), else why it failed. */
static camp_status_t receive_some(const camp_transport_t *t, camp_http_response_t *rs,
                                  camp_diag_t *diag)
{
    uint8_t *dst;
    size_t room;
    bool in_head = rs->state_ <= CAMP_HTTP_ST_HEADERS;
    camp_status_t st = camp_http_response_space(rs, &dst, &room);
    if (st == CAMP_ERR_HTTP_TOO_LARGE) {
        return in_head ? camp_diag_set(diag, st, CAMP_HTTP_PATH_HEADER,
                                       CAMP_RULE(H41, "status line and headers do not fit "
                                                      "in the buffer"))
                       : camp_diag_set(diag, st, CAMP_HTTP_PATH_BODY,
                                       CAMP_RULE(H55, "chunk-size or trailer line does not "
                                                      "fit in the buffer"));
    }
    if (st != CAMP_OK) {
        return camp_diag_set(diag, st, "http", CAMP_RULE(H42, "parser refused more bytes"));
    }
    return received(rs, t->recv(t->ctx, dst, room), room, diag);
}

/* The request out, piece by piece (the head, then the body), then the response in,
 * in one loop with one clock check after each transport call that did not end its
 * piece (one copy of tick(), which the compiler inlines). */
static camp_status_t transfer(const camp_transport_t *t, const uint8_t *head, size_t head_len,
                              const uint8_t *body, size_t body_len, uint8_t *buf, size_t cap,
                              camp_http_response_t *rs, deadline_t *d, camp_diag_t *diag)
{
    const uint8_t *data = head;
    size_t len = head_len;
    size_t sent = 0;
    const char *what = "http.request";
    unsigned piece = 0u; /* 0 the head, 1 the body, 2 the response */
    /* ends: each pass moves bytes (bounded by the request, the buffer and the
     * parser's limits) or ends a piece (three in all), or tick() ends it at the
     * deadline */
    for (;;) {
        camp_status_t st;
        if (piece == 2u) {
            st = receive_some(t, rs, diag);
            if ((st == CAMP_OK) && (rs->state_ == CAMP_HTTP_ST_DONE)) {
                return CAMP_OK; /* complete */
            }
        } else if (sent == len) {
            /* the piece is out (or empty): the body next, then the response */
            piece++;
            data = body;
            len = body_len;
            sent = 0;
            what = "http.request_body";
            if (piece == 2u) {
                /* the same buffer receives the response (the parser is as the
                 * init left it, buf and cap checked: only they change) */
                rs->buf_ = buf;
                rs->cap_ = cap;
                what = "http.response";
            }
            continue;
        } else {
            st = send_some(t, data, len, &sent, diag, what);
            if ((st == CAMP_OK) && (sent == len)) {
                continue; /* no clock check after the last bytes of a piece */
            }
        }
        if (st == CAMP_OK) {
            st = tick(t, d, diag, what);
        }
        if (st != CAMP_OK) {
            /* one exit for every failure: the connection is not reused (the
             * parser's own failures have marked it so already) */
            rs->must_close = true;
            return st;
        }
    }
}

static bool exchange_args_ok(const camp_transport_t *t, const uint8_t *head, size_t head_len,
                             const uint8_t *body, size_t body_len, const uint8_t *buf, size_t cap)
{
    return (t != NULL) && (t->send != NULL) && (t->recv != NULL) && (t->now_ms != NULL) &&
           (buf != NULL) && (cap != 0) && ((head != NULL) || (head_len == 0)) &&
           ((body != NULL) || (body_len == 0));
}

camp_status_t camp_http_exchange_until(const camp_transport_t *t, const uint8_t *head,
                                       size_t head_len, const uint8_t *body, size_t body_len,
                                       bool head_request, uint8_t *buf, size_t cap,
                                       uint64_t deadline_ms, camp_http_response_t *rs,
                                       camp_diag_t *diag)
{
    deadline_t d;
    /* first: stored before any call, the deadline needs no register kept
     * across them */
    d.at = deadline_ms;
    camp_diag_clear(diag);
    /* no buffer while the request is sent (init ignores a NULL rs) */
    camp_http_response_init(rs, NULL, 0, head_request);
    if ((rs == NULL) || !exchange_args_ok(t, head, head_len, body, body_len, buf, cap)) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "http",
                             CAMP_RULE(H43, "transport, buffer and response required"));
    }
    d.last = t->now_ms(t->ctx);
    d.frozen = 0;

    return transfer(t, head, head_len, body, body_len, buf, cap, rs, &d, diag);
}
