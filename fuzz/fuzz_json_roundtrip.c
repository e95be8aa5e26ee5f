/*
 * Fuzz target: JSON round trip through the writer: parse -> write every token
 * again with camp_json_write_* -> check -> parse. FUZZ_DICT: json
 *
 * Invariants for any well-formed input that the writer can nest (depth <=
 * CAMP_JSON_WRITER_MAX_DEPTH) and without \u0000 in a key:
 * - the writer reports the exact size it needs when the first buffer is short;
 * - its output passes the strict check and parses to the same token tree:
 *   same count, kinds, children counts, string bytes (after unescaping) and
 *   number literals;
 * - writing the re-parsed document again gives byte-identical output (the
 *   writer's output is a fixed point).
 */
#include "fuzz_common.h"

#include "camp/camp_json.h"

#define MAX_TOKENS 2048

static int depth_of(const camp_json_doc_t *doc, int tok)
{
    int d = 0;
    int p = doc->tokens[tok].parent;
    while (p >= 0) {
        if (camp_json_kind(doc, p) != CAMP_JSON_STRING) {
            d++;
        }
        p = doc->tokens[p].parent;
    }
    return d;
}

/* Write the whole document; false when it holds something the writer cannot express. */
static bool write_doc(camp_json_doc_t *doc, camp_json_writer_t *w)
{
    int stack[CAMP_JSON_WRITER_MAX_DEPTH + 1];
    int top = 0;
    for (int i = 0; i < doc->count; i++) {
        while (top > 0 && camp_json_next(doc, stack[top - 1]) <= i) {
            top--;
            if (camp_json_kind(doc, stack[top]) == CAMP_JSON_OBJECT) {
                camp_json_write_object_end(w);
            } else {
                camp_json_write_array_end(w);
            }
        }
        camp_json_kind_t k = camp_json_kind(doc, i);
        int p = doc->tokens[i].parent;
        bool is_key = p >= 0 && camp_json_kind(doc, p) == CAMP_JSON_OBJECT;
        const char *s;
        size_t n;
        switch (k) {
        case CAMP_JSON_OBJECT:
        case CAMP_JSON_ARRAY:
            if (top >= CAMP_JSON_WRITER_MAX_DEPTH ||
                depth_of(doc, i) >= CAMP_JSON_WRITER_MAX_DEPTH) {
                return false;
            }
            stack[top++] = i;
            if (k == CAMP_JSON_OBJECT) {
                camp_json_write_object_begin(w);
            } else {
                camp_json_write_array_begin(w);
            }
            break;
        case CAMP_JSON_STRING:
            if (camp_json_get_string(doc, i, &s, &n) != CAMP_OK) {
                return false; /* \u0000 cannot be NUL-terminated */
            }
            if (is_key) {
                camp_json_write_key(w, s);
            } else {
                camp_json_write_string(w, s, n);
            }
            break;
        case CAMP_JSON_NUMBER:
            camp_json_raw(doc, i, &s, &n);
            camp_json_write_raw(w, s, n);
            break;
        case CAMP_JSON_TRUE:
        case CAMP_JSON_FALSE: camp_json_write_bool(w, k == CAMP_JSON_TRUE); break;
        case CAMP_JSON_NULL: camp_json_write_null(w); break;
        default: FUZZ_CHECK(false, "token of a valid kind");
        }
    }
    while (top > 0) {
        top--;
        if (camp_json_kind(doc, stack[top]) == CAMP_JSON_OBJECT) {
            camp_json_write_object_end(w);
        } else {
            camp_json_write_array_end(w);
        }
    }
    return true;
}

