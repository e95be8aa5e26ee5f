/**
 * @file camp_client.h
 * @brief One call per documented endpoint of InboxApp and Outbox, over the
 *        HTTP module and a caller-supplied transport.
 *
 * Each call: checks the path pieces (IDs), validates and encodes the request
 * body into the caller's work buffer, builds the target from the route table,
 * writes the request head after the body in the same buffer, sends both, reads
 * the response into the same buffer, maps the HTTP status to a camp_status_t,
 * and decodes the body (or the API's error body) with the caller's token array.
 *
 * Memory: nothing is allocated. The work buffer holds the request and then the
 * response; decoded structs point into it and stay valid until the next call
 * on the same client. Size it for the largest response you expect (a campaign
 * object is about 3 KiB; 8 KiB is a comfortable default).
 *
 * Connections: the client uses `transport`; when `conn.open` is set it opens
 * the connection before a call that finds none and closes it when the server
 * asks (`Connection: close`, HTTP/1.0, close-delimited body) or after any
 * error, so every call starts from a known state. Without `conn.open` the
 * caller keeps the transport connected.
 *
 * Retries: only for routes that are safe to repeat (GET, enable, pause, PUT
 * sequence), only after 429, 5xx or a network error / timeout, with
 * exponential backoff and full jitter (a random delay in [0, min(max_delay,
 * base * 2^(n-1))]), or exactly the server's Retry-After when it sent one;
 * bounded by `max_attempts` and `max_total_ms`. Random numbers come from
 * `retry.random` (never rand()); waiting uses `retry.sleep_ms`. Without both,
 * nothing is retried.
 *
 * @code
 *   static uint8_t work[8192];
 *   static camp_json_token_t toks[512];
 *   static camp_inbox_campaign_t campaign;
 *   camp_client_t c;
 *   camp_client_init_inbox(&c, work, sizeof work, toks, 512);
 *   c.token = token;                       // from secure storage
 *   c.transport = my_transport;            // e.g. camp_mbedtls_tls_transport(&tls)
 *   if (camp_client_inbox_get_campaign(&c, "usdjpdql3f90seqk13rwuo7z", &campaign) != CAMP_OK) {
 *       // c.last.http_status, c.last.error_code / error_message, c.last.diag
 *   }
 * @endcode
 */
#ifndef CAMP_CLIENT_H
#define CAMP_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "camp_config.h"
#include "camp_status.h"
#include "camp_json.h"
#include "camp_transport.h"
#include "camp_http.h"
#include "camp_inbox.h"
#include "camp_outbox.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Route defaults (override at compile time with -D or CAMP_CONFIG_FILE) ----
 * Placeholders: {campaignId}, {identifier}, {columnId}. Paths are relative to
 * the client's base path. */

/** E1, documented. */
#ifndef CAMP_ROUTE_PATH_GET_CAMPAIGN
#define CAMP_ROUTE_PATH_GET_CAMPAIGN "/campaigns/{campaignId}"
#endif
/** E2, documented. */
#ifndef CAMP_ROUTE_PATH_ENABLE
#define CAMP_ROUTE_PATH_ENABLE "/campaigns/v2/{campaignId}/enable"
#endif
/** E3: the stored docs do not show the path (spec §1 E3); the response is the
 * legacy shape, so the legacy family is the default guess. Confirm before shipping. */
