/* Campaign objects (§3.1 v2, §3.2 legacy, §3.3 webhook summary), their
 * scheduleHours, rules / lists, automations, custom variables, and the
 * synthetic campaign list page. */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))
#define S_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_summary_t, m))
#define C_OFF(m) ((uint16_t)offsetof(camp_inbox_campaign_t, m))
#define L_OFF(m) ((uint16_t)offsetof(camp_inbox_list_t, m))
#define R_OFF(m) ((uint16_t)offsetof(camp_inbox_rules_t, m))
#define A_OFF(m) ((uint16_t)offsetof(camp_inbox_automation_t, m))
#define V_OFF(m) ((uint16_t)offsetof(camp_inbox_variable_t, m))
#define W_OFF(m) ((uint16_t)offsetof(camp_day_window_t, m))

/* offsets in the tables are uint16_t */
typedef char campaign_fits_uint16[(sizeof(camp_inbox_campaign_t) < 65536u) ? 1 : -1];

enum {
    SUB_HOURS = 1,
    SUB_RULES,
    SUB_SEQUENCE,
    SUB_AUTOMATIONS,
    SUB_STEPS,
    SUB_LISTS,
    SUB_VARIABLES,
    SUB_SYNCED,
    SUB_EXCLUDED,
    SUB_MAPPING,
    SUB_ACTION_DATA
};

/* §3.3 lists the fields every form carries; they are required in every shape,
 * except `status`: the enable-campaign example omits it (D5), so it may be
 * absent. `updatedAt` may be null only in the summary (webhook) shape (D16);
 * the API schemas say it is a non-null date-time. */
static const ifield_t summary_fields[] = {
    {"id", K_ID, R_NONE, F_REQ, S_OFF(id), 0, 0},
    {"name", K_STR, R_NONE, F_REQ, S_OFF(name), 0, 0},
    {"description", K_STR, R_NONE, F_REQ | F_NULL, S_OFF(description), 0, 0},
    {"status", K_ENUM, E_STATUS, 0, S_OFF(status), 0, 0},
    {"dryRun", K_BOOL, R_NONE, F_REQ, S_OFF(dry_run), 0, 0},
    {"targetsCount", K_I64, R_COUNT, F_REQ, S_OFF(targets_count), 0, 0},
    {"contactedCount", K_I64, R_COUNT, F_REQ, S_OFF(contacted_count), 0, 0},
    {"repliesCount", K_I64, R_COUNT, F_REQ, S_OFF(replies_count), 0, 0},
    {"completionRate", K_FRAC, R_NONE, F_REQ, S_OFF(completion_rate), 0, 0},
    {"replyRate", K_FRAC, R_NONE, F_REQ, S_OFF(reply_rate), 0, 0},
    {"createdAt", K_TIME, R_NONE, F_REQ, S_OFF(created_at), 0, 0},
    {"updatedAt", K_TIME, R_NONE, F_REQ | F_NULL_SUM, S_OFF(updated_at), 0, 0},
    {"pausedAt", K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(paused_at), 0, 0},
    {"completedAt", K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(completed_at), 0, 0},
    {"lastStartedAt", K_TIME, R_NONE, F_REQ | F_NULL, S_OFF(last_started_at), 0, 0},
};

/* The legacy webhook's `data.campaign` is only `{id, name}`. */
static const ifield_t ref_fields[] = {
    {"id", K_ID, R_NONE, F_REQ, S_OFF(id), 0, 0},
    {"name", K_STR, R_NONE, F_REQ, S_OFF(name), 0, 0},
};

/* Members of the v2 / legacy shapes beyond the summary. All optional (their
 * presence is in `present`): the docs mark them required, but tolerance on
 * receive keeps a device working when a shape-specific field goes missing;
 * the shape markers decide the shape. */
