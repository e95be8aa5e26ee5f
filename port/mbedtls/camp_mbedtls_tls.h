/**
 * @file camp_mbedtls_tls.h
 * @brief HTTPS for libcamp: a TLS client transport on mbedTLS.
 *
 * Builds against mbedTLS 2.28 (Debian), 3.6 LTS and 4.x (version guards
 * inside; TLS 1.3 is used when the library and the server offer it). The
 * core of libcamp never allocates; mbedTLS does (record buffers, certificates,
 * handshake state) unless it is built with MBEDTLS_MEMORY_BUFFER_ALLOC_C and a
 * static arena: see docs/tls.md for the measured peak and how to shrink it.
 *
 * Life cycle, typical for a device that polls an API:
 * @code
 *   static camp_mbedtls_tls_t tls;              // caller-allocated, see sizeof below
 *   camp_mbedtls_tls_config_t cfg;
 *   camp_mbedtls_tls_config_init(&cfg);
 *   cfg.ca = ca_pem; cfg.ca_len = sizeof ca_pem; // PEM: length includes the NUL
 *   if (camp_mbedtls_tls_init(&tls, &cfg) != CAMP_OK) { ... camp_mbedtls_tls_reason(&tls) ... }
 *   for (;;) {
 *       if (camp_mbedtls_tls_connect(&tls, "inboxapp.com", 443) == CAMP_OK) {
 *           camp_transport_t t = camp_mbedtls_tls_transport(&tls);
 *           ... one or more HTTP requests over t ...
 *           camp_mbedtls_tls_close(&tls);       // the session is kept for the next connect
 *       }
 *       sleep_a_minute();                       // next connect resumes the session
 *   }
 *   camp_mbedtls_tls_free(&tls);
 * @endcode
 *
 * Security properties that cannot be switched off: the peer certificate must
 * chain to the configured CA bundle (MBEDTLS_SSL_VERIFY_REQUIRED), the host
 * name passed to connect is sent as SNI and must match the certificate, and
 * renegotiation is refused. Certificate validity dates are checked only when
 * mbedTLS has a clock (MBEDTLS_HAVE_TIME_DATE); a target without one must say
 * so in its own threat model.
 *
 * sizeof(camp_mbedtls_tls_t) on x86-64 is about 41.5 KB with Debian's mbedTLS
 * 2.28 (37960 B of it are mbedtls_entropy_context, 36880 of which are the
 * HAVEGE state Debian's build enables), about 4.7 KB with 3.6 and 5.1 KB with
 * 4.x, which has no DRBG in the struct (PSA supplies randomness). The record
 * buffers and parsed certificates live on mbedTLS's heap, not here (see
 * docs/tls.md). tests/unit/test_tls.c prints the figure of your build.
 *
 * Deadlines: camp_mbedtls_tls_connect_until() bounds the TCP connect and the
 * handshake together by one instant; camp_mbedtls_tls_set_deadline() bounds
 * every later send/recv wait. With camp_client_t, plug in
 * camp_mbedtls_tls_open_until() and camp_mbedtls_tls_set_deadline() as
 * conn.open_until / conn.set_deadline and timeout_ms covers the whole request.
 *
 * Not thread-safe: one camp_mbedtls_tls_t per thread of use.
 */
#ifndef CAMP_MBEDTLS_TLS_H
#define CAMP_MBEDTLS_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <mbedtls/version.h>
#if MBEDTLS_VERSION_NUMBER < 0x04000000
/* 4.x has no DRBG of its own: PSA supplies the randomness. */
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#endif
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "camp/camp_status.h"
#include "camp/camp_transport.h"
#include "camp_mbedtls_net.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default TCP connect timeout, milliseconds (cfg value 0 selects it). */
#ifndef CAMP_MBEDTLS_CONNECT_TIMEOUT_MS
#define CAMP_MBEDTLS_CONNECT_TIMEOUT_MS 10000u
#endif

/** Default TLS handshake timeout, milliseconds (cfg value 0 selects it). */
#ifndef CAMP_MBEDTLS_HANDSHAKE_TIMEOUT_MS
#define CAMP_MBEDTLS_HANDSHAKE_TIMEOUT_MS 10000u
#endif

