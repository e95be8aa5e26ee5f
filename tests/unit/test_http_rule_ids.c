/* lib/http failures with CAMP_DIAG_TEXT=0, the small-target setting: the rule
 * is an id (H01..), while the status, the path, the offset and the size needed
 * stay what they are with texts. The http sources are compiled here with the
 * knob off (the library archive keeps the default texts, see test_http.c and
 * test_http_edges.c); this test's objects take precedence over the archive's.
 * The last test checks that a line failure carries the path of the line being
 * read (status line, header, chunk size or trailer). */
#define CAMP_DIAG_TEXT 0

/* before cmocka.h, whose fail() macro would rename the parser's fail() */
#include "http/http_exchange.c"
#include "http/http_request.c"
#include "http/http_response.c"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static uint8_t g_buf[256];

/* Feed @p text whole into a fresh parser; the status of the feed. */
static camp_status_t feed_text(camp_http_response_t *rs, const char *text, bool *done,
                               camp_diag_t *d)
{
    uint8_t *dst = NULL;
    size_t room = 0;
    size_t n = strlen(text);
    camp_http_response_init(rs, g_buf, sizeof g_buf, false);
    assert_int_equal(camp_http_response_space(rs, &dst, &room), CAMP_OK);
    assert_true(room >= n);
    memcpy(dst, text, n);
    return camp_http_response_feed(rs, n, done, d);
}

static void expect(const camp_diag_t *d, camp_status_t st, const char *path, const char *rule,
                   size_t offset)
{
    assert_int_equal(d->status, st);
    assert_string_equal(d->path, path);
    assert_string_equal(d->rule, rule);
    assert_int_equal(d->offset, offset);
}

static void test_response_rule_ids(void **state)
{
    camp_http_response_t rs;
    camp_diag_t d;
    bool done = false;
    (void)state;
    /* first, a middle and the last entry of the failure table */
    assert_int_equal(feed_text(&rs, "HTTP/1.1 200 OK\r\nA: b\nC: d\r\n", &done, &d),
                     CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.header", "H02", 21);
    assert_int_equal(
        feed_text(&rs, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n", &done, &d),
        CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.Content-Length", "H12", 52);
    assert_int_equal(feed_text(&rs, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab", &done, &d),
                     CAMP_OK);
    assert_false(done);
    assert_int_equal(camp_http_response_eof(&rs, &d), CAMP_ERR_NET_CLOSED);
    expect(&d, CAMP_ERR_NET_CLOSED, "http.body", "H30", 40);
    /* outside the table */
    assert_int_equal(camp_http_response_feed(&rs, 0, &done, &d), CAMP_ERR_STATE);
    assert_string_equal(d.rule, "H31");
}

static void test_request_and_exchange_rule_ids(void **state)
{
    camp_http_request_t rq;
    camp_http_response_t rs;
    camp_diag_t d;
    char head[128];
    size_t len = 0;
    (void)state;
    camp_http_request_init(&rq, CAMP_HTTP_GET, "h", "no-slash");
    assert_int_equal(camp_http_write_request(&rq, head, sizeof head, &len, &d),
                     CAMP_ERR_HTTP_HEADER);
    assert_string_equal(d.path, "request.target");
    assert_string_equal(d.rule, "H46");
    assert_int_equal(
        camp_http_exchange_until(NULL, NULL, 0, NULL, 0, false, g_buf, sizeof g_buf, 0, &rs, &d),
        CAMP_ERR_ARG);
    assert_string_equal(d.path, "http");
    assert_string_equal(d.rule, "H43");
}

static void test_line_failure_paths(void **state)
{
    camp_http_response_t rs;
    camp_diag_t d;
    bool done = false;
    (void)state;
    assert_int_equal(feed_text(&rs, "HTTP/1.1 200\tOK\n", &done, &d), CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.status_line", "H02", 15);
    assert_int_equal(
        feed_text(&rs, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\x01\r\n", &done, &d),
        CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.chunk", "H04", 48);
    assert_int_equal(feed_text(&rs,
                               "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "1\r\na\r\n0\r\nT: x\rx\r\n",
                               &done, &d),
                     CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.trailer", "H03", 60);
    assert_int_equal(feed_text(&rs,
                               "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "0\r\n bad\r\n",
                               &done, &d),
                     CAMP_ERR_HTTP_PROTOCOL);
    expect(&d, CAMP_ERR_HTTP_PROTOCOL, "http.trailer", "H08", 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_response_rule_ids),
        cmocka_unit_test(test_request_and_exchange_rule_ids),
        cmocka_unit_test(test_line_failure_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
