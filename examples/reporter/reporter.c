/* reporter: the device loop a firmware engineer would copy.
 *
 * Polls one or more InboxApp campaigns every N seconds and prints one line
 * per campaign: status, contacted/targets, reply rate, and whether its sending
 * window is open right now (in the campaign's own time zone). Backs off on 429
 * (honouring Retry-After) and on network errors (exponential, with jitter).
 *
 * With --events it follows the API's event feed instead (GET /events, for a
 * device behind NAT that cannot receive webhooks): one line per campaign state
 * change and per reply, as they arrive; the feed position (lastSeq) is kept in
 * a state file replaced atomically, so a restart or a power cut resumes where
 * it stopped (an event may be shown twice after a power cut, never lost).
 *
 * Clock: every response's Date is compared with the device clock; a difference
 * above CAMP_WEBHOOK_TOLERANCE_S is reported. --server-time takes the server's
 * Date as the time for window decisions on a device without a real-time clock.
 *
 *   CAMP_TOKEN=... reporter [--base-url URL] [--ca-file PEM] [--interval S]
 *                           [--count N] [--timeout-ms N] [--proxy URL] [--verbose]
 *                           [--server-time] CAMPAIGN_ID...
 *   CAMP_TOKEN=... reporter --events [--state FILE] [options] [CAMPAIGN_ID...]
 *
 * Behind a company proxy: --proxy http://[user:password@]host:port, or the
 * https_proxy / no_proxy environment variables (http_proxy for http:// URLs).
 *
 * Memory: every buffer below is static and sized at compile time; nothing in
 * the loop calls malloc. With the default capacities (x86-64): work buffer
 * 12 KB, 720 JSON tokens 14.4 KB (a feed page of 8 events; 320 tokens, 6.4 KB,
 * are enough without --events), the decoded campaign 4.3 KB, one decoded event
 * and the feed reader about 1 KB, the client 0.8 KB: about 33 KB for
 * libcamp's part, plus camp_mbedtls_tls_t (about
 * 4.5 KB on a target build; 41 KB with Debian's HAVEGE-enabled mbedTLS) and
 * mbedTLS's own heap (about 46 KB at the peak of a request with default
 * record buffers, 20 KB with 4 KB / 2 KB ones: docs/tls.md). A response that
 * does not fit fails with a clear status and the size it needs; nothing is
 * truncated. On a device, replace the three host services at the top (clock,
 * sleep, random) and the POSIX socket glue of the TLS port; the loop stays.
 *
 * Every text from the server (IDs, zone names, error messages) is printed
 * through term.h: control characters, DEL, C1 and invalid UTF-8 are shown as
 * escapes, never sent to the terminal. Exit: 0 when the last round succeeded
 * (--events: the feed was read to its end), 1 when a campaign of the last round
 * failed (--events: the feed could not be read), 2 on usage errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../campctl/term.h"
#include "camp/camp.h"
#include "mbedtls/camp_mbedtls_tls.h"
#include "posix/camp_posix.h"
#include "posix/camp_proxy.h"

#define MAX_CAMPAIGNS 8
/* request, then response head + body: a campaign object is ~2-3 KB and ~200
 * tokens; a feed event up to ~1.1 KB and ~85 tokens */
#define WORK_SIZE 12288
#define TOKENS 720     /* JSON tokens of one response: a page of EVENTS_PAGE events */
#define EVENTS_PAGE 8u /* events asked for per feed page (halved when a page does not fit) */
#define MAX_BACKOFF_S 300u

/* ---- host services (replace on a device) ------------------------------------ */

static int64_t wall_now(void)
{
    return camp_posix_wall_unix();
}
static void sleep_s(uint32_t s)
{
    camp_posix_sleep_ms(NULL, s * 1000u);
}
static uint32_t random_u32(void)
{
    return camp_posix_random_u32(NULL);
}

