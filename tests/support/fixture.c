/* Fixture loading for every test (see fixture.h). */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

static const char *shared_dir(void)
{
    const char *s = getenv("SHARED");
    return (s != NULL && s[0] != '\0') ? s : "../shared";
}

const char *fixture_path(const char *rel, char *path, size_t cap)
{
    int n = snprintf(path, cap, "%s/fixtures/%s", shared_dir(), rel);
    if (n < 0 || (size_t)n >= cap) {
        fail_msg("fixture path %s/fixtures/%s is longer than %u bytes", shared_dir(), rel,
                 (unsigned)cap);
    }
    return path;
}

size_t fixture_load(const char *rel, char *buf, size_t cap)
{
    char path[1024];
    FILE *f;
    size_t n;
    int more;
    int failed;

    assert_true(cap >= 2u);
    (void)fixture_path(rel, path, sizeof path);
    f = fopen(path, "rb");
    if (f == NULL) {
        fail_msg("cannot open fixture %s (is SHARED the spec folder? make passes SHARED=...)",
                 path);
    }
    n = fread(buf, 1, cap - 1u, f);
    failed = ferror(f);
    more = (n == cap - 1u) ? fgetc(f) : EOF;
    fclose(f);
    if (failed) {
        fail_msg("cannot read fixture %s", path);
    }
    if (more != EOF) {
        fail_msg("fixture %s does not fit the test's %u-byte buffer (it is longer than %u "
                 "bytes): raise the buffer",
                 path, (unsigned)cap, (unsigned)n);
    }
    buf[n] = '\0';
    return n;
}
