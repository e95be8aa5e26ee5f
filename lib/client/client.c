/* The endpoint client: route table, request preparation in the work buffer,
 * the attempt / retry loop, status mapping and error bodies. */
#include "camp/camp_client.h"

#include <stddef.h>
#include <string.h>

#include "camp/camp_validate.h"
#include "client/client_internal.h"
#include "inbox/inbox_levels.h"
#include "status/status_internal.h"

/* The client's room for the model walk's levels holds the deepest document its calls
 * decode (a negative array size stops the build). */
typedef char
    client_walk_fits[(CAMP_CLIENT_WALK_BYTES >= CAMP_IB_AT_LEVELS * CAMP_IB_LEVEL_BYTES) ? 1 : -1];

/* Helpers whose locals are large stay out of the frame that calls the model
 * encoders and decoders (CAMP_NOINLINE): their stack is only paid on their own
 * path. */

/* The rule of a failure that is its status alone (an HTTP status, a failed call):
 * the status text, or with rule ids (CAMP_DIAG_TEXT 0) the id, so a small target
 * does not link camp_status_str()'s table (camp_diag_format() prints the number). */
static const char *status_rule(const char *id, camp_status_t st)
{
#if CAMP_DIAG_TEXT
    (void)id;
    return camp_status_str(st);
#else
    (void)st;
    return id;
#endif
}

/* Which placeholders a route's template carries. */
#define ARG_CAMPAIGN 0x1u
#define ARG_IDENTIFIER 0x2u
#define ARG_COLUMN 0x4u

#define ARG_NAME_CAMPAIGN "{campaignId}"
#define ARG_NAME_IDENTIFIER "{identifier}"
#define ARG_NAME_COLUMN "{columnId}"
/* the placeholders' lengths (their names are placeholder_at()'s), known at build time */
static const uint8_t k_arg_lens[3] = {
    sizeof(ARG_NAME_CAMPAIGN) - 1u, sizeof(ARG_NAME_IDENTIFIER) - 1u, sizeof(ARG_NAME_COLUMN) - 1u};

/* Default routes. `idempotent`: the requests that are safe to repeat (GET, enable
 * and pause, which set a state, PUT sequence, which replaces it); PATCH/POST bodies
 * that add or change things are never retried automatically. One list, each route
 * with a name of its own, for the templates' pool, the table
 * camp_client_default_route() points into and the bytes init_common() copies from. */
#define ROUTES(X)                                                                                  \
    X(get_campaign, CAMP_HTTP_GET, CAMP_ROUTE_PATH_GET_CAMPAIGN, CAMP_HTTP_AUTH_BEARER, true)      \
    X(enable, CAMP_HTTP_POST, CAMP_ROUTE_PATH_ENABLE, CAMP_HTTP_AUTH_BEARER, true)                 \
    X(pause, CAMP_ROUTE_METHOD_PAUSE, CAMP_ROUTE_PATH_PAUSE, CAMP_HTTP_AUTH_BEARER, true)          \
    X(create, CAMP_ROUTE_METHOD_CREATE, CAMP_ROUTE_PATH_CREATE, CAMP_HTTP_AUTH_BEARER, false)      \
    X(sequence, CAMP_HTTP_PUT, CAMP_ROUTE_PATH_SEQUENCE, CAMP_HTTP_AUTH_BEARER, true)              \
    X(rules, CAMP_HTTP_PATCH, CAMP_ROUTE_PATH_RULES, CAMP_HTTP_AUTH_BEARER, false)                 \
    X(leads_add, CAMP_HTTP_POST, CAMP_ROUTE_PATH_LEADS_ADD, CAMP_HTTP_AUTH_BEARER, false)          \
    X(lead_update, CAMP_HTTP_PATCH, CAMP_ROUTE_PATH_LEAD_UPDATE, CAMP_HTTP_AUTH_BEARER, false)     \
    X(lead_cancel, CAMP_HTTP_POST, CAMP_ROUTE_PATH_LEAD_CANCEL, CAMP_HTTP_AUTH_BEARER, false)      \
    X(column_update, CAMP_HTTP_PATCH, CAMP_ROUTE_PATH_COLUMN_UPDATE, CAMP_HTTP_AUTH_BEARER, false) \
    /* Outbox D1: email pages document Bearer, the introduction a raw key */                       \
    X(outbox_campaign_create, CAMP_HTTP_POST, CAMP_ROUTE_PATH_OUTBOX_CAMPAIGN_CREATE,              \
      CAMP_HTTP_AUTH_BEARER, false)                                                                \
    X(outbox_sender_create, CAMP_HTTP_POST, CAMP_ROUTE_PATH_OUTBOX_SENDER_CREATE,                  \
      CAMP_HTTP_AUTH_BEARER, false)                                                                \
    X(outbox_contacts, CAMP_HTTP_GET, CAMP_ROUTE_PATH_OUTBOX_CONTACTS, CAMP_HTTP_AUTH_RAW, true)   \
    X(team, CAMP_HTTP_GET, CAMP_ROUTE_PATH_TEAM, CAMP_HTTP_AUTH_BEARER, true)                      \
    X(events, CAMP_HTTP_GET, CAMP_ROUTE_PATH_EVENTS, CAMP_HTTP_AUTH_BEARER, true)

