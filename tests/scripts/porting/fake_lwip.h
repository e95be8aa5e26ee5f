/* State of the fake lwIP (fake_lwip.c), read and set by the driver. */
#ifndef FAKE_LWIP_H
#define FAKE_LWIP_H

#include "lwip/sockets.h"
#include "lwip/sys.h"

typedef enum {
    FAKE_NORMAL, /* the whole response, one byte per recv, a timeout before each */
    FAKE_STALL,  /* connected, then nothing ever arrives */
    FAKE_RESET,  /* connection reset after cut_at bytes */
    FAKE_CLOSE   /* orderly close (FIN) after cut_at bytes */
} fake_mode_t;

typedef struct {
    uint32_t clock; /* sys_now() */
    fake_mode_t mode;
    const char *response;
    size_t response_len, response_pos, cut_at;
    char sent[4096];
    size_t sent_len;
    int fd, connected, closed, nodelay, send_calls, recv_calls;
    long rcvtimeo_ms, sndtimeo_ms;
    uint16_t port_be;
    uint32_t addr_be;
} fake_lwip_t;

extern fake_lwip_t fake;
void fake_reset(fake_mode_t mode, const char *response, size_t cut_at);

#endif
