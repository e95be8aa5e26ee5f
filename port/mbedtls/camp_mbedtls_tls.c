/* TLS client transport on mbedTLS 2.28 / 3.x. The socket glue lives in
 * camp_mbedtls_net_posix.c (replaceable); this file only drives mbedTLS. */
#include "camp_mbedtls_tls.h"

#include <stdio.h>
#include <string.h>

#include <mbedtls/net_sockets.h>
#include <mbedtls/version.h>
#if defined(MBEDTLS_ERROR_C)
#include <mbedtls/error.h>
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include <psa/crypto.h>
#endif

/* 3.6 hands every TLS 1.3 NewSessionTicket to the application as this error
 * (3.6.1+: only when signalling is enabled, which we do). Older versions never
 * return it; defining it to an impossible value keeps the code paths uniform. */
#if defined(MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET)
#define CAMP_TLS_NEW_TICKET MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET
#else
#define CAMP_TLS_NEW_TICKET (-0x7fff0000)
#endif

/* Bound on mbedTLS calls in one handshake or close: each call either makes
 * progress or waits until the deadline, so this is a safety net only. */
#define CAMP_TLS_MAX_STEPS 100000

static const char camp_tls_pers[] = "libcamp-tls";

static void set_reason(camp_mbedtls_tls_t *tls, const char *text)
{
    /* A cut line is fine (the buffer is sized for the usual texts); the
     * comparison only keeps -Wformat-truncation quiet. */
    if (snprintf(tls->reason, sizeof tls->reason, "%s", text) < 0) {
        tls->reason[0] = '\0';
    }
}

static void set_reason_err(camp_mbedtls_tls_t *tls, const char *what, int err)
{
    char msg[128];
    tls->last_error = err;
#if defined(MBEDTLS_ERROR_C)
    mbedtls_strerror(err, msg, sizeof msg);
#else
    msg[0] = '\0';
#endif
    if (snprintf(tls->reason, sizeof tls->reason, "%s: mbedTLS -0x%04x %s", what,
                 (unsigned)(err < 0 ? -err : err), msg) < 0) {
        tls->reason[0] = '\0';
    }
}

void camp_mbedtls_tls_config_init(camp_mbedtls_tls_config_t *cfg)
{
    if (cfg != NULL) {
        memset(cfg, 0, sizeof *cfg);
    }
}

static uint64_t tls_now(const camp_mbedtls_tls_t *tls)
{
    return tls->net.now_ms(tls->net.now_ctx);
}

/* ---- credentials ------------------------------------------------------- */

static camp_status_t load_ca(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    int ret;
    if (cfg->ca != NULL && cfg->ca_len > 0) {
        ret = mbedtls_x509_crt_parse(&tls->ca, cfg->ca, cfg->ca_len);
    } else if (cfg->ca_file != NULL) {
#if defined(MBEDTLS_FS_IO)
        ret = mbedtls_x509_crt_parse_file(&tls->ca, cfg->ca_file);
#else
        set_reason(tls, "CA file given but this mbedTLS has no MBEDTLS_FS_IO");
        return CAMP_ERR_UNSUPPORTED;
#endif
    } else {
        set_reason(tls, "a CA bundle is required (ca/ca_len or ca_file)");
        return CAMP_ERR_ARG;
    }
    /* parse() returns > 0 when some certificates of a bundle were skipped;
     * accept that as long as at least one anchor loaded. */
    if (ret < 0 || tls->ca.version == 0) {
        set_reason_err(tls, "CA bundle did not parse", ret < 0 ? ret : MBEDTLS_ERR_X509_INVALID_FORMAT);
        return CAMP_ERR_TLS;
    }
    return CAMP_OK;
}

