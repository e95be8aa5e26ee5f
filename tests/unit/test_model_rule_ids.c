/* CAMP_DIAG_TEXT=0, the small-target setting, for the model code: lib/inbox and
 * lib/outbox store rule ids (docs/rules.md) instead of English rule texts, the
 * JSON path and the status stay what the texts build reports, and
 * camp_diag_format() prints the id. The model and status sources are compiled
 * here with the knob off (the library archive keeps the default texts, see
 * test_inbox.c and test_outbox.c); this test's objects take precedence over the
 * archive's. */
#define CAMP_DIAG_TEXT 0

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "inbox/inbox_api.c"
#include "inbox/inbox_engine.c"
#include "inbox/inbox_schema.c"
/* the hooks as decoding runs them; the struct walks' come from the archive (this
 * test only decodes) */
#include "inbox/inbox_hooks_decode.c"
/* Both models name some file-local helpers and tables alike: the outbox ones are
 * renamed for this translation unit only. */
#define decode_string ob_decode_string
#define decode_value ob_decode_value
#define validate_value ob_validate_value
#define encode_value ob_encode_value
#define step_fields ob_step_fields
#define campaign_fields ob_campaign_fields
#include "outbox/outbox_hooks.c"
#include "outbox/outbox_models.c"
#include "status/status.c"

#define MAX_TOKENS 1024
#define BUF_SIZE 16384

static char g_buf[BUF_SIZE];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_inbox_campaign_t g_campaign;
static camp_outbox_campaign_create_t g_create;
static camp_outbox_sender_create_t g_sender;
static camp_json_doc_t g_doc;
static camp_diag_t g_diag;

static camp_status_t inbox_campaign(const char *rel)
{
    size_t n = fixture_load(rel, g_buf, BUF_SIZE);
    return camp_inbox_parse(CAMP_INBOX_CAMPAIGN, g_buf, n, g_tokens, MAX_TOKENS, &g_campaign,
                            sizeof g_campaign, &g_diag);
}

static void outbox_doc(const char *rel)
{
    size_t n = fixture_load(rel, g_buf, BUF_SIZE);
    assert_int_equal(camp_json_parse(&g_doc, g_buf, n, g_tokens, MAX_TOKENS, &g_diag), CAMP_OK);
}

static void test_inbox_rules_are_ids(void **state)
{
    char line[160];
    (void)state;
    /* "must be an integer in 1..60" (decoding accepts the legacy range) */
    assert_int_equal(inbox_campaign("invalid/inboxapp-campaign-hourly-rate-zero.json"),
                     CAMP_ERR_RANGE);
    assert_string_equal(g_diag.rule, "I16");
    assert_string_equal(g_diag.path, "$.hourlyMessageRate");
    camp_diag_format(&g_diag, line, sizeof line);
    assert_string_equal(line, "$.hourlyMessageRate: rule I16, status 202, limits 1..60");

    /* "must be one of draft, active, paused, completed" */
    assert_int_equal(inbox_campaign("invalid/inboxapp-campaign-status-unknown.json"),
                     CAMP_ERR_ENUM);
    assert_string_equal(g_diag.rule, "I05");
    assert_string_equal(g_diag.path, "$.status");

    /* "required field missing" */
    assert_int_equal(inbox_campaign("invalid/inboxapp-campaign-missing-id.json"),
                     CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.rule, "I40");
    assert_string_equal(g_diag.path, "$.id");

    /* "variable must be \"first-name\"..." rules chosen by a ternary, deep path */
    assert_int_equal(inbox_campaign("invalid/inboxapp-legacy-campaign-undefined-variable.json"),
                     CAMP_ERR_REFERENCE);
    assert_string_equal(g_diag.path, "$.steps[0].data.segments[4].name");
    assert_true(strlen(g_diag.rule) == 3u && g_diag.rule[0] == 'I');
}

static void test_outbox_rules_are_ids(void **state)
{
    char line[160];
    (void)state;
    /* "must be at most 64 characters" */
    outbox_doc("invalid/outbox-create-timezone-65-chars.json");
    assert_int_equal(camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag),
                     CAMP_ERR_LENGTH);
    assert_string_equal(g_diag.rule, "O16");
    assert_string_equal(g_diag.path, "$.timezone");
    camp_diag_format(&g_diag, line, sizeof line);
    assert_string_equal(line, "$.timezone: rule O16, status 204, limits 0..64");

    /* "must be one of draft|active|paused|completed|cancelled" */
    outbox_doc("invalid/outbox-create-status-unknown.json");
    assert_int_equal(camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag),
                     CAMP_ERR_ENUM);
    assert_string_equal(g_diag.rule, "O30");
    assert_string_equal(g_diag.path, "$.status");
    camp_diag_format(&g_diag, line, sizeof line);
    assert_string_equal(line, "$.status: rule O30, status 205");

    /* "must be an e-mail address (local@domain.tld)" */
    outbox_doc("invalid/outbox-sender-create-bad-email.json");
    assert_int_equal(camp_outbox_sender_create_decode(&g_doc, 0, &g_sender, &g_diag),
                     CAMP_ERR_PATTERN);
    assert_string_equal(g_diag.rule, "O25");
    assert_string_equal(g_diag.path, "$.from_email");

    /* "required field missing": the model engine's own rule, for both APIs (the
     * Outbox id it replaced, O09, is retired in docs/rules.md) */
    outbox_doc("invalid/outbox-create-missing-name.json");
    assert_int_equal(camp_outbox_campaign_create_decode(&g_doc, 0, &g_create, &g_diag),
                     CAMP_ERR_REQUIRED);
    assert_string_equal(g_diag.rule, "I40");
    assert_string_equal(g_diag.path, "$.name");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inbox_rules_are_ids),
        cmocka_unit_test(test_outbox_rules_are_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
