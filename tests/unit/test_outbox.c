/* Unit tests for the Outbox models: decoding the shared fixtures, every rule's
 * boundaries, capacities, and the first-violation path in camp_diag_t. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"
#include "camp/camp_outbox.h"
#include "camp/camp_schedule.h"
#include "fixture.h"

#define MAX_TOKENS 1024
#define BUF_SIZE 16384

static char g_buf[BUF_SIZE];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_json_doc_t g_doc;
static camp_diag_t g_diag;

/* Copy @p json into the mutable buffer and tokenize it. */
static void parse(const char *json)
{
    size_t len = strlen(json);
    assert_true(len < BUF_SIZE);
    memcpy(g_buf, json, len + 1u);
    camp_diag_clear(&g_diag);
    if (camp_json_parse(&g_doc, g_buf, len, g_tokens, MAX_TOKENS, &g_diag) != CAMP_OK) {
        fail_msg("test JSON does not parse: %s (%s)", g_diag.rule, json);
    }
}

/* Load a fixture into the buffer and tokenize it. */
static void load_fixture(const char *rel)
{
    size_t n = fixture_load(rel, g_buf, BUF_SIZE);
    camp_diag_clear(&g_diag);
    assert_int_equal(camp_json_parse(&g_doc, g_buf, n, g_tokens, MAX_TOKENS, &g_diag), CAMP_OK);
}

static bool str_is(camp_str_t s, const char *lit)
{
    return s.ptr != NULL && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

#define assert_str(s, lit)                                                                         \
    do {                                                                                           \
        if (!str_is((s), (lit))) {                                                                 \
            fail_msg("%s: got '%.*s', want '%s'", #s, (int)(s).len,                                \
                     (s).ptr != NULL ? (s).ptr : "(absent)", (lit));                               \
        }                                                                                          \
    } while (0)

/* Presence bits: a member given (bit set), given as `null` (bit set, ptr NULL), or
 * absent (bit clear). */
#define assert_has(obj, bit) assert_true(((obj).present & (bit)) != 0u)
#define assert_absent(obj, bit) assert_int_equal((obj).present &(bit), 0)
#define assert_is_null(obj, bit, m)                                                                \
    do {                                                                                           \
        assert_has(obj, bit);                                                                      \
        assert_null((obj).m.ptr);                                                                  \
    } while (0)

#define assert_diag(st_expr, want_st, want_path)                                                   \
    do {                                                                                           \
        camp_status_t st_ = (st_expr);                                                             \
        if (st_ != (want_st) || strcmp(g_diag.path, (want_path)) != 0) {                           \
            fail_msg("got %d at '%s' (%s), want %d at '%s'", (int)st_, g_diag.path,                \
                     g_diag.rule != NULL ? g_diag.rule : "", (int)(want_st), (want_path));         \
        }                                                                                          \
        assert_int_equal(g_diag.status, (want_st));                                                \
        assert_non_null(g_diag.rule);                                                              \
    } while (0)

static camp_outbox_campaign_t g_campaign;
static camp_outbox_campaign_create_t g_create;
static camp_outbox_sender_t g_sender;
static camp_outbox_sender_create_t g_sender_create;
static camp_outbox_contacts_page_t g_page;

static camp_status_t dec_campaign(const char *json)
{
    parse(json);
    return camp_outbox_campaign_decode(&g_doc, 0, &g_campaign, &g_diag);
}

static camp_status_t dec_create(const char *json)
{
    parse(json);
    return camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag);
}

static camp_status_t dec_sender_create(const char *json)
{
    parse(json);
    return camp_outbox_sender_create_decode(&g_doc, 0, &g_sender_create, &g_diag);
}

static camp_status_t dec_page(const char *json)
{
    parse(json);
    return camp_outbox_contacts_page_decode(&g_doc, 0, &g_page, &g_diag);
}

/* A create body with one member replaced: PRE + member + POST. */
#define CREATE_PRE "{\"name\":\"N\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\""
static camp_status_t dec_create_with(const char *member)
{
    static char json[4096];
    snprintf(json, sizeof json, "%s,%s}", CREATE_PRE, member);
    return dec_create(json);
}

/* A minimal valid campaign object with extra members appended. */
#define CAMPAIGN_MIN                                                                               \
    "\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"sender_identities\":\"\","                  \
    "\"sent_count\":\"0\",\"unique_opens\":\"0\",\"unique_clicks\":\"0\",\"replies\":\"0\","       \
    "\"name\":\"n\",\"updated_at\":\"2025-07-01T10:00:00Z\","                                      \
    "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\""
static camp_status_t dec_campaign_with(const char *steps, const char *member)
{
    static char json[8192];
    snprintf(json, sizeof json, "{" CAMPAIGN_MIN ",\"steps\":[%s]%s%s}", steps,
             member[0] != '\0' ? "," : "", member);
    return dec_campaign(json);
}

/* ---- fixtures ------------------------------------------------------------------------ */

