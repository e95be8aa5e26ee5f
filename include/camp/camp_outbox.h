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
 * Presence (the same rules as camp_inbox.h):
 * - optional string, UUID, date-time and raw JSON members: a camp_str_t with
 *   `ptr == NULL` when absent;
 * - nullable members (`string | null`): a camp_str_t with `ptr == NULL` when
 *   `null`; as every nullable member is also optional, a bit in the struct's
 *   `present` word tells absent (bit clear) from `null` (bit set, `ptr == NULL`);
 * - optional enums: value 0 (`*_NONE`) when absent;
 * - other optional members (booleans, integers, string lists): a bit in the
 *   struct's `present` word (`CAMP_OUTBOX_<STRUCT>_HAS_<MEMBER>`, e.g.
 *   CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY); the value is read only when it is set.
 * Encoding writes exactly the members that are present (`null` for a present
 * nullable member with `ptr == NULL`), in documented order. Decoding sets the bits
 * of the members it finds (a member given as `null` sets its bit, leaving ptr NULL).
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

/** Sender identity IDs (`sender_identity_ids`); whether the member is present is a
 * bit of the parent's `present` word (CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS,
 * CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS). */
typedef struct camp_outbox_uuid_list {
    size_t count; /**< items used (0: an empty array when present) */
    /** Canonical UUIDs; capacity CAMP_MAX_SENDER_IDS, the first count are used. */
    camp_str_t items[CAMP_MAX_SENDER_IDS];
} camp_outbox_uuid_list_t;

/** camp_outbox_step_t::present: `step_order` was given (in camp_outbox_step_t::step_order). */
#define CAMP_OUTBOX_STEP_HAS_STEP_ORDER 0x1u
/** camp_outbox_step_t::present: `subject` was given (camp_outbox_step_t::subject; ptr NULL:
 * `null`). */
#define CAMP_OUTBOX_STEP_HAS_SUBJECT 0x2u
/** camp_outbox_step_t::present: `body_html` was given (camp_outbox_step_t::body_html; ptr NULL:
 * `null`). */
#define CAMP_OUTBOX_STEP_HAS_BODY_HTML 0x4u
/** camp_outbox_step_t::present: `body_text` was given (camp_outbox_step_t::body_text; ptr NULL:
 * `null`). */
#define CAMP_OUTBOX_STEP_HAS_BODY_TEXT 0x8u
/** camp_outbox_step_t::present: `delay_minutes` was given (in
 * camp_outbox_step_t::delay_minutes). */
#define CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES 0x10u
/** camp_outbox_step_t::present: `is_active` was given (in camp_outbox_step_t::is_active). */
#define CAMP_OUTBOX_STEP_HAS_IS_ACTIVE 0x20u

/** One step of an email campaign (§3.2; every member optional, none documented as required). */
typedef struct camp_outbox_step {
    uint8_t present;       /**< CAMP_OUTBOX_STEP_HAS_* bits */
    camp_str_t id;         /**< UUID; ptr NULL: absent */
    camp_str_t updated_at; /**< RFC 3339; ptr NULL: absent */
    camp_str_t campaign;   /**< UUID of the owning campaign; ptr NULL: absent */
    int64_t step_order;    /**< 0..2^31-1, when CAMP_OUTBOX_STEP_HAS_STEP_ORDER */
    camp_str_t subject;    /**< any text; when CAMP_OUTBOX_STEP_HAS_SUBJECT (ptr NULL: `null`) */
    camp_str_t body_html;  /**< any text; when CAMP_OUTBOX_STEP_HAS_BODY_HTML (ptr NULL: `null`) */
    camp_str_t body_text;  /**< any text; when CAMP_OUTBOX_STEP_HAS_BODY_TEXT (ptr NULL: `null`) */
    int64_t delay_minutes; /**< 0..2^31-1, when CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES */
    bool is_active;        /**< `is_active`, when CAMP_OUTBOX_STEP_HAS_IS_ACTIVE */
    camp_str_t created_at; /**< RFC 3339; ptr NULL: absent */
} camp_outbox_step_t;

