/*
 * outbox_engine.c - decode / validate / encode driven by the field tables of
 * outbox_models.c. No recursion: the top pass handles arrays of objects by
 * calling the leaf pass, which refuses nested object arrays.
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
#define RULE_OBJECT CAMP_RULE(O08, "must be an object")
#define RULE_REQUIRED CAMP_RULE(O09, "required field missing")
#define RULE_CAPACITY CAMP_RULE(O10, "more items than the compile-time capacity (CAMP_MAX_*)")
#define RULE_COUNTER CAMP_RULE(O11, "must be a string of decimal digits")
#define RULE_COUNTER_RANGE CAMP_RULE(O12, "must be a digit string in 0..9223372036854775807")
#define RULE_RAW CAMP_RULE(O13, "must be one well-formed JSON value")
#define RULE_NESTING CAMP_RULE(O14, "object arrays nest at most one level (internal table error)")

/* ---- small helpers -------------------------------------------------------------- */

static void *field_ptr(void *base, size_t off)
{
    return (char *)base + off;
}

static const void *field_cptr(const void *base, size_t off)
{
    return (const char *)base + off;
}

/* The member's JSON name (NUL-terminated in the key pool). */
static const char *key_of(const ob_field_t *f)
{
    return &((const char *)&camp_ob_keys)[f->key];
}

static const ob_limits_t *limits_of(const ob_field_t *f)
{
    return &camp_ob_limits[f->lim];
}

/* Limit pair @p lim (a camp_ob_limits index) into the diag: callers pass one small
 * index, not two int64_t. */
static void set_limits(camp_diag_t *diag, uint8_t lim)
{
    camp_diag_set_limits(diag, camp_ob_limits[lim].min, camp_ob_limits[lim].max);
}

/* String lists share one layout (outbox_models.c checks it). */
#define OB_LIST_COUNT offsetof(camp_outbox_uuid_list_t, count)
#define OB_LIST_ITEMS offsetof(camp_outbox_uuid_list_t, items)

static int get_enum(const void *p)
{
    if (OB_ENUM_SIZE == 1) {
        uint8_t v8;
        memcpy(&v8, p, 1);
        return (int)v8;
    }
    if (OB_ENUM_SIZE == 2) {
        uint16_t v16;
        memcpy(&v16, p, 2);
        return (int)v16;
    }
    {
        int v;
        memcpy(&v, p, sizeof v);
        return v;
    }
}

/* Enum values are small and non-negative (table indexes), so they fit any width. */
static void set_enum(void *p, int v)
{
    if (OB_ENUM_SIZE == 1) {
        uint8_t v8 = (uint8_t)v;
        memcpy(p, &v8, 1);
    } else if (OB_ENUM_SIZE == 2) {
        uint16_t v16 = (uint16_t)v;
        memcpy(p, &v16, 2);
    } else {
        memcpy(p, &v, sizeof v);
    }
}

/* ---- presence bits ------------------------------------------------------------- */

/* The field's presence mask in its struct's `present` word (0: it has no bit). */
static uint32_t pbit_of(const ob_field_t *f)
{
    uint32_t idx = (uint32_t)f->flags >> OB_PBIT_SHIFT;
    return (idx == 0u) ? 0u : ((uint32_t)1u << (idx - 1u));
}

/* The `present` word of @p base (0 when the struct has none). */
static uint32_t present_get(const ob_table_t *t, const void *base)
{
    return camp_present_load(field_cptr(base, t->present), t->present_size);
}

/* Set the presence bit of @p f (decoded) in @p base; fields without one are left alone. */
static void present_mark(const ob_table_t *t, const ob_field_t *f, void *base)
{
    uint32_t bit = pbit_of(f);
    if (bit != 0u) {
        camp_present_store(field_ptr(base, t->present), t->present_size,
                           present_get(t, base) | bit);
    }
}

static bool is_string_kind(uint8_t kind)
{
    return kind == OB_UUID || kind == OB_TEXT || kind == OB_DATETIME || kind == OB_EMAIL ||
           kind == OB_TIMEZONE;
}

/* An email address (or the empty string where the field allows it). */
static camp_status_t check_email(const ob_field_t *f, const char *s, size_t len, long chars,
                                 const char **rule)
{
    if (len == 0u && (f->flags & OB_EMPTY_OK) != 0u) {
        return CAMP_OK;
    }
    if ((int64_t)chars < 1 || (int64_t)chars > limits_of(f)->max) {
        *rule = CAMP_RULE(O15, "must be 1..255 characters");
        return CAMP_ERR_LENGTH;
    }
    return camp_valid_email(s, len) ? CAMP_OK : CAMP_ERR_PATTERN;
}

