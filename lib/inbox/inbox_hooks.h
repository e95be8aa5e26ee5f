/* The InboxApp family hooks: what the tables (inbox_schema.c) cannot say, called
 * by the engine's walks (inbox_engine.c): variants, maps, pools shared by a whole
 * sequence, cross-member rules.
 *
 * Not an ordinary header: the hooks' code, compiled twice. inbox_hooks_decode.c
 * builds it with IB_HOOKS_DECODE 1 (the families decoding runs with,
 * camp_ib_*_family), inbox_hooks_walk.c with IB_HOOKS_DECODE 0 (the struct walks':
 * validate, equal, encode; camp_ib_*_walk_family). Each hook asks ib_op() which
 * op runs, and in each build that answer rules out the other side's branches, so
 * the compiler drops them: a program that only decodes links no walk code, and a
 * walk never has a decode path under it (nor in its stack bound).
 *
 * Source of truth: spec/inboxapp.md. Where the vendor's pages disagree, decoding
 * accepts every documented form and encoding uses the strictest; each such choice
 * is written next to the table or hook that makes it (D-numbers are the
 * disagreements listed in spec §10). */
#ifndef IB_HOOKS_DECODE
#error "inbox_hooks.h is compiled by inbox_hooks_decode.c and inbox_hooks_walk.c only"
#endif

#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"
#include "camp/camp_validate.h"

#include "inbox_internal.h"
#include "inbox_schema.h"
#include "status/status_internal.h"

#if IB_HOOKS_DECODE
/* the families this build defines (the rules, error and success families have the
 * same members in both builds: each names its own build's hooks) */
#define IB_RULES_FAMILY camp_ib_rules_family
#define IB_ERROR_FAMILY camp_ib_error_family
#define IB_SUCCESS_FAMILY camp_ib_success_family
/* always decoding here */
#define IB_OP_OF(cx) OP_DECODE
#else
#define IB_RULES_FAMILY camp_ib_rules_walk_family
#define IB_ERROR_FAMILY camp_ib_error_walk_family
#define IB_SUCCESS_FAMILY camp_ib_success_walk_family
/* never decoding here (a walk family is only run by the struct walks), which the
 * answer itself says */
#define IB_OP_OF(cx) (((cx)->op == OP_DECODE) ? OP_VALIDATE : (cx)->op)
#endif

/* The op in progress, as this build knows it: the branches of the other side are
 * dead, and the compiler drops them. One definition for both builds, and not
 * forced inline (any optimising build inlines it): an unoptimised build (coverage)
 * has the same function and the same branches in both objects. */
static inline iop_t ib_op(const ictx_t *cx)
{
    (void)cx;
    return IB_OP_OF(cx);
}

/* A nested value's other struct (equality's: its level's u.s.b). Decoding never
 * reads it, so the decoding build does not store it. */
static inline void other_is(const ictx_t *cx, isub_t *out, const void *b)
{
    if (ib_op(cx) != OP_DECODE) {
        out->b = b;
    }
}

/* The other struct of level @p f: equality's. The other struct walks have none:
 * their roots are given NULL, and each hook derives a nested level's (other_is())
 * from its own level's, and an item's only for equality; decoding never reads it
 * (its build answers NULL). */
static inline const void *other_of(const ictx_t *cx, const iframe_t *f)
{
    return (ib_op(cx) == OP_DECODE) ? NULL : f->u.s.b;
}

/* Where speed is wanted (the engine's speed paths), a helper with one caller stays
 * a function of its own (IB_APART: not inlined), out of the hook that runs for every
 * object, and the pairs of a column mapping are read in their caller (IB_MAPPINGS).
 * Where size is wanted, the compiler may inline the helper into its one caller, and
 * the one reader of the pairs is shared by its two callers. IB_SHARED: a helper
 * with more than one caller, inlined where speed is wanted, one copy where size is. */
#if CAMP_ENGINE_FAST_PATHS && defined(__OPTIMIZE__)
#define IB_APART CAMP_NOINLINE
#define IB_MAPPINGS IB_INLINE
#define IB_SHARED IB_INLINE
#else
#define IB_APART
#define IB_MAPPINGS CAMP_NOINLINE
#define IB_SHARED CAMP_NOINLINE
#endif

/* IB_BOTH: a helper both builds run alike. Where size is wanted, one copy for the
 * two objects: an external function, defined in the decoding build's object
 * (IB_BOTH_HERE); where speed is wanted, a static function of each, inlined into
 * its caller. */
#if CAMP_ENGINE_FAST_PATHS && defined(__OPTIMIZE__)
#define IB_BOTH static
#define IB_BOTH_HERE 1
#else
#define IB_BOTH CAMP_NOINLINE
#define IB_BOTH_HERE IB_HOOKS_DECODE
#endif
/* IB_BOTH_COLD: the same for a failure's report, which stays out of line where speed
 * is wanted too (off the paths that pass). */
#define IB_BOTH_COLD CAMP_NOINLINE IB_BOTH

/* A member name a hook looks up itself, in key pool P (`campaign`, `reply` or `rest`, the
 * pool of the family that runs the hook): the tables' own copy, so that a program
 * holds each name once. */
#if IB_ONE_KEY_POOL
#define IB_NAME(P, k) (camp_ib_key_pools.P.k_##k)
#else
#define IB_NAME(P, k) (camp_ib_##P##_keys.k_##k)
#endif

/* ---- helpers ------------------------------------------------------------------------------------------- */

/* Decode: the required member @p key of object @p obj is missing. Three arguments:
 * the hooks that find it reach it by a tail call, with no argument on their stack. */
CAMP_NOINLINE static camp_status_t missing(ictx_t *cx, int obj, const char *key)
{
    return camp_ib_fail_member(cx, obj, key, CAMP_ERR_REQUIRED,
                               CAMP_RULE(I40, "required field missing"));
}

/* The failures the hooks report most (a campaign's, and the capacities of the
 * arrays and pools) at a token (decoding) or at the path (the struct walks), by
 * number (HF_*): a call passes the number, a byte, where a pointer to the rule's
 * text costs a word of the literal pool at each call. The texts (ids for small
 * targets, see CAMP_RULE) sit back to back in one string and the statuses in one
 * table, one copy for both builds (IB_BOTH). */
/* clang-format off */
#define IB_HOOK_FAILURES(X)                                                                        \
    X(HF_DUPLICATE, I43, CAMP_ERR_INVALID, "duplicate key")                                        \
    X(HF_SOURCE_COLUMN, I51, CAMP_ERR_PATTERN, "source column must match ^custom_[0-9a-z]+$")      \
    X(HF_TARGET_COLUMN, I30, CAMP_ERR_PATTERN, "must match ^custom_[0-9a-z]+$")                    \
    X(HF_LIST_OUTSIDE, I92, CAMP_ERR_INTERNAL, "list outside its rules")                           \
    X(HF_UNDEFINED_VARIABLE, I54, CAMP_ERR_REFERENCE,                                              \
      "variable not defined: must be \"first-name\" or a key of customVariables")                  \
    X(HF_STRICT_VARIABLE, I55, CAMP_ERR_PATTERN,                                                   \
      "variable must be \"first-name\" or a column ID ^custom_[0-9a-z]+$")                          \
    X(HF_VARIABLE, I56, CAMP_ERR_PATTERN,                                                          \
      "variable must be \"first-name\", a column ID or a kebab-case name")                          \
    X(HF_NO_OPTION, I57, CAMP_ERR_LENGTH, "at least one option required")                          \
    X(HF_SEGMENT_OUTSIDE, I60, CAMP_ERR_INTERNAL, "segment outside a sequence")                    \
    X(HF_SHAPES, I71, CAMP_ERR_INVALID, "legacy-shape member in a v2-shape campaign (D2)")         \
    X(HF_STEP_TYPE, I06, CAMP_ERR_ENUM, "step type must be message, delay or likeTweet")           \
    X(HF_SEGMENT_TYPE, I07, CAMP_ERR_ENUM, "segment type must be static, variable or variation")   \
    X(HF_UPDATED_NULL, I36, CAMP_ERR_TYPE, "must be an RFC 3339 date-time")                        \
    X(HF_WINDOW, I77, CAMP_ERR_SCHEDULE, "start must be less than end")                            \
    X(HF_SEGMENTS_OUTSIDE, I81, CAMP_ERR_INTERNAL, "segments outside a sequence")                  \
    X(HF_DAY_KEY, I85, CAMP_ERR_SCHEDULE, "day key must be \"0\"..\"6\"")                            \
    X(HF_DAY_TWICE, I86, CAMP_ERR_SCHEDULE, "duplicate day key")                                   \
    X(HF_EMPTY_VARIABLE, I88, CAMP_ERR_INVALID, "variable name must not be empty")                 \
    X(HF_SEGMENTS_FULL, I82, CAMP_ERR_CAPACITY, "more segments than CAMP_MAX_SEGMENTS")            \
    X(HF_OPTIONS_FULL, I58, CAMP_ERR_CAPACITY, "more options than CAMP_MAX_VARIATION_OPTIONS")     \
    X(HF_LISTS_FULL, I63, CAMP_ERR_CAPACITY, "more lists than CAMP_MAX_LISTS")                     \
    X(HF_MAPPINGS_FULL, I52, CAMP_ERR_CAPACITY,                                                    \
      "more column mappings than CAMP_MAX_COLUMN_MAPPINGS")                                        \
    X(HF_STEPS_FULL, I79, CAMP_ERR_CAPACITY, "more steps than CAMP_MAX_STEPS")                     \
    X(HF_VARIABLES_FULL, I87, CAMP_ERR_CAPACITY,                                                   \
      "more custom variables than CAMP_MAX_CUSTOM_VARIABLES")                                      \
    X(HF_AUTOMATIONS_FULL, I89, CAMP_ERR_CAPACITY, "more automations than CAMP_MAX_AUTOMATIONS")   \
    X(HF_PAGE_FULL, I90, CAMP_ERR_CAPACITY, "more campaigns than CAMP_MAX_PAGE_ITEMS")             \
    X(HF_LEADS_FULL, I91, CAMP_ERR_CAPACITY, "more leads than CAMP_MAX_LEAD_OBJECTS")
/* clang-format on */
#define HF_NAME(name, id, st, text) name,
enum {
    IB_HOOK_FAILURES(HF_NAME) HF_COUNT
};

/* Failure @p f (HF_*) at token @p tok (decoding; -1: none, the struct walks: their
 * path). */
IB_BOTH_COLD camp_status_t camp_ib_hook_fail(ictx_t *cx, int tok, unsigned f);
/* The same for a capacity failure (HF_*_FULL), with the count @p needed. */
IB_BOTH_COLD camp_status_t camp_ib_hook_capacity(ictx_t *cx, int tok, unsigned f, size_t needed);
#if IB_BOTH_HERE
#define HF_STATUS(name, id, st, text) (uint8_t)(st),
#define HF_TEXT(name, id, st, text) CAMP_RULE_ROW(name, id, text)
CAMP_RULE_IDS_FIT(ib_hook_ids_fit, IB_HOOK_FAILURES(HF_TEXT), HF_COUNT)
IB_BOTH_COLD camp_status_t camp_ib_hook_fail(ictx_t *cx, int tok, unsigned f)
{
    static const uint8_t statuses[HF_COUNT] = {IB_HOOK_FAILURES(HF_STATUS)};
    static const char rules[] = IB_HOOK_FAILURES(HF_TEXT);
    return camp_ib_fail_at(cx, tok, (camp_status_t)statuses[f], CAMP_RULE_NTH(rules, f));
}

IB_BOTH_COLD camp_status_t camp_ib_hook_capacity(ictx_t *cx, int tok, unsigned f, size_t needed)
{
    camp_status_t st = camp_ib_hook_fail(cx, tok, f); /* CAMP_ERR_CAPACITY */
    camp_ib_fail_needed(cx, (int64_t)needed);
    return st;
}
#endif

/* Struct walks: a count of the struct above the capacity of failure @p f (HF_*_FULL):
 * unequal to equality, CAMP_ERR_CAPACITY (at the path, @p count needed) to the others. */
CAMP_NOINLINE static camp_status_t walk_capacity(ictx_t *cx, unsigned f, size_t count)
{
    return ib_op(cx) == OP_EQUAL ? NOT_EQUAL : camp_ib_hook_capacity(cx, -1, f, count);
}

/* Struct walks: a variant byte of the struct out of its range: unequal to
 * equality, CAMP_ERR_INVALID (at the path) to the others. */
CAMP_NOINLINE static camp_status_t walk_invalid(ictx_t *cx, const char *rule)
{
    return ib_op(cx) == OP_EQUAL ? NOT_EQUAL : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, rule);
}

/* Struct walks: a map's key met twice (reported at the path), which would make the
 * map ambiguous. */
CAMP_NOINLINE static camp_status_t duplicate_key(ictx_t *cx)
{
    return camp_ib_hook_fail(cx, -1, HF_DUPLICATE);
}

/* Decode: whether string @p s equals one before it among the strings from @p first
 * on, @p stride bytes apart in one array (a key met twice: the map would be
 * ambiguous). One search for the map keys, the mapping sources and the list IDs. */
static bool seen_before(const camp_str_t *first, size_t stride, const camp_str_t *s)
{
    const char *p;
    for (p = (const char *)first; p < (const char *)s; p += stride) {
        if (camp_ib_str_eq((const camp_str_t *)(const void *)p, s)) {
            return true;
        }
    }
    return false;
}

/* Equality: @p n strings of two pools, from @p x and @p y on (variation options,
 * identifier arrays). */
static IB_SHARED bool strs_equal(const camp_str_t *x, const camp_str_t *y, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (!camp_ib_str_eq(&x[i], &y[i])) {
            return false;
        }
    }
    return true;
}

/* The sequence whose pools the current steps use (the holder of the steps array);
 * equality: *b, the other one (NULL for the other walks; decoding never reads it,
 * and its build does not write it). */
static camp_inbox_sequence_t *sequence_of(const ictx_t *cx, const camp_inbox_sequence_t **b)
{
    const iframe_t *f = camp_ib_find_array(cx, SUB_STEPS);
    if (f == NULL) {
        if (ib_op(cx) != OP_DECODE) {
            *b = NULL;
        }
        return NULL;
    }
    if (ib_op(cx) != OP_DECODE) {
        *b = (const camp_inbox_sequence_t *)other_of(cx, f);
    }
    return (camp_inbox_sequence_t *)f->a;
}

static const iframe_t *parent_of(const ictx_t *cx, const iframe_t *f)
{
    return (f > cx->frames) ? f - 1 : NULL;
}

