/* lib/inbox at every documented boundary: hourly rate (decode 1..60, encode
 * 1..25), counters 2^53-1 / 2^53, windows 0..1440, 2000 / 2001 leads, names of
 * 255 / 256 characters (not bytes), leap days, UTC offsets, capacities with the
 * count needed, variables, step inference, shapes, webhooks, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_inbox.h"

#define BUF_SIZE 131072u
#define MAX_TOKENS 8192u

static char g_json[BUF_SIZE];
static char g_out[BUF_SIZE];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_diag_t g_diag;
static camp_inbox_campaign_t g_c;
static camp_inbox_leads_add_t g_leads;
static camp_inbox_campaign_create_t g_create;
static camp_inbox_sequence_t g_seq;
static camp_inbox_webhook_t g_wh;

/* The common members, valid; tests append to them. */
#define SUMMARY                                                                                    \
    "\"id\":\"abc123\",\"name\":\"n\",\"description\":null,\"status\":\"active\","                 \
    "\"dryRun\":false,\"targetsCount\":1,\"contactedCount\":1,\"repliesCount\":0,"                 \
    "\"completionRate\":0.5,\"replyRate\":0,\"createdAt\":\"2025-06-01T12:00:00.000Z\","           \
    "\"updatedAt\":\"2025-06-01T12:00:00.000Z\",\"pausedAt\":null,\"completedAt\":null,"           \
    "\"lastStartedAt\":null"

static camp_status_t decode(camp_inbox_type_t t, void *out, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(g_json, sizeof g_json, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && (size_t)n < sizeof g_json);
    return camp_inbox_parse(t, g_json, (size_t)n, g_tokens, MAX_TOKENS, out,
                            camp_inbox_type_size(t), &g_diag);
}

#define CAMPAIGN(extra) "{" SUMMARY "," extra "}"

static void expect(camp_status_t got, camp_status_t want, const char *path)
{
    if (got != want || (path != NULL && strcmp(g_diag.path, path) != 0)) {
        fail_msg("got %d at %s (%s), want %d at %s", (int)got, g_diag.path, g_diag.rule, (int)want,
                 path != NULL ? path : "-");
    }
}

static camp_status_t encode(camp_inbox_type_t t, const void *x)
{
    size_t len;
    return camp_inbox_encode(t, x, g_out, sizeof g_out, &len, &g_diag);
}

/* ---- hourly rate (D1) ------------------------------------------------------------------- */

static void test_hourly_rate(void **state)
{
    static const char *const markers[] = {"\"enabled\":true", "\"isHydrating\":false"};
    size_t m;
    (void)state;
    for (m = 0; m < 2; m++) {
        expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("%s,\"hourlyMessageRate\":%d"),
                      markers[m], 1),
               CAMP_OK, NULL);
        assert_int_equal(g_c.hourly_message_rate, 1);
        assert_int_equal(g_c.shape, m == 0 ? CAMP_INBOX_SHAPE_V2 : CAMP_INBOX_SHAPE_LEGACY);
        expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("%s,\"hourlyMessageRate\":%d"),
                      markers[m], 25),
               CAMP_OK, NULL);
        expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("%s,\"hourlyMessageRate\":%d"),
                      markers[m], 60),
               CAMP_OK, NULL);
        assert_int_equal(g_c.hourly_message_rate, 60);
        /* 60 decodes, but encoding uses the stricter 1..25 */
        expect(encode(CAMP_INBOX_CAMPAIGN, &g_c), CAMP_ERR_RANGE, "$.hourlyMessageRate");
        assert_int_equal(g_diag.limit_max, 25);
        expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("%s,\"hourlyMessageRate\":%d"),
                      markers[m], 61),
               CAMP_ERR_RANGE, "$.hourlyMessageRate");
        assert_int_equal(g_diag.limit_min, 1);
        assert_int_equal(g_diag.limit_max, 60);
        expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("%s,\"hourlyMessageRate\":%d"),
                      markers[m], 0),
               CAMP_ERR_RANGE, "$.hourlyMessageRate");
    }
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"hourlyMessageRate\":8.5")), CAMP_ERR_RANGE,
           "$.hourlyMessageRate");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"hourlyMessageRate\":\"8\"")),
           CAMP_ERR_TYPE, "$.hourlyMessageRate");
    /* encode boundary 25 / 26 */
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"enabled\":true,\"hourlyMessageRate\":25")),
           CAMP_OK, NULL);
    expect(encode(CAMP_INBOX_CAMPAIGN, &g_c), CAMP_OK, NULL);
    assert_non_null(strstr(g_out, "\"hourlyMessageRate\":25"));
    g_c.hourly_message_rate = 26;
    expect(encode(CAMP_INBOX_CAMPAIGN, &g_c), CAMP_ERR_RANGE, "$.hourlyMessageRate");
    expect(camp_inbox_validate(CAMP_INBOX_CAMPAIGN, &g_c, &g_diag), CAMP_OK, NULL);
}

/* ---- counters ---------------------------------------------------------------------------- */