/* Rules of the string kinds, on (pointer, length): the status and *rule. The
 * limits of a LENGTH failure follow from the field (string_limits()), so no
 * verdict struct (status, rule, limits) travels on the stack (512 B budget per call). */
static camp_status_t check_string(const ob_field_t *f, const char *s, size_t len, const char **rule,
                                  bool decoded)
{
    const ob_limits_t *lim = limits_of(f);
    long chars;

    if (decoded) {
        chars = (long)camp_utf8_chars_within(s, len, lim->min, lim->max);
    } else {
        if (len > 0u && memchr(s, '\0', len) != NULL) {
            *rule = RULE_NUL;
            return CAMP_ERR_INVALID;
        }
        chars = camp_utf8_chars(s, len);
        if (chars < 0) {
            *rule = RULE_UTF8;
            return CAMP_ERR_PATTERN;
        }
    }
    *rule = camp_ob_rules[f->rule];
    switch (f->kind) {
    case OB_UUID: return camp_valid_uuid(s, len) ? CAMP_OK : CAMP_ERR_PATTERN;
    case OB_TEXT:
        if ((int64_t)chars < lim->min || (lim->max >= 0 && (int64_t)chars > lim->max)) {
            return CAMP_ERR_LENGTH;
        }
        return CAMP_OK;
    case OB_DATETIME: return camp_datetime_parse(s, len, NULL) == CAMP_OK ? CAMP_OK : CAMP_ERR_DATE;
    case OB_EMAIL: return check_email(f, s, len, chars, rule);
    case OB_TIMEZONE:
        /* Length first: a 65-character name breaks the documented max length,
         * whatever the zone table says (spec/outbox.md §6). */
        if ((int64_t)chars > lim->max) {
            *rule = CAMP_RULE(O16, "must be at most 64 characters");
            return CAMP_ERR_LENGTH;
        }
        return camp_valid_tz_name(s, len) ? CAMP_OK : CAMP_ERR_TIMEZONE;
    default: *rule = CAMP_RULE(O17, "unexpected field kind"); return CAMP_ERR_INTERNAL;
    }
}

/* The limits of check_string()'s LENGTH failures: the field's own pair (e-mail
 * fields are 1..max, time zones 0..max). */
static void string_limits(camp_diag_t *diag, const ob_field_t *f, camp_status_t st)
{
    if (st == CAMP_ERR_LENGTH) {
        set_limits(diag, f->lim);
    }
}

/* Counters arrive as strings (spec D3). Policy: decode them to integers and
 * reject anything but 1+ decimal digits (no sign, no spaces), instead of the
 * spec's "tolerate non-numeric" guidance, so a garbled counter is never read
 * as a number; values above INT64_MAX are a range error, not a wrap. */
static camp_status_t parse_counter(const char *s, size_t len, int64_t *out)
{
    int64_t v = 0;
    size_t i;

    if (len == 0u) {
        return CAMP_ERR_PATTERN; /* RULE_COUNTER */
    }
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return CAMP_ERR_PATTERN;
        }
    }
    for (i = 0; i < len; i++) {
        int64_t d = (int64_t)(s[i] - '0');
        if (v > (INT64_MAX - d) / 10) {
            return CAMP_ERR_RANGE; /* RULE_COUNTER_RANGE, 0..INT64_MAX */
        }
        v = v * 10 + d;
    }
    *out = v;
    return CAMP_OK;
}

/* A list longer than its capacity (the list's limits are 0..capacity). */
static camp_status_t diag_capacity_token(camp_diag_t *diag, const camp_json_doc_t *doc, int tok,
                                         const ob_field_t *f, int64_t needed)
{
    camp_json_diag(diag, doc, tok, CAMP_ERR_CAPACITY, RULE_CAPACITY);
    set_limits(diag, f->lim);
    if (diag != NULL) {
        diag->needed = needed;
    }
    return CAMP_ERR_CAPACITY;
}

/* ---- decode ------------------------------------------------------------------------ */

