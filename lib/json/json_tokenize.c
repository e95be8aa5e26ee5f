/* Tokenizing with jsmn (Debian libjsmn-dev, /usr/include/jsmn.h). This is the
 * only translation unit that includes jsmn.h: it instantiates the tokenizer as
 * static functions here, so jsmn's names never leave this file and its types
 * never reach a public header. */
#include "camp/camp_json.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "json_internal.h"

#define JSMN_STATIC       /* functions static to this file */
#define JSMN_PARENT_LINKS /* tok.parent: paths for diagnostics, O(1) closing */
/* Not JSMN_STRICT: jsmn only ever sees documents camp_json_check() accepted,
 * on which its strict mode rejects nothing and yields the same tokens; without
 * it jsmn is smaller (about 110 B on Cortex-M4) and tokenizes a bare scalar
 * document (`7`, `"x"`) itself, where strict mode wants a delimiter after it. */
/* jsmn.h is third-party code written for C89 compilers with default warnings:
 * it mixes int and unsigned (-Wconversion, -Wsign-conversion) and has unused
 * parameters in some configurations. We do not edit it; silence only its
 * include. `#pragma GCC diagnostic` is understood by gcc and clang alike. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <jsmn.h>
#pragma GCC diagnostic pop

/* camp_json_token_t must be laid out exactly like jsmntok_t: the caller's
 * array is handed to jsmn_parse() through a pointer cast (below). C99 has no
 * static_assert; a negative array size stops the build when a check fails. */
#define CAMP_JSON_LAYOUT_CHECK(name, cond) typedef char camp_json_layout_##name[(cond) ? 1 : -1]
CAMP_JSON_LAYOUT_CHECK(size, sizeof(camp_json_token_t) == sizeof(jsmntok_t));
/* jsmntype_t is an enum: 4 bytes on most ABIs but 1 byte where enums are short
 * (arm-none-eabi's default). It sits first and the next field is int-aligned,
 * so the structs still match in size and every other offset; `type_` is
 * normalised to a full int after tokenizing (see widen_types()). */
CAMP_JSON_LAYOUT_CHECK(type_size, sizeof(jsmntype_t) <= sizeof(int));
CAMP_JSON_LAYOUT_CHECK(type, offsetof(camp_json_token_t, type_) == offsetof(jsmntok_t, type));
CAMP_JSON_LAYOUT_CHECK(start, offsetof(camp_json_token_t, start) == offsetof(jsmntok_t, start));
CAMP_JSON_LAYOUT_CHECK(end, offsetof(camp_json_token_t, end) == offsetof(jsmntok_t, end));
CAMP_JSON_LAYOUT_CHECK(size_, offsetof(camp_json_token_t, size) == offsetof(jsmntok_t, size));
CAMP_JSON_LAYOUT_CHECK(parent, offsetof(camp_json_token_t, parent) == offsetof(jsmntok_t, parent));
CAMP_JSON_LAYOUT_CHECK(t_object, JSMN_OBJECT == CAMP_JSON_T_OBJECT);
CAMP_JSON_LAYOUT_CHECK(t_array, JSMN_ARRAY == CAMP_JSON_T_ARRAY);
CAMP_JSON_LAYOUT_CHECK(t_string, JSMN_STRING == CAMP_JSON_T_STRING);
CAMP_JSON_LAYOUT_CHECK(t_primitive, JSMN_PRIMITIVE == CAMP_JSON_T_PRIMITIVE);

/* tokenize() keeps a frame of its own where stack is measured (-Os: speed paths
 * off); speed builds inline it, a call less per document. */
#if CAMP_ENGINE_FAST_PATHS
#define TOK_FRAME
#else
#define TOK_FRAME CAMP_NOINLINE
#endif

/* Rewrite each token's type as a whole int. With short enums jsmn wrote one
 * byte and left the other bytes of `type_` as they were. Each type is read
 * through jsmn's view before the int is stored over it. */
static void widen_types(camp_json_token_t *tokens, int count)
{
    const jsmntok_t *jt = (const jsmntok_t *)(const void *)tokens;
    /* decided at compile time: where the enum is an int, jsmn wrote whole ints */
    if (sizeof(jsmntype_t) != sizeof(int)) {
        int i;
        for (i = 0; i < count; i++) {
            int type = (int)jt[i].type;
            tokens[i].type_ = type;
        }
    }
}

