/* The public entry points of the inbox module: dispatch by document type to
 * the per-struct operations, and the decode -> validate / validate -> encode
 * sequences. */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"
#include "inbox_levels.h"
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

/* The names in one pool, each found by a byte offset (a table of pointers is four
 * bytes a name); the struct's members give the offsets at build time. The offsets
 * come first, so one address reaches both; one more names "" (any other value). */
#define TYPE_NAMES(X)                                                                              \
    X(campaign, CAMPAIGN, "campaign")                                                              \
    X(campaign_page, CAMPAIGN_PAGE, "campaign-page")                                               \
    X(campaign_create, CAMPAIGN_CREATE, "campaign-create")                                         \
    X(sequence_update, SEQUENCE_UPDATE, "sequence-update")                                         \
    X(sequence, SEQUENCE, "sequence")                                                              \
    X(rules_update, RULES_UPDATE, "rules-update")                                                  \
    X(leads_add, LEADS_ADD, "leads-add")                                                           \
    X(leads_add_result, LEADS_ADD_RESULT, "leads-add-result")                                      \
    X(lead_update, LEAD_UPDATE, "lead-update")                                                     \
    X(lead_cancel, LEAD_CANCEL, "lead-cancel")                                                     \
    X(column_update, COLUMN_UPDATE, "column-update")                                               \
    X(column, COLUMN, "column")                                                                    \
    X(success, SUCCESS, "success")                                                                 \
    X(error, ERROR, "error")                                                                       \
    X(webhook, WEBHOOK, "webhook")                                                                 \
    X(team, TEAM, "team")

#define TYPE_NAME_MEMBER(M, E, S) char M[sizeof S];
#define TYPE_NAME_TEXT(M, E, S) S,
#define TYPE_NAME_AT(M, E, S) [CAMP_INBOX_##E] = (uint8_t)offsetof(type_names_t, M),
#define TYPE_NAME_ONE(M, E, S) +1

typedef struct type_names {
    uint8_t at[CAMP_INBOX_TYPE_COUNT + 1];
    TYPE_NAMES(TYPE_NAME_MEMBER)
    char none[1];
} type_names_t;

/* every type named once (the designators are distinct indices), the pool within a
 * byte's reach */
typedef char type_names_fit[((0 TYPE_NAMES(TYPE_NAME_ONE)) == CAMP_INBOX_TYPE_COUNT &&
                             sizeof(type_names_t) <= 256u)
                                ? 1
                                : -1];

static const type_names_t type_names = {
    {TYPE_NAMES(TYPE_NAME_AT)[CAMP_INBOX_TYPE_COUNT] = (uint8_t)offsetof(type_names_t, none)},
    TYPE_NAMES(TYPE_NAME_TEXT) ""};

const char *camp_inbox_type_name(camp_inbox_type_t type)
{
    unsigned i = ((unsigned)type < (unsigned)CAMP_INBOX_TYPE_COUNT)
                     ? (unsigned)type
                     : (unsigned)CAMP_INBOX_TYPE_COUNT;
    return (const char *)&type_names + type_names.at[i];
}

/* The request bodies: a constant expression, so that each document's entry below
 * carries it and a decode does not ask. */
#define IS_REQUEST(T)                                                                              \
    ((T) == CAMP_INBOX_CAMPAIGN_CREATE || (T) == CAMP_INBOX_SEQUENCE_UPDATE ||                     \
     (T) == CAMP_INBOX_RULES_UPDATE || (T) == CAMP_INBOX_LEADS_ADD ||                              \
     (T) == CAMP_INBOX_LEAD_UPDATE || (T) == CAMP_INBOX_LEAD_CANCEL ||                             \
     (T) == CAMP_INBOX_COLUMN_UPDATE)

bool camp_inbox_type_is_request(camp_inbox_type_t type)
{
    return IS_REQUEST(type);
}