static void test_fixture_campaign(void **state)
{
    (void)state;
    load_fixture("outbox-email-campaign-create-response.json");
    assert_int_equal(camp_outbox_campaign_decode(&g_doc, 0, &g_campaign, &g_diag), CAMP_OK);
    assert_str(g_campaign.id, "3c90c3cc-0d44-4b50-8888-8dd25736052a");
    assert_int_equal(g_campaign.step_count, 2);
    assert_int_equal(g_campaign.steps[0].step_order, 1);
    assert_has(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_STEP_ORDER);
    assert_has(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_SUBJECT);
    assert_str(g_campaign.steps[0].subject, "Quick question about {{company}}");
    /* escapes are decoded in place: \n becomes a newline, UTF-8 kept */
    assert_str(g_campaign.steps[0].body_text,
               "Hi {{first_name}},\n\nNoticed you are hiring SDRs \xe2\x80\x94 worth a chat?");
    assert_has(g_campaign.steps[1], CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES);
    assert_int_equal(g_campaign.steps[1].delay_minutes, 4320);
    assert_has(g_campaign.steps[1], CAMP_OUTBOX_STEP_HAS_IS_ACTIVE);
    assert_true(g_campaign.steps[1].is_active);
    assert_str(g_campaign.sender_identities, "founders@acme-mail.io, sales@acme-mail.io");
    assert_int_equal(g_campaign.sent_count, 0);
    assert_str(g_campaign.name, "Q3 founders outbound");
    assert_int_equal(g_campaign.sender_identity_ids.count, 2);
    assert_has(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS);
    assert_str(g_campaign.sender_identity_ids.items[1], "a4c9e1f7-2b3d-4e8a-9c6f-1d2e3f4a5b6c");
    assert_int_equal(g_campaign.status, CAMP_OUTBOX_STATUS_DRAFT);
    assert_has(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE);
    assert_str(g_campaign.timezone, "America/New_York");
    assert_str(g_campaign.allowed_windows, "null");
    assert_has(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY);
    assert_true(g_campaign.stop_on_reply);
    assert_has(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED);
    assert_false(g_campaign.is_deleted);
    assert_is_null(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW, workflow);
    assert_has(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY);
    assert_str(g_campaign.created_by, "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170");
    assert_is_null(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT, responder_agent);
}

static void test_fixture_create(void **state)
{
    (void)state;
    load_fixture("outbox-email-campaign-create-request.json");
    assert_int_equal(camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag), CAMP_OK);
    assert_str(g_create.name, "Q3 founders outbound");
    assert_str(g_create.company, "6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90");
    assert_int_equal(g_create.sender_identity_ids.count, 2);
    assert_int_equal(g_create.status, CAMP_OUTBOX_STATUS_NONE);
    assert_null(g_create.allowed_windows.ptr);
    assert_is_null(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT, responder_agent);
    /* absent: no bit, no pointer */
    assert_absent(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW);
    assert_null(g_create.workflow.ptr);
}

static void test_fixture_sender(void **state)
{
    (void)state;
    load_fixture("outbox-email-sender-create-response.json");
    assert_int_equal(camp_outbox_sender_decode(&g_doc, 0, &g_sender, &g_diag), CAMP_OK);
    assert_str(g_sender.from_email, "founders@acme-mail.io");
    assert_has(g_sender, CAMP_OUTBOX_SENDER_HAS_FROM_NAME);
    assert_str(g_sender.from_name, "Dana from Acme");
    assert_str(g_sender.reply_to_email, "dana@acme.io");
    assert_str(g_sender.provider_sender_id, "snd_48213");
    assert_str(g_sender.verification_details, "null");
    assert_has(g_sender, CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT);
    assert_true(g_sender.is_default);
    assert_is_null(g_sender, CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT, verified_at);
    assert_is_null(g_sender, CAMP_OUTBOX_SENDER_HAS_CONNECTION, connection);
    assert_is_null(g_sender, CAMP_OUTBOX_SENDER_HAS_DOMAIN, domain);
    assert_int_equal(g_sender.status, CAMP_OUTBOX_SENDER_NONE);

    load_fixture("outbox-email-sender-create-request.json");
    assert_int_equal(camp_outbox_sender_create_decode(&g_doc, 0, &g_sender_create, &g_diag),
                     CAMP_OK);
    assert_int_equal(g_sender_create.verification_mode, CAMP_OUTBOX_VERIFY_SINGLE_EMAIL);
    assert_has(g_sender_create, CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO);
    assert_false(g_sender_create.use_default_reply_to);
}

static void test_fixture_contacts(void **state)
{
    (void)state;
    load_fixture("outbox-contacts-list-response.json");
    assert_int_equal(camp_outbox_contacts_page_decode(&g_doc, 0, &g_page, &g_diag), CAMP_OK);
    assert_int_equal(g_page.count, 2);
    assert_int_equal(g_page.total, 42);
    assert_str(g_page.results[0].name, "Jordan Lee");
    assert_int_equal(g_page.results[0].tags.count, 2);
    assert_str(g_page.results[0].tags.items[1], "saas");
    assert_str(g_page.results[1].phone, "");
    assert_has(g_page.results[1], CAMP_OUTBOX_CONTACT_HAS_TAGS);
    assert_int_equal(g_page.results[1].tags.count, 0);
}

