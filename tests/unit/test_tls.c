/* Tests of the mbedTLS transport (port/mbedtls/camp_mbedtls_tls.c).
 *
 * The first group needs nothing but the loopback interface: argument checks,
 * credential parsing, a refused connection and a server that accepts TCP but
 * never answers the handshake (an in-process listening socket).
 *
 * The second group talks to real TLS servers and is skipped unless
 * tests/scripts/tls.sh (which generates a test CA and starts `openssl s_server`
 * instances and a stalling Python socket) provides them in the environment:
 *   CAMP_TLS_CERTS          directory written by tests/mockapi/make_certs.sh
 *   CAMP_TLS_PORT           s_server -www with server.crt (good)
 *   CAMP_TLS_PORT_EXPIRED   s_server -www with expired.crt
 *   CAMP_TLS_PORT_WRONGHOST s_server -www with wronghost.crt
 *   CAMP_TLS_PORT_MTLS      s_server -www -Verify 1 (client certificate required)
 *   CAMP_TLS_PORT_STALL     a socket that accepts and never sends a byte
 *   CAMP_TLS_PORT_TRUNC     Python TLS server: answers with a close-delimited
 *                           body, then closes TCP without close_notify
 *   CAMP_TLS_PORT_CLEAN     the same answer, ended with close_notify
 *   CAMP_TLS_PORT_CLEN      a Content-Length answer, then a close without close_notify
 *   CAMP_TLS_PORT_SLOW      finishes the handshake after 500 ms, then stays silent
 *   CAMP_TLS_PROXY          tinyproxy with Basic auth camp / s3cret
 *   CAMP_TLS_PROXY_EVIL     answers CONNECT with 200, then presents expired.crt
 *
 * Where the protocol version does not matter, TLS 1.2 and 1.3 are both
 * accepted, but the version the client reports must be the one the server
 * reports on its status page.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mbedtls/version.h>

#include "camp/camp_http.h"
#include "mbedtls/camp_mbedtls_tls.h"
#include "posix/camp_proxy.h"

/* A test CA (certificate only, no key): lets init succeed in the offline tests. */
static const char offline_ca[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBvzCCAWWgAwIBAgIUHHqpgsJLwr0QfYXiutb3CmGMCBkwCgYIKoZIzj0EAwIw\n"
    "LTEWMBQGA1UECgwNbGliY2FtcCB0ZXN0czETMBEGA1UEAwwKbGliY2FtcCBjYTAe\n"
    "Fw0yNjExMjQwMzEwNDlaFw0zNjExMjEwMzEwNDlaMC0xFjAUBgNVBAoMDWxpYmNh\n"
    "bXAgdGVzdHMxEzARBgNVBAMMCmxpYmNhbXAgY2EwWTATBgcqhkjOPQIBBggqhkjO\n"
    "PQMBBwNCAATUdZMxahDGbt7KyWsaFF+g2Gn5I2ujLswAqhGZPt7mjtPryeq+kIU3\n"
    "FKKV5Wqs3nFcNSCdr2OWaiPbkD32GyKko2MwYTAdBgNVHQ4EFgQU8bsLhyd2GFwl\n"
    "F2lX4mIEQ6XbB6cwHwYDVR0jBBgwFoAU8bsLhyd2GFwlF2lX4mIEQ6XbB6cwDwYD\n"
    "VR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDSAAwRQIh\n"
    "AMBK4SJT0ES5fnquwZvM8Oz3I4ww5qDJfaPWRkK9B8fBAiAkcPwdRbLDIAb7lXBW\n"
    "10bQc5o46vlszqmvStZS3E0PLA==\n"
    "-----END CERTIFICATE-----\n";

/* Heap-allocated (the context is ~3 KB; cmocka's default stack is fine, but
 * valgrind sees leaks better this way). */
static camp_mbedtls_tls_t *new_tls(void)
{
    camp_mbedtls_tls_t *tls = calloc(1, sizeof *tls);
    assert_non_null(tls);
    return tls;
}

static void offline_config(camp_mbedtls_tls_config_t *cfg)
{
    camp_mbedtls_tls_config_init(cfg);
    cfg->ca = (const uint8_t *)offline_ca;
    cfg->ca_len = sizeof offline_ca; /* PEM: includes the NUL */
}

/* A listening socket on 127.0.0.1 that never accepts: the kernel completes
 * the TCP handshake, the TLS handshake never gets an answer. */
static int listen_loopback(uint16_t *port)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 4), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

