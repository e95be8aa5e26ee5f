/* PATCH bodies (update lead E8, update column E10) send and accept only what is
 * set: none of their members is marked required, and an omitted one is left as it
 * is by the server. What is sent is still checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "camp/camp.h"

static camp_json_token_t g_tokens[64];
static camp_diag_t g_diag;

static camp_status_t parse(camp_inbox_type_t type, const char *json, void *out, size_t size)
{
    static char buf[512];
    size_t n = strlen(json);
    assert_true(n < sizeof buf);
    memcpy(buf, json, n + 1);
    return camp_inbox_parse(type, buf, n, g_tokens, 64, out, size, &g_diag);
}

static void test_column_update_description_only(void **state)
{
    camp_inbox_column_update_t c;
    char out[128];
    size_t n = 0;
    (void)state;
    assert_int_equal(parse(CAMP_INBOX_COLUMN_UPDATE, "{\"description\":null}", &c, sizeof c),
                     CAMP_OK);
    assert_null(c.name.ptr);
    assert_true((c.present & CAMP_INBOX_COLUMN_HAS_DESCRIPTION) != 0);
    assert_int_equal(camp_inbox_column_update_encode(&c, out, sizeof out, &n, &g_diag), CAMP_OK);
    assert_string_equal(out, "{\"description\":null}");
    /* only the name */
    memset(&c, 0, sizeof c);
    c.name.ptr = "Role";
    c.name.len = 4;
    assert_int_equal(camp_inbox_column_update_encode(&c, out, sizeof out, &n, &g_diag), CAMP_OK);
    assert_string_equal(out, "{\"name\":\"Role\"}");
    /* what is sent is still checked */
    assert_int_equal(parse(CAMP_INBOX_COLUMN_UPDATE, "{\"name\":\"\"}", &c, sizeof c),
                     CAMP_ERR_LENGTH);
    assert_string_equal(g_diag.path, "$.name");
    assert_int_equal(g_diag.limit_min, 1);
    assert_int_equal(g_diag.limit_max, 255);
}

static void test_lead_update_without_data(void **state)
{
    camp_inbox_lead_update_t u;
    char out[128];
    size_t n = 0;
    (void)state;
    assert_int_equal(parse(CAMP_INBOX_LEAD_UPDATE, "{\"by\":\"username\"}", &u, sizeof u), CAMP_OK);
    assert_null(u.data.ptr);
    assert_int_equal(u.by, CAMP_INBOX_BY_USERNAME);
    assert_int_equal(camp_inbox_lead_update_encode(&u, out, sizeof out, &n, &g_diag), CAMP_OK);
    assert_string_equal(out, "{\"by\":\"username\"}");
    assert_int_equal(parse(CAMP_INBOX_LEAD_UPDATE, "{}", &u, sizeof u), CAMP_OK);
    assert_int_equal(camp_inbox_lead_update_encode(&u, out, sizeof out, &n, &g_diag), CAMP_OK);
    assert_string_equal(out, "{}");
    assert_int_equal(parse(CAMP_INBOX_LEAD_UPDATE, "{\"data\":[1]}", &u, sizeof u), CAMP_ERR_TYPE);
    assert_string_equal(g_diag.path, "$.data");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_column_update_description_only),
        cmocka_unit_test(test_lead_update_without_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
