/* The event feed through the client: one page (GET /events and its query), the feed
 * reader (paging, skipped types, seq gaps, resuming, the empty feed, a server that
 * claims more without progress, a malformed event), GET /team, the request id and
 * the server's Date in last, and the campaign id check of get/enable/pause. */
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
#define OTHER_ID "r4t9vw15jm6bn3yxcf2dq8ek"

static fake_transport_t g_fake;
static uint8_t g_work[16384];
static camp_json_token_t g_toks[1024];
static camp_client_t g_c;
static char g_resp[FAKE_MAX_STREAMS][4096];

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

static int setup(void **state)
{
    (void)state;
    fake_init(&g_fake);
    g_fake.connected = false;
    assert_int_equal(camp_client_init_inbox(&g_c, g_work, sizeof g_work, g_toks, 1024), CAMP_OK);
    g_c.token = "T0K3N";
    g_c.transport = fake_transport(&g_fake);
    g_c.conn.open = t_open;
    g_c.conn.close = t_close;
    g_c.conn.ctx = &g_fake;
    return 0;
}

static void respond(int status, const char *extra_headers, const char *body)
{
    char *r = g_resp[g_fake.stream_count];
    assert_true(g_fake.stream_count < FAKE_MAX_STREAMS);
    snprintf(r, sizeof g_resp[0],
             "HTTP/1.1 %d X\r\nContent-Type: application/json\r\n%sContent-Length: %lu\r\n"
             "Connection: close\r\n\r\n%s",
             status, extra_headers, (unsigned long)strlen(body), body);
    assert_non_null(fake_add_str(&g_fake, r));
}

