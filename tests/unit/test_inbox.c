/* lib/inbox against the shared fixtures: decoded values, statuses of the
 * invalid fixtures, round trips (encode(decode(fixture)) decodes to the same
 * struct; decode(encode(x)) == x for hand-built request bodies). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_inbox.h"
#include "fixture.h"

#define BUF_SIZE 65536u
#define MAX_TOKENS 8192u

static char g_buf[2][BUF_SIZE];
static char g_out[2][BUF_SIZE];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_diag_t g_diag;
/* two structs of the largest type, for comparisons */
static camp_inbox_leads_add_t g_big[2];
static camp_inbox_campaign_page_t g_page[2];

static void *slot(camp_inbox_type_t t, int i)
{
    if (t == CAMP_INBOX_LEADS_ADD) {
        return &g_big[i];
    }
    assert_true(camp_inbox_type_size(t) <= sizeof g_page[0]);
    return &g_page[i];
}

/* Decode fixture @p rel as @p t into slot @p i (buffer i). */
static camp_status_t decode_fixture(camp_inbox_type_t t, const char *rel, int i)
{
    size_t n = fixture_load(rel, g_buf[i], BUF_SIZE);
    return camp_inbox_parse(t, g_buf[i], n, g_tokens, MAX_TOKENS, slot(t, i),
                            camp_inbox_type_size(t), &g_diag);
}

