/* campctl validate --type outbox-*: decoders of the Outbox models and their
 * --print output, one `path = value` line per decoded member. Strings are printed
 * JSON-quoted, absent members are not printed, null prints as `null`. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

/* ---- printing helpers --------------------------------------------------------------- */

static void print_quoted(FILE *out, const char *s, size_t len)
{
    term_json_string(out, s, len); /* valid JSON whatever the bytes; no terminal controls */
}

static void p_str(FILE *out, const char *prefix, const char *key, camp_str_t s)
{
    if (s.ptr == NULL) {
        return;
    }
    fprintf(out, "%s.%s = ", prefix, key);
    print_quoted(out, s.ptr, s.len);
    fputc('\n', out);
}

/* Whether the CAMP_OUTBOX_*_HAS_* bit @p bit is set in @p obj's `present` word. */
#define HAS(obj, bit) ((((obj)->present) & (bit)) != 0u)

/* A nullable member: printed when present (@p has), as null when its ptr is NULL. */
static void p_nstr(FILE *out, const char *prefix, const char *key, bool has, camp_str_t s)
{
    if (!has) {
        return;
    }
    if (s.ptr == NULL) {
        fprintf(out, "%s.%s = null\n", prefix, key);
    } else {
        p_str(out, prefix, key, s);
    }
}

static void p_raw(FILE *out, const char *prefix, const char *key, camp_str_t s)
{
    if (s.ptr != NULL) {
        fprintf(out, "%s.%s = ", prefix, key);
        term_json_raw(out, s.ptr, s.len);
        fputc('\n', out);
    }
}

static void p_bool(FILE *out, const char *prefix, const char *key, bool has, bool b)
{
    if (has) {
        fprintf(out, "%s.%s = %s\n", prefix, key, b ? "true" : "false");
    }
}

static void p_int(FILE *out, const char *prefix, const char *key, int64_t v)
{
    fprintf(out, "%s.%s = %" PRId64 "\n", prefix, key, v);
}

static void p_oint(FILE *out, const char *prefix, const char *key, bool has, int64_t v)
{
    if (has) {
        p_int(out, prefix, key, v);
    }
}

static void p_enum(FILE *out, const char *prefix, const char *key, const char *name)
{
    if (name != NULL) {
        fprintf(out, "%s.%s = \"%s\"\n", prefix, key, name);
    }
}

static void p_list(FILE *out, const char *prefix, const char *key, bool set, size_t count,
                   const camp_str_t *items)
{
    size_t i;
    if (!set) {
        return;
    }
    if (count == 0) {
        fprintf(out, "%s.%s = []\n", prefix, key);
    }
    for (i = 0; i < count; i++) {
        fprintf(out, "%s.%s[%zu] = ", prefix, key, i);
        print_quoted(out, items[i].ptr, items[i].len);
        fputc('\n', out);
    }
}

/* ---- per type ------------------------------------------------------------------------ */

static void print_campaign(FILE *out, const camp_outbox_campaign_t *c)
{
    size_t i;
    char prefix[48];
    p_str(out, "$", "id", c->id);
    if (c->step_count == 0) {
        fputs("$.steps = []\n", out);
    }
    for (i = 0; i < c->step_count; i++) {
        const camp_outbox_step_t *s = &c->steps[i];
        snprintf(prefix, sizeof prefix, "$.steps[%zu]", i);
        p_str(out, prefix, "id", s->id);
        p_str(out, prefix, "updated_at", s->updated_at);
        p_str(out, prefix, "campaign", s->campaign);
        p_oint(out, prefix, "step_order", HAS(s, CAMP_OUTBOX_STEP_HAS_STEP_ORDER), s->step_order);
        p_nstr(out, prefix, "subject", HAS(s, CAMP_OUTBOX_STEP_HAS_SUBJECT), s->subject);
        p_nstr(out, prefix, "body_html", HAS(s, CAMP_OUTBOX_STEP_HAS_BODY_HTML), s->body_html);
        p_nstr(out, prefix, "body_text", HAS(s, CAMP_OUTBOX_STEP_HAS_BODY_TEXT), s->body_text);
        p_oint(out, prefix, "delay_minutes", HAS(s, CAMP_OUTBOX_STEP_HAS_DELAY_MINUTES),
               s->delay_minutes);
        p_bool(out, prefix, "is_active", HAS(s, CAMP_OUTBOX_STEP_HAS_IS_ACTIVE), s->is_active);
        p_str(out, prefix, "created_at", s->created_at);
    }
    p_str(out, "$", "sender_identities", c->sender_identities);
    p_int(out, "$", "sent_count", c->sent_count);
    p_int(out, "$", "unique_opens", c->unique_opens);
    p_int(out, "$", "unique_clicks", c->unique_clicks);
    p_int(out, "$", "replies", c->replies);
    p_str(out, "$", "name", c->name);
    p_str(out, "$", "updated_at", c->updated_at);
    p_str(out, "$", "company", c->company);
    p_list(out, "$", "sender_identity_ids", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_SENDER_IDENTITY_IDS),
           c->sender_identity_ids.count, c->sender_identity_ids.items);
    p_enum(out, "$", "status", camp_outbox_campaign_status_name(c->status));
    p_nstr(out, "$", "description", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_DESCRIPTION), c->description);
    p_nstr(out, "$", "timezone", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_TIMEZONE), c->timezone);
    p_raw(out, "$", "allowed_windows", c->allowed_windows);
    p_bool(out, "$", "stop_on_reply", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_STOP_ON_REPLY),
           c->stop_on_reply);
    p_bool(out, "$", "is_deleted", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_IS_DELETED), c->is_deleted);
    p_nstr(out, "$", "created_at", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_AT), c->created_at);
    p_nstr(out, "$", "workflow", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_WORKFLOW), c->workflow);
    p_nstr(out, "$", "created_by", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_CREATED_BY), c->created_by);
    p_nstr(out, "$", "responder_agent", HAS(c, CAMP_OUTBOX_CAMPAIGN_HAS_RESPONDER_AGENT),
           c->responder_agent);
}