/** camp_outbox_campaign_t::present: `sender_identity_ids` was given (possibly `[]`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS 0x1u
/** camp_outbox_campaign_t::present: `description` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION 0x2u
/** camp_outbox_campaign_t::present: `timezone` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE 0x4u
/** camp_outbox_campaign_t::present: `stop_on_reply` was given (in
 * camp_outbox_campaign_t::stop_on_reply). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY 0x8u
/** camp_outbox_campaign_t::present: `is_deleted` was given (in
 * camp_outbox_campaign_t::is_deleted). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED 0x10u
/** camp_outbox_campaign_t::present: `created_at` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT 0x20u
/** camp_outbox_campaign_t::present: `workflow` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW 0x40u
/** camp_outbox_campaign_t::present: `created_by` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY 0x80u
/** camp_outbox_campaign_t::present: `responder_agent` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT 0x100u

/** Email campaign object (response of POST /email/campaigns/, §3.1). */
typedef struct camp_outbox_campaign {
    uint16_t present;  /**< CAMP_OUTBOX_CAMPAIGN_HAS_* bits */
    camp_str_t id;     /**< required, UUID */
    size_t step_count; /**< steps used */
    /** Required (may be empty); capacity CAMP_MAX_EMAIL_STEPS, the first step_count are used. */
    camp_outbox_step_t steps[CAMP_MAX_EMAIL_STEPS];
    camp_str_t sender_identities; /**< required, a server-side summary string */
    int64_t sent_count;           /**< required; sent as a digit string */
    int64_t unique_opens;         /**< required; sent as a digit string */
    int64_t unique_clicks;        /**< required; sent as a digit string */
    int64_t replies;              /**< required; sent as a digit string */
    camp_str_t name;              /**< required, 0..255 characters */
    camp_str_t updated_at;        /**< required, RFC 3339 */
    camp_str_t company;           /**< required, UUID */
    /** optional, when CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS */
    camp_outbox_uuid_list_t sender_identity_ids;
    camp_outbox_campaign_status_t status; /**< optional; CAMP_OUTBOX_STATUS_NONE: absent */
    /** optional, when CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION (ptr NULL: `null`) */
    camp_str_t description;
    /** optional, when CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE (ptr NULL: `null`); <= 64 characters,
     * IANA name by syntax (camp_valid_tz_name()) */
    camp_str_t timezone;
    camp_str_t allowed_windows; /**< optional raw JSON value (format undocumented), kept verbatim;
                                     ptr NULL: absent */
    bool stop_on_reply;         /**< optional, when CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY */
    bool is_deleted;            /**< optional, when CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED */
    /** optional, RFC 3339, when CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT (ptr NULL: `null`) */
    camp_str_t created_at;
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW (ptr NULL: `null`) */
    camp_str_t workflow;
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY (ptr NULL: `null`) */
    camp_str_t created_by;
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT (ptr NULL: `null`) */
    camp_str_t responder_agent;
} camp_outbox_campaign_t;

/** camp_outbox_campaign_create_t::present: `sender_identity_ids` is sent (possibly `[]`). */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS 0x1u
/** camp_outbox_campaign_create_t::present: `stop_on_reply` is sent. */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY 0x2u
/** camp_outbox_campaign_create_t::present: `is_deleted` is sent. */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED 0x4u
/** camp_outbox_campaign_create_t::present: `workflow` is sent (ptr NULL: as `null`). */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW 0x8u
/** camp_outbox_campaign_create_t::present: `created_by` is sent (ptr NULL: as `null`). */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY 0x10u
/** camp_outbox_campaign_create_t::present: `responder_agent` is sent (ptr NULL: as `null`). */
#define CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT 0x20u

/** Body of POST /email/campaigns/ (O1). */
typedef struct camp_outbox_campaign_create {
    uint8_t present;    /**< CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_* bits */
    camp_str_t name;    /**< required, 1..255 characters */
    camp_str_t company; /**< required, UUID */
    /** optional, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS */
    camp_outbox_uuid_list_t sender_identity_ids;
    camp_outbox_campaign_status_t status; /**< optional; CAMP_OUTBOX_STATUS_NONE: absent */
    camp_str_t description;               /**< optional; ptr NULL: absent */
    /** optional (ptr NULL: absent), <= 64 characters, IANA name by syntax
     * (camp_valid_tz_name()) */
    camp_str_t timezone;
    camp_str_t allowed_windows; /**< optional raw JSON value, written verbatim; ptr NULL: absent */
    bool stop_on_reply;         /**< optional, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY */
    bool is_deleted;            /**< optional, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED */
    camp_str_t created_at;      /**< optional, RFC 3339; ptr NULL: absent */
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW (ptr NULL: `null`) */
    camp_str_t workflow;
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY (ptr NULL: `null`) */
    camp_str_t created_by;
    /** optional, UUID, when CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT (ptr NULL: `null`) */
    camp_str_t responder_agent;
} camp_outbox_campaign_create_t;

