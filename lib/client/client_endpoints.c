/* The endpoint functions and the models they exchange; the call runner, routes and
 * requests are in client.c. Each endpoint names its own encoder and decoder through
 * small typed adapters, so a program links the models of the calls it makes and no
 * others. */
#include <string.h>

#include "camp/camp_client.h"
#include "client/client_internal.h"
#include "inbox/inbox_levels.h"
#include "status/status_internal.h"

/* ---- the endpoints' models ------------------------------------------------------------ */

/* One small adapter per request and response model: each endpoint names its own, so
 * a program links the encoders and decoders of the calls it makes and no others
 * (a call to get a campaign brings neither Outbox nor the request encoders). */
static camp_status_t enc_campaign_create(void *levels, const void *body, char *buf, size_t cap,
                                         size_t *len, camp_diag_t *diag)
{
    return camp_ib_campaign_create_encode_at(levels, (const camp_inbox_campaign_create_t *)body,
                                             buf, cap, len, diag);
}

static camp_status_t enc_sequence_update(void *levels, const void *body, char *buf, size_t cap,
                                         size_t *len, camp_diag_t *diag)
{
    return camp_ib_sequence_update_encode_at(levels, (const camp_inbox_sequence_t *)body, buf, cap,
                                             len, diag);
}

static camp_status_t enc_rules_update(void *levels, const void *body, char *buf, size_t cap,
                                      size_t *len, camp_diag_t *diag)
{
    return camp_ib_rules_update_encode_at(levels, (const camp_inbox_rules_update_t *)body, buf, cap,
                                          len, diag);
}

static camp_status_t enc_leads_add(void *levels, const void *body, char *buf, size_t cap,
                                   size_t *len, camp_diag_t *diag)
{
    return camp_ib_leads_add_encode_at(levels, (const camp_inbox_leads_add_t *)body, buf, cap, len,
                                       diag);
}

static camp_status_t enc_lead_update(void *levels, const void *body, char *buf, size_t cap,
                                     size_t *len, camp_diag_t *diag)
{
    return camp_ib_lead_update_encode_at(levels, (const camp_inbox_lead_update_t *)body, buf, cap,
                                         len, diag);
}

static camp_status_t enc_lead_cancel(void *levels, const void *body, char *buf, size_t cap,
                                     size_t *len, camp_diag_t *diag)
{
    return camp_ib_lead_cancel_encode_at(levels, (const camp_inbox_lead_cancel_t *)body, buf, cap,
                                         len, diag);
}

static camp_status_t enc_column_update(void *levels, const void *body, char *buf, size_t cap,
                                       size_t *len, camp_diag_t *diag)
{
    return camp_ib_column_update_encode_at(levels, (const camp_inbox_column_update_t *)body, buf,
                                           cap, len, diag);
}

static camp_status_t enc_outbox_campaign_create(void *levels, const void *body, char *buf,
                                                size_t cap, size_t *len, camp_diag_t *diag)
{
    (void)levels; /* an Outbox call keeps its few levels on its own stack */
    return camp_outbox_campaign_create_encode((const camp_outbox_campaign_create_t *)body, buf, cap,
                                              len, diag);
}

static camp_status_t enc_outbox_sender_create(void *levels, const void *body, char *buf, size_t cap,
                                              size_t *len, camp_diag_t *diag)
{
    (void)levels; /* an Outbox call keeps its few levels on its own stack */
    return camp_outbox_sender_create_encode((const camp_outbox_sender_create_t *)body, buf, cap,
                                            len, diag);
}

static camp_status_t dec_campaign(void *levels, camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_ib_campaign_decode_at(levels, doc, (camp_inbox_campaign_t *)out, diag);
}

static camp_status_t dec_sequence(void *levels, camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_ib_sequence_decode_at(levels, doc, (camp_inbox_sequence_t *)out, diag);
}

static camp_status_t dec_success(void *levels, camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_ib_success_decode_at(levels, doc, (camp_inbox_success_t *)out, diag);
}

static camp_status_t dec_leads_add_result(void *levels, camp_json_doc_t *doc, void *out,
                                          camp_diag_t *diag)
{
    return camp_ib_leads_add_result_decode_at(levels, doc, (camp_inbox_leads_add_result_t *)out,
                                              diag);
}

static camp_status_t dec_column(void *levels, camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_ib_column_decode_at(levels, doc, (camp_inbox_column_t *)out, diag);
}

static camp_status_t dec_team(void *levels, camp_json_doc_t *doc, void *out, camp_diag_t *diag)
{
    return camp_ib_team_decode_at(levels, doc, (camp_inbox_team_t *)out, diag);
}