/* The templates back to back, each with its NUL (one string, no table of pointers:
 * init_common() walks it); a struct type of one char array a template, named as its
 * route (no object of it), gives each template's offset in it at build time for the
 * table of camp_client_default_route(). */
#define ROUTE_TEXT(name, method, path, auth, idempotent) path "\0"
#define ROUTE_SIZE(name, method, path, auth, idempotent) char(name)[sizeof(path)];
struct route_offsets {
    ROUTES(ROUTE_SIZE)
};
static const char k_route_pool[] = ROUTES(ROUTE_TEXT);
#define ROUTE_ENTRY(name, method, path, auth, idempotent)                                          \
    {(method), &k_route_pool[offsetof(struct route_offsets, name)], (auth), (idempotent)},
/* a route's method (bits 0..2), auth (bits 3..4) and idempotency (bit 5) in a byte */
#define ROUTE_BITS(method, auth, idempotent)                                                       \
    ((unsigned)(method) | ((unsigned)(auth) << 3) | ((idempotent) ? 0x20u : 0u))
#define ROUTE_BYTE(name, method, path, auth, idempotent)                                           \
    (uint8_t) ROUTE_BITS(method, auth, idempotent),
/* What the tables count on (a negative array size stops the build): each method and
 * auth fits its bits; no padding between the templates' arrays, so the offsets are the
 * pool's (the pool has one byte more: its own NUL); the placeholder names are as long
 * as the bytes placeholder_at() reads before them, "\014", "\014" and "\012" (12, 12
 * and 10). */
typedef char
    client_tables_fit[((unsigned)CAMP_HTTP_HEAD <= 7u) && ((unsigned)CAMP_HTTP_AUTH_RAW <= 3u) &&
                              ((unsigned)CAMP_ROUTE_METHOD_PAUSE <= 7u) &&
                              ((unsigned)CAMP_ROUTE_METHOD_CREATE <= 7u) &&
                              (sizeof(struct route_offsets) + 1u == sizeof(k_route_pool)) &&
                              (sizeof(ARG_NAME_CAMPAIGN) - 1u == 12u) &&
                              (sizeof(ARG_NAME_IDENTIFIER) - 1u == 12u) &&
                              (sizeof(ARG_NAME_COLUMN) - 1u == 10u)
                          ? 1
                          : -1];

static const uint8_t k_route_args[CAMP_ROUTE_COUNT] = {
    ARG_CAMPAIGN,
    ARG_CAMPAIGN,
    ARG_CAMPAIGN,
    0,
    ARG_CAMPAIGN,
    ARG_CAMPAIGN,
    ARG_CAMPAIGN,
    ARG_CAMPAIGN | ARG_IDENTIFIER,
    ARG_CAMPAIGN | ARG_IDENTIFIER,
    ARG_CAMPAIGN | ARG_COLUMN,
    0,
    0,
    0,
    0,
    0,
};

const camp_route_t *camp_client_default_route(camp_route_id_t id)
{
    static const camp_route_t k_routes[CAMP_ROUTE_COUNT] = {ROUTES(ROUTE_ENTRY)};
    if ((unsigned)id >= (unsigned)CAMP_ROUTE_COUNT) {
        return NULL;
    }
    return &k_routes[id];
}

/* The checks and defaults both APIs share; the InboxApp host and base path, which
 * camp_client_init_outbox() replaces (one copy in flash for both). */
static camp_status_t init_common(camp_client_t *c, uint8_t *work, size_t work_cap,
                                 camp_json_token_t *tokens, size_t token_cap)
{
    static const uint8_t k_route_bits[CAMP_ROUTE_COUNT] = {ROUTES(ROUTE_BYTE)};
    const char *path = k_route_pool;
    size_t i;
    if (c == NULL || work == NULL || work_cap == 0 || tokens == NULL || token_cap == 0) {
        return CAMP_ERR_ARG;
    }
    memset(c, 0, sizeof *c);
    c->port = 443;
    c->tls = true;
    c->work = work;
    c->work_cap = work_cap;
    c->tokens = tokens;
    c->token_cap = token_cap;
    c->timeout_ms = CAMP_HTTP_TIMEOUT_MS;
    c->keep_alive = true;
    /* from a byte a route and the templates' pool, not a copy of k_routes' 12 bytes:
     * a program that never asks camp_client_default_route() does not link that table */
    for (i = 0; i < (size_t)CAMP_ROUTE_COUNT; i++) {
        unsigned bits = k_route_bits[i];
        c->routes[i].method = (camp_http_method_t)(bits & 7u);
        c->routes[i].path = path;
        c->routes[i].auth = (camp_http_auth_t)((bits >> 3) & 3u);
        c->routes[i].idempotent = (bits & 0x20u) != 0u;
        while (*path != '\0') { /* on to the next template */
            path++;
        }
        path++;
    }
    /* the docs' advice (spec §6): base 1 s, max 60 s, 5 retries */
    c->retry.max_attempts = 6;
    c->retry.base_ms = 1000;
    c->retry.max_delay_ms = 60000;
    c->retry.max_total_ms = 180000;
    camp_diag_clear(&c->last.diag);
    c->host = CAMP_INBOX_HOST;
    c->base_path = CAMP_INBOX_BASE_PATH;
    return CAMP_OK;
}

