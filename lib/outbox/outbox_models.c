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

#include "camp/camp_validate.h"
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

const char *const camp_ob_rules[OB_R_COUNT] = {
    [OB_R_NONE] = NULL,
    [OB_R_UUID] = RULE_UUID,
    [OB_R_DATETIME] = RULE_DATETIME,
    [OB_R_EMAIL] = RULE_EMAIL,
    [OB_R_TZ] = RULE_TZ,
    [OB_R_NAME_CREATE] = RULE_NAME_CREATE,
    [OB_R_MAX_255] = RULE_MAX_255,
    [OB_R_ANY_TEXT] = RULE_ANY_TEXT,
    [OB_R_INT32] = RULE_INT32,
    [OB_R_TOTAL] = RULE_TOTAL,
    [OB_R_STATUS] = RULE_STATUS,
    [OB_R_VMODE] = RULE_VMODE,
    [OB_R_SSTATUS] = RULE_SSTATUS,
};

const ob_limits_t camp_ob_limits[OB_L_COUNT] = {
    [OB_L_NONE] = {0, -1},
    [OB_L_NAME_CREATE] = {1, CAMP_OUTBOX_NAME_MAX},
    [OB_L_NAME] = {0, CAMP_OUTBOX_NAME_MAX},
    [OB_L_FROM_NAME] = {0, CAMP_OUTBOX_EMAIL_MAX},
    [OB_L_EMAIL] = {1, CAMP_OUTBOX_EMAIL_MAX},
    [OB_L_TZ] = {0, CAMP_OUTBOX_TIMEZONE_MAX},
    [OB_L_INT32] = {0, CAMP_OUTBOX_INT32_MAX},
    [OB_L_TOTAL] = {0, CAMP_MAX_SAFE_INT},
    [OB_L_COUNTER] = {0, INT64_MAX},
    [OB_L_STEPS] = {0, CAMP_MAX_EMAIL_STEPS},
    [OB_L_SENDER_IDS] = {0, CAMP_MAX_SENDER_IDS},
    [OB_L_TAGS] = {0, CAMP_MAX_CONTACT_TAGS},
    [OB_L_CONTACTS] = {0, CAMP_MAX_CONTACTS},
    [OB_L_CAMPAIGN_STATUS] = {1, 5},
    [OB_L_VMODE] = {1, 2},
    [OB_L_SSTATUS] = {1, 3},
};

static const char *const campaign_status_names[] = {NULL,     "draft",     "active",
                                                    "paused", "completed", "cancelled"};
static const char *const vmode_names[] = {NULL, "single_email", "domain"};
static const char *const sender_status_names[] = {NULL, "pending", "verified", "failed"};

/* The limits OB_L_CAMPAIGN_STATUS.. are their name counts. */
const char *const *const camp_ob_enum_names[OB_N_COUNT] = {
    [OB_N_CAMPAIGN_STATUS] = campaign_status_names,
    [OB_N_VMODE] = vmode_names,
    [OB_N_SSTATUS] = sender_status_names,
};

/* Every member name once; a member is named by its offset here. X(name) for each. */
/* clang-format off */
#define OB_KEYS(X)                                                                                 \
    X(id) X(updated_at) X(campaign) X(step_order) X(subject) X(body_html) X(body_text)             \
    X(delay_minutes) X(is_active) X(created_at) X(steps) X(sender_identities) X(sent_count)        \
    X(unique_opens) X(unique_clicks) X(replies) X(name) X(company) X(sender_identity_ids)          \
    X(status) X(description) X(timezone) X(allowed_windows) X(stop_on_reply) X(is_deleted)         \
    X(workflow) X(created_by) X(responder_agent) X(from_email) X(from_name)                        \
    X(verification_mode) X(reply_to_email) X(use_default_reply_to) X(provider_sender_id)           \
    X(verification_details) X(is_default) X(verified_at) X(connection) X(domain) X(email)          \
    X(phone) X(tags) X(last_activity) X(results) X(total)
/* clang-format on */

#define OB_KEY_MEMBER(k) char k[sizeof #k];
#define OB_KEY_TEXT(k) .k = #k,
/* (one macro, so that tools reading the source without preprocessing see a declaration) */
#define OB_KEY_STRUCT                                                                              \
    struct ob_keys {                                                                               \
        OB_KEYS(OB_KEY_MEMBER)                                                                     \
    }