static camp_status_t decode_string(camp_json_doc_t *doc, int tok, const ob_field_t *f,
                                   const ob_field_t *rules, camp_str_t *dst, camp_diag_t *diag)
{
    const char *s = NULL;
    size_t len = 0;
    camp_status_t st = camp_json_string_at(doc, tok, &s, &len);

    if (st == CAMP_ERR_JSON_TYPE) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE,
                              (f->flags & OB_NULLABLE) != 0u ? RULE_STRING_OR_NULL : RULE_STRING);
    }
    if (st == CAMP_ERR_JSON_NUL) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_INVALID, RULE_NUL);
    }
    if (st != CAMP_OK) {
        return camp_json_diag(diag, doc, tok, st, CAMP_RULE(O18, "cannot read string"));
    }
    if (rules != NULL) {
        const char *rule = NULL;
        st = check_string(rules, s, len, &rule, true);
        if (st != CAMP_OK) {
            camp_json_diag(diag, doc, tok, st, rule);
            string_limits(diag, rules, st);
            return st;
        }
    }
    dst->ptr = s;
    dst->len = len;
    return CAMP_OK;
}

static camp_status_t decode_str_list(camp_json_doc_t *doc, int tok, const ob_field_t *f, void *base,
                                     camp_diag_t *diag)
{
    void *list = field_ptr(base, f->offset);
    camp_str_t *items = (camp_str_t *)field_ptr(list, OB_LIST_ITEMS);
    size_t *count = (size_t *)field_ptr(list, OB_LIST_COUNT);
    const ob_field_t *elem = &camp_ob_elems[f->ref];
    int n, i, it;

    if (camp_json_kind(doc, tok) != CAMP_JSON_ARRAY) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_ARRAY);
    }
    n = camp_json_size(doc, tok);
    if ((int64_t)n > limits_of(f)->max) {
        return diag_capacity_token(diag, doc, tok, f, (int64_t)n);
    }
    *count = 0;
    for (i = 0, it = camp_json_first(doc, tok); i < n; i++, it = camp_json_next(doc, it)) {
        camp_status_t st = decode_string(doc, it, elem, elem, &items[i], diag);
        if (st != CAMP_OK) {
            return st;
        }
    }
    *count = (size_t)n;
    return CAMP_OK;
}

/* An enum member: a string naming one of the field's values (1..max). */
static camp_status_t decode_enum(camp_json_doc_t *doc, int tok, camp_json_kind_t k,
                                 const ob_field_t *f, void *p, camp_diag_t *diag)
{
    int i;
    if (k != CAMP_JSON_STRING) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_STRING);
    }
    for (i = 1; (int64_t)i <= limits_of(f)->max; i++) {
        if (camp_json_string_eq(doc, tok, camp_ob_enum_names[f->ref][i])) {
            set_enum(p, i);
            return CAMP_OK;
        }
    }
    /* Unknown enum values are a validation error (DESIGN: strict by default). */
    return camp_json_diag(diag, doc, tok, CAMP_ERR_ENUM, camp_ob_rules[f->rule]);
}

/* An integer member in the field's range (its presence bit, if any, is set by the caller). */
static camp_status_t decode_int(camp_json_doc_t *doc, int tok, const ob_field_t *f, void *p,
                                camp_diag_t *diag)
{
    const ob_limits_t *lim = limits_of(f);
    int64_t v = 0;
    camp_status_t st = camp_json_get_int(doc, tok, lim->min, lim->max, &v);
    if (st == CAMP_ERR_JSON_TYPE) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_INT);
    }
    if (st != CAMP_OK) {
        camp_json_diag(diag, doc, tok, CAMP_ERR_RANGE, camp_ob_rules[f->rule]);
        set_limits(diag, f->lim);
        return CAMP_ERR_RANGE;
    }
    *(int64_t *)p = v;
    return CAMP_OK;
}

/* Decode one non-list-of-objects member value. The caller sets the member's
 * presence bit when this succeeds (a nullable member given as `null` keeps ptr NULL). */
