/*
 * Fuzz target: tokenizing, the token view, every typed getter and in-place
 * unescaping. FUZZ_DICT: json
 *
 * The input is parsed twice, into two separate buffers A and B. In A every
 * string is unescaped in place; B is only read. Invariants:
 * - tokens: 0 <= start <= end <= len, parent links point backwards to a
 *   container (or to a key for its value), children lie inside their parent,
 *   first/next/size walk exactly the children, next() moves forward;
 * - kinds agree with the source bytes (quote, brace, bracket, literal, number);
 * - get_string: the result lies inside the input, is NUL-terminated inside it,
 *   is valid UTF-8 without NUL bytes, is stable when called again, and equals
 *   the on-the-fly comparison (camp_json_string_eq) on the untouched copy B;
 * - unescaping one string never changes another token's value or raw bytes;
 * - member(): returns the value of the last key that equals the asked key;
 * - get_int agrees with a reference parse of the literal (integers only),
 *   stays within [min, max]; get_fraction is in 0..1000000 and within rounding
 *   of the double value; get_bool / is_null agree with the kind;
 * - camp_json_diag() paths are NUL-terminated, start with '$', offsets inside.
 */
#include "fuzz_common.h"

#include <stdlib.h>

#include "camp/camp_json.h"
#include "camp/camp_validate.h"

#define MAX_TOKENS 4096

/* Reference: value of an integer literal, false when not an integer literal or
 * outside int64. */
static bool ref_int(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    uint64_t mag = 0;
    const uint64_t lim = (uint64_t)INT64_MAX + 1u;
    if (i < n && s[i] == '-') {
        neg = true;
        i++;
    }
    if (i == n) {
        return false;
    }
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        unsigned dgt = (unsigned)(s[i] - '0');
        if (mag > (lim - dgt) / 10u) {
            return false;
        }
        mag = mag * 10u + dgt;
    }
    if (!neg && mag > (uint64_t)INT64_MAX) {
        return false;
    }
    if (neg) {
        *out = mag == lim ? INT64_MIN : -(int64_t)mag;
    } else {
        *out = (int64_t)mag;
    }
    return true;
}

static bool is_integer_literal(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E') {
            return false;
        }
    }
    return true;
}

static bool has_nul_escape(const char *s, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++) {
        if (memcmp(s + i, "\\u0000", 6) == 0) {
            return true;
        }
    }
    return false;
}

