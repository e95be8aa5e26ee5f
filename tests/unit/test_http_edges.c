/* lib/http at its edges: transports that misbehave (a peer that closes while we
 * send, a port that reports more bytes than it was given, TLS failures),
 * argument and state errors of the response parser, the request head checks
 * that the main tests do not reach, and the request target builder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_http.h"
#include "camp/camp_transport.h"

/* ---- a scripted transport: fixed send / recv results ---------------------------------- */

typedef struct script {
    int32_t send_result; /* 0: accept everything */
    int32_t recv_result; /* 0: deliver from data */
    const char *data;
    size_t pos;
    uint64_t now;
    unsigned sends;
} script_t;

static int32_t s_send(void *ctx, const uint8_t *d, size_t n)
{
    script_t *s = ctx;
    (void)d;
    s->sends++;
    return s->send_result != 0 ? s->send_result : (int32_t)n;
}

static int32_t s_recv(void *ctx, uint8_t *b, size_t cap)
{
    script_t *s = ctx;
    size_t left;
    if (s->recv_result != 0) {
        return s->recv_result;
    }
    left = strlen(s->data) - s->pos;
    if (left == 0) {
        return CAMP_NET_CLOSED;
    }
    if (left > cap) {
        left = cap;
    }
    memcpy(b, s->data + s->pos, left);
    s->pos += left;
    return (int32_t)left;
}

static uint64_t s_now(void *ctx)
{
    script_t *s = ctx;
    return s->now++;
}

static const uint8_t k_head[] = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
static uint8_t g_buf[1024];
static camp_http_response_t g_rs;
static camp_diag_t g_diag;

static camp_status_t run(script_t *s, const uint8_t *body, size_t body_len)
{
    camp_transport_t t = {s_send, s_recv, s_now, s};
    return camp_http_exchange(&t, k_head, sizeof k_head - 1u, body, body_len, false, g_buf,
                              sizeof g_buf, 1000, &g_rs, &g_diag);
}

static void expect_diag(camp_status_t got, camp_status_t want, const char *path, const char *rule)
{
    if (got != want || strcmp(g_diag.path, path) != 0 || strcmp(g_diag.rule, rule) != 0) {
        fail_msg("got %d at %s (%s), want %d at %s (%s)", (int)got, g_diag.path, g_diag.rule,
                 (int)want, path, rule);
    }
}

static void test_exchange_transport_failures(void **state)
{
    script_t s;
    (void)state;
    memset(&s, 0, sizeof s);
    s.send_result = CAMP_NET_CLOSED;
    expect_diag(run(&s, NULL, 0), CAMP_ERR_NET_CLOSED, "http.request", "peer closed while sending");
    assert_true(g_rs.must_close);

    memset(&s, 0, sizeof s);
    s.send_result = CAMP_NET_TLS_ERROR;
    expect_diag(run(&s, NULL, 0), CAMP_ERR_TLS, "http.request", "transport send failed");

    memset(&s, 0, sizeof s);
    s.send_result = 100000; /* more than the head */
    expect_diag(run(&s, NULL, 0), CAMP_ERR_NET, "http.request",
                "transport reported more bytes sent than given");
    assert_true(g_rs.must_close);

    /* the body goes out after the head; its failure names the body */
    memset(&s, 0, sizeof s);
    s.send_result = (int32_t)(sizeof k_head - 1u);
    expect_diag(run(&s, (const uint8_t *)"{}", 2), CAMP_ERR_NET, "http.request_body",
                "transport reported more bytes sent than given");

    memset(&s, 0, sizeof s);
    s.recv_result = (int32_t)sizeof g_buf + 1;
    expect_diag(run(&s, NULL, 0), CAMP_ERR_NET, "http.response",
                "transport reported more bytes than asked for");
    assert_true(g_rs.must_close);

    memset(&s, 0, sizeof s);
    s.recv_result = CAMP_NET_TLS_ERROR;
    expect_diag(run(&s, NULL, 0), CAMP_ERR_TLS, "http.response", "transport receive failed");
    assert_true(g_rs.must_close);

    /* a well-behaved exchange over the same script: status and body */
    memset(&s, 0, sizeof s);
    s.data = "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
    assert_int_equal(run(&s, (const uint8_t *)"{}", 2), CAMP_OK);
    assert_int_equal(g_rs.status, 201);
    assert_string_equal(g_rs.body, "ok");
    assert_int_equal(s.sends, 2);
}