/**
 * Default longest wait of one transport send/recv call, milliseconds. When it
 * passes, the call returns 0 ("try again") so the HTTP layer can check its own
 * request deadline; it is not an error by itself.
 */
#ifndef CAMP_MBEDTLS_READ_TIMEOUT_MS
#define CAMP_MBEDTLS_READ_TIMEOUT_MS 1000u
#endif

/** Longest host name accepted by connect (RFC 1035: 253 characters) plus NUL. */
#define CAMP_MBEDTLS_HOST_MAX 256u

/** Size of the failure reason text kept in the context, including the NUL. */
#define CAMP_MBEDTLS_REASON_MAX 192u

struct camp_proxy; /* port/posix/camp_proxy.h */

/**
 * @brief Credentials and timeouts. Zero-initialise with
 * camp_mbedtls_tls_config_init(), then fill what you need.
 *
 * Each credential comes either from memory (pointer + length: PEM including its
 * terminating NUL, or DER) or, on hosts with a file system (MBEDTLS_FS_IO), from
 * a file path. Memory wins when both are given. The buffers are parsed during
 * camp_mbedtls_tls_init() and not used afterwards.
 */
typedef struct camp_mbedtls_tls_config {
    const uint8_t *ca;               /**< trusted CA bundle (required, this or ca_file) */
    size_t ca_len;                   /**< bytes in @ref ca (PEM: strlen + 1) */
    const char *ca_file;             /**< path of a PEM/DER CA bundle */
    const uint8_t *client_cert;      /**< optional client certificate chain for mutual TLS */
    size_t client_cert_len;          /**< bytes in @ref client_cert */
    const char *client_cert_file;    /**< path alternative to @ref client_cert */
    const uint8_t *client_key;       /**< private key of @ref client_cert (required with it) */
    size_t client_key_len;           /**< bytes in @ref client_key */
    const char *client_key_file;     /**< path alternative to @ref client_key */
    const char *client_key_password; /**< NULL when the key is not encrypted */
    uint32_t connect_timeout_ms;     /**< 0: CAMP_MBEDTLS_CONNECT_TIMEOUT_MS */
    uint32_t handshake_timeout_ms;   /**< 0: CAMP_MBEDTLS_HANDSHAKE_TIMEOUT_MS */
    uint32_t read_timeout_ms;        /**< 0: CAMP_MBEDTLS_READ_TIMEOUT_MS */
    /** RFC 6066 max fragment length asked from the server: 0 none, else a
     *  MBEDTLS_SSL_MAX_FRAG_LEN_512..4096 code. Servers may ignore it.
     *  mbedTLS negotiates it only in TLS 1.2 (3.6 sends it in a 1.3 hello and
     *  then rejects the 1.3 server's answer), so a non-zero value keeps every
     *  connection of this context on TLS 1.2. */
    uint8_t max_fragment_len;
    bool disable_session_resumption; /**< true: full handshake on every connect */
    camp_now_ms_fn now_ms;           /**< monotonic ms clock; NULL: camp_mbedtls_net_now_ms() */
    void *now_ctx;                   /**< handed to @ref now_ms */
    /** NULL: connect directly. Else every connect opens an HTTP CONNECT tunnel
     *  through this proxy (camp_proxy.h) within the same deadline; TLS, SNI and
     *  the certificate name check still concern the API host. Kept by pointer:
     *  must outlive the context. Decide per host with camp_proxy_bypass() /
     *  camp_proxy_from_env(). */
    const struct camp_proxy *proxy;
} camp_mbedtls_tls_config_t;

/**
 * @brief One TLS client: configuration, credentials, the live connection and
 * the saved session. Caller-allocated (static storage suits firmware); treat
 * the members as private.
 */
