/* Client errors the main client tests do not reach: init and route arguments,
 * missing path pieces, contacts query rules, work buffers too small (with the
 * size needed), client misconfiguration, v2 error bodies with a request ID,
 * Host values with ports. Every rejected call sends nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_client.h"
#include "fake_transport.h"

#define ID "usdjpdql3f90seqk13rwuo7z"

static fake_transport_t g_fake;
static uint8_t g_work[16384];
static camp_json_token_t g_toks[1024];
static camp_client_t g_c;
static char g_resp[FAKE_MAX_STREAMS][2048];

static camp_status_t t_open(void *ctx, const char *host, uint16_t port)
{
    (void)host;
    (void)port;
    return (camp_status_t)fake_open(ctx);
}

static void t_close(void *ctx)
{
    fake_close(ctx);
}

static void plug(void)
{
    g_c.token = "T0K3N";
    g_c.transport = fake_transport(&g_fake);
    g_c.conn.open = t_open;
    g_c.conn.close = t_close;
    g_c.conn.ctx = &g_fake;
}

static int setup(void **state)
{
    (void)state;
    fake_init(&g_fake);
    g_fake.connected = false;
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    plug();
    return 0;
}

static void respond(int status, const char *extra_headers, const char *body)
{
    char *r = g_resp[g_fake.stream_count];
    snprintf(r, sizeof g_resp[0],
             "HTTP/1.1 %d X\r\nContent-Type: application/json\r\n%sContent-Length: %lu\r\n"
             "Connection: close\r\n\r\n%s",
             status, extra_headers, (unsigned long)strlen(body), body);
    assert_non_null(fake_add_str(&g_fake, r));
}

/* The call's status, and last.diag's path and rule. */
static void expect_last(camp_status_t got, camp_status_t want, const char *path, const char *rule)
{
    if (got != want || g_c.last.status != want || strcmp(g_c.last.diag.path, path) != 0 ||
        (rule != NULL && strcmp(g_c.last.diag.rule, rule) != 0)) {
        fail_msg("got %d (last %d) at %s (%s), want %d at %s (%s)", (int)got, (int)g_c.last.status,
                 g_c.last.diag.path, g_c.last.diag.rule, (int)want, path,
                 rule != NULL ? rule : "-");
    }
}

/* camp_client_set_route() reports through last.diag (its status is returned, not kept). */
static void expect_route(camp_status_t got, const char *path, const char *rule)
{
    if (got != CAMP_ERR_ARG || g_c.last.diag.status != CAMP_ERR_ARG ||
        strcmp(g_c.last.diag.path, path) != 0 || strcmp(g_c.last.diag.rule, rule) != 0) {
        fail_msg("got %d at %s (%s), want %d at %s (%s)", (int)got, g_c.last.diag.path,
                 g_c.last.diag.rule, (int)CAMP_ERR_ARG, path, rule);
    }
}

