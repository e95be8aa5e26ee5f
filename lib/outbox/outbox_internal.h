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
 * by the member's row: its `rule` byte is its Outbox type (ob_type_t), which says
 * its Outbox kind and its limits, rule text, names or list it refers to
 * (camp_ob_types: ob_kind(), ob_aux()).
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
    OB_UUID = 1, /* camp_str_t: canonical UUID */
    OB_TEXT,     /* camp_str_t: UTF-8, min..max characters (max < 0: no limit) */
    OB_DATETIME, /* camp_str_t: RFC 3339 date-time */
    OB_EMAIL,    /* camp_str_t: e-mail, 1..max characters */
    OB_TIMEZONE, /* camp_str_t: <= max characters, then an IANA zone name */
    OB_ENUM,     /* an enum (int-sized): 1..max index into names[] */
    OB_BOOL,     /* bool (optional: with a presence bit) */
    OB_INT,      /* int64_t: min..max (optional: with a presence bit) */
    OB_COUNTER,  /* int64_t carried as a string of decimal digits */
    OB_RAW,      /* camp_str_t: any JSON value, kept and written verbatim */
    OB_STR_LIST, /* list of strings, each checked as `elem` */
    OB_OBJ_LIST  /* array of flat objects (an array level of the walk) */
} ob_kind_t;

/* An Outbox type's aux word: its limits (camp_ob_max index, 5 bits), its
 * rule text (camp_ob_rules index, 4 bits), what it refers to (an enum's names,
 * a string list's item check, an object list: 2 bits) and whether an e-mail
 * member takes "" too (1 bit). */
#define OB_AUX(LIM, RULE, REF, EMPTY_OK)                                                           \
    ((uint16_t)((unsigned)(LIM) | ((unsigned)(RULE) << 5u) | ((unsigned)(REF) << 9u) |             \
                ((unsigned)(EMPTY_OK) << 11u)))
#define OB_AUX_LIM(aux) ((unsigned)(aux)&0x1Fu)
#define OB_AUX_RULE(aux) (((unsigned)(aux) >> 5u) & 0xFu)
#define OB_AUX_REF(aux) (((unsigned)(aux) >> 9u) & 0x3u)
#define OB_AUX_EMPTY_OK(aux) ((((unsigned)(aux) >> 11u) & 0x1u) != 0u)

/* Indexes into camp_ob_rules (OB_R_NONE: the member has no rule of its own). */
#define OB_R_NONE 0u
#define OB_R_UUID 1u
#define OB_R_DATETIME 2u
#define OB_R_EMAIL 3u
#define OB_R_TZ 4u
#define OB_R_NAME_CREATE 5u
#define OB_R_MAX_255 6u
#define OB_R_ANY_TEXT 7u
#define OB_R_INT32 8u
#define OB_R_TOTAL 9u
#define OB_R_STATUS 10u
#define OB_R_VMODE 11u
#define OB_R_SSTATUS 12u
#define OB_R_COUNT 13u

/* Indexes into camp_ob_min and camp_ob_max: min..max pairs (max < 0: no upper
 * limit). Each min is 0 or 1: a byte of its own, beside the int64 max. */
#define OB_L_NONE 0u
#define OB_L_NAME_CREATE 1u
#define OB_L_NAME 2u
#define OB_L_FROM_NAME 3u
#define OB_L_EMAIL 4u
#define OB_L_TZ 5u
#define OB_L_INT32 6u
#define OB_L_TOTAL 7u
#define OB_L_COUNTER 8u
#define OB_L_STEPS 9u
#define OB_L_SENDER_IDS 10u
#define OB_L_TAGS 11u
#define OB_L_CONTACTS 12u
#define OB_L_CAMPAIGN_STATUS 13u
#define OB_L_VMODE 14u
#define OB_L_SSTATUS 15u
#define OB_L_COUNT 16u

/* Indexes into camp_ob_enum_names, camp_ob_elems and camp_ob_lists. */
#define OB_N_CAMPAIGN_STATUS 0u
#define OB_N_VMODE 1u
#define OB_N_SSTATUS 2u
#define OB_N_COUNT 3u
#define OB_E_UUID 0u
#define OB_E_TAG 1u
#define OB_E_COUNT 2u
#define OB_I_STEPS 0u
#define OB_I_RESULTS 1u
#define OB_I_COUNT 2u

/* The Outbox types: the 21 kinds-with-limits the members use, each an OB_TYPE()
 * word (OB_W_*: its kind in 4 bits, its aux word above them). A member row names
 * its type by name (OB_T_##name is its index): a wide row (IB_WIDE_ROWS) holds its
 * kind in `rule` and its aux word in `aux`; a small one its index in `rule`, read
 * through camp_ob_types (ob_kind(), ob_aux()). */