typedef struct camp_mbedtls_tls {
    camp_mbedtls_net_t net;     /**< socket glue (camp_mbedtls_net.h) */
    mbedtls_ssl_context ssl;    /**< live connection (set up by connect) */
    mbedtls_ssl_config conf;    /**< shared by every connection */
    mbedtls_x509_crt ca;        /**< trust anchors */
    mbedtls_x509_crt own_cert;  /**< optional client certificate */
    mbedtls_pk_context own_key; /**< its key */
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_entropy_context entropy; /**< entropy source of the DRBG */
    mbedtls_ctr_drbg_context drbg;   /**< random numbers for TLS */
#endif
    mbedtls_ssl_session session;    /**< saved session for resumption */
    uint32_t connect_timeout_ms;    /**< resolved TCP connect timeout */
    uint32_t handshake_timeout_ms;  /**< resolved handshake timeout */
    uint32_t read_timeout_ms;       /**< resolved longest wait of one send/recv */
    uint32_t verify_flags;          /**< MBEDTLS_X509_BADCERT_* of the last handshake */
    uint64_t io_deadline_ms;        /**< send/recv never wait past this (0: no limit) */
    bool mfl_caps_tls12;            /**< max_fragment_len set: connections stay on TLS 1.2 */
    int last_error;                 /**< last mbedTLS error code (negative) or 0 */
    uint16_t session_port;          /**< port the saved session belongs to */
    const struct camp_proxy *proxy; /**< from the configuration, NULL: direct */
    int proxy_status;  /**< HTTP status of the proxy's last CONNECT answer, 0 if none */
    bool initialised;  /**< camp_mbedtls_tls_init() succeeded */
    bool ssl_ready;    /**< ssl is set up (between connect and close) */
    bool connected;    /**< handshake done, transport usable */
    bool peer_closed;  /**< close_notify or EOF seen */
    bool clean_close;  /**< ...and it was close_notify */
    bool cert_seen;    /**< the last handshake verified a certificate */
    bool have_session; /**< @ref session holds a resumable session */
    bool resumed;      /**< the last handshake resumed @ref session */
    bool resumption;   /**< session resumption enabled */
    char session_host[CAMP_MBEDTLS_HOST_MAX]; /**< host the saved session belongs to */
    char reason[CAMP_MBEDTLS_REASON_MAX];     /**< why the last call failed, "" if it did not */
} camp_mbedtls_tls_t;

/** @brief Zero @p cfg: no credentials, default timeouts, resumption on, no proxy.
 *  @param[out] cfg the configuration; NULL is ignored. */
void camp_mbedtls_tls_config_init(camp_mbedtls_tls_config_t *cfg);