OB_KEY_STRUCT;
const struct ob_keys camp_ob_keys = {OB_KEYS(OB_KEY_TEXT)};

/* Field constructors. T is the struct type, M the member (also its JSON key); HAS
 * (or OB_HAS() in FLAGS) names the member's CAMP_OUTBOX_*_HAS_* presence bit. */
#define FIELD(T, M, KIND, FLAGS, LIM, RULE, REF)                                                   \
    {                                                                                              \
        (uint16_t) offsetof(struct ob_keys, M), (uint8_t)(sizeof #M - 1u), KIND, FLAGS, RULE, LIM, \
            REF, (ob_off_t)offsetof(T, M)                                                          \
    }
#define F_UUID(T, M, FLAGS) FIELD(T, M, OB_UUID, FLAGS, OB_L_NONE, OB_R_UUID, 0u)
#define F_DT(T, M, FLAGS) FIELD(T, M, OB_DATETIME, FLAGS, OB_L_NONE, OB_R_DATETIME, 0u)
#define F_TEXT(T, M, FLAGS, LIM, RULE) FIELD(T, M, OB_TEXT, FLAGS, LIM, RULE, 0u)
#define F_EMAIL(T, M, FLAGS) FIELD(T, M, OB_EMAIL, FLAGS, OB_L_EMAIL, OB_R_EMAIL, 0u)
#define F_TZ(T, M, FLAGS) FIELD(T, M, OB_TIMEZONE, FLAGS, OB_L_TZ, OB_R_TZ, 0u)
#define F_BOOL(T, M, HAS) FIELD(T, M, OB_BOOL, OB_HAS(HAS), OB_L_NONE, OB_R_NONE, 0u)
#define F_RAW(T, M) FIELD(T, M, OB_RAW, 0u, OB_L_NONE, OB_R_NONE, 0u)
#define F_ENUM(T, M, NAMES, LIM, RULE) FIELD(T, M, OB_ENUM, 0u, LIM, RULE, NAMES)
#define F_INT(T, M, FLAGS, LIM, RULE) FIELD(T, M, OB_INT, FLAGS, LIM, RULE, 0u)
#define F_COUNTER(T, M) FIELD(T, M, OB_COUNTER, OB_REQUIRED, OB_L_COUNTER, OB_R_NONE, 0u)
#define F_STR_LIST(T, M, LIM, ELEM, HAS) FIELD(T, M, OB_STR_LIST, OB_HAS(HAS), LIM, OB_R_NONE, ELEM)
#define F_OBJ_LIST(T, M, LIM, LIST) FIELD(T, M, OB_OBJ_LIST, OB_REQUIRED, LIM, OB_R_NONE, LIST)

/* Sizes of the structs' `present` words (1, 2 or 4 bytes), for the tables and the
 * build-time checks. (Written out per struct: no type-name macro parameters.) */
#define PSIZE_STEP sizeof(((camp_outbox_step_t *)NULL)->present)
#define PSIZE_CONTACT sizeof(((camp_outbox_contact_t *)NULL)->present)
#define PSIZE_CAMPAIGN sizeof(((camp_outbox_campaign_t *)NULL)->present)
#define PSIZE_CAMPAIGN_CREATE sizeof(((camp_outbox_campaign_create_t *)NULL)->present)
#define PSIZE_SENDER sizeof(((camp_outbox_sender_t *)NULL)->present)
#define PSIZE_SENDER_CREATE sizeof(((camp_outbox_sender_create_t *)NULL)->present)

/* Items of sender_identity_ids and tags (no key: their paths are indexes). */
const ob_field_t camp_ob_elems[OB_E_COUNT] = {
    [OB_E_UUID] = {0u, 0u, OB_UUID, 0u, OB_R_UUID, OB_L_NONE, 0u, 0u},
    [OB_E_TAG] = {0u, 0u, OB_TEXT, 0u, OB_R_ANY_TEXT, OB_L_NONE, 0u, 0u},
};

/* ---- email campaign step (§3.2) ------------------------------------------------------- */

#define ST camp_outbox_step_t
static const ob_field_t step_fields[] = {
    F_UUID(ST, id, 0u),
    F_DT(ST, updated_at, 0u),
    F_UUID(ST, campaign, 0u),
    F_INT(ST, step_order, OB_HAS(CAMP_OUTBOX_STEP_HAS_STEP_ORDER), OB_L_INT32, OB_R_INT32),
    F_TEXT(ST, subject, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_STEP_HAS_SUBJECT), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_TEXT(ST, body_html, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_STEP_HAS_BODY_HTML), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_TEXT(ST, body_text, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_STEP_HAS_BODY_TEXT), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_INT(ST, delay_minutes, OB_HAS(CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES), OB_L_INT32, OB_R_INT32),
    F_BOOL(ST, is_active, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE),
    F_DT(ST, created_at, 0u),
};
#undef ST

/* ---- contact (O3) ---------------------------------------------------------------------- */

#define CO camp_outbox_contact_t
static const ob_field_t contact_fields[] = {
    F_UUID(CO, id, OB_REQUIRED),
    F_TEXT(CO, name, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CONTACT_HAS_NAME), OB_L_NONE, OB_R_ANY_TEXT),
    F_TEXT(CO, email, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CONTACT_HAS_EMAIL), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_TEXT(CO, phone, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CONTACT_HAS_PHONE), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_STR_LIST(CO, tags, OB_L_TAGS, OB_E_TAG, CAMP_OUTBOX_CONTACT_HAS_TAGS),
    F_DT(CO, last_activity, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY)),
    F_DT(CO, created_at, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CONTACT_HAS_CREATED_AT)),
};
#undef CO


