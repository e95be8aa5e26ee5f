/**
 * @file camp_json.h
 * @brief Strict JSON check, tokenizing into caller buffers, typed getters, writer.
 *
 * Flow: camp_json_parse() first runs the strict RFC 8259 check (one pass, no
 * recursion, depth limit, UTF-8, escapes, numbers, exactly one top-level value)
 * and then tokenizes the same bytes into the caller's token array. Getters read
 * values by token index. String getters unescape *in place* in the caller's
 * input buffer and NUL-terminate there, so every string returned points into
 * that buffer and stays valid as long as it is not reused.
 *
 * Nothing here allocates; nothing recurses.
 *
 * Example (decode one integer member):
 * @code
 *   char body[] = "{\"hourlyMessageRate\": 8}";
 *   camp_json_token_t toks[8];
 *   camp_json_doc_t doc;
 *   camp_diag_t diag;
 *   int64_t rate;
 *   if (camp_json_parse(&doc, body, sizeof body - 1, toks, 8, &diag) == CAMP_OK) {
 *       int v = camp_json_member(&doc, 0, "hourlyMessageRate");
 *       if (v > 0 && camp_json_get_int(&doc, v, 1, 60, &rate) == CAMP_OK) { ... }
 *   }
 * @endcode
 */
#ifndef CAMP_JSON_H
#define CAMP_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A string view: @p len bytes at @p ptr, not owned and not necessarily
 * NUL-terminated. Used by every model (InboxApp, Outbox, webhooks) for decoded
 * strings, which point into the caller's JSON buffer. `ptr == NULL` means the
 * member is absent (or, where a model documents it, `null`).
 */
typedef struct camp_str {
    const char *ptr; /**< first byte, or NULL when absent */
    size_t len;      /**< length in bytes */
} camp_str_t;

/**
 * @brief One token. Layout-compatible with the tokenizer's own token type
 * (checked at compile time in lib/json); treat the fields as read-only.
 *
 * `start`/`end` are byte offsets into the input (for strings: the contents
 * between the quotes); `size` is the number of children (members of an
 * object, items of an array, 1 for a key); `parent` is the parent token index
 * or -1 for the root.
 */
typedef struct camp_json_token {
    int type_;  /**< internal kind code; use camp_json_kind() */
    int start;  /**< first byte of the value */
    int end;    /**< one past the last byte of the value */
    int size;   /**< children count */
    int parent; /**< parent token index, -1 for the root */
} camp_json_token_t;

/** Value kinds as seen by callers. */
typedef enum camp_json_kind {
    CAMP_JSON_INVALID = 0, /**< not a token of this document */
    CAMP_JSON_OBJECT,
    CAMP_JSON_ARRAY,
    CAMP_JSON_STRING,
    CAMP_JSON_NUMBER,
    CAMP_JSON_TRUE,
    CAMP_JSON_FALSE,
    CAMP_JSON_NULL
} camp_json_kind_t;

/** A tokenized document. Initialised by camp_json_parse(); fields read-only. */
typedef struct camp_json_doc {
    char *text;                /**< the caller's input buffer (modified by string getters) */
    size_t len;                /**< input length in bytes */
    camp_json_token_t *tokens; /**< the caller's token array */
    int count;                 /**< tokens used; token 0 is the root value */
} camp_json_doc_t;

/**
 * @brief Strict RFC 8259 well-formedness check, without tokenizing.
 *
 * Checks number grammar, literals, escapes (including \\u surrogate pairs),
 * raw control characters in strings, UTF-8 (no overlongs, surrogates or
 * truncation), separators, nesting up to @p max_depth, and that exactly one
 * value is present with nothing but whitespace after it (a NUL byte included).
 *
 * @param[in]  json      input bytes (need not be NUL-terminated).
 * @param[in]  len       input length.
 * @param[in]  max_depth deepest nesting allowed (use CAMP_JSON_MAX_DEPTH).
 * @param[out] diag      on failure: path "$", byte offset of the offending
 *                       byte, and the reason as rule text. May be NULL.
 * @return CAMP_OK, CAMP_ERR_JSON_SYNTAX, CAMP_ERR_JSON_DEPTH,
 *         CAMP_ERR_JSON_UTF8, CAMP_ERR_JSON_TOO_LARGE or CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_json_check(const char *json, size_t len, unsigned max_depth,
                                             camp_diag_t *diag);

/**
 * @brief Tokens needed for a well-formed document (for sizing the array).
 * @param[in] json input bytes (need not be NUL-terminated).
 * @param[in] len  input length.
 * @return the count, or -1 when @p json is not well-formed.
 */
