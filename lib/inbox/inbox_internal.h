/* Private to lib/inbox: a small table engine that runs one of four operations
 * (decode, validate, encode, equal) over a struct described by a const table of
 * member descriptors.
 *
 * Why tables: the same description of a member (key, kind, offset, rule,
 * presence bit, flags) drives decoding, validation, encoding and comparison, so
 * a rule lives in one place. The tables hold no pointers (keys are inline char
 * arrays, rules and enums are small numbers resolved by switch statements), so
 * they land in .rodata with no relocations: 0 bytes of .data.
 *
 * No recursion: the engine never calls back into struct code. camp_ib_run_next() walks
 * a table and *returns* at a member of kind K_SUB (a nested object or array),
 * after its prologue (presence, required, key written / path pushed); the
 * struct's own hand-written function handles the value and calls camp_ib_run_done().
 * Nesting is therefore a fixed chain of distinct functions, as deep as the
 * schema. */
#ifndef CAMP_INBOX_INTERNAL_H
#define CAMP_INBOX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_inbox.h"

/* ---- descriptors ------------------------------------------------------------------ */

enum ikind {
    K_STR = 1, /* camp_str_t, any string; rule: R_* length in characters (or R_NONE) */
    K_ID,      /* camp_str_t, InboxApp ID ^[0-9a-z]+$ */
    K_COLID,   /* camp_str_t, column ID ^custom_[0-9a-z]+$ */
    K_TZ,      /* camp_str_t, IANA zone name */
    K_ENUM,    /* uint8_t, rule: E_* ; 0 = absent */
    K_BOOL,    /* bool */
    K_I64,     /* int64_t, rule: R_* range */
    K_U16,     /* uint16_t, rule: R_* range */
    K_FRAC,    /* uint32_t millionths in 0..1 */
    K_TIME,    /* camp_inbox_time_t */
    K_RAW,     /* camp_str_t, any JSON value, kept raw */
    K_RAW_OBJ, /* camp_str_t, a JSON object, kept raw */
    K_IDS,     /* camp_str_t[] at off, uint16_t count at aux; rule: A_* (capacity, minimum) */
    K_SUB      /* nested value handled by the caller; rule: caller's own sub id */
};

/* flags */
#define F_REQ 0x01u         /* required */
#define F_NULL 0x02u        /* may be null (pointer kinds only) */
#define F_NULL_SUM 0x04u    /* may be null in the summary campaign shape only (D16) */
#define F_V2 0x08u          /* member of the v2 campaign shape only */
#define F_LEG 0x10u         /* member of the legacy campaign shape only */
#define F_REQ_REQUEST 0x20u /* required in request bodies */
#define F_NO_REQUEST 0x40u  /* must not appear in request bodies (documented "do not send") */
#define F_RESP 0x80u        /* response member only: ignored (skipped, not written) in requests */

/* value rules (K_STR lengths, K_I64/K_U16 ranges) */
enum irule {
    R_NONE = 0,
    R_COUNT,    /* 0..2^53-1 */
    R_RATE,     /* hourlyMessageRate: 1..60 decoding, 1..25 strict (D1) */
    R_MINUTE,   /* 0..1440 */
    R_HTTP,     /* 100..599 */
    R_NAME,     /* 1..255 characters */
    R_DESC,     /* 0..1000 characters */
    R_NONEMPTY  /* at least 1 character */
};

/* array rules (K_IDS) */
enum iarray {
    A_ACCOUNTS = 1, /* 0..CAMP_MAX_ACCOUNTS */
    A_ACCOUNTS1,    /* 1..CAMP_MAX_ACCOUNTS: create body */
    A_LISTS         /* 0..CAMP_MAX_LISTS */
};

/* enums (K_ENUM) */
enum ienum {
    E_STATUS = 1,
    E_STEP,
    E_SEGMENT,
    E_PLATFORM,
    E_BY,
    E_TRIGGER,
    E_ACTION,
    E_DETACH
};