/* ---- email campaign object (§3.1) ------------------------------------------------------- */

#define CT camp_outbox_campaign_t
static const ob_field_t campaign_fields[] = {
    F_UUID(CT, id, OB_REQUIRED),
    F_OBJ_LIST(CT, steps, OB_L_STEPS, OB_I_STEPS),
    F_TEXT(CT, sender_identities, OB_REQUIRED, OB_L_NONE, OB_R_ANY_TEXT),
    F_COUNTER(CT, sent_count),
    F_COUNTER(CT, unique_opens),
    F_COUNTER(CT, unique_clicks),
    F_COUNTER(CT, replies),
    F_TEXT(CT, name, OB_REQUIRED, OB_L_NAME, OB_R_MAX_255),
    F_DT(CT, updated_at, OB_REQUIRED),
    F_UUID(CT, company, OB_REQUIRED),
    F_STR_LIST(CT, sender_identity_ids, OB_L_SENDER_IDS, OB_E_UUID,
               CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS),
    F_ENUM(CT, status, OB_N_CAMPAIGN_STATUS, OB_L_CAMPAIGN_STATUS, OB_R_STATUS),
    F_TEXT(CT, description, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION), OB_L_NONE,
           OB_R_ANY_TEXT),
    F_TZ(CT, timezone, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE)),
    F_RAW(CT, allowed_windows),
    F_BOOL(CT, stop_on_reply, CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY),
    F_BOOL(CT, is_deleted, CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED),
    F_DT(CT, created_at, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT)),
    F_UUID(CT, workflow, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW)),
    F_UUID(CT, created_by, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY)),
    F_UUID(CT, responder_agent, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT)),
};
#undef CT
/* The object lists: their items and their parents' counts. */
const ob_list_t camp_ob_lists[OB_I_COUNT] = {
    [OB_I_STEPS] = {{step_fields, (ob_off_t)sizeof(camp_outbox_step_t),
                     (ob_off_t)offsetof(camp_outbox_step_t, present), (uint8_t)PSIZE_STEP,
                     (uint8_t)COUNT_OF(step_fields)},
                    (ob_off_t)offsetof(camp_outbox_campaign_t, step_count)},
    [OB_I_RESULTS] = {{contact_fields, (ob_off_t)sizeof(camp_outbox_contact_t),
                       (ob_off_t)offsetof(camp_outbox_contact_t, present), (uint8_t)PSIZE_CONTACT,
                       (uint8_t)COUNT_OF(contact_fields)},
                      (ob_off_t)offsetof(camp_outbox_contacts_page_t, count)},
};

static const ob_table_t campaign_table = {campaign_fields, (ob_off_t)sizeof(camp_outbox_campaign_t),
                                          (ob_off_t)offsetof(camp_outbox_campaign_t, present),
                                          (uint8_t)PSIZE_CAMPAIGN,
                                          (uint8_t)COUNT_OF(campaign_fields)};