/* ---- column mappings: source column ID -> campaign column ID pairs in a pool ---------------- */

/* Decode: the pairs of object @p tok into the pool from span[0] on (the caller
 * checked the capacity and counted the object's pairs in the pool's count: a
 * failure ends the decoding); span[1]: the object's count of pairs, once all are
 * read. Custom columns only (§E6): both sides are column IDs, each source once.
 * One function for the campaign's lists and the rules update's groups, with four
 * arguments: its callers reach it by a tail call (IB_MAPPINGS: where speed is
 * wanted each caller has it inlined, the call costing more than the bytes). */
static IB_MAPPINGS camp_status_t mappings_decode(ictx_t *cx, int tok, camp_inbox_column_map_t *pool,
                                                 uint16_t *span)
{
    int n = camp_json_size(cx->u.d.doc, tok), key = camp_json_first(cx->u.d.doc, tok), k = 0;
    camp_inbox_column_map_t *first = &pool[span[0]];
    for (; k < n && key > 0; key = camp_json_next(cx->u.d.doc, key)) {
        camp_inbox_column_map_t *m = &first[k];
        camp_status_t st = camp_ib_get_str(cx, key, &m->source);
        if (st != CAMP_OK) {
            return st;
        }
        if (seen_before(&first->source, sizeof *m, &m->source)) {
            return camp_ib_hook_fail(cx, key + 1, HF_DUPLICATE);
        }
        if (!camp_valid_column_id(m->source.ptr, m->source.len)) {
            return camp_ib_hook_fail(cx, key + 1, HF_SOURCE_COLUMN);
        }
        st = camp_ib_get_str(cx, key + 1, &m->target);
        if (st != CAMP_OK) {
            return st;
        }
        if (!camp_valid_column_id(m->target.ptr, m->target.len)) {
            return camp_ib_hook_fail(cx, key + 1, HF_TARGET_COLUMN);
        }
        k++;
    }
    span[1] = (uint16_t)k;
    return CAMP_OK;
}

/* Validate: the same rules on @p n pairs of a struct, each at the path of its key. */
static camp_status_t mappings_validate(ictx_t *cx, const camp_inbox_column_map_t *m, size_t n)
{
    size_t i, mark = cx->u.s.path.need;
    for (i = 0; i < n; i++) {
        camp_status_t st;
        camp_path_key(&cx->u.s.path, m[i].source.ptr != NULL ? m[i].source.ptr : "",
                      m[i].source.len);
        st = camp_ib_check_key(cx, &m[i].source);
        if (st != CAMP_OK) {
            return st;
        }
        if (!camp_valid_column_id(m[i].source.ptr, m[i].source.len)) {
            return camp_ib_hook_fail(cx, -1, HF_SOURCE_COLUMN);
        }
        if (m[i].target.ptr == NULL || !camp_valid_column_id(m[i].target.ptr, m[i].target.len)) {
            return camp_ib_hook_fail(cx, -1, HF_TARGET_COLUMN);
        }
        if (seen_before(&m[0].source, sizeof *m, &m[i].source)) {
            return duplicate_key(cx);
        }
        camp_path_cut(&cx->u.s.path, mark);
    }
    return CAMP_OK;
}

static void mappings_encode(ictx_t *cx, const camp_inbox_column_map_t *m, size_t n)
{
    size_t i;
    camp_ib_emit(cx, EMIT_OBJECT_BEGIN, NULL);
    for (i = 0; i < n; i++) {
        camp_ib_emit(cx, EMIT_KEY, &m[i].source);
        camp_ib_emit(cx, EMIT_STRING, &m[i].target);
    }
    camp_ib_emit(cx, EMIT_OBJECT_END, NULL);
}

static bool mappings_equal(const camp_inbox_column_map_t *x, const camp_inbox_column_map_t *y,
                           size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (!camp_ib_str_eq(&x[i].source, &y[i].source) ||
            !camp_ib_str_eq(&x[i].target, &y[i].target)) {
            return false;
        }
    }
    return true;
}

/* Decode, the count a full pool needed: the sizes of member @p key of the items of
 * array @p arr, where that member is a @p kind. */
CAMP_NOINLINE static size_t item_sizes(const camp_json_doc_t *doc, int arr, const char *key,
                                       camp_json_kind_t kind)
{
    int n = camp_json_size(doc, arr), it = camp_json_first(doc, arr);
    size_t total = 0;
    for (; n > 0 && it > 0; n--, it = camp_json_next(doc, it)) {
        int v = camp_json_member(doc, it, key);
        if (camp_json_kind(doc, v) == kind) {
            total += (size_t)camp_json_size(doc, v);
        }
    }
    return total;
}

/* Decode: a pool is full at @p tok (@p f: its failure, HF_SEGMENTS_FULL,
 * HF_OPTIONS_FULL, HF_LISTS_FULL or HF_MAPPINGS_FULL); needed, counted in the
 * document: for the segment and option pools, what the whole steps array
 * cx->u.d.steps_tok needs; for the list and column-mapping pools, what both list
 * arrays of the v2 rules object cx->u.d.scan_tok need (synced and excluded lists
 * share the pools). One function for the four, reached by tail calls, out of line:
 * its scan stays off the stack of the hook that finds the pool full. */
CAMP_NOINLINE static camp_status_t pool_full(ictx_t *cx, int tok, unsigned f)
{
    const camp_json_doc_t *doc = cx->u.d.doc;
    size_t total = 0;
    if ((f == HF_LISTS_FULL) || (f == HF_MAPPINGS_FULL)) {
        const char *name = IB_NAME(campaign, syncedLists);
        int a;
        for (a = 0; a < 2; a++) {
            int arr = camp_json_member(doc, cx->u.d.scan_tok, name);
            total += (f == HF_MAPPINGS_FULL)
                         ? item_sizes(doc, arr, IB_NAME(campaign, columnMapping), CAMP_JSON_OBJECT)
                         : (size_t)camp_json_size(doc, arr);
            name = IB_NAME(campaign, excludedLists);
        }
    } else {
        int n = camp_json_size(doc, cx->u.d.steps_tok),
            step = camp_json_first(doc, cx->u.d.steps_tok);
        for (; n > 0 && step > 0; n--, step = camp_json_next(doc, step)) {
            int segs = camp_json_member(doc, camp_json_member(doc, step, IB_NAME(campaign, data)),
                                        IB_NAME(campaign, segments));
            if (camp_json_kind(doc, segs) == CAMP_JSON_ARRAY) {
                total += (f == HF_OPTIONS_FULL)
                             ? item_sizes(doc, segs, IB_NAME(campaign, options), CAMP_JSON_ARRAY)
                             : (size_t)camp_json_size(doc, segs);
            }
        }
    }
    return camp_ib_hook_capacity(cx, tok, f, total);
}

/* `columnMapping` of one v2 synced list (level @p f, its rules the array level below),
 * in the rules' pool. The sub hook's arguments: where it is a function of its own,
 * the hook reaches it by a tail call. */
IB_APART static camp_status_t mapping_op(ictx_t *cx, iframe_t *f, const ifield_t *m, int tok,
                                         isub_t *out)
{
    const iframe_t *arr = parent_of(cx, f);
    camp_inbox_rules_t *ra;
    camp_inbox_list_t *a = (camp_inbox_list_t *)f->a;
    camp_status_t st;
    size_t n;
    (void)m;
    (void)out;
    if (arr == NULL) {
        return camp_ib_hook_fail(cx, tok, HF_LIST_OUTSIDE);
    }
    ra = (camp_inbox_rules_t *)arr->a;
    switch (ib_op(cx)) {
    case OP_DECODE:
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        n = (size_t)camp_json_size(cx->u.d.doc, tok);
        if ((size_t)ra->mapping_count + n > CAMP_MAX_COLUMN_MAPPINGS) {
            return pool_full(cx, tok, HF_MAPPINGS_FULL);
        }
        a->first_mapping = ra->mapping_count;
        ra->mapping_count = (uint16_t)(ra->mapping_count + n); /* a failure ends the decoding */
        return mappings_decode(cx, tok, ra->mappings, &a->first_mapping);
    case OP_VALIDATE:
        if ((size_t)a->first_mapping + a->mapping_count > ra->mapping_count ||
            ra->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                                   CAMP_RULE(I53, "mapping range outside the rules' pool"));
        }
        return mappings_validate(cx, &ra->mappings[a->first_mapping], a->mapping_count);
    case OP_ENCODE:
        mappings_encode(cx, &ra->mappings[a->first_mapping], a->mapping_count);
        return CAMP_OK;
    default: {
        const camp_inbox_rules_t *rb = (const camp_inbox_rules_t *)arr->u.s.b;
        const camp_inbox_list_t *b = (const camp_inbox_list_t *)f->u.s.b;
        if (b == NULL || rb == NULL || a->mapping_count != b->mapping_count ||
            (size_t)a->first_mapping + a->mapping_count > CAMP_MAX_COLUMN_MAPPINGS ||
            (size_t)b->first_mapping + b->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
            return NOT_EQUAL;
        }
        return mappings_equal(&ra->mappings[a->first_mapping], &rb->mappings[b->first_mapping],
                              a->mapping_count)
                   ? CAMP_OK
                   : NOT_EQUAL;
    }
    }
}

/* ---- variables in segments (§3.4, D10) ----------------------------------------------------------------------------- */

/* `first-name` is always available.
 * - A legacy campaign that carries `customVariables`: the name must be one of its
 *   keys (the pause page: anything else fails the campaign's validation).
 * - Otherwise (v2 objects, sequence bodies and responses, legacy without the map)
 *   the defining map is not in the document, so only the form is checked: a column
 *   ID `custom_[0-9a-z]+` (the v2 flow). On receive a lower-case kebab-case name
 *   (`company-name`, the legacy key form) is accepted too, because campaigns
 *   created before the v2 flow may still use one; request bodies and encoding
 *   accept only `first-name` and column IDs.
 * Decoding and the struct walks alike (IB_BOTH); a failure is at no token:
 * decoding's callers point it at the name in the document. */
IB_BOTH camp_status_t camp_ib_check_variable(ictx_t *cx, const camp_inbox_campaign_t *c,
                                             const camp_str_t *name);
#if IB_BOTH_HERE
static bool kebab_name(const camp_str_t *s)
{
    size_t i;
    bool prev_dash = true;
    if (s->len == 0) {
        return false;
    }
    for (i = 0; i < s->len; i++) {
        char c = s->ptr[i];
        if (c == '-') {
            if (prev_dash) {
                return false;
            }
            prev_dash = true;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            prev_dash = false;
        } else {
            return false;
        }
    }
    return !prev_dash;
}

IB_BOTH camp_status_t camp_ib_check_variable(ictx_t *cx, const camp_inbox_campaign_t *c,
                                             const camp_str_t *name)
{
    if (camp_ib_str_is(name, "first-name")) {
        return CAMP_OK;
    }
    if (c != NULL && c->shape == CAMP_INBOX_SHAPE_LEGACY &&
        (c->present & CAMP_INBOX_CAMPAIGN_HAS_CUSTOM_VARIABLES) != 0) {
        size_t i;
        for (i = 0; i < c->variable_count && i < CAMP_MAX_CUSTOM_VARIABLES; i++) {
            if (camp_ib_str_eq(name, &c->variables[i].name)) {
                return CAMP_OK;
            }
        }
        return camp_ib_hook_fail(cx, -1, HF_UNDEFINED_VARIABLE);
    }
    if (camp_valid_column_id(name->ptr, name->len)) {
        return CAMP_OK;
    }
    if (!cx->request && !cx->strict && kebab_name(name)) {
        return CAMP_OK;
    }
    return camp_ib_hook_fail(cx, -1,
                             (cx->request || cx->strict) ? HF_STRICT_VARIABLE : HF_VARIABLE);
}
#endif

/* Decode: item @p k of array token @p arr, or -1. */
static int item_at(const camp_json_doc_t *doc, int arr, size_t k)
{
    int t = camp_json_first(doc, arr);
    for (; k > 0 && t >= 0 && t < doc->count; k--) {
        t = camp_json_next(doc, t);
    }
    return (t >= 0 && t < doc->count) ? t : -1;
}

/* Decode: the `name` of segment @p j of step @p i of the legacy campaign object
 * @p tok (`steps[i].data.segments[j].name`: the struct's indices are the
 * document's, every item is kept in order), looked up only when its check failed;
 * @p tok itself when the document has no such member. */
IB_APART static int legacy_segment_name(const camp_json_doc_t *doc, int tok, size_t i, size_t j)
{
    int t =
        camp_json_member(doc, item_at(doc, camp_json_member(doc, tok, IB_NAME(campaign, steps)), i),
                         IB_NAME(campaign, data));
    t = camp_json_member(doc,
                         item_at(doc, camp_json_member(doc, t, IB_NAME(campaign, segments)), j),
                         IB_NAME(campaign, name));
    return (t >= 0) ? t : tok;
}

/* Decode, legacy campaign: the map may come after the steps in the document, so
 * the variables are checked when the campaign closes, each reported at its
 * segment's `name` in the document. */
IB_APART static camp_status_t campaign_variables(ictx_t *cx, const camp_inbox_campaign_t *c,
                                                 int tok)
{
    const camp_inbox_sequence_t *q = &c->sequence;
    size_t i, j;
    for (i = 0; i < q->step_count && i < CAMP_MAX_STEPS; i++) {
        const camp_inbox_step_t *s = &q->steps[i];
        if (s->type != CAMP_INBOX_STEP_MESSAGE) {
            continue;
        }
        for (j = 0; j < s->segment_count && (size_t)s->first_segment + j < q->segment_count; j++) {
            const camp_inbox_segment_t *g = &q->segments[s->first_segment + j];
            camp_status_t st;
            if (g->type != CAMP_INBOX_SEGMENT_VARIABLE) {
                continue;
            }
            st = camp_ib_check_variable(cx, c, &g->text);
            if (st != CAMP_OK) {
                cx->u.d.fail_tok = legacy_segment_name(cx->u.d.doc, tok, i, j);
                cx->u.d.fail_key = NULL;
                return st;
            }
        }
    }
    return CAMP_OK;
}

/* ---- variation options ---------------------------------------------------------------------------------------------- */