typedef struct ifield {
    char key[20];   /* member name (NUL-terminated) */
    uint8_t kind;   /* enum ikind */
    uint8_t rule;   /* enum irule / iarray / ienum, or the caller's sub id */
    uint16_t flags; /* F_* */
    uint16_t off;   /* offset of the value in the struct */
    uint16_t aux;   /* K_IDS: offset of the uint16_t count */
    uint32_t bit;   /* presence bit in the struct's present word, 0 = none */
} ifield_t;

#define NO_PRESENT 0xFFFFu

#if CAMP_DIAG_PATH_MAX > 254
#error "lib/inbox keeps path marks in a uint8_t: CAMP_DIAG_PATH_MAX must be at most 254"
#endif

/* ---- context ------------------------------------------------------------------------- */

typedef enum iop { OP_DECODE, OP_VALIDATE, OP_ENCODE, OP_EQUAL } iop_t;

/* Room for exactly what camp_diag_t::path can show, plus 1: a longer path is cut
 * (with "...") by camp_diag_set() to the same text whether it arrives with 96 or
 * more bytes, so a bigger buffer would only cost stack. path_put()
 * keeps the stored text a prefix of the true path, so marks and cuts stay exact.
 * The buffer is in the frame of each pass; equal reports no path, so its buffer
 * is IPATH_MIN bytes ("$"; longer paths are cut there, never read). */
#define IPATH_CAP (CAMP_DIAG_PATH_MAX + 1)
#define IPATH_MIN 2u

typedef struct ipath {
    char *buf;  /* cap bytes, NUL-terminated */
    size_t len;
    size_t cap; /* IPATH_CAP or IPATH_MIN */
} ipath_t;

typedef struct ictx {
    iop_t op;
    camp_json_doc_t *doc;  /* decode */
    camp_diag_t *diag;     /* may be NULL */
    camp_json_writer_t *w; /* encode */
    ipath_t path;          /* validate: path of the value being checked */
    bool request;          /* request-body rules */
    bool strict;           /* strictest documented limits (encoding) */
    bool decoded;          /* validate: the struct was just decoded, so every member's own
                            * value rules already held; only nested objects are walked, for
                            * their cross-member rules */
    uint8_t shape;         /* campaign shape in effect (camp_inbox_shape_t) */
    const camp_inbox_campaign_t *campaign; /* variable checks: the campaign being validated */
    int steps_tok;         /* decode: the steps array being decoded (pool sizing) */
    int scan_tok;          /* decode: the object whose mappings share a pool (pool sizing) */
    uint16_t *slots;       /* decode: member index of the open tables (see irun_t::slot) */
    uint8_t slot_top;      /* decode: slots in use (a stack: inner tables above outer ones) */
} ictx_t;

/* Decode: one uint16_t per table member for each open table, in the frame of the
 * decode pass (inbox_api.c). A table's object is scanned once when its walk starts
 * and each member's value token is kept as an offset from the object token
 * (0 = absent), so the walk dispatches keys in one pass instead of searching the
 * object once per member (that search was the largest cost of a decode). A table
 * that does not fit, or a subtree too big for 16 bits, is looked up with
 * camp_json_member() instead: same result, slower. */
#ifndef CAMP_INBOX_INDEX_SLOTS
#define CAMP_INBOX_INDEX_SLOTS 32 /* 64 B of decode stack; 0 turns the index off */
#endif
#if CAMP_INBOX_INDEX_SLOTS < 0 || CAMP_INBOX_INDEX_SLOTS > 254
#error "CAMP_INBOX_INDEX_SLOTS must be in 0..254"
#endif
#define IB_SLOTS ((unsigned)CAMP_INBOX_INDEX_SLOTS)
#define NO_SLOT 0xFFu

/* cx->shape for the legacy webhook's `data.campaign` reference ({id, name} only). */
#define SHAPE_REF 0xFFu

/* Loop guard for "run a table with K_SUB members": at most one stop per member. */
#define RUN_GUARD(n) ((n) + 1u)

