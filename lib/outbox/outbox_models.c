/*
 * outbox_models.c - field tables of the Outbox objects (spec/outbox.md §2-§3) and
 * the public camp_outbox_* entry points.
 *
 * Table order is the documented member order; encode writes members in it.
 * Policies (spec/outbox.md §7 and gaps):
 * - Requests are checked exactly as documented (what we send); responses accept
 *   `null` for optional string members (the stored sender example has
 *   `verified_at`, `connection` and `domain` as null although typed string).
 * - D4: `name` is 1..255 characters in a create body but only "max 255" in the
 *   campaign object, so the object accepts 0..255.
 * - Step members have no documented constraints beyond their types; all are optional.
 *   `delay_minutes` and `step_order` are 0..2^31-1 (the doc example is the
 *   generator's midpoint of a 32-bit signed range, §3.2).
 * - Contacts: `email` is not syntax-checked and may be null or empty: the list
 *   reflects imported data and no rule is documented for it. `id` is a UUID (§0).
 */
#include <stddef.h>
#include <string.h>

#include "camp/camp_validate.h"
#include "inbox/inbox_keys.h"
#include "outbox/outbox_internal.h"
#include "status/status_internal.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

#define RULE_UUID CAMP_RULE(O23, "must be a canonical UUID (8-4-4-4-12 hex digits)")
#define RULE_DATETIME CAMP_RULE(O24, "must be an RFC 3339 date-time")
#define RULE_EMAIL CAMP_RULE(O25, "must be an e-mail address (local@domain.tld)")
#define RULE_TZ CAMP_RULE(O26, "must be an IANA time-zone name")
#define RULE_NAME_CREATE CAMP_RULE(O15, "must be 1..255 characters")
#define RULE_MAX_255 CAMP_RULE(O27, "must be at most 255 characters")
#define RULE_ANY_TEXT CAMP_RULE(O04, "must be valid UTF-8")
#define RULE_INT32 CAMP_RULE(O28, "must be an integer in 0..2147483647")
#define RULE_TOTAL CAMP_RULE(O29, "must be an integer in 0..9007199254740991")
#define RULE_STATUS CAMP_RULE(O30, "must be one of draft|active|paused|completed|cancelled")
#define RULE_VMODE CAMP_RULE(O31, "must be one of single_email|domain")
#define RULE_SSTATUS CAMP_RULE(O32, "must be one of pending|verified|failed")

const char *const camp_ob_rules[OB_V_COUNT] = {
    [OB_V_TEXT] = RULE_ANY_TEXT,
    [OB_V_UUID] = RULE_UUID,
    [OB_V_DATETIME] = RULE_DATETIME,
    [OB_V_NAME] = RULE_MAX_255,
    [OB_V_NAME_CREATE] = RULE_NAME_CREATE,
    [OB_V_EMAIL] = RULE_EMAIL,
    [OB_V_TZ] = RULE_TZ,
    [OB_V_CAMPAIGN_STATUS] = RULE_STATUS,
    [OB_V_VMODE] = RULE_VMODE,
    [OB_V_SSTATUS] = RULE_SSTATUS,
    [OB_V_INT32] = RULE_INT32,
    [OB_V_TOTAL] = RULE_TOTAL,
};

/* The limits' max (their min: OB_MIN_ONE). */
const ob_max_t camp_ob_max[OB_V_COUNT] = {
    [OB_V_TEXT] = OB_MAX_NONE,
#if IB_WIDE_ROWS
    [OB_V_UUID] = OB_MAX_NONE,
    [OB_V_COUNTER] = OB_MAX_ANY,
#else
    [OB_V_UUID] = OB_MAX_ANY, /* the counters' */
#endif
    [OB_V_DATETIME] = OB_MAX_NONE,
    [OB_V_NAME] = CAMP_OUTBOX_NAME_MAX,
    [OB_V_NAME_CREATE] = CAMP_OUTBOX_NAME_MAX,
    [OB_V_EMAIL] = CAMP_OUTBOX_EMAIL_MAX,
    [OB_V_TZ] = CAMP_OUTBOX_TIMEZONE_MAX,
    [OB_V_CAMPAIGN_STATUS] = 5,
    [OB_V_VMODE] = 2,
    [OB_V_SSTATUS] = 3,
    [OB_V_INT32] = (ob_max_t)CAMP_OUTBOX_INT32_MAX,
    [OB_V_TOTAL] = OB_MAX_SAFE,
    [OB_V_SENDER_IDS] = CAMP_MAX_SENDER_IDS,
    [OB_V_TAGS] = CAMP_MAX_CONTACT_TAGS,
    [OB_V_STEPS] = CAMP_MAX_EMAIL_STEPS,
    [OB_V_CONTACTS] = CAMP_MAX_CONTACTS,
};