static void check_structure(const camp_json_doc_t *doc, bool decoded)
{
    const camp_json_token_t *t = doc->tokens;
    FUZZ_CHECK(doc->count >= 1, "at least the root token");
    FUZZ_CHECK(t[0].parent == -1, "root has no parent");
    FUZZ_CHECK(camp_json_kind(doc, -1) == CAMP_JSON_INVALID, "kind(-1) is INVALID");
    FUZZ_CHECK(camp_json_kind(doc, doc->count) == CAMP_JSON_INVALID, "kind(count) is INVALID");
    FUZZ_CHECK(camp_json_first(doc, -1) == -1 && camp_json_size(doc, doc->count) == 0,
               "out-of-range tokens are empty");
    for (int i = 0; i < doc->count; i++) {
        camp_json_kind_t k = camp_json_kind(doc, i);
        FUZZ_CHECK(k >= CAMP_JSON_OBJECT && k <= CAMP_JSON_NULL, "every token has a kind");
        FUZZ_CHECK(t[i].start >= 0 && t[i].start <= t[i].end && (size_t)t[i].end <= doc->len,
                   "token span inside the input");
        char c0 = doc->text[t[i].start];
        switch (k) {
        case CAMP_JSON_OBJECT:
            FUZZ_CHECK(c0 == '{' && doc->text[t[i].end - 1] == '}', "object span is {...}");
            break;
        case CAMP_JSON_ARRAY:
            FUZZ_CHECK(c0 == '[' && doc->text[t[i].end - 1] == ']', "array span is [...]");
            break;
        case CAMP_JSON_STRING:
            /* After in-place unescaping the closing quote may hold the NUL. */
            FUZZ_CHECK(t[i].start >= 1 && doc->text[t[i].start - 1] == '"' &&
                           (size_t)t[i].end < doc->len &&
                           (doc->text[t[i].end] == '"' || (decoded && doc->text[t[i].end] == 0)),
                       "string span is between quotes");
            break;
        case CAMP_JSON_TRUE:
            FUZZ_CHECK(t[i].end - t[i].start == 4 && memcmp(doc->text + t[i].start, "true", 4) == 0,
                       "true literal");
            break;
        case CAMP_JSON_FALSE:
            FUZZ_CHECK(t[i].end - t[i].start == 5 &&
                           memcmp(doc->text + t[i].start, "false", 5) == 0,
                       "false literal");
            break;
        case CAMP_JSON_NULL:
            FUZZ_CHECK(t[i].end - t[i].start == 4 && memcmp(doc->text + t[i].start, "null", 4) == 0,
                       "null literal");
            break;
        case CAMP_JSON_NUMBER:
            FUZZ_CHECK(c0 == '-' || (c0 >= '0' && c0 <= '9'), "number starts with - or digit");
            break;
        default: break;
        }
        if (i > 0) {
            int p = t[i].parent;
            FUZZ_CHECK(p >= 0 && p < i, "parent precedes its child");
            camp_json_kind_t pk = camp_json_kind(doc, p);
            FUZZ_CHECK(pk == CAMP_JSON_OBJECT || pk == CAMP_JSON_ARRAY ||
                           (pk == CAMP_JSON_STRING && t[p].size == 1),
                       "parent is a container or a key");
            if (pk == CAMP_JSON_STRING) {
                FUZZ_CHECK(t[i].start > t[p].end, "a key's value comes after the key");
            } else {
                FUZZ_CHECK(t[i].start > t[p].start && t[i].end < t[p].end,
                           "child inside its parent");
            }
            if (pk == CAMP_JSON_OBJECT) {
                FUZZ_CHECK(k == CAMP_JSON_STRING && t[i].size == 1, "object children are keys");
            }
        }
        int nx = camp_json_next(doc, i);
        FUZZ_CHECK(nx > i && nx <= doc->count, "next() moves forward within the document");
        if (k == CAMP_JSON_OBJECT || k == CAMP_JSON_ARRAY) {
            int n = camp_json_size(doc, i);
            FUZZ_CHECK(n == t[i].size && n >= 0, "size() is the children count");
            int it = camp_json_first(doc, i);
            FUZZ_CHECK(n == 0 ? it == -1 : it == i + 1, "first() is the next token");
            for (int c = 0; c < n; c++) {
                FUZZ_CHECK(it > i && it < nx, "children before next()");
                FUZZ_CHECK(t[it].parent == i, "child's parent is the container");
                it = camp_json_next(doc, it);
            }
            if (n > 0) {
                FUZZ_CHECK(it == nx, "after the last child comes next()");
            }
        } else {
            FUZZ_CHECK(camp_json_size(doc, i) == 0 && camp_json_first(doc, i) == -1,
                       "scalars have no children");
            if (!(k == CAMP_JSON_STRING && t[i].size == 1)) {
                FUZZ_CHECK(nx == i + 1, "a scalar's next() is the following token");
            }
        }
    }
}