#ifndef CAMP_ROUTE_PATH_PAUSE
#define CAMP_ROUTE_PATH_PAUSE "/campaigns/{campaignId}/pause"
#endif
/** E3 method (documented: POST). */
#ifndef CAMP_ROUTE_METHOD_PAUSE
#define CAMP_ROUTE_METHOD_PAUSE CAMP_HTTP_POST
#endif
/** E4: path not in the stored docs (spec §1 E4): most likely POST /campaigns/v2. */
#ifndef CAMP_ROUTE_PATH_CREATE
#define CAMP_ROUTE_PATH_CREATE "/campaigns/v2"
#endif
/** E4 method. */
#ifndef CAMP_ROUTE_METHOD_CREATE
#define CAMP_ROUTE_METHOD_CREATE CAMP_HTTP_POST
#endif
/** E5, documented. */
#ifndef CAMP_ROUTE_PATH_SEQUENCE
#define CAMP_ROUTE_PATH_SEQUENCE "/campaigns/v2/{campaignId}/sequence"
#endif
/** E6, documented. */
#ifndef CAMP_ROUTE_PATH_RULES
#define CAMP_ROUTE_PATH_RULES "/campaigns/v2/{campaignId}/rules"
#endif
/** E7, documented. */
#ifndef CAMP_ROUTE_PATH_LEADS_ADD
#define CAMP_ROUTE_PATH_LEADS_ADD "/campaigns/v2/{campaignId}/leads"
#endif
/** E8, documented. */
#ifndef CAMP_ROUTE_PATH_LEAD_UPDATE
#define CAMP_ROUTE_PATH_LEAD_UPDATE "/campaigns/v2/{campaignId}/leads/{identifier}"
#endif
/** E9, documented. */
#ifndef CAMP_ROUTE_PATH_LEAD_CANCEL
#define CAMP_ROUTE_PATH_LEAD_CANCEL "/campaigns/v2/{campaignId}/leads/{identifier}/cancel"
#endif
/** E10, documented. */
#ifndef CAMP_ROUTE_PATH_COLUMN_UPDATE
#define CAMP_ROUTE_PATH_COLUMN_UPDATE "/campaigns/v2/{campaignId}/columns/{columnId}"
#endif
/** O1: the curl example has the trailing slash (spec outbox D2); DRF would redirect without it. */
#ifndef CAMP_ROUTE_PATH_OUTBOX_CAMPAIGN_CREATE
#define CAMP_ROUTE_PATH_OUTBOX_CAMPAIGN_CREATE "/email/campaigns/"
#endif
/** O2. */
#ifndef CAMP_ROUTE_PATH_OUTBOX_SENDER_CREATE
#define CAMP_ROUTE_PATH_OUTBOX_SENDER_CREATE "/email/senders/"
#endif
/** O3. */
#ifndef CAMP_ROUTE_PATH_OUTBOX_CONTACTS
#define CAMP_ROUTE_PATH_OUTBOX_CONTACTS "/contacts/list"
#endif

/** T1 `GET /team`, documented (the token check). */
#ifndef CAMP_ROUTE_PATH_TEAM
#define CAMP_ROUTE_PATH_TEAM "/team"
#endif
/** V1 `GET /events`, the event replay feed (vendor OpenAPI). */
#ifndef CAMP_ROUTE_PATH_EVENTS
#define CAMP_ROUTE_PATH_EVENTS "/events"
#endif

/** Default InboxApp host (spec §0); the port is 443. */
#define CAMP_INBOX_HOST "inboxapp.com"
/** Default InboxApp base path, prefix of every Inbox route (spec §0). */
#define CAMP_INBOX_BASE_PATH "/api/v1"
/** Default Outbox host (spec outbox §0); its paths have no base prefix. */
#define CAMP_OUTBOX_HOST "api.getoutbox.ai"

/** Longest request target the client builds (base + route + IDs + query). */
#ifndef CAMP_CLIENT_MAX_TARGET
#define CAMP_CLIENT_MAX_TARGET 512
#endif

/** Endpoints. */
typedef enum camp_route_id {
    CAMP_ROUTE_GET_CAMPAIGN = 0,       /**< E1 GET campaign */
    CAMP_ROUTE_ENABLE,                 /**< E2 POST enable */
    CAMP_ROUTE_PAUSE,                  /**< E3 POST pause (path unverified) */
    CAMP_ROUTE_CREATE,                 /**< E4 POST create (path unverified) */
    CAMP_ROUTE_SEQUENCE,               /**< E5 PUT sequence */
    CAMP_ROUTE_RULES,                  /**< E6 PATCH lead rules */
    CAMP_ROUTE_LEADS_ADD,              /**< E7 POST leads */
    CAMP_ROUTE_LEAD_UPDATE,            /**< E8 PATCH lead */
    CAMP_ROUTE_LEAD_CANCEL,            /**< E9 POST cancel lead */
    CAMP_ROUTE_COLUMN_UPDATE,          /**< E10 PATCH column */
    CAMP_ROUTE_OUTBOX_CAMPAIGN_CREATE, /**< O1 POST email campaign */
    CAMP_ROUTE_OUTBOX_SENDER_CREATE,   /**< O2 POST sender identity */
    CAMP_ROUTE_OUTBOX_CONTACTS,        /**< O3 GET contacts page */
    CAMP_ROUTE_TEAM,                   /**< T1 GET team (the token check) */
    CAMP_ROUTE_EVENTS,                 /**< V1 GET events feed page */
    CAMP_ROUTE_COUNT
} camp_route_id_t;

