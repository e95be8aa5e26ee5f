/* Sequences: steps, segments and variation options (§3.4), for the v2
 * `sequence`, the legacy `steps`, the update-sequence body and its response.
 * Segments and options of all steps share one pool each in the sequence. */
#include <stddef.h>
#include <string.h>

#include "camp/camp_inbox.h"

#include "inbox_internal.h"

#define STEP_OFF(m) ((uint16_t)offsetof(camp_inbox_step_t, m))
#define SEG_OFF(m) ((uint16_t)offsetof(camp_inbox_segment_t, m))
#define SEQ_OFF(m) ((uint16_t)offsetof(camp_inbox_sequence_t, m))

enum { SUB_DATA = 1, SUB_SEGMENTS, SUB_OPTIONS, SUB_STEPS };

/* D7: responses may omit `type` (it is then inferred from `data`); request
 * bodies must carry it. `id` and `rank` are assigned by the server ("do not
 * send"); `campaignVersion` exists only on legacy responses. */
static const ifield_t step_fields[] = {
    {"id", K_ID, R_NONE, F_NO_REQUEST, STEP_OFF(id), 0, 0},
    {"type", K_ENUM, E_STEP, F_REQ_REQUEST, STEP_OFF(type), 0, CAMP_INBOX_STEP_HAS_TYPE},
    {"rank", K_I64, R_COUNT, F_NO_REQUEST, STEP_OFF(rank), 0, CAMP_INBOX_STEP_HAS_RANK},
    {"data", K_SUB, SUB_DATA, F_REQ, 0, 0, 0},
    {"campaignVersion", K_I64, R_COUNT, F_RESP, STEP_OFF(campaign_version), 0,
     CAMP_INBOX_STEP_HAS_CAMPAIGN_VERSION},
};

static const ifield_t message_fields[] = {
    {"segments", K_SUB, SUB_SEGMENTS, F_REQ, 0, 0, 0},
};

/* D18: `unit` looks like a display unit only ("days" with 86400 and 604800);
 * its other values are not stored, so it is kept as free text. */
static const ifield_t delay_fields[] = {
    {"delaySeconds", K_I64, R_COUNT, F_REQ, STEP_OFF(delay_seconds), 0, 0},
    {"unit", K_STR, R_NONE, 0, STEP_OFF(unit), 0, 0},
};

static const ifield_t static_fields[] = {
    {"type", K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type), 0, 0},
    {"text", K_STR, R_NONE, F_REQ, SEG_OFF(text), 0, 0},
};

static const ifield_t variable_fields[] = {
    {"type", K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type), 0, 0},
    {"name", K_STR, R_NONE, F_REQ, SEG_OFF(text), 0, 0},
    {"fallback", K_STR, R_NONE, 0, SEG_OFF(fallback), 0, 0},
};

static const ifield_t variation_fields[] = {
    {"type", K_ENUM, E_SEGMENT, F_REQ, SEG_OFF(type), 0, 0},
    {"options", K_SUB, SUB_OPTIONS, F_REQ, 0, 0, 0},
};

