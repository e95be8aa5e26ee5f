/* Client: exact request bytes per endpoint, status mapping, error bodies,
 * path-piece checks, route overrides, reconnects and retry decisions, all over
 * the scripted fake transport. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_client.h"
#include "fake_transport.h"
#include "fixture.h"

#define ID "usdjpdql3f90seqk13rwuo7z"

static fake_transport_t g_fake;
static uint8_t g_work[16384];
static camp_json_token_t g_toks[1024];
static camp_client_t g_c;
static char g_resp[FAKE_MAX_STREAMS][8192];

/* fixture files kept alive: request structs point into them */
static char g_files[24][8192];
static size_t g_file_count;

/* retry ports */
static uint32_t g_sleeps[16];
static unsigned g_sleep_count;
static uint32_t g_random_value;


static char *fixture(const char *name, size_t *len)
{
    char *buf;
    size_t n;
    assert_true(g_file_count < 24);
    buf = g_files[g_file_count++];
    n = fixture_load(name, buf, sizeof g_files[0]);
    if (len != NULL) {
        *len = n;
    }
    return buf;
}

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

static uint32_t t_random(void *ctx)
{
    (void)ctx;
    return g_random_value;
}

static void t_sleep(void *ctx, uint32_t ms)
{
    fake_transport_t *f = (fake_transport_t *)ctx;
    if (g_sleep_count < 16) {
        g_sleeps[g_sleep_count] = ms;
    }
    g_sleep_count++;
    f->now += ms; /* waiting moves the fake clock */
}

static int setup(void **state)
{
    (void)state;
    fake_init(&g_fake);
    g_fake.connected = false;
    g_file_count = 0;
    g_sleep_count = 0;
    g_random_value = 0;
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    g_c.token = "T0K3N";
    g_c.transport = fake_transport(&g_fake);
    g_c.conn.open = t_open;
    g_c.conn.close = t_close;
    g_c.conn.ctx = &g_fake;
    return 0;
}

/* Queue a response; the stream closes after it (one response per connection). */
static void respond(int status, const char *reason, const char *extra_headers, const char *body)
{
    char *r = g_resp[g_fake.stream_count];
    snprintf(r, sizeof g_resp[0],
             "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\n%sContent-Length: %lu\r\n"
             "Connection: close\r\n\r\n%s",
             status, reason, extra_headers, (unsigned long)strlen(body), body);
    assert_non_null(fake_add_str(&g_fake, r));
}

static void respond_fixture(int status, const char *name)
{
    respond(status, "OK", "", fixture(name, NULL));
}

/* The head the client must have sent, before its body. */
static void expect_head(const char *method, const char *target, const char *auth, long body_len,
                        const char *host)
{
    char want[1024];
    int n = snprintf(want, sizeof want,
                     "%s %s HTTP/1.1\r\nHost: %s\r\n%s%s%s"
                     "User-Agent: libcamp/0.1.0\r\nAccept: application/json\r\n",
                     method, target, host, auth != NULL ? "Authorization: " : "",
                     auth != NULL ? auth : "", auth != NULL ? "\r\n" : "");
    if (body_len >= 0) {
        n += snprintf(want + n, sizeof want - (size_t)n,
                      "Content-Type: application/json\r\nContent-Length: %ld\r\n", body_len);
    }
    n += snprintf(want + n, sizeof want - (size_t)n, "Connection: keep-alive\r\n\r\n");
    if (g_fake.sent_len < (size_t)n || memcmp(g_fake.sent, want, (size_t)n) != 0) {
        fail_msg("request head differs.\nwant:\n%s\ngot:\n%.*s", want, (int)g_fake.sent_len,
                 (const char *)g_fake.sent);
    }
    assert_int_equal(g_fake.sent_len, (size_t)n + (size_t)(body_len > 0 ? body_len : 0));
}

static const char *sent_body(void)
{
    static char body[8192];
    const uint8_t *end = NULL;
    size_t i;
    for (i = 0; i + 3 < g_fake.sent_len; i++) {
        if (memcmp(g_fake.sent + i, "\r\n\r\n", 4) == 0) {
            end = g_fake.sent + i + 4;
            break;
        }
    }
    assert_non_null(end);
    memcpy(body, end, g_fake.sent_len - (size_t)(end - g_fake.sent));
    body[g_fake.sent_len - (size_t)(end - g_fake.sent)] = '\0';
    return body;
}

/* ---- exact requests -------------------------------------------------------------------- */

