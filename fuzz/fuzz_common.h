/**
 * @file fuzz_common.h
 * @brief Shared helpers for the libcamp fuzz targets (test code, not the core).
 *
 * Every target defines LLVMFuzzerTestOneInput() and asserts invariants with
 * FUZZ_CHECK(): a violated invariant prints where and why, then abort()s, so
 * libFuzzer, AFL++ and the plain replay driver (fuzz/replay_main.c, built with
 * gcc for `make check`) all treat it as a crash.
 *
 * The harness may allocate (the library may not): each input is copied into a
 * heap block of exactly its length so that AddressSanitizer or valgrind flags
 * any read or write past the end of the buffer the library was given.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "camp/camp_status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** Abort with a message when an invariant does not hold. */
#define FUZZ_CHECK(cond, what)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant violated: %s (%s)\n", __FILE__, __LINE__, (what),    \
                    #cond);                                                                        \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/** Heap copy of exactly @p n bytes (at least 1 byte allocated so malloc(0) is avoided). */
static inline char *fuzz_dup(const uint8_t *data, size_t n)
{
    char *p = (char *)malloc(n ? n : 1);
    FUZZ_CHECK(p != NULL, "out of memory in the harness");
    if (n) {
        memcpy(p, data, n);
    } else {
        p[0] = '\0';
    }
    return p;
}

/** True when [p, p + n) lies inside [base, base + len) (n == 0 allowed at the end). */
static inline bool fuzz_inside(const void *base, size_t len, const void *p, size_t n)
{
    uintptr_t b = (uintptr_t)base;
    uintptr_t q = (uintptr_t)p;
    if (p == NULL) {
        return false;
    }
    return q >= b && q - b <= len && n <= len - (size_t)(q - b);
}

/** A string view field of a decoded struct is either empty/NULL or lies inside the input. */
static inline void fuzz_check_view(const void *base, size_t len, const char *s, size_t n,
                                   const char *what)
{
    if (s == NULL) {
        FUZZ_CHECK(n == 0, what);
        return;
    }
    FUZZ_CHECK(fuzz_inside(base, len, s, n), what);
}

/** A diagnostic after a failure: status, NUL-terminated non-empty path, offset inside. */
static inline void fuzz_check_diag_any(const camp_diag_t *d, camp_status_t st, size_t input_len)
{
    FUZZ_CHECK(d->status == st, "diag.status equals the returned status");
    FUZZ_CHECK(memchr(d->path, '\0', sizeof d->path) != NULL, "diag.path NUL-terminated");
    FUZZ_CHECK(d->path[0] != '\0', "diag.path is not empty");
    FUZZ_CHECK(d->offset == CAMP_DIAG_NO_OFFSET || d->offset <= input_len,
               "diag.offset inside the input");
    FUZZ_CHECK(d->rule == NULL || strlen(d->rule) < 512, "diag.rule is a short string");
    FUZZ_CHECK(d->needed >= 0, "diag.needed is not negative");
}

/** The same for a JSON document: the path is a JSON path starting with '$'. */
static inline void fuzz_check_diag(const camp_diag_t *d, camp_status_t st, size_t input_len)
{
    fuzz_check_diag_any(d, st, input_len);
    FUZZ_CHECK(d->path[0] == '$', "diag.path starts with $");
}

/** Fuzzer-chosen values taken from the front of the input. */
typedef struct fuzz_reader {
    const uint8_t *p;
    size_t n;
} fuzz_reader_t;

static inline uint8_t fuzz_u8(fuzz_reader_t *r)
{
    uint8_t v = 0;
    if (r->n > 0) {
        v = r->p[0];
        r->p++;
        r->n--;
    }
    return v;
}

static inline uint32_t fuzz_u32(fuzz_reader_t *r)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        v = (v << 8) | fuzz_u8(r);
    }
    return v;
}

static inline uint64_t fuzz_u64(fuzz_reader_t *r)
{
    uint64_t hi = fuzz_u32(r);
    return (hi << 32) | fuzz_u32(r);
}

#endif /* FUZZ_COMMON_H */