/* Decode clears what it may not write: the members, not the large pools. Each pool
 * element is cleared (or written whole) as it is decoded, and elements past the
 * counts are not looked at. The add-leads body is mostly its two pools (36 KB with
 * the default capacities), a campaign its steps, segments and lists
 * (camp_ib_clear_campaign(): CLEAR_CAMPAIGN 0). Each document's entry carries its
 * size (ib_doc_t::clear), so a decode reads no table of every type's. */
#define CLEAR_CAMPAIGN 0u
#define CLEAR_CAMPAIGN_PAGE offsetof(camp_inbox_campaign_page_t, items)
#define CLEAR_CAMPAIGN_CREATE sizeof(camp_inbox_campaign_create_t)
#define CLEAR_SEQUENCE_UPDATE offsetof(camp_inbox_sequence_t, steps)
#define CLEAR_SEQUENCE offsetof(camp_inbox_sequence_t, steps)
#define CLEAR_RULES_UPDATE sizeof(camp_inbox_rules_update_t)
#define CLEAR_LEADS_ADD offsetof(camp_inbox_leads_add_t, ids)
#define CLEAR_LEADS_ADD_RESULT sizeof(camp_inbox_leads_add_result_t)
#define CLEAR_LEAD_UPDATE sizeof(camp_inbox_lead_update_t)
#define CLEAR_LEAD_CANCEL sizeof(camp_inbox_lead_cancel_t)
#define CLEAR_COLUMN_UPDATE sizeof(camp_inbox_column_update_t)
#define CLEAR_COLUMN sizeof(camp_inbox_column_t)
#define CLEAR_SUCCESS sizeof(camp_inbox_success_t)
#define CLEAR_ERROR sizeof(camp_inbox_error_t)
#define CLEAR_WEBHOOK sizeof(camp_inbox_webhook_t)
#define CLEAR_TEAM sizeof(camp_inbox_team_t)

/* The entry of document type CAMP_INBOX_@p E: what decode clears (in 16 bits,
 * checked at build), its levels and whether it is a request body. */
