/* One deadline per request, on the fake transport and its fake clock (no
 * sleeping, no wall-clock dependence; every now_ms() read advances it by
 * 1 ms, so bounds allow SLACK ms for the clock reads themselves): connecting, the TLS handshake (inside
 * conn.open_until) and the exchange share timeout_ms; max_total_ms caps the
 * whole call; a retry starts only when a whole attempt still fits. Also the
 * HTTP layer's handling of a close without close_notify (CAMP_NET_TRUNCATED). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_client.h"
#include "camp/camp_http.h"
#include "fake_transport.h"

#define ID "usdjpdql3f90seqk13rwuo7z"
#define SLACK 3

static fake_transport_t g_fake;
static uint8_t g_work[16384];
static camp_json_token_t g_toks[1024];
static camp_client_t g_c;

/* What the hooks saw, and how long a "connect + handshake" takes. */
static uint64_t g_open_cost_ms;
static uint64_t g_open_deadline;
static uint64_t g_set_deadline;
static unsigned g_set_calls;
static uint64_t g_slept;

static camp_status_t t_open_until(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    (void)host;
    (void)port;
    g_open_deadline = deadline;
    /* A port that honours the deadline never spends more than what is left. */
    if (f->now + g_open_cost_ms > deadline) {
        f->now = deadline;
        return CAMP_ERR_TIMEOUT;
    }
    f->now += g_open_cost_ms;
    return (camp_status_t)fake_open(ctx);
}

/* A port that does not honour the deadline (legacy open): always takes its cost. */
static camp_status_t t_open_slow(void *ctx, const char *host, uint16_t port, uint64_t deadline)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    (void)host;
    (void)port;
    g_open_deadline = deadline;
    f->now += g_open_cost_ms;
    return (camp_status_t)fake_open(ctx);
}

static void t_set_deadline(void *ctx, uint64_t deadline)
{
    (void)ctx;
    g_set_deadline = deadline;
    g_set_calls++;
}

static void t_close(void *ctx)
{
    fake_close(ctx);
}

static uint32_t t_random(void *ctx)
{
    (void)ctx;
    return 200; /* with ceilings >= 200 ms: a wait of exactly 200 ms */
}

static void t_sleep(void *ctx, uint32_t ms)
{
    (void)ctx;
    g_fake.now += ms;
    g_slept += ms;
}

static int setup(void **state)
{
    (void)state;
    fake_init(&g_fake);
    g_fake.connected = false;
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    g_c.token = "T0K3N";
    g_c.transport = fake_transport(&g_fake);
    g_c.conn.open_until = t_open_until;
    g_c.conn.set_deadline = t_set_deadline;
    g_c.conn.close = t_close;
    g_c.conn.ctx = &g_fake;
    g_open_cost_ms = 0;
    g_open_deadline = 0;
    g_set_deadline = 0;
    g_set_calls = 0;
    g_slept = 0;
    return 0;
}

static void add_stalls(unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) {
        fake_stream_t *s = fake_add_str(&g_fake, "");
        assert_non_null(s);
        s->stall = true;
    }
}

static void enable_retry(uint32_t max_total_ms)
{
    g_c.retry.random = t_random;
    g_c.retry.sleep_ms = t_sleep;
    g_c.retry.ctx = NULL;
    g_c.retry.max_attempts = 6;
    g_c.retry.base_ms = 1000;
    g_c.retry.max_delay_ms = 60000;
    g_c.retry.max_total_ms = max_total_ms;
}

/* Connect + handshake and the exchange share timeout_ms: a 700 ms handshake
 * followed by a silent server ends at 1000 ms, not at 1700. */
static void test_connect_and_exchange_share_the_timeout(void **state)
{
    uint64_t t0;
    camp_status_t st;
    (void)state;
    add_stalls(1);
    g_c.timeout_ms = 1000;
    g_open_cost_ms = 700;
    t0 = g_fake.now;
    st = camp_client_inbox_get_campaign(&g_c, ID, NULL);
    assert_int_equal(st, CAMP_ERR_TIMEOUT);
    assert_int_equal(g_c.last.attempts, 1);
    /* open_until and set_deadline both got the attempt's deadline */
    assert_true(g_open_deadline >= t0 + 1000 && g_open_deadline <= t0 + 1000 + SLACK);
    assert_int_equal(g_set_calls, 1);
    assert_true(g_set_deadline == g_open_deadline);
    /* the call ended at that deadline (the fake clock ticks 1 ms per read) */
    assert_true(g_fake.now >= g_open_deadline);
    assert_true(g_fake.now - t0 <= 1000 + SLACK);
    assert_true(g_fake.sent_len > 0); /* the request went out: it timed out reading */
}

