/* The InboxApp documents as data for the schema engine (inbox_engine.c): one
 * member table per object, and each family's nodes. The hooks for what tables
 * cannot say (variants, maps, pools shared by a whole sequence, cross-member
 * rules) are in inbox_hooks.h.
 *
 * Source of truth: spec/inboxapp.md. Where the vendor's pages disagree, decoding
 * accepts every documented form and encoding uses the strictest; each such choice
 * is written next to the table or hook that makes it (D-numbers are the
 * disagreements listed in spec §10). */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"
#include "camp/camp_validate.h"

#include "inbox_internal.h"
#include "inbox_schema.h"
#include "status/status_internal.h"

#define COUNT(t) ((uint8_t)(sizeof(t) / sizeof((t)[0])))

#define C_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_t, m))
#define S_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_summary_t, m))
#define L_OFF(m) ((uint16_t)offsetof(camp_inbox_list_t, m))
#define R_OFF(m) ((uint16_t)offsetof(camp_inbox_rules_t, m))
#define A_OFF(m) ((uint16_t)offsetof(camp_inbox_automation_t, m))
#define V_OFF(m) ((uint16_t)offsetof(camp_inbox_variable_t, m))
#define W_OFF(m) ((uint16_t)offsetof(camp_day_window_t, m))
#define STEP_OFF(m) ((uint16_t)offsetof(camp_inbox_step_t, m))
#define SEG_OFF(m) ((uint16_t)offsetof(camp_inbox_segment_t, m))
#define SEQ_OFF(m) ((uint16_t)offsetof(camp_inbox_sequence_t, m))
#define PG_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_page_t, m))
#define RU_OFF(m) ((uint16_t)offsetof(camp_inbox_rules_update_t, m))
#define CR_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_create_t, m))
#define LA_OFF(m) ((uint16_t)offsetof(camp_inbox_leads_add_t, m))
#define LD_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_t, m))
#define LU_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_update_t, m))
#define LC_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_cancel_t, m))
#define CU_OFF(m) ((uint16_t)offsetof(camp_inbox_column_update_t, m))
#define CO_OFF(m) ((uint16_t)offsetof(camp_inbox_column_t, m))
#define AR_OFF(m) ((uint16_t)offsetof(camp_inbox_leads_add_result_t, m))
#define SU_OFF(m) ((uint16_t)offsetof(camp_inbox_success_t, m))
#define TM_OFF(m) ((uint16_t)offsetof(camp_inbox_team_t, m))
#define E_OFF(m) ((uint16_t)offsetof(camp_inbox_error_t, m))
#define WH_OFF(m) ((uint16_t)offsetof(camp_inbox_webhook_t, m))
#define P_OFF(m) ((uint16_t)offsetof(camp_inbox_prospect_t, m))
#define EP_OFF(m) ((uint16_t)offsetof(camp_inbox_events_page_t, m))

/* offsets in the tables are uint16_t */
typedef char campaign_fits_uint16[(sizeof(camp_inbox_campaign_page_t) < 65536u &&
                                   sizeof(camp_inbox_leads_add_t) < 65536u)
                                      ? 1
                                      : -1];
/* the summary is the campaign's first member: its table serves both */
typedef char summary_first[(offsetof(camp_inbox_campaign_t, base) == 0) ? 1 : -1];

#if IB_ONE_KEY_POOL
const ib_key_pools_t camp_ib_key_pools = {IB_KEY_POOL(IB_KEYS_CAMPAIGN), IB_KEY_POOL(IB_KEYS_REST),
                                          IB_KEY_POOL(IB_KEYS_OUTBOX), IB_KEY_POOL(IB_KEYS_REPLY)};
#else
const ib_campaign_keys_t camp_ib_campaign_keys = IB_KEY_POOL(IB_KEYS_CAMPAIGN);
const ib_reply_keys_t camp_ib_reply_keys = IB_KEY_POOL(IB_KEYS_REPLY);
const ib_rest_keys_t camp_ib_rest_keys = IB_KEY_POOL(IB_KEYS_REST);
/* (camp_ib_outbox_keys: in outbox_models.c, linked with the Outbox tables) */
#endif
/* key offsets in the tables are 12 bits (ifield_t::key_pb) */
typedef char keys_fit_12_bits[(sizeof(ib_campaign_keys_t) + sizeof(ib_rest_keys_t) +
                               sizeof(ib_outbox_keys_t) + sizeof(ib_reply_keys_t)) < 4096u
                                  ? 1
                                  : -1];

/* Each table's rows name their keys in the pool of the families that use it
 * (IB_POOL, set before each group of tables): the campaign pool for the campaign
 * and page families, the reply pool for the error and success families, the rest
 * pool for the others (inbox_keys.h), and each family names the pool of its
 * tables' group (inbox_hooks.h). A name missing from the pool does not compile;
 * a family naming another pool would read other names, which the tests of every
 * document type would show (they run with the pools apart at -Os, on the target
 * and in check-small-config, and as one elsewhere). */
