/* Error bodies (§5, D12) and webhook events (§8: the v1 envelope with the
 * campaign.* and target.* payloads, and the legacy camelCase format). */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))
#define E_OFF(m) ((uint16_t)offsetof(camp_inbox_error_t, m))
#define WH_OFF(m) ((uint16_t)offsetof(camp_inbox_webhook_t, m))
#define P_OFF(m) ((uint16_t)offsetof(camp_inbox_prospect_t, m))

/* ---- error bodies ------------------------------------------------------------------------------ */

static const ifield_t nested_error_fields[] = {
    {"code", K_STR, R_NONE, F_REQ, E_OFF(code), 0, 0},
    {"message", K_STR, R_NONE, F_REQ, E_OFF(message), 0, 0},
    {"status", K_I64, R_HTTP, F_REQ, E_OFF(status), 0, 0},
};

static const ifield_t flat_error_fields[] = {
    {"error", K_STR, R_NONE, F_REQ, E_OFF(code), 0, 0},
    {"message", K_STR, R_NONE, 0, E_OFF(message), 0, 0},
};

static const ifield_t v2_error_fields[] = {
    {"code", K_STR, R_NONE, F_REQ, E_OFF(code), 0, 0},
    {"message", K_STR, R_NONE, F_REQ, E_OFF(message), 0, 0},
    {"requestId", K_STR, R_NONE, 0, E_OFF(request_id), 0, 0},
};

/* D12: error-codes and rate-limits pages nest {code, message, status} under
 * `error`; the authentication pages send a flat {error: "...", message}; the
 * API v2 spec sends {code, message, details, requestId}. All three decode; the
 * form is recorded. `error` as an object selects nested, as a string flat; no
 * `error` but a `code` selects v2. Codes are an open set (never enum-checked). */
camp_status_t camp_ib_error_op(ictx_t *cx, camp_inbox_error_t *a, const camp_inbox_error_t *b,
                             int tok)
{
    size_t mark = cx->path.len;
    camp_status_t st;
    if (cx->op == OP_DECODE) {
        int e;
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        e = camp_json_member(cx->doc, tok, "error");
        if (e >= 0 && camp_json_kind(cx->doc, e) == CAMP_JSON_OBJECT) {
            a->form = CAMP_INBOX_ERROR_NESTED;
        } else if (e >= 0 && camp_json_kind(cx->doc, e) == CAMP_JSON_STRING) {
            a->form = CAMP_INBOX_ERROR_FLAT;
        } else if (e >= 0) {
            return camp_ib_fail_at(cx, e, CAMP_ERR_TYPE, "must be an object or a string");
        } else if (camp_json_member(cx->doc, tok, "code") >= 0) {
            a->form = CAMP_INBOX_ERROR_V2;
        } else {
            return camp_ib_fail_member(cx, tok, "error", CAMP_ERR_REQUIRED, "required field missing");
        }
        if (a->form == CAMP_INBOX_ERROR_NESTED) {
            return camp_ib_run_all(cx, nested_error_fields, COUNT(nested_error_fields), a, NULL,
                           NO_PRESENT, 1, e);
        }
    } else if (a->form > CAMP_INBOX_ERROR_V2 || (cx->op == OP_EQUAL && a->form != b->form)) {
        return cx->op == OP_EQUAL ? NOT_EQUAL : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "unknown form");
    }
    switch (a->form) {
    case CAMP_INBOX_ERROR_FLAT:
        return camp_ib_run_all(cx, flat_error_fields, COUNT(flat_error_fields), a, b, NO_PRESENT, 1, tok);
    case CAMP_INBOX_ERROR_V2:
        return camp_ib_run_all(cx, v2_error_fields, COUNT(v2_error_fields), a, b, NO_PRESENT, 1, tok);
    default:
        camp_ib_obj_open(cx, tok);
        if (cx->op == OP_ENCODE) {
            camp_json_write_key(cx->w, "error");
        }
        camp_ib_path_key(&cx->path, "error", 5);
        st = camp_ib_run_all(cx, nested_error_fields, COUNT(nested_error_fields), a, b, NO_PRESENT, 1, -1);
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
        camp_ib_obj_close(cx);
        return st;
    }
}

