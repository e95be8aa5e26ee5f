/*
 * Fuzz target: the JSON writer driven by a fuzzer-chosen sequence of calls into
 * a buffer of fuzzer-chosen size. FUZZ_DICT: json
 *
 * Input: byte 0..1 = buffer size (0..1023), then operations, one byte each plus
 * their arguments (see apply()).
 * Invariants:
 * - after every call: len <= cap, needed >= len, and needed == len while the
 *   status is OK; the buffer is never written past cap (exact-size heap block);
 * - camp_json_writer_finish() returns OK, BUFFER_TOO_SMALL, STATE or ARG; on OK
 *   the output is NUL-terminated when room is left, passes the strict check,
 *   and parses back to exactly the values written (strings byte for byte,
 *   integers, fractions in millionths, literals), raw values included;
 * - on BUFFER_TOO_SMALL, the same calls into a buffer of needed + 1 bytes give
 *   OK (or the sticky misuse error) with len == the needed size reported, and
 *   the short output is a prefix of the full one (no half-written value).
 */
#include "fuzz_common.h"

#include "camp/camp_json.h"
#include "camp/camp_validate.h"

#define MAX_OPS 256
#define MAX_STR 48

enum op_kind {
    OP_OBEGIN,
    OP_OEND,
    OP_ABEGIN,
    OP_AEND,
    OP_KEY,
    OP_STRING,
    OP_CSTRING,
    OP_INT,
    OP_FRACTION,
    OP_BOOL,
    OP_NULL,
    OP_RAW,
    OP_COUNT
};

typedef struct op {
    enum op_kind kind;
    char str[MAX_STR * 4 + 1];
    size_t len;
    int64_t i;
    uint32_t frac;
    bool b;
    unsigned raw;
} op_t;

static const char *const raws[] = {
    "12345", "-0.5e3", "true", "\"r\\u00e9\\n\"", "[1,{}]", "{\"a\":[null,false]}", "0", "\"\""};

/* Fuzzer bytes -> valid UTF-8: high bytes stand for whole multi-byte sequences. */
static size_t make_string(fuzz_reader_t *r, char *out, bool nul_ok)
{
    size_t n = fuzz_u8(r) % MAX_STR;
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t c = fuzz_u8(r);
        if (c >= 0xF0) {
            memcpy(out + len, "\xF0\x9F\x98\x80", 4);
            len += 4;
        } else if (c >= 0xE0) {
            memcpy(out + len, "\xE2\x82\xAC", 3);
            len += 3;
        } else if (c >= 0xC0) {
            memcpy(out + len, "\xC3\xA9", 2);
            len += 2;
        } else {
            c &= 0x7f;
            if (c == 0 && !nul_ok) {
                c = 'x';
            }
            out[len++] = (char)c;
        }
    }
    out[len] = '\0';
    return len;
}

static int read_ops(fuzz_reader_t *r, op_t *ops)
{
    int n = 0;
    while (r->n > 0 && n < MAX_OPS) {
        op_t *o = &ops[n++];
        memset(o, 0, sizeof *o);
        o->kind = (enum op_kind)(fuzz_u8(r) % OP_COUNT);
        switch (o->kind) {
        case OP_KEY:
        case OP_CSTRING: o->len = make_string(r, o->str, false); break;
        case OP_STRING: o->len = make_string(r, o->str, true); break;
        case OP_INT: o->i = (int64_t)fuzz_u64(r); break;
        case OP_FRACTION:
            o->frac = fuzz_u32(r) % (CAMP_FRACTION_ONE + 1u); /* the documented domain */
            break;
        case OP_BOOL: o->b = (fuzz_u8(r) & 1) != 0; break;
        case OP_RAW: o->raw = fuzz_u8(r) % (unsigned)(sizeof raws / sizeof raws[0]); break;
        default: break;
        }
    }
    return n;
}

static void apply(camp_json_writer_t *w, const op_t *o)
{
    switch (o->kind) {
    case OP_OBEGIN: camp_json_write_object_begin(w); break;
    case OP_OEND: camp_json_write_object_end(w); break;
    case OP_ABEGIN: camp_json_write_array_begin(w); break;
    case OP_AEND: camp_json_write_array_end(w); break;
    case OP_KEY: camp_json_write_key(w, o->str); break;
    case OP_STRING: camp_json_write_string(w, o->str, o->len); break;
    case OP_CSTRING: camp_json_write_cstring(w, o->str); break;
    case OP_INT: camp_json_write_int(w, o->i); break;
    case OP_FRACTION: camp_json_write_fraction(w, o->frac); break;
    case OP_BOOL: camp_json_write_bool(w, o->b); break;
    case OP_NULL: camp_json_write_null(w); break;
    case OP_RAW: camp_json_write_raw(w, raws[o->raw], strlen(raws[o->raw])); break;
    default: break;
    }
}

