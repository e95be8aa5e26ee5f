/* Unit tests for lib/validate: IDs, UUIDs, UTF-8 lengths, e-mail, RFC 3339 date-times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"

#define S(lit) (lit), (sizeof(lit) - 1u)

/* ---- time-zone names (syntax only) ------------------------------------------- */

static void test_tz_name_syntax(void **state)
{
    char long_name[CAMP_TZ_NAME_MAX + 2];
    size_t i;
    (void)state;
    assert_true(camp_valid_tz_name(S("America/New_York")));
    assert_true(camp_valid_tz_name(S("UTC")));
    assert_true(camp_valid_tz_name(S("Etc/GMT+5")));
    assert_true(camp_valid_tz_name(S("Etc/GMT-14")));
    assert_true(camp_valid_tz_name(S("America/Argentina/ComodRivadavia"))); /* 14-byte part */
    assert_true(camp_valid_tz_name(S("Mars/Olympus"))); /* well-formed: the table decides */
    assert_false(camp_valid_tz_name(S("Eastern Standard Time")));
    assert_false(camp_valid_tz_name(S("")));
    assert_false(camp_valid_tz_name(NULL, 3));
    assert_false(camp_valid_tz_name(S("/UTC")));
    assert_false(camp_valid_tz_name(S("UTC/")));
    assert_false(camp_valid_tz_name(S("America//New_York")));
    assert_false(camp_valid_tz_name(S("America/../etc")));
    assert_false(camp_valid_tz_name(S("./UTC")));
    assert_false(camp_valid_tz_name(S("-UTC")));
    assert_false(camp_valid_tz_name(S("America/ComodoroRivadavi"))); /* 15-byte part */
    assert_false(camp_valid_tz_name(S("Europe/Berlin\n")));
    assert_false(camp_valid_tz_name("UTC\0x", 5));
    /* length: CAMP_TZ_NAME_MAX bytes pass, one more fails */
    for (i = 0; i < sizeof long_name - 1; i++) {
        long_name[i] = (i % 10 == 9) ? '/' : 'A';
    }
    assert_true(camp_valid_tz_name(long_name, CAMP_TZ_NAME_MAX));
    assert_false(camp_valid_tz_name(long_name, CAMP_TZ_NAME_MAX + 1));
}

/* The syntactic check accepts every name of the compiled zone table. */
static void test_tz_name_syntax_accepts_table(void **state)
{
    size_t i, n = camp_tz_count();
    (void)state;
    assert_true(n > 0);
    for (i = 0; i < n; i++) {
        const char *name = camp_tz_name(i);
        if (!camp_valid_tz_name(name, strlen(name))) {
            fail_msg("table name %s fails the syntax check", name);
        }
    }
}

/* ---- IDs ------------------------------------------------------------------ */

static void test_inbox_id(void **state)
{
    (void)state;
    assert_true(camp_valid_inbox_id(S("a")));
    assert_true(camp_valid_inbox_id(S("0")));
    assert_true(camp_valid_inbox_id(S("cm4x9k2p10000abcd1234efgh")));
    assert_true(camp_valid_inbox_id(S("0123456789abcdefghijklmnopqrstuvwxyz")));
    assert_false(camp_valid_inbox_id(S("")));
    assert_false(camp_valid_inbox_id(NULL, 0));
    assert_false(camp_valid_inbox_id(S("abcK")));
    assert_false(camp_valid_inbox_id(S("ab-c")));
    assert_false(camp_valid_inbox_id(S("ab_c")));
    assert_false(camp_valid_inbox_id(S("ab c")));
    assert_false(camp_valid_inbox_id(S("`"))); /* just below 'a' */
    assert_false(camp_valid_inbox_id(S("{"))); /* just above 'z' */
    assert_false(camp_valid_inbox_id(S("/"))); /* just below '0' */
    assert_false(camp_valid_inbox_id(S(":"))); /* just above '9' */
    assert_false(camp_valid_inbox_id("ab\0c", 4u));
    assert_false(camp_valid_inbox_id(S("\xc3\xa9")));
    /* only the given length is read */
    assert_true(camp_valid_inbox_id("abcX", 3u));
}

