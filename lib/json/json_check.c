/* Strict RFC 8259 well-formedness check: one pass over the bytes, no
 * recursion, no call per byte. Bytes are classified by camp_json_is() (one
 * 128-entry table where speed is wanted, a few compares where size is); the plain
 * bytes of a string, the bulk of a document, are skipped by a two-test loop. Open containers are one bit each (object or
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
    ST_KEY_OR_CLOSE,   /* a key or '}' (just after '{'); right after ST_VALUE_OR_CLOSE */
    ST_KEY,            /* a key (after ',' in an object) */
    ST_COLON,          /* ':' after a key */
    ST_AFTER_VALUE,    /* ',' or the container's closing bracket */
    ST_END             /* only whitespace until the end */
};

/* Whitespace without a table load: ' ', or one of \t \n \r as a bit of 0x2600. */
#define IS_WS(b) ((b) == ' ' || ((b) <= '\r' && ((1u << (b)) & 0x2600u) != 0))

/* Word-at-a-time skipping of plain string bytes and of indentation, where
 * unaligned loads are cheap (memcpy of a word compiles to one load), and the
 * shortcuts past `"key": ` and a line break with its indentation. Left out
 * when optimizing for size (-Os: about 330 B of code on Cortex-M4, the main
 * and byte loops alone are correct) and on ARMv6-M, where a word copy is a call. */
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

#if CAMP_ENGINE_FAST_PATHS
/* s[j..) starts with at least one digit: the index past the run, else 0. */
static size_t digits(const unsigned char *s, size_t j, size_t len)
{
    size_t k = j;
    while (k < len && camp_json_is(s[k], CAMP_JSON_C_DIGIT)) {
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
    } else if (k < len && camp_json_is(s[k], CAMP_JSON_C_WORD)) {
        *bad = k;
        k = 0;
    }
    return k;
}
#else
/* Whether s[k] (k may be len) is a word byte, which would glue onto a number or a
 * literal before it: one copy of the test for both. */
static CAMP_NOINLINE bool glues(const unsigned char *s, size_t k, size_t len)
{
    return (k < len) && camp_json_is(s[k], CAMP_JSON_C_WORD);
}

/* Where code is built for size, the number's grammar is an automaton: 9 states (0:
 * start, 1: after '-', 2: after a leading 0, 3: integer digits, 4: after '.', 5:
 * fraction digits, 6: after 'e', 7: after the exponent's sign, 8: its digits), each
 * with the next state for a byte of class 0 ('0'), 1 ('1'..'9'), 2 ('.'), 3 ('e' or
 * 'E'), 4 ('+'), 5 ('-') in 4 bits each (0: no way on). States 2, 3, 5 and 8 may end
 * a number. */
static const uint32_t k_number_states[9] = {
    0x100032u, /* 0: '0' 2, '1'..'9' 3, '-' 1 */
    0x000032u, /* 1: '0' 2, '1'..'9' 3 */
    0x006400u, /* 2: '.' 4, 'e' 6 */
    0x006433u, /* 3: digits 3, '.' 4, 'e' 6 */
    0x000055u, /* 4: digits 5 */
    0x006055u, /* 5: digits 5, 'e' 6 */
    0x770088u, /* 6: digits 8, '+' '-' 7 */
    0x000088u, /* 7: digits 8 */
    0x000088u, /* 8: digits 8 */
};

/* Index past the number at s[i] (a '-' or a digit), or 0 with *bad the offending
 * index: the first byte with no way on, unless the number may end there and it is
 * not a word byte (`01`, `1.2.3`, `1x` fail too). */
static size_t number_end(const unsigned char *s, size_t i, size_t len, size_t *bad)
{
    unsigned st = 0;
    size_t k;
    for (k = i; k < len; k++) {
        unsigned b = s[k];
        unsigned c = 6; /* no way on */
        unsigned next = 0;
        if ((b - (unsigned)'0') <= 9u) {
            c = (b != (unsigned)'0') ? 1u : 0u;
        } else if (b == (unsigned)'.') {
            c = 2;
        } else if ((b | 0x20u) == (unsigned)'e') {
            c = 3;
        } else if (b == (unsigned)'+') {
            c = 4;
        } else if (b == (unsigned)'-') {
            c = 5;
        } else {
            /* no way on */
        }
        if (c < 6u) {
            next = (k_number_states[st] >> (4u * c)) & 0xFu;
        }
        if (next == 0u) {
            break;
        }
        st = next;
    }
    /* 0x12C: the states 2, 3, 5 and 8 */
    if ((((0x12Cu >> st) & 1u) == 0u) || glues(s, k, len)) {
        *bad = k;
        k = 0;
    }
    return k;
}
#endif

