/*
 * outbox_internal.h - the table-driven engine behind camp_outbox.h.
 *
 * Each Outbox object is described by a const table of fields (JSON key, kind,
 * flags, offset in the struct, limits, rule text). One engine decodes (tokens ->
 * struct, checking as it goes), validates (struct -> first violation with a path
 * built from the keys) and encodes (struct -> JSON) every object, so the three
 * directions cannot drift apart.
 *
 * Nesting is at most two levels (an object with arrays of flat objects: campaign
 * steps, contacts): the engine has a "top" and a "leaf" pass instead of recursion.
 */
#ifndef CAMP_OUTBOX_INTERNAL_H
#define CAMP_OUTBOX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_config.h"
#include "camp/camp_json.h"
#include "camp/camp_outbox.h"

/** What a field holds and how it is checked. */
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
    OB_STR_LIST, /* array of strings, each checked as `elem` */
    OB_OBJ_LIST  /* array of flat objects described by `table` */
} ob_kind_t;

#define OB_REQUIRED 0x01u /* a missing member is CAMP_ERR_REQUIRED */
#define OB_NULLABLE 0x02u /* string kinds: null allowed (ptr NULL with the presence bit set) */
#define OB_EMPTY_OK 0x04u /* OB_EMAIL: the empty string is accepted too */

/* Presence bits. Optional booleans, integers, string lists and nullable strings
 * are present when their bit of the struct's `present` word is set (the public
 * CAMP_OUTBOX_*_HAS_* masks); the bit's index + 1 is kept in the top five bits of
 * the field's flags (0: the field has no bit, its presence follows from its value). */
#define OB_PBIT_SHIFT 3u
#define OB_PBIT_MAX 30u /* highest bit index the flags can carry */
/* The bit index of a one-bit constant mask below 2^16 (for the tables): the number
 * of powers of two from 2 to 2^15 it reaches (comparisons only, no shifts). */
#define OB_GE(m, v) (((m) >= (v)) ? 1u : 0u)
#define OB_LOG2_16(m)                                                                              \
    (OB_GE(m, 0x2u) + OB_GE(m, 0x4u) + OB_GE(m, 0x8u) + OB_GE(m, 0x10u) + OB_GE(m, 0x20u) +        \
     OB_GE(m, 0x40u) + OB_GE(m, 0x80u) + OB_GE(m, 0x100u) + OB_GE(m, 0x200u) + OB_GE(m, 0x400u) +  \
     OB_GE(m, 0x800u) + OB_GE(m, 0x1000u) + OB_GE(m, 0x2000u) + OB_GE(m, 0x4000u) +                \
     OB_GE(m, 0x8000u))
/* Flags of a field whose presence is the public mask @p mask (one bit, below 2^16). */
#define OB_HAS(mask) ((uint8_t)((OB_LOG2_16(mask) + 1u) << OB_PBIT_SHIFT))

/* Member offsets are 16-bit when the capacities keep every Outbox struct well under
 * 64 KiB even with 64-bit pointers (outbox_models.c checks the real sizes at build
 * time); bigger capacities widen them instead of failing. */
#if (CAMP_MAX_EMAIL_STEPS * 256 + CAMP_MAX_SENDER_IDS * 16) <= 32768 &&                            \
    (CAMP_MAX_CONTACTS * (CAMP_MAX_CONTACT_TAGS * 16 + 256)) <= 32768
typedef uint16_t ob_off_t;
#else
typedef uint32_t ob_off_t;
#endif

/** One member of an object. The key, rule, limits and referenced tables are small
 * indexes into the module's shared const tables (declared below), so a member costs
 * a few bytes instead of a row of pointers and 64-bit limits. */
typedef struct ob_field {
    uint16_t key;    /* offset of the NUL-terminated JSON name in camp_ob_keys */
    uint8_t key_len; /* its length */
    uint8_t kind;    /* ob_kind_t */
    uint8_t flags;   /* OB_REQUIRED | OB_NULLABLE | OB_EMPTY_OK | OB_HAS(presence bit) */
    uint8_t rule;    /* camp_ob_rules[]: text for a value that breaks the member's rule */
    /* camp_ob_limits[]: TEXT/EMAIL/TIMEZONE characters, INT value, ENUM 1..number of
     * names, lists 0..capacity */
    uint8_t lim;
    /* ENUM: camp_ob_enum_names[]; STR_LIST: camp_ob_elems[]; OBJ_LIST: camp_ob_lists[] */
    uint8_t ref;
    ob_off_t offset; /* value; lists: the list struct (STR_LIST) or items array */
} ob_field_t;

/** The fields of one object (at most 32: decode tracks the members seen in a
 * bitmask) and where the struct keeps its `present` word. */
typedef struct ob_table {
    const ob_field_t *fields;
    ob_off_t size;        /* sizeof the struct it describes */
    ob_off_t present;     /* offset of the `present` word */
    uint8_t present_size; /* its size: 1, 2 or 4; 0: the struct has none */
    uint8_t count;
} ob_table_t;

/** An object list member (there are two: the campaign's steps, the page's contacts):
 * its items and where its parent keeps their count, kept here rather than in every
 * member descriptor. */
typedef struct ob_list {
    ob_table_t items;
    ob_off_t count_offset; /* the parent's size_t count */
} ob_list_t;

/** A min..max pair (max < 0: no upper limit). */
typedef struct ob_limits {
    int64_t min;
    int64_t max;
} ob_limits_t;

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

/* Indexes into camp_ob_limits. */
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

/* The shared tables, defined in outbox_models.c. */
struct ob_keys;
extern const struct ob_keys camp_ob_keys;                       /* every JSON member name once */
extern const char *const camp_ob_rules[OB_R_COUNT];             /* rule texts */
extern const ob_limits_t camp_ob_limits[OB_L_COUNT];            /* limit pairs */
extern const char *const *const camp_ob_enum_names[OB_N_COUNT]; /* names[1..max] of each enum */
extern const ob_field_t camp_ob_elems[OB_E_COUNT]; /* how each string-list item is checked */
extern const ob_list_t camp_ob_lists[OB_I_COUNT];  /* the object lists */

/** Decode object token @p tok into @p out following @p table. The members are
 * zeroed first; the items of object lists as they are decoded (items past a
 * list's count are left as they were). */
camp_status_t camp_ob_decode(camp_json_doc_t *doc, int tok, const ob_table_t *table, void *out,
                             camp_diag_t *diag);

/** Check @p obj against @p table; paths start at `$`. */
camp_status_t camp_ob_validate(const ob_table_t *table, const void *obj, camp_diag_t *diag);

/** Validate, then encode @p obj as a JSON object into @p buf. */
camp_status_t camp_ob_encode(const ob_table_t *table, const void *obj, char *buf, size_t cap,
                             size_t *out_len, camp_diag_t *diag);

#endif /* CAMP_OUTBOX_INTERNAL_H */