static void test_counts(void **state)
{
    (void)state;
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  "{" SUMMARY ",\"enabled\":true,\"scopeAssessedCount\":9007199254740991}"),
           CAMP_OK, NULL);
    assert_int_equal(g_c.scope_assessed_count, INT64_C(9007199254740991));
    expect(encode(CAMP_INBOX_CAMPAIGN, &g_c), CAMP_OK, NULL);
    assert_non_null(strstr(g_out, "\"scopeAssessedCount\":9007199254740991"));
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  "{" SUMMARY ",\"enabled\":true,\"scopeAssessedCount\":9007199254740992}"),
           CAMP_ERR_RANGE, "$.scopeAssessedCount");
    expect(decode(CAMP_INBOX_LEADS_ADD_RESULT, g_out,
                  "{\"added\":9007199254740991,\"skipped\":0,\"failed\":0}"),
           CAMP_OK, NULL);
    expect(decode(CAMP_INBOX_LEADS_ADD_RESULT, g_out,
                  "{\"added\":0,\"skipped\":9007199254740992,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.skipped");
    expect(decode(CAMP_INBOX_LEADS_ADD_RESULT, g_out, "{\"added\":0,\"skipped\":0,\"failed\":-1}"),
           CAMP_ERR_RANGE, "$.failed");
    expect(decode(CAMP_INBOX_LEADS_ADD_RESULT, g_out, "{\"added\":1e3,\"skipped\":0,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.added");
    expect(decode(CAMP_INBOX_LEADS_ADD_RESULT, g_out,
                  "{\"added\":99999999999999999999999,\"skipped\":0,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.added");
    /* rates: exact decimal range, fixed point */
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  "{\"id\":\"a\",\"name\":\"n\",\"description\":null,\"dryRun\":false,"
                  "\"targetsCount\":0,\"contactedCount\":0,\"repliesCount\":0,"
                  "\"completionRate\":1,\"replyRate\":1.0000001,"
                  "\"createdAt\":\"2025-06-01T12:00:00Z\",\"updatedAt\":null,\"pausedAt\":null,"
                  "\"completedAt\":null,\"lastStartedAt\":null}"),
           CAMP_ERR_RANGE, "$.replyRate");
}

/* ---- scheduleHours ---------------------------------------------------------------------------- */

static void test_windows(void **state)
{
    (void)state;
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"0\":{\"start\":0,\"end\":1440},"
                           "\"6\":{\"start\":1439,\"end\":1440}}")),
           CAMP_OK, NULL);
    assert_true(g_c.schedule_hours.day[0].has_window);
    assert_int_equal(g_c.schedule_hours.day[0].end, 1440);
    assert_int_equal(g_c.schedule_hours.day[6].start, 1439);
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"1\":{\"start\":0,\"end\":1441}}")),
           CAMP_ERR_RANGE, "$.scheduleHours[\"1\"].end");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"1\":{\"start\":600,\"end\":600}}")),
           CAMP_ERR_SCHEDULE, "$.scheduleHours[\"1\"]");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"2\":{\"start\":-1,\"end\":600}}")),
           CAMP_ERR_RANGE, "$.scheduleHours[\"2\"].start");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"scheduleHours\":{\"2\":{\"end\":600}}")),
           CAMP_ERR_REQUIRED, "$.scheduleHours[\"2\"].start");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"01\":{\"start\":1,\"end\":600}}")),
           CAMP_ERR_SCHEDULE, "$.scheduleHours[\"01\"]");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"scheduleHours\":{\"3\":{\"start\":1,\"end\":600},"
                           "\"3\":{\"start\":1,\"end\":700}}")),
           CAMP_ERR_SCHEDULE, "$.scheduleHours[\"3\"]");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"scheduleHours\":{}")), CAMP_OK, NULL);
    assert_true(g_c.present & CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS); /* {} = no sending day */
    /* validate / encode see the same rule on a built struct */
    g_c.schedule_hours.day[4] = (camp_day_window_t){true, 700, 700};
    expect(camp_inbox_validate(CAMP_INBOX_CAMPAIGN, &g_c, &g_diag), CAMP_ERR_SCHEDULE,
           "$.scheduleHours[\"4\"]");
    g_c.schedule_hours.day[4] = (camp_day_window_t){true, 700, 1441};
    expect(encode(CAMP_INBOX_CAMPAIGN, &g_c), CAMP_ERR_RANGE, "$.scheduleHours[\"4\"].end");
}

/* ---- add leads: 1..2000 ------------------------------------------------------------------------ */

static size_t ids_json(char *out, size_t cap, unsigned n)
{
    size_t len = 0;
    unsigned i;
    len += (size_t)snprintf(out + len, cap - len, "{\"platform\":\"twitter\",\"platformIds\":[");
    for (i = 0; i < n; i++) {
        len += (size_t)snprintf(out + len, cap - len, "%s\"%u\"", i ? "," : "", 10000000u + i);
    }
    len += (size_t)snprintf(out + len, cap - len, "]}");
    return len;
}

