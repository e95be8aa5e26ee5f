/* campctl online commands: talk to InboxApp / Outbox through libcamp's client.
 *
 *   campctl [--base-url URL] [--ca-file PEM] [--timeout-ms N] [--json]
 *           [--token-file F] [--retries N] [--proxy URL] COMMAND ...
 *
 * http:// URLs use the POSIX port (local servers, tests); https:// the mbedTLS
 * port. Both connect through the client's open_until / set_deadline hooks, so
 * --timeout-ms is one deadline for the whole request (connect, proxy tunnel,
 * TLS handshake, exchange), and both tunnel through an HTTP proxy (--proxy, or
 * https_proxy / http_proxy and no_proxy). The token comes from CAMP_TOKEN or
 * --token-file, never from argv, and is never printed. A failure is one line on
 * stderr (and the JSON error with --json); the exit code tells its kind
 * (campctl.h). Every text from the server is printed through term.h. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "campctl.h"
#include "mbedtls/camp_mbedtls_tls.h"
#include "posix/camp_posix.h"
#include "posix/camp_proxy.h"

#define WORK_SIZE (256u * 1024u)
#define TOKEN_COUNT 16384u
#define DEFAULT_CA_FILE "/etc/ssl/certs/ca-certificates.crt"

typedef struct endpoint {
    bool tls;
    char host[256];
    uint16_t port;
    char base[256];
} endpoint_t;

/* Connection state behind the client's open/close hooks. */
typedef struct conn {
    bool tls;
    camp_posix_t net;
    camp_mbedtls_tls_t *tls_ctx;
    char reason[200];
} conn_t;

static bool parse_u32(const char *s, uint32_t *out)
{
    uint64_t v = 0;
    size_t i;
    size_t n = strlen(s);
    if (n == 0 || n > 9) {
        return false;
    }
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10u + (uint64_t)(s[i] - '0');
    }
    *out = (uint32_t)v;
    return true;
}

static int usage(const char *cmd, const char *what)
{
    campctl_command_usage(cmd, stderr);
    return campctl_usage_error("%s: %s", cmd, what);
}

/* scheme://host[:port][/base] ; IPv6 as [addr]. */
static bool parse_url(const char *url, endpoint_t *ep)
{
    const char *p;
    const char *host_end;
    const char *path;
    size_t hl;
    memset(ep, 0, sizeof *ep);
    if (strncmp(url, "https://", 8) == 0) {
        ep->tls = true;
        ep->port = 443;
        p = url + 8;
    } else if (strncmp(url, "http://", 7) == 0) {
        ep->tls = false;
        ep->port = 80;
        p = url + 7;
    } else {
        return false;
    }
    path = strchr(p, '/');
    if (path == NULL) {
        path = p + strlen(p);
    }
    if (*p == '[') {
        const char *close = memchr(p, ']', (size_t)(path - p));
        if (close == NULL) {
            return false;
        }
        hl = (size_t)(close - p - 1);
        if (hl == 0 || hl >= sizeof ep->host) {
            return false;
        }
        memcpy(ep->host, p + 1, hl);
        host_end = close + 1;
    } else {
        host_end = memchr(p, ':', (size_t)(path - p));
        if (host_end == NULL) {
            host_end = path;
        }
        hl = (size_t)(host_end - p);
        if (hl == 0 || hl >= sizeof ep->host) {
            return false;
        }
        memcpy(ep->host, p, hl);
    }
    if (host_end < path) {
        char digits[8];
        uint32_t port;
        size_t n = (size_t)(path - host_end - 1);
        if (*host_end != ':' || n == 0 || n >= sizeof digits) {
            return false;
        }
        memcpy(digits, host_end + 1, n);
        digits[n] = '\0';
        if (!parse_u32(digits, &port) || port == 0 || port > 65535u) {
            return false;
        }
        ep->port = (uint16_t)port;
    }
    if (strlen(path) >= sizeof ep->base) {
        return false;
    }
    strcpy(ep->base, path);
    /* "/api/v1/" and "/api/v1" mean the same base */
    while (strlen(ep->base) > 0 && ep->base[strlen(ep->base) - 1] == '/') {
        ep->base[strlen(ep->base) - 1] = '\0';
    }
    return true;
}

/* The token: the whole of --token-file (one trailing line end and blanks
 * dropped) or CAMP_TOKEN. Refused, never cut, when longer than
 * CAMPCTL_SECRET_MAX; refused when it holds a control character (a second
 * line, say), which could not go into a header anyway. Never echoed. */
static int read_token(char *out, size_t cap)
{
    const char *env = getenv("CAMP_TOKEN");
    size_t n, i;
    if (campctl_opt.token_file != NULL) {
        char *data = NULL;
        int rc = campctl_read_file_max(campctl_opt.token_file, CAMPCTL_SECRET_MAX, "token file",
                                       &data, &n);
        if (rc != CAMPCTL_OK) {
            return rc;
        }
        while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r' || data[n - 1] == ' ' ||
                         data[n - 1] == '\t')) {
            n--;
        }
        if (n >= cap || n > CAMPCTL_SECRET_MAX) {
            memset(data, 0, n);
            free(data);
            return campctl_io_error("the token in %s is longer than %u bytes (refused, not cut)",
                                    campctl_opt.token_file, CAMPCTL_SECRET_MAX);
        }
        memcpy(out, data, n);
        out[n] = '\0';
        memset(data, 0, n);
        free(data);
    } else if (env != NULL) {
        n = strlen(env);
        if (n >= cap || n > CAMPCTL_SECRET_MAX) {
            return campctl_usage_error("CAMP_TOKEN is longer than %u bytes (refused, not cut)",
                                       CAMPCTL_SECRET_MAX);
        }
        memcpy(out, env, n + 1u);
    } else {
        return campctl_usage_error("no token: set CAMP_TOKEN or use --token-file F");
    }
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) {
        out[--n] = '\0';
    }
    if (n == 0) {
        return campctl_usage_error("the token is empty");
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c < 0x20u || c == 0x7fu) {
            memset(out, 0, n);
            return campctl_usage_error("the token holds a control character at byte %lu (one "
                                       "line only)",
                                       (unsigned long)i);
        }
    }
    return CAMPCTL_OK;
}

/* The client's connection hooks: one deadline (an instant of the transport's
 * clock) bounds connect, the proxy tunnel and the TLS handshake; set_deadline
 * then bounds every send/recv of the exchange: --timeout-ms is the whole request. */
