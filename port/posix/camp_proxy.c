/* HTTP proxy CONNECT tunnels. See camp_proxy.h. */
#include "camp_proxy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "camp_posix.h"

/* Longest user name and password sent to a proxy (each). */
#define PROXY_CRED_MAX 255u

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static bool ieq_n(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) {
            return false;
        }
    }
    return true;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = lower(c);
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* Copy s[0..n) into buf at *used (percent-decoding when asked), NUL-terminate. */
static camp_status_t put_piece(const char *s, size_t n, bool decode, char *buf, size_t cap,
                               size_t *used, const char **out)
{
    size_t i;
    char *dst = buf + *used;
    size_t k = 0;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (decode && c == '%') {
            int h;
            int l;
            if (i + 2 >= n) {
                return CAMP_ERR_ARG; /* "%" or "%x" at the end */
            }
            h = hexval((unsigned char)s[i + 1]);
            l = hexval((unsigned char)s[i + 2]);
            if (h < 0 || l < 0) {
                return CAMP_ERR_ARG;
            }
            c = h * 16 + l;
            if (c < 0x20 || c == 0x7f) {
                return CAMP_ERR_ARG; /* would end up in a header */
            }
            i += 2;
        }
        if (*used + k + 1u >= cap) {
            return CAMP_ERR_BUFFER_TOO_SMALL;
        }
        dst[k++] = (char)c;
    }
    if (*used + k + 1u > cap) {
        return CAMP_ERR_BUFFER_TOO_SMALL;
    }
    dst[k] = '\0';
    *out = dst;
    *used += k + 1u;
    return CAMP_OK;
}

static bool parse_port(const char *s, size_t n, uint16_t *port)
{
    unsigned long v = 0;
    size_t i;
    if (n == 0 || n > 5) {
        return false;
    }
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10u + (unsigned long)(s[i] - '0');
    }
    if (v == 0 || v > 65535u) {
        return false;
    }
    *port = (uint16_t)v;
    return true;
}

static bool has_ctl(const char *url)
{
    size_t i;
    for (i = 0; url[i] != '\0'; i++) {
        unsigned char c = (unsigned char)url[i];
        if (c <= 0x20u || c == 0x7fu) {
            return true;
        }
    }
    return false;
}

/* Where the authority starts: after the "http:" scheme and its two slashes (any
 * case), or at the start. */
static camp_status_t skip_scheme(const char *url, const char **p)
{
    const char *scheme_end = strstr(url, "://");
    *p = url;
    if (scheme_end != NULL) {
        if ((size_t)(scheme_end - url) != 4u || !ieq_n(url, "http", 4u)) {
            return CAMP_ERR_UNSUPPORTED;
        }
        *p = scheme_end + 3;
    }
    return CAMP_OK;
}

/* The authority ends at an optional trailing '/'; its last '@' (if any) ends the user
 * information. */
static camp_status_t find_authority(const char *p, const char **end, const char **at)
{
    const char *q;
    const char *auth_end = strchr(p, '/');
    if (auth_end == NULL) {
        auth_end = p + strlen(p);
    } else if (auth_end[1] != '\0') {
        return CAMP_ERR_ARG; /* a proxy URL has no path */
    }
    *at = NULL;
    for (q = p; q < auth_end; q++) {
        if (*q == '@') {
            *at = q;
        }
    }
    *end = auth_end;
    return CAMP_OK;
}

/* The host and optional port of hp..end: "[v6]:port", "[v6]", "name:port" or "name". */
typedef struct {
    const char *host;
    size_t host_len;
    const char *port_s;
    size_t port_len;
} hostport_t;

static camp_status_t split_hostport(const char *hp, const char *end, hostport_t *hpo)
{
    hpo->port_s = NULL;
    hpo->port_len = 0;
    if (hp < end && *hp == '[') {
        const char *close = memchr(hp, ']', (size_t)(end - hp));
        if (close == NULL) {
            return CAMP_ERR_ARG;
        }
        hpo->host = hp + 1;
        hpo->host_len = (size_t)(close - hpo->host);
        if (close + 1 < end) {
            if (close[1] != ':') {
                return CAMP_ERR_ARG;
            }
            hpo->port_s = close + 2;
            hpo->port_len = (size_t)(end - hpo->port_s);
        }
    } else {
        const char *colon = memchr(hp, ':', (size_t)(end - hp));
        hpo->host = hp;
        hpo->host_len = (size_t)((colon != NULL ? colon : end) - hp);
        if (colon != NULL) {
            hpo->port_s = colon + 1;
            hpo->port_len = (size_t)(end - hpo->port_s);
        }
    }
    if (hpo->host_len == 0 || memchr(hpo->host, '@', hpo->host_len) != NULL ||
        memchr(hpo->host, '[', hpo->host_len) != NULL) {
        return CAMP_ERR_ARG;
    }
    return CAMP_OK;
}

