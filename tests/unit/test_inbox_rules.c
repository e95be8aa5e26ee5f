/* lib/inbox rules that the fixture and bounds tests do not reach: invalid
 * request bodies (rules update, add leads, sequences) rejected with the exact
 * status, JSON path and rule text; hand-built structs rejected by
 * camp_inbox_validate() / camp_inbox_encode(); camp_inbox_equal() telling
 * apart structs that differ in a single member. */
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
#define STR(lit) ((camp_str_t){(lit), sizeof(lit) - 1u})

static char g_json[2][BUF_SIZE];
static char g_out[BUF_SIZE];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_diag_t g_diag;
static camp_inbox_rules_update_t g_ru[2];
static camp_inbox_leads_add_t g_la[2];
static camp_inbox_sequence_t g_sq[2];
static camp_inbox_campaign_t g_c[2];
static camp_inbox_campaign_page_t g_page[2];

static camp_status_t parse_fixture(camp_inbox_type_t t, const char *rel, int i, void *out)
{
    size_t n = fixture_load(rel, g_json[i], BUF_SIZE);
    return camp_inbox_parse(t, g_json[i], n, g_tokens, MAX_TOKENS, out, camp_inbox_type_size(t),
                            &g_diag);
}

/* Decode text @p s (copied into buffer @p i) as @p t into @p out. */
static camp_status_t parse_in(camp_inbox_type_t t, int i, void *out, const char *s)
{
    size_t n = strlen(s);
    assert_true(n < BUF_SIZE);
    memcpy(g_json[i], s, n + 1u);
    return camp_inbox_parse(t, g_json[i], n, g_tokens, MAX_TOKENS, out, camp_inbox_type_size(t),
                            &g_diag);
}

static camp_status_t parse(camp_inbox_type_t t, void *out, const char *s)
{
    return parse_in(t, 0, out, s);
}

/* The status, and (when given) the diag path and rule text. */
static void expect(camp_status_t got, camp_status_t want, const char *path, const char *rule)
{
    if (got != want || (path != NULL && strcmp(g_diag.path, path) != 0) ||
        (rule != NULL && (g_diag.rule == NULL || strcmp(g_diag.rule, rule) != 0))) {
        fail_msg("got %d at %s (%s), want %d at %s (%s)", (int)got, g_diag.path,
                 g_diag.rule != NULL ? g_diag.rule : "-", (int)want, path != NULL ? path : "-",
                 rule != NULL ? rule : "-");
    }
}

static camp_status_t validate(camp_inbox_type_t t, const void *x)
{
    return camp_inbox_validate(t, x, &g_diag);
}

static camp_status_t encode(camp_inbox_type_t t, const void *x)
{
    size_t len;
    return camp_inbox_encode(t, x, g_out, sizeof g_out, &len, &g_diag);
}

/* ---- update lead rules (E6) ---------------------------------------------------------------- */

static void test_rules_update_decode_errors(void **state)
{
    camp_inbox_rules_update_t *r = &g_ru[0];
    (void)state;
    expect(parse(CAMP_INBOX_RULES_UPDATE, r, "{\"columnMappings\":[]}"), CAMP_ERR_TYPE,
           "$.columnMappings", "must be an object");
    expect(parse(CAMP_INBOX_RULES_UPDATE, r, "{\"columnMappings\":{\"l1\":[]}}"), CAMP_ERR_TYPE,
           "$.columnMappings.l1", "must be an object");
    expect(
        parse(CAMP_INBOX_RULES_UPDATE, r, "{\"columnMappings\":{\"l1\":{},\"l2\":{},\"l1\":{}}}"),
        CAMP_ERR_INVALID, "$.columnMappings.l1", "duplicate key");
    expect(parse(CAMP_INBOX_RULES_UPDATE, r,
                 "{\"columnMappings\":{\"l1\":{\"custom_a\":\"custom_b\",\"bad\":\"custom_c\"}}}"),
           CAMP_ERR_PATTERN, "$.columnMappings.l1.bad",
           "source column must match ^custom_[0-9a-z]+$");
    expect(parse(CAMP_INBOX_RULES_UPDATE, r, "{\"columnMappings\":{\"l1\":{\"custom_a\":7}}}"),
           CAMP_ERR_TYPE, "$.columnMappings.l1.custom_a", NULL);
    /* capacity + 1 mappings over two lists (l1 fits, l2 overflows the pool): the
     * failure is at l2 and needed counts all of them */
    {
        static char doc[4096];
        size_t n = 0, i, first = CAMP_MAX_COLUMN_MAPPINGS / 2u + 1u;
        n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"columnMappings\":{\"l1\":{");
        for (i = 0; i < first; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"custom_%zu\":\"custom_a\"",
                                  i ? "," : "", i);
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n, "},\"l2\":{");
        for (i = 0; i < CAMP_MAX_COLUMN_MAPPINGS + 1u - first; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"custom_%zu\":\"custom_a\"",
                                  i ? "," : "", i);
        }
        snprintf(doc + n, sizeof doc - n, "},\"l3\":7}}");
        expect(parse(CAMP_INBOX_RULES_UPDATE, r, doc), CAMP_ERR_CAPACITY, "$.columnMappings.l2",
               NULL);
        assert_int_equal(g_diag.needed, CAMP_MAX_COLUMN_MAPPINGS + 1);
    }
    expect(parse(CAMP_INBOX_RULES_UPDATE, r,
                 "{\"columnMappings\":{\"a\":{},\"b\":{},\"c\":{},\"d\":{},\"e\":{},\"f\":{},"
                 "\"g\":{},\"h\":{},\"i\":{}}}"),
           CAMP_ERR_CAPACITY, "$.columnMappings", "more lists than CAMP_MAX_LISTS");
    assert_int_equal(g_diag.needed, 9);
    /* the create body carries the same shape under `rules` */
    {
        static camp_inbox_campaign_create_t cr;
        expect(
            parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr,
                  "{\"name\":\"n\",\"accountLinkIds\":[\"a1\"],\"rules\":{\"excludeMutuals\":1}}"),
            CAMP_ERR_TYPE, "$.rules.excludeMutuals", NULL);
        expect(parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr,
                     "{\"name\":\"n\",\"accountLinkIds\":[\"a1\"],\"rules\":[]}"),
               CAMP_ERR_TYPE, "$.rules", "must be an object");
    }
}

