/**
 * @file camp_inbox.h
 * @brief InboxApp models: one struct per documented object and body, with
 *        decode (tokens -> struct), validate (every documented rule) and
 *        encode (struct -> JSON), through type-specific calls
 *        (camp_inbox_campaign_parse(), camp_inbox_leads_add_encode(), ...) that
 *        link only their own type, or one generic API keyed by
 *        camp_inbox_type_t that links every type (for tools).
 *
 * Source of truth: spec/inboxapp.md. Where the vendor's pages disagree, decoding
 * accepts every documented form and encoding uses the strictest; each such
 * choice is written next to the code that makes it in lib/inbox/.
 *
 * ## Memory
 * Nothing is allocated. Decoded strings are views (camp_str_t) into the caller's
 * JSON buffer, unescaped in place and NUL-terminated there by camp_json_get_string():
 * they stay valid as long as that buffer is neither freed nor reused. Arrays have
 * compile-time capacities from camp_config.h (CAMP_MAX_STEPS, CAMP_MAX_SEGMENTS,
 * ...). Segments and variation options of all steps of one sequence share one
 * pool each (a step names its first segment and count). A document with more
 * elements than a capacity fails with CAMP_ERR_CAPACITY, the path of the array
 * and camp_diag_t::needed = the count the document needs; nothing is truncated.
 * `campctl sizes` prints every struct's size; docs/sizing.md has the table.
 *
 * ## Presence
 * - optional string, ID and date-time members: `ptr == NULL` when absent;
 * - nullable members (`string | null`): `ptr == NULL` when `null`; when such a
 *   member is also optional, a `present` bit tells absent from `null`;
 * - optional enums: value 0 (`..._UNSET`) when absent;
 * - other optional members (booleans, integers, arrays, objects): a bit in the
 *   struct's `present` word (`CAMP_INBOX_..._HAS_...`).
 * Encoding writes exactly the members that are present, in documented order.
 *
 * ## Numbers
 * Counters are int64_t in 0..9007199254740991 (CAMP_MAX_SAFE_INT); rates are
 * fixed point, millionths in 0..CAMP_FRACTION_ONE (0.28 -> 280000).
 *
 * Example:
 * @code
 *   static camp_inbox_campaign_t c;
 *   camp_json_token_t toks[400];
 *   camp_diag_t diag;
 *   if (camp_inbox_campaign_parse(body, body_len, toks, 400, &c, &diag) != CAMP_OK) {
 *       char line[160];
 *       camp_diag_format(&diag, line, sizeof line); // "$.hourlyMessageRate: must be ..."
 *   }
 * @endcode
 */
#ifndef CAMP_INBOX_H
#define CAMP_INBOX_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_status.h"
#include "camp_json.h"
#include "camp_validate.h"
#include "camp_schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/* camp_str_t (the string view of every model) is defined in camp_json.h. */

/* ---- Enumerations (stored as uint8_t in the structs; 0 = member absent) ---- */

/** Campaign `status`. */
typedef enum camp_inbox_status {
    CAMP_INBOX_STATUS_UNSET = 0, /**< member absent (the enable-campaign example omits it, D5) */
    CAMP_INBOX_STATUS_DRAFT,
    CAMP_INBOX_STATUS_ACTIVE,
    CAMP_INBOX_STATUS_PAUSED,
    CAMP_INBOX_STATUS_COMPLETED
} camp_inbox_status_t;

/** Sequence step type. */
typedef enum camp_inbox_step_type {
    CAMP_INBOX_STEP_UNSET = 0,
    CAMP_INBOX_STEP_MESSAGE,   /**< "message": data.segments */
    CAMP_INBOX_STEP_DELAY,     /**< "delay": data.delaySeconds, data.unit */
    CAMP_INBOX_STEP_LIKE_TWEET /**< "likeTweet" (unverified name; see lib/inbox/inbox_sequence.c) */
} camp_inbox_step_type_t;

/** Message segment type. */
typedef enum camp_inbox_segment_type {
    CAMP_INBOX_SEGMENT_UNSET = 0,
    CAMP_INBOX_SEGMENT_STATIC,   /**< fixed `text` */
    CAMP_INBOX_SEGMENT_VARIABLE, /**< variable `name`, optional `fallback` */
    CAMP_INBOX_SEGMENT_VARIATION /**< `options`, one chosen per message */
} camp_inbox_segment_type_t;

/** `platform` (only "twitter" is documented). */
typedef enum camp_inbox_platform {
    CAMP_INBOX_PLATFORM_UNSET = 0,
    CAMP_INBOX_PLATFORM_TWITTER
} camp_inbox_platform_t;

/** How a lead is identified (`by`, or which member of a `leads[]` item). */
typedef enum camp_inbox_by {
    CAMP_INBOX_BY_UNSET = 0,
    CAMP_INBOX_BY_PLATFORM_ID, /**< "platformId" (the server's default for `by`) */
    CAMP_INBOX_BY_USERNAME,    /**< "username" */
    CAMP_INBOX_BY_EXTERNAL_ID  /**< "externalId" */
} camp_inbox_by_t;

/** Automation `trigger` (only one is documented). */
typedef enum camp_inbox_trigger {
    CAMP_INBOX_TRIGGER_UNSET = 0,
    CAMP_INBOX_TRIGGER_PROSPECT_FIRST_REPLY
} camp_inbox_trigger_t;

/** Automation `action` (only one is documented; the v2 example omits it, D6). */
typedef enum camp_inbox_action {
    CAMP_INBOX_ACTION_UNSET = 0,
    CAMP_INBOX_ACTION_SET_STATUS
} camp_inbox_action_t;

/** Lead-rules `detachBehavior` (the stored page shows only "unlink"). */
typedef enum camp_inbox_detach {
    CAMP_INBOX_DETACH_UNSET = 0,
    CAMP_INBOX_DETACH_UNLINK
} camp_inbox_detach_t;

/** Which documented form a campaign object came in (D2). */
typedef enum camp_inbox_shape {
    CAMP_INBOX_SHAPE_SUMMARY = 0, /**< only the common fields (webhook payload §3.3) */
    CAMP_INBOX_SHAPE_V2,          /**< enable/create: enabled, rules, sequence, ... */
    CAMP_INBOX_SHAPE_LEGACY       /**< get/pause: type, lists, steps, customVariables, ... */
} camp_inbox_shape_t;

/* ---- Common pieces ----------------------------------------------------------- */

/** An RFC 3339 date-time member. */
typedef struct camp_inbox_time {
    camp_str_t raw;     /**< the text; ptr NULL when the value is `null` (or absent) */
    camp_datetime_t at; /**< parsed by decode when raw.ptr != NULL; encode writes raw */
} camp_inbox_time_t;

/* ---- Sequence ------------------------------------------------------------------ */

