/*
 * receiver: a gateway's InboxApp webhook receiver (POSIX, C99, one request at a time).
 *
 *   receiver [--port N] [--port-file FILE] [--secret-file FILE] [--max-body BYTES]
 *            [--tolerance SECONDS] [--timeout-ms MS] [--window N] [--replay-status 200|409]
 *
 * Listens on 127.0.0.1 only (put a TLS-terminating reverse proxy in front of it
 * for a public endpoint). For each request it:
 *   1. reads the head (at most RX_HEAD_MAX bytes, else 431) and a raw body of
 *      Content-Length bytes (at most --max-body, else 413; chunked: 411), the
 *      whole request within --timeout-ms (else 408);
 *   2. verifies X-Inbox-Signature over the raw bytes with camp_webhook_verify()
 *      BEFORE looking at the JSON (missing/mismatching signature or stale
 *      timestamp: 401, malformed header: 400);
 *   3. decodes the event with camp_inbox_webhook_parse() (v1.0 and v2 envelopes;
 *      an undecodable event: 422);
 *   4. drops an event whose `id` or `seq` is among the last --window accepted
 *      ones (a replay or a sender's retry): 200 {"status":"ignored"} by default,
 *      so the sender stops retrying, or --replay-status 409;
 *   5. answers 200 {"status":"accepted"} and prints one line on stdout (a jump in
 *      `seq` past the highest one seen is noted on stderr as "gap: N event(s) ..."):
 *        accepted seq=N type=T campaign=ID name="NAME" id=EVENT_ID
 *      Every piece of network text is escaped (campctl's term.h, shared with the
 *      reporter): the campaign name as a JSON string, ids and types as text.
 * Refusals are reported on stderr as "refused STATUS: reason".
 *
 * The secret comes from --secret-file (first line) or $CAMP_WEBHOOK_SECRET, never
 * from the command line (other users can read it there). SIGTERM/SIGINT stop it.
 * docs/receiver.md has the details.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "camp/camp.h"
#include "mbedtls/camp_mbedtls_crypto.h"

#include "../campctl/term.h"

#define RX_HEAD_MAX 8192u          /* request line + headers */
#define RX_BODY_CAP (256u * 1024u) /* the largest --max-body */
#define RX_BODY_DEFAULT (64u * 1024u)
#define RX_TOKENS 1024u     /* a target event needs about 90 */
#define RX_WINDOW_CAP 1024u /* the largest --window */
#define RX_ID_MAX 64u       /* longer event ids are refused (documented ones have 24) */
#define RX_SECRET_MAX 512u

/* One accepted event remembered for duplicate detection. */
typedef struct rx_seen {
    char id[RX_ID_MAX];
    size_t id_len;
    int64_t seq; /* -1: none */
} rx_seen_t;

/* The duplicate window: a ring of the last `size` accepted events, in caller memory. */
typedef struct rx_window {
    rx_seen_t *slots;
    size_t size;     /* capacity in use (--window) */
    size_t count;    /* filled slots */
    size_t next;     /* slot written next */
    int64_t max_seq; /* highest seq accepted, -1 before the first */
} rx_window_t;

typedef struct rx_opts {
    unsigned port;
    const char *port_file;
    const char *secret_file;
    size_t max_body;
    uint32_t tolerance_s;
    int timeout_ms;
    size_t window;
    int replay_status;
} rx_opts_t;

/* Big buffers live here, not on the stack. */
static char g_head[RX_HEAD_MAX + 1];
static char g_body[RX_BODY_CAP + 1];
static camp_json_token_t g_tokens[RX_TOKENS];
static rx_seen_t g_slots[RX_WINDOW_CAP];
static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

/* ---- duplicate window ------------------------------------------------------------------ */

static int window_has(const rx_window_t *w, const camp_str_t *id, int64_t seq)
{
    size_t i;
    for (i = 0; i < w->count; i++) {
        const rx_seen_t *s = &w->slots[i];
        if ((s->id_len == id->len && memcmp(s->id, id->ptr, id->len) == 0) ||
            (seq >= 0 && s->seq == seq)) {
            return 1;
        }
    }
    return 0;
}

