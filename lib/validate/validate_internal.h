/*
 * validate_internal.h - validator helpers the model engines share but the public
 * API does not offer.
 */
#ifndef CAMP_VALIDATE_INTERNAL_H
#define CAMP_VALIDATE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "camp/camp_validate.h"

/* The 4 bytes at @p p as one word, the first in the low byte (their order does not
 * matter to the byte-wise tests that use it; a compiler makes this a single load
 * where it may). */
static inline uint32_t camp_load4(const char *p)
{
    return (uint32_t)(unsigned char)p[0] | ((uint32_t)(unsigned char)p[1] << 8) |
           ((uint32_t)(unsigned char)p[2] << 16) | ((uint32_t)(unsigned char)p[3] << 24);
}

/* The 8 bytes at @p p as one word in the CPU's byte order, which the byte-wise tests
 * that use it do not depend on: one load where the CPU has unaligned 8-byte loads. */
static inline uint64_t camp_load8(const char *p)
{
    uint64_t w;
    (void)memcpy((void *)&w, (const void *)p, sizeof w);
    return w;
}

/* The character count of @p s, @p len bytes of valid UTF-8 (a string from a checked
 * document), as far as a min..max length rule needs it: the count lies between len/4
 * (rounded up) and len, so it is counted only when that range reaches past a limit;
 * otherwise len is returned, which passes the rule as the count would. max < 0: no
 * upper limit. Inline: it runs for every decoded string with a length rule. */
static inline int64_t camp_utf8_chars_within(const char *s, size_t len, int64_t min, int64_t max)
{
    size_t fewest = (len / 4u) + (((len % 4u) != 0u) ? 1u : 0u);
    bool over_max = (max >= 0) && ((uint64_t)len > (uint64_t)max);

    return (over_max || ((int64_t)fewest < min)) ? (int64_t)camp_utf8_chars(s, len) : (int64_t)len;
}

#endif /* CAMP_VALIDATE_INTERNAL_H */
