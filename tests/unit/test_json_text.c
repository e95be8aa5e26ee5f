/* lib/json/json_text.c: \u escapes compared on the fly by camp_json_string_eq()
 * (upper/lower hex, surrogate pairs; escapes malformed after tokenizing are
 * compared byte for byte, lone surrogates as U+FFFD, never read past the
 * token), the hex and UTF-8 helpers, and the guards of the string iterator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"
#include "json/json_internal.h"

#define MAX_TOKENS 16

static char g_text[256];
static camp_json_token_t g_tokens[MAX_TOKENS];
static camp_json_doc_t g_doc;

/* Parse ["<body>"] (body is the raw text between the quotes); the string is token 1. */
static void parse_string(const char *body)
{
    int n = snprintf(g_text, sizeof g_text, "[\"%s\"]", body);
    assert_true(n > 0 && (size_t)n < sizeof g_text);
    assert_int_equal(camp_json_parse(&g_doc, g_text, (size_t)n, g_tokens, MAX_TOKENS, NULL),
                     CAMP_OK);
    assert_int_equal(camp_json_kind(&g_doc, 1), CAMP_JSON_STRING);
}

/* Overwrite the raw body of token 1 with @p body (same length): a document
 * changed after tokenizing, which the iterator must still handle safely. */
static void poke_string(const char *body)
{
    const camp_json_token_t *t = &g_tokens[1];
    size_t n = strlen(body);
    assert_int_equal((size_t)(t->end - t->start), n);
    memcpy(g_text + t->start, body, n);
}

static void test_hex_escapes_compare(void **state)
{
    const char *s;
    size_t len;
    (void)state;
    parse_string("caf\\u00E9 \\u00e9\\u00C9");
    assert_true(camp_json_string_eq(&g_doc, 1, "caf\xc3\xa9 \xc3\xa9\xc3\x89"));
    assert_false(camp_json_string_eq(&g_doc, 1, "caf\xc3\xa9 \xc3\xa9\xc3\xa9"));
    assert_false(camp_json_string_eq(&g_doc, 1, "caf\xc3\xa9 \xc3\xa9"));
    assert_int_equal(camp_json_get_string(&g_doc, 1, &s, &len), CAMP_OK);
    assert_int_equal(len, 10);
    assert_string_equal(s, "caf\xc3\xa9 \xc3\xa9\xc3\x89");
    /* decoded now: the fast path compares the bytes */
    assert_true(camp_json_string_eq(&g_doc, 1, "caf\xc3\xa9 \xc3\xa9\xc3\x89"));

    parse_string("\\uD83D\\uDE00!\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\"\\\\");
    assert_true(camp_json_string_eq(&g_doc, 1, "\xf0\x9f\x98\x80!\xf0\x9f\x98\x80/\b\f\n\r\t\"\\"));
    assert_false(camp_json_string_eq(&g_doc, 1, "\xf0\x9f\x98\x80!"));
    assert_false(camp_json_string_eq(&g_doc, 1, NULL));
}

static void test_malformed_after_parse(void **state)
{
    (void)state;
    /* a high surrogate no longer followed by a low one: U+FFFD, then the bytes */
    parse_string("\\uD83D\\uDE00");
    poke_string("\\uD83Dabcdef");
    assert_true(camp_json_string_eq(&g_doc, 1,
                                    "\xef\xbf\xbd"
                                    "abcdef"));
    poke_string("\\uD83D\\u0041");
    assert_true(camp_json_string_eq(&g_doc, 1,
                                    "\xef\xbf\xbd"
                                    "A"));
    /* a lone low surrogate: U+FFFD */
    parse_string("\\u00e9x\\u00e9");
    poke_string("\\uDE00x\\u00e9");
    assert_true(camp_json_string_eq(&g_doc, 1, "\xef\xbf\xbdx\xc3\xa9"));
    /* \u without four hex digits: the backslash is a byte */
    poke_string("\\uZZ00x\\u00g9");
    assert_true(camp_json_string_eq(&g_doc, 1, "\\uZZ00x\\u00g9"));
    poke_string("\\u00E9x\\u`0:9");
    assert_true(camp_json_string_eq(&g_doc, 1, "\xc3\xa9x\\u`0:9"));
    /* a cut \u at the end of the token is not read past the token */
    poke_string("abcdefghi\\u00");
    assert_true(camp_json_string_eq(&g_doc, 1, "abcdefghi\\u00"));
    /* an unknown escape, and a backslash as the last byte */
    parse_string("\\n\\n");
    poke_string("\\q\\n");
    assert_true(camp_json_string_eq(&g_doc, 1, "\\q\n"));
    poke_string("\\nx\\");
    assert_true(camp_json_string_eq(&g_doc, 1, "\nx\\"));
}