static void window_add(rx_window_t *w, const camp_str_t *id, int64_t seq)
{
    rx_seen_t *s = &w->slots[w->next];
    memcpy(s->id, id->ptr, id->len); /* id->len < RX_ID_MAX, checked by the caller */
    s->id_len = id->len;
    s->seq = seq;
    w->next = (w->next + 1) % w->size;
    if (w->count < w->size) {
        w->count++;
    }
}

/* ---- HTTP ---------------------------------------------------------------------------- */

static long ms_left(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(deadline->tv_sec - now.tv_sec) * 1000L +
           (deadline->tv_nsec - now.tv_nsec) / 1000000L;
}

/* Receive into buf within the deadline: bytes read (> 0), 0 on close, -1 on error, -2 on timeout. */
static ssize_t recv_until(int fd, char *buf, size_t cap, const struct timespec *deadline)
{
    for (;;) {
        struct pollfd pfd;
        long left = ms_left(deadline);
        ssize_t got;
        int rc;
        if (left <= 0) {
            return -2;
        }
        pfd.fd = fd;
        pfd.events = POLLIN;
        pfd.revents = 0;
        rc = poll(&pfd, 1, (int)left);
        if (rc < 0 && errno == EINTR) {
            if (g_stop) {
                return -1;
            }
            continue;
        }
        if (rc <= 0) {
            return rc == 0 ? -2 : -1;
        }
        got = recv(fd, buf, cap, 0);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        return got < 0 ? -1 : got;
    }
}

static void send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t put = send(fd, p, n, MSG_NOSIGNAL);
        if (put < 0 && errno == EINTR) {
            continue;
        }
        if (put <= 0) {
            return; /* the peer left; nothing more to do for it */
        }
        p += put;
        n -= (size_t)put;
    }
}

static const char *reason_of(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 431: return "Request Header Fields Too Large";
    default: return "Internal Server Error";
    }
}

/* Answer with a small JSON body {"status": WORD, "reason": TEXT}. TEXT is ours (library
 * status texts may hold quotes or backslashes: those become apostrophes and slashes,
 * anything outside printable ASCII a '?', so the body stays valid JSON). */
static void respond(int fd, int status, const char *word, const char *reason)
{
    char body[512], out[768], clean[256];
    size_t i;
    int blen, olen;
    for (i = 0; reason[i] != '\0' && i + 1 < sizeof clean; i++) {
        char c = reason[i];
        clean[i] = c == '"' ? '\'' : c == '\\' ? '/' : (c < 0x20 || c > 0x7E) ? '?' : c;
    }
    clean[i] = '\0';
    blen = snprintf(body, sizeof body, "{\"status\":\"%s\",\"reason\":\"%s\"}\n", word, clean);
    if (blen < 0 || (size_t)blen >= sizeof body) {
        blen = 0;
        body[0] = '\0';
    }
    olen = snprintf(out, sizeof out,
                    "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                    "Connection: close\r\n\r\n%s",
                    status, reason_of(status), blen, body);
    if (olen > 0 && (size_t)olen < sizeof out) {
        send_all(fd, out, (size_t)olen);
    }
}

static int refuse(int fd, int status, const char *reason)
{
    respond(fd, status, "refused", reason);
    fprintf(stderr, "refused %d: %s\n", status, reason);
    return status;
}

/* The CRLF CRLF that ends the head within the first @p n bytes (body bytes that came
 * along may hold anything, NUL included), or NULL. */
static char *find_blank_line(char *p, size_t n)
{
    size_t i;
    for (i = 0; i + 4 <= n; i++) {
        if (p[i] == '\r' && memcmp(p + i, "\r\n\r\n", 4) == 0) {
            return p + i;
        }
    }
    return NULL;
}

