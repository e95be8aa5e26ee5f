/* JSON writer into a caller buffer.
 *
 * Every call goes through put() (plain values through put_value(), the same
 * without string quoting): it checks the call against the nesting state, then
 * writes its separator and payload byte by byte while counting them. When
 * a byte does not fit, the call's bytes are taken back (len returns to where
 * the call started), so the buffer always holds a prefix of complete calls;
 * after that nothing more is written, but sizes are still counted and the
 * nesting state still followed, so `needed` is the exact size of the whole
 * document and misuse is still detected.
 *
 * Levels: depth 0 is the top level; a container opened at depth d-1 is level
 * d and uses bit d-1 of has_items / is_object. Whether the single top-level
 * value was started is `needed > 0` at depth 0 (every value has >= 1 byte). */
#include "camp/camp_json.h"

#include <string.h>

#include "json_internal.h"
#include "status/status_internal.h"

/* What a put() call writes. */
enum {
    P_VALUE,  /* raw value bytes (number, literal, pre-encoded JSON) */
    P_STRING, /* a string value, quoted and escaped */
    P_KEY,    /* a member key, quoted and escaped, then ':' */
    P_OPEN,   /* '{' or '[' (the byte given) */
    P_CLOSE   /* '}' or ']' */
};

/* Misuse (ARG, STATE) is sticky and wins over BUFFER_TOO_SMALL: a bigger
 * buffer would not fix it, so that is what finish() must report. */
static void set_error(camp_json_writer_t *w, camp_status_t st)
{
    if (w->status == CAMP_OK || w->status == CAMP_ERR_BUFFER_TOO_SMALL) {
        w->status = st;
    }
}

static bool misused(const camp_json_writer_t *w)
{
    return w->status != CAMP_OK && w->status != CAMP_ERR_BUFFER_TOO_SMALL;
}

static uint32_t level_bit(const camp_json_writer_t *w)
{
    return (uint32_t)1u << (w->depth - 1u);
}

static bool in_object(const camp_json_writer_t *w)
{
    return w->depth > 0 && (w->is_object & level_bit(w)) != 0;
}

/* One output byte: stored while everything so far fitted, always counted. */
static void out(camp_json_writer_t *w, char c)
{
    if (w->status == CAMP_OK) {
        if (w->len < w->cap) {
            w->buf[w->len++] = c;
        } else {
            w->status = CAMP_ERR_BUFFER_TOO_SMALL;
        }
    }
    w->needed++;
}

/* Whether ASCII byte @p b goes out as it is. Where code is built for size the class
 * is computed (no table): out of line there, so that the test's registers do not
 * enlarge put()'s frame, which is under every encoder's. */
#if CAMP_ENGINE_FAST_PATHS
#define plain_byte(b) camp_json_is((b), CAMP_JSON_C_PLAIN)
#else
static CAMP_NOINLINE bool plain_byte(unsigned b)
{
    return camp_json_is(b, CAMP_JSON_C_PLAIN);
}
#endif

/* s[0..n) quoted, escaped as needed; false when it is not valid UTF-8 (we never
 * send text the receiver could not decode: be exact on what we send). */
static bool out_quoted(camp_json_writer_t *w, const char *s, size_t n)
{
    size_t i = 0, k;
    out(w, '"');
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x80u) {
            k = camp_json_utf8_seq((const unsigned char *)s + i, n - i, NULL, NULL);
            if (k == 0) {
                return false;
            }
        } else if (plain_byte(b)) {
            k = 1;
        } else {
            /* '"', '\' and controls: the short escape where there is one (\b \t \n
             * \f \r are bytes 8, 9, 10, 12, 13), else \u00XX (the high digit 0 or 1) */
            unsigned char e = b;
            out(w, '\\');
            if (b < 0x20u) {
                e = ((b - 8u) < 6u) ? (unsigned char)"btn\0fr"[b - 8u] : 0u;
            }
            if (e != 0u) {
                out(w, (char)e);
            } else {
                unsigned lo = (unsigned)b & 0xFu;
                char last = (char)((lo < 10u) ? ('0' + lo) : ('W' + lo)); /* 'W' + 10 = 'a' */
                out(w, 'u');
                out(w, '0');
                out(w, '0');
                out(w, (char)('0' + ((unsigned)b >> 4)));
                out(w, last);
            }
            i++;
            continue;
        }
        while (k-- > 0) {
            out(w, s[i++]);
        }
    }
    out(w, '"');
    return true;
}