static bool str_is(camp_str_t s, const char *lit)
{
    return s.ptr != NULL && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

/* The request line of the n-th request sent (0-based): "GET /api/v1/events?... HTTP/1.1". */
static void expect_request_line(unsigned n, const char *want)
{
    const char *p = (const char *)g_fake.sent;
    const char *end = p + g_fake.sent_len;
    unsigned i = 0;
    size_t wl = strlen(want);
    /* requests are GETs without bodies: each starts with "GET " after a blank line */
    while (p < end) {
        const char *hit = NULL;
        const char *q;
        for (q = p; q + 4 <= end; q++) {
            if (memcmp(q, "GET ", 4) == 0) {
                hit = q;
                break;
            }
        }
        if (hit == NULL) {
            break;
        }
        if (i == n) {
            if ((size_t)(end - hit) < wl + 2 || memcmp(hit, want, wl) != 0 ||
                memcmp(hit + wl, "\r\n", 2) != 0) {
                fail_msg("request %u is not \"%s\"", n, want);
            }
            return;
        }
        i++;
        p = hit + 4;
    }
    fail_msg("only %u requests were sent, wanted request %u \"%s\"", i, n, want);
}

/* Requests sent in all (each is a GET). */
static unsigned requests_sent(void)
{
    unsigned n = 0;
    size_t i;
    for (i = 0; i + 4 <= g_fake.sent_len; i++) {
        if (memcmp(g_fake.sent + i, "GET ", 4) == 0) {
            n++;
        }
    }
    return n;
}

#define SUMMARY                                                                                    \
    "{\"id\":\"" ID "\",\"name\":\"Q1\",\"description\":null,"                                     \
    "\"status\":\"paused\",\"dryRun\":false,\"targetsCount\":3,\"contactedCount\":1,"              \
    "\"repliesCount\":0,\"completionRate\":0.5,\"replyRate\":0,"                                   \
    "\"createdAt\":\"2025-01-15T14:00:00Z\",\"updatedAt\":null,\"pausedAt\":null,"                 \
    "\"completedAt\":null,\"lastStartedAt\":null}"

/* A v1.0 campaign event, another type, a v2 target event. */
#define EV_CAMPAIGN(id, seq, type)                                                                 \
    "{\"id\":\"" id "\",\"seq\":" #seq ",\"teamId\":\"team1\",\"type\":\"" type "\","              \
    "\"timestamp\":\"2025-01-16T09:00:00Z\",\"version\":\"1.0\",\"data\":{\"campaign\":" SUMMARY   \
    "}}"
#define EV_OTHER(id, seq)                                                                          \
    "{\"id\":\"" id "\",\"seq\":" #seq ",\"teamId\":\"team1\",\"type\":\"thread.created\","        \
    "\"timestamp\":\"2025-01-16T09:00:01Z\",\"version\":\"1.0\",\"data\":{\"thread\":{\"id\":"     \
    "\"t\"}}}"
#define EV_V2_TARGET(id, seq)                                                                      \
    "{\"id\":\"" id "\",\"seq\":" #seq ",\"type\":\"target.replied\",\"apiVersion\":\"2\","        \
    "\"createdAt\":\"2025-01-16T09:00:02Z\","                                                      \
    "\"object\":{\"type\":\"campaign\",\"id\":\"" ID "\",\"url\":\"https://x/c\"},"                \
    "\"data\":{\"threadId\":\"th1\",\"messageId\":\"m1\",\"contactId\":\"c1\",\"stepNumber\":2}}"

static void expect_event(camp_client_feed_t *f, camp_inbox_webhook_t *ev, const char *id,
                         int64_t seq, camp_inbox_event_t kind)
{
    bool done = true;
    camp_status_t st = camp_client_feed_next(f, ev, &done);
    if (st != CAMP_OK) {
        fail_msg("feed_next: %d at %s (%s)", (int)st, g_c.last.diag.path, g_c.last.diag.rule);
    }
    assert_false(done);
    assert_true(str_is(ev->id, id));
    assert_int_equal(ev->seq, seq);
    assert_int_equal(ev->event, kind);
    assert_int_equal(f->last_seq, seq);
}

static void expect_done(camp_client_feed_t *f, camp_inbox_webhook_t *ev)
{
    bool done = false;
    assert_int_equal(camp_client_feed_next(f, ev, &done), CAMP_OK);
    assert_true(done);
}

/* ---- one page ------------------------------------------------------------------------- */

static void test_list_events_query_and_page(void **state)
{
    camp_inbox_events_page_t page;
    camp_inbox_webhook_t ev;
    bool done = true;
    (void)state;
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e1", 41,
                                        "campaign.started") "],"
                                                            "\"hasMore\":true,\"lastSeq\":41}");
    respond(200, "", "{\"events\":[],\"hasMore\":false,\"lastSeq\":null}");
    assert_int_equal(camp_client_inbox_list_events(&g_c, 40, 250, &page), CAMP_OK);
    expect_request_line(0, "GET /api/v1/events?afterSeq=40&limit=250 HTTP/1.1");
    assert_true(page.has_more);
    assert_int_equal(page.last_seq, 41);
    assert_int_equal(page.count, 1);
    /* the events are decoded from the client's document */
    assert_non_null(camp_client_last_doc(&g_c));
    assert_int_equal(camp_inbox_events_next(camp_client_last_doc(&g_c), &page, &ev, &done, NULL),
                     CAMP_OK);
    assert_false(done);
    assert_int_equal(ev.event, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    assert_true(str_is(ev.campaign.id, ID));

    /* from the beginning with the server's default: no query at all */
    assert_int_equal(camp_client_inbox_list_events(&g_c, -1, 0, &page), CAMP_OK);
    expect_request_line(1, "GET /api/v1/events HTTP/1.1");
    assert_int_equal(page.last_seq, -1);
    assert_int_equal(page.count, 0);
}

static void test_list_events_refuses_bad_query(void **state)
{
    camp_inbox_events_page_t page;
    (void)state;
    assert_int_equal(camp_client_inbox_list_events(&g_c, -1, 1001, &page), CAMP_ERR_RANGE);
    assert_string_equal(g_c.last.diag.path, "query.limit");
    assert_int_equal(g_c.last.diag.limit_min, 1);
    assert_int_equal(g_c.last.diag.limit_max, 1000);
    assert_int_equal(camp_client_inbox_list_events(&g_c, INT64_C(9007199254740992), 10, &page),
                     CAMP_ERR_RANGE);
    assert_string_equal(g_c.last.diag.path, "query.afterSeq");
    assert_int_equal(g_c.last.diag.limit_max, INT64_C(9007199254740991));
    assert_null(camp_client_last_doc(&g_c));
    assert_int_equal(g_fake.sent_len, 0); /* nothing sent */
    /* the largest values are accepted */
    respond(200, "", "{\"events\":[],\"hasMore\":false,\"lastSeq\":null}");
    assert_int_equal(camp_client_inbox_list_events(&g_c, INT64_C(9007199254740991), 1000, &page),
                     CAMP_OK);
    expect_request_line(0, "GET /api/v1/events?afterSeq=9007199254740991&limit=1000 HTTP/1.1");
}

