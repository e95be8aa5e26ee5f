/* Byte-level helpers of the JSON core: UTF-8 validation (also the validators', see
 * json_utf8.h), the one escape decoder, and an iterator over the decoded bytes of a
 * string token. */
#include "json_internal.h"

#include <string.h>

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

/* Why a byte cannot lead a sequence. */
static const char *utf8_lead_reason(unsigned char b0)
{
    if (b0 < 0xC2u) {
        return (b0 >= 0xC0u) ? CAMP_RULE(J23, "invalid UTF-8: overlong encoding")
                             : CAMP_RULE(J24, "invalid UTF-8: unexpected continuation byte");
    }
    return (b0 < 0xF8u) ? CAMP_RULE(J25, "invalid UTF-8: code point beyond U+10FFFF")
                        : CAMP_RULE(J26, "invalid UTF-8: byte never valid in UTF-8");
}

/* Why a second byte outside its lead byte's range is wrong. */
static const char *utf8_second_reason(unsigned char b0)
{
    if (b0 == 0xEDu) {
        return CAMP_RULE(J27, "invalid UTF-8: encoded surrogate");
    }
    if (b0 == 0xF4u) {
        return CAMP_RULE(J25, "invalid UTF-8: code point beyond U+10FFFF");
    }
    return CAMP_RULE(J23, "invalid UTF-8: overlong encoding");
}

size_t camp_json_utf8_seq(const unsigned char *s, size_t avail, const char **why, size_t *bad_at)
{
    uint32_t r = camp_utf8_seq(s, avail);
    uint32_t fail = r & CAMP_UTF8_FAIL_MASK;

    if (fail == 0u) {
        return r;
    }
    if (why != NULL) {
        if (fail == CAMP_UTF8_BAD_LEAD) {
            *why = utf8_lead_reason(s[0]);
        } else if (fail == CAMP_UTF8_BAD_SECOND) {
            *why = utf8_second_reason(s[0]);
        } else {
            *why = CAMP_RULE(J22, "invalid UTF-8: truncated sequence");
        }
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

bool camp_json_striter_init(camp_json_striter_t *it, const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t = camp_json_string_tok(doc, tok);
    if (t == NULL) {
        return false;
    }
    it->p = doc->text + t->start;
    it->end = doc->text + t->end;
    it->decoded = (t->type_ & CAMP_JSON_F_DECODED) != 0;
    it->npend = 0;
    it->ipend = 0;
    return true;
}

/* Value of a \uXXXX escape at p, or UINT32_MAX when there is none. */
static inline uint32_t u_escape_at(const char *p, const char *end)
{
    uint32_t v = 0;
    unsigned k;
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u') {
        return UINT32_MAX;
    }
    for (k = 2; k < 6; k++) {
        unsigned char c = (unsigned char)p[k];
        if (c >= 0x80u || (camp_json_cls[c] & CAMP_JSON_C_HEX) == 0) {
            return UINT32_MAX;
        }
        /* '0'-'9' -> 0-9; 'a'-'f' and 'A'-'F' (bit 0x20 folded away) -> 10-15 */
        v = (v << 4) | (c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c & 0xDFu) - 'A' + 10));
    }
    return v;
}

/* A one-letter escape's byte (c has CAMP_JSON_C_ESC): " \ / stand for themselves. */
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

/* A one-letter escape at p, else (malformed or cut) the backslash alone. */
static unsigned letter_escape(const char *p, const char *end, unsigned char *out)
{
    unsigned char c = (end - p >= 2) ? (unsigned char)p[1] : 0u;
    unsigned r = CAMP_JSON_UNESC(1u, 1u);
    out[0] = '\\';
    if (c < 0x80u && (camp_json_cls[c] & CAMP_JSON_C_ESC) != 0) {
        out[0] = simple_escape(c);
        r = CAMP_JSON_UNESC(2u, 1u);
    }
    return r;
}

/* UTF-8 of code point @p cp (not a surrogate) into @p out: continuation bytes from
 * the last, then the lead byte. Returns the byte count. */
static unsigned utf8_put(uint32_t cp, unsigned char *out)
{
    static const unsigned char lead[5] = {0x00u, 0x00u, 0xC0u, 0xE0u, 0xF0u};
    unsigned n = 4u;
    unsigned k;
    if (cp < 0x80u) {
        n = 1u;
    } else if (cp < 0x800u) {
        n = 2u;
    } else if (cp < 0x10000u) {
        n = 3u;
    } else {
        /* 4 bytes */
    }
    for (k = n - 1u; k > 0u; k--) {
        out[k] = (unsigned char)(0x80u | (cp & 0x3Fu));
        cp >>= 6;
    }
    out[0] = (unsigned char)(cp | lead[n]);
    return n;
}

/* Calls nothing (its helpers are inlined): it is the bottom of key comparison,
 * under every decode. */
unsigned camp_json_unescape(const char *p, const char *end, unsigned char *out)
{
    uint32_t cp = UINT32_MAX;
    uint32_t lo = UINT32_MAX;
    unsigned used = 0;
    /* a \uXXXX, and the one after it when it is a high surrogate */
    do {
        uint32_t v = u_escape_at(p + used, end);
        if (used == 0) {
            cp = v;
        } else {
            lo = v;
        }
        used += 6;
    } while (used == 6 && (cp & 0xFC00u) == 0xD800u);
    if (cp == UINT32_MAX) {
        return letter_escape(p, end, out);
    }
    used = 6;
    if ((cp & 0xF800u) == 0xD800u) {
        /* a surrogate: only a high one with its low one makes a code point */
        if ((cp & 0xFC00u) == 0xD800u && (lo & 0xFC00u) == 0xDC00u) {
            cp = 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
            used = 12;
        } else {
            cp = 0xFFFDu; /* unpaired: rejected by camp_json_check() */
        }
    }
    return CAMP_JSON_UNESC(used, utf8_put(cp, out));
}

int camp_json_striter_next(camp_json_striter_t *it)
{
    unsigned r;
    if (it->ipend < it->npend) {
        return it->pend[it->ipend++];
    }
    if (it->p >= it->end) {
        return -1;
    }
    if (it->decoded || *it->p != '\\') {
        return (unsigned char)*it->p++;
    }
    r = camp_json_unescape(it->p, it->end, it->pend);
    it->p += r >> 3;
    it->npend = (unsigned char)(r & 7u);
    it->ipend = 1;
    return it->pend[0];
}
