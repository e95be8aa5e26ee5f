/*
 * validate.c - pure validators: InboxApp IDs, UUIDs, UTF-8 lengths, e-mail syntax.
 *
 * Every function takes (pointer, length), reads only inside that range, keeps no
 * state and loops at most once over its input.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "camp/camp_validate.h"
#include "json/json_utf8.h"
#include "validate/validate_internal.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_lower_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z');
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether the 4 bytes at @p p are all [0-9a-z], tested together: ASCII bytes only
 * (so that no sum carries into the next byte), then each byte's high bit says
 * whether it is in '0'..'9' or in 'a'..'z'. */
static bool lower_alnum4(const char *p)
{
    uint32_t w = camp_load4(p);
    uint32_t digit = (w + 0x50505050u) & ~(w + 0x46464646u);
    uint32_t lower = (w + 0x1F1F1F1Fu) & ~(w + 0x05050505u);
    return ((w & 0x80808080u) == 0u) && (((digit | lower) & 0x80808080u) == 0x80808080u);
}

/* lower_alnum4() for the 8 bytes at @p p (used where registers are 64 bits wide). */
static bool lower_alnum8(const char *p)
{
    const uint64_t ones = 0x0101010101010101u;
    const uint64_t high = ones * 0x80u;
    uint64_t w = camp_load8(p);
    uint64_t digit = (w + (ones * 0x50u)) & ~(w + (ones * 0x46u));
    uint64_t lower = (w + (ones * 0x1Fu)) & ~(w + (ones * 0x05u));
    return ((w & high) == 0u) && (((digit | lower) & high) == high);
}

bool camp_valid_inbox_id(const char *s, size_t len)
{
    const char *p = s; /* the bytes not yet checked: p[0..n) */
    size_t n = len;

    if (s == NULL || len == 0u) {
        return false;
    }
    /* IDs are 20-30 bytes: 8 bytes at a time where registers are that wide (a size
     * known at compile time: 32-bit targets drop the loop), then 4, then bytes */
    while ((sizeof(size_t) >= 8u) && (n >= 8u)) {
        if (!lower_alnum8(p)) {
            return false;
        }
        p = &p[8];
        n -= 8u;
    }
    while (n >= 4u) {
        if (!lower_alnum4(p)) {
            return false;
        }
        p = &p[4];
        n -= 4u;
    }
    while (n > 0u) {
        if (!is_lower_alnum(p[0])) {
            return false;
        }
        p = &p[1];
        n--;
    }
    return true;
}

bool camp_valid_column_id(const char *s, size_t len)
{
    static const char prefix[] = "custom_";
    const size_t plen = sizeof prefix - 1u;

    if (s == NULL || len <= plen || memcmp(s, prefix, plen) != 0) {
        return false;
    }
    return camp_valid_inbox_id(s + plen, len - plen);
}

/* One component of a zone name: 1..14 bytes, no leading '-', not "." or "..". */
static bool tz_component_ok(const char *c, size_t n)
{
    if (n == 0 || n > 14 || c[0] == '-') {
        return false;
    }
    return !(c[0] == '.' && (n == 1 || (n == 2 && c[1] == '.')));
}

static bool tz_name_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '+' || c == '.';
}

bool camp_valid_tz_name(const char *s, size_t len)
{
    size_t i, start = 0;
    if (s == NULL || len == 0 || len > CAMP_TZ_NAME_MAX) {
        return false;
    }
    for (i = 0; i <= len; i++) {
        if (i == len || s[i] == '/') {
            if (!tz_component_ok(s + start, i - start)) {
                return false;
            }
            start = i + 1;
        } else if (!tz_name_char(s[i])) {
            return false;
        }
    }
    return true;
}

/* Four hex digits at p, tested at once: every byte below 0x80, then per byte (no
 * carry crosses a byte below 0x80) x >= '0' && x <= '9', or, with the case bit set,
 * x >= 'a' && x <= 'f'; bit 7 of each byte holds the answer. */