static void test_leads_2000(void **state)
{
    size_t len;
    (void)state;
#if CAMP_MAX_LEAD_IDS < 2000
    /* a configuration below the documented bound: 2000 is a capacity failure */
    len = ids_json(g_json, sizeof g_json, 2000);
    expect(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, g_json, len, g_tokens, MAX_TOKENS, &g_leads,
                            sizeof g_leads, &g_diag),
           CAMP_ERR_CAPACITY, "$.platformIds");
    assert_int_equal(g_diag.needed, 2000);
#else
    len = ids_json(g_json, sizeof g_json, 2000);
    expect(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, g_json, len, g_tokens, MAX_TOKENS, &g_leads,
                            sizeof g_leads, &g_diag),
           CAMP_OK, NULL);
    assert_int_equal(g_leads.platform_ids.count, 2000);
    expect(encode(CAMP_INBOX_LEADS_ADD, &g_leads), CAMP_OK, NULL);
    len = ids_json(g_json, sizeof g_json, 2001);
    expect(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, g_json, len, g_tokens, MAX_TOKENS, &g_leads,
                            sizeof g_leads, &g_diag),
           CAMP_ERR_LENGTH, "$.platformIds");
    assert_int_equal(g_diag.limit_min, 1);
    assert_int_equal(g_diag.limit_max, 2000);
    /* built: 2001 in the span is refused before anything is written */
    len = ids_json(g_json, sizeof g_json, 2000);
    expect(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, g_json, len, g_tokens, MAX_TOKENS, &g_leads,
                            sizeof g_leads, &g_diag),
           CAMP_OK, NULL);
    g_leads.platform_ids.count = 2001;
    expect(encode(CAMP_INBOX_LEADS_ADD, &g_leads), CAMP_ERR_LENGTH, "$.platformIds");
    g_leads.platform_ids.count = 0;
    expect(encode(CAMP_INBOX_LEADS_ADD, &g_leads), CAMP_ERR_LENGTH, "$.platformIds");
    g_leads.present = 0;
    expect(encode(CAMP_INBOX_LEADS_ADD, &g_leads), CAMP_ERR_REQUIRED, "$");
#endif

    expect(decode(CAMP_INBOX_LEADS_ADD, &g_leads, "{\"platform\":\"twitter\"}"), CAMP_ERR_REQUIRED,
           "$");
    expect(decode(CAMP_INBOX_LEADS_ADD, &g_leads, "{\"usernames\":[\"jack\",\"\"]}"),
           CAMP_ERR_LENGTH, "$.usernames[1]");
    expect(decode(CAMP_INBOX_LEADS_ADD, &g_leads, "{\"externalIds\":[]}"), CAMP_ERR_LENGTH,
           "$.externalIds");
    expect(decode(CAMP_INBOX_LEADS_ADD, &g_leads,
                  "{\"leads\":[{\"platformId\":\"1\",\"username\":\"a\"}]}"),
           CAMP_ERR_INVALID, "$.leads[0].username");
    expect(decode(CAMP_INBOX_LEADS_ADD, &g_leads, "{\"leads\":[{\"platform\":\"twitter\"}]}"),
           CAMP_ERR_REQUIRED, "$.leads[0]");
    expect(
        decode(CAMP_INBOX_LEADS_ADD, &g_leads, "{\"leads\":[{\"externalId\":\"x\",\"data\":[]}]}"),
        CAMP_ERR_TYPE, "$.leads[0].data");
}

/* ---- names: characters, not bytes ----------------------------------------------------------------- */

static void name_json(const char *unit, unsigned n)
{
    size_t len = 0;
    unsigned i;
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "{\"name\":\"");
    for (i = 0; i < n; i++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len, "%s", unit);
    }
    snprintf(g_json + len, sizeof g_json - len,
             "\",\"accountLinkIds\":[\"r4t9vw15jm6bn3yxcf2dq8ek\"]}");
}

static camp_status_t decode_name(const char *unit, unsigned n)
{
    name_json(unit, n);
    return camp_inbox_parse(CAMP_INBOX_CAMPAIGN_CREATE, g_json, strlen(g_json), g_tokens,
                            MAX_TOKENS, &g_create, sizeof g_create, &g_diag);
}

static void test_name_characters(void **state)
{
    static const char *const units[] = {"Q", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
                                        "\\u00e9"};
    size_t u;
    (void)state;
    for (u = 0; u < sizeof units / sizeof units[0]; u++) {
        expect(decode_name(units[u], 255), CAMP_OK, NULL);
        expect(encode(CAMP_INBOX_CAMPAIGN_CREATE, &g_create), CAMP_OK, NULL);
        expect(decode_name(units[u], 256), CAMP_ERR_LENGTH, "$.name");
        assert_int_equal(g_diag.limit_max, 255);
    }
    /* 255 four-byte characters are 1020 bytes: fine */
    expect(decode_name("\xf0\x9f\x98\x80", 255), CAMP_OK, NULL);
    assert_int_equal(g_create.name.len, 1020);
    g_create.name.len -= 4; /* 254 characters */
    expect(encode(CAMP_INBOX_CAMPAIGN_CREATE, &g_create), CAMP_OK, NULL);
    g_create.name.len -= 1; /* cut inside a character: not UTF-8 */
    expect(encode(CAMP_INBOX_CAMPAIGN_CREATE, &g_create), CAMP_ERR_INVALID, "$.name");
    expect(decode_name("Q", 0), CAMP_ERR_LENGTH, "$.name");
    /* column description: <= 1000 characters, or null */
    expect(decode(CAMP_INBOX_COLUMN_UPDATE, g_out, "{\"name\":\"Role\",\"description\":null}"),
           CAMP_OK, NULL);
}

