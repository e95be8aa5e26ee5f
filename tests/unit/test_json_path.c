/* Unit tests for camp_json_diag() / camp_json_diag_member(): JSON paths built
 * from parent links, offsets, cut paths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"

#define NTOK 128

typedef struct {
    char buf[1024];
    camp_json_token_t toks[NTOK];
    camp_json_doc_t doc;
    camp_diag_t diag;
} fx_t;

static void load_ok(fx_t *f, const char *s)
{
    size_t n = strlen(s);
    assert_true(n < sizeof f->buf);
    memcpy(f->buf, s, n);
    assert_int_equal(camp_json_parse(&f->doc, f->buf, n, f->toks, NTOK, &f->diag), CAMP_OK);
}

/* Token whose raw text starts at the first occurrence of @p needle. */
static int tok_at(const fx_t *f, const char *needle)
{
    const char *p = strstr(f->buf, needle);
    int i;
    assert_non_null(p);
    for (i = 0; i < f->doc.count; i++) {
        const char *r;
        size_t n;
        camp_json_raw(&f->doc, i, &r, &n);
        if (r == p) {
            return i;
        }
    }
    fail_msg("no token at %s", needle);
    return -1;
}

static void expect_path(fx_t *f, int tok, const char *want)
{
    camp_diag_t d;
    assert_int_equal(camp_json_diag(&d, &f->doc, tok, CAMP_ERR_RANGE, "a rule"), CAMP_ERR_RANGE);
    assert_string_equal(d.path, want);
    assert_int_equal(d.status, CAMP_ERR_RANGE);
    assert_string_equal(d.rule, "a rule");
}

static void test_paths_from_the_spec(void **state)
{
    fx_t f;
    int t;
    camp_diag_t d;
    (void)state;
    load_ok(&f, "{\"scheduleHours\": {\"1\": [], \"7\": [\"09:00\"]}}");
    t = tok_at(&f, "[\"09");
    expect_path(&f, t, "$.scheduleHours[\"7\"]");
    camp_json_diag(&d, &f.doc, t, CAMP_ERR_SCHEDULE, "day key must be \"0\"..\"6\"");
    assert_int_equal(d.offset, (size_t)(strstr(f.buf, "[\"09") - f.buf));
    assert_false(d.has_limit);
    assert_int_equal(d.needed, 0);

    load_ok(&f, "{\"sequence\": {\"steps\": [{}, {\"data\": 1}, {\"data\": {\"segments\": "
                "[{\"name\": \"x\"}, {\"name\": \"y\"}]}}]}}");
    t = tok_at(&f, "\"x\"");
    expect_path(&f, t, "$.sequence.steps[2].data.segments[0].name");
    camp_json_diag(&d, &f.doc, t, CAMP_ERR_LENGTH, "r");
    assert_int_equal(d.offset, (size_t)(strstr(f.buf, "\"x\"") - f.buf)); /* opening quote */
    expect_path(&f, tok_at(&f, "\"y\""), "$.sequence.steps[2].data.segments[1].name");
    expect_path(&f, tok_at(&f, "1}"), "$.sequence.steps[1].data");

    load_ok(&f, "{\"accountLinkIds\": [\"acc1\", \"acc2\"]}");
    expect_path(&f, tok_at(&f, "\"acc1"), "$.accountLinkIds[0]");
    expect_path(&f, tok_at(&f, "\"acc2"), "$.accountLinkIds[1]");
    expect_path(&f, 0, "$");
    expect_path(&f, tok_at(&f, "[\"acc1"), "$.accountLinkIds");
}

static void test_key_forms(void **state)
{
    fx_t f;
    (void)state;
    load_ok(&f, "{\"first-name\": 1, \"_a$9\": 2, \"9a\": 3, \"\": 4, \"a\\\"b\\\\c\": 5, "
                "\"\\u0061b\": 6, \"a\\nb\": 7, \"caf\xc3\xa9\": 8, \"a b\": 9}");
    expect_path(&f, tok_at(&f, "1,"), "$[\"first-name\"]");
    expect_path(&f, tok_at(&f, "2,"), "$._a$9");
    expect_path(&f, tok_at(&f, "3,"), "$[\"9a\"]");
    expect_path(&f, tok_at(&f, "4,"), "$[\"\"]");
    expect_path(&f, tok_at(&f, "5,"), "$[\"a\\\"b\\\\c\"]");
    expect_path(&f, tok_at(&f, "6,"), "$.ab"); /* keys shown unescaped */
    expect_path(&f, tok_at(&f, "7,"), "$[\"a\\u000ab\"]");
    expect_path(&f, tok_at(&f, "8,"), "$[\"caf\xc3\xa9\"]");
    expect_path(&f, tok_at(&f, "9}"), "$[\"a b\"]");
    /* a key token's path is its member's path */
    expect_path(&f, tok_at(&f, "\"_a$9"), "$._a$9");
}