/* Find header @p name (case-insensitive) in the head; value trimmed; NULL when absent. */
static const char *find_header(const char *head, const char *name, size_t *len)
{
    size_t nlen = strlen(name);
    const char *line = strstr(head, "\r\n");
    while (line != NULL && line[2] != '\r' && line[2] != '\0') {
        const char *start = line + 2;
        const char *end = strstr(start, "\r\n");
        if (end == NULL) {
            return NULL;
        }
        if ((size_t)(end - start) > nlen && start[nlen] == ':' &&
            strncasecmp(start, name, nlen) == 0) {
            const char *v = start + nlen + 1;
            while (v < end && (*v == ' ' || *v == '\t')) {
                v++;
            }
            while (end > v && (end[-1] == ' ' || end[-1] == '\t')) {
                end--;
            }
            *len = (size_t)(end - v);
            return v;
        }
        line = end;
    }
    return NULL;
}

/* Content-Length: 1..19 digits; -1 when absent or malformed (a repeated header is refused too). */
static long long content_length(const char *head, int *bad)
{
    size_t len = 0, i;
    long long v = 0;
    const char *p = find_header(head, "Content-Length", &len);
    *bad = 0;
    if (p == NULL) {
        return -1;
    }
    if (len == 0 || len > 12) {
        *bad = 1;
        return -1;
    }
    for (i = 0; i < len; i++) {
        if (p[i] < '0' || p[i] > '9') {
            *bad = 1;
            return -1;
        }
        v = v * 10 + (p[i] - '0');
    }
    if (find_header(p + len, "Content-Length", &i) != NULL) {
        *bad = 1; /* two lengths: request smuggling territory */
        return -1;
    }
    return v;
}

/* ---- one request ----------------------------------------------------------------------- */

/* Network text as escaped by term_text(), or "-" when the event has none. */
static void put_text(FILE *f, const char *s, size_t n)
{
    if (s == NULL) {
        fputc('-', f);
    } else {
        term_text(f, s, n);
    }
}

static const char *campaign_id_of(const camp_inbox_webhook_t *ev, size_t *len)
{
    if (ev->has_campaign && ev->campaign.id.ptr != NULL) {
        *len = ev->campaign.id.len;
        return ev->campaign.id.ptr;
    }
    if ((ev->present & CAMP_INBOX_WEBHOOK_HAS_OBJECT) != 0 && ev->object_type.len == 8 &&
        memcmp(ev->object_type.ptr, "campaign", 8) == 0) {
        *len = ev->object_id.len;
        return ev->object_id.ptr;
    }
    *len = 0;
    return NULL;
}