static const ifield_t campaign_fields[] = {
    {"enabled", K_BOOL, R_NONE, F_V2, C_OFF(enabled), 0, CAMP_INBOX_CAMPAIGN_HAS_ENABLED},
    {"hourlyMessageRate", K_U16, R_RATE, 0, C_OFF(hourly_message_rate), 0,
     CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE},
    {"scheduleTimezone", K_TZ, R_NONE, 0, C_OFF(schedule_timezone), 0, 0},
    {"scheduleHours", K_SUB, SUB_HOURS, 0, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS},
    {"isBuildingPlan", K_BOOL, R_NONE, 0, C_OFF(is_building_plan), 0,
     CAMP_INBOX_CAMPAIGN_HAS_BUILDING_PLAN},
    {"isSyncing", K_BOOL, R_NONE, F_V2, C_OFF(is_syncing), 0, CAMP_INBOX_CAMPAIGN_HAS_SYNCING},
    {"scopeAssessedCount", K_I64, R_COUNT, F_V2, C_OFF(scope_assessed_count), 0,
     CAMP_INBOX_CAMPAIGN_HAS_SCOPE_ASSESSED},
    {"accountLinkIds", K_IDS, A_ACCOUNTS, 0, C_OFF(account_link_ids), C_OFF(account_count),
     CAMP_INBOX_CAMPAIGN_HAS_ACCOUNTS},
    {"rules", K_SUB, SUB_RULES, F_V2, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_RULES},
    {"sequence", K_SUB, SUB_SEQUENCE, F_V2, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_SEQUENCE},
    {"automations", K_SUB, SUB_AUTOMATIONS, 0, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_AUTOMATIONS},
    {"type", K_STR, R_NONE, F_LEG, C_OFF(type), 0, 0},
    {"estimatedTargets", K_I64, R_COUNT, F_LEG, C_OFF(estimated_targets), 0,
     CAMP_INBOX_CAMPAIGN_HAS_ESTIMATED_TARGETS},
    {"isHydrating", K_BOOL, R_NONE, F_LEG, C_OFF(is_hydrating), 0, CAMP_INBOX_CAMPAIGN_HAS_HYDRATING},
    /* customVariables before steps: the variable check needs the map first */
    {"customVariables", K_SUB, SUB_VARIABLES, F_LEG, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_CUSTOM_VARIABLES},
    {"steps", K_SUB, SUB_STEPS, F_LEG, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_STEPS},
    {"lists", K_SUB, SUB_LISTS, F_LEG, 0, 0, CAMP_INBOX_CAMPAIGN_HAS_LISTS},
};

static const ifield_t window_fields[] = {
    {"start", K_U16, R_MINUTE, F_REQ, W_OFF(start), 0, 0},
    {"end", K_U16, R_MINUTE, F_REQ, W_OFF(end), 0, 0},
};

/* v2 rules: the docs show all four members on every example. */
static const ifield_t rules_fields[] = {
    {"syncedLists", K_SUB, SUB_SYNCED, F_REQ, 0, 0, 0},
    {"excludedLists", K_SUB, SUB_EXCLUDED, F_REQ, 0, 0, 0},
    {"excludeContacted", K_BOOL, R_NONE, F_REQ, R_OFF(exclude_contacted), 0, 0},
    {"excludeMutuals", K_BOOL, R_NONE, F_REQ, R_OFF(exclude_mutuals), 0, 0},
};

static const ifield_t v2_list_fields[] = {
    {"listId", K_ID, R_NONE, F_REQ, L_OFF(list_id), 0, 0},
    {"listName", K_STR, R_NONE, 0, L_OFF(list_name), 0, 0},
    {"columnMapping", K_SUB, SUB_MAPPING, 0, 0, 0, CAMP_INBOX_LIST_HAS_COLUMN_MAPPING},
};

static const ifield_t legacy_list_fields[] = {
    {"listId", K_ID, R_NONE, F_REQ, L_OFF(list_id), 0, 0},
    {"exclude", K_BOOL, R_NONE, F_REQ, L_OFF(exclude), 0, 0},
};

/* D6: the v2 example has no `action`; it is optional. */
static const ifield_t automation_fields[] = {
    {"id", K_ID, R_NONE, F_REQ, A_OFF(id), 0, 0},
    {"trigger", K_ENUM, E_TRIGGER, F_REQ, A_OFF(trigger), 0, 0},
    {"action", K_ENUM, E_ACTION, 0, A_OFF(action), 0, 0},
    {"actionData", K_SUB, SUB_ACTION_DATA, 0, 0, 0, CAMP_INBOX_AUTOMATION_HAS_ACTION_DATA},
    {"enabled", K_BOOL, R_NONE, F_REQ, A_OFF(enabled), 0, 0},
};

static const ifield_t action_data_fields[] = {
    {"statusId", K_ID, R_NONE, F_REQ, A_OFF(status_id), 0, 0},
};

static const ifield_t variable_fields[] = {
    {"displayName", K_STR, R_NONE, F_REQ, V_OFF(display_name), 0, 0},
    {"description", K_STR, R_NONE, F_NULL, V_OFF(description), 0,
     CAMP_INBOX_VARIABLE_HAS_DESCRIPTION},
};

/* ---- summary ----------------------------------------------------------------------------- */

