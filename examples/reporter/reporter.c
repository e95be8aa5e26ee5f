/* reporter: the device loop a firmware engineer would copy.
 *
 * Polls one or more InboxApp campaigns every N seconds and prints one line
 * per campaign: status, contacted/targets, reply rate, and whether its sending
 * window is open right now (in the campaign's own time zone). Backs off on 429
 * (honouring Retry-After) and on network errors (exponential, with jitter).
 *
 *   CAMP_TOKEN=... reporter [--base-url URL] [--ca-file PEM] [--interval S]
 *                           [--count N] [--timeout-ms N] [--proxy URL] [--verbose]
 *                           CAMPAIGN_ID...
 *
 * Behind a company proxy: --proxy http://[user:password@]host:port, or the
 * https_proxy / no_proxy environment variables (http_proxy for http:// URLs).
 *
 * Memory: every buffer below is static and sized at compile time; nothing in
 * the loop calls malloc. With the default capacities (x86-64): work buffer
 * 8 KB, 320 JSON tokens 6.4 KB, the decoded campaign 4.3 KB, the client
 * 0.8 KB: about 20 KB for libcamp's part, plus camp_mbedtls_tls_t (about
 * 4.5 KB on a target build; 41 KB with Debian's HAVEGE-enabled mbedTLS) and
 * mbedTLS's own heap (about 46 KB at the peak of a request with default
 * record buffers, 20 KB with 4 KB / 2 KB ones: docs/tls.md). A response that
 * does not fit fails with a clear status and the size it needs; nothing is
 * truncated. On a device, replace the three host services at the top (clock,
 * sleep, random) and the POSIX socket glue of the TLS port; the loop stays.
 *
 * Every text from the server (IDs, zone names, error messages) is printed
 * through term.h: control characters, DEL, C1 and invalid UTF-8 are shown as
 * escapes, never sent to the terminal. Exit: 0 when the last round succeeded,
 * 1 when a campaign of the last round failed, 2 on usage errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../campctl/term.h"
#include "camp/camp.h"
#include "mbedtls/camp_mbedtls_tls.h"
#include "posix/camp_posix.h"
#include "posix/camp_proxy.h"

#define MAX_CAMPAIGNS 8
#define WORK_SIZE 8192 /* request, then response head + body (a campaign object is ~2-3 KB) */
#define TOKENS 320     /* JSON tokens of one response (a documented campaign needs ~200) */
#define MAX_BACKOFF_S 300u

/* ---- host services (replace on a device) ------------------------------------ */

static int64_t wall_now(void) { return camp_posix_wall_unix(); }
static void sleep_s(uint32_t s) { camp_posix_sleep_ms(NULL, s * 1000u); }
static uint32_t random_u32(void) { return camp_posix_random_u32(NULL); }

/* ---- fixed storage ------------------------------------------------------------ */

static uint8_t work[WORK_SIZE];
static camp_json_token_t tokens[TOKENS];
static camp_inbox_campaign_t campaign;
static camp_client_t client;
static camp_mbedtls_tls_t tls;
static camp_posix_t tcp;
static char host[CAMP_MBEDTLS_HOST_MAX];
static char proxy_buf[CAMP_PROXY_URL_MAX];
static camp_proxy_t proxy; /* used when use_proxy */
static bool use_proxy;
static char base_path[256];
static uint32_t full_handshakes, resumed_handshakes; /* TLS handshakes this round */

/* ---- connection hooks for the client (opened on demand, closed after a poll) -- */

/* One deadline (an instant of the transport's clock) covers connect, the proxy
 * tunnel and the TLS handshake; set_deadline bounds the exchange that follows:
 * --timeout-ms is the whole request. */
static camp_status_t open_tls(void *ctx, const char *h, uint16_t port, uint64_t deadline_ms)
{
    camp_status_t st = camp_mbedtls_tls_open_until(ctx, h, port, deadline_ms);
    if (st == CAMP_OK) {
        /* After the first poll the saved session is offered: no full handshake. */
        if (camp_mbedtls_tls_resumed(&tls)) {
            resumed_handshakes++;
        } else {
            full_handshakes++;
        }
    }
    return st;
}

/* ---- command line ----------------------------------------------------------- */

typedef struct options {
    const char *base_url;
    const char *ca_file;
    uint32_t interval_s;
    uint32_t count; /* rounds; 0 = forever */
    uint32_t timeout_ms;
    const char *proxy; /* NULL: the environment decides; "": direct */
    bool verbose;
    const char *ids[MAX_CAMPAIGNS];
    size_t id_count;
} options_t;