static void test_fixtures_invalid(void **state)
{
    static const struct {
        const char *file;
        camp_status_t status;
        const char *path;
        int sender;
    } cases[] = {
        {"invalid/outbox-create-company-bad-uuid.json", CAMP_ERR_PATTERN, "$.company", 0},
        {"invalid/outbox-create-missing-name.json", CAMP_ERR_REQUIRED, "$.name", 0},
        {"invalid/outbox-create-status-unknown.json", CAMP_ERR_ENUM, "$.status", 0},
        {"invalid/outbox-create-stop-on-reply-string.json", CAMP_ERR_TYPE, "$.stop_on_reply", 0},
        {"invalid/outbox-create-timezone-65-chars.json", CAMP_ERR_LENGTH, "$.timezone", 0},
        {"invalid/outbox-sender-create-bad-email.json", CAMP_ERR_PATTERN, "$.from_email", 1},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        camp_status_t st;
        load_fixture(cases[i].file);
        st = cases[i].sender
                 ? camp_outbox_sender_create_decode(&g_doc, 0, &g_sender_create, &g_diag)
                 : camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag);
        assert_diag(st, cases[i].status, cases[i].path);
    }
    /* the max-length rule carries its limit */
    load_fixture("invalid/outbox-create-timezone-65-chars.json");
    assert_int_equal(camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag),
                     CAMP_ERR_LENGTH);
    assert_true(g_diag.has_limit);
    assert_int_equal(g_diag.limit_max, 64);
    assert_true(g_diag.offset != CAMP_DIAG_NO_OFFSET);
    assert_int_equal(g_buf[g_diag.offset], '"');
}

/* ---- create body rules -------------------------------------------------------------- */

static void test_create_name_length(void **state)
{
    char member[2048];
    size_t i, n;
    (void)state;
    assert_diag(dec_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"\"}"),
                CAMP_ERR_LENGTH, "$.name");
    assert_int_equal(g_diag.limit_min, 1);
    assert_int_equal(g_diag.limit_max, 255);
    /* 255 characters ok, 256 not */
    n = (size_t)snprintf(member, sizeof member,
                         "{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"");
    for (i = 0; i < 255u; i++) {
        member[n++] = 'x';
    }
    memcpy(member + n, "\"}", 3u);
    assert_int_equal(dec_create(member), CAMP_OK);
    assert_int_equal(g_create.name.len, 255);
    member[n] = 'x';
    memcpy(member + n + 1u, "\"}", 3u);
    assert_diag(dec_create(member), CAMP_ERR_LENGTH, "$.name");
    /* characters, not bytes: 255 x "é" (510 bytes) is fine, 256 is not */
    n = (size_t)snprintf(member, sizeof member,
                         "{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"");
    for (i = 0; i < 255u; i++) {
        member[n++] = '\xc3';
        member[n++] = '\xa9';
    }
    memcpy(member + n, "\"}", 3u);
    assert_int_equal(dec_create(member), CAMP_OK);
    assert_int_equal(g_create.name.len, 510);
    member[n] = '\xc3';
    member[n + 1u] = '\xa9';
    memcpy(member + n + 2u, "\"}", 3u);
    assert_diag(dec_create(member), CAMP_ERR_LENGTH, "$.name");
    /* escaped characters count once: \u00e9 is one character */
    assert_int_equal(
        dec_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"\\u00e9\"}"),
        CAMP_OK);
    assert_str(g_create.name, "\xc3\xa9");
    /* wrong type and null */
    assert_diag(dec_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":5}"),
                CAMP_ERR_TYPE, "$.name");
    assert_diag(dec_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":null}"),
                CAMP_ERR_TYPE, "$.name");
    assert_diag(
        dec_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"a\\u0000b\"}"),
        CAMP_ERR_INVALID, "$.name");
}

