/*
 * outbox_hooks.c - the Outbox family's hooks for the model engine: each member's
 * value read and checked (decode), checked (validate) or written (encode) as its
 * row describes it (outbox_internal.h), and the object lists' items. The walk
 * itself, the member lookup, the required members, the presence bits and the
 * paths are the engine's (lib/inbox/inbox_engine.c).
 *
 * Decoding and the struct walks have hooks of their own (camp_ob_family,
 * camp_ob_walk_family), so a program that only decodes links none of the
 * checking of structs or the writing, and the other way round.
 */
#include <string.h>

#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"
#include "json/json_token.h"
#include "outbox/outbox_internal.h"
#include "status/status_internal.h"
#include "validate/validate_internal.h"

/* Enum members are accessed through memcpy at their real width: 4 bytes on
 * most ABIs, 1 where enums are short (arm-none-eabi's default). The three
 * enums share one width, which must be 1, 2 or sizeof(int). */
#define OB_ENUM_SIZE sizeof(camp_outbox_campaign_status_t)
typedef char ob_enum_width_1[(sizeof(camp_outbox_verification_mode_t) == OB_ENUM_SIZE) ? 1 : -1];
typedef char ob_enum_width_2[(sizeof(camp_outbox_sender_status_t) == OB_ENUM_SIZE) ? 1 : -1];
typedef char ob_enum_width_3[(OB_ENUM_SIZE == 1 || OB_ENUM_SIZE == 2 || OB_ENUM_SIZE == sizeof(int))
                                 ? 1
                                 : -1];

#define RULE_STRING CAMP_RULE(O01, "must be a string")
#define RULE_STRING_OR_NULL CAMP_RULE(O02, "must be a string or null")
#define RULE_NUL CAMP_RULE(O03, "must not contain \\u0000")
#define RULE_UTF8 CAMP_RULE(O04, "must be valid UTF-8")
#define RULE_BOOL CAMP_RULE(O05, "must be a boolean")
#define RULE_INT CAMP_RULE(O06, "must be an integer")
#define RULE_ARRAY CAMP_RULE(O07, "must be an array")
#define RULE_CAPACITY CAMP_RULE(O10, "more items than the compile-time capacity (CAMP_MAX_*)")
#define RULE_COUNTER CAMP_RULE(O11, "must be a string of decimal digits")
#define RULE_COUNTER_RANGE CAMP_RULE(O12, "must be a digit string in 0..9223372036854775807")
#define RULE_RAW CAMP_RULE(O13, "must be one well-formed JSON value")
#define RULE_KIND CAMP_RULE(O17, "unexpected field kind")

/* ---- small helpers -------------------------------------------------------------- */

/* The limit helpers are called from many places: out of line where size is wanted,
 * inline where speed is (json_token.h, CAMP_ENGINE_FAST_PATHS). */
#if CAMP_ENGINE_FAST_PATHS
#define OB_LIMITS_CALL
#else
#define OB_LIMITS_CALL CAMP_NOINLINE
#endif

/* Member @p m's limits: min (0 or 1) and max (< 0: none). */
static int64_t lim_min(const ifield_t *m)
{
    return (int64_t)((OB_MIN_ONE >> ob_var(m)) & 1u);
}

OB_LIMITS_CALL static int64_t lim_max(const ifield_t *m)
{
#if CAMP_ENGINE_FAST_PATHS
    return camp_ob_max[ob_var(m)];
#else
    ob_max_t max = camp_ob_max[ob_var(m)];
    if (max >= OB_MAX_NONE) {
        return (int64_t)max;
    }
    return (max == OB_MAX_ANY) ? INT64_MAX : CAMP_MAX_SAFE_INT;
#endif
}

/* Whether member @p m's limits need checking. 0..no limit (OB_V_TEXT.. OB_V_DATETIME) passes any
 * count: where speed is wanted the strings without limits (most of them) skip the
 * count and the check; where size is, one check runs for all. */
static bool limited(const ifield_t *m)
{
    return !CAMP_ENGINE_FAST_PATHS || ob_var(m) > OB_V_DATETIME;
}

/* Whether @p v breaks member @p m's limits. */
OB_LIMITS_CALL static bool outside(const ifield_t *m, int64_t v)
{
    int64_t max = lim_max(m);
    return v < lim_min(m) || (max >= 0 && v > max);
}