static void test_get_campaign_exact_request(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    expect_head("GET", "/api/v1/campaigns/" ID, "Bearer T0K3N", -1, "inboxapp.com");
    assert_int_equal(g_c.last.http_status, 200);
    assert_int_equal(g_c.last.attempts, 1);
    assert_memory_equal(c.base.name.ptr, "Q1 SaaS founders outreach", c.base.name.len);
    assert_int_equal(c.base.targets_count, 4723);
    assert_int_equal(c.shape, CAMP_INBOX_SHAPE_LEGACY);
    assert_int_equal(g_fake.opens, 1);
    assert_int_equal(g_fake.closes, 1); /* Connection: close honoured */
}

static void test_enable_pause_send_empty_object(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    respond_fixture(200, "inboxapp-campaign-enable-response.json");
    respond_fixture(200, "inboxapp-campaign-pause-response.json");
    assert_int_equal(camp_client_inbox_enable_campaign(&g_c, ID, &c), CAMP_OK);
    expect_head("POST", "/api/v1/campaigns/v2/" ID "/enable", "Bearer T0K3N", 2, "inboxapp.com");
    assert_string_equal(sent_body(), "{}");
    assert_int_equal(c.shape, CAMP_INBOX_SHAPE_V2);
    fake_clear_sent(&g_fake);
    assert_int_equal(camp_client_inbox_pause_campaign(&g_c, ID, &c), CAMP_OK);
    expect_head("POST", "/api/v1/campaigns/" ID "/pause", "Bearer T0K3N", 2, "inboxapp.com");
    assert_int_equal(c.base.status, CAMP_INBOX_STATUS_PAUSED);
}

/* Encode @p obj the way the client must have, and compare with what was sent. */
static void expect_inbox_body(camp_inbox_type_t type, const void *obj)
{
    static char want[8192];
    size_t len = 0;
    assert_int_equal(camp_inbox_encode(type, obj, want, sizeof want, &len, NULL), CAMP_OK);
    assert_int_equal(strlen(sent_body()), len);
    assert_memory_equal(sent_body(), want, len);
}