/* ---- create email campaign body (O1) ------------------------------------------------------- */

#define CC camp_outbox_campaign_create_t
static const ob_field_t campaign_create_fields[] = {
    F_TEXT(CC, name, OB_REQUIRED, OB_L_NAME_CREATE, OB_R_NAME_CREATE),
    F_UUID(CC, company, OB_REQUIRED),
    F_STR_LIST(CC, sender_identity_ids, OB_L_SENDER_IDS, OB_E_UUID,
               CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS),
    F_ENUM(CC, status, OB_N_CAMPAIGN_STATUS, OB_L_CAMPAIGN_STATUS, OB_R_STATUS),
    F_TEXT(CC, description, 0u, OB_L_NONE, OB_R_ANY_TEXT),
    F_TZ(CC, timezone, 0u),
    F_RAW(CC, allowed_windows),
    F_BOOL(CC, stop_on_reply, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY),
    F_BOOL(CC, is_deleted, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED),
    F_DT(CC, created_at, 0u),
    F_UUID(CC, workflow, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW)),
    F_UUID(CC, created_by, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY)),
    F_UUID(CC, responder_agent,
           OB_NULLABLE | OB_HAS(CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT)),
};
#undef CC
static const ob_table_t campaign_create_table = {
    campaign_create_fields, (ob_off_t)sizeof(camp_outbox_campaign_create_t),
    (ob_off_t)offsetof(camp_outbox_campaign_create_t, present), (uint8_t)PSIZE_CAMPAIGN_CREATE,
    (uint8_t)COUNT_OF(campaign_create_fields)};

/* ---- sender identity object (O2 response) ------------------------------------------------------- */

/* `reply_to_email` may come back empty when the default reply-to is used
 * (Django's blank EmailField); the object accepts "", null or an address. */
#define SO camp_outbox_sender_t
static const ob_field_t sender_fields[] = {
    F_UUID(SO, id, OB_REQUIRED),
    F_EMAIL(SO, from_email, OB_REQUIRED),
    F_DT(SO, updated_at, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_UPDATED_AT)),
    F_UUID(SO, company, OB_REQUIRED),
    F_TEXT(SO, from_name, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_FROM_NAME), OB_L_FROM_NAME,
           OB_R_MAX_255),
    F_ENUM(SO, verification_mode, OB_N_VMODE, OB_L_VMODE, OB_R_VMODE),
    F_EMAIL(SO, reply_to_email,
            OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL) | OB_EMPTY_OK),
    F_BOOL(SO, use_default_reply_to, CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO),
    F_ENUM(SO, status, OB_N_SSTATUS, OB_L_SSTATUS, OB_R_SSTATUS),
    F_TEXT(SO, provider_sender_id, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_PROVIDER_SENDER_ID),
           OB_L_NONE, OB_R_ANY_TEXT),
    F_RAW(SO, verification_details),
    F_BOOL(SO, is_default, CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT),
    F_BOOL(SO, is_deleted, CAMP_OUTBOX_SENDER_HAS_IS_DELETED),
    F_DT(SO, verified_at, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT)),
    F_DT(SO, created_at, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_CREATED_AT)),
    F_UUID(SO, connection, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_CONNECTION)),
    F_UUID(SO, domain, OB_NULLABLE | OB_HAS(CAMP_OUTBOX_SENDER_HAS_DOMAIN)),
};
#undef SO
static const ob_table_t sender_table = {sender_fields, (ob_off_t)sizeof(camp_outbox_sender_t),
                                        (ob_off_t)offsetof(camp_outbox_sender_t, present),
                                        (uint8_t)PSIZE_SENDER, (uint8_t)COUNT_OF(sender_fields)};

/* ---- create sender body (O2) -------------------------------------------------------------------- */

