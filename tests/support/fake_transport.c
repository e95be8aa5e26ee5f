/* Scripted fake transport. See fake_transport.h. */
#include "fake_transport.h"

#include <string.h>

void fake_init(fake_transport_t *f)
{
    memset(f, 0, sizeof *f);
    f->now = 1000;
    f->tick_ms = 1;
    f->connected = true;
}

fake_stream_t *fake_add(fake_transport_t *f, const void *data, size_t len)
{
    fake_stream_t *s;
    if (f->stream_count >= FAKE_MAX_STREAMS) {
        return NULL;
    }
    s = &f->streams[f->stream_count++];
    memset(s, 0, sizeof *s);
    s->data = (const uint8_t *)data;
    s->len = len;
    s->close_at = FAKE_NO_OFFSET;
    s->error_at = FAKE_NO_OFFSET;
    return s;
}

fake_stream_t *fake_add_str(fake_transport_t *f, const char *text)
{
    return fake_add(f, text, strlen(text));
}

static int32_t fake_send(void *ctx, const uint8_t *data, size_t len)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    size_t n = len;
    f->send_calls++;
    if (!f->connected) {
        return CAMP_NET_CLOSED;
    }
    if (f->send_fail) {
        return CAMP_NET_ERROR;
    }
    if (f->send_stall) {
        return 0;
    }
    if (f->send_chunk > 0 && n > f->send_chunk) {
        n = f->send_chunk;
    }
    if (f->sent_len + n <= FAKE_SENT_CAP) {
        memcpy(f->sent + f->sent_len, data, n);
        f->sent_len += n;
    }
    return (int32_t)n;
}

static int32_t fake_recv(void *ctx, uint8_t *buf, size_t cap)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    fake_stream_t *s;
    size_t n;
    size_t limit;
    f->recv_calls++;
    if (!f->connected || f->current >= f->stream_count) {
        return CAMP_NET_CLOSED;
    }
    s = &f->streams[f->current];
    if (s->stall) {
        return 0;
    }
    if (s->error_at != FAKE_NO_OFFSET && f->pos >= s->error_at) {
        return CAMP_NET_ERROR;
    }
    limit = s->len;
    if (s->close_at != FAKE_NO_OFFSET && s->close_at < limit) {
        limit = s->close_at;
    }
    if (s->error_at != FAKE_NO_OFFSET && s->error_at < limit) {
        limit = s->error_at;
    }
    if (f->pos >= limit) {
        if (s->stay_open && (s->close_at == FAKE_NO_OFFSET || f->pos < s->close_at)) {
            return 0;
        }
        return s->truncated_close ? CAMP_NET_TRUNCATED : CAMP_NET_CLOSED;
    }
    if (f->zeros_left > 0) {
        f->zeros_left--;
        return 0;
    }
    f->zeros_left = f->zeros;
    n = limit - f->pos;
    if (f->chunk > 0 && n > f->chunk) {
        n = f->chunk;
    }
    if (s->split_at > f->pos && n > s->split_at - f->pos) {
        n = s->split_at - f->pos;
    }
    if (n > cap) {
        n = cap;
    }
    memcpy(buf, s->data + f->pos, n);
    f->pos += n;
    return (int32_t)n;
}

static uint64_t fake_now(void *ctx)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    uint64_t t = f->now;
    f->now += f->tick_ms;
    return t;
}

camp_transport_t fake_transport(fake_transport_t *f)
{
    camp_transport_t t;
    t.send = fake_send;
    t.recv = fake_recv;
    t.now_ms = fake_now;
    t.ctx = f;
    return t;
}

int fake_open(void *ctx)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    f->opens++;
    if (f->open_status != 0) {
        return f->open_status;
    }
    /* the first open uses stream 0 if nothing was read from it yet */
    if (f->opens > 1 || f->pos > 0 || f->recv_calls > 0) {
        f->current++;
    }
    f->pos = 0;
    f->zeros_left = 0;
    if (f->current >= f->stream_count) {
        f->connected = false;
        return 500; /* CAMP_ERR_NET */
    }
    f->connected = true;
    return 0;
}

void fake_close(void *ctx)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    f->closes++;
    f->connected = false;
}

void fake_clear_sent(fake_transport_t *f)
{
    f->sent_len = 0;
}