/* Copies "user[:password]" of p..at (percent-decoded) into buf. */
static camp_status_t put_userinfo(const char *p, const char *at, char *buf, size_t cap,
                                  size_t *used, camp_proxy_t *out)
{
    const char *colon = memchr(p, ':', (size_t)(at - p));
    size_t ulen = (size_t)((colon != NULL ? colon : at) - p);
    camp_status_t st = put_piece(p, ulen, true, buf, cap, used, &out->user);
    if (st == CAMP_OK && colon != NULL) {
        st = put_piece(colon + 1, (size_t)(at - colon - 1), true, buf, cap, used, &out->password);
    }
    return st;
}

camp_status_t camp_proxy_parse(const char *url, camp_proxy_t *out, char *buf, size_t cap)
{
    const char *p;
    const char *auth_end;
    const char *at;
    hostport_t hpo;
    size_t used = 0;
    camp_status_t st;

    if (url == NULL || out == NULL || buf == NULL || cap == 0) {
        return CAMP_ERR_ARG;
    }
    memset(out, 0, sizeof *out);
    if (has_ctl(url)) {
        return CAMP_ERR_ARG;
    }
    st = skip_scheme(url, &p);
    if (st != CAMP_OK) {
        return st;
    }
    st = find_authority(p, &auth_end, &at);
    if (st != CAMP_OK) {
        return st;
    }
    st = split_hostport((at != NULL) ? at + 1 : p, auth_end, &hpo);
    if (st != CAMP_OK) {
        return st;
    }
    out->port = 80;
    if (hpo.port_s != NULL && !parse_port(hpo.port_s, hpo.port_len, &out->port)) {
        return CAMP_ERR_ARG;
    }
    st = put_piece(hpo.host, hpo.host_len, false, buf, cap, &used, &out->host);
    if (st == CAMP_OK && at != NULL) {
        st = put_userinfo(p, at, buf, cap, &used, out);
    }
    if (st != CAMP_OK) {
        memset(out, 0, sizeof *out);
    }
    return st;
}

/* Does @p host (length n) equal, or end with "." +, the entry e[0..m)? */
static bool host_matches(const char *host, size_t n, const char *e, size_t m)
{
    if (m == 0) {
        return false;
    }
    if (n == m) {
        return ieq_n(host, e, m);
    }
    return n > m && host[n - m - 1u] == '.' && ieq_n(host + (n - m), e, m);
}

static bool is_list_sep(char c)
{
    return c == ',' || c == ' ' || c == '\t';
}

/* Does one no_proxy entry entry[0..len) cover host (length n)? */
static bool entry_matches(const char *host, size_t n, const char *entry, size_t len)
{
    const char *e = entry;
    size_t m = len;
    const char *colon;
    if (m == 1 && e[0] == '*') {
        return true;
    }
    if (m > 0 && e[0] == '[') {
        /* [v6]:port or [v6] */
        const char *close = memchr(e, ']', m);
        return close != NULL && host_matches(host, n, e + 1, (size_t)(close - e - 1));
    }
    colon = memchr(e, ':', m);
    if (colon != NULL && memchr(colon + 1, ':', m - (size_t)(colon + 1 - e)) == NULL) {
        m = (size_t)(colon - e); /* name:port (a single colon: not an IPv6 literal) */
    }
    while (m > 0 && e[0] == '.') {
        e++;
        m--;
    }
    return host_matches(host, n, e, m);
}

bool camp_proxy_bypass(const char *no_proxy, const char *host)
{
    const char *p = no_proxy;
    size_t n;
    if (p == NULL || host == NULL || host[0] == '\0') {
        return false;
    }
    n = strlen(host);
    while (*p != '\0') {
        const char *e;
        while (is_list_sep(*p)) {
            p++;
        }
        e = p;
        while (*p != '\0' && !is_list_sep(*p)) {
            p++;
        }
        if (entry_matches(host, n, e, (size_t)(p - e))) {
            return true;
        }
    }
    return false;
}

camp_status_t camp_proxy_from_env(const char *host, bool tls, camp_proxy_t *out, char *buf,
                                  size_t cap, bool *use)
{
    const char *v;
    const char *np;
    if (use != NULL) {
        *use = false;
    }
    if (host == NULL || out == NULL || buf == NULL || use == NULL) {
        return CAMP_ERR_ARG;
    }
    if (tls) {
        v = getenv("https_proxy");
        if (v == NULL || v[0] == '\0') {
            v = getenv("HTTPS_PROXY");
        }
    } else {
        v = getenv("http_proxy");
    }
    if (v == NULL || v[0] == '\0') {
        return CAMP_OK;
    }
    np = getenv("no_proxy");
    if (np == NULL || np[0] == '\0') {
        np = getenv("NO_PROXY");
    }
    if (camp_proxy_bypass(np, host)) {
        return CAMP_OK;
    }
    {
        camp_status_t st = camp_proxy_parse(v, out, buf, cap);
        if (st != CAMP_OK) {
            return st;
        }
    }
    *use = true;
    return CAMP_OK;
}

