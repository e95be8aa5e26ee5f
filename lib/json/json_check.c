/* Strict RFC 8259 well-formedness check: one pass over the bytes, no
 * recursion. Open containers are kept as one bit each (object or array) in a
 * local array sized for CAMP_JSON_MAX_DEPTH; the state says what may come
 * next. Every loop advances by at least one byte, so the work is linear in
 * the input length. */
#include "camp/camp_json.h"

#include <limits.h>
#include <string.h>

#include "json_internal.h"

#define CAMP_JSON_STR_(x) #x
#define CAMP_JSON_STR(x) CAMP_JSON_STR_(x)

/* What the checker expects next. */
typedef enum {
    ST_VALUE,          /* a value (document start, after ':' or after ',' in an array) */
    ST_VALUE_OR_CLOSE, /* a value or ']' (just after '[') */
    ST_KEY_OR_CLOSE,   /* a key or '}' (just after '{') */
    ST_KEY,            /* a key (after ',' in an object) */
    ST_COLON,          /* ':' after a key */
    ST_AFTER_VALUE,    /* ',' or the container's closing bracket */
    ST_END             /* only whitespace until the end */
} check_state_t;

typedef struct {
    const unsigned char *s;
    size_t len;
    size_t i; /* current byte */
    camp_diag_t *diag;
} check_ctx_t;

static camp_status_t fail(check_ctx_t *c, camp_status_t st, size_t at, const char *rule)
{
    camp_diag_set(c->diag, st, "$", rule);
    if (c->diag != NULL) {
        c->diag->offset = at;
    }
    return st;
}

static bool is_ws(unsigned char b)
{
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
}

static bool is_digit(unsigned char b)
{
    return b >= '0' && b <= '9';
}

static bool is_hex(unsigned char b)
{
    return is_digit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
}

/* Bytes that would glue onto a number or literal (`01`, `1.2.3`, `truex`). */
static bool is_word_byte(unsigned char b)
{
    return is_digit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '.' ||
           b == '+' || b == '-' || b == '_';
}

/* \uXXXX at s[at] (the backslash); the 4 hex digits are known to be present. */
static uint32_t hex_at(const check_ctx_t *c, size_t at)
{
    return camp_json_hex4((const char *)c->s + at + 2);
}

/* True when s[at..] is a complete `\u` escape with 4 hex digits. */
static bool u_escape_at(const check_ctx_t *c, size_t at)
{
    size_t k;
    if (c->len - at < 6 || c->s[at] != '\\' || c->s[at + 1] != 'u') {
        return false;
    }
    for (k = 2; k < 6; k++) {
        if (!is_hex(c->s[at + k])) {
            return false;
        }
    }
    return true;
}

/* c->i is at the opening quote; on success c->i is just past the closing one. */
static camp_status_t scan_string(check_ctx_t *c)
{
    size_t open = c->i;
    size_t j = open + 1;
    while (j < c->len) {
        unsigned char b = c->s[j];
        if (b == '"') {
            c->i = j + 1;
            return CAMP_OK;
        }
        if (b == '\\') {
            unsigned char e;
            if (c->len - j < 2) {
                break;
            }
            e = c->s[j + 1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                e == 'r' || e == 't') {
                j += 2;
                continue;
            }
            if (e != 'u') {
                return fail(c, CAMP_ERR_JSON_SYNTAX, j + 1, "invalid escape in string");
            }
            if (!u_escape_at(c, j)) {
                size_t k = j + 2;
                while (k < c->len && k < j + 6 && is_hex(c->s[k])) {
                    k++;
                }
                if (k >= c->len) {
                    break; /* input ends inside the escape */
                }
                return fail(c, CAMP_ERR_JSON_SYNTAX, k, "invalid \\u escape (needs 4 hex digits)");
            }
            {
                uint32_t cp = hex_at(c, j);
                /* Policy (RFC 8259 sec. 8.2 leaves it open; JSONTestSuite i_ cases):
                 * a surrogate escape must be a high one immediately followed by a
                 * low one. Anything else cannot become UTF-8, so it is rejected. */
                if (cp >= 0xDC00u && cp <= 0xDFFFu) {
                    return fail(c, CAMP_ERR_JSON_SYNTAX, j, "unpaired surrogate in \\u escape");
                }
                if (cp >= 0xD800u && cp <= 0xDBFFu) {
                    uint32_t lo;
                    if (!u_escape_at(c, j + 6) ||
                        (lo = hex_at(c, j + 6)) < 0xDC00u || lo > 0xDFFFu) {
                        return fail(c, CAMP_ERR_JSON_SYNTAX, j,
                                    "unpaired surrogate in \\u escape");
                    }
                    j += 12;
                } else {
                    j += 6;
                }
            }
            continue;
        }
        if (b < 0x20u) {
            return fail(c, CAMP_ERR_JSON_SYNTAX, j, "control character in string");
        }
        if (b >= 0x80u) {
            const char *why = "invalid UTF-8";
            size_t bad = 0;
            size_t n = camp_json_utf8_seq(c->s + j, c->len - j, &why, &bad);
            if (n == 0) {
                return fail(c, CAMP_ERR_JSON_UTF8, j + bad, why);
            }
            j += n;
            continue;
        }
        j++;
    }
    return fail(c, CAMP_ERR_JSON_SYNTAX, open, "unterminated string");
}