#define SC camp_outbox_sender_create_t
static const ob_field_t sender_create_fields[] = {
    F_EMAIL(SC, from_email, OB_REQUIRED),
    F_UUID(SC, company, OB_REQUIRED),
    F_TEXT(SC, from_name, 0u, OB_L_FROM_NAME, OB_R_MAX_255),
    F_ENUM(SC, verification_mode, OB_N_VMODE, OB_L_VMODE, OB_R_VMODE),
    F_EMAIL(SC, reply_to_email, 0u),
    F_BOOL(SC, use_default_reply_to, CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO),
    F_ENUM(SC, status, OB_N_SSTATUS, OB_L_SSTATUS, OB_R_SSTATUS),
    F_TEXT(SC, provider_sender_id, 0u, OB_L_NONE, OB_R_ANY_TEXT),
    F_RAW(SC, verification_details),
    F_BOOL(SC, is_default, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT),
    F_BOOL(SC, is_deleted, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED),
    F_DT(SC, verified_at, 0u),
    F_DT(SC, created_at, 0u),
    F_UUID(SC, connection, 0u),
    F_UUID(SC, domain, 0u),
};
#undef SC
static const ob_table_t sender_create_table = {
    sender_create_fields, (ob_off_t)sizeof(camp_outbox_sender_create_t),
    (ob_off_t)offsetof(camp_outbox_sender_create_t, present), (uint8_t)PSIZE_SENDER_CREATE,
    (uint8_t)COUNT_OF(sender_create_fields)};

/* ---- contacts page (O3) ---------------------------------------------------------------------------- */

#define CP camp_outbox_contacts_page_t
static const ob_field_t contacts_page_fields[] = {
    F_OBJ_LIST(CP, results, OB_L_CONTACTS, OB_I_RESULTS),
    F_INT(CP, total, OB_REQUIRED, OB_L_TOTAL, OB_R_TOTAL),
};
#undef CP
/* The page has no optional member, so no `present` word. */
static const ob_table_t contacts_page_table = {contacts_page_fields,
                                               (ob_off_t)sizeof(camp_outbox_contacts_page_t), 0u,
                                               0u, (uint8_t)COUNT_OF(contacts_page_fields)};

/* Build-time checks, one declaration: decode tracks the members seen in a 32-bit mask
 * per object; the presence bits fit their `present` words;
 * offsets and sizes fit ob_off_t (outbox_internal.h picks its width from the
 * capacities); the key pool fits its 16-bit offsets; the enum name tables have the
 * counts of their limits; both string-list types share one layout (the engine relies
 * on it). */
#define OB_OFF_FITS(T) (sizeof(T) <= (size_t)(ob_off_t)-1)
/* The highest presence bit @p LAST of a struct fits its `present` word of @p PSIZE
 * bytes and the flags' bit index (OB_PBIT_MAX). */
#define OB_PBITS_FIT(PSIZE, LAST)                                                                  \
    (((uint64_t)(LAST) < ((uint64_t)1u << (8u * (PSIZE)))) && (OB_LOG2_16(LAST) <= OB_PBIT_MAX))
#define OB_SAME_LAYOUT(M)                                                                          \
    (offsetof(camp_outbox_uuid_list_t, M) == offsetof(camp_outbox_tag_list_t, M))
typedef char ob_tables_fit
    [(COUNT_OF(campaign_fields) <= 32u && COUNT_OF(sender_fields) <= 32u &&
      COUNT_OF(sender_create_fields) <= 32u && COUNT_OF(campaign_create_fields) <= 32u &&
      COUNT_OF(step_fields) <= 32u && COUNT_OF(contact_fields) <= 32u &&
      OB_OFF_FITS(camp_outbox_campaign_t) && OB_OFF_FITS(camp_outbox_campaign_create_t) &&
      OB_OFF_FITS(camp_outbox_sender_t) && OB_OFF_FITS(camp_outbox_sender_create_t) &&
      OB_OFF_FITS(camp_outbox_contacts_page_t) && sizeof(struct ob_keys) <= 0xFFFFu &&
      COUNT_OF(campaign_status_names) == 6u && COUNT_OF(vmode_names) == 3u &&
      COUNT_OF(sender_status_names) == 4u && OB_SAME_LAYOUT(count) && OB_SAME_LAYOUT(items) &&
      OB_PBITS_FIT(PSIZE_STEP, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE) &&
      OB_PBITS_FIT(PSIZE_CAMPAIGN, CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT) &&
      OB_PBITS_FIT(PSIZE_CAMPAIGN_CREATE, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT) &&
      OB_PBITS_FIT(PSIZE_SENDER, CAMP_OUTBOX_SENDER_HAS_DOMAIN) &&
      OB_PBITS_FIT(PSIZE_SENDER_CREATE, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED) &&
      OB_PBITS_FIT(PSIZE_CONTACT, CAMP_OUTBOX_CONTACT_HAS_CREATED_AT))
         ? 1
         : -1];