/* ---- the tunnel ------------------------------------------------------------ */

static uint32_t left_ms(uint64_t deadline_ms)
{
    uint64_t now = camp_posix_now_ms();
    if (now >= deadline_ms) {
        return 0;
    }
    return (deadline_ms - now > 0x7fffffffu) ? 0x7fffffffu : (uint32_t)(deadline_ms - now);
}

static size_t base64(const uint8_t *in, size_t n, char *out)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i;
    size_t k = 0;
    for (i = 0; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
        out[k++] = tab[(v >> 18) & 63u];
        out[k++] = tab[(v >> 12) & 63u];
        out[k++] = tab[(v >> 6) & 63u];
        out[k++] = tab[v & 63u];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16;
        if (i + 1 < n) {
            v |= (uint32_t)in[i + 1] << 8;
        }
        out[k++] = tab[(v >> 18) & 63u];
        out[k++] = tab[(v >> 12) & 63u];
        out[k++] = (i + 1 < n) ? tab[(v >> 6) & 63u] : '=';
        out[k++] = '=';
    }
    out[k] = '\0';
    return k;
}

/* Printable ASCII without spaces, '@', '/', '?', '#' (nothing that could
 * end the request target or inject a header). */
static bool safe_host(const char *h)
{
    size_t i;
    for (i = 0; h[i] != '\0'; i++) {
        unsigned char c = (unsigned char)h[i];
        if (c <= 0x20u || c >= 0x7fu || c == '@' || c == '/' || c == '?' || c == '#' || c == '[' ||
            c == ']') {
            return false;
        }
    }
    return i > 0 && i < 256u;
}

static bool safe_cred(const char *s)
{
    size_t i;
    if (s == NULL) {
        return true;
    }
    for (i = 0; s[i] != '\0'; i++) {
        if ((unsigned char)s[i] < 0x20u || (unsigned char)s[i] == 0x7fu) {
            return false;
        }
    }
    return i <= PROXY_CRED_MAX;
}

/* Clear credential bytes; volatile so the stores are not optimised away. */
static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = (volatile unsigned char *)p;
    while (n > 0) {
        n--;
        v[n] = 0;
    }
}

/* The base64 form of "user:password" into b64; false when it does not fit. */
static bool encode_cred(const camp_proxy_t *proxy, char *b64)
{
    char cred[2u * PROXY_CRED_MAX + 2u];
    const char *pw = proxy->password != NULL ? proxy->password : "";
    int n = snprintf(cred, sizeof cred, "%s:%s", proxy->user, pw);
    if (n >= 0 && (size_t)n < sizeof cred) {
        (void)base64((const uint8_t *)cred, (size_t)n, b64);
    }
    wipe(cred, sizeof cred); /* on every path: the password must not stay on the stack */
    return n >= 0 && (size_t)n < sizeof cred;
}

/* Build the CONNECT request; returns its length, 0 when it does not fit. */
static size_t build_request(const camp_proxy_t *proxy, const char *host, uint16_t port, char *req,
                            size_t cap)
{
    /* the base64 form of user:password (each <= 255 bytes) */
    char b64[((2u * PROXY_CRED_MAX + 1u + 2u) / 3u) * 4u + 1u];
    bool v6 = strchr(host, ':') != NULL;
    bool auth = proxy->user != NULL;
    const char *lb = v6 ? "[" : "";
    const char *rb = v6 ? "]" : "";
    int n;
    if (auth && !encode_cred(proxy, b64)) {
        return 0;
    }
    n = snprintf(req, cap, "CONNECT %s%s%s:%u HTTP/1.1\r\nHost: %s%s%s:%u\r\n%s%s%s\r\n", lb, host,
                 rb, (unsigned)port, lb, host, rb, (unsigned)port,
                 auth ? "Proxy-Authorization: Basic " : "", auth ? b64 : "", auth ? "\r\n" : "");
    if (auth) {
        wipe(b64, sizeof b64);
    }
    if (n < 0 || (size_t)n >= cap) {
        return 0;
    }
    return (size_t)n;
}

/* Does head[0..len) end with an empty line (LF LF or LF CR LF)? */
static bool head_done(const char *head, size_t len)
{
    if (len < 2 || head[len - 1] != '\n') {
        return false;
    }
    return head[len - 2] == '\n' || (len >= 3 && head[len - 2] == '\r' && head[len - 3] == '\n');
}