/* A valid rules update with two groups: l1 {custom_a1->custom_b1, custom_a2->custom_b2}, l2 {}. */
static void build_rules(camp_inbox_rules_update_t *r)
{
    memset(r, 0, sizeof *r);
    r->present = CAMP_INBOX_RULES_HAS_COLUMN_MAPPINGS | CAMP_INBOX_RULES_HAS_SYNCED;
    r->synced_count = 1;
    r->synced_list_ids[0] = STR("l1");
    r->group_count = 2;
    r->groups[0] = (camp_inbox_mapping_group_t){STR("l1"), 0, 2};
    r->groups[1] = (camp_inbox_mapping_group_t){STR("l2"), 2, 0};
    r->mapping_count = 2;
    r->mappings[0] = (camp_inbox_column_map_t){STR("custom_a1"), STR("custom_b1")};
    r->mappings[1] = (camp_inbox_column_map_t){STR("custom_a2"), STR("custom_b2")};
}

static void test_rules_update_validate_built(void **state)
{
    camp_inbox_rules_update_t *r = &g_ru[0];
    (void)state;
    build_rules(r);
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_OK, NULL, NULL);
    expect(encode(CAMP_INBOX_RULES_UPDATE, r), CAMP_OK, NULL, NULL);
    assert_string_equal(g_out,
                        "{\"syncedListIds\":[\"l1\"],\"columnMappings\":{\"l1\":{\"custom_a1\":"
                        "\"custom_b1\",\"custom_a2\":\"custom_b2\"},\"l2\":{}}}");

    r->groups[0].mapping_count = 3; /* 0..2 but the pool holds 2 */
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_INVALID, "$.columnMappings.l1",
           "mapping range outside the pool");
    build_rules(r);
    r->mappings[1].source = STR("role");
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_PATTERN, "$.columnMappings.l1.role",
           "source column must match ^custom_[0-9a-z]+$");
    build_rules(r);
    r->mappings[0].target = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_PATTERN, "$.columnMappings.l1.custom_a1",
           "must match ^custom_[0-9a-z]+$");
    build_rules(r);
    r->mappings[1].target = STR("b2");
    expect(encode(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_PATTERN, "$.columnMappings.l1.custom_a2",
           "must match ^custom_[0-9a-z]+$");
    build_rules(r);
    r->mappings[1].source = STR("custom_a1");
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_INVALID, "$.columnMappings.l1.custom_a1",
           "duplicate key");
    build_rules(r);
    r->mappings[0].source = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_REQUIRED, NULL, "required field missing");
    build_rules(r);
    r->groups[1].list_id = STR("L-2");
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_PATTERN, "$.columnMappings[\"L-2\"]",
           "list ID key must match ^[0-9a-z]+$");
    build_rules(r);
    r->groups[1].list_id = STR("l1");
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_INVALID, "$.columnMappings.l1",
           "duplicate key");
    build_rules(r);
    r->groups[1].list_id = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_REQUIRED, NULL, "required field missing");
    build_rules(r);
    r->group_count = CAMP_MAX_LISTS + 1;
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_CAPACITY, "$.columnMappings",
           "more lists than CAMP_MAX_LISTS");
    assert_int_equal(g_diag.needed, CAMP_MAX_LISTS + 1);
}

/* Keys that cannot be written back: NUL inside, invalid UTF-8, over 255 bytes
 * (the writer's key limit; validation alone accepts it, encoding refuses it). */
static void test_keys_that_cannot_be_encoded(void **state)
{
    static char long_key[300];
    camp_inbox_rules_update_t *r = &g_ru[0];
    (void)state;
    build_rules(r);
    r->mappings[1].source = (camp_str_t){"custom_a\0b", 10};
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_INVALID, NULL,
           "key must not contain NUL");
    build_rules(r);
    r->mappings[1].source = STR("custom_\xff");
    assert_int_equal(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_INVALID);
    assert_non_null(strstr(g_diag.rule, "UTF-8"));
    build_rules(r);
    memcpy(long_key, "custom_", 7);
    memset(long_key + 7, 'a', 256 - 7);
    r->mappings[1].source = (camp_str_t){long_key, 256};
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_OK, NULL, NULL);
    expect(encode(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_LENGTH, NULL,
           "key longer than 255 bytes cannot be encoded");
    assert_int_equal(g_diag.limit_max, 255);
    r->mappings[1].source = (camp_str_t){long_key, 255};
    expect(encode(CAMP_INBOX_RULES_UPDATE, r), CAMP_OK, NULL, NULL);
    /* a key that is no identifier is quoted and escaped in the path */
    build_rules(r);
    r->groups[1].list_id = STR("a\"b\\c\x01");
    expect(validate(CAMP_INBOX_RULES_UPDATE, r), CAMP_ERR_PATTERN,
           "$.columnMappings[\"a\\\"b\\\\c\\u0001\"]", "list ID key must match ^[0-9a-z]+$");
}