static void test_inbox_bodies_exact(void **state)
{
    static camp_inbox_campaign_create_t create;
    static camp_inbox_sequence_t seq;
    static camp_inbox_sequence_t seq_out;
    static camp_inbox_rules_update_t rules;
    static camp_inbox_leads_add_t leads;
    static camp_inbox_lead_update_t lead_up;
    static camp_inbox_lead_cancel_t cancel;
    static camp_inbox_column_update_t col;
    static camp_inbox_campaign_t camp;
    camp_inbox_success_t ok;
    camp_inbox_leads_add_result_t added;
    static camp_inbox_column_t column;
    size_t n;
    char *f;
    (void)state;
#define LOAD(type, name, obj)                                                                      \
    f = fixture(name, &n);                                                                         \
    assert_int_equal(camp_inbox_parse(type, f, n, g_toks, 1024, &obj, sizeof obj, NULL), CAMP_OK)
    LOAD(CAMP_INBOX_CAMPAIGN_CREATE, "inboxapp-campaign-create-request.json", create);
    LOAD(CAMP_INBOX_SEQUENCE_UPDATE, "inboxapp-sequence-update-request.json", seq);
    LOAD(CAMP_INBOX_RULES_UPDATE, "inboxapp-lead-rules-update-request.json", rules);
    LOAD(CAMP_INBOX_LEADS_ADD, "inboxapp-add-leads-request.json", leads);
    LOAD(CAMP_INBOX_LEAD_UPDATE, "inboxapp-update-lead-request.json", lead_up);
    LOAD(CAMP_INBOX_LEAD_CANCEL, "inboxapp-cancel-lead-request.json", cancel);
    LOAD(CAMP_INBOX_COLUMN_UPDATE, "inboxapp-column-update-request.json", col);
#undef LOAD

    respond_fixture(200, "inboxapp-campaign-create-response.json");
    assert_int_equal(camp_client_inbox_create_campaign(&g_c, &create, &camp), CAMP_OK);
    assert_memory_equal(g_fake.sent, "POST /api/v1/campaigns/v2 HTTP/1.1\r\n", 36);
    expect_inbox_body(CAMP_INBOX_CAMPAIGN_CREATE, &create);
    assert_string_equal(sent_body(), "{\"name\":\"Q1 outreach\",\"accountLinkIds\":"
                                     "[\"r4t9vw15jm6bn3yxcf2dq8ek\"]}");

    fake_clear_sent(&g_fake);
    respond_fixture(200, "inboxapp-sequence-update-response.json");
    assert_int_equal(camp_client_inbox_update_sequence(&g_c, ID, &seq, &seq_out), CAMP_OK);
    expect_head("PUT", "/api/v1/campaigns/v2/" ID "/sequence", "Bearer T0K3N",
                (long)strlen(sent_body()), "inboxapp.com");
    expect_inbox_body(CAMP_INBOX_SEQUENCE_UPDATE, &seq);
    assert_true(seq_out.version >= 0);

    fake_clear_sent(&g_fake);
    respond_fixture(200, "inboxapp-success-response.json");
    assert_int_equal(camp_client_inbox_update_lead_rules(&g_c, ID, &rules, &ok), CAMP_OK);
    assert_memory_equal(g_fake.sent, "PATCH /api/v1/campaigns/v2/" ID "/rules HTTP/1.1\r\n", 60);
    expect_inbox_body(CAMP_INBOX_RULES_UPDATE, &rules);
    assert_true(ok.is_true);

    fake_clear_sent(&g_fake);
    respond_fixture(200, "inboxapp-add-leads-response.json");
    assert_int_equal(camp_client_inbox_add_leads(&g_c, ID, &leads, &added), CAMP_OK);
    assert_memory_equal(g_fake.sent, "POST /api/v1/campaigns/v2/" ID "/leads HTTP/1.1\r\n", 59);
    expect_inbox_body(CAMP_INBOX_LEADS_ADD, &leads);
    assert_int_equal(added.added, 2);
    assert_int_equal(added.skipped, 1);

    fake_clear_sent(&g_fake);
    respond(200, "OK", "", "{\"prospect\":{\"username\":\"jack\"}}");
    assert_int_equal(camp_client_inbox_update_lead(&g_c, ID, "jack_dorsey", &lead_up), CAMP_OK);
    assert_memory_equal(g_fake.sent,
                        "PATCH /api/v1/campaigns/v2/" ID "/leads/jack_dorsey HTTP/1.1\r\n", 71);
    expect_inbox_body(CAMP_INBOX_LEAD_UPDATE, &lead_up);
    assert_memory_equal(g_c.last.body, "{\"prospect\"", 11);

    fake_clear_sent(&g_fake);
    respond_fixture(200, "inboxapp-success-response.json");
    assert_int_equal(camp_client_inbox_cancel_lead(&g_c, ID, "44196397", &cancel, &ok), CAMP_OK);
    assert_memory_equal(g_fake.sent,
                        "POST /api/v1/campaigns/v2/" ID "/leads/44196397/cancel HTTP/1.1\r\n", 75);
    expect_inbox_body(CAMP_INBOX_LEAD_CANCEL, &cancel);

    fake_clear_sent(&g_fake);
    respond_fixture(200, "inboxapp-column-update-response.json");
    assert_int_equal(
        camp_client_inbox_update_column(&g_c, ID, "custom_q5cktl47a6pqa74eu06fz89v", &col, &column),
        CAMP_OK);
    assert_memory_equal(g_fake.sent,
                        "PATCH /api/v1/campaigns/v2/" ID
                        "/columns/custom_q5cktl47a6pqa74eu06fz89v HTTP/1.1\r\n",
                        91);
    expect_inbox_body(CAMP_INBOX_COLUMN_UPDATE, &col);
    assert_memory_equal(column.name.ptr, "Role", 4);
}

