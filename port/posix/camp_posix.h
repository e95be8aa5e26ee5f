/**
 * @file camp_posix.h
 * @brief POSIX TCP transport, monotonic and wall clocks, and a random source.
 *
 * Two layers:
 * - fd functions (camp_posix_tcp_connect(), camp_posix_fd_send(),
 *   camp_posix_fd_recv(), camp_posix_tcp_close()) that other ports reuse:
 *   the mbedTLS port runs TLS over them.
 * - a ready transport: camp_posix_connect() fills a caller-allocated
 *   camp_posix_t and camp_posix_transport() returns the camp_transport_t the
 *   HTTP layer uses.
 *
 * Host names are resolved within the connect budget: getaddrinfo() has no timeout
 * of its own, so it runs in a short-lived thread that the caller waits for at most
 * the time left (a lookup that outlives it ends, and frees what it made, on its
 * own); IP literals need no lookup. Link with -pthread (camp-posix.pc and
 * camp::posix carry it).
 *
 * Sockets are non-blocking. connect() waits with poll() up to its timeout;
 * send/recv wait with poll() up to io_timeout_ms and then return 0 ("nothing
 * yet"), so libcamp can check its overall deadline. TCP_NODELAY is set (a
 * request is written as head + body); SIGPIPE is never raised (MSG_NOSIGNAL,
 * or SO_NOSIGPIPE where that is the mechanism).
 *
 * @code
 *   camp_posix_t net;
 *   if (camp_posix_connect(&net, "127.0.0.1", 8080, 5000, 250) == CAMP_OK) {
 *       camp_transport_t t = camp_posix_transport(&net);
 *       ... camp_http_exchange(&t, ...) ...
 *       camp_posix_close(&net);
 *   }
 * @endcode
 */
#ifndef CAMP_POSIX_H
#define CAMP_POSIX_H

#include <stddef.h>
#include <stdint.h>

#include "camp/camp_status.h"
#include "camp/camp_transport.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default wait inside one send/recv before it returns 0, in ms. */
#define CAMP_POSIX_IO_TIMEOUT_MS 250u

/* ---- fd layer (shared with port/mbedtls) ---------------------------------- */

/**
 * @brief Resolve @p host (getaddrinfo, IPv4 and IPv6) and connect a
 * non-blocking TCP socket to the first address that answers within the time left.
 * @param[in]  host       host name or numeric address.
 * @param[in]  port       TCP port (1..65535).
 * @param[in]  timeout_ms overall budget: name resolution and every address together.
 * @param[out] fd         connected socket (non-blocking, TCP_NODELAY, no SIGPIPE);
 *                        -1 on failure.
 * @param[out] os_error   errno of the last failure, 0 when none. May be NULL.
 * @return CAMP_OK; CAMP_ERR_DNS (name not resolved); CAMP_ERR_TIMEOUT (the name
 *         was not resolved in time, or no address answered in time); CAMP_ERR_NET
 *         (refused, unreachable, ..., or no thread for the lookup); CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_posix_tcp_connect(const char *host, uint16_t port,
                                                    uint32_t timeout_ms, int *fd, int *os_error);

/**
 * @brief Send on a non-blocking socket, waiting up to @p timeout_ms for room.
 * @param[in] fd         connected socket.
 * @param[in] data       bytes to send (may be NULL when @p len is 0).
 * @param[in] len        their count (at most INT32_MAX are sent per call).
 * @param[in] timeout_ms longest wait for room in the socket buffer.
 * @return bytes sent (> 0); 0 when nothing could be sent in time;
 *         CAMP_NET_CLOSED when the peer is gone (EPIPE, ECONNRESET);
 *         CAMP_NET_ERROR on other errors.
 */
int32_t camp_posix_fd_send(int fd, const uint8_t *data, size_t len, uint32_t timeout_ms);

/**
 * @brief Receive from a non-blocking socket, waiting up to @p timeout_ms for data.
 * @param[in]  fd         connected socket.
 * @param[out] buf        where the bytes go.
 * @param[in]  cap        its size (> 0).
 * @param[in]  timeout_ms longest wait for data.
 * @return bytes received (> 0); 0 when nothing arrived in time;
 *         CAMP_NET_CLOSED on orderly close (or reset); CAMP_NET_ERROR otherwise.
 */
int32_t camp_posix_fd_recv(int fd, uint8_t *buf, size_t cap, uint32_t timeout_ms);

/** @brief Close a socket from camp_posix_tcp_connect(); -1 is ignored.
 *  @param[in] fd the socket. */
void camp_posix_tcp_close(int fd);

/* ---- clocks and randomness --------------------------------------------------- */

/** @brief Monotonic milliseconds (CLOCK_MONOTONIC).
 *  @return the clock, 0 if it cannot be read. */
uint64_t camp_posix_now_ms(void);

/** @brief camp_now_ms_fn-compatible wrapper of camp_posix_now_ms().
 *  @param[in] ctx unused.
 *  @return as camp_posix_now_ms(). */
uint64_t camp_posix_now_ms_cb(void *ctx);

/** @brief Wall clock: Unix seconds (CLOCK_REALTIME).
 *  @return the seconds, -1 if the clock cannot be read. */
