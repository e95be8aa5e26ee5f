/* The public entry points of the inbox module: dispatch by document type to
 * the per-struct operations, and the decode -> validate / validate -> encode
 * sequences. */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"
#include "status/status_internal.h"

size_t camp_inbox_type_size(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return sizeof(camp_inbox_campaign_t);
    case CAMP_INBOX_CAMPAIGN_PAGE: return sizeof(camp_inbox_campaign_page_t);
    case CAMP_INBOX_CAMPAIGN_CREATE: return sizeof(camp_inbox_campaign_create_t);
    case CAMP_INBOX_SEQUENCE_UPDATE: return sizeof(camp_inbox_sequence_t);
    case CAMP_INBOX_SEQUENCE: return sizeof(camp_inbox_sequence_t);
    case CAMP_INBOX_RULES_UPDATE: return sizeof(camp_inbox_rules_update_t);
    case CAMP_INBOX_LEADS_ADD: return sizeof(camp_inbox_leads_add_t);
    case CAMP_INBOX_LEADS_ADD_RESULT: return sizeof(camp_inbox_leads_add_result_t);
    case CAMP_INBOX_LEAD_UPDATE: return sizeof(camp_inbox_lead_update_t);
    case CAMP_INBOX_LEAD_CANCEL: return sizeof(camp_inbox_lead_cancel_t);
    case CAMP_INBOX_COLUMN_UPDATE: return sizeof(camp_inbox_column_update_t);
    case CAMP_INBOX_COLUMN: return sizeof(camp_inbox_column_t);
    case CAMP_INBOX_SUCCESS: return sizeof(camp_inbox_success_t);
    case CAMP_INBOX_ERROR: return sizeof(camp_inbox_error_t);
    case CAMP_INBOX_WEBHOOK: return sizeof(camp_inbox_webhook_t);
    case CAMP_INBOX_TEAM: return sizeof(camp_inbox_team_t);
    default: return 0;
    }
}

const char *camp_inbox_type_name(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return "campaign";
    case CAMP_INBOX_CAMPAIGN_PAGE: return "campaign-page";
    case CAMP_INBOX_CAMPAIGN_CREATE: return "campaign-create";
    case CAMP_INBOX_SEQUENCE_UPDATE: return "sequence-update";
    case CAMP_INBOX_SEQUENCE: return "sequence";
    case CAMP_INBOX_RULES_UPDATE: return "rules-update";
    case CAMP_INBOX_LEADS_ADD: return "leads-add";
    case CAMP_INBOX_LEADS_ADD_RESULT: return "leads-add-result";
    case CAMP_INBOX_LEAD_UPDATE: return "lead-update";
    case CAMP_INBOX_LEAD_CANCEL: return "lead-cancel";
    case CAMP_INBOX_COLUMN_UPDATE: return "column-update";
    case CAMP_INBOX_COLUMN: return "column";
    case CAMP_INBOX_SUCCESS: return "success";
    case CAMP_INBOX_ERROR: return "error";
    case CAMP_INBOX_WEBHOOK: return "webhook";
    case CAMP_INBOX_TEAM: return "team";
    default: return "";
    }
}

bool camp_inbox_type_is_request(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN_CREATE:
    case CAMP_INBOX_SEQUENCE_UPDATE:
    case CAMP_INBOX_RULES_UPDATE:
    case CAMP_INBOX_LEADS_ADD:
    case CAMP_INBOX_LEAD_UPDATE:
    case CAMP_INBOX_LEAD_CANCEL:
    case CAMP_INBOX_COLUMN_UPDATE: return true;
    default: return false;
    }
}

/* The root node of each document type. */
static unsigned node_of(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return N_CAMPAIGN;
    case CAMP_INBOX_CAMPAIGN_PAGE: return N_PAGE;
    case CAMP_INBOX_CAMPAIGN_CREATE: return N_CREATE;
    case CAMP_INBOX_SEQUENCE_UPDATE:
    case CAMP_INBOX_SEQUENCE: return N_SEQUENCE;
    case CAMP_INBOX_RULES_UPDATE: return N_RULES_UPDATE;
    case CAMP_INBOX_LEADS_ADD: return N_LEADS_ADD;
    case CAMP_INBOX_LEADS_ADD_RESULT: return N_LEADS_ADD_RESULT;
    case CAMP_INBOX_LEAD_UPDATE: return N_LEAD_UPDATE;
    case CAMP_INBOX_LEAD_CANCEL: return N_LEAD_CANCEL;
    case CAMP_INBOX_COLUMN_UPDATE: return N_COLUMN_UPDATE;
    case CAMP_INBOX_COLUMN: return N_COLUMN;
    case CAMP_INBOX_SUCCESS: return N_SUCCESS;
    case CAMP_INBOX_ERROR: return N_ERROR;
    case CAMP_INBOX_WEBHOOK: return N_WEBHOOK;
    case CAMP_INBOX_TEAM: return N_TEAM;
    default: return N_NONE;
    }
}

