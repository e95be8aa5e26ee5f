/* Event replay feed pages, the API v2 webhook envelope, tolerant prospect profiles
 * and the team object (GET /team). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "camp/camp.h"

#define MAX_TOKENS 512

static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_diag_t g_diag;
static char g_buf[8192];

static camp_json_doc_t *load(const char *json)
{
    static camp_json_doc_t doc;
    size_t n = strlen(json);
    assert_true(n < sizeof g_buf);
    memcpy(g_buf, json, n + 1);
    assert_int_equal(camp_json_parse(&doc, g_buf, n, g_tokens, MAX_TOKENS, &g_diag), CAMP_OK);
    return &doc;
}

static bool is(camp_str_t s, const char *lit)
{
    return s.ptr != NULL && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

#define SUMMARY                                                                                    \
    "{\"id\":\"w4h36qm5d9iu2sgdf6jbn7kx\",\"name\":\"Q1\",\"description\":null,"                   \
    "\"status\":\"paused\",\"dryRun\":false,\"targetsCount\":3,\"contactedCount\":1,"              \
    "\"repliesCount\":0,\"completionRate\":0.5,\"replyRate\":0,"                                   \
    "\"createdAt\":\"2025-01-15T14:00:00Z\",\"updatedAt\":null,\"pausedAt\":null,"                 \
    "\"completedAt\":null,\"lastStartedAt\":null}"

static const char FEED[] =
    "{\"events\":["
    /* v1.0 campaign event */
    "{\"id\":\"ev1\",\"seq\":7,\"teamId\":\"team1\",\"type\":\"campaign.paused\","
    "\"timestamp\":\"2025-01-16T09:00:00Z\",\"version\":\"1.0\",\"data\":{\"campaign\":" SUMMARY
    "}},"
    /* another type: decoded, kind OTHER, data raw */
    "{\"id\":\"ev2\",\"seq\":8,\"teamId\":\"team1\",\"type\":\"thread.created\","
    "\"timestamp\":\"2025-01-16T09:00:01Z\",\"version\":\"1.0\",\"data\":{\"thread\":{\"id\":\"t\"}"
    "}},"
    /* v2 target event */
    "{\"id\":\"ev3\",\"seq\":10,\"type\":\"target.replied\",\"apiVersion\":\"2\","
    "\"createdAt\":\"2025-01-16T09:00:02Z\","
    "\"object\":{\"type\":\"campaign\",\"id\":\"w4h36qm5d9iu2sgdf6jbn7kx\",\"url\":\"https://x/"
    "c\"},"
    "\"data\":{\"threadId\":\"th1\",\"messageId\":\"m1\",\"contactId\":\"c1\",\"stepNumber\":2}}"
    "],\"hasMore\":true,\"lastSeq\":10}";

