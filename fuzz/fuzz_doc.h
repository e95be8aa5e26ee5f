/**
 * @file fuzz_doc.h
 * @brief Shared body of the document fuzz targets (InboxApp and Outbox models).
 *
 * For one input and one document type:
 * 1. the strict check gates decoding: a document camp_json_check() rejects
 *    never decodes (the parse returns the check's status, path "$");
 * 2. decoding returns a documented status; on failure the diagnostic has a
 *    JSON path starting with '$' and an offset inside the input;
 * 3. on success every string view in the struct lies inside the input buffer
 *    (fuzz_scan_views), and validating the struct again agrees (counts within
 *    capacity, pools consistent, every rule);
 * 4. round trip: encoding (strictest rules) either refuses with a validation
 *    status or gives well-formed JSON that decodes to an equal struct, whose
 *    own encoding is byte-identical (decode -> encode -> decode -> encode);
 *    a short buffer reports the exact size needed.
 */
#ifndef FUZZ_DOC_H
#define FUZZ_DOC_H

#include "fuzz_common.h"

#include "camp/camp_json.h"

#define FUZZ_DOC_TOKENS 8192
#define FUZZ_DOC_MAX_INPUT 65536

/**
 * Every aligned {pointer, length} pair of @p obj whose pointer falls inside
 * [text, text + len] must fit inside it. A word after such a pointer that is
 * not a plausible length (>= 2^32: another pointer) is not a length and is
 * skipped. Also: no word of the struct points into @p avoid (the token array),
 * which the decoded struct must not keep.
 */
static inline void fuzz_scan_views(const void *obj, size_t size, const char *text, size_t len,
                                   const void *avoid, size_t avoid_len)
{
    const unsigned char *o = (const unsigned char *)obj;
    uintptr_t b = (uintptr_t)text;
    uintptr_t ab = (uintptr_t)avoid;
    for (size_t off = 0; off + sizeof(void *) <= size; off += sizeof(void *)) {
        uintptr_t p;
        memcpy(&p, o + off, sizeof p);
        if (avoid != NULL && p >= ab && p < ab + avoid_len) {
            FUZZ_CHECK(false, "decoded struct points into the token array");
        }
        if (p < b || p > b + len || off + 2 * sizeof(void *) > size) {
            continue;
        }
        uint64_t n;
        memcpy(&n, o + off + sizeof(void *), sizeof n);
        if (n >= ((uint64_t)1 << 32)) {
            continue;
        }
        FUZZ_CHECK(n <= (uint64_t)(b + len - p), "string view lies inside the input");
    }
}

/** Status sets shared by the model decoders. */
static inline bool fuzz_doc_status_ok(camp_status_t st)
{
    switch (st) {
    case CAMP_OK:
    case CAMP_ERR_CAPACITY:
    case CAMP_ERR_REQUIRED:
    case CAMP_ERR_TYPE:
    case CAMP_ERR_RANGE:
    case CAMP_ERR_PATTERN:
    case CAMP_ERR_LENGTH:
    case CAMP_ERR_ENUM:
    case CAMP_ERR_DATE:
    case CAMP_ERR_TIMEZONE:
    case CAMP_ERR_REFERENCE:
    case CAMP_ERR_SCHEDULE:
    case CAMP_ERR_INVALID:
    case CAMP_ERR_JSON_NUL:
    case CAMP_ERR_JSON_SYNTAX:
    case CAMP_ERR_JSON_DEPTH:
    case CAMP_ERR_JSON_UTF8:
    case CAMP_ERR_JSON_TOKENS:
    case CAMP_ERR_JSON_TOO_LARGE: return true;
    default: return false;
    }
}

/** Validation statuses an encoder may refuse with (strictest rules). */
static inline bool fuzz_doc_validation_status(camp_status_t st)
{
    return st == CAMP_ERR_CAPACITY || (st >= CAMP_ERR_REQUIRED && st <= CAMP_ERR_INVALID) ||
           st == CAMP_ERR_JSON_NUL;
}

/** Operations on one document type, so targets can share the checks. */
typedef struct fuzz_doc_ops {
    const char *name;
    size_t size; /* sizeof the struct */
    camp_status_t (*decode)(camp_json_doc_t *doc, void *out, camp_diag_t *diag);
    camp_status_t (*validate)(const void *obj, camp_diag_t *diag);
    camp_status_t (*encode)(const void *obj, char *buf, size_t cap, size_t *out_len,
                            camp_diag_t *diag);  /* may be NULL */
    bool (*equal)(const void *a, const void *b); /* may be NULL: compare encodings */
    bool out_len_is_needed;         /* encode documents out_len = size needed on BUFFER_TOO_SMALL */
    void (*check)(const void *obj); /* may be NULL: target-specific documented ranges */
} fuzz_doc_ops_t;