/* ---- webhooks ------------------------------------------------------------------------------------- */

/* §8.1: all seven envelope members are required. IDs are only required to be
 * non-empty strings: no pattern is documented for them (D14 shows `team_...`). */
static const ifield_t v1_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(id), 0, 0},
    {"seq", K_I64, R_COUNT, F_REQ, WH_OFF(seq), 0, 0},
    {"teamId", K_STR, R_NONEMPTY, F_REQ, WH_OFF(team_id), 0, 0},
    {"type", K_STR, R_NONEMPTY, F_REQ, WH_OFF(type), 0, 0},
    {"timestamp", K_TIME, R_NONE, F_REQ, WH_OFF(timestamp), 0, 0},
    {"version", K_STR, R_NONEMPTY, F_REQ, WH_OFF(version), 0, 0},
};

static const ifield_t legacy_fields[] = {
    {"event", K_STR, R_NONEMPTY, F_REQ, WH_OFF(type), 0, 0},
    {"version", K_STR, R_NONEMPTY, F_REQ, WH_OFF(version), 0, 0},
    {"timestamp", K_TIME, R_NONE, F_REQ, WH_OFF(timestamp), 0, 0},
    {"platform", K_ENUM, E_PLATFORM, F_REQ, WH_OFF(platform), 0, 0},
};

static const ifield_t thread_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(thread_id), 0, 0},
    {"platformId", K_STR, R_NONE, 0, WH_OFF(thread_platform_id), 0, 0},
    {"accountLinkId", K_ID, R_NONE, 0, WH_OFF(account_link_id), 0, 0},
};

static const ifield_t message_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(message_id), 0, 0},
    {"content", K_STR, R_NONE, 0, WH_OFF(message_content), 0, 0},
    {"createdAt", K_TIME, R_NONE, 0, WH_OFF(message_created_at), 0, 0},
};

/* Profile data of an external person (display name, username, image) is null or
 * missing on real accounts (deleted, suspended, private): it never rejects an event.
 * The prospect's id stays required. */
static const ifield_t prospect_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, P_OFF(id), 0, 0},
    {"platformId", K_STR, R_NONE, 0, P_OFF(platform_id), 0, 0},
    {"platform", K_ENUM, E_PLATFORM, 0, P_OFF(platform), 0, 0},
    {"displayName", K_STR, R_NONE, F_NULL, P_OFF(display_name), 0, 0},
    {"username", K_STR, R_NONE, F_NULL, P_OFF(username), 0, 0},
    {"image", K_STR, R_NONE, F_NULL, P_OFF(image), 0, 0},
};

/* §8.4, the API v2 envelope (SDK only, D15). `object` is the resource the event is
 * about; target events carry flat IDs instead of the v1 objects. */
static const ifield_t v2_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(id), 0, 0},
    {"seq", K_I64, R_COUNT, F_REQ, WH_OFF(seq), 0, 0},
    {"type", K_STR, R_NONEMPTY, F_REQ, WH_OFF(type), 0, 0},
    {"apiVersion", K_STR, R_NONEMPTY, F_REQ, WH_OFF(version), 0, 0},
    {"createdAt", K_TIME, R_NONE, F_REQ, WH_OFF(timestamp), 0, 0},
};

static const ifield_t v2_object_fields[] = {
    {"type", K_STR, R_NONEMPTY, F_REQ, WH_OFF(object_type), 0, 0},
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(object_id), 0, 0},
    {"url", K_STR, R_NONE, 0, WH_OFF(object_url), 0, 0},
};

