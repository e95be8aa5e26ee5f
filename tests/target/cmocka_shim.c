/*
 * Runtime of the cmocka-compatible shim (see cmocka.h) for bare-metal runs
 * under qemu with picolibc + semihosting.
 *
 * - Runs each test between setjmp/longjmp; a failed assert prints where and why.
 * - Paints the free stack with a pattern before each group and reports the
 *   high-water mark ("[  STACK   ] peak N bytes ...") so that stack growth of
 *   the unit tests on the target is visible in the log.
 * - Exports the environment variable SHARED from the qemu command line
 *   (`-append "SHARED=/abs/path"`, read through SYS_GET_CMDLINE), so tests find
 *   ../shared/fixtures through semihosting file I/O exactly as on the host.
 */
#include "cmocka.h"
#include "stack_paint.h"

#include <inttypes.h>
#include <semihost.h>
#include <stdio.h>

static jmp_buf shim_env;
static int shim_in_test;
static int shim_skipped;

/* ---- SHARED from the qemu command line ---------------------------------------- */
__attribute__((constructor)) static void shim_env_from_cmdline(void)
{
    static char cmdline[512];
    if (sys_semihost_get_cmdline(cmdline, (int)sizeof cmdline) != 0)
        return;
    cmdline[sizeof cmdline - 1] = '\0';
    char *p = strstr(cmdline, "SHARED=");
    if (p == NULL)
        return;
    char *v = p + 7;
    char *e = v;
    while (*e != '\0' && *e != ' ')
        e++;
    *e = '\0';
    setenv("SHARED", v, 1);
}

/* ---- reporting ------------------------------------------------------------------- */
void print_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

void print_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

void _shim_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    printf("[  ERROR   ] --- ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n[   LINE   ] --- %s:%d: error: Failure!\n", file, line);
    if (shim_in_test)
        longjmp(shim_env, 1);
    exit(1);
}

void _shim_skip(const char *file, int line)
{
    (void)file;
    (void)line;
    shim_skipped = 1;
    if (shim_in_test)
        longjmp(shim_env, 2);
    exit(0);
}

void _shim_assert_int(LargestIntegralType a, LargestIntegralType b, int want_equal, const char *ea,
                      const char *eb, const char *file, int line)
{
    if ((a == b) == (want_equal != 0))
        return;
    _shim_fail(file, line,
               "%s %s %s (%" PRIdMAX " / %#" PRIxMAX " vs %" PRIdMAX " / %#" PRIxMAX ")", ea,
               want_equal ? "!=" : "==", eb, (intmax_t)a, a, (intmax_t)b, b);
}

void _shim_assert_range(LargestIntegralType v, LargestIntegralType lo, LargestIntegralType hi,
                        int want_in, const char *ev, const char *file, int line)
{
    int in = v >= lo && v <= hi;
    if (in == (want_in != 0))
        return;
    _shim_fail(file, line, "%s = %" PRIuMAX " is %s %" PRIuMAX "..%" PRIuMAX, ev, v,
               want_in ? "not in" : "in", lo, hi);
}

void _shim_assert_string(const char *a, const char *b, int want_equal, const char *ea,
                         const char *eb, const char *file, int line)
{
    int eq = (a == NULL || b == NULL) ? (a == b) : (strcmp(a, b) == 0);
    if (eq == (want_equal != 0))
        return;
    _shim_fail(file, line, "%s (\"%s\") %s %s (\"%s\")", ea, a ? a : "(null)",
               want_equal ? "!=" : "==", eb, b ? b : "(null)");
}

void _shim_assert_memory(const void *a, const void *b, size_t n, int want_equal, const char *ea,
                         const char *eb, const char *file, int line)
{
    int eq = (a == NULL || b == NULL) ? (a == b) : (memcmp(a, b, n) == 0);
    if (eq == (want_equal != 0))
        return;
    _shim_fail(file, line, "%s %s %s (%u bytes)", ea, want_equal ? "!=" : "==", eb, (unsigned)n);
}

void _shim_assert_in_set(LargestIntegralType v, const LargestIntegralType *set, size_t n,
                         int want_in, const char *ev, const char *file, int line)
{
    int in = 0;
    for (size_t i = 0; i < n; i++)
        if (set[i] == v)
            in = 1;
    if (in == (want_in != 0))
        return;
    _shim_fail(file, line, "%s = %" PRIuMAX " is %s the set", ev, v, want_in ? "not in" : "in");
}