/* ---- dates ---------------------------------------------------------------------------------------- */

static camp_status_t decode_created(const char *when)
{
    return decode(CAMP_INBOX_COLUMN, g_out,
                  "{\"id\":\"custom_q5c\",\"name\":\"Role\",\"type\":\"text\",\"createdAt\":\"%s\","
                  "\"updatedAt\":null}",
                  when);
}

static void test_dates(void **state)
{
    const camp_inbox_column_t *col = (const camp_inbox_column_t *)(const void *)g_out;
    (void)state;
    expect(decode_created("2024-02-29T00:00:00Z"), CAMP_OK, NULL);
    expect(decode_created("2025-02-29T00:00:00Z"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2024-02-30T00:00:00.000Z"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2000-02-29T23:59:59.999Z"), CAMP_OK, NULL);
    expect(decode_created("1900-02-29T00:00:00Z"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2025-04-31T00:00:00Z"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2025-06-01T12:00:00+05:45"), CAMP_OK, NULL);
    assert_int_equal(col->created_at.at.offset_minutes, 345);
    assert_int_equal(col->created_at.at.unix_seconds, INT64_C(1748779200) - 345 * 60);
    expect(decode_created("2025-06-01T12:00:00-00:30"), CAMP_OK, NULL);
    assert_int_equal(col->created_at.at.offset_minutes, -30);
    expect(decode_created("2025-06-01T12:00:00+24:00"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2025-06-01T12:00:00"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("2025-06-01 12:00:00Z"), CAMP_ERR_DATE, "$.createdAt");
    expect(decode_created("04/29/2025 16:00"), CAMP_ERR_DATE, "$.createdAt");
    assert_string_equal(g_diag.rule, "must be an RFC 3339 date-time");
}

/* ---- capacities: CAMP_ERR_CAPACITY with the count needed ------------------------------------------------- */

static void test_capacity(void **state)
{
    size_t len = 0;
    unsigned i, j;
    (void)state;
    /* steps */
    len = (size_t)snprintf(g_json, sizeof g_json, "{\"steps\":[");
    for (i = 0; i < CAMP_MAX_STEPS + 1u; i++) {
        len +=
            (size_t)snprintf(g_json + len, sizeof g_json - len,
                             "%s{\"type\":\"delay\",\"data\":{\"delaySeconds\":60}}", i ? "," : "");
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}");
    expect(camp_inbox_parse(CAMP_INBOX_SEQUENCE_UPDATE, g_json, len, g_tokens, MAX_TOKENS, &g_seq,
                            sizeof g_seq, &g_diag),
           CAMP_ERR_CAPACITY, "$.steps");
    assert_int_equal(g_diag.needed, CAMP_MAX_STEPS + 1);

    /* segments: a pool for the whole sequence; needed counts every step */
    len = (size_t)snprintf(g_json, sizeof g_json, "{\"steps\":[");
    for (i = 0; i < 3; i++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len,
                                "%s{\"type\":\"message\",\"data\":{\"segments\":[", i ? "," : "");
        for (j = 0; j < CAMP_MAX_SEGMENTS / 2u + 1u; j++) {
            len += (size_t)snprintf(g_json + len, sizeof g_json - len,
                                    "%s{\"type\":\"static\",\"text\":\"x\"}", j ? "," : "");
        }
        len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}}");
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}");
    expect(camp_inbox_parse(CAMP_INBOX_SEQUENCE_UPDATE, g_json, len, g_tokens, MAX_TOKENS, &g_seq,
                            sizeof g_seq, &g_diag),
           CAMP_ERR_CAPACITY, "$.steps[1].data.segments");
    assert_int_equal(g_diag.needed, 3 * (CAMP_MAX_SEGMENTS / 2 + 1));

    /* variation options */
    len = (size_t)snprintf(g_json, sizeof g_json,
                           "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":["
                           "{\"type\":\"variation\",\"options\":[\"a\"]},"
                           "{\"type\":\"variation\",\"options\":[");
    for (j = 0; j < CAMP_MAX_VARIATION_OPTIONS; j++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len, "%s\"o\"", j ? "," : "");
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}]}}]}");
    expect(camp_inbox_parse(CAMP_INBOX_SEQUENCE_UPDATE, g_json, len, g_tokens, MAX_TOKENS, &g_seq,
                            sizeof g_seq, &g_diag),
           CAMP_ERR_CAPACITY, "$.steps[0].data.segments[1].options");
    assert_int_equal(g_diag.needed, CAMP_MAX_VARIATION_OPTIONS + 1);

    /* accounts */
    len = (size_t)snprintf(g_json, sizeof g_json, "{\"name\":\"n\",\"accountLinkIds\":[");
    for (i = 0; i < CAMP_MAX_ACCOUNTS + 2u; i++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len, "%s\"a%u\"", i ? "," : "", i);
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}");
    expect(camp_inbox_parse(CAMP_INBOX_CAMPAIGN_CREATE, g_json, len, g_tokens, MAX_TOKENS,
                            &g_create, sizeof g_create, &g_diag),
           CAMP_ERR_CAPACITY, "$.accountLinkIds");
    assert_int_equal(g_diag.needed, CAMP_MAX_ACCOUNTS + 2);

    /* legacy lists */
    len = (size_t)snprintf(g_json, sizeof g_json, "{" SUMMARY ",\"lists\":[");
    for (i = 0; i < CAMP_MAX_LISTS + 1u; i++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len,
                                "%s{\"listId\":\"l%u\",\"exclude\":false}", i ? "," : "", i);
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}");
    expect(camp_inbox_parse(CAMP_INBOX_CAMPAIGN, g_json, len, g_tokens, MAX_TOKENS, &g_c,
                            sizeof g_c, &g_diag),
           CAMP_ERR_CAPACITY, "$.lists");
    assert_int_equal(g_diag.needed, CAMP_MAX_LISTS + 1);
    assert_string_equal(g_diag.rule, "more lists than CAMP_MAX_LISTS");

    /* automations */
    len = (size_t)snprintf(g_json, sizeof g_json, "{" SUMMARY ",\"automations\":[");
    for (i = 0; i < CAMP_MAX_AUTOMATIONS + 1u; i++) {
        len += (size_t)snprintf(
            g_json + len, sizeof g_json - len,
            "%s{\"id\":\"a%u\",\"trigger\":\"prospectFirstReply\",\"enabled\":true}", i ? "," : "",
            i);
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "]}");
    expect(camp_inbox_parse(CAMP_INBOX_CAMPAIGN, g_json, len, g_tokens, MAX_TOKENS, &g_c,
                            sizeof g_c, &g_diag),
           CAMP_ERR_CAPACITY, "$.automations");
    assert_int_equal(g_diag.needed, CAMP_MAX_AUTOMATIONS + 1);
}