static void print_campaign_create(FILE *out, const camp_outbox_campaign_create_t *c)
{
    p_str(out, "$", "name", c->name);
    p_str(out, "$", "company", c->company);
    p_list(out, "$", "sender_identity_ids",
           HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_SENDER_IDENTITY_IDS),
           c->sender_identity_ids.count, c->sender_identity_ids.items);
    p_enum(out, "$", "status", camp_outbox_campaign_status_name(c->status));
    p_str(out, "$", "description", c->description);
    p_str(out, "$", "timezone", c->timezone);
    p_raw(out, "$", "allowed_windows", c->allowed_windows);
    p_bool(out, "$", "stop_on_reply", HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_STOP_ON_REPLY),
           c->stop_on_reply);
    p_bool(out, "$", "is_deleted", HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_IS_DELETED),
           c->is_deleted);
    p_str(out, "$", "created_at", c->created_at);
    p_nstr(out, "$", "workflow", HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_WORKFLOW), c->workflow);
    p_nstr(out, "$", "created_by", HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_CREATED_BY),
           c->created_by);
    p_nstr(out, "$", "responder_agent", HAS(c, CAMP_OUTBOX_CAMPAIGN_CREATE_HAS_RESPONDER_AGENT),
           c->responder_agent);
}

static void print_sender(FILE *out, const camp_outbox_sender_t *s)
{
    p_str(out, "$", "id", s->id);
    p_str(out, "$", "from_email", s->from_email);
    p_nstr(out, "$", "updated_at", HAS(s, CAMP_OUTBOX_SENDER_HAS_UPDATED_AT), s->updated_at);
    p_str(out, "$", "company", s->company);
    p_nstr(out, "$", "from_name", HAS(s, CAMP_OUTBOX_SENDER_HAS_FROM_NAME), s->from_name);
    p_enum(out, "$", "verification_mode", camp_outbox_verification_mode_name(s->verification_mode));
    p_nstr(out, "$", "reply_to_email", HAS(s, CAMP_OUTBOX_SENDER_HAS_REPLY_TO_EMAIL),
           s->reply_to_email);
    p_bool(out, "$", "use_default_reply_to", HAS(s, CAMP_OUTBOX_SENDER_HAS_USE_DEFAULT_REPLY_TO),
           s->use_default_reply_to);
    p_enum(out, "$", "status", camp_outbox_sender_status_name(s->status));
    p_nstr(out, "$", "provider_sender_id", HAS(s, CAMP_OUTBOX_SENDER_HAS_PROVIDER_SENDER_ID),
           s->provider_sender_id);
    p_raw(out, "$", "verification_details", s->verification_details);
    p_bool(out, "$", "is_default", HAS(s, CAMP_OUTBOX_SENDER_HAS_IS_DEFAULT), s->is_default);
    p_bool(out, "$", "is_deleted", HAS(s, CAMP_OUTBOX_SENDER_HAS_IS_DELETED), s->is_deleted);
    p_nstr(out, "$", "verified_at", HAS(s, CAMP_OUTBOX_SENDER_HAS_VERIFIED_AT), s->verified_at);
    p_nstr(out, "$", "created_at", HAS(s, CAMP_OUTBOX_SENDER_HAS_CREATED_AT), s->created_at);
    p_nstr(out, "$", "connection", HAS(s, CAMP_OUTBOX_SENDER_HAS_CONNECTION), s->connection);
    p_nstr(out, "$", "domain", HAS(s, CAMP_OUTBOX_SENDER_HAS_DOMAIN), s->domain);
}

