/* Schedule module: zone names, POSIX rule parsing, offsets and conversions,
 * sending-window decisions around DST changes. (The whole table against glibc
 * is in test_schedule_glibc.c.) Expected instants were worked out by hand from
 * the rules and cross-checked with Python's zoneinfo on the same tzdata. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "camp/camp_schedule.h"

/* ------------------------------------------------------------ helpers */

static camp_tz_t zone(const char *name)
{
    camp_tz_t tz;
    assert_int_equal(camp_tz_find(name, strlen(name), &tz), CAMP_OK);
    return tz;
}

static camp_tz_t rule(const char *text)
{
    camp_tz_t tz;
    camp_diag_t d;
    camp_status_t st = camp_tz_parse(text, strlen(text), &tz, &d);
    if (st != CAMP_OK) {
        print_message("rule '%s' rejected: %s at %lu\n", text, d.rule, (unsigned long)d.offset);
    }
    assert_int_equal(st, CAMP_OK);
    return tz;
}

static int32_t offset_at(const camp_tz_t *tz, int64_t t, bool *dst)
{
    int32_t off = 0;
    assert_int_equal(camp_tz_offset_at(tz, t, &off, dst), CAMP_OK);
    return off;
}

static bool is_open(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t t)
{
    bool open = false;
    assert_int_equal(camp_schedule_is_open(tz, w, t, &open), CAMP_OK);
    return open;
}

/* Next opening, or -1 for "never". */
static int64_t next_open(const camp_tz_t *tz, const camp_week_windows_t *w, int64_t t)
{
    bool found = true;
    int64_t next = 0;
    assert_int_equal(camp_schedule_next_open(tz, w, t, &found, &next), CAMP_OK);
    return found ? next : -1;
}

static camp_week_windows_t one_day(unsigned day, unsigned start, unsigned end)
{
    camp_week_windows_t w;
    memset(&w, 0, sizeof w);
    w.day[day].has_window = true;
    w.day[day].start = (uint16_t)start;
    w.day[day].end = (uint16_t)end;
    return w;
}

static camp_week_windows_t weekdays(unsigned start, unsigned end)
{
    camp_week_windows_t w;
    unsigned d;
    memset(&w, 0, sizeof w);
    for (d = 1; d <= 5; d++) {
        w.day[d].has_window = true;
        w.day[d].start = (uint16_t)start;
        w.day[d].end = (uint16_t)end;
    }
    return w;
}

/* ------------------------------------------------------------ names */

static void test_names_exact_and_case_sensitive(void **state)
{
    static const char *const known[] = {
        "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu",
        "Australia/Lord_Howe", "UTC", "Etc/GMT+5", "Etc/GMT-14",
        /* backward link names */
        "US/Eastern", "Asia/Calcutta", "Asia/Katmandu", "Australia/LHI", "GB", "Zulu"};
    static const char *const unknown[] = {
        "america/new_york", "AMERICA/NEW_YORK", "America/New_Yor",   "America/New_YorkX",
        "America/New York", "America/",         "Factory",           "posixrules",
        "localtime",        "Mars/Olympus",     "/America/New_York", "America//New_York"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof known / sizeof known[0]; i++) {
        assert_true(camp_tz_valid_name(known[i], strlen(known[i])));
    }
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        assert_false(camp_tz_valid_name(unknown[i], strlen(unknown[i])));
    }
    /* Length is what counts, not a NUL: a prefix of a longer buffer. */
    assert_true(camp_tz_valid_name("Europe/BerlinXYZ", 13));
    assert_false(camp_tz_valid_name("Europe/Berlin", 12));
    assert_false(camp_tz_valid_name("", 0));
    assert_false(camp_tz_valid_name(NULL, 3));
}

static void test_name_table_is_sorted_and_complete(void **state)
{
    size_t n = camp_tz_count();
    size_t i;
    (void)state;
    assert_true(n > 500u); /* ~350 canonical zones + ~250 links in any recent tzdata */
    for (i = 0; i < n; i++) {
        const char *name = camp_tz_name(i);
        camp_tz_t tz;
        assert_non_null(name);
        assert_true(camp_tz_valid_name(name, strlen(name)));
        assert_int_equal(camp_tz_find(name, strlen(name), &tz), CAMP_OK);
        assert_string_equal(tz.name, name);
        if (i > 0) {
            assert_true(strcmp(camp_tz_name(i - 1), name) < 0);
        }
    }
    assert_null(camp_tz_name(n));
    assert_true(strlen(camp_tz_db_version()) >= 5u); /* "2026f" */
}

static void assert_same_date(const camp_tz_date_t *a, const camp_tz_date_t *b)
{
    assert_int_equal(a->time, b->time);
    assert_int_equal(a->day, b->day);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->month, b->month);
    assert_int_equal(a->week, b->week);
    assert_int_equal(a->wday, b->wday);
}

/* camp_tz_find() unpacks rules the generator read; every one of them must be
 * what camp_tz_parse() reads from the same text, to the last field. */
static void test_table_rules_are_the_parsed_rules(void **state)
{
    size_t n = camp_tz_count();
    size_t i;
    size_t with_dst = 0;
    (void)state;
    for (i = 0; i < n; i++) {
        const char *name = camp_tz_name(i);
        camp_tz_t found = zone(name);
        camp_tz_t parsed;
        camp_diag_t d;
        assert_non_null(found.rule_text);
        assert_int_equal(strlen(found.rule_text), found.rule_len);
        assert_int_equal(camp_tz_parse(found.rule_text, found.rule_len, &parsed, &d), CAMP_OK);
        assert_int_equal(found.rule.std_offset, parsed.rule.std_offset);
        assert_int_equal(found.rule.dst_offset, parsed.rule.dst_offset);
        assert_int_equal(found.rule.has_dst, parsed.rule.has_dst);
        assert_same_date(&found.rule.start, &parsed.rule.start);
        assert_same_date(&found.rule.end, &parsed.rule.end);
        with_dst += found.rule.has_dst ? 1u : 0u;
    }
    assert_true(with_dst > 50u); /* the DST rules are compared, not only plain offsets */
    /* a plain offset, and a transition time past 24:00 */
    assert_int_equal(zone("America/Sao_Paulo").rule.has_dst, false);
    assert_int_equal(zone("Asia/Jerusalem").rule.start.time, 26 * 3600);
}