/* The feed position survives a restart in a small file, "lastSeq N\n". It is
 * replaced atomically: the new content goes to FILE.tmp in the same directory,
 * is flushed to the medium (fsync), then renamed over FILE, and the directory
 * is flushed so the rename itself is durable. A power cut leaves either the old
 * or the new file, never a mix. On a device, put the same steps on your flash
 * file system (or two alternating records with a sequence number and a CRC). */
#define STATE_MAX 64

/* 0: *seq read; 1: no file; -1: unreadable or not of the expected form. */
static int state_load(const char *path, int64_t *seq)
{
    char buf[STATE_MAX + 1];
    size_t n;
    int64_t v = 0;
    const char *p;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return errno == ENOENT ? 1 : -1;
    }
    n = fread(buf, 1, STATE_MAX + 1, f);
    fclose(f);
    if (n == 0 || n > STATE_MAX || buf[n - 1] != '\n') {
        return -1; /* empty, too long, or cut: not a file we wrote */
    }
    buf[n - 1] = '\0';
    if (strncmp(buf, "lastSeq ", 8) != 0) {
        return -1;
    }
    p = buf + 8;
    if (*p < '0' || *p > '9') {
        return -1;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (CAMP_MAX_SAFE_INT - (*p - '0')) / 10) {
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    if (*p != '\0') {
        return -1;
    }
    *seq = v;
    return 0;
}

/* Replace the state file atomically. 0, or -1 with errno (the old file is kept). */
static int state_save(const char *path, int64_t seq)
{
    char tmp[4096], text[STATE_MAX], dir[4096];
    const char *slash;
    int fd, len;
    size_t off = 0;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    len = snprintf(text, sizeof text, "lastSeq %lld\n", (long long)seq);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        return -1;
    }
    while (off < (size_t)len) {
        ssize_t w = write(fd, text + off, (size_t)len - off);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            close(fd);
            unlink(tmp);
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    /* the rename is an entry of the directory: flush it too */
    slash = strrchr(path, '/');
    if (slash == NULL) {
        snprintf(dir, sizeof dir, ".");
    } else {
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    }
    fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    return 0;
}

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
    bool events;            /* --events: follow the event feed instead of polling campaigns */
    const char *state_file; /* --state FILE: lastSeq kept across restarts (events mode) */
    bool server_time;       /* --server-time: the server's Date is the clock for windows */
    const char *ids[MAX_CAMPAIGNS];
    size_t id_count;
} options_t;