/**
 * @brief Parse the credentials, seed the random generator and build the TLS
 * configuration (TLS 1.2+, VERIFY_REQUIRED, no renegotiation, session tickets).
 *
 * Always call camp_mbedtls_tls_free() afterwards, also when this fails.
 *
 * @param[out] tls the context to initialise (any previous content is ignored).
 * @param[in]  cfg credentials and timeouts; only read during this call.
 * @return CAMP_OK;
 *         CAMP_ERR_ARG: @p tls or @p cfg NULL, no CA given, a client
 *         certificate without key (or the reverse), or a bad max_fragment_len;
 *         CAMP_ERR_UNSUPPORTED: a file path was given but MBEDTLS_FS_IO is off;
 *         CAMP_ERR_TLS: a credential did not parse or the generator could not be
 *         seeded (camp_mbedtls_tls_reason() says which and why).
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_tls_init(camp_mbedtls_tls_t *tls,
                                                   const camp_mbedtls_tls_config_t *cfg);

/**
 * @brief Connect over TCP to @p host : @p port (or through the configured
 * proxy's CONNECT tunnel) and run the TLS handshake.
 *
 * @p host is used for the TCP connection, as SNI and for the certificate name
 * check. When a session saved by an earlier connection to the same host and
 * port exists, it is offered to the server; camp_mbedtls_tls_resumed() tells
 * whether the server accepted it. After success the session is saved again.
 *
 * @param[in,out] tls  an initialised, not connected context.
 * @param[in]     host NUL-terminated host name or IP literal, < CAMP_MBEDTLS_HOST_MAX bytes.
 * @param[in]     port TCP port, 1..65535.
 * @return CAMP_OK;
 *         CAMP_ERR_ARG (NULL, empty or too long host, port 0);
 *         CAMP_ERR_STATE (not initialised, or already connected);
 *         CAMP_ERR_DNS (host not resolved); CAMP_ERR_NET (refused, reset,
 *         closed during the handshake); CAMP_ERR_TIMEOUT (connect or handshake
 *         deadline passed);
 *         CAMP_ERR_PROXY (the proxy refused the tunnel, e.g. 407 without or
 *         with wrong credentials, or answered garbage:
 *         camp_mbedtls_tls_proxy_status() has its HTTP status);
 *         CAMP_ERR_TLS_VERIFY (certificate not trusted, expired, not yet valid
 *         or issued for another name: camp_mbedtls_tls_reason() lists the
 *         reasons, camp_mbedtls_tls_verify_flags() gives the bits);
 *         CAMP_ERR_TLS (any other handshake failure; reason has the mbedTLS error).
 *         On failure the socket is closed and the context can connect again.
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_tls_connect(camp_mbedtls_tls_t *tls, const char *host,
                                                      uint16_t port);

/**
 * @brief As camp_mbedtls_tls_connect(), with one deadline for the TCP connect
 * and the handshake together: nothing waits past @p deadline_ms (an instant of
 * the configured now_ms clock); the per-phase connect_timeout_ms and
 * handshake_timeout_ms still apply when they end earlier. The deadline is
 * also kept for later send/recv calls (see camp_mbedtls_tls_set_deadline()).
 *
 * @param[in,out] tls         an initialised, not connected context.
 * @param[in]     host        as camp_mbedtls_tls_connect().
 * @param[in]     port        as camp_mbedtls_tls_connect().
 * @param[in]     deadline_ms instant after which the call gives up; UINT64_MAX: none.
 * @return as camp_mbedtls_tls_connect(); CAMP_ERR_TIMEOUT also when
 *         @p deadline_ms passed (already at entry, during the TCP connect or
 *         the handshake; reason says which).
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_tls_connect_until(camp_mbedtls_tls_t *tls,
                                                            const char *host, uint16_t port,
                                                            uint64_t deadline_ms);

/**
 * @brief camp_client_conn_t::open_until adapter: @p ctx is a camp_mbedtls_tls_t.
 * @param[in,out] ctx         the context.
 * @param[in]     host        host to connect to (SNI, certificate name).
 * @param[in]     port        its port.
 * @param[in]     deadline_ms instant of the configured clock after which connecting fails.
 * @return as camp_mbedtls_tls_connect_until().
 */
CAMP_NODISCARD camp_status_t camp_mbedtls_tls_open_until(void *ctx, const char *host, uint16_t port,
                                                         uint64_t deadline_ms);

/** @brief camp_client_conn_t::close adapter: camp_mbedtls_tls_close() on @p ctx.
 *  @param[in,out] ctx the camp_mbedtls_tls_t. */
void camp_mbedtls_tls_close_cb(void *ctx);

/**
 * @brief Bound every later send/recv: none waits past @p deadline_ms (an
 * instant of the configured clock), on top of the read timeout.
 * camp_client_conn_t::set_deadline adapter: @p ctx is a camp_mbedtls_tls_t.
 * @param[in,out] ctx         the context; NULL is ignored.
 * @param[in]     deadline_ms the instant; 0 or UINT64_MAX: no bound but the read timeout.
 */
void camp_mbedtls_tls_set_deadline(void *ctx, uint64_t deadline_ms);

/**
 * @brief The protocol of the live (or last) connection.
 * @param[in] tls the context.
 * @return "TLSv1.2" or "TLSv1.3"; "" when not connected.
 */
const char *camp_mbedtls_tls_protocol(const camp_mbedtls_tls_t *tls);

/**
 * @brief The transport to hand to the HTTP layer while connected.
 *
 * send/recv follow camp_transport.h: > 0 bytes moved; 0 "try again" (nothing
 * arrived within the read timeout or before the deadline set with
 * camp_mbedtls_tls_set_deadline(); TLS 1.3 NewSessionTicket messages are
 * consumed inside recv, the session is saved, and reading goes on);
 * CAMP_NET_CLOSED after the peer's close_notify; CAMP_NET_TRUNCATED when the
 * connection ended (EOF or reset) without close_notify; CAMP_NET_ERROR for a
 * socket error; CAMP_NET_TLS_ERROR for a TLS record or alert failure (reason
 * kept; on TLS 1.3 a server's refusal of the client certificate arrives here,
 * at the first read, because the client finishes its handshake first).
 * mbedTLS requires that a send that returned 0 is repeated with the same data.
 * @param[in] tls the context, kept by pointer.
 * @return the transport { camp_mbedtls_tls_send, _recv, _now_ms, tls }.
 */