static bool str_is(camp_str_t s, const char *lit)
{
    return s.ptr != NULL && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

static void test_init_arguments(void **state)
{
    static camp_client_t c;
    (void)state;
    assert_int_equal(camp_client_init_inbox(NULL, g_work, 16, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_inbox(&c, NULL, 16, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_inbox(&c, g_work, 0, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_inbox(&c, g_work, 16, NULL, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_inbox(&c, g_work, 16, g_toks, 0), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(NULL, g_work, 16, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(&c, NULL, 16, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(&c, g_work, 0, g_toks, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(&c, g_work, 16, NULL, 16), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(&c, g_work, 16, g_toks, 0), CAMP_ERR_ARG);
    assert_int_equal(camp_client_init_outbox(&c, g_work, 16, g_toks, 16), CAMP_OK);
    assert_string_equal(c.host, CAMP_OUTBOX_HOST);
    assert_string_equal(c.base_path, "");
}

static void test_set_route_rules(void **state)
{
    static const char *const bad[] = {
        "/campaigns/{campaignId",      /* placeholder not closed */
        "/campaigns/{campaignId}/a b", /* space */
        "/campaigns/{campaignId}#x",   /* fragment */
        "/campaigns/{campaignId}?x=1", /* query */
        "/campaigns/}{campaignId}",    /* stray brace */
        "/campaigns/{campaignId}/\x7f",
        "/campaigns/{id}", /* unknown placeholder */
        "/campaigns/",     /* the route's placeholder missing */
    };
    size_t i;
    (void)state;
    assert_int_equal(
        camp_client_set_route(NULL, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, "/p/{campaignId}"),
        CAMP_ERR_ARG);
    expect_route(camp_client_set_route(&g_c, CAMP_ROUTE_COUNT, CAMP_HTTP_POST, "/p"), "route",
                 "unknown route or method");
    expect_route(camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, NULL), "route",
                 "unknown route or method");
    expect_route(camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, "p/{campaignId}"),
                 "route", "unknown route or method");
    expect_route(
        camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, (camp_http_method_t)9, "/p/{campaignId}"),
        "route", "unknown route or method");
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, bad[i]) != CAMP_ERR_ARG ||
            strcmp(g_c.last.diag.path, "route.path") != 0) {
            fail_msg("template %zu (%s) accepted or wrong path %s", i, bad[i], g_c.last.diag.path);
        }
    }
    assert_string_equal(g_c.routes[CAMP_ROUTE_PAUSE].path, CAMP_ROUTE_PATH_PAUSE);
    assert_int_equal(camp_client_set_route(&g_c, CAMP_ROUTE_LEAD_CANCEL, CAMP_HTTP_DELETE,
                                           "/c/{campaignId}/l/{identifier}"),
                     CAMP_OK);
    assert_int_equal(g_c.routes[CAMP_ROUTE_LEAD_CANCEL].method, CAMP_HTTP_DELETE);
    assert_int_equal(g_fake.sent_len, 0);
}

static void test_missing_path_pieces(void **state)
{
    static camp_inbox_lead_update_t lu;
    static camp_inbox_column_update_t cu;
    (void)state;
    memset(&lu, 0, sizeof lu);
    lu.data.ptr = "{}";
    lu.data.len = 2;
    memset(&cu, 0, sizeof cu);
    cu.name.ptr = "n";
    cu.name.len = 1;
    expect_last(camp_client_inbox_update_lead(&g_c, ID, NULL, &lu), CAMP_ERR_REQUIRED,
                "path.identifier", "required");
    expect_last(camp_client_inbox_update_column(&g_c, ID, NULL, &cu, NULL), CAMP_ERR_REQUIRED,
                "path.columnId", "required");
    expect_last(camp_client_inbox_update_column(&g_c, ID, "custom_a\r\nX: 1", &cu, NULL),
                CAMP_ERR_HTTP_HEADER, "path.columnId",
                "control byte (CR, LF, ...) in a path piece");
    assert_int_equal(g_fake.sent_len, 0);
    assert_int_equal(g_fake.opens, 0);
}

static void test_contacts_query_rules(void **state)
{
    static camp_outbox_contacts_page_t page;
    static const char *const tags_with_null[] = {"vip", NULL};
    camp_client_contacts_query_t q;
    (void)state;
    assert_int_equal(camp_client_init_outbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    plug();
    memset(&q, 0, sizeof q);
    q.page = -1;
    expect_last(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_RANGE, "query.page",
                "must be >= 1 (0 = omitted)");
    assert_true(g_c.last.diag.has_limit);
    assert_int_equal(g_c.last.diag.limit_min, 1);
    q.page = 0;
    q.sort_by = "name";
    expect_last(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_ENUM, "query.sort_by",
                "must be \"last_activity\" or \"created_at\"");
    q.sort_by = "created_at";
    q.sort_direction = "up";
    expect_last(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_ENUM,
                "query.sort_direction", "must be \"asc\" or \"desc\"");
    q.sort_direction = "desc";
    q.tag_count = 1;
    expect_last(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_ARG, "query.tags",
                "tags is NULL");
    q.tags = tags_with_null;
    q.tag_count = 2;
    expect_last(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_ARG, "query.tags",
                "tag is NULL");
    assert_int_equal(g_fake.sent_len, 0);

    /* no query: the bare path */
    respond(200, "", "{}");
    assert_int_equal(camp_client_outbox_list_contacts(&g_c, NULL, NULL), CAMP_OK);
    assert_true(g_fake.sent_len > 30);
    assert_memory_equal(g_fake.sent, "GET /contacts/list HTTP/1.1\r\n", 29);
    fake_clear_sent(&g_fake);

    /* valid: every parameter in the target, in order */
    q.tag_count = 1;
    q.page = 3;
    respond(200, "", "{}");
    assert_int_equal(camp_client_outbox_list_contacts(&g_c, &q, NULL), CAMP_OK);
    assert_true(g_fake.sent_len > 0);
    assert_memory_equal(g_fake.sent,
                        "GET /contacts/list?page=3&tags=vip&sort_by=created_at&sort_direction=desc "
                        "HTTP/1.1\r\n",
                        82);
}

static void test_work_buffer_too_small(void **state)
{
    static camp_inbox_campaign_t c;
    size_t head_len;
    (void)state;
    /* enable sends `{}`: two bytes at least */
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, 1, g_toks, 1024), CAMP_OK);
    plug();
    expect_last(camp_client_inbox_enable_campaign(&g_c, ID, &c), CAMP_ERR_BUFFER_TOO_SMALL, "$",
                "work buffer too small");
    assert_int_equal(g_c.last.diag.needed, 2);
    assert_int_equal(g_fake.sent_len, 0);

    /* the full head of a GET, measured with a large buffer */
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    plug();
    respond(200, "", "{}");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_OK);
    head_len = g_fake.sent_len;
    assert_true(head_len > 100);
    fake_clear_sent(&g_fake);
    /* the target (42 bytes + NUL) fits, the head does not: needed = target + head */
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, 80, g_toks, 1024), CAMP_OK);
    plug();
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(g_c.last.diag.needed, (int64_t)(43u + head_len));
    assert_int_equal(g_fake.sent_len, 0);
}