static camp_status_t conn_open_until(void *ctx, const char *host, uint16_t port,
                                     uint64_t deadline_ms)
{
    conn_t *c = (conn_t *)ctx;
    camp_status_t st;
    int proxy_status;
    c->reason[0] = '\0';
    if (c->tls) {
        st = camp_mbedtls_tls_open_until(c->tls_ctx, host, port, deadline_ms);
        proxy_status = camp_mbedtls_tls_proxy_status(c->tls_ctx);
        if (st != CAMP_OK && st != CAMP_ERR_PROXY) {
            snprintf(c->reason, sizeof c->reason, "%s", camp_mbedtls_tls_reason(c->tls_ctx));
        }
    } else {
        st = camp_posix_open_until(&c->net, host, port, deadline_ms);
        proxy_status = c->net.proxy_status;
        if (st != CAMP_OK && st != CAMP_ERR_PROXY && c->net.last_error != 0) {
            snprintf(c->reason, sizeof c->reason, "%s", strerror(c->net.last_error));
        }
    }
    if (st == CAMP_ERR_PROXY) {
        if (proxy_status != 0) {
            snprintf(c->reason, sizeof c->reason, "the proxy answered HTTP %d to CONNECT%s",
                     proxy_status, proxy_status == 407 ? " (proxy authentication required)" : "");
        } else {
            snprintf(c->reason, sizeof c->reason, "the proxy's answer to CONNECT is not HTTP");
        }
    }
    return st;
}

static void conn_set_deadline(void *ctx, uint64_t deadline_ms)
{
    conn_t *c = (conn_t *)ctx;
    if (c->tls) {
        camp_mbedtls_tls_set_deadline(c->tls_ctx, deadline_ms);
    } else {
        camp_posix_set_deadline(&c->net, deadline_ms);
    }
}

static void conn_close(void *ctx)
{
    conn_t *c = (conn_t *)ctx;
    if (c->tls) {
        camp_mbedtls_tls_close_cb(c->tls_ctx);
    } else {
        camp_posix_close_cb(&c->net);
    }
}

/* A proxy URL for messages: the user:password part never printed. */
static void redact_url(const char *url, char *out, size_t cap)
{
    const char *at = strrchr(url, '@');
    const char *scheme = strstr(url, "://");
    const char *start = scheme != NULL ? scheme + 3 : url;
    if (at != NULL && at >= start) {
        snprintf(out, cap, "%.*s***@%s", (int)(start - url), url, at + 1);
    } else {
        snprintf(out, cap, "%s", url);
    }
}

/* The proxy for host: --proxy URL ("" = none), else the environment. Returns 0
 * with *use set, or the usage error (exit 2) naming the URL and the rule. */
static int setup_proxy(const char *host, bool tls, camp_proxy_t *proxy, char *buf, size_t cap,
                       bool *use)
{
    static const char rules[] = "want http://[user[:password]@]host[:port]";
    char shown[300];
    camp_status_t st;
    *use = false;
    if (campctl_opt.proxy != NULL) {
        if (campctl_opt.proxy[0] == '\0') {
            return CAMPCTL_OK;
        }
        st = camp_proxy_parse(campctl_opt.proxy, proxy, buf, cap);
        if (st != CAMP_OK) {
            redact_url(campctl_opt.proxy, shown, sizeof shown);
            return campctl_usage_error("--proxy %s: %s (%s)", shown,
                                       st == CAMP_ERR_UNSUPPORTED
                                           ? "only http:// proxies are supported (no https://, "
                                             "no socks)"
                                           : "not a usable proxy URL",
                                       rules);
        }
        *use = true;
        return CAMPCTL_OK;
    }
    st = camp_proxy_from_env(host, tls, proxy, buf, cap, use);
    if (st != CAMP_OK) {
        const char *name = tls ? "https_proxy" : "http_proxy";
        const char *v = getenv(name);
        if (v == NULL && tls) {
            name = "HTTPS_PROXY";
            v = getenv(name);
        }
        redact_url(v != NULL ? v : "", shown, sizeof shown);
        return campctl_usage_error("the environment variable %s=%s: %s (%s; --proxy '' "
                                   "ignores it)",
                                   name, shown,
                                   st == CAMP_ERR_UNSUPPORTED ? "only http:// proxies are supported"
                                                              : "not a usable proxy URL",
                                   rules);
    }
    return CAMPCTL_OK;
}

static void put_api(FILE *out, camp_str_t s)
{
    term_text(out, s.ptr, s.len);
}

/* One line for a failed call: HTTP status and the API's message, or what broke;
 * with --json also the error object. Returns the exit code for its kind. */
static int report_failure(const camp_client_t *cl, const conn_t *cn, camp_status_t st)
{
    const camp_client_result_t *r = &cl->last;
    int rc = campctl_exit_code(st, r->http_status);
    campctl_err_t e;
    if (r->http_status != 0 && st >= CAMP_ERR_API_BAD_REQUEST) {
        fprintf(stderr, "campctl: HTTP %d", r->http_status);
        if (r->error_message.ptr != NULL) {
            fputs(": ", stderr);
            put_api(stderr, r->error_message);
        } else {
            fprintf(stderr, ": %s", camp_status_str(st));
        }
        if (r->error_code.ptr != NULL) {
            fputs(" (", stderr);
            put_api(stderr, r->error_code);
            fputc(')', stderr);
        }
        if (st == CAMP_ERR_API_RATE_LIMITED && r->retry_after_ms >= 0) {
            fprintf(stderr, " [retry after %lld s]", (long long)(r->retry_after_ms / 1000));
        }
    } else if (st == CAMP_ERR_HTTP_REDIRECT) {
        fprintf(stderr, "campctl: HTTP %d redirect to ", r->http_status);
        term_cstr(stderr, r->location != NULL ? r->location : "(no Location)");
        fputs(" (not followed)", stderr);
    } else if (r->http_status != 0) {
        fprintf(stderr, "campctl: HTTP %d: response rejected: ", r->http_status);
        campctl_print_diag_inline(stderr, &r->diag);
    } else {
        fprintf(stderr, "campctl: %s: ", camp_status_str(st));
        campctl_print_diag_inline(stderr, &r->diag);
        if (cn->reason[0] != '\0') {
            fputs(": ", stderr);
            term_cstr(stderr, cn->reason);
        }
    }
    if (r->request_id.ptr != NULL) {
        fputs(" [request id ", stderr);
        put_api(stderr, r->request_id);
        fputc(']', stderr);
    }
    fputc('\n', stderr);
    memset(&e, 0, sizeof e);
    e.status = st;
    e.result = r;
    /* for an API refusal the diagnostic only repeats the HTTP status */
    e.diag = (st >= CAMP_ERR_API_BAD_REQUEST && st <= CAMP_ERR_API_OTHER) ? NULL : &r->diag;
    e.detail = cn->reason;
    return campctl_error_json(&e, rc);
}

/* ---- output ------------------------------------------------------------------------- */

static void print_str(const char *label, camp_str_t s)
{
    if (s.ptr != NULL) {
        printf("%s: ", label);
        term_text(stdout, s.ptr, s.len);
        putchar('\n');
    }
}

/* A fraction in millionths as a percentage with one decimal, rounded half up. */
static void print_rate(uint32_t millionths, const char *label, bool *first)
{
    uint32_t tenths = (millionths + 500u) / 1000u; /* tenths of a percent */
    printf("%s%s %u.%01u%%", *first ? "" : ", ", label, tenths / 10u, tenths % 10u);
    *first = false;
}