#define IB_POOL campaign

/* ---- campaign (§3.1 v2, §3.2 legacy, §3.3 summary) -------------------------------------------- */

/* §3.3 lists the fields every form carries; they are required in every shape,
 * except `status`: the enable-campaign example omits it (D5), so it may be absent.
 * `updatedAt` may be null only in the summary (webhook) shape (D16); the API
 * schemas say it is a non-null date-time. The members after them belong to the v2
 * or legacy shapes and are all optional (their presence is in `present`): the docs
 * mark them required, but tolerance on receive keeps a device working when a
 * shape-specific field goes missing; the shape markers decide the shape. The first
 * SUMMARY_COUNT rows, the names of IB_KEYS_SUMMARY(), are the webhooks' summary
 * campaign too (N_SUMMARY): at the same offsets in the rest pool, which the webhook
 * family names. */
#define SUMMARY_ONE(k) +1
#define SUMMARY_COUNT (0 IB_KEYS_SUMMARY(SUMMARY_ONE))
static const ifield_t campaign_fields[] = {
    IB_ROW(id, K_ID, R_NONE, F_REQ, S_OFF(id)),
    IB_ROW(name, K_STR, R_NONE, F_REQ, S_OFF(name)),
    IB_ROW(description, K_STR, R_NONE, F_REQ | F_NULL, S_OFF(description)),
    IB_ROW(status, K_ENUM, E_STATUS, 0, S_OFF(status)),
    IB_ROW(dryRun, K_BOOL, R_NONE, F_REQ, S_OFF(dry_run)),
    IB_ROW(targetsCount, K_I64, R_COUNT, F_REQ, S_OFF(targets_count)),
    IB_ROW(contactedCount, K_I64, R_COUNT, F_REQ, S_OFF(contacted_count)),
    IB_ROW(repliesCount, K_I64, R_COUNT, F_REQ, S_OFF(replies_count)),
    IB_ROW(completionRate, K_FRAC, R_NONE, F_REQ, S_OFF(completion_rate)),
    IB_ROW(replyRate, K_FRAC, R_NONE, F_REQ, S_OFF(reply_rate)),
    IB_ROW(createdAt, K_TIME, R_NONE, F_REQ, S_OFF(created_at)),
    IB_ROW(updatedAt, K_TIME, R_NONE, F_REQ | F_NULL_SUM, S_OFF(updated_at)),
    IB_ROW(pausedAt, K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(paused_at)),
    IB_ROW(completedAt, K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(completed_at)),
    IB_ROW(lastStartedAt, K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(last_started_at)),
    IB_ROWP(enabled, K_BOOL, R_NONE, F_V2, C_OFF(enabled), CAMP_INBOX_CAMPAIGN_HAS_ENABLED),
    IB_ROWP(hourlyMessageRate, K_U16, R_RATE, 0, C_OFF(hourly_message_rate),
            CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE),
    IB_ROW(scheduleTimezone, K_TZ, R_NONE, 0, C_OFF(schedule_timezone)),
    IB_ROWP(scheduleHours, K_SUB, SUB_HOURS, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS),
    IB_ROWP(isBuildingPlan, K_BOOL, R_NONE, 0, C_OFF(is_building_plan),
            CAMP_INBOX_CAMPAIGN_HAS_BUILDING_PLAN),
    IB_ROWP(isSyncing, K_BOOL, R_NONE, F_V2, C_OFF(is_syncing), CAMP_INBOX_CAMPAIGN_HAS_SYNCING),
    IB_ROWP(scopeAssessedCount, K_I64, R_COUNT, F_V2, C_OFF(scope_assessed_count),
            CAMP_INBOX_CAMPAIGN_HAS_SCOPE_ASSESSED),
    IB_IDS(accountLinkIds, A_ACCOUNTS, 0, C_OFF(account_link_ids),
           CAMP_INBOX_CAMPAIGN_HAS_ACCOUNTS),
    IB_ROWP(rules, K_SUB, SUB_RULES, F_V2, 0, CAMP_INBOX_CAMPAIGN_HAS_RULES),
    IB_ROWP(sequence, K_SUB, SUB_SEQUENCE, F_V2, 0, CAMP_INBOX_CAMPAIGN_HAS_SEQUENCE),
    IB_ROWP(automations, K_SUB, SUB_AUTOMATIONS, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_AUTOMATIONS),
    IB_ROW(type, K_STR, R_NONE, F_LEG, C_OFF(type)),
    IB_ROWP(estimatedTargets, K_I64, R_COUNT, F_LEG, C_OFF(estimated_targets),
            CAMP_INBOX_CAMPAIGN_HAS_ESTIMATED_TARGETS),
    IB_ROWP(isHydrating, K_BOOL, R_NONE, F_LEG, C_OFF(is_hydrating),
            CAMP_INBOX_CAMPAIGN_HAS_HYDRATING),
    /* customVariables before steps: validating a struct checks the steps' variables
     * against the map (decoding checks them when the campaign closes) */
    IB_ROWP(customVariables, K_SUB, SUB_VARIABLES, F_LEG, 0,
            CAMP_INBOX_CAMPAIGN_HAS_CUSTOM_VARIABLES),
    IB_ROWP(steps, K_SUB, SUB_STEPS, F_LEG, 0, CAMP_INBOX_CAMPAIGN_HAS_STEPS),
    IB_ROWP(lists, K_SUB, SUB_LISTS, F_LEG, 0, CAMP_INBOX_CAMPAIGN_HAS_LISTS),
};