static void test_create_required_and_types(void **state)
{
    (void)state;
    assert_diag(dec_create("{\"name\":\"n\"}"), CAMP_ERR_REQUIRED, "$.company");
    assert_diag(dec_create("{}"), CAMP_ERR_REQUIRED, "$.name");
    assert_diag(dec_create("[]"), CAMP_ERR_TYPE, "$");
    assert_diag(dec_create("\"x\""), CAMP_ERR_TYPE, "$");
    /* unknown members are skipped */
    assert_int_equal(dec_create_with("\"extra\":{\"a\":[1,2,{\"b\":null}]}"), CAMP_OK);
    /* the last of duplicate members wins */
    assert_int_equal(
        dec_create(
            "{\"name\":\"a\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"name\":\"b\"}"),
        CAMP_OK);
    assert_str(g_create.name, "b");
    /* keys are compared after unescaping */
    assert_int_equal(
        dec_create("{\"na\\u006de\":\"x\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
        CAMP_OK);
    assert_str(g_create.name, "x");
    assert_diag(dec_create_with("\"stop_on_reply\":1"), CAMP_ERR_TYPE, "$.stop_on_reply");
    assert_diag(dec_create_with("\"stop_on_reply\":null"), CAMP_ERR_TYPE, "$.stop_on_reply");
    assert_int_equal(dec_create_with("\"stop_on_reply\":false,\"is_deleted\":true"), CAMP_OK);
    assert_has(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY);
    assert_false(g_create.stop_on_reply);
    assert_has(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED);
    assert_true(g_create.is_deleted);
    assert_diag(dec_create_with("\"description\":null"), CAMP_ERR_TYPE, "$.description");
    assert_diag(dec_create_with("\"created_at\":\"01/15/2025\""), CAMP_ERR_DATE, "$.created_at");
    assert_diag(dec_create_with("\"created_at\":\"2025-02-29T00:00:00Z\""), CAMP_ERR_DATE,
                "$.created_at");
    assert_int_equal(dec_create_with("\"created_at\":\"2024-02-29T23:59:59.5+05:45\""), CAMP_OK);
}

static void test_create_uuids(void **state)
{
    (void)state;
    assert_int_equal(dec_create_with("\"workflow\":\"3C90C3CC-0D44-4B50-8888-8DD25736052A\""),
                     CAMP_OK);
    assert_has(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW);
    assert_str(g_create.workflow, "3C90C3CC-0D44-4B50-8888-8DD25736052A");
    assert_int_equal(dec_create_with("\"workflow\":null,\"created_by\":null"), CAMP_OK);
    assert_is_null(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW, workflow);
    assert_is_null(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY, created_by);
    assert_absent(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT);
    assert_diag(dec_create_with("\"workflow\":\"3c90c3cc0d444b5088888dd25736052a\""),
                CAMP_ERR_PATTERN, "$.workflow");
    assert_diag(dec_create_with("\"created_by\":\"\""), CAMP_ERR_PATTERN, "$.created_by");
    assert_diag(dec_create_with("\"responder_agent\":7"), CAMP_ERR_TYPE, "$.responder_agent");
    assert_diag(dec_create_with(
                    "\"sender_identity_ids\":[\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"nope\"]"),
                CAMP_ERR_PATTERN, "$.sender_identity_ids[1]");
    assert_diag(dec_create_with("\"sender_identity_ids\":[null]"), CAMP_ERR_TYPE,
                "$.sender_identity_ids[0]");
    assert_diag(dec_create_with("\"sender_identity_ids\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\""),
                CAMP_ERR_TYPE, "$.sender_identity_ids");
    assert_int_equal(dec_create_with("\"sender_identity_ids\":[]"), CAMP_OK);
    assert_has(g_create, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS);
    assert_int_equal(g_create.sender_identity_ids.count, 0);
}

static void test_create_sender_ids_capacity(void **state)
{
    char member[1024];
    size_t n, i;
    (void)state;
    for (int extra = 0; extra <= 1; extra++) {
        n = (size_t)snprintf(member, sizeof member, "\"sender_identity_ids\":[");
        for (i = 0; i < (size_t)CAMP_MAX_SENDER_IDS + (size_t)extra; i++) {
            n += (size_t)snprintf(member + n, sizeof member - n,
                                  "%s\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"", i > 0 ? "," : "");
        }
        snprintf(member + n, sizeof member - n, "]");
        if (extra == 0) {
            assert_int_equal(dec_create_with(member), CAMP_OK);
            assert_int_equal(g_create.sender_identity_ids.count, CAMP_MAX_SENDER_IDS);
        } else {
            assert_diag(dec_create_with(member), CAMP_ERR_CAPACITY, "$.sender_identity_ids");
            assert_int_equal(g_diag.needed, CAMP_MAX_SENDER_IDS + 1);
            assert_int_equal(g_diag.limit_max, CAMP_MAX_SENDER_IDS);
        }
    }
}

static void test_create_status_enum(void **state)
{
    static const char *const names[] = {"draft", "active", "paused", "completed", "cancelled"};
    char member[64];
    size_t i;
    (void)state;
    for (i = 0; i < 5u; i++) {
        snprintf(member, sizeof member, "\"status\":\"%s\"", names[i]);
        assert_int_equal(dec_create_with(member), CAMP_OK);
        assert_int_equal(g_create.status, (int)i + 1);
        assert_string_equal(camp_outbox_campaign_status_name(g_create.status), names[i]);
    }
    assert_diag(dec_create_with("\"status\":\"Draft\""), CAMP_ERR_ENUM, "$.status");
    assert_diag(dec_create_with("\"status\":\"\""), CAMP_ERR_ENUM, "$.status");
    assert_diag(dec_create_with("\"status\":\"draft \""), CAMP_ERR_ENUM, "$.status");
    assert_diag(dec_create_with("\"status\":1"), CAMP_ERR_TYPE, "$.status");
    assert_null(camp_outbox_campaign_status_name(CAMP_OUTBOX_STATUS_NONE));
    assert_null(camp_outbox_campaign_status_name((camp_outbox_campaign_status_t)99));
}

static void test_create_timezone(void **state)
{
    (void)state;
    assert_int_equal(dec_create_with("\"timezone\":\"Asia/Kathmandu\""), CAMP_OK);
    assert_int_equal(dec_create_with("\"timezone\":\"UTC\""), CAMP_OK);
    /* documents check the IANA name's syntax; whether the zone is in the compiled table
     * is the schedule module's question, asked when a window is computed */
    assert_int_equal(dec_create_with("\"timezone\":\"Mars/Olympus_Mons\""), CAMP_OK);
    assert_false(camp_tz_valid_name("Mars/Olympus_Mons", 17));
    assert_diag(dec_create_with("\"timezone\":\"Eastern Standard Time\""), CAMP_ERR_TIMEZONE,
                "$.timezone");
    assert_diag(dec_create_with("\"timezone\":\"Europe//Berlin\""), CAMP_ERR_TIMEZONE,
                "$.timezone");
    assert_diag(dec_create_with("\"timezone\":\"\""), CAMP_ERR_TIMEZONE, "$.timezone");
    /* 64 characters: passes the length rule, then fails the IANA syntax (a component
     * longer than 14 characters) */
    assert_diag(
        dec_create_with(
            "\"timezone\":\"America/Argentina/Buenos_Aires_Buenos_Aires_Buenos_Aires_Buenos_\""),
        CAMP_ERR_TIMEZONE, "$.timezone");
    /* 65 characters: the length rule comes first */
    assert_diag(
        dec_create_with(
            "\"timezone\":\"America/Argentina/Buenos_Aires_Buenos_Aires_Buenos_Aires_Buenos_A\""),
        CAMP_ERR_LENGTH, "$.timezone");
    assert_int_equal(g_diag.limit_max, 64);
}

static void test_create_allowed_windows_raw(void **state)
{
    (void)state;
    assert_int_equal(
        dec_create_with("\"allowed_windows\": {\"mon\": [\"09:00-17:00\"], \"x\": 1.5e3}"),
        CAMP_OK);
    assert_str(g_create.allowed_windows, "{\"mon\": [\"09:00-17:00\"], \"x\": 1.5e3}");
    assert_int_equal(dec_create_with("\"allowed_windows\":\"<unknown>\""), CAMP_OK);
    assert_str(g_create.allowed_windows, "\"<unknown>\"");
    assert_int_equal(dec_create_with("\"allowed_windows\":[]"), CAMP_OK);
    assert_str(g_create.allowed_windows, "[]");
}

/* ---- campaign object rules ------------------------------------------------------------- */

static void test_campaign_required(void **state)
{
    static const char *const required[] = {
        "id",      "steps", "sender_identities", "sent_count", "unique_opens", "unique_clicks",
        "replies", "name",  "updated_at",        "company"};
    char json[2048];
    size_t i;
    (void)state;
    assert_int_equal(dec_campaign_with("", ""), CAMP_OK);
    assert_int_equal(g_campaign.step_count, 0);
    /* D4: the object has no minimum length for name */
    assert_int_equal(
        dec_campaign("{\"id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"steps\":[],"
                     "\"sender_identities\":\"\",\"sent_count\":\"0\",\"unique_opens\":\"0\","
                     "\"unique_clicks\":\"0\",\"replies\":\"0\",\"name\":\"\","
                     "\"updated_at\":\"2025-07-01T10:00:00Z\","
                     "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
        CAMP_OK);
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        char want[64];
        /* build the minimal object and drop one required member by renaming it */
        snprintf(json, sizeof json, "{" CAMPAIGN_MIN ",\"steps\":[]}");
        {
            char key[40];
            char *p;
            snprintf(key, sizeof key, "\"%s\"", required[i]);
            p = strstr(json, key);
            assert_non_null(p);
            p[1] = 'X'; /* "Xd", "Xteps", ...: an unknown member now */
        }
        snprintf(want, sizeof want, "$.%s", required[i]);
        assert_diag(dec_campaign(json), CAMP_ERR_REQUIRED, want);
    }
}

static void test_campaign_counters(void **state)
{
    (void)state;
    assert_int_equal(dec_campaign("{" CAMPAIGN_MIN
                                  ",\"steps\":[],\"sent_count\":\"9223372036854775807\","
                                  "\"replies\":\"007\"}"),
                     CAMP_OK);
    assert_int_equal(g_campaign.sent_count, INT64_MAX);
    assert_int_equal(g_campaign.replies, 7);
    assert_diag(
        dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"sent_count\":\"9223372036854775808\"}"),
        CAMP_ERR_RANGE, "$.sent_count");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN
                             ",\"steps\":[],\"unique_opens\":\"99999999999999999999999\"}"),
                CAMP_ERR_RANGE, "$.unique_opens");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"unique_clicks\":\"\"}"),
                CAMP_ERR_PATTERN, "$.unique_clicks");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":\"-1\"}"),
                CAMP_ERR_PATTERN, "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":\"+1\"}"),
                CAMP_ERR_PATTERN, "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":\" 1\"}"),
                CAMP_ERR_PATTERN, "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":\"1.0\"}"),
                CAMP_ERR_PATTERN, "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":\"12a\"}"),
                CAMP_ERR_PATTERN, "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":12}"), CAMP_ERR_TYPE,
                "$.replies");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":[],\"replies\":null}"), CAMP_ERR_TYPE,
                "$.replies");
}

