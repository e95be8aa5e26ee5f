/* TLS client transport on mbedTLS 2.28, 3.6 LTS and 4.x. The socket glue
 * lives in camp_mbedtls_net_posix.c (replaceable); this file only drives
 * mbedTLS. Differences handled here: 4.x has no CTR-DRBG/entropy API (PSA
 * supplies randomness, so psa_crypto_init() is mandatory), its key parser
 * takes no RNG, and it always signals TLS 1.3 tickets; 3.6 needs
 * psa_crypto_init() for TLS 1.3 and signals tickets only when asked. */
#include "camp_mbedtls_tls.h"

#include <stdio.h>
#include <string.h>

#include <mbedtls/net_sockets.h>
#include <mbedtls/version.h>
#if defined(MBEDTLS_ERROR_C)
#include <mbedtls/error.h>
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x04000000 ||                                                        \
    (MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C))
#define CAMP_TLS_PSA 1
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

#if MBEDTLS_VERSION_NUMBER < 0x04000000
static const char camp_tls_pers[] = "libcamp-tls";
#endif

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

/* mbedtls verify callback: runs once per certificate of the server's chain
 * during a full handshake. Leaves the verdict (flags) to mbedTLS. */
static int note_certificate(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    (void)crt;
    (void)depth;
    (void)flags;
    tls->cert_seen = true;
    return 0;
}

/* Earlier of two instants, 0 meaning "none". */
static uint64_t earlier(uint64_t a, uint64_t b)
{
    if (a == 0) {
        return b;
    }
    return (b == 0 || a < b) ? a : b;
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
        set_reason_err(tls, "CA bundle did not parse",
                       ret < 0 ? ret : MBEDTLS_ERR_X509_INVALID_FORMAT);
        return CAMP_ERR_TLS;
    }
    return CAMP_OK;
}

static bool has_buf(const void *p, size_t len)
{
    return p != NULL && len > 0;
}

static int parse_client_cert(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
#if defined(MBEDTLS_FS_IO)
    if (!has_buf(cfg->client_cert, cfg->client_cert_len)) {
        return mbedtls_x509_crt_parse_file(&tls->own_cert, cfg->client_cert_file);
    }
#endif
    /* without MBEDTLS_FS_IO the certificate is a buffer here (checked by the caller) */
    return mbedtls_x509_crt_parse(&tls->own_cert, cfg->client_cert, cfg->client_cert_len);
}

#if defined(MBEDTLS_FS_IO)
static int parse_client_key_file(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
#if MBEDTLS_VERSION_NUMBER >= 0x04000000
    return mbedtls_pk_parse_keyfile(&tls->own_key, cfg->client_key_file, cfg->client_key_password);
#elif MBEDTLS_VERSION_NUMBER >= 0x03000000
    return mbedtls_pk_parse_keyfile(&tls->own_key, cfg->client_key_file, cfg->client_key_password,
                                    mbedtls_ctr_drbg_random, &tls->drbg);
#else
    return mbedtls_pk_parse_keyfile(&tls->own_key, cfg->client_key_file, cfg->client_key_password);
#endif
}
#endif

static int parse_client_key(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    const unsigned char *pw = (const unsigned char *)cfg->client_key_password;
    size_t pw_len = pw != NULL ? strlen(cfg->client_key_password) : 0;

#if defined(MBEDTLS_FS_IO)
    if (!has_buf(cfg->client_key, cfg->client_key_len)) {
        return parse_client_key_file(tls, cfg);
    }
#endif
    /* without MBEDTLS_FS_IO the key is a buffer here (checked by the caller) */
#if MBEDTLS_VERSION_NUMBER >= 0x04000000
    return mbedtls_pk_parse_key(&tls->own_key, cfg->client_key, cfg->client_key_len, pw, pw_len);
#elif MBEDTLS_VERSION_NUMBER >= 0x03000000
    return mbedtls_pk_parse_key(&tls->own_key, cfg->client_key, cfg->client_key_len, pw, pw_len,
                                mbedtls_ctr_drbg_random, &tls->drbg);
#else
    return mbedtls_pk_parse_key(&tls->own_key, cfg->client_key, cfg->client_key_len, pw, pw_len);
#endif
}