static void test_feed_page_iterates_each_event(void **state)
{
    camp_json_doc_t *doc = load(FEED);
    camp_inbox_events_page_t page;
    camp_inbox_webhook_t ev;
    bool done = true;
    (void)state;
    assert_int_equal(camp_inbox_events_page_decode(doc, 0, &page, &g_diag), CAMP_OK);
    assert_true(page.has_more);
    assert_int_equal(page.last_seq, 10);
    assert_int_equal(page.count, 3);

    assert_int_equal(camp_inbox_events_next(doc, &page, &ev, &done, &g_diag), CAMP_OK);
    assert_false(done);
    assert_int_equal(ev.format, CAMP_INBOX_WEBHOOK_V1);
    assert_int_equal(ev.event, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    assert_int_equal(ev.seq, 7);
    assert_true(ev.has_campaign);
    assert_true(is(ev.campaign.id, "w4h36qm5d9iu2sgdf6jbn7kx"));

    assert_int_equal(camp_inbox_events_next(doc, &page, &ev, &done, &g_diag), CAMP_OK);
    assert_int_equal(ev.event, CAMP_INBOX_EVENT_OTHER);
    assert_true(is(ev.type, "thread.created"));
    assert_true(is(ev.data, "{\"thread\":{\"id\":\"t\"}}"));

    assert_int_equal(camp_inbox_events_next(doc, &page, &ev, &done, &g_diag), CAMP_OK);
    assert_int_equal(ev.format, CAMP_INBOX_WEBHOOK_V2);
    assert_int_equal(ev.event, CAMP_INBOX_EVENT_TARGET_REPLIED);
    assert_int_equal(ev.seq, 10);
    assert_true(is(ev.version, "2"));
    assert_true(is(ev.timestamp.raw, "2025-01-16T09:00:02Z"));
    assert_true((ev.present & CAMP_INBOX_WEBHOOK_HAS_OBJECT) != 0);
    assert_true(is(ev.object_type, "campaign"));
    assert_true(is(ev.object_id, "w4h36qm5d9iu2sgdf6jbn7kx"));
    assert_true(is(ev.thread_id, "th1"));
    assert_true(is(ev.message_id, "m1"));
    assert_true(is(ev.prospect.id, "c1"));
    assert_true((ev.present & CAMP_INBOX_WEBHOOK_HAS_STEP_NUMBER) != 0);
    assert_int_equal(ev.step_number, 2);

    assert_int_equal(camp_inbox_events_next(doc, &page, &ev, &done, &g_diag), CAMP_OK);
    assert_true(done);
}

static void test_feed_page_envelope_rules(void **state)
{
    camp_inbox_events_page_t page;
    camp_inbox_webhook_t ev;
    bool done = false;
    (void)state;
    /* an empty last page: lastSeq null */
    assert_int_equal(camp_inbox_events_page_decode(load("{\"events\":[],\"hasMore\":false,"
                                                        "\"lastSeq\":null}"),
                                                   0, &page, &g_diag),
                     CAMP_OK);
    assert_int_equal(page.last_seq, -1);
    assert_int_equal(page.count, 0);
    assert_int_equal(camp_inbox_events_next(load("[]"), &page, &ev, &done, &g_diag), CAMP_OK);
    assert_true(done);

    assert_int_equal(
        camp_inbox_events_page_decode(load("{\"events\":[],\"hasMore\":false}"), 0, &page, &g_diag),
        CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.path, "$.lastSeq");
    assert_int_equal(camp_inbox_events_page_decode(load("{\"events\":{},\"hasMore\":false,"
                                                        "\"lastSeq\":1}"),
                                                   0, &page, &g_diag),
                     CAMP_ERR_TYPE);
    assert_string_equal(g_diag.path, "$.events");
    assert_int_equal(camp_inbox_events_page_decode(load("{\"events\":[],\"hasMore\":false,"
                                                        "\"lastSeq\":-1}"),
                                                   0, &page, &g_diag),
                     CAMP_ERR_RANGE);
    assert_string_equal(g_diag.path, "$.lastSeq");
    assert_int_equal(g_diag.limit_min, 0);
    assert_int_equal(camp_inbox_events_page_decode(load("{\"events\":[],\"hasMore\":1,"
                                                        "\"lastSeq\":1}"),
                                                   0, &page, &g_diag),
                     CAMP_ERR_TYPE);
    assert_string_equal(g_diag.path, "$.hasMore");
    assert_int_equal(camp_inbox_events_page_decode(NULL, 0, &page, &g_diag), CAMP_ERR_ARG);
}

/* A bad event stops the iteration at that event, with its path in the page. */
static void test_feed_bad_event_reports_its_path(void **state)
{
    camp_json_doc_t *doc =
        load("{\"events\":[{\"id\":\"e\",\"seq\":-4,\"teamId\":\"t\",\"type\":\"campaign.paused\","
             "\"timestamp\":\"2025-01-16T09:00:00Z\",\"version\":\"1.0\",\"data\":{}}],"
             "\"hasMore\":false,\"lastSeq\":4}");
    camp_inbox_events_page_t page;
    camp_inbox_webhook_t ev;
    bool done = true;
    (void)state;
    assert_int_equal(camp_inbox_events_page_decode(doc, 0, &page, &g_diag), CAMP_OK);
    assert_int_equal(camp_inbox_events_next(doc, &page, &ev, &done, &g_diag), CAMP_ERR_RANGE);
    assert_false(done);
    assert_string_equal(g_diag.path, "$.events[0].seq");
    assert_int_equal(page.next, 0);
}

static void test_v2_envelope_round_trip(void **state)
{
    static const char json[] =
        "{\"id\":\"ev9\",\"seq\":11,\"type\":\"campaign.started\",\"apiVersion\":\"2\","
        "\"createdAt\":\"2025-01-16T09:00:02Z\","
        "\"object\":{\"type\":\"campaign\",\"id\":\"w4h36qm5d9iu2sgdf6jbn7kx\"},"
        "\"data\":{\"anything\":[1,2]}}";
    static char again[sizeof json];
    camp_inbox_webhook_t a, b;
    char out[512];
    size_t n = 0;
    (void)state;
    memcpy(again, json, sizeof json);
    assert_int_equal(camp_inbox_webhook_decode(load(json), 0, &a, &g_diag), CAMP_OK);
    assert_int_equal(a.format, CAMP_INBOX_WEBHOOK_V2);
    assert_int_equal(a.event, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    assert_null(a.team_id.ptr);
    assert_null(a.object_url.ptr);
    assert_true(is(a.data, "{\"anything\":[1,2]}"));
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_WEBHOOK, &a, out, sizeof out, &n, &g_diag),
                     CAMP_OK);
    assert_int_equal(camp_inbox_webhook_parse(out, n, g_tokens, MAX_TOKENS, &b, &g_diag), CAMP_OK);
    assert_true(camp_inbox_equal(CAMP_INBOX_WEBHOOK, &a, &b));
    b.present = 0; /* without its object it is another event */
    assert_false(camp_inbox_equal(CAMP_INBOX_WEBHOOK, &a, &b));
    assert_int_equal(camp_inbox_validate(CAMP_INBOX_WEBHOOK, &a, &g_diag), CAMP_OK);

    /* strict where it matters: seq and the envelope's date stay checked */
    assert_int_equal(camp_inbox_webhook_decode(
                         load("{\"id\":\"e\",\"seq\":1,\"type\":\"target.replied\",\"apiVersion\":"
                              "\"2\",\"createdAt\":\"yesterday\",\"data\":{}}"),
                         0, &a, &g_diag),
                     CAMP_ERR_DATE);
    assert_string_equal(g_diag.path, "$.createdAt");
    assert_int_equal(
        camp_inbox_webhook_decode(
            load("{\"id\":\"e\",\"seq\":1,\"type\":\"target.replied\",\"apiVersion\":"
                 "\"2\",\"createdAt\":\"2025-01-16T09:00:02Z\",\"data\":{\"stepNumber\":"
                 "\"2\"}}"),
            0, &a, &g_diag),
        CAMP_ERR_TYPE);
    assert_string_equal(g_diag.path, "$.data.stepNumber");
}

