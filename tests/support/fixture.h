/* The one fixture loader of the tests: reads a file of the shared spec folder
 * ($SHARED/fixtures/...) whole into a buffer the test owns.
 *
 * SHARED comes from the environment (make passes it; on the target the cmocka shim
 * takes it from qemu's command line) and defaults to ../shared, the folder beside
 * the checkout. C99 and stdio only, so the same file links into the Cortex-M
 * semihosting tests. */
#ifndef TESTS_SUPPORT_FIXTURE_H
#define TESTS_SUPPORT_FIXTURE_H

#include <stddef.h>

/* Reads $SHARED/fixtures/@p rel into @p buf (@p cap bytes), adds a NUL and returns
 * the file's length. Fails the running test, naming the path, when the file cannot
 * be opened or read, or when it does not fit in @p cap - 1 bytes (the message gives
 * both sizes): a fixture is never silently truncated. */
size_t fixture_load(const char *rel, char *buf, size_t cap);

/* Writes the full path of fixture @p rel into @p path (@p cap bytes) and returns
 * @p path; fails the test when the path does not fit. */
const char *fixture_path(const char *rel, char *path, size_t cap);

#endif
