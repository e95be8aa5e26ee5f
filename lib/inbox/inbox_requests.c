/* Request bodies: create campaign (E4), update lead rules (E6), add leads (E7),
 * update lead (E8), cancel lead (E9), update column (E10); plus the flat
 * responses that need no nested code (add-leads result, column, success). */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))
#define RU_OFF(m) ((uint16_t)offsetof(camp_inbox_rules_update_t, m))
#define CR_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_create_t, m))
#define LA_OFF(m) ((uint16_t)offsetof(camp_inbox_leads_add_t, m))
#define LD_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_t, m))

/* Documented bounds of each add-leads array (E7). */
#define LEADS_MIN 1
#define LEADS_MAX 2000

enum { SUB_RULES = 1, SUB_MAPPINGS, SUB_PLATFORM_IDS, SUB_USERNAMES, SUB_EXTERNAL_IDS, SUB_LEADS };

/* E6: every member optional ("omitted fields are left unchanged"; an empty
 * array clears). */
static const ifield_t rules_update_fields[] = {
    {"syncedListIds", K_IDS, A_LISTS, 0, RU_OFF(synced_list_ids), RU_OFF(synced_count),
     CAMP_INBOX_RULES_HAS_SYNCED},
    {"excludedListIds", K_IDS, A_LISTS, 0, RU_OFF(excluded_list_ids), RU_OFF(excluded_count),
     CAMP_INBOX_RULES_HAS_EXCLUDED},
    {"excludeContacted", K_BOOL, R_NONE, 0, RU_OFF(exclude_contacted), 0,
     CAMP_INBOX_RULES_HAS_EXCLUDE_CONTACTED},
    {"excludeMutuals", K_BOOL, R_NONE, 0, RU_OFF(exclude_mutuals), 0,
     CAMP_INBOX_RULES_HAS_EXCLUDE_MUTUALS},
    {"columnMappings", K_SUB, SUB_MAPPINGS, 0, 0, 0, CAMP_INBOX_RULES_HAS_COLUMN_MAPPINGS},
    {"detachBehavior", K_ENUM, E_DETACH, 0, RU_OFF(detach_behavior), 0, 0},
};

/* E4. `rules` takes the update-lead-rules body shape and the time-zone member
 * is named `scheduleTimezone`, as in the response: both [unverified] (the
 * stored page lacks them; fixtures/README marks the rules shape ASSUMPTION). */
static const ifield_t create_fields[] = {
    {"name", K_STR, R_NAME, F_REQ, CR_OFF(name), 0, 0},
    {"accountLinkIds", K_IDS, A_ACCOUNTS1, F_REQ, CR_OFF(account_link_ids), CR_OFF(account_count), 0},
    {"rules", K_SUB, SUB_RULES, 0, 0, 0, CAMP_INBOX_CREATE_HAS_RULES},
    {"scheduleTimezone", K_TZ, R_NONE, 0, CR_OFF(schedule_timezone), 0, 0},
};

/* E7. `platform` defaults to twitter and "will become required later": the
 * encoder writes it whenever it is set (callers should set it). */
static const ifield_t leads_add_fields[] = {
    {"platform", K_ENUM, E_PLATFORM, 0, LA_OFF(platform), 0, 0},
    {"platformIds", K_SUB, SUB_PLATFORM_IDS, 0, 0, 0, CAMP_INBOX_LEADS_HAS_PLATFORM_IDS},
    {"usernames", K_SUB, SUB_USERNAMES, 0, 0, 0, CAMP_INBOX_LEADS_HAS_USERNAMES},
    {"externalIds", K_SUB, SUB_EXTERNAL_IDS, 0, 0, 0, CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS},
    {"leads", K_SUB, SUB_LEADS, 0, 0, 0, CAMP_INBOX_LEADS_HAS_LEADS},
};

static const ifield_t lead_fields[] = {
    {"platform", K_ENUM, E_PLATFORM, 0, LD_OFF(platform), 0, 0},
    {"data", K_RAW_OBJ, R_NONE, 0, LD_OFF(data), 0, 0},
};