static camp_status_t decode_value(camp_json_doc_t *doc, int tok, const ob_field_t *f, void *base,
                                  camp_diag_t *diag)
{
    void *p = field_ptr(base, f->offset);
    camp_json_kind_t k = camp_json_kind(doc, tok);

    if (is_string_kind(f->kind)) {
        camp_str_t *str = (camp_str_t *)p;
        if (((f->flags & OB_NULLABLE) != 0u) && (k == CAMP_JSON_NULL)) {
            str->ptr = NULL;
            str->len = 0;
            return CAMP_OK;
        }
        return decode_string(doc, tok, f, f, str, diag);
    }
    switch (f->kind) {
    case OB_ENUM: return decode_enum(doc, tok, k, f, p, diag);
    case OB_BOOL:
        if (camp_json_get_bool(doc, tok, (bool *)p) != CAMP_OK) {
            return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_BOOL);
        }
        return CAMP_OK;
    case OB_INT: return decode_int(doc, tok, f, p, diag);
    case OB_COUNTER: {
        camp_str_t s = {NULL, 0};
        camp_status_t st = decode_string(doc, tok, f, NULL, &s, diag);
        if (st != CAMP_OK) {
            return st;
        }
        st = parse_counter(s.ptr, s.len, (int64_t *)p);
        if (st == CAMP_ERR_RANGE) {
            camp_json_diag(diag, doc, tok, st, RULE_COUNTER_RANGE);
            set_limits(diag, OB_L_COUNTER); /* 0..INT64_MAX */
        } else if (st != CAMP_OK) {
            camp_json_diag(diag, doc, tok, st, RULE_COUNTER);
        }
        return st;
    }
    case OB_RAW: {
        camp_str_t *raw = (camp_str_t *)p;
        /* Kept verbatim: the format of these members is undocumented (spec §3.1). */
        camp_json_raw(doc, tok, &raw->ptr, &raw->len);
        return CAMP_OK;
    }
    case OB_STR_LIST: return decode_str_list(doc, tok, f, base, diag);
    default: return camp_json_diag(diag, doc, tok, CAMP_ERR_INTERNAL, RULE_NESTING);
    }
}

/* Whether the raw bytes @p raw[0..n) of a key written without escapes spell the
 * name of @p f (its length first: most keys differ in length). */
static bool raw_key_is(const char *raw, size_t n, const ob_field_t *f)
{
    return n == f->key_len && memcmp(key_of(f), raw, n) == 0;
}

/* The field of @p t named by key token @p key (NULL: an unknown member). Members
 * usually come in table order, so the search starts after the previous hit
 * (*hint) and goes round once (a second time for a key written with escapes). */
static const ob_field_t *find_field(const camp_json_doc_t *doc, int key, const ob_table_t *t,
                                    uint32_t *seen, size_t *hint)
{
    const camp_json_token_t *tk = &doc->tokens[key];
    const char *raw = doc->text + tk->start;
    size_t n = (size_t)(tk->end - tk->start), c, i = *hint;
    /* table keys have no escapes: the raw text first, and only a key written with
     * escapes (no raw match) is compared decoded, in a second round */
    for (c = 0; c < (2u * t->count); c++, i = (i + 1u < t->count) ? i + 1u : 0u) {
        const ob_field_t *f = &t->fields[i];
        bool escaped = c >= t->count;
        if ((c == t->count) && (memchr(raw, '\\', n) == NULL)) {
            break; /* no raw match, and nothing to decode */
        }
        if (escaped ? camp_json_string_eq(doc, key, key_of(f)) : raw_key_is(raw, n, f)) {
            *seen |= (uint32_t)1u << i;
            *hint = (i + 1u < t->count) ? i + 1u : 0u;
            return f;
        }
    }
    return NULL;
}

static camp_status_t check_required_seen(const camp_json_doc_t *doc, int obj, const ob_table_t *t,
                                         uint32_t seen, camp_diag_t *diag)
{
    size_t i;
    for (i = 0; i < t->count; i++) {
        if ((t->fields[i].flags & OB_REQUIRED) != 0u && (seen & ((uint32_t)1u << i)) == 0u) {
            return camp_json_diag_member(diag, doc, obj, key_of(&t->fields[i]), CAMP_ERR_REQUIRED,
                                         RULE_REQUIRED);
        }
    }
    return CAMP_OK;
}

/* Leaf pass: a flat object (no arrays of objects). Members in document order, so
 * the first violation reported is the first one in the input. */
static camp_status_t decode_leaf(camp_json_doc_t *doc, int obj, const ob_table_t *t, void *base,
                                 camp_diag_t *diag)
{
    uint32_t seen = 0;
    size_t hint = 0;
    int n, i, key;

    if (camp_json_kind(doc, obj) != CAMP_JSON_OBJECT) {
        return camp_json_diag(diag, doc, obj, CAMP_ERR_TYPE, RULE_OBJECT);
    }
    n = camp_json_size(doc, obj);
    for (i = 0, key = camp_json_first(doc, obj); i < n; i++, key = camp_json_next(doc, key)) {
        const ob_field_t *f = find_field(doc, key, t, &seen, &hint);
        camp_status_t st;
        if (f == NULL) {
            continue; /* unknown members are skipped */
        }
        st = decode_value(doc, key + 1, f, base, diag);
        if (st != CAMP_OK) {
            return st;
        }
        present_mark(t, f, base);
    }
    return check_required_seen(doc, obj, t, seen, diag);
}