static void test_list_events_bad_envelope(void **state)
{
    camp_inbox_events_page_t page;
    (void)state;
    respond(200, "", "{\"events\":[],\"hasMore\":\"yes\",\"lastSeq\":null}");
    assert_int_equal(camp_client_inbox_list_events(&g_c, -1, 0, &page), CAMP_ERR_TYPE);
    assert_string_equal(g_c.last.diag.path, "$.hasMore");
    assert_int_equal(g_c.last.status, CAMP_ERR_TYPE);
    assert_null(camp_client_last_doc(&g_c));
}

/* ---- the feed reader ------------------------------------------------------------------- */

static void test_feed_pages_and_skips_other_types(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e1", 1, "campaign.started") "," EV_OTHER(
                "e2", 2) "," EV_V2_TARGET("e3", 3) "],\"hasMore\":true,\"lastSeq\":3}");
    respond(200, "",
            "{\"events\":[" EV_OTHER("e4", 4) "," EV_CAMPAIGN(
                "e5", 5, "campaign.paused") "],\"hasMore\":false,\"lastSeq\":5}");
    respond(200, "", "{\"events\":[],\"hasMore\":false,\"lastSeq\":null}");
    camp_client_feed_init(&f, &g_c, -1, 3);

    expect_event(&f, &ev, "e1", 1, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    assert_true(str_is(ev.campaign.id, ID));
    expect_request_line(0, "GET /api/v1/events?limit=3 HTTP/1.1");
    /* e2 (thread.created) is skipped: not a gap, last_seq moves over it */
    expect_event(&f, &ev, "e3", 3, CAMP_INBOX_EVENT_TARGET_REPLIED);
    assert_false(f.gap);
    assert_int_equal(ev.format, CAMP_INBOX_WEBHOOK_V2);
    assert_true(str_is(ev.object_id, ID));
    assert_int_equal(requests_sent(), 1);
    /* page 1 used up with hasMore: the next call asks after its lastSeq */
    expect_event(&f, &ev, "e5", 5, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    assert_false(f.gap);
    expect_request_line(1, "GET /api/v1/events?afterSeq=3&limit=3 HTTP/1.1");
    assert_int_equal(requests_sent(), 2);
    /* the end: no request for a page known to be the last */
    expect_done(&f, &ev);
    assert_false(f.more);
    assert_false(f.stalled);
    assert_int_equal(requests_sent(), 2);
    /* polling again asks after last_seq */
    expect_done(&f, &ev);
    expect_request_line(2, "GET /api/v1/events?afterSeq=5&limit=3 HTTP/1.1");
    assert_int_equal(f.last_seq, 5);
}

static void test_feed_resumes_and_reports_gap(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    respond(
        200, "",
        "{\"events\":[" EV_CAMPAIGN("e11", 11, "campaign.resumed") "," EV_OTHER(
            "e14",
            14) "," EV_CAMPAIGN("e15", 15,
                                "campaign.completed") "," EV_CAMPAIGN("e20", 20,
                                                                      "campaign.paused") "],"
                                                                                         "\"hasMore"
                                                                                         "\":false,"
                                                                                         "\"lastSeq"
                                                                                         "\":20}");
    camp_client_feed_init(&f, &g_c, 10, 0); /* a stored lastSeq */
    expect_event(&f, &ev, "e11", 11, CAMP_INBOX_EVENT_CAMPAIGN_RESUMED);
    expect_request_line(0, "GET /api/v1/events?afterSeq=10 HTTP/1.1");
    assert_false(f.gap);
    /* 12 and 13 are missing, before the skipped e14 */
    expect_event(&f, &ev, "e15", 15, CAMP_INBOX_EVENT_CAMPAIGN_COMPLETED);
    assert_true(f.gap);
    assert_int_equal(f.gap_from, 12);
    assert_int_equal(f.gap_to, 13);
    assert_int_equal(f.gap_count, 2);
    expect_event(&f, &ev, "e20", 20, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    assert_true(f.gap);
    assert_int_equal(f.gap_from, 16);
    assert_int_equal(f.gap_to, 19);
    assert_int_equal(f.gap_count, 4);
    expect_done(&f, &ev);
    assert_false(f.gap);
}

static void test_feed_gap_across_pages_and_filtered_page(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    /* the server filtered events 8..9 out of the page but says lastSeq 9: no gap after it */
    respond(
        200, "",
        "{\"events\":[" EV_CAMPAIGN("e7", 7, "campaign.started") "],"
                                                                 "\"hasMore\":true,\"lastSeq\":9}");
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e10", 10, "campaign.paused") "," EV_CAMPAIGN(
                "e30", 30, "campaign.resumed") "],\"hasMore\":false,\"lastSeq\":30}");
    camp_client_feed_init(&f, &g_c, 6, 0);
    expect_event(&f, &ev, "e7", 7, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    expect_event(&f, &ev, "e10", 10, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    expect_request_line(1, "GET /api/v1/events?afterSeq=9 HTTP/1.1");
    assert_false(f.gap);
    expect_event(&f, &ev, "e30", 30, CAMP_INBOX_EVENT_CAMPAIGN_RESUMED);
    assert_true(f.gap);
    assert_int_equal(f.gap_from, 11);
    assert_int_equal(f.gap_to, 29);
}

static void test_feed_empty(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    respond(200, "", "{\"events\":[],\"hasMore\":false,\"lastSeq\":null}");
    camp_client_feed_init(&f, &g_c, -1, 0);
    expect_done(&f, &ev);
    assert_int_equal(f.last_seq, -1);
    assert_false(f.stalled);
    assert_false(f.more);
    assert_false(f.gap);
    assert_int_equal(requests_sent(), 1);
    expect_request_line(0, "GET /api/v1/events HTTP/1.1");
}

static void test_feed_has_more_without_progress(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    /* the same lastSeq again, then lastSeq null, then only repeats of what was read */
    respond(200, "", "{\"events\":[],\"hasMore\":true,\"lastSeq\":5}");
    respond(200, "", "{\"events\":[],\"hasMore\":true,\"lastSeq\":null}");
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e4", 4, "campaign.started") "," EV_CAMPAIGN(
                "e5", 5, "campaign.paused") "],\"hasMore\":true,\"lastSeq\":5}");
    camp_client_feed_init(&f, &g_c, 5, 0);
    expect_done(&f, &ev);
    assert_true(f.stalled);
    assert_int_equal(f.last_seq, 5);
    assert_int_equal(requests_sent(), 1); /* one request, no spinning */
    expect_done(&f, &ev);
    assert_true(f.stalled);
    assert_int_equal(requests_sent(), 2);
    expect_done(&f, &ev); /* repeats are skipped and do not move last_seq */
    assert_true(f.stalled);
    assert_int_equal(f.last_seq, 5);
    assert_int_equal(requests_sent(), 3);
    expect_request_line(2, "GET /api/v1/events?afterSeq=5 HTTP/1.1");
}