/** One message segment. */
typedef struct camp_inbox_segment {
    camp_str_t text;       /**< static: `text`; variable: the variable `name` */
    camp_str_t fallback;   /**< variable: optional `fallback` (ptr NULL when absent) */
    uint16_t first_option; /**< variation: index of its first option in the sequence's pool */
    uint16_t option_count; /**< variation: number of options (>= 1) */
    uint8_t type;          /**< camp_inbox_segment_type_t */
} camp_inbox_segment_t;

/** camp_inbox_step_t::present: `type` was given. Without it (v2 responses, D7) `type`
 *  holds the type inferred from `data` and encoding omits it. Request bodies need it. */
#define CAMP_INBOX_STEP_HAS_TYPE 0x1u
/** camp_inbox_step_t::present: `rank` was given. */
#define CAMP_INBOX_STEP_HAS_RANK 0x2u
/** camp_inbox_step_t::present: `campaignVersion` was given (legacy steps). */
#define CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION 0x4u

/** One sequence step (input: `{type, data}`; output adds `id`, `rank`, legacy `campaignVersion`). */
typedef struct camp_inbox_step {
    camp_str_t id;   /**< server-assigned; ptr NULL in request bodies */
    camp_str_t unit; /**< delay: display unit, e.g. "days" (ptr NULL when absent) */
    camp_str_t
        raw_data; /**< like tweet: the `data` object as raw JSON (its format is not documented) */
    int64_t delay_seconds; /**< delay: `delaySeconds` */
    int64_t rank;          /**< `rank` when CAMP_INBOX_STEP_HAS_RANK */
    int64_t
        campaign_version; /**< legacy `campaignVersion` when CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION */
    uint16_t first_segment; /**< message: index of its first segment in the pool */
    uint16_t segment_count; /**< message: number of segments */
    uint8_t type;           /**< camp_inbox_step_type_t (given, or inferred from `data`) */
    uint8_t present;        /**< CAMP_INBOX_STEP_HAS_* bits */
} camp_inbox_step_t;

/**
 * A sequence: the v2 campaign's `sequence`, the legacy campaign's `steps`, the
 * update-sequence request body (CAMP_INBOX_SEQUENCE_UPDATE) and its response
 * (CAMP_INBOX_SEQUENCE).
 */
typedef struct camp_inbox_sequence {
    int64_t version;        /**< `version`; -1 when absent (legacy steps, request body) */
    uint16_t step_count;    /**< steps used */
    uint16_t segment_count; /**< segments used in the pool */
    uint16_t option_count;  /**< variation options used in the pool */
    /** The steps, in order; capacity CAMP_MAX_STEPS, the first step_count are used. */
    camp_inbox_step_t steps[CAMP_MAX_STEPS];
    /** Segment pool shared by all message steps (each names its first_segment and
     *  segment_count); capacity CAMP_MAX_SEGMENTS, the first segment_count are used. */
    camp_inbox_segment_t segments[CAMP_MAX_SEGMENTS];
    /** Variation-option pool shared by all variation segments (each names its
     *  first_option and option_count); capacity CAMP_MAX_VARIATION_OPTIONS, the first
     *  option_count are used. */
    camp_str_t options[CAMP_MAX_VARIATION_OPTIONS];
} camp_inbox_sequence_t;

/* ---- Rules and lists ------------------------------------------------------------ */

/** One column mapping: source list column ID -> campaign column ID (both `custom_...`). */
typedef struct camp_inbox_column_map {
    camp_str_t source; /**< column of the source list */
    camp_str_t target; /**< campaign column */
} camp_inbox_column_map_t;

/** camp_inbox_list_t::present: `columnMapping` was given (possibly `{}`). */
#define CAMP_INBOX_LIST_HAS_COLUMN_MAPPING 0x1u

/** A list rule: legacy `lists[]`, or v2 `rules.syncedLists[]` / `rules.excludedLists[]`. */
typedef struct camp_inbox_list {
    camp_str_t list_id;     /**< `listId` */
    camp_str_t list_name;   /**< v2 `listName` (ptr NULL when absent) */
    uint16_t first_mapping; /**< v2 synced list: first of its mappings in the rules' pool */
    uint16_t mapping_count; /**< v2 synced list: number of mappings */
    bool exclude;           /**< legacy `exclude`; v2: listed in `excludedLists` */
    uint8_t present;        /**< CAMP_INBOX_LIST_HAS_* bits */
} camp_inbox_list_t;

/** A campaign's list rules: legacy `lists` or v2 `rules` (whose synced lists come first). */
typedef struct camp_inbox_rules {
    uint16_t list_count;    /**< lists used */
    uint16_t mapping_count; /**< mappings used */
    bool exclude_contacted; /**< v2 `excludeContacted` */
    bool exclude_mutuals;   /**< v2 `excludeMutuals` */
    /** The list rules (v2: synced lists first, then excluded ones); capacity
     *  CAMP_MAX_LISTS, the first list_count are used. */
    camp_inbox_list_t lists[CAMP_MAX_LISTS];
    /** Column-mapping pool shared by the synced lists (each names its first_mapping
     *  and mapping_count); capacity CAMP_MAX_COLUMN_MAPPINGS, the first mapping_count
     *  are used. */
    camp_inbox_column_map_t mappings[CAMP_MAX_COLUMN_MAPPINGS];
} camp_inbox_rules_t;

/** One `columnMappings` entry of a rules update: the mappings for one source list. */
typedef struct camp_inbox_mapping_group {
    camp_str_t list_id;     /**< source list ID (the key) */
    uint16_t first_mapping; /**< first of its mappings in the pool */
    uint16_t mapping_count; /**< number of mappings */
} camp_inbox_mapping_group_t;

/** camp_inbox_rules_update_t::present bits. */
#define CAMP_INBOX_RULES_HAS_SYNCED 0x1u            /**< `syncedListIds` given */
#define CAMP_INBOX_RULES_HAS_EXCLUDED 0x2u          /**< `excludedListIds` given */
#define CAMP_INBOX_RULES_HAS_EXCLUDE_CONTACTED 0x4u /**< `excludeContacted` given */
#define CAMP_INBOX_RULES_HAS_EXCLUDE_MUTUALS 0x8u   /**< `excludeMutuals` given */
#define CAMP_INBOX_RULES_HAS_COLUMN_MAPPINGS 0x10u  /**< `columnMappings` given */