static void test_find_errors(void **state)
{
    camp_tz_t tz;
    (void)state;
    assert_int_equal(camp_tz_find("Nowhere/City", 12, &tz), CAMP_ERR_TZ_UNKNOWN);
    assert_int_equal(camp_tz_find(NULL, 0, &tz), CAMP_ERR_ARG);
    assert_int_equal(camp_tz_find("UTC", 3, NULL), CAMP_ERR_ARG);
    tz = zone("US/Eastern");
    assert_int_equal(tz.rule.std_offset, -18000);
    assert_int_equal((int)tz.rule_len, (int)strlen("EST5EDT,M3.2.0,M11.1.0"));
    assert_memory_equal(tz.rule_text, "EST5EDT,M3.2.0,M11.1.0", tz.rule_len);
}

/* ------------------------------------------------------------ rule parser */

static void test_parse_rules(void **state)
{
    camp_tz_t tz;
    (void)state;

    tz = rule("EST5EDT,M3.2.0,M11.1.0");
    assert_int_equal(tz.rule.std_offset, -18000);
    assert_int_equal(tz.rule.dst_offset, -14400); /* default: one hour ahead */
    assert_true(tz.rule.has_dst);
    assert_int_equal(tz.rule.start.kind, CAMP_TZ_DATE_MWD);
    assert_int_equal(tz.rule.start.month, 3);
    assert_int_equal(tz.rule.start.week, 2);
    assert_int_equal(tz.rule.start.wday, 0);
    assert_int_equal(tz.rule.start.time, 7200); /* default 02:00 */
    assert_int_equal(tz.rule.end.month, 11);
    assert_null(tz.name);

    tz = rule("<+0545>-5:45");
    assert_int_equal(tz.rule.std_offset, 20700);
    assert_false(tz.rule.has_dst);
    assert_int_equal(tz.rule.dst_offset, 20700);

    tz = rule("<-03>3");
    assert_int_equal(tz.rule.std_offset, -10800);

    tz = rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
    assert_int_equal(tz.rule.std_offset, 37800);
    assert_int_equal(tz.rule.dst_offset, 39600);

    /* Negative DST (Europe/Dublin): the "DST" part is winter, GMT. */
    tz = rule("IST-1GMT0,M10.5.0,M3.5.0/1");
    assert_int_equal(tz.rule.std_offset, 3600);
    assert_int_equal(tz.rule.dst_offset, 0);
    assert_int_equal(tz.rule.end.time, 3600);

    tz = rule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    assert_int_equal(tz.rule.start.time, -3600);
    assert_int_equal(tz.rule.end.time, 0);

    tz = rule("EET-2EEST,M3.4.4/50,M10.4.4/50");
    assert_int_equal(tz.rule.start.time, 50 * 3600);

    tz = rule("LMT3:25:45");
    assert_int_equal(tz.rule.std_offset, -(3 * 3600 + 25 * 60 + 45));

    tz = rule("AAA+5BBB+4:30,J60/25,300/-2:30:15");
    assert_int_equal(tz.rule.dst_offset, -16200);
    assert_int_equal(tz.rule.start.kind, CAMP_TZ_DATE_JULIAN1);
    assert_int_equal(tz.rule.start.day, 60);
    assert_int_equal(tz.rule.start.time, 25 * 3600);
    assert_int_equal(tz.rule.end.kind, CAMP_TZ_DATE_JULIAN0);
    assert_int_equal(tz.rule.end.day, 300);
    assert_int_equal(tz.rule.end.time, -(2 * 3600 + 30 * 60 + 15));

    tz = rule("<+12>-12<+13>,M11.1.0,M1.3.0/3"); /* digits/signs in quoted names */
    assert_int_equal(tz.rule.std_offset, 43200);
    tz = rule("ABCDEFGHIJKLMNOP5"); /* 16 letters: the longest name */
    assert_int_equal(tz.rule.std_offset, -18000);
    tz = rule("UTC0");
    assert_int_equal(tz.rule.std_offset, 0);
    tz = rule("XXX-24YYY,M1.1.0/167,M12.5.6/-167");
    assert_int_equal(tz.rule.std_offset, 86400);
    assert_int_equal(tz.rule.end.time, -167 * 3600);
}

