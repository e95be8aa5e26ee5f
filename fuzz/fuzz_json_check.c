/*
 * Fuzz target: the strict RFC 8259 check (camp_json_check) and its agreement
 * with the tokenizer entry points. FUZZ_DICT: json
 *
 * Invariants (abort on violation):
 * - the status is one of the documented ones; the diagnostic names it, its path
 *   is "$" and its offset lies inside the input;
 * - the verdict is deterministic and does not depend on bytes past @p len;
 * - camp_json_tokens_needed() is >= 1 exactly when the check passes (at the
 *   default depth) and -1 when it fails for any reason but depth;
 * - a document the strict check rejects never parses (camp_json_parse returns
 *   the check's status), and one it accepts parses with tokens_needed() tokens;
 * - depth is monotonic: OK at depth 4 implies OK at the default depth; a
 *   non-depth failure at depth 4 is the same failure at the default depth;
 * - trailing whitespace does not change an OK verdict; a NUL byte after the value does;
 * - an accepted value stays accepted wrapped in an array or object one level deeper.
 */
#include "fuzz_common.h"

#include "camp/camp_json.h"

static bool check_status_ok(camp_status_t st)
{
    return st == CAMP_OK || st == CAMP_ERR_JSON_SYNTAX || st == CAMP_ERR_JSON_DEPTH ||
           st == CAMP_ERR_JSON_UTF8 || st == CAMP_ERR_JSON_TOO_LARGE;
}

static camp_status_t check_at(const char *buf, size_t len, unsigned depth, camp_diag_t *d)
{
    camp_status_t st = camp_json_check(buf, len, depth, d);
    FUZZ_CHECK(check_status_ok(st), "camp_json_check returns a documented status");
    if (st != CAMP_OK) {
        fuzz_check_diag(d, st, len);
        FUZZ_CHECK(d->offset != CAMP_DIAG_NO_OFFSET, "a syntax failure has a byte offset");
    }
    return st;
}

static bool all_ws(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') {
            return false;
        }
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536) {
        return 0;
    }
    char *buf = fuzz_dup(data, size);
    camp_diag_t d1;
    camp_diag_t d2;
    camp_status_t st = check_at(buf, size, CAMP_JSON_MAX_DEPTH, &d1);

    /* Deterministic; the NULL-diag form agrees. */
    FUZZ_CHECK(check_at(buf, size, CAMP_JSON_MAX_DEPTH, &d2) == st, "deterministic verdict");
    FUZZ_CHECK(st == CAMP_OK || d1.offset == d2.offset, "deterministic offset");
    FUZZ_CHECK(camp_json_check(buf, size, CAMP_JSON_MAX_DEPTH, NULL) == st, "diag may be NULL");

    /* Prefix of a longer buffer: bytes past len are never looked at. */
    char *longer = (char *)malloc(size + 2);
    FUZZ_CHECK(longer != NULL, "harness malloc");
    if (size) {
        memcpy(longer, data, size);
    }
    longer[size] = '"';
    longer[size + 1] = '{';
    FUZZ_CHECK(camp_json_check(longer, size, CAMP_JSON_MAX_DEPTH, NULL) == st,
               "bytes past len do not matter");

    int needed = camp_json_tokens_needed(buf, size);
    if (st == CAMP_OK) {
        FUZZ_CHECK(needed >= 1, "well-formed document needs at least one token");
    } else if (st != CAMP_ERR_JSON_DEPTH) {
        FUZZ_CHECK(needed == -1, "tokens_needed is -1 for a malformed document");
    }

    /* The strict check gates the tokenizer. */
    {
        size_t cap = needed > 0 ? (size_t)needed : 1;
        camp_json_token_t *toks = (camp_json_token_t *)malloc(cap * sizeof *toks);
        camp_json_doc_t doc;
        camp_diag_t pd;
        FUZZ_CHECK(toks != NULL, "harness malloc");
        camp_status_t ps = camp_json_parse(&doc, buf, size, toks, cap, &pd);
        if (st != CAMP_OK) {
            FUZZ_CHECK(ps == st, "a document the strict check rejects never parses");
            fuzz_check_diag(&pd, ps, size);
        } else {
            FUZZ_CHECK(ps == CAMP_OK, "an accepted document parses with tokens_needed() tokens");
            FUZZ_CHECK(doc.count == needed, "token count equals tokens_needed()");
            FUZZ_CHECK(doc.text == buf && doc.len == size, "doc views the caller's buffer");
            if (needed > 1) {
                ps = camp_json_parse(&doc, buf, size, toks, cap - 1, &pd);
                FUZZ_CHECK(ps == CAMP_ERR_JSON_TOKENS, "one token short is CAMP_ERR_JSON_TOKENS");
                FUZZ_CHECK(pd.needed == needed, "diag.needed reports the tokens needed");
            }
        }
        free(toks);
    }

    /* Depth monotonicity (depths above CAMP_JSON_MAX_DEPTH are an argument error). */
    {
        camp_status_t s4 = check_at(buf, size, 4, &d2);
        if (s4 == CAMP_OK) {
            FUZZ_CHECK(st == CAMP_OK, "OK at depth 4 is OK at the default depth");
        } else if (s4 != CAMP_ERR_JSON_DEPTH) {
            FUZZ_CHECK(st == s4 && d2.offset == d1.offset,
                       "a non-depth failure does not depend on the depth limit");
        }
        FUZZ_CHECK(camp_json_check(buf, size, CAMP_JSON_MAX_DEPTH + 1, NULL) == CAMP_ERR_ARG,
                   "a depth above CAMP_JSON_MAX_DEPTH is refused");
    }

    /* Trailing whitespace / NUL; wrapping one level deeper. */
    if (st == CAMP_OK) {
        char *ext = (char *)malloc(size + 8);
        FUZZ_CHECK(ext != NULL, "harness malloc");
        memcpy(ext, buf, size);
        memcpy(ext + size, " \n\t\r", 4);
        FUZZ_CHECK(camp_json_check(ext, size + 4, CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
                   "trailing whitespace keeps a document well-formed");
        ext[size] = '\0';
        FUZZ_CHECK(camp_json_check(ext, size + 1, CAMP_JSON_MAX_DEPTH, NULL) != CAMP_OK,
                   "a NUL byte after the value is rejected");
        FUZZ_CHECK(!all_ws(buf, size), "whitespace alone is not a document");
        free(ext);

        if (check_at(buf, size, CAMP_JSON_MAX_DEPTH - 1, &d2) == CAMP_OK) {
            char *wrap = (char *)malloc(size + 8);
            FUZZ_CHECK(wrap != NULL, "harness malloc");
            wrap[0] = '[';
            memcpy(wrap + 1, buf, size);
            wrap[size + 1] = ']';
            FUZZ_CHECK(camp_json_check(wrap, size + 2, CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
                       "[value] is well-formed");
            memcpy(wrap, "{\"k\":", 5);
            memcpy(wrap + 5, buf, size);
            wrap[size + 5] = '}';
            FUZZ_CHECK(camp_json_check(wrap, size + 6, CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
                       "{\"k\":value} is well-formed");
            free(wrap);
        }
    }
    free(longer);
    free(buf);
    return 0;
}
