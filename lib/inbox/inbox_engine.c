/* The schema engine of lib/inbox (see inbox_internal.h): value rules, paths and
 * diagnostics, and the one walk that runs decode, validate, encode or equal over a
 * document described by member tables. */
#include <string.h>

#include "camp/camp_inbox.h"
#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"

#include "inbox_internal.h"
#include "status/status_internal.h"
#include "validate/validate_internal.h"

/* Whether a[0..n) and b[0..n) hold the same bytes. The speed path compares keys and
 * names as words: most are 4..32 bytes, where a few (overlapping) words from each
 * side, 4 or 8 bytes wide, replace a call to memcmp. */
static IB_HOT bool same_key_bytes(const char *a, const char *b, size_t n)
{
    bool same;
#if CAMP_ENGINE_FAST_PATHS
    if ((n >= 4u) && (n <= 8u)) {
        same = ((camp_load4(a) ^ camp_load4(b)) |
                (camp_load4(&a[n - 4u]) ^ camp_load4(&b[n - 4u]))) == 0u;
    } else if ((n > 8u) && (n <= 32u)) {
        uint64_t diff = camp_load8(&a[n - 8u]) ^ camp_load8(&b[n - 8u]);
        size_t i;
        for (i = 0u; (i + 8u) < n; i += 8u) {
            diff |= camp_load8(&a[i]) ^ camp_load8(&b[i]);
        }
        same = (diff == 0u);
    } else if (n < 4u) {
        size_t i;
        same = true;
        for (i = 0u; i < n; i++) {
            same = same && (a[i] == b[i]);
        }
    } else {
        same = (memcmp(a, b, n) == 0);
    }
#else
    same = (memcmp(a, b, n) == 0);
#endif
    return same;
}

/* ---- enums (length-prefixed name lists; no pointer tables) ------------------------------ */

/* One name of a list: its length in a byte (an octal escape), then the name, no NUL
 * (each is read and written by its length). A lookup passes over a name of another
 * length without reading it. */
#define NAME(len, name) len name

/* The lists, in enum order. */
#define NAMES_STATUS                                                                               \
    NAME("\5", "draft") NAME("\6", "active") NAME("\6", "paused") NAME("\11", "completed")
/* Like-tweet step: the stored pages never show its `type` value (§3.4,
 * [unverified]). We write "likeTweet" (camelCase, like every other enum of this
 * API: prospectFirstReply, setStatus, platformId) and, being tolerant on receive,
 * also accept "like-tweet" and "like_tweet" as aliases. */
#define NAMES_STEP                                                                                 \
    NAME("\7", "message")                                                                          \
    NAME("\5", "delay")                                                                            \
    NAME("\11", "likeTweet")                                                                       \
    NAME("\12", "like-tweet")                                                                      \
    NAME("\12", "like_"                                                                            \
                "tweet")
#define NAMES_SEGMENT NAME("\6", "static") NAME("\10", "variable") NAME("\11", "variation")
#define NAMES_PLATFORM NAME("\7", "twitter")
#define NAMES_BY NAME("\12", "platformId") NAME("\10", "username") NAME("\12", "externalId")
#define NAMES_TRIGGER NAME("\22", "prospectFirstReply")
#define NAMES_ACTION NAME("\11", "setStatus")
/* detachBehavior: only "unlink" is in the stored copy; unknown values are a
 * validation error by default, so others are refused until documented. */
#define NAMES_DETACH NAME("\6", "unlink")

/* Names of enum @p e, value 1 first; *n = names in the list (aliases included). One
 * string of every list, each found by its offset: a switch over the lists took more
 * code than their two rows of bytes. */
static const char *enum_list(unsigned e, unsigned *n)
{
    static const char names[] = NAMES_STATUS NAMES_STEP NAMES_SEGMENT NAMES_PLATFORM NAMES_BY
        NAMES_TRIGGER NAMES_ACTION NAMES_DETACH;
    /* where each list starts (its offset: the lists before it without their NUL) */
    static const uint8_t at[E_DETACH] = {
        0u,
        (uint8_t)(sizeof(NAMES_STATUS) - 1u),
        (uint8_t)(sizeof(NAMES_STATUS NAMES_STEP) - 1u),
        (uint8_t)(sizeof(NAMES_STATUS NAMES_STEP NAMES_SEGMENT) - 1u),
        (uint8_t)(sizeof(NAMES_STATUS NAMES_STEP NAMES_SEGMENT NAMES_PLATFORM) - 1u),
        (uint8_t)(sizeof(NAMES_STATUS NAMES_STEP NAMES_SEGMENT NAMES_PLATFORM NAMES_BY) - 1u),
        (uint8_t)(sizeof(
                      NAMES_STATUS NAMES_STEP NAMES_SEGMENT NAMES_PLATFORM NAMES_BY NAMES_TRIGGER) -
                  1u),
        (uint8_t)(sizeof(NAMES_STATUS NAMES_STEP NAMES_SEGMENT NAMES_PLATFORM NAMES_BY NAMES_TRIGGER
                             NAMES_ACTION) -
                  1u),
    };
    static const uint8_t count[E_DETACH] = {4u, 5u, 3u, 1u, 3u, 1u, 1u, 1u};
    unsigned i = e - 1u; /* E_STATUS first; 0 wraps past the last */
    if (i >= (unsigned)E_DETACH) {
        *n = 0;
        return "";
    }
    *n = count[i];
    return &names[at[i]];
}

/* Values of enum @p e whose list holds @p n names: E_STEP's last two are aliases. */
static unsigned canonical_count(unsigned e, unsigned n)
{
    return (e == E_STEP) ? 3u : n;
}

unsigned camp_ib_enum_count(unsigned e)
{
    unsigned n;
    (void)enum_list(e, &n);
    return canonical_count(e, n);
}

/* camp_ib_enum_lookup(), inlined into the decode walk where speed is wanted; where
 * size is, the body is the entry point itself (no wrapper). */
#if CAMP_ENGINE_FAST_PATHS
static IB_HOT uint8_t enum_value(unsigned e, const char *s, size_t len)
#else
uint8_t camp_ib_enum_lookup(unsigned e, const char *s, size_t len)
#endif
{
    unsigned n, i;
    const char *p = enum_list(e, &n);
    for (i = 0; i < n; i++) {
        size_t l = (unsigned char)p[0];
        if ((l == len) &&
            ((len == 0u) || same_key_bytes(&p[1], s, len))) { /* s may be NULL when empty */
            unsigned canonical = canonical_count(e, n); /* an alias: the last canonical value */
            return (uint8_t)((i < canonical) ? (i + 1u) : canonical);
        }
        p = &p[l + 1u];
    }
    return 0;
}

#if CAMP_ENGINE_FAST_PATHS
uint8_t camp_ib_enum_lookup(unsigned e, const char *s, size_t len)
{
    return enum_value(e, s, len);
}
#endif

const char *camp_ib_enum_name(unsigned e, unsigned value, size_t *len)
{
    unsigned n, i;
    const char *p = enum_list(e, &n);
    if (value < 1 || value > camp_ib_enum_count(e)) {
        *len = 0;
        return "";
    }
    for (i = 1; i < value; i++) {
        p = &p[(size_t)(unsigned char)p[0] + 1u];
    }
    *len = (unsigned char)p[0];
    return &p[1];
}

/* A table of rule texts, rows X(NAME, ID, "text"): with texts (CAMP_DIAG_TEXT 1) an
 * array of pointers, a row's read at once (not past the rows before it, as
 * camp_rule_nth() would); with rule ids, the library's one string of them
 * (CAMP_RULE_ROW, checked at each table), row i's at 4 * i: no pointer a row. */