static void test_parse_malformed_rules(void **state)
{
    static const char *const bad[] = {
        "",                           /* empty */
        "ES5",                        /* fine name length 2 */
        "EST",                        /* no offset */
        "EST+",                       /* sign without hours */
        "5EST",                       /* no name */
        "EST 5",                      /* space */
        "EST25",                      /* offset hours > 24 */
        "EST5:60",                    /* minutes > 59 */
        "EST5:30:60",                 /* seconds > 59 */
        "EST5:3",                     /* OK digits but ... (see below: accepted) */
        "EST1234",                    /* 4-digit hours */
        "EST5EDT",                    /* DST without dates (policy: rejected) */
        "EST5EDT,M3.2.0",             /* missing end date */
        "EST5EDT,M3.2.0,",            /* empty end date */
        "EST5EDT,M13.2.0,M11.1.0",    /* month 13 */
        "EST5EDT,M0.2.0,M11.1.0",     /* month 0 */
        "EST5EDT,M3.6.0,M11.1.0",     /* week 6 */
        "EST5EDT,M3.0.0,M11.1.0",     /* week 0 */
        "EST5EDT,M3.2.7,M11.1.0",     /* weekday 7 */
        "EST5EDT,M3.2,M11.1.0",       /* incomplete Mm.w.d */
        "EST5EDT,M3-2-0,M11.1.0",     /* wrong separators */
        "EST5EDT,J0,J365",            /* Jn starts at 1 */
        "EST5EDT,J366,J365",          /* Jn ends at 365 */
        "EST5EDT,0,366",              /* n ends at 365 */
        "EST5EDT,M3.2.0/168,M11.1.0", /* time beyond 167 h */
        "EST5EDT,M3.2.0/,M11.1.0",    /* empty time */
        "EST5EDT,M3.2.0,M11.1.0/2:",  /* dangling colon */
        "EST5EDT,M3.2.0,M11.1.0x",    /* trailing garbage */
        "EST5EDT,M3.2.0;M11.1.0",     /* ';' separator */
        "EST5EDT,M3.2.0,M11.1.0,",    /* extra comma */
        "EST5EDT25,M3.2.0,M11.1.0",   /* DST offset > 24 */
        "<+05",                       /* unterminated quoted name */
        "<+5>-5",                     /* quoted name of 2 */
        "<+05 >-5",                   /* space in quoted name */
        "<ABCDEFGHIJKLMNOPQ>5",       /* quoted name of 17 */
        "ABCDEFGHIJKLMNOPQ5",         /* name of 17 */
        "EST5E",                      /* DST name too short */
        "EST5EDT,X3.2.0,M11.1.0",     /* unknown date form */
    };
    size_t i;
    camp_tz_t tz;
    camp_diag_t d;
    char longrule[200];
    (void)state;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        camp_status_t st = camp_tz_parse(bad[i], strlen(bad[i]), &tz, &d);
        if (strcmp(bad[i], "EST5:3") == 0) {
            /* one-digit minutes are accepted, like tzcode */
            assert_int_equal(st, CAMP_OK);
            assert_int_equal(tz.rule.std_offset, -(5 * 3600 + 3 * 60));
            continue;
        }
        if (st != CAMP_ERR_TZ_RULE) {
            print_message("accepted malformed rule '%s'\n", bad[i]);
        }
        assert_int_equal(st, CAMP_ERR_TZ_RULE);
        assert_int_equal(d.status, CAMP_ERR_TZ_RULE);
        assert_true(d.rule != NULL && d.rule[0] != '\0');
        assert_true(d.offset <= strlen(bad[i]));
    }

    /* The diagnostic points at the failing byte and says why. */
    assert_int_equal(camp_tz_parse("EST5EDT,M13.2.0,M11.1.0", 23, &tz, &d), CAMP_ERR_TZ_RULE);
    assert_int_equal(d.offset, 9);
    assert_string_equal(d.rule, "month of Mm.w.d must be 1..12");
    assert_int_equal(camp_tz_parse("EST5EDT", 7, &tz, &d), CAMP_ERR_TZ_RULE);
    assert_int_equal(d.offset, 7);
    assert_string_equal(d.rule, "DST needs ,start,end transition dates");

    /* Not NUL-terminated: only len bytes are read. */
    assert_int_equal(camp_tz_parse("EST5EDT,M3.2.0,M11.1.0garbage", 22, &tz, NULL), CAMP_OK);
    assert_int_equal(camp_tz_parse("EST5EDT,M3.2.0,M11.1.0garbage", 23, &tz, NULL),
                     CAMP_ERR_TZ_RULE);

    memset(longrule, 'A', sizeof longrule);
    assert_int_equal(camp_tz_parse(longrule, 129, &tz, &d), CAMP_ERR_TZ_RULE);
    assert_true(d.has_limit);
    assert_int_equal(camp_tz_parse(NULL, 3, &tz, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_tz_parse("UTC0", 4, NULL, NULL), CAMP_ERR_ARG);
}

/* ------------------------------------------------------------ offsets and conversions */