/* Whether a write of kind @p what fits the writer's state; CAMP_ERR_STATE when not. */
static bool put_allowed(camp_json_writer_t *w, unsigned what, const char *s)
{
    bool obj = in_object(w);
    bool bad;
    if (what == P_CLOSE) {
        /* nothing open, wrong bracket, or key without value */
        bad = w->depth == 0 || obj != (s[0] == '}') || w->after_key;
    } else if (what == P_KEY) {
        bad = !obj || w->after_key;
    } else if (w->depth == 0) {
        bad = w->needed > 0; /* one top-level value only */
    } else {
        bad = obj && !w->after_key; /* a member value needs its key first */
    }
    if (!bad && what == P_OPEN && w->depth >= CAMP_JSON_WRITER_MAX_DEPTH) {
        bad = true; /* deeper than CAMP_JSON_WRITER_MAX_DEPTH */
    }
    if (bad) {
        w->status = CAMP_ERR_STATE; /* not misused before (put_begin()): it wins */
    }
    return !bad;
}

/* The comma before an item that follows another one at its level. */
static void put_separator(camp_json_writer_t *w, unsigned what)
{
    if (what != P_CLOSE && w->depth > 0 && !w->after_key && (w->has_items & level_bit(w)) != 0) {
        out(w, ',');
    }
}

/* The end of a write that started with len0 bytes held: a call that did not fit
 * keeps none of its bytes (the status is CAMP_OK or BUFFER_TOO_SMALL here, and
 * when it was too small before the call, nothing was stored: len is len0), then
 * the writer's state after it: depth, "has items" and "object" bits per level. */
static void put_done(camp_json_writer_t *w, unsigned what, const char *s, size_t len0)
{
    if (w->status != CAMP_OK) {
        w->len = len0;
    }
    if (what == P_CLOSE) {
        w->depth--;
        return;
    }
    if (what == P_KEY) {
        w->after_key = true;
        return;
    }
    if (w->depth > 0) {
        w->has_items |= level_bit(w);
    }
    w->after_key = false;
    if (what == P_OPEN) {
        uint32_t bit = (uint32_t)1u << w->depth; /* the new level's */
        w->depth++;
        w->has_items &= ~bit;
        w->is_object = (w->is_object & ~bit) | ((s[0] == '{') ? bit : 0u);
    }
}

/* The checks every write starts with: writer usable, arguments, nesting state. */
static bool put_begin(camp_json_writer_t *w, unsigned what, const char *s, size_t n)
{
    bool ok = (w != NULL) && !misused(w);
    if (ok && s == NULL && n > 0u) {
        w->status = CAMP_ERR_ARG; /* not misused before: it wins */
        ok = false;
    }
    return ok && put_allowed(w, what, s);
}

/* The one entry of the string and key writes: state check, separator, quoted text. */
static void put(camp_json_writer_t *w, unsigned what, const char *s, size_t n)
{
    size_t len0, needed0;

    if (!put_begin(w, what, s, n)) {
        return;
    }
    len0 = w->len;
    needed0 = w->needed;
    put_separator(w, what);
    if (!out_quoted(w, (s != NULL) ? s : "", n)) {
        /* none of it counted either; misuse wins over a buffer too small */
        w->len = len0;
        w->needed = needed0;
        w->status = CAMP_ERR_ARG;
        return;
    }
    if (what == P_KEY) {
        out(w, ':');
    }
    put_done(w, what, s, len0);
}

/* A write of bytes as given: a value (number, literal, pre-encoded JSON) or a
 * bracket. put() without the string quoting, so that writing a number never
 * reaches the UTF-8 check (the encoders' deepest stack path ran through it). */
static void put_raw(camp_json_writer_t *w, unsigned what, const char *s, size_t n)
{
    size_t len0;
    size_t i;

    if (!put_begin(w, what, s, n)) {
        return;
    }
    len0 = w->len;
    put_separator(w, what);
    for (i = 0; i < n; i++) {
        out(w, s[i]);
    }
    put_done(w, what, s, len0);
}

/* A value written as given. */
static void put_value(camp_json_writer_t *w, const char *s, size_t n)
{
    put_raw(w, P_VALUE, s, n);
}

