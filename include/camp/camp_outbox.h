/**
 * @file camp_outbox.h
 * @brief Outbox (getoutbox.ai) email models: email campaign, create-campaign body,
 *        sender identity, create-sender body, contacts page.
 *
 * Each object has a struct and three calls:
 * - `*_decode()`: tokens -> struct. Checks every documented rule while decoding and
 *   stops at the first violation, reported in a camp_diag_t with the JSON path of
 *   the value (`$.steps[1].delay_minutes`), its byte offset, the rule and the limits.
 *   Unknown members are skipped.
 * - `*_validate()`: the same rules on a struct filled by the caller (paths are
 *   built from the field names, offsets are CAMP_DIAG_NO_OFFSET).
 * - `*_encode()`: validate, then write the JSON body into a caller buffer. Members
 *   are written in the documented order; absent members are omitted.
 *
 * Lifetime: decoded strings (camp_str_t) point into the caller's JSON buffer,
 * unescaped in place and NUL-terminated there (see camp_json_get_string()). They
 * stay valid while that buffer is neither freed nor reused. Nothing is allocated.
 *
 * Presence: a camp_str_t with `ptr == NULL` is an absent member; camp_outbox_nstr_t
 * adds `is_null` for members that may be JSON `null`; optional booleans and integers
 * carry a `set` flag; enums use 0 (`*_NONE`) for "absent".
 *
 * Capacities: arrays are sized by CAMP_MAX_EMAIL_STEPS, CAMP_MAX_SENDER_IDS,
 * CAMP_MAX_CONTACTS and CAMP_MAX_CONTACT_TAGS (camp_config.h). A longer array is
 * CAMP_ERR_CAPACITY with the array's path and diag->needed = its length; nothing
 * is truncated.
 *
 * Policies where the vendor's pages are silent or disagree (spec/outbox.md §7)
 * are written next to the code that applies them in lib/outbox/.
 */
#ifndef CAMP_OUTBOX_H
#define CAMP_OUTBOX_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_status.h"
#include "camp_json.h"