/* ---- columnMappings of a rules update ------------------------------------------------------- */

static size_t group_mappings_needed(ictx_t *cx, int tok)
{
    int n = camp_json_size(cx->doc, tok), i, key = camp_json_first(cx->doc, tok);
    size_t total = 0;
    for (i = 0; i < n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
        if (camp_json_kind(cx->doc, key + 1) == CAMP_JSON_OBJECT) {
            total += (size_t)camp_json_size(cx->doc, key + 1);
        }
    }
    return total;
}

static camp_status_t group_decode(ictx_t *cx, camp_inbox_rules_update_t *a,
                                  camp_inbox_mapping_group_t *g, int outer, int tok)
{
    int n, i, key;
    camp_status_t st = camp_ib_want_object(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    n = camp_json_size(cx->doc, tok);
    if ((size_t)a->mapping_count + (size_t)n > CAMP_MAX_COLUMN_MAPPINGS) {
        return camp_ib_fail_capacity(cx, tok, "more column mappings than CAMP_MAX_COLUMN_MAPPINGS",
                             group_mappings_needed(cx, outer));
    }
    g->first_mapping = a->mapping_count;
    key = camp_json_first(cx->doc, tok);
    for (i = 0; i < n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
        camp_inbox_column_map_t *m = &a->mappings[a->mapping_count];
        const camp_inbox_column_map_t *seen = &a->mappings[g->first_mapping];
        int j;
        st = camp_ib_get_str(cx, key, &m->source);
        for (j = 0; j < i && st == CAMP_OK; j++) {
            if (camp_ib_str_eq(&seen[j].source, &m->source)) {
                st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID, "duplicate key");
            }
        }
        if (st == CAMP_OK && !camp_valid_column_id(m->source.ptr, m->source.len)) {
            st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN,
                         "source column must match ^custom_[0-9a-z]+$");
        }
        if (st == CAMP_OK) {
            st = camp_ib_get_str(cx, key + 1, &m->target);
        }
        if (st == CAMP_OK && !camp_valid_column_id(m->target.ptr, m->target.len)) {
            st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN, "must match ^custom_[0-9a-z]+$");
        }
        if (st != CAMP_OK) {
            return st;
        }
        a->mapping_count++;
        g->mapping_count++;
    }
    return CAMP_OK;
}

static camp_status_t group_validate(ictx_t *cx, const camp_inbox_rules_update_t *a,
                                    const camp_inbox_mapping_group_t *g)
{
    size_t i, j, mark = cx->path.len;
    if ((size_t)g->first_mapping + g->mapping_count > a->mapping_count) {
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "mapping range outside the pool");
    }
    for (i = 0; i < g->mapping_count; i++) {
        const camp_inbox_column_map_t *m = &a->mappings[g->first_mapping + i];
        camp_status_t st;
        camp_ib_path_key(&cx->path, m->source.ptr != NULL ? m->source.ptr : "", m->source.len);
        st = camp_ib_check_key(cx, &m->source);
        if (st != CAMP_OK) {
            return st;
        }
        if (!camp_valid_column_id(m->source.ptr, m->source.len)) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN, "source column must match ^custom_[0-9a-z]+$");
        }
        if (m->target.ptr == NULL || !camp_valid_column_id(m->target.ptr, m->target.len)) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN, "must match ^custom_[0-9a-z]+$");
        }
        for (j = 0; j < i; j++) {
            if (camp_ib_str_eq(&a->mappings[g->first_mapping + j].source, &m->source)) {
                return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "duplicate key");
            }
        }
        camp_ib_path_cut(&cx->path, mark);
    }
    return CAMP_OK;
}

/* `columnMappings`: keyed by source list ID, each value maps source column ID
 * -> campaign column ID. Custom columns only (§E6), so both are column IDs. */