/* ---- public entry points ------------------------------------------------------------------------------ */

camp_status_t camp_outbox_campaign_decode(camp_json_doc_t *doc, int tok,
                                          camp_outbox_campaign_t *out, camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &campaign_table, out, diag);
}

camp_status_t camp_outbox_campaign_validate(const camp_outbox_campaign_t *c, camp_diag_t *diag)
{
    return camp_ob_validate(&campaign_table, c, diag);
}

camp_status_t camp_outbox_campaign_encode(const camp_outbox_campaign_t *c, char *buf, size_t cap,
                                          size_t *out_len, camp_diag_t *diag)
{
    return camp_ob_encode(&campaign_table, c, buf, cap, out_len, diag);
}

camp_status_t camp_outbox_campaign_create_decode(camp_json_doc_t *doc, int tok,
                                                 camp_outbox_campaign_create_t *out,
                                                 camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &campaign_create_table, out, diag);
}

camp_status_t camp_outbox_campaign_create_validate(const camp_outbox_campaign_create_t *c,
                                                   camp_diag_t *diag)
{
    return camp_ob_validate(&campaign_create_table, c, diag);
}

camp_status_t camp_outbox_campaign_create_encode(const camp_outbox_campaign_create_t *c, char *buf,
                                                 size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return camp_ob_encode(&campaign_create_table, c, buf, cap, out_len, diag);
}

camp_status_t camp_outbox_sender_decode(camp_json_doc_t *doc, int tok, camp_outbox_sender_t *out,
                                        camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &sender_table, out, diag);
}

camp_status_t camp_outbox_sender_validate(const camp_outbox_sender_t *s, camp_diag_t *diag)
{
    return camp_ob_validate(&sender_table, s, diag);
}

camp_status_t camp_outbox_sender_encode(const camp_outbox_sender_t *s, char *buf, size_t cap,
                                        size_t *out_len, camp_diag_t *diag)
{
    return camp_ob_encode(&sender_table, s, buf, cap, out_len, diag);
}

camp_status_t camp_outbox_sender_create_decode(camp_json_doc_t *doc, int tok,
                                               camp_outbox_sender_create_t *out, camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &sender_create_table, out, diag);
}

camp_status_t camp_outbox_sender_create_validate(const camp_outbox_sender_create_t *s,
                                                 camp_diag_t *diag)
{
    return camp_ob_validate(&sender_create_table, s, diag);
}

camp_status_t camp_outbox_sender_create_encode(const camp_outbox_sender_create_t *s, char *buf,
                                               size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return camp_ob_encode(&sender_create_table, s, buf, cap, out_len, diag);
}

camp_status_t camp_outbox_contacts_page_decode(camp_json_doc_t *doc, int tok,
                                               camp_outbox_contacts_page_t *out, camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &contacts_page_table, out, diag);
}

camp_status_t camp_outbox_contacts_page_validate(const camp_outbox_contacts_page_t *p,
                                                 camp_diag_t *diag)
{
    return camp_ob_validate(&contacts_page_table, p, diag);
}

camp_status_t camp_outbox_contacts_page_encode(const camp_outbox_contacts_page_t *p, char *buf,
                                               size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return camp_ob_encode(&contacts_page_table, p, buf, cap, out_len, diag);
}

/* The name of value @p v of enum @p names (a camp_ob_enum_names index), or NULL. */
static const char *enum_name(uint8_t names, uint8_t lim, int v)
{
    if (v < 1 || (int64_t)v > camp_ob_limits[lim].max) {
        return NULL;
    }
    return camp_ob_enum_names[names][v];
}

const char *camp_outbox_campaign_status_name(camp_outbox_campaign_status_t s)
{
    return enum_name(OB_N_CAMPAIGN_STATUS, OB_L_CAMPAIGN_STATUS, (int)s);
}

const char *camp_outbox_verification_mode_name(camp_outbox_verification_mode_t m)
{
    return enum_name(OB_N_VMODE, OB_L_VMODE, (int)m);
}

const char *camp_outbox_sender_status_name(camp_outbox_sender_status_t s)
{
    return enum_name(OB_N_SSTATUS, OB_L_SSTATUS, (int)s);
}
