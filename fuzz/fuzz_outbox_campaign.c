/*
 * Fuzz target: Outbox email campaign object and its create body: decode +
 * validate (UUIDs, lengths in characters, string counters, nullable members,
 * opaque allowed_windows), encode round trip. FUZZ_DICT: outbox
 * Invariants: see fuzz_doc.h.
 */
#include "fuzz_outbox.h"

FUZZ_OUTBOX_OPS(campaign, camp_outbox_campaign_t)
FUZZ_OUTBOX_OPS(campaign_create, camp_outbox_campaign_create_t)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_doc_run(&fuzz_ob_campaign, data, size);
    fuzz_doc_run(&fuzz_ob_campaign_create, data, size);
    return 0;
}
