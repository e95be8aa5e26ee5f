/*
 * Fuzz target: the InboxApp webhook event (envelope, campaign.* and target.*
 * payloads, legacy camelCase format): decode + validate + round trip.
 * FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h.
 */
#include "fuzz_inbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {CAMP_INBOX_WEBHOOK};
    fuzz_inbox_run(types, 1, data, size);
    return 0;
}
