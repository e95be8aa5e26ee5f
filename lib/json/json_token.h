/* Token kinds and the strict check's private entry, for the decoders of lib/
 * (private to the library).
 *
 * camp_json_token_t::type_ holds the tokenizer's own type code (equal to jsmn's
 * jsmntype_t values; checked in json_tokenize.c, the only file that includes the
 * tokenizer) in its low byte, plus flag bits above it. The model engines ask the
 * kind of almost every token they visit, so camp_json_kind_at() is the same test
 * as camp_json_kind() written inline: a call per token was the largest single
 * cost of a decode after the tokenizer and the checker. */
#ifndef CAMP_JSON_TOKEN_H
#define CAMP_JSON_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#include "camp/camp_json.h"

#define CAMP_JSON_T_OBJECT 1
#define CAMP_JSON_T_ARRAY 2
#define CAMP_JSON_T_STRING 3
#define CAMP_JSON_T_PRIMITIVE 4
#define CAMP_JSON_T_MASK 0xff

/* The engines' speed paths (strings read inline, short integers read in place,
 * member keys compared a word at a time) cost flash; where the code is optimized
 * for size they are left out and the general readers, which give the same results,
 * do the work. Host builds (and their tests) run them; -Os target builds do not. */
#ifndef CAMP_ENGINE_FAST_PATHS
#if defined(__OPTIMIZE_SIZE__)
#define CAMP_ENGINE_FAST_PATHS 0
#else
#define CAMP_ENGINE_FAST_PATHS 1
#endif
#endif

/* Flag: this string token was unescaped in place; its bytes are the decoded
 * value, `end` points at the NUL that now terminates it. Makes
 * camp_json_get_string() idempotent and tells camp_json_string_eq() not to
 * decode escapes a second time. */
#define CAMP_JSON_F_DECODED 0x100

/* Flag on token 0 (the root): the strict check met no backslash in the document, so
 * no string needs unescaping. */
#define CAMP_JSON_F_NO_ESCAPES 0x200

/* camp_json_check() that also tells whether the document holds a backslash (an
 * escape in a string): CAMP_JSON_OK_ESCAPES for a well-formed document that does.
 * A status, not an out-parameter: a pointer kept over the checker's loop costs it a
 * register. The value is private: no public call returns it. */
#define CAMP_JSON_OK_ESCAPES ((camp_status_t)0x100)
camp_status_t camp_json_check_text(const char *json, size_t len, unsigned max_depth,
                                   camp_diag_t *diag);

/* Whether json[0..len) is one well-formed JSON value (json NULL: no). For the struct
 * walks' raw members: camp_json_check() would add its own frame to their stack. */
static inline bool camp_json_well_formed(const char *json, size_t len)
{
    camp_status_t st = camp_json_check_text(json, len, CAMP_JSON_MAX_DEPTH, NULL);
    return (st == CAMP_OK) || (st == CAMP_JSON_OK_ESCAPES);
}

/* Whether primitive token @p t of @p doc has the bounds of a checked document's:
 * then its first byte decides its kind (t, f, n, or a number). */
static inline bool camp_json_primitive_ok(const camp_json_doc_t *doc, const camp_json_token_t *t)
{
    return (doc->text != NULL) && (t->start >= 0) && (t->end > t->start) &&
           ((size_t)t->start < doc->len);
}

/* The kinds of an object, an array and a string are their type codes, and 0 is
 * CAMP_JSON_INVALID (camp_json_token_kind() counts on it where code is built for size). */
typedef char
    camp_json_kind_codes[((CAMP_JSON_INVALID == 0) && (CAMP_JSON_OBJECT == CAMP_JSON_T_OBJECT) &&
                          (CAMP_JSON_ARRAY == CAMP_JSON_T_ARRAY) &&
                          (CAMP_JSON_STRING == CAMP_JSON_T_STRING))
                             ? 1
                             : -1];

/* camp_json_kind_at()'s body (below). */
static inline camp_json_kind_t camp_json_token_kind(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t;
    if (tok < 0 || tok >= doc->count) {
        return CAMP_JSON_INVALID;
    }
    t = &doc->tokens[tok];
#if !CAMP_ENGINE_FAST_PATHS
    /* where code is built for size, the other kinds are their type codes (checked
     * below; 0 and codes above the primitive's are invalid), not a case each */
    if ((t->type_ & CAMP_JSON_T_MASK) != CAMP_JSON_T_PRIMITIVE) {
        unsigned code = (unsigned)t->type_ & CAMP_JSON_T_MASK;
        return (code < CAMP_JSON_T_PRIMITIVE) ? (camp_json_kind_t)code : CAMP_JSON_INVALID;
    }
#endif
    switch (t->type_ & CAMP_JSON_T_MASK) {
    case CAMP_JSON_T_OBJECT: return CAMP_JSON_OBJECT;
    case CAMP_JSON_T_ARRAY: return CAMP_JSON_ARRAY;
    case CAMP_JSON_T_STRING: return CAMP_JSON_STRING;
    case CAMP_JSON_T_PRIMITIVE:
        if (!camp_json_primitive_ok(doc, t)) {
            return CAMP_JSON_INVALID;
        }
        switch (doc->text[t->start]) {
        case 't': return CAMP_JSON_TRUE;
        case 'f': return CAMP_JSON_FALSE;
        case 'n': return CAMP_JSON_NULL;
        default: return CAMP_JSON_NUMBER;
        }
    default: return CAMP_JSON_INVALID;
    }
}