static void test_exchange_arguments(void **state)
{
    script_t s;
    camp_transport_t t = {s_send, s_recv, s_now, &s};
    camp_transport_t no_recv = {s_send, NULL, s_now, &s};
    (void)state;
    memset(&s, 0, sizeof s);
    g_rs.status = 777;
    expect_diag(camp_http_exchange(NULL, k_head, 3, NULL, 0, false, g_buf, sizeof g_buf, 10, &g_rs,
                                   &g_diag),
                CAMP_ERR_ARG, "http", "transport, buffer and response required");
    assert_int_equal(g_rs.status, 0); /* the response is reset, never left stale */
    assert_true(g_rs.body == NULL || g_rs.body[0] == '\0');
    assert_int_equal(camp_http_exchange(&no_recv, k_head, 3, NULL, 0, false, g_buf, sizeof g_buf,
                                        10, &g_rs, &g_diag),
                     CAMP_ERR_ARG);
    assert_int_equal(
        camp_http_exchange(&t, NULL, 3, NULL, 0, false, g_buf, sizeof g_buf, 10, &g_rs, &g_diag),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_http_exchange(&t, k_head, 3, NULL, 1, false, g_buf, sizeof g_buf, 10, &g_rs, &g_diag),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_http_exchange(&t, k_head, 3, NULL, 0, false, g_buf, 0, 10, &g_rs, &g_diag),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_http_exchange(&t, k_head, 3, NULL, 0, false, g_buf, sizeof g_buf, 10, NULL, &g_diag),
        CAMP_ERR_ARG);
    assert_int_equal(s.sends, 0); /* nothing went out */
}

/* ---- response parser: arguments and states --------------------------------------------- */

static camp_status_t feed_all(camp_http_response_t *rs, const char *text, bool *done)
{
    uint8_t *dst;
    size_t room, n = strlen(text);
    camp_status_t st = camp_http_response_space(rs, &dst, &room);
    if (st != CAMP_OK) {
        return st;
    }
    assert_true(room >= n);
    memcpy(dst, text, n);
    return camp_http_response_feed(rs, n, done, &g_diag);
}

static void test_response_states(void **state)
{
    camp_http_response_t rs;
    uint8_t *dst;
    size_t room;
    bool done = true;
    (void)state;
    camp_http_response_init(&rs, g_buf, sizeof g_buf, false);
    assert_int_equal(camp_http_response_space(NULL, &dst, &room), CAMP_ERR_ARG);
    assert_int_equal(camp_http_response_space(&rs, NULL, &room), CAMP_ERR_ARG);
    assert_int_equal(camp_http_response_space(&rs, &dst, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_http_response_feed(NULL, 0, &done, &g_diag), CAMP_ERR_ARG);
    assert_false(done);
    assert_int_equal(camp_http_response_feed(&rs, 0, NULL, &g_diag), CAMP_ERR_ARG);
    assert_int_equal(camp_http_response_eof(NULL, &g_diag), CAMP_ERR_ARG);
    expect_diag(camp_http_response_feed(&rs, sizeof g_buf + 1u, &done, &g_diag), CAMP_ERR_ARG,
                "http", "more bytes fed than space given");

    assert_int_equal(
        feed_all(&rs, "HTTP/1.1 204 No Content\r\nX-Trace: a:b\r\nX-Empty:\r\n\r\n", &done),
        CAMP_OK);
    assert_true(done);
    assert_int_equal(rs.status, 204);
    assert_string_equal(camp_http_response_header(&rs, "x-trace"), "a:b");
    assert_string_equal(camp_http_response_header(&rs, "X-EMPTY"), "");
    assert_null(camp_http_response_header(&rs, "X-Missing"));
    assert_null(camp_http_response_header(&rs, NULL));
    assert_null(camp_http_response_header(NULL, "X-Trace"));
    /* a finished response takes nothing more */
    assert_int_equal(camp_http_response_space(&rs, &dst, &room), CAMP_ERR_STATE);
    assert_null(dst);
    assert_int_equal(room, 0);
    expect_diag(camp_http_response_feed(&rs, 1, &done, &g_diag), CAMP_ERR_STATE, "http",
                "response already complete or failed");
    expect_diag(camp_http_response_eof(&rs, &g_diag), CAMP_ERR_STATE, "http",
                "response already complete or failed");

    /* a parser without a buffer has no space */
    camp_http_response_init(&rs, NULL, 0, false);
    assert_int_equal(camp_http_response_space(&rs, &dst, &room), CAMP_ERR_ARG);
    assert_null(camp_http_response_header(&rs, "X-Trace"));
}

/* ---- request heads ------------------------------------------------------------------------- */

static void test_request_checks(void **state)
{
    camp_http_request_t rq;
    char buf[512];
    size_t len = 99;
    static const camp_http_header_t bad_name[] = {{"X Bad", "v"}};
    static const camp_http_header_t null_value[] = {{"X-Ok", NULL}};
    (void)state;
    assert_string_equal(camp_http_method_name(CAMP_HTTP_GET), "GET");
    assert_string_equal(camp_http_method_name(CAMP_HTTP_POST), "POST");
    assert_string_equal(camp_http_method_name(CAMP_HTTP_PUT), "PUT");
    assert_string_equal(camp_http_method_name(CAMP_HTTP_PATCH), "PATCH");
    assert_string_equal(camp_http_method_name(CAMP_HTTP_DELETE), "DELETE");
    assert_string_equal(camp_http_method_name(CAMP_HTTP_HEAD), "HEAD");
    assert_string_equal(camp_http_method_name((camp_http_method_t)42), "?");
    assert_string_equal(camp_http_method_name((camp_http_method_t)6), "?");

    camp_http_request_init(&rq, CAMP_HTTP_DELETE, "api.example.com", "/v1/x");
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, NULL, &g_diag), CAMP_OK);
    assert_memory_equal(buf, "DELETE /v1/x HTTP/1.1\r\nHost: api.example.com\r\n", 45);

    rq.extra_count = 1;
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_ARG,
                "request.header", "extra is NULL");
    assert_int_equal(len, 0);
    rq.extra = bad_name;
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_HTTP_HEADER,
                "request.header", "name must be a token; value without control bytes");
    rq.extra = null_value;
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_HTTP_HEADER,
                "request.header", "name must be a token; value without control bytes");
    rq.extra_count = 0;

    rq.host = NULL;
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_ARG,
                "request", "host and target are required");
    rq.host = "h";
    expect_diag(camp_http_write_request(&rq, NULL, 10, NULL, &g_diag), CAMP_ERR_ARG, "request",
                "host and target are required");
    expect_diag(camp_http_write_request(NULL, buf, sizeof buf, NULL, &g_diag), CAMP_ERR_ARG,
                "request", "host and target are required");

    camp_http_request_init(&rq, CAMP_HTTP_POST, "h", "/");
    rq.content_type = "";
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_HTTP_HEADER,
                "request.Content-Type", "must be non-empty, without control bytes");
    rq.content_type = "text/plain\r\nX-Injected: 1";
    expect_diag(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_ERR_HTTP_HEADER,
                "request.Content-Type", "must be non-empty, without control bytes");
    rq.content_type = "text/plain";
    rq.body_len = 12;
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_OK);
    buf[len] = '\0';
    assert_non_null(strstr(buf, "\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n"));
    /* a token with the NONE scheme is not sent, whatever its bytes */
    rq.token = "bad\r\ntoken";
    rq.auth = CAMP_HTTP_AUTH_NONE;
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, &g_diag), CAMP_OK);
    buf[len] = '\0';
    assert_null(strstr(buf, "Authorization"));
}