/* "window now: open" or "closed, next opens <RFC 3339 UTC>", from the
 * campaign's own zone (compiled table) and scheduleHours, at @p now. */
static void print_window_now(const camp_inbox_campaign_t *c, int64_t now)
{
    camp_tz_t tz;
    bool open = false, found = false;
    int64_t next = 0;
    char when[40];
    if (c->schedule_timezone.ptr == NULL ||
        camp_tz_find(c->schedule_timezone.ptr, c->schedule_timezone.len, &tz) != CAMP_OK) {
        printf("window now: unknown (no usable time zone)\n");
        return;
    }
    if (camp_schedule_is_open(&tz, &c->schedule_hours, now, &open) != CAMP_OK) {
        printf("window now: unknown (schedule not usable)\n");
        return;
    }
    if (open) {
        printf("window now: open\n");
        return;
    }
    if (camp_schedule_next_open(&tz, &c->schedule_hours, now, &found, &next) != CAMP_OK || !found ||
        camp_datetime_format(next, 0, true, when, sizeof when) == 0) {
        printf("window now: closed, next-open: never (nothing opens within 8 days)\n");
        return;
    }
    printf("window now: closed, next opens %s\n", when);
}

static void print_campaign(const camp_inbox_campaign_t *c)
{
    static const char *const names[] = {"", "draft", "active", "paused", "completed"};
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    bool first = true;
    int d;
    bool any = false;
    print_str("name", c->base.name);
    print_str("id", c->base.id);
    printf("status: %s%s\n", c->base.status <= 4 ? names[c->base.status] : "?",
           c->base.status == 0 ? "(not given)" : "");
    if ((c->present & CAMP_INBOX_CAMPAIGN_HAS_ENABLED) != 0u) {
        printf("enabled: %s\n", c->enabled ? "yes" : "no");
    }
    printf("counts: targets %lld, contacted %lld, replies %lld\n", (long long)c->base.targets_count,
           (long long)c->base.contacted_count, (long long)c->base.replies_count);
    printf("rates: ");
    print_rate(c->base.completion_rate, "completion", &first);
    print_rate(c->base.reply_rate, "reply", &first);
    if ((c->present & CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE) != 0u) {
        printf(", %u messages/hour per account", (unsigned)c->hourly_message_rate);
    }
    printf("\n");
    printf("window:");
    if (c->schedule_timezone.ptr != NULL) {
        putchar(' ');
        term_text(stdout, c->schedule_timezone.ptr, c->schedule_timezone.len);
    }
    bool sep = c->schedule_timezone.ptr != NULL;
    for (d = 0; d < 7; d++) {
        const camp_day_window_t *w = &c->schedule_hours.day[d];
        if (w->has_window) {
            printf("%s %s %02u:%02u-%02u:%02u", (any || sep) ? "," : "", days[d], w->start / 60u,
                   w->start % 60u, w->end / 60u, w->end % 60u);
            any = true;
        }
    }
    printf("%s\n", any ? "" : " (no sending days)");
    print_window_now(c, (int64_t)time(NULL));
}

/* --json: re-encode the decoded object. Strict encoding can refuse what tolerant
 * decoding accepted (e.g. the legacy hourly rate 1..60 vs 1..25, D1): returns 1
 * then, after a note on stderr, and the caller prints its summary as JSON. */
static int print_json(camp_inbox_type_t type, const void *obj)
{
    static char out[WORK_SIZE];
    size_t len = 0;
    camp_diag_t diag;
    if (camp_inbox_encode(type, obj, out, sizeof out, &len, &diag) != CAMP_OK) {
        fputs("campctl: note: cannot re-encode with the strict rules (", stderr);
        campctl_print_diag_inline(stderr, &diag);
        fputs("); printing a summary\n", stderr);
        return 1;
    }
    term_json_raw(stdout, out, len); /* DEL, C1 and bidi controls as \uXXXX: same value */
    fputc('\n', stdout);
    return 0;
}

static void cj_api(campctl_json_t *j, const char *key, camp_str_t s)
{
    if (s.ptr != NULL) {
        cj_str(j, key, s.ptr, s.len);
    }
}

/* One member of a --json summary: key and API text (absent when ptr is NULL). */
typedef struct api_field {
    const char *key;
    camp_str_t value;
} api_field_t;

/* --json output of a decoded object: its strict re-encoding, or, when that is
 * refused, a summary object of @p n text members marked "summary": true. */
static void json_or_summary(camp_inbox_type_t type, const void *obj, const api_field_t *fields,
                            size_t n)
{
    campctl_json_t j;
    size_t i;
    if (print_json(type, obj) == 0) {
        return;
    }
    cj_begin(&j, stdout);
    for (i = 0; i < n; i++) {
        cj_api(&j, fields[i].key, fields[i].value);
    }
    cj_bool(&j, "summary", true);
    cj_end(&j);
}

/* The summary of a campaign as JSON (when strict re-encoding refused it). */
static void campaign_json(const camp_inbox_campaign_t *c)
{
    static const char *const names[] = {NULL, "draft", "active", "paused", "completed"};
    campctl_json_t j;
    cj_begin(&j, stdout);
    cj_api(&j, "id", c->base.id);
    cj_api(&j, "name", c->base.name);
    cj_cstr(&j, "status", c->base.status <= 4 ? names[c->base.status] : NULL);
    cj_int(&j, "targetsCount", (long long)c->base.targets_count);
    cj_int(&j, "contactedCount", (long long)c->base.contacted_count);
    cj_int(&j, "repliesCount", (long long)c->base.replies_count);
    cj_api(&j, "scheduleTimezone", c->schedule_timezone);
    cj_bool(&j, "summary", true);
    cj_end(&j);
}

/* ---- commands ------------------------------------------------------------------------- */

typedef struct ctx {
    camp_client_t client;
    conn_t conn;
} ctx_t;

static int finish_campaign(ctx_t *x, camp_status_t st, const camp_inbox_campaign_t *c)
{
    if (st != CAMP_OK) {
        return report_failure(&x->client, &x->conn, st);
    }
    if (!campctl_opt.json) {
        print_campaign(c);
    } else if (print_json(CAMP_INBOX_CAMPAIGN, c) != 0) {
        campaign_json(c);
    }
    return CAMPCTL_OK;
}

/* Read FILE and decode it as an inbox request body of @p type into @p obj.
 * The file buffer is kept (obj points into it). */
