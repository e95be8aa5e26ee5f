/**
 * @file camp_proxy.h
 * @brief HTTP proxy tunnelling (CONNECT, RFC 9110 §9.3.6) for the POSIX and
 *        mbedTLS ports, with optional Basic authentication.
 *
 * Appliances on company networks often reach the internet only through an
 * HTTP proxy. The port opens a TCP connection to the proxy, asks it for a
 * tunnel with `CONNECT host:port HTTP/1.1`, and once the proxy answers 2xx the
 * socket is a byte pipe to the API host: TLS (handshake, SNI and the host name
 * check against the API host, never the proxy) runs through it unchanged.
 * The proxy is not trusted with the content: it only sees the host name and
 * port, plus the proxy credentials when Basic authentication is used (sent
 * in clear text to the proxy, as with every HTTP proxy).
 *
 * Everything is bounded by one deadline (an instant of camp_posix_now_ms()):
 * a proxy that refuses, stalls, trickles or sends an endless header block
 * ends the call within it.
 *
 * @code
 *   static char proxy_buf[CAMP_PROXY_URL_MAX];
 *   camp_proxy_t proxy;
 *   bool use = false;
 *   if (camp_proxy_from_env("inboxapp.com", true, &proxy, proxy_buf, sizeof proxy_buf, &use)
 *           == CAMP_OK && use) {
 *       tls_cfg.proxy = &proxy;            // port/mbedtls: kept by pointer
 *   }
 * @endcode
 */
#ifndef CAMP_PROXY_H
#define CAMP_PROXY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "camp/camp_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Room for the pieces of one parsed proxy URL (host, user, password). */
#define CAMP_PROXY_URL_MAX 512u

/** Longest proxy response head (status line + headers) accepted. */
#define CAMP_PROXY_HEAD_MAX 4096u

/** An HTTP proxy reached with CONNECT. Strings are kept by pointer. */
typedef struct camp_proxy {
    const char *host;     /**< proxy host name or IP literal (IPv6 without brackets) */
    uint16_t port;        /**< proxy TCP port */
    const char *user;     /**< NULL: no authentication; else Basic user name */
    const char *password; /**< Basic password; NULL counts as "" */
} camp_proxy_t;

/**
 * @brief Parse a proxy URL: `[http://][user[:password]@]host[:port][/]`.
 *
 * The port defaults to 80; IPv6 literals are written in brackets
 * (`http://[::1]:3128`); user and password may be percent-encoded. The pieces
 * are copied into @p buf, which must outlive @p out.
 *
 * @param[in]  url the URL, NUL-terminated.
 * @param[out] out the proxy (host, port, user, password point into @p buf).
 * @param[out] buf storage for the pieces.
 * @param[in]  cap its size (CAMP_PROXY_URL_MAX is enough for any accepted URL).
 * @return CAMP_OK; CAMP_ERR_ARG (NULL argument, empty host, bad or zero port,
 *         control bytes or spaces, bad percent escape, a path other than "/");
 *         CAMP_ERR_UNSUPPORTED (a scheme other than http, e.g. https:// or
 *         socks5://); CAMP_ERR_BUFFER_TOO_SMALL (@p cap too small).
 */
CAMP_NODISCARD camp_status_t camp_proxy_parse(const char *url, camp_proxy_t *out, char *buf,
                                              size_t cap);

/**
 * @brief Does a `no_proxy` list exempt @p host from the proxy?
 *
 * The list is separated by commas and/or spaces. `*` matches every host; an
 * entry `example.com` or `.example.com` matches that name and all its
 * subdomains; an IP literal matches only itself. Comparison ignores case; a
 * `:port` after an entry is ignored (every port matches).
 *
 * @param[in] no_proxy the list; NULL or "" exempts nothing.
 * @param[in] host     the host about to be connected to.
 * @return true when @p host must be reached directly.
 */
bool camp_proxy_bypass(const char *no_proxy, const char *host);

/**
 * @brief The proxy the environment asks for, for a connection to @p host.
 *
 * Reads `https_proxy` / `HTTPS_PROXY` when @p tls is true, else `http_proxy`
 * (the lower-case name wins; upper-case `HTTP_PROXY` is ignored for plain
 * HTTP, as curl does, because CGI servers set it from a request header), and
 * `no_proxy` / `NO_PROXY`.
 *
 * @param[in]  host host to connect to.
 * @param[in]  tls  the connection will run TLS.
 * @param[out] out  the proxy, valid when *use is true.
 * @param[out] buf  storage for its pieces (see camp_proxy_parse()).
 * @param[in]  cap  size of @p buf.
 * @param[out] use  true when the connection must go through @p out.
 * @return CAMP_OK (also when no proxy applies: *use false); any status of
 *         camp_proxy_parse() for a malformed variable; CAMP_ERR_ARG for NULLs.
 */
CAMP_NODISCARD camp_status_t camp_proxy_from_env(const char *host, bool tls, camp_proxy_t *out,
                                                 char *buf, size_t cap, bool *use);

/**
 * @brief Connect to @p proxy and open a CONNECT tunnel to @p host : @p port,
 * never waiting past @p deadline_ms (an instant of camp_posix_now_ms()).
 *
 * Sends `CONNECT host:port HTTP/1.1`, `Host`, and `Proxy-Authorization:
 * Basic ...` when the proxy has a user; reads the answer head (at most
 * CAMP_PROXY_HEAD_MAX bytes, byte by byte so nothing of the tunnelled stream
 * is consumed).
 *
 * @param[in]  proxy        the proxy.
 * @param[in]  host         target host (sent to the proxy; no control bytes,
 *                          spaces or '@'; an IPv6 literal is bracketed).
 * @param[in]  port         target port, 1..65535.
 * @param[in]  deadline_ms  instant after which the call gives up.
 * @param[out] fd           the tunnelled socket on success (non-blocking,
 *                          as camp_posix_tcp_connect()); -1 otherwise.
 * @param[out] proxy_status the proxy's HTTP status, 0 when none was read. May be NULL.
 * @return CAMP_OK (2xx: the tunnel is open); CAMP_ERR_ARG (NULL, empty or
 *         unsafe host, port 0, credentials longer than 255 bytes each);
 *         CAMP_ERR_DNS, CAMP_ERR_NET (proxy not reached);
 *         CAMP_ERR_TIMEOUT (deadline passed while connecting, sending or
 *         reading the answer); CAMP_ERR_PROXY (any other status, e.g. 407
 *         authentication required or 403/502 refused, in *proxy_status; or a
 *         malformed, oversized or cut answer: *proxy_status 0 when no status
 *         line could be read).
 */
CAMP_NODISCARD camp_status_t camp_proxy_tunnel(const camp_proxy_t *proxy, const char *host,
                                               uint16_t port, uint64_t deadline_ms, int *fd,
                                               int *proxy_status);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_PROXY_H */