#ifdef __cplusplus
extern "C" {
#endif

/* camp_str_t (the string view of every model) is defined in camp_json.h. */

/** A string member that may also be JSON `null`. */
typedef struct camp_outbox_nstr {
    bool is_null;   /**< true: the member is `null` (str is ignored) */
    camp_str_t str; /**< the value when !is_null; str.ptr == NULL: member absent */
} camp_outbox_nstr_t;

/** An optional boolean member. */
typedef struct camp_outbox_bool {
    bool set;   /**< member present */
    bool value; /**< its value when set */
} camp_outbox_bool_t;

/** An optional integer member. */
typedef struct camp_outbox_int {
    bool set;      /**< member present */
    int64_t value; /**< its value when set */
} camp_outbox_int_t;

/** Email campaign `status`. */
typedef enum camp_outbox_campaign_status {
    CAMP_OUTBOX_STATUS_NONE = 0, /**< member absent */
    CAMP_OUTBOX_STATUS_DRAFT,
    CAMP_OUTBOX_STATUS_ACTIVE,
    CAMP_OUTBOX_STATUS_PAUSED,
    CAMP_OUTBOX_STATUS_COMPLETED,
    CAMP_OUTBOX_STATUS_CANCELLED
} camp_outbox_campaign_status_t;

/** Sender identity `verification_mode`. */
typedef enum camp_outbox_verification_mode {
    CAMP_OUTBOX_VERIFY_NONE = 0, /**< member absent */
    CAMP_OUTBOX_VERIFY_SINGLE_EMAIL,
    CAMP_OUTBOX_VERIFY_DOMAIN
} camp_outbox_verification_mode_t;

/** Sender identity `status`. */
typedef enum camp_outbox_sender_status {
    CAMP_OUTBOX_SENDER_NONE = 0, /**< member absent */
    CAMP_OUTBOX_SENDER_PENDING,
    CAMP_OUTBOX_SENDER_VERIFIED,
    CAMP_OUTBOX_SENDER_FAILED
} camp_outbox_sender_status_t;

/** Largest email campaign `name` in characters (1..255 on create; D4). */
#define CAMP_OUTBOX_NAME_MAX 255
/** Largest `timezone` in characters. */
#define CAMP_OUTBOX_TIMEZONE_MAX 64
/** Largest e-mail address and `from_name` in characters. */
#define CAMP_OUTBOX_EMAIL_MAX 255
/** Largest `delay_minutes` (and `step_order`): 2^31 - 1. */
#define CAMP_OUTBOX_INT32_MAX INT64_C(2147483647)

/** Sender identity IDs (`sender_identity_ids`). */
typedef struct camp_outbox_uuid_list {
    bool set;     /**< member present (may be empty) */
    size_t count; /**< items used */
    /** Canonical UUIDs; capacity CAMP_MAX_SENDER_IDS, the first count are used. */
    camp_str_t items[CAMP_MAX_SENDER_IDS];
} camp_outbox_uuid_list_t;

/** One step of an email campaign (§3.2; every member optional, none documented as required). */
typedef struct camp_outbox_step {
    camp_str_t id;                   /**< UUID */
    camp_str_t updated_at;           /**< RFC 3339 */
    camp_str_t campaign;             /**< UUID of the owning campaign */
    camp_outbox_int_t step_order;    /**< 0..2^31-1 */
    camp_outbox_nstr_t subject;      /**< any text */
    camp_outbox_nstr_t body_html;    /**< any text */
    camp_outbox_nstr_t body_text;    /**< any text */
    camp_outbox_int_t delay_minutes; /**< 0..2^31-1 */
    camp_outbox_bool_t is_active;    /**< `is_active` */
    camp_str_t created_at;           /**< RFC 3339 */
} camp_outbox_step_t;

/** Email campaign object (response of POST /email/campaigns/, §3.1). */
typedef struct camp_outbox_campaign {
    camp_str_t id;     /**< required, UUID */
    size_t step_count; /**< steps used */
    /** Required (may be empty); capacity CAMP_MAX_EMAIL_STEPS, the first step_count are used. */
    camp_outbox_step_t steps[CAMP_MAX_EMAIL_STEPS];
    camp_str_t sender_identities;                /**< required, a server-side summary string */
    int64_t sent_count;                          /**< required; sent as a digit string */
    int64_t unique_opens;                        /**< required; sent as a digit string */
    int64_t unique_clicks;                       /**< required; sent as a digit string */
    int64_t replies;                             /**< required; sent as a digit string */
    camp_str_t name;                             /**< required, 0..255 characters */
    camp_str_t updated_at;                       /**< required, RFC 3339 */
    camp_str_t company;                          /**< required, UUID */
    camp_outbox_uuid_list_t sender_identity_ids; /**< optional */
    camp_outbox_campaign_status_t status;        /**< optional */
    camp_outbox_nstr_t description;              /**< optional */
    camp_outbox_nstr_t
        timezone; /**< optional, <= 64 characters, IANA name by syntax (camp_valid_tz_name()) */
    camp_str_t allowed_windows; /**< optional raw JSON value (format undocumented), kept verbatim */
    camp_outbox_bool_t stop_on_reply;   /**< optional */
    camp_outbox_bool_t is_deleted;      /**< optional */
    camp_outbox_nstr_t created_at;      /**< optional, RFC 3339 */
    camp_outbox_nstr_t workflow;        /**< optional, UUID or null */
    camp_outbox_nstr_t created_by;      /**< optional, UUID or null */
    camp_outbox_nstr_t responder_agent; /**< optional, UUID or null */
} camp_outbox_campaign_t;

/** Body of POST /email/campaigns/ (O1). */
typedef struct camp_outbox_campaign_create {
    camp_str_t name;                             /**< required, 1..255 characters */
    camp_str_t company;                          /**< required, UUID */
    camp_outbox_uuid_list_t sender_identity_ids; /**< optional */
    camp_outbox_campaign_status_t status;        /**< optional */
    camp_str_t description;                      /**< optional */
    camp_str_t
        timezone; /**< optional, <= 64 characters, IANA name by syntax (camp_valid_tz_name()) */
    camp_str_t allowed_windows;         /**< optional raw JSON value, written verbatim */
    camp_outbox_bool_t stop_on_reply;   /**< optional */
    camp_outbox_bool_t is_deleted;      /**< optional */
    camp_str_t created_at;              /**< optional, RFC 3339 */
    camp_outbox_nstr_t workflow;        /**< optional, UUID or null */
    camp_outbox_nstr_t created_by;      /**< optional, UUID or null */
    camp_outbox_nstr_t responder_agent; /**< optional, UUID or null */
} camp_outbox_campaign_create_t;

/** Sender identity object (response of POST /email/senders/). */
typedef struct camp_outbox_sender {
    camp_str_t id;                                     /**< required, UUID */
    camp_str_t from_email;                             /**< required, e-mail, 1..255 */
    camp_outbox_nstr_t updated_at;                     /**< optional, RFC 3339 */
    camp_str_t company;                                /**< required, UUID */
    camp_outbox_nstr_t from_name;                      /**< optional, <= 255 characters */
    camp_outbox_verification_mode_t verification_mode; /**< optional */
    camp_outbox_nstr_t reply_to_email;                 /**< optional, e-mail <= 255, or "" */
    camp_outbox_bool_t use_default_reply_to;           /**< optional */
    camp_outbox_sender_status_t status;                /**< optional */
    camp_outbox_nstr_t provider_sender_id;             /**< optional */
    camp_str_t verification_details; /**< optional raw JSON value, kept verbatim */
    camp_outbox_bool_t is_default;   /**< optional */
    camp_outbox_bool_t is_deleted;   /**< optional */
    camp_outbox_nstr_t verified_at;  /**< optional, RFC 3339 or null */
    camp_outbox_nstr_t created_at;   /**< optional, RFC 3339 */
    camp_outbox_nstr_t connection;   /**< optional, UUID or null */
    camp_outbox_nstr_t domain;       /**< optional, UUID or null */
} camp_outbox_sender_t;

/** Body of POST /email/senders/ (O2). */
typedef struct camp_outbox_sender_create {
    camp_str_t from_email;                             /**< required, e-mail, 1..255 */
    camp_str_t company;                                /**< required, UUID */
    camp_str_t from_name;                              /**< optional, <= 255 characters */
    camp_outbox_verification_mode_t verification_mode; /**< optional */
    camp_str_t reply_to_email;                         /**< optional, e-mail, <= 255 */
    camp_outbox_bool_t use_default_reply_to;           /**< optional */
    camp_outbox_sender_status_t status;                /**< optional */
    camp_str_t provider_sender_id;                     /**< optional */
    camp_str_t verification_details; /**< optional raw JSON value, written verbatim */
    camp_outbox_bool_t is_default;   /**< optional */
    camp_outbox_bool_t is_deleted;   /**< optional */
    camp_str_t verified_at;          /**< optional, RFC 3339 */
    camp_str_t created_at;           /**< optional, RFC 3339 */
    camp_str_t connection;           /**< optional, UUID */
    camp_str_t domain;               /**< optional, UUID */
} camp_outbox_sender_create_t;

/** Tags of one contact. */
typedef struct camp_outbox_tag_list {
    bool set;     /**< member present (may be empty) */
    size_t count; /**< items used */
    /** Tag names; capacity CAMP_MAX_CONTACT_TAGS, the first count are used. */
    camp_str_t items[CAMP_MAX_CONTACT_TAGS];
} camp_outbox_tag_list_t;

/** One contact of GET /contacts/list (O3). */
typedef struct camp_outbox_contact {
    camp_str_t id;                    /**< required, UUID */
    camp_outbox_nstr_t name;          /**< optional */
    camp_outbox_nstr_t email;         /**< optional; not syntax-checked (imported data) */
    camp_outbox_nstr_t phone;         /**< optional */
    camp_outbox_tag_list_t tags;      /**< optional */
    camp_outbox_nstr_t last_activity; /**< optional, RFC 3339 or null */
    camp_outbox_nstr_t created_at;    /**< optional, RFC 3339 or null */
} camp_outbox_contact_t;

/** Page of GET /contacts/list: `{results[], total}`; the API's page size is 20. */
typedef struct camp_outbox_contacts_page {
    size_t count; /**< results used */
    /** Required (may be empty); capacity CAMP_MAX_CONTACTS, the first count are used. */
    camp_outbox_contact_t results[CAMP_MAX_CONTACTS];
    int64_t total; /**< required, 0..2^53-1 */
} camp_outbox_contacts_page_t;

/* ---- Email campaign ------------------------------------------------------------ */

/**
 * @brief Decode and validate an email campaign object.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the object (0 for the document root).
 * @param[out]    out  the campaign; zeroed first, except `steps` past step_count (each
 *                     step is cleared as it is decoded). Strings point into doc->text.
 * @param[out]    diag first violation (path, offset, rule, limits, needed). May be NULL.
 * @return CAMP_OK; CAMP_ERR_TYPE, CAMP_ERR_REQUIRED, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_RANGE, CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE,
 *         CAMP_ERR_INVALID (a string with the escape \\u0000), CAMP_ERR_CAPACITY; CAMP_ERR_ARG.
 */
CAMP_NODISCARD camp_status_t camp_outbox_campaign_decode(camp_json_doc_t *doc, int tok,
                                                         camp_outbox_campaign_t *out,
                                                         camp_diag_t *diag);

/**
 * @brief Check a campaign filled by the caller against the same rules as decoding.
 * @param[in]  c    the campaign.
 * @param[out] diag first violation, path built from field names. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p c NULL); CAMP_ERR_REQUIRED, CAMP_ERR_TYPE (an
 *         item of `sender_identity_ids` with a NULL pointer), CAMP_ERR_PATTERN,
 *         CAMP_ERR_LENGTH, CAMP_ERR_RANGE, CAMP_ERR_ENUM, CAMP_ERR_DATE,
 *         CAMP_ERR_TIMEZONE, CAMP_ERR_INVALID (a NUL byte in a string, or
 *         `allowed_windows` not one well-formed JSON value; invalid UTF-8 is PATTERN),
 *         CAMP_ERR_CAPACITY (a count above its array's capacity).
 */
CAMP_NODISCARD camp_status_t camp_outbox_campaign_validate(const camp_outbox_campaign_t *c,
                                                           camp_diag_t *diag);

/**
 * @brief Validate, then write @p c as JSON (e.g. for a mock server or a cache).
 * @param[in]  c       the campaign.
 * @param[out] buf     destination; NUL-terminated when room is left. May be NULL
 *                     when @p cap is 0 (to learn the size from diag->needed).
 * @param[in]  cap     size of @p buf.
 * @param[out] out_len bytes written without the NUL (may be NULL).
 * @param[out] diag    on failure: the violation, or for CAMP_ERR_BUFFER_TOO_SMALL
 *                     diag->needed = bytes the body needs. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p c NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL; a status of camp_outbox_campaign_validate()
 *         (nothing is written then).
 */
CAMP_NODISCARD camp_status_t camp_outbox_campaign_encode(const camp_outbox_campaign_t *c, char *buf,
                                                         size_t cap, size_t *out_len,
                                                         camp_diag_t *diag);

/* ---- Create email campaign body ------------------------------------------------ */

/**
 * @brief Decode and validate a create-campaign body.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the object (0 for the document root).
 * @param[out]    out  the result; zeroed first. Strings point into doc->text.
 * @param[out]    diag first violation (path, offset, rule, limits, needed). May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL); CAMP_ERR_TYPE, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_PATTERN, CAMP_ERR_LENGTH, CAMP_ERR_ENUM, CAMP_ERR_DATE,
 *         CAMP_ERR_TIMEZONE, CAMP_ERR_INVALID (a string with the escape \\u0000),
 *         CAMP_ERR_CAPACITY (more `sender_identity_ids` than CAMP_MAX_SENDER_IDS).
 */
CAMP_NODISCARD camp_status_t camp_outbox_campaign_create_decode(camp_json_doc_t *doc, int tok,
                                                                camp_outbox_campaign_create_t *out,
                                                                camp_diag_t *diag);

/**
 * @brief Check a create-campaign body filled by the caller against the decoding rules.
 * @param[in]  c    the create-campaign body.
 * @param[out] diag first violation, path built from field names. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p c NULL); CAMP_ERR_REQUIRED, CAMP_ERR_TYPE (an item of
 *         `sender_identity_ids` with a NULL pointer), CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_INVALID (a NUL byte
 *         in a string, or `allowed_windows` not one well-formed JSON value; invalid
 *         UTF-8 is PATTERN), CAMP_ERR_CAPACITY (a count above CAMP_MAX_SENDER_IDS).
 */
CAMP_NODISCARD camp_status_t
camp_outbox_campaign_create_validate(const camp_outbox_campaign_create_t *c, camp_diag_t *diag);

/**
 * @brief Validate, then write the create-campaign request body @p c as JSON.
 * @param[in]  c       the create-campaign body.
 * @param[out] buf     destination; NUL-terminated when room is left. May be NULL
 *                     when @p cap is 0 (to learn the size from diag->needed).
 * @param[in]  cap     size of @p buf.
 * @param[out] out_len bytes written without the NUL (may be NULL).
 * @param[out] diag    on failure: the violation, or for CAMP_ERR_BUFFER_TOO_SMALL
 *                     diag->needed = bytes the body needs. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p c NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL; a status of
 *         camp_outbox_campaign_create_validate() (nothing is written then).
 */
CAMP_NODISCARD camp_status_t
camp_outbox_campaign_create_encode(const camp_outbox_campaign_create_t *c, char *buf, size_t cap,
                                   size_t *out_len, camp_diag_t *diag);

/* ---- Sender identity ------------------------------------------------------------ */

/**
 * @brief Decode and validate a sender identity object.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the object (0 for the document root).
 * @param[out]    out  the result; zeroed first. Strings point into doc->text.
 * @param[out]    diag first violation (path, offset, rule, limits, needed). May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL); CAMP_ERR_TYPE, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_PATTERN, CAMP_ERR_LENGTH, CAMP_ERR_ENUM, CAMP_ERR_DATE,
 *         CAMP_ERR_INVALID (a string with the escape \\u0000).
 */
CAMP_NODISCARD camp_status_t camp_outbox_sender_decode(camp_json_doc_t *doc, int tok,
                                                       camp_outbox_sender_t *out,
                                                       camp_diag_t *diag);

/**
 * @brief Check a sender identity filled by the caller against the same rules as decoding.
 * @param[in]  s    the sender identity.
 * @param[out] diag first violation, path built from field names. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p s NULL); CAMP_ERR_REQUIRED, CAMP_ERR_PATTERN,
 *         CAMP_ERR_LENGTH, CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_INVALID (a NUL byte
 *         in a string, or `verification_details` not one well-formed JSON value;
 *         invalid UTF-8 is PATTERN).
 */
CAMP_NODISCARD camp_status_t camp_outbox_sender_validate(const camp_outbox_sender_t *s,
                                                         camp_diag_t *diag);

/**
 * @brief Validate, then write the sender identity object @p s as JSON.
 * @param[in]  s       the sender identity.
 * @param[out] buf     destination; NUL-terminated when room is left. May be NULL
 *                     when @p cap is 0 (to learn the size from diag->needed).
 * @param[in]  cap     size of @p buf.
 * @param[out] out_len bytes written without the NUL (may be NULL).
 * @param[out] diag    on failure: the violation, or for CAMP_ERR_BUFFER_TOO_SMALL
 *                     diag->needed = bytes the body needs. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p s NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL; a status of camp_outbox_sender_validate()
 *         (nothing is written then).
 */
CAMP_NODISCARD camp_status_t camp_outbox_sender_encode(const camp_outbox_sender_t *s, char *buf,
                                                       size_t cap, size_t *out_len,
                                                       camp_diag_t *diag);

/* ---- Create sender body ----------------------------------------------------------- */

/**
 * @brief Decode and validate a create-sender body.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the object (0 for the document root).
 * @param[out]    out  the result; zeroed first. Strings point into doc->text.
 * @param[out]    diag first violation (path, offset, rule, limits, needed). May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL); CAMP_ERR_TYPE, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_PATTERN, CAMP_ERR_LENGTH, CAMP_ERR_ENUM, CAMP_ERR_DATE,
 *         CAMP_ERR_INVALID (a string with the escape \\u0000).
 */
CAMP_NODISCARD camp_status_t camp_outbox_sender_create_decode(camp_json_doc_t *doc, int tok,
                                                              camp_outbox_sender_create_t *out,
                                                              camp_diag_t *diag);

/**
 * @brief Check a create-sender body filled by the caller against the decoding rules.
 * @param[in]  s    the create-sender body.
 * @param[out] diag first violation, path built from field names. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p s NULL); CAMP_ERR_REQUIRED, CAMP_ERR_PATTERN,
 *         CAMP_ERR_LENGTH, CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_INVALID (a NUL byte
 *         in a string, or `verification_details` not one well-formed JSON value;
 *         invalid UTF-8 is PATTERN).
 */
CAMP_NODISCARD camp_status_t
camp_outbox_sender_create_validate(const camp_outbox_sender_create_t *s, camp_diag_t *diag);

/**
 * @brief Validate, then write the create-sender request body @p s as JSON.
 * @param[in]  s       the create-sender body.
 * @param[out] buf     destination; NUL-terminated when room is left. May be NULL
 *                     when @p cap is 0 (to learn the size from diag->needed).
 * @param[in]  cap     size of @p buf.
 * @param[out] out_len bytes written without the NUL (may be NULL).
 * @param[out] diag    on failure: the violation, or for CAMP_ERR_BUFFER_TOO_SMALL
 *                     diag->needed = bytes the body needs. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p s NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL; a status of
 *         camp_outbox_sender_create_validate() (nothing is written then).
 */
CAMP_NODISCARD camp_status_t camp_outbox_sender_create_encode(const camp_outbox_sender_create_t *s,
                                                              char *buf, size_t cap,
                                                              size_t *out_len, camp_diag_t *diag);

/* ---- Contacts page ------------------------------------------------------------------ */

/**
 * @brief Decode and validate a contacts page.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the object (0 for the document root).
 * @param[out]    out  the result; zeroed first, except `results` past count (each
 *                     contact is cleared as it is decoded). Strings point into doc->text.
 * @param[out]    diag first violation (path, offset, rule, limits, needed). May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL); CAMP_ERR_TYPE, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_PATTERN, CAMP_ERR_RANGE (`total`), CAMP_ERR_DATE, CAMP_ERR_INVALID
 *         (a string with the escape \\u0000), CAMP_ERR_CAPACITY (more `results` than
 *         CAMP_MAX_CONTACTS or more `tags` than CAMP_MAX_CONTACT_TAGS).
 */
CAMP_NODISCARD camp_status_t camp_outbox_contacts_page_decode(camp_json_doc_t *doc, int tok,
                                                              camp_outbox_contacts_page_t *out,
                                                              camp_diag_t *diag);

/**
 * @brief Check a contacts page filled by the caller against the same rules as decoding.
 * @param[in]  p    the contacts page.
 * @param[out] diag first violation, path built from field names. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p p NULL); CAMP_ERR_REQUIRED, CAMP_ERR_TYPE (a tag
 *         with a NULL pointer), CAMP_ERR_PATTERN, CAMP_ERR_RANGE (`total`),
 *         CAMP_ERR_DATE, CAMP_ERR_INVALID (a NUL byte in a string; invalid UTF-8 is
 *         PATTERN), CAMP_ERR_CAPACITY (a count above its array's capacity).
 */
CAMP_NODISCARD camp_status_t
camp_outbox_contacts_page_validate(const camp_outbox_contacts_page_t *p, camp_diag_t *diag);

/**
 * @brief Validate, then write the contacts page @p p as JSON.
 * @param[in]  p       the contacts page.
 * @param[out] buf     destination; NUL-terminated when room is left. May be NULL
 *                     when @p cap is 0 (to learn the size from diag->needed).
 * @param[in]  cap     size of @p buf.
 * @param[out] out_len bytes written without the NUL (may be NULL).
 * @param[out] diag    on failure: the violation, or for CAMP_ERR_BUFFER_TOO_SMALL
 *                     diag->needed = bytes the body needs. May be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p p NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL; a status of
 *         camp_outbox_contacts_page_validate() (nothing is written then).
 */
CAMP_NODISCARD camp_status_t camp_outbox_contacts_page_encode(const camp_outbox_contacts_page_t *p,
                                                              char *buf, size_t cap,
                                                              size_t *out_len, camp_diag_t *diag);

/* ---- Enum names ---------------------------------------------------------------------- */

/**
 * @brief Wire name of a campaign status.
 * @param[in] s the status.
 * @return "draft", "active", "paused", "completed" or "cancelled" (static);
 *         NULL for CAMP_OUTBOX_STATUS_NONE or an unknown value.
 */
const char *camp_outbox_campaign_status_name(camp_outbox_campaign_status_t s);
/**
 * @brief Wire name of a verification mode.
 * @param[in] m the mode.
 * @return "single_email" or "domain" (static); NULL for CAMP_OUTBOX_VERIFY_NONE or
 *         an unknown value.
 */
const char *camp_outbox_verification_mode_name(camp_outbox_verification_mode_t m);
/**
 * @brief Wire name of a sender status.
 * @param[in] s the status.
 * @return "pending", "verified" or "failed" (static); NULL for CAMP_OUTBOX_SENDER_NONE
 *         or an unknown value.
 */
const char *camp_outbox_sender_status_name(camp_outbox_sender_status_t s);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_OUTBOX_H */
