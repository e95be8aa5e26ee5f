/*
 * Fuzz target: every InboxApp request body (create campaign, update sequence,
 * update lead rules, add leads, update lead, cancel lead, update column); each
 * input is decoded as each of them. FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h, in particular the writer round trip
 * decode -> encode -> decode gives an equal struct and the same bytes again.
 */
#include "fuzz_inbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {
        CAMP_INBOX_CAMPAIGN_CREATE, CAMP_INBOX_SEQUENCE_UPDATE, CAMP_INBOX_RULES_UPDATE,
        CAMP_INBOX_LEADS_ADD,       CAMP_INBOX_LEAD_UPDATE,     CAMP_INBOX_LEAD_CANCEL,
        CAMP_INBOX_COLUMN_UPDATE};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        FUZZ_CHECK(camp_inbox_type_is_request(types[i]), "request types are requests");
    }
    fuzz_inbox_run(types, sizeof types / sizeof types[0], data, size);
    return 0;
}