/* One walk over a table. a: the struct (decode writes it); b: the other struct (equal). */
/* Small fields: one irun_t lives in the frame of every nesting level. */
typedef struct irun {
    const ifield_t *t;
    void *a;
    const void *b;
    int obj;            /* decode: the object token */
    int v;              /* decode: value token of the current K_SUB member */
    uint16_t present_off; /* offset of the uint32_t/uint8_t present word, NO_PRESENT if none */
    uint8_t n;          /* tables have fewer than 255 members */
    uint8_t i;
    uint8_t present_size; /* 1 or 4 */
    uint8_t mark;       /* validate: path length of the object (< IPATH_CAP) */
    uint8_t slot;       /* decode: first slot of this table in cx->slots, NO_SLOT if none */
} irun_t;

/* "not equal" for OP_EQUAL */
#define NOT_EQUAL CAMP_ERR_INVALID

void camp_ib_run_init(ictx_t *cx, irun_t *r, const ifield_t *t, size_t n, void *a, const void *b,
              size_t present_off, uint8_t present_size, int obj);
/* Runs members from r->i. CAMP_OK with *sub == NULL: table done. CAMP_OK with
 * *sub set: a present, non-null K_SUB member (decode: r->v is its value; validate:
 * its key is on the path; encode: its key is written); handle it, then camp_ib_run_done(). */
camp_status_t camp_ib_run_next(ictx_t *cx, irun_t *r, const ifield_t **sub);
/* Decode: value token of member @p i of the run's table in its object, -1 when absent. */
int camp_ib_run_value(const ictx_t *cx, const irun_t *r, size_t i);
/* Decode: frees the run's slots (a run abandoned before camp_ib_run_next() ends it). */
void camp_ib_run_release(ictx_t *cx, irun_t *r);
void camp_ib_run_done(ictx_t *cx, irun_t *r);

/* Encode: `{` / `}`. Decode: camp_ib_obj_open checks @p tok is an object. Others: nothing. */
camp_status_t camp_ib_obj_open(ictx_t *cx, int tok);
void camp_ib_obj_close(ictx_t *cx);
void camp_ib_arr_open(ictx_t *cx);
void camp_ib_arr_close(ictx_t *cx);

/* A table without K_SUB members, inside an object the caller opened. */
camp_status_t camp_ib_run_table(ictx_t *cx, const ifield_t *t, size_t n, void *a, const void *b,
                        size_t present_off, uint8_t present_size, int obj);

/* Encode: a member key from a view (map keys). Keys of 256 bytes or more are
 * refused by validation in strict mode (KEY_MAX), so this never truncates. */
#define KEY_MAX 255u
void camp_ib_put_key(ictx_t *cx, const camp_str_t *key);
/* Validate (strict only): a map key the encoder can write. */
camp_status_t camp_ib_check_key(ictx_t *cx, const camp_str_t *key);

/* Whole object from a table without K_SUB members (braces included). */
camp_status_t camp_ib_run_all(ictx_t *cx, const ifield_t *t, size_t n, void *a, const void *b,
                      size_t present_off, uint8_t present_size, int obj);

/* ---- diagnostics --------------------------------------------------------------------- */

/* Decode: at token @p tok. Other ops: at cx->path. */
camp_status_t camp_ib_fail_at(ictx_t *cx, int tok, camp_status_t st, const char *rule);
camp_status_t camp_ib_fail_member(ictx_t *cx, int obj, const char *key, camp_status_t st,
                          const char *rule);
void camp_ib_fail_limits(ictx_t *cx, int64_t min, int64_t max);
void camp_ib_fail_needed(ictx_t *cx, int64_t needed);

/* ---- paths (validate) ------------------------------------------------------------------ */

void camp_ib_path_reset(ipath_t *p);
void camp_ib_path_key(ipath_t *p, const char *key, size_t len);
void camp_ib_path_index(ipath_t *p, size_t i);
void camp_ib_path_cut(ipath_t *p, size_t len);

/* ---- helpers for hand-written struct code ------------------------------------------------- */

