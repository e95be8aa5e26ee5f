/* campctl validate --type inbox-*: decode + validate with camp_inbox_decode();
 * --print shows the decoded struct, one `path = value` line per field.
 * inbox-campaign and inbox-webhook are printed from the struct field by field;
 * the other types by re-encoding the struct and flattening the JSON. */
#include <stdlib.h>
#include <string.h>

#include "campctl.h"

/* ---- printing helpers ------------------------------------------------------------- */

static void print_quoted(FILE *out, const char *s, size_t len)
{
    term_json_string(out, s, len); /* valid JSON whatever the bytes; no terminal controls */
}

static void p_str(FILE *out, const char *path, const camp_str_t *s)
{
    fprintf(out, "%s = ", path);
    if (s->ptr == NULL) {
        fputs("null", out);
    } else {
        print_quoted(out, s->ptr, s->len);
    }
    fputc('\n', out);
}

static void p_int(FILE *out, const char *path, int64_t v)
{
    fprintf(out, "%s = %lld\n", path, (long long)v);
}

static void p_bool(FILE *out, const char *path, bool v)
{
    fprintf(out, "%s = %s\n", path, v ? "true" : "false");
}

static void p_frac(FILE *out, const char *path, uint32_t m)
{
    char digits[8];
    int n;
    snprintf(digits, sizeof digits, "%06u", (unsigned)(m % CAMP_FRACTION_ONE));
    for (n = 5; n >= 0 && digits[n] == '0'; n--) {
        digits[n] = '\0';
    }
    fprintf(out, "%s = %u%s%s\n", path, (unsigned)(m / CAMP_FRACTION_ONE), digits[0] ? "." : "",
            digits);
}

static void p_time(FILE *out, const char *path, const camp_inbox_time_t *t)
{
    p_str(out, path, &t->raw);
}

static void p_name(FILE *out, const char *path, const char *name)
{
    fprintf(out, "%s = %s\n", path, name);
}

static const char *status_name(uint8_t s)
{
    static const char *const names[] = {"(absent)", "\"draft\"", "\"active\"", "\"paused\"",
                                        "\"completed\""};
    return s < 5 ? names[s] : "?";
}

static void p_summary(FILE *out, const char *pre, const camp_inbox_campaign_summary_t *s)
{
    char path[160];
#define P(name) (snprintf(path, sizeof path, "%s.%s", pre, name), path)
    p_str(out, P("id"), &s->id);
    p_str(out, P("name"), &s->name);
    p_str(out, P("description"), &s->description);
    p_name(out, P("status"), status_name(s->status));
    p_bool(out, P("dryRun"), s->dry_run);
    p_int(out, P("targetsCount"), s->targets_count);
    p_int(out, P("contactedCount"), s->contacted_count);
    p_int(out, P("repliesCount"), s->replies_count);
    p_frac(out, P("completionRate"), s->completion_rate);
    p_frac(out, P("replyRate"), s->reply_rate);
    p_time(out, P("createdAt"), &s->created_at);
    p_time(out, P("updatedAt"), &s->updated_at);
    p_time(out, P("pausedAt"), &s->paused_at);
    p_time(out, P("completedAt"), &s->completed_at);
    p_time(out, P("lastStartedAt"), &s->last_started_at);
#undef P
}