#if CAMP_DIAG_TEXT
#define RULE_ROW(name, id, text) text,
#define RULE_TABLE(T, ROWS) static const char *const T[] = {ROWS(RULE_ROW)}
#define RULE_AT(T, i) ((T)[i])
#define RULE_IDS_FIT(ROWS)
#else
#define RULE_TABLE(T, ROWS) static const char T[] = ROWS(CAMP_RULE_ROW)
#define RULE_AT(T, i) CAMP_RULE_NTH((T), (i))
#define RULE_ONE(name, id, text) +1
#define RULE_IDS_FIT(ROWS)                                                                         \
    CAMP_RULE_IDS_FIT(rule_ids_fit_##ROWS, ROWS(CAMP_RULE_ROW), 0 ROWS(RULE_ONE))
#endif

/* The rule of enum @p e (E_STATUS first; any other: an unknown enum's). Where texts
 * are kept, a switch (the bench saw the table's bounds test in the decode walk);
 * with rule ids, one string of them. */
#if CAMP_DIAG_TEXT
static const char *enum_rule(unsigned e)
{
    switch (e) {
    case E_STATUS: return CAMP_RULE(I05, "must be one of draft, active, paused, completed");
    case E_STEP: return CAMP_RULE(I06, "step type must be message, delay or likeTweet");
    case E_SEGMENT: return CAMP_RULE(I07, "segment type must be static, variable or variation");
    case E_PLATFORM: return CAMP_RULE(I08, "must be twitter");
    case E_BY: return CAMP_RULE(I09, "must be one of platformId, username, externalId");
    case E_TRIGGER: return CAMP_RULE(I10, "must be prospectFirstReply");
    case E_ACTION: return CAMP_RULE(I11, "must be setStatus");
    case E_DETACH: return CAMP_RULE(I12, "must be unlink");
    default: return CAMP_RULE(I13, "unknown enum value");
    }
}
#else
#define ENUM_RULES(X)                                                                              \
    X(E_STATUS, I05, "must be one of draft, active, paused, completed")                            \
    X(E_STEP, I06, "step type must be message, delay or likeTweet")                                \
    X(E_SEGMENT, I07, "segment type must be static, variable or variation")                        \
    X(E_PLATFORM, I08, "must be twitter")                                                          \
    X(E_BY, I09, "must be one of platformId, username, externalId")                                \
    X(E_TRIGGER, I10, "must be prospectFirstReply")                                                \
    X(E_ACTION, I11, "must be setStatus")                                                          \
    X(E_DETACH, I12, "must be unlink")                                                             \
    X(E_UNKNOWN, I13, "unknown enum value")
RULE_IDS_FIT(ENUM_RULES)

static const char *enum_rule(unsigned e)
{
    RULE_TABLE(texts, ENUM_RULES);
    unsigned i = e - 1u; /* E_STATUS first; 0 wraps past the last */
    return RULE_AT(texts, (i < (unsigned)E_DETACH) ? i : (unsigned)E_DETACH);
}
#endif

/* ---- rules ------------------------------------------------------------------------------ */

#define IB_NAME_MAX 255 /* R_NAME: 1..255 characters */

/* The rules' limits and texts, by rule (R_NONE's: any integer), and a last row for
 * R_RATE where encoding (IB_RATE_STRICT). Tables, not a switch: each case's stores
 * took more code than a row. */
#define IB_RATE_STRICT 8u /* R_NONE..R_NONEMPTY, then R_RATE's strict row */

/* A rule's maximum in 16 bits: its number, or one of these two for the two that
 * are larger (the table is a quarter of a table of int64_t) */
#define MAX_ANY 0u  /* INT64_MAX */
#define MAX_SAFE 1u /* CAMP_MAX_SAFE_INT */

/* The rules' texts, by rule (R_NONE..R_NONEMPTY), then R_RATE's strict row. The
 * string rules (R_NAME..R_NONEMPTY) each accept 1..IB_NAME_MAX characters
 * (string_rule()'s short cut relies on it). D1: the v2 pages say 1..25, the legacy
 * pause page 1..60 (and the get page's example is 30). Decoding accepts 1..60 in
 * both shapes; encoding (cx->strict) enforces the stricter 1..25. */
#define RANGE_RULES(X)                                                                             \
    X(R_NONE, I22, "must be an integer")                                                           \
    X(R_COUNT, I14, "must be an integer in 0..9007199254740991")                                   \
    X(R_RATE, I16, "must be an integer in 1..60")                                                  \
    X(R_MINUTE, I17, "must be an integer in 0..1440")                                              \
    X(R_HTTP, I18, "must be an integer in 100..599")                                               \
    X(R_NAME, I19, "must be 1..255 characters")                                                    \
    X(R_DESC, I20, "must be at most 1000 characters")                                              \
    X(R_NONEMPTY, I21, "must not be empty")                                                        \
    X(R_RATE_STRICT, I15, "must be an integer in 1..25")
RULE_IDS_FIT(RANGE_RULES)

static void rule_range(const ictx_t *cx, unsigned r, int64_t *min, int64_t *max, const char **text)
{
    static const uint16_t maxes[IB_RATE_STRICT + 1u] = {MAX_ANY,     MAX_SAFE, 60u,     1440u, 599u,
                                                        IB_NAME_MAX, 1000u,    MAX_ANY, 25u};
    static const uint8_t mins[IB_RATE_STRICT + 1u] = {0u, 0u, 1u, 0u, 100u, 1u, 0u, 1u, 1u};
    RULE_TABLE(texts, RANGE_RULES);
    unsigned i = (r < IB_RATE_STRICT) ? r : (unsigned)R_NONE;
    if ((i == (unsigned)R_RATE) && cx->strict) {
        i = IB_RATE_STRICT;
    }
    *min = (i == (unsigned)R_NONE) ? INT64_MIN : (int64_t)mins[i];
    *max = (maxes[i] == MAX_ANY)    ? INT64_MAX
           : (maxes[i] == MAX_SAFE) ? CAMP_MAX_SAFE_INT
                                    : (int64_t)maxes[i];
    *text = RULE_AT(texts, i);
}

static void array_rule(unsigned a, size_t *min, size_t *cap, const char **cap_text)
{
    if (a >= (unsigned)A_SYNCED) { /* the two list rules are the last */
        *min = 0;
        *cap = CAMP_MAX_LISTS;
        *cap_text = CAMP_RULE(I24, "more elements than CAMP_MAX_LISTS");
        return;
    }
    *min = (a == (unsigned)A_ACCOUNTS1) ? 1u : 0u;
    *cap = CAMP_MAX_ACCOUNTS;
    *cap_text = CAMP_RULE(I23, "more elements than CAMP_MAX_ACCOUNTS");
}

/* Where the struct of K_IDS member @p f keeps its count: in a wide row, its aux
 * word; in a small one, its array rule says (IB_IDS_COUNT_OFF(), a table of four
 * offsets). */
#if IB_WIDE_ROWS
static size_t count_off(const ifield_t *f)
{
    return f->aux;
}
#else
CAMP_NOINLINE static size_t count_off(const ifield_t *f)
{
    static const uint16_t offs[A_EXCLUDED + 1] = {
        [A_ACCOUNTS] = (uint16_t)IB_IDS_COUNT_OFF(A_ACCOUNTS),
        [A_ACCOUNTS1] = (uint16_t)IB_IDS_COUNT_OFF(A_ACCOUNTS1),
        [A_SYNCED] = (uint16_t)IB_IDS_COUNT_OFF(A_SYNCED),
        [A_EXCLUDED] = (uint16_t)IB_IDS_COUNT_OFF(A_EXCLUDED)};
    return offs[f->rule];
}
#endif

/* ---- diagnostics ------------------------------------------------------------------------- */

/* Decode: only where and why; the entry point builds the path after the walk. */
CAMP_NOINLINE camp_status_t camp_ib_fail_at(ictx_t *cx, int tok, camp_status_t st, const char *rule)
{
    if (cx->op == OP_DECODE) {
        if (tok >= 0) {
            cx->u.d.fail_tok = tok;
            cx->u.d.fail_key = NULL;
        }
        cx->fail_rule = rule;
        return st;
    }
    if (cx->op == OP_EQUAL) {
        return st;
    }
    /* through the struct walks' services: a program that only decodes links none
     * of the path code */
    return cx->u.s.sw->fail_at_path(cx, st, rule);
}

camp_status_t camp_ib_fail_member(ictx_t *cx, int obj, const char *key, camp_status_t st,
                                  const char *rule)
{
    if (cx->op == OP_DECODE) {
        cx->u.d.fail_tok = obj;
        cx->u.d.fail_key = key;
        cx->fail_rule = rule;
        return st;
    }
    return camp_ib_fail_at(cx, -1, st, rule);
}

void camp_ib_report(ictx_t *cx, camp_status_t st)
{
    camp_diag_t *d = cx->diag;
    if (d == NULL || st == CAMP_OK) {
        return;
    }
    /* where and why; the limits and the size needed the failure set stay */
    d->status = st;
    d->rule = (cx->fail_rule != NULL) ? cx->fail_rule : "";
    camp_json_diag_where(d, cx->u.d.doc, cx->u.d.fail_tok, cx->u.d.fail_key);
}

void camp_ib_fail_limits(ictx_t *cx, int64_t min, int64_t max)
{
    camp_diag_set_limits(cx->diag, min, max);
}

void camp_ib_fail_needed(ictx_t *cx, int64_t needed)
{
    if (cx->diag != NULL) {
        cx->diag->needed = needed;
    }
}

camp_status_t camp_ib_fail_capacity(ictx_t *cx, int tok, const char *rule, size_t needed)
{
    camp_status_t st = camp_ib_fail_at(cx, tok, CAMP_ERR_CAPACITY, rule);
    camp_ib_fail_needed(cx, (int64_t)needed);
    return st;
}

/* ---- small helpers ----------------------------------------------------------------------------- */

bool camp_ib_str_eq(const camp_str_t *a, const camp_str_t *b)
{
    if (a->ptr == NULL || b->ptr == NULL) {
        return a->ptr == b->ptr;
    }
    return a->len == b->len && (a->len == 0 || memcmp(a->ptr, b->ptr, a->len) == 0);
}

bool camp_ib_str_is(const camp_str_t *a, const char *lit)
{
    size_t n = strlen(lit);
    return a->ptr != NULL && a->len == n && memcmp(a->ptr, lit, n) == 0;
}

/* The children of container @p tok (its kind already known): its size, never
 * negative. */
static int children_of(const camp_json_doc_t *doc, int tok)
{
    return (doc->tokens[tok].size > 0) ? doc->tokens[tok].size : 0;
}

#if CAMP_ENGINE_FAST_PATHS
/* Whether token @p tok is an object, by the direct test (where size matters, the
 * callers ask camp_ib_want_object(), which reports the failure too). */
static IB_HOT bool is_object(const camp_json_doc_t *doc, int tok)
{
    return camp_json_object_at(doc, tok);
}
#endif

camp_status_t camp_ib_want_array(ictx_t *cx, int tok, int *n)
{
    if (camp_json_kind_at(cx->u.d.doc, tok) != CAMP_JSON_ARRAY) {
        *n = 0; /* defined even if a diag sink were to report success */
        return camp_ib_fail_at(cx, tok, CAMP_ERR_TYPE, CAMP_RULE(I25, "must be an array"));
    }
    *n = children_of(cx->u.d.doc, tok);
    return CAMP_OK;
}

int camp_ib_array_len(ictx_t *cx, int tok)
{
    int n;
    return (camp_ib_want_array(cx, tok, &n) == CAMP_OK) ? n : -1;
}

#if CAMP_ENGINE_FAST_PATHS
int camp_ib_member(const camp_json_doc_t *doc, int obj, const char *key)
{
    const camp_json_token_t *t = doc->tokens;
    size_t len = strlen(key);
    /* a key written with escapes is longer than its value; there is none to look
     * for in a document the check found without a backslash */
    bool escapes = (t[0].type_ & CAMP_JSON_F_NO_ESCAPES) == 0;
    int i, k = obj + 1, found = -1, n = t[obj].size;
    for (i = 0; i < n && k + 1 < doc->count; i++) {
        size_t kn = (size_t)(t[k].end - t[k].start);
        const char *raw = doc->text + t[k].start;
        if ((kn == len && (len == 0u || (raw[0] == key[0] && same_key_bytes(raw, key, len)))) ||
            (escapes && kn > len && memchr(raw, '\\', kn) != NULL &&
             camp_json_string_eq(doc, k, key))) {
            found = k + 1; /* the last one, as camp_json_member() */
        }
        k = (t[k + 1].size == 0) ? k + 2 : camp_json_next(doc, k);
    }
    return found;
}
#endif

camp_status_t camp_ib_want_object(ictx_t *cx, int tok)
{
    if (camp_json_kind_at(cx->u.d.doc, tok) != CAMP_JSON_OBJECT) {
        return camp_ib_fail_at(cx, tok, CAMP_ERR_TYPE, CAMP_RULE(I26, "must be an object"));
    }
    return CAMP_OK;
}

/* camp_ib_get_str() past the fast case, in a frame of its own: the getter and its
 * failures. Where size is wanted there is no fast case: this body is
 * camp_ib_get_str() itself (no wrapper), which the walk calls as get_str(). */
#if CAMP_ENGINE_FAST_PATHS
CAMP_NOINLINE static camp_status_t get_str_slow(ictx_t *cx, int tok, camp_str_t *out)
#else
#define get_str camp_ib_get_str
camp_status_t camp_ib_get_str(ictx_t *cx, int tok, camp_str_t *out)
#endif
{
    camp_status_t st = camp_json_get_string(cx->u.d.doc, tok, &out->ptr, &out->len);
    if (st == CAMP_ERR_JSON_NUL) {
        return camp_ib_fail_at(cx, tok, CAMP_ERR_JSON_NUL,
                               CAMP_RULE(I27, "must not contain \\u0000"));
    }
    if (st != CAMP_OK) {
        out->ptr = NULL;
        out->len = 0;
        return camp_ib_fail_at(cx, tok, CAMP_ERR_TYPE, CAMP_RULE(I28, "must be a string"));
    }
    return CAMP_OK;
}

#if CAMP_ENGINE_FAST_PATHS
/* camp_ib_get_str(), inlined into the decode walk where speed is wanted. */
static IB_HOT camp_status_t get_str(ictx_t *cx, int tok, camp_str_t *out)
{
    return camp_json_plain_string(cx->u.d.doc, tok, &out->ptr, &out->len)
               ? CAMP_OK
               : get_str_slow(cx, tok, out);
}

camp_status_t camp_ib_get_str(ictx_t *cx, int tok, camp_str_t *out)
{
    return get_str(cx, tok, out);
}
#endif

/* ---- value checks ------------------------------------------------------------------------------ */

/* A string's length in characters against rule @p rule; out of
 * camp_ib_check_kind_str()'s frame, which sits over the pattern checks. */
CAMP_NOINLINE static camp_status_t length_rule(const ictx_t *cx, uint8_t rule, long chars,
                                               const char **why)
{
    int64_t min, max;
    rule_range(cx, rule, &min, &max, why);
    return ((int64_t)chars < min || (int64_t)chars > max) ? CAMP_ERR_LENGTH : CAMP_OK;
}

#if CAMP_ENGINE_FAST_PATHS
/* length_rule() on a decoded string, valid UTF-8 (the strict check proved it): its
 * characters are counted only when the limits need them. */
CAMP_NOINLINE static camp_status_t decoded_length_rule(const ictx_t *cx, uint8_t rule,
                                                       const camp_str_t *s, const char **why)
{
    int64_t min;
    int64_t max;
    int64_t chars;
    rule_range(cx, rule, &min, &max, why);
    chars = camp_utf8_chars_within(s->ptr, s->len, min, max);
    return ((chars < min) || (chars > max)) ? CAMP_ERR_LENGTH : CAMP_OK;
}
#endif

#if CAMP_ENGINE_FAST_PATHS
/* The pattern checks, each reached by a tail call from kind_pattern(). */
static IB_HOT camp_status_t id_pattern(const camp_str_t *s)
{
    return camp_valid_inbox_id(s->ptr, s->len) ? CAMP_OK : CAMP_ERR_PATTERN;
}

CAMP_NOINLINE static camp_status_t column_id_pattern(const camp_str_t *s)
{
    return camp_valid_column_id(s->ptr, s->len) ? CAMP_OK : CAMP_ERR_PATTERN;
}

CAMP_NOINLINE static camp_status_t tz_name_pattern(const camp_str_t *s)
{
    return camp_valid_tz_name(s->ptr, s->len) ? CAMP_OK : CAMP_ERR_TIMEZONE;
}

/* The pattern of a K_ID, K_COLID or K_TZ string (any other kind: K_TZ's). Decoding
 * asks it directly: its strings come from a checked document, so it needs none of
 * the UTF-8 check of camp_ib_check_kind_str()'s K_STR case (nor links it). */
static camp_status_t kind_pattern(uint8_t kind, const camp_str_t *s, const char **why)
{
    switch (kind) {
    case K_ID: *why = CAMP_RULE(I29, "must match ^[0-9a-z]+$"); return id_pattern(s);
    case K_COLID:
        *why = CAMP_RULE(I30, "must match ^custom_[0-9a-z]+$");
        return column_id_pattern(s);
    case K_TZ:
    default: *why = CAMP_RULE(I31, "must be an IANA time-zone name"); return tz_name_pattern(s);
    }
}
#else
/* The patterns' rules, K_ID, K_COLID, K_TZ. */
#define PATTERN_RULES(X)                                                                           \
    X(K_ID, I29, "must match ^[0-9a-z]+$")                                                         \
    X(K_COLID, I30, "must match ^custom_[0-9a-z]+$")                                               \
    X(K_TZ, I31, "must be an IANA time-zone name")
RULE_IDS_FIT(PATTERN_RULES)

/* kind_pattern() where size is wanted: one text table and one call site a
 * validator, not a case and an out-of-line wrapper each (the speed path keeps
 * those: their tail calls are shorter). */
static camp_status_t kind_pattern(uint8_t kind, const camp_str_t *s, const char **why)
{
    RULE_TABLE(texts, PATTERN_RULES);
    unsigned i = (unsigned)kind - (unsigned)K_ID;
    bool ok;
    if (i > 2u) {
        i = 2u;
    }
    *why = RULE_AT(texts, i);
    if (i == 0u) {
        ok = camp_valid_inbox_id(s->ptr, s->len);
    } else if (i == 1u) {
        ok = camp_valid_column_id(s->ptr, s->len);
    } else {
        ok = camp_valid_tz_name(s->ptr, s->len);
    }
    if (ok) {
        return CAMP_OK;
    }
    return (i == 2u) ? CAMP_ERR_TIMEZONE : CAMP_ERR_PATTERN;
}
#endif

camp_status_t camp_ib_check_kind_str(const ictx_t *cx, uint8_t kind, uint8_t rule,
                                     const camp_str_t *s, const char **why)
{
    long chars;
    if (kind != K_STR) {
        return kind_pattern(kind, s, why);
    }
    chars = camp_utf8_chars(s->ptr, s->len);
    if (chars < 0) {
        *why = CAMP_RULE(I32, "must be valid UTF-8");
        return CAMP_ERR_INVALID;
    }
    return (rule == R_NONE) ? CAMP_OK : length_rule(cx, rule, chars, why);
}

/* Whether kind @p k is a view (K_TIME: its raw text). Where size is wanted, one bit a
 * kind in a mask: a shift and a test its callers inline, not a function of compares. */
#if CAMP_ENGINE_FAST_PATHS
static bool is_ptr_kind(uint8_t k)
{
    return k == K_STR || k == K_ID || k == K_COLID || k == K_TZ || k == K_TIME || k == K_RAW ||
           k == K_RAW_OBJ;
}
#else
#define PTR_KINDS                                                                                  \
    ((1u << K_STR) | (1u << K_ID) | (1u << K_COLID) | (1u << K_TZ) | (1u << K_TIME) |              \
     (1u << K_RAW) | (1u << K_RAW_OBJ))

static bool is_ptr_kind(uint8_t k)
{
    return (k < 32u) && (((PTR_KINDS >> k) & 1u) != 0u);
}
#endif

/* The camp_str_t of a pointer-kind member (for K_TIME: its raw text). */
static const camp_str_t *str_of(const void *base, const ifield_t *f)
{
    const char *p = (const char *)base + f->off;
    if (f->kind == K_TIME) {
        return &((const camp_inbox_time_t *)(const void *)p)->raw;
    }
    return (const camp_str_t *)(const void *)p;
}

/* The types' texts, in the order of type_text()'s T_* (a string's and a date-time's
 * `or null` form after it). */
#define TYPE_RULES(X)                                                                              \
    X(T_STRING, I28, "must be a string")                                                           \
    X(T_STRING_NULL, I38, "must be a string or null")                                              \
    X(T_TIME, I36, "must be an RFC 3339 date-time")                                                \
    X(T_TIME_NULL, I35, "must be an RFC 3339 date-time or null")                                   \
    X(T_BOOL, I33, "must be a boolean")                                                            \
    X(T_FRAC, I34, "must be a number in 0..1")                                                     \
    X(T_INT, I22, "must be an integer")                                                            \
    X(T_ARRAY, I25, "must be an array")                                                            \
    X(T_OBJECT, I26, "must be an object")                                                          \
    X(T_RAW, I37, "must not be null")
RULE_IDS_FIT(TYPE_RULES)

/* The type a member of kind @p kind must have, as a rule text (its `or null` form
 * where @p nullable). One table of the texts and one byte a kind, not a switch: each
 * case took more code than its byte. */
static const char *type_text(uint8_t kind, bool nullable)
{
    /* the rows' names, in the table's order (a string and a date-time: then their
     * `or null` forms) */
#define TYPE_NAME(name, id, text) name,
    enum {
        TYPE_RULES(TYPE_NAME) T_COUNT
    };
#undef TYPE_NAME
    RULE_TABLE(texts, TYPE_RULES);
    static const uint8_t of_kind[K_HOOK + 1] = {
        [K_BOOL] = T_BOOL,      [K_I64] = T_INT,   [K_U16] = T_INT,
        [K_FRAC] = T_FRAC,      [K_TIME] = T_TIME, [K_RAW] = T_RAW,
        [K_RAW_OBJ] = T_OBJECT, [K_IDS] = T_ARRAY, [K_SUB] = T_OBJECT /* the others: T_STRING */};
    unsigned t = (kind <= (unsigned)K_HOOK) ? of_kind[kind] : (unsigned)T_STRING;
    if ((t < (unsigned)T_BOOL) && nullable) {
        t++;
    }
    return RULE_AT(texts, t);
}

/* ---- member rules ------------------------------------------------------------------------------ */

static bool applies(const ictx_t *cx, const ifield_t *f)
{
    if ((f->flags & F_V2) != 0 && cx->shape != CAMP_INBOX_SHAPE_V2) {
        return false;
    }
    if ((f->flags & F_LEG) != 0 && cx->shape != CAMP_INBOX_SHAPE_LEGACY) {
        return false;
    }
    return (f->flags & F_RESP) == 0 || !cx->request;
}

static bool required(const ictx_t *cx, const ifield_t *f)
{
    return (f->flags & F_REQ) != 0 || ((f->flags & F_REQ_REQUEST) != 0 && cx->request);
}

static bool nullable(const ictx_t *cx, const ifield_t *f)
{
    /* while a campaign's shape is still open, null is taken for now and refused when
     * the campaign closes in a shape that does not allow it */
    return (f->flags & F_NULL) != 0 ||
           ((f->flags & F_NULL_SUM) != 0 &&
            (cx->shape == CAMP_INBOX_SHAPE_SUMMARY || cx->shape == SHAPE_OPEN));
}

/* Decode: an ID array's item count against its rule (at least, at most). */
CAMP_NOINLINE static camp_status_t ids_count(ictx_t *cx, const ifield_t *f, int v, int *n)
{
    size_t min, cap;
    const char *cap_text;
    camp_status_t st = camp_ib_want_array(cx, v, n);
    if (st != CAMP_OK) {
        return st;
    }
    array_rule(f->rule, &min, &cap, &cap_text);
    if ((size_t)*n < min) {
        st = camp_ib_fail_at(cx, v, CAMP_ERR_LENGTH,
                             CAMP_RULE(I39, "at least one element required"));
        camp_ib_fail_limits(cx, (int64_t)min, INT64_MAX);
        return st;
    }
    if ((size_t)*n > cap) {
        return camp_ib_fail_capacity(cx, v, cap_text, (size_t)*n);
    }
    return CAMP_OK;
}

/* Decode: an ID item, checked. */
CAMP_NOINLINE static camp_status_t ids_item(ictx_t *cx, int it, camp_str_t *item)
{
    const char *why;
    camp_status_t st = camp_ib_get_str(cx, it, item);
    if (st == CAMP_OK) {
        st = camp_ib_check_kind_str(cx, K_ID, R_NONE, item, &why);
        if (st != CAMP_OK) {
            st = camp_ib_fail_at(cx, it, st, why);
        }
    }
    return st;
}

/* The count, each item and the item loop in functions of their own: the loop's
 * frame, under which the string reader runs, keeps only what it iterates with. */
CAMP_NOINLINE static camp_status_t decode_ids(ictx_t *cx, const ifield_t *f, int v, void *base)
{
    camp_str_t *items = (camp_str_t *)(void *)((char *)base + f->off);
    int n, i, it;
    camp_status_t st = ids_count(cx, f, v, &n);
    if (st != CAMP_OK) {
        return st;
    }
    /* item i is token v + 1 + i: every item before it passed, a string, one token */
    for (i = 0, it = v + 1; i < n; i++, it++) {
        st = ids_item(cx, it, &items[i]);
        if (st != CAMP_OK) {
            return st;
        }
    }
    *(uint16_t *)(void *)((char *)base + count_off(f)) = (uint16_t)n;
    return CAMP_OK;
}

/* Decode, numbers: each kind of value in a function of its own, so that the stack
 * of one kind's path is not paid on another's. */
CAMP_NOINLINE static camp_status_t decode_fraction(ictx_t *cx, int v, char *p)
{
    camp_status_t st = camp_json_get_fraction(cx->u.d.doc, v, (uint32_t *)(void *)p);
    if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, v, st == CAMP_ERR_JSON_TYPE ? CAMP_ERR_TYPE : CAMP_ERR_RANGE,
                             CAMP_RULE(I34, "must be a number in 0..1"));
        camp_ib_fail_limits(cx, 0, 1);
    }
    return st;
}

