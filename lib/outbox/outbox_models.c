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

static const char *const campaign_status_names[] = {NULL,     "draft",     "active",
                                                    "paused", "completed", "cancelled"};
static const char *const vmode_names[] = {NULL, "single_email", "domain"};
static const char *const sender_status_names[] = {NULL, "pending", "verified", "failed"};

/* Field constructors. T is the struct type, M the member, K the JSON key. */
#define FIELD(T, M, K, KIND, FLAGS, MIN, MAX, NAMES, RULE)                                         \
    {                                                                                              \
        K, KIND, FLAGS, offsetof(T, M), OB_NO_OFFSET, OB_NO_OFFSET, MIN, MAX, NAMES, RULE, NULL,   \
            NULL, 0                                                                                \
    }
#define F_UUID(T, M, FLAGS) FIELD(T, M, #M, OB_UUID, FLAGS, 0, 0, NULL, RULE_UUID)
#define F_DT(T, M, FLAGS) FIELD(T, M, #M, OB_DATETIME, FLAGS, 0, 0, NULL, RULE_DATETIME)
#define F_TEXT(T, M, FLAGS, MIN, MAX, RULE) FIELD(T, M, #M, OB_TEXT, FLAGS, MIN, MAX, NULL, RULE)
#define F_EMAIL(T, M, FLAGS)                                                                       \
    FIELD(T, M, #M, OB_EMAIL, FLAGS, 1, CAMP_OUTBOX_EMAIL_MAX, NULL, RULE_EMAIL)
#define F_TZ(T, M, FLAGS)                                                                          \
    FIELD(T, M, #M, OB_TIMEZONE, FLAGS, 0, CAMP_OUTBOX_TIMEZONE_MAX, NULL, RULE_TZ)
#define F_BOOL(T, M) FIELD(T, M, #M, OB_BOOL, 0u, 0, 0, NULL, NULL)
#define F_RAW(T, M) FIELD(T, M, #M, OB_RAW, 0u, 0, 0, NULL, NULL)
#define F_ENUM(T, M, NAMES, RULE)                                                                  \
    FIELD(T, M, #M, OB_ENUM, 0u, 1, (int64_t)COUNT_OF(NAMES) - 1, NAMES, RULE)
#define F_INT(T, M, FLAGS, MIN, MAX, RULE) FIELD(T, M, #M, OB_INT, FLAGS, MIN, MAX, NULL, RULE)
#define F_COUNTER(T, M) FIELD(T, M, #M, OB_COUNTER, OB_REQUIRED, 0, 0, NULL, NULL)
#define F_STR_LIST(T, M, LIST_T, CAP, ELEM)                                                        \
    {                                                                                              \
#M, OB_STR_LIST, 0u, offsetof(T, M) + offsetof(LIST_T, items),                             \
            offsetof(T, M) + offsetof(LIST_T, count), offsetof(T, M) + offsetof(LIST_T, set), 0,   \
            CAP, NULL, NULL, &ELEM, NULL, 0                                                        \
    }
#define F_OBJ_LIST(T, M, COUNT_M, ELEM_T, CAP, TABLE)                                              \
    {                                                                                              \
#M, OB_OBJ_LIST, OB_REQUIRED, offsetof(T, M), offsetof(T, COUNT_M), OB_NO_OFFSET, 0, CAP,  \
            NULL, NULL, NULL, &TABLE, sizeof(ELEM_T)                                               \
    }

/* Items of sender_identity_ids and tags. */
static const ob_field_t elem_uuid = {
    "", OB_UUID, 0u, 0, OB_NO_OFFSET, OB_NO_OFFSET, 0, 0, NULL, RULE_UUID, NULL, NULL, 0};
static const ob_field_t elem_tag = {
    "", OB_TEXT, 0u, 0, OB_NO_OFFSET, OB_NO_OFFSET, 0, -1, NULL, RULE_ANY_TEXT, NULL, NULL, 0};

/* ---- email campaign step (§3.2) ------------------------------------------------------- */

#define ST camp_outbox_step_t
static const ob_field_t step_fields[] = {
    F_UUID(ST, id, 0u),
    F_DT(ST, updated_at, 0u),
    F_UUID(ST, campaign, 0u),
    F_INT(ST, step_order, 0u, 0, CAMP_OUTBOX_INT32_MAX, RULE_INT32),
    F_TEXT(ST, subject, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_TEXT(ST, body_html, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_TEXT(ST, body_text, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_INT(ST, delay_minutes, 0u, 0, CAMP_OUTBOX_INT32_MAX, RULE_INT32),
    F_BOOL(ST, is_active),
    F_DT(ST, created_at, 0u),
};
#undef ST
static const ob_table_t step_table = {step_fields, COUNT_OF(step_fields)};

/* ---- email campaign object (§3.1) ------------------------------------------------------- */

#define CT camp_outbox_campaign_t
static const ob_field_t campaign_fields[] = {
    F_UUID(CT, id, OB_REQUIRED),
    F_OBJ_LIST(CT, steps, step_count, camp_outbox_step_t, CAMP_MAX_EMAIL_STEPS, step_table),
    F_TEXT(CT, sender_identities, OB_REQUIRED, 0, -1, RULE_ANY_TEXT),
    F_COUNTER(CT, sent_count),
    F_COUNTER(CT, unique_opens),
    F_COUNTER(CT, unique_clicks),
    F_COUNTER(CT, replies),
    F_TEXT(CT, name, OB_REQUIRED, 0, CAMP_OUTBOX_NAME_MAX, RULE_MAX_255),
    F_DT(CT, updated_at, OB_REQUIRED),
    F_UUID(CT, company, OB_REQUIRED),
    F_STR_LIST(CT, sender_identity_ids, camp_outbox_uuid_list_t, CAMP_MAX_SENDER_IDS, elem_uuid),
    F_ENUM(CT, status, campaign_status_names, RULE_STATUS),
    F_TEXT(CT, description, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_TZ(CT, timezone, OB_NULLABLE),
    F_RAW(CT, allowed_windows),
    F_BOOL(CT, stop_on_reply),
    F_BOOL(CT, is_deleted),
    F_DT(CT, created_at, OB_NULLABLE),
    F_UUID(CT, workflow, OB_NULLABLE),
    F_UUID(CT, created_by, OB_NULLABLE),
    F_UUID(CT, responder_agent, OB_NULLABLE),
};
#undef CT
static const ob_table_t campaign_table = {campaign_fields, COUNT_OF(campaign_fields)};

/* ---- create email campaign body (O1) ------------------------------------------------------- */

#define CC camp_outbox_campaign_create_t
static const ob_field_t campaign_create_fields[] = {
    F_TEXT(CC, name, OB_REQUIRED, 1, CAMP_OUTBOX_NAME_MAX, RULE_NAME_CREATE),
    F_UUID(CC, company, OB_REQUIRED),
    F_STR_LIST(CC, sender_identity_ids, camp_outbox_uuid_list_t, CAMP_MAX_SENDER_IDS, elem_uuid),
    F_ENUM(CC, status, campaign_status_names, RULE_STATUS),
    F_TEXT(CC, description, 0u, 0, -1, RULE_ANY_TEXT),
    F_TZ(CC, timezone, 0u),
    F_RAW(CC, allowed_windows),
    F_BOOL(CC, stop_on_reply),
    F_BOOL(CC, is_deleted),
    F_DT(CC, created_at, 0u),
    F_UUID(CC, workflow, OB_NULLABLE),
    F_UUID(CC, created_by, OB_NULLABLE),
    F_UUID(CC, responder_agent, OB_NULLABLE),
};
#undef CC
static const ob_table_t campaign_create_table = {campaign_create_fields,
                                                 COUNT_OF(campaign_create_fields)};

/* ---- sender identity object (O2 response) ------------------------------------------------------- */

/* `reply_to_email` may come back empty when the default reply-to is used
 * (Django's blank EmailField); the object accepts "", null or an address. */
#define SO camp_outbox_sender_t
static const ob_field_t sender_fields[] = {
    F_UUID(SO, id, OB_REQUIRED),
    F_EMAIL(SO, from_email, OB_REQUIRED),
    F_DT(SO, updated_at, OB_NULLABLE),
    F_UUID(SO, company, OB_REQUIRED),
    F_TEXT(SO, from_name, OB_NULLABLE, 0, CAMP_OUTBOX_EMAIL_MAX, RULE_MAX_255),
    F_ENUM(SO, verification_mode, vmode_names, RULE_VMODE),
    F_EMAIL(SO, reply_to_email, OB_NULLABLE | OB_EMPTY_OK),
    F_BOOL(SO, use_default_reply_to),
    F_ENUM(SO, status, sender_status_names, RULE_SSTATUS),
    F_TEXT(SO, provider_sender_id, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_RAW(SO, verification_details),
    F_BOOL(SO, is_default),
    F_BOOL(SO, is_deleted),
    F_DT(SO, verified_at, OB_NULLABLE),
    F_DT(SO, created_at, OB_NULLABLE),
    F_UUID(SO, connection, OB_NULLABLE),
    F_UUID(SO, domain, OB_NULLABLE),
};
#undef SO
static const ob_table_t sender_table = {sender_fields, COUNT_OF(sender_fields)};

/* ---- create sender body (O2) -------------------------------------------------------------------- */

#define SC camp_outbox_sender_create_t
static const ob_field_t sender_create_fields[] = {
    F_EMAIL(SC, from_email, OB_REQUIRED),
    F_UUID(SC, company, OB_REQUIRED),
    F_TEXT(SC, from_name, 0u, 0, CAMP_OUTBOX_EMAIL_MAX, RULE_MAX_255),
    F_ENUM(SC, verification_mode, vmode_names, RULE_VMODE),
    F_EMAIL(SC, reply_to_email, 0u),
    F_BOOL(SC, use_default_reply_to),
    F_ENUM(SC, status, sender_status_names, RULE_SSTATUS),
    F_TEXT(SC, provider_sender_id, 0u, 0, -1, RULE_ANY_TEXT),
    F_RAW(SC, verification_details),
    F_BOOL(SC, is_default),
    F_BOOL(SC, is_deleted),
    F_DT(SC, verified_at, 0u),
    F_DT(SC, created_at, 0u),
    F_UUID(SC, connection, 0u),
    F_UUID(SC, domain, 0u),
};
#undef SC
static const ob_table_t sender_create_table = {sender_create_fields,
                                               COUNT_OF(sender_create_fields)};

/* ---- contacts page (O3) ---------------------------------------------------------------------------- */

#define CO camp_outbox_contact_t
static const ob_field_t contact_fields[] = {
    F_UUID(CO, id, OB_REQUIRED),
    F_TEXT(CO, name, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_TEXT(CO, email, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_TEXT(CO, phone, OB_NULLABLE, 0, -1, RULE_ANY_TEXT),
    F_STR_LIST(CO, tags, camp_outbox_tag_list_t, CAMP_MAX_CONTACT_TAGS, elem_tag),
    F_DT(CO, last_activity, OB_NULLABLE),
    F_DT(CO, created_at, OB_NULLABLE),
};
#undef CO
static const ob_table_t contact_table = {contact_fields, COUNT_OF(contact_fields)};

#define CP camp_outbox_contacts_page_t
static const ob_field_t contacts_page_fields[] = {
    F_OBJ_LIST(CP, results, count, camp_outbox_contact_t, CAMP_MAX_CONTACTS, contact_table),
    F_INT(CP, total, OB_REQUIRED, 0, CAMP_MAX_SAFE_INT, RULE_TOTAL),
};
#undef CP
static const ob_table_t contacts_page_table = {contacts_page_fields,
                                               COUNT_OF(contacts_page_fields)};

/* Presence is tracked in a 32-bit mask per object. */
typedef char
    ob_table_fits[(COUNT_OF(campaign_fields) <= 32u && COUNT_OF(sender_fields) <= 32u &&
                   COUNT_OF(sender_create_fields) <= 32u && COUNT_OF(campaign_create_fields) <= 32u)
                      ? 1
                      : -1];

/* ---- public entry points ------------------------------------------------------------------------------ */

camp_status_t camp_outbox_campaign_decode(camp_json_doc_t *doc, int tok,
                                          camp_outbox_campaign_t *out, camp_diag_t *diag)
{
    return camp_ob_decode(doc, tok, &campaign_table, out, sizeof *out, diag);
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
    return camp_ob_decode(doc, tok, &campaign_create_table, out, sizeof *out, diag);
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
    return camp_ob_decode(doc, tok, &sender_table, out, sizeof *out, diag);
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
    return camp_ob_decode(doc, tok, &sender_create_table, out, sizeof *out, diag);
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
    return camp_ob_decode(doc, tok, &contacts_page_table, out, sizeof *out, diag);
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

static const char *enum_name(const char *const *names, size_t count, int v)
{
    if (v < 1 || (size_t)v >= count) {
        return NULL;
    }
    return names[v];
}

const char *camp_outbox_campaign_status_name(camp_outbox_campaign_status_t s)
{
    return enum_name(campaign_status_names, COUNT_OF(campaign_status_names), (int)s);
}

const char *camp_outbox_verification_mode_name(camp_outbox_verification_mode_t m)
{
    return enum_name(vmode_names, COUNT_OF(vmode_names), (int)m);
}

const char *camp_outbox_sender_status_name(camp_outbox_sender_status_t s)
{
    return enum_name(sender_status_names, COUNT_OF(sender_status_names), (int)s);
}