static int load_inbox_body(const char *path, camp_inbox_type_t type, void *obj, size_t size,
                           char **data, camp_json_token_t **toks)
{
    size_t len;
    camp_json_doc_t doc;
    camp_diag_t diag;
    camp_status_t st;
    int rc = campctl_read_file(path, data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    st = campctl_parse(&doc, *data, len, toks, &diag);
    if (st == CAMP_OK) {
        st = camp_inbox_decode(type, &doc, 0, obj, size, &diag);
    }
    if (st != CAMP_OK) {
        return campctl_refused_doc(path, &diag, stderr);
    }
    return CAMPCTL_OK;
}

static int cmd_create(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_campaign_create_t body;
    static camp_inbox_campaign_t out;
    int i;
    memset(&body, 0, sizeof body);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc) {
            return usage("create", "every option of create takes a value");
        }
        if (strcmp(a, "--name") == 0) {
            body.name.ptr = argv[++i];
            body.name.len = strlen(body.name.ptr);
        } else if (strcmp(a, "--account") == 0) {
            if (body.account_count >= CAMP_MAX_ACCOUNTS) {
                return campctl_usage_error("at most %d --account", CAMP_MAX_ACCOUNTS);
            }
            body.account_link_ids[body.account_count].ptr = argv[++i];
            body.account_link_ids[body.account_count].len = strlen(argv[i]);
            body.account_count++;
        } else if (strcmp(a, "--timezone") == 0) {
            body.schedule_timezone.ptr = argv[++i];
            body.schedule_timezone.len = strlen(body.schedule_timezone.ptr);
        } else {
            return usage("create", "unknown option");
        }
    }
    if (body.name.ptr == NULL || body.account_count == 0) {
        return usage("create", "needs --name and at least one --account");
    }
    return finish_campaign(x, camp_client_inbox_create_campaign(&x->client, &body, &out), &out);
}

static int cmd_with_file(ctx_t *x, const char *cmd, const char *id, const char *path)
{
    static camp_inbox_sequence_t seq;
    static camp_inbox_sequence_t seq_out;
    static camp_inbox_rules_update_t rules;
    static camp_inbox_leads_add_t leads;
    char *data = NULL;
    camp_json_token_t *toks = NULL;
    camp_status_t st;
    int rc;
    if (strcmp(cmd, "sequence-set") == 0) {
        rc = load_inbox_body(path, CAMP_INBOX_SEQUENCE_UPDATE, &seq, sizeof seq, &data, &toks);
        if (rc == CAMPCTL_OK) {
            st = camp_client_inbox_update_sequence(&x->client, id, &seq, &seq_out);
            if (st != CAMP_OK) {
                rc = report_failure(&x->client, &x->conn, st);
            } else if (!campctl_opt.json) {
                printf("sequence version: %lld\nsteps: %u\n", (long long)seq_out.version,
                       (unsigned)seq_out.step_count);
            } else if (print_json(CAMP_INBOX_SEQUENCE, &seq_out) != 0) {
                campctl_json_t j;
                cj_begin(&j, stdout);
                cj_int(&j, "version", (long long)seq_out.version);
                cj_int(&j, "stepCount", (long long)seq_out.step_count);
                cj_bool(&j, "summary", true);
                cj_end(&j);
            }
        }
    } else if (strcmp(cmd, "rules-set") == 0) {
        camp_inbox_success_t ok;
        rc = load_inbox_body(path, CAMP_INBOX_RULES_UPDATE, &rules, sizeof rules, &data, &toks);
        if (rc == CAMPCTL_OK) {
            st = camp_client_inbox_update_lead_rules(&x->client, id, &rules, &ok);
            if (st != CAMP_OK) {
                rc = report_failure(&x->client, &x->conn, st);
            } else if (campctl_opt.json) {
                const api_field_t f[] = {{"success", ok.value}};
                json_or_summary(CAMP_INBOX_SUCCESS, &ok, f, 1);
            } else {
                printf("success: ");
                term_text(stdout, ok.value.ptr, ok.value.len);
                putchar('\n');
            }
        }
    } else {
        camp_inbox_leads_add_result_t res;
        rc = load_inbox_body(path, CAMP_INBOX_LEADS_ADD, &leads, sizeof leads, &data, &toks);
        if (rc == CAMPCTL_OK) {
            st = camp_client_inbox_add_leads(&x->client, id, &leads, &res);
            if (st != CAMP_OK) {
                rc = report_failure(&x->client, &x->conn, st);
            } else if (campctl_opt.json && print_json(CAMP_INBOX_LEADS_ADD_RESULT, &res) != 0) {
                campctl_json_t j;
                cj_begin(&j, stdout);
                cj_int(&j, "added", (long long)res.added);
                cj_int(&j, "skipped", (long long)res.skipped);
                cj_int(&j, "failed", (long long)res.failed);
                cj_bool(&j, "summary", true);
                cj_end(&j);
            } else if (!campctl_opt.json) {
                printf("added: %lld\nskipped: %lld\nfailed: %lld\n", (long long)res.added,
                       (long long)res.skipped, (long long)res.failed);
            }
        }
    }
    free(toks);
    free(data);
    return rc;
}

static int cmd_outbox_create(ctx_t *x, const char *path)
{
    static camp_outbox_campaign_create_t body;
    static camp_outbox_campaign_t out;
    static char json[WORK_SIZE];
    char *data = NULL;
    camp_json_token_t *toks = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    size_t len;
    camp_status_t st;
    int rc = campctl_read_file(path, &data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    st = campctl_parse(&doc, data, len, &toks, &diag);
    if (st == CAMP_OK) {
        st = camp_outbox_campaign_create_decode(&doc, 0, &body, &diag);
    }
    if (st != CAMP_OK) {
        rc = campctl_refused_doc(path, &diag, stderr);
    } else {
        st = camp_client_outbox_create_campaign(&x->client, &body, &out);
        if (st != CAMP_OK) {
            rc = report_failure(&x->client, &x->conn, st);
        } else if (campctl_opt.json &&
                   camp_outbox_campaign_encode(&out, json, sizeof json, &len, NULL) == CAMP_OK) {
            term_json_raw(stdout, json, len);
            fputc('\n', stdout);
        } else if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_api(&j, "id", out.id);
            cj_api(&j, "name", out.name);
            cj_cstr(&j, "status", camp_outbox_campaign_status_name(out.status));
            cj_bool(&j, "summary", true);
            cj_end(&j);
        } else {
            print_str("name", out.name);
            print_str("id", out.id);
            printf("status: %s\n", camp_outbox_campaign_status_name(out.status) != NULL
                                       ? camp_outbox_campaign_status_name(out.status)
                                       : "(not given)");
            printf("counts: sent %lld, unique opens %lld, unique clicks %lld, replies %lld\n",
                   (long long)out.sent_count, (long long)out.unique_opens,
                   (long long)out.unique_clicks, (long long)out.replies);
            printf("steps: %lu\n", (unsigned long)out.step_count);
            if (out.timezone.ptr != NULL) {
                print_str("window", out.timezone);
            }
        }
    }
    free(toks);
    free(data);
    return rc;
}

/* Read FILE and tokenize it (the file buffer and tokens are kept: decoded views
 * point into them). Prints the refusal and returns its exit code on failure. */