static void test_offsets_and_range(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_tz_t kat = zone("Asia/Kathmandu");
    int32_t off;
    bool dst = true;
    (void)state;

    assert_int_equal(offset_at(&ny, INT64_C(1772953199), &dst), -18000); /* 01:59:59 EST */
    assert_false(dst);
    assert_int_equal(offset_at(&ny, INT64_C(1772953200), &dst), -14400); /* 03:00:00 EDT */
    assert_true(dst);
    assert_int_equal(offset_at(&kat, INT64_C(1773014400), NULL), 20700);
    kat = zone("Asia/Kolkata");
    assert_int_equal(offset_at(&kat, INT64_C(1773014400), NULL), 19800);

    /* 2000-01-01T00:00:00Z .. 2099-12-31T23:59:59Z */
    assert_int_equal(camp_tz_offset_at(&ny, CAMP_TZ_MIN_UTC, &off, NULL), CAMP_OK);
    assert_int_equal(camp_tz_offset_at(&ny, CAMP_TZ_END_UTC - 1, &off, NULL), CAMP_OK);
    assert_int_equal(camp_tz_offset_at(&ny, CAMP_TZ_MIN_UTC - 1, &off, NULL), CAMP_ERR_TIME_RANGE);
    assert_int_equal(camp_tz_offset_at(&ny, CAMP_TZ_END_UTC, &off, NULL), CAMP_ERR_TIME_RANGE);
    assert_int_equal(camp_tz_offset_at(NULL, CAMP_TZ_MIN_UTC, &off, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_tz_offset_at(&ny, CAMP_TZ_MIN_UTC, NULL, NULL), CAMP_ERR_ARG);
    /* Far future: still the rule (2099-07-01 is EDT). */
    assert_int_equal(offset_at(&ny, INT64_C(4086374400), NULL), -14400);
}

static void test_carried_transitions(void **state)
{
    /* Casablanca's footer is the rule from late 2026 on; the table carries the
     * 2026 changes it cannot express (+01 in January, +00 from September). */
    camp_tz_t casa = zone("Africa/Casablanca");
    (void)state;
    assert_true(casa.trans_count > 0u);
    assert_int_equal(casa.rule.std_offset, 0);
    assert_int_equal(offset_at(&casa, INT64_C(1768003200), NULL), 3600); /* 2026-01-10 */
    assert_int_equal(offset_at(&casa, INT64_C(1796083200), NULL), 0);    /* 2026-12-01 */
    assert_true(zone("Asia/Gaza").trans_count > 0u);
    assert_true(zone("Asia/Hebron").trans_count > 0u);
    assert_int_equal(zone("America/New_York").trans_count, 0u);
}

static void test_rule_dates(void **state)
{
    bool dst;
    camp_tz_t tz;
    (void)state;

    /* J60 is 1 March in every year (29 February never counted), here at 25:00
     * = 2 March 01:00 (UTC offset 0). */
    tz = rule("AAA0BBB-1,J60/25,J300");
    assert_int_equal(offset_at(&tz, INT64_C(1835571599), &dst), 0); /* 2028-03-02T00:59:59Z */
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1835571600), &dst), 3600); /* 2028-03-02T01:00Z */
    assert_true(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1803949199), NULL), 0); /* 2027 too */
    assert_int_equal(offset_at(&tz, INT64_C(1803949200), NULL), 3600);

    /* Zero-based n counts 29 February: day 59 is Feb 29 in 2028, Mar 1 in 2027. */
    tz = rule("AAA0BBB-1,59/0,300/0");
    assert_int_equal(offset_at(&tz, INT64_C(1835395199), NULL), 0);
    assert_int_equal(offset_at(&tz, INT64_C(1835395200), NULL), 3600); /* 2028-02-29T00:00Z */
    assert_int_equal(offset_at(&tz, INT64_C(1803859199), NULL), 0);
    assert_int_equal(offset_at(&tz, INT64_C(1803859200), NULL), 3600); /* 2027-03-01T00:00Z */

    /* Negative time: last Sunday of March 2026 (29th) at -2:00 = Sat 22:00 local
     * (UTC-3) = 2026-03-29T01:00Z. */
    tz = rule("AAA3BBB,M3.5.0/-2,M10.5.0/-2");
    assert_int_equal(offset_at(&tz, INT64_C(1774746000) - 1, NULL), -10800);
    assert_int_equal(offset_at(&tz, INT64_C(1774746000), NULL), -7200);

    /* A start on 1 January 03:00 local (+3:25:45) falls on 31 December UTC:
     * like zic/tzcode, the rule year is the local one, so DST begins at
     * 2026-12-31T23:34:15Z (glibc's bare-rule code would wait for 2027 UTC). */
    tz = rule("XXX-3:25:45YYY-4:25:45,J1/3,J365/1");
    assert_int_equal(offset_at(&tz, INT64_C(1798760054), &dst), 12345);
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1798760055), &dst), 15945);
    assert_true(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1798761599), &dst), 15945);

    /* Perpetual DST encoded as Jan 1 00:00 .. Dec 31 25:00. */
    tz = rule("EST5EDT,0/0,J365/25");
    assert_int_equal(offset_at(&tz, INT64_C(1767225600), &dst), -14400);
    assert_true(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1798761600) + 3600, &dst), -14400); /* 2027-01-01 */
    assert_int_equal(offset_at(&tz, INT64_C(1783425600), &dst), -14400);
    assert_true(dst);
}

/* `n` counts days after 1 January (tzcode), so day 365 is 31 December in a
 * leap year and 1 January of the next year in a common one. With a start on
 * day 0, a common year's DST period would then last longer than the year, so
 * (tzcode) common years add no transitions and the state of the last leap
 * year's end holds for up to three years: the engine must look back further
 * than the year before (fuzz regression to-utc-misses-instant-rule-end-day-365). */
static void test_rule_zero_based_day_365(void **state)
{
    bool dst = true;
    camp_tz_t tz;
    int64_t t;
    (void)state;

    tz = rule("AAA0BBB-1,300/0,365/0"); /* UTC+0, DST +1 h */
    /* 2027 (common): day 365 = 2028-01-01 00:00 DST = 2027-12-31T23:00Z. */
    assert_int_equal(offset_at(&tz, INT64_C(1830294000) - 1, NULL), 3600);
    assert_int_equal(offset_at(&tz, INT64_C(1830294000), NULL), 0);
    /* 2028 (leap): day 365 = 31 December 00:00 DST = 2028-12-30T23:00Z. */
    assert_int_equal(offset_at(&tz, INT64_C(1861830000) - 1, NULL), 3600);
    assert_int_equal(offset_at(&tz, INT64_C(1861830000), NULL), 0);

    tz = rule("YOK5BRB,0,365/7"); /* UTC-5, DST UTC-4 */
    /* Leap year 2028: DST from 1 Jan 02:00 EST to 31 Dec 07:00 DST. */
    assert_int_equal(offset_at(&tz, INT64_C(1830322800) - 1, &dst), -18000);
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1830322800), &dst), -14400); /* 2028-01-01T07:00Z */
    assert_true(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1861873200) - 1, &dst), -14400);
    assert_true(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1861873200), &dst), -18000); /* 2028-12-31T11:00Z */
    assert_false(dst);
    /* 2029..2031 (common years): no change, standard time throughout; the
     * last transition is years back (before the fix, mid-2031 read as DST
     * and to_utc() missed instants around New Year). */
    assert_int_equal(offset_at(&tz, INT64_C(1893495600), &dst), -18000); /* 2030-01-01T11:00Z */
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1940673600), &dst), -18000); /* 2031-07-01T12:00Z */
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1956553200) - 1, &dst), -18000);
    assert_false(dst);
    assert_int_equal(offset_at(&tz, INT64_C(1956553200), &dst), -14400); /* 2032-01-01T07:00Z */
    assert_true(dst);
    /* The first instant: the last change was 1996-12-31, not "perpetual DST". */
    assert_int_equal(offset_at(&tz, CAMP_TZ_MIN_UTC, &dst), -18000);
    assert_false(dst);

    /* Round trip, every 6 h 17 s over 2026..2033: offset as above, and
     * to_utc(to_local(t)) contains t. */
    for (t = INT64_C(1767225600); t < INT64_C(2019686400); t += 6 * 3600 + 17) {
        camp_tz_local_t l;
        int64_t e = 0;
        int64_t la = 0;
        unsigned n = 9;
        bool want_dst = (t >= INT64_C(1830322800) && t < INT64_C(1861873200)) ||
                        (t >= INT64_C(1956553200) && t < INT64_C(1988103600)); /* 2032 */
        assert_int_equal(camp_tz_to_local(&tz, t, &l), CAMP_OK);
        assert_int_equal(l.is_dst, want_dst);
        assert_int_equal(l.offset, want_dst ? -14400 : -18000);
        assert_int_equal(camp_tz_to_utc(&tz, &l, &e, &la, &n), CAMP_OK);
        assert_true(n == 1u || n == 2u);
        assert_true(e == t || la == t);
    }
}

