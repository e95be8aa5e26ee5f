/* POSIX TCP transport and clocks. See camp_posix.h. */
#include "camp_posix.h"
#include "camp_proxy.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/random.h>
#endif

#ifndef SOCK_CLOEXEC
#define SOCK_CLOEXEC 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef EAI_ADDRFAMILY
#define EAI_ADDRFAMILY EAI_NONAME
#endif

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* SO_NOSIGPIPE is set on the socket instead (BSD, macOS) */
#endif

uint64_t camp_posix_now_ms(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        return 0;
    }
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

uint64_t camp_posix_now_ms_cb(void *ctx)
{
    (void)ctx;
    return camp_posix_now_ms();
}

int64_t camp_posix_wall_unix(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        return -1;
    }
    return (int64_t)ts.tv_sec;
}

int64_t camp_posix_wall_unix_cb(void *ctx)
{
    (void)ctx;
    return camp_posix_wall_unix();
}

uint32_t camp_posix_random_u32(void *ctx)
{
    uint32_t v = 0;
    (void)ctx;
#if defined(__linux__)
    if (getrandom(&v, sizeof v, 0) == (ssize_t)sizeof v) {
        return v;
    }
#endif
    {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            ssize_t r = read(fd, &v, sizeof v);
            close(fd);
            if (r == (ssize_t)sizeof v) {
                return v;
            }
        }
    }
    {
        /* jitter only needs to be spread, not secret */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        v = (uint32_t)ts.tv_nsec ^ ((uint32_t)ts.tv_sec * 2654435761u);
        v ^= v >> 16;
        v *= 0x7feb352du;
        v ^= v >> 15;
    }
    return v;
}

void camp_posix_sleep_ms(void *ctx, uint32_t ms)
{
    struct timespec ts;
    struct timespec rem;
    int guard;
    (void)ctx;
    ts.tv_sec = (time_t)(ms / 1000u);
    ts.tv_nsec = (long)(ms % 1000u) * 1000000L;
    for (guard = 0; guard < 1000 && nanosleep(&ts, &rem) != 0 && errno == EINTR; guard++) {
        ts = rem;
    }
}