static int load_doc(const char *path, camp_json_doc_t *doc, char **data, camp_json_token_t **toks)
{
    size_t len;
    camp_diag_t diag;
    int rc = campctl_read_file(path, data, &len);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    if (campctl_parse(doc, *data, len, toks, &diag) != CAMP_OK) {
        return campctl_refused_doc(path, &diag, stderr);
    }
    return CAMPCTL_OK;
}

static bool enum_arg(const char *v, const char *const *names, size_t n, uint8_t *out)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (strcmp(v, names[i]) == 0) {
            *out = (uint8_t)(i + 1u); /* 0 is "absent" in the models */
            return true;
        }
    }
    return false;
}

static const char *const by_names[] = {"platformId", "username", "externalId"};
static const char *const platform_names[] = {"twitter"};

/* lead-update ID IDENTIFIER FILE: E8. The response's prospect is not decoded by
 * the client; the command says the update was accepted. */
static int cmd_lead_update(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_lead_update_t body;
    char *data = NULL;
    camp_json_token_t *toks = NULL;
    int rc;
    camp_status_t st;
    if (argc != 4) {
        return usage(argv[0], "takes a campaign ID, a lead identifier and a FILE");
    }
    rc = load_inbox_body(argv[3], CAMP_INBOX_LEAD_UPDATE, &body, sizeof body, &data, &toks);
    if (rc == CAMPCTL_OK) {
        st = camp_client_inbox_update_lead(&x->client, argv[1], argv[2], &body);
        if (st != CAMP_OK) {
            rc = report_failure(&x->client, &x->conn, st);
        } else if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_bool(&j, "updated", true);
            cj_cstr(&j, "campaignId", argv[1]);
            cj_cstr(&j, "identifier", argv[2]);
            cj_end(&j);
        } else {
            printf("updated: lead ");
            term_cstr(stdout, argv[2]);
            printf(" of campaign ");
            term_cstr(stdout, argv[1]);
            putchar('\n');
        }
    }
    free(toks);
    free(data);
    return rc;
}

/* lead-cancel ID IDENTIFIER [--by B] [--platform P]: E9. */
static int cmd_lead_cancel(ctx_t *x, int argc, char **argv)
{
    camp_inbox_lead_cancel_t body;
    camp_inbox_success_t ok;
    camp_status_t st;
    const char *id = NULL, *ident = NULL;
    int i;
    memset(&body, 0, sizeof body);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--by") == 0 || strcmp(a, "--platform") == 0) {
            const char *v = i + 1 < argc ? argv[++i] : NULL;
            bool by = strcmp(a, "--by") == 0;
            if (v == NULL) {
                return usage("lead-cancel", by ? "--by needs a value" : "--platform needs a value");
            }
            if (by ? !enum_arg(v, by_names, 3, &body.by)
                   : !enum_arg(v, platform_names, 1, &body.platform)) {
                return usage("lead-cancel", by ? "--by must be platformId, username or externalId"
                                               : "--platform must be twitter");
            }
        } else if (a[0] == '-' && a[1] == '-') {
            return usage("lead-cancel", "unknown option");
        } else if (id == NULL) {
            id = a;
        } else if (ident == NULL) {
            ident = a;
        } else {
            return usage("lead-cancel", "takes a campaign ID and one lead identifier");
        }
    }
    if (ident == NULL) {
        return usage("lead-cancel", "takes a campaign ID and a lead identifier");
    }
    st = camp_client_inbox_cancel_lead(&x->client, id, ident, &body, &ok);
    if (st != CAMP_OK) {
        return report_failure(&x->client, &x->conn, st);
    }
    if (campctl_opt.json) {
        /* the API's object, as rules-set */
        const api_field_t f[] = {{"success", ok.value}};
        json_or_summary(CAMP_INBOX_SUCCESS, &ok, f, 1);
    } else {
        printf("cancelled: lead ");
        term_cstr(stdout, ident);
        printf(" of campaign ");
        term_cstr(stdout, id);
        printf(" (success: ");
        term_text(stdout, ok.value.ptr, ok.value.len);
        printf(")\n");
    }
    return CAMPCTL_OK;
}

/* column-update ID COLUMN [--name N] [--description D | --no-description]: E10. */
static int cmd_column_update(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_column_update_t body;
    static camp_inbox_column_t out;
    camp_status_t st;
    const char *id = NULL, *col = NULL;
    int i;
    memset(&body, 0, sizeof body);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--name") == 0 || strcmp(a, "--description") == 0) {
            camp_str_t *dst = strcmp(a, "--name") == 0 ? &body.name : &body.description;
            if (i + 1 >= argc) {
                return usage("column-update", "--name and --description take a value");
            }
            dst->ptr = argv[++i];
            dst->len = strlen(dst->ptr);
            if (dst == &body.description) {
                body.present |= CAMP_INBOX_COLUMN_HAS_DESCRIPTION;
            }
        } else if (strcmp(a, "--no-description") == 0) {
            body.present |= CAMP_INBOX_COLUMN_HAS_DESCRIPTION;
            body.description.ptr = NULL; /* `null`: clears it */
            body.description.len = 0;
        } else if (a[0] == '-' && a[1] == '-') {
            return usage("column-update", "unknown option");
        } else if (id == NULL) {
            id = a;
        } else if (col == NULL) {
            col = a;
        } else {
            return usage("column-update", "takes a campaign ID and one column ID");
        }
    }
    if (col == NULL) {
        return usage("column-update", "takes a campaign ID and a column ID");
    }
    if (body.name.ptr == NULL && (body.present & CAMP_INBOX_COLUMN_HAS_DESCRIPTION) == 0u) {
        return usage("column-update", "give --name, --description or --no-description");
    }
    st = camp_client_inbox_update_column(&x->client, id, col, &body, &out);
    if (st != CAMP_OK) {
        return report_failure(&x->client, &x->conn, st);
    }
    if (campctl_opt.json) {
        const api_field_t f[] = {{"id", out.id}, {"name", out.name}};
        json_or_summary(CAMP_INBOX_COLUMN, &out, f, 2);
        return CAMPCTL_OK;
    }
    print_str("id", out.id);
    print_str("name", out.name);
    if (out.description.ptr != NULL) {
        print_str("description", out.description);
    } else {
        printf("description: (none)\n");
    }
    if (out.type.ptr != NULL) {
        print_str("type", out.type);
    }
    return CAMPCTL_OK;
}

/* A nullable member: printed when given and not null (ptr NULL covers both). */
static void print_nstr(const char *label, camp_str_t s)
{
    if (s.ptr != NULL) {
        print_str(label, s);
    }
}

