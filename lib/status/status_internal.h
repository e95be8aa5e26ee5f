/* Private helpers shared by lib/ modules: 64-bit division by small divisors, a
 * byte search, the JSON path writer of diagnostics and the present-word accessors. */
#ifndef CAMP_STATUS_INTERNAL_H
#define CAMP_STATUS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "camp/camp_config.h"
#include "camp/camp_status.h"

/* A diagnostic rule: CAMP_RULE(J16, "invalid number") is the English text when
 * CAMP_DIAG_TEXT is 1 (the default) and the id "J16" when it is 0, so small
 * targets carry a few bytes per rule instead of the sentence. Use it for every
 * string stored in camp_diag_t::rule. Ids: a module letter and a number, unique
 * in the library (C client, H http, I inbox, J json, O outbox, S schedule,
 * T zone rules, V validate, W webhook); never reuse an id for another rule.
 * tools/rule_ids.py lists them in docs/rules.md and `make check` checks both. */
#if CAMP_DIAG_TEXT
#define CAMP_RULE(id, text) (text)
#else
#define CAMP_RULE(id, text) (#id)
#endif

/* A list of rules kept as one string: rows X(NAME, ID, "text") of an X-macro list,
 * each row's CAMP_RULE text or id and its NUL back to back (CAMP_RULE_ROW), one
 * address for the whole list where a table of pointers costs a word a row. Row n
 * is CAMP_RULE_NTH(list, n): with rule ids every row is four bytes (three and the
 * NUL: CAMP_RULE_IDS_FIT stops the build otherwise), so row n is at 4 * n; with
 * texts, camp_rule_nth() walks past n NULs. */
#if CAMP_DIAG_TEXT
#define CAMP_RULE_ROW(name, id, text) text "\0"
#define CAMP_RULE_NTH(list, n) camp_rule_nth((list), (n))
#define CAMP_RULE_IDS_FIT(name, list, rows)
#else
#define CAMP_RULE_ROW(name, id, text) #id "\0"
#define CAMP_RULE_NTH(list, n) (&(list)[4u * (n)])
/* a negative array size stops the build unless the string @p list of ids is four
 * bytes for each of its @p rows and its own NUL */
#define CAMP_RULE_IDS_FIT(name, list, rows)                                                        \
    typedef char name[(sizeof(list) == ((4u * (size_t)(rows)) + 1u)) ? 1 : -1];
#endif
const char *camp_rule_nth(const char *list, unsigned n);

/* Keeps a function out of line (a large or rarely taken path's frame is then
 * paid on that path only, or a shared body stays one copy); nothing where the
 * compiler knows no such attribute. */
#if defined(__GNUC__) || defined(__clang__)
#define CAMP_NOINLINE __attribute__((noinline))
#else
#define CAMP_NOINLINE
#endif

/* An inline function the compiler must inline (a call where a frame would cost
 * stack or a call per step more than the step); plain `inline` elsewhere. */
#if defined(__GNUC__) || defined(__clang__)
#define CAMP_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define CAMP_ALWAYS_INLINE inline
#endif

/* Division of 64-bit values by a small constant in 32-bit steps (16 bits of the
 * dividend at a time): on a 32-bit CPU no libgcc 64-bit division routine (about
 * 0.9 KB on Cortex-M, and slow where the CPU has no divide) is linked. A divisor
 * above 65535 is divided in two steps by its factors: floor(floor(x / a) / b) is
 * floor(x / (a * b)).
 *
 * camp_floor_div16: floor(@p x / @p d), *rem = x - result * d in [0, d), for d in
 * 1..65535 (Euclidean for a positive divisor: -1 / 7 is -1 remainder 6). */
/* The decimal digits of @p v at the end of @p buf (CAMP_U64_DIGITS bytes, no NUL),
 * divided in the same 32-bit steps: the index of the first digit. The one
 * number printer of the JSON writer, the Outbox counters, the client's queries and
 * the diagnostic line. */
#define CAMP_U64_DIGITS 20u /* UINT64_MAX has 20 */
size_t camp_u64_decimal(char buf[CAMP_U64_DIGITS], uint64_t v);
int64_t camp_floor_div16(int64_t x, uint32_t d, uint32_t *rem);
/* floor(@p x / (@p a * @p b)), *rem in [0, a * b), for a and b in 1..65535 with
 * a * b < 2^32: e.g. whole days of a time (86400 = 128 * 675). */