static int set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) {
        return -1;
    }
    return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static void tune_socket(int fd)
{
    int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

/* poll() one fd for @p events, up to @p timeout_ms; restarts on EINTR with
 * the time left. Returns > 0 ready, 0 timed out, < 0 error. */
static int wait_fd(int fd, short events, uint32_t timeout_ms)
{
    uint64_t start = camp_posix_now_ms();
    int guard;
    for (guard = 0; guard < 1000; guard++) {
        struct pollfd p;
        uint64_t spent = camp_posix_now_ms() - start;
        int left = (spent >= timeout_ms) ? 0 : (int)(timeout_ms - spent);
        int r;
        p.fd = fd;
        p.events = events;
        p.revents = 0;
        r = poll(&p, 1, left);
        if (r >= 0) {
            return r;
        }
        if (errno != EINTR) {
            return -1;
        }
    }
    return 0;
}

/* Connect one address within @p timeout_ms. Returns fd or -1 (errno set). */
static int connect_one(const struct addrinfo *ai, uint32_t timeout_ms, int *timed_out)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    int err = 0;
    socklen_t len = sizeof err;
    *timed_out = 0;
    if (fd < 0) {
        return -1;
    }
    if (set_nonblocking(fd) != 0) {
        err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    tune_socket(fd);
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
        return fd;
    }
    if (errno != EINPROGRESS && errno != EINTR) {
        err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    {
        int r = wait_fd(fd, POLLOUT, timeout_ms);
        if (r == 0) {
            close(fd);
            *timed_out = 1;
            errno = ETIMEDOUT;
            return -1;
        }
        if (r < 0) {
            err = errno;
            close(fd);
            errno = err;
            return -1;
        }
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) {
        err = errno;
    }
    if (err != 0) {
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

/* getaddrinfo() status for host:port, stream sockets, numeric service, @p flags. */
static int gai_lookup(const char *host, uint16_t port, int flags, struct addrinfo **res)
{
    struct addrinfo hints;
    char service[8];
    snprintf(service, sizeof service, "%u", (unsigned)port);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV | flags;
    return getaddrinfo(host, service, &hints, res);
}

/* The addresses of host:port (a lookup that may wait for a name server). */
static int resolve(const char *host, uint16_t port, struct addrinfo **res)
{
    int r = gai_lookup(host, port, AI_ADDRCONFIG, res);
    if (r == EAI_ADDRFAMILY || r == EAI_NONAME || r == EAI_FAIL) {
        /* AI_ADDRCONFIG hides loopback-only hosts on some boxes: try without it */
        r = gai_lookup(host, port, 0, res);
    }
    return r;
}

/* ---- name resolution within the deadline ------------------------------------------------ */

/* getaddrinfo() has no timeout of its own: a slow or silent name server holds it for
 * the resolver's timeout times its attempts, often tens of seconds. So a name is
 * resolved in a short-lived thread and the caller waits for it at most the time left.
 * A lookup that outlives the wait finishes on its own: the job is shared by the two
 * sides and freed, with its result, by whichever lets go of it last. (The port is not
 * the core: it may allocate, and the job must outlive a caller that gave up.) */
/* Longest name a lookup is started for (a DNS name has at most 253 bytes). */
#define RESOLVE_HOST_MAX 255u

typedef struct resolve_job {
    pthread_mutex_t mu;
    pthread_cond_t done_cv;
    int holders; /* 2 while the caller waits, then 1 */
    int done;
    int rc;  /* getaddrinfo() status */
    int err; /* errno after it (EAI_SYSTEM) */
    struct addrinfo *res;
    clockid_t clock; /* the clock of done_cv's timed waits */
    uint16_t port;
    char host[RESOLVE_HOST_MAX + 1]; /* a copy: the caller's string may go away first */
} resolve_job_t;

/* Called with job->mu held; unlocks it. The last holder frees the job. */
static void job_release(resolve_job_t *job)
{
    bool last;
    job->holders--;
    last = job->holders == 0;
    pthread_mutex_unlock(&job->mu);
    if (last) {
        if (job->res != NULL) {
            freeaddrinfo(job->res);
        }
        pthread_cond_destroy(&job->done_cv);
        pthread_mutex_destroy(&job->mu);
        free(job);
    }
}

static void *resolve_worker(void *arg)
{
    resolve_job_t *job = (resolve_job_t *)arg;
    struct addrinfo *res = NULL;
    int rc = resolve(job->host, job->port, &res);
    int err = errno;
    pthread_mutex_lock(&job->mu);
    job->rc = rc;
    job->err = err;
    job->res = res;
    job->done = 1;
    pthread_cond_signal(&job->done_cv);
    job_release(job);
    return NULL;
}

/* A job for host:port, its condition on the monotonic clock where there is one. */
static resolve_job_t *job_new(const char *host, uint16_t port)
{
    size_t n = strlen(host);
    resolve_job_t *job;
    pthread_condattr_t ca;
    if (n > RESOLVE_HOST_MAX) {
        return NULL;
    }
    job = (resolve_job_t *)calloc(1, sizeof *job);
    if (job == NULL) {
        return NULL;
    }
    memcpy(job->host, host, n + 1u);
    job->port = port;
    job->holders = 2;
    if (pthread_condattr_init(&ca) != 0) {
        free(job);
        return NULL;
    }
    job->clock = CLOCK_REALTIME;
#if defined(_POSIX_MONOTONIC_CLOCK) && _POSIX_MONOTONIC_CLOCK >= 0 && !defined(__APPLE__)
    if (pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0) {
        job->clock = CLOCK_MONOTONIC; /* a wall-clock step cannot stretch the wait */
    }
#endif
    if (pthread_mutex_init(&job->mu, NULL) != 0) {
        (void)pthread_condattr_destroy(&ca);
        free(job);
        return NULL;
    }
    if (pthread_cond_init(&job->done_cv, &ca) != 0) {
        (void)pthread_condattr_destroy(&ca);
        pthread_mutex_destroy(&job->mu);
        free(job);
        return NULL;
    }
    (void)pthread_condattr_destroy(&ca);
    return job;
}

/* The absolute time @p ms from now on @p clock. */
static struct timespec wait_until(clockid_t clock, uint32_t ms)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        ts.tv_sec = 0;
        ts.tv_nsec = 0;
    }
    ts.tv_sec += (time_t)(ms / 1000u);
    ts.tv_nsec += (long)(ms % 1000u) * (long)1000000;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

/* Starts the worker of @p job: 0, or the error of pthread_create(). */
static int start_worker(resolve_job_t *job, pthread_t *tid)
{
    int r = pthread_create(tid, NULL, resolve_worker, job);
    if (r != 0) {
        job->holders = 1; /* no worker: the caller is the only holder */
        pthread_mutex_lock(&job->mu);
        job_release(job);
    }
    return r;
}

/* Waits for @p job's worker at most @p timeout_ms. In time: its getaddrinfo() status,
 * *res its result, and the worker joined (no thread outlives the call). Too late:
 * *st = CAMP_ERR_TIMEOUT and the worker is left to end and clean up on its own. */
static int wait_worker(resolve_job_t *job, pthread_t tid, uint32_t timeout_ms,
                       struct addrinfo **res, camp_status_t *st)
{
    struct timespec until = wait_until(job->clock, timeout_ms);
    int rc;
    pthread_mutex_lock(&job->mu);
    while (!job->done) {
        if (pthread_cond_timedwait(&job->done_cv, &job->mu, &until) == ETIMEDOUT) {
            break;
        }
    }
    if (!job->done) {
        *st = CAMP_ERR_TIMEOUT;
        job_release(job); /* the worker frees the job and its result when it ends */
        (void)pthread_detach(tid);
        return 0;
    }
    rc = job->rc;
    errno = job->err;
    *res = job->res;
    job->res = NULL; /* now the caller's to free */
    job_release(job);
    (void)pthread_join(tid, NULL); /* it has only to return */
    return rc;
}

/* resolve() bounded by @p timeout_ms: the getaddrinfo() status and *res, or *st =
 * CAMP_ERR_TIMEOUT (the name was not known in time) or CAMP_ERR_NET (no thread could be
 * started; *os_error its error). An address literal needs no lookup and no thread. */
static int resolve_within(const char *host, uint16_t port, uint32_t timeout_ms,
                          struct addrinfo **res, camp_status_t *st, int *os_error)
{
    resolve_job_t *job;
    pthread_t tid;
    int r;
    *st = CAMP_OK;
    if (gai_lookup(host, port, AI_NUMERICHOST, res) == 0) {
        return 0;
    }
    *res = NULL;
    if (strlen(host) > RESOLVE_HOST_MAX) {
        return EAI_NONAME; /* longer than any DNS name */
    }
    job = job_new(host, port);
    r = (job == NULL) ? ENOMEM : start_worker(job, &tid);
    if (r != 0) {
        *os_error = r;
        *st = CAMP_ERR_NET;
        return 0;
    }
    r = wait_worker(job, tid, timeout_ms, res, st);
    if (*st == CAMP_ERR_TIMEOUT) {
        *os_error = ETIMEDOUT;
    }
    return r;
}

/* Tries each address in turn, all within the one timeout counted from start. */
static camp_status_t connect_any(const struct addrinfo *res, uint64_t start, uint32_t timeout_ms,
                                 int *fd, int *os_error)
{
    const struct addrinfo *ai;
    int any_timeout = 0;
    int last_errno = 0;
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        uint64_t spent = camp_posix_now_ms() - start;
        int timed_out = 0;
        int s;
        if (spent >= timeout_ms) {
            any_timeout = 1;
            break;
        }
        s = connect_one(ai, (uint32_t)(timeout_ms - spent), &timed_out);
        if (s >= 0) {
            *fd = s;
            return CAMP_OK;
        }
        last_errno = errno;
        any_timeout |= timed_out;
    }
    if (os_error != NULL) {
        *os_error = last_errno;
    }
    return any_timeout ? CAMP_ERR_TIMEOUT : CAMP_ERR_NET;
}

camp_status_t camp_posix_tcp_connect(const char *host, uint16_t port, uint32_t timeout_ms, int *fd,
                                     int *os_error)
{
    struct addrinfo *res = NULL;
    uint64_t start = camp_posix_now_ms();
    camp_status_t st;
    int r, err = 0;
    if (fd != NULL) {
        *fd = -1;
    }
    if (os_error != NULL) {
        *os_error = 0;
    }
    if (host == NULL || host[0] == '\0' || fd == NULL || port == 0) {
        return CAMP_ERR_ARG;
    }
    r = resolve_within(host, port, timeout_ms, &res, &st, &err);
    if (st != CAMP_OK) {
        if (os_error != NULL) {
            *os_error = err;
        }
        return st;
    }
    if (r != 0 || res == NULL) {
        if (os_error != NULL) {
            *os_error = (r == EAI_SYSTEM) ? errno : 0;
        }
        return CAMP_ERR_DNS;
    }
    st = connect_any(res, start, timeout_ms, fd, os_error);
    freeaddrinfo(res);
    return st;
}

/* What a send() result means to the caller: bytes, 0 to retry, or a CAMP_NET_* code. */
static int32_t send_result(ssize_t r)
{
    if (r > 0) {
        return (int32_t)r;
    }
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return 0;
    }
    if (r < 0 && (errno == EPIPE || errno == ECONNRESET)) {
        return CAMP_NET_CLOSED;
    }
    return CAMP_NET_ERROR;
}