/* `null` where the member is not nullable: TYPE with the member's own rule text. */
static void test_null_members(void **state)
{
    static camp_inbox_leads_add_result_t res;
    static camp_inbox_campaign_create_t cr;
    static camp_inbox_lead_update_t lu;
    (void)state;
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &res, "{\"added\":null,\"skipped\":0,\"failed\":0}"),
           CAMP_ERR_TYPE, "$.added", "must be an integer");
    expect(parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr, "{\"name\":\"n\",\"accountLinkIds\":null}"),
           CAMP_ERR_TYPE, "$.accountLinkIds", "must be an array");
    expect(parse(CAMP_INBOX_LEAD_UPDATE, &lu, "{\"data\":null}"), CAMP_ERR_TYPE, "$.data",
           "must be an object");
    expect(parse(CAMP_INBOX_RULES_UPDATE, &g_ru[0], "{\"columnMappings\":null}"), CAMP_ERR_TYPE,
           "$.columnMappings", "must be an object");
    expect(parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr,
                 "{\"name\":\"n\",\"accountLinkIds\":[\"a1\"],"
                 "\"rules\":{\"excludeContacted\":null}}"),
           CAMP_ERR_TYPE, "$.rules.excludeContacted", "must be a boolean");
    expect(parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr, "{\"name\":\"n\",\"accountLinkIds\":[]}"),
           CAMP_ERR_LENGTH, "$.accountLinkIds", "at least one element required");
    /* hand-built: a missing identifier inside accountLinkIds */
    expect(parse(CAMP_INBOX_CAMPAIGN_CREATE, &cr,
                 "{\"name\":\"n\",\"accountLinkIds\":[\"a1\",\"b2\"]}"),
           CAMP_OK, NULL, NULL);
    cr.account_link_ids[1] = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_CAMPAIGN_CREATE, &cr), CAMP_ERR_REQUIRED, "$.accountLinkIds[1]",
           "required field missing");
    cr.account_link_ids[1] = STR("B-2");
    expect(validate(CAMP_INBOX_CAMPAIGN_CREATE, &cr), CAMP_ERR_PATTERN, "$.accountLinkIds[1]",
           NULL);
    cr.account_count = CAMP_MAX_ACCOUNTS + 1;
    expect(validate(CAMP_INBOX_CAMPAIGN_CREATE, &cr), CAMP_ERR_CAPACITY, "$.accountLinkIds", NULL);
}

static void test_rules_update_equal(void **state)
{
    camp_inbox_rules_update_t *a = &g_ru[0], *b = &g_ru[1];
    (void)state;
    build_rules(a);
    build_rules(b);
    assert_true(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    b->groups[1].list_id = STR("l3");
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->group_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->groups[0].mapping_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->mappings[1].source = STR("custom_a9");
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->mappings[1].target = STR("custom_b9");
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->groups[0].first_mapping = CAMP_MAX_COLUMN_MAPPINGS; /* range outside the pool */
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    build_rules(b);
    b->group_count = CAMP_MAX_LISTS + 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, b, a));
    build_rules(b);
    /* same mappings at other pool positions: still equal (compared by content) */
    b->mappings[2] = b->mappings[0];
    b->mappings[3] = b->mappings[1];
    b->mapping_count = 4;
    b->groups[0].first_mapping = 2;
    b->groups[1].first_mapping = 4;
    assert_true(camp_inbox_equal(CAMP_INBOX_RULES_UPDATE, a, b));
}

/* ---- add leads (E7) ---------------------------------------------------------------------------- */

static void test_leads_decode_errors(void **state)
{
    camp_inbox_leads_add_t *l = &g_la[0];
    (void)state;
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[]}"), CAMP_ERR_LENGTH, "$.leads",
           "array length must be 1..2000");
    assert_int_equal(g_diag.limit_min, 1);
    assert_int_equal(g_diag.limit_max, 2000);
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":{}}"), CAMP_ERR_TYPE, "$.leads", NULL);
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[7]}"), CAMP_ERR_TYPE, "$.leads[0]",
           "must be an object");
    expect(
        parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[{\"username\":\"jack\"},{\"username\":\"\"}]}"),
        CAMP_ERR_LENGTH, "$.leads[1].username", "must not be empty");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[{\"externalId\":3}]}"), CAMP_ERR_TYPE,
           "$.leads[0].externalId", NULL);
    expect(
        parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[{\"platformId\":\"1\",\"externalId\":\"e\"}]}"),
        CAMP_ERR_INVALID, "$.leads[0].externalId", "only one of platformId, username, externalId");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"leads\":[{\"platform\":\"twitter\"}]}"),
           CAMP_ERR_REQUIRED, "$.leads[0]", "one of platformId, username, externalId required");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"usernames\":[\"jack\",\"\"]}"), CAMP_ERR_LENGTH,
           "$.usernames[1]", "must not be empty");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"externalIds\":[]}"), CAMP_ERR_LENGTH, "$.externalIds",
           "array length must be 1..2000");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, "{\"platform\":\"twitter\"}"), CAMP_ERR_REQUIRED, "$",
           "one of platformIds, usernames, externalIds, leads required");
    /* valid: the identifier and its member are kept */
    expect(parse(CAMP_INBOX_LEADS_ADD, l,
                 "{\"platformIds\":[\"1\",\"2\"],\"leads\":[{\"externalId\":\"e9\",\"data\":{\"k\":"
                 "1}}]}"),
           CAMP_OK, NULL, NULL);
    assert_int_equal(l->platform_ids.count, 2);
    assert_int_equal(l->lead_count, 1);
    assert_int_equal(l->leads[0].by, CAMP_INBOX_BY_EXTERNAL_ID);
    assert_int_equal(l->leads[0].id.len, 2);
    assert_memory_equal(l->leads[0].id.ptr, "e9", 2);
    assert_int_equal(l->leads[0].data.len, 7);
}