static camp_status_t dec_events_page(void *levels, camp_json_doc_t *doc, void *out,
                                     camp_diag_t *diag)
{
    (void)levels; /* a page keeps one level of its own */
    return camp_inbox_events_page_decode(doc, 0, (camp_inbox_events_page_t *)out, diag);
}

static camp_status_t dec_outbox_campaign(void *levels, camp_json_doc_t *doc, void *out,
                                         camp_diag_t *diag)
{
    (void)levels; /* an Outbox call keeps its few levels on its own stack */
    return camp_outbox_campaign_decode(doc, 0, (camp_outbox_campaign_t *)out, diag);
}

static camp_status_t dec_outbox_sender(void *levels, camp_json_doc_t *doc, void *out,
                                       camp_diag_t *diag)
{
    (void)levels; /* an Outbox call keeps its few levels on its own stack */
    return camp_outbox_sender_decode(doc, 0, (camp_outbox_sender_t *)out, diag);
}

static camp_status_t dec_outbox_contacts(void *levels, camp_json_doc_t *doc, void *out,
                                         camp_diag_t *diag)
{
    (void)levels; /* an Outbox call keeps its few levels on its own stack */
    return camp_outbox_contacts_page_decode(doc, 0, (camp_outbox_contacts_page_t *)out, diag);
}

/* enable / pause: the documented example sends {} */
static camp_status_t enc_empty_object(void *levels, const void *body, char *buf, size_t cap,
                                      size_t *len, camp_diag_t *diag)
{
    (void)levels;
    (void)body;
    if (cap < 2) {
        camp_diag_set(diag, CAMP_ERR_BUFFER_TOO_SMALL, "$",
                      CAMP_RULE(C12, "work buffer too small"));
        diag->needed = 2;
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    buf[0] = '{';
    buf[1] = '}';
    *len = 2;
    return CAMP_OK;
}

/* ---- endpoints ------------------------------------------------------------------------- */

/* Start describing a call in the client's own call_: no body, the response checked
 * as JSON, until the endpoint says otherwise. NULL when c is NULL. The runner is
 * each endpoint's last call, a tail call: the endpoint's frame is gone before the
 * call runs. */
static call_t *call_init(camp_client_t *c, camp_route_id_t route, const char *campaign_id)
{
    call_t *k = NULL;
    if (c != NULL) {
        k = &c->call_;
        memset(k, 0, sizeof *k);
        k->route = route;
        k->args[0] = campaign_id;
    }
    return k;
}

/* get, enable, pause: the response is the campaign (its id is checked by the runner). */
static call_t *campaign_call(camp_client_t *c, camp_route_id_t route, const char *id,
                             camp_inbox_campaign_t *out)
{
    call_t *k = call_init(c, route, id);
    if (k != NULL) {
        k->decode = dec_campaign;
        k->out = out;
    }
    return k;
}

camp_status_t camp_client_inbox_get_campaign(camp_client_t *c, const char *campaign_id,
                                             camp_inbox_campaign_t *out)
{
    call_t *k = campaign_call(c, CAMP_ROUTE_GET_CAMPAIGN, campaign_id, out);
    return (k == NULL) ? CAMP_ERR_ARG : camp_cl_run(c, k, NULL);
}

/* enable and pause: a campaign call with the empty body */
static camp_status_t state_call(camp_client_t *c, camp_route_id_t route, const char *id,
                                camp_inbox_campaign_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = campaign_call(c, route, id, out);
    if (k != NULL) {
        k->encode = enc_empty_object;
        st = camp_cl_run(c, k, NULL);
    }
    return st;
}

camp_status_t camp_client_inbox_enable_campaign(camp_client_t *c, const char *campaign_id,
                                                camp_inbox_campaign_t *out)
{
    return state_call(c, CAMP_ROUTE_ENABLE, campaign_id, out);
}

camp_status_t camp_client_inbox_pause_campaign(camp_client_t *c, const char *campaign_id,
                                               camp_inbox_campaign_t *out)
{
    return state_call(c, CAMP_ROUTE_PAUSE, campaign_id, out);
}

/* A call with a required body: NULL when c or the body is NULL (the call fails
 * with CAMP_ERR_ARG before anything is sent). */
static call_t *body_call(camp_client_t *c, camp_route_id_t route, camp_client_encode_fn encode,
                         const void *body)
{
    call_t *k;
    if (c == NULL) {
        return NULL;
    }
    if (body == NULL) {
        camp_cl_reset_last(c);
        c->last.status =
            camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "$", CAMP_RULE(C17, "body is required"));
        return NULL;
    }
    k = call_init(c, route, NULL);
    k->encode = encode;
    k->body = body;
    return k;
}

/* Run the body call; its response is decoded when the caller wants it, checked as
 * JSON otherwise. */