/** Update-lead-rules body (E6); also the create body's `rules`. Omitted members stay unchanged. */
typedef struct camp_inbox_rules_update {
    uint32_t present;        /**< CAMP_INBOX_RULES_HAS_* bits */
    uint16_t synced_count;   /**< `syncedListIds` used (0 clears when present) */
    uint16_t excluded_count; /**< `excludedListIds` used */
    uint16_t group_count;    /**< `columnMappings` keys used */
    uint16_t mapping_count;  /**< mappings used in the pool */
    bool exclude_contacted;  /**< `excludeContacted` */
    bool exclude_mutuals;    /**< `excludeMutuals` */
    uint8_t detach_behavior; /**< camp_inbox_detach_t, 0 when absent */
    /** `syncedListIds`; capacity CAMP_MAX_LISTS, the first synced_count are used. */
    camp_str_t synced_list_ids[CAMP_MAX_LISTS];
    /** `excludedListIds`; capacity CAMP_MAX_LISTS, the first excluded_count are used. */
    camp_str_t excluded_list_ids[CAMP_MAX_LISTS];
    /** `columnMappings`, one group per source list key; capacity CAMP_MAX_LISTS, the
     *  first group_count are used. */
    camp_inbox_mapping_group_t groups[CAMP_MAX_LISTS];
    /** Mapping pool shared by the groups (each names its first_mapping and
     *  mapping_count); capacity CAMP_MAX_COLUMN_MAPPINGS, the first mapping_count are
     *  used. */
    camp_inbox_column_map_t mappings[CAMP_MAX_COLUMN_MAPPINGS];
} camp_inbox_rules_update_t;

/* ---- Campaign ------------------------------------------------------------------ */

/** camp_inbox_automation_t::present: `actionData` was given. */
#define CAMP_INBOX_AUTOMATION_HAS_ACTION_DATA 0x1u

/** Automation (§3.7). */
typedef struct camp_inbox_automation {
    camp_str_t id;        /**< `id` */
    camp_str_t status_id; /**< `actionData.statusId` */
    uint8_t trigger;      /**< camp_inbox_trigger_t */
    uint8_t action;       /**< camp_inbox_action_t, 0 when absent (D6) */
    bool enabled;         /**< `enabled` */
    uint8_t present;      /**< CAMP_INBOX_AUTOMATION_HAS_* bits */
} camp_inbox_automation_t;

/** camp_inbox_variable_t::present: `description` was given (it may be null). */
#define CAMP_INBOX_VARIABLE_HAS_DESCRIPTION 0x1u

/** Legacy `customVariables` entry (§3.8). */
typedef struct camp_inbox_variable {
    camp_str_t name;         /**< the key, e.g. "company-name" */
    camp_str_t display_name; /**< `displayName` */
    camp_str_t description;  /**< `description`; ptr NULL when null */
    uint8_t present;         /**< CAMP_INBOX_VARIABLE_HAS_* bits */
} camp_inbox_variable_t;

/** The fields every documented campaign form carries (§3.3, the webhook payload). */
typedef struct camp_inbox_campaign_summary {
    camp_str_t id;                     /**< `^[0-9a-z]+$` */
    camp_str_t name;                   /**< display name */
    camp_str_t description;            /**< ptr NULL when null */
    int64_t targets_count;             /**< 0..2^53-1 */
    int64_t contacted_count;           /**< 0..2^53-1 */
    int64_t replies_count;             /**< 0..2^53-1 */
    uint32_t completion_rate;          /**< millionths; meaning differs by shape (D4) */
    uint32_t reply_rate;               /**< millionths */
    camp_inbox_time_t created_at;      /**< required */
    camp_inbox_time_t updated_at;      /**< required; null only in the summary shape (D16) */
    camp_inbox_time_t paused_at;       /**< nullable */
    camp_inbox_time_t completed_at;    /**< nullable */
    camp_inbox_time_t last_started_at; /**< nullable */
    uint8_t status;                    /**< camp_inbox_status_t (UNSET when absent, D5) */
    bool dry_run;                      /**< `dryRun` */
} camp_inbox_campaign_summary_t;

/* camp_inbox_campaign_t::present bits: one per optional member of the v2 / legacy
 * shapes that has no NULL pointer or UNSET value to mark it absent. */
/** camp_inbox_campaign_t::present: v2 `enabled` was given (in camp_inbox_campaign_t::enabled). */
#define CAMP_INBOX_CAMPAIGN_HAS_ENABLED 0x1u
/** camp_inbox_campaign_t::present: `hourlyMessageRate` was given (in
 *  camp_inbox_campaign_t::hourly_message_rate). */
#define CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE 0x2u
/** camp_inbox_campaign_t::present: `scheduleHours` was given (in
 *  camp_inbox_campaign_t::schedule_hours). */
#define CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS 0x4u
/** camp_inbox_campaign_t::present: `isBuildingPlan` was given (in
 *  camp_inbox_campaign_t::is_building_plan). */
#define CAMP_INBOX_CAMPAIGN_HAS_BUILDING_PLAN 0x8u
/** camp_inbox_campaign_t::present: v2 `isSyncing` was given (in
 *  camp_inbox_campaign_t::is_syncing). */
#define CAMP_INBOX_CAMPAIGN_HAS_SYNCING 0x10u
/** camp_inbox_campaign_t::present: v2 `scopeAssessedCount` was given (in
 *  camp_inbox_campaign_t::scope_assessed_count). */
#define CAMP_INBOX_CAMPAIGN_HAS_SCOPE_ASSESSED 0x20u
/** camp_inbox_campaign_t::present: `accountLinkIds` was given (in
 *  camp_inbox_campaign_t::account_link_ids, camp_inbox_campaign_t::account_count used). */
#define CAMP_INBOX_CAMPAIGN_HAS_ACCOUNTS 0x40u
/** camp_inbox_campaign_t::present: v2 `rules` was given (in camp_inbox_campaign_t::rules). */
#define CAMP_INBOX_CAMPAIGN_HAS_RULES 0x80u
/** camp_inbox_campaign_t::present: v2 `sequence` was given (in camp_inbox_campaign_t::sequence). */
#define CAMP_INBOX_CAMPAIGN_HAS_SEQUENCE 0x100u
/** camp_inbox_campaign_t::present: `automations` was given (in
 *  camp_inbox_campaign_t::automations, camp_inbox_campaign_t::automation_count used). */
#define CAMP_INBOX_CAMPAIGN_HAS_AUTOMATIONS 0x200u
/** camp_inbox_campaign_t::present: legacy `estimatedTargets` was given (in
 *  camp_inbox_campaign_t::estimated_targets). */
#define CAMP_INBOX_CAMPAIGN_HAS_ESTIMATED_TARGETS 0x400u
/** camp_inbox_campaign_t::present: legacy `isHydrating` was given (in
 *  camp_inbox_campaign_t::is_hydrating). */
#define CAMP_INBOX_CAMPAIGN_HAS_HYDRATING 0x800u
/** camp_inbox_campaign_t::present: legacy `steps` was given (in
 *  camp_inbox_campaign_t::sequence). */