int64_t camp_posix_wall_unix(void);

/** @brief Wall clock as a callback, e.g. for Retry-After dates.
 *  @param[in] ctx unused.
 *  @return as camp_posix_wall_unix(). */
int64_t camp_posix_wall_unix_cb(void *ctx);

/**
 * @brief 32 random bits from the OS (getrandom / /dev/urandom), for retry
 * jitter. Falls back to mixing the clocks if the OS source fails.
 * @param[in] ctx unused.
 * @return the random bits.
 */
uint32_t camp_posix_random_u32(void *ctx);

/** @brief Sleep @p ms milliseconds (nanosleep, restarted on EINTR).
 *  @param[in] ctx unused.
 *  @param[in] ms  the time to sleep. */
void camp_posix_sleep_ms(void *ctx, uint32_t ms);

/* ---- ready transport --------------------------------------------------------- */

struct camp_proxy; /* camp_proxy.h */

/** Caller-allocated state of one POSIX TCP connection. */
typedef struct camp_posix {
    int fd;                 /**< socket, -1 when closed */
    uint32_t io_timeout_ms; /**< longest wait inside one send/recv */
    int last_error;         /**< errno of the last failure (for messages), 0 if none */
    uint64_t
        deadline_ms; /**< no send/recv waits past this instant of camp_posix_now_ms() (0: none) */
    const struct camp_proxy *proxy; /**< NULL: direct; else camp_posix_open_until() tunnels
                                         through this HTTP proxy (kept by pointer) */
    int proxy_status; /**< HTTP status of the proxy's last CONNECT answer, 0 if none */
} camp_posix_t;

/**
 * @brief Put @p ctx in the closed state (fd -1, no deadline, no proxy) with the given wait per send/recv.
 * @param[out] ctx           state to fill.
 * @param[in]  io_timeout_ms wait per send/recv; 0 = CAMP_POSIX_IO_TIMEOUT_MS.
 */
void camp_posix_init(camp_posix_t *ctx, uint32_t io_timeout_ms);

/**
 * @brief camp_client_conn_t::open_until adapter: connect @p ctx (a closed
 * camp_posix_t: from camp_posix_init(), camp_posix_close() or all zeros) to
 * @p host : @p port, giving up
 * at @p deadline_ms (an instant of camp_posix_now_ms()); the deadline is kept
 * for later send/recv. Its io_timeout_ms and proxy are kept: with a proxy the
 * connection is a CONNECT tunnel through it (camp_proxy_tunnel(), same deadline).
 * @param[in,out] ctx         the camp_posix_t.
 * @param[in]     host        host name or IP literal to reach.
 * @param[in]     port        its TCP port.
 * @param[in]     deadline_ms instant of camp_posix_now_ms() after which connecting fails.
 * @return as camp_posix_tcp_connect(); CAMP_ERR_TIMEOUT when the deadline has
 *         already passed; CAMP_ERR_ARG for a NULL @p ctx; with a proxy, every
 *         status of camp_proxy_tunnel() (CAMP_ERR_PROXY: ctx->proxy_status).
 */
CAMP_NODISCARD camp_status_t camp_posix_open_until(void *ctx, const char *host, uint16_t port,
                                                   uint64_t deadline_ms);

/**
 * @brief camp_client_conn_t::set_deadline adapter: no later send/recv on
 * @p ctx (a camp_posix_t) waits past @p deadline_ms. 0 or UINT64_MAX: only
 * io_timeout_ms bounds a wait. NULL is ignored.
 * @param[in,out] ctx         the camp_posix_t.
 * @param[in]     deadline_ms the instant.
 */
void camp_posix_set_deadline(void *ctx, uint64_t deadline_ms);

/** @brief camp_client_conn_t::close adapter: camp_posix_close() on @p ctx.
 *  @param[in,out] ctx the camp_posix_t. */
void camp_posix_close_cb(void *ctx);

/**
 * @brief Connect @p ctx to @p host : @p port (no deadline for later send/recv).
 * @param[out] ctx           state to fill (fd is -1 on failure).
 * @param[in]  host          host name or IP literal.
 * @param[in]  port          TCP port.
 * @param[in]  connect_timeout_ms budget of the connect (all addresses together).
 * @param[in]  io_timeout_ms wait per send/recv; 0 = CAMP_POSIX_IO_TIMEOUT_MS.
 * @return as camp_posix_tcp_connect().
 */
CAMP_NODISCARD camp_status_t camp_posix_connect(camp_posix_t *ctx, const char *host, uint16_t port,
                                                uint32_t connect_timeout_ms,
                                                uint32_t io_timeout_ms);

/** @brief The transport over @p ctx (send, recv, monotonic now_ms).
 *  @param[in] ctx the connection, kept by pointer.
 *  @return the transport; its recv/send wait at most io_timeout_ms, never past deadline_ms. */
camp_transport_t camp_posix_transport(camp_posix_t *ctx);

/** @brief Close the connection (safe to call twice).
 *  @param[in,out] ctx the connection; NULL is ignored. */
void camp_posix_close(camp_posix_t *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_POSIX_H */