camp_status_t camp_client_init_inbox(camp_client_t *c, uint8_t *work, size_t work_cap,
                                     camp_json_token_t *tokens, size_t token_cap)
{
    return init_common(c, work, work_cap, tokens, token_cap);
}

camp_status_t camp_client_init_outbox(camp_client_t *c, uint8_t *work, size_t work_cap,
                                      camp_json_token_t *tokens, size_t token_cap)
{
    camp_status_t st = init_common(c, work, work_cap, tokens, token_cap);
    if (st == CAMP_OK) {
        c->host = CAMP_OUTBOX_HOST;
        c->base_path = "";
    }
    return st;
}

/* Which placeholder @p s (n bytes left) starts with: its index in
 * k_arg_names, or 3 for none. */
static unsigned placeholder_at(const char *s, size_t n)
{
    /* the names back to back, each after its length in a byte (checked at build with the
     * tables): no table of pointers, and no second table base kept in the loop */
    static const char k_arg_names[] =
        "\014" ARG_NAME_CAMPAIGN "\014" ARG_NAME_IDENTIFIER "\012" ARG_NAME_COLUMN;
    const char *name = k_arg_names;
    unsigned k;
    for (k = 0; k < 3u; k++) {
        size_t kl = (uint8_t)name[0];
        name++;
        if (n >= kl && memcmp(s, name, kl) == 0) {
            break;
        }
        name = &name[kl];
    }
    return k;
}

/* Placeholders used by a template, or -1 when it has an unknown one. */
static int template_args(const char *path)
{
    unsigned used = 0;
    size_t i = 0;
    size_t n = strlen(path);
    while (i < n) {
        uint8_t ch = (uint8_t)path[i];
        if (ch == '{') {
            unsigned k = placeholder_at(path + i, n - i);
            if (k == 3u) {
                return -1;
            }
            used |= 1u << k;
            i += k_arg_lens[k];
        } else if (ch <= 0x20u || ch >= 0x7fu || ch == '}' || ch == '#' || ch == '?') {
            return -1;
        } else {
            i++;
        }
    }
    return (int)used;
}

camp_status_t camp_client_set_route(camp_client_t *c, camp_route_id_t id, camp_http_method_t method,
                                    const char *path)
{
    if (c == NULL) {
        return CAMP_ERR_ARG;
    }
    if ((unsigned)id >= (unsigned)CAMP_ROUTE_COUNT || path == NULL || path[0] != '/' ||
        (unsigned)method > (unsigned)CAMP_HTTP_HEAD) {
        return camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "route",
                             CAMP_RULE(C03, "unknown route or method"));
    }
    if (template_args(path) != (int)k_route_args[id]) {
        return camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "route.path",
                             CAMP_RULE(C04,
                                       "template must be printable ASCII with exactly the route's "
                                       "placeholders ({campaignId}, {identifier}, {columnId})"));
    }
    c->routes[id].method = method;
    c->routes[id].path = path;
    return CAMP_OK;
}

void camp_client_disconnect(camp_client_t *c)
{
    if (c == NULL) {
        return;
    }
    if (c->connected && c->conn.close != NULL) {
        c->conn.close(c->conn.ctx);
    }
    c->connected = false;
}

/* ---- retry decision ------------------------------------------------------------------ */

/* The backoff ceiling after @p attempts: base_ms doubled per earlier attempt,
 * capped at max_delay_ms. In 32 bits: a ceiling above half the cap would pass
 * it, so it becomes the cap instead of doubling. */
static uint32_t backoff_ceiling(const camp_retry_policy_t *p, uint32_t attempts)
{
    uint32_t ceiling = p->base_ms;
    uint32_t i;
    for (i = 1; i < attempts && i < 40u && ceiling < p->max_delay_ms; i++) {
        ceiling = (ceiling > p->max_delay_ms / 2u) ? p->max_delay_ms : ceiling * 2u;
    }
    return (ceiling > p->max_delay_ms) ? p->max_delay_ms : ceiling;
}