static camp_status_t run(const op_t *ops, int n, char *buf, size_t cap, camp_json_writer_t *w,
                         size_t *out_len)
{
    camp_json_writer_init(w, buf, cap);
    for (int k = 0; k < n; k++) {
        apply(w, &ops[k]);
        FUZZ_CHECK(w->len <= w->cap && w->needed >= w->len, "len <= cap, needed >= len");
        if (w->status == CAMP_OK) {
            FUZZ_CHECK(w->needed == w->len, "needed == len while nothing overflowed");
        }
    }
    camp_status_t st = camp_json_writer_finish(w, out_len);
    FUZZ_CHECK(st == CAMP_OK || st == CAMP_ERR_BUFFER_TOO_SMALL || st == CAMP_ERR_STATE ||
                   st == CAMP_ERR_ARG,
               "finish returns a documented status");
    return st;
}

/* Parse the output back and compare with the calls made. */
static void verify(const op_t *ops, int n, const char *out, size_t len)
{
    char *copy = fuzz_dup((const uint8_t *)out, len);
    camp_json_token_t toks[1024];
    camp_json_doc_t doc;
    camp_diag_t d;
    camp_status_t st = camp_json_parse(&doc, copy, len, toks, 1024, &d);
    FUZZ_CHECK(st == CAMP_OK, "writer output is well-formed JSON");
    int t = 0;
    for (int k = 0; k < n; k++) {
        const op_t *o = &ops[k];
        if (o->kind == OP_OEND || o->kind == OP_AEND) {
            continue;
        }
        FUZZ_CHECK(t < doc.count, "one token per value written");
        camp_json_kind_t kind = camp_json_kind(&doc, t);
        switch (o->kind) {
        case OP_OBEGIN: FUZZ_CHECK(kind == CAMP_JSON_OBJECT, "object"); break;
        case OP_ABEGIN: FUZZ_CHECK(kind == CAMP_JSON_ARRAY, "array"); break;
        case OP_KEY:
        case OP_STRING:
        case OP_CSTRING: {
            const char *s;
            size_t sl;
            size_t want = o->kind == OP_CSTRING || o->kind == OP_KEY ? strlen(o->str) : o->len;
            if (memchr(o->str, '\0', want) != NULL) {
                FUZZ_CHECK(camp_json_get_string(&doc, t, &s, &sl) == CAMP_ERR_JSON_NUL,
                           "string with NUL comes back as \\u0000");
            } else {
                FUZZ_CHECK(camp_json_get_string(&doc, t, &s, &sl) == CAMP_OK, "string back");
                FUZZ_CHECK(sl == want && memcmp(s, o->str, sl) == 0, "string bytes round trip");
            }
            break;
        }
        case OP_INT: {
            int64_t v;
            FUZZ_CHECK(camp_json_get_int(&doc, t, INT64_MIN, INT64_MAX, &v) == CAMP_OK && v == o->i,
                       "integer round trip");
            break;
        }
        case OP_FRACTION: {
            uint32_t m;
            FUZZ_CHECK(camp_json_get_fraction(&doc, t, &m) == CAMP_OK && m == o->frac,
                       "fraction round trip");
            break;
        }
        case OP_BOOL:
            FUZZ_CHECK(kind == (o->b ? CAMP_JSON_TRUE : CAMP_JSON_FALSE), "bool round trip");
            break;
        case OP_NULL: FUZZ_CHECK(kind == CAMP_JSON_NULL, "null round trip"); break;
        case OP_RAW: t = camp_json_next(&doc, t) - 1; break;
        default: break;
        }
        t++;
    }
    FUZZ_CHECK(t == doc.count, "no extra tokens in the output");
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_reader_t r = {data, size};
    size_t cap = ((size_t)fuzz_u8(&r) << 8 | fuzz_u8(&r)) % 1024u;
    op_t *ops = (op_t *)malloc(MAX_OPS * sizeof *ops);
    FUZZ_CHECK(ops != NULL, "harness malloc");
    int n = read_ops(&r, ops);

    char *buf = (char *)malloc(cap ? cap : 1);
    FUZZ_CHECK(buf != NULL, "harness malloc");
    camp_json_writer_t w;
    size_t len = 0;
    camp_status_t st = run(ops, n, cap ? buf : NULL, cap, &w, &len);
    if (st == CAMP_OK) {
        FUZZ_CHECK(len == w.len && len <= cap, "out_len is the length written");
        if (len < cap) {
            FUZZ_CHECK(buf[len] == '\0', "NUL-terminated when room is left");
        }
        verify(ops, n, buf, len);
    } else if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        size_t need = w.needed;
        size_t short_len = w.len;
        FUZZ_CHECK(need >= short_len, "needed covers what was written");
        char *big = (char *)malloc(need + 1);
        FUZZ_CHECK(big != NULL, "harness malloc");
        camp_json_writer_t w2;
        size_t len2 = 0;
        camp_status_t st2 = run(ops, n, big, need + 1, &w2, &len2);
        FUZZ_CHECK(st2 != CAMP_ERR_BUFFER_TOO_SMALL, "needed + 1 bytes are enough");
        if (st2 == CAMP_OK) {
            FUZZ_CHECK(len2 == need, "the needed size is exact");
            FUZZ_CHECK(big[len2] == '\0', "NUL-terminated");
            FUZZ_CHECK(short_len == 0 || memcmp(buf, big, short_len) == 0,
                       "short output is a prefix of the full one");
            verify(ops, n, big, len2);
        }
        free(big);
    }
    free(buf);
    free(ops);
    return 0;
}