/* check_t::limits: the deepest nesting allowed, and a flag beside it. The flag shares
 * the field because a field of its own costs the checker's loop a register, and its
 * frame (under every check of a raw member) 8 bytes. */
#define CHECK_DEPTH_MASK 0xFFu
#define CHECK_ESCAPES 0x100u /* a backslash was met: CAMP_JSON_OK_ESCAPES's value */
typedef char check_depth_fits[(CAMP_JSON_MAX_DEPTH <= CHECK_DEPTH_MASK) ? 1 : -1];
typedef char check_escapes_status[((unsigned)CAMP_JSON_OK_ESCAPES == CHECK_ESCAPES) ? 1 : -1];

/* Every way the check fails: name, rule id, rule text. A failure is recorded as its
 * number (one byte at each failure site, not the address of its text), which finds
 * its text in one string of them back to back. A UTF-8 failure is F_UTF8 plus
 * camp_json_utf8_seq()'s reason, whose text camp_json_utf8_rule() gives. */
#define CHECK_FAILURES(X)                                                                          \
    X(F_NULL, J01, "input is NULL")                                                                \
    X(F_MAX_DEPTH_ARG, J02, "max_depth above CAMP_JSON_MAX_DEPTH")                                 \
    X(F_TOO_LARGE, J03, "document longer than INT_MAX bytes")                                      \
    X(F_COLON, J04, "expected ':' after the key")                                                  \
    X(F_AFTER_MEMBER, J05, "expected ',' or '}'")                                                  \
    X(F_AFTER_ITEM, J06, "expected ',' or ']'")                                                    \
    X(F_TRAILING, J07, "trailing data after the value")                                            \
    X(F_ESCAPE, J08, "invalid escape in string")                                                   \
    X(F_U_ESCAPE, J09, "invalid \\u escape (needs 4 hex digits)")                                  \
    X(F_SURROGATE, J10, "unpaired surrogate in \\u escape")                                        \
    X(F_CONTROL, J11, "control character in string")                                               \
    X(F_UNTERMINATED, J12, "unterminated string")                                                  \
    X(F_KEY, J13, "expected a string key")                                                         \
    X(F_DEPTH_MAX, J14, "nesting deeper than " CAMP_JSON_STR(CAMP_JSON_MAX_DEPTH))                 \
    X(F_DEPTH, J15, "nesting deeper than the limit")                                               \
    X(F_NUMBER, J16, "invalid number")                                                             \
    X(F_LITERAL, J17, "invalid literal")                                                           \
    X(F_BOM, J18, "byte order mark not allowed")                                                   \
    X(F_VALUE, J19, "expected a value")                                                            \
    X(F_NO_VALUE, J20, "no value in the document")                                                 \
    X(F_END, J21, "unexpected end of input")

#define FAILURE_NAME(name, id, text) name,

enum {
    CHECK_FAILURES(FAILURE_NAME) F_UTF8
};

/* Where the check stands: the input, the position, what may come next, one bit per
 * open container (1: object), and what went wrong once something did. */
typedef struct check {
    const unsigned char *s;
    size_t len;
    size_t i;
    unsigned st;
    unsigned depth;
    unsigned limits; /* max_depth in the low byte, CHECK_ESCAPES above it */
    uint32_t stack[(CAMP_JSON_MAX_DEPTH + 31) / 32];
    camp_status_t err; /* the failure's status (CAMP_ERR_JSON_SYNTAX unless set) */
    size_t at;         /* the failure's offset */
    unsigned fail;     /* the failure (F_*) */
} check_t;

/* Record failure @p f at @p at; returns false for `return check_fail(...)`. */
static bool check_fail(check_t *ck, size_t at, unsigned f)
{
    ck->at = at;
    ck->fail = f;
    return false;
}

static bool in_object(const check_t *ck)
{
    return ((ck->stack[(ck->depth - 1u) / 32u] >> ((ck->depth - 1u) % 32u)) & 1u) != 0;
}

