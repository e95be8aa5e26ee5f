/*
 * A small cmocka-compatible shim for running tests/unit/test_*.c sources on a bare-metal
 * Cortex-M under qemu (semihosting, picolibc). It provides the subset of the
 * cmocka 1.1 API the unit tests use: test tables, group runners with
 * setup/teardown, the assert_* family, fail/skip, print_message and a minimal
 * will_return()/mock() queue. Output follows cmocka's format so that
 * tools/run-tests.sh and tests/target/run-qemu.sh count it the same way:
 *   [ RUN      ] name / [       OK ] name / [  FAILED  ] name / [  SKIPPED ] name
 *   [  PASSED  ] N test(s).   [  FAILED  ] N test(s), listed below:
 *
 * Not provided (a test using them does not build for the target and must stay
 * off TARGET_TESTS in mk/target.mk): expect_*()/check_expected(), leak checks
 * of test_malloc(), signal/crash catching (a fault stops the run; the runner
 * counts it as a failure through the exit status or the timeout).
 *
 * The runtime (tests/target/cmocka_shim.c) also paints the stack before each
 * group and reports the high-water mark of every group ("[  STACK   ] ...").
 */
#ifndef CAMP_TARGET_CMOCKA_SHIM_H
#define CAMP_TARGET_CMOCKA_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CAMP_CMOCKA_SHIM 1

typedef uintmax_t LargestIntegralType;
#define cast_to_largest_integral_type(value) ((LargestIntegralType)(value))
#define cast_ptr_to_largest_integral_type(value) ((LargestIntegralType)(uintptr_t)(value))

typedef void (*CMUnitTestFunction)(void **state);
typedef int (*CMFixtureFunction)(void **state);

struct CMUnitTest {
    const char *name;
    CMUnitTestFunction test_func;
    CMFixtureFunction setup_func;
    CMFixtureFunction teardown_func;
    void *initial_state;
};

/* ---- runtime (cmocka_shim.c) ---------------------------------------------- */
int _cmocka_run_group_tests(const char *group_name, const struct CMUnitTest *tests, size_t count,
                            CMFixtureFunction group_setup, CMFixtureFunction group_teardown);