static const ifield_t v2_target_fields[] = {
    {"threadId", K_STR, R_NONEMPTY, 0, WH_OFF(thread_id), 0, 0},
    {"messageId", K_STR, R_NONEMPTY, 0, WH_OFF(message_id), 0, 0},
    {"contactId", K_STR, R_NONEMPTY, 0, WH_OFF(prospect.id), 0, 0},
    {"stepNumber", K_I64, R_COUNT, 0, WH_OFF(step_number), 0, CAMP_INBOX_WEBHOOK_HAS_STEP_NUMBER},
};

static const ifield_t team_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(team_id), 0, 0},
};

static const ifield_t account_link_fields[] = {
    {"id", K_ID, R_NONE, F_REQ, WH_OFF(account_link_id), 0, 0},
};

static const ifield_t legacy_thread_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(thread_id), 0, 0},
};

static const ifield_t legacy_message_fields[] = {
    {"id", K_STR, R_NONEMPTY, F_REQ, WH_OFF(message_id), 0, 0},
    {"content", K_STR, R_NONE, 0, WH_OFF(message_content), 0, 0},
};

/* §8.2 campaign-related v1 types; any other `resource.action` is kept raw. */
static uint8_t event_of(const camp_str_t *type, bool legacy)
{
    const char *names = legacy ? "targetContacted\0targetFollowUpSent\0targetReplied"
                               : "campaign.created\0campaign.started\0campaign.paused\0"
                                 "campaign.resumed\0campaign.completed\0target.contacted\0"
                                 "target.followUpSent\0target.replied";
    unsigned n = legacy ? 3u : 8u, i;
    for (i = 0; i < n; i++) {
        size_t l = strlen(names);
        if (l == type->len && memcmp(names, type->ptr, l) == 0) {
            return (uint8_t)(legacy ? CAMP_INBOX_EVENT_TARGET_CONTACTED + i : 1u + i);
        }
        names += l + 1;
    }
    return CAMP_INBOX_EVENT_OTHER;
}

static bool is_target(uint8_t event)
{
    return event >= CAMP_INBOX_EVENT_TARGET_CONTACTED && event <= CAMP_INBOX_EVENT_TARGET_REPLIED;
}

/* One nested object of `data`: member @p key of @p data, decoded with @p t.
 * Optional members are present when their first (required) member is set. */
static camp_status_t part_op(ictx_t *cx, int data, const char *key, bool req, const ifield_t *t,
                             size_t n, void *a, const void *b)
{
    size_t mark = cx->path.len;
    camp_status_t st;
    if (cx->op == OP_DECODE) {
        int v = camp_json_member(cx->doc, data, key);
        if (v < 0) {
            return req ? camp_ib_fail_member(cx, data, key, CAMP_ERR_REQUIRED, "required field missing")
                       : CAMP_OK;
        }
        return camp_ib_run_all(cx, t, n, a, NULL, NO_PRESENT, 1, v);
    }
    if (!req) {
        const camp_str_t *first = (const camp_str_t *)(const void *)((const char *)a + t[0].off);
        const camp_str_t *first_b =
            b != NULL ? (const camp_str_t *)(const void *)((const char *)b + t[0].off) : NULL;
        if (cx->op == OP_EQUAL && first_b != NULL && (first->ptr == NULL) != (first_b->ptr == NULL)) {
            return NOT_EQUAL;
        }
        if (first->ptr == NULL) {
            return CAMP_OK;
        }
    }
    if (cx->op == OP_ENCODE) {
        camp_json_write_key(cx->w, key);
    }
    camp_ib_path_key(&cx->path, key, strlen(key));
    st = camp_ib_run_all(cx, t, n, a, b, NO_PRESENT, 1, -1);
    if (st == CAMP_OK) {
        camp_ib_path_cut(&cx->path, mark);
    }
    return st;
}