/* A variation's options decoded into the sequence's pool. */
static camp_status_t options_decode(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_segment_t *a,
                                    int tok)
{
    camp_status_t st;
    int n, it;

    n = camp_ib_array_len(cx, tok);
    if (n < 0) {
        return CAMP_ERR_TYPE;
    }
    /* [derived] "one is chosen per message": a variation needs an option. */
    if (n < 1) {
        st = camp_ib_hook_fail(cx, tok, HF_NO_OPTION);
        camp_ib_fail_limits(cx, 1, INT64_MAX);
        return st;
    }
    if ((size_t)sa->option_count + (size_t)n > CAMP_MAX_VARIATION_OPTIONS) {
        return pool_full(cx, tok, HF_OPTIONS_FULL);
    }
    a->first_option = sa->option_count;
    it = camp_json_first(cx->u.d.doc, tok);
    for (; sa->option_count - a->first_option < n; it = camp_json_next(cx->u.d.doc, it)) {
        st = camp_ib_get_str(cx, it, &sa->options[sa->option_count]);
        if (st != CAMP_OK) {
            return st;
        }
        sa->option_count++;
    }
    a->option_count = (uint16_t)n;
    return CAMP_OK;
}

/* A variation's options: at least one, inside the pool, each a valid string. */
static camp_status_t options_validate(ictx_t *cx, const camp_inbox_sequence_t *sa,
                                      const camp_inbox_segment_t *a)
{
    if (a->option_count < 1) {
        camp_status_t st = camp_ib_hook_fail(cx, -1, HF_NO_OPTION);
        camp_ib_fail_limits(cx, 1, INT64_MAX);
        return st;
    }
    if ((size_t)a->first_option + a->option_count > sa->option_count) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                               CAMP_RULE(I59, "option range outside the sequence's pool"));
    }
    return camp_ib_str_items(cx, &sa->options[a->first_option], a->option_count, R_NONE);
}

/* Two variations' options compared element by element (ranges checked against the pools). */
static camp_status_t options_equal(const camp_inbox_sequence_t *sa, const camp_inbox_segment_t *a,
                                   const camp_inbox_sequence_t *sb, const camp_inbox_segment_t *b)
{
    if (b == NULL || sb == NULL) {
        return NOT_EQUAL;
    }
    if (a->option_count != b->option_count ||
        (size_t)a->first_option + a->option_count > CAMP_MAX_VARIATION_OPTIONS ||
        (size_t)b->first_option + b->option_count > CAMP_MAX_VARIATION_OPTIONS) {
        return NOT_EQUAL;
    }
    return strs_equal(&sa->options[a->first_option], &sb->options[b->first_option], a->option_count)
               ? CAMP_OK
               : NOT_EQUAL;
}

/* A variation's `options` (level @p f), in the sequence's pool. */
CAMP_NOINLINE static camp_status_t options_op(ictx_t *cx, const iframe_t *f, int tok)
{
    const camp_inbox_sequence_t *sb;
    camp_inbox_sequence_t *sa = sequence_of(cx, &sb);
    camp_inbox_segment_t *a = (camp_inbox_segment_t *)f->a;
    if (sa == NULL) {
        return camp_ib_hook_fail(cx, tok, HF_SEGMENT_OUTSIDE);
    }
    switch (ib_op(cx)) {
    case OP_DECODE: return options_decode(cx, sa, a, tok);
    case OP_VALIDATE: return options_validate(cx, sa, a);
    case OP_ENCODE:
        return camp_ib_str_items(cx, &sa->options[a->first_option], a->option_count, R_NONE);
    case OP_EQUAL:
    default: return options_equal(sa, a, sb, (const camp_inbox_segment_t *)f->u.s.b);
    }
}

/* ---- columnMappings of a rules update (E6) ------------------------------------------------------------------------ */

/* Decode: the pool is full at @p tok; needed: the mappings of every group of the
 * `columnMappings` object cx->u.d.scan_tok. */
IB_APART static camp_status_t groups_full(ictx_t *cx, int tok)
{
    int n = camp_json_size(cx->u.d.doc, cx->u.d.scan_tok),
        key = camp_json_first(cx->u.d.doc, cx->u.d.scan_tok);
    size_t total = 0;
    for (; n > 0 && key > 0; n--, key = camp_json_next(cx->u.d.doc, key)) {
        if (camp_json_kind(cx->u.d.doc, key + 1) == CAMP_JSON_OBJECT) {
            total += (size_t)camp_json_size(cx->u.d.doc, key + 1);
        }
    }
    return camp_ib_hook_capacity(cx, tok, HF_MAPPINGS_FULL, total);
}

static camp_status_t group_validate(ictx_t *cx, const camp_inbox_rules_update_t *a,
                                    const camp_inbox_mapping_group_t *g)
{
    if ((size_t)g->first_mapping + g->mapping_count > a->mapping_count) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                               CAMP_RULE(I61, "mapping range outside the pool"));
    }
    return mappings_validate(cx, &a->mappings[g->first_mapping], g->mapping_count);
}

static bool groups_equal(const camp_inbox_rules_update_t *a, const camp_inbox_rules_update_t *b)
{
    size_t i;
    if (b == NULL || a->group_count != b->group_count || b->group_count > CAMP_MAX_LISTS) {
        return false;
    }
    for (i = 0; i < a->group_count; i++) {
        const camp_inbox_mapping_group_t *x = &a->groups[i], *y = &b->groups[i];
        if (!camp_ib_str_eq(&x->list_id, &y->list_id) || x->mapping_count != y->mapping_count ||
            (size_t)x->first_mapping + x->mapping_count > CAMP_MAX_COLUMN_MAPPINGS ||
            (size_t)y->first_mapping + y->mapping_count > CAMP_MAX_COLUMN_MAPPINGS ||
            !mappings_equal(&a->mappings[x->first_mapping], &b->mappings[y->first_mapping],
                            x->mapping_count)) {
            return false;
        }
    }
    return true;
}

/* Group i decoded: its list ID key (a string, not seen before in this object, an
 * inbox ID), then its mappings (the value after the key) into the pool. */
CAMP_NOINLINE static camp_status_t group_decode(ictx_t *cx, camp_inbox_rules_update_t *a, size_t i,
                                                int key)
{
    camp_inbox_mapping_group_t *g = &a->groups[i];
    size_t n;
    camp_status_t st = camp_ib_get_str(cx, key, &g->list_id);
    if (st != CAMP_OK) {
        return st;
    }
    if (seen_before(&a->groups[0].list_id, sizeof *g, &g->list_id)) {
        return camp_ib_hook_fail(cx, key + 1, HF_DUPLICATE);
    }
    if (!camp_valid_inbox_id(g->list_id.ptr, g->list_id.len)) {
        return camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN,
                               CAMP_RULE(I62, "list ID key must match ^[0-9a-z]+$"));
    }
    st = camp_ib_want_object(cx, key + 1);
    if (st != CAMP_OK) {
        return st;
    }
    n = (size_t)camp_json_size(cx->u.d.doc, key + 1);
    if ((size_t)a->mapping_count + n > CAMP_MAX_COLUMN_MAPPINGS) {
        return groups_full(cx, key + 1);
    }
    g->first_mapping = a->mapping_count;
    a->mapping_count = (uint16_t)(a->mapping_count + n); /* a failure ends the decoding */
    return mappings_decode(cx, key + 1, a->mappings, &g->first_mapping);
}

CAMP_NOINLINE static camp_status_t column_mappings_decode(ictx_t *cx, camp_inbox_rules_update_t *a,
                                                          int tok)
{
    size_t i;
    int n, key;
    camp_status_t st = camp_ib_want_object(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    n = camp_json_size(cx->u.d.doc, tok);
    if (n > CAMP_MAX_LISTS) {
        return camp_ib_hook_capacity(cx, tok, HF_LISTS_FULL, (size_t)n);
    }
    cx->u.d.scan_tok = tok; /* the groups share the pool (its sizing) */
    key = camp_json_first(cx->u.d.doc, tok);
    for (i = 0; i < (size_t)n && key > 0; i++, key = camp_json_next(cx->u.d.doc, key)) {
        st = group_decode(cx, a, i, key);
        if (st != CAMP_OK) {
            return st;
        }
        a->group_count++;
    }
    return CAMP_OK;
}

/* Group i validated under its key: the key a valid, unique inbox ID, then its mappings. */
CAMP_NOINLINE static camp_status_t group_check(ictx_t *cx, const camp_inbox_rules_update_t *a,
                                               size_t i)
{
    const camp_inbox_mapping_group_t *g = &a->groups[i];
    camp_status_t st;
    camp_path_key(&cx->u.s.path, g->list_id.ptr != NULL ? g->list_id.ptr : "", g->list_id.len);
    st = camp_ib_check_key(cx, &g->list_id);
    if (st == CAMP_OK && !camp_valid_inbox_id(g->list_id.ptr, g->list_id.len)) {
        st = camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN,
                             CAMP_RULE(I62, "list ID key must match ^[0-9a-z]+$"));
    }
    if (st == CAMP_OK && seen_before(&a->groups[0].list_id, sizeof *g, &g->list_id)) {
        st = duplicate_key(cx);
    }
    if (st == CAMP_OK) {
        st = group_validate(cx, a, g);
    }
    return st;
}

/* The groups validated or encoded as one object keyed by list ID. */
IB_APART static camp_status_t column_mappings_walk(ictx_t *cx, const camp_inbox_rules_update_t *a,
                                                   int tok)
{
    size_t i, mark = cx->u.s.path.need;
    camp_status_t st = CAMP_OK;
    camp_ib_obj_open(cx, tok);
    for (i = 0; i < a->group_count && st == CAMP_OK; i++) {
        const camp_inbox_mapping_group_t *g = &a->groups[i];
        if (ib_op(cx) == OP_ENCODE) {
            camp_ib_emit(cx, EMIT_KEY, &g->list_id);
            mappings_encode(cx, &a->mappings[g->first_mapping], g->mapping_count);
            continue;
        }
        st = group_check(cx, a, i);
        if (st == CAMP_OK) {
            camp_path_cut(&cx->u.s.path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

/* `columnMappings`: keyed by source list ID, each value maps source column ID ->
 * campaign column ID. Custom columns only (§E6), so both are column IDs. */
IB_APART static camp_status_t column_mappings_op(ictx_t *cx, camp_inbox_rules_update_t *a,
                                                 const camp_inbox_rules_update_t *b, int tok)
{
    if (ib_op(cx) == OP_DECODE) {
        return column_mappings_decode(cx, a, tok);
    }
    if (a->group_count > CAMP_MAX_LISTS || a->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
        return walk_capacity(cx, HF_LISTS_FULL, a->group_count);
    }
    if (ib_op(cx) == OP_EQUAL) {
        return groups_equal(a, b) ? CAMP_OK : NOT_EQUAL;
    }
    return column_mappings_walk(cx, a, tok);
}

/* ---- identifiers of an add-leads body (E7) ------------------------------------------------------------------------- */

/* The three identifier spans follow each other in the struct as their subs do. */
typedef char ib_id_spans_follow_subs
    [(offsetof(camp_inbox_leads_add_t, usernames) -
              offsetof(camp_inbox_leads_add_t, platform_ids) ==
          (SUB_USERNAMES - SUB_PLATFORM_IDS) * sizeof(camp_inbox_id_span_t) &&
      offsetof(camp_inbox_leads_add_t, external_ids) -
              offsetof(camp_inbox_leads_add_t, platform_ids) ==
          (SUB_EXTERNAL_IDS - SUB_PLATFORM_IDS) * sizeof(camp_inbox_id_span_t))
         ? 1
         : -1];

/* The span of identifier array @p sub (SUB_PLATFORM_IDS..SUB_EXTERNAL_IDS). */
static camp_inbox_id_span_t *span_of(camp_inbox_leads_add_t *a, unsigned sub)
{
    size_t off = offsetof(camp_inbox_leads_add_t, platform_ids) +
                 (sub - SUB_PLATFORM_IDS) * sizeof(camp_inbox_id_span_t);
    return (camp_inbox_id_span_t *)(void *)((char *)a + off);
}

/* Decode: the identifier pool is full at @p tok; needed: the identifiers of all
 * three arrays of the add-leads object @p obj. Reached by a tail call. */
IB_APART static camp_status_t ids_full(ictx_t *cx, int tok, int obj)
{
    static const char *const keys[3] = {IB_NAME(rest, platformIds), IB_NAME(rest, usernames),
                                        IB_NAME(rest, externalIds)};
    size_t total = 0, i;
    for (i = 0; i < 3; i++) {
        int v = camp_json_member(cx->u.d.doc, obj, keys[i]);
        if (camp_json_kind(cx->u.d.doc, v) == CAMP_JSON_ARRAY) {
            total += (size_t)camp_json_size(cx->u.d.doc, v);
        }
    }
    return camp_ib_fail_capacity(cx, tok, CAMP_RULE(I65, "more identifiers than CAMP_MAX_LEAD_IDS"),
                                 total);
}

/* An add-leads array's count outside 1..2000, at token @p tok (decoding) or the
 * path (validation: -1), one copy for both builds (IB_BOTH). */
IB_BOTH camp_status_t camp_ib_bad_count(ictx_t *cx, int tok);
#if IB_BOTH_HERE
IB_BOTH camp_status_t camp_ib_bad_count(ictx_t *cx, int tok)
{
    camp_status_t st =
        camp_ib_fail_at(cx, tok, CAMP_ERR_LENGTH, CAMP_RULE(I64, "array length must be 1..2000"));
    camp_ib_fail_limits(cx, LEADS_MIN, LEADS_MAX);
    return st;
}
#endif

/* One identifier array decoded into the pool (1..2000 non-empty strings). */
static camp_status_t ids_decode(ictx_t *cx, camp_inbox_leads_add_t *a, camp_inbox_id_span_t *s,
                                int tok, int obj)
{
    int n, it;

    n = camp_ib_array_len(cx, tok);
    if (n < 0) {
        return CAMP_ERR_TYPE;
    }
    /* the API limit first: 2001 is a LENGTH error even below the capacity */
    if (n < LEADS_MIN || n > LEADS_MAX) {
        return camp_ib_bad_count(cx, tok);
    }
    if ((size_t)a->id_count + (size_t)n > CAMP_MAX_LEAD_IDS) {
        return ids_full(cx, tok, obj);
    }
    s->first = a->id_count; /* s->count is 0: the body was cleared, each array is met once */
    it = camp_json_first(cx->u.d.doc, tok);
    for (; s->count < n; it = camp_json_next(cx->u.d.doc, it)) {
        camp_str_t *id = &a->ids[a->id_count];
        camp_status_t st = camp_ib_get_str(cx, it, id);
        if (st == CAMP_OK && id->len == 0) {
            st = camp_ib_fail_at(cx, it, CAMP_ERR_LENGTH, CAMP_RULE(I21, "must not be empty"));
            camp_ib_fail_limits(cx, 1, INT64_MAX);
        }
        if (st != CAMP_OK) {
            return st;
        }
        a->id_count++;
        s->count++;
    }
    return CAMP_OK;
}

static camp_status_t ids_validate(ictx_t *cx, const camp_inbox_leads_add_t *a,
                                  const camp_inbox_id_span_t *s)
{
    if (s->count < LEADS_MIN || s->count > LEADS_MAX) {
        return camp_ib_bad_count(cx, -1);
    }
    if (a->id_count > CAMP_MAX_LEAD_IDS || (size_t)s->first + s->count > a->id_count) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                               CAMP_RULE(I66, "identifier range outside the pool"));
    }
    return camp_ib_str_items(cx, &a->ids[s->first], s->count, R_NONEMPTY);
}

static camp_status_t ids_equal(const camp_inbox_leads_add_t *a, const camp_inbox_id_span_t *s,
                               const camp_inbox_leads_add_t *b, unsigned sub)
{
    const camp_inbox_id_span_t *t;
    if (b == NULL) {
        return NOT_EQUAL;
    }
    t = span_of((camp_inbox_leads_add_t *)(uintptr_t)b, sub);
    if (s->count != t->count || (size_t)s->first + s->count > CAMP_MAX_LEAD_IDS ||
        (size_t)t->first + t->count > CAMP_MAX_LEAD_IDS) {
        return NOT_EQUAL;
    }
    return strs_equal(&a->ids[s->first], &b->ids[t->first], s->count) ? CAMP_OK : NOT_EQUAL;
}

/* An identifier array (member @p m of level @p f, value @p tok). The sub hook's
 * arguments: where it is a function of its own, the hook reaches it by a tail call. */
IB_APART static camp_status_t ids_op(ictx_t *cx, iframe_t *f, const ifield_t *m, int tok,
                                     isub_t *out)
{
    camp_inbox_leads_add_t *a = (camp_inbox_leads_add_t *)f->a;
    camp_inbox_id_span_t *s = span_of(a, m->rule);
    (void)out;
    switch (ib_op(cx)) {
    case OP_DECODE: return ids_decode(cx, a, s, tok, f->u.d.tok);
    case OP_VALIDATE: return ids_validate(cx, a, s);
    case OP_ENCODE: return camp_ib_str_items(cx, &a->ids[s->first], s->count, R_NONEMPTY);
    default: return ids_equal(a, s, (const camp_inbox_leads_add_t *)f->u.s.b, m->rule);
    }
}

/* A lead's identifier member (platformId, username or externalId: which one is
 * the member's place in the table, 1..3 as camp_inbox_by_t). */
IB_APART static camp_status_t lead_id_op(ictx_t *cx, const iframe_t *f, const ifield_t *m, int v)
{
    camp_inbox_lead_t *a = (camp_inbox_lead_t *)f->a;
    uint8_t by = (uint8_t)(m - camp_ib_lead_fields + 1);
    const char *why;
    camp_status_t st;
    switch (ib_op(cx)) {
    case OP_DECODE:
        if (a->by != CAMP_INBOX_BY_UNSET) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_INVALID,
                                   CAMP_RULE(I67, "only one of platformId, username, externalId"));
        }
        a->by = by;
        st = camp_ib_get_str(cx, v, &a->id);
        if (st == CAMP_OK && a->id.len == 0) {
            st = camp_ib_fail_at(cx, v, CAMP_ERR_LENGTH, CAMP_RULE(I21, "must not be empty"));
        }
        return st;
    case OP_VALIDATE:
        if (a->id.ptr == NULL) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                                   CAMP_RULE(I40, "required field missing"));
        }
        st = camp_ib_check_kind_str(cx, K_STR, R_NONEMPTY, &a->id, &why);
        return (st != CAMP_OK) ? camp_ib_fail_at(cx, -1, st, why) : CAMP_OK;
    case OP_ENCODE: camp_ib_emit(cx, EMIT_STRING, &a->id); return CAMP_OK;
    default: {
        const camp_inbox_lead_t *b = (const camp_inbox_lead_t *)f->u.s.b;
        return (b != NULL && a->by == b->by && camp_ib_str_eq(&a->id, &b->id)) ? CAMP_OK
                                                                               : NOT_EQUAL;
    }
    }
}

