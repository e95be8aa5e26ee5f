/* Private to the model layer: the schema engine of the InboxApp documents, which
 * the Outbox documents run on too (lib/outbox: their nodes, and their value kinds
 * in K_HOOK members).
 *
 * Every document type is described by data: a node is the const member table of
 * one object (key, kind, offset in the struct, rule, flags, presence bit). Two
 * walks run over the same levels: decoding (camp_ib_decode(): tokens -> struct,
 * every value checked as it is read) and the struct walks (camp_ib_walk():
 * validate or equal, camp_ib_encode(): the strict check, then the JSON; in table
 * order), so a program that only decodes links none of the struct walks' member
 * code. Both keep their levels in an explicit stack of small frames (iframe_t) in
 * the frame of the public call (the client's calls: in the camp_client_t), as deep
 * as the schema, not one C frame per level; neither calls itself. Each run keeps
 * its context (ictx_t), its loop and, for encoding, the JSON writer in one C frame
 * with the hooks one call below it: that frame is under every hook's path.
 *
 * What tables cannot say is in the family's hooks (inbox_hooks.h), called by the
 * walk: which variant of a node applies (a segment's type, a webhook's format),
 * what a nested member is (an object, an array of objects, or a value the hook
 * handles itself: maps, pools of strings), where array items live (pools shared
 * by the whole sequence), and the cross-member rules that run when an object
 * closes. A failure is reported at its token when decoding (the JSON path is
 * built from the token tree once, by camp_json_diag()) and at the path the walk
 * has built when checking a struct.
 *
 * The member tables hold no pointers: keys are offsets into a pool of names
 * (inbox_keys.h), rules and enums small numbers resolved by switch statements. The
 * families (ifamily_t: a family's nodes and hooks) are the only tables of pointers.
 * All of it is const: .rodata (on a host, the pointer tables in .data.rel.ro). */
#ifndef CAMP_INBOX_INTERNAL_H
#define CAMP_INBOX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp/camp_inbox.h"
#include "json/json_token.h"
#include "inbox/inbox_keys.h"
#include "status/status_internal.h"

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
    K_IDS,     /* camp_str_t[] at off; rule: A_* (capacity, minimum, where its uint16_t count is) */
    K_SUB,     /* nested value: the family's sub hook says what it is; rule: its sub id */
    K_HOOK     /* a value the family's sub hook reads, checks and writes whole, `null`
                * included (Outbox members: their own value kinds); rule (and in wide
                * rows aux): the family's */
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
    R_COUNT,   /* 0..2^53-1 */
    R_RATE,    /* hourlyMessageRate: 1..60 decoding, 1..25 strict (D1) */
    R_MINUTE,  /* 0..1440 */
    R_HTTP,    /* 100..599 */
    R_NAME,    /* 1..255 characters */
    R_DESC,    /* 0..1000 characters */
    R_NONEMPTY /* at least 1 character */
};

/* array rules (K_IDS): the limits, and where the member's struct keeps the count
 * (one rule per array member: IB_IDS_COUNT_OFF()) */
enum iarray {
    A_ACCOUNTS = 1, /* 0..CAMP_MAX_ACCOUNTS: the campaign's accountLinkIds */
    A_ACCOUNTS1,    /* 1..CAMP_MAX_ACCOUNTS: the create body's accountLinkIds */
    A_SYNCED,       /* 0..CAMP_MAX_LISTS: the rules update's syncedListIds */
    A_EXCLUDED      /* 0..CAMP_MAX_LISTS: the rules update's excludedListIds */
};
/* The offset of the uint16_t count of an ID array member with rule @p a. */
#define IB_IDS_COUNT_OFF(a)                                                                        \
    ((a) == A_ACCOUNTS    ? offsetof(camp_inbox_campaign_t, account_count)                         \
     : (a) == A_ACCOUNTS1 ? offsetof(camp_inbox_campaign_create_t, account_count)                  \
     : (a) == A_SYNCED    ? offsetof(camp_inbox_rules_update_t, synced_count)                      \
                          : offsetof(camp_inbox_rules_update_t, excluded_count))

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