static const ifield_t window_fields[] = {
    IB_ROW(start, K_U16, R_MINUTE, F_REQ, W_OFF(start)),
    IB_ROW(end, K_U16, R_MINUTE, F_REQ, W_OFF(end)),
};

/* v2 rules: the docs show all four members on every example. */
static const ifield_t rules_fields[] = {
    IB_ROW(syncedLists, K_SUB, SUB_SYNCED, F_REQ, 0),
    IB_ROW(excludedLists, K_SUB, SUB_EXCLUDED, F_REQ, 0),
    IB_ROW(excludeContacted, K_BOOL, R_NONE, F_REQ, R_OFF(exclude_contacted)),
    IB_ROW(excludeMutuals, K_BOOL, R_NONE, F_REQ, R_OFF(exclude_mutuals)),
};

static const ifield_t v2_list_fields[] = {
    IB_ROW(listId, K_ID, R_NONE, F_REQ, L_OFF(list_id)),
    IB_ROW(listName, K_STR, R_NONE, 0, L_OFF(list_name)),
    IB_ROWP(columnMapping, K_SUB, SUB_MAPPING, 0, 0, CAMP_INBOX_LIST_HAS_COLUMN_MAPPING),
};

static const ifield_t legacy_list_fields[] = {
    IB_ROW(listId, K_ID, R_NONE, F_REQ, L_OFF(list_id)),
    IB_ROW(exclude, K_BOOL, R_NONE, F_REQ, L_OFF(exclude)),
};

/* D6: the v2 example has no `action`; it is optional. */
static const ifield_t automation_fields[] = {
    IB_ROW(id, K_ID, R_NONE, F_REQ, A_OFF(id)),
    IB_ROW(trigger, K_ENUM, E_TRIGGER, F_REQ, A_OFF(trigger)),
    IB_ROW(action, K_ENUM, E_ACTION, 0, A_OFF(action)),
    IB_ROWP(actionData, K_SUB, SUB_ACTION_DATA, 0, 0, CAMP_INBOX_AUTOMATION_HAS_ACTION_DATA),
    IB_ROW(enabled, K_BOOL, R_NONE, F_REQ, A_OFF(enabled)),
};

static const ifield_t action_data_fields[] = {
    IB_ROW(statusId, K_ID, R_NONE, F_REQ, A_OFF(status_id)),
};

static const ifield_t variable_fields[] = {
    IB_ROW(displayName, K_STR, R_NONE, F_REQ, V_OFF(display_name)),
    IB_ROWP(description, K_STR, R_NONE, F_NULL, V_OFF(description),
            CAMP_INBOX_VARIABLE_HAS_DESCRIPTION),
};

/* SYNTHETIC (fixtures/README): no list endpoint is documented. The page follows
 * the v1 pagination envelope (§7): the items under a resource-named key
 * (`campaigns`) and `nextCursor` {id, timestamp}, null on the last page (absence
 * is taken as null too). */
static const ifield_t page_fields[] = {
    IB_ROW(campaigns, K_SUB, SUB_CAMPAIGNS, F_REQ, 0),
    IB_ROW(nextCursor, K_SUB, SUB_CURSOR, F_NULL, 0),
};

static const ifield_t cursor_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, PG_OFF(next_id)),
    IB_ROW(timestamp, K_TIME, R_NONE, F_REQ, PG_OFF(next_timestamp)),
};

/* ---- sequence (§3.4) ----------------------------------------------------------------------------- */

/* D7: responses may omit `type` (it is then inferred from `data`); request bodies
 * must carry it. `id` and `rank` are assigned by the server ("do not send");
 * `campaignVersion` exists only on legacy responses. */
static const ifield_t step_fields[] = {
    IB_ROW(id, K_ID, R_NONE, F_NO_REQUEST, STEP_OFF(id)),
    IB_ROWP(type, K_ENUM, E_STEP, F_REQ_REQUEST, STEP_OFF(type), CAMP_INBOX_STEP_HAS_TYPE),
    IB_ROWP(rank, K_I64, R_COUNT, F_NO_REQUEST, STEP_OFF(rank), CAMP_INBOX_STEP_HAS_RANK),
    IB_ROW(data, K_SUB, SUB_DATA, F_REQ, 0),
    IB_ROWP(campaignVersion, K_I64, R_COUNT, F_RESP, STEP_OFF(campaign_version),
            CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION),
};