/* Profile data of an external person may be null or absent; the prospect's id not. */
static void test_prospect_profile_may_be_null(void **state)
{
    static const char head[] =
        "{\"id\":\"e1\",\"seq\":1,\"teamId\":\"t\",\"type\":\"target.contacted\","
        "\"timestamp\":\"2025-01-15T12:00:00Z\",\"version\":\"1.0\",\"data\":{\"campaign\":" SUMMARY
        ",\"thread\":{\"id\":\"th\"},\"message\":{\"id\":\"m\"},\"prospect\":";
    char json[2048];
    camp_inbox_webhook_t ev;
    (void)state;
    snprintf(json, sizeof json, "%s%s}}", head,
             "{\"id\":\"p1\",\"displayName\":null,\"username\":null,\"image\":null}");
    assert_int_equal(camp_inbox_webhook_decode(load(json), 0, &ev, &g_diag), CAMP_OK);
    assert_true(is(ev.prospect.id, "p1"));
    assert_null(ev.prospect.display_name.ptr);
    assert_null(ev.prospect.username.ptr);
    assert_null(ev.prospect.image.ptr);
    snprintf(json, sizeof json, "%s%s}}", head, "{\"id\":\"p1\"}");
    assert_int_equal(camp_inbox_webhook_decode(load(json), 0, &ev, &g_diag), CAMP_OK);
    snprintf(json, sizeof json, "%s%s}}", head, "{\"displayName\":\"x\"}");
    assert_int_equal(camp_inbox_webhook_decode(load(json), 0, &ev, &g_diag), CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.path, "$.data.prospect.id");
}

static void test_team_object(void **state)
{
    static const char ok[] =
        "{\"id\":\"hzcai5t59nn9vsck3rbuepyg\",\"name\":\"Acme\",\"slug\":\"acme\","
        "\"image\":null,\"createdAt\":\"2024-01-01T00:00:00Z\","
        "\"updatedAt\":null}";
    static char text[sizeof ok];
    camp_inbox_team_t t, u;
    char out[256];
    size_t n = 0;
    (void)state;
    memcpy(text, ok, sizeof ok);
    assert_int_equal(camp_inbox_team_parse(text, sizeof ok - 1, g_tokens, MAX_TOKENS, &t, &g_diag),
                     CAMP_OK);
    assert_true(is(t.slug, "acme"));
    assert_null(t.image.ptr);
    assert_null(t.updated_at.raw.ptr);
    assert_string_equal(camp_inbox_type_name(CAMP_INBOX_TEAM), "team");
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_TEAM, &t, out, sizeof out, &n, &g_diag), CAMP_OK);
    assert_int_equal(
        camp_inbox_parse(CAMP_INBOX_TEAM, out, n, g_tokens, MAX_TOKENS, &u, sizeof u, &g_diag),
        CAMP_OK);
    assert_true(camp_inbox_equal(CAMP_INBOX_TEAM, &t, &u));

    assert_int_equal(
        camp_inbox_team_decode(load("{\"id\":\"ACME\",\"name\":\"a\",\"slug\":\"a\","
                                    "\"image\":null,\"createdAt\":\"2024-01-01T00:00:00Z\","
                                    "\"updatedAt\":null}"),
                               0, &t, &g_diag),
        CAMP_ERR_PATTERN);
    assert_string_equal(g_diag.path, "$.id");
    assert_int_equal(camp_inbox_team_decode(load("{\"id\":\"acme\",\"name\":\"a\",\"image\":null,"
                                                 "\"createdAt\":\"2024-01-01T00:00:00Z\","
                                                 "\"updatedAt\":null}"),
                                            0, &t, &g_diag),
                     CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.path, "$.slug");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_page_iterates_each_event),
        cmocka_unit_test(test_feed_page_envelope_rules),
        cmocka_unit_test(test_feed_bad_event_reports_its_path),
        cmocka_unit_test(test_v2_envelope_round_trip),
        cmocka_unit_test(test_prospect_profile_may_be_null),
        cmocka_unit_test(test_team_object),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
