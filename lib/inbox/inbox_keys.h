/* Private to the model engine (lib/inbox, lib/outbox): the member names of its
 * tables, in four pools: three for InboxApp, one for Outbox.
 *
 * A table row names its key by its offset in its pool and its length (ifield_t's
 * `key` and `key_len`, IB_ROW()), three bytes instead of an inline array as long as the
 * longest name; each name is in a pool once however many of its tables list it. A
 * pool is a struct of char arrays, so a name's offset is a constant expression
 * (offsetof) the const tables can hold, and a name missing from a pool, or listed
 * twice, does not compile.
 *
 * The campaign pool holds the names of what a device that reads and drives
 * campaigns decodes (campaigns, pages, sequences); the reply pool those of the
 * error and success replies, which a program that only reads campaigns does not
 * link; the rest pool those of the request bodies, webhooks and the remaining
 * InboxApp documents (names two use are in both); the outbox pool the Outbox names.
 *
 * Where the code is optimized for size, the pools are four objects and each
 * family names its own (ifamily_t::keys): a program links the pools of the
 * families it calls, and one that reads campaigns links none of the others.
 * Where speed is wanted (IB_ONE_KEY_POOL, with the engine's speed paths), the
 * four are one object and a key's offset counts from its start: the member
 * lookup adds a link-time constant instead of loading the family's pool (a load
 * per key, and a register kept over the member walk that the bench showed costs
 * more than the load). */
#ifndef CAMP_INBOX_KEYS_H
#define CAMP_INBOX_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "json/json_token.h"

#define IB_ONE_KEY_POOL CAMP_ENGINE_FAST_PATHS

/* clang-format off */
/* The summary campaign's names (§3.3), first in the campaign and rest pools alike: at
 * the same offsets in both, so that one table's rows serve the campaign and the
 * webhooks' summary (inbox_schema.c). */
#define IB_KEYS_SUMMARY(X) X(id) X(name) X(description) X(status) X(dryRun) X(targetsCount)        \
    X(contactedCount) X(repliesCount) X(completionRate) X(replyRate) X(createdAt) X(updatedAt)     \
    X(pausedAt) X(completedAt) X(lastStartedAt)
#define IB_KEYS_CAMPAIGN(X) IB_KEYS_SUMMARY(X) X(enabled) X(hourlyMessageRate)                     \
    X(scheduleTimezone) X(scheduleHours) X(isBuildingPlan) X(isSyncing) X(scopeAssessedCount)      \
    X(accountLinkIds) X(rules) X(sequence) X(automations) X(type) X(estimatedTargets)              \
    X(isHydrating) X(customVariables) X(steps) X(lists) X(start) X(end) X(syncedLists)             \
    X(excludedLists) X(excludeContacted) X(excludeMutuals) X(listId) X(listName) X(columnMapping)  \
    X(exclude) X(trigger) X(action) X(actionData) X(statusId) X(displayName) X(campaigns)          \
    X(nextCursor) X(timestamp) X(rank) X(data) X(campaignVersion) X(segments) X(delaySeconds)      \
    X(unit) X(text) X(fallback) X(options) X(version)
#define IB_KEYS_REPLY(X) X(success) X(error) X(code) X(message) X(status) X(requestId)
#define IB_KEYS_REST(X) IB_KEYS_SUMMARY(X) X(scheduleTimezone) X(accountLinkIds) X(rules)          \
    X(type) X(excludeContacted) X(excludeMutuals) X(displayName) X(timestamp) X(data) X(version)   \
    X(syncedListIds) X(excludedListIds) X(columnMappings) X(detachBehavior) X(platform)            \
    X(platformIds) X(usernames) X(externalIds) X(leads) X(platformId) X(username) X(externalId)    \
    X(by) X(slug) X(image) X(added) X(skipped) X(failed) X(message) X(seq) X(teamId) X(event)      \
    X(apiVersion) X(object) X(url) X(threadId) X(messageId) X(contactId) X(stepNumber)             \
    X(campaign) X(thread) X(prospect) X(team) X(accountLink) X(external) X(accountLinkId)          \
    X(content) X(hasMore)
/* Outbox (lib/outbox/outbox_models.c) */
#define IB_KEYS_OUTBOX(X) X(id) X(updated_at) X(campaign) X(step_order) X(subject) X(body_html)    \
    X(body_text) X(delay_minutes) X(is_active) X(created_at) X(steps) X(sender_identities)         \
    X(sent_count) X(unique_opens) X(unique_clicks) X(replies) X(name) X(company)                   \
    X(sender_identity_ids) X(status) X(description) X(timezone) X(allowed_windows)                 \
    X(stop_on_reply) X(is_deleted) X(workflow) X(created_by) X(responder_agent) X(from_email)      \
    X(from_name) X(verification_mode) X(reply_to_email) X(use_default_reply_to)                    \
    X(provider_sender_id) X(verification_details) X(is_default) X(verified_at) X(connection)       \
    X(domain) X(email) X(phone) X(tags) X(last_activity) X(results) X(total)
/* clang-format on */

#define IB_KEY_SLOT(k) char k_##k[sizeof #k];
/* (end: a plain last member, so that code scanners (pmccabe) read the struct whole) */
typedef struct ib_campaign_keys {
    IB_KEYS_CAMPAIGN(IB_KEY_SLOT)
    char end;
} ib_campaign_keys_t;
typedef struct ib_reply_keys {
    IB_KEYS_REPLY(IB_KEY_SLOT)
    char end;
} ib_reply_keys_t;
typedef struct ib_rest_keys {
    IB_KEYS_REST(IB_KEY_SLOT)
    char end;
} ib_rest_keys_t;
typedef struct ib_outbox_keys {
    IB_KEYS_OUTBOX(IB_KEY_SLOT)
    char end;
} ib_outbox_keys_t;
#define IB_KEY_TEXT(k) {#k},
/* A pool's initialiser. */
#define IB_KEY_POOL(LIST)                                                                          \
    {                                                                                              \
        LIST(IB_KEY_TEXT) 0                                                                        \
    }

/* The pools, defined in inbox_schema.c (as one object, or the InboxApp ones) and
 * outbox_models.c (the Outbox one, when apart). IB_KEY_OFFSET(P, k): the offset of
 * name k of pool P (`campaign`, `reply`, `rest` or `outbox`) as a table row holds it. */
#if IB_ONE_KEY_POOL
typedef struct ib_key_pools {
    ib_campaign_keys_t campaign;
    ib_rest_keys_t rest;
    ib_outbox_keys_t outbox;
    ib_reply_keys_t reply;
} ib_key_pools_t;
extern const ib_key_pools_t camp_ib_key_pools;
#define IB_KEY_OFFSET(P, k) offsetof(ib_key_pools_t, P.k_##k)
#else
extern const ib_campaign_keys_t camp_ib_campaign_keys;
extern const ib_reply_keys_t camp_ib_reply_keys;
extern const ib_rest_keys_t camp_ib_rest_keys;
extern const ib_outbox_keys_t camp_ib_outbox_keys;
#define IB_KEY_OFFSET(P, k) offsetof(ib_##P##_keys_t, k_##k)
#endif

#endif