/* Encode into a heap buffer, growing once to the size reported. NULL when refused. */
static inline char *fuzz_doc_encode(const fuzz_doc_ops_t *ops, const void *obj, size_t first_cap,
                                    size_t *len)
{
    camp_diag_t d;
    char *buf = (char *)malloc(first_cap);
    FUZZ_CHECK(buf != NULL, "harness malloc");
    camp_status_t st = ops->encode(obj, buf, first_cap, len, &d);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        FUZZ_CHECK(d.needed > 0 && (size_t)d.needed >= first_cap, "needed exceeds the cap");
        FUZZ_CHECK(!ops->out_len_is_needed || *len == (size_t)d.needed,
                   "out_len reports the size needed");
        size_t need = (size_t)d.needed;
        free(buf);
        buf = (char *)malloc(need + 1);
        FUZZ_CHECK(buf != NULL, "harness malloc");
        st = ops->encode(obj, buf, need + 1, len, &d);
        FUZZ_CHECK(st == CAMP_OK && *len == need, "the size needed is exact");
    }
    if (st != CAMP_OK) {
        FUZZ_CHECK(fuzz_doc_validation_status(st), "encode refuses only with a validation status");
        fuzz_check_diag(&d, st, (size_t)-2);
        free(buf);
        return NULL;
    }
    return buf;
}

/* Parse + decode @p text (modified in place) into @p out. */
static inline camp_status_t fuzz_doc_decode(const fuzz_doc_ops_t *ops, char *text, size_t len,
                                            camp_json_token_t *toks, void *out, camp_diag_t *d)
{
    camp_json_doc_t doc;
    camp_status_t st = camp_json_parse(&doc, text, len, toks, FUZZ_DOC_TOKENS, d);
    if (st != CAMP_OK) {
        return st;
    }
    return ops->decode(&doc, out, d);
}

/** Run every check of this file for one type on one input. */
static inline void fuzz_doc_run(const fuzz_doc_ops_t *ops, const uint8_t *data, size_t size)
{
    if (size > FUZZ_DOC_MAX_INPUT) {
        return;
    }
    char *text = fuzz_dup(data, size);
    camp_json_token_t *toks = (camp_json_token_t *)malloc(FUZZ_DOC_TOKENS * sizeof *toks);
    void *obj = calloc(1, ops->size);
    void *obj2 = calloc(1, ops->size);
    FUZZ_CHECK(toks != NULL && obj != NULL && obj2 != NULL, "harness malloc");
    camp_diag_t d;
    camp_status_t chk = camp_json_check(text, size, CAMP_JSON_MAX_DEPTH, NULL);
    camp_status_t st = fuzz_doc_decode(ops, text, size, toks, obj, &d);
    FUZZ_CHECK(fuzz_doc_status_ok(st), "decode returns a documented status");
    if (getenv("FUZZ_DOC_DEBUG") != NULL) {
        fprintf(stderr, "%s: %s at %s: %s\n", ops->name, camp_status_str(st),
                st == CAMP_OK ? "" : d.path, st == CAMP_OK || d.rule == NULL ? "" : d.rule);
    }
    if (chk != CAMP_OK) {
        FUZZ_CHECK(st == chk, "a document the strict check rejects never decodes");
        FUZZ_CHECK(strcmp(d.path, "$") == 0, "a malformed document fails at path $");
    }
    if (st != CAMP_OK) {
        fuzz_check_diag(&d, st, size);
        goto out;
    }
    fuzz_scan_views(obj, ops->size, text, size, toks, FUZZ_DOC_TOKENS * sizeof *toks);
    {
        camp_status_t v = ops->validate(obj, &d);
        FUZZ_CHECK(v == CAMP_OK, "a decoded struct validates");
    }
    if (ops->check != NULL) {
        ops->check(obj);
    }
    if (ops->encode != NULL) {
        size_t len1 = 0;
        char *enc1 = fuzz_doc_encode(ops, obj, size / 2 + 16, &len1);
        if (enc1 != NULL) {
            FUZZ_CHECK(camp_json_check(enc1, len1, CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
                       "encoded body is well-formed JSON");
            char *copy = fuzz_dup((const uint8_t *)enc1, len1); /* obj2's views point here */
            st = fuzz_doc_decode(ops, copy, len1, toks, obj2, &d);
            FUZZ_CHECK(st == CAMP_OK, "what encode writes decodes");
            fuzz_scan_views(obj2, ops->size, copy, len1, toks, FUZZ_DOC_TOKENS * sizeof *toks);
            if (ops->equal != NULL) {
                FUZZ_CHECK(ops->equal(obj, obj2), "decode(encode(x)) == x");
            }
            size_t len2 = 0;
            char *enc2 = fuzz_doc_encode(ops, obj2, len1 + 1, &len2);
            FUZZ_CHECK(enc2 != NULL, "the decoded copy encodes");
            FUZZ_CHECK(len2 == len1 && memcmp(enc1, enc2, len1) == 0,
                       "encode(decode(encode(x))) == encode(x)");
            free(enc2);
            free(copy);
            free(enc1);
        }
    }
out:
    free(obj);
    free(obj2);
    free(toks);
    free(text);
}

#endif /* FUZZ_DOC_H */