#define OB_TYPE(KIND, AUX) ((uint16_t)((unsigned)(KIND) | ((unsigned)(AUX) << 4u)))
#define OB_W_UUID OB_TYPE(OB_UUID, OB_AUX(OB_L_NONE, OB_R_UUID, 0, 0))
#define OB_W_DATETIME OB_TYPE(OB_DATETIME, OB_AUX(OB_L_NONE, OB_R_DATETIME, 0, 0))
#define OB_W_TEXT OB_TYPE(OB_TEXT, OB_AUX(OB_L_NONE, OB_R_ANY_TEXT, 0, 0))
#define OB_W_NAME OB_TYPE(OB_TEXT, OB_AUX(OB_L_NAME, OB_R_MAX_255, 0, 0))
#define OB_W_NAME_CREATE OB_TYPE(OB_TEXT, OB_AUX(OB_L_NAME_CREATE, OB_R_NAME_CREATE, 0, 0))
#define OB_W_FROM_NAME OB_TYPE(OB_TEXT, OB_AUX(OB_L_FROM_NAME, OB_R_MAX_255, 0, 0))
#define OB_W_EMAIL OB_TYPE(OB_EMAIL, OB_AUX(OB_L_EMAIL, OB_R_EMAIL, 0, 0))
#define OB_W_EMAIL_OR_EMPTY OB_TYPE(OB_EMAIL, OB_AUX(OB_L_EMAIL, OB_R_EMAIL, 0, 1))
#define OB_W_TIMEZONE OB_TYPE(OB_TIMEZONE, OB_AUX(OB_L_TZ, OB_R_TZ, 0, 0))
#define OB_W_BOOL OB_TYPE(OB_BOOL, 0u)
#define OB_W_RAW OB_TYPE(OB_RAW, 0u)
#define OB_W_CAMPAIGN_STATUS                                                                       \
    OB_TYPE(OB_ENUM, OB_AUX(OB_L_CAMPAIGN_STATUS, OB_R_STATUS, OB_N_CAMPAIGN_STATUS, 0))
#define OB_W_VMODE OB_TYPE(OB_ENUM, OB_AUX(OB_L_VMODE, OB_R_VMODE, OB_N_VMODE, 0))
#define OB_W_SENDER_STATUS OB_TYPE(OB_ENUM, OB_AUX(OB_L_SSTATUS, OB_R_SSTATUS, OB_N_SSTATUS, 0))
#define OB_W_INT32 OB_TYPE(OB_INT, OB_AUX(OB_L_INT32, OB_R_INT32, 0, 0))
#define OB_W_TOTAL OB_TYPE(OB_INT, OB_AUX(OB_L_TOTAL, OB_R_TOTAL, 0, 0))
#define OB_W_COUNTER OB_TYPE(OB_COUNTER, OB_AUX(OB_L_COUNTER, OB_R_NONE, 0, 0))
#define OB_W_SENDER_IDS OB_TYPE(OB_STR_LIST, OB_AUX(OB_L_SENDER_IDS, OB_R_NONE, OB_E_UUID, 0))
#define OB_W_TAGS OB_TYPE(OB_STR_LIST, OB_AUX(OB_L_TAGS, OB_R_NONE, OB_E_TAG, 0))
#define OB_W_STEPS OB_TYPE(OB_OBJ_LIST, OB_AUX(OB_L_STEPS, OB_R_NONE, OB_I_STEPS, 0))
#define OB_W_CONTACTS OB_TYPE(OB_OBJ_LIST, OB_AUX(OB_L_CONTACTS, OB_R_NONE, OB_I_RESULTS, 0))

typedef enum ob_type {
    OB_T_UUID,
    OB_T_DATETIME,
    OB_T_TEXT,
    OB_T_NAME,
    OB_T_NAME_CREATE,
    OB_T_FROM_NAME,
    OB_T_EMAIL,
    OB_T_EMAIL_OR_EMPTY,
    OB_T_TIMEZONE,
    OB_T_BOOL,
    OB_T_RAW,
    OB_T_CAMPAIGN_STATUS,
    OB_T_VMODE,
    OB_T_SENDER_STATUS,
    OB_T_INT32,
    OB_T_TOTAL,
    OB_T_COUNTER,
    OB_T_SENDER_IDS,
    OB_T_TAGS,
    OB_T_STEPS,
    OB_T_CONTACTS,
    OB_T_COUNT
} ob_type_t;

/* The row of an Outbox member of type @p TYPE (a name above: UUID, TEXT, ...). */
#if IB_WIDE_ROWS
#define OB_ROW(M, TYPE, FLAGS, OFF, HAS)                                                           \
    IB_ROW_AT(IB_POOL, M, K_HOOK, (uint8_t)(OB_W_##TYPE & 0xFu), FLAGS, OFF,                       \
              (uint16_t)(OB_W_##TYPE >> 4u), HAS)
#else
#define OB_ROW(M, TYPE, FLAGS, OFF, HAS)                                                           \
    IB_ROW_AT(IB_POOL, M, K_HOOK, OB_T_##TYPE, FLAGS, OFF, 0u, HAS)
extern const uint16_t camp_ob_types[OB_T_COUNT]; /* OB_W_* of each OB_T_* */
#endif

/* Member @p m's Outbox kind (ob_kind_t). */
static inline uint8_t ob_kind(const ifield_t *m)
{
#if IB_WIDE_ROWS
    return m->rule;
#else
    return (uint8_t)(camp_ob_types[m->rule] & 0xFu);
#endif
}

/* Member @p m's aux word (OB_AUX()). */
static inline uint16_t ob_aux(const ifield_t *m)
{
#if IB_WIDE_ROWS
    return m->aux;
#else
    return (uint16_t)(camp_ob_types[m->rule] >> 4u);
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
extern const char *const camp_ob_rules[OB_R_COUNT];             /* rule texts */
extern const uint8_t camp_ob_min[OB_L_COUNT];                   /* limits' min (0 or 1) */
extern const int64_t camp_ob_max[OB_L_COUNT];                   /* limits' max */
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