/* sender-create FILE: O2. */
static int cmd_sender_create(ctx_t *x, int argc, char **argv)
{
    static camp_outbox_sender_create_t body;
    static camp_outbox_sender_t out;
    static char json[WORK_SIZE];
    char *data = NULL;
    camp_json_token_t *toks = NULL;
    camp_json_doc_t doc;
    camp_diag_t diag;
    size_t len;
    camp_status_t st;
    int rc;
    if (argc != 2) {
        return usage(argv[0], "takes exactly one FILE");
    }
    rc = load_doc(argv[1], &doc, &data, &toks);
    if (rc == CAMPCTL_OK) {
        st = camp_outbox_sender_create_decode(&doc, 0, &body, &diag);
        if (st != CAMP_OK) {
            rc = campctl_refused_doc(argv[1], &diag, stderr);
        } else if ((st = camp_client_outbox_create_sender(&x->client, &body, &out)) != CAMP_OK) {
            rc = report_failure(&x->client, &x->conn, st);
        } else if (campctl_opt.json &&
                   camp_outbox_sender_encode(&out, json, sizeof json, &len, NULL) == CAMP_OK) {
            term_json_raw(stdout, json, len);
            fputc('\n', stdout);
        } else if (campctl_opt.json) {
            campctl_json_t j;
            cj_begin(&j, stdout);
            cj_api(&j, "id", out.id);
            cj_api(&j, "from_email", out.from_email);
            cj_bool(&j, "summary", true);
            cj_end(&j);
        } else {
            print_str("id", out.id);
            print_str("from_email", out.from_email);
            print_nstr("from_name", out.from_name);
            print_str("company", out.company);
            printf("status: %s\n", camp_outbox_sender_status_name(out.status) != NULL
                                       ? camp_outbox_sender_status_name(out.status)
                                       : "(not given)");
        }
    }
    free(toks);
    free(data);
    return rc;
}

static bool parse_i64_pos(const char *s, int64_t *out)
{
    uint32_t v;
    if (!parse_u32(s, &v) || v == 0) {
        return false;
    }
    *out = (int64_t)v;
    return true;
}

/* contacts [--page N | --all] [--sort-by F] [--sort-direction D] [--tag T]...: O3. */
static int cmd_contacts(ctx_t *x, int argc, char **argv)
{
    static camp_outbox_contacts_page_t page;
    static char json[WORK_SIZE];
    static const char *tags[16];
    camp_client_contacts_query_t q;
    bool all = false;
    int64_t shown = 0;
    int i;
    memset(&q, 0, sizeof q);
    q.tags = tags;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--all") == 0) {
            all = true;
            continue;
        }
        if (v == NULL) {
            return usage("contacts", a[0] == '-' ? "this option takes a value"
                                                 : "takes options only, no arguments");
        }
        i++;
        if (strcmp(a, "--page") == 0) {
            if (!parse_i64_pos(v, &q.page)) {
                return usage("contacts", "--page needs an integer in 1..999999999");
            }
        } else if (strcmp(a, "--sort-by") == 0) {
            if (strcmp(v, "last_activity") != 0 && strcmp(v, "created_at") != 0) {
                return usage("contacts", "--sort-by must be last_activity or created_at");
            }
            q.sort_by = v;
        } else if (strcmp(a, "--sort-direction") == 0) {
            if (strcmp(v, "asc") != 0 && strcmp(v, "desc") != 0) {
                return usage("contacts", "--sort-direction must be asc or desc");
            }
            q.sort_direction = v;
        } else if (strcmp(a, "--tag") == 0) {
            if (q.tag_count >= sizeof tags / sizeof tags[0]) {
                return usage("contacts", "at most 16 --tag");
            }
            tags[q.tag_count++] = v;
        } else {
            return usage("contacts", "unknown option");
        }
    }
    if (all && q.page != 0) {
        return usage("contacts", "--page and --all exclude each other");
    }
    if (q.page == 0) {
        q.page = 1;
    }
    for (;;) {
        size_t k;
        size_t len;
        camp_status_t st = camp_client_outbox_list_contacts(&x->client, &q, &page);
        if (st != CAMP_OK) {
            return report_failure(&x->client, &x->conn, st);
        }
        if (campctl_opt.json) {
            if (camp_outbox_contacts_page_encode(&page, json, sizeof json, &len, NULL) == CAMP_OK &&
                len >= 2 && json[len - 1] == '}') {
                /* the page object plus the page number it is */
                term_json_raw(stdout, json, len - 1);
                printf(",\"page\":%lld}\n", (long long)q.page);
            } else {
                campctl_json_t j;
                cj_begin(&j, stdout);
                cj_int(&j, "total", (long long)page.total);
                cj_int(&j, "count", (long long)page.count);
                cj_int(&j, "page", (long long)q.page);
                cj_bool(&j, "summary", true);
                cj_end(&j);
            }
        }
        for (k = 0; k < page.count && !campctl_opt.json; k++) {
            const camp_outbox_contact_t *c = &page.results[k];
            size_t t;
            term_text(stdout, c->id.ptr, c->id.len);
            fputs("  ", stdout);
            if (c->name.ptr != NULL) { /* neither absent nor null */
                term_text(stdout, c->name.ptr, c->name.len);
            } else {
                fputs("(no name)", stdout);
            }
            if (c->email.ptr != NULL) {
                fputs(" <", stdout);
                term_text(stdout, c->email.ptr, c->email.len);
                fputc('>', stdout);
            }
            for (t = 0; t < c->tags.count; t++) {
                fputs(t == 0 ? "  tags: " : ",", stdout);
                term_text(stdout, c->tags.items[t].ptr, c->tags.items[t].len);
            }
            putchar('\n');
        }
        shown += (int64_t)page.count;
        if (!campctl_opt.json) {
            fprintf(stderr, "page %lld: %lu of %lld\n", (long long)q.page,
                    (unsigned long)page.count, (long long)page.total);
        }
        fflush(stdout);
        /* the last page: a short one, or everything counted; an empty page ends a
         * listing whose total grew meanwhile */
        if (!all || page.count == 0 || shown >= page.total || page.count < CAMP_MAX_CONTACTS) {
            break;
        }
        q.page++;
    }
    return CAMPCTL_OK;
}

/* whoami: T1 GET /team, the documented token check. Also shows the server's
 * clock next to the device's (signatures and windows depend on it). */
static int cmd_whoami(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_team_t team;
    camp_status_t st;
    if (argc != 1) {
        return usage(argv[0], "takes no arguments");
    }
    st = camp_client_inbox_get_team(&x->client, &team);
    if (st != CAMP_OK) {
        return report_failure(&x->client, &x->conn, st);
    }
    if (campctl_opt.json) {
        const api_field_t f[] = {{"id", team.id}, {"name", team.name}, {"slug", team.slug}};
        json_or_summary(CAMP_INBOX_TEAM, &team, f, 3);
        return CAMPCTL_OK;
    }
    print_str("team", team.name);
    print_str("id", team.id);
    print_str("slug", team.slug);
    if (x->client.last.server_time >= 0) {
        char when[40];
        int64_t diff = (int64_t)time(NULL) - x->client.last.server_time;
        if (camp_datetime_format(x->client.last.server_time, 0, true, when, sizeof when) > 0) {
            printf("server time: %s (this device's clock %s%lld s%s)\n", when,
                   diff >= 0 ? "+" : "-", (long long)(diff >= 0 ? diff : -diff),
                   (diff > CAMP_WEBHOOK_TOLERANCE_S || diff < -(int64_t)CAMP_WEBHOOK_TOLERANCE_S)
                       ? ", beyond the webhook tolerance: fix the clock"
                       : "");
        }
    }
    return CAMPCTL_OK;
}