static const char *const campaign_status_names[] = {NULL,     "draft",     "active",
                                                    "paused", "completed", "cancelled"};
static const char *const vmode_names[] = {NULL, "single_email", "domain"};
static const char *const sender_status_names[] = {NULL, "pending", "verified", "failed"};

/* The limits of OB_V_CAMPAIGN_STATUS.. are their name counts. */
const char *const *const camp_ob_enum_names[OB_N_COUNT] = {
    [OB_N_CAMPAIGN_STATUS] = campaign_status_names,
    [OB_N_VMODE] = vmode_names,
    [OB_N_SSTATUS] = sender_status_names,
};

#if !IB_ONE_KEY_POOL
/* Every member name once (inbox_keys.h); where speed is wanted, the pool is part
 * of the engine's one pool object (inbox_schema.c). */
const ib_outbox_keys_t camp_ib_outbox_keys = IB_KEY_POOL(IB_KEYS_OUTBOX);
#endif

/* Member rows. T is the struct type, M the member (also its JSON key); TYPE its
 * Outbox type (a name of outbox_internal.h: UUID, TEXT, ...), FLAGS the engine's
 * F_REQ / F_NULL, HAS the member's CAMP_OUTBOX_*_HAS_* presence bit (0: its presence
 * follows from its value). */
#define IB_POOL outbox
#define FIELD(T, M, TYPE, FLAGS, HAS) OB_ROW(M, TYPE, FLAGS, (uint16_t)offsetof(T, M), HAS)
#define F_UUID(T, M, FLAGS, HAS) FIELD(T, M, UUID, FLAGS, HAS)
#define F_DT(T, M, FLAGS, HAS) FIELD(T, M, DATETIME, FLAGS, HAS)
#define F_TEXT(T, M, FLAGS, TYPE, HAS) FIELD(T, M, TYPE, FLAGS, HAS)
#define F_EMAIL(T, M, FLAGS, TYPE, HAS) FIELD(T, M, TYPE, FLAGS, HAS)
#define F_TZ(T, M, FLAGS, HAS) FIELD(T, M, TIMEZONE, FLAGS, HAS)
#define F_BOOL(T, M, HAS) FIELD(T, M, BOOL, 0u, HAS)
#define F_RAW(T, M) FIELD(T, M, RAW, 0u, 0u)
#define F_ENUM(T, M, TYPE) FIELD(T, M, TYPE, 0u, 0u)
#define F_INT(T, M, FLAGS, TYPE, HAS) FIELD(T, M, TYPE, FLAGS, HAS)
#define F_COUNTER(T, M) FIELD(T, M, COUNTER, F_REQ, 0u)
#define F_STR_LIST(T, M, TYPE, HAS) FIELD(T, M, TYPE, 0u, HAS)
#define F_OBJ_LIST(T, M, TYPE) FIELD(T, M, TYPE, F_REQ, 0u)