static camp_status_t load_client(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    bool has_cert =
        has_buf(cfg->client_cert, cfg->client_cert_len) || cfg->client_cert_file != NULL;
    bool has_key = has_buf(cfg->client_key, cfg->client_key_len) || cfg->client_key_file != NULL;
    int ret;

    if (!has_cert && !has_key) {
        return CAMP_OK;
    }
    if (has_cert != has_key) {
        set_reason(tls, "a client certificate needs its key and the other way round");
        return CAMP_ERR_ARG;
    }
#if !defined(MBEDTLS_FS_IO)
    if (!has_buf(cfg->client_cert, cfg->client_cert_len) ||
        !has_buf(cfg->client_key, cfg->client_key_len)) {
        set_reason(tls, "client credential file given but this mbedTLS has no MBEDTLS_FS_IO");
        return CAMP_ERR_UNSUPPORTED;
    }
#endif
    ret = parse_client_cert(tls, cfg);
    if (ret != 0) {
        set_reason_err(tls, "client certificate did not parse", ret);
        return CAMP_ERR_TLS;
    }
    ret = parse_client_key(tls, cfg);
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

/* Every mbedTLS object in a state its free function accepts. */
static void init_contexts(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    memset(tls, 0, sizeof *tls);
    mbedtls_ssl_init(&tls->ssl);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_x509_crt_init(&tls->ca);
    mbedtls_x509_crt_init(&tls->own_cert);
    mbedtls_pk_init(&tls->own_key);
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_entropy_init(&tls->entropy);
    mbedtls_ctr_drbg_init(&tls->drbg);
#endif
    mbedtls_ssl_session_init(&tls->session);
    camp_mbedtls_net_init(&tls->net, cfg != NULL ? cfg->now_ms : NULL,
                          cfg != NULL ? cfg->now_ctx : NULL);
}

/* Timeouts (0 = the default), resumption and proxy from the configuration. */
static void apply_settings(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    tls->connect_timeout_ms =
        cfg->connect_timeout_ms != 0 ? cfg->connect_timeout_ms : CAMP_MBEDTLS_CONNECT_TIMEOUT_MS;
    tls->handshake_timeout_ms = cfg->handshake_timeout_ms != 0 ? cfg->handshake_timeout_ms
                                                               : CAMP_MBEDTLS_HANDSHAKE_TIMEOUT_MS;
    tls->read_timeout_ms =
        cfg->read_timeout_ms != 0 ? cfg->read_timeout_ms : CAMP_MBEDTLS_READ_TIMEOUT_MS;
    tls->resumption = !cfg->disable_session_resumption;
    tls->proxy = cfg->proxy;
}

static camp_status_t seed_random(camp_mbedtls_tls_t *tls)
{
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    int ret;
#endif
#if defined(CAMP_TLS_PSA)
    /* 3.x: TLS 1.3 and MBEDTLS_USE_PSA_CRYPTO run on PSA; 4.x: everything
     * does, randomness included. Idempotent, never undone (other users of
     * PSA in the process may rely on it). */
    if (psa_crypto_init() != PSA_SUCCESS) {
        set_reason(tls, "psa_crypto_init failed (no entropy source?)");
        return CAMP_ERR_TLS;
    }
#endif
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    ret = mbedtls_ctr_drbg_seed(&tls->drbg, mbedtls_entropy_func, &tls->entropy,
                                (const unsigned char *)camp_tls_pers, sizeof camp_tls_pers - 1u);
    if (ret != 0) {
        set_reason_err(tls, "random generator could not be seeded", ret);
        return CAMP_ERR_TLS;
    }
#endif
    return CAMP_OK;
}

/* Verification, randomness, versions, renegotiation and tickets. */
static void conf_security(camp_mbedtls_tls_t *tls)
{
    /* Never OPTIONAL or NONE: an unverified peer gets neither token nor data. */
    mbedtls_ssl_conf_authmode(&tls->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&tls->conf, &tls->ca, NULL);
    /* Runs for each certificate verified: how resumption is detected. */
    mbedtls_ssl_conf_verify(&tls->conf, note_certificate, tls);
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ssl_conf_rng(&tls->conf, mbedtls_ctr_drbg_random, &tls->drbg);
#endif
#if MBEDTLS_VERSION_NUMBER < 0x03000000
    /* 2.28 still offers TLS 1.0/1.1 when compiled in; the APIs need 1.2. */
    mbedtls_ssl_conf_min_version(&tls->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
#endif
#if defined(MBEDTLS_SSL_RENEGOTIATION)
    mbedtls_ssl_conf_renegotiation(&tls->conf, MBEDTLS_SSL_RENEGOTIATION_DISABLED);
#endif
#if defined(MBEDTLS_SSL_SESSION_TICKETS)
    mbedtls_ssl_conf_session_tickets(&tls->conf, tls->resumption
                                                     ? MBEDTLS_SSL_SESSION_TICKETS_ENABLED
                                                     : MBEDTLS_SSL_SESSION_TICKETS_DISABLED);
#endif
#if MBEDTLS_VERSION_NUMBER >= 0x03060100 && MBEDTLS_VERSION_NUMBER < 0x04000000 &&                 \
    defined(MBEDTLS_SSL_PROTO_TLS1_3) && defined(MBEDTLS_SSL_SESSION_TICKETS)
    /* Without this, 3.6.1+ drops TLS 1.3 tickets silently and resumption
     * never happens (4.x always signals them). */
    mbedtls_ssl_conf_tls13_enable_signal_new_session_tickets(
        &tls->conf, MBEDTLS_SSL_TLS1_3_SIGNAL_NEW_SESSION_TICKETS_ENABLED);
#endif
}

static camp_status_t conf_fragment(camp_mbedtls_tls_t *tls, unsigned char max_fragment_len)
{
#if defined(MBEDTLS_SSL_MAX_FRAGMENT_LENGTH)
    int ret;
    if (max_fragment_len != 0) {
        ret = mbedtls_ssl_conf_max_frag_len(&tls->conf, max_fragment_len);
        if (ret != 0) {
            set_reason_err(tls, "max fragment length rejected", ret);
            return CAMP_ERR_ARG;
        }
#if defined(MBEDTLS_SSL_PROTO_TLS1_3) && MBEDTLS_VERSION_NUMBER >= 0x03020000
        /* mbedTLS negotiates MFL only in its TLS 1.2 code: offered in a 1.3
         * hello, the 1.3 server's echo fails the handshake (-0x7500). */
        mbedtls_ssl_conf_max_tls_version(&tls->conf, MBEDTLS_SSL_VERSION_TLS1_2);
        tls->mfl_caps_tls12 = true;
#endif
    }
#else
    if (max_fragment_len != 0) {
        set_reason(tls, "max_fragment_len needs MBEDTLS_SSL_MAX_FRAGMENT_LENGTH");
        return CAMP_ERR_UNSUPPORTED;
    }
#endif
    return CAMP_OK;
}

camp_status_t camp_mbedtls_tls_init(camp_mbedtls_tls_t *tls, const camp_mbedtls_tls_config_t *cfg)
{
    camp_status_t st;
    int ret;

    if (tls == NULL) {
        return CAMP_ERR_ARG;
    }
    init_contexts(tls, cfg);
    if (cfg == NULL) {
        set_reason(tls, "no configuration");
        return CAMP_ERR_ARG;
    }
    if (cfg->max_fragment_len > MBEDTLS_SSL_MAX_FRAG_LEN_4096) {
        set_reason(tls, "max_fragment_len must be 0 or a MBEDTLS_SSL_MAX_FRAG_LEN_512..4096 code");
        return CAMP_ERR_ARG;
    }
    apply_settings(tls, cfg);
    st = seed_random(tls);
    if (st != CAMP_OK) {
        return st;
    }
    ret = mbedtls_ssl_config_defaults(&tls->conf, MBEDTLS_SSL_IS_CLIENT,
                                      MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        set_reason_err(tls, "TLS configuration failed", ret);
        return CAMP_ERR_TLS;
    }
    st = load_ca(tls, cfg);
    if (st == CAMP_OK) {
        st = load_client(tls, cfg);
    }
    if (st != CAMP_OK) {
        return st;
    }
    conf_security(tls);
    st = conf_fragment(tls, cfg->max_fragment_len);
    if (st != CAMP_OK) {
        return st;
    }
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
#if MBEDTLS_VERSION_NUMBER < 0x04000000
    mbedtls_ctr_drbg_free(&tls->drbg);
    mbedtls_entropy_free(&tls->entropy);
#endif
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

/* Did the handshake that just finished resume tls->session? No version has
 * a public "was this resumed" call (3.x has none at all), but every one
 * verifies the server certificate in a full handshake and never in a resumed
 * one (TLS 1.2 session ID or ticket, TLS 1.3 PSK): note_certificate() tells. */
static bool handshake_resumed(const camp_mbedtls_tls_t *tls, bool offered)
{
    return offered && !tls->cert_seen;
}

/* ---- connect ----------------------------------------------------------- */

/* The reason names every verification failure on one line. */
static camp_status_t report_verify_failure(camp_mbedtls_tls_t *tls)
{
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

static bool peer_hung_up(int ret)
{
    return ret == MBEDTLS_ERR_SSL_CONN_EOF || ret == MBEDTLS_ERR_NET_CONN_RESET;
}

static camp_status_t map_handshake_error(camp_mbedtls_tls_t *tls, int ret)
{
    tls->last_error = ret;
    tls->verify_flags = mbedtls_ssl_get_verify_result(&tls->ssl);
    if (ret == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED ||
        (tls->verify_flags != 0 && tls->verify_flags != (uint32_t)-1 && !peer_hung_up(ret))) {
        return report_verify_failure(tls);
    }
    if (peer_hung_up(ret)) {
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

/* Runs the handshake until @p deadline; @p by_caller says whether that
 * instant is the caller's request deadline (for the reason text). */
static camp_status_t run_handshake(camp_mbedtls_tls_t *tls, const char *host, uint16_t port,
                                   uint64_t deadline, bool by_caller)
{
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
            int n;
            tls->last_error = ret;
            if (by_caller) {
                n = snprintf(tls->reason, sizeof tls->reason,
                             "TLS handshake with %s:%u did not finish before the request deadline",
                             host, (unsigned)port);
            } else {
                n = snprintf(tls->reason, sizeof tls->reason,
                             "TLS handshake with %s:%u did not finish within %lu ms", host,
                             (unsigned)port, (unsigned long)tls->handshake_timeout_ms);
            }
            if (n < 0) {
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
    return camp_mbedtls_tls_connect_until(tls, host, port, UINT64_MAX);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Forget what the previous connection left in the reason and flags. */
static void reset_connect_state(camp_mbedtls_tls_t *tls)
{
    tls->reason[0] = '\0';
    tls->last_error = 0;
    tls->verify_flags = 0;
    tls->resumed = false;
    tls->cert_seen = false;
    tls->peer_closed = false;
    tls->clean_close = false;
}

static camp_status_t check_connect(camp_mbedtls_tls_t *tls, const char *host, size_t *host_len)
{
    *host_len = strlen(host);
    if (*host_len == 0 || *host_len >= CAMP_MBEDTLS_HOST_MAX) {
        set_reason(tls, "host name empty or longer than 255 bytes");
        return CAMP_ERR_ARG;
    }
    if (!tls->initialised || tls->connected || tls->ssl_ready) {
        set_reason(tls, tls->initialised ? "already connected" : "not initialised");
        return CAMP_ERR_STATE;
    }
    return CAMP_OK;
}

/* A fresh SSL context bound to @p host (SNI and the name the certificate must carry). */
static camp_status_t setup_ssl(camp_mbedtls_tls_t *tls, const char *host)
{
    int ret = mbedtls_ssl_setup(&tls->ssl, &tls->conf);
    if (ret != 0) {
        set_reason_err(tls, "TLS setup failed", ret);
        mbedtls_ssl_free(&tls->ssl);
        mbedtls_ssl_init(&tls->ssl);
        return CAMP_ERR_TLS;
    }
    tls->ssl_ready = true;
    ret = mbedtls_ssl_set_hostname(&tls->ssl, host);
    if (ret != 0) {
        set_reason_err(tls, "host name rejected", ret);
        drop_connection(tls);
        return CAMP_ERR_ARG;
    }
    return CAMP_OK;
}

/* Offers the saved session when it belongs to this host and port; true when offered. */
static bool offer_session(camp_mbedtls_tls_t *tls, const char *host, uint16_t port)
{
    if (tls->resumption && tls->have_session && tls->session_port == port &&
        strcmp(tls->session_host, host) == 0) {
        /* A failure only means a full handshake. */
        return mbedtls_ssl_set_session(&tls->ssl, &tls->session) == 0;
    }
    return false;
}

static const char *proxy_status_hint(int status)
{
    if (status == 407) {
        return " (proxy credentials missing or refused)";
    }
    return status == 401 ? " (proxy credentials refused)" : "";
}

static void report_proxy_refusal(camp_mbedtls_tls_t *tls, const char *host, uint16_t port)
{
    int n;
    if (tls->proxy_status != 0) {
        n = snprintf(tls->reason, sizeof tls->reason,
                     "proxy refused the tunnel to %s:%u: HTTP %d%s", host, (unsigned)port,
                     tls->proxy_status, proxy_status_hint(tls->proxy_status));
    } else {
        n = snprintf(tls->reason, sizeof tls->reason, "proxy gave no valid answer to CONNECT %s:%u",
                     host, (unsigned)port);
    }
    if (n < 0) {
        tls->reason[0] = '\0';
    }
}

static void report_connect_failure(camp_mbedtls_tls_t *tls, camp_status_t st, const char *host,
                                   uint16_t port)
{
    const char *what = st == CAMP_ERR_DNS       ? "cannot resolve"
                       : st == CAMP_ERR_TIMEOUT ? "connect timed out to"
                                                : "cannot connect to";
    if (snprintf(tls->reason, sizeof tls->reason, "%s%s %s:%u", tls->proxy != NULL ? "proxy: " : "",
                 what, host, (unsigned)port) < 0) {
        tls->reason[0] = '\0';
    }
}

/* TCP connection to @p host, directly or through the proxy's tunnel, by @p deadline. */
static camp_status_t open_socket(camp_mbedtls_tls_t *tls, const char *host, uint16_t port,
                                 uint64_t deadline)
{
    camp_status_t st;
    tls->proxy_status = 0;
    if (tls->proxy != NULL) {
        st = camp_mbedtls_net_connect_proxy(&tls->net, tls->proxy, host, port, deadline,
                                            &tls->proxy_status);
        if (st == CAMP_ERR_PROXY) {
            report_proxy_refusal(tls, host, port);
            return st;
        }
    } else {
        st = camp_mbedtls_net_connect(&tls->net, host, port, deadline);
    }
    if (st != CAMP_OK) {
        report_connect_failure(tls, st, host, port);
    }
    return st;
}

/* After a handshake: the saved session now belongs to this host and port. */
static void keep_session(camp_mbedtls_tls_t *tls, const char *host, size_t host_len, uint16_t port)
{
    if (tls->resumption && (tls->session_port != port || strcmp(tls->session_host, host) != 0)) {
        camp_mbedtls_tls_forget_session(tls);
        memcpy(tls->session_host, host, host_len + 1u);
        tls->session_port = port;
    }
#if defined(MBEDTLS_SSL_PROTO_TLS1_3) && MBEDTLS_VERSION_NUMBER >= 0x03020000
    /* TLS 1.3 sessions are only resumable with the ticket that arrives after
     * the handshake; they are saved when recv() meets it. */
    if (mbedtls_ssl_get_version_number(&tls->ssl) == MBEDTLS_SSL_VERSION_TLS1_3) {
        return;
    }
#endif
    save_session(tls);
}

camp_status_t camp_mbedtls_tls_connect_until(camp_mbedtls_tls_t *tls, const char *host,
                                             uint16_t port, uint64_t deadline_ms)
{
    camp_status_t st;
    bool offered;
    size_t host_len = 0;
    uint64_t now;

    if (tls == NULL || host == NULL || port == 0) {
        return CAMP_ERR_ARG;
    }
    reset_connect_state(tls);
    st = check_connect(tls, host, &host_len);
    if (st != CAMP_OK) {
        return st;
    }
    tls->io_deadline_ms = deadline_ms == UINT64_MAX ? 0 : deadline_ms;
    now = tls_now(tls);
    if (deadline_ms != UINT64_MAX && now >= deadline_ms) {
        set_reason(tls, "request deadline passed before connecting");
        return CAMP_ERR_TIMEOUT;
    }
    st = setup_ssl(tls, host);
    if (st != CAMP_OK) {
        return st;
    }
    offered = offer_session(tls, host, port);
    /* Connect, then handshake: each within its own timeout and all within the deadline. */
    st = open_socket(tls, host, port, min_u64(now + tls->connect_timeout_ms, deadline_ms));
    if (st == CAMP_OK) {
        uint64_t until;
        mbedtls_ssl_set_bio(&tls->ssl, &tls->net, camp_mbedtls_net_send, camp_mbedtls_net_recv,
                            NULL);
        until = tls_now(tls) + tls->handshake_timeout_ms;
        st = run_handshake(tls, host, port, min_u64(until, deadline_ms), deadline_ms <= until);
    }
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
    keep_session(tls, host, host_len, port);
    return CAMP_OK;
}

camp_status_t camp_mbedtls_tls_open_until(void *ctx, const char *host, uint16_t port,
                                          uint64_t deadline_ms)
{
    return camp_mbedtls_tls_connect_until((camp_mbedtls_tls_t *)ctx, host, port, deadline_ms);
}

void camp_mbedtls_tls_close_cb(void *ctx)
{
    camp_mbedtls_tls_close((camp_mbedtls_tls_t *)ctx);
}

void camp_mbedtls_tls_set_deadline(void *ctx, uint64_t deadline_ms)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    if (tls != NULL) {
        tls->io_deadline_ms = deadline_ms == UINT64_MAX ? 0 : deadline_ms;
    }
}

/* ---- transport --------------------------------------------------------- */

/* End of the wait of one send/recv: the read timeout, or the caller's deadline if earlier. */
static uint64_t io_deadline(const camp_mbedtls_tls_t *tls)
{
    return earlier(tls_now(tls) + tls->read_timeout_ms, tls->io_deadline_ms);
}

/* mbedtls_ssl_write made no progress yet but may: wait and call again. */
static bool write_pending(int ret)
{
    return ret == MBEDTLS_ERR_SSL_WANT_WRITE || ret == MBEDTLS_ERR_SSL_WANT_READ || ret == 0;
}

/* What send() returns when its loop ended without writing. */
static int32_t send_failure(camp_mbedtls_tls_t *tls, int ret)
{
    if (ret >= 0 || write_pending(ret) || ret == CAMP_TLS_NEW_TICKET) {
        return 0;
    }
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_NET_CONN_RESET || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        tls->peer_closed = true;
        tls->clean_close = ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY;
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

int32_t camp_mbedtls_tls_send(void *ctx, const uint8_t *data, size_t len)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    uint64_t deadline;
    int steps;
    int ret = 0;
    if (tls == NULL || !tls->connected || (data == NULL && len > 0)) {
        return CAMP_NET_ERROR;
    }
    if (len == 0) {
        return 0;
    }
    if (len > 0x7fffffffu) {
        len = 0x7fffffffu;
    }
    deadline = io_deadline(tls);
    for (steps = 0; steps < CAMP_TLS_MAX_STEPS; steps++) {
        tls->net.deadline_ms = deadline;
        ret = mbedtls_ssl_write(&tls->ssl, data, len);
        if (ret > 0) {
            return (int32_t)ret;
        }
        if (ret == CAMP_TLS_NEW_TICKET) {
            save_session(tls);
        } else if (!write_pending(ret)) {
            break;
        }
        if (tls_now(tls) >= deadline) {
            return 0;
        }
    }
    return send_failure(tls, ret);
}

/* mbedtls_ssl_read has no data yet but may have: wait and call again. */
static bool read_pending(int ret)
{
    return ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE ||
           ret == MBEDTLS_ERR_SSL_TIMEOUT;
}

/* What recv() returns when its loop ended without data. */
static int32_t recv_failure(camp_mbedtls_tls_t *tls, int ret)
{
    if (ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY) {
        tls->peer_closed = true;
        tls->clean_close = true;
        return CAMP_NET_CLOSED;
    }
    /* A bare end of stream (ssl_read's 0, CONN_EOF) or a reset: whatever was
     * read may be cut short, and only the caller's framing can tell. */
    if (ret == 0 || ret == MBEDTLS_ERR_SSL_CONN_EOF || ret == MBEDTLS_ERR_NET_CONN_RESET) {
        tls->peer_closed = true;
        tls->clean_close = false;
        tls->last_error = ret;
        set_reason(tls, "peer closed the connection without TLS close_notify");
        return CAMP_NET_TRUNCATED;
    }
    if (read_pending(ret) || ret == CAMP_TLS_NEW_TICKET) {
        return 0; /* step bound reached: try again */
    }
    tls->last_error = ret;
    if (ret == MBEDTLS_ERR_NET_RECV_FAILED) {
        set_reason_err(tls, "socket receive failed", ret);
        return CAMP_NET_ERROR;
    }
    set_reason_err(tls, "TLS read failed", ret);
    return CAMP_NET_TLS_ERROR;
}

int32_t camp_mbedtls_tls_recv(void *ctx, uint8_t *buf, size_t cap)
{
    camp_mbedtls_tls_t *tls = (camp_mbedtls_tls_t *)ctx;
    uint64_t deadline;
    int steps;
    int ret = 0;
    if (tls == NULL || buf == NULL || cap == 0) {
        return CAMP_NET_ERROR;
    }
    if (tls->peer_closed) {
        return tls->clean_close ? CAMP_NET_CLOSED : CAMP_NET_TRUNCATED;
    }
    if (!tls->connected) {
        return CAMP_NET_ERROR;
    }
    if (cap > 0x7fffffffu) {
        cap = 0x7fffffffu;
    }
    deadline = io_deadline(tls);
    /* mbedtls_ssl_read returns WANT_READ without waiting after a record that
     * carried no application data (3.6: a TLS 1.3 NewSessionTicket), so read
     * on until data, an end, an error, or the deadline. */
    for (steps = 0; steps < CAMP_TLS_MAX_STEPS; steps++) {
        tls->net.deadline_ms = deadline;
        ret = mbedtls_ssl_read(&tls->ssl, buf, cap);
        if (ret > 0) {
            return (int32_t)ret;
        }
        if (ret == CAMP_TLS_NEW_TICKET) {
            /* TLS 1.3: a fresh ticket makes the saved session resumable. */
            save_session(tls);
        } else if (!read_pending(ret)) {
            break;
        }
        if (tls_now(tls) >= deadline) {
            return 0; /* nothing in time: the caller checks its own deadline */
        }
    }
    return recv_failure(tls, ret);
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
        /* Best effort, never past the request deadline (one try at least:
         * the socket is non-blocking, so a full buffer costs nothing). */
        uint64_t deadline = io_deadline(tls);
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

const char *camp_mbedtls_tls_protocol(const camp_mbedtls_tls_t *tls)
{
    if (tls == NULL || !tls->ssl_ready) {
        return "";
    }
    return mbedtls_ssl_get_version(&tls->ssl);
}

const char *camp_mbedtls_tls_reason(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->reason : "";
}

uint32_t camp_mbedtls_tls_verify_flags(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->verify_flags : 0u;
}

int camp_mbedtls_tls_proxy_status(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->proxy_status : 0;
}

int camp_mbedtls_tls_last_error(const camp_mbedtls_tls_t *tls)
{
    return tls != NULL ? tls->last_error : 0;
}