static camp_status_t column_mappings_op(ictx_t *cx, camp_inbox_rules_update_t *a,
                                        const camp_inbox_rules_update_t *b, int tok)
{
    size_t i, j, mark = cx->path.len;
    camp_status_t st = CAMP_OK;

    if (cx->op == OP_DECODE) {
        int n, key;
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        n = camp_json_size(cx->doc, tok);
        if (n > CAMP_MAX_LISTS) {
            return camp_ib_fail_capacity(cx, tok, "more lists than CAMP_MAX_LISTS", (size_t)n);
        }
        key = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
            camp_inbox_mapping_group_t *g = &a->groups[i];
            st = camp_ib_get_str(cx, key, &g->list_id);
            for (j = 0; j < i && st == CAMP_OK; j++) {
                if (camp_ib_str_eq(&a->groups[j].list_id, &g->list_id)) {
                    st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID, "duplicate key");
                }
            }
            if (st == CAMP_OK && !camp_valid_inbox_id(g->list_id.ptr, g->list_id.len)) {
                st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN, "list ID key must match ^[0-9a-z]+$");
            }
            if (st == CAMP_OK) {
                st = group_decode(cx, a, g, tok, key + 1);
            }
            if (st != CAMP_OK) {
                return st;
            }
            a->group_count++;
        }
        return CAMP_OK;
    }
    if (a->group_count > CAMP_MAX_LISTS || a->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
        return cx->op == OP_EQUAL ? NOT_EQUAL
                                  : camp_ib_fail_capacity(cx, -1, "more lists than CAMP_MAX_LISTS",
                                                  a->group_count);
    }
    if (cx->op == OP_EQUAL) {
        if (b == NULL || a->group_count != b->group_count || b->group_count > CAMP_MAX_LISTS) {
            return NOT_EQUAL;
        }
        for (i = 0; i < a->group_count; i++) {
            const camp_inbox_mapping_group_t *x = &a->groups[i], *y = &b->groups[i];
            if (!camp_ib_str_eq(&x->list_id, &y->list_id) || x->mapping_count != y->mapping_count ||
                (size_t)x->first_mapping + x->mapping_count > CAMP_MAX_COLUMN_MAPPINGS ||
                (size_t)y->first_mapping + y->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
                return NOT_EQUAL;
            }
            for (j = 0; j < x->mapping_count; j++) {
                const camp_inbox_column_map_t *p = &a->mappings[x->first_mapping + j];
                const camp_inbox_column_map_t *q = &b->mappings[y->first_mapping + j];
                if (!camp_ib_str_eq(&p->source, &q->source) || !camp_ib_str_eq(&p->target, &q->target)) {
                    return NOT_EQUAL;
                }
            }
        }
        return CAMP_OK;
    }
    camp_ib_obj_open(cx, tok);
    for (i = 0; i < a->group_count && st == CAMP_OK; i++) {
        const camp_inbox_mapping_group_t *g = &a->groups[i];
        if (cx->op == OP_ENCODE) {
            camp_ib_put_key(cx, &g->list_id);
            camp_json_write_object_begin(cx->w);
            for (j = 0; j < g->mapping_count; j++) {
                camp_ib_put_key(cx, &a->mappings[g->first_mapping + j].source);
                camp_ib_put_str(cx, &a->mappings[g->first_mapping + j].target);
            }
            camp_json_write_object_end(cx->w);
            continue;
        }
        camp_ib_path_key(&cx->path, g->list_id.ptr != NULL ? g->list_id.ptr : "", g->list_id.len);
        st = camp_ib_check_key(cx, &g->list_id);
        if (st == CAMP_OK && !camp_valid_inbox_id(g->list_id.ptr, g->list_id.len)) {
            st = camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN, "list ID key must match ^[0-9a-z]+$");
        }
        for (j = 0; j < i && st == CAMP_OK; j++) {
            if (camp_ib_str_eq(&a->groups[j].list_id, &g->list_id)) {
                st = camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "duplicate key");
            }
        }
        if (st == CAMP_OK) {
            st = group_validate(cx, a, g);
        }
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

