/*
 * Fuzz target: Outbox email campaign object and its create body: decode +
 * validate (UUIDs, lengths in characters, string counters, nullable members,
 * opaque allowed_windows), encode round trip. FUZZ_DICT: outbox
 * Invariants: see fuzz_doc.h, plus the documented ranges of a decoded
 * campaign: canonical UUIDs, counters >= 0, name <= 255 characters, timezone
 * <= 64 characters and an IANA name by syntax, steps and sender IDs within capacity,
 * step_order / delay_minutes in 0..2^31-1, date-times that parse.
 */
#include "fuzz_outbox.h"

static void check_timezone(const char *p, size_t n)
{
    long chars = camp_utf8_chars(p, n);
    FUZZ_CHECK(chars >= 0 && chars <= CAMP_OUTBOX_TIMEZONE_MAX, "timezone <= 64 characters");
    FUZZ_CHECK(camp_valid_tz_name(p, n), "timezone is an IANA name by syntax");
}

static void check_ids(const camp_outbox_uuid_list_t *l)
{
    FUZZ_CHECK(l->count <= CAMP_MAX_SENDER_IDS, "sender IDs within capacity");
    for (size_t i = 0; i < l->count; i++) {
        fuzz_ob_uuid(l->items[i], "sender identity ID is a UUID");
    }
}

static void check_campaign(const void *obj)
{
    const camp_outbox_campaign_t *c = (const camp_outbox_campaign_t *)obj;
    fuzz_ob_uuid(c->id, "id is a UUID");
    fuzz_ob_uuid(c->company, "company is a UUID");
    FUZZ_CHECK(c->sent_count >= 0 && c->unique_opens >= 0 && c->unique_clicks >= 0 &&
                   c->replies >= 0,
               "counters are non-negative");
    long chars = camp_utf8_chars(c->name.ptr, c->name.len);
    FUZZ_CHECK(chars >= 0 && chars <= CAMP_OUTBOX_NAME_MAX, "name <= 255 characters");
    FUZZ_CHECK(camp_datetime_parse(c->updated_at.ptr, c->updated_at.len, NULL) == CAMP_OK,
               "updated_at parses");
    FUZZ_CHECK(c->step_count <= CAMP_MAX_EMAIL_STEPS, "steps within capacity");
    for (size_t i = 0; i < c->step_count; i++) {
        const camp_outbox_step_t *s = &c->steps[i];
        FUZZ_CHECK((s->present & CAMP_OUTBOX_STEP_HAS_STEP_ORDER) == 0u ||
                       (s->step_order >= 0 && s->step_order <= CAMP_OUTBOX_INT32_MAX),
                   "step_order in 0..2^31-1");
        FUZZ_CHECK((s->present & CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES) == 0u ||
                       (s->delay_minutes >= 0 && s->delay_minutes <= CAMP_OUTBOX_INT32_MAX),
                   "delay_minutes in 0..2^31-1");
    }
    check_ids(&c->sender_identity_ids);
    if (c->timezone.ptr != NULL) {
        FUZZ_CHECK((c->present & CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE) != 0u,
                   "a decoded timezone has its presence bit");
        check_timezone(c->timezone.ptr, c->timezone.len);
    }
    fuzz_ob_opt_time((c->present & CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT) != 0u, &c->created_at);
    fuzz_ob_opt_uuid((c->present & CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW) != 0u, &c->workflow,
                     "workflow is a UUID");
    fuzz_ob_opt_uuid((c->present & CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY) != 0u, &c->created_by,
                     "created_by is a UUID");
    fuzz_ob_opt_uuid((c->present & CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT) != 0u,
                     &c->responder_agent, "responder_agent is a UUID");
    if (c->allowed_windows.ptr != NULL) {
        FUZZ_CHECK(camp_json_check(c->allowed_windows.ptr, c->allowed_windows.len,
                                   CAMP_JSON_MAX_DEPTH, NULL) == CAMP_OK,
                   "allowed_windows is a well-formed raw JSON value");
    }
}

static void check_create(const void *obj)
{
    const camp_outbox_campaign_create_t *c = (const camp_outbox_campaign_create_t *)obj;
    long chars = camp_utf8_chars(c->name.ptr, c->name.len);
    FUZZ_CHECK(chars >= 1 && chars <= CAMP_OUTBOX_NAME_MAX, "name 1..255 characters");
    fuzz_ob_uuid(c->company, "company is a UUID");
    check_ids(&c->sender_identity_ids);
    if (c->timezone.ptr != NULL) {
        check_timezone(c->timezone.ptr, c->timezone.len);
    }
}

FUZZ_OUTBOX_OPS(campaign, camp_outbox_campaign_t, check_campaign)
FUZZ_OUTBOX_OPS(campaign_create, camp_outbox_campaign_create_t, check_create)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_doc_run(&fuzz_ob_campaign, data, size);
    fuzz_doc_run(&fuzz_ob_campaign_create, data, size);
    return 0;
}