#define CAMP_INBOX_CAMPAIGN_HAS_STEPS 0x1000u
/** camp_inbox_campaign_t::present: legacy `lists` was given (in camp_inbox_campaign_t::rules). */
#define CAMP_INBOX_CAMPAIGN_HAS_LISTS 0x2000u
/** camp_inbox_campaign_t::present: legacy `customVariables` was given (in
 *  camp_inbox_campaign_t::variables, camp_inbox_campaign_t::variable_count used). */
#define CAMP_INBOX_CAMPAIGN_HAS_CUSTOM_VARIABLES 0x4000u

/**
 * Campaign object in any documented form (CAMP_INBOX_CAMPAIGN): v2 (§3.1),
 * legacy (§3.2) or summary (§3.3); `shape` says which.
 */
typedef struct camp_inbox_campaign {
    camp_inbox_campaign_summary_t base; /**< the common fields */
    uint32_t present;                   /**< CAMP_INBOX_CAMPAIGN_HAS_* bits */
    uint8_t shape;                      /**< camp_inbox_shape_t */
    bool enabled;                       /**< v2 `enabled` */
    bool is_building_plan;              /**< `isBuildingPlan` */
    bool is_syncing;                    /**< v2 `isSyncing` */
    bool is_hydrating;                  /**< legacy `isHydrating` */
    uint16_t hourly_message_rate;       /**< 1..60 decoded (D1); 1..25 required to encode */
    uint16_t account_count;             /**< `accountLinkIds` used */
    uint16_t automation_count;          /**< `automations` used */
    uint16_t variable_count;            /**< `customVariables` used */
    int64_t scope_assessed_count;       /**< v2 `scopeAssessedCount` */
    int64_t estimated_targets;          /**< legacy `estimatedTargets` */
    camp_str_t
        schedule_timezone; /**< IANA name by syntax (camp_valid_tz_name(); the zone table is asked when a window is computed); ptr NULL when absent */
    camp_str_t type;       /**< legacy `type`, e.g. "sequence" (ptr NULL when absent) */
    camp_week_windows_t
        schedule_hours; /**< `scheduleHours` (day[0] Sunday); for camp_schedule_is_open() */
    /** `accountLinkIds`; capacity CAMP_MAX_ACCOUNTS, the first account_count are used. */
    camp_str_t account_link_ids[CAMP_MAX_ACCOUNTS];
    camp_inbox_rules_t rules;       /**< v2 `rules` or legacy `lists` */
    camp_inbox_sequence_t sequence; /**< v2 `sequence` or legacy `steps` */
    /** `automations`; capacity CAMP_MAX_AUTOMATIONS, the first automation_count are used. */
    camp_inbox_automation_t automations[CAMP_MAX_AUTOMATIONS];
    /** Legacy `customVariables`; capacity CAMP_MAX_CUSTOM_VARIABLES, the first
     *  variable_count are used. */
    camp_inbox_variable_t variables[CAMP_MAX_CUSTOM_VARIABLES];
} camp_inbox_campaign_t;

/**
 * The synthetic campaign list page (CAMP_INBOX_CAMPAIGN_PAGE): `campaigns[]` plus
 * the v1 pagination cursor `nextCursor {id, timestamp} | null`. No list endpoint
 * is documented (§7); this follows the v1 envelope. Large: lower
 * CAMP_MAX_PAGE_ITEMS on small targets.
 */
typedef struct camp_inbox_campaign_page {
    uint16_t count;                   /**< campaigns used */
    bool has_next;                    /**< `nextCursor` is an object (false: null or absent) */
    camp_str_t next_id;               /**< `nextCursor.id` */
    camp_inbox_time_t next_timestamp; /**< `nextCursor.timestamp` */
    /** `campaigns[]`; capacity CAMP_MAX_PAGE_ITEMS, the first count are used. */
    camp_inbox_campaign_t items[CAMP_MAX_PAGE_ITEMS];
} camp_inbox_campaign_page_t;

/* ---- Request bodies ------------------------------------------------------------ */

/** camp_inbox_campaign_create_t::present: `rules` given. */
#define CAMP_INBOX_CREATE_HAS_RULES 0x1u

/** Create-campaign body (E4). */
typedef struct camp_inbox_campaign_create {
    uint32_t present; /**< CAMP_INBOX_CREATE_HAS_* bits */
    camp_str_t name;  /**< 1..255 characters (UTF-8 code points) */
    camp_str_t
        schedule_timezone; /**< IANA name by syntax (camp_valid_tz_name()); ptr NULL: omitted (server default "UTC") */
    uint16_t account_count; /**< >= 1 */
    /** `accountLinkIds`; capacity CAMP_MAX_ACCOUNTS, the first account_count are used. */
    camp_str_t account_link_ids[CAMP_MAX_ACCOUNTS];
    camp_inbox_rules_update_t rules; /**< when CAMP_INBOX_CREATE_HAS_RULES */
} camp_inbox_campaign_create_t;

/** A run of identifiers in camp_inbox_leads_add_t::ids. */
typedef struct camp_inbox_id_span {
    uint16_t first; /**< first index in ids[] */
    uint16_t count; /**< 1..2000 when present */
} camp_inbox_id_span_t;

/** One `leads[]` item of an add-leads body. */
typedef struct camp_inbox_lead {
    camp_str_t id;    /**< the identifier's value */
    camp_str_t data;  /**< `data` (column values) as a raw JSON object; ptr NULL when absent */
    uint8_t by;       /**< which member carried the identifier (camp_inbox_by_t) */
    uint8_t platform; /**< camp_inbox_platform_t, 0 when absent */
} camp_inbox_lead_t;

/** camp_inbox_leads_add_t::present bits. */
#define CAMP_INBOX_LEADS_HAS_PLATFORM_IDS 0x1u /**< `platformIds` given */
#define CAMP_INBOX_LEADS_HAS_USERNAMES 0x2u    /**< `usernames` given */
#define CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS 0x4u /**< `externalIds` given */
#define CAMP_INBOX_LEADS_HAS_LEADS 0x8u        /**< `leads` given */

/** Add-leads body (E7). At least one of the four arrays is required; each given one has 1..2000 elements. */
typedef struct camp_inbox_leads_add {
    uint32_t present; /**< CAMP_INBOX_LEADS_HAS_* bits */
    uint8_t
        platform; /**< camp_inbox_platform_t, 0 when absent (encode it anyway: it becomes required) */
    camp_inbox_id_span_t platform_ids; /**< `platformIds` */
    camp_inbox_id_span_t usernames;    /**< `usernames` */
    camp_inbox_id_span_t external_ids; /**< `externalIds` */
    uint16_t id_count;                 /**< ids[] used */
    uint16_t lead_count;               /**< `leads` used */
    /** Pool of the three identifier arrays (each named by its span); capacity
     *  CAMP_MAX_LEAD_IDS, the first id_count are used. */
    camp_str_t ids[CAMP_MAX_LEAD_IDS];
    /** `leads`; capacity CAMP_MAX_LEAD_OBJECTS, the first lead_count are used. */
    camp_inbox_lead_t leads[CAMP_MAX_LEAD_OBJECTS];
} camp_inbox_leads_add_t;