camp_status_t camp_ib_rules_update_op(ictx_t *cx, camp_inbox_rules_update_t *a,
                                    const camp_inbox_rules_update_t *b, int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, rules_update_fields, COUNT(rules_update_fields), a, b,
             offsetof(camp_inbox_rules_update_t, present), 4, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(rules_update_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = column_mappings_op(cx, a, b, r.v);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

camp_status_t camp_ib_create_op(ictx_t *cx, camp_inbox_campaign_create_t *a,
                              const camp_inbox_campaign_create_t *b, int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, create_fields, COUNT(create_fields), a, b,
             offsetof(camp_inbox_campaign_create_t, present), 4, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(create_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = camp_ib_rules_update_op(cx, &a->rules, b != NULL ? &b->rules : NULL, r.v);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

/* ---- add leads ------------------------------------------------------------------------------- */

static camp_inbox_id_span_t *span_of(camp_inbox_leads_add_t *a, unsigned sub)
{
    switch (sub) {
    case SUB_PLATFORM_IDS: return &a->platform_ids;
    case SUB_USERNAMES: return &a->usernames;
    default: return &a->external_ids;
    }
}

/* Identifiers all three arrays of the document need (pool sizing). */
static size_t ids_needed(ictx_t *cx, int obj)
{
    static const char keys[3][12] = {"platformIds", "usernames", "externalIds"};
    size_t total = 0, i;
    for (i = 0; i < 3; i++) {
        int v = camp_json_member(cx->doc, obj, keys[i]);
        if (camp_json_kind(cx->doc, v) == CAMP_JSON_ARRAY) {
            total += (size_t)camp_json_size(cx->doc, v);
        }
    }
    return total;
}

static camp_status_t bad_count(ictx_t *cx, int tok)
{
    camp_status_t st = camp_ib_fail_at(cx, tok, CAMP_ERR_LENGTH, "array length must be 1..2000");
    camp_ib_fail_limits(cx, LEADS_MIN, LEADS_MAX);
    return st;
}

static camp_status_t ids_op(ictx_t *cx, camp_inbox_leads_add_t *a, const camp_inbox_leads_add_t *b,
                            unsigned sub, int tok, int obj)
{
    camp_inbox_id_span_t *s = span_of(a, sub);
    size_t i;
    camp_status_t st;
    int n, it;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        /* the API limit first: 2001 is a LENGTH error even below the capacity */
        if (n < LEADS_MIN || n > LEADS_MAX) {
            return bad_count(cx, tok);
        }
        if ((size_t)a->id_count + (size_t)n > CAMP_MAX_LEAD_IDS) {
            return camp_ib_fail_capacity(cx, tok, "more identifiers than CAMP_MAX_LEAD_IDS",
                                 ids_needed(cx, obj));
        }
        s->first = a->id_count;
        s->count = 0;
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            camp_str_t *id = &a->ids[a->id_count];
            st = camp_ib_get_str(cx, it, id);
            if (st == CAMP_OK && id->len == 0) {
                st = camp_ib_fail_at(cx, it, CAMP_ERR_LENGTH, "must not be empty");
                camp_ib_fail_limits(cx, 1, INT64_MAX);
            }
            if (st != CAMP_OK) {
                return st;
            }
            a->id_count++;
            s->count++;
        }
        return CAMP_OK;
    case OP_VALIDATE:
        if (s->count < LEADS_MIN || s->count > LEADS_MAX) {
            return bad_count(cx, -1);
        }
        if (a->id_count > CAMP_MAX_LEAD_IDS || (size_t)s->first + s->count > a->id_count) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "identifier range outside the pool");
        }
        return camp_ib_str_items(cx, OP_VALIDATE, &a->ids[s->first], s->count, R_NONEMPTY);
    case OP_ENCODE:
        return camp_ib_str_items(cx, OP_ENCODE, &a->ids[s->first], s->count, R_NONEMPTY);
    default: {
        const camp_inbox_id_span_t *t = span_of((camp_inbox_leads_add_t *)(uintptr_t)b, sub);
        if (s->count != t->count || (size_t)s->first + s->count > CAMP_MAX_LEAD_IDS ||
            (size_t)t->first + t->count > CAMP_MAX_LEAD_IDS) {
            return NOT_EQUAL;
        }
        for (i = 0; i < s->count; i++) {
            if (!camp_ib_str_eq(&a->ids[s->first + i], &b->ids[t->first + i])) {
                return NOT_EQUAL;
            }
        }
        return CAMP_OK;
    }
    }
}