/* ---- offline ------------------------------------------------------------ */

static void test_sizeof_is_documented(void **state)
{
    (void)state;
    /* Printed so the figure in camp_mbedtls_tls.h / docs/tls.md can be checked. */
    printf("sizeof(camp_mbedtls_tls_t) = %zu bytes (mbedTLS %s)\n", sizeof(camp_mbedtls_tls_t),
           MBEDTLS_VERSION_STRING);
    assert_true(sizeof(camp_mbedtls_tls_t) > sizeof(mbedtls_ssl_context));
}

static void test_init_requires_ca(void **state)
{
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    (void)state;
    camp_mbedtls_tls_config_init(&cfg);
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_ERR_ARG);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "CA bundle is required"));
    camp_mbedtls_tls_free(tls);
    assert_int_equal(camp_mbedtls_tls_init(tls, NULL), CAMP_ERR_ARG);
    camp_mbedtls_tls_free(tls);
    assert_int_equal(camp_mbedtls_tls_init(NULL, &cfg), CAMP_ERR_ARG);
    free(tls);
}

static void test_init_rejects_garbage_ca(void **state)
{
    static const char junk[] =
        "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n";
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    (void)state;
    camp_mbedtls_tls_config_init(&cfg);
    cfg.ca = (const uint8_t *)junk;
    cfg.ca_len = sizeof junk;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_ERR_TLS);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "CA bundle did not parse"));
    assert_true(camp_mbedtls_tls_last_error(tls) < 0);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_init_key_needs_cert(void **state)
{
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    (void)state;
    offline_config(&cfg);
    cfg.client_key_file = "/nonexistent/client.key";
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_ERR_ARG);
    camp_mbedtls_tls_free(tls);
    offline_config(&cfg);
    cfg.max_fragment_len = 9;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_ERR_ARG);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_connect_argument_and_state_checks(void **state)
{
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    char longhost[300];
    uint8_t byte = 0;
    (void)state;
    offline_config(&cfg);
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, NULL, 443), CAMP_ERR_ARG);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", 0), CAMP_ERR_ARG);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "", 443), CAMP_ERR_ARG);
    memset(longhost, 'a', sizeof longhost - 1);
    longhost[sizeof longhost - 1] = '\0';
    assert_int_equal(camp_mbedtls_tls_connect(tls, longhost, 443), CAMP_ERR_ARG);
    /* Not connected: the transport refuses to move bytes. */
    assert_int_equal(camp_mbedtls_tls_send(tls, &byte, 1), CAMP_NET_ERROR);
    assert_int_equal(camp_mbedtls_tls_recv(tls, &byte, 1), CAMP_NET_ERROR);
    assert_false(camp_mbedtls_tls_resumed(tls));
    camp_mbedtls_tls_close(tls); /* harmless when not connected */
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* A zeroed context (static storage before init) refuses to connect, and
 * closing it must not close descriptor 0 (its zeroed socket field). */
static void test_zeroed_context_is_inert(void **state)
{
    static camp_mbedtls_tls_t zero;
    int fd0_flags_before = fcntl(0, F_GETFD);
    (void)state;
    assert_int_equal(camp_mbedtls_tls_connect(&zero, "127.0.0.1", 443), CAMP_ERR_STATE);
    camp_mbedtls_tls_close(&zero);
    assert_int_equal(fcntl(0, F_GETFD), fd0_flags_before);
}

static void test_connect_refused(void **state)
{
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    uint16_t port;
    int fd;
    (void)state;
    fd = listen_loopback(&port);
    close(fd); /* nobody listens there any more */
    offline_config(&cfg);
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_NET);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "cannot connect"));
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void check_stall(camp_mbedtls_tls_t *tls, uint16_t port)
{
    uint64_t t0 = camp_mbedtls_tls_now_ms(tls);
    uint64_t spent;
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_TIMEOUT);
    spent = camp_mbedtls_tls_now_ms(tls) - t0;
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "did not finish within 300 ms"));
    /* Gave up at the deadline, not before and not much after. */
    assert_true(spent >= 300);
    assert_true(spent < 3000);
}

