/* Unit tests for the JSON writer: exact output, escaping, separators,
 * overflow at every buffer size, misuse. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_json.h"

/* The sample document, one writer call per step; after each step the writer's
 * len is recorded so overflow runs can check they stopped at a step boundary. */
#define MAX_STEPS 40

static size_t write_sample(camp_json_writer_t *w, size_t *bounds)
{
    size_t n = 0;
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (bounds != NULL) {                                                                      \
            bounds[n] = w->len;                                                                    \
        }                                                                                          \
        n++;                                                                                       \
    } while (0)
    STEP(camp_json_write_object_begin(w));
    STEP(camp_json_write_key(w, "name"));
    STEP(camp_json_write_cstring(w, "Spring \"promo\"\n"));
    STEP(camp_json_write_key(w, "rate"));
    STEP(camp_json_write_int(w, -42));
    STEP(camp_json_write_key(w, "ratio"));
    STEP(camp_json_write_fraction(w, 280000));
    STEP(camp_json_write_key(w, "ids"));
    STEP(camp_json_write_array_begin(w));
    STEP(camp_json_write_string(w, "a", 1));
    STEP(camp_json_write_bool(w, true));
    STEP(camp_json_write_null(w));
    STEP(camp_json_write_array_begin(w));
    STEP(camp_json_write_array_end(w));
    STEP(camp_json_write_object_begin(w));
    STEP(camp_json_write_object_end(w));
    STEP(camp_json_write_raw(w, "{\"x\":[1]}", 9));
    STEP(camp_json_write_array_end(w));
    STEP(camp_json_write_key(w, "caf\xc3\xa9"));
    STEP(camp_json_write_bool(w, false));
    STEP(camp_json_write_object_end(w));
#undef STEP
    assert_true(n <= MAX_STEPS);
    return n;
}

static const char sample[] = "{\"name\":\"Spring \\\"promo\\\"\\n\",\"rate\":-42,\"ratio\":0.28,"
                             "\"ids\":[\"a\",true,null,[],{},{\"x\":[1]}],\"caf\xc3\xa9\":false}";

static void test_sample_document(void **state)
{
    char buf[256];
    camp_json_writer_t w;
    size_t len = 0;
    (void)state;
    camp_json_writer_init(&w, buf, sizeof buf);
    write_sample(&w, NULL);
    assert_int_equal(camp_json_writer_finish(&w, &len), CAMP_OK);
    assert_int_equal(len, sizeof sample - 1);
    assert_int_equal(w.needed, sizeof sample - 1);
    assert_string_equal(buf, sample);
    /* what we write, we can read back */
    {
        camp_json_token_t toks[32];
        camp_json_doc_t doc;
        int64_t v = 0;
        uint32_t m = 0;
        const char *s = NULL;
        assert_int_equal(camp_json_parse(&doc, buf, len, toks, 32, NULL), CAMP_OK);
        assert_int_equal(camp_json_get_int(&doc, camp_json_member(&doc, 0, "rate"), -100, 0, &v),
                         CAMP_OK);
        assert_int_equal(v, -42);
        assert_int_equal(camp_json_get_fraction(&doc, camp_json_member(&doc, 0, "ratio"), &m),
                         CAMP_OK);
        assert_int_equal(m, 280000);
        assert_int_equal(camp_json_get_string(&doc, camp_json_member(&doc, 0, "name"), &s, NULL),
                         CAMP_OK);
        assert_string_equal(s, "Spring \"promo\"\n");
    }
}

/* Every capacity from 0 to the full size + 1: never a byte past cap, needed
 * exact, output a prefix ending at a call boundary, the right status. */
static void test_overflow_at_every_size(void **state)
{
    const size_t full = sizeof sample - 1;
    size_t bounds[MAX_STEPS], full_bounds[MAX_STEPS];
    size_t cap, nsteps;
    (void)state;
    {
        char big[256];
        camp_json_writer_t w;
        camp_json_writer_init(&w, big, sizeof big);
        nsteps = write_sample(&w, full_bounds);
        assert_int_equal(full_bounds[nsteps - 1], full);
    }
    for (cap = 0; cap <= full + 1; cap++) {
        char buf[256];
        camp_json_writer_t w;
        size_t len = 999, k, want = 0;
        camp_status_t st;
        memset(buf, '#', sizeof buf);
        camp_json_writer_init(&w, buf, cap);
        write_sample(&w, bounds);
        st = camp_json_writer_finish(&w, &len);
        assert_int_equal(w.needed, full);
        assert_true(len <= cap);
        assert_int_equal(len, w.len);
        assert_memory_equal(buf, sample, len);
        for (k = cap; k < sizeof buf; k++) {
            if (buf[k] != '#') {
                fail_msg("cap %u: byte %u written", (unsigned)cap, (unsigned)k);
            }
        }
        /* output = every call up to the first that did not fit, none after */
        for (k = 0; k < nsteps && full_bounds[k] <= cap; k++) {
            want = full_bounds[k];
        }
        if (len != want) {
            fail_msg("cap %u: wrote %u bytes, want %u", (unsigned)cap, (unsigned)len,
                     (unsigned)want);
        }
        if (cap < full) {
            assert_int_equal(st, CAMP_ERR_BUFFER_TOO_SMALL);
            if (len < cap) {
                assert_int_equal(buf[len], '\0');
            }
        } else {
            assert_int_equal(st, CAMP_OK);
            assert_int_equal(len, full);
            /* NUL only when there is room for it */
            assert_int_equal(buf[full], cap > full ? '\0' : '#');
        }
    }
}

