/* Scripted fake transport for HTTP and client tests.
 *
 * Serves a list of byte streams ("connections"): recv() hands out the current
 * stream a few bytes at a time (chunk = 1 included), optionally returning 0
 * ("nothing yet") k times before each delivery, closing early (mid-header),
 * failing at an offset (mid-body), or stalling forever. send() captures what
 * the library writes. now_ms() is a fake clock that advances by tick_ms on
 * every call, so timeouts are tested without sleeping.
 *
 * fake_open() moves to the next stream (a new connection); the client tests
 * plug it in as the reconnect hook. */
#ifndef FAKE_TRANSPORT_H
#define FAKE_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "camp/camp_transport.h"

#define FAKE_MAX_STREAMS 8
#define FAKE_SENT_CAP 65536
#define FAKE_NO_OFFSET ((size_t)-1)

typedef struct fake_stream {
    const uint8_t *data; /* bytes the peer sends on this connection */
    size_t len;
    size_t close_at;      /* return CAMP_NET_CLOSED once this many bytes were
                            delivered; FAKE_NO_OFFSET = close after all data */
    size_t error_at;      /* return CAMP_NET_ERROR at this offset; FAKE_NO_OFFSET = never */
    bool stall;           /* never deliver anything: recv always returns 0 */
    bool stay_open;       /* after all data: return 0 forever instead of closing */
    size_t split_at;      /* 0 = off; else the first recv()s never cross this
                            offset, so the stream arrives as [0, split) + rest */
    bool truncated_close; /* the close is CAMP_NET_TRUNCATED (a TLS close
                             without close_notify), not CAMP_NET_CLOSED */
} fake_stream_t;

typedef struct fake_transport {
    fake_stream_t streams[FAKE_MAX_STREAMS];
    size_t stream_count;
    size_t current; /* index of the open stream */
    size_t pos;     /* bytes of it delivered */
    bool connected;

    size_t chunk;   /* most bytes per recv (0 = all available) */
    unsigned zeros; /* return 0 this many times before each delivery */
    unsigned zeros_left;

    uint64_t now;     /* fake clock */
    uint64_t tick_ms; /* advance per now_ms() call */

    uint8_t sent[FAKE_SENT_CAP]; /* everything sent on all connections */
    size_t sent_len;
    size_t send_chunk; /* most bytes accepted per send (0 = all) */
    bool send_fail;    /* send returns CAMP_NET_ERROR */
    bool send_stall;   /* send returns 0 forever */

    unsigned recv_calls;
    unsigned send_calls;
    unsigned opens;  /* fake_open() calls */
    unsigned closes; /* fake_close() calls */
    int open_status; /* what fake_open() returns (0 = CAMP_OK) */
} fake_transport_t;

/* Reset to: no streams, chunk = all, no zeros, clock 1000 ms ticking 1 ms. */
void fake_init(fake_transport_t *f);

/* Add a connection that serves @p len bytes of @p data (copied by pointer). */
fake_stream_t *fake_add(fake_transport_t *f, const void *data, size_t len);

/* Add a NUL-terminated text stream. */
fake_stream_t *fake_add_str(fake_transport_t *f, const char *text);

/* The camp_transport_t over @p f. The first stream is open from the start. */
camp_transport_t fake_transport(fake_transport_t *f);

/* Reconnect hook: close the current stream, open the next one. Returns
 * f->open_status, or CAMP_ERR_NET (500) when no stream is left. */
int fake_open(void *ctx);
void fake_close(void *ctx);

/* Forget captured sent bytes. */
void fake_clear_sent(fake_transport_t *f);

#endif