camp_status_t camp_ib_summary_op(ictx_t *cx, camp_inbox_campaign_summary_t *a,
                               const camp_inbox_campaign_summary_t *b, int tok)
{
    uint8_t saved = cx->shape;
    camp_status_t st;
    if (cx->shape == SHAPE_REF) { /* legacy webhook reference */
        return camp_ib_run_all(cx, ref_fields, COUNT(ref_fields), a, b, NO_PRESENT, 1, tok);
    }
    cx->shape = CAMP_INBOX_SHAPE_SUMMARY;
    st = camp_ib_run_all(cx, summary_fields, COUNT(summary_fields), a, b, NO_PRESENT, 1, tok);
    cx->shape = saved;
    return st;
}

/* ---- map helpers --------------------------------------------------------------------------- */

/* Decode: the key of the member whose key token is @p key; refuses a key seen
 * before among @p seen[0..n) (a map with duplicate keys is ambiguous). */
static camp_status_t map_key(ictx_t *cx, int key, const camp_str_t *seen, size_t stride, size_t n,
                             camp_str_t *out)
{
    size_t i;
    camp_status_t st = camp_ib_get_str(cx, key, out);
    if (st != CAMP_OK) {
        return st;
    }
    for (i = 0; i < n; i++) {
        const camp_str_t *s = (const camp_str_t *)(const void *)((const char *)seen + i * stride);
        if (camp_ib_str_eq(s, out)) {
            return camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID, "duplicate key");
        }
    }
    return CAMP_OK;
}

/* ---- scheduleHours ---------------------------------------------------------------------------- */

static camp_status_t hours_decode(ictx_t *cx, camp_week_windows_t *w, int tok)
{
    int n, i, key;
    camp_status_t st = camp_ib_want_object(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    n = camp_json_size(cx->doc, tok);
    key = camp_json_first(cx->doc, tok);
    for (i = 0; i < n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
        camp_str_t k;
        camp_day_window_t *d;
        st = camp_ib_get_str(cx, key, &k);
        if (st != CAMP_OK) {
            return st;
        }
        /* §3.5: keys are the day of week as a string, "0" Sunday .. "6" Saturday */
        if (k.len != 1 || k.ptr[0] < '0' || k.ptr[0] > '6') {
            return camp_ib_fail_at(cx, key + 1, CAMP_ERR_SCHEDULE, "day key must be \"0\"..\"6\"");
        }
        d = &w->day[k.ptr[0] - '0'];
        if (d->has_window) {
            return camp_ib_fail_at(cx, key + 1, CAMP_ERR_SCHEDULE, "duplicate day key");
        }
        st = camp_ib_run_all(cx, window_fields, COUNT(window_fields), d, NULL, NO_PRESENT, 1, key + 1);
        if (st != CAMP_OK) {
            return st;
        }
        /* [derived] minute-of-day window: 0 <= start < end <= 1440 */
        if (d->start >= d->end) {
            st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_SCHEDULE, "start must be less than end");
            camp_ib_fail_limits(cx, 0, 1440);
            return st;
        }
        d->has_window = true;
    }
    return CAMP_OK;
}