static void test_to_local(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_tz_local_t l;
    (void)state;

    assert_int_equal(camp_tz_to_local(&ny, INT64_C(1772955000), &l), CAMP_OK); /* 07:30Z */
    assert_int_equal(l.year, 2026);
    assert_int_equal(l.month, 3);
    assert_int_equal(l.day, 8);
    assert_int_equal(l.hour, 3);
    assert_int_equal(l.minute, 30);
    assert_int_equal(l.second, 0);
    assert_int_equal(l.wday, 0); /* Sunday */
    assert_int_equal(l.yday, 66);
    assert_int_equal(l.offset, -14400);
    assert_true(l.is_dst);

    /* The first instant: local time falls in 1999. */
    assert_int_equal(camp_tz_to_local(&ny, CAMP_TZ_MIN_UTC, &l), CAMP_OK);
    assert_int_equal(l.year, 1999);
    assert_int_equal(l.month, 12);
    assert_int_equal(l.day, 31);
    assert_int_equal(l.hour, 19);
    assert_int_equal(l.wday, 5);
    assert_int_equal(l.yday, 364);
    assert_int_equal(camp_tz_to_local(&ny, CAMP_TZ_END_UTC, &l), CAMP_ERR_TIME_RANGE);
    assert_int_equal(camp_tz_to_local(&ny, CAMP_TZ_MIN_UTC, NULL), CAMP_ERR_ARG);
}

static camp_tz_local_t civil(int y, int mo, int d, int h, int mi, int s)
{
    camp_tz_local_t l;
    memset(&l, 0, sizeof l);
    l.year = y;
    l.month = (uint8_t)mo;
    l.day = (uint8_t)d;
    l.hour = (uint8_t)h;
    l.minute = (uint8_t)mi;
    l.second = (uint8_t)s;
    return l;
}

static void test_to_utc_gaps_and_repeats(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_tz_t lh = zone("Australia/Lord_Howe");
    camp_tz_local_t l;
    int64_t e = 0;
    int64_t la = 0;
    unsigned n = 9;
    (void)state;

    l = civil(2026, 3, 9, 9, 0, 0); /* ordinary */
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, &la, &n), CAMP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(e, INT64_C(1773061200));
    assert_int_equal(la, e);

    l = civil(2026, 3, 8, 2, 30, 0); /* skipped: spring forward */
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, &la, &n), CAMP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(e, INT64_C(1772955000)); /* 07:30Z = 03:30 EDT */

    l = civil(2026, 11, 1, 1, 30, 0); /* repeated: fall back */
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, &la, &n), CAMP_OK);
    assert_int_equal(n, 2);
    assert_int_equal(e, INT64_C(1793511000));  /* 05:30Z EDT */
    assert_int_equal(la, INT64_C(1793514600)); /* 06:30Z EST */

    /* Lord Howe goes back 30 minutes: 01:30..02:00 happens twice. */
    l = civil(2026, 4, 5, 1, 45, 0);
    assert_int_equal(camp_tz_to_utc(&lh, &l, &e, &la, &n), CAMP_OK);
    assert_int_equal(n, 2);
    assert_int_equal(e, INT64_C(1775313900));
    assert_int_equal(la, INT64_C(1775315700));
    /* ... and forward 30 minutes: 02:00..02:30 never happens. */
    l = civil(2026, 10, 4, 2, 15, 0);
    assert_int_equal(camp_tz_to_utc(&lh, &l, &e, NULL, &n), CAMP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(e, INT64_C(1791041400) + 15 * 60); /* reads 02:45 LHDT */

    l = civil(2026, 2, 29, 0, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, NULL), CAMP_ERR_ARG);
    l = civil(2026, 13, 1, 0, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, NULL), CAMP_ERR_ARG);
    l = civil(2026, 1, 1, 24, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, NULL), CAMP_ERR_ARG);
    /* 1999-12-31 18:00 in New York is before 2000-01-01T00:00Z. */
    l = civil(1999, 12, 31, 18, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, NULL), CAMP_ERR_TIME_RANGE);
    l = civil(1999, 12, 31, 19, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, &n), CAMP_OK);
    assert_int_equal(e, CAMP_TZ_MIN_UTC);
    assert_int_equal(camp_tz_to_utc(&ny, NULL, &e, NULL, NULL), CAMP_ERR_ARG);
}

/* The calendar ends of the range: 2000 is leap (a multiple of 400), 2100 is
 * not (a multiple of 100), and the last instant is local 2100-01-01 east of
 * UTC. Values from Python's zoneinfo. */