/* 101 lead objects (capacity 100, API limit 2000), and identifiers over the pool. */
static void test_leads_capacity(void **state)
{
    static char doc[BUF_SIZE];
    camp_inbox_leads_add_t *l = &g_la[0];
    size_t n = 0, i;
    (void)state;
    n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"leads\":[");
    for (i = 0; i <= CAMP_MAX_LEAD_OBJECTS; i++) {
        n +=
            (size_t)snprintf(doc + n, sizeof doc - n, "%s{\"username\":\"u%zu\"}", i ? "," : "", i);
    }
    snprintf(doc + n, sizeof doc - n, "]}");
    expect(parse(CAMP_INBOX_LEADS_ADD, l, doc), CAMP_ERR_CAPACITY, "$.leads",
           "more leads than CAMP_MAX_LEAD_OBJECTS");
    assert_int_equal(g_diag.needed, CAMP_MAX_LEAD_OBJECTS + 1);

    /* Two arrays, each within the pool and the documented 1..2000, together over
     * the pool (with the defaults: 1500 + 600 of 2000): the second one fails and
     * needed counts both. */
    {
        size_t first = (CAMP_MAX_LEAD_IDS * 3u) / 4u, second = CAMP_MAX_LEAD_IDS - first + 100u;
        if (second > first) {
            second = first; /* small pools: still over the pool, each array still within it */
        }
        if (first + second <= CAMP_MAX_LEAD_IDS) {
            second = CAMP_MAX_LEAD_IDS - first + 1u;
        }
        n = (size_t)snprintf(doc, sizeof doc, "{\"platformIds\":[");
        for (i = 0; i < first; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"%zu\"", i ? "," : "", i);
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n, "],\"usernames\":[");
        for (i = 0; i < second; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"u%zu\"", i ? "," : "", i);
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n, "],\"externalIds\":{}}");
        assert_true(n < sizeof doc);
        expect(parse(CAMP_INBOX_LEADS_ADD, l, doc), CAMP_ERR_CAPACITY, "$.usernames",
               "more identifiers than CAMP_MAX_LEAD_IDS");
        assert_int_equal(g_diag.needed, first + second);
    }
}

static void build_leads(camp_inbox_leads_add_t *l)
{
    memset(l, 0, sizeof *l);
    l->platform = CAMP_INBOX_PLATFORM_TWITTER;
    l->present = CAMP_INBOX_LEADS_HAS_USERNAMES | CAMP_INBOX_LEADS_HAS_LEADS;
    l->id_count = 2;
    l->ids[0] = STR("jack");
    l->ids[1] = STR("ev");
    l->usernames = (camp_inbox_id_span_t){0, 2};
    l->lead_count = 2;
    l->leads[0] = (camp_inbox_lead_t){STR("44196397"), {NULL, 0}, CAMP_INBOX_BY_PLATFORM_ID, 0};
    l->leads[1] = (camp_inbox_lead_t){STR("jack"), STR("{\"custom_a\":\"x\"}"),
                                      CAMP_INBOX_BY_USERNAME, CAMP_INBOX_PLATFORM_TWITTER};
}

static void test_leads_validate_built(void **state)
{
    camp_inbox_leads_add_t *l = &g_la[0];
    (void)state;
    build_leads(l);
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_OK, NULL, NULL);
    expect(encode(CAMP_INBOX_LEADS_ADD, l), CAMP_OK, NULL, NULL);
    assert_string_equal(g_out,
                        "{\"platform\":\"twitter\",\"usernames\":[\"jack\",\"ev\"],\"leads\":["
                        "{\"platformId\":\"44196397\"},{\"username\":\"jack\",\"platform\":"
                        "\"twitter\",\"data\":{\"custom_a\":\"x\"}}]}");

    l->usernames.count = 0;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_LENGTH, "$.usernames",
           "array length must be 1..2000");
    build_leads(l);
    l->usernames.first = 1; /* 1..2 but the pool holds 2 */
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_INVALID, "$.usernames",
           "identifier range outside the pool");
    build_leads(l);
    l->ids[1] = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_REQUIRED, "$.usernames[1]",
           "required field missing");
    build_leads(l);
    l->ids[1] = STR("");
    expect(encode(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_LENGTH, "$.usernames[1]", NULL);
    build_leads(l);
    l->lead_count = 0;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_LENGTH, "$.leads",
           "array length must be 1..2000");
    build_leads(l);
    l->lead_count = CAMP_MAX_LEAD_OBJECTS + 1;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_CAPACITY, "$.leads",
           "more leads than CAMP_MAX_LEAD_OBJECTS");
    build_leads(l);
    l->leads[1].by = CAMP_INBOX_BY_UNSET;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_REQUIRED, "$.leads[1]",
           "one of platformId, username, externalId required");
    l->leads[1].by = 4;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_REQUIRED, "$.leads[1]",
           "one of platformId, username, externalId required");
    build_leads(l);
    l->leads[1].id = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_REQUIRED, "$.leads[1].username",
           "required field missing");
    build_leads(l);
    l->leads[0].id = STR("");
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_LENGTH, "$.leads[0].platformId", NULL);
    build_leads(l);
    l->leads[1].data = STR("[1]");
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_INVALID, "$.leads[1].data",
           "must be a JSON object");
    build_leads(l);
    l->present = 0;
    expect(validate(CAMP_INBOX_LEADS_ADD, l), CAMP_ERR_REQUIRED, "$",
           "one of platformIds, usernames, externalIds, leads required");
}