/* An integer member's limits: its rule's, at most UINT16_MAX for a K_U16. */
static void integer_limits(const ictx_t *cx, const ifield_t *f, int64_t *min, int64_t *max,
                           const char **why)
{
    rule_range(cx, f->rule, min, max, why);
    if (f->kind == K_U16 && *max > UINT16_MAX) {
        *max = UINT16_MAX;
    }
}

#if CAMP_ENGINE_FAST_PATHS
/* Decode: an integer member's rule over @p x (st: what reading it returned), and
 * its failure; out of decode_integer()'s frame, which sits over the number reader. */
CAMP_NOINLINE static camp_status_t integer_rule(ictx_t *cx, const ifield_t *f, int v, int64_t x,
                                                camp_status_t st)
{
    const char *why;
    int64_t min, max;
    integer_limits(cx, f, &min, &max, &why);
    if (st == CAMP_OK && x >= min && x <= max) {
        return CAMP_OK;
    }
    st = camp_ib_fail_at(cx, v, st == CAMP_ERR_JSON_TYPE ? CAMP_ERR_TYPE : CAMP_ERR_RANGE, why);
    camp_ib_fail_limits(cx, min, max);
    return st;
}

/* Most integers in a document are short runs of digits: token @p v holding 1..15
 * digits (below 10^15, so below CAMP_MAX_SAFE_INT) is read here into *out (true);
 * signs, fractions, exponents and longer numbers are left to the number reader. */
