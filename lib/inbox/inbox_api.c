/* The public entry points of the inbox module: dispatch by document type to
 * the per-struct operations, and the decode -> validate / validate -> encode
 * sequences. */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"

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
    case CAMP_INBOX_COLUMN_UPDATE:
        return true;
    default:
        return false;
    }
}

/* One operation over one struct type, for the type-specific entry points below:
 * each passes its own op, so a program that calls only camp_inbox_campaign_decode()
 * links the campaign code and not the other document types. */
typedef camp_status_t (*ib_op_fn)(ictx_t *cx, void *a, const void *b, int tok);

static camp_status_t op_campaign(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_campaign_op(cx, a, b, tok);
}
static camp_status_t op_page(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_page_op(cx, a, b, tok);
}
static camp_status_t op_create(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_create_op(cx, a, b, tok);
}
static camp_status_t op_sequence(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_sequence_op(cx, a, b, tok, true);
}
static camp_status_t op_rules_update(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_rules_update_op(cx, a, b, tok);
}
static camp_status_t op_leads_add(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_leads_add_op(cx, a, b, tok);
}
static camp_status_t op_error(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_error_op(cx, a, b, tok);
}
static camp_status_t op_webhook(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_webhook_op(cx, a, b, tok);
}
static camp_status_t op_leads_add_result(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_LEADS_ADD_RESULT, a, b, tok);
}
static camp_status_t op_lead_update(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_LEAD_UPDATE, a, b, tok);
}
static camp_status_t op_lead_cancel(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_LEAD_CANCEL, a, b, tok);
}
static camp_status_t op_column_update(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_COLUMN_UPDATE, a, b, tok);
}
static camp_status_t op_column(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_COLUMN, a, b, tok);
}
static camp_status_t op_success(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_SUCCESS, a, b, tok);
}
static camp_status_t op_team(ictx_t *cx, void *a, const void *b, int tok)
{
    return camp_ib_simple_op(cx, CAMP_INBOX_TEAM, a, b, tok);
}

/* The by-type entry points: this table links every document type (documented). */
static ib_op_fn op_of(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return op_campaign;
    case CAMP_INBOX_CAMPAIGN_PAGE: return op_page;
    case CAMP_INBOX_CAMPAIGN_CREATE: return op_create;
    case CAMP_INBOX_SEQUENCE_UPDATE:
    case CAMP_INBOX_SEQUENCE: return op_sequence;
    case CAMP_INBOX_RULES_UPDATE: return op_rules_update;
    case CAMP_INBOX_LEADS_ADD: return op_leads_add;
    case CAMP_INBOX_LEADS_ADD_RESULT: return op_leads_add_result;
    case CAMP_INBOX_LEAD_UPDATE: return op_lead_update;
    case CAMP_INBOX_LEAD_CANCEL: return op_lead_cancel;
    case CAMP_INBOX_COLUMN_UPDATE: return op_column_update;
    case CAMP_INBOX_COLUMN: return op_column;
    case CAMP_INBOX_SUCCESS: return op_success;
    case CAMP_INBOX_ERROR: return op_error;
    case CAMP_INBOX_WEBHOOK: return op_webhook;
    case CAMP_INBOX_TEAM: return op_team;
    default: return NULL;
    }
}

static void ctx_init(ictx_t *cx, iop_t op, camp_inbox_type_t type, camp_diag_t *diag,
                     char *path, size_t path_cap)
{
    memset(cx, 0, sizeof *cx);
    cx->path.buf = path;
    cx->path.cap = path_cap;
    cx->op = op;
    cx->diag = diag;
    cx->request = camp_inbox_type_is_request(type);
    cx->shape = CAMP_INBOX_SHAPE_SUMMARY;
    cx->steps_tok = -1;
    cx->scan_tok = -1;
    camp_ib_path_reset(&cx->path);
}