int camp_json_tokens_needed(const char *json, size_t len);

/**
 * @brief Strict check (depth CAMP_JSON_MAX_DEPTH), then tokenize into @p tokens.
 *
 * @param[out] doc        the document view; valid on CAMP_OK.
 * @param[in,out] json    input buffer; string getters later unescape in it.
 * @param[in]  len        input length.
 * @param[out] tokens     caller's token array.
 * @param[in]  capacity   entries in @p tokens.
 * @param[out] diag       on failure: as camp_json_check(); for too few tokens,
 *                        diag->needed = tokens the document needs. May be NULL.
 * @return CAMP_OK, any camp_json_check() status, CAMP_ERR_JSON_TOKENS, CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_json_parse(camp_json_doc_t *doc, char *json, size_t len,
                                             camp_json_token_t *tokens, size_t capacity,
                                             camp_diag_t *diag);

/**
 * @brief Kind of token @p tok.
 * @param[in] doc a document parsed by camp_json_parse().
 * @param[in] tok token index.
 * @return the kind; CAMP_JSON_INVALID when @p doc is NULL or @p tok is out of range.
 */
camp_json_kind_t camp_json_kind(const camp_json_doc_t *doc, int tok);

/**
 * @brief Value of member @p key of object @p obj (keys compared after unescaping).
 * @param[in] doc a parsed document.
 * @param[in] obj token index of the object.
 * @param[in] key NUL-terminated key, unescaped.
 * @return the value's token index, or -1 when @p obj is not an object or has no such key.
 *         With duplicate keys the last one wins (as most JSON readers do).
 */
int camp_json_member(const camp_json_doc_t *doc, int obj, const char *key);

/**
 * @brief Index of the token after @p tok and all its descendants (its next sibling,
 *        or doc->count at the end). Use to step through arrays and objects:
 * @code
 *   for (int it = camp_json_first(doc, arr), i = 0; i < arr_size; i++, it = camp_json_next(doc, it)) ...
 * @endcode
 * @param[in] doc a parsed document.
 * @param[in] tok token index.
 * @return the next sibling's index; doc->count after the last token; -1 when @p tok
 *         is out of range.
 */
int camp_json_next(const camp_json_doc_t *doc, int tok);

/**
 * @brief First child of an array or object: its first item, or its first key
 *        (the key's value is key + 1).
 * @param[in] doc a parsed document.
 * @param[in] tok token index of the container.
 * @return the child's index; -1 when the container is empty or @p tok is not one.
 */
int camp_json_first(const camp_json_doc_t *doc, int tok);

/**
 * @brief Children count of a container.
 * @param[in] doc a parsed document.
 * @param[in] tok token index.
 * @return items of an array, members of an object, else 0.
 */
int camp_json_size(const camp_json_doc_t *doc, int tok);

/**
 * @brief Integer in [@p min, @p max]. Only integer literals qualify by policy
 * (`1e3`, `5.0` are CAMP_ERR_JSON_RANGE); no overflow whatever the digit count.
 * @param[in]  doc a parsed document.
 * @param[in]  tok token index.
 * @param[in]  min smallest value accepted.
 * @param[in]  max largest value accepted.
 * @param[out] out the value, on CAMP_OK.
 * @return CAMP_OK, CAMP_ERR_JSON_TYPE (not a number), CAMP_ERR_JSON_RANGE,
 *         CAMP_ERR_ARG (@p out NULL or @p min > @p max).
 */
CAMP_NODISCARD camp_status_t camp_json_get_int(const camp_json_doc_t *doc, int tok, int64_t min,
                                               int64_t max, int64_t *out);

/** Fixed-point scale of camp_json_get_fraction(): 1.0 == 1000000. */
#define CAMP_FRACTION_ONE 1000000u

/**
 * @brief Number in [0, 1] as millionths, decoded exactly from the decimal text
 * (exponents allowed), rounded half up to the nearest millionth. The range test
 * is exact: 1.0000001 is out of range even though it rounds to 1.
 * @param[in]  doc        a parsed document.
 * @param[in]  tok        token index.
 * @param[out] millionths the value times CAMP_FRACTION_ONE, on CAMP_OK.
 * @return CAMP_OK, CAMP_ERR_JSON_TYPE, CAMP_ERR_JSON_RANGE, CAMP_ERR_ARG (@p millionths NULL).
 */