static void test_campaign_steps(void **state)
{
    (void)state;
    assert_int_equal(
        dec_campaign_with(
            "{\"delay_minutes\":0},{\"delay_minutes\":2147483647,\"step_order\":2147483647}", ""),
        CAMP_OK);
    assert_int_equal(g_campaign.step_count, 2);
    assert_int_equal(g_campaign.steps[0].delay_minutes, 0);
    assert_has(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES);
    assert_absent(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_STEP_ORDER);
    assert_int_equal(g_campaign.steps[1].delay_minutes, 2147483647);
    assert_has(g_campaign.steps[1], CAMP_OUTBOX_STEP_HAS_STEP_ORDER);
    assert_diag(dec_campaign_with("{},{\"delay_minutes\":2147483648}", ""), CAMP_ERR_RANGE,
                "$.steps[1].delay_minutes");
    assert_int_equal(g_diag.limit_min, 0);
    assert_int_equal(g_diag.limit_max, 2147483647);
    assert_diag(dec_campaign_with("{\"delay_minutes\":-1}", ""), CAMP_ERR_RANGE,
                "$.steps[0].delay_minutes");
    assert_diag(dec_campaign_with("{\"delay_minutes\":1.5}", ""), CAMP_ERR_RANGE,
                "$.steps[0].delay_minutes");
    assert_diag(dec_campaign_with("{\"delay_minutes\":\"5\"}", ""), CAMP_ERR_TYPE,
                "$.steps[0].delay_minutes");
    assert_diag(dec_campaign_with("{\"step_order\":-1}", ""), CAMP_ERR_RANGE,
                "$.steps[0].step_order");
    assert_diag(dec_campaign_with("{\"is_active\":\"true\"}", ""), CAMP_ERR_TYPE,
                "$.steps[0].is_active");
    assert_diag(dec_campaign_with("{\"campaign\":\"x\"}", ""), CAMP_ERR_PATTERN,
                "$.steps[0].campaign");
    assert_diag(dec_campaign_with("{\"created_at\":\"2025-13-01T00:00:00Z\"}", ""), CAMP_ERR_DATE,
                "$.steps[0].created_at");
    assert_diag(dec_campaign_with("{},[]", ""), CAMP_ERR_TYPE, "$.steps[1]");
    assert_int_equal(dec_campaign_with("{\"subject\":null,\"body_html\":\"\",\"unknown\":[1]}", ""),
                     CAMP_OK);
    assert_is_null(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_SUBJECT, subject);
    assert_has(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_BODY_HTML);
    assert_str(g_campaign.steps[0].body_html, "");
    assert_absent(g_campaign.steps[0], CAMP_OUTBOX_STEP_HAS_BODY_TEXT);
    assert_null(g_campaign.steps[0].body_text.ptr);
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":{}}"), CAMP_ERR_TYPE, "$.steps");
    assert_diag(dec_campaign("{" CAMPAIGN_MIN ",\"steps\":null}"), CAMP_ERR_TYPE, "$.steps");
}