/** Update-campaign-lead body (E8). */
typedef struct camp_inbox_lead_update {
    camp_str_t data;  /**< `data` column values, raw JSON object; ptr NULL: not sent (unchanged) */
    uint8_t by;       /**< camp_inbox_by_t, 0 when absent (server default platformId) */
    uint8_t platform; /**< camp_inbox_platform_t, 0 when absent */
} camp_inbox_lead_update_t;

/** Cancel-campaign-lead body (E9). */
typedef struct camp_inbox_lead_cancel {
    uint8_t by;       /**< camp_inbox_by_t, 0 when absent */
    uint8_t platform; /**< camp_inbox_platform_t, 0 when absent (server default twitter) */
} camp_inbox_lead_cancel_t;

/** camp_inbox_column_update_t / camp_inbox_column_t::present: `description` given. */
#define CAMP_INBOX_COLUMN_HAS_DESCRIPTION 0x1u

/** Update-campaign-column body (E10). */
typedef struct camp_inbox_column_update {
    uint32_t present;       /**< CAMP_INBOX_COLUMN_HAS_* bits */
    camp_str_t name;        /**< 1..255 characters; ptr NULL: not sent (the name is unchanged) */
    camp_str_t description; /**< <= 1000 characters; ptr NULL = `null` (clears) when present */
} camp_inbox_column_update_t;

/* ---- Responses ------------------------------------------------------------------- */

/** Add-leads response (E7): counts. */
typedef struct camp_inbox_leads_add_result {
    int64_t added;   /**< newly added */
    int64_t skipped; /**< already in the campaign */
    int64_t failed;  /**< unresolvable */
} camp_inbox_leads_add_result_t;

/** Column object (E10 response). */
typedef struct camp_inbox_column {
    uint32_t present;             /**< CAMP_INBOX_COLUMN_HAS_* bits */
    camp_str_t id;                /**< `custom_...` */
    camp_str_t name;              /**< name */
    camp_str_t type;              /**< data type, raw JSON (typed "any"; e.g. `"text"`) */
    camp_str_t description;       /**< ptr NULL when null */
    camp_inbox_time_t created_at; /**< required */
    camp_inbox_time_t updated_at; /**< required, nullable */
} camp_inbox_column_t;

/** `{ "success": <any> }` (E6, E9 responses). */
typedef struct camp_inbox_success {
    camp_str_t value; /**< raw JSON of `success` */
    bool is_true;     /**< `success` is the literal true */
} camp_inbox_success_t;

/** Error body forms (D12). */
typedef enum camp_inbox_error_form {
    CAMP_INBOX_ERROR_NESTED = 0, /**< `{"error":{"code","message","status"}}` */
    CAMP_INBOX_ERROR_FLAT,       /**< `{"error":"Unauthorized","message":"..."}` */
    CAMP_INBOX_ERROR_V2          /**< `{"code","message","details","requestId"}` (API v2) */
} camp_inbox_error_form_t;

/** Error body. */
typedef struct camp_inbox_error {
    uint8_t form;          /**< camp_inbox_error_form_t */
    camp_str_t code;       /**< nested/v2: `code` (e.g. "RATE_LIMITED"); flat: the `error` string */
    camp_str_t message;    /**< `message` (ptr NULL when absent) */
    camp_str_t request_id; /**< v2 `requestId` (ptr NULL when absent) */
    int64_t status;        /**< nested `error.status`, 0 when absent */
} camp_inbox_error_t;

/** Webhook formats. */
typedef enum camp_inbox_webhook_format {
    CAMP_INBOX_WEBHOOK_V1 = 0, /**< `{id, seq, teamId, type, timestamp, version, data}` (§8.1) */
    CAMP_INBOX_WEBHOOK_LEGACY, /**< `{event, version, timestamp, platform, data}` (camelCase events) */
    CAMP_INBOX_WEBHOOK_V2 /**< API v2: `{id, seq, type, apiVersion, createdAt, object, data}` (§8.4) */
} camp_inbox_webhook_format_t;

/** Webhook event kinds. */
typedef enum camp_inbox_event {
    CAMP_INBOX_EVENT_OTHER = 0, /**< any other `resource.action`; `data` kept raw */
    CAMP_INBOX_EVENT_CAMPAIGN_CREATED,
    CAMP_INBOX_EVENT_CAMPAIGN_STARTED,
    CAMP_INBOX_EVENT_CAMPAIGN_PAUSED,
    CAMP_INBOX_EVENT_CAMPAIGN_RESUMED,
    CAMP_INBOX_EVENT_CAMPAIGN_COMPLETED,
    CAMP_INBOX_EVENT_TARGET_CONTACTED,      /**< also legacy `targetContacted` */
    CAMP_INBOX_EVENT_TARGET_FOLLOW_UP_SENT, /**< also legacy `targetFollowUpSent` */
    CAMP_INBOX_EVENT_TARGET_REPLIED         /**< also legacy `targetReplied` */
} camp_inbox_event_t;

/**
 * Prospect of a target event (`prospect`, legacy `external`). Profile data of an
 * external person (display name, username, image) may be `null` or absent on real
 * accounts: ptr NULL then, and the event still decodes. Its `id` is required.
 */
typedef struct camp_inbox_prospect {
    camp_str_t id;           /**< `id` (v2 envelope: `data.contactId`) */
    camp_str_t platform_id;  /**< `platformId` */
    camp_str_t display_name; /**< `displayName` (ptr NULL when null or absent) */
    camp_str_t username;     /**< `username` (ptr NULL when null or absent) */
    camp_str_t image;        /**< `image` URL (ptr NULL when null or absent) */
    uint8_t platform;        /**< camp_inbox_platform_t */
} camp_inbox_prospect_t;

/** camp_inbox_webhook_t::present: v2 `object` was given. */
#define CAMP_INBOX_WEBHOOK_HAS_OBJECT 0x1u
/** camp_inbox_webhook_t::present: v2 target event `data.stepNumber` was given. */
#define CAMP_INBOX_WEBHOOK_HAS_STEP_NUMBER 0x2u