static void check_scalars(camp_json_doc_t *doc, int i)
{
    const camp_json_token_t *t = &doc->tokens[i];
    camp_json_kind_t k = camp_json_kind(doc, i);
    const char *raw;
    size_t rlen;
    camp_json_raw(doc, i, &raw, &rlen);
    FUZZ_CHECK(fuzz_inside(doc->text, doc->len, raw, rlen), "raw() inside the input");

    bool b;
    camp_status_t bs = camp_json_get_bool(doc, i, &b);
    if (k == CAMP_JSON_TRUE || k == CAMP_JSON_FALSE) {
        FUZZ_CHECK(bs == CAMP_OK && b == (k == CAMP_JSON_TRUE), "get_bool on a literal");
    } else {
        FUZZ_CHECK(bs == CAMP_ERR_JSON_TYPE, "get_bool on a non-bool is TYPE");
    }
    FUZZ_CHECK(camp_json_is_null(doc, i) == (k == CAMP_JSON_NULL), "is_null agrees with kind");

    int64_t v = 0;
    camp_status_t is = camp_json_get_int(doc, i, INT64_MIN, INT64_MAX, &v);
    uint32_t m = 0;
    camp_status_t fs = camp_json_get_fraction(doc, i, &m);
    if (k != CAMP_JSON_NUMBER) {
        FUZZ_CHECK(is == CAMP_ERR_JSON_TYPE && fs == CAMP_ERR_JSON_TYPE,
                   "numeric getters on a non-number are TYPE");
        return;
    }
    const char *s = doc->text + t->start;
    size_t n = (size_t)(t->end - t->start);
    int64_t ref = 0;
    bool ref_ok = ref_int(s, n, &ref);
    if (is_integer_literal(s, n)) {
        FUZZ_CHECK((is == CAMP_OK) == ref_ok, "get_int accepts exactly the int64 literals");
        if (is == CAMP_OK) {
            FUZZ_CHECK(v == ref, "get_int value equals the literal");
            int64_t w = 0;
            FUZZ_CHECK(camp_json_get_int(doc, i, v, v, &w) == CAMP_OK && w == v,
                       "get_int in [v, v]");
            if (v < INT64_MAX) {
                FUZZ_CHECK(camp_json_get_int(doc, i, v + 1, INT64_MAX, &w) == CAMP_ERR_JSON_RANGE,
                           "get_int below min is RANGE");
            }
            if (v > INT64_MIN) {
                FUZZ_CHECK(camp_json_get_int(doc, i, INT64_MIN, v - 1, &w) == CAMP_ERR_JSON_RANGE,
                           "get_int above max is RANGE");
            }
        } else {
            FUZZ_CHECK(is == CAMP_ERR_JSON_RANGE, "int64 overflow is RANGE");
        }
    } else {
        FUZZ_CHECK(is == CAMP_ERR_JSON_RANGE, "only integer literals are integers");
    }

    /* Fractions: compare with the double value of the literal (harness only). */
    char tmp[512];
    if (n < sizeof tmp) {
        memcpy(tmp, s, n);
        tmp[n] = '\0';
        double dv = strtod(tmp, NULL);
        if (fs == CAMP_OK) {
            FUZZ_CHECK(m <= CAMP_FRACTION_ONE, "fraction in 0..1000000");
            FUZZ_CHECK(dv >= -1e-300 && dv <= 1.0 + 1e-12, "accepted fraction is within [0, 1]");
            double diff = dv * 1e6 - (double)m;
            FUZZ_CHECK(diff > -0.500001 && diff < 0.500001 + 1e-6,
                       "fraction is the value rounded to millionths");
        } else {
            FUZZ_CHECK(fs == CAMP_ERR_JSON_RANGE, "fraction failure on a number is RANGE");
            FUZZ_CHECK(!(dv > 1e-9 && dv < 1.0 - 1e-9), "a value inside (0, 1) is a fraction");
        }
    } else {
        FUZZ_CHECK(fs == CAMP_OK || fs == CAMP_ERR_JSON_RANGE, "fraction status on a number");
        FUZZ_CHECK(fs != CAMP_OK || m <= CAMP_FRACTION_ONE, "fraction in 0..1000000");
    }
}

static void check_diag_paths(const camp_json_doc_t *doc)
{
    int step = doc->count > 256 ? doc->count / 256 : 1;
    for (int i = 0; i < doc->count; i += step) {
        camp_diag_t d;
        FUZZ_CHECK(camp_json_diag(&d, doc, i, CAMP_ERR_RANGE, "rule") == CAMP_ERR_RANGE,
                   "diag returns the status");
        fuzz_check_diag(&d, CAMP_ERR_RANGE, doc->len);
        FUZZ_CHECK(d.rule != NULL && strcmp(d.rule, "rule") == 0, "diag keeps the rule");
        if (camp_json_kind(doc, i) == CAMP_JSON_OBJECT) {
            FUZZ_CHECK(camp_json_diag_member(&d, doc, i, "some key\"\\", CAMP_ERR_REQUIRED, "r") ==
                           CAMP_ERR_REQUIRED,
                       "diag_member returns the status");
            fuzz_check_diag(&d, CAMP_ERR_REQUIRED, doc->len);
        }
    }
}