/* Rows are 12 bytes where speed is wanted (IB_WIDE_ROWS: the presence bit and the
 * count's offset read as they are) and 8 where size is: there the presence bit
 * shares the key's word (a 12-bit pool offset, then 1 + the bit's index, 0 = none),
 * an ID array's count offset is its rule's (IB_IDS_COUNT_OFF()) and an Outbox
 * member's limits are its type's (outbox_internal.h). The bench showed the
 * unpacking in the decode loop (~4 instructions a member); every table is a third
 * smaller. Rows are written with IB_ROW() and its kin, which fit either layout. */
#define IB_WIDE_ROWS CAMP_ENGINE_FAST_PATHS

typedef struct ifield {
#if IB_WIDE_ROWS
    uint16_t key; /* member name: its offset in its key pool (IB_KEY_OFFSET()) */
#else
    uint16_t key_pb; /* member name: its offset in its key pool << 4; presence bit: 1 +
                      * its index in the struct's present word, 0 = none */
#endif
    uint8_t key_len; /* its length */
    uint8_t kind;    /* enum ikind */
    uint8_t rule;    /* enum irule / iarray / ienum, or the sub id */
    uint8_t flags;   /* F_* */
    uint16_t off;    /* offset of the value in the struct */
#if IB_WIDE_ROWS
    uint16_t aux; /* K_IDS: offset of the uint16_t count; K_HOOK: the family's */
    uint16_t bit; /* presence bit in the struct's present word, 0 = none */
#endif
} ifield_t;

/* A row for member name @p k (in the pool IB_POOL) of kind @p kind; @p has its
 * presence bit (a CAMP_*_HAS_* mask, 0 for none), @p aux its aux word (wide rows
 * only: K_IDS and K_HOOK members). */
#define IB_ROW(k, kind, rule, flags, off) IB_ROW_AT(IB_POOL, k, kind, rule, flags, off, 0u, 0u)
#define IB_ROWP(k, kind, rule, flags, off, has)                                                    \
    IB_ROW_AT(IB_POOL, k, kind, rule, flags, off, 0u, has)
/* An ID array member: its count where its rule says (IB_IDS_COUNT_OFF()). */
#define IB_IDS(k, rule, flags, off, has)                                                           \
    IB_ROW_AT(IB_POOL, k, K_IDS, rule, flags, off, IB_IDS_COUNT_OFF(rule), has)