static const char *rule_of(const ifield_t *m)
{
    return camp_ob_rules[ob_var(m)];
}

/* The limits of member @p m into the failure's diag. */
static void fail_limits(ictx_t *cx, const ifield_t *m)
{
    camp_ib_fail_limits(cx, lim_min(m), lim_max(m));
}

/* String lists share one layout (outbox_models.c checks it). */
#define OB_LIST_COUNT offsetof(camp_outbox_uuid_list_t, count)
#define OB_LIST_ITEMS offsetof(camp_outbox_uuid_list_t, items)

static int get_enum(const void *p)
{
    if (OB_ENUM_SIZE == 1) {
        uint8_t v8;
        (void)memcpy(&v8, p, 1);
        return (int)v8;
    }
    if (OB_ENUM_SIZE == 2) {
        uint16_t v16;
        (void)memcpy(&v16, p, 2);
        return (int)v16;
    }
    {
        int v;
        (void)memcpy(&v, p, sizeof v);
        return v;
    }
}

/* Enum values are small and non-negative (table indexes), so they fit any width. */
static void set_enum(void *p, int v)
{
    if (OB_ENUM_SIZE == 1) {
        uint8_t v8 = (uint8_t)v;
        (void)memcpy(p, &v8, 1);
    } else if (OB_ENUM_SIZE == 2) {
        uint16_t v16 = (uint16_t)v;
        (void)memcpy(p, &v16, 2);
    } else {
        (void)memcpy(p, &v, sizeof v);
    }
}

/* The kinds held in a camp_str_t and checked as text (OB_UUID.. OB_TIMEZONE). */
static bool is_string_kind(uint8_t kind)
{
    return kind >= (uint8_t)OB_UUID && kind <= (uint8_t)OB_TIMEZONE;
}

/* The object list whose items are of node @p node. */
static const ob_list_t *list_of_items(unsigned node)
{
    return (node == (unsigned)N_OB_STEP) ? &camp_ob_lists[OB_I_STEPS]
                                         : &camp_ob_lists[OB_I_RESULTS];
}

/* Where member @p m is in the struct @p base (decode). */
static char *member_at(void *base, const ifield_t *m)
{
    return (char *)base + m->off;
}

/* The count of object list @p list in its parent @p parent. */
static size_t *list_count(void *parent, const ob_list_t *list)
{
    return (size_t *)(void *)((char *)parent + list->count_offset);
}

/* ---- the value rules ------------------------------------------------------------------ */

/* A string the caller built: no NUL and valid UTF-8 (the status and *rule), then
 * *chars its length in characters. */
static camp_status_t caller_text(const char *s, size_t len, int64_t *chars, const char **rule)
{
    long n;
    if (len > 0u && memchr(s, '\0', len) != NULL) {
        *rule = RULE_NUL;
        return CAMP_ERR_INVALID;
    }
    n = camp_utf8_chars(s, len);
    if (n < 0) {
        *rule = RULE_UTF8;
        return CAMP_ERR_PATTERN;
    }
    *chars = (int64_t)n;
    return CAMP_OK;
}

/* The rule a string member of kind @p kind breaks when its length is out of its
 * limits: the zone names' and e-mails' own texts, else its member's rule @p own. */
static const char *length_text(uint8_t kind, const char *own)
{
    if (kind == (uint8_t)OB_TIMEZONE) {
        return CAMP_RULE(O16, "must be at most 64 characters");
    }
    if (kind == (uint8_t)OB_EMAIL || kind == (uint8_t)OB_EMAIL_OR_EMPTY) {
        return CAMP_RULE(O15, "must be 1..255 characters");
    }
    return own;
}

/* Rules of the string kinds, on (pointer, length): the status and *rule. Every
 * kind has its member's min..max length rule (none for UUIDs and date-times),
 * checked before the kind's own; a LENGTH failure reports that pair (e-mail
 * members are 1..max, time zones 0..max). @p decoded: from a checked document
 * (valid UTF-8, no NUL). */