static const ifield_t message_fields[] = {
    IB_ROW(segments, K_SUB, SUB_SEGMENTS, F_REQ, 0),
};

/* D18: `unit` looks like a display unit only ("days" with 86400 and 604800); its
 * other values are not stored, so it is kept as free text. */
static const ifield_t delay_fields[] = {
    IB_ROW(delaySeconds, K_I64, R_COUNT, F_REQ, STEP_OFF(delay_seconds)),
    IB_ROW(unit, K_STR, R_NONE, 0, STEP_OFF(unit)),
};

static const ifield_t static_fields[] = {
    IB_ROW(type, K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type)),
    IB_ROW(text, K_STR, R_NONE, F_REQ, SEG_OFF(text)),
};

static const ifield_t variable_segment_fields[] = {
    IB_ROW(type, K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type)),
    IB_ROW(name, K_STR, R_NONE, F_REQ, SEG_OFF(text)),
    IB_ROW(fallback, K_STR, R_NONE, 0, SEG_OFF(fallback)),
};

static const ifield_t variation_fields[] = {
    IB_ROW(type, K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type)),
    IB_ROW(options, K_SUB, SUB_OPTIONS, F_REQ, 0),
};

static const ifield_t sequence_fields[] = {
    IB_ROW(version, K_I64, R_COUNT, F_REQ | F_RESP, SEQ_OFF(version)),
    IB_ROW(steps, K_SUB, SUB_STEPS, F_REQ, 0),
};

#undef IB_POOL
#define IB_POOL rest

/* ---- request bodies ---------------------------------------------------------------------------- */

/* E4. `rules` takes the update-lead-rules body shape and the time-zone member is
 * named `scheduleTimezone`, as in the response: both [unverified] (the stored page
 * lacks them; fixtures/README marks the rules shape ASSUMPTION). */
static const ifield_t create_fields[] = {
    IB_ROW(name, K_STR, R_NAME, F_REQ, CR_OFF(name)),
    IB_IDS(accountLinkIds, A_ACCOUNTS1, F_REQ, CR_OFF(account_link_ids), 0u),
    IB_ROWP(rules, K_SUB, SUB_CREATE_RULES, 0, 0, CAMP_INBOX_CREATE_HAS_RULES),
    IB_ROW(scheduleTimezone, K_TZ, R_NONE, 0, CR_OFF(schedule_timezone)),
};

/* E6: every member optional ("omitted fields are left unchanged"; an empty array
 * clears). */
static const ifield_t rules_update_fields[] = {
    IB_IDS(syncedListIds, A_SYNCED, 0, RU_OFF(synced_list_ids), CAMP_INBOX_RULES_HAS_SYNCED),
    IB_IDS(excludedListIds, A_EXCLUDED, 0, RU_OFF(excluded_list_ids),
           CAMP_INBOX_RULES_HAS_EXCLUDED),
    IB_ROWP(excludeContacted, K_BOOL, R_NONE, 0, RU_OFF(exclude_contacted),
            CAMP_INBOX_RULES_HAS_EXCLUDE_CONTACTED),
    IB_ROWP(excludeMutuals, K_BOOL, R_NONE, 0, RU_OFF(exclude_mutuals),
            CAMP_INBOX_RULES_HAS_EXCLUDE_MUTUALS),
    IB_ROWP(columnMappings, K_SUB, SUB_COLUMN_MAPPINGS, 0, 0, CAMP_INBOX_RULES_HAS_COLUMN_MAPPINGS),
    IB_ROW(detachBehavior, K_ENUM, E_DETACH, 0, RU_OFF(detach_behavior)),
};

/* E7. `platform` defaults to twitter and "will become required later": the encoder
 * writes it whenever it is set (callers should set it). */
static const ifield_t leads_add_fields[] = {
    IB_ROW(platform, K_ENUM, E_PLATFORM, 0, LA_OFF(platform)),
    IB_ROWP(platformIds, K_SUB, SUB_PLATFORM_IDS, 0, 0, CAMP_INBOX_LEADS_HAS_PLATFORM_IDS),
    IB_ROWP(usernames, K_SUB, SUB_USERNAMES, 0, 0, CAMP_INBOX_LEADS_HAS_USERNAMES),
    IB_ROWP(externalIds, K_SUB, SUB_EXTERNAL_IDS, 0, 0, CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS),
    IB_ROWP(leads, K_SUB, SUB_LEADS, 0, 0, CAMP_INBOX_LEADS_HAS_LEADS),
};

/* A `leads[]` item: exactly one of platformId / username / externalId ("each
 * identified by one of"), optional platform and data. The three identifier
 * members share one hook; `by` says which one it was. */