static void test_sizing_without_buffer(void **state)
{
    camp_json_writer_t w;
    size_t len = 7;
    (void)state;
    camp_json_writer_init(&w, NULL, 0);
    write_sample(&w, NULL);
    assert_int_equal(camp_json_writer_finish(&w, &len), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(w.needed, sizeof sample - 1);
    assert_int_equal(len, 0);
    camp_json_writer_init(&w, NULL, 10);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_ARG);
}

static const char *write_one_string(char *buf, size_t cap, const char *s, size_t n,
                                    camp_status_t *st)
{
    camp_json_writer_t w;
    camp_json_writer_init(&w, buf, cap);
    camp_json_write_string(&w, s, n);
    *st = camp_json_writer_finish(&w, NULL);
    return buf;
}

static void test_string_escaping(void **state)
{
    char buf[128];
    camp_status_t st;
    (void)state;
    write_one_string(buf, sizeof buf, "\"\\/\b\f\n\r\t", 8, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"\\\"\\\\/\\b\\f\\n\\r\\t\"");
    write_one_string(buf, sizeof buf, "\x01\x1f\x7f", 3, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"\\u0001\\u001f\x7f\"");
    write_one_string(buf, sizeof buf, "a\0b", 3, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"a\\u0000b\"");
    write_one_string(buf, sizeof buf, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    write_one_string(buf, sizeof buf, "", 0, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"\"");
    write_one_string(buf, sizeof buf, NULL, 0, &st);
    assert_int_equal(st, CAMP_OK);
    assert_string_equal(buf, "\"\"");
    /* invalid UTF-8 is refused, never sent */
    write_one_string(buf, sizeof buf, "a\xc3", 2, &st);
    assert_int_equal(st, CAMP_ERR_ARG);
    write_one_string(buf, sizeof buf, "\xed\xa0\x80", 3, &st);
    assert_int_equal(st, CAMP_ERR_ARG);
    write_one_string(buf, sizeof buf, "\xc0\xaf", 2, &st);
    assert_int_equal(st, CAMP_ERR_ARG);
    /* an escape is never cut in half: "\n" needs 4 bytes with the quotes */
    write_one_string(buf, 3, "\n", 1, &st);
    assert_int_equal(st, CAMP_ERR_BUFFER_TOO_SMALL);
    assert_string_equal(buf, "");
}

static void test_keys_escaped(void **state)
{
    char buf[64];
    camp_json_writer_t w;
    (void)state;
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_key(&w, "a\"b");
    camp_json_write_int(&w, 1);
    camp_json_write_key(&w, "");
    camp_json_write_int(&w, 2);
    camp_json_write_object_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_OK);
    assert_string_equal(buf, "{\"a\\\"b\":1,\"\":2}");
}

/* Keys given by (pointer, length): not NUL-terminated, cut exactly at len, escaped
 * like any key (an embedded NUL byte becomes \u0000), errors like write_key. */
static void test_key_n(void **state)
{
    char buf[64];
    size_t len = 0;
    camp_json_writer_t w;
    (void)state;
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_key_n(&w, "nameXYZ", 4);
    camp_json_write_int(&w, 1);
    camp_json_write_key_n(&w, "a\0\"b", 4);
    camp_json_write_int(&w, 2);
    camp_json_write_key_n(&w, NULL, 0);
    camp_json_write_int(&w, 3);
    camp_json_write_object_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, &len), CAMP_OK);
    assert_string_equal(buf, "{\"name\":1,\"a\\u0000\\\"b\":2,\"\":3}");
    assert_int_equal(len, strlen(buf));

    /* NULL with a length: argument error; outside an object: state error */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_key_n(&w, NULL, 1);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_ARG);
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    camp_json_write_key_n(&w, "k", 1);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);

    /* too small: reports the size it needed, like write_key */
    camp_json_writer_init(&w, buf, 5);
    camp_json_write_object_begin(&w);
    camp_json_write_key_n(&w, "abcdef", 6);
    camp_json_write_int(&w, 1);
    camp_json_write_object_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(w.needed, strlen("{\"abcdef\":1}"));
}

static const char *one_int(char *buf, size_t cap, int64_t v)
{
    camp_json_writer_t w;
    camp_json_writer_init(&w, buf, cap);
    camp_json_write_int(&w, v);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_OK);
    return buf;
}

