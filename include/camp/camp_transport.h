/**
 * @file camp_transport.h
 * @brief The transport port: how libcamp moves bytes without knowing sockets.
 *
 * A transport is a struct of function pointers plus a context pointer that is
 * handed back to each call. libcamp never connects or closes: each port
 * (port/posix, port/mbedtls, your RTOS stack) has its own connect/close API,
 * and the caller connects before handing the transport to the HTTP layer.
 *
 * Contract:
 * - `send(ctx, data, len)` writes up to @p len bytes; returns the count moved
 *   (> 0), 0 for "cannot write now, call again" (would block), or a negative
 *   value: CAMP_NET_CLOSED for a peer that closed, any other negative for an error.
 * - `recv(ctx, buf, cap)` reads up to @p cap bytes; same return convention.
 *   0 means "nothing yet" and is NOT end of stream; orderly close is
 *   CAMP_NET_CLOSED. A TLS port returns CAMP_NET_CLOSED only after the peer's
 *   close_notify, and CAMP_NET_TRUNCATED when the connection ended without it
 *   (an attacker on the path can cause that, so a body delimited by the close
 *   is then not trusted). A plain TCP port has no such signal: its FIN is
 *   CAMP_NET_CLOSED. A port may block for a while inside recv (e.g. poll with a
 *   short timeout) but must return within its own timeout so that libcamp can
 *   check its deadline.
 * - `now_ms(ctx)` is required: a monotonic millisecond clock. libcamp uses it
 *   for every deadline, so a stalled peer cannot hang a call.
 *
 * Worked example: a transport over a non-blocking POSIX socket.
 * @code
 *   static int32_t my_send(void *ctx, const uint8_t *d, size_t n) {
 *       ssize_t r = send(*(int *)ctx, d, n, MSG_NOSIGNAL);
 *       if (r >= 0) return (int32_t)r;
 *       return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : CAMP_NET_ERROR;
 *   }
 *   static int32_t my_recv(void *ctx, uint8_t *b, size_t n) {
 *       ssize_t r = recv(*(int *)ctx, b, n, 0);
 *       if (r > 0) return (int32_t)r;
 *       if (r == 0) return CAMP_NET_CLOSED;
 *       return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : CAMP_NET_ERROR;
 *   }
 *   static uint64_t my_now(void *ctx) { (void)ctx; return monotonic_ms(); }
 *
 *   int fd = connect_somehow();
 *   camp_transport_t t = { my_send, my_recv, my_now, &fd };
 * @endcode
 */
#ifndef CAMP_TRANSPORT_H
#define CAMP_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** recv/send result: the peer closed the connection in an orderly way. */
#define CAMP_NET_CLOSED (-1)
/** recv/send result: a transport error (any other negative value also counts). */
#define CAMP_NET_ERROR (-2)
/** recv/send result: a TLS error (certificate, record, alert). */
#define CAMP_NET_TLS_ERROR (-3)
/** recv result: the connection ended without an authenticated end of stream
 *  (TLS: TCP close or reset without close_notify). */
#define CAMP_NET_TRUNCATED (-4)

/** Send bytes. @return > 0 moved, 0 try again, < 0 CAMP_NET_* */
typedef int32_t (*camp_send_fn)(void *ctx, const uint8_t *data, size_t len);
/** Receive bytes. @return > 0 moved, 0 nothing yet, CAMP_NET_CLOSED, < 0 error */
typedef int32_t (*camp_recv_fn)(void *ctx, uint8_t *buf, size_t cap);
/** Monotonic clock in milliseconds. */
typedef uint64_t (*camp_now_ms_fn)(void *ctx);

/** A transport: three functions and the context they share. */
typedef struct camp_transport {
    camp_send_fn send;     /**< required */
    camp_recv_fn recv;     /**< required */
    camp_now_ms_fn now_ms; /**< required */
    void *ctx;             /**< handed to every call */
} camp_transport_t;

#ifdef __cplusplus
}
#endif

#endif /* CAMP_TRANSPORT_H */