static bool is(camp_str_t s, const char *lit)
{
    return s.ptr != NULL && s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

/* ---- decoded values ---------------------------------------------------------------- */

static void test_v2_campaign_values(void **state)
{
    camp_inbox_campaign_t *c = slot(CAMP_INBOX_CAMPAIGN, 0);
    const camp_inbox_sequence_t *q = &c->sequence;
    const camp_inbox_segment_t *g;
    (void)state;
    assert_int_equal(
        decode_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json", 0), CAMP_OK);
    assert_int_equal(c->shape, CAMP_INBOX_SHAPE_V2);
    assert_true(is(c->base.id, "usdjpdql3f90seqk13rwuo7z"));
    assert_int_equal(c->base.status, CAMP_INBOX_STATUS_ACTIVE);
    assert_int_equal(c->base.targets_count, 1200);
    assert_int_equal(c->base.completion_rate, 280000);
    assert_int_equal(c->base.reply_rate, 120000);
    assert_true(c->base.paused_at.raw.ptr == NULL);
    assert_int_equal(c->base.created_at.at.unix_seconds, 1748779200); /* 2025-06-01T12:00:00Z */
    assert_true(c->enabled);
    assert_int_equal(c->hourly_message_rate, 8);
    assert_true(is(c->schedule_timezone, "America/New_York"));
    assert_false(c->schedule_hours.day[0].has_window);
    assert_true(c->schedule_hours.day[1].has_window);
    assert_int_equal(c->schedule_hours.day[5].start, 540);
    assert_int_equal(c->schedule_hours.day[5].end, 1020);
    assert_false(c->schedule_hours.day[6].has_window);
    assert_int_equal(c->scope_assessed_count, 1150);
    assert_int_equal(c->account_count, 1);
    /* rules: one synced list (with a mapping) first, then one excluded */
    assert_int_equal(c->rules.list_count, 2);
    assert_false(c->rules.lists[0].exclude);
    assert_true(is(c->rules.lists[0].list_name, "SaaS founders import"));
    assert_int_equal(c->rules.lists[0].mapping_count, 1);
    assert_true(is(c->rules.mappings[0].source, "custom_q5cktl47a6pqa74eu06fz89v"));
    assert_true(is(c->rules.mappings[0].target, "custom_m8r2xj93hd5bk0atcw7oe4fp"));
    assert_true(c->rules.lists[1].exclude);
    assert_true(c->rules.exclude_contacted);
    /* sequence: 3 steps sharing the pools */
    assert_int_equal(q->version, 2);
    assert_int_equal(q->step_count, 3);
    assert_int_equal(q->segment_count, 7);
    assert_int_equal(q->option_count, 3);
    assert_int_equal(q->steps[0].type, CAMP_INBOX_STEP_MESSAGE);
    assert_int_equal(q->steps[0].segment_count, 6);
    g = &q->segments[q->steps[0].first_segment];
    assert_int_equal(g[0].type, CAMP_INBOX_SEGMENT_VARIATION);
    assert_int_equal(g[0].option_count, 3);
    assert_true(is(q->options[g[0].first_option + 2], "What's up"));
    assert_int_equal(g[4].type, CAMP_INBOX_SEGMENT_VARIABLE);
    assert_true(is(g[4].text, "custom_q5cktl47a6pqa74eu06fz89v"));
    assert_true(is(g[4].fallback, "your company"));
    assert_int_equal(q->steps[1].type, CAMP_INBOX_STEP_DELAY);
    assert_int_equal(q->steps[1].delay_seconds, 86400);
    assert_int_equal(q->steps[2].first_segment, 6);
    /* D6: the v2 automation has no action */
    assert_int_equal(c->automation_count, 1);
    assert_int_equal(c->automations[0].action, CAMP_INBOX_ACTION_UNSET);
    assert_true(is(c->automations[0].status_id, "m3n4o5p6q7r8s9t0u1v2w3x4"));
}

static void test_legacy_campaign_values(void **state)
{
    camp_inbox_campaign_t *c = slot(CAMP_INBOX_CAMPAIGN, 0);
    (void)state;
    assert_int_equal(decode_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-get-response.json", 0),
                     CAMP_OK);
    assert_int_equal(c->shape, CAMP_INBOX_SHAPE_LEGACY);
    assert_true(c->base.description.ptr == NULL);
    assert_true(is(c->type, "sequence"));
    assert_int_equal(c->estimated_targets, 3664);
    assert_true(c->is_hydrating);
    assert_int_equal(c->sequence.version, -1);
    assert_int_equal(c->sequence.step_count, 3);
    assert_int_equal(c->sequence.steps[1].campaign_version, 3);
    assert_true(c->sequence.steps[1].present & CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION);
    assert_int_equal(c->rules.list_count, 2);
    assert_true(c->rules.lists[1].exclude);
    assert_int_equal(c->variable_count, 1);
    assert_true(is(c->variables[0].name, "company-name"));
    assert_true(c->variables[0].present & CAMP_INBOX_VARIABLE_HAS_DESCRIPTION);
    assert_true(c->variables[0].description.ptr == NULL);
    assert_int_equal(c->automations[0].action, CAMP_INBOX_ACTION_SET_STATUS);
    assert_false(c->present & CAMP_INBOX_CAMPAIGN_HAS_ENABLED);
}

static void test_webhook_values(void **state)
{
    camp_inbox_webhook_t *w = slot(CAMP_INBOX_WEBHOOK, 0);
    (void)state;
    assert_int_equal(
        decode_fixture(CAMP_INBOX_WEBHOOK, "inboxapp-webhook-target-contacted.json", 0), CAMP_OK);
    assert_int_equal(w->format, CAMP_INBOX_WEBHOOK_V1);
    assert_int_equal(w->event, CAMP_INBOX_EVENT_TARGET_CONTACTED);
    assert_int_equal(w->seq, 42);
    assert_true(is(w->campaign.id, "w4h36qm5d9iu2sgdf6jbn7kx"));
    assert_true(is(w->account_link_id, "r4t9vw15jm6bn3yxcf2dq8ek"));
    assert_true(is(w->thread_platform_id, "44196397:1954360649393295360"));
    assert_true(is(w->prospect.username, "johndoe"));
    assert_int_equal(w->prospect.platform, CAMP_INBOX_PLATFORM_TWITTER);

    assert_int_equal(
        decode_fixture(CAMP_INBOX_WEBHOOK, "inboxapp-webhook-campaign-created.json", 0), CAMP_OK);
    assert_int_equal(w->event, CAMP_INBOX_EVENT_CAMPAIGN_CREATED);
    assert_true(w->campaign.updated_at.raw.ptr == NULL); /* D16: null in the payload */

    assert_int_equal(
        decode_fixture(CAMP_INBOX_WEBHOOK, "inboxapp-webhook-legacy-target-replied.json", 0),
        CAMP_OK);
    assert_int_equal(w->format, CAMP_INBOX_WEBHOOK_LEGACY);
    assert_int_equal(w->event, CAMP_INBOX_EVENT_TARGET_REPLIED);
    assert_int_equal(w->seq, -1);
    assert_true(is(w->team_id, "hzcai5t59nn9vsck3rbuepyg"));
    assert_true(is(w->campaign.name, "Q1 Product Launch Outreach"));
    assert_true(is(w->prospect.display_name, "John Doe"));
}

static void test_error_forms(void **state)
{
    camp_inbox_error_t *e = slot(CAMP_INBOX_ERROR, 0);
    (void)state;
    assert_int_equal(decode_fixture(CAMP_INBOX_ERROR, "inboxapp-error-rate-limited.json", 0),
                     CAMP_OK);
    assert_int_equal(e->form, CAMP_INBOX_ERROR_NESTED);
    assert_true(is(e->code, "RATE_LIMITED"));
    assert_int_equal(e->status, 429);
    assert_int_equal(decode_fixture(CAMP_INBOX_ERROR, "inboxapp-error-unauthorized-flat.json", 0),
                     CAMP_OK);
    assert_int_equal(e->form, CAMP_INBOX_ERROR_FLAT);
    assert_true(is(e->code, "Unauthorized"));
    assert_true(is(e->message, "Invalid or missing authentication token"));
    assert_int_equal(e->status, 0);
}

static void test_requests_values(void **state)
{
    camp_inbox_leads_add_t *l = slot(CAMP_INBOX_LEADS_ADD, 0);
    camp_inbox_rules_update_t *r = slot(CAMP_INBOX_RULES_UPDATE, 1);
    (void)state;
    assert_int_equal(
        decode_fixture(CAMP_INBOX_LEADS_ADD, "inboxapp-add-leads-request-mixed.json", 0), CAMP_OK);
    assert_int_equal(l->lead_count, 3);
    assert_int_equal(l->leads[1].by, CAMP_INBOX_BY_USERNAME);
    assert_true(is(l->leads[1].id, "jack"));
    /* `data` is kept raw: the object's own bytes, escapes and spacing untouched */
    assert_true(l->leads[0].data.len > 2 && l->leads[0].data.ptr[0] == '{' &&
                l->leads[0].data.ptr[l->leads[0].data.len - 1] == '}');
    assert_int_equal(camp_json_check(l->leads[0].data.ptr, l->leads[0].data.len, 8, NULL), CAMP_OK);
    assert_non_null(memchr(l->leads[0].data.ptr, 'T', l->leads[0].data.len));
    assert_true(l->leads[2].data.ptr == NULL);
    assert_int_equal(l->platform_ids.count, 0);

    assert_int_equal(
        decode_fixture(CAMP_INBOX_RULES_UPDATE, "inboxapp-lead-rules-update-request.json", 1),
        CAMP_OK);
    assert_int_equal(r->group_count, 1);
    assert_true(is(r->groups[0].list_id, "l44e15irdq4db30i77cgphhx"));
    assert_int_equal(r->groups[0].mapping_count, 1);
    assert_int_equal(r->detach_behavior, CAMP_INBOX_DETACH_UNLINK);
    assert_true(r->present & CAMP_INBOX_RULES_HAS_EXCLUDE_MUTUALS);
    assert_false(r->exclude_mutuals);
}

/* ---- invalid fixtures: status (the script checks the paths) ------------------------- */

static void test_invalid_statuses(void **state)
{
    static const struct {
        const char *file;
        camp_inbox_type_t type;
        camp_status_t status;
    } cases[] = {
        {"invalid/inboxapp-campaign-id-uppercase.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_PATTERN},
        {"invalid/inboxapp-campaign-hourly-rate-zero.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_RANGE},
        {"invalid/inboxapp-legacy-campaign-hourly-rate-61.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_RANGE},
        {"invalid/inboxapp-campaign-completion-rate-1.5.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_RANGE},
        {"invalid/inboxapp-campaign-contacted-above-max.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_RANGE},
        {"invalid/inboxapp-campaign-schedule-key-7.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_SCHEDULE},
        {"invalid/inboxapp-campaign-schedule-start-after-end.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_SCHEDULE},
        {"invalid/inboxapp-legacy-campaign-schedule-end-over-1440.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_RANGE},
        {"invalid/inboxapp-campaign-status-unknown.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_ENUM},
        {"invalid/inboxapp-campaign-created-at-bad-date.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_DATE},
        {"invalid/inboxapp-legacy-campaign-paused-at-bad-format.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_DATE},
        {"invalid/inboxapp-campaign-missing-id.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_REQUIRED},
        {"invalid/inboxapp-campaign-enabled-string.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_TYPE},
        {"invalid/inboxapp-campaign-reply-rate-string.json", CAMP_INBOX_CAMPAIGN, CAMP_ERR_TYPE},
        {"invalid/inboxapp-campaign-timezone-not-iana.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_TIMEZONE},
        {"invalid/inboxapp-legacy-campaign-undefined-variable.json", CAMP_INBOX_CAMPAIGN,
         CAMP_ERR_REFERENCE},
        {"invalid/inboxapp-create-request-name-256.json", CAMP_INBOX_CAMPAIGN_CREATE,
         CAMP_ERR_LENGTH},
        {"invalid/inboxapp-create-request-no-account-links.json", CAMP_INBOX_CAMPAIGN_CREATE,
         CAMP_ERR_LENGTH},
        {"invalid/inboxapp-add-leads-2001-platform-ids.json", CAMP_INBOX_LEADS_ADD,
         CAMP_ERR_LENGTH},
        {"invalid/inboxapp-add-leads-platform-instagram.json", CAMP_INBOX_LEADS_ADD, CAMP_ERR_ENUM},
        {"invalid/inboxapp-add-leads-trailing-comma.json", CAMP_INBOX_LEADS_ADD,
         CAMP_ERR_JSON_SYNTAX},
        {"invalid/inboxapp-cancel-lead-by-email.json", CAMP_INBOX_LEAD_CANCEL, CAMP_ERR_ENUM},
        {"invalid/inboxapp-sequence-step-type-unknown.json", CAMP_INBOX_SEQUENCE_UPDATE,
         CAMP_ERR_ENUM},
        {"invalid/inboxapp-column-update-description-1001.json", CAMP_INBOX_COLUMN_UPDATE,
         CAMP_ERR_LENGTH},
        {"invalid/inboxapp-webhook-missing-team-id.json", CAMP_INBOX_WEBHOOK, CAMP_ERR_REQUIRED},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        camp_status_t st = decode_fixture(cases[i].type, cases[i].file, 0);
        if (st != cases[i].status) {
            fail_msg("%s: status %d, want %d (%s: %s)", cases[i].file, (int)st,
                     (int)cases[i].status, g_diag.path, g_diag.rule);
        }
        assert_int_equal(g_diag.status, st);
    }
    /* the rate and window limits are reported */
    assert_int_equal(decode_fixture(CAMP_INBOX_CAMPAIGN,
                                    "invalid/inboxapp-legacy-campaign-hourly-rate-61.json", 0),
                     CAMP_ERR_RANGE);
    assert_true(g_diag.has_limit);
    assert_int_equal(g_diag.limit_min, 1);
    assert_int_equal(g_diag.limit_max, 60);
    assert_true(g_diag.offset != CAMP_DIAG_NO_OFFSET);
    assert_memory_equal(g_buf[0] + g_diag.offset, "61", 2);
}

/* ---- round trips ----------------------------------------------------------------------- */

static const struct {
    const char *file;
    camp_inbox_type_t type;
} g_valid[] = {
    {"inboxapp-add-leads-request-mixed.json", CAMP_INBOX_LEADS_ADD},
    {"inboxapp-add-leads-request.json", CAMP_INBOX_LEADS_ADD},
    {"inboxapp-add-leads-response.json", CAMP_INBOX_LEADS_ADD_RESULT},
    {"inboxapp-campaign-create-request-with-rules.json", CAMP_INBOX_CAMPAIGN_CREATE},
    {"inboxapp-campaign-create-request.json", CAMP_INBOX_CAMPAIGN_CREATE},
    {"inboxapp-campaign-create-response.json", CAMP_INBOX_CAMPAIGN},
    {"inboxapp-campaign-enable-response.json", CAMP_INBOX_CAMPAIGN},
    {"inboxapp-campaign-get-response.json", CAMP_INBOX_CAMPAIGN},
    {"inboxapp-campaign-pause-response.json", CAMP_INBOX_CAMPAIGN},
    {"inboxapp-campaigns-list-page.json", CAMP_INBOX_CAMPAIGN_PAGE},
    {"inboxapp-cancel-lead-request.json", CAMP_INBOX_LEAD_CANCEL},
    {"inboxapp-column-update-request.json", CAMP_INBOX_COLUMN_UPDATE},
    {"inboxapp-column-update-response.json", CAMP_INBOX_COLUMN},
    {"inboxapp-error-rate-limited.json", CAMP_INBOX_ERROR},
    {"inboxapp-error-unauthorized-flat.json", CAMP_INBOX_ERROR},
    {"inboxapp-error-unauthorized.json", CAMP_INBOX_ERROR},
    {"inboxapp-lead-rules-update-request.json", CAMP_INBOX_RULES_UPDATE},
    {"inboxapp-sequence-update-request.json", CAMP_INBOX_SEQUENCE_UPDATE},
    {"inboxapp-sequence-update-response.json", CAMP_INBOX_SEQUENCE},
    {"inboxapp-success-response.json", CAMP_INBOX_SUCCESS},
    {"inboxapp-update-lead-request.json", CAMP_INBOX_LEAD_UPDATE},
    {"inboxapp-webhook-campaign-completed.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-campaign-created.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-campaign-paused.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-campaign-resumed.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-campaign-started.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-legacy-target-replied.json", CAMP_INBOX_WEBHOOK},
    {"inboxapp-webhook-target-contacted.json", CAMP_INBOX_WEBHOOK},
};

/* encode(x) into g_out[i], then decode it into slot i (buffer i). */
static size_t encode_decode(camp_inbox_type_t t, const void *x, int i)
{
    size_t len = 0, size = camp_inbox_type_size(t);
    camp_status_t st = camp_inbox_encode(t, x, g_out[i], BUF_SIZE, &len, &g_diag);
    if (st != CAMP_OK) {
        fail_msg("encode %s: %s: %s", camp_inbox_type_name(t), g_diag.path, g_diag.rule);
    }
    assert_true(len < BUF_SIZE);
    memcpy(g_buf[i], g_out[i], len + 1);
    assert_int_equal(camp_json_check(g_buf[i], len, CAMP_JSON_MAX_DEPTH, NULL), CAMP_OK);
    st = camp_inbox_parse(t, g_buf[i], len, g_tokens, MAX_TOKENS, slot(t, i), size, &g_diag);
    if (st != CAMP_OK) {
        fail_msg("decode of encoded %s: %s: %s\n%s", camp_inbox_type_name(t), g_diag.path,
                 g_diag.rule, g_out[i]);
    }
    return len;
}

static void test_roundtrip_fixtures(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof g_valid / sizeof g_valid[0]; i++) {
        camp_inbox_type_t t = g_valid[i].type;
        size_t len1, len2;
        if (decode_fixture(t, g_valid[i].file, 0) != CAMP_OK) {
            fail_msg("%s: %s: %s", g_valid[i].file, g_diag.path, g_diag.rule);
        }
        len1 = encode_decode(t, slot(t, 0), 1);
        if (!camp_inbox_equal(t, slot(t, 0), slot(t, 1))) {
            fail_msg("%s: decode(encode(decode(f))) differs\n%s", g_valid[i].file, g_out[1]);
        }
        /* and the encoding is stable */
        len2 = encode_decode(t, slot(t, 1), 0);
        assert_int_equal(len1, len2);
        assert_memory_equal(g_out[0], g_out[1], len1);
    }
}

/* Equality must see every kind of difference (else the round trips prove nothing). */
static void test_equal_detects_changes(void **state)
{
    camp_inbox_campaign_t *a = slot(CAMP_INBOX_CAMPAIGN, 0), *b = slot(CAMP_INBOX_CAMPAIGN, 1);
    (void)state;
    assert_int_equal(
        decode_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json", 0), CAMP_OK);
    assert_int_equal(
        decode_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json", 1), CAMP_OK);
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->sequence.options[1].len--; /* "Hi" -> "H" */
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->sequence.options[1].len++;
    b->schedule_hours.day[3].end = 1019;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->schedule_hours.day[3].end = 1020;
    b->present &= ~CAMP_INBOX_CAMPAIGN_HAS_SYNCING;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->present |= CAMP_INBOX_CAMPAIGN_HAS_SYNCING;
    b->rules.lists[1].exclude = false; /* both lists synced now */
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->rules.lists[1].exclude = true;
    b->base.completion_rate++;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->base.completion_rate--;
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
}

#define STR(lit) ((camp_str_t){(lit), sizeof(lit) - 1u})

static void test_roundtrip_built_requests(void **state)
{
    static camp_inbox_campaign_create_t cr;
    static camp_inbox_sequence_t sq;
    static camp_inbox_leads_add_t la;
    static camp_inbox_column_update_t cu;
    static camp_inbox_lead_cancel_t lc;
    static camp_inbox_lead_update_t lu;
    size_t len;
    (void)state;

    memset(&cr, 0, sizeof cr);
    cr.name = STR("Q1 \"outreach\" \xc3\xa9t\xc3\xa9");
    cr.account_count = 2;
    cr.account_link_ids[0] = STR("r4t9vw15jm6bn3yxcf2dq8ek");
    cr.account_link_ids[1] = STR("b7n2k9w4q1x8m5t3r6y0p2vc");
    cr.schedule_timezone = STR("Asia/Kathmandu");
    cr.present = CAMP_INBOX_CREATE_HAS_RULES;
    cr.rules.present = CAMP_INBOX_RULES_HAS_SYNCED | CAMP_INBOX_RULES_HAS_EXCLUDED |
                       CAMP_INBOX_RULES_HAS_EXCLUDE_CONTACTED |
                       CAMP_INBOX_RULES_HAS_COLUMN_MAPPINGS;
    cr.rules.synced_count = 1;
    cr.rules.synced_list_ids[0] = STR("l44e15irdq4db30i77cgphhx");
    cr.rules.excluded_count = 0; /* present and empty: clears */
    cr.rules.exclude_contacted = true;
    cr.rules.group_count = 2;
    cr.rules.groups[0] = (camp_inbox_mapping_group_t){STR("l44e15irdq4db30i77cgphhx"), 0, 2};
    cr.rules.groups[1] = (camp_inbox_mapping_group_t){STR("kx9r3m7v2n1p5q8w4y6z0taj"), 2, 1};
    cr.rules.mapping_count = 3;
    cr.rules.mappings[0] = (camp_inbox_column_map_t){STR("custom_a1"), STR("custom_b1")};
    cr.rules.mappings[1] = (camp_inbox_column_map_t){STR("custom_a2"), STR("custom_b2")};
    cr.rules.mappings[2] = (camp_inbox_column_map_t){STR("custom_a3"), STR("custom_b3")};
    cr.rules.detach_behavior = CAMP_INBOX_DETACH_UNLINK;
    encode_decode(CAMP_INBOX_CAMPAIGN_CREATE, &cr, 0);
    assert_true(
        camp_inbox_equal(CAMP_INBOX_CAMPAIGN_CREATE, &cr, slot(CAMP_INBOX_CAMPAIGN_CREATE, 0)));
    assert_non_null(strstr(g_out[0], "\"excludedListIds\":[]"));
    assert_non_null(strstr(g_out[0], "\"name\":\"Q1 \\\"outreach\\\" \xc3\xa9t\xc3\xa9\""));

    /* sequence body: message (all segment kinds), delay, like tweet */
    memset(&sq, 0, sizeof sq);
    sq.version = -1;
    sq.step_count = 3;
    sq.steps[0].type = CAMP_INBOX_STEP_MESSAGE;
    sq.steps[0].present = CAMP_INBOX_STEP_HAS_TYPE;
    sq.steps[0].first_segment = 0;
    sq.steps[0].segment_count = 3;
    sq.segment_count = 3;
    sq.segments[0] = (camp_inbox_segment_t){STR(""), {NULL, 0}, 0, 2, CAMP_INBOX_SEGMENT_VARIATION};
    sq.segments[1] =
        (camp_inbox_segment_t){STR("custom_q5c"), STR("there"), 0, 0, CAMP_INBOX_SEGMENT_VARIABLE};
    sq.segments[2] = (camp_inbox_segment_t){STR("!\n"), {NULL, 0}, 0, 0, CAMP_INBOX_SEGMENT_STATIC};
    sq.option_count = 2;
    sq.options[0] = STR("Hey");
    sq.options[1] = STR("Hi");
    sq.steps[1].type = CAMP_INBOX_STEP_DELAY;
    sq.steps[1].present = CAMP_INBOX_STEP_HAS_TYPE;
    sq.steps[1].delay_seconds = 172800;
    sq.steps[1].unit = STR("days");
    sq.steps[2].type = CAMP_INBOX_STEP_LIKE_TWEET;
    sq.steps[2].present = CAMP_INBOX_STEP_HAS_TYPE;
    sq.steps[2].raw_data = STR("{\"tweet\":\"latest\"}");
    encode_decode(CAMP_INBOX_SEQUENCE_UPDATE, &sq, 0);
    assert_true(
        camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, &sq, slot(CAMP_INBOX_SEQUENCE_UPDATE, 0)));
    assert_non_null(strstr(g_out[0], "{\"type\":\"likeTweet\",\"data\":{\"tweet\":\"latest\"}}"));

    /* add leads: all four arrays */
    memset(&la, 0, sizeof la);
    la.platform = CAMP_INBOX_PLATFORM_TWITTER;
    la.present = CAMP_INBOX_LEADS_HAS_PLATFORM_IDS | CAMP_INBOX_LEADS_HAS_USERNAMES |
                 CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS | CAMP_INBOX_LEADS_HAS_LEADS;
    la.id_count = 4;
    la.ids[0] = STR("44196397");
    la.ids[1] = STR("50393960");
    la.ids[2] = STR("jack");
    la.ids[3] = STR("hy4k7m2x9p1n6v3w8j5q0r");
    la.platform_ids = (camp_inbox_id_span_t){0, 2};
    la.usernames = (camp_inbox_id_span_t){2, 1};
    la.external_ids = (camp_inbox_id_span_t){3, 1};
    la.lead_count = 2;
    la.leads[0] = (camp_inbox_lead_t){STR("elonmusk"), STR("{\"custom_x\":\"Tesla\"}"),
                                      CAMP_INBOX_BY_USERNAME, CAMP_INBOX_PLATFORM_TWITTER};
    la.leads[1] = (camp_inbox_lead_t){STR("abc"), {NULL, 0}, CAMP_INBOX_BY_EXTERNAL_ID, 0};
    encode_decode(CAMP_INBOX_LEADS_ADD, &la, 0);
    assert_true(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, &la, slot(CAMP_INBOX_LEADS_ADD, 0)));

    memset(&cu, 0, sizeof cu);
    cu.name = STR("Role");
    cu.present = CAMP_INBOX_COLUMN_HAS_DESCRIPTION; /* description null: clears */
    len = encode_decode(CAMP_INBOX_COLUMN_UPDATE, &cu, 0);
    assert_string_equal(g_out[0], "{\"name\":\"Role\",\"description\":null}");
    assert_int_equal(len, strlen(g_out[0]));
    assert_true(camp_inbox_equal(CAMP_INBOX_COLUMN_UPDATE, &cu, slot(CAMP_INBOX_COLUMN_UPDATE, 0)));
    cu.present = 0; /* omitted: unchanged */
    encode_decode(CAMP_INBOX_COLUMN_UPDATE, &cu, 0);
    assert_string_equal(g_out[0], "{\"name\":\"Role\"}");

    lc.by = CAMP_INBOX_BY_USERNAME;
    lc.platform = CAMP_INBOX_PLATFORM_TWITTER;
    encode_decode(CAMP_INBOX_LEAD_CANCEL, &lc, 0);
    assert_string_equal(g_out[0], "{\"by\":\"username\",\"platform\":\"twitter\"}");
    assert_true(camp_inbox_equal(CAMP_INBOX_LEAD_CANCEL, &lc, slot(CAMP_INBOX_LEAD_CANCEL, 0)));
    memset(&lc, 0, sizeof lc);
    encode_decode(CAMP_INBOX_LEAD_CANCEL, &lc, 0);
    assert_string_equal(g_out[0], "{}");

    lu.data = STR("{\"custom_q5\":\"Acme\",\"n\":[1,2]}");
    lu.by = CAMP_INBOX_BY_EXTERNAL_ID;
    lu.platform = 0;
    encode_decode(CAMP_INBOX_LEAD_UPDATE, &lu, 0);
    assert_true(camp_inbox_equal(CAMP_INBOX_LEAD_UPDATE, &lu, slot(CAMP_INBOX_LEAD_UPDATE, 0)));
    assert_string_equal(g_out[0],
                        "{\"data\":{\"custom_q5\":\"Acme\",\"n\":[1,2]},\"by\":\"externalId\"}");
}

/* Hand-built structs are checked before anything is written. */
static void test_encode_validates_built(void **state)
{
    static camp_inbox_sequence_t sq;
    static camp_inbox_lead_update_t lu;
    char out[256];
    size_t len;
    (void)state;
    memset(&sq, 0, sizeof sq);
    sq.step_count = 1;
    sq.steps[0].type = CAMP_INBOX_STEP_MESSAGE; /* HAS_TYPE not set: requests need `type` */
    assert_int_equal(
        camp_inbox_encode(CAMP_INBOX_SEQUENCE_UPDATE, &sq, out, sizeof out, &len, &g_diag),
        CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.path, "$.steps[0].type");
    sq.steps[0].present = CAMP_INBOX_STEP_HAS_TYPE;
    sq.steps[0].segment_count = 1; /* pool has no segment */
    assert_int_equal(
        camp_inbox_encode(CAMP_INBOX_SEQUENCE_UPDATE, &sq, out, sizeof out, &len, &g_diag),
        CAMP_ERR_INVALID);
    assert_string_equal(g_diag.path, "$.steps[0].data.segments");
    sq.steps[0].id = STR("abc"); /* "do not send id" */
    sq.steps[0].segment_count = 0;
    assert_int_equal(
        camp_inbox_encode(CAMP_INBOX_SEQUENCE_UPDATE, &sq, out, sizeof out, &len, &g_diag),
        CAMP_ERR_INVALID);
    assert_string_equal(g_diag.path, "$.steps[0].id");
    sq.step_count = CAMP_MAX_STEPS + 1;
    assert_int_equal(camp_inbox_validate(CAMP_INBOX_SEQUENCE_UPDATE, &sq, &g_diag),
                     CAMP_ERR_CAPACITY);

    lu.data = STR("{\"a\":1"); /* not JSON */
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEAD_UPDATE, &lu, out, sizeof out, &len, &g_diag),
                     CAMP_ERR_INVALID);
    assert_string_equal(g_diag.path, "$.data");
    lu.data = STR("[1]"); /* JSON but not an object */
    assert_int_equal(camp_inbox_validate(CAMP_INBOX_LEAD_UPDATE, &lu, &g_diag), CAMP_ERR_INVALID);
    lu.data = STR("{}");
    lu.by = 4; /* not a camp_inbox_by_t */
    assert_int_equal(camp_inbox_validate(CAMP_INBOX_LEAD_UPDATE, &lu, &g_diag), CAMP_ERR_ENUM);
    assert_string_equal(g_diag.path, "$.by");
}

static void test_buffer_too_small(void **state)
{
    camp_inbox_lead_cancel_t lc = {CAMP_INBOX_BY_PLATFORM_ID, CAMP_INBOX_PLATFORM_TWITTER};
    const char *want = "{\"by\":\"platformId\",\"platform\":\"twitter\"}";
    char out[64];
    size_t len = 0;
    (void)state;
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEAD_CANCEL, &lc, out, 10, &len, &g_diag),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(len, strlen(want));
    assert_int_equal(g_diag.needed, (int64_t)strlen(want));
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEAD_CANCEL, &lc, NULL, 0, &len, &g_diag),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(len, strlen(want));
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEAD_CANCEL, &lc, out, len + 1, &len, &g_diag),
                     CAMP_OK);
    assert_string_equal(out, want);
}

static void test_arguments(void **state)
{
    camp_inbox_column_t col;
    camp_json_doc_t doc;
    char json[] = "{}";
    (void)state;
    assert_int_equal(camp_json_parse(&doc, json, 2, g_tokens, MAX_TOKENS, NULL), CAMP_OK);
    assert_int_equal(camp_inbox_decode(CAMP_INBOX_COLUMN, &doc, 0, &col, sizeof col - 1, &g_diag),
                     CAMP_ERR_ARG);
    assert_int_equal(camp_inbox_decode(CAMP_INBOX_TYPE_COUNT, &doc, 0, &col, sizeof col, &g_diag),
                     CAMP_ERR_ARG);
    assert_int_equal(camp_inbox_decode(CAMP_INBOX_COLUMN, &doc, 5, &col, sizeof col, &g_diag),
                     CAMP_ERR_ARG);
    assert_int_equal(camp_inbox_decode(CAMP_INBOX_COLUMN, &doc, 0, &col, sizeof col, NULL),
                     CAMP_ERR_REQUIRED);
    assert_int_equal(camp_inbox_validate(CAMP_INBOX_COLUMN, NULL, &g_diag), CAMP_ERR_ARG);
    assert_false(camp_inbox_equal(CAMP_INBOX_COLUMN, &col, NULL));
    assert_int_equal(camp_inbox_type_size(CAMP_INBOX_CAMPAIGN), sizeof(camp_inbox_campaign_t));
    assert_string_equal(camp_inbox_type_name(CAMP_INBOX_LEADS_ADD), "leads-add");
    assert_true(camp_inbox_type_is_request(CAMP_INBOX_LEADS_ADD));
    assert_false(camp_inbox_type_is_request(CAMP_INBOX_LEADS_ADD_RESULT));
}

/* ---- type-specific entry points -------------------------------------------------------- */

/* Each type-specific call, parse and decode of an already tokenized document, gives
 * exactly what the by-type call gives (value or failure and its path). */
typedef camp_status_t (*typed_parse_fn)(char *json, size_t len, void *out);
typedef camp_status_t (*typed_decode_fn)(camp_json_doc_t *doc, void *out);

#define TYPED_CALLS(NAME, STRUCT)                                                                  \
    static camp_status_t typed_parse_##NAME(char *json, size_t len, void *out)                     \
    {                                                                                              \
        return camp_inbox_##NAME##_parse(json, len, g_tokens, MAX_TOKENS, (STRUCT *)out, &g_diag); \
    }                                                                                              \
    static camp_status_t typed_decode_##NAME(camp_json_doc_t *doc, void *out)                      \
    {                                                                                              \
        return camp_inbox_##NAME##_decode(doc, 0, (STRUCT *)out, &g_diag);                         \
    }
TYPED_CALLS(campaign, camp_inbox_campaign_t)
TYPED_CALLS(campaign_page, camp_inbox_campaign_page_t)
TYPED_CALLS(sequence, camp_inbox_sequence_t)
TYPED_CALLS(leads_add_result, camp_inbox_leads_add_result_t)
TYPED_CALLS(column, camp_inbox_column_t)
TYPED_CALLS(success, camp_inbox_success_t)
TYPED_CALLS(error, camp_inbox_error_t)
TYPED_CALLS(webhook, camp_inbox_webhook_t)

/* The typed result in slot 1 is the by-type one in slot 0 (or the same failure). */
static void expect_as_generic(camp_inbox_type_t type, camp_status_t generic, const char *path,
                              camp_status_t typed)
{
    assert_int_equal(typed, generic);
    if (generic == CAMP_OK) {
        assert_true(camp_inbox_equal(type, slot(type, 0), slot(type, 1)));
    } else {
        assert_string_equal(g_diag.path, path);
    }
}

static void test_typed_calls_match_generic(void **state)
{
#define CASE(T, NAME, FIXTURE)                                                                     \
    {                                                                                              \
        T, typed_parse_##NAME, typed_decode_##NAME, FIXTURE                                        \
    }
    static const struct {
        camp_inbox_type_t type;
        typed_parse_fn parse;
        typed_decode_fn decode;
        const char *fixture;
    } cases[] = {
        CASE(CAMP_INBOX_CAMPAIGN, campaign, "inboxapp-campaign-enable-response.json"),
        CASE(CAMP_INBOX_CAMPAIGN, campaign, "inboxapp-campaign-get-response.json"),
        CASE(CAMP_INBOX_CAMPAIGN, campaign,
             "invalid/inboxapp-legacy-campaign-undefined-variable.json"),
        CASE(CAMP_INBOX_CAMPAIGN_PAGE, campaign_page, "inboxapp-campaigns-list-page.json"),
        CASE(CAMP_INBOX_SEQUENCE, sequence, "inboxapp-sequence-update-response.json"),
        CASE(CAMP_INBOX_LEADS_ADD_RESULT, leads_add_result, "inboxapp-add-leads-response.json"),
        CASE(CAMP_INBOX_COLUMN, column, "inboxapp-column-update-response.json"),
        CASE(CAMP_INBOX_SUCCESS, success, "inboxapp-success-response.json"),
        CASE(CAMP_INBOX_SUCCESS, success, "inboxapp-column-update-response.json"),
        CASE(CAMP_INBOX_ERROR, error, "inboxapp-error-unauthorized-flat.json"),
        CASE(CAMP_INBOX_ERROR, error, "inboxapp-error-unauthorized.json"),
        CASE(CAMP_INBOX_WEBHOOK, webhook, "inboxapp-webhook-target-contacted.json"),
        CASE(CAMP_INBOX_WEBHOOK, webhook, "inboxapp-webhook-campaign-created.json"),
        CASE(CAMP_INBOX_WEBHOOK, webhook, "inboxapp-campaign-enable-response.json"),
    };
#undef CASE
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        camp_inbox_type_t t = cases[i].type;
        camp_status_t generic;
        camp_json_doc_t doc;
        char path[sizeof g_diag.path];
        size_t n;
        generic = decode_fixture(t, cases[i].fixture, 0);
        memcpy(path, g_diag.path, sizeof path);
        n = fixture_load(cases[i].fixture, g_buf[1], BUF_SIZE);
        memset(slot(t, 1), 0xA5, camp_inbox_type_size(t));
        expect_as_generic(t, generic, path, cases[i].parse(g_buf[1], n, slot(t, 1)));
        /* parsing unescapes in place: the decode gets the text afresh */
        n = fixture_load(cases[i].fixture, g_buf[1], BUF_SIZE);
        assert_int_equal(camp_json_parse(&doc, g_buf[1], n, g_tokens, MAX_TOKENS, NULL), CAMP_OK);
        memset(slot(t, 1), 0xA5, camp_inbox_type_size(t));
        expect_as_generic(t, generic, path, cases[i].decode(&doc, slot(t, 1)));
    }
}

/* D16: `updatedAt` is null only in the summary shape; a full campaign with a null one
 * fails at that member. */
static void test_campaign_updated_null(void **state)
{
    camp_inbox_campaign_t *c = slot(CAMP_INBOX_CAMPAIGN, 0);
    size_t n = fixture_load("inboxapp-campaign-enable-response.json", g_buf[0], BUF_SIZE);
    char *at = strstr(g_buf[0], "\"updatedAt\": \"");
    char *end;
    (void)state;
    assert_non_null(at);
    at += strlen("\"updatedAt\": ");
    end = strchr(at + 1, '"');
    assert_non_null(end);
    memset(at, ' ', (size_t)(end - at) + 1); /* the date and its quotes: blanks, same length */
    memcpy(at, "null", 4);
    assert_int_equal(camp_inbox_campaign_parse(g_buf[0], n, g_tokens, MAX_TOKENS, c, &g_diag),
                     CAMP_ERR_TYPE);
    assert_string_equal(g_diag.path, "$.updatedAt");
    assert_non_null(strstr(g_diag.rule, "RFC 3339"));
}

/* The type-specific encoders write the same bytes as camp_inbox_encode(). */
static void test_typed_encode_matches_generic(void **state)
{
    size_t n0, n1;
    camp_inbox_rules_update_t *ru = slot(CAMP_INBOX_RULES_UPDATE, 0);
    camp_inbox_leads_add_t *la = slot(CAMP_INBOX_LEADS_ADD, 0);
    camp_inbox_sequence_t *sq = slot(CAMP_INBOX_SEQUENCE_UPDATE, 0);
    (void)state;

    assert_int_equal(
        decode_fixture(CAMP_INBOX_RULES_UPDATE, "inboxapp-lead-rules-update-request.json", 0),
        CAMP_OK);
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_RULES_UPDATE, ru, g_out[0], BUF_SIZE, &n0, NULL),
                     CAMP_OK);
    assert_int_equal(camp_inbox_rules_update_encode(ru, g_out[1], BUF_SIZE, &n1, NULL), CAMP_OK);
    assert_int_equal(n0, n1);
    assert_memory_equal(g_out[0], g_out[1], n0);

    assert_int_equal(
        decode_fixture(CAMP_INBOX_LEADS_ADD, "inboxapp-add-leads-request-mixed.json", 0), CAMP_OK);
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEADS_ADD, la, g_out[0], BUF_SIZE, &n0, NULL),
                     CAMP_OK);
    assert_int_equal(camp_inbox_leads_add_encode(la, g_out[1], BUF_SIZE, &n1, NULL), CAMP_OK);
    assert_int_equal(n0, n1);
    assert_memory_equal(g_out[0], g_out[1], n0);
    /* too small: same size needed, same status */
    assert_int_equal(camp_inbox_leads_add_encode(la, g_out[1], 8, &n1, &g_diag),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(n1, n0);

    assert_int_equal(
        decode_fixture(CAMP_INBOX_SEQUENCE_UPDATE, "inboxapp-sequence-update-request.json", 0),
        CAMP_OK);
    assert_int_equal(
        camp_inbox_encode(CAMP_INBOX_SEQUENCE_UPDATE, sq, g_out[0], BUF_SIZE, &n0, NULL), CAMP_OK);
    assert_int_equal(camp_inbox_sequence_update_encode(sq, g_out[1], BUF_SIZE, &n1, NULL), CAMP_OK);
    assert_int_equal(n0, n1);
    assert_memory_equal(g_out[0], g_out[1], n0);

    assert_int_equal(decode_fixture(CAMP_INBOX_CAMPAIGN_CREATE,
                                    "inboxapp-campaign-create-request-with-rules.json", 0),
                     CAMP_OK);
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_CAMPAIGN_CREATE,
                                       slot(CAMP_INBOX_CAMPAIGN_CREATE, 0), g_out[0], BUF_SIZE, &n0,
                                       NULL),
                     CAMP_OK);
    assert_int_equal(camp_inbox_campaign_create_encode(slot(CAMP_INBOX_CAMPAIGN_CREATE, 0),
                                                       g_out[1], BUF_SIZE, &n1, NULL),
                     CAMP_OK);
    assert_int_equal(n0, n1);
    assert_memory_equal(g_out[0], g_out[1], n0);

    assert_int_equal(decode_fixture(CAMP_INBOX_LEAD_CANCEL, "inboxapp-cancel-lead-request.json", 0),
                     CAMP_OK);
    assert_int_equal(camp_inbox_encode(CAMP_INBOX_LEAD_CANCEL, slot(CAMP_INBOX_LEAD_CANCEL, 0),
                                       g_out[0], BUF_SIZE, &n0, NULL),
                     CAMP_OK);
    assert_int_equal(camp_inbox_lead_cancel_encode(slot(CAMP_INBOX_LEAD_CANCEL, 0), g_out[1],
                                                   BUF_SIZE, &n1, NULL),
                     CAMP_OK);
    assert_int_equal(n0, n1);
    assert_memory_equal(g_out[0], g_out[1], n0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v2_campaign_values),
        cmocka_unit_test(test_legacy_campaign_values),
        cmocka_unit_test(test_webhook_values),
        cmocka_unit_test(test_error_forms),
        cmocka_unit_test(test_requests_values),
        cmocka_unit_test(test_invalid_statuses),
        cmocka_unit_test(test_roundtrip_fixtures),
        cmocka_unit_test(test_equal_detects_changes),
        cmocka_unit_test(test_roundtrip_built_requests),
        cmocka_unit_test(test_encode_validates_built),
        cmocka_unit_test(test_buffer_too_small),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_typed_calls_match_generic),
        cmocka_unit_test(test_campaign_updated_null),
        cmocka_unit_test(test_typed_encode_matches_generic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
