/* Runs the lwIP transport of docs/porting.md (extracted to lwip_transport.c by
 * tests/scripts/porting.sh) through libcamp's HTTP layer against the fake lwIP:
 * a full exchange one byte at a time with partial writes and timeouts, a stalled
 * peer (deadline), a reset and an early close, and the widened 32-bit clock. */
#include <stdio.h>
#include <string.h>

#include "lwip_transport.c"

#include "fake_lwip.h"

static int passed, failed;

static void check(int ok, const char *what)
{
    printf("%s - %s\n", ok ? "ok" : "FAIL", what);
    if (ok) {
        passed++;
    } else {
        failed++;
    }
}

static const char ok_response[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: 16\r\n\r\n{\"success\":true}";

/* One GET through the transport; returns the status of camp_http_exchange(). */
static camp_status_t get(const camp_transport_t *t, uint32_t timeout_ms, camp_http_response_t *rs,
                         char *head, size_t *head_len)
{
    static uint8_t buf[1024];
    camp_http_request_t rq;
    camp_diag_t diag;
    camp_http_request_init(&rq, CAMP_HTTP_GET, "api.example.com", "/api/v1/campaigns/c1");
    if (camp_http_write_request(&rq, head, 512, head_len, &diag) != CAMP_OK) {
        return CAMP_ERR_ARG;
    }
    return camp_http_exchange(t, (const uint8_t *)head, *head_len, NULL, 0, false, buf, sizeof buf,
                              timeout_ms, rs, &diag);
}

int main(void)
{
    lwip_conn_t conn;
    camp_transport_t t;
    camp_http_response_t rs;
    char head[512];
    size_t head_len = 0;
    camp_status_t st;
    uint32_t start;
    uint64_t a, b;

    /* Connect: socket options and address as the guide says. */
    fake_reset(FAKE_NORMAL, ok_response, 0);
    st = lwip_conn_open(&conn, 0x0100007fu, 443, &t);
    check(st == CAMP_OK && fake.connected && fake.port_be == lwip_htons(443) &&
              fake.addr_be == 0x0100007fu,
          "lwip_conn_open connects to the address and port given");
    check(fake.rcvtimeo_ms == LWIP_CONN_SLICE_MS && fake.sndtimeo_ms == LWIP_CONN_SLICE_MS &&
              fake.nodelay == 1,
          "receive and send waits are bounded (SO_RCVTIMEO, SO_SNDTIMEO), TCP_NODELAY set");

    /* A whole exchange: 7-byte writes, a full window now and then, one byte per read. */
    st = get(&t, 10000, &rs, head, &head_len);
    check(st == CAMP_OK && rs.status == 200 && rs.body_len == 16 &&
              strcmp(rs.body, "{\"success\":true}") == 0,
          "GET over the transport: 200 and the body, read one byte at a time");
    check(fake.sent_len == head_len && memcmp(fake.sent, head, head_len) == 0,
          "the request head went out whole through partial writes and full windows");
    lwip_conn_close(&conn);
    check(fake.closed == 1 && conn.fd == -1, "lwip_conn_close closes the socket once");

    /* A peer that never answers: the request deadline ends the call. */
    fake_reset(FAKE_STALL, ok_response, 0);
    (void)lwip_conn_open(&conn, 0x0100007fu, 443, &t);
    start = fake.clock;
    st = get(&t, 1000, &rs, head, &head_len);
    check(st == CAMP_ERR_TIMEOUT, "a stalled peer: CAMP_ERR_TIMEOUT");
    check(fake.clock - start >= 1000 && fake.clock - start <= 1000 + 2 * LWIP_CONN_SLICE_MS,
          "the stall ends within one receive slice of the deadline");
    lwip_conn_close(&conn);

    /* A reset in the middle of the headers, then an orderly close there. */
    fake_reset(FAKE_RESET, ok_response, 20);
    (void)lwip_conn_open(&conn, 0x0100007fu, 443, &t);
    st = get(&t, 10000, &rs, head, &head_len);
    check(st == CAMP_ERR_NET, "a reset mid-header: CAMP_ERR_NET");
    lwip_conn_close(&conn);
    fake_reset(FAKE_CLOSE, ok_response, 20);
    (void)lwip_conn_open(&conn, 0x0100007fu, 443, &t);
    st = get(&t, 10000, &rs, head, &head_len);
    check(st == CAMP_ERR_NET_CLOSED, "a close mid-header: CAMP_ERR_NET_CLOSED");
    lwip_conn_close(&conn);

    /* sys_now() wraps after 49.7 days; now_ms keeps counting. */
    fake.clock = 0xfffffff0u;
    fake_reset(FAKE_NORMAL, ok_response, 0);
    (void)lwip_conn_open(&conn, 0x0100007fu, 443, &t);
    a = t.now_ms(t.ctx);
    fake.clock = 0x10u;
    b = t.now_ms(t.ctx);
    check(a == 0xfffffff0u && b == a + 0x20u, "now_ms stays monotonic across the sys_now() wrap");
    lwip_conn_close(&conn);

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