static int usage(FILE *out)
{
    fputs("usage: CAMP_TOKEN=... reporter [--base-url URL] [--ca-file PEM] [--interval S]\n"
          "                               [--count N] [--timeout-ms N] [--proxy URL] [--verbose]\n"
          "                               [--server-time] CAMPAIGN_ID...\n"
          "       CAMP_TOKEN=... reporter --events [--state FILE] [options] [CAMPAIGN_ID...]\n"
          "  --base-url   default https://inboxapp.com/api/v1 (http:// for local servers)\n"
          "  --ca-file    CA bundle for https (default /etc/ssl/certs/ca-certificates.crt)\n"
          "  --interval   seconds between polls (default 60)\n"
          "  --count      stop after N polls (default: run forever)\n"
          "  --timeout-ms one deadline for each request: connect, proxy, TLS, response\n"
          "               (default 15000)\n"
          "  --proxy URL  HTTP proxy http://[user:password@]host[:port]; without it\n"
          "               https_proxy (http_proxy for http://) and no_proxy decide;\n"
          "               --proxy '' connects directly\n"
          "  --verbose    also say how each poll connected (full or resumed TLS handshake);\n"
          "               with --events also the contacted and follow-up events\n"
          "  --events     follow the API's event feed (no public endpoint needed): one line\n"
          "               per campaign state change and per reply, as they arrive; only\n"
          "               the campaigns given, when some are\n"
          "  --state FILE keep the feed position (lastSeq) in FILE, replaced atomically;\n"
          "               absent or unreadable: from the feed's beginning, with a warning\n"
          "  --server-time  decide sending windows with the server's clock (its Date\n"
          "               header), for a device without a real-time clock\n"
          "The device clock is compared with the server's Date on every response: a\n"
          "difference above the webhook tolerance is reported on stderr.\n"
          "  --help, -h   this text; --version the version\n"
          "exit status: 0 the last round succeeded (--events: the feed was read),\n"
          "             1 a campaign of the last round failed (--events: the feed could not\n"
          "             be read), 2 usage error\n",
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
    o->events = false;
    o->state_file = NULL;
    o->server_time = false;
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
        } else if (strcmp(a, "--events") == 0) {
            o->events = true;
        } else if (strcmp(a, "--server-time") == 0) {
            o->server_time = true;
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
            } else if (strcmp(a, "--state") == 0) {
                o->state_file = v;
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
    if (o->id_count == 0 && !o->events) {
        fputs("reporter: give at least one campaign ID (or --events)\n", stderr);
        return -1;
    }
    if (o->state_file != NULL && !o->events) {
        fputs("reporter: --state goes with --events\n", stderr);
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
    if ((c->present & CAMP_INBOX_CAMPAIGN_HAS_SCHEDULE_HOURS) == 0 ||
        c->schedule_timezone.ptr == NULL) {
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
    snprintf(out, cap, "closed, opens %s %02u:%02u (%s)", days[local.wday % 7],
             (unsigned)local.hour, (unsigned)local.minute, zone);
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

/* ---- the clock ------------------------------------------------------------------ */

static bool clock_warned; /* the device clock was reported off (said once until it is back) */

/* Compare the device clock with the Date of the last response; signatures,
 * sending windows and certificates all depend on it. */
static void check_clock(void)
{
    int64_t server = client.last.server_time;
    int64_t device = wall_now();
    int64_t diff;
    if (server < 0) {
        return; /* no usable Date header */
    }
    diff = device - server;
    if (diff > CAMP_WEBHOOK_TOLERANCE_S || diff < -(int64_t)CAMP_WEBHOOK_TOLERANCE_S) {
        if (!clock_warned) {
            fprintf(stderr,
                    "reporter: warning: the device clock is %lld s %s the server's "
                    "(tolerance %d s): webhook signatures, sending windows and "
                    "certificate dates are judged wrong; fix the clock or use "
                    "--server-time\n",
                    (long long)(diff < 0 ? -diff : diff), diff < 0 ? "behind" : "ahead of",
                    (int)CAMP_WEBHOOK_TOLERANCE_S);
            clock_warned = true;
        }
    } else if (clock_warned) {
        fprintf(stderr, "reporter: the device clock agrees with the server's again\n");
        clock_warned = false;
    }
}

/* The time for a window decision: the server's Date with --server-time (a device
 * without a real-time clock), else the device clock. */
static int64_t decision_now(bool server_time)
{
    if (server_time && client.last.server_time >= 0) {
        return client.last.server_time;
    }
    return wall_now();
}

/* ---- events mode -------------------------------------------------------------------- */

static camp_client_feed_t feed;
static camp_inbox_webhook_t event;

/* The campaign an event is about, or an empty view. */
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

static bool wanted(const options_t *o, camp_str_t id)
{
    size_t i;
    if (o->id_count == 0) {
        return true;
    }
    for (i = 0; i < o->id_count; i++) {
        if (id.ptr != NULL && strlen(o->ids[i]) == id.len &&
            memcmp(o->ids[i], id.ptr, id.len) == 0) {
            return true;
        }
    }
    return false;
}

static void print_event(uint32_t round, const options_t *o, const camp_inbox_webhook_t *e)
{
    static const char *const states[] = {NULL,     "created", "started",
                                         "paused", "resumed", "completed"};
    camp_str_t cid = event_campaign(e);
    bool reply = e->event == CAMP_INBOX_EVENT_TARGET_REPLIED;
    if (!wanted(o, cid)) {
        return;
    }
    if (e->event >= CAMP_INBOX_EVENT_TARGET_CONTACTED && !reply && !o->verbose) {
        return; /* contacted / follow-up: the counts say it; --verbose shows them */
    }
    printf("#%-3u seq=%lld ", (unsigned)round, (long long)e->seq);
    if (cid.ptr != NULL) {
        term_text(stdout, cid.ptr, cid.len);
    } else {
        fputs("-", stdout);
    }
    if (e->event >= CAMP_INBOX_EVENT_CAMPAIGN_CREATED &&
        e->event <= CAMP_INBOX_EVENT_CAMPAIGN_COMPLETED) {
        printf("  campaign %s", states[e->event]);
        if (e->has_campaign) {
            printf(" (now %s, contacted %lld/%lld, replies %lld)", status_name(e->campaign.status),
                   (long long)e->campaign.contacted_count, (long long)e->campaign.targets_count,
                   (long long)e->campaign.replies_count);
        }
    } else {
        fputs(reply ? "  reply from " : "  ", stdout);
        if (!reply) {
            fputs(e->event == CAMP_INBOX_EVENT_TARGET_CONTACTED ? "contacted " : "follow-up to ",
                  stdout);
        }
        if (e->prospect.username.ptr != NULL) {
            fputc('@', stdout);
            term_text(stdout, e->prospect.username.ptr, e->prospect.username.len);
        } else {
            term_text(stdout, e->prospect.id.ptr, e->prospect.id.len);
        }
        if (reply && e->message_content.ptr != NULL) {
            fputs(": \"", stdout);
            term_text(stdout, e->message_content.ptr, e->message_content.len);
            fputc('"', stdout);
        }
    }
    if (e->timestamp.raw.ptr != NULL) {
        fputs("  at ", stdout);
        term_text(stdout, e->timestamp.raw.ptr, e->timestamp.raw.len);
    }
    putchar('\n');
}

/* Read the feed to its end. CAMP_OK: read; else the failing status (said). */
static camp_status_t events_round(uint32_t round, const options_t *o)
{
    for (;;) {
        bool done = false;
        camp_status_t st = camp_client_feed_next(&feed, &event, &done);
        if (client.last.http_status != 0) {
            check_clock();
        }
        if ((st == CAMP_ERR_HTTP_TOO_LARGE || st == CAMP_ERR_JSON_TOKENS) && feed.limit > 1u) {
            /* a page larger than the buffers: ask for fewer events (from the same lastSeq) */
            feed.limit /= 2u;
            fprintf(stderr, "reporter: a feed page did not fit (%s); asking for %u events a page\n",
                    camp_status_str(st), (unsigned)feed.limit);
            continue;
        }
        if (st != CAMP_OK && feed.bad_seq >= 0 && client.last.http_status == 200) {
            /* One malformed event must not stop the device for good: say which, skip it. */
            fprintf(stderr, "reporter: event seq %lld refused (%s at ", (long long)feed.bad_seq,
                    camp_status_str(st));
            term_path(stderr, client.last.diag.path);
            fputs("): skipped\n", stderr);
            feed.last_seq = feed.bad_seq;
            continue;
        }
        if (st != CAMP_OK) {
            print_failure(round, "events", st);
            return st;
        }
        if (feed.gap) {
            fprintf(stderr,
                    "reporter: gap in the feed: %lld event(s) missing between seq %lld and "
                    "%lld (the server keeps 7 days and at most 25,000 events)\n",
                    (long long)feed.gap_count, (long long)feed.gap_from, (long long)feed.gap_to);
        }
        if (done && feed.more) {
            continue; /* a page of skipped types only: the next page at once */
        }
        if (done) {
            return CAMP_OK;
        }
        print_event(round, o, &event);
    }
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
    case 0: break;
    case 1: return usage(stdout);
    case 3: printf("reporter (libcamp) %s\n", CAMP_VERSION_STRING); return 0;
    default: return usage(stderr);
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
    } else if (opt.proxy == NULL && camp_proxy_from_env(host, https, &proxy, proxy_buf,
                                                        sizeof proxy_buf, &use_proxy) != CAMP_OK) {
        fprintf(stderr,
                "reporter: the %s environment variable is not a usable proxy URL "
                "(want http://[user[:password]@]host[:port]; --proxy '' ignores it)\n",
                https ? "https_proxy" : "http_proxy");
        return 2;
    }
    if (camp_client_init_inbox(&client, work, sizeof work, tokens, TOKENS) != CAMP_OK) {
        fprintf(stderr, "reporter: cannot set up the client (work buffer or token array)\n");
        return 2;
    }
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
    if (opt.events) {
        int64_t start = -1;
        int r = opt.state_file != NULL ? state_load(opt.state_file, &start) : 1;
        if (opt.state_file != NULL && r != 0) {
            fputs("reporter: warning: ", stderr);
            term_cstr(stderr, opt.state_file);
            fputs(r > 0 ? " does not exist yet" : " is unreadable or not a state file (ignored)",
                  stderr);
            fputs(": reading the feed from its beginning\n", stderr);
            start = -1;
        }
        camp_client_feed_init(&feed, &client, start, EVENTS_PAGE);
        printf("reporter: the event feed every %u s from ", (unsigned)opt.interval_s);
        term_cstr(stdout, opt.base_url);
        if (start >= 0) {
            printf(", after seq %lld", (long long)start);
        } else {
            printf(", from its beginning");
        }
        printf("%s\n", opt.count ? "" : " (Ctrl-C to stop)");
    } else {
        printf("reporter: %u campaign(s) every %u s from ", (unsigned)opt.id_count,
               (unsigned)opt.interval_s);
        term_cstr(stdout, opt.base_url);
        printf("%s\n", opt.count ? "" : " (Ctrl-C to stop)");
    }
    fflush(stdout);

    for (round = 1; opt.count == 0 || round <= opt.count; round++) {
        uint32_t wait_s = opt.interval_s;
        bool net_failed = false;
        size_t i;
        exit_code = 0;
        full_handshakes = resumed_handshakes = 0;
        if (opt.events) {
            int64_t before = feed.last_seq;
            camp_status_t st = events_round(round, &opt);
            /* keep what was read, also when the round ended early */
            if (opt.state_file != NULL && feed.last_seq != before &&
                state_save(opt.state_file, feed.last_seq) != 0) {
                fputs("reporter: warning: cannot write ", stderr);
                term_cstr(stderr, opt.state_file);
                fprintf(stderr, " (%s): the position is kept in memory only\n", strerror(errno));
            }
            if (st != CAMP_OK) {
                exit_code = 1;
                if (st == CAMP_ERR_API_RATE_LIMITED) {
                    int64_t ra = client.last.retry_after_ms;
                    uint32_t ra_s = ra > 0 ? (uint32_t)((ra + 999) / 1000) : opt.interval_s * 2u;
                    if (ra_s > wait_s) {
                        wait_s = ra_s > MAX_BACKOFF_S ? MAX_BACKOFF_S : ra_s;
                    }
                    printf("     rate limited: next poll in %u s\n", (unsigned)wait_s);
                } else if (st == CAMP_ERR_NET || st == CAMP_ERR_NET_CLOSED ||
                           st == CAMP_ERR_TIMEOUT || st == CAMP_ERR_NET_TRUNCATED ||
                           st == CAMP_ERR_PROXY || st == CAMP_ERR_DNS || st == CAMP_ERR_TLS ||
                           st == CAMP_ERR_API_SERVER) {
                    net_failed = true;
                }
            }
        }
        for (i = 0; i < opt.id_count && !opt.events; i++) {
            camp_status_t st = camp_client_inbox_get_campaign(&client, opt.ids[i], &campaign);
            if (client.last.http_status != 0) {
                check_clock();
            }
            if (st == CAMP_OK) {
                print_campaign(round, &campaign, decision_now(opt.server_time));
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
            printf("     network trouble (%u in a row): next poll in %u s\n", (unsigned)failures,
                   (unsigned)wait_s);
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
