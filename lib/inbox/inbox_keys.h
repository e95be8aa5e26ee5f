/* Private to lib/inbox: every member name of the InboxApp tables, stored once.
 *
 * A table row names its key by its offset in this pool and its length (ifield_t's
 * `key` and `key_len`), three bytes instead of an inline array as long as the
 * longest name; each name is in the pool once however many tables list it. The
 * pool is a struct of char arrays, so a name's offset is a constant expression
 * (offsetof) the const tables can hold, and a name missing from the list, or
 * listed twice, does not compile. */
#ifndef CAMP_INBOX_KEYS_H
#define CAMP_INBOX_KEYS_H

#include <stddef.h>
#include <stdint.h>

/* clang-format off */
#define IB_KEY_LIST(X) X(id) X(name) X(description) X(status) X(dryRun) X(targetsCount)            \
    X(contactedCount) X(repliesCount) X(completionRate) X(replyRate) X(createdAt) X(updatedAt)     \
    X(pausedAt) X(completedAt) X(lastStartedAt) X(enabled) X(hourlyMessageRate)                    \
    X(scheduleTimezone) X(scheduleHours) X(isBuildingPlan) X(isSyncing) X(scopeAssessedCount)      \
    X(accountLinkIds) X(rules) X(sequence) X(automations) X(type) X(estimatedTargets)              \
    X(isHydrating) X(customVariables) X(steps) X(lists) X(start) X(end) X(syncedLists)             \
    X(excludedLists) X(excludeContacted) X(excludeMutuals) X(listId) X(listName)                   \
    X(columnMapping) X(exclude) X(trigger) X(action) X(actionData) X(statusId) X(displayName)      \
    X(campaigns) X(nextCursor) X(timestamp) X(rank) X(data) X(campaignVersion) X(segments)         \
    X(delaySeconds) X(unit) X(text) X(fallback) X(options) X(version) X(syncedListIds)             \
    X(excludedListIds) X(columnMappings) X(detachBehavior) X(platform) X(platformIds)              \
    X(usernames) X(externalIds) X(leads) X(platformId) X(username) X(externalId) X(by) X(slug)     \
    X(image) X(added) X(skipped) X(failed) X(success) X(error) X(code) X(message) X(requestId)     \
    X(seq) X(teamId) X(event) X(apiVersion) X(object) X(url) X(threadId) X(messageId)              \
    X(contactId) X(stepNumber) X(campaign) X(thread) X(prospect) X(team) X(accountLink)            \
    X(external) X(accountLinkId) X(content) X(hasMore)
/* clang-format on */

#define IB_KEY_SLOT(k) char k_##k[sizeof #k];
typedef struct ib_key_pool {
    IB_KEY_LIST(IB_KEY_SLOT)
    char end; /* a plain last member: code scanners (pmccabe) read the struct whole */
} ib_key_pool_t;

/* Defined in inbox_schema.c. */
extern const ib_key_pool_t camp_ib_keys;

/* The `key, key_len` initialisers of a table row for member name @p k. */
#define IB_KEY(k) (uint16_t) offsetof(ib_key_pool_t, k_##k), (uint8_t)(sizeof #k - 1u)

#endif