/* ---- webhooks -------------------------------------------------------------------------------------------------------- */

/* §8.2 campaign-related v1 types; any other `resource.action` is kept raw. Decoding
 * names a webhook's event, validation checks the struct's (IB_BOTH). */
IB_BOTH uint8_t camp_ib_event_of(const camp_str_t *type, bool legacy);
#if IB_BOTH_HERE
IB_BOTH uint8_t camp_ib_event_of(const camp_str_t *type, bool legacy)
{
    const char *names = legacy ? "targetContacted\0targetFollowUpSent\0targetReplied"
                               : "campaign.created\0campaign.started\0campaign.paused\0"
                                 "campaign.resumed\0campaign.completed\0target.contacted\0"
                                 "target.followUpSent\0target.replied";
    unsigned n = legacy ? 3u : 8u, i;
    if (type->ptr == NULL) {
        return CAMP_INBOX_EVENT_OTHER;
    }
    for (i = 0; i < n; i++) {
        size_t l = strlen(names);
        if (l == type->len && memcmp(names, type->ptr, l) == 0) {
            return (uint8_t)(legacy ? CAMP_INBOX_EVENT_TARGET_CONTACTED + i : 1u + i);
        }
        names += l + 1;
    }
    return CAMP_INBOX_EVENT_OTHER;
}
#endif

static bool is_target(uint8_t event)
{
    return event >= CAMP_INBOX_EVENT_TARGET_CONTACTED && event <= CAMP_INBOX_EVENT_TARGET_REPLIED;
}

/* An envelope's node is its format's: N_WH_V1 + camp_inbox_webhook_format_t. */
typedef char ib_webhook_nodes_follow_formats[(N_WH_LEGACY == N_WH_V1 + CAMP_INBOX_WEBHOOK_LEGACY &&
                                              N_WH_V2 == N_WH_V1 + CAMP_INBOX_WEBHOOK_V2)
                                                 ? 1
                                                 : -1];

/* Decode: the envelope's format and event kind, before its members (`data`
 * depends on them and may come first in the document). */
static camp_status_t webhook_open_decode(ictx_t *cx, iframe_t *f)
{
    camp_inbox_webhook_t *a = (camp_inbox_webhook_t *)f->a;
    int tok = f->u.d.tok, type_tok;
    bool legacy;
    camp_status_t st;
    if (camp_ib_member(cx->u.d.doc, tok, IB_NAME(rest, apiVersion)) >= 0) {
        a->format = CAMP_INBOX_WEBHOOK_V2;
    } else if (camp_ib_member(cx->u.d.doc, tok, IB_NAME(rest, event)) >= 0 &&
               camp_ib_member(cx->u.d.doc, tok, IB_NAME(rest, type)) < 0) {
        a->format = CAMP_INBOX_WEBHOOK_LEGACY;
    } else {
        a->format = CAMP_INBOX_WEBHOOK_V1;
    }
    a->seq = -1;
    legacy = (a->format == CAMP_INBOX_WEBHOOK_LEGACY);
    f->node = (uint8_t)(N_WH_V1 + a->format);
    type_tok =
        camp_ib_member(cx->u.d.doc, tok, legacy ? IB_NAME(rest, event) : IB_NAME(rest, type));
    if (type_tok < 0 || camp_json_kind(cx->u.d.doc, type_tok) != CAMP_JSON_STRING) {
        return CAMP_OK; /* reported by the member walk (required, or a type error) */
    }
    st = camp_ib_get_str(cx, type_tok, &a->type);
    if (st != CAMP_OK || a->type.len == 0) {
        return st; /* an empty type is reported by the member walk */
    }
    a->event = camp_ib_event_of(&a->type, legacy);
    if (legacy && a->event == CAMP_INBOX_EVENT_OTHER) {
        return camp_ib_fail_at(
            cx, type_tok, CAMP_ERR_ENUM,
            CAMP_RULE(I68, "must be one of targetContacted, targetFollowUpSent, targetReplied"));
    }
    if (!legacy && camp_find_byte(a->type.ptr, '.', a->type.len) == NULL) {
        return camp_ib_fail_at(cx, type_tok, CAMP_ERR_PATTERN,
                               CAMP_RULE(I69, "must be resource.action"));
    }
    return CAMP_OK;
}

static camp_status_t webhook_open(ictx_t *cx, iframe_t *f)
{
    const camp_inbox_webhook_t *a = (const camp_inbox_webhook_t *)f->a;
    const camp_inbox_webhook_t *b = (const camp_inbox_webhook_t *)other_of(cx, f);
    if (ib_op(cx) == OP_DECODE) {
        return webhook_open_decode(cx, f);
    }
    /* (unequal webhooks: walk_invalid() answers NOT_EQUAL to equality) */
    if (a->format > CAMP_INBOX_WEBHOOK_V2 ||
        (ib_op(cx) == OP_EQUAL && (b == NULL || a->format != b->format || a->event != b->event))) {
        return walk_invalid(cx, CAMP_RULE(I70, "unknown format"));
    }
    f->node = (uint8_t)(N_WH_V1 + a->format);
    return CAMP_OK;
}

/* `data`: kept raw for other event types and for API v2 campaign events; the
 * documented payload otherwise. */
IB_APART static camp_status_t webhook_data(ictx_t *cx, iframe_t *f, int v, isub_t *out)
{
    camp_inbox_webhook_t *a = (camp_inbox_webhook_t *)f->a;
    const camp_inbox_webhook_t *b = (const camp_inbox_webhook_t *)other_of(cx, f);
    bool legacy = (a->format == CAMP_INBOX_WEBHOOK_LEGACY);
    out->a = a;
    other_is(cx, out, b);
    out->kind = ISUB_OBJ;
    if (a->format == CAMP_INBOX_WEBHOOK_V2 && is_target(a->event)) {
        out->node = N_WH_V2_TARGET;
        return CAMP_OK;
    }
    if (legacy) {
        out->node = N_WH_LEGACY_DATA;
        return CAMP_OK;
    }
    if (a->event != CAMP_INBOX_EVENT_OTHER && a->format == CAMP_INBOX_WEBHOOK_V1) {
        out->node = is_target(a->event) ? N_WH_TARGET_DATA : N_WH_CAMPAIGN_DATA;
        return CAMP_OK;
    }
    out->kind = ISUB_DONE;
    switch (ib_op(cx)) {
    case OP_DECODE:
        camp_json_raw(cx->u.d.doc, v, &a->data.ptr, &a->data.len);
        return camp_ib_want_object(cx, v);
    case OP_VALIDATE:
        return camp_ib_raw_ok(cx, &a->data, true)
                   ? CAMP_OK
                   : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                                     CAMP_RULE(I41, "must be a JSON object"));
    case OP_ENCODE: camp_ib_emit(cx, EMIT_RAW, &a->data); return CAMP_OK;
    default: return (b != NULL && camp_ib_str_eq(&a->data, &b->data)) ? CAMP_OK : NOT_EQUAL;
    }
}

/* The webhook whose payload is being walked (the envelope level). */
static camp_inbox_webhook_t *webhook_of(const ictx_t *cx, const camp_inbox_webhook_t **b)
{
    const iframe_t *f = &cx->frames[0];
    *b = (const camp_inbox_webhook_t *)other_of(cx, f);
    return (camp_inbox_webhook_t *)f->a;
}

/* ---- variants ----------------------------------------------------------------------------------------------------------- */

#if IB_HOOKS_DECODE
/* D2: the shape is told by its marker members (the members of only one shape),
 * decided by the first one met. A document with markers of both shapes is not a
 * documented form and is refused at its (first) legacy member: it would be
 * ambiguous which `steps` / `rules` / `lists` hold the sequence and the list rules. */
camp_status_t camp_ib_shape_member(ictx_t *cx, const ifield_t *m, int v)
{
    camp_inbox_campaign_t *c = (camp_inbox_campaign_t *)(uintptr_t)cx->campaign;
    bool v2 = (m->flags & F_V2) != 0;
    if (c == NULL) {
        return CAMP_OK;
    }
    if ((v2 && cx->shape == CAMP_INBOX_SHAPE_LEGACY) || (!v2 && cx->shape == CAMP_INBOX_SHAPE_V2)) {
        return camp_ib_hook_fail(cx, v2 ? cx->u.d.legacy_tok : v, HF_SHAPES);
    }
    if (!v2 && cx->u.d.legacy_tok < 0) {
        cx->u.d.legacy_tok = v;
    }
    cx->shape = v2 ? CAMP_INBOX_SHAPE_V2 : CAMP_INBOX_SHAPE_LEGACY;
    c->shape = cx->shape;
    return CAMP_OK;
}
#endif

static camp_status_t campaign_open(ictx_t *cx, iframe_t *f)
{
    camp_inbox_campaign_t *a = (camp_inbox_campaign_t *)f->a;
    if (ib_op(cx) == OP_DECODE) {
        /* a->shape is CAMP_INBOX_SHAPE_SUMMARY (0): decoding clears a campaign
         * before it opens (camp_ib_clear_campaign()); its sequence's version: the
         * family's open */
        cx->shape = SHAPE_OPEN;
        cx->u.d.legacy_tok = -1;
        cx->campaign = a;
        return CAMP_OK;
    } else if (a->shape > CAMP_INBOX_SHAPE_LEGACY ||
               (ib_op(cx) == OP_EQUAL &&
                (f->u.s.b == NULL ||
                 a->shape != ((const camp_inbox_campaign_t *)f->u.s.b)->shape))) {
        /* (unequal shapes: walk_invalid() answers NOT_EQUAL to equality) */
        return walk_invalid(cx, CAMP_RULE(I72, "unknown shape"));
    }
    cx->shape = a->shape;
    cx->campaign = a;
    return CAMP_OK;
}

static unsigned segment_node(uint8_t type)
{
    switch (type) {
    case CAMP_INBOX_SEGMENT_STATIC: return N_SEG_STATIC;
    case CAMP_INBOX_SEGMENT_VARIABLE: return N_SEG_VARIABLE;
    default: return N_SEG_VARIATION;
    }
}

/* A known segment type's node: N_SEG_STATIC onwards, in the types' order. */
typedef char ib_segment_nodes_follow_types
    [(N_SEG_VARIABLE - N_SEG_STATIC == CAMP_INBOX_SEGMENT_VARIABLE - CAMP_INBOX_SEGMENT_STATIC &&
      N_SEG_VARIATION - N_SEG_STATIC == CAMP_INBOX_SEGMENT_VARIATION - CAMP_INBOX_SEGMENT_STATIC)
         ? 1
         : -1];