static camp_status_t campaign_part(ictx_t *cx, camp_inbox_webhook_t *a, const camp_inbox_webhook_t *b,
                                   int data, bool ref)
{
    size_t mark = cx->path.len;
    int v = -1;
    camp_status_t st;
    uint8_t saved = cx->shape;
    if (cx->op == OP_DECODE) {
        v = camp_json_member(cx->doc, data, "campaign");
        if (v < 0) {
            return camp_ib_fail_member(cx, data, "campaign", CAMP_ERR_REQUIRED, "required field missing");
        }
    } else if (cx->op == OP_ENCODE) {
        camp_json_write_key(cx->w, "campaign");
    }
    camp_ib_path_key(&cx->path, "campaign", 8);
    cx->shape = ref ? SHAPE_REF : CAMP_INBOX_SHAPE_SUMMARY;
    st = camp_ib_summary_op(cx, &a->campaign, b != NULL ? &b->campaign : NULL, v);
    cx->shape = saved;
    if (st == CAMP_OK) {
        camp_ib_path_cut(&cx->path, mark);
        a->has_campaign = a->has_campaign || cx->op == OP_DECODE;
    }
    return st;
}

static camp_status_t data_op(ictx_t *cx, camp_inbox_webhook_t *a, const camp_inbox_webhook_t *b,
                             int data)
{
    bool legacy = (a->format == CAMP_INBOX_WEBHOOK_LEGACY);
    camp_status_t st;
    if (a->format == CAMP_INBOX_WEBHOOK_V2 && is_target(a->event)) {
        return camp_ib_run_all(cx, v2_target_fields, COUNT(v2_target_fields), a, b,
                               offsetof(camp_inbox_webhook_t, present), 1, data);
    }
    /* v2 campaign.* data is undocumented ("unknown" in the SDK): kept raw, like other types */
    if ((!legacy && a->event == CAMP_INBOX_EVENT_OTHER) || a->format == CAMP_INBOX_WEBHOOK_V2) {
        /* not a campaign event: `data` is kept as raw JSON */
        switch (cx->op) {
        case OP_DECODE:
            camp_json_raw(cx->doc, data, &a->data.ptr, &a->data.len);
            return camp_ib_want_object(cx, data);
        case OP_VALIDATE:
            return camp_ib_raw_ok(&a->data, true) ? CAMP_OK
                                          : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "must be a JSON object");
        case OP_ENCODE:
            camp_json_write_raw(cx->w, a->data.ptr, a->data.len);
            return CAMP_OK;
        default:
            return camp_ib_str_eq(&a->data, &b->data) ? CAMP_OK : NOT_EQUAL;
        }
    }
    st = camp_ib_obj_open(cx, data);
    if (st == CAMP_OK && legacy) {
        st = part_op(cx, data, "team", false, team_fields, COUNT(team_fields), a, b);
        if (st == CAMP_OK) {
            st = part_op(cx, data, "accountLink", false, account_link_fields,
                         COUNT(account_link_fields), a, b);
        }
        if (st == CAMP_OK) {
            st = part_op(cx, data, "message", true, legacy_message_fields,
                         COUNT(legacy_message_fields), a, b);
        }
        if (st == CAMP_OK) {
            st = part_op(cx, data, "external", true, prospect_fields, COUNT(prospect_fields),
                         &a->prospect, b != NULL ? &b->prospect : NULL);
        }
        if (st == CAMP_OK) {
            st = part_op(cx, data, "thread", true, legacy_thread_fields,
                         COUNT(legacy_thread_fields), a, b);
        }
        if (st == CAMP_OK) {
            st = campaign_part(cx, a, b, data, true);
        }
    } else if (st == CAMP_OK) {
        st = campaign_part(cx, a, b, data, false);
        if (st == CAMP_OK && is_target(a->event)) {
            st = part_op(cx, data, "thread", true, thread_fields, COUNT(thread_fields), a, b);
            if (st == CAMP_OK) {
                st = part_op(cx, data, "message", true, message_fields, COUNT(message_fields), a, b);
            }
            if (st == CAMP_OK) {
                st = part_op(cx, data, "prospect", true, prospect_fields, COUNT(prospect_fields),
                             &a->prospect, b != NULL ? &b->prospect : NULL);
            }
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

/* v2 `object` {type, id, url}: optional (tolerant), recorded in `present`. */
static camp_status_t v2_object_op(ictx_t *cx, camp_inbox_webhook_t *a, const camp_inbox_webhook_t *b,
                                  int tok)
{
    size_t mark = cx->path.len;
    camp_status_t st;
    if (cx->op == OP_DECODE) {
        int v = camp_json_member(cx->doc, tok, "object");
        if (v < 0 || camp_json_is_null(cx->doc, v)) {
            return CAMP_OK;
        }
        st = camp_ib_run_all(cx, v2_object_fields, COUNT(v2_object_fields), a, NULL, NO_PRESENT, 1, v);
        if (st == CAMP_OK) {
            a->present = (uint8_t)(a->present | CAMP_INBOX_WEBHOOK_HAS_OBJECT);
        }
        return st;
    }
    if (cx->op == OP_EQUAL && b != NULL &&
        ((a->present ^ b->present) & CAMP_INBOX_WEBHOOK_HAS_OBJECT) != 0) {
        return NOT_EQUAL;
    }
    if ((a->present & CAMP_INBOX_WEBHOOK_HAS_OBJECT) == 0) {
        return CAMP_OK;
    }
    if (cx->op == OP_ENCODE) {
        camp_json_write_key(cx->w, "object");
    }
    camp_ib_path_key(&cx->path, "object", 6);
    st = camp_ib_run_all(cx, v2_object_fields, COUNT(v2_object_fields), a, b, NO_PRESENT, 1, -1);
    if (st == CAMP_OK) {
        camp_ib_path_cut(&cx->path, mark);
    }
    return st;
}

/* The v1 envelope (§8.1); when it has `event` and no `type`, the legacy camelCase
 * format; when it has `apiVersion`, the SDK's API v2 envelope (§8.4, D15). */
camp_status_t camp_ib_webhook_op(ictx_t *cx, camp_inbox_webhook_t *a, const camp_inbox_webhook_t *b,
                               int tok)
{
    size_t mark = cx->path.len;
    camp_status_t st;
    int data = -1;
    bool legacy;

    if (cx->op == OP_DECODE) {
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        if (camp_json_member(cx->doc, tok, "apiVersion") >= 0) {
            a->format = CAMP_INBOX_WEBHOOK_V2;
        } else if (camp_json_member(cx->doc, tok, "event") >= 0 &&
                   camp_json_member(cx->doc, tok, "type") < 0) {
            a->format = CAMP_INBOX_WEBHOOK_LEGACY;
        } else {
            a->format = CAMP_INBOX_WEBHOOK_V1;
        }
        a->seq = -1;
    } else if (a->format > CAMP_INBOX_WEBHOOK_V2 ||
               (cx->op == OP_EQUAL && b != NULL && (a->format != b->format || a->event != b->event))) {
        return cx->op == OP_EQUAL ? NOT_EQUAL : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "unknown format");
    }
    legacy = (a->format == CAMP_INBOX_WEBHOOK_LEGACY);
    camp_ib_obj_open(cx, tok);
    if (legacy) {
        st = camp_ib_run_table(cx, legacy_fields, COUNT(legacy_fields), a, b, NO_PRESENT, 1, tok);
    } else if (a->format == CAMP_INBOX_WEBHOOK_V2) {
        st = camp_ib_run_table(cx, v2_fields, COUNT(v2_fields), a, b, NO_PRESENT, 1, tok);
        if (st == CAMP_OK) {
            st = v2_object_op(cx, a, b, tok);
        }
    } else {
        st = camp_ib_run_table(cx, v1_fields, COUNT(v1_fields), a, b, NO_PRESENT, 1, tok);
    }
    if (st == CAMP_OK && cx->op == OP_DECODE) {
        int type_tok = camp_json_member(cx->doc, tok, legacy ? "event" : "type");
        a->event = event_of(&a->type, legacy);
        if (legacy && a->event == CAMP_INBOX_EVENT_OTHER) {
            return camp_ib_fail_at(cx, type_tok, CAMP_ERR_ENUM,
                           "must be one of targetContacted, targetFollowUpSent, targetReplied");
        }
        if (!legacy && memchr(a->type.ptr, '.', a->type.len) == NULL) {
            return camp_ib_fail_at(cx, type_tok, CAMP_ERR_PATTERN, "must be resource.action");
        }
        data = camp_json_member(cx->doc, tok, "data");
        if (data < 0) {
            return camp_ib_fail_member(cx, tok, "data", CAMP_ERR_REQUIRED, "required field missing");
        }
    } else if (st == CAMP_OK && cx->op == OP_VALIDATE &&
               event_of(&a->type, legacy) != a->event) {
        camp_ib_path_key(&cx->path, legacy ? "event" : "type", legacy ? 5 : 4);
        return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "event kind does not match the type");
    }
    if (st == CAMP_OK) {
        if (cx->op == OP_ENCODE) {
            camp_json_write_key(cx->w, "data");
        }
        camp_ib_path_key(&cx->path, "data", 4);
        st = data_op(cx, a, b, data);
        if (st == CAMP_OK) {
            camp_ib_path_cut(&cx->path, mark);
        }
    }
    camp_ib_obj_close(cx);
    return st;
}

