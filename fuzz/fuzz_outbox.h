/**
 * @file fuzz_outbox.h
 * @brief fuzz_doc.h operations for the Outbox document types. Outbox has no
 * struct equality function, so the round trip compares encodings:
 * encode(decode(encode(x))) must equal encode(x) byte for byte.
 */
#ifndef FUZZ_OUTBOX_H
#define FUZZ_OUTBOX_H

#include "fuzz_doc.h"

#include "camp/camp_outbox.h"
#include "camp/camp_schedule.h"
#include "camp/camp_validate.h"

/* One set of thunks per type: the ops table takes void pointers. CHECK is a
 * function (const void *) with the type's documented ranges, or NULL. */
#define FUZZ_OUTBOX_OPS(NAME, T, CHECK)                                                            \
    static camp_status_t fuzz_ob_##NAME##_dec(camp_json_doc_t *doc, void *out, camp_diag_t *d)     \
    {                                                                                              \
        return camp_outbox_##NAME##_decode(doc, 0, (T *)out, d);                                   \
    }                                                                                              \
    static camp_status_t fuzz_ob_##NAME##_val(const void *obj, camp_diag_t *d)                     \
    {                                                                                              \
        return camp_outbox_##NAME##_validate((const T *)obj, d);                                   \
    }                                                                                              \
    static camp_status_t fuzz_ob_##NAME##_enc(const void *obj, char *buf, size_t cap,              \
                                              size_t *out_len, camp_diag_t *d)                     \
    {                                                                                              \
        return camp_outbox_##NAME##_encode((const T *)obj, buf, cap, out_len, d);                  \
    }                                                                                              \
    static const fuzz_doc_ops_t fuzz_ob_##NAME = {                                                 \
        #NAME, sizeof(T), fuzz_ob_##NAME##_dec, fuzz_ob_##NAME##_val, fuzz_ob_##NAME##_enc, NULL,  \
        false, CHECK};

static inline void fuzz_ob_uuid(camp_str_t s, const char *what)
{
    FUZZ_CHECK(camp_valid_uuid(s.ptr, s.len), what);
}

/* A nullable member: decoded with a value only when its presence bit (@p has) is set. */
static inline void fuzz_ob_opt_uuid(bool has, const camp_str_t *s, const char *what)
{
    FUZZ_CHECK(has || s->ptr == NULL, "a nullable member without its presence bit has no value");
    if (s->ptr != NULL) {
        fuzz_ob_uuid(*s, what);
    }
}

static inline void fuzz_ob_opt_time(bool has, const camp_str_t *s)
{
    FUZZ_CHECK(has || s->ptr == NULL, "a nullable member without its presence bit has no value");
    if (s->ptr != NULL) {
        FUZZ_CHECK(camp_datetime_parse(s->ptr, s->len, NULL) == CAMP_OK,
                   "a decoded date-time parses");
    }
}

#endif /* FUZZ_OUTBOX_H */