static void test_leads_equal(void **state)
{
    camp_inbox_leads_add_t *a = &g_la[0], *b = &g_la[1];
    (void)state;
    build_leads(a);
    build_leads(b);
    assert_true(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    b->ids[1] = STR("eve");
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->usernames.count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->usernames.first = CAMP_MAX_LEAD_IDS - 1u;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, b, a));
    build_leads(b);
    b->lead_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->leads[1].by = CAMP_INBOX_BY_EXTERNAL_ID;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->leads[0].id = STR("44196398");
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->leads[1].platform = 0;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
    build_leads(b);
    b->lead_count = CAMP_MAX_LEAD_OBJECTS + 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, b, a));
    build_leads(b);
    /* same identifiers at another pool position */
    b->ids[5] = b->ids[0];
    b->ids[6] = b->ids[1];
    b->id_count = 7;
    b->usernames.first = 5;
    assert_true(camp_inbox_equal(CAMP_INBOX_LEADS_ADD, a, b));
}

static void test_flat_bodies(void **state)
{
    static camp_inbox_success_t s;
    static camp_inbox_leads_add_result_t r;
    (void)state;
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{\"success\":true}"), CAMP_OK, NULL, NULL);
    assert_true(s.is_true);
    /* `success` is kept raw: a string with its quotes, any other value as written */
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{\"success\":\"true\"}"), CAMP_OK, NULL, NULL);
    assert_false(s.is_true);
    assert_int_equal(s.value.len, 6);
    assert_memory_equal(s.value.ptr, "\"true\"", 6);
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{\"success\":false}"), CAMP_OK, NULL, NULL);
    assert_false(s.is_true);
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{\"success\":1}"), CAMP_OK, NULL, NULL);
    assert_false(s.is_true);
    assert_int_equal(s.value.len, 1);
    assert_memory_equal(s.value.ptr, "1", 1);
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{\"success\": {\"a\": [1, \"\"]} }"), CAMP_OK, NULL,
           NULL);
    assert_int_equal(s.value.len, 14);
    assert_memory_equal(s.value.ptr, "{\"a\": [1, \"\"]}", 14);
    expect(parse(CAMP_INBOX_SUCCESS, &s, "{}"), CAMP_ERR_REQUIRED, "$.success",
           "required field missing");
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r, "{\"added\":1,\"skipped\":-1,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.skipped", NULL);
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r, "{\"added\":1,\"skipped\":2,\"failed\":3}"),
           CAMP_OK, NULL, NULL);
    assert_int_equal(r.added + r.skipped + r.failed, 6);
    /* counters: up to 15 digits are read by the engine, longer ones by the number
     * reader; both end at the same values and limits */
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r,
                 "{\"added\":999999999999999,\"skipped\":9007199254740991,\"failed\":0}"),
           CAMP_OK, NULL, NULL);
    assert_true(r.added == INT64_C(999999999999999));
    assert_true(r.skipped == INT64_C(9007199254740991));
    assert_int_equal(r.failed, 0);
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r,
                 "{\"added\":1,\"skipped\":9007199254740992,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.skipped", NULL);
    assert_true(g_diag.has_limit);
    assert_true(g_diag.limit_max == INT64_C(9007199254740991));
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r, "{\"added\":2.5,\"skipped\":0,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.added", "must be an integer in 0..9007199254740991");
    expect(parse(CAMP_INBOX_LEADS_ADD_RESULT, &r, "{\"added\":1e2,\"skipped\":0,\"failed\":0}"),
           CAMP_ERR_RANGE, "$.added", "must be an integer in 0..9007199254740991");
}

/* ---- sequences ----------------------------------------------------------------------------------- */

/* steps[0]: message [variation(Hey,Hi), variable first-name]; steps[1]: delay. */
static void build_seq(camp_inbox_sequence_t *s)
{
    memset(s, 0, sizeof *s);
    s->version = -1;
    s->step_count = 2;
    s->steps[0].type = CAMP_INBOX_STEP_MESSAGE;
    s->steps[0].present = CAMP_INBOX_STEP_HAS_TYPE;
    s->steps[0].segment_count = 2;
    s->segment_count = 2;
    s->segments[0] = (camp_inbox_segment_t){STR(""), {NULL, 0}, 0, 2, CAMP_INBOX_SEGMENT_VARIATION};
    s->segments[1] =
        (camp_inbox_segment_t){STR("first-name"), {NULL, 0}, 0, 0, CAMP_INBOX_SEGMENT_VARIABLE};
    s->option_count = 2;
    s->options[0] = STR("Hey");
    s->options[1] = STR("Hi");
    s->steps[1].type = CAMP_INBOX_STEP_DELAY;
    s->steps[1].present = CAMP_INBOX_STEP_HAS_TYPE;
    s->steps[1].delay_seconds = 3600;
}