static void p_sequence(FILE *out, const char *pre, const camp_inbox_sequence_t *q)
{
    static const char *const step_types[] = {"?", "\"message\"", "\"delay\"", "\"likeTweet\""};
    static const char *const seg_types[] = {"?", "\"static\"", "\"variable\"", "\"variation\""};
    char path[320];
    size_t i, j, k;
    if (q->version >= 0) {
        snprintf(path, sizeof path, "%s.version", pre);
        p_int(out, path, q->version);
    }
    for (i = 0; i < q->step_count; i++) {
        const camp_inbox_step_t *s = &q->steps[i];
        char sp[160];
        snprintf(sp, sizeof sp, "%s.steps[%zu]", pre, i);
#define P(name) (snprintf(path, sizeof path, "%s.%s", sp, name), path)
        if (s->id.ptr != NULL) {
            p_str(out, P("id"), &s->id);
        }
        fprintf(out, "%s = %s%s\n", P("type"), step_types[s->type < 4 ? s->type : 0],
                (s->present & CAMP_INBOX_STEP_HAS_TYPE) ? "" : " (inferred)");
        if (s->present & CAMP_INBOX_STEP_HAS_RANK) {
            p_int(out, P("rank"), s->rank);
        }
        if (s->present & CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION) {
            p_int(out, P("campaignVersion"), s->campaign_version);
        }
        if (s->type == CAMP_INBOX_STEP_DELAY) {
            p_int(out, P("data.delaySeconds"), s->delay_seconds);
            if (s->unit.ptr != NULL) {
                p_str(out, P("data.unit"), &s->unit);
            }
        } else if (s->type == CAMP_INBOX_STEP_LIKE_TWEET) {
            fprintf(out, "%s = ", P("data"));
            term_json_raw(out, s->raw_data.ptr, s->raw_data.len);
            fputc('\n', out);
        }
        for (j = 0; j < s->segment_count; j++) {
            const camp_inbox_segment_t *g = &q->segments[s->first_segment + j];
            char gp[200];
            snprintf(gp, sizeof gp, "%s.data.segments[%zu]", sp, j);
            fprintf(out, "%s.type = %s\n", gp, seg_types[g->type < 4 ? g->type : 0]);
            if (g->type == CAMP_INBOX_SEGMENT_STATIC) {
                snprintf(path, sizeof path, "%s.text", gp);
                p_str(out, path, &g->text);
            } else if (g->type == CAMP_INBOX_SEGMENT_VARIABLE) {
                snprintf(path, sizeof path, "%s.name", gp);
                p_str(out, path, &g->text);
                if (g->fallback.ptr != NULL) {
                    snprintf(path, sizeof path, "%s.fallback", gp);
                    p_str(out, path, &g->fallback);
                }
            }
            for (k = 0; k < g->option_count; k++) {
                snprintf(path, sizeof path, "%s.options[%zu]", gp, k);
                p_str(out, path, &q->options[g->first_option + k]);
            }
        }
#undef P
    }
}

static void p_rules(FILE *out, const camp_inbox_campaign_t *c)
{
    const camp_inbox_rules_t *r = &c->rules;
    bool legacy = (c->present & CAMP_INBOX_CAMPAIGN_HAS_LISTS) != 0;
    size_t i, j, synced = 0, excluded = 0;
    char path[200];
    for (i = 0; i < r->list_count; i++) {
        const camp_inbox_list_t *l = &r->lists[i];
        char lp[120];
        if (legacy) {
            snprintf(lp, sizeof lp, "$.lists[%zu]", i);
        } else if (l->exclude) {
            snprintf(lp, sizeof lp, "$.rules.excludedLists[%zu]", excluded++);
        } else {
            snprintf(lp, sizeof lp, "$.rules.syncedLists[%zu]", synced++);
        }
        snprintf(path, sizeof path, "%s.listId", lp);
        p_str(out, path, &l->list_id);
        if (legacy) {
            snprintf(path, sizeof path, "%s.exclude", lp);
            p_bool(out, path, l->exclude);
            continue;
        }
        if (l->list_name.ptr != NULL) {
            snprintf(path, sizeof path, "%s.listName", lp);
            p_str(out, path, &l->list_name);
        }
        for (j = 0; j < l->mapping_count; j++) {
            const camp_inbox_column_map_t *m = &r->mappings[l->first_mapping + j];
            char key[160];
            snprintf(path, sizeof path, "%s.columnMapping[\"%s\"]", lp,
                     term_escape(key, sizeof key, m->source.ptr, m->source.len));
            p_str(out, path, &m->target);
        }
    }
    if (!legacy) {
        p_bool(out, "$.rules.excludeContacted", r->exclude_contacted);
        p_bool(out, "$.rules.excludeMutuals", r->exclude_mutuals);
    }
}

