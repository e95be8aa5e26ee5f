/* POSIX port against a listener on 127.0.0.1 in this process (the kernel
 * completes the TCP handshake before accept(), so no thread is needed), a name
 * server that never answers (getaddrinfo() interposed below), and the HTTP proxy
 * tunnel against fake proxies forked from the test (a real one, tinyproxy, is
 * exercised through TLS in tests/scripts/tls.sh). */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "camp/camp_http.h"
#include "posix/camp_posix.h"
#include "posix/camp_proxy.h"

/* The port's getaddrinfo(): this definition comes first in the link. The name
 * "silent.invalid" never resolves, like a name server that does not answer (the call
 * blocks for good); every other query goes to the C library's getaddrinfo(). */
#define SILENT_NAME "silent.invalid"
typedef int (*getaddrinfo_fn)(const char *, const char *, const struct addrinfo *,
                              struct addrinfo **);

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res)
{
    static pthread_mutex_t never_mu = PTHREAD_MUTEX_INITIALIZER;
    static pthread_cond_t never_cv = PTHREAD_COND_INITIALIZER;
    getaddrinfo_fn next;
    /* a numeric-only query needs no name server: it is answered at once */
    bool numeric = hints != NULL && (hints->ai_flags & AI_NUMERICHOST) != 0;
    if (node != NULL && strcmp(node, SILENT_NAME) == 0 && !numeric) {
        pthread_mutex_lock(&never_mu);
        for (;;) {
            pthread_cond_wait(&never_cv, &never_mu);
        }
    }
    /* the POSIX way to take a function's address from dlsym() */
    *(void **)(&next) = dlsym(RTLD_NEXT, "getaddrinfo");
    return next != NULL ? next(node, service, hints, res) : EAI_FAIL;
}

static int listen_on(uint16_t *port, int backlog)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    assert_true(fd >= 0);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    if (backlog > 0) {
        assert_int_equal(listen(fd, backlog), 0);
    }
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_exchange_over_loopback(void **state)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int sfd;
    int flag = 0;
    socklen_t flen = sizeof flag;
    camp_posix_t net;
    camp_transport_t t;
    camp_http_response_t rs;
    camp_diag_t diag;
    uint8_t buf[1024];
    char got[512];
    ssize_t n;
    static const char req[] = "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";
    (void)state;
    assert_int_equal(camp_posix_connect(&net, "127.0.0.1", port, 2000, 100), CAMP_OK);
    assert_true(net.fd >= 0);
    assert_int_equal(getsockopt(net.fd, IPPROTO_TCP, TCP_NODELAY, &flag, &flen), 0);
    assert_int_not_equal(flag, 0);
    sfd = accept(lfd, NULL, NULL);
    assert_true(sfd >= 0);
    /* the server answers before the client asks: fine for this test */
    assert_int_equal(write(sfd, resp, sizeof resp - 1), (ssize_t)(sizeof resp - 1));
    t = camp_posix_transport(&net);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)req, sizeof req - 1, NULL, 0, false,
                                        buf, sizeof buf, 2000, &rs, &diag),
                     CAMP_OK);
    assert_int_equal(rs.status, 200);
    assert_string_equal(rs.body, "{\"ok\":true}");
    n = read(sfd, got, sizeof got - 1);
    assert_int_equal(n, (ssize_t)(sizeof req - 1));
    assert_memory_equal(got, req, sizeof req - 1);

    /* orderly close seen as CAMP_NET_CLOSED */
    close(sfd);
    assert_int_equal(camp_posix_fd_recv(net.fd, buf, sizeof buf, 1000), CAMP_NET_CLOSED);
    camp_posix_close(&net);
    camp_posix_close(&net); /* twice is harmless */
    assert_int_equal(net.fd, -1);
    close(lfd);
}