static camp_status_t decode_obj_list(camp_json_doc_t *doc, int tok, const ob_field_t *f, void *base,
                                     camp_diag_t *diag)
{
    char *items = (char *)field_ptr(base, f->offset);
    const ob_list_t *list = &camp_ob_lists[f->ref];
    size_t *count = (size_t *)field_ptr(base, list->count_offset);
    const ob_table_t *t = &list->items;
    int n, i, it;

    if (camp_json_kind(doc, tok) != CAMP_JSON_ARRAY) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_ARRAY);
    }
    n = camp_json_size(doc, tok);
    if ((int64_t)n > limits_of(f)->max) {
        return diag_capacity_token(diag, doc, tok, f, (int64_t)n);
    }
    *count = 0;
    for (i = 0, it = camp_json_first(doc, tok); i < n; i++, it = camp_json_next(doc, it)) {
        char *item = items + (size_t)i * t->size;
        camp_status_t st;
        memset(item, 0, t->size); /* items past the count are never read */
        st = decode_leaf(doc, it, t, item, diag);
        if (st != CAMP_OK) {
            return st;
        }
    }
    *count = (size_t)n;
    return CAMP_OK;
}

/* The item pool of the list member of @p t that starts first at or after @p from
 * (NULL when none): decode leaves pools to decode_obj_list(). */
static const ob_field_t *next_pool(const ob_table_t *t, size_t from)
{
    const ob_field_t *best = NULL;
    size_t i;
    for (i = 0; i < t->count; i++) {
        const ob_field_t *f = &t->fields[i];
        if (f->kind == OB_OBJ_LIST && f->offset >= from &&
            (best == NULL || f->offset < best->offset)) {
            best = f;
        }
    }
    return best;
}

/* Decode clears the members, not the item pools of the object lists (a contacts
 * page is almost all pool): each item is cleared when it is decoded, and items
 * past the list's count are never read. */
static void clear_members(const ob_table_t *t, void *out)
{
    char *base = (char *)out;
    size_t at = 0;
    const ob_field_t *pool;
    while ((pool = next_pool(t, at)) != NULL) {
        memset(base + at, 0, pool->offset - at);
        at = pool->offset + (size_t)limits_of(pool)->max * camp_ob_lists[pool->ref].items.size;
    }
    memset(base + at, 0, (size_t)t->size - at);
}

camp_status_t camp_ob_decode(camp_json_doc_t *doc, int tok, const ob_table_t *t, void *out,
                             camp_diag_t *diag)
{
    uint32_t seen = 0;
    size_t hint = 0;
    int n, i, key;

    camp_diag_clear(diag);
    if (doc == NULL || out == NULL || t == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(O19, "NULL argument"));
    }
    clear_members(t, out);
    if (camp_json_kind(doc, tok) != CAMP_JSON_OBJECT) {
        return camp_json_diag(diag, doc, tok, CAMP_ERR_TYPE, RULE_OBJECT);
    }
    n = camp_json_size(doc, tok);
    for (i = 0, key = camp_json_first(doc, tok); i < n; i++, key = camp_json_next(doc, key)) {
        const ob_field_t *f = find_field(doc, key, t, &seen, &hint);
        camp_status_t st;
        if (f == NULL) {
            continue; /* unknown members are skipped */
        }
        if (f->kind == OB_OBJ_LIST) {
            st = decode_obj_list(doc, key + 1, f, out, diag);
        } else {
            st = decode_value(doc, key + 1, f, out, diag);
        }
        if (st != CAMP_OK) {
            return st;
        }
        present_mark(t, f, out);
    }
    return check_required_seen(doc, tok, t, seen, diag);
}

/* ---- validate ------------------------------------------------------------------------ */

/* Where a validation stands: the object's member (top), the item of its list
 * (index), the item's member (sub) and the item of that member's list (sub_index);
 * -1 and NULL where the walk is not that deep. Outbox objects nest two levels, so
 * this is the whole path: it is written out only when a failure is reported, by
 * the library's path builder (camp_path_*), into the diag's own path. */
typedef struct ob_at {
    const ob_field_t *top;
    const ob_field_t *sub;
    long index;
    long sub_index;
} ob_at_t;

static void at_key(camp_path_t *p, const ob_field_t *f)
{
    if (f != NULL) {
        camp_path_key(p, key_of(f), f->key_len);
    }
}

