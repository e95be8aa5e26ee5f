/* The schedule engine against the host's tzdata through glibc (test code
 * only: setenv("TZ") + tzset() + localtime_r()).
 *
 * For every name in the compiled table: instants every ~25 hours from
 * 2026-01-01 to 2037-12-31 (about 4,200 per zone, drifting through every
 * hour of the day), and around every
 * transition glibc shows (found by bisection between samples) the seconds
 * just before, at and after it plus every 10 minutes for 2 hours either side.
 * Each instant compares the local civil fields, the UTC offset and the DST
 * flag; each local time is also converted back and must give the instant.
 * 0 mismatches allowed. A table generated from another tzdata than the
 * host's fails here: run `make tz`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

/* Under valgrind (memory checking, ~50x slower) sample 8x more sparsely and
 * keep only the seconds around each transition; accuracy is proven natively. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() 0
#endif

#include "camp/camp_schedule.h"

#define T_BEGIN INT64_C(1767225600) /* 2026-01-01T00:00:00Z */
#define T_END INT64_C(2145916800)   /* 2038-01-01T00:00:00Z */
#define T_STEP INT64_C(90007)       /* ~25 h: samples drift through the hours and minutes */
#define MAX_REPORTS 20

typedef struct stats {
    long checks;
    long mismatches;
    long transitions;
    int reports;
} stats_t;

static void glibc_at(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    memset(tm, 0, sizeof *tm);
    assert_non_null(localtime_r(&tt, tm));
}

static void compare(const char *zone, const camp_tz_t *tz, int64_t t, stats_t *st)
{
    struct tm g;
    camp_tz_local_t l;
    camp_status_t rc;
    int64_t e = 0;
    int64_t la = 0;
    unsigned n = 0;
    int bad;

    glibc_at(t, &g);
    rc = camp_tz_to_local(tz, t, &l);
    st->checks++;
    bad = rc != CAMP_OK || l.year != g.tm_year + 1900 || l.month != g.tm_mon + 1 ||
          l.day != g.tm_mday || l.hour != g.tm_hour || l.minute != g.tm_min ||
          l.second != g.tm_sec || l.wday != g.tm_wday || l.yday != g.tm_yday ||
          l.offset != g.tm_gmtoff || (l.is_dst ? 1 : 0) != (g.tm_isdst > 0 ? 1 : 0);
    if (!bad) {
        rc = camp_tz_to_utc(tz, &l, &e, &la, &n);
        bad = rc != CAMP_OK || n < 1u || (e != t && la != t);
    }
    if (bad) {
        st->mismatches++;
        if (st->reports++ < MAX_REPORTS) {
            print_message(
                "MISMATCH %s t=%lld: glibc %04d-%02d-%02d %02d:%02d:%02d off %ld dst %d;"
                " camp rc %d %04d-%02d-%02d %02d:%02d:%02d off %d dst %d (back %lld/%lld n=%u)\n",
                zone, (long long)t, g.tm_year + 1900, g.tm_mon + 1, g.tm_mday, g.tm_hour, g.tm_min,
                g.tm_sec, (long)g.tm_gmtoff, g.tm_isdst, (int)rc, (int)l.year, l.month, l.day,
                l.hour, l.minute, l.second, (int)l.offset, (int)l.is_dst, (long long)e,
                (long long)la, n);
        }
    }
}

/* glibc's (offset, dst) as one comparable number. */
static long glibc_state(int64_t t)
{
    struct tm g;
    glibc_at(t, &g);
    return (long)g.tm_gmtoff * 2 + (g.tm_isdst > 0 ? 1 : 0);
}

static void around_transition(const char *zone, const camp_tz_t *tz, int64_t a, int64_t b,
                              stats_t *st)
{
    long sa = glibc_state(a);
    int64_t k;

    /* Bisect (a, b] down to the first second with the new state. */
    while (b - a > 1) {
        int64_t mid = a + (b - a) / 2;
        if (glibc_state(mid) == sa) {
            a = mid;
        } else {
            b = mid;
        }
    }
    st->transitions++;
    compare(zone, tz, b - 1, st);
    compare(zone, tz, b, st);
    compare(zone, tz, b + 1, st);
    for (k = -7200; k <= 7200 && !UNDER_VALGRIND(); k += 600) {
        compare(zone, tz, b + k, st);
    }
}

/* The table is stamped with the tzdata version it came from. When the host's
 * tzdata is another release, glibc and the table legitimately differ wherever
 * the rules changed, so the comparison cannot run: the test skips with a
 * message saying to run `make tz`. That skip is not listed in
 * tests/expected-skips.txt, so `make check` fails on it instead of counting it
 * as passed; tools/deps.sh brings tzdata to the newest release available. */