static void test_handshake_stall_times_out(void **state)
{
    camp_mbedtls_tls_t *tls = new_tls();
    camp_mbedtls_tls_config_t cfg;
    uint16_t port;
    int fd;
    (void)state;
    fd = listen_loopback(&port);
    offline_config(&cfg);
    cfg.handshake_timeout_ms = 300;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    check_stall(tls, port);
    /* The context is reusable after a failure. */
    check_stall(tls, port);
    camp_mbedtls_tls_free(tls);
    close(fd);
    free(tls);
}

/* ---- against real servers (tests/scripts/tls.sh) ------------------------- */

static const char *certs_dir(void)
{
    return getenv("CAMP_TLS_CERTS");
}

static uint16_t env_port(const char *name)
{
    const char *v = getenv(name);
    long p;
    char *end = NULL;
    if (v == NULL || certs_dir() == NULL) {
        return 0;
    }
    p = strtol(v, &end, 10);
    return (end != v && *end == '\0' && p > 0 && p < 65536) ? (uint16_t)p : 0;
}

#define NEED_PORT(var, name)                                                                       \
    do {                                                                                           \
        (var) = env_port(name);                                                                    \
        if ((var) == 0) {                                                                          \
            print_message("skipped: %s / CAMP_TLS_CERTS not set (run tests/scripts/tls.sh)\n",     \
                          name);                                                                   \
            skip();                                                                                \
        }                                                                                          \
    } while (0)

static char *cert_path(char *buf, size_t cap, const char *file)
{
    int n = snprintf(buf, cap, "%s/%s", certs_dir(), file);
    assert_true(n > 0 && (size_t)n < cap);
    return buf;
}

static void online_config(camp_mbedtls_tls_config_t *cfg, char *ca_buf, size_t cap, const char *ca)
{
    camp_mbedtls_tls_config_init(cfg);
    cfg->ca_file = cert_path(ca_buf, cap, ca);
    cfg->handshake_timeout_ms = 5000;
    cfg->read_timeout_ms = 200;
}

/* GET / over the transport and read until the server closes (s_server -www
 * answers HTTP/1.0 and closes). Returns the response length. */
static size_t fetch(camp_mbedtls_tls_t *tls, char *out, size_t cap)
{
    static const char req[] = "GET / HTTP/1.0\r\n\r\n";
    camp_transport_t t = camp_mbedtls_tls_transport(tls);
    uint64_t deadline = t.now_ms(t.ctx) + 5000;
    size_t sent = 0, got = 0;
    while (sent < sizeof req - 1) {
        int32_t n = t.send(t.ctx, (const uint8_t *)req + sent, sizeof req - 1 - sent);
        assert_true(n >= 0);
        sent += (size_t)n;
        assert_true(t.now_ms(t.ctx) < deadline);
    }
    for (;;) {
        int32_t n = t.recv(t.ctx, (uint8_t *)out + got, cap - 1 - got);
        if (n == CAMP_NET_CLOSED) {
            break;
        }
        assert_true(n >= 0);
        got += (size_t)n;
        assert_true(got < cap - 1);
        assert_true(t.now_ms(t.ctx) < deadline);
    }
    out[got] = '\0';
    /* After the close, recv keeps saying so. */
    assert_int_equal(t.recv(t.ctx, (uint8_t *)out + got, 1), CAMP_NET_CLOSED);
    return got;
}

/* s_server's page says "New, TLSv1.x" or "Reused, TLSv1.x": it must agree
 * with what the client negotiated. */
static void assert_page_says(const char *page, const camp_mbedtls_tls_t *tls, const char *how)
{
    char want[64];
    const char *proto = camp_mbedtls_tls_protocol(tls);
    assert_true(strcmp(proto, "TLSv1.2") == 0 || strcmp(proto, "TLSv1.3") == 0);
    assert_true(snprintf(want, sizeof want, "%s, %s", how, proto) > 0);
    if (strstr(page, want) == NULL) {
        print_message("expected \"%s\" on the server's page\n", want);
    }
    assert_non_null(strstr(page, want));
}

static void test_success_over_tls(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    static char page[65536];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_verify_flags(tls), 0);
    assert_false(camp_mbedtls_tls_resumed(tls));
    assert_true(fetch(tls, page, sizeof page) > 0);
    assert_memory_equal(page, "HTTP/1.0 200", 12);
    assert_page_says(page, tls, "New");
    camp_mbedtls_tls_close(tls);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* The same CA given in memory instead of as a path; host given by name
 * (localhost may resolve to ::1 first, where nobody listens: the next address is tried). */