static void test_recv_timeout(void **state)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int sfd;
    camp_posix_t net;
    camp_transport_t t;
    camp_http_response_t rs;
    camp_diag_t diag;
    uint8_t buf[256];
    uint64_t start;
    (void)state;
    assert_int_equal(camp_posix_connect(&net, "localhost", port, 2000, 20), CAMP_OK);
    sfd = accept(lfd, NULL, NULL);
    assert_true(sfd >= 0);
    /* nothing sent: one recv waits its io timeout and reports "nothing yet" */
    assert_int_equal(camp_posix_fd_recv(net.fd, buf, sizeof buf, 10), 0);
    /* a whole exchange with a silent server ends at its deadline */
    t = camp_posix_transport(&net);
    start = camp_posix_now_ms();
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18, NULL, 0,
                                        false, buf, sizeof buf, 150, &rs, &diag),
                     CAMP_ERR_TIMEOUT);
    assert_true(camp_posix_now_ms() - start >= 150);
    camp_posix_close(&net);
    close(sfd);
    close(lfd);
}

/* The deadline set through open_until / set_deadline bounds every wait: with
 * a 5 s io timeout and a silent server, the exchange ends at the 300 ms
 * deadline (without it one recv alone would wait 5 s). */
static void test_deadline_bounds_io_waits(void **state)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int sfd;
    camp_posix_t net;
    camp_transport_t t;
    camp_http_response_t rs;
    camp_diag_t diag;
    uint8_t buf[256];
    uint64_t start;
    uint64_t spent;
    (void)state;
    memset(&net, 0, sizeof net); /* a zeroed struct is a closed one */
    net.io_timeout_ms = 5000;
    start = camp_posix_now_ms();
    assert_int_equal(camp_posix_open_until(&net, "127.0.0.1", port, start + 300), CAMP_OK);
    assert_int_equal(net.io_timeout_ms, 5000);
    sfd = accept(lfd, NULL, NULL);
    assert_true(sfd >= 0);
    t = camp_posix_transport(&net);
    assert_int_equal(camp_http_exchange_until(&t, (const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18,
                                              NULL, 0, false, buf, sizeof buf, start + 300, &rs,
                                              &diag),
                     CAMP_ERR_TIMEOUT);
    spent = camp_posix_now_ms() - start;
    assert_true(spent >= 300);
    assert_true(spent < 2000);
    /* past the deadline a recv does not wait at all */
    start = camp_posix_now_ms();
    assert_int_equal(t.recv(t.ctx, buf, sizeof buf), 0);
    assert_true(camp_posix_now_ms() - start < 1000);
    /* set_deadline moves it; 0 removes it (the io timeout alone bounds a wait) */
    camp_posix_set_deadline(&net, camp_posix_now_ms() + 100);
    assert_true(net.deadline_ms != 0);
    camp_posix_set_deadline(&net, 0);
    assert_int_equal(net.deadline_ms, 0);
    camp_posix_close_cb(&net);
    assert_int_equal(net.fd, -1);
    /* a deadline already past: no connect at all */
    assert_int_equal(camp_posix_open_until(&net, "127.0.0.1", port, camp_posix_now_ms()),
                     CAMP_ERR_TIMEOUT);
    assert_int_equal(net.fd, -1);
    assert_int_equal(camp_posix_open_until(NULL, "127.0.0.1", port, UINT64_MAX), CAMP_ERR_ARG);
    close(sfd);
    close(lfd);
}

static void test_connect_refused_is_fast_error(void **state)
{
    uint16_t port;
    int fd = listen_on(&port, 0); /* bound, not listening: connects are refused */
    camp_posix_t net;
    uint64_t start = camp_posix_now_ms();
    (void)state;
    assert_int_equal(camp_posix_connect(&net, "127.0.0.1", port, 5000, 0), CAMP_ERR_NET);
    /* refused at once, not after the 5 s budget */
    assert_true(camp_posix_now_ms() - start < 5000);
    assert_int_equal(net.fd, -1);
    assert_int_equal(net.last_error, ECONNREFUSED);
    close(fd);
}

/* A name server that never answers cannot hold a connect past its budget. Run in a
 * child process: the lookup it gives up on stays blocked in its thread, so the child
 * reports through a pipe and ends with SIGKILL (no leak check of a thread it cannot
 * stop); alarm() makes a connect that is not bounded fail the test, not hang it. */