/* ---- will_return()/mock() ---------------------------------------------------------- */
#define SHIM_MOCKS 64
static struct {
    const char *fn;
    LargestIntegralType v;
    int count; /* -1: forever */
} shim_mocks[SHIM_MOCKS];
static size_t shim_mock_count;

void _shim_will_return(const char *fn, LargestIntegralType v, int count)
{
    if (shim_mock_count == SHIM_MOCKS)
        _shim_fail(__FILE__, __LINE__, "too many will_return() values (shim limit %d)", SHIM_MOCKS);
    shim_mocks[shim_mock_count].fn = fn;
    shim_mocks[shim_mock_count].v = v;
    shim_mocks[shim_mock_count].count = count;
    shim_mock_count++;
}

LargestIntegralType _shim_mock(const char *fn, const char *file, int line)
{
    for (size_t i = 0; i < shim_mock_count; i++) {
        if (strcmp(shim_mocks[i].fn, fn) != 0)
            continue;
        LargestIntegralType v = shim_mocks[i].v;
        if (shim_mocks[i].count > 0 && --shim_mocks[i].count == 0) {
            memmove(&shim_mocks[i], &shim_mocks[i + 1],
                    (shim_mock_count - i - 1) * sizeof shim_mocks[0]);
            shim_mock_count--;
        }
        return v;
    }
    _shim_fail(file, line, "no will_return() value queued for %s", fn);
}

/* ---- the group runner ----------------------------------------------------------------- */
int _cmocka_run_group_tests(const char *group_name, const struct CMUnitTest *tests, size_t count,
                            CMFixtureFunction group_setup, CMFixtureFunction group_teardown)
{
    /* volatile: modified between setjmp and longjmp */
    volatile size_t passed = 0, failed = 0, skipped = 0;
    volatile size_t peak = 0;
    const char *volatile peak_test = "";
    void *group_state = NULL;
    const char *failed_names[64];
    size_t nfailed_names = 0;

    printf("[==========] %s: Running %u test(s).\n", group_name, (unsigned)count);
    if (group_setup != NULL && group_setup(&group_state) != 0) {
        printf("[  ERROR   ] %s: group setup failed\n", group_name);
        printf("[  FAILED  ] %u test(s), listed below:\n", (unsigned)count);
        return (int)count;
    }
    for (size_t i = 0; i < count; i++) {
        const struct CMUnitTest *t = &tests[i];
        void *state = t->initial_state != NULL ? t->initial_state : group_state;
        volatile int ok = 1;
        printf("[ RUN      ] %s\n", t->name);
        shim_mock_count = 0;
        shim_skipped = 0;
        camp_stack_paint();
        shim_in_test = 1;
        int jr = setjmp(shim_env);
        if (jr == 0) {
            if (t->setup_func != NULL && t->setup_func(&state) != 0) {
                printf("[  ERROR   ] setup failed\n");
                ok = 0;
            } else {
                t->test_func(&state);
            }
        } else if (jr == 1) {
            ok = 0;
        }
        shim_in_test = 0;
        if (t->teardown_func != NULL && jr != 1 && t->teardown_func(&state) != 0) {
            printf("[  ERROR   ] teardown failed\n");
            ok = 0;
        }
        size_t used = camp_stack_high_water();
        if (used > peak) {
            peak = used;
            peak_test = t->name;
        }
        if (shim_skipped && ok) {
            printf("[  SKIPPED ] %s\n", t->name);
            skipped++;
        } else if (ok) {
            printf("[       OK ] %s\n", t->name);
            passed++;
        } else {
            printf("[  FAILED  ] %s\n", t->name);
            if (nfailed_names < sizeof failed_names / sizeof failed_names[0])
                failed_names[nfailed_names++] = t->name;
            failed++;
        }
    }
    if (group_teardown != NULL)
        (void)group_teardown(&group_state);
    printf("[  STACK   ] %s: peak %u bytes of stack (test %s)\n", group_name, (unsigned)peak,
           peak_test);
    printf("[==========] %s: %u test(s) run.\n", group_name, (unsigned)count);
    printf("[  PASSED  ] %u test(s).\n", (unsigned)passed);
    if (skipped > 0)
        printf("[  SKIPPED ] %u test(s).\n", (unsigned)skipped);
    if (failed > 0) {
        printf("[  FAILED  ] %u test(s), listed below:\n", (unsigned)failed);
        for (size_t i = 0; i < nfailed_names; i++)
            printf("[  FAILED  ] %s\n", failed_names[i]);
    }
    return (int)failed;
}
