/* POSIX port against a listener on 127.0.0.1 in this process (the kernel
 * completes the TCP handshake before accept(), so no thread is needed). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "camp/camp_http.h"
#include "posix/camp_posix.h"

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exchange_over_loopback),
        cmocka_unit_test(test_recv_timeout),
        cmocka_unit_test(test_deadline_bounds_io_waits),
        cmocka_unit_test(test_connect_refused_is_fast_error),
        cmocka_unit_test(test_connect_arguments),
        cmocka_unit_test(test_send_to_closed_peer_no_sigpipe),
        cmocka_unit_test(test_clocks_and_random),
    };
    return cmocka_run_group_tests_name("posix", tests, NULL, NULL);
}