static void print_sender_create(FILE *out, const camp_outbox_sender_create_t *s)
{
    p_str(out, "$", "from_email", s->from_email);
    p_str(out, "$", "company", s->company);
    p_str(out, "$", "from_name", s->from_name);
    p_enum(out, "$", "verification_mode", camp_outbox_verification_mode_name(s->verification_mode));
    p_str(out, "$", "reply_to_email", s->reply_to_email);
    p_bool(out, "$", "use_default_reply_to",
           HAS(s, CAMP_OUTBOX_SENDER_CREATE_HAS_USE_DEFAULT_REPLY_TO), s->use_default_reply_to);
    p_enum(out, "$", "status", camp_outbox_sender_status_name(s->status));
    p_str(out, "$", "provider_sender_id", s->provider_sender_id);
    p_raw(out, "$", "verification_details", s->verification_details);
    p_bool(out, "$", "is_default", HAS(s, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DEFAULT), s->is_default);
    p_bool(out, "$", "is_deleted", HAS(s, CAMP_OUTBOX_SENDER_CREATE_HAS_IS_DELETED), s->is_deleted);
    p_str(out, "$", "verified_at", s->verified_at);
    p_str(out, "$", "created_at", s->created_at);
    p_str(out, "$", "connection", s->connection);
    p_str(out, "$", "domain", s->domain);
}

static void print_contacts_page(FILE *out, const camp_outbox_contacts_page_t *p)
{
    size_t i;
    char prefix[48];
    if (p->count == 0) {
        fputs("$.results = []\n", out);
    }
    for (i = 0; i < p->count; i++) {
        const camp_outbox_contact_t *c = &p->results[i];
        snprintf(prefix, sizeof prefix, "$.results[%zu]", i);
        p_str(out, prefix, "id", c->id);
        p_nstr(out, prefix, "name", HAS(c, CAMP_OUTBOX_CONTACT_HAS_NAME), c->name);
        p_nstr(out, prefix, "email", HAS(c, CAMP_OUTBOX_CONTACT_HAS_EMAIL), c->email);
        p_nstr(out, prefix, "phone", HAS(c, CAMP_OUTBOX_CONTACT_HAS_PHONE), c->phone);
        p_list(out, prefix, "tags", HAS(c, CAMP_OUTBOX_CONTACT_HAS_TAGS), c->tags.count,
               c->tags.items);
        p_nstr(out, prefix, "last_activity", HAS(c, CAMP_OUTBOX_CONTACT_HAS_LAST_ACTIVITY),
               c->last_activity);
        p_nstr(out, prefix, "created_at", HAS(c, CAMP_OUTBOX_CONTACT_HAS_CREATED_AT),
               c->created_at);
    }
    p_int(out, "$", "total", p->total);
}

/* The structs are large (arrays sized by capacities): heap, not the stack. */
#define CHECK_FN(NAME, TYPE, DECODE, PRINT)                                                        \
    static camp_status_t NAME(camp_json_doc_t *doc, camp_diag_t *diag, FILE *out)                  \
    {                                                                                              \
        TYPE *obj = calloc(1, sizeof *obj);                                                        \
        camp_status_t st;                                                                          \
        if (obj == NULL) {                                                                         \
            return camp_diag_set(diag, CAMP_ERR_ARG, "$", "out of memory");                        \
        }                                                                                          \
        st = DECODE(doc, 0, obj, diag);                                                            \
        if (st == CAMP_OK && out != NULL) {                                                        \
            PRINT(out, obj);                                                                       \
        }                                                                                          \
        free(obj);                                                                                 \
        return st;                                                                                 \
    }

CHECK_FN(check_campaign, camp_outbox_campaign_t, camp_outbox_campaign_decode, print_campaign)
CHECK_FN(check_campaign_create, camp_outbox_campaign_create_t, camp_outbox_campaign_create_decode,
         print_campaign_create)
CHECK_FN(check_sender, camp_outbox_sender_t, camp_outbox_sender_decode, print_sender)
CHECK_FN(check_sender_create, camp_outbox_sender_create_t, camp_outbox_sender_create_decode,
         print_sender_create)
CHECK_FN(check_contacts_page, camp_outbox_contacts_page_t, camp_outbox_contacts_page_decode,
         print_contacts_page)

const campctl_doc_type_t campctl_outbox_types[] = {
    {"outbox-campaign", check_campaign},
    {"outbox-campaign-create", check_campaign_create},
    {"outbox-sender", check_sender},
    {"outbox-sender-create", check_sender_create},
    {"outbox-contacts-page", check_contacts_page},
    {NULL, NULL},
};
