/* Status texts and diagnostics: what a device logs when a call fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_status.h"
#include "status/status_internal.h"

/* Every status libcamp defines: each must have its own text. */
static const camp_status_t all_statuses[] = {CAMP_OK,
                                             CAMP_ERR_ARG,
                                             CAMP_ERR_BUFFER_TOO_SMALL,
                                             CAMP_ERR_CAPACITY,
                                             CAMP_ERR_INTERNAL,
                                             CAMP_ERR_UNSUPPORTED,
                                             CAMP_ERR_STATE,
                                             CAMP_ERR_JSON_SYNTAX,
                                             CAMP_ERR_JSON_DEPTH,
                                             CAMP_ERR_JSON_UTF8,
                                             CAMP_ERR_JSON_TOKENS,
                                             CAMP_ERR_JSON_TYPE,
                                             CAMP_ERR_JSON_RANGE,
                                             CAMP_ERR_JSON_NOT_FOUND,
                                             CAMP_ERR_JSON_NUL,
                                             CAMP_ERR_JSON_TOO_LARGE,
                                             CAMP_ERR_REQUIRED,
                                             CAMP_ERR_TYPE,
                                             CAMP_ERR_RANGE,
                                             CAMP_ERR_PATTERN,
                                             CAMP_ERR_LENGTH,
                                             CAMP_ERR_ENUM,
                                             CAMP_ERR_DATE,
                                             CAMP_ERR_TIMEZONE,
                                             CAMP_ERR_REFERENCE,
                                             CAMP_ERR_SCHEDULE,
                                             CAMP_ERR_INVALID,
                                             CAMP_ERR_TZ_UNKNOWN,
                                             CAMP_ERR_TZ_RULE,
                                             CAMP_ERR_TIME_RANGE,
                                             CAMP_ERR_SIG_MISSING,
                                             CAMP_ERR_SIG_TIMESTAMP,
                                             CAMP_ERR_SIG_FORMAT,
                                             CAMP_ERR_SIG_STALE,
                                             CAMP_ERR_SIG_MISMATCH,
                                             CAMP_ERR_CRYPTO,
                                             CAMP_ERR_NET,
                                             CAMP_ERR_NET_CLOSED,
                                             CAMP_ERR_TIMEOUT,
                                             CAMP_ERR_TLS,
                                             CAMP_ERR_TLS_VERIFY,
                                             CAMP_ERR_DNS,
                                             CAMP_ERR_NET_TRUNCATED,
                                             CAMP_ERR_PROXY,
                                             CAMP_ERR_HTTP_PROTOCOL,
                                             CAMP_ERR_HTTP_TOO_LARGE,
                                             CAMP_ERR_HTTP_HEADER,
                                             CAMP_ERR_HTTP_ENCODING,
                                             CAMP_ERR_HTTP_REDIRECT,
                                             CAMP_ERR_API_BAD_REQUEST,
                                             CAMP_ERR_API_UNAUTHORIZED,
                                             CAMP_ERR_API_FORBIDDEN,
                                             CAMP_ERR_API_NOT_FOUND,
                                             CAMP_ERR_API_CONFLICT,
                                             CAMP_ERR_API_UNPROCESSABLE,
                                             CAMP_ERR_API_RATE_LIMITED,
                                             CAMP_ERR_API_SERVER,
                                             CAMP_ERR_API_OTHER};

#define N_STATUSES (sizeof all_statuses / sizeof all_statuses[0])

static void test_every_status_has_its_own_text(void **state)
{
    size_t i, j;
    (void)state;
    for (i = 0; i < N_STATUSES; i++) {
        const char *s = camp_status_str(all_statuses[i]);
        assert_non_null(s);
        assert_true(strlen(s) > 1);
        assert_string_not_equal(s, "unknown status");
        for (j = 0; j < i; j++) {
            assert_string_not_equal(s, camp_status_str(all_statuses[j]));
        }
    }
    assert_string_equal(camp_status_str(CAMP_OK), "ok");
    assert_string_equal(camp_status_str(CAMP_ERR_API_RATE_LIMITED), "api: 429 rate limited");
}

static void test_unknown_status_is_named_so(void **state)
{
    (void)state;
    assert_string_equal(camp_status_str((camp_status_t)99), "unknown status");
    assert_string_equal(camp_status_str((camp_status_t)700), "unknown status");
}

