/* HTTP module: request writer, target builder, response parser refusals,
 * Retry-After / rate-limit headers, dates, timeouts on a fake clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_http.h"
#include "fake_transport.h"

/* ---- helpers ------------------------------------------------------------------ */

static uint8_t g_buf[16384];
static fake_transport_t g_fake;

/* Serve @p resp (length @p len) through the fake, @p chunk bytes per recv. */
static camp_status_t serve_n(const char *resp, size_t len, size_t chunk, size_t cap, bool head,
                             camp_http_response_t *rs, camp_diag_t *diag)
{
    static const char req[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    camp_transport_t t;
    fake_init(&g_fake);
    fake_add(&g_fake, resp, len);
    g_fake.chunk = chunk;
    t = fake_transport(&g_fake);
    assert_true(cap <= sizeof g_buf);
    return camp_http_exchange(&t, (const uint8_t *)req, sizeof req - 1, NULL, 0, head, g_buf, cap,
                              1000000u, rs, diag);
}

static camp_status_t serve(const char *resp, camp_http_response_t *rs, camp_diag_t *diag)
{
    return serve_n(resp, strlen(resp), 0, sizeof g_buf, false, rs, diag);
}

/* Every refusal must hold whatever the split: check whole and byte by byte. */
static void expect_status(const char *resp, camp_status_t want)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_status_t st = serve_n(resp, strlen(resp), 0, sizeof g_buf, false, &rs, &diag);
    if (st != want) {
        fail_msg("whole: got %d want %d for [%s] (%s)", (int)st, (int)want, resp, diag.rule);
    }
    st = serve_n(resp, strlen(resp), 1, sizeof g_buf, false, &rs, &diag);
    if (st != want) {
        fail_msg("1-byte: got %d want %d for [%s] (%s)", (int)st, (int)want, resp, diag.rule);
    }
}

/* ---- request writer ----------------------------------------------------------- */

static void test_request_get_exact_bytes(void **state)
{
    char buf[512];
    size_t len = 0;
    camp_http_request_t rq;
    static const char want[] = "GET /api/v1/campaigns/abc HTTP/1.1\r\n"
                               "Host: inboxapp.com\r\n"
                               "Authorization: Bearer tok123\r\n"
                               "User-Agent: libcamp/0.1.0\r\n"
                               "Accept: application/json\r\n"
                               "Connection: keep-alive\r\n"
                               "\r\n";
    (void)state;
    camp_http_request_init(&rq, CAMP_HTTP_GET, "inboxapp.com", "/api/v1/campaigns/abc");
    rq.auth = CAMP_HTTP_AUTH_BEARER;
    rq.token = "tok123";
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, NULL), CAMP_OK);
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(buf, want, len);
}

static void test_request_post_body_raw_auth_close(void **state)
{
    char buf[512];
    size_t len = 0;
    camp_http_request_t rq;
    camp_http_header_t extra[1] = {{"X-User-Timezone", "Europe/Berlin"}};
    static const char want[] = "POST /email/campaigns/ HTTP/1.1\r\n"
                               "Host: api.getoutbox.ai:8443\r\n"
                               "Authorization: key-1\r\n"
                               "User-Agent: libcamp/0.1.0\r\n"
                               "Accept: application/json\r\n"
                               "X-User-Timezone: Europe/Berlin\r\n"
                               "Content-Type: application/json\r\n"
                               "Content-Length: 12345\r\n"
                               "Connection: close\r\n"
                               "\r\n";
    (void)state;
    camp_http_request_init(&rq, CAMP_HTTP_POST, "api.getoutbox.ai:8443", "/email/campaigns/");
    rq.auth = CAMP_HTTP_AUTH_RAW;
    rq.token = "key-1";
    rq.body_len = 12345;
    rq.keep_alive = false;
    rq.extra = extra;
    rq.extra_count = 1;
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, NULL), CAMP_OK);
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(buf, want, len);
}

static void test_request_no_token_empty_post(void **state)
{
    char buf[512];
    size_t len = 0;
    camp_http_request_t rq;
    (void)state;
    camp_http_request_init(&rq, CAMP_HTTP_POST, "h", "/x");
    rq.auth = CAMP_HTTP_AUTH_BEARER; /* no token: no header */
    assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, NULL), CAMP_OK);
    buf[len] = '\0';
    assert_null(strstr(buf, "Authorization"));
    assert_non_null(strstr(buf, "\r\nContent-Length: 0\r\n"));
}

/* The Host line's four forms (the writer composes brackets and port from one
 * literal) and every method name on the request line. */
static void test_request_host_forms_and_methods(void **state)
{
    static const struct {
        bool brackets;
        bool with_port;
        const char *line;
    } forms[] = {{false, false, "HEAD / HTTP/1.1\r\nHost: h\r\n"},
                 {false, true, "HEAD / HTTP/1.1\r\nHost: h:8080\r\n"},
                 {true, false, "HEAD / HTTP/1.1\r\nHost: [h]\r\n"},
                 {true, true, "HEAD / HTTP/1.1\r\nHost: [h]:8080\r\n"}};
    static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
    char buf[512];
    size_t len = 0;
    size_t i;
    camp_http_request_t rq;
    (void)state;
    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        camp_http_request_init(&rq, CAMP_HTTP_HEAD, "h", "/");
        rq.host_brackets = forms[i].brackets;
        rq.host_with_port = forms[i].with_port;
        rq.host_port = 8080;
        assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, NULL), CAMP_OK);
        assert_true(len > strlen(forms[i].line));
        assert_memory_equal(buf, forms[i].line, strlen(forms[i].line));
    }
    for (i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        assert_string_equal(camp_http_method_name((camp_http_method_t)i), methods[i]);
        camp_http_request_init(&rq, (camp_http_method_t)i, "h", "/x");
        assert_int_equal(camp_http_write_request(&rq, buf, sizeof buf, &len, NULL), CAMP_OK);
        assert_memory_equal(buf, methods[i], strlen(methods[i]));
        assert_memory_equal(&buf[strlen(methods[i])], " /x HTTP/1.1\r\n",
                            sizeof " /x HTTP/1.1\r\n" - 1u);
    }
    assert_string_equal(camp_http_method_name((camp_http_method_t)6), "?");
}

