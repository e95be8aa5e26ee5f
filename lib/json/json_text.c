/* Byte-level helpers of the JSON core: UTF-8 validation (also the validators', see
 * json_utf8.h) and the one escape decoder. */
#include "json_internal.h"

#include <string.h>

#if CAMP_ENGINE_FAST_PATHS
/* Generated from the definitions of the CAMP_JSON_C_* flags (json_internal.h). */
const unsigned char camp_json_cls[128] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x02, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x03, 0x01, 0x20, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x11, 0x01, 0x11, 0x11, 0x21,
    0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
    0x01, 0x19, 0x19, 0x19, 0x19, 0x19, 0x19, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
    0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x01, 0x20, 0x01, 0x01, 0x11,
    0x01, 0x19, 0x39, 0x19, 0x19, 0x19, 0x39, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x31, 0x11,
    0x11, 0x11, 0x31, 0x11, 0x31, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x01, 0x01, 0x01, 0x01, 0x01,
};
#endif

/* Why a sequence is not well-formed: name, rule id, rule text. The texts sit back to
 * back in one string, found by number (one address for all, not one for each). */
#define UTF8_FAILURES(X)                                                                           \
    X(U_CUT, J22, "invalid UTF-8: truncated sequence")                                             \
    X(U_OVERLONG, J23, "invalid UTF-8: overlong encoding")                                         \
    X(U_CONTINUATION, J24, "invalid UTF-8: unexpected continuation byte")                          \
    X(U_BEYOND, J25, "invalid UTF-8: code point beyond U+10FFFF")                                  \
    X(U_NEVER, J26, "invalid UTF-8: byte never valid in UTF-8")                                    \
    X(U_SURROGATE, J27, "invalid UTF-8: encoded surrogate")

#define UTF8_NAME(name, id, text) name,

enum {
    UTF8_FAILURES(UTF8_NAME) U_COUNT
};

CAMP_RULE_IDS_FIT(camp_json_utf8_ids_fit, UTF8_FAILURES(CAMP_RULE_ROW), U_COUNT)

const char *camp_json_utf8_rule(unsigned n)
{
    static const char texts[] = UTF8_FAILURES(CAMP_RULE_ROW);
    return CAMP_RULE_NTH(texts, n);
}

size_t camp_json_utf8_seq(const unsigned char *s, size_t avail, unsigned *why, size_t *bad_at)
{
    uint32_t r = camp_utf8_seq(s, avail);
    uint32_t fail = r & CAMP_UTF8_FAIL_MASK;
    unsigned char b0 = s[0];

    if (fail == 0u) {
        return r;
    }
    if (why != NULL) {
        unsigned f = U_CUT;
        if (fail == CAMP_UTF8_BAD_LEAD) {
            /* a byte that cannot lead a sequence */
            if (b0 < 0xC2u) {
                f = (b0 >= 0xC0u) ? U_OVERLONG : U_CONTINUATION;
            } else {
                f = (b0 < 0xF8u) ? U_BEYOND : U_NEVER;
            }
        } else if (fail == CAMP_UTF8_BAD_SECOND) {
            /* a second byte outside its lead byte's range */
            f = (b0 == 0xEDu) ? U_SURROGATE : ((b0 == 0xF4u) ? U_BEYOND : U_OVERLONG);
        } else {
            /* cut short */
        }
        *why = f;
        *bad_at = (size_t)r & 0xFFu;
    }
    return 0;
}

camp_json_token_t *camp_json_string_tok(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t = camp_json_tok(doc, tok);
    if (t == NULL || (t->type_ & CAMP_JSON_T_MASK) != CAMP_JSON_T_STRING || doc->text == NULL ||
        t->start < 0 || t->end < t->start || (size_t)t->end > doc->len) {
        return NULL;
    }
    return &doc->tokens[tok];
}

bool camp_json_striter_start(camp_json_striter_t *it, const camp_json_doc_t *doc, int tok,
                             const char *cstr)
{
    const char *p = cstr;
    const char *end;
    bool decoded = true; /* a C string's bytes are as they are */
    if (cstr == NULL) {
        const camp_json_token_t *t = camp_json_string_tok(doc, tok);
        if (t == NULL) {
            return false;
        }
        p = doc->text + t->start;
        end = doc->text + t->end;
        decoded = (t->type_ & CAMP_JSON_F_DECODED) != 0;
    } else {
        end = cstr + strlen(cstr);
    }
    it->p = p;
    it->end = end;
    it->decoded = decoded;
    it->pend = 0;
    return true;
}