static void test_dns_within_the_deadline(void **state)
{
    int pipefd[2];
    pid_t pid;
    char verdict = 0;
    (void)state;
    assert_int_equal(pipe(pipefd), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = 0, err = 0;
        camp_status_t st;
        close(pipefd[0]);
        alarm(10);
        st = camp_posix_tcp_connect(SILENT_NAME, 443, 200, &fd, &err);
        verdict = (st == CAMP_ERR_TIMEOUT && fd == -1 && err == ETIMEDOUT) ? 'y' : 'n';
        (void)!write(pipefd[1], &verdict, 1);
        kill(getpid(), SIGKILL);
    }
    close(pipefd[1]);
    assert_int_equal(read(pipefd[0], &verdict, 1), 1);
    close(pipefd[0]);
    assert_int_equal(waitpid(pid, NULL, 0), pid);
    assert_int_equal(verdict, 'y');
}

static void test_connect_arguments(void **state)
{
    int fd = 5;
    (void)state;
    assert_int_equal(camp_posix_tcp_connect("", 80, 100, &fd, NULL), CAMP_ERR_ARG);
    assert_int_equal(fd, -1);
    assert_int_equal(camp_posix_tcp_connect(NULL, 80, 100, &fd, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_posix_tcp_connect("127.0.0.1", 0, 100, &fd, NULL), CAMP_ERR_ARG);
}

static void test_send_to_closed_peer_no_sigpipe(void **state)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int sfd;
    int i;
    int32_t r = 1;
    camp_posix_t net;
    static uint8_t chunk[65536];
    (void)state;
    assert_int_equal(camp_posix_connect(&net, "127.0.0.1", port, 2000, 50), CAMP_OK);
    sfd = accept(lfd, NULL, NULL);
    assert_true(sfd >= 0);
    close(sfd);
    /* without MSG_NOSIGNAL this process would die of SIGPIPE here */
    for (i = 0; i < 100 && r >= 0; i++) {
        r = camp_posix_fd_send(net.fd, chunk, sizeof chunk, 50);
    }
    assert_true(r == CAMP_NET_CLOSED || r == CAMP_NET_ERROR);
    camp_posix_close(&net);
    close(lfd);
}

static void test_clocks_and_random(void **state)
{
    uint64_t a = camp_posix_now_ms();
    uint64_t b;
    uint32_t r1 = camp_posix_random_u32(NULL);
    uint32_t r2 = camp_posix_random_u32(NULL);
    uint32_t r3 = camp_posix_random_u32(NULL);
    (void)state;
    camp_posix_sleep_ms(NULL, 2);
    b = camp_posix_now_ms_cb(NULL);
    assert_true(b >= a + 2);
    assert_true(camp_posix_wall_unix() > 1700000000);
    assert_true(camp_posix_wall_unix_cb(NULL) > 1700000000);
    /* three equal 32-bit draws would mean a broken source */
    assert_false(r1 == r2 && r2 == r3);
}

/* ---- HTTP proxy (camp_proxy.h) -------------------------------------------- */