static const ifield_t sequence_fields[] = {
    {"version", K_I64, R_COUNT, F_REQ | F_RESP, SEQ_OFF(version), 0, 0},
    {"steps", K_SUB, SUB_STEPS, F_REQ, 0, 0, 0},
};

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* Pool sizes the whole steps array needs (for CAMP_ERR_CAPACITY's needed count). */
static size_t pool_needed(ictx_t *cx, bool options)
{
    camp_json_doc_t *doc = cx->doc;
    int n = camp_json_size(doc, cx->steps_tok), i, step;
    size_t total = 0;
    step = camp_json_first(doc, cx->steps_tok);
    for (i = 0; i < n && step > 0; i++, step = camp_ib_next(doc, step)) {
        int segs = camp_json_member(doc, camp_json_member(doc, step, "data"), "segments");
        int m, j, seg;
        if (camp_json_kind(doc, segs) != CAMP_JSON_ARRAY) {
            continue;
        }
        m = camp_json_size(doc, segs);
        if (!options) {
            total += (size_t)m;
            continue;
        }
        seg = camp_json_first(doc, segs);
        for (j = 0; j < m && seg > 0; j++, seg = camp_ib_next(doc, seg)) {
            int opts = camp_json_member(doc, seg, "options");
            if (camp_json_kind(doc, opts) == CAMP_JSON_ARRAY) {
                total += (size_t)camp_json_size(doc, opts);
            }
        }
    }
    return total;
}

/* ---- variation options ------------------------------------------------------------------ */

static camp_status_t options_op(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_segment_t *a,
                                const camp_inbox_sequence_t *sb, const camp_inbox_segment_t *b,
                                int tok)
{
    camp_status_t st;
    size_t i;
    int n = 0, it;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        /* [derived] "one is chosen per message": a variation needs an option. */
        if (n < 1) {
            st = camp_ib_fail_at(cx, tok, CAMP_ERR_LENGTH, "at least one option required");
            camp_ib_fail_limits(cx, 1, INT64_MAX);
            return st;
        }
        if ((size_t)sa->option_count + (size_t)n > CAMP_MAX_VARIATION_OPTIONS) {
            return camp_ib_fail_capacity(cx, tok, "more options than CAMP_MAX_VARIATION_OPTIONS",
                                 pool_needed(cx, true));
        }
        a->first_option = sa->option_count;
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            st = camp_ib_get_str(cx, it, &sa->options[sa->option_count]);
            if (st != CAMP_OK) {
                return st;
            }
            sa->option_count++;
        }
        a->option_count = (uint16_t)n;
        return CAMP_OK;
    case OP_VALIDATE:
        if (a->option_count < 1) {
            st = camp_ib_fail_at(cx, -1, CAMP_ERR_LENGTH, "at least one option required");
            camp_ib_fail_limits(cx, 1, INT64_MAX);
            return st;
        }
        if ((size_t)a->first_option + a->option_count > sa->option_count) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "option range outside the sequence's pool");
        }
        return camp_ib_str_items(cx, OP_VALIDATE, &sa->options[a->first_option], a->option_count,
                                 R_NONE);
    case OP_ENCODE:
        return camp_ib_str_items(cx, OP_ENCODE, &sa->options[a->first_option], a->option_count,
                                 R_NONE);
    case OP_EQUAL:
    default:
        if (b == NULL) { /* only OP_EQUAL gets here, always with a b */
            return NOT_EQUAL;
        }
        if (a->option_count != b->option_count ||
            (size_t)a->first_option + a->option_count > CAMP_MAX_VARIATION_OPTIONS ||
            (size_t)b->first_option + b->option_count > CAMP_MAX_VARIATION_OPTIONS) {
            return NOT_EQUAL;
        }
        for (i = 0; i < a->option_count; i++) {
            if (!camp_ib_str_eq(&sa->options[a->first_option + i], &sb->options[b->first_option + i])) {
                return NOT_EQUAL;
            }
        }
        return CAMP_OK;
    }
}

/* ---- variables ------------------------------------------------------------------------------ */

static bool kebab_name(const camp_str_t *s)
{
    size_t i;
    bool prev_dash = true;
    if (s->len == 0) {
        return false;
    }
    for (i = 0; i < s->len; i++) {
        char c = s->ptr[i];
        if (c == '-') {
            if (prev_dash) {
                return false;
            }
            prev_dash = true;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            prev_dash = false;
        } else {
            return false;
        }
    }
    return !prev_dash;
}

/* The variable rule (§3.4, D10). `first-name` is always available.
 * - A legacy campaign that carries `customVariables`: the name must be one of
 *   its keys (the pause page: anything else fails the campaign's validation).
 * - Otherwise (v2 objects, sequence bodies and responses, legacy without the
 *   map) the defining map is not in the document, so only the form is checked:
 *   a column ID `custom_[0-9a-z]+` (the v2 flow). On receive we also accept a
 *   lower-case kebab-case name (`company-name`, the legacy key form) because
 *   campaigns created before the v2 flow may still use one; request bodies and
 *   encoding accept only `first-name` and column IDs. */
