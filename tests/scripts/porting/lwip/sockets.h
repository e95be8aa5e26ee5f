/* A fake of lwIP's socket API (lwip/sockets.h), just large enough to compile and
 * drive the transport of docs/porting.md on the host. The names, argument types and
 * errno conventions follow lwIP 2.x with LWIP_SO_RCVTIMEO and LWIP_SO_SNDTIMEO. */
#ifndef FAKE_LWIP_SOCKETS_H
#define FAKE_LWIP_SOCKETS_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef uint32_t socklen_t;

struct in_addr {
    uint32_t s_addr;
};
struct sockaddr {
    uint8_t sa_len;
    uint8_t sa_family;
    char sa_data[14];
};
struct sockaddr_in {
    uint8_t sin_len;
    uint8_t sin_family;
    uint16_t sin_port;
    struct in_addr sin_addr;
    char sin_zero[8];
};
struct timeval {
    long tv_sec;
    long tv_usec;
};

#define AF_INET 2
#define SOCK_STREAM 1
#define IPPROTO_TCP 6
#define SOL_SOCKET 0xfff
#define SO_SNDTIMEO 0x1005
#define SO_RCVTIMEO 0x1006
#define TCP_NODELAY 0x01

int lwip_socket(int domain, int type, int protocol);
int lwip_setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen);
int lwip_connect(int s, const struct sockaddr *name, socklen_t namelen);
ssize_t lwip_send(int s, const void *dataptr, size_t size, int flags);
ssize_t lwip_recv(int s, void *mem, size_t len, int flags);
int lwip_close(int s);
uint16_t lwip_htons(uint16_t x);

#endif