static camp_status_t hours_op(ictx_t *cx, camp_week_windows_t *a, const camp_week_windows_t *b,
                              int tok)
{
    size_t d, mark = cx->path.len;
    camp_status_t st = CAMP_OK;
    if (cx->op == OP_DECODE) {
        return hours_decode(cx, a, tok);
    }
    camp_ib_obj_open(cx, tok);
    for (d = 0; d < 7 && st == CAMP_OK; d++) {
        const camp_day_window_t *x = &a->day[d];
        char key[2];
        key[0] = (char)('0' + d);
        key[1] = '\0';
        if (cx->op == OP_EQUAL) {
            const camp_day_window_t *y = b != NULL ? &b->day[d] : NULL;
            if (y == NULL || x->has_window != y->has_window ||
                (x->has_window && (x->start != y->start || x->end != y->end))) {
                st = NOT_EQUAL;
            }
            continue;
        }
        if (!x->has_window) {
            continue;
        }
        if (cx->op == OP_ENCODE) {
            camp_json_write_key(cx->w, key);
            st = camp_ib_run_all(cx, window_fields, COUNT(window_fields), (void *)(uintptr_t)x, NULL,
                         NO_PRESENT, 1, -1);
            continue;
        }
        camp_ib_path_key(&cx->path, key, 1);
        st = camp_ib_run_all(cx, window_fields, COUNT(window_fields), (void *)(uintptr_t)x, NULL,
                     NO_PRESENT, 1, -1);
        if (st == CAMP_OK && x->start >= x->end) {
            st = camp_ib_fail_at(cx, -1, CAMP_ERR_SCHEDULE, "start must be less than end");
            camp_ib_fail_limits(cx, 0, 1440);
        }
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

/* ---- lists and column mappings ---------------------------------------------------------------- */

/* Mappings every list of the v2 rules object cx->scan_tok needs (pool sizing). */
static size_t mappings_needed(ictx_t *cx)
{
    static const char arrays[2][16] = {"syncedLists", "excludedLists"};
    size_t total = 0, a;
    for (a = 0; a < 2; a++) {
        int arr = camp_json_member(cx->doc, cx->scan_tok, arrays[a]);
        int n = camp_json_size(cx->doc, arr), i, it = camp_json_first(cx->doc, arr);
        for (i = 0; i < n && it > 0; i++, it = camp_ib_next(cx->doc, it)) {
            int m = camp_json_member(cx->doc, it, "columnMapping");
            if (camp_json_kind(cx->doc, m) == CAMP_JSON_OBJECT) {
                total += (size_t)camp_json_size(cx->doc, m);
            }
        }
    }
    return total;
}

/* `columnMapping` of one v2 synced list: source column ID -> campaign column ID. */
static camp_status_t mapping_op(ictx_t *cx, camp_inbox_rules_t *ra, camp_inbox_list_t *a,
                                const camp_inbox_rules_t *rb, const camp_inbox_list_t *b, int tok)
{
    size_t i, mark = cx->path.len;
    camp_status_t st;
    const char *why;
    int n, key;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        n = camp_json_size(cx->doc, tok);
        if ((size_t)ra->mapping_count + (size_t)n > CAMP_MAX_COLUMN_MAPPINGS) {
            return camp_ib_fail_capacity(cx, tok, "more column mappings than CAMP_MAX_COLUMN_MAPPINGS",
                                 mappings_needed(cx));
        }
        a->first_mapping = ra->mapping_count;
        key = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
            camp_inbox_column_map_t *m = &ra->mappings[ra->mapping_count];
            st = map_key(cx, key, &ra->mappings[a->first_mapping].source,
                         sizeof(camp_inbox_column_map_t), i, &m->source);
            if (st == CAMP_OK && !camp_valid_column_id(m->source.ptr, m->source.len)) {
                st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN,
                             "source column must match ^custom_[0-9a-z]+$");
            }
            if (st == CAMP_OK) {
                st = camp_ib_get_str(cx, key + 1, &m->target);
            }
            if (st == CAMP_OK && camp_ib_check_kind_str(cx, K_COLID, R_NONE, &m->target, &why) != CAMP_OK) {
                st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_PATTERN, why);
            }
            if (st != CAMP_OK) {
                return st;
            }
            ra->mapping_count++;
            a->mapping_count++;
        }
        return CAMP_OK;
    case OP_VALIDATE:
        if ((size_t)a->first_mapping + a->mapping_count > ra->mapping_count ||
            ra->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "mapping range outside the rules' pool");
        }
        for (i = 0; i < a->mapping_count; i++) {
            const camp_inbox_column_map_t *m = &ra->mappings[a->first_mapping + i];
            size_t j;
            camp_ib_path_key(&cx->path, m->source.ptr != NULL ? m->source.ptr : "", m->source.len);
            st = camp_ib_check_key(cx, &m->source);
            if (st != CAMP_OK) {
                return st;
            }
            if (!camp_valid_column_id(m->source.ptr, m->source.len)) {
                return camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN,
                               "source column must match ^custom_[0-9a-z]+$");
            }
            if (m->target.ptr == NULL ||
                camp_ib_check_kind_str(cx, K_COLID, R_NONE, &m->target, &why) != CAMP_OK) {
                return camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN, "must match ^custom_[0-9a-z]+$");
            }
            for (j = 0; j < i; j++) {
                if (camp_ib_str_eq(&ra->mappings[a->first_mapping + j].source, &m->source)) {
                    return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "duplicate key");
                }
            }
            camp_ib_path_cut(&cx->path, mark);
        }
        return CAMP_OK;
    case OP_ENCODE:
        camp_json_write_object_begin(cx->w);
        for (i = 0; i < a->mapping_count; i++) {
            const camp_inbox_column_map_t *m = &ra->mappings[a->first_mapping + i];
            camp_ib_put_key(cx, &m->source);
            camp_ib_put_str(cx, &m->target);
        }
        camp_json_write_object_end(cx->w);
        return CAMP_OK;
    default:
        if (b == NULL) { /* only OP_EQUAL gets here, always with a b */
            return NOT_EQUAL;
        }
        if (a->mapping_count != b->mapping_count ||
            (size_t)a->first_mapping + a->mapping_count > CAMP_MAX_COLUMN_MAPPINGS ||
            (size_t)b->first_mapping + b->mapping_count > CAMP_MAX_COLUMN_MAPPINGS) {
            return NOT_EQUAL;
        }
        for (i = 0; i < a->mapping_count; i++) {
            const camp_inbox_column_map_t *x = &ra->mappings[a->first_mapping + i];
            const camp_inbox_column_map_t *y = &rb->mappings[b->first_mapping + i];
            if (!camp_ib_str_eq(&x->source, &y->source) || !camp_ib_str_eq(&x->target, &y->target)) {
                return NOT_EQUAL;
            }
        }
        return CAMP_OK;
    }
}