static int usage(FILE *out)
{
    fputs("usage: CAMP_TOKEN=... reporter [--base-url URL] [--ca-file PEM] [--interval S]\n"
          "                               [--count N] [--timeout-ms N] [--proxy URL] [--verbose]\n"
          "                               CAMPAIGN_ID...\n"
          "  --base-url   default https://inboxapp.com/api/v1 (http:// for local servers)\n"
          "  --ca-file    CA bundle for https (default /etc/ssl/certs/ca-certificates.crt)\n"
          "  --interval   seconds between polls (default 60)\n"
          "  --count      stop after N polls (default: run forever)\n"
          "  --timeout-ms one deadline for each request: connect, proxy, TLS, response\n"
          "               (default 15000)\n"
          "  --proxy URL  HTTP proxy http://[user:password@]host[:port]; without it\n"
          "               https_proxy (http_proxy for http://) and no_proxy decide;\n"
          "               --proxy '' connects directly\n"
          "  --verbose    also say how each poll connected (full or resumed TLS handshake)\n"
          "  --help, -h   this text; --version the version\n"
          "exit status: 0 the last round succeeded, 1 a campaign of the last round failed,\n"
          "             2 usage error\n",
          out);
    return out == stdout ? 0 : 2;
}

static int parse_u32(const char *s, uint32_t lo, uint32_t hi, uint32_t *out)
{
    char *end = NULL;
    unsigned long v = strtoul(s, &end, 10);
    if (s[0] < '0' || s[0] > '9' || end == s || *end != '\0' || v < lo || v > hi) {
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

static int parse_args(int argc, char **argv, options_t *o)
{
    int i;
    o->base_url = "https://inboxapp.com/api/v1";
    o->ca_file = "/etc/ssl/certs/ca-certificates.crt";
    o->interval_s = 60;
    o->count = 0;
    o->timeout_ms = 15000;
    o->proxy = NULL;
    o->verbose = false;
    o->id_count = 0;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            return 1;
        } else if (strcmp(a, "--version") == 0) {
            return 3;
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            o->verbose = true;
        } else if (a[0] == '-' && a[1] == '-') {
            if (v == NULL) {
                fputs("reporter: ", stderr);
                term_cstr(stderr, a);
                fputs(" needs a value\n", stderr);
                return -1;
            }
            i++;
            if (strcmp(a, "--base-url") == 0) {
                o->base_url = v;
            } else if (strcmp(a, "--ca-file") == 0) {
                o->ca_file = v;
            } else if (strcmp(a, "--interval") == 0) {
                bad = parse_u32(v, 1, 86400, &o->interval_s);
            } else if (strcmp(a, "--count") == 0) {
                bad = parse_u32(v, 1, 1000000, &o->count);
            } else if (strcmp(a, "--timeout-ms") == 0) {
                bad = parse_u32(v, 100, 600000, &o->timeout_ms);
            } else if (strcmp(a, "--proxy") == 0) {
                o->proxy = v;
            } else {
                bad = -1;
            }
            if (bad != 0) {
                fputs("reporter: unknown option or bad value: ", stderr);
                term_cstr(stderr, a);
                fputc(' ', stderr);
                term_cstr(stderr, v);
                fputc('\n', stderr);
                return -1;
            }
        } else if (o->id_count < MAX_CAMPAIGNS) {
            o->ids[o->id_count++] = a;
        } else {
            fprintf(stderr, "reporter: at most %d campaigns\n", MAX_CAMPAIGNS);
            return -1;
        }
    }
    if (o->id_count == 0) {
        fputs("reporter: give at least one campaign ID\n", stderr);
        return -1;
    }
    return 0;
}