/* Token navigation for decoding: the result of camp_json_next() on any document
 * camp_json_parse() made, but cheaper (the hot path of every decode).
 * Tokens are in document order and a container's descendants are exactly the
 * tokens after it that start before its end, so the token after a subtree is
 * found by a bounded search instead of a walk over it. Member lookup in a table's
 * object goes through the run's index (irun_t::slot). */
int camp_ib_next(const camp_json_doc_t *doc, int tok);

/* Decode: the array @p tok (TYPE error otherwise); *n = its size. */
camp_status_t camp_ib_want_array(ictx_t *cx, int tok, int *n);
/* Decode: the object @p tok (TYPE error otherwise). */
camp_status_t camp_ib_want_object(ictx_t *cx, int tok);
/* Decode a string token into @p out (TYPE / JSON_NUL errors at tok). */
camp_status_t camp_ib_get_str(ictx_t *cx, int tok, camp_str_t *out);
/* Capacity failure at token/path with needed count. */
camp_status_t camp_ib_fail_capacity(ictx_t *cx, int tok, const char *rule, size_t needed);

/* Value checks shared by decode and validate; return CAMP_OK or a status with *why. */
camp_status_t camp_ib_check_kind_str(const ictx_t *cx, uint8_t kind, uint8_t rule, const camp_str_t *s,
                             const char **why);
bool camp_ib_str_eq(const camp_str_t *a, const camp_str_t *b);
bool camp_ib_str_is(const camp_str_t *a, const char *lit);

/* Encode helpers. */
void camp_ib_put_str(ictx_t *cx, const camp_str_t *s);
/* Validate (OP_VALIDATE: each item present and passing @p rule, path `[i]`) or
 * write (OP_ENCODE: a JSON array) the @p count strings of a pooled string array. */
camp_status_t camp_ib_str_items(ictx_t *cx, iop_t op, const camp_str_t *items, size_t count,
                                uint8_t rule);

/* Enums. */
uint8_t camp_ib_enum_lookup(unsigned e, const char *s, size_t len);
const char *camp_ib_enum_name(unsigned e, unsigned value); /* NULL when out of range */
unsigned camp_ib_enum_count(unsigned e);

/* Raw JSON well-formedness (validate user-built raw members). */
bool camp_ib_raw_ok(const camp_str_t *s, bool object);

/* ---- per-struct operations (one function per struct, no recursion) ---------------------- */

camp_status_t camp_ib_sequence_op(ictx_t *cx, camp_inbox_sequence_t *a, const camp_inbox_sequence_t *b,
                                int tok, bool object_form);
camp_status_t camp_ib_campaign_op(ictx_t *cx, camp_inbox_campaign_t *a,
                                const camp_inbox_campaign_t *b, int tok);
camp_status_t camp_ib_summary_op(ictx_t *cx, camp_inbox_campaign_summary_t *a,
                               const camp_inbox_campaign_summary_t *b, int tok);
camp_status_t camp_ib_page_op(ictx_t *cx, camp_inbox_campaign_page_t *a,
                            const camp_inbox_campaign_page_t *b, int tok);
camp_status_t camp_ib_rules_update_op(ictx_t *cx, camp_inbox_rules_update_t *a,
                                    const camp_inbox_rules_update_t *b, int tok);
camp_status_t camp_ib_create_op(ictx_t *cx, camp_inbox_campaign_create_t *a,
                              const camp_inbox_campaign_create_t *b, int tok);
camp_status_t camp_ib_leads_add_op(ictx_t *cx, camp_inbox_leads_add_t *a,
                                 const camp_inbox_leads_add_t *b, int tok);
camp_status_t camp_ib_simple_op(ictx_t *cx, camp_inbox_type_t type, void *a, const void *b, int tok);
camp_status_t camp_ib_error_op(ictx_t *cx, camp_inbox_error_t *a, const camp_inbox_error_t *b,
                             int tok);
camp_status_t camp_ib_webhook_op(ictx_t *cx, camp_inbox_webhook_t *a, const camp_inbox_webhook_t *b,
                               int tok);
/* Decode only: the envelope of an event-feed page. */
camp_status_t camp_ib_events_page_op(ictx_t *cx, camp_inbox_events_page_t *a, int tok);

#endif
