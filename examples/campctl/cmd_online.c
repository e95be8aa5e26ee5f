/* campctl online commands: talk to InboxApp / Outbox through libcamp's client.
 *
 *   campctl [--base-url URL] [--ca-file PEM] [--timeout-ms N] [--json]
 *           [--token-file F] [--retries N] COMMAND ...
 *
 * http:// URLs use the POSIX port (local servers, tests); https:// the mbedTLS
 * port. The token comes from CAMP_TOKEN or --token-file, never from argv, and
 * is never printed. Exit: 0 ok, 1 API / protocol / network / input error (one
 * line on stderr saying which), 2 usage or I/O error. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "campctl.h"
#include "mbedtls/camp_mbedtls_tls.h"
#include "posix/camp_posix.h"

#define WORK_SIZE (256u * 1024u)
#define TOKEN_COUNT 16384u
#define DEFAULT_CA_FILE "/etc/ssl/certs/ca-certificates.crt"

typedef struct options {
    const char *base_url;
    const char *ca_file;
    const char *token_file;
    uint32_t timeout_ms;
    uint32_t retries;
    bool json;
} options_t;

typedef struct endpoint {
    bool tls;
    char host[256];
    uint16_t port;
    char base[256];
} endpoint_t;

/* Connection state behind the client's open/close hooks. */
typedef struct conn {
    bool tls;
    uint32_t timeout_ms;
    camp_posix_t net;
    camp_mbedtls_tls_t *tls_ctx;
    char reason[200];
} conn_t;

static void usage(void)
{
    fputs("usage: campctl [--base-url URL] [--ca-file PEM] [--timeout-ms N] [--json]\n"
          "               [--token-file F] [--retries N] COMMAND ...\n"
          "  get ID | enable ID | pause ID\n"
          "  create --name N --account ID [--account ID...] [--timezone Z]\n"
          "  sequence-set ID FILE | rules-set ID FILE | leads-add ID FILE | outbox-create FILE\n"
          "token: environment variable CAMP_TOKEN, or --token-file F\n",
          stderr);
}

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

/* First line of the token file, without trailing CR/LF/spaces. Never echoed. */
static int read_token(const options_t *o, char *out, size_t cap)
{
    const char *env = getenv("CAMP_TOKEN");
    size_t n;
    if (o->token_file != NULL) {
        FILE *f = fopen(o->token_file, "rb");
        if (f == NULL) {
            fprintf(stderr, "campctl: cannot open token file %s: %s\n", o->token_file,
                    strerror(errno));
            return CAMPCTL_USAGE;
        }
        if (fgets(out, (int)cap, f) == NULL) {
            out[0] = '\0';
        }
        fclose(f);
    } else if (env != NULL) {
        if (strlen(env) >= cap) {
            fputs("campctl: CAMP_TOKEN is too long\n", stderr);
            return CAMPCTL_USAGE;
        }
        strcpy(out, env);
    } else {
        fputs("campctl: no token: set CAMP_TOKEN or use --token-file F\n", stderr);
        return CAMPCTL_USAGE;
    }
    n = strlen(out);
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r' || out[n - 1] == ' ' ||
                     out[n - 1] == '\t')) {
        out[--n] = '\0';
    }
    if (n == 0) {
        fputs("campctl: the token is empty\n", stderr);
        return CAMPCTL_USAGE;
    }
    return CAMPCTL_OK;
}

static camp_status_t conn_open(void *ctx, const char *host, uint16_t port)
{
    conn_t *c = (conn_t *)ctx;
    camp_status_t st;
    c->reason[0] = '\0';
    if (c->tls) {
        st = camp_mbedtls_tls_connect(c->tls_ctx, host, port);
        if (st != CAMP_OK) {
            snprintf(c->reason, sizeof c->reason, "%s", camp_mbedtls_tls_reason(c->tls_ctx));
        }
        return st;
    }
    st = camp_posix_connect(&c->net, host, port, c->timeout_ms, 0);
    if (st != CAMP_OK && c->net.last_error != 0) {
        snprintf(c->reason, sizeof c->reason, "%s", strerror(c->net.last_error));
    }
    return st;
}

static void conn_close(void *ctx)
{
    conn_t *c = (conn_t *)ctx;
    if (c->tls) {
        camp_mbedtls_tls_close(c->tls_ctx);
    } else {
        camp_posix_close(&c->net);
    }
}