static size_t skip_digits(const check_ctx_t *c, size_t j)
{
    while (j < c->len && is_digit(c->s[j])) {
        j++;
    }
    return j;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? not followed by a word byte. */
static camp_status_t scan_number(check_ctx_t *c)
{
    size_t j = c->i;
    if (c->s[j] == '-') {
        j++;
    }
    if (j >= c->len || !is_digit(c->s[j])) {
        return fail(c, CAMP_ERR_JSON_SYNTAX, j, "invalid number");
    }
    j = (c->s[j] == '0') ? j + 1 : skip_digits(c, j);
    if (j < c->len && c->s[j] == '.') {
        j++;
        if (j >= c->len || !is_digit(c->s[j])) {
            return fail(c, CAMP_ERR_JSON_SYNTAX, j, "invalid number");
        }
        j = skip_digits(c, j);
    }
    if (j < c->len && (c->s[j] == 'e' || c->s[j] == 'E')) {
        j++;
        if (j < c->len && (c->s[j] == '+' || c->s[j] == '-')) {
            j++;
        }
        if (j >= c->len || !is_digit(c->s[j])) {
            return fail(c, CAMP_ERR_JSON_SYNTAX, j, "invalid number");
        }
        j = skip_digits(c, j);
    }
    if (j < c->len && is_word_byte(c->s[j])) {
        return fail(c, CAMP_ERR_JSON_SYNTAX, j, "invalid number");
    }
    c->i = j;
    return CAMP_OK;
}

static camp_status_t scan_literal(check_ctx_t *c)
{
    static const char *const words[3] = {"true", "false", "null"};
    size_t w;
    for (w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (c->s[c->i] == (unsigned char)words[w][0]) {
            if (c->len - c->i < n || memcmp(c->s + c->i, words[w], n) != 0 ||
                (c->len - c->i > n && is_word_byte(c->s[c->i + n]))) {
                return fail(c, CAMP_ERR_JSON_SYNTAX, c->i, "invalid literal");
            }
            c->i += n;
            return CAMP_OK;
        }
    }
    return fail(c, CAMP_ERR_JSON_SYNTAX, c->i, "expected a value");
}

static bool top_is_object(const unsigned char *stack, unsigned depth)
{
    unsigned d = depth - 1;
    return (stack[d / 8u] & (1u << (d % 8u))) != 0;
}

camp_status_t camp_json_check(const char *json, size_t len, unsigned max_depth,
                              camp_diag_t *diag)
{
    unsigned char stack[(CAMP_JSON_MAX_DEPTH + 7) / 8];
    unsigned depth = 0;
    check_state_t st = ST_VALUE;
    check_ctx_t c;
    camp_status_t r = CAMP_OK;

    c.s = (const unsigned char *)json;
    c.len = len;
    c.i = 0;
    c.diag = diag;
    if (json == NULL || max_depth > CAMP_JSON_MAX_DEPTH) {
        return fail(&c, CAMP_ERR_ARG, CAMP_DIAG_NO_OFFSET,
                    json == NULL ? "input is NULL" : "max_depth above CAMP_JSON_MAX_DEPTH");
    }
    if (len > (size_t)INT_MAX) {
        /* token offsets are int (the tokenizer's type), so larger input cannot be indexed */
        fail(&c, CAMP_ERR_JSON_TOO_LARGE, CAMP_DIAG_NO_OFFSET,
             "document longer than INT_MAX bytes");
        camp_diag_set_limits(diag, 0, INT_MAX);
        return CAMP_ERR_JSON_TOO_LARGE;
    }
    memset(stack, 0, sizeof stack);

    while (c.i < len && r == CAMP_OK) {
        unsigned char b = c.s[c.i];
        if (is_ws(b)) {
            c.i++;
            continue;
        }
        switch (st) {
        case ST_VALUE_OR_CLOSE:
        case ST_VALUE:
            if (b == ']' && st == ST_VALUE_OR_CLOSE) {
                depth--;
                c.i++;
                st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
                break;
            }
            if (b == '{' || b == '[') {
                if (depth >= max_depth) {
                    if (max_depth == CAMP_JSON_MAX_DEPTH) {
                        r = fail(&c, CAMP_ERR_JSON_DEPTH, c.i,
                                 "nesting deeper than " CAMP_JSON_STR(CAMP_JSON_MAX_DEPTH));
                    } else {
                        r = fail(&c, CAMP_ERR_JSON_DEPTH, c.i, "nesting deeper than the limit");
                    }
                    camp_diag_set_limits(diag, 0, (int64_t)max_depth);
                    break;
                }
                if (b == '{') {
                    stack[depth / 8u] = (unsigned char)(stack[depth / 8u] | (1u << (depth % 8u)));
                    st = ST_KEY_OR_CLOSE;
                } else {
                    stack[depth / 8u] =
                        (unsigned char)(stack[depth / 8u] & ~(1u << (depth % 8u)));
                    st = ST_VALUE_OR_CLOSE;
                }
                depth++;
                c.i++;
                break;
            }
            if (b == '"') {
                r = scan_string(&c);
            } else if (b == '-' || is_digit(b)) {
                r = scan_number(&c);
            } else if (b == 't' || b == 'f' || b == 'n') {
                r = scan_literal(&c);
            } else if (c.i == 0 && len >= 3 && b == 0xEFu && c.s[1] == 0xBBu && c.s[2] == 0xBFu) {
                /* Policy: RFC 8259 sec. 8.1 says MUST NOT add a BOM; we reject it. */
                r = fail(&c, CAMP_ERR_JSON_SYNTAX, 0, "byte order mark not allowed");
            } else {
                r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "expected a value");
            }
            st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
            break;
        case ST_KEY_OR_CLOSE:
        case ST_KEY:
            if (b == '}' && st == ST_KEY_OR_CLOSE) {
                depth--;
                c.i++;
                st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
            } else if (b == '"') {
                r = scan_string(&c);
                st = ST_COLON;
            } else {
                r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "expected a string key");
            }
            break;
        case ST_COLON:
            if (b == ':') {
                c.i++;
                st = ST_VALUE;
            } else {
                r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "expected ':' after the key");
            }
            break;
        case ST_AFTER_VALUE:
            if (top_is_object(stack, depth)) {
                if (b == ',') {
                    st = ST_KEY;
                } else if (b == '}') {
                    depth--;
                    st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
                } else {
                    r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "expected ',' or '}'");
                    break;
                }
            } else {
                if (b == ',') {
                    st = ST_VALUE;
                } else if (b == ']') {
                    depth--;
                    st = (depth == 0) ? ST_END : ST_AFTER_VALUE;
                } else {
                    r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "expected ',' or ']'");
                    break;
                }
            }
            c.i++;
            break;
        case ST_END:
            r = fail(&c, CAMP_ERR_JSON_SYNTAX, c.i, "trailing data after the value");
            break;
        }
    }
    if (r != CAMP_OK) {
        return r;
    }
    if (st != ST_END) {
        return fail(&c, CAMP_ERR_JSON_SYNTAX, len,
                    (st == ST_VALUE && depth == 0) ? "no value in the document"
                                                   : "unexpected end of input");
    }
    return CAMP_OK;
}