static camp_status_t list_item_op(ictx_t *cx, camp_inbox_rules_t *ra, camp_inbox_list_t *a,
                                  const camp_inbox_rules_t *rb, const camp_inbox_list_t *b,
                                  int tok, bool legacy)
{
    const ifield_t *t = legacy ? legacy_list_fields : v2_list_fields;
    size_t n = legacy ? COUNT(legacy_list_fields) : COUNT(v2_list_fields), guard;
    const ifield_t *sub;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, t, n, a, b, offsetof(camp_inbox_list_t, present), 1, tok);
    for (guard = 0; guard < RUN_GUARD(n); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = mapping_op(cx, ra, a, rb, b, r.v);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

/* which: 0 v2 syncedLists (exclude == false), 1 v2 excludedLists (exclude ==
 * true), 2 legacy lists (all, in order). v2 lists share one pool; decoding puts
 * the synced ones first (the table decodes syncedLists before excludedLists),
 * so encoding them back in two arrays keeps the order. */
static camp_status_t lists_op(ictx_t *cx, camp_inbox_rules_t *a, const camp_inbox_rules_t *b,
                              int tok, int which)
{
    size_t i, k = 0, kb = 0, mark = cx->path.len;
    camp_status_t st = CAMP_OK;

    if (cx->op == OP_DECODE) {
        int n, it;
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if ((size_t)a->list_count + (size_t)n > CAMP_MAX_LISTS) {
            size_t needed = (size_t)n;
            if (which != 2) {
                needed = (size_t)camp_json_size(cx->doc, camp_json_member(cx->doc, cx->scan_tok, "syncedLists")) +
                         (size_t)camp_json_size(cx->doc, camp_json_member(cx->doc, cx->scan_tok, "excludedLists"));
            }
            return camp_ib_fail_capacity(cx, tok, "more lists than CAMP_MAX_LISTS", needed);
        }
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            camp_inbox_list_t *l = &a->lists[a->list_count];
            st = list_item_op(cx, a, l, NULL, NULL, it, which == 2);
            if (st != CAMP_OK) {
                return st;
            }
            if (which != 2) {
                l->exclude = (which == 1);
            }
            a->list_count++;
        }
        return CAMP_OK;
    }
    if (a->list_count > CAMP_MAX_LISTS || (b != NULL && b->list_count > CAMP_MAX_LISTS)) {
        return cx->op == OP_EQUAL ? NOT_EQUAL
                                  : camp_ib_fail_capacity(cx, -1, "more lists than CAMP_MAX_LISTS",
                                                  a->list_count);
    }
    camp_ib_arr_open(cx);
    for (i = 0; i < a->list_count && st == CAMP_OK; i++) {
        const camp_inbox_list_t *y = NULL;
        if (which != 2 && a->lists[i].exclude != (which == 1)) {
            continue;
        }
        if (cx->op == OP_EQUAL) {
            /* the k-th list of this kind in b */
            if (b == NULL) {
                st = NOT_EQUAL;
                break;
            }
            while (kb < b->list_count && which != 2 && b->lists[kb].exclude != (which == 1)) {
                kb++;
            }
            if (kb >= b->list_count) {
                st = NOT_EQUAL;
                break;
            }
            y = &b->lists[kb++];
        }
        camp_ib_path_index(&cx->path, k++);
        st = list_item_op(cx, a, &a->lists[i], b, y, -1, which == 2);
        camp_ib_path_cut(&cx->path, mark);
    }
    camp_ib_arr_close(cx);
    if (st == CAMP_OK && cx->op == OP_EQUAL && b != NULL) {
        while (kb < b->list_count && which != 2 && b->lists[kb].exclude != (which == 1)) {
            kb++;
        }
        if (kb < b->list_count) {
            st = NOT_EQUAL; /* b has more lists of this kind */
        }
    }
    return st;
}

