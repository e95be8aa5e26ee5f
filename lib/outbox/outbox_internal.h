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

#include "camp/camp_json.h"
#include "camp/camp_outbox.h"

/** What a field holds and how it is checked. */
typedef enum ob_kind {
    OB_UUID = 1, /* camp_str_t / camp_outbox_nstr_t: canonical UUID */
    OB_TEXT,     /* camp_str_t / nstr: UTF-8, min..max characters (max < 0: no limit) */
    OB_DATETIME, /* camp_str_t / nstr: RFC 3339 date-time */
    OB_EMAIL,    /* camp_str_t / nstr: e-mail, 1..max characters */
    OB_TIMEZONE, /* camp_str_t / nstr: <= max characters, then an IANA zone name */
    OB_ENUM,     /* an enum (int-sized): 1..max index into names[] */
    OB_BOOL,     /* camp_outbox_bool_t */
    OB_INT,      /* camp_outbox_int_t (optional) or int64_t (OB_REQUIRED): min..max */
    OB_COUNTER,  /* int64_t carried as a string of decimal digits */
    OB_RAW,      /* camp_str_t: any JSON value, kept and written verbatim */
    OB_STR_LIST, /* array of strings, each checked as `elem` */
    OB_OBJ_LIST  /* array of flat objects described by `table` */
} ob_kind_t;

#define OB_REQUIRED 0x01u /* a missing member is CAMP_ERR_REQUIRED */
#define OB_NULLABLE 0x02u /* string kinds: storage is camp_outbox_nstr_t; null allowed */
#define OB_EMPTY_OK 0x04u /* OB_EMAIL: the empty string is accepted too */

#define OB_NO_OFFSET ((size_t)-1)

struct ob_table;

/** One member of an object. */
typedef struct ob_field {
    const char *key;              /* JSON member name */
    uint8_t kind;                 /* ob_kind_t */
    uint8_t flags;                /* OB_REQUIRED | OB_NULLABLE | OB_EMPTY_OK */
    size_t offset;                /* value; for lists: the items array */
    size_t count_offset;          /* lists: the size_t count */
    size_t set_offset;            /* string lists: the bool "present" flag, else OB_NO_OFFSET */
    int64_t min;                  /* TEXT/EMAIL/TIMEZONE: characters; INT: value */
    int64_t max;                  /* same; ENUM: number of names; lists: capacity */
    const char *const *names;     /* ENUM: names[1..max] (names[0] unused) */
    const char *rule;             /* rule text for a value that breaks the field's rule */
    const struct ob_field *elem;  /* STR_LIST: how each item is checked */
    const struct ob_table *table; /* OBJ_LIST: fields of each item */
    size_t elem_size;             /* OBJ_LIST: sizeof one item */
} ob_field_t;

/** The fields of one object (at most 32: presence is tracked in a bitmask). */
typedef struct ob_table {
    const ob_field_t *fields;
    size_t count;
} ob_table_t;

/** Decode object token @p tok into @p out following @p table. The members are
 * zeroed first; the items of object lists as they are decoded (items past a
 * list's count are left as they were). */
camp_status_t camp_ob_decode(camp_json_doc_t *doc, int tok, const ob_table_t *table, void *out,
                             size_t out_size, camp_diag_t *diag);

/** Check @p obj against @p table; paths start at `$`. */
camp_status_t camp_ob_validate(const ob_table_t *table, const void *obj, camp_diag_t *diag);

/** Validate, then encode @p obj as a JSON object into @p buf. */
camp_status_t camp_ob_encode(const ob_table_t *table, const void *obj, char *buf, size_t cap,
                             size_t *out_len, camp_diag_t *diag);

#endif /* CAMP_OUTBOX_INTERNAL_H */