/* Decode, D7: a step's or segment's `type` decides what `data` holds or which
 * members the segment has; it is read before the members because they may come
 * first in the document. A step may lack it (D7) or hold a value the member walk
 * reports; a segment needs a string. Every segment opens as N_SEG_STATIC: its type
 * picks its node. */
CAMP_NOINLINE static camp_status_t type_decode(ictx_t *cx, iframe_t *f)
{
    bool seg = (f->node == N_SEG_STATIC);
    int ty = camp_ib_member(cx->u.d.doc, f->u.d.tok, IB_NAME(campaign, type));
    camp_str_t s;
    camp_status_t st;
    uint8_t type;
    if (!seg && (ty < 0 || camp_json_kind(cx->u.d.doc, ty) != CAMP_JSON_STRING)) {
        return CAMP_OK;
    }
    if (ty < 0) {
        return missing(cx, f->u.d.tok, IB_NAME(campaign, type));
    }
    st = camp_ib_get_str(cx, ty, &s);
    if (st != CAMP_OK) {
        return seg ? st : CAMP_OK; /* a step's is reported by the member walk */
    }
    type = camp_ib_enum_lookup(seg ? E_SEGMENT : E_STEP, s.ptr, s.len);
    if (!seg) {
        ((camp_inbox_step_t *)f->a)->type = type;
        return (type != 0) ? CAMP_OK : camp_ib_hook_fail(cx, ty, HF_STEP_TYPE);
    }
    ((camp_inbox_segment_t *)f->a)->type = type;
    if (type == 0) {
        return camp_ib_hook_fail(cx, ty, HF_SEGMENT_TYPE);
    }
    f->node = (uint8_t)(N_SEG_STATIC - CAMP_INBOX_SEGMENT_STATIC + type); /* type is 1..3 */
    return CAMP_OK;
}

/* Struct walks: the type byte of a step or segment, @p type (@p other: the other
 * struct's, equal; NULL when there is none), one of enum @p e's values (@p f: the
 * failure of another value). */
static camp_status_t variant_type(ictx_t *cx, uint8_t type, const uint8_t *other, unsigned e,
                                  unsigned f)
{
    if (ib_op(cx) == OP_VALIDATE && (type == 0 || type > camp_ib_enum_count(e))) {
        camp_path_key(&cx->u.s.path, IB_NAME(campaign, type), 4);
        return (type == 0) ? camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                                             CAMP_RULE(I40, "required field missing"))
                           : camp_ib_hook_fail(cx, -1, f);
    }
    if (ib_op(cx) == OP_EQUAL && (other == NULL || type != *other)) {
        return NOT_EQUAL;
    }
    return CAMP_OK;
}

/* Struct walks: a step's type. */
static camp_status_t step_open(ictx_t *cx, const iframe_t *f)
{
    const camp_inbox_step_t *b = (const camp_inbox_step_t *)other_of(cx, f);
    return variant_type(cx, ((const camp_inbox_step_t *)f->a)->type, (b != NULL) ? &b->type : NULL,
                        E_STEP, HF_STEP_TYPE);
}

/* Struct walks: a segment's type, and its node. */
static camp_status_t segment_open(ictx_t *cx, iframe_t *f)
{
    const camp_inbox_segment_t *a = (const camp_inbox_segment_t *)f->a;
    const camp_inbox_segment_t *b = (const camp_inbox_segment_t *)other_of(cx, f);
    camp_status_t st =
        variant_type(cx, a->type, (b != NULL) ? &b->type : NULL, E_SEGMENT, HF_SEGMENT_TYPE);
    if (st != CAMP_OK) {
        return st;
    }
    f->node = (uint8_t)segment_node(a->type);
    return CAMP_OK;
}

static uint8_t error_node(uint8_t form)
{
    return (form == CAMP_INBOX_ERROR_NESTED) ? N_ERROR_NESTED
           : (form == CAMP_INBOX_ERROR_FLAT) ? N_ERROR_FLAT
                                             : N_ERROR_V2;
}

/* Decode, D12: `error` as an object selects nested, as a string flat; no `error`
 * but a `code` selects v2. */
IB_APART static camp_status_t error_open_decode(ictx_t *cx, iframe_t *f)
{
    camp_inbox_error_t *a = (camp_inbox_error_t *)f->a;
    int e = camp_ib_member(cx->u.d.doc, f->u.d.tok, IB_NAME(reply, error));
    camp_json_kind_t k = camp_json_kind(cx->u.d.doc, e);
    if (e >= 0 && k == CAMP_JSON_OBJECT) {
        a->form = CAMP_INBOX_ERROR_NESTED;
    } else if (e >= 0 && k == CAMP_JSON_STRING) {
        a->form = CAMP_INBOX_ERROR_FLAT;
    } else if (e >= 0) {
        return camp_ib_fail_at(cx, e, CAMP_ERR_TYPE,
                               CAMP_RULE(I73, "must be an object or a string"));
    } else if (camp_ib_member(cx->u.d.doc, f->u.d.tok, IB_NAME(reply, code)) >= 0) {
        a->form = CAMP_INBOX_ERROR_V2;
    } else {
        return missing(cx, f->u.d.tok, IB_NAME(reply, error));
    }
    f->node = error_node(a->form);
    return CAMP_OK;
}

/* Struct walks: the form the struct names. */
static camp_status_t error_open(ictx_t *cx, iframe_t *f)
{
    const camp_inbox_error_t *a = (const camp_inbox_error_t *)f->a;
    if (a->form > CAMP_INBOX_ERROR_V2 ||
        (ib_op(cx) == OP_EQUAL &&
         (f->u.s.b == NULL || a->form != ((const camp_inbox_error_t *)f->u.s.b)->form))) {
        return walk_invalid(cx, CAMP_RULE(I74, "unknown form"));
    }
    f->node = error_node(a->form);
    return CAMP_OK;
}

#if !IB_HOOKS_DECODE
/* Validate: a lead names its identifier member. */
static camp_status_t lead_open(ictx_t *cx, iframe_t *f)
{
    const camp_inbox_lead_t *a = (const camp_inbox_lead_t *)f->a;
    if (ib_op(cx) == OP_VALIDATE && (a->by == CAMP_INBOX_BY_UNSET || a->by > 3)) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                               CAMP_RULE(I75, "one of platformId, username, externalId required"));
    }
    if (ib_op(cx) == OP_EQUAL &&
        (f->u.s.b == NULL || a->by != ((const camp_inbox_lead_t *)f->u.s.b)->by)) {
        return NOT_EQUAL;
    }
    return CAMP_OK;
}
#endif

static camp_status_t campaign_family_open(ictx_t *cx, iframe_t *f)
{
    /* decoding: the sequence opened, or the campaign's (absent: version -1) */
    camp_inbox_sequence_t *q = (camp_inbox_sequence_t *)f->a;
    switch (f->node) {
    case N_CAMPAIGN:
        if (ib_op(cx) != OP_DECODE) {
            return campaign_open(cx, f);
        }
        (void)campaign_open(cx, f);
        q = &((camp_inbox_campaign_t *)f->a)->sequence;
        break;
    case N_SEQUENCE: break;
    case N_RULES:
        if (ib_op(cx) == OP_DECODE) {
            cx->u.d.scan_tok = f->u.d.tok;
        }
        return CAMP_OK;
    case N_STEP: return (ib_op(cx) == OP_DECODE) ? type_decode(cx, f) : step_open(cx, f);
    case N_SEG_STATIC: /* every segment opens as N_SEG_STATIC; its type picks the node */
        return (ib_op(cx) == OP_DECODE) ? type_decode(cx, f) : segment_open(cx, f);
    default: return CAMP_OK;
    }
    if (ib_op(cx) == OP_DECODE) {
        q->version = -1;
    }
    return CAMP_OK;
}

static camp_status_t webhook_family_open(ictx_t *cx, iframe_t *f)
{
    if (f->node == N_SUMMARY) { /* a webhook's campaign */
        cx->shape = CAMP_INBOX_SHAPE_SUMMARY;
        return CAMP_OK;
    }
    return (f->node == N_WEBHOOK) ? webhook_open(cx, f) : CAMP_OK;
}

static camp_status_t error_family_open(ictx_t *cx, iframe_t *f)
{
    if (f->node != N_ERROR) {
        return CAMP_OK;
    }
    return (ib_op(cx) == OP_DECODE) ? error_open_decode(cx, f) : error_open(cx, f);
}

#if !IB_HOOKS_DECODE
static camp_status_t leads_family_open(ictx_t *cx, iframe_t *f)
{
    return (f->node == N_LEAD) ? lead_open(cx, f) : CAMP_OK;
}
#endif

/* ---- cross-member rules --------------------------------------------------------------------------------------------------------- */

/* A campaign's shape settled once all members are seen, and the rules that need it. */
/* Decode, D16: `updatedAt` of the campaign object @p obj is null outside the
 * summary shape. */
IB_APART static camp_status_t updated_null(ictx_t *cx, int obj)
{
    return camp_ib_hook_fail(cx, camp_json_member(cx->u.d.doc, obj, IB_NAME(campaign, updatedAt)),
                             HF_UPDATED_NULL);
}

static camp_status_t campaign_close(ictx_t *cx, iframe_t *f)
{
    camp_inbox_campaign_t *a = (camp_inbox_campaign_t *)f->a;
    cx->campaign = NULL; /* the checks below are given the campaign */
    if (ib_op(cx) != OP_DECODE) {
        return CAMP_OK;
    }
    /* a->shape is settled: camp_ib_shape_member() wrote each shape decided, and a
     * campaign without a marker member keeps the summary shape it was cleared to
     * (cx->shape, still open then, is read again only once the next campaign has
     * opened) */
    /* D16: `updatedAt` is null only in the summary shape */
    if (a->shape != CAMP_INBOX_SHAPE_SUMMARY && a->base.updated_at.raw.ptr == NULL) {
        return updated_null(cx, f->u.d.tok);
    }
    return (a->shape == CAMP_INBOX_SHAPE_LEGACY) ? campaign_variables(cx, a, f->u.d.tok) : CAMP_OK;
}

/* Decode: a variable segment's failed name check (status @p st) reported at its
 * `name` in the segment object @p obj, looked up only now. */
IB_APART static camp_status_t variable_at(ictx_t *cx, int obj, camp_status_t st)
{
    int tok = camp_json_member(cx->u.d.doc, obj, IB_NAME(campaign, name));
    if (tok >= 0) {
        cx->u.d.fail_tok = tok;
        cx->u.d.fail_key = NULL;
    }
    return st;
}

/* A variable segment's name checked against the campaign's variables. */
static camp_status_t seg_variable_close(ictx_t *cx, const iframe_t *f)
{
    const camp_inbox_segment_t *a = (const camp_inbox_segment_t *)f->a;
    camp_status_t st;
    size_t mark;
    if (ib_op(cx) == OP_DECODE) {
        /* in a legacy campaign the map may still come: checked when it closes */
        if (cx->campaign != NULL && cx->campaign->shape == CAMP_INBOX_SHAPE_LEGACY) {
            return CAMP_OK;
        }
        st = camp_ib_check_variable(cx, cx->campaign, &a->text);
        return (st != CAMP_OK) ? variable_at(cx, f->u.d.tok, st) : CAMP_OK;
    }
    mark = cx->u.s.path.need;
    camp_path_key(&cx->u.s.path, IB_NAME(campaign, name), 4);
    st = camp_ib_check_variable(cx, cx->campaign, &a->text);
    if (st == CAMP_OK) { /* a failure keeps its path: it is the caller's diag */
        camp_path_cut(&cx->u.s.path, mark);
    }
    return st;
}

static camp_status_t leads_add_close(ictx_t *cx, const iframe_t *f)
{
    const camp_inbox_leads_add_t *a = (const camp_inbox_leads_add_t *)f->a;
    /* "a useful request carries at least one of them" */
    if ((a->present & (CAMP_INBOX_LEADS_HAS_PLATFORM_IDS | CAMP_INBOX_LEADS_HAS_USERNAMES |
                       CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS | CAMP_INBOX_LEADS_HAS_LEADS)) == 0) {
        return camp_ib_fail_at(
            cx, ib_op(cx) == OP_DECODE ? f->u.d.tok : -1, CAMP_ERR_REQUIRED,
            CAMP_RULE(I76, "one of platformIds, usernames, externalIds, leads required"));
    }
    return CAMP_OK;
}

static camp_status_t window_close(ictx_t *cx, const iframe_t *f)
{
    /* [derived] minute-of-day window: 0 <= start < end <= 1440 */
    const camp_day_window_t *d = (const camp_day_window_t *)f->a;
    if (d->start >= d->end) {
        camp_status_t st =
            camp_ib_hook_fail(cx, ib_op(cx) == OP_DECODE ? f->u.d.tok : -1, HF_WINDOW);
        camp_ib_fail_limits(cx, 0, 1440);
        return st;
    }
    return CAMP_OK;
}

#if !IB_HOOKS_DECODE
/* A webhook's event kind (validate): the one its type names. */
static camp_status_t webhook_close(ictx_t *cx, const iframe_t *f)
{
    const camp_inbox_webhook_t *a = (const camp_inbox_webhook_t *)f->a;
    bool legacy = (a->format == CAMP_INBOX_WEBHOOK_LEGACY);
    if (ib_op(cx) == OP_VALIDATE && camp_ib_event_of(&a->type, legacy) != a->event) {
        camp_path_key(&cx->u.s.path, legacy ? IB_NAME(rest, event) : IB_NAME(rest, type),
                      legacy ? 5 : 4);
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                               CAMP_RULE(I78, "event kind does not match the type"));
    }
    return CAMP_OK;
}
#endif

static camp_status_t campaign_family_close(ictx_t *cx, iframe_t *f)
{
    switch (f->node) {
    case N_CAMPAIGN: return campaign_close(cx, f);
    case N_SEG_VARIABLE: return seg_variable_close(cx, f);
    case N_WINDOW: return window_close(cx, f);
    default: return CAMP_OK;
    }
}

static camp_status_t leads_family_close(ictx_t *cx, iframe_t *f)
{
    if (f->node == N_LEADS_ADD) {
        return leads_add_close(cx, f);
    }
    if (f->node == N_LEAD && ib_op(cx) == OP_DECODE &&
        ((const camp_inbox_lead_t *)f->a)->by == CAMP_INBOX_BY_UNSET) {
        return camp_ib_fail_at(cx, f->u.d.tok, CAMP_ERR_REQUIRED,
                               CAMP_RULE(I75, "one of platformId, username, externalId required"));
    }
    return CAMP_OK;
}