/* A `leads[]` item: exactly one of platformId / username / externalId
 * ("each identified by one of"), optional platform and data. */
static camp_status_t lead_op(ictx_t *cx, camp_inbox_lead_t *a, const camp_inbox_lead_t *b, int tok)
{
    static const char keys[3][12] = {"platformId", "username", "externalId"};
    size_t mark = cx->path.len;
    camp_status_t st;
    const char *why;
    unsigned i;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        for (i = 0; i < 3; i++) {
            int v = camp_json_member(cx->doc, tok, keys[i]);
            if (v < 0) {
                continue;
            }
            if (a->by != CAMP_INBOX_BY_UNSET) {
                return camp_ib_fail_at(cx, v, CAMP_ERR_INVALID,
                               "only one of platformId, username, externalId");
            }
            a->by = (uint8_t)(i + 1);
            st = camp_ib_get_str(cx, v, &a->id);
            if (st == CAMP_OK && a->id.len == 0) {
                st = camp_ib_fail_at(cx, v, CAMP_ERR_LENGTH, "must not be empty");
            }
            if (st != CAMP_OK) {
                return st;
            }
        }
        if (a->by == CAMP_INBOX_BY_UNSET) {
            return camp_ib_fail_at(cx, tok, CAMP_ERR_REQUIRED,
                           "one of platformId, username, externalId required");
        }
        return camp_ib_run_table(cx, lead_fields, COUNT(lead_fields), a, NULL, NO_PRESENT, 1, tok);
    case OP_VALIDATE:
        if (a->by == CAMP_INBOX_BY_UNSET || a->by > 3) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                           "one of platformId, username, externalId required");
        }
        camp_ib_path_key(&cx->path, keys[a->by - 1], strlen(keys[a->by - 1]));
        if (a->id.ptr == NULL) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED, "required field missing");
        }
        st = camp_ib_check_kind_str(cx, K_STR, R_NONEMPTY, &a->id, &why);
        if (st != CAMP_OK) {
            return camp_ib_fail_at(cx, -1, st, why);
        }
        camp_ib_path_cut(&cx->path, mark);
        return camp_ib_run_table(cx, lead_fields, COUNT(lead_fields), a, NULL, NO_PRESENT, 1, -1);
    case OP_ENCODE:
        camp_json_write_object_begin(cx->w);
        camp_json_write_key(cx->w, keys[(a->by - 1u) % 3u]);
        camp_ib_put_str(cx, &a->id);
        st = camp_ib_run_table(cx, lead_fields, COUNT(lead_fields), a, NULL, NO_PRESENT, 1, -1);
        camp_json_write_object_end(cx->w);
        return st;
    default:
        if (b == NULL) { /* only OP_EQUAL gets here, always with a b */
            return NOT_EQUAL;
        }
        if (a->by != b->by || !camp_ib_str_eq(&a->id, &b->id)) {
            return NOT_EQUAL;
        }
        return camp_ib_run_table(cx, lead_fields, COUNT(lead_fields), a, b, NO_PRESENT, 1, -1);
    }
}