static void test_request_small_buffer_reports_size(void **state)
{
    char buf[512];
    size_t need = 0;
    size_t len = 0;
    camp_http_request_t rq;
    camp_diag_t diag;
    (void)state;
    camp_http_request_init(&rq, CAMP_HTTP_GET, "inboxapp.com", "/api/v1/campaigns/abc");
    rq.auth = CAMP_HTTP_AUTH_BEARER;
    rq.token = "tok";
    assert_int_equal(camp_http_write_request(&rq, NULL, 0, &need, &diag),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(diag.needed, (int64_t)need);
    assert_true(need > 50);
    assert_int_equal(camp_http_write_request(&rq, buf, need - 1, &len, NULL),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(len, need);
    memset(buf, 'Z', sizeof buf);
    assert_int_equal(camp_http_write_request(&rq, buf, need, &len, NULL), CAMP_OK);
    assert_int_equal(len, need);
    assert_memory_equal(buf + need - 4, "\r\n\r\n", 4);
    assert_int_equal(buf[need], 'Z'); /* nothing written past the head */
    assert_true(need <= CAMP_HTTP_REQUEST_HEAD_MAX(21, 12, 3, 0));
}

static camp_status_t write_with(const char *host, const char *target, const char *token,
                                const char *hname, const char *hvalue, const char *ctype,
                                camp_diag_t *diag)
{
    char buf[512];
    size_t len;
    camp_http_request_t rq;
    camp_http_header_t extra[1];
    camp_http_request_init(&rq, CAMP_HTTP_POST, host, target);
    rq.auth = CAMP_HTTP_AUTH_BEARER;
    rq.token = token;
    rq.content_type = ctype;
    if (hname != NULL) {
        extra[0].name = hname;
        extra[0].value = hvalue;
        rq.extra = extra;
        rq.extra_count = 1;
    }
    return camp_http_write_request(&rq, buf, sizeof buf, &len, diag);
}

static void test_request_refuses_control_bytes(void **state)
{
    static const char *const bad_values[] = {"a\rb",  "a\nb", "a\r\nX-Evil: 1", "a\001b",
                                             "a\x7f", "a\tb", "\x1b[0m"};
    size_t i;
    camp_diag_t diag;
    (void)state;
    for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
        const char *v = bad_values[i];
        assert_int_equal(write_with("h", "/x", v, NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
        assert_string_equal(diag.path, "request.Authorization");
        assert_null(strstr(diag.rule, v)); /* the token never shows up in diag */
        assert_int_equal(write_with(v, "/x", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
        assert_string_equal(diag.path, "request.Host");
        assert_int_equal(write_with("h", "/x", "t", "X-A", v, NULL, &diag), CAMP_ERR_HTTP_HEADER);
        assert_int_equal(write_with("h", "/x", "t", NULL, NULL, v, &diag), CAMP_ERR_HTTP_HEADER);
    }
    /* target: control bytes, space, '#', non-ASCII, relative */
    assert_int_equal(write_with("h", "/a\r\nb", "t", NULL, NULL, NULL, &diag),
                     CAMP_ERR_HTTP_HEADER);
    assert_string_equal(diag.path, "request.target");
    assert_int_equal(write_with("h", "/a b", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/a#b", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/\xc3\xa9", "t", NULL, NULL, NULL, &diag),
                     CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "a", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    /* header names must be tokens */
    assert_int_equal(write_with("h", "/", "t", "X A", "v", NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/", "t", "X:A", "v", NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/", "t", "", "v", NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/", "t", "X-\nA", "v", NULL, &diag), CAMP_ERR_HTTP_HEADER);
    /* a host with a space, an empty host, an empty token */
    assert_int_equal(write_with("a b", "/", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("", "/", "t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/", "", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(write_with("h", "/", " t", NULL, NULL, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    /* UTF-8 in a header value is fine */
    assert_int_equal(write_with("h", "/", "t", "X-Z", "S\xc3\xa3o_Paulo", NULL, &diag), CAMP_OK);
}

/* ---- target builder ------------------------------------------------------------- */

static void test_path_segments_encoded(void **state)
{
    char buf[128];
    size_t len;
    camp_http_path_t p;
    (void)state;
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/api/v1/campaigns/v2/", 21);
    camp_http_path_segment(&p, "abc123", 6);
    camp_http_path_literal(&p, "/leads/", 7);
    camp_http_path_segment(&p, "a/b?c%d e~_.-", 13);
    camp_http_path_query(&p, "page", "2", 1);
    camp_http_path_query(&p, "tags", "x&y=z", 5);
    camp_http_path_query(&p, "q", "", 0);
    assert_int_equal(camp_http_path_finish(&p, &len, NULL), CAMP_OK);
    assert_string_equal(buf, "/api/v1/campaigns/v2/abc123/leads/a%2Fb%3Fc%25d%20e~_.-"
                             "?page=2&tags=x%26y%3Dz&q=");
    assert_int_equal(len, strlen(buf));
}

static void test_path_refuses_control_and_empty(void **state)
{
    char buf[128];
    camp_http_path_t p;
    camp_diag_t diag;
    static const char nul_id[] = {'a', '\0', 'b'};
    static const char *const bad[] = {"a\rb", "a\nb", "\r\n", "x\x01", "x\x7f"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        camp_http_path_init(&p, buf, sizeof buf);
        camp_http_path_literal(&p, "/c/", 3);
        camp_http_path_segment(&p, bad[i], strlen(bad[i]));
        assert_int_equal(camp_http_path_finish(&p, NULL, &diag), CAMP_ERR_HTTP_HEADER);
        assert_string_equal(diag.path, "request.target");
        camp_http_path_init(&p, buf, sizeof buf);
        camp_http_path_literal(&p, "/c", 2);
        camp_http_path_query(&p, "k", bad[i], strlen(bad[i]));
        assert_int_equal(camp_http_path_finish(&p, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    }
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_segment(&p, nul_id, sizeof nul_id);
    assert_int_equal(camp_http_path_finish(&p, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_segment(&p, "", 0);
    assert_int_equal(camp_http_path_finish(&p, NULL, &diag), CAMP_ERR_HTTP_HEADER);
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/a b", 4);
    assert_int_equal(camp_http_path_finish(&p, NULL, &diag), CAMP_ERR_HTTP_HEADER);
}

static void test_path_small_buffer(void **state)
{
    char buf[8];
    size_t len;
    camp_http_path_t p;
    camp_diag_t diag;
    (void)state;
    camp_http_path_init(&p, buf, sizeof buf);
    camp_http_path_literal(&p, "/campaigns/", 11);
    camp_http_path_segment(&p, "x y", 3);
    assert_int_equal(camp_http_path_finish(&p, &len, &diag), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(len, 16);
    assert_int_equal(diag.needed, 17);
    assert_true(strlen(buf) < sizeof buf);
}

/* ---- response: accepted forms ----------------------------------------------------- */

static void test_response_basic_fields(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    assert_int_equal(serve("HTTP/1.1 429 Too Many Requests\r\n"
                           "content-type: application/json\r\n"
                           "Retry-After:   60  \r\n"
                           "X-RateLimit-Limit: 300\r\n"
                           "X-RateLimit-Remaining: 0\r\n"
                           "X-RateLimit-Reset: 1767225600\r\n"
                           "X-Request-Id: req_1\r\n"
                           "X-Other:\r\n"
                           "Content-Length: 2\r\n"
                           "\r\n{}",
                           &rs, &diag),
                     CAMP_OK);
    assert_int_equal(rs.status, 429);
    assert_int_equal(rs.version_minor, 1);
    assert_string_equal(rs.reason, "Too Many Requests");
    assert_int_equal(rs.body_len, 2);
    assert_string_equal(rs.body, "{}");
    assert_int_equal(rs.retry_after_s, 60);
    assert_int_equal(rs.retry_after_date, -1);
    assert_int_equal(camp_http_retry_after_ms(&rs, -1), 60000);
    assert_int_equal(rs.ratelimit_limit, 300);
    assert_int_equal(rs.ratelimit_remaining, 0);
    assert_int_equal(rs.ratelimit_reset, 1767225600);
    assert_string_equal(rs.content_type, "application/json");
    assert_string_equal(rs.request_id, "req_1");
    assert_int_equal(rs.content_length, 2);
    assert_false(rs.must_close);
    assert_int_equal(rs.header_count, 8);
    assert_string_equal(camp_http_response_header(&rs, "x-ratelimit-limit"), "300");
    assert_string_equal(camp_http_response_header(&rs, "X-OTHER"), "");
    assert_string_equal(camp_http_response_header(&rs, "retry-after"), "60");
    assert_null(camp_http_response_header(&rs, "X-Missing"));
    assert_int_equal(camp_http_status_map(rs.status), CAMP_ERR_API_RATE_LIMITED);
}

static void test_response_status_line_forms(void **state)
{
    camp_http_response_t rs;
    (void)state;
    assert_int_equal(serve("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", &rs, NULL), CAMP_OK);
    assert_int_equal(rs.version_minor, 0);
    assert_true(rs.must_close); /* HTTP/1.0 without keep-alive */
    assert_int_equal(
        serve("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", &rs, NULL),
        CAMP_OK);
    assert_false(rs.must_close);
    assert_int_equal(serve("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", &rs, NULL), CAMP_OK);
    assert_string_equal(rs.reason, "");
    assert_int_equal(serve("HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", &rs, NULL), CAMP_OK);
    assert_int_equal(rs.status, 404);
    assert_int_equal(
        serve("HTTP/1.1 200 OK\r\nConnection: foo, close\r\nContent-Length: 0\r\n\r\n", &rs, NULL),
        CAMP_OK);
    assert_true(rs.must_close);
    assert_int_equal(rs.body_len, 0);
    assert_string_equal(rs.body, "");
}

static void test_response_no_body_cases(void **state)
{
    camp_http_response_t rs;
    static const char head_resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
    (void)state;
    /* 204 / 304: no body even when headers claim one */
    assert_int_equal(serve("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n", &rs, NULL),
                     CAMP_OK);
    assert_int_equal(rs.body_len, 0);
    assert_int_equal(
        serve("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n", &rs, NULL),
        CAMP_OK);
    assert_int_equal(rs.body_len, 0);
    /* HEAD: Content-Length describes the GET body that is not sent */
    assert_int_equal(serve_n(head_resp, sizeof head_resp - 1, 1, sizeof g_buf, true, &rs, NULL),
                     CAMP_OK);
    assert_int_equal(rs.content_length, 100);
    assert_int_equal(rs.body_len, 0);
}

static void test_response_interim_skipped(void **state)
{
    camp_http_response_t rs;
    (void)state;
    assert_int_equal(
        serve("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\n"
              "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
              &rs, NULL),
        CAMP_OK);
    assert_int_equal(rs.status, 201);
    assert_string_equal(rs.body, "ok");
    assert_int_equal(rs.header_count, 1);
    assert_null(camp_http_response_header(&rs, "Link"));
    expect_status("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n", CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 100 A\r\n\r\nHTTP/1.1 100 A\r\n\r\nHTTP/1.1 100 A\r\n\r\n"
                  "HTTP/1.1 100 A\r\n\r\nHTTP/1.1 100 A\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
}

static void test_response_chunked_ext_trailers(void **state)
{
    camp_http_response_t rs;
    (void)state;
    assert_int_equal(serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n"
                           "5;name=\"v\"\r\nhello\r\n"
                           "1 ; x\r\n,\r\n"
                           "0006\r\n world\r\n"
                           "0;last\r\nX-Trailer: 1\r\nY: 2\r\n\r\n",
                           &rs, NULL),
                     CAMP_OK);
    assert_true(rs.chunked);
    assert_int_equal(rs.body_len, 12);
    assert_string_equal(rs.body, "hello, world");
    assert_false(rs.must_close);
    assert_int_equal(rs.header_count, 1); /* the header lines, not the two trailers */
}

static void test_response_close_delimited(void **state)
{
    camp_http_response_t rs;
    (void)state;
    assert_int_equal(serve("HTTP/1.1 200 OK\r\n\r\n{\"a\":1}", &rs, NULL), CAMP_OK);
    assert_string_equal(rs.body, "{\"a\":1}");
    assert_true(rs.must_close);
    assert_int_equal(rs.content_length, -1);
}

static void test_response_redirect_reported(void **state)
{
    camp_http_response_t rs;
    (void)state;
    assert_int_equal(serve("HTTP/1.1 301 Moved Permanently\r\n"
                           "Location: https://api.getoutbox.ai/email/campaigns/\r\n"
                           "Content-Length: 0\r\n\r\n",
                           &rs, NULL),
                     CAMP_OK);
    assert_int_equal(camp_http_status_map(rs.status), CAMP_ERR_HTTP_REDIRECT);
    assert_string_equal(rs.location, "https://api.getoutbox.ai/email/campaigns/");
    assert_int_equal(g_fake.streams[0].len, g_fake.pos); /* nothing else was fetched */
    assert_int_equal(g_fake.send_calls, 1);
}

static void test_status_map(void **state)
{
    (void)state;
    assert_int_equal(camp_http_status_map(200), CAMP_OK);
    assert_int_equal(camp_http_status_map(201), CAMP_OK);
    assert_int_equal(camp_http_status_map(204), CAMP_OK);
    assert_int_equal(camp_http_status_map(302), CAMP_ERR_HTTP_REDIRECT);
    assert_int_equal(camp_http_status_map(400), CAMP_ERR_API_BAD_REQUEST);
    assert_int_equal(camp_http_status_map(401), CAMP_ERR_API_UNAUTHORIZED);
    assert_int_equal(camp_http_status_map(403), CAMP_ERR_API_FORBIDDEN);
    assert_int_equal(camp_http_status_map(404), CAMP_ERR_API_NOT_FOUND);
    assert_int_equal(camp_http_status_map(409), CAMP_ERR_API_CONFLICT);
    assert_int_equal(camp_http_status_map(422), CAMP_ERR_API_UNPROCESSABLE);
    assert_int_equal(camp_http_status_map(429), CAMP_ERR_API_RATE_LIMITED);
    assert_int_equal(camp_http_status_map(500), CAMP_ERR_API_SERVER);
    assert_int_equal(camp_http_status_map(503), CAMP_ERR_API_SERVER);
    assert_int_equal(camp_http_status_map(418), CAMP_ERR_API_OTHER);
    assert_int_equal(camp_http_status_map(100), CAMP_ERR_API_OTHER);
}

/* ---- response: refusals ------------------------------------------------------------ */

static void test_refuse_status_lines(void **state)
{
    static const char *const bad[] = {
        "HTTP/2 200 OK\r\n\r\n",       "HTTP/1.2 200 OK\r\n\r\n",  "HTTP/2.0 200 OK\r\n\r\n",
        "http/1.1 200 OK\r\n\r\n",     "HTTP/1.1 20 OK\r\n\r\n",   "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 099 X\r\n\r\n",      "HTTP/1.1 600 X\r\n\r\n",   "HTTP/1.1  200 OK\r\n\r\n",
        "HTTP/1.1 200OK\r\n\r\n",      "HTTP/1.1 2x0 OK\r\n\r\n",  "ICY 200 OK\r\n\r\n",
        "\r\nHTTP/1.1 200 OK\r\n\r\n", " HTTP/1.1 200 OK\r\n\r\n",
    };
    size_t i;
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_status(bad[i], CAMP_ERR_HTTP_PROTOCOL);
    }
    assert_int_equal(serve("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", &rs, &diag),
                     CAMP_ERR_HTTP_PROTOCOL);
    assert_string_equal(diag.path, "http.status_line");
    assert_int_equal(diag.offset, 15);
}

static void test_refuse_line_framing(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nA: b\nContent-Length: 0\r\n\r\n", CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA: b\rc\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA: b\x01\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA: b\x7f\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA : b\r\nContent-Length: 0\r\n\r\n", CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\n: empty\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nA(b): c\r\nContent-Length: 0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    /* a NUL byte inside a header line */
    {
        static const char nul[] = "HTTP/1.1 200 OK\r\nA: b\0c\r\nContent-Length: 0\r\n\r\n";
        camp_http_response_t rs;
        assert_int_equal(serve_n(nul, sizeof nul - 1, 1, sizeof g_buf, false, &rs, NULL),
                         CAMP_ERR_HTTP_PROTOCOL);
    }
}

static char g_big[CAMP_HTTP_MAX_LINE * 2 + CAMP_HTTP_MAX_HEADERS * 16 + 256];

static void test_limits_line_length(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    size_t n;
    (void)state;
    /* "X: " + value = exactly CAMP_HTTP_MAX_LINE: accepted */
    n = (size_t)snprintf(g_big, sizeof g_big, "HTTP/1.1 200 OK\r\nX: ");
    memset(g_big + n, 'v', CAMP_HTTP_MAX_LINE - 3);
    n += CAMP_HTTP_MAX_LINE - 3;
    n += (size_t)snprintf(g_big + n, sizeof g_big - n, "\r\nContent-Length: 0\r\n\r\n");
    assert_int_equal(serve_n(g_big, n, 0, sizeof g_buf, false, &rs, &diag), CAMP_OK);
    assert_int_equal(strlen(camp_http_response_header(&rs, "X")), CAMP_HTTP_MAX_LINE - 3);
    /* one byte more: refused, whole and byte by byte (before the CRLF arrives) */
    n = (size_t)snprintf(g_big, sizeof g_big, "HTTP/1.1 200 OK\r\nX: ");
    memset(g_big + n, 'v', CAMP_HTTP_MAX_LINE - 2);
    n += CAMP_HTTP_MAX_LINE - 2;
    n += (size_t)snprintf(g_big + n, sizeof g_big - n, "\r\nContent-Length: 0\r\n\r\n");
    assert_int_equal(serve_n(g_big, n, 0, sizeof g_buf, false, &rs, &diag), CAMP_ERR_HTTP_PROTOCOL);
    assert_string_equal(diag.path, "http.header");
    assert_int_equal(serve_n(g_big, n, 1, sizeof g_buf, false, &rs, &diag), CAMP_ERR_HTTP_PROTOCOL);
    /* an endless line without CRLF is cut off at the limit, not at the buffer end */
    n = (size_t)snprintf(g_big, sizeof g_big, "HTTP/1.1 200 OK\r\nX: ");
    memset(g_big + n, 'v', sizeof g_big - n - 1);
    g_big[sizeof g_big - 1] = '\0';
    assert_int_equal(serve_n(g_big, sizeof g_big - 1, 7, sizeof g_buf, false, &rs, &diag),
                     CAMP_ERR_HTTP_PROTOCOL);
    assert_true(g_fake.pos < (size_t)CAMP_HTTP_MAX_LINE + 64);
}

static void test_limits_header_count(void **state)
{
    camp_http_response_t rs;
    size_t n;
    int i;
    (void)state;
    n = (size_t)snprintf(g_big, sizeof g_big, "HTTP/1.1 200 OK\r\n");
    for (i = 0; i < CAMP_HTTP_MAX_HEADERS - 1; i++) {
        n += (size_t)snprintf(g_big + n, sizeof g_big - n, "H%d: v\r\n", i);
    }
    n += (size_t)snprintf(g_big + n, sizeof g_big - n, "Content-Length: 0\r\n\r\n");
    assert_int_equal(serve_n(g_big, n, 0, sizeof g_buf, false, &rs, NULL), CAMP_OK);
    assert_int_equal(rs.header_count, CAMP_HTTP_MAX_HEADERS);
    n = (size_t)snprintf(g_big, sizeof g_big, "HTTP/1.1 200 OK\r\n");
    for (i = 0; i < CAMP_HTTP_MAX_HEADERS; i++) {
        n += (size_t)snprintf(g_big + n, sizeof g_big - n, "H%d: v\r\n", i);
    }
    n += (size_t)snprintf(g_big + n, sizeof g_big - n, "Content-Length: 0\r\n\r\n");
    assert_int_equal(serve_n(g_big, n, 0, sizeof g_buf, false, &rs, NULL), CAMP_ERR_HTTP_PROTOCOL);
    /* trailers have the same limit */
    n = (size_t)snprintf(g_big, sizeof g_big,
                         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n");
    for (i = 0; i <= CAMP_HTTP_MAX_HEADERS; i++) {
        n += (size_t)snprintf(g_big + n, sizeof g_big - n, "T%d: v\r\n", i);
    }
    n += (size_t)snprintf(g_big + n, sizeof g_big - n, "\r\n");
    assert_int_equal(serve_n(g_big, n, 0, sizeof g_buf, false, &rs, NULL), CAMP_ERR_HTTP_PROTOCOL);
}

static void test_refuse_content_length(void **state)
{
    static const char *const bad[] = {"-1", "+5",  "5 5", "0x10", "5, 5", "", "1234567890123456789",
                                      "5;", "five"};
    size_t i;
    char resp[256];
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Length: %s\r\n\r\nhello", bad[i]);
        expect_status(resp, CAMP_ERR_HTTP_PROTOCOL);
    }
    assert_int_equal(serve("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                           "hello!",
                           &rs, &diag),
                     CAMP_ERR_HTTP_PROTOCOL);
    assert_string_equal(diag.path, "http.Content-Length");
    assert_string_equal(diag.rule, "conflicting Content-Length values");
    /* identical duplicates are harmless */
    assert_int_equal(serve("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 005\r\n\r\n"
                           "hello",
                           &rs, &diag),
                     CAMP_OK);
    assert_string_equal(rs.body, "hello");
    /* with Transfer-Encoding, in either order */
    expect_status("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "5\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                  "5\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
}

static void test_refuse_encodings(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\nxx",
                  CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 2\r\n\r\nxx",
                  CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.1 200 OK\r\nContent-Encoding:\r\nContent-Length: 2\r\n\r\nxx",
                  CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx", CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
                  "\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_ENCODING);
    expect_status("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    assert_int_equal(serve("HTTP/1.1 200 OK\r\nContent-Encoding: IDENTITY\r\nContent-Length: 2\r\n"
                           "\r\nxx",
                           &rs, &diag),
                     CAMP_OK);
}

static void test_refuse_chunk_framing(void **state)
{
    (void)state;
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "1000000000000000\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\rX0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
    expect_status("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n"
                  "bad trailer\r\n\r\n",
                  CAMP_ERR_HTTP_PROTOCOL);
}

static void test_too_large_content_length(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n";
    char full[256];
    size_t head = sizeof resp - 1;
    size_t n;
    (void)state;
    n = (size_t)snprintf(full, sizeof full, "%s", resp);
    memset(full + n, 'b', 100);
    n += 100;
    /* needs head + 100 + 1 (the body is NUL-terminated) */
    assert_int_equal(serve_n(full, n, 0, head + 100, false, &rs, &diag), CAMP_ERR_HTTP_TOO_LARGE);
    assert_int_equal(rs.needed, head + 101);
    assert_int_equal(diag.needed, (int64_t)(head + 101));
    assert_string_equal(diag.path, "http.body");
    assert_true(rs.must_close);
    assert_int_equal(serve_n(full, n, 0, head + 101, false, &rs, &diag), CAMP_OK);
    assert_int_equal(rs.body_len, 100);
    /* a length that would overflow arithmetic */
    assert_int_equal(
        serve("HTTP/1.1 200 OK\r\nContent-Length: 999999999999999999\r\n\r\n", &rs, &diag),
        CAMP_ERR_HTTP_TOO_LARGE);
}

static void test_too_large_chunked_and_close(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    static const char chunked[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "20\r\n0123456789abcdef0123456789abcdef\r\n"
                                  "20\r\n0123456789abcdef0123456789abcdef\r\n0\r\n\r\n";
    static const char closed[] = "HTTP/1.1 200 OK\r\n\r\n"
                                 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    size_t head_c = 47;
    size_t head_x = 19;
    size_t chunk;
    (void)state;
    for (chunk = 0; chunk <= 3; chunk++) {
        /* 64 body bytes: the full size is reported although storing stopped */
        size_t need;
        assert_int_equal(
            serve_n(chunked, sizeof chunked - 1, chunk, head_c + 60, false, &rs, &diag),
            CAMP_ERR_HTTP_TOO_LARGE);
        /* 64 body bytes + the "0" CRLF line that must fit behind them */
        assert_int_equal(rs.needed, head_c + 64 + 3);
        assert_int_equal(diag.needed, (int64_t)(head_c + 67));
        need = rs.needed;
        /* the reported size really is enough, and one byte less is not */
        assert_int_equal(serve_n(chunked, sizeof chunked - 1, chunk, need, false, &rs, &diag),
                         CAMP_OK);
        assert_int_equal(rs.body_len, 64);
        assert_int_equal(serve_n(chunked, sizeof chunked - 1, chunk, need - 1, false, &rs, &diag),
                         CAMP_ERR_HTTP_TOO_LARGE);
        assert_int_equal(serve_n(closed, sizeof closed - 1, chunk, head_x + 64, false, &rs, &diag),
                         CAMP_ERR_HTTP_TOO_LARGE);
        assert_int_equal(rs.needed, head_x + 65);
        assert_int_equal(serve_n(closed, sizeof closed - 1, chunk, head_x + 65, false, &rs, &diag),
                         CAMP_OK);
        assert_int_equal(rs.body_len, 64);
    }
    /* headers alone larger than the buffer */
    assert_int_equal(serve_n(closed, sizeof closed - 1, 0, 10, false, &rs, &diag),
                     CAMP_ERR_HTTP_TOO_LARGE);
}

/* A chunk-size or trailer line longer than the whole buffer ends the parse: the
 * rest of the response is still on the connection, so it must not be reused, and
 * the failure names the body's framing, not the head. */
static void test_too_large_chunk_line(void **state)
{
    static const char size_line[] =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "1;ext=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\nx\r\n0\r\n\r\n";
    static const char trailer[] =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "1\r\nx\r\n0\r\n"
        "X-Trace: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    const char *resp[2] = {size_line, trailer};
    size_t len[2] = {sizeof size_line - 1, sizeof trailer - 1};
    camp_http_response_t rs;
    camp_diag_t diag;
    size_t k, chunk;
    (void)state;
    for (k = 0; k < 2; k++) {
        for (chunk = 0; chunk <= 3; chunk++) {
            assert_int_equal(serve_n(resp[k], len[k], chunk, 100, false, &rs, &diag),
                             CAMP_ERR_HTTP_TOO_LARGE);
            assert_int_equal(rs.state_, CAMP_HTTP_ST_FAILED);
            assert_true(rs.must_close);
            assert_string_equal(diag.path, "http.body");
            assert_string_equal(diag.rule, "chunk-size or trailer line does not fit in the buffer");
            /* with room for the line the same response is read whole */
            assert_int_equal(serve_n(resp[k], len[k], chunk, 200, false, &rs, &diag), CAMP_OK);
            assert_int_equal(rs.body_len, 1);
            assert_false(rs.must_close);
        }
    }
}

static void test_closed_and_errors(void **state)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";
    static const char chunked[] = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "a\r\n0123456789\r\n0\r\n\r\n";
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    size_t at;
    (void)state;
    for (at = 0; at < sizeof resp - 1; at++) {
        fake_init(&g_fake);
        fake_add(&g_fake, resp, sizeof resp - 1)->close_at = at;
        t = fake_transport(&g_fake);
        assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"x", 1, NULL, 0, false, g_buf,
                                            sizeof g_buf, 100000, &rs, &diag),
                         CAMP_ERR_NET_CLOSED);
        assert_string_equal(diag.path, at < 17   ? "http.status_line"
                                       : at < 39 ? "http.header"
                                                 : "http.body");
        fake_init(&g_fake);
        fake_add(&g_fake, resp, sizeof resp - 1)->error_at = at;
        g_fake.chunk = 3;
        t = fake_transport(&g_fake);
        assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"x", 1, NULL, 0, false, g_buf,
                                            sizeof g_buf, 100000, &rs, &diag),
                         CAMP_ERR_NET);
        assert_true(rs.must_close);
    }
    for (at = 48; at < sizeof chunked - 1; at++) {
        fake_init(&g_fake);
        fake_add(&g_fake, chunked, sizeof chunked - 1)->close_at = at;
        t = fake_transport(&g_fake);
        assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"x", 1, NULL, 0, false, g_buf,
                                            sizeof g_buf, 100000, &rs, &diag),
                         CAMP_ERR_NET_CLOSED);
    }
    /* a keep-alive connection the server already closed: nothing at all */
    fake_init(&g_fake);
    fake_add(&g_fake, "", 0);
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"x", 1, NULL, 0, false, g_buf,
                                        sizeof g_buf, 100000, &rs, &diag),
                     CAMP_ERR_NET_CLOSED);
    assert_string_equal(diag.rule, "connection closed before any response byte");
    /* send failures */
    fake_init(&g_fake);
    fake_add(&g_fake, resp, sizeof resp - 1);
    g_fake.send_fail = true;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"x", 1, NULL, 0, false, g_buf,
                                        sizeof g_buf, 100000, &rs, &diag),
                     CAMP_ERR_NET);
    assert_int_equal(g_fake.recv_calls, 0);
}

/* ---- timeouts on the fake clock ------------------------------------------------------ */

static void test_timeout_never_returns_data(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    (void)state;
    fake_init(&g_fake);
    fake_add(&g_fake, "", 0)->stall = true;
    g_fake.tick_ms = 10;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 5000, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
    assert_string_equal(diag.path, "http.response");
    /* the deadline is honoured: about 5000 / 10 polls, not more */
    assert_in_range(g_fake.recv_calls, 490, 510);
    assert_true(rs.must_close);
}

static void test_timeout_trickling_peer(void **state)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    (void)state;
    /* one byte every 5 polls: 51 bytes need ~300 ticks; the deadline is 100 */
    fake_init(&g_fake);
    fake_add(&g_fake, resp, sizeof resp - 1);
    g_fake.chunk = 1;
    g_fake.zeros = 5;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 100, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
    assert_true(g_fake.pos < sizeof resp - 1);
    /* the same trickle with enough time completes */
    fake_init(&g_fake);
    fake_add(&g_fake, resp, sizeof resp - 1);
    g_fake.chunk = 1;
    g_fake.zeros = 5;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 1000, &rs, &diag),
                     CAMP_OK);
    assert_string_equal(rs.body, "0123456789");
}

static void test_timeout_mid_body_stall(void **state)
{
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234";
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    (void)state;
    fake_init(&g_fake);
    fake_add(&g_fake, resp, sizeof resp - 1)->stay_open = true;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 300, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
}

static void test_timeout_send_stall_and_frozen_clock(void **state)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    (void)state;
    fake_init(&g_fake);
    fake_add(&g_fake, "", 0);
    g_fake.send_stall = true;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 200, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
    assert_string_equal(diag.path, "http.request");
    assert_int_equal(g_fake.recv_calls, 0);
    /* a clock that never moves cannot hang the call either */
    fake_init(&g_fake);
    fake_add(&g_fake, "", 0)->stall = true;
    g_fake.tick_ms = 0;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET", 3, NULL, 0, false, g_buf,
                                        sizeof g_buf, 200, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
    assert_int_equal(g_fake.recv_calls, CAMP_HTTP_MAX_FROZEN_POLLS + 1);
}

static void test_partial_sends_and_keep_alive_reuse(void **state)
{
    static const char two[] = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nonE"
                              "HTTP/1.1 201 OK\r\nContent-Length: 3\r\n\r\ntwo";
    static const char head[] = "POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\n";
    camp_http_response_t rs;
    camp_transport_t t;
    (void)state;
    fake_init(&g_fake);
    fake_add(&g_fake, two, sizeof two - 1)->stay_open = true;
    /* a server answers request 2 only after it arrives: the first recv()s
     * cannot see response 2 */
    g_fake.streams[0].split_at = (sizeof two - 1) / 2;
    g_fake.send_chunk = 3;
    t = fake_transport(&g_fake);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)head, sizeof head - 1,
                                        (const uint8_t *)"body", 4, false, g_buf, sizeof g_buf,
                                        1000, &rs, NULL),
                     CAMP_OK);
    assert_int_equal(g_fake.sent_len, sizeof head - 1 + 4);
    assert_memory_equal(g_fake.sent + sizeof head - 1, "body", 4);
    assert_string_equal(rs.body, "onE");
    assert_false(rs.must_close);
    /* the second response was not swallowed by the first read */
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)head, sizeof head - 1,
                                        (const uint8_t *)"body", 4, false, g_buf, sizeof g_buf,
                                        1000, &rs, NULL),
                     CAMP_OK);
    assert_int_equal(rs.status, 201);
    assert_string_equal(rs.body, "two");
}