/* ---- variables (D10) ----------------------------------------------------------------------------------- */

#define ONE_VAR_STEP(name)                                                                         \
    "{\"type\":\"message\",\"data\":{\"segments\":"                                                \
    "[{\"type\":\"variable\",\"name\":\"" name "\"}]}}"

static void test_variables(void **state)
{
    (void)state;
    /* request body: first-name or a column ID only */
    expect(
        decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq, "{\"steps\":[" ONE_VAR_STEP("first-name") "]}"),
        CAMP_OK, NULL);
    expect(
        decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq, "{\"steps\":[" ONE_VAR_STEP("custom_ab12") "]}"),
        CAMP_OK, NULL);
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[" ONE_VAR_STEP("company-name") "]}"),
           CAMP_ERR_PATTERN, "$.steps[0].data.segments[0].name");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq, "{\"steps\":[" ONE_VAR_STEP("custom_") "]}"),
           CAMP_ERR_PATTERN, "$.steps[0].data.segments[0].name");
    /* a received sequence tolerates the legacy key form, not anything else */
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":1,\"steps\":[" ONE_VAR_STEP("company-name") "]}"),
           CAMP_OK, NULL);
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":1,\"steps\":[" ONE_VAR_STEP("Company Name") "]}"),
           CAMP_ERR_PATTERN, "$.steps[0].data.segments[0].name");
    /* legacy campaign with customVariables: must be a key of the map */
    expect(
        decode(CAMP_INBOX_CAMPAIGN, &g_c,
               CAMPAIGN("\"steps\":[" ONE_VAR_STEP(
                   "job-title") "],"
                                "\"customVariables\":{\"job-title\":{\"displayName\":\"Job\"}}")),
        CAMP_OK, NULL);
    expect(
        decode(CAMP_INBOX_CAMPAIGN, &g_c,
               CAMPAIGN("\"steps\":[" ONE_VAR_STEP(
                   "custom_ab12") "],"
                                  "\"customVariables\":{\"job-title\":{\"displayName\":\"Job\"}}")),
        CAMP_ERR_REFERENCE, "$.steps[0].data.segments[0].name");
    /* checked when the campaign closes, but reported at the name in the text */
    assert_true(g_diag.offset != CAMP_DIAG_NO_OFFSET);
    assert_memory_equal(g_json + g_diag.offset, "\"custom_ab12", 12);
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"steps\":[" ONE_VAR_STEP("first-name") "],\"customVariables\":{}")),
           CAMP_OK, NULL);
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"customVariables\":{\"a\":{\"displayName\":\"A\"},"
                           "\"a\":{\"displayName\":\"B\"}}")),
           CAMP_ERR_INVALID, "$.customVariables.a");
    /* v2 campaign: form only */
    expect(
        decode(CAMP_INBOX_CAMPAIGN, &g_c,
               CAMPAIGN("\"sequence\":{\"version\":3,\"steps\":[" ONE_VAR_STEP("custom_x9") "]}")),
        CAMP_OK, NULL);
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c,
                  CAMPAIGN("\"sequence\":{\"version\":3,\"steps\":[" ONE_VAR_STEP("x y") "]}")),
           CAMP_ERR_PATTERN, "$.sequence.steps[0].data.segments[0].name");
}