/* ---- request targets ----------------------------------------------------------------------- */

static void test_path_builder(void **state)
{
    camp_http_path_t p;
    char buf[64];
    size_t len = 0;
    (void)state;
    /* a literal query string makes the next parameter use '&' */
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/v1/leads?platform=twitter", 26);
    camp_http_path_query(&p, "page", "2", 1);
    camp_http_path_query(&p, "q", "", 0);
    assert_int_equal(camp_http_path_finish(&p, &len, &g_diag), CAMP_OK);
    assert_string_equal(buf, "/v1/leads?platform=twitter&page=2&q=");
    assert_int_equal(len, strlen(buf));

    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/v1/", 4);
    camp_http_path_segment(&p, NULL, 3);
    camp_http_path_query(&p, "a", "b", 1); /* ignored after the first error */
    expect_diag(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_ARG, "request.target",
                "invalid argument");
    assert_string_equal(buf, "/v1/");

    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, NULL, 0);
    expect_diag(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_ARG, "request.target",
                "invalid argument");
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, NULL, "v", 1);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_ARG);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, "k", NULL, 1);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_ARG);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, "k", NULL, 0); /* no value: `k=` */
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_OK);
    assert_string_equal(buf, "?k=");

    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, "", "v", 1);
    expect_diag(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_HTTP_HEADER, "request.target",
                "path piece empty or with a control byte (CR, LF, NUL, ...)");
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, "k\n", "v", 1);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_HTTP_HEADER);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_query(&p, "k", "v\r", 2);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_HTTP_HEADER);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/a\x7f", 3);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_HTTP_HEADER);

    /* no buffer but a capacity: an argument error, not a write through NULL */
    camp_http_path_init(&p, NULL, 8);
    camp_http_path_literal(&p, "/x", 2);
    assert_int_equal(camp_http_path_finish(&p, NULL, &g_diag), CAMP_ERR_ARG);
    /* no buffer and no capacity: measures the size needed */
    camp_http_path_init(&p, NULL, 0);
    camp_http_path_literal(&p, "/abc", 4);
    camp_http_path_segment(&p, "a b", 3);
    assert_int_equal(camp_http_path_finish(&p, &len, &g_diag), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(len, 9); /* "/abca%20b" */
    assert_int_equal(g_diag.needed, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exchange_transport_failures),
        cmocka_unit_test(test_exchange_arguments),
        cmocka_unit_test(test_response_states),
        cmocka_unit_test(test_request_checks),
        cmocka_unit_test(test_path_builder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