/* ---- dates ---------------------------------------------------------------------------- */

/* The calendar arithmetic at its edges: the first and last accepted years,
 * leap days of a plain, a century and a 400-year leap year, and a century that
 * is not one. (The day name is checked for spelling, not against the date.) */
static void test_http_date_calendar(void **state)
{
    static const struct {
        const char *text;
        int64_t unix_seconds; /* -1: refused */
    } cases[] = {
        {"Thu, 01 Jan 1970 00:00:00 GMT", 0},
        {"Wed, 31 Dec 1969 23:59:59 GMT", -1},
        {"Tue, 29 Feb 1972 23:59:59 GMT", 68255999},
        {"Fri, 31 Dec 1999 23:59:59 GMT", 946684799},
        {"Tue, 29 Feb 2000 12:00:00 GMT", 951825600},
        {"Tue, 19 Jan 2038 03:14:08 GMT", 2147483648},
        {"Mon, 29 Feb 2100 00:00:00 GMT", -1},
        {"Mon, 01 Mar 2100 00:00:00 GMT", 4107542400},
        {"Tue, 29 Feb 2400 00:00:00 GMT", 13574563200},
        {"Fri, 31 Dec 9999 23:59:59 GMT", 253402300799},
        {"Fri, 31 Dec 9999 23:59:60 GMT", 253402300800},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t t = -7;
        bool ok = camp_http_parse_date(cases[i].text, strlen(cases[i].text), &t);
        assert_int_equal(ok, cases[i].unix_seconds >= 0);
        if (ok) {
            assert_int_equal(t, cases[i].unix_seconds);
        }
    }
}

