/* Private helpers of the JSON core, shared by the files of lib/json/ only.
 *
 * Token type codes: camp_json_token_t::type_ holds the tokenizer's own type
 * code (1 object, 2 array, 3 string, 4 primitive; see json_tokenize.c, the only
 * file that includes the tokenizer) in its low byte, plus flag bits above it.
 * camp_json_kind() masks the flags off. */
#ifndef CAMP_JSON_INTERNAL_H
#define CAMP_JSON_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "camp/camp_json.h"
#include "json_utf8.h"
#include "status/status_internal.h"

/* Tokenizer type codes (CAMP_JSON_T_*, equal to jsmn's jsmntype_t values; checked in
 * json_tokenize.c) and the inline kind test: json_token.h, shared with the engines. */
#include "json/json_token.h"

/* Byte classes of ASCII (bytes >= 0x80 have no class), shared by the checker, the
 * escape decoder and the writer: camp_json_is(b, CAMP_JSON_C_...). */
#define CAMP_JSON_C_PLAIN 0x01u /* string byte needing no attention: not '"', '\\', < 0x20 */
#define CAMP_JSON_C_WS 0x02u    /* JSON whitespace */
#define CAMP_JSON_C_DIGIT 0x04u /* 0-9 */
#define CAMP_JSON_C_HEX 0x08u   /* 0-9 a-f A-F */
#define CAMP_JSON_C_WORD 0x10u  /* would glue onto a number or literal: [0-9A-Za-z.+_-] */
#define CAMP_JSON_C_ESC 0x20u   /* one-letter escape after '\\': " \\ / b f n r t */

#if CAMP_ENGINE_FAST_PATHS
/* Where speed is wanted, one 128-entry table of the classes (a load per test). */
extern const unsigned char camp_json_cls[128];

/* Whether byte @p b has class @p cls. */
#define camp_json_is(b, cls) ((((b) < 0x80u ? camp_json_cls[(b)] : 0u) & (cls)) != 0u)
#else
/* Where code is built for size, the class (a constant at every call) is computed:
 * each test is a few compares, fewer bytes than the table's 128. The letters b f n r t
 * of the escapes are bits 0, 4, 12, 16 and 18 of 0x51011 counted from 'b'. */
static inline bool camp_json_is(unsigned b, unsigned cls)
{
    unsigned d = b - (unsigned)'0';
    unsigned l = (b | 0x20u) - (unsigned)'a'; /* A-Z and a-z: 0-25 */
    bool r;
    if (cls == CAMP_JSON_C_PLAIN) {
        r = (b >= 0x20u) && (b < 0x80u) && (b != (unsigned)'"') && (b != (unsigned)'\\');
    } else if (cls == CAMP_JSON_C_DIGIT) {
        r = d < 10u;
    } else if (cls == CAMP_JSON_C_HEX) {
        r = (d < 10u) || (l < 6u);
    } else if (cls == CAMP_JSON_C_WORD) {
        /* '+', '-', '.' (not ',') are 0, 2, 3 from '+' */
        r = (d < 10u) || (l < 26u) || (b == (unsigned)'_') ||
            (((b - (unsigned)'+') < 4u) && (b != (unsigned)','));
    } else {
        r = (b == (unsigned)'"') || (b == (unsigned)'\\') || (b == (unsigned)'/') ||
            (((b - (unsigned)'b') < 19u) && (((0x51011u >> (b - (unsigned)'b')) & 1u) != 0u));
    }
    return r;
}
#endif

/* Token @p tok of @p doc, or NULL when the index is out of range. Inline: every
 * getter starts with it. */
static inline const camp_json_token_t *camp_json_tok(const camp_json_doc_t *doc, int tok)
{
    if (doc == NULL || doc->tokens == NULL || tok < 0 || tok >= doc->count) {
        return NULL;
    }
    return &doc->tokens[tok];
}

/* Iterator over the decoded bytes of a string token, without mutating the
 * input. Works on raw (escaped) and already-decoded tokens. */
typedef struct camp_json_striter {
    const char *p;   /* next input byte */
    const char *end; /* end of the token's bytes */
    uint32_t pend;   /* UTF-8 bytes of the current escape not yet returned, the next lowest */
    bool decoded;    /* bytes are already decoded: no escape processing */
} camp_json_striter_t;

/* String token @p tok whose bytes lie inside the text, or NULL (not a string, or
 * out of range). */
camp_json_token_t *camp_json_string_tok(const camp_json_doc_t *doc, int tok);

/* camp_json_escape()'s result: the escape's UTF-8 bytes, the first in the lowest
 * byte (bits 0-31), and the input bytes it takes (bits 32 and up: 1, 2, 6 or 12).
 * Its bytes are read lowest first until the rest is 0: a lead or continuation byte
 * is never 0, so only the one-byte \u0000 is a 0 byte, and it is the last. */
#define CAMP_JSON_ESC_USED(r) ((size_t)((r) >> 32))
#define CAMP_JSON_ESC_UTF8(r) ((uint32_t)(r))

/* The escape at @p p (a backslash, p < end) of a raw string token. A surrogate
 * escape without its pair stands for U+FFFD; a malformed or cut escape (only in a
 * document that did not go through camp_json_parse()) for its backslash alone.
 * A leaf without a buffer: the one escape decoder of the string getters,
 * comparison and paths, at the bottom of every decode's deepest call chain. */
uint64_t camp_json_escape(const char *p, const char *end);

/* Start iterating string token @p tok of @p doc, or C string @p cstr (its bytes as
 * they are, no escapes to undo) when it is not NULL; false when the token is not a
 * string. One function for both: the path printer's keys are of either kind. */
bool camp_json_striter_start(camp_json_striter_t *it, const camp_json_doc_t *doc, int tok,
                             const char *cstr);

/* Start iterating string token @p tok; false when it is not a string. */
static inline bool camp_json_striter_init(camp_json_striter_t *it, const camp_json_doc_t *doc,
                                          int tok)
{
    return camp_json_striter_start(it, doc, tok, NULL);
}

/* Next decoded byte (0..255), or -1 at the end. A \u0000 escape yields 0. */
int camp_json_striter_next(camp_json_striter_t *it);

#endif