static void test_feed_page_of_other_types_only(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    (void)state;
    respond(
        200, "",
        "{\"events\":[" EV_OTHER("e1", 1) "," EV_OTHER("e2", 2) "],"
                                                                "\"hasMore\":true,\"lastSeq\":2}");
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e3", 3,
                                        "campaign.created") "],"
                                                            "\"hasMore\":false,\"lastSeq\":3}");
    camp_client_feed_init(&f, &g_c, -1, 2);
    /* the call's one request went to a page of skipped events: done, with more to read */
    expect_done(&f, &ev);
    assert_true(f.more);
    assert_false(f.stalled);
    assert_int_equal(f.last_seq, 2);
    assert_int_equal(requests_sent(), 1);
    expect_event(&f, &ev, "e3", 3, CAMP_INBOX_EVENT_CAMPAIGN_CREATED);
    assert_false(f.more);
    expect_request_line(1, "GET /api/v1/events?afterSeq=2&limit=2 HTTP/1.1");
}

static void test_feed_malformed_event(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    bool done = true;
    (void)state;
    /* e2's campaign event has no teamId */
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN(
                "e1", 1,
                "campaign.started") ","
                                    "{\"id\":\"e2\",\"seq\":2,\"type\":\"campaign.paused\","
                                    "\"timestamp\":\"2025-01-16T09:00:00Z\",\"version\":\"1.0\","
                                    "\"data\":{\"campaign\":" SUMMARY "}}"
                                    "],\"hasMore\":false,\"lastSeq\":2}");
    respond(200, "", "{\"events\":[],\"hasMore\":false,\"lastSeq\":null}");
    camp_client_feed_init(&f, &g_c, -1, 0);
    expect_event(&f, &ev, "e1", 1, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    assert_int_equal(camp_client_feed_next(&f, &ev, &done), CAMP_ERR_REQUIRED);
    assert_int_equal(g_c.last.status, CAMP_ERR_REQUIRED);
    assert_string_equal(g_c.last.diag.path, "$.events[1].teamId");
    assert_int_equal(f.bad_seq, 2);
    assert_int_equal(f.last_seq, 1); /* not moved: calling again retries */
    assert_false(f.have_page);
    /* the caller decides to step over it */
    f.last_seq = f.bad_seq;
    expect_done(&f, &ev);
    expect_request_line(1, "GET /api/v1/events?afterSeq=2 HTTP/1.1");
}