bool camp_retry_decide(const camp_retry_policy_t *p, bool idempotent, camp_status_t result,
                       uint32_t attempts, uint64_t elapsed_ms, int64_t retry_after_ms,
                       uint32_t random, uint32_t *delay_ms)
{
    uint64_t d;
    if (delay_ms != NULL) {
        *delay_ms = 0;
    }
    if (p == NULL || delay_ms == NULL || !idempotent || attempts == 0) {
        return false;
    }
    switch (result) {
    case CAMP_ERR_API_RATE_LIMITED:
    case CAMP_ERR_API_SERVER:
    case CAMP_ERR_NET:
    case CAMP_ERR_NET_CLOSED:
    case CAMP_ERR_NET_TRUNCATED:
    case CAMP_ERR_TIMEOUT: break;
    default:
        return false; /* 4xx other than 429, protocol errors, bad input: repeating cannot help */
    }
    if (attempts >= p->max_attempts) {
        return false;
    }
    if (retry_after_ms >= 0) {
        /* the server said when: honour it as given (the total budget still bounds it) */
        d = (uint64_t)retry_after_ms;
    } else {
        uint32_t ceiling = backoff_ceiling(p, attempts);
        /* full jitter: uniform in [0, ceiling] */
        d = (ceiling == UINT32_MAX) ? (uint64_t)random : (uint64_t)(random % (ceiling + 1u));
    }
    if (p->max_total_ms != 0u && elapsed_ms + d >= p->max_total_ms) {
        return false; /* 0: no total cap (the attempts and timeout_ms still bound the call) */
    }
    *delay_ms = (uint32_t)d;
    return true;
}

/* ---- one call ----------------------------------------------------------------------- */


/* The length of @p s up to its first control byte or its NUL: the piece has
 * none when s[n] is the NUL. One pass, no strlen(). */
static size_t ctl_free_len(const char *s)
{
    size_t n = 0;
    while ((uint8_t)s[n] >= 0x20u && (uint8_t)s[n] != 0x7fu) {
        n++;
    }
    return n;
}

/* The first rule the path piece @p v (number @p k) breaks, with *st its status;
 * NULL when it breaks none. */
static const char *arg_rule(unsigned k, const char *v, camp_status_t *st)
{
    size_t n;
    if (v == NULL) {
        *st = CAMP_ERR_REQUIRED;
        return CAMP_RULE(C07, "required");
    }
    if (k == 1 && v[0] == '\0') {
        *st = CAMP_ERR_LENGTH;
        return CAMP_RULE(C08, "must not be empty");
    }
    n = ctl_free_len(v);
    if (v[n] != '\0') {
        *st = CAMP_ERR_HTTP_HEADER;
        return CAMP_RULE(C09, "control byte (CR, LF, ...) in a path piece");
    }
    /* the piece's own pattern beyond "present, without control bytes" */
    *st = CAMP_ERR_PATTERN;
    if (k == 0 && !camp_valid_inbox_id(v, n)) {
        return CAMP_RULE(C05, "must match ^[0-9a-z]+$");
    }
    if (k == 2 && !camp_valid_column_id(v, n)) {
        return CAMP_RULE(C06, "must match ^custom_[0-9a-z]+$");
    }
    return NULL;
}

/* The diag paths of the path pieces, in the order of the placeholders and
 * call.args, back to back: the first two are 15 bytes and a NUL, so piece k's
 * starts at ARG_PATH_STEP * k (no table of pointers; a negative array size stops
 * the build if they change). */
#define ARG_PATH_CAMPAIGN "path.campaignId"
#define ARG_PATH_IDENTIFIER "path.identifier"
#define ARG_PATH_STEP 16u
typedef char client_arg_paths_in_step[((sizeof(ARG_PATH_CAMPAIGN) == ARG_PATH_STEP) &&
                                       (sizeof(ARG_PATH_IDENTIFIER) == ARG_PATH_STEP))
                                          ? 1
                                          : -1];

static camp_status_t check_args(camp_client_t *c, const call_t *call)
{
    static const char k_arg_paths[] = ARG_PATH_CAMPAIGN "\0" ARG_PATH_IDENTIFIER "\0"
                                                        "path.columnId";
    camp_diag_t *diag = &c->last.diag;
    unsigned need = k_route_args[call->route];
    unsigned k;
    for (k = 0; k < 3u; k++) {
        camp_status_t st = CAMP_OK;
        const char *rule;
        if ((need & (1u << k)) == 0u) {
            continue;
        }
        rule = arg_rule(k, call->args[k], &st);
        if (rule != NULL) {
            (void)camp_diag_set(diag, st, &k_arg_paths[ARG_PATH_STEP * k], rule);
            if (st == CAMP_ERR_LENGTH) {
                camp_diag_set_limits(diag, 1, INT64_MAX);
            }
            return st;
        }
    }
    return CAMP_OK;
}

/* Expand the route template: literal text as is, each placeholder as its
 * percent-encoded argument. */
static camp_status_t put_template(camp_client_t *c, const call_t *call, camp_http_path_t *p)
{
    const char *t = c->routes[call->route].path;
    size_t n = strlen(t);
    size_t i = 0;
    /* ends: i grows on every pass, up to the template length */
    while (i < n) {
        const char *open = camp_find_byte(t + i, '{', n - i);
        size_t lit = (open == NULL) ? n - i : (size_t)(open - (t + i));
        unsigned k;
        const char *v;
        camp_http_path_literal(p, t + i, lit);
        i += lit;
        if (open == NULL) {
            break;
        }
        k = placeholder_at(t + i, n - i);
        if (k == 3u) {
            return camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "route.path",
                                 CAMP_RULE(C10, "unknown placeholder in route template"));
        }
        v = (call->args[k] != NULL) ? call->args[k] : "";
        camp_http_path_segment(p, v, strlen(v));
        i += k_arg_lens[k];
    }
    return CAMP_OK;
}