static void test_integers(void **state)
{
    char buf[32];
    (void)state;
    assert_string_equal(one_int(buf, sizeof buf, 0), "0");
    assert_string_equal(one_int(buf, sizeof buf, -1), "-1");
    assert_string_equal(one_int(buf, sizeof buf, 25), "25");
    assert_string_equal(one_int(buf, sizeof buf, INT64_MAX), "9223372036854775807");
    assert_string_equal(one_int(buf, sizeof buf, INT64_MIN), "-9223372036854775808");
    assert_string_equal(one_int(buf, sizeof buf, 9007199254740991), "9007199254740991");
}

static camp_status_t one_fraction(char *buf, size_t cap, uint32_t m)
{
    camp_json_writer_t w;
    camp_json_writer_init(&w, buf, cap);
    camp_json_write_fraction(&w, m);
    return camp_json_writer_finish(&w, NULL);
}

static void test_fractions(void **state)
{
    static const struct {
        uint32_t m;
        const char *text;
    } cases[] = {
        {0, "0"},        {1000000, "1"},   {280000, "0.28"},     {500000, "0.5"},
        {1, "0.000001"}, {10, "0.00001"},  {123456, "0.123456"}, {999999, "0.999999"},
        {100000, "0.1"}, {120000, "0.12"}, {1200, "0.0012"},
    };
    char buf[16];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(one_fraction(buf, sizeof buf, cases[i].m), CAMP_OK);
        assert_string_equal(buf, cases[i].text);
        /* it reads back to the same millionths */
        {
            camp_json_token_t tok[1];
            camp_json_doc_t doc;
            uint32_t back = 7;
            assert_int_equal(camp_json_parse(&doc, buf, strlen(buf), tok, 1, NULL), CAMP_OK);
            assert_int_equal(camp_json_get_fraction(&doc, 0, &back), CAMP_OK);
            assert_int_equal(back, cases[i].m);
        }
    }
    assert_int_equal(one_fraction(buf, sizeof buf, 1000001), CAMP_ERR_ARG);
    assert_int_equal(one_fraction(buf, sizeof buf, UINT32_MAX), CAMP_ERR_ARG);
}

static void test_misuse_is_state_error(void **state)
{
    char buf[64];
    camp_json_writer_t w;
    size_t i;
    (void)state;
    /* value in an object without a key */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_int(&w, 1);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* key in an array */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    camp_json_write_key(&w, "k");
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* key at the top level */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_key(&w, "k");
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* two keys in a row */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_key(&w, "a");
    camp_json_write_key(&w, "b");
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* closing with a key pending */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_object_begin(&w);
    camp_json_write_key(&w, "a");
    camp_json_write_object_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* wrong bracket */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    camp_json_write_object_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* unclosed */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* close with nothing open */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_end(&w);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* two top-level values */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_int(&w, 1);
    camp_json_write_int(&w, 2);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* nothing written */
    camp_json_writer_init(&w, buf, sizeof buf);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* deeper than the writer's limit */
    camp_json_writer_init(&w, buf, sizeof buf);
    for (i = 0; i <= CAMP_JSON_WRITER_MAX_DEPTH; i++) {
        camp_json_write_array_begin(&w);
    }
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* exactly at the limit is fine */
    {
        char big[2 * CAMP_JSON_WRITER_MAX_DEPTH + 1];
        camp_json_writer_init(&w, big, sizeof big);
        for (i = 0; i < CAMP_JSON_WRITER_MAX_DEPTH; i++) {
            camp_json_write_array_begin(&w);
        }
        for (i = 0; i < CAMP_JSON_WRITER_MAX_DEPTH; i++) {
            camp_json_write_array_end(&w);
        }
        assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_OK);
        assert_int_equal(strlen(big), 2 * CAMP_JSON_WRITER_MAX_DEPTH);
    }
    /* bad arguments */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_cstring(&w, NULL);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_ARG);
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_raw(&w, "", 0);
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_json_writer_finish(NULL, NULL), CAMP_ERR_ARG);
}

static void test_misuse_wins_over_overflow(void **state)
{
    char buf[4];
    camp_json_writer_t w;
    (void)state;
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    camp_json_write_cstring(&w, "does not fit");
    camp_json_write_key(&w, "k"); /* misuse after the overflow */
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
    /* and an unclosed container after an overflow is reported as such */
    camp_json_writer_init(&w, buf, sizeof buf);
    camp_json_write_array_begin(&w);
    camp_json_write_cstring(&w, "does not fit");
    assert_int_equal(camp_json_writer_finish(&w, NULL), CAMP_ERR_STATE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_document),
        cmocka_unit_test(test_overflow_at_every_size),
        cmocka_unit_test(test_sizing_without_buffer),
        cmocka_unit_test(test_string_escaping),
        cmocka_unit_test(test_keys_escaped),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_fractions),
        cmocka_unit_test(test_key_n),
        cmocka_unit_test(test_misuse_is_state_error),
        cmocka_unit_test(test_misuse_wins_over_overflow),
    };
    return cmocka_run_group_tests_name("json_write", tests, NULL, NULL);
}