static void test_sequence_validate_built(void **state)
{
    camp_inbox_sequence_t *s = &g_sq[0];
    (void)state;
    build_seq(s);
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_OK, NULL, NULL);
    s->segments[0].option_count = 0;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_LENGTH,
           "$.steps[0].data.segments[0].options", "at least one option required");
    assert_int_equal(g_diag.limit_min, 1);
    build_seq(s);
    s->segments[0].first_option = 1; /* 1..2, the pool holds 2 */
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_INVALID,
           "$.steps[0].data.segments[0].options", "option range outside the sequence's pool");
    build_seq(s);
    s->options[1] = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_REQUIRED,
           "$.steps[0].data.segments[0].options[1]", "required field missing");
    build_seq(s);
    s->segments[1].type = CAMP_INBOX_SEGMENT_UNSET;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_REQUIRED,
           "$.steps[0].data.segments[1].type", "required field missing");
    s->segments[1].type = 9;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_ENUM,
           "$.steps[0].data.segments[1].type",
           "segment type must be static, variable or variation");
    build_seq(s);
    s->steps[1].type = CAMP_INBOX_STEP_UNSET;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_REQUIRED, "$.steps[1].type",
           "required field missing");
    s->steps[1].type = 9;
    expect(encode(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_ENUM, "$.steps[1].type", NULL);
    build_seq(s);
    s->segment_count = CAMP_MAX_SEGMENTS + 1;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_CAPACITY, "$.steps",
           "pool count above its capacity");
    build_seq(s);
    s->option_count = CAMP_MAX_VARIATION_OPTIONS + 1;
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_CAPACITY, "$.steps",
           "pool count above its capacity");
    /* like tweet: data kept raw, but it must be an object */
    build_seq(s);
    s->steps[1].type = CAMP_INBOX_STEP_LIKE_TWEET;
    s->steps[1].raw_data = STR("[1]");
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_INVALID, "$.steps[1].data",
           "must be a JSON object");
    s->steps[1].raw_data = STR("{\"t\":1}");
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_OK, NULL, NULL);
    /* variable names: kebab-case words or a column ID */
    build_seq(s);
    s->segments[1].text = STR("first--name");
    expect(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_ERR_PATTERN,
           "$.steps[0].data.segments[1].name", NULL);
    s->segments[1].text = STR("");
    assert_int_not_equal(validate(CAMP_INBOX_SEQUENCE_UPDATE, s), CAMP_OK);
    assert_string_equal(g_diag.path, "$.steps[0].data.segments[1].name");
}

static void test_sequence_decode_errors(void **state)
{
    camp_inbox_sequence_t *s = &g_sq[0];
    (void)state;
    expect(
        parse(CAMP_INBOX_SEQUENCE_UPDATE, s,
              "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":[{\"type\":\"variation\","
              "\"options\":[]}]}}]}"),
        CAMP_ERR_LENGTH, "$.steps[0].data.segments[0].options", NULL);
    expect(parse(CAMP_INBOX_SEQUENCE_UPDATE, s,
                 "{\"steps\":[{\"type\":\"message\",\"data\":{\"segments\":[7]}}]}"),
           CAMP_ERR_TYPE, "$.steps[0].data.segments[0]", NULL);
    expect(parse(CAMP_INBOX_SEQUENCE_UPDATE, s, "{\"steps\":[{\"type\":\"message\",\"data\":[]}]}"),
           CAMP_ERR_TYPE, "$.steps[0].data", NULL);
    expect(
        parse(CAMP_INBOX_SEQUENCE_UPDATE, s, "{\"steps\":[{\"type\":\"likeTweet\",\"data\":[1]}]}"),
        CAMP_ERR_TYPE, "$.steps[0].data", "must be an object");
    /* capacity: segments + 1 over two message steps (the second overflows the
     * pool); needed counts the whole array */
    {
        static char doc[8192];
        size_t n = 0, i, first = CAMP_MAX_SEGMENTS / 2u + 1u;
        n += (size_t)snprintf(doc + n, sizeof doc - n,
                              "{\"steps\":[{\"type\":\"delay\",\"data\":{\"delaySeconds\":1}},"
                              "{\"type\":\"message\",\"data\":{\"segments\":[");
        for (i = 0; i < first; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s{\"type\":\"static\",\"text\":\"x\"}",
                                  i ? "," : "");
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n,
                              "]}},{\"type\":\"message\",\"data\":{\"segments\":[");
        for (i = 0; i < CAMP_MAX_SEGMENTS + 1u - first; i++) {
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s{\"type\":\"static\",\"text\":\"y\"}",
                                  i ? "," : "");
        }
        snprintf(doc + n, sizeof doc - n, "]}}]}");
        expect(parse(CAMP_INBOX_SEQUENCE_UPDATE, s, doc), CAMP_ERR_CAPACITY,
               "$.steps[2].data.segments", NULL);
        assert_int_equal(g_diag.needed, CAMP_MAX_SEGMENTS + 1);
    }
}

static void test_sequence_equal(void **state)
{
    camp_inbox_sequence_t *a = &g_sq[0], *b = &g_sq[1];
    (void)state;
    build_seq(a);
    build_seq(b);
    assert_true(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    b->segments[0].option_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    b->segments[0].first_option = CAMP_MAX_VARIATION_OPTIONS;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, b, a));
    build_seq(b);
    b->options[1] = STR("Yo");
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    b->steps[0].segment_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    b->steps[0].first_segment = CAMP_MAX_SEGMENTS;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, b, a));
    build_seq(b);
    b->segments[1].type = CAMP_INBOX_SEGMENT_STATIC;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    b->steps[1].type = CAMP_INBOX_STEP_LIKE_TWEET;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    b->step_count = 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(b);
    a->step_count = b->step_count = CAMP_MAX_STEPS + 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    build_seq(a);
    build_seq(b);
    a->steps[1].type = b->steps[1].type = CAMP_INBOX_STEP_LIKE_TWEET;
    a->steps[1].raw_data = STR("{\"a\":1}");
    b->steps[1].raw_data = STR("{\"a\":2}");
    assert_false(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
    b->steps[1].raw_data = STR("{\"a\":1}");
    assert_true(camp_inbox_equal(CAMP_INBOX_SEQUENCE_UPDATE, a, b));
}