/* scheme://host[:port][/base] into the static host/base_path buffers. */
static int parse_url(const char *url, bool *https, uint16_t *port)
{
    const char *p, *host_end, *path;
    size_t n;
    uint32_t port_v;
    if (strncmp(url, "https://", 8) == 0) {
        *https = true;
        p = url + 8;
        *port = 443;
    } else if (strncmp(url, "http://", 7) == 0) {
        *https = false;
        p = url + 7;
        *port = 80;
    } else {
        return -1;
    }
    path = strchr(p, '/');
    if (path == NULL) {
        path = p + strlen(p);
    }
    host_end = path;
    if (*p == '[') { /* [IPv6]:port */
        const char *close = memchr(p, ']', (size_t)(path - p));
        if (close == NULL) {
            return -1;
        }
        n = (size_t)(close - p - 1);
        if (n == 0 || n >= sizeof host) {
            return -1;
        }
        memcpy(host, p + 1, n);
        host[n] = '\0';
        host_end = close + 1;
    } else {
        const char *colon = memchr(p, ':', (size_t)(path - p));
        host_end = colon != NULL ? colon : path;
        n = (size_t)(host_end - p);
        if (n == 0 || n >= sizeof host) {
            return -1;
        }
        memcpy(host, p, n);
        host[n] = '\0';
    }
    if (*host_end == ':') {
        char digits[8];
        n = (size_t)(path - host_end - 1);
        if (n == 0 || n >= sizeof digits) {
            return -1;
        }
        memcpy(digits, host_end + 1, n);
        digits[n] = '\0';
        if (parse_u32(digits, 1, 65535, &port_v) != 0) {
            return -1;
        }
        *port = (uint16_t)port_v;
    } else if (host_end != path) {
        return -1;
    }
    n = strlen(path);
    while (n > 0 && path[n - 1] == '/') {
        n--; /* "https://host/api/v1/" and ".../api/v1" are the same base */
    }
    if (n >= sizeof base_path) {
        return -1;
    }
    memcpy(base_path, path, n);
    base_path[n] = '\0';
    return 0;
}

/* ---- one line per campaign ------------------------------------------------------ */

static const char *status_name(uint8_t s)
{
    switch (s) {
    case CAMP_INBOX_STATUS_DRAFT: return "draft";
    case CAMP_INBOX_STATUS_ACTIVE: return "active";
    case CAMP_INBOX_STATUS_PAUSED: return "paused";
    case CAMP_INBOX_STATUS_COMPLETED: return "completed";
    default: return "?";
    }
}

