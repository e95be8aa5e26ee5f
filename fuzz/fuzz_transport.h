/**
 * @file fuzz_transport.h
 * @brief A scripted transport for fuzz targets: the peer's bytes come from the
 * fuzzer input, delivered in fuzzer-chosen chunk sizes with "nothing yet"
 * returns, an optional injected error, and a chosen end of stream.
 *
 * Script (FUZZ_NET_SCRIPT_LEN bytes, taken from the front of the input):
 *   [0]     flags: bits 0-1 end of stream: 0 orderly close, 1 transport
 *           error, 2 stall (recv returns 0 forever: the deadline must end the
 *           call), 3 TLS error; bit 2: send() accepts one byte per call;
 *           bits 3-7: free for the target
 *   [1]     free for the target (e.g. buffer size)
 *   [2..9]  chunk plan, cycled: 0 = recv returns 0 once ("nothing yet");
 *           1..0xEF = that many bytes at most; 0xF0..0xFF = (v - 0xEF) KiB
 *   [10]    error injection: 0 = none, else CAMP_NET_ERROR once v * 16 bytes
 *           have been delivered (when that is before the end)
 * The clock advances 1 ms per now_ms() call, so a stall meets the deadline.
 */
#ifndef FUZZ_TRANSPORT_H
#define FUZZ_TRANSPORT_H

#include "fuzz_common.h"

#include "camp/camp_transport.h"

#define FUZZ_NET_SCRIPT_LEN 11u

typedef struct fuzz_net {
    const uint8_t *data; /* peer bytes */
    size_t len;
    size_t pos;
    uint8_t plan[8];
    unsigned step;
    int end_mode;
    bool send_one;
    size_t error_at; /* SIZE_MAX: none */
    bool error_done;
    uint64_t now;
    size_t sent;            /* bytes accepted by send() */
    uint8_t sent_buf[4096]; /* the first bytes sent, for checking the request */
    unsigned recv_calls;
} fuzz_net_t;

/** Read the script from @p s (FUZZ_NET_SCRIPT_LEN bytes) and attach @p data as the peer. */
static inline void fuzz_net_init(fuzz_net_t *n, const uint8_t *s, const uint8_t *data, size_t len)
{
    memset(n, 0, sizeof *n);
    n->data = data;
    n->len = len;
    n->end_mode = s[0] & 3;
    n->send_one = (s[0] & 4) != 0;
    memcpy(n->plan, s + 2, 8);
    n->error_at = s[10] ? (size_t)s[10] * 16u : (size_t)-1;
    n->now = 1000;
}

/** Same peer, delivered whole, closed in an orderly way. */
static inline void fuzz_net_init_whole(fuzz_net_t *n, const uint8_t *data, size_t len)
{
    static const uint8_t s[FUZZ_NET_SCRIPT_LEN] = {0,    0,    0xFF, 0xFF, 0xFF, 0xFF,
                                                   0xFF, 0xFF, 0xFF, 0xFF, 0};
    fuzz_net_init(n, s, data, len);
}

/** True when the script ends the stream in an orderly way with nothing injected before it. */
static inline bool fuzz_net_clean(const fuzz_net_t *n)
{
    return n->end_mode == 0 && n->error_at >= n->len;
}

static int32_t fuzz_net_send(void *ctx, const uint8_t *d, size_t len)
{
    fuzz_net_t *n = (fuzz_net_t *)ctx;
    FUZZ_CHECK(d != NULL || len == 0, "send() gets a buffer");
    FUZZ_CHECK(len > 0, "send() is never called with nothing to send");
    if (len > 0) {
        /* Touch the first and last bytes so ASan checks the whole span exists. */
        volatile uint8_t a = d[0];
        volatile uint8_t b = d[len - 1];
        (void)a;
        (void)b;
    }
    size_t k = n->send_one ? 1u : (len > 0x7fffffff ? 0x7fffffff : len);
    for (size_t i = 0; i < k && n->sent + i < sizeof n->sent_buf; i++) {
        n->sent_buf[n->sent + i] = d[i];
    }
    n->sent += k;
    return (int32_t)k;
}

static int32_t fuzz_net_recv(void *ctx, uint8_t *buf, size_t cap)
{
    fuzz_net_t *n = (fuzz_net_t *)ctx;
    FUZZ_CHECK(cap > 0 && buf != NULL, "recv() gets room");
    n->recv_calls++;
    if (!n->error_done && n->pos >= n->error_at && n->pos < n->len) {
        n->error_done = true;
        return CAMP_NET_ERROR;
    }
    if (n->pos >= n->len) {
        switch (n->end_mode) {
        case 0: return CAMP_NET_CLOSED;
        case 1: return CAMP_NET_ERROR;
        case 2: return 0;
        default: return CAMP_NET_TLS_ERROR;
        }
    }
    uint8_t p = n->plan[n->step++ % 8u];
    size_t want;
    if (p == 0) {
        return 0;
    }
    want = p < 0xF0 ? p : (size_t)(p - 0xEF) * 1024u;
    if (want > cap) {
        want = cap;
    }
    if (want > n->len - n->pos) {
        want = n->len - n->pos;
    }
    if (n->error_at > n->pos && want > n->error_at - n->pos) {
        want = n->error_at - n->pos; /* stop right at the injected error */
    }
    memcpy(buf, n->data + n->pos, want);
    n->pos += want;
    return (int32_t)want;
}

static uint64_t fuzz_net_now(void *ctx)
{
    fuzz_net_t *n = (fuzz_net_t *)ctx;
    return n->now++;
}

static inline camp_transport_t fuzz_net_transport(fuzz_net_t *n)
{
    camp_transport_t t = {fuzz_net_send, fuzz_net_recv, fuzz_net_now, n};
    return t;
}

#endif /* FUZZ_TRANSPORT_H */