/* Items of sender_identity_ids and tags (no key: their paths are indexes). */
#if IB_WIDE_ROWS
#define OB_ELEM(TYPE)                                                                              \
    {                                                                                              \
        0u, 0u, K_HOOK, (uint8_t)(OB_W_##TYPE & 0xFu), 0u, 0u, (uint16_t)(OB_W_##TYPE >> 4u), 0u   \
    }
#else
#define OB_ELEM(TYPE)                                                                              \
    {                                                                                              \
        0u, 0u, K_HOOK, (uint8_t)OB_W_##TYPE, 0u, 0u                                               \
    }
#endif
const ifield_t camp_ob_elems[OB_E_COUNT] = {
    [OB_E_UUID] = OB_ELEM(UUID),
    [OB_E_TAG] = OB_ELEM(TEXT),
};

/* ---- email campaign step (§3.2) ------------------------------------------------------- */

#define ST camp_outbox_step_t
static const ifield_t step_fields[] = {
    F_UUID(ST, id, 0u, 0u),
    F_DT(ST, updated_at, 0u, 0u),
    F_UUID(ST, campaign, 0u, 0u),
    F_INT(ST, step_order, 0u, INT32, CAMP_OUTBOX_STEP_HAS_STEP_ORDER),
    F_TEXT(ST, subject, F_NULL, TEXT, CAMP_OUTBOX_STEP_HAS_SUBJECT),
    F_TEXT(ST, body_html, F_NULL, TEXT, CAMP_OUTBOX_STEP_HAS_BODY_HTML),
    F_TEXT(ST, body_text, F_NULL, TEXT, CAMP_OUTBOX_STEP_HAS_BODY_TEXT),
    F_INT(ST, delay_minutes, 0u, INT32, CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES),
    F_BOOL(ST, is_active, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE),
    F_DT(ST, created_at, 0u, 0u),
};
#undef ST

/* ---- contact (O3) ---------------------------------------------------------------------- */

#define CO camp_outbox_contact_t
static const ifield_t contact_fields[] = {
    F_UUID(CO, id, F_REQ, 0u),
    F_TEXT(CO, name, F_NULL, TEXT, CAMP_OUTBOX_CONTACT_HAS_NAME),
    F_TEXT(CO, email, F_NULL, TEXT, CAMP_OUTBOX_CONTACT_HAS_EMAIL),
    F_TEXT(CO, phone, F_NULL, TEXT, CAMP_OUTBOX_CONTACT_HAS_PHONE),
    F_STR_LIST(CO, tags, TAGS, CAMP_OUTBOX_CONTACT_HAS_TAGS),
    F_DT(CO, last_activity, F_NULL, CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY),
    F_DT(CO, created_at, F_NULL, CAMP_OUTBOX_CONTACT_HAS_CREATED_AT),
};
#undef CO

/* ---- email campaign object (§3.1) ------------------------------------------------------- */

#define CT camp_outbox_campaign_t
static const ifield_t campaign_fields[] = {
    F_UUID(CT, id, F_REQ, 0u),
    F_OBJ_LIST(CT, steps, STEPS),
    F_TEXT(CT, sender_identities, F_REQ, TEXT, 0u),
    F_COUNTER(CT, sent_count),
    F_COUNTER(CT, unique_opens),
    F_COUNTER(CT, unique_clicks),
    F_COUNTER(CT, replies),
    F_TEXT(CT, name, F_REQ, NAME, 0u),
    F_DT(CT, updated_at, F_REQ, 0u),
    F_UUID(CT, company, F_REQ, 0u),
    F_STR_LIST(CT, sender_identity_ids, SENDER_IDS, CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS),
    F_ENUM(CT, status, CAMPAIGN_STATUS),
    F_TEXT(CT, description, F_NULL, TEXT, CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION),
    F_TZ(CT, timezone, F_NULL, CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE),
    F_RAW(CT, allowed_windows),
    F_BOOL(CT, stop_on_reply, CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY),
    F_BOOL(CT, is_deleted, CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED),
    F_DT(CT, created_at, F_NULL, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT),
    F_UUID(CT, workflow, F_NULL, CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW),
    F_UUID(CT, created_by, F_NULL, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY),
    F_UUID(CT, responder_agent, F_NULL, CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT),
};
#undef CT

/* ---- create email campaign body (O1) ------------------------------------------------------- */

#define CC camp_outbox_campaign_create_t
static const ifield_t campaign_create_fields[] = {
    F_TEXT(CC, name, F_REQ, NAME_CREATE, 0u),
    F_UUID(CC, company, F_REQ, 0u),
    F_STR_LIST(CC, sender_identity_ids, SENDER_IDS,
               CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS),
    F_ENUM(CC, status, CAMPAIGN_STATUS),
    F_TEXT(CC, description, 0u, TEXT, 0u),
    F_TZ(CC, timezone, 0u, 0u),
    F_RAW(CC, allowed_windows),
    F_BOOL(CC, stop_on_reply, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY),
    F_BOOL(CC, is_deleted, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED),
    F_DT(CC, created_at, 0u, 0u),
    F_UUID(CC, workflow, F_NULL, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW),
    F_UUID(CC, created_by, F_NULL, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY),
    F_UUID(CC, responder_agent, F_NULL, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT),
};
#undef CC

/* ---- sender identity object (O2 response) ------------------------------------------------------- */

/* `reply_to_email` may come back empty when the default reply-to is used
 * (Django's blank EmailField); the object accepts "", null or an address. */
#define SO camp_outbox_sender_t
static const ifield_t sender_fields[] = {
    F_UUID(SO, id, F_REQ, 0u),
    F_EMAIL(SO, from_email, F_REQ, EMAIL, 0u),
    F_DT(SO, updated_at, F_NULL, CAMP_OUTBOX_SENDER_HAS_UPDATED_AT),
    F_UUID(SO, company, F_REQ, 0u),
    F_TEXT(SO, from_name, F_NULL, FROM_NAME, CAMP_OUTBOX_SENDER_HAS_FROM_NAME),
    F_ENUM(SO, verification_mode, VMODE),
    F_EMAIL(SO, reply_to_email, F_NULL, EMAIL_OR_EMPTY, CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL),
    F_BOOL(SO, use_default_reply_to, CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO),
    F_ENUM(SO, status, SENDER_STATUS),
    F_TEXT(SO, provider_sender_id, F_NULL, TEXT, CAMP_OUTBOX_SENDER_HAS_PROVIDER_SENDER_ID),
    F_RAW(SO, verification_details),
    F_BOOL(SO, is_default, CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT),
    F_BOOL(SO, is_deleted, CAMP_OUTBOX_SENDER_HAS_IS_DELETED),
    F_DT(SO, verified_at, F_NULL, CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT),
    F_DT(SO, created_at, F_NULL, CAMP_OUTBOX_SENDER_HAS_CREATED_AT),
    F_UUID(SO, connection, F_NULL, CAMP_OUTBOX_SENDER_HAS_CONNECTION),
    F_UUID(SO, domain, F_NULL, CAMP_OUTBOX_SENDER_HAS_DOMAIN),
};
#undef SO

/* ---- create sender body (O2) -------------------------------------------------------------------- */

#define SC camp_outbox_sender_create_t
static const ifield_t sender_create_fields[] = {
    F_EMAIL(SC, from_email, F_REQ, EMAIL, 0u),
    F_UUID(SC, company, F_REQ, 0u),
    F_TEXT(SC, from_name, 0u, FROM_NAME, 0u),
    F_ENUM(SC, verification_mode, VMODE),
    F_EMAIL(SC, reply_to_email, 0u, EMAIL, 0u),
    F_BOOL(SC, use_default_reply_to, CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO),
    F_ENUM(SC, status, SENDER_STATUS),
    F_TEXT(SC, provider_sender_id, 0u, TEXT, 0u),
    F_RAW(SC, verification_details),
    F_BOOL(SC, is_default, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT),
    F_BOOL(SC, is_deleted, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED),
    F_DT(SC, verified_at, 0u, 0u),
    F_DT(SC, created_at, 0u, 0u),
    F_UUID(SC, connection, 0u, 0u),
    F_UUID(SC, domain, 0u, 0u),
};
#undef SC

/* ---- contacts page (O3) ---------------------------------------------------------------------------- */

#define CP camp_outbox_contacts_page_t
static const ifield_t contacts_page_fields[] = {
    F_OBJ_LIST(CP, results, CONTACTS),
    F_INT(CP, total, F_REQ, TOTAL, 0u),
};
#undef CP

/* ---- the nodes ------------------------------------------------------------------------------------- */

/* A node: its members and its `present` word (the page has none: no optional member). */
#define OB_NODE(FIELDS, T)                                                                         \
    {                                                                                              \
        FIELDS, (uint8_t)COUNT_OF(FIELDS), (uint8_t)sizeof(((T *)NULL)->present),                  \
            (uint16_t)offsetof(T, present)                                                         \
    }
const inode_t camp_ob_nodes[OB_NODES] = {
    [N_OB_CAMPAIGN - N_OB_CAMPAIGN] = OB_NODE(campaign_fields, camp_outbox_campaign_t),
    [N_OB_STEP - N_OB_CAMPAIGN] = OB_NODE(step_fields, camp_outbox_step_t),
    [N_OB_CAMPAIGN_CREATE - N_OB_CAMPAIGN] =
        OB_NODE(campaign_create_fields, camp_outbox_campaign_create_t),
    [N_OB_SENDER - N_OB_CAMPAIGN] = OB_NODE(sender_fields, camp_outbox_sender_t),
    [N_OB_SENDER_CREATE - N_OB_CAMPAIGN] =
        OB_NODE(sender_create_fields, camp_outbox_sender_create_t),
    [N_OB_PAGE -
        N_OB_CAMPAIGN] = {contacts_page_fields, (uint8_t)COUNT_OF(contacts_page_fields), 0u, 0u},
    [N_OB_CONTACT - N_OB_CAMPAIGN] = OB_NODE(contact_fields, camp_outbox_contact_t),
};

/* The object lists: their items and where their parents keep them. */
const ob_list_t camp_ob_lists[OB_I_COUNT] = {
    [OB_I_STEPS] = {N_OB_STEP, CAMP_MAX_EMAIL_STEPS, (uint16_t)sizeof(camp_outbox_step_t),
                    (uint16_t)offsetof(camp_outbox_campaign_t, steps),
                    (uint16_t)offsetof(camp_outbox_campaign_t, step_count)},
    [OB_I_RESULTS] = {N_OB_CONTACT, CAMP_MAX_CONTACTS, (uint16_t)sizeof(camp_outbox_contact_t),
                      (uint16_t)offsetof(camp_outbox_contacts_page_t, results),
                      (uint16_t)offsetof(camp_outbox_contacts_page_t, count)},
};

/* Build-time checks, one declaration: the engine tracks the members met in a 32-bit
 * mask per object; offsets and sizes fit its 16-bit fields (with the default
 * capacities the biggest struct, the contacts page, is about 15 KiB on a 64-bit
 * host); the presence bits fit their `present` words; the enum name tables have the
 * counts of their limits; both string-list types share one layout (the hooks rely
 * on it). */
#define OB_FITS_16(T) (sizeof(T) <= 0xFFFFu)
#define OB_PBITS_FIT(T, LAST)                                                                      \
    ((uint64_t)(LAST) < ((uint64_t)1u << (8u * sizeof(((T *)NULL)->present))))
#define OB_SAME_LAYOUT(M)                                                                          \
    (offsetof(camp_outbox_uuid_list_t, M) == offsetof(camp_outbox_tag_list_t, M))
/* The engine's member offsets are 16-bit: a failure here names the capacities
 * (camp_config.h) that make an Outbox struct 64 KiB or more. */
typedef char outbox_struct_over_64KiB_lower_CAMP_MAX_CONTACTS_or_CAMP_MAX_CONTACT_TAGS
    [(OB_FITS_16(camp_outbox_campaign_t) && OB_FITS_16(camp_outbox_campaign_create_t) &&
      OB_FITS_16(camp_outbox_sender_t) && OB_FITS_16(camp_outbox_sender_create_t) &&
      OB_FITS_16(camp_outbox_contacts_page_t))
         ? 1
         : -1];
typedef char ob_tables_fit
    [(COUNT_OF(campaign_fields) <= 32u && COUNT_OF(sender_fields) <= 32u &&
      COUNT_OF(sender_create_fields) <= 32u && COUNT_OF(campaign_create_fields) <= 32u &&
      COUNT_OF(step_fields) <= 32u && COUNT_OF(contact_fields) <= 32u &&
      COUNT_OF(campaign_status_names) == 6u && COUNT_OF(vmode_names) == 3u &&
      COUNT_OF(sender_status_names) == 4u && (IB_WIDE_ROWS || OB_V_COUNT <= 16u) &&
      CAMP_OUTBOX_INT32_MAX <= INT32_MAX && CAMP_MAX_SENDER_IDS <= INT32_MAX &&
      CAMP_MAX_CONTACT_TAGS <= INT32_MAX && CAMP_OUTBOX_NAME_MAX == CAMP_OUTBOX_EMAIL_MAX &&
      OB_V_TAGS == OB_V_SENDER_IDS + 1u && OB_V_CONTACTS == OB_V_STEPS + 1u &&
      OB_V_SSTATUS == OB_V_CAMPAIGN_STATUS + 2u && OB_SAME_LAYOUT(count) && OB_SAME_LAYOUT(items) &&
      OB_PBITS_FIT(camp_outbox_step_t, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE) &&
      OB_PBITS_FIT(camp_outbox_campaign_t, CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT) &&
      OB_PBITS_FIT(camp_outbox_campaign_create_t,
                   CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT) &&
      OB_PBITS_FIT(camp_outbox_sender_t, CAMP_OUTBOX_SENDER_HAS_DOMAIN) &&
      OB_PBITS_FIT(camp_outbox_sender_create_t, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED) &&
      OB_PBITS_FIT(camp_outbox_contact_t, CAMP_OUTBOX_CONTACT_HAS_CREATED_AT))
         ? 1
         : -1];

/* ---- public entry points ------------------------------------------------------------------------------ */

#define RULE_NULL_ARG CAMP_RULE(O19, "NULL argument")

/* The entry points' shared bodies: one copy where size is wanted, inlined into each
 * where speed is (a call less per document). */
#if CAMP_ENGINE_FAST_PATHS && defined(__OPTIMIZE__)
#define OB_SHARED IB_INLINE
#else
#define OB_SHARED CAMP_NOINLINE
#endif

/* Decode: the diag cleared, the arguments checked, the struct's members cleared but
 * not its object list's items (each is cleared when it is reached, and items past
 * the list's count are never read: a contacts page is almost all items); then the
 * walk, with @p frames (d->depth of them). The clear word the engine leaves to the
 * entry points (only the InboxApp ones read it) holds the struct's size; a document
 * with an object list is one of OB_DEPTH_LIST levels: a contacts page's results or
 * a campaign's steps. */
static OB_SHARED camp_status_t ob_decode(const ib_doc_t *d, iframe_t *frames, camp_json_doc_t *doc,
                                         int tok, void *out, camp_diag_t *diag)
{
    char *base = (char *)out;
    size_t size = d->clear;
    if (doc == NULL || out == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", RULE_NULL_ARG); /* cleared first */
    }
    camp_diag_clear(diag);
    if (d->depth != OB_DEPTH_LIST) {
        (void)memset(base, 0, size);
    } else {
        const ob_list_t *list = &camp_ob_lists[(d->node == N_OB_PAGE) ? OB_I_RESULTS : OB_I_STEPS];
        size_t pool_end = (size_t)list->items_offset + ((size_t)list->capacity * list->item_size);
        (void)memset(base, 0, list->items_offset);
        (void)memset(base + pool_end, 0, size - pool_end);
    }
    return camp_ib_decode(d, frames, doc, tok, out, diag);
}

/* Validate: the diag cleared, the argument checked. */
static camp_status_t walk_start(const void *obj, camp_diag_t *diag)
{
    if (obj == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", RULE_NULL_ARG); /* cleared first */
    }
    camp_diag_clear(diag);
    return CAMP_OK;
}

/* Validate @p obj, a struct of document @p d, with @p frames. */
static OB_SHARED camp_status_t ob_validate(const ib_doc_t *d, iframe_t *frames, const void *obj,
                                           camp_diag_t *diag)
{
    camp_status_t st = walk_start(obj, diag);
    return (st != CAMP_OK) ? st : camp_ib_walk(d, frames, OP_VALIDATE, obj, NULL, diag);
}

/* Encode: nothing written yet, the arguments checked (camp_diag_set() and
 * walk_start() clear the diag); then the walks (validated first). */
static OB_SHARED camp_status_t ob_encode(const ib_doc_t *d, iframe_t *frames, const void *obj,
                                         char *buf, size_t cap, size_t *out_len, camp_diag_t *diag)
{
    camp_status_t st;
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (buf == NULL && cap > 0u) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(O22, "NULL buffer"));
    }
    st = walk_start(obj, diag);
    return (st != CAMP_OK) ? st : camp_ib_encode(d, frames, obj, buf, cap, out_len, diag);
}