/** One route: method, path template, auth scheme, and whether it may be repeated. */
typedef struct camp_route {
    camp_http_method_t method; /**< request method */
    const char *path;          /**< template relative to the base path; kept by pointer */
    camp_http_auth_t auth;     /**< Authorization scheme for this route */
    bool idempotent;           /**< safe to retry */
} camp_route_t;

/**
 * @brief The built-in route for @p id: method, path (the CAMP_ROUTE_PATH_* macro),
 * auth and idempotency. Inbox routes use Bearer. Outbox's pages disagree (D1):
 * its email pages show `Bearer`, its introduction the raw key, so email routes
 * default to Bearer and the contacts route to the raw key.
 * @param[in] id the route.
 * @return the route, or NULL for an unknown id.
 */
const camp_route_t *camp_client_default_route(camp_route_id_t id);

/** Opening and closing the connection; all optional (see file comment). */
typedef struct camp_client_conn {
    /** Connect the transport to host:port. Returns CAMP_OK or a camp_status_t.
     *  Used only when @ref open_until is NULL; its own timeouts then add to the call's. */
    camp_status_t (*open)(void *ctx, const char *host, uint16_t port);
    /** Connect (TCP, proxy, TLS handshake) to host:port, never waiting past
     *  @p deadline_ms, an instant of transport.now_ms: the attempt's deadline.
     *  Preferred over @ref open; e.g. camp_mbedtls_tls_open_until(). */
    camp_status_t (*open_until)(void *ctx, const char *host, uint16_t port, uint64_t deadline_ms);
    /** Optional: told the attempt's deadline before each exchange, so that no
     *  single wait inside the port's send/recv passes it (e.g.
     *  camp_mbedtls_tls_set_deadline()). */
    void (*set_deadline)(void *ctx, uint64_t deadline_ms);
    /** Close it (called after errors and when the server closes). */
    void (*close)(void *ctx);
    void *ctx; /**< handed to both */
} camp_client_conn_t;

/** The most attempts one call makes, whatever its policy's max_attempts says. */
#define CAMP_RETRY_ATTEMPTS_MAX 1000u

/** Retry policy and the port functions it needs. */
typedef struct camp_retry_policy {
    uint32_t max_attempts; /**< attempts in all, first included; 1 = never retry; at most
                                 CAMP_RETRY_ATTEMPTS_MAX are made whatever it says */
    uint32_t base_ms;      /**< first backoff ceiling */
    uint32_t max_delay_ms; /**< largest backoff ceiling */
    uint32_t max_total_ms; /**< the whole call (attempts plus waits) never exceeds this: each
                                 attempt's deadline is capped by it, and a retry starts only when
                                 the wait plus a whole timeout_ms still fit; 0 = no cap */
    uint32_t (*random)(void *ctx);            /**< uniform 32-bit random (required to retry) */
    void (*sleep_ms)(void *ctx, uint32_t ms); /**< wait (required to retry) */
    int64_t (*wall_now)(void *ctx); /**< Unix seconds, for Retry-After dates; may be NULL */
    void *ctx;                      /**< handed to the three functions */
} camp_retry_policy_t;

/**
 * @brief Decide whether to retry after attempt number @p attempts and how long to wait.
 *
 * Pure function (exposed for testing and for callers with their own loops).
 * Retryable results: CAMP_ERR_API_RATE_LIMITED, CAMP_ERR_API_SERVER,
 * CAMP_ERR_NET, CAMP_ERR_NET_CLOSED, CAMP_ERR_NET_TRUNCATED, CAMP_ERR_TIMEOUT;
 * everything else is final.
 * A Retry-After (>= 0) is honoured as given; otherwise the wait is
 * random % (ceiling + 1) with ceiling = min(max_delay_ms, base_ms * 2^(attempts-1)).
 *
 * @param[in]  p              the policy.
 * @param[in]  idempotent     the request is safe to repeat (else never retried).
 * @param[in]  result         status of the attempt just made.
 * @param[in]  attempts       attempts made so far (>= 1).
 * @param[in]  elapsed_ms     time since the first attempt started.
 * @param[in]  retry_after_ms server's Retry-After in ms, or -1.
 * @param[in]  random         a uniform 32-bit random number.
 * @param[out] delay_ms       the wait before the next attempt.
 * @return true to retry after *delay_ms; false when final (not retryable, out
 *         of attempts, or the wait would pass max_total_ms).
 */
bool camp_retry_decide(const camp_retry_policy_t *p, bool idempotent, camp_status_t result,
                       uint32_t attempts, uint64_t elapsed_ms, int64_t retry_after_ms,
                       uint32_t random, uint32_t *delay_ms);

