/* Unit tests for camp_json_check(): the strict RFC 8259 check on hand-written
 * tricky inputs (the JSONTestSuite corpus runs separately, see
 * tests/scripts/json_conformance.sh). Each rejection is checked for its
 * status, the offset of the offending byte and the reason text. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"

typedef struct {
    const char *text;
    size_t len; /* 0: strlen(text) */
    camp_status_t status;
    size_t offset;
    const char *rule; /* expected rule text (prefix) */
} case_t;

#define OK_CASE(t)                                                                                 \
    {                                                                                              \
        t, 0, CAMP_OK, 0, NULL                                                                     \
    }
#define OK_CASE_N(t)                                                                               \
    {                                                                                              \
        t, sizeof(t) - 1u, CAMP_OK, 0, NULL                                                        \
    }
#define BAD(t, st, off, rule)                                                                      \
    {                                                                                              \
        t, 0, st, off, rule                                                                        \
    }
#define BAD_N(t, st, off, rule)                                                                    \
    {                                                                                              \
        t, sizeof(t) - 1u, st, off, rule                                                           \
    }

static void run_cases(const case_t *cases, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        const case_t *c = &cases[i];
        size_t len = c->len ? c->len : strlen(c->text);
        camp_diag_t d;
        camp_status_t st;
        camp_diag_clear(&d);
        st = camp_json_check(c->text, len, CAMP_JSON_MAX_DEPTH, &d);
        if (st != c->status) {
            fail_msg("case %u `%s`: status %d, want %d (%s at %lu)", (unsigned)i, c->text, (int)st,
                     (int)c->status, d.rule, (unsigned long)d.offset);
        }
        if (st == CAMP_OK) {
            continue;
        }
        if (d.status != st || strcmp(d.path, "$") != 0) {
            fail_msg("case %u `%s`: diag status %d path %s", (unsigned)i, c->text, (int)d.status,
                     d.path);
        }
        if (d.offset != c->offset) {
            fail_msg("case %u `%s`: offset %lu, want %lu (%s)", (unsigned)i, c->text,
                     (unsigned long)d.offset, (unsigned long)c->offset, d.rule);
        }
        if (c->rule != NULL && strncmp(d.rule, c->rule, strlen(c->rule)) != 0) {
            fail_msg("case %u `%s`: rule \"%s\", want \"%s\"", (unsigned)i, c->text, d.rule,
                     c->rule);
        }
        /* the same bytes with the diag omitted give the same answer */
        assert_int_equal(camp_json_check(c->text, len, CAMP_JSON_MAX_DEPTH, NULL), st);
    }
}

#define STR_(x) #x
#define STR(x) STR_(x)

#define RUN(cases) run_cases(cases, sizeof(cases) / sizeof(cases[0]))

