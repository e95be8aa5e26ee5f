/* Unit tests for lib/json: parse into caller tokens, navigation, typed getters
 * at their boundaries, in-place string unescaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"

#define NTOK 64

typedef struct {
    char buf[512];
    camp_json_token_t toks[NTOK];
    camp_json_doc_t doc;
    camp_diag_t diag;
} fx_t;

/* Copy @p s into the fixture and parse it. The byte after the input is not a
 * NUL, so nothing may rely on a terminator the caller did not give. */
static camp_status_t load(fx_t *f, const char *s)
{
    size_t n = strlen(s);
    assert_true(n + 1 < sizeof f->buf);
    memset(f->buf, 'X', sizeof f->buf);
    memcpy(f->buf, s, n);
    camp_diag_clear(&f->diag);
    return camp_json_parse(&f->doc, f->buf, n, f->toks, NTOK, &f->diag);
}

/* Parse a one-value document and return its root token (0). */
static int load_ok(fx_t *f, const char *s)
{
    assert_int_equal(load(f, s), CAMP_OK);
    assert_true(f->doc.count >= 1);
    return 0;
}

/* ---- parse --------------------------------------------------------------- */

static void test_parse_scalars_at_top_level(void **state)
{
    fx_t f;
    int64_t v = 0;
    bool b = false;
    const char *s;
    size_t n;
    (void)state;
    assert_int_equal(camp_json_get_int(&f.doc, load_ok(&f, "42"), 0, 100, &v), CAMP_OK);
    assert_int_equal(v, 42);
    assert_int_equal(f.doc.count, 1);
    assert_int_equal(camp_json_get_int(&f.doc, load_ok(&f, " \t-7\r\n"), -10, 0, &v), CAMP_OK);
    assert_int_equal(v, -7);
    assert_int_equal(camp_json_get_bool(&f.doc, load_ok(&f, "true"), &b), CAMP_OK);
    assert_true(b);
    assert_true(camp_json_is_null(&f.doc, load_ok(&f, " null ")));
    assert_int_equal(camp_json_get_string(&f.doc, load_ok(&f, " \"s\\n\" "), &s, &n), CAMP_OK);
    assert_int_equal(n, 2);
    assert_string_equal(s, "s\n");
}

static void test_parse_structure_and_kinds(void **state)
{
    fx_t f;
    int root;
    (void)state;
    root = load_ok(&f, "{\"a\": [1, \"x\", true, false, null, {}, []], \"b\": {\"c\": 2}}");
    assert_int_equal(camp_json_kind(&f.doc, root), CAMP_JSON_OBJECT);
    assert_int_equal(camp_json_size(&f.doc, root), 2);
    {
        int a = camp_json_member(&f.doc, root, "a");
        int it = camp_json_first(&f.doc, a);
        static const camp_json_kind_t want[7] = {
            CAMP_JSON_NUMBER, CAMP_JSON_STRING, CAMP_JSON_TRUE, CAMP_JSON_FALSE,
            CAMP_JSON_NULL,   CAMP_JSON_OBJECT, CAMP_JSON_ARRAY};
        int i;
        assert_int_equal(camp_json_kind(&f.doc, a), CAMP_JSON_ARRAY);
        assert_int_equal(camp_json_size(&f.doc, a), 7);
        for (i = 0; i < 7; i++) {
            assert_int_equal(camp_json_kind(&f.doc, it), want[i]);
            it = camp_json_next(&f.doc, it);
        }
        /* after the last item of "a" comes the key "b" */
        assert_true(camp_json_string_eq(&f.doc, it, "b"));
        assert_int_equal(camp_json_first(&f.doc, it - 1), -1); /* empty [] */
        assert_int_equal(camp_json_size(&f.doc, it - 1), 0);
    }
    assert_int_equal(camp_json_next(&f.doc, root), f.doc.count);
    assert_int_equal(camp_json_kind(&f.doc, -1), CAMP_JSON_INVALID);
    assert_int_equal(camp_json_kind(&f.doc, f.doc.count), CAMP_JSON_INVALID);
    assert_int_equal(camp_json_next(&f.doc, f.doc.count), -1);
    assert_int_equal(camp_json_size(&f.doc, 1), 0); /* a key */
}