/* The campaign an event is about: data.campaign, or a v2 event's object. */
static camp_str_t event_campaign(const camp_inbox_webhook_t *e)
{
    camp_str_t none = {NULL, 0};
    if (e->has_campaign && e->campaign.id.ptr != NULL) {
        return e->campaign.id;
    }
    if ((e->present & CAMP_INBOX_WEBHOOK_HAS_OBJECT) != 0u && e->object_type.ptr != NULL &&
        e->object_type.len == 8 && memcmp(e->object_type.ptr, "campaign", 8) == 0) {
        return e->object_id;
    }
    return none;
}

static void print_event(const camp_inbox_webhook_t *e)
{
    static const char *const states[] = {NULL, "draft", "active", "paused", "completed"};
    camp_str_t cid = event_campaign(e);
    if (campctl_opt.json) {
        campctl_json_t j;
        cj_begin(&j, stdout);
        cj_api(&j, "id", e->id);
        cj_int(&j, "seq", (long long)e->seq);
        cj_api(&j, "type", e->type);
        cj_api(&j, "version", e->version);
        cj_api(&j, "timestamp", e->timestamp.raw);
        if (cid.ptr != NULL) {
            cj_api(&j, "campaignId", cid);
        } else {
            cj_null(&j, "campaignId");
        }
        if (e->has_campaign) {
            cj_api(&j, "campaignName", e->campaign.name);
            if (e->campaign.status >= 1 && e->campaign.status <= 4) {
                cj_cstr(&j, "campaignStatus", states[e->campaign.status]);
            }
        }
        if (e->event >= CAMP_INBOX_EVENT_TARGET_CONTACTED) {
            cj_api(&j, "prospectId", e->prospect.id);
            cj_api(&j, "username", e->prospect.username);
            cj_api(&j, "threadId", e->thread_id);
            cj_api(&j, "messageId", e->message_id);
            cj_api(&j, "message", e->message_content);
        }
        cj_end(&j);
        return;
    }
    printf("seq=%lld type=", (long long)e->seq);
    term_text(stdout, e->type.ptr, e->type.len);
    fputs(" campaign=", stdout);
    if (cid.ptr != NULL) {
        term_text(stdout, cid.ptr, cid.len);
    } else {
        fputc('-', stdout);
    }
    if (e->has_campaign && e->campaign.status >= 1 && e->campaign.status <= 4) {
        printf(" status=%s", states[e->campaign.status]);
    }
    if (e->event >= CAMP_INBOX_EVENT_TARGET_CONTACTED) {
        fputs(" prospect=", stdout);
        if (e->prospect.username.ptr != NULL) {
            fputc('@', stdout);
            term_text(stdout, e->prospect.username.ptr, e->prospect.username.len);
        } else {
            term_text(stdout, e->prospect.id.ptr, e->prospect.id.len);
        }
    }
    if (e->timestamp.raw.ptr != NULL) {
        fputs(" at=", stdout);
        term_text(stdout, e->timestamp.raw.ptr, e->timestamp.raw.len);
    }
    if (e->event == CAMP_INBOX_EVENT_TARGET_REPLIED && e->message_content.ptr != NULL) {
        fputs(" message=\"", stdout);
        term_text(stdout, e->message_content.ptr, e->message_content.len);
        fputc('"', stdout);
    }
    putchar('\n');
}

/* events [--after SEQ] [--limit N] [--follow [--interval S] [--max-polls N]]
 * [--max-events N]: the feed (§8.5) read to its end, or polled with --follow;
 * --max-events stops after N events (a script waiting for one event needs no timing). */
static int cmd_events(ctx_t *x, int argc, char **argv)
{
    static camp_client_feed_t feed;
    static camp_inbox_webhook_t ev;
    int64_t after = -1;
    uint32_t limit = 0, interval_s = 5, max_polls = 0, polls = 0, max_events = 0;
    uint64_t events = 0;
    bool follow = false;
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint32_t n = 0;
        if (strcmp(a, "--follow") == 0) {
            follow = true;
            continue;
        }
        if (strcmp(a, "--after") == 0 && v != NULL) {
            /* up to 2^53-1: more digits than parse_u32 takes */
            char *end = NULL;
            long long s = strtoll(v, &end, 10);
            if (v[0] < '0' || v[0] > '9' || *end != '\0' || s > CAMP_MAX_SAFE_INT ||
                strlen(v) > 16) {
                return usage("events", "--after needs a seq in 0..9007199254740991");
            }
            after = (int64_t)s;
        } else if (strcmp(a, "--limit") == 0 && v != NULL) {
            if (!parse_u32(v, &n) || n == 0 || n > CAMP_CLIENT_EVENTS_LIMIT_MAX) {
                return usage("events", "--limit needs an integer in 1..1000");
            }
            limit = n;
        } else if (strcmp(a, "--interval") == 0 && v != NULL) {
            if (!parse_u32(v, &n) || n == 0 || n > 86400) {
                return usage("events", "--interval needs seconds in 1..86400");
            }
            interval_s = n;
        } else if (strcmp(a, "--max-polls") == 0 && v != NULL) {
            if (!parse_u32(v, &n) || n == 0) {
                return usage("events", "--max-polls needs a positive integer");
            }
            max_polls = n;
        } else if (strcmp(a, "--max-events") == 0 && v != NULL) {
            if (!parse_u32(v, &n) || n == 0) {
                return usage("events", "--max-events needs a positive integer");
            }
            max_events = n;
        } else {
            return usage("events", v == NULL && a[0] == '-' ? "this option needs a value"
                                                            : "unknown option or argument");
        }
        i++;
    }
    if (!follow && max_polls != 0) {
        return usage("events", "--max-polls goes with --follow");
    }
    camp_client_feed_init(&feed, &x->client, after, limit);
    for (;;) {
        bool done = false;
        camp_status_t st = camp_client_feed_next(&feed, &ev, &done);
        if ((st == CAMP_ERR_HTTP_TOO_LARGE || st == CAMP_ERR_JSON_TOKENS) && feed.limit != 1u) {
            /* a page larger than campctl's buffers: ask for fewer events */
            feed.limit = feed.limit == 0u ? 50u : feed.limit / 2u;
            continue;
        }
        if (st != CAMP_OK) {
            fflush(stdout);
            return report_failure(&x->client, &x->conn, st);
        }
        if (feed.gap) {
            fprintf(stderr,
                    "campctl: gap in the feed: %lld event(s) missing between seq %lld "
                    "and %lld (the server keeps 7 days and at most 25,000 events)\n",
                    (long long)feed.gap_count, (long long)feed.gap_from, (long long)feed.gap_to);
        }
        if (done && feed.more) {
            continue; /* a page of other event types only: the next one at once */
        }
        if (!done) {
            print_event(&ev);
            events++;
            if (max_events != 0 && events >= max_events) {
                fflush(stdout);
                break;
            }
            continue;
        }
        fflush(stdout);
        polls++;
        if (!follow || (max_polls != 0 && polls >= max_polls)) {
            break;
        }
        camp_posix_sleep_ms(NULL, interval_s * 1000u);
    }
    fprintf(stderr,
            "campctl: %llu event(s); the feed is read to seq %lld (--after %lld "
            "continues from there)\n",
            (unsigned long long)events, (long long)feed.last_seq,
            (long long)(feed.last_seq < 0 ? 0 : feed.last_seq));
    return CAMPCTL_OK;
}