/* jsmn over a checked document: the token count, or a jsmn error; *pos (when not
 * NULL) where it stopped. The one call of jsmn_parse(): counting and filling share
 * one copy of the tokenizer, in a frame of its own that the tokenizing frame does
 * not hold under it twice. */
static CAMP_NOINLINE int run_jsmn(const char *json, size_t len, jsmntok_t *tokens, unsigned cap,
                                  unsigned *pos)
{
    jsmn_parser p;
    int r;
    jsmn_init(&p);
    r = jsmn_parse(&p, json, len, tokens, cap);
    if (pos != NULL) {
        *pos = p.pos;
    }
    return r;
}

/* Tokens jsmn needs for a checked document. Not inlined: run_jsmn()'s fifth
 * argument would take a stack slot in camp_json_tokens_needed()'s frame. */
static CAMP_NOINLINE int count_tokens(const char *json, size_t len)
{
    return run_jsmn(json, len, NULL, 0, NULL);
}

int camp_json_tokens_needed(const char *json, size_t len)
{
    if (camp_json_check(json, len, CAMP_JSON_MAX_DEPTH, NULL) != CAMP_OK) {
        return -1;
    }
    return count_tokens(json, len);
}

/* Tokenize the checked document of @p doc into its token array (doc->tokens, NULL
 * when capacity is 0). In a frame of its own where stack counts (TOK_FRAME): the
 * tokenizer's state stays out of the frame camp_json_parse() holds while the
 * checker runs. */
static TOK_FRAME camp_status_t tokenize(camp_json_doc_t *doc, size_t capacity, camp_diag_t *diag)
{
    jsmntok_t none;
    unsigned pos = 0;
    int r;
    unsigned cap = (capacity > (size_t)INT_MAX) ? (unsigned)INT_MAX : (unsigned)capacity;

    /* The cast is sound: the layout checks above prove the two struct types
     * identical in size and in the offset of every field; widen_types() then
     * fixes the width of the one field that may differ (the enum). Given no
     * array jsmn would only count tokens; with an empty one it stops at the
     * first token, which is "too small" as for any other capacity. */
    r = run_jsmn(doc->text, doc->len,
                 (doc->tokens != NULL) ? (jsmntok_t *)(void *)doc->tokens : &none, cap, &pos);
    /* the failures' path is the document's, "$": the path camp_diag_set() leaves when
     * given none (one literal address less at each call) */
    if (r == JSMN_ERROR_NOMEM) {
        camp_diag_set(diag, CAMP_ERR_JSON_TOKENS, NULL, CAMP_RULE(J29, "token array too small"));
        if (diag != NULL) {
            diag->needed = count_tokens(doc->text, doc->len);
            diag->offset = pos;
            camp_diag_set_limits(diag, 0, (int64_t)cap);
        }
        return CAMP_ERR_JSON_TOKENS;
    }
    if (r < 1) {
        /* cannot happen after a successful check; reported, never ignored */
        return camp_diag_set(diag, CAMP_ERR_INTERNAL, NULL,
                             CAMP_RULE(J30, "tokenizer rejected a checked document"));
    }
    widen_types(doc->tokens, r);
    doc->count = r;
    return CAMP_OK;
}

camp_status_t camp_json_parse(camp_json_doc_t *doc, char *json, size_t len,
                              camp_json_token_t *tokens, size_t capacity, camp_diag_t *diag)
{
    camp_status_t st;
    bool escapes;

    if (doc == NULL || json == NULL || (tokens == NULL && capacity > 0)) {
        return camp_diag_set(diag, CAMP_ERR_ARG, NULL,
                             CAMP_RULE(J28, "doc, json and tokens must not be NULL"));
    }
    doc->text = json;
    doc->len = len;
    doc->tokens = tokens;
    doc->count = 0;
    st = camp_json_check_text(json, len, CAMP_JSON_MAX_DEPTH, diag);
    escapes = (st == CAMP_JSON_OK_ESCAPES);
    if (escapes) {
        st = CAMP_OK;
    }
    if (st == CAMP_OK) {
        st = tokenize(doc, capacity, diag);
    }
    if ((st == CAMP_OK) && !escapes) {
        doc->tokens[0].type_ |= CAMP_JSON_F_NO_ESCAPES; /* a successful tokenize made token 0 */
    }
    return st;
}