CAMP_NODISCARD camp_status_t camp_json_get_fraction(const camp_json_doc_t *doc, int tok,
                                                    uint32_t *millionths);

/**
 * @brief Boolean value (`true` / `false`).
 * @param[in]  doc a parsed document.
 * @param[in]  tok token index.
 * @param[out] out the value, on CAMP_OK.
 * @return CAMP_OK, CAMP_ERR_JSON_TYPE, CAMP_ERR_ARG (@p out NULL).
 */
CAMP_NODISCARD camp_status_t camp_json_get_bool(const camp_json_doc_t *doc, int tok, bool *out);

/**
 * @brief Whether a token is the literal `null`.
 * @param[in] doc a parsed document.
 * @param[in] tok token index.
 * @return true when token @p tok is `null`.
 */
bool camp_json_is_null(const camp_json_doc_t *doc, int tok);

/**
 * @brief String value, unescaped in place and NUL-terminated in the input buffer.
 * Safe to call more than once on the same token.
 * @param[in,out] doc the document; its text is rewritten in place.
 * @param[in]  tok  token index.
 * @param[out] out  points into doc->text.
 * @param[out] len  length in bytes, without the NUL. May be NULL.
 * @return CAMP_OK, CAMP_ERR_JSON_TYPE, CAMP_ERR_JSON_NUL (an escaped NUL in the string),
 *         CAMP_ERR_ARG (@p doc or @p out NULL).
 */
CAMP_NODISCARD camp_status_t camp_json_get_string(camp_json_doc_t *doc, int tok, const char **out,
                                                  size_t *len);

/**
 * @brief Compare a string token with @p lit, escapes decoded on the fly (no mutation).
 * @param[in] doc a parsed document.
 * @param[in] tok token index.
 * @param[in] lit NUL-terminated text.
 * @return true when @p tok is a string equal to @p lit.
 */
bool camp_json_string_eq(const camp_json_doc_t *doc, int tok, const char *lit);

/**
 * @brief Raw bytes of any value (for strings: including the quotes), untouched.
 * Used for opaque members kept as raw JSON. Call before string getters touch
 * anything inside the value.
 * @param[in]  doc a parsed document.
 * @param[in]  tok token index.
 * @param[out] out the value's first byte in doc->text; "" when @p tok is invalid.
 * @param[out] len its length (0 when invalid). May be NULL.
 */
void camp_json_raw(const camp_json_doc_t *doc, int tok, const char **out, size_t *len);

/**
 * @brief Fill @p diag with the JSON path of token @p tok, its offset, @p status and @p rule.
 * Paths: `$`, `.key` for identifier-like keys, `["key"]` otherwise, `[i]` for items.
 * @param[out] diag   the diagnostic to fill; may be NULL (nothing is written).
 * @param[in]  doc    a parsed document.
 * @param[in]  tok    the failing token.
 * @param[in]  status the status to record and return.
 * @param[in]  rule   static text naming the rule that failed.
 * @return @p status, unchanged.
 */
camp_status_t camp_json_diag(camp_diag_t *diag, const camp_json_doc_t *doc, int tok,
                             camp_status_t status, const char *rule);

/**
 * @brief Like camp_json_diag() for a member @p key of object @p obj that may be
 * absent (e.g. a required field): path is the object's path plus `.key`.
 * @param[out] diag   the diagnostic to fill; may be NULL (nothing is written).
 * @param[in]  doc    a parsed document.
 * @param[in]  obj    token index of the object.
 * @param[in]  key    NUL-terminated member name.
 * @param[in]  status the status to record and return.
 * @param[in]  rule   static text naming the rule that failed.
 * @return @p status, unchanged.
 */
camp_status_t camp_json_diag_member(camp_diag_t *diag, const camp_json_doc_t *doc, int obj,
                                    const char *key, camp_status_t status, const char *rule);

/* ---- Writer ---------------------------------------------------------------- */

/**
 * @brief JSON writer state over a caller buffer. Initialise with camp_json_writer_init().
 *
 * Each value is written whole or not at all: once something does not fit, the
 * writer stops writing, keeps counting, and camp_json_writer_finish() reports
 * CAMP_ERR_BUFFER_TOO_SMALL with the total size needed. Commas and colons are
 * inserted automatically.
 */
typedef struct camp_json_writer {
    char *buf;            /**< destination */
    size_t cap;           /**< its size */
    size_t len;           /**< bytes written (always <= cap) */
    size_t needed;        /**< bytes the whole output needs (len when nothing overflowed) */
    camp_status_t status; /**< first error (BUFFER_TOO_SMALL, ARG, STATE) */
    unsigned depth;       /**< current nesting */
    uint32_t has_items;   /**< bit d: level d already has an item (comma needed) */
    uint32_t is_object;   /**< bit d: level d is an object */
    bool after_key;       /**< a key was written, its value is next */
} camp_json_writer_t;