static camp_status_t leads_op(ictx_t *cx, camp_inbox_leads_add_t *a, const camp_inbox_leads_add_t *b,
                              int tok)
{
    size_t i, mark = cx->path.len;
    camp_status_t st = CAMP_OK;
    if (cx->op == OP_DECODE) {
        int n, it;
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if (n < LEADS_MIN || n > LEADS_MAX) {
            return bad_count(cx, tok);
        }
        if (n > CAMP_MAX_LEAD_OBJECTS) {
            return camp_ib_fail_capacity(cx, tok, "more leads than CAMP_MAX_LEAD_OBJECTS", (size_t)n);
        }
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            st = lead_op(cx, &a->leads[i], NULL, it);
            if (st != CAMP_OK) {
                return st;
            }
            a->lead_count++;
        }
        return CAMP_OK;
    }
    if (cx->op == OP_VALIDATE && (a->lead_count < LEADS_MIN || a->lead_count > LEADS_MAX)) {
        return bad_count(cx, -1);
    }
    if (a->lead_count > CAMP_MAX_LEAD_OBJECTS ||
        (cx->op == OP_EQUAL && b != NULL && a->lead_count != b->lead_count)) {
        return cx->op == OP_EQUAL ? NOT_EQUAL
                                  : camp_ib_fail_capacity(cx, -1, "more leads than CAMP_MAX_LEAD_OBJECTS",
                                                  a->lead_count);
    }
    camp_ib_arr_open(cx);
    for (i = 0; i < a->lead_count && st == CAMP_OK; i++) {
        camp_ib_path_index(&cx->path, i);
        st = lead_op(cx, &a->leads[i], b != NULL ? &b->leads[i] : NULL, -1);
        camp_ib_path_cut(&cx->path, mark);
    }
    camp_ib_arr_close(cx);
    return st;
}

