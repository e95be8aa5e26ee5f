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

static camp_status_t type_op(ictx_t *cx, camp_inbox_type_t type, void *a, const void *b, int tok)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN:
        return camp_ib_campaign_op(cx, a, b, tok);
    case CAMP_INBOX_CAMPAIGN_PAGE:
        return camp_ib_page_op(cx, a, b, tok);
    case CAMP_INBOX_CAMPAIGN_CREATE:
        return camp_ib_create_op(cx, a, b, tok);
    case CAMP_INBOX_SEQUENCE_UPDATE:
    case CAMP_INBOX_SEQUENCE:
        return camp_ib_sequence_op(cx, a, b, tok, true);
    case CAMP_INBOX_RULES_UPDATE:
        return camp_ib_rules_update_op(cx, a, b, tok);
    case CAMP_INBOX_LEADS_ADD:
        return camp_ib_leads_add_op(cx, a, b, tok);
    case CAMP_INBOX_ERROR:
        return camp_ib_error_op(cx, a, b, tok);
    case CAMP_INBOX_WEBHOOK:
        return camp_ib_webhook_op(cx, a, b, tok);
    default:
        return camp_ib_simple_op(cx, type, a, b, tok);
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

camp_status_t camp_inbox_decode(camp_inbox_type_t type, camp_json_doc_t *doc, int tok, void *out,
                                size_t out_size, camp_diag_t *diag)
{
    ictx_t cx;
    char path[IPATH_CAP]; /* some members report at a path built while decoding */
#if CAMP_INBOX_INDEX_SLOTS > 0
    uint16_t slots[CAMP_INBOX_INDEX_SLOTS];
#endif
    camp_status_t st;
    camp_diag_clear(diag);
    if (doc == NULL || out == NULL || camp_inbox_type_size(type) == 0 ||
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
    st = type_op(&cx, type, out, NULL, tok);
    if (st == CAMP_OK) {
        /* second pass: the cross-member rules (variables, at-least-one, ...) */
        ctx_init(&cx, OP_VALIDATE, type, diag, path, sizeof path);
        st = type_op(&cx, type, out, NULL, -1);
    }
    return st;
}

camp_status_t camp_inbox_parse(camp_inbox_type_t type, char *json, size_t len,
                               camp_json_token_t *tokens, size_t capacity, void *out,
                               size_t out_size, camp_diag_t *diag)
{
    camp_json_doc_t doc;
    camp_status_t st = camp_json_parse(&doc, json, len, tokens, capacity, diag);
    if (st != CAMP_OK) {
        return st;
    }
    return camp_inbox_decode(type, &doc, 0, out, out_size, diag);
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
    return type_op(&cx, type, (void *)(uintptr_t)obj, NULL, -1);
}

camp_status_t camp_inbox_encode(camp_inbox_type_t type, const void *obj, char *buf, size_t cap,
                                size_t *out_len, camp_diag_t *diag)
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
    if (obj == NULL || (buf == NULL && cap > 0) || camp_inbox_type_size(type) == 0) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "bad argument");
    }
    ctx_init(&cx, OP_VALIDATE, type, diag, path, sizeof path);
    cx.strict = true; /* the strictest documented rules for what we send */
    st = type_op(&cx, type, (void *)(uintptr_t)obj, NULL, -1);
    if (st != CAMP_OK) {
        return st;
    }
    camp_json_writer_init(&w, buf, cap);
    ctx_init(&cx, OP_ENCODE, type, diag, path, sizeof path);
    cx.strict = true;
    cx.w = &w;
    st = type_op(&cx, type, (void *)(uintptr_t)obj, NULL, -1);
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

bool camp_inbox_equal(camp_inbox_type_t type, const void *a, const void *b)
{
    ictx_t cx;
    char path[IPATH_MIN];
    if (a == NULL || b == NULL || camp_inbox_type_size(type) == 0) {
        return false;
    }
    ctx_init(&cx, OP_EQUAL, type, NULL, path, sizeof path);
    return type_op(&cx, type, (void *)(uintptr_t)a, b, -1) == CAMP_OK;
}