/* After a complete value: the end of the document, or ',' / a closing bracket. */
static void value_done(check_t *ck)
{
    ck->st = (ck->depth == 0) ? ST_END : ST_AFTER_VALUE;
}

#if CAMP_ENGINE_FAST_PATHS
/* The \u escape at s[i] inside a string: as check_escape() below. */
/* A speed path: the hex digits are scanned in place, and the decoder is asked only
 * about a surrogate, for its pair. *k receives the index of the first byte that is
 * not part of the 4 hex digits. */
static bool u_escape(const unsigned char *s, size_t at, size_t len, size_t *k)
{
    size_t j = at + 2;
    if (len - at < 2 || s[at] != '\\' || s[at + 1] != 'u') {
        *k = at;
        return false;
    }
    while (j < at + 6 && j < len && camp_json_is(s[j], CAMP_JSON_C_HEX)) {
        j++;
    }
    *k = j;
    return j == at + 6;
}

static size_t check_u_escape(check_t *ck, size_t i)
{
    const unsigned char *s = ck->s;
    size_t k;
    if (!u_escape(s, i, ck->len, &k)) {
        if (k >= ck->len) {
            return ck->len;
        }
        (void)check_fail(ck, k, F_U_ESCAPE);
        return 0;
    }
    /* Policy (RFC 8259 sec. 8.2 leaves it open; JSONTestSuite i_ cases): a surrogate
     * escape must be a high one immediately followed by a low one. Anything else
     * cannot become UTF-8, so it is rejected. */
    if ((s[i + 2] | 0x20u) != 'd' || s[i + 3] < '8') {
        return i + 6; /* not D800..DFFF (the 4 hex digits are checked) */
    }
    /* the decoder takes 12 bytes only for a high surrogate with its low one */
    if (CAMP_JSON_ESC_USED(camp_json_escape((const char *)s + i, (const char *)s + ck->len)) !=
        12u) {
        (void)check_fail(ck, i, F_SURROGATE);
        return 0;
    }
    return i + 12;
}

/* A backslash at s[i] inside a string. Returns the index past the escape, 0 on
 * failure (recorded), or len when the input ends inside it. */
static size_t check_escape(check_t *ck, size_t i)
{
    const unsigned char *s = ck->s;
    ck->limits |= CHECK_ESCAPES;
    if (ck->len - i < 2) {
        return ck->len;
    }
    if (camp_json_is(s[i + 1], CAMP_JSON_C_ESC)) {
        return i + 2;
    }
    if (s[i + 1] != 'u') {
        (void)check_fail(ck, i + 1, F_ESCAPE);
        return 0;
    }
    return check_u_escape(ck, i);
}
#else
/* Where code is built for size, the one escape decoder reads every escape: it takes 2
 * bytes for a one-letter escape, 6 for a \u escape with 4 hex digits, 12 for a high
 * surrogate with its low one, and 1 (the backslash alone) for a malformed one; the
 * failing byte is looked for only on failure. The same results as above. */
static size_t check_escape(check_t *ck, size_t i)
{
    const unsigned char *s = ck->s;
    size_t used;
    ck->limits |= CHECK_ESCAPES;
    if (ck->len - i < 2) {
        return ck->len;
    }
    used = CAMP_JSON_ESC_USED(camp_json_escape((const char *)s + i, (const char *)s + ck->len));
    if (used == 1u) {
        size_t k = i + 2u;
        if (s[i + 1] != 'u') {
            (void)check_fail(ck, i + 1, F_ESCAPE);
            return 0;
        }
        /* the first byte that is not a hex digit, or the end of the input */
        while ((k < ck->len) && (camp_json_is(s[k], CAMP_JSON_C_HEX))) {
            k++;
        }
        if (k >= ck->len) {
            return ck->len;
        }
        (void)check_fail(ck, k, F_U_ESCAPE);
        return 0;
    }
    /* the same policy: a surrogate (D800..DFFF) only with its pair (12 bytes) */
    if ((used == 6u) && ((s[i + 2] | 0x20u) == 'd') && (s[i + 3] >= '8')) {
        (void)check_fail(ck, i, F_SURROGATE);
        return 0;
    }
    return i + used;
}
#endif

/* The bytes of a string whose opening quote is at ck->i: on success ck->i is past
 * the closing quote. */