static camp_status_t load_client(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    bool has_cert = (cfg->client_cert != NULL && cfg->client_cert_len > 0) || cfg->client_cert_file != NULL;
    bool has_key = (cfg->client_key != NULL && cfg->client_key_len > 0) || cfg->client_key_file != NULL;
    const unsigned char *pw = (const unsigned char *)cfg->client_key_password;
    size_t pw_len = pw != NULL ? strlen(cfg->client_key_password) : 0;
    int ret;

    if (!has_cert && !has_key) {
        return CAMP_OK;
    }
    if (has_cert != has_key) {
        set_reason(tls, "a client certificate needs its key and the other way round");
        return CAMP_ERR_ARG;
    }
#if !defined(MBEDTLS_FS_IO)
    if ((cfg->client_cert == NULL || cfg->client_cert_len == 0) ||
        (cfg->client_key == NULL || cfg->client_key_len == 0)) {
        set_reason(tls, "client credential file given but this mbedTLS has no MBEDTLS_FS_IO");
        return CAMP_ERR_UNSUPPORTED;
    }
#endif
#if defined(MBEDTLS_FS_IO)
    if (cfg->client_cert != NULL && cfg->client_cert_len > 0) {
        ret = mbedtls_x509_crt_parse(&tls->own_cert, cfg->client_cert, cfg->client_cert_len);
    } else {
        ret = mbedtls_x509_crt_parse_file(&tls->own_cert, cfg->client_cert_file);
    }
#else
    /* no file I/O: both are buffers here (checked just above) */
    ret = mbedtls_x509_crt_parse(&tls->own_cert, cfg->client_cert, cfg->client_cert_len);
#endif
    if (ret != 0) {
        set_reason_err(tls, "client certificate did not parse", ret);
        return CAMP_ERR_TLS;
    }
#if defined(MBEDTLS_FS_IO)
    if (cfg->client_key == NULL || cfg->client_key_len == 0) {
        (void)pw_len;
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
        ret = mbedtls_pk_parse_keyfile(&tls->own_key, cfg->client_key_file, cfg->client_key_password,
                                       mbedtls_ctr_drbg_random, &tls->drbg);
#else
        ret = mbedtls_pk_parse_keyfile(&tls->own_key, cfg->client_key_file, cfg->client_key_password);
#endif
    } else
#endif
    {
        /* without MBEDTLS_FS_IO the key is a buffer here (checked above) */
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
        ret = mbedtls_pk_parse_key(&tls->own_key, cfg->client_key, cfg->client_key_len, pw, pw_len,
                                   mbedtls_ctr_drbg_random, &tls->drbg);
#else
        ret = mbedtls_pk_parse_key(&tls->own_key, cfg->client_key, cfg->client_key_len, pw, pw_len);
#endif
    }
    if (ret != 0) {
        set_reason_err(tls, "client key did not parse", ret);
        return CAMP_ERR_TLS;
    }
    ret = mbedtls_ssl_conf_own_cert(&tls->conf, &tls->own_cert, &tls->own_key);
    if (ret != 0) {
        set_reason_err(tls, "client certificate and key rejected", ret);
        return CAMP_ERR_TLS;
    }
    return CAMP_OK;
}

/* ---- init / free ------------------------------------------------------- */