camp_transport_t camp_mbedtls_tls_transport(camp_mbedtls_tls_t *tls);

/** @brief Transport send; see camp_mbedtls_tls_transport().
 *  @param[in,out] ctx  the camp_mbedtls_tls_t.
 *  @param[in]     data bytes to send.
 *  @param[in]     len  their count.
 *  @return bytes sent, 0 try again, or a negative CAMP_NET_* code. */
int32_t camp_mbedtls_tls_send(void *ctx, const uint8_t *data, size_t len);
/** @brief Transport recv; see camp_mbedtls_tls_transport().
 *  @param[in,out] ctx the camp_mbedtls_tls_t.
 *  @param[out]    buf where the bytes go.
 *  @param[in]     cap its size.
 *  @return bytes read, 0 nothing yet, CAMP_NET_CLOSED, CAMP_NET_TRUNCATED or another negative CAMP_NET_* code. */
int32_t camp_mbedtls_tls_recv(void *ctx, uint8_t *buf, size_t cap);
/** @brief Transport clock: the configured monotonic clock.
 *  @param[in] ctx the camp_mbedtls_tls_t (NULL: the default clock).
 *  @return milliseconds. */
uint64_t camp_mbedtls_tls_now_ms(void *ctx);

/**
 * @brief Send close_notify (best effort, bounded by the read timeout), close
 * the socket and release the per-connection state (record buffers). The CA,
 * credentials and the saved session stay for the next connect. Safe to call
 * when not connected.
 * @param[in,out] tls the context; NULL is ignored.
 */
void camp_mbedtls_tls_close(camp_mbedtls_tls_t *tls);

/** @brief Close if needed and release everything.
 *  @param[in,out] tls the context; may be NULL. */
void camp_mbedtls_tls_free(camp_mbedtls_tls_t *tls);

/**
 * @brief True when the last successful handshake resumed the saved session
 * (TLS 1.2 session ID or ticket, TLS 1.3 ticket/PSK). Detected the same way
 * on every mbedTLS version: a session was offered and no server certificate
 * was verified during the handshake (the verify callback never ran).
 * @param[in] tls the context.
 * @return true when resumed; false for a full handshake, no connection or NULL.
 */
bool camp_mbedtls_tls_resumed(const camp_mbedtls_tls_t *tls);

/** @brief Drop the saved session: the next connect does a full handshake.
 *  @param[in,out] tls the context; NULL is ignored. */
void camp_mbedtls_tls_forget_session(camp_mbedtls_tls_t *tls);

/**
 * @brief Why the last init, connect, send or recv failed, as one line of text
 * ("certificate has expired", "mbedTLS -0x7780: SSL - A fatal alert ...").
 * @param[in] tls the context (NULL: "").
 * @return a NUL-terminated string owned by @p tls; "" when nothing failed.
 */
const char *camp_mbedtls_tls_reason(const camp_mbedtls_tls_t *tls);

/** @brief MBEDTLS_X509_BADCERT_* bits of the last handshake's certificate check.
 *  @param[in] tls the context.
 *  @return the bits, 0 when the certificate was fine (or tls is NULL). */
uint32_t camp_mbedtls_tls_verify_flags(const camp_mbedtls_tls_t *tls);

/** @brief HTTP status of the proxy's answer to the last CONNECT.
 *  @param[in] tls the context.
 *  @return the status (e.g. 200, 407), 0 when no proxy answer was read. */
int camp_mbedtls_tls_proxy_status(const camp_mbedtls_tls_t *tls);

/** @brief The last mbedTLS error code seen.
 *  @param[in] tls the context.
 *  @return the code (negative), 0 when none. */
int camp_mbedtls_tls_last_error(const camp_mbedtls_tls_t *tls);

#ifdef __cplusplus
}
#endif

#endif /* CAMP_MBEDTLS_TLS_H */
