/*
 * Fuzz target: the InboxApp error body, both documented shapes (nested
 * `{"error":{code,message,status}}` and flat). FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h.
 */
#include "fuzz_inbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {CAMP_INBOX_ERROR};
    fuzz_inbox_run(types, 1, data, size);
    return 0;
}