/* Read the answer head byte by byte (nothing past it is consumed). */
static camp_status_t recv_head(int fd, uint64_t deadline_ms, char *head, size_t cap, size_t *len)
{
    *len = 0;
    for (;;) {
        uint8_t c;
        int32_t r = camp_posix_fd_recv(fd, &c, 1, left_ms(deadline_ms));
        if (r == 0) {
            if (left_ms(deadline_ms) == 0) {
                return CAMP_ERR_TIMEOUT;
            }
            continue;
        }
        if (r < 0) {
            return CAMP_ERR_PROXY; /* closed or failed before the end of the head */
        }
        if (*len == cap) {
            return CAMP_ERR_PROXY; /* endless head */
        }
        head[(*len)++] = (char)c;
        if (head_done(head, *len)) {
            return CAMP_OK;
        }
    }
}

/* The status code of "HTTP/1.x NNN" at the start of head, or -1. */
static int status_code(const char *head, size_t len)
{
    size_t i;
    int code = 0;
    if (len < 14 || memcmp(head, "HTTP/1.", 7) != 0 || head[7] < '0' || head[7] > '9' ||
        head[8] != ' ') {
        return -1;
    }
    for (i = 9; i < 12; i++) {
        if (head[i] < '0' || head[i] > '9') {
            return -1;
        }
        code = code * 10 + (head[i] - '0');
    }
    if (head[12] != ' ' && head[12] != '\r' && head[12] != '\n') {
        return -1;
    }
    return code;
}

static camp_status_t read_head(int fd, uint64_t deadline_ms, int *status)
{
    char head[CAMP_PROXY_HEAD_MAX];
    size_t len;
    int code;
    camp_status_t st = recv_head(fd, deadline_ms, head, sizeof head, &len);
    if (st != CAMP_OK) {
        return st;
    }
    code = status_code(head, len);
    if (code < 0) {
        return CAMP_ERR_PROXY;
    }
    *status = code;
    return (code >= 200 && code <= 299) ? CAMP_OK : CAMP_ERR_PROXY;
}

static bool tunnel_args_ok(const camp_proxy_t *proxy, const char *host, uint16_t port,
                           const int *fd)
{
    if (proxy == NULL || proxy->host == NULL || proxy->port == 0 || host == NULL || fd == NULL ||
        port == 0) {
        return false;
    }
    return safe_host(host) && safe_cred(proxy->user) && safe_cred(proxy->password);
}

/* Send all of req before the deadline. */
static camp_status_t send_all(int fd, const char *req, size_t req_len, uint64_t deadline_ms)
{
    size_t sent = 0;
    while (sent < req_len) {
        int32_t r = camp_posix_fd_send(fd, (const uint8_t *)req + sent, req_len - sent,
                                       left_ms(deadline_ms));
        if (r > 0) {
            sent += (size_t)r;
        } else if (r < 0) {
            return CAMP_ERR_NET;
        } else if (left_ms(deadline_ms) == 0) {
            return CAMP_ERR_TIMEOUT;
        }
    }
    return CAMP_OK;
}

camp_status_t camp_proxy_tunnel(const camp_proxy_t *proxy, const char *host, uint16_t port,
                                uint64_t deadline_ms, int *fd, int *proxy_status)
{
    char req[1024 + 2u * PROXY_CRED_MAX * 2u];
    size_t req_len;
    int status = 0;
    camp_status_t st;
    uint32_t budget;
    if (fd != NULL) {
        *fd = -1;
    }
    if (proxy_status != NULL) {
        *proxy_status = 0;
    }
    if (!tunnel_args_ok(proxy, host, port, fd)) {
        return CAMP_ERR_ARG;
    }
    req_len = build_request(proxy, host, port, req, sizeof req);
    if (req_len == 0) {
        return CAMP_ERR_ARG;
    }
    budget = left_ms(deadline_ms);
    if (budget == 0) {
        memset(req, 0, sizeof req);
        return CAMP_ERR_TIMEOUT;
    }
    st = camp_posix_tcp_connect(proxy->host, proxy->port, budget, fd, NULL);
    if (st == CAMP_OK) {
        st = send_all(*fd, req, req_len, deadline_ms);
    }
    memset(req, 0, sizeof req); /* it may hold the proxy credentials */
    if (st == CAMP_OK) {
        st = read_head(*fd, deadline_ms, &status);
    }
    if (proxy_status != NULL) {
        *proxy_status = status;
    }
    if (st != CAMP_OK && *fd >= 0) {
        camp_posix_tcp_close(*fd);
        *fd = -1;
    }
    return st;
}