/* The path of a struct walk lives in the caller's diag (none: a 2-byte scratch
 * that only ever holds "$"); decoding reports at tokens and needs none. */
static void ctx_init(ictx_t *cx, iop_t op, camp_inbox_type_t type, camp_diag_t *diag, char *scratch,
                     iframe_t *frames, unsigned depth)
{
    memset(cx, 0, sizeof *cx);
    cx->op = op;
    cx->diag = diag;
    cx->request = camp_inbox_type_is_request(type);
    cx->shape = CAMP_INBOX_SHAPE_SUMMARY;
    cx->steps_tok = -1;
    cx->scan_tok = -1;
    cx->frames = frames;
    cx->max_depth = (uint8_t)depth;
    cx->fail_step = -1;
    cx->fail_seg = -1;
    if (diag != NULL && op != OP_DECODE && op != OP_EQUAL) {
        camp_ib_path_init(&cx->path, diag->path, sizeof diag->path);
    } else {
        camp_ib_path_init(&cx->path, scratch, 2);
    }
}

/* Decode clears what it may not write: the members, not the large pools. Each pool
 * element is cleared (or written whole) as it is decoded, and elements past the
 * counts are not looked at. The add-leads body is mostly its two pools (36 KB with
 * the default capacities), a campaign its steps, segments and lists. */
static void clear_out(camp_inbox_type_t type, void *out, size_t out_size)
{
    switch (type) {
    case CAMP_INBOX_LEADS_ADD: memset(out, 0, offsetof(camp_inbox_leads_add_t, ids)); return;
    case CAMP_INBOX_CAMPAIGN: camp_ib_clear_campaign((camp_inbox_campaign_t *)out); return;
    case CAMP_INBOX_CAMPAIGN_PAGE:
        memset(out, 0, offsetof(camp_inbox_campaign_page_t, items));
        return;
    case CAMP_INBOX_SEQUENCE:
    case CAMP_INBOX_SEQUENCE_UPDATE: memset(out, 0, offsetof(camp_inbox_sequence_t, steps)); return;
    default: memset(out, 0, out_size); return;
    }
}

/* The walk's frames come from the entry point: a type-specific one keeps exactly
 * as many as its document needs (IB_DEPTH_*), the by-type ones the deepest. */