static IB_HOT bool short_digits(const camp_json_doc_t *doc, int v, int64_t *out)
{
    const camp_json_token_t *t = &doc->tokens[v];
    bool ok = ((t->type_ & CAMP_JSON_T_MASK) == CAMP_JSON_T_PRIMITIVE) && (t->start >= 0) &&
              (t->end > t->start) && ((size_t)t->end <= doc->len) && ((t->end - t->start) <= 15);
    uint64_t x = 0u;
    if (ok) {
        const unsigned char *s = (const unsigned char *)&doc->text[t->start];
        size_t n = (size_t)t->end - (size_t)t->start;
        size_t i;
        for (i = 0u; ok && (i < n); i++) {
            unsigned d = (unsigned)s[i] - (unsigned)'0';
            ok = (d <= 9u);
            x = (x * 10u) + d;
        }
    }
    *out = (int64_t)x; /* read only when ok */
    return ok;
}

/* K_I64, K_U16 */
CAMP_NOINLINE static camp_status_t decode_integer(ictx_t *cx, const ifield_t *f, int v, char *p)
{
    int64_t i64 = 0;
    camp_status_t st;
    bool fast = short_digits(cx->u.d.doc, v, &i64);
    if (fast) {
        /* a counter (0..CAMP_MAX_SAFE_INT) takes any of them: no limits to look up */
        st = ((f->kind == K_I64) && (f->rule == R_COUNT)) ? CAMP_OK
                                                          : integer_rule(cx, f, v, i64, CAMP_OK);
    } else {
        st = camp_json_get_int(cx->u.d.doc, v, INT64_MIN, INT64_MAX, &i64);
        st = integer_rule(cx, f, v, i64, st);
    }
    if (st != CAMP_OK) {
        return st;
    }
    if (f->kind == K_U16) {
        *(uint16_t *)(void *)p = (uint16_t)i64;
    } else {
        *(int64_t *)(void *)p = i64;
    }
    return CAMP_OK;
}
#else
/* K_I64, K_U16, where size is wanted: the number reader checks the member's limits
 * itself (a value outside them fails as one outside int64_t does: RANGE, with the
 * rule's text and limits), so there is no compare of our own nor a second frame. */
CAMP_NOINLINE static camp_status_t decode_integer(ictx_t *cx, const ifield_t *f, int v, char *p)
{
    const char *why;
    int64_t min, max, i64;
    camp_status_t st;
    integer_limits(cx, f, &min, &max, &why);
    st = camp_json_get_int(cx->u.d.doc, v, min, max, &i64);
    if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, v, st == CAMP_ERR_JSON_TYPE ? CAMP_ERR_TYPE : CAMP_ERR_RANGE, why);
        camp_ib_fail_limits(cx, min, max);
        return st;
    }
    if (f->kind == K_U16) {
        *(uint16_t *)(void *)p = (uint16_t)i64;
    } else {
        *(int64_t *)(void *)p = i64;
    }
    return CAMP_OK;
}
#endif

#if CAMP_ENGINE_FAST_PATHS
CAMP_NOINLINE static camp_status_t decode_time(ictx_t *cx, const ifield_t *f, int v, char *p)
{
    camp_inbox_time_t *t = (camp_inbox_time_t *)(void *)p;
    camp_status_t st = CAMP_ERR_TYPE;
    if (camp_json_kind_at(cx->u.d.doc, v) == CAMP_JSON_STRING) {
        st = camp_ib_get_str(cx, v, &t->raw);
        if (st != CAMP_OK) {
            return st;
        }
        if (camp_datetime_parse(t->raw.ptr, t->raw.len, &t->at) == CAMP_OK) {
            return CAMP_OK;
        }
        st = CAMP_ERR_DATE;
    }
    /* not a string, or not a date-time: one text for both */
    return camp_ib_fail_at(cx, v, st, type_text(K_TIME, nullable(cx, f)));
}
#else
/* K_TIME, where size is wanted: read as a string by decode_string() (the same
 * failure for a value that is none: its type text), then parsed here, out of its
 * frame; a text that is no date-time fails with that text too. */
typedef char time_raw_first[(offsetof(camp_inbox_time_t, raw) == 0u) ? 1 : -1];

CAMP_NOINLINE static camp_status_t time_rule(ictx_t *cx, const ifield_t *f, int v,
                                             camp_inbox_time_t *t)
{
    if (camp_datetime_parse(t->raw.ptr, t->raw.len, &t->at) == CAMP_OK) {
        return CAMP_OK;
    }
    return camp_ib_fail_at(cx, v, CAMP_ERR_DATE, type_text(K_TIME, nullable(cx, f)));
}
#endif

#if !CAMP_ENGINE_FAST_PATHS
/* The characters of a decoded string: valid UTF-8 (the strict check proved it), so
 * one per byte that does not continue a sequence, and no call to the validating
 * counter, which decoding then does not link. */
static long decoded_chars(const camp_str_t *s)
{
    long n = 0;
    size_t i;
    for (i = 0; i < s->len; i++) {
        n += (((unsigned char)s->ptr[i] & 0xC0u) != 0x80u) ? 1 : 0;
    }
    return n;
}
#endif

/* Decode: a string member's rule (kind and length), and its failure; where the code
 * is optimized for size, out of decode_string()'s frame, which sits over the string
 * reader. */
static IB_HOT camp_status_t string_rule(ictx_t *cx, const ifield_t *f, int v, const camp_str_t *s)
{
    const char *why = NULL;
    int64_t min, max;
    camp_status_t st;
#if CAMP_ENGINE_FAST_PATHS
    if (f->kind != K_STR) {
        st = kind_pattern(f->kind, s, &why);
    } else {
        /* from a checked document: valid UTF-8, its length counted only if needed;
         * 1..IB_NAME_MAX bytes are as many characters, which every string rule takes */
        bool short_text = (s->len - 1u) < (size_t)IB_NAME_MAX;
        st = ((f->rule == R_NONE) || short_text) ? CAMP_OK
                                                 : decoded_length_rule(cx, f->rule, s, &why);
    }
#else
    /* the same answers in less code: a K_STR past the short cut is counted whole,
     * by its lead bytes (a checked document's strings are valid UTF-8) */
    bool short_text = (s->len - 1u) < (size_t)IB_NAME_MAX;
    if (f->kind != K_STR) {
        st = kind_pattern(f->kind, s, &why);
    } else {
        st = ((f->rule == R_NONE) || short_text) ? CAMP_OK
                                                 : length_rule(cx, f->rule, decoded_chars(s), &why);
    }
#endif
    if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, v, st, why);
        if (st == CAMP_ERR_LENGTH) {
            rule_range(cx, f->rule, &min, &max, &why);
            camp_ib_fail_limits(cx, min, max);
        }
    }
    return st;
}

/* K_STR, K_ID, K_COLID, K_TZ (where size is wanted, K_TIME too: its raw text is
 * its first member) */
CAMP_NOINLINE static camp_status_t decode_string(ictx_t *cx, const ifield_t *f, int v, char *p)
{
    camp_str_t *s = (camp_str_t *)(void *)p;
    camp_status_t st;
    if (camp_json_kind_at(cx->u.d.doc, v) != CAMP_JSON_STRING) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, type_text(f->kind, nullable(cx, f)));
    }
    st = get_str(cx, v, s);
#if !CAMP_ENGINE_FAST_PATHS
    if ((st == CAMP_OK) && (f->kind == K_TIME)) {
        return time_rule(cx, f, v, (camp_inbox_time_t *)(void *)p);
    }
#endif
    return (st == CAMP_OK) ? string_rule(cx, f, v, s) : st;
}

/* A raw member's text (any value as written): the token read directly where speed
 * paths are on; where size matters the getter, which the module links anyway. */
static IB_HOT void raw_member(const camp_json_doc_t *doc, int v, camp_str_t *out)
{
#if CAMP_ENGINE_FAST_PATHS
    camp_json_raw_at(doc, v, &out->ptr, &out->len);
#else
    camp_json_raw(doc, v, &out->ptr, &out->len);
#endif
}

static IB_HOT camp_status_t decode_value(ictx_t *cx, const ifield_t *f, int v, void *base)
{
    char *p = (char *)base + f->off;
    camp_json_doc_t *doc = cx->u.d.doc;

    switch (f->kind) {
    case K_BOOL:
        if (camp_json_get_bool(doc, v, (bool *)(void *)p) != CAMP_OK) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, CAMP_RULE(I33, "must be a boolean"));
        }
        return CAMP_OK;
    case K_I64:
    case K_U16:
#if CAMP_ENGINE_FAST_PATHS
        /* a counter in a short run of digits needs no rule: stored here, no call */
        if ((f->kind == K_I64) && (f->rule == R_COUNT)) {
            int64_t n;
            if (short_digits(doc, v, &n)) {
                (void)memcpy((void *)p, (const void *)&n, sizeof n);
                return CAMP_OK;
            }
        }
#endif
        return decode_integer(cx, f, v, p);
    case K_FRAC: return decode_fraction(cx, v, p);
    case K_RAW: raw_member(doc, v, (camp_str_t *)(void *)p); return CAMP_OK;
    case K_RAW_OBJ:
#if CAMP_ENGINE_FAST_PATHS
        if (!is_object(doc, v)) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, CAMP_RULE(I26, "must be an object"));
        }
#else
        if (camp_ib_want_object(cx, v) != CAMP_OK) {
            return CAMP_ERR_TYPE; /* the same failure, reported there */
        }
#endif
        raw_member(doc, v, (camp_str_t *)(void *)p);
        return CAMP_OK;
    case K_IDS: return decode_ids(cx, f, v, base);
    case K_ENUM: {
        camp_str_t s;
        camp_status_t st = get_str(cx, v, &s);
        if (st != CAMP_OK) {
            return st;
        }
        *(uint8_t *)(void *)p = camp_ib_enum_lookup(f->rule, s.ptr, s.len);
        if (*p == 0) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_ENUM, enum_rule(f->rule));
        }
        return CAMP_OK;
    }
#if CAMP_ENGINE_FAST_PATHS
    case K_TIME: return decode_time(cx, f, v, p);
#endif
    default: return decode_string(cx, f, v, p);
    }
}

/* An integer (int64 or uint16 member) inside its rule's range. */
CAMP_NOINLINE static camp_status_t validate_int(ictx_t *cx, const ifield_t *f, const char *p)
{
    const char *why;
    int64_t min, max, v;
    rule_range(cx, f->rule, &min, &max, &why);
    v = (f->kind == K_U16) ? (int64_t) * (const uint16_t *)(const void *)p
                           : *(const int64_t *)(const void *)p;
    if (v < min || v > max) {
        camp_status_t st = camp_ib_fail_at(cx, -1, CAMP_ERR_RANGE, why);
        camp_ib_fail_limits(cx, min, max);
        return st;
    }
    return CAMP_OK;
}

/* ---- what only the struct walks do (ictx::sw) ------------------------------------------------ */

static void put_string(ictx_t *cx, const camp_str_t *s)
{
    camp_json_write_string(cx->u.s.w, s->ptr != NULL ? s->ptr : "", s->len);
}

static bool raw_ok(const camp_str_t *s, bool object)
{
    size_t i = 0;
    if ((s->ptr == NULL) || !camp_json_well_formed(s->ptr, s->len)) {
        return false;
    }
    while (i < s->len &&
           (s->ptr[i] == ' ' || s->ptr[i] == '\t' || s->ptr[i] == '\n' || s->ptr[i] == '\r')) {
        i++;
    }
    return !object || (i < s->len && s->ptr[i] == '{');
}

static void put_map_key(ictx_t *cx, const camp_str_t *key)
{
    size_t n = key->len;
    const char *nul;
    if (n > KEY_MAX) {
        n = KEY_MAX;
    }
    nul = (n > 0) ? (const char *)memchr(key->ptr, '\0', n) : NULL;
    if (nul != NULL) {
        n = (size_t)(nul - key->ptr);
    }
    camp_json_write_key_n(cx->u.s.w, (n > 0) ? key->ptr : "", n);
}

