/* Byte-level helpers of the JSON core: UTF-8 validation (also the validators', see
 * json_utf8.h) and encoding, \u hex
 * digits, and an iterator over the decoded bytes of a string token. */
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

uint32_t camp_json_hex4(const char *p)
{
    uint32_t v = 0;
    unsigned k;
    for (k = 0; k < 4; k++) {
        unsigned char c = (unsigned char)p[k];
        if (c >= 0x80u || (camp_json_cls[c] & CAMP_JSON_C_HEX) == 0) {
            return UINT32_MAX; /* not hex: callers treat as malformed */
        }
        /* '0'-'9' -> 0-9; 'a'-'f' and 'A'-'F' (bit 0x20 folded away) -> 10-15 */
        v = (v << 4) | (c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c & 0xDFu) - 'A' + 10));
    }
    return v;
}

unsigned camp_json_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80u) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        out[0] = (unsigned char)(0xC0u | (cp >> 6));
        out[1] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000u) {
        out[0] = (unsigned char)(0xE0u | (cp >> 12));
        out[1] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (unsigned char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    out[0] = (unsigned char)(0xF0u | (cp >> 18));
    out[1] = (unsigned char)(0x80u | ((cp >> 12) & 0x3Fu));
    out[2] = (unsigned char)(0x80u | ((cp >> 6) & 0x3Fu));
    out[3] = (unsigned char)(0x80u | (cp & 0x3Fu));
    return 4;
}

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

/* A high surrogate cp just read: with the \u low surrogate that must follow, the
 * code point of the pair, else U+FFFD (unpaired: rejected by camp_json_check()). */
static uint32_t striter_pair(camp_json_striter_t *it, uint32_t cp)
{
    uint32_t lo = UINT32_MAX;
    if (it->end - it->p >= 6 && it->p[0] == '\\' && it->p[1] == 'u') {
        lo = camp_json_hex4(it->p + 2);
    }
    if (lo >= 0xDC00u && lo <= 0xDFFFu) {
        it->p += 6;
        return 0x10000u + ((cp - 0xD800u) << 10) + (lo - 0xDC00u);
    }
    return 0xFFFDu;
}

/* A \uXXXX escape at it->p: its UTF-8 bytes are queued in it->pend, the first is
 * returned. */
static int striter_unicode(camp_json_striter_t *it)
{
    uint32_t cp = (it->end - it->p < 6) ? UINT32_MAX : camp_json_hex4(it->p + 2);
    if (cp == UINT32_MAX) {
        it->p++;
        return '\\';
    }
    it->p += 6;
    if (cp >= 0xD800u && cp <= 0xDBFFu) {
        cp = striter_pair(it, cp);
    } else if (cp >= 0xDC00u && cp <= 0xDFFFu) {
        cp = 0xFFFDu;
    }
    it->npend = camp_json_utf8_encode(cp, it->pend);
    it->ipend = 1;
    return it->pend[0];
}

/* A one-character escape (\n, \", ...) at it->p. */
static int striter_simple(camp_json_striter_t *it)
{
    static const char esc_in[] = "\"\\/bfnrt";
    static const char esc_out[] = "\"\\/\b\f\n\r\t";
    const char *e = (it->p[1] != 0) ? memchr(esc_in, it->p[1], sizeof esc_in - 1) : NULL;
    if (e == NULL) {
        it->p++;
        return '\\';
    }
    it->p += 2;
    return (unsigned char)esc_out[e - esc_in];
}

int camp_json_striter_next(camp_json_striter_t *it)
{
    unsigned char c;
    if (it->ipend < it->npend) {
        return it->pend[it->ipend++];
    }
    if (it->p >= it->end) {
        return -1;
    }
    c = (unsigned char)*it->p;
    /* A malformed or cut escape can only come from a document that did not go
     * through camp_json_parse(); its backslash is then returned as a byte. */
    if (it->decoded || c != '\\' || it->end - it->p < 2) {
        it->p++;
        return c;
    }
    return (it->p[1] == 'u') ? striter_unicode(it) : striter_simple(it);
}