const ifield_t camp_ib_lead_fields[IB_LEAD_FIELDS] = {
    IB_ROW(platformId, K_SUB, SUB_LEAD_ID, 0, 0),
    IB_ROW(username, K_SUB, SUB_LEAD_ID, 0, 0),
    IB_ROW(externalId, K_SUB, SUB_LEAD_ID, 0, 0),
    IB_ROW(platform, K_ENUM, E_PLATFORM, 0, LD_OFF(platform)),
    IB_ROW(data, K_RAW_OBJ, R_NONE, 0, LD_OFF(data)),
};

/* E8 and E10 are PATCH bodies: the page marks none of their members required, so each
 * is sent only when set and an omitted one is left unchanged by the server. */
static const ifield_t lead_update_fields[] = {
    IB_ROW(data, K_RAW_OBJ, R_NONE, 0, LU_OFF(data)),
    IB_ROW(by, K_ENUM, E_BY, 0, LU_OFF(by)),
    IB_ROW(platform, K_ENUM, E_PLATFORM, 0, LU_OFF(platform)),
};

/* E9: `platform` is "required when by is platformId or username (defaults to
 * twitter)": with a default it can be omitted, so it stays optional. */
static const ifield_t lead_cancel_fields[] = {
    IB_ROW(by, K_ENUM, E_BY, 0, LC_OFF(by)),
    IB_ROW(platform, K_ENUM, E_PLATFORM, 0, LC_OFF(platform)),
};

/* E10: `name` 1..255 when sent; `description` is `string | null` (null clears). */
static const ifield_t column_update_fields[] = {
    IB_ROW(name, K_STR, R_NAME, 0, CU_OFF(name)),
    IB_ROWP(description, K_STR, R_DESC, F_NULL, CU_OFF(description),
            CAMP_INBOX_COLUMN_HAS_DESCRIPTION),
};

/* ---- responses --------------------------------------------------------------------------------- */

static const ifield_t column_fields[] = {
    IB_ROW(id, K_COLID, R_NONE, F_REQ, CO_OFF(id)),
    IB_ROW(name, K_STR, R_NONE, F_REQ, CO_OFF(name)),
    IB_ROW(type, K_RAW, R_NONE, F_REQ | F_NULL, CO_OFF(type)),
    IB_ROW(createdAt, K_TIME, R_NONE, F_REQ, CO_OFF(created_at)),
    IB_ROW(updatedAt, K_TIME, R_NONE, F_REQ | F_NULL, CO_OFF(updated_at)),
    IB_ROWP(description, K_STR, R_NONE, F_NULL, CO_OFF(description),
            CAMP_INBOX_COLUMN_HAS_DESCRIPTION),
};

/* §4, GET /team (the vendor's OpenAPI): every member required, image and updatedAt
 * nullable. */
static const ifield_t team_fields[] = {
    IB_ROW(id, K_ID, R_NONE, F_REQ, TM_OFF(id)),
    IB_ROW(name, K_STR, R_NONE, F_REQ, TM_OFF(name)),
    IB_ROW(slug, K_STR, R_NONE, F_REQ, TM_OFF(slug)),
    IB_ROW(image, K_STR, R_NONE, F_REQ | F_NULL, TM_OFF(image)),
    IB_ROW(createdAt, K_TIME, R_NONE, F_REQ, TM_OFF(created_at)),
    IB_ROW(updatedAt, K_TIME, R_NONE, F_REQ | F_NULL, TM_OFF(updated_at)),
};

static const ifield_t leads_add_result_fields[] = {
    IB_ROW(added, K_I64, R_COUNT, F_REQ, AR_OFF(added)),
    IB_ROW(skipped, K_I64, R_COUNT, F_REQ, AR_OFF(skipped)),
    IB_ROW(failed, K_I64, R_COUNT, F_REQ, AR_OFF(failed)),
};

#undef IB_POOL
#define IB_POOL reply

/* `success` is typed "any" (required); true is the natural value. */
static const ifield_t success_fields[] = {
    IB_ROW(success, K_RAW, R_NONE, F_REQ | F_NULL, SU_OFF(value)),
};

/* D12: error-codes and rate-limits pages nest {code, message, status} under
 * `error`; the authentication pages send a flat {error: "...", message}; the API
 * v2 spec sends {code, message, details, requestId}. All three decode; the form is
 * recorded. Codes are an open set (never enum-checked). */
static const ifield_t nested_error_fields[] = {
    IB_ROW(error, K_SUB, SUB_ERROR, F_REQ, 0),
};

static const ifield_t inner_error_fields[] = {
    IB_ROW(code, K_STR, R_NONE, F_REQ, E_OFF(code)),
    IB_ROW(message, K_STR, R_NONE, F_REQ, E_OFF(message)),
    IB_ROW(status, K_I64, R_HTTP, F_REQ, E_OFF(status)),
};

static const ifield_t flat_error_fields[] = {
    IB_ROW(error, K_STR, R_NONE, F_REQ, E_OFF(code)),
    IB_ROW(message, K_STR, R_NONE, 0, E_OFF(message)),
};