/* One line for a failed call: HTTP status and the API's message, or what broke. */
static int report_failure(const camp_client_t *cl, const conn_t *cn, camp_status_t st)
{
    const camp_client_result_t *r = &cl->last;
    if (r->http_status != 0 && st >= CAMP_ERR_API_BAD_REQUEST) {
        fprintf(stderr, "campctl: HTTP %d", r->http_status);
        if (r->error_message.ptr != NULL) {
            fprintf(stderr, ": %.*s", (int)r->error_message.len, r->error_message.ptr);
        } else {
            fprintf(stderr, ": %s", camp_status_str(st));
        }
        if (r->error_code.ptr != NULL) {
            fprintf(stderr, " (%.*s)", (int)r->error_code.len, r->error_code.ptr);
        }
        if (st == CAMP_ERR_API_RATE_LIMITED && r->retry_after_ms >= 0) {
            fprintf(stderr, " [retry after %lld s]", (long long)(r->retry_after_ms / 1000));
        }
        fputc('\n', stderr);
    } else if (st == CAMP_ERR_HTTP_REDIRECT) {
        fprintf(stderr, "campctl: HTTP %d redirect to %s (not followed)\n", r->http_status,
                r->location != NULL ? r->location : "(no Location)");
    } else if (r->http_status != 0) {
        char line[256];
        camp_diag_format(&r->diag, line, sizeof line);
        fprintf(stderr, "campctl: HTTP %d: response rejected: %s\n", r->http_status, line);
    } else {
        char line[256];
        camp_diag_format(&r->diag, line, sizeof line);
        fprintf(stderr, "campctl: %s: %s%s%s\n", camp_status_str(st), line,
                cn->reason[0] != '\0' ? ": " : "", cn->reason);
    }
    return CAMPCTL_FAIL;
}

/* ---- output ------------------------------------------------------------------------- */

static void print_str(const char *label, camp_str_t s)
{
    if (s.ptr != NULL) {
        printf("%s: %.*s\n", label, (int)s.len, s.ptr);
    }
}

