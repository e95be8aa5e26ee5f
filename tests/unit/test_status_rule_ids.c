/* CAMP_DIAG_TEXT=0, the small-target setting: rules are ids, and
 * camp_diag_format() prints the id, the status number, the limits and the size
 * needed. The status and JSON-check sources are compiled here with the knob
 * off (the library archive keeps the default texts, see test_status.c and
 * test_json_check.c); this test's objects take precedence over the archive's. */
#define CAMP_DIAG_TEXT 0

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "json/json_check.c"
#include "json/json_text.c"
#include "status/status.c"

static void test_rule_is_an_id(void **state)
{
    camp_diag_t d;
    char line[128];
    static const char doc[] = "[1, 01]";
    (void)state;
    assert_int_equal(camp_json_check(doc, sizeof doc - 1, CAMP_JSON_MAX_DEPTH, &d),
                     CAMP_ERR_JSON_SYNTAX);
    assert_string_equal(d.rule, "J16"); /* "invalid number" with texts */
    assert_int_equal(d.offset, 5);
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(line, "$: rule J16, status 100");
}

static void test_limits_and_needed_are_printed(void **state)
{
    camp_diag_t d;
    char line[128];
    static const char doc[] = "[[[1]]]";
    (void)state;
    assert_int_equal(camp_json_check(doc, sizeof doc - 1, 2, &d), CAMP_ERR_JSON_DEPTH);
    assert_string_equal(d.rule, "J15"); /* "nesting deeper than the limit" */
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(line, "$: rule J15, status 101, limits 0..2");

    camp_diag_set(&d, CAMP_ERR_CAPACITY, "$.steps", "");
    d.needed = 12;
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(line, "$.steps: status 3, needs 12");
}

static void test_utf8_reasons_are_ids(void **state)
{
    camp_diag_t d;
    static const char doc[] = "\"\xED\xA0\x80\""; /* an encoded surrogate */
    (void)state;
    assert_int_equal(camp_json_check(doc, sizeof doc - 1, CAMP_JSON_MAX_DEPTH, &d),
                     CAMP_ERR_JSON_UTF8);
    assert_string_equal(d.rule, "J27");
    assert_int_equal(d.offset, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rule_is_an_id),
        cmocka_unit_test(test_limits_and_needed_are_printed),
        cmocka_unit_test(test_utf8_reasons_are_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