static void at_index(camp_path_t *p, long i)
{
    if (i >= 0) {
        camp_path_index(p, (size_t)i);
    }
}

/* Failure at @p at (no verdict temporaries: they would cost stack). */
static camp_status_t diag_rule(camp_diag_t *diag, const ob_at_t *at, camp_status_t st,
                               const char *rule)
{
    if (diag != NULL) {
        camp_path_t p;
        camp_path_init(&p, diag->path, sizeof diag->path);
        at_key(&p, at->top);
        at_index(&p, at->index);
        at_key(&p, at->sub);
        at_index(&p, at->sub_index);
        (void)camp_diag_at_path(diag, &p, st, rule);
    }
    return st;
}

static camp_status_t diag_limits(camp_diag_t *diag, const ob_at_t *at, camp_status_t st,
                                 const char *rule, const ob_field_t *f)
{
    diag_rule(diag, at, st, rule);
    set_limits(diag, f->lim);
    return st;
}

/* Present in the struct? (For encode and the required check.) A member with a
 * presence bit is present exactly when its bit is set (a nullable string then is
 * `null` when its ptr is NULL); the others follow from their values. */
static bool field_present(const ob_table_t *t, const ob_field_t *f, const void *base)
{
    const void *p = field_cptr(base, f->offset);
    uint32_t bit = pbit_of(f);
    bool present;

    if (bit != 0u) {
        present = (present_get(t, base) & bit) != 0u;
    } else if (is_string_kind(f->kind)) {
        present = ((const camp_str_t *)p)->ptr != NULL;
    } else {
        switch (f->kind) {
        case OB_ENUM: present = get_enum(p) != 0; break;
        case OB_RAW: present = ((const camp_str_t *)p)->ptr != NULL; break;
        case OB_INT: present = (f->flags & OB_REQUIRED) != 0u; break;
        case OB_COUNTER:
        case OB_OBJ_LIST: present = true; break;
        default: present = false; break; /* OB_BOOL and OB_STR_LIST always have a bit */
        }
    }
    return present;
}

static camp_status_t validate_str(const ob_field_t *rules, const camp_str_t *s, const ob_at_t *at,
                                  camp_diag_t *diag)
{
    const char *rule = NULL;
    camp_status_t st;
    if (s->ptr == NULL) {
        return diag_rule(diag, at, CAMP_ERR_TYPE, RULE_STRING);
    }
    st = check_string(rules, s->ptr, s->len, &rule, false);
    if (st != CAMP_OK) {
        diag_rule(diag, at, st, rule);
        string_limits(diag, rules, st);
    }
    return st;
}

/* A list's count above its capacity: CAMP_ERR_CAPACITY with the limit and the count. */
static camp_status_t list_over_capacity(const ob_field_t *f, size_t count, const ob_at_t *at,
                                        camp_diag_t *diag)
{
    diag_limits(diag, at, CAMP_ERR_CAPACITY, RULE_CAPACITY, f);
    if (diag != NULL) {
        diag->needed = (int64_t)count;
    }
    return CAMP_ERR_CAPACITY;
}

/* A list of strings: its count within the capacity, then each element. */
static camp_status_t validate_str_list(const ob_field_t *f, const void *base, ob_at_t *at,
                                       camp_diag_t *diag)
{
    const void *list = field_cptr(base, f->offset);
    const camp_str_t *items = (const camp_str_t *)field_cptr(list, OB_LIST_ITEMS);
    size_t count = *(const size_t *)field_cptr(list, OB_LIST_COUNT);
    size_t i;
    if ((int64_t)count > limits_of(f)->max) {
        return list_over_capacity(f, count, at, diag);
    }
    for (i = 0; i < count; i++) {
        /* the list is the object's member, or its item's */
        long *slot = (at->sub != NULL) ? &at->sub_index : &at->index;
        camp_status_t st;
        *slot = (long)i;
        st = validate_str(&camp_ob_elems[f->ref], &items[i], at, diag);
        *slot = -1;
        if (st != CAMP_OK) {
            return st;
        }
    }
    return CAMP_OK;
}

