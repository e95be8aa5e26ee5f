/* The endpoint functions and the models they exchange. Each endpoint names its
 * own encoder and decoder through small typed adapters, so a program links the
 * models of the calls it makes and no others. The adapters are called through
 * the call's pointers only here (camp_cl_encode_body, camp_cl_decode_body): the
 * stack report resolves a call through a pointer to the functions whose address
 * its file takes, so keeping both in this file bounds those calls by the models'
 * own stack, and the transport calls in client.c by nothing of ours. */
#include <string.h>

#include "camp/camp_client.h"
#include "client/client_internal.h"

/* ---- the endpoints' models ------------------------------------------------------------ */

/* One small adapter per request and response model: each endpoint names its own, so
 * a program links the encoders and decoders of the calls it makes and no others
 * (a call to get a campaign brings neither Outbox nor the request encoders). */
static camp_status_t enc_campaign_create(const void *body, char *buf, size_t cap, size_t *len,
                                         camp_diag_t *diag)
{
    return camp_inbox_campaign_create_encode((const camp_inbox_campaign_create_t *)body, buf, cap,
                                             len, diag);
}

static camp_status_t enc_sequence_update(const void *body, char *buf, size_t cap, size_t *len,
                                         camp_diag_t *diag)
{
    return camp_inbox_sequence_update_encode((const camp_inbox_sequence_t *)body, buf, cap, len,
                                             diag);
}

static camp_status_t enc_rules_update(const void *body, char *buf, size_t cap, size_t *len,
                                      camp_diag_t *diag)
{
    return camp_inbox_rules_update_encode((const camp_inbox_rules_update_t *)body, buf, cap, len,
                                          diag);
}

static camp_status_t enc_leads_add(const void *body, char *buf, size_t cap, size_t *len,
                                   camp_diag_t *diag)
{
    return camp_inbox_leads_add_encode((const camp_inbox_leads_add_t *)body, buf, cap, len, diag);
}

static camp_status_t enc_lead_update(const void *body, char *buf, size_t cap, size_t *len,
                                     camp_diag_t *diag)
{
    return camp_inbox_lead_update_encode((const camp_inbox_lead_update_t *)body, buf, cap, len,
                                         diag);
}

static camp_status_t enc_lead_cancel(const void *body, char *buf, size_t cap, size_t *len,
                                     camp_diag_t *diag)
{
    return camp_inbox_lead_cancel_encode((const camp_inbox_lead_cancel_t *)body, buf, cap, len,
                                         diag);
}

static camp_status_t enc_column_update(const void *body, char *buf, size_t cap, size_t *len,
                                       camp_diag_t *diag)
{
    return camp_inbox_column_update_encode((const camp_inbox_column_update_t *)body, buf, cap, len,
                                           diag);
}

static camp_status_t enc_outbox_campaign_create(const void *body, char *buf, size_t cap,
                                                size_t *len, camp_diag_t *diag)
{
    return camp_outbox_campaign_create_encode((const camp_outbox_campaign_create_t *)body, buf, cap,
                                              len, diag);
}

static camp_status_t enc_outbox_sender_create(const void *body, char *buf, size_t cap, size_t *len,
                                              camp_diag_t *diag)
{
    return camp_outbox_sender_create_encode((const camp_outbox_sender_create_t *)body, buf, cap,
                                            len, diag);
}

static camp_status_t dec_campaign(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_campaign_decode(doc, 0, (camp_inbox_campaign_t *)out, diag);
}

static camp_status_t dec_sequence(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_sequence_decode(doc, 0, (camp_inbox_sequence_t *)out, diag);
}

static camp_status_t dec_success(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_success_decode(doc, 0, (camp_inbox_success_t *)out, diag);
}

static camp_status_t dec_leads_add_result(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_leads_add_result_decode(doc, 0, (camp_inbox_leads_add_result_t *)out, diag);
}

static camp_status_t dec_column(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_column_decode(doc, 0, (camp_inbox_column_t *)out, diag);
}

static camp_status_t dec_team(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_team_decode(doc, 0, (camp_inbox_team_t *)out, diag);
}

static camp_status_t dec_events_page(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_inbox_events_page_decode(doc, 0, (camp_inbox_events_page_t *)out, diag);
}

static camp_status_t dec_outbox_campaign(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_outbox_campaign_decode(doc, 0, (camp_outbox_campaign_t *)out, diag);
}

static camp_status_t dec_outbox_sender(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_outbox_sender_decode(doc, 0, (camp_outbox_sender_t *)out, diag);
}

static camp_status_t dec_outbox_contacts(camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_outbox_contacts_page_decode(doc, 0, (camp_outbox_contacts_page_t *)out, diag);
}