static const ifield_t v2_error_fields[] = {
    IB_ROW(code, K_STR, R_NONE, F_REQ, E_OFF(code)),
    IB_ROW(message, K_STR, R_NONE, F_REQ, E_OFF(message)),
    IB_ROW(requestId, K_STR, R_NONE, 0, E_OFF(request_id)),
};

#undef IB_POOL
#define IB_POOL rest

/* ---- webhooks (§8) --------------------------------------------------------------------------------- */

/* The summary campaign shape (§3.3) the v1 webhooks carry is the campaign table's
 * first rows (N_SUMMARY, below): their names are at the same offsets in the rest
 * pool as in the campaign pool (IB_KEYS_SUMMARY() begins both, inbox_keys.h). The
 * legacy webhook's `data.campaign` is only `{id, name}`: its first two (N_REF). */

/* §8.1: all seven envelope members are required. IDs are only required to be
 * non-empty strings: no pattern is documented for them (D14 shows `team_...`). */
static const ifield_t wh_v1_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(id)),
    IB_ROW(seq, K_I64, R_COUNT, F_REQ, WH_OFF(seq)),
    IB_ROW(teamId, K_STR, R_NONEMPTY, F_REQ, WH_OFF(team_id)),
    IB_ROW(type, K_STR, R_NONEMPTY, F_REQ, WH_OFF(type)),
    IB_ROW(timestamp, K_TIME, R_NONE, F_REQ, WH_OFF(timestamp)),
    IB_ROW(version, K_STR, R_NONEMPTY, F_REQ, WH_OFF(version)),
    IB_ROW(data, K_SUB, SUB_WH_DATA, F_REQ, 0),
};

static const ifield_t wh_legacy_fields[] = {
    IB_ROW(event, K_STR, R_NONEMPTY, F_REQ, WH_OFF(type)),
    IB_ROW(version, K_STR, R_NONEMPTY, F_REQ, WH_OFF(version)),
    IB_ROW(timestamp, K_TIME, R_NONE, F_REQ, WH_OFF(timestamp)),
    IB_ROW(platform, K_ENUM, E_PLATFORM, F_REQ, WH_OFF(platform)),
    IB_ROW(data, K_SUB, SUB_WH_DATA, F_REQ, 0),
};

/* §8.4, the API v2 envelope (SDK only, D15). `object` is the resource the event is
 * about (optional: tolerant on receive); target events carry flat IDs instead of
 * the v1 objects, campaign.* data is undocumented and kept raw. */
static const ifield_t wh_v2_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(id)),
    IB_ROW(seq, K_I64, R_COUNT, F_REQ, WH_OFF(seq)),
    IB_ROW(type, K_STR, R_NONEMPTY, F_REQ, WH_OFF(type)),
    IB_ROW(apiVersion, K_STR, R_NONEMPTY, F_REQ, WH_OFF(version)),
    IB_ROW(createdAt, K_TIME, R_NONE, F_REQ, WH_OFF(timestamp)),
    IB_ROWP(object, K_SUB, SUB_WH_OBJECT, F_NULL, 0, CAMP_INBOX_WEBHOOK_HAS_OBJECT),
    IB_ROW(data, K_SUB, SUB_WH_DATA, F_REQ, 0),
};

static const ifield_t wh_object_fields[] = {
    IB_ROW(type, K_STR, R_NONEMPTY, F_REQ, WH_OFF(object_type)),
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(object_id)),
    IB_ROW(url, K_STR, R_NONE, 0, WH_OFF(object_url)),
};

static const ifield_t wh_v2_target_fields[] = {
    IB_ROW(threadId, K_STR, R_NONEMPTY, 0, WH_OFF(thread_id)),
    IB_ROW(messageId, K_STR, R_NONEMPTY, 0, WH_OFF(message_id)),
    IB_ROW(contactId, K_STR, R_NONEMPTY, 0, WH_OFF(prospect.id)),
    IB_ROWP(stepNumber, K_I64, R_COUNT, 0, WH_OFF(step_number), CAMP_INBOX_WEBHOOK_HAS_STEP_NUMBER),
};

/* campaign.* events: `{campaign}`, the first member of target.* events' `{campaign,
 * thread, message, prospect}` (§8.2). */
static const ifield_t wh_target_data_fields[] = {
    IB_ROW(campaign, K_SUB, SUB_WH_CAMPAIGN, F_REQ, 0),
    IB_ROW(thread, K_SUB, SUB_WH_PART, F_REQ, N_THREAD),
    IB_ROW(message, K_SUB, SUB_WH_PART, F_REQ, N_MESSAGE_PART),
    IB_ROW(prospect, K_SUB, SUB_WH_PART, F_REQ, N_PROSPECT),
};

/* The legacy camelCase format (§8.2): `data` holds team, accountLink, message,
 * external (the prospect), thread and a campaign reference. */