static bool host_tzdata_matches_table(void)
{
    char line[64] = "";
    char host[32] = "";
    FILE *f = fopen("/usr/share/zoneinfo/tzdata.zi", "r");
    if (f == NULL) {
        print_message("no /usr/share/zoneinfo/tzdata.zi: cannot tell the host's tzdata version\n");
        return false;
    }
    if (fgets(line, sizeof line, f) == NULL || sscanf(line, "# version %31s", host) != 1) {
        host[0] = '\0';
    }
    fclose(f);
    if (strcmp(host, camp_tz_db_version()) != 0) {
        print_message("host tzdata is '%s', the table is from '%s': run `make tz` and commit "
                      "lib/schedule/tzdb_table.c; skipping the comparison\n",
                      host, camp_tz_db_version());
        return false;
    }
    return true;
}

static void test_every_zone_matches_glibc(void **state)
{
    size_t i;
    size_t count = camp_tz_count();
    stats_t st;
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    char env[128];
    int64_t step = UNDER_VALGRIND() ? T_STEP * 8 : T_STEP;

    (void)state;
    if (!host_tzdata_matches_table()) {
        free(saved);
        skip();
    }
    memset(&st, 0, sizeof st);
    assert_true(count > 400u);
    for (i = 0; i < count; i++) {
        const char *zone = camp_tz_name(i);
        camp_tz_t tz;
        int64_t t;
        long prev;

        assert_non_null(zone);
        assert_int_equal(camp_tz_find(zone, strlen(zone), &tz), CAMP_OK);
        snprintf(env, sizeof env, ":%s", zone);
        assert_int_equal(setenv("TZ", env, 1), 0);
        tzset();
        prev = glibc_state(T_BEGIN);
        for (t = T_BEGIN; t < T_END; t += step) {
            long cur = glibc_state(t);
            if (cur != prev && t > T_BEGIN) {
                around_transition(zone, &tz, t - step, t, &st);
            }
            prev = cur;
            compare(zone, &tz, t, &st);
        }
    }
    if (saved != NULL) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    print_message("glibc comparison: %zu zones, %ld instants, %ld transitions, %ld mismatches\n",
                  count, st.checks, st.transitions, st.mismatches);
    assert_true(st.transitions > (UNDER_VALGRIND() ? 500 : 1000));
    assert_int_equal(st.mismatches, 0);
}

/* POSIX rule strings given directly (TZ=rule: glibc's own rule code, no
 * TZif data): negative and >24 h times, Jn and n dates, seconds in offsets,
 * negative DST, southern hemisphere, quoted names.
 * glibc evaluates a bare rule per UTC year (tzset.c compute_change), zic and
 * tzcode (whose output the TZif files and so the zone test above hold) and
 * this engine per rule year, so a transition that falls within hours of a UTC
 * New Year (J1/3 east of UTC) can differ between the two for those hours;
 * instants within 2 days of 1 January are left out here, and
 * test_schedule.c pins the tzcode behaviour there. */
static bool near_new_year(int64_t t)
{
    struct tm u;
    time_t tt = (time_t)t;
    gmtime_r(&tt, &u);
    return u.tm_yday < 2 || u.tm_yday > 362;
}

static void test_rule_strings_match_glibc(void **state)
{
    static const char *const rules[] = {
        "EST5EDT,M3.2.0,M11.1.0",
        "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
        "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
        "IST-1GMT0,M10.5.0,M3.5.0/1",
        "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
        "EET-2EEST,M3.4.4/50,M10.4.4/50",
        "<-04>4<-03>,M9.1.6/24,M4.1.6/24",
        "AAA3BBB,M3.5.0/-2,M10.5.0/-2",
        "AAA+5BBB+4:30,J60/25,300/-2:30:15",
        "XXX-3:25:45YYY-4:25:45,J1/3,J365/1",
        "CCC0DDD-1,59/0,300/0",
        "<+0545>-5:45",
    };
    size_t i;
    stats_t st;
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

    (void)state;
    memset(&st, 0, sizeof st);
    for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        camp_tz_t tz;
        int64_t t;
        long prev;

        assert_int_equal(camp_tz_parse(rules[i], strlen(rules[i]), &tz, NULL), CAMP_OK);
        assert_int_equal(setenv("TZ", rules[i], 1), 0);
        tzset();
        prev = glibc_state(T_BEGIN);
        for (t = T_BEGIN; t < T_END; t += T_STEP) {
            long cur = glibc_state(t);
            if (cur != prev && t > T_BEGIN && !near_new_year(t) && !near_new_year(t - T_STEP)) {
                around_transition(rules[i], &tz, t - T_STEP, t, &st);
            }
            prev = cur;
            if (!near_new_year(t)) {
                compare(rules[i], &tz, t, &st);
            }
        }
    }
    if (saved != NULL) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    print_message("glibc rule strings: %ld instants, %ld transitions, %ld mismatches\n", st.checks,
                  st.transitions, st.mismatches);
    assert_true(st.transitions > 200);
    assert_int_equal(st.mismatches, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_zone_matches_glibc),
        cmocka_unit_test(test_rule_strings_match_glibc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