static void test_outbox_requests_exact(void **state)
{
    static camp_outbox_campaign_create_t create;
    static camp_outbox_sender_create_t sender;
    static camp_outbox_campaign_t camp;
    static camp_outbox_sender_t sender_out;
    static camp_outbox_contacts_page_t page;
    static char want[4096];
    camp_json_doc_t doc;
    size_t n;
    size_t len;
    char *f;
    static const char *const tags[] = {"vip", "q1 leads"};
    camp_client_contacts_query_t q;
    (void)state;
    assert_int_equal(camp_client_init_outbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    g_c.token = "key-9";
    g_c.transport = fake_transport(&g_fake);
    g_c.conn.open = t_open;
    g_c.conn.close = t_close;
    g_c.conn.ctx = &g_fake;
    g_c.user_timezone = "Europe/Berlin";

    f = fixture("outbox-email-campaign-create-request.json", &n);
    assert_int_equal(camp_json_parse(&doc, f, n, g_toks, 1024, NULL), CAMP_OK);
    assert_int_equal(camp_outbox_campaign_create_decode(&doc, 0, &create, NULL), CAMP_OK);
    f = fixture("outbox-email-sender-create-request.json", &n);
    assert_int_equal(camp_json_parse(&doc, f, n, g_toks, 1024, NULL), CAMP_OK);
    assert_int_equal(camp_outbox_sender_create_decode(&doc, 0, &sender, NULL), CAMP_OK);

    respond_fixture(201, "outbox-email-campaign-create-response.json");
    assert_int_equal(camp_client_outbox_create_campaign(&g_c, &create, &camp), CAMP_OK);
    assert_int_equal(camp_outbox_campaign_create_encode(&create, want, sizeof want, &len, NULL),
                     CAMP_OK);
    /* Outbox D1: the email pages document Bearer */
    expect_head("POST", "/email/campaigns/", "Bearer key-9", (long)len, "api.getoutbox.ai");
    assert_memory_equal(sent_body(), want, len);
    assert_int_equal(g_c.last.http_status, 201);

    fake_clear_sent(&g_fake);
    respond_fixture(201, "outbox-email-sender-create-response.json");
    assert_int_equal(camp_client_outbox_create_sender(&g_c, &sender, &sender_out), CAMP_OK);
    assert_int_equal(camp_outbox_sender_create_encode(&sender, want, sizeof want, &len, NULL),
                     CAMP_OK);
    expect_head("POST", "/email/senders/", "Bearer key-9", (long)len, "api.getoutbox.ai");
    assert_memory_equal(sent_body(), want, len);

    fake_clear_sent(&g_fake);
    respond_fixture(200, "outbox-contacts-list-response.json");
    memset(&q, 0, sizeof q);
    q.page = 3;
    q.tags = tags;
    q.tag_count = 2;
    q.sort_by = "created_at";
    q.sort_direction = "asc";
    assert_int_equal(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_OK);
    {
        static const char want_head[] =
            "GET /contacts/list?page=3&tags=vip&tags=q1%20leads&sort_by=created_at"
            "&sort_direction=asc HTTP/1.1\r\n"
            "Host: api.getoutbox.ai\r\n"
            "Authorization: key-9\r\n" /* introduction page: raw key */
            "User-Agent: libcamp/0.1.0\r\n"
            "Accept: application/json\r\n"
            "X-User-Timezone: Europe/Berlin\r\n"
            "Connection: keep-alive\r\n\r\n";
        assert_int_equal(g_fake.sent_len, sizeof want_head - 1);
        assert_memory_equal(g_fake.sent, want_head, sizeof want_head - 1);
    }
    assert_true(page.total >= (int64_t)page.count);
    q.sort_by = "name";
    assert_int_equal(camp_client_outbox_list_contacts(&g_c, &q, &page), CAMP_ERR_ENUM);
    assert_string_equal(g_c.last.diag.path, "query.sort_by");
}

/* ---- refusals before sending --------------------------------------------------------------- */

static void test_path_pieces_checked(void **state)
{
    static camp_inbox_campaign_t c;
    static camp_inbox_lead_cancel_t cancel;
    camp_inbox_success_t ok;
    static camp_inbox_column_update_t col;
    (void)state;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, "USDJP", &c), CAMP_ERR_PATTERN);
    assert_string_equal(g_c.last.diag.path, "path.campaignId");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, "abc\r\nX-Evil: 1", &c),
                     CAMP_ERR_HTTP_HEADER);
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, "", &c), CAMP_ERR_PATTERN);
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, "../team", &c), CAMP_ERR_PATTERN);
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, NULL, &c), CAMP_ERR_REQUIRED);
    cancel.by = CAMP_INBOX_BY_PLATFORM_ID;
    cancel.platform = CAMP_INBOX_PLATFORM_TWITTER;
    assert_int_equal(camp_client_inbox_cancel_lead(&g_c, ID, "", &cancel, &ok), CAMP_ERR_LENGTH);
    assert_int_equal(camp_client_inbox_cancel_lead(&g_c, ID, "a\nb", &cancel, &ok),
                     CAMP_ERR_HTTP_HEADER);
    assert_int_equal(camp_client_inbox_update_column(&g_c, ID, "q5cktl47", &col, NULL),
                     CAMP_ERR_PATTERN);
    /* a token with CR/LF never goes out */
    g_c.token = "tok\r\nX-Admin: yes";
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_HTTP_HEADER);
    assert_int_equal(g_fake.sent_len, 0);
    assert_int_equal(g_fake.opens, 0);
}