static camp_status_t check_variable(ictx_t *cx, const camp_str_t *name)
{
    const camp_inbox_campaign_t *c = cx->campaign;
    if (camp_ib_str_is(name, "first-name")) {
        return CAMP_OK;
    }
    if (c != NULL && c->shape == CAMP_INBOX_SHAPE_LEGACY &&
        (c->present & CAMP_INBOX_CAMPAIGN_HAS_CUSTOM_VARIABLES) != 0) {
        size_t i;
        for (i = 0; i < c->variable_count && i < CAMP_MAX_CUSTOM_VARIABLES; i++) {
            if (camp_ib_str_eq(name, &c->variables[i].name)) {
                return CAMP_OK;
            }
        }
        return camp_ib_fail_at(cx, -1, CAMP_ERR_REFERENCE,
                       "variable not defined: must be \"first-name\" or a key of customVariables");
    }
    if (camp_valid_column_id(name->ptr, name->len)) {
        return CAMP_OK;
    }
    if (!cx->request && !cx->strict && kebab_name(name)) {
        return CAMP_OK;
    }
    return camp_ib_fail_at(cx, -1, CAMP_ERR_PATTERN,
                   (cx->request || cx->strict)
                       ? "variable must be \"first-name\" or a column ID ^custom_[0-9a-z]+$"
                       : "variable must be \"first-name\", a column ID or a kebab-case name");
}

/* ---- segments ------------------------------------------------------------------------------- */

static const ifield_t *segment_table(uint8_t type, size_t *n)
{
    switch (type) {
    case CAMP_INBOX_SEGMENT_STATIC: *n = COUNT(static_fields); return static_fields;
    case CAMP_INBOX_SEGMENT_VARIABLE: *n = COUNT(variable_fields); return variable_fields;
    default: *n = COUNT(variation_fields); return variation_fields;
    }
}

static camp_status_t segment_op(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_segment_t *a,
                                const camp_inbox_sequence_t *sb, const camp_inbox_segment_t *b,
                                int tok)
{
    const ifield_t *t, *sub;
    size_t n, guard, mark = cx->path.len;
    irun_t r;
    camp_status_t st;

    if (cx->op == OP_DECODE) {
        int ty;
        camp_str_t s;
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        ty = camp_json_member(cx->doc, tok, "type");
        if (ty < 0) {
            return camp_ib_fail_member(cx, tok, "type", CAMP_ERR_REQUIRED, "required field missing");
        }
        st = camp_ib_get_str(cx, ty, &s);
        if (st != CAMP_OK) {
            return st;
        }
        a->type = camp_ib_enum_lookup(E_SEGMENT, s.ptr, s.len);
        if (a->type == 0) {
            return camp_ib_fail_at(cx, ty, CAMP_ERR_ENUM,
                           "segment type must be static, variable or variation");
        }
    } else if (cx->op == OP_VALIDATE && (a->type == 0 || a->type > camp_ib_enum_count(E_SEGMENT))) {
        camp_ib_path_key(&cx->path, "type", 4);
        return camp_ib_fail_at(cx, -1, a->type == 0 ? CAMP_ERR_REQUIRED : CAMP_ERR_ENUM,
                       a->type == 0 ? "required field missing"
                                    : "segment type must be static, variable or variation");
    } else if (cx->op == OP_EQUAL && b != NULL && a->type != b->type) {
        return NOT_EQUAL;
    }

    t = segment_table(a->type, &n);
    st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, t, n, a, b, NO_PRESENT, 1, tok);
    for (guard = 0; guard < RUN_GUARD(n); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = options_op(cx, sa, a, sb, b, r.v); /* the only K_SUB of segments */
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    if (st == CAMP_OK && cx->op == OP_VALIDATE && a->type == CAMP_INBOX_SEGMENT_VARIABLE) {
        camp_ib_path_key(&cx->path, "name", 4);
        st = check_variable(cx, &a->text);
        camp_ib_path_cut(&cx->path, mark);
    }
    return st;
}