camp_status_t camp_mbedtls_tls_init(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    camp_status_t st;
    int ret;

    if (tls == NULL) {
        return CAMP_ERR_ARG;
    }
    memset(tls, 0, sizeof *tls);
    mbedtls_ssl_init(&tls->ssl);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_x509_crt_init(&tls->ca);
    mbedtls_x509_crt_init(&tls->own_cert);
    mbedtls_pk_init(&tls->own_key);
    mbedtls_entropy_init(&tls->entropy);
    mbedtls_ctr_drbg_init(&tls->drbg);
    mbedtls_ssl_session_init(&tls->session);
    camp_mbedtls_net_init(&tls->net, cfg != NULL ? cfg->now_ms : NULL, cfg != NULL ? cfg->now_ctx : NULL);
    if (cfg == NULL) {
        set_reason(tls, "no configuration");
        return CAMP_ERR_ARG;
    }
    if (cfg->max_fragment_len > MBEDTLS_SSL_MAX_FRAG_LEN_4096) {
        set_reason(tls, "max_fragment_len must be 0 or a MBEDTLS_SSL_MAX_FRAG_LEN_512..4096 code");
        return CAMP_ERR_ARG;
    }
    tls->connect_timeout_ms = cfg->connect_timeout_ms != 0 ? cfg->connect_timeout_ms : CAMP_MBEDTLS_CONNECT_TIMEOUT_MS;
    tls->handshake_timeout_ms =
        cfg->handshake_timeout_ms != 0 ? cfg->handshake_timeout_ms : CAMP_MBEDTLS_HANDSHAKE_TIMEOUT_MS;
    tls->read_timeout_ms = cfg->read_timeout_ms != 0 ? cfg->read_timeout_ms : CAMP_MBEDTLS_READ_TIMEOUT_MS;
    tls->resumption = !cfg->disable_session_resumption;

#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
    /* 3.x: TLS 1.3 and MBEDTLS_USE_PSA_CRYPTO run on PSA; init is idempotent. */
    if (psa_crypto_init() != PSA_SUCCESS) {
        set_reason(tls, "psa_crypto_init failed");
        return CAMP_ERR_TLS;
    }
#endif
    ret = mbedtls_ctr_drbg_seed(&tls->drbg, mbedtls_entropy_func, &tls->entropy,
                                (const unsigned char *)camp_tls_pers, sizeof camp_tls_pers - 1u);
    if (ret != 0) {
        set_reason_err(tls, "random generator could not be seeded", ret);
        return CAMP_ERR_TLS;
    }
    ret = mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                      MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        set_reason_err(tls, "TLS configuration failed", ret);
        return CAMP_ERR_TLS;
    }
    st = load_ca(tls, cfg);
    if (st != CAMP_OK) {
        return st;
    }
    st = load_client(tls, cfg);
    if (st != CAMP_OK) {
        return st;
    }
    /* Never OPTIONAL or NONE: an unverified peer gets neither token nor data. */
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
#if MBEDTLS_VERSION_NUMBER < 0x03000000
    /* 2.28 still offers TLS 1.0/1.1 when compiled in; the APIs need 1.2. */
    mbedtls_ssl_conf_min_version(&tls->conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
#endif
#if defined(MBEDTLS_SSL_RENEGOTIATION)
    mbedtls_ssl_conf_renegotiation(&tls->conf, MBEDTLS_SSL_RENEGOTIATION_DISABLED);
#endif
#if defined(MBEDTLS_SSL_SESSION_TICKETS)
    mbedtls_ssl_conf_session_tickets(&tls->conf, tls->resumption ? MBEDTLS_SSL_SESSION_TICKETS_ENABLED
                                                                 : MBEDTLS_SSL_SESSION_TICKETS_DISABLED);
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x03060100 && defined(MBEDTLS_SSL_PROTO_TLS1_3) && \
    defined(MBEDTLS_SSL_SESSION_TICKETS)
    /* Without this, 3.6.1+ drops TLS 1.3 tickets silently and resumption never happens. */
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        &tls->conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
#endif
#if defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    if (cfg->max_fragment_len != 0) {
        ret = mbedtls_ssl_conf_max_frag_len(&tls->conf, cfg->max_fragment_len);
        if (ret != 0) {
            set_reason_err(tls, "max fragment length rejected", ret);
            return CAMP_ERR_ARG;
        }
    }
#else
    if (cfg->max_fragment_len != 0) {
        set_reason(tls, "max_fragment_len needs MBEDTLS_SSL_MAX_FRAGMENT_LENGTH");
        return CAMP_ERR_UNSUPPORTED;
    }
#endif
    tls->initialised = true;
    tls->reason[0] = '\0';
    return CAMP_OK;
}

void camp_mbedtls_tls_free(camp_mbedtls_tls_t *tls)
{
    if (tls == NULL) {
        return;
    }
    camp_mbedtls_tls_close(tls);
    mbedtls_ssl_free(&tls->ssl);
    mbedtls_ssl_session_free(&tls->session);
    mbedtls_ssl_config_free(&tls->conf);
    mbedtls_x509_crt_free(&tls->ca);
    mbedtls_x509_crt_free(&tls->own_cert);
    mbedtls_pk_free(&tls->own_key);
    mbedtls_ctr_drbg_free(&tls->drbg);
    mbedtls_entropy_free(&tls->entropy);
    tls->initialised = false;
    tls->have_session = false;
}

/* ---- sessions ---------------------------------------------------------- */

void camp_mbedtls_tls_forget_session(camp_mbedtls_tls_t *tls)
{
    if (tls == NULL) {
        return;
    }
    mbedtls_ssl_session_free(&tls->session);
    mbedtls_ssl_session_init(&tls->session);
    tls->have_session = false;
    tls->session_host[0] = '\0';
    tls->session_port = 0;
}

/* Keep the live connection's session (and any new ticket) for the next
 * connect to the same host and port (session_host / session_port). */
static void save_session(camp_mbedtls_tls_t *tls)
{
    if (!tls->resumption) {
        return;
    }
    mbedtls_ssl_session_free(&tls->session);
    mbedtls_ssl_session_init(&tls->session);
    tls->have_session = false;
    if (mbedtls_ssl_get_session(&tls->ssl, &tls->session) != 0) {
        /* Not fatal: the next connect is a full handshake. */
        mbedtls_ssl_session_free(&tls->session);
        mbedtls_ssl_session_init(&tls->session);
        return;
    }
    tls->have_session = true;
}

