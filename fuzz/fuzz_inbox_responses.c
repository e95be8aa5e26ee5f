/*
 * Fuzz target: the InboxApp response bodies other than campaigns and errors:
 * sequence, add-leads result, column, success. FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h.
 */
#include "fuzz_inbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {CAMP_INBOX_SEQUENCE, CAMP_INBOX_LEADS_ADD_RESULT,
                                              CAMP_INBOX_COLUMN, CAMP_INBOX_SUCCESS};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        FUZZ_CHECK(!camp_inbox_type_is_request(types[i]), "response types are not requests");
    }
    fuzz_inbox_run(types, sizeof types / sizeof types[0], data, size);
    return 0;
}