/* enable / pause: the documented example sends {} */
static camp_status_t enc_empty_object(const void *body, char *buf, size_t cap, size_t *len,
                                      camp_diag_t *diag)
{
    (void)body;
    if (cap < 2) {
        camp_diag_set(diag, CAMP_ERR_BUFFER_TOO_SMALL, "$", "work buffer too small");
        diag->needed = 2;
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    buf[0] = '{';
    buf[1] = '}';
    *len = 2;
    return CAMP_OK;
}

/* ---- endpoints ------------------------------------------------------------------------- */

/* Start describing a call in the client's own call_ (c is not NULL): no body, the
 * response checked as JSON, until the endpoint says otherwise. */
static call_t *call_init(camp_client_t *c, camp_route_id_t route, const char *campaign_id)
{
    call_t *k = &c->call_;
    memset(k, 0, sizeof *k);
    k->route = route;
    k->args[0] = campaign_id;
    return k;
}

static camp_status_t inbox_campaign_call(camp_client_t *c, camp_route_id_t route, const char *id,
                                         camp_client_encode_fn encode, camp_inbox_campaign_t *out)
{
    call_t *k;
    camp_status_t st;
    if (c == NULL) {
        return CAMP_ERR_ARG;
    }
    k = call_init(c, route, id);
    k->encode = encode;
    k->decode = dec_campaign;
    k->out = out;
    st = camp_cl_run(c, k);
    /* a proxy or a server mix-up must not make the caller act on another campaign */
    if (st == CAMP_OK && out != NULL &&
        (out->base.id.ptr == NULL || out->base.id.len != strlen(id) ||
         memcmp(out->base.id.ptr, id, out->base.id.len) != 0)) {
        st = camp_diag_set(&c->last.diag, CAMP_ERR_INVALID, "$.id",
                           "not the campaign that was asked for");
        c->last.status = st;
    }
    return st;
}

camp_status_t camp_client_inbox_get_campaign(camp_client_t *c, const char *campaign_id,
                                             camp_inbox_campaign_t *out)
{
    return inbox_campaign_call(c, CAMP_ROUTE_GET_CAMPAIGN, campaign_id, NULL, out);
}

camp_status_t camp_client_inbox_enable_campaign(camp_client_t *c, const char *campaign_id,
                                                camp_inbox_campaign_t *out)
{
    return inbox_campaign_call(c, CAMP_ROUTE_ENABLE, campaign_id, enc_empty_object, out);
}

camp_status_t camp_client_inbox_pause_campaign(camp_client_t *c, const char *campaign_id,
                                               camp_inbox_campaign_t *out)
{
    return inbox_campaign_call(c, CAMP_ROUTE_PAUSE, campaign_id, enc_empty_object, out);
}

/* A call with a required body; the response is decoded when the caller wants it. */
static camp_status_t body_call(camp_client_t *c, camp_route_id_t route, const char *const args[3],
                               camp_client_encode_fn encode, const void *body,
                               camp_client_decode_fn decode, void *out)
{
    call_t *k;
    if (c == NULL) {
        return CAMP_ERR_ARG;
    }
    if (body == NULL) {
        camp_cl_reset_last(c);
        c->last.status = camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "$", "body is required");
        return CAMP_ERR_ARG;
    }
    k = call_init(c, route, args[0]);
    k->args[1] = args[1];
    k->args[2] = args[2];
    k->encode = encode;
    k->body = body;
    if (out != NULL) {
        k->decode = decode;
        k->out = out;
    }
    return camp_cl_run(c, k);
}

camp_status_t camp_client_inbox_create_campaign(camp_client_t *c,
                                                const camp_inbox_campaign_create_t *body,
                                                camp_inbox_campaign_t *out)
{
    const char *const args[3] = {NULL, NULL, NULL};
    return body_call(c, CAMP_ROUTE_CREATE, args, enc_campaign_create, body, dec_campaign, out);
}

camp_status_t camp_client_inbox_update_sequence(camp_client_t *c, const char *campaign_id,
                                                const camp_inbox_sequence_t *body,
                                                camp_inbox_sequence_t *out)
{
    const char *const args[3] = {campaign_id, NULL, NULL};
    return body_call(c, CAMP_ROUTE_SEQUENCE, args, enc_sequence_update, body, dec_sequence, out);
}

camp_status_t camp_client_inbox_update_lead_rules(camp_client_t *c, const char *campaign_id,
                                                  const camp_inbox_rules_update_t *body,
                                                  camp_inbox_success_t *out)
{
    const char *const args[3] = {campaign_id, NULL, NULL};
    return body_call(c, CAMP_ROUTE_RULES, args, enc_rules_update, body, dec_success, out);
}

camp_status_t camp_client_inbox_add_leads(camp_client_t *c, const char *campaign_id,
                                          const camp_inbox_leads_add_t *body,
                                          camp_inbox_leads_add_result_t *out)
{
    const char *const args[3] = {campaign_id, NULL, NULL};
    return body_call(c, CAMP_ROUTE_LEADS_ADD, args, enc_leads_add, body, dec_leads_add_result, out);
}