static void test_status_numbers_are_stable(void **state)
{
    (void)state;
    /* logged and compared across versions: these numbers never change */
    assert_int_equal(CAMP_OK, 0);
    assert_int_equal(CAMP_ERR_CAPACITY, 3);
    assert_int_equal(CAMP_ERR_JSON_SYNTAX, 100);
    assert_int_equal(CAMP_ERR_REQUIRED, 200);
    assert_int_equal(CAMP_ERR_TZ_UNKNOWN, 300);
    assert_int_equal(CAMP_ERR_SIG_MISSING, 400);
    assert_int_equal(CAMP_ERR_NET, 500);
    assert_int_equal(CAMP_ERR_API_BAD_REQUEST, 600);
    assert_int_equal(CAMP_ERR_API_OTHER, 608);
}

static void test_diag_clear_and_set(void **state)
{
    camp_diag_t d;
    (void)state;
    camp_diag_clear(&d);
    assert_int_equal(d.status, CAMP_OK);
    assert_string_equal(d.path, "$");
    assert_true(d.offset == CAMP_DIAG_NO_OFFSET);
    assert_false(d.has_limit);
    assert_int_equal(
        camp_diag_set(&d, CAMP_ERR_RANGE, "$.hourlyMessageRate", "must be an integer in 1..25"),
        CAMP_ERR_RANGE);
    camp_diag_set_limits(&d, 1, 25);
    assert_int_equal(d.status, CAMP_ERR_RANGE);
    assert_string_equal(d.path, "$.hourlyMessageRate");
    assert_string_equal(d.rule, "must be an integer in 1..25");
    assert_true(d.has_limit);
    assert_int_equal(d.limit_min, 1);
    assert_int_equal(d.limit_max, 25);
    /* NULL diagnostics are allowed everywhere and change nothing */
    camp_diag_clear(NULL);
    camp_diag_set_limits(NULL, 0, 1);
    assert_int_equal(camp_diag_set(NULL, CAMP_ERR_ARG, "$", "x"), CAMP_ERR_ARG);
    /* NULL rule and path: empty rule, path "$" */
    camp_diag_set(&d, CAMP_ERR_TYPE, NULL, NULL);
    assert_string_equal(d.path, "$");
    assert_string_equal(d.rule, "");
}

static void test_diag_format_line(void **state)
{
    camp_diag_t d;
    char line[128];
    (void)state;
    camp_diag_set(&d, CAMP_ERR_SCHEDULE, "$.scheduleHours[\"7\"]", "day key must be \"0\"..\"6\"");
    {
        size_t n = camp_diag_format(&d, line, sizeof line);
        assert_string_equal(line, "$.scheduleHours[\"7\"]: day key must be \"0\"..\"6\"");
        assert_int_equal(n, strlen(line));
    }

    /* a count needed is appended; INT64 extremes print exactly */
    camp_diag_set(&d, CAMP_ERR_CAPACITY, "$.sequence.steps", "more steps than CAMP_MAX_STEPS");
    d.needed = 12;
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(line, "$.sequence.steps: more steps than CAMP_MAX_STEPS (needs 12)");
    d.needed = INT64_MAX;
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(
        line, "$.sequence.steps: more steps than CAMP_MAX_STEPS (needs 9223372036854775807)");

    /* without a rule the status text stands in */
    camp_diag_set(&d, CAMP_ERR_TIMEOUT, "connect", NULL);
    camp_diag_format(&d, line, sizeof line);
    assert_string_equal(line, "connect: timed out");

    /* NULL diag: empty line */
    assert_int_equal(camp_diag_format(NULL, line, sizeof line), 0);
    assert_string_equal(line, "");
}

static void test_diag_format_cuts_visibly_never_overruns(void **state)
{
    camp_diag_t d;
    char line[64];
    size_t cap, full;
    (void)state;
    camp_diag_set(&d, CAMP_ERR_PATTERN, "$.accountLinkIds[0]", "must match ^[0-9a-z]+$");
    full = camp_diag_format(&d, line, sizeof line);
    assert_int_equal(full, strlen("$.accountLinkIds[0]: must match ^[0-9a-z]+$"));
    for (cap = 0; cap <= full + 1; cap++) {
        char buf[64];
        memset(buf, 'X', sizeof buf);
        assert_int_equal(camp_diag_format(&d, buf, cap), full);
        if (cap > 0) {
            size_t n = strlen(buf);
            assert_true(n < cap);
            if (full >= cap && cap > 4) {
                assert_int_equal(n, cap - 1);
                assert_memory_equal(buf + n - 3, "...", 3);
            } else if (full < cap) {
                assert_string_equal(buf, line);
            }
        }
        assert_int_equal(buf[cap], 'X'); /* nothing written past cap */
    }
}

static void test_diag_path_too_long_is_cut(void **state)
{
    camp_diag_t d;
    char path[CAMP_DIAG_PATH_MAX * 2];
    (void)state;
    memset(path, 'a', sizeof path - 1);
    path[0] = '$';
    path[1] = '.';
    path[sizeof path - 1] = '\0';
    camp_diag_set(&d, CAMP_ERR_REQUIRED, path, "required field missing");
    assert_int_equal(strlen(d.path), CAMP_DIAG_PATH_MAX - 1);
    assert_memory_equal(d.path + CAMP_DIAG_PATH_MAX - 4, "...", 3);
}

