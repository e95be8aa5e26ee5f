/*
 * Fuzz target: InboxApp campaign object (v2 and legacy shapes, detected from
 * the fields) and the campaign list page: decode + validate, encode round trip.
 * FUZZ_DICT: inbox
 * Invariants: see fuzz_doc.h (strict check gates decoding, views inside the
 * input, decoded struct validates, decode -> encode -> decode is equal), plus
 * the documented ranges of a decoded campaign: ID pattern, counts
 * 0..2^53-1, rates 0..1 in millionths, hourly rate 1..60, windows
 * 0 <= start < end <= 1440, a zone name by IANA syntax, parsed date-times that match
 * their text, array counts within capacity and pool slices inside their pools.
 */
#include "fuzz_inbox.h"

static void check_time(const camp_inbox_time_t *t)
{
    if (t->raw.ptr != NULL) {
        camp_datetime_t dt;
        FUZZ_CHECK(camp_datetime_parse(t->raw.ptr, t->raw.len, &dt) == CAMP_OK,
                   "a decoded date-time parses");
        FUZZ_CHECK(dt.unix_seconds == t->at.unix_seconds, "parsed instant matches its text");
    }
}

static void check_sequence(const camp_inbox_sequence_t *s)
{
    FUZZ_CHECK(s->step_count <= CAMP_MAX_STEPS, "steps within capacity");
    FUZZ_CHECK(s->segment_count <= CAMP_MAX_SEGMENTS, "segments within capacity");
    FUZZ_CHECK(s->option_count <= CAMP_MAX_VARIATION_OPTIONS, "options within capacity");
    for (unsigned i = 0; i < s->step_count; i++) {
        const camp_inbox_step_t *st = &s->steps[i];
        FUZZ_CHECK((unsigned)st->first_segment + st->segment_count <= s->segment_count,
                   "a step's segments lie inside the pool");
    }
    for (unsigned i = 0; i < s->segment_count; i++) {
        const camp_inbox_segment_t *sg = &s->segments[i];
        FUZZ_CHECK((unsigned)sg->first_option + sg->option_count <= s->option_count,
                   "a segment's options lie inside the pool");
    }
}

static void check_campaign(const camp_inbox_campaign_t *c)
{
    const camp_inbox_campaign_summary_t *b = &c->base;
    FUZZ_CHECK(camp_valid_inbox_id(b->id.ptr, b->id.len), "id matches ^[0-9a-z]+$");
    FUZZ_CHECK(b->targets_count >= 0 && b->targets_count <= CAMP_MAX_SAFE_INT &&
                   b->contacted_count >= 0 && b->contacted_count <= CAMP_MAX_SAFE_INT &&
                   b->replies_count >= 0 && b->replies_count <= CAMP_MAX_SAFE_INT,
               "counts in 0..2^53-1");
    FUZZ_CHECK(b->completion_rate <= CAMP_FRACTION_ONE && b->reply_rate <= CAMP_FRACTION_ONE,
               "rates in 0..1");
    check_time(&b->created_at);
    check_time(&b->updated_at);
    check_time(&b->paused_at);
    check_time(&b->completed_at);
    check_time(&b->last_started_at);
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE) {
        FUZZ_CHECK(c->hourly_message_rate >= 1 && c->hourly_message_rate <= 60,
                   "hourly rate 1..60 on decode");
    }
    FUZZ_CHECK(c->account_count <= CAMP_MAX_ACCOUNTS, "accounts within capacity");
    FUZZ_CHECK(c->automation_count <= CAMP_MAX_AUTOMATIONS, "automations within capacity");
    FUZZ_CHECK(c->variable_count <= CAMP_MAX_CUSTOM_VARIABLES, "variables within capacity");
    if (c->schedule_timezone.ptr != NULL) {
        FUZZ_CHECK(camp_valid_tz_name(c->schedule_timezone.ptr, c->schedule_timezone.len),
                   "scheduleTimezone is an IANA name by syntax");
    }
    for (int d = 0; d < 7; d++) {
        const camp_day_window_t *w = &c->schedule_hours.day[d];
        if (w->has_window) {
            FUZZ_CHECK(w->start < w->end && w->end <= CAMP_MINUTES_PER_DAY,
                       "window 0 <= start < end <= 1440");
        }
    }
    FUZZ_CHECK(camp_week_windows_check(&c->schedule_hours, NULL) == CAMP_OK,
               "decoded windows pass the schedule check");
    check_sequence(&c->sequence);
}

static void check(camp_inbox_type_t type, const void *obj)
{
    if (type == CAMP_INBOX_CAMPAIGN) {
        check_campaign((const camp_inbox_campaign_t *)obj);
    } else if (type == CAMP_INBOX_CAMPAIGN_PAGE) {
        const camp_inbox_campaign_page_t *p = (const camp_inbox_campaign_page_t *)obj;
        FUZZ_CHECK(p->count <= CAMP_MAX_PAGE_ITEMS, "page items within capacity");
        for (unsigned i = 0; i < p->count; i++) {
            check_campaign(&p->items[i]);
        }
        check_time(&p->next_timestamp);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const camp_inbox_type_t types[] = {CAMP_INBOX_CAMPAIGN, CAMP_INBOX_CAMPAIGN_PAGE};
    fuzz_inbox_check = check;
    fuzz_inbox_run(types, sizeof types / sizeof types[0], data, size);
    return 0;
}