static void test_ca_in_memory_and_dns_name(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char path[512];
    static char pem[16384];
    static char page[65536];
    FILE *f;
    size_t n;
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    f = fopen(cert_path(path, sizeof path, "ca.crt"), "rb");
    assert_non_null(f);
    n = fread(pem, 1, sizeof pem - 1, f);
    fclose(f);
    pem[n] = '\0';
    camp_mbedtls_tls_config_init(&cfg);
    cfg.ca = (const uint8_t *)pem;
    cfg.ca_len = n + 1;
    cfg.read_timeout_ms = 200;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "localhost", port), CAMP_OK);
    assert_true(fetch(tls, page, sizeof page) > 0);
    assert_memory_equal(page, "HTTP/1.0 200", 12);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_session_resumed_on_second_connect(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    static char page[65536];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);

    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_false(camp_mbedtls_tls_resumed(tls));
    fetch(tls, page, sizeof page);
    assert_page_says(page, tls, "New");
    camp_mbedtls_tls_close(tls);

    /* Second connect: the client offers the saved session, and both ends
     * agree it was resumed (the server's own report is in the page). */
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_true(camp_mbedtls_tls_resumed(tls));
    fetch(tls, page, sizeof page);
    assert_page_says(page, tls, "Reused");
    camp_mbedtls_tls_close(tls);

    /* Third connect, still resumable (the session was saved again). */
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_true(camp_mbedtls_tls_resumed(tls));
    fetch(tls, page, sizeof page);
    assert_page_says(page, tls, "Reused");
    camp_mbedtls_tls_close(tls);

    /* Forgotten session: full handshake again, and the detector says so. */
    camp_mbedtls_tls_forget_session(tls);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_false(camp_mbedtls_tls_resumed(tls));
    fetch(tls, page, sizeof page);
    assert_page_says(page, tls, "New");
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_resumption_can_be_disabled(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    static char page[65536];
    int i;
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.disable_session_resumption = true;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    for (i = 0; i < 2; i++) {
        assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
        assert_false(camp_mbedtls_tls_resumed(tls));
        fetch(tls, page, sizeof page);
        assert_page_says(page, tls, "New");
        camp_mbedtls_tls_close(tls);
    }
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_recv_without_data_returns_zero(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    uint8_t buf[64];
    uint64_t t0;
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    /* s_server waits for a request: recv gives "nothing yet" after the read timeout. */
    t0 = camp_mbedtls_tls_now_ms(tls);
    assert_int_equal(camp_mbedtls_tls_recv(tls, buf, sizeof buf), 0);
    assert_true(camp_mbedtls_tls_now_ms(tls) - t0 >= 200);
    assert_true(camp_mbedtls_tls_now_ms(tls) - t0 < 3000);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void expect_verify_failure(const char *ca_file, const char *port_env, uint32_t flag,
                                  const char *text)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    uint16_t port;
    NEED_PORT(port, port_env);
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, ca_file);
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_TLS_VERIFY);
    print_message("refused as expected: %s\n", camp_mbedtls_tls_reason(tls));
    assert_true((camp_mbedtls_tls_verify_flags(tls) & flag) != 0);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), text));
    /* Nothing can be sent over a refused connection. */
    assert_int_equal(camp_mbedtls_tls_send(tls, (const uint8_t *)"x", 1), CAMP_NET_ERROR);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_wrong_ca_refused(void **state)
{
    (void)state;
    expect_verify_failure("other-ca.crt", "CAMP_TLS_PORT", MBEDTLS_X509_BADCERT_NOT_TRUSTED,
                          "not correctly signed");
}

static void test_wrong_host_refused(void **state)
{
    (void)state;
    expect_verify_failure("ca.crt", "CAMP_TLS_PORT_WRONGHOST", MBEDTLS_X509_BADCERT_CN_MISMATCH,
                          "Common Name");
}

static void test_expired_refused(void **state)
{
    (void)state;
    expect_verify_failure("ca.crt", "CAMP_TLS_PORT_EXPIRED", MBEDTLS_X509_BADCERT_EXPIRED,
                          "expired");
}