static camp_status_t run_body_call(camp_client_t *c, camp_client_decode_fn decode, void *out)
{
    if (out != NULL) {
        c->call_.decode = decode;
        c->call_.out = out;
    }
    return camp_cl_run(c, &c->call_, NULL);
}

camp_status_t camp_client_inbox_create_campaign(camp_client_t *c,
                                                const camp_inbox_campaign_create_t *body,
                                                camp_inbox_campaign_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (body_call(c, CAMP_ROUTE_CREATE, enc_campaign_create, body) != NULL) {
        st = run_body_call(c, dec_campaign, out);
    }
    return st;
}

camp_status_t camp_client_inbox_update_sequence(camp_client_t *c, const char *campaign_id,
                                                const camp_inbox_sequence_t *body,
                                                camp_inbox_sequence_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_SEQUENCE, enc_sequence_update, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        st = run_body_call(c, dec_sequence, out);
    }
    return st;
}

camp_status_t camp_client_inbox_update_lead_rules(camp_client_t *c, const char *campaign_id,
                                                  const camp_inbox_rules_update_t *body,
                                                  camp_inbox_success_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_RULES, enc_rules_update, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        st = run_body_call(c, dec_success, out);
    }
    return st;
}

camp_status_t camp_client_inbox_add_leads(camp_client_t *c, const char *campaign_id,
                                          const camp_inbox_leads_add_t *body,
                                          camp_inbox_leads_add_result_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_LEADS_ADD, enc_leads_add, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        st = run_body_call(c, dec_leads_add_result, out);
    }
    return st;
}

camp_status_t camp_client_inbox_update_lead(camp_client_t *c, const char *campaign_id,
                                            const char *identifier,
                                            const camp_inbox_lead_update_t *body)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_LEAD_UPDATE, enc_lead_update, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        k->args[1] = identifier;
        st = camp_cl_run(c, k, NULL);
    }
    return st;
}

camp_status_t camp_client_inbox_cancel_lead(camp_client_t *c, const char *campaign_id,
                                            const char *identifier,
                                            const camp_inbox_lead_cancel_t *body,
                                            camp_inbox_success_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_LEAD_CANCEL, enc_lead_cancel, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        k->args[1] = identifier;
        st = run_body_call(c, dec_success, out);
    }
    return st;
}

camp_status_t camp_client_inbox_update_column(camp_client_t *c, const char *campaign_id,
                                              const char *column_id,
                                              const camp_inbox_column_update_t *body,
                                              camp_inbox_column_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = body_call(c, CAMP_ROUTE_COLUMN_UPDATE, enc_column_update, body);
    if (k != NULL) {
        k->args[0] = campaign_id;
        k->args[2] = column_id;
        st = run_body_call(c, dec_column, out);
    }
    return st;
}

camp_status_t camp_client_outbox_create_campaign(camp_client_t *c,
                                                 const camp_outbox_campaign_create_t *body,
                                                 camp_outbox_campaign_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (body_call(c, CAMP_ROUTE_OUTBOX_CAMPAIGN_CREATE, enc_outbox_campaign_create, body) != NULL) {
        st = run_body_call(c, dec_outbox_campaign, out);
    }
    return st;
}

camp_status_t camp_client_outbox_create_sender(camp_client_t *c,
                                               const camp_outbox_sender_create_t *body,
                                               camp_outbox_sender_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    if (body_call(c, CAMP_ROUTE_OUTBOX_SENDER_CREATE, enc_outbox_sender_create, body) != NULL) {
        st = run_body_call(c, dec_outbox_sender, out);
    }
    return st;
}

/* The queries of the contacts list and the events feed, their checks and their
 * writers: passed to the runner by these endpoints only, so no other call links
 * them. */

static void put_int_query(camp_http_path_t *p, const char *key, uint64_t v)
{
    char out[CAMP_U64_DIGITS];
    size_t k = camp_u64_decimal(out, v);
    camp_http_path_query(p, key, &out[k], CAMP_U64_DIGITS - k);
}

static void put_events_query(const camp_client_call_t *call, camp_http_path_t *p)
{
    if (call->after_seq >= 0) {
        put_int_query(p, "afterSeq", (uint64_t)call->after_seq);
    }
    if (call->limit > 0) {
        put_int_query(p, "limit", (uint64_t)call->limit);
    }
}