#define IB_DOC_ENTRY(E, NODE, DEPTH, FAMILY)                                                       \
    IB_DOC_INIT(CLEAR_##E, NODE, DEPTH, IS_REQUEST(CAMP_INBOX_##E), &FAMILY)

/* doc_NAME (decoding) and depth_NAME: the frames its type-specific entry points
 * keep. A document whose family holds both sides is this one entry: its walk_NAME
 * is its doc_NAME (defined below), not a copy of it. */
#define IB_DOC_ONE(NAME, E, NODE, DEPTH, FAMILY)                                                   \
    enum {                                                                                         \
        depth_##NAME = DEPTH                                                                       \
    };                                                                                             \
    typedef char                                                                                   \
        clear_fits_##NAME[((CLEAR_##E) <= UINT16_MAX && (DEPTH) < IB_DOC_REQUEST) ? 1 : -1];       \
    static const ib_doc_t doc_##NAME = IB_DOC_ENTRY(E, NODE, DEPTH, camp_ib_##FAMILY##_family);
/* Those and walk_NAME (the struct walks: validate, equal, encode), which differs in
 * its family: each links only its own side of the hooks. */
#define IB_DOC(NAME, E, NODE, DEPTH, FAMILY, WALK_FAMILY)                                          \
    IB_DOC_ONE(NAME, E, NODE, DEPTH, FAMILY)                                                       \
    static const ib_doc_t walk_##NAME =                                                            \
        IB_DOC_ENTRY(E, NODE, DEPTH, camp_ib_##WALK_FAMILY##_family);

IB_DOC(campaign, CAMPAIGN, N_CAMPAIGN, IB_DEPTH_CAMPAIGN, campaign, campaign_walk)
IB_DOC(campaign_page, CAMPAIGN_PAGE, N_PAGE, IB_MAX_DEPTH, page, page_walk)
IB_DOC(campaign_create, CAMPAIGN_CREATE, N_CREATE, IB_DEPTH_CREATE, rules, rules_walk)
IB_DOC(sequence_update, SEQUENCE_UPDATE, N_SEQUENCE, IB_DEPTH_SEQUENCE, campaign, campaign_walk)
IB_DOC(sequence, SEQUENCE, N_SEQUENCE, IB_DEPTH_SEQUENCE, campaign, campaign_walk)
IB_DOC(rules_update, RULES_UPDATE, N_RULES_UPDATE, IB_DEPTH_FLAT, rules, rules_walk)
IB_DOC(leads_add, LEADS_ADD, N_LEADS_ADD, IB_DEPTH_LEADS, leads, leads_walk)
IB_DOC_ONE(leads_add_result, LEADS_ADD_RESULT, N_LEADS_ADD_RESULT, IB_DEPTH_FLAT, leads_add_result)
IB_DOC_ONE(lead_update, LEAD_UPDATE, N_LEAD_UPDATE, IB_DEPTH_FLAT, lead_update)
IB_DOC_ONE(lead_cancel, LEAD_CANCEL, N_LEAD_CANCEL, IB_DEPTH_FLAT, lead_cancel)
IB_DOC_ONE(column_update, COLUMN_UPDATE, N_COLUMN_UPDATE, IB_DEPTH_FLAT, column_update)
IB_DOC_ONE(column, COLUMN, N_COLUMN, IB_DEPTH_FLAT, column)
IB_DOC(success, SUCCESS, N_SUCCESS, IB_DEPTH_FLAT, success, success_walk)
IB_DOC(error, ERROR, N_ERROR, IB_DEPTH_FLAT, error, error_walk)
IB_DOC(webhook, WEBHOOK, N_WEBHOOK, IB_DEPTH_WEBHOOK, webhook, webhook_walk)
IB_DOC_ONE(team, TEAM, N_TEAM, IB_DEPTH_FLAT, team)
#define walk_leads_add_result doc_leads_add_result
#define walk_lead_update doc_lead_update
#define walk_lead_cancel doc_lead_cancel
#define walk_column_update doc_column_update
#define walk_column doc_column
#define walk_team doc_team
/* not a camp_inbox_type_t: the envelope of an event-feed page, its flat members only */
enum {
    depth_events_page = 1
};
static const ib_doc_t doc_events_page =
    IB_DOC_INIT(0u, N_EVENTS_PAGE, depth_events_page, false, &camp_ib_events_page_family);

static IB_HOT const ib_doc_t *doc_of(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return &doc_campaign;
    case CAMP_INBOX_CAMPAIGN_PAGE: return &doc_campaign_page;
    case CAMP_INBOX_CAMPAIGN_CREATE: return &doc_campaign_create;
    case CAMP_INBOX_SEQUENCE_UPDATE: return &doc_sequence_update;
    case CAMP_INBOX_SEQUENCE: return &doc_sequence;
    case CAMP_INBOX_RULES_UPDATE: return &doc_rules_update;
    case CAMP_INBOX_LEADS_ADD: return &doc_leads_add;
    case CAMP_INBOX_LEADS_ADD_RESULT: return &doc_leads_add_result;
    case CAMP_INBOX_LEAD_UPDATE: return &doc_lead_update;
    case CAMP_INBOX_LEAD_CANCEL: return &doc_lead_cancel;
    case CAMP_INBOX_COLUMN_UPDATE: return &doc_column_update;
    case CAMP_INBOX_COLUMN: return &doc_column;
    case CAMP_INBOX_SUCCESS: return &doc_success;
    case CAMP_INBOX_ERROR: return &doc_error;
    case CAMP_INBOX_WEBHOOK: return &doc_webhook;
    case CAMP_INBOX_TEAM: return &doc_team;
    default: return NULL;
    }
}

/* The same documents as the struct walks run them. */
static const ib_doc_t *walk_of(camp_inbox_type_t type)
{
    switch (type) {
    case CAMP_INBOX_CAMPAIGN: return &walk_campaign;
    case CAMP_INBOX_CAMPAIGN_PAGE: return &walk_campaign_page;
    case CAMP_INBOX_CAMPAIGN_CREATE: return &walk_campaign_create;
    case CAMP_INBOX_SEQUENCE_UPDATE: return &walk_sequence_update;
    case CAMP_INBOX_SEQUENCE: return &walk_sequence;
    case CAMP_INBOX_RULES_UPDATE: return &walk_rules_update;
    case CAMP_INBOX_LEADS_ADD: return &walk_leads_add;
    case CAMP_INBOX_LEADS_ADD_RESULT: return &walk_leads_add_result;
    case CAMP_INBOX_LEAD_UPDATE: return &walk_lead_update;
    case CAMP_INBOX_LEAD_CANCEL: return &walk_lead_cancel;
    case CAMP_INBOX_COLUMN_UPDATE: return &walk_column_update;
    case CAMP_INBOX_COLUMN: return &walk_column;
    case CAMP_INBOX_SUCCESS: return &walk_success;
    case CAMP_INBOX_ERROR: return &walk_error;
    case CAMP_INBOX_WEBHOOK: return &walk_webhook;
    case CAMP_INBOX_TEAM: return &walk_team;
    default: return NULL;
    }
}

/* What document @p d's decode does not write is cleared first (ib_doc_t::clear). */
static void clear_out(const ib_doc_t *d, void *out)
{
    if (d->clear == 0u) {
        camp_ib_clear_campaign((camp_inbox_campaign_t *)out);
    } else {
        memset(out, 0, d->clear);
    }
}

/* Whether @p tok is a token of @p doc: the kind test inline where speed paths are
 * on (a call less per decode), the getter's call where size matters. */
static bool is_token(const camp_json_doc_t *doc, int tok)
{
#if CAMP_ENGINE_FAST_PATHS
    /* an object (the usual document) without the other kinds' tests */
    return (doc != NULL) && (doc->tokens != NULL) &&
           (camp_json_object_at(doc, tok) || (camp_json_kind_at(doc, tok) != CAMP_JSON_INVALID));
#else
    return camp_json_kind(doc, tok) != CAMP_JSON_INVALID;
#endif
}

/* The walk's frames come from the entry point: d->depth of them (a type-specific
 * entry point keeps exactly that many, the by-type ones the deepest, the _at calls
 * take them from their caller's memory). */
static camp_status_t decode_with(const ib_doc_t *d, iframe_t *frames, camp_json_doc_t *doc, int tok,
                                 void *out, camp_diag_t *diag)
{
    camp_diag_clear(diag);
    if ((d == NULL) || (out == NULL) || !is_token(doc, tok)) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    clear_out(d, out);
    return camp_ib_decode(d, frames, doc, tok, out, diag);
}

/* The by-type calls take the output's size: a wrong one is a bad argument (NULL). */
static const ib_doc_t *sized_doc(camp_inbox_type_t type, size_t out_size)
{
    return (out_size == camp_inbox_type_size(type)) ? doc_of(type) : NULL;
}

camp_status_t camp_inbox_decode(camp_inbox_type_t type, camp_json_doc_t *doc, int tok, void *out,
                                size_t out_size, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    return decode_with(sized_doc(type, out_size), frames, doc, tok, out, diag);
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
    return decode_with(sized_doc(type, out_size), frames, &doc, 0, out, diag);
}

camp_status_t camp_inbox_validate(camp_inbox_type_t type, const void *obj, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    const ib_doc_t *d = walk_of(type);
    camp_diag_clear(diag);
    if (obj == NULL || d == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    return camp_ib_walk(d, frames, OP_VALIDATE, obj, NULL, diag);
}

/* The argument checks; the walks, the writer and their context share the engine's
 * frame (camp_ib_encode()), reached by a tail call. */
static camp_status_t encode_with(const ib_doc_t *d, iframe_t *frames, const void *obj, char *buf,
                                 size_t cap, size_t *out_len, camp_diag_t *diag)
{
    camp_diag_clear(diag);
    if (out_len != NULL) {
        *out_len = 0;
    }
    if (d == NULL || obj == NULL || (buf == NULL && cap > 0)) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    return camp_ib_encode(d, frames, obj, buf, cap, out_len, diag);
}

camp_status_t camp_inbox_encode(camp_inbox_type_t type, const void *obj, char *buf, size_t cap,
                                size_t *out_len, camp_diag_t *diag)
{
    iframe_t frames[IB_MAX_DEPTH];
    return encode_with(walk_of(type), frames, obj, buf, cap, out_len, diag);
}

bool camp_inbox_equal(camp_inbox_type_t type, const void *a, const void *b)
{
    iframe_t frames[IB_MAX_DEPTH];
    const ib_doc_t *d = walk_of(type);
    if (a == NULL || b == NULL || d == NULL) {
        return false;
    }
    return camp_ib_walk(d, frames, OP_EQUAL, a, b, NULL) == CAMP_OK;
}

/* ---- type-specific entry points (link only their own document type) ---- */

/* Each one keeps exactly the frames its document needs (depth_NAME). */
#define TYPED_DECODE(NAME, STRUCT)                                                                 \
    camp_status_t camp_inbox_##NAME##_decode(camp_json_doc_t *doc, int tok, STRUCT *out,           \
                                             camp_diag_t *diag)                                    \
    {                                                                                              \
        iframe_t frames[depth_##NAME];                                                             \
        return decode_with(&doc_##NAME, frames, doc, tok, out, diag);                              \
    }                                                                                              \
    camp_status_t camp_inbox_##NAME##_parse(char *json, size_t len, camp_json_token_t *tokens,     \
                                            size_t capacity, STRUCT *out, camp_diag_t *diag)       \
    {                                                                                              \
        iframe_t frames[depth_##NAME];                                                             \
        camp_json_doc_t doc;                                                                       \
        camp_status_t st = camp_json_parse(&doc, json, len, tokens, capacity, diag);               \
        if (st != CAMP_OK) {                                                                       \
            return st;                                                                             \
        }                                                                                          \
        return decode_with(&doc_##NAME, frames, &doc, 0, out, diag);                               \
    }

#define TYPED_ENCODE(NAME, STRUCT)                                                                 \
    camp_status_t camp_inbox_##NAME##_encode(const STRUCT *obj, char *buf, size_t cap,             \
                                             size_t *out_len, camp_diag_t *diag)                   \
    {                                                                                              \
        iframe_t frames[depth_##NAME];                                                             \
        return encode_with(&walk_##NAME, frames, obj, buf, cap, out_len, diag);                    \
    }                                                                                              \
    LEVELS_FIT(NAME)                                                                               \
    camp_status_t camp_ib_##NAME##_encode_at(void *levels, const STRUCT *obj, char *buf,           \
                                             size_t cap, size_t *out_len, camp_diag_t *diag)       \
    {                                                                                              \
        return encode_with(&walk_##NAME, (iframe_t *)levels, obj, buf, cap, out_len, diag);        \
    }

/* The same calls with the levels in the caller's memory (inbox_levels.h). */
#define TYPED_DECODE_AT(NAME, STRUCT)                                                              \
    LEVELS_FIT(NAME)                                                                               \
    camp_status_t camp_ib_##NAME##_decode_at(void *levels, camp_json_doc_t *doc, STRUCT *out,      \
                                             camp_diag_t *diag)                                    \
    {                                                                                              \
        return decode_with(&doc_##NAME, (iframe_t *)levels, doc, 0, out, diag);                    \
    }

/* A build-time check that the caller's room holds the document's levels (a negative
 * array size stops the build). */
#define LEVELS_FIT(NAME)                                                                           \
    typedef char levels_fit_##NAME                                                                 \
        [(depth_##NAME <= CAMP_IB_AT_LEVELS && sizeof(iframe_t) <= CAMP_IB_LEVEL_BYTES) ? 1 : -1];

TYPED_DECODE(campaign, camp_inbox_campaign_t)
TYPED_DECODE(campaign_page, camp_inbox_campaign_page_t)
TYPED_DECODE(sequence, camp_inbox_sequence_t)
TYPED_DECODE(leads_add_result, camp_inbox_leads_add_result_t)
TYPED_DECODE(column, camp_inbox_column_t)
TYPED_DECODE(success, camp_inbox_success_t)
TYPED_DECODE(error, camp_inbox_error_t)
TYPED_DECODE(webhook, camp_inbox_webhook_t)
TYPED_DECODE(team, camp_inbox_team_t)

TYPED_DECODE_AT(campaign, camp_inbox_campaign_t)
TYPED_DECODE_AT(sequence, camp_inbox_sequence_t)
TYPED_DECODE_AT(leads_add_result, camp_inbox_leads_add_result_t)
TYPED_DECODE_AT(column, camp_inbox_column_t)
TYPED_DECODE_AT(success, camp_inbox_success_t)
TYPED_DECODE_AT(error, camp_inbox_error_t)
TYPED_DECODE_AT(team, camp_inbox_team_t)

TYPED_ENCODE(campaign_create, camp_inbox_campaign_create_t)
TYPED_ENCODE(sequence_update, camp_inbox_sequence_t)
TYPED_ENCODE(rules_update, camp_inbox_rules_update_t)
TYPED_ENCODE(leads_add, camp_inbox_leads_add_t)
TYPED_ENCODE(lead_update, camp_inbox_lead_update_t)
TYPED_ENCODE(lead_cancel, camp_inbox_lead_cancel_t)
TYPED_ENCODE(column_update, camp_inbox_column_update_t)

/* ---- event feed pages ---------------------------------------------------------------------- */

camp_status_t camp_inbox_events_page_decode(camp_json_doc_t *doc, int tok,
                                            camp_inbox_events_page_t *out, camp_diag_t *diag)
{
    ictx_t cx;
    iframe_t frame[depth_events_page];
    camp_status_t st;
    camp_diag_clear(diag);
    /* a NULL doc is a token of no document: camp_json_kind() answers CAMP_JSON_INVALID */
    if (out == NULL || camp_json_kind(doc, tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", CAMP_RULE(I01, "bad argument"));
    }
    memset(out, 0, sizeof *out);
    camp_ib_ctx_init(&cx, OP_DECODE, &doc_events_page, diag, frame);
    cx.u.d.doc = doc;
    st = camp_ib_events_page_op(&cx, out, tok);
    camp_ib_report(&cx, st);
    if (st != CAMP_OK) {
        out->count = 0;
        out->next_tok = -1;
    }
    return st;
}

LEVELS_FIT(webhook)
camp_status_t camp_ib_events_next_at(void *levels, camp_json_doc_t *doc,
                                     camp_inbox_events_page_t *page, camp_inbox_webhook_t *ev,
                                     bool *done, camp_diag_t *diag)
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
    if (camp_json_kind(doc, page->next_tok) == CAMP_JSON_INVALID) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$",
                             CAMP_RULE(I04, "page does not belong to this document"));
    }
    st = decode_with(&doc_webhook, (iframe_t *)levels, doc, page->next_tok, ev, diag);
    if (st == CAMP_OK) {
        page->next++;
        page->next_tok = camp_json_next(doc, page->next_tok);
    }
    return st;
}

/* The levels on this frame, the body above (one copy: the call costs a few bytes of
 * stack, not a second body). */
camp_status_t camp_inbox_events_next(camp_json_doc_t *doc, camp_inbox_events_page_t *page,
                                     camp_inbox_webhook_t *ev, bool *done, camp_diag_t *diag)
{
    iframe_t frames[depth_webhook];
    return camp_ib_events_next_at(frames, doc, page, ev, done, diag);
}
