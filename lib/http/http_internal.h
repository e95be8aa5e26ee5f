/* Private helpers of the http module: character classes and a bounded byte
 * builder. */
#ifndef CAMP_HTTP_INTERNAL_H
#define CAMP_HTTP_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* RFC 9110 tchar: what a header name (and a method) may contain. */
bool camp_http_is_tchar(uint8_t c);

/* Control bytes: 0x00..0x1f and 0x7f (HTAB included: we never send one). */
static inline bool camp_http_is_ctl(uint8_t c)
{
    return c < 0x20u || c == 0x7fu;
}

/* ASCII case-insensitive compare of s[0..len) with the NUL-terminated lit. */
bool camp_http_ieq(const char *s, size_t len, const char *lit);

/* Parse 1..18 decimal digits (no sign, no spaces) into *out. */
bool camp_http_parse_u63(const char *s, size_t len, int64_t *out);

#endif