static camp_status_t check_string(const ifield_t *m, const char *s, size_t len, const char **rule,
                                  bool decoded)
{
    int64_t chars = 0;

    if (!decoded) {
        camp_status_t st = caller_text(s, len, &chars, rule);
        if (st != CAMP_OK) {
            return st;
        }
    } else if (limited(m)) {
        chars = camp_utf8_chars_within(s, len, lim_min(m), lim_max(m));
    } else {
        /* a checked document's string: nothing to count */
    }
    *rule = rule_of(m);
    /* only e-mail members may take "" (outbox_models.c) */
    if (len == 0u && ob_kind(m) == (uint8_t)OB_EMAIL_OR_EMPTY) {
        return CAMP_OK;
    }
    if (limited(m) && outside(m, chars)) {
        /* Length first: a 65-character zone name breaks the documented max length,
         * whatever the zone table says (spec/outbox.md §6). */
        *rule = length_text(ob_kind(m), *rule);
        return CAMP_ERR_LENGTH;
    }
    switch (ob_kind(m)) {
    case OB_UUID: return camp_valid_uuid(s, len) ? CAMP_OK : CAMP_ERR_PATTERN;
    case OB_TEXT: return CAMP_OK;
    case OB_DATETIME: return camp_datetime_parse(s, len, NULL) == CAMP_OK ? CAMP_OK : CAMP_ERR_DATE;
    case OB_EMAIL:
    case OB_EMAIL_OR_EMPTY: return camp_valid_email(s, len) ? CAMP_OK : CAMP_ERR_PATTERN;
    default: /* OB_TIMEZONE: only the string kinds get here (is_string_kind(), the items') */
        return camp_valid_tz_name(s, len) ? CAMP_OK : CAMP_ERR_TIMEZONE;
    }
}

/* A string rule's failure at token @p v (decode) or at the walk's path (-1). */
static camp_status_t string_failure(ictx_t *cx, const ifield_t *m, int v, camp_status_t st,
                                    const char *rule)
{
    camp_status_t reported = camp_ib_fail_at(cx, v, st, rule);
    if (reported == CAMP_ERR_LENGTH) {
        fail_limits(cx, m);
    }
    return reported;
}

/* A list longer than its capacity (member @p m's limits are 0..capacity), at token
 * @p v (decode) or at the walk's path (-1). */
static camp_status_t over_capacity(ictx_t *cx, const ifield_t *m, int v, size_t needed)
{
    camp_status_t st = camp_ib_fail_capacity(cx, v, RULE_CAPACITY, needed);
    fail_limits(cx, m);
    return st;
}

/* Object list @p list of the struct @p a, with @p count items within its capacity
 * (decode: the array's size; struct walks: the struct's count): an array level of
 * the walk in *out. */
static void list_level(const ob_list_t *list, void *a, size_t count, isub_t *out)
{
    out->kind = ISUB_ARR;
    out->node = list->node;
    out->n = (uint16_t)count;
    out->a = a;
}

/* Where item @p i of array level @p f is in its parent (NULL past the capacity: the
 * walk reports it); *size: an item's size. */
static char *list_item(const iframe_t *f, uint16_t i, size_t *size)
{
    const ob_list_t *list = list_of_items(f->node);
    *size = list->item_size;
    return (i < list->capacity) ? (char *)f->a + list->items_offset + ((size_t)i * list->item_size)
                                : NULL;
}

/* Counters arrive as strings (spec D3). Policy: decode them to integers and
 * reject anything but 1+ decimal digits (no sign, no spaces), instead of the
 * spec's "tolerate non-numeric" guidance, so a garbled counter is never read
 * as a number; values above INT64_MAX are a range error, not a wrap. */
static camp_status_t parse_counter(const char *s, size_t len, int64_t *out)
{
    uint64_t v = 0;
    size_t i;

    if (len == 0u) {
        return CAMP_ERR_PATTERN; /* RULE_COUNTER */
    }
    /* one pass: a byte that is not a digit is a PATTERN failure wherever it is,
     * even after the value has gone past INT64_MAX. Above INT64_MAX / 10 any more
     * digits go past INT64_MAX: v becomes UINT64_MAX and stays there. */
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - (unsigned)'0';
        if (d > 9u) {
            return CAMP_ERR_PATTERN;
        }
        /* at most INT64_MAX / 10 * 10 + 9 = INT64_MAX + 2: no wrap */
        v = (v > ((uint64_t)INT64_MAX / 10u)) ? UINT64_MAX : (v * 10u) + d;
    }
    if (v > (uint64_t)INT64_MAX) {
        return CAMP_ERR_RANGE; /* RULE_COUNTER_RANGE, 0..INT64_MAX */
    }
    *out = (int64_t)v;
    return CAMP_OK;
}