static void print_campaign(FILE *out, const camp_inbox_campaign_t *c)
{
    static const char *const shapes[] = {"summary", "v2", "legacy"};
    char path[160];
    size_t i;
    fprintf(out, "shape = %s\n", shapes[c->shape < 3 ? c->shape : 0]);
    p_summary(out, "$", &c->base);
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_ENABLED) {
        p_bool(out, "$.enabled", c->enabled);
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE) {
        p_int(out, "$.hourlyMessageRate", c->hourly_message_rate);
    }
    if (c->schedule_timezone.ptr != NULL) {
        p_str(out, "$.scheduleTimezone", &c->schedule_timezone);
    }
    for (i = 0; i < 7; i++) {
        const camp_day_window_t *d = &c->schedule_hours.day[i];
        if (d->has_window) {
            fprintf(out, "$.scheduleHours[\"%zu\"] = %u..%u (%02u:%02u-%02u:%02u)\n", i,
                    (unsigned)d->start, (unsigned)d->end, d->start / 60u, d->start % 60u,
                    d->end / 60u, d->end % 60u);
        }
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_BUILDING_PLAN) {
        p_bool(out, "$.isBuildingPlan", c->is_building_plan);
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_SYNCING) {
        p_bool(out, "$.isSyncing", c->is_syncing);
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_SCOPE_ASSESSED) {
        p_int(out, "$.scopeAssessedCount", c->scope_assessed_count);
    }
    if (c->type.ptr != NULL) {
        p_str(out, "$.type", &c->type);
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_ESTIMATED_TARGETS) {
        p_int(out, "$.estimatedTargets", c->estimated_targets);
    }
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_HYDRATING) {
        p_bool(out, "$.isHydrating", c->is_hydrating);
    }
    for (i = 0; i < c->account_count; i++) {
        snprintf(path, sizeof path, "$.accountLinkIds[%zu]", i);
        p_str(out, path, &c->account_link_ids[i]);
    }
    p_rules(out, c);
    if (c->present & CAMP_INBOX_CAMPAIGN_HAS_SEQUENCE) {
        p_sequence(out, "$.sequence", &c->sequence);
    } else if (c->present & CAMP_INBOX_CAMPAIGN_HAS_STEPS) {
        p_sequence(out, "$", &c->sequence);
    }
    for (i = 0; i < c->automation_count; i++) {
        const camp_inbox_automation_t *a = &c->automations[i];
        snprintf(path, sizeof path, "$.automations[%zu].id", i);
        p_str(out, path, &a->id);
        snprintf(path, sizeof path, "$.automations[%zu].trigger", i);
        p_name(out, path, "\"prospectFirstReply\"");
        if (a->action != 0) {
            snprintf(path, sizeof path, "$.automations[%zu].action", i);
            p_name(out, path, "\"setStatus\"");
        }
        if (a->present & CAMP_INBOX_AUTOMATION_HAS_ACTION_DATA) {
            snprintf(path, sizeof path, "$.automations[%zu].actionData.statusId", i);
            p_str(out, path, &a->status_id);
        }
        snprintf(path, sizeof path, "$.automations[%zu].enabled", i);
        p_bool(out, path, a->enabled);
    }
    for (i = 0; i < c->variable_count; i++) {
        const camp_inbox_variable_t *v = &c->variables[i];
        char key[96];
        term_escape(key, sizeof key, v->name.ptr, v->name.len);
        snprintf(path, sizeof path, "$.customVariables[\"%s\"].displayName", key);
        p_str(out, path, &v->display_name);
        if (v->present & CAMP_INBOX_VARIABLE_HAS_DESCRIPTION) {
            snprintf(path, sizeof path, "$.customVariables[\"%s\"].description", key);
            p_str(out, path, &v->description);
        }
    }
}