static camp_status_t validate_value(const ob_field_t *f, const void *base, ob_at_t *at,
                                    camp_diag_t *diag)
{
    const void *p = field_cptr(base, f->offset);

    if (is_string_kind(f->kind)) {
        const camp_str_t *str = (const camp_str_t *)p;
        /* present with ptr NULL: a nullable member's `null` */
        return (((f->flags & OB_NULLABLE) != 0u) && (str->ptr == NULL))
                   ? CAMP_OK
                   : validate_str(f, str, at, diag);
    }
    switch (f->kind) {
    case OB_ENUM: {
        int e = get_enum(p);
        if (e < 1 || (int64_t)e > limits_of(f)->max) {
            return diag_rule(diag, at, CAMP_ERR_ENUM, camp_ob_rules[f->rule]);
        }
        return CAMP_OK;
    }
    case OB_BOOL: return CAMP_OK;
    case OB_INT: {
        const ob_limits_t *lim = limits_of(f);
        int64_t v = *(const int64_t *)p;
        if (v < lim->min || v > lim->max) {
            return diag_limits(diag, at, CAMP_ERR_RANGE, camp_ob_rules[f->rule], f);
        }
        return CAMP_OK;
    }
    case OB_COUNTER:
        if (*(const int64_t *)p < 0) {
            return diag_limits(diag, at, CAMP_ERR_RANGE, RULE_COUNTER_RANGE, f);
        }
        return CAMP_OK;
    case OB_RAW: {
        const camp_str_t *raw = (const camp_str_t *)p;
        /* Written verbatim, so it must be exactly one well-formed value: nothing a
         * caller puts here can break the surrounding body. */
        if (!camp_json_well_formed(raw->ptr, raw->len)) {
            return diag_rule(diag, at, CAMP_ERR_INVALID, RULE_RAW);
        }
        return CAMP_OK;
    }
    case OB_STR_LIST: return validate_str_list(f, base, at, diag);
    default: return diag_rule(diag, at, CAMP_ERR_INTERNAL, RULE_NESTING);
    }
}

static camp_status_t validate_leaf(const ob_table_t *t, const void *base, ob_at_t *at,
                                   camp_diag_t *diag)
{
    size_t i;
    for (i = 0; i < t->count; i++) {
        const ob_field_t *f = &t->fields[i];
        camp_status_t st = CAMP_OK;
        at->sub = f;
        if (!field_present(t, f, base)) {
            if ((f->flags & OB_REQUIRED) != 0u) {
                st = diag_rule(diag, at, CAMP_ERR_REQUIRED, RULE_REQUIRED);
            }
        } else {
            st = validate_value(f, base, at, diag);
        }
        if (st != CAMP_OK) {
            return st;
        }
    }
    at->sub = NULL;
    return CAMP_OK;
}

static camp_status_t validate_obj_list(const ob_field_t *f, const void *base, ob_at_t *at,
                                       camp_diag_t *diag)
{
    const char *items = (const char *)field_cptr(base, f->offset);
    const ob_list_t *list = &camp_ob_lists[f->ref];
    size_t count = *(const size_t *)field_cptr(base, list->count_offset);
    const ob_table_t *t = &list->items;
    size_t i;

    if ((int64_t)count > limits_of(f)->max) {
        return list_over_capacity(f, count, at, diag);
    }
    for (i = 0; i < count; i++) {
        camp_status_t st;
        at->index = (long)i;
        st = validate_leaf(t, items + i * t->size, at, diag);
        if (st != CAMP_OK) {
            return st;
        }
    }
    at->index = -1;
    return CAMP_OK;
}

camp_status_t camp_ob_validate(const ob_table_t *t, const void *obj, camp_diag_t *diag)
{
    ob_at_t at = {NULL, NULL, -1, -1};
    size_t i;

    camp_diag_clear(diag);
    if (t == NULL || obj == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(O19, "NULL argument"));
    }
    for (i = 0; i < t->count; i++) {
        const ob_field_t *f = &t->fields[i];
        camp_status_t st = CAMP_OK;
        at.top = f;
        if (!field_present(t, f, obj)) {
            if ((f->flags & OB_REQUIRED) != 0u) {
                st = diag_rule(diag, &at, CAMP_ERR_REQUIRED, RULE_REQUIRED);
            }
        } else if (f->kind == OB_OBJ_LIST) {
            st = validate_obj_list(f, obj, &at, diag);
        } else {
            st = validate_value(f, obj, &at, diag);
        }
        if (st != CAMP_OK) {
            return st;
        }
    }
    return CAMP_OK;
}

/* ---- encode ---------------------------------------------------------------------------- */

static void write_str(camp_json_writer_t *w, const camp_str_t *s)
{
    camp_json_write_string(w, s->ptr, s->len);
}