#if IB_HOOKS_DECODE
/* Decode: the reply's one node (N_SUCCESS) closed. The struct walks have nothing to
 * check once its members are: their family has no close hook. */
static camp_status_t success_close(ictx_t *cx, iframe_t *f)
{
    camp_inbox_success_t *s = (camp_inbox_success_t *)f->a;
    (void)cx;
    s->is_true =
        (s->value.ptr != NULL && s->value.len == 4 && memcmp(s->value.ptr, "true", 4) == 0);
    return CAMP_OK;
}
#define IB_SUCCESS_CLOSE success_close
#else
#define IB_SUCCESS_CLOSE NULL
#endif

#if !IB_HOOKS_DECODE
static camp_status_t webhook_family_close(ictx_t *cx, iframe_t *f)
{
    switch (f->node) {
    case N_WH_V1:
    case N_WH_LEGACY:
    case N_WH_V2: return webhook_close(cx, f);
    default: return CAMP_OK;
    }
}
#endif

/* ---- nested members ---------------------------------------------------------------------------------------------------------------- */

/* Arrays of objects: count (decode: the array's size) and capacity (@p f: its
 * failure, HF_*_FULL). */
static camp_status_t array_of(ictx_t *cx, int v, size_t count, size_t cap, unsigned f,
                              size_t needed, isub_t *out)
{
    if (count > cap) {
        return camp_ib_hook_capacity(cx, v, f, ib_op(cx) == OP_DECODE ? needed : count);
    }
    out->kind = ISUB_ARR;
    out->n = (uint16_t)count;
    return CAMP_OK;
}

/* The k-th v2 list of one kind (synced: exclude false) in the rules' list pool. */
CAMP_NOINLINE static camp_inbox_list_t *nth_list(const camp_inbox_rules_t *r, bool exclude,
                                                 size_t k)
{
    size_t i;
    for (i = 0; i < r->list_count && i < CAMP_MAX_LISTS; i++) {
        if (r->lists[i].exclude == exclude && k-- == 0) {
            return (camp_inbox_list_t *)(uintptr_t)&r->lists[i];
        }
    }
    return NULL;
}

/* Struct walks: the lists of @p r that array @p sub holds: all of them for the
 * legacy `lists`, else the synced or the excluded ones. */
static IB_SHARED size_t lists_in(const camp_inbox_rules_t *r, unsigned sub)
{
    size_t i, n = 0;
    if (sub == SUB_LISTS) {
        return r->list_count;
    }
    for (i = 0; i < r->list_count && i < CAMP_MAX_LISTS; i++) {
        n += (r->lists[i].exclude == (sub == SUB_EXCLUDED)) ? 1u : 0u;
    }
    return n;
}

static camp_status_t lists_sub(ictx_t *cx, camp_inbox_rules_t *r, const camp_inbox_rules_t *rb,
                               int v, unsigned sub, isub_t *out)
{
    size_t n;
    out->a = r;
    other_is(cx, out, rb);
    out->node = (sub == SUB_LISTS) ? N_LEGACY_LIST : N_V2_LIST;
    if (ib_op(cx) == OP_DECODE) {
        int k = camp_ib_array_len(cx, v);
        if (k < 0) {
            return CAMP_ERR_TYPE;
        }
        n = (size_t)k;
        out->n = (uint16_t)n;
        if ((size_t)r->list_count + n > CAMP_MAX_LISTS) {
            /* needed: the legacy array's lists, or those of both v2 arrays */
            return (sub == SUB_LISTS) ? camp_ib_hook_capacity(cx, v, HF_LISTS_FULL, n)
                                      : pool_full(cx, v, HF_LISTS_FULL);
        }
        out->kind = ISUB_ARR;
        return CAMP_OK;
    }
    if (r->list_count > CAMP_MAX_LISTS || (rb != NULL && rb->list_count > CAMP_MAX_LISTS)) {
        return walk_capacity(cx, HF_LISTS_FULL, r->list_count);
    }
    n = lists_in(r, sub);
    if (ib_op(cx) == OP_EQUAL && (rb == NULL || n != lists_in(rb, sub))) {
        return NOT_EQUAL;
    }
    out->kind = ISUB_ARR;
    out->n = (uint16_t)n;
    return CAMP_OK;
}

static camp_status_t steps_sub(ictx_t *cx, camp_inbox_sequence_t *q,
                               const camp_inbox_sequence_t *qb, int v, isub_t *out)
{
    out->a = q;
    other_is(cx, out, qb);
    out->node = N_STEP;
    if (ib_op(cx) == OP_DECODE) {
        int n = camp_ib_array_len(cx, v);
        if (n < 0) {
            return CAMP_ERR_TYPE;
        }
        cx->u.d.steps_tok = v;
        return array_of(cx, v, (size_t)n, CAMP_MAX_STEPS, HF_STEPS_FULL, (size_t)n, out);
    }
    /* (unequal counts: walk_capacity() answers NOT_EQUAL to equality) */
    if (q->step_count > CAMP_MAX_STEPS ||
        (ib_op(cx) == OP_EQUAL && (qb == NULL || q->step_count != qb->step_count))) {
        return walk_capacity(cx, HF_STEPS_FULL, q->step_count);
    }
    if (ib_op(cx) == OP_VALIDATE &&
        (q->segment_count > CAMP_MAX_SEGMENTS || q->option_count > CAMP_MAX_VARIATION_OPTIONS)) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_CAPACITY,
                               CAMP_RULE(I80, "pool count above its capacity"));
    }
    out->kind = ISUB_ARR;
    out->n = q->step_count;
    return CAMP_OK;
}

static camp_status_t segments_sub(ictx_t *cx, camp_inbox_step_t *a, const camp_inbox_step_t *b,
                                  int v, isub_t *out)
{
    const camp_inbox_sequence_t *qb;
    camp_inbox_sequence_t *q = sequence_of(cx, &qb);
    out->a = a;
    other_is(cx, out, b);
    out->node = N_SEG_STATIC;
    if (q == NULL) {
        return camp_ib_hook_fail(cx, v, HF_SEGMENTS_OUTSIDE);
    }
    switch (ib_op(cx)) {
    case OP_DECODE: {
        int n = camp_ib_array_len(cx, v);
        if (n < 0) {
            return CAMP_ERR_TYPE;
        }
        if ((size_t)q->segment_count + (size_t)n > CAMP_MAX_SEGMENTS) {
            return pool_full(cx, v, HF_SEGMENTS_FULL);
        }
        /* its segment_count is 0: a step is cleared when its item starts, and a
         * second `segments` in one object is refused before this hook */
        a->first_segment = q->segment_count;
        out->n = (uint16_t)n;
        break;
    }
    case OP_EQUAL:
        if (b == NULL || qb == NULL || a->segment_count != b->segment_count ||
            (size_t)a->first_segment + a->segment_count > CAMP_MAX_SEGMENTS ||
            (size_t)b->first_segment + b->segment_count > CAMP_MAX_SEGMENTS) {
            return NOT_EQUAL;
        }
        out->n = a->segment_count;
        break;
    case OP_VALIDATE:
        if ((size_t)a->first_segment + a->segment_count > q->segment_count) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                                   CAMP_RULE(I83, "segment range outside the sequence's pool"));
        }
        out->n = a->segment_count;
        break;
    default: out->n = a->segment_count; break;
    }
    out->kind = ISUB_ARR;
    return CAMP_OK;
}

/* A step's `data`: by the step's type (D7: inferred from `data` when absent). */
static camp_status_t data_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v, isub_t *out)
{
    camp_inbox_step_t *a = (camp_inbox_step_t *)f->a;
    const camp_inbox_step_t *b = (const camp_inbox_step_t *)other_of(cx, f);
    (void)m;
    if (ib_op(cx) == OP_DECODE) {
        camp_status_t st = camp_ib_want_object(cx, v);
        if (st != CAMP_OK) {
            return st;
        }
        if (a->type == CAMP_INBOX_STEP_UNSET) {
            if (camp_json_member(cx->u.d.doc, v, IB_NAME(campaign, segments)) >= 0) {
                a->type = CAMP_INBOX_STEP_MESSAGE;
            } else if (camp_json_member(cx->u.d.doc, v, IB_NAME(campaign, delaySeconds)) >= 0) {
                a->type = CAMP_INBOX_STEP_DELAY;
            } else {
                return camp_ib_fail_member(
                    cx, f->u.d.tok, IB_NAME(campaign, type), CAMP_ERR_REQUIRED,
                    CAMP_RULE(I84, "required when data has neither segments nor delaySeconds"));
            }
        }
    }
    out->a = a;
    other_is(cx, out, b);
    switch (a->type) {
    case CAMP_INBOX_STEP_DELAY:
        out->kind = ISUB_OBJ;
        out->node = N_DELAY;
        return CAMP_OK;
    case CAMP_INBOX_STEP_LIKE_TWEET:
        /* The like-tweet data format is not documented: kept as raw JSON. */
        switch (ib_op(cx)) {
        case OP_DECODE:
            camp_json_raw(cx->u.d.doc, v, &a->raw_data.ptr, &a->raw_data.len);
            return CAMP_OK;
        case OP_VALIDATE:
            return camp_ib_raw_ok(cx, &a->raw_data, true)
                       ? CAMP_OK
                       : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID,
                                         CAMP_RULE(I41, "must be a JSON object"));
        case OP_ENCODE: camp_ib_emit(cx, EMIT_RAW, &a->raw_data); return CAMP_OK;
        default:
            return (b != NULL && camp_ib_str_eq(&a->raw_data, &b->raw_data)) ? CAMP_OK : NOT_EQUAL;
        }
    default:
        out->kind = ISUB_OBJ;
        out->node = N_MESSAGE;
        return CAMP_OK;
    }
}

/* ---- maps: scheduleHours (§3.5), customVariables (§3.8) ---------------------------------------------- */

static size_t days_with_window(const camp_week_windows_t *w)
{
    size_t d, n = 0;
    for (d = 0; d < 7; d++) {
        n += w->day[d].has_window ? 1u : 0u;
    }
    return n;
}

/* The k-th day that has a window (struct walks). */
static int nth_day(const camp_week_windows_t *w, size_t k)
{
    int d;
    for (d = 0; d < 7; d++) {
        if (w->day[d].has_window && k-- == 0) {
            return d;
        }
    }
    return -1;
}

static camp_status_t hours_sub(ictx_t *cx, camp_week_windows_t *a, const camp_week_windows_t *b,
                               int v, isub_t *out)
{
    out->kind = ISUB_MAP;
    out->node = N_WINDOW;
    out->a = a;
    other_is(cx, out, b);
    if (ib_op(cx) == OP_DECODE) {
        /* not an object: the engine refuses the map before it reads the count */
        out->n = (uint16_t)camp_json_size(cx->u.d.doc, v);
        return CAMP_OK;
    }
    out->n = (uint16_t)days_with_window(a);
    return (ib_op(cx) == OP_EQUAL && (b == NULL || days_with_window(b) != out->n)) ? NOT_EQUAL
                                                                                   : CAMP_OK;
}

/* A day of scheduleHours: keys are the day of week as a string, "0" Sunday .. "6"
 * Saturday; each day once. */
CAMP_NOINLINE static camp_status_t hours_item(ictx_t *cx, const iframe_t *f, uint16_t i, int key,
                                              void **a, const void **b)
{
    camp_week_windows_t *w = (camp_week_windows_t *)f->a;
    camp_str_t k;
    int d;
    if (ib_op(cx) == OP_DECODE) {
        camp_status_t st = camp_ib_get_str(cx, key, &k);
        if (st != CAMP_OK) {
            return st;
        }
        if (k.len != 1 || k.ptr[0] < '0' || k.ptr[0] > '6') {
            return camp_ib_hook_fail(cx, key + 1, HF_DAY_KEY);
        }
        d = k.ptr[0] - '0';
        if (w->day[d].has_window) {
            return camp_ib_hook_fail(cx, key + 1, HF_DAY_TWICE);
        }
        w->day[d].has_window = true;
        *a = &w->day[d];
        return CAMP_OK;
    }
    d = nth_day(w, i);
    if (d < 0) {
        return CAMP_OK; /* *a stays NULL: an internal error of the walk */
    }
    *a = &w->day[d];
    if (ib_op(cx) == OP_EQUAL) {
        const camp_week_windows_t *y = (const camp_week_windows_t *)f->u.s.b;
        if (y == NULL || nth_day(y, i) != d) {
            return NOT_EQUAL;
        }
        *b = &y->day[d];
        return CAMP_OK;
    }
    {
        char name = (char)('0' + d);
        if (ib_op(cx) == OP_ENCODE) {
            camp_str_t s = {&name, 1};
            camp_ib_emit(cx, EMIT_KEY, &s);
        } else {
            camp_path_key(&cx->u.s.path, &name, 1);
        }
    }
    return CAMP_OK;
}

static camp_status_t variables_sub(ictx_t *cx, camp_inbox_campaign_t *a,
                                   const camp_inbox_campaign_t *b, int v, isub_t *out)
{
    out->kind = ISUB_MAP;
    out->node = N_VARIABLE;
    out->a = a;
    other_is(cx, out, b);
    if (ib_op(cx) == OP_DECODE) {
        int n =
            camp_json_kind(cx->u.d.doc, v) == CAMP_JSON_OBJECT ? camp_json_size(cx->u.d.doc, v) : 0;
        if (n > CAMP_MAX_CUSTOM_VARIABLES) {
            return camp_ib_hook_capacity(cx, v, HF_VARIABLES_FULL, (size_t)n);
        }
        out->n = (uint16_t)n;
        return CAMP_OK;
    }
    /* (unequal counts: walk_capacity() answers NOT_EQUAL to equality) */
    if (a->variable_count > CAMP_MAX_CUSTOM_VARIABLES ||
        (ib_op(cx) == OP_EQUAL && (b == NULL || a->variable_count != b->variable_count))) {
        return walk_capacity(cx, HF_VARIABLES_FULL, a->variable_count);
    }
    out->n = a->variable_count;
    return CAMP_OK;
}