/* Build base + route template (+ query) into dst. */
static camp_status_t build_target(camp_client_t *c, const call_t *call, char *dst, size_t cap,
                                  size_t *len)
{
    camp_http_path_t p;
    camp_status_t st;
    camp_http_path_init(&p, dst, cap);
    camp_http_path_literal(&p, c->base_path, strlen(c->base_path));
    st = put_template(c, call, &p);
    if (st != CAMP_OK) {
        return st;
    }
    if (call->put_query != NULL) {
        call->put_query(call, &p);
    }
    st = camp_http_path_finish(&p, len, &c->last.diag);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL && cap < CAMP_CLIENT_MAX_TARGET) {
        c->last.diag.path[0] = '$'; /* the work buffer, not the target limit, ran out */
        c->last.diag.path[1] = '\0';
    }
    return st;
}

/* Host header value: host, or host:port when the port is not the scheme's
 * default; IPv6 literals in brackets. The request writer composes it into the
 * head, so no host buffer sits on the stack; the host is still limited to what a
 * 280-byte value holds. */
#define HOST_VALUE_CAP 280u

static camp_status_t host_value(camp_client_t *c, camp_http_request_t *rq)
{
    size_t hl;
    bool with_port = c->port != (c->tls ? 443u : 80u); /* not the scheme's default */
    if (c->host == NULL || c->host[0] == '\0') {
        return camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "client.host",
                             CAMP_RULE(C07, "required"));
    }
    hl = strlen(c->host);
    if (hl + 10 > HOST_VALUE_CAP) {
        return camp_diag_set(&c->last.diag, CAMP_ERR_ARG, "client.host",
                             CAMP_RULE(C11, "host name too long"));
    }
    rq->host_brackets = camp_find_byte(c->host, ':', hl) != NULL;
    rq->host_with_port = with_port;
    rq->host_port = c->port;
    return CAMP_OK;
}

/* Lay out [target NUL][head] in the work buffer behind the body at
 * work[0..body_len). Kept out of line: the request and path builders' locals
 * are not on the encoders' stack. */
CAMP_NOINLINE static camp_status_t write_head(camp_client_t *c, const call_t *call, size_t body_len,
                                              size_t *head_off, size_t *head_len)
{
    camp_http_request_t rq;
    camp_http_header_t extra[1];
    size_t target_len = 0;
    size_t room = c->work_cap - body_len;
    camp_status_t st;
    if (room > CAMP_CLIENT_MAX_TARGET) {
        room = CAMP_CLIENT_MAX_TARGET;
    }
    st = build_target(c, call, (char *)c->work + body_len, room, &target_len);
    if (st != CAMP_OK) {
        return st;
    }
    /* every field is set here or zero (no content_type: JSON), so
     * camp_http_request_init() and its defaults are not linked */
    memset(&rq, 0, sizeof rq);
    rq.method = c->routes[call->route].method;
    rq.auth = c->routes[call->route].auth;
    rq.host = c->host;
    rq.target = (const char *)c->work + body_len;
    st = host_value(c, &rq);
    if (st != CAMP_OK) {
        return st;
    }
    rq.token = c->token;
    rq.body_len = body_len;
    rq.has_body = (call->encode != NULL);
    rq.keep_alive = c->keep_alive;
    if (call->route == CAMP_ROUTE_OUTBOX_CONTACTS && c->user_timezone != NULL) {
        extra[0].name = "X-User-Timezone";
        extra[0].value = c->user_timezone;
        rq.extra = extra;
        rq.extra_count = 1;
    }
    /* at most work_cap: the target and its NUL fit in room, which is at most what
     * the body left (the encoders never report more than they were given) */
    *head_off = body_len + target_len + 1;
    st = camp_http_write_request(&rq, (char *)c->work + *head_off, c->work_cap - *head_off,
                                 head_len, &c->last.diag);
    if (st == CAMP_ERR_BUFFER_TOO_SMALL) {
        c->last.diag.needed = (int64_t)(*head_off + *head_len);
    }
    return st;
}

/* Connect unless connected, by @p deadline; CAMP_OK when the exchange may start. */
static camp_status_t connect_by(camp_client_t *c, uint64_t deadline)
{
    camp_status_t st = CAMP_OK;
    if (!c->connected) {
        /* the arguments both hooks share, read once */
        void *ctx = c->conn.ctx;
        const char *host = c->host;
        uint16_t port = c->port;
        if (c->conn.open_until != NULL) {
            st = c->conn.open_until(ctx, host, port, deadline);
        } else if (c->conn.open != NULL) {
            st = c->conn.open(ctx, host, port);
        } else {
            /* connected by the application */
        }
    }
    if (st != CAMP_OK) {
        return camp_diag_set(&c->last.diag, st, "connect", CAMP_RULE(C13, "could not connect"));
    }
    c->connected = true;
    if (c->transport.now_ms(c->transport.ctx) >= deadline) {
        camp_client_disconnect(c);
        return camp_diag_set(&c->last.diag, CAMP_ERR_TIMEOUT, "connect",
                             CAMP_RULE(C14, "deadline passed while connecting"));
    }
    if (c->conn.set_deadline != NULL) {
        c->conn.set_deadline(c->conn.ctx, deadline);
    }
    return CAMP_OK;
}

