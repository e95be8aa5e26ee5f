/*
 * outbox_internal.h - the Outbox documents on the library's model engine.
 *
 * Each Outbox object is a node of the engine (lib/inbox/inbox_internal.h): a
 * const member table (key in the Outbox key pool, offset in the struct, presence
 * bit, required / nullable flags) walked by the engine's one decode loop and its
 * struct walks (validate, encode), with the engine's member lookup, required
 * check, presence bits, explicit level stack and JSON paths. Outbox's value
 * kinds (UUID, bounded text, date-time kept as text, e-mail, zone name with a
 * length limit, digit-string counters, int-sized enums, lists) are K_HOOK members:
 * the family's hooks (outbox_hooks.c) read, check and write each value, described
 * by the member's row: its `rule` byte is its Outbox type (OB_W_*), its Outbox kind
 * and the variant that says its limits, rule text, names or list it refers to
 * (ob_kind(), ob_var()).
 *
 * Nesting is two levels (an object with arrays of flat objects: campaign steps,
 * contacts): each document needs at most three levels of the walk.
 */
#ifndef CAMP_OUTBOX_INTERNAL_H
#define CAMP_OUTBOX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_config.h"
#include "camp/camp_json.h"
#include "camp/camp_outbox.h"
#include "inbox/inbox_internal.h"

/** What a member holds and how it is checked (an Outbox type's kind). */
typedef enum ob_kind {
    OB_UUID = 1,       /* camp_str_t: canonical UUID */
    OB_TEXT,           /* camp_str_t: UTF-8, min..max characters (max < 0: no limit) */
    OB_DATETIME,       /* camp_str_t: RFC 3339 date-time */
    OB_EMAIL,          /* camp_str_t: e-mail, 1..max characters */
    OB_EMAIL_OR_EMPTY, /* camp_str_t: "" or as OB_EMAIL */
    OB_TIMEZONE,       /* camp_str_t: <= max characters, then an IANA zone name */
    OB_ENUM,           /* an enum (int-sized): 1..max index into names[] */
    OB_BOOL,           /* bool (optional: with a presence bit) */
    OB_INT,            /* int64_t: min..max (optional: with a presence bit) */
    OB_COUNTER,        /* int64_t carried as a string of decimal digits */
    OB_RAW,            /* camp_str_t: any JSON value, kept and written verbatim */
    OB_STR_LIST,       /* list of strings, each checked as `elem` */
    OB_OBJ_LIST        /* array of flat objects (an array level of the walk) */
} ob_kind_t;

/* An Outbox type's variant: the index of its limits (camp_ob_max, min 0 or 1:
 * OB_MIN_ONE) and its rule text (camp_ob_rules); an enum's, a string list's or an
 * object list's variant, counted from the first of its kind, picks its names, its
 * item check or its list. A variant serves every kind that reads the same of it:
 * booleans and raw values read nothing, counters and lists no rule text, and a
 * UUID's limits never stop a string where rows are small (0..INT64_MAX, the
 * counters'; where they are wide UUIDs skip the length check, as date-times and
 * plain texts do, and counters have a variant of their own). */
#define OB_V_TEXT 0u /* 0..no limit, any text */
#define OB_V_UUID 1u
#define OB_V_DATETIME 2u /* 0..no limit (OB_V_TEXT.. OB_V_DATETIME: none) */
#define OB_V_NAME 3u     /* 0..255: a campaign's name, a sender's from_name */
#define OB_V_NAME_CREATE 4u
#define OB_V_EMAIL 5u
#define OB_V_TZ 6u
#define OB_V_CAMPAIGN_STATUS 7u /* the enums: 1..their names' count */
#define OB_V_VMODE 8u
#define OB_V_SSTATUS 9u
#define OB_V_INT32 10u
#define OB_V_TOTAL 11u
#define OB_V_SENDER_IDS 12u /* the string lists: 0..capacity */
#define OB_V_TAGS 13u
#define OB_V_STEPS 14u /* the object lists: 0..capacity */
#define OB_V_CONTACTS 15u
#if IB_WIDE_ROWS
#define OB_V_COUNTER 16u
#define OB_V_COUNT 17u
#else
#define OB_V_COUNTER OB_V_UUID
#define OB_V_COUNT 16u
#endif