static camp_status_t decode_with(camp_inbox_type_t type, iframe_t *frames, unsigned depth,
                                 camp_json_doc_t *doc, int tok, void *out, size_t out_size,
                                 camp_diag_t *diag)
{
    ictx_t cx;
    char scratch[2];
    camp_status_t st;
    camp_diag_clear(diag);
    if (doc == NULL || out == NULL || node_of(type) == N_NONE ||
        out_size != camp_inbox_type_size(type) || camp_json_kind(doc, tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    clear_out(type, out, out_size);
    ctx_init(&cx, OP_DECODE, type, diag, scratch, frames, depth);
    cx.doc = doc;
    st = camp_ib_decode(&cx, node_of(type), out, tok);
    if (st == CAMP_OK) {
        camp_diag_clear(diag);
    } else {
        camp_ib_report(&cx, st);
    }
    return st;
}

camp_status_t camp_inbox_decode(camp_inbox_type_t type, camp_json_doc_t *doc, int tok, void *out,
                                size_t out_size, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    return decode_with(type, frames, IB_MAX_DEPTH, doc, tok, out, out_size, diag);
}

camp_status_t camp_inbox_parse(camp_inbox_type_t type, char *json, size_t len,
                               camp_json_token_t *tokens, size_t capacity, void *out,
                               size_t out_size, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    camp_json_doc_t doc;
    camp_status_t st = camp_json_parse(&doc, json, len, tokens, capacity, diag);
    if (st != CAMP_OK) {
        return st;
    }
    return decode_with(type, frames, IB_MAX_DEPTH, &doc, 0, out, out_size, diag);
}

camp_status_t camp_inbox_validate(camp_inbox_type_t type, const void *obj, camp_diag_t *diag)
{
    ictx_t cx;
    iframe_t frames[IB_MAX_DEPTH];
    char scratch[2];
    camp_status_t st;
    camp_diag_clear(diag);
    if (obj == NULL || node_of(type) == N_NONE) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    ctx_init(&cx, OP_VALIDATE, type, diag, scratch, frames, IB_MAX_DEPTH);
    st = camp_ib_walk(&cx, node_of(type), obj, NULL);
    if (st == CAMP_OK) {
        camp_diag_clear(diag);
    }
    return st;
}

static camp_status_t encode_with(camp_inbox_type_t type, iframe_t *frames, unsigned depth,
                                 const void *obj, char *buf, size_t cap, size_t *out_len,
                                 camp_diag_t *diag)
{
    ictx_t cx;
    camp_json_writer_t w;
    char scratch[2];
    camp_status_t st;
    size_t len = 0;
    camp_diag_clear(diag);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (obj == NULL || (buf == NULL && cap > 0) || node_of(type) == N_NONE) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    ctx_init(&cx, OP_VALIDATE, type, diag, scratch, frames, depth);
    cx.strict = true; /* the strictest documented rules for what we send */
    st = camp_ib_walk(&cx, node_of(type), obj, NULL);
    if (st != CAMP_OK) {
        return st;
    }
    camp_diag_clear(diag);
    camp_json_writer_init(&w, buf, cap);
    ctx_init(&cx, OP_ENCODE, type, diag, scratch, frames, depth);
    cx.strict = true;
    cx.w = &w;
    st = camp_ib_walk(&cx, node_of(type), obj, NULL);
    if (st != CAMP_OK) {
        return st;
    }
    camp_diag_clear(diag);
    st = camp_json_writer_finish(&w, &len);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        camp_diag_set(diag, st, "$", CAMP_RULE(I02, "output buffer too small"));
        if (diag != NULL) {
            diag->needed = (int64_t)w.needed;
        }
        len = w.needed;
    } else if (st != CAMP_OK) {
        camp_diag_set(diag, st, "$", CAMP_RULE(I03, "JSON writer failed"));
    }
    if (out_len != NULL) {
        *out_len = len;
    }
    return st;
}

camp_status_t camp_inbox_encode(camp_inbox_type_t type, const void *obj, char *buf, size_t cap,
                                size_t *out_len, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    return encode_with(type, frames, IB_MAX_DEPTH, obj, buf, cap, out_len, diag);
}

bool camp_inbox_equal(camp_inbox_type_t type, const void *a, const void *b)
{
    ictx_t cx;
    iframe_t frames[IB_MAX_DEPTH];
    char scratch[2];
    if (a == NULL || b == NULL || node_of(type) == N_NONE) {
        return false;
    }
    ctx_init(&cx, OP_EQUAL, type, NULL, scratch, frames, IB_MAX_DEPTH);
    return camp_ib_walk(&cx, node_of(type), a, b) == CAMP_OK;
}

/* ---- type-specific entry points (link only their own document type) ---- */

/* Each one keeps exactly the frames its document needs (IB_DEPTH_*). */
#define TYPED_DECODE(NAME, TYPE, STRUCT, DEPTH)                                                    \
    camp_status_t camp_inbox_##NAME##_decode(camp_json_doc_t *doc, int tok, STRUCT *out,           \
                                             camp_diag_t *diag)                                    \
    {                                                                                              \
        iframe_t frames[DEPTH];                                                                    \
        return decode_with(TYPE, frames, DEPTH, doc, tok, out, sizeof *out, diag);                 \
    }                                                                                              \
    camp_status_t camp_inbox_##NAME##_parse(char *json, size_t len, camp_json_token_t *tokens,     \
                                            size_t capacity, STRUCT *out, camp_diag_t *diag)       \
    {                                                                                              \
        iframe_t frames[DEPTH];                                                                    \
        camp_json_doc_t doc;                                                                       \
        camp_status_t st = camp_json_parse(&doc, json, len, tokens, capacity, diag);               \
        if (st != CAMP_OK) {                                                                       \
            return st;                                                                             \
        }                                                                                          \
        return decode_with(TYPE, frames, DEPTH, &doc, 0, out, sizeof *out, diag);                  \
    }

#define TYPED_ENCODE(NAME, TYPE, STRUCT, DEPTH)                                                    \
    camp_status_t camp_inbox_##NAME##_encode(const STRUCT *obj, char *buf, size_t cap,             \
                                             size_t *out_len, camp_diag_t *diag)                   \
    {                                                                                              \
        iframe_t frames[DEPTH];                                                                    \
        return encode_with(TYPE, frames, DEPTH, obj, buf, cap, out_len, diag);                     \
    }