/* ---- steps: inference (D7), like tweet, request rules ------------------------------------------------------ */

static void test_steps(void **state)
{
    (void)state;
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":4,\"steps\":[{\"id\":\"s1\",\"rank\":0,\"data\":{\"segments\":[]}},"
                  "{\"id\":\"s2\",\"rank\":1,\"data\":{\"delaySeconds\":3600,\"unit\":\"hours\"}},"
                  "{\"id\":\"s3\",\"rank\":2,\"type\":\"like-tweet\",\"data\":{}}]}"),
           CAMP_OK, NULL);
    assert_int_equal(g_seq.steps[0].type, CAMP_INBOX_STEP_MESSAGE);
    assert_false(g_seq.steps[0].present & CAMP_INBOX_STEP_HAS_TYPE);
    assert_int_equal(g_seq.steps[1].type, CAMP_INBOX_STEP_DELAY);
    assert_int_equal(g_seq.steps[2].type, CAMP_INBOX_STEP_LIKE_TWEET);
    expect(encode(CAMP_INBOX_SEQUENCE, &g_seq), CAMP_OK, NULL);
    /* inferred types stay inferred; the alias is written in its canonical form */
    assert_string_equal(
        g_out, "{\"version\":4,\"steps\":[{\"id\":\"s1\",\"rank\":0,\"data\":{\"segments\":[]}},"
               "{\"id\":\"s2\",\"rank\":1,\"data\":{\"delaySeconds\":3600,\"unit\":\"hours\"}},"
               "{\"id\":\"s3\",\"type\":\"likeTweet\",\"rank\":2,\"data\":{}}]}");
    /* the other alias; a name that is a prefix of one, or one byte longer, is not it */
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":4,\"steps\":[{\"type\":\"like_tweet\",\"data\":{}}]}"),
           CAMP_OK, NULL);
    assert_int_equal(g_seq.steps[0].type, CAMP_INBOX_STEP_LIKE_TWEET);
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":4,\"steps\":[{\"type\":\"like\",\"data\":{}}]}"),
           CAMP_ERR_ENUM, "$.steps[0].type");
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq,
                  "{\"version\":4,\"steps\":[{\"type\":\"delays\",\"data\":{}}]}"),
           CAMP_ERR_ENUM, "$.steps[0].type");
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq, "{\"version\":4,\"steps\":[{\"data\":{\"x\":1}}]}"),
           CAMP_ERR_REQUIRED, "$.steps[0].type");
    expect(decode(CAMP_INBOX_SEQUENCE, &g_seq, "{\"steps\":[]}"), CAMP_ERR_REQUIRED, "$.version");
    expect(
        decode(CAMP_INBOX_SEQUENCE, &g_seq,
               "{\"version\":4,\"steps\":[{\"type\":\"message\",\"data\":{\"delaySeconds\":1}}]}"),
        CAMP_ERR_REQUIRED, "$.steps[0].data.segments");
    /* request body: type required, id / rank refused */
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq, "{\"steps\":[{\"data\":{\"segments\":[]}}]}"),
           CAMP_ERR_REQUIRED, "$.steps[0].type");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[{\"id\":\"x\",\"type\":\"delay\",\"data\":{\"delaySeconds\":1}}]}"),
           CAMP_ERR_INVALID, "$.steps[0].id");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[{\"type\":\"delay\",\"rank\":0,\"data\":{\"delaySeconds\":1}}]}"),
           CAMP_ERR_INVALID, "$.steps[0].rank");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":["
                  "{\"type\":\"variation\",\"options\":[]}]}}]}"),
           CAMP_ERR_LENGTH, "$.steps[0].data.segments[0].options");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":["
                  "{\"type\":\"image\",\"url\":\"x\"}]}}]}"),
           CAMP_ERR_ENUM, "$.steps[0].data.segments[0].type");
    expect(decode(CAMP_INBOX_SEQUENCE_UPDATE, &g_seq,
                  "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":["
                  "{\"type\":\"static\"}]}}]}"),
           CAMP_ERR_REQUIRED, "$.steps[0].data.segments[0].text");
}

/* ---- shapes, webhooks, errors, page ---------------------------------------------------------------------- */