/* camp_json_kind() for a @p doc known to be non-NULL with its token array (the
 * engines check that at their entry points; camp_json_kind() checks it, then calls
 * this); any @p tok. Inline where speed is wanted; where code is built for size, one
 * function in json_get.c (each file that asks would otherwise get its own copy). */
#if CAMP_ENGINE_FAST_PATHS
static inline camp_json_kind_t camp_json_kind_at(const camp_json_doc_t *doc, int tok)
{
    return camp_json_token_kind(doc, tok);
}
#else
camp_json_kind_t camp_json_kind_at(const camp_json_doc_t *doc, int tok);
#endif

/* camp_json_kind_at(doc, tok) == CAMP_JSON_OBJECT, without the other kinds' tests
 * (a decoder asks it of every object it enters). */
static inline bool camp_json_object_at(const camp_json_doc_t *doc, int tok)
{
    return (tok >= 0) && (tok < doc->count) &&
           ((doc->tokens[tok].type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_OBJECT);
}

/* camp_json_kind_at(doc, tok) == CAMP_JSON_NULL, without the other kinds' tests (a
 * decoder asks it of every member's value). */
static inline bool camp_json_null_at(const camp_json_doc_t *doc, int tok)
{
    bool null = false;
    if ((tok >= 0) && (tok < doc->count)) {
        const camp_json_token_t *t = &doc->tokens[tok];
        null = ((t->type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_PRIMITIVE) &&
               camp_json_primitive_ok(doc, t) &&
               ((unsigned char)doc->text[t->start] == (unsigned char)'n');
    }
    return null;
}

/* The raw text of token @p tok of @p doc under camp_json_kind_at()'s terms (any
 * @p tok): its bytes, a string's with its quotes; "" (length 0) for a token out of
 * range or with bounds outside the text. camp_json_raw() is this behind its
 * argument and kind checks; a decoder's raw member takes any kind of value, so it
 * calls this directly. */
static inline void camp_json_raw_at(const camp_json_doc_t *doc, int tok, const char **out,
                                    size_t *len)
{
    *out = "";
    *len = 0;
    if ((tok >= 0) && (tok < doc->count)) {
        const camp_json_token_t *t = &doc->tokens[tok];
        size_t a = (size_t)(unsigned)t->start;
        size_t b = (size_t)(unsigned)t->end;
        if (((t->type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_STRING) && (a > 0u) && (b < doc->len)) {
            a--; /* include the quotes */
            b++;
        }
        if ((a <= b) && (b <= doc->len)) {
            *out = &doc->text[a];
            *len = b - a;
        }
    }
}

/* The fast case of camp_json_get_string(), under camp_json_kind_at()'s terms (any
 * @p tok): a string in a document without a backslash is its token's own bytes.
 * true: *out and *len are set; false: nothing changed, the getter must decide. */
static inline bool camp_json_plain_string(camp_json_doc_t *doc, int tok, const char **out,
                                          size_t *len)
{
    camp_json_token_t *t = NULL;
    bool plain =
        (tok >= 0) && (tok < doc->count) && ((doc->tokens[0].type_ & CAMP_JSON_F_NO_ESCAPES) != 0);
    if (plain) {
        t = &doc->tokens[tok];
        plain = ((t->type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_STRING) && (t->start > 0) &&
                (t->end >= t->start) && ((size_t)t->end < doc->len);
    }
    if (plain) {
        doc->text[t->end] = '\0'; /* the closing quote */
        t->type_ |= CAMP_JSON_F_DECODED;
        *out = &doc->text[t->start];
        *len = (size_t)t->end - (size_t)t->start;
    }
    return plain;
}

/* camp_json_get_string(), with its fast case inline (no call per string) where the
 * speed paths are compiled. */
static inline camp_status_t camp_json_string_at(camp_json_doc_t *doc, int tok, const char **out,
                                                size_t *len)
{
#if CAMP_ENGINE_FAST_PATHS
    return camp_json_plain_string(doc, tok, out, len) ? CAMP_OK
                                                      : camp_json_get_string(doc, tok, out, len);
#else
    return camp_json_get_string(doc, tok, out, len);
#endif
}

/* camp_json_size() under the same terms (camp_json_size() checks @p doc, then calls
 * camp_json_size_at(), which is this): children of an object or array, else 0. */
static inline int camp_json_token_size(const camp_json_doc_t *doc, int tok)
{
    camp_json_kind_t k = camp_json_kind_at(doc, tok);
    if (k != CAMP_JSON_OBJECT && k != CAMP_JSON_ARRAY) {
        return 0;
    }
    return doc->tokens[tok].size > 0 ? doc->tokens[tok].size : 0;
}

/* camp_json_token_size(): inline where speed is wanted; where code is built for size,
 * one function in json_get.c (a decoder that asks it in several places would
 * otherwise get a copy of its own, beside camp_json_size()'s). */
#if CAMP_ENGINE_FAST_PATHS
static inline int camp_json_size_at(const camp_json_doc_t *doc, int tok)
{
    return camp_json_token_size(doc, tok);
}
#else
int camp_json_size_at(const camp_json_doc_t *doc, int tok);
#endif

/* Where a decoder's failure is: the JSON path of @p tok (then member @p key when
 * not NULL) and its offset, into @p diag (not NULL). The status, the rule and the
 * limits a decoder already set stay as they are (camp_json_diag() clears them). */
void camp_json_diag_where(camp_diag_t *diag, const camp_json_doc_t *doc, int tok, const char *key);

#endif