/* The three calls of each document: decode, validate, encode. The document as the
 * engine runs it: its root node, its levels, and the decode or the struct walks'
 * side of the family's hooks (validate and encode share the walks' one), each side
 * its own object, so that a call's tables name only its own hooks. @p LIST: the
 * document has an object list (ob_decode() finds it). */
#define OB_DOC(CLEAR, NODE, DEPTH, FAMILY) IB_DOC_INIT(CLEAR, NODE, DEPTH, false, &FAMILY)
#define OB_CALLS(NAME, T, NODE, DEPTH, LIST)                                                       \
    typedef char list_of_##NAME[((LIST) == ((DEPTH) == OB_DEPTH_LIST)) ? 1 : -1];                  \
    static const ib_doc_t NAME##_walk_doc = OB_DOC(0u, NODE, DEPTH, camp_ob_walk_family);          \
    camp_status_t camp_outbox_##NAME##_decode(camp_json_doc_t *doc, int tok, T *out,               \
                                              camp_diag_t *diag)                                   \
    {                                                                                              \
        static const ib_doc_t d = OB_DOC(sizeof(T), NODE, DEPTH, camp_ob_family);                  \
        iframe_t frames[DEPTH];                                                                    \
        return ob_decode(&d, frames, doc, tok, out, diag);                                         \
    }                                                                                              \
    camp_status_t camp_outbox_##NAME##_validate(const T *obj, camp_diag_t *diag)                   \
    {                                                                                              \
        iframe_t frames[DEPTH];                                                                    \
        return ob_validate(&NAME##_walk_doc, frames, obj, diag);                                   \
    }                                                                                              \
    camp_status_t camp_outbox_##NAME##_encode(const T *obj, char *buf, size_t cap,                 \
                                              size_t *out_len, camp_diag_t *diag)                  \
    {                                                                                              \
        iframe_t frames[DEPTH];                                                                    \
        return ob_encode(&NAME##_walk_doc, frames, obj, buf, cap, out_len, diag);                  \
    }

OB_CALLS(campaign, camp_outbox_campaign_t, N_OB_CAMPAIGN, OB_DEPTH_LIST, true)
OB_CALLS(campaign_create, camp_outbox_campaign_create_t, N_OB_CAMPAIGN_CREATE, OB_DEPTH_FLAT, false)
OB_CALLS(sender, camp_outbox_sender_t, N_OB_SENDER, OB_DEPTH_FLAT, false)
OB_CALLS(sender_create, camp_outbox_sender_create_t, N_OB_SENDER_CREATE, OB_DEPTH_FLAT, false)
OB_CALLS(contacts_page, camp_outbox_contacts_page_t, N_OB_PAGE, OB_DEPTH_LIST, true)

/* The name of value @p v of enum @p names (a camp_ob_enum_names index) of variant
 * @p var, or NULL. */
static const char *enum_name(uint8_t names, uint8_t var, int v)
{
    if (v < 1 || (int64_t)v > camp_ob_max[var]) {
        return NULL;
    }
    return camp_ob_enum_names[names][v];
}

const char *camp_outbox_campaign_status_name(camp_outbox_campaign_status_t s)
{
    return enum_name(OB_N_CAMPAIGN_STATUS, OB_V_CAMPAIGN_STATUS, (int)s);
}

const char *camp_outbox_verification_mode_name(camp_outbox_verification_mode_t m)
{
    return enum_name(OB_N_VMODE, OB_V_VMODE, (int)m);
}

const char *camp_outbox_sender_status_name(camp_outbox_sender_status_t s)
{
    return enum_name(OB_N_SSTATUS, OB_V_SSTATUS, (int)s);
}