/* (a second level, so that IB_POOL is replaced before IB_KEY_OFFSET pastes it) */
#if IB_WIDE_ROWS
#define IB_ROW_AT(P, k, kind, rule, flags, off, aux, has)                                          \
    {                                                                                              \
        (uint16_t) IB_KEY_OFFSET(P, k), (uint8_t)(sizeof #k - 1u), kind, rule, flags, off,         \
            (uint16_t)(aux), (uint16_t)(has)                                                       \
    }
#else
#define IB_ROW_AT(P, k, kind, rule, flags, off, aux, has)                                          \
    {                                                                                              \
        (uint16_t)((IB_KEY_OFFSET(P, k) << 4u) | IB_PBIT(has)), (uint8_t)(sizeof #k - 1u), kind,   \
            rule, flags, off                                                                       \
    }
#endif

/* The 4-bit presence field of mask @p h: 0 for 0, else 1 + its bit's index, for
 * masks of one bit up to 0x4000 (any other does not compile). */
#define IB_PBIT(h) (IB_PBIT_(h) + (0u * sizeof(char[(IB_PBIT_(h) <= 15u) ? 1 : -1])))
#define IB_PBIT_(h)                                                                                \
    ((h) == 0u        ? 0u                                                                         \
     : (h) == 0x1u    ? 1u                                                                         \
     : (h) == 0x2u    ? 2u                                                                         \
     : (h) == 0x4u    ? 3u                                                                         \
     : (h) == 0x8u    ? 4u                                                                         \
     : (h) == 0x10u   ? 5u                                                                         \
     : (h) == 0x20u   ? 6u                                                                         \
     : (h) == 0x40u   ? 7u                                                                         \
     : (h) == 0x80u   ? 8u                                                                         \
     : (h) == 0x100u  ? 9u                                                                         \
     : (h) == 0x200u  ? 10u                                                                        \
     : (h) == 0x400u  ? 11u                                                                        \
     : (h) == 0x800u  ? 12u                                                                        \
     : (h) == 0x1000u ? 13u                                                                        \
     : (h) == 0x2000u ? 14u                                                                        \
     : (h) == 0x4000u ? 15u                                                                        \
                      : 16u)

/* A node: the member table of one object type (at most 32 members: decoding keeps
 * the members met in a 32-bit mask). */
typedef struct inode {
    const ifield_t *t;
    uint8_t n;
    uint8_t present_size; /* 1, 2 or 4; 0: no present word */
    uint16_t present_off;
} inode_t;

/* The name of member @p m in @p keys, the key pool of its family
 * (camp_ib_key_pool()): NUL-terminated, key_len bytes before the NUL. */
static inline const char *camp_ib_key(const char *keys, const ifield_t *m)
{
#if IB_WIDE_ROWS
    return keys + m->key;
#else
    return keys + (m->key_pb >> 4);
#endif
}

/* The mask of member @p m's presence bit in its struct's present word (0: none). */
static inline uint32_t camp_ib_pbit(const ifield_t *m)
{
#if IB_WIDE_ROWS
    return m->bit;
#else
    return (1u << (m->key_pb & 0xFu)) >> 1;
#endif
}

/* Hooks that are large or rarely taken stay out of the frame of the function that
 * dispatches them (CAMP_NOINLINE: their stack is only paid on their own path). A
 * call through a family hook is made in its caller's frame (IB_INLINE): a wrapper
 * of its own would add its frame under every hook. */
#define IB_INLINE CAMP_ALWAYS_INLINE

/* The decode walk's per-member steps (and the entry points' small lookups), inlined
 * where speed is wanted: a call per step costs more than the step. Where the code is
 * optimized for size they stay functions (their frames are not all under the loop at
 * once), and so do they in unoptimized builds (-O0: debugging, coverage), which are
 * not about speed. */
#if CAMP_ENGINE_FAST_PATHS && defined(__OPTIMIZE__)
#define IB_HOT IB_INLINE
#else
#define IB_HOT
#endif

/* ---- context and walk ------------------------------------------------------------------ */

typedef enum iop {
    OP_DECODE,
    OP_VALIDATE,
    OP_ENCODE,
    OP_EQUAL
} iop_t;

/* One level of the walk: an object (a struct described by a node) or an array
 * member of the object below it. */
typedef struct iframe {
    void *a; /* object: its struct; array: the struct that holds the array */
    union {
        struct {
            int tok; /* the object / array token */
            int it;  /* next key (object) or item (array) token; set when a nested level closes */
        } d;         /* decode */
        struct {
            const void *b; /* equal: the other struct */
            uint16_t mark; /* validate, encode: path length before this level */
        } s;               /* struct walks */
    } u;
    union {
        uint32_t seen; /* decode, object: members met (bit = table index) */
        struct {
            uint16_t n;  /* items */
            uint8_t sub; /* the sub id of its member */
        } arr;           /* array or map */
    } k;
    uint16_t i;     /* object: decode members left, else next member; array: next item */
    uint8_t node;   /* object: node id; array: node id of its items */
    uint8_t is_arr; /* LEVEL_OBJECT, LEVEL_ARRAY or LEVEL_MAP */
} iframe_t;

/* Levels each document needs (each entry point keeps exactly that many frames):
 * the deepest, a campaign page, is page, campaigns, campaign, sequence, steps,
 * step, data, segments, segment. */
#define IB_MAX_DEPTH 9
#define IB_DEPTH_CAMPAIGN 7 /* campaign, sequence, steps, step, data, segments, segment */
#define IB_DEPTH_SEQUENCE 6 /* sequence, steps, step, data, segments, segment */
#define IB_DEPTH_CREATE 2   /* create, rules */
#define IB_DEPTH_LEADS 3    /* leads add, leads, lead */
#define IB_DEPTH_WEBHOOK 3  /* envelope, data, part */
#define IB_DEPTH_FLAT 2     /* flat bodies; errors (envelope, error) */

/* What a K_SUB member is, told by the family's sub hook. */
typedef struct isub {
    uint8_t kind;  /* ISUB_DONE: the hook handled it; ISUB_OBJ; ISUB_ARR; ISUB_MAP */
    uint8_t node;  /* ISUB_OBJ: node of the object; ISUB_ARR, ISUB_MAP: node of the items */
    uint16_t n;    /* ISUB_ARR, ISUB_MAP: items (decode: the array's or object's size) */
    void *a;       /* ISUB_OBJ: the object's struct; else the struct holding the items */
    const void *b; /* equal: the other struct of the same role (the struct walks set it
                      NULL before the hook; decoding never reads it, so its hooks leave
                      it unwritten) */
} isub_t;

enum {
    ISUB_DONE = 0,
    ISUB_OBJ,
    ISUB_ARR,
    ISUB_MAP
};
enum {
    LEVEL_OBJECT = 0,
    LEVEL_ARRAY,
    LEVEL_MAP
};

typedef struct ifamily ifamily_t;
typedef struct isw isw_t;

typedef struct ictx {
    const ifamily_t *fam; /* the document's family: its nodes and hooks */
    camp_diag_t *diag;    /* may be NULL */
    /* What only decoding or only the struct walks use, in one place: the context
     * sits in the frame under every hook. */
    union {
        struct {
            camp_json_doc_t *doc;
            int steps_tok;  /* the steps array being decoded (pool sizing) */
            int scan_tok;   /* the object whose mappings share a pool (pool sizing) */
            int legacy_tok; /* first legacy-shape member of the open campaign, or -1 */
            /* where the first violation is; its JSON path is built once, after the
             * walk has returned (camp_ib_report()) */
            int fail_tok; /* the failing value (or the object a missing member belongs to) */
            const char *fail_key; /* a missing member's key, or NULL */
        } d;                      /* decode */
        struct {
            camp_json_writer_t *w; /* encode */
            const isw_t *sw;       /* their writer and checks */
            camp_path_t path;      /* path of the value being checked (in the diag) */
        } s;                       /* struct walks */
    } u;
    bool request;                          /* request-body rules */
    bool strict;                           /* strictest documented limits (encoding) */
    uint8_t shape;                         /* campaign shape in effect (camp_inbox_shape_t) */
    uint8_t depth;                         /* frames in use */
    const camp_inbox_campaign_t *campaign; /* the campaign being walked (variable checks) */
    const char *fail_rule;                 /* decode: the first violation's rule */
    iframe_t *frames;                      /* the walk's stack */
    uint8_t max_depth;                     /* its entries */
    uint8_t op;                            /* iop_t, in a byte beside the others */
    char scratch[2]; /* the path of a walk without a diag: it only ever holds "$" */
} ictx_t;

/* cx->shape for the legacy webhook's `data.campaign` reference ({id, name} only). */
#define SHAPE_REF 0xFFu
/* cx->shape while a campaign is decoded and none of its members has told the shape
 * yet: the first member of one shape decides (camp_ib_shape_member()). */
#define SHAPE_OPEN 0xFEu

/* "not equal" for OP_EQUAL */
#define NOT_EQUAL CAMP_ERR_INVALID

/* A document type as its entry points run it: its root node, the levels its walk
 * needs (IB_DEPTH_*) and its family (nodes and hooks). A type-specific entry point
 * names its own (inbox_api.c); the by-type ones go through a switch over every type
 * and so link every family. */
typedef struct ib_doc {
    /* decode: the bytes of the struct cleared before it is decoded (its members, not
     * its pools); 0: a campaign, cleared by camp_ib_clear_campaign(). Each document
     * carries its own, so a decode reads no table of every type's. */
    uint16_t clear;
    uint8_t node;
    /* the levels (IB_DEPTH_*); where size is wanted, with IB_DOC_REQUEST for a
     * request body (camp_inbox_type_is_request()), so the entry stays two words */
    uint8_t depth;
#if CAMP_ENGINE_FAST_PATHS
    bool request; /* a request body, read as it is (the bench saw the unpacking) */
#endif
    const ifamily_t *fam;
} ib_doc_t;

#define IB_DOC_REQUEST 0x80u

/* An ib_doc_t: what decode clears, root node, levels (below IB_DOC_REQUEST), whether
 * it is a request body, family. */
#if CAMP_ENGINE_FAST_PATHS
#define IB_DOC_INIT(clear, node, depth, request, fam)                                              \
    {                                                                                              \
        (uint16_t)(clear), (uint8_t)(node), (uint8_t)(depth), (request), (fam)                     \
    }
#else
#define IB_DOC_INIT(clear, node, depth, request, fam)                                              \
    {                                                                                              \
        (uint16_t)(clear), (uint8_t)(node),                                                        \
            (uint8_t)((depth) | ((request) ? IB_DOC_REQUEST : 0u)), (fam)                          \
    }
#endif

/* A context for document @p d (op; diag may be NULL; frames: d->depth of them). A
 * struct walk's path lives in the caller's diag, or in cx->scratch (it only
 * ever holds "$"), and is set up when the walk starts; decoding reports at tokens. */
void camp_ib_ctx_init(ictx_t *cx, iop_t op, const ib_doc_t *d, camp_diag_t *diag, iframe_t *frames);

/* Decode the object token @p tok of @p doc into @p out, a struct of document @p d
 * that the caller has cleared, with @p frames (d->depth of them); @p diag (may be
 * NULL) is cleared by the caller too: only a failure writes it. The context, the
 * loop and the failure report share one stack frame. */
camp_status_t camp_ib_decode(const ib_doc_t *d, iframe_t *frames, camp_json_doc_t *doc, int tok,
                             void *out, camp_diag_t *diag);

/* Validate (@p op OP_VALIDATE) or compare (OP_EQUAL, with @p b) the struct @p a
 * of document @p d, with @p frames (d->depth of them). The context and the loop
 * share one stack frame. */
camp_status_t camp_ib_walk(const ib_doc_t *d, iframe_t *frames, iop_t op, const void *a,
                           const void *b, camp_diag_t *diag);

/* Encode the struct @p obj of document @p d into @p buf (@p cap bytes; the length,
 * or the size needed, in *out_len when not NULL): checked whole with the strictest
 * documented rules first, then written. The context, the writer and the loop
 * share one stack frame. */
camp_status_t camp_ib_encode(const ib_doc_t *d, iframe_t *frames, const void *obj, char *buf,
                             size_t cap, size_t *out_len, camp_diag_t *diag);

/* Decode: a flat object (a node without K_SUB members) handled inside a hook: checks
 * @p tok is an object, then decodes its members into @p a. */
camp_status_t camp_ib_decode_flat(ictx_t *cx, unsigned node, void *a, int tok);

/* ---- the families' side (tables: inbox_schema.c, hooks: inbox_hooks.h) ---------------- */

/* Node ids, one range per family of documents (see ifamily_t): a family's nodes
 * are its ids from `first` on. The campaign page's family extends the campaign's. */
enum inode_id {
    N_NONE = 0,
    /* campaign, sequence */
    N_CAMPAIGN,
    N_SEQUENCE,
    N_WINDOW,
    N_RULES,
    N_V2_LIST,
    N_LEGACY_LIST,
    N_AUTOMATION,
    N_ACTION_DATA,
    N_VARIABLE,
    N_STEP,
    N_MESSAGE,
    N_DELAY,
    N_SEG_STATIC,
    N_SEG_VARIABLE,
    N_SEG_VARIATION,
    /* campaign page (after the campaign family's) */
    N_PAGE,
    N_CURSOR,
    /* request bodies with rules */
    N_CREATE,
    N_RULES_UPDATE,
    /* add-leads body */
    N_LEADS_ADD,
    N_LEAD,
    /* error responses */
    N_ERROR,
    N_ERROR_NESTED,
    N_ERROR_INNER,
    N_ERROR_FLAT,
    N_ERROR_V2,
    /* webhooks */
    N_WEBHOOK,
    N_SUMMARY,
    N_REF,
    N_WH_V1,
    N_WH_LEGACY,
    N_WH_V2,
    N_WH_OBJECT,
    N_WH_CAMPAIGN_DATA,
    N_WH_TARGET_DATA,
    N_WH_LEGACY_DATA,
    N_WH_V2_TARGET,
    N_THREAD,
    N_MESSAGE_PART,
    N_PROSPECT,
    N_TEAM_PART,
    N_ACCOUNT_LINK,
    N_LEGACY_THREAD,
    N_LEGACY_MESSAGE,
    /* flat documents: a family of one node each */
    N_SUCCESS,
    N_LEADS_ADD_RESULT,
    N_LEAD_UPDATE,
    N_LEAD_CANCEL,
    N_COLUMN_UPDATE,
    N_COLUMN,
    N_TEAM,
    N_EVENTS_PAGE,
    /* Outbox (lib/outbox): one family */
    N_OB_CAMPAIGN,
    N_OB_STEP,
    N_OB_CAMPAIGN_CREATE,
    N_OB_SENDER,
    N_OB_SENDER_CREATE,
    N_OB_PAGE,
    N_OB_CONTACT,
    N_COUNT
};

/* One family of documents: the nodes one or a few document types reach, and the
 * hooks for what their tables cannot say. Each entry point passes its type's family
 * (ictx::fam), so a program links the tables and hooks of the types it calls, not
 * every type's: there is no central table or switch over all nodes. A family with
 * hooks has two objects, one for decoding and one for the struct walks, whose hooks
 * are the two builds of inbox_hooks.h: each op links only its own. A NULL hook does
 * nothing (sub_present: the member is there; sub, item: an internal error, the tables
 * name a hook the family lacks). */
struct ifamily {
    const inode_t *nodes; /* node id `first + k` is nodes[k] */
#if !IB_ONE_KEY_POOL
    const char *keys; /* the pool its tables' keys are in (inbox_keys.h) */
#endif
    uint8_t first;
    uint8_t count;
    /* An object level opens (every op; decode: its token is an object). May
     * replace f->node by a variant (a segment's type, a webhook's format) or fail. */
    camp_status_t (*open_object)(ictx_t *cx, iframe_t *f);
    /* An object level closes after its members: cross-member rules. */
    camp_status_t (*close_object)(ictx_t *cx, iframe_t *f);
    /* A present, non-null K_SUB member, or a K_HOOK member, @p m of object level @p f
     * (decode: its value token @p v): handled here (ISUB_DONE), or an object or
     * array for the walk. Decoding has refused a repeated K_SUB member before this runs. */
    camp_status_t (*sub)(ictx_t *cx, iframe_t *f, const ifield_t *m, int v, isub_t *out);
    /* Item @p i of array or map level @p f: its struct (decode: where to write it;
     * equal: *b). A map's item is named by its key (decode: token @p tok; struct
     * walks: the hook writes it, or puts it on the path, and checks it). The engine
     * sets *a and *b to NULL before every call, so a hook writes only what it finds. */
    camp_status_t (*item)(ictx_t *cx, const iframe_t *f, uint16_t i, int tok, void **a,
                          const void **b);
    /* Decode: item @p i of array level @p f is complete (pool and item counts). */
    void (*item_done)(ictx_t *cx, iframe_t *f, uint16_t i);
    /* Struct walks: whether a K_SUB or K_HOOK member without a presence bit is there
     * in @p base. */
    bool (*sub_present)(const ictx_t *cx, const ifield_t *m, const void *base);
};

/* The key pool of the document's family: with one pool (inbox_keys.h), a
 * link-time constant; else the family's own. */
static inline const char *camp_ib_key_pool(const ictx_t *cx)
{
#if IB_ONE_KEY_POOL
    (void)cx;
    return (const char *)(const void *)&camp_ib_key_pools;
#else
    return cx->fam->keys;
#endif
}

/* The families as decoding runs them (inbox_hooks_decode.c). */
extern const ifamily_t camp_ib_campaign_family; /* campaign, sequence (and its update body) */
extern const ifamily_t camp_ib_page_family;     /* campaign page: the campaign family, the page */
extern const ifamily_t camp_ib_rules_family;    /* campaign-create and rules-update bodies */
extern const ifamily_t camp_ib_leads_family;    /* add-leads body */
extern const ifamily_t camp_ib_error_family;    /* error responses */
extern const ifamily_t camp_ib_webhook_family;  /* webhooks and feed events */
extern const ifamily_t camp_ib_success_family;  /* success responses */
/* The same families as the struct walks run them (inbox_hooks_walk.c): their hooks
 * hold no decode code. */
extern const ifamily_t camp_ib_campaign_walk_family;
extern const ifamily_t camp_ib_page_walk_family;
extern const ifamily_t camp_ib_rules_walk_family;
extern const ifamily_t camp_ib_leads_walk_family;
extern const ifamily_t camp_ib_error_walk_family;
extern const ifamily_t camp_ib_webhook_walk_family;
extern const ifamily_t camp_ib_success_walk_family;
/* The flat documents, one node each and no hooks: one family serves every op. */
extern const ifamily_t camp_ib_leads_add_result_family;
extern const ifamily_t camp_ib_lead_update_family;
extern const ifamily_t camp_ib_lead_cancel_family;
extern const ifamily_t camp_ib_column_update_family;
extern const ifamily_t camp_ib_column_family;
extern const ifamily_t camp_ib_team_family;
extern const ifamily_t camp_ib_events_page_family;

/* Decode: a member of only one campaign shape, at token @p v, while the shape is
 * open: decides the shape, or fails when it contradicts it (D2). */
camp_status_t camp_ib_shape_member(ictx_t *cx, const ifield_t *m, int v);
/* Decode: a campaign's members cleared, not its pools (each element is cleared when
 * it is reached). */
void camp_ib_clear_campaign(camp_inbox_campaign_t *c);

/* Decode only: the envelope of an event-feed page. */
camp_status_t camp_ib_events_page_op(ictx_t *cx, camp_inbox_events_page_t *a, int tok);

/* ---- diagnostics --------------------------------------------------------------------- */

/* Decode: at token @p tok. Struct walks: at cx->u.s.path. */
camp_status_t camp_ib_fail_at(ictx_t *cx, int tok, camp_status_t st, const char *rule);
camp_status_t camp_ib_fail_member(ictx_t *cx, int obj, const char *key, camp_status_t st,
                                  const char *rule);
/* Decode: the entry point's report of a failed walk into cx->diag (path built from
 * the failing token, limits and needed count kept). */
void camp_ib_report(ictx_t *cx, camp_status_t st);
void camp_ib_fail_limits(ictx_t *cx, int64_t min, int64_t max);
void camp_ib_fail_needed(ictx_t *cx, int64_t needed);
/* Capacity failure at token/path with needed count. */
camp_status_t camp_ib_fail_capacity(ictx_t *cx, int tok, const char *rule, size_t needed);

/* ---- paths (struct walks: camp_path_*(), status_internal.h) ----------------------------- */

#define KEY_MAX 255u

/* ---- helpers for the hooks ------------------------------------------------------------- */

/* Decode: checks @p tok is an object. Encode: `{`. */
camp_status_t camp_ib_obj_open(ictx_t *cx, int tok);
/* Encode: `}`. */
void camp_ib_obj_close(ictx_t *cx);

/* Decode: the value token of member @p key of object @p obj (a checked object of
 * the document), -1 when absent: camp_json_member()'s answer (over raw key bytes
 * where speed is wanted), for the few members a hook reads before the walk (a
 * step's or segment's type). */
#if CAMP_ENGINE_FAST_PATHS
int camp_ib_member(const camp_json_doc_t *doc, int obj, const char *key);
#else
/* the same answer in less code, where code is built for size: the getter itself,
 * no wrapper */
#define camp_ib_member camp_json_member
#endif
/* Decode: the array @p tok (TYPE error otherwise); *n = its size. */
camp_status_t camp_ib_want_array(ictx_t *cx, int tok, int *n);
/* Decode: the size of array @p tok, or -1 where @p tok is no array (I25 reported:
 * the caller returns CAMP_ERR_TYPE, what camp_ib_fail_at() answers while decoding).
 * The hooks that open an array take no local's address for it, so their tail calls
 * stay tail calls. */
int camp_ib_array_len(ictx_t *cx, int tok);
/* Decode: the object @p tok (TYPE error otherwise). */
camp_status_t camp_ib_want_object(ictx_t *cx, int tok);
/* Decode a string token into @p out (TYPE / JSON_NUL errors at tok). */
camp_status_t camp_ib_get_str(ictx_t *cx, int tok, camp_str_t *out);

/* Value checks shared by decode and validate; return CAMP_OK or a status with *why. */
camp_status_t camp_ib_check_kind_str(const ictx_t *cx, uint8_t kind, uint8_t rule,
                                     const camp_str_t *s, const char **why);
bool camp_ib_str_eq(const camp_str_t *a, const camp_str_t *b);
bool camp_ib_str_is(const camp_str_t *a, const char *lit);


/* Enums. */
uint8_t camp_ib_enum_lookup(unsigned e, const char *s, size_t len);
/* The name of @p value of enum @p e, *len bytes (no NUL); "" when out of range. */
const char *camp_ib_enum_name(unsigned e, unsigned value, size_t *len);
unsigned camp_ib_enum_count(unsigned e);

/* The frame of the nearest array level whose sub id is @p sub (NULL when none). */
const iframe_t *camp_ib_find_array(const ictx_t *cx, uint8_t sub);

/* ---- what only the struct walks do ---------------------------------------------------- */

/* Writing JSON (encode) and the checks of the map keys, string arrays and raw values
 * a hook owns (validate) are reached through ictx::sw, which only the struct walks
 * (camp_ib_walk(), camp_ib_encode()) set. Decoding never calls them, so a program that only decodes links none of
 * them, nor the JSON writer. */
enum iemit {
    EMIT_OBJECT_BEGIN,
    EMIT_OBJECT_END,
    EMIT_ARRAY_BEGIN,
    EMIT_ARRAY_END,
    EMIT_KEY,    /* a member key from a view (map keys) */
    EMIT_STRING, /* a string from a view (NULL: empty) */
    EMIT_RAW,    /* a view of JSON text, verbatim */
    EMIT_NULL
};

struct isw {
    /* Encode: write @p what (EMIT_KEY, EMIT_STRING, EMIT_RAW: the view @p s). Keys of
     * 256 bytes or more are refused by validation in strict mode (KEY_MAX), so a key
     * is never truncated. */
    void (*emit)(ictx_t *cx, unsigned what, const camp_str_t *s);
    /* Validate (strict only): a map key the encoder can write. */
    camp_status_t (*check_map_key)(ictx_t *cx, const camp_str_t *key);
    /* Validate (OP_VALIDATE: each item present and passing @p rule, path `[i]`) or
     * write (OP_ENCODE: a JSON array) the @p count strings of a pooled string array. */
    camp_status_t (*string_items)(ictx_t *cx, iop_t op, const camp_str_t *items, size_t count,
                                  uint8_t rule);
    /* Raw JSON well-formedness (validate user-built raw members). */
    bool (*raw_json_ok)(const camp_str_t *s, bool object);
    /* Validate, encode: a failure at the walk's path (camp_ib_fail_at()). */
    camp_status_t (*fail_at_path)(ictx_t *cx, camp_status_t st, const char *rule);
};

static inline void camp_ib_emit(ictx_t *cx, unsigned what, const camp_str_t *s)
{
    cx->u.s.sw->emit(cx, what, s);
}

static inline camp_status_t camp_ib_check_key(ictx_t *cx, const camp_str_t *key)
{
    return cx->u.s.sw->check_map_key(cx, key);
}

/* The string_items service for the walk in progress (cx->op): out of line, with
 * four arguments, so that a hook reaches it by a tail call. */
camp_status_t camp_ib_str_items(ictx_t *cx, const camp_str_t *items, size_t count, uint8_t rule);

static inline bool camp_ib_raw_ok(const ictx_t *cx, const camp_str_t *s, bool object)
{
    return cx->u.s.sw->raw_json_ok(s, object);
}

#endif