/** Webhook event (CAMP_INBOX_WEBHOOK): envelope plus the campaign.* / target.* payload. */
typedef struct camp_inbox_webhook {
    uint8_t format;              /**< camp_inbox_webhook_format_t */
    uint8_t event;               /**< camp_inbox_event_t */
    uint8_t platform;            /**< legacy `platform` */
    bool has_campaign;           /**< `data.campaign` was decoded (into `campaign` below) */
    uint8_t present;             /**< CAMP_INBOX_WEBHOOK_HAS_* bits */
    camp_str_t id;               /**< v1 / v2 `id` (dedupe on it) */
    camp_str_t team_id;          /**< v1 `teamId`; legacy `data.team.id`; ptr NULL in v2 */
    camp_str_t type;             /**< v1 / v2 `type`; legacy `event` */
    camp_str_t version;          /**< `version` ("1.0"); v2: `apiVersion` ("2") */
    int64_t seq;                 /**< v1 / v2 `seq`; -1 in the legacy format */
    camp_inbox_time_t timestamp; /**< `timestamp`; v2: `createdAt` */
    camp_str_t object_type;      /**< v2 `object.type` (when CAMP_INBOX_WEBHOOK_HAS_OBJECT) */
    camp_str_t object_id;        /**< v2 `object.id` */
    camp_str_t object_url;       /**< v2 `object.url` (ptr NULL when absent) */
    int64_t
        step_number; /**< v2 target events: `data.stepNumber` (CAMP_INBOX_WEBHOOK_HAS_STEP_NUMBER) */
    camp_str_t
        data; /**< raw `data` for CAMP_INBOX_EVENT_OTHER and v2 campaign.* (ptr NULL otherwise) */
    camp_inbox_campaign_summary_t
        campaign;                  /**< `data.campaign` (legacy: only id and name; v2: not sent) */
    camp_str_t thread_id;          /**< `data.thread.id` (target events); v2 `data.threadId` */
    camp_str_t thread_platform_id; /**< `data.thread.platformId` */
    camp_str_t account_link_id;    /**< `data.thread.accountLinkId`; legacy `data.accountLink.id` */
    camp_str_t message_id;         /**< `data.message.id`; v2 `data.messageId` */
    camp_str_t message_content;    /**< `data.message.content` */
    camp_inbox_time_t
        message_created_at;         /**< `data.message.createdAt` (raw.ptr NULL when absent) */
    camp_inbox_prospect_t prospect; /**< `data.prospect`; legacy `data.external` */
} camp_inbox_webhook_t;

/* ---- Team (GET /team, §4: the documented token check) -------------------------------- */

/** The team a token belongs to. Every member is required. */
typedef struct camp_inbox_team {
    camp_str_t id;                /**< `^[0-9a-z]+$` */
    camp_str_t name;              /**< display name */
    camp_str_t slug;              /**< URL slug */
    camp_str_t image;             /**< image URL; ptr NULL when null */
    camp_inbox_time_t created_at; /**< `createdAt` */
    camp_inbox_time_t updated_at; /**< `updatedAt`; raw.ptr NULL when null */
} camp_inbox_team_t;

/* ---- The generic API ---------------------------------------------------------------- */

/** Document types; each names its struct and its use. */
typedef enum camp_inbox_type {
    CAMP_INBOX_CAMPAIGN = 0,     /**< camp_inbox_campaign_t: campaign object, any shape (E1–E4) */
    CAMP_INBOX_CAMPAIGN_PAGE,    /**< camp_inbox_campaign_page_t: list page (synthetic) */
    CAMP_INBOX_CAMPAIGN_CREATE,  /**< camp_inbox_campaign_create_t: request E4 */
    CAMP_INBOX_SEQUENCE_UPDATE,  /**< camp_inbox_sequence_t: request E5 */
    CAMP_INBOX_SEQUENCE,         /**< camp_inbox_sequence_t: response E5 */
    CAMP_INBOX_RULES_UPDATE,     /**< camp_inbox_rules_update_t: request E6 */
    CAMP_INBOX_LEADS_ADD,        /**< camp_inbox_leads_add_t: request E7 */
    CAMP_INBOX_LEADS_ADD_RESULT, /**< camp_inbox_leads_add_result_t: response E7 */
    CAMP_INBOX_LEAD_UPDATE,      /**< camp_inbox_lead_update_t: request E8 */
    CAMP_INBOX_LEAD_CANCEL,      /**< camp_inbox_lead_cancel_t: request E9 */
    CAMP_INBOX_COLUMN_UPDATE,    /**< camp_inbox_column_update_t: request E10 */
    CAMP_INBOX_COLUMN,           /**< camp_inbox_column_t: response E10 */
    CAMP_INBOX_SUCCESS,          /**< camp_inbox_success_t: `{success}` responses */
    CAMP_INBOX_ERROR,            /**< camp_inbox_error_t: error body */
    CAMP_INBOX_WEBHOOK, /**< camp_inbox_webhook_t: webhook event, or one event of the feed */
    CAMP_INBOX_TEAM,    /**< camp_inbox_team_t: GET /team response */
    CAMP_INBOX_TYPE_COUNT
} camp_inbox_type_t;

/**
 * @brief sizeof the struct of @p type (the out_size camp_inbox_decode() expects).
 * @param[in] type a document type.
 * @return the size in bytes; 0 for an unknown type.
 */
size_t camp_inbox_type_size(camp_inbox_type_t type);

/**
 * @brief Short name of @p type ("campaign", "leads-add", ...).
 * @param[in] type a document type.
 * @return a static NUL-terminated string; "" (never NULL) for an unknown type.
 */
const char *camp_inbox_type_name(camp_inbox_type_t type);

/**
 * @brief Whether @p type is a request body (meant to be encoded and sent).
 * @param[in] type a document type.
 * @return true for CAMP_INBOX_CAMPAIGN_CREATE, CAMP_INBOX_SEQUENCE_UPDATE,
 *         CAMP_INBOX_RULES_UPDATE, CAMP_INBOX_LEADS_ADD, CAMP_INBOX_LEAD_UPDATE,
 *         CAMP_INBOX_LEAD_CANCEL and CAMP_INBOX_COLUMN_UPDATE; false otherwise
 *         (responses, webhook events, unknown types).
 */
bool camp_inbox_type_is_request(camp_inbox_type_t type);

/**
 * @brief Decode the value at token @p tok of @p doc into @p out, validating every
 *        value as it is read (one pass).
 *
 * Every member of @p out that the document does not set is cleared; elements of a
 * pool past its count (e.g. camp_inbox_leads_add_t::ids beyond id_count) are not
 * looked at and may keep earlier contents. Unknown members are skipped. Response
 * types are checked with the receive rules (tolerant where pages disagree),
 * request types with the request rules. The first violation met in document order
 * (a required member is missing, or a cross-member rule fails, when its object
 * ends) is reported in @p diag with its JSON path and byte offset.
 *
 * @param[in]     type     what to decode.
 * @param[in,out] doc      tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok      token of the value (0 for the whole document).
 * @param[out]    out      struct of @p type; its views point into doc->text.
 * @param[in]     out_size sizeof *out (checked against @p type).
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (NULL pointer, unknown type, size mismatch);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL.
 */
CAMP_NODISCARD camp_status_t camp_inbox_decode(camp_inbox_type_t type, camp_json_doc_t *doc,
                                               int tok, void *out, size_t out_size,
                                               camp_diag_t *diag);