static void test_shapes_and_nulls(void **state)
{
    (void)state;
    /* D2: markers of both shapes are refused */
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"enabled\":true,\"steps\":[]")),
           CAMP_ERR_INVALID, "$.steps");
    /* D5: status may be absent */
    expect(
        decode(
            CAMP_INBOX_CAMPAIGN, &g_c,
            "{\"id\":\"a\",\"name\":\"n\",\"description\":\"d\",\"enabled\":true,\"dryRun\":true,"
            "\"targetsCount\":0,\"contactedCount\":0,\"repliesCount\":0,\"completionRate\":0,"
            "\"replyRate\":0,\"createdAt\":\"2025-06-01T12:00:00Z\","
            "\"updatedAt\":\"2025-06-01T12:00:00Z\",\"pausedAt\":null,\"completedAt\":null,"
            "\"lastStartedAt\":null}"),
        CAMP_OK, NULL);
    assert_int_equal(g_c.base.status, CAMP_INBOX_STATUS_UNSET);
    /* D16: updatedAt null only in the summary shape */
    expect(
        decode(CAMP_INBOX_CAMPAIGN, &g_c,
               "{\"id\":\"a\",\"name\":\"n\",\"description\":null,\"enabled\":true,\"dryRun\":true,"
               "\"targetsCount\":0,\"contactedCount\":0,\"repliesCount\":0,\"completionRate\":0,"
               "\"replyRate\":0,\"createdAt\":\"2025-06-01T12:00:00Z\","
               "\"updatedAt\":null,\"pausedAt\":null,\"completedAt\":null,\"lastStartedAt\":null}"),
        CAMP_ERR_TYPE, "$.updatedAt");
    expect(
        decode(CAMP_INBOX_CAMPAIGN, &g_c,
               "{\"id\":\"a\",\"name\":null,\"description\":null,\"dryRun\":true,"
               "\"targetsCount\":0,\"contactedCount\":0,\"repliesCount\":0,\"completionRate\":0,"
               "\"replyRate\":0,\"createdAt\":\"2025-06-01T12:00:00Z\","
               "\"updatedAt\":null,\"pausedAt\":null,\"completedAt\":null,\"lastStartedAt\":null}"),
        CAMP_ERR_TYPE, "$.name");
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, "[]"), CAMP_ERR_TYPE, "$");
    /* unknown members are skipped */
    expect(decode(CAMP_INBOX_CAMPAIGN, &g_c, CAMPAIGN("\"futureField\":{\"x\":[1,2]}")), CAMP_OK,
           NULL);
    /* malformed: path $ */
    assert_int_equal(camp_inbox_parse(CAMP_INBOX_CAMPAIGN, g_json, 1, g_tokens, MAX_TOKENS, &g_c,
                                      sizeof g_c, &g_diag),
                     CAMP_ERR_JSON_SYNTAX);
    assert_string_equal(g_diag.path, "$");
}

static void test_webhooks(void **state)
{
    (void)state;
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"id\":\"e1\",\"seq\":7,\"teamId\":\"t\",\"type\":\"thread.created\","
                  "\"timestamp\":\"2025-01-01T00:00:00Z\",\"version\":\"1.0\",\"data\":{\"a\":"
                  "\"\\u00e9\"}}"),
           CAMP_OK, NULL);
    assert_int_equal(g_wh.event, CAMP_INBOX_EVENT_OTHER);
    assert_int_equal(g_wh.data.len, strlen("{\"a\":\"\\u00e9\"}")); /* raw, untouched */
    expect(encode(CAMP_INBOX_WEBHOOK, &g_wh), CAMP_OK, NULL);
    assert_non_null(strstr(g_out, "\"data\":{\"a\":\"\\u00e9\"}"));
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"id\":\"e1\",\"seq\":7,\"teamId\":\"t\",\"type\":\"campaign.paused\","
                  "\"timestamp\":\"2025-01-01T00:00:00Z\",\"version\":\"1.0\",\"data\":{}}"),
           CAMP_ERR_REQUIRED, "$.data.campaign");
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"id\":\"e1\",\"seq\":-1,\"teamId\":\"t\",\"type\":\"campaign.paused\","
                  "\"timestamp\":\"2025-01-01T00:00:00Z\",\"version\":\"1.0\",\"data\":{}}"),
           CAMP_ERR_RANGE, "$.seq");
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"id\":\"e1\",\"seq\":1,\"teamId\":\"t\",\"type\":\"paused\","
                  "\"timestamp\":\"2025-01-01T00:00:00Z\",\"version\":\"1.0\",\"data\":{}}"),
           CAMP_ERR_PATTERN, "$.type");
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"id\":\"e1\",\"seq\":1,\"teamId\":\"t\",\"type\":\"x.y\","
                  "\"timestamp\":\"2025-01-01T00:00:00Z\",\"version\":\"1.0\"}"),
           CAMP_ERR_REQUIRED, "$.data");
    expect(decode(CAMP_INBOX_WEBHOOK, &g_wh,
                  "{\"event\":\"targetBlocked\",\"version\":\"1.0\",\"timestamp\":\"2025-01-01T00:"
                  "00:00Z\","
                  "\"platform\":\"twitter\",\"data\":{}}"),
           CAMP_ERR_ENUM, "$.event");
}