static void test_calendar_2000_and_2100(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_tz_t tokyo = zone("Asia/Tokyo");
    camp_tz_local_t l;
    int64_t e = 0;
    unsigned n = 9;
    (void)state;

    l = civil(2000, 2, 29, 12, 0, 0);
    assert_int_equal(camp_tz_to_utc(&ny, &l, &e, NULL, &n), CAMP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(e, INT64_C(951843600));
    l = civil(2100, 2, 29, 0, 0, 0);
    assert_int_equal(camp_tz_to_utc(&tokyo, &l, &e, NULL, NULL), CAMP_ERR_ARG);
    l = civil(2100, 1, 1, 8, 59, 59);
    assert_int_equal(camp_tz_to_utc(&tokyo, &l, &e, NULL, &n), CAMP_OK);
    assert_int_equal(e, CAMP_TZ_END_UTC - 1);
    l = civil(2100, 1, 1, 9, 0, 0);
    assert_int_equal(camp_tz_to_utc(&tokyo, &l, &e, NULL, NULL), CAMP_ERR_TIME_RANGE);

    assert_int_equal(camp_tz_to_local(&ny, INT64_C(978282000), &l), CAMP_OK);
    assert_int_equal(l.year, 2000);
    assert_int_equal(l.month, 12);
    assert_int_equal(l.day, 31);
    assert_int_equal(l.yday, 365); /* day 366 of a leap year */
    assert_int_equal(l.wday, 0);
    assert_int_equal(camp_tz_to_local(&tokyo, CAMP_TZ_END_UTC - 1, &l), CAMP_OK);
    assert_int_equal(l.year, 2100);
    assert_int_equal(l.month, 1);
    assert_int_equal(l.day, 1);
    assert_int_equal(l.hour, 8);
    assert_int_equal(l.yday, 0);
    assert_int_equal(l.wday, 5); /* Friday */
}

/* ------------------------------------------------------------ windows */

static void test_window_basic_and_minutes(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_week_windows_t w = weekdays(540, 1020); /* Mon-Fri 09:00-17:00 */
    const int64_t mon9 = INT64_C(1773061200);    /* Mon 2026-03-09 09:00 EDT */
    (void)state;

    assert_false(is_open(&ny, &w, mon9 - 1));
    assert_true(is_open(&ny, &w, mon9));
    assert_true(is_open(&ny, &w, mon9 + 8 * 3600 - 1)); /* 16:59:59 */
    assert_false(is_open(&ny, &w, mon9 + 8 * 3600));    /* 17:00:00 */
    /* next opening: at t when open, else the start of the first open minute */
    assert_int_equal(next_open(&ny, &w, mon9 + 100), mon9 + 100);
    assert_int_equal(next_open(&ny, &w, mon9 - 30), mon9);
    assert_int_equal(next_open(&ny, &w, mon9 + 8 * 3600), mon9 + 86400); /* Tuesday */
    /* Friday 17:00 -> Monday 09:00, across the weekend. */
    assert_int_equal(next_open(&ny, &w, mon9 + 4 * 86400 + 8 * 3600), mon9 + 7 * 86400);
}

static void test_window_new_york_spring_forward(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    const int64_t jump = INT64_C(1772953200); /* Sun 2026-03-08 07:00Z: 02:00 EST -> 03:00 EDT */
    camp_week_windows_t w;
    (void)state;

    /* 02:30-04:00: the skipped half never happens; it opens at 03:00 EDT. */
    w = one_day(0, 150, 240);
    assert_false(is_open(&ny, &w, jump - 1)); /* 01:59:59 EST */
    assert_true(is_open(&ny, &w, jump));      /* 03:00:00 EDT */
    assert_int_equal(next_open(&ny, &w, jump - 7200), jump);

    /* 02:00-03:00 lies entirely in the gap: no opening that day; the next is
     * Sunday 15 March 02:00 EDT (06:00Z). */
    w = one_day(0, 120, 180);
    assert_int_equal(next_open(&ny, &w, jump - 7200), INT64_C(1773554400));
    /* From Saturday 00:00 EST that is 8 days + 1 h ahead: "never". */
    assert_int_equal(next_open(&ny, &w, INT64_C(1772859600)), -1);
}

static void test_window_new_york_fall_back(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_week_windows_t w = one_day(0, 60, 120); /* Sunday 01:00-02:00 */
    (void)state;

    /* 2026-11-01: 01:00-02:00 happens twice, open both times (05:00Z..07:00Z). */
    assert_false(is_open(&ny, &w, INT64_C(1793509200) - 1)); /* 00:59:59 EDT */
    assert_true(is_open(&ny, &w, INT64_C(1793511000)));      /* 01:30 EDT */
    assert_true(is_open(&ny, &w, INT64_C(1793512800)));      /* 01:00 EST, after the change */
    assert_true(is_open(&ny, &w, INT64_C(1793514600)));      /* 01:30 EST */
    assert_false(is_open(&ny, &w, INT64_C(1793516400)));     /* 02:00 EST */
    assert_int_equal(next_open(&ny, &w, INT64_C(1793509200) - 600), INT64_C(1793509200));
}

static void test_window_berlin(void **state)
{
    camp_tz_t be = zone("Europe/Berlin");
    const int64_t jump = INT64_C(1774746000); /* Sun 2026-03-29 01:00Z: 02:00 CET -> 03:00 CEST */
    camp_week_windows_t w;
    (void)state;

    w = one_day(0, 0, 1440); /* all Sunday */
    assert_true(is_open(&be, &w, jump - 1));
    assert_true(is_open(&be, &w, jump));
    w = one_day(0, 120, 180); /* 02:00-03:00: skipped this Sunday */
    assert_int_equal(next_open(&be, &w, jump - 7200), INT64_C(1775347200)); /* Apr 5 02:00 CEST */
    w = one_day(0, 150, 200); /* 02:30-03:20: opens at 03:00 CEST */
    assert_int_equal(next_open(&be, &w, jump - 7200), jump);
}

static void test_window_sydney_southern_hemisphere(void **state)
{
    camp_tz_t syd = zone("Australia/Sydney");
    camp_week_windows_t w = one_day(0, 120, 180); /* Sunday 02:00-03:00 */
    (void)state;

    /* DST ends Sun 2026-04-05 03:00 AEDT -> 02:00 AEST: 02:00-03:00 twice,
     * so the window stays open 15:00Z..17:00Z (Saturday UTC). */
    assert_int_equal(next_open(&syd, &w, INT64_C(1775314800) - 3600), INT64_C(1775314800));
    assert_true(is_open(&syd, &w, INT64_C(1775314800) + 1800));
    assert_true(is_open(&syd, &w, INT64_C(1775318400) + 1800));
    assert_false(is_open(&syd, &w, INT64_C(1775322000)));
    /* DST starts Sun 2026-10-04 02:00 AEST -> 03:00 AEDT: the window is skipped;
     * the next one is 11 October 02:00 AEDT = 10 October 15:00Z. */
    assert_int_equal(next_open(&syd, &w, INT64_C(1791043200) - 7200),
                     INT64_C(1791043200) + 7 * 86400 - 3600);
}

static void test_window_half_and_quarter_hour_zones(void **state)
{
    camp_week_windows_t w = weekdays(540, 1020);
    const int64_t mon0 = INT64_C(1773014400); /* Mon 2026-03-09 00:00Z */
    camp_tz_t kol = zone("Asia/Kolkata");
    camp_tz_t kat = zone("Asia/Kathmandu");
    camp_tz_t lh = zone("Australia/Lord_Howe");
    camp_week_windows_t sun = one_day(0, 120, 180);
    (void)state;

    assert_int_equal(next_open(&kol, &w, mon0), INT64_C(1773027000)); /* 09:00 IST = 03:30Z */
    assert_false(is_open(&kol, &w, INT64_C(1773027000) - 1));
    assert_true(is_open(&kol, &w, INT64_C(1773027000)));
    assert_int_equal(next_open(&kat, &w, mon0), INT64_C(1773026100)); /* 09:00 NPT = 03:15Z */
    assert_false(is_open(&kat, &w, INT64_C(1773026100) - 1));
    assert_true(is_open(&kat, &w, INT64_C(1773026100)));

    /* Lord Howe springs forward 30 minutes (02:00 -> 02:30 on 2026-10-04):
     * a 02:00-03:00 window opens at 02:30 LHDT = 15:30Z. */
    assert_false(is_open(&lh, &sun, INT64_C(1791041400) - 1)); /* 01:59:59 LHST */
    assert_true(is_open(&lh, &sun, INT64_C(1791041400)));
    assert_int_equal(next_open(&lh, &sun, INT64_C(1791041400) - 3600), INT64_C(1791041400));
    /* ... and falls back 30 minutes on 2026-04-05: 01:30-02:00 twice. */
    sun = one_day(0, 90, 120);
    assert_true(is_open(&lh, &sun, INT64_C(1775313900))); /* 01:45 LHDT */
    assert_true(is_open(&lh, &sun, INT64_C(1775315700))); /* 01:45 LHST */
}

/* With seconds in an offset, an offset change can land in the middle of a
 * local minute: the first open instant is then the change itself, not a
 * local minute start (fuzz regression next-open-at-seconds-offset-change).
 * "EST4:59:59EDT1,J6,J6": on 6 January DST ends at 02:00 DST = 03:00Z (back
 * to UTC-4:59:59, local 22:00:01 on the 5th) and starts again at 02:00 std =
 * 06:59:59Z, where local time jumps from 01:59:59 to 05:59:59 (UTC-1). */
static void test_window_opens_at_offset_change_mid_minute(void **state)
{
    camp_tz_t tz = rule("EST4:59:59EDT1,J6,J6");
    const int64_t change = INT64_C(1799218799);   /* 2027-01-06T06:59:59Z, a Wednesday */
    camp_week_windows_t w = one_day(3, 180, 420); /* Wednesday 03:00-07:00 */
    camp_tz_local_t l;
    (void)state;

    assert_int_equal(offset_at(&tz, change - 1, NULL), -17999);
    assert_int_equal(offset_at(&tz, change, NULL), -3600);
    assert_int_equal(camp_tz_to_local(&tz, change, &l), CAMP_OK);
    assert_int_equal(l.hour, 5);
    assert_int_equal(l.minute, 59);
    assert_int_equal(l.second, 59);
    /* 03:00..05:59:58 never happen; 05:59:59 (minute 359) is open, so the
     * window opens at the change, one second before 06:00:00 local. */
    assert_false(is_open(&tz, &w, change - 1)); /* 01:59:59 local */
    assert_true(is_open(&tz, &w, change));
    assert_int_equal(next_open(&tz, &w, INT64_C(1799193600)), change); /* from 00:00Z */
    w = one_day(3, 359, 420);                                          /* 05:59: same */
    assert_int_equal(next_open(&tz, &w, INT64_C(1799193600)), change);
    w = one_day(3, 360, 420); /* 06:00: a local minute start, one second later */
    assert_int_equal(next_open(&tz, &w, INT64_C(1799193600)), change + 1);
    assert_false(is_open(&tz, &w, change));
}

static void test_window_end_1440_and_week_wrap(void **state)
{
    camp_tz_t utc = zone("UTC");
    camp_week_windows_t w;
    const int64_t sun0 = INT64_C(1772928000); /* Sun 2026-03-08 00:00Z */
    (void)state;

    memset(&w, 0, sizeof w);
    w.day[1].has_window = true; /* Monday 23:00-24:00 */
    w.day[1].start = 1380;
    w.day[1].end = 1440;
    w.day[2].has_window = true; /* Tuesday 00:00-01:00 */
    w.day[2].start = 0;
    w.day[2].end = 60;
    assert_true(is_open(&utc, &w, sun0 + 2 * 86400 - 1)); /* Mon 23:59:59 */
    assert_true(is_open(&utc, &w, sun0 + 2 * 86400));     /* Tue 00:00 */
    assert_false(is_open(&utc, &w, sun0 + 2 * 86400 + 3600));
    /* Saturday 23:00 window, asked on Sunday: next Saturday (6 days). */
    w = one_day(6, 1380, 1440);
    assert_int_equal(next_open(&utc, &w, sun0 + 3600), sun0 + 6 * 86400 + 1380 * 60);
    assert_true(is_open(&utc, &w, sun0 - 1)); /* Sat 23:59:59 before */
    /* Sunday only, asked just after it closes: a full week ahead (within 8 days). */
    w = one_day(0, 540, 600);
    assert_int_equal(next_open(&utc, &w, sun0 + 600 * 60), sun0 + 7 * 86400 + 540 * 60);
}

static void test_window_empty_and_never(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_week_windows_t w;
    bool found = true;
    int64_t next = 42;
    (void)state;

    memset(&w, 0, sizeof w);
    assert_false(is_open(&ny, &w, INT64_C(1773061200)));
    assert_int_equal(camp_schedule_next_open(&ny, &w, INT64_C(1773061200), &found, &next), CAMP_OK);
    assert_false(found);
    assert_int_equal(next, 42); /* untouched */
    /* Near the end of the range the search stops at 2099-12-31T23:59:59Z. */
    w = one_day(1, 540, 600); /* Monday; 2099-12-31 is a Thursday */
    ny = zone("UTC");
    assert_int_equal(next_open(&ny, &w, INT64_C(4102401600)), -1);
}

static void test_window_errors(void **state)
{
    camp_tz_t ny = zone("America/New_York");
    camp_week_windows_t w;
    camp_diag_t d;
    bool b;
    int64_t n;
    (void)state;

    w = one_day(3, 600, 600);
    assert_int_equal(camp_week_windows_check(&w, &d), CAMP_ERR_SCHEDULE);
    assert_string_equal(d.path, "$.day[3].start");
    assert_int_equal(camp_schedule_is_open(&ny, &w, INT64_C(1773061200), &b), CAMP_ERR_SCHEDULE);
    w = one_day(5, 0, 1441);
    assert_int_equal(camp_week_windows_check(&w, &d), CAMP_ERR_SCHEDULE);
    assert_string_equal(d.path, "$.day[5].end");
    assert_true(d.has_limit);
    assert_int_equal(d.limit_max, 1440);
    assert_int_equal(camp_schedule_next_open(&ny, &w, INT64_C(1773061200), &b, &n),
                     CAMP_ERR_SCHEDULE);
    w = one_day(0, 0, 1440);
    assert_int_equal(camp_week_windows_check(&w, NULL), CAMP_OK);
    assert_int_equal(camp_week_windows_check(NULL, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_schedule_is_open(&ny, &w, CAMP_TZ_MIN_UTC - 1, &b), CAMP_ERR_TIME_RANGE);
    assert_int_equal(camp_schedule_next_open(&ny, &w, CAMP_TZ_END_UTC, &b, &n),
                     CAMP_ERR_TIME_RANGE);
    assert_int_equal(camp_schedule_is_open(NULL, &w, CAMP_TZ_MIN_UTC, &b), CAMP_ERR_ARG);
    assert_int_equal(camp_schedule_is_open(&ny, &w, CAMP_TZ_MIN_UTC, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_schedule_next_open(&ny, &w, CAMP_TZ_MIN_UTC, NULL, &n), CAMP_ERR_ARG);
}

/* next_open against a brute-force scan of every minute for 8 days, for
 * random sparse weeks in DST zones, starting near their 2026 changes. */
static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

static void test_next_open_matches_minute_scan(void **state)
{
    static const char *const zones[] = {
        "America/New_York", "Europe/Berlin",     "Australia/Sydney", "Australia/Lord_Howe",
        "Asia/Kathmandu",   "Africa/Casablanca", "America/Havana",   "Pacific/Chatham"};
    /* Around 2026 changes: NY Mar 8 / Nov 1, Berlin Mar 29 / Oct 25, Sydney Apr 5 / Oct 4. */
    static const int64_t anchors[] = {INT64_C(1772953200), INT64_C(1793512800),
                                      INT64_C(1774746000), INT64_C(1792890000),
                                      INT64_C(1775318400), INT64_C(1791043200)};
    uint32_t seed = 12345u;
    unsigned c;
    (void)state;

    for (c = 0; c < 200u; c++) {
        camp_tz_t tz = zone(zones[c % 8u]);
        camp_week_windows_t w;
        int64_t t = anchors[lcg(&seed) % 6u] - 5 * 86400 + (int64_t)(lcg(&seed) % (10u * 86400u));
        int64_t want = -1;
        int64_t m;
        unsigned d;

        memset(&w, 0, sizeof w);
        for (d = 0; d < 7u; d++) {
            if (lcg(&seed) % 4u == 0u) {
                unsigned start = lcg(&seed) % 1440u;
                w.day[d].has_window = true;
                w.day[d].start = (uint16_t)start;
                w.day[d].end = (uint16_t)(start + 1u + lcg(&seed) % (1440u - start));
            }
        }
        if (is_open(&tz, &w, t)) {
            want = t;
        } else {
            for (m = (t / 60 + 1) * 60; m <= t + CAMP_SCHEDULE_HORIZON_S; m += 60) {
                if (is_open(&tz, &w, m)) {
                    want = m;
                    break;
                }
            }
        }
        assert_int_equal(next_open(&tz, &w, t), want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_exact_and_case_sensitive),
        cmocka_unit_test(test_name_table_is_sorted_and_complete),
        cmocka_unit_test(test_table_rules_are_the_parsed_rules),
        cmocka_unit_test(test_find_errors),
        cmocka_unit_test(test_parse_rules),
        cmocka_unit_test(test_parse_malformed_rules),
        cmocka_unit_test(test_offsets_and_range),
        cmocka_unit_test(test_carried_transitions),
        cmocka_unit_test(test_rule_dates),
        cmocka_unit_test(test_rule_zero_based_day_365),
        cmocka_unit_test(test_to_local),
        cmocka_unit_test(test_to_utc_gaps_and_repeats),
        cmocka_unit_test(test_calendar_2000_and_2100),
        cmocka_unit_test(test_window_basic_and_minutes),
        cmocka_unit_test(test_window_new_york_spring_forward),
        cmocka_unit_test(test_window_new_york_fall_back),
        cmocka_unit_test(test_window_berlin),
        cmocka_unit_test(test_window_sydney_southern_hemisphere),
        cmocka_unit_test(test_window_half_and_quarter_hour_zones),
        cmocka_unit_test(test_window_opens_at_offset_change_mid_minute),
        cmocka_unit_test(test_window_end_1440_and_week_wrap),
        cmocka_unit_test(test_window_empty_and_never),
        cmocka_unit_test(test_window_errors),
        cmocka_unit_test(test_next_open_matches_minute_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