static camp_status_t decode_with(camp_inbox_type_t type, ib_op_fn op, camp_json_doc_t *doc,
                                 int tok, void *out, size_t out_size, camp_diag_t *diag)
{
    ictx_t cx;
    char path[IPATH_CAP]; /* some members report at a path built while decoding */
#if CAMP_INBOX_INDEX_SLOTS > 0
    uint16_t slots[CAMP_INBOX_INDEX_SLOTS];
#endif
    camp_status_t st;
    camp_diag_clear(diag);
    if (op == NULL || doc == NULL || out == NULL || camp_inbox_type_size(type) == 0 ||
        out_size != camp_inbox_type_size(type) ||
        camp_json_kind(doc, tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    memset(out, 0, out_size);
    ctx_init(&cx, OP_DECODE, type, diag, path, sizeof path);
    cx.doc = doc;
#if CAMP_INBOX_INDEX_SLOTS > 0
    cx.slots = slots;
#endif
    st = op(&cx, out, NULL, tok);
    if (st == CAMP_OK) {
        /* second pass: the cross-member rules (variables, at-least-one, ...) */
        ctx_init(&cx, OP_VALIDATE, type, diag, path, sizeof path);
        cx.decoded = true;
        st = op(&cx, out, NULL, -1);
    }
    return st;
}

camp_status_t camp_inbox_decode(camp_inbox_type_t type, camp_json_doc_t *doc, int tok, void *out,
                                size_t out_size, camp_diag_t *diag)
{
    return decode_with(type, op_of(type), doc, tok, out, out_size, diag);
}

static camp_status_t parse_with(camp_inbox_type_t type, ib_op_fn op, char *json, size_t len,
                                camp_json_token_t *tokens, size_t capacity, void *out,
                                size_t out_size, camp_diag_t *diag)
{
    camp_json_doc_t doc;
    camp_status_t st = camp_json_parse(&doc, json, len, tokens, capacity, diag);
    if (st != CAMP_OK) {
        return st;
    }
    return decode_with(type, op, &doc, 0, out, out_size, diag);
}

camp_status_t camp_inbox_parse(camp_inbox_type_t type, char *json, size_t len,
                               camp_json_token_t *tokens, size_t capacity, void *out,
                               size_t out_size, camp_diag_t *diag)
{
    return parse_with(type, op_of(type), json, len, tokens, capacity, out, out_size, diag);
}

camp_status_t camp_inbox_validate(camp_inbox_type_t type, const void *obj, camp_diag_t *diag)
{
    ictx_t cx;
    char path[IPATH_CAP];
    camp_diag_clear(diag);
    if (obj == NULL || camp_inbox_type_size(type) == 0) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    ctx_init(&cx, OP_VALIDATE, type, diag, path, sizeof path);
    /* validation only reads; the ops share one signature with decode */
    return op_of(type)(&cx, (void *)(uintptr_t)obj, NULL, -1);
}

static camp_status_t encode_with(camp_inbox_type_t type, ib_op_fn op, const void *obj, char *buf,
                                 size_t cap, size_t *out_len, camp_diag_t *diag)
{
    ictx_t cx;
    camp_json_writer_t w;
    char path[IPATH_CAP];
    camp_status_t st;
    size_t len = 0;
    camp_diag_clear(diag);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (op == NULL || obj == NULL || (buf == NULL && cap > 0) || camp_inbox_type_size(type) == 0) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    ctx_init(&cx, OP_VALIDATE, type, diag, path, sizeof path);
    cx.strict = true; /* the strictest documented rules for what we send */
    st = op(&cx, (void *)(uintptr_t)obj, NULL, -1);
    if (st != CAMP_OK) {
        return st;
    }
    camp_json_writer_init(&w, buf, cap);
    ctx_init(&cx, OP_ENCODE, type, diag, path, sizeof path);
    cx.strict = true;
    cx.w = &w;
    st = op(&cx, (void *)(uintptr_t)obj, NULL, -1);
    if (st != CAMP_OK) {
        return st;
    }
    st = camp_json_writer_finish(&w, &len);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        camp_diag_set(diag, st, "$", "output buffer too small");
        if (diag != NULL) {
            diag->needed = (int64_t)w.needed;
        }
        len = w.needed;
    } else if (st != CAMP_OK) {
        camp_diag_set(diag, st, "$", "JSON writer failed");
    }
    if (out_len != NULL) {
        *out_len = len;
    }
    return st;
}

camp_status_t camp_inbox_encode(camp_inbox_type_t type, const void *obj, char *buf, size_t cap,
                                size_t *out_len, camp_diag_t *diag)
{
    return encode_with(type, op_of(type), obj, buf, cap, out_len, diag);
}

bool camp_inbox_equal(camp_inbox_type_t type, const void *a, const void *b)
{
    ictx_t cx;
    char path[IPATH_MIN];
    if (a == NULL || b == NULL || camp_inbox_type_size(type) == 0) {
        return false;
    }
    ctx_init(&cx, OP_EQUAL, type, NULL, path, sizeof path);
    return op_of(type)(&cx, (void *)(uintptr_t)a, b, -1) == CAMP_OK;
}

/* ---- type-specific entry points (link only their own document type) ---- */

camp_status_t camp_inbox_campaign_decode(camp_json_doc_t *doc, int tok,
                                         camp_inbox_campaign_t *out, camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_CAMPAIGN, op_campaign, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_campaign_parse(char *json, size_t len, camp_json_token_t *tokens,
                                        size_t capacity, camp_inbox_campaign_t *out,
                                        camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_CAMPAIGN, op_campaign, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_campaign_page_decode(camp_json_doc_t *doc, int tok,
                                              camp_inbox_campaign_page_t *out, camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_CAMPAIGN_PAGE, op_page, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_campaign_page_parse(char *json, size_t len, camp_json_token_t *tokens,
                                             size_t capacity, camp_inbox_campaign_page_t *out,
                                             camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_CAMPAIGN_PAGE, op_page, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_sequence_decode(camp_json_doc_t *doc, int tok,
                                         camp_inbox_sequence_t *out, camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_SEQUENCE, op_sequence, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_sequence_parse(char *json, size_t len, camp_json_token_t *tokens,
                                        size_t capacity, camp_inbox_sequence_t *out,
                                        camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_SEQUENCE, op_sequence, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_leads_add_result_decode(camp_json_doc_t *doc, int tok,
                                                 camp_inbox_leads_add_result_t *out,
                                                 camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_LEADS_ADD_RESULT, op_leads_add_result, doc, tok,
                       out, sizeof *out, diag);
}

camp_status_t camp_inbox_leads_add_result_parse(char *json, size_t len, camp_json_token_t *tokens,
                                                size_t capacity,
                                                camp_inbox_leads_add_result_t *out,
                                                camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_LEADS_ADD_RESULT, op_leads_add_result, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_column_decode(camp_json_doc_t *doc, int tok, camp_inbox_column_t *out,
                                       camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_COLUMN, op_column, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_column_parse(char *json, size_t len, camp_json_token_t *tokens,
                                      size_t capacity, camp_inbox_column_t *out,
                                      camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_COLUMN, op_column, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_success_decode(camp_json_doc_t *doc, int tok, camp_inbox_success_t *out,
                                        camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_SUCCESS, op_success, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_success_parse(char *json, size_t len, camp_json_token_t *tokens,
                                       size_t capacity, camp_inbox_success_t *out,
                                       camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_SUCCESS, op_success, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_error_decode(camp_json_doc_t *doc, int tok, camp_inbox_error_t *out,
                                      camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_ERROR, op_error, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_error_parse(char *json, size_t len, camp_json_token_t *tokens,
                                     size_t capacity, camp_inbox_error_t *out, camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_ERROR, op_error, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_webhook_decode(camp_json_doc_t *doc, int tok, camp_inbox_webhook_t *out,
                                        camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_WEBHOOK, op_webhook, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_webhook_parse(char *json, size_t len, camp_json_token_t *tokens,
                                       size_t capacity, camp_inbox_webhook_t *out,
                                       camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_WEBHOOK, op_webhook, json, len,
                      tokens, capacity, out, sizeof *out, diag);
}

camp_status_t camp_inbox_campaign_create_encode(const camp_inbox_campaign_create_t *obj,
                                                char *buf, size_t cap, size_t *out_len,
                                                camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_CAMPAIGN_CREATE, op_create, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_sequence_update_encode(const camp_inbox_sequence_t *obj, char *buf,
                                                size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_SEQUENCE_UPDATE, op_sequence, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_rules_update_encode(const camp_inbox_rules_update_t *obj, char *buf,
                                             size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_RULES_UPDATE, op_rules_update, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_leads_add_encode(const camp_inbox_leads_add_t *obj, char *buf,
                                          size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_LEADS_ADD, op_leads_add, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_lead_update_encode(const camp_inbox_lead_update_t *obj, char *buf,
                                            size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_LEAD_UPDATE, op_lead_update, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_lead_cancel_encode(const camp_inbox_lead_cancel_t *obj, char *buf,
                                            size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_LEAD_CANCEL, op_lead_cancel, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_column_update_encode(const camp_inbox_column_update_t *obj, char *buf,
                                              size_t cap, size_t *out_len, camp_diag_t *diag)
{
    return encode_with(CAMP_INBOX_COLUMN_UPDATE, op_column_update, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_team_decode(camp_json_doc_t *doc, int tok, camp_inbox_team_t *out,
                                     camp_diag_t *diag)
{
    return decode_with(CAMP_INBOX_TEAM, op_team, doc, tok, out, sizeof *out, diag);
}

camp_status_t camp_inbox_team_parse(char *json, size_t len, camp_json_token_t *tokens,
                                    size_t capacity, camp_inbox_team_t *out, camp_diag_t *diag)
{
    return parse_with(CAMP_INBOX_TEAM, op_team, json, len, tokens, capacity, out, sizeof *out,
                      diag);
}

/* ---- event feed pages ---------------------------------------------------------------------- */

camp_status_t camp_inbox_events_page_decode(camp_json_doc_t *doc, int tok,
                                            camp_inbox_events_page_t *out, camp_diag_t *diag)
{
    ictx_t cx;
    char path[IPATH_MIN]; /* every failure here is reported at a token */
    camp_status_t st;
    camp_diag_clear(diag);
    if (doc == NULL || out == NULL || camp_json_kind(doc, tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    memset(out, 0, sizeof *out);
    ctx_init(&cx, OP_DECODE, CAMP_INBOX_TYPE_COUNT, diag, path, sizeof path);
    cx.doc = doc;
    st = camp_ib_events_page_op(&cx, out, tok);
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
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    *done = page->next >= page->count;
    if (*done) {
        return CAMP_OK;
    }
    if (camp_json_kind(doc, page->next_tok) != CAMP_JSON_OBJECT &&
        camp_json_kind(doc, page->next_tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "page does not belong to this document");
    }
    st = decode_with(CAMP_INBOX_WEBHOOK, op_webhook, doc, page->next_tok, ev, sizeof *ev, diag);
    if (st == CAMP_OK) {
        page->next++;
        page->next_tok = camp_ib_next(doc, page->next_tok);
    }
    return st;
}