/* Retry-After and the rate-limit headers of a complete response. */
static void note_limits(camp_client_t *c, const camp_http_response_t *rs)
{
    int64_t now_unix = (c->retry.wall_now != NULL) ? c->retry.wall_now(c->retry.ctx) : -1;
    c->last.retry_after_ms = camp_http_retry_after_ms(rs, now_unix);
    c->last.ratelimit_limit = rs->ratelimit_limit;
    c->last.ratelimit_remaining = rs->ratelimit_remaining;
    c->last.ratelimit_reset = rs->ratelimit_reset;
}

/* Send the prepared request and receive the response under one deadline:
 * connecting (through conn.open_until), the TLS handshake, sending and
 * receiving all end by min(now + timeout_ms, limit); limit is the end of the
 * whole call's budget (0: none). Inlined into send_attempt(), its one caller: one
 * frame instead of two on that path (write_head() stays out of line, so its
 * locals do not join it). */
static CAMP_ALWAYS_INLINE camp_status_t exchange(camp_client_t *c, const call_t *call)
{
    camp_http_response_t *rs = &c->resp_;
    uint64_t deadline = c->transport.now_ms(c->transport.ctx) + c->timeout_ms;
    camp_status_t st;
    if (call->limit_ms != 0 && deadline > call->limit_ms) {
        deadline = call->limit_ms;
    }
    st = connect_by(c, deadline);
    if (st != CAMP_OK) {
        return st;
    }
    st = camp_http_exchange_until(&c->transport, c->work + call->head_off, call->head_len, c->work,
                                  call->body_len, c->routes[call->route].method == CAMP_HTTP_HEAD,
                                  c->work, c->work_cap, deadline, rs, &c->last.diag);
    /* After an error the connection's state is unknown; after `Connection: close`
     * (ours or the server's) it is finished even if the server did not say so:
     * either way start over on the next call. */
    if (st != CAMP_OK || rs->must_close || !c->keep_alive) {
        camp_client_disconnect(c);
    }
    if (st == CAMP_OK) {
        /* the exchange returns CAMP_OK only with the whole response read */
        c->last.http_status = rs->status;
        note_limits(c, rs);
        st = camp_http_status_map(rs->status);
        if (st != CAMP_OK) {
            camp_diag_set(&c->last.diag, st, "http.status", status_rule("C01", st));
        }
    }
    return st;
}

static void set_str(camp_str_t *s, const char *p)
{
    s->ptr = p;
    s->len = (p != NULL) ? strlen(p) : 0;
}

/* A DRF-style {"detail": "..."} (Outbox, unverified) or {"message": "..."}. */
static camp_status_t take_detail(camp_client_t *c, camp_status_t st)
{
    camp_json_doc_t *doc = &c->doc_;
    const char *s = NULL;
    size_t n = 0;
    int v = camp_json_member(doc, 0, "detail");
    if (v < 0) {
        v = camp_json_member(doc, 0, "message");
    }
    /* the getter refuses a missing member (v < 0) and a value that is no string */
    if (camp_json_get_string(doc, v, &s, &n) == CAMP_OK) {
        c->last.error_message.ptr = s;
        c->last.error_message.len = n;
    }
    return st;
}

/* Error bodies, tokenized by take_body() in the client's document (free: a
 * failed call leaves none to the caller): InboxApp's nested or flat form (D12)
 * through the inbox decoder; otherwise a `detail` or `message` string. One parse
 * only: string getters unescape in place, so the text is never parsed twice. The
 * fallback runs in this frame, after the inbox decoder, not under it (inline: one
 * frame less under it than a helper of its own). */
CAMP_NOINLINE static camp_status_t decode_error_body(camp_client_t *c, camp_status_t st)
{
    camp_json_doc_t *doc = &c->doc_;
    camp_inbox_error_t e;
    if (camp_json_kind(doc, 0) != CAMP_JSON_OBJECT) {
        return st;
    }
    if ((camp_json_member(doc, 0, "error") >= 0 || camp_json_member(doc, 0, "code") >= 0) &&
        camp_ib_error_decode_at(c->walk_.bytes, doc, &e, NULL) == CAMP_OK) {
        c->last.error_code = e.code;
        c->last.error_message = e.message;
        if (e.request_id.ptr != NULL) {
            c->last.request_id = e.request_id;
        }
        return st;
    }
    return take_detail(c, st);
}

/* Retry-After and the three rate limits sit in a row in c->last (a negative array
 * size stops the build if the struct changes that): one fill sets all four to -1. */