static void test_column_id(void **state)
{
    (void)state;
    assert_true(camp_valid_column_id(S("custom_a")));
    assert_true(camp_valid_column_id(S("custom_abc123")));
    assert_false(camp_valid_column_id(S("custom_")));
    assert_false(camp_valid_column_id(S("custom")));
    assert_false(camp_valid_column_id(S("Custom_abc")));
    assert_false(camp_valid_column_id(S("custom_ABC")));
    assert_false(camp_valid_column_id(S("custom_a-b")));
    assert_false(camp_valid_column_id(S("xcustom_ab")));
    assert_false(camp_valid_column_id(S("abc")));
    assert_false(camp_valid_column_id(NULL, 0));
}

static void test_uuid(void **state)
{
    (void)state;
    assert_true(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888-8dd25736052a")));
    assert_true(camp_valid_uuid(S("3C90C3CC-0D44-4B50-8888-8DD25736052A")));
    assert_true(camp_valid_uuid(S("00000000-0000-0000-0000-000000000000")));
    assert_true(camp_valid_uuid(S("ffffffff-FFFF-ffff-FFFF-ffffffffffff")));
    /* last group 11 digits (the invalid fixture) and 13 digits */
    assert_false(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888-8dd25736052")));
    assert_false(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888-8dd25736052ab")));
    /* non-hex g, braces, no dashes, dash misplaced */
    assert_false(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888-8dd25736052g")));
    assert_false(camp_valid_uuid(S("{3c90c3cc-0d44-4b50-8888-8dd2573605}")));
    assert_false(camp_valid_uuid(S("3c90c3cc0d444b5088888dd25736052a")));
    assert_false(camp_valid_uuid(S("3c90c3c-c0d44-4b50-8888-8dd25736052a")));
    assert_false(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888_8dd25736052a")));
    assert_false(camp_valid_uuid(S("3c90c3cc-0d44-4b50-8888-8dd25736052 ")));
    assert_false(camp_valid_uuid(S("")));
    assert_false(camp_valid_uuid(NULL, 36u));
}

/* ---- UTF-8 ---------------------------------------------------------------- */

static void test_utf8_chars(void **state)
{
    (void)state;
    assert_int_equal(camp_utf8_chars(S("")), 0);
    assert_int_equal(camp_utf8_chars(NULL, 0), 0);
    assert_int_equal(camp_utf8_chars(S("abc")), 3);
    assert_int_equal(camp_utf8_chars(S("\x7f")), 1);
    assert_int_equal(camp_utf8_chars(S("\xc2\x80")), 1);         /* U+0080 */
    assert_int_equal(camp_utf8_chars(S("\xdf\xbf")), 1);         /* U+07FF */
    assert_int_equal(camp_utf8_chars(S("\xe0\xa0\x80")), 1);     /* U+0800 */
    assert_int_equal(camp_utf8_chars(S("\xed\x9f\xbf")), 1);     /* U+D7FF */
    assert_int_equal(camp_utf8_chars(S("\xee\x80\x80")), 1);     /* U+E000 */
    assert_int_equal(camp_utf8_chars(S("\xef\xbf\xbf")), 1);     /* U+FFFF */
    assert_int_equal(camp_utf8_chars(S("\xf0\x90\x80\x80")), 1); /* U+10000 */
    assert_int_equal(camp_utf8_chars(S("\xf4\x8f\xbf\xbf")), 1); /* U+10FFFF */
    assert_int_equal(camp_utf8_chars(S("h\xc3\xa9llo \xf0\x9f\x98\x80")), 7);
    /* malformed */
    assert_int_equal(camp_utf8_chars(S("\x80")), -1);     /* lone continuation */
    assert_int_equal(camp_utf8_chars(S("\xc0\xaf")), -1); /* overlong '/' */
    assert_int_equal(camp_utf8_chars(S("\xc1\xbf")), -1);
    assert_int_equal(camp_utf8_chars(S("\xe0\x9f\xbf")), -1);     /* overlong U+07FF */
    assert_int_equal(camp_utf8_chars(S("\xed\xa0\x80")), -1);     /* surrogate U+D800 */
    assert_int_equal(camp_utf8_chars(S("\xed\xbf\xbf")), -1);     /* surrogate U+DFFF */
    assert_int_equal(camp_utf8_chars(S("\xf0\x8f\xbf\xbf")), -1); /* overlong U+FFFF */
    assert_int_equal(camp_utf8_chars(S("\xf4\x90\x80\x80")), -1); /* U+110000 */
    assert_int_equal(camp_utf8_chars(S("\xf5\x80\x80\x80")), -1);
    assert_int_equal(camp_utf8_chars(S("\xff")), -1);
    assert_int_equal(camp_utf8_chars(S("\xc3")), -1); /* truncated */
    assert_int_equal(camp_utf8_chars(S("\xe2\x82")), -1);
    assert_int_equal(camp_utf8_chars(S("\xf0\x9f\x98")), -1);
    assert_int_equal(camp_utf8_chars(S("\xc3\x28")), -1); /* bad continuation */
    assert_int_equal(camp_utf8_chars(S("\xe2\x28\xa1")), -1);
    assert_int_equal(camp_utf8_chars(S("\xf0\x9f\x28\x80")), -1);
    /* the length bounds the read: a sequence cut by len is malformed */
    assert_int_equal(camp_utf8_chars("\xc3\xa9", 1u), -1);
    assert_int_equal(camp_utf8_chars(NULL, 3u), -1);
}

static void test_length_chars(void **state)
{
    char buf[300];
    size_t i;

    (void)state;
    assert_false(camp_valid_length_chars(S(""), 1u, 255u));
    assert_true(camp_valid_length_chars(S(""), 0u, 255u));
    assert_true(camp_valid_length_chars(S("a"), 1u, 255u));
    memset(buf, 'x', sizeof buf);
    assert_true(camp_valid_length_chars(buf, 255u, 1u, 255u));
    assert_false(camp_valid_length_chars(buf, 256u, 1u, 255u));
    /* characters, not bytes: 255 two-byte characters are 510 bytes and valid */
    {
        static char wide[512];
        for (i = 0; i < 255u; i++) {
            wide[2u * i] = '\xc3';
            wide[2u * i + 1u] = '\xa9';
        }
        assert_true(camp_valid_length_chars(wide, 510u, 1u, 255u));
        wide[510] = 'a';
        assert_false(camp_valid_length_chars(wide, 511u, 1u, 255u));
        /* 128 chars = 256 bytes: over 255 bytes but fine in characters */
        assert_true(camp_valid_length_chars(wide, 256u, 1u, 128u));
        assert_false(camp_valid_length_chars(wide, 256u, 1u, 127u));
    }
    assert_false(camp_valid_length_chars(S("\xff"), 0u, 10u));
}

/* ---- e-mail --------------------------------------------------------------- */

static void test_email_valid(void **state)
{
    (void)state;
    assert_true(camp_valid_email(S("a@b.co")));
    assert_true(camp_valid_email(S("sales@acme.com")));
    assert_true(camp_valid_email(S("first.last+tag@mail.example.org")));
    assert_true(camp_valid_email(S("o'brien@x-y.io")));
    assert_true(camp_valid_email(S("!#$%&'*+-/=?^_`{|}~@a.b")));
    assert_true(camp_valid_email(S("A@EXAMPLE.COM")));
    assert_true(camp_valid_email(S("x@1.2")));
    assert_true(camp_valid_email(S("x@a-b.c-d")));
}

static void test_email_invalid(void **state)
{
    (void)state;
    assert_false(camp_valid_email(S("")));
    assert_false(camp_valid_email(NULL, 0));
    assert_false(camp_valid_email(S("plainaddress")));
    assert_false(camp_valid_email(S("@example.com")));
    assert_false(camp_valid_email(S("a@")));
    assert_false(camp_valid_email(S("a@localhost"))); /* one label */
    assert_false(camp_valid_email(S("a@@b.com")));
    assert_false(camp_valid_email(S("a@b@c.com")));
    assert_false(camp_valid_email(S(".a@b.com")));
    assert_false(camp_valid_email(S("a.@b.com")));
    assert_false(camp_valid_email(S("a..b@c.com")));
    assert_false(camp_valid_email(S("a b@c.com")));
    assert_false(camp_valid_email(S("a\"b@c.com")));
    assert_false(camp_valid_email(S("a(b)@c.com")));
    assert_false(camp_valid_email(S("a@b..com")));
    assert_false(camp_valid_email(S("a@.b.com")));
    assert_false(camp_valid_email(S("a@b.com.")));
    assert_false(camp_valid_email(S("a@-b.com")));
    assert_false(camp_valid_email(S("a@b-.com")));
    assert_false(camp_valid_email(S("a@b_c.com")));
    assert_false(camp_valid_email(S("a@[127.0.0.1]")));
    assert_false(camp_valid_email(S("\xc3\xa9@b.com")));
    assert_false(camp_valid_email("a@b.com\0x", 9u));
}

static void test_email_limits(void **state)
{
    char buf[300];
    size_t n;

    (void)state;
    /* local part 64 ok, 65 too long */
    memset(buf, 'l', 64u);
    memcpy(buf + 64, "@b.co", 5u);
    assert_true(camp_valid_email(buf, 69u));
    memset(buf, 'l', 65u);
    memcpy(buf + 65, "@b.co", 5u);
    assert_false(camp_valid_email(buf, 70u));
    /* label 63 ok, 64 too long */
    buf[0] = 'a';
    buf[1] = '@';
    memset(buf + 2, 'd', 63u);
    memcpy(buf + 65, ".co", 3u);
    assert_true(camp_valid_email(buf, 68u));
    memset(buf + 2, 'd', 64u);
    memcpy(buf + 66, ".co", 3u);
    assert_false(camp_valid_email(buf, 69u));
    /* domain of 253 ok, 254 too long: labels of 63 + dots */
    buf[0] = 'a';
    buf[1] = '@';
    n = 2u;
    memset(buf + n, 'a', 63u);
    n += 63u;
    buf[n++] = '.';
    memset(buf + n, 'b', 63u);
    n += 63u;
    buf[n++] = '.';
    memset(buf + n, 'c', 63u);
    n += 63u;
    buf[n++] = '.';
    memset(buf + n, 'd', 61u);
    n += 61u; /* domain = 63*3 + 3 + 61 = 253 */
    assert_int_equal(n - 2u, 253u);
    assert_true(camp_valid_email(buf, n));
    buf[n++] = 'e';
    assert_false(camp_valid_email(buf, n));
    /* more than 255 bytes overall is refused before anything else */
    memset(buf, 'a', sizeof buf);
    assert_false(camp_valid_email(buf, 256u));
}

/* ---- calendar ------------------------------------------------------------- */

static void test_days_from_civil(void **state)
{
    (void)state;
    assert_int_equal(camp_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(camp_days_from_civil(1970, 1, 2), 1);
    assert_int_equal(camp_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(camp_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(camp_days_from_civil(2000, 2, 29), 11016);
    assert_int_equal(camp_days_from_civil(2024, 2, 29), 19782);
    assert_int_equal(camp_days_from_civil(0, 1, 1), -719528);
    assert_int_equal(camp_days_from_civil(9999, 12, 31), 2932896);
    assert_int_equal(camp_days_from_civil(-1, 12, 31), -719529);
    /* 1900 is not a leap year, 2000 is */
    assert_int_equal(camp_days_from_civil(1900, 3, 1) - camp_days_from_civil(1900, 2, 28), 1);
    assert_int_equal(camp_days_from_civil(2000, 3, 1) - camp_days_from_civil(2000, 2, 28), 2);
}

static void test_civil_round_trip(void **state)
{
    int64_t d;
    int64_t y;
    unsigned m, day;

    (void)state;
    /* every day from 0000-01-01 to 9999-12-31 and a little beyond, both ways */
    for (d = -719528 - 800; d <= 2932896 + 800; d++) {
        camp_civil_from_days(d, &y, &m, &day);
        assert_true(m >= 1u && m <= 12u);
        assert_true(day >= 1u && day <= 31u);
        if (camp_days_from_civil(y, m, day) != d) {
            fail_msg("round trip failed at day %lld", (long long)d);
        }
    }
    camp_civil_from_days(0, &y, &m, &day);
    assert_int_equal(y, 1970);
    assert_int_equal(m, 1);
    assert_int_equal(day, 1);
    camp_civil_from_days(11016, &y, &m, &day);
    assert_int_equal(y, 2000);
    assert_int_equal(m, 2);
    assert_int_equal(day, 29);
    /* NULL outputs are allowed; extreme inputs stay defined (clamped) */
    camp_civil_from_days(INT64_MAX, NULL, NULL, NULL);
    camp_civil_from_days(INT64_MIN, &y, &m, &day);
    assert_true(m >= 1u && m <= 12u);
    (void)camp_days_from_civil(INT64_MAX, 12, 31);
    (void)camp_days_from_civil(INT64_MIN, 1, 1);
}

/* ---- RFC 3339 parse --------------------------------------------------------- */

static camp_datetime_t parse_ok(const char *s)
{
    camp_datetime_t dt;
    memset(&dt, 0xA5, sizeof dt);
    if (camp_datetime_parse(s, strlen(s), &dt) != CAMP_OK) {
        fail_msg("expected valid: %s", s);
    }
    return dt;
}

static void parse_bad(const char *s)
{
    if (camp_datetime_parse(s, strlen(s), NULL) != CAMP_ERR_DATE) {
        fail_msg("expected CAMP_ERR_DATE: %s", s);
    }
}

static void test_datetime_fields(void **state)
{
    camp_datetime_t dt;

    (void)state;
    dt = parse_ok("2023-11-07T05:31:56Z");
    assert_int_equal(dt.year, 2023);
    assert_int_equal(dt.month, 11);
    assert_int_equal(dt.day, 7);
    assert_int_equal(dt.hour, 5);
    assert_int_equal(dt.minute, 31);
    assert_int_equal(dt.second, 56);
    assert_int_equal(dt.nanosecond, 0);
    assert_int_equal(dt.offset_minutes, 0);
    assert_int_equal(dt.unix_seconds, 1699335116);

    dt = parse_ok("1970-01-01T00:00:00Z");
    assert_int_equal(dt.unix_seconds, 0);

    dt = parse_ok("2026-03-08T03:30:00-04:00");
    assert_int_equal(dt.offset_minutes, -240);
    assert_int_equal(dt.unix_seconds, 1772955000);

    dt = parse_ok("2025-06-01T17:45:00+05:45");
    assert_int_equal(dt.offset_minutes, 345);
    assert_int_equal(dt.unix_seconds, parse_ok("2025-06-01T12:00:00Z").unix_seconds);

    dt = parse_ok("2025-06-01t12:00:00z");
    assert_int_equal(dt.unix_seconds, 1748779200);

    dt = parse_ok("2025-01-01T00:00:00+23:59");
    assert_int_equal(dt.offset_minutes, 1439);
    dt = parse_ok("2025-01-01T00:00:00-23:59");
    assert_int_equal(dt.offset_minutes, -1439);
    dt = parse_ok("2025-01-01T00:00:00-00:00");
    assert_int_equal(dt.offset_minutes, 0);

    dt = parse_ok("0000-01-01T00:00:00Z");
    assert_int_equal(dt.year, 0);
    assert_int_equal(dt.unix_seconds, INT64_C(-62167219200));
    dt = parse_ok("9999-12-31T23:59:59Z");
    assert_int_equal(dt.unix_seconds, INT64_C(253402300799));
    dt = parse_ok("1969-12-31T23:59:59Z");
    assert_int_equal(dt.unix_seconds, -1);
}

static void test_datetime_fraction(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("2025-06-01T12:00:00.5Z").nanosecond, 500000000u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.000Z").nanosecond, 0u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.123Z").nanosecond, 123000000u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.123456789Z").nanosecond, 123456789u);
    /* more than 9 digits: truncated, not rounded */
    assert_int_equal(parse_ok("2025-06-01T12:00:00.1234567899999Z").nanosecond, 123456789u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.999999999999999999999999Z").nanosecond,
                     999999999u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.000000001+01:00").nanosecond, 1u);
    assert_int_equal(parse_ok("2025-06-01T12:00:00.9Z").unix_seconds, 1748779200);
    parse_bad("2025-06-01T12:00:00.Z");
    parse_bad("2025-06-01T12:00:00.");
    parse_bad("2025-06-01T12:00:00,5Z");
    parse_bad("2025-06-01T12:00:00.5x");
}

static void test_datetime_calendar(void **state)
{
    (void)state;
    parse_ok("2024-02-29T00:00:00Z"); /* leap year */
    parse_ok("2000-02-29T00:00:00Z"); /* divisible by 400 */
    parse_ok("2025-02-28T00:00:00Z");
    parse_bad("2025-02-29T00:00:00Z");
    parse_bad("1900-02-29T00:00:00Z"); /* divisible by 100, not 400 */
    parse_bad("2024-02-30T00:00:00Z");
    parse_ok("2025-01-31T00:00:00Z");
    parse_bad("2025-01-32T00:00:00Z");
    parse_ok("2025-04-30T00:00:00Z");
    parse_bad("2025-04-31T00:00:00Z");
    parse_bad("2025-06-31T00:00:00Z");
    parse_bad("2025-09-31T00:00:00Z");
    parse_bad("2025-11-31T00:00:00Z");
    parse_ok("2025-12-31T00:00:00Z");
    parse_bad("2025-13-01T00:00:00Z");
    parse_bad("2025-00-01T00:00:00Z");
    parse_bad("2025-01-00T00:00:00Z");
}

/* February 29 in the years that decide the leap rule: multiples of 4, 25, 100, 400. */
static void test_datetime_leap_years(void **state)
{
    static const unsigned leap[] = {0, 4, 400, 1600, 1976, 2000, 2400, 9996};
    static const unsigned common[] = {1, 25, 75, 100, 1700, 1800, 1900, 1975, 2100, 2300, 9999};
    size_t i;
    char s[32];
    (void)state;
    for (i = 0; i < sizeof leap / sizeof leap[0]; i++) {
        (void)snprintf(s, sizeof s, "%04u-02-29T12:00:00Z", leap[i]);
        (void)parse_ok(s);
        (void)snprintf(s, sizeof s, "%04u-02-30T12:00:00Z", leap[i]);
        parse_bad(s);
    }
    for (i = 0; i < sizeof common / sizeof common[0]; i++) {
        (void)snprintf(s, sizeof s, "%04u-02-28T12:00:00Z", common[i]);
        (void)parse_ok(s);
        (void)snprintf(s, sizeof s, "%04u-02-29T12:00:00Z", common[i]);
        parse_bad(s);
    }
}

static void test_datetime_time_limits(void **state)
{
    (void)state;
    parse_ok("2025-01-01T23:59:59Z");
    parse_bad("2025-01-01T24:00:00Z");
    parse_bad("2025-01-01T23:60:00Z");
    parse_bad("2025-01-01T23:59:61Z");
    /* leap second: only at 23:59:60 UTC */
    {
        camp_datetime_t dt = parse_ok("2016-12-31T23:59:60Z");
        assert_int_equal(dt.second, 60);
        assert_int_equal(dt.unix_seconds, parse_ok("2017-01-01T00:00:00Z").unix_seconds);
    }
    parse_ok("2016-12-31T15:59:60-08:00");
    parse_ok("2017-01-01T05:44:60+05:45");
    parse_bad("2016-12-31T12:00:60Z");
    parse_bad("2016-12-31T23:59:60+01:00");
    /* offset limits */
    parse_bad("2025-01-01T00:00:00+24:00");
    parse_bad("2025-01-01T00:00:00+05:60");
    parse_bad("2025-01-01T00:00:00+0545");
    parse_bad("2025-01-01T00:00:00+05");
    parse_bad("2025-01-01T00:00:00+5:45");
}

static void test_datetime_syntax(void **state)
{
    (void)state;
    parse_bad("");
    parse_bad("2025-01-01");           /* date only */
    parse_bad("2025-01-01T00:00:00");  /* no offset */
    parse_bad("2025-01-01 00:00:00Z"); /* space separator */
    parse_bad("2025-01-01X00:00:00Z");
    parse_bad("01/15/2025 10:30 AM"); /* US style */
    parse_bad("01/15/2025");
    parse_bad("Jan 15, 2025");
    parse_bad("25-01-01T00:00:00Z");
    parse_bad("2025-1-01T00:00:00Z");
    parse_bad("2025-01-1T00:00:00Z");
    parse_bad("2025-01-01T0:00:00Z");
    parse_bad("2025-01-01T00:00Z"); /* seconds required */
    parse_bad("+2025-01-01T00:00:00Z");
    parse_bad("12025-01-01T00:00:00Z");
    parse_bad("2025/01/01T00:00:00Z");
    parse_bad("2025-01-01T00-00-00Z");
    parse_bad("2025-01-01T00:00:00ZZ"); /* trailing garbage */
    parse_bad("2025-01-01T00:00:00Z ");
    parse_bad(" 2025-01-01T00:00:00Z");
    parse_bad("2025-01-01T00:00:00UTC");
    parse_bad("2O25-01-01T00:00:00Z"); /* letter O */
    parse_bad("2025-01-01T00:00:00+05:45:00");
    assert_int_equal(camp_datetime_parse(NULL, 20u, NULL), CAMP_ERR_DATE);
    /* only len bytes are read */
    assert_int_equal(camp_datetime_parse("2025-01-01T00:00:00Zjunk", 20u, NULL), CAMP_OK);
    assert_int_equal(camp_datetime_parse("2025-01-01T00:00:00Z", 19u, NULL), CAMP_ERR_DATE);
}

/* ---- format ------------------------------------------------------------------ */

static void test_datetime_format(void **state)
{
    char out[32];

    (void)state;
    assert_int_equal(camp_datetime_format(0, 0, true, out, sizeof out), 20);
    assert_string_equal(out, "1970-01-01T00:00:00Z");
    assert_int_equal(camp_datetime_format(0, 0, false, out, sizeof out), 25);
    assert_string_equal(out, "1970-01-01T00:00:00+00:00");
    assert_int_equal(camp_datetime_format(1772955000, -240, true, out, sizeof out), 25);
    assert_string_equal(out, "2026-03-08T03:30:00-04:00");
    assert_int_equal(camp_datetime_format(1748779200, 345, true, out, sizeof out), 25);
    assert_string_equal(out, "2025-06-01T17:45:00+05:45");
    assert_int_equal(camp_datetime_format(-1, 0, true, out, sizeof out), 20);
    assert_string_equal(out, "1969-12-31T23:59:59Z");
    assert_int_equal(camp_datetime_format(INT64_C(-62167219200), 0, true, out, sizeof out), 20);
    assert_string_equal(out, "0000-01-01T00:00:00Z");
    assert_int_equal(camp_datetime_format(INT64_C(253402300799), 0, true, out, sizeof out), 20);
    assert_string_equal(out, "9999-12-31T23:59:59Z");
    assert_int_equal(camp_datetime_format(951782400, 0, true, out, sizeof out), 20);
    assert_string_equal(out, "2000-02-29T00:00:00Z");
    /* out of range years */
    assert_int_equal(camp_datetime_format(INT64_C(-62167219201), 0, true, out, sizeof out), 0);
    assert_int_equal(camp_datetime_format(INT64_C(253402300800), 0, true, out, sizeof out), 0);
    assert_int_equal(camp_datetime_format(INT64_C(253402300799), 1, true, out, sizeof out), 0);
    assert_int_equal(camp_datetime_format(INT64_MAX, 0, true, out, sizeof out), 0);
    assert_int_equal(camp_datetime_format(INT64_MIN, 0, true, out, sizeof out), 0);
    /* offsets */
    assert_int_equal(camp_datetime_format(0, 1439, true, out, sizeof out), 25);
    assert_string_equal(out, "1970-01-01T23:59:00+23:59");
    assert_int_equal(camp_datetime_format(0, 1440, true, out, sizeof out), 0);
    assert_int_equal(camp_datetime_format(0, -1440, true, out, sizeof out), 0);
    /* capacity: needs length + 1 */
    assert_int_equal(camp_datetime_format(0, 0, true, out, 20u), 0);
    assert_int_equal(camp_datetime_format(0, 0, true, out, 21u), 20);
    assert_int_equal(camp_datetime_format(0, 60, true, out, 25u), 0);
    assert_int_equal(camp_datetime_format(0, 60, true, out, 26u), 25);
    assert_int_equal(camp_datetime_format(0, 0, true, NULL, 26u), 0);
}

static void test_datetime_format_parse_round_trip(void **state)
{
    static const int offsets[] = {0, 60, -240, 345, 1439, -1439, 330, -570};
    char out[32];
    int64_t t;
    size_t i;

    (void)state;
    for (i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
        for (t = INT64_C(-62135596800); t < INT64_C(253402200000); t += INT64_C(7777777777)) {
            camp_datetime_t dt;
            size_t n = camp_datetime_format(t, offsets[i], true, out, sizeof out);
            assert_true(n == 20u || n == 25u);
            assert_int_equal(camp_datetime_parse(out, n, &dt), CAMP_OK);
            assert_int_equal(dt.unix_seconds, t);
            assert_int_equal(dt.offset_minutes, offsets[i]);
        }
    }
}

/* Parsing computes its dates on a 32-bit path of its own: every month start and
 * month end of the years around leap rules and era bounds agrees with the public
 * calendar function. */
static void test_datetime_parse_agrees_with_calendar(void **state)
{
    static const unsigned years[] = {0,    1,    3,    4,    99,   100,  399,  400,  401,
                                     1600, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 9999};
    static const unsigned mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t i;
    unsigned m;
    (void)state;
    for (i = 0; i < sizeof years / sizeof years[0]; i++) {
        for (m = 1; m <= 12u; m++) {
            unsigned y = years[i];
            bool leap = (y % 4u == 0u && y % 100u != 0u) || y % 400u == 0u;
            unsigned last = (m == 2u && !leap) ? 28u : mdays[m - 1u];
            unsigned d;
            for (d = 1; d <= last; d += last - 1u) {
                char s[32];
                camp_datetime_t dt;
                int n = snprintf(s, sizeof s, "%04u-%02u-%02uT00:00:00Z", y, m, d);
                assert_int_equal(camp_datetime_parse(s, (size_t)n, &dt), CAMP_OK);
                assert_true(dt.unix_seconds == camp_days_from_civil((int64_t)y, m, d) * 86400);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inbox_id),
        cmocka_unit_test(test_column_id),
        cmocka_unit_test(test_uuid),
        cmocka_unit_test(test_tz_name_syntax),
        cmocka_unit_test(test_tz_name_syntax_accepts_table),
        cmocka_unit_test(test_utf8_chars),
        cmocka_unit_test(test_length_chars),
        cmocka_unit_test(test_email_valid),
        cmocka_unit_test(test_email_invalid),
        cmocka_unit_test(test_email_limits),
        cmocka_unit_test(test_days_from_civil),
        cmocka_unit_test(test_datetime_parse_agrees_with_calendar),
        cmocka_unit_test(test_civil_round_trip),
        cmocka_unit_test(test_datetime_fields),
        cmocka_unit_test(test_datetime_fraction),
        cmocka_unit_test(test_datetime_calendar),
        cmocka_unit_test(test_datetime_leap_years),
        cmocka_unit_test(test_datetime_time_limits),
        cmocka_unit_test(test_datetime_syntax),
        cmocka_unit_test(test_datetime_format),
        cmocka_unit_test(test_datetime_format_parse_round_trip),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