/* Did the handshake that just finished resume tls->session? */
static bool handshake_resumed(const camp_mbedtls_tls_t *tls, bool offered)
{
    if (!offered) {
        return false;
    }
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    return mbedtls_ssl_session_reused(&tls->ssl) != 0;
#elif MBEDTLS_VERSION_NUMBER >= 0x03000000
    return false; /* 3.0/3.1: no public way to ask; report "not resumed" */
#else
    /* 2.28 has no accessor. A resumed session keeps the saved master secret
     * (session ID and ticket resumption alike); a full handshake derives a new
     * one, equal to the old with probability 2^-384. */
    return tls->ssl.session != NULL &&
           memcmp(tls->ssl.session->master, tls->session.master, sizeof tls->session.master) == 0;
#endif
}

/* ---- connect ----------------------------------------------------------- */

static camp_status_t map_handshake_error(camp_mbedtls_tls_t *tls, int ret)
{
    tls->last_error = ret;
    tls->verify_flags = mbedtls_ssl_get_verify_result(&tls->ssl);
    if (ret == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED ||
        (tls->verify_flags != 0 && tls->verify_flags != (uint32_t)-1 &&
         ret != MBEDTLS_ERR_SSL_CONN_EOF && ret != MBEDTLS_ERR_NET_CONN_RESET)) {
        char info[CAMP_MBEDTLS_REASON_MAX];
        size_t i;
        info[0] = '\0';
        /* verify_info writes "<prefix><reason>\n" per flag: make that one line,
         * reasons separated by "; ". */
        if (mbedtls_x509_crt_verify_info(info, sizeof info, " ", tls->verify_flags) <= 0) {
            info[0] = '\0';
        }
        for (i = 0; i < sizeof info && info[i] != '\0'; i++) {
            if (info[i] == '\n') {
                info[i] = info[i + 1] != '\0' ? ';' : '\0';
            }
        }
        if (snprintf(tls->reason, sizeof tls->reason, "certificate not trusted:%s",
                     info[0] != '\0' ? info : " verification failed") < 0) {
            tls->reason[0] = '\0';
        }
        return CAMP_ERR_TLS_VERIFY;
    }
    if (ret == MBEDTLS_ERR_SSL_CONN_EOF || ret == MBEDTLS_ERR_NET_CONN_RESET) {
        set_reason_err(tls, "peer closed the connection during the handshake", ret);
        return CAMP_ERR_NET;
    }
    if (ret == MBEDTLS_ERR_NET_SEND_FAILED || ret == MBEDTLS_ERR_NET_RECV_FAILED) {
        set_reason_err(tls, "socket error during the handshake", ret);
        return CAMP_ERR_NET;
    }
    set_reason_err(tls, "TLS handshake failed", ret);
    return CAMP_ERR_TLS;
}

static camp_status_t run_handshake(camp_mbedtls_tls_t *tls, const char *host, uint16_t port)
{
    uint64_t deadline = tls_now(tls) + tls->handshake_timeout_ms;
    int steps;
    for (steps = 0; steps < CAMP_TLS_MAX_STEPS; steps++) {
        int ret;
        tls->net.deadline_ms = deadline;
        ret = mbedtls_ssl_handshake(&tls->ssl);
        if (ret == 0) {
            return CAMP_OK;
        }
        if (ret == CAMP_TLS_NEW_TICKET) {
            continue; /* saved after the handshake */
        }
        if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
            return map_handshake_error(tls, ret);
        }
        if (tls_now(tls) >= deadline) {
            tls->last_error = ret;
            if (snprintf(tls->reason, sizeof tls->reason,
                         "TLS handshake with %s:%u did not finish within %lu ms", host, (unsigned)port,
                         (unsigned long)tls->handshake_timeout_ms) < 0) {
                tls->reason[0] = '\0';
            }
            return CAMP_ERR_TIMEOUT;
        }
    }
    set_reason(tls, "TLS handshake did not converge");
    return CAMP_ERR_TIMEOUT;
}

static void drop_connection(camp_mbedtls_tls_t *tls)
{
    /* The socket only exists between ssl setup and here, so a context that was
     * never connected (or is all zeros) never closes descriptor 0. */
    if (tls->ssl_ready) {
        camp_mbedtls_net_close(&tls->net);
        /* Releasing the context frees the record buffers between connections. */
        mbedtls_ssl_free(&tls->ssl);
        mbedtls_ssl_init(&tls->ssl);
        tls->ssl_ready = false;
    }
    tls->connected = false;
}