static bool hex4(const char *p)
{
    uint32_t w = camp_load4(p);
    uint32_t h;
    uint32_t digit;
    uint32_t alpha;
    if ((w & 0x80808080u) != 0u) {
        return false;
    }
    h = w | 0x20202020u;
    digit = (w + 0x50505050u) & ~(w + 0x46464646u);
    alpha = (h + 0x1F1F1F1Fu) & ~(h + 0x19191919u);
    return ((digit | alpha) & 0x80808080u) == 0x80808080u;
}

bool camp_valid_uuid(const char *s, size_t len)
{
    /* where the 32 hex digits of 8-4-4-4-12 start, four at a time */
    static const unsigned char at[8] = {0, 4, 9, 14, 19, 24, 28, 32};
    size_t i;

    if (s == NULL || len != 36u || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') {
        return false;
    }
    for (i = 0; i < sizeof at; i++) {
        if (!hex4(&s[at[i]])) {
            return false;
        }
    }
    return true;
}

long camp_utf8_chars(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s; /* the bytes not yet read: p[0..n) */
    size_t n = len;
    long count = 0;

    if (s == NULL) {
        return len == 0 ? 0 : -1;
    }
    /* A long cannot count more characters than LONG_MAX; inputs that large do
     * not occur on the targets, but stay defined: refuse them. */
    if (len > (size_t)LONG_MAX) {
        return -1;
    }
    while (n > 0u) {
        uint32_t k;
        if (n >= 4u) {
            uint32_t w;
            (void)memcpy(&w, p, 4u); /* ASCII, most text, four bytes at a time */
            if ((w & 0x80808080u) == 0u) {
                p = &p[4];
                n -= 4u;
                count += 4;
                continue;
            }
        }
        k = camp_utf8_seq(p, n);
        if (k > 4u) {
            return -1;
        }
        p = &p[k];
        n -= k;
        count++;
    }
    return count;
}

bool camp_valid_length_chars(const char *s, size_t len, size_t min, size_t max)
{
    long n = camp_utf8_chars(s, len);

    if (n < 0) {
        return false;
    }
    return (size_t)n >= min && (size_t)n <= max;
}

/* RFC 5322 atext (without the dot, which is handled separately). */
static bool is_atext(char c)
{
    if (is_alpha(c) || is_digit(c)) {
        return true;
    }
    return c != '\0' && memchr("!#$%&'*+-/=?^_`{|}~", c, 19u) != NULL;
}

/* dot-atom local part: 1..64 atext runs separated by single dots. */
static bool valid_local_part(const char *s, size_t len)
{
    size_t i;

    if (len < 1u || len > 64u || s[0] == '.' || s[len - 1u] == '.') {
        return false;
    }
    for (i = 0; i < len; i++) {
        if (s[i] == '.') {
            if (s[i - 1u] == '.') { /* i > 0: s[0] is not a dot */
                return false;
            }
        } else if (!is_atext(s[i])) {
            return false;
        }
    }
    return true;
}

/* Domain: 2+ labels of letters, digits and inner hyphens, 1..63 each, 253 total. */
static bool valid_domain(const char *s, size_t len)
{
    size_t i;
    size_t label_start = 0;
    unsigned labels = 0;

    if (len < 3u || len > 253u) {
        return false;
    }
    for (i = 0; i <= len; i++) {
        if (i == len || s[i] == '.') {
            size_t llen = i - label_start;
            if (llen < 1u || llen > 63u) {
                return false;
            }
            if (s[label_start] == '-' || s[i - 1u] == '-') {
                return false;
            }
            labels++;
            label_start = i + 1u;
        } else if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-') {
            return false;
        }
    }
    return labels >= 2u;
}

bool camp_valid_email(const char *s, size_t len)
{
    const char *at;
    size_t local_len;

    if (s == NULL || len < 1u || len > 255u) {
        return false;
    }
    at = (const char *)memchr(s, '@', len);
    if (at == NULL) {
        return false;
    }
    local_len = (size_t)(at - s);
    /* A second '@' fails in valid_domain (not a label character). */
    return valid_local_part(s, local_len) && valid_domain(at + 1, len - local_len - 1u);
}