/* A custom variable: its name is the key (unique, not empty). */
CAMP_NOINLINE static camp_status_t variables_item(ictx_t *cx, const iframe_t *f, uint16_t i,
                                                  int key, void **a, const void **b)
{
    camp_inbox_campaign_t *c = (camp_inbox_campaign_t *)f->a;
    camp_inbox_variable_t *v = &c->variables[i];
    camp_status_t st = CAMP_OK;
    if (i >= CAMP_MAX_CUSTOM_VARIABLES) {
        return CAMP_OK; /* *a stays NULL */
    }
    switch (ib_op(cx)) {
    case OP_DECODE:
        memset(v, 0, sizeof *v);
        st = camp_ib_get_str(cx, key, &v->name);
        /* an empty name is never met twice: the first one ends the decoding */
        if (st == CAMP_OK &&
            (v->name.len == 0 || seen_before(&c->variables[0].name, sizeof *v, &v->name))) {
            st = camp_ib_hook_fail(cx, key + 1,
                                   (v->name.len == 0) ? HF_EMPTY_VARIABLE : HF_DUPLICATE);
        }
        c->variable_count = (uint16_t)(i + 1u);
        break;
    case OP_VALIDATE:
        camp_path_key(&cx->u.s.path, v->name.ptr != NULL ? v->name.ptr : "", v->name.len);
        st = camp_ib_check_key(cx, &v->name);
        if (st == CAMP_OK && v->name.len == 0) {
            st = camp_ib_hook_fail(cx, -1, HF_EMPTY_VARIABLE);
        }
        if (st == CAMP_OK && seen_before(&c->variables[0].name, sizeof *v, &v->name)) {
            st = duplicate_key(cx);
        }
        break;
    case OP_ENCODE: camp_ib_emit(cx, EMIT_KEY, &v->name); break;
    default: {
        const camp_inbox_campaign_t *y = (const camp_inbox_campaign_t *)f->u.s.b;
        if (y == NULL || !camp_ib_str_eq(&v->name, &y->variables[i].name)) {
            return NOT_EQUAL;
        }
        *b = &y->variables[i];
        break;
    }
    }
    *a = v;
    return st;
}

/* A campaign's automations (decode: the array @p v). */
static camp_status_t automations_sub(ictx_t *cx, camp_inbox_campaign_t *a,
                                     const camp_inbox_campaign_t *b, int v, isub_t *out)
{
    out->a = a;
    other_is(cx, out, b);
    out->node = N_AUTOMATION;
    if (ib_op(cx) == OP_DECODE) {
        int n = camp_ib_array_len(cx, v);
        if (n < 0) {
            return CAMP_ERR_TYPE;
        }
        return array_of(cx, v, (size_t)n, CAMP_MAX_AUTOMATIONS, HF_AUTOMATIONS_FULL, (size_t)n,
                        out);
    }
    /* (unequal counts: walk_capacity() answers NOT_EQUAL to equality) */
    if (a->automation_count > CAMP_MAX_AUTOMATIONS ||
        (ib_op(cx) == OP_EQUAL && (b == NULL || a->automation_count != b->automation_count))) {
        return walk_capacity(cx, HF_AUTOMATIONS_FULL, a->automation_count);
    }
    out->kind = ISUB_ARR;
    out->n = a->automation_count;
    return CAMP_OK;
}

static camp_status_t page_sub(ictx_t *cx, iframe_t *f, unsigned sub, int v, isub_t *out)
{
    camp_inbox_campaign_page_t *a = (camp_inbox_campaign_page_t *)f->a;
    const camp_inbox_campaign_page_t *b = (const camp_inbox_campaign_page_t *)other_of(cx, f);
    out->a = a;
    other_is(cx, out, b);
    if (sub == SUB_CAMPAIGNS) {
        out->node = N_CAMPAIGN;
        if (ib_op(cx) == OP_DECODE) {
            int n = camp_ib_array_len(cx, v);
            if (n < 0) {
                return CAMP_ERR_TYPE;
            }
            camp_status_t st =
                array_of(cx, v, (size_t)n, CAMP_MAX_PAGE_ITEMS, HF_PAGE_FULL, (size_t)n, out);
            a->count = (st == CAMP_OK) ? out->n : 0;
            return st;
        }
        /* (unequal pages: walk_capacity() answers NOT_EQUAL to equality) */
        if (a->count > CAMP_MAX_PAGE_ITEMS ||
            (ib_op(cx) == OP_EQUAL &&
             (b == NULL || a->count != b->count || a->has_next != b->has_next))) {
            return walk_capacity(cx, HF_PAGE_FULL, a->count);
        }
        out->kind = ISUB_ARR;
        out->n = a->count;
        return CAMP_OK;
    }
    /* nextCursor: null on the last page */
    if (ib_op(cx) == OP_DECODE) {
        a->has_next = true;
    } else if (!a->has_next) {
        if (ib_op(cx) == OP_ENCODE) {
            camp_ib_emit(cx, EMIT_NULL, NULL);
        }
        return CAMP_OK;
    }
    out->kind = ISUB_OBJ;
    out->node = N_CURSOR;
    return CAMP_OK;
}

/* The leads array decoded: 1..2000 objects, within the pool. */
static camp_status_t leads_decode(ictx_t *cx, int v, isub_t *out)
{
    int n;
    camp_status_t st = camp_ib_want_array(cx, v, &n);
    if (st != CAMP_OK) {
        return st;
    }
    if (n < LEADS_MIN || n > LEADS_MAX) {
        return camp_ib_bad_count(cx, v);
    }
    return array_of(cx, v, (size_t)n, CAMP_MAX_LEAD_OBJECTS, HF_LEADS_FULL, (size_t)n, out);
}

static camp_status_t leads_sub(ictx_t *cx, iframe_t *f, int v, isub_t *out)
{
    camp_inbox_leads_add_t *a = (camp_inbox_leads_add_t *)f->a;
    const camp_inbox_leads_add_t *b = (const camp_inbox_leads_add_t *)other_of(cx, f);
    out->a = a;
    other_is(cx, out, b);
    out->node = N_LEAD;
    if (ib_op(cx) == OP_DECODE) {
        return leads_decode(cx, v, out);
    }
    if (ib_op(cx) == OP_VALIDATE && (a->lead_count < LEADS_MIN || a->lead_count > LEADS_MAX)) {
        return camp_ib_bad_count(cx, -1);
    }
    if (a->lead_count > CAMP_MAX_LEAD_OBJECTS ||
        (ib_op(cx) == OP_EQUAL && (b == NULL || a->lead_count != b->lead_count))) {
        return walk_capacity(cx, HF_LEADS_FULL, a->lead_count);
    }
    out->kind = ISUB_ARR;
    out->n = a->lead_count;
    return CAMP_OK;
}

/* A webhook payload part: an object at the webhook (or its prospect / campaign). */
static camp_status_t webhook_part(ictx_t *cx, const ifield_t *m, isub_t *out)
{
    const camp_inbox_webhook_t *b;
    camp_inbox_webhook_t *a = webhook_of(cx, &b);
    out->kind = ISUB_OBJ;
    switch (m->rule) {
    case SUB_WH_CAMPAIGN:
        out->node = (a->format == CAMP_INBOX_WEBHOOK_LEGACY) ? N_REF : N_SUMMARY;
        out->a = &a->campaign;
        other_is(cx, out, b != NULL ? &b->campaign : NULL);
        if (ib_op(cx) == OP_DECODE) {
            a->has_campaign = true;
            cx->shape =
                (a->format == CAMP_INBOX_WEBHOOK_LEGACY) ? SHAPE_REF : CAMP_INBOX_SHAPE_SUMMARY;
        }
        return CAMP_OK;
    case SUB_WH_OBJECT: out->node = N_WH_OBJECT; break;
    default:
        out->node = (uint8_t)m->off; /* the part's node */
        break;
    }
    if (out->node == N_PROSPECT) {
        out->a = &a->prospect;
        other_is(cx, out, b != NULL ? &b->prospect : NULL);
    } else {
        out->a = a;
        other_is(cx, out, b);
    }
    return CAMP_OK;
}

/* One switch over the family's subs; @p a and @p b are read as a campaign's, which
 * only the campaign's own members (f a campaign level) use. */
static camp_status_t campaign_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                         isub_t *out)
{
    camp_inbox_campaign_t *a = (camp_inbox_campaign_t *)f->a;
    const camp_inbox_campaign_t *b = (const camp_inbox_campaign_t *)other_of(cx, f);
    switch (m->rule) {
    case SUB_HOURS:
        return hours_sub(cx, &a->schedule_hours, b != NULL ? &b->schedule_hours : NULL, v, out);
    case SUB_RULES:
        out->kind = ISUB_OBJ;
        out->node = N_RULES;
        out->a = &a->rules;
        other_is(cx, out, b != NULL ? &b->rules : NULL);
        return CAMP_OK;
    case SUB_SEQUENCE:
        out->kind = ISUB_OBJ;
        out->node = N_SEQUENCE;
        out->a = &a->sequence;
        other_is(cx, out, b != NULL ? &b->sequence : NULL);
        return CAMP_OK;
    case SUB_STEPS: {
        /* a sequence's, or the legacy campaign's bare array of its sequence's steps */
        bool legacy = (f->node == N_CAMPAIGN);
        camp_inbox_sequence_t *q = legacy ? &a->sequence : (camp_inbox_sequence_t *)f->a;
        const camp_inbox_sequence_t *qb = (const camp_inbox_sequence_t *)other_of(cx, f);
        if (legacy && b != NULL) {
            qb = &b->sequence;
        }
        return steps_sub(cx, q, qb, v, out);
    }
    case SUB_VARIABLES: return variables_sub(cx, a, b, v, out);
    case SUB_AUTOMATIONS: return automations_sub(cx, a, b, v, out);
    case SUB_LISTS: /* legacy: the campaign's rules hold its lists */
    case SUB_SYNCED:
    case SUB_EXCLUDED: {
        camp_inbox_rules_t *r = (m->rule == SUB_LISTS) ? &a->rules : (camp_inbox_rules_t *)f->a;
        const camp_inbox_rules_t *rb = (const camp_inbox_rules_t *)other_of(cx, f);
        if (m->rule == SUB_LISTS && b != NULL) {
            rb = &b->rules;
        }
        return lists_sub(cx, r, rb, v, m->rule, out);
    }
    case SUB_MAPPING: return mapping_op(cx, f, m, v, out);
    case SUB_ACTION_DATA:
        out->kind = ISUB_OBJ;
        out->node = N_ACTION_DATA;
        out->a = f->a;
        other_is(cx, out, other_of(cx, f));
        return CAMP_OK;
    case SUB_DATA: return data_sub(cx, f, m, v, out);
    case SUB_SEGMENTS:
        return segments_sub(cx, (camp_inbox_step_t *)f->a,
                            (const camp_inbox_step_t *)other_of(cx, f), v, out);
    default: return options_op(cx, f, v); /* SUB_OPTIONS: the family's tables name no other */
    }
}

static camp_status_t page_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v, isub_t *out)
{
    if (m->rule == SUB_CAMPAIGNS || m->rule == SUB_CURSOR) {
        return page_sub(cx, f, m->rule, v, out);
    }
    return campaign_family_sub(cx, f, m, v, out);
}

static camp_status_t rules_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                      isub_t *out)
{
    switch (m->rule) {
    case SUB_CREATE_RULES:
        out->kind = ISUB_OBJ;
        out->node = N_RULES_UPDATE;
        out->a = &((camp_inbox_campaign_create_t *)f->a)->rules;
        other_is(cx, out,
                 (ib_op(cx) == OP_EQUAL) ? &((const camp_inbox_campaign_create_t *)f->u.s.b)->rules
                                         : NULL);
        return CAMP_OK;
    case SUB_COLUMN_MAPPINGS:
        return column_mappings_op(cx, (camp_inbox_rules_update_t *)f->a,
                                  (const camp_inbox_rules_update_t *)other_of(cx, f), v);
    default:
        return camp_ib_fail_at(cx, v, CAMP_ERR_INTERNAL,
                               CAMP_RULE(I45, "nested member in a flat object"));
    }
}

static camp_status_t leads_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                      isub_t *out)
{
    /* the family's tables name no K_SUB or K_HOOK member but these five subs, so
     * none is tested for another; a lead's identifier first, met once a lead */
    if (m->rule == SUB_LEAD_ID) {
        return lead_id_op(cx, f, m, v);
    }
    if (m->rule == SUB_LEADS) {
        return leads_sub(cx, f, v, out);
    }
    return ids_op(cx, f, m, v, out); /* SUB_PLATFORM_IDS, SUB_USERNAMES, SUB_EXTERNAL_IDS */
}

/* The family's one K_SUB member, `error` of the nested form (SUB_ERROR): its
 * tables have no other K_SUB or K_HOOK member, so the hook needs no test of m. */
static camp_status_t error_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                      isub_t *out)
{
    (void)m;
    (void)v;
    out->kind = ISUB_OBJ;
    out->node = N_ERROR_INNER;
    out->a = f->a;
    other_is(cx, out, other_of(cx, f));
    return CAMP_OK;
}

static camp_status_t webhook_family_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v,
                                        isub_t *out)
{
    return (m->rule == SUB_WH_DATA) ? webhook_data(cx, f, v, out) : webhook_part(cx, m, out);
}

#if !IB_HOOKS_DECODE
/* Struct walks: a nested member with no presence bit is there when its content
 * says so (optional webhook parts, the lead's one identifier). */
static bool webhook_present(const ictx_t *cx, const ifield_t *m, const void *base)
{
    (void)cx;
    switch (m->rule) {
    case SUB_WH_TEAM: return ((const camp_inbox_webhook_t *)base)->team_id.ptr != NULL;
    case SUB_WH_ACCOUNT_LINK:
        return ((const camp_inbox_webhook_t *)base)->account_link_id.ptr != NULL;
    default: return true;
    }
}
#endif

#if !IB_HOOKS_DECODE
/* The lead's identifier members share one hook: the one `by` names is there. */
static bool lead_present(const ictx_t *cx, const ifield_t *m, const void *base)
{
    (void)cx;
    return m->rule != SUB_LEAD_ID ||
           ((const camp_inbox_lead_t *)base)->by == (uint8_t)(m - camp_ib_lead_fields + 1);
}
#endif

/* ---- array items --------------------------------------------------------------------------------------------------------------- */

/* Decoding clears each pool element as it is reached (pools are not cleared whole:
 * elements past a count may keep earlier contents, as the API says). */
static void *fresh(const ictx_t *cx, void *p, size_t n)
{
    if (ib_op(cx) == OP_DECODE) {
        memset(p, 0, n);
    }
    return p;
}

#if IB_HOOKS_DECODE
void camp_ib_clear_campaign(camp_inbox_campaign_t *c)
{
    memset(c, 0, offsetof(camp_inbox_campaign_t, account_link_ids));
    memset(&c->rules, 0, offsetof(camp_inbox_rules_t, lists));
    memset(&c->sequence, 0, offsetof(camp_inbox_sequence_t, steps));
}
#endif