/** What the last call produced, beyond its status. Views point into the work buffer. */
typedef struct camp_client_result {
    camp_status_t status;        /**< the call's return value */
    int http_status;             /**< status of the last response, 0 when none */
    camp_diag_t diag;            /**< where and why it failed */
    camp_str_t error_code;       /**< API error code ("RATE_LIMITED"; flat form: "Unauthorized") */
    camp_str_t error_message;    /**< API error message (also Outbox/DRF `detail`) */
    camp_str_t request_id;       /**< X-Request-Id, or the v2 error body's `requestId` (which wins
                                     when both are given); ptr NULL when absent */
    int64_t server_time;         /**< the response's `Date` (Unix seconds), -1 when absent or
                                     not an HTTP-date: the server's clock, for a device
                                     without one or to check its own */
    const char *body;            /**< raw response body (may have been unescaped in place) */
    size_t body_len;             /**< its length */
    const char *location;        /**< Location of a 3xx (never followed) */
    int64_t retry_after_ms;      /**< server's Retry-After, -1 when none */
    int64_t ratelimit_limit;     /**< X-RateLimit-Limit, -1 when none */
    int64_t ratelimit_remaining; /**< X-RateLimit-Remaining, -1 when none */
    int64_t ratelimit_reset;     /**< X-RateLimit-Reset (Unix seconds), -1 when none */
    uint32_t attempts;           /**< attempts made */
    uint64_t waited_ms;          /**< total backoff waited */
} camp_client_result_t;

/** Private: writes the request body of the call in progress (the endpoint's own
 *  model encoder, so a program links only the encoders of the calls it makes);
 *  @p levels: the client's camp_client_t::walk_. */
typedef camp_status_t (*camp_client_encode_fn)(void *levels, const void *body, char *buf,
                                               size_t cap, size_t *len, camp_diag_t *diag);

/** Private: decodes the response of the call in progress into the caller's model
 *  (the endpoint's own decoder, linked only with the calls that use it); @p levels:
 *  the client's camp_client_t::walk_. */
typedef camp_status_t (*camp_client_decode_fn)(void *levels, camp_json_doc_t *doc, void *out,
                                               camp_diag_t *diag);

/** Private: bytes of the model walk's levels a client keeps (camp_client_t::walk_):
 *  seven levels, a campaign's, of at most three pointers and 8 bytes each. */
#define CAMP_CLIENT_WALK_BYTES (7u * (3u * sizeof(void *) + 8u))

struct camp_client_call;

/** Private: appends the query of the call in progress to its request target (the
 *  events feed's and the contacts list's own writer, linked only with the calls
 *  that send a query). */
typedef void (*camp_client_query_fn)(const struct camp_client_call *call, camp_http_path_t *p);

/** Private: the endpoint call in progress, filled by the endpoint functions.
 *  It lives in the client rather than on the stack: no call's frame holds it. */
typedef struct camp_client_call {
    camp_route_id_t route; /**< private: the route */
    const char *args[3];   /**< private: campaignId, identifier, columnId */
    const struct camp_client_contacts_query *query; /**< private: contacts query, or NULL */
    int64_t after_seq;              /**< private: events afterSeq; negative: not sent */
    unsigned limit;                 /**< private: events limit; 0: not sent */
    camp_client_query_fn put_query; /**< private: writes the query; NULL: none */
    camp_client_encode_fn encode;   /**< private: writes the body; NULL: no body */
    const void *body;               /**< private: the caller's request model */
    camp_client_decode_fn decode;   /**< private: decodes the response; NULL: checked as JSON */
    void *out;                      /**< private: the caller's response model, or NULL */
    bool keep_doc;                  /**< private: the document stays for the caller (events) */
    size_t body_len;   /**< private: the encoded body's length, at work[0] (this attempt) */
    size_t head_off;   /**< private: where the request head starts in work (this attempt) */
    size_t head_len;   /**< private: its length */
    uint64_t start_ms; /**< private: transport.now_ms() when the call started */
    uint64_t limit_ms; /**< private: when the whole call's budget ends; 0: no limit */
} camp_client_call_t;