static void test_http_dates(void **state)
{
    int64_t t = 0;
    camp_http_response_t rs;
    (void)state;
    assert_true(camp_http_parse_date("Sun, 06 Nov 1994 08:49:37 GMT", 29, &t));
    assert_int_equal(t, 784111777);
    assert_true(camp_http_parse_date("Sunday, 06-Nov-94 08:49:37 GMT", 30, &t));
    assert_int_equal(t, 784111777);
    assert_true(camp_http_parse_date("Sun Nov  6 08:49:37 1994", 24, &t));
    assert_int_equal(t, 784111777);
    assert_true(camp_http_parse_date("Thu, 29 Feb 2024 00:00:00 GMT", 29, &t));
    assert_int_equal(t, 1709164800);
    assert_true(camp_http_parse_date("Wednesday, 01-Jan-25 00:00:00 GMT", 33, &t));
    assert_int_equal(t, 1735689600);
    assert_false(camp_http_parse_date("Thu, 29 Feb 2023 00:00:00 GMT", 29, &t));
    assert_false(camp_http_parse_date("Sun, 31 Nov 1994 08:49:37 GMT", 29, &t));
    assert_false(camp_http_parse_date("Sun, 06 Nov 1994 24:49:37 GMT", 29, &t));
    assert_false(camp_http_parse_date("Sun, 06 Nov 1994 08:49:37 UTC", 29, &t));
    assert_false(camp_http_parse_date("Xyz, 06 Nov 1994 08:49:37 GMT", 29, &t));
    assert_false(camp_http_parse_date("Sun, 06 Noc 1994 08:49:37 GMT", 29, &t));
    assert_false(camp_http_parse_date("Sun, 6 Nov 1994 08:49:37 GMT", 28, &t));
    assert_false(camp_http_parse_date("2025-01-01T00:00:00Z", 20, &t));
    assert_false(camp_http_parse_date("", 0, &t));

    assert_int_equal(serve("HTTP/1.1 503 Busy\r\nRetry-After: Wed, 01 Jan 2025 00:02:00 GMT\r\n"
                           "Content-Length: 0\r\n\r\n",
                           &rs, NULL),
                     CAMP_OK);
    assert_int_equal(rs.retry_after_s, -1);
    assert_int_equal(rs.retry_after_date, 1735689720);
    assert_int_equal(camp_http_retry_after_ms(&rs, 1735689600), 120000);
    assert_int_equal(camp_http_retry_after_ms(&rs, 1735689800), 0); /* in the past */
    assert_int_equal(camp_http_retry_after_ms(&rs, -1), -1);        /* no wall clock */
    /* malformed hints are ignored, not fatal */
    assert_int_equal(serve("HTTP/1.1 429 X\r\nRetry-After: soon\r\nX-RateLimit-Limit: lots\r\n"
                           "Content-Length: 0\r\n\r\n",
                           &rs, NULL),
                     CAMP_OK);
    assert_int_equal(rs.retry_after_s, -1);
    assert_int_equal(rs.retry_after_date, -1);
    assert_int_equal(rs.ratelimit_limit, -1);
    assert_int_equal(camp_http_retry_after_ms(&rs, 0), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_request_get_exact_bytes),
        cmocka_unit_test(test_request_post_body_raw_auth_close),
        cmocka_unit_test(test_request_no_token_empty_post),
        cmocka_unit_test(test_request_host_forms_and_methods),
        cmocka_unit_test(test_request_small_buffer_reports_size),
        cmocka_unit_test(test_request_refuses_control_bytes),
        cmocka_unit_test(test_path_segments_encoded),
        cmocka_unit_test(test_path_refuses_control_and_empty),
        cmocka_unit_test(test_path_small_buffer),
        cmocka_unit_test(test_response_basic_fields),
        cmocka_unit_test(test_response_status_line_forms),
        cmocka_unit_test(test_response_no_body_cases),
        cmocka_unit_test(test_response_interim_skipped),
        cmocka_unit_test(test_response_chunked_ext_trailers),
        cmocka_unit_test(test_response_close_delimited),
        cmocka_unit_test(test_response_redirect_reported),
        cmocka_unit_test(test_status_map),
        cmocka_unit_test(test_refuse_status_lines),
        cmocka_unit_test(test_refuse_line_framing),
        cmocka_unit_test(test_limits_line_length),
        cmocka_unit_test(test_limits_header_count),
        cmocka_unit_test(test_refuse_content_length),
        cmocka_unit_test(test_refuse_encodings),
        cmocka_unit_test(test_refuse_chunk_framing),
        cmocka_unit_test(test_too_large_content_length),
        cmocka_unit_test(test_too_large_chunked_and_close),
        cmocka_unit_test(test_too_large_chunk_line),
        cmocka_unit_test(test_closed_and_errors),
        cmocka_unit_test(test_timeout_never_returns_data),
        cmocka_unit_test(test_timeout_trickling_peer),
        cmocka_unit_test(test_timeout_mid_body_stall),
        cmocka_unit_test(test_timeout_send_stall_and_frozen_clock),
        cmocka_unit_test(test_partial_sends_and_keep_alive_reuse),
        cmocka_unit_test(test_http_dates),
        cmocka_unit_test(test_http_date_calendar),
    };
    return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