static void test_stalling_server_times_out(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_STALL");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.handshake_timeout_ms = 300;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    check_stall(tls, port);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

static void test_client_certificate(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512], crt[512], key[512];
    static char page[65536];
    camp_status_t st;
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_MTLS");
    tls = new_tls(); /* after the skip: a skipped test must not leak */
    /* Without a client certificate the server refuses. TLS 1.2: the
     * handshake fails. TLS 1.3: the client finishes its side first, so the
     * refusal (an alert or a bare close) arrives at the first read. */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    st = camp_mbedtls_tls_connect(tls, "127.0.0.1", port);
    if (st == CAMP_OK) {
        uint8_t b[64];
        int32_t r = 0;
        int i;
        assert_string_equal(camp_mbedtls_tls_protocol(tls), "TLSv1.3");
        (void)camp_mbedtls_tls_send(tls, (const uint8_t *)"GET / HTTP/1.0\r\n\r\n", 18);
        for (i = 0; i < 50 && r == 0; i++) {
            r = camp_mbedtls_tls_recv(tls, b, sizeof b);
        }
        print_message("TLS 1.3 refusal seen at the first read: %d (%s)\n", (int)r,
                      camp_mbedtls_tls_reason(tls));
        assert_true(r == CAMP_NET_TLS_ERROR || r == CAMP_NET_TRUNCATED || r == CAMP_NET_ERROR);
    } else {
        assert_true(st == CAMP_ERR_TLS || st == CAMP_ERR_NET);
    }
    camp_mbedtls_tls_free(tls);
    /* With it, the server accepts and says so on its status page. */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.client_cert_file = cert_path(crt, sizeof crt, "client.crt");
    cfg.client_key_file = cert_path(key, sizeof key, "client.key");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    fetch(tls, page, sizeof page);
    assert_memory_equal(page, "HTTP/1.0 200", 12);
    assert_non_null(strstr(page, "libcamp test device"));
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* Max fragment length keeps the connection on TLS 1.2 (mbedTLS negotiates
 * MFL there only) and the handshake and a request still work. */
static void test_max_fragment_length(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    static char page[65536];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    tls = new_tls();
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.max_fragment_len = MBEDTLS_SSL_MAX_FRAG_LEN_1024;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_string_equal(camp_mbedtls_tls_protocol(tls), "TLSv1.2");
    assert_true(fetch(tls, page, sizeof page) > 0);
    assert_memory_equal(page, "HTTP/1.0 200", 12);
    assert_page_says(page, tls, "New");
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* One request over the TLS transport through camp_http_exchange(). */
static camp_status_t http_get(const char *port_env, camp_http_response_t *rs, uint8_t *buf,
                              size_t cap, camp_mbedtls_tls_t *tls)
{
    static const char req[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    camp_mbedtls_tls_config_t cfg;
    camp_transport_t t;
    char ca[512];
    camp_diag_t diag;
    uint16_t port = env_port(port_env);
    assert_true(port != 0);
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    t = camp_mbedtls_tls_transport(tls);
    return camp_http_exchange(&t, (const uint8_t *)req, sizeof req - 1, NULL, 0, false, buf, cap,
                              5000, rs, &diag);
}

/* A close-delimited body that ends with a TCP close but no close_notify may
 * have been cut on the path: an error with its own status, never a body. */
static void test_close_without_close_notify_is_truncation(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_http_response_t rs;
    static uint8_t buf[4096];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_TRUNC");
    (void)port;
    tls = new_tls();
    assert_int_equal(http_get("CAMP_TLS_PORT_TRUNC", &rs, buf, sizeof buf, tls),
                     CAMP_ERR_NET_TRUNCATED);
    assert_true(rs.must_close);
    /* The port keeps saying how the connection ended. */
    assert_int_equal(camp_mbedtls_tls_recv(tls, buf, 1), CAMP_NET_TRUNCATED);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* The same body ended by close_notify is complete. */
static void test_close_notify_ends_body(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_http_response_t rs;
    static uint8_t buf[4096];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_CLEAN");
    (void)port;
    tls = new_tls();
    assert_int_equal(http_get("CAMP_TLS_PORT_CLEAN", &rs, buf, sizeof buf, tls), CAMP_OK);
    assert_int_equal(rs.status, 200);
    assert_int_equal(rs.body_len, 21);
    assert_memory_equal(rs.body, "close-delimited body\n", 21);
    assert_int_equal(camp_mbedtls_tls_recv(tls, buf, 1), CAMP_NET_CLOSED);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* Content-Length framing is unchanged: the body is complete before the
 * (unclean) close, which is never read. */
static void test_content_length_body_unaffected(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_http_response_t rs;
    static uint8_t buf[4096];
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_CLEN");
    (void)port;
    tls = new_tls();
    assert_int_equal(http_get("CAMP_TLS_PORT_CLEN", &rs, buf, sizeof buf, tls), CAMP_OK);
    assert_int_equal(rs.body_len, 5);
    assert_memory_equal(rs.body, "hello", 5);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* One deadline for connect, handshake and reads: a server that finishes the
 * handshake after 500 ms and then says nothing ends the request at the
 * 1500 ms deadline, although each phase alone has 5 s (margins leave room
 * for a loaded machine). */
static void test_one_deadline_for_handshake_and_reads(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    char ca[512];
    uint8_t b[64];
    uint64_t t0;
    uint64_t deadline;
    uint64_t spent;
    int32_t r = 0;
    int i;
    uint16_t port;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT_SLOW");
    tls = new_tls();
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.handshake_timeout_ms = 5000;
    cfg.read_timeout_ms = 5000;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    t0 = camp_mbedtls_tls_now_ms(tls);
    deadline = t0 + 1500;
    assert_int_equal(camp_mbedtls_tls_connect_until(tls, "127.0.0.1", port, deadline), CAMP_OK);
    assert_true(camp_mbedtls_tls_now_ms(tls) - t0 >= 450);
    for (i = 0; i < 100 && r == 0 && camp_mbedtls_tls_now_ms(tls) < deadline; i++) {
        r = camp_mbedtls_tls_recv(tls, b, sizeof b);
    }
    assert_int_equal(r, 0);
    spent = camp_mbedtls_tls_now_ms(tls) - t0;
    print_message("silent server: gave up after %lu ms (deadline 1500 ms)\n", (unsigned long)spent);
    assert_true(spent >= 1500);
    assert_true(spent < 4000); /* per-phase timeouts would give >= 5500 */
    camp_mbedtls_tls_free(tls);

    /* A deadline that passes during the handshake ends connect there. */
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    t0 = camp_mbedtls_tls_now_ms(tls);
    assert_int_equal(camp_mbedtls_tls_connect_until(tls, "127.0.0.1", port, t0 + 200),
                     CAMP_ERR_TIMEOUT);
    spent = camp_mbedtls_tls_now_ms(tls) - t0;
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "request deadline"));
    assert_true(spent >= 200 && spent < 1500);
    /* ...and a deadline already past fails before any I/O. */
    assert_int_equal(camp_mbedtls_tls_connect_until(tls, "127.0.0.1", port, t0), CAMP_ERR_TIMEOUT);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* TLS through tinyproxy: the tunnel needs the proxy's credentials; the TLS
 * handshake, SNI and the certificate name check concern the API host. */
static void test_through_tinyproxy(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    camp_proxy_t proxy;
    char ca[512];
    static char page[65536];
    uint16_t port;
    uint16_t wrong;
    uint16_t pport;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    NEED_PORT(wrong, "CAMP_TLS_PORT_WRONGHOST");
    NEED_PORT(pport, "CAMP_TLS_PROXY");
    tls = new_tls();
    memset(&proxy, 0, sizeof proxy);
    proxy.host = "127.0.0.1";
    proxy.port = pport;

    /* without credentials: 407, reported as such */
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.proxy = &proxy;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_PROXY);
    assert_int_equal(camp_mbedtls_tls_proxy_status(tls), 407);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "407"));
    camp_mbedtls_tls_free(tls);

    /* wrong password: refused (tinyproxy answers 401 here, others 407) */
    proxy.user = "camp";
    proxy.password = "wrong";
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_PROXY);
    assert_true(camp_mbedtls_tls_proxy_status(tls) == 401 ||
                camp_mbedtls_tls_proxy_status(tls) == 407);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "credentials"));
    camp_mbedtls_tls_free(tls);

    /* with them: a full request through the tunnel, then a resumed one */
    proxy.password = "s3cret";
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_proxy_status(tls), 200);
    assert_false(camp_mbedtls_tls_resumed(tls));
    assert_true(fetch(tls, page, sizeof page) > 0);
    assert_memory_equal(page, "HTTP/1.0 200", 12);
    assert_page_says(page, tls, "New");
    camp_mbedtls_tls_close(tls);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_OK);
    assert_true(camp_mbedtls_tls_resumed(tls));
    fetch(tls, page, sizeof page);
    assert_page_says(page, tls, "Reused");
    camp_mbedtls_tls_close(tls);

    /* the name check is against the API host, through the tunnel too */
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", wrong), CAMP_ERR_TLS_VERIFY);
    assert_true((camp_mbedtls_tls_verify_flags(tls) & MBEDTLS_X509_BADCERT_CN_MISMATCH) != 0);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