/* ---- campaigns --------------------------------------------------------------------------------------- */

static void load_v2(int i)
{
    expect(parse_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-enable-response.json", i, &g_c[i]),
           CAMP_OK, NULL, NULL);
}

static void load_legacy(int i)
{
    expect(parse_fixture(CAMP_INBOX_CAMPAIGN, "inboxapp-campaign-get-response.json", i, &g_c[i]),
           CAMP_OK, NULL, NULL);
}

static void test_campaign_v2_rules_built(void **state)
{
    camp_inbox_campaign_t *c = &g_c[0];
    (void)state;
    load_v2(0);
    assert_int_equal(c->rules.list_count, 2);
    assert_int_equal(c->rules.lists[0].mapping_count, 1);
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_OK, NULL, NULL);
    c->rules.mappings[0].source = STR("company");
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_PATTERN,
           "$.rules.syncedLists[0].columnMapping.company",
           "source column must match ^custom_[0-9a-z]+$");
    load_v2(0);
    c->rules.mappings[0].target = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_PATTERN,
           "$.rules.syncedLists[0].columnMapping.custom_q5cktl47a6pqa74eu06fz89v",
           "must match ^custom_[0-9a-z]+$");
    load_v2(0);
    c->rules.mappings[1] = c->rules.mappings[0];
    c->rules.mapping_count = 2;
    c->rules.lists[0].mapping_count = 2;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_INVALID,
           "$.rules.syncedLists[0].columnMapping.custom_q5cktl47a6pqa74eu06fz89v", "duplicate key");
    load_v2(0);
    c->rules.lists[0].mapping_count = 2;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_INVALID,
           "$.rules.syncedLists[0].columnMapping", "mapping range outside the rules' pool");
    load_v2(0);
    c->rules.mappings[0].source = (camp_str_t){NULL, 0};
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_REQUIRED, NULL, "required field missing");
    load_v2(0);
    c->rules.list_count = CAMP_MAX_LISTS + 1;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_CAPACITY, NULL,
           "more lists than CAMP_MAX_LISTS");
    load_v2(0);
    c->automation_count = CAMP_MAX_AUTOMATIONS + 1;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_CAPACITY, "$.automations",
           "more automations than CAMP_MAX_AUTOMATIONS");
    load_v2(0);
    c->shape = 3;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_INVALID, "$", "unknown shape");
    load_v2(0);
    c->base.completion_rate = 1000001u;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_RANGE, "$.completionRate",
           "must be a number in 0..1");
}

static void test_campaign_decode_errors(void **state)
{
    static char doc[BUF_SIZE];
    camp_inbox_campaign_t *c = &g_c[0];
    char *p;
    size_t n;
    (void)state;
    /* 9 column mappings in the synced lists of a v2 rules object */
    /* the fixture's text, untouched (decoding unescapes in place) */
    (void)fixture_load("inboxapp-campaign-enable-response.json", g_json[0], BUF_SIZE);
    p = strstr(g_json[0],
               "\"custom_q5cktl47a6pqa74eu06fz89v\": \"custom_m8r2xj93hd5bk0atcw7oe4fp\"");
    assert_non_null(p);
    n = (size_t)(p - g_json[0]);
    memcpy(doc, g_json[0], n);
    n += (size_t)snprintf(
        doc + n, sizeof doc - n,
        "\"custom_1\":\"custom_a\",\"custom_2\":\"custom_a\",\"custom_3\":\"custom_a\","
        "\"custom_4\":\"custom_a\",\"custom_5\":\"custom_a\",\"custom_6\":\"custom_a\","
        "\"custom_7\":\"custom_a\",\"custom_8\":\"custom_a\",\"custom_9\":\"custom_a\"");
    snprintf(doc + n, sizeof doc - n, "%s",
             p + strlen("\"custom_q5cktl47a6pqa74eu06fz89v\": "
                        "\"custom_m8r2xj93hd5bk0atcw7oe4fp\""));
    expect(parse_in(CAMP_INBOX_CAMPAIGN, 1, c, doc), CAMP_ERR_CAPACITY,
           "$.rules.syncedLists[0].columnMapping",
           "more column mappings than CAMP_MAX_COLUMN_MAPPINGS");
    assert_int_equal(g_diag.needed, 9);

    /* customVariables with an empty name, and not an object */
    (void)fixture_load("inboxapp-campaign-get-response.json", g_json[0], BUF_SIZE);
    p = strstr(g_json[0], "\"customVariables\"");
    assert_non_null(p);
    p = strstr(p, "\"company-name\"");
    assert_non_null(p);
    memcpy(doc, g_json[0], BUF_SIZE);
    memcpy(doc + (p - g_json[0]), "\"\"            ", 14);
    expect(parse_in(CAMP_INBOX_CAMPAIGN, 1, c, doc), CAMP_ERR_INVALID, "$.customVariables[\"\"]",
           "variable name must not be empty");
}

