/* The event feed reader (spec §8.5): pages of GET /events followed through lastSeq,
 * in the caller's camp_client_feed_t. Kept apart from client.c so the request
 * path's frame is not inlined into the reader's. */
#include "camp/camp_client.h"

#include <string.h>

void camp_client_feed_init(camp_client_feed_t *f, camp_client_t *c, int64_t last_seq,
                           unsigned limit)
{
    if (f == NULL) {
        return;
    }
    memset(f, 0, sizeof *f);
    f->client = c;
    f->last_seq = (last_seq < 0) ? -1 : last_seq;
    f->limit = limit;
    f->page.last_seq = -1;
    f->bad_seq = -1;
    f->page_after_ = -1;
}

/* The seq of the event the page is stuck on, when it can be read at all. */
static int64_t bad_event_seq(camp_json_doc_t *doc, const camp_inbox_events_page_t *page)
{
    int64_t v = -1;
    int t;
    if (page->next_tok <= 0 || page->next_tok >= doc->count ||
        camp_json_kind(doc, page->next_tok) != CAMP_JSON_OBJECT) {
        return -1;
    }
    t = camp_json_member(doc, page->next_tok, "seq");
    if (t < 0 || camp_json_get_int(doc, t, 0, CAMP_CLIENT_EVENTS_SEQ_MAX, &v) != CAMP_OK) {
        return -1;
    }
    return v;
}

/* Account for event @p seq: a jump after last_seq is a gap. Returns false for a
 * repeat (seq not above last_seq), which is skipped. */
static bool feed_take_seq(camp_client_feed_t *f, int64_t seq)
{
    if (seq < 0) {
        return true; /* legacy envelope, no seq: nothing to follow */
    }
    if (f->last_seq >= 0 && seq <= f->last_seq) {
        return false;
    }
    if (f->last_seq >= 0 && seq > f->last_seq + 1) {
        if (!f->gap) {
            f->gap = true;
            f->gap_from = f->last_seq + 1;
            f->gap_count = 0;
        }
        f->gap_to = seq - 1;
        f->gap_count += seq - 1 - f->last_seq;
    }
    f->last_seq = seq;
    return true;
}

camp_status_t camp_client_feed_next(camp_client_feed_t *f, camp_inbox_webhook_t *ev, bool *done)
{
    camp_client_t *c;
    bool fetched = false;
    unsigned round;
    if (done != NULL) {
        *done = false;
    }
    if (f == NULL || ev == NULL || done == NULL || f->client == NULL) {
        return CAMP_ERR_ARG;
    }
    c = f->client;
    f->gap = false;
    f->gap_from = 0;
    f->gap_to = 0;
    f->gap_count = 0;
    f->more = false;
    f->stalled = false;
    f->bad_seq = -1;
    /* round 0 reads what is loaded; a used-up page with more behind it costs the
     * one request of round 1; no third round, so no call loops on the network */
    for (round = 0; round < 2u; round++) {
        camp_json_doc_t *doc;
        uint32_t n;
        if (!f->have_page || f->serial_ != c->serial_ || camp_client_last_doc(c) == NULL) {
            camp_status_t st;
            if (fetched) {
                break;
            }
            f->have_page = false;
            f->page_after_ = f->last_seq;
            st = camp_client_inbox_list_events(c, f->last_seq, f->limit, &f->page);
            fetched = true;
            if (st != CAMP_OK) {
                return st;
            }
            f->have_page = true;
            f->serial_ = c->serial_;
        }
        doc = camp_client_last_doc(c);
        if (doc == NULL) {
            f->have_page = false;
            return camp_diag_set(&c->last.diag, CAMP_ERR_INTERNAL, "$",
                                 "events page without its document");
        }
        /* each pass hands out or skips one event of the page, or ends it */
        for (n = 0; n <= (uint32_t)f->page.count; n++) {
            bool page_done = false;
            camp_status_t st = camp_inbox_events_next(doc, &f->page, ev, &page_done, &c->last.diag);
            if (st != CAMP_OK) {
                f->bad_seq = bad_event_seq(doc, &f->page);
                f->have_page = false;
                c->last.status = st;
                return st;
            }
            if (page_done) {
                break;
            }
            if (!feed_take_seq(f, ev->seq) || ev->event == CAMP_INBOX_EVENT_OTHER) {
                continue;
            }
            return CAMP_OK;
        }
        f->have_page = false;
        if (f->page.last_seq > f->last_seq) {
            f->last_seq = f->page.last_seq; /* events filtered out of the page are behind us */
        }
        if (!f->page.has_more) {
            break;
        }
        if (f->last_seq <= f->page_after_) {
            /* hasMore without progress: asking again would return the same page */
            f->stalled = true;
            break;
        }
        if (fetched) {
            f->more = true;
            break;
        }
    }
    *done = true;
    return CAMP_OK;
}