/** camp_outbox_sender_t::present: `updated_at` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_UPDATED_AT 0x1u
/** camp_outbox_sender_t::present: `from_name` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_FROM_NAME 0x2u
/** camp_outbox_sender_t::present: `reply_to_email` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL 0x4u
/** camp_outbox_sender_t::present: `use_default_reply_to` was given (in
 * camp_outbox_sender_t::use_default_reply_to). */
#define CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO 0x8u
/** camp_outbox_sender_t::present: `provider_sender_id` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_PROVIDER_SENDER_ID 0x10u
/** camp_outbox_sender_t::present: `is_default` was given (in camp_outbox_sender_t::is_default). */
#define CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT 0x20u
/** camp_outbox_sender_t::present: `is_deleted` was given (in camp_outbox_sender_t::is_deleted). */
#define CAMP_OUTBOX_SENDER_HAS_IS_DELETED 0x40u
/** camp_outbox_sender_t::present: `verified_at` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT 0x80u
/** camp_outbox_sender_t::present: `created_at` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_CREATED_AT 0x100u
/** camp_outbox_sender_t::present: `connection` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_CONNECTION 0x200u
/** camp_outbox_sender_t::present: `domain` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_SENDER_HAS_DOMAIN 0x400u

/** Sender identity object (response of POST /email/senders/). */
typedef struct camp_outbox_sender {
    uint16_t present;      /**< CAMP_OUTBOX_SENDER_HAS_* bits */
    camp_str_t id;         /**< required, UUID */
    camp_str_t from_email; /**< required, e-mail, 1..255 */
    /** optional, RFC 3339, when CAMP_OUTBOX_SENDER_HAS_UPDATED_AT (ptr NULL: `null`) */
    camp_str_t updated_at;
    camp_str_t company; /**< required, UUID */
    /** optional, <= 255 characters, when CAMP_OUTBOX_SENDER_HAS_FROM_NAME (ptr NULL: `null`) */
    camp_str_t from_name;
    camp_outbox_verification_mode_t verification_mode; /**< optional; 0: absent */
    /** optional, e-mail <= 255 or "", when CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL (ptr NULL:
     * `null`) */
    camp_str_t reply_to_email;
    bool use_default_reply_to; /**< optional, when CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO */
    camp_outbox_sender_status_t status; /**< optional; CAMP_OUTBOX_SENDER_NONE: absent */
    /** optional, when CAMP_OUTBOX_SENDER_HAS_PROVIDER_SENDER_ID (ptr NULL: `null`) */
    camp_str_t provider_sender_id;
    camp_str_t
        verification_details; /**< optional raw JSON value, kept verbatim; ptr NULL: absent */
    bool is_default;          /**< optional, when CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT */
    bool is_deleted;          /**< optional, when CAMP_OUTBOX_SENDER_HAS_IS_DELETED */
    /** optional, RFC 3339, when CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT (ptr NULL: `null`) */
    camp_str_t verified_at;
    /** optional, RFC 3339, when CAMP_OUTBOX_SENDER_HAS_CREATED_AT (ptr NULL: `null`) */
    camp_str_t created_at;
    /** optional, UUID, when CAMP_OUTBOX_SENDER_HAS_CONNECTION (ptr NULL: `null`) */
    camp_str_t connection;
    /** optional, UUID, when CAMP_OUTBOX_SENDER_HAS_DOMAIN (ptr NULL: `null`) */
    camp_str_t domain;
} camp_outbox_sender_t;

/** camp_outbox_sender_create_t::present: `use_default_reply_to` is sent. */
#define CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO 0x1u
/** camp_outbox_sender_create_t::present: `is_default` is sent. */
#define CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT 0x2u
/** camp_outbox_sender_create_t::present: `is_deleted` is sent. */
#define CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED 0x4u