static camp_status_t map_key_check(ictx_t *cx, const camp_str_t *key)
{
    if (key->ptr == NULL) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED, CAMP_RULE(I40, "required field missing"));
    }
    /* a key is a plain string (K_STR, no length rule): only its encoding is checked */
    if (camp_utf8_chars(key->ptr, key->len) < 0) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, CAMP_RULE(I32, "must be valid UTF-8"));
    }
    if (memchr(key->ptr, '\0', key->len) != NULL) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                               CAMP_RULE(I49, "key must not contain NUL"));
    }
    if (cx->strict && key->len > KEY_MAX) {
        camp_status_t st = camp_ib_fail_at(
            cx, -1, CAMP_ERR_LENGTH, CAMP_RULE(I50, "key longer than 255 bytes cannot be encoded"));
        camp_ib_fail_limits(cx, 0, KEY_MAX);
        return st;
    }
    return CAMP_OK;
}

/* Validate: each of @p count strings present and passing @p kind / @p rule, at
 * path `[i]` (a failure keeps its path: it is the caller's diag). */
/* String item @p i: present and of its kind; on failure its index goes on the path
 * (only then: a passing item costs no path work). */
CAMP_NOINLINE static camp_status_t check_str_item(ictx_t *cx, const camp_str_t *item, uint8_t kind,
                                                  uint8_t rule, size_t i)
{
    const char *why = CAMP_RULE(I40, "required field missing");
    camp_status_t st = CAMP_ERR_REQUIRED;
    if (item->ptr != NULL) {
        st = camp_ib_check_kind_str(cx, kind, rule, item, &why);
        if (st == CAMP_OK) {
            return CAMP_OK;
        }
    }
    camp_path_index(&cx->u.s.path, i);
    return camp_ib_fail_at(cx, -1, st, why);
}

static camp_status_t check_str_items(ictx_t *cx, const camp_str_t *items, size_t count,
                                     uint8_t kind, uint8_t rule)
{
    size_t i;
    for (i = 0; i < count; i++) {
        camp_status_t st = check_str_item(cx, &items[i], kind, rule, i);
        if (st != CAMP_OK) {
            return st;
        }
    }
    return CAMP_OK;
}

static camp_status_t str_items_walk(ictx_t *cx, iop_t op, const camp_str_t *items, size_t count,
                                    uint8_t rule)
{
    size_t i;
    if (op != OP_ENCODE) {
        return check_str_items(cx, items, count, K_STR, rule);
    }
    camp_json_write_array_begin(cx->u.s.w);
    for (i = 0; i < count; i++) {
        put_string(cx, &items[i]);
    }
    camp_json_write_array_end(cx->u.s.w);
    return CAMP_OK;
}

static void json_emit(ictx_t *cx, unsigned what, const camp_str_t *s)
{
    static const camp_str_t empty = {"", 0};
    if (s == NULL) { /* the structural marks come without a string */
        s = &empty;
    }
    switch (what) {
    case EMIT_OBJECT_BEGIN: camp_json_write_object_begin(cx->u.s.w); return;
    case EMIT_OBJECT_END: camp_json_write_object_end(cx->u.s.w); return;
    case EMIT_ARRAY_BEGIN: camp_json_write_array_begin(cx->u.s.w); return;
    case EMIT_ARRAY_END: camp_json_write_array_end(cx->u.s.w); return;
    case EMIT_KEY: put_map_key(cx, s); return;
    case EMIT_STRING: put_string(cx, s); return;
    case EMIT_RAW: camp_json_write_raw(cx->u.s.w, s->ptr, s->len); return;
    default: camp_json_write_null(cx->u.s.w); return;
    }
}

/* A struct walk builds its path in diag->path itself (walk_loop()): the failure
 * keeps it (camp_diag_at_path()). */
static camp_status_t fail_path(ictx_t *cx, camp_status_t st, const char *rule)
{
    return camp_diag_at_path(cx->diag, &cx->u.s.path, st, rule);
}

static const isw_t struct_walk_services = {json_emit, map_key_check, str_items_walk, raw_ok,
                                           fail_path};

camp_status_t camp_ib_str_items(ictx_t *cx, const camp_str_t *items, size_t count, uint8_t rule)
{
    return cx->u.s.sw->string_items(cx, cx->op, items, count, rule);
}

/* An id list: its count within the rule's bounds, then every element present and an id. */
static camp_status_t validate_ids(ictx_t *cx, const ifield_t *f, const void *base)
{
    const char *p = (const char *)base + f->off;
    const camp_str_t *items = (const camp_str_t *)(const void *)p;
    uint16_t n = *(const uint16_t *)(const void *)((const char *)base + count_off(f));
    size_t min_n, cap;
    const char *cap_text;
    array_rule(f->rule, &min_n, &cap, &cap_text);
    if (n > cap) {
        return camp_ib_fail_capacity(cx, -1, cap_text, n);
    }
    if (n < min_n) {
        camp_status_t st = camp_ib_fail_at(cx, -1, CAMP_ERR_LENGTH,
                                           CAMP_RULE(I39, "at least one element required"));
        camp_ib_fail_limits(cx, (int64_t)min_n, INT64_MAX);
        return st;
    }
    return check_str_items(cx, items, n, K_ID, R_NONE);
}

/* A raw JSON member: well-formed JSON (K_RAW_OBJ: an object). */
CAMP_NOINLINE static camp_status_t validate_raw_json(ictx_t *cx, const ifield_t *f,
                                                     const void *base)
{
    if (raw_ok(str_of(base, f), f->kind == K_RAW_OBJ)) {
        return CAMP_OK;
    }
    return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                           f->kind == K_RAW_OBJ ? CAMP_RULE(I41, "must be a JSON object")
                                                : CAMP_RULE(I42, "must be JSON"));
}

/* A date-time member: RFC 3339. */
CAMP_NOINLINE static camp_status_t validate_time(ictx_t *cx, const ifield_t *f, const void *base)
{
    if (camp_datetime_parse(str_of(base, f)->ptr, str_of(base, f)->len, NULL) != CAMP_OK) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_DATE,
                               CAMP_RULE(I36, "must be an RFC 3339 date-time"));
    }
    return CAMP_OK;
}

/* A string member: its kind and length. */
CAMP_NOINLINE static camp_status_t validate_string(ictx_t *cx, const ifield_t *f, const void *base)
{
    const char *why;
    int64_t min, max;
    camp_status_t st = camp_ib_check_kind_str(cx, f->kind, f->rule, str_of(base, f), &why);
    if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, -1, st, why);
        if (st == CAMP_ERR_LENGTH) {
            rule_range(cx, f->rule, &min, &max, &why);
            camp_ib_fail_limits(cx, min, max);
        }
    }
    return st;
}

/* Each kind's check that calls further down is a function of its own, reached by a
 * tail call: the member's path pays only its own kind's frame. */
CAMP_NOINLINE static camp_status_t validate_value(ictx_t *cx, const ifield_t *f, const void *base)
{
    const char *p = (const char *)base + f->off;

    switch (f->kind) {
    case K_BOOL: return CAMP_OK;
    case K_I64:
    case K_U16: return validate_int(cx, f, p);
    case K_FRAC:
        if (*(const uint32_t *)(const void *)p > CAMP_FRACTION_ONE) {
            camp_status_t st =
                camp_ib_fail_at(cx, -1, CAMP_ERR_RANGE, CAMP_RULE(I34, "must be a number in 0..1"));
            camp_ib_fail_limits(cx, 0, 1);
            return st;
        }
        return CAMP_OK;
    case K_RAW:
    case K_RAW_OBJ: return validate_raw_json(cx, f, base);
    case K_ENUM:
        if (*(const uint8_t *)(const void *)p == 0 ||
            *(const uint8_t *)(const void *)p > camp_ib_enum_count(f->rule)) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_ENUM, enum_rule(f->rule));
        }
        return CAMP_OK;
    case K_IDS: return validate_ids(cx, f, base);
    case K_TIME: return validate_time(cx, f, base);
    default: return validate_string(cx, f, base);
    }
}

static void encode_value(ictx_t *cx, const ifield_t *f, const void *base)
{
    const char *p = (const char *)base + f->off;
    switch (f->kind) {
    case K_BOOL: camp_json_write_bool(cx->u.s.w, *(const bool *)(const void *)p); return;
    case K_I64: camp_json_write_int(cx->u.s.w, *(const int64_t *)(const void *)p); return;
    case K_U16:
        camp_json_write_int(cx->u.s.w, (int64_t) * (const uint16_t *)(const void *)p);
        return;
    case K_FRAC: camp_json_write_fraction(cx->u.s.w, *(const uint32_t *)(const void *)p); return;
    case K_RAW:
    case K_RAW_OBJ:
        camp_json_write_raw(cx->u.s.w, str_of(base, f)->ptr, str_of(base, f)->len);
        return;
    case K_ENUM: {
        size_t len;
        const char *name = camp_ib_enum_name(f->rule, *(const uint8_t *)(const void *)p, &len);
        camp_json_write_string(cx->u.s.w, name, len);
        return;
    }
    case K_IDS: {
        const camp_str_t *items = (const camp_str_t *)(const void *)p;
        uint16_t n = *(const uint16_t *)(const void *)((const char *)base + count_off(f));
        uint16_t i;
        camp_json_write_array_begin(cx->u.s.w);
        for (i = 0; i < n; i++) {
            put_string(cx, &items[i]);
        }
        camp_json_write_array_end(cx->u.s.w);
        return;
    }
    default: put_string(cx, str_of(base, f)); return;
    }
}

static bool equal_value(const ifield_t *f, const void *a, const void *b)
{
    const char *pa = (const char *)a + f->off;
    const char *pb = (const char *)b + f->off;
    switch (f->kind) {
    case K_BOOL: return *(const bool *)(const void *)pa == *(const bool *)(const void *)pb;
    case K_I64: return *(const int64_t *)(const void *)pa == *(const int64_t *)(const void *)pb;
    case K_U16: return *(const uint16_t *)(const void *)pa == *(const uint16_t *)(const void *)pb;
    case K_FRAC: return *(const uint32_t *)(const void *)pa == *(const uint32_t *)(const void *)pb;
    case K_ENUM: return *(const uint8_t *)(const void *)pa == *(const uint8_t *)(const void *)pb;
    case K_IDS: {
        uint16_t na = *(const uint16_t *)(const void *)((const char *)a + count_off(f));
        uint16_t nb = *(const uint16_t *)(const void *)((const char *)b + count_off(f));
        uint16_t i;
        size_t min_n, cap;
        const char *cap_text;
        array_rule(f->rule, &min_n, &cap, &cap_text);
        if (na != nb || na > cap) {
            return false;
        }
        for (i = 0; i < na; i++) {
            if (!camp_ib_str_eq(&((const camp_str_t *)(const void *)pa)[i],
                                &((const camp_str_t *)(const void *)pb)[i])) {
                return false;
            }
        }
        return true;
    }
    default: return camp_ib_str_eq(str_of(a, f), str_of(b, f));
    }
}

/* ---- the family's nodes and hooks ---------------------------------------------------------------- */

/* Node @p id of the document's family (an id outside it: an empty node, as N_NONE). */
static const inode_t *ib_node(const ictx_t *cx, unsigned id)
{
    static const inode_t none = {NULL, 0, 0, 0}; /* no members */
    unsigned k = id - cx->fam->first;            /* an id below `first` wraps past `count` */
    return (k < cx->fam->count) ? &cx->fam->nodes[k] : &none;
}

static camp_status_t hook_open(ictx_t *cx, iframe_t *f)
{
    return (cx->fam->open_object != NULL) ? cx->fam->open_object(cx, f) : CAMP_OK;
}

static camp_status_t hook_close(ictx_t *cx, iframe_t *f)
{
    return (cx->fam->close_object != NULL) ? cx->fam->close_object(cx, f) : CAMP_OK;
}

static IB_INLINE camp_status_t hook_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                        isub_t *out)
{
    out->kind = ISUB_DONE;
    out->n = 0;
    if (cx->fam->sub == NULL) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I45, "nested member in a flat object"));
    }
    return cx->fam->sub(cx, f, m, v, out);
}

/* *a stays NULL without a hook: the walk reports the item outside its storage */
static camp_status_t hook_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                               const void **b)
{
    *a = NULL;
    *b = NULL;
    return (cx->fam->item != NULL) ? cx->fam->item(cx, f, i, tok, a, b) : CAMP_OK;
}