/** A client of one API. Fill with camp_client_init_inbox() / _outbox(), then set token and transport. */
typedef struct camp_client {
    const char *host;          /**< Host, and what conn.open connects to */
    uint16_t port;             /**< 443 by default */
    bool tls;                  /**< the port speaks TLS (decides when Host carries the port) */
    const char *base_path;     /**< prefix of every route ("/api/v1" for InboxApp, "" for Outbox) */
    const char *token;         /**< API token (never copied, never in diagnostics) */
    uint8_t *work;             /**< caller's work buffer */
    size_t work_cap;           /**< its size */
    camp_json_token_t *tokens; /**< caller's token array */
    size_t token_cap;          /**< its entries */
    uint32_t timeout_ms;       /**< deadline of one attempt: connect and TLS handshake (with
                                 conn.open_until), send and receive share it */
    camp_transport_t transport;            /**< send / recv / now_ms */
    camp_client_conn_t conn;               /**< optional open/close */
    bool connected;                        /**< the client believes the transport is connected */
    bool keep_alive;                       /**< ask for persistent connections (default true) */
    const char *user_timezone;             /**< Outbox X-User-Timezone header, NULL = not sent */
    camp_route_t routes[CAMP_ROUTE_COUNT]; /**< the route table (defaults from init) */
    camp_retry_policy_t retry;             /**< retry policy (max_attempts 1 = off until set up) */
    camp_client_result_t last;             /**< details of the last call */
    camp_http_response_t resp_; /**< private: response parser state of the call in progress
                                     (kept here rather than on the stack) */
    camp_json_doc_t doc_;       /**< private: the tokenized document of the last response
                                     (camp_client_last_doc()) */
    uint32_t serial_;           /**< private: counts calls, so a feed reader sees that its
                                     page's document was replaced */
    camp_client_call_t call_;   /**< private: the call in progress */
    /** private: the levels the model walk of the call in progress keeps (which
     *  member or item of which object it is at), here rather than on the stack */
    union {
        void *align_p;                               /**< private: alignment */
        uint64_t align_u;                            /**< private: alignment */
        unsigned char bytes[CAMP_CLIENT_WALK_BYTES]; /**< private: the levels */
    } walk_;
} camp_client_t;

/**
 * @brief Defaults for InboxApp: host inboxapp.com, port 443, TLS, base /api/v1,
 * the default route table, timeout CAMP_HTTP_TIMEOUT_MS, keep-alive, retry
 * policy 6 attempts / base 1 s / max 60 s / 180 s total (the docs' advice:
 * 5 retries, 1 s base, 60 s max) but disabled until random and sleep_ms are set.
 * No connection hooks: set transport and conn (open_until, set_deadline,
 * close) afterwards.
 * @param[out] c         the client to fill.
 * @param[in]  work      work buffer (request, then response), kept by pointer.
 * @param[in]  work_cap  its size.
 * @param[in]  tokens    JSON token array for decoding, kept by pointer.
 * @param[in]  token_cap its entries.
 * @return CAMP_OK or CAMP_ERR_ARG (NULL client, work or tokens, or a zero size).
 */
CAMP_NODISCARD camp_status_t camp_client_init_inbox(camp_client_t *c, uint8_t *work,
                                                    size_t work_cap, camp_json_token_t *tokens,
                                                    size_t token_cap);

/** @brief As camp_client_init_inbox() for Outbox: host api.getoutbox.ai, base "".
 *  @param[out] c         the client to fill.
 *  @param[in]  work      work buffer, kept by pointer.
 *  @param[in]  work_cap  its size.
 *  @param[in]  tokens    JSON token array, kept by pointer.
 *  @param[in]  token_cap its entries.
 *  @return CAMP_OK or CAMP_ERR_ARG (NULL client, work or tokens, or a zero size). */
CAMP_NODISCARD camp_status_t camp_client_init_outbox(camp_client_t *c, uint8_t *work,
                                                     size_t work_cap, camp_json_token_t *tokens,
                                                     size_t token_cap);

/**
 * @brief Replace one route at run time (e.g. once the pause path is confirmed).
 * @param[in,out] c      the client (c->last.diag says why a template is refused).
 * @param[in]     id     the route to replace.
 * @param[in]     method its method.
 * @param[in] path template, kept by pointer: must start with '/', contain only
 *                 printable ASCII, and only the placeholders the route uses.
 * @return CAMP_OK; CAMP_ERR_ARG (unknown id, bad template; c->last.diag says why).
 */
CAMP_NODISCARD camp_status_t camp_client_set_route(camp_client_t *c, camp_route_id_t id,
                                                   camp_http_method_t method, const char *path);

/** @brief Close the connection if the client opened one (conn.close).
 *  @param[in,out] c the client; NULL is ignored. */
void camp_client_disconnect(camp_client_t *c);