/* ---- event feed page (§8.5) ------------------------------------------------------------------ */

#define EP_OFF(m) ((uint16_t)offsetof(camp_inbox_events_page_t, m))

static const ifield_t events_page_fields[] = {
    {"hasMore", K_BOOL, R_NONE, F_REQ, EP_OFF(has_more), 0, 0},
};

/* `{events, hasMore, lastSeq}`, all three required; `lastSeq` is null on an empty
 * page. The events themselves are decoded one by one by camp_inbox_events_next(). */
camp_status_t camp_ib_events_page_op(ictx_t *cx, camp_inbox_events_page_t *a, int tok)
{
    int events, last, n;
    int64_t seq;
    camp_status_t st = camp_ib_run_all(cx, events_page_fields, COUNT(events_page_fields), a, NULL,
                                       NO_PRESENT, 1, tok);
    if (st != CAMP_OK) {
        return st;
    }
    events = camp_json_member(cx->doc, tok, "events");
    if (events < 0) {
        return camp_ib_fail_member(cx, tok, "events", CAMP_ERR_REQUIRED, "required field missing");
    }
    st = camp_ib_want_array(cx, events, &n);
    if (st != CAMP_OK) {
        return st;
    }
    if (n > UINT16_MAX) {
        return camp_ib_fail_capacity(cx, events, "more than 65535 events in one page", (size_t)n);
    }
    last = camp_json_member(cx->doc, tok, "lastSeq");
    if (last < 0) {
        return camp_ib_fail_member(cx, tok, "lastSeq", CAMP_ERR_REQUIRED, "required field missing");
    }
    a->last_seq = -1;
    if (!camp_json_is_null(cx->doc, last)) {
        st = camp_json_get_int(cx->doc, last, 0, CAMP_MAX_SAFE_INT, &seq);
        if (st != CAMP_OK) {
            st = camp_ib_fail_at(cx, last, st == CAMP_ERR_JSON_TYPE ? CAMP_ERR_TYPE : CAMP_ERR_RANGE,
                                 "must be an integer in 0..9007199254740991 or null");
            camp_ib_fail_limits(cx, 0, CAMP_MAX_SAFE_INT);
            return st;
        }
        a->last_seq = seq;
    }
    a->count = (uint16_t)n;
    a->next = 0;
    a->next_tok = camp_json_first(cx->doc, events);
    return CAMP_OK;
}