/* A proxy that never answers ends the connect at the request deadline; a
 * proxy that accepts the tunnel and impersonates the server is refused by
 * the certificate check. */
static void test_hostile_proxies(void **state)
{
    camp_mbedtls_tls_t *tls;
    camp_mbedtls_tls_config_t cfg;
    camp_proxy_t proxy;
    char ca[512];
    uint64_t t0;
    uint64_t spent;
    uint16_t port;
    uint16_t stall;
    uint16_t evil;
    (void)state;
    NEED_PORT(port, "CAMP_TLS_PORT");
    NEED_PORT(stall, "CAMP_TLS_PORT_STALL");
    NEED_PORT(evil, "CAMP_TLS_PROXY_EVIL");
    tls = new_tls();
    memset(&proxy, 0, sizeof proxy);
    proxy.host = "127.0.0.1";
    proxy.port = stall;
    online_config(&cfg, ca, sizeof ca, "ca.crt");
    cfg.proxy = &proxy;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    t0 = camp_mbedtls_tls_now_ms(tls);
    assert_int_equal(camp_mbedtls_tls_connect_until(tls, "127.0.0.1", port, t0 + 300),
                     CAMP_ERR_TIMEOUT);
    spent = camp_mbedtls_tls_now_ms(tls) - t0;
    print_message("silent proxy: gave up after %lu ms (%s)\n", (unsigned long)spent,
                  camp_mbedtls_tls_reason(tls));
    assert_true(spent >= 300 && spent < 1500);
    assert_non_null(strstr(camp_mbedtls_tls_reason(tls), "proxy"));
    camp_mbedtls_tls_free(tls);

    proxy.port = evil;
    assert_int_equal(camp_mbedtls_tls_init(tls, &cfg), CAMP_OK);
    assert_int_equal(camp_mbedtls_tls_connect(tls, "127.0.0.1", port), CAMP_ERR_TLS_VERIFY);
    assert_int_equal(camp_mbedtls_tls_proxy_status(tls), 200);
    assert_true((camp_mbedtls_tls_verify_flags(tls) & MBEDTLS_X509_BADCERT_EXPIRED) != 0);
    camp_mbedtls_tls_free(tls);
    free(tls);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizeof_is_documented),
        cmocka_unit_test(test_init_requires_ca),
        cmocka_unit_test(test_init_rejects_garbage_ca),
        cmocka_unit_test(test_init_key_needs_cert),
        cmocka_unit_test(test_connect_argument_and_state_checks),
        cmocka_unit_test(test_zeroed_context_is_inert),
        cmocka_unit_test(test_connect_refused),
        cmocka_unit_test(test_handshake_stall_times_out),
        cmocka_unit_test(test_success_over_tls),
        cmocka_unit_test(test_ca_in_memory_and_dns_name),
        cmocka_unit_test(test_session_resumed_on_second_connect),
        cmocka_unit_test(test_resumption_can_be_disabled),
        cmocka_unit_test(test_recv_without_data_returns_zero),
        cmocka_unit_test(test_wrong_ca_refused),
        cmocka_unit_test(test_wrong_host_refused),
        cmocka_unit_test(test_expired_refused),
        cmocka_unit_test(test_stalling_server_times_out),
        cmocka_unit_test(test_client_certificate),
        cmocka_unit_test(test_max_fragment_length),
        cmocka_unit_test(test_close_without_close_notify_is_truncation),
        cmocka_unit_test(test_close_notify_ends_body),
        cmocka_unit_test(test_content_length_body_unaffected),
        cmocka_unit_test(test_one_deadline_for_handshake_and_reads),
        cmocka_unit_test(test_through_tinyproxy),
        cmocka_unit_test(test_hostile_proxies),
    };
    return cmocka_run_group_tests_name("tls", tests, NULL, NULL);
}