/* ---- decode ------------------------------------------------------------------------ */

/* The string at token @p v into @p dst, checked by @p rules (NULL: any string). */
static camp_status_t decode_string(ictx_t *cx, const ifield_t *m, const ifield_t *rules, int v,
                                   camp_str_t *dst)
{
    const char *s = NULL;
    size_t len = 0;
    camp_status_t st = camp_json_string_at(cx->u.d.doc, v, &s, &len);

    if (st == CAMP_ERR_JSON_TYPE) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE,
                               (m->flags & F_NULL) != 0u ? RULE_STRING_OR_NULL : RULE_STRING);
    }
    if (st == CAMP_ERR_JSON_NUL) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_INVALID, RULE_NUL);
    }
    if (st != CAMP_OK) {
        return camp_ib_fail_at(cx, v, st, CAMP_RULE(O18, "cannot read string"));
    }
    if (rules != NULL) {
        const char *rule = NULL;
        st = check_string(rules, s, len, &rule, true);
        if (st != CAMP_OK) {
            return string_failure(cx, rules, v, st, rule);
        }
    }
    dst->ptr = s;
    dst->len = len;
    return CAMP_OK;
}

/* A list of strings: the @p n items of the array at token @p v (within the
 * capacity), each checked as the member's item kind. */
static camp_status_t decode_str_list(ictx_t *cx, const ifield_t *m, int v, int n, char *p)
{
    camp_json_doc_t *doc = cx->u.d.doc;
    camp_str_t *items = (camp_str_t *)(void *)(p + OB_LIST_ITEMS);
    size_t *count = (size_t *)(void *)(p + OB_LIST_COUNT);
    const ifield_t *elem = &camp_ob_elems[ob_var(m) - OB_V_SENDER_IDS];
    int i, it;

    *count = 0;
    for (i = 0, it = camp_json_first(doc, v); i < n; i++, it = camp_json_next(doc, it)) {
        camp_status_t st = decode_string(cx, elem, elem, it, &items[i]);
        if (st != CAMP_OK) {
            return st;
        }
    }
    *count = (size_t)n;
    return CAMP_OK;
}

/* An enum member: a string naming one of the member's values (1..max). */
static camp_status_t decode_enum(ictx_t *cx, const ifield_t *m, int v, char *p)
{
    const char *const *names = camp_ob_enum_names[ob_var(m) - OB_V_CAMPAIGN_STATUS];
    int count = (int)lim_max(m); /* the names' count, 2..5 */
    int i;
    if (camp_json_kind(cx->u.d.doc, v) != CAMP_JSON_STRING) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, RULE_STRING);
    }
    for (i = 1; i <= count; i++) {
        if (camp_json_string_eq(cx->u.d.doc, v, names[i])) {
            set_enum(p, i);
            return CAMP_OK;
        }
    }
    /* Unknown enum values are a validation error (DESIGN: strict by default). */
    return camp_ib_fail_at(cx, v, CAMP_ERR_ENUM, rule_of(m));
}

/* An integer member in the member's range. */
static camp_status_t decode_int(ictx_t *cx, const ifield_t *m, int v, int64_t *out)
{
    int64_t x = 0;
    camp_status_t st = camp_json_get_int(cx->u.d.doc, v, lim_min(m), lim_max(m), &x);
    if (st == CAMP_ERR_JSON_TYPE) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, RULE_INT);
    }
    if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, v, CAMP_ERR_RANGE, rule_of(m));
        fail_limits(cx, m);
        return st;
    }
    *out = x;
    return CAMP_OK;
}