/*
 * Endpoint calls. Common behaviour:
 * @return CAMP_OK (out decoded and validated); a validation status for a bad
 *   request body or path piece (nothing sent; CAMP_ERR_PATTERN for an ID that
 *   is not `^[0-9a-z]+$`, CAMP_ERR_HTTP_HEADER for control bytes);
 *   CAMP_ERR_BUFFER_TOO_SMALL (work buffer; last.diag.needed);
 *   transport and HTTP statuses (CAMP_ERR_NET, CAMP_ERR_NET_CLOSED,
 *   CAMP_ERR_NET_TRUNCATED, CAMP_ERR_TIMEOUT, CAMP_ERR_TLS, CAMP_ERR_TLS_VERIFY,
 *   CAMP_ERR_PROXY, CAMP_ERR_HTTP_*, CAMP_ERR_HTTP_REDIRECT with last.location);
 *   CAMP_ERR_API_* for non-2xx (last.http_status, last.error_code/message);
 *   a decode status when the response breaks a documented rule (last.diag has the path).
 * out may be NULL to skip decoding (last.body still holds the raw body).
 */

/** @brief E1 `GET /campaigns/{campaignId}`: legacy campaign object.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them);
 *          CAMP_ERR_INVALID (diag path `$.id`) when the campaign returned is not
 *          the one asked for (checked when @p out is given)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_get_campaign(camp_client_t *c,
                                                            const char *campaign_id,
                                                            camp_inbox_campaign_t *out);
/** @brief E2 `POST /campaigns/v2/{campaignId}/enable` with `{}`: v2 campaign object.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them);
 *          CAMP_ERR_INVALID (diag path `$.id`) when the campaign returned is not
 *          the one asked for (checked when @p out is given)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_enable_campaign(camp_client_t *c,
                                                               const char *campaign_id,
                                                               camp_inbox_campaign_t *out);
/** @brief E3 pause (route CAMP_ROUTE_PAUSE) with `{}`: legacy campaign object.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them);
 *          CAMP_ERR_INVALID (diag path `$.id`) when the campaign returned is not
 *          the one asked for (checked when @p out is given)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_pause_campaign(camp_client_t *c,
                                                              const char *campaign_id,
                                                              camp_inbox_campaign_t *out);
/** @brief E4 create (route CAMP_ROUTE_CREATE): v2 campaign object.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_create_campaign(
    camp_client_t *c, const camp_inbox_campaign_create_t *body, camp_inbox_campaign_t *out);
/** @brief E5 `PUT .../sequence`: `{version, steps}`.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_update_sequence(camp_client_t *c,
                                                               const char *campaign_id,
                                                               const camp_inbox_sequence_t *body,
                                                               camp_inbox_sequence_t *out);
/** @brief E6 `PATCH .../rules`: `{success}`.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_update_lead_rules(
    camp_client_t *c, const char *campaign_id, const camp_inbox_rules_update_t *body,
    camp_inbox_success_t *out);
/** @brief E7 `POST .../leads`: counts.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_add_leads(camp_client_t *c, const char *campaign_id,
                                                         const camp_inbox_leads_add_t *body,
                                                         camp_inbox_leads_add_result_t *out);
/**
 * @brief E8 `PATCH .../leads/{identifier}`. The `{prospect}` response has no
 * model: it is checked as JSON and left raw in c->last.body.
 * @param[in,out] c the client; c->last has the details afterwards
 * @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 * @param[in] identifier lead identifier (percent-encoded into the path)
 * @param[in] body request body, validated before anything is sent
 * @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_update_lead(camp_client_t *c,
                                                           const char *campaign_id,
                                                           const char *identifier,
                                                           const camp_inbox_lead_update_t *body);
/** @brief E9 `POST .../leads/{identifier}/cancel`: `{success}`.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[in] identifier lead identifier (percent-encoded into the path)
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_cancel_lead(camp_client_t *c,
                                                           const char *campaign_id,
                                                           const char *identifier,
                                                           const camp_inbox_lead_cancel_t *body,
                                                           camp_inbox_success_t *out);
/** @brief E10 `PATCH .../columns/{columnId}`: column object.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] campaign_id campaign ID (`^[0-9a-z]+$`)
 *  @param[in] column_id column ID
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_update_column(camp_client_t *c,
                                                             const char *campaign_id,
                                                             const char *column_id,
                                                             const camp_inbox_column_update_t *body,
                                                             camp_inbox_column_t *out);

/** @brief T1 `GET /team`: the team the token belongs to (the documented token check).
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; CAMP_ERR_ARG (no client, work buffer, tokens or transport);
 *          CAMP_ERR_BUFFER_TOO_SMALL; transport, TLS, proxy and HTTP statuses;
 *          CAMP_ERR_API_UNAUTHORIZED (401: missing, invalid or revoked token),
 *          CAMP_ERR_API_FORBIDDEN and the other CAMP_ERR_API_* (non-2xx);
 *          a decode status when the team breaks a documented rule (diag path `$.…`)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_get_team(camp_client_t *c, camp_inbox_team_t *out);

/** Largest `limit` of one events page (spec §8.5). */
#define CAMP_CLIENT_EVENTS_LIMIT_MAX 1000u
/** Largest `afterSeq` (2^53-1, spec §8.5). */
#define CAMP_CLIENT_EVENTS_SEQ_MAX INT64_C(9007199254740991)