static void test_campaign_steps_capacity(void **state)
{
    char steps[512];
    size_t n = 0, i;
    (void)state;
    for (i = 0; i < (size_t)CAMP_MAX_EMAIL_STEPS; i++) {
        n += (size_t)snprintf(steps + n, sizeof steps - n, "%s{\"step_order\":%zu}",
                              i > 0 ? "," : "", i);
    }
    assert_int_equal(dec_campaign_with(steps, ""), CAMP_OK);
    assert_int_equal(g_campaign.step_count, CAMP_MAX_EMAIL_STEPS);
    assert_int_equal(g_campaign.steps[CAMP_MAX_EMAIL_STEPS - 1].step_order,
                     CAMP_MAX_EMAIL_STEPS - 1);
    snprintf(steps + n, sizeof steps - n, ",{}");
    assert_diag(dec_campaign_with(steps, ""), CAMP_ERR_CAPACITY, "$.steps");
    assert_int_equal(g_diag.needed, CAMP_MAX_EMAIL_STEPS + 1);
}

static void test_campaign_name_and_timezone(void **state)
{
    char member[400];
    size_t n, i;
    (void)state;
    n = (size_t)snprintf(member, sizeof member, "\"name\":\"");
    for (i = 0; i < 256u; i++) {
        member[n++] = 'n';
    }
    memcpy(member + n, "\"", 2u);
    /* appended after CAMPAIGN_MIN's name: the last duplicate wins and is checked */
    assert_diag(dec_campaign_with("", member), CAMP_ERR_LENGTH, "$.name");
    assert_int_equal(g_diag.limit_max, 255);
    assert_int_equal(
        dec_campaign_with("", "\"timezone\":null,\"description\":null,\"created_at\":null"),
        CAMP_OK);
    assert_is_null(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE, timezone);
    assert_is_null(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION, description);
    assert_is_null(g_campaign, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT, created_at);
    assert_int_equal(dec_campaign_with("", "\"timezone\":\"Europe/Nowhere\""), CAMP_OK);
    assert_diag(dec_campaign_with("", "\"timezone\":\"Europe/No where\""), CAMP_ERR_TIMEZONE,
                "$.timezone");
    assert_diag(dec_campaign_with("", "\"status\":\"archived\""), CAMP_ERR_ENUM, "$.status");
}

/* ---- sender ------------------------------------------------------------------------------ */