static void test_nested_arrays_and_decoded_keys(void **state)
{
    fx_t f;
    const char *s;
    int t;
    (void)state;
    load_ok(&f, "[[0, [1, 2]], {\"k\\u0065y\": [true]}]");
    t = tok_at(&f, "true");
    expect_path(&f, tok_at(&f, "2]"), "$[0][1][1]");
    expect_path(&f, tok_at(&f, "[1, 2]"), "$[0][1]");
    expect_path(&f, tok_at(&f, "true"), "$[1].key[0]");
    /* after the key was unescaped in place the path is the same */
    assert_int_equal(camp_json_get_string(&f.doc, tok_at(&f, "\"k"), &s, NULL), CAMP_OK);
    assert_string_equal(s, "key");
    expect_path(&f, t, "$[1].key[0]");
}

static void test_diag_member(void **state)
{
    fx_t f;
    camp_diag_t d;
    int steps;
    (void)state;
    load_ok(&f, "{\"sequence\": {\"steps\": [{\"type\": 1}, {}]}}");
    assert_int_equal(
        camp_json_diag_member(&d, &f.doc, 0, "name", CAMP_ERR_REQUIRED, "required field missing"),
        CAMP_ERR_REQUIRED);
    assert_string_equal(d.path, "$.name");
    assert_int_equal(d.offset, 0);
    assert_string_equal(d.rule, "required field missing");
    steps = tok_at(&f, "[{");
    camp_json_diag_member(&d, &f.doc, tok_at(&f, "{}"), "data", CAMP_ERR_REQUIRED, "r");
    assert_string_equal(d.path, "$.sequence.steps[1].data");
    assert_int_equal(d.offset, (size_t)(strstr(f.buf, "{}") - f.buf));
    camp_json_diag_member(&d, &f.doc, steps, "first-name", CAMP_ERR_REQUIRED, "r");
    assert_string_equal(d.path, "$.sequence.steps[\"first-name\"]");
    camp_json_diag_member(&d, &f.doc, 0, "q\"", CAMP_ERR_REQUIRED, "r");
    assert_string_equal(d.path, "$[\"q\\\"\"]");
    /* NULL diag: only the status comes back */
    assert_int_equal(camp_json_diag(NULL, &f.doc, 0, CAMP_ERR_RANGE, "r"), CAMP_ERR_RANGE);
    assert_int_equal(camp_json_diag_member(NULL, &f.doc, 0, "x", CAMP_ERR_TYPE, "r"),
                     CAMP_ERR_TYPE);
    /* a token that is not in the document: path "$", no offset */
    camp_json_diag(&d, &f.doc, 999, CAMP_ERR_TYPE, "r");
    assert_string_equal(d.path, "$");
    assert_int_equal(d.offset, CAMP_DIAG_NO_OFFSET);
}

static void test_long_paths_are_cut_visibly(void **state)
{
    fx_t f;
    camp_diag_t d;
    char text[2 * CAMP_JSON_MAX_DEPTH + 8];
    size_t i, n = CAMP_JSON_MAX_DEPTH;
    int leaf;
    (void)state;
    /* 32 nested arrays with a number inside: "$" + 32 x "[0]" = 97 bytes > 95 */
    for (i = 0; i < n; i++) {
        text[i] = '[';
        text[n + 1 + i] = ']';
    }
    text[n] = '7';
    text[2 * n + 1] = '\0';
    load_ok(&f, text);
    leaf = tok_at(&f, "7");
    camp_json_diag(&d, &f.doc, leaf, CAMP_ERR_RANGE, "r");
    assert_int_equal(strlen(d.path), CAMP_DIAG_PATH_MAX - 1);
    assert_memory_equal(d.path, "$[0][0][0]", 10);
    assert_string_equal(d.path + CAMP_DIAG_PATH_MAX - 4, "...");
    assert_int_equal(d.offset, n);
    /* long keys */
    load_ok(&f, "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": "
                "{\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\":"
                " {\"c\": 1}}}");
    camp_json_diag(&d, &f.doc, tok_at(&f, "1}"), CAMP_ERR_RANGE, "r");
    assert_int_equal(strlen(d.path), 1 + 41 + 41 + 2);
    camp_json_diag_member(&d, &f.doc, tok_at(&f, "{\"c"), "dddddddddddddddddddd", CAMP_ERR_RANGE,
                          "r");
    assert_int_equal(strlen(d.path), CAMP_DIAG_PATH_MAX - 1);
    assert_string_equal(d.path + CAMP_DIAG_PATH_MAX - 4, "...");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_from_the_spec),
        cmocka_unit_test(test_key_forms),
        cmocka_unit_test(test_nested_arrays_and_decoded_keys),
        cmocka_unit_test(test_diag_member),
        cmocka_unit_test(test_long_paths_are_cut_visibly),
    };
    return cmocka_run_group_tests_name("json_path", tests, NULL, NULL);
}