static void test_identifier_percent_encoded(void **state)
{
    static camp_inbox_lead_cancel_t cancel;
    camp_inbox_success_t ok;
    (void)state;
    cancel.by = CAMP_INBOX_BY_USERNAME;
    cancel.platform = CAMP_INBOX_PLATFORM_TWITTER;
    respond_fixture(200, "inboxapp-success-response.json");
    assert_int_equal(camp_client_inbox_cancel_lead(&g_c, ID, "a/b?c", &cancel, &ok), CAMP_OK);
    assert_memory_equal(g_fake.sent,
                        "POST /api/v1/campaigns/v2/" ID "/leads/a%2Fb%3Fc/cancel HTTP/1.1\r\n", 76);
}

static void test_invalid_body_not_sent(void **state)
{
    static camp_inbox_campaign_create_t create;
    static camp_inbox_campaign_t c;
    (void)state;
    memset(&create, 0, sizeof create);
    create.name.ptr = "x";
    create.name.len = 1;
    create.account_count = 0; /* at least one account link is required */
    respond_fixture(200, "inboxapp-campaign-create-response.json");
    assert_int_not_equal(camp_client_inbox_create_campaign(&g_c, &create, &c), CAMP_OK);
    assert_int_equal(g_fake.sent_len, 0);
    assert_int_equal(g_c.last.http_status, 0);
}

/* ---- status mapping and error bodies --------------------------------------------------------- */

static void test_status_mapping_and_error_bodies(void **state)
{
    static camp_inbox_campaign_t c;
    static const struct {
        int status;
        camp_status_t want;
    } map[] = {{400, CAMP_ERR_API_BAD_REQUEST},  {401, CAMP_ERR_API_UNAUTHORIZED},
               {403, CAMP_ERR_API_FORBIDDEN},    {404, CAMP_ERR_API_NOT_FOUND},
               {409, CAMP_ERR_API_CONFLICT},     {422, CAMP_ERR_API_UNPROCESSABLE},
               {429, CAMP_ERR_API_RATE_LIMITED}, {500, CAMP_ERR_API_SERVER},
               {502, CAMP_ERR_API_SERVER},       {418, CAMP_ERR_API_OTHER}};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof map / sizeof map[0]; i++) {
        char body[160];
        setup(NULL);
        snprintf(body, sizeof body,
                 "{\"error\":{\"code\":\"SOME_CODE\",\"message\":\"went \\\"wrong\\\"\","
                 "\"status\":%d}}",
                 map[i].status);
        respond(map[i].status, "X", "", body);
        assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), map[i].want);
        assert_int_equal(g_c.last.status, map[i].want);
        assert_int_equal(g_c.last.http_status, map[i].status);
        assert_memory_equal(g_c.last.error_code.ptr, "SOME_CODE", 9);
        assert_int_equal(g_c.last.error_message.len, 12);
        assert_memory_equal(g_c.last.error_message.ptr, "went \"wrong\"", 12);
    }
    /* the flat form (D12) */
    setup(NULL);
    respond_fixture(401, "inboxapp-error-unauthorized-flat.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_UNAUTHORIZED);
    assert_memory_equal(g_c.last.error_code.ptr, "Unauthorized", 12);
    assert_memory_equal(g_c.last.error_message.ptr, "Invalid or missing authentication token", 39);
    /* DRF style {"detail"} (Outbox) and a non-JSON body */
    setup(NULL);
    respond(403, "Forbidden", "", "{\"detail\":\"No access.\"}");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_FORBIDDEN);
    assert_null(g_c.last.error_code.ptr);
    assert_memory_equal(g_c.last.error_message.ptr, "No access.", 10);
    setup(NULL);
    respond(502, "Bad Gateway", "", "<html>bad gateway</html>");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_SERVER);
    assert_null(g_c.last.error_message.ptr);
    assert_memory_equal(g_c.last.body, "<html>", 6);
}

static void test_redirect_not_followed(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    respond(301, "Moved", "Location: https://example.com/x\r\n", "");
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_HTTP_REDIRECT);
    assert_string_equal(g_c.last.location, "https://example.com/x");
    assert_int_equal(g_fake.opens, 1);
    assert_int_equal(g_c.last.attempts, 1);
}

static void test_bad_response_body_reports_path(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    respond_fixture(200, "invalid/inboxapp-legacy-campaign-hourly-rate-61.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_RANGE);
    assert_string_equal(g_c.last.diag.path, "$.hourlyMessageRate");
}

static void test_work_buffer_too_small(void **state)
{
    static camp_inbox_campaign_t c;
    static uint8_t small[600];
    (void)state;
    g_c.work = small;
    g_c.work_cap = sizeof small;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_HTTP_TOO_LARGE);
    assert_true(g_c.last.diag.needed > 2800);
    g_c.work_cap = 40; /* not even the request head fits */
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_true(g_c.last.diag.needed > 40);
}

