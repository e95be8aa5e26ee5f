/* Strict RFC 8259 well-formedness check: one pass over the bytes, no
 * recursion, no call per byte. Bytes are classified through one 128-entry
 * table (camp_json_cls); the plain bytes of a string, the bulk of a document,
 * are skipped by a two-test loop. Open containers are one bit each (object or
 * array) in a local array sized for CAMP_JSON_MAX_DEPTH; the state says what
 * may come next. Every step advances by at least one byte, so the work is
 * linear in the input length. */
#include "camp/camp_json.h"

#include <limits.h>
#include <string.h>

#include "json_internal.h"

#define CAMP_JSON_STR_(x) #x
#define CAMP_JSON_STR(x) CAMP_JSON_STR_(x)

/* What the checker expects next. The key states follow the value states so
 * that "a key is expected" is one comparison. */
enum {
    ST_VALUE,          /* a value (document start, after ':' or after ',' in an array) */
    ST_VALUE_OR_CLOSE, /* a value or ']' (just after '[') */
    ST_KEY_OR_CLOSE,   /* a key or '}' (just after '{') */
    ST_KEY,            /* a key (after ',' in an object) */
    ST_COLON,          /* ':' after a key */
    ST_AFTER_VALUE,    /* ',' or the container's closing bracket */
    ST_END             /* only whitespace until the end */
};

#define CLS(b) ((b) < 0x80u ? camp_json_cls[(b)] : 0u)
/* Whitespace without a table load: ' ', or one of \t \n \r as a bit of 0x2600. */
#define IS_WS(b) ((b) == ' ' || ((b) <= '\r' && ((1u << (b)) & 0x2600u) != 0))

/* Word-at-a-time skipping of plain string bytes and of indentation, where
 * unaligned loads are cheap (memcpy of a word compiles to one load). Left out
 * when optimizing for size (-Os: about 240 B of code on Cortex-M4, the byte
 * loops alone are correct) and on ARMv6-M, where a word copy is a call. */
#ifndef CAMP_JSON_SWAR
#if defined(__OPTIMIZE_SIZE__) || defined(__ARM_ARCH_6M__) || defined(__ARM_ARCH_6__)
#define CAMP_JSON_SWAR 0
#else
#define CAMP_JSON_SWAR 1
#endif
#endif

#if CAMP_JSON_SWAR
typedef size_t word_t;
#define W_ONES ((word_t)-1 / 255u) /* 0x0101... */
#define W_HIGH (W_ONES * 0x80u)    /* 0x8080... */