int32_t camp_posix_fd_send(int fd, const uint8_t *data, size_t len, uint32_t timeout_ms)
{
    int w;
    if (fd < 0 || (data == NULL && len > 0)) {
        return CAMP_NET_ERROR;
    }
    if (len == 0) {
        return 0;
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX;
    }
    w = wait_fd(fd, POLLOUT, timeout_ms);
    if (w == 0) {
        return 0;
    }
    if (w < 0) {
        return CAMP_NET_ERROR;
    }
    return send_result(send(fd, data, len, MSG_NOSIGNAL));
}

int32_t camp_posix_fd_recv(int fd, uint8_t *buf, size_t cap, uint32_t timeout_ms)
{
    ssize_t r;
    int w;
    if (fd < 0 || buf == NULL || cap == 0) {
        return CAMP_NET_ERROR;
    }
    if (cap > (size_t)INT32_MAX) {
        cap = (size_t)INT32_MAX;
    }
    w = wait_fd(fd, POLLIN, timeout_ms);
    if (w == 0) {
        return 0;
    }
    if (w < 0) {
        return CAMP_NET_ERROR;
    }
    r = recv(fd, buf, cap, 0);
    if (r > 0) {
        return (int32_t)r;
    }
    if (r == 0) {
        return CAMP_NET_CLOSED;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        return 0;
    }
    if (errno == ECONNRESET) {
        return CAMP_NET_CLOSED;
    }
    return CAMP_NET_ERROR;
}

