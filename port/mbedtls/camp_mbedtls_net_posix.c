/* Socket glue of the mbedTLS transport on POSIX, built on the POSIX port's fd
 * layer (port/posix/camp_posix.h: getaddrinfo, non-blocking connect, poll,
 * TCP_NODELAY, no SIGPIPE). Replace this file (keeping camp_mbedtls_net.h) to
 * run the TLS port over lwIP, an RTOS socket API or a modem. Every wait is
 * bounded by net->deadline_ms on the configured clock. */
#include "camp_mbedtls_net.h"

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>

#include "../posix/camp_posix.h"
#include "../posix/camp_proxy.h"

uint64_t camp_mbedtls_net_now_ms(void *ctx)
{
    (void)ctx;
    return camp_posix_now_ms();
}

void camp_mbedtls_net_init(camp_mbedtls_net_t *net, camp_now_ms_fn now_ms, void *now_ctx)
{
    net->fd = -1;
    net->deadline_ms = 0;
    net->now_ms = now_ms != NULL ? now_ms : camp_mbedtls_net_now_ms;
    net->now_ctx = now_ctx;
}

/* Milliseconds left before the deadline (0 when it has passed). */
static uint32_t remaining_ms(const camp_mbedtls_net_t *net)
{
    uint64_t now = net->now_ms(net->now_ctx);
    uint64_t left;
    if (now >= net->deadline_ms) {
        return 0;
    }
    left = net->deadline_ms - now;
    return left > 0x7fffffffu ? 0x7fffffffu : (uint32_t)left;
}

camp_status_t camp_mbedtls_net_connect(camp_mbedtls_net_t *net, const char *host, uint16_t port,
                                       uint64_t deadline_ms)
{
    uint32_t budget;
    if (net == NULL || host == NULL || host[0] == '\0' || port == 0) {
        return CAMP_ERR_ARG;
    }
    camp_mbedtls_net_close(net);
    net->deadline_ms = deadline_ms;
    budget = remaining_ms(net);
    if (budget == 0) {
        return CAMP_ERR_TIMEOUT;
    }
    /* the budget covers the name lookup too (camp_posix_tcp_connect()) */
    return camp_posix_tcp_connect(host, port, budget, &net->fd, NULL);
}

camp_status_t camp_mbedtls_net_connect_proxy(camp_mbedtls_net_t *net,
                                             const struct camp_proxy *proxy, const char *host,
                                             uint16_t port, uint64_t deadline_ms, int *proxy_status)
{
    if (proxy_status != NULL) {
        *proxy_status = 0;
    }
    if (net == NULL || proxy == NULL || host == NULL || host[0] == '\0' || port == 0) {
        return CAMP_ERR_ARG;
    }
    camp_mbedtls_net_close(net);
    net->deadline_ms = deadline_ms;
    /* camp_proxy_tunnel's deadline is on camp_posix_now_ms(): convert from this clock */
    {
        uint32_t budget = remaining_ms(net);
        if (budget == 0) {
            return CAMP_ERR_TIMEOUT;
        }
        return camp_proxy_tunnel(proxy, host, port, camp_posix_now_ms() + budget, &net->fd,
                                 proxy_status);
    }
}

int camp_mbedtls_net_send(void *ctx, const unsigned char *buf, size_t len)
{
    camp_mbedtls_net_t *net = (camp_mbedtls_net_t *)ctx;
    int32_t n;
    if (net == NULL || net->fd < 0) {
        return MBEDTLS_ERR_NET_INVALID_CONTEXT;
    }
    n = camp_posix_fd_send(net->fd, buf, len, remaining_ms(net));
    if (n > 0) {
        return (int)n;
    }
    if (n == 0) {
        return MBEDTLS_ERR_SSL_WANT_WRITE; /* full until the deadline */
    }
    return n == CAMP_NET_CLOSED ? MBEDTLS_ERR_NET_CONN_RESET : MBEDTLS_ERR_NET_SEND_FAILED;
}

int camp_mbedtls_net_recv(void *ctx, unsigned char *buf, size_t len)
{
    camp_mbedtls_net_t *net = (camp_mbedtls_net_t *)ctx;
    int32_t n;
    if (net == NULL || net->fd < 0) {
        return MBEDTLS_ERR_NET_INVALID_CONTEXT;
    }
    n = camp_posix_fd_recv(net->fd, buf, len, remaining_ms(net));
    if (n > 0) {
        return (int)n;
    }
    if (n == 0) {
        return MBEDTLS_ERR_SSL_WANT_READ; /* nothing before the deadline */
    }
    /* End of stream (or reset): mbedTLS turns 0 into MBEDTLS_ERR_SSL_CONN_EOF. */
    return n == CAMP_NET_CLOSED ? 0 : MBEDTLS_ERR_NET_RECV_FAILED;
}

void camp_mbedtls_net_close(camp_mbedtls_net_t *net)
{
    if (net != NULL && net->fd >= 0) {
        camp_posix_tcp_close(net->fd);
        net->fd = -1;
    }
}