static void test_feed_request_error_then_retry(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    bool done = true;
    (void)state;
    respond(401, "X-Request-Id: req_401\r\n",
            "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"no\",\"status\":401}}");
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e8", 8,
                                        "campaign.started") "],"
                                                            "\"hasMore\":false,\"lastSeq\":8}");
    camp_client_feed_init(&f, &g_c, 7, 0);
    assert_int_equal(camp_client_feed_next(&f, &ev, &done), CAMP_ERR_API_UNAUTHORIZED);
    assert_false(done); /* not read to its end */
    assert_true(str_is(g_c.last.request_id, "req_401"));
    assert_true(str_is(g_c.last.error_code, "UNAUTHORIZED"));
    assert_int_equal(f.last_seq, 7);
    expect_event(&f, &ev, "e8", 8, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    expect_request_line(1, "GET /api/v1/events?afterSeq=7 HTTP/1.1");
}

static void test_feed_refetches_after_another_call(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    camp_inbox_team_t team;
    (void)state;
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e1", 1, "campaign.started") "," EV_CAMPAIGN(
                "e2", 2, "campaign.paused") "],\"hasMore\":false,\"lastSeq\":2}");
    respond(200, "",
            "{\"id\":\"team1\",\"name\":\"Acme\",\"slug\":\"acme\",\"image\":null,"
            "\"createdAt\":\"2025-01-01T00:00:00Z\",\"updatedAt\":null}");
    respond(
        200, "",
        "{\"events\":[" EV_CAMPAIGN("e2", 2, "campaign.paused") "],"
                                                                "\"hasMore\":false,\"lastSeq\":2}");
    camp_client_feed_init(&f, &g_c, -1, 0);
    expect_event(&f, &ev, "e1", 1, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    /* the work buffer now holds the team: the reader must not read its old page */
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_OK);
    assert_null(camp_client_last_doc(&g_c));
    expect_event(&f, &ev, "e2", 2, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    expect_request_line(2, "GET /api/v1/events?afterSeq=1 HTTP/1.1");
}

static void test_feed_refetches_after_another_page(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    camp_inbox_events_page_t other;
    (void)state;
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("e1", 1, "campaign.started") "," EV_CAMPAIGN(
                "e2", 2, "campaign.paused") "],\"hasMore\":false,\"lastSeq\":2}");
    respond(200, "",
            "{\"events\":[" EV_CAMPAIGN("x9", 9,
                                        "campaign.completed") "],"
                                                              "\"hasMore\":false,\"lastSeq\":9}");
    respond(
        200, "",
        "{\"events\":[" EV_CAMPAIGN("e2", 2, "campaign.paused") "],"
                                                                "\"hasMore\":false,\"lastSeq\":2}");
    camp_client_feed_init(&f, &g_c, -1, 0);
    expect_event(&f, &ev, "e1", 1, CAMP_INBOX_EVENT_CAMPAIGN_STARTED);
    /* another events page replaces the document: the reader's page is not that one */
    assert_int_equal(camp_client_inbox_list_events(&g_c, 8, 0, &other), CAMP_OK);
    assert_non_null(camp_client_last_doc(&g_c));
    expect_event(&f, &ev, "e2", 2, CAMP_INBOX_EVENT_CAMPAIGN_PAUSED);
    expect_request_line(2, "GET /api/v1/events?afterSeq=1 HTTP/1.1");
}