static bool check_string(check_t *ck)
{
    const unsigned char *s = ck->s;
    size_t len = ck->len;
    size_t i = ck->i + 1;
    for (;;) {
        /* locals, not ck's fields: a field whose address is taken keeps the whole
         * state out of registers in this loop */
        unsigned why = 0;
        size_t k, bad = 0;
        i = skip_plain_words(s, i, len);
        while (i < len && camp_json_is(s[i], CAMP_JSON_C_PLAIN)) {
            i++;
        }
        if (i >= len || s[i] == '"') {
            break;
        }
        if (s[i] == '\\') {
            i = check_escape(ck, i);
            if (i == 0) {
                return false;
            }
            continue;
        }
        if (s[i] < 0x20u) {
            return check_fail(ck, i, F_CONTROL);
        }
        k = camp_json_utf8_seq(s + i, len - i, &why, &bad);
        if (k == 0) {
            ck->err = CAMP_ERR_JSON_UTF8;
            return check_fail(ck, i + bad, F_UTF8 + why);
        }
        i += k;
    }
    if (i >= len) {
        return check_fail(ck, ck->i, F_UNTERMINATED);
    }
    ck->i = i + 1;
    return true;
}

/* A string at ck->i: a key (then its ':', usually right behind it) or a value. */
static bool string_token(check_t *ck)
{
    if (!check_string(ck)) {
        return false;
    }
    if (ck->st == ST_KEY_OR_CLOSE || ck->st == ST_KEY) {
        ck->st = ST_COLON;
#if CAMP_JSON_SWAR
        /* the usual `"key": ` takes no trip round the main loop (a speed path: the
         * main loop reads the same bytes alike) */
        while (ck->i < ck->len && ck->s[ck->i] == ' ') {
            ck->i++;
        }
        if (ck->i < ck->len && ck->s[ck->i] == ':') {
            ck->i++;
            ck->st = ST_VALUE;
            if (ck->i < ck->len && ck->s[ck->i] == ' ') {
                ck->i++; /* and the usual space after it */
            }
        }
#endif
        return true;
    }
    value_done(ck);
    return true;
}

/* @p i, or past the line break at s[i] and the indentation after it: what usually
 * follows ',' and an opening bracket takes no trip round the main loop. */
#if CAMP_JSON_SWAR
static size_t past_line_break(const check_t *ck, size_t i)
{
    return ((i < ck->len) && (ck->s[i] == (unsigned char)'\n'))
               ? skip_space_words(ck->s, i + 1u, ck->len)
               : i;
}
#else
static size_t past_line_break(const check_t *ck, size_t i)
{
    (void)ck;
    return i; /* the main loop skips the same whitespace */
}
#endif

/* '{' or '[' at ck->i. */
static bool open_container(check_t *ck, unsigned char b)
{
    uint32_t bit = (uint32_t)1u << (ck->depth % 32u);
    if (ck->depth >= (ck->limits & CHECK_DEPTH_MASK)) {
        ck->err = CAMP_ERR_JSON_DEPTH; /* its limit: max_depth */
        return check_fail(ck, ck->i,
                          ((ck->limits & CHECK_DEPTH_MASK) == CAMP_JSON_MAX_DEPTH) ? F_DEPTH_MAX
                                                                                   : F_DEPTH);
    }
    if (b == '{') {
        ck->stack[ck->depth / 32u] |= bit;
        ck->st = ST_KEY_OR_CLOSE;
    } else {
        ck->stack[ck->depth / 32u] &= ~bit;
        ck->st = ST_VALUE_OR_CLOSE;
    }
    ck->depth++;
    ck->i = past_line_break(ck, ck->i + 1u);
    return true;
}

/* The closing bracket at ck->i (already matched against the open container). */
static bool close_container(check_t *ck)
{
    ck->depth--;
    ck->i++;
    value_done(ck);
    return true;
}

/* A number at ck->i. */
static bool number_token(check_t *ck)
{
    size_t bad = 0;
    size_t end = number_end(ck->s, ck->i, ck->len, &bad);
    if (end == 0) {
        return check_fail(ck, bad, F_NUMBER);
    }
    ck->i = end;
    value_done(ck);
    return true;
}

