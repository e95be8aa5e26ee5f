/*
 * Fuzz target: Outbox sender identity, its create body (e-mail syntax) and the
 * contacts list page: decode + validate, encode round trip. FUZZ_DICT: outbox
 * Invariants: see fuzz_doc.h, plus the documented ranges: canonical UUIDs,
 * from_email a valid address of 1..255 bytes, contacts and tags within
 * capacity, total in 0..2^53-1.
 */
#include "fuzz_outbox.h"

static void check_sender(const void *obj)
{
    const camp_outbox_sender_t *s = (const camp_outbox_sender_t *)obj;
    fuzz_ob_uuid(s->id, "id is a UUID");
    fuzz_ob_uuid(s->company, "company is a UUID");
    FUZZ_CHECK(camp_valid_email(s->from_email.ptr, s->from_email.len), "from_email is an address");
    fuzz_ob_opt_uuid((s->present & CAMP_OUTBOX_SENDER_HAS_CONNECTION) != 0u, &s->connection,
                     "connection is a UUID");
    fuzz_ob_opt_uuid((s->present & CAMP_OUTBOX_SENDER_HAS_DOMAIN) != 0u, &s->domain,
                     "domain is a UUID");
    fuzz_ob_opt_time((s->present & CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT) != 0u, &s->verified_at);
    fuzz_ob_opt_time((s->present & CAMP_OUTBOX_SENDER_HAS_CREATED_AT) != 0u, &s->created_at);
    fuzz_ob_opt_time((s->present & CAMP_OUTBOX_SENDER_HAS_UPDATED_AT) != 0u, &s->updated_at);
}

static void check_sender_create(const void *obj)
{
    const camp_outbox_sender_create_t *s = (const camp_outbox_sender_create_t *)obj;
    fuzz_ob_uuid(s->company, "company is a UUID");
    FUZZ_CHECK(camp_valid_email(s->from_email.ptr, s->from_email.len), "from_email is an address");
}

static void check_page(const void *obj)
{
    const camp_outbox_contacts_page_t *p = (const camp_outbox_contacts_page_t *)obj;
    FUZZ_CHECK(p->count <= CAMP_MAX_CONTACTS, "contacts within capacity");
    FUZZ_CHECK(p->total >= 0 && p->total <= CAMP_MAX_SAFE_INT, "total in 0..2^53-1");
    for (size_t i = 0; i < p->count; i++) {
        fuzz_ob_uuid(p->results[i].id, "contact id is a UUID");
        FUZZ_CHECK(p->results[i].tags.count <= CAMP_MAX_CONTACT_TAGS, "tags within capacity");
        fuzz_ob_opt_time((p->results[i].present & CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY) != 0u,
                         &p->results[i].last_activity);
        fuzz_ob_opt_time((p->results[i].present & CAMP_OUTBOX_CONTACT_HAS_CREATED_AT) != 0u,
                         &p->results[i].created_at);
    }
}

FUZZ_OUTBOX_OPS(sender, camp_outbox_sender_t, check_sender)
FUZZ_OUTBOX_OPS(sender_create, camp_outbox_sender_create_t, check_sender_create)
FUZZ_OUTBOX_OPS(contacts_page, camp_outbox_contacts_page_t, check_page)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_doc_run(&fuzz_ob_sender, data, size);
    fuzz_doc_run(&fuzz_ob_sender_create, data, size);
    fuzz_doc_run(&fuzz_ob_contacts_page, data, size);
    return 0;
}
