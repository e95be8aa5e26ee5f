/* decode-only: decode and validate one InboxApp campaign (the GET response,
 * fixtures/inboxapp-campaign-get-response.json, compiled in as fw_campaign) from
 * a buffer, through the campaign's own entry point. */
#include <string.h>

#include "camp/camp_inbox.h"
#include "fw.h"
#include "fw_fixture.h"

const char fw_name[] = "decode-only";

static char text[sizeof fw_campaign];
static camp_json_token_t tokens[256];
static camp_inbox_campaign_t campaign;
static camp_diag_t diag;

int fw_run(void)
{
    memcpy(text, fw_campaign, sizeof text);
    if (camp_inbox_campaign_parse(text, sizeof text - 1u, tokens, 256, &campaign, &diag) !=
        CAMP_OK) {
        return 1;
    }
    if (campaign.schedule_timezone.len != 16 ||
        memcmp(campaign.schedule_timezone.ptr, "America/New_York", 16) != 0) {
        return 2;
    }
    if (!campaign.schedule_hours.day[1].has_window || campaign.schedule_hours.day[1].start != 540 ||
        campaign.schedule_hours.day[0].has_window) {
        return 3;
    }
    return 0;
}
