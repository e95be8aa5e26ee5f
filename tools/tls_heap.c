/* Heap used by one HTTPS request through port/mbedtls (glibc hosts only).
 *
 *   tls_heap CA_FILE HOST PORT PATH TOKEN [MFL_CODE]
 *
 * Counts every byte the process holds on the heap by interposing malloc,
 * calloc, realloc and free (Debian's mbedTLS is built without
 * MBEDTLS_PLATFORM_MEMORY, so mbedtls_platform_set_calloc_free is not
 * available; interposition sees the same calls). Sizes are the allocator's
 * usable sizes, a few bytes above what was asked. Prints, in bytes:
 *   init      held after camp_mbedtls_tls_init (CA chain, DRBG, config)
 *   full      peak during connect + full handshake + request + close
 *   resumed   peak during the same with a resumed session
 *   idle      held between two requests (after close)
 *   freed     held after camp_mbedtls_tls_free: the C library's resolver state
 *             only (valgrind, which makes libc free it at exit, sees no leak)
 * tools/tls_heap.sh runs it against the mock API and also under massif.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/version.h>

#include "mbedtls/camp_mbedtls_tls.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t m);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static size_t live_bytes;
static size_t peak_bytes;

static void count_add(void *p)
{
    if (p != NULL) {
        live_bytes += malloc_usable_size(p);
        if (live_bytes > peak_bytes) {
            peak_bytes = live_bytes;
        }
    }
}

static void count_sub(void *p)
{
    if (p != NULL) {
        size_t n = malloc_usable_size(p);
        live_bytes = n > live_bytes ? 0 : live_bytes - n;
    }
}

void *malloc(size_t n)
{
    void *p = __libc_malloc(n);
    count_add(p);
    return p;
}

void *calloc(size_t n, size_t m)
{
    void *p = __libc_calloc(n, m);
    count_add(p);
    return p;
}

void *realloc(void *p, size_t n)
{
    void *q;
    size_t old = p != NULL ? malloc_usable_size(p) : 0;
    q = __libc_realloc(p, n);
    if (q != NULL || n == 0) {
        live_bytes = old > live_bytes ? 0 : live_bytes - old;
        count_add(q);
    }
    return q;
}

void free(void *p)
{
    count_sub(p);
    __libc_free(p);
}

static char protocol[16];

static int one_request(camp_mbedtls_tls_t *tls, const char *host, uint16_t port, const char *path,
                       const char *token, size_t *response_len)
{
    static char req[1024];
    static uint8_t resp[16384];
    camp_transport_t t;
    size_t sent = 0, got = 0;
    uint64_t deadline;
    int n = snprintf(
        req, sizeof req,
        "GET %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nAccept: application/json\r\n"
        "Connection: close\r\n\r\n",
        path, host, token);
    if (n <= 0 || (size_t)n >= sizeof req) {
        return -1;
    }
    if (camp_mbedtls_tls_connect(tls, host, port) != CAMP_OK) {
        fprintf(stderr, "tls_heap: connect: %s\n", camp_mbedtls_tls_reason(tls));
        return -1;
    }
    snprintf(protocol, sizeof protocol, "%s", camp_mbedtls_tls_protocol(tls));
    t = camp_mbedtls_tls_transport(tls);
    deadline = t.now_ms(t.ctx) + 10000;
    while (sent < (size_t)n && t.now_ms(t.ctx) < deadline) {
        int32_t r = t.send(t.ctx, (const uint8_t *)req + sent, (size_t)n - sent);
        if (r < 0) {
            return -1;
        }
        sent += (size_t)r;
    }
    while (t.now_ms(t.ctx) < deadline && got < sizeof resp) {
        int32_t r = t.recv(t.ctx, resp + got, sizeof resp - got);
        if (r == CAMP_NET_CLOSED || r == CAMP_NET_TRUNCATED) {
            break; /* the response has a Content-Length: checked by its status line only */
        }
        if (r < 0) {
            return -1;
        }
        got += (size_t)r;
    }
    camp_mbedtls_tls_close(tls);
    *response_len = got;
    return (got > 12 && memcmp(resp, "HTTP/1.1 200", 12) == 0) ? 0 : -1;
}

int main(int argc, char **argv)
{
    static camp_mbedtls_tls_t tls; /* static: the context itself is not heap */
    camp_mbedtls_tls_config_t cfg;
    size_t base, init, full, resumed, idle, freed, len = 0;
    uint16_t port;

    if (argc < 6) {
        fprintf(stderr, "usage: tls_heap CA_FILE HOST PORT PATH TOKEN [MFL_CODE]\n");
        return 2;
    }
    port = (uint16_t)atoi(argv[3]);
    camp_mbedtls_tls_config_init(&cfg);
    cfg.ca_file = argv[1];
    if (argc > 6) {
        cfg.max_fragment_len = (uint8_t)atoi(argv[6]);
    }
    base = live_bytes;
    if (camp_mbedtls_tls_init(&tls, &cfg) != CAMP_OK) {
        fprintf(stderr, "tls_heap: init: %s\n", camp_mbedtls_tls_reason(&tls));
        return 1;
    }
    init = live_bytes - base;

    peak_bytes = live_bytes;
    if (one_request(&tls, argv[2], port, argv[4], argv[5], &len) != 0) {
        fprintf(stderr, "tls_heap: first request failed\n");
        return 1;
    }
    full = peak_bytes - base;
    idle = live_bytes - base;

    peak_bytes = live_bytes;
    if (one_request(&tls, argv[2], port, argv[4], argv[5], &len) != 0) {
        fprintf(stderr, "tls_heap: second request failed\n");
        return 1;
    }
    resumed = peak_bytes - base;
    if (!camp_mbedtls_tls_resumed(&tls)) {
        fprintf(stderr, "tls_heap: warning: second handshake was not resumed\n");
    }
    camp_mbedtls_tls_free(&tls);
    freed = live_bytes > base ? live_bytes - base : 0;
    printf("mbedTLS %s, %s\n", MBEDTLS_VERSION_STRING, protocol);
    printf("response %zu bytes\ninit %zu\nfull %zu\nresumed %zu\nidle %zu\nfreed %zu\nsizeof %zu\n",
           len, init, full, resumed, idle, freed, sizeof(camp_mbedtls_tls_t));
    return 0;
}