static const ifield_t wh_legacy_data_fields[] = {
    IB_ROW(team, K_SUB, SUB_WH_TEAM, 0, N_TEAM_PART),
    IB_ROW(accountLink, K_SUB, SUB_WH_ACCOUNT_LINK, 0, N_ACCOUNT_LINK),
    IB_ROW(message, K_SUB, SUB_WH_PART, F_REQ, N_LEGACY_MESSAGE),
    IB_ROW(external, K_SUB, SUB_WH_PART, F_REQ, N_PROSPECT),
    IB_ROW(thread, K_SUB, SUB_WH_PART, F_REQ, N_LEGACY_THREAD),
    IB_ROW(campaign, K_SUB, SUB_WH_CAMPAIGN, F_REQ, 0),
};

/* (its first member is the whole legacy thread) */
static const ifield_t thread_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(thread_id)),
    IB_ROW(platformId, K_STR, R_NONE, 0, WH_OFF(thread_platform_id)),
    IB_ROW(accountLinkId, K_ID, R_NONE, 0, WH_OFF(account_link_id)),
};

/* (its first two members are the whole legacy message) */
static const ifield_t message_part_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(message_id)),
    IB_ROW(content, K_STR, R_NONE, 0, WH_OFF(message_content)),
    IB_ROW(createdAt, K_TIME, R_NONE, 0, WH_OFF(message_created_at)),
};

/* Profile data of an external person (display name, username, image) is null or
 * missing on real accounts (deleted, suspended, private): it never rejects an
 * event. The prospect's id stays required. */
static const ifield_t prospect_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, P_OFF(id)),
    IB_ROW(platformId, K_STR, R_NONE, 0, P_OFF(platform_id)),
    IB_ROW(platform, K_ENUM, E_PLATFORM, 0, P_OFF(platform)),
    IB_ROW(displayName, K_STR, R_NONE, F_NULL, P_OFF(display_name)),
    IB_ROW(username, K_STR, R_NONE, F_NULL, P_OFF(username)),
    IB_ROW(image, K_STR, R_NONE, F_NULL, P_OFF(image)),
};

static const ifield_t team_part_fields[] = {
    IB_ROW(id, K_STR, R_NONEMPTY, F_REQ, WH_OFF(team_id)),
};

static const ifield_t account_link_fields[] = {
    IB_ROW(id, K_ID, R_NONE, F_REQ, WH_OFF(account_link_id)),
};

/* §8.5: `{events, hasMore, lastSeq}`, all three required (the events are decoded
 * one by one by camp_inbox_events_next()). */
static const ifield_t events_page_fields[] = {
    IB_ROW(hasMore, K_BOOL, R_NONE, F_REQ, EP_OFF(has_more)),
};

#undef IB_POOL

/* ---- nodes ------------------------------------------------------------------------------------------ */

#define NODE(T)                                                                                    \
    {                                                                                              \
        T, COUNT(T), 0, 0                                                                          \
    }
/* The first N members of table T: an object whose members are another's first ones
 * (in the same pool) shares its rows. */
#define NODE_FIRST(T, N)                                                                           \
    {                                                                                              \
        T, (uint8_t)((N) + (0u * sizeof(char[((N) <= COUNT(T)) ? 1 : -1]))), 0, 0                  \
    }
#define NODE_P(T, S, M, W)                                                                         \
    {                                                                                              \
        T, COUNT(T), W, (uint16_t)offsetof(S, M)                                                   \
    }

/* Each family's nodes, indexed from its first id (see enum inode_id). */
#define CAMPAIGN_NODES                                                                             \
    [N_CAMPAIGN -                                                                                  \
        N_CAMPAIGN] = NODE_P(campaign_fields, camp_inbox_campaign_t, present, 4),                  \
        [N_SEQUENCE - N_CAMPAIGN] = NODE(sequence_fields),                                         \
        [N_WINDOW - N_CAMPAIGN] = NODE(window_fields),                                             \
        [N_RULES - N_CAMPAIGN] = NODE(rules_fields),                                               \
        [N_V2_LIST - N_CAMPAIGN] = NODE_P(v2_list_fields, camp_inbox_list_t, present, 1),          \
        [N_LEGACY_LIST - N_CAMPAIGN] = NODE_P(legacy_list_fields, camp_inbox_list_t, present, 1),  \
        [N_AUTOMATION - N_CAMPAIGN] =                                                              \
            NODE_P(automation_fields, camp_inbox_automation_t, present, 1),                        \
        [N_ACTION_DATA - N_CAMPAIGN] = NODE(action_data_fields),                                   \
        [N_VARIABLE - N_CAMPAIGN] = NODE_P(variable_fields, camp_inbox_variable_t, present, 1),    \
        [N_STEP - N_CAMPAIGN] = NODE_P(step_fields, camp_inbox_step_t, present, 1),                \
        [N_MESSAGE - N_CAMPAIGN] = NODE(message_fields),                                           \
        [N_DELAY - N_CAMPAIGN] = NODE(delay_fields),                                               \
        [N_SEG_STATIC - N_CAMPAIGN] = NODE(static_fields),                                         \
        [N_SEG_VARIABLE - N_CAMPAIGN] = NODE(variable_segment_fields),                             \
        [N_SEG_VARIATION - N_CAMPAIGN] = NODE(variation_fields)