static camp_status_t decode_counter(ictx_t *cx, const ifield_t *m, int v, int64_t *out)
{
    camp_str_t s = {NULL, 0};
    int64_t x = 0;
    camp_status_t st = decode_string(cx, m, NULL, v, &s);
    if (st != CAMP_OK) {
        return st;
    }
    st = parse_counter(s.ptr, s.len, &x);
    if (st == CAMP_ERR_RANGE) {
        st = camp_ib_fail_at(cx, v, st, RULE_COUNTER_RANGE);
        fail_limits(cx, m); /* 0..INT64_MAX */
    } else if (st != CAMP_OK) {
        st = camp_ib_fail_at(cx, v, st, RULE_COUNTER);
    } else {
        *out = x;
    }
    return st;
}

/* Decode member @p m's value at token @p v into @p base (the engine sets the
 * member's presence bit when this succeeds; a nullable member given as `null`
 * keeps ptr NULL). */
static camp_status_t decode_value(ictx_t *cx, const ifield_t *m, int v, void *base)
{
    char *p = member_at(base, m);

    if (is_string_kind(ob_kind(m))) {
        camp_str_t *str = (camp_str_t *)(void *)p;
        if (((m->flags & F_NULL) != 0u) && (camp_json_kind(cx->u.d.doc, v) == CAMP_JSON_NULL)) {
            str->ptr = NULL;
            str->len = 0;
            return CAMP_OK;
        }
        return decode_string(cx, m, m, v, str);
    }
    switch (ob_kind(m)) {
    case OB_ENUM: return decode_enum(cx, m, v, p);
    case OB_BOOL:
        if (camp_json_get_bool(cx->u.d.doc, v, (bool *)(void *)p) != CAMP_OK) {
            return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, RULE_BOOL);
        }
        return CAMP_OK;
    case OB_INT: return decode_int(cx, m, v, (int64_t *)(void *)p);
    case OB_COUNTER: return decode_counter(cx, m, v, (int64_t *)(void *)p);
    default: {
        /* OB_RAW: the last kind ob_decode_sub() sends here (the lists are read there,
         * and every row has a kind). Kept verbatim: the format of these members is
         * undocumented (spec §3.1). */
        camp_str_t *raw = (camp_str_t *)(void *)p;
        camp_json_raw(cx->u.d.doc, v, &raw->ptr, &raw->len);
        return CAMP_OK;
    }
    }
}

/* Decode: member @p m of object level @p f, its value at token @p v: a list (an
 * array within the member's capacity, 0..max) of strings is read here, of objects
 * becomes an array level of the walk; any other value is read here. */
static camp_status_t ob_decode_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v, isub_t *out)
{
    const ob_list_t *list;
    int n;
    if (ob_kind(m) < (uint8_t)OB_STR_LIST) { /* the two list kinds are the last */
        return decode_value(cx, m, v, f->a);
    }
    if (camp_json_kind(cx->u.d.doc, v) != CAMP_JSON_ARRAY) {
        return camp_ib_fail_at(cx, v, CAMP_ERR_TYPE, RULE_ARRAY);
    }
    n = camp_json_size(cx->u.d.doc, v);
    if (outside(m, (int64_t)n)) {
        return over_capacity(cx, m, v, (size_t)n);
    }
    if (ob_kind(m) == (uint8_t)OB_STR_LIST) {
        return decode_str_list(cx, m, v, n, member_at(f->a, m));
    }
    list = &camp_ob_lists[ob_var(m) - OB_V_STEPS];
    *list_count(f->a, list) = 0; /* counted as the items are decoded */
    list_level(list, f->a, (size_t)n, out);
    return CAMP_OK;
}

/* Decode: where item @p i of array level @p f goes, cleared (items past the list's
 * count are never read, so only the ones reached are). */
static camp_status_t ob_decode_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                                    const void **b)
{
    size_t size;
    char *item = list_item(f, i, &size);
    (void)cx;
    (void)tok;
    (void)b;
    if (item != NULL) {
        (void)memset(item, 0, size);
        *a = item;
    }
    return CAMP_OK;
}

/* Decode: item @p i of array level @p f is complete. */
static void ob_decode_item_done(ictx_t *cx, iframe_t *f, uint16_t i)
{
    (void)cx;
    *list_count(f->a, list_of_items(f->node)) = (size_t)i + 1u;
}