static camp_status_t rules_op(ictx_t *cx, camp_inbox_rules_t *a, const camp_inbox_rules_t *b,
                              int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    cx->scan_tok = tok;
    camp_ib_run_init(cx, &r, rules_fields, COUNT(rules_fields), a, b, NO_PRESENT, 1, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(rules_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = lists_op(cx, a, b, r.v, sub->rule == SUB_SYNCED ? 0 : 1);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

/* ---- automations -------------------------------------------------------------------------------- */

static camp_status_t automation_op(ictx_t *cx, camp_inbox_automation_t *a,
                                   const camp_inbox_automation_t *b, int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, automation_fields, COUNT(automation_fields), a, b,
             offsetof(camp_inbox_automation_t, present), 1, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(automation_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = camp_ib_run_all(cx, action_data_fields, COUNT(action_data_fields), a, b, NO_PRESENT, 1, r.v);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

static camp_status_t automations_op(ictx_t *cx, camp_inbox_campaign_t *a,
                                    const camp_inbox_campaign_t *b, int tok)
{
    size_t i, mark = cx->path.len;
    camp_status_t st = CAMP_OK;
    if (cx->op == OP_DECODE) {
        int n, it;
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if (n > CAMP_MAX_AUTOMATIONS) {
            return camp_ib_fail_capacity(cx, tok, "more automations than CAMP_MAX_AUTOMATIONS", (size_t)n);
        }
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            st = automation_op(cx, &a->automations[i], NULL, it);
            if (st != CAMP_OK) {
                return st;
            }
            a->automation_count++;
        }
        return CAMP_OK;
    }
    if (a->automation_count > CAMP_MAX_AUTOMATIONS) {
        return camp_ib_fail_capacity(cx, -1, "more automations than CAMP_MAX_AUTOMATIONS",
                             a->automation_count);
    }
    if (cx->op == OP_EQUAL && b != NULL && a->automation_count != b->automation_count) {
        return NOT_EQUAL;
    }
    camp_ib_arr_open(cx);
    for (i = 0; i < a->automation_count && st == CAMP_OK; i++) {
        camp_ib_path_index(&cx->path, i);
        st = automation_op(cx, &a->automations[i], b != NULL ? &b->automations[i] : NULL, -1);
        camp_ib_path_cut(&cx->path, mark);
    }
    camp_ib_arr_close(cx);
    return st;
}

/* ---- customVariables ------------------------------------------------------------------------------ */

static camp_status_t variables_op(ictx_t *cx, camp_inbox_campaign_t *a,
                                  const camp_inbox_campaign_t *b, int tok)
{
    size_t i, mark = cx->path.len;
    camp_status_t st = CAMP_OK;
    if (cx->op == OP_DECODE) {
        int n, key;
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        n = camp_json_size(cx->doc, tok);
        if (n > CAMP_MAX_CUSTOM_VARIABLES) {
            return camp_ib_fail_capacity(cx, tok, "more custom variables than CAMP_MAX_CUSTOM_VARIABLES",
                                 (size_t)n);
        }
        key = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n && key > 0; i++, key = camp_ib_next(cx->doc, key)) {
            camp_inbox_variable_t *v = &a->variables[i];
            st = map_key(cx, key, &a->variables[0].name, sizeof *v, i, &v->name);
            if (st == CAMP_OK && v->name.len == 0) {
                st = camp_ib_fail_at(cx, key + 1, CAMP_ERR_INVALID, "variable name must not be empty");
            }
            if (st == CAMP_OK) {
                st = camp_ib_run_all(cx, variable_fields, COUNT(variable_fields), v, NULL,
                             offsetof(camp_inbox_variable_t, present), 1, key + 1);
            }
            if (st != CAMP_OK) {
                return st;
            }
            a->variable_count++;
        }
        return CAMP_OK;
    }
    if (a->variable_count > CAMP_MAX_CUSTOM_VARIABLES) {
        return camp_ib_fail_capacity(cx, -1, "more custom variables than CAMP_MAX_CUSTOM_VARIABLES",
                             a->variable_count);
    }
    if (cx->op == OP_EQUAL && b != NULL && a->variable_count != b->variable_count) {
        return NOT_EQUAL;
    }
    camp_ib_obj_open(cx, tok);
    for (i = 0; i < a->variable_count && st == CAMP_OK; i++) {
        const camp_inbox_variable_t *v = &a->variables[i];
        size_t j;
        switch (cx->op) {
        case OP_VALIDATE:
            camp_ib_path_key(&cx->path, v->name.ptr != NULL ? v->name.ptr : "", v->name.len);
            st = camp_ib_check_key(cx, &v->name);
            if (st == CAMP_OK && v->name.len == 0) {
                st = camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "variable name must not be empty");
            }
            for (j = 0; j < i && st == CAMP_OK; j++) {
                if (camp_ib_str_eq(&a->variables[j].name, &v->name)) {
                    st = camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "duplicate key");
                }
            }
            break;
        case OP_ENCODE:
            camp_ib_put_key(cx, &v->name);
            break;
        default:
            if (!camp_ib_str_eq(&v->name, &b->variables[i].name)) {
                st = NOT_EQUAL;
            }
            break;
        }
        if (st == CAMP_OK) {
            st = camp_ib_run_all(cx, variable_fields, COUNT(variable_fields), (void *)(uintptr_t)v,
                         b != NULL ? &b->variables[i] : NULL,
                         offsetof(camp_inbox_variable_t, present), 1, -1);
        }
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

/* ---- campaign ---------------------------------------------------------------------------------------- */

/* D2: the shape is told by its marker members. A document with markers of both
 * shapes is not a documented form and is refused (it would be ambiguous which
 * `steps` / `rules` / `lists` hold the sequence and the list rules). */
static camp_status_t detect_shape(ictx_t *cx, int tok, uint8_t *shape)
{
    static const ifield_t markers[] = {
        {"enabled", 0, 0, F_V2, 0, 0, 0},
        {"rules", 0, 0, F_V2, 0, 0, 0},
        {"sequence", 0, 0, F_V2, 0, 0, 0},
        {"scopeAssessedCount", 0, 0, F_V2, 0, 0, 0},
        {"isSyncing", 0, 0, F_V2, 0, 0, 0},
        {"type", 0, 0, F_LEG, 0, 0, 0},
        {"lists", 0, 0, F_LEG, 0, 0, 0},
        {"steps", 0, 0, F_LEG, 0, 0, 0},
        {"customVariables", 0, 0, F_LEG, 0, 0, 0},
        {"estimatedTargets", 0, 0, F_LEG, 0, 0, 0},
        {"isHydrating", 0, 0, F_LEG, 0, 0, 0},
    };
    irun_t r;
    bool has_v2 = false;
    size_t i;
    camp_status_t st = camp_ib_want_object(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    /* one pass over the members (the marker table's index), then the markers in order */
    camp_ib_run_init(cx, &r, markers, COUNT(markers), NULL, NULL, NO_PRESENT, 1, tok);
    for (i = 0; i < 5; i++) {
        has_v2 = has_v2 || camp_ib_run_value(cx, &r, i) >= 0;
    }
    *shape = has_v2 ? CAMP_INBOX_SHAPE_V2 : CAMP_INBOX_SHAPE_SUMMARY;
    for (i = 5; i < COUNT(markers); i++) {
        int v = camp_ib_run_value(cx, &r, i);
        if (v >= 0 && has_v2) {
            camp_ib_run_release(cx, &r);
            return camp_ib_fail_at(cx, v, CAMP_ERR_INVALID,
                           "legacy-shape member in a v2-shape campaign (D2)");
        }
        if (v >= 0) {
            *shape = CAMP_INBOX_SHAPE_LEGACY;
        }
    }
    camp_ib_run_release(cx, &r);
    return CAMP_OK;
}

static camp_status_t campaign_sub(ictx_t *cx, camp_inbox_campaign_t *a,
                                  const camp_inbox_campaign_t *b, const ifield_t *f, int v)
{
    switch (f->rule) {
    case SUB_HOURS:
        return hours_op(cx, &a->schedule_hours, b != NULL ? &b->schedule_hours : NULL, v);
    case SUB_RULES:
        return rules_op(cx, &a->rules, b != NULL ? &b->rules : NULL, v);
    case SUB_LISTS:
        return lists_op(cx, &a->rules, b != NULL ? &b->rules : NULL, v, 2);
    case SUB_SEQUENCE:
        return camp_ib_sequence_op(cx, &a->sequence, b != NULL ? &b->sequence : NULL, v, true);
    case SUB_STEPS:
        return camp_ib_sequence_op(cx, &a->sequence, b != NULL ? &b->sequence : NULL, v, false);
    case SUB_AUTOMATIONS:
        return automations_op(cx, a, b, v);
    case SUB_VARIABLES:
        return variables_op(cx, a, b, v);
    default:
        return CAMP_ERR_INTERNAL;
    }
}

camp_status_t camp_ib_campaign_op(ictx_t *cx, camp_inbox_campaign_t *a,
                                const camp_inbox_campaign_t *b, int tok)
{
    const ifield_t *sub;
    irun_t r;
    camp_status_t st;

    if (cx->op == OP_DECODE) {
        st = detect_shape(cx, tok, &a->shape);
        if (st != CAMP_OK) {
            return st;
        }
        a->sequence.version = -1;
    } else if (a->shape > CAMP_INBOX_SHAPE_LEGACY) {
        return cx->op == OP_EQUAL ? NOT_EQUAL : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "unknown shape");
    } else if (cx->op == OP_EQUAL && b != NULL && a->shape != b->shape) {
        return NOT_EQUAL;
    }
    cx->shape = a->shape;
    cx->campaign = a;
    st = camp_ib_obj_open(cx, tok);
    if (st == CAMP_OK) {
        st = camp_ib_run_table(cx, summary_fields, COUNT(summary_fields), &a->base,
                       b != NULL ? &b->base : NULL, NO_PRESENT, 1, tok);
    }
    if (st == CAMP_OK) {
        size_t guard;
        camp_ib_run_init(cx, &r, campaign_fields, COUNT(campaign_fields), a, b,
                 offsetof(camp_inbox_campaign_t, present), 4, tok);
        for (guard = 0; guard < RUN_GUARD(COUNT(campaign_fields)); guard++) {
            st = camp_ib_run_next(cx, &r, &sub);
            if (st != CAMP_OK || sub == NULL) {
                break;
            }
            st = campaign_sub(cx, a, b, sub, r.v);
            if (st != CAMP_OK) {
                break;
            }
            camp_ib_run_done(cx, &r);
        }
    }
    camp_ib_obj_close(cx);
    cx->campaign = NULL;
    return st;
}

/* ---- page ------------------------------------------------------------------------------------------------ */

static const ifield_t cursor_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, (uint16_t)offsetof(camp_inbox_campaign_page_t, next_id), 0, 0},
    {"timestamp", K_TIME, R_NONE, F_REQ, (uint16_t)offsetof(camp_inbox_campaign_page_t, next_timestamp),
     0, 0},
};

/* SYNTHETIC (fixtures/README): no list endpoint is documented. The page follows
 * the v1 pagination envelope (§7): the items under a resource-named key
 * (`campaigns`) and `nextCursor` {id, timestamp}, null on the last page. */
camp_status_t camp_ib_page_op(ictx_t *cx, camp_inbox_campaign_page_t *a,
                            const camp_inbox_campaign_page_t *b, int tok)
{
    size_t i, mark = cx->path.len;
    camp_status_t st = camp_ib_obj_open(cx, tok);
    int it = -1;
    if (st != CAMP_OK) {
        return st;
    }
    if (cx->op == OP_DECODE) {
        int n;
        int arr = camp_json_member(cx->doc, tok, "campaigns");
        if (arr < 0) {
            return camp_ib_fail_member(cx, tok, "campaigns", CAMP_ERR_REQUIRED, "required field missing");
        }
        st = camp_ib_want_array(cx, arr, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if (n > CAMP_MAX_PAGE_ITEMS) {
            return camp_ib_fail_capacity(cx, arr, "more campaigns than CAMP_MAX_PAGE_ITEMS", (size_t)n);
        }
        a->count = (uint16_t)n;
        it = camp_json_first(cx->doc, arr);
    } else if (a->count > CAMP_MAX_PAGE_ITEMS) {
        camp_ib_path_key(&cx->path, "campaigns", 9);
        return cx->op == OP_EQUAL ? NOT_EQUAL
                                  : camp_ib_fail_capacity(cx, -1, "more campaigns than CAMP_MAX_PAGE_ITEMS",
                                                  a->count);
    } else if (cx->op == OP_EQUAL && b != NULL && (a->count != b->count || a->has_next != b->has_next)) {
        return NOT_EQUAL;
    }
    if (cx->op == OP_ENCODE) {
        camp_json_write_key(cx->w, "campaigns");
    }
    camp_ib_arr_open(cx);
    camp_ib_path_key(&cx->path, "campaigns", 9);
    for (i = 0; i < a->count && st == CAMP_OK; i++) {
        size_t m = cx->path.len;
        camp_ib_path_index(&cx->path, i);
        st = camp_ib_campaign_op(cx, &a->items[i], b != NULL ? &b->items[i] : NULL, it);
        camp_ib_path_cut(&cx->path, m);
        if (cx->op == OP_DECODE) {
            it = camp_ib_next(cx->doc, it);
        }
    }
    camp_ib_path_cut(&cx->path, mark);
    camp_ib_arr_close(cx);
    if (st != CAMP_OK) {
        return st;
    }
    /* nextCursor: null on the last page; absence is taken as null too. */
    if (cx->op == OP_DECODE) {
        int cur = camp_json_member(cx->doc, tok, "nextCursor");
        if (cur >= 0 && !camp_json_is_null(cx->doc, cur)) {
            st = camp_ib_run_all(cx, cursor_fields, COUNT(cursor_fields), a, NULL, NO_PRESENT, 1, cur);
            a->has_next = (st == CAMP_OK);
        }
        return st;
    }
    if (cx->op == OP_ENCODE) {
        camp_json_write_key(cx->w, "nextCursor");
        if (!a->has_next) {
            camp_json_write_null(cx->w);
        }
    }
    if (a->has_next) {
        camp_ib_path_key(&cx->path, "nextCursor", 10);
        st = camp_ib_run_all(cx, cursor_fields, COUNT(cursor_fields), a, b, NO_PRESENT, 1, -1);
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}