/* true, false or null at ck->i (b = its first byte), not followed by a word byte. */
static bool literal_token(check_t *ck, unsigned char b)
{
#if CAMP_ENGINE_FAST_PATHS
    /* four bytes compared at once (a constant size, which compilers inline), then
     * false's last byte */
    const char *w = (b == 't') ? "true" : (b == 'f') ? "fals" : "null";
    size_t n = (b == 'f') ? 5u : 4u;
    size_t i = ck->i, len = ck->len;
    if (len - i < n || memcmp(ck->s + i, w, 4u) != 0 ||
        (n == 5u && ck->s[i + 4u] != (unsigned char)'e') ||
        (len - i > n && camp_json_is(ck->s[i + n], CAMP_JSON_C_WORD))) {
        return check_fail(ck, i, F_LITERAL);
    }
#else
    /* byte by byte where code is built for size: a constant-size memcmp() is a call
     * there, and links it; the three words in one string (one address, not three) */
    static const char words[] = "true\0"
                                "false\0"
                                "null";
    const char *w = &words[(b == 't') ? 0u : ((b == 'f') ? 5u : 11u)];
    size_t i = ck->i, len = ck->len;
    size_t n = 0;
    while ((w[n] != '\0') && ((i + n) < len) && (ck->s[i + n] == (unsigned char)w[n])) {
        n++;
    }
    if ((w[n] != '\0') || glues(ck->s, i + n, len)) {
        return check_fail(ck, i, F_LITERAL);
    }
#endif
    ck->i = i + n;
    value_done(ck);
    return true;
}

/* A number, true, false or null at ck->i (b = its first byte). */
static bool scalar_token(check_t *ck, unsigned char b)
{
    const unsigned char *s = ck->s;
    if (b == '-' || camp_json_is(b, CAMP_JSON_C_DIGIT)) {
        return number_token(ck);
    }
    if (b == 't' || b == 'f' || b == 'n') {
        return literal_token(ck, b);
    }
    if (ck->i == 0 && ck->len >= 3 && b == 0xEFu && s[1] == 0xBBu && s[2] == 0xBFu) {
        /* Policy: RFC 8259 sec. 8.1 says MUST NOT add a BOM; we reject it. */
        return check_fail(ck, ck->i, F_BOM);
    }
    return check_fail(ck, ck->i, F_VALUE);
}

/* ',' or the closing bracket after a value inside a container. */
static bool after_value(check_t *ck, unsigned char b)
{
    bool obj = in_object(ck);
    if (b == ',') {
        ck->i = past_line_break(ck, ck->i + 1u);
        ck->st = obj ? ST_KEY : ST_VALUE;
        return true;
    }
    if (b != (obj ? '}' : ']')) {
        return check_fail(ck, ck->i, obj ? F_AFTER_MEMBER : F_AFTER_ITEM);
    }
    return close_container(ck);
}

/* One token at ck->i (b = its first byte, not whitespace). */
static bool step(check_t *ck, unsigned char b)
{
    switch (ck->st) {
    case ST_COLON:
        if (b != ':') {
            return check_fail(ck, ck->i, F_COLON);
        }
        ck->i++;
        ck->st = ST_VALUE;
        return true;
    case ST_AFTER_VALUE: return after_value(ck, b);
    case ST_END: return check_fail(ck, ck->i, F_TRAILING);
    default: break;
    }
#if CAMP_ENGINE_FAST_PATHS
    if ((b == ']' && ck->st == ST_VALUE_OR_CLOSE) || (b == '}' && ck->st == ST_KEY_OR_CLOSE)) {
        return close_container(ck);
    }
#else
    /* Where code is built for size, one test for ']' just after '[' and '}' just after
     * '{' (']' | 0x20 is '}'; bit 5 of the bracket adds 1 for '}': ST_KEY_OR_CLOSE is
     * the enumerator after ST_VALUE_OR_CLOSE): the compiler then copies less of what
     * follows for each bracket */
    if (((b | 0x20u) == (unsigned char)'}') && (ck->st == (ST_VALUE_OR_CLOSE + ((b >> 5) & 1u)))) {
        return close_container(ck);
    }
#endif
    if (b == '"') {
        return string_token(ck);
    }
    if (ck->st >= ST_KEY_OR_CLOSE) {
        return check_fail(ck, ck->i, F_KEY);
    }
    if (b == '{' || b == '[') {
        return open_container(ck, b);
    }
    return scalar_token(ck, b);
}