const ifamily_t camp_ob_family = {camp_ob_nodes,
#if !IB_ONE_KEY_POOL
                                  (const char *)(const void *)&camp_ib_outbox_keys,
#endif
                                  N_OB_CAMPAIGN,
                                  (uint8_t)OB_NODES,
                                  NULL,
                                  NULL,
                                  ob_decode_sub,
                                  ob_decode_item,
                                  ob_decode_item_done,
                                  NULL};

/* ---- validate ------------------------------------------------------------------------ */

/* A string the caller built: there, then its rule (the walk's path is at it). */
static camp_status_t validate_str(ictx_t *cx, const ifield_t *rules, const camp_str_t *s)
{
    const char *rule = NULL;
    camp_status_t st;
    if (s->ptr == NULL) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_TYPE, RULE_STRING);
    }
    st = check_string(rules, s->ptr, s->len, &rule, false);
    return (st != CAMP_OK) ? string_failure(cx, rules, -1, st, rule) : CAMP_OK;
}

/* A list of strings: its count within the capacity, then each item, at `[i]`. */
static camp_status_t validate_str_list(ictx_t *cx, const ifield_t *m, const char *p)
{
    const camp_str_t *items = (const camp_str_t *)(const void *)(p + OB_LIST_ITEMS);
    size_t count = *(const size_t *)(const void *)(p + OB_LIST_COUNT);
    size_t mark = cx->u.s.path.need;
    size_t i;
    if (outside(m, (int64_t)count)) {
        return over_capacity(cx, m, -1, count);
    }
    for (i = 0; i < count; i++) {
        camp_status_t st;
        camp_path_index(&cx->u.s.path, i);
        st = validate_str(cx, &camp_ob_elems[ob_var(m) - OB_V_SENDER_IDS], &items[i]);
        if (st != CAMP_OK) {
            return st;
        }
        camp_path_cut(&cx->u.s.path, mark);
    }
    return CAMP_OK;
}

static camp_status_t validate_value(ictx_t *cx, const ifield_t *m, const void *base)
{
    const char *p = (const char *)base + m->off;

    if (is_string_kind(ob_kind(m))) {
        const camp_str_t *str = (const camp_str_t *)(const void *)p;
        /* present with ptr NULL: a nullable member's `null` */
        return (((m->flags & F_NULL) != 0u) && (str->ptr == NULL)) ? CAMP_OK
                                                                   : validate_str(cx, m, str);
    }
    switch (ob_kind(m)) {
    case OB_ENUM: {
        int e = get_enum(p);
        if (outside(m, (int64_t)e)) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_ENUM, rule_of(m));
        }
        return CAMP_OK;
    }
    case OB_BOOL: return CAMP_OK;
    case OB_INT:
    case OB_COUNTER: {
        int64_t v = *(const int64_t *)(const void *)p;
        if (outside(m, v)) {
            camp_status_t st =
                camp_ib_fail_at(cx, -1, CAMP_ERR_RANGE,
                                (ob_kind(m) == (uint8_t)OB_INT) ? rule_of(m) : RULE_COUNTER_RANGE);
            fail_limits(cx, m);
            return st;
        }
        return CAMP_OK;
    }
    case OB_RAW: {
        const camp_str_t *raw = (const camp_str_t *)(const void *)p;
        /* Written verbatim, so it must be exactly one well-formed value: nothing a
         * caller puts here can break the surrounding body. */
        if (!camp_json_well_formed(raw->ptr, raw->len)) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, RULE_RAW);
        }
        return CAMP_OK;
    }
    case OB_STR_LIST: return validate_str_list(cx, m, p);
    default: return camp_ib_fail_at(cx, -1, CAMP_ERR_INTERNAL, RULE_KIND);
    }
}

/* ---- encode ---------------------------------------------------------------------------- */

/* Counters go back out as digit strings, as the API sends them. */
static void write_counter(camp_json_writer_t *w, int64_t value)
{
    char digits[CAMP_U64_DIGITS];
    /* encoding validates first, and validation refused negatives */
    size_t at = camp_u64_decimal(digits, (uint64_t)value);
    camp_json_write_string(w, &digits[at], CAMP_U64_DIGITS - at);
}