/**
 * @brief camp_json_parse() then camp_inbox_decode() of the whole document.
 *
 * @param[in]     type     what to decode.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      struct of @p type.
 * @param[in]     out_size sizeof *out.
 * @param[out]    diag     may be NULL.
 * @return any status of camp_json_parse() (a malformed document fails with path `$`)
 *         or camp_inbox_decode().
 */
CAMP_NODISCARD camp_status_t camp_inbox_parse(camp_inbox_type_t type, char *json, size_t len,
                                              camp_json_token_t *tokens, size_t capacity, void *out,
                                              size_t out_size, camp_diag_t *diag);

/**
 * @brief Check a struct (e.g. one built by hand) against the rules of @p type.
 * Paths are the ones the JSON would have (`$.steps[2].data.segments[0].name`);
 * camp_diag_t::offset is CAMP_DIAG_NO_OFFSET. Also checks the struct's own
 * consistency (counts within capacity, pool ranges inside the pools, raw JSON
 * members well-formed).
 * @param[in]  type the struct's type.
 * @param[in]  obj  the struct.
 * @param[out] diag may be NULL.
 * @return CAMP_OK, CAMP_ERR_ARG, or a validation status as for camp_inbox_decode().
 */
CAMP_NODISCARD camp_status_t camp_inbox_validate(camp_inbox_type_t type, const void *obj,
                                                 camp_diag_t *diag);

/**
 * @brief Validate with the strictest documented rules, then write @p obj as JSON.
 *
 * Strictest rules: request-body rules, hourlyMessageRate 1..25 (D1), variable
 * names in the column-ID form. Output is compact JSON, members in documented
 * order, only the members that are present; NUL-terminated when room is left.
 *
 * @param[in]  type    the struct's type (every type can be encoded; requests are the usual).
 * @param[in]  obj     the struct.
 * @param[out] buf     destination.
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    may be NULL; on CAMP_ERR_BUFFER_TOO_SMALL diag->needed = bytes needed (no NUL).
 * @return CAMP_OK, CAMP_ERR_ARG, CAMP_ERR_BUFFER_TOO_SMALL, or a validation status.
 */
CAMP_NODISCARD camp_status_t camp_inbox_encode(camp_inbox_type_t type, const void *obj, char *buf,
                                               size_t cap, size_t *out_len, camp_diag_t *diag);

/**
 * @brief Field-by-field equality of two structs of @p type: strings by content,
 * date-times by their text, pool-based arrays element by element (not by index).
 * @param[in] type the structs' type.
 * @param[in] a    one struct of @p type.
 * @param[in] b    the other struct of @p type.
 * @return true when equal; false when not, or on a NULL argument / unknown type.
 */
bool camp_inbox_equal(camp_inbox_type_t type, const void *a, const void *b);


/**
 * @brief camp_inbox_decode() for CAMP_INBOX_TEAM: decode and validate a `camp_inbox_team_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_team_decode(camp_json_doc_t *doc, int tok,
                                                    camp_inbox_team_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_TEAM: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_team_parse(char *json, size_t len,
                                                   camp_json_token_t *tokens, size_t capacity,
                                                   camp_inbox_team_t *out, camp_diag_t *diag);

/* ---- Event replay feed (GET /events, §8.5) -------------------------------------------- */

/**
 * One page of the event feed: `{events, hasMore, lastSeq}`. The events stay in the
 * tokenized document and are decoded one at a time by camp_inbox_events_next()
 * into one caller-owned camp_inbox_webhook_t, so a page of 1,000 events needs no
 * more memory than its tokens.
 */
typedef struct camp_inbox_events_page {
    bool has_more;    /**< `hasMore`: read again with `afterSeq` = last_seq */
    int64_t last_seq; /**< `lastSeq`; -1 when null (an empty page) */
    uint16_t count;   /**< events in the page */
    uint16_t next;    /**< events handed out so far by camp_inbox_events_next() */
    int next_tok;     /**< token of the next event (iteration state; do not change) */
} camp_inbox_events_page_t;

/**
 * @brief Decode and validate a feed page's envelope (the events are not decoded yet).
 * @param[in,out] doc  tokenized response; events are decoded from it later, keep it.
 * @param[in]     tok  token of the page object (0 for the whole document).
 * @param[out]    out  the page, ready for camp_inbox_events_next().
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG; CAMP_ERR_REQUIRED, CAMP_ERR_TYPE, CAMP_ERR_RANGE
 *         (`lastSeq` outside 0..2^53-1), CAMP_ERR_CAPACITY (more than 65535 events).
 */
CAMP_NODISCARD camp_status_t camp_inbox_events_page_decode(camp_json_doc_t *doc, int tok,
                                                           camp_inbox_events_page_t *out,
                                                           camp_diag_t *diag);

/**
 * @brief Decode the next event of a page into @p ev.
 *
 * Every event is decoded as a webhook event (v1.0 or API v2 envelope). Types other
 * than campaign.* and target.* decode with camp_inbox_webhook_t::event ==
 * CAMP_INBOX_EVENT_OTHER and their `data` kept raw: callers skip them.
 * @param[in,out] doc  the document camp_inbox_events_page_decode() read.
 * @param[in,out] page the page; advanced by one event on success.
 * @param[out]    ev   the event; its views point into doc->text.
 * @param[out]    done set true (and nothing decoded) when every event was handed out.
 * @param[out]    diag failure details (path `$.events[i]...`); may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG; any status of camp_inbox_decode() for a bad event
 *         (the page stays on that event).
 */
CAMP_NODISCARD camp_status_t camp_inbox_events_next(camp_json_doc_t *doc,
                                                    camp_inbox_events_page_t *page,
                                                    camp_inbox_webhook_t *ev, bool *done,
                                                    camp_diag_t *diag);

/* ---- Type-specific entry points ------------------------------------------------------- */