/* ---- routes ----------------------------------------------------------------------------------- */

static void test_route_override(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    assert_int_equal(camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST,
                                           "/campaigns/v2/{campaignId}/disable"),
                     CAMP_OK);
    respond_fixture(200, "inboxapp-campaign-pause-response.json");
    assert_int_equal(camp_client_inbox_pause_campaign(&g_c, ID, &c), CAMP_OK);
    assert_memory_equal(g_fake.sent, "POST /api/v1/campaigns/v2/" ID "/disable HTTP/1.1\r\n", 61);
    assert_int_equal(
        camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, "/campaigns/{id}/pause"),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_client_set_route(&g_c, CAMP_ROUTE_PAUSE, CAMP_HTTP_POST, "/campaigns/pause"),
        CAMP_ERR_ARG); /* the ID must go somewhere */
    assert_int_equal(
        camp_client_set_route(&g_c, CAMP_ROUTE_CREATE, CAMP_HTTP_POST, "/campaigns/{campaignId}"),
        CAMP_ERR_ARG);
    assert_int_equal(
        camp_client_set_route(&g_c, CAMP_ROUTE_CREATE, CAMP_HTTP_POST, "/campaigns\r\n"),
        CAMP_ERR_ARG);
    assert_int_equal(camp_client_set_route(&g_c, CAMP_ROUTE_CREATE, CAMP_HTTP_POST, "/campaigns"),
                     CAMP_OK);
    assert_string_equal(camp_client_default_route(CAMP_ROUTE_CREATE)->path, "/campaigns/v2");
    assert_string_equal(camp_client_default_route(CAMP_ROUTE_PAUSE)->path,
                        "/campaigns/{campaignId}/pause");
    assert_null(camp_client_default_route(CAMP_ROUTE_COUNT));
}

static void test_host_header_with_port(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    g_c.host = "127.0.0.1";
    g_c.port = 8080;
    g_c.tls = false;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    expect_head("GET", "/api/v1/campaigns/" ID, "Bearer T0K3N", -1, "127.0.0.1:8080");
    setup(NULL);
    g_c.host = "::1";
    g_c.port = 443;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    expect_head("GET", "/api/v1/campaigns/" ID, "Bearer T0K3N", -1, "[::1]");
}

static void test_keep_alive_reuses_connection(void **state)
{
    static camp_inbox_campaign_t c;
    static char two[16384];
    char *body;
    size_t n;
    int k;
    (void)state;
    body = fixture("inboxapp-campaign-get-response.json", &n);
    k = snprintf(two, sizeof two, "HTTP/1.1 200 OK\r\nContent-Length: %lu\r\n\r\n%s",
                 (unsigned long)n, body);
    snprintf(two + k, sizeof two - (size_t)k, "HTTP/1.1 200 OK\r\nContent-Length: %lu\r\n\r\n%s",
             (unsigned long)n, body);
    fake_add_str(&g_fake, two)->split_at = (size_t)k;
    g_fake.streams[0].stay_open = true;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_fake.opens, 1);
    assert_int_equal(g_fake.closes, 0);
    camp_client_disconnect(&g_c);
    assert_int_equal(g_fake.closes, 1);
}

static bool sent_contains(const char *needle)
{
    size_t n = strlen(needle), i;
    for (i = 0; i + n <= g_fake.sent_len; i++) {
        if (memcmp(g_fake.sent + i, needle, n) == 0) {
            return true;
        }
    }
    return false;
}

/* keep_alive = false sends `Connection: close`; the connection is finished after
 * the response even when the server answers without `Connection: close` and
 * keeps the socket open, so the next call must connect afresh. */
static void test_no_keep_alive_reconnects_each_call(void **state)
{
    static camp_inbox_campaign_t c;
    static char r1[8192], r2[8192];
    char *body;
    size_t n;
    (void)state;
    body = fixture("inboxapp-campaign-get-response.json", &n);
    snprintf(r1, sizeof r1, "HTTP/1.1 200 OK\r\nContent-Length: %lu\r\n\r\n%s", (unsigned long)n,
             body);
    memcpy(r2, r1, sizeof r1);
    assert_non_null(fake_add_str(&g_fake, r1));
    g_fake.streams[0].stay_open = true;
    assert_non_null(fake_add_str(&g_fake, r2));
    g_fake.streams[1].stay_open = true;
    g_c.keep_alive = false;
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_true(sent_contains("Connection: close\r\n"));
    assert_int_equal(g_fake.closes, 1);
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_fake.opens, 2);
    assert_int_equal(g_fake.closes, 2);
}