static void test_proxy_url_parsing(void **state)
{
    char buf[CAMP_PROXY_URL_MAX];
    camp_proxy_t p;
    (void)state;
    assert_int_equal(camp_proxy_parse("http://proxy.corp:3128", &p, buf, sizeof buf), CAMP_OK);
    assert_string_equal(p.host, "proxy.corp");
    assert_int_equal(p.port, 3128);
    assert_null(p.user);
    assert_null(p.password);
    assert_int_equal(camp_proxy_parse("proxy.corp", &p, buf, sizeof buf), CAMP_OK);
    assert_int_equal(p.port, 80);
    assert_int_equal(camp_proxy_parse("HTTP://u%40corp:p%3Ass@10.0.0.1:8080/", &p, buf, sizeof buf),
                     CAMP_OK);
    assert_string_equal(p.host, "10.0.0.1");
    assert_int_equal(p.port, 8080);
    assert_string_equal(p.user, "u@corp");
    assert_string_equal(p.password, "p:ss");
    assert_int_equal(camp_proxy_parse("http://user@[::1]:3128", &p, buf, sizeof buf), CAMP_OK);
    assert_string_equal(p.host, "::1");
    assert_string_equal(p.user, "user");
    assert_null(p.password);
    /* refused, each for its own reason */
    assert_int_equal(camp_proxy_parse("https://proxy:443", &p, buf, sizeof buf),
                     CAMP_ERR_UNSUPPORTED);
    assert_int_equal(camp_proxy_parse("socks5://proxy:1080", &p, buf, sizeof buf),
                     CAMP_ERR_UNSUPPORTED);
    assert_int_equal(camp_proxy_parse("http://:3128", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://proxy:0", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://proxy:65536", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://proxy:31a", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://proxy:3128/path", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://pro xy:3128", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://u%0d%0aX:p@proxy", &p, buf, sizeof buf),
                     CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://u%4@proxy", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://[::1:3128", &p, buf, sizeof buf), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_parse("http://proxy.corp:3128", &p, buf, 8),
                     CAMP_ERR_BUFFER_TOO_SMALL);
    assert_int_equal(camp_proxy_parse(NULL, &p, buf, sizeof buf), CAMP_ERR_ARG);
}

static void test_proxy_bypass_rules(void **state)
{
    (void)state;
    assert_false(camp_proxy_bypass(NULL, "inboxapp.com"));
    assert_false(camp_proxy_bypass("", "inboxapp.com"));
    assert_true(camp_proxy_bypass("*", "inboxapp.com"));
    assert_true(camp_proxy_bypass("localhost, inboxapp.com", "inboxapp.com"));
    assert_true(camp_proxy_bypass(".inboxapp.com", "api.inboxapp.com"));
    assert_true(camp_proxy_bypass("inboxapp.com", "API.InboxApp.com"));
    assert_true(camp_proxy_bypass("inboxapp.com:443", "inboxapp.com"));
    assert_false(camp_proxy_bypass("inboxapp.com", "notinboxapp.com"));
    assert_false(camp_proxy_bypass("api.inboxapp.com", "inboxapp.com"));
    assert_true(camp_proxy_bypass("10.0.0.1,127.0.0.1", "127.0.0.1"));
    assert_false(camp_proxy_bypass("127.0.0.1", "127.0.0.10"));
    assert_true(camp_proxy_bypass("::1", "::1"));
    assert_true(camp_proxy_bypass("[::1]:8080", "::1"));
    assert_false(camp_proxy_bypass("*.corp", "x.corp")); /* no glob beyond a lone "*" */
}

static void test_proxy_from_environment(void **state)
{
    char buf[CAMP_PROXY_URL_MAX];
    camp_proxy_t p;
    bool use = true;
    (void)state;
    unsetenv("https_proxy");
    unsetenv("HTTPS_PROXY");
    unsetenv("http_proxy");
    unsetenv("no_proxy");
    unsetenv("NO_PROXY");
    assert_int_equal(camp_proxy_from_env("inboxapp.com", true, &p, buf, sizeof buf, &use), CAMP_OK);
    assert_false(use);
    setenv("HTTPS_PROXY", "http://proxy:3128", 1);
    assert_int_equal(camp_proxy_from_env("inboxapp.com", true, &p, buf, sizeof buf, &use), CAMP_OK);
    assert_true(use);
    assert_string_equal(p.host, "proxy");
    assert_int_equal(p.port, 3128);
    /* the lower-case name wins */
    setenv("https_proxy", "http://lower:8080", 1);
    assert_int_equal(camp_proxy_from_env("inboxapp.com", true, &p, buf, sizeof buf, &use), CAMP_OK);
    assert_string_equal(p.host, "lower");
    /* plain HTTP reads http_proxy only */
    assert_int_equal(camp_proxy_from_env("inboxapp.com", false, &p, buf, sizeof buf, &use),
                     CAMP_OK);
    assert_false(use);
    /* no_proxy exempts the host */
    setenv("NO_PROXY", "localhost,.inboxapp.com", 1);
    assert_int_equal(camp_proxy_from_env("api.inboxapp.com", true, &p, buf, sizeof buf, &use),
                     CAMP_OK);
    assert_false(use);
    assert_int_equal(camp_proxy_from_env("api.getoutbox.ai", true, &p, buf, sizeof buf, &use),
                     CAMP_OK);
    assert_true(use);
    /* a malformed variable is an error, not a silent direct connection */
    setenv("https_proxy", "https://proxy:443", 1);
    assert_int_equal(camp_proxy_from_env("api.getoutbox.ai", true, &p, buf, sizeof buf, &use),
                     CAMP_ERR_UNSUPPORTED);
    assert_false(use);
    unsetenv("https_proxy");
    unsetenv("HTTPS_PROXY");
    unsetenv("NO_PROXY");
}

/* A one-connection fake proxy in a child process: accepts, reads the request
 * head, sends it back to the parent through @p pipe_w, writes @p answer
 * (NULL: says nothing), then holds the connection until the parent closes.
 * @p endless sends header lines forever instead. */
static pid_t fake_proxy(int lfd, const char *answer, bool endless, int pipe_w)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char head[4096];
        size_t len = 0;
        int c;
        signal(SIGPIPE, SIG_IGN);
        alarm(10);
        c = accept(lfd, NULL, NULL);
        if (c < 0) {
            _exit(1);
        }
        while (len < sizeof head && (len < 4 || memcmp(head + len - 4, "\r\n\r\n", 4) != 0)) {
            ssize_t n = read(c, head + len, 1);
            if (n <= 0) {
                break;
            }
            len += (size_t)n;
        }
        if (write(pipe_w, head, len) < 0) {
            _exit(1);
        }
        close(pipe_w);
        if (endless) {
            static const char start[] = "HTTP/1.1 200 OK\r\n";
            if (write(c, start, sizeof start - 1) < 0) {
                _exit(0);
            }
            for (;;) {
                if (write(c, "X-Filler: yes\r\n", 15) < 0) {
                    _exit(0);
                }
            }
        }
        if (answer != NULL && write(c, answer, strlen(answer)) < 0) {
            _exit(1);
        }
        while (read(c, head, sizeof head) > 0) {
        }
        _exit(0);
    }
    return pid;
}