void camp_posix_tcp_close(int fd)
{
    if (fd >= 0) {
        close(fd);
    }
}

camp_status_t camp_posix_connect(camp_posix_t *ctx, const char *host, uint16_t port,
                                 uint32_t connect_timeout_ms, uint32_t io_timeout_ms)
{
    camp_status_t st;
    if (ctx == NULL) {
        return CAMP_ERR_ARG;
    }
    camp_posix_init(ctx, io_timeout_ms);
    st = camp_posix_tcp_connect(host, port, connect_timeout_ms, &ctx->fd, &ctx->last_error);
    return st;
}

void camp_posix_init(camp_posix_t *ctx, uint32_t io_timeout_ms)
{
    if (ctx == NULL) {
        return;
    }
    ctx->fd = -1;
    ctx->io_timeout_ms = (io_timeout_ms == 0) ? CAMP_POSIX_IO_TIMEOUT_MS : io_timeout_ms;
    ctx->last_error = 0;
    ctx->deadline_ms = 0;
    ctx->proxy = NULL;
    ctx->proxy_status = 0;
}

void camp_posix_set_deadline(void *ctx, uint64_t deadline_ms)
{
    camp_posix_t *p = (camp_posix_t *)ctx;
    if (p != NULL) {
        p->deadline_ms = (deadline_ms == UINT64_MAX) ? 0 : deadline_ms;
    }
}