void camp_json_writer_init(camp_json_writer_t *w, char *buf, size_t cap)
{
    if (w == NULL) {
        return;
    }
    memset(w, 0, sizeof *w);
    w->buf = buf;
    w->cap = (buf != NULL) ? cap : 0;
    w->status = (buf == NULL && cap > 0) ? CAMP_ERR_ARG : CAMP_OK;
    if (buf != NULL && cap > 0) {
        buf[0] = '\0';
    }
}

/* Bracket @p k of "{[}]" (0, 1: opening; 2, 3: closing). Not inlined: the four
 * bracket writes each pass one number and jump here. */
static CAMP_NOINLINE void put_bracket(camp_json_writer_t *w, unsigned k)
{
    put_raw(w, (k < 2u) ? P_OPEN : P_CLOSE, &"{[}]"[k], 1);
}

void camp_json_write_object_begin(camp_json_writer_t *w)
{
    put_bracket(w, 0);
}

void camp_json_write_object_end(camp_json_writer_t *w)
{
    put_bracket(w, 2);
}

void camp_json_write_array_begin(camp_json_writer_t *w)
{
    put_bracket(w, 1);
}

void camp_json_write_array_end(camp_json_writer_t *w)
{
    put_bracket(w, 3);
}

void camp_json_write_key_n(camp_json_writer_t *w, const char *key, size_t len)
{
    put(w, P_KEY, key, len);
}

/* A NUL-terminated text: NULL is an argument error (not an empty text), which put()
 * reports for a NULL text of a length above 0. Not inlined: the key and string
 * writes share it (each is a jump to it), and its frame is the one theirs was. */
static CAMP_NOINLINE void put_c(camp_json_writer_t *w, unsigned what, const char *s)
{
    put(w, what, s, (s != NULL) ? strlen(s) : 1u);
}

void camp_json_write_key(camp_json_writer_t *w, const char *key)
{
    put_c(w, P_KEY, key);
}

void camp_json_write_string(camp_json_writer_t *w, const char *s, size_t len)
{
    put(w, P_STRING, s, len);
}

void camp_json_write_cstring(camp_json_writer_t *w, const char *s)
{
    put_c(w, P_STRING, s);
}

void camp_json_write_int(camp_json_writer_t *w, int64_t v)
{
    char text[1u + CAMP_U64_DIGITS]; /* a sign, then the digits */
    /* the magnitude as unsigned (INT64_MIN needs no special case) */
    size_t n = 1u + camp_u64_decimal(&text[1], (v < 0) ? (0u - (uint64_t)v) : (uint64_t)v);
    if (v < 0) {
        n--;
        text[n] = '-';
    }
    put_value(w, &text[n], sizeof text - n);
}

void camp_json_write_fraction(camp_json_writer_t *w, uint32_t millionths)
{
    char text[8];
    size_t k;
    uint32_t v = millionths;
    if (w != NULL && millionths > CAMP_FRACTION_ONE) {
        set_error(w, CAMP_ERR_ARG);
        return;
    }
    /* d.dddddd (d is 0, or 1 for CAMP_FRACTION_ONE), then trailing zeros dropped and
     * a bare point with them: the shortest exact decimal ("0", "0.25", "1") */
    for (k = 7; k >= 2; k--) {
        text[k] = (char)('0' + v % 10u);
        v /= 10u;
    }
    text[0] = (char)('0' + v);
    text[1] = '.';
    k = 8;
    while (text[k - 1] == '0') {
        k--;
    }
    if (text[k - 1] == '.') {
        k--;
    }
    put_value(w, text, k);
}

void camp_json_write_bool(camp_json_writer_t *w, bool v)
{
    put_value(w, v ? "true" : "false", v ? 4u : 5u);
}

void camp_json_write_null(camp_json_writer_t *w)
{
    put_value(w, "null", 4);
}

void camp_json_write_raw(camp_json_writer_t *w, const char *json, size_t len)
{
    /* an empty text is not a value: as a NULL text, an argument error */
    put_value(w, (len != 0u) ? json : NULL, (len != 0u) ? len : 1u);
}

camp_status_t camp_json_writer_finish(camp_json_writer_t *w, size_t *out_len)
{
    if (w == NULL) {
        return CAMP_ERR_ARG;
    }
    if (!misused(w) && (w->depth != 0 || w->after_key || w->needed == 0)) {
        set_error(w, CAMP_ERR_STATE); /* unclosed container, or no value at all */
    }
    if (w->buf != NULL && w->len < w->cap) {
        w->buf[w->len] = '\0';
    }
    if (out_len != NULL) {
        *out_len = w->len;
    }
    return w->status;
}