static void encode_value(camp_json_writer_t *w, const ob_field_t *f, const void *base)
{
    const void *p = field_cptr(base, f->offset);

    if (is_string_kind(f->kind)) {
        const camp_str_t *str = (const camp_str_t *)p;
        /* Only present members get here: ptr NULL is a nullable member's `null`
         * (validate refused it for the others). */
        if (str->ptr == NULL) {
            camp_json_write_null(w);
        } else {
            write_str(w, str);
        }
        return;
    }
    switch (f->kind) {
    case OB_ENUM: camp_json_write_cstring(w, camp_ob_enum_names[f->ref][get_enum(p)]); break;
    case OB_BOOL: camp_json_write_bool(w, *(const bool *)p); break;
    case OB_INT: camp_json_write_int(w, *(const int64_t *)p); break;
    case OB_COUNTER: {
        /* Counters go back out as digit strings, as the API sends them. */
        char digits[24];
        size_t nd = 0, i;
        char out[24];
        int64_t v = *(const int64_t *)p;
        do {
            digits[nd++] = (char)('0' + (int)(v % 10));
            v /= 10;
        } while (v > 0 && nd < sizeof digits);
        for (i = 0; i < nd; i++) {
            out[i] = digits[nd - 1u - i];
        }
        camp_json_write_string(w, out, nd);
        break;
    }
    case OB_RAW: {
        const camp_str_t *raw = (const camp_str_t *)p;
        camp_json_write_raw(w, raw->ptr, raw->len);
        break;
    }
    case OB_STR_LIST: {
        const camp_str_t *items = (const camp_str_t *)field_cptr(p, OB_LIST_ITEMS);
        size_t count = *(const size_t *)field_cptr(p, OB_LIST_COUNT);
        size_t i;
        camp_json_write_array_begin(w);
        for (i = 0; i < count; i++) {
            write_str(w, &items[i]);
        }
        camp_json_write_array_end(w);
        break;
    }
    default: break; /* OB_OBJ_LIST is handled by the top pass; validate refused the rest */
    }
}

static void encode_leaf(camp_json_writer_t *w, const ob_table_t *t, const void *base)
{
    size_t i;
    camp_json_write_object_begin(w);
    for (i = 0; i < t->count; i++) {
        const ob_field_t *f = &t->fields[i];
        if (field_present(t, f, base) && f->kind != OB_OBJ_LIST) {
            camp_json_write_key(w, key_of(f));
            encode_value(w, f, base);
        }
    }
    camp_json_write_object_end(w);
}

/* The writing half of camp_ob_encode(), in its own frame so the writer is not on
 * the stack while camp_ob_validate() runs. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static camp_status_t
encode_object(const ob_table_t *t, const void *obj, char *buf, size_t cap, size_t *out_len,
              camp_diag_t *diag)
{
    camp_json_writer_t w;
    camp_status_t st;
    size_t i;

    camp_json_writer_init(&w, buf, cap);
    camp_json_write_object_begin(&w);
    for (i = 0; i < t->count; i++) {
        const ob_field_t *f = &t->fields[i];
        if (!field_present(t, f, obj)) {
            continue;
        }
        camp_json_write_key(&w, key_of(f));
        if (f->kind == OB_OBJ_LIST) {
            const char *items = (const char *)field_cptr(obj, f->offset);
            const ob_list_t *list = &camp_ob_lists[f->ref];
            size_t count = *(const size_t *)field_cptr(obj, list->count_offset);
            const ob_table_t *it = &list->items;
            size_t j;
            camp_json_write_array_begin(&w);
            for (j = 0; j < count; j++) {
                encode_leaf(&w, it, items + j * it->size);
            }
            camp_json_write_array_end(&w);
        } else {
            encode_value(&w, f, obj);
        }
    }
    camp_json_write_object_end(&w);
    st = camp_json_writer_finish(&w, out_len);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        camp_diag_set(diag, st, "$", CAMP_RULE(O20, "output buffer too small"));
        if (diag != NULL) {
            diag->needed = (int64_t)w.needed;
        }
    } else if (st != CAMP_OK) {
        camp_diag_set(diag, st, "$", CAMP_RULE(O21, "JSON writer failed"));
    }
    return st;
}

camp_status_t camp_ob_encode(const ob_table_t *t, const void *obj, char *buf, size_t cap,
                             size_t *out_len, camp_diag_t *diag)
{
    camp_status_t st;

    if (out_len != NULL) {
        *out_len = 0;
    }
    if (buf == NULL && cap > 0u) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(O22, "NULL buffer"));
    }
    st = camp_ob_validate(t, obj, diag);
    if (st != CAMP_OK) {
        return st;
    }
    return encode_object(t, obj, buf, cap, out_len, diag);
}