static void put_contacts_query(const camp_client_call_t *call, camp_http_path_t *p)
{
    const camp_client_contacts_query_t *q = call->query;
    size_t k;
    if (q == NULL) {
        return;
    }
    if (q->page > 0) {
        put_int_query(p, "page", (uint64_t)q->page);
    }
    for (k = 0; k < q->tag_count; k++) {
        camp_http_path_query(p, "tags", q->tags[k], strlen(q->tags[k]));
    }
    if (q->sort_by != NULL) {
        camp_http_path_query(p, "sort_by", q->sort_by, strlen(q->sort_by));
    }
    if (q->sort_direction != NULL) {
        camp_http_path_query(p, "sort_direction", q->sort_direction, strlen(q->sort_direction));
    }
}

static camp_status_t check_events_query(camp_client_t *c, const call_t *call)
{
    camp_diag_t *diag = &c->last.diag;
    if (call->after_seq > CAMP_CLIENT_EVENTS_SEQ_MAX) {
        camp_diag_set(diag, CAMP_ERR_RANGE, "query.afterSeq", CAMP_RULE(C18, "must be 0..2^53-1"));
        camp_diag_set_limits(diag, 0, CAMP_CLIENT_EVENTS_SEQ_MAX);
        return CAMP_ERR_RANGE;
    }
    if (call->limit > CAMP_CLIENT_EVENTS_LIMIT_MAX) {
        camp_diag_set(diag, CAMP_ERR_RANGE, "query.limit",
                      CAMP_RULE(C19, "must be 1..1000 (0 = omitted)"));
        camp_diag_set_limits(diag, 1, (int64_t)CAMP_CLIENT_EVENTS_LIMIT_MAX);
        return CAMP_ERR_RANGE;
    }
    return CAMP_OK;
}

static camp_status_t check_contacts_query(camp_client_t *c, const call_t *call)
{
    const camp_client_contacts_query_t *q = call->query;
    camp_diag_t *diag = &c->last.diag;
    size_t i;
    if (q == NULL) {
        return CAMP_OK;
    }
    if (q->page < 0) {
        camp_diag_set(diag, CAMP_ERR_RANGE, "query.page",
                      CAMP_RULE(C20, "must be >= 1 (0 = omitted)"));
        camp_diag_set_limits(diag, 1, INT64_MAX);
        return CAMP_ERR_RANGE;
    }
    if (q->sort_by != NULL && strcmp(q->sort_by, "last_activity") != 0 &&
        strcmp(q->sort_by, "created_at") != 0) {
        return camp_diag_set(diag, CAMP_ERR_ENUM, "query.sort_by",
                             CAMP_RULE(C21, "must be \"last_activity\" or \"created_at\""));
    }
    if (q->sort_direction != NULL && strcmp(q->sort_direction, "asc") != 0 &&
        strcmp(q->sort_direction, "desc") != 0) {
        return camp_diag_set(diag, CAMP_ERR_ENUM, "query.sort_direction",
                             CAMP_RULE(C22, "must be \"asc\" or \"desc\""));
    }
    if (q->tag_count > 0 && q->tags == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "query.tags", CAMP_RULE(C23, "tags is NULL"));
    }
    for (i = 0; i < q->tag_count; i++) {
        if (q->tags[i] == NULL) {
            return camp_diag_set(diag, CAMP_ERR_ARG, "query.tags", CAMP_RULE(C24, "tag is NULL"));
        }
    }
    return CAMP_OK;
}

camp_status_t camp_client_outbox_list_contacts(camp_client_t *c,
                                               const camp_client_contacts_query_t *query,
                                               camp_outbox_contacts_page_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = call_init(c, CAMP_ROUTE_OUTBOX_CONTACTS, NULL);
    if (k != NULL) {
        k->query = query;
        k->put_query = put_contacts_query;
        k->decode = dec_outbox_contacts;
        k->out = out;
        st = camp_cl_run(c, k, check_contacts_query);
    }
    return st;
}

/* ---- team and the event feed ---------------------------------------------------------- */

camp_status_t camp_client_inbox_get_team(camp_client_t *c, camp_inbox_team_t *out)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = call_init(c, CAMP_ROUTE_TEAM, NULL);
    if (k != NULL) {
        if (out != NULL) {
            k->decode = dec_team;
            k->out = out;
        }
        st = camp_cl_run(c, k, NULL);
    }
    return st;
}

camp_status_t camp_client_inbox_list_events(camp_client_t *c, int64_t after_seq, unsigned limit,
                                            camp_inbox_events_page_t *page)
{
    camp_status_t st = CAMP_ERR_ARG;
    call_t *k = call_init(c, CAMP_ROUTE_EVENTS, NULL);
    if (k != NULL) {
        k->after_seq = (after_seq < 0) ? -1 : after_seq;
        k->limit = limit;
        k->put_query = put_events_query;
        if (page != NULL) {
            k->decode = dec_events_page;
            k->out = page;
            k->keep_doc = true;
        }
        st = camp_cl_run(c, k, check_events_query);
    }
    return st;
}
