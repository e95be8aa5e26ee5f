/* reporter-core: what a reporting device does. Get one InboxApp campaign with
 * camp_client_inbox_get_campaign() over a canned in-memory transport (no TLS:
 * the response is fixtures/inboxapp-campaign-get-response.json behind a status
 * line and headers), then decide whether its sending window is open now and
 * when it next opens, in the campaign's zone from a 4-zone table
 * (`make tz TZ_ZONES=...`, FW_TZ_ZONES in mk/target.mk). */
#include <string.h>

#include "camp/camp_client.h"
#include "camp/camp_schedule.h"
#include "fw.h"
#include "fw_fixture.h"

const char fw_name[] = "reporter-core";

#define HEAD "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "

/* The canned server: takes any request, answers with the status line and
 * headers (built once in RAM) and then the campaign, read from flash. */
typedef struct canned {
    char head[sizeof HEAD + 8 + 4];
    size_t head_len;
    size_t pos; /* bytes of head + body delivered */
    size_t sent;
    uint64_t now;
} canned_t;

static int32_t canned_send(void *ctx, const uint8_t *data, size_t len)
{
    canned_t *c = ctx;
    (void)data;
    c->sent += len;
    return (int32_t)len;
}

static int32_t canned_recv(void *ctx, uint8_t *buf, size_t cap)
{
    canned_t *c = ctx;
    const char *src = c->head + c->pos;
    size_t n = c->head_len - c->pos;
    if (c->pos >= c->head_len) {
        src = fw_campaign + (c->pos - c->head_len);
        n = sizeof fw_campaign - 1u - (c->pos - c->head_len);
    }
    if (n == 0) {
        return CAMP_NET_CLOSED;
    }
    if (n > cap) {
        n = cap;
    }
    memcpy(buf, src, n);
    c->pos += n;
    return (int32_t)n;
}

static uint64_t canned_now_ms(void *ctx)
{
    canned_t *c = ctx;
    return c->now += 1u;
}

static void canned_init(canned_t *c)
{
    size_t body = sizeof fw_campaign - 1u, k = 0;
    char digits[8];
    memcpy(c->head, HEAD, sizeof HEAD - 1u);
    c->head_len = sizeof HEAD - 1u;
    do {
        digits[k++] = (char)('0' + body % 10u);
        body /= 10u;
    } while (body != 0u);
    while (k > 0u) {
        c->head[c->head_len++] = digits[--k];
    }
    memcpy(c->head + c->head_len, "\r\n\r\n", 4);
    c->head_len += 4u;
    c->pos = 0;
    c->sent = 0;
    c->now = 0;
}

static canned_t server;
static uint8_t work[4096];
static camp_json_token_t tokens[224];
static camp_client_t client;
static camp_inbox_campaign_t campaign;
/* The campaign's zone is state like the buffers above: static, so that the stack
 * figure is the library's calls and the transport, not the program's own data. */
static camp_tz_t tz;

/* Saturday 2026-03-07 12:00 UTC (07:00 in New York): closed; the window (Mon-Fri
 * 09:00-21:00) next opens on Monday 09:00 EDT, after the DST change of Sunday
 * 8 March: 2026-03-09T13:00:00Z. Tuesday 2026-03-10 14:00 UTC (10:00 EDT) is open. */
#define SATURDAY_NOON_UTC INT64_C(1772884800)
#define MONDAY_OPEN_UTC INT64_C(1773061200)
#define TUESDAY_OPEN_UTC INT64_C(1773151200)

int fw_run(void)
{
    bool open = true, found = false;
    int64_t next = 0;

    canned_init(&server);
    if (camp_client_init_inbox(&client, work, sizeof work, tokens, 224) != CAMP_OK) {
        return 1;
    }
    client.token = "device-token";
    client.transport.send = canned_send;
    client.transport.recv = canned_recv;
    client.transport.now_ms = canned_now_ms;
    client.transport.ctx = &server;
    client.keep_alive = false;
    if (camp_client_inbox_get_campaign(&client, "usdjpdql3f90seqk13rwuo7z", &campaign) != CAMP_OK) {
        return 2;
    }
    if (server.sent == 0 || campaign.schedule_timezone.ptr == NULL) {
        return 3;
    }
    if (camp_tz_find(campaign.schedule_timezone.ptr, campaign.schedule_timezone.len, &tz) !=
        CAMP_OK) {
        return 4;
    }
    if (camp_schedule_is_open(&tz, &campaign.schedule_hours, SATURDAY_NOON_UTC, &open) != CAMP_OK ||
        open) {
        return 5;
    }
    if (camp_schedule_next_open(&tz, &campaign.schedule_hours, SATURDAY_NOON_UTC, &found, &next) !=
            CAMP_OK ||
        !found || next != MONDAY_OPEN_UTC) {
        return 6;
    }
    if (camp_schedule_is_open(&tz, &campaign.schedule_hours, TUESDAY_OPEN_UTC, &open) != CAMP_OK ||
        !open) {
        return 7;
    }
    return 0;
}