camp_status_t camp_mbedtls_tls_connect(camp_mbedtls_tls_t *tls, const char *host, uint16_t port)
{
    camp_status_t st;
    bool offered = false;
    size_t host_len;
    int ret;

    if (tls == NULL || host == NULL || port == 0) {
        return CAMP_ERR_ARG;
    }
    tls->reason[0] = '\0';
    tls->last_error = 0;
    tls->verify_flags = 0;
    tls->resumed = false;
    tls->peer_closed = false;
    host_len = strlen(host);
    if (host_len == 0 || host_len >= CAMP_MBEDTLS_HOST_MAX) {
        set_reason(tls, "host name empty or longer than 255 bytes");
        return CAMP_ERR_ARG;
    }
    if (!tls->initialised || tls->connected || tls->ssl_ready) {
        set_reason(tls, tls->initialised ? "already connected" : "not initialised");
        return CAMP_ERR_STATE;
    }
    ret = mbedtls_ssl_setup(&tls->ssl, &tls->conf);
    if (ret != 0) {
        set_reason_err(tls, "TLS setup failed", ret);
        mbedtls_ssl_free(&tls->ssl);
        mbedtls_ssl_init(&tls->ssl);
        return CAMP_ERR_TLS;
    }
    tls->ssl_ready = true;
    /* SNI and the name the certificate must carry. */
    ret = mbedtls_ssl_set_hostname(&tls->ssl, host);
    if (ret != 0) {
        set_reason_err(tls, "host name rejected", ret);
        drop_connection(tls);
        return CAMP_ERR_ARG;
    }
    if (tls->resumption && tls->have_session && tls->session_port == port &&
        strcmp(tls->session_host, host) == 0) {
        /* A failure only means a full handshake. */
        offered = mbedtls_ssl_set_session(&tls->ssl, &tls->session) == 0;
    }
    st = camp_mbedtls_net_connect(&tls->net, host, port, tls_now(tls) + tls->connect_timeout_ms);
    if (st != CAMP_OK) {
        const char *what = st == CAMP_ERR_DNS       ? "cannot resolve"
                           : st == CAMP_ERR_TIMEOUT ? "connect timed out to"
                                                    : "cannot connect to";
        if (snprintf(tls->reason, sizeof tls->reason, "%s %s:%u", what, host, (unsigned)port) < 0) {
            tls->reason[0] = '\0';
        }
        drop_connection(tls);
        return st;
    }
    mbedtls_ssl_set_bio(&tls->ssl, &tls->net, camp_mbedtls_net_send, camp_mbedtls_net_recv, NULL);
    st = run_handshake(tls, host, port);
    if (st != CAMP_OK) {
        if (st == CAMP_ERR_TLS_VERIFY) {
            /* A session from a server we no longer trust must not be offered again. */
            camp_mbedtls_tls_forget_session(tls);
        }
        drop_connection(tls);
        return st;
    }
    tls->resumed = handshake_resumed(tls, offered);
    tls->connected = true;
    if (tls->resumption && (tls->session_port != port || strcmp(tls->session_host, host) != 0)) {
        /* The saved session (if any) now belongs to this host and port. */
        camp_mbedtls_tls_forget_session(tls);
        memcpy(tls->session_host, host, host_len + 1u);
        tls->session_port = port;
    }
#if defined(MBEDTLS_SSL_PROTO_TLS1_3) && MBEDTLS_VERSION_NUMBER >= 0x03020000
    /* TLS 1.3 sessions are only resumable with the ticket that arrives after
     * the handshake; they are saved when recv() reports it. */
    if (mbedtls_ssl_get_version_number(&tls->ssl) == MBEDTLS_SSL_VERSION_TLS1_3) {
        return CAMP_OK;
    }
#endif
    save_session(tls);
    return CAMP_OK;
}

/* ---- transport --------------------------------------------------------- */