static camp_status_t segments_op(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_step_t *a,
                                 const camp_inbox_sequence_t *sb, const camp_inbox_step_t *b,
                                 int tok)
{
    camp_status_t st = CAMP_OK;
    size_t i, mark = cx->path.len;
    int n = 0, it = -1;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if ((size_t)sa->segment_count + (size_t)n > CAMP_MAX_SEGMENTS) {
            return camp_ib_fail_capacity(cx, tok, "more segments than CAMP_MAX_SEGMENTS",
                                 pool_needed(cx, false));
        }
        a->first_segment = sa->segment_count;
        a->segment_count = 0;
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            st = segment_op(cx, sa, &sa->segments[sa->segment_count], sb, NULL, it);
            if (st != CAMP_OK) {
                return st;
            }
            sa->segment_count++;
            a->segment_count++;
        }
        return CAMP_OK;
    case OP_EQUAL:
        if (b == NULL) { /* only OP_EQUAL gets here, always with a b */
            return NOT_EQUAL;
        }
        if (a->segment_count != b->segment_count ||
            (size_t)a->first_segment + a->segment_count > CAMP_MAX_SEGMENTS ||
            (size_t)b->first_segment + b->segment_count > CAMP_MAX_SEGMENTS) {
            return NOT_EQUAL;
        }
        break;
    case OP_VALIDATE:
        if ((size_t)a->first_segment + a->segment_count > sa->segment_count) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "segment range outside the sequence's pool");
        }
        break;
    default:
        break;
    }
    camp_ib_arr_open(cx);
    for (i = 0; i < a->segment_count && st == CAMP_OK; i++) {
        camp_ib_path_index(&cx->path, i);
        st = segment_op(cx, sa, &sa->segments[a->first_segment + i], sb,
                        b != NULL ? &sb->segments[b->first_segment + i] : NULL, -1);
        camp_ib_path_cut(&cx->path, mark);
    }
    camp_ib_arr_close(cx);
    return st;
}

/* ---- steps ---------------------------------------------------------------------------------- */