static void test_parse_too_few_tokens_reports_needed(void **state)
{
    static const char doc[] = "{\"a\": [1, 2, {\"b\": null}], \"c\": \"d\"}";
    char buf[sizeof doc];
    camp_json_token_t toks[12];
    camp_json_doc_t d;
    camp_diag_t diag;
    size_t cap;
    int needed = camp_json_tokens_needed(doc, sizeof doc - 1);
    (void)state;
    assert_int_equal(needed, 10); /* obj, a, arr, 1, 2, obj, b, null, c, d */
    for (cap = 0; cap < (size_t)needed; cap++) {
        memcpy(buf, doc, sizeof doc);
        camp_diag_clear(&diag);
        assert_int_equal(camp_json_parse(&d, buf, sizeof doc - 1, toks, cap, &diag),
                         CAMP_ERR_JSON_TOKENS);
        assert_int_equal(diag.status, CAMP_ERR_JSON_TOKENS);
        assert_int_equal(diag.needed, needed);
    }
    memcpy(buf, doc, sizeof doc);
    assert_int_equal(camp_json_parse(&d, buf, sizeof doc - 1, toks, (size_t)needed, &diag),
                     CAMP_OK);
    assert_int_equal(d.count, needed);

    /* a scalar document needs one token */
    assert_int_equal(camp_json_tokens_needed("7", 1), 1);
    memcpy(buf, "7", 2);
    assert_int_equal(camp_json_parse(&d, buf, 1, NULL, 0, &diag), CAMP_ERR_JSON_TOKENS);
    assert_int_equal(diag.needed, 1);
    assert_int_equal(camp_json_tokens_needed("[1,", 3), -1);

    /* no array at all (NULL, 0) asks for the size: never a document without tokens */
    memcpy(buf, "[1, 2]", 7);
    assert_int_equal(camp_json_parse(&d, buf, 6, NULL, 0, &diag), CAMP_ERR_JSON_TOKENS);
    assert_int_equal(diag.needed, 3);
    assert_int_equal(d.count, 0);
    memcpy(buf, " \"x\"", 5);
    assert_int_equal(camp_json_parse(&d, buf, 4, NULL, 0, &diag), CAMP_ERR_JSON_TOKENS);
    assert_int_equal(diag.needed, 1);
    assert_int_equal(diag.offset, 1); /* where the first token that did not fit starts */
}