/* "open", "closed, opens Tue 09:00", "closed this week", or why it cannot be told. */
static void describe_window(const camp_inbox_campaign_t *c, int64_t now, char *out, size_t cap)
{
    static const char *const days[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    camp_tz_t tz;
    bool open = false, found = false;
    int64_t next = 0;
    camp_tz_local_t local;
    char zone[64];
    if ((c->present & CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS) == 0 || c->schedule_timezone.ptr == NULL) {
        snprintf(out, cap, "no schedule");
        return;
    }
    /* the zone name is server text: escaped even when it names no zone */
    term_escape(zone, sizeof zone, c->schedule_timezone.ptr, c->schedule_timezone.len);
    if (camp_tz_find(c->schedule_timezone.ptr, c->schedule_timezone.len, &tz) != CAMP_OK) {
        snprintf(out, cap, "unknown zone %s", zone);
        return;
    }
    if (camp_schedule_is_open(&tz, &c->schedule_hours, now, &open) != CAMP_OK) {
        snprintf(out, cap, "schedule not usable");
        return;
    }
    if (open) {
        snprintf(out, cap, "open (%s)", zone);
        return;
    }
    if (camp_schedule_next_open(&tz, &c->schedule_hours, now, &found, &next) != CAMP_OK || !found ||
        camp_tz_to_local(&tz, next, &local) != CAMP_OK) {
        snprintf(out, cap, "closed, no window in the next 8 days");
        return;
    }
    snprintf(out, cap, "closed, opens %s %02u:%02u (%s)", days[local.wday % 7], (unsigned)local.hour,
             (unsigned)local.minute, zone);
}

/* part / whole as a percentage with one decimal, rounded half up, exact for
 * every count up to 2^53-1: part * 1000 < 2^63 then, so the quotient and the
 * remainder are exact 64-bit integers (no floating point, no overflow). */
static void reporter_percent(int64_t part, int64_t whole, char *out, size_t cap)
{
    uint64_t p, w, tenths, rem;
    if (whole <= 0 || part < 0 || whole > CAMP_MAX_SAFE_INT || part > CAMP_MAX_SAFE_INT) {
        snprintf(out, cap, "n/a");
        return;
    }
    p = (uint64_t)part;
    w = (uint64_t)whole;
    tenths = p * 1000u / w;
    rem = p * 1000u % w;
    if (rem >= w - rem) { /* rem / w >= 1/2 */
        tenths++;
    }
    snprintf(out, cap, "%llu.%u%%", (unsigned long long)(tenths / 10u), (unsigned)(tenths % 10u));
}

static void print_campaign(uint32_t round, const camp_inbox_campaign_t *c, int64_t now)
{
    const camp_inbox_campaign_summary_t *b = &c->base;
    char window[160], done[32], replies[32];
    describe_window(c, now, window, sizeof window);
    reporter_percent(b->contacted_count, b->targets_count, done, sizeof done);
    /* replyRate is a fraction in millionths: the same rounding */
    reporter_percent((int64_t)b->reply_rate, CAMP_FRACTION_ONE, replies, sizeof replies);
    printf("#%-3u ", (unsigned)round);
    term_text(stdout, b->id.ptr, b->id.len);
    printf("  %-9s contacted %lld/%lld (%s)  replies %lld, reply rate %s  window %s\n",
           status_name(b->status), (long long)b->contacted_count, (long long)b->targets_count, done,
           (long long)b->replies_count, replies, window);
}

static void print_failure(uint32_t round, const char *id, camp_status_t st)
{
    const camp_client_result_t *r = &client.last;
    printf("#%-3u ", (unsigned)round);
    term_cstr(stdout, id);
    printf("  error: %s", camp_status_str(st));
    if (r->http_status != 0) {
        printf(" (HTTP %d", r->http_status);
        if (r->error_message.ptr != NULL) {
            fputs(": ", stdout);
            term_text(stdout, r->error_message.ptr, r->error_message.len);
        }
        if (r->error_code.ptr != NULL) {
            fputs(", ", stdout);
            term_text(stdout, r->error_code.ptr, r->error_code.len);
        }
        if (r->request_id.ptr != NULL) {
            fputs(", request id ", stdout);
            term_text(stdout, r->request_id.ptr, r->request_id.len);
        }
        printf(")");
    } else if (st == CAMP_ERR_PROXY) {
        int ps = client.tls ? camp_mbedtls_tls_proxy_status(&tls) : tcp.proxy_status;
        if (ps != 0) {
            printf(" (the proxy answered HTTP %d to CONNECT)", ps);
        }
    } else if (client.tls && camp_mbedtls_tls_reason(&tls)[0] != '\0') {
        fputs(" (", stdout);
        term_cstr(stdout, camp_mbedtls_tls_reason(&tls));
        fputs(")", stdout);
    }
    printf("\n");
}

/* ---- the loop ------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    options_t opt;
    camp_mbedtls_tls_config_t cfg;
    const char *token = getenv("CAMP_TOKEN");
    bool https = true;
    uint16_t port = 443;
    uint32_t round, failures = 0;
    int exit_code = 0;

    switch (parse_args(argc, argv, &opt)) {
    case 0:
        break;
    case 1:
        return usage(stdout);
    case 3:
        printf("reporter (libcamp) %s\n", CAMP_VERSION_STRING);
        return 0;
    default:
        return usage(stderr);
    }
    if (token == NULL || token[0] == '\0') {
        fputs("reporter: set CAMP_TOKEN to the API token\n", stderr);
        return 2;
    }
    if (parse_url(opt.base_url, &https, &port) != 0) {
        fputs("reporter: bad --base-url ", stderr);
        term_cstr(stderr, opt.base_url);
        fputs(" (want http[s]://host[:port][/path])\n", stderr);
        return 2;
    }
    if (opt.proxy != NULL && opt.proxy[0] != '\0') {
        camp_status_t pst = camp_proxy_parse(opt.proxy, &proxy, proxy_buf, sizeof proxy_buf);
        if (pst != CAMP_OK) {
            fprintf(stderr, "reporter: bad --proxy %s(want http://[user[:password]@]host[:port])\n",
                    pst == CAMP_ERR_UNSUPPORTED ? "(only http:// proxies are supported) " : "");
            return 2;
        }
        use_proxy = true;
    } else if (opt.proxy == NULL &&
               camp_proxy_from_env(host, https, &proxy, proxy_buf, sizeof proxy_buf, &use_proxy) !=
                   CAMP_OK) {
        fprintf(stderr, "reporter: the %s environment variable is not a usable proxy URL "
                        "(want http://[user[:password]@]host[:port]; --proxy '' ignores it)\n",
                https ? "https_proxy" : "http_proxy");
        return 2;
    }
    camp_client_init_inbox(&client, work, sizeof work, tokens, TOKENS);
    client.host = host;
    client.port = port;
    client.tls = https;
    client.base_path = base_path;
    client.token = token;
    client.timeout_ms = opt.timeout_ms;
    /* One connection per round, shared by every campaign of the round, then
     * closed so the radio can sleep; the next round resumes the TLS session. */
    client.keep_alive = true;
    client.conn.open = NULL;
    if (https) {
        camp_mbedtls_tls_config_init(&cfg);
        cfg.ca_file = opt.ca_file;
        cfg.read_timeout_ms = 250;
        cfg.proxy = use_proxy ? &proxy : NULL;
        if (camp_mbedtls_tls_init(&tls, &cfg) != CAMP_OK) {
            fputs("reporter: TLS setup failed: ", stderr);
            term_cstr(stderr, camp_mbedtls_tls_reason(&tls));
            fputc('\n', stderr);
            camp_mbedtls_tls_free(&tls);
            return 2;
        }
        client.transport = camp_mbedtls_tls_transport(&tls);
        client.conn.open_until = open_tls;
        client.conn.set_deadline = camp_mbedtls_tls_set_deadline;
        client.conn.close = camp_mbedtls_tls_close_cb;
        client.conn.ctx = &tls;
    } else {
        camp_posix_init(&tcp, 0);
        tcp.proxy = use_proxy ? &proxy : NULL;
        client.transport = camp_posix_transport(&tcp);
        client.conn.open_until = camp_posix_open_until;
        client.conn.set_deadline = camp_posix_set_deadline;
        client.conn.close = camp_posix_close_cb;
        client.conn.ctx = &tcp;
    }
    printf("reporter: %u campaign(s) every %u s from ", (unsigned)opt.id_count, (unsigned)opt.interval_s);
    term_cstr(stdout, opt.base_url);
    printf("%s\n", opt.count ? "" : " (Ctrl-C to stop)");
    fflush(stdout);

    for (round = 1; opt.count == 0 || round <= opt.count; round++) {
        uint32_t wait_s = opt.interval_s;
        bool net_failed = false;
        size_t i;
        exit_code = 0;
        full_handshakes = resumed_handshakes = 0;
        for (i = 0; i < opt.id_count; i++) {
            camp_status_t st = camp_client_inbox_get_campaign(&client, opt.ids[i], &campaign);
            if (st == CAMP_OK) {
                print_campaign(round, &campaign, wall_now());
                continue;
            }
            exit_code = 1;
            print_failure(round, opt.ids[i], st);
            if (st == CAMP_ERR_API_RATE_LIMITED) {
                /* The server says when: wait at least that long (at least one interval). */
                int64_t ra = client.last.retry_after_ms;
                uint32_t ra_s = ra > 0 ? (uint32_t)((ra + 999) / 1000) : opt.interval_s * 2u;
                if (ra_s > wait_s) {
                    wait_s = ra_s > MAX_BACKOFF_S ? MAX_BACKOFF_S : ra_s;
                }
                printf("     rate limited: next poll in %u s\n", (unsigned)wait_s);
                break; /* do not spend the remaining quota on the other campaigns */
            }
            if (st == CAMP_ERR_NET || st == CAMP_ERR_NET_CLOSED || st == CAMP_ERR_TIMEOUT ||
                st == CAMP_ERR_NET_TRUNCATED || st == CAMP_ERR_PROXY || st == CAMP_ERR_DNS ||
                st == CAMP_ERR_TLS || st == CAMP_ERR_API_SERVER) {
                net_failed = true;
                break;
            }
        }
        camp_client_disconnect(&client); /* sleep with the connection closed */
        if (opt.verbose && https && full_handshakes + resumed_handshakes > 0) {
            printf("     tls: %s\n", resumed_handshakes > 0 && full_handshakes == 0
                                        ? "session resumed (abbreviated handshake)"
                                        : "full handshake (certificate chain verified)");
        }
        if (net_failed) {
            /* Exponential backoff with full jitter: interval * 2^failures, capped. */
            uint32_t ceiling = opt.interval_s << (failures < 8 ? failures : 8);
            failures++;
            if (ceiling > MAX_BACKOFF_S) {
                ceiling = MAX_BACKOFF_S;
            }
            wait_s = opt.interval_s + random_u32() % (ceiling + 1u);
            printf("     network trouble (%u in a row): next poll in %u s\n", (unsigned)failures, (unsigned)wait_s);
        } else {
            failures = 0;
        }
        fflush(stdout);
        if (opt.count != 0 && round == opt.count) {
            break;
        }
        sleep_s(wait_s);
    }
    camp_client_disconnect(&client);
    if (https) {
        camp_mbedtls_tls_free(&tls);
    }
    return exit_code;
}