#define HINTS_BYTES (4u * sizeof(int64_t))
typedef char client_hints_in_a_row[(offsetof(camp_client_result_t, ratelimit_reset) -
                                    offsetof(camp_client_result_t, retry_after_ms)) ==
                                           (HINTS_BYTES - sizeof(int64_t))
                                       ? 1
                                       : -1];

void camp_cl_reset_last(camp_client_t *c)
{
    memset(&c->last, 0, sizeof c->last);
    camp_diag_clear(&c->last.diag);
    c->last.body = "";
    c->last.server_time = -1;
    (void)memset(&((uint8_t *)&c->last)[offsetof(camp_client_result_t, retry_after_ms)], 0xff,
                 HINTS_BYTES);
    /* a new call replaces the work buffer: the last document is gone */
    c->doc_.text = NULL;
    c->doc_.count = 0;
    c->serial_++;
}

/* The client's setup and the call's arguments, before anything is sent. */
static camp_status_t check_call(camp_client_t *c, const call_t *call, camp_cl_check_fn check)
{
    camp_status_t st;
    if (c->work == NULL || c->tokens == NULL || c->transport.send == NULL ||
        c->transport.recv == NULL || c->transport.now_ms == NULL || c->base_path == NULL ||
        c->routes[call->route].path == NULL) {
        return camp_diag_set(
            &c->last.diag, CAMP_ERR_ARG, "client",
            CAMP_RULE(C15, "work buffer, tokens, transport and routes are required"));
    }
    st = check_args(c, call);
    if (st == CAMP_OK && check != NULL) {
        st = check(c, call);
    }
    return st;
}

/* After a failed attempt: wait and return true when another one should follow.
 * Inlined into again(), its one caller: one frame, and no public call's stack
 * grows. */
static CAMP_ALWAYS_INLINE bool wait_to_retry(camp_client_t *c, const call_t *call, camp_status_t st)
{
    uint32_t delay = 0;
    uint64_t elapsed = c->transport.now_ms(c->transport.ctx) - call->start_ms;
    uint32_t random = c->retry.random(c->retry.ctx);
    /* read after the port calls: one 64-bit value fewer kept across them */
    int64_t after = (st == CAMP_ERR_API_RATE_LIMITED || st == CAMP_ERR_API_SERVER)
                        ? c->last.retry_after_ms
                        : -1;
    if (!camp_retry_decide(&c->retry, true, st, c->last.attempts, elapsed, after, random, &delay)) {
        return false;
    }
    /* A retry starts only when a whole attempt still fits after the wait. */
    if (call->limit_ms != 0 && elapsed + delay + c->timeout_ms > c->retry.max_total_ms) {
        return false;
    }
    c->retry.sleep_ms(c->retry.ctx, delay);
    c->last.waited_ms += delay;
    c->last.http_status = 0;
    return true;
}

/* The request, its body already at work[0..body_len): the head written behind it,
 * sent, the response received, the attempt counted. Out of line: the request
 * writer's and the exchange's frames are not on the encoders' stack. */
CAMP_NOINLINE static camp_status_t send_attempt(camp_client_t *c, call_t *call,
                                                camp_status_t encoded)
{
    camp_status_t st = encoded;
    c->last.attempts++; /* counted whether or not it reaches the network */
    if (st == CAMP_OK) {
        st = write_head(c, call, call->body_len, &call->head_off, &call->head_len);
    }
    /* the exchange notes the response's rate limits; write_head() has returned
     * by then, so its frame is not under the exchange's calls */
    return (st == CAMP_OK) ? exchange(c, call) : st;
}

/* After an attempt: true when another one follows (the wait is over), its
 * diagnostics and body cleared. */
CAMP_NOINLINE static bool again(camp_client_t *c, call_t *call, camp_status_t st)
{
    bool can_retry =
        c->routes[call->route].idempotent && c->retry.random != NULL && c->retry.sleep_ms != NULL;
    /* bounded by max_attempts and by a hard cap (a policy set to UINT32_MAX), which is
     * tested before the wait: no sleep follows the last attempt */
    if (!can_retry || (c->last.attempts >= CAMP_RETRY_ATTEMPTS_MAX) ||
        !wait_to_retry(c, call, st)) {
        return false;
    }
    camp_diag_clear(&c->last.diag);
    call->body_len = 0;
    return true;
}

/* Clear the last result and check the call; on success start its clock. */
CAMP_NOINLINE static camp_status_t begin(camp_client_t *c, call_t *call, camp_cl_check_fn check)
{
    camp_status_t st;
    camp_cl_reset_last(c);
    st = check_call(c, call, check);
    if (st != CAMP_OK) {
        return st;
    }
    call->start_ms = c->transport.now_ms(c->transport.ctx);
    /* max_total_ms bounds the whole call, first attempt included */
    call->limit_ms = (c->retry.max_total_ms != 0) ? call->start_ms + c->retry.max_total_ms : 0;
    /* no response yet: take_body() reads none until an exchange completes one (the
     * exchange sets the parser up itself) */
    c->resp_.state_ = CAMP_HTTP_ST_STATUS;
    /* the first attempt starts as again() leaves the next: c->last was just reset
     * and call_init cleared the call */
    return CAMP_OK;
}