static void hook_item_done(ictx_t *cx, iframe_t *f, uint16_t i)
{
    if (cx->fam->item_done != NULL) {
        cx->fam->item_done(cx, f, i);
    }
}

static bool hook_sub_present(const ictx_t *cx, const ifield_t *m, const void *base)
{
    if (base == NULL) {
        return false;
    }
    return cx->fam->sub_present == NULL || cx->fam->sub_present(cx, m, base);
}

/* ---- members ---------------------------------------------------------------------------------- */

static uint32_t present_word(const inode_t *nd, const void *base)
{
    if (base == NULL) {
        return 0;
    }
    return camp_present_load((const char *)base + nd->present_off, nd->present_size);
}

static void set_bit(const inode_t *nd, void *base, uint32_t bit)
{
    if (bit != 0u) {
        char *p = (char *)base + nd->present_off;
        camp_present_store(p, nd->present_size, camp_present_load(p, nd->present_size) | bit);
    }
}

/* Sets member @p m's presence bit, if it has one. A wide row passes its mask (the
 * compiler tests it in the caller); a small row is passed whole, its mask made
 * once, here. */
#if IB_WIDE_ROWS
#define set_member_bit(nd, base, m) set_bit((nd), (base), (m)->bit)
#else
static void set_member_bit(const inode_t *nd, void *base, const ifield_t *m)
{
    set_bit(nd, base, camp_ib_pbit(m));
}
#endif

static bool is_present(const ictx_t *cx, const inode_t *nd, const ifield_t *f, const void *base)
{
    const char *p = (const char *)base + f->off;
#if IB_WIDE_ROWS
    if (f->bit != 0) {
        return (present_word(nd, base) & f->bit) != 0;
    }
#else
    /* the bit's index shifts the word (less code than making its mask) */
    unsigned pb = f->key_pb & 0xFu;
    if (pb != 0u) {
        return ((present_word(nd, base) >> (pb - 1u)) & 1u) != 0u;
    }
#endif
    if (f->kind >= K_SUB) {
        return hook_sub_present(cx, f, base);
    }
    if (is_ptr_kind(f->kind)) {
        return str_of(base, f)->ptr != NULL || (nullable(cx, f) && required(cx, f));
    }
    if (f->kind == K_ENUM) {
        return *(const uint8_t *)(const void *)p != 0;
    }
    return true; /* a required scalar, or a nested value the hook describes: always there */
}

static bool is_null(const ifield_t *f, const void *base)
{
    return is_ptr_kind(f->kind) && str_of(base, f)->ptr == NULL;
}

#if CAMP_ENGINE_FAST_PATHS
/* The index after the last member met in table order (@p seen: the members met so
 * far): where the next member is when the document lists its members in table
 * order. */
static unsigned after_highest_seen(uint32_t seen, unsigned n)
{
    unsigned j;
#if defined(__GNUC__) || defined(__clang__)
    j = (seen != 0u) ? 32u - (unsigned)__builtin_clz(seen) : 0u;
#else
    for (j = 0; seen != 0u; j++) {
        seen >>= 1;
    }
#endif
    return (j < n) ? j : 0u;
}

/* The index of the lowest bit set in @p x (not 0). */
static unsigned lowest_bit(uint32_t x)
{
    unsigned j;
#if defined(__GNUC__) || defined(__clang__)
    j = (unsigned)__builtin_ctz(x);
#else
    j = 0;
    while (j < 31u && (x & (1u << j)) == 0u) {
        j++;
    }
#endif
    return j;
}

/* The first member not met yet (0 when all were met): where the next member is
 * when the document lists a run of members in table order, but after members the
 * table puts later (the v2 campaign lists `enabled` before the summary members). */
static unsigned first_unseen(uint32_t seen, unsigned n)
{
    /* bit 31 set: with every member met, any start will do (the scan goes round) */
    unsigned j = lowest_bit(~seen | 0x80000000u);
    return (j < n) ? j : 0u;
}

/* Whether member @p j of @p nd has the raw (unescaped) key raw[0..n). */
static IB_HOT bool key_at(const char *keys, const inode_t *nd, unsigned j, const char *raw,
                          size_t n)
{
    const char *k = camp_ib_key(keys, &nd->t[j]);
    return nd->t[j].key_len == n && (n == 0 || (k[0] == raw[0] && same_key_bytes(k, raw, n)));
}

/* Decode: the member of @p nd (its keys in pool @p keys) whose key is token @p key
 * (-1: none). Tried first:
 * the member after the last one met in table order; then every member, from the
 * first one not met yet. Both guesses cost one comparison each when the document
 * follows the table, in whole or in runs. */
static IB_HOT int lookup(const camp_json_doc_t *doc, const char *keys, const inode_t *nd, int key,
                         uint32_t seen)
{
    const camp_json_token_t *t = &doc->tokens[key];
    const char *raw;
    size_t n;
    unsigned j, c;
    /* 0 <= start <= end <= len, in two compares: a negative start is a large unsigned */
    if (nd->t == NULL || nd->n == 0u || (unsigned)t->start > (unsigned)t->end ||
        (size_t)(unsigned)t->end > doc->len) {
        return -1;
    }
    raw = doc->text + t->start;
    n = (size_t)(t->end - t->start);
    j = after_highest_seen(seen, nd->n);
    if (key_at(keys, nd, j, raw, n)) {
        return (int)j;
    }
    for (c = 0, j = first_unseen(seen, nd->n); c < nd->n; c++, j = (j + 1u < nd->n) ? j + 1u : 0u) {
        if (key_at(keys, nd, j, raw, n)) {
            return (int)j;
        }
    }
    /* table keys have no escapes: only a key written with escapes needs decoding */
    if (memchr(raw, '\\', n) == NULL) {
        return -1;
    }
    for (j = 0; j < nd->n; j++) {
        if (camp_json_string_eq(doc, key, camp_ib_key(keys, &nd->t[j]))) {
            return (int)j;
        }
    }
    return -1;
}
#else
/* lookup() in less code, where code is built for size: every member in table
 * order, each compared by the JSON core (escapes decoded as it goes). The same
 * answer: a node's keys are all different, and a document's keys are string tokens. */
static int lookup(const camp_json_doc_t *doc, const char *keys, const inode_t *nd, int key,
                  uint32_t seen)
{
    unsigned j;
    (void)seen;
    for (j = 0; (nd->t != NULL) && (j < nd->n); j++) {
        if (camp_json_string_eq(doc, key, camp_ib_key(keys, &nd->t[j]))) {
            return (int)j;
        }
    }
    return -1;
}
#endif

/* Decode: the member of object level @p f whose key is token @p key; *m stays NULL
 * for a member to skip. */
static IB_HOT camp_status_t dec_find(ictx_t *cx, iframe_t *f, const inode_t *nd, int key,
                                     const ifield_t **m)
{
    int j = lookup(cx->u.d.doc, camp_ib_key_pool(cx), nd, key, f->k.seen);
    bool plain; /* none of the flags below: most members */
    *m = NULL;
    if (j < 0 || nd->t == NULL) {
        return CAMP_OK; /* unknown members are skipped (a node without members knows none) */
    }
#if CAMP_ENGINE_FAST_PATHS
    plain = (nd->t[j].flags & (F_V2 | F_LEG | F_RESP | F_NO_REQUEST)) == 0u;
#else
    plain = false; /* every test asked: one path, less code, where code is built for size */
#endif
    if (!plain && ((nd->t[j].flags & (F_V2 | F_LEG)) != 0)) {
        camp_status_t st = camp_ib_shape_member(cx, &nd->t[j], key + 1);
        if (st != CAMP_OK) {
            return st;
        }
    }
    if (!plain && !applies(cx, &nd->t[j])) {
        return CAMP_OK;
    }
    if ((f->k.seen & (1u << j)) != 0 && nd->t[j].kind == K_SUB) {
        /* a nested value twice would be merged into one struct: refused, like
         * duplicate map keys; a repeated plain value is read again (the last wins) */
        return camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID, CAMP_RULE(I43, "duplicate key"));
    }
    f->k.seen |= 1u << j;
    if (!plain && ((nd->t[j].flags & F_NO_REQUEST) != 0) && cx->request) {
        return camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID,
                               CAMP_RULE(I44, "must not be sent: the server assigns it"));
    }
    *m = &nd->t[j];
    return CAMP_OK;
}

/* Whether token @p v is null: the direct test where speed paths are on; where size
 * matters the general kind test, which folds into its two callers (the direct one
 * would be a function of its own there). */
static IB_HOT bool null_value(const camp_json_doc_t *doc, int v)
{
#if CAMP_ENGINE_FAST_PATHS
    return camp_json_null_at(doc, v);
#else
    return camp_json_kind_at(doc, v) == CAMP_JSON_NULL;
#endif
}

/* Decode: a plain (not nested) member's value at token @p v. */
static IB_HOT camp_status_t dec_scalar(ictx_t *cx, const iframe_t *f, const inode_t *nd,
                                       const ifield_t *m, int v)
{
    /* the kind asked directly: camp_json_is_null() would be a second test per member;
     * a nested member's null (dec_member() hands it here) marks nothing */
    if (null_value(cx->u.d.doc, v)) {
        if (!nullable(cx, m) || !(is_ptr_kind(m->kind) || (m->kind == K_SUB))) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, type_text(m->kind, false));
        }
        if (m->kind != K_SUB) {
            set_member_bit(nd, f->a, m);
        }
        return CAMP_OK;
    }
    if (m->kind >= K_SUB) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I45, "nested member in a flat object"));
    }
    /* marked before it is read, so that the read is a tail call (its path is the
     * deepest under the loop); a failed read fails the whole decode */
    set_member_bit(nd, f->a, m);
    return decode_value(cx, m, v, f->a);
}

/* Decode: one member of object level @p f, its key at token @p key. A nested value
 * is described in *sub for the walk. */
static IB_HOT camp_status_t dec_member(ictx_t *cx, iframe_t *f, const inode_t *nd, int key,
                                       isub_t *sub, const ifield_t **member)
{
    int v = key + 1;
    const ifield_t *m;
    camp_status_t st = dec_find(cx, f, nd, key, &m);
    *member = m;
    if (st != CAMP_OK || m == NULL) {
        return st;
    }
#if CAMP_ENGINE_FAST_PATHS
    if (m->kind < K_SUB) {
        return dec_scalar(cx, f, nd, m, v);
    }
    /* the kind asked directly: camp_json_is_null() would be a second test per member;
     * a K_HOOK member's hook reads `null` too */
    if (m->kind == K_SUB && null_value(cx->u.d.doc, v)) {
        return nullable(cx, m) ? CAMP_OK
                               : camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, type_text(m->kind, false));
    }
#else
    /* the same answers in less code: a nested member's null is read as a plain
     * member's; a K_HOOK member's hook reads `null` too */
    if ((m->kind < K_SUB) || ((m->kind == K_SUB) && null_value(cx->u.d.doc, v))) {
        return dec_scalar(cx, f, nd, m, v);
    }
#endif
    st = hook_sub(cx, f, m, v, sub);
    if (st == CAMP_OK) {
        set_member_bit(nd, f->a, m);
    }
    return st;
}

/* Decode: the object level @p f has no members left: required members, then the
 * object's cross-member rules. */
static IB_HOT camp_status_t dec_required(ictx_t *cx, const iframe_t *f, const inode_t *nd)
{
#if CAMP_ENGINE_FAST_PATHS
    /* only the members not met, in table order (an object usually has them all); a
     * node without a table has none */
    uint32_t all = (nd->n >= 32u) ? 0xFFFFFFFFu : (((uint32_t)1u << (nd->n & 31u)) - 1u);
    uint32_t unseen = (nd->t != NULL) ? (~f->k.seen & all) : 0u;
    while (unseen != 0u) {
        const ifield_t *m = &nd->t[lowest_bit(unseen)];
        unseen &= unseen - 1u;
        if (applies(cx, m) && required(cx, m)) {
            return camp_ib_fail_member(cx, f->u.d.tok, camp_ib_key(camp_ib_key_pool(cx), m),
                                       CAMP_ERR_REQUIRED, CAMP_RULE(I40, "required field missing"));
        }
    }
#else
    /* the same members in the same order, in less code: each of the table's (the
     * first 32, as the mask holds them) not met */
    unsigned j;
    for (j = 0; (nd->t != NULL) && (j < nd->n) && (j < 32u); j++) {
        const ifield_t *m = &nd->t[j];
        if (((f->k.seen & ((uint32_t)1u << j)) == 0u) && applies(cx, m) && required(cx, m)) {
            return camp_ib_fail_member(cx, f->u.d.tok, camp_ib_key(camp_ib_key_pool(cx), m),
                                       CAMP_ERR_REQUIRED, CAMP_RULE(I40, "required field missing"));
        }
    }
#endif
    return CAMP_OK;
}