/* Runs one tunnel attempt against a fake proxy; returns the status and what
 * the proxy received (NUL-terminated) in @p req. */
static camp_status_t tunnel_via(const char *answer, bool endless, const camp_proxy_t *base,
                                const char *host, uint32_t budget_ms, int *fd, int *status,
                                char *req, size_t req_cap, uint64_t *spent)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int pfd[2];
    camp_proxy_t p = *base;
    uint64_t t0;
    camp_status_t st;
    ssize_t n;
    size_t got = 0;
    pid_t pid;
    assert_int_equal(pipe(pfd), 0);
    pid = fake_proxy(lfd, answer, endless, pfd[1]);
    close(pfd[1]);
    p.port = port;
    t0 = camp_posix_now_ms();
    st = camp_proxy_tunnel(&p, host, 443, t0 + budget_ms, fd, status);
    *spent = camp_posix_now_ms() - t0;
    if (st != CAMP_OK) {
        assert_int_equal(*fd, -1);
    }
    while (got + 1 < req_cap && (n = read(pfd[0], req + got, req_cap - 1 - got)) > 0) {
        got += (size_t)n;
        if (got >= 4 && memcmp(req + got - 4, "\r\n\r\n", 4) == 0) {
            break;
        }
    }
    req[got] = '\0';
    close(pfd[0]);
    close(lfd);
    if (st != CAMP_OK) {
        waitpid(pid, NULL, 0);
    } else {
        /* the caller reads from the tunnel, then closes it: reap after */
        (void)pid;
    }
    return st;
}