static int run_command(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_campaign_t out;
    const char *cmd = argv[0];
    if (strcmp(cmd, "whoami") == 0) {
        return cmd_whoami(x, argc, argv);
    }
    if (strcmp(cmd, "events") == 0) {
        return cmd_events(x, argc, argv);
    }
    if (strcmp(cmd, "lead-update") == 0) {
        return cmd_lead_update(x, argc, argv);
    }
    if (strcmp(cmd, "lead-cancel") == 0) {
        return cmd_lead_cancel(x, argc, argv);
    }
    if (strcmp(cmd, "column-update") == 0) {
        return cmd_column_update(x, argc, argv);
    }
    if (strcmp(cmd, "sender-create") == 0) {
        return cmd_sender_create(x, argc, argv);
    }
    if (strcmp(cmd, "contacts") == 0) {
        return cmd_contacts(x, argc, argv);
    }
    if (strcmp(cmd, "create") == 0) {
        return cmd_create(x, argc, argv);
    }
    if (strcmp(cmd, "outbox-create") == 0) {
        if (argc != 2) {
            return usage(cmd, "takes exactly one FILE");
        }
        return cmd_outbox_create(x, argv[1]);
    }
    if (strcmp(cmd, "get") == 0 || strcmp(cmd, "enable") == 0 || strcmp(cmd, "pause") == 0) {
        camp_status_t st;
        if (argc != 2) {
            return usage(cmd, "takes exactly one campaign ID");
        }
        if (strcmp(cmd, "get") == 0) {
            st = camp_client_inbox_get_campaign(&x->client, argv[1], &out);
        } else if (strcmp(cmd, "enable") == 0) {
            st = camp_client_inbox_enable_campaign(&x->client, argv[1], &out);
        } else {
            st = camp_client_inbox_pause_campaign(&x->client, argv[1], &out);
        }
        return finish_campaign(x, st, &out);
    }
    if (argc != 3) {
        return usage(cmd, "takes a campaign ID and a FILE");
    }
    return cmd_with_file(x, cmd, argv[1], argv[2]);
}

int campctl_cmd_online(int argc, char **argv)
{
    static ctx_t x;
    static uint8_t work[WORK_SIZE];
    static camp_json_token_t toks[TOKEN_COUNT];
    static camp_mbedtls_tls_t tls;
    static char token[4096];
    static char proxy_buf[CAMP_PROXY_URL_MAX];
    static camp_proxy_t proxy;
    bool use_proxy = false;
    endpoint_t ep;
    const char *base_url;
    int rc;
    bool outbox;
    camp_status_t st;
    memset(&x, 0, sizeof x);
    outbox = strcmp(argv[0], "outbox-create") == 0 || strcmp(argv[0], "sender-create") == 0 ||
             strcmp(argv[0], "contacts") == 0;
    base_url = campctl_opt.base_url;
    if (base_url == NULL) {
        base_url =
            outbox ? "https://" CAMP_OUTBOX_HOST : "https://" CAMP_INBOX_HOST CAMP_INBOX_BASE_PATH;
    }
    if (!parse_url(base_url, &ep)) {
        return campctl_usage_error("--base-url must be http(s)://host[:port][/path]");
    }
    rc = setup_proxy(ep.host, ep.tls, &proxy, proxy_buf, sizeof proxy_buf, &use_proxy);
    if (rc != CAMPCTL_OK) {
        return rc;
    }
    rc = read_token(token, sizeof token);
    if (rc != CAMPCTL_OK) {
        return rc;
    }

    if (outbox) {
        st = camp_client_init_outbox(&x.client, work, sizeof work, toks, TOKEN_COUNT);
    } else {
        st = camp_client_init_inbox(&x.client, work, sizeof work, toks, TOKEN_COUNT);
    }
    if (st != CAMP_OK) {
        return campctl_io_error("cannot set up the client: %s", camp_status_str(st));
    }
    x.client.host = ep.host;
    x.client.port = ep.port;
    x.client.tls = ep.tls;
    x.client.base_path = ep.base;
    x.client.token = token;
    x.client.timeout_ms = campctl_opt.timeout_ms;
    x.client.keep_alive = false; /* one request per run */
    x.client.conn.open = NULL;
    x.client.conn.open_until = conn_open_until;
    x.client.conn.set_deadline = conn_set_deadline;
    x.client.conn.close = conn_close;
    x.client.conn.ctx = &x.conn;
    if (campctl_opt.retries > 0) {
        x.client.retry.max_attempts = campctl_opt.retries + 1u;
        x.client.retry.random = camp_posix_random_u32;
        x.client.retry.sleep_ms = camp_posix_sleep_ms;
        x.client.retry.wall_now = camp_posix_wall_unix_cb;
    }
    x.conn.tls = ep.tls;
    camp_posix_init(&x.conn.net, 0);
    x.conn.net.proxy = use_proxy ? &proxy : NULL;
    if (ep.tls) {
        camp_mbedtls_tls_config_t cfg;
        camp_mbedtls_tls_config_init(&cfg);
        cfg.ca_file = (campctl_opt.ca_file != NULL) ? campctl_opt.ca_file : DEFAULT_CA_FILE;
        cfg.connect_timeout_ms = campctl_opt.timeout_ms;
        cfg.handshake_timeout_ms = campctl_opt.timeout_ms;
        cfg.proxy = use_proxy ? &proxy : NULL;
        st = camp_mbedtls_tls_init(&tls, &cfg);
        if (st != CAMP_OK) {
            /* the CA file cannot be read or parsed: a local problem */
            char reason[300];
            snprintf(reason, sizeof reason, "%s", camp_mbedtls_tls_reason(&tls));
            camp_mbedtls_tls_free(&tls);
            return campctl_io_error("TLS setup failed: %s", reason);
        }
        x.conn.tls_ctx = &tls;
        x.client.transport = camp_mbedtls_tls_transport(&tls);
    } else {
        x.client.transport = camp_posix_transport(&x.conn.net);
    }

    rc = run_command(&x, argc, argv);
    camp_client_disconnect(&x.client);
    if (ep.tls) {
        camp_mbedtls_tls_free(&tls);
    }
    memset(token, 0, sizeof token);
    return rc;
}