/* The library divides 64-bit values in 32-bit steps (no libgcc 64-bit division):
 * every quotient and remainder must equal the compiler's, floored for negatives. */
static int64_t floor_q(int64_t x, int64_t d)
{
    int64_t q = x / d;
    return (x % d != 0 && x < 0) ? q - 1 : q;
}

/* x mod d in [0, d), without a product that could overflow near INT64_MIN */
static int64_t floor_r(int64_t x, int64_t d)
{
    int64_t r = x % d;
    return (r < 0) ? r + d : r;
}

static void check_division(int64_t x, uint32_t d)
{
    uint32_t r;
    int64_t q = camp_floor_div16(x, d, &r);
    assert_true(q == floor_q(x, (int64_t)d));
    assert_true((int64_t)r == floor_r(x, (int64_t)d));
}

static void test_division_in_32_bit_steps(void **state)
{
    static const int64_t edges[] = {0,
                                    1,
                                    -1,
                                    6,
                                    -6,
                                    7,
                                    -7,
                                    399,
                                    -399,
                                    400,
                                    -400,
                                    86399,
                                    -86399,
                                    86400,
                                    -86400,
                                    INT32_MAX,
                                    INT32_MIN,
                                    INT64_MAX,
                                    INT64_MIN,
                                    INT64_MAX - 1,
                                    INT64_MIN + 1};
    static const uint32_t divisors[] = {1u, 2u, 7u, 10u, 27u, 128u, 400u, 675u, 5411u, 65535u};
    uint64_t seed = 0x9E3779B97F4A7C15u;
    size_t i, k;
    uint32_t r;
    (void)state;
    for (i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        for (k = 0; k < sizeof divisors / sizeof divisors[0]; k++) {
            check_division(edges[i], divisors[k]);
        }
    }
    for (i = 0; i < 20000; i++) { /* xorshift: every bit pattern class, both signs */
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        check_division((int64_t)(seed >> (1u + i % 40u)) * ((i & 1u) ? -1 : 1),
                       divisors[i % (sizeof divisors / sizeof divisors[0])]);
    }
    /* two factors: whole days of a time, 400-year eras */
    assert_true(camp_floor_div2(-1, 128u, 675u, &r) == -1 && r == 86399u);
    assert_true(camp_floor_div2(86400, 128u, 675u, &r) == 1 && r == 0u);
    assert_true(camp_floor_div2(INT64_MIN, 27u, 5411u, &r) == floor_q(INT64_MIN, 146097));
    assert_true((int64_t)r == floor_r(INT64_MIN, 146097));
    assert_true(camp_floor_div2(-62167219200, 128u, 675u, &r) == -719528 && r == 0u);
}

/* The one number printer, over the whole unsigned range (its top half is what
 * camp_floor_div16() never divides). */
static void test_u64_decimal(void **state)
{
    static const uint64_t values[] = {0u,
                                      9u,
                                      10u,
                                      65535u,
                                      65536u,
                                      UINT32_MAX,
                                      (uint64_t)UINT32_MAX + 1u,
                                      UINT64_C(1) << 63,
                                      UINT64_MAX - 1u,
                                      UINT64_MAX};
    char buf[CAMP_U64_DIGITS];
    char want[24];
    uint64_t seed = 0x2545F4914F6CDD1Du;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof values / sizeof values[0] + 20000u; i++) {
        uint64_t v;
        size_t at;
        if (i < sizeof values / sizeof values[0]) {
            v = values[i];
        } else {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            v = seed >> (i % 64u);
        }
        at = camp_u64_decimal(buf, v);
        (void)snprintf(want, sizeof want, "%" PRIu64, v);
        assert_true(at < CAMP_U64_DIGITS);
        assert_int_equal(CAMP_U64_DIGITS - at, strlen(want));
        assert_memory_equal(&buf[at], want, CAMP_U64_DIGITS - at);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_status_has_its_own_text),
        cmocka_unit_test(test_unknown_status_is_named_so),
        cmocka_unit_test(test_status_numbers_are_stable),
        cmocka_unit_test(test_diag_clear_and_set),
        cmocka_unit_test(test_diag_format_line),
        cmocka_unit_test(test_diag_format_cuts_visibly_never_overruns),
        cmocka_unit_test(test_diag_path_too_long_is_cut),
        cmocka_unit_test(test_division_in_32_bit_steps),
        cmocka_unit_test(test_u64_decimal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