camp_status_t camp_ib_leads_add_op(ictx_t *cx, camp_inbox_leads_add_t *a,
                                 const camp_inbox_leads_add_t *b, int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, leads_add_fields, COUNT(leads_add_fields), a, b,
             offsetof(camp_inbox_leads_add_t, present), 4, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(leads_add_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = (sub->rule == SUB_LEADS) ? leads_op(cx, a, b, r.v) : ids_op(cx, a, b, sub->rule, r.v, tok);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    /* "a useful request carries at least one of them" */
    if (st == CAMP_OK && cx->op == OP_VALIDATE &&
        (a->present & (CAMP_INBOX_LEADS_HAS_PLATFORM_IDS | CAMP_INBOX_LEADS_HAS_USERNAMES |
                       CAMP_INBOX_LEADS_HAS_EXTERNAL_IDS | CAMP_INBOX_LEADS_HAS_LEADS)) == 0) {
        st = camp_ib_fail_at(cx, -1, CAMP_ERR_REQUIRED,
                     "one of platformIds, usernames, externalIds, leads required");
    }
    return st;
}

/* ---- flat bodies ------------------------------------------------------------------------------- */

#define LU_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_update_t, m))
#define LC_OFF(m) ((uint16_t)offsetof(camp_inbox_lead_cancel_t, m))
#define CU_OFF(m) ((uint16_t)offsetof(camp_inbox_column_update_t, m))
#define CO_OFF(m) ((uint16_t)offsetof(camp_inbox_column_t, m))
#define AR_OFF(m) ((uint16_t)offsetof(camp_inbox_leads_add_result_t, m))
#define SU_OFF(m) ((uint16_t)offsetof(camp_inbox_success_t, m))

static const ifield_t lead_update_fields[] = {
    {"data", K_RAW_OBJ, R_NONE, F_REQ, LU_OFF(data), 0, 0},
    {"by", K_ENUM, E_BY, 0, LU_OFF(by), 0, 0},
    {"platform", K_ENUM, E_PLATFORM, 0, LU_OFF(platform), 0, 0},
};

/* E9: `platform` is "required when by is platformId or username (defaults to
 * twitter)": with a default it can be omitted, so it stays optional. */
static const ifield_t lead_cancel_fields[] = {
    {"by", K_ENUM, E_BY, 0, LC_OFF(by), 0, 0},
    {"platform", K_ENUM, E_PLATFORM, 0, LC_OFF(platform), 0, 0},
};

/* E10: name is listed without "optional", description is `string | null`
 * (null clears) and may be omitted. */
static const ifield_t column_update_fields[] = {
    {"name", K_STR, R_NAME, F_REQ, CU_OFF(name), 0, 0},
    {"description", K_STR, R_DESC, F_NULL, CU_OFF(description), 0, CAMP_INBOX_COLUMN_HAS_DESCRIPTION},
};

static const ifield_t column_fields[] = {
    {"id", K_COLID, R_NONE, F_REQ, CO_OFF(id), 0, 0},
    {"name", K_STR, R_NONE, F_REQ, CO_OFF(name), 0, 0},
    {"type", K_RAW, R_NONE, F_REQ | F_NULL, CO_OFF(type), 0, 0},
    {"createdAt", K_TIME, R_NONE, F_REQ, CO_OFF(created_at), 0, 0},
    {"updatedAt", K_TIME, R_NONE, F_REQ | F_NULL, CO_OFF(updated_at), 0, 0},
    {"description", K_STR, R_NONE, F_NULL, CO_OFF(description), 0, CAMP_INBOX_COLUMN_HAS_DESCRIPTION},
};

#define TM_OFF(m) ((uint16_t)offsetof(camp_inbox_team_t, m))

/* §4, GET /team (the vendor's OpenAPI): every member required, image and
 * updatedAt nullable. */
static const ifield_t team_fields[] = {
    {"id", K_ID, R_NONE, F_REQ, TM_OFF(id), 0, 0},
    {"name", K_STR, R_NONE, F_REQ, TM_OFF(name), 0, 0},
    {"slug", K_STR, R_NONE, F_REQ, TM_OFF(slug), 0, 0},
    {"image", K_STR, R_NONE, F_REQ | F_NULL, TM_OFF(image), 0, 0},
    {"createdAt", K_TIME, R_NONE, F_REQ, TM_OFF(created_at), 0, 0},
    {"updatedAt", K_TIME, R_NONE, F_REQ | F_NULL, TM_OFF(updated_at), 0, 0},
};

static const ifield_t leads_add_result_fields[] = {
    {"added", K_I64, R_COUNT, F_REQ, AR_OFF(added), 0, 0},
    {"skipped", K_I64, R_COUNT, F_REQ, AR_OFF(skipped), 0, 0},
    {"failed", K_I64, R_COUNT, F_REQ, AR_OFF(failed), 0, 0},
};

/* `success` is typed "any" (required); true is the natural value. */
static const ifield_t success_fields[] = {
    {"success", K_RAW, R_NONE, F_REQ | F_NULL, SU_OFF(value), 0, 0},
};

camp_status_t camp_ib_simple_op(ictx_t *cx, camp_inbox_type_t type, void *a, const void *b, int tok)
{
    switch (type) {
    case CAMP_INBOX_LEADS_ADD_RESULT:
        return camp_ib_run_all(cx, leads_add_result_fields, COUNT(leads_add_result_fields), a, b,
                       NO_PRESENT, 1, tok);
    case CAMP_INBOX_TEAM:
        return camp_ib_run_all(cx, team_fields, COUNT(team_fields), a, b, NO_PRESENT, 1, tok);
    case CAMP_INBOX_LEAD_UPDATE:
        return camp_ib_run_all(cx, lead_update_fields, COUNT(lead_update_fields), a, b, NO_PRESENT, 1, tok);
    case CAMP_INBOX_LEAD_CANCEL:
        return camp_ib_run_all(cx, lead_cancel_fields, COUNT(lead_cancel_fields), a, b, NO_PRESENT, 1, tok);
    case CAMP_INBOX_COLUMN_UPDATE:
        return camp_ib_run_all(cx, column_update_fields, COUNT(column_update_fields), a, b,
                       offsetof(camp_inbox_column_update_t, present), 4, tok);
    case CAMP_INBOX_COLUMN:
        return camp_ib_run_all(cx, column_fields, COUNT(column_fields), a, b,
                       offsetof(camp_inbox_column_t, present), 4, tok);
    case CAMP_INBOX_SUCCESS: {
        camp_inbox_success_t *s = (camp_inbox_success_t *)a;
        camp_status_t st = camp_ib_run_all(cx, success_fields, COUNT(success_fields), a, b,
                                           NO_PRESENT, 1, tok);
        if (st == CAMP_OK && cx->op == OP_DECODE) {
            s->is_true = (s->value.ptr != NULL && s->value.len == 4 &&
                          memcmp(s->value.ptr, "true", 4) == 0);
        }
        return st;
    }
    default:
        return CAMP_ERR_INTERNAL;
    }
}