static void test_numbers(void **state)
{
    static const case_t cases[] = {
        OK_CASE("0"),
        OK_CASE("-0"),
        OK_CASE("-0.0e-0"),
        OK_CASE("1E+2"),
        OK_CASE("[1e2]"),
        OK_CASE("123456789012345678901234567890e999999999999"),
        OK_CASE("[-1.5e-300, 0.0, 10]"),
        BAD("01", CAMP_ERR_JSON_SYNTAX, 1, "invalid number"),
        BAD("-01", CAMP_ERR_JSON_SYNTAX, 2, "invalid number"),
        BAD("-", CAMP_ERR_JSON_SYNTAX, 1, "invalid number"),
        BAD("[-]", CAMP_ERR_JSON_SYNTAX, 2, "invalid number"),
        BAD("1.", CAMP_ERR_JSON_SYNTAX, 2, "invalid number"),
        BAD("[1.]", CAMP_ERR_JSON_SYNTAX, 3, "invalid number"),
        BAD(".5", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("+1", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("1e", CAMP_ERR_JSON_SYNTAX, 2, "invalid number"),
        BAD("1e+", CAMP_ERR_JSON_SYNTAX, 3, "invalid number"),
        BAD("[1E-]", CAMP_ERR_JSON_SYNTAX, 4, "invalid number"),
        BAD("1.2.3", CAMP_ERR_JSON_SYNTAX, 3, "invalid number"),
        BAD("0x10", CAMP_ERR_JSON_SYNTAX, 1, "invalid number"),
        BAD("[1a]", CAMP_ERR_JSON_SYNTAX, 2, "invalid number"),
        BAD("-Infinity", CAMP_ERR_JSON_SYNTAX, 1, "invalid number"),
        BAD("NaN", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("1 2", CAMP_ERR_JSON_SYNTAX, 2, "trailing data after the value"),
        BAD("- 1", CAMP_ERR_JSON_SYNTAX, 1, "invalid number"),
    };
    (void)state;
    RUN(cases);
}

static void test_literals_and_structure(void **state)
{
    static const case_t cases[] = {
        OK_CASE("true"),
        OK_CASE(" false "),
        OK_CASE("null"),
        OK_CASE("{}"),
        OK_CASE("[]"),
        OK_CASE("\"\""),
        OK_CASE("{\"a\":{\"b\":[{}, [], \"c\"]}}"),
        OK_CASE(" \t\r\n[ ] \t\r\n"),
        OK_CASE("{\"a\":1,\"a\":2}"),
        BAD("tru", CAMP_ERR_JSON_SYNTAX, 0, "invalid literal"),
        BAD("truex", CAMP_ERR_JSON_SYNTAX, 0, "invalid literal"),
        BAD("True", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("nul", CAMP_ERR_JSON_SYNTAX, 0, "invalid literal"),
        BAD("", CAMP_ERR_JSON_SYNTAX, 0, "no value"),
        BAD("  ", CAMP_ERR_JSON_SYNTAX, 2, "no value"),
        BAD("[", CAMP_ERR_JSON_SYNTAX, 1, "unexpected end of input"),
        BAD("[1,", CAMP_ERR_JSON_SYNTAX, 3, "unexpected end of input"),
        BAD("[1,]", CAMP_ERR_JSON_SYNTAX, 3, "expected a value"),
        BAD("[,1]", CAMP_ERR_JSON_SYNTAX, 1, "expected a value"),
        BAD("[1 2]", CAMP_ERR_JSON_SYNTAX, 3, "expected ',' or ']'"),
        BAD("[1}", CAMP_ERR_JSON_SYNTAX, 2, "expected ',' or ']'"),
        BAD("{\"a\":1]", CAMP_ERR_JSON_SYNTAX, 6, "expected ',' or '}'"),
        BAD("{\"a\":1,}", CAMP_ERR_JSON_SYNTAX, 7, "expected a string key"),
        BAD("{\"a\" 1}", CAMP_ERR_JSON_SYNTAX, 5, "expected ':'"),
        BAD("{\"a\"::1}", CAMP_ERR_JSON_SYNTAX, 5, "expected a value"),
        BAD("{a:1}", CAMP_ERR_JSON_SYNTAX, 1, "expected a string key"),
        BAD("{1:1}", CAMP_ERR_JSON_SYNTAX, 1, "expected a string key"),
        BAD("{\"a\":}", CAMP_ERR_JSON_SYNTAX, 5, "expected a value"),
        BAD("]", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("[]]", CAMP_ERR_JSON_SYNTAX, 2, "trailing data after the value"),
        BAD("{}{}", CAMP_ERR_JSON_SYNTAX, 2, "trailing data after the value"),
        BAD("[\f]", CAMP_ERR_JSON_SYNTAX, 1, "expected a value"),
        BAD("[1]\v", CAMP_ERR_JSON_SYNTAX, 3, "trailing data"),
        BAD("'a'", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        BAD("[1]//", CAMP_ERR_JSON_SYNTAX, 3, "trailing data"),
        /* a NUL byte after the value is data, not an end marker */
        BAD_N("{}\0", CAMP_ERR_JSON_SYNTAX, 2, "trailing data after the value"),
        BAD_N("{} \0 ", CAMP_ERR_JSON_SYNTAX, 3, "trailing data after the value"),
        BAD_N("\0", CAMP_ERR_JSON_SYNTAX, 0, "expected a value"),
        /* pretty-printed: a line break and indentation after ',', '{', '[' and ": " */
        OK_CASE("{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": true\n}\n"),
        OK_CASE("[\n\t1,\n\t\t2,\n \t3]"),
        OK_CASE("{\"a\": \n 1}"),
        BAD("{\n  \"a\": 1,\n  }", CAMP_ERR_JSON_SYNTAX, 14, "expected a string key"),
        BAD("[\n  1,\n  ]", CAMP_ERR_JSON_SYNTAX, 9, "expected a value"),
        BAD("[1,\n        ", CAMP_ERR_JSON_SYNTAX, 12, "unexpected end of input"),
        BAD("{\"a\":  x}", CAMP_ERR_JSON_SYNTAX, 7, "expected a value"),
        BAD("[\n   \f]", CAMP_ERR_JSON_SYNTAX, 5, "expected a value"),
        /* a byte order mark is not allowed (RFC 8259 sec. 8.1) */
        BAD("\xef\xbb\xbf{}", CAMP_ERR_JSON_SYNTAX, 0, "byte order mark"),
    };
    (void)state;
    RUN(cases);
}

static void test_strings_and_escapes(void **state)
{
    static const case_t cases[] = {
        OK_CASE("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""),
        OK_CASE("\"\\u0000 \\u001f \\uFFFF \\uabcd\""),
        OK_CASE("\"\\ud83d\\ude00\""), /* a surrogate pair */
        OK_CASE("\"\\uDBFF\\uDFFF\""), /* U+10FFFF */
        OK_CASE("\"\x7f\""),           /* DEL is not a control char in JSON */
        BAD("\"abc", CAMP_ERR_JSON_SYNTAX, 0, "unterminated string"),
        BAD("[\"abc\\\"]", CAMP_ERR_JSON_SYNTAX, 1, "unterminated string"),
        BAD("\"abc\\", CAMP_ERR_JSON_SYNTAX, 0, "unterminated string"),
        BAD("\"\\u12", CAMP_ERR_JSON_SYNTAX, 0, "unterminated string"),
        BAD("\"\\a\"", CAMP_ERR_JSON_SYNTAX, 2, "invalid escape"),
        BAD("\"\\x41\"", CAMP_ERR_JSON_SYNTAX, 2, "invalid escape"),
        BAD("\"\\U0041\"", CAMP_ERR_JSON_SYNTAX, 2, "invalid escape"),
        BAD("\"\\u12g4\"", CAMP_ERR_JSON_SYNTAX, 5, "invalid \\u escape"),
        BAD("\"\\u12\"", CAMP_ERR_JSON_SYNTAX, 5, "invalid \\u escape"),
        BAD("\"a\nb\"", CAMP_ERR_JSON_SYNTAX, 2, "control character in string"),
        BAD("\"a\tb\"", CAMP_ERR_JSON_SYNTAX, 2, "control character in string"),
        BAD("\"\x1f\"", CAMP_ERR_JSON_SYNTAX, 1, "control character in string"),
        BAD_N("\"a\0b\"", CAMP_ERR_JSON_SYNTAX, 2, "control character in string"),
        /* surrogate escapes must pair up (policy, see docs/json-decisions.md) */
        BAD("\"\\ud800\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("\"\\udc00\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("\"x\\ud800\\u0041\"", CAMP_ERR_JSON_SYNTAX, 2, "unpaired surrogate"),
        BAD("\"\\ud800\\ud800\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("\"\\udc00\\ud800\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("\"\\ud800\\n\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("\"\\ud800\"", CAMP_ERR_JSON_SYNTAX, 1, "unpaired surrogate"),
        BAD("{\"\\udc00\":1}", CAMP_ERR_JSON_SYNTAX, 2, "unpaired surrogate"),
    };
    (void)state;
    RUN(cases);
}

static void test_utf8(void **state)
{
    static const case_t cases[] = {
        OK_CASE("\"\xc2\x80 \xdf\xbf\""),                 /* 2-byte ends */
        OK_CASE("\"\xe0\xa0\x80 \xef\xbf\xbf\""),         /* 3-byte ends */
        OK_CASE("\"\xed\x9f\xbf \xee\x80\x80\""),         /* around the surrogates */
        OK_CASE("\"\xf0\x90\x80\x80 \xf4\x8f\xbf\xbf\""), /* 4-byte ends */
        OK_CASE("{\"\xc3\xa9\":\"\xe2\x82\xac\"}"),
        BAD("\"\xc0\xaf\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8: overlong"),
        BAD("\"\xc1\xbf\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8: overlong"),
        BAD("\"\xe0\x80\xaf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: overlong"),
        BAD("\"\xe0\x9f\xbf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: overlong"),
        BAD("\"\xf0\x80\x80\xaf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: overlong"),
        BAD("\"\xf0\x8f\xbf\xbf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: overlong"),
        BAD("\"\xed\xa0\x80\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: encoded surrogate"),
        BAD("\"\xed\xbf\xbf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: encoded surrogate"),
        BAD("\"\xf4\x90\x80\x80\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: code point beyond"),
        BAD("\"\xf5\x80\x80\x80\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8: code point beyond"),
        BAD("\"\xff\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8"),
        BAD("\"\xf8\x88\x80\x80\x80\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8"),
        BAD("\"\x80\"", CAMP_ERR_JSON_UTF8, 1, "invalid UTF-8: unexpected continuation"),
        BAD("\"a\xbf\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: unexpected continuation"),
        BAD("\"\xc3\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8: truncated"),
        BAD("\"\xe2\x82\"", CAMP_ERR_JSON_UTF8, 3, "invalid UTF-8: truncated"),
        BAD("\"\xf0\x9f\x98 \"", CAMP_ERR_JSON_UTF8, 4, "invalid UTF-8: truncated"),
        BAD("\"\xe2\x82", CAMP_ERR_JSON_UTF8, 3, "invalid UTF-8: truncated"),
        BAD("\"\xe9t\xe9\"", CAMP_ERR_JSON_UTF8, 2, "invalid UTF-8"), /* ISO-8859-1 */
        /* outside strings non-ASCII is simply not JSON */
        BAD("[\xc3\xa9]", CAMP_ERR_JSON_SYNTAX, 1, "expected a value"),
    };
    (void)state;
    RUN(cases);
}

/* @p n nested arrays: "[[[...]]]" */
static size_t nested(char *buf, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        buf[i] = '[';
        buf[2 * n - 1 - i] = ']';
    }
    return 2 * n;
}

static void test_depth_limit(void **state)
{
    char buf[2 * (CAMP_JSON_MAX_DEPTH + 2)];
    camp_diag_t d;
    size_t len;
    (void)state;
    len = nested(buf, CAMP_JSON_MAX_DEPTH);
    assert_int_equal(camp_json_check(buf, len, CAMP_JSON_MAX_DEPTH, &d), CAMP_OK);
    len = nested(buf, CAMP_JSON_MAX_DEPTH + 1);
    assert_int_equal(camp_json_check(buf, len, CAMP_JSON_MAX_DEPTH, &d), CAMP_ERR_JSON_DEPTH);
    assert_int_equal(d.offset, CAMP_JSON_MAX_DEPTH); /* the 33rd '[' */
    assert_string_equal(d.rule, "nesting deeper than " STR(CAMP_JSON_MAX_DEPTH));
    assert_true(d.has_limit);
    assert_int_equal(d.limit_max, CAMP_JSON_MAX_DEPTH);
    /* objects count the same as arrays */
    assert_int_equal(camp_json_check("{\"a\":{\"b\":[1]}}", 15, 3, &d), CAMP_OK);
    assert_int_equal(camp_json_check("{\"a\":{\"b\":[1]}}", 15, 2, &d), CAMP_ERR_JSON_DEPTH);
    assert_int_equal(d.offset, 10);
    assert_int_equal(d.limit_max, 2);
    /* depth 0: only scalars */
    assert_int_equal(camp_json_check("1", 1, 0, &d), CAMP_OK);
    assert_int_equal(camp_json_check("[]", 2, 0, &d), CAMP_ERR_JSON_DEPTH);
    /* closing brackets do not free depth for later siblings beyond the limit */
    assert_int_equal(camp_json_check("[[],[[]]]", 9, 2, &d), CAMP_ERR_JSON_DEPTH);
    assert_int_equal(d.offset, 5);
    assert_int_equal(camp_json_check("[[],[]]", 7, 2, &d), CAMP_OK);
    /* parse uses CAMP_JSON_MAX_DEPTH */
    {
        camp_json_token_t toks[2 * CAMP_JSON_MAX_DEPTH];
        camp_json_doc_t doc;
        len = nested(buf, CAMP_JSON_MAX_DEPTH + 1);
        assert_int_equal(camp_json_parse(&doc, buf, len, toks, 2 * CAMP_JSON_MAX_DEPTH, &d),
                         CAMP_ERR_JSON_DEPTH);
    }
}

static void test_arguments_and_size(void **state)
{
    camp_diag_t d;
    (void)state;
    assert_int_equal(camp_json_check(NULL, 0, CAMP_JSON_MAX_DEPTH, &d), CAMP_ERR_ARG);
    assert_int_equal(camp_json_check("1", 1, CAMP_JSON_MAX_DEPTH + 1, &d), CAMP_ERR_ARG);
    /* lengths the token offsets (int) cannot hold are refused before any byte is read */
#if SIZE_MAX > INT_MAX
    assert_int_equal(camp_json_check("1", (size_t)INT_MAX + 1u, CAMP_JSON_MAX_DEPTH, &d),
                     CAMP_ERR_JSON_TOO_LARGE);
    assert_int_equal(d.status, CAMP_ERR_JSON_TOO_LARGE);
    assert_true(d.has_limit);
    assert_int_equal(d.limit_max, INT_MAX);
#endif
    /* only len bytes are read: what follows does not matter */
    assert_int_equal(camp_json_check("[1]garbage", 3, CAMP_JSON_MAX_DEPTH, &d), CAMP_OK);
    assert_int_equal(camp_json_check("\"ab\"", 3, CAMP_JSON_MAX_DEPTH, &d), CAMP_ERR_JSON_SYNTAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_literals_and_structure),
        cmocka_unit_test(test_strings_and_escapes),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_arguments_and_size),
    };
    return cmocka_run_group_tests_name("json_check", tests, NULL, NULL);
}