static void test_errors_and_page(void **state)
{
    camp_inbox_error_t e;
    static camp_inbox_campaign_page_t page;
    size_t len = 0;
    unsigned i;
    (void)state;
    expect(decode(CAMP_INBOX_ERROR, &e,
                  "{\"code\":\"NOT_FOUND\",\"message\":\"m\",\"requestId\":\"r\"}"),
           CAMP_OK, NULL);
    assert_int_equal(e.form, CAMP_INBOX_ERROR_V2);
    expect(decode(CAMP_INBOX_ERROR, &e,
                  "{\"error\":{\"code\":\"X\",\"message\":\"m\",\"status\":99}}"),
           CAMP_ERR_RANGE, "$.error.status");
    expect(decode(CAMP_INBOX_ERROR, &e, "{\"error\":42}"), CAMP_ERR_TYPE, "$.error");
    expect(decode(CAMP_INBOX_ERROR, &e, "{\"message\":\"m\"}"), CAMP_ERR_REQUIRED, "$.error");

    expect(decode(CAMP_INBOX_CAMPAIGN_PAGE, &page,
                  "{\"campaigns\":["
                  "{" SUMMARY "}"
                  "],\"nextCursor\":null}"),
           CAMP_OK, NULL);
    assert_int_equal(page.count, 1);
    assert_false(page.has_next);
    len = (size_t)snprintf(g_json, sizeof g_json, "{\"campaigns\":[");
    for (i = 0; i < CAMP_MAX_PAGE_ITEMS + 1u; i++) {
        len += (size_t)snprintf(g_json + len, sizeof g_json - len, "%s{" SUMMARY "}", i ? "," : "");
    }
    len += (size_t)snprintf(g_json + len, sizeof g_json - len, "],\"nextCursor\":null}");
    expect(camp_inbox_parse(CAMP_INBOX_CAMPAIGN_PAGE, g_json, len, g_tokens, MAX_TOKENS, &page,
                            sizeof page, &g_diag),
           CAMP_ERR_CAPACITY, "$.campaigns");
    assert_int_equal(g_diag.needed, CAMP_MAX_PAGE_ITEMS + 1);
    expect(decode(CAMP_INBOX_CAMPAIGN_PAGE, &page,
                  "{\"campaigns\":[{" SUMMARY ",\"id\":\"BAD\"}],\"nextCursor\":null}"),
           CAMP_ERR_PATTERN, "$.campaigns[0].id");
    expect(decode(CAMP_INBOX_CAMPAIGN_PAGE, &page,
                  "{\"campaigns\":[],\"nextCursor\":{\"id\":\"c1\",\"timestamp\":\"2025-13-01T00:"
                  "00:00Z\"}}"),
           CAMP_ERR_DATE, "$.nextCursor.timestamp");
}

static void test_rules_update(void **state)
{
    static camp_inbox_rules_update_t r;
    (void)state;
    expect(decode(CAMP_INBOX_RULES_UPDATE, &r, "{}"), CAMP_OK, NULL);
    expect(encode(CAMP_INBOX_RULES_UPDATE, &r), CAMP_OK, NULL);
    assert_string_equal(g_out, "{}");
    expect(
        decode(CAMP_INBOX_RULES_UPDATE, &r, "{\"syncedListIds\":[],\"excludedListIds\":[\"AB\"]}"),
        CAMP_ERR_PATTERN, "$.excludedListIds[0]");
    expect(decode(CAMP_INBOX_RULES_UPDATE, &r, "{\"detachBehavior\":\"delete\"}"), CAMP_ERR_ENUM,
           "$.detachBehavior");
    expect(decode(CAMP_INBOX_RULES_UPDATE, &r,
                  "{\"columnMappings\":{\"l1\":{\"custom_a\":\"role\"}}}"),
           CAMP_ERR_PATTERN, "$.columnMappings.l1.custom_a");
    expect(decode(CAMP_INBOX_RULES_UPDATE, &r,
                  "{\"columnMappings\":{\"l-1\":{\"custom_a\":\"custom_b\"}}}"),
           CAMP_ERR_PATTERN, "$.columnMappings[\"l-1\"]");
    expect(
        decode(
            CAMP_INBOX_RULES_UPDATE, &r,
            "{\"columnMappings\":{\"l1\":{\"custom_a\":\"custom_b\",\"custom_a\":\"custom_c\"}}}"),
        CAMP_ERR_INVALID, "$.columnMappings.l1.custom_a");
    expect(decode(CAMP_INBOX_RULES_UPDATE, &r,
                  "{\"columnMappings\":{\"l1\":{\"custom_a\":\"custom_b\"},\"l2\":{}}}"),
           CAMP_OK, NULL);
    assert_int_equal(r.group_count, 2);
    assert_int_equal(r.groups[1].mapping_count, 0);
    expect(encode(CAMP_INBOX_RULES_UPDATE, &r), CAMP_OK, NULL);
    assert_string_equal(g_out,
                        "{\"columnMappings\":{\"l1\":{\"custom_a\":\"custom_b\"},\"l2\":{}}}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hourly_rate),     cmocka_unit_test(test_counts),
        cmocka_unit_test(test_windows),         cmocka_unit_test(test_leads_2000),
        cmocka_unit_test(test_name_characters), cmocka_unit_test(test_dates),
        cmocka_unit_test(test_capacity),        cmocka_unit_test(test_variables),
        cmocka_unit_test(test_steps),           cmocka_unit_test(test_shapes_and_nulls),
        cmocka_unit_test(test_webhooks),        cmocka_unit_test(test_errors_and_page),
        cmocka_unit_test(test_rules_update),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