static void test_campaign_legacy_built(void **state)
{
    camp_inbox_campaign_t *c = &g_c[0];
    (void)state;
    load_legacy(0);
    assert_int_equal(c->variable_count, 1);
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_OK, NULL, NULL);
    c->variables[0].name = STR("");
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_INVALID, "$.customVariables[\"\"]",
           "variable name must not be empty");
    load_legacy(0);
    c->variables[1] = c->variables[0];
    c->variable_count = 2;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_INVALID,
           "$.customVariables[\"company-name\"]", "duplicate key");
    load_legacy(0);
    c->variable_count = CAMP_MAX_CUSTOM_VARIABLES + 1;
    expect(validate(CAMP_INBOX_CAMPAIGN, c), CAMP_ERR_CAPACITY, "$.customVariables",
           "more custom variables than CAMP_MAX_CUSTOM_VARIABLES");
}

static void test_campaign_equal(void **state)
{
    camp_inbox_campaign_t *a = &g_c[0], *b = &g_c[1];
    (void)state;
    load_v2(0);
    load_v2(1);
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->schedule_hours.day[1].has_window = false;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->schedule_hours.day[1].start = 541;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->rules.lists[0].mapping_count = 0;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->rules.lists[0].first_mapping = CAMP_MAX_COLUMN_MAPPINGS;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->rules.mappings[0].target = STR("custom_x");
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->rules.mappings[0].source = STR("custom_x");
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->rules.list_count = 1; /* the excluded list is gone */
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, b, a));
    load_v2(1);
    b->rules.list_count = CAMP_MAX_LISTS + 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, b, a));
    load_v2(1);
    b->automation_count = (uint16_t)(a->automation_count + 1u);
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_v2(1);
    b->shape = CAMP_INBOX_SHAPE_LEGACY;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->shape = 3;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, b, a));
    load_v2(1);
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));

    load_legacy(0);
    load_legacy(1);
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    b->variables[0].name = STR("company-nam");
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_legacy(1);
    b->variable_count = 0;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
    load_legacy(1);
    b->variables[0].present = 0; /* description absent instead of null */
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN, a, b));
}

static void test_page_built(void **state)
{
    camp_inbox_campaign_page_t *a = &g_page[0], *b = &g_page[1];
    (void)state;
    expect(parse_fixture(CAMP_INBOX_CAMPAIGN_PAGE, "inboxapp-campaigns-list-page.json", 0, a),
           CAMP_OK, NULL, NULL);
    expect(parse_fixture(CAMP_INBOX_CAMPAIGN_PAGE, "inboxapp-campaigns-list-page.json", 1, b),
           CAMP_OK, NULL, NULL);
    assert_true(camp_inbox_equal(CAMP_INBOX_CAMPAIGN_PAGE, a, b));
    b->has_next = !a->has_next;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN_PAGE, a, b));
    b->has_next = a->has_next;
    b->count = 0;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN_PAGE, a, b));
    b->count = CAMP_MAX_PAGE_ITEMS + 1;
    assert_false(camp_inbox_equal(CAMP_INBOX_CAMPAIGN_PAGE, b, a));
    expect(validate(CAMP_INBOX_CAMPAIGN_PAGE, b), CAMP_ERR_CAPACITY, "$.campaigns",
           "more campaigns than CAMP_MAX_PAGE_ITEMS");
    assert_int_equal(g_diag.needed, CAMP_MAX_PAGE_ITEMS + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_update_decode_errors),
        cmocka_unit_test(test_rules_update_validate_built),
        cmocka_unit_test(test_keys_that_cannot_be_encoded),
        cmocka_unit_test(test_null_members),
        cmocka_unit_test(test_rules_update_equal),
        cmocka_unit_test(test_leads_decode_errors),
        cmocka_unit_test(test_leads_capacity),
        cmocka_unit_test(test_leads_validate_built),
        cmocka_unit_test(test_leads_equal),
        cmocka_unit_test(test_flat_bodies),
        cmocka_unit_test(test_sequence_validate_built),
        cmocka_unit_test(test_sequence_decode_errors),
        cmocka_unit_test(test_sequence_equal),
        cmocka_unit_test(test_campaign_v2_rules_built),
        cmocka_unit_test(test_campaign_decode_errors),
        cmocka_unit_test(test_campaign_legacy_built),
        cmocka_unit_test(test_campaign_equal),
        cmocka_unit_test(test_page_built),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
