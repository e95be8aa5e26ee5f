/**
 * @file camp_mbedtls_net.h
 * @brief Socket glue under the mbedTLS transport (the "BIO").
 *
 * camp_mbedtls_tls.c never touches a socket: it moves TLS records through the
 * functions declared here. camp_mbedtls_net_posix.c implements them on the
 * POSIX port's fd layer (port/posix/camp_posix.h: getaddrinfo, non-blocking
 * connect, poll; link libcamp_posix.a after libcamp_mbedtls.a). A firmware build that uses
 * lwIP, an RTOS socket API or a modem AT channel replaces that one file with
 * its own implementation of these functions and keeps camp_mbedtls_tls.c as is.
 *
 * Waiting is bounded by camp_mbedtls_net_t::deadline_ms, which the TLS layer
 * sets before every mbedTLS call from the clock it was given: a send or recv
 * waits at most until then and returns MBEDTLS_ERR_SSL_WANT_WRITE /
 * MBEDTLS_ERR_SSL_WANT_READ instead of blocking longer.
 */
#ifndef CAMP_MBEDTLS_NET_H
#define CAMP_MBEDTLS_NET_H

#include <stddef.h>
#include <stdint.h>

#include "camp/camp_status.h"
#include "camp/camp_transport.h"

#ifdef __cplusplus
extern "C" {
#endif

/** State of one connection of the socket glue. Caller-allocated (inside camp_mbedtls_tls_t). */
typedef struct camp_mbedtls_net {
    int fd;                /**< socket descriptor, -1 when closed */
    uint64_t deadline_ms;  /**< send/recv never wait past this instant of now_ms() */
    camp_now_ms_fn now_ms; /**< monotonic clock used for deadline_ms */
    void *now_ctx;         /**< handed to now_ms */
} camp_mbedtls_net_t;

/**
 * @brief Put @p net in the closed state (fd -1), with the given clock.
 * @param[out] net     the glue state.
 * @param[in]  now_ms  monotonic clock; NULL selects camp_mbedtls_net_now_ms().
 * @param[in]  now_ctx handed to @p now_ms.
 */
void camp_mbedtls_net_init(camp_mbedtls_net_t *net, camp_now_ms_fn now_ms, void *now_ctx);

/**
 * @brief Resolve @p host and open a TCP connection to it, trying each address
 * until one answers, never waiting past @p deadline_ms (an instant of the clock).
 *
 * @param[in,out] net         closed glue state; open on success.
 * @param[in]     host        host name or IP literal, NUL-terminated.
 * @param[in]     port        TCP port (1..65535).
 * @param[in]     deadline_ms instant (of net's clock) after which connecting fails.
 * @return CAMP_OK; CAMP_ERR_ARG (NULL, empty host, port 0); CAMP_ERR_DNS (no
 *         address); CAMP_ERR_TIMEOUT (no address answered before the deadline);
 *         CAMP_ERR_NET (refused, unreachable, socket error).
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_net_connect(camp_mbedtls_net_t *net, const char *host,
                                                      uint16_t port, uint64_t deadline_ms);

struct camp_proxy; /* port/posix/camp_proxy.h */

/**
 * @brief As camp_mbedtls_net_connect(), through an HTTP proxy: connect to the
 * proxy and open a CONNECT tunnel to @p host : @p port, all before
 * @p deadline_ms. A replacement glue without proxy support returns
 * CAMP_ERR_UNSUPPORTED.
 *
 * @param[in,out] net          closed glue state; open (tunnelled) on success.
 * @param[in]     proxy        the proxy.
 * @param[in]     host         the API host (the tunnel's target).
 * @param[in]     port         its port.
 * @param[in]     deadline_ms  instant after which connecting fails.
 * @param[out]    proxy_status the proxy's HTTP status, 0 when none. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG; CAMP_ERR_DNS / CAMP_ERR_NET (proxy not
 *         reached); CAMP_ERR_TIMEOUT; CAMP_ERR_PROXY (refused, e.g. 407, or a
 *         broken answer); CAMP_ERR_UNSUPPORTED.
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_net_connect_proxy(camp_mbedtls_net_t *net,
                                                            const struct camp_proxy *proxy,
                                                            const char *host, uint16_t port,
                                                            uint64_t deadline_ms,
                                                            int *proxy_status);

/**
 * @brief mbedTLS send callback (`mbedtls_ssl_send_t`): @p ctx is a camp_mbedtls_net_t.
 * @param[in,out] ctx the glue state.
 * @param[in]     buf bytes to send.
 * @param[in]     len their count.
 * @return bytes written (> 0), MBEDTLS_ERR_SSL_WANT_WRITE when the socket stayed
 *         full until the deadline, MBEDTLS_ERR_NET_CONN_RESET when the peer is
 *         gone, MBEDTLS_ERR_NET_SEND_FAILED otherwise.
 */
int camp_mbedtls_net_send(void *ctx, const unsigned char *buf, size_t len);

/**
 * @brief mbedTLS receive callback (`mbedtls_ssl_recv_t`): @p ctx is a camp_mbedtls_net_t.
 * @param[in,out] ctx the glue state.
 * @param[out]    buf where the bytes go.
 * @param[in]     len its size.
 * @return bytes read (> 0), 0 at end of stream, MBEDTLS_ERR_SSL_WANT_READ when
 *         nothing arrived before the deadline, MBEDTLS_ERR_NET_CONN_RESET,
 *         MBEDTLS_ERR_NET_RECV_FAILED.
 */
int camp_mbedtls_net_recv(void *ctx, unsigned char *buf, size_t len);

/** @brief Close the socket if open (idempotent).
 *  @param[in,out] net the glue state; NULL is ignored. */
void camp_mbedtls_net_close(camp_mbedtls_net_t *net);

/** @brief Default monotonic clock in milliseconds (CLOCK_MONOTONIC on POSIX).
 *  @param[in] ctx unused.
 *  @return the clock. */
uint64_t camp_mbedtls_net_now_ms(void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_MBEDTLS_NET_H */