const inode_t camp_ib_campaign_nodes[IB_CAMPAIGN_NODES] = {CAMPAIGN_NODES};
const inode_t camp_ib_page_nodes[IB_PAGE_NODES] = {
    CAMPAIGN_NODES,
    [N_PAGE - N_CAMPAIGN] = NODE(page_fields),
    [N_CURSOR - N_CAMPAIGN] = NODE(cursor_fields),
};
const inode_t camp_ib_rules_nodes[IB_RULES_NODES] = {
    [N_CREATE - N_CREATE] = NODE_P(create_fields, camp_inbox_campaign_create_t, present, 4),
    [N_RULES_UPDATE - N_CREATE] =
        NODE_P(rules_update_fields, camp_inbox_rules_update_t, present, 4),
};
const inode_t camp_ib_leads_nodes[IB_LEADS_NODES] = {
    [N_LEADS_ADD - N_LEADS_ADD] = NODE_P(leads_add_fields, camp_inbox_leads_add_t, present, 4),
    [N_LEAD - N_LEADS_ADD] = NODE(camp_ib_lead_fields),
};
const inode_t camp_ib_error_nodes[IB_ERROR_NODES] = {
    /* N_ERROR is replaced by its form's node when it opens */
    [N_ERROR - N_ERROR] = NODE(flat_error_fields),
    [N_ERROR_NESTED - N_ERROR] = NODE(nested_error_fields),
    [N_ERROR_INNER - N_ERROR] = NODE(inner_error_fields),
    [N_ERROR_FLAT - N_ERROR] = NODE(flat_error_fields),
    [N_ERROR_V2 - N_ERROR] = NODE(v2_error_fields),
};
const inode_t camp_ib_webhook_nodes[IB_WEBHOOK_NODES] = {
    /* N_WEBHOOK is replaced by its format's node when it opens */
    [N_WEBHOOK - N_WEBHOOK] = NODE(wh_v1_fields),
    [N_SUMMARY - N_WEBHOOK] = NODE_FIRST(campaign_fields, SUMMARY_COUNT),
    [N_REF - N_WEBHOOK] = NODE_FIRST(campaign_fields, 2),
    [N_WH_V1 - N_WEBHOOK] = NODE(wh_v1_fields),
    [N_WH_LEGACY - N_WEBHOOK] = NODE(wh_legacy_fields),
    [N_WH_V2 - N_WEBHOOK] = NODE_P(wh_v2_fields, camp_inbox_webhook_t, present, 1),
    [N_WH_OBJECT - N_WEBHOOK] = NODE(wh_object_fields),
    [N_WH_CAMPAIGN_DATA - N_WEBHOOK] = NODE_FIRST(wh_target_data_fields, 1),
    [N_WH_TARGET_DATA - N_WEBHOOK] = NODE(wh_target_data_fields),
    [N_WH_LEGACY_DATA - N_WEBHOOK] = NODE(wh_legacy_data_fields),
    [N_WH_V2_TARGET - N_WEBHOOK] = NODE_P(wh_v2_target_fields, camp_inbox_webhook_t, present, 1),
    [N_THREAD - N_WEBHOOK] = NODE(thread_fields),
    [N_MESSAGE_PART - N_WEBHOOK] = NODE(message_part_fields),
    [N_PROSPECT - N_WEBHOOK] = NODE(prospect_fields),
    [N_TEAM_PART - N_WEBHOOK] = NODE(team_part_fields),
    [N_ACCOUNT_LINK - N_WEBHOOK] = NODE(account_link_fields),
    [N_LEGACY_THREAD - N_WEBHOOK] = NODE_FIRST(thread_fields, 1),
    [N_LEGACY_MESSAGE - N_WEBHOOK] = NODE_FIRST(message_part_fields, 2),
};
const inode_t camp_ib_success_node = NODE(success_fields);
const inode_t camp_ib_leads_add_result_node = NODE(leads_add_result_fields);
const inode_t camp_ib_lead_update_node = NODE(lead_update_fields);
const inode_t camp_ib_lead_cancel_node = NODE(lead_cancel_fields);
const inode_t camp_ib_column_update_node =
    NODE_P(column_update_fields, camp_inbox_column_update_t, present, 4);
const inode_t camp_ib_column_node = NODE_P(column_fields, camp_inbox_column_t, present, 4);
const inode_t camp_ib_team_node = NODE(team_fields);
const inode_t camp_ib_events_page_node = NODE(events_page_fields);