static void test_parse_rejects_ill_formed_input(void **state)
{
    fx_t f;
    (void)state;
    assert_int_equal(load(&f, "{\"a\": 01}"), CAMP_ERR_JSON_SYNTAX);
    assert_int_equal(f.diag.offset, 7);
    assert_string_equal(f.diag.path, "$");
    assert_int_equal(load(&f, "[\"\xc0\xaf\"]"), CAMP_ERR_JSON_UTF8);
    assert_int_equal(camp_json_parse(NULL, f.buf, 1, f.toks, NTOK, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_json_parse(&f.doc, NULL, 1, f.toks, NTOK, NULL), CAMP_ERR_ARG);
}

/* ---- integers ------------------------------------------------------------- */

static camp_status_t int_of(const char *text, int64_t min, int64_t max, int64_t *out)
{
    fx_t f;
    assert_int_equal(load(&f, text), CAMP_OK);
    return camp_json_get_int(&f.doc, 0, min, max, out);
}

static void test_int_int64_edges(void **state)
{
    int64_t v = 0;
    (void)state;
    assert_int_equal(int_of("9223372036854775807", INT64_MIN, INT64_MAX, &v), CAMP_OK);
    assert_true(v == INT64_MAX);
    assert_int_equal(int_of("9223372036854775808", INT64_MIN, INT64_MAX, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("-9223372036854775808", INT64_MIN, INT64_MAX, &v), CAMP_OK);
    assert_true(v == INT64_MIN);
    assert_int_equal(int_of("-9223372036854775809", INT64_MIN, INT64_MAX, &v), CAMP_ERR_JSON_RANGE);
    /* 2^64 and 2^64-1 must not wrap around */
    assert_int_equal(int_of("18446744073709551615", INT64_MIN, INT64_MAX, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("18446744073709551616", INT64_MIN, INT64_MAX, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("-18446744073709551616", INT64_MIN, INT64_MAX, &v),
                     CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("123456789012345678901234567890", INT64_MIN, INT64_MAX, &v),
                     CAMP_ERR_JSON_RANGE);
}

static void test_int_js_safe_integer(void **state)
{
    const int64_t max53 = ((int64_t)1 << 53) - 1;
    int64_t v = 0;
    (void)state;
    assert_int_equal(int_of("9007199254740991", 0, max53, &v), CAMP_OK);
    assert_true(v == max53);
    assert_int_equal(int_of("9007199254740992", 0, max53, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("-9007199254740991", -max53, max53, &v), CAMP_OK);
    assert_true(v == -max53);
    assert_int_equal(int_of("-9007199254740992", -max53, max53, &v), CAMP_ERR_JSON_RANGE);
}

static void test_int_only_integer_literals(void **state)
{
    int64_t v = 77;
    (void)state;
    assert_int_equal(int_of("1e3", 0, 10000, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("5.0", 0, 10, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("1E0", 0, 10, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("-0.0", -1, 1, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(v, 77); /* untouched on failure */
    assert_int_equal(int_of("-0", -1, 1, &v), CAMP_OK);
    assert_int_equal(v, 0);
    assert_int_equal(int_of("0", 0, 0, &v), CAMP_OK);
    assert_int_equal(v, 0);
}

static void test_int_range_and_type(void **state)
{
    fx_t f;
    int64_t v = 0;
    (void)state;
    assert_int_equal(int_of("1", 1, 25, &v), CAMP_OK);
    assert_int_equal(int_of("25", 1, 25, &v), CAMP_OK);
    assert_int_equal(int_of("0", 1, 25, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("26", 1, 25, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("-1", 0, 25, &v), CAMP_ERR_JSON_RANGE);
    assert_int_equal(int_of("5", 6, 5, &v), CAMP_ERR_ARG);
    load_ok(&f, "[\"5\", true, null, {}, []]");
    assert_int_equal(camp_json_get_int(&f.doc, 1, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 2, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 3, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 4, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 0, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 99, 0, 9, &v), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_int(&f.doc, 1, 0, 9, NULL), CAMP_ERR_ARG);
}

/* ---- fractions ------------------------------------------------------------- */

static camp_status_t frac_of(const char *text, uint32_t *out)
{
    fx_t f;
    assert_int_equal(load(&f, text), CAMP_OK);
    return camp_json_get_fraction(&f.doc, 0, out);
}

static void expect_frac(const char *text, uint32_t want)
{
    uint32_t m = 4242;
    if (frac_of(text, &m) != CAMP_OK || m != want) {
        fail_msg("%s: got status %d value %u, want %u", text, (int)frac_of(text, &m), (unsigned)m,
                 (unsigned)want);
    }
}

static void expect_frac_range(const char *text)
{
    uint32_t m = 4242;
    if (frac_of(text, &m) != CAMP_ERR_JSON_RANGE || m != 4242) {
        fail_msg("%s: accepted as %u, want CAMP_ERR_JSON_RANGE", text, (unsigned)m);
    }
}

static void test_fraction_plain(void **state)
{
    (void)state;
    expect_frac("0", 0);
    expect_frac("1", 1000000);
    expect_frac("1.0", 1000000);
    expect_frac("1.000000000", 1000000);
    expect_frac("0.28", 280000);
    expect_frac("0.5", 500000);
    expect_frac("0.000001", 1);
    expect_frac("0.999999", 999999);
    expect_frac("-0", 0);
    expect_frac("-0.000", 0);
    expect_frac_range("1.0000001"); /* exact test: not "rounds to 1" */
    expect_frac_range("1.5");
    expect_frac_range("2");
    expect_frac_range("10");
    expect_frac_range("-0.5");
    expect_frac_range("-0.0000001");
}

static void test_fraction_rounding_half_up(void **state)
{
    (void)state;
    expect_frac("0.1234567", 123457);
    expect_frac("0.1234565", 123457);
    expect_frac("0.12345649999999", 123456);
    expect_frac("0.1234564", 123456);
    expect_frac("0.0000005", 1);
    expect_frac("0.00000049999", 0);
    expect_frac("0.0000004", 0);
    expect_frac("0.9999994", 999999);
    expect_frac("0.9999995", 1000000);
    expect_frac("0.99999999999999999999999", 1000000);
}

static void test_fraction_exponents(void **state)
{
    (void)state;
    expect_frac("5e-1", 500000);
    expect_frac("0.28E0", 280000);
    expect_frac("1e0", 1000000);
    expect_frac("1E+0", 1000000);
    expect_frac("10e-1", 1000000);
    expect_frac("100E-2", 1000000);
    expect_frac("28e-2", 280000);
    expect_frac("0.0028e2", 280000);
    expect_frac("5e-7", 1);
    expect_frac("4e-7", 0);
    expect_frac("1e-6", 1);
    expect_frac("0e999999999999999999999", 0);
    expect_frac("1e-999999999999999999999999999", 0);
    expect_frac("123456789e-9", 123457);
    expect_frac_range("0.5e1");
    expect_frac_range("1e1");
    expect_frac_range("1e999999999999999999999999999");
    expect_frac_range("1.1e0");
}

static void test_fraction_type(void **state)
{
    fx_t f;
    uint32_t m = 0;
    (void)state;
    load_ok(&f, "[\"0.5\", true, null]");
    assert_int_equal(camp_json_get_fraction(&f.doc, 1, &m), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_fraction(&f.doc, 2, &m), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_fraction(&f.doc, 3, &m), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_fraction(&f.doc, 0, &m), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_fraction(&f.doc, 1, NULL), CAMP_ERR_ARG);
}

/* ---- bool / null ------------------------------------------------------------- */

static void test_bool_and_null(void **state)
{
    fx_t f;
    bool b = true;
    (void)state;
    load_ok(&f, "[true, false, null, 0, \"true\"]");
    assert_int_equal(camp_json_get_bool(&f.doc, 1, &b), CAMP_OK);
    assert_true(b);
    assert_int_equal(camp_json_get_bool(&f.doc, 2, &b), CAMP_OK);
    assert_false(b);
    assert_int_equal(camp_json_get_bool(&f.doc, 3, &b), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_bool(&f.doc, 4, &b), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_bool(&f.doc, 5, &b), CAMP_ERR_JSON_TYPE);
    assert_true(camp_json_is_null(&f.doc, 3));
    assert_false(camp_json_is_null(&f.doc, 1));
    assert_false(camp_json_is_null(&f.doc, 4));
    assert_false(camp_json_is_null(&f.doc, 5));
    assert_false(camp_json_is_null(&f.doc, 6));
}

/* ---- strings ----------------------------------------------------------------- */

static void test_string_every_escape_in_place(void **state)
{
    fx_t f;
    const char *s = NULL;
    size_t n = 0;
    static const char want[] = "q\"b\\s/b\bf\fn\nr\rt\tend";
    (void)state;
    load_ok(&f, "[\"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\tend\", 1]");
    assert_int_equal(camp_json_get_string(&f.doc, 1, &s, &n), CAMP_OK);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(s, want, sizeof want);           /* NUL-terminated */
    assert_true(s >= f.buf && s < f.buf + sizeof f.buf); /* in place */
    /* idempotent: a second call gives the same, and equality still works */
    assert_int_equal(camp_json_get_string(&f.doc, 1, &s, &n), CAMP_OK);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(s, want, sizeof want);
    assert_true(camp_json_string_eq(&f.doc, 1, want));
    assert_false(camp_json_string_eq(&f.doc, 1, "q\"b"));
    /* the rest of the document is untouched */
    {
        int64_t v = 0;
        assert_int_equal(camp_json_get_int(&f.doc, 2, 0, 9, &v), CAMP_OK);
        assert_int_equal(v, 1);
    }
}

/* Without a backslash in the document its strings are read as they are; the root
 * keeps its kind. One escape anywhere turns unescaping back on for every string. */
static void test_string_plain_document(void **state)
{
    fx_t f;
    const char *s = NULL;
    size_t n = 0;
    (void)state;
    load_ok(&f, "{\"a\":\"xy\",\"b\":[\"z\"]}");
    assert_int_equal(camp_json_kind(&f.doc, 0), CAMP_JSON_OBJECT);
    assert_int_equal(camp_json_size(&f.doc, 0), 2);
    assert_int_equal(camp_json_get_string(&f.doc, 2, &s, &n), CAMP_OK);
    assert_int_equal(n, 2);
    assert_memory_equal(s, "xy", 3); /* NUL-terminated in place */
    assert_true(camp_json_string_eq(&f.doc, 1, "a"));
    assert_int_equal(camp_json_get_string(&f.doc, 5, &s, &n), CAMP_OK);
    assert_memory_equal(s, "z", 2);

    load_ok(&f, "\"root\"");
    assert_int_equal(camp_json_kind(&f.doc, 0), CAMP_JSON_STRING);
    assert_int_equal(camp_json_get_string(&f.doc, 0, &s, &n), CAMP_OK);
    assert_int_equal(n, 4);
    assert_memory_equal(s, "root", 5);

    load_ok(&f, "[\"a\\\\b\", \"c\\nd\"]");
    assert_int_equal(camp_json_get_string(&f.doc, 1, &s, &n), CAMP_OK);
    assert_int_equal(n, 3);
    assert_memory_equal(s, "a\\b", 4);
    assert_int_equal(camp_json_get_string(&f.doc, 2, &s, &n), CAMP_OK);
    assert_int_equal(n, 3);
    assert_memory_equal(s, "c\nd", 4);
}

static void test_string_unicode_escapes(void **state)
{
    fx_t f;
    const char *s = NULL;
    size_t n = 0;
    /* U+0041, U+00E9, U+20AC, U+1F600 (surrogate pair), U+FFFF, U+10FFFF */
    static const char want[] = "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbf\xf4\x8f\xbf\xbf";
    (void)state;
    load_ok(&f, "\"\\u0041\\u00e9\\u20AC\\ud83d\\uDE00\\uffff\\uDBFF\\uDFFF\"");
    assert_true(camp_json_string_eq(&f.doc, 0, want)); /* before decoding */
    assert_int_equal(camp_json_get_string(&f.doc, 0, &s, &n), CAMP_OK);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(s, want, sizeof want);
    assert_true(camp_json_string_eq(&f.doc, 0, want)); /* after decoding */
    /* raw UTF-8 passes through unchanged */
    load_ok(&f, "\"\xc3\xa9\xf0\x9f\x98\x80\"");
    assert_int_equal(camp_json_get_string(&f.doc, 0, &s, &n), CAMP_OK);
    assert_string_equal(s, "\xc3\xa9\xf0\x9f\x98\x80");
}

static void test_string_nul_escape_refused(void **state)
{
    fx_t f;
    const char *s = NULL;
    size_t n = 99;
    static const char text[] = "[\"ab\\u0000cd\\n\"]";
    (void)state;
    load_ok(&f, text);
    assert_int_equal(camp_json_get_string(&f.doc, 1, &s, &n), CAMP_ERR_JSON_NUL);
    assert_null(s);
    assert_int_equal(n, 99);
    assert_memory_equal(f.buf, text, sizeof text - 1); /* nothing was modified */
    assert_false(camp_json_string_eq(&f.doc, 1, "ab"));
    /* an escaped backslash before "u0000" is not a \u0000 escape */
    load_ok(&f, "\"a\\\\u0000\"");
    assert_int_equal(camp_json_get_string(&f.doc, 0, &s, &n), CAMP_OK);
    assert_string_equal(s, "a\\u0000");
}

static void test_string_type_and_empty(void **state)
{
    fx_t f;
    const char *s = NULL;
    size_t n = 5;
    (void)state;
    load_ok(&f, "[\"\", 3]");
    assert_int_equal(camp_json_get_string(&f.doc, 1, &s, &n), CAMP_OK);
    assert_int_equal(n, 0);
    assert_string_equal(s, "");
    assert_true(camp_json_string_eq(&f.doc, 1, ""));
    assert_int_equal(camp_json_get_string(&f.doc, 2, &s, NULL), CAMP_ERR_JSON_TYPE);
    assert_int_equal(camp_json_get_string(&f.doc, 0, &s, NULL), CAMP_ERR_JSON_TYPE);
    assert_false(camp_json_string_eq(&f.doc, 2, "3"));
    assert_false(camp_json_string_eq(&f.doc, 1, NULL));
}

/* ---- members ---------------------------------------------------------------- */

static void test_member_lookup(void **state)
{
    fx_t f;
    int root, v;
    int64_t x = 0;
    (void)state;
    root = load_ok(&f, "{\"x\": {\"a\": 1}, \"a\": [1, 2, {\"a\": 3}], \"dup\": 1, "
                       "\"first\\u002dname\": 5, \"dup\": 2, \"b\": true}");
    v = camp_json_member(&f.doc, root, "a");
    assert_int_equal(camp_json_kind(&f.doc, v), CAMP_JSON_ARRAY);
    assert_int_equal(camp_json_kind(&f.doc, camp_json_member(&f.doc, root, "b")), CAMP_JSON_TRUE);
    /* last duplicate wins */
    assert_int_equal(camp_json_get_int(&f.doc, camp_json_member(&f.doc, root, "dup"), 0, 9, &x),
                     CAMP_OK);
    assert_int_equal(x, 2);
    /* keys compared after unescaping */
    assert_int_equal(
        camp_json_get_int(&f.doc, camp_json_member(&f.doc, root, "first-name"), 0, 9, &x), CAMP_OK);
    assert_int_equal(x, 5);
    assert_int_equal(camp_json_member(&f.doc, root, "first\\u002dname"), -1);
    assert_int_equal(camp_json_member(&f.doc, root, "missing"), -1);
    assert_int_equal(camp_json_member(&f.doc, root, ""), -1);
    assert_int_equal(camp_json_member(&f.doc, v, "a"), -1); /* not an object */
    assert_int_equal(camp_json_member(&f.doc, root, NULL), -1);
    /* nested lookup */
    v = camp_json_member(&f.doc, camp_json_member(&f.doc, root, "x"), "a");
    assert_int_equal(camp_json_get_int(&f.doc, v, 0, 9, &x), CAMP_OK);
    assert_int_equal(x, 1);
    /* a decoded key still matches */
    {
        const char *s;
        assert_int_equal(camp_json_get_string(&f.doc, 1, &s, NULL), CAMP_OK);
        assert_string_equal(s, "x");
        assert_int_equal(camp_json_member(&f.doc, root, "x"), 2);
    }
}

static void test_member_empty_key_and_object(void **state)
{
    fx_t f;
    (void)state;
    load_ok(&f, "{\"\": 1, \"e\": {}}");
    assert_int_equal(camp_json_member(&f.doc, 0, ""), 2);
    assert_int_equal(camp_json_member(&f.doc, camp_json_member(&f.doc, 0, "e"), "x"), -1);
    assert_int_equal(camp_json_first(&f.doc, camp_json_member(&f.doc, 0, "e")), -1);
}

/* ---- raw ------------------------------------------------------------------------ */

static void test_raw(void **state)
{
    fx_t f;
    const char *r = NULL;
    size_t n = 0;
    (void)state;
    load_ok(&f, "{\"k\": [1, \"a\\n\"], \"n\": -1.5e3}");
    camp_json_raw(&f.doc, 2, &r, &n);
    assert_int_equal(n, 10);
    assert_memory_equal(r, "[1, \"a\\n\"]", 10);
    camp_json_raw(&f.doc, 4, &r, &n);
    assert_int_equal(n, 5);
    assert_memory_equal(r, "\"a\\n\"", 5);
    camp_json_raw(&f.doc, camp_json_member(&f.doc, 0, "n"), &r, &n);
    assert_int_equal(n, 6);
    assert_memory_equal(r, "-1.5e3", 6);
    camp_json_raw(&f.doc, 99, &r, &n);
    assert_int_equal(n, 0);
    assert_non_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_scalars_at_top_level),
        cmocka_unit_test(test_parse_structure_and_kinds),
        cmocka_unit_test(test_parse_too_few_tokens_reports_needed),
        cmocka_unit_test(test_parse_rejects_ill_formed_input),
        cmocka_unit_test(test_int_int64_edges),
        cmocka_unit_test(test_int_js_safe_integer),
        cmocka_unit_test(test_int_only_integer_literals),
        cmocka_unit_test(test_int_range_and_type),
        cmocka_unit_test(test_fraction_plain),
        cmocka_unit_test(test_fraction_rounding_half_up),
        cmocka_unit_test(test_fraction_exponents),
        cmocka_unit_test(test_fraction_type),
        cmocka_unit_test(test_bool_and_null),
        cmocka_unit_test(test_string_every_escape_in_place),
        cmocka_unit_test(test_string_plain_document),
        cmocka_unit_test(test_string_unicode_escapes),
        cmocka_unit_test(test_string_nul_escape_refused),
        cmocka_unit_test(test_string_type_and_empty),
        cmocka_unit_test(test_member_lookup),
        cmocka_unit_test(test_member_empty_key_and_object),
        cmocka_unit_test(test_raw),
    };
    return cmocka_run_group_tests_name("json_get", tests, NULL, NULL);
}