static int handle(int fd, const rx_opts_t *o, const camp_webhook_verifier_t *v, rx_window_t *w)
{
    struct timespec deadline;
    size_t have = 0, head_len, body_have, sig_len = 0, cid_len;
    char *end = NULL;
    const char *sig, *cid;
    long long clen;
    int bad;
    camp_status_t st;
    camp_diag_t diag;
    camp_inbox_webhook_t ev;
    char msg[CAMP_DIAG_PATH_MAX + 160];

    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += o->timeout_ms / 1000;
    deadline.tv_nsec += (long)(o->timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }

    /* The head, then whatever part of the body came with it. */
    while (end == NULL) {
        ssize_t got;
        if (have == RX_HEAD_MAX) {
            return refuse(fd, 431, "request head larger than 8192 bytes");
        }
        got = recv_until(fd, g_head + have, RX_HEAD_MAX - have, &deadline);
        if (got == -2) {
            return refuse(fd, 408, "request not received in time");
        }
        if (got <= 0) {
            return 0; /* the client left */
        }
        have += (size_t)got;
        g_head[have] = '\0';
        end = find_blank_line(g_head, have);
    }
    head_len = (size_t)(end - g_head) + 4;
    if (memchr(g_head, '\0', head_len) != NULL) {
        return refuse(fd, 400, "NUL byte in the request head");
    }
    end[2] = '\0'; /* the head now ends with its last header's CRLF */

    if (strncmp(g_head, "POST ", 5) != 0) {
        return refuse(fd, 405, "only POST is accepted");
    }
    if (find_header(g_head, "Transfer-Encoding", &sig_len) != NULL) {
        return refuse(fd, 411, "send the body with Content-Length, not Transfer-Encoding");
    }
    clen = content_length(g_head, &bad);
    if (bad) {
        return refuse(fd, 400, "Content-Length must be one run of digits");
    }
    if (clen < 0) {
        return refuse(fd, 411, "Content-Length required");
    }
    if ((unsigned long long)clen > o->max_body) {
        snprintf(msg, sizeof msg, "body of %lld bytes is over the limit of %zu bytes", clen,
                 o->max_body);
        return refuse(fd, 413, msg);
    }
    body_have = have - head_len;
    if (body_have > (size_t)clen) {
        return refuse(fd, 400, "more bytes than Content-Length (one request per connection)");
    }
    /* curl and others wait (about a second) for this before a body over 1 KiB. */
    if (body_have == 0 && clen > 0 && (sig = find_header(g_head, "Expect", &sig_len)) != NULL &&
        sig_len == 12 && strncasecmp(sig, "100-continue", 12) == 0) {
        static const char go_on[] = "HTTP/1.1 100 Continue\r\n\r\n";
        send_all(fd, go_on, sizeof go_on - 1);
    }
    memcpy(g_body, g_head + head_len, body_have);
    while (body_have < (size_t)clen) {
        ssize_t got = recv_until(fd, g_body + body_have, (size_t)clen - body_have, &deadline);
        if (got == -2) {
            return refuse(fd, 408, "body not received in time");
        }
        if (got <= 0) {
            return 0;
        }
        body_have += (size_t)got;
    }

    /* 1. The signature, over the raw bytes, before anything reads the JSON. */
    sig = find_header(g_head, CAMP_WEBHOOK_SIGNATURE_HEADER, &sig_len);
    st = camp_webhook_verify(v, sig, sig == NULL ? 0 : sig_len, g_body, body_have,
                             (int64_t)time(NULL));
    if (st != CAMP_OK) {
        int code = (st == CAMP_ERR_SIG_FORMAT || st == CAMP_ERR_SIG_TIMESTAMP) ? 400 : 401;
        if (st == CAMP_ERR_CRYPTO || st == CAMP_ERR_ARG) {
            code = 500;
        }
        snprintf(msg, sizeof msg, "signature: %s", camp_status_str(st));
        return refuse(fd, code, msg);
    }

    /* 2. The event. */
    camp_diag_clear(&diag);
    st = camp_inbox_webhook_parse(g_body, body_have, g_tokens, RX_TOKENS, &ev, &diag);
    if (st != CAMP_OK) {
        char where[CAMP_DIAG_PATH_MAX + 96];
        camp_diag_format(&diag, where, sizeof where);
        snprintf(msg, sizeof msg, "event: %s", camp_status_str(st));
        respond(fd, 422, "refused", msg);
        fprintf(stderr, "refused 422: %s at ", msg);
        term_path(stderr, where); /* the path holds member names from the body */
        fputc('\n', stderr);
        return 422;
    }
    if (ev.id.ptr == NULL || ev.id.len == 0 || ev.id.len >= RX_ID_MAX) {
        return refuse(fd, 422, "event id missing or longer than 63 bytes");
    }

    /* 3. Duplicates: a replay of a captured delivery, or a retry of one we took. */
    if (window_has(w, &ev.id, ev.seq)) {
        if (o->replay_status == 409) {
            respond(fd, 409, "refused", "duplicate event (id or seq already accepted)");
        } else {
            respond(fd, 200, "ignored", "duplicate event (id or seq already accepted)");
        }
        fprintf(stderr, "ignored %d: duplicate event seq=%lld id=", o->replay_status,
                (long long)ev.seq);
        put_text(stderr, ev.id.ptr, ev.id.len);
        fputc('\n', stderr);
        return o->replay_status;
    }
    window_add(w, &ev.id, ev.seq);
    respond(fd, 200, "accepted", "ok");
    /* seq grows per team: a jump means events we never got (not delivered yet, given
     * up by the sender, or filtered). Worth a note; the feed (GET /events) has them. */
    if (ev.seq >= 0 && w->max_seq >= 0 && ev.seq > w->max_seq + 1) {
        fprintf(stderr, "gap: %lld event(s) before seq=%lld not received\n",
                (long long)(ev.seq - w->max_seq - 1), (long long)ev.seq);
    }
    if (ev.seq > w->max_seq) {
        w->max_seq = ev.seq;
    }

    printf("accepted seq=%lld type=", (long long)ev.seq);
    put_text(stdout, ev.type.ptr, ev.type.len);
    fputs(" campaign=", stdout);
    cid = campaign_id_of(&ev, &cid_len);
    put_text(stdout, cid, cid_len);
    fputs(" name=", stdout);
    if (ev.has_campaign && ev.campaign.name.ptr != NULL) {
        term_json_string(stdout, ev.campaign.name.ptr, ev.campaign.name.len);
    } else {
        fputs("\"\"", stdout);
    }
    fputs(" id=", stdout);
    put_text(stdout, ev.id.ptr, ev.id.len);
    fputc('\n', stdout);
    fflush(stdout);
    return 200;
}

