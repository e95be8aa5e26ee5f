/* Token kinds for the decoders of lib/ (private to the library).
 *
 * camp_json_token_t::type_ holds the tokenizer's own type code (equal to jsmn's
 * jsmntype_t values; checked in json_tokenize.c, the only file that includes the
 * tokenizer) in its low byte, plus flag bits above it. The model engines ask the
 * kind of almost every token they visit, so camp_json_kind_at() is the same test
 * as camp_json_kind() written inline: a call per token was the largest single
 * cost of a decode after the tokenizer and the checker. */
#ifndef CAMP_JSON_TOKEN_H
#define CAMP_JSON_TOKEN_H

#include <stddef.h>

#include "camp/camp_json.h"

#define CAMP_JSON_T_OBJECT 1
#define CAMP_JSON_T_ARRAY 2
#define CAMP_JSON_T_STRING 3
#define CAMP_JSON_T_PRIMITIVE 4
#define CAMP_JSON_T_MASK 0xff

/* camp_json_kind() for a @p doc known to be non-NULL with its token array (the
 * engines check that at their entry points; camp_json_kind() checks it, then calls
 * this); any @p tok. */
static inline camp_json_kind_t camp_json_kind_at(const camp_json_doc_t *doc, int tok)
{
    const camp_json_token_t *t;
    if (tok < 0 || tok >= doc->count) {
        return CAMP_JSON_INVALID;
    }
    t = &doc->tokens[tok];
    switch (t->type_ & CAMP_JSON_T_MASK) {
    case CAMP_JSON_T_OBJECT: return CAMP_JSON_OBJECT;
    case CAMP_JSON_T_ARRAY: return CAMP_JSON_ARRAY;
    case CAMP_JSON_T_STRING: return CAMP_JSON_STRING;
    case CAMP_JSON_T_PRIMITIVE:
        /* checked input: the first byte decides (t, f, n, or a number) */
        if (doc->text == NULL || t->start < 0 || t->end <= t->start ||
            (size_t)t->start >= doc->len) {
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

/* camp_json_size() under the same terms (camp_json_size() checks @p doc, then calls
 * this): children of an object or array, else 0. */
static inline int camp_json_size_at(const camp_json_doc_t *doc, int tok)
{
    camp_json_kind_t k = camp_json_kind_at(doc, tok);
    if (k != CAMP_JSON_OBJECT && k != CAMP_JSON_ARRAY) {
        return 0;
    }
    return doc->tokens[tok].size > 0 ? doc->tokens[tok].size : 0;
}

/* Where a decoder's failure is: the JSON path of @p tok (then member @p key when
 * not NULL) and its offset, into @p diag (not NULL). The status, the rule and the
 * limits a decoder already set stay as they are (camp_json_diag() clears them). */
void camp_json_diag_where(camp_diag_t *diag, const camp_json_doc_t *doc, int tok, const char *key);

#endif
