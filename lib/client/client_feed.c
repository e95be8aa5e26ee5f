/* The event feed reader (spec §8.5): pages of GET /events followed through lastSeq,
 * in the caller's camp_client_feed_t. Kept apart from client.c so the request
 * path's frame is not inlined into the reader's. */
#include "camp/camp_client.h"

#include <stddef.h>
#include <string.h>

#include "inbox/inbox_levels.h"
#include "status/status_internal.h"

/* Out of line where noted (CAMP_NOINLINE): the reader's own frame is on the path
 * of every request it makes, these helpers' frames are not. */

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

/* The seq of the event the page is stuck on, when it can be read at all. Inlined
 * into page_next(), whose frame is not on the request path either. */
static CAMP_ALWAYS_INLINE int64_t bad_event_seq(camp_json_doc_t *doc,
                                                const camp_inbox_events_page_t *page)
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
CAMP_NOINLINE static bool feed_take_seq(camp_client_feed_t *f, int64_t seq)
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

/* What the last call reported, gap..stalled, lies between have_page and bad_seq
 * in this order (a negative array size stops the build if the struct changes
 * that), so one memset clears it. */
typedef char client_feed_report_in_a_row
    [((offsetof(camp_client_feed_t, have_page) < offsetof(camp_client_feed_t, gap)) &&
      (offsetof(camp_client_feed_t, gap) < offsetof(camp_client_feed_t, gap_from)) &&
      (offsetof(camp_client_feed_t, gap_from) < offsetof(camp_client_feed_t, gap_to)) &&
      (offsetof(camp_client_feed_t, gap_to) < offsetof(camp_client_feed_t, gap_count)) &&
      (offsetof(camp_client_feed_t, gap_count) < offsetof(camp_client_feed_t, more)) &&
      (offsetof(camp_client_feed_t, more) < offsetof(camp_client_feed_t, stalled)) &&
      (offsetof(camp_client_feed_t, stalled) < offsetof(camp_client_feed_t, bad_seq)))
         ? 1
         : -1];

/* Forget what the last call reported: the fields from gap up to bad_seq (padding
 * included) by one memset, then bad_seq. */
static void feed_clear(camp_client_feed_t *f)
{
    (void)memset(&((uint8_t *)f)[offsetof(camp_client_feed_t, gap)], 0,
                 offsetof(camp_client_feed_t, bad_seq) - offsetof(camp_client_feed_t, gap));
    f->bad_seq = -1;
}

/* Hand out the next event of the loaded page that is new and of a known type;
 * CAMP_OK with *found false when the page is used up. */
CAMP_NOINLINE static camp_status_t page_next(camp_client_feed_t *f, camp_json_doc_t *doc,
                                             camp_inbox_webhook_t *ev, bool *found)
{
    camp_client_t *c = f->client;
    uint32_t n;
    *found = false;
    /* each pass hands out or skips one event of the page, or ends it */
    for (n = 0; n <= (uint32_t)f->page.count; n++) {
        bool page_done = false;
        camp_status_t st =
            camp_ib_events_next_at(c->walk_.bytes, doc, &f->page, ev, &page_done, &c->last.diag);
        if (st != CAMP_OK) {
            f->bad_seq = bad_event_seq(doc, &f->page);
            f->have_page = false;
            c->last.status = st;
            return st;
        }
        if (page_done) {
            break;
        }
        if (feed_take_seq(f, ev->seq) && ev->event != CAMP_INBOX_EVENT_OTHER) {
            *found = true;
            break;
        }
    }
    return CAMP_OK;
}

/* The page is used up: true when the reader should ask for the next one now. */
static bool page_used_up(camp_client_feed_t *f, bool fetched)
{
    bool again = false;
    f->have_page = false;
    if (f->page.last_seq > f->last_seq) {
        f->last_seq = f->page.last_seq; /* events filtered out of the page are behind us */
    }
    if (f->page.has_more) {
        if (f->last_seq <= f->page_after_) {
            /* hasMore without progress: asking again would return the same page */
            f->stalled = true;
        } else if (fetched) {
            f->more = true;
        } else {
            again = true;
        }
    }
    return again;
}

static bool page_loaded(camp_client_feed_t *f)
{
    return f->have_page && (f->serial_ == f->client->serial_) &&
           (camp_client_last_doc(f->client) != NULL);
}

/* Request the page after last_seq. */
static camp_status_t fetch_page(camp_client_feed_t *f)
{
    camp_status_t st;
    f->have_page = false;
    f->page_after_ = f->last_seq;
    st = camp_client_inbox_list_events(f->client, f->last_seq, f->limit, &f->page);
    if (st == CAMP_OK) {
        f->have_page = true;
        f->serial_ = f->client->serial_;
    }
    return st;
}

camp_status_t camp_client_feed_next(camp_client_feed_t *f, camp_inbox_webhook_t *ev, bool *done)
{
    bool fetched = false;
    unsigned round;
    if (done != NULL) {
        *done = false;
    }
    if (f == NULL || ev == NULL || done == NULL || f->client == NULL) {
        return CAMP_ERR_ARG;
    }
    feed_clear(f);
    /* round 0 reads what is loaded; a used-up page with more behind it costs the
     * one request of round 1; no third round, so no call loops on the network */
    for (round = 0; round < 2u; round++) {
        camp_json_doc_t *doc;
        bool found = false;
        camp_status_t st;
        if (!page_loaded(f)) {
            if (fetched) {
                break;
            }
            st = fetch_page(f);
            fetched = true;
            if (st != CAMP_OK) {
                return st;
            }
        }
        doc = camp_client_last_doc(f->client);
        if (doc == NULL) {
            f->have_page = false;
            return camp_diag_set(&f->client->last.diag, CAMP_ERR_INTERNAL, "$",
                                 CAMP_RULE(C25, "events page without its document"));
        }
        st = page_next(f, doc, ev, &found);
        if (st != CAMP_OK || found) {
            return st;
        }
        if (!page_used_up(f, fetched)) {
            break;
        }
    }
    *done = true;
    return CAMP_OK;
}