static void test_feed_arguments(void **state)
{
    camp_client_feed_t f;
    camp_inbox_webhook_t ev;
    bool done = false;
    (void)state;
    camp_client_feed_init(&f, NULL, -5, 0);
    assert_int_equal(f.last_seq, -1);
    assert_int_equal(camp_client_feed_next(&f, &ev, &done), CAMP_ERR_ARG);
    camp_client_feed_init(&f, &g_c, -1, 0);
    assert_int_equal(camp_client_feed_next(&f, NULL, &done), CAMP_ERR_ARG);
    assert_int_equal(camp_client_feed_next(&f, &ev, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_client_feed_next(NULL, &ev, &done), CAMP_ERR_ARG);
    /* a limit above 1000 is refused by the first read, nothing sent */
    camp_client_feed_init(&f, &g_c, -1, 1001);
    assert_int_equal(camp_client_feed_next(&f, &ev, &done), CAMP_ERR_RANGE);
    assert_string_equal(g_c.last.diag.path, "query.limit");
    assert_int_equal(g_fake.sent_len, 0);
}

/* ---- team, request id, Date ------------------------------------------------------------ */

static void test_get_team_request_id_and_date(void **state)
{
    camp_inbox_team_t team;
    (void)state;
    respond(200, "X-Request-Id: req_team_1\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n",
            "{\"id\":\"team1\",\"name\":\"Acme\",\"slug\":\"acme\",\"image\":null,"
            "\"createdAt\":\"2025-01-01T00:00:00Z\",\"updatedAt\":null}");
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_OK);
    expect_request_line(0, "GET /api/v1/team HTTP/1.1");
    assert_true(str_is(team.id, "team1"));
    assert_true(str_is(team.name, "Acme"));
    assert_null(team.image.ptr);
    assert_true(str_is(g_c.last.request_id, "req_team_1"));
    assert_int_equal(g_c.last.server_time, INT64_C(784111777));
}

static void test_date_absent_or_malformed(void **state)
{
    camp_inbox_team_t team;
    static const char body[] =
        "{\"id\":\"team1\",\"name\":\"Acme\",\"slug\":\"acme\",\"image\":null,"
        "\"createdAt\":\"2025-01-01T00:00:00Z\",\"updatedAt\":null}";
    (void)state;
    respond(200, "", body);
    respond(200, "Date: yesterday\r\n", body);
    respond(200, "Date: Sat, 31 Feb 2026 10:00:00 GMT\r\n", body);
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_OK);
    assert_int_equal(g_c.last.server_time, -1);
    assert_null(g_c.last.request_id.ptr);
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_OK);
    assert_int_equal(g_c.last.server_time, -1);
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_OK);
    assert_int_equal(g_c.last.server_time, -1);
}

static void test_error_request_id_from_body_and_date(void **state)
{
    camp_inbox_team_t team;
    (void)state;
    /* the v2 error body without the header */
    respond(403, "Date: Fri, 04 Dec 2026 10:00:00 GMT\r\n",
            "{\"code\":\"forbidden\",\"message\":\"admin only\",\"details\":null,"
            "\"requestId\":\"req_v2_9\"}");
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_ERR_API_FORBIDDEN);
    assert_int_equal(g_c.last.http_status, 403);
    assert_true(str_is(g_c.last.request_id, "req_v2_9"));
    assert_true(str_is(g_c.last.error_code, "forbidden"));
    assert_int_equal(g_c.last.server_time, INT64_C(1796378400));
}