/**
 * @brief Start writing into @p buf of @p cap bytes.
 * @param[out] w   the writer to initialise.
 * @param[out] buf destination (may be NULL when @p cap is 0, to measure only).
 * @param[in]  cap its size in bytes.
 */
void camp_json_writer_init(camp_json_writer_t *w, char *buf, size_t cap);
/**
 * @brief Open an object: `{`.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 */
void camp_json_write_object_begin(camp_json_writer_t *w);
/**
 * @brief Close the current object: `}`.
 * @param[in,out] w the writer; CAMP_ERR_STATE when no object is open.
 */
void camp_json_write_object_end(camp_json_writer_t *w);
/**
 * @brief Open an array: `[`.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 */
void camp_json_write_array_begin(camp_json_writer_t *w);
/**
 * @brief Close the current array: `]`.
 * @param[in,out] w the writer; CAMP_ERR_STATE when no array is open.
 */
void camp_json_write_array_end(camp_json_writer_t *w);
/**
 * @brief Member key inside an object (NUL-terminated, escaped as needed).
 * @param[in,out] w   the writer; CAMP_ERR_STATE when not inside an object.
 * @param[in]     key NUL-terminated key.
 */
void camp_json_write_key(camp_json_writer_t *w, const char *key);
/**
 * @brief Member key of @p len bytes (not NUL-terminated; may contain any byte, escaped as
 * needed), e.g. a key that points into a parsed document.
 * @param[in,out] w   the writer; errors are sticky and reported by camp_json_writer_finish():
 *                    CAMP_ERR_ARG (@p key NULL with @p len > 0), CAMP_ERR_STATE (not inside an
 *                    object, or a key already pending), CAMP_ERR_BUFFER_TOO_SMALL.
 * @param[in] key     the key bytes (NULL only when @p len is 0).
 * @param[in] len     their count.
 */
void camp_json_write_key_n(camp_json_writer_t *w, const char *key, size_t len);
/**
 * @brief String value of @p len bytes (escaped: quotes, backslash, controls).
 * @param[in,out] w   the writer; errors are sticky, see camp_json_writer_finish().
 * @param[in]     s   the bytes (NULL only when @p len is 0).
 * @param[in]     len their count.
 */
void camp_json_write_string(camp_json_writer_t *w, const char *s, size_t len);
/**
 * @brief NUL-terminated string value.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 * @param[in]     s NUL-terminated text.
 */
void camp_json_write_cstring(camp_json_writer_t *w, const char *s);
/**
 * @brief Integer value.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 * @param[in]     v the value.
 */
void camp_json_write_int(camp_json_writer_t *w, int64_t v);
/**
 * @brief Fixed-point fraction, e.g. 280000 -> 0.28.
 * @param[in,out] w          the writer; CAMP_ERR_ARG when @p millionths is too large.
 * @param[in]     millionths the value times CAMP_FRACTION_ONE, at most CAMP_FRACTION_ONE.
 */
void camp_json_write_fraction(camp_json_writer_t *w, uint32_t millionths);
/**
 * @brief Boolean value: `true` / `false`.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 * @param[in]     v the value.
 */
void camp_json_write_bool(camp_json_writer_t *w, bool v);
/**
 * @brief The value `null`.
 * @param[in,out] w the writer; errors are sticky, see camp_json_writer_finish().
 */
void camp_json_write_null(camp_json_writer_t *w);
/**
 * @brief Pre-encoded JSON value copied verbatim (caller guarantees it is well-formed).
 * @param[in,out] w    the writer; errors are sticky, see camp_json_writer_finish().
 * @param[in]     json the encoded value.
 * @param[in]     len  its length in bytes.
 */
void camp_json_write_raw(camp_json_writer_t *w, const char *json, size_t len);

/**
 * @brief Finish: checks all containers are closed and NUL-terminates when room is left.
 * @param[in,out] w    the writer.
 * @param[out] out_len bytes written (without NUL), may be NULL.
 * @return CAMP_OK; CAMP_ERR_BUFFER_TOO_SMALL (w->needed holds the size needed,
 *         NUL not included); CAMP_ERR_STATE (unbalanced); CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_json_writer_finish(camp_json_writer_t *w, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_JSON_H */
