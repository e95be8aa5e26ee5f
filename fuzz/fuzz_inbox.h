/**
 * @file fuzz_inbox.h
 * @brief fuzz_doc.h operations for the InboxApp document types (generic API).
 */
#ifndef FUZZ_INBOX_H
#define FUZZ_INBOX_H

#include "fuzz_doc.h"

#include "camp/camp_inbox.h"

static camp_inbox_type_t fuzz_inbox_type; /* harness state: the type under test */
/* Optional per-type range checks a target sets before fuzz_inbox_run(). */
static void (*fuzz_inbox_check)(camp_inbox_type_t type, const void *obj);

static void fuzz_inbox_check_thunk(const void *obj)
{
    if (fuzz_inbox_check != NULL) {
        fuzz_inbox_check(fuzz_inbox_type, obj);
    }
}

static camp_status_t fuzz_inbox_decode(camp_json_doc_t *doc, void *out, camp_diag_t *d)
{
    return camp_inbox_decode(fuzz_inbox_type, doc, 0, out, camp_inbox_type_size(fuzz_inbox_type),
                             d);
}

static camp_status_t fuzz_inbox_validate(const void *obj, camp_diag_t *d)
{
    return camp_inbox_validate(fuzz_inbox_type, obj, d);
}

static camp_status_t fuzz_inbox_encode(const void *obj, char *buf, size_t cap, size_t *out_len,
                                       camp_diag_t *d)
{
    return camp_inbox_encode(fuzz_inbox_type, obj, buf, cap, out_len, d);
}

static bool fuzz_inbox_equal(const void *a, const void *b)
{
    return camp_inbox_equal(fuzz_inbox_type, a, b);
}

/** Decode, validate and round-trip @p data as each type of @p types. */
static inline void fuzz_inbox_run(const camp_inbox_type_t *types, size_t n, const uint8_t *data,
                                  size_t size)
{
    for (size_t i = 0; i < n; i++) {
        fuzz_inbox_type = types[i];
        fuzz_doc_ops_t ops = {camp_inbox_type_name(types[i]),
                              camp_inbox_type_size(types[i]),
                              fuzz_inbox_decode,
                              fuzz_inbox_validate,
                              fuzz_inbox_encode,
                              fuzz_inbox_equal,
                              true,
                              fuzz_inbox_check_thunk};
        FUZZ_CHECK(ops.size > 0, "known type has a struct size");
        fuzz_doc_run(&ops, data, size);
    }
}

#endif /* FUZZ_INBOX_H */