static void test_proxy_tunnel_against_fake_proxies(void **state)
{
    camp_proxy_t p;
    char req[4096];
    int fd = -1;
    int status = -1;
    uint64_t spent;
    uint8_t b[16];
    (void)state;
    memset(&p, 0, sizeof p);
    p.host = "127.0.0.1";
    p.user = "user";
    p.password = "pass";

    /* 200: the tunnel is open, the request is exact, bytes after the head are left for TLS */
    assert_int_equal(tunnel_via("HTTP/1.1 200 Connection established\r\n\r\nTUNNEL", false, &p,
                                "api.example", 3000, &fd, &status, req, sizeof req, &spent),
                     CAMP_OK);
    assert_int_equal(status, 200);
    assert_string_equal(req, "CONNECT api.example:443 HTTP/1.1\r\nHost: api.example:443\r\n"
                             "Proxy-Authorization: Basic dXNlcjpwYXNz\r\n\r\n");
    assert_int_equal(camp_posix_fd_recv(fd, b, sizeof b, 2000), 6);
    assert_memory_equal(b, "TUNNEL", 6);
    close(fd);
    while (wait(NULL) > 0) {
    }

    /* IPv6 target, no credentials: bracketed, no Proxy-Authorization */
    p.user = NULL;
    assert_int_equal(tunnel_via("HTTP/1.0 200 OK\r\n\r\n", false, &p, "2001:db8::1", 3000, &fd,
                                &status, req, sizeof req, &spent),
                     CAMP_OK);
    assert_string_equal(req,
                        "CONNECT [2001:db8::1]:443 HTTP/1.1\r\nHost: [2001:db8::1]:443\r\n\r\n");
    close(fd);
    while (wait(NULL) > 0) {
    }

    /* 407 and 403: refused, with the status */
    assert_int_equal(
        tunnel_via("HTTP/1.1 407 Proxy Authentication Required\r\n"
                   "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n",
                   false, &p, "api.example", 3000, &fd, &status, req, sizeof req, &spent),
        CAMP_ERR_PROXY);
    assert_int_equal(status, 407);
    assert_int_equal(tunnel_via("HTTP/1.1 403 Forbidden\r\n\r\n", false, &p, "api.example", 3000,
                                &fd, &status, req, sizeof req, &spent),
                     CAMP_ERR_PROXY);
    assert_int_equal(status, 403);

    /* hostile: not HTTP, a cut head, an endless head, silence */
    assert_int_equal(tunnel_via("SSH-2.0-OpenSSH_9.2\r\n\r\n", false, &p, "api.example", 3000, &fd,
                                &status, req, sizeof req, &spent),
                     CAMP_ERR_PROXY);
    assert_int_equal(status, 0);
    assert_int_equal(tunnel_via("HTTP/1.1 200 Connection established\r\n", false, &p, "api.example",
                                300, &fd, &status, req, sizeof req, &spent),
                     CAMP_ERR_TIMEOUT); /* head never ends, connection kept open: deadline */
    assert_int_equal(tunnel_via("HTTP/1.1 2000 OK\r\n\r\n", false, &p, "api.example", 3000, &fd,
                                &status, req, sizeof req, &spent),
                     CAMP_ERR_PROXY);
    assert_int_equal(
        tunnel_via(NULL, true, &p, "api.example", 3000, &fd, &status, req, sizeof req, &spent),
        CAMP_ERR_PROXY);
    assert_true(spent < 3000); /* refused at CAMP_PROXY_HEAD_MAX, not at the deadline */
    assert_int_equal(
        tunnel_via(NULL, false, &p, "api.example", 300, &fd, &status, req, sizeof req, &spent),
        CAMP_ERR_TIMEOUT);
    assert_true(spent >= 300 && spent < 2000);
}