static void print_rate(uint32_t millionths, const char *label, bool *first)
{
    printf("%s%s %u.%01u%%", *first ? "" : ", ", label, millionths / 10000u,
           (millionths / 1000u) % 10u);
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
    if (camp_schedule_next_open(&tz, &c->schedule_hours, now, &found, &next) != CAMP_OK ||
        !found || camp_datetime_format(next, 0, true, when, sizeof when) == 0) {
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
    printf("counts: targets %lld, contacted %lld, replies %lld\n",
           (long long)c->base.targets_count, (long long)c->base.contacted_count,
           (long long)c->base.replies_count);
    printf("rates: ");
    print_rate(c->base.completion_rate, "completion", &first);
    print_rate(c->base.reply_rate, "reply", &first);
    if ((c->present & CAMP_INBOX_CAMPAIGN_HAS_HOURLY_RATE) != 0u) {
        printf(", %u messages/hour per account", (unsigned)c->hourly_message_rate);
    }
    printf("\n");
    printf("window:");
    if (c->schedule_timezone.ptr != NULL) {
        printf(" %.*s", (int)c->schedule_timezone.len, c->schedule_timezone.ptr);
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
 * decoding accepted (e.g. the legacy hourly rate 1..60 vs 1..25, D1): then the
 * summary is printed instead, with a note. */
static int print_json(camp_inbox_type_t type, const void *obj)
{
    static char out[WORK_SIZE];
    size_t len = 0;
    camp_diag_t diag;
    if (camp_inbox_encode(type, obj, out, sizeof out, &len, &diag) != CAMP_OK) {
        char line[200];
        camp_diag_format(&diag, line, sizeof line);
        fprintf(stderr, "campctl: note: cannot re-encode with the strict rules (%s)\n", line);
        return 1;
    }
    fwrite(out, 1, len, stdout);
    fputc('\n', stdout);
    return 0;
}

/* ---- commands ------------------------------------------------------------------------- */

typedef struct ctx {
    options_t opt;
    camp_client_t client;
    conn_t conn;
} ctx_t;

static int finish_campaign(ctx_t *x, camp_status_t st, const camp_inbox_campaign_t *c)
{
    if (st != CAMP_OK) {
        return report_failure(&x->client, &x->conn, st);
    }
    if (!x->opt.json || print_json(CAMP_INBOX_CAMPAIGN, c) != 0) {
        print_campaign(c);
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
        char line[256];
        camp_diag_format(&diag, line, sizeof line);
        fprintf(stderr, "campctl: %s: %s\n", path, line);
        return CAMPCTL_FAIL;
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
            usage();
            return CAMPCTL_USAGE;
        }
        if (strcmp(a, "--name") == 0) {
            body.name.ptr = argv[++i];
            body.name.len = strlen(body.name.ptr);
        } else if (strcmp(a, "--account") == 0) {
            if (body.account_count >= CAMP_MAX_ACCOUNTS) {
                fprintf(stderr, "campctl: at most %d --account\n", CAMP_MAX_ACCOUNTS);
                return CAMPCTL_USAGE;
            }
            body.account_link_ids[body.account_count].ptr = argv[++i];
            body.account_link_ids[body.account_count].len = strlen(argv[i]);
            body.account_count++;
        } else if (strcmp(a, "--timezone") == 0) {
            body.schedule_timezone.ptr = argv[++i];
            body.schedule_timezone.len = strlen(body.schedule_timezone.ptr);
        } else {
            usage();
            return CAMPCTL_USAGE;
        }
    }
    if (body.name.ptr == NULL || body.account_count == 0) {
        fputs("campctl: create needs --name and at least one --account\n", stderr);
        return CAMPCTL_USAGE;
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
            } else if (!x->opt.json || print_json(CAMP_INBOX_SEQUENCE, &seq_out) != 0) {
                printf("sequence version: %lld\nsteps: %u\n", (long long)seq_out.version,
                       (unsigned)seq_out.step_count);
            }
        }
    } else if (strcmp(cmd, "rules-set") == 0) {
        camp_inbox_success_t ok;
        rc = load_inbox_body(path, CAMP_INBOX_RULES_UPDATE, &rules, sizeof rules, &data, &toks);
        if (rc == CAMPCTL_OK) {
            st = camp_client_inbox_update_lead_rules(&x->client, id, &rules, &ok);
            if (st != CAMP_OK) {
                rc = report_failure(&x->client, &x->conn, st);
            } else if (!x->opt.json || print_json(CAMP_INBOX_SUCCESS, &ok) != 0) {
                printf("success: %.*s\n", (int)ok.value.len, ok.value.ptr);
            }
        }
    } else {
        camp_inbox_leads_add_result_t res;
        rc = load_inbox_body(path, CAMP_INBOX_LEADS_ADD, &leads, sizeof leads, &data, &toks);
        if (rc == CAMPCTL_OK) {
            st = camp_client_inbox_add_leads(&x->client, id, &leads, &res);
            if (st != CAMP_OK) {
                rc = report_failure(&x->client, &x->conn, st);
            } else if (!x->opt.json || print_json(CAMP_INBOX_LEADS_ADD_RESULT, &res) != 0) {
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
        char line[256];
        camp_diag_format(&diag, line, sizeof line);
        fprintf(stderr, "campctl: %s: %s\n", path, line);
        rc = CAMPCTL_FAIL;
    } else {
        st = camp_client_outbox_create_campaign(&x->client, &body, &out);
        if (st != CAMP_OK) {
            rc = report_failure(&x->client, &x->conn, st);
        } else if (x->opt.json &&
                   camp_outbox_campaign_encode(&out, json, sizeof json, &len, NULL) == CAMP_OK) {
            fwrite(json, 1, len, stdout);
            fputc('\n', stdout);
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
            if (out.timezone.str.ptr != NULL) {
                print_str("window", out.timezone.str);
            }
        }
    }
    free(toks);
    free(data);
    return rc;
}

static bool is_command(const char *s)
{
    static const char *const cmds[] = {"get", "enable", "pause", "create", "sequence-set",
                                       "rules-set", "leads-add", "outbox-create"};
    size_t i;
    for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(s, cmds[i]) == 0) {
            return true;
        }
    }
    return false;
}

