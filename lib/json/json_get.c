/* Token view: navigation (member, first, next, size) and typed getters. */
#include "camp/camp_json.h"

#include <string.h>

#include "json_internal.h"

/* Rare, large paths stay out of the frame of the getter that calls them
 * (CAMP_NOINLINE). */

#if !CAMP_ENGINE_FAST_PATHS
/* Not inlined into this file's callers: they share this one body (the kind test
 * stays in it, no second function behind a jump). */
CAMP_NOINLINE camp_json_kind_t camp_json_kind_at(const camp_json_doc_t *doc, int tok)
{
    return camp_json_token_kind(doc, tok);
}

/* Not inlined into camp_json_size(), as camp_json_kind_at() above. */
CAMP_NOINLINE int camp_json_size_at(const camp_json_doc_t *doc, int tok)
{
    return camp_json_token_size(doc, tok);
}
#endif

camp_json_kind_t camp_json_kind(const camp_json_doc_t *doc, int tok)
{
    if (doc == NULL || doc->tokens == NULL) {
        return CAMP_JSON_INVALID;
    }
    return camp_json_kind_at(doc, tok);
}

int camp_json_next(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t;
    int v = tok;
    int lo;
    int hi;
    int end;
#if CAMP_ENGINE_FAST_PATHS
    int step = 1;
#endif
    if (camp_json_tok(doc, tok) == NULL) {
        return -1;
    }
    t = doc->tokens;
    if (t[v].size > 0 && (t[v].type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_STRING) {
        v++; /* a key: its subtree is its value's */
        if (v >= doc->count) {
            return doc->count;
        }
    }
    if (t[v].size <= 0) {
        return v + 1;
    }
    /* Tokens are in document order and a subtree's tokens start inside its
     * container, so the next sibling is the first token starting at or past the
     * container's end: galloping (most subtrees are small), then binary search.
     * At most 2 log2(count) steps, no walk over the subtree; the result stays in
     * [tok + 1, count] whatever the token array holds. */
    end = t[v].end;
    lo = v + 1;
    hi = doc->count;
#if CAMP_ENGINE_FAST_PATHS
    /* a speed path: the binary search alone finds the same token */
    while (step < hi - lo && t[lo + step].start < end) {
        lo += step + 1;
        step *= 2;
    }
    if (step < hi - lo) {
        hi = lo + step + 1; /* t[lo + step] starts past the end */
    }
#endif
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (t[mid].start < end) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

int camp_json_first(const camp_json_doc_t *doc, int tok)
{
    /* a container with children (camp_json_size() is 0 for anything else) */
    if ((camp_json_size(doc, tok) <= 0) || ((tok + 1) >= doc->count)) {
        return -1;
    }
    return tok + 1;
}

int camp_json_size(const camp_json_doc_t *doc, int tok)
{
    if (doc == NULL || doc->tokens == NULL) {
        return 0;
    }
    return camp_json_size_at(doc, tok);
}

/* Where speed is wanted, the hot loop of member and enum lookup in a loop of its
 * own. */
#if CAMP_ENGINE_FAST_PATHS
bool camp_json_string_eq(const camp_json_doc_t *doc, int tok, const char *lit)
{
    const camp_json_token_t *t = camp_json_string_tok(doc, tok);
    const unsigned char *l = (const unsigned char *)lit;
    const char *p;
    const char *end;
    if (lit == NULL || t == NULL) {
        return false;
    }
    p = doc->text + t->start;
    end = doc->text + t->end;
    /* Plain bytes take no call (the hot loop of member and enum lookup); an escape
     * of a raw token is decoded by the leaf decoder, its UTF-8 compared byte by
     * byte (a decoded token's bytes are all plain). lit's NUL never matches: a NUL
     * in the token (raw, or \u0000) makes it longer than lit. */
    /* a speed path: a decoded token's bytes in a loop of their own, without the
     * escape test (the loop below compares them alike) */
    if ((t->type_ & CAMP_JSON_F_DECODED) != 0) {
        end = p; /* no raw bytes left for the loop below */
        for (; p < &doc->text[t->end]; p++, l++) {
            if (*p == '\0' || (unsigned char)*p != *l) {
                return false;
            }
        }
    }
    while (p < end) {
        uint32_t w;
        if ((*p != '\\') || ((t->type_ & CAMP_JSON_F_DECODED) != 0)) {
            if (*p == '\0' || (unsigned char)*p != *l) {
                return false;
            }
            p++;
            l++;
            continue;
        }
        {
            uint64_t r = camp_json_escape(p, end);
            p = &p[CAMP_JSON_ESC_USED(r)];
            w = CAMP_JSON_ESC_UTF8(r);
        }
        do {
            if (*l == '\0' || *l != (w & 0xFFu)) {
                return false;
            }
            l++;
            w >>= 8;
        } while (w != 0u);
    }
    return *l == '\0';
}
#else
/* Where code is built for size, the token's decoded bytes come from the one string
 * iterator (the path printer's), not from a decoding loop of its own. lit's NUL
 * never matches: a NUL in the token (raw, or \u0000) makes it longer than lit. */
bool camp_json_string_eq(const camp_json_doc_t *doc, int tok, const char *lit)
{
    camp_json_striter_t it;
    const unsigned char *l = (const unsigned char *)lit;
    int b;
    if ((lit == NULL) || !camp_json_striter_init(&it, doc, tok)) {
        return false;
    }
    while ((b = camp_json_striter_next(&it)) >= 0) {
        if ((*l == 0u) || ((unsigned)b != *l)) {
            return false;
        }
        l++;
    }
    return *l == 0u;
}
#endif

/* Does key token @p k equal @p key (@p klen bytes)? The hot loop of member lookup:
 * a length test rejects most keys without a call. Raw text without escapes (and a
 * decoded token) is its own value; raw text with escapes is longer than its value,
 * except where an escape is malformed (in a document camp_json_parse() did not
 * check): raw text as long as a key that holds a backslash never matches it.
 * camp_json_string_eq() decides the rest (it checks the token as well), as a tail
 * call: this frame is gone before its frame is made. */
#if CAMP_ENGINE_FAST_PATHS
static CAMP_NOINLINE bool key_is(const camp_json_doc_t *doc, int k, const char *key, size_t klen)
{
#else
/* where code is built for size, the key is measured here, so that its length does
 * not live in camp_json_member()'s frame across the calls */
static CAMP_NOINLINE bool key_is(const camp_json_doc_t *doc, int k, const char *key)
{
    size_t klen = strlen(key);
#endif
    const camp_json_token_t *t = &doc->tokens[k];
    size_t n = (size_t)t->end - (size_t)t->start; /* damaged (end < start): huge, refused */
    bool raw = (t->type_ & CAMP_JSON_F_DECODED) == 0;
    if (n < klen || (n > klen && !raw)) {
        return false;
    }
    if (n == klen && raw) {
        size_t i;
        for (i = 0; i < klen; i++) {
            if (key[i] == '\\') {
                return false;
            }
        }
    }
    return camp_json_string_eq(doc, k, key);
}

/* The key after key @p k of an object: right after a scalar value at once. */
static CAMP_NOINLINE int next_key(const camp_json_doc_t *doc, int k)
{
    const camp_json_token_t *t = &doc->tokens[k];
    return (t[0].size == 1 && t[1].size == 0) ? k + 2 : camp_json_next(doc, k);
}

int camp_json_member(const camp_json_doc_t *doc, int obj, const char *key)
{
    int found = -1;
    int k, n;
#if CAMP_ENGINE_FAST_PATHS
    size_t klen;
#endif
    if (camp_json_kind(doc, obj) != CAMP_JSON_OBJECT || key == NULL) {
        return -1;
    }
#if CAMP_ENGINE_FAST_PATHS
    klen = strlen(key);
#endif
    n = doc->tokens[obj].size;
    /* only doc, key, klen (where speed is wanted), n, k and found live across the
     * calls: a small frame */
    for (k = obj + 1; n > 0 && k < doc->count - 1; n--) {
        bool hit;
#if CAMP_ENGINE_FAST_PATHS
        hit = key_is(doc, k, key, klen);
#else
        hit = key_is(doc, k, key);
#endif
        /* no early exit: with duplicate keys the last one wins */
        if (hit) {
            found = k + 1;
        }
        k = next_key(doc, k);
    }
    return found;
}

/* ---- numbers ----------------------------------------------------------------- */

/* Number token @p tok of @p doc, or NULL when it is not a number. Returning the
 * token, not its text through pointers, keeps the callers' locals in registers. */
static const camp_json_token_t *number_tok(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t;
    if (camp_json_kind(doc, tok) != CAMP_JSON_NUMBER) {
        return NULL;
    }
    t = &doc->tokens[tok];
    return ((size_t)t->end > doc->len) ? NULL : t;
}

/* The digits s[from..n) as a magnitude, or UINT64_MAX (out of range, or a byte that
 * is not a digit). Policy: only integer literals are integers; `1e3` and `5.0` are
 * not, even though their values are whole (the APIs send plain integers). */
static uint64_t int_magnitude(const char *s, size_t from, size_t n)
{
    uint64_t m = 0;
    size_t i;
    for (i = from; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        /* 19 significant digits always fit in uint64_t (below UINT64_MAX); a 20th
         * (m has 19 already) is beyond any int64 */
        if ((d > 9u) || (m >= 1000000000000000000u)) {
            return UINT64_MAX;
        }
        m = (m * 10u) + d;
    }
    return m;
}

camp_status_t camp_json_get_int(const camp_json_doc_t *doc, int tok, int64_t min, int64_t max,
                                int64_t *out)
{
    const camp_json_token_t *t;
    const char *s;
    size_t n, i = 0;
    uint64_t mag;
    int64_t v;

    if (out == NULL || min > max) {
        return CAMP_ERR_ARG;
    }
    t = number_tok(doc, tok);
    if (t == NULL) {
        return CAMP_ERR_JSON_TYPE;
    }
    s = &doc->text[t->start];
    n = (size_t)t->end - (size_t)t->start;
    if (n > 0 && s[0] == '-') {
        i = 1;
    }
    if (i >= n) {
        return CAMP_ERR_JSON_TYPE;
    }
    mag = int_magnitude(s, i, n);
    /* the signed value; -(2^63) is computed without overflowing int64 */
    if (mag > (uint64_t)INT64_MAX + (uint64_t)i) {
        return CAMP_ERR_JSON_RANGE; /* also UINT64_MAX */
    }
    if (i == 0) {
        v = (int64_t)mag;
    } else {
        /* mag is 0..2^63 here: -(mag - 1) - 1 is -(2^63) too without an overflow */
        uint64_t below = mag - 1u;
        v = (mag == 0u) ? 0 : (-(int64_t)below - 1);
    }
    if (v < min || v > max) {
        return CAMP_ERR_JSON_RANGE;
    }
    *out = v;
    return CAMP_OK;
}

/* An exponent's size is read exactly up to EXP_EXACT * 10 + 9 (2^31 + 1); a larger
 * one is held at 2^31 + 2 or more, below 2^32 (32-bit arithmetic in the loop, no
 * int64). Either way it puts every digit beyond the same end of the millionths, as
 * first_place() sees it: a number token is at most INT_MAX bytes, so such an
 * exponent is larger than the token's length plus 8 (and than its integer digits'
 * count plus 8, when negative). */
#define EXP_EXACT 214748364u

/* The exponent of number text s[0..n): *end is where it starts ('e' or 'E', or n
 * when there is none), *e its value, held in size as EXP_EXACT tells. */
static camp_status_t number_exponent(const char *s, size_t n, size_t *end, int64_t *e)
{
    size_t x = 0, i;
    uint32_t v = 0;
    while (x < n && (s[x] | 0x20) != 'e') {
        x++;
    }
    for (i = x + 1; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (v > EXP_EXACT) {
                v = EXP_EXACT + 1u; /* then 2^31 + 2 or more */
            }
            v = (v * 10u) + (uint32_t)(unsigned char)(s[i] - '0');
        } else if (i != x + 1 || (s[i] != '-' && s[i] != '+')) {
            return CAMP_ERR_JSON_TYPE; /* not number text (only for a hand-made doc) */
        }
    }
    *end = x;
    *e = (x + 1 < n && s[x + 1] == '-') ? -(int64_t)v : (int64_t)v;
    return CAMP_OK;
}

/* The decimal place (1 = tenths) of the first digit of number text s[first..end)
 * with exponent @p e, into *q; CAMP_ERR_JSON_TYPE when there is no integer digit.
 * The place is held in [-n - 1, 8] so that it fits 32 bits: a place further out
 * lies as far beyond either end of the millionths for every digit (n at most). */
static camp_status_t first_place(const char *s, size_t first, size_t end, size_t n, int64_t e,
                                 int32_t *q)
{
    size_t i = first;
    int64_t q64;
    while ((i < end) && (s[i] != '.')) {
        i++; /* the integer digits end at the point */
    }
    if (i == first) {
        return CAMP_ERR_JSON_TYPE; /* no integer digit: not number text */
    }
    q64 = (1 - (int64_t)(size_t)(i - first)) - e;
    if (q64 > 8) {
        q64 = 8;
    } else if (q64 < (-(int64_t)n - 1)) {
        q64 = -(int64_t)n - 1;
    } else {
        /* in range */
    }
    *q = (int32_t)q64;
    return CAMP_OK;
}

/* A fraction being read: millionths so far, whether it is exactly 1, whether any
 * digit was not zero. */
typedef struct fraction {
    uint32_t m;
    bool one;
    bool nonzero;
} fraction_t;

/* The mantissa digits s[from..end) in order of place, q0 being the place of the
 * first: those down to millionths appended to f->m (a digit above the tenths is 0,
 * or the 1 of exactly 1), the seventh place rounds half up (0.9999995 -> 1), then
 * f->m scaled to millionths. 1 or more is out of range unless exactly 1 (1.0000001
 * is out, not rounded). */
static camp_status_t place_digits(const char *s, size_t from, size_t end, int32_t q0, fraction_t *f)
{
    int32_t q = q0;
    size_t i;
    for (i = from; i < end; i++) {
        unsigned d;
        if (s[i] == '.') {
            continue;
        }
        d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9u) {
            return CAMP_ERR_JSON_TYPE; /* not number text (only for a hand-made doc) */
        }
        if (d != 0u) {
            if ((q < 0) || f->one || ((q == 0) && (d != 1u))) {
                return CAMP_ERR_JSON_RANGE;
            }
            f->one = (q == 0);
            f->nonzero = true;
        }
        if (q <= 6) {
            f->m = (f->m * 10u) + d;
        } else if ((q == 7) && (d >= 5u)) {
            f->m++;
        } else {
            /* beyond the seventh place: no effect */
        }
        if (q < 8) {
            q++; /* held below 9: see first_place() */
        }
    }
    /* the last digit was at place q - 1; with a digit that is not 0 (at place 0 or
     * after it) q >= 1 */
    while (f->nonzero && (q < 7)) {
        f->m *= 10u;
        q++;
    }
    return CAMP_OK;
}

camp_status_t camp_json_get_fraction(const camp_json_doc_t *doc, int tok, uint32_t *millionths)
{
    const camp_json_token_t *t;
    const char *s;
    size_t n, first, end = 0;
    int64_t e = 0;
    int32_t q = 0;
    fraction_t f = {0, false, false};
    bool neg;
    camp_status_t st;

    if (millionths == NULL) {
        return CAMP_ERR_ARG;
    }
    t = number_tok(doc, tok);
    if (t == NULL) {
        return CAMP_ERR_JSON_TYPE;
    }
    s = &doc->text[t->start];
    n = (size_t)t->end - (size_t)t->start;
    neg = (s[0] == '-');
    first = neg ? (size_t)1 : (size_t)0;
    /* the exponent first: digits are then placed in one pass */
    st = number_exponent(s, n, &end, &e);
    if (st == CAMP_OK) {
        st = first_place(s, first, end, n, e, &q);
    }
    if (st == CAMP_OK) {
        st = place_digits(s, first, end, q, &f);
    }
    if (st != CAMP_OK) {
        return st;
    }
    if (!f.nonzero) {
        *millionths = 0; /* 0, -0, 0.000, 0e99: all zero */
        return CAMP_OK;
    }
    if (neg) {
        return CAMP_ERR_JSON_RANGE;
    }
    /* exactly 1 left f.m at 1000000 (CAMP_FRACTION_ONE): its 1 was the first digit
     * that is not 0, at place 0, and every digit after it a 0 */
    *millionths = f.m;
    return CAMP_OK;
}

camp_status_t camp_json_get_bool(const camp_json_doc_t *doc, int tok, bool *out)
{
    camp_json_kind_t k = camp_json_kind(doc, tok);
    if (out == NULL) {
        return CAMP_ERR_ARG;
    }
    if (k != CAMP_JSON_TRUE && k != CAMP_JSON_FALSE) {
        return CAMP_ERR_JSON_TYPE;
    }
    *out = (k == CAMP_JSON_TRUE);
    return CAMP_OK;
}

bool camp_json_is_null(const camp_json_doc_t *doc, int tok)
{
    return camp_json_kind(doc, tok) == CAMP_JSON_NULL;
}

/* ---- strings ----------------------------------------------------------------- */

/* Decode the raw string bytes [start, end) in place: their new end, or NULL for a
 * NUL. Not inlined: its locals stay out of camp_json_get_string()'s frame. Only
 * three values live across a call: this is under a decode's deepest frames. */
static CAMP_NOINLINE char *unescape(char *start, char *end)
{
    const char *p = start;
    char *w;
    uint64_t r;
    uint32_t u;

#if CAMP_ENGINE_FAST_PATHS
    /* No escape: the raw text is the value (the strict check proved it is UTF-8
     * without control bytes). */
    if (memchr(start, '\\', (size_t)(end - start)) == NULL) {
        return end;
    }
    /* First pass: refuse a NUL (raw, or a \\u0000 escape) before touching anything,
     * so a refused string stays intact (a C string cannot hold it). */
    while (p < end) {
        if (*p == '\0') {
            return NULL;
        }
        if (*p != '\\') {
            p++;
            continue;
        }
        r = camp_json_escape(p, end);
        if (CAMP_JSON_ESC_UTF8(r) == 0u) {
            return NULL;
        }
        p = &p[CAMP_JSON_ESC_USED(r)];
    }
#else
    /* The same in one pass where code is built for size (no memchr(): a firmware
     * that decodes links it for this alone, 160 B in picolibc): bit 0 of u tells an
     * escape was met, bit 1 a raw NUL, which refuses the text only when it has an
     * escape (without one, the raw text is the value); a \\u0000 escape refuses it
     * at once. */
    u = 0;
    while (p < end) {
        if (*p != '\\') {
            if (*p == '\0') {
                u |= 2u;
            }
            p++;
            continue;
        }
        r = camp_json_escape(p, end);
        if (CAMP_JSON_ESC_UTF8(r) == 0u) {
            return NULL;
        }
        p = &p[CAMP_JSON_ESC_USED(r)];
        u |= 1u;
    }
    if (u != 1u) {
        return ((u & 1u) == 0u) ? end : NULL;
    }
#endif
    /* Second pass: every escape is at least as long as the UTF-8 it becomes, so
     * the write position never passes the read position (the bytes before the
     * first escape are copied onto themselves). */
    p = start;
    w = start;
    while (p < end) {
        if (*p != '\\') {
            *w++ = *p++;
            continue;
        }
        r = camp_json_escape(p, end);
        p = &p[CAMP_JSON_ESC_USED(r)];
        u = CAMP_JSON_ESC_UTF8(r);
        do {
            *w++ = (char)(u & 0xFFu);
            u >>= 8;
        } while (u != 0u);
    }
    return w;
}

camp_status_t camp_json_get_string(camp_json_doc_t *doc, int tok, const char **out, size_t *len)
{
    camp_json_token_t *t = camp_json_string_tok(doc, tok);

    if (out == NULL) {
        return CAMP_ERR_ARG;
    }
    if (t == NULL) {
        return CAMP_ERR_JSON_TYPE;
    }
    if ((t->type_ & CAMP_JSON_F_DECODED) == 0) {
        if ((doc->tokens[0].type_ & CAMP_JSON_F_NO_ESCAPES) == 0) {
            /* only the decoded bytes' end moves; the closing quote becomes the NUL */
            const char *e = unescape(&doc->text[t->start], &doc->text[t->end]);
            if (e == NULL) {
                return CAMP_ERR_JSON_NUL;
            }
            t->end = (int)(e - doc->text);
        }
        t->type_ |= CAMP_JSON_F_DECODED;
    }
    /* The byte at `end` (the closing quote, or past the decoded bytes) becomes the NUL. */
    if ((size_t)t->end < doc->len) {
        doc->text[t->end] = '\0';
    }
    *out = doc->text + t->start;
    if (len != NULL) {
        *len = (size_t)(t->end - t->start);
    }
    return CAMP_OK;
}

void camp_json_raw(const camp_json_doc_t *doc, int tok, const char **out, size_t *len)
{
    const char *p = "";
    size_t n = 0;
    if (out == NULL) {
        return;
    }
    if (camp_json_kind(doc, tok) != CAMP_JSON_INVALID) {
        camp_json_raw_at(doc, tok, &p, &n);
    }
    *out = p;
    if (len != NULL) {
        *len = n;
    }
}
