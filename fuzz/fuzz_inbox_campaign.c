/*
 * Fuzz target: InboxApp campaign object (v2 and legacy shapes, detected from
 * the fields) and the campaign list page: decode + validate, encode round trip.
 * FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h (strict check gates decoding, views inside the
 * input, decoded struct validates, decode -> encode -> decode is equal).
 */
#include "fuzz_inbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {CAMP_INBOX_CAMPAIGN, CAMP_INBOX_CAMPAIGN_PAGE};
    fuzz_inbox_run(types, sizeof types / sizeof types[0], data, size);
    return 0;
}