/* Encode @p doc into a fresh heap buffer; returns NULL when not expressible. */
static char *encode(camp_json_doc_t *doc, size_t first_cap, size_t *len)
{
    char *buf = (char *)malloc(first_cap);
    FUZZ_CHECK(buf != NULL, "harness malloc");
    camp_json_writer_t w;
    camp_json_writer_init(&w, buf, first_cap);
    if (!write_doc(doc, &w)) {
        free(buf);
        return NULL;
    }
    camp_status_t st = camp_json_writer_finish(&w, len);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        size_t need = w.needed;
        free(buf);
        buf = (char *)malloc(need + 1);
        FUZZ_CHECK(buf != NULL, "harness malloc");
        camp_json_writer_init(&w, buf, need + 1);
        FUZZ_CHECK(write_doc(doc, &w), "second pass writes the same document");
        st = camp_json_writer_finish(&w, len);
        FUZZ_CHECK(st == CAMP_OK && *len == need, "needed size is exact");
    }
    FUZZ_CHECK(st == CAMP_OK, "writer accepts a well-formed token tree");
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384) {
        return 0;
    }
    char *in = fuzz_dup(data, size);
    char *raw = fuzz_dup(data, size); /* untouched copy for number literals */
    camp_json_token_t *t1 = (camp_json_token_t *)malloc(MAX_TOKENS * sizeof *t1);
    camp_json_token_t *t2 = (camp_json_token_t *)malloc(MAX_TOKENS * sizeof *t2);
    camp_json_token_t *t3 = (camp_json_token_t *)malloc(MAX_TOKENS * sizeof *t3);
    FUZZ_CHECK(t1 && t2 && t3, "harness malloc");
    camp_json_doc_t d1;
    camp_json_doc_t d2;
    camp_json_doc_t d3;
    char *out = NULL;
    char *out2 = NULL;
    char *copy = NULL;
    char *pristine = NULL;
    size_t len = 0;
    size_t len2 = 0;
    if (camp_json_parse(&d1, in, size, t1, MAX_TOKENS, NULL) != CAMP_OK) {
        goto done;
    }
    out = encode(&d1, size / 2 + 1, &len);
    if (out == NULL) {
        goto done;
    }
    FUZZ_CHECK(camp_json_check(out, len, CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
               "writer output passes the strict check");
    copy = fuzz_dup((const uint8_t *)out, len);
    FUZZ_CHECK(camp_json_parse(&d2, copy, len, t2, MAX_TOKENS, NULL) == CAMP_OK,
               "writer output parses");
    FUZZ_CHECK(d2.count == d1.count, "same token count after the round trip");
    for (int i = 0; i < d1.count; i++) {
        camp_json_kind_t k = camp_json_kind(&d1, i);
        FUZZ_CHECK(camp_json_kind(&d2, i) == k, "same kinds");
        FUZZ_CHECK(camp_json_size(&d2, i) == camp_json_size(&d1, i), "same children counts");
        FUZZ_CHECK(d2.tokens[i].parent == d1.tokens[i].parent, "same tree");
        if (k == CAMP_JSON_STRING) {
            const char *a;
            const char *b;
            size_t al;
            size_t bl;
            FUZZ_CHECK(camp_json_get_string(&d1, i, &a, &al) == CAMP_OK, "string 1");
            FUZZ_CHECK(camp_json_get_string(&d2, i, &b, &bl) == CAMP_OK, "string 2");
            FUZZ_CHECK(al == bl && memcmp(a, b, al) == 0, "same string bytes");
        } else if (k == CAMP_JSON_NUMBER) {
            const char *a;
            const char *b;
            size_t al;
            size_t bl;
            camp_json_raw(&d1, i, &a, &al);
            camp_json_raw(&d2, i, &b, &bl);
            FUZZ_CHECK(al == bl && memcmp(a, b, al) == 0, "same number literal");
            FUZZ_CHECK(a >= in && memcmp(a, raw + (a - in), al) == 0, "numbers never rewritten");
        }
    }
    /* Fixed point: encoding the re-parsed document gives the same bytes. */
    pristine = fuzz_dup((const uint8_t *)out, len); /* out is unescaped in place below */
    FUZZ_CHECK(camp_json_parse(&d3, out, len, t3, MAX_TOKENS, NULL) == CAMP_OK, "reparse");
    out2 = encode(&d3, len + 1, &len2);
    FUZZ_CHECK(out2 != NULL, "re-encodable");
    FUZZ_CHECK(len2 == len && memcmp(out2, pristine, len) == 0, "writer output is a fixed point");
done:
    free(out2);
    free(out);
    free(copy);
    free(pristine);
    free(t1);
    free(t2);
    free(t3);
    free(in);
    free(raw);
    return 0;
}