/**
 * @brief V1 `GET /events?afterSeq=&limit=`: one page of the event replay feed.
 *
 * The page's envelope (`hasMore`, `lastSeq`, the event count) is decoded; its
 * events stay in the tokenized response and are decoded one by one with
 * camp_inbox_events_next(camp_client_last_doc(c), page, &ev, &done, diag), until
 * the client's next call. camp_client_feed_next() does all of this for you.
 * @param[in,out] c the client; c->last has the details afterwards
 * @param[in] after_seq return events after this seq, 0..2^53-1; negative: from the
 *            beginning (no `afterSeq` sent)
 * @param[in] limit events per page, 1..1000; 0: the server's default (100), not sent
 * @param[out] page the page envelope, ready for camp_inbox_events_next(); NULL skips decoding
 * @return CAMP_OK; CAMP_ERR_RANGE (nothing sent; diag path `query.afterSeq` above
 *         2^53-1, or `query.limit` above 1000, with the limits in diag);
 *         CAMP_ERR_ARG (no client, work buffer, tokens or transport); CAMP_ERR_BUFFER_TOO_SMALL;
 *         transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *         CAMP_ERR_JSON_* (not JSON, or more tokens than the client's array:
 *         diag.needed); CAMP_ERR_REQUIRED, CAMP_ERR_TYPE, CAMP_ERR_RANGE,
 *         CAMP_ERR_CAPACITY for an envelope that breaks §8.5 (diag path `$.…`)
 */
CAMP_NODISCARD camp_status_t camp_client_inbox_list_events(camp_client_t *c, int64_t after_seq,
                                                           unsigned limit,
                                                           camp_inbox_events_page_t *page);

/**
 * @brief The tokenized document of the last response, for decoding what a call
 * left in it (the events of camp_client_inbox_list_events()).
 * @param[in] c the client.
 * @return the document, valid until the client's next call; NULL when @p c is
 *         NULL or the last call left no document (it failed, or its response
 *         is decoded another way).
 */
camp_json_doc_t *camp_client_last_doc(camp_client_t *c);

/**
 * A reader of the event feed in caller memory (spec §8.5), for a device that
 * cannot receive webhooks. It starts after a stored `lastSeq` (or from the
 * beginning), follows `lastSeq` as `afterSeq` while `hasMore`, hands out each
 * `campaign.*` / `target.*` event decoded (v1.0 or API v2 envelope), skips the
 * other types without error, and reports a jump in `seq`.
 *
 * Each camp_client_feed_next() makes at most one request: it never loops on the
 * network. The events it hands out point into the client's work buffer: they stay
 * valid until the client's next call. The client may be used for other calls
 * between two camp_client_feed_next(): the reader then fetches its page again
 * from last_seq.
 */
typedef struct camp_client_feed {
    camp_client_t *client;         /**< the client that makes the requests */
    int64_t last_seq;              /**< the seq of the last event handed out or skipped (or, once a
                                page is used up, the page's `lastSeq` when larger); -1 none yet.
                                Persist it to resume after a restart. */
    unsigned limit;                /**< page size asked for, 1..1000 (0: the server's default) */
    camp_inbox_events_page_t page; /**< the page being read */
    bool have_page;                /**< a page is loaded */
    bool gap;                      /**< set by camp_client_feed_next() when the event it returns (or
                                skipped on the way) does not follow last_seq by 1;
                                gap_from..gap_to are the missing seqs */
    int64_t gap_from;              /**< first missing seq (when gap is set) */
    int64_t gap_to;      /**< last missing seq (when gap is set); with several jumps in one
                                call, the range spans all of them and gap_count counts them */
    int64_t gap_count;   /**< seqs missing in this call (when gap is set) */
    bool more;           /**< with *done true: the server has more (`hasMore`) but this
                                call already made its one request, on a page of skipped
                                events only: call again at once */
    bool stalled;        /**< with *done true: the server claimed `hasMore` but the page
                                moved nothing forward (no new event, no larger `lastSeq`):
                                treated as the end for this call; poll again later */
    int64_t bad_seq;     /**< after a malformed event: its `seq` when readable, else -1.
                                The reader retries from last_seq; to skip that event for
                                good, set last_seq = bad_seq */
    int64_t page_after_; /**< private: afterSeq the page was asked with */
    uint32_t serial_;    /**< private: the client call that fetched the page */
} camp_client_feed_t;