/* A connect that used up the whole deadline: nothing is sent, TIMEOUT. */
static void test_deadline_spent_while_connecting(void **state)
{
    camp_status_t st;
    (void)state;
    add_stalls(1);
    g_c.timeout_ms = 1000;
    g_open_cost_ms = 1000;
    g_c.conn.open_until = t_open_slow;
    st = camp_client_inbox_get_campaign(&g_c, ID, NULL);
    assert_int_equal(st, CAMP_ERR_TIMEOUT);
    assert_string_equal(g_c.last.diag.path, "connect");
    assert_int_equal(g_fake.sent_len, 0);
    assert_int_equal(g_set_calls, 0);
}

/* The port reports its own timeout from open_until: surfaced as is. */
static void test_open_until_timeout_is_reported(void **state)
{
    uint64_t t0;
    camp_status_t st;
    (void)state;
    add_stalls(1);
    g_c.timeout_ms = 500;
    g_open_cost_ms = 5000;
    t0 = g_fake.now;
    st = camp_client_inbox_get_campaign(&g_c, ID, NULL);
    assert_int_equal(st, CAMP_ERR_TIMEOUT);
    assert_string_equal(g_c.last.diag.path, "connect");
    assert_true(g_fake.now - t0 <= 500 + SLACK);
}

/* On a kept-alive connection no open happens; set_deadline still bounds the port. */
static void test_set_deadline_on_kept_connection(void **state)
{
    (void)state;
    assert_non_null(fake_add_str(&g_fake, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
    g_fake.connected = true;
    g_c.connected = true;
    g_c.timeout_ms = 3000;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_OK);
    assert_int_equal(g_fake.opens, 0);
    assert_int_equal(g_set_calls, 1);
    assert_true(g_set_deadline >= 1000 + 3000 && g_set_deadline <= 1000 + 3000 + SLACK);
}

/* max_total_ms caps the first attempt too: timeout 5 s, total 3 s. */
static void test_max_total_caps_a_single_attempt(void **state)
{
    uint64_t t0;
    (void)state;
    add_stalls(1);
    g_c.timeout_ms = 5000;
    g_c.retry.max_total_ms = 3000; /* retry itself stays off (no random/sleep) */
    t0 = g_fake.now;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_TIMEOUT);
    assert_true(g_fake.now - t0 <= 3000 + SLACK);
    assert_true(g_fake.now - t0 >= 3000);
}

/* A retry starts only when the wait plus a whole attempt still fit:
 * timeout 1000, total 2500, waits of 200: attempt 1 ends at ~1000, attempt 2
 * at ~2200; a third would need until ~3400, so none is made. */
static void test_retry_only_when_a_whole_attempt_fits(void **state)
{
    uint64_t t0;
    (void)state;
    add_stalls(4);
    enable_retry(2500);
    g_c.timeout_ms = 1000;
    t0 = g_fake.now;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_TIMEOUT);
    assert_int_equal(g_c.last.attempts, 2);
    assert_int_equal(g_slept, 200);
    assert_true(g_fake.now - t0 <= 2500 + SLACK);
}

/* The whole call never passes max_total_ms, whatever the mix of attempts and
 * waits: many budgets, each checked against the fake clock. */
static void test_whole_call_never_exceeds_max_total(void **state)
{
    static const uint32_t totals[] = {900, 1000, 1199, 1200, 1201, 2199, 2200, 2201, 5000, 9999};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        uint64_t t0;
        setup(NULL);
        add_stalls(8);
        enable_retry(totals[i]);
        g_c.timeout_ms = 1000;
        t0 = g_fake.now;
        assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_TIMEOUT);
        if (g_fake.now - t0 > totals[i] + SLACK) {
            fail_msg("max_total_ms %u: the call took %lu ms", (unsigned)totals[i],
                     (unsigned long)(g_fake.now - t0));
        }
        assert_true(g_c.last.attempts >= 1);
    }
}

