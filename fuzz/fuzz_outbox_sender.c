/*
 * Fuzz target: Outbox sender identity, its create body (e-mail syntax) and the
 * contacts list page: decode + validate, encode round trip. FUZZ_DICT: outbox
 * Invariants: see fuzz_doc.h.
 */
#include "fuzz_outbox.h"

FUZZ_OUTBOX_OPS(sender, camp_outbox_sender_t)
FUZZ_OUTBOX_OPS(sender_create, camp_outbox_sender_create_t)
FUZZ_OUTBOX_OPS(contacts_page, camp_outbox_contacts_page_t)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_doc_run(&fuzz_ob_sender, data, size);
    fuzz_doc_run(&fuzz_ob_sender_create, data, size);
    fuzz_doc_run(&fuzz_ob_contacts_page, data, size);
    return 0;
}