/*
 * Each call below handles one document type and links only that type's code: a
 * firmware that decodes campaigns and nothing else pulls in neither the request
 * bodies, the webhook events nor the encoders. The by-type calls above
 * (camp_inbox_decode(), camp_inbox_parse(), camp_inbox_validate(),
 * camp_inbox_encode(), camp_inbox_equal()) reach every type through one table and
 * so link all of them: use them in tools, not in size-critical firmware.
 */

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_CAMPAIGN:
 *        decode and validate a `camp_inbox_campaign_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_campaign_decode(camp_json_doc_t *doc, int tok,
                                                        camp_inbox_campaign_t *out,
                                                        camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_CAMPAIGN: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_campaign_parse(char *json, size_t len,
                                                       camp_json_token_t *tokens, size_t capacity,
                                                       camp_inbox_campaign_t *out,
                                                       camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_CAMPAIGN_PAGE:
 *        decode and validate a `camp_inbox_campaign_page_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_campaign_page_decode(camp_json_doc_t *doc, int tok,
                                                             camp_inbox_campaign_page_t *out,
                                                             camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_CAMPAIGN_PAGE: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_campaign_page_parse(char *json, size_t len,
                                                            camp_json_token_t *tokens,
                                                            size_t capacity,
                                                            camp_inbox_campaign_page_t *out,
                                                            camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_SEQUENCE:
 *        decode and validate a `camp_inbox_sequence_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_sequence_decode(camp_json_doc_t *doc, int tok,
                                                        camp_inbox_sequence_t *out,
                                                        camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_SEQUENCE: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_sequence_parse(char *json, size_t len,
                                                       camp_json_token_t *tokens, size_t capacity,
                                                       camp_inbox_sequence_t *out,
                                                       camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_LEADS_ADD_RESULT:
 *        decode and validate a `camp_inbox_leads_add_result_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_leads_add_result_decode(camp_json_doc_t *doc, int tok,
                                                                camp_inbox_leads_add_result_t *out,
                                                                camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_LEADS_ADD_RESULT: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_leads_add_result_parse(char *json, size_t len,
                                                               camp_json_token_t *tokens,
                                                               size_t capacity,
                                                               camp_inbox_leads_add_result_t *out,
                                                               camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_COLUMN:
 *        decode and validate a `camp_inbox_column_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_column_decode(camp_json_doc_t *doc, int tok,
                                                      camp_inbox_column_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_COLUMN: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_column_parse(char *json, size_t len,
                                                     camp_json_token_t *tokens, size_t capacity,
                                                     camp_inbox_column_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_SUCCESS:
 *        decode and validate a `camp_inbox_success_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_success_decode(camp_json_doc_t *doc, int tok,
                                                       camp_inbox_success_t *out,
                                                       camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_SUCCESS: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_success_parse(char *json, size_t len,
                                                      camp_json_token_t *tokens, size_t capacity,
                                                      camp_inbox_success_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_ERROR:
 *        decode and validate a `camp_inbox_error_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_error_decode(camp_json_doc_t *doc, int tok,
                                                     camp_inbox_error_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_ERROR: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_error_parse(char *json, size_t len,
                                                    camp_json_token_t *tokens, size_t capacity,
                                                    camp_inbox_error_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_decode() for CAMP_INBOX_WEBHOOK:
 *        decode and validate a `camp_inbox_webhook_t`.
 * @param[in,out] doc  tokenized document; strings are unescaped in place in doc->text.
 * @param[in]     tok  token of the value (0 for the whole document).
 * @param[out]    out  the result; its views point into doc->text.
 * @param[out]    diag failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p doc or @p out NULL, @p tok not a token of @p doc);
 *         CAMP_ERR_CAPACITY (diag->needed = count needed); CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_webhook_decode(camp_json_doc_t *doc, int tok,
                                                       camp_inbox_webhook_t *out,
                                                       camp_diag_t *diag);

/**
 * @brief camp_inbox_parse() for CAMP_INBOX_WEBHOOK: check, tokenize, decode and validate.
 * @param[in,out] json     the document; decoded views point into it (keep it alive).
 * @param[in]     len      its length in bytes.
 * @param[out]    tokens   caller's token array.
 * @param[in]     capacity entries in @p tokens.
 * @param[out]    out      the result.
 * @param[out]    diag     failure details; may be NULL.
 * @return CAMP_OK; any status of camp_json_parse() (a malformed document fails
 *         with path `$`; CAMP_ERR_JSON_TOKENS when @p capacity is too small);
 *         CAMP_ERR_ARG (@p out NULL); CAMP_ERR_CAPACITY, CAMP_ERR_REQUIRED,
 *         CAMP_ERR_TYPE, CAMP_ERR_RANGE, CAMP_ERR_PATTERN, CAMP_ERR_LENGTH,
 *         CAMP_ERR_ENUM, CAMP_ERR_DATE, CAMP_ERR_TIMEZONE, CAMP_ERR_REFERENCE,
 *         CAMP_ERR_SCHEDULE, CAMP_ERR_INVALID, CAMP_ERR_JSON_NUL, as the type's
 *         rules apply (see camp_inbox_decode()).
 */
CAMP_NODISCARD camp_status_t camp_inbox_webhook_parse(char *json, size_t len,
                                                      camp_json_token_t *tokens, size_t capacity,
                                                      camp_inbox_webhook_t *out, camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_CAMPAIGN_CREATE: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t
camp_inbox_campaign_create_encode(const camp_inbox_campaign_create_t *obj, char *buf, size_t cap,
                                  size_t *out_len, camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_SEQUENCE_UPDATE: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_sequence_update_encode(const camp_inbox_sequence_t *obj,
                                                               char *buf, size_t cap,
                                                               size_t *out_len, camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_RULES_UPDATE: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_rules_update_encode(const camp_inbox_rules_update_t *obj,
                                                            char *buf, size_t cap, size_t *out_len,
                                                            camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_LEADS_ADD: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_leads_add_encode(const camp_inbox_leads_add_t *obj,
                                                         char *buf, size_t cap, size_t *out_len,
                                                         camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_LEAD_UPDATE: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_lead_update_encode(const camp_inbox_lead_update_t *obj,
                                                           char *buf, size_t cap, size_t *out_len,
                                                           camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_LEAD_CANCEL: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_lead_cancel_encode(const camp_inbox_lead_cancel_t *obj,
                                                           char *buf, size_t cap, size_t *out_len,
                                                           camp_diag_t *diag);

/**
 * @brief camp_inbox_encode() for CAMP_INBOX_COLUMN_UPDATE: validate with the strictest rules,
 *        then write JSON.
 * @param[in]  obj     the body.
 * @param[out] buf     destination (may be NULL when @p cap is 0, to learn the size).
 * @param[in]  cap     its size.
 * @param[out] out_len bytes written, or the size needed on CAMP_ERR_BUFFER_TOO_SMALL (may be NULL).
 * @param[out] diag    failure details; may be NULL.
 * @return CAMP_OK; CAMP_ERR_ARG (@p obj NULL, or @p buf NULL with @p cap > 0);
 *         CAMP_ERR_BUFFER_TOO_SMALL (diag->needed = bytes needed, NUL not included);
 *         a validation status as for camp_inbox_decode() (CAMP_ERR_REQUIRED,
 *         CAMP_ERR_RANGE, CAMP_ERR_LENGTH, CAMP_ERR_CAPACITY, ...) when the body
 *         breaks a rule; nothing is written then.
 */
CAMP_NODISCARD camp_status_t camp_inbox_column_update_encode(const camp_inbox_column_update_t *obj,
                                                             char *buf, size_t cap, size_t *out_len,
                                                             camp_diag_t *diag);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_INBOX_H */