/**
 * @brief Start a feed reader.
 * @param[out] f        the reader to fill.
 * @param[in]  c        the client it reads with (kept by pointer).
 * @param[in]  last_seq a stored `lastSeq` to resume after, or -1 to start from the
 *                      beginning of the feed (the 7 days the server keeps).
 * @param[in]  limit    page size, 1..1000, or 0 for the server's default (100);
 *                      a larger value is refused by the first camp_client_feed_next().
 */
void camp_client_feed_init(camp_client_feed_t *f, camp_client_t *c, int64_t last_seq,
                           unsigned limit);

/**
 * @brief The next `campaign.*` or `target.*` event of the feed.
 *
 * Reads the loaded page; when it is used up and the server has more (or no page is
 * loaded), fetches the page after last_seq, at most once per call. Events of other
 * types are skipped; last_seq follows every event handed out or skipped. An event
 * whose seq is not above last_seq (a repeat) is skipped without moving last_seq.
 * @param[in,out] f    the reader; gap, more, stalled and bad_seq describe this call.
 * @param[out]    ev   the event (views into the client's work buffer, valid until its
 *                     next call); unspecified unless CAMP_OK with *done false.
 * @param[out]    done true when nothing is handed out: the feed is read to its end
 *                     (`hasMore` false and the page used up; poll again later), or
 *                     f->more (call again at once) or f->stalled (treated as the end);
 *                     false on an error.
 * @return CAMP_OK (*done false and *ev filled, or *done true); CAMP_ERR_ARG (NULL
 *         argument, or a reader without a client); any status of
 *         camp_client_inbox_list_events() (the request failed: c->last has the
 *         details; calling again retries from last_seq); a decode status of
 *         camp_inbox_events_next() for a malformed event (diag path `$.events[i]…`,
 *         f->bad_seq its seq; calling again retries from last_seq).
 */
CAMP_NODISCARD camp_status_t camp_client_feed_next(camp_client_feed_t *f, camp_inbox_webhook_t *ev,
                                                   bool *done);

/** @brief O1 `POST /email/campaigns/`: email campaign object (201).
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_outbox_create_campaign(
    camp_client_t *c, const camp_outbox_campaign_create_t *body, camp_outbox_campaign_t *out);
/** @brief O2 `POST /email/senders/`: sender identity.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] body request body, validated before anything is sent
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_outbox_create_sender(
    camp_client_t *c, const camp_outbox_sender_create_t *body, camp_outbox_sender_t *out);

/** Query of the contacts page (O3). */
typedef struct camp_client_contacts_query {
    int64_t page;               /**< 1.., 0 = omitted (server default 1) */
    const char *sort_by;        /**< "last_activity" | "created_at" | NULL */
    const char *sort_direction; /**< "asc" | "desc" | NULL */
    const char *const *tags;    /**< tag filters, sent as repeated `tags=` */
    size_t tag_count;           /**< entries in tags */
} camp_client_contacts_query_t;

/** @brief O3 `GET /contacts/list`: one page of 20 contacts. @p query may be NULL.
 *  @param[in,out] c the client; c->last has the details afterwards
 *  @param[in] query page, sort and tag filters; NULL for the defaults
 *  @param[out] out decoded response (views into the work buffer); NULL skips decoding
 *  @return CAMP_OK; a validation status (nothing sent); CAMP_ERR_BUFFER_TOO_SMALL;
 *          transport, TLS, proxy and HTTP statuses; CAMP_ERR_API_* (non-2xx);
 *          a decode status (the endpoint-call notes in camp_client.h list them)
 */
CAMP_NODISCARD camp_status_t camp_client_outbox_list_contacts(
    camp_client_t *c, const camp_client_contacts_query_t *query, camp_outbox_contacts_page_t *out);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_CLIENT_H */