TYPED_DECODE(campaign, CAMP_INBOX_CAMPAIGN, camp_inbox_campaign_t, IB_DEPTH_CAMPAIGN)
TYPED_DECODE(campaign_page, CAMP_INBOX_CAMPAIGN_PAGE, camp_inbox_campaign_page_t, IB_MAX_DEPTH)
TYPED_DECODE(sequence, CAMP_INBOX_SEQUENCE, camp_inbox_sequence_t, IB_DEPTH_SEQUENCE)
TYPED_DECODE(leads_add_result, CAMP_INBOX_LEADS_ADD_RESULT, camp_inbox_leads_add_result_t,
             IB_DEPTH_FLAT)
TYPED_DECODE(column, CAMP_INBOX_COLUMN, camp_inbox_column_t, IB_DEPTH_FLAT)
TYPED_DECODE(success, CAMP_INBOX_SUCCESS, camp_inbox_success_t, IB_DEPTH_FLAT)
TYPED_DECODE(error, CAMP_INBOX_ERROR, camp_inbox_error_t, IB_DEPTH_FLAT)
TYPED_DECODE(webhook, CAMP_INBOX_WEBHOOK, camp_inbox_webhook_t, IB_DEPTH_WEBHOOK)
TYPED_DECODE(team, CAMP_INBOX_TEAM, camp_inbox_team_t, IB_DEPTH_FLAT)

TYPED_ENCODE(campaign_create, CAMP_INBOX_CAMPAIGN_CREATE, camp_inbox_campaign_create_t,
             IB_DEPTH_CREATE)
TYPED_ENCODE(sequence_update, CAMP_INBOX_SEQUENCE_UPDATE, camp_inbox_sequence_t, IB_DEPTH_SEQUENCE)
TYPED_ENCODE(rules_update, CAMP_INBOX_RULES_UPDATE, camp_inbox_rules_update_t, IB_DEPTH_FLAT)
TYPED_ENCODE(leads_add, CAMP_INBOX_LEADS_ADD, camp_inbox_leads_add_t, IB_DEPTH_LEADS)
TYPED_ENCODE(lead_update, CAMP_INBOX_LEAD_UPDATE, camp_inbox_lead_update_t, IB_DEPTH_FLAT)
TYPED_ENCODE(lead_cancel, CAMP_INBOX_LEAD_CANCEL, camp_inbox_lead_cancel_t, IB_DEPTH_FLAT)
TYPED_ENCODE(column_update, CAMP_INBOX_COLUMN_UPDATE, camp_inbox_column_update_t, IB_DEPTH_FLAT)

/* ---- event feed pages ---------------------------------------------------------------------- */

camp_status_t camp_inbox_events_page_decode(camp_json_doc_t *doc, int tok,
                                            camp_inbox_events_page_t *out, camp_diag_t *diag)
{
    ictx_t cx;
    iframe_t frame[1]; /* the page's own flat members */
    char scratch[2];
    camp_status_t st;
    camp_diag_clear(diag);
    if (doc == NULL || out == NULL || camp_json_kind(doc, tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    memset(out, 0, sizeof *out);
    ctx_init(&cx, OP_DECODE, CAMP_INBOX_TYPE_COUNT, diag, scratch, frame, 1);
    cx.doc = doc;
    st = camp_ib_events_page_op(&cx, out, tok);
    camp_ib_report(&cx, st);
    if (st != CAMP_OK) {
        out->count = 0;
        out->next_tok = -1;
    }
    return st;
}

camp_status_t camp_inbox_events_next(camp_json_doc_t *doc, camp_inbox_events_page_t *page,
                                     camp_inbox_webhook_t *ev, bool *done, camp_diag_t *diag)
{
    camp_status_t st;
    camp_diag_clear(diag);
    if (doc == NULL || page == NULL || ev == NULL || done == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    *done = page->next >= page->count;
    if (*done) {
        return CAMP_OK;
    }
    if (camp_json_kind(doc, page->next_tok) != CAMP_JSON_OBJECT &&
        camp_json_kind(doc, page->next_tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$",
                             CAMP_RULE(I04, "page does not belong to this document"));
    }
    {
        iframe_t frames[IB_DEPTH_WEBHOOK];
        st = decode_with(CAMP_INBOX_WEBHOOK, frames, IB_DEPTH_WEBHOOK, doc, page->next_tok, ev,
                         sizeof *ev, diag);
    }
    if (st == CAMP_OK) {
        page->next++;
        page->next_tok = camp_json_next(doc, page->next_tok);
    }
    return st;
}
