/* Every fixture JSON of $SHARED/fixtures (and fixtures/invalid: HTTP does not
 * care whether the JSON is valid) served as a response body through the fake
 * transport: split at every byte position, delivered one byte at a time with
 * "nothing yet" between bytes, chunked at every chunk size from 1 up to the
 * body length, and close-delimited. Every way must decode to the same bytes. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_http.h"
#include "fake_transport.h"
#include "fixture.h"

#define MAX_BODY 65536
#define MAX_FILES 128

static char g_names[MAX_FILES][600];
static size_t g_count;
static uint8_t g_body[MAX_BODY];
static size_t g_body_len;
static uint8_t g_stream[MAX_BODY * 8];
static uint8_t g_buf[MAX_BODY + 8192];
static fake_transport_t g_fake;

/* Why collecting the fixtures failed ("" when it did not); test_fixtures_found
 * reports it: collect() runs before the tests, where a test cannot fail yet. */
static char g_collect_error[600];

/* Adds the .json files of fixtures/@p sub ("" or "invalid/") by name relative to
 * fixtures/, so fixture_load() reads them. */
static void collect(const char *sub)
{
    char dir[512];
    DIR *d;
    struct dirent *e;
    d = opendir(fixture_path(sub[0] != '\0' ? sub : ".", dir, sizeof dir));
    if (d == NULL) {
        if (g_collect_error[0] == '\0') { /* the first failure says the most */
            snprintf(g_collect_error, sizeof g_collect_error, "cannot list %s", dir);
        }
        return;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0) {
            if (g_count == MAX_FILES) {
                snprintf(g_collect_error, sizeof g_collect_error,
                         "more than %d fixture files: raise MAX_FILES", MAX_FILES);
                break;
            }
            snprintf(g_names[g_count++], sizeof g_names[0], "%s%s", sub, e->d_name);
        }
    }
    closedir(d);
}

static void load(const char *name)
{
    g_body_len = fixture_load(name, (char *)g_body, sizeof g_body);
}

static size_t put(size_t at, const void *src, size_t n)
{
    assert_true(at + n <= sizeof g_stream);
    memcpy(g_stream + at, src, n);
    return at + n;
}

static size_t build_length_response(void)
{
    char head[160];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "X-RateLimit-Remaining: 299\r\nContent-Length: %lu\r\n\r\n",
                     (unsigned long)g_body_len);
    size_t at = put(0, head, (size_t)n);
    return put(at, g_body, g_body_len);
}

/* Chunks of @p size bytes; every third stream carries an extension and a trailer. */
static size_t build_chunked_response(size_t size, bool decorate)
{
    static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n";
    size_t at = put(0, head, sizeof head - 1);
    size_t off = 0;
    while (off < g_body_len) {
        char line[40];
        size_t n = g_body_len - off < size ? g_body_len - off : size;
        int k = snprintf(line, sizeof line, decorate ? "%lx;ext=\"v\"\r\n" : "%lX\r\n",
                         (unsigned long)n);
        at = put(at, line, (size_t)k);
        at = put(at, g_body + off, n);
        at = put(at, "\r\n", 2);
        off += n;
    }
    if (decorate) {
        static const char tail[] = "0;end\r\nX-Checksum: none\r\n\r\n";
        return put(at, tail, sizeof tail - 1);
    }
    return put(at, "0\r\n\r\n", 5);
}

static void check_exchange(size_t stream_len, size_t chunk, unsigned zeros, size_t split,
                           const char *name, const char *how, size_t param)
{
    camp_http_response_t rs;
    camp_diag_t diag;
    camp_transport_t t;
    camp_status_t st;
    fake_stream_t *s;
    fake_init(&g_fake);
    s = fake_add(&g_fake, g_stream, stream_len);
    s->split_at = split;
    g_fake.chunk = chunk;
    g_fake.zeros = zeros;
    t = fake_transport(&g_fake);
    st = camp_http_exchange(&t, (const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18, NULL, 0, false,
                            g_buf, sizeof g_buf, 0xFFFFFFFFu, &rs, &diag);
    if (st != CAMP_OK || rs.status != 200 || rs.body_len != g_body_len ||
        memcmp(rs.body, g_body, g_body_len) != 0 || rs.body[rs.body_len] != '\0') {
        fail_msg("%s: %s %lu: status %d (%s: %s), body %lu of %lu bytes", name, how,
                 (unsigned long)param, (int)st, diag.path, diag.rule, (unsigned long)rs.body_len,
                 (unsigned long)g_body_len);
    }
}

static void test_fixtures_found(void **state)
{
    (void)state;
    /* the corpus must be there, whole: an empty loop would prove nothing */
    if (g_collect_error[0] != '\0') {
        fail_msg("%s (set SHARED to the spec folder)", g_collect_error);
    }
    if (g_count < 30) {
        fail_msg("only %lu fixture files found (set SHARED to the spec folder)",
                 (unsigned long)g_count);
    }
}

static void test_split_at_every_byte(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < g_count; i++) {
        size_t len;
        size_t p;
        load(g_names[i]);
        len = build_length_response();
        for (p = 1; p < len; p++) {
            check_exchange(len, 0, 0, p, g_names[i], "split at", p);
        }
    }
}

static void test_one_byte_at_a_time(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < g_count; i++) {
        size_t len;
        load(g_names[i]);
        len = build_length_response();
        check_exchange(len, 1, 1, 0, g_names[i], "one byte at a time, zeros", 1);
        len = build_chunked_response(7, true);
        check_exchange(len, 1, 0, 0, g_names[i], "chunked 7, one byte at a time", 7);
    }
}

static void test_chunked_every_size(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < g_count; i++) {
        size_t size;
        load(g_names[i]);
        for (size = 1; size <= g_body_len; size++) {
            size_t len = build_chunked_response(size, size % 3 == 0);
            check_exchange(len, 0, 0, 0, g_names[i], "chunk size", size);
        }
    }
}

static void test_chunked_split_every_byte_small(void **state)
{
    size_t i;
    (void)state;
    /* chunk framing split at every byte too, on the smaller fixtures */
    for (i = 0; i < g_count; i++) {
        size_t len;
        size_t p;
        load(g_names[i]);
        if (g_body_len > 4096) {
            continue;
        }
        len = build_chunked_response(16, true);
        for (p = 1; p < len; p++) {
            check_exchange(len, 0, 0, p, g_names[i], "chunked 16 split at", p);
        }
    }
}

static void test_close_delimited(void **state)
{
    static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n";
    size_t i;
    (void)state;
    for (i = 0; i < g_count; i++) {
        size_t len;
        load(g_names[i]);
        len = put(put(0, head, sizeof head - 1), g_body, g_body_len);
        check_exchange(len, 0, 0, 0, g_names[i], "close-delimited", 0);
        check_exchange(len, 3, 0, 0, g_names[i], "close-delimited, 3 bytes a time", 3);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures_found),
        cmocka_unit_test(test_split_at_every_byte),
        cmocka_unit_test(test_one_byte_at_a_time),
        cmocka_unit_test(test_chunked_every_size),
        cmocka_unit_test(test_chunked_split_every_byte_small),
        cmocka_unit_test(test_close_delimited),
    };
    collect("");
    collect("invalid/");
    return cmocka_run_group_tests_name("http_fixtures", tests, NULL, NULL);
}