/* Read and drop what the client still sends (a refused body) for up to 500 ms, so
 * closing does not reset the connection before the client has read our answer. */
static void drain(int fd)
{
    struct timespec deadline;
    char sink[4096];
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_nsec += 500000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    while (recv_until(fd, sink, sizeof sink, &deadline) > 0) {
    }
}

/* ---- setup ----------------------------------------------------------------------------- */

static void usage(FILE *f)
{
    fputs("usage: receiver [--port N] [--port-file FILE] [--secret-file FILE] [--max-body BYTES]\n"
          "                [--tolerance SECONDS] [--timeout-ms MS] [--window N]\n"
          "                [--replay-status 200|409]\n"
          "The signing secret is read from --secret-file (first line) or $CAMP_WEBHOOK_SECRET.\n"
          "Listens on 127.0.0.1; port 0 (the default) picks a free one (see --port-file).\n",
          f);
}

/* A decimal option in lo..hi; prints the rule and returns 0 when it is broken. */
static int parse_num(const char *name, const char *text, unsigned long lo, unsigned long hi,
                     unsigned long *out)
{
    char *endp = NULL;
    unsigned long v;
    errno = 0;
    v = strtoul(text, &endp, 10);
    if (text[0] < '0' || text[0] > '9' || errno != 0 || *endp != '\0' || v < lo || v > hi) {
        fprintf(stderr, "receiver: %s must be an integer in %lu..%lu\n", name, lo, hi);
        return 0;
    }
    *out = v;
    return 1;
}

static int parse_args(int argc, char **argv, rx_opts_t *o)
{
    int i;
    unsigned long v = 0;
    o->port = 0;
    o->port_file = NULL;
    o->secret_file = NULL;
    o->max_body = RX_BODY_DEFAULT;
    o->tolerance_s = CAMP_WEBHOOK_TOLERANCE_S;
    o->timeout_ms = 5000;
    o->window = 256;
    o->replay_status = 200;
    for (i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        }
        if (val == NULL) {
            fprintf(stderr, "receiver: unknown option or missing value: %s\n", a);
            return 0;
        }
        if (strcmp(a, "--port") == 0) {
            if (!parse_num("--port", val, 0, 65535, &v))
                return 0;
            o->port = (unsigned)v;
        } else if (strcmp(a, "--port-file") == 0) {
            o->port_file = val;
        } else if (strcmp(a, "--secret-file") == 0) {
            o->secret_file = val;
        } else if (strcmp(a, "--max-body") == 0) {
            if (!parse_num("--max-body", val, 1, RX_BODY_CAP, &v))
                return 0;
            o->max_body = v;
        } else if (strcmp(a, "--tolerance") == 0) {
            if (!parse_num("--tolerance", val, 1, 86400, &v))
                return 0;
            o->tolerance_s = (uint32_t)v;
        } else if (strcmp(a, "--timeout-ms") == 0) {
            if (!parse_num("--timeout-ms", val, 100, 60000, &v))
                return 0;
            o->timeout_ms = (int)v;
        } else if (strcmp(a, "--window") == 0) {
            if (!parse_num("--window", val, 1, RX_WINDOW_CAP, &v))
                return 0;
            o->window = v;
        } else if (strcmp(a, "--replay-status") == 0) {
            if (strcmp(val, "200") != 0 && strcmp(val, "409") != 0) {
                fprintf(stderr, "receiver: --replay-status must be 200 or 409\n");
                return 0;
            }
            o->replay_status = val[0] == '2' ? 200 : 409;
        } else {
            fprintf(stderr, "receiver: unknown option: %s\n", a);
            return 0;
        }
    }
    return 1;
}