/* The last response's body, when complete: noted, then checked or tokenized for
 * the call's decoder on success, read for the API's error otherwise. Without a
 * complete response in work the call's status stands as it is. */
CAMP_NOINLINE static camp_status_t take_body(camp_client_t *c, const call_t *call, camp_status_t st)
{
    const camp_http_response_t *rs = &c->resp_;
    /* rs->body points into work (or is a literal "" when empty): take the
     * writable pointer from the buffer itself */
    char *body = (char *)&c->work[rs->header_len];
    camp_diag_t *diag = &c->last.diag;
    camp_status_t parsed;
    if (rs->state_ != CAMP_HTTP_ST_DONE || rs->buf_ != c->work) {
        return st;
    }
    c->last.body = rs->body;
    c->last.body_len = rs->body_len;
    c->last.location = rs->location;
    c->last.server_time = rs->date;
    set_str(&c->last.request_id, rs->request_id);
    if (st == CAMP_OK) {
        if (call->decode == NULL) {
            return camp_json_check(body, rs->body_len, CAMP_JSON_MAX_DEPTH, diag);
        }
        if (call->out == NULL) {
            return CAMP_OK;
        }
    } else if ((st == CAMP_ERR_HTTP_REDIRECT) || (rs->body_len == 0u)) {
        /* a redirect's body is not the API's; an empty one has no error */
        return st;
    } else {
        diag = NULL; /* an error body that is no JSON leaves the call's diag as it is */
    }
    /* one parse for both: the call's document (a failed parse leaves none:
     * record_outcome() drops it) or the API's error */
    parsed = camp_json_parse(&c->doc_, body, rs->body_len, c->tokens, c->token_cap, diag);
    if (st == CAMP_OK) {
        return parsed;
    }
    return (parsed == CAMP_OK) ? decode_error_body(c, st) : st;
}

/* A proxy or a server mix-up must not make the caller act on another campaign:
 * get, enable and pause check that the campaign decoded is the one asked for. */
static camp_status_t check_campaign_id(camp_client_t *c, const call_t *call)
{
    const camp_inbox_campaign_t *out = call->out;
    const char *id = call->args[0];
    if (out->base.id.ptr == NULL || out->base.id.len != strlen(id) ||
        memcmp(out->base.id.ptr, id, out->base.id.len) != 0) {
        return camp_diag_set(&c->last.diag, CAMP_ERR_INVALID, "$.id",
                             CAMP_RULE(C16, "not the campaign that was asked for"));
    }
    return CAMP_OK;
}

/* The call's outcome in c->last. */
CAMP_NOINLINE static camp_status_t record_outcome(camp_client_t *c, const call_t *call,
                                                  camp_status_t result)
{
    camp_status_t st = result;
    if ((st == CAMP_OK) && (call->route <= CAMP_ROUTE_PAUSE) && (call->out != NULL)) {
        st = check_campaign_id(c, call);
    }
    if (st != CAMP_OK || !call->keep_doc) {
        /* only an events page leaves its document for the caller */
        c->doc_.text = NULL;
        c->doc_.count = 0;
    }
    c->last.status = st;
    if (st != CAMP_OK && c->last.diag.status == CAMP_OK) {
        camp_diag_set(&c->last.diag, st, "$", status_rule("C02", st));
    }
    return st;
}

/* The response taken and, on success, decoded into the caller's model through the
 * endpoint's decoder. camp_cl_run's frame is gone (a tail call): the model
 * decoders run under this frame alone. */
CAMP_NOINLINE static camp_status_t conclude(camp_client_t *c, call_t *call, camp_status_t result)
{
    camp_status_t st = take_body(c, call, result);
    if ((st == CAMP_OK) && (call->decode != NULL) && (call->out != NULL)) {
        st = call->decode(c->walk_.bytes, &c->doc_, call->out, &c->last.diag);
    }
    return record_outcome(c, call, st);
}

camp_status_t camp_cl_run(camp_client_t *c, call_t *call, camp_cl_check_fn check)
{
    camp_status_t st = begin(c, call, check);
    if (st != CAMP_OK) {
        c->last.status = st;
        return st;
    }
    /* each attempt lays the request out anew: the last response overwrote it; the
     * body first, by the endpoint's model encoder (the deepest call of a request:
     * it runs under this frame alone) */
    do {
        st = (call->encode == NULL) ? CAMP_OK
                                    : call->encode(c->walk_.bytes, call->body, (char *)c->work,
                                                   c->work_cap, &call->body_len, &c->last.diag);
        st = send_attempt(c, call, st);
    } while (again(c, call, st));
    return conclude(c, call, st);
}

camp_json_doc_t *camp_client_last_doc(camp_client_t *c)
{
    if (c == NULL || c->doc_.text == NULL) {
        return NULL;
    }
    return &c->doc_;
}