/* A limit's max (< 0: no upper limit): an int64_t where speed is wanted; where
 * size is, 32 bits, two negative codes standing for INT64_MAX and
 * CAMP_MAX_SAFE_INT (half the table; lim_max() reads them). */
#if CAMP_ENGINE_FAST_PATHS
typedef int64_t ob_max_t;
#define OB_MAX_NONE INT64_C(-1)
#define OB_MAX_ANY INT64_MAX
#define OB_MAX_SAFE CAMP_MAX_SAFE_INT
#else
typedef int32_t ob_max_t;
#define OB_MAX_NONE (-1)
#define OB_MAX_ANY (-2)
#define OB_MAX_SAFE (-3)
#endif

/* The variants whose min is 1 (the others' is 0). */
#define OB_MIN_ONE                                                                                 \
    ((1u << OB_V_NAME_CREATE) | (1u << OB_V_EMAIL) | (1u << OB_V_CAMPAIGN_STATUS) |                \
     (1u << OB_V_VMODE) | (1u << OB_V_SSTATUS))

/* Indexes into camp_ob_enum_names, camp_ob_elems and camp_ob_lists: a variant
 * less the first of its kind's. */
#define OB_N_CAMPAIGN_STATUS (OB_V_CAMPAIGN_STATUS - OB_V_CAMPAIGN_STATUS)
#define OB_N_VMODE (OB_V_VMODE - OB_V_CAMPAIGN_STATUS)
#define OB_N_SSTATUS (OB_V_SSTATUS - OB_V_CAMPAIGN_STATUS)
#define OB_N_COUNT 3u
#define OB_E_UUID (OB_V_SENDER_IDS - OB_V_SENDER_IDS)
#define OB_E_TAG (OB_V_TAGS - OB_V_SENDER_IDS)
#define OB_E_COUNT 2u
#define OB_I_STEPS (OB_V_STEPS - OB_V_STEPS)
#define OB_I_RESULTS (OB_V_CONTACTS - OB_V_STEPS)
#define OB_I_COUNT 2u

/* The Outbox types: the kinds-with-variants the members use, each an OB_TYPE()
 * word (OB_W_*: its kind in 4 bits, its variant above them). A member row names
 * its type by name: a wide row (IB_WIDE_ROWS) holds its kind in `rule` and its
 * variant in `aux`; a small one the word itself in `rule` (ob_kind(), ob_var()). */
#define OB_TYPE(KIND, VAR) ((uint16_t)((unsigned)(KIND) | ((unsigned)(VAR) << 4u)))
#define OB_W_UUID OB_TYPE(OB_UUID, OB_V_UUID)
#define OB_W_DATETIME OB_TYPE(OB_DATETIME, OB_V_DATETIME)
#define OB_W_TEXT OB_TYPE(OB_TEXT, OB_V_TEXT)
#define OB_W_NAME OB_TYPE(OB_TEXT, OB_V_NAME)
#define OB_W_NAME_CREATE OB_TYPE(OB_TEXT, OB_V_NAME_CREATE)
#define OB_W_FROM_NAME OB_TYPE(OB_TEXT, OB_V_NAME)
#define OB_W_EMAIL OB_TYPE(OB_EMAIL, OB_V_EMAIL)
#define OB_W_EMAIL_OR_EMPTY OB_TYPE(OB_EMAIL_OR_EMPTY, OB_V_EMAIL)
#define OB_W_TIMEZONE OB_TYPE(OB_TIMEZONE, OB_V_TZ)
#define OB_W_BOOL OB_TYPE(OB_BOOL, OB_V_TEXT)
#define OB_W_RAW OB_TYPE(OB_RAW, OB_V_TEXT)
#define OB_W_CAMPAIGN_STATUS OB_TYPE(OB_ENUM, OB_V_CAMPAIGN_STATUS)
#define OB_W_VMODE OB_TYPE(OB_ENUM, OB_V_VMODE)
#define OB_W_SENDER_STATUS OB_TYPE(OB_ENUM, OB_V_SSTATUS)
#define OB_W_INT32 OB_TYPE(OB_INT, OB_V_INT32)
#define OB_W_TOTAL OB_TYPE(OB_INT, OB_V_TOTAL)
#define OB_W_COUNTER OB_TYPE(OB_COUNTER, OB_V_COUNTER)
#define OB_W_SENDER_IDS OB_TYPE(OB_STR_LIST, OB_V_SENDER_IDS)
#define OB_W_TAGS OB_TYPE(OB_STR_LIST, OB_V_TAGS)
#define OB_W_STEPS OB_TYPE(OB_OBJ_LIST, OB_V_STEPS)
#define OB_W_CONTACTS OB_TYPE(OB_OBJ_LIST, OB_V_CONTACTS)