/* A one-letter escape's byte (c has CAMP_JSON_C_ESC): " \ / stand for themselves. */
#if CAMP_ENGINE_FAST_PATHS
/* a speed path: a test per letter is fewer instructions than the shifts below */
static unsigned char simple_escape(unsigned char c)
{
    unsigned char b = c;
    switch (c) {
    case 'b': b = (unsigned char)'\b'; break;
    case 'f': b = (unsigned char)'\f'; break;
    case 'n': b = (unsigned char)'\n'; break;
    case 'r': b = (unsigned char)'\r'; break;
    case 't': b = (unsigned char)'\t'; break;
    default: break;
    }
    return b;
}
#else
/* The letters b f n r t are k = (c - 'b') / 2 = 0, 2, 6, 8, 9 and stand for 8 plus
 * 0, 4, 2, 5, 1: three bits each at bit 3k of one constant (no test per letter). */
#define ESC_LETTERS                                                                                \
    (((uint32_t)4u << 6) | ((uint32_t)2u << 18) | ((uint32_t)5u << 24) | ((uint32_t)1u << 27))
static unsigned char simple_escape(unsigned char c)
{
    unsigned char b = c;
    if (c >= (unsigned char)'b') {
        unsigned k = ((unsigned)c - (unsigned)'b') >> 1;
        b = (unsigned char)(8u + ((ESC_LETTERS >> (3u * k)) & 7u));
    }
    return b;
}
#endif

/* The hex digits of the \u escape at @p p (6 bytes are there) and, when it is a
 * high surrogate with another \u escape right after it (@p n bytes are there), of
 * that one too, in the low half below the first's. UINT32_MAX when the first has a
 * byte that is not a hex digit; a lone high surrogate when the second has. One
 * loop, inline: a second copy or a call would give the leaf decoder a frame. */
static inline uint32_t u_digits(const char *p, ptrdiff_t n)
{
    uint32_t x = 0;
    unsigned k = 2;
    while (k < 12u) {
        unsigned d;
        if (k == 6u) {
            if ((x < 0xD800u) || (x > 0xDBFFu) || (n < 12) || (p[6] != '\\') || (p[7] != 'u')) {
                break;
            }
            k = 8;
        }
        d = (unsigned)(unsigned char)p[k] - (unsigned)'0';
        if (d > 9u) {
            /* 'A'-'F' and 'a'-'f' (bit 0x20 of d set alike) -> 10-15 */
            d = (d | 0x20u) - 0x31u;
            if (d > 5u) {
                return (k < 6u) ? UINT32_MAX : 0xD800u;
            }
            d += 10u;
        }
        x = (x << 4) | d;
        k++;
    }
    return x;
}

uint64_t camp_json_escape(const char *p, const char *end)
{
    ptrdiff_t n = end - p;
    unsigned char c = (n >= 2) ? (unsigned char)p[1] : 0u;
    uint32_t v = (uint32_t)'\\'; /* a malformed escape: the backslash alone */
    uint32_t w;
    unsigned used = 1;
    if ((c != (unsigned char)'u') || (n < 6)) {
        if (camp_json_is(c, CAMP_JSON_C_ESC)) {
            v = simple_escape(c);
            used = 2;
        }
    } else {
        w = u_digits(p, n);
        if (w != UINT32_MAX) {
            v = w;
            used = 6;
            if ((w > 0xFFFFu) && ((w & 0xFC00u) == 0xDC00u)) {
                /* a high surrogate (bits 16-31) with its low one (bits 0-15) */
                v = 0x10000u + ((w >> 6) & 0xFFC00u) + (w & 0x3FFu);
                used = 12;
            } else if ((w > 0xFFFFu) || ((w & 0xF800u) == 0xD800u)) {
                v = 0xFFFDu; /* a surrogate without its pair: rejected by camp_json_check() */
            } else {
                /* a code point of its own */
            }
        }
    }
    /* UTF-8: the lead byte's bits put above the code point's (0xC0, 0xE0, 0xF0
     * for 1, 2, 3 continuation bytes), then 6 bits at a time from the last */
    w = v;
    if (v >= 0x80u) {
        if (v < 0x800u) {
            v |= 0x3000u; /* 0xC0 << 6 */
        } else if (v < 0x10000u) {
            v |= 0xE0000u; /* 0xE0 << 12 */
        } else {
            v |= 0x3C00000u; /* 0xF0 << 18 */
        }
        w = 0;
        do {
            w = (w << 8) | 0x80u | (v & 0x3Fu);
            v >>= 6;
        } while (v > 0xFFu); /* the lead byte is left */
        w = (w << 8) | v;
    }
    return ((uint64_t)used << 32) | w;
}