int64_t camp_floor_div2(int64_t x, uint32_t a, uint32_t b, uint32_t *rem);
/* Whole days of @p t seconds (floor), *secs the second of the day. */
#define CAMP_DAYS_OF(t, secs) camp_floor_div2((t), 128u, 675u, (secs))

/* The first byte (unsigned char)@p c in @p p[0..@p n), or NULL: memchr() as a
 * plain loop, so that firmware does not link the C library's word-at-a-time
 * version (160 B on Cortex-M) for the header lines, paths and names the library
 * searches. */
const void *camp_find_byte(const void *p, int c, size_t n);

/* The library's one JSON path writer. A walk over a struct (the model engine's
 * validate and encode) builds the path of the value it is at in a caller's buffer
 * (a camp_diag_t's path) as it enters members and items, or at once where a
 * failure is reported; a decoder's failure (camp_json_diag()) writes the path of a
 * token, read from the token tree, once. `need` is the true length: marks and cuts
 * use it, so a path longer than the buffer stays exact where it fits and is shown
 * cut ("...") as camp_diag_set() would. */
typedef struct camp_path {
    char *buf;  /* cap bytes, NUL-terminated */
    size_t len; /* bytes stored */
    size_t cap;
    size_t need; /* true length */
} camp_path_t;

/* `$` into @p buf (@p cap >= 2 bytes). */
void camp_path_init(camp_path_t *p, char *buf, size_t cap);
/* `.key` when @p key[0..len) is identifier-like, else `["key"]` (escaped). */
void camp_path_key(camp_path_t *p, const char *key, size_t len);
/* The pieces of camp_path_key(), for a key read byte by byte (a decoder's key
 * token, escapes undone: camp_json_diag()): whether byte @p b can be in an
 * identifier-like key (@p first: as its first byte); @p n bytes as they are (`.`,
 * `["`, `"]`); one byte of a key, escaped as `["key"]` needs it. */
static inline bool camp_path_ident_byte(unsigned char b, bool first)
{
    bool letter = ((b >= (unsigned char)'a') && (b <= (unsigned char)'z')) ||
                  ((b >= (unsigned char)'A') && (b <= (unsigned char)'Z'));
    bool digit = (b >= (unsigned char)'0') && (b <= (unsigned char)'9');
    return letter || (b == (unsigned char)'_') || (b == (unsigned char)'$') || ((!first) && digit);
}
void camp_path_put(camp_path_t *p, const char *s, size_t n);
void camp_path_key_byte(camp_path_t *p, unsigned char b);
/* `[i]`. */
void camp_path_index(camp_path_t *p, size_t i);
/* Back to true length @p need (a mark taken before a member or item). */
void camp_path_cut(camp_path_t *p, size_t need);
/* Done: a path longer than its buffer is shown cut ("..."), as camp_diag_set()
 * shows one. */
void camp_path_finish(const camp_path_t *p);
/* A failure at path @p p, which was built in @p diag's own path buffer: status and
 * rule set and the rest cleared as camp_diag_set() would, the path kept (cut
 * visibly when it did not fit). A @p diag that is NULL, or whose buffer @p p is
 * not in, is left alone. Returns @p st. */
camp_status_t camp_diag_at_path(camp_diag_t *diag, const camp_path_t *p, camp_status_t st,
                                const char *rule);

/* The `present` word of a model struct at @p p, @p size bytes wide (1, 2 or 4; 0:
 * the struct has none, read as 0 and never written): the InboxApp and Outbox engines
 * keep each struct's member-presence bits there. Read and written at its real width
 * through memcpy, whatever the struct's alignment. */
static inline uint32_t camp_present_load(const void *p, size_t size)
{
    uint32_t w = 0;
    if (size == 4u) {
        (void)memcpy(&w, p, 4);
    } else if (size == 1u) {
        uint8_t v8;
        (void)memcpy(&v8, p, 1);
        w = v8;
    } else if (size == 2u) {
        uint16_t v16;
        (void)memcpy(&v16, p, 2);
        w = v16;
    } else {
        /* no present word */
    }
    return w;
}

static inline void camp_present_store(void *p, size_t size, uint32_t w)
{
    if (size == 4u) {
        (void)memcpy(p, &w, 4);
    } else if (size == 1u) {
        uint8_t v8 = (uint8_t)w;
        (void)memcpy(p, &v8, 1);
    } else if (size == 2u) {
        uint16_t v16 = (uint16_t)w;
        (void)memcpy(p, &v16, 2);
    } else {
        /* no present word */
    }
}

#endif