static camp_status_t data_op(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_step_t *a,
                             const camp_inbox_sequence_t *sb, const camp_inbox_step_t *b, int tok,
                             int step_tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st;

    if (cx->op == OP_DECODE) {
        st = camp_ib_want_object(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        if (a->type == CAMP_INBOX_STEP_UNSET) {
            /* D7: no `type` (v2 responses): infer it from `data`. */
            if (camp_json_member(cx->doc, tok, "segments") >= 0) {
                a->type = CAMP_INBOX_STEP_MESSAGE;
            } else if (camp_json_member(cx->doc, tok, "delaySeconds") >= 0) {
                a->type = CAMP_INBOX_STEP_DELAY;
            } else {
                return camp_ib_fail_member(cx, step_tok, "type", CAMP_ERR_REQUIRED,
                                   "required when data has neither segments nor delaySeconds");
            }
        }
    }
    switch (a->type) {
    case CAMP_INBOX_STEP_DELAY:
        return camp_ib_run_all(cx, delay_fields, COUNT(delay_fields), a, b, NO_PRESENT, 1, tok);
    case CAMP_INBOX_STEP_LIKE_TWEET:
        /* The like-tweet data format is not documented: kept as raw JSON. */
        switch (cx->op) {
        case OP_DECODE:
            camp_json_raw(cx->doc, tok, &a->raw_data.ptr, &a->raw_data.len);
            return CAMP_OK;
        case OP_VALIDATE:
            return camp_ib_raw_ok(&a->raw_data, true)
                       ? CAMP_OK
                       : camp_ib_fail_at(cx, -1, CAMP_ERR_INVALID, "must be a JSON object");
        case OP_ENCODE:
            camp_json_write_raw(cx->w, a->raw_data.ptr, a->raw_data.len);
            return CAMP_OK;
        default:
            return camp_ib_str_eq(&a->raw_data, &b->raw_data) ? CAMP_OK : NOT_EQUAL;
        }
    default: /* message */
        st = camp_ib_obj_open(cx, tok);
        if (st != CAMP_OK) {
            return st;
        }
        camp_ib_run_init(cx, &r, message_fields, COUNT(message_fields), a, b, NO_PRESENT, 1, tok);
        for (guard = 0; guard < RUN_GUARD(COUNT(message_fields)); guard++) {
            st = camp_ib_run_next(cx, &r, &sub);
            if (st != CAMP_OK || sub == NULL) {
                break;
            }
            st = segments_op(cx, sa, a, sb, b, r.v);
            if (st != CAMP_OK) {
                break;
            }
            camp_ib_run_done(cx, &r);
        }
        camp_ib_obj_close(cx);
        return st;
    }
}

static camp_status_t step_op(ictx_t *cx, camp_inbox_sequence_t *sa, camp_inbox_step_t *a,
                             const camp_inbox_sequence_t *sb, const camp_inbox_step_t *b, int tok)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st;

    if (cx->op == OP_VALIDATE && (a->type == 0 || a->type > camp_ib_enum_count(E_STEP))) {
        camp_ib_path_key(&cx->path, "type", 4);
        return camp_ib_fail_at(cx, -1, a->type == 0 ? CAMP_ERR_REQUIRED : CAMP_ERR_ENUM,
                       a->type == 0 ? "required field missing"
                                    : "step type must be message, delay or likeTweet");
    }
    if (cx->op == OP_EQUAL && b != NULL && a->type != b->type) {
        return NOT_EQUAL;
    }
    st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, step_fields, COUNT(step_fields), a, b,
             offsetof(camp_inbox_step_t, present), 1, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(step_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = data_op(cx, sa, a, sb, b, r.v, tok);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}

static camp_status_t steps_op(ictx_t *cx, camp_inbox_sequence_t *a, const camp_inbox_sequence_t *b,
                              int tok)
{
    camp_status_t st = CAMP_OK;
    size_t i, mark = cx->path.len;
    int n = 0, it;

    switch (cx->op) {
    case OP_DECODE:
        st = camp_ib_want_array(cx, tok, &n);
        if (st != CAMP_OK) {
            return st;
        }
        if (n > CAMP_MAX_STEPS) {
            return camp_ib_fail_capacity(cx, tok, "more steps than CAMP_MAX_STEPS", (size_t)n);
        }
        cx->steps_tok = tok;
        it = camp_json_first(cx->doc, tok);
        for (i = 0; i < (size_t)n; i++, it = camp_ib_next(cx->doc, it)) {
            st = step_op(cx, a, &a->steps[i], b, NULL, it);
            if (st != CAMP_OK) {
                return st;
            }
            a->step_count++;
        }
        return CAMP_OK;
    case OP_VALIDATE:
        if (a->step_count > CAMP_MAX_STEPS) {
            return camp_ib_fail_capacity(cx, -1, "more steps than CAMP_MAX_STEPS", a->step_count);
        }
        if (a->segment_count > CAMP_MAX_SEGMENTS ||
            a->option_count > CAMP_MAX_VARIATION_OPTIONS) {
            return camp_ib_fail_at(cx, -1, CAMP_ERR_CAPACITY, "pool count above its capacity");
        }
        break;
    case OP_EQUAL:
        if (a->step_count != b->step_count || a->step_count > CAMP_MAX_STEPS) {
            return NOT_EQUAL;
        }
        break;
    default:
        break;
    }
    camp_ib_arr_open(cx);
    for (i = 0; i < a->step_count && st == CAMP_OK; i++) {
        camp_ib_path_index(&cx->path, i);
        st = step_op(cx, a, &a->steps[i], b, b != NULL ? &b->steps[i] : NULL, -1);
        camp_ib_path_cut(&cx->path, mark);
    }
    camp_ib_arr_close(cx);
    return st;
}

camp_status_t camp_ib_sequence_op(ictx_t *cx, camp_inbox_sequence_t *a, const camp_inbox_sequence_t *b,
                                int tok, bool object_form)
{
    const ifield_t *sub;
    size_t guard;
    irun_t r;
    camp_status_t st;

    if (cx->op == OP_DECODE) {
        a->version = -1;
    }
    if (!object_form) {
        return steps_op(cx, a, b, tok); /* legacy `steps`: a bare array, no version */
    }
    st = camp_ib_obj_open(cx, tok);
    if (st != CAMP_OK) {
        return st;
    }
    camp_ib_run_init(cx, &r, sequence_fields, COUNT(sequence_fields), a, b, NO_PRESENT, 1, tok);
    for (guard = 0; guard < RUN_GUARD(COUNT(sequence_fields)); guard++) {
        st = camp_ib_run_next(cx, &r, &sub);
        if (st != CAMP_OK || sub == NULL) {
            break;
        }
        st = steps_op(cx, a, b, r.v);
        if (st != CAMP_OK) {
            break;
        }
        camp_ib_run_done(cx, &r);
    }
    camp_ib_obj_close(cx);
    return st;
}