static IB_HOT camp_status_t dec_close(ictx_t *cx, iframe_t *f, const inode_t *nd)
{
    camp_status_t st = dec_required(cx, f, nd);
    return (st != CAMP_OK) ? st : hook_close(cx, f);
}

/* Validate, encode or equal: a plain member @p m (a kind below K_SUB: walk_member()
 * hands the others to the sub hook; walk_enter() has refused either kind in a
 * request body that must not send it) of object level @p f, with its key on the
 * path (validate) or written (encode). */
CAMP_NOINLINE static camp_status_t walk_scalar(ictx_t *cx, const iframe_t *f, const ifield_t *m)
{
    const void *b = (cx->op == OP_EQUAL) ? f->u.s.b : NULL;
    switch (cx->op) {
    case OP_VALIDATE:
        if (is_null(m, f->a)) {
            return nullable(cx, m)
                       ? CAMP_OK
                       : camp_ib_fail_at(cx, -1, CAMP_ERR_TYPE, type_text(m->kind, false));
        }
        return validate_value(cx, m, f->a);
    case OP_ENCODE:
        if (is_null(m, f->a)) {
            camp_json_write_null(cx->u.s.w);
        } else {
            encode_value(cx, m, f->a);
        }
        return CAMP_OK;
    default: /* OP_EQUAL */
        if (b == NULL) {
            return NOT_EQUAL;
        }
        if (is_null(m, f->a) != is_null(m, b)) {
            return NOT_EQUAL;
        }
        if (is_null(m, f->a)) {
            return CAMP_OK;
        }
        return equal_value(m, f->a, b) ? CAMP_OK : NOT_EQUAL;
    }
}

/* Validate, encode or equal: whether member @p m is there (and, for equal, there in
 * both), its key pushed on the path or written; *skip when it is absent. Validate:
 * a member a request body must not send is refused once its key is on the path. */
static camp_status_t walk_enter(ictx_t *cx, const iframe_t *f, const inode_t *nd, const ifield_t *m,
                                bool *skip)
{
    bool present = is_present(cx, nd, m, f->a);
    *skip = true;
    switch (cx->op) {
    case OP_VALIDATE:
        if (!present && !required(cx, m)) {
            return CAMP_OK;
        }
        camp_path_key(&cx->u.s.path, camp_ib_key(camp_ib_key_pool(cx), m), m->key_len);
        if (!present) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                                   CAMP_RULE(I40, "required field missing"));
        }
        if ((m->flags & F_NO_REQUEST) != 0 && cx->request) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                                   CAMP_RULE(I44, "must not be sent: the server assigns it"));
        }
        break;
    case OP_ENCODE:
        if (!present || ((m->flags & F_NO_REQUEST) != 0 && cx->request)) {
            return CAMP_OK;
        }
        camp_json_write_key(cx->u.s.w, camp_ib_key(camp_ib_key_pool(cx), m));
        break;
    default:
        if (f->u.s.b == NULL || present != is_present(cx, nd, m, f->u.s.b)) {
            return NOT_EQUAL;
        }
        if (!present) {
            return CAMP_OK;
        }
        break;
    }
    *skip = false;
    return CAMP_OK;
}

/* Validate, encode or equal: member @p m of object level @p f. A nested value is
 * left in *sub for the walk, its key still on the path (validate) or written (encode). */
static IB_INLINE camp_status_t walk_member(ictx_t *cx, iframe_t *f, const inode_t *nd,
                                           const ifield_t *m, isub_t *sub)
{
    size_t mark = cx->u.s.path.need;
    bool skip;
    camp_status_t st = walk_enter(cx, f, nd, m, &skip);
    if (st != CAMP_OK || skip) {
        return st;
    }
    if (m->kind < K_SUB) {
        st = walk_scalar(cx, f, m);
    } else {
        st = hook_sub(cx, f, m, -1, sub);
    }
    if (st == CAMP_OK && sub->kind == ISUB_DONE) {
        camp_path_cut(&cx->u.s.path, mark);
    }
    return st;
}

/* ---- the walk --------------------------------------------------------------------------------- */

/* Both loops enter a level by filling its frame, and open an object level (the
 * family's open hook) in the loop itself, after the step that entered it: the
 * hooks then run one call below the loop, not below the step and the push. */

/* A new object level of struct @p a and node @p node, its other fields zero: the
 * caller sets its token (decode) or other struct (equal), or turns it into an array
 * or map level. NULL when the walk's stack is full (@p tok: where, for decode). */
static IB_HOT iframe_t *new_level(ictx_t *cx, unsigned node, void *a, int tok)
{
    iframe_t *f;
    if (cx->depth >= cx->max_depth) {
        (void)camp_ib_fail_at(cx, tok, CAMP_ERR_INTERNAL,
                              CAMP_RULE(I46, "schema deeper than the walk's stack"));
        return NULL;
    }
    f = &cx->frames[cx->depth];
    cx->depth++;
    memset(f, 0, sizeof *f);
    f->a = a;
    f->node = (uint8_t)node; /* LEVEL_OBJECT is 0 */
    return f;
}

/* Decode: a new object level at token @p tok. */
static IB_HOT iframe_t *dec_new_level(ictx_t *cx, unsigned node, void *a, int tok)
{
    iframe_t *f = new_level(cx, node, a, tok);
    if (f != NULL) {
        f->u.d.tok = tok;
        f->u.d.it = tok + 1;
    }
    return f;
}

/* Decode: the object at token @p tok into struct @p a of node @p node. */
static IB_HOT camp_status_t dec_push(ictx_t *cx, unsigned node, void *a, int tok)
{
    int members;
    iframe_t *f = dec_new_level(cx, node, a, tok);
    if (f == NULL) {
        return CAMP_ERR_INTERNAL;
    }
#if CAMP_ENGINE_FAST_PATHS
    if (!is_object(cx->u.d.doc, tok)) {
        return camp_ib_want_object(cx, tok); /* where every "must be an object" is reported */
    }
#else
    if (camp_ib_want_object(cx, tok) != CAMP_OK) {
        return CAMP_ERR_TYPE; /* its one failure, reported there; one kind test in less code */
    }
#endif
    /* an object's count: its kind was just asked (camp_json_size_at() would ask again) */
    members = children_of(cx->u.d.doc, tok);
    if (members > UINT16_MAX) {
        return camp_ib_fail_at(cx, tok, CAMP_ERR_CAPACITY,
                               CAMP_RULE(I47, "more than 65535 members"));
    }
    f->i = (uint16_t)members;
    return CAMP_OK;
}

/* Decode: level @p f is done. Its next token is the one after its value: the level
 * below reads on from there (so a nested value is not skipped over twice), and an
 * array's item is complete. */
static IB_HOT void dec_pop(ictx_t *cx, const iframe_t *f)
{
    cx->depth--;
    if (cx->depth > 0) {
        iframe_t *up = &cx->frames[cx->depth - 1];
        up->u.d.it = f->u.d.it;
        if (up->is_arr && !f->is_arr) {
            hook_item_done(cx, up, (uint16_t)(up->i - 1u));
        }
    }
}

/* Decode: the nested value at token @p v that member @p m left in *sub: an object,
 * or an array or map (an object of items keyed by member names). */
static camp_status_t dec_enter_sub(ictx_t *cx, const isub_t *sub, const ifield_t *m, int v)
{
    iframe_t *f;
    if (sub->kind != ISUB_ARR && sub->kind != ISUB_MAP) {
        return dec_push(cx, sub->node, sub->a, v);
    }
#if CAMP_ENGINE_FAST_PATHS
    if (camp_json_kind_at(cx->u.d.doc, v) !=
        (sub->kind == ISUB_ARR ? CAMP_JSON_ARRAY : CAMP_JSON_OBJECT)) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE,
                               sub->kind == ISUB_ARR ? CAMP_RULE(I25, "must be an array")
                                                     : CAMP_RULE(I26, "must be an object"));
    }
#else
    /* the same checks in less code: the ones that report every other "must be an
     * array" and "must be an object" */
    if ((sub->kind == ISUB_ARR) ? (camp_ib_array_len(cx, v) < 0)
                                : (camp_ib_want_object(cx, v) != CAMP_OK)) {
        return CAMP_ERR_TYPE;
    }
#endif
    f = dec_new_level(cx, sub->node, sub->a, v);
    if (f == NULL) {
        return CAMP_ERR_INTERNAL;
    }
    f->is_arr = (sub->kind == ISUB_ARR) ? LEVEL_ARRAY : LEVEL_MAP;
    f->k.arr.n = sub->n;
    f->k.arr.sub = m->rule;
    return CAMP_OK;
}

/* Decode: one step of an object level: its members up to the next nested value,
 * or up to its end (then the end too). A run of plain members takes one step: a
 * trip round the walk's loop per member would cost more than most members. */
static IB_HOT camp_status_t dec_object_step(ictx_t *cx, iframe_t *f)
{
    const inode_t *nd = ib_node(cx, f->node);
    camp_status_t st;

    while (f->i != 0u) {
        isub_t sub;
        const ifield_t *m = NULL;
        int key = f->u.d.it;
        sub.kind = ISUB_DONE;
        f->i--;
        st = dec_member(cx, f, nd, key, &sub, &m);
        if (st != CAMP_OK) {
            return st;
        }
        if ((sub.kind != ISUB_DONE) && (m != NULL)) {
            /* the level tells the next key when it closes */
            return dec_enter_sub(cx, &sub, m, key + 1);
        }
#if CAMP_ENGINE_FAST_PATHS
        /* a plain value is one token: the next key follows it */
        f->u.d.it =
            (cx->u.d.doc->tokens[key + 1].size == 0) ? key + 2 : camp_json_next(cx->u.d.doc, key);
#else
        f->u.d.it = camp_json_next(cx->u.d.doc, key); /* the same answer, in less code */
#endif
    }
    st = dec_close(cx, f, nd);
    if (st == CAMP_OK) {
        dec_pop(cx, f);
    }
    return st;
}

/* Decode: one step of an array or map level: an item, or its end. */
static IB_HOT camp_status_t dec_array_step(ictx_t *cx, iframe_t *f)
{
    void *a = NULL;
    const void *b = NULL;
    uint16_t i;
    int item;
    camp_status_t st;
    if (f->i >= f->k.arr.n) {
        dec_pop(cx, f);
        return CAMP_OK;
    }
    i = f->i;
    f->i++;
    item = f->u.d.it; /* a map: the key; its value is the next token */
    st = hook_item(cx, f, i, item, &a, &b);
    if (st != CAMP_OK) {
        return st;
    }
    if (a == NULL) {
        return camp_ib_fail_at(cx, item, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I48, "array item outside its storage"));
    }
    return dec_push(cx, f->node, a, (f->is_arr == LEVEL_MAP) ? item + 1 : item);
}

/* Struct walks: a new object level of struct @p a (equal: and @p b). */
static iframe_t *walk_new_level(ictx_t *cx, unsigned node, const void *a, const void *b)
{
    /* the struct walks only read *a: the frames share one pointer type with decode */
    iframe_t *f = new_level(cx, node, (void *)(uintptr_t)a, -1);
    if (f != NULL) {
        f->u.s.b = b;
    }
    return f;
}