/* ---- retries -------------------------------------------------------------------------------------- */

static void enable_retry(void)
{
    g_c.retry.random = t_random;
    g_c.retry.sleep_ms = t_sleep;
    g_c.retry.ctx = &g_fake;
}

static void test_retry_honours_retry_after(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    enable_retry();
    respond(429, "Too Many Requests", "Retry-After: 2\r\nX-RateLimit-Remaining: 0\r\n",
            "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"status\":429}}");
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_c.last.attempts, 2);
    assert_int_equal(g_sleep_count, 1);
    assert_int_equal(g_sleeps[0], 2000);
    assert_int_equal(g_c.last.waited_ms, 2000);
    assert_int_equal(g_fake.opens, 2);
}

static void test_retry_full_jitter_and_attempt_bound(void **state)
{
    static camp_inbox_campaign_t c;
    int i;
    (void)state;
    enable_retry();
    g_c.retry.max_attempts = 4;
    g_random_value = 0xFFFFFFFFu;
    for (i = 0; i < 5; i++) {
        respond(503, "Unavailable", "", "");
    }
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_SERVER);
    assert_int_equal(g_c.last.attempts, 4);
    assert_int_equal(g_sleep_count, 3);
    /* random % (ceiling + 1) with ceilings 1000, 2000, 4000 */
    assert_int_equal(g_sleeps[0], 0xFFFFFFFFu % 1001u);
    assert_int_equal(g_sleeps[1], 0xFFFFFFFFu % 2001u);
    assert_int_equal(g_sleeps[2], 0xFFFFFFFFu % 4001u);
}

/* A policy without an attempt bound stops at CAMP_RETRY_ATTEMPTS_MAX attempts, and
 * does not wait after the last one. */
static void test_retry_hard_cap(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    enable_retry();
    g_c.retry.max_attempts = UINT32_MAX;
    g_c.retry.max_total_ms = 0;
    g_random_value = 0;
    respond(503, "Unavailable", "", "");
    /* every later attempt fails to connect: no stream is left */
    assert_int_not_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_c.last.attempts, CAMP_RETRY_ATTEMPTS_MAX);
    assert_int_equal(g_sleep_count, CAMP_RETRY_ATTEMPTS_MAX - 1u);
}

static void test_no_retry_for_unsafe_or_final(void **state)
{
    static camp_inbox_campaign_create_t create;
    static camp_inbox_campaign_t c;
    size_t n;
    char *f;
    (void)state;
    enable_retry();
    f = fixture("inboxapp-campaign-create-request.json", &n);
    assert_int_equal(camp_inbox_parse(CAMP_INBOX_CAMPAIGN_CREATE, f, n, g_toks, 1024, &create,
                                      sizeof create, NULL),
                     CAMP_OK);
    respond(429, "Too Many", "Retry-After: 1\r\n", "");
    respond_fixture(200, "inboxapp-campaign-create-response.json");
    /* create is not idempotent: a 429 is returned, not retried */
    assert_int_equal(camp_client_inbox_create_campaign(&g_c, &create, &c),
                     CAMP_ERR_API_RATE_LIMITED);
    assert_int_equal(g_c.last.attempts, 1);
    assert_int_equal(g_c.last.retry_after_ms, 1000);
    assert_int_equal(g_sleep_count, 0);
    /* a 404 on a GET is final */
    setup(NULL);
    enable_retry();
    respond(404, "Not Found", "", "");
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_NOT_FOUND);
    assert_int_equal(g_c.last.attempts, 1);
    /* without a random source nothing is retried */
    setup(NULL);
    g_c.retry.sleep_ms = t_sleep;
    respond(503, "Unavailable", "", "");
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_SERVER);
    assert_int_equal(g_c.last.attempts, 1);
}