static void print_webhook(FILE *out, const camp_inbox_webhook_t *w)
{
    static const char *const events[] = {"other",
                                         "campaign.created",
                                         "campaign.started",
                                         "campaign.paused",
                                         "campaign.resumed",
                                         "campaign.completed",
                                         "target.contacted",
                                         "target.followUpSent",
                                         "target.replied"};
    bool legacy = (w->format == CAMP_INBOX_WEBHOOK_LEGACY);
    fprintf(out, "format = %s\n", legacy ? "legacy" : "v1");
    fprintf(out, "event = %s\n", events[w->event < 9 ? w->event : 0]);
    if (!legacy) {
        p_str(out, "$.id", &w->id);
        p_int(out, "$.seq", w->seq);
        p_str(out, "$.teamId", &w->team_id);
        p_str(out, "$.type", &w->type);
    } else {
        p_str(out, "$.event", &w->type);
        p_name(out, "$.platform", "\"twitter\"");
    }
    p_time(out, "$.timestamp", &w->timestamp);
    p_str(out, "$.version", &w->version);
    if (w->data.ptr != NULL) {
        fputs("$.data = ", out);
        term_json_raw(out, w->data.ptr, w->data.len);
        fputc('\n', out);
    }
    if (w->has_campaign) {
        if (legacy) {
            p_str(out, "$.data.campaign.id", &w->campaign.id);
            p_str(out, "$.data.campaign.name", &w->campaign.name);
        } else {
            p_summary(out, "$.data.campaign", &w->campaign);
        }
    }
    if (legacy && w->team_id.ptr != NULL) {
        p_str(out, "$.data.team.id", &w->team_id);
    }
    if (w->thread_id.ptr != NULL) {
        p_str(out, "$.data.thread.id", &w->thread_id);
    }
    if (w->thread_platform_id.ptr != NULL) {
        p_str(out, "$.data.thread.platformId", &w->thread_platform_id);
    }
    if (w->account_link_id.ptr != NULL) {
        p_str(out, legacy ? "$.data.accountLink.id" : "$.data.thread.accountLinkId",
              &w->account_link_id);
    }
    if (w->message_id.ptr != NULL) {
        p_str(out, "$.data.message.id", &w->message_id);
        if (w->message_content.ptr != NULL) {
            p_str(out, "$.data.message.content", &w->message_content);
        }
        if (w->message_created_at.raw.ptr != NULL) {
            p_time(out, "$.data.message.createdAt", &w->message_created_at);
        }
    }
    if (w->prospect.id.ptr != NULL) {
        const char *pre = legacy ? "$.data.external" : "$.data.prospect";
        char path[64];
#define P(name) (snprintf(path, sizeof path, "%s.%s", pre, name), path)
        p_str(out, P("id"), &w->prospect.id);
        if (w->prospect.platform_id.ptr != NULL) {
            p_str(out, P("platformId"), &w->prospect.platform_id);
        }
        if (w->prospect.username.ptr != NULL) {
            p_str(out, P("username"), &w->prospect.username);
        }
        if (w->prospect.display_name.ptr != NULL) {
            p_str(out, P("displayName"), &w->prospect.display_name);
        }
#undef P
    }
}

/* ---- generic printing: re-encode, then flatten the JSON (host tool: recursion ok) ---- */

static int flatten(FILE *out, camp_json_doc_t *doc, int tok, char *path, size_t len, size_t cap)
{
    camp_json_kind_t k = camp_json_kind(doc, tok);
    int n = camp_json_size(doc, tok), i, it = camp_json_first(doc, tok);
    if (k == CAMP_JSON_OBJECT || k == CAMP_JSON_ARRAY) {
        if (n == 0) {
            fprintf(out, "%s = %s\n", path, k == CAMP_JSON_OBJECT ? "{}" : "[]");
            return camp_json_next(doc, tok);
        }
        for (i = 0; i < n && it > 0; i++) {
            if (k == CAMP_JSON_OBJECT) {
                const char *key;
                size_t klen;
                size_t j;
                bool ident;
                if (camp_json_get_string(doc, it, &key, &klen) != CAMP_OK) {
                    return -1; /* not a key: stop printing rather than guess */
                }
                /* same form as diagnostics: .key when identifier-like, else ["key"] */
                ident = klen > 0 && !(key[0] >= '0' && key[0] <= '9');
                for (j = 0; j < klen && ident; j++) {
                    char c = key[j];
                    ident = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                            c == '$' || (c >= '0' && c <= '9');
                }
                if (ident) {
                    snprintf(path + len, cap - len, ".%.*s", (int)klen, key);
                } else {
                    char esc[160];
                    snprintf(path + len, cap - len, "[\"%s\"]",
                             term_escape(esc, sizeof esc, key, klen));
                }
                it = flatten(out, doc, it + 1, path, strlen(path), cap);
            } else {
                snprintf(path + len, cap - len, "[%d]", i);
                it = flatten(out, doc, it, path, strlen(path), cap);
            }
            path[len] = '\0';
        }
        return it;
    }
    {
        const char *raw;
        size_t rlen;
        camp_json_raw(doc, tok, &raw, &rlen);
        fprintf(out, "%s = ", path);
        term_json_raw(out, raw, rlen);
        fputc('\n', out);
    }
    return camp_json_next(doc, tok);
}