/* Struct walks: the level @p f just made starts; @p mark: the path's length before it. */
static camp_status_t walk_begin(ictx_t *cx, iframe_t *f, size_t mark)
{
    if (f == NULL) {
        return CAMP_ERR_INTERNAL;
    }
    f->u.s.mark = (uint16_t)(mark > UINT16_MAX ? UINT16_MAX : mark);
    if (cx->op == OP_ENCODE) {
        camp_ib_emit(cx, f->is_arr == LEVEL_ARRAY ? EMIT_ARRAY_BEGIN : EMIT_OBJECT_BEGIN, NULL);
    }
    return CAMP_OK;
}

static void walk_pop(ictx_t *cx, const iframe_t *f)
{
    if (cx->op == OP_ENCODE) {
        camp_ib_emit(cx, f->is_arr == LEVEL_ARRAY ? EMIT_ARRAY_END : EMIT_OBJECT_END, NULL);
    }
    camp_path_cut(&cx->u.s.path, f->u.s.mark);
    cx->depth--;
}

/* Struct walks: the nested value member @p m left in *sub. */
static camp_status_t walk_enter_sub(ictx_t *cx, const isub_t *sub, const ifield_t *m, size_t mark)
{
    iframe_t *f = walk_new_level(cx, sub->node, sub->a, sub->b);
    if (f != NULL && (sub->kind == ISUB_ARR || sub->kind == ISUB_MAP)) {
        f->is_arr = (sub->kind == ISUB_ARR) ? LEVEL_ARRAY : LEVEL_MAP;
        f->k.arr.n = sub->n;
        f->k.arr.sub = m->rule;
    }
    return walk_begin(cx, f, mark);
}

/* Validate, encode or equal: one step of an object level: its next member in table
 * order, or its end. */
static IB_INLINE camp_status_t struct_object_step(ictx_t *cx, iframe_t *f)
{
    const inode_t *nd = ib_node(cx, f->node);
    isub_t sub;
    camp_status_t st;
    const ifield_t *m;
    size_t mark = cx->u.s.path.need;

    if (f->i >= nd->n) {
        st = (cx->op == OP_EQUAL) ? CAMP_OK : hook_close(cx, f);
        if (st == CAMP_OK) {
            walk_pop(cx, f);
        }
        return st;
    }
    /* no hook reads an indeterminate pointer: one that opens a nested level and
     * names no other struct leaves NULL */
    sub.kind = ISUB_DONE;
    sub.b = NULL;
    m = &nd->t[f->i++];
    if (!applies(cx, m)) {
        return CAMP_OK;
    }
    st = walk_member(cx, f, nd, m, &sub);
    if (st != CAMP_OK || sub.kind == ISUB_DONE) {
        return st;
    }
    return walk_enter_sub(cx, &sub, m, mark);
}

/* Struct walks: one step of an array or map level: an item, or its end. */
static IB_INLINE camp_status_t walk_array_step(ictx_t *cx, iframe_t *f)
{
    void *a = NULL;
    const void *b = NULL;
    size_t mark = cx->u.s.path.need;
    uint16_t i;
    camp_status_t st;
    if (f->i >= f->k.arr.n) {
        walk_pop(cx, f);
        return CAMP_OK;
    }
    i = f->i;
    f->i++;
    if (cx->op == OP_VALIDATE && f->is_arr == LEVEL_ARRAY) {
        camp_path_index(&cx->u.s.path, i);
    }
    st = hook_item(cx, f, i, -1, &a, &b);
    if (st != CAMP_OK) {
        return st;
    }
    if (a == NULL) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I48, "array item outside its storage"));
    }
    return walk_begin(cx, walk_new_level(cx, f->node, a, b), mark);
}

/* Whether the loop opens the top level @p f now: an object level a step has just
 * entered (the depth grew since the last step or open, *entered). */
static IB_INLINE bool opens_now(const ictx_t *cx, const iframe_t *f, unsigned *entered)
{
    bool opening = (cx->depth > *entered) && (f->is_arr == LEVEL_OBJECT);
    *entered = cx->depth;
    return opening;
}

/* Decoding and the struct walks are two loops over the same levels, so a program
 * that only decodes links none of the struct walks' member code (and the other way
 * round). A step that enters an object level leaves it to the loop to open. Each
 * loop is inlined in its run function, so the context and the loop share a frame. */
static IB_INLINE camp_status_t dec_loop(ictx_t *cx, unsigned node, void *a, int tok)
{
    camp_status_t st;
#if CAMP_ENGINE_FAST_PATHS
    unsigned entered = 1; /* depth after the last step or open (camp_ib_ctx_init(): 0) */
    st = dec_push(cx, node, a, tok);
    if (st == CAMP_OK) {
        st = hook_open(cx, &cx->frames[0]); /* the document's object: no trip round the loop */
    }
#else
    unsigned entered = 0; /* the loop opens the document's object too: one call less */
    st = dec_push(cx, node, a, tok);
#endif
    while (st == CAMP_OK && cx->depth > 0) {
        iframe_t *f = &cx->frames[cx->depth - 1];
        if (opens_now(cx, f, &entered)) {
            st = hook_open(cx, f);
        } else {
            st = f->is_arr ? dec_array_step(cx, f) : dec_object_step(cx, f);
        }
    }
    return st;
}

static IB_INLINE camp_status_t walk_loop(ictx_t *cx, unsigned node, const void *a, const void *b)
{
    camp_status_t st;
    unsigned entered = 0;
    cx->u.s.sw = &struct_walk_services;
    if (cx->diag != NULL && cx->op != (uint8_t)OP_EQUAL) {
        camp_path_init(&cx->u.s.path, cx->diag->path, sizeof cx->diag->path);
    } else {
        camp_path_init(&cx->u.s.path, cx->scratch, sizeof cx->scratch);
    }
    /* the depth is 0 (camp_ib_ctx_init()) */
    st = walk_begin(cx, walk_new_level(cx, node, a, b), cx->u.s.path.need);
    while (st == CAMP_OK && cx->depth > 0) {
        iframe_t *f = &cx->frames[cx->depth - 1];
        if (opens_now(cx, f, &entered)) {
            st = hook_open(cx, f);
        } else {
            st = f->is_arr ? walk_array_step(cx, f) : struct_object_step(cx, f);
        }
    }
    return st;
}

void camp_ib_ctx_init(ictx_t *cx, iop_t op, const ib_doc_t *d, camp_diag_t *diag, iframe_t *frames)
{
    memset(cx, 0, sizeof *cx);
    cx->op = (uint8_t)op;
    cx->fam = d->fam;
    cx->diag = diag;
#if CAMP_ENGINE_FAST_PATHS
    cx->request = d->request;
    cx->max_depth = d->depth;
#else
    cx->request = (d->depth & IB_DOC_REQUEST) != 0u;
    cx->max_depth = (uint8_t)(d->depth & ~IB_DOC_REQUEST);
#endif
    cx->shape = CAMP_INBOX_SHAPE_SUMMARY;
    cx->frames = frames;
    if (op == OP_DECODE) {
        cx->u.d.steps_tok = -1;
        cx->u.d.scan_tok = -1;
    }
    /* the struct walks' path is set where their loop starts (walk_loop()) */
}

camp_status_t camp_ib_decode(const ib_doc_t *d, iframe_t *frames, camp_json_doc_t *doc, int tok,
                             void *out, camp_diag_t *diag)
{
    ictx_t cx;
    camp_status_t st;
    camp_ib_ctx_init(&cx, OP_DECODE, d, diag, frames);
    cx.u.d.doc = doc;
    /* the entry point cleared the diag, and a walk that succeeds writes none of it */
    st = dec_loop(&cx, d->node, out, tok);
    camp_ib_report(&cx, st);
    return st;
}

camp_status_t camp_ib_walk(const ib_doc_t *d, iframe_t *frames, iop_t op, const void *a,
                           const void *b, camp_diag_t *diag)
{
    ictx_t cx;
    camp_status_t st;
    camp_ib_ctx_init(&cx, op, d, diag, frames);
    st = walk_loop(&cx, d->node, a, b);
    if (st == CAMP_OK) {
        camp_diag_clear(diag);
    }
    return st;
}

/* The written length, or what a too small buffer needed. */
static camp_status_t encode_finish(camp_json_writer_t *w, size_t *out_len, camp_diag_t *diag)
{
    size_t len = 0;
    camp_status_t st = camp_json_writer_finish(w, &len);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        camp_diag_set(diag, st, "$", CAMP_RULE(I02, "output buffer too small"));
        if (diag != NULL) {
            diag->needed = (int64_t)w->needed;
        }
        len = w->needed;
    } else if (st != CAMP_OK) {
        camp_diag_set(diag, st, "$", CAMP_RULE(I03, "JSON writer failed"));
    }
    if (out_len != NULL) {
        *out_len = len;
    }
    return st;
}

camp_status_t camp_ib_encode(const ib_doc_t *d, iframe_t *frames, const void *obj, char *buf,
                             size_t cap, size_t *out_len, camp_diag_t *diag)
{
    ictx_t cx;
    camp_json_writer_t w;
    unsigned pass;
    /* pass 0 checks the whole struct with the strictest documented rules for what
     * we send, before pass 1 writes a byte (buf is left as it was when it fails) */
    for (pass = 0; pass < 2u; pass++) {
        camp_ib_ctx_init(&cx, (pass == 0u) ? OP_VALIDATE : OP_ENCODE, d, diag, frames);
        cx.strict = true;
        if (pass == 1u) {
            camp_json_writer_init(&w, buf, cap);
            cx.u.s.w = &w;
        }
        camp_status_t st = walk_loop(&cx, d->node, obj, NULL);
        if (st != CAMP_OK) {
            return st;
        }
        camp_diag_clear(diag);
    }
    return encode_finish(&w, out_len, diag);
}

/* Decode: a flat object (a node without K_SUB members) inside a hook: each member
 * of the object at @p tok, then the required ones, in a loop of its own (it never
 * reaches the sub hook, so the hooks that use it make no call cycle). */
camp_status_t camp_ib_decode_flat(ictx_t *cx, unsigned node, void *a, int tok)
{
    const inode_t *nd = ib_node(cx, node);
    iframe_t *f;
    int k, i, n;
    camp_status_t st;
    /* the level above the current one, not pushed: nothing below it is walked */
    if (cx->frames == NULL || cx->depth >= cx->max_depth) {
        return camp_ib_fail_at(cx, tok, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I46, "schema deeper than the walk's stack"));
    }
    st = camp_ib_want_object(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    f = &cx->frames[cx->depth];
    memset(f, 0, sizeof *f);
    f->a = a;
    f->node = (uint8_t)node;
    f->u.d.tok = tok;
    k = camp_json_first(cx->u.d.doc, tok);
    n = children_of(cx->u.d.doc, tok);
    for (i = 0; i < n && k > 0 && st == CAMP_OK; i++) {
        const ifield_t *m = NULL;
        int next = camp_json_next(cx->u.d.doc, k);
        st = dec_find(cx, f, nd, k, &m);
        if (st == CAMP_OK && m != NULL) {
            st = dec_scalar(cx, f, nd, m, k + 1);
        }
        k = next;
    }
    /* flat objects have no cross-member rules of their own */
    return (st == CAMP_OK) ? dec_required(cx, f, nd) : st;
}

const iframe_t *camp_ib_find_array(const ictx_t *cx, uint8_t sub)
{
    unsigned d = cx->depth;
    while (d > 0) {
        d--;
        if (cx->frames[d].is_arr != LEVEL_OBJECT && cx->frames[d].k.arr.sub == sub) {
            return &cx->frames[d];
        }
    }
    return NULL;
}
camp_status_t camp_ib_obj_open(ictx_t *cx, int tok)
{
    if (cx->op == OP_DECODE) {
        return camp_ib_want_object(cx, tok);
    }
    if (cx->op == OP_ENCODE) {
        camp_ib_emit(cx, EMIT_OBJECT_BEGIN, NULL);
    }
    return CAMP_OK;
}

void camp_ib_obj_close(ictx_t *cx)
{
    if (cx->op == OP_ENCODE) {
        camp_ib_emit(cx, EMIT_OBJECT_END, NULL);
    }
}