camp_status_t camp_client_inbox_update_lead(camp_client_t *c, const char *campaign_id,
                                            const char *identifier,
                                            const camp_inbox_lead_update_t *body)
{
    const char *const args[3] = {campaign_id, identifier, NULL};
    return body_call(c, CAMP_ROUTE_LEAD_UPDATE, args, enc_lead_update, body, NULL, NULL);
}

camp_status_t camp_client_inbox_cancel_lead(camp_client_t *c, const char *campaign_id,
                                            const char *identifier,
                                            const camp_inbox_lead_cancel_t *body,
                                            camp_inbox_success_t *out)
{
    const char *const args[3] = {campaign_id, identifier, NULL};
    return body_call(c, CAMP_ROUTE_LEAD_CANCEL, args, enc_lead_cancel, body, dec_success, out);
}

camp_status_t camp_client_inbox_update_column(camp_client_t *c, const char *campaign_id,
                                              const char *column_id,
                                              const camp_inbox_column_update_t *body,
                                              camp_inbox_column_t *out)
{
    const char *const args[3] = {campaign_id, NULL, column_id};
    return body_call(c, CAMP_ROUTE_COLUMN_UPDATE, args, enc_column_update, body, dec_column, out);
}

camp_status_t camp_client_outbox_create_campaign(camp_client_t *c,
                                                 const camp_outbox_campaign_create_t *body,
                                                 camp_outbox_campaign_t *out)
{
    const char *const args[3] = {NULL, NULL, NULL};
    return body_call(c, CAMP_ROUTE_OUTBOX_CAMPAIGN_CREATE, args, enc_outbox_campaign_create, body,
                     dec_outbox_campaign, out);
}

camp_status_t camp_client_outbox_create_sender(camp_client_t *c,
                                               const camp_outbox_sender_create_t *body,
                                               camp_outbox_sender_t *out)
{
    const char *const args[3] = {NULL, NULL, NULL};
    return body_call(c, CAMP_ROUTE_OUTBOX_SENDER_CREATE, args, enc_outbox_sender_create, body,
                     dec_outbox_sender, out);
}

camp_status_t camp_client_outbox_list_contacts(camp_client_t *c,
                                               const camp_client_contacts_query_t *query,
                                               camp_outbox_contacts_page_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (c != NULL) {
        call_t *k = call_init(c, CAMP_ROUTE_OUTBOX_CONTACTS, NULL);
        k->query = query;
        k->decode = dec_outbox_contacts;
        k->out = out;
        st = camp_cl_run(c, k);
    }
    return st;
}

/* ---- team and the event feed ---------------------------------------------------------- */

camp_status_t camp_client_inbox_get_team(camp_client_t *c, camp_inbox_team_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (c != NULL) {
        call_t *k = call_init(c, CAMP_ROUTE_TEAM, NULL);
        if (out != NULL) {
            k->decode = dec_team;
            k->out = out;
        }
        st = camp_cl_run(c, k);
    }
    return st;
}

camp_status_t camp_client_inbox_list_events(camp_client_t *c, int64_t after_seq, unsigned limit,
                                            camp_inbox_events_page_t *page)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (c != NULL) {
        call_t *k = call_init(c, CAMP_ROUTE_EVENTS, NULL);
        k->after_seq = (after_seq < 0) ? -1 : after_seq;
        k->limit = limit;
        if (page != NULL) {
            k->decode = dec_events_page;
            k->out = page;
            k->keep_doc = true;
        }
        st = camp_cl_run(c, k);
    }
    return st;
}

/* ---- what the pointers are called from ---------------------------------------------- */

/* Encode the request body at work[0..). */
camp_status_t camp_cl_encode_body(camp_client_t *c, const call_t *call, size_t *len)
{
    *len = 0;
    if (call->encode == NULL) {
        return CAMP_OK;
    }
    return call->encode(call->body, (char *)c->work, c->work_cap, len, &c->last.diag);
}

camp_status_t camp_cl_decode_body(camp_client_t *c, const call_t *call, char *body, size_t len)
{
    camp_diag_t *diag = &c->last.diag;
    camp_json_doc_t *doc = &c->doc_;
    camp_status_t st;
    if (call->decode == NULL) {
        return camp_json_check(body, len, CAMP_JSON_MAX_DEPTH, diag);
    }
    if (call->out == NULL) {
        return CAMP_OK;
    }
    st = camp_json_parse(doc, body, len, c->tokens, c->token_cap, diag);
    if (st != CAMP_OK) {
        doc->text = NULL;
        return st;
    }
    return call->decode(doc, call->out, diag);
}