/* The whole document; false with the failure recorded in @p ck. */
static bool check_document(check_t *ck)
{
    const unsigned char *s = ck->s;
    size_t len = ck->len;
    for (;;) {
        /* a local index: ck's address is taken, so its fields live in memory */
        size_t i = ck->i;
        while (i < len && IS_WS(s[i])) {
            /* a line break is usually followed by indentation */
            i = (s[i] == '\n') ? skip_space_words(s, i + 1, len) : i + 1;
        }
        ck->i = i;
        if (i >= len) {
            break;
        }
        if (!step(ck, s[i])) {
            return false;
        }
    }
    if (ck->st == ST_END) {
        return true;
    }
    return check_fail(ck, ck->len, (ck->st == ST_VALUE && ck->depth == 0) ? F_NO_VALUE : F_END);
}

CAMP_RULE_IDS_FIT(check_ids_fit, CHECK_FAILURES(CAMP_RULE_ROW), F_UTF8)

/* camp_diag_set(diag, err, "$", rule of failure @p f) without the path builder's
 * frames under the checker's (the cleared path is already "$"). The rule is found
 * before the clear, so that only diag, the status and the rule live across that call:
 * this frame stays as small as the UTF-8 check's, the checker's deepest callee
 * otherwise. */
static CAMP_NOINLINE void check_report(camp_diag_t *diag, camp_status_t err, unsigned f)
{
    static const char texts[] = CHECK_FAILURES(CAMP_RULE_ROW);
    const char *rule = (f >= (unsigned)F_UTF8) ? camp_json_utf8_rule(f - (unsigned)F_UTF8)
                                               : CAMP_RULE_NTH(texts, f);
    if (diag != NULL) {
        camp_diag_clear(diag);
        diag->status = err;
        diag->rule = rule;
    }
}

camp_status_t camp_json_check(const char *json, size_t len, unsigned max_depth, camp_diag_t *diag)
{
    camp_status_t st = camp_json_check_text(json, len, max_depth, diag);
    return (st == CAMP_JSON_OK_ESCAPES) ? CAMP_OK : st;
}

camp_status_t camp_json_check_text(const char *json, size_t len, unsigned max_depth,
                                   camp_diag_t *diag)
{
    check_t ck;
    ck.err = CAMP_ERR_JSON_SYNTAX;
    ck.limits = max_depth; /* at most CAMP_JSON_MAX_DEPTH when it is used */
    ck.at = 0;
    ck.fail = F_NULL;
    if (json == NULL || max_depth > CAMP_JSON_MAX_DEPTH) {
        ck.err = CAMP_ERR_ARG;
        (void)check_fail(&ck, CAMP_DIAG_NO_OFFSET, (json == NULL) ? F_NULL : F_MAX_DEPTH_ARG);
    } else if (len > (size_t)INT_MAX) {
        /* token offsets are int (the tokenizer's type), so larger input cannot be indexed */
        ck.err = CAMP_ERR_JSON_TOO_LARGE; /* its limit: INT_MAX */
        (void)check_fail(&ck, CAMP_DIAG_NO_OFFSET, F_TOO_LARGE);
    } else {
        ck.s = (const unsigned char *)json;
        ck.len = len;
        ck.i = 0;
        ck.st = ST_VALUE;
        ck.depth = 0;
        memset(ck.stack, 0, sizeof ck.stack);
        if (check_document(&ck)) {
            /* CAMP_OK or CAMP_JSON_OK_ESCAPES: the flag is that status (checked above) */
            return (camp_status_t)(ck.limits & CHECK_ESCAPES);
        }
    }
    check_report(diag, ck.err, ck.fail);
    if (diag != NULL) {
        diag->offset = ck.at;
        /* the two failures that have a limit; keeping it out of check_t keeps the
         * state small (this frame is under the diagnostic's) */
        if ((ck.err == CAMP_ERR_JSON_DEPTH) || (ck.err == CAMP_ERR_JSON_TOO_LARGE)) {
            unsigned deepest = ck.limits & CHECK_DEPTH_MASK;
            camp_diag_set_limits(diag, 0,
                                 (ck.err == CAMP_ERR_JSON_DEPTH) ? (int64_t)deepest : INT_MAX);
        }
    }
    return ck.err;
}