int32_t camp_mbedtls_tls_send(void *ctx, const uint8_t *data, size_t len)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    int ret;
    if (tls == NULL || !tls->connected || (data == NULL && len > 0)) {
        return CAMP_NET_ERROR;
    }
    if (len == 0) {
        return 0;
    }
    if (len > 0x7fffffffu) {
        len = 0x7fffffffu;
    }
    tls->net.deadline_ms = tls_now(tls) + tls->read_timeout_ms;
    ret = mbedtls_ssl_write(&tls->ssl, data, len);
    if (ret > 0) {
        return (int32_t)ret;
    }
    if (ret == MBEDTLS_ERR_SSL_WANT_WRITE || ret == MBEDTLS_ERR_SSL_WANT_READ || ret == 0) {
        return 0;
    }
    if (ret == CAMP_TLS_NEW_TICKET) {
        save_session(tls);
        return 0;
    }
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_NET_CONN_RESET || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        tls->peer_closed = true;
        set_reason_err(tls, "peer closed the connection", ret);
        return CAMP_NET_CLOSED;
    }
    if (ret == MBEDTLS_ERR_NET_SEND_FAILED) {
        set_reason_err(tls, "socket send failed", ret);
        return CAMP_NET_ERROR;
    }
    set_reason_err(tls, "TLS write failed", ret);
    return CAMP_NET_TLS_ERROR;
}

int32_t camp_mbedtls_tls_recv(void *ctx, uint8_t *buf, size_t cap)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    int ret;
    if (tls == NULL || buf == NULL || cap == 0) {
        return CAMP_NET_ERROR;
    }
    if (tls->peer_closed) {
        return CAMP_NET_CLOSED;
    }
    if (!tls->connected) {
        return CAMP_NET_ERROR;
    }
    if (cap > 0x7fffffffu) {
        cap = 0x7fffffffu;
    }
    tls->net.deadline_ms = tls_now(tls) + tls->read_timeout_ms;
    ret = mbedtls_ssl_read(&tls->ssl, buf, cap);
    if (ret > 0) {
        return (int32_t)ret;
    }
    if (ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE || ret == MBEDTLS_ERR_SSL_TIMEOUT) {
        return 0; /* nothing within the read timeout: the caller checks its deadline */
    }
    if (ret == CAMP_TLS_NEW_TICKET) {
        /* TLS 1.3 (3.6): a fresh ticket makes the saved session resumable. */
        save_session(tls);
        return 0;
    }
    /* close_notify and a bare end of stream both end the response; HTTP
     * framing (Content-Length, chunked) detects a body cut short. */
    if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || ret == MBEDTLS_ERR_SSL_CONN_EOF) {
        tls->peer_closed = true;
        return CAMP_NET_CLOSED;
    }
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_NET_CONN_RESET || ret == MBEDTLS_ERR_NET_RECV_FAILED) {
        set_reason_err(tls, "socket receive failed", ret);
        return CAMP_NET_ERROR;
    }
    set_reason_err(tls, "TLS read failed", ret);
    return CAMP_NET_TLS_ERROR;
}

uint64_t camp_mbedtls_tls_now_ms(void *ctx)
{
    const camp_mbedtls_tls_t *tls = (const camp_mbedtls_tls_t *)ctx;
    if (tls == NULL || tls->net.now_ms == NULL) {
        return camp_mbedtls_net_now_ms(NULL);
    }
    return tls_now(tls);
}

camp_transport_t camp_mbedtls_tls_transport(camp_mbedtls_tls_t *tls)
{
    camp_transport_t t;
    t.send = camp_mbedtls_tls_send;
    t.recv = camp_mbedtls_tls_recv;
    t.now_ms = camp_mbedtls_tls_now_ms;
    t.ctx = tls;
    return t;
}

void camp_mbedtls_tls_close(camp_mbedtls_tls_t *tls)
{
    if (tls == NULL) {
        return;
    }
    if (tls->connected && !tls->peer_closed) {
        uint64_t deadline = tls_now(tls) + tls->read_timeout_ms;
        int steps;
        for (steps = 0; steps < CAMP_TLS_MAX_STEPS; steps++) {
            int ret;
            tls->net.deadline_ms = deadline;
            ret = mbedtls_ssl_close_notify(&tls->ssl);
            if (ret != MBEDTLS_ERR_SSL_WANT_WRITE && ret != MBEDTLS_ERR_SSL_WANT_READ) {
                break;
            }
            if (tls_now(tls) >= deadline) {
                break;
            }
        }
    }
    drop_connection(tls);
}

/* ---- accessors ----------------------------------------------------------- */

bool camp_mbedtls_tls_resumed(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL && tls->resumed;
}

const char *camp_mbedtls_tls_reason(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->reason : "";
}

uint32_t camp_mbedtls_tls_verify_flags(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->verify_flags : 0u;
}

int camp_mbedtls_tls_last_error(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->last_error : 0;
}