/* The row of an Outbox member of type @p TYPE (a name above: UUID, TEXT, ...). */
#if IB_WIDE_ROWS
#define OB_ROW(M, TYPE, FLAGS, OFF, HAS)                                                           \
    IB_ROW_AT(IB_POOL, M, K_HOOK, (uint8_t)(OB_W_##TYPE & 0xFu), FLAGS, OFF,                       \
              (uint16_t)(OB_W_##TYPE >> 4u), HAS)
#else
#define OB_ROW(M, TYPE, FLAGS, OFF, HAS)                                                           \
    IB_ROW_AT(IB_POOL, M, K_HOOK, (uint8_t)OB_W_##TYPE, FLAGS, OFF, 0u, HAS)
#endif

/* Member @p m's Outbox kind (ob_kind_t). */
static inline uint8_t ob_kind(const ifield_t *m)
{
#if IB_WIDE_ROWS
    return m->rule;
#else
    return (uint8_t)(m->rule & 0xFu);
#endif
}

/* Member @p m's variant (OB_V_*). */
static inline unsigned ob_var(const ifield_t *m)
{
#if IB_WIDE_ROWS
    return m->aux;
#else
    return (unsigned)m->rule >> 4u;
#endif
}

/** An object list (the campaign's steps, the page's contacts): its items' node
 * and size, and where its parent keeps the items and their count. */
typedef struct ob_list {
    uint8_t node;          /* enum inode_id of the items */
    uint16_t capacity;     /* the items array's (CAMP_MAX_*) */
    uint16_t item_size;    /* sizeof an item */
    uint16_t items_offset; /* the parent's items array */
    uint16_t count_offset; /* the parent's size_t count */
} ob_list_t;

/* The shared tables, defined in outbox_models.c. */
extern const char *const camp_ob_rules[OB_V_COUNT];             /* rule texts */
extern const ob_max_t camp_ob_max[OB_V_COUNT];                  /* limits' max */
extern const char *const *const camp_ob_enum_names[OB_N_COUNT]; /* names[1..max] of each enum */
extern const ifield_t camp_ob_elems[OB_E_COUNT];  /* how each string-list item is checked */
extern const ob_list_t camp_ob_lists[OB_I_COUNT]; /* the object lists */

/* The Outbox nodes, N_OB_CAMPAIGN.. N_OB_CONTACT (outbox_models.c). */
#define OB_NODES (N_OB_CONTACT - N_OB_CAMPAIGN + 1)
extern const inode_t camp_ob_nodes[OB_NODES];

/* The Outbox family as decoding runs it, and as the struct walks (validate,
 * encode) run it (outbox_hooks.c): each links only its own side of the hooks. */
extern const ifamily_t camp_ob_family;
extern const ifamily_t camp_ob_walk_family;

/* The walk's levels of the Outbox documents: an object, its object list, an item. */
#define OB_DEPTH_LIST 3
#define OB_DEPTH_FLAT 1

#endif /* CAMP_OUTBOX_INTERNAL_H */