void _shim_fail(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((noreturn, format(printf, 3, 4)))
#endif
    ;
void _shim_skip(const char *file, int line)
#if defined(__GNUC__)
    __attribute__((noreturn))
#endif
    ;
void _shim_assert_int(LargestIntegralType a, LargestIntegralType b, int want_equal, const char *ea,
                      const char *eb, const char *file, int line);
void _shim_assert_range(LargestIntegralType v, LargestIntegralType lo, LargestIntegralType hi,
                        int want_in, const char *ev, const char *file, int line);
void _shim_assert_string(const char *a, const char *b, int want_equal, const char *ea,
                         const char *eb, const char *file, int line);
void _shim_assert_memory(const void *a, const void *b, size_t n, int want_equal, const char *ea,
                         const char *eb, const char *file, int line);
void _shim_assert_in_set(LargestIntegralType v, const LargestIntegralType *set, size_t n,
                         int want_in, const char *ev, const char *file, int line);
void _shim_will_return(const char *fn, LargestIntegralType v, int count);
LargestIntegralType _shim_mock(const char *fn, const char *file, int line);
void print_message(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void print_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* ---- test tables ------------------------------------------------------------ */
#define cmocka_unit_test(f)                                                                        \
    {                                                                                              \
#f, f, NULL, NULL, NULL                                                                    \
    }
#define cmocka_unit_test_setup(f, setup)                                                           \
    {                                                                                              \
#f, f, setup, NULL, NULL                                                                   \
    }
#define cmocka_unit_test_teardown(f, teardown)                                                     \
    {                                                                                              \
#f, f, NULL, teardown, NULL                                                                \
    }
#define cmocka_unit_test_setup_teardown(f, setup, teardown)                                        \
    {                                                                                              \
#f, f, setup, teardown, NULL                                                               \
    }
#define cmocka_unit_test_prestate(f, state)                                                        \
    {                                                                                              \
#f, f, NULL, NULL, state                                                                   \
    }
#define cmocka_unit_test_prestate_setup_teardown(f, setup, teardown, state)                        \
    {                                                                                              \
#f, f, setup, teardown, state                                                              \
    }

#define cmocka_run_group_tests(group_tests, group_setup, group_teardown)                           \
    _cmocka_run_group_tests(#group_tests, group_tests,                                             \
                            sizeof(group_tests) / sizeof((group_tests)[0]), group_setup,           \
                            group_teardown)
#define cmocka_run_group_tests_name(group_name, group_tests, group_setup, group_teardown)          \
    _cmocka_run_group_tests(group_name, group_tests,                                               \
                            sizeof(group_tests) / sizeof((group_tests)[0]), group_setup,           \
                            group_teardown)

#define cmocka_set_message_output(output) ((void)(output))
#define cmocka_set_test_filter(pattern) ((void)(pattern))
#define cmocka_set_skip_filter(pattern) ((void)(pattern))

/* ---- assertions ------------------------------------------------------------- */
#define fail() _shim_fail(__FILE__, __LINE__, "fail()")
#define fail_msg(...) _shim_fail(__FILE__, __LINE__, __VA_ARGS__)
#define skip() _shim_skip(__FILE__, __LINE__)

#define assert_true(c) ((c) ? (void)0 : _shim_fail(__FILE__, __LINE__, "%s is not true", #c))
#define assert_false(c) (!(c) ? (void)0 : _shim_fail(__FILE__, __LINE__, "%s is not false", #c))
#define assert_non_null(p)                                                                         \
    ((p) != NULL ? (void)0 : _shim_fail(__FILE__, __LINE__, "%s is NULL", #p))
#define assert_null(p)                                                                             \
    ((p) == NULL ? (void)0 : _shim_fail(__FILE__, __LINE__, "%s is not NULL", #p))
#define assert_return_code(rc, error)                                                              \
    ((rc) >= 0 ? (void)0 : _shim_fail(__FILE__, __LINE__, "%s < 0 (error %d)", #rc, (int)(error)))

#define assert_int_equal(a, b)                                                                     \
    _shim_assert_int(cast_to_largest_integral_type(a), cast_to_largest_integral_type(b), 1, #a,    \
                     #b, __FILE__, __LINE__)
#define assert_int_not_equal(a, b)                                                                 \
    _shim_assert_int(cast_to_largest_integral_type(a), cast_to_largest_integral_type(b), 0, #a,    \
                     #b, __FILE__, __LINE__)
#define assert_uint_equal(a, b) assert_int_equal(a, b)
#define assert_uint_not_equal(a, b) assert_int_not_equal(a, b)
#define assert_ptr_equal(a, b)                                                                     \
    _shim_assert_int(cast_ptr_to_largest_integral_type(a), cast_ptr_to_largest_integral_type(b),   \
                     1, #a, #b, __FILE__, __LINE__)
#define assert_ptr_not_equal(a, b)                                                                 \
    _shim_assert_int(cast_ptr_to_largest_integral_type(a), cast_ptr_to_largest_integral_type(b),   \
                     0, #a, #b, __FILE__, __LINE__)
#define assert_string_equal(a, b)                                                                  \
    _shim_assert_string((const char *)(a), (const char *)(b), 1, #a, #b, __FILE__, __LINE__)
#define assert_string_not_equal(a, b)                                                              \
    _shim_assert_string((const char *)(a), (const char *)(b), 0, #a, #b, __FILE__, __LINE__)
#define assert_memory_equal(a, b, size)                                                            \
    _shim_assert_memory((a), (b), (size_t)(size), 1, #a, #b, __FILE__, __LINE__)
#define assert_memory_not_equal(a, b, size)                                                        \
    _shim_assert_memory((a), (b), (size_t)(size), 0, #a, #b, __FILE__, __LINE__)
#define assert_in_range(v, lo, hi)                                                                 \
    _shim_assert_range(cast_to_largest_integral_type(v), cast_to_largest_integral_type(lo),        \
                       cast_to_largest_integral_type(hi), 1, #v, __FILE__, __LINE__)
#define assert_not_in_range(v, lo, hi)                                                             \
    _shim_assert_range(cast_to_largest_integral_type(v), cast_to_largest_integral_type(lo),        \
                       cast_to_largest_integral_type(hi), 0, #v, __FILE__, __LINE__)
#define assert_in_set(v, values, count)                                                            \
    _shim_assert_in_set(cast_to_largest_integral_type(v), (values), (size_t)(count), 1, #v,        \
                        __FILE__, __LINE__)
#define assert_not_in_set(v, values, count)                                                        \
    _shim_assert_in_set(cast_to_largest_integral_type(v), (values), (size_t)(count), 0, #v,        \
                        __FILE__, __LINE__)
#define assert_float_equal(a, b, eps)                                                              \
    ((((a) - (b)) <= (eps) && ((b) - (a)) <= (eps))                                                \
         ? (void)0                                                                                 \
         : _shim_fail(__FILE__, __LINE__, "%s != %s", #a, #b))
#define assert_double_equal(a, b, eps) assert_float_equal(a, b, eps)

/* ---- mocks: a minimal will_return()/mock() queue ------------------------------ */
#define will_return(function, value)                                                               \
    _shim_will_return(#function, cast_to_largest_integral_type(value), 1)
#define will_return_count(function, value, count)                                                  \
    _shim_will_return(#function, cast_to_largest_integral_type(value), (count))
#define will_return_always(function, value) will_return_count(function, value, -1)
#define mock() _shim_mock(__func__, __FILE__, __LINE__)
#define mock_type(type) ((type)mock())
#define mock_ptr_type(type) ((type)(uintptr_t)mock())

/* ---- allocation helpers: plain heap on the target (no leak check) ------------- */
#define test_malloc(size) malloc(size)
#define test_calloc(n, size) calloc((n), (size))
#define test_realloc(p, size) realloc((p), (size))
#define test_free(p) free(p)

#ifdef __cplusplus
}
#endif

#endif /* CAMP_TARGET_CMOCKA_SHIM_H */
