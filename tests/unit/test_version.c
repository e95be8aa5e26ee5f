/* Version and configuration identity: camp_version(), camp_config_id() and the
 * init-time check camp_config_matches() that backs up the link-time guard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp.h"

#define XSTR_(x) #x
#define XSTR(x) XSTR_(x)

static void version_matches_the_header(void **state)
{
    (void)state;
    assert_string_equal(camp_version(), CAMP_VERSION_STRING);
    /* The string spells the three numbers. */
    assert_string_equal(CAMP_VERSION_STRING, XSTR(CAMP_VERSION_MAJOR) "." XSTR(
                                                 CAMP_VERSION_MINOR) "." XSTR(CAMP_VERSION_PATCH));
    assert_int_equal(CAMP_VERSION_NUMBER,
                     CAMP_VERSION_MAJOR * 65536L + CAMP_VERSION_MINOR * 256L + CAMP_VERSION_PATCH);
    /* The old name keeps working. */
    assert_string_equal(CAMP_VERSION, CAMP_VERSION_STRING);
}

static void config_id_names_every_capacity(void **state)
{
    const char *id = camp_config_id();
    char steps[32];
    (void)state;
    assert_string_equal(id, CAMP_CONFIG_ID);
    assert_non_null(
        strstr(id, "camp_config_must_match_library__json" XSTR(CAMP_JSON_MAX_DEPTH) "_"));
    snprintf(steps, sizeof steps, "_steps%d_", (int)CAMP_MAX_STEPS);
    assert_non_null(strstr(id, steps));
    assert_non_null(strstr(id, "_signatures" XSTR(CAMP_WEBHOOK_MAX_SIGNATURES)));
}

static void config_matches_only_the_same_configuration(void **state)
{
    char other[512];
    char *p;
    (void)state;
    assert_true(camp_config_matches(CAMP_CONFIG_ID));
    assert_false(camp_config_matches(NULL));
    assert_false(camp_config_matches(""));
    /* The same text with one capacity changed. */
    assert_true(strlen(CAMP_CONFIG_ID) < sizeof other);
    strcpy(other, CAMP_CONFIG_ID);
    p = strstr(other, "_steps");
    assert_non_null(p);
    p[6] = p[6] == '9' ? '8' : '9';
    assert_false(camp_config_matches(other));
    /* A prefix of the library's text is not a match. */
    memcpy(other, CAMP_CONFIG_ID, strlen(CAMP_CONFIG_ID) - 1);
    other[strlen(CAMP_CONFIG_ID) - 1] = '\0';
    assert_false(camp_config_matches(other));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_matches_the_header),
        cmocka_unit_test(config_id_names_every_capacity),
        cmocka_unit_test(config_matches_only_the_same_configuration),
    };
    return cmocka_run_group_tests_name("version", tests, NULL, NULL);
}