static void test_sender_create_rules(void **state)
{
    char json[1024];
    size_t n, i;
    (void)state;
    assert_int_equal(
        dec_sender_create(
            "{\"from_email\":\"a@b.co\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
        CAMP_OK);
    assert_diag(dec_sender_create("{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_REQUIRED, "$.from_email");
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\"}"), CAMP_ERR_REQUIRED, "$.company");
    assert_diag(dec_sender_create(
                    "{\"from_email\":\"\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_LENGTH, "$.from_email");
    assert_diag(
        dec_sender_create(
            "{\"from_email\":\"a@b\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
        CAMP_ERR_PATTERN, "$.from_email");
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\",\"reply_to_email\":\"x..y@b.co\","
                                  "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_PATTERN, "$.reply_to_email");
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\",\"reply_to_email\":\"\","
                                  "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_LENGTH, "$.reply_to_email");
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\",\"verification_mode\":\"dns\","
                                  "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_ENUM, "$.verification_mode");
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\",\"status\":\"ok\","
                                  "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_ENUM, "$.status");
    assert_int_equal(
        dec_sender_create(
            "{\"from_email\":\"a@b.co\",\"status\":\"failed\",\"verification_mode\":\"domain\","
            "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
        CAMP_OK);
    assert_int_equal(g_sender_create.status, CAMP_OUTBOX_SENDER_FAILED);
    assert_int_equal(g_sender_create.verification_mode, CAMP_OUTBOX_VERIFY_DOMAIN);
    assert_string_equal(camp_outbox_sender_status_name(g_sender_create.status), "failed");
    assert_string_equal(camp_outbox_verification_mode_name(g_sender_create.verification_mode),
                        "domain");
    /* requests are strict: connection may not be null */
    assert_diag(dec_sender_create("{\"from_email\":\"a@b.co\",\"connection\":null,"
                                  "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}"),
                CAMP_ERR_TYPE, "$.connection");
    /* from_name: 255 ok, 256 not */
    for (int extra = 0; extra <= 1; extra++) {
        n = (size_t)snprintf(json, sizeof json,
                             "{\"from_email\":\"a@b.co\",\"company\":\"6f1d2c3b-8a7e-4f90-b123-"
                             "4c5d6e7f8a90\",\"from_name\":\"");
        for (i = 0; i < 255u + (size_t)extra; i++) {
            json[n++] = 'f';
        }
        memcpy(json + n, "\"}", 3u);
        if (extra == 0) {
            assert_int_equal(dec_sender_create(json), CAMP_OK);
        } else {
            assert_diag(dec_sender_create(json), CAMP_ERR_LENGTH, "$.from_name");
        }
    }
    /* from_email: 255 characters ok, 256 a length error */
    for (int extra = 0; extra <= 1; extra++) {
        n = (size_t)snprintf(
            json, sizeof json,
            "{\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"from_email\":\"a@");
        /* domain: three labels of 63 and one of 61 (+1): 255 (256) characters in all */
        for (i = 0; i < 3u; i++) {
            memset(json + n, 'd', 63u);
            n += 63u;
            json[n++] = '.';
        }
        memset(json + n, 'e', 61u + (size_t)extra);
        n += 61u + (size_t)extra;
        memcpy(json + n, "\"}", 3u);
        if (extra == 0) {
            assert_int_equal(dec_sender_create(json), CAMP_OK);
            assert_int_equal(g_sender_create.from_email.len, 255);
        } else {
            assert_diag(dec_sender_create(json), CAMP_ERR_LENGTH, "$.from_email");
        }
    }
}

static void test_sender_object_tolerance(void **state)
{
    (void)state;
    parse("{\"id\":\"0b7e3a52-91c4-4d6f-8e2a-5f3c1d9b7a64\",\"from_email\":\"a@b.co\","
          "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"reply_to_email\":\"\","
          "\"from_name\":null,\"updated_at\":null,\"status\":\"verified\","
          "\"verification_details\":{\"spf\":true}}");
    assert_int_equal(camp_outbox_sender_decode(&g_doc, 0, &g_sender, &g_diag), CAMP_OK);
    assert_has(g_sender, CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL);
    assert_str(g_sender.reply_to_email, "");
    assert_is_null(g_sender, CAMP_OUTBOX_SENDER_HAS_FROM_NAME, from_name);
    assert_is_null(g_sender, CAMP_OUTBOX_SENDER_HAS_UPDATED_AT, updated_at);
    assert_absent(g_sender, CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT);
    assert_int_equal(g_sender.status, CAMP_OUTBOX_SENDER_VERIFIED);
    assert_str(g_sender.verification_details, "{\"spf\":true}");
    parse("{\"id\":\"0b7e3a52-91c4-4d6f-8e2a-5f3c1d9b7a64\",\"from_email\":\"a@b.co\","
          "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\",\"reply_to_email\":\"nope\"}");
    assert_diag(camp_outbox_sender_decode(&g_doc, 0, &g_sender, &g_diag), CAMP_ERR_PATTERN,
                "$.reply_to_email");
    parse("{\"id\":\"0b7e3a52-91c4-4d6f-8e2a-5f3c1d9b7a64\",\"from_email\":null,"
          "\"company\":\"6f1d2c3b-8a7e-4f90-b123-4c5d6e7f8a90\"}");
    assert_diag(camp_outbox_sender_decode(&g_doc, 0, &g_sender, &g_diag), CAMP_ERR_TYPE,
                "$.from_email");
}

/* ---- contacts page -------------------------------------------------------------------------- */

static void test_contacts_page_rules(void **state)
{
    char json[4096];
    size_t n, i;
    (void)state;
    assert_int_equal(dec_page("{\"results\":[],\"total\":0}"), CAMP_OK);
    assert_int_equal(g_page.count, 0);
    assert_int_equal(dec_page("{\"results\":[],\"total\":9007199254740991}"), CAMP_OK);
    assert_int_equal(g_page.total, INT64_C(9007199254740991));
    assert_diag(dec_page("{\"results\":[],\"total\":9007199254740992}"), CAMP_ERR_RANGE, "$.total");
    assert_diag(dec_page("{\"results\":[],\"total\":-1}"), CAMP_ERR_RANGE, "$.total");
    assert_diag(dec_page("{\"results\":[],\"total\":\"3\"}"), CAMP_ERR_TYPE, "$.total");
    assert_diag(dec_page("{\"results\":[]}"), CAMP_ERR_REQUIRED, "$.total");
    assert_diag(dec_page("{\"total\":1}"), CAMP_ERR_REQUIRED, "$.results");
    assert_diag(dec_page("{\"results\":[{}],\"total\":1}"), CAMP_ERR_REQUIRED, "$.results[0].id");
    assert_diag(dec_page("{\"results\":[{\"id\":\"e1d2c3b4-a596-4877-9685-746352413021\",\"tags\":["
                         "\"a\",1]}],\"total\":1}"),
                CAMP_ERR_TYPE, "$.results[0].tags[1]");
    assert_diag(dec_page("{\"results\":[{\"id\":\"e1d2c3b4-a596-4877-9685-746352413021\",\"last_"
                         "activity\":\"yesterday\"}],\"total\":1}"),
                CAMP_ERR_DATE, "$.results[0].last_activity");
    assert_int_equal(
        dec_page("{\"results\":[{\"id\":\"e1d2c3b4-a596-4877-9685-746352413021\",\"email\":null,"
                 "\"name\":null,\"last_activity\":null}],\"total\":1}"),
        CAMP_OK);
    assert_is_null(g_page.results[0], CAMP_OUTBOX_CONTACT_HAS_EMAIL, email);
    assert_is_null(g_page.results[0], CAMP_OUTBOX_CONTACT_HAS_NAME, name);
    assert_is_null(g_page.results[0], CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY, last_activity);
    assert_absent(g_page.results[0], CAMP_OUTBOX_CONTACT_HAS_PHONE);
    assert_absent(g_page.results[0], CAMP_OUTBOX_CONTACT_HAS_TAGS);
    /* contacts capacity */
    for (int extra = 0; extra <= 1; extra++) {
        n = (size_t)snprintf(json, sizeof json, "{\"total\":99,\"results\":[");
        for (i = 0; i < (size_t)CAMP_MAX_CONTACTS + (size_t)extra; i++) {
            n += (size_t)snprintf(json + n, sizeof json - n,
                                  "%s{\"id\":\"e1d2c3b4-a596-4877-9685-746352413021\"}",
                                  i > 0 ? "," : "");
        }
        snprintf(json + n, sizeof json - n, "]}");
        if (extra == 0) {
            assert_int_equal(dec_page(json), CAMP_OK);
            assert_int_equal(g_page.count, CAMP_MAX_CONTACTS);
        } else {
            assert_diag(dec_page(json), CAMP_ERR_CAPACITY, "$.results");
            assert_int_equal(g_diag.needed, CAMP_MAX_CONTACTS + 1);
        }
    }
    /* tags capacity */
    for (int extra = 0; extra <= 1; extra++) {
        n = (size_t)snprintf(json, sizeof json,
                             "{\"total\":1,\"results\":[{\"id\":\"e1d2c3b4-a596-4877-9685-"
                             "746352413021\",\"tags\":[");
        for (i = 0; i < (size_t)CAMP_MAX_CONTACT_TAGS + (size_t)extra; i++) {
            n += (size_t)snprintf(json + n, sizeof json - n, "%s\"t%zu\"", i > 0 ? "," : "", i);
        }
        snprintf(json + n, sizeof json - n, "]}]}");
        if (extra == 0) {
            assert_int_equal(dec_page(json), CAMP_OK);
            assert_int_equal(g_page.results[0].tags.count, CAMP_MAX_CONTACT_TAGS);
        } else {
            assert_diag(dec_page(json), CAMP_ERR_CAPACITY, "$.results[0].tags");
            assert_int_equal(g_diag.needed, CAMP_MAX_CONTACT_TAGS + 1);
        }
    }
}

static void test_decode_args(void **state)
{
    (void)state;
    parse("{}");
    assert_int_equal(camp_outbox_campaign_decode(NULL, 0, &g_campaign, &g_diag), CAMP_ERR_ARG);
    assert_int_equal(camp_outbox_campaign_decode(&g_doc, 0, NULL, &g_diag), CAMP_ERR_ARG);
    /* diag may be NULL */
    assert_int_equal(camp_outbox_campaign_decode(&g_doc, 0, &g_campaign, NULL), CAMP_ERR_REQUIRED);
    /* a token index outside the document */
    assert_int_equal(camp_outbox_campaign_decode(&g_doc, 5, &g_campaign, &g_diag), CAMP_ERR_TYPE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_campaign),
        cmocka_unit_test(test_fixture_create),
        cmocka_unit_test(test_fixture_sender),
        cmocka_unit_test(test_fixture_contacts),
        cmocka_unit_test(test_fixtures_invalid),
        cmocka_unit_test(test_create_name_length),
        cmocka_unit_test(test_create_required_and_types),
        cmocka_unit_test(test_create_uuids),
        cmocka_unit_test(test_create_sender_ids_capacity),
        cmocka_unit_test(test_create_status_enum),
        cmocka_unit_test(test_create_timezone),
        cmocka_unit_test(test_create_allowed_windows_raw),
        cmocka_unit_test(test_campaign_required),
        cmocka_unit_test(test_campaign_counters),
        cmocka_unit_test(test_campaign_steps),
        cmocka_unit_test(test_campaign_steps_capacity),
        cmocka_unit_test(test_campaign_name_and_timezone),
        cmocka_unit_test(test_sender_create_rules),
        cmocka_unit_test(test_sender_object_tolerance),
        cmocka_unit_test(test_contacts_page_rules),
        cmocka_unit_test(test_decode_args),
    };
    return cmocka_run_group_tests_name("outbox", tests, NULL, NULL);
}