static void test_retry_after_network_error_and_total_bound(void **state)
{
    static camp_inbox_campaign_t c;
    (void)state;
    enable_retry();
    g_random_value = 10;
    fake_add_str(&g_fake, "HTTP/1.1 200 OK\r\nContent-Le")->close_at = 20; /* dies mid-header */
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_c.last.attempts, 2);
    assert_int_equal(g_sleeps[0], 10);
    /* a Retry-After beyond the total budget ends the loop */
    setup(NULL);
    enable_retry();
    g_c.retry.max_total_ms = 30000;
    respond(429, "Too Many", "Retry-After: 60\r\n", "");
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_ERR_API_RATE_LIMITED);
    assert_int_equal(g_c.last.attempts, 1);
    assert_int_equal(g_c.last.retry_after_ms, 60000);
    /* a stalled server times out, and the timeout is retried for a GET */
    setup(NULL);
    enable_retry();
    g_c.timeout_ms = 50;
    fake_add(&g_fake, "", 0)->stall = true;
    respond_fixture(200, "inboxapp-campaign-get-response.json");
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &c), CAMP_OK);
    assert_int_equal(g_c.last.attempts, 2);
}

static void test_retry_decide_table(void **state)
{
    camp_retry_policy_t p;
    uint32_t d = 99;
    (void)state;
    memset(&p, 0, sizeof p);
    p.max_attempts = 6;
    p.base_ms = 1000;
    p.max_delay_ms = 60000;
    p.max_total_ms = 100000;
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_API_RATE_LIMITED, 1, 0, -1, 500, &d));
    assert_int_equal(d, 500);
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_TIMEOUT, 1, 0, -1, 5000, &d));
    assert_int_equal(d, 5000 % 1001);
    /* ceiling grows to max_delay and stays there */
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_NET, 5, 0, -1, 59999, &d));
    assert_int_equal(d, 59999 % 16001);
    p.max_attempts = 30;
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_NET_CLOSED, 20, 0, -1, 4000000000u, &d));
    assert_int_equal(d, 4000000000u % 60001u);
    p.max_attempts = 6;
    /* Retry-After wins over jitter, even above max_delay */
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_API_RATE_LIMITED, 1, 0, 90000, 1, &d));
    assert_int_equal(d, 90000);
    /* bounds */
    assert_false(camp_retry_decide(&p, true, CAMP_ERR_API_SERVER, 6, 0, -1, 1, &d));
    assert_false(camp_retry_decide(&p, true, CAMP_ERR_API_SERVER, 1, 99990, 20, 1, &d));
    /* max_total_ms 0: no total cap */
    p.max_total_ms = 0;
    assert_true(camp_retry_decide(&p, true, CAMP_ERR_API_SERVER, 1, 99990, 20, 1, &d));
    assert_int_equal(d, 20);
    p.max_total_ms = 100000;
    assert_false(camp_retry_decide(&p, false, CAMP_ERR_API_SERVER, 1, 0, -1, 1, &d));
    assert_int_equal(d, 0);
    assert_false(camp_retry_decide(&p, true, CAMP_ERR_API_UNPROCESSABLE, 1, 0, -1, 1, &d));
    assert_false(camp_retry_decide(&p, true, CAMP_ERR_HTTP_PROTOCOL, 1, 0, -1, 1, &d));
    assert_false(camp_retry_decide(&p, true, CAMP_OK, 1, 0, -1, 1, &d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_get_campaign_exact_request, setup),
        cmocka_unit_test_setup(test_enable_pause_send_empty_object, setup),
        cmocka_unit_test_setup(test_inbox_bodies_exact, setup),
        cmocka_unit_test_setup(test_outbox_requests_exact, setup),
        cmocka_unit_test_setup(test_path_pieces_checked, setup),
        cmocka_unit_test_setup(test_identifier_percent_encoded, setup),
        cmocka_unit_test_setup(test_invalid_body_not_sent, setup),
        cmocka_unit_test_setup(test_status_mapping_and_error_bodies, setup),
        cmocka_unit_test_setup(test_redirect_not_followed, setup),
        cmocka_unit_test_setup(test_bad_response_body_reports_path, setup),
        cmocka_unit_test_setup(test_work_buffer_too_small, setup),
        cmocka_unit_test_setup(test_route_override, setup),
        cmocka_unit_test_setup(test_host_header_with_port, setup),
        cmocka_unit_test_setup(test_keep_alive_reuses_connection, setup),
        cmocka_unit_test_setup(test_no_keep_alive_reconnects_each_call, setup),
        cmocka_unit_test_setup(test_retry_honours_retry_after, setup),
        cmocka_unit_test_setup(test_retry_full_jitter_and_attempt_bound, setup),
        cmocka_unit_test_setup(test_retry_hard_cap, setup),
        cmocka_unit_test_setup(test_no_retry_for_unsafe_or_final, setup),
        cmocka_unit_test_setup(test_retry_after_network_error_and_total_bound, setup),
        cmocka_unit_test(test_retry_decide_table),
    };
    return cmocka_run_group_tests_name("client", tests, NULL, NULL);
}