static void test_team_malformed(void **state)
{
    camp_inbox_team_t team;
    (void)state;
    respond(200, "",
            "{\"id\":\"Team-1\",\"name\":\"Acme\",\"slug\":\"acme\",\"image\":null,"
            "\"createdAt\":\"2025-01-01T00:00:00Z\",\"updatedAt\":null}");
    assert_int_equal(camp_client_inbox_get_team(&g_c, &team), CAMP_ERR_PATTERN);
    assert_string_equal(g_c.last.diag.path, "$.id");
}

/* ---- the campaign id check -------------------------------------------------------------- */

static char g_campaign_body[4096];

/* The legacy get fixture's shape with another id. */
static const char *campaign_with_id(const char *id)
{
    snprintf(g_campaign_body, sizeof g_campaign_body,
             "{\"id\":\"%s\",\"name\":\"Q1\",\"description\":null,\"status\":\"paused\","
             "\"dryRun\":false,\"targetsCount\":3,\"contactedCount\":1,\"repliesCount\":0,"
             "\"completionRate\":0.5,\"replyRate\":0,\"createdAt\":\"2025-01-15T14:00:00Z\","
             "\"updatedAt\":null,\"pausedAt\":null,\"completedAt\":null,\"lastStartedAt\":null}",
             id);
    return g_campaign_body;
}

static void test_campaign_id_mismatch(void **state)
{
    static camp_inbox_campaign_t camp;
    camp_status_t st;
    (void)state;
    respond(200, "", campaign_with_id(ID));
    st = camp_client_inbox_get_campaign(&g_c, ID, &camp);
    if (st != CAMP_OK) {
        /* the summary shape may not be a full campaign: say which rule, then stop */
        fail_msg("baseline: %d at %s (%s)", (int)st, g_c.last.diag.path, g_c.last.diag.rule);
    }
    respond(200, "X-Request-Id: req_mix\r\n", campaign_with_id(OTHER_ID));
    assert_int_equal(camp_client_inbox_get_campaign(&g_c, ID, &camp), CAMP_ERR_INVALID);
    assert_int_equal(g_c.last.status, CAMP_ERR_INVALID);
    assert_string_equal(g_c.last.diag.path, "$.id");
    assert_string_equal(g_c.last.diag.rule, "not the campaign that was asked for");
    assert_true(str_is(g_c.last.request_id, "req_mix"));
    respond(200, "", campaign_with_id(OTHER_ID));
    assert_int_equal(camp_client_inbox_pause_campaign(&g_c, ID, &camp), CAMP_ERR_INVALID);
    assert_string_equal(g_c.last.diag.path, "$.id");
    /* a longer id that starts with the one asked for is another campaign too */
    respond(200, "", campaign_with_id(ID "x"));
    assert_int_equal(camp_client_inbox_enable_campaign(&g_c, ID, &camp), CAMP_ERR_INVALID);
    assert_string_equal(g_c.last.diag.path, "$.id");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_list_events_query_and_page, setup),
        cmocka_unit_test_setup(test_list_events_refuses_bad_query, setup),
        cmocka_unit_test_setup(test_list_events_bad_envelope, setup),
        cmocka_unit_test_setup(test_feed_pages_and_skips_other_types, setup),
        cmocka_unit_test_setup(test_feed_resumes_and_reports_gap, setup),
        cmocka_unit_test_setup(test_feed_gap_across_pages_and_filtered_page, setup),
        cmocka_unit_test_setup(test_feed_empty, setup),
        cmocka_unit_test_setup(test_feed_has_more_without_progress, setup),
        cmocka_unit_test_setup(test_feed_page_of_other_types_only, setup),
        cmocka_unit_test_setup(test_feed_malformed_event, setup),
        cmocka_unit_test_setup(test_feed_request_error_then_retry, setup),
        cmocka_unit_test_setup(test_feed_refetches_after_another_call, setup),
        cmocka_unit_test_setup(test_feed_refetches_after_another_page, setup),
        cmocka_unit_test_setup(test_feed_arguments, setup),
        cmocka_unit_test_setup(test_get_team_request_id_and_date, setup),
        cmocka_unit_test_setup(test_date_absent_or_malformed, setup),
        cmocka_unit_test_setup(test_error_request_id_from_body_and_date, setup),
        cmocka_unit_test_setup(test_team_malformed, setup),
        cmocka_unit_test_setup(test_campaign_id_mismatch, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