static void test_client_misconfigured(void **state)
{
    static camp_inbox_campaign_t c;
    static char long_host[300];
    static camp_inbox_lead_update_t lu;
    (void)state;
    g_c.transport.send = NULL;
    expect_last(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_ARG, "client",
                "work buffer, tokens, transport and routes are required");
    plug();
    g_c.host = NULL;
    expect_last(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_ARG, "client.host",
                "required");
    g_c.host = "";
    expect_last(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_ARG, "client.host",
                "required");
    memset(long_host, 'a', sizeof long_host - 1u);
    g_c.host = long_host;
    expect_last(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_ARG, "client.host",
                "host name too long");
    assert_int_equal(g_fake.sent_len, 0);

    /* a missing body is an argument error, with or without a client */
    g_c.host = CAMP_INBOX_HOST;
    expect_last(camp_client_inbox_update_lead(&g_c, ID, "jack", NULL), CAMP_ERR_ARG, "$",
                "body is required");
    assert_int_equal(camp_client_inbox_update_lead(NULL, ID, "jack", NULL), CAMP_ERR_ARG);
    memset(&lu, 0, sizeof lu);
    assert_int_equal(camp_client_inbox_update_lead(NULL, ID, "jack", &lu), CAMP_ERR_ARG);
    assert_int_equal(camp_client_outbox_create_campaign(&g_c, NULL, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_client_outbox_create_sender(&g_c, NULL, NULL), CAMP_ERR_ARG);
    assert_int_equal(g_fake.sent_len, 0);
}

static void test_v2_error_body_request_id(void **state)
{
    (void)state;
    respond(429, "",
            "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"details\":null,"
            "\"requestId\":\"req_7f3a\"}");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_ERR_API_RATE_LIMITED);
    assert_int_equal(g_c.last.http_status, 429);
    assert_true(str_is(g_c.last.error_code, "RATE_LIMITED"));
    assert_true(str_is(g_c.last.error_message, "slow down"));
    assert_true(str_is(g_c.last.request_id, "req_7f3a"));
}

static void test_raw_body_without_out(void **state)
{
    (void)state;
    /* out NULL: not decoded, the raw body is kept (even one that is no campaign) */
    respond(200, "X-Request-Id: abc\r\n", "{\"anything\":[1,2]}");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_OK);
    assert_int_equal(g_c.last.body_len, 18);
    assert_memory_equal(g_c.last.body, "{\"anything\":[1,2]}", 18);
    assert_true(str_is(g_c.last.request_id, "abc"));
}

static void test_host_port(void **state)
{
    static const char *const want[] = {"Host: inboxapp.com:8443\r\n", "Host: inboxapp.com\r\n",
                                       "Host: inboxapp.com:443\r\n"};
    static const uint16_t ports[] = {8443, 80, 443};
    static const bool tls[] = {true, false, false};
    size_t i;
    (void)state;
    for (i = 0; i < 3; i++) {
        char sent[512];
        size_t n;
        g_c.port = ports[i];
        g_c.tls = tls[i];
        fake_clear_sent(&g_fake);
        respond(200, "", "{}");
        assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, NULL), CAMP_OK);
        n = g_fake.sent_len < sizeof sent - 1u ? g_fake.sent_len : sizeof sent - 1u;
        memcpy(sent, g_fake.sent, n);
        sent[n] = '\0';
        if (strstr(sent, want[i]) == NULL) {
            fail_msg("port %u tls %d: want %s in\n%s", ports[i], (int)tls[i], want[i], sent);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_init_arguments, setup),
        cmocka_unit_test_setup(test_set_route_rules, setup),
        cmocka_unit_test_setup(test_missing_path_pieces, setup),
        cmocka_unit_test_setup(test_contacts_query_rules, setup),
        cmocka_unit_test_setup(test_work_buffer_too_small, setup),
        cmocka_unit_test_setup(test_client_misconfigured, setup),
        cmocka_unit_test_setup(test_v2_error_body_request_id, setup),
        cmocka_unit_test_setup(test_raw_body_without_out, setup),
        cmocka_unit_test_setup(test_host_port, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
