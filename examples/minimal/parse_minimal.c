/* The shortest way to use libcamp: decode an InboxApp campaign from a buffer.
 * Nothing is allocated: the tokens and the decoded struct are caller storage,
 * and the strings in the struct point into `json` (keep it alive while you use
 * them). Build: cc parse_minimal.c -Iinclude build/lib/libcamp.a */
#include <stdio.h>
#include <string.h>

#include "camp/camp_inbox.h"

static char json[] =
    "{\"id\":\"usdjpdql3f90seqk13rwuo7z\",\"name\":\"Q1 SaaS founders outreach\","
    "\"description\":null,\"status\":\"active\",\"dryRun\":false,\"targetsCount\":4723,"
    "\"contactedCount\":2361,\"repliesCount\":118,\"completionRate\":0.5,\"replyRate\":0.05,"
    "\"createdAt\":\"2025-04-02T13:44:10.000Z\",\"updatedAt\":\"2025-04-28T14:11:10.000Z\","
    "\"pausedAt\":null,\"completedAt\":null,\"lastStartedAt\":\"2025-04-02T13:45:00.000Z\"}";

int main(void)
{
    static camp_inbox_campaign_t campaign; /* ~4.3 KB with the default capacities */
    static camp_json_token_t tokens[64];
    camp_diag_t diag;
    const camp_inbox_campaign_summary_t *c = &campaign.base;

    /* the type-specific call links only the campaign decoder */
    if (camp_inbox_campaign_parse(json, strlen(json), tokens, 64, &campaign, &diag) != CAMP_OK) {
        char why[160];
        camp_diag_format(&diag, why, sizeof why); /* e.g. "$.replyRate: must be a number in 0..1" */
        printf("invalid campaign: %s\n", why);
        return 1;
    }
    /* Rates are fixed point: millionths (0.05 -> 50000). */
    printf("%.*s: %lld of %lld contacted, %lld replies (%u.%u%%)\n", (int)c->name.len, c->name.ptr,
           (long long)c->contacted_count, (long long)c->targets_count, (long long)c->replies_count,
           (unsigned)(c->reply_rate / 10000u), (unsigned)(c->reply_rate % 10000u / 1000u));
    return 0;
}