/** Body of POST /email/senders/ (O2). */
typedef struct camp_outbox_sender_create {
    uint8_t present;       /**< CAMP_OUTBOX_SENDER_CREATE_HAS_* bits */
    camp_str_t from_email; /**< required, e-mail, 1..255 */
    camp_str_t company;    /**< required, UUID */
    camp_str_t from_name;  /**< optional, <= 255 characters; ptr NULL: absent */
    camp_outbox_verification_mode_t verification_mode; /**< optional; 0: absent */
    camp_str_t reply_to_email; /**< optional, e-mail, <= 255; ptr NULL: absent */
    /** optional, when CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO */
    bool use_default_reply_to;
    camp_outbox_sender_status_t status; /**< optional; CAMP_OUTBOX_SENDER_NONE: absent */
    camp_str_t provider_sender_id;      /**< optional; ptr NULL: absent */
    /** optional raw JSON value, written verbatim; ptr NULL: absent */
    camp_str_t verification_details;
    bool is_default;        /**< optional, when CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT */
    bool is_deleted;        /**< optional, when CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED */
    camp_str_t verified_at; /**< optional, RFC 3339; ptr NULL: absent */
    camp_str_t created_at;  /**< optional, RFC 3339; ptr NULL: absent */
    camp_str_t connection;  /**< optional, UUID; ptr NULL: absent */
    camp_str_t domain;      /**< optional, UUID; ptr NULL: absent */
} camp_outbox_sender_create_t;

/** Tags of one contact; whether the member is present is CAMP_OUTBOX_CONTACT_HAS_TAGS in
 * camp_outbox_contact_t::present. */
typedef struct camp_outbox_tag_list {
    size_t count; /**< items used (0: an empty array when present) */
    /** Tag names; capacity CAMP_MAX_CONTACT_TAGS, the first count are used. */
    camp_str_t items[CAMP_MAX_CONTACT_TAGS];
} camp_outbox_tag_list_t;

/** camp_outbox_contact_t::present: `name` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CONTACT_HAS_NAME 0x1u
/** camp_outbox_contact_t::present: `email` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CONTACT_HAS_EMAIL 0x2u
/** camp_outbox_contact_t::present: `phone` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CONTACT_HAS_PHONE 0x4u
/** camp_outbox_contact_t::present: `tags` was given (possibly `[]`; in
 * camp_outbox_contact_t::tags). */
#define CAMP_OUTBOX_CONTACT_HAS_TAGS 0x8u
/** camp_outbox_contact_t::present: `last_activity` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY 0x10u
/** camp_outbox_contact_t::present: `created_at` was given (ptr NULL: `null`). */
#define CAMP_OUTBOX_CONTACT_HAS_CREATED_AT 0x20u

/** One contact of GET /contacts/list (O3). */
typedef struct camp_outbox_contact {
    uint8_t present; /**< CAMP_OUTBOX_CONTACT_HAS_* bits */
    camp_str_t id;   /**< required, UUID */
    camp_str_t name; /**< optional, when CAMP_OUTBOX_CONTACT_HAS_NAME (ptr NULL: `null`) */
    /** optional, when CAMP_OUTBOX_CONTACT_HAS_EMAIL (ptr NULL: `null`); not syntax-checked
     * (imported data) */
    camp_str_t email;
    camp_str_t phone; /**< optional, when CAMP_OUTBOX_CONTACT_HAS_PHONE (ptr NULL: `null`) */
    camp_outbox_tag_list_t tags; /**< optional, when CAMP_OUTBOX_CONTACT_HAS_TAGS */
    /** optional, RFC 3339, when CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY (ptr NULL: `null`) */
    camp_str_t last_activity;
    /** optional, RFC 3339, when CAMP_OUTBOX_CONTACT_HAS_CREATED_AT (ptr NULL: `null`) */
    camp_str_t created_at;
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
 * @param[out] out_len bytes written without the NUL, or the size needed on
 *                     CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
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
 * @param[out] out_len bytes written without the NUL, or the size needed on
 *                     CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
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
 * @param[out] out_len bytes written without the NUL, or the size needed on
 *                     CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
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
 * @param[out] out_len bytes written without the NUL, or the size needed on
 *                     CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
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
 * @param[out] out_len bytes written without the NUL, or the size needed on
 *                     CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
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