static void test_iterator_guards(void **state)
{
    camp_json_striter_t it;
    camp_json_doc_t bad;
    (void)state;
    parse_string("ab");
    assert_null(camp_json_tok(&g_doc, -1));
    assert_null(camp_json_tok(&g_doc, g_doc.count));
    assert_null(camp_json_tok(NULL, 0));
    assert_non_null(camp_json_tok(&g_doc, 1));
    assert_false(camp_json_striter_init(&it, &g_doc, 0)); /* the array */
    assert_false(camp_json_striter_init(&it, &g_doc, 2));
    assert_false(camp_json_string_eq(&g_doc, 0, "ab"));
    assert_true(camp_json_striter_init(&it, &g_doc, 1));
    assert_int_equal(camp_json_striter_next(&it), 'a');
    assert_int_equal(camp_json_striter_next(&it), 'b');
    assert_int_equal(camp_json_striter_next(&it), -1);
    /* tokens that do not fit the text are refused, not read */
    bad = g_doc;
    bad.text = NULL;
    assert_false(camp_json_striter_init(&it, &bad, 1));
    bad = g_doc;
    bad.tokens = NULL;
    assert_false(camp_json_striter_init(&it, &bad, 1));
    bad = g_doc;
    bad.len = (size_t)g_tokens[1].end - 1u;
    assert_false(camp_json_striter_init(&it, &bad, 1));
    g_tokens[1].start = -1;
    assert_false(camp_json_striter_init(&it, &g_doc, 1));
    g_tokens[1].start = g_tokens[1].end + 1;
    assert_false(camp_json_striter_init(&it, &g_doc, 1));
    assert_false(camp_json_string_eq(&g_doc, 1, "ab"));
}

static void test_hex_and_utf8_helpers(void **state)
{
    const char *why = NULL;
    size_t at = 99;
    unsigned char buf[4];
    (void)state;
    assert_int_equal(camp_json_hex4("09aF"), 0x09AFu);
    assert_int_equal(camp_json_hex4("FfFf"), 0xFFFFu);
    assert_int_equal(camp_json_hex4("abcd"), 0xABCDu);
    assert_int_equal(camp_json_hex4("ABCD"), 0xABCDu);
    assert_int_equal(camp_json_hex4("12G4"), UINT32_MAX);
    assert_int_equal(camp_json_hex4("12g4"), UINT32_MAX);
    assert_int_equal(camp_json_hex4("/000"), UINT32_MAX);
    assert_int_equal(camp_json_hex4(":000"), UINT32_MAX);
    assert_int_equal(camp_json_hex4("@000"), UINT32_MAX);
    assert_int_equal(camp_json_hex4("`000"), UINT32_MAX);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"A", 1, &why, &at), 1);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"\xc3\xa9", 2, &why, &at), 2);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"\xc3", 1, &why, &at), 0);
    assert_string_equal(why, "invalid UTF-8: truncated sequence");
    assert_int_equal(camp_json_utf8_encode(0x10FFFFu, buf), 4);
    assert_memory_equal(buf, "\xf4\x8f\xbf\xbf", 4);
    assert_int_equal(camp_json_utf8_encode(0x7Fu, buf), 1);
    assert_int_equal(buf[0], 0x7F);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hex_escapes_compare),
        cmocka_unit_test(test_malformed_after_parse),
        cmocka_unit_test(test_iterator_guards),
        cmocka_unit_test(test_hex_and_utf8_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
