/* The fake lwIP behind tests/scripts/porting.sh: one socket, a scripted peer and a
 * clock that advances only when the stack "waits" (a receive or send timeout), so
 * deadlines are tested without sleeping. */
#include "fake_lwip.h"

#include <string.h>

fake_lwip_t fake;

void fake_reset(fake_mode_t mode, const char *response, size_t cut_at)
{
    uint32_t clock = fake.clock;
    memset(&fake, 0, sizeof fake);
    fake.clock = clock;
    fake.mode = mode;
    fake.response = response;
    fake.response_len = strlen(response);
    fake.cut_at = cut_at;
    fake.fd = -1;
}

uint32_t sys_now(void)
{
    return fake.clock;
}

uint16_t lwip_htons(uint16_t x)
{
    return (uint16_t)(((x & 0xffu) << 8) | (x >> 8));
}

int lwip_socket(int domain, int type, int protocol)
{
    if (domain != AF_INET || type != SOCK_STREAM || protocol != IPPROTO_TCP) {
        errno = EINVAL;
        return -1;
    }
    fake.fd = 3;
    return fake.fd;
}

int lwip_setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen)
{
    if (s != fake.fd) {
        errno = EBADF;
        return -1;
    }
    if (level == SOL_SOCKET && (optname == SO_RCVTIMEO || optname == SO_SNDTIMEO) &&
        optlen == sizeof(struct timeval)) {
        const struct timeval *tv = (const struct timeval *)optval;
        long ms = tv->tv_sec * 1000 + tv->tv_usec / 1000;
        if (optname == SO_RCVTIMEO) {
            fake.rcvtimeo_ms = ms;
        } else {
            fake.sndtimeo_ms = ms;
        }
        return 0;
    }
    if (level == IPPROTO_TCP && optname == TCP_NODELAY && optlen == sizeof(int)) {
        fake.nodelay = *(const int *)optval;
        return 0;
    }
    errno = ENOPROTOOPT;
    return -1;
}

int lwip_connect(int s, const struct sockaddr *name, socklen_t namelen)
{
    const struct sockaddr_in *sa = (const struct sockaddr_in *)(const void *)name;
    if (s != fake.fd || namelen != sizeof *sa || sa->sin_family != AF_INET) {
        errno = EINVAL;
        return -1;
    }
    fake.port_be = sa->sin_port;
    fake.addr_be = sa->sin_addr.s_addr;
    fake.connected = 1;
    return 0;
}

/* A timeout of the stack: the call waited its slice and nothing moved. */
static ssize_t timed_out(long slice_ms)
{
    fake.clock += (uint32_t)(slice_ms > 0 ? slice_ms : 1);
    errno = EWOULDBLOCK;
    return -1;
}

ssize_t lwip_send(int s, const void *dataptr, size_t size, int flags)
{
    size_t n = size < 7 ? size : 7; /* a small send window: partial writes */
    (void)flags;
    fake.send_calls++;
    if (s != fake.fd || !fake.connected) {
        errno = ENOTCONN;
        return -1;
    }
    if (fake.send_calls % 3 == 0) {
        return timed_out(fake.sndtimeo_ms); /* the window is full for a while */
    }
    if (fake.sent_len + n > sizeof fake.sent) {
        errno = ENOBUFS;
        return -1;
    }
    memcpy(fake.sent + fake.sent_len, dataptr, n);
    fake.sent_len += n;
    fake.clock += 1;
    return (ssize_t)n;
}

ssize_t lwip_recv(int s, void *mem, size_t len, int flags)
{
    (void)flags;
    fake.recv_calls++;
    if (s != fake.fd || !fake.connected) {
        errno = ENOTCONN;
        return -1;
    }
    if (fake.mode == FAKE_STALL || fake.recv_calls % 2 == 1) {
        return timed_out(fake.rcvtimeo_ms); /* nothing yet: the peer is slow */
    }
    if (fake.mode != FAKE_NORMAL && fake.response_pos >= fake.cut_at) {
        if (fake.mode == FAKE_RESET) {
            errno = ECONNRESET;
            return -1;
        }
        return 0; /* FAKE_CLOSE: FIN */
    }
    if (fake.response_pos >= fake.response_len) {
        return 0;
    }
    if (len == 0) {
        return 0;
    }
    ((char *)mem)[0] = fake.response[fake.response_pos++]; /* one byte at a time */
    fake.clock += 1;
    return 1;
}

int lwip_close(int s)
{
    if (s != fake.fd) {
        errno = EBADF;
        return -1;
    }
    fake.closed++;
    fake.fd = -1;
    fake.connected = 0;
    return 0;
}