/* Out of ob_walk_sub()'s frame, which sits over the validation's deeper path. */
CAMP_NOINLINE static void encode_value(camp_json_writer_t *w, const ifield_t *m, const void *base)
{
    const char *p = (const char *)base + m->off;
    const camp_str_t *str = (const camp_str_t *)(const void *)p;

    if (is_string_kind(ob_kind(m))) {
        /* Only present members get here: ptr NULL is a nullable member's `null`
         * (validation refused it for the others). */
        if (str->ptr == NULL) {
            camp_json_write_null(w);
        } else {
            camp_json_write_string(w, str->ptr, str->len);
        }
        return;
    }
    switch (ob_kind(m)) {
    case OB_ENUM:
        camp_json_write_cstring(w,
                                camp_ob_enum_names[ob_var(m) - OB_V_CAMPAIGN_STATUS][get_enum(p)]);
        break;
    case OB_BOOL: camp_json_write_bool(w, *(const bool *)(const void *)p); break;
    case OB_INT: camp_json_write_int(w, *(const int64_t *)(const void *)p); break;
    case OB_COUNTER: write_counter(w, *(const int64_t *)(const void *)p); break;
    case OB_RAW: camp_json_write_raw(w, str->ptr, str->len); break;
    case OB_STR_LIST: {
        const camp_str_t *items = (const camp_str_t *)(const void *)(p + OB_LIST_ITEMS);
        size_t count = *(const size_t *)(const void *)(p + OB_LIST_COUNT);
        size_t i;
        camp_json_write_array_begin(w);
        for (i = 0; i < count; i++) {
            camp_json_write_string(w, items[i].ptr, items[i].len);
        }
        camp_json_write_array_end(w);
        break;
    }
    default: break; /* validation refused the rest */
    }
}

/* ---- the struct walks' hooks ---------------------------------------------------------- */

/* Validate, encode: member @p m of object level @p f (its key on the path, or
 * written): an object list becomes an array level of the walk, any other value is
 * checked or written here. Outbox structs have no equality call. */
static camp_status_t ob_walk_sub(ictx_t *cx, iframe_t *f, const ifield_t *m, int v, isub_t *out)
{
    (void)v;
    if (ob_kind(m) == (uint8_t)OB_OBJ_LIST) {
        const ob_list_t *list = &camp_ob_lists[ob_var(m) - OB_V_STEPS];
        size_t count = *list_count(f->a, list);
        if (outside(m, (int64_t)count)) {
            return over_capacity(cx, m, -1, count);
        }
        list_level(list, f->a, count, out);
        return CAMP_OK;
    }
    if (cx->op == (uint8_t)OP_ENCODE) {
        encode_value(cx->u.s.w, m, f->a);
        return CAMP_OK;
    }
    if (cx->op == (uint8_t)OP_VALIDATE) {
        return validate_value(cx, m, f->a);
    }
    return NOT_EQUAL;
}

/* Validate, encode: item @p i of array level @p f. */
static camp_status_t ob_walk_item(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                                  const void **b)
{
    size_t size;
    (void)cx;
    (void)tok;
    (void)b;
    *a = list_item(f, i, &size); /* NULL past the capacity: the walk reports it */
    return CAMP_OK;
}

/* Whether member @p m, which has no presence bit, is there in @p base: a string or
 * raw value when it has a pointer, an enum when it is set; required integers,
 * counters and object lists always are (booleans and string lists have a bit). */
static bool ob_sub_present(const ictx_t *cx, const ifield_t *m, const void *base)
{
    const char *p = (const char *)base + m->off;
    uint8_t kind = ob_kind(m);
    (void)cx;
    if (is_string_kind(kind) || kind == (uint8_t)OB_RAW) {
        return ((const camp_str_t *)(const void *)p)->ptr != NULL;
    }
    switch (kind) {
    case OB_ENUM: return get_enum(p) != 0;
    case OB_INT: return (m->flags & F_REQ) != 0u;
    case OB_COUNTER:
    case OB_OBJ_LIST: return true;
    default: return false;
    }
}

const ifamily_t camp_ob_walk_family = {camp_ob_nodes,
#if !IB_ONE_KEY_POOL
                                       (const char *)(const void *)&camp_ib_outbox_keys,
#endif
                                       N_OB_CAMPAIGN,
                                       (uint8_t)OB_NODES,
                                       NULL,
                                       NULL,
                                       ob_walk_sub,
                                       ob_walk_item,
                                       NULL,
                                       ob_sub_present};