/* Compare member() with the last equal key; keys in A are already decoded. */
static void check_members(camp_json_doc_t *a, const camp_json_doc_t *b)
{
    for (int o = 0; o < a->count; o++) {
        if (camp_json_kind(a, o) != CAMP_JSON_OBJECT || a->tokens[o].size > 32) {
            continue;
        }
        int n = camp_json_size(a, o);
        int key = camp_json_first(a, o);
        for (int c = 0; c < n; c++, key = camp_json_next(a, key)) {
            const char *ks;
            size_t kl;
            if (camp_json_get_string(a, key, &ks, &kl) != CAMP_OK) {
                continue;
            }
            /* Expected: the last key equal to ks (compared on the untouched copy B). */
            int expect = -1;
            int k2 = camp_json_first(b, o);
            for (int c2 = 0; c2 < n; c2++, k2 = camp_json_next(b, k2)) {
                if (camp_json_string_eq(b, k2, ks)) {
                    expect = k2 + 1;
                }
            }
            FUZZ_CHECK(expect >= 0, "a key equals itself");
            FUZZ_CHECK(camp_json_member(a, o, ks) == expect, "member() finds the last equal key");
            FUZZ_CHECK(camp_json_member(b, o, ks) == expect, "member() before unescaping agrees");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536) {
        return 0;
    }
    char *abuf = fuzz_dup(data, size);
    char *bbuf = fuzz_dup(data, size);
    camp_json_token_t *ta = (camp_json_token_t *)malloc(MAX_TOKENS * sizeof *ta);
    camp_json_token_t *tb = (camp_json_token_t *)malloc(MAX_TOKENS * sizeof *tb);
    FUZZ_CHECK(ta != NULL && tb != NULL, "harness malloc");
    camp_json_doc_t a;
    camp_json_doc_t b;
    camp_diag_t d;
    camp_status_t st = camp_json_parse(&a, abuf, size, ta, MAX_TOKENS, &d);
    if (st != CAMP_OK) {
        fuzz_check_diag(&d, st, size);
        goto out;
    }
    FUZZ_CHECK(camp_json_parse(&b, bbuf, size, tb, MAX_TOKENS, &d) == CAMP_OK, "deterministic");
    FUZZ_CHECK(a.count == b.count, "same token count");
    check_structure(&a, false);
    check_diag_paths(&b);

    /* Scalars on B first (untouched), then unescape every string of A. */
    for (int i = 0; i < b.count; i++) {
        check_scalars(&b, i);
    }
    for (int i = 0; i < a.count; i++) {
        const char *s;
        size_t n;
        camp_status_t gs = camp_json_get_string(&a, i, &s, &n);
        if (camp_json_kind(&a, i) != CAMP_JSON_STRING) {
            FUZZ_CHECK(gs == CAMP_ERR_JSON_TYPE, "get_string on a non-string is TYPE");
            continue;
        }
        if (gs == CAMP_ERR_JSON_NUL) {
            FUZZ_CHECK(has_nul_escape(bbuf + b.tokens[i].start,
                                      (size_t)(b.tokens[i].end - b.tokens[i].start)),
                       "NUL refusal only for a \\u0000 escape");
            continue;
        }
        FUZZ_CHECK(gs == CAMP_OK, "get_string on a string is OK or NUL");
        FUZZ_CHECK(fuzz_inside(abuf, size, s, n + 1), "string and its NUL inside the input");
        FUZZ_CHECK(s[n] == '\0' && memchr(s, '\0', n) == NULL, "NUL-terminated, no inner NUL");
        FUZZ_CHECK(n <= (size_t)(b.tokens[i].end - b.tokens[i].start), "unescaping never grows");
        FUZZ_CHECK(camp_utf8_chars(s, n) >= 0, "unescaped string is valid UTF-8");
        FUZZ_CHECK(camp_json_string_eq(&b, i, s), "string_eq on the raw copy equals the decoded");
        FUZZ_CHECK(camp_json_string_eq(&a, i, s), "string_eq after decoding in place");
        const char *s2;
        size_t n2;
        FUZZ_CHECK(camp_json_get_string(&a, i, &s2, &n2) == CAMP_OK && s2 == s && n2 == n,
                   "get_string is idempotent");
        FUZZ_CHECK(camp_json_get_string(&a, i, &s2, NULL) == CAMP_OK && s2 == s, "len may be NULL");
    }
    /* Unescaping strings must leave every other value alone. */
    for (int i = 0; i < a.count; i++) {
        camp_json_kind_t k = camp_json_kind(&a, i);
        FUZZ_CHECK(k == camp_json_kind(&b, i), "kinds unchanged by unescaping");
        if (k == CAMP_JSON_NUMBER || k == CAMP_JSON_TRUE || k == CAMP_JSON_FALSE ||
            k == CAMP_JSON_NULL) {
            const char *ra;
            const char *rb;
            size_t la;
            size_t lb;
            camp_json_raw(&a, i, &ra, &la);
            camp_json_raw(&b, i, &rb, &lb);
            FUZZ_CHECK(la == lb && memcmp(ra, rb, la) == 0, "scalar bytes unchanged");
        }
    }
    check_members(&a, &b);
    check_structure(&a, true);
out:
    free(ta);
    free(tb);
    free(abuf);
    free(bbuf);
    return 0;
}