static void test_proxy_tunnel_arguments(void **state)
{
    camp_proxy_t p;
    int fd = 5;
    int status = 5;
    uint16_t port;
    int lfd = listen_on(&port, 0); /* bound, not listening: refused */
    (void)state;
    memset(&p, 0, sizeof p);
    p.host = "127.0.0.1";
    p.port = port;
    assert_int_equal(
        camp_proxy_tunnel(&p, "api.example\r\nX-Evil: 1", 443, UINT64_MAX, &fd, &status),
        CAMP_ERR_ARG);
    assert_int_equal(fd, -1);
    assert_int_equal(status, 0);
    assert_int_equal(camp_proxy_tunnel(&p, "user@api.example", 443, UINT64_MAX, &fd, NULL),
                     CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_tunnel(&p, "", 443, UINT64_MAX, &fd, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_tunnel(&p, "api.example", 0, UINT64_MAX, &fd, NULL), CAMP_ERR_ARG);
    assert_int_equal(camp_proxy_tunnel(NULL, "api.example", 443, UINT64_MAX, &fd, NULL),
                     CAMP_ERR_ARG);
    p.user = "u\r\nX: y";
    assert_int_equal(camp_proxy_tunnel(&p, "api.example", 443, UINT64_MAX, &fd, NULL),
                     CAMP_ERR_ARG);
    p.user = NULL;
    /* nobody at the proxy's address: a network error, fast */
    assert_int_equal(
        camp_proxy_tunnel(&p, "api.example", 443, camp_posix_now_ms() + 5000, &fd, NULL),
        CAMP_ERR_NET);
    /* deadline already past */
    assert_int_equal(camp_proxy_tunnel(&p, "api.example", 443, camp_posix_now_ms(), &fd, NULL),
                     CAMP_ERR_TIMEOUT);
    close(lfd);
}

/* The POSIX transport through a proxy: camp_posix_open_until() tunnels when
 * ctx->proxy is set, and the transport then talks to the target. */
static void test_posix_transport_through_proxy(void **state)
{
    uint16_t port;
    int lfd = listen_on(&port, 4);
    int pfd[2];
    camp_proxy_t p;
    camp_posix_t net;
    camp_transport_t t;
    camp_http_response_t rs;
    camp_diag_t diag;
    uint8_t buf[512];
    char req[1024];
    ssize_t n;
    pid_t pid;
    (void)state;
    assert_int_equal(pipe(pfd), 0);
    /* the "target" answers right after the proxy's 200, inside the tunnel */
    pid = fake_proxy(lfd,
                     "HTTP/1.1 200 Connection established\r\n\r\n"
                     "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
                     false, pfd[1]);
    close(pfd[1]);
    memset(&p, 0, sizeof p);
    p.host = "127.0.0.1";
    p.port = port;
    camp_posix_init(&net, 100);
    net.proxy = &p;
    assert_int_equal(camp_posix_open_until(&net, "api.example", 80, camp_posix_now_ms() + 3000),
                     CAMP_OK);
    assert_int_equal(net.proxy_status, 200);
    assert_true(net.proxy == &p); /* kept for the next connection */
    t = camp_posix_transport(&net);
    assert_int_equal(camp_http_exchange(&t, (const uint8_t *)"GET / HTTP/1.1\r\n\r\n", 18, NULL, 0,
                                        false, buf, sizeof buf, 3000, &rs, &diag),
                     CAMP_OK);
    assert_int_equal(rs.status, 200);
    assert_int_equal(rs.body_len, 2);
    n = read(pfd[0], req, sizeof req - 1);
    assert_true(n > 0);
    req[n] = '\0';
    assert_non_null(strstr(req, "CONNECT api.example:80 HTTP/1.1\r\n"));
    close(pfd[0]);
    camp_posix_close(&net);
    waitpid(pid, NULL, 0);
    close(lfd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exchange_over_loopback),
        cmocka_unit_test(test_recv_timeout),
        cmocka_unit_test(test_deadline_bounds_io_waits),
        cmocka_unit_test(test_connect_refused_is_fast_error),
        cmocka_unit_test(test_connect_arguments),
        cmocka_unit_test(test_dns_within_the_deadline),
        cmocka_unit_test(test_send_to_closed_peer_no_sigpipe),
        cmocka_unit_test(test_clocks_and_random),
        cmocka_unit_test(test_proxy_url_parsing),
        cmocka_unit_test(test_proxy_bypass_rules),
        cmocka_unit_test(test_proxy_from_environment),
        cmocka_unit_test(test_proxy_tunnel_against_fake_proxies),
        cmocka_unit_test(test_proxy_tunnel_arguments),
        cmocka_unit_test(test_posix_transport_through_proxy),
    };
    return cmocka_run_group_tests_name("posix", tests, NULL, NULL);
}