static void print_generic(FILE *out, camp_inbox_type_t type, const void *obj)
{
    size_t need = 0;
    char *buf;
    camp_diag_t diag;
    camp_status_t st = camp_inbox_encode(type, obj, NULL, 0, &need, &diag);
    /* the measuring call reports BUFFER_TOO_SMALL with the size it needs */
    buf = st == CAMP_OK || st == CAMP_ERR_BUFFER_TOO_SMALL ? malloc(need + 1) : NULL;
    if (buf != NULL && camp_inbox_encode(type, obj, buf, need + 1, &need, &diag) == CAMP_OK) {
        camp_json_doc_t doc;
        camp_json_token_t *tokens = NULL;
        char path[512] = "$";
        if (campctl_parse(&doc, buf, need, &tokens, &diag) == CAMP_OK) {
            flatten(out, &doc, 0, path, 1, sizeof path);
        }
        free(tokens);
    } else {
        fprintf(out, "# not printable: %s\n", camp_status_str(diag.status));
    }
    free(buf);
}

/* ---- the table ---------------------------------------------------------------------- */

static camp_status_t check(camp_inbox_type_t type, camp_json_doc_t *doc, camp_diag_t *diag,
                           FILE *out)
{
    size_t size = camp_inbox_type_size(type);
    void *obj = calloc(1, size);
    camp_status_t st;
    if (obj == NULL) {
        return camp_diag_set(diag, CAMP_ERR_ARG, "$", "out of memory");
    }
    st = camp_inbox_decode(type, doc, 0, obj, size, diag);
    if (st == CAMP_OK && out != NULL) {
        if (type == CAMP_INBOX_CAMPAIGN) {
            print_campaign(out, obj);
        } else if (type == CAMP_INBOX_WEBHOOK) {
            print_webhook(out, obj);
        } else {
            print_generic(out, type, obj);
        }
    }
    free(obj);
    return st;
}

#define CHECK_FN(fn, type)                                                                         \
    static camp_status_t fn(camp_json_doc_t *doc, camp_diag_t *diag, FILE *out)                    \
    {                                                                                              \
        return check(type, doc, diag, out);                                                        \
    }

CHECK_FN(check_campaign, CAMP_INBOX_CAMPAIGN)
CHECK_FN(check_campaign_create, CAMP_INBOX_CAMPAIGN_CREATE)
CHECK_FN(check_sequence_update, CAMP_INBOX_SEQUENCE_UPDATE)
CHECK_FN(check_sequence, CAMP_INBOX_SEQUENCE)
CHECK_FN(check_rules_update, CAMP_INBOX_RULES_UPDATE)
CHECK_FN(check_leads_add, CAMP_INBOX_LEADS_ADD)
CHECK_FN(check_leads_add_result, CAMP_INBOX_LEADS_ADD_RESULT)
CHECK_FN(check_lead_update, CAMP_INBOX_LEAD_UPDATE)
CHECK_FN(check_lead_cancel, CAMP_INBOX_LEAD_CANCEL)
CHECK_FN(check_column_update, CAMP_INBOX_COLUMN_UPDATE)
CHECK_FN(check_column, CAMP_INBOX_COLUMN)
CHECK_FN(check_success, CAMP_INBOX_SUCCESS)
CHECK_FN(check_error, CAMP_INBOX_ERROR)
CHECK_FN(check_webhook, CAMP_INBOX_WEBHOOK)
CHECK_FN(check_campaign_page, CAMP_INBOX_CAMPAIGN_PAGE)

const campctl_doc_type_t campctl_inbox_types[] = {
    {"inbox-campaign", check_campaign},
    {"inbox-campaign-create", check_campaign_create},
    {"inbox-sequence-update", check_sequence_update},
    {"inbox-sequence", check_sequence},
    {"inbox-rules-update", check_rules_update},
    {"inbox-leads-add", check_leads_add},
    {"inbox-leads-add-result", check_leads_add_result},
    {"inbox-lead-update", check_lead_update},
    {"inbox-lead-cancel", check_lead_cancel},
    {"inbox-column-update", check_column_update},
    {"inbox-column", check_column},
    {"inbox-success", check_success},
    {"inbox-error", check_error},
    {"inbox-webhook", check_webhook},
    {"inbox-campaign-page", check_campaign_page},
    {NULL, NULL},
};
