/* Socket glue of the mbedTLS transport on POSIX sockets. Replace this file
 * (keeping camp_mbedtls_net.h) to run the TLS port over lwIP, an RTOS socket
 * API or a modem. Every wait is a poll() bounded by net->deadline_ms. */
#include "camp_mbedtls_net.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* platforms without it use SO_NOSIGPIPE below */
#endif

uint64_t camp_mbedtls_net_now_ms(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void camp_mbedtls_net_init(camp_mbedtls_net_t *net, camp_now_ms_fn now_ms, void *now_ctx)
{
    net->fd = -1;
    net->deadline_ms = 0;
    net->now_ms = now_ms != NULL ? now_ms : camp_mbedtls_net_now_ms;
    net->now_ctx = now_ctx;
}

/* Milliseconds left before the deadline, as a poll() timeout. */
static int remaining_ms(const camp_mbedtls_net_t *net)
{
    uint64_t now = net->now_ms(net->now_ctx);
    uint64_t left;
    if (now >= net->deadline_ms) {
        return 0;
    }
    left = net->deadline_ms - now;
    return left > 60000u ? 60000 : (int)left; /* poll again after a minute at most */
}

/* Wait for @p events until the deadline; 1 ready, 0 timed out, -1 error. */
static int wait_fd(const camp_mbedtls_net_t *net, short events)
{
    int guard;
    /* Bounded: each round either returns or sleeps until the deadline (EINTR retries). */
    for (guard = 0; guard < 1000; guard++) {
        struct pollfd p;
        int r;
        p.fd = net->fd;
        p.events = events;
        p.revents = 0;
        r = poll(&p, 1, remaining_ms(net));
        if (r > 0) {
            return 1; /* readable, writable, or an error/hangup the next call reports */
        }
        if (r == 0) {
            if (remaining_ms(net) == 0) {
                return 0;
            }
            continue; /* the minute cap in remaining_ms() expired, deadline not yet */
        }
        if (errno != EINTR) {
            return -1;
        }
    }
    return 0;
}

static int set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) {
        return -1;
    }
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

/* One non-blocking connect attempt; CAMP_OK leaves net->fd open. */
static camp_status_t connect_one(camp_mbedtls_net_t *net, const struct addrinfo *ai)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    int one = 1;
    int soerr = 0;
    socklen_t slen = sizeof soerr;
    if (fd < 0) {
        return CAMP_ERR_NET;
    }
    if (set_nonblocking(fd) != 0) {
        close(fd);
        return CAMP_ERR_NET;
    }
#ifdef SO_NOSIGPIPE
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
    /* Small HTTP requests: send them now, not after Nagle's delay. */
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    net->fd = fd;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
        return CAMP_OK;
    }
    if (errno != EINPROGRESS && errno != EINTR) {
        camp_mbedtls_net_close(net);
        return CAMP_ERR_NET;
    }
    switch (wait_fd(net, POLLOUT)) {
    case 1:
        break;
    case 0:
        camp_mbedtls_net_close(net);
        return CAMP_ERR_TIMEOUT;
    default:
        camp_mbedtls_net_close(net);
        return CAMP_ERR_NET;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &slen) != 0 || soerr != 0) {
        camp_mbedtls_net_close(net);
        return CAMP_ERR_NET;
    }
    return CAMP_OK;
}

camp_status_t camp_mbedtls_net_connect(camp_mbedtls_net_t *net, const char *host, uint16_t port,
                                       uint64_t deadline_ms)
{
    struct addrinfo hints;
    struct addrinfo *list = NULL;
    const struct addrinfo *ai;
    char service[8];
    camp_status_t st = CAMP_ERR_NET;
    unsigned tries = 0;

    if (net == NULL || host == NULL || host[0] == '\0' || port == 0) {
        return CAMP_ERR_ARG;
    }
    camp_mbedtls_net_close(net);
    net->deadline_ms = deadline_ms;
    (void)snprintf(service, sizeof service, "%u", (unsigned)port);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    hints.ai_flags = AI_NUMERICSERV | AI_ADDRCONFIG;
    /* getaddrinfo has no timeout of its own; the resolver's limits apply. */
    if (getaddrinfo(host, service, &hints, &list) != 0 || list == NULL) {
        return CAMP_ERR_DNS;
    }
    for (ai = list; ai != NULL && tries < 16; ai = ai->ai_next, tries++) {
        if (remaining_ms(net) == 0) {
            st = CAMP_ERR_TIMEOUT;
            break;
        }
        st = connect_one(net, ai);
        if (st == CAMP_OK) {
            break;
        }
    }
    freeaddrinfo(list);
    return st;
}

int camp_mbedtls_net_send(void *ctx, const unsigned char *buf, size_t len)
{
    camp_mbedtls_net_t *net = (camp_mbedtls_net_t *)ctx;
    int round;
    if (net == NULL || net->fd < 0) {
        return MBEDTLS_ERR_NET_INVALID_CONTEXT;
    }
    for (round = 0; round < 2; round++) {
        ssize_t n = send(net->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            return n > 0x7fffffff ? 0x7fffffff : (int)n;
        }
        if (n < 0 && errno == EPIPE) {
            return MBEDTLS_ERR_NET_CONN_RESET;
        }
        if (n < 0 && errno == ECONNRESET) {
            return MBEDTLS_ERR_NET_CONN_RESET;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return MBEDTLS_ERR_NET_SEND_FAILED;
        }
        if (round == 0 && wait_fd(net, POLLOUT) < 0) {
            return MBEDTLS_ERR_NET_SEND_FAILED;
        }
    }
    return MBEDTLS_ERR_SSL_WANT_WRITE;
}

int camp_mbedtls_net_recv(void *ctx, unsigned char *buf, size_t len)
{
    camp_mbedtls_net_t *net = (camp_mbedtls_net_t *)ctx;
    ssize_t n;
    int w;
    if (net == NULL || net->fd < 0) {
        return MBEDTLS_ERR_NET_INVALID_CONTEXT;
    }
    w = wait_fd(net, POLLIN);
    if (w == 0) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    if (w < 0) {
        return MBEDTLS_ERR_NET_RECV_FAILED;
    }
    n = recv(net->fd, buf, len, MSG_DONTWAIT);
    if (n > 0) {
        return n > 0x7fffffff ? 0x7fffffff : (int)n;
    }
    if (n == 0) {
        return 0; /* end of stream; mbedTLS reports MBEDTLS_ERR_SSL_CONN_EOF */
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    if (errno == ECONNRESET || errno == EPIPE) {
        return MBEDTLS_ERR_NET_CONN_RESET;
    }
    return MBEDTLS_ERR_NET_RECV_FAILED;
}

void camp_mbedtls_net_close(camp_mbedtls_net_t *net)
{
    if (net != NULL && net->fd >= 0) {
        (void)close(net->fd);
        net->fd = -1;
    }
}