/* The secret: first line of the file, or the environment. Empty is refused. */
static int load_secret(const rx_opts_t *o, char *out, size_t cap)
{
    size_t n;
    if (o->secret_file != NULL) {
        FILE *f = fopen(o->secret_file, "r");
        if (f == NULL) {
            fprintf(stderr, "receiver: cannot read --secret-file %s: %s\n", o->secret_file,
                    strerror(errno));
            return 0;
        }
        if (fgets(out, (int)cap, f) == NULL) {
            out[0] = '\0';
        }
        fclose(f);
    } else {
        const char *env = getenv("CAMP_WEBHOOK_SECRET");
        if (env == NULL || strlen(env) >= cap) {
            fprintf(stderr,
                    "receiver: no secret: give --secret-file FILE or set CAMP_WEBHOOK_SECRET "
                    "(at most %zu bytes)\n",
                    cap - 1);
            return 0;
        }
        memcpy(out, env, strlen(env) + 1);
    }
    n = strlen(out);
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r')) {
        out[--n] = '\0';
    }
    if (n == 0 || n + 1 >= cap) {
        fprintf(stderr, "receiver: the secret must be 1..%zu bytes on one line\n", cap - 2);
        return 0;
    }
    return 1;
}

static int write_port_file(const char *path, unsigned port)
{
    char tmp[4096];
    FILE *f;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        fprintf(stderr, "receiver: --port-file path too long\n");
        return 0;
    }
    f = fopen(tmp, "w");
    if (f == NULL || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "receiver: cannot write %s: %s\n", path, strerror(errno));
        return 0;
    }
    return 1; /* renamed into place: a reader never sees half a number */
}

int main(int argc, char **argv)
{
    rx_opts_t o;
    static char secret[RX_SECRET_MAX];
    camp_crypto_t crypto = camp_mbedtls_crypto();
    camp_webhook_verifier_t v;
    rx_window_t w;
    struct sockaddr_in addr;
    socklen_t alen = sizeof addr;
    struct sigaction sa;
    int lfd, one = 1;

    if (!parse_args(argc, argv, &o)) {
        usage(stderr);
        return 2;
    }
    if (!load_secret(&o, secret, sizeof secret)) {
        return 2;
    }
    camp_webhook_verifier_init(&v, &crypto, secret, strlen(secret));
    v.tolerance_s = o.tolerance_s;
    w.slots = g_slots;
    w.size = o.window;
    w.count = 0;
    w.next = 0;
    w.max_seq = -1;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0) {
        perror("receiver: socket");
        return 1;
    }
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o.port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 16) != 0 ||
        getsockname(lfd, (struct sockaddr *)&addr, &alen) != 0) {
        fprintf(stderr, "receiver: cannot listen on 127.0.0.1:%u: %s\n", o.port, strerror(errno));
        close(lfd);
        return 1;
    }
    o.port = ntohs(addr.sin_port);
    if (o.port_file != NULL && !write_port_file(o.port_file, o.port)) {
        close(lfd);
        return 1;
    }
    fprintf(stderr,
            "receiver: listening on 127.0.0.1:%u (body <= %zu bytes, tolerance %u s, window %zu)\n",
            o.port, o.max_body, (unsigned)o.tolerance_s, o.window);

    while (!g_stop) {
        struct pollfd pfd;
        int cfd;
        pfd.fd = lfd;
        pfd.events = POLLIN;
        pfd.revents = 0;
        if (poll(&pfd, 1, 250) <= 0) {
            continue; /* timeout or a signal: look at g_stop again */
        }
        cfd = accept(lfd, NULL, NULL);
        if (cfd < 0) {
            continue;
        }
        handle(cfd, &o, &v, &w);
        shutdown(cfd, SHUT_WR);
        drain(cfd);
        close(cfd);
    }
    close(lfd);
    fprintf(stderr, "receiver: stopped\n");
    return 0;
}
