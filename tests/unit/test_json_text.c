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

/* camp_json_escape() on @p esc (a C string): the bytes it takes, and @p want
 * (nwant bytes) as the UTF-8 it gives, read the way its callers read it. */
static void unescape_is(const char *esc, unsigned taken, const char *want, unsigned nwant)
{
    unsigned char buf[8];
    unsigned n = 0;
    uint64_t r = camp_json_escape(esc, esc + strlen(esc));
    uint32_t w = CAMP_JSON_ESC_UTF8(r);
    assert_int_equal(CAMP_JSON_ESC_USED(r), taken);
    do {
        buf[n++] = (unsigned char)(w & 0xFFu);
        w >>= 8;
    } while (w != 0u && n < sizeof buf);
    assert_int_equal(n, nwant);
    assert_memory_equal(buf, want, nwant);
}

static void test_hex_and_utf8_helpers(void **state)
{
    unsigned why = 0;
    size_t at = 99;
    (void)state;
    /* hex digits of \u escapes: either case; anything else is no \u escape */
    unescape_is("\\u09aF", 6, "\xe0\xa6\xaf", 3);
    unescape_is("\\uFfFf", 6, "\xef\xbf\xbf", 3);
    unescape_is("\\uabcd", 6, "\xea\xaf\x8d", 3);
    unescape_is("\\uABCD", 6, "\xea\xaf\x8d", 3);
    unescape_is("\\u12G4", 1, "\\", 1);
    unescape_is("\\u12g4", 1, "\\", 1);
    unescape_is("\\u/000", 1, "\\", 1);
    unescape_is("\\u:000", 1, "\\", 1);
    unescape_is("\\u@000", 1, "\\", 1);
    unescape_is("\\u`000", 1, "\\", 1);
    unescape_is("\\u123", 1, "\\", 1);
    unescape_is("\\", 1, "\\", 1);
    /* UTF-8 of every length, the ends of the ranges */
    unescape_is("\\u007F", 6, "\x7f", 1);
    unescape_is("\\u0080", 6, "\xc2\x80", 2);
    unescape_is("\\u07FF", 6, "\xdf\xbf", 2);
    unescape_is("\\u0800", 6, "\xe0\xa0\x80", 3);
    unescape_is("\\uDBFF\\uDFFF", 12, "\xf4\x8f\xbf\xbf", 4);
    unescape_is("\\uD800\\uDC00", 12, "\xf0\x90\x80\x80", 4);
    unescape_is("\\u0000", 6, "\0", 1);
    /* surrogates without their pair: U+FFFD, the first escape only */
    unescape_is("\\uD800\\uD800", 6, "\xef\xbf\xbd", 3);
    unescape_is("\\uDC00\\uDC00", 6, "\xef\xbf\xbd", 3);
    unescape_is("\\uD800\\n", 6, "\xef\xbf\xbd", 3);
    unescape_is("\\uD800\\uDC0", 6, "\xef\xbf\xbd", 3);
    /* one-letter escapes; another letter is the backslash alone */
    unescape_is("\\b", 2, "\b", 1);
    unescape_is("\\f", 2, "\f", 1);
    unescape_is("\\n", 2, "\n", 1);
    unescape_is("\\r", 2, "\r", 1);
    unescape_is("\\t", 2, "\t", 1);
    unescape_is("\\/", 2, "/", 1);
    unescape_is("\\\"", 2, "\"", 1);
    unescape_is("\\\\", 2, "\\", 1);
    unescape_is("\\q", 1, "\\", 1);
    unescape_is("\\\xc3\xa9", 1, "\\", 1);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"A", 1, &why, &at), 1);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"\xc3\xa9", 2, &why, &at), 2);
    assert_int_equal(camp_json_utf8_seq((const unsigned char *)"\xc3", 1, &why, &at), 0);
    assert_string_equal(camp_json_utf8_rule(why), "invalid UTF-8: truncated sequence");
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