static word_t load_word(const unsigned char *p)
{
    word_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* High bit set in each byte of @p w that is 0 (exact for the lowest such byte:
 * a borrow only runs towards higher bytes). */
#define W_ZERO_BYTES(w) (((w)-W_ONES) & ~(w)&W_HIGH)

/* Index of the first byte with a bit set in @p mask, of the word loaded at
 * @p i: its lowest set bit on a little-endian CPU. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define W_FIRST(i, mask) ((i) + (size_t)__builtin_ctzll((unsigned long long)(mask)) / 8u)
#else
#define W_FIRST(i, mask) (i) /* the byte loop after it finds the byte */
#endif

/* Past the plain string bytes at s[i..) in whole words: stops at (or before)
 * the first byte below 0x20, >= 0x80 (UTF-8 is checked byte-wise), '"' or
 * '\\'. */
static size_t skip_plain_words(const unsigned char *s, size_t i, size_t len)
{
    while (len - i >= sizeof(word_t)) {
        word_t w = load_word(s + i);
        word_t stop = (((w - W_ONES * 0x20u) & ~w) | W_ZERO_BYTES(w ^ (W_ONES * 0x22u)) |
                       W_ZERO_BYTES(w ^ (W_ONES * 0x5Cu)) | w) &
                      W_HIGH;
        if (stop != 0) {
            return W_FIRST(i, stop);
        }
        i += sizeof(word_t);
    }
    return i;
}

/* Past the spaces at s[i..) in whole words (indentation after a line break). */
static size_t skip_space_words(const unsigned char *s, size_t i, size_t len)
{
    while (len - i >= sizeof(word_t)) {
        word_t x = load_word(s + i) ^ (W_ONES * 0x20u);
        if (x != 0) {
            return W_FIRST(i, x); /* the first byte that is not a space */
        }
        i += sizeof(word_t);
    }
    return i;
}
#else
#define skip_plain_words(s, i, len) (i)
#define skip_space_words(s, i, len) (i)
#endif

/* s[j..) starts with at least one digit: the index past the run, else 0. */
static size_t digits(const unsigned char *s, size_t j, size_t len)
{
    size_t k = j;
    while (k < len && (CLS(s[k]) & CAMP_JSON_C_DIGIT) != 0) {
        k++;
    }
    return k > j ? k : 0;
}

/* Index past -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at s[i], or 0 with
 * *bad the offending index. A word byte right after it (`01`, `1.2.3`, `1x`) is
 * an error too. */
static size_t number_end(const unsigned char *s, size_t i, size_t len, size_t *bad)
{
    size_t j = i + (size_t)(s[i] == '-');
    size_t k = digits(s, j, len);
    if (k != 0 && s[j] == '0') {
        k = j + 1;
    }
    if (k != 0 && k < len && s[k] == '.') {
        j = k + 1;
        k = digits(s, j, len);
    }
    if (k != 0 && k < len && (s[k] | 0x20u) == 'e') {
        j = k + 1;
        j += (size_t)(j < len && (s[j] == '+' || s[j] == '-'));
        k = digits(s, j, len);
    }
    if (k == 0) {
        *bad = j;
    } else if (k < len && (CLS(s[k]) & CAMP_JSON_C_WORD) != 0) {
        *bad = k;
        k = 0;
    }
    return k;
}

/* s[at] is a backslash: true when a `\u` with 4 hex digits starts there; *k
 * receives the index of the first byte that is not part of it. */
static bool u_escape(const unsigned char *s, size_t at, size_t len, size_t *k)
{
    size_t j = at + 2;
    if (len - at < 2 || s[at] != '\\' || s[at + 1] != 'u') {
        *k = at;
        return false;
    }
    while (j < at + 6 && j < len && (CLS(s[j]) & CAMP_JSON_C_HEX) != 0) {
        j++;
    }
    *k = j;
    return j == at + 6;
}

camp_status_t camp_json_check(const char *json, size_t len, unsigned max_depth, camp_diag_t *diag)
{
    uint32_t stack[(CAMP_JSON_MAX_DEPTH + 31) / 32] = {0};
    const unsigned char *s = (const unsigned char *)json;
    unsigned depth = 0;
    unsigned st = ST_VALUE;
    size_t i = 0, at = 0;
    camp_status_t err = CAMP_ERR_JSON_SYNTAX;
    const char *rule;
    int64_t limit = -1;

    if (json == NULL || max_depth > CAMP_JSON_MAX_DEPTH) {
        err = CAMP_ERR_ARG;
        at = CAMP_DIAG_NO_OFFSET;
        rule = (json == NULL) ? CAMP_RULE(J01, "input is NULL")
                              : CAMP_RULE(J02, "max_depth above CAMP_JSON_MAX_DEPTH");
        goto fail;
    }
    if (len > (size_t)INT_MAX) {
        /* token offsets are int (the tokenizer's type), so larger input cannot be indexed */
        err = CAMP_ERR_JSON_TOO_LARGE;
        at = CAMP_DIAG_NO_OFFSET;
        rule = CAMP_RULE(J03, "document longer than INT_MAX bytes");
        limit = INT_MAX;
        goto fail;
    }

    for (;;) {
        unsigned char b;
        while (i < len && IS_WS(s[i])) {
            /* a line break is usually followed by indentation */
            i = (s[i] == '\n') ? skip_space_words(s, i + 1, len) : i + 1;
        }
        if (i >= len) {
            break;
        }
        b = s[i];
        at = i;
        if (st == ST_COLON) {
            rule = CAMP_RULE(J04, "expected ':' after the key");
            if (b != ':') {
                goto fail;
            }
            i++;
            st = ST_VALUE;
            continue;
        }
        if (st == ST_AFTER_VALUE) {
            bool obj = (stack[(depth - 1u) / 32u] >> ((depth - 1u) % 32u)) & 1u;
            if (b == ',') {
                i++;
                st = obj ? ST_KEY : ST_VALUE;
                continue;
            }
            rule =
                obj ? CAMP_RULE(J05, "expected ',' or '}'") : CAMP_RULE(J06, "expected ',' or ']'");
            if (b != (obj ? '}' : ']')) {
                goto fail;
            }
            goto close;
        }
        if (st == ST_END) {
            rule = CAMP_RULE(J07, "trailing data after the value");
            goto fail;
        }
        if ((b == ']' && st == ST_VALUE_OR_CLOSE) || (b == '}' && st == ST_KEY_OR_CLOSE)) {
            goto close;
        }
        if (b == '"') {
            /* the string's bytes; `at` stays at the opening quote */
            for (i++;;) {
                size_t k;
                i = skip_plain_words(s, i, len);
                while (i < len && (CLS(s[i]) & CAMP_JSON_C_PLAIN) != 0) {
                    i++;
                }
                if (i >= len) {
                    break;
                }
                b = s[i];
                if (b == '"') {
                    break;
                }
                if (b == '\\') {
                    uint32_t cp, lo;
                    if (len - i < 2) {
                        i = len; /* input ends inside the escape */
                        break;
                    }
                    if ((CLS(s[i + 1]) & CAMP_JSON_C_ESC) != 0) {
                        i += 2;
                        continue;
                    }
                    if (s[i + 1] != 'u') {
                        at = i + 1;
                        rule = CAMP_RULE(J08, "invalid escape in string");
                        goto fail;
                    }
                    if (!u_escape(s, i, len, &k)) {
                        if (k >= len) {
                            i = len; /* input ends inside the escape */
                            break;
                        }
                        at = k;
                        rule = CAMP_RULE(J09, "invalid \\u escape (needs 4 hex digits)");
                        goto fail;
                    }
                    /* Policy (RFC 8259 sec. 8.2 leaves it open; JSONTestSuite i_ cases):
                     * a surrogate escape must be a high one immediately followed by a
                     * low one. Anything else cannot become UTF-8, so it is rejected. */
                    cp = camp_json_hex4(json + i + 2);
                    if ((cp & 0xF800u) == 0xD800u) {
                        if (cp >= 0xDC00u || !u_escape(s, i + 6, len, &k) ||
                            (lo = camp_json_hex4(json + i + 8)) < 0xDC00u || lo > 0xDFFFu) {
                            at = i;
                            rule = CAMP_RULE(J10, "unpaired surrogate in \\u escape");
                            goto fail;
                        }
                        i += 6;
                    }
                    i += 6;
                    continue;
                }
                if (b < 0x20u) {
                    at = i;
                    rule = CAMP_RULE(J11, "control character in string");
                    goto fail;
                }
                k = camp_json_utf8_seq(s + i, len - i, &rule, &at);
                if (k == 0) {
                    at += i;
                    err = CAMP_ERR_JSON_UTF8;
                    goto fail;
                }
                i += k;
            }
            if (i >= len) {
                rule = CAMP_RULE(J12, "unterminated string");
                goto fail;
            }
            i++;
            if (st == ST_KEY_OR_CLOSE || st == ST_KEY) {
                /* the usual `"key": ` takes no trip round the loop */
                while (i < len && s[i] == ' ') {
                    i++;
                }
                st = ST_COLON;
                if (i < len && s[i] == ':') {
                    i++;
                    st = ST_VALUE;
                }
                continue;
            }
            st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
            continue;
        }
        if (st >= ST_KEY_OR_CLOSE) {
            rule = CAMP_RULE(J13, "expected a string key");
            goto fail;
        }
        if (b == '{' || b == '[') {
            uint32_t bit = (uint32_t)1u << (depth % 32u);
            if (depth >= max_depth) {
                err = CAMP_ERR_JSON_DEPTH;
                rule =
                    (max_depth == CAMP_JSON_MAX_DEPTH)
                        ? CAMP_RULE(J14, "nesting deeper than " CAMP_JSON_STR(CAMP_JSON_MAX_DEPTH))
                        : CAMP_RULE(J15, "nesting deeper than the limit");
                limit = (int64_t)max_depth;
                goto fail;
            }
            if (b == '{') {
                stack[depth / 32u] |= bit;
                st = ST_KEY_OR_CLOSE;
            } else {
                stack[depth / 32u] &= ~bit;
                st = ST_VALUE_OR_CLOSE;
            }
            depth++;
            i++;
            continue;
        }
        if (b == '-' || (CLS(b) & CAMP_JSON_C_DIGIT) != 0) {
            rule = CAMP_RULE(J16, "invalid number");
            i = number_end(s, i, len, &at);
            if (i == 0) {
                goto fail;
            }
        } else if (b == 't' || b == 'f' || b == 'n') {
            static const char words[] = "true\0false\0null";
            const char *w = words + (b == 't' ? 0 : b == 'f' ? 5 : 11);
            size_t n = (b == 'f') ? 5u : 4u;
            rule = CAMP_RULE(J17, "invalid literal");
            if (len - i < n || memcmp(s + i, w, n) != 0 ||
                (len - i > n && (CLS(s[i + n]) & CAMP_JSON_C_WORD) != 0)) {
                goto fail;
            }
            i += n;
        } else if (i == 0 && len >= 3 && b == 0xEFu && s[1] == 0xBBu && s[2] == 0xBFu) {
            /* Policy: RFC 8259 sec. 8.1 says MUST NOT add a BOM; we reject it. */
            rule = CAMP_RULE(J18, "byte order mark not allowed");
            goto fail;
        } else {
            rule = CAMP_RULE(J19, "expected a value");
            goto fail;
        }
        st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
        continue;
    close:
        depth--;
        i++;
        st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
    }
    if (st == ST_END) {
        return CAMP_OK;
    }
    at = len;
    rule = (st == ST_VALUE && depth == 0) ? CAMP_RULE(J20, "no value in the document")
                                          : CAMP_RULE(J21, "unexpected end of input");

fail:
    camp_diag_set(diag, err, "$", rule);
    if (diag != NULL) {
        diag->offset = at;
        if (limit >= 0) {
            camp_diag_set_limits(diag, 0, limit);
        }
    }
    return err;
}