/* A lead of an add-leads body (decode clears it first: the pool is not cleared whole). */
static camp_status_t leads_item(const ictx_t *cx, const iframe_t *f, uint16_t i, void **a,
                                const void **b)
{
    camp_inbox_leads_add_t *l = (camp_inbox_leads_add_t *)f->a;
    if (i < CAMP_MAX_LEAD_OBJECTS) {
        if (ib_op(cx) == OP_DECODE) {
            memset(&l->leads[i], 0, sizeof l->leads[i]);
        }
        *a = &l->leads[i];
        if (ib_op(cx) == OP_EQUAL) {
            *b = &((const camp_inbox_leads_add_t *)f->u.s.b)->leads[i];
        }
    }
    return CAMP_OK;
}

/* A step's segment i, in the sequence's segment pool (decode: the next free one). */
static camp_status_t segments_item(ictx_t *cx, const iframe_t *f, uint16_t i, void **a,
                                   const void **b)
{
    const camp_inbox_sequence_t *qb;
    camp_inbox_sequence_t *q = sequence_of(cx, &qb);
    const camp_inbox_step_t *s = (const camp_inbox_step_t *)f->a;
    size_t k = (ib_op(cx) == OP_DECODE) ? (size_t)(q != NULL ? q->segment_count : 0u)
                                        : (size_t)s->first_segment + i;
    if (q != NULL && k < CAMP_MAX_SEGMENTS) {
        *a = fresh(cx, &q->segments[k], sizeof q->segments[k]);
        if (ib_op(cx) == OP_EQUAL && qb != NULL) {
            size_t kb = (size_t)((const camp_inbox_step_t *)f->u.s.b)->first_segment + i;
            *b = kb < CAMP_MAX_SEGMENTS ? &qb->segments[kb] : NULL;
        }
    }
    return CAMP_OK;
}

/* A list of the rules' pool: synced or excluded (the n-th of that kind) or a plain list. */
static camp_status_t lists_item(const ictx_t *cx, const iframe_t *f, uint16_t i, void **a,
                                const void **b)
{
    bool eq = (ib_op(cx) == OP_EQUAL);
    camp_inbox_rules_t *r = (camp_inbox_rules_t *)f->a;
    if (ib_op(cx) == OP_DECODE) {
        if (r->list_count < CAMP_MAX_LISTS) {
            *a = fresh(cx, &r->lists[r->list_count], sizeof r->lists[r->list_count]);
        }
    } else if (f->k.arr.sub == SUB_LISTS) {
        if (i < CAMP_MAX_LISTS) {
            *a = &r->lists[i];
            if (eq) {
                *b = &((const camp_inbox_rules_t *)f->u.s.b)->lists[i];
            }
        }
    } else {
        *a = nth_list(r, f->k.arr.sub == SUB_EXCLUDED, i);
        if (eq) {
            *b = nth_list((const camp_inbox_rules_t *)f->u.s.b, f->k.arr.sub == SUB_EXCLUDED, i);
        }
    }
    if (eq && *b == NULL) {
        *a = NULL;
    }
    return CAMP_OK;
}

static camp_status_t campaign_family_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok,
                                          void **a, const void **b)
{
    bool eq = (ib_op(cx) == OP_EQUAL);
    switch (f->k.arr.sub) {
    case SUB_HOURS: return hours_item(cx, f, i, tok, a, b);
    case SUB_VARIABLES: return variables_item(cx, f, i, tok, a, b);
    case SUB_AUTOMATIONS: {
        camp_inbox_campaign_t *c = (camp_inbox_campaign_t *)f->a;
        if (i < CAMP_MAX_AUTOMATIONS) {
            *a = fresh(cx, &c->automations[i], sizeof c->automations[i]);
            if (eq) {
                *b = &((const camp_inbox_campaign_t *)f->u.s.b)->automations[i];
            }
        }
        return CAMP_OK;
    }
    case SUB_STEPS: {
        camp_inbox_sequence_t *q = (camp_inbox_sequence_t *)f->a;
        if (i < CAMP_MAX_STEPS) {
            *a = fresh(cx, &q->steps[i], sizeof q->steps[i]);
            if (eq) {
                *b = &((const camp_inbox_sequence_t *)f->u.s.b)->steps[i];
            }
        }
        return CAMP_OK;
    }
    case SUB_SEGMENTS: return segments_item(cx, f, i, a, b);
    default: return lists_item(cx, f, i, a, b); /* SUB_SYNCED, SUB_EXCLUDED, SUB_LISTS */
    }
}

static camp_status_t page_family_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                                      const void **b)
{
    camp_inbox_campaign_page_t *p = (camp_inbox_campaign_page_t *)f->a;
    if (f->k.arr.sub != SUB_CAMPAIGNS) {
        return campaign_family_item(cx, f, i, tok, a, b);
    }
    if (i < CAMP_MAX_PAGE_ITEMS) {
        if (ib_op(cx) == OP_DECODE) {
            camp_ib_clear_campaign(&p->items[i]);
        }
        *a = &p->items[i];
        if (ib_op(cx) == OP_EQUAL) {
            *b = &((const camp_inbox_campaign_page_t *)f->u.s.b)->items[i];
        }
    }
    return CAMP_OK;
}

static camp_status_t leads_family_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                                       const void **b)
{
    (void)tok;
    return leads_item(cx, f, i, a, b);
}

#if IB_HOOKS_DECODE
static void campaign_family_item_done(ictx_t *cx, iframe_t *f, uint16_t i)
{
    (void)i;
    switch (f->k.arr.sub) {
    case SUB_AUTOMATIONS: ((camp_inbox_campaign_t *)f->a)->automation_count++; return;
    case SUB_STEPS: ((camp_inbox_sequence_t *)f->a)->step_count++; return;
    case SUB_SEGMENTS: {
        const camp_inbox_sequence_t *qb;
        camp_inbox_sequence_t *q = sequence_of(cx, &qb);
        if (q != NULL) {
            q->segment_count++;
        }
        ((camp_inbox_step_t *)f->a)->segment_count++;
        return;
    }
    case SUB_SYNCED:
    case SUB_EXCLUDED:
    case SUB_LISTS: {
        camp_inbox_rules_t *r = (camp_inbox_rules_t *)f->a;
        if (f->k.arr.sub == SUB_EXCLUDED) { /* the others stay as cleared: not excluded */
            r->lists[r->list_count].exclude = true;
        }
        r->list_count++;
        return;
    }
    default: return;
    }
}
#endif

#if IB_HOOKS_DECODE
static void leads_family_item_done(ictx_t *cx, iframe_t *f, uint16_t i)
{
    (void)cx;
    (void)i;
    ((camp_inbox_leads_add_t *)f->a)->lead_count++; /* the one array of the family */
}
#endif

/* ---- the families ------------------------------------------------------------------------------------------------------------------- */

/* A family's nodes, the key pool its tables name (P: `campaign`, `reply` or `rest`, the
 * IB_POOL of their group in inbox_schema.c; with one pool the family needs none of
 * its own) and its first node id. The flat documents' tables are all in `rest`. */
#if IB_ONE_KEY_POOL
#define FAMILY_KEYS(P)
#else
#define FAMILY_KEYS(P) (const char *)(const void *)&camp_ib_##P##_keys,
#endif
#define FAMILY(NODES, P, FIRST)                                                                    \
    (NODES), FAMILY_KEYS(P)(FIRST), (uint8_t)(sizeof(NODES) / sizeof((NODES)[0]))
#define FLAT(NODE_ID, NODE_OBJ)                                                                    \
    &(NODE_OBJ), FAMILY_KEYS(rest)(NODE_ID), 1, NULL, NULL, NULL, NULL, NULL, NULL

#if IB_HOOKS_DECODE
const ifamily_t camp_ib_campaign_family = {FAMILY(camp_ib_campaign_nodes, campaign, N_CAMPAIGN),
                                           campaign_family_open,
                                           campaign_family_close,
                                           campaign_family_sub,
                                           campaign_family_item,
                                           campaign_family_item_done,
                                           NULL};
const ifamily_t camp_ib_page_family = {FAMILY(camp_ib_page_nodes, campaign, N_CAMPAIGN),
                                       campaign_family_open,
                                       campaign_family_close,
                                       page_family_sub,
                                       page_family_item,
                                       campaign_family_item_done,
                                       NULL};
/* (decoding has nothing to do when a lead opens or a webhook closes: those hooks
 * check the structs the walks are given) */
const ifamily_t camp_ib_leads_family = {FAMILY(camp_ib_leads_nodes, rest, N_LEADS_ADD),
                                        NULL,
                                        leads_family_close,
                                        leads_family_sub,
                                        leads_family_item,
                                        leads_family_item_done,
                                        NULL};
const ifamily_t camp_ib_webhook_family = {FAMILY(camp_ib_webhook_nodes, rest, N_WEBHOOK),
                                          webhook_family_open,
                                          NULL,
                                          webhook_family_sub,
                                          NULL,
                                          NULL,
                                          NULL};
#else
const ifamily_t camp_ib_campaign_walk_family = {
    FAMILY(camp_ib_campaign_nodes, campaign, N_CAMPAIGN),
    campaign_family_open,
    campaign_family_close,
    campaign_family_sub,
    campaign_family_item,
    NULL,
    NULL};
const ifamily_t camp_ib_page_walk_family = {FAMILY(camp_ib_page_nodes, campaign, N_CAMPAIGN),
                                            campaign_family_open,
                                            campaign_family_close,
                                            page_family_sub,
                                            page_family_item,
                                            NULL,
                                            NULL};
const ifamily_t camp_ib_leads_walk_family = {FAMILY(camp_ib_leads_nodes, rest, N_LEADS_ADD),
                                             leads_family_open,
                                             leads_family_close,
                                             leads_family_sub,
                                             leads_family_item,
                                             NULL,
                                             lead_present};
const ifamily_t camp_ib_webhook_walk_family = {FAMILY(camp_ib_webhook_nodes, rest, N_WEBHOOK),
                                               webhook_family_open,
                                               webhook_family_close,
                                               webhook_family_sub,
                                               NULL,
                                               NULL,
                                               webhook_present};
#endif
/* the same members in both variants: each names its own variant's hooks */
const ifamily_t IB_RULES_FAMILY = {
    FAMILY(camp_ib_rules_nodes, rest, N_CREATE), NULL, NULL, rules_family_sub, NULL, NULL, NULL};
const ifamily_t IB_ERROR_FAMILY = {FAMILY(camp_ib_error_nodes, reply, N_ERROR),
                                   error_family_open,
                                   NULL,
                                   error_family_sub,
                                   NULL,
                                   NULL,
                                   NULL};
const ifamily_t IB_SUCCESS_FAMILY = {&camp_ib_success_node,
                                     FAMILY_KEYS(reply) N_SUCCESS,
                                     1,
                                     NULL,
                                     IB_SUCCESS_CLOSE,
                                     NULL,
                                     NULL,
                                     NULL,
                                     NULL};

/* From here to the end: in the decoding build only. The flat documents have no
 * hooks (the struct walks use these families too); the event-feed page is decoded. */
#if IB_HOOKS_DECODE
const ifamily_t camp_ib_leads_add_result_family = {
    FLAT(N_LEADS_ADD_RESULT, camp_ib_leads_add_result_node)};
const ifamily_t camp_ib_lead_update_family = {FLAT(N_LEAD_UPDATE, camp_ib_lead_update_node)};
const ifamily_t camp_ib_lead_cancel_family = {FLAT(N_LEAD_CANCEL, camp_ib_lead_cancel_node)};
const ifamily_t camp_ib_column_update_family = {FLAT(N_COLUMN_UPDATE, camp_ib_column_update_node)};
const ifamily_t camp_ib_column_family = {FLAT(N_COLUMN, camp_ib_column_node)};
const ifamily_t camp_ib_team_family = {FLAT(N_TEAM, camp_ib_team_node)};
const ifamily_t camp_ib_events_page_family = {FLAT(N_EVENTS_PAGE, camp_ib_events_page_node)};

/* ---- event feed page (§8.5) ---------------------------------------------------------------------------------------------------- */

/* `{events, hasMore, lastSeq}`, all three required; `lastSeq` is null on an empty
 * page. The events themselves are decoded one by one by camp_inbox_events_next(). */
/* The page's `events` and `lastSeq` after its flat members. Out of line, reached by
 * a tail call: its frame is not under the member walk's. */
CAMP_NOINLINE static camp_status_t events_page_rest(ictx_t *cx, camp_inbox_events_page_t *a,
                                                    int tok)
{
    int events, last, n;
    int64_t seq;
    camp_status_t st;
    events = camp_json_member(cx->u.d.doc, tok, "events");
    if (events < 0) {
        return missing(cx, tok, "events");
    }
    st = camp_ib_want_array(cx, events, &n);
    if (st != CAMP_OK) {
        return st;
    }
    if (n > UINT16_MAX) {
        return camp_ib_fail_capacity(
            cx, events, CAMP_RULE(I93, "more than 65535 events in one page"), (size_t)n);
    }
    last = camp_json_member(cx->u.d.doc, tok, "lastSeq");
    if (last < 0) {
        return missing(cx, tok, "lastSeq");
    }
    a->last_seq = -1;
    if (!camp_json_is_null(cx->u.d.doc, last)) {
        st = camp_json_get_int(cx->u.d.doc, last, 0, CAMP_MAX_SAFE_INT, &seq);
        if (st != CAMP_OK) {
            st = camp_ib_fail_at(
                cx, last, st == CAMP_ERR_JSON_TYPE ? CAMP_ERR_TYPE : CAMP_ERR_RANGE,
                CAMP_RULE(I94, "must be an integer in 0..9007199254740991 or null"));
            camp_ib_fail_limits(cx, 0, CAMP_MAX_SAFE_INT);
            return st;
        }
        a->last_seq = seq;
    }
    a->count = (uint16_t)n;
    a->next = 0;
    a->next_tok = camp_json_first(cx->u.d.doc, events);
    return CAMP_OK;
}

camp_status_t camp_ib_events_page_op(ictx_t *cx, camp_inbox_events_page_t *a, int tok)
{
    camp_status_t st = camp_ib_decode_flat(cx, N_EVENTS_PAGE, a, tok);
    if (st != CAMP_OK) {
        return st;
    }
    return events_page_rest(cx, a, tok);
}
#endif /* IB_HOOKS_DECODE */