static int run_command(ctx_t *x, int argc, char **argv)
{
    static camp_inbox_campaign_t out;
    const char *cmd = argv[0];
    if (strcmp(cmd, "create") == 0) {
        return cmd_create(x, argc, argv);
    }
    if (strcmp(cmd, "outbox-create") == 0) {
        if (argc != 2) {
            usage();
            return CAMPCTL_USAGE;
        }
        return cmd_outbox_create(x, argv[1]);
    }
    if (strcmp(cmd, "get") == 0 || strcmp(cmd, "enable") == 0 || strcmp(cmd, "pause") == 0) {
        camp_status_t st;
        if (argc != 2) {
            usage();
            return CAMPCTL_USAGE;
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
        usage();
        return CAMPCTL_USAGE;
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
    endpoint_t ep;
    int i = 1;
    int rc;
    bool outbox;
    camp_status_t st;
    memset(&x, 0, sizeof x);
    x.opt.timeout_ms = CAMP_HTTP_TIMEOUT_MS;
    /* global options up to the command word */
    while (i < argc && strncmp(argv[i], "--", 2) == 0) {
        const char *o = argv[i];
        if (strcmp(o, "--json") == 0) {
            x.opt.json = true;
            i++;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "campctl: %s needs a value\n", o);
            return CAMPCTL_USAGE;
        }
        if (strcmp(o, "--base-url") == 0) {
            x.opt.base_url = argv[i + 1];
        } else if (strcmp(o, "--ca-file") == 0) {
            x.opt.ca_file = argv[i + 1];
        } else if (strcmp(o, "--token-file") == 0) {
            x.opt.token_file = argv[i + 1];
        } else if (strcmp(o, "--timeout-ms") == 0) {
            if (!parse_u32(argv[i + 1], &x.opt.timeout_ms) || x.opt.timeout_ms == 0) {
                fputs("campctl: --timeout-ms needs a positive integer\n", stderr);
                return CAMPCTL_USAGE;
            }
        } else if (strcmp(o, "--retries") == 0) {
            if (!parse_u32(argv[i + 1], &x.opt.retries) || x.opt.retries > 10) {
                fputs("campctl: --retries needs an integer in 0..10\n", stderr);
                return CAMPCTL_USAGE;
            }
        } else {
            fprintf(stderr, "campctl: unknown option %s\n", o);
            usage();
            return CAMPCTL_USAGE;
        }
        i += 2;
    }
    if (i >= argc || !is_command(argv[i])) {
        if (i < argc) {
            fprintf(stderr, "campctl: unknown command %s\n", argv[i]);
        }
        usage();
        return CAMPCTL_USAGE;
    }
    outbox = strcmp(argv[i], "outbox-create") == 0;
    if (x.opt.base_url == NULL) {
        x.opt.base_url = outbox ? "https://" CAMP_OUTBOX_HOST : "https://" CAMP_INBOX_HOST
                                                                 CAMP_INBOX_BASE_PATH;
    }
    if (!parse_url(x.opt.base_url, &ep)) {
        fprintf(stderr, "campctl: --base-url must be http(s)://host[:port][/path]\n");
        return CAMPCTL_USAGE;
    }
    rc = read_token(&x.opt, token, sizeof token);
    if (rc != CAMPCTL_OK) {
        return rc;
    }

    if (outbox) {
        st = camp_client_init_outbox(&x.client, work, sizeof work, toks, TOKEN_COUNT);
    } else {
        st = camp_client_init_inbox(&x.client, work, sizeof work, toks, TOKEN_COUNT);
    }
    if (st != CAMP_OK) {
        return CAMPCTL_USAGE;
    }
    x.client.host = ep.host;
    x.client.port = ep.port;
    x.client.tls = ep.tls;
    x.client.base_path = ep.base;
    x.client.token = token;
    x.client.timeout_ms = x.opt.timeout_ms;
    x.client.keep_alive = false; /* one request per run */
    x.client.conn.open = conn_open;
    x.client.conn.close = conn_close;
    x.client.conn.ctx = &x.conn;
    if (x.opt.retries > 0) {
        x.client.retry.max_attempts = x.opt.retries + 1u;
        x.client.retry.random = camp_posix_random_u32;
        x.client.retry.sleep_ms = camp_posix_sleep_ms;
        x.client.retry.wall_now = camp_posix_wall_unix_cb;
    }
    x.conn.tls = ep.tls;
    x.conn.timeout_ms = x.opt.timeout_ms;
    x.conn.net.fd = -1;
    if (ep.tls) {
        camp_mbedtls_tls_config_t cfg;
        camp_mbedtls_tls_config_init(&cfg);
        cfg.ca_file = (x.opt.ca_file != NULL) ? x.opt.ca_file : DEFAULT_CA_FILE;
        cfg.connect_timeout_ms = x.opt.timeout_ms;
        cfg.handshake_timeout_ms = x.opt.timeout_ms;
        st = camp_mbedtls_tls_init(&tls, &cfg);
        if (st != CAMP_OK) {
            fprintf(stderr, "campctl: TLS setup failed: %s\n", camp_mbedtls_tls_reason(&tls));
            camp_mbedtls_tls_free(&tls);
            return CAMPCTL_USAGE;
        }
        x.conn.tls_ctx = &tls;
        x.client.transport = camp_mbedtls_tls_transport(&tls);
    } else {
        x.client.transport = camp_posix_transport(&x.conn.net);
    }

    rc = run_command(&x, argc - i, argv + i);
    camp_client_disconnect(&x.client);
    if (ep.tls) {
        camp_mbedtls_tls_free(&tls);
    }
    memset(token, 0, sizeof token);
    return rc;
}
