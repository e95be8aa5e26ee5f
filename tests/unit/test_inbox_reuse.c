/* Decoding into a struct that still holds an earlier document (or garbage) gives
 * exactly what decoding into a cleared one gives: the decoders do not rely on the
 * caller's memory being zero, though large pools are not cleared whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "camp/camp.h"
#include "fixture.h"

#define MAX_TOKENS 4096
#define BUF_SIZE 65536

static camp_json_token_t g_tokens[MAX_TOKENS];
static char g_json[2][BUF_SIZE];
static char g_out[2][BUF_SIZE];
/* room for every type decoded here, whatever the configured capacities */
static union {
    camp_inbox_leads_add_t leads;
    camp_inbox_sequence_t sequence;
    camp_inbox_rules_update_t rules;
    camp_inbox_campaign_create_t create;
    camp_inbox_campaign_t campaign;
    camp_inbox_campaign_page_t page;
} g_any[2];

/* Parse @p rel twice, into a cleared struct and into one full of 0xA5 bytes; both
 * must be equal and encode to the same bytes (or fail to encode the same way, for
 * responses that hold what a request may not send). */
static void same_either_way(camp_inbox_type_t type, const char *rel)
{
    size_t n0 = fixture_load(rel, g_json[0], BUF_SIZE), n1 = fixture_load(rel, g_json[1], BUF_SIZE),
           e0 = 0, e1 = 0;
    camp_diag_t diag, first;
    camp_status_t st;
    memset(&g_any[0], 0, sizeof g_any[0]);
    memset(&g_any[1], 0xA5, sizeof g_any[1]);
    assert_true(camp_inbox_type_size(type) <= sizeof g_any[0]);
    st = camp_inbox_parse(type, g_json[0], n0, g_tokens, MAX_TOKENS, &g_any[0],
                          camp_inbox_type_size(type), &first);
    assert_int_equal(camp_inbox_parse(type, g_json[1], n1, g_tokens, MAX_TOKENS, &g_any[1],
                                      camp_inbox_type_size(type), &diag),
                     st);
    if (st != CAMP_OK) {
        /* a small configuration's capacity: the same verdict from either memory */
        assert_int_equal(st, CAMP_ERR_CAPACITY);
        assert_string_equal(diag.path, first.path);
        assert_int_equal(diag.needed, first.needed);
        return;
    }
    assert_true(camp_inbox_equal(type, &g_any[0], &g_any[1]));
    st = camp_inbox_encode(type, &g_any[0], g_out[0], BUF_SIZE, &e0, &first);
    assert_true(st == CAMP_OK || !camp_inbox_type_is_request(type));
    assert_int_equal(camp_inbox_encode(type, &g_any[1], g_out[1], BUF_SIZE, &e1, &diag), st);
    if (st != CAMP_OK) {
        assert_string_equal(diag.path, first.path);
        return;
    }
    assert_int_equal(e0, e1);
    assert_memory_equal(g_out[0], g_out[1], e0);
}

static void test_leads_add_into_used_memory(void **state)
{
    (void)state;
    same_either_way(CAMP_INBOX_LEADS_ADD, "inboxapp-add-leads-request-mixed.json");
    same_either_way(CAMP_INBOX_LEADS_ADD, "inboxapp-add-leads-request.json");
}

static void test_other_bodies_into_used_memory(void **state)
{
    (void)state;
    same_either_way(CAMP_INBOX_SEQUENCE_UPDATE, "inboxapp-sequence-update-request.json");
    same_either_way(CAMP_INBOX_RULES_UPDATE, "inboxapp-lead-rules-update-request.json");
    same_either_way(CAMP_INBOX_CAMPAIGN_CREATE, "inboxapp-campaign-create-request-with-rules.json");
}

/* Campaigns and sequences clear their members, and each pool element as it is reached. */
static void test_campaigns_into_used_memory(void **state)
{
    (void)state;
    same_either_way(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json");
    same_either_way(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-get-response.json");
    same_either_way(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-pause-response.json");
    same_either_way(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-create-response.json");
    same_either_way(CAMP_INBOX_CAMPAIGN_PAGE, "inboxapp-campaigns-list-page.json");
    same_either_way(CAMP_INBOX_SEQUENCE, "inboxapp-sequence-update-response.json");
}

/* A short document after a long one: nothing of the long one shows through. */
static void test_shorter_document_after_longer(void **state)
{
    char small[] = "{\"platform\":\"twitter\",\"usernames\":[\"jack\"]}";
    camp_diag_t diag;
    size_t n = fixture_load("inboxapp-add-leads-request-mixed.json", g_json[0], BUF_SIZE);
    (void)state;
    assert_int_equal(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, g_json[0], n, g_tokens, MAX_TOKENS,
                                      &g_any[0].leads, sizeof g_any[0].leads, &diag),
                     CAMP_OK);
    assert_true(g_any[0].leads.lead_count > 0);
    assert_int_equal(camp_inbox_parse(CAMP_INBOX_LEADS_ADD, small, strlen(small), g_tokens,
                                      MAX_TOKENS, &g_any[0].leads, sizeof g_any[0].leads, &diag),
                     CAMP_OK);
    assert_int_equal(g_any[0].leads.present, CAMP_INBOX_LEADS_HAS_USERNAMES);
    assert_int_equal(g_any[0].leads.lead_count, 0);
    assert_int_equal(g_any[0].leads.id_count, 1);
    assert_int_equal(g_any[0].leads.platform_ids.count, 0);
    assert_int_equal(g_any[0].leads.usernames.count, 1);
    assert_int_equal(camp_inbox_leads_add_encode(&g_any[0].leads, g_out[0], BUF_SIZE, &n, &diag),
                     CAMP_OK);
    assert_string_equal(g_out[0], "{\"platform\":\"twitter\",\"usernames\":[\"jack\"]}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_leads_add_into_used_memory),
        cmocka_unit_test(test_other_bodies_into_used_memory),
        cmocka_unit_test(test_campaigns_into_used_memory),
        cmocka_unit_test(test_shorter_document_after_longer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