/* With open_until, open (the legacy hook) is not used. */
static void test_open_until_preferred_over_open(void **state)
{
    (void)state;
    assert_non_null(fake_add_str(&g_fake, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
    g_c.conn.open = NULL;
    g_c.timeout_ms = 1000;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_OK);
    assert_int_equal(g_fake.opens, 1);
    assert_true(g_open_deadline != 0);
}

/* ---- truncation (HTTP layer) ------------------------------------------------ */

static camp_status_t exchange_one(const char *response, bool truncated_close,
                                  camp_http_response_t *rs, camp_diag_t *diag)
{
    static const char req[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    static uint8_t buf[4096];
    camp_transport_t t;
    fake_stream_t *s;
    fake_init(&g_fake);
    s = fake_add_str(&g_fake, response);
    assert_non_null(s);
    s->truncated_close = truncated_close;
    g_fake.chunk = 7;
    t = fake_transport(&g_fake);
    return camp_http_exchange(&t, (const uint8_t *)req, sizeof req - 1, NULL, 0, false, buf,
                              sizeof buf, 5000, rs, diag);
}

static void test_close_delimited_body_needs_close_notify(void **state)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"id\":\"x\"}";
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    /* orderly close (close_notify, or TCP FIN on a plain port): complete */
    assert_int_equal(exchange_one(resp, false, &rs, &diag), CAMP_OK);
    assert_int_equal(rs.body_len, 10);
    /* close without close_notify: its own error, never a body */
    assert_int_equal(exchange_one(resp, true, &rs, &diag), CAMP_ERR_NET_TRUNCATED);
    assert_int_equal(diag.status, CAMP_ERR_NET_TRUNCATED);
    assert_string_equal(diag.path, "http.body");
    assert_true(rs.must_close);
    assert_true(rs.state_ != CAMP_HTTP_ST_DONE);
}

static void test_framed_bodies_keep_their_rules(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    /* Content-Length complete before the unclean close: fine (never read) */
    assert_int_equal(
        exchange_one("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", true, &rs, &diag),
        CAMP_OK);
    assert_int_equal(rs.body_len, 5);
    /* Content-Length short: closed early, as with an orderly close */
    assert_int_equal(
        exchange_one("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello", true, &rs, &diag),
        CAMP_ERR_NET_CLOSED);
    assert_string_equal(diag.path, "http.body");
    /* chunked complete, then unclean close: fine */
    assert_int_equal(exchange_one("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "5\r\nhello\r\n0\r\n\r\n",
                                  true, &rs, &diag),
                     CAMP_OK);
    assert_int_equal(rs.body_len, 5);
    /* chunked cut: closed early */
    assert_int_equal(exchange_one("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "5\r\nhel",
                                  true, &rs, &diag),
                     CAMP_ERR_NET_CLOSED);
    /* cut inside the headers: closed early */
    assert_int_equal(exchange_one("HTTP/1.1 200 OK\r\nContent-Le", true, &rs, &diag),
                     CAMP_ERR_NET_CLOSED);
}

/* A truncated response is worth repeating for a safe request, like a close. */
static void test_truncation_is_retryable(void **state)
{
    camp_retry_policy_t p;
    uint32_t delay = 0;
    (void)state;
    memset(&p, 0, sizeof p);
    p.max_attempts = 3;
    p.base_ms = 100;
    p.max_delay_ms = 1000;
    p.max_total_ms = 10000;
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_NET_TRUNCATED, 1, 0, -1, 50, &delay));
    assert_int_equal(delay, 50);
    assert_false(camp_retry_decide(&p, false, CAMP_ERR_NET_TRUNCATED, 1, 0, -1, 50, &delay));
    assert_string_equal(camp_status_str(CAMP_ERR_NET_TRUNCATED),
                        "connection cut without TLS close_notify (body may be truncated)");
}

/* The client turns a truncated body into a failed call: last.body stays empty. */
static void test_client_rejects_truncated_body(void **state)
{
    fake_stream_t *s;
    (void)state;
    s = fake_add_str(&g_fake, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"id\":\"x\"}");
    assert_non_null(s);
    s->truncated_close = true;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_NET_TRUNCATED);
    assert_int_equal(g_c.last.body_len, 0);
    assert_int_equal(g_fake.closes, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_connect_and_exchange_share_the_timeout, setup),
        cmocka_unit_test_setup(test_deadline_spent_while_connecting, setup),
        cmocka_unit_test_setup(test_open_until_timeout_is_reported, setup),
        cmocka_unit_test_setup(test_set_deadline_on_kept_connection, setup),
        cmocka_unit_test_setup(test_max_total_caps_a_single_attempt, setup),
        cmocka_unit_test_setup(test_retry_only_when_a_whole_attempt_fits, setup),
        cmocka_unit_test_setup(test_whole_call_never_exceeds_max_total, setup),
        cmocka_unit_test_setup(test_open_until_preferred_over_open, setup),
        cmocka_unit_test(test_close_delimited_body_needs_close_notify),
        cmocka_unit_test(test_framed_bodies_keep_their_rules),
        cmocka_unit_test(test_truncation_is_retryable),
        cmocka_unit_test_setup(test_client_rejects_truncated_body, setup),
    };
    return cmocka_run_group_tests_name("client_deadline", tests, NULL, NULL);
}