camp_status_t camp_posix_open_until(void *ctx, const char *host, uint16_t port,
                                    uint64_t deadline_ms)
{
    camp_posix_t *p = (camp_posix_t *)ctx;
    uint64_t now = camp_posix_now_ms();
    uint64_t left;
    const struct camp_proxy *proxy;
    if (p == NULL) {
        return CAMP_ERR_ARG;
    }
    proxy = p->proxy;
    /* Never closes p->fd: a zeroed struct holds 0, which is not ours. */
    camp_posix_init(p, p->io_timeout_ms);
    p->proxy = proxy;
    camp_posix_set_deadline(p, deadline_ms);
    if (now >= deadline_ms) {
        return CAMP_ERR_TIMEOUT;
    }
    if (proxy != NULL) {
        return camp_proxy_tunnel(proxy, host, port, deadline_ms, &p->fd, &p->proxy_status);
    }
    left = deadline_ms - now;
    return camp_posix_tcp_connect(host, port, left > 0x7fffffffu ? 0x7fffffffu : (uint32_t)left,
                                  &p->fd, &p->last_error);
}

void camp_posix_close_cb(void *ctx)
{
    camp_posix_close((camp_posix_t *)ctx);
}

/* Wait of one send/recv: io_timeout_ms, or less when the deadline is nearer. */
static uint32_t io_wait(const camp_posix_t *p)
{
    uint64_t now;
    if (p->deadline_ms == 0) {
        return p->io_timeout_ms;
    }
    now = camp_posix_now_ms();
    if (now >= p->deadline_ms) {
        return 0;
    }
    return (p->deadline_ms - now < p->io_timeout_ms) ? (uint32_t)(p->deadline_ms - now)
                                                     : p->io_timeout_ms;
}

static int32_t posix_send(void *ctx, const uint8_t *data, size_t len)
{
    camp_posix_t *p = (camp_posix_t *)ctx;
    int32_t r = camp_posix_fd_send(p->fd, data, len, io_wait(p));
    if (r < 0) {
        p->last_error = errno;
    }
    return r;
}

static int32_t posix_recv(void *ctx, uint8_t *buf, size_t cap)
{
    camp_posix_t *p = (camp_posix_t *)ctx;
    int32_t r = camp_posix_fd_recv(p->fd, buf, cap, io_wait(p));
    if (r < 0 && r != CAMP_NET_CLOSED) {
        p->last_error = errno;
    }
    return r;
}

camp_transport_t camp_posix_transport(camp_posix_t *ctx)
{
    camp_transport_t t;
    t.send = posix_send;
    t.recv = posix_recv;
    t.now_ms = camp_posix_now_ms_cb;
    t.ctx = ctx;
    return t;
}

void camp_posix_close(camp_posix_t *ctx)
{
    if (ctx != NULL && ctx->fd >= 0) {
        close(ctx->fd);
        ctx->fd = -1;
    }
}
